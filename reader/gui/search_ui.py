"""Searching the library from the window: the search runs in a worker; only the latest answer is shown.

A page of :data:`PAGE_SIZE` results at a time, by relevance or by date; "Show more" asks for the next page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from reader.app.archive import Results
from reader.gui.widgets.search_panel import PAGE_SIZE, Query
from reader.gui.workers import run_task

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


class Searching:
    """Runs the search panel's queries and shows their results (the last ones are kept for the export)."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self._seq = 0
        self.last_results: Results | None = None

    def focus_search(self) -> None:
        w = self.w
        w.side.setCurrentWidget(w.search)
        w.search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        w.search.field.selectAll()

    def run_search(self, query: Query) -> None:
        w = self.w
        if w.archive is None:
            return
        self._seq += 1
        seq = self._seq

        def done(results: Results) -> None:
            if seq == self._seq:
                w.search.show_results(results)  # a later page is added to the shown ones
                shown = w.search.results or results
                self.last_results = shown
                w.notes.set_hit_articles({h.article for h in shown.hits})
                w.searched.emit(shown)

        def failed(e: BaseException) -> None:
            if seq == self._seq:
                w.search.show_error(str(e))

        run_task(w.archive.search, query.full(), PAGE_SIZE, query.offset, query.sort, query.options(), name="search",
                 on_result=done, on_error=failed)
