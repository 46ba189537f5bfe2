"""Layouts and widgets that keep their labels whole in a narrow side panel.

Seen by the by-eye tester at 1024×700 with the Annotations dock open: the side panel, ~190 pixels wide, cut its
buttons ("dd current artic" for "Add current article") and its combo boxes, whose rows had been laid out for a wider
panel. :class:`FlowLayout` puts widgets side by side where they fit at their size hints and wraps them onto the next
row where they do not; :class:`ElidedComboBox` ends a choice too long for its box with "…" (Qt cut it mid-word).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)


def _expands(item: QLayoutItem) -> bool:
    """The item's widget asks for more width than its size hint when there is some (a field, a stretched button)."""
    widget = item.widget()
    if widget is None:
        return False
    return bool(widget.sizePolicy().horizontalPolicy().value & QSizePolicy.PolicyFlag.ExpandFlag.value)


class FlowLayout(QLayout):
    """Widgets left to right at their size hints, wrapping onto a new row where the width runs out; a row's spare width
    goes to its widgets whose horizontal size policy expands. Never narrower than its widest widget's size hint."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # QLayout's interface ---------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(0, len(shown) - 1)
        return self._with_margins(QSize(width, max((i.sizeHint().height() for i in shown), default=0)))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        shown = self._shown()
        return self._with_margins(QSize(max((i.sizeHint().width() for i in shown), default=0),
                                        max((i.sizeHint().height() for i in shown), default=0)))

    # laying out -------------------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            w = item.sizeHint().width()
            if rows and used + self._gap + w <= width:
                rows[-1].append(item)
                used += self._gap + w
            else:
                rows.append([item])
                used = w
        return rows

    def _place(self, rect: QRect, apply: bool) -> int:
        """Lay the widgets out in ``rect`` (``apply``) or only measure: the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        for row in self._rows(area.width()):
            height = max(i.sizeHint().height() for i in row)
            if apply:
                self._place_row(row, QPoint(area.x(), y), area.width(), height)
            y += height + self._gap
        return y - self._gap - rect.y() + m.bottom() if y > area.y() else m.top() + m.bottom()

    def _place_row(self, row: list[QLayoutItem], at: QPoint, width: int, height: int) -> None:
        widths = [i.sizeHint().width() for i in row]
        spare = max(0, width - sum(widths) - self._gap * (len(row) - 1))
        growing = [n for n, i in enumerate(row) if _expands(i)]
        for k, n in enumerate(growing):  # the spare width shared among the widgets that take it, to the pixel
            widths[n] += spare // len(growing) + (1 if k < spare % len(growing) else 0)
        x = at.x()
        for item, w in zip(row, widths, strict=True):
            item.setGeometry(QRect(x, at.y(), min(w, width), height))
            x += w + self._gap


class ElidedComboBox(QComboBox):
    """A combo box whose choice, where the box is too narrow for it, ends in "…" — and is whole in its tooltip —
    rather than being cut mid-word."""

    def __init__(self, parent: QWidget | None = None, *, contents: int = 0) -> None:
        super().__init__(parent)
        if contents:  # as wide as ``contents`` characters by its size hint, however long its choices
            self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.setMinimumContentsLength(contents)
        self.currentTextChanged.connect(lambda _t: self._tip())

    def _label_width(self) -> int:
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return field.width() - 2

    def is_elided(self) -> bool:
        """The choice is too long for the box: shown ending in "…"."""
        return self.fontMetrics().horizontalAdvance(self.currentText()) > self._label_width()

    def _tip(self) -> None:
        self.setToolTip(self.currentText() if self.is_elided() else "")

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._tip()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight,
                                                        self._label_width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


class ElidedLabel(QLabel):
    """A one-line label that, where it is too narrow for its text, ends it in "…" (whole in its tooltip); its least
    width is a few characters, not its text's (the status bar's position label, a long publication's name and date,
    made the window's least width wider than an 800-pixel screen)."""

    #: characters the label keeps at least
    LEAST = 8

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("x" * self.LEAST)), hint.height())

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._tip()

    def is_elided(self) -> bool:
        """The text is too long for the label: shown ending in "…"."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def _tip(self) -> None:
        self.setToolTip(self.text() if self.is_elided() else "")

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._tip()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawItemText(rect, int(self.alignment()), self.palette(), self.isEnabled(), text, self.foregroundRole())


class PanelScroll(QScrollArea):
    """A panel's contents, scrolled up and down where the panel is shorter than they are laid out (rows that wrap, in a
    :class:`FlowLayout` or a word-wrapped label, are as high as their width needs); as wide as they are at least.

    Seen by eye at QT_SCALE_FACTOR=2 (an 800×500 screen): a side panel shorter than its rows wrapped at its width
    drew the search's count over the date fields — the window's layout cannot ask a height for a width."""

    #: lines of text the panel is high at least (the rest scrolls)
    LEAST_LINES = 8

    def __init__(self, inner: QWidget, parent: QWidget | None = None, least_lines: int = LEAST_LINES) -> None:
        super().__init__(parent)
        self.least_lines = least_lines
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields in it take the focus, not the area
        inner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # its contents' least size changed (a row shown or hidden): the panel's too
        return super().eventFilter(watched, event)

    def _inner(self) -> QWidget:
        inner = self.widget()
        assert inner is not None
        return inner

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        least = self._inner().minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(least.width() + bar, min(least.height(), self.fontMetrics().lineSpacing() * self.least_lines))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._inner().sizeHint() + QSize(self.verticalScrollBar().sizeHint().width(), 0)


def scrolled(panel: QWidget, layout: QLayout) -> PanelScroll:
    """Lay ``panel`` out with ``layout`` inside a :class:`PanelScroll` that fills it (the widgets ``layout`` holds
    move into it); the scroll area."""
    inner = QWidget(panel)
    inner.setObjectName(f"{panel.objectName()}Contents")
    inner.setLayout(layout)
    area = PanelScroll(inner, panel)
    outer = QVBoxLayout(panel)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    return area
