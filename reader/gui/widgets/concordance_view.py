"""The concordance view: every occurrence of a query, the keyword aligned in a centre column.

A :class:`ConcordanceModel` over the lines the app layer found (no item per cell: a common word
has a hundred thousand lines) gives the view :data:`CHUNK` rows at a time as it scrolls
(``canFetchMore``/``fetchMore``). The left context is right-aligned and elided on the left, so
the words nearest the keyword stay in sight; the columns sort by left context (read backwards),
right context and date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.search.concordance import CONTEXT, Concordance, ConcordanceLine, Sort, sort_key

#: rows handed to the view at a time
CHUNK = 500

Index = QModelIndex | QPersistentModelIndex

LEFT, MATCH, RIGHT, HITS, DATE, PUBLICATION, PAGE, HEADLINE = range(8)
#: the sort each column's header asks for (others keep the date order)
COLUMN_SORT = {LEFT: Sort.LEFT, MATCH: Sort.RIGHT, RIGHT: Sort.RIGHT, DATE: Sort.DATE}


def _place(ln: ConcordanceLine) -> tuple[str, int, int]:
    """A line's identity across two readings of the same concordance: its article and its range there."""
    return (ln.article, ln.start, ln.end)


class ConcordanceModel(QAbstractTableModel):
    """Concordance lines as a table: left | match | right | hits in the article | date | publication | page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[ConcordanceLine] = []
        self.per_article: dict[str, int] = {}
        self.shown = 0
        self.bold = QFont()
        self.bold.setBold(True)
        #: (article id, a piece of its text) → that piece as the reading view shows it (the script chosen)
        self.shown_text: Callable[[str, str], str] = lambda _article, text: text
        #: article id → what an article printed with no headline is named by, as the reading view shows it (the
        #: window's lists: its first words in square brackets, :meth:`reader.app.archive.Archive.name_of`)
        self.name_of: Callable[[str], str] = lambda _article: ""
        self._names: dict[str, str] = {}

    def set_concordance(self, conc: Concordance | None) -> None:
        self.beginResetModel()
        self._names = {}
        self.lines = list(conc.lines) if conc is not None else []
        self.per_article = dict(conc.per_article) if conc is not None else {}
        self.shown = min(CHUNK, len(self.lines))
        self.endResetModel()

    def line(self, row: int) -> ConcordanceLine | None:
        return self.lines[row] if 0 <= row < self.shown else None

    # -- the model's answers
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 8

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self.shown < len(self.lines)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid():
            return
        more = min(CHUNK, len(self.lines) - self.shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self.shown, self.shown + more - 1)
        self.shown += more
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == HITS:
            return self.tr("Occurrences in this line's article")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Left context"), self.tr("Match"), self.tr("Right context"), self.tr("Hits"),
                self.tr("Date"), self.tr("Publication"), self.tr("Page"), self.tr("Headline"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ln = self.line(index.row())
        if ln is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and col in (LEFT, MATCH, RIGHT, HEADLINE):
                return "{}【{}】{}\n{}".format(*(self.shown_text(ln.article, piece) for piece in (
                    ln.left, ln.match, ln.right)), self._headline(ln))
            return self._text(ln, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == LEFT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col in (MATCH, HITS, PAGE):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == MATCH:
            return self.bold
        return None

    def _text(self, ln: ConcordanceLine, col: int) -> str:
        if col == HITS:
            return str(self.per_article.get(ln.article, 0))
        if col == PAGE:
            return ln.page_shown
        if col == HEADLINE:
            return self._headline(ln)
        values = {LEFT: ln.left, MATCH: ln.match, RIGHT: ln.right, DATE: ln.date, PUBLICATION: ln.publication}
        text = values.get(col, "")
        # the article's words as the reading view shows them (the script chosen); the sorting stays on the text
        return self.shown_text(ln.article, text) if col in (LEFT, MATCH, RIGHT) else text

    def _headline(self, ln: ConcordanceLine) -> str:
        """The line's article's headline as the reading view shows it; a piece printed with none named as the
        window's lists and every export name it (:attr:`name_of`: the column was empty, seen by eye)."""
        printed = " ".join((ln.headline or "").split())
        if printed:
            return self.shown_text(ln.article, printed)
        if ln.article not in self._names:
            self._names[ln.article] = self.name_of(ln.article)
        return self._names[ln.article]

    def script_changed(self) -> None:
        """The script chosen changed: every line is drawn again in it."""
        self._names = {}
        if self.shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self.shown - 1, self.columnCount() - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every line (not only those shown): by left context read backwards, right context or date."""
        if column < 0 or not self.lines:
            return
        how = COLUMN_SORT.get(column)
        key: Any = sort_key(how) if how is not None else self._other_key(column)
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()  # the selection and the current row follow their lines
        held = [self.lines[i.row()] if 0 <= i.row() < len(self.lines) else None for i in kept]
        self.lines.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        if kept:
            where = {id(ln): row for row, ln in enumerate(self.lines)}
            self.changePersistentIndexList(kept, [
                self.index(where[id(ln)], i.column()) if ln is not None and where[id(ln)] < self.shown
                else QModelIndex() for i, ln in zip(kept, held, strict=True)])
        self.layoutChanged.emit()

    def replace_lines(self, lines: list[ConcordanceLine], per_article: dict[str, int], column: int,
                      order: Qt.SortOrder, keep: list[tuple[str, int, int]]) -> list[int]:
        """Every line of the concordance, where the first ones were shown, sorted as the table is; returns the
        rows of the lines ``keep`` names (by article and place), shown however far down they now are."""
        self.beginResetModel()
        self.lines = lines
        self.per_article = per_article
        if column >= 0:
            how = COLUMN_SORT.get(column)
            self.lines.sort(key=sort_key(how) if how is not None else self._other_key(column),
                            reverse=order == Qt.SortOrder.DescendingOrder)
        where: dict[tuple[str, int, int], int] = {}
        for row, ln in enumerate(self.lines):
            where.setdefault(_place(ln), row)
        rows = [where[place] for place in keep if place in where]
        self.shown = min(len(self.lines), max([self.shown, CHUNK] + [r + 1 for r in rows]))
        self.endResetModel()
        return rows

    def _other_key(self, column: int) -> Any:
        """Hits, publication, page and headline: that value first, then date order."""
        if column == HITS:
            return lambda ln: (self.per_article.get(ln.article, 0), ln.rank, ln.place)
        if column == PAGE:
            return lambda ln: (ln.page if ln.page is not None else -1, ln.rank, ln.place)
        return lambda ln: (self._text(ln, column).casefold(), ln.rank, ln.place)


class ElideLeft(QStyledItemDelegate):
    """The left context: elided on the left, so the words next to the keyword stay."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class ConcordanceView(QWidget):
    """Query, context, the count, the table and the CSV export of a concordance."""

    #: a query to look up: (query, context)
    requested = Signal(str, int)
    #: a line was clicked: the ConcordanceLine
    line_opened = Signal(object)
    #: the CSV export was asked for
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concordanceView")
        self.concordance: Concordance | None = None
        self.field = QLineEdit(self)
        self.field.setObjectName("concordanceQuery")
        self.field.setPlaceholderText(self.tr("Concordance of: 发展   \"a phrase\"   a OR b"))
        self.field.setAccessibleName(self.tr("Concordance query"))
        self.field.setClearButtonEnabled(True)
        self.context = QSpinBox(self)
        self.context.setRange(1, 60)
        self.context.setValue(CONTEXT)
        self.context.setAccessibleName(self.tr("Context"))
        self.context.setToolTip(self.tr("Context on either side: characters for Chinese, words for Latin script"))
        self.go = QPushButton(self.tr("Find"), self)
        self.export = QPushButton(self.tr("Export CSV…"), self)
        self.export.setObjectName("concordanceExport")
        self.export.setEnabled(False)
        self.count = QLabel(self)
        self.count.setObjectName("concordanceCount")
        #: how the lines shown compared characters (the Search tab's switch), as the timeline says it
        self.compared = QLabel(self)
        self.compared.setObjectName("concordanceCompared")
        self.compared.setToolTip(self.tr("The concordance compares characters as the switch on the Search tab says"))
        self.model = ConcordanceModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("concordanceTable")
        self.table.setAccessibleName(self.tr("Concordance lines"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(LEFT, ElideLeft(self.table))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # date order as found
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RIGHT, QHeaderView.ResizeMode.Stretch)
        for col in (MATCH, HITS, DATE, PUBLICATION, PAGE, HEADLINE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("M")
        for col, width in ((MATCH, 8), (HITS, 4), (PUBLICATION, 10), (PAGE, 4), (HEADLINE, 14)):
            self.table.setColumnWidth(col, width * em)
        self.table.setColumnWidth(DATE, self.fontMetrics().horizontalAdvance("0000-00-00") + 20)

        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(QLabel(self.tr("Context"), self))
        top.addWidget(self.context)
        top.addWidget(self.go)
        top.addWidget(self.export)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        under = QHBoxLayout()
        under.addWidget(self.count, 1)
        under.addWidget(self.compared)
        lay.addLayout(under)
        lay.addWidget(self.table, 1)

        self.field.returnPressed.connect(self.submit)
        self.go.clicked.connect(self.submit)
        self.export.clicked.connect(self.export_requested)
        self.table.clicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))

    def submit(self) -> None:
        query = self.field.text().strip()
        if query:
            self.count.setText(self.tr("Looking for every occurrence…"))
            self.requested.emit(query, self.context.value())

    def show_concordance(self, conc: Concordance, more_coming: bool = False, compared: str = "") -> None:
        """Show a concordance; ``more_coming``: these are its first lines, the rest follow (:meth:`add_rest`);
        ``compared``: how its characters were compared (the match mode, named)."""
        self.concordance = conc
        self.compared.setText(self.tr("Characters compared: %1").replace("%1", compared) if compared else "")
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_concordance(conc)
        self._fit_keyword(conc)
        self._say(conc, more_coming)

    def add_rest(self, conc: Concordance) -> None:
        """The whole concordance of the query shown: its lines after those shown join the table, in the table's
        order (the rows in view stay where they are)."""
        self.concordance = conc
        header = self.table.horizontalHeader()
        selection = self.table.selectionModel()
        current = self.model.line(self.table.currentIndex().row())
        chosen = [ln for ln in (self.model.line(i.row()) for i in selection.selectedRows()) if ln is not None]
        keep = [_place(ln) for ln in ([current] if current is not None else []) + chosen]
        rows = self.model.replace_lines(list(conc.lines), dict(conc.per_article), header.sortIndicatorSection(),
                                        header.sortIndicatorOrder(), keep)
        # the selection and the current row stay on the lines the reader chose, wherever the rest put them
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for k, row in enumerate(rows):
            index = self.model.index(row, 0)
            if k == 0 and current is not None:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            if k > 0 or current is None or _place(current) in {_place(c) for c in chosen}:
                selection.select(index, flags)
        self._fit_keyword(conc)
        self._say(conc, False)

    def _fit_keyword(self, conc: Concordance) -> None:
        """The keyword column as wide as its widest keyword (seen by eye: "Luxembu…" in a column of 8 em), within
        two fifths of the table; the contexts either side take the rest."""
        bold = QFontMetrics(self.model.bold)
        widest = max((bold.horizontalAdvance(ln.match) for ln in conc.lines[:CHUNK]), default=0)
        em = self.fontMetrics().horizontalAdvance("M")
        room = self.table.viewport().width() * 2 // 5
        self.table.setColumnWidth(MATCH, max(4 * em, min(widest + 2 * em, max(8 * em, room))))

    def _say(self, conc: Concordance, more_coming: bool) -> None:
        text = self.tr("%1 occurrence(s) in %2 article(s)").replace("%1", f"{conc.total:,}") \
            .replace("%2", f"{conc.articles:,}")
        if more_coming:
            text += " · " + self.tr("loading the other lines…")
        elif not conc.complete:
            text += " · " + self.tr("the first %1 shown, in date order; the export writes them all") \
                .replace("%1", f"{len(conc.lines):,}")
        self.count.setText(text)
        self.export.setEnabled(conc.total > 0 and not more_coming)

    def show_nothing(self) -> None:
        """No lines and no count (another library is opened: the lines found in the last one are none of its); the
        words stay in the field, Enter asks the library open."""
        self.show_error("")

    def show_error(self, message: str) -> None:
        self.concordance = None
        self.model.set_concordance(None)
        self.count.setText(message)
        self.export.setEnabled(False)

    def shown_lines(self) -> list[ConcordanceLine]:
        """Every line held, in the order the table shows them."""
        return list(self.model.lines)

    def open_row(self, row: int) -> None:
        ln = self.model.line(row)
        if ln is not None:
            self.line_opened.emit(ln)
