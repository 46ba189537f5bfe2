"""Reflow: join the lines of a block into running text, keeping every character traceable.

Pure functions. Input is a sequence of source lines (id and text); output is a
:class:`~reader.model.document.Part` whose ``spans`` map each character back to its
line and offset. Rules, general for Chinese and Latin newspaper text:

* spaces next to CJK characters or full-width punctuation are layout, not text:
  justified lines that came out spaced character by character and the spaces a
  PDF puts around digit runs are removed; spaces between Latin words stay, and so do
  the spaces around a Chinese word in Latin running text ("Shanghai 上海 is");
* lines join without a space when either side is CJK (a dash, ellipsis or curly quote counting
  as CJK only beside CJK text), with one space otherwise (none beside an em dash set closed);
* end-of-line hyphenation is undone (``exam-`` + ``ple``; ALTO HYP marks it), not a compound's hyphen before a
  capital (``Finanz-`` + ``Politik``) nor a suspended one (``Erziehungs-`` + ``und``): :func:`hyphen_meeting`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

from reader.model.document import Line, Part, Span
from reader.text.chars import AMBIGUOUS, CLOSERS, ends_sentence, is_wide, latin_running, wide_at

#: (character, line id, offset in line) or (character, None, -1) for an inserted one
Char = tuple[str, str | None, int]

HYPHENS = "-\u00ad\u2010\u2011\u00ac\u2e17="


@dataclass(frozen=True)
class Piece:
    """One source line as reflow sees it."""

    line_id: str
    text: str
    #: the source marks the line-final hyphen as a hyphenation (ALTO HYP / SUBS_TYPE)
    hyphenated: bool = False
    #: offset of ``text`` in the source line (when a line is split between parts)
    offset: int = 0


def piece(line: Line, start: int = 0, end: int | None = None) -> Piece:
    text = line.text[start:end] if end is not None else line.text[start:]
    hyph = line.hyphenated and (end is None or end >= len(line.text))
    return Piece(line.id, text, hyph, start)


def _is_single_spaced(tokens: list[str]) -> bool:
    """Tokens of one character each, three or more: a line justified char by char."""
    singles = sum(1 for t in tokens if len(t) == 1)
    return len(tokens) >= 3 and singles >= len(tokens) - 1


#: a run of whitespace (``\s`` matches exactly the characters :meth:`str.isspace` accepts)
_SPACES = re.compile(r"\s+")
#: dashes that, set closed against their word at a line end or start, join the next line closed ("fer.—" +
#: "Service"); set with a space they take one
_CLOSED_DASHES = "—"


def clean_chars(p: Piece, keep_word_spaces: bool = False) -> list[Char]:
    """The characters of one line without layout spaces.

    A run of whitespace is dropped when a wide character stands on either side
    of it; between narrow characters (Latin words, numbers) it becomes one space.
    A mark only a Chinese font sets wide (em dash, ellipsis, curly quote, ■) is
    wide beside CJK text and narrow beside Latin (:func:`~reader.text.chars.wide_at`).
    With ``keep_word_spaces`` (names in a byline, two-part headlines) spaces
    between multi-character CJK tokens are kept unless the line is spaced
    character by character.
    """
    return [(c, line_id, off + k) for text, line_id, off in _clean_runs(p, keep_word_spaces)
            for k, c in enumerate(text)]


#: a piece of running text: (text, line id, offset of its first character in that line), each character of ``text``
#: the line's next; or (text, None, -1) for inserted text. Reflow works a run at a time — the characters between
#: two runs of spaces of a line, a space kept, the space between two lines —, never a tuple per character (a tuple
#: per character, then a loop over them to build the text and its spans, was a third of reading a page of CJK text)
Run = tuple[str, str | None, int]


def _clean_runs(p: Piece, keep_word_spaces: bool) -> Iterator[Run]:
    """:func:`clean_chars` a run at a time: the slices of the line between runs of whitespace and the spaces kept."""
    text = p.text
    if _WHITESPACE.search(text) is None:  # no space to drop or keep: the line is one run (most lines of CJK text)
        if text:
            yield text, p.line_id, p.offset
        return
    if _ALWAYS_WIDE.fullmatch(text) and not (keep_word_spaces and not _is_single_spaced(text.split())):
        # every space has a wide character beside it: all are layout, dropped (a CJK line spaced out character by
        # character: no character looked at around each space)
        for m in _NON_SPACE.finditer(text):
            yield m.group(), p.line_id, p.offset + m.start()
        return
    lo, hi = 0, len(text)  # without leading and trailing whitespace
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    spaced = keep_word_spaces and _is_single_spaced(text[lo:hi].split())
    line_id, offset = p.line_id, p.offset
    pos = lo
    latin: bool | None = None  # whether the line is Latin running text, asked only where it decides
    for m in _SPACES.finditer(text, lo, hi):
        i, j = m.span()
        if i > pos:
            yield text[pos:i], line_id, offset + pos
        # (wide_at's own test inlined for the marks that are wide or narrow wherever they stand: a line spaced
        # character by character asks at every space; i - 1 and j are inside the text, between lo and hi)
        c, d = text[i - 1], text[j]
        before = is_wide(c) if c not in AMBIGUOUS else wide_at(text, i - 1)
        after = is_wide(d) if d not in AMBIGUOUS else wide_at(text, j)
        keep = not (before or after) or keep_word_spaces and not spaced and before and after
        if not keep and before != after:
            if latin is None:
                latin = latin_running(text[lo:hi])
            keep = latin
        if keep:
            yield " ", line_id, offset + i
        pos = j
    if hi > pos:
        yield text[pos:hi], line_id, offset + pos


def _meeting(prev: str, nxt: str, prev_hyphenated: bool) -> tuple[bool, bool]:
    """How two consecutive lines meet, from the last :data:`_HELD` characters before the line end (``prev``) and
    the next line's first 40 or more (``nxt``): (take out the last character before it — a hyphen —, put a space
    between them)."""
    if not prev or not nxt:
        return False, False
    a = prev[-1]
    b = nxt[0]
    tail, head = prev[-8:], nxt[:8]
    if a not in AMBIGUOUS and b not in AMBIGUOUS:  # wide or narrow wherever they stand (most line ends)
        left, right = is_wide(a), is_wide(b)
    else:
        left, right = wide_at(tail + head, len(tail) - 1), wide_at(tail + head, len(tail))
    if left or right:
        if prev_hyphenated and a in HYPHENS:
            return True, False
        if left != right and latin_running(prev[-40:] + " " + nxt[:40]):
            return False, True  # "in the city of" / "上海 and the river"
        return False, False
    if _closed_dash(tail, head):
        return False, False
    if a in HYPHENS and len(prev) >= 2:
        return hyphen_meeting(prev, nxt, prev_hyphenated)
    if a == "/" or b in ",.;:!?)]}%":
        return False, False
    return False, True


#: words a suspended hyphen (Ergänzungsstrich) stands before: "Schul-, Erziehungs- und Zwangsarbeits-Institute",
#: "zwei- bis dreimal", "pré- et post-". Not English "and"/"or", nor Dutch "en"/"of": over tests/data every line-end
#: hyphen before one of them broke a word ("thous-" | "and", "resist-" | "or", "mach-" | "en", "pak-" | "of"; 0 of 10
#: suspended), while every one before "und" (20) was suspended
SUSPENDING = frozenset({"und", "oder", "bis", "sowie", "et", "ou"})
_FIRST_WORD = re.compile(r"[^\W\d_]+")
#: the letters at a text's end, a whole word (a combining mark is part of its letter's word)
_LAST_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]+$")


def hyphen_meeting(prev: str, nxt: str, marked: bool) -> tuple[bool, bool]:
    """How a text ending in a line-end hyphen (``prev``) meets the next line (``nxt``): (take the hyphen out, put a
    space after it). The hyphen of a word broken at the line end goes ("exam-" | "ple": marked by the source, or
    before lower case); a suspended hyphen stays, a space after it ("Erziehungs-" | "und Zwangsanstalt": the
    Reichsanzeiger printed "Erziehungs⸗ und"; read "Erziehungsund", seen by eye); so does a compound's hyphen before a
    capital, no space after it ("Finanz-" | "Politik": read "FinanzPolitik" where the ALTO marks a hyphenation, and
    "Finanz- Politik" where nothing does; seen by eye). A word in capitals goes on in capitals ("INSTRU-" | "MENTS").
    A soft hyphen before a capital is printed nowhere: it stays, with a space ("Col\u00ad" | "Plötzlich", the next
    column's first word). After a German inseparable prefix or "Mc" a marked hyphen before a capital breaks a word
    all the same ("Er-" | "Öffnung": the OCR's capital; :data:`BOUND_PREFIXES`); unmarked, it stays (Kölnische
    Zeitung 1924: "er-" | "Durchführungsvor…" parted by a region, "ver-" | "Jchärft" one word: too few to say).
    Halves in capitals on either side go on as one word ("Com-" | "PI-KXIOX", "deal-" | "EX-KAISER": not a
    compound's shape)."""
    a, b = prev[-1], nxt[:1]
    word = _FIRST_WORD.match(nxt)
    before = _letter_before(reversed(prev[:-1]))
    if before.isalpha() and word is not None and word.group() in SUSPENDING \
            and not nxt[word.end():word.end() + 1].isalnum():
        return False, True
    if before.isalpha() and b.isupper() and _has_lower(prev[:-1]) and word is not None \
            and _has_lower(word.group()) and not _bound_prefix(prev[:-1]):
        return False, a == "\u00ad"
    if marked or (before.isalpha() and b.isalpha() and b.islower()):
        return True, False
    if a == "\u00ad":
        return True, False
    if before.isalpha() and b.isalpha():
        return False, False  # "COACH-" | "HOUSE", not marked: the hyphen as printed, and no space the page has not
    return False, b not in ",.;:!?)]}%"


#: first halves that are no word of their own: German inseparable prefixes ("Er-" | "Öffnung", "Ver-" | "Handlungen":
#: the OCR took a lower-case letter for a capital) and the Scots "Mc" ("Mc-" | "Donald")
BOUND_PREFIXES = frozenset({"be", "emp", "ent", "er", "ge", "ver", "zer", "mc"})


def _bound_prefix(text: str) -> bool:
    """Whether the last word of ``text`` is one of :data:`BOUND_PREFIXES`."""
    word = _LAST_WORD.search(_without_marks(text[-_HELD:]))
    return word is not None and word.group().lower() in BOUND_PREFIXES


def _has_lower(text: str) -> bool:
    """Whether the letters at the end of ``text`` have one in lower case (they are no word set in capitals:
    "Bnnket-HAMME-" | "TJES." goes on in capitals)."""
    word = _LAST_WORD.search(_without_marks(text[-_HELD:]))
    return word is not None and any(c.islower() for c in word.group())


def _without_marks(text: str) -> str:
    """``text`` without its combining marks (the small e over the a of "Aͤrzte-": a letter's, not a word's end)."""
    return "".join(c for c in text if not unicodedata.combining(c))


def _letter_before(backwards: Iterable[str]) -> str:
    """The first character of ``backwards`` (a text read from its end) that is no combining mark: the letter a
    mark sits on (an old German transcription's a with a small e above, U+0364, for ä), "" when there is none."""
    for c in backwards:
        if not unicodedata.category(c).startswith("M"):
            return c
    return ""


def _closed_dash(tail: str, head: str) -> bool:
    """A line ends or the next begins with a dash set closed against its word ("fer.—" / "—Service"): the
    lines join without a space, as the dash was printed."""
    if tail[-1:] in _CLOSED_DASHES:
        return len(tail) >= 2 and not tail[-2].isspace()
    if head[:1] in _CLOSED_DASHES:
        return len(head) >= 2 and not head[1].isspace()
    return False


#: characters before a line end that decide how it meets the next: :func:`_meeting` looks at the last 40 and takes
#: out at most the last one (a hyphen)
_HELD = 64


def reflow_runs(pieces: Iterable[Piece], keep_word_spaces: bool = False) -> Iterator[Run]:
    """The runs of ``pieces`` joined into running text, handed on as they are made (a paragraph of a million
    characters is never held whole but as its text); only the last run is held back, for a hyphen to be taken out
    of it where the next line goes on with the word."""
    last: Run | None = None  # the last run made, not yet handed on
    seen = ""  # the last characters made (at least _HELD of them when there are that many)
    prev_hyph = False
    for p in pieces:
        runs = _clean_runs(p, keep_word_spaces)
        head: list[Run] = []
        n = 0
        for run in runs:  # enough of the line's start to see how it meets the last
            head.append(run)
            n += len(run[0])
            if n >= 40:
                break
        if not head:
            continue
        start = head[0][0] if len(head) == 1 else "".join(r[0] for r in head)  # (one run: a line without spaces)
        drop, glue = _meeting(seen[-_HELD:], start, prev_hyph)
        if drop and last is not None:
            seen = seen[:-1]
            last = (last[0][:-1], last[1], last[2]) if len(last[0]) > 1 else None
        if glue:
            head.insert(0, (" ", None, -1))
        for run in chain(head, runs):  # (the rest of the line)
            if last is not None:
                yield last
            last = run
            seen += run[0]
            if len(seen) > 4 * _HELD:
                seen = seen[-2 * _HELD:]
        prev_hyph = p.hyphenated
    if last is not None:
        yield last


def runs_to_part(role: str, runs: Iterable[Run]) -> Part:
    """The part made of ``runs``: their text, and a span for each stretch of consecutive characters of a line."""
    text: list[str] = []  # _JOINED runs at a time: a string per word of a long line of Latin text was 7x its size
    chunk: list[str] = []
    spans: list[Span] = []
    cur_line: str | None = None
    cur_start = cur_lstart = cur_next = -1
    pos = 0
    for s, line_id, off in runs:
        n = len(s)
        if not n:
            continue
        chunk.append(s)
        if len(chunk) >= _JOINED:
            text.append("".join(chunk))
            chunk.clear()
        if line_id is not None:
            if line_id == cur_line and off == cur_next:
                cur_next += n
            else:
                if cur_line is not None:
                    spans.append(Span(cur_start, cur_start + (cur_next - cur_lstart), cur_line, cur_lstart))
                cur_line, cur_start, cur_lstart, cur_next = line_id, pos, off, off + n
        else:
            if cur_line is not None:
                spans.append(Span(cur_start, cur_start + (cur_next - cur_lstart), cur_line, cur_lstart))
            cur_line = None
        pos += n
    if cur_line is not None:
        spans.append(Span(cur_start, cur_start + (cur_next - cur_lstart), cur_line, cur_lstart))
    text.append("".join(chunk))
    return Part(role, "".join(text), spans)


#: runs joined into one string at a time (:func:`runs_to_part`, :func:`collapse`)
_JOINED = 4096


def _joined(strings: Iterable[str]) -> str:
    """``"".join(strings)`` a few thousand at a time (never a list of every word of a line of millions)."""
    out: list[str] = []
    chunk: list[str] = []
    for s in strings:
        chunk.append(s)
        if len(chunk) >= _JOINED:
            out.append("".join(chunk))
            chunk.clear()
    out.append("".join(chunk))
    return "".join(out)


def sub_part(part: Part, role: str, start: int, end: int | None = None) -> Part:
    """``part.text[start:end]`` as a part of its own (a dateline cut from the paragraph it opens), its spans cut
    to it."""
    end = len(part.text) if end is None else end
    spans = [Span(max(s.start, start) - start, min(s.end, end) - start, s.line, s.line_start + max(0, start - s.start))
             for s in part.spans if s.end > start and s.start < end]
    return Part(role, part.text[start:end], spans)


def reflow(role: str, pieces: Sequence[Piece], keep_word_spaces: bool = False) -> Part:
    """Join ``pieces`` into one part of the given role."""
    return runs_to_part(role, reflow_runs(pieces, keep_word_spaces))


def reflow_lines(role: str, lines: Sequence[Line], keep_word_spaces: bool = False) -> Part:
    return reflow(role, [piece(line) for line in lines], keep_word_spaces)


def collapse(text: str, keep_word_spaces: bool = False) -> str:
    """The text of one line without layout spaces (no mapping kept)."""
    if _WHITESPACE.search(text) is None:
        return text  # nothing to drop or merge: most lines of CJK text (the segmenter calls this per line)
    if _ALWAYS_WIDE.fullmatch(text):  # (as _clean_runs: every space is layout, or every one a word space)
        words = text.split()
        return " ".join(words) if keep_word_spaces and not _is_single_spaced(words) else "".join(words)
    return _joined(run[0] for run in _clean_runs(Piece("", text), keep_word_spaces))


#: the characters ``str.isspace`` accepts (``\s`` of a str pattern is the same Unicode test)
_WHITESPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S+")
#: characters wide wherever they stand (:func:`~reader.text.chars.is_wide`, none of its ambiguous marks: CJK
#: ideographs and the full-width marks of running text), and whitespace: a line of nothing else has a wide character
#: beside every space (tests/segmentation/test_measure_fast.py checks the list against ``is_wide``)
ALWAYS_WIDE = "\u3400-\u4dbf\u4e00-\u9fff，。、；：？！（）《》「」『』【】〔〕"
_ALWAYS_WIDE = re.compile(f"[{ALWAYS_WIDE}\\s]*")


#: roles a line broken mid-word may have been put in by mistake when its word goes on in the body
_DISPLAY_ROLES = frozenset({"headline", "subheadline", "kicker", "section-heading"})


def _ends_broken(part: Part, lines: Mapping[str, Line]) -> bool:
    """The part ends with the hyphen of a line the source marks as hyphenated, at that line's end."""
    if not part.spans or not part.text or part.text[-1] not in HYPHENS:
        return False
    last = part.spans[-1]
    line = lines.get(last.line)
    return (line is not None and line.hyphenated and last.end == len(part.text)
            and last.line_start + (last.end - last.start) >= len(line.text.rstrip()))


def _glued(first: Part, second: Part, role: str) -> Part:
    """``first`` without its final hyphen, then ``second`` directly after it, as one part: the hyphen and a space
    kept where :func:`hyphen_meeting` keeps them ("Finanz-" | "Politik", "Erziehungs-" | "und")."""
    drop, space = hyphen_meeting(first.text[-_HELD:], second.text[:_HELD], True)
    if not drop:
        return _joined_parts(first, second, role, " " if space else "")
    cut = len(first.text) - 1
    spans = [s for s in first.spans if s.start < cut]
    if spans and spans[-1].end > cut:
        s = spans[-1]
        spans[-1] = Span(s.start, cut, s.line, s.line_start)
    spans += [Span(s.start + cut, s.end + cut, s.line, s.line_start) for s in second.spans]
    return Part(role, first.text[:cut] + second.text, spans)


def join_page_turns(parts: list[Part], page_of: Mapping[str, int]) -> list[Part]:
    """Two paragraphs parted only by a page turn, joined: the first ends mid-sentence (no sentence end, colon or
    dash) at the foot of a page and the next begins at the top of a later one — one sentence the page cut in two
    ("… Bereits hat für die" | "Dappenthal-Frage die k. k. österreichische Regierung …", seen by eye in a METS
    issue). ``page_of``: line id → page number. Only neighbouring paragraphs are joined. Linear."""
    out: list[Part] = []
    for part in parts:
        prev = out[-1] if out else None
        if prev is not None and prev.role == part.role == "paragraph" and prev.spans and part.spans \
                and page_of.get(prev.spans[-1].line, 0) < page_of.get(part.spans[0].line, 0) \
                and not _ends_a_sentence(prev.text):
            out[-1] = _spliced(prev, part)
            continue
        out.append(part)
    return out


def join_column_turns(parts: list[Part], lines: Mapping[str, Line]) -> list[Part]:
    """Two paragraphs parted only by a column turn, joined: the first ends mid-sentence at a line above which the
    next begins, in lower case, in a column to the right — the top of the next column ("… eine Entscheidung" |
    "herbeizuführen, dadurch, …": two paragraphs in the window and the export, seen by eye). A capital, a finished
    sentence or a line under the last one (the page's own paragraph break) parts them as before; so does a hyphen (a
    word not marked as hyphenated is not glued over a column turn whose order the layout guessed). ``lines``: line id
    → line (its box). Only neighbouring paragraphs are joined. Linear."""
    out: list[Part] = []
    for part in parts:
        prev = out[-1] if out else None
        if prev is not None and prev.role == part.role == "paragraph" and prev.spans and part.spans \
                and part.text[:1].islower() and not _ends_a_sentence(prev.text) \
                and prev.text.rstrip()[-1:] not in HYPHENS \
                and len(prev.text.split()) >= TURNING_WORDS and len(part.text.split()) >= TURNING_WORDS \
                and _turns_column(lines.get(prev.spans[-1].line), lines.get(part.spans[0].line)):
            out[-1] = _spliced(prev, part)
            continue
        out.append(part)
    return out


#: the least words of each of two paragraphs a column turn is taken to part (a table's cells side by side — "NNW 2" |
#: "halb bed.", "Kiel" | "ab holst. Station …" — are fewer)
TURNING_WORDS = 4
#: how many of its lines' heights above the last line the next column's first must begin (a cell to the right, in
#: the same row, begins about level with it)
TURNING_RISE = 3


def _turns_column(last: Line | None, first: Line | None) -> bool:
    """``first`` is at the top of the column after the one ``last`` ends: well above it on the page, and right of
    ``last``'s left edge by more than half its width."""
    if last is None or first is None or last.box is None or first.box is None:
        return False
    (lx0, ly0, lx1, ly1), (fx0, fy0, _, _) = last.box, first.box
    return fy0 < ly0 - TURNING_RISE * max(ly1 - ly0, 1.0) and fx0 > lx0 + (lx1 - lx0) / 2


def _ends_a_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence, or announces what follows: a sentence end (a Latin full stop too), a
    colon, a dash."""
    t = text.rstrip().rstrip(CLOSERS)
    return ends_sentence(text) or t[-1:] in ".:：—"


def _spliced(first: Part, second: Part) -> Part:
    """``first`` then ``second`` as one paragraph, with a space between them in Latin text (none in CJK), a word
    hyphenated over the page turn ("Washing-" | "ton") joined without its hyphen (review)."""
    text = first.text.rstrip()
    if len(text) >= 2 and text[-1] in HYPHENS and _letter_before(reversed(text[:-1])).isalpha():
        drop, space = hyphen_meeting(text[-_HELD:], second.text[:_HELD], False)
        if drop:
            return _glued(Part(first.role, text, first.spans), second, "paragraph")
        return _joined_parts(first, second, "paragraph", " " if space else "")
    glue = "" if wide_at(text + second.text, len(text) - 1) or wide_at(text + second.text, len(text)) else " "
    return _joined_parts(first, second, "paragraph", glue)


def _joined_parts(first: Part, second: Part, role: str, glue: str) -> Part:
    """``first`` (without the spaces at its end) and ``second`` as one part, ``glue`` between them."""
    text = first.text.rstrip()
    shift = len(text) + len(glue)
    spans = [Span(s.start, min(s.end, len(text)), s.line, s.line_start) for s in first.spans if s.start < len(text)]
    spans += [Span(s.start + shift, s.end + shift, s.line, s.line_start) for s in second.spans]
    return Part(role, text + glue + second.text, spans)


class WordGoesOn:
    """Whether a part starts with the second half of the word a part before it breaks at a line end the
    source marks as hyphenated (``lines``: the source lines in document order; ``block_of``: line id → the id of
    the text block holding it, where known).

    The next line in the file is not always the next line of the text: a block's last line marked as hyphenated
    ("… einen Proceß mit Col\u00ad") was followed by another column's block ("Plötzlich fiel der guten Farmerin
    ein": read "ColPlötzlich", seen by eye). A word goes on into another block only where its halves meet as one
    word's (:func:`hyphen_meeting` takes the hyphen out): not before a capital after a half in lower case."""

    def __init__(self, lines: Sequence[Line], block_of: Mapping[str, str] | None = None) -> None:
        self.by_id = {ln.id: ln for ln in lines}
        self.following = {a.id: b.id for a, b in zip(lines, lines[1:], strict=False) if a.hyphenated}
        self.block_of = block_of or {}

    def __call__(self, prev: Part, part: Part) -> bool:
        return bool(part.spans and part.spans[0].start == 0 and part.spans[0].line_start == 0
                    and _ends_broken(prev, self.by_id)
                    and self.following.get(prev.spans[-1].line) == part.spans[0].line
                    and (self._same_block(prev.spans[-1].line, part.spans[0].line)
                         or hyphen_meeting(prev.text[-_HELD:], part.text[:_HELD], True)[0]))

    def _same_block(self, a: str, b: str) -> bool:
        """Whether lines ``a`` and ``b`` are in one text block (or nothing says they are not)."""
        block = self.block_of.get(a)
        return block is None or block == self.block_of.get(b, block)


def join_broken_words(parts: list[Part], lines: Sequence[Line] | WordGoesOn) -> list[Part]:
    """Parts cut between the two halves of a word the source marks as hyphenated, joined again.

    ``lines`` are the source lines in document order, or a :class:`WordGoesOn` made from them once for the
    articles of a whole document (made again for each, the document's lines were mapped once per article:
    quadratic in a METS issue). A marked hyphenation (ALTO ``HYP``/``SUBS_TYPE``)
    is a word that goes on at the start of the next line, so no paragraph or role boundary can fall
    there: two paragraphs become one, a display line (headline, subheadline) whose last word goes
    on into the body is body text, and one whose word goes on into another display line (a headline's second
    line taken for a subheadline) keeps that line in its own role. Only neighbouring parts are joined. Linear.
    """
    word_goes_on = lines if isinstance(lines, WordGoesOn) else WordGoesOn(lines)
    out: list[Part] = []
    for part in parts:
        prev = out[-1] if out else None
        if prev is not None and word_goes_on(prev, part):
            if prev.role == part.role:
                out[-1] = _glued(prev, part, part.role)
                continue
            if prev.role in _DISPLAY_ROLES and part.role == "paragraph":
                out[-1] = _glued(prev, part, "paragraph")
                continue
            if prev.role in _DISPLAY_ROLES and part.role in _DISPLAY_ROLES:
                out[-1] = _glued(prev, part, prev.role)  # one display element: "… Fill Va-" | "cancy in …"
                continue
        out.append(part)
    return out
