"""Segmentation of a plain-text page into articles, and paragraph reflow inside them.

Pure functions over the raw lines of a page. The evidence a PDF text dump of a
Chinese newspaper keeps, and how it is used:

* **column width** — the lines of a block have a typical width in em, estimated
  locally (a tolerant mode over nearby lines) so that columns of different width
  on one page each get their own;
* **paragraph breaks** — a paragraph ends on a line that ends a sentence and is
  short, or that is followed by a line about 2 em short of the column (the
  first-line indent); a dateline, a new block (a line starting with spaces right
  after a non-blank line) or a heading also starts a paragraph;
* **display lines** — headlines, kickers and section headings are lines that
  follow a finished sentence, end without punctuation, and do not fit the column
  as a paragraph's first line would; consecutive ones form a group;
* **headline groups printed after their body** (the usual order of a PDF dump):
  a group followed by the start of a new article (a dateline, a new block, a
  change of column width, furniture or the end of the page) closes the article
  before it; a group followed by more of the same body is a section heading.
  Pages whose last text is body, not a group, are read the other way round;
* **roles** from :mod:`reader.segmentation.roles`: datelines, bylines, credits,
  editor's notes, column labels, furniture and noise.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.model.document import Article, Line, Page, Part
from reader.segmentation import roles
from reader.text.chars import CLOSERS, em_width, ends_continuing, ends_sentence
from reader.text.reflow import Char, Piece, clean_chars, collapse, reflow, sub_part

# line kinds
BODY = "body"
DISPLAY = "display"

#: single-line roles recognised from the line's own text
SPECIAL_ROLES = ("byline", "credit", "furniture", "column-label", "noise")


@dataclass
class LineInfo:
    """A line with the measurements segmentation uses."""

    index: int
    line: Line
    text: str  # layout spaces removed
    width: float
    spaced: bool  # justified character by character
    new_block: bool
    special: str | None = None
    dateline: bool = False
    kind: str = BODY
    column: float = 0.0  # local column width estimate
    #: ``text`` ends a sentence (:func:`ends_sentence`; asked of every line in every round of :func:`classify`,
    #: so found once, by :func:`measure`)
    sentence_end: bool = False


def _spaced(raw: str) -> bool:
    tokens = raw.split()
    return len(tokens) >= 4 and sum(1 for t in tokens if len(t) <= 2) >= len(tokens) - 1


#: curly quotes, which fonts set 1 or 0.5 em wide (:func:`quote_width`)
_QUOTES = re.compile("[“”‘’]")


def quote_width(texts: Sequence[str], plain: Sequence[float] | None = None) -> float:
    """How wide the page's font sets curly quotes: 1 em or 0.5 em, whichever makes lines even.

    Lines holding quotes are compared with the typical width of the lines
    around them that hold none; the hypothesis with the smaller misfit wins.
    ``plain``: the lines' widths with quotes of 1 em, when the caller has them.
    """
    if plain is None:
        plain = [em_width(t) for t in texts]
    misfit = {1.0: 0.0, 0.5: 0.0}
    quoted = [_QUOTES.search(t) is not None for t in texts]
    for k, t in enumerate(texts):
        if not quoted[k] or ends_sentence(t):
            continue
        around = [plain[j] for j in range(max(0, k - 6), min(len(texts), k + 7))
                  if j != k and not quoted[j] and not ends_sentence(texts[j])]
        if len(around) < 3:
            continue
        col = _mode_width(around)
        for q in misfit:
            misfit[q] += min(abs(em_width(t, q) - col), 2.0)
    return 0.5 if misfit[0.5] < misfit[1.0] else 1.0


def measure(lines: Sequence[Line]) -> list[LineInfo]:
    infos: list[LineInfo] = []
    prev: Line | None = None
    texts = [collapse(line.text) for line in lines]
    plain = [em_width(t) for t in texts]
    quote = quote_width(texts, plain)
    for i, line in enumerate(lines):
        text = texts[i]
        info = LineInfo(
            index=i,
            line=line,
            text=text,
            width=plain[i] if quote == 1.0 else em_width(text, quote),
            spaced=_spaced(line.text),
            new_block=bool(line.leading and prev is not None and not prev.blank_after),
            sentence_end=ends_sentence(text),
        )
        # a dateline may be broken over two lines in a narrow column — not where the line below is one on its own: a
        # byline over a dateline ("本报记者 王五" / "本报北京1月28日电 …") read as its first half made two articles
        # of one, the byline a body line (seen by eye)
        below = texts[i + 1] if i + 1 < len(texts) else ""
        info.dateline = roles.dateline(text) is not None or (len(text) >= 3 and bool(below) and roles.dateline(
            text + below) is not None and roles.dateline(below) is None)
        if not info.dateline:
            info.special = _special(line.text, text)
        infos.append(info)
        prev = line
    # lines of names after "本版责编" belong to the furniture (not a folio's or date line's next line: the text's)
    names = False
    for a, b in zip(infos, infos[1:], strict=False):
        names = (names or roles.is_editors_line(a.text)) and b.special is None and not b.dateline \
            and len(b.text) <= 16 and not any(p in b.text for p in "。，、；：“”")
        if names:
            b.special = "furniture"
    _mark_running_heads(infos)
    return infos


#: how many of a page's first and last lines with text may be its running head
HEAD_LINES = 3


def _mark_running_heads(infos: list[LineInfo]) -> None:
    """The paper's running head at the top or foot of the page (:func:`roles.is_running_head`) is furniture: it was
    glued into the first article's heading. Only there: a date line inside the page is a text's."""
    spoken = [info for info in infos if info.text]
    for info in spoken[:HEAD_LINES] + spoken[-HEAD_LINES:]:
        if info.special is None and roles.is_running_head(info.line.text):
            info.special = "furniture"
            info.dateline = False


def _special(raw: str, text: str) -> str | None:
    if roles.is_furniture(text):
        return "furniture"
    # a sentence's stop: no credit, no byline (the raw line collapsed keeping word spaces holds the stop too)
    if roles.SENTENCE_STOPS.search(text) is None:
        if roles.is_credit(text):
            return "credit"
        if roles.is_byline_line(collapse(raw, keep_word_spaces=True)):
            return "byline"
    if roles.is_column_label(text):
        return "column-label"
    if roles.is_noise(text):
        return "noise"
    return None


def _mode_width(widths: Sequence[float]) -> float:
    """The typical width of a full line among ``widths``.

    Most lines of a column are full; first lines, last lines and lines with
    digits are shorter, a few with uncompressed punctuation longer. The 70th
    percentile lands on the full lines without following the outliers above.
    """
    if not widths:
        return 0.0
    ordered = sorted(widths)
    return ordered[min(len(ordered) - 1, int(round(0.7 * (len(ordered) - 1))))]


def estimate_columns(infos: list[LineInfo], window: int = 6) -> None:
    """Set ``column`` on every line from the body lines near it, not crossing display lines."""
    for lo_seg, hi_seg in _body_stretches(infos):
        columns = _window_modes([x.width for x in infos[lo_seg:hi_seg]], window)
        for info, column in zip(infos[lo_seg:hi_seg], columns, strict=True):
            info.column = column
    # display and special lines take the column of the nearest body line after (else before)
    last = 0.0
    for info in infos:
        if info.kind == BODY and not info.special:
            last = info.column
    nxt = 0.0
    for info in reversed(infos):
        if info.kind == BODY and not info.special:
            nxt = info.column
        elif nxt:
            info.column = nxt
        else:
            info.column = last


def _window_modes(widths: Sequence[float], window: int) -> list[float]:
    """:func:`_mode_width` of the ``2 * window + 1`` widths around each k (``widths[k - window : k + window + 1]``),
    the window kept sorted as it slides (one width in, one out) instead of sorted again for every line. Near either
    end of ``widths`` the window keeps its size, taking more lines on the other side: cut short there, the first
    lines of a page were measured on the few lines below them, and a few short lines added at the top of the seed
    page made their own width the column there (the headings under them then fit as a paragraph's lines)."""
    n = len(widths)
    size = min(n, 2 * window + 1)
    ordered = sorted(widths[:size])
    lo = 0  # the window is widths[lo : lo + size]
    modes: list[float] = []
    for k in range(n):
        start = min(max(0, k - window), n - size)
        while lo < start:
            del ordered[bisect_left(ordered, widths[lo])]
            insort(ordered, widths[lo + size])
            lo += 1
        modes.append(ordered[min(size - 1, int(round(0.7 * (size - 1))))])
    return modes


def _body_stretches(infos: list[LineInfo]) -> list[tuple[int, int]]:
    """The stretches (start, end) of consecutive body lines, parted by display and special lines and before
    datelines."""
    stretches: list[tuple[int, int]] = []
    start = -1
    for k, info in enumerate(infos):
        if info.kind == DISPLAY or info.special:
            if start >= 0:
                stretches.append((start, k))
            start = -1
            continue
        if start < 0 or info.dateline:
            if start >= 0:
                stretches.append((start, k))
            start = k
    if start >= 0:
        stretches.append((start, len(infos)))
    return stretches


def _first_like(info: LineInfo, column: float) -> bool:
    """Does the line fit as a paragraph's first line (about 2 em short of the column)?"""
    deficit = column - info.width
    return 1.0 <= deficit <= 3.5


def _exclaims(text: str) -> bool:
    """Ends in an exclamation or question mark (closing quotes allowed): headlines may."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1]
    return bool(t) and t[-1] in "！？!?"


def _display_candidate(info: LineInfo, prev: LineInfo | None) -> str | None:
    """'strong' when the line may be display, 'weak' when only clear evidence makes it so."""
    if info.special or info.dateline or info.new_block:
        return None
    t = info.text
    if not t or ends_continuing(t):
        return None
    if prev is not None and prev.kind == BODY and not prev.special and not prev.sentence_end:
        return None
    if ends_sentence(t):
        return "weak" if _exclaims(t) else None
    return "strong"


def classify(infos: list[LineInfo], rounds: int = 4) -> None:
    """Mark display lines (headlines, kickers, section headings).

    Whether a line is display depends on its neighbours' kinds (a line followed
    by a display line cannot be a paragraph's first line), so the pass repeats
    until nothing changes.
    """
    for _ in range(rounds):
        estimate_columns(infos)
        changed = False
        prev: LineInfo | None = None
        for k, info in enumerate(infos):
            kind = BODY
            candidate = _display_candidate(info, prev)
            if candidate:
                nxt = infos[k + 1] if k + 1 < len(infos) else None
                column = _next_column(infos, k)
                if info.spaced:  # justified: its true width is at least what it measures
                    fits = column / 2 <= info.width <= column + 1.5
                else:
                    fits = column - 3.5 <= info.width <= column + 1.5
                continues = _continues(nxt, column)
                if candidate == "strong" and (not fits or not continues):
                    kind = DISPLAY
                elif candidate == "weak" and not continues and _opens_next(nxt) and (
                        not fits or info.width > column - 0.5 or (nxt is not None and nxt.dateline)):
                    # a one-line paragraph would be indented: wider than that, or far
                    # shorter than a column, a line ending in ！/？ is a headline
                    # (a dateline right after it makes it the headline of the article before)
                    kind = DISPLAY
            if kind != info.kind:
                info.kind = kind
                changed = True
            prev = info
        changed = _unfinished_runs_are_display(infos) or changed
        if not changed:
            break


def _opens_next(after: LineInfo | None) -> bool:
    """Does the line after a run start something new (an article, a block, furniture, a heading)?"""
    return after is None or after.dateline or after.new_block or after.special == "furniture" or after.kind == DISPLAY


def _unfinished_runs_are_display(infos: list[LineInfo]) -> bool:
    """A few short lines after a finished sentence that never finish one themselves, right
    before a new article starts, are a headline group, not a paragraph: a paragraph ends
    with a sentence."""
    changed = False
    k = 0
    n = len(infos)
    while k < n:
        start = k
        prev = infos[k - 1] if k else None
        if (
            infos[k].kind == BODY
            and not infos[k].special
            and not infos[k].dateline
            and (prev is None or prev.kind == DISPLAY or prev.special or prev.sentence_end)
        ):
            end = k
            while end + 1 < n and infos[end + 1].kind == BODY and not infos[end + 1].special \
                    and not infos[end + 1].dateline and not infos[end + 1].new_block \
                    and not infos[end].sentence_end:
                end += 1
            run = infos[start : end + 1]
            last = run[-1]
            after = infos[end + 1] if end + 1 < n else None
            opens_next = _opens_next(after)
            unfinished = not last.sentence_end or (
                _exclaims(last.text) and len(run) <= 2
                and (last.width < last.column - 3.5 or (after is not None and after.dateline))
            )
            if (
                len(run) <= 3
                and unfinished
                and not ends_continuing(last.text)
                and opens_next
                and all(x.width <= x.column + 1.5 for x in run)
            ):
                for x in run:
                    x.kind = DISPLAY
                changed = True
            k = end + 1
        else:
            k += 1
    return changed


def _next_column(infos: list[LineInfo], k: int) -> float:
    """The column width of the paragraph that would start after line ``k``.

    Looks at the lines ahead up to the first one that ends a sentence short of
    the others (the paragraph's end), so a short paragraph does not borrow the
    width of the next article's column. Lines whose sentence runs on into lines
    of another width are no column (a paragraph keeps its column): a stack of
    short display lines over the body, measured as a narrow column's, made the
    headline above them fit as its first line — two short lines added at the top
    of the seed page glued its section headings into a paragraph with them.
    """
    widths: list[float] = []
    widest = 0.0  # max(widths) once there are any
    for x in infos[k + 1 : k + 12]:
        if x.kind == DISPLAY or x.special or x.dateline or x.new_block:
            break
        if x.sentence_end and (not widths or x.width < widest - 1.0):
            break  # the paragraph's last line says nothing about the column
        if widths and abs(x.width - widths[0]) > 3.0:
            if not infos[x.index - 1].sentence_end:  # its sentence runs on into these: not a column's lines
                widths = []
            break  # the text moved to a column of another width
        widths.append(x.width)
        widest = x.width if len(widths) == 1 else max(widest, x.width)
    if len(widths) >= 2:
        return _mode_width(widths)
    # nothing ahead to measure: the column of the body before
    for x in reversed(infos[max(0, k - 8) : k]):
        if x.kind == BODY and not x.special:
            return x.column
    return infos[k].column


def _continues(nxt: LineInfo | None, column: float) -> bool:
    """Could ``nxt`` follow a paragraph's first line in the same paragraph?"""
    if nxt is None or nxt.special or nxt.dateline or nxt.new_block or nxt.kind == DISPLAY:
        return False
    if column - 2.0 <= nxt.width <= column + 1.0:
        return True
    # a last line may overhang by its closing punctuation
    return nxt.sentence_end and nxt.width <= column + 2.0


# ---------------------------------------------------------------------------
# units: paragraphs, groups of display lines, single special lines


@dataclass
class Unit:
    kind: str  # "para" | "group"
    lines: list[LineInfo] = field(default_factory=list)
    role: str = "paragraph"

    @property
    def first(self) -> LineInfo:
        return self.lines[0]

    @property
    def column(self) -> float:
        body = [x.width for x in self.lines]
        if len(body) >= 3:
            return _mode_width(body[1:-1]) if len(body) > 3 else max(body)
        return max(x.column for x in self.lines)


def paragraph_break(a: LineInfo, b: LineInfo, a_is_first: bool = False) -> bool:
    """Does a paragraph end between body lines ``a`` and ``b``?

    ``a_is_first``: ``a`` opened its paragraph, so its indent, not an early end,
    may explain why it is short.
    """
    if b.dateline or b.new_block:
        return True
    if roles.is_editors_note(b.text):
        return True
    if not a.sentence_end:
        return False
    column = a.column
    # a short line ending a sentence ends its paragraph — unless it opened the paragraph
    # (its indent explains it) and a line of full measure follows
    indented_first = a_is_first and _first_like(a, column) and b.width >= b.column - 0.25
    if a.width <= column - 1.5 and not indented_first:
        return True
    # a full-looking last line: break when the next line looks indented, the two
    # deficits together amounting to about the 2-em indent
    deficit_a, deficit_b = column - a.width, b.column - b.width
    return _first_like(b, b.column) and (b.width <= a.width - 1.0 or deficit_a + deficit_b >= 2.0)


def build_units(infos: list[LineInfo]) -> list[Unit]:
    units: list[Unit] = []
    para: Unit | None = None
    group: Unit | None = None
    for info in infos:
        if info.kind == DISPLAY or (info.special and info.special != "furniture"):
            para = None
            if group is None:
                group = Unit("group")
                units.append(group)
            group.lines.append(info)
            continue
        group = None
        if info.special == "furniture":
            if para is not None and para.role == "furniture":
                para.lines.append(info)
            else:
                para = Unit("para", [info], role="furniture")
                units.append(para)
            continue
        if para is None or para.role == "furniture" or paragraph_break(para.lines[-1], info, len(para.lines) == 1):
            role = "editors-note" if roles.is_editors_note(info.text) else "paragraph"
            para = Unit("para", [info], role=role)
            units.append(para)
        else:
            para.lines.append(info)
    _attach_editors_notes(units)
    return units


def _attach_editors_notes(units: list[Unit]) -> None:
    """An editor's note printed inside a headline group splits it: keep the group whole."""
    k = 0
    while k < len(units):
        u = units[k]
        if u.role == "editors-note" and 0 < k < len(units) - 1 and units[k - 1].kind == "group":
            u.kind = "group"
            u.lines = list(u.lines)
            for x in u.lines:
                x.special = x.special or "editors-note"
            units[k - 1].lines.extend(u.lines)
            del units[k]
            if units[k].kind == "group":
                units[k - 1].lines.extend(units[k].lines)
                del units[k]
            continue
        k += 1


# ---------------------------------------------------------------------------
# articles


def _starts_article(unit: Unit | None, prev_column: float) -> bool:
    """Does ``unit`` begin a new article (given the column of the body before)?"""
    if unit is None:
        return True
    if unit.role == "furniture":
        return True
    first = unit.first
    if first.dateline or first.new_block:
        return True
    return bool(unit.kind == "para" and prev_column and abs(unit.column - prev_column) >= 2.5)


@dataclass
class _Draft:
    units: list[Unit] = field(default_factory=list)
    head: Unit | None = None  # headline group
    lead_head: bool = False  # the head group came before the body

    @property
    def has_body(self) -> bool:
        return any(u.kind == "para" and u.role != "furniture" for u in self.units)

    def column(self) -> float:
        paras = [u for u in self.units if u.kind == "para" and u.role == "paragraph"]
        return paras[-1].column if paras else 0.0


def group_articles(units: list[Unit]) -> list[_Draft]:
    # which way round the page prints headline groups
    meaningful = [u for u in units if u.role != "furniture" and not all(x.special == "noise" for x in u.lines)]
    grouper = _Grouper(heads_after=bool(meaningful) and meaningful[-1].kind == "group")
    for k, unit in enumerate(units):
        grouper.add(unit, units[k + 1] if k + 1 < len(units) else None)
    grouper.close()
    return grouper.drafts


class _Grouper:
    """Units into article drafts, in page order."""

    def __init__(self, heads_after: bool) -> None:
        #: the page prints an article's headline group after its body (else before)
        self.heads_after = heads_after
        self.drafts: list[_Draft] = []
        self.cur = _Draft()

    def close(self) -> None:
        if self.cur.units or self.cur.head:
            self.drafts.append(self.cur)
        self.cur = _Draft()

    def add(self, unit: Unit, nxt: Unit | None) -> None:
        cur = self.cur
        if unit.role == "furniture":
            self.close()
            self.cur.units.append(unit)
            self.close()
            return
        if unit.kind == "para":
            if cur.has_body and (unit.first.dateline or unit.first.new_block) and unit.role == "paragraph":
                self.close()
            self.cur.units.append(unit)
            return
        # a group of display and special lines
        if not _has_display(unit) and cur.has_body and not _starts_article(nxt, cur.column()):
            cur.units.append(unit)  # a byline or credit inside the body
            return
        new_start = _starts_article(nxt, cur.column())
        if self.heads_after:
            self.add_head_after(unit, new_start)
        else:
            self.add_head_before(unit, new_start)

    def add_head_after(self, unit: Unit, new_start: bool) -> None:
        """A headline group on a page that prints it after its article's body."""
        cur = self.cur
        if cur.has_body and new_start:
            if cur.head is not None:
                cur.head.role = "section-heading"
            cur.head = unit
            cur.units.append(unit)
            self.close()
        elif not cur.has_body and cur.head is None and not new_start:
            cur.head, cur.lead_head = unit, True
            cur.units.append(unit)
        elif not cur.has_body and cur.head is None and new_start and self.drafts:
            # a group between two articles with no body after it: take it as the previous one's
            prev = self.drafts[-1]
            if prev.head is None and prev.has_body:
                prev.head = unit
                prev.units.append(unit)
            else:
                cur.units.append(unit)
                self.close()
        else:
            unit.role = "section-heading"
            cur.units.append(unit)

    def add_head_before(self, unit: Unit, new_start: bool) -> None:
        """A headline group on a page that prints it before its article's body."""
        if self.cur.has_body and (new_start or self.cur.head is not None):
            self.close()
        cur = self.cur
        if cur.has_body:
            unit.role = "section-heading"
            cur.units.append(unit)
        else:
            if cur.head is not None:
                cur.head.role = "section-heading"
            cur.head, cur.lead_head = unit, True
            cur.units.append(unit)


def _has_display(unit: Unit) -> bool:
    return any(x.kind == DISPLAY for x in unit.lines)


def _display_items(lines: list[LineInfo], merge_wrapped: bool) -> list[list[LineInfo]]:
    """Display lines as items; a section heading wrapped over two lines is one item.

    Headline groups print one item a line (kicker, headline, subheadline) and a
    long kicker over a short headline would look like a wrap, so they are not merged.
    """
    items: list[list[LineInfo]] = []
    for x in lines:
        if items and merge_wrapped:
            last = items[-1][-1]
            if (
                last.kind == DISPLAY
                and x.kind == DISPLAY
                and not x.special
                and not last.special
                and x.width < last.width - 0.5
                and not x.spaced
                and not last.line.text.rstrip().endswith(("”", "！", "？", "》"))
                and last.index + 1 == x.index
            ):
                items[-1].append(x)
                continue
        items.append([x])
    return items


def _item_part(role: str, item: list[LineInfo]) -> Part:
    keep = role not in ("paragraph", "caption", "editors-note")
    return reflow(role, [Piece(x.line.id, x.line.text) for x in item], keep_word_spaces=keep)


def _group_parts(unit: Unit, as_headline: bool) -> list[Part]:
    parts: list[Part] = []
    items = _display_items(unit.lines, merge_wrapped=not as_headline)
    heads: list[int] = []
    after_label = False
    roles_of: list[str] = []
    for n, item in enumerate(items):
        special = item[0].special
        if special == "editors-note":
            roles_of.append("editors-note")
        elif special:
            roles_of.append(special)
            if special == "column-label":
                after_label = True
        elif after_label:
            roles_of.append("column-label")
        else:
            roles_of.append("headline" if as_headline else "section-heading")
            heads.append(n)
    if as_headline and heads:
        spaced = [n for n in heads if any(x.spaced for x in items[n])]
        subs = [n for n in heads if items[n][0].text.startswith(("——", "—", "--"))]
        main_candidates = [n for n in heads if n not in subs]
        if spaced:
            main = spaced[0]
        elif len(main_candidates) >= 2:
            main = main_candidates[1]
        elif main_candidates:
            main = main_candidates[0]
        else:
            main = heads[0]
        for n in heads:
            roles_of[n] = "kicker" if n < main else ("headline" if n == main else "subheadline")
    # the editor's note lines of a group form one paragraph of role editors-note
    k = 0
    while k < len(items):
        role = roles_of[k]
        if role == "editors-note":
            lines = []
            while k < len(items) and roles_of[k] == "editors-note":
                lines.extend(items[k])
                k += 1
            parts.append(_item_part("editors-note", lines))
            continue
        parts.append(_item_part(role, items[k]))
        k += 1
    return [p for p in parts if p.text]


def _para_parts(unit: Unit) -> list[Part]:
    pieces = [Piece(x.line.id, x.line.text) for x in unit.lines]
    if unit.role != "paragraph":
        keep = unit.role == "furniture"
        return [reflow(unit.role, pieces, keep_word_spaces=keep)]
    whole = reflow("paragraph", pieces)
    parts: list[Part] = []
    start = n = roles.dateline(whole.text) or 0
    if n:
        parts.append(sub_part(whole, "dateline", 0, n))
        m = roles.byline_prefix(whole.text[n:])
        if m:
            parts.append(sub_part(whole, "byline", n, n + m))
            start = n + m
    if start < len(whole.text):
        parts.append(sub_part(whole, "paragraph", start) if start else whole)
    return parts


def draft_to_article(draft: _Draft, article_id: str, page_number: int) -> Article:
    parts: list[Part] = []
    promote = draft.head is not None
    for unit in draft.units:
        if unit.kind == "group":
            parts.extend(_group_parts(unit, as_headline=unit is draft.head and promote))
        else:
            parts.extend(_para_parts(unit))
    kind = "article"
    roles_present = {p.role for p in parts}
    paras = [p for p in parts if p.role == "paragraph"]
    if roles_present <= {"furniture", "noise"}:
        kind = "furniture"
    elif "credit" in roles_present and len(paras) <= 2 and sum(len(p.text) for p in paras) < 400:
        kind = "photo"
    return Article(id=article_id, kind=kind, parts=parts, pages=[page_number])


def segment_page(page: Page, prefix: str = "") -> list[Article]:
    """Cut one plain-text page into articles with roles and reflowed paragraphs."""
    infos = measure(page.lines)
    classify(infos)
    units = build_units(infos)
    drafts = group_articles(units)
    articles: list[Article] = []
    for draft in drafts:
        article = draft_to_article(draft, f"{prefix}p{page.number}.a{len(articles) + 1}", page.number)
        if article.parts:
            articles.append(article)
    _merge_noise(articles)
    return articles


def _merge_noise(articles: list[Article]) -> None:
    """An 'article' of nothing but noise joins the one before it."""
    k = 1
    while k < len(articles):
        if all(p.role == "noise" for p in articles[k].parts):
            articles[k - 1].parts.extend(articles[k].parts)
            del articles[k]
            continue
        k += 1


def segment_pages(pages: Sequence[Page], prefix: str = "") -> list[Article]:
    out: list[Article] = []
    for page in pages:
        out.extend(segment_page(page, prefix))
    return out


__all__ = ["segment_page", "segment_pages", "paragraph_break", "measure", "classify", "Char", "clean_chars"]
