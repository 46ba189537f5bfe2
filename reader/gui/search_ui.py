"""Searching the library from the window: the search runs in a worker; only the latest answer is shown.

A page of results at a time, by relevance or by date: first what fills the list (and the rows fetched ahead of
its end), then :data:`PAGE_SIZE` at a time as the list is scrolled near its end (or with "Show more"). A new
search's first page is listed as soon as it is found; its facets are counted after, as a task of their own on
the same lane, and fill the panel when they come."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from reader.app.archive import Archive, Facets, Results
from reader.gui.messages import error_text
from reader.gui.widgets.search_panel import PAGE_SIZE, Query
from reader.gui.workers import Worker, run_task

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


class Searching:
    """Runs the search panel's queries and shows their results (the last ones are kept for the export)."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self._seq = 0
        #: a new search is under way (its results will replace the shown ones)
        self._searching = False
        self._worker: Worker | None = None
        #: the last new search (for the articles it found: every page, not only the shown ones)
        self._query: Query | None = None
        #: counts new searches (a page fetched does not make the found articles stale)
        self._generation = 0
        #: counting the facets of the last new search
        self._facets_worker: Worker | None = None
        window.notes.in_hits.toggled.connect(lambda _on: self._hit_articles())
        self.last_results: Results | None = None

    def _hit_articles(self) -> None:
        """The annotations panel's "only in search hits" gets every article the last search found: asked for
        on the search lane when the box is ticked (the shown page holds only the first 50)."""
        w, query = self.w, self._query
        if w.archive is None or query is None or not w.notes.in_hits.isChecked():
            return
        generation = self._generation

        def found(ids: set[str]) -> None:
            if generation == self._generation and not self._searching:
                w.notes.set_hit_articles(ids)

        run_task(w.archive.matching_ids, query.full(), query.options(), name="search hits", lane="search",
                 on_result=found)

    def prepare(self, archive: Archive) -> None:
        """Get the library's searcher ready on the search lane while the reader types the first query; an index
        that cannot answer for the library (another version's, another library's, missing articles) is rebuilt
        at once, with its progress in the status bar, rather than failing the first search."""
        w = self.w

        def ready(why: str | None) -> None:
            if why and w.archive is archive and w.tasks.reindex() is not None:
                w.statusBar().showMessage(QCoreApplication.translate(
                    "MainWindow", "The search index is being rebuilt: {why}.").format(why=why), 15000)

        run_task(archive.prepare_search, name="prepare search", lane="search", on_result=ready)

    def focus_search(self) -> None:
        w = self.w
        w.side.setCurrentWidget(w.search)
        w.search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        w.search.field.selectAll()

    def refresh(self) -> None:
        """Ask the shown search again (the corrections changed what it finds): its hits are listed anew, the article
        shown stays, its hits marked where they are now (the list kept hits the undone correction had brought,
        and Enter on the same query opened them)."""
        if self._query is not None and self.w.search.results is not None:
            self.run_search(self._query, refresh=True)

    def clear(self) -> None:
        """The query was emptied: an answer still coming is not shown, the last search's hits are marked nowhere
        and offered to no export; the article read stays open."""
        self._seq += 1
        self._generation += 1
        self._searching = False
        for worker in (self._worker, self._facets_worker):
            if worker is not None:
                worker.cancel()
        self._query = None
        self.last_results = None
        self.w.navigation.clear_hits()
        self.w.notes.set_hit_articles(None)  # "only in search hits": there are none now

    def run_search(self, query: Query, refresh: bool = False) -> None:
        """Run a new search (``query.offset`` 0) or fetch the next page of the shown one, in a worker.

        Only the latest request's answer is shown: a new search supersedes one under way and any page
        still coming of the last; a next page asked for while a new search runs is not fetched (the
        shown results it would extend are about to go)."""
        w = self.w
        if w.archive is None:
            return
        new = query.offset == 0
        if not new and self._searching:
            return
        if new and not refresh:  # remembered, offered again in the search box (after a restart too)
            w.settings.add_search(query.text)
            w.search.set_history(w.settings.search_history())
        self._seq += 1
        seq = self._seq
        self._searching = new

        def done(results: Results) -> None:
            if seq == self._seq:
                self._searching = False
                w.search.show_results(results)  # a later page is added to the shown ones
                shown = w.search.results or results
                self.last_results = shown
                if new:
                    self._query = query
                    self._generation += 1
                    if refresh:
                        self._shown_again(results)
                    else:
                        self._first_shown(results)
                    if results.facets is None:
                        self._count_facets(query)
                    self._hit_articles()
                w.searched.emit(shown)

        def failed(e: BaseException) -> None:
            if seq == self._seq:
                self._searching = False
                rebuilding = w.tasks.task is not None and w.tasks.task.name == "reindex"
                w.search.show_error(QCoreApplication.translate(
                    "MainWindow", "The search index is being rebuilt: search again when it is done.")
                    if rebuilding else error_text(e))

        if self._worker is not None:
            self._worker.cancel()  # superseded: dropped if it has not begun (searches run one at a time)
        if new and self._facets_worker is not None:
            self._facets_worker.cancel()  # the last search's facets: not counted if they have not begun
        limit = w.search.first_page_size() if new else PAGE_SIZE
        self._worker = run_task(w.archive.search, query.full(), limit, query.offset, query.sort,
                                query.options(), name="search", lane="search", on_result=done, on_error=failed)

    def _first_shown(self, results: Results) -> None:
        """A new search's first page is painted now, then its first hit opened — the hit marked current is the
        article shown (the reading view kept the article read before, its marks cleared, beside a list whose first
        hit was marked) —, both before the facets are counted on the search lane: counting meanwhile held the GIL
        against the painting (~15 ms more CPU time until listed at 10,000 pages) and doubled the opening's time."""
        w = self.w
        w.search.repaint()
        if results.hits:
            w.search.open_row(0)

    def _shown_again(self, results: Results) -> None:
        """The shown search asked again: the article read stays; its hit, if it is one, is the one marked current in
        the list and its places are marked in the text."""
        w = self.w
        row = next((i for i, h in enumerate(results.hits) if h.article == w.state.article_id), None)
        if row is None:
            w.search.mark_none()
            w.navigation.clear_hits()
            return
        w.search.mark_row(row)
        w.navigation.mark_hit(results.hits[row])

    def _count_facets(self, query: Query) -> None:
        """Count the facets of the search just listed, on the search lane after its first page is painted; shown
        only while that search is the last one (and by the panel only beside its own hits)."""
        w = self.w
        if w.archive is None:
            return
        generation = self._generation

        def counted(facets: Facets) -> None:
            if generation == self._generation and not self._searching:
                w.search.show_facets(facets)

        self._facets_worker = run_task(w.archive.facets, query.full(), query.options(), name="search facets",
                                       lane="search", on_result=counted)
