"""The window's status bar: a temporary message too long for the room left of the permanent widgets (the task bar,
the page and position label) ends in "…" and is whole in the bar's tooltip.

Qt cuts such a message off where the first permanent widget begins, with nothing to say it was cut (seen by eye at
1440×900: "…give them in folde人民日报 · 2021‑01‑27"). :meth:`StatusBar.paintEvent` paints the message elided in
the rectangle Qt gives it; :meth:`currentMessage` stays the whole message.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QStatusBar, QStyle, QStyleOption, QWidget

#: events of a permanent widget that change the room the message has
_ROOM_CHANGES = (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Move, QEvent.Type.Resize)


class StatusBar(QStatusBar):
    """A status bar whose temporary message is elided before the permanent widgets, whole in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        #: the permanent widgets, left to right (QStatusBar keeps its own list private)
        self._permanent: list[QWidget] = []
        self.messageChanged.connect(lambda _m: self._tell_whole())

    def addPermanentWidget(self, widget: QWidget, /, stretch: int | None = None) -> None:  # noqa: N802
        super().addPermanentWidget(widget, stretch or 0)
        self._permanent.append(widget)
        widget.installEventFilter(self)  # shown, hidden, moved or resized: the message's room changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A permanent widget came, went or moved: the tooltip says the message whole only while it is cut (seen
        under Xvfb: the import's summary, said while the task bar stood beside it, kept its tooltip once shown
        whole)."""
        if event.type() in _ROOM_CHANGES and watched in self._permanent:
            self._tell_whole()
        return super().eventFilter(watched, event)

    def message_rect(self) -> QRect:
        """Where the message is painted: as Qt places it, from the left up to the first permanent widget shown."""
        right = self.width() - 12
        shown = [w for w in self._permanent if w.isVisible()]
        if shown:
            right = min(right, min(w.x() for w in shown) - 2)
        return QRect(6, 0, max(0, right - 6), self.height())

    def shown_message(self) -> str:
        """The message as painted: whole when it fits, else cut at a character and ended with "…"."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def _tell_whole(self) -> None:
        message = self.currentMessage()
        self.setToolTip(message if message and self.shown_message() != message else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._tell_whole()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # QStatusBar.paintEvent with the message elided: the panel, the permanent widgets' frames, the message
        p = QPainter(self)
        try:
            opt = QStyleOption()
            opt.initFrom(self)
            style = self.style()
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, opt, p, self)
            for widget in self._permanent:
                if widget.isVisible():
                    frame = QStyleOption()
                    frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
                    frame.palette = self.palette()
                    frame.state = QStyle.StateFlag.State_None
                    style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, p, widget)
            p.setPen(self.palette().windowText().color())
            p.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                       | Qt.TextFlag.TextSingleLine, self.shown_message())
        finally:
            p.end()
