"""The main window: the library and search on the left, the reflowed article beside its page.

Layout and wiring only. The parts are widgets (:mod:`reader.gui.widgets`) and
dialogs (:mod:`reader.gui.dialogs`); the behaviour lives in controllers the
window owns, each on one subject:

* :class:`~reader.gui.library_ui.LibraryUi` — open a library, the recent ones;
* :class:`~reader.gui.navigation.Navigator` — issues, pages, articles, lines,
  hits, keeping the reading view and the layout in step;
* :class:`~reader.gui.display.Display` — script, vertical reading, font size,
  theme and language;
* :class:`~reader.gui.search_ui.Searching`, :class:`~reader.gui.tasks.Tasks`
  (import and reindex in workers, with the task bar and the Problems panel);
* :class:`~reader.gui.annotations_ui.Annotating`,
  :class:`~reader.gui.collections_ui.Collecting` and
  :class:`~reader.gui.corrections_ui.Corrections` — the reader's own work, each
  edit a command on :attr:`MainWindow.undo_stack`.

What is shown is one :class:`~reader.app.state.ReaderState` (:attr:`MainWindow.state`).
Actions, menus, the toolbar and the reading view's context menu come from the
table of :mod:`reader.gui.actions`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QDataStream, QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QGuiApplication,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QWidget,
)

from reader.app.archive import Archive, Hit, serif_family
from reader.app.state import ReaderState
from reader.gui import actions, export_ui
from reader.gui.annotations_ui import Annotating
from reader.gui.collections_ui import Collecting
from reader.gui.corrections_ui import Corrections
from reader.gui.diagnostics import debug_information
from reader.gui.dialogs import titles
from reader.gui.dialogs.about_dialog import AboutDialog
from reader.gui.dialogs.export_dialog import ExportDialog
from reader.gui.display import Display
from reader.gui.icons import app_icon
from reader.gui.library_ui import LibraryUi, give_back_to_collections
from reader.gui.messages import error_text
from reader.gui.navigation import Navigator
from reader.gui.room import ReadingPane, RoomKeeper, keep_reading_height
from reader.gui.search_ui import Searching
from reader.gui.settings import Settings
from reader.gui.studies_ui import Studies
from reader.gui.tasks import Tasks
from reader.gui.undo import StoreCommand
from reader.gui.watching import Watching
from reader.gui.widgets.annotations_panel import AnnotationsPanel
from reader.gui.widgets.article_list import ArticleList
from reader.gui.widgets.article_view import ArticleView
from reader.gui.widgets.collections_panel import CollectionsPanel
from reader.gui.widgets.flow import ElidedLabel
from reader.gui.widgets.layout_view import LayoutView
from reader.gui.widgets.library_tree import LibraryTree
from reader.gui.widgets.log_view import LogView
from reader.gui.widgets.problems_panel import ProblemsPanel
from reader.gui.widgets.search_panel import SearchPanel
from reader.gui.widgets.status_bar import StatusBar
from reader.gui.widgets.task_bar import TaskBar
from reader.gui.workers import Worker, wait_all
from reader.library.catalogue import NotFoundError
from reader.model.errors import ConnectionLostError

log = logging.getLogger(__name__)
#: room left around the first window for the window manager's frame and title bar
FRAME_MARGIN = QSize(16, 64)
#: the first run's window (less on a smaller screen) and side panel
FIRST_SIZE = QSize(1440, 900)
FIRST_SIDE = 360
#: a saved window smaller than this share of the first run's area, saved on a smaller screen, is not restored
SMALL_SHARE = 0.5
#: the side panel's least width: its three tabs, an issue's date and a page's label whole (at 150 px the Collections
#: tab was behind scroll arrows, the issues read "2021-01-…" and the pages showed no label)
SIDE_LEAST = 210


def saved_sizes(state: QByteArray) -> list[int] | None:
    """The sizes a splitter's saved state holds (``QSplitter.saveState``: a marker, a version, the sizes), or None."""
    stream = QDataStream(state)
    stream.readInt32(), stream.readInt32()  # the marker and the version
    count = stream.readInt32()
    sizes = [stream.readInt32() for _ in range(max(0, min(count, 16)))]
    return sizes if count > 0 and stream.status() == QDataStream.Status.Ok else None


class MainWindow(QMainWindow):
    """Broadsheet's main window."""

    #: an article is shown (its id)
    article_shown = Signal(str)
    #: a library is open (its folder)
    library_opened = Signal(str)
    #: a search finished (Results)
    searched = Signal(object)
    #: an import finished, was cancelled or failed: ("done" | "aborted" | "failed", summary)
    import_finished = Signal(str, object)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.archive: Archive | None = None
        #: what the window shows: publication, issue, page, article, hits
        self.state = ReaderState()
        #: undo and redo of annotation and correction edits
        self.undo_stack = QUndoStack(self)
        self.about_dialog: QDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.setWindowTitle("Broadsheet")
        self.setWindowIcon(app_icon())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            titles.install(app)  # every dialog as wide as its title
        self.setAcceptDrops(True)
        self._build()
        self.library = LibraryUi(self)
        self.navigation = Navigator(self)
        self.display = Display(self)
        self.searching = Searching(self)
        self.tasks = Tasks(self)
        self.annotating = Annotating(self)
        self.collecting = Collecting(self)
        self.corrections = Corrections(self)
        self.studies = Studies(self)
        #: the reader's work changed by other processes, heard and shown
        self.watching = Watching(self)
        self.action_map, menus, self.toolbar = actions.build(self)
        self.field_keys = actions.ShortcutsOverFields(self)  # Ctrl+E in the search field: File → Export…
        self.menus = menus
        self.edit_menu = menus["edit"]
        self.library.recent_menu = menus["recent"]
        self.display.fill_menus(menus["script"], menus["theme"], menus["language"])
        self._wire()
        self._restore()

    # construction ---------------------------------------------------------------------
    def _dock(self, widget: QWidget, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        dock.hide()
        if area == Qt.DockWidgetArea.BottomDockWidgetArea:  # the reading pane keeps half the height
            keep_reading_height(self, self.reading_split, dock)
        return dock

    def _build(self) -> None:
        self.tree = LibraryTree(self)
        self.article_list = ArticleList(self)
        lib_split = QSplitter(Qt.Orientation.Vertical, self)
        lib_split.setObjectName("librarySplitter")
        lib_split.addWidget(self.tree)
        lib_split.addWidget(self.article_list)
        lib_split.setSizes([300, 400])
        self.search = SearchPanel(self)
        self.search.set_options(self.settings.search_match(), self.settings.search_ignore_punct())
        self.search.set_history(self.settings.search_history())
        self.search.options_changed.connect(self._remember_search_options)
        self.side = QTabWidget(self)
        self.side.setObjectName("sideTabs")
        self.side.setUsesScrollButtons(False)  # every tab in sight, its name ending in "…" where the panel is narrow
        self.side.setElideMode(Qt.TextElideMode.ElideRight)
        self.collections = CollectionsPanel(self)
        self.side.addTab(lib_split, self.tr("Library"))
        self.side.addTab(self.search, self.tr("Search"))
        self.side.addTab(self.collections, self.tr("Collections"))
        self._side_least()

        self.article_view = ArticleView(self)
        self.article_view.font_family = serif_family
        self.article_view.font_size = float(self.settings.font_size())
        self.layout_view = LayoutView(self)
        self.reading_split = ReadingPane(Qt.Orientation.Horizontal, self)
        self.reading_split.setObjectName("readingSplitter")
        self.reading_split.addWidget(self.article_view)
        self.reading_split.addWidget(self.layout_view)
        self.reading_split.setStretchFactor(0, 3)  # the reading column before the page
        self.reading_split.setStretchFactor(1, 2)
        # ~10 CJK characters a line at the default size, never 4; with the side panel, the page and the Annotations
        # dock at their least widths the window fits an 800-pixel-wide screen (QT_SCALE_FACTOR=2 on 1600×1000)
        self.article_view.setMinimumWidth(250)
        self.layout_view.setMinimumWidth(120)
        self.reading_split.setSizes([600, 460])
        self.main_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_split.setObjectName("mainSplitter")
        self.main_split.addWidget(self.side)
        self.main_split.addWidget(self.reading_split)
        self.main_split.setStretchFactor(0, 0)  # a narrower window narrows the reading, not the lists…
        self.main_split.setStretchFactor(1, 1)  # …down to the reading column's minimum; F9 hides the lists
        self.main_split.setSizes([FIRST_SIDE, FIRST_SIZE.width() - FIRST_SIDE])
        self.setCentralWidget(self.main_split)
        self.splitters = {"main": self.main_split, "reading": self.reading_split, "library": lib_split}
        self.room = RoomKeeper(self.main_split, self.reading_split, self.side, self.article_view, self.layout_view)

        bottom, right = Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.problems = ProblemsPanel(self)
        self.problems_dock = self._dock(self.problems, self.tr("Problems"), "problemsDock", bottom)
        self.notes = AnnotationsPanel(self)
        self.notes_dock = self._dock(self.notes, self.tr("Annotations"), "annotationsDock", right)
        self.log_view = LogView(parent=self)
        self.log_dock = self._dock(self.log_view, self.tr("Log"), "logDock", bottom)
        self.tabifyDockWidget(self.problems_dock, self.log_dock)  # side by side, with the studies, wider than a screen

        self.setStatusBar(StatusBar(self))  # a long message ends in "…" before the position label, whole in a tooltip
        self.taskbar = TaskBar(self)
        self.statusBar().addPermanentWidget(self.taskbar)
        self.position = ElidedLabel(self)  # a long publication's name ends in "…": the window's least width
        self.position.setObjectName("positionLabel")
        self.statusBar().addPermanentWidget(self.position)

    def _wire(self) -> None:
        nav, notes, coll = self.navigation, self.annotating, self.collecting
        self.article_list.shown = self.shown  # the lists show articles as the reading view does
        self.search.set_shown(self.shown_hit)
        self.tree.issue_selected.connect(nav.show_issue)
        self.tree.page_selected.connect(nav.show_page)
        self.article_list.article_activated.connect(lambda aid: self.open_article(aid))
        self.article_shown.connect(lambda _aid: nav.remember_place_soon())
        app = QApplication.instance()
        if app is not None:  # a bound method of this window: disconnected when the window is deleted
            app.aboutToQuit.connect(self._quitting)
        self.article_view.lines_selected.connect(nav.lines_selected)
        self.article_view.hit_changed.connect(nav.hit_changed)
        self.article_view.text_size_asked.connect(self.display.step_font_size)
        self.layout_view.line_clicked.connect(nav.open_line)
        for reader_widget in (self.article_view.text, self.article_view.vreader):
            reader_widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            reader_widget.customContextMenuRequested.connect(
                lambda pos, w=reader_widget: self.reading_menu().popup(w.mapToGlobal(pos)))
        self.search.search_requested.connect(lambda _query: nav.clear_hits())
        self.search.search_requested.connect(self.searching.run_search)
        self.search.search_cleared.connect(self.searching.clear)
        self.search.more_requested.connect(self.searching.run_search)
        self.search.hit_opened.connect(nav.open_hit)
        self.notes.open_requested.connect(notes.open_annotation)
        self.notes.edit_requested.connect(notes.edit_annotation)
        self.notes.delete_requested.connect(notes.delete_annotation)
        self.notes.note_requested.connect(notes.add_article_note)
        self.collections.article_activated.connect(coll.open_entry)
        self.collections.new_requested.connect(lambda: coll.new_collection())
        self.collections.add_requested.connect(coll.add_to_collection)
        self.collections.remove_requested.connect(coll.remove_from_collection)
        self.collections.delete_requested.connect(coll.delete_collection)
        self.collections.rename_requested.connect(coll.rename_collection)
        self.collections.visibility_requested.connect(coll.set_visibility)
        self.notes.visibility_chosen.connect(notes.choose_new_work)

    def reading_menu(self) -> QMenu:
        """The reading view's context menu: copy, highlight, note and the corrections."""
        return actions.context_menu(self, self.action_map, self.article_view.selection_article_range() is not None)

    # settings ---------------------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        geometry = s.geometry()
        # a geometry saved on another screen or at another scale is not this screen's (seen by eye: a window saved at
        # QT_SCALE_FACTOR=2 reopened at scale 1 816×586 on a 1600×1000 screen, its side panel ~150 px wide)
        kept = geometry is not None and self.restoreGeometry(geometry) and self._saved_geometry_fits()
        if not kept:
            self._first_geometry()
        state = s.window_state()
        if state is not None:
            self.restoreState(state)
        for name, splitter in self.splitters.items():
            data = s.splitter(name)
            if data is not None and (kept or name == "library"):  # else the panels at their first-run widths
                splitter.restoreState(data)
        main = s.splitter("main")
        #: the side panel's width saved narrower than it can be used at: widened once the window is laid out
        least = self.side.minimumWidth()
        self._side_narrow = kept and main is not None and 0 < (saved_sizes(main) or [least])[0] < least
        self.display.restore()
        self.library.fill_recent()

    def _side_least(self) -> None:
        """The side panel's least width: :data:`SIDE_LEAST`, its tabs whole, and its pages at their least widths (a
        page wider than the panel's least width widened it)."""
        self.side.setMinimumWidth(0)
        self.side.setMinimumWidth(max(SIDE_LEAST, self.side.tabBar().sizeHint().width() + 4,
                                      self.side.minimumSizeHint().width()))

    def _first_size(self) -> QSize:
        """The first run's size: :data:`FIRST_SIZE`, less on a smaller screen (at 1280×800 it ran off the screen)."""
        area = self.screen().availableGeometry()
        return QSize(min(FIRST_SIZE.width(), area.width() - FRAME_MARGIN.width()),
                     min(FIRST_SIZE.height(), area.height() - FRAME_MARGIN.height()))

    def _first_geometry(self) -> None:
        """The first run's size, centred on the screen."""
        self.setWindowState(self.windowState() & ~(Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen))
        area = self.screen().availableGeometry()
        self.resize(self._first_size())
        self.move(area.topLeft() + QPoint((area.width() - self.width()) // 2 - FRAME_MARGIN.width() // 2,
                                          (area.height() - self.height()) // 2 - FRAME_MARGIN.height() // 2))

    def _saved_geometry_fits(self) -> bool:
        """The restored geometry suits the screen the window opens on: saved at this scale, and not far smaller than
        the first run's size when the screen it was saved on was smaller than this one (or is not known)."""
        saved, screen = self.settings.geometry_screen(), self.screen()
        if saved is not None and abs(saved[0] - screen.devicePixelRatio()) > 0.01:
            return False
        area, first = screen.availableGeometry(), self._first_size()
        small = self.width() * self.height() < SMALL_SHARE * first.width() * first.height()
        grew = saved is None or saved[1] < area.width() or saved[2] < area.height()
        return not (small and grew)

    def _widen_side(self) -> None:
        """The side panel (saved narrower than it can be used at) given its first-run width, as far as the window has
        room for it beside the reading pane's least width."""
        sizes = self.main_split.sizes()
        if len(sizes) != 2 or not self.side.isVisibleTo(self):
            return
        room = sum(sizes) - self.reading_split.minimumSizeHint().width()
        side = max(self.side.minimumWidth(), min(FIRST_SIDE, room))
        self.main_split.setSizes([side, sum(sizes) - side])

    def _remember_search_options(self, match: str, ignore_punct: bool) -> None:
        """The search switch and punctuation button are remembered as soon as they change."""
        self.settings.set_search_match(match)
        self.settings.set_search_ignore_punct(ignore_punct)

    def save_settings(self) -> None:
        s = self.settings
        self.navigation.remember_place()
        s.set_geometry(self.saveGeometry())
        screen = self.screen()
        area = screen.availableGeometry()
        s.set_geometry_screen(screen.devicePixelRatio(), area.width(), area.height())
        s.set_window_state(self.saveState())
        for name, splitter in self.splitters.items():
            s.set_splitter(name, splitter.saveState())
        s.set_script(self.article_view.script)
        s.set_vertical(self.display.user_vertical)
        s.set_font_size(int(self.article_view.font_size))
        s.sync()

    def _quitting(self) -> None:
        """The application quits, maybe with no window closed (a Windows log-off): the place waiting for its
        pause is stored."""
        self.navigation.flush_place()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._side_least()  # laid out in the style and the language shown
        if self._side_narrow:
            self._side_narrow = False
            self._widen_side()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and {"display", "action_map"} <= self.__dict__.keys():
            self.display.window_state_changed()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save the window's state; a running import is cancelled and stops after its current file."""
        self.save_settings()
        self.log_view.detach()
        if self.tasks.task is not None:
            self.tasks.task.cancel()
            self.statusBar().showMessage(self.tr("Stopping the running task…"))
            wait_all(30000)
        super().closeEvent(event)
        give_back_to_collections()

    # the window's own verbs ---------------------------------------------------------------------
    @property
    def article_id(self) -> str | None:
        """The shown article (``state.article_id``)."""
        return self.state.article_id

    @property
    def page_id(self) -> int | None:
        """The shown page (``state.page_id``)."""
        return self.state.page_id

    def open_library(self, folder: str | Path, create: bool = True) -> bool:
        """Open (or create) the library in ``folder``; False with a message when it cannot be."""
        return self.library.open_library(folder, create)

    def open_article(self, article_id: str, hits: Sequence[tuple[int, int]] = (), page_id: int | None = None,
                     line: tuple[str, int] | None = None) -> None:
        """Show an article beside its page: hits are ranges of ``Article.text``; ``line`` puts the cursor there."""
        self.navigation.open_article(article_id, hits, page_id, line)

    def import_paths(self, paths: Sequence[str | Path]) -> Worker | None:
        """Import files or folders into the open library in a worker (its Worker, or None)."""
        return self.tasks.import_paths(paths)

    def report(self, message: str) -> None:
        """The one path for problems the user should see: the Problems panel, the status bar and the log."""
        log.warning("%s", message)
        self.problems.add(message)
        self.problems_dock.show()
        self.statusBar().showMessage(message, 8000)

    def headline_of(self, article_id: str, shown: bool = True) -> str:
        """A short name of an article for lists (headline, else "[first words…]", else its key:
        :meth:`Archive.name_of`): as the reading view shows the article (the script chosen), or with ``shown`` False as
        stored (a file's name)."""
        if self.archive is None:
            return article_id
        name = self.archive.name_of(article_id)
        return (self.shown(article_id, name) if shown else name) or article_id

    def shown(self, article_id: str, text: str) -> str:
        """``text``, a piece of the article ``article_id`` (a headline, a quote), as the reading view shows it:
        in the script chosen (:meth:`Archive.shown`). The reader's own words are never passed here."""
        if self.archive is None or not text:
            return text
        return self.archive.shown(article_id, text, self.article_view.script)

    def shown_hit(self, hit: Hit) -> Hit:
        """A search hit as the results list shows it: in the script chosen (:meth:`Archive.shown_hit`)."""
        return hit if self.archive is None else self.archive.shown_hit(hit, self.article_view.script)

    def script_changed(self) -> None:
        """The script chosen changed: the lists read in it too — the articles, the hits, the notes, the
        collections (seen by eye: under 臺灣 only the reading view did)."""
        self.article_list.relist()
        self.search.list.viewport().update()
        self.notes.forget_names()
        self.annotating.show_annotations()
        self.notes.refresh_library()
        self.collecting.fill()
        self.studies.concordance.model.script_changed()

    def push(self, text: str, do: Callable[[], object], undo: Callable[[], object], after: Callable[[], None]) -> bool:
        """Run an edit as an undoable command; False (and a message) when the store refused it."""
        article = self.state.article_id
        named = self.headline_of(article) if article is not None else ""

        def say(what: str, undone: bool) -> None:  # seen by eye: an undo changed an article not shown, unsaid
            message = (QCoreApplication.translate("MainWindow", "Undone: %1") if undone
                       else QCoreApplication.translate("MainWindow", "Redone: %1"))
            where = self._named_now(article, named)
            self.statusBar().showMessage(message.replace("%1", f"{what} — {where}" if where else what), 8000)

        cmd = StoreCommand(text, do, undo, after, self._store_failed, say)
        self.undo_stack.push(cmd)
        if cmd.error is None:
            log.info("%s (article %s)", cmd.text(), self.state.article_id)
        return cmd.error is None

    def _store_failed(self, error: BaseException) -> None:
        """An edit the store did not make, said: the shared library's server gone, in words, each time (the window is
        told the connection is lost: :meth:`Watching.lost`)."""
        if isinstance(error, ConnectionLostError):
            self.watching.lost(error, again=True)
        else:
            self.report(error_text(error))

    def _named_now(self, article: str | None, named: str) -> str:
        """The article an edit was made on as it is named now — under the id an import gave it since, with its
        headline as it reads now (seen by the by-eye tester: after File → Read every file again "Undone: Highlight"
        named the headline from before); ``named``, its name then, where it is no longer in the library."""
        if article is None or self.archive is None:
            return named
        key = self.archive.current_key(article)
        try:
            return self.headline_of(key) if self.archive.exists(key) else named
        except NotFoundError:
            return named

    def read_only(self) -> bool:
        """True (and the reader told) when the open library cannot be written here: no dialog is opened for an edit
        that would be lost (seen by eye and in review: a note typed in a read-only library was lost)."""
        if self.archive is None or not self.archive.read_only:
            return False
        self.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "This library is read-only here: notes, corrections and collections cannot be saved in it."),
            10000)
        return True

    def _ask(self, dlg: QDialog) -> bool:
        """Run a small dialog; tests replace this to answer without an event loop."""
        try:
            return dlg.exec() == QDialog.DialogCode.Accepted
        finally:
            dlg.deleteLater()

    def show_export(self) -> ExportDialog | None:
        """File → Export…: the dialog, window-modal; it writes the file itself."""
        dlg = export_ui.show_export(self, self.export_dialog)
        if dlg is not None:
            dlg.destroyed.connect(lambda _o=None: setattr(self, "export_dialog", None))
            self.export_dialog = dlg
        return dlg

    def show_about(self) -> QDialog:
        """Help → About: versions and data attributions (a window-modal dialog)."""
        if self.about_dialog is not None:
            self.about_dialog.close()
        dlg = AboutDialog(self.copy_debug_information, self)
        self.about_dialog = dlg
        dlg.destroyed.connect(lambda _o=None: setattr(self, "about_dialog", None))
        dlg.open()
        return dlg

    def copy_debug_information(self) -> str:
        """Versions, platform, library folder and recent log lines to the clipboard (for a problem report)."""
        text = debug_information(str(self.archive.folder) if self.archive is not None else "")
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(self.tr("Debug information copied to the clipboard."), 5000)
        return text

    # drag and drop -------------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
            self.statusBar().showMessage(self.tr("Drop to import these files into the library."))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self.statusBar().clearMessage()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
