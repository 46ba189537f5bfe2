"""Every action of the window in one declarative table; menus, toolbar and context menu are built from it.

In the spirit of MusicBrainz Picard's ``picard/ui/enums.py`` + ``actions.py``
and of napari's app-model: :class:`ActionId` names each action (its value is
the QAction's object name), :data:`ACTIONS` holds one frozen
:class:`ActionSpec` per action — text, shortcuts, icon, checkability, where it
is placed and the name of its handler on the window — and :func:`build` turns
the table into QActions, menus, the toolbar and the reading view's context
menu. A place is (container, group, order), as in app-model: items of a menu
are sorted by group and order, with a separator between groups.

Handlers are dotted names resolved on the window when the action fires
(``"corrections.correct_ocr"``). A checkable action's handler receives the new
checked state; a plain action's handler is called with the spec's ``args``
only, never with the ``checked`` bool of ``QAction.triggered``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QWidget,
)

from reader.gui.icons import icon

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - PySide6's stub returns object
        ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP  # lupdate reads the table's texts through this name

SK = QKeySequence.StandardKey
#: the translation context of the window's strings (the one the .ts files hold them in)
CONTEXT = "MainWindow"


class ActionId(str, Enum):
    """The window's actions; the value is the QAction's object name."""

    OPEN = "actOpen"
    OPEN_SHARED = "actOpenShared"
    IMPORT_FILES = "actImportFiles"
    IMPORT_FOLDER = "actImportFolder"
    REINDEX = "actReindex"
    READ_AGAIN = "actReadAgain"
    EXPORT = "actExport"
    QUIT = "actQuit"
    UNDO = "actUndo"
    REDO = "actRedo"
    COPY = "actCopy"
    FIND = "actFind"
    FIND_NEXT = "actFindNext"
    FIND_PREV = "actFindPrev"
    SEARCH = "actSearch"
    CONCORDANCE = "actConcordance"
    TIMELINE = "actTimeline"
    HIGHLIGHT = "actHighlight"
    NOTE = "actArticleNote"
    COLLECT = "actCollect"
    HEADLINE = "actHeadline"
    SPLIT_ARTICLE = "actSplitArticle"
    MERGE_PREV = "actMergePrev"
    MERGE_NEXT = "actMergeNext"
    JOIN = "actJoin"
    SPLIT_PARA = "actSplitParagraph"
    MOVE_PARA = "actMoveParagraph"
    FIX_TEXT = "actFixText"
    SHOW_CORRECTED = "actShowCorrected"
    VERTICAL = "actVertical"
    BIGGER = "actLargerText"
    SMALLER = "actSmallerText"
    ZOOM_IN = "actZoomIn"
    ZOOM_OUT = "actZoomOut"
    FIT = "actFitWidth"
    FIT_PAGE = "actFitPage"
    PROBLEMS = "actProblems"
    ANNOTATIONS = "actAnnotations"
    LOG = "actLog"
    SIDE_PANEL = "actSidePanel"
    FULL_SCREEN = "actFullScreen"
    PREV_ARTICLE = "actPrevArticle"
    NEXT_ARTICLE = "actNextArticle"
    PREV_PAGE = "actPrevPage"
    NEXT_PAGE = "actNextPage"
    PREV_HIT = "actPrevHit"
    NEXT_HIT = "actNextHit"
    SYNTAX = "actSyntax"
    DEBUG = "actDebugInfo"
    ABOUT = "actAbout"

    @property
    def attribute(self) -> str:
        """The window attribute holding the QAction (``act_zoom_in`` for ZOOM_IN)."""
        return "act_" + self.name.lower()


@dataclass(frozen=True)
class Place:
    """Where an action (or a submenu, or a toolbar widget) goes: a menu key, ``toolbar`` or ``context``."""

    where: str
    group: int
    order: int


@dataclass(frozen=True)
class ActionSpec:
    id: ActionId
    #: the source text, translated in :data:`CONTEXT`
    text: str
    #: dotted name of the handler on the window; empty for actions Qt provides (see ``provider``)
    handler: str = ""
    args: tuple[Any, ...] = ()
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    #: every platform binding of a single standard key, not only its first
    all_bindings: bool = False
    icon: str = ""
    checkable: bool = False
    checked: bool = False
    places: tuple[Place, ...] = ()
    #: in the context menu: enabled only with a selection in the reading view
    needs_selection: bool = False
    #: an action Qt makes: ``undo``, ``redo`` or ``dock:<window attribute>`` (its toggle-view action)
    provider: str = ""

    def menus(self) -> list[str]:
        return [p.where for p in self.places if p.where not in ("toolbar", "context")]

    @property
    def writes(self) -> bool:
        """Whether the action writes to the library (an import, a note, a collection, a correction): not offered
        while the library is read-only."""
        return self.handler.startswith(("tasks.", "annotating.", "collecting.", "corrections.correct_"))


def set_writable(actions: dict[ActionId, QAction], writable: bool) -> None:
    """Offer the actions that write to the library only where it can be written."""
    for spec in ACTIONS:
        if spec.writes and spec.id in actions:
            actions[spec.id].setEnabled(writable)


@dataclass(frozen=True)
class MenuSpec:
    key: str
    title: str
    #: None: a menu of the menu bar; else where the submenu goes
    place: Place | None = None


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


P = Place

#: the menu bar's menus, in order, and the submenus with their places
MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    MenuSpec("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit")),
    MenuSpec("annotate", QT_TRANSLATE_NOOP("MainWindow", "&Annotate")),
    MenuSpec("correct", QT_TRANSLATE_NOOP("MainWindow", "Co&rrect")),
    MenuSpec("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    MenuSpec("go", QT_TRANSLATE_NOOP("MainWindow", "&Go")),
    MenuSpec("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
    MenuSpec("recent", QT_TRANSLATE_NOOP("MainWindow", "&Recent libraries"), P("file", 0, 1)),
    MenuSpec("script", QT_TRANSLATE_NOOP("MainWindow", "&Script"), P("view", 0, 0)),
    MenuSpec("theme", QT_TRANSLATE_NOOP("MainWindow", "&Theme"), P("view", 3, 0)),
    MenuSpec("language", QT_TRANSLATE_NOOP("MainWindow", "Interface lang&uage"), P("view", 3, 1)),
    MenuSpec("spacing", QT_TRANSLATE_NOOP("MainWindow", "Line spa&cing"), P("view", 0, 4)),
)

#: the toolbar's title
TOOLBAR_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Reading")
#: widgets of the toolbar (dotted name on the window → place)
TOOLBAR_WIDGETS: dict[str, Place] = {"display.script_box": P("toolbar", 2, 0)}

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        ActionId.OPEN,
        QT_TRANSLATE_NOOP("MainWindow", "&Open library…"),
        "library.choose_library",
        shortcuts=(SK.Open,),
        icon="document-open",
        places=(P("file", 0, 0), P("toolbar", 0, 0)),
    ),
    ActionSpec(
        ActionId.OPEN_SHARED,
        QT_TRANSLATE_NOOP("MainWindow", "Open &shared library…"),
        "library.choose_shared_library",
        places=(P("file", 0, 2),),
    ),
    ActionSpec(
        ActionId.IMPORT_FILES,
        QT_TRANSLATE_NOOP("MainWindow", "&Import files…"),
        "tasks.choose_import_files",
        shortcuts=("Ctrl+I",),
        icon="document-import",
        places=(P("file", 1, 0), P("toolbar", 0, 1)),
    ),
    ActionSpec(
        ActionId.IMPORT_FOLDER,
        QT_TRANSLATE_NOOP("MainWindow", "Import &folder…"),
        "tasks.choose_import_folder",
        shortcuts=("Ctrl+Shift+I",),
        icon="folder-open",
        places=(P("file", 1, 1),),
    ),
    ActionSpec(
        ActionId.REINDEX,
        QT_TRANSLATE_NOOP("MainWindow", "Re&build search index"),
        "tasks.reindex",
        icon="view-refresh",
        places=(P("file", 1, 2),),
    ),
    ActionSpec(
        ActionId.READ_AGAIN,
        QT_TRANSLATE_NOOP("MainWindow", "Read every file &again…"),
        "tasks.read_again",
        places=(P("file", 1, 3),),
    ),
    ActionSpec(
        ActionId.EXPORT,
        QT_TRANSLATE_NOOP("MainWindow", "&Export…"),
        "show_export",
        shortcuts=("Ctrl+E",),
        icon="document-save-as",
        places=(P("file", 2, 0),),
    ),
    ActionSpec(
        ActionId.QUIT,
        QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
        "close",
        shortcuts=(SK.Quit,),
        icon="application-exit",
        places=(P("file", 3, 0),),
    ),
    # Edit
    ActionSpec(
        ActionId.UNDO,
        QT_TRANSLATE_NOOP("MainWindow", "&Undo"),
        shortcuts=(SK.Undo,),
        all_bindings=True,
        icon="edit-undo",
        places=(P("edit", 0, 0),),
        provider="undo",
    ),
    ActionSpec(
        ActionId.REDO,
        QT_TRANSLATE_NOOP("MainWindow", "&Redo"),
        shortcuts=(SK.Redo,),
        all_bindings=True,
        icon="edit-redo",
        places=(P("edit", 0, 1),),
        provider="redo",
    ),
    ActionSpec(
        ActionId.COPY,
        QT_TRANSLATE_NOOP("MainWindow", "&Copy"),
        "navigation.copy_selection",
        shortcuts=(SK.Copy,),
        icon="edit-copy",
        places=(P("edit", 1, 0), P("context", 0, 0)),
        needs_selection=True,
    ),
    ActionSpec(
        ActionId.FIND,
        QT_TRANSLATE_NOOP("MainWindow", "&Find in article…"),
        "article_view.open_find",
        shortcuts=(SK.Find,),
        icon="edit-find",
        places=(P("edit", 1, 1),),
    ),
    ActionSpec(
        ActionId.FIND_NEXT,
        QT_TRANSLATE_NOOP("MainWindow", "Find &next"),
        "article_view.find_next",
        shortcuts=(SK.FindNext,),
        places=(P("edit", 1, 2),),
    ),
    ActionSpec(
        ActionId.FIND_PREV,
        QT_TRANSLATE_NOOP("MainWindow", "Find pre&vious"),
        "article_view.find_previous",
        shortcuts=(SK.FindPrevious,),
        places=(P("edit", 1, 3),),
    ),
    ActionSpec(
        ActionId.SEARCH,
        QT_TRANSLATE_NOOP("MainWindow", "&Search the library"),
        "searching.focus_search",
        shortcuts=("Ctrl+Shift+F",),
        icon="edit-find",
        places=(P("edit", 1, 4),),
    ),
    ActionSpec(
        ActionId.CONCORDANCE,
        QT_TRANSLATE_NOOP("MainWindow", "Conc&ordance…"),
        "studies.show_concordance",
        shortcuts=("Ctrl+Shift+K",),
        places=(P("edit", 1, 5),),
    ),
    ActionSpec(
        ActionId.TIMELINE,
        QT_TRANSLATE_NOOP("MainWindow", "&Timeline…"),
        "studies.show_timeline",
        shortcuts=("Ctrl+Shift+L",),
        places=(P("edit", 1, 6),),
    ),
    # Annotate
    ActionSpec(
        ActionId.HIGHLIGHT,
        QT_TRANSLATE_NOOP("MainWindow", "&Highlight selection…"),
        "annotating.highlight_selection",
        shortcuts=("Ctrl+Shift+H",),
        places=(P("annotate", 0, 0), P("context", 0, 1)),
        needs_selection=True,
    ),
    ActionSpec(
        ActionId.NOTE,
        QT_TRANSLATE_NOOP("MainWindow", "Article &note…"),
        "annotating.add_article_note",
        places=(P("annotate", 0, 1), P("context", 0, 2)),
    ),
    ActionSpec(
        ActionId.COLLECT,
        QT_TRANSLATE_NOOP("MainWindow", "Add to co&llection…"),
        "collecting.choose_collection",
        places=(P("annotate", 0, 2), P("context", 0, 3)),
    ),
    # Correct
    ActionSpec(
        ActionId.HEADLINE,
        QT_TRANSLATE_NOOP("MainWindow", "Selection as h&eadline"),
        "corrections.correct_headline",
        places=(P("correct", 0, 0), P("context", 1, 0)),
        needs_selection=True,
    ),
    ActionSpec(
        ActionId.SPLIT_ARTICLE,
        QT_TRANSLATE_NOOP("MainWindow", "&Split article at this paragraph"),
        "corrections.correct_split_article",
        places=(P("correct", 0, 1), P("context", 1, 1)),
    ),
    ActionSpec(
        ActionId.MERGE_PREV,
        QT_TRANSLATE_NOOP("MainWindow", "Merge with &previous article"),
        "corrections.correct_merge",
        args=(-1,),
        places=(P("correct", 0, 2),),
    ),
    ActionSpec(
        ActionId.MERGE_NEXT,
        QT_TRANSLATE_NOOP("MainWindow", "Merge with &next article"),
        "corrections.correct_merge",
        args=(1,),
        places=(P("correct", 0, 3),),
    ),
    ActionSpec(
        ActionId.JOIN,
        QT_TRANSLATE_NOOP("MainWindow", "&Join paragraph with the one before"),
        "corrections.correct_join",
        places=(P("correct", 1, 0), P("context", 1, 2)),
    ),
    ActionSpec(
        ActionId.SPLIT_PARA,
        QT_TRANSLATE_NOOP("MainWindow", "Split pa&ragraph at the cursor"),
        "corrections.correct_split_paragraph",
        places=(P("correct", 1, 1), P("context", 1, 3)),
    ),
    ActionSpec(
        ActionId.MOVE_PARA,
        QT_TRANSLATE_NOOP("MainWindow", "&Move paragraph to article…"),
        "corrections.correct_move",
        places=(P("correct", 1, 2), P("context", 1, 5)),
    ),
    ActionSpec(
        ActionId.FIX_TEXT,
        QT_TRANSLATE_NOOP("MainWindow", "Correct OCR &text…"),
        "corrections.correct_ocr",
        shortcuts=("Ctrl+Shift+T",),
        places=(P("correct", 2, 0), P("context", 1, 4)),
        needs_selection=True,
    ),
    ActionSpec(
        ActionId.SHOW_CORRECTED,
        QT_TRANSLATE_NOOP("MainWindow", "Show &corrected text"),
        "corrections.set_show_corrected",
        checkable=True,
        checked=True,
        places=(P("correct", 2, 1),),
    ),
    # View
    ActionSpec(
        ActionId.VERTICAL,
        QT_TRANSLATE_NOOP("MainWindow", "&Vertical reading (直排)"),
        "display.set_vertical",
        shortcuts=("Ctrl+Shift+V",),
        icon="format-text-direction-vertical",
        checkable=True,
        places=(P("view", 0, 1), P("toolbar", 2, 1)),
    ),
    ActionSpec(
        ActionId.BIGGER,
        QT_TRANSLATE_NOOP("MainWindow", "&Larger text"),
        "display.step_font_size",
        args=(1,),
        shortcuts=("Ctrl+]",),
        places=(P("view", 0, 2),),
    ),
    ActionSpec(
        ActionId.SMALLER,
        QT_TRANSLATE_NOOP("MainWindow", "S&maller text"),
        "display.step_font_size",
        args=(-1,),
        shortcuts=("Ctrl+[", "Ctrl+Shift+-"),
        places=(P("view", 0, 3),),
    ),
    ActionSpec(
        ActionId.ZOOM_IN,
        QT_TRANSLATE_NOOP("MainWindow", "Zoom &in"),
        "layout_view.zoom_in",
        shortcuts=(SK.ZoomIn,),
        icon="zoom-in",
        places=(P("view", 1, 0), P("toolbar", 3, 1)),
    ),
    ActionSpec(
        ActionId.ZOOM_OUT,
        QT_TRANSLATE_NOOP("MainWindow", "Zoom &out"),
        "layout_view.zoom_out",
        shortcuts=(SK.ZoomOut,),
        icon="zoom-out",
        places=(P("view", 1, 1), P("toolbar", 3, 0)),
    ),
    ActionSpec(
        ActionId.FIT,
        QT_TRANSLATE_NOOP("MainWindow", "Fit &width"),
        "layout_view.fit_width",
        shortcuts=("Ctrl+0",),
        icon="zoom-fit-width",
        places=(P("view", 1, 2), P("toolbar", 3, 2)),
    ),
    ActionSpec(
        ActionId.FIT_PAGE,
        QT_TRANSLATE_NOOP("MainWindow", "Fit &page"),
        "layout_view.fit_page",
        shortcuts=("Ctrl+9",),
        icon="zoom-fit-best",
        places=(P("view", 1, 3), P("toolbar", 3, 3)),
    ),
    ActionSpec(
        ActionId.PROBLEMS,
        QT_TRANSLATE_NOOP("MainWindow", "P&roblems"),
        places=(P("view", 4, 0),),
        provider="dock:problems_dock",
    ),
    ActionSpec(
        ActionId.ANNOTATIONS,
        QT_TRANSLATE_NOOP("MainWindow", "&Annotations"),
        shortcuts=("Ctrl+Shift+A",),
        places=(P("annotate", 1, 0), P("view", 4, 1)),
        provider="dock:notes_dock",
    ),
    ActionSpec(
        ActionId.LOG, QT_TRANSLATE_NOOP("MainWindow", "Lo&g"), places=(P("view", 4, 2),), provider="dock:log_dock"
    ),
    ActionSpec(
        ActionId.SIDE_PANEL,
        QT_TRANSLATE_NOOP("MainWindow", "Si&de panel (library, search, collections)"),
        "display.set_side_panel",
        shortcuts=("F9",),
        checkable=True,
        checked=True,
        places=(P("view", 2, 0),),
    ),
    ActionSpec(
        ActionId.FULL_SCREEN,
        QT_TRANSLATE_NOOP("MainWindow", "&Full screen"),
        "display.set_full_screen",
        shortcuts=("F11",),  # QKeySequence.FullScreen is nothing under a bare X11 session (seen under openbox)
        checkable=True,
        places=(P("view", 2, 1),),
    ),
    # Go (not PageUp/PageDown: those scroll the reading view)
    ActionSpec(
        ActionId.PREV_ARTICLE,
        QT_TRANSLATE_NOOP("MainWindow", "&Previous article"),
        "navigation.step_article",
        args=(-1,),
        shortcuts=("Alt+Up",),
        icon="go-up",
        places=(P("go", 0, 0), P("toolbar", 1, 1)),
    ),
    ActionSpec(
        ActionId.NEXT_ARTICLE,
        QT_TRANSLATE_NOOP("MainWindow", "&Next article"),
        "navigation.step_article",
        args=(1,),
        shortcuts=("Alt+Down",),
        icon="go-down",
        places=(P("go", 0, 1), P("toolbar", 1, 2)),
    ),
    ActionSpec(
        ActionId.PREV_PAGE,
        QT_TRANSLATE_NOOP("MainWindow", "Previous pag&e"),
        "navigation.step_page",
        args=(-1,),
        shortcuts=(SK.Back, "Ctrl+Alt+Left"),
        icon="go-previous",
        places=(P("go", 0, 2), P("toolbar", 1, 0)),
    ),
    ActionSpec(
        ActionId.NEXT_PAGE,
        QT_TRANSLATE_NOOP("MainWindow", "Next pa&ge"),
        "navigation.step_page",
        args=(1,),
        shortcuts=(SK.Forward, "Ctrl+Alt+Right"),
        icon="go-next",
        places=(P("go", 0, 3), P("toolbar", 1, 3)),
    ),
    ActionSpec(
        ActionId.PREV_HIT,
        QT_TRANSLATE_NOOP("MainWindow", "Previous h&it"),
        "navigation.previous_hit",
        shortcuts=("Shift+F4",),
        places=(P("go", 1, 0),),
    ),
    ActionSpec(
        ActionId.NEXT_HIT,
        QT_TRANSLATE_NOOP("MainWindow", "Next &hit"),
        "navigation.next_hit",
        shortcuts=("F4",),
        places=(P("go", 1, 1),),
    ),
    # Help
    ActionSpec(
        ActionId.SYNTAX,
        QT_TRANSLATE_NOOP("MainWindow", "Search &syntax"),
        "search.show_help",
        shortcuts=(SK.HelpContents,),
        places=(P("help", 0, 0),),
    ),
    ActionSpec(
        ActionId.DEBUG,
        QT_TRANSLATE_NOOP("MainWindow", "Copy &debug information"),
        "copy_debug_information",
        places=(P("help", 0, 1),),
    ),
    ActionSpec(
        ActionId.ABOUT,
        QT_TRANSLATE_NOOP("MainWindow", "&About Broadsheet"),
        "show_about",
        icon="help-about",
        places=(P("help", 0, 2),),
    ),
)

SPECS: dict[ActionId, ActionSpec] = {spec.id: spec for spec in ACTIONS}


def resolve(root: object, dotted: str) -> Callable[..., Any]:
    """The handler ``dotted`` names, looked up on ``root`` now (so a replaced handler is the one called)."""
    target: Any = root
    for name in dotted.split("."):
        target = getattr(target, name)
    return target


def _key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    if spec.all_bindings and len(spec.shortcuts) == 1 and isinstance(spec.shortcuts[0], QKeySequence.StandardKey):
        return list(QKeySequence.keyBindings(spec.shortcuts[0]))
    return [QKeySequence(s) for s in spec.shortcuts]


def dock_action(dock: QDockWidget, text: str, parent: QObject) -> QAction:
    """A dock's View action: checked while the dock is open; choosing it shows the dock and brings its tab to the front
    (the Log behind the Problems tab stayed behind it: seen by eye), or closes it when it is in front."""
    act = QAction(text, parent)
    act.setCheckable(True)
    shown = dock.toggleViewAction()  # Qt's, checked while the dock is not hidden
    act.setChecked(shown.isChecked())
    shown.toggled.connect(act.setChecked)

    def chosen(_checked: bool = False) -> None:
        behind = dock.isVisible() and dock.visibleRegion().isEmpty()  # a tab of a dock, another tab in front
        if dock.isHidden() or behind:
            dock.show()
            dock.raise_()
        else:
            dock.close()
        act.setChecked(not dock.isHidden())

    act.triggered.connect(chosen)
    return act


def make_action(window: MainWindow, spec: ActionSpec) -> QAction:
    """The QAction of ``spec``, its handler connected (plain actions get no ``checked`` argument)."""
    text = tr(spec.text)
    if spec.provider == "undo":
        act = window.undo_stack.createUndoAction(window, text)
    elif spec.provider == "redo":
        act = window.undo_stack.createRedoAction(window, text)
    elif spec.provider.startswith("dock:"):
        act = dock_action(getattr(window, spec.provider[5:]), text, window)
    else:
        act = QAction(text, window)
        act.setCheckable(spec.checkable)
        act.setChecked(spec.checked)
        if spec.checkable:
            act.toggled.connect(lambda on, h=spec.handler: resolve(window, h)(on))
        else:
            act.triggered.connect(lambda _checked=False, h=spec.handler, a=spec.args: resolve(window, h)(*a))
    act.setObjectName(spec.id.value)
    if spec.icon:
        act.setIcon(icon(spec.icon))
    keys = _key_sequences(spec)
    if len(keys) == 1 and not spec.all_bindings:
        act.setShortcut(keys[0])
    elif keys:
        act.setShortcuts(keys)
    window.addAction(act)
    return act


#: the keys a text field keeps over the window's shortcuts: the editing every platform gives it
FIELD_KEYS = (SK.Undo, SK.Redo, SK.Cut, SK.Copy, SK.Paste, SK.SelectAll, SK.Delete, SK.Backspace)
#: the property of a text field :class:`ShortcutsOverFields` watches
_WATCHED = "broadsheetWindowKeys"


class ShortcutsOverFields(QObject):
    """The window's shortcuts win over a text field's own key bindings where they collide, but for the editing keys
    of :data:`FIELD_KEYS`. A text field takes a key it binds before any shortcut (Qt's ShortcutOverride), and under
    X11 QLineEdit binds Emacs's Ctrl+E (end of line), Ctrl+K, Ctrl+U…: after a search, the cursor still in the search
    field, Ctrl+E moved the cursor and File → Export… never opened (seen by eye under Xvfb). Each text field of the
    window one types in is watched from the first time it has the focus."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focused)

    def _focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        fields = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
        if new is None or not isinstance(new, fields) or new.property(_WATCHED) or not self._in_window(new):
            return
        if not isinstance(new, QAbstractSpinBox) and new.isReadOnly():
            return  # nothing typed there: the reading view keeps the keys it takes (Ctrl+plus for its text size)
        new.setProperty(_WATCHED, True)
        new.installEventFilter(self)

    def _in_window(self, widget: QWidget) -> bool:
        """Whether ``widget`` is in the window (a dock floated off it too; a dialog's field is the dialog's)."""
        at: QWidget | None = widget
        while at is not None and at is not self._window:
            if at.isWindow() and not at.inherits("QDockWidget"):
                return False
            at = at.parentWidget()
        return at is self._window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._window_key(event):
            event.ignore()  # not the field's: the shortcut map gives it to the window's action
            return True
        return False

    def _window_key(self, event: QKeyEvent) -> bool:
        if any(event.matches(key) for key in FIELD_KEYS):
            return False
        pressed = QKeySequence(event.keyCombination())
        return any(act.isEnabled() and any(k.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                                           for k in act.shortcuts())
                   for act in self._window.actions())


def _sorted(where: str, items: Sequence[tuple[Place, Any]]) -> list[tuple[int, Any]]:
    placed = [(p.group, p.order, item) for p, item in items if p.where == where]
    return [(group, item) for group, _order, item in sorted(placed, key=lambda x: (x[0], x[1]))]


def _fill(container: QMenu | QToolBar, entries: list[tuple[int, Any]]) -> None:
    last: int | None = None
    for group, item in entries:
        if last is not None and group != last:
            container.addSeparator()
        last = group
        if isinstance(item, QAction):
            container.addAction(item)
        elif isinstance(item, QMenu) and isinstance(container, QMenu):
            container.addMenu(item)
        elif isinstance(item, QWidget) and isinstance(container, QToolBar):
            container.addWidget(item)


def _placed_items(
    window: MainWindow, actions: dict[ActionId, QAction], menus: dict[str, QMenu]
) -> list[tuple[Place, Any]]:
    items: list[tuple[Place, Any]] = [(p, actions[s.id]) for s in ACTIONS for p in s.places]
    items += [(m.place, menus[m.key]) for m in MENUS if m.place is not None]
    items += [(place, resolve(window, name)) for name, place in TOOLBAR_WIDGETS.items()]
    return items


def build(window: MainWindow) -> tuple[dict[ActionId, QAction], dict[str, QMenu], QToolBar]:
    """Every action of the table on ``window`` (also as ``window.act_<id>``), the menu bar and the toolbar."""
    actions = {spec.id: make_action(window, spec) for spec in ACTIONS}
    for aid, act in actions.items():
        setattr(window, aid.attribute, act)
    bar = window.menuBar()
    menus = {m.key: (bar.addMenu(tr(m.title)) if m.place is None else QMenu(tr(m.title), window)) for m in MENUS}
    items = _placed_items(window, actions, menus)
    for key, menu in menus.items():
        _fill(menu, _sorted(key, items))
    toolbar = QToolBar(tr(TOOLBAR_TITLE), window)
    toolbar.setObjectName("readingToolbar")
    toolbar.setIconSize(QSize(20, 20))
    _fill(toolbar, _sorted("toolbar", items))
    window.addToolBar(toolbar)
    for act in toolbar.actions():  # icon-only buttons still have a name for screen readers
        button = toolbar.widgetForAction(act)
        if button is not None and act.text():
            button.setAccessibleName(act.text().replace("&", ""))
    return actions, menus, toolbar


def context_menu(window: MainWindow, actions: dict[ActionId, QAction], has_selection: bool) -> QMenu:
    """The reading view's context menu; the actions needing a selection are disabled while it is open without one."""
    menu = QMenu(window)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _fill(menu, _sorted("context", [(p, actions[s.id]) for s in ACTIONS for p in s.places]))
    writable = window.archive is None or not window.archive.read_only
    needing = [(actions[s.id], writable or not s.writes) for s in ACTIONS if s.needs_selection]
    for act, allowed in needing:
        act.setEnabled(has_selection and allowed)

    def enable() -> None:
        for act, allowed in needing:
            act.setEnabled(allowed)

    menu.aboutToHide.connect(enable)
    return menu
