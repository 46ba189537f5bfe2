"""The reader's own work in the window: highlights, notes, tags, collections, and their undo.

* :class:`StoreCommand` — one undoable edit (create, edit or delete an
  annotation; add or undo a correction; a collection change). Its ``do`` and
  ``undo`` call the core stores, each one transaction; a failed ``do`` makes
  the command obsolete, so the undo stack never holds an edit that did not
  happen.
* :class:`HighlightDialog` — note and tags for a highlight or an article note,
  with tag completion from the tags already in use.
* :class:`AnnotationsPanel` — the dock: the current article's highlights and
  notes, and every annotation of the library filtered by tag and text (and,
  optionally, by the current search's hits). Orphaned annotations (their
  text was not found again after a re-import) are listed in their own group,
  never hidden.
* :class:`CollectionsPanel` — the collections of the library pane.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.annotations.store import Annotation
from reader.app.sharing import Byline, Visibility
from reader.gui.widgets.flow import PanelScroll
from reader.gui.widgets.visibility import VisibilityCombo, byline_text
from reader.model.document import cut_at_word

log = logging.getLogger(__name__)

ROLE_ANNOTATION = Qt.ItemDataRole.UserRole
ROLE_ARTICLE = Qt.ItemDataRole.UserRole + 1

#: how a highlight is marked in the reading view and on the layout
HIGHLIGHT_COLOR = QColor(120, 220, 120, 130)
ORPHAN_COLOR = QColor(200, 60, 60)


def describe(a: Annotation, width: int | None = 60, multiline: bool = False, byline: str = "",
             quote: str | None = None) -> str:
    """About an annotation: its quote (``quote``: as the text shown reads it, else as stored — the OCR's reading —,
    or "article note"), the words it was made on, its note and tags; one line each if ``multiline`` (the lists: a
    narrow dock cut a one-line entry after its quote, hiding the note and tags); then ``byline`` (whose it is, in a
    shared library: :func:`reader.gui.widgets.visibility.byline_text`). The quote, the words and the note are cut at
    ``width`` characters at a word's end, "…" after them (:func:`cut_at_word`; they were cut mid-word with no mark,
    the note read as if it ended there — seen by eye); None: whole (a tooltip)."""
    def cut(text: str) -> str:
        text = text.replace("\n", " ")
        return text if width is None else cut_at_word(text, width)

    head = (quote or a.anchor.exact) if a.anchor else QCoreApplication.translate("Annotations", "Article note")
    bits = [f"“{cut(head)}”" if a.anchor else head]
    if a.made_on:  # re-attached to words that changed in the source: the words it was made on
        bits.append(QCoreApplication.translate("Annotations", "made on “%1”").replace("%1", cut(a.made_on)))
    if a.note:
        bits.append(cut(a.note))
    if a.tags:
        bits.append(" ".join(f"#{t}" for t in a.tags))
    if byline:
        bits.append(byline)
    return ("\n" if multiline else " — ").join(bits)


class LinesDelegate(QStyledItemDelegate):
    """Rows of several lines (quote, note, tags) tall enough for Qt to paint every line: its view items paint a line
    only when the row holds one more line as tall after it (they assume the next line is as high as the last), so
    a Chinese quote over a Latin note — a taller line over a shorter one — lost the note to "…"."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or "\n" not in text:
            return size
        layout = QTextLayout(text.replace("\n", "\u2028"), option.font)
        layout.beginLayout()
        heights = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(1_000_000)
            heights.append(line.height())
        layout.endLayout()
        needed = max([sum(heights)] + [sum(heights[:i + 1]) + heights[i] for i in range(len(heights) - 1)])
        return QSize(size.width(), max(size.height(), math.ceil(needed)))


class AnnotationsPanel(QWidget):
    """The annotations dock: this article's highlights and notes, and the library's, filtered."""

    #: show an annotation in the reading view
    open_requested = Signal(object)
    edit_requested = Signal(object)
    delete_requested = Signal(object)
    #: a new article note for the current article
    note_requested = Signal()
    #: the visibility of new work was chosen (a shared library): a :class:`Visibility`
    visibility_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        #: whether the library can be written here (its buttons that write offered only then)
        self.writable = True
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("annotationTabs")

        self.article_list = QTreeWidget(self)
        self.article_list.setObjectName("articleAnnotations")
        self.article_list.setAccessibleName(self.tr("Annotations of this article"))
        self.article_list.setHeaderHidden(True)
        self.article_list.setRootIsDecorated(False)
        # one line each for quote, note and tags, each cut with "…" (the whole in the tooltip): a wrapped
        # line is painted but not measured by QTreeView (the indent), so it pushed the tags out of the row
        self.article_list.setWordWrap(False)
        self.article_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.article_list.setItemDelegate(LinesDelegate(self.article_list))

        self.tag_filter = QComboBox(self)
        self.tag_filter.setObjectName("tagFilter")
        self.tag_filter.setAccessibleName(self.tr("Filter by tag"))
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("annotationTextFilter")
        self.text_filter.setAccessibleName(self.tr("Filter by text"))
        self.text_filter.setPlaceholderText(self.tr("Filter notes and quotes"))
        self.text_filter.setClearButtonEnabled(True)
        self.in_hits = QCheckBox(self.tr("Only in search hits"), self)
        self.in_hits.setObjectName("annotationsInHits")
        self.in_hits.setToolTip(self.tr("Only annotations of the articles the current search found"))
        self.library_list = QTreeWidget(self)
        self.library_list.setObjectName("libraryAnnotations")
        self.library_list.setAccessibleName(self.tr("Annotations of the library"))
        self.library_list.setHeaderLabels([self.tr("Annotation"), self.tr("Article")])
        self.library_list.setColumnWidth(0, 220)
        self.library_list.setWordWrap(False)
        self.library_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.library_list.setItemDelegate(LinesDelegate(self.library_list))
        lib_page = QWidget(self)
        # the text filter on a row of its own, the tags under it: beside them it was ~120 px in the dock's first width
        tags = QHBoxLayout()
        tags.addWidget(self.tag_filter)
        tags.addStretch(1)
        lib_lay = QVBoxLayout(lib_page)
        lib_lay.setContentsMargins(0, 0, 0, 0)
        lib_lay.addWidget(self.text_filter)
        lib_lay.addLayout(tags)
        lib_lay.addWidget(self.in_hits)  # on a line of its own: beside them it squeezed the text filter to "Fil…"
        lib_lay.addWidget(self.library_list, 1)

        self.tabs.setUsesScrollButtons(False)  # both tabs in sight, a name ending in "…" where the dock is narrow
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.addTab(self.article_list, self.tr("This article"))
        self.tabs.addTab(lib_page, self.tr("Library"))

        self.note_button = QPushButton(self.tr("Article &note…"), self)
        self.note_button.setObjectName("articleNoteButton")
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        for button in (self.note_button, self.edit_button, self.delete_button):
            # narrower than the style's least button width where the dock is narrow (the reading column's room)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text().replace("&", "")) + 16)
        # the note on a row of its own, Edit and Delete under it on the right: on one row the three made the dock
        # ~225 px at least, and with the side panel and the reading column a window at QT_SCALE_FACTOR=2 wider than
        # its 800-pixel screen, "Delete" off it (seen by eye)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_button)
        note_row.addStretch(1)
        buttons = QVBoxLayout()
        buttons.addLayout(note_row)
        edit_row = QHBoxLayout()
        edit_row.addStretch(1)
        edit_row.addWidget(self.edit_button)
        edit_row.addWidget(self.delete_button)
        buttons.addLayout(edit_row)
        # a shared library only: who sees the notes, collections and corrections made from now on
        self.new_work = VisibilityCombo(Visibility.PRIVATE, self)
        self.new_work.setObjectName("newWorkVisibility")
        self.new_work_label = QLabel(self.tr("New work visible to:"), self)
        self.new_work_label.setBuddy(self.new_work)
        sharing_row = QHBoxLayout()
        sharing_row.addWidget(self.new_work_label)
        sharing_row.addWidget(self.new_work, 1)
        self._sharing_row = sharing_row
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        # the lists scroll where the dock is shorter than their tabs (its least height fits a small screen); the
        # buttons under them stay in sight
        lay.addWidget(PanelScroll(self.tabs, self, least_lines=5), 1)
        lay.addLayout(buttons)
        lay.addLayout(sharing_row)
        self.new_work.currentIndexChanged.connect(lambda _i: self.visibility_chosen.emit(self.new_work.value()))
        self.set_sharing(lambda a: Byline("", Visibility.PRIVATE, True), None)

        self.current: list[Annotation] = []
        #: id → the words of a current annotation as the text shown reads them
        self._quotes: dict[str, str] = {}
        self.library: list[Annotation] = []
        self.hit_articles: set[str] | None = None
        self._names: dict[str, str] = {}
        self._store_find: Callable[..., list[Annotation]] | None = None
        self._headline: Callable[[str], str] = lambda key: key
        #: the article an annotation is shown on (set_source)
        self._place: Callable[[Annotation], str] = lambda a: a.article
        #: id → the words of listed annotations as the reader reads them now, where corrected since (set_source)
        self._as_read: Callable[[Sequence[Annotation]], Mapping[str, str]] = lambda found: {}
        self._library_quotes: Mapping[str, str] = {}

        for view in (self.article_list, self.library_list):
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.itemActivated.connect(self._activated)
            view.itemDoubleClicked.connect(self._activated)
        self.note_button.clicked.connect(self.note_requested)
        self.edit_button.clicked.connect(lambda: self._emit_selected(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit_selected(self.delete_requested))
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.refresh_library())
        self.text_filter.textChanged.connect(lambda _t: self.refresh_library())
        self.in_hits.toggled.connect(lambda _on: self.refresh_library())
        for view in (self.article_list, self.library_list):
            view.currentItemChanged.connect(lambda *_: self._enable_buttons())
        self.tabs.currentChanged.connect(lambda _i: self._enable_buttons())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """A dock beside the reading view, not a third column as wide as it."""
        return QSize(220, 400)

    # content --------------------------------------------------------------------------
    def set_sharing(self, byline: Callable[[Annotation], Byline], new_work: Visibility | None) -> None:
        """Whose each annotation is (``byline``), and the visibility of new work — None in a library folder,
        where nothing is shared and nothing is asked."""
        self._byline = byline
        self.new_work.setVisible(new_work is not None)
        self.new_work_label.setVisible(new_work is not None)
        # hidden in a dock not shown yet, the row kept its least width (a folder library's dock opened ~280 px wide at
        # least, and the window grew wider than an 800-pixel screen)
        self._sharing_row.invalidate()
        if new_work is not None:
            self.new_work.set_value(new_work)

    def _describe(self, a: Annotation, width: int | None = 60, quotes: Mapping[str, str] | None = None) -> str:
        return describe(a, width=width, multiline=True, byline=byline_text(self._byline(a)),
                        quote=(self._quotes if quotes is None else quotes).get(a.id))

    def _enable_buttons(self) -> None:
        """Edit and Delete for the reader's own annotations only (another's is theirs to change)."""
        a = self.selected()
        mine = (a is None or self._byline(a).editable) and self.writable
        self.edit_button.setEnabled(mine)
        self.delete_button.setEnabled(mine)
        self.note_button.setEnabled(self.writable)

    def set_writable(self, writable: bool) -> None:
        """Offer the buttons that write only where the library can be written."""
        self.writable = writable
        self._enable_buttons()

    def set_source(self, find: Callable[..., list[Annotation]] | None, headline: Callable[[str], str],
                   tags: Sequence[str] = (), place: Callable[[Annotation], str] | None = None,
                   as_read: Callable[[Sequence[Annotation]], Mapping[str, str]] | None = None) -> None:
        """Where the library list reads from (``find(tag=, text=)``), how it names articles, ``place``, the article
        an annotation is shown on (after a split or a merge, not always the one it was made on), and ``as_read``,
        the quotes of words corrected since as they read now (:meth:`Archive.quotes_as_read`)."""
        self._store_find = find
        self._headline = headline
        self._place = place or (lambda a: a.article)
        self._as_read = as_read or (lambda found: {})
        self.set_tags(tags)

    def set_tags(self, tags: Sequence[str]) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for t in tags:
            self.tag_filter.addItem(f"#{t}", t)
        i = self.tag_filter.findData(current) if current else 0
        self.tag_filter.setCurrentIndex(max(0, i))
        self.tag_filter.blockSignals(False)

    def quote_shown(self, a: Annotation) -> str:
        """The words of highlight ``a`` as the lists quote them, the reader's corrections applied: as the text shown
        reads them, else as the library's list does (an Edit from there quoted the OCR's reading, as stored: seen by
        eye); as stored where neither holds it."""
        return self._quotes.get(a.id) or self._library_quotes.get(a.id) or (a.anchor.exact if a.anchor else "")

    def show_article(self, annotations: Sequence[Annotation], unplaced: Sequence[str] = (),
                     corrections: Sequence[tuple[str, str]] = (), quotes: Mapping[str, str] | None = None) -> None:
        """The current article's annotations; ``unplaced`` ids are ones not found in the text shown;
        ``corrections``: (what, byline) of the corrections shown in its text, listed in a shared library
        so that another researcher's are seen as theirs; ``quotes``: id → the words as the text shown reads them
        (the reader's corrections applied)."""
        self.current = list(annotations)
        self._quotes = dict(quotes or {})
        self.article_list.clear()
        placed = QTreeWidgetItem([self.tr("Highlights and notes")])
        orphans = QTreeWidgetItem([self.tr("Orphaned (text not found)")])
        orphans.setForeground(0, ORPHAN_COLOR)
        for a in self.current:
            item = QTreeWidgetItem([self._describe(a)])
            item.setData(0, ROLE_ANNOTATION, a.id)
            item.setToolTip(0, self._describe(a, width=None))  # the lines in full
            (orphans if a.orphaned or a.id in unplaced else placed).addChild(item)
        fixes = QTreeWidgetItem([self.tr("Corrections in this text")])
        for what, byline in corrections:
            fixes.addChild(QTreeWidgetItem([what + (f"\n{byline}" if byline else "")]))
        for group in (placed, orphans, fixes):
            if group.childCount():
                self.article_list.addTopLevelItem(group)
                group.setExpanded(True)
        self.article_list.setRootIsDecorated(orphans.childCount() > 0)

    def set_hit_articles(self, ids: set[str] | None) -> None:
        self.hit_articles = ids
        if self.in_hits.isChecked():
            self.refresh_library()

    def refresh_library(self) -> None:
        """Every annotation matching the tag and text filters (orphans in their own group)."""
        self.library_list.clear()
        if self._store_find is None:
            self.library = []
            return
        tag = self.tag_filter.currentData()
        text = self.text_filter.text().strip() or None
        found = self._store_find(tag=tag or None, text=text)
        if self.in_hits.isChecked():
            wanted = self.hit_articles or set()
            found = [a for a in found if self._place(a) in wanted]
        self.library = found
        self._library_quotes = self._as_read(found)
        placed = QTreeWidgetItem([self.tr("Annotations (%1)").replace("%1", str(sum(not a.orphaned for a in found)))])
        orphans = QTreeWidgetItem([self.tr("Orphaned (%1)").replace("%1", str(sum(a.orphaned for a in found)))])
        orphans.setForeground(0, ORPHAN_COLOR)
        for a in found:
            quotes = self._library_quotes
            item = QTreeWidgetItem([self._describe(a, quotes=quotes), self._name(self._place(a))])
            item.setData(0, ROLE_ANNOTATION, a.id)
            item.setToolTip(0, self._describe(a, width=None, quotes=quotes))  # the lines in full
            (orphans if a.orphaned else placed).addChild(item)
        for group in (placed, orphans):
            self.library_list.addTopLevelItem(group)
            group.setExpanded(True)

    def _name(self, key: str) -> str:
        if key not in self._names:
            try:
                self._names[key] = self._headline(key)
            except Exception:  # an article that is gone is still named by its key
                self._names[key] = key
        return self._names[key]

    def forget_names(self) -> None:
        self._names.clear()

    # lookups --------------------------------------------------------------------------
    def annotation(self, annotation_id: str) -> Annotation | None:
        for a in self.current + self.library:
            if a.id == annotation_id:
                return a
        return None

    def orphan_ids(self) -> list[str]:
        """Ids listed under an "Orphaned" group, in either list."""
        out: list[str] = []
        for view in (self.article_list, self.library_list):
            for i in range(view.topLevelItemCount()):
                group = view.topLevelItem(i)
                if group is None or group.foreground(0).color() != ORPHAN_COLOR:
                    continue
                for j in range(group.childCount()):
                    child = group.child(j)
                    if child is not None:
                        out.append(str(child.data(0, ROLE_ANNOTATION)))
        return out

    def selected(self) -> Annotation | None:
        view = self.article_list if self.tabs.currentIndex() == 0 else self.library_list
        item = view.currentItem()
        if item is None or item.data(0, ROLE_ANNOTATION) is None:
            return None
        return self.annotation(str(item.data(0, ROLE_ANNOTATION)))

    def _emit_selected(self, signal: SignalInstance) -> None:
        a = self.selected()
        if a is not None:
            signal.emit(a)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        aid = item.data(0, ROLE_ANNOTATION)
        if aid is not None:
            a = self.annotation(str(aid))
            if a is not None:
                self.open_requested.emit(a)
