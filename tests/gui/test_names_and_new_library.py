"""The window names collections by the store's one rule, as the command line does (it refused ``Other`` beside
``Other`` but took ``other`` and ``Ｏｔｈｅｒ``: three lines in the list), and File → Open library… asks before
making a new library in a folder that holds none (it made one without a word)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox


def _names(win) -> list[str]:  # noqa: ANN001
    return [win.collections.names.item(i).text() for i in range(win.collections.names.count())]


def test_a_collection_name_taken_by_the_rule_is_refused(make_window, library_dir: Path,  # noqa: ANN001
                                                        tmp_path: Path) -> None:
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    win.collecting.new_collection("Other")
    win.collecting.new_collection("My study")
    assert win.collecting.new_collection("Ｏｔｈｅｒ") is None
    win.collecting.rename_collection("My study", "other")
    assert _names(win) == ["My study (0)", "Other (0)"]
    said = [m for m in win.problems.messages() if "already have a collection named 'Other'" in m]
    assert len(said) == 2, win.problems.messages()


def test_open_library_asks_before_making_one(make_window, library_dir: Path, tmp_path: Path,  # noqa: ANN001
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    win = make_window(library_dir)
    empty = tmp_path / "typo"
    empty.mkdir()
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, _title: str, text: str, *_a) -> QMessageBox.StandardButton:  # noqa: ANN001
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(empty))
    monkeypatch.setattr(QMessageBox, "question", question)
    win.library.choose_library()
    assert asked == [f"There is no library in {empty}. Make a new, empty library there?"]
    assert list(empty.iterdir()) == [] and Path(win.archive.location) == library_dir.resolve()
    answer[0] = QMessageBox.StandardButton.Yes
    win.library.choose_library()
    assert (empty / "catalogue.sqlite").exists() and Path(win.archive.location) == empty.resolve()
    asked.clear()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(library_dir))
    win.library.choose_library()  # a library: opened without a question
    assert asked == [] and Path(win.archive.location) == library_dir.resolve()


def test_a_library_the_window_is_given_that_is_not_there_is_asked_about(library_dir: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        settings, qtbot) -> None:  # noqa: ANN001
    """``broadsheet gui --library TYPO`` made an empty library there and filled it with the samples; a recent library
    deleted since was made again, empty, where it was."""
    from reader.gui import app

    asked: list[str] = []

    def question(_parent, _title: str, text: str, *_a) -> QMessageBox.StandardButton:  # noqa: ANN001
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.delenv("BROADSHEET_LIBRARY", raising=False)
    gone = tmp_path / "gone"
    settings.add_recent_library(str(gone))
    settings.add_recent_library(str(library_dir))  # the last library opened
    win = app.build_window(settings, str(tmp_path / "typo"))
    try:
        assert asked == [f"There is no library in {tmp_path / 'typo'}. Make a new, empty library there?"]
        assert not (tmp_path / "typo").exists()
        assert win.archive is not None and Path(win.archive.location) == library_dir.resolve()
        [action] = [a for a in win.library.recent_menu.actions() if a.text() == str(gone)]
        action.trigger()
        assert not gone.exists() and Path(win.archive.location) == library_dir.resolve()
        assert any(f"no library at {gone} (there is no such folder)" in m for m in win.problems.messages()), \
            win.problems.messages()
    finally:
        win.close()
        win.archive.close()
        win.deleteLater()


def test_a_library_made_empty_when_asked_stays_empty_now_and_at_the_next_launch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings, qtbot) -> None:  # noqa: ANN001
    """Seen by eye: ``gui --library NEW`` asked "Make a new, empty library there?", and on Yes the window filled it with
    the 72 sample articles; a folder made a library by File → Open library… was filled at the next launch."""
    from reader.gui import app
    from reader.library.catalogue import Library

    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.delenv("BROADSHEET_LIBRARY", raising=False)
    new = tmp_path / "new"
    for _launch in range(2):
        win = app.build_window(settings, str(new))
        try:
            assert win.archive is not None and Path(win.archive.location) == new.resolve()
            assert win.tasks.task is None, "no sample import started"
        finally:
            win.close()
            win.archive.close()
            win.deleteLater()
        lib = Library(new, create=False)
        try:
            assert lib.stats()["articles"] == 0
        finally:
            lib.close()


def test_a_database_given_to_the_window_that_holds_no_library_is_said_not_made_one(
        pg_cluster, library_dir: Path, monkeypatch: pytest.MonkeyPatch, settings, qtbot) -> None:  # noqa: ANN001
    """Seen in review: ``gui --library postgresql://…`` made Broadsheet's tables in a database holding no library,
    where the command line and File → Open shared library refuse it."""
    import psycopg

    from reader.gui import app

    monkeypatch.delenv("BROADSHEET_LIBRARY", raising=False)
    url = pg_cluster.create_database("holds_no_library")
    settings.add_recent_library(str(library_dir))
    win = app.build_window(settings, url)
    try:
        assert win.archive is None or Path(str(win.archive.location)) == library_dir.resolve()
        assert any("no library at" in m for m in win.problems.messages()), win.problems.messages()
    finally:
        win.close()
        if win.archive is not None:
            win.archive.close()
        win.deleteLater()
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN "
                            "('pg_catalog', 'information_schema')").fetchone() == (0,)
