"""The window's shortcuts win over a text field's emacs-style bindings where they collide: after a search, with the
cursor still in the search field, Ctrl+E only moved the cursor to the end of the line — QLineEdit takes Ctrl+E as
"end of line" under X11's key bindings — and no export dialog opened (seen by eye under Xvfb/openbox). The editing
keys a user expects in a text field stay the field's: select all, copy, undo.

The collision is X11's: the offscreen plugin has no such binding, so the test is run again in a real X11 window
under Xvfb (xcb), where it failed before: tests/gui/test_xvfb.py runs it there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication


def test_ctrl_e_in_the_search_field_opens_export(qtbot, make_window, library_dir, monkeypatch) -> None:
    win = make_window(library_dir)
    asked: list[bool] = []
    monkeypatch.setattr(win, "show_export", lambda: asked.append(True))  # the handler is looked up when it fires
    win.side.setCurrentWidget(win.search)
    field = win.search.field
    win.activateWindow()
    field.setFocus()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)  # as the reader's: the window active, typed in
    field.setText("发展")
    field.setCursorPosition(0)
    on_x11 = QKeySequence("Ctrl+E") in QKeySequence.keyBindings(QKeySequence.StandardKey.MoveToEndOfLine)
    assert on_x11 or QGuiApplication.platformName() != "xcb"  # the collision the test is about, where it is
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True], "Ctrl+E in the search field opens File → Export…"
    assert field.text() == "发展"
    # the field's own editing keys stay its own
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert field.selectedText() == "发展"
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "发展"
    qtbot.keyClick(field, Qt.Key.Key_X)
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "发展", "Ctrl+Z undoes the typing in the field"
    assert asked == [True]
