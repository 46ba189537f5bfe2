"""A page of help (the search syntax) in a dialog that fits the screen: its text scrolls.

Seen by eye at QT_SCALE_FACTOR=2 (an 800×500 screen): the search syntax in a message box was 800×1358, its bottom
and its OK button off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader.gui.dialogs.titles import FRAME, fit_to_screen

#: the text's width, in pixels (the lines of a paragraph a reader takes in at a glance)
TEXT_WIDTH = 560


class HelpDialog(QDialog):
    """``html`` under ``title``, scrolled where the screen is shorter than it, with a Close button."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.text = QTextBrowser(self)
        self.text.setObjectName("helpText")
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        self._size_to_text(lay, buttons.sizeHint().height())
        fit_to_screen(self)

    def _size_to_text(self, lay: QVBoxLayout, below: int) -> None:
        """As high as the text (and ``below`` it, the buttons) at :data:`TEXT_WIDTH`; where the screen is shorter than
        that, wider, up to the screen's width, before the text scrolls. The text is measured in a copy of its document:
        its own, laid out by the browser at the browser's width of the moment (~80 pixels), was ~10 times too high,
        the dialog a screen high, ~60 % of it blank (seen by eye)."""
        margins, bar = lay.contentsMargins(), self.text.verticalScrollBar().sizeHint().width()
        doc = self.text.document().clone(self)
        extra = QSize(2 * self.text.frameWidth() + margins.left() + margins.right(),
                      2 * self.text.frameWidth() + 2 + below + lay.spacing() + margins.top() + margins.bottom())
        screen = self.screen()
        room = screen.availableGeometry().size() - FRAME - extra if screen is not None else QSize(0, 0)
        width = TEXT_WIDTH + 2 * int(doc.documentMargin()) + bar  # the browser's inside, the scroll bar's room kept
        doc.setTextWidth(width)
        while doc.size().height() > room.height() and width + 40 <= room.width():
            width += 40
            doc.setTextWidth(width)
        self.resize(width + extra.width(), int(doc.size().height()) + extra.height())
        doc.deleteLater()
