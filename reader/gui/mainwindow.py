"""The main window: the library and search on the left, the reflowed article beside its page.

Wiring only: the window asks :class:`~reader.app.archive.Archive` for objects,
hands them to the views, and keeps the views in step:

* selecting or clicking in the reflowed text lights the source lines on the
  layout (``ArticleView.lines_selected`` → ``LayoutView.set_lit``);
* clicking a line on the layout opens its article at that paragraph
  (``LayoutView.line_clicked`` → :meth:`MainWindow.open_line`);
* the current article's lines stay outlined; search hits are filled.

Import and reindex run in workers (:mod:`reader.gui.workers`) with a progress
bar, a rate and a cancel button in the status bar; their errors gather in the
Problems panel, which can be copied.

The reader's own work: a selection becomes a highlight (Annotate menu), the
annotations dock lists the article's and the library's annotations (orphans
included), collections sit in the library pane; corrections (Correct menu)
go through :mod:`reader.corrections.store` and show at once. Every edit of
annotations and corrections is a command on :attr:`MainWindow.undo_stack`
(Edit → Undo/Redo). File → Export… opens :class:`~reader.gui.dialogs.export_dialog.ExportDialog`;
View → Log shows the application's log; Help → Copy debug information puts
versions, platform, library and recent log lines on the clipboard.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader import resources
from reader.annotations import store as A
from reader.app.archive import Archive, Hit, Results, converter, serif_family
from reader.corrections import store as C
from reader.gui.widgets.annotations_panel import AnnotationsPanel, CollectionsPanel, HighlightDialog, StoreCommand, describe
from reader.gui.widgets.article_view import ArticleView
from reader.gui.dialogs.export_dialog import ExportContext, ExportDialog, OverlayLibrary
from reader.gui.icons import app_icon, icon
from reader.gui.widgets.layout_view import LayoutView
from reader.gui.widgets.library_tree import ArticleList, LibraryTree
from reader.gui.widgets.log_view import LogView, component_versions, debug_information
from reader.gui.widgets.search_panel import Query, SearchPanel
from reader.gui.settings import SCRIPTS, Settings
from reader.gui.workers import Progress, Worker, run_task, wait_all
from reader.model.document import Article
from reader.model.errors import BroadsheetError

log = logging.getLogger(__name__)

#: The publication of the sample library a first run opens on.
SAMPLE_START = "人民日报"


class ProblemsPanel(QWidget):
    """Errors and warnings of imports and other work, readable and copyable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.list = QListWidget(self)
        self.list.setObjectName("problemsList")
        self.list.setAccessibleName(self.tr("Problems"))
        self.list.setWordWrap(True)
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
        self.copy_button.clicked.connect(self.copy)
        self.clear_button.clicked.connect(self.list.clear)

    def add(self, message: str) -> None:
        self.list.addItem(f"{time.strftime('%H:%M:%S')}  {message}")
        self.list.scrollToBottom()

    def messages(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def text(self) -> str:
        return "\n".join(self.messages())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


class TaskBar(QWidget):
    """Progress of the running task in the status bar: bar, rate, cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskBar")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("taskProgress")
        self.bar.setAccessibleName(self.tr("Progress"))
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.rate = QLabel(self)
        self.cancel = QToolButton(self)
        self.cancel.setObjectName("taskCancel")
        self.cancel.setIcon(icon("process-stop"))
        self.cancel.setAccessibleName(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Cancel the running task"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.label, self.bar, self.rate, self.cancel):
            lay.addWidget(w)
        self.worker: Worker | None = None
        self.unit = ""
        self.cancel.clicked.connect(self._cancel)
        self.hide()

    def start(self, worker: Worker, title: str, unit: str) -> None:
        self.worker = worker
        self.unit = unit
        self.label.setText(title)
        self.bar.setRange(0, 0)
        self.rate.clear()
        self.cancel.setEnabled(True)
        self.show()

    def progress(self, p: Progress) -> None:
        if p.total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * (p.fraction or 0.0)))
            self.bar.setFormat(f"{p.done:g} / {p.total:g}")
        if self.worker is not None and p.done:
            rate = self.worker.rate(p.done)
            left = ""
            if p.total and rate > 0:
                left = " · " + self.tr("%1 s left").replace("%1", f"{max(0.0, (p.total - p.done) / rate):.0f}")
            self.rate.setText(f"{rate:.1f} {self.unit}/s{left}")
        if p.message:
            self.label.setToolTip(p.message)

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def done(self) -> None:
        self.worker = None
        self.hide()


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
        self.article_id: str | None = None
        self.page_id: int | None = None
        self.issue_id: int | None = None
        self.hits: list[tuple[int, int]] = []
        self.task: Worker | None = None
        self._search_seq = 0
        #: undo and redo of annotation and correction edits
        self.undo_stack = QUndoStack(self)
        #: the article as the segmentation corrections leave it (the view may show its text-corrected reading)
        self.base_article: Article | None = None
        self.show_corrected = True
        self.last_results: Results | None = None
        self.about_dialog: QDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.user_vertical = False
        self._page_vertical = False
        self._vertical_declined = False
        self.setWindowTitle("Broadsheet")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._build()
        self._actions()
        self._restore()

    # construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.tree = LibraryTree(self)
        self.article_list = ArticleList(self)
        lib_split = QSplitter(Qt.Orientation.Vertical, self)
        lib_split.setObjectName("librarySplitter")
        lib_split.addWidget(self.tree)
        lib_split.addWidget(self.article_list)
        lib_split.setSizes([300, 400])
        self.search = SearchPanel(self)
        self.side = QTabWidget(self)
        self.side.setObjectName("sideTabs")
        self.collections = CollectionsPanel(self)
        self.side.addTab(lib_split, self.tr("Library"))
        self.side.addTab(self.search, self.tr("Search"))
        self.side.addTab(self.collections, self.tr("Collections"))

        self.article_view = ArticleView(self)
        self.article_view.font_family = serif_family
        self.article_view.font_size = float(self.settings.font_size())
        self.layout_view = LayoutView(self)
        self.reading_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.reading_split.setObjectName("readingSplitter")
        self.reading_split.addWidget(self.article_view)
        self.reading_split.addWidget(self.layout_view)
        self.reading_split.setStretchFactor(0, 1)
        self.reading_split.setStretchFactor(1, 1)
        self.reading_split.setSizes([560, 540])
        self.main_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_split.setObjectName("mainSplitter")
        self.main_split.addWidget(self.side)
        self.main_split.addWidget(self.reading_split)
        self.main_split.setStretchFactor(1, 3)
        self.main_split.setSizes([340, 1100])
        self.setCentralWidget(self.main_split)
        self.splitters = {"main": self.main_split, "reading": self.reading_split, "library": lib_split}

        self.problems = ProblemsPanel(self)
        self.problems_dock = QDockWidget(self.tr("Problems"), self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()

        self.notes = AnnotationsPanel(self)
        self.notes_dock = QDockWidget(self.tr("Annotations"), self)
        self.notes_dock.setObjectName("annotationsDock")
        self.notes_dock.setWidget(self.notes)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)
        self.notes_dock.hide()
        self.log_view = LogView(parent=self)
        self.log_dock = QDockWidget(self.tr("Log"), self)
        self.log_dock.setObjectName("logDock")
        self.log_dock.setWidget(self.log_view)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.log_dock)
        self.log_dock.hide()

        self.taskbar = TaskBar(self)
        self.statusBar().addPermanentWidget(self.taskbar)
        self.position = QLabel(self)
        self.position.setObjectName("positionLabel")
        self.statusBar().addPermanentWidget(self.position)

        self.tree.issue_selected.connect(self.show_issue)
        self.tree.page_selected.connect(self.show_page)
        self.article_list.article_activated.connect(lambda aid: self.open_article(aid))
        self.article_view.lines_selected.connect(self._lines_selected)
        self.article_view.hit_changed.connect(self._hit_changed)
        self.layout_view.line_clicked.connect(self.open_line)
        for reader_widget in (self.article_view.text, self.article_view.vreader):
            reader_widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            reader_widget.customContextMenuRequested.connect(
                lambda pos, w=reader_widget: self.reading_menu().popup(w.mapToGlobal(pos)))
        self.search.search_requested.connect(self.run_search)
        self.search.hit_opened.connect(self.open_hit)
        self.notes.open_requested.connect(self.open_annotation)
        self.notes.edit_requested.connect(self.edit_annotation)
        self.notes.delete_requested.connect(self.delete_annotation)
        self.notes.note_requested.connect(self.add_article_note)
        self.collections.article_activated.connect(lambda aid: self.open_article(aid))
        self.collections.new_requested.connect(self.new_collection)
        self.collections.add_requested.connect(self.add_to_collection)
        self.collections.remove_requested.connect(self.remove_from_collection)
        self.collections.delete_requested.connect(self.delete_collection)

    def _action(self, text: str, slot: Any, shortcut: Any = None, icon_name: str = "", checkable: bool = False,
                name: str = "") -> QAction:
        act = QAction(text, self)
        if icon_name:
            act.setIcon(icon(icon_name))
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                act.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        if name:
            act.setObjectName(name)
        (act.toggled if checkable else act.triggered).connect(slot)
        self.addAction(act)
        return act

    def _actions(self) -> None:
        SK = QKeySequence.StandardKey
        a = self._action
        self.act_open = a(self.tr("&Open library…"), self.choose_library, SK.Open, "document-open", name="actOpen")
        self.act_import_files = a(self.tr("&Import files…"), self.choose_import_files, "Ctrl+I", "document-import",
                                  name="actImportFiles")
        self.act_import_folder = a(self.tr("Import &folder…"), self.choose_import_folder, "Ctrl+Shift+I", "folder-open",
                                   name="actImportFolder")
        self.act_reindex = a(self.tr("&Rebuild search index"), self.reindex, None, "view-refresh", name="actReindex")
        self.act_quit = a(self.tr("&Quit"), self.close, SK.Quit, "application-exit", name="actQuit")
        self.act_find = a(self.tr("&Find in article…"), self.article_view.open_find, SK.Find, "edit-find", name="actFind")
        self.act_find_next = a(self.tr("Find &next"), self.article_view.find_next, SK.FindNext, name="actFindNext")
        self.act_find_prev = a(self.tr("Find pre&vious"), self.article_view.find_previous, SK.FindPrevious,
                               name="actFindPrev")
        self.act_search = a(self.tr("&Search the library"), self.focus_search, "Ctrl+Shift+F", "edit-find", name="actSearch")
        self.act_copy = a(self.tr("&Copy"), self.copy_selection, SK.Copy, "edit-copy", name="actCopy")
        self.act_zoom_in = a(self.tr("Zoom &in"), self.layout_view.zoom_in, SK.ZoomIn, "zoom-in", name="actZoomIn")
        self.act_zoom_out = a(self.tr("Zoom &out"), self.layout_view.zoom_out, SK.ZoomOut, "zoom-out", name="actZoomOut")
        self.act_fit = a(self.tr("Fit &width"), self.layout_view.fit_width, "Ctrl+0", "zoom-fit-width", name="actFitWidth")
        self.act_bigger = a(self.tr("&Larger text"), lambda: self.set_font_size(self.article_view.font_size + 1),
                            "Ctrl+Shift++", name="actLargerText")
        self.act_smaller = a(self.tr("S&maller text"), lambda: self.set_font_size(self.article_view.font_size - 1),
                             "Ctrl+Shift+-", name="actSmallerText")
        self.act_vertical = a(self.tr("&Vertical reading (直排)"), self.set_vertical, "Ctrl+Shift+V",
                              "format-text-direction-vertical", checkable=True, name="actVertical")
        # not PageUp/PageDown: those scroll the reading view
        self.act_next_article = a(self.tr("&Next article"), lambda: self.step_article(1), "Alt+Down",
                                  "go-down", name="actNextArticle")
        self.act_prev_article = a(self.tr("&Previous article"), lambda: self.step_article(-1),
                                  "Alt+Up", "go-up", name="actPrevArticle")
        self.act_next_page = a(self.tr("Next pa&ge"), lambda: self.step_page(1), [SK.Forward, "Ctrl+Alt+Right"],
                               "go-next", name="actNextPage")
        self.act_prev_page = a(self.tr("Previous pag&e"), lambda: self.step_page(-1), [SK.Back, "Ctrl+Alt+Left"],
                               "go-previous", name="actPrevPage")
        self.act_next_hit = a(self.tr("Next &hit"), self.article_view.next_hit, "F4", name="actNextHit")
        self.act_prev_hit = a(self.tr("Previous h&it"), self.article_view.previous_hit, "Shift+F4", name="actPrevHit")
        self.act_about = a(self.tr("&About Broadsheet"), self.show_about, None, "help-about", name="actAbout")
        self.act_syntax = a(self.tr("Search &syntax"), self.search.show_help, SK.HelpContents, name="actSyntax")
        self.act_problems = self.problems_dock.toggleViewAction()
        self.act_problems.setText(self.tr("&Problems"))
        self.act_annotations = self.notes_dock.toggleViewAction()
        self.act_annotations.setText(self.tr("&Annotations"))
        self.act_annotations.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.act_log = self.log_dock.toggleViewAction()
        self.act_log.setText(self.tr("&Log"))
        self.act_debug = a(self.tr("Copy &debug information"), self.copy_debug_information, None, name="actDebugInfo")

        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(SK.Undo))
        self.act_undo.setIcon(icon("edit-undo"))
        self.act_undo.setObjectName("actUndo")
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts(QKeySequence.keyBindings(SK.Redo))
        self.act_redo.setIcon(icon("edit-redo"))
        self.act_redo.setObjectName("actRedo")
        self.addActions([self.act_undo, self.act_redo])
        self.act_export = a(self.tr("&Export…"), self.show_export, "Ctrl+E", "document-save-as", name="actExport")

        self.act_highlight = a(self.tr("&Highlight selection…"), self.highlight_selection, "Ctrl+Shift+H",
                               name="actHighlight")
        self.act_note = a(self.tr("Article &note…"), self.add_article_note, None, name="actArticleNote")
        self.act_collect = a(self.tr("Add to &collection…"), self.choose_collection, None, name="actCollect")
        self.act_headline = a(self.tr("Selection as &headline"), self.correct_headline, None, name="actHeadline")
        self.act_split_article = a(self.tr("&Split article at this paragraph"), self.correct_split_article, None,
                                   name="actSplitArticle")
        self.act_merge_next = a(self.tr("Merge with &next article"), lambda: self.correct_merge(1), None,
                                name="actMergeNext")
        self.act_merge_prev = a(self.tr("Merge with &previous article"), lambda: self.correct_merge(-1), None,
                                name="actMergePrev")
        self.act_join = a(self.tr("&Join paragraph with the one before"), self.correct_join, None, name="actJoin")
        self.act_split_para = a(self.tr("Split paragraph at the &cursor"), self.correct_split_paragraph, None,
                                name="actSplitParagraph")
        self.act_fix_text = a(self.tr("Correct OCR &text…"), self.correct_ocr, "Ctrl+Shift+T", name="actFixText")
        self.act_show_corrected = a(self.tr("Show &corrected text"), self.set_show_corrected, None, checkable=True,
                                    name="actShowCorrected")
        self.act_show_corrected.setChecked(True)

        self.script_box = QComboBox(self)
        self.script_box.setObjectName("scriptBox")
        self.script_box.setAccessibleName(self.tr("Display script"))
        self.script_box.setToolTip(self.tr("Script of the reflowed text (the page and the search are unchanged)"))
        for config, label in SCRIPTS:
            self.script_box.addItem(self.tr("Original") if not config else label, config)
        self.script_box.currentIndexChanged.connect(lambda _i: self.set_script(str(self.script_box.currentData())))

        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        m.addAction(self.act_open)
        self.recent_menu = m.addMenu(self.tr("&Recent libraries"))
        m.addSeparator()
        m.addActions([self.act_import_files, self.act_import_folder, self.act_reindex])
        m.addSeparator()
        m.addAction(self.act_export)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("&Edit"))
        self.edit_menu = m
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addActions([self.act_copy, self.act_find, self.act_find_next, self.act_find_prev, self.act_search])
        m = bar.addMenu(self.tr("&Annotate"))
        m.addActions([self.act_highlight, self.act_note, self.act_collect])
        m.addSeparator()
        m.addAction(self.act_annotations)
        m = bar.addMenu(self.tr("Co&rrect"))
        m.addActions([self.act_headline, self.act_split_article, self.act_merge_prev, self.act_merge_next])
        m.addSeparator()
        m.addActions([self.act_join, self.act_split_para])
        m.addSeparator()
        m.addActions([self.act_fix_text, self.act_show_corrected])
        m = bar.addMenu(self.tr("&View"))
        script_menu = m.addMenu(self.tr("&Script"))
        self.script_group = QActionGroup(self)
        for config, label in SCRIPTS:
            act = QAction(self.tr("Original") if not config else label, self, checkable=True)
            act.setData(config)
            act.triggered.connect(lambda _c=False, cfg=config: self.set_script(cfg))
            self.script_group.addAction(act)
            script_menu.addAction(act)
        m.addActions([self.act_vertical, self.act_bigger, self.act_smaller])
        m.addSeparator()
        m.addActions([self.act_zoom_in, self.act_zoom_out, self.act_fit])
        m.addSeparator()
        theme_menu = m.addMenu(self.tr("&Theme"))
        self.theme_group = QActionGroup(self)
        for key, label in (("system", self.tr("System")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            act = QAction(label, self, checkable=True)
            act.setData(key)
            act.setChecked(self.settings.theme() == key)
            act.triggered.connect(lambda _c=False, k=key: self.set_theme(k))
            self.theme_group.addAction(act)
            theme_menu.addAction(act)
        language_menu = m.addMenu(self.tr("Interface &language"))
        self.language_group = QActionGroup(self)
        for key, label in (("", self.tr("System")), ("en", "English"), ("zh_CN", "简体中文"), ("zh_TW", "繁體中文")):
            act = QAction(label, self, checkable=True)
            act.setData(key)
            act.setChecked(self.settings.language() == key)
            act.triggered.connect(lambda _c=False, k=key: self.set_language(k))
            self.language_group.addAction(act)
            language_menu.addAction(act)
        m.addSeparator()
        m.addActions([self.act_problems, self.act_annotations, self.act_log])
        m = bar.addMenu(self.tr("&Go"))
        m.addActions([self.act_prev_article, self.act_next_article, self.act_prev_page, self.act_next_page])
        m.addSeparator()
        m.addActions([self.act_prev_hit, self.act_next_hit])
        m = bar.addMenu(self.tr("&Help"))
        m.addActions([self.act_syntax, self.act_debug, self.act_about])

        tb = QToolBar(self.tr("Reading"), self)
        tb.setObjectName("readingToolbar")
        tb.setIconSize(QSize(20, 20))
        tb.addAction(self.act_open)
        tb.addAction(self.act_import_files)
        tb.addSeparator()
        tb.addActions([self.act_prev_page, self.act_prev_article, self.act_next_article, self.act_next_page])
        tb.addSeparator()
        tb.addWidget(self.script_box)
        tb.addAction(self.act_vertical)
        tb.addSeparator()
        tb.addActions([self.act_zoom_out, self.act_zoom_in, self.act_fit])
        self.addToolBar(tb)
        self.toolbar = tb
        for act in tb.actions():  # icon-only buttons still have a name for screen readers
            button = tb.widgetForAction(act)
            if button is not None and act.text():
                button.setAccessibleName(act.text().replace("&", ""))

    # settings ---------------------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        geometry = s.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        state = s.window_state()
        if state is not None:
            self.restoreState(state)
        for name, splitter in self.splitters.items():
            data = s.splitter(name)
            if data is not None:
                splitter.restoreState(data)
        script = s.script()
        self.script_box.blockSignals(True)
        self.script_box.setCurrentIndex(max(0, self.script_box.findData(script)))
        self.script_box.blockSignals(False)
        self.article_view.set_converter(script, converter(script))
        self._check_script(script)
        self.act_vertical.blockSignals(True)
        self.act_vertical.setChecked(s.vertical())
        self.act_vertical.blockSignals(False)
        self.user_vertical = s.vertical()
        self.article_view.set_vertical(s.vertical())
        self._fill_recent()

    def save_settings(self) -> None:
        s = self.settings
        s.set_geometry(self.saveGeometry())
        s.set_window_state(self.saveState())
        for name, splitter in self.splitters.items():
            s.set_splitter(name, splitter.saveState())
        s.set_script(self.article_view.script)
        s.set_vertical(self.user_vertical)
        s.set_font_size(int(self.article_view.font_size))
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save the window's state; a running import is cancelled and stops after its current file."""
        self.save_settings()
        self.log_view.detach()
        if self.task is not None:
            self.task.cancel()
            self.statusBar().showMessage(self.tr("Stopping the running task…"))
            wait_all(30000)
        super().closeEvent(event)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_libraries():
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda _c=False, p=path: self.open_library(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_libraries()))

    # library ------------------------------------------------------------------------------
    def open_library(self, folder: str | Path, create: bool = True) -> bool:
        """Open (or create) the library in ``folder``; False with a message when it cannot be."""
        try:
            archive = Archive.open(folder, create=create)
        except (BroadsheetError, OSError) as e:
            self.report(str(e))
            return False
        self.set_archive(archive)
        return True

    def set_archive(self, archive: Archive) -> None:
        if self.archive is not None and self.archive is not archive:
            self.archive.close()
        self.archive = archive
        self.settings.add_recent_library(archive.folder)
        self._fill_recent()
        self.setWindowTitle(f"Broadsheet — {archive.folder}")
        self.article_id = None
        self.page_id = None
        self.tree.set_archive(archive)
        self.search.set_publications([p.name for p in archive.publications()])
        self.undo_stack.clear()
        self.notes.set_source(archive.annotations.find, self.headline_of, archive.tag_names())
        self.notes.refresh_library()
        self._fill_collections()
        self.library_opened.emit(str(archive.folder))
        first = self.tree.first_page()
        if first is not None:
            self.tree.select("page", first[0], first[1])
        self._update_position()

    def reload_library(self) -> None:
        if self.archive is None:
            return
        self.archive.refresh()
        self.tree.reload()
        self.notes.forget_names()
        self._annotations_changed()
        self.search.set_publications([p.name for p in self.archive.publications()])
        if self.page_id is None:
            first = self.tree.first_page()
            if first is not None:
                self.tree.select("page", first[0], first[1])

    def choose_library(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open or create a library folder"),
                                                  str(self.archive.folder.parent) if self.archive else "")
        if folder:
            self.open_library(folder)

    def show_issue(self, issue_id: int) -> None:
        if self.archive is None:
            return
        self.issue_id = issue_id
        self.article_list.show_articles(self.archive, issue_id=issue_id)
        pages = self.archive.pages(issue_id)
        if pages:
            self._show_page_layout(pages[0].id, issue_id)
        self._open_first_listed()

    def show_page(self, page_id: int, issue_id: int) -> None:
        if self.archive is None:
            return
        self.issue_id = issue_id
        self.article_list.show_articles(self.archive, page_id=page_id)
        self._show_page_layout(page_id, issue_id)
        self._open_first_listed()

    def _open_first_listed(self) -> None:
        ids = self.article_list.ids()
        if not ids or self.archive is None:
            return
        chosen = ids[0]
        for aid in ids:  # page furniture (mastheads, folios) is a poor first read
            if self.archive.info(aid).kind not in ("furniture",):
                chosen = aid
                break
        self.open_article(chosen, page_id=self.page_id)

    def _show_page_layout(self, page_id: int, issue_id: int | None = None) -> None:
        if self.archive is None:
            return
        page = self.archive.page(page_id)
        self.page_id = page_id
        if issue_id is not None:
            self.issue_id = issue_id
        self.layout_view.set_page(page, (str(self.archive.folder), page_id))

    # reading ------------------------------------------------------------------------------------
    def open_article(self, article_id: str, hits: Sequence[tuple[int, int]] = (), page_id: int | None = None,
                     line: tuple[str, int] | None = None) -> None:
        """Show an article beside its page: hits are ranges of ``Article.text``; ``line`` puts the cursor there."""
        if self.archive is None:
            return
        base = self.archive.article(article_id)
        art = self.archive.corrected(base) if self.show_corrected else base
        self.base_article = base
        info = self.archive.info(article_id)
        page_ids = self.archive.page_ids(article_id)
        if page_id is None or page_id not in page_ids:
            page_id = page_ids[0] if page_ids else None
        self.article_id = article_id
        self.hits = list(hits)
        if page_id is not None:
            self._auto_vertical(self.archive.page(page_id).vertical)
        self.article_view.set_article(art, self.hits)
        self._show_annotations()
        if page_id is not None:
            if page_id != self.page_id or self.layout_view.page is None:
                self._show_page_layout(page_id, info.issue_id)
            self.issue_id = info.issue_id
        self._outline_article()
        self.layout_view.set_hits(self.article_view.hit_lines())
        if self.hits:
            self.layout_view.reveal(self.article_view.hit_lines()[:1])
        elif line is None:
            self.layout_view.reveal(art.line_ids()[:1])
        if line is not None:
            self.article_view.reveal_line(*line)
        self.article_list.mark(article_id)
        self._update_position()
        self.article_shown.emit(article_id)

    def _outline_article(self) -> None:
        if self.article_view.article is None:
            return
        art = self.article_view.article
        on_page = set(self.layout_view.line_items)
        regions = [[lid for lid in p.line_ids if lid in on_page] for p in art.parts]
        self.layout_view.set_article([lid for lid in art.line_ids() if lid in on_page], [r for r in regions if r])
        self.layout_view.set_annotated(self.article_view.highlight_lines())

    def open_line(self, line_id: str, offset: int) -> None:
        """A line of the layout was clicked: open its article at that paragraph."""
        if self.archive is None or self.page_id is None:
            return
        place = self.archive.line_map(self.page_id).get(line_id)
        if place is None:
            self.statusBar().showMessage(self.tr("This line belongs to no article."), 3000)
            return
        if place.article != self.article_id:
            self.open_article(place.article, page_id=self.page_id, line=(line_id, offset))
        else:
            self.article_view.reveal_line(line_id, offset)

    def _lines_selected(self, line_ids: list[str]) -> None:
        """Light the selection's lines; when they are on another page of the article, turn to it."""
        if (line_ids and self.archive is not None and self.article_id is not None
                and not any(lid in self.layout_view.line_items for lid in line_ids)):
            page_id = self.archive.page_of_line(self.article_id, line_ids[0])
            if page_id is not None and page_id != self.page_id:
                self._show_page_layout(page_id)
                self._outline_article()
                self.layout_view.set_hits(self.article_view.hit_lines())
                self.tree.select_page_quietly(page_id, self.issue_id or 0)
                self._update_position()
        self.layout_view.set_lit(line_ids)

    def set_script(self, config: str) -> None:
        self.article_view.set_converter(config, converter(config))
        self.script_box.blockSignals(True)
        self.script_box.setCurrentIndex(max(0, self.script_box.findData(config)))
        self.script_box.blockSignals(False)
        self._check_script(config)
        self.settings.set_script(config)

    def _check_script(self, config: str) -> None:
        for act in self.script_group.actions():
            act.setChecked(act.data() == config)

    def set_vertical(self, on: bool) -> None:
        """The user's 直排 toggle: kept in the settings; on a vertical page, off means off for this session."""
        self.article_view.set_vertical(bool(on))
        if self._page_vertical and not on:
            self._vertical_declined = True
        if not self._page_vertical:
            self.user_vertical = bool(on)
            self.settings.set_vertical(bool(on))

    def _auto_vertical(self, page_vertical: bool) -> None:
        """Sources set vertically (ECPO) read vertically unless the user turned it off."""
        self._page_vertical = page_vertical
        want = self.user_vertical or (page_vertical and not self._vertical_declined)
        if want != self.article_view.vertical:
            self.article_view.set_vertical(want)
        self.act_vertical.blockSignals(True)
        self.act_vertical.setChecked(want)
        self.act_vertical.blockSignals(False)

    def set_theme(self, theme: str) -> None:
        """Light, dark or the system's palette; applied at once and kept."""
        from reader.gui.app import apply_theme

        self.settings.set_theme(theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme())
        self.article_view.set_font_size(self.article_view.font_size)  # re-render with the palette's colours

    def set_language(self, language: str) -> None:
        """The interface language, kept for the next start (translations load at start-up)."""
        self.settings.set_language(language)
        self.statusBar().showMessage(self.tr("The interface language changes the next time Broadsheet starts."), 8000)

    def set_font_size(self, size: float) -> None:
        self.article_view.set_font_size(size)
        self.settings.set_font_size(int(self.article_view.font_size))

    def step_article(self, step: int) -> None:
        ids = self.article_list.ids()
        if not ids:
            return
        i = ids.index(self.article_id) + step if self.article_id in ids else 0
        if 0 <= i < len(ids):
            self.open_article(ids[i], page_id=self.page_id)
        else:
            self.step_page(1 if step > 0 else -1)

    def step_page(self, step: int) -> None:
        if self.page_id is None or self.issue_id is None:
            return
        nxt = self.tree.neighbour_page(self.page_id, self.issue_id, step)
        if nxt is not None:
            self.tree.select("page", nxt[0], nxt[1])

    def copy_selection(self) -> None:
        text = self.article_view.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def _hit_changed(self, i: int, n: int) -> None:
        self._update_position(self.tr("hit %1/%2").replace("%1", str(i + 1)).replace("%2", str(n)))

    def _update_position(self, extra: str = "") -> None:
        bits = []
        if self.archive is not None and self.article_id is not None:
            info = self.archive.info(self.article_id)
            bits.append(" · ".join(x for x in (info.publication, info.date) if x))
            if self.page_id is not None and self.issue_id is not None:
                p = self.archive.page_info(self.page_id, self.issue_id)
                if p is not None:
                    bits.append(self.tr("page %1").replace("%1", p.label or str(p.number)))
            bits.append({"scan": self.tr("scan"), "drawn": self.tr("layout from coordinates"),
                         "text": self.tr("text lines")}.get(self.layout_view.mode, ""))
        if extra:
            bits.append(extra)
        self.position.setText("  ·  ".join(b for b in bits if b))

    # search -----------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.side.setCurrentWidget(self.search)
        self.search.field.setFocus()
        self.search.field.selectAll()

    def run_search(self, query: Query) -> None:
        if self.archive is None:
            return
        self._search_seq += 1
        seq = self._search_seq
        archive = self.archive

        def done(results: Results) -> None:
            if seq == self._search_seq:
                self.search.show_results(results)
                self.last_results = results
                self.notes.set_hit_articles({h.article for h in results.hits})
                self.searched.emit(results)

        def failed(e: BaseException) -> None:
            if seq == self._search_seq:
                self.search.show_error(str(e))

        run_task(archive.search, query.full(), name="search", on_result=done, on_error=failed)

    def open_hit(self, hit: Hit) -> None:
        if self.archive is None:
            return
        page_id = None
        if hit.matches:
            art = self.archive.article(hit.article)
            from reader.app.reading import Reading

            ranges = Reading.build(art).split_article_range(*hit.matches[0])
            if ranges:
                part = art.parts[ranges[0][0]]
                loc = part.locate(ranges[0][1])
                if loc is not None:
                    page_id = self.archive.page_of_line(hit.article, loc[0])
        self.open_article(hit.article, hits=hit.matches, page_id=page_id)

    # long work ----------------------------------------------------------------------------------------
    def choose_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"), "",
                                                self.tr("OCR sources (*.txt *.xml *.hocr *.html *.json);;All files (*)"))
        if files:
            self.import_paths(files)

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[str | Path]) -> Worker | None:
        """Import files or folders into the open library in a worker; progress and cancel in the status bar."""
        if self.archive is None:
            self.report(self.tr("Open a library before importing."))
            return None
        if self.task is not None:
            self.report(self.tr("Another task is running; wait for it or cancel it."))
            return None
        worker = run_task(self.archive.import_paths, [str(p) for p in paths], name="import", pass_control=True,
                          autostart=False, on_progress=self._task_progress, on_error=self._task_failed,
                          on_warning=self.report, on_finished=self._task_finished, on_result=self._import_done)
        self.task = worker
        self.taskbar.start(worker, self.tr("Importing"), self.tr("files"))
        worker.start()
        return worker

    def import_samples(self) -> Worker | None:
        """Fill an empty library with the bundled samples (first run), in a worker."""
        if self.archive is None or self.task is not None:
            return None
        from reader.gui.samples import import_samples

        def done(summary: Any) -> None:
            self._import_done(summary)
            first = self.tree.first_page(SAMPLE_START)  # a newcomer starts on the Chinese page
            if first is not None:
                self.tree.select("page", first[0], first[1])

        worker = run_task(import_samples, self.archive.library, name="samples", pass_control=True, autostart=False,
                          on_progress=self._task_progress, on_error=self._task_failed, on_warning=self.report,
                          on_finished=self._task_finished, on_result=done)
        self.task = worker
        self.taskbar.start(worker, self.tr("Building the sample library"), self.tr("files"))
        worker.start()
        return worker

    def reindex(self) -> Worker | None:
        """Rebuild the search index from the catalogue in a worker."""
        if self.archive is None or self.task is not None:
            return None
        worker = run_task(self.archive.reindex, name="reindex", pass_control=True, autostart=False,
                          on_progress=self._task_progress, on_error=self._task_failed, on_warning=self.report,
                          on_finished=self._task_finished, on_result=self._import_done)
        self.task = worker
        self.taskbar.start(worker, self.tr("Indexing"), self.tr("articles"))
        worker.start()
        return worker

    def _task_progress(self, p: Progress) -> None:
        self.taskbar.progress(p)

    def _import_done(self, summary: Any) -> None:
        self.reload_library()
        self.statusBar().showMessage(self.summary_text(summary), 10000)
        self.import_finished.emit("done", summary)

    def summary_text(self, summary: Any) -> str:
        """One line about a finished import (ImportReport) or reindex (a count)."""
        if isinstance(summary, int):
            return self.tr("Indexed %1 articles.").replace("%1", str(summary))
        imported = len(getattr(summary, "imported", []) or [])
        text = self.tr("Imported %1 file(s): %2 pages, %3 articles in %4 s.")
        for key, value in (("%1", imported), ("%2", getattr(summary, "pages", 0)),
                           ("%3", getattr(summary, "articles", 0)), ("%4", f"{getattr(summary, 'seconds', 0.0):.1f}")):
            text = text.replace(key, str(value))
        unchanged = len(getattr(summary, "unchanged", []) or [])
        failed = len(getattr(summary, "failed", []) or [])
        if unchanged:
            text += " " + self.tr("%1 unchanged.").replace("%1", str(unchanged))
        if failed:
            text += " " + self.tr("%1 could not be read (see Problems).").replace("%1", str(failed))
        return text

    def _task_failed(self, e: BaseException) -> None:
        self.report(str(e) or type(e).__name__)
        self.import_finished.emit("failed", e)

    def _task_finished(self) -> None:
        worker = self.task
        self.task = None
        self.taskbar.done()
        if worker is not None and worker.state == "aborted":
            self.reload_library()
            self.statusBar().showMessage(self.tr("Cancelled."), 5000)
            self.import_finished.emit("aborted", worker.result)

    def report(self, message: str) -> None:
        """The one path for problems the user should see: the Problems panel, the status bar and the log."""
        log.warning("%s", message)
        self.problems.add(message)
        self.problems_dock.show()
        self.statusBar().showMessage(message, 8000)

    # drag and drop -------------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # about, log, debug information ---------------------------------------------------------------------
    def about_text(self) -> str:
        """Markdown: what Broadsheet is, the versions of its parts, and the sample data's attributions."""
        tagline = self.tr("A reader for archives of OCR’d newspapers.")
        heading = self.tr("Versions")
        lines = [f"**Broadsheet** — {tagline}", "", f"### {heading}", ""]
        lines += [f"- {name} {version}" for name, version in component_versions()]
        attribution = ""
        path = resources.path("samples", "ATTRIBUTION.md")
        if path.is_file():
            attribution = path.read_text(encoding="utf-8")
        return "\n".join(lines) + "\n\n" + attribution

    def show_about(self) -> QDialog:
        """Help → About: versions and data attributions (a window-modal dialog)."""
        if self.about_dialog is not None:
            self.about_dialog.close()
        dlg = QDialog(self)
        dlg.setObjectName("aboutDialog")
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.setWindowTitle(self.tr("About Broadsheet"))
        text = QTextBrowser(dlg)
        text.setObjectName("aboutText")
        text.setOpenExternalLinks(True)
        text.setMarkdown(self.about_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dlg)
        copy = buttons.addButton(self.tr("Copy debug information"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_debug_information)
        buttons.rejected.connect(dlg.reject)
        lay = QVBoxLayout(dlg)
        lay.addWidget(text, 1)
        lay.addWidget(buttons)
        dlg.resize(680, 560)
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

    # annotations ---------------------------------------------------------------------------------------
    def headline_of(self, article_id: str) -> str:
        """A short name of an article for lists (headline, else first words, else its key)."""
        if self.archive is None:
            return article_id
        info = self.archive.info(article_id)
        return info.headline or self.archive.first_words(article_id, 24) or article_id

    def _push(self, text: str, do: Any, undo: Any, after: Any) -> bool:
        """Run an edit as an undoable command; False (and a message) when the store refused it."""
        cmd = StoreCommand(text, do, undo, after, lambda e: self.report(str(e) or type(e).__name__))
        self.undo_stack.push(cmd)
        if cmd.error is None:
            log.info("%s (article %s)", cmd.text(), self.article_id)
        return cmd.error is None

    def _placed(self) -> tuple[list[tuple[str, int, int]], list[str]]:
        """Highlights of the shown article placed on its text: ((id, start, end) list, ids not found)."""
        art = self.article_view.article
        if self.archive is None or art is None or self.article_id is None:
            return [], []
        placed: list[tuple[str, int, int]] = []
        missing: list[str] = []
        for ann in self.archive.article_annotations(self.article_id):
            anc = ann.anchor
            if anc is None:
                continue
            if ann.orphaned:
                missing.append(ann.id)
            elif art.text[anc.start:anc.end] == anc.exact:
                placed.append((ann.id, anc.start, anc.end))
            else:  # the text shown differs (a correction): find the quote by its context
                found = A.locate(anc, art.text, fuzzy=False)
                if found is None:
                    missing.append(ann.id)
                else:
                    placed.append((ann.id, found.start, found.end))
        return placed, missing

    def _show_annotations(self) -> None:
        placed, missing = self._placed()
        self.article_view.set_highlights(placed)
        self.layout_view.set_annotated(self.article_view.highlight_lines())
        if self.archive is not None and self.article_id is not None:
            self.notes.show_article(self.archive.article_annotations(self.article_id), missing)
        else:
            self.notes.show_article([])

    def _annotations_changed(self) -> None:
        if self.archive is None:
            return
        self._show_annotations()
        self.notes.set_tags(self.archive.tag_names())
        self.notes.refresh_library()

    def reading_menu(self) -> QMenu:
        """The reading view's context menu: copy, highlight, note and the corrections."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions([self.act_copy, self.act_highlight, self.act_note, self.act_collect])
        menu.addSeparator()
        menu.addActions([self.act_headline, self.act_split_article, self.act_join, self.act_split_para,
                         self.act_fix_text])
        has_selection = self.article_view.selection_article_range() is not None
        for act in (self.act_copy, self.act_highlight, self.act_fix_text):
            act.setEnabled(has_selection)
        menu.aboutToHide.connect(self._enable_selection_actions)
        return menu

    def _enable_selection_actions(self) -> None:
        for act in (self.act_copy, self.act_highlight, self.act_fix_text):
            act.setEnabled(True)

    def highlight_selection(self) -> bool:
        """Selection → highlight, with the note and tags the user gives (undoable)."""
        art = self.article_view.article
        rng = self.article_view.selection_article_range()
        if self.archive is None or art is None or self.article_id is None:
            return False
        if rng is None:
            self.statusBar().showMessage(self.tr("Select some text to highlight."), 4000)
            return False
        dlg = HighlightDialog(art.text[rng[0]:rng[1]], known_tags=self.archive.tag_names(),
                              title=self.tr("Highlight"), parent=self)
        if not self._ask(dlg):
            return False
        note, tags = dlg.values()
        return self.add_highlight(rng[0], rng[1], note, tags)

    def _ask(self, dlg: QDialog) -> bool:
        """Run a small dialog; tests replace this to answer without an event loop."""
        try:
            return dlg.exec() == QDialog.DialogCode.Accepted
        finally:
            dlg.deleteLater()

    def add_highlight(self, start: int, end: int, note: str = "", tags: Sequence[str] = ()) -> bool:
        """Highlight ``Article.text[start:end]`` of the shown article (undoable)."""
        art = self.article_view.article
        if self.archive is None or art is None or self.article_id is None:
            return False
        try:
            ann = A.highlight(art, start, end, note=note, tags=tags, key=self.article_id)
        except BroadsheetError as e:
            self.report(str(e))
            return False
        ann.source = self.archive.info(self.article_id).source
        store = self.archive.annotations
        done = self._push(self.tr("Highlight"), lambda: store.add(ann), lambda: store.delete(ann.id),
                          self._annotations_changed)
        if done:
            self.notes_dock.show()  # the new highlight is listed there, with its note and tags
        return done

    def add_article_note(self) -> bool:
        """A note (with tags) on the whole current article (undoable)."""
        if self.archive is None or self.article_id is None:
            return False
        dlg = HighlightDialog("", known_tags=self.archive.tag_names(), title=self.tr("Article note"), parent=self)
        if not self._ask(dlg):
            return False
        note, tags = dlg.values()
        ann = A.Annotation(article=self.article_id, note=note, tags=tags,
                           source=self.archive.info(self.article_id).source)
        store = self.archive.annotations
        return self._push(self.tr("Article note"), lambda: store.add(ann), lambda: store.delete(ann.id),
                          self._annotations_changed)

    def edit_annotation(self, ann: A.Annotation, note: str | None = None,
                        tags: Sequence[str] | None = None) -> bool:
        """Change an annotation's note and tags (asks when they are not given; undoable)."""
        if self.archive is None:
            return False
        if note is None or tags is None:
            dlg = HighlightDialog(ann.anchor.exact if ann.anchor else "", ann.note, ann.tags,
                                  self.archive.tag_names(), self.tr("Edit annotation"), self)
            if not self._ask(dlg):
                return False
            note, tags = dlg.values()
        old = replace(ann, tags=list(ann.tags))
        new = replace(ann, note=note, tags=A.normalize_tags(tags))
        store = self.archive.annotations
        return self._push(self.tr("Edit annotation"), lambda: store.update(replace(new)),
                          lambda: store.upsert(old), self._annotations_changed)

    def delete_annotation(self, ann: A.Annotation) -> bool:
        """Delete an annotation (undoable: undo puts it back as it was)."""
        if self.archive is None:
            return False
        old = replace(ann, tags=list(ann.tags))
        store = self.archive.annotations
        return self._push(self.tr("Delete annotation"), lambda: store.delete(old.id), lambda: store.upsert(old),
                          self._annotations_changed)

    def open_annotation(self, ann: A.Annotation) -> None:
        """Show an annotation: its article, the highlight selected."""
        if self.archive is None:
            return
        if not self.archive.exists(ann.article):
            self.statusBar().showMessage(self.tr("The annotated article is no longer in the library."), 5000)
            return
        if ann.article != self.article_id:
            self.open_article(ann.article)
        for aid, start, end in self._placed()[0]:
            if aid == ann.id:
                self.article_view.select_article_range(start, end)
                break
        else:
            self.statusBar().showMessage(describe(ann), 5000)

    # collections --------------------------------------------------------------------------------------
    def _fill_collections(self, select: str | None = None) -> None:
        if self.archive is not None:
            self.collections.set_collections(self.archive.annotations.collections(), self.headline_of, select)

    def new_collection(self, name: str | None = None) -> str | None:
        if self.archive is None:
            return None
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New collection"), self.tr("Name of the collection:"))
            if not ok:
                return None
        try:
            coll = self.archive.annotations.create_collection(name)
        except BroadsheetError as e:
            self.report(str(e))
            return None
        self._fill_collections(coll.name)
        return coll.name

    def choose_collection(self) -> None:
        """Annotate → Add to collection…: pick (or name) a collection for the current article."""
        if self.archive is None or self.article_id is None:
            return
        names = [c.name for c in self.archive.annotations.collections()]
        name, ok = QInputDialog.getItem(self, self.tr("Add to collection"), self.tr("Collection:"), names, 0, True)
        if ok and name.strip():
            if name not in names and self.new_collection(name) is None:
                return
            self.add_to_collection(name)

    def add_to_collection(self, name: str) -> None:
        if self.archive is None or self.article_id is None:
            return
        try:
            self.archive.annotations.add_to_collection(name, self.article_id)
        except BroadsheetError as e:
            self.report(str(e))
            return
        self._fill_collections(name)
        self.statusBar().showMessage(self.tr("Added to the collection %1.").replace("%1", name), 4000)

    def remove_from_collection(self, name: str, article_id: str) -> None:
        if self.archive is not None:
            self.archive.annotations.remove_from_collection(name, article_id)
            self._fill_collections(name)

    def delete_collection(self, name: str) -> None:
        if self.archive is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete collection"),
                                      self.tr("Delete the collection %1? Its articles stay in the library.")
                                      .replace("%1", name))
        if answer == QMessageBox.StandardButton.Yes:
            self.archive.annotations.delete_collection(name)
            self._fill_collections()

    # corrections ----------------------------------------------------------------------------------------
    def _base_offset(self, part: int, inner: int) -> int | None:
        """An offset of the shown text as an offset of the uncorrected ``Article.text`` (same source character)."""
        shown, base = self.article_view.article, self.base_article
        if shown is None or base is None or part >= len(base.parts):
            return None
        if shown is not base:
            loc = shown.parts[part].locate(inner)
            if loc is None:
                return None
            found = C.part_offset(base.parts[part], loc[0], loc[1])
            if found is None:
                return None
            inner = found
        starts = 0
        for p in base.parts[:part]:
            starts += len(p.text) + 2  # parts are joined by a blank line in Article.text
        return starts + inner

    def add_correction(self, corr: C.Correction, then_open: str | None = None) -> bool:
        """Store a correction as an undoable command; the views show it at once."""
        if self.archive is None:
            return False
        store = self.archive.corrections
        target = then_open or self.article_id
        labels = {"merge": self.tr("Merge articles"), "split": self.tr("Split article"),
                  "headline": self.tr("Set headline"), "join": self.tr("Join paragraphs"),
                  "split-paragraph": self.tr("Split paragraph"), "text": self.tr("Correct OCR text"),
                  "move": self.tr("Move block"), "role": self.tr("Set role")}
        return self._push(labels.get(corr.kind, corr.kind), lambda: store.add(corr), lambda: store.delete(corr.id),
                          lambda: self._corrections_changed(target))

    def _corrections_changed(self, prefer: str | None = None) -> None:
        """Re-read the corrected articles and show ``prefer`` (or what is left of the current one)."""
        if self.archive is None:
            return
        current, page_id = self.article_id, self.page_id
        self.archive.corrections_changed()
        if page_id is not None and self.issue_id is not None:
            self.article_list.show_articles(self.archive, page_id=page_id)
        ids = self.article_list.ids()
        for candidate in (prefer, current):
            if candidate and self.archive.exists(candidate) and (candidate in ids or not ids):
                self.open_article(candidate, page_id=page_id)
                return
        if ids:
            self.open_article(ids[0], page_id=page_id)

    def _correct(self, make: Any, then_open: str | None = None) -> bool:
        if self.archive is None or self.base_article is None or self.article_id is None:
            return False
        try:
            corr = make(self.base_article)
        except BroadsheetError as e:
            self.report(str(e))
            return False
        return self.add_correction(corr, then_open)

    def correct_headline(self) -> bool:
        """The selected text becomes the headline; with no selection, the paragraph at the cursor does."""
        rng = self.article_view.selection_article_range()
        shown = self.article_view.article
        sel = [r for r in self.article_view.selection_original() if r[2] > r[1]]
        if rng is not None and shown is not None:
            text = shown.text[rng[0]:rng[1]]
            whole = len(sel) == 1 and shown.parts[sel[0][0]].text.strip() == text.strip()
            if not whole:  # part of a paragraph: the article gets that text as its headline
                return self._correct(lambda art: C.set_headline(art, text=text, key=self.article_id))
        part = self.article_view.current_part()
        if part is None:
            return False
        return self._correct(lambda art: C.set_headline(art, part_index=part, key=self.article_id))

    def correct_split_article(self) -> bool:
        """A new article starts at the paragraph holding the cursor."""
        part = self.article_view.current_part()
        if part is None:
            return False
        return self._correct(lambda art: C.split_article(art, part, key=self.article_id))

    def correct_merge(self, step: int) -> bool:
        """Merge the current article with the next (step 1) or previous (step -1) one of the list."""
        ids = self.article_list.ids()
        if self.archive is None or self.article_id not in ids:
            return False
        i = ids.index(self.article_id) + step
        if not 0 <= i < len(ids):
            self.statusBar().showMessage(self.tr("There is no article to merge with."), 4000)
            return False
        other_id = ids[i]
        other = self.archive.article(other_id)
        if step > 0:
            return self._correct(lambda art: C.merge_articles(art, other, key=self.article_id, other_key=other_id))
        mine = self.article_id
        return self._correct(lambda art: C.merge_articles(other, art, key=other_id, other_key=mine), then_open=other_id)

    def correct_join(self) -> bool:
        part = self.article_view.current_part()
        if part is None:
            return False
        return self._correct(lambda art: C.join_paragraphs(art, part, key=self.article_id))

    def correct_split_paragraph(self) -> bool:
        sel = self.article_view.selection_original()
        if not sel:
            return False
        offset = self._base_offset(sel[0][0], sel[0][1])
        if offset is None:
            return False
        return self._correct(lambda art: C.split_paragraph(art, offset, key=self.article_id))

    def correct_ocr(self, corrected: str | None = None) -> bool:
        """Correct the selected OCR text (one line); the original stays and can be shown."""
        sel = [r for r in self.article_view.selection_original() if r[2] > r[1]]
        if not sel or len(sel) > 1:
            self.statusBar().showMessage(self.tr("Select the characters to correct (within one line)."), 4000)
            return False
        part, s, e = sel[0]
        start, end = self._base_offset(part, s), self._base_offset(part, e - 1)
        if start is None or end is None or self.base_article is None:
            self.statusBar().showMessage(self.tr("Those characters were themselves corrected; undo that first."),
                                         5000)
            return False
        end += 1
        if corrected is None:
            corrected, ok = QInputDialog.getText(self, self.tr("Correct OCR text"),
                                                 self.tr("Corrected text (the original is kept):"),
                                                 text=self.base_article.text[start:end])
            if not ok:
                return False
        creator = ""
        return self._correct(lambda art: C.correct_text(art, start, end, corrected, key=self.article_id,
                                                        creator=creator))

    def set_show_corrected(self, on: bool) -> None:
        """Show the corrected reading of OCR text, or the original as the source has it."""
        self.show_corrected = bool(on)
        if self.article_id is not None:
            selection = self.article_view.selection_original()
            self.open_article(self.article_id, hits=self.hits, page_id=self.page_id)
            if selection:
                self.article_view.select_original(selection[0][0], selection[0][1], selection[-1][0],
                                                  selection[-1][2])

    # export -------------------------------------------------------------------------------------------------
    def export_context(self) -> ExportContext:
        ctx = ExportContext()
        if self.archive is None:
            return ctx
        if self.article_id is not None:
            ctx.article_id = self.article_id
            ctx.article_title = self.headline_of(self.article_id)
        if self.issue_id is not None:
            ctx.issue_id = self.issue_id
            issue = next((i for i in self.archive.issues() if i.id == self.issue_id), None)
            ctx.issue_title = " ".join(x for x in ((issue.publication, issue.date) if issue else ()) if x)
        ctx.collections = [c.name for c in self.archive.annotations.collections()]
        if self.last_results is not None and self.last_results.query:
            ctx.query = self.last_results.query
            ctx.hit_count = len(self.last_results.hits)
        return ctx

    def show_export(self) -> ExportDialog | None:
        """File → Export…: the dialog, window-modal; it writes the file itself."""
        if self.archive is None:
            self.report(self.tr("Open a library before exporting."))
            return None
        if self.export_dialog is not None:
            self.export_dialog.close()
        dlg = ExportDialog(OverlayLibrary(self.archive), self.export_context(), str(self.archive.folder.parent), self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.destroyed.connect(lambda _o=None: setattr(self, "export_dialog", None))
        self.export_dialog = dlg
        dlg.open()
        return dlg
