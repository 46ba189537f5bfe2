"""View → Full screen (F11) gives the page and the text the whole screen, and gives it back.

Seen by eye (eye47): F11 did nothing and the View menu had no such command.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from reader.gui.actions import ActionId


def test_full_screen_is_a_view_command_on_f11(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    act = win.action_map[ActionId.FULL_SCREEN]
    assert act.isCheckable() and not act.isChecked()
    assert QKeySequence("F11") in act.shortcuts()
    assert act in win.menus["view"].actions()
    act.trigger()
    qtbot.waitUntil(lambda: bool(win.windowState() & Qt.WindowState.WindowFullScreen))
    assert act.isChecked()
    act.trigger()
    qtbot.waitUntil(lambda: not win.windowState() & Qt.WindowState.WindowFullScreen)
    assert not act.isChecked()


def test_leaving_full_screen_otherwise_unchecks_the_command(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    act = win.action_map[ActionId.FULL_SCREEN]
    win.showFullScreen()
    QApplication.processEvents()
    qtbot.waitUntil(act.isChecked)
    win.showNormal()
    qtbot.waitUntil(lambda: not act.isChecked())
