"""Import from the window: progress, rate, cancel, the Problems panel, drag and drop, first-run samples."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reader.app import samples
from reader.gui.workers import Progress
from reader.library.catalogue import Library


def _record_progress(win) -> list[Progress]:  # noqa: ANN001
    seen: list[Progress] = []
    original = win.taskbar.progress

    def spy(p: Progress) -> None:
        seen.append(p)
        original(p)

    win.taskbar.progress = spy
    return seen


def test_import_runs_with_progress_and_fills_the_tree(make_window, tmp_path: Path, sources_dir: Path) -> None:
    win = make_window(tmp_path / "lib", create=True)
    assert win.tree.topLevelItemCount() == 0
    seen = _record_progress(win)
    outcomes: list[str] = []
    win.import_finished.connect(lambda state, _s: outcomes.append(state))
    worker = win.import_paths([sources_dir])
    assert worker is not None and worker.state == "done" and outcomes == ["done"]
    assert [p.done for p in seen] == sorted(p.done for p in seen) and seen[-1].done == seen[-1].total
    assert win.tree.topLevelItemCount() == 4
    assert "Imported" in win.statusBar().currentMessage()
    assert win.taskbar.isHidden() and win.tasks.task is None
    assert "files/s" in win.taskbar.rate.text() and win.taskbar.bar.maximum() == 1000
    # rebuilding the index is the same kind of task, and search still answers afterwards
    worker = win.tasks.reindex()
    assert worker is not None and worker.state == "done" and worker.result > 0
    assert win.archive is not None and win.archive.search("发展").total > 0


def test_import_can_be_cancelled_and_the_library_stays_usable(make_window, tmp_path: Path, sources_dir: Path) -> None:
    win = make_window(tmp_path / "lib", create=True)
    seen = _record_progress(win)
    original = win.taskbar.progress

    def cancel_after_first(p: Progress) -> None:
        original(p)
        if p.done == 1:
            win.taskbar.cancel.click()  # the user presses the status bar's cancel button

    win.taskbar.progress = cancel_after_first
    outcomes: list[str] = []
    win.import_finished.connect(lambda state, _s: outcomes.append(state))
    worker = win.import_paths([sources_dir])
    assert worker is not None and worker.state == "aborted" and outcomes == ["aborted"]
    report = worker.result
    # the import runs in a child process that stops after the file it is reading when cancelled
    assert report.cancelled and 1 <= len(report.imported) < 4
    assert win.statusBar().currentMessage() == (
        f"Cancelled: the {len(report.imported)} file(s) imported before the stop are kept.")
    assert not seen or seen[0].done == 1
    with Library.open(tmp_path / "lib", create=False) as lib:  # what was committed is there, and searchable
        assert lib.stats()["sources"] == len(report.imported) and lib.stats()["unindexed"] == 0
    # importing again completes the library
    win.taskbar.progress = original
    worker = win.import_paths([sources_dir])
    assert worker.state == "done" and win.tree.topLevelItemCount() == 4


def test_bad_files_go_to_the_problems_panel_and_the_batch_goes_on(make_window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    src = tmp_path / "src"
    src.mkdir()
    (src / "broken.xml").write_text("<alto><Layout><Page", encoding="utf-8")
    shutil.copy(Path(__file__).resolve().parents[1] / "data" / "text" / "seed_page.txt", src / "seed_page.txt")
    win = make_window(tmp_path / "lib", create=True)
    worker = win.import_paths([src])
    assert worker.state == "done" and len(worker.result.imported) == 1
    problems = win.problems.messages()
    # (and one sentence for the folder: its page named neither its paper nor its date)
    assert "neither a publication" in problems[-1] and "seed_page.txt" in problems[-1]
    assert "folder names" in problems[-1] and "sidecar" in problems[-1]  # ways the window's reader has too
    problems = problems[:-1]
    assert len(problems) == 1 and "broken.xml" in problems[0]
    assert win.problems_dock.isVisible()
    win.problems.copy()
    from PySide6.QtGui import QGuiApplication

    assert "broken.xml" in QGuiApplication.clipboard().text()


def test_dropping_files_on_the_window_imports_them(make_window, tmp_path: Path, sources_dir: Path) -> None:
    win = make_window(tmp_path / "lib", create=True)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sources_dir / "rmrb" / "seed_page.txt"))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    win.dropEvent(event)
    assert [win.tree.topLevelItem(i).text(0) for i in range(win.tree.topLevelItemCount())] == ["人民日报"]


def test_first_run_builds_the_sample_library_in_a_worker(make_window, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch, settings) -> None:  # noqa: ANN001
    from reader.gui import app

    monkeypatch.setenv("BROADSHEET_LIBRARY", str(tmp_path / "first-run"))
    assert samples.library_location(settings.last_library()) == tmp_path / "first-run"
    win = app.build_window(settings)
    try:
        assert win.archive is not None and win.archive.folder == tmp_path / "first-run"
        pubs = {p.name for p in win.archive.publications()}
        assert {"人民日报", "晶報 Jing bao", "Berlinische Monatsschrift",
                "Luxemburger Zeitung – Journal de Luxembourg"} == pubs
        assert not win.problems.messages()
        assert not samples.needs_samples(win.archive.library)
        # the newcomer starts on the Chinese page, reading
        assert win.archive.info(win.article_id).publication == "人民日报"
        kant = next(i for i in win.archive.issues() if i.publication == "Berlinische Monatsschrift")
        page = win.archive.page(win.archive.pages(kant.id)[0].id)
        assert page.image and page.image.endswith(".jp2")
    finally:
        win.close()
        win.archive.close()
        win.deleteLater()


def test_import_in_a_real_thread_keeps_the_window_responsive(make_window, tmp_path: Path, sources_dir: Path,
                                                             qtbot) -> None:  # noqa: ANN001
    from reader.gui import workers

    workers.set_pool(None)  # the global QThreadPool: the import runs off the GUI thread
    win = make_window(tmp_path / "lib", create=True)
    ticks: list[int] = []
    from PySide6.QtCore import QTimer

    timer = QTimer(win)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    with qtbot.waitSignal(win.import_finished, timeout=60000) as blocker:
        worker = win.import_paths([sources_dir])
        assert worker is not None and win.taskbar.isVisible()
    timer.stop()
    assert blocker.args[0] == "done"
    assert win.tree.topLevelItemCount() == 4
    assert len(ticks) >= 3, "the event loop kept running during the import"


def test_read_every_file_again_rereads_what_the_library_holds(make_window, tmp_path: Path, sources_dir: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """File → Read every file again: after an upgrade that reads pages better, the files the library holds
    unchanged are read again (``import --reread``), the window asking first and saying how many it read; a
    file gone from its folder is named, not read."""
    from PySide6.QtWidgets import QMessageBox

    from reader.gui.actions import ActionId

    # a copy: a file is moved away below, and sources_dir is the run's (the session's library is built from it —
    # moved there, the Jing bao page was missing from every window test that ran after this one on its worker)
    sources = shutil.copytree(sources_dir, tmp_path / "archive")
    win = make_window(tmp_path / "lib", create=True)
    worker = win.import_paths([sources])
    assert worker is not None and worker.state == "done"
    held = sorted(worker.result.imported)
    first = win.tree.first_page()
    assert first is not None
    win.tree.select("page", first[0], first[1])
    shown = (win.state.article_id, win.article_view.article.text)
    gone = Path(held[0])
    gone.rename(tmp_path / "elsewhere.txt")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    win.action_map[ActionId.READ_AGAIN].trigger()
    assert asked and win.tasks.task is None, "asked first; No reads nothing"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    outcomes: list[object] = []
    win.import_finished.connect(lambda state, summary: outcomes.append((state, summary)))
    win.action_map[ActionId.READ_AGAIN].trigger()
    ((state, summary),) = outcomes
    assert state == "done" and sorted(summary.reread) == held[1:] and not summary.unchanged
    assert "read again" in win.statusBar().currentMessage()
    assert any(gone.name in line for line in win.problems.messages()), "the file not found is named"
    assert win.tree.topLevelItemCount() >= 3
    # the reader stays on the same words, on a page that exists, current in the tree; the next page opens
    assert (win.state.article_id, win.article_view.article.text) == shown
    assert win.state.page_id is not None and win.archive.page(win.state.page_id) is not None
    assert win.tree.current_key() == ("page", win.state.page_id, win.state.issue_id)
    win.action_map[ActionId.NEXT_PAGE].trigger()
    assert win.state.page_id is not None and win.archive.page(win.state.page_id) is not None
