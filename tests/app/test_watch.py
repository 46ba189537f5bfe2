"""An open archive hears of the reader's work changed by another process (reader.app.watch).

Seen by a by-eye tester: a correction made with ``broadsheet correct`` while the window was open was never shown
there (nor found by its search) until the window was restarted. The watch says which kind of work to read again;
the window's own corrections, already applied, ask for nothing.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from reader.annotations.store import Annotation, AnnotationStore
from reader.app.archive import Archive
from reader.app.samples import samples_folder
from reader.app.watch import Elsewhere
from reader.corrections.store import CorrectionStore, correct_text
from reader.library.catalogue import Library
from reader.library.importer import import_paths


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("watch") / "lib"
    with Library.open(folder) as lib:
        import_paths(lib, [samples_folder()])
    return folder


@pytest.fixture
def folder(built: Path, tmp_path: Path) -> Path:
    shutil.copytree(built, tmp_path / "lib")
    return tmp_path / "lib"


def _paragraph(lib: Library) -> tuple[str, int]:
    for info in lib.articles():
        at = 0
        for part in lib.article(info.id).parts:
            first, second = part.locate(2), part.locate(3)
            if part.role == "paragraph" and len(part.text) > 6 and first and second and first[0] == second[0]:
                return info.id, at + 2
            at += len(part.text) + 2
    raise AssertionError("no paragraph")


def test_work_changed_by_another_process_is_heard_once(folder: Path) -> None:
    archive = Archive.open(folder)
    other = Library.open(folder)
    try:
        assert archive.watch.look() == Elsewhere()
        article, at = _paragraph(other)
        archive.corrected(archive.article(article))  # the window has read the article (the overlay applied)
        AnnotationStore.of(other).add(Annotation(article=article, note="from the terminal"))
        assert archive.watch.look() == Elsewhere(annotations=True)
        assert archive.watch.look() == Elsewhere()  # heard once
        fix = CorrectionStore.of(other).add(correct_text(other.article(article), at, at + 2, "龘䨻"))
        assert archive.watch.look() == Elsewhere(corrections=True)
        archive.corrections_changed()  # what the window does on hearing it
        assert "龘䨻" in archive.corrected(archive.article(article)).text
        assert archive.watch.look() == Elsewhere()
        CorrectionStore.of(other).delete(fix.id)
        assert archive.watch.look() == Elsewhere(corrections=True)
    finally:
        other.close()
        archive.close()


def test_the_windows_own_correction_asks_for_nothing_and_a_look_runs_on_any_thread(folder: Path) -> None:
    archive = Archive.open(folder)
    try:
        article, at = _paragraph(archive.library)
        archive.correct(correct_text(archive.article(article), at, at + 2, "龘䨻"))
        assert "龘䨻" in archive.corrected(archive.article(article)).text  # shown: the overlay applies it
        heard: list[Elsewhere] = []
        t = threading.Thread(target=lambda: heard.append(archive.watch.look()))  # the window's watch lane
        t.start()
        t.join()
        assert heard == [Elsewhere()]
    finally:
        archive.close()


def test_another_import_is_heard_when_it_has_ended_and_waits_while_the_windows_own_runs(folder: Path,
                                                                                      tmp_path: Path) -> None:
    archive = Archive.open(folder)
    other = Library.open(folder)
    page = tmp_path / "new" / "page.txt"
    page.parent.mkdir()
    page.write_text("滇緬公路今日通車\n\n本報訊　滇緬公路全線今日通車，運輸物資。\n", encoding="utf-8")
    try:
        import_paths(other, [page])
        assert archive.watch.look(later={"catalogue"}) == Elsewhere()  # the window's own import runs
        assert archive.watch.look() == Elsewhere(catalogue=True)  # it has ended: the news was kept
        assert archive.watch.look() == Elsewhere()
    finally:
        other.close()
        archive.close()
