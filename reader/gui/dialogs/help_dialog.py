"""A page of help (the search syntax) in a dialog that fits the screen: its text scrolls.

Seen by eye at QT_SCALE_FACTOR=2 (an 800×500 screen): the search syntax in a message box was 800×1358, its bottom
and its OK button off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader.gui.dialogs.titles import fit_to_screen

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
        doc = self.text.document()
        doc.setTextWidth(TEXT_WIDTH)
        frame = 2 * self.text.frameWidth() + 2 * int(doc.documentMargin())
        margins, bar = lay.contentsMargins(), self.text.verticalScrollBar().sizeHint().width()
        self.resize(TEXT_WIDTH + frame + margins.left() + margins.right() + bar,
                    int(doc.size().height()) + frame + buttons.sizeHint().height() + lay.spacing()
                    + margins.top() + margins.bottom())
        fit_to_screen(self)
