"""The window's import (and a PostgreSQL library's) leaves the notes on a piece the reader split off where they are
(seen by the by-eye tester, fix48: any import said the piece's article note orphaned, "its article is gone", and moved
its highlight onto the article it was cut from). The check after an import reads the articles as the reader does."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.annotations import store as A
from reader.app.archive import Archive
from reader.corrections.store import split_article
from reader.library import importer
from reader.library.catalogue import Library

DATA = Path(__file__).resolve().parents[1] / "data"
PAGE = DATA / "samples" / "alto" / "v2_sbb_abbyy_1890" / "27971740_1890-04-01_38_077_0_001.xml"
HEADING = "Die Demokratin."
QUOTE = "Signora Peronica"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(params=["sqlite", "postgres"])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Library]:
    if request.param == "sqlite":
        lib = Library(tmp_path / "lib")
    else:
        import pgcluster

        lib = Library.open(request.getfixturevalue("pg_cluster").create_database(pgcluster.unique_name()))
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(PAGE, src / PAGE.name)
    importer.import_paths(lib, [src])
    yield lib
    lib.close()


def import_another(archive: Archive, tmp_path: Path, name: str) -> None:
    other = tmp_path / name
    other.mkdir()
    shutil.copy(DATA / "text" / "seed_page.txt", other / "seed_page.txt")
    archive.import_paths([str(other)], progress=lambda *_: None, cancel=threading.Event())


def test_the_windows_import_leaves_the_notes_on_a_piece_where_they_are(library: Library, tmp_path: Path) -> None:
    archive = Archive(library)
    [info] = [i for i in library.articles() if HEADING in library.article(i.id).text and i.headline]
    parent = archive.article(info.id)
    [index] = [n for n, p in enumerate(parent.parts) if p.text == HEADING]
    split = archive.correct(split_article(parent, index))
    [piece] = [i.id for i in archive.articles(info.issue_id) if i.id.startswith(info.id + "~")]
    made = archive.article(piece)
    note = A.Annotation(article=piece, note="the piece", source=info.source)
    at = made.text.index(QUOTE)
    mark = A.highlight(made, at, at + len(QUOTE), note="who")
    mark.source = info.source
    for a in (note, mark):
        archive.annotate(a)
    ids = {note.id, mark.id}

    def stored() -> dict[str, tuple[str, str]]:
        return {a.id: (a.article, a.status) for a in archive.annotations.find() if a.id in ids}

    import_another(archive, tmp_path, "other")
    assert stored() == {i: (piece, "attached") for i in ids}
    assert archive.work is not None
    assert not any(i in line for line in archive.work.lines() for i in ids), archive.work.lines()
    assert {a.id for a in archive.article_annotations(piece)} == ids
    assert set(archive.placed_annotations(piece)) == {mark.id}
    assert archive.reattach() == []
    split.undo()  # the piece is no article now: its notes are kept on it, shown on the article holding their words
    archive.corrections_changed()
    import_another(archive, tmp_path, "more")
    assert stored() == {i: (piece, "attached") for i in ids}
    assert {a.id for a in archive.article_annotations(info.id)} >= ids
    assert mark.id in archive.placed_annotations(info.id)
