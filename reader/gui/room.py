"""The reading column's room in a narrow window (:mod:`reader.app.room` decides; this applies it).

When the reading pane (the reading column and the page) is resized — the window narrowed, the Annotations dock
opened or widened — and the reading column has fewer than ``READABLE`` pixels, the page gives it room, then the side
panel (not while the reader drags the side panel wider: that is their choice), which gets it back when the room is
there again (the dock closed). Dragging the handle between the text and the page is the reader's choice too, and does
not resize the pane, so it is left as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QSplitter, QWidget

from reader.app.room import Room, reading_room


class ReadingPane(QSplitter):
    """The reading column beside the page: a splitter that says when it was resized, once it has laid its two
    widgets out again (an event filter hears of a resize before)."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.resized.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.resized.emit()  # its first size came while it was hidden


class RoomKeeper:
    """Keeps the reading column readable in ``main`` (side panel | ``reading``) and ``reading`` (text | page)."""

    def __init__(self, main: QSplitter, reading: ReadingPane, side: QWidget, article: QWidget, page: QWidget) -> None:
        self.main, self.reading = main, reading
        self.side, self.article, self.page = side, article, page
        self._busy = False
        #: pixels taken from the side panel for the reading column (given back when there is room again)
        self._owed = 0
        reading.resized.connect(self._resized)
        main.splitterMoved.connect(self._side_chosen)

    def _side_chosen(self) -> None:
        """The reader set the side panel's width: that is its width now, nothing owed."""
        if not self._busy:
            self._owed = 0

    def _resized(self) -> None:
        if not self._busy:
            self._busy = True
            try:
                self.make_room()
            finally:
                self._busy = False

    def _dragging_side(self) -> bool:
        """The reader holds the handle between the side panel and the reading pane."""
        handle = self.main.handle(1)
        return QApplication.mouseButtons() != Qt.MouseButton.NoButton and handle is not None and handle.underMouse()

    def make_room(self) -> None:
        """Give the reading column its room from the page, then the side panel (see the module's docstring)."""
        main, reading = self.main.sizes(), self.reading.sizes()
        if not self.reading.isVisible() or len(main) != 2 or len(reading) != 2 or min(reading) <= 0:
            return
        side = main[0] if self.side.isVisibleTo(self.main) else 0
        room = reading_room(Room(side, reading[0], reading[1], self._owed if side else 0),
                            side_min=self.side.minimumWidth(), page_min=self.page.minimumWidth(),
                            side_too=bool(side) and not self._dragging_side())
        self._owed = room.owed if side else self._owed
        if room.side != side:  # the pane's width changed first (its splitter shares that by its stretch factors) …
            self.main.setSizes([room.side, main[1] + side - room.side])
        if [room.article, room.page] != self.reading.sizes():  # … then shared as decided
            self.reading.setSizes([room.article, room.page])


#: the least share of the window's height the reading pane keeps when a panel opens under it
READING_SHARE = 0.5


def keep_reading_height(window: QMainWindow, pane: QWidget, dock: QDockWidget) -> None:
    """When ``dock`` opens under the reading pane, it takes no more of the window's height than leaves the pane
    :data:`READING_SHARE` of it (its least height permitting). Seen by eye at 1280×720: restarted with the Timeline
    open, its empty chart took ~45 % of the window and the article showed about 8 lines. Only when it opens (a height
    the reader drags it to afterwards is theirs)."""

    def fit() -> None:
        if not dock.isVisible() or dock.isFloating() or \
                window.dockWidgetArea(dock) != Qt.DockWidgetArea.BottomDockWidgetArea:
            return
        short = int(window.height() * READING_SHARE) - pane.height()
        if short > 0:
            least = max(dock.minimumSizeHint().height(), 80)
            window.resizeDocks([dock], [max(least, dock.height() - short)], Qt.Orientation.Vertical)

    dock.visibilityChanged.connect(lambda shown: shown and QTimer.singleShot(0, window, fit))
