"""What the reading views show of an article, and the offset maps between its text forms.

An article is shown part by part in a display script. For each part this keeps
the original text (the core's reflowed text, which spans map to source lines),
the display text, and maps both ways between them, so a selection, a search
hit or a click lands on the same characters whatever the script. Offsets are
Python (code point) offsets; :func:`utf16_offsets` converts for Qt, whose
strings count UTF-16 units (OpenCC maps some characters to astral ones).

No Qt here: these are plain objects the views and the tests share.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from reader.model.document import Article, Part, reading_order, unprinted_at, unprinted_headline
from reader.text import forms as textforms
from reader.text.chars import is_cjk

log = logging.getLogger(__name__)

#: (display text, map from every display offset — and the end — to the original offset)
Converted = tuple[str, list[int]]
Converter = Callable[[str], Converted]
#: an article's text → the converter that shows it in the script the reader chose
ConverterFor = Callable[[str], Converter]

#: Roles of the headline group, set apart from the body.
HEAD_ROLES = ("kicker", "headline", "subheadline")
#: Vertical presentation forms for punctuation in 直排 (one character for one: offsets hold).
VERTICAL_FORMS = str.maketrans({
    "，": "︐", "、": "︑", "。": "︒", "：": "︓", "；": "︔", "！": "︕", "？": "︖",
    "「": "﹁", "」": "﹂", "『": "﹃", "』": "﹄", "“": "﹁", "”": "﹂", "‘": "﹃", "’": "﹄",
    "（": "︵", "）": "︶", "(": "︵", ")": "︶", "《": "︽", "》": "︾", "〈": "︿", "〉": "﹀",
    "【": "︻", "】": "︼", "〔": "︹", "〕": "︺", "—": "︱", "…": "︙", "─": "│",
    # the other marks Unicode has a vertical form of (tests/app/test_vertical_forms.py derives them from the names),
    # and the Jing bao's midline ellipsis and horizontal bar, which lay across its columns
    "〖": "︗", "〗": "︘", "‥": "︰", "–": "︲", "－": "︲", "＿": "︳", "﹏": "︴", "｛": "︷", "｝": "︸",
    "［": "﹇", "］": "﹈", "[": "﹇", "]": "﹈", "⋯": "︙", "―": "︱",
})

#: Separator between parts in ``Article.text`` (the coordinates search hits come in).
PART_SEPARATOR = "\n\n"


def identity(text: str) -> Converted:
    return text, list(range(len(text) + 1))


@dataclass(frozen=True)
class StoredScript:
    """The script a correction of an article's text is stored in, when the view shows the article in another."""

    #: "simplified" or "traditional": the source's, as the page prints it
    stored: str
    #: the display script the reader chose (an OpenCC configuration: "s2t", "s2tw", "t2s" …)
    shown: str
    #: the configuration the view shows the article by (:func:`textforms.config_for`: "t2tw" for a traditional
    #: source read in 臺灣); "" when not known
    by: str = ""


#: the OpenCC configuration that takes a text shown by a configuration back to the script it is stored in
BACK = {"s2t": "t2s", "s2tw": "tw2s", "s2twp": "tw2sp", "s2hk": "hk2s", "t2s": "s2t", "tw2s": "s2tw", "hk2s": "s2hk",
        "tw2sp": "s2twp", "t2tw": "tw2t", "t2hk": "hk2t", "tw2t": "t2tw", "hk2t": "t2hk", "t2jp": "jp2t",
        "jp2t": "t2jp"}


#: the configurations whose output is simplified script: a simplified source read by one is read in its own script
#: (seen by eye: in 简体 the Correct dialog said the correction was stored "not in 简体, the script you are reading it
#: in", and offered 为政为政 typed over 为政 to be stored as 为政爲政 — s2t, the undoing of t2s, over simplified text)
TO_SIMPLIFIED = frozenset({"t2s", "tw2s", "tw2sp", "hk2s"})


def stored_form(config: str, original: str, typed: str) -> str:
    """``typed`` — a correction of ``original`` (as stored: in the source's script), typed by a reader who reads
    the article shown by the configuration ``config`` — in the source's script: characters the reader left as
    they were stay as stored, and those typed are taken back by the configuration that undoes ``config``
    (:data:`BACK`; a character typed in the source's script stays). Seen by eye: reading the 人民日报 in 臺灣, a
    reader corrected 发改委 by typing what they saw, 發展改革委, and traditional characters were stored among the
    page's simplified ones. The result may differ from what the page prints (t2s makes 乾 干; s2t makes 干 幹): the
    window asks before storing it (never silently)."""
    if config not in BACK or not textforms.CJK_RE.search(typed):
        return typed
    shown, omap = textforms.display(original, config)
    to_orig = list(omap) + [len(original)]
    back = textforms.converter(BACK[config])
    out: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, shown, typed, autojunk=False).get_opcodes():
        if op == "equal":  # as offered: the stored characters (those shown under them, when offered shown)
            out.append(original[to_orig[i1]:to_orig[i2]])
        elif j2 > j1:
            out.append(back.convert(typed[j1:j2]))
    return "".join(out)


def stored_script(config: str, text: str) -> StoredScript | None:
    """Which script a correction of ``text`` (an article's, as stored) is stored in while the reading view shows it
    in the script ``config`` names; None when the view shows it as stored (no display script; a traditional source
    read in 繁體; a simplified one in 简体, :data:`TO_SIMPLIFIED`; no Chinese in it). Corrections are stored in the
    source's script, the page's — seen by eye: under 繁體 the Correct dialog offered the simplified source without a
    word, and a reader who typed what they saw stored traditional characters among simplified ones."""
    by = textforms.config_for(config, text)
    if by in ("", "none") or not textforms.CJK_RE.search(text):
        return None
    traditional = textforms.is_traditional(text)
    if not traditional and by in TO_SIMPLIFIED:  # a simplified source read in 简体: its own script
        return None
    return StoredScript("traditional" if traditional else "simplified", config, by)


def read_as_printed(config: str, texts: Iterable[str]) -> bool:
    """Whether the reading view shows each of ``texts`` (the articles an export holds) in the script ``config`` names
    as it is stored — as printed —, so that an export, which is as the sources print them, reads as the reader reads
    them (:func:`stored_script` judges: a simplified source in 简体, a traditional one in 繁體, text with no Chinese in
    any script). Seen by the by-eye tester: reading the People's Daily, printed simplified, in 简体, the export dialog
    said its text was "not converted to 简体"."""
    return all(stored_script(config, text) is None for text in texts)


def shown_in(config: str, text: str, ranges: Sequence[tuple[int, int]] = ()) -> tuple[str, list[tuple[int, int]]]:
    """``text`` (a headline, a search snippet, a quote: a piece of one article) in the OpenCC configuration the
    reading view shows that article in (:meth:`reader.app.archive.Archive.shown_config`; "" or "none": as stored),
    and ``ranges`` of it (a snippet's matches) on the same characters there. Seen by eye: under 臺灣 the reading view
    read 幹得好就能看得見 while the article list, the search results and the notes read 干得好就能看得见."""
    if not config or config == "none" or not textforms.CJK_RE.search(text):
        return text, [(s, e) for s, e in ranges]
    shown, omap = textforms.display(text, config)
    if len(shown) == len(text):
        return shown, [(s, e) for s, e in ranges]
    n = len(text)
    # the first shown character whose original offset reaches i (omap is non-decreasing)
    at = [min(len(shown), bisect.bisect_left(omap, i)) for i in range(n + 1)]
    return shown, [(at[max(0, min(n, s))], at[max(0, min(n, e))] if e < n else len(shown)) for s, e in ranges]


@dataclass
class ShownPart:
    """One part of the article as shown."""

    index: int
    part: Part
    display: str
    #: display offset → original offset; one more entry than ``display`` (the end)
    to_orig: list[int]
    #: original offset → display offset; one more entry than the original text
    from_orig: list[int] = field(default_factory=list)
    #: UTF-16 offset of every display offset (and the end)
    u16: list[int] = field(default_factory=list)
    #: a headline no part prints (:func:`reader.model.document.unprinted_headline`), shown before the part
    #: ``index``: ``part`` is empty, every display offset is offset 0 of that part (a selection, a place, a note
    #: made there are on the text, never on words the page does not print)
    supplied: bool = False

    def __post_init__(self) -> None:
        n = len(self.part.text)
        if len(self.to_orig) != len(self.display) + 1:
            raise ValueError(f"offset map of part {self.index} has {len(self.to_orig)} entries "
                             f"for {len(self.display)} characters")
        m = len(self.display)
        if n == m and self.to_orig == list(range(m + 1)):  # shown as stored: the map is the identity
            self.from_orig = list(self.to_orig)
        else:
            # the first display character whose original offset reaches i (to_orig is non-decreasing)
            self.from_orig = [min(m, bisect.bisect_left(self.to_orig, i)) for i in range(n + 1)]
        self.u16 = utf16_offsets(self.display)

    @property
    def role(self) -> str:
        return self.part.role

    def display_range(self, start: int, end: int) -> tuple[int, int]:
        """Display offsets covering original ``[start, end)``."""
        n = len(self.part.text)
        start = max(0, min(n, start))
        end = max(start, min(n, end))
        return self.from_orig[start], (self.from_orig[end] if end < n else len(self.display))

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets covered by display ``[start, end)``."""
        m = len(self.display)
        start = max(0, min(m, start))
        end = max(start, min(m, end))
        return self.to_orig[start], self.to_orig[end]

    def to_u16(self, offset: int) -> int:
        return self.u16[max(0, min(len(self.display), offset))]

    def from_u16(self, unit: int) -> int:
        return max(0, bisect.bisect_right(self.u16, unit) - 1)

    def lines_in(self, start: int, end: int) -> list[str]:
        """Ids of the source lines the original characters ``[start, end)`` came from."""
        out: list[str] = []
        for span in self.part.spans:
            if span.end > start and span.start < max(end, start + 1) and span.line not in out:
                out.append(span.line)
        for r in self.part.replaced:  # a reader's correction: on the line it was made in
            if r.end > start and r.start < max(end, start + 1) and r.line not in out:
                out.append(r.line)
        return out

    def original_offset_of(self, line_id: str, offset: int) -> int | None:
        """Original offset of the character at ``offset`` in line ``line_id``, or None."""
        best: int | None = None
        for span in self.part.spans:
            if span.line != line_id:
                continue
            length = span.end - span.start
            if span.line_start <= offset < span.line_start + length:
                return span.start + offset - span.line_start
            if best is None:
                best = span.start
        return best


def utf16_offsets(text: str) -> list[int]:
    """The UTF-16 offset (Qt's) of every offset of ``text`` and its end: one unit a character, two past U+FFFF.
    Built for every part of an article opened: without such a character (the usual case) it is a range."""
    if not text or max(text) <= "\uffff":
        return list(range(len(text) + 1))
    out = [0]
    n = 0
    for ch in text:
        n += 2 if ord(ch) > 0xFFFF else 1
        out.append(n)
    return out


#: shown between two columns of a headline set one phrase to a column: a line of its own each
LINE_SEPARATOR = "\u2028"
#: the parts set in display type whose columns are kept apart when shown
_DISPLAY_ROLES = frozenset({"column-label", "kicker", "headline", "subheadline"})


def column_breaks(part: Part) -> list[int]:
    """Where a headline's next source column starts inside its text, the two joined with nothing between (Chinese
    decks, one to a column: 締結三强協定 | 蘇召各使回國傳將有新動作 ran together and read as one sentence)."""
    if part.role not in _DISPLAY_ROLES:
        return []
    text = part.text
    return [b.start for a, b in zip(part.spans, part.spans[1:], strict=False)
            if b.line != a.line and b.start == a.end and 0 < b.start < len(text)
            and is_cjk(text[b.start - 1]) and is_cjk(text[b.start])]


def _lines_kept(part: Part, display: str, to_orig: list[int]) -> tuple[str, list[int]]:
    """``display`` with :data:`LINE_SEPARATOR` before each of the part's :func:`column_breaks` (shown, not
    stored: the text, its search and its offsets are unchanged; the map sends it to the next character)."""
    for b in reversed(column_breaks(part)):
        d = bisect.bisect_left(to_orig, b)
        display = display[:d] + LINE_SEPARATOR + display[d:]
        to_orig = to_orig[:d] + [b] + to_orig[d:]
    return display, to_orig


def _supplied(title: str, index: int, convert: Converter) -> ShownPart:
    """The :attr:`ShownPart.supplied` headline ``title``, before the part ``index``, in the display script."""
    try:
        display = convert(title)[0]
    except ValueError:
        display = title
    return ShownPart(index, Part("headline", ""), display, [0] * (len(display) + 1), supplied=True)


@dataclass
class Reading:
    """An article in one display script: the parts shown, in order."""

    article: Article
    parts: list[ShownPart]

    @classmethod
    def build(cls, article: Article, convert: Converter = identity, columns: bool = False) -> Reading:
        """The article's parts as shown in the display script ``convert`` gives; ``columns``: it was set in
        vertical columns (ECPO), and each column of a headline is shown on a line of its own
        (:func:`column_breaks`; a text dump's wrapped headline — 季报五访”掌 | 握干部 — is not so cut)."""
        shown: list[ShownPart] = []
        for i in reading_order(article):  # the one order of every view and export (reader.model.document)
            part = article.parts[i]
            if not part.text:
                continue
            try:
                display, to_orig = convert(part.text)
                display, to_orig = _lines_kept(part, display, list(to_orig)) if columns else (display, list(to_orig))
                sp = ShownPart(i, part, display, to_orig)
            except ValueError as e:  # a converter that breaks the map: show the original, keep offsets right
                log.warning("article %s: %s; showing the original text", article.id, e)
                display, to_orig = identity(part.text)
                sp = ShownPart(i, part, display, to_orig)
            shown.append(sp)
        title = unprinted_headline(article)
        if title is not None:
            at = unprinted_at([sp.role for sp in shown])
            shown.insert(at, _supplied(title, shown[at].index if at < len(shown) else 0, convert))
        return cls(article, shown)

    def shown(self, part_index: int) -> ShownPart | None:
        for sp in self.parts:
            if sp.index == part_index and not sp.supplied:
                return sp
        return None

    def part_starts(self) -> list[int]:
        """Offset in ``Article.text`` where each part of the article starts."""
        starts: list[int] = []
        pos = 0
        for part in self.article.parts:
            starts.append(pos)
            pos += len(part.text) + len(PART_SEPARATOR)
        return starts

    def part_offset(self, at: int) -> tuple[int, int]:
        """``Article.text`` offset ``at`` as (part index, original offset in it); one between two parts is the end
        of the part before."""
        starts = self.part_starts()
        if not starts:
            return 0, 0
        i = max(0, bisect.bisect_right(starts, at) - 1)
        return i, max(0, min(at - starts[i], len(self.article.parts[i].text)))

    def split_article_range(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """``Article.text[start:end]`` as (part index, original start, original end) pieces."""
        out: list[tuple[int, int, int]] = []
        for i, (ps, part) in enumerate(zip(self.part_starts(), self.article.parts, strict=False)):
            pe = ps + len(part.text)
            lo, hi = max(start, ps), min(end, pe)
            if lo < hi:
                out.append((i, lo - ps, hi - ps))
        return out

    def locate_line(self, line_id: str, offset: int = 0) -> tuple[int, int] | None:
        """(part index, original offset) of a character of a source line in this article."""
        for sp in self.parts:
            found = sp.original_offset_of(line_id, offset)
            if found is not None:
                return sp.index, found
        return None

    def lines_of(self, ranges: Sequence[tuple[int, int, int]]) -> list[str]:
        """Line ids of the original ranges (part index, start, end)."""
        out: list[str] = []
        for idx, start, end in ranges:
            sp = self.shown(idx)
            if sp is None:
                continue
            for lid in sp.lines_in(start, end):
                if lid not in out:
                    out.append(lid)
        return out
