"""An old library whose upgrade rewrites every article (catalogue schema 4 → 5, issue 17) opens in the background
under a progress dialog: the window keeps answering, then shows the library; a failed upgrade is one message and
leaves the library as it was."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from reader.gui import workers
from reader.library import catalogue
from reader.library.catalogue import MIGRATIONS, Library, needs_long_upgrade


def _version(folder: Path) -> int:
    conn = sqlite3.connect(folder / "catalogue.sqlite")
    try:
        return int(conn.execute("SELECT MAX(version) FROM schema_version WHERE component = 'catalogue'")
                   .fetchone()[0])
    finally:
        conn.close()


def test_which_libraries_need_the_long_upgrade(old_library: Path, tmp_path: Path) -> None:
    assert needs_long_upgrade(old_library)
    Library(tmp_path / "new").close()
    assert not needs_long_upgrade(tmp_path / "new")
    assert not needs_long_upgrade(tmp_path / "nowhere")
    assert not needs_long_upgrade("postgresql://someone@localhost/papers")
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "catalogue.sqlite").write_bytes(b"not a database")
    assert not needs_long_upgrade(tmp_path / "junk")  # the open says what is wrong with it


def _wait_for(app: QApplication, done, seconds: float = 60) -> float:  # noqa: ANN001
    """Process events until ``done()``; the longest single pass of the event loop."""
    longest, end = 0.0, time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        t = time.monotonic()
        app.processEvents()
        longest = max(longest, time.monotonic() - t)
        time.sleep(0.01)
    return longest


def test_an_old_library_is_upgraded_while_the_window_answers(make_window, old_library: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    folder = old_library
    workers.set_pool(None)  # real threads: the upgrade runs off the GUI thread
    compact = Library._compact_file

    def slow_compact(self: Library) -> None:  # a large library's upgrade takes minutes; this one a second
        time.sleep(1.5)
        compact(self)

    monkeypatch.setattr(Library, "_compact_file", slow_compact)
    win = make_window()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert not win.open_library(folder, create=False)  # opening goes on in the background
    dialog = win.library.upgrading
    assert dialog is not None and dialog.isVisible() and "Updating the library" in dialog.windowTitle()
    assert win.archive is None
    longest = _wait_for(app, lambda: win.archive is not None)
    assert win.archive is not None, win.problems.messages()
    assert longest < 0.5, f"the event loop was busy for {longest * 1000:.0f} ms during the upgrade"
    assert win.library.upgrading is None and not dialog.isVisible()
    assert _version(folder) == len(MIGRATIONS)
    assert win.archive.publications() and win.windowTitle() == str(folder)
    # the folder held only a catalogue: its index is built next, in the task bar, before anything is searched
    _wait_for(app, lambda: win.tasks.task is not None, seconds=20)
    _wait_for(app, lambda: win.tasks.task is None)
    assert win.tasks.task is None and win.archive.prepare_search() is None


def test_a_failed_upgrade_is_one_message_and_the_library_stays_as_it_was(make_window, old_library: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    folder = old_library
    before = (folder / "catalogue.sqlite").read_bytes()

    def broken(conn: object) -> None:
        raise catalogue.LibraryError(folder, "the disk is full")

    k = next(k for k, m in enumerate(MIGRATIONS) if m.version == 5)
    changed = [*MIGRATIONS]
    changed[k] = catalogue.Migration(5, MIGRATIONS[k].name, broken, pg=broken)
    monkeypatch.setattr(catalogue, "MIGRATIONS", changed)
    win = make_window()
    assert not win.open_library(folder, create=False)
    assert win.archive is None and win.library.upgrading is None
    assert any("the disk is full" in m for m in win.problems.messages()), win.problems.messages()
    assert _version(folder) == 4
    conn = sqlite3.connect(folder / "catalogue.sqlite")
    try:
        assert conn.execute("SELECT type FROM sqlite_schema WHERE name = 'article_text'").fetchone() == ("table",)
    finally:
        conn.close()
    assert len((folder / "catalogue.sqlite").read_bytes()) >= len(before) // 2



def test_an_older_postgresql_library_is_upgraded_in_the_background(make_window, pg_cluster, tmp_path: Path,  # noqa: ANN001
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Catalogue migration 8 rewrites every text of a PostgreSQL library (~30 s at 100,000 pages): the window opens
    such a library as it opens an embedded one whose upgrade rewrites every article — on a worker thread, under
    the dialog — and then shows it."""
    from reader.library import postgres

    url = pg_cluster.create_database(f"gui_upgrade_{tmp_path.name[-12:]}".lower().replace("-", "_"))
    monkeypatch.setattr(postgres, "MIGRATIONS", postgres.MIGRATIONS[:7])
    Library.open(url).close()
    monkeypatch.undo()
    workers.set_pool(None)
    win = make_window()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert not win.open_library(url, create=False)  # opening goes on in the background
    dialog = win.library.upgrading
    assert dialog is not None and win.archive is None
    # the message names the database: wrapped, not one line wider than the screen (seen under Xvfb)
    label = dialog.findChild(QLabel)
    assert label is not None and label.wordWrap() and url.split("@")[-1] in label.text()
    assert dialog.width() <= 600
    _wait_for(app, lambda: win.archive is not None)
    assert win.archive is not None, win.problems.messages()
    assert win.library.upgrading is None
    _wait_for(app, lambda: win.tasks.task is None)
    lib = Library.open(url)
    try:
        assert lib.schema_versions()["catalogue"] == len(MIGRATIONS)
    finally:
        lib.close()
