"""The search-syntax dialog is as high as its text: it ran the screen's whole height, ~60 % of it blank (seen by eye;
its height was measured on the text laid out ~80 pixels wide, before the dialog had its width). Where the screen is
shorter than the text, the dialog fits the screen and the text scrolls (tests/gui/test_small_screen.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from reader.gui.dialogs.help_dialog import HelpDialog
from reader.gui.widgets.search_panel import syntax_help


def test_the_help_dialog_is_as_high_as_its_text(qtbot) -> None:  # noqa: ANN001
    dlg = HelpDialog("Search syntax", syntax_help())
    qtbot.addWidget(dlg)
    dlg.show()
    QApplication.processEvents()
    text, doc = dlg.text, dlg.text.document()
    area = dlg.screen().availableGeometry()
    assert doc.size().height() < area.height() - 100, "the offscreen screen has room for the whole text"
    assert text.verticalScrollBar().maximum() == 0, "the whole text in sight"
    blank = text.viewport().height() - doc.size().height()
    assert 0 <= blank <= 2 * text.fontMetrics().lineSpacing(), (text.viewport().height(), doc.size().height())
