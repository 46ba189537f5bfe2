"""The reflowed reading view: an article set for reading, horizontally or vertically (直排).

:class:`ArticleView` shows a :class:`~reader.app.reading.Reading` (the article
in the chosen display script) in one of two views sharing one interface:

* :class:`TextReader` — a QTextBrowser: headline group, byline and dateline,
  paragraphs with the 2-em first-line indent of Chinese text, captions; a
  serif CJK font chosen by script; palette colours, so dark mode works;
* :class:`VerticalReader` — columns set top to bottom, right to left, with the
  vertical forms of CJK punctuation.

Both work in *display ranges* ``(k, start, end)``: ``k`` indexes
``reading.parts``, offsets are in that part's display text. ArticleView turns
them into original offsets (the ones spans, hits and annotations use), so a
selection stays on the same characters when the script changes, and it emits
``lines_selected`` with the ids of the source lines under the selection.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import math
import weakref
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTextBoundaryFinder,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRawFont,
    QResizeEvent,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader.app.reading import (
    HEAD_ROLES,
    LINE_SEPARATOR,
    VERTICAL_FORMS,
    ConverterFor,
    Reading,
    identity,
    utf16_offsets,
)
from reader.app.readplace import KeptPlace, found_again, keep
from reader.model.document import Article, Replacement, joined_replacements, said
from reader.text import forms as textforms
from reader.text import linebreak
from reader.text.chars import is_wide

log = logging.getLogger(__name__)

#: (index into reading.parts, display start, display end)
DisplayRange = tuple[int, int, int]
#: (part index in the article, original start, original end)
OriginalRange = tuple[int, int, int]
#: a character set in a vertical column: (k, display offset, y, character, font px)
Cell = tuple[int, int, float, str, float]

#: the zero-width space put where CJK rules allow a line break that Qt's line breaker does not
ZWSP = "\u200b"
#: the word joiner put where CJK rules forbid a line break that Qt's line breaker would make
WORD_JOINER = "\u2060"

HIT_COLOR = QColor(255, 170, 40, 140)
CURRENT_HIT_COLOR = QColor(255, 110, 0, 200)
FIND_COLOR = QColor(120, 200, 255, 120)
#: the reader's highlights (annotations)
HIGHLIGHT_COLOR = QColor(120, 220, 120, 130)
#: a word the reader corrected: a dashed line under it (beside it in vertical columns), so the text shown never
#: silently differs from the page
CORRECTED_COLOR = QColor(40, 110, 200)
#: a mark in the reading view: the range, its colour, and whether it is a line under the text (a correction)
#: rather than a ground behind it (a highlight, a hit)
Mark = tuple[DisplayRange, QColor, bool]
#: what the reading view says of a place (a display part and offset), e.g. that the reader corrected it
NoteAt = Callable[[int, int], "str | None"]

ROLE_SCALE = {
    "headline": 1.55, "kicker": 1.1, "subheadline": 1.15, "section-heading": 1.1,
    "byline": 0.92, "dateline": 0.92, "caption": 0.9, "credit": 0.85, "editors-note": 0.9,
    "column-label": 0.9, "furniture": 0.85, "noise": 0.85, "advertisement": 1.0,
}
SECONDARY_ROLES = ("byline", "dateline", "caption", "credit", "editors-note", "column-label", "furniture", "noise")


def mostly_cjk(text: str) -> bool:
    sample = text[:200]
    return sum(1 for c in sample if is_wide(c)) > len(sample) / 3


#: Serif fonts for Latin text, tried in order; CJK text takes the CJK serif first.
LATIN_SERIFS = ["Noto Serif", "DejaVu Serif", "Liberation Serif", "Times New Roman", "Junicode", "Junicode Two Beta"]


def _marks_of(text: str) -> frozenset[str]:
    """The combining marks ``text`` sets over Latin letters (U+0300–U+036F: accents, the small e of Fraktur
    transcriptions' umlauts, U+0364)."""
    return frozenset(c for c in text if "\u0300" <= c <= "\u036f")


@lru_cache(maxsize=64)
def _serifs_for(marks: frozenset[str]) -> tuple[str, ...]:
    """:data:`LATIN_SERIFS`, those installed that draw every one of ``marks`` first. A mark drawn from a font
    other than its letter's is not placed on the letter (HarfBuzz places a mark by its base's font): Fraktur's
    small e over an a read as an acute (ſchádlich) when DejaVu Serif drew the a and Junicode the e."""
    if not marks:
        return tuple(LATIN_SERIFS)

    def draws_all(family: str) -> bool:
        raw = QRawFont.fromFont(QFont(family))  # the one font (QFontMetrics answers with its fallbacks too)
        if raw.familyName() != family:
            return False  # not installed: Qt matched another
        return all(raw.supportsCharacter(ord(c)) for c in marks)

    return tuple(sorted(LATIN_SERIFS, key=lambda f: not draws_all(f)))  # stable: the order otherwise kept


def reading_font(family: str, size: float, latin_first: bool = False, text: str = "") -> QFont:
    """A serif reading font: ``family`` (a CJK serif) with Latin serifs beside it — for ``text`` holding combining
    marks, a Latin serif that draws them first (:func:`_serifs_for`)."""
    font = QFont(family)
    serifs = list(_serifs_for(_marks_of(text)))
    font.setFamilies(serifs + [family] if latin_first else [family] + serifs)
    font.setPointSizeF(size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


#: a paragraph's line height (percent of the font's) unless View → Line spacing says otherwise
LINE_HEIGHT = 150
#: View → Line spacing: percent and name
LINE_SPACINGS = ((130, "Compact"), (150, "Normal"), (175, "Relaxed"), (200, "Wide"))


def run_ins(roles: Sequence[str]) -> list[bool]:
    """For each part of ``roles`` (in the order shown), whether it goes on the line of the one before it, as the paper
    sets them.

    A dateline and its byline (本报北京1月26日电　（记者丁怡婷）) are one line, flush left under the
    headline group; a byline alone is centred under the headline. A pair is one line, never more: a piece merged into
    the next brings its own dateline and byline, and the two pairs ran on one line (seen by eye).
    """
    out: list[bool] = []
    for k, role in enumerate(roles):
        out.append(k > 0 and not out[k - 1] and {roles[k - 1], role} == {"dateline", "byline"})
    return out


@lru_cache(maxsize=512)
def set_for_breaking(display: str) -> tuple[str, tuple[int, ...]]:
    """A part's display text as it goes into the document (:meth:`TextReader._with_breaks`), remembered by the
    text itself — what comes out depends on it alone, so a corrected text is set anew — and reopening an
    article (the next hit, going back) does not run the line breaker over every character again."""
    # a headline's columns stay on lines of their own (the line separator :func:`reader.app.reading.column_breaks`
    # puts in); any other break in a part's text is a space, the part one block
    text = display.replace("\n", " ").replace("\u2029", " ")
    out, inserted = TextReader._with_breaks(text, utf16_offsets(display))
    return out, tuple(inserted)


def _weakly(method: NoteAt) -> NoteAt:
    """``method`` (bound to the article view) called through a weak reference: a reader holding the view's method
    strongly makes a cycle whose collection clears the view's attributes while Qt still sends it events."""
    ref = weakref.WeakMethod(method)

    def call(k: int, offset: int) -> str | None:
        bound = ref()
        return bound(k, offset) if bound is not None else None

    return call


def _marked_span(r: Replacement, length: int) -> tuple[int, int]:
    """The characters that mark a correction: the ones it put in, or, where it only took characters out, the one on
    each side of the gap (an empty range would mark nothing)."""
    if r.end > r.start:
        return r.start, r.end
    return max(0, r.start - 1), min(length, r.end + 1)


class TextReader(QTextBrowser):
    """The horizontal reading view (a read-only QTextBrowser)."""

    selection_moved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textReader")
        self.setAccessibleName(self.tr("Article text"))
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        flag = Qt.TextInteractionFlag
        self.setTextInteractionFlags(flag.TextSelectableByMouse | flag.TextSelectableByKeyboard)
        self.reading: Reading | None = None
        #: shown, wrapped, while the view is empty (an empty library: where files go). Not Qt's placeholder text:
        #: Qt draws that on one line, cut at the view's edge
        self.hint = ""
        #: a paragraph's line height in percent of the font's (View → Line spacing)
        self.line_height = LINE_HEIGHT
        #: the document position where each shown part starts (a dateline and its byline share a block)
        self._blocks: list[int] = []
        #: per part, the document offsets (in the block) of the zero-width spaces put in for line breaking
        self._breaks: list[list[int]] = []
        self.selectionChanged.connect(self.selection_moved)
        self.cursorPositionChanged.connect(self.selection_moved)
        #: (the place kept through the last resize, where it was shown): see :meth:`resizeEvent`
        self._kept: tuple[tuple[int, int, int], tuple[int, int, int] | None] | None = None
        #: what to say of the place under the pointer (set by the article view)
        self.note_at: NoteAt | None = None

    def set_reading(self, reading: Reading, family: str, size: float) -> None:
        self.reading = reading
        self._kept = None
        doc = QTextDocument(self)
        shown = " ".join(sp.display for sp in reading.parts)
        cjk = mostly_cjk(shown)
        base = reading_font(family, size, latin_first=not cjk, text=shown)
        doc.setDefaultFont(base)
        doc.setDocumentMargin(28)
        pal = self.palette()
        secondary = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        cursor = QTextCursor(doc)
        self._blocks = []
        self._breaks = []
        roles = [sp.role for sp in reading.parts]
        joined = run_ins(roles)
        for k, sp in enumerate(reading.parts):
            datelined = any(r == "dateline" for r in roles[max(0, k - 1):k + 2])
            bfmt, cfmt = self._formats(sp.role, base, secondary, cjk, self.line_height, datelined,
                                       cjk and linebreak.justifiable(sp.display))
            if k == 0:
                cursor.setBlockFormat(bfmt)
                cursor.setBlockCharFormat(cfmt)
            elif joined[k]:
                # a full-width bracket brings its own half-em of space: （记者丁怡婷）
                if not (cjk and sp.display[:1] in linebreak.NO_END):
                    cursor.insertText("\u3000" if cjk else " ", cfmt)
            else:
                cursor.insertBlock(bfmt, cfmt)
            self._blocks.append(cursor.position())
            text, inserted = set_for_breaking(sp.display)
            self._breaks.append(list(inserted))
            cursor.insertText(text, cfmt)
        self.setDocument(doc)
        # at the start, the margin above the first line with it: the new text kept the last one's scroll value, and
        # the caret put at the start scrolled only as far as its line (flush with the top edge, 28 px down — seen by
        # eye on the first article of a library opened after an article read further down). The caret first: in a
        # view not yet shown (a restart reopens the last article before the window has its size) putting it at the
        # start scrolled its line into the small viewport, and the first resize kept that place — the first line cut
        # by the top edge, the margin above it gone (seen by eye)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    @staticmethod
    def _with_breaks(text: str, u16: list[int]) -> tuple[str, list[int]]:
        """``text`` set by the CJK line-breaking rules, and the block offsets of what was put in.

        Qt's line breaker follows UAX #14 before 15.1: it never breaks beside a quotation mark
        (。“重要工作”一栏 is one chunk, and the line before it is justified with gaps between
        every character) and it breaks after the dash of 3—4条. :func:`linebreak.adjustments`
        compares its breaks with the rules of :mod:`reader.text.linebreak`; a zero-width space
        goes where a break is missing, a word joiner where one is wrong. ``u16`` is the UTF-16
        offset of every character.
        """
        finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
        qt_breaks: set[int] = set()
        unit = finder.toNextBoundary()
        while unit >= 0:
            qt_breaks.add(unit)
            unit = finder.toNextBoundary()
        theirs = [u in qt_breaks for u in u16]
        offer, refuse = linebreak.adjustments(text, theirs)
        if not offer and not refuse:
            return text, []
        marks = sorted([(i, ZWSP) for i in offer] + [(i, WORD_JOINER) for i in refuse])
        pieces: list[str] = []
        where: list[int] = []
        last = 0
        for j, (i, mark) in enumerate(marks):
            pieces.append(text[last:i])
            pieces.append(mark)
            where.append(u16[i] + j)
            last = i
        pieces.append(text[last:])
        return "".join(pieces), where

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802
        """Copy the text as printed: without the zero-width spaces put in for line breaking."""
        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText().replace(ZWSP, "").replace(WORD_JOINER, ""))
        return data

    @staticmethod
    def _formats(role: str, base: QFont, secondary: QColor, cjk: bool, line_height: int = 175,
                 datelined: bool = False, justify: bool = False) -> tuple[QTextBlockFormat, QTextCharFormat]:
        """The block and character formats of a part; a byline beside a dateline is set with it, flush left.

        ``justify``: a Chinese paragraph Qt can justify by spreading its characters evenly.
        """
        size = base.pointSizeF()
        bfmt = QTextBlockFormat()
        cfmt = QTextCharFormat()
        scale = ROLE_SCALE.get(role, 1.0)
        cfmt.setFontPointSize(size * scale)
        bfmt.setLineHeight(line_height if role == "paragraph" else min(140, line_height),
                           QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if role in HEAD_ROLES:
            bfmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            cfmt.setFontWeight(QFont.Weight.Bold if role == "headline" else QFont.Weight.DemiBold)
            bfmt.setTopMargin(size * (0.9 if role == "headline" else 0.3))
            bfmt.setBottomMargin(size * (0.7 if role == "headline" else 0.2))
        elif role == "section-heading":
            cfmt.setFontWeight(QFont.Weight.Bold)
            bfmt.setTopMargin(size * 0.8)
            bfmt.setBottomMargin(size * 0.3)
        elif role in SECONDARY_ROLES:
            cfmt.setForeground(secondary)
            if role == "byline" and not datelined:
                bfmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            bfmt.setBottomMargin(size * 0.5)
            if role in ("caption", "credit", "editors-note"):
                bfmt.setLeftMargin(size * 1.5)
                bfmt.setRightMargin(size * 1.5)
            if role in ("caption", "editors-note") and justify:  # set as a paragraph is, in its own margins
                bfmt.setAlignment(Qt.AlignmentFlag.AlignJustify)
        else:
            bfmt.setTextIndent(size * 2 * (96 / 72) if cjk else size * 1.5)
            bfmt.setBottomMargin(size * 0.55)
            # CJK justifies cleanly (linebreak.justifiable); Latin without hyphenation opens wide gaps
            bfmt.setAlignment(Qt.AlignmentFlag.AlignJustify if justify else Qt.AlignmentFlag.AlignLeft)
        return bfmt, cfmt

    # positions -------------------------------------------------------------
    def _k_of(self, pos: int) -> tuple[int, int]:
        """(k, display offset) of a document position (a block may hold two parts: dateline and byline)."""
        assert self.reading is not None
        k = max(0, min(len(self.reading.parts) - 1, bisect.bisect_right(self._blocks, pos) - 1))
        sp = self.reading.parts[k]
        rel = max(0, pos - self._blocks[k])
        return k, min(len(sp.display), sp.from_u16(rel - bisect.bisect_left(self._breaks[k], rel)))

    def _pos_of(self, k: int, offset: int) -> int:
        assert self.reading is not None
        unit = self.reading.parts[k].to_u16(offset)
        breaks = self._breaks[k]
        # a break put in before this unit sits at unit + (breaks before it); bisect over those positions
        lo, hi = 0, len(breaks)
        while lo < hi:
            mid = (lo + hi) // 2
            if breaks[mid] - mid <= unit:
                lo = mid + 1
            else:
                hi = mid
        return self._blocks[k] + unit + lo

    def selection(self) -> list[DisplayRange]:
        if self.reading is None or not self.reading.parts:
            return []
        c = self.textCursor()
        a, b = sorted((c.anchor(), c.position()))
        ka, oa = self._k_of(a)
        kb, ob = self._k_of(b)
        out: list[DisplayRange] = []
        for k in range(ka, kb + 1):
            start = oa if k == ka else 0
            end = ob if k == kb else len(self.reading.parts[k].display)
            out.append((k, start, end))
        return out

    def select(self, k0: int, s: int, k1: int, e: int) -> None:
        c = QTextCursor(self.document())
        c.setPosition(self._pos_of(k0, s))
        c.setPosition(self._pos_of(k1, e), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)

    def reveal(self, k: int, offset: int) -> None:
        """Show the character (k, offset) a third of the way down the view unless it is well inside it already: not
        at an edge, where selecting it left it (Qt scrolls only as far as the selection's end — seen by eye: a
        collection entry merged away opened with its line at the bottom edge)."""
        c = QTextCursor(self.document())
        c.setPosition(self._pos_of(k, offset))
        rect = self.cursorRect(c)
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        if rect.top() < height // 10 or rect.bottom() > height * 4 // 5:
            bar.setValue(bar.value() + rect.top() - height // 3)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Ctrl+Home goes to the article's top with the margin above its first line (Qt scrolled only as far as the
        caret's line: the headline flush against the edge, seen by eye)."""
        super().keyPressEvent(event)
        if event.matches(QKeySequence.StandardKey.MoveToStartOfDocument) or event.matches(
                QKeySequence.StandardKey.SelectStartOfDocument):
            self.verticalScrollBar().setValue(0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """The text re-wraps at the new width: the line the reader was at stays at the top (opening a panel beside
        the view showed another passage)."""
        # the text is not laid out whole here (each step of a window dragged narrower would lay a long article out
        # again: ~200 ms for 70,000 characters): the top of the view is laid out, painted or placed by put_at_top
        place = self.top_place(lay_out=False) if self.verticalScrollBar().value() > 0 else None
        if place is not None and self._kept is not None and self._kept[1] == place:
            place = self._kept[0]  # not scrolled since the last resize: the same character (it drifted a line each)
        super().resizeEvent(event)
        if place is not None and event.oldSize().width() != event.size().width():
            self.put_at_top(*place)
            self._kept = (place, self.top_place(lay_out=False))

    def top_place(self, lay_out: bool = True) -> tuple[int, int, int] | None:
        """(k, display offset, pixels) of the character at the top of the view and how far below the top its line
        starts: where the reader is, kept through a change of the text (a fraction of the length drifted).
        ``lay_out``: the whole text laid out first (:meth:`lay_out_all`), unless the top of the view is known to be."""
        if self.reading is None or not self.reading.parts:
            return None
        if lay_out:
            self.lay_out_all()
        c = self.cursorForPosition(QPoint(8, 4))
        k, offset = self._k_of(c.position())
        return k, offset, self.cursorRect(c).top()

    def lay_out_all(self) -> None:
        """Have Qt lay the whole text out now (once; after that this costs nothing). Qt lays a long text out a stretch
        at a time while the window is idle: a place read, or a scroll fraction set, before it finished was taken on
        a partial layout — right after a long article opened, the place read was a part far below the one shown
        (part 33 at 3,097 px, part 20 once laid out)."""
        self.document().documentLayout().documentSize()

    def put_at_top(self, k: int, offset: int, dy: int) -> None:
        """Scroll so that the character (k, offset) is ``dy`` pixels below the top, as :meth:`top_place` found it."""
        if self.reading is None or k >= len(self.reading.parts):
            return
        c = QTextCursor(self.document())
        c.setPosition(self._pos_of(k, min(offset, len(self.reading.parts[k].display))))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(c).top() - dy)

    def set_marks(self, marks: Sequence[Mark]) -> None:
        sels = []
        for (k, s, e), colour, under in marks:
            sel = QTextEdit.ExtraSelection()
            c = QTextCursor(self.document())
            c.setPosition(self._pos_of(k, s))
            c.setPosition(self._pos_of(k, e), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = c
            fmt = QTextCharFormat()
            if under:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(colour)
            else:
                fmt.setBackground(colour)
            sel.format = fmt
            sels.append(sel)
        self.setExtraSelections(sels)

    def _char_at(self, pos: QPoint) -> int | None:
        """The document position of the character under ``pos`` (viewport coordinates), or None over blank space:
        Qt's cursor for a point is the nearest gap between two characters, not the character the point is on."""
        cursor = self.cursorForPosition(pos)
        at = cursor.position()
        if self.cursorRect(cursor).left() > pos.x():
            at -= 1
        if at < 0:
            return None
        cursor.setPosition(at)
        left = self.cursorRect(cursor)
        cursor.setPosition(at + 1)
        right = self.cursorRect(cursor)
        same_line = right.top() == left.top()
        inside = left.top() <= pos.y() <= left.bottom() and left.left() <= pos.x()
        return at if inside and (not same_line or pos.x() < right.left()) else None

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        """A tooltip over a marked word says what it is (a correction: what the page has)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.reading is not None:
            at = self._char_at(event.pos()) if self.reading.parts and self.note_at is not None else None
            note = self.note_at(*self._k_of(at)) if at is not None and self.note_at is not None else None
            if note:
                QToolTip.showText(event.globalPos(), note, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def char_rect(self, k: int, offset: int) -> QRectF:
        c = QTextCursor(self.document())
        c.setPosition(self._pos_of(k, offset))
        return QRectF(self.cursorRect(c))

    def set_hint(self, text: str) -> None:
        self.hint = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.hint and self.document().isEmpty():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            margin = int(self.document().documentMargin())
            painter.drawText(QRectF(self.viewport().rect().adjusted(margin, margin, -margin, -margin)),
                             int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), self.hint)
            painter.end()


def _outwards(centres: Sequence[float], px: float, right_of: int) -> Iterator[int]:
    """Column indexes by their distance across from ``px`` (``centres`` falling; the columns before ``right_of``
    lie right of it): nearer first, taken alternately from either side."""
    left, right = right_of, right_of - 1
    while left < len(centres) or right >= 0:
        take_left = right < 0 or (left < len(centres) and px - centres[left] <= centres[right] - px)
        if take_left:
            yield left
            left += 1
        else:
            yield right
            right -= 1


class VerticalReader(QWidget):
    """直排: the article in columns, top to bottom and right to left."""

    selection_moved = Signal()

    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__()
        self.setObjectName("verticalReader")
        self.setAccessibleName(self.tr("Article text, vertical"))
        self.scroll_area = scroll
        self.reading: Reading | None = None
        self.family = "Noto Serif CJK TC"
        self.size_pt = 17.0
        #: a paragraph's column pitch in percent of the one at the horizontal view's 175 %
        self.line_height = LINE_HEIGHT
        #: (k, offset, rect, char, font px)
        self.cells: list[tuple[int, int, QRectF, str, float]] = []
        self._flat: dict[tuple[int, int], int] = {}
        self.anchor: int | None = None
        self.caret: int | None = None
        self.marks: list[Mark] = []
        #: what to say of the place under the pointer (set by the article view)
        self.note_at: NoteAt | None = None
        #: the flat index of each column's first cell, in reading order (right to left)
        self._column_starts: list[int] = []
        #: each column's strip (left, right), in the same order: x falls from one to the next
        self._strips: list[tuple[float, float]] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it: the keyboard reads and selects
        self.setCursor(Qt.CursorShape.IBeamCursor)

    def set_reading(self, reading: Reading, family: str, size: float) -> None:
        self.reading = reading
        self.family = family
        self.size_pt = size
        self.anchor = self.caret = None
        self.relayout()

    def relayout(self) -> None:
        self.cells = []
        self._flat = {}
        self._column_starts = []
        self._strips = []
        if self.reading is None:
            self.resize(10, 10)
            return
        # the columns' height leaves room for the scroll bar under them, shown or not yet: laid out before it came,
        # they overflowed it and a vertical scroll bar came too
        area = self.scroll_area
        height = max(200, area.maximumViewportSize().height() - area.horizontalScrollBar().sizeHint().height())
        px = self.size_pt * 96 / 72
        margin = px * 1.5
        columns: list[tuple[float, list[Cell]]] = []  # (width, [(k, off, y, ch, fpx)])
        row = 0
        joined = run_ins([sp.role for sp in self.reading.parts])
        for k, sp in enumerate(self.reading.parts):
            fpx = px * ROLE_SCALE.get(sp.role, 1.0)
            rows = max(4, int((height - 2 * margin) // (fpx * 1.12)))
            pitch = fpx * (1.9 * self.line_height / 175 if sp.role == "paragraph" else 1.6)
            col: list[Cell] = []
            # a byline goes on down its dateline's column, as the paper sets them
            carry = joined[k] and row + 2 < rows
            if carry:
                pitch, col = columns.pop()
                row += 0 if sp.display[:1] in linebreak.NO_END else 1
            else:
                row = self._first_row(sp.role, sp.display.split(LINE_SEPARATOR)[0], rows)
            row = self._set_part(k, sp.display, rows, row, (pitch, col), columns, margin, fpx, sp.role in HEAD_ROLES)
            if sp.role in HEAD_ROLES:
                columns[-1] = (pitch * 1.3, columns[-1][1])
        total = sum(w for w, _ in columns) + 2 * margin
        x = total - margin
        for width, col in columns:
            x -= width
            if col:
                self._column_starts.append(len(self.cells))
                self._strips.append((x, x + width))
            for k, i, y, ch, fpx in col:
                rect = QRectF(x + (width - fpx) / 2, y, fpx, fpx * 1.12)
                self._flat[(k, i)] = len(self.cells)
                self.cells.append((k, i, rect, ch, fpx))
        self.setMinimumSize(QSize(int(math.ceil(total)), int(height)))
        self.resize(int(math.ceil(total)), int(height))
        self.update()

    @staticmethod
    def _first_row(role: str, display: str, rows: int) -> int:
        """Where a part's first column starts: an indent of two for a Chinese paragraph, a headline centred."""
        if role in HEAD_ROLES:
            return max(0, (rows - len(display)) // 2)  # a short headline stands centred in its column
        return 2 if role == "paragraph" and mostly_cjk(display) else 0

    @staticmethod
    def _set_part(k: int, display: str, rows: int, row: int, column: tuple[float, list[Cell]],
                  columns: list[tuple[float, list[Cell]]], margin: float, fpx: float, centred: bool = False) -> int:
        """Set part ``k`` from ``row`` of ``column`` on, into ``columns``; returns the row after its last character.
        A headline's columns (:data:`LINE_SEPARATOR` between them) each start a column of their own, ``centred``."""
        pitch, col = column
        text = display.translate(VERTICAL_FORMS)
        base = 0
        for n, segment in enumerate(display.split(LINE_SEPARATOR)):
            if n:
                columns.append((pitch, col))
                col, row = [], max(0, (rows - len(segment)) // 2) if centred else 0
            # kinsoku: no column starts with 、。，」 or ends with 「, a digit run stays whole
            starts = {base + i for i in linebreak.columns(segment, rows, row)[1:]}
            for i in range(base, base + len(segment)):
                if i in starts:
                    columns.append((pitch, col))
                    col, row = [], 0
                col.append((k, i, margin + row * fpx * 1.12, text[i], fpx))
                row += 1
            base += len(segment) + 1
        columns.append((pitch, col))
        return row

    # positions ----------------------------------------------------------------
    def _column_cells(self, j: int) -> range:
        """The flat indexes of column ``j``'s cells."""
        end = self._column_starts[j + 1] if j + 1 < len(self._column_starts) else len(self.cells)
        return range(self._column_starts[j], end)

    def _columns_over(self, left: float, right: float) -> range:
        """The columns whose strips reach into ``left``..``right`` (columns run right to left: a range of them)."""
        first = bisect.bisect_right(self._strips, -right, key=lambda strip: -strip[0])
        end = bisect.bisect_left(self._strips, -left, key=lambda strip: -strip[1])
        return range(first, max(first, end))

    def _cell_containing(self, pos: QPointF) -> int | None:
        """The character under ``pos``, found in the column under it (never by looking at every character)."""
        for j in self._columns_over(pos.x(), pos.x()):
            for n in self._column_cells(j):
                if self.cells[n][2].contains(pos):
                    return n
        return None

    def _index_at(self, pos: QPointF) -> int | None:
        """The character under ``pos``, else the one whose centre is nearest it (the sum of the distances across
        and down; the first in reading order of equals): the columns are looked at outwards from the pointer's,
        until a column is farther across than the nearest character found — a pointer event costs a few columns,
        not the article's length."""
        inside = self._cell_containing(pos)
        if inside is not None or not self.cells:
            return inside
        px, py = pos.x(), pos.y()
        centres = [(left + right) / 2 for left, right in self._strips]  # falling
        right_of = bisect.bisect_right(centres, -px, key=lambda c: -c)  # columns 0..right_of-1 lie right of px
        best: tuple[float, int] = (float("inf"), -1)
        for j in _outwards(centres, px, right_of):
            if abs(centres[j] - px) > best[0]:
                break
            for n in self._column_cells(j):
                c = self.cells[n][2].center()
                best = min(best, (abs(c.x() - px) + abs(c.y() - py), n))
        return best[1]

    def selection(self) -> list[DisplayRange]:
        if self.anchor is None or self.caret is None or self.reading is None:
            return []
        a, b = sorted((self.anchor, self.caret))
        if a == b:  # the caret alone: before its character (after the last one at the end)
            k, i = self.cells[min(a, len(self.cells) - 1)][0], self.cells[min(a, len(self.cells) - 1)][1]
            return [(k, i, i)] if a < len(self.cells) else [(k, i + 1, i + 1)]
        out: dict[int, list[int]] = {}
        for n in range(a, b):
            k, i = self.cells[n][0], self.cells[n][1]
            rng = out.setdefault(k, [i, i + 1])
            rng[1] = i + 1
        return [(k, s, e) for k, (s, e) in out.items()]

    def _flat_of(self, k: int, offset: int, end: bool = False) -> int:
        if (k, offset) in self._flat:
            return self._flat[(k, offset)]
        if end and offset > 0 and (k, offset - 1) in self._flat:
            return self._flat[(k, offset - 1)] + 1
        return len(self.cells)

    def select(self, k0: int, s: int, k1: int, e: int) -> None:
        self.anchor = self._flat_of(k0, s)
        self.caret = self._flat_of(k1, e, end=True) if (k1, e) not in self._flat else self._flat[(k1, e)]
        self.update()
        self.selection_moved.emit()

    def reveal(self, k: int, offset: int) -> None:
        n = self._flat.get((k, offset))
        if n is not None:
            c = self.cells[n][2].center()
            self.scroll_area.ensureVisible(int(c.x()), int(c.y()), 80, 80)

    def top_place(self) -> tuple[int, int, int] | None:
        """(k, offset, pixels) of the character at the start of the view (its top right: columns run right to
        left) and how far its column is from the view's right edge."""
        bar = self.scroll_area.horizontalScrollBar()
        right = bar.value() + self.scroll_area.viewport().width()
        # at the start, the first character (a centred headline's top is below the corner: the next column's was
        # taken, and the view switched to horizontal opened past the headline — seen by eye)
        n = 0 if self.cells and bar.value() >= bar.maximum() else self._index_at(QPointF(right - 8, 8))
        if n is None:
            return None
        k, i, rect, _, _ = self.cells[n]
        return k, i, int(right - rect.center().x())

    def put_at_top(self, k: int, offset: int, dx: int) -> None:
        n = self._flat.get((k, offset))
        if n is None:
            return
        bar = self.scroll_area.horizontalScrollBar()
        bar.setValue(int(self.cells[n][2].center().x()) + dx - self.scroll_area.viewport().width())

    def set_marks(self, marks: Sequence[Mark]) -> None:
        self.marks = list(marks)
        self.update()

    def event(self, event: QEvent) -> bool:
        """A tooltip over a marked character says what it is (a correction: what the page has)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            n = self._cell_containing(QPointF(event.pos()))
            note = self.note_at(self.cells[n][0], self.cells[n][1]) if n is not None and self.note_at else None
            if note:
                QToolTip.showText(event.globalPos(), note, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def char_rect(self, k: int, offset: int) -> QRectF:
        n = self._flat.get((k, offset))
        return self.cells[n][2] if n is not None else QRectF()

    def scroll_to_start(self) -> None:
        bar = self.scroll_area.horizontalScrollBar()
        bar.setValue(bar.maximum())

    # the keyboard -------------------------------------------------------------------
    def _column_at(self, place: int) -> int:
        """The column holding the cell at caret position ``place`` (the last column past the end)."""
        return max(0, bisect.bisect_right(self._column_starts, min(place, len(self.cells) - 1)) - 1)

    def _across(self, place: int, columns: int) -> int:
        """The caret position ``columns`` columns on (negative: back), at the same height as ``place``."""
        here = self._column_at(place)
        there = here + columns
        if there < 0:
            return 0
        if there >= len(self._column_starts):
            return len(self.cells)
        inside = place < len(self.cells) and self._column_at(place) == here
        top = self.cells[place][2].top() if inside else self.cells[place - 1][2].bottom()
        start = self._column_starts[there]
        end = self._column_starts[there + 1] if there + 1 < len(self._column_starts) else len(self.cells)
        below = [n for n in range(start, end) if self.cells[n][2].top() >= top - 1]
        return below[0] if below else end  # past a shorter column's foot: its end

    def _moved(self, key: int, place: int, control: bool) -> int | None:
        """Where a key takes the caret from ``place`` (None: not a moving key). Down and Up step through a column
        as it is read; Left and Right go to the next or the last column (columns run right to left)."""
        if key == Qt.Key.Key_Down:
            return min(len(self.cells), place + 1)
        if key == Qt.Key.Key_Up:
            return max(0, place - 1)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            return self._across(place, 1 if key == Qt.Key.Key_Left else -1)
        if key == Qt.Key.Key_Home:
            return 0 if control else self._column_starts[self._column_at(place)]
        if key == Qt.Key.Key_End:
            if control:
                return len(self.cells)
            there = self._column_at(place) + 1
            return self._column_starts[there] if there < len(self._column_starts) else len(self.cells)
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.cells:
            super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.anchor, self.caret = 0, len(self.cells)
        else:
            place = self.caret if self.caret is not None else 0
            moved = self._moved(event.key(), place, bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
            if moved is None:
                super().keyPressEvent(event)
                return
            if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.anchor = moved
            elif self.anchor is None:  # a first Shift+arrow selects from where the caret was
                self.anchor = place
            self.caret = moved
            shown = self.cells[min(moved, len(self.cells) - 1)][2].center()
            self.scroll_area.ensureVisible(int(shown.x()), int(shown.y()), 80, 80)
        self.update()
        self.selection_moved.emit()

    # events -------------------------------------------------------------------------
    def _gap_at(self, pos: QPointF) -> int | None:
        """The gap between characters nearest ``pos``: before the character under it in its upper half, after it in
        its lower half (a column is read downwards), as a caret falls in horizontal text."""
        n = self._index_at(pos)
        if n is None:
            return None
        return n + 1 if pos.y() > self.cells[n][2].center().y() else n

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        n = self._gap_at(event.position())
        if n is not None:
            self.anchor = self.caret = n
            self.update()
            self.selection_moved.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A drag selects from the gap it started at to the one nearest the pointer (from the top of a character to
        its foot: that character; a drag inside one cell selected nothing, into the next both — seen by eye)."""
        if self.anchor is None:
            return
        n = self._gap_at(event.position())
        if n is not None and n != self.caret:
            self.caret = n
            self.update()
            self.selection_moved.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        exposed = QRectF(event.rect())
        marked: dict[tuple[int, int], QColor] = {}
        lined: dict[tuple[int, int], QColor] = {}  # a line beside the character (傍線): a correction
        for (k, s, e), colour, beside in self.marks:
            for i in range(s, e):
                (lined if beside else marked)[(k, i)] = colour
        sel = range(0)
        if self.anchor is not None and self.caret is not None:
            sel = range(*sorted((self.anchor, self.caret)))
        text_colour = pal.color(QPalette.ColorRole.Text)
        secondary = pal.color(QPalette.ColorRole.PlaceholderText)
        font = QFont(self.family)
        current_px = -1.0
        assert self.reading is not None or not self.cells
        columns = self._columns_over(exposed.left(), exposed.right())
        shown = range(self._column_starts[columns[0]], self._column_cells(columns[-1]).stop) if columns else range(0)
        for n in shown:  # the exposed columns' characters only: a paint costs what it shows
            k, i, rect, ch, fpx = self.cells[n]
            if not rect.intersects(exposed):
                continue
            if n in sel:
                painter.fillRect(rect, pal.color(QPalette.ColorRole.Highlight))
            elif (k, i) in marked:
                painter.fillRect(rect, marked[(k, i)])
            if fpx != current_px:
                font.setPixelSize(max(1, int(fpx)))
                role = self.reading.parts[k].role if self.reading else "paragraph"
                font.setBold(role in HEAD_ROLES or role == "section-heading")
                painter.setFont(font)
                current_px = fpx
            role = self.reading.parts[k].role if self.reading else "paragraph"
            if n in sel:
                painter.setPen(pal.color(QPalette.ColorRole.HighlightedText))
            else:
                painter.setPen(secondary if role in SECONDARY_ROLES else text_colour)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, ch)
            if (k, i) in lined:
                self._paint_sideline(painter, rect, lined[(k, i)])
        self._paint_caret(painter)
        painter.end()

    @staticmethod
    def _paint_sideline(painter: QPainter, rect: QRectF, colour: QColor) -> None:
        """A dashed line down the right of a character: vertical type's underline (傍線)."""
        width = max(2.0, rect.width() / 12)
        painter.setPen(QPen(colour, width, Qt.PenStyle.DashLine))
        x = rect.right() - width / 2
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))

    def _paint_caret(self, painter: QPainter) -> None:
        """Where the keyboard is: a short rule across the column above the caret's character (below the last)."""
        if not self.hasFocus() or self.caret is None or not self.cells:
            return
        rect = self.cells[min(self.caret, len(self.cells) - 1)][2]
        y = rect.top() if self.caret < len(self.cells) else rect.bottom()
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 1.5))
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))


class FindBar(QWidget):
    """Find in article (Ctrl+F): a field, previous/next and a count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.setAccessibleName(self.tr("Find in article"))
        self.field.setClearButtonEnabled(True)
        self.prev_button = QToolButton(self)
        self.prev_button.setArrowType(Qt.ArrowType.UpArrow)
        self.prev_button.setAccessibleName(self.tr("Previous match"))
        self.prev_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.next_button.setAccessibleName(self.tr("Next match"))
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.count = QLabel(self)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        for w in (self.field, self.prev_button, self.next_button, self.count, self.close_button):
            lay.addWidget(w)
        lay.setStretch(0, 1)


def _size_step(event: QKeyEvent) -> int:
    """1 for Ctrl+plus (also Ctrl+= and Ctrl+Shift+=, as X11 types a plus on most keyboards), -1 for Ctrl+minus,
    else 0: ``QKeyEvent.matches(ZoomIn)`` missed the plus typed with Shift (seen under xdotool: the page zoomed)."""
    mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    if mods != Qt.KeyboardModifier.ControlModifier:
        return 0
    return {Qt.Key.Key_Plus: 1, Qt.Key.Key_Equal: 1, Qt.Key.Key_Minus: -1}.get(Qt.Key(event.key()), 0)


class ArticleView(QWidget):
    """An article in the display script, horizontal or vertical, with hits, selection and find."""

    #: ids of the source lines under the selection (or the cursor)
    lines_selected = Signal(list)
    #: the current hit changed: (index, count)
    hit_changed = Signal(int, int)
    #: larger (1) or smaller (-1) text asked for over the text: Ctrl+plus, Ctrl+minus, Ctrl+wheel
    text_size_asked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.article: Article | None = None
        self.reading: Reading | None = None
        #: the converter showing an article (given its text) in the chosen script
        self.convert_for: ConverterFor = lambda text: identity
        self.script = ""
        self.font_family: Callable[[str, str], str] = lambda script, text: "Noto Serif CJK SC"
        self.font_size = 17.0
        self.vertical = False
        #: the article's page was set in vertical columns (ECPO): a headline's columns are shown apart
        self.set_in_columns = False
        #: search hits as original ranges, and the current one
        self.hits: list[OriginalRange] = []
        self.current_hit = -1
        #: (the reading, part index → its place as shown), for ordering hits
        self._order_of: tuple[Reading, dict[int, int]] | None = None
        self.found: list[OriginalRange] = []
        self.current_found = -1
        #: the reader's highlights as original ranges, with the annotation id of each
        self.highlights: list[tuple[OriginalRange, str]] = []
        self._last_lines: list[str] = []
        self._quiet = False

        self.text = TextReader(self)
        self.text.note_at = _weakly(self._note_at)
        self.vscroll = QScrollArea(self)
        self.vscroll.setObjectName("verticalScroll")
        self.vreader = VerticalReader(self.vscroll)
        self.vreader.note_at = _weakly(self._note_at)
        self.vscroll.setWidget(self.vreader)
        self.vscroll.setWidgetResizable(False)
        self.vscroll.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # a short article leaves room left of its columns: the page's colour there, not the window's
        self.vscroll.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.vscroll.viewport().setAutoFillBackground(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.vscroll)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.find_bar)

        self.text.selection_moved.connect(self._selection_moved)
        self.vreader.selection_moved.connect(self._selection_moved)
        self.find_bar.field.textChanged.connect(self.find_text)
        self.find_bar.field.returnPressed.connect(self.find_next)
        self.find_bar.next_button.clicked.connect(self.find_next)
        self.find_bar.prev_button.clicked.connect(self.find_previous)
        self.find_bar.close_button.clicked.connect(self.close_find)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_bar)
        esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        esc.activated.connect(self.close_find)
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(60)
        self._relayout_timer.timeout.connect(self._relayout_vertical)
        #: the vertical reader's place when a resize began, kept until the columns are laid out again
        self._place_before_resize: tuple[int, int, int] | None = None
        #: (the reader's place in original characters, where it was shown): kept while the reader does not scroll,
        #: so that successive changes (Ctrl+] twice, a resize back and forth) come back to the same character — each
        #: took the start of the line or column now at the top, and the place drifted a line or a column each time
        self._anchor: tuple[tuple[int, int, int], tuple[int, int, int] | None] | None = None
        self.vscroll.installEventFilter(self)
        self.vscroll.viewport().installEventFilter(self)  # the wheel reads the columns on (:meth:`_wheel`)
        for reader in (self.text, self.text.viewport(), self.vreader):  # the zoom keys and Ctrl+wheel: the text's size
            reader.installEventFilter(self)
        self._turned = 0  # Ctrl+wheel turned (1/120 of a notch) and not yet a step of the text's size

    @property
    def view(self) -> TextReader | VerticalReader:
        return self.vreader if self.vertical else self.text

    # content -------------------------------------------------------------------
    def set_article(self, article: Article | None, hits: Sequence[tuple[int, int]] = ()) -> None:
        """Show ``article`` with search hits given as ranges in ``Article.text``."""
        self.article = article
        self._anchor = None
        self.hits = []
        self.highlights = []
        self.current_hit = -1
        self.found = []
        self.current_found = -1
        self._last_lines = []
        self._quiet = True  # putting the cursor at the start is not a selection of the user's
        try:
            self._render()
        finally:
            self._quiet = False
        if self.reading is not None:
            for start, end in hits:
                self.hits.extend(self.reading.split_article_range(start, end))
            self.hits.sort(key=self._shown_order)
        self._apply_marks()
        if self.hits:
            self.goto_hit(0)
        elif self.find_bar.isVisible() and self.find_bar.field.text():
            self.find_text(self.find_bar.field.text())

    def set_converter(self, script: str, convert_for: ConverterFor) -> None:
        """Change the display script (``convert_for``: an article's text → its converter); the selection stays on
        the same original characters."""
        def change() -> None:
            self.script = script
            self.convert_for = convert_for
        self._restyle(change)

    def set_vertical(self, on: bool) -> None:
        if on == self.vertical:
            return

        def change() -> None:
            self.vertical = on
            self.stack.setCurrentIndex(1 if on else 0)
        self._restyle(change)

    def set_line_height(self, percent: int) -> None:
        """A paragraph's line spacing, in percent of the font's line height (both directions)."""
        def change() -> None:
            self.text.line_height = self.vreader.line_height = int(percent)
        self._restyle(change)

    def set_font_size(self, size: float) -> None:
        def change() -> None:
            self.font_size = max(8.0, min(40.0, size))
        self._restyle(change)

    def _restyle(self, change: Callable[[], None]) -> None:
        """Show the article again after ``change`` to how it is shown: the selection stays on the same original
        characters and the passage read stays at the start of the view (larger text, another script or line
        spacing took the reader back to the article's first line — seen by eye)."""
        selection = self.selection_original()
        place = self._original_place()
        vertical, size = self.vertical, self.font_size
        change()
        self._rerender(selection)
        if place is not None:
            part, start, pixels = place
            # the offset from the view's edge grows with the text; across directions it means nothing
            scaled = 0 if vertical != self.vertical else round(pixels * self.font_size / size)
            self._restore_original_place((part, start, scaled))

    def _original_place(self) -> tuple[int, int, int] | None:
        """:meth:`place` in original characters (part index, offset, pixels): the same after the script changed;
        the place last restored while the reader has not scrolled since (:attr:`_anchor`)."""
        place = self.place()
        if place is None or self.reading is None:
            return None
        if self._anchor is not None and self._anchor[1] == place:
            return self._anchor[0]
        part, start, _end = self.to_original((place[0], place[1], place[1]))
        return part, start, place[2]

    def _headed(self, shown: DisplayRange) -> DisplayRange:
        """``shown``, or the headline not printed shown above it when ``shown`` is the start of the part it heads
        (:attr:`reader.app.reading.ShownPart.supplied`: a place on it is the start of that part)."""
        k = shown[0]
        if shown[1] == 0 and k > 0 and self.reading is not None and self.reading.parts[k - 1].supplied:
            return k - 1, 0, 0
        return shown

    def _restore_original_place(self, place: tuple[int, int, int]) -> None:
        shown = self.to_display((place[0], place[1], place[1]))
        if shown is None:
            return
        shown = self._headed(shown)
        if shown[:2] == (0, 0):  # the start: the article's first line with the margin above it
            if self.vertical:
                self.vreader.scroll_to_start()
            else:
                self.text.verticalScrollBar().setValue(0)
        else:
            self.restore_place((shown[0], shown[1], place[2]))
        self._anchor = (place, self.place())

    def _rerender(self, selection: list[OriginalRange]) -> None:
        self._quiet = True
        try:
            self._render()
            self._apply_marks()
            if selection:
                self.select_original(selection[0][0], selection[0][1], selection[-1][0], selection[-1][2])
        finally:
            self._quiet = False

    def _render(self) -> None:
        QToolTip.hideText()  # a corrected word's note names a word the new layout moves from under the pointer
        if self.article is None:
            self.reading = None
            self.text.clear()
            self.vreader.reading = None
            self.vreader.relayout()
            return
        self.reading = Reading.build(self.article, self.convert_for(self.article.text), columns=self.set_in_columns)
        self._place_before_resize = None
        sample = " ".join(sp.display for sp in self.reading.parts[:6])
        family = self.font_family(self.script, sample)
        if self.vertical:
            self.vreader.set_reading(self.reading, family, self.font_size)
            self.vreader.scroll_to_start()
        else:
            self.text.set_reading(self.reading, family, self.font_size)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if "vscroll" not in self.__dict__:  # an event while the view is made or torn down (a window closing)
            return False
        if watched in (self.text, self.vreader) and isinstance(event, QKeyEvent) and self._sized(event):
            return True
        if isinstance(event, QWheelEvent) and event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and watched in (self.text.viewport(), self.vscroll.viewport()):
            return self._wheel_sized(event)
        if watched is self.vscroll.viewport() and isinstance(event, QWheelEvent):
            return self._wheel(event)
        # before the scroll area takes its new size (and the scroll bar keeps its left offset, while the columns
        # are read from the right): where the reader is, to be brought back once the columns are laid out again
        resized = watched is self.vscroll and event.type() == QEvent.Type.Resize
        if resized and self.vertical and self.reading is not None:
            if self._place_before_resize is None:
                self._place_before_resize = self._original_place()
            # the columns laid out again for the new height once the resizing stops (the window's, or the find
            # bar's taking room under the view)
            self._relayout_timer.start()
        return super().eventFilter(watched, event)

    def _sized(self, event: QKeyEvent) -> bool:
        """Ctrl+plus or Ctrl+minus over the text: taken from the window's page zoom (its shortcut) and asked as a
        step of the text's size. The page zoomed instead, its boxes scrolled off its edge (seen by eye, eye47)."""
        step = _size_step(event)
        if not step:
            return False
        event.accept()  # a ShortcutOverride accepted: the key comes to the text as a key press
        if event.type() == QEvent.Type.KeyPress:
            self.text_size_asked.emit(step)
        return True

    def _wheel_sized(self, event: QWheelEvent) -> bool:
        """Ctrl+wheel over the text: a step of the window's text size a notch (Qt's own zoom of the text browser
        grew it apart from the size the window keeps and shows)."""
        self._turned += event.angleDelta().y()
        steps = int(self._turned / 120)
        if steps:
            self._turned -= steps * 120
            self.text_size_asked.emit(1 if steps > 0 else -1)
        event.accept()
        return True

    def _wheel(self, event: QWheelEvent) -> bool:
        """The wheel in vertical reading: turned down it reads on, to the left (the scroll area gave an up-and-down
        turn to its vertical bar, which has nowhere to go, and a sideways one to a bar whose values run left to
        right). Sideways turns and touchpad pixels move the columns as the fingers do."""
        bar = self.vscroll.horizontalScrollBar()
        pixels, angle = event.pixelDelta(), event.angleDelta()
        if not pixels.isNull():
            step = pixels.y() if abs(pixels.y()) >= abs(pixels.x()) else -pixels.x()
        else:
            turn = angle.y() if abs(angle.y()) >= abs(angle.x()) else -angle.x()
            step = round(turn / 120 * 3 * bar.singleStep())
        bar.setValue(bar.value() + step)
        event.accept()
        return True

    def _relayout_vertical(self) -> None:
        if self.vertical and self.reading is not None:
            QToolTip.hideText()  # the columns move under the pointer: a corrected word's note with them
            selection = self.selection_original()
            place, self._place_before_resize = self._place_before_resize or self._original_place(), None
            self.vreader.relayout()
            if selection:
                self._quiet = True
                self.select_original(selection[0][0], selection[0][1], selection[-1][0], selection[-1][2])
                self._quiet = False
            if place is not None:
                self._restore_original_place(place)

    def place(self) -> tuple[int, int, int] | None:
        """Where the reader is: (k, display offset, pixels) of the character at the start of the view."""
        return self.view.top_place() if self.reading is not None else None

    def first_part_shown(self) -> int | None:
        """The index in the article of the first part the view shows with source lines: parts are shown in reading
        order (a merged article's furniture line, first in the source, is read last)."""
        if self.article is None or self.reading is None:
            return None
        parts = self.article.parts
        return next((sp.index for sp in self.reading.parts
                     if not sp.supplied and sp.index < len(parts) and parts[sp.index].line_ids), None)

    def kept_place(self) -> KeptPlace | None:
        """Where the reader is — the words at the top of the view, the caret and what it selected — by their words
        (:mod:`reader.app.readplace`), to be found again once the article's text changed (:meth:`restore_kept_place`).
        """
        if self.article is None or self.reading is None:
            return None
        # a reader at the article's start stays at its start: a merge reads the headline group first, and the old
        # first paragraph kept at the top hid the merged article's headline above the edge (seen by eye)
        place = self.place()
        top = None if place is not None and place[:2] == (0, 0) else self._original_place()
        kept = keep([p.text for p in self.article.parts], top, self.selection_original())
        return dataclasses.replace(kept, lit=bool(self._last_lines))  # the page lights the reader's, or nothing

    def finds(self, kept: KeptPlace) -> bool:
        """Whether the words at the top of the view :meth:`kept_place` kept are in the article shown."""
        return self.article is not None and found_again(kept, [p.text for p in self.article.parts])[0] is not None

    def restore_kept_place(self, kept: KeptPlace | None) -> None:
        """The view and the caret back on the words :meth:`kept_place` kept, in the article as it reads now; where
        those words are gone, the article's start and no selection — never the old offsets, in other words now (seen
        by the by-eye tester after File → Read every file again inserted a paragraph above the reader's place)."""
        if kept is None or self.article is None or self.reading is None:
            return
        top, selection = found_again(kept, [p.text for p in self.article.parts])
        if selection is not None:
            # the page lights it again when it lit it before: the caret the window put at the article's start is
            # nobody's selection (restored aloud, it lit the headline's line after an import elsewhere: seen by eye)
            self._quiet = not kept.lit
            try:
                self.select_original(selection[0], selection[1], selection[0], selection[2])
            finally:
                self._quiet = False
        if top is not None:
            self._restore_original_place(top)
        elif self.vertical:
            self.vreader.scroll_to_start()
        else:
            self.text.verticalScrollBar().setValue(0)

    def put_line_at_top(self, line_id: str) -> bool:
        """The words of the source line ``line_id`` at the top of the view (False when the article has none)."""
        found = self.reading.locate_line(line_id, 0) if self.reading is not None else None
        if found is None:
            return False
        self._restore_original_place((found[0], found[1], 0))
        return True

    def restore_place(self, place: tuple[int, int, int] | None) -> None:
        """Bring the character :meth:`place` found back to the start of the view (the text may have changed)."""
        if place is not None and self.reading is not None:
            self.view.put_at_top(*place)

    # coordinates ------------------------------------------------------------------
    def _k(self, part_index: int) -> int | None:
        if self.reading is None:
            return None
        for k, sp in enumerate(self.reading.parts):
            if sp.index == part_index and not sp.supplied:  # a headline not printed is shown before the part
                return k
        return None

    def to_display(self, rng: OriginalRange) -> DisplayRange | None:
        k = self._k(rng[0])
        if k is None or self.reading is None:
            return None
        s, e = self.reading.parts[k].display_range(rng[1], rng[2])
        return k, s, e

    def to_original(self, rng: DisplayRange) -> OriginalRange:
        assert self.reading is not None
        sp = self.reading.parts[rng[0]]
        s, e = sp.original_range(rng[1], rng[2])
        return sp.index, s, e

    # selection ----------------------------------------------------------------------
    def selection_original(self) -> list[OriginalRange]:
        """The selection as original ranges (part index, start, end); a bare cursor gives start == end."""
        if self.reading is None:
            return []
        return [self.to_original(r) for r in self.view.selection()]

    def selected_text(self) -> str:
        """The selected characters as displayed."""
        if self.reading is None:
            return ""
        # a part a paragraph (its break kept: copied quotations ran two paragraphs together, "für dieDappenthal."),
        # a headline's columns one to a line
        shown = "\n".join(self.reading.parts[k].display[s:e] for k, s, e in self.view.selection())
        return shown.replace(LINE_SEPARATOR, "\n")

    def select_original(self, part0: int, start: int, part1: int | None = None, end: int | None = None) -> None:
        """Select original characters from (part0, start) to (part1, end)."""
        part1 = part0 if part1 is None else part1
        end = start if end is None else end
        a = self.to_display((part0, start, start))
        b = self.to_display((part1, end, end))
        if a is None or b is None:
            return
        self.view.select(a[0], a[1], b[0], b[2])
        self.view.reveal(a[0], a[1])
        self._selection_moved()

    def current_part(self) -> int | None:
        """Article part index at the cursor; None in a headline the page does not print (a correction "at the
        cursor" made there would be made on the part after it)."""
        shown = self.view.selection() if self.reading is not None else []
        if not shown or self.reading is None or self.reading.parts[shown[0][0]].supplied:
            return None
        return self.to_original(shown[0])[0]

    def _selection_moved(self) -> None:
        if self.reading is None:
            return
        lines = self.reading.lines_of(self.selection_original())
        if lines != self._last_lines and not self._quiet:
            self._last_lines = lines
            self.lines_selected.emit(lines)

    def reveal_line(self, line_id: str, offset: int = 0) -> int | None:
        """Put the cursor on the character from ``line_id`` at ``offset``; returns the part index."""
        if self.reading is None:
            return None
        found = self.reading.locate_line(line_id, offset)
        if found is None:
            return None
        part, orig = found
        sp = self.reading.shown(part)
        assert sp is not None
        # select the characters this line gave to the paragraph, cursor on the clicked one
        mine = [(s.start, s.end) for s in sp.part.spans if s.line == line_id]
        lo = min(s for s, _ in mine)
        hi = max(e for _, e in mine)
        self.select_original(part, lo, part, hi)
        k = self._k(part)
        if k is not None:
            self.view.reveal(k, self.reading.parts[k].display_range(orig, orig)[0])
        return part

    # highlights ---------------------------------------------------------------------------
    def set_highlights(self, ranges: Sequence[tuple[str, int, int]]) -> None:
        """Mark the reader's highlights: (annotation id, start, end) in ``Article.text``."""
        self.highlights = []
        if self.reading is not None:
            for aid, start, end in ranges:
                for rng in self.reading.split_article_range(start, end):
                    self.highlights.append((rng, aid))
        self._apply_marks()

    def highlight_lines(self) -> list[str]:
        """Ids of the source lines under the reader's highlights."""
        return self.reading.lines_of([r for r, _ in self.highlights]) if self.reading else []

    def highlight_ids_at(self, part: int, offset: int) -> list[str]:
        """Annotation ids of the highlights covering an original position."""
        return [aid for (p, s, e), aid in self.highlights if p == part and s <= offset < e]

    def selection_article_range(self) -> tuple[int, int] | None:
        """The selection as (start, end) in ``Article.text``; None without a selection."""
        sel = [r for r in self.selection_original() if r[2] > r[1]]
        if not sel or self.reading is None:
            return None
        starts = self.reading.part_starts()
        return starts[sel[0][0]] + sel[0][1], starts[sel[-1][0]] + sel[-1][2]

    def selection_in_text(self) -> tuple[int, int] | None:
        """The selection as (start, end) in ``Article.text``, the bare cursor as start == end; None: nothing shown."""
        sel = self.selection_original()
        if not sel or self.reading is None:
            return None
        starts = self.reading.part_starts()
        return starts[sel[0][0]] + sel[0][1], starts[sel[-1][0]] + sel[-1][2]

    def select_in_text(self, start: int, end: int) -> None:
        """Select ``Article.text[start:end]`` (the cursor put at ``start`` when it is empty)."""
        if self.reading is not None:
            self.select_original(*self.reading.part_offset(start), *self.reading.part_offset(end))

    def place_in_text(self) -> tuple[int, int] | None:
        """:meth:`place` as (offset in ``Article.text``, pixels)."""
        place = self._original_place()
        if place is None or self.reading is None:
            return None
        return self.reading.part_starts()[place[0]] + place[1], place[2]

    def restore_place_in_text(self, place: tuple[int, int] | None) -> None:
        """Bring the character at ``Article.text`` offset ``place[0]`` back to where :meth:`place_in_text` found it."""
        if place is None or self.reading is None:
            return
        part, offset = self.reading.part_offset(place[0])
        shown = self.to_display((part, offset, offset))
        if shown is not None:
            self.restore_place((shown[0], shown[1], place[1]))

    def select_article_range(self, start: int, end: int) -> None:
        """Select ``Article.text[start:end]`` and scroll to it."""
        if self.reading is None:
            return
        pieces = self.reading.split_article_range(start, end)
        if pieces:
            self.select_original(pieces[0][0], pieces[0][1], pieces[-1][0], pieces[-1][2])

    # hits ---------------------------------------------------------------------------------
    def _apply_marks(self) -> None:
        if self.reading is None:
            return
        # a headline the page does not print is marked as a corrected word is: shown, never as if printed
        marks: list[Mark] = [((k, 0, len(sp.display)), CORRECTED_COLOR, True)
                             for k, sp in enumerate(self.reading.parts) if sp.supplied]
        for rng in self.corrected:
            d = self.to_display(rng)
            if d is not None:
                marks.append((d, CORRECTED_COLOR, True))
        for rng, _aid in self.highlights:
            d = self.to_display(rng)
            if d is not None:
                marks.append((d, HIGHLIGHT_COLOR, False))
        for i, rng in enumerate(self.hits):
            d = self.to_display(rng)
            if d is not None:
                marks.append((d, CURRENT_HIT_COLOR if i == self.current_hit else HIT_COLOR, False))
        for i, rng in enumerate(self.found):
            d = self.to_display(rng)
            if d is not None:
                marks.append((d, CURRENT_HIT_COLOR if i == self.current_found else FIND_COLOR, False))
        self.view.set_marks(marks)

    @property
    def corrected(self) -> list[OriginalRange]:
        """The words of the article shown that the reader corrected, as original ranges (part index, start,
        end); none when the OCR's reading is shown."""
        if self.article is None:
            return []
        return [(p, *_marked_span(r, len(part.text))) for p, part in enumerate(self.article.parts)
                for r in joined_replacements(part.replaced)]

    def correction_note(self, part: int, offset: int) -> str | None:
        """What the window says of a corrected word at ``offset`` of part ``part`` (original offsets): what the
        page's OCR has there; None elsewhere."""
        if self.article is None or not 0 <= part < len(self.article.parts):
            return None
        length = len(self.article.parts[part].text)
        for r in joined_replacements(self.article.parts[part].replaced):
            start, end = _marked_span(r, length)
            if start <= offset < end:
                if r.start == r.end:
                    return self.tr("Your correction removed “%1” here.").replace("%1", r.was)
                was = said(self.article.parts[part].text, r)[1]  # the whole word, not the letters changed
                return self.tr("Your correction. The OCR text reads “%1”.").replace("%1", was)
        return None

    def _note_at(self, k: int, offset: int) -> str | None:
        """:meth:`correction_note` at a display place (part shown ``k``, display ``offset``)."""
        if self.reading is None or not 0 <= k < len(self.reading.parts):
            return None
        sp = self.reading.parts[k]
        if sp.supplied:
            return self.tr("Not printed on the page: the headline a correction or the publisher's record gives.")
        return self.correction_note(sp.index, sp.to_orig[max(0, min(offset, len(sp.display)))])

    def hit_lines(self) -> list[str]:
        """Ids of the source lines every hit came from."""
        return self.reading.lines_of(self.hits) if self.reading else []

    def goto_hit(self, i: int) -> None:
        if not self.hits:
            return
        self.current_hit = i % len(self.hits)
        self._apply_marks()
        d = self.to_display(self.hits[self.current_hit])
        if d is not None:
            self.view.reveal(d[0], d[1])
        self.hit_changed.emit(self.current_hit, len(self.hits))

    def _shown_order(self, rng: tuple[int, int, int]) -> tuple[int, int]:
        """Where a (part, start, end) range is read: the part's place as shown (a headline group is shown first
        whatever the order of the stored parts), then its start — the order F4 steps through hits in."""
        if self.reading is None:
            return rng[0], rng[1]
        if self._order_of is None or self._order_of[0] is not self.reading:
            self._order_of = (self.reading, {sp.index: k for k, sp in enumerate(self.reading.parts)})
        return self._order_of[1].get(rng[0], len(self._order_of[1]) + rng[0]), rng[1]

    def mark_hits(self, hits: Sequence[tuple[int, int]]) -> None:
        """Mark these search hits (ranges of ``Article.text``) in the article shown, none of them current: the text,
        the scroll and the selection stay (the shown search was asked again, e.g. after a correction)."""
        self.hits = sorted((r for start, end in hits for r in (self.reading.split_article_range(start, end)
                                                                if self.reading is not None else [])),
                           key=self._shown_order)
        self.current_hit = -1
        self._apply_marks()

    def clear_hits(self) -> None:
        """Unmark the search hits (a new search is on its way); the text, the scroll and the selection stay."""
        if self.hits:
            self.hits = []
            self.current_hit = -1
            self._apply_marks()

    def next_hit(self) -> None:
        self.goto_hit(self.current_hit + 1)

    def previous_hit(self) -> None:
        self.goto_hit(self.current_hit - 1)

    # find in article ------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.show()
        self.find_bar.field.setFocus()
        self.find_bar.field.selectAll()

    def close_find(self) -> None:
        self.find_bar.hide()
        self.found = []
        self.current_found = -1
        self._apply_marks()
        self.view.setFocus()

    def find_text(self, needle: str) -> int:
        """Mark every occurrence of ``needle`` in the article; returns the count.

        Text and needle are folded as search folds them (script, width, case,
        accents), so 苏联 finds 蘇聯 whatever the display script.
        """
        self.found = []
        self.current_found = -1
        folded_needle = textforms.fold_query(needle) if needle else ""
        if self.reading is not None and folded_needle:
            for k, sp in enumerate(self.reading.parts):
                if sp.supplied:  # not the article's text (search does not find it there either)
                    continue
                # a headline's columns are found across the line kept between them (協定 | 蘇召)
                kept = [i for i, ch in enumerate(sp.display) if ch != LINE_SEPARATOR]
                flat = "".join(sp.display[i] for i in kept)
                hay, omap = textforms.fold(flat)
                i = hay.find(folded_needle)
                while i >= 0:
                    s, e = textforms.to_original(omap, i, i + len(folded_needle), len(flat))
                    self.found.append(self.to_original((k, kept[s], kept[e - 1] + 1)))
                    i = hay.find(folded_needle, i + len(folded_needle))
        if self.found:
            self.current_found = 0
            self._reveal_found()
        self._apply_marks()
        self.find_bar.count.setText(self.tr("%n match(es)", "", len(self.found)) if needle else "")
        return len(self.found)

    def _reveal_found(self) -> None:
        d = self.to_display(self.found[self.current_found])
        if d is not None:
            self.view.reveal(d[0], d[1])

    def find_next(self) -> None:
        if self.found:
            self.current_found = (self.current_found + 1) % len(self.found)
            self._reveal_found()
            self._apply_marks()

    def find_previous(self) -> None:
        if self.found:
            self.current_found = (self.current_found - 1) % len(self.found)
            self._reveal_found()
            self._apply_marks()
