"""The search pane: a query in the library's search syntax, filters, counts, facets and KWIC results.

The panel only collects the query and shows :class:`~reader.app.archive.Results`;
the window runs the search in a worker (the core decides what matches). Up and
Down in the query field move through the results, Enter opens one; facets are
links that add a filter. The results come a page at a time: the first page is
listed as soon as it is found (its facets follow when they are counted), the
next is asked for as the list is scrolled (or the selection moved) near its end,
or with "Show more".
"""

from __future__ import annotations

import html
import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.app.archive import Facets, Hit, Results
from reader.gui.dialogs.help_dialog import HelpDialog
from reader.gui.widgets.flow import ElidedComboBox, FlowLayout, scrolled
from reader.search.query import Match, SearchOptions

log = logging.getLogger(__name__)

ROLE_HIT = Qt.ItemDataRole.UserRole + 10

KINDS = ("", "article", "photo", "advertisement", "notice", "furniture")
#: lines of snippet a hit shows under its headline
SNIPPET_LINES = 4
#: hits fetched at a time: a few screens of the list (the next ones come as it is scrolled near its end, or with
#: "Show more"). 200 at once cost the window ~100 ms per search at 10,000 pages (a snippet for each), 50 ~25 ms.
PAGE_SIZE = 50
#: the next page is asked for when the list is scrolled, or the selection moved, within this many rows of its end
FETCH_AHEAD_ROWS = 10

def syntax_help() -> str:
    """The search syntax, as help text in the interface language."""
    return QCoreApplication.translate("SearchPanel", """<h3>Search syntax</h3>
<ul>
<li><b>发展</b> — Chinese characters match as a run, in either script: <b>發展</b> finds 发展 too.</li>
<li><b>Luxemburg</b> — Latin words match as words, ignoring case and accents.</li>
<li><b>"Freiheit der Presse"</b> — a phrase.</li>
<li><b>经济 AND 改革</b>, <b>经济 OR 金融</b>, <b>经济 NOT 股市</b>, parentheses to group.</li>
<li><b>"发展 经济"~10</b> — both within 10 characters (Chinese) or words (Latin) of each other, in
any order; punctuation and spaces are not counted.</li>
<li><b>Luxemb*</b>, <b>wom?n</b> — Latin words: * stands for any letters, ? for one.</li>
<li><b>Luxembourg~1</b>, <b>发展经济~1</b> — tolerant of OCR errors: up to 1 or 2 characters
inserted, left out or changed (~1, ~2).</li>
<li><b>中国“一带一路”</b> — a phrase glued to a word is one term, as pasted from an article.</li>
<li>Operators may be typed full-width, as a Chinese input method gives them: <b>上海 ＯＲ 北京</b>, <b>－北京</b>.</li>
<li>A word of punctuation alone (<b>&amp;</b>, <b>，</b>) or empty quotes are left out of the search; the line above
the results names them.</li>
<li><b>拳足相〓</b> — 〓 stands where the OCR could not read a character: it finds that mark in the text, never
a readable character; <b>〓</b> alone finds every article holding one.</li>
<li><b>publication:京報</b>, <b>date:1939-04-21</b>, <b>date:1858..1860</b>, <b>date:none</b> (no date), <b>page:2</b>,
<b>kind:advertisement</b>, <b>headline:蘇聯</b> — filters inside the query. Dates as the papers print
them work too: <b>date:民國二十八年四月</b>, <b>date:1939年4月</b>.</li>
</ul>
<p>The switch beside the query says how characters compare: <b>Folded</b> (any script, width,
case and accents, œ as oe: 髮 finds 发 and 發), <b>Exact</b> (the characters as printed: 髮 finds only 髮, 乾
not 干) or <b>Variants</b> (folded, and variant characters as one: 着 finds 著, 吿 告, 衞 衛).
The 、 button ignores punctuation between Chinese characters: 中國金融 finds 中國、金融.
Highlights fall on the characters as printed in every mode.</p>
<p>The filter fields under the query do the same. Up/Down move through the results,
Enter opens one; in the article, F4 / Shift+F4 go to the next / previous hit,
Ctrl+F finds in the article (F3 / Shift+F3 for the next / previous match).</p>""")


class DateField(QLineEdit):
    """A date filter: as wide as a date and its clear button by its size hint (a line edit's is ~17 characters)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textChanged.connect(lambda _t: self.updateGeometry())

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setPlaceholderText(text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        text = max(self.fontMetrics().horizontalAdvance(t) for t in ("0000-00-00", self.placeholderText(), self.text()))
        return QSize(text + hint.height() + 16, hint.height())  # the text, the clear button, the frame's margins


@dataclass
class Query:
    """The search the user asked for."""

    text: str
    publication: str = ""
    date_from: str = ""
    date_to: str = ""
    kind: str = ""
    #: "relevance" or "date"
    sort: str = "relevance"
    #: where the page of results starts (0: a new search; more: the next page of the same one)
    offset: int = 0
    #: how characters compare: "folded", "exact" or "variants"
    match: str = "folded"
    #: punctuation between Chinese characters ignored
    ignore_punct: bool = False

    def options(self) -> SearchOptions:
        """The core's :class:`SearchOptions` of this query."""
        return SearchOptions(Match(self.match), self.ignore_punct)

    def full(self) -> str:
        """The query with the filter fields added in the search syntax."""
        parts = [self.text.strip()] if self.text.strip() else []
        if self.publication:
            parts.append(f'publication:"{self.publication}"')
        if self.date_from or self.date_to:
            parts.append(f"date:{self.date_from}..{self.date_to}")
        if self.kind:
            parts.append(f"kind:{self.kind}")
        return " ".join(parts)


def hit_height(metrics: QFontMetrics) -> int:
    """The height of a hit's row: a headline line and :data:`SNIPPET_LINES` of snippet."""
    return max(1, metrics.lineSpacing() * (1 + SNIPPET_LINES) + 10)


#: rows whose laid-out text the delegate keeps (two pages of results)
KEPT_ROWS = 2 * PAGE_SIZE


class HitList(QListWidget):
    """The results list; empty after a search, it says so in itself (:attr:`empty_text`): a search with no hits left
    it blank but for "0 article(s)" above it, as if nothing had run (seen by eye)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: said in the list while it holds no row ("" nothing)
        self.empty_text = ""

    def say_empty(self, text: str) -> None:
        self.empty_text = text
        self.setAccessibleDescription(text)  # read out too, not only painted
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.empty_text and self.count() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(self.viewport().rect().adjusted(8, 8, -8, -8)),
                             int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
                             self.empty_text)
            painter.end()


class HitDelegate(QStyledItemDelegate):
    """Draws a hit: headline, where it is from, and the KWIC snippet with its matches in bold.

    A row's rich text is laid out once and kept (``KEPT_ROWS``) by what it shows: opening a hit repaints
    the rows whose selection changed, and laying out their text again was a tenth of opening it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._docs: OrderedDict[tuple[object, ...], QTextDocument] = OrderedDict()
        #: a hit as the list shows it: headline and snippet in the script the reading view shows its article in
        self.shown: Callable[[Hit], Hit] = lambda hit: hit

    @staticmethod
    def where(hit: Hit) -> str:
        """Publication · date · page, in the interface's language (the page was "p. 1" in the Chinese UIs)."""
        return " · ".join(x for x in HitDelegate.place_parts(hit) if x)

    @staticmethod
    def place_parts(hit: Hit) -> tuple[str, str]:
        """(publication, date · page): the second is what a narrow row keeps whole."""
        number = hit.page_label or (str(hit.page) if hit.page else "")  # as the page prints it, where it does
        page = QCoreApplication.translate("MainWindow", "page %1").replace("%1", number) if number else ""
        return hit.publication, " · ".join(x for x in (hit.date, page) if x)

    @staticmethod
    def as_read_label() -> str:
        """What leads the snippet of a hit found only in the OCR's reading of words the reader corrected."""
        return QCoreApplication.translate("MainWindow", "OCR's reading:")

    @staticmethod
    def as_read_tip() -> str:
        """The tooltip of such a hit's row (the words may be a colleague's correction: not "you corrected")."""
        return QCoreApplication.translate(
            "MainWindow", "Found in the OCR's reading of corrected words; the article reads the correction.")

    @staticmethod
    def secondary_colour(option: QStyleOptionViewItem) -> str:
        """Where a hit is from, set off from its headline: the placeholder grey, or on a selected row
        the selection's text colour a little faded (grey on the dark theme's blue was unreadable)."""
        if option.state & QStyle.StateFlag.State_Selected:
            c = option.palette.color(QPalette.ColorRole.HighlightedText)
            return f"rgba({c.red()},{c.green()},{c.blue()},210)"
        return str(option.palette.color(QPalette.ColorRole.PlaceholderText).name())

    def _document(self, option: QStyleOptionViewItem, hit: Hit) -> QTextDocument:
        """The row's text laid out at its width, kept for the next paint of the same row."""
        colour = self.secondary_colour(option)
        key = (hit.article, hit.headline, self.where(hit), hit.snippet, tuple(hit.snippet_matches), hit.as_read, colour,
               option.rect.width(), option.font.key())
        doc = self._docs.get(key)
        if doc is None:
            doc = self._docs[key] = self._lay_out(option, hit, colour)
            while len(self._docs) > KEPT_ROWS:
                self._docs.popitem(last=False)
        else:
            self._docs.move_to_end(key)
        return doc

    def _lay_out(self, option: QStyleOptionViewItem, hit: Hit, colour: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        snippet = hit.snippet
        pieces: list[str] = []
        pos = 0
        for s, e in sorted(hit.snippet_matches):
            if s < pos:
                continue
            pieces.append(html.escape(snippet[pos:s]))
            pieces.append(f"<b style='background-color:rgba(255,170,40,120)'>{html.escape(snippet[s:e])}</b>")
            pos = e
        pieces.append(html.escape(snippet[pos:]))
        if hit.as_read:  # the snippet is not what the article reads: said before it
            pieces.insert(0, f"<i style='color:{colour}'>{html.escape(self.as_read_label())}</i> ")
        width = max(100, option.rect.width() - 8)
        # a hit without one is said to have none (a piece of its snippet passed for a printed headline)
        untitled = QCoreApplication.translate("MainWindow", "(no headline)")
        headline, where = self.first_line(option, hit.headline or untitled, self.place_parts(hit), width)
        # a name supplied for an article printed with none (its first words in brackets) in italics, as the article
        # list shows it: not passed for a printed headline
        named = f"<i>{html.escape(headline)}</i>" if hit.supplied else f"<b>{html.escape(headline)}</b>"
        doc.setHtml(
            # one line for headline and place (a wrapped place took a snippet line of the fixed-height row), elided
            # to the row (it ran past the list's edge, cut mid-word)
            f"<div style='white-space:nowrap'>{named}"
            f" <span style='color:{colour}'>"
            f"{html.escape(where)}</span></div><div>{''.join(pieces)}</div>"
        )
        doc.setTextWidth(width)
        return doc

    @staticmethod
    def first_line(option: QStyleOptionViewItem, headline: str, place: tuple[str, str],
                   width: int) -> tuple[str, str]:
        """Headline and place (publication, date · page) elided to fit ``width`` on one line. The date and page
        stay whole (a narrow list cut the date: "人民日报 · 2021-0…"); the headline keeps a third of the row or
        what the place leaves; the publication is elided in what is left, or left out. Each cut ends in "…", so
        the reader sees there is more."""
        bold = QFont(option.font)
        bold.setBold(True)
        strong, plain = QFontMetrics(bold), QFontMetrics(option.font)
        room = width - 2  # the layout's own margin
        space = plain.horizontalAdvance(" ")
        publication, when = place
        where = " · ".join(x for x in place if x)
        if not where:
            return strong.elidedText(headline, Qt.TextElideMode.ElideRight, room), ""
        kept = max(room - plain.horizontalAdvance(where) - space, min(strong.horizontalAdvance(headline), room // 3))
        kept = min(kept, room - plain.horizontalAdvance(when) - space)
        headline = strong.elidedText(headline, Qt.TextElideMode.ElideRight, max(0, kept))
        rest = room - strong.horizontalAdvance(headline) - space
        if plain.horizontalAdvance(where) <= rest or not publication or not when:
            return headline, plain.elidedText(where, Qt.TextElideMode.ElideRight, max(0, rest))
        tail = " · " + when
        left = rest - plain.horizontalAdvance(tail)
        name = plain.elidedText(publication, Qt.TextElideMode.ElideRight, left)
        if left < plain.horizontalAdvance("MMMM…"):  # a letter or two of a name says nothing
            return headline, plain.elidedText(when, Qt.TextElideMode.ElideRight, max(0, rest))
        return headline, name + tail

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        hit = index.data(ROLE_HIT)
        if not isinstance(hit, Hit):
            super().paint(painter, option, index)
            return
        hit = self.shown(hit)
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        doc = self._document(option, hit)
        painter.save()
        painter.setClipRect(option.rect.adjusted(0, 0, 0, -2))  # one fixed height per hit: nothing spills over
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        ctx.clip = QRectF(0, 0, option.rect.width() - 8, self.whole_lines(doc, option.rect.height() - 4))
        painter.setClipRect(ctx.clip, Qt.ClipOperation.IntersectClip)  # the layout draws whole blocks: cut here
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    @staticmethod
    def whole_lines(doc: QTextDocument, room: float) -> float:
        """The height of the lines of ``doc`` that fit whole in ``room`` (its first line at least): a Chinese snippet's
        lines are taller than the row's font's, and the row showed the top slice of one more line — glyphs cut in
        half, which read as other characters (seen by eye in a narrow search panel)."""
        bottom = 0.0
        block = doc.begin()
        while block.isValid():
            layout = block.layout()
            top = doc.documentLayout().blockBoundingRect(block).top()
            for i in range(layout.lineCount() if layout is not None else 0):
                line = layout.lineAt(i)
                end = top + line.y() + line.height()
                if end > room and bottom > 0:
                    return bottom
                bottom = end
            block = block.next()
        return max(bottom, room)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        """One size for every hit (the list has uniform item sizes): a headline line and SNIPPET_LINES of
        snippet. Laying out every hit's rich text to size it took most of a search's time in the window."""
        return QSize(max(100, option.rect.width()), hit_height(option.fontMetrics))


class QueryField(QLineEdit):
    """The query line: Up/Down move through the results list; Down in the empty line offers the queries asked
    before (its completer, which offers them as the reader types too)."""

    moved = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        completer = self.completer()
        if event.key() == Qt.Key.Key_Down and not self.text() and completer is not None:
            completer.setCompletionPrefix("")
            completer.complete()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}
            step = steps[Qt.Key(event.key())]
            self.moved.emit(step)
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """Query, filters, counts, facets and results."""

    search_requested = Signal(object)
    #: the query field was emptied: the shown search is over (its hits no longer marked anywhere)
    search_cleared = Signal()
    hit_opened = Signal(object)
    #: the next page of the shown search (a Query with its offset)
    more_requested = Signal(object)
    #: the shown search's facets came and are shown (their :class:`Facets`)
    facets_shown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.results: Results | None = None
        self.field = QueryField(self)
        self.field.setObjectName("queryField")
        self.field.setPlaceholderText(self.tr('Search: 发展   "a phrase"   a AND b   NOT c'))
        self.field.setAccessibleName(self.tr("Search query"))
        self.field.setClearButtonEnabled(True)
        self.match = QComboBox(self)
        self.match.setObjectName("searchMatch")
        self.match.setAccessibleName(self.tr("How characters compare"))
        self.match.setToolTip(self.tr("Folded: any script, case and accents; Exact: as printed; "
                                      "Variants: variant characters (异体字) as one"))
        self.match.addItem(self.tr("Folded"), "folded")
        self.match.addItem(self.tr("Exact"), "exact")
        self.match.addItem(self.tr("Variants"), "variants")
        self.ignore_punct = QToolButton(self)
        self.ignore_punct.setObjectName("searchIgnorePunct")
        self.ignore_punct.setText("、")
        self.ignore_punct.setCheckable(True)
        self.ignore_punct.setAccessibleName(self.tr("Ignore punctuation"))
        self.ignore_punct.setToolTip(
            self.tr("Ignore punctuation between Chinese characters (中國金融 finds 中國、金融)"))
        self.help_button = QToolButton(self)
        self.help_button.setText("?")
        self.help_button.setAccessibleName(self.tr("Search syntax help"))
        self.help_button.setToolTip(self.tr("Search syntax"))
        self.publication = ElidedComboBox(self, contents=10)  # a long name ends in "…", whole in its tooltip
        self.publication.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.publication.setAccessibleName(self.tr("Publication filter"))
        self.publication.addItem(self.tr("All publications"), "")
        self.date_from = DateField(self)
        self.date_from.setAccessibleName(self.tr("Date from"))
        self.date_to = DateField(self)
        self.date_to.setAccessibleName(self.tr("Date to"))
        for field in (self.date_from, self.date_to):
            field.setClearButtonEnabled(True)  # a date set by a timeline bar is taken away in one click
        self.set_date_range(None, None)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind filter"))
        kind_labels = {"": self.tr("Any kind"), "article": self.tr("article"), "photo": self.tr("photo"),
                       "advertisement": self.tr("advert"), "notice": self.tr("notice"),
                       "furniture": self.tr("furniture")}
        for k in KINDS:
            self.kind.addItem(kind_labels.get(k, k), k)
        self.sort = QComboBox(self)
        self.sort.setObjectName("searchSort")
        self.sort.setAccessibleName(self.tr("Sort results"))
        self.sort.addItem(self.tr("By relevance"), "relevance")
        self.sort.addItem(self.tr("By date"), "date")
        self.kind_labels = kind_labels  # the facets name kinds in the interface's language too
        self.count = QLabel(self)
        self.count.setObjectName("searchCount")
        self.count.setWordWrap(True)  # the filters it names run on a second line (cut mid-date, no "…")
        self.more = QPushButton(self)
        self.more.setObjectName("searchMore")
        self.more.hide()
        self.facets = QLabel(self)
        self.facets.setObjectName("searchFacets")
        self.facets.setWordWrap(True)
        self.facets.setTextFormat(Qt.TextFormat.RichText)
        self.list = HitList(self)
        self.list.setObjectName("searchResults")
        self.list.setAccessibleName(self.tr("Search results"))
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)

        # the query on a row of its own; the switches and filters beside one another where they fit whole, on the
        # next row where they do not (at 1024×700 with the Annotations dock open the panel is ~190 pixels wide: the
        # query field was 30 of them and the combo boxes cut)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.help_button)
        options = FlowLayout()
        filters = FlowLayout()
        for flow, widgets in ((options, (self.match, self.ignore_punct, self.sort)),
                              (filters, (self.publication, self.kind, self.date_from, self.date_to))):
            for widget in widgets:
                flow.addWidget(widget)
        lay = QVBoxLayout()
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addLayout(options)
        lay.addLayout(filters)
        lay.addWidget(self.count)
        lay.addWidget(self.facets)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.more)
        self.list.setMinimumHeight(hit_height(self.list.fontMetrics()))  # a hit at least; the panel scrolls
        self.contents = scrolled(self, lay)  # rows wrapped at the panel's width never drawn over one another

        self.field.returnPressed.connect(self._enter)
        self.field.textChanged.connect(self._field_emptied)
        self.field.moved.connect(self.move_selection)
        self.help_button.clicked.connect(self.show_help)
        self.publication.activated.connect(lambda _i: self.submit())
        self.kind.activated.connect(lambda _i: self.submit())
        self.sort.activated.connect(lambda _i: self.submit())
        self.match.activated.connect(lambda _i: self._options_changed())
        self.ignore_punct.toggled.connect(lambda _on: self._options_changed())
        self.more.clicked.connect(lambda: self.request_more(reveal=True))
        self.list.verticalScrollBar().valueChanged.connect(lambda _v: self._near_end())
        self.date_from.returnPressed.connect(self.submit)
        self.date_to.returnPressed.connect(self.submit)
        for field in (self.date_from, self.date_to):  # emptied (its clear button): the search shown is asked again
            field.textChanged.connect(self._date_emptied)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)  # one click opens, as in the article list
        self.list.currentItemChanged.connect(self._current_changed)  # so does moving with the keys
        self.facets.linkActivated.connect(self._facet)
        self._submitted = ""
        self._submitted_query: Query | None = None
        #: a next page was asked for and has not come yet (one at a time)
        self.fetching = False
        #: scroll to the first of the next page when it comes ("Show more" asked for it)
        self._reveal = False
        #: the current hit is being set by the panel itself (not opened on its change)
        self._quiet = False

    def set_shown(self, shown: Callable[[Hit], Hit]) -> None:
        """How a hit is shown (its headline and snippet in the script the reading view shows its article in): the
        rows are drawn again at once."""
        delegate = self.list.itemDelegate()
        if isinstance(delegate, HitDelegate):
            delegate.shown = shown
        self.list.viewport().update()

    def set_publications(self, names: list[str]) -> None:
        current = self.publication.currentData()
        self.publication.clear()
        self.publication.addItem(self.tr("All publications"), "")
        for n in names:
            self.publication.addItem(n, n)
        i = self.publication.findData(current)
        self.publication.setCurrentIndex(max(0, i))

    def filters_searched(self) -> str:
        """The filters the shown search ran with, said beside the count (" · 人民日报 · advert · 1930", " · from
        1930"): a bar of the timeline sets the dates, and in the small fields a date looked like the library's own
        range in their placeholders, so later searches were limited to it unnoticed. Read from the search asked
        for, not from the fields (edited since, they have not been searched)."""
        q = self._submitted_query or self.query()
        named = [q.publication] if q.publication else []
        if q.kind:
            named.append(self.kind_labels.get(q.kind, q.kind))
        start, end = q.date_from.strip(), q.date_to.strip()
        if start and start == end:
            named.append(start)
        elif start and end:
            named.append(f"{start} – {end}")
        elif start or end:
            named.append(self.tr("from %1").replace("%1", start) if start else self.tr("to %1").replace("%1", end))
        return "".join(" · " + x for x in named)

    def set_date_range(self, first: str | None, last: str | None) -> None:
        """The date fields' placeholders show the library's own first and last dates.

        The date alone: "from 1784-12" and "to 2021-01-27" were cut in fields a third of a
        1440-pixel window's side panel wide; the tooltip says it in words.
        """
        for field, date, words, empty in ((self.date_from, first, self.tr("from %1"), self.tr("from")),
                                          (self.date_to, last, self.tr("to %1"), self.tr("to"))):
            field.setPlaceholderText(date or empty)
            field.setToolTip(words.replace("%1", date) if date else empty)

    #: the switch or the punctuation button changed (the window remembers them)
    options_changed = Signal(str, bool)

    def set_history(self, queries: list[str]) -> None:
        """The queries asked before (the last first), offered as the reader types: any that holds what is typed."""
        completer = self.field.completer()
        if completer is None:
            completer = QCompleter(QStringListModel(self), self.field)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
            self.field.setCompleter(completer)
        model = completer.model()
        if isinstance(model, QStringListModel):
            model.setStringList(queries)

    def set_options(self, match: str, ignore_punct: bool) -> None:
        """Set the switch and the punctuation button (from the settings), without searching."""
        self.match.setCurrentIndex(max(0, self.match.findData(match)))
        self.ignore_punct.blockSignals(True)
        self.ignore_punct.setChecked(ignore_punct)
        self.ignore_punct.blockSignals(False)

    def _options_changed(self) -> None:
        self.options_changed.emit(str(self.match.currentData() or "folded"), self.ignore_punct.isChecked())
        if self.results is not None or self._submitted:
            self.submit()  # the shown results follow the switch

    def query(self) -> Query:
        return Query(self.field.text(), str(self.publication.currentData() or ""), self.date_from.text().strip(),
                     self.date_to.text().strip(), str(self.kind.currentData() or ""),
                     str(self.sort.currentData() or "relevance"), 0, str(self.match.currentData() or "folded"),
                     self.ignore_punct.isChecked())

    def first_page_size(self) -> int:
        """How many hits a new search lists first: the rows the list shows and the :data:`FETCH_AHEAD_ROWS` under
        them (scrolling then asks for the next page as usual), at most :data:`PAGE_SIZE`. Each hit's snippet costs
        ~0.25 ms at 10,000 pages: at 1440×900 ~20 hits are listed first, not 50."""
        rows = self.list.viewport().height() // hit_height(self.list.fontMetrics()) + 1
        return max(1, min(PAGE_SIZE, rows + FETCH_AHEAD_ROWS))

    def request_more(self, reveal: bool = False) -> None:
        """Ask for the next page of the shown results (once: a request under way is not repeated); ``reveal``
        scrolls to it when it comes."""
        r = self.results
        if r is None or len(r.hits) >= r.total or self.fetching:
            return
        self.fetching = True
        self._reveal = reveal
        self.more.setEnabled(False)
        last = self._submitted_query
        self.more_requested.emit(Query(r.query, sort=r.sort, offset=len(r.hits),
                                       match=last.match if last else "folded",
                                       ignore_punct=last.ignore_punct if last else False))

    def _near_end(self) -> None:
        """The list was scrolled: within :data:`FETCH_AHEAD_ROWS` rows of its end, ask for the next page."""
        bar = self.list.verticalScrollBar()
        row_height = max(1, self.list.sizeHintForRow(0)) if self.list.count() else 1
        if bar.maximum() - bar.value() <= FETCH_AHEAD_ROWS * row_height:
            self.request_more()

    def _date_emptied(self, text: str) -> None:
        """A date field was emptied while a search is shown: its results without that limit (they stayed
        filtered, the count still naming the date, until Return)."""
        if not text and self._submitted_query is not None and self.field.text().strip():
            self.submit()

    def _field_emptied(self, text: str) -> None:
        """The query field was emptied (its clear button, or the words deleted): the results listed were for words
        no longer asked for, and go with them."""
        if text.strip() or self.results is None and self._submitted_query is None:
            return
        self.clear_results()

    def clear_results(self) -> None:
        """No results listed (the words asked for are gone, or another library was opened: its hits were not of
        it); the words typed stay in the field."""
        self.results = None
        self.fetching = False
        self._submitted, self._submitted_query = "", None
        self._clear_list()
        self.more.hide()
        self.count.clear()
        self.facets.setMinimumHeight(0)
        self.facets.clear()
        self.search_cleared.emit()

    def submit(self) -> None:
        q = self.query()
        if not q.full():
            return
        self.fetching = False  # a page of the last search that comes now is not shown
        self._submitted = q.full()
        self._submitted_query = q
        self.search_requested.emit(q)

    def _enter(self) -> None:
        q = self.query()
        if q.full() == self._submitted and self.list.currentItem() is not None:
            self._activated(self.list.currentItem())
        else:
            self.submit()

    def show_results(self, results: Results) -> None:
        """Show a search's results; a later page (``results.offset`` > 0) is added under the ones shown."""
        more = results.offset > 0 and self.results is not None and results.offset == len(self.results.hits)
        if results.offset > 0 and not more:
            return  # a page that no longer follows the shown ones (they changed meanwhile)
        self.fetching = False
        if more and self.results is not None:
            hits = self.results.hits
            hits.extend(results.hits)  # in place: paging to the end stays linear in the hits
            results = Results(results.query, results.total, hits, self.results.facets, results.seconds, 0,
                              results.sort, results.options, results.left_out, results.unreadable)
        else:
            # clearing a scrolled list moves its scroll bar, which asks for the next page of what is shown:
            # nothing is shown by then (that page of the old results came back into the new list)
            self.results = None
            self._clear_list()
        first_new = self.list.count()
        self.results = results
        self.list.setUpdatesEnabled(False)
        try:
            for hit in results.hits[first_new:]:
                item = QListWidgetItem()
                item.setData(ROLE_HIT, hit)
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             f"{hit.headline} {hit.publication} {hit.date} {hit.snippet}")
                if hit.as_read:
                    item.setData(Qt.ItemDataRole.ToolTipRole, HitDelegate.as_read_tip())
                self.list.addItem(item)
        finally:
            self.list.setUpdatesEnabled(True)
        shown = len(results.hits)
        text = self.tr("%n article(s)", "", results.total)
        if shown < results.total:
            text += " " + self.tr("(first %1 shown)").replace("%1", str(shown))
        text += self.filters_searched()
        text += f" · {results.seconds * 1000:.0f} ms"
        text += self.how_read(results)
        self.count.setText(text)
        left = results.total - shown
        self.more.setVisible(left > 0)
        self.more.setEnabled(True)
        self.more.setText(self.tr("Show %1 more").replace("%1", str(min(PAGE_SIZE, left))))
        if not more:
            self._first_facets(results)
            if not results.total:
                self.list.say_empty(self._no_hits())
            if results.hits:
                self._mark_row(0)  # the window opens it once the list is painted
        elif first_new < self.list.count() and self._reveal:
            self.list.scrollToItem(self.list.item(first_new))

    def how_read(self, results: Results) -> str:
        """What the status line adds of how the query was read: the words left out (nothing in them searchable) and
        what 〓 finds; "" when there is nothing to say."""
        said = ""
        if results.left_out:
            said += " · " + self.tr("Left out (nothing searchable in them): %1").replace(
                "%1", " ".join(results.left_out))
        if results.unreadable:
            said += " · " + self.tr("〓 finds the places the OCR could not read, not the character printed there")
        return said

    def _no_hits(self) -> str:
        """What the empty list says after a search with no hits: the words searched for, and the filters it ran with."""
        q = self._submitted_query or self.query()
        filters = self.filters_searched().removeprefix(" · ")
        if not q.text.strip():
            return self.tr("No article matches these filters: %1.").replace("%1", filters)
        if not filters:
            return self.tr("No article matches “%1”.").replace("%1", q.text.strip())
        return self.tr("No article matches “%1” (%2).").replace("%1", q.text.strip()).replace("%2", filters)

    def _first_facets(self, results: Results) -> None:
        """The facets that came with a new search's first page (every hit is on it), else none until they come
        (:meth:`show_facets`), with room kept for them: the list under them moved down when they came."""
        if results.facets is not None:
            self.facets.setMinimumHeight(0)
            self.facets.setText(self._facets_html(results.facets))
            return
        had = self.facets.height() if self.facets.text() else 0
        self.facets.setMinimumHeight(max(had, 2 * self.facets.fontMetrics().lineSpacing()))
        self.facets.clear()

    def show_facets(self, facets: Facets) -> None:
        """Show the facets of the shown search (those of another search, or of the same words compared otherwise,
        are not shown beside its hits)."""
        if self.results is None or not facets.belong_to(self.results):
            return
        self.results.facets = facets.counts
        self.facets.setMinimumHeight(0)
        self.facets.setText(self._facets_html(facets.counts))
        self.facets_shown.emit(facets)

    def show_error(self, message: str) -> None:
        self.results = None
        self.fetching = False
        self._clear_list()
        self.more.hide()
        self.count.setText(message)
        self.facets.setMinimumHeight(0)
        self.facets.clear()

    def _facets_html(self, facets: dict[str, dict[str, int]]) -> str:
        groups = []
        for name in ("publication", "year", "kind"):
            values = facets.get(name) or {}
            if not values:
                continue
            shown = self.kind_labels if name == "kind" else {}
            links = [self._facet_html(name, v, shown.get(v, v), n)
                     for v, n in sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))[:8]]
            groups.append(" · ".join(links))
        return " &nbsp;|&nbsp; ".join(groups)

    def _facet_html(self, name: str, value: str, label: str, n: int) -> str:
        """One facet value as a link that filters by it; the articles without a date (year "") are named, as
        plain text: an empty link showed only a count, and the date fields cannot ask for "no date"."""
        if not value:
            none = self.tr("undated") if name == "year" else self.tr("unknown")
            return f"<i>{html.escape(none)}</i>&nbsp;{n}"
        return f"<a href='{html.escape(name)}={html.escape(value)}'>{html.escape(label)}</a>&nbsp;{n}"

    def _facet(self, link: str) -> None:
        name, _, value = link.partition("=")
        if name == "publication":
            i = self.publication.findData(value)
            if i < 0:
                self.publication.addItem(value, value)
                i = self.publication.count() - 1
            self.publication.setCurrentIndex(i)
        elif name == "year":
            self.date_from.setText(value)
            self.date_to.setText(value)
        elif name == "kind":
            self.kind.setCurrentIndex(max(0, self.kind.findData(value)))
        self.submit()

    def move_selection(self, step: int) -> None:
        n = self.list.count()
        if not n:
            return
        row = self.list.currentRow()
        row = max(0, min(n - 1, (row if row >= 0 else -1) + step))
        if row != self.list.currentRow():
            self.open_row(row)  # the hit marked is the one shown, as in the article list
        if row >= n - FETCH_AHEAD_ROWS:
            self.request_more()

    def current_hit(self) -> Hit | None:
        item = self.list.currentItem()
        hit = item.data(ROLE_HIT) if item is not None else None
        return hit if isinstance(hit, Hit) else None

    def open_row(self, row: int) -> None:
        item = self.list.item(row)
        if item is not None:
            self._mark_row(row)
            self._activated(item)

    def mark_row(self, row: int) -> None:
        """Make ``row`` current without opening it (the article shown is its hit's already)."""
        self._mark_row(row)

    def mark_none(self) -> None:
        """No row current: the article shown is none of the hits."""
        self._mark_row(-1)

    def _mark_row(self, row: int) -> None:
        """Make ``row`` current without opening it (the caller opens it, or the window does)."""
        self._quiet = True
        try:
            self.list.setCurrentRow(row)
        finally:
            self._quiet = False

    def _clear_list(self) -> None:
        """Empty the list: the current hit moves from row to row as the rows go, and none of them is opened."""
        self._quiet = True
        try:
            self.list.clear()
            self.list.say_empty("")
        finally:
            self._quiet = False

    def _current_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        """The reader moved the current hit with the keys in the list: it is opened (a click opens its own)."""
        if item is not None and not self._quiet and QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self._activated(item)

    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(ROLE_HIT)
        if isinstance(hit, Hit):
            self.hit_opened.emit(hit)

    def show_help(self) -> HelpDialog:
        """The search syntax, in a window-modal dialog that fits the screen (its text scrolls)."""
        dlg = HelpDialog(self.tr("Search syntax"), syntax_help(), self)
        dlg.open()
        return dlg
