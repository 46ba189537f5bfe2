"""The Problems dock: errors and warnings of imports and other work, readable and copyable."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.icons import icon

#: the room left and right of a message, and above and below it
_MARGIN, _SPACE = 3, 1


class _WrappedRows(QStyledItemDelegate):
    """Each message wrapped to the list's width, measured and drawn with one text layout. Qt's own item view
    measured a wrapped message otherwise than it drew it: a row two lines high showed one line, elided and centred
    — a blank row above it (seen by eye after the import of a bad folder; the CJK fallback font on one line)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _layout(self, text: str, option: QStyleOptionViewItem, width: int) -> QTextLayout:
        layout = QTextLayout(text, option.font)
        layout.setTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop))
        wrap = layout.textOption()
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(wrap)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width - 2 * _MARGIN))
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout

    def _width(self) -> int:
        return self._view.viewport().width()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self._width()
        layout = self._layout(str(index.data() or ""), option, width)
        return QSize(width, int(layout.boundingRect().height() + 0.999) + 2 * _SPACE)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect: QRect = opt.rect
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        self._layout(text, opt, rect.width()).draw(painter, QPointF(rect.left() + _MARGIN, rect.top() + _SPACE))
        painter.restore()


class ProblemsPanel(QWidget):
    """Errors and warnings of imports and other work, readable and copyable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.list = QListWidget(self)
        self.list.setObjectName("problemsList")
        self.list.setAccessibleName(self.tr("Problems"))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped anew when the dock is resized
        self.list.setItemDelegate(_WrappedRows(self.list))
        self.copy_button = QPushButton(icon("edit-copy"), self.tr("Copy all"), self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.clear_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)
        # a quiet line in the empty list: an empty panel looked broken (seen by eye)
        self.placeholder = QLabel(self.tr("No problems."), self.list.viewport())
        self.placeholder.setObjectName("problemsPlaceholder")
        self.placeholder.setEnabled(False)  # drawn in the palette's disabled (grey) text
        self.placeholder.move(6, 4)
        self.placeholder.adjustSize()
        self.placeholder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.copy_button.clicked.connect(self.copy)
        self.clear_button.clicked.connect(self.clear)

    def add(self, message: str) -> None:
        self.list.addItem(f"{time.strftime('%H:%M:%S')}  {message}")
        self.placeholder.hide()
        self.list.scrollToBottom()

    def clear(self) -> None:
        """Forget every message (the Clear button; another library opened)."""
        self.list.clear()
        self.placeholder.show()

    def messages(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def text(self) -> str:
        return "\n".join(self.messages())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
