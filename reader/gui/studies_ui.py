"""The concordance and the timeline in the window: two docks below the reading, their work in workers.

A concordance line opens its article AT the occurrence: every occurrence of the article held
is marked, the clicked one is the current hit (scrolled to, and its lines shown on the page).
A timeline bar searches its query in its period in the search panel.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog

from reader.app.reading import Reading
from reader.app.studies import WINDOW_LINES, concordance_for_window, timelines, write_concordance_csv
from reader.gui.messages import error_text
from reader.gui.settings import start_folder
from reader.gui.widgets.concordance_view import ConcordanceView
from reader.gui.widgets.timeline_view import TimelineView
from reader.gui.workers import run_task
from reader.search.concordance import CONTEXT, Concordance, ConcordanceLine
from reader.search.query import DEFAULT_OPTIONS, SearchOptions
from reader.search.timeline import UNDATED, By, Timeline

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

#: the lines shown first, while the others are read
FIRST_LINES = 1000


class Studies:
    """Owns the concordance and timeline docks and runs what they ask for."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self._seq = {"concordance": 0, "timeline": 0}
        #: the search options and context the shown concordance was built with
        self.built: tuple[SearchOptions, int] = (DEFAULT_OPTIONS, CONTEXT)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.concordance = ConcordanceView(window)
        self.concordance.model.shown_text = window.shown  # as the reading view shows the articles
        self.concordance.model.name_of = window.headline_of  # a piece printed with no headline: "[first words…]"
        title = QCoreApplication.translate("MainWindow", "Concordance")
        self.concordance_dock: QDockWidget = window._dock(self.concordance, title, "concordanceDock", bottom)
        self.timeline = TimelineView(window)
        title = QCoreApplication.translate("MainWindow", "Timeline")
        self.timeline_dock: QDockWidget = window._dock(self.timeline, title, "timelineDock", bottom)
        window.tabifyDockWidget(self.concordance_dock, self.timeline_dock)
        self.concordance.requested.connect(self.run_concordance)
        self.concordance.line_opened.connect(self.open_line)
        self.concordance.export_requested.connect(self.export_csv)
        self.timeline.requested.connect(self.run_timeline)
        self.timeline.chart.bar_clicked.connect(self.search_period)
        self.timeline.save_requested.connect(self.save_chart)
        window.search.options_changed.connect(self.options_changed)

    def options_changed(self, _match: str, _ignore_punct: bool) -> None:
        """The Search tab's switch changed how characters compare: the timeline and the concordance shown count
        again so (its bars and the search a bar asks for compare alike; a concordance's lines and the hits)."""
        if self.timeline.chart.series:
            self.timeline.submit()
        if self.concordance.concordance is not None:  # the lines shown found again, compared as the switch says now
            self.concordance.submit()

    def library_changed(self) -> None:
        """Articles were imported or corrected: the concordance and timeline shown count again (seen by eye: the
        timeline kept "醫 (11)" after 1,542 articles were imported from a terminal), in view or not, and the lines
        found before are taken away at once: a line's offsets are those of the text as it was (seen by eye: the dock
        closed, a source read again with six characters more before the editor's note, and a line clicked after marked
        事识 for 考核; a correction undone, 的通)."""
        if self.timeline.chart.series:
            self.timeline.submit()
        if self.concordance.concordance is not None:  # the lines shown found again, compared as the switch says now
            self.concordance.submit()
        if self.concordance.concordance is not None:
            self._seq["concordance"] += 1  # what is still being found in the library as it was is dropped
            self.concordance.show_nothing()
            self.concordance.submit()

    def show_nothing(self) -> None:
        """Another library is opened: the concordance and timeline of the last one are emptied, and what is still
        being counted there is dropped when it comes (seen by eye: the Concordance dock kept the closed library's
        lines, and a click on one opened its article's id in the new library — an error, or another text)."""
        for kind in self._seq:
            self._seq[kind] += 1
        self.concordance.show_nothing()
        self.timeline.show_nothing()

    # the concordance ---------------------------------------------------------------------------------------
    def show_concordance(self) -> None:
        """Edit → Concordance: the dock, with the search's query when it has none of its own."""
        self.concordance_dock.show()
        self.concordance_dock.raise_()
        view = self.concordance
        if not view.field.text().strip() and self.w.search.field.text().strip():
            view.field.setText(self.w.search.field.text().strip())
            view.submit()
        view.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def run_concordance(self, query: str, n: int) -> None:
        w = self.w
        if w.archive is None:
            self.concordance.show_error(QCoreApplication.translate("MainWindow", "Open a library first."))
            return
        self._seq["concordance"] += 1
        seq = self._seq["concordance"]

        library = w.archive.library
        readings = w.archive.overlay_of.search_readings  # kept made by the window (Archive.prepare_readings)
        options = w.search.query().options()  # the search panel's match switch: the concordance compares as search does
        self.built = (options, n)  # what the table holds was found so: its CSV is read again the same way
        compared = self.compared()  # and it says so under the lines

        def failed(e: BaseException) -> None:
            if seq == self._seq["concordance"]:
                self.concordance.show_error(error_text(e))

        def rest(conc: Concordance) -> None:
            if seq == self._seq["concordance"]:
                self.concordance.add_rest(conc)

        def first(conc: Concordance) -> None:
            # the first lines and the exact total at once (a common word's every line takes a while): the
            # rest is read in a second task and joins the table when it is there
            if seq != self._seq["concordance"]:
                return
            more = not conc.complete and len(conc.lines) < WINDOW_LINES
            self.concordance.show_concordance(conc, more_coming=more, compared=compared)
            if more:
                run_task(concordance_for_window, library, query, n, options, readings=readings, name="concordance",
                         on_result=rest, on_error=failed)

        run_task(concordance_for_window, library, query, n, options, cap=FIRST_LINES, readings=readings,
                 name="concordance first lines", on_result=first, on_error=failed)

    def open_line(self, ln: ConcordanceLine) -> None:
        """Open the line's article at its occurrence: all its occurrences marked, this one current."""
        w = self.w
        if w.archive is None:
            return
        ranges = [(x.start, x.end) for x in self.concordance.model.lines if x.article == ln.article]
        at = [(ln.start, ln.end)]
        art = w.archive.article(ln.article)
        corrected = w.archive.corrected(art)
        if corrected is not art and not w.corrections.show_corrected:
            # a corrected article's lines are places in its corrected reading: the original is shown
            ranges, at = w.archive.original_ranges(art, ranges), w.archive.original_ranges(art, at)
        elif corrected is not art:
            art = corrected
        pieces = Reading.build(art).split_article_range(*at[0])
        page_id = None
        if pieces:
            loc = art.parts[pieces[0][0]].locate(pieces[0][1])
            if loc is not None:
                page_id = w.archive.page_of_line(ln.article, loc[0])
        w.open_article(ln.article, hits=sorted(ranges), page_id=page_id)
        view = w.article_view
        if pieces and pieces[0] in view.hits:
            i = view.hits.index(pieces[0])
            view.goto_hit(i)
            w.layout_view.set_hits(view.hit_lines())
            if view.reading is not None:
                w.layout_view.reveal(view.reading.lines_of([pieces[0]]))

    def export_csv(self) -> None:
        view, w = self.concordance, self.w
        conc = view.concordance
        if conc is None or w.archive is None:
            return
        title = QCoreApplication.translate("MainWindow", "Export the concordance")
        start = Path(start_folder(w.settings.export_folder())) / "concordance.csv"
        name, _ = QFileDialog.getSaveFileName(w, title, str(start), "*.csv;;*")
        if name:
            w.settings.set_export_folder(str(Path(name).parent))
            self.write_csv(name, conc)

    def write_csv(self, path: str, conc: Concordance) -> None:
        """Write the lines held in the table's order, or — when the table holds only the first ones — every line
        read again in date order."""
        w = self.w
        if w.archive is None:
            return
        lines = self.concordance.shown_lines() if conc.complete else None
        options, n = self.built

        def done(count: int) -> None:
            said = QCoreApplication.translate("MainWindow", "%1 concordance line(s) written to %2")
            w.statusBar().showMessage(said.replace("%1", f"{count:,}").replace("%2", path), 8000)

        run_task(write_concordance_csv, w.archive.library, path, conc.query, n, lines, options,
                 readings=w.archive.overlay_of.search_readings, name="concordance export",
                 on_result=done, on_error=lambda e: w.report(f"{path}: {e}"))

    # the timeline ------------------------------------------------------------------------------------------
    def show_timeline(self) -> None:
        """Edit → Timeline: the dock, with the search's query when it has none of its own."""
        self.timeline_dock.show()
        self.timeline_dock.raise_()
        view = self.timeline
        if not view.field.text().strip() and self.w.search.field.text().strip():
            view.field.setText(self.w.search.field.text().strip())
            view.submit()
        view.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def run_timeline(self, queries: list[str], by: str) -> None:
        w = self.w
        if w.archive is None:
            self.timeline.show_error(QCoreApplication.translate("MainWindow", "Open a library first."))
            return
        self._seq["timeline"] += 1
        seq = self._seq["timeline"]

        compared = self.compared()

        def done(series: list[Timeline]) -> None:
            if seq == self._seq["timeline"]:
                self.timeline.show_timelines(series, compared)

        def failed(e: BaseException) -> None:
            if seq == self._seq["timeline"]:
                self.timeline.show_error(error_text(e))

        run_task(timelines, w.archive.library, queries, By(by), w.search.query().options(),
                 readings=w.archive.overlay_of.search_readings, name="timeline",
                 on_result=done, on_error=failed)

    def compared(self) -> str:
        """How the search panel's switch compares characters, as it names it: "Exact", "Folded, punctuation
        ignored" (its 、 button checked)."""
        panel = self.w.search
        named = panel.match.currentText()
        if panel.ignore_punct.isChecked():
            named = QCoreApplication.translate("MainWindow", "%1, punctuation ignored").replace("%1", named)
        return named

    def search_period(self, query: str, period: str) -> None:
        """A bar was clicked: search its query in its period."""
        w = self.w
        panel = w.search
        dated = period != UNDATED
        # the undated bar cannot be a date range: its filter is in the query, where the reader sees it
        panel.field.setText(query if dated else f"({query}) date:none")  # the whole query: A OR B too
        # the timeline counted without the panel's filters: its bar is searched the same way
        for box in (panel.publication, panel.kind):
            box.setCurrentIndex(max(0, box.findData("")))
        panel.date_from.setText(period if dated else "")
        panel.date_to.setText(period if dated else "")
        w.side.setCurrentWidget(panel)
        panel.submit()

    def save_chart(self) -> None:
        w = self.w
        title = QCoreApplication.translate("MainWindow", "Save the chart")
        start = Path(start_folder(w.settings.export_folder())) / "timeline.png"
        name, _ = QFileDialog.getSaveFileName(w, title, str(start), "PNG (*.png);;SVG (*.svg)")
        if name:
            w.settings.set_export_folder(str(Path(name).parent))
            self.save_chart_to(name)

    def save_chart_to(self, path: str) -> None:
        try:
            self.timeline.chart.save(Path(path))
        except OSError as e:
            self.w.report(error_text(e))
            return
        said = QCoreApplication.translate("MainWindow", "The chart was saved to %1")
        self.w.statusBar().showMessage(said.replace("%1", path), 8000)
