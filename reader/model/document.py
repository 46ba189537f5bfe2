"""The document model shared by every reader, the segmenter, the library and the GUI.

Publication → Issue → Page → Block → Line → Word, and on top of the layout the
Article: an ordered list of Parts, each with a role, its reflowed text and a map
from every character of that text back to (line id, offset in the line).

Everything here is plain data (dataclasses), free of Qt and of any format.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from reader.model import graphemes

Box = tuple[float, float, float, float]
"""(x0, y0, x1, y1) in the page's own pixel space (see Page.units)."""

#: Roles a part of an article can have (DESIGN.md, "The model").
ROLES = (
    "kicker",
    "headline",
    "subheadline",
    "byline",
    "dateline",
    "paragraph",
    "section-heading",
    "caption",
    "credit",
    "editors-note",
    "column-label",
    "advertisement",
    "furniture",
    "noise",
)

#: Where the reading order puts a part, by role: the groups that go before the body, in this order
#: (the column label and series title, the headline group, bylines and datelines, the editor's note).
READING_HEAD = (("column-label",), ("kicker",), ("headline",), ("subheadline",), ("byline", "dateline"),
                ("editors-note",))
#: Roles read after the body, before the noise: page furniture (a running head, the page's editors "本版责编…", a
#: folio) is no part of the text it sits by — merged with the report under it, "本版责编…" was read between the
#: report's dateline and its first paragraph (seen by eye, trust44).
READING_AFTER = ("furniture",)
#: Roles that come last in the reading order (stray OCR marks).
READING_LAST = ("noise",)
#: Roles of the headline group proper (what a page sets in display type).
HEADLINE_ROLES = ("column-label", "kicker", "headline", "subheadline")

#: Kinds of article.
KINDS = ("article", "photo", "advertisement", "notice", "furniture")


@dataclass
class Word:
    """One word (or glyph run) of a line where the source has word boxes."""

    text: str
    box: Box | None = None
    confidence: float | None = None
    #: offset of the word's first character in its line's text
    start: int = 0


@dataclass
class Line:
    """One line of the source, the unit every character of reflowed text maps back to.

    For plain text pages ``text`` is the raw line (leading spaces included),
    ``leading`` counts those spaces and ``blank_after`` records whether an empty
    line followed it: these are evidence for reflow and segmentation.
    """

    id: str
    text: str
    box: Box | None = None
    baseline: tuple[tuple[float, float], ...] | None = None
    leading: int = 0
    blank_after: bool = False
    words: list[Word] = field(default_factory=list)
    #: font size in points where the source gives one (ALTO styles, hOCR x_fsize)
    font_size: float | None = None
    #: the line ends in a hyphen the source marks as a line-end hyphenation (ALTO HYP)
    hyphenated: bool = False
    #: the whole word a hyphenated line-final fragment belongs to (ALTO SUBS_CONTENT)
    hyphen_word: str | None = None
    #: 1-based line number in the source file where that means something
    source_line: int | None = None
    #: what the source says the line is, as a role of ROLES ("headline", "paragraph", "furniture", …):
    #: PAGE TextLine ``custom="structure {type:…}"``, hOCR ``ocr_header``/``ocr_caption`` and the like.
    #: An explicit type wins over any guess from size or position.
    type: str | None = None


@dataclass
class Block:
    """A region of the page: a text block, an illustration, an advert, a table."""

    id: str
    lines: list[Line] = field(default_factory=list)
    box: Box | None = None
    polygon: tuple[tuple[float, float], ...] | None = None
    #: what the source says the block is (ALTO ComposedBlock TYPE, PAGE region type, ECPO div type)
    type: str = "text"
    #: position in the source's reading order where known
    order: int | None = None
    vertical: bool = False
    font_size: float | None = None


@dataclass
class Page:
    """One page of an issue as read from one source file."""

    number: int
    lines: list[Line] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    #: the unit the source measures in; boxes in the model are always converted to pixels
    units: str = "pixel"
    #: multiply model coordinates by this to get image pixels (None: no image known)
    image_scale: float | None = None
    image: str | None = None
    source: str | None = None
    label: str | None = None
    vertical: bool = False

    def line_index(self) -> dict[str, Line]:
        return {line.id: line for line in self.lines}


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` of a part is ``line.text[line_start:line_start + end - start]``."""

    start: int
    end: int
    line: str
    line_start: int


@dataclass(frozen=True)
class Replacement:
    """``text[start:end]`` of a part is a reader's correction of ``was``, the OCR's reading, made on source line
    ``line``."""

    start: int
    end: int
    line: str
    was: str


def joined_replacements(replaced: list[Replacement]) -> list[Replacement]:
    """``replaced`` (in text order) with corrections side by side read as one, as the reader made them: a word the
    reflow joined from two lines ("embez-" / "zied") corrected at once is one correction a line, shown as one mark
    with the OCR's whole reading. Each keeps the first one's line (``Part.replaced`` keeps every line)."""
    out: list[Replacement] = []
    for r in replaced:
        last = out[-1] if out else None
        if last is not None and last.end == r.start:
            out[-1] = Replacement(last.start, r.end, last.line, last.was + r.was)
        else:
            out.append(r)
    return out


def said(text: str, r: Replacement) -> tuple[str, str]:
    """A correction as a reader names it: (the words it made, the words the OCR read), widened to the whole
    Latin word it is in (a correction of "lination" in "obslination" is of the word), and a removal with the
    character on each side (so there is something to find)."""
    start, end = r.start, r.end
    while start > 0 and _in_word(text[start - 1]):
        start -= 1
    while end < len(text) and _in_word(text[end]):
        end += 1
    if start == end:
        start, end = max(0, start - 1), min(len(text), end + 1)
    before, after = text[start:r.start], text[r.end:end]
    return text[start:end], before + r.was + after


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the whitespace at its ends, widened to the whole words its ends cut: a Latin (or
    Greek, Cyrillic …) word's letters, its combining marks included (Fraktur's aͤ); CJK characters each stand alone.
    Whitespace only is kept as given."""
    lo, hi = max(0, start), min(end, len(text))
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if lo == hi:
        return start, end
    while lo > 0 and _in_word(text[lo - 1]) and _in_word(text[lo]):
        lo -= 1
    while hi < len(text) and _in_word(text[hi - 1]) and _in_word(text[hi]):
        hi += 1
    return lo, hi


def _in_word(ch: str) -> bool:
    """A letter, digit or combining mark of a Latin (or Greek, Cyrillic …) word: not CJK, where each character stands
    alone."""
    return (ch.isalnum() or unicodedata.combining(ch) > 0) and ord(ch) < 0x2E80


@dataclass
class Part:
    """One part of an article: a headline, a paragraph, a byline …

    ``spans`` map the reflowed ``text`` back to the source lines; characters not
    covered by any span were inserted by reflow (a space joining two Latin lines),
    or put there by a reader's OCR correction: ``replaced`` holds those ranges of a
    corrected reading, each on the line it was made in, with what the OCR read there.
    """

    role: str
    text: str
    spans: list[Span] = field(default_factory=list)
    replaced: list[Replacement] = field(default_factory=list)

    @property
    def line_ids(self) -> list[str]:
        """The source lines the part shows, each once, in the order they first appear (linear: a dict)."""
        return list(dict.fromkeys(span.line for span in self.spans))

    def locate(self, offset: int) -> tuple[str, int] | None:
        """(line id, offset in that line) of the character at ``offset`` in ``text``.

        An inserted character maps to the nearest source character before it.
        """
        if not self.spans:
            return None
        starts = [span.start for span in self.spans]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            i = 0
        span = self.spans[i]
        if offset < span.end:
            return span.line, span.line_start + max(0, offset - span.start)
        return span.line, span.line_start + (span.end - span.start) - 1 if span.end > span.start else span.line_start

    def offsets_in_line(self, line_id: str) -> list[tuple[int, int, int]]:
        """(text start, text end, line start) of every span of ``line_id``."""
        return [(s.start, s.end, s.line_start) for s in self.spans if s.line == line_id]


@dataclass
class Article:
    """An article (or advert, photo, notice, page furniture) cut from one or more pages."""

    id: str
    kind: str = "article"
    parts: list[Part] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    #: a title the publisher's metadata gives (METS/MODS), preferred over the text's own headline
    title: str | None = None

    def first(self, role: str) -> str | None:
        for part in self.parts:
            if part.role == role:
                return part.text
        return None

    @property
    def headline(self) -> str | None:
        return self.title or self.first("headline")

    @property
    def kicker(self) -> str | None:
        return self.first("kicker")

    @property
    def subheadline(self) -> str | None:
        return self.first("subheadline")

    @property
    def byline(self) -> str | None:
        return self.first("byline")

    @property
    def dateline(self) -> str | None:
        return self.first("dateline")

    def paragraphs(self) -> list[Part]:
        return [p for p in self.parts if p.role == "paragraph"]

    def line_ids(self) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        for part in self.parts:
            for line_id in part.line_ids:
                if line_id not in seen:
                    seen.add(line_id)
                    out.append(line_id)
        return out

    @property
    def text(self) -> str:
        """The article's full reflowed text, parts separated by blank lines."""
        return "\n\n".join(p.text for p in self.parts)


@dataclass
class Document:
    """What one source file (or package) gives: pages, articles and metadata."""

    source: str
    format: str
    pages: list[Page] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    #: publication, date (ISO), edition, issue label … as far as the source tells
    metadata: dict[str, str] = field(default_factory=dict)
    #: problems that did not stop the reading (a missing image, an unresolved reference)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> Iterator[Line]:
        for page in self.pages:
            yield from page.lines


def iter_lines(pages: Iterable[Page]) -> Iterator[Line]:
    for page in pages:
        yield from page.lines


def reading_order(article: Article) -> list[int]:
    """Indexes of ``article.parts`` in the order a reader reads them, the one order every view and export uses.

    The column label and series title, the kicker, headline and subheadline, bylines and datelines, the
    editor's note, then the body in the page's order, page furniture after it, and stray noise last. Parts
    keep the order of their source (the segmenter never moves them: corrections name parts by index and
    article ids are anchored on the first source line), and a PDF text dump often prints the headline group
    after the body, so the order is made here. What follows the last body part with no headline among it —
    a signature, a closing dateline, an editor's afterword — is where the page prints it: at the end, before
    the furniture and the noise.
    """
    return reading_order_of([p.role for p in article.parts])


#: the parts that do not name an article printed with no headline: who wrote it, where and when, labels, stray marks
_NOT_NAMING = frozenset({"column-label", "byline", "dateline", "credit", "furniture", "noise"})


def first_words(article: Article, n: int = 20) -> str:
    """The words an article printed with no headline is known by: the start of the first part the reader reads that
    is its text — a crosshead, a paragraph, a caption (not its byline, dateline or label) —, ``n`` characters, "…"
    after them when cut. A piece split off at a crosshead was named by the paragraph under it."""
    part = naming_part(article)
    return cut_at_word(" ".join(part.text.split()) if part is not None else "", n)


#: marks a word runs on through (a cut after them is inside the word): "Moskito-Kannibalen", "d'Amsterdam"
_IN_WORD = frozenset("-‐'’")


def _parts_words(before: str, after: str) -> bool:
    """True when a cut between the characters ``before`` and ``after`` falls between words: beside a space, beside a
    CJK character (each one stands alone: 老丁名叫 is cut anywhere), or before a stop or a bracket."""
    if before.isspace() or after.isspace():
        return True
    if unicodedata.east_asian_width(before) in "WF" or unicodedata.east_asian_width(after) in "WF":
        return True
    return not after.isalnum() and after not in _IN_WORD


def cut_at_word(text: str, n: int) -> str:
    """``text`` in ``n`` characters at most, "…" after it when cut — at a word's end, never inside a word of a script
    that parts its words by spaces ("[aber wird nichts erf…]" was read as a word of the page, seen by eye); Chinese,
    Japanese and Korean characters are cut between any two. A first word longer than ``n`` is cut in it. No cut
    parts a letter from its combining mark ("[Zu dieſer Aufkla…]" lost the small e over the a, U+0364, seen by
    eye) nor an ideograph from its variation selector (:mod:`reader.model.graphemes`)."""
    if len(text) <= n:
        return text
    cut = graphemes.floor(text, n)
    while cut > 0 and not (_parts_words(text[cut - 1], text[cut]) and graphemes.is_boundary(text, cut)):
        cut -= 1
    return (text[:cut].rstrip() if cut > 0 else graphemes.head(text, n) or text[:graphemes.ceil(text, 1)]) + "…"


def naming_part(article: Article) -> Part | None:
    """The part whose first words name an article printed with no headline (:func:`first_words`)."""
    shown = [p for p in (article.parts[i] for i in reading_order(article)) if p.text.strip()]
    return next((p for p in shown if p.role not in _NOT_NAMING), shown[0] if shown else None)


def supplied_title(article: Article, n: int = 20) -> str:
    """What an article is listed, exported and cited under: its headline, else its :func:`first_words` in square
    brackets — supplied, not printed, as a catalogue supplies a title:
    "[老丁名叫丁冬，原是河南省开封市政府办公室…]"."""
    headline = " ".join((article.headline or "").split())
    if headline:
        return headline
    words = first_words(article, n)
    return f"[{words}]" if words else "[untitled]"


def unprinted_headline(article: Article) -> str | None:
    """The article's headline when no part of its headline group prints it — a title the publisher's record gives or
    the reader set (``broadsheet correct headline --text``) — else None: the reading view shows it where
    :func:`unprinted_at` puts it, as the exports head the article with it (the view started at the dateline of an
    article the reader had given a headline, seen by eye)."""
    title = " ".join((article.title or "").split())
    if not title:
        return None
    printed = ("".join(p.text.split()) for p in article.parts if p.role in ("kicker", "headline", "subheadline"))
    return None if "".join(title.split()) in printed else title


def unprinted_at(roles: Sequence[str]) -> int:
    """Where a headline no part prints goes among parts of ``roles`` in the reading order: before the first headline
    or subheadline, else after the column label and kicker that open the article."""
    at = next((k for k, role in enumerate(roles) if role in ("headline", "subheadline")), None)
    if at is None:
        at = 0
        while at < len(roles) and roles[at] in ("column-label", "kicker"):
            at += 1
    return at


def reading_order_of(roles: Sequence[str]) -> list[int]:
    """:func:`reading_order` of parts with these roles (what a reader of stored parts knows without the parts).
    Linear in the parts (the concordance asks it of every article with two occurrences or more)."""
    body = [i for i, r in enumerate(roles) if r not in _HEAD_GROUP and r not in READING_LAST and r not in READING_AFTER]
    closing: list[int] = []
    if body:
        tail = [i for i in range(body[-1] + 1, len(roles)) if roles[i] not in READING_LAST
                and roles[i] not in READING_AFTER]
        if not any(roles[i] in HEADLINE_ROLES for i in tail):
            closing = tail
    shut = set(closing)
    head = sorted((i for i, r in enumerate(roles) if r in _HEAD_GROUP and i not in shut),
                  key=lambda i: _HEAD_GROUP[roles[i]])  # stable: within a group, in the source's order
    return (head + body + closing + [i for i, r in enumerate(roles) if r in READING_AFTER]
            + [i for i, r in enumerate(roles) if r in READING_LAST])


#: each role of the headline group → its group's place in :data:`READING_HEAD`
_HEAD_GROUP = {role: g for g, group in enumerate(READING_HEAD) for role in group}

