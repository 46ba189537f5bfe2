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
