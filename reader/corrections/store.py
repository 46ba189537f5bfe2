"""The reader's corrections, kept as an overlay over the articles read from the source.

Two kinds of correction, both stored in the catalogue and never written into
a source file:

* segmentation: merge two articles, split an article at a part, move a part
  (block) to another article, set or change a headline, set a part's role,
  join two paragraphs, split a paragraph at a character;
* OCR text: replace a span of a line's text, keeping the original and the
  corrected reading (both searched: reader.search.readings; either shown).

Every correction names the parts and articles it touches by SOURCE LINE IDS
(plus the article key as a hint), so after a re-import it applies again
wherever those lines still exist, and is reported as stale (kept, not
applied) where they do not. :func:`apply_overlay` is a pure function from
source-derived Articles and corrections to corrected Articles;
:func:`corrected_article` gives the corrected reading of one article.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import logging
import os
import sqlite3
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Any

from reader.corrections.anchors import with_anchors
from reader.library.catalogue import Library, Migration, article_line_rows, now_iso, renamed_key, transaction
from reader.library.changes import pg_counter_step, sqlite_counter_step
from reader.library.db import Connection
from reader.library.owners import (
    SHARES_GROUP,
    Visibility,
    current_owner,
    is_postgres,
    owner_columns,
    rls_policies,
    sqlite_owner_step,
)
from reader.model.document import HEADLINE_ROLES, READING_HEAD, Article, Part, Replacement, Span, reading_order
from reader.model.errors import BroadsheetError
from reader.text.chars import is_wide

log = logging.getLogger(__name__)

#: kinds of correction and the data each needs
KINDS: dict[str, tuple[str, ...]] = {
    "merge": ("line", "other", "other_line"),
    "split": ("line",),
    "move": ("line", "to", "to_line"),
    "headline": (),
    "role": ("line", "role"),
    "join": ("line",),
    "split-paragraph": ("line", "offset"),
    "text": ("line", "start", "end", "original", "corrected"),
}


#: the parts a reader sees above the body (kicker, headline, subheadline, byline, dateline): a split of the
#: body leaves them to the first half even where the page prints them after the body
HEAD_GROUP = ("kicker", "headline", "subheadline", "byline", "dateline")


class CorrectionError(BroadsheetError):
    """A correction cannot be made or stored as asked."""

    def __init__(self, message: str) -> None:
        super().__init__(message if message.endswith((".", "?", "!")) else message + ".")


def _str(d: Mapping[str, Any], key: str, required: bool = True) -> str | None:
    value = d.get(key)
    if value is None or value == "":
        if required:
            raise CorrectionError(f"{key} is missing")
        return None
    if not isinstance(value, str):
        raise CorrectionError(f"{key} must be text, not {value!r}")
    return value


def _int(d: Mapping[str, Any], key: str, required: bool = True) -> int | None:
    value = d.get(key)
    if value is None:
        if required:
            raise CorrectionError(f"{key} is missing")
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CorrectionError(f"{key} must be a whole number, not {value!r}")
    return value


@dataclass(frozen=True)
class MergeChange:
    """Append article ``other`` (holding ``other_line``) to the article holding ``line``."""

    line: str | None
    other: str
    other_line: str | None

    @classmethod
    def decode(cls, d: Mapping[str, Any]) -> MergeChange:
        return cls(_str(d, "line", False), str(_str(d, "other")), _str(d, "other_line", False))


@dataclass(frozen=True)
class SplitChange:
    """Start a new article (id ``new_id``, default ``key~line``) at the part showing character ``at`` of ``line``."""

    line: str
    at: int | None = None
    new_id: str | None = None

    @classmethod
    def decode(cls, d: Mapping[str, Any]) -> SplitChange:
        return cls(str(_str(d, "line")), _int(d, "at", False), _str(d, "new_id", False))


@dataclass(frozen=True)
class MoveChange:
    """Move the part showing ``at`` of ``line`` into article ``to`` (at ``position``, default the end)."""

    line: str
    to: str
    to_line: str | None
    at: int | None = None
    position: int | None = None

    @classmethod
    def decode(cls, d: Mapping[str, Any]) -> MoveChange:
        pos = d.get("position")  # older rows may hold anything here: only a whole number places the part
        return cls(str(_str(d, "line")), str(_str(d, "to")), _str(d, "to_line", False), _int(d, "at", False),
                   pos if isinstance(pos, int) and not isinstance(pos, bool) else None)


@dataclass(frozen=True)
class HeadlineChange:
    """Make the part showing ``at`` of ``line`` the headline, or give the article (of ``article_line``) ``text``."""

    line: str | None = None
    at: int | None = None
    text: str | None = None
    article_line: str | None = None

    @classmethod
    def decode(cls, d: Mapping[str, Any]) -> HeadlineChange:
        line, text = _str(d, "line", False), d.get("text")
        if not line and not text:
            raise CorrectionError("a headline correction needs a line or a text")
        return cls(line, _int(d, "at", False), None if line else str(text), _str(d, "article_line", False))


@dataclass(frozen=True)
class RoleChange:
    """Give the part showing ``at`` of ``line`` the role ``role``."""

    line: str
    role: str
    at: int | None = None

    @classmethod
    def decode(cls, d: Mapping[str, Any]) -> RoleChange:
        return cls(str(_str(d, "line")), str(_str(d, "role")), _int(d, "at", False))


@dataclass(frozen=True)
class JoinChange:
    """Join the part showing ``at`` of ``line`` to the part before it."""

    line: str
    at: int | None = None

    @classmethod
    def decode(cls, d: Mapping[str, Any]) -> JoinChange:
        return cls(str(_str(d, "line")), _int(d, "at", False))


@dataclass(frozen=True)
class SplitParagraphChange:
    """Split the part showing character ``offset`` of ``line`` before that character."""

    line: str
    offset: int

    @classmethod
    def decode(cls, d: Mapping[str, Any]) -> SplitParagraphChange:
        return cls(str(_str(d, "line")), int(_int(d, "offset") or 0))


@dataclass(frozen=True)
class TextChange:
    """Read ``corrected`` for ``original``, characters ``start``..``end`` of source line ``line``."""

    line: str
    start: int
    end: int
    original: str
    corrected: str
    #: the line's text when the correction was made, whitespace taken out (its anchor), "" when not kept
    line_text: str = ""

    @classmethod
    def decode(cls, d: Mapping[str, Any]) -> TextChange:
        original = d.get("original")
        corrected = d.get("corrected")
        if not isinstance(original, str) or not isinstance(corrected, str):
            raise CorrectionError("original and corrected must be text")
        line = str(_str(d, "line"))
        anchors = d.get("anchors")
        held = anchors.get("lines") if isinstance(anchors, Mapping) else None
        kept = held.get(line) if isinstance(held, Mapping) else None
        text = kept.get("text") if isinstance(kept, Mapping) else None
        return cls(line, int(_int(d, "start") or 0), int(_int(d, "end") or 0), original, corrected,
                   text if isinstance(text, str) else "")

    def context(self) -> tuple[str, str]:
        """The characters of its line before and after the words corrected, when it was made (whitespace out): the
        occurrence of ``original`` that comes nearest ``start`` in the line's text kept."""
        word = "".join(self.original.split())
        if not word or word not in self.line_text:
            return "", ""
        places = [i for i in range(len(self.line_text)) if self.line_text.startswith(word, i)]
        at = max((i for i in places if i <= self.start), default=places[0])
        return self.line_text[:at], self.line_text[at + len(word):]


Change = (MergeChange | SplitChange | MoveChange | HeadlineChange | RoleChange | JoinChange | SplitParagraphChange
          | TextChange)

#: correction kind → the frozen dataclass its data decodes into
CHANGES: dict[str, Callable[[Mapping[str, Any]], Change]] = {
    "merge": MergeChange.decode,
    "split": SplitChange.decode,
    "move": MoveChange.decode,
    "headline": HeadlineChange.decode,
    "role": RoleChange.decode,
    "join": JoinChange.decode,
    "split-paragraph": SplitParagraphChange.decode,
    "text": TextChange.decode,
}


@dataclass
class Correction:
    """One correction. ``article`` is the key of the article it was made on; ``data`` names lines."""

    kind: str
    article: str
    data: dict[str, Any]
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    creator: str = ""
    created: str = field(default_factory=now_iso)
    _change: Change = field(init=False, repr=False, compare=False)
    #: who made it and who else may see it (:mod:`reader.library.owners`)
    owner: str = ""
    visibility: str = "private"
    #: its place in the order made (the store's ``seq``), once stored: an undo's redo puts it back there
    #: (:meth:`CorrectionStore.put_back`); not part of what it is (a backup keeps the order, not the numbers)
    seq: int | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise CorrectionError(f"unknown correction kind {self.kind!r} (known: {', '.join(KINDS)})")
        missing = [k for k in KINDS[self.kind] if k not in self.data]
        if missing:
            raise CorrectionError(f"a {self.kind} correction needs {', '.join(missing)}")
        try:
            change = CHANGES[self.kind](self.data)
        except CorrectionError as e:
            raise CorrectionError(f"a {self.kind} correction: {e}") from e
        self._change = change

    @property
    def change(self) -> Change:
        """What the correction does, as the frozen dataclass of its kind (decoded and checked from ``data``)."""
        return self._change

    def to_json(self) -> dict[str, Any]:
        out = {"id": self.id, "kind": self.kind, "article": self.article, "data": self.data,
               "creator": self.creator, "created": self.created, "visibility": self.visibility}
        if self.owner:
            out["owner"] = self.owner
        return out

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Correction:
        """A correction from the record :meth:`to_json` writes; CorrectionError (one sentence) if it is not one."""
        if not isinstance(obj, Mapping):
            raise CorrectionError("not a correction record: it is not a JSON object")
        for key in ("kind", "article"):
            if not isinstance(obj.get(key), str) or not obj[key]:
                raise CorrectionError(f"not a correction record: {key} must be text")
        if not isinstance(obj.get("data"), Mapping):
            raise CorrectionError("not a correction record: data must be a JSON object")
        for key in ("id", "creator", "created", "visibility"):
            if obj.get(key) is not None and not isinstance(obj[key], str):
                raise CorrectionError(f"not a correction record: {key} must be text")
        try:
            visibility = Visibility.parse(obj.get("visibility")).value
        except ValueError as e:
            raise CorrectionError(f"not a correction record: {e}") from e
        return cls(kind=obj["kind"], article=obj["article"], data=dict(obj["data"]),
                   id=obj.get("id") or str(uuid.uuid4()), creator=obj.get("creator") or "",
                   created=obj.get("created") or now_iso(), visibility=visibility)


# --------------------------------------------------------------------------- constructors


def _first_line(article: Article) -> str | None:
    ids = article.line_ids()
    return ids[0] if ids else None


def _part_with_offset(article: Article, offset: int) -> tuple[int, int]:
    """(part index, offset in the part) of ``offset`` in ``article.text``."""
    pos = 0
    for i, part in enumerate(article.parts):
        if offset <= pos + len(part.text):
            return i, max(0, offset - pos)
        pos += len(part.text) + 2
    raise CorrectionError(f"offset {offset} is outside article {article.id}")


def _part_ref(article: Article, index: int) -> dict[str, Any]:
    """How a correction names a part: its first character's source line and offset in that line.

    One source line can feed several parts (a dateline, a byline and the
    first paragraph printed on one line), so the line alone is not enough.
    """
    if not 0 <= index < len(article.parts):
        raise CorrectionError(f"article {article.id} has no part {index}")
    spans = article.parts[index].spans
    if not spans:
        raise CorrectionError(f"part {index} of article {article.id} has no source lines to anchor a correction")
    return {"line": spans[0].line, "at": spans[0].line_start}


def merge_articles(article: Article, other: Article, key: str | None = None,
                   other_key: str | None = None) -> Correction:
    """Append ``other``'s parts to ``article`` (and drop ``other``)."""
    if article is other or (key or article.id) == (other_key or other.id):  # stored, it was said stale ever after
        raise CorrectionError(f"article {key or article.id} cannot be merged with itself")
    return Correction("merge", key or article.id, {"line": _first_line(article), "other": other_key or other.id,
                                                   "other_line": _first_line(other)})


def split_article(article: Article, part_index: int, key: str | None = None,
                  new_id: str | None = None) -> Correction:
    """Start a new article at part ``part_index`` of ``article``."""
    if part_index < 1:
        raise CorrectionError("an article can only be split after its first part")
    data: dict[str, Any] = _part_ref(article, part_index)
    # the piece's id, named now: derived from the line when applied, it changed when lines were added above and the
    # split re-anchored (KEY~p1.l92 became KEY~p1.l96), and the collection entries and notes on the piece lost it
    data["new_id"] = new_id or f"{key or article.id}~{data['line']}"
    return Correction("split", key or article.id, data)


def move_block(article: Article, part_index: int, to: Article, position: int | None = None,
               key: str | None = None, to_key: str | None = None) -> Correction:
    """Move part ``part_index`` of ``article`` into ``to`` (at ``position``, default the end)."""
    data: dict[str, Any] = {**_part_ref(article, part_index), "to": to_key or to.id, "to_line": _first_line(to)}
    if position is not None:
        data["position"] = position
    return Correction("move", key or article.id, data)


def set_headline(article: Article, part_index: int | None = None, text: str | None = None,
                 key: str | None = None) -> Correction:
    """Make a part the headline, or give the article a headline text of the reader's own."""
    data: dict[str, Any] = {"article_line": _first_line(article)}
    if part_index is not None:
        data.update(_part_ref(article, part_index))
    elif text and text.strip():
        data["text"] = " ".join(text.split())
    else:
        raise CorrectionError("a headline correction needs a part or a text")
    return Correction("headline", key or article.id, data)


def set_role(article: Article, part_index: int, role: str, key: str | None = None) -> Correction:
    """Give a part another role (byline, dateline, caption …)."""
    from reader.model.document import ROLES

    if role not in ROLES:
        raise CorrectionError(f"unknown role {role!r}")
    return Correction("role", key or article.id, {**_part_ref(article, part_index), "role": role})


def join_paragraphs(article: Article, part_index: int, key: str | None = None) -> Correction:
    """Join part ``part_index`` to the part before it."""
    if part_index < 1:
        raise CorrectionError("the first part has nothing before it to join")
    return Correction("join", key or article.id, _part_ref(article, part_index))


def split_paragraph(article: Article, offset: int, key: str | None = None) -> Correction:
    """Split the part holding ``article.text[offset]`` before that character."""
    index, inner = _part_with_offset(article, offset)
    where = article.parts[index].locate(inner)
    if where is None or inner == 0 or inner >= len(article.parts[index].text):
        raise CorrectionError("a paragraph can only be split inside its text")
    line, line_offset = where
    return Correction("split-paragraph", key or article.id, {"line": line, "offset": line_offset})


def correct_text(article: Article, start: int, end: int, corrected: str, key: str | None = None,
                 creator: str = "") -> Correction:
    """Replace ``article.text[start:end]`` (inside one line of one part) with ``corrected``."""
    index, inner = _part_with_offset(article, start)
    part = article.parts[index]
    inner_end = inner + (end - start)
    if end <= start or inner_end > len(part.text):
        raise CorrectionError("a text correction must lie inside one part")
    first = part.locate(inner)
    last = part.locate(inner_end - 1)
    if first is None or last is None or first[0] != last[0]:
        raise CorrectionError("a text correction must lie inside one source line")
    if last[1] - first[1] != inner_end - 1 - inner:
        raise CorrectionError("a text correction must not span characters the reflow inserted or removed")
    original = part.text[inner:inner_end]
    return Correction("text", key or article.id, {"line": first[0], "start": first[1], "end": last[1] + 1,
                                                  "original": original, "corrected": corrected}, creator=creator)


def correct_text_lines(article: Article, start: int, end: int, corrected: str, key: str | None = None,
                       creator: str = "") -> list[Correction]:
    """Replace ``article.text[start:end]`` (inside one part, over one source line or more) with ``corrected``: one
    text correction per line whose characters change (a word the reflow joined from "embez-" and "zied").

    Only the lines whose characters change are corrected, each for its piece of the selection (embezzied →
    embezzled corrects "zied" of the second line alone), so each correction stays on the line it belongs to.
    What the reflow put between two lines (a space; nothing between Chinese lines or in a hyphenated word) is
    in no line: a correction keeping it gives each line its piece (Nwe Yrok → New York), one taking it out is
    refused; over lines with nothing between them, the first line's piece reads the change and the next ones
    nothing. The corrections share a ``group`` and are undone together. Inside one line: :func:`correct_text`."""
    index, inner = _part_with_offset(article, start)
    part = article.parts[index]
    inner_end = inner + (end - start)
    if end <= start or inner_end > len(part.text):
        raise CorrectionError("a text correction must lie inside one part")
    if corrected == part.text[inner:inner_end]:
        return []  # nothing changes: no correction (one "Revolution" → "Revolution" was marked and exported)
    runs = _line_runs(part, inner, inner_end)
    if len(runs) == 1 and (runs[0][2], runs[0][3]) == (inner, inner_end):
        return [correct_text(article, start, end, corrected, key=key, creator=creator)]
    lo, hi, new = _changed(part, inner, inner_end, corrected)
    if lo is None:
        return []
    runs = [r for r in _line_runs(part, min(lo, inner), max(hi, inner_end)) if r[2] < hi and lo < r[3]]
    if not runs:
        raise CorrectionError(_REFLOW_SPACE)
    # the separators between the lines the change touches lie inside the change: it is cut there, and each line
    # corrected for its whole piece of the selection
    new = _inside(new, part.text[lo:runs[0][2]], part.text[runs[-1][3]:hi])
    lo, hi = max(lo, runs[0][2]), min(hi, runs[-1][3])
    pieces = _shared(new, [part.text[x[3]:y[2]] for x, y in pairwise(runs)], part.text[lo:hi],
                     [r[3] - lo for r in runs[:-1]])
    pieces[0] = part.text[runs[0][2]:lo] + pieces[0]
    pieces[-1] += part.text[hi:runs[-1][3]]
    out = []
    for (line, at, a, b), piece in zip(runs, pieces, strict=True):
        if piece != part.text[a:b]:
            out.append(Correction("text", key or article.id, {"line": line, "start": at, "end": at + b - a,
                                                              "original": part.text[a:b], "corrected": piece},
                                  creator=creator))
    if len(out) > 1:  # made together, undone together (`correct undo`; the window's one command)
        group = uuid.uuid4().hex
        for c in out:
            c.data["group"] = group
    return out


def reading_edit(article: Article, fixes: Sequence[TextFix], start: int, end: int, corrected: str,
                 ) -> tuple[int, int, str]:
    """Characters ``start``..``end`` of the reading (``article`` with the corrections read of ``fixes`` applied: the
    text ``broadsheet show`` prints and the window shows) to read ``corrected``, as an edit of the OCR's text for
    :func:`recorrect_text`: (start, end, corrected) over the whole of every correction the characters touch, its words
    outside them kept as read ("色" of 黑灰色, a correction of 黑灰, given as 調 is 黑灰 → 黑灰調; the window widens a
    selection to whole corrections before asking). Offsets taken from ``show`` or a search's ``matches`` had been read
    by ``correct text`` as the OCR's after a correction changing the length (势。 was corrected for 趋势)."""
    read = newest_wins(fixes)
    [(lo, hi)] = original_ranges(article, read, [(start, end)])
    [(shown_lo, shown_hi)] = corrected_ranges(article, read, [(lo, hi)])
    shown = apply_fixes(article, read).text
    return lo, hi, shown[shown_lo:start] + corrected + shown[end:shown_hi]


def recorrect_text(article: Article, fixes: Sequence[TextFix], start: int, end: int, corrected: str,
                   key: str | None = None, creator: str = "",
                   mine: Callable[[Correction], bool] | None = None) -> tuple[list[Correction], list[Correction]]:
    """Correct ``article.text[start:end]`` (the OCR's text; inside one part) to ``corrected`` where text corrections
    (``fixes``: resolved on ``article``, in the order made — :func:`located_fixes`, or those read, :func:`text_fixes`)
    lie: (the corrections to take away, those to add); both empty when the words already read so.

    A correction read there that reaches beyond ``start``..``end`` is corrected whole: its words outside them are
    kept as it reads them (composed: "en" of the OCR's "pflanzen", read "Pflanzen-BOB", given as "en-ALICE" is
    "Pflanzen-ALICE"), so the new correction leaves every word outside what was given as it read. The corrections read
    there that are ``mine`` (all when None) go; ``corrected`` is made one correction a line as by
    :func:`correct_text_lines`, the newest, read over the ones that stay (:func:`newest_wins`). Where it reads as the
    OCR does (the page's letters put back), a correction that stays or one a correction taken away hid would be read
    again: a correction of those words reading as the OCR does is made over it (it was "nothing to correct: the text
    already reads so", and the colleague's correction stayed read). A second correction over a first had located its
    characters on the source character before them."""
    index, inner = _part_with_offset(article, start)
    part = article.parts[index]
    if end <= start or inner + (end - start) > len(part.text):
        raise CorrectionError("a text correction must lie inside one part")
    read = [f for f in newest_wins(fixes) if f.part == index]
    lo, hi, text = _composed(part.text, read, inner, inner + (end - start), corrected)
    if text == _reading(part.text, read, lo, hi):
        return [], []
    at = start - inner
    new = correct_text_lines(article, at + lo, at + hi, text, key=key, creator=creator)
    beside = _beside(read, [f for f in located_fixes(article, new) if f.part == index], lo, hi)
    if beside:  # made again over those too, as they read
        a, b = min([lo, *(f.start for f in beside)]), max([hi, *(f.end for f in beside)])
        lo, hi, text = a, b, _reading(part.text, read, a, lo) + text + _reading(part.text, read, hi, b)
        new = correct_text_lines(article, at + lo, at + hi, text, key=key, creator=creator)
    old = [f.correction for f in read if f.start < hi and lo < f.end and (mine is None or mine(f.correction))]
    gone = {c.id for c in old}
    after = [f for f in fixes if f.correction.id not in gone] + located_fixes(article, new)
    made = {c.id for c in new}
    for f in newest_wins(after):  # read again, or read still though what was typed reads as the OCR there
        if f.part == index and f.start < hi and lo < f.end and f.correction.id not in made:
            a, b = max(f.start, lo), min(f.end, hi)
            new.append(correct_text(article, at + a, at + b, part.text[a:b], key=key, creator=creator))
    if len(new) > 1:  # made together, undone together
        group = uuid.uuid4().hex
        for c in new:
            c.data["group"] = group
    return old, new


def _beside(read: Sequence[TextFix], made: Sequence[TextFix], lo: int, hi: int) -> list[TextFix]:
    """The corrections ``read`` outside ``lo``..``hi`` that the corrections ``made`` for those characters reach into:
    over several lines, a change putting characters in at an edge takes the character beside it along
    (:func:`_changed`), which may be another correction's — read no more under the new one, its words would read
    as the OCR's."""
    return [f for f in read if not (f.start < hi and lo < f.end)
            and any(g.start < f.end and f.start < g.end for g in made)]


def _composed(text: str, read: Sequence[TextFix], lo: int, hi: int, corrected: str) -> tuple[int, int, str]:
    """``text[lo:hi]`` (a part's OCR text) corrected to ``corrected``, widened over the corrections ``read`` there
    that reach beyond it: (start, end, what those characters are to read), the words of such a correction outside
    ``lo``..``hi`` kept as it reads them (placed by aligning what it replaced with what it reads)."""
    start, end, before, after = lo, hi, "", ""
    for f in read:
        if not (f.start < hi and lo < f.end):
            continue
        ops = SequenceMatcher(None, text[f.start:f.end], f.corrected, autojunk=False).get_opcodes()
        if f.start < lo:
            start, before = f.start, f.corrected[:_placed(ops, lo - f.start, len(f.corrected), left=True)]
        if f.end > hi:
            end, after = f.end, f.corrected[_placed(ops, hi - f.start, len(f.corrected), left=False):]
    return start, end, before + corrected + after


def _placed(opcodes: Sequence[tuple[str, int, int, int, int]], x: int, n: int, left: bool) -> int:
    """Where offset ``x`` of a correction's original falls in what it reads (``n`` characters; ``opcodes`` of
    :class:`difflib.SequenceMatcher`): inside text both share, at its place; inside a replacement, at the same share of
    it; text put in exactly at ``x`` goes with the words on the side kept (``left``: the words before ``x``)."""
    if left:
        ends = [j2 for _tag, _i1, i2, _j1, j2 in opcodes if i2 == x]
        if ends:
            return max(ends)
    else:
        starts = [j1 for _tag, i1, _i2, j1, _j2 in opcodes if i1 == x]
        if starts:
            return min(starts)
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 < x < i2:
            return j1 + x - i1 if tag == "equal" else j1 + round((x - i1) * (j2 - j1) / (i2 - i1))
    return n if left else 0


def _reading(text: str, read: Sequence[TextFix], lo: int, hi: int) -> str:
    """How ``text[lo:hi]`` (a part's OCR text) reads with the corrections ``read`` (in text order; each within it or
    outside it)."""
    out: list[str] = []
    at = lo
    for f in read:
        if lo <= f.start and f.end <= hi:
            out += [text[at:f.start], f.corrected]
            at = f.end
    out.append(text[at:hi])
    return "".join(out)


_REFLOW_SPACE = ("a correction cannot take out or change the space the reflow put between two source lines (it is "
                 "in neither line); correct the characters on either side of it")


def _changed(part: Part, lo: int, hi: int, corrected: str) -> tuple[int | None, int, str]:
    """The part of ``part.text[lo:hi]`` that ``corrected`` changes, and what it reads: ``(start, end, text)``
    without the beginning and end they share (start None: nothing changes). An insertion takes the character
    before it (or after it) along, so that it has a line."""
    original = part.text[lo:hi]
    if corrected == original:
        return None, hi, corrected
    head = len(os.path.commonprefix([original, corrected]))
    tail = len(os.path.commonprefix([original[head:][::-1], corrected[head:][::-1]]))
    start, end, new = lo + head, hi - tail, corrected[head:len(corrected) - tail]
    if start == end:
        if start > 0 and part.locate(start - 1) is not None:
            return start - 1, end, part.text[start - 1] + new
        return start, end + 1, new + part.text[end:end + 1]
    return start, end, new


def _line_runs(part: Part, lo: int, hi: int) -> list[tuple[str, int, int, int]]:
    """``(line, offset in the line, start, end)`` of each run of ``part.text[lo:hi]`` that comes, character for
    character, from one source line; characters the reflow put in are in none."""
    runs: list[tuple[str, int, int, int]] = []
    for s in sorted(part.spans, key=lambda span: span.start):
        a, b = max(s.start, lo), min(s.end, hi)
        if a >= b:
            continue
        at = s.line_start + a - s.start
        last = runs[-1] if runs else None
        if last is not None and last[0] == s.line and last[3] == a and last[1] + (a - last[2]) == at:
            runs[-1] = (s.line, last[1], last[2], b)
        else:
            runs.append((s.line, at, a, b))
    return runs


def _inside(corrected: str, before: str, after: str) -> str:
    """``corrected`` without the reflow's characters the change began or ended on (they are in no line)."""
    if not corrected.startswith(before) or not corrected[len(before):].endswith(after):
        raise CorrectionError(_REFLOW_SPACE)
    return corrected[len(before):len(corrected) - len(after)]


def _shared(corrected: str, separators: list[str], original: str, ends: list[int]) -> list[str]:
    """``corrected`` (the correction of ``original``) cut into one piece a line. Where every two lines have
    something between them (a space), at each separator in turn; where some have nothing (a hyphenated word, CJK
    lines), each line takes the piece standing for its characters (``ends``: where each line but the last ends
    in ``original``), found by aligning the two texts: "Despo" / "tism" → "Deſpotiſm" is "Deſpo" / "tiſm"."""
    if not all(separators):
        return _aligned(corrected, separators, original, ends)
    pieces: list[str] = []
    rest = corrected
    for sep in separators:
        cut = rest.find(sep)
        if cut < 0:
            raise CorrectionError(_REFLOW_SPACE)
        pieces.append(rest[:cut])
        rest = rest[cut + len(sep):]
    return [*pieces, rest]


def _aligned(corrected: str, separators: list[str], original: str, ends: list[int]) -> list[str]:
    """:func:`_shared` by alignment: each line end and separator of ``original`` at its place in ``corrected``."""
    opcodes = SequenceMatcher(None, original, corrected, autojunk=False).get_opcodes()
    pieces: list[str] = []
    at = 0
    for end, sep in zip(ends, separators, strict=True):
        cut, after = _place_in(opcodes, end), _place_in(opcodes, end + len(sep))
        if corrected[cut:after] != sep:
            raise CorrectionError(_REFLOW_SPACE)
        pieces.append(corrected[at:cut])
        at = after
    return [*pieces, corrected[at:]]


def _place_in(opcodes: Sequence[tuple[str, int, int, int, int]], x: int) -> int:
    """Where offset ``x`` of the first text falls in the second (``opcodes`` of :class:`difflib.SequenceMatcher`):
    inside or at the edge of text both share, at its place there; inside a replacement, at the same share of it
    (text put in exactly at ``x`` goes with what follows)."""
    for tag, i1, i2, j1, _j2 in opcodes:
        if tag == "equal" and i1 <= x <= i2:
            return j1 + x - i1
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 <= x <= i2 and tag != "equal":
            if x == i2:
                return j2
            return j1 + round((x - i1) * (j2 - j1) / (i2 - i1)) if i2 > i1 else j2
    return opcodes[-1][4] if opcodes else 0


# --------------------------------------------------------------------------- applying


@dataclass
class OverlayResult:
    """Corrected articles, the corrections applied, and the stale ones with the reason."""

    articles: list[Article]
    applied: list[Correction]
    stale: list[tuple[Correction, str]]


def _joiner(a: str, b: str) -> str:
    if not a or not b:
        return ""
    if is_wide(a[-1]) or is_wide(b[0]):
        return ""
    return " "


def _concat(first: Part, second: Part, role: str | None = None) -> Part:
    sep = _joiner(first.text, second.text)
    shift = len(first.text) + len(sep)
    spans = list(first.spans) + [Span(s.start + shift, s.end + shift, s.line, s.line_start) for s in second.spans]
    return Part(role or first.role, first.text + sep + second.text, spans)


def _cut(part: Part, at: int) -> tuple[Part, Part]:
    left_spans: list[Span] = []
    right_spans: list[Span] = []
    for s in part.spans:
        if s.end <= at:
            left_spans.append(s)
        elif s.start >= at:
            right_spans.append(Span(s.start - at, s.end - at, s.line, s.line_start))
        else:
            left_spans.append(Span(s.start, at, s.line, s.line_start))
            right_spans.append(Span(0, s.end - at, s.line, s.line_start + at - s.start))
    keep = len(part.text[:at].rstrip())
    left = Part(part.role, part.text[:keep],
                [Span(sp.start, min(sp.end, keep), sp.line, sp.line_start) for sp in left_spans if sp.start < keep])
    right = Part("paragraph" if part.role in ("headline", "kicker", "subheadline") else part.role,
                 part.text[at:], right_spans)
    return left, _lstrip(right)


def _lstrip(part: Part) -> Part:
    n = len(part.text) - len(part.text.lstrip())
    if not n:
        return part
    spans = [Span(max(0, s.start - n), s.end - n, s.line, s.line_start + max(0, n - s.start))
             for s in part.spans if s.end > n]
    return Part(part.role, part.text[n:], spans)


def part_offset(part: Part, line: str, offset: int) -> int | None:
    """The offset in ``part.text`` of character ``offset`` of source line ``line``, if the part shows it."""
    for s in part.spans:
        if s.line == line and s.line_start <= offset < s.line_start + (s.end - s.start):
            return s.start + offset - s.line_start
    return None


class _Overlay:
    """Mutable working state while corrections are applied in order."""

    def __init__(self, articles: Sequence[Article], key: Callable[[Article], str],
                 line_pages: LinePages | None, sources: Mapping[str, str] | None = None,
                 source_line_pages: Mapping[str, LinePages] | None = None) -> None:
        self.articles = [copy.deepcopy(a) for a in articles]
        self.keys = {id(a): key(orig) for a, orig in zip(self.articles, articles, strict=False)}
        self.line_pages = line_pages
        #: source file → its :data:`LinePages`: a line is paged in its own file (:func:`line_pages_by_source`)
        self.source_line_pages = source_line_pages or {}
        #: article key → its source file: line ids repeat across the files of an issue (p1.l5 in 01.txt
        #: and in 02.txt), so a correction only ever looks among the articles of its own source
        self.sources = sources or {}
        self.scope: str | None = None

    def key(self, article: Article) -> str:
        return self.keys.get(id(article), article.id)

    def source_of(self, c: Correction) -> str | None:
        anchors = c.data.get("anchors")
        if isinstance(anchors, Mapping) and isinstance(anchors.get("source"), str):
            return str(anchors["source"])
        return self.sources.get(c.article.split("~", 1)[0])

    def candidates(self) -> list[Article]:
        """The articles the correction being applied may touch: those of its source (all, when unknown)."""
        if self.scope is None or not self.sources:
            return self.articles
        return [a for a in self.articles if self.sources.get(self.key(a).split("~", 1)[0], self.scope) == self.scope]

    def article(self, key: str | None, line: str | None) -> Article | None:
        """The article a correction means: the one holding ``line`` (the truth), else by key."""
        mine = self.candidates()
        if line:
            for a in mine:
                if self.key(a) == key and line in a.line_ids():
                    return a
            for a in mine:
                if line in a.line_ids():
                    return a
            return None
        for a in self.articles:
            if self.key(a) == key:
                return a
        return None

    def part(self, line: str, at: int | None = None) -> tuple[Article, int] | None:
        """The part showing character ``at`` of ``line`` (any part of that line when ``at`` is None)."""
        for a in self.candidates():
            for i, p in enumerate(a.parts):
                if line in p.line_ids and (at is None or part_offset(p, line, int(at)) is not None):
                    return a, i
        return None

    def repage(self, article: Article) -> None:
        source = self.sources.get(self.key(article).split("~", 1)[0])
        line_pages = self.source_line_pages.get(source) if source is not None else None
        line_pages = line_pages if line_pages is not None else self.line_pages
        if line_pages is None:
            return
        known = set(article.pages)
        pages: list[int] = []
        for line in article.line_ids():
            n = page_of_line(line_pages, line, known)
            if n is not None and n not in pages:
                pages.append(n)
        if pages:
            article.pages = pages

    def drop_if_empty(self, article: Article) -> None:
        if not article.parts:
            self.articles.remove(article)


def apply_overlay(articles: Sequence[Article], corrections: Iterable[Correction],
                  key: Callable[[Article], str] | None = None,
                  line_pages: LinePages | None = None,
                  sources: Mapping[str, str] | None = None,
                  source_line_pages: Mapping[str, LinePages] | None = None) -> OverlayResult:
    """Apply the segmentation corrections, in order, to copies of ``articles``.

    Text corrections do not change segmentation: they are checked (so stale
    ones are reported) and left for :func:`corrected_article`. ``source_line_pages`` (source file → line id → the
    pages of that file holding it, :func:`line_pages_by_source`; with ``sources``, article key → source file) or
    ``line_pages`` (line id → the pages holding a line of that id, one file's) lets moved
    parts update the articles' page lists.
    """
    state = _Overlay(articles, key or (lambda a: a.id), line_pages, sources, source_line_pages)
    applied: list[Correction] = []
    stale: list[tuple[Correction, str]] = []
    for corr in corrections:
        state.scope = state.source_of(corr)
        try:
            reason = _apply_one(state, corr)
        except CorrectionError as e:
            reason = str(e)
        if reason:
            log.info("correction %s (%s) not applied: %s", corr.id, corr.kind, reason)
            stale.append((corr, reason))
        else:
            applied.append(corr)
    return OverlayResult(state.articles, applied, stale)


def _apply_merge(state: _Overlay, key: str, ch: MergeChange) -> str | None:
    target = state.article(key, ch.line)
    other = state.article(ch.other, ch.other_line)
    if target is None or other is None:
        return "an article it merges is gone"
    if target is other:
        return "the articles are already one"
    target.parts.extend(_joining(target, other))
    target.pages = target.pages + [p for p in other.pages if p not in target.pages]
    if not target.title and other.title:
        target.title = other.title
    target.kind = merged_kind(target.kind, other.kind)
    state.articles.remove(other)
    state.repage(target)
    return None


#: the roles read before the text (:data:`reader.model.document.READING_HEAD`) that are not headlines
_READ_FIRST = frozenset(r for group in READING_HEAD for r in group) - set(HEADLINE_ROLES)


def merged_kind(kind: str, other: str) -> str:
    """The kind of an article of ``kind`` once one of kind ``other`` is merged into it: the first article's, unless it
    is page furniture — an editors' line merged with the report under it is that report (it was "furniture": passed
    over by the window's next article, not found by ``search --kind article``, typed furniture in TEI)."""
    return other if kind == "furniture" else kind


def _joining(target: Article, other: Article) -> list[Part]:
    """``other``'s parts as they join ``target``: where ``target`` has a headline, ``other``'s headline lines become
    headings inside the text and its byline, dateline or editor's note paragraphs, read where the page prints them
    (the headline group is read first: a merged article's headline went above the text it follows)."""
    if not any(p.role in HEADLINE_ROLES for p in target.parts):
        return list(other.parts)
    return [dataclasses.replace(p, role="section-heading") if p.role in HEADLINE_ROLES
            else dataclasses.replace(p, role="paragraph") if p.role in _READ_FIRST else p for p in other.parts]


def _apply_split(state: _Overlay, key: str, ch: SplitChange) -> str | None:
    found = state.part(ch.line, ch.at)
    if found is None:
        return f"line {ch.line} is gone"
    art, i = found
    if art.parts[i].role in HEAD_GROUP:  # a headline in the text: a new article starts there, with what follows it
        moved = list(range(i, len(art.parts)))
    else:  # what follows in the order the reader reads: the headline group, note and label shown above stay above
        order = reading_order(art)  # (a text dump prints them after the body: seen by eye), kept in that order
        moved = order[order.index(i):]
    if i == 0 or len(moved) == len(art.parts):
        return "the part already starts its article"
    new = Article(id=ch.new_id or f"{state.key(art)}~{ch.line}", kind=art.kind, parts=[art.parts[j] for j in moved],
                  pages=list(art.pages))
    gone = set(moved)
    art.parts = [p for j, p in enumerate(art.parts) if j not in gone]
    state.articles.insert(state.articles.index(art) + 1, new)
    state.keys[id(new)] = new.id
    state.repage(art)
    state.repage(new)
    return None


def _apply_move(state: _Overlay, key: str, ch: MoveChange) -> str | None:
    found = state.part(ch.line, ch.at)
    dest = state.article(ch.to, ch.to_line)
    if found is None:
        return f"line {ch.line} is gone"
    if dest is None:
        return "the article to move to is gone"
    art, i = found
    part = art.parts.pop(i)
    if ch.position is None:
        dest.parts.append(part)
    else:
        dest.parts.insert(max(0, min(ch.position, len(dest.parts))), part)
    state.drop_if_empty(art)
    state.repage(dest)
    if art in state.articles:
        state.repage(art)
    return None


def _apply_headline(state: _Overlay, key: str, ch: HeadlineChange) -> str | None:
    if ch.line:
        found = state.part(ch.line, ch.at)
        if found is None:
            return f"line {ch.line} is gone"
        art, i = found
        for p in art.parts:
            if p.role == "headline":
                p.role = "subheadline"
        part = art.parts.pop(i)
        part.role = "headline"
        at = 1 if art.parts and art.parts[0].role == "kicker" else 0
        art.parts.insert(at, part)
        art.title = None
        return None
    titled = state.article(key, ch.article_line)
    if titled is None:
        return "the article is gone"
    titled.title = str(ch.text)
    return None


def _apply_role(state: _Overlay, key: str, ch: RoleChange) -> str | None:
    found = state.part(ch.line, ch.at)
    if found is None:
        return f"line {ch.line} is gone"
    art, i = found
    art.parts[i].role = ch.role
    return None


def _apply_join(state: _Overlay, key: str, ch: JoinChange) -> str | None:
    found = state.part(ch.line, ch.at)
    if found is None:
        return f"line {ch.line} is gone"
    art, i = found
    if i == 0:
        return "the part has nothing before it to join"
    art.parts[i - 1:i + 1] = [_concat(art.parts[i - 1], art.parts[i])]
    return None


def _apply_split_paragraph(state: _Overlay, key: str, ch: SplitParagraphChange) -> str | None:
    found = state.part(ch.line, ch.offset)
    if found is None:
        return f"line {ch.line} is gone"
    art, i = found
    cut_at = part_offset(art.parts[i], ch.line, ch.offset)
    if cut_at is None or cut_at == 0 or cut_at >= len(art.parts[i].text):
        return f"offset {ch.offset} of line {ch.line} is not inside the part"
    art.parts[i:i + 1] = list(_cut(art.parts[i], cut_at))
    return None


def _check_text(state: _Overlay, key: str, ch: TextChange) -> str | None:
    """Text corrections do not change segmentation: only check that they still apply."""
    holders = [p for a in state.candidates() for p in a.parts if ch.line in p.line_ids]
    if not holders:
        return f"line {ch.line} is gone"
    if all(_locate(p, ch) is None for p in holders):
        return f"the text {ch.original!r} is no longer in line {ch.line}"
    return None


#: correction kind → how it applies to the overlay's working state (a reason when it does not)
APPLY: dict[str, Callable[[_Overlay, str, Any], str | None]] = {
    "merge": _apply_merge,
    "split": _apply_split,
    "move": _apply_move,
    "headline": _apply_headline,
    "role": _apply_role,
    "join": _apply_join,
    "split-paragraph": _apply_split_paragraph,
    "text": _check_text,
}


def _apply_one(state: _Overlay, c: Correction) -> str | None:
    return APPLY[c.kind](state, c.article, c.change)


@dataclass(frozen=True)
class TextFix:
    """A text correction resolved to ``parts[part].text[start:end]`` of one article."""

    part: int
    start: int
    end: int
    original: str
    corrected: str
    correction: Correction


def locate_text_fix(part: Part, c: Correction) -> tuple[int, int] | None:
    """Where in ``part.text`` correction ``c`` applies: its line offsets, else its original text in that line."""
    change = c.change
    if not isinstance(change, TextChange):
        return None
    return _locate(part, change)


def _locate(part: Part, ch: TextChange) -> tuple[int, int] | None:
    original = ch.original
    start = part_offset(part, ch.line, ch.start)
    if start is not None and part.text[start:start + len(original)] == original:
        return start, start + len(original)
    # the line's text shifted: look for the original among the part's characters from that line
    found: list[int] = []
    for s in part.spans:
        if s.line != ch.line:
            continue
        i = part.text.find(original, s.start, s.end)
        while i >= 0:
            found.append(i)
            i = part.text.find(original, i + 1, s.end)
    if not found:
        return None
    i = found[0] if len(found) == 1 else _nearest_context(part.text, found, len(original), ch)
    return i, i + len(original)


def _nearest_context(text: str, found: Sequence[int], n: int, ch: TextChange) -> int:
    """Of the places ``found`` of a text correction's words in its line, the one whose neighbouring characters are
    those it had (:meth:`TextChange.context`), on a tie the first. Seen: the second of two 杭州 in a line corrected, a
    character inserted before the first, the correction went onto the first."""
    before, after = ch.context()

    def agree(i: int) -> int:
        was_before, was_after = "".join(text[max(0, i - 12):i].split()), "".join(text[i + n:i + n + 12].split())
        return (len(os.path.commonprefix([was_before[::-1], before[::-1]]))
                + len(os.path.commonprefix([was_after, after])))

    return max(found, key=lambda i: (agree(i), -found.index(i)))


def text_fixes(article: Article, corrections: Iterable[Correction]) -> list[TextFix]:
    """The text corrections that apply to ``article`` (``corrections`` in the order made), resolved, in text order:
    of corrections whose words overlap, the newest (:func:`newest_wins`)."""
    return newest_wins(located_fixes(article, corrections))


def located_fixes(article: Article, corrections: Iterable[Correction]) -> list[TextFix]:
    """Each of the text corrections ``corrections`` found in ``article``, resolved, in the order given (made)."""
    fixes: list[TextFix] = []
    index: dict[str, list[int]] = {}
    for i, p in enumerate(article.parts):
        for line in p.line_ids:
            index.setdefault(line, []).append(i)
    for c in corrections:
        ch = c.change
        if not isinstance(ch, TextChange):
            continue
        for i in index.get(ch.line, []):
            where = _locate(article.parts[i], ch)
            if where is not None:
                fixes.append(TextFix(i, where[0], where[1], ch.original, ch.corrected, c))
                break
    return fixes


def fixes_within(article: Article, fixes: Iterable[TextFix], start: int, end: int) -> list[TextFix]:
    """Those of ``fixes`` (resolved on ``article``) that replace characters of ``article.text[start:end]``."""
    starts = [0]
    for p in article.parts:
        starts.append(starts[-1] + len(p.text) + 2)
    return [f for f in fixes if starts[f.part] + f.start < end and start < starts[f.part] + f.end]


def newest_wins(fixes: Sequence[TextFix]) -> list[TextFix]:
    """Of ``fixes`` (in the order made), the ones read, in text order: each that no later one overlaps. The newest
    correction of some words is what is read, as in any editor (a reader's second correction of a word, a colleague's
    over theirs, the OCR's letters put back over another's); an earlier one it overlaps is kept (listed, undoable:
    undoing the newest brings it back) and not read at all — read in part, two corrections made a text no one wrote.
    One not read still hides what it overlaps: a later correction of some of its words never brings back one it
    hid. It was the first made that was read, the later one "overlaps an earlier one and is skipped" (seen by the
    by-eye tester: ``correct text A 32 35 ist1`` then ``… ist2`` — both stored and listed, ``show`` read "ist1")."""
    out: list[TextFix] = []
    by_part: dict[int, list[TextFix]] = {}
    for f in fixes:
        by_part.setdefault(f.part, []).append(f)
    for mine in by_part.values():
        for f, under in zip(mine, _under_later(mine), strict=True):
            if under:
                log.info("text correction %s is under a later one and not read", f.correction.id)
            else:
                out.append(f)
    out.sort(key=lambda f: (f.part, f.start, f.end))
    return out


def _under_later(fixes: Sequence[TextFix]) -> list[bool]:
    """For each of ``fixes`` (of one part, in the order made): whether a later one overlaps it. From the newest back,
    against the union of the later ones' characters (sorted, disjoint: ``starts``/``ends``)."""
    starts: list[int] = []
    ends: list[int] = []
    under = [False] * len(fixes)
    for i in range(len(fixes) - 1, -1, -1):
        f = fixes[i]
        k = bisect_right(starts, f.start) - 1
        under[i] = (k >= 0 and ends[k] > f.start) or (k + 1 < len(starts) and starts[k + 1] < f.end)
        lo, hi = bisect_left(ends, f.start), bisect_right(starts, f.end)
        joined = (min(starts[lo], f.start), max(ends[hi - 1], f.end)) if lo < hi else (f.start, f.end)
        starts[lo:hi], ends[lo:hi] = [joined[0]], [joined[1]]
    return under


def corrected_part(part: Part, fixes: Sequence[TextFix]) -> Part:
    """``part`` with ``fixes`` applied; unchanged characters keep their spans, replaced ones map to no source
    character and are listed in ``replaced`` with the line each correction was made in."""
    if not fixes:
        return part
    text: list[str] = []
    spans: list[Span] = []
    pos = 0
    out_len = 0

    def keep(lo: int, hi: int) -> None:
        nonlocal out_len
        if hi <= lo:
            return
        text.append(part.text[lo:hi])
        for s in part.spans:
            a, b = max(s.start, lo), min(s.end, hi)
            if a < b:
                spans.append(Span(out_len + a - lo, out_len + b - lo, s.line, s.line_start + a - s.start))
        out_len += hi - lo

    replaced: list[Replacement] = []
    for f in fixes:
        keep(pos, f.start)
        text.append(f.corrected)
        replaced.append(Replacement(out_len, out_len + len(f.corrected), str(f.correction.data.get("line")),
                                    part.text[f.start:f.end]))
        out_len += len(f.corrected)
        pos = f.end
    keep(pos, len(part.text))
    spans.sort(key=lambda s: s.start)
    return Part(part.role, "".join(text), spans, replaced)


def corrected_article(article: Article, corrections: Iterable[Correction]) -> Article:
    """The corrected reading of ``article`` (the original is left unchanged)."""
    return apply_fixes(article, text_fixes(article, corrections))


def apply_fixes(article: Article, fixes: Sequence[TextFix]) -> Article:
    """``article`` with resolved text corrections (:func:`text_fixes`) applied; itself when there are none."""
    if not fixes:
        return article
    by_part: dict[int, list[TextFix]] = {}
    for f in fixes:
        by_part.setdefault(f.part, []).append(f)
    parts = [corrected_part(p, by_part.get(i, [])) for i, p in enumerate(article.parts)]
    return Article(id=article.id, kind=article.kind, parts=parts, pages=list(article.pages), title=article.title)


def original_ranges(article: Article, fixes: Sequence[TextFix],
                    ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` of the corrected reading's text (``article`` with ``fixes`` applied) as ranges of the article's
    original text: an end inside a replacement reaches the end of the text it replaced, a start inside one its
    start (a word found in the correction is shown on the OCR's reading of it)."""
    return _mapped(_fix_places(article, fixes), ranges)


def corrected_ranges(article: Article, fixes: Sequence[TextFix],
                     ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` of ``article``'s original text as ranges of its corrected reading (:func:`original_ranges`
    the other way)."""
    return _mapped([(os, oe, cs, ce) for cs, ce, os, oe in _fix_places(article, fixes)], ranges)


def _fix_places(article: Article, fixes: Sequence[TextFix]) -> list[tuple[int, int, int, int]]:
    """(corrected start, corrected end, original start, original end) of each of ``fixes`` in the texts, in order.
    A replacement as long as what it replaced is left out: its characters stand for those one by one (二 → 兩: a hit
    on 兩國 is on 二國, not on the whole replacement — toggling the reading widened it, seen by eye)."""
    starts = [0]
    for p in article.parts:
        starts.append(starts[-1] + len(p.text) + 2)
    out: list[tuple[int, int, int, int]] = []
    shift = 0
    for f in sorted(fixes, key=lambda f: (f.part, f.start)):
        if len(f.corrected) == f.end - f.start:
            continue
        start, end = starts[f.part] + f.start, starts[f.part] + f.end
        out.append((start + shift, start + shift + len(f.corrected), start, end))
        shift += len(f.corrected) - (f.end - f.start)
    return out


def _mapped(places: Sequence[tuple[int, int, int, int]], ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` moved from one text to the other, ``places`` being each replaced span as (start, end) in the
    first text and (start, end) in the second, in order: outside them an offset moves as the last one before it
    shifted the text; a start inside one goes to that span's start in the other text, an end to its end."""
    firsts = [p[0] for p in places]

    def one(x: int, end: bool) -> int:
        k = (bisect_left if end else bisect_right)(firsts, x) - 1
        if k < 0:
            return x
        fs, fe, ts, te = places[k]
        if x < fe or (end and x == fe):
            return te if end else ts
        return te + (x - fe)

    out = []
    for s, e in ranges:
        lo = one(s, False)
        out.append((lo, max(lo, one(e, True))))
    return out


# --------------------------------------------------------------------------- storage

#: The "corrections" component of the catalogue (reader.library.catalogue migrations). Append; never edit.
MIGRATIONS: list[Migration] = [
    Migration(1, "corrections overlay", """
    CREATE TABLE IF NOT EXISTS corrections (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        article TEXT NOT NULL,
        data TEXT NOT NULL,
        creator TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS corrections_article ON corrections(article);
    """, pg="""
    CREATE TABLE corrections (
        seq bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        kind text NOT NULL,
        article text NOT NULL,
        data text NOT NULL,
        creator text NOT NULL DEFAULT '',
        created text NOT NULL
    );
    CREATE INDEX corrections_article ON corrections(article);
    """),
    # who made each correction and who may see it (reader.library.owners): row-level security on PostgreSQL
    Migration(2, "owners and visibility", sqlite_owner_step(("corrections",)),
              pg=SHARES_GROUP + ";" + owner_columns("corrections") + rls_policies("corrections")),
    # an open window learns that someone else made or undid a correction (reader.library.changes)
    Migration(3, "changes counted", sqlite_counter_step("corrections", ("corrections",)),
              pg=pg_counter_step("corrections", ("corrections",)), reads_as_before=True),
]


class CorrectionStore:
    """Corrections in a catalogue connection, kept in the order they were made (that is the order they apply)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        #: PostgreSQL sets the owner itself (current_user) and enforces visibility; SQLite records them
        self._server_owner = is_postgres(conn)
        #: what the last :meth:`undo_last` removed, in the order made
        self.undone: list[Correction] = []

    @classmethod
    def of(cls, library: Library) -> CorrectionStore:
        """The store of a library (its table migrated first: idempotent and cheap)."""
        library.migrate("corrections", MIGRATIONS)
        return cls(library.conn)

    def add(self, correction: Correction) -> Correction:
        """Store a correction, with the text of the lines it names (so it can follow them: :mod:`.anchors`), as the
        newest; it is returned as stored (its ``seq`` set)."""
        return self._add(with_anchors(correction, self.conn), None)

    def put_back(self, correction: Correction) -> Correction:
        """Store again a correction taken away (the redo of its undo, the undo of its replacement) at its place in the
        order made (its ``seq``), not as the newest: a later correction of the same words, a colleague's or one's own
        made elsewhere meanwhile, is still read over it (:func:`newest_wins`) — stored as the newest, the older one
        was read over the later one after an undo and a redo in the window. One never stored (no ``seq``), or whose
        place was taken, is stored as :meth:`add` does."""
        if correction.seq is None:
            return self.add(correction)
        return self._add(with_anchors(correction, self.conn), correction.seq)

    def _add(self, correction: Correction, seq: int | None) -> Correction:
        with transaction(self.conn):
            if seq is not None and self.conn.execute("SELECT 1 FROM corrections WHERE seq = ?", (seq,)).fetchone():
                seq = None
            try:
                self._insert(correction, seq)
            except sqlite3.IntegrityError as e:
                raise CorrectionError(f"correction {correction.id} already exists") from e
            row = self.conn.execute("SELECT seq FROM corrections WHERE id = ?", (correction.id,)).fetchone()
        correction.seq = int(row[0])
        return correction

    def _insert(self, c: Correction, seq: int | None = None) -> None:
        try:
            c.visibility = Visibility.parse(c.visibility).value
        except ValueError as e:
            raise CorrectionError(f"correction {c.id}: {e}") from e
        row: tuple[Any, ...] = (c.id, c.kind, c.article, json.dumps(c.data, ensure_ascii=False), c.creator,
                                c.created, c.visibility)
        cols = "id, kind, article, data, creator, created, visibility"
        if not self._server_owner:  # SQLite: the OS user, or the owner a restored backup names
            c.owner = c.owner or current_owner(self.conn)
            row, cols = (*row, c.owner), cols + ", owner"
        if seq is not None:  # put back at its place in the order made
            row, cols = (*row, seq), cols + ", seq"
        self.conn.execute(f"INSERT INTO corrections ({cols}) VALUES ({','.join('?' * len(row))})", row)

    def delete(self, correction_id: str) -> None:
        with transaction(self.conn):
            if self.conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,)).rowcount == 0:
                raise CorrectionError(f"no correction {correction_id}: it was undone elsewhere (another window, "
                                      "`broadsheet correct undo`), or it is not yours to undo")

    def undo_last(self, article: str | None = None) -> Correction | None:
        """Remove the reader's most recent correction (of ``article``, if given: made on it, or the split that made
        it — ``correct list`` names a split by the piece it made, and undoing by that id said "nothing to undo") and
        return it; one made over several lines (:func:`correct_text_lines`) goes as a whole (:meth:`undone` lists
        them). Another researcher's correction in a shared library is never the reader's to undo."""
        self.undone = []
        where: list[str] = []
        params: list[Any] = []
        if self._server_owner:  # row security would delete nothing of another's, and "undid" would be said
            where.append("owner = current_user")
        if article:
            where.append("(article = ? OR kind = 'split')")
            params.append(article)
        with transaction(self.conn):
            rows = self._select(("WHERE " + " AND ".join(where)) if where else "", tuple(params))
            if article:
                rows = [c for c in rows if c.article == article or made_piece(c) == article]
            if not rows:
                return None
            last = rows[-1]
            group = last.data.get("group")
            for c in rows if group else [last]:
                if c is last or c.data.get("group") == group:
                    self.conn.execute("DELETE FROM corrections WHERE id = ?", (c.id,))
                    self.undone.append(c)
            return last

    def find(self, articles: Sequence[str] | None = None, kind: str | None = None) -> list[Correction]:
        where: list[str] = []
        params: list[Any] = []
        if articles is not None:
            where.append(f"article IN ({','.join('?' * len(articles)) or 'NULL'})")
            params.extend(articles)
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        return self._select(("WHERE " + " AND ".join(where)) if where else "", tuple(params))

    def ids(self) -> list[str]:
        """The ids of every correction this reader sees, in the order made (what :meth:`find` lists, unread)."""
        return [str(cid) for (cid,) in self.conn.execute("SELECT id FROM corrections ORDER BY seq")]

    def _select(self, where: str, params: tuple[Any, ...]) -> list[Correction]:
        out: list[Correction] = []
        for cid, kind, article, data, creator, created, owner, visibility, seq in self.conn.execute(
                f"SELECT id, kind, article, data, creator, created, owner, visibility, seq FROM corrections {where} "
                "ORDER BY seq", params):
            out.append(Correction(kind, article, json.loads(data), cid, creator, created, owner=owner,
                                  visibility=visibility, seq=int(seq)))
        return out

    def rekey(self, keys: Mapping[str, str], paths: Mapping[str, str]) -> list[Correction]:
        """Have the corrections name their articles by their new ids (``keys``: old id → new, a split-off
        ``key~line`` by its root) and their lines' source file by its new path (``paths``: old → new), in one
        transaction; the corrections changed, as they are now. An article that changed id, a file moved, a backup
        restored into a library of the same files imported elsewhere: the correction follows, never goes stale."""
        changed: list[Correction] = []
        with transaction(self.conn):
            for c in self._select("", ()):
                new = rekeyed(c, keys, paths)
                if new is not None:
                    self.conn.execute("UPDATE corrections SET article = ?, data = ? WHERE id = ?",
                                      (new.article, json.dumps(new.data, ensure_ascii=False), new.id))
                    changed.append(new)
        return changed

    def settle(self, corrections: Iterable[Correction]) -> int:
        """Keep the article and the lines corrections name now (``corrections``: as an import found them again:
        :class:`~reader.corrections.anchors.Reanchorer`, the article holding their line), in one transaction; how
        many were written. Not kept, each later import said the same "re-anchored" again. A correction the reader
        may not write (another's on a shared library) is left as stored: it is found again as before."""
        n = 0
        with transaction(self.conn):
            for c in corrections:
                n += self.conn.execute("UPDATE corrections SET article = ?, data = ? WHERE id = ?",
                                       (c.article, json.dumps(c.data, ensure_ascii=False), c.id)).rowcount or 0
        return n

    def import_records(self, records: Iterable[Mapping[str, Any]]) -> int:
        """Add corrections from a backup in one transaction; ones already present (same id) are skipped."""
        n = 0
        with transaction(self.conn):
            for rec in records:
                c = Correction.from_json(rec)
                if self.conn.execute("SELECT 1 FROM corrections WHERE id = ?", (c.id,)).fetchone():
                    continue
                self._insert(c)
                n += 1
        return n


#: the fields of a correction's data that name an article (its key, or a split-off ``key~line``)
ARTICLE_FIELDS = ("other", "to", "new_id")


def made_piece(c: Correction) -> str | None:
    """The id of the piece a split makes (``new_id``; one stored without it, by an earlier Broadsheet: ``key~line``),
    else None."""
    if c.kind != "split":
        return None
    return str(c.data.get("new_id") or f"{c.article}~{c.data.get('line')}")


def rekeyed(c: Correction, keys: Mapping[str, str], paths: Mapping[str, str]) -> Correction | None:
    """``c`` naming its articles by their new ids and its anchored source by its new path; None when nothing
    it names changed (:meth:`CorrectionStore.rekey`)."""
    data = dict(c.data)
    for f in ARTICLE_FIELDS:
        if isinstance(data.get(f), str):
            data[f] = renamed_key(data[f], keys)
    anchors = data.get("anchors")
    if isinstance(anchors, Mapping) and isinstance(anchors.get("source"), str) and anchors["source"] in paths:
        data["anchors"] = {**anchors, "source": paths[anchors["source"]]}
    article = renamed_key(c.article, keys)
    if article == c.article and data == c.data:
        return None
    return dataclasses.replace(c, article=article, data=data)


#: line id → the page numbers of the issue's lines of that id (text files number their lines alike: "p1.l58" is on
#: every page of an issue imported from text files)
LinePages = Mapping[str, Sequence[int]]


def line_pages_by_source(library: Library, sources: Mapping[str, str]) -> dict[str, dict[str, tuple[int, ...]]]:
    """source file → line id → the page numbers of that file's lines of that id, from the library articles
    ``sources`` names (article id → its source file). The files of an issue number their lines alike (p1.l19 in
    seed_page.txt and in rendered_page.txt) and their pages too (undated files are one issue, each its page 1): a
    line is paged in its own file, not on another's page holding a line of its id."""
    out: dict[str, dict[str, list[int]]] = {}
    for aid, source in sources.items():
        mine = out.setdefault(source, {})
        for _, number, line in article_line_rows(library.conn, aid):
            pages = mine.setdefault(line[0], [])
            if number not in pages:
                pages.append(number)
    return {source: {line: tuple(sorted(pages)) for line, pages in lines.items()} for source, lines in out.items()}


def page_of_line(line_pages: LinePages, line: str, known: Collection[int] = ()) -> int | None:
    """The page of ``line``: its one page, or of several (a line id every text file of an issue has) the first the
    article holding it is on (``known``); None when that does not tell. Seen by a tester: two articles of page 4
    merged were said to be on pages 4 and 5, a line of page 4 taken for page 5's line of the same id."""
    pages = line_pages.get(line)
    if not pages:
        return None
    if len(pages) == 1:
        return pages[0]
    return next((p for p in pages if p in known), None)


def overlaid_articles(library: Library, article_ids: Sequence[str],
                      store: CorrectionStore | None = None) -> OverlayResult:
    """The library articles with the reader's segmentation corrections applied (text ones stay separate).

    Corrections that name other articles (a merge, a move) bring those in too,
    so give the articles of a whole issue when the overlay should be complete.
    """
    store = store or CorrectionStore.of(library)
    articles = [library.article(a) for a in article_ids]
    corrections = store.find()
    wanted = set(article_ids)
    relevant = [c for c in corrections
                if c.article in wanted or c.data.get("other") in wanted or c.data.get("to") in wanted]
    sources = {a: library.article_info(a).source for a in article_ids}
    return apply_overlay(articles, relevant, sources=sources, source_line_pages=line_pages_by_source(library, sources))
