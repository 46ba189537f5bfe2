"""The collections of the library pane: the named sets of articles, and the articles of the chosen one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from reader.annotations.store import Collection
from reader.app.sharing import Byline, Visibility
from reader.gui.widgets.flow import FlowLayout, scrolled
from reader.gui.widgets.visibility import VisibilityCombo, byline_text
from reader.library.catalogue import NotFoundError
from reader.text.chars import opens_on_quote

ROLE_NAME = Qt.ItemDataRole.UserRole
ROLE_ARTICLE = Qt.ItemDataRole.UserRole + 1


class CollectionsPanel(QWidget):
    """Collections of the library pane: the named sets, and the articles of the chosen one."""

    article_activated = Signal(str)
    new_requested = Signal()
    add_requested = Signal(str)
    remove_requested = Signal(str, str)
    delete_requested = Signal(str)
    rename_requested = Signal(str)
    #: (name, Visibility): the owner chose who may see the collection (a shared library)
    visibility_requested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionsPanel")
        #: whether the library can be written here (its buttons that write offered only then)
        self.writable = True
        self.names = QListWidget(self)
        self.names.setObjectName("collectionNames")
        self.names.setAccessibleName(self.tr("Collections"))
        self.items = QListWidget(self)
        self.items.setObjectName("collectionItems")
        self.items.setAccessibleName(self.tr("Articles of the collection"))
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.add_button = QPushButton(self.tr("&Add current article"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.delete_button = QPushButton(self.tr("Delete collection"), self)
        self.rename_button = QPushButton(self.tr("Rena&me…"), self)
        self.rename_button.setToolTip(self.tr("Rename the chosen collection (F2)"))
        # side by side where they fit whole, else a row each (at 1024×700 with the Annotations dock open the panel is
        # ~190 pixels wide: "Add current article" read "dd current artic")
        row1, row2 = FlowLayout(), FlowLayout()
        for row, buttons in ((row1, (self.new_button, self.rename_button, self.delete_button)),
                             (row2, (self.add_button, self.remove_button))):
            for button in buttons:
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                row.addWidget(button)
        # a shared library only: who may see the chosen collection (its owner chooses)
        self.visibility = VisibilityCombo(Visibility.PRIVATE, self)
        self.visibility.setObjectName("collectionVisibility")
        self.visibility_label = QLabel(self.tr("Visible to:"), self)
        self.visibility_label.setBuddy(self.visibility)
        self.visibility.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row_vis = FlowLayout()
        row_vis.addWidget(self.visibility_label)
        row_vis.addWidget(self.visibility)
        lay = QVBoxLayout()
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.names, 1)
        lay.addLayout(row_vis)
        lay.addLayout(row1)
        lay.addWidget(QLabel(self.tr("Articles:"), self))
        lay.addWidget(self.items, 2)
        lay.addLayout(row2)
        for listing in (self.names, self.items):  # two rows at least; the panel scrolls
            listing.setMinimumHeight(2 * listing.fontMetrics().lineSpacing() + 2 * listing.frameWidth() + 4)
        scrolled(self, lay)  # its buttons wrapped at the panel's width never drawn over the lists
        self.collections: list[Collection] = []
        self._headline: Callable[[str], str] = lambda key: key
        #: the article a piece the reader split off was merged into by the reader's own correction, else None
        self._merged_into: Callable[[str], str | None] = lambda key: None
        #: what such a piece is named by (its first words in square brackets), else ""
        self._merged_name: Callable[[str], str] = lambda key: ""
        #: who merged such an entry away: "" the reader, else the colleague (a shared library)
        self._merged_by: Callable[[str], str] = lambda key: ""
        self._byline: Callable[[Collection], Byline] = lambda c: Byline("", Visibility.PRIVATE, True)
        self._shared = False
        self.visibility.currentIndexChanged.connect(lambda _i: self._visibility_chosen())
        self.names.currentRowChanged.connect(lambda _r: self._fill_items())
        self.items.itemActivated.connect(self._open)
        self.items.itemDoubleClicked.connect(self._open)
        self.new_button.clicked.connect(self.new_requested)
        self.add_button.clicked.connect(lambda: self._emit_named(self.add_requested))
        self.remove_button.clicked.connect(self._remove)
        self.delete_button.clicked.connect(lambda: self._emit_named(self.delete_requested))
        self.rename_button.clicked.connect(lambda: self._emit_named(self.rename_requested))
        self.names.installEventFilter(self)  # F2 on the list renames the chosen collection

    def set_sharing(self, byline: Callable[[Collection], Byline] | None) -> None:
        """Whose each collection is, in a shared library (None: a library folder, nothing shown or asked)."""
        self._shared = byline is not None
        self._byline = byline or (lambda c: Byline("", Visibility.PRIVATE, True))

    def set_collections(self, collections: Sequence[Collection], headline: Callable[[str], str],
                        select: str | None = None, merged_into: Callable[[str], str | None] | None = None,
                        merged_name: Callable[[str], str] | None = None,
                        merged_by: Callable[[str], str] | None = None) -> None:
        keep = select or self.current_name()
        self.collections = list(collections)
        self._headline = headline
        self._merged_into = merged_into or (lambda key: None)
        self._merged_name = merged_name or (lambda key: "")
        self._merged_by = merged_by or (lambda key: "")
        self.names.blockSignals(True)
        self.names.clear()
        for c in self.collections:
            byline = byline_text(self._byline(c))
            item = QListWidgetItem(f"{c.name} ({len(c.items)})" + (f" — {byline}" if byline else ""))
            item.setData(ROLE_NAME, c.name)
            self.names.addItem(item)
        # one name may be several owners': the reader's own first, as the store resolves a name
        named = [i for i, c in enumerate(self.collections) if c.name == keep]
        row = next((i for i in named if self._byline(self.collections[i]).editable), named[0] if named else
                   0 if self.collections else -1)
        self.names.setCurrentRow(row)
        self.names.blockSignals(False)
        self._fill_items()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """F2 on the list of collections renames the chosen one, where its button may (as file managers do)."""
        if watched is self.names and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_F2 and not event.modifiers():
            if self.rename_button.isEnabled():
                self._emit_named(self.rename_requested)
            return True
        return super().eventFilter(watched, event)

    def _emit_named(self, signal: SignalInstance) -> None:
        if self.current_name():
            signal.emit(self.current_name())

    def current_name(self) -> str:
        item = self.names.currentItem()
        return str(item.data(ROLE_NAME)) if item is not None else ""

    def _visibility_chosen(self) -> None:
        if self.current_name():
            self.visibility_requested.emit(self.current_name(), self.visibility.value())

    def set_writable(self, writable: bool) -> None:
        """Offer the buttons that write only where the library can be written."""
        self.writable = writable
        row = self.names.currentRow()
        self._show_visibility(self.collections[row] if 0 <= row < len(self.collections) else None)

    def _show_visibility(self, coll: Collection | None) -> None:
        """The chosen collection's visibility; changeable, and its Delete button enabled, on one's own only."""
        byline = self._byline(coll) if coll is not None else None
        self.visibility.setVisible(self._shared and coll is not None)
        self.visibility_label.setVisible(self._shared and coll is not None)
        if byline is not None:
            self.visibility.set_value(byline.visibility)
        mine = (byline is None or byline.editable) and self.writable
        self.visibility.setEnabled(mine)
        self.new_button.setEnabled(self.writable)
        for button in (self.delete_button, self.rename_button, self.add_button, self.remove_button):
            # with no collection chosen they did nothing and said nothing: greyed, the tip says why
            button.setEnabled(mine and coll is not None)
            button.setToolTip(("" if button is not self.rename_button else self.tr("Rename the chosen collection (F2)"))
                              if coll is not None else self.tr("Choose a collection, or make one with New…"))

    def _fill_items(self) -> None:
        self.items.clear()
        row = self.names.currentRow()
        coll = self.collections[row] if 0 <= row < len(self.collections) else None
        self._show_visibility(coll)
        for key in coll.items if coll else []:
            label, tip = self._entry(key)
            item = QListWidgetItem(label)
            item.setData(ROLE_ARTICLE, key)
            item.setToolTip(tip)
            self.items.addItem(item)

    def _entry(self, key: str) -> tuple[str, str]:
        """The label and tip of a collection entry: its article's name, or what became of it."""
        if self._merged_into(key) is not None:  # a whole article merged away is still in the catalogue: listed by
            return self._gone(key)  # its own name, it opened alone with its old text (seen by eye, eye47)
        try:
            return self._headline(key), key
        except NotFoundError:  # the article left the library: still listed, by its key, and marked (the import
            # said so once, then no more — seen by eye: a bare id, read as an article with no headline)
            return self._gone(key)
        except Exception:  # not to be named now: still listed, by its key
            return key, key

    def gone_tip(self, key: str) -> str:
        """What the panel says of an entry whose article is no article now (its tip): where it went, or that an
        import took it away."""
        return self._gone(key)[1]

    def _gone(self, key: str) -> tuple[str, str]:
        """The label and tip of an entry whose article is no article now: merged by a correction into another (said,
        with that article's headline: it had been said lost to an import; whose, when a colleague's), else gone with
        an import."""
        into = self._merged_into(key)
        if into is not None:
            try:
                name = self._headline(into)
            except Exception:  # noqa: BLE001 — named by its key then
                name = into
            piece = self._merged_name(key) or key  # its words, as a headless piece is named; its key in the tip
            # a headline opening on its own quotation mark is not quoted again (seen by eye: "merged into ““当前…”")
            name = name if opens_on_quote(name) else self.tr("“%1”").replace("%1", name)
            by = self._merged_by(key)  # a colleague's merge is theirs, named (it was said to be "your correction")
            tip = self.tr("%1 was merged into %2 by %3’s correction; its words are read there. The entry is kept; "
                          "remove it when you no longer need it.").replace("%3", by) if by else \
                self.tr("%1 was merged into %2 by your correction; its words are read there. The entry is kept; "
                        "remove it when you no longer need it.")
            return (self.tr("%1 — merged into %2").replace("%1", piece).replace("%2", name),
                    tip.replace("%1", key).replace("%2", name))
        return (self.tr("%1 — no longer in the library").replace("%1", key),
                self.tr("%1 is no longer in the library: its file was imported again without it. The entry "
                        "is kept; remove it when you no longer need it.").replace("%1", key))

    def _open(self, item: QListWidgetItem) -> None:
        self.article_activated.emit(str(item.data(ROLE_ARTICLE)))

    def _remove(self) -> None:
        item = self.items.currentItem()
        if item is not None and self.current_name():
            self.remove_requested.emit(self.current_name(), str(item.data(ROLE_ARTICLE)))
