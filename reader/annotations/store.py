"""The reader's own work on articles: highlights, notes, tags and collections.

An annotation is anchored three ways at once, so it survives a re-import of
its source where the text moved (a better OCR, a changed segmentation):

* character offsets in the article's original reflowed text (W3C
  ``TextPositionSelector``),
* the quoted text with some context before and after (W3C
  ``TextQuoteSelector``),
* the ids of the source lines it covers.

:func:`reattach` finds an anchor again: the stored position when the quote is
still there, else the quote where its context matches best (first in the same
article, then in articles holding the same lines, then anywhere), else a fuzzy
match of the quote. When nothing fits the annotation is kept and marked
orphaned — it is never dropped.

:class:`AnnotationStore` keeps annotations, tags and collections in the
library's SQLite catalogue: :meth:`AnnotationStore.of` migrates the library's
``annotations`` component (:data:`MIGRATIONS`, through the library's migration
mechanism) on first use; every edit is one transaction. :func:`to_web_annotation`
and :func:`from_web_annotation` speak the W3C Web Annotation JSON shape used
by ``broadsheet annotations export/import``.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
import sqlite3
import unicodedata
import uuid
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.library.catalogue import Library, Migration, NotFoundError, now_iso, renamed_key, transaction
from reader.library.changes import pg_counter_step, sqlite_counter_step
from reader.library.db import Connection
from reader.library.owners import (
    SHARES_GROUP,
    Visibility,
    child_policies,
    current_owner,
    is_postgres,
    owner_columns,
    rls_policies,
    sqlite_owner_step,
)
from reader.model.document import Article
from reader.model.errors import BroadsheetError, SourceError

log = logging.getLogger(__name__)

#: characters of context kept before and after a quote
CONTEXT = 32
#: smallest similarity (difflib ratio) a fuzzy re-attachment must reach
FUZZY_MIN = 0.75
#: smallest similarity of the surrounding context a fuzzy re-attachment must reach
CONTEXT_MIN = 0.5

WEB_ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: JSON-LD prefix for the few Broadsheet-specific properties of an exported annotation
BROADSHEET_NS = "urn:broadsheet:ns#"
JSON_CONTEXT: list[Any] = [WEB_ANNOTATION_CONTEXT, {"broadsheet": BROADSHEET_NS}]
ARTICLE_URN = "urn:broadsheet:article:"

STATUS_ATTACHED = "attached"
STATUS_MOVED = "moved"
STATUS_ORPHANED = "orphaned"


class AnnotationError(BroadsheetError):
    """An annotation cannot be made, found or stored as asked."""

    def __init__(self, message: str) -> None:
        super().__init__(message if message.endswith((".", "?", "!")) else message + ".")


class AnnotationConflict(AnnotationError):
    """An edit made on an annotation that was changed since it was read (by the window, the CLI, another machine)."""


class BackupError(SourceError):
    """An annotations backup file is not in the shape Broadsheet writes."""




# --------------------------------------------------------------------------- anchoring


@dataclass(frozen=True)
class Anchor:
    """Where a highlight sits: ``text[start:end] == exact`` in the article's original text."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    line_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.start < 0 or self.end <= self.start:
            raise AnnotationError(f"an anchor needs 0 <= start < end, not {self.start}..{self.end}")


def line_ids_between(article: Article, start: int, end: int) -> tuple[str, ...]:
    """The source lines under ``article.text[start:end]`` in reading order."""
    out: list[str] = []
    offset = 0
    for part in article.parts:
        p_start, p_end = offset, offset + len(part.text)
        if p_end > start and p_start < end:
            lo, hi = max(start, p_start) - p_start, min(end, p_end) - p_start
            for span in part.spans:
                if span.end > lo and span.start < hi and span.line not in out:
                    out.append(span.line)
        offset = p_end + 2  # parts are joined by a blank line in Article.text
    return tuple(out)


def make_anchor(article: Article, start: int, end: int, context: int = CONTEXT) -> Anchor:
    """Anchor ``article.text[start:end]`` (a selection in the original text)."""
    text = article.text
    if not 0 <= start < end <= len(text):
        raise AnnotationError(
            f"selection {start}..{end} is outside article {article.id} ({len(text)} characters)"
        )
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context):start],
        suffix=text[end:end + context],
        line_ids=line_ids_between(article, start, end),
    )


@dataclass(frozen=True)
class Attachment:
    """Where an anchor was found again, and how sure that is (1.0: the very same place)."""

    start: int
    end: int
    method: str  # "position", "quote", "fuzzy"
    score: float


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """0..1: how much of the stored context surrounds ``text[start:end]``."""
    total = len(anchor.prefix) + len(anchor.suffix)
    if not total:
        return 1.0
    before = _common_suffix(text[max(0, start - len(anchor.prefix)):start], anchor.prefix)
    after = _common_prefix(text[end:end + len(anchor.suffix)], anchor.suffix)
    return (before + after) / total


def _similar_context(anchor: Anchor, text: str, start: int, end: int) -> float:
    """0..1: how alike (difflib ratio) the stored context and the text around ``text[start:end]`` are, compared
    where the text has some: a context the article's edge cuts off (a split ended it there) is no mismatch."""
    scores: list[tuple[float, int]] = []
    before = text[max(0, start - len(anchor.prefix)):start]
    if anchor.prefix and before:
        kept = anchor.prefix[-len(before):]
        scores.append((difflib.SequenceMatcher(None, before, kept, autojunk=False).ratio(), len(kept)))
    after = text[end:end + len(anchor.suffix)]
    if anchor.suffix and after:
        kept = anchor.suffix[:len(after)]
        scores.append((difflib.SequenceMatcher(None, after, kept, autojunk=False).ratio(), len(kept)))
    if not scores:
        return 1.0
    return sum(r * n for r, n in scores) / sum(n for _, n in scores)


def _find_all(text: str, needle: str) -> Iterator[int]:
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


def _the_passage(anchor: Anchor, text: str, start: int, article: Article | None) -> bool:
    """Whether the quote at ``start`` of ``text`` is the noted passage, not the same words elsewhere: its
    surroundings are like the noted ones (:data:`CONTEXT_MIN`, where the text has some); or the quote is there
    once only and nothing says otherwise — told by ``article``'s lines: it lies on the noted lines, or the noted
    lines are gone. Seen by a tester: a note on the third of three speakers' identical words stayed "in place" on
    another's after the paragraphs were reordered; a note on a name re-OCR'd went to the same name in the
    subheadline, its own line still there."""
    end = start + len(anchor.exact)
    before, after = text[max(0, start - len(anchor.prefix)):start], text[end:end + len(anchor.suffix)]
    if before == anchor.prefix[len(anchor.prefix) - len(before):] and after == anchor.suffix[:len(after)]:
        return True  # the noted surroundings, where the text has some (the quick answer for most notes)
    if _similar_context(anchor, text, start, end) >= CONTEXT_MIN:
        return True
    if text.find(anchor.exact, text.find(anchor.exact) + 1) >= 0:
        return False  # one of several occurrences, amid other words: another passage
    if article is None or not anchor.line_ids:
        return True
    lines = _lines_under(article, start, end)
    return bool(lines & set(anchor.line_ids)) or not set(anchor.line_ids) & set(article.line_ids())


def _lines_under(article: Article, start: int, end: int) -> set[str]:
    """The source lines of ``article.text[start:end]``."""
    out: set[str] = set()
    offset = 0
    for part in article.parts:
        lo, hi = max(start - offset, 0), min(end - offset, len(part.text))
        if lo < hi:
            out.update(sp.line for sp in part.spans if sp.start < hi and sp.end > lo)
        offset += len(part.text) + 2  # parts are joined by a blank line in Article.text
    return out


def still_there(anchor: Anchor, text: str, article: Article | None = None) -> bool:
    """Whether the noted passage is at the stored position: the quote, and it is the noted passage
    (:func:`_the_passage`; ``article``: the text's article, whose lines tell)."""
    return text[anchor.start:anchor.end] == anchor.exact and _the_passage(anchor, text, anchor.start, article)


def locate_exact(anchor: Anchor, text: str, article: Article | None = None) -> Attachment | None:
    """The stored position if the passage is still there (:func:`still_there`), else the occurrence of the quote
    whose surroundings are most like the noted ones — if it is the noted passage (:func:`_the_passage`): the same
    words amid other words are another passage (another speaker's), never the noted one."""
    if still_there(anchor, text, article):
        return Attachment(anchor.start, anchor.end, "position", 1.0)
    best: tuple[float, int, int] | None = None
    for i in _find_all(text, anchor.exact):
        ctx = _context_score(anchor, text, i, i + len(anchor.exact))
        key = (ctx, -abs(i - anchor.start), i)
        if best is None or key > best:
            best = key
    if best is None or not _the_passage(anchor, text, best[2], article):
        return None
    start = best[2]
    return Attachment(start, start + len(anchor.exact), "quote", 0.5 + 0.5 * best[0])


def _exact_in(anchor: Anchor, article: Article) -> Attachment | None:
    """:func:`locate_exact` in an article, its lines telling where the text alone does not."""
    return locate_exact(anchor, article.text, article)


def _fuzzy_in(anchor: Anchor, article: Article) -> Attachment | None:
    return locate_fuzzy(anchor, article.text)


def _exact_elsewhere(anchor: Anchor, article: Article) -> Attachment | None:
    """The quote in another article than the note's (its own gone): only amid the noted surroundings — the same
    words amid other words there are another passage, however rare."""
    found = locate_exact(anchor, article.text, article)
    if found is None or _similar_context(anchor, article.text, found.start, found.end) < CONTEXT_MIN:
        return None
    return found


def locate_on_lines(anchor: Anchor, article: Article) -> Attachment | None:
    """The occurrence of the quote in ``article`` that lies on the anchor's own source lines (first and last), the
    best by context among several; None when there is none. What places an annotation in another article than the
    one it was made on: a split, a move or a merge took its words there, at other offsets, and the same words may be
    printed elsewhere in it (seen by eye: a highlight jumped onto another occurrence after a split)."""
    if not anchor.line_ids:
        return None
    line_at = _lines_of(article)
    text, n = article.text, len(anchor.exact)
    best: tuple[float, int] | None = None
    for i in _find_all(text, anchor.exact):
        if line_at(i) == anchor.line_ids[0] and line_at(i + n - 1) == anchor.line_ids[-1]:
            key = (_context_score(anchor, text, i, i + n), -i)
            if best is None or key > best:
                best = key
    if best is None:
        return None
    return Attachment(-best[1], -best[1] + n, "lines", 0.5 + 0.5 * best[0])


def _part_starts(article: Article) -> list[int]:
    """Where each part of ``article`` starts in its text (parts are joined by a blank line in ``Article.text``)."""
    starts: list[int] = []
    offset = 0
    for part in article.parts:
        starts.append(offset)
        offset += len(part.text) + 2
    return starts


def _lines_of(article: Article) -> Callable[[int], str | None]:
    """The source line of the character at an offset of ``article``'s text (None where none)."""
    starts = _part_starts(article)

    def line_at(i: int) -> str | None:
        k = bisect_right(starts, i) - 1
        found = article.parts[k].locate(i - starts[k]) if k >= 0 else None
        return found[0] if found is not None else None

    return line_at


def locate_across_parts(anchor: Anchor, article: Article, own: bool = False) -> Attachment | None:
    """The quote in ``article`` over a paragraph boundary the reader's corrections put in or took out: a paragraph
    split inside the noted words puts a blank line (the parts' separator) where a space or nothing was, a join of
    paragraphs a space or nothing where the quote has its blank line — the quote as stored is in the text no more
    (seen by eye: a highlight over "Regierung und Ultramontanen" was "Orphaned (text not found)" after "Split
    paragraph at the cursor" between its words, though they were on screen). Compared with white space aside, only
    where the words run over a part boundary or the quote over a paragraph break; on the anchor's own source lines
    (first and last) where it names them, else — ``own``: ``article`` is the one it was made on — by its context."""
    wanted = "".join(anchor.exact.split())
    if not wanted:
        return None
    text = article.text
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    flat = "".join(text[i] for i in kept)
    bounds = _part_starts(article)[1:]
    broken = "\n\n" in anchor.exact
    line_at = _lines_of(article)
    best: tuple[float, int, int, int] | None = None
    for j in _find_all(flat, wanted):
        start, end = kept[j], kept[j + len(wanted) - 1] + 1
        if not broken and not any(start < b < end for b in bounds):
            continue  # within one part: the exact search's to find, not this one
        if anchor.line_ids:
            if line_at(start) != anchor.line_ids[0] or line_at(end - 1) != anchor.line_ids[-1]:
                continue
        elif not own:
            continue
        key = (_context_score(anchor, text, start, end), -abs(start - anchor.start), start, end)
        if best is None or key > best:
            best = key
    if best is None:
        return None
    return Attachment(best[2], best[3], "lines", 0.5 + 0.5 * best[0])


def _grams(s: str, n: int) -> list[str]:
    return [s[i:i + n] for i in range(max(0, len(s) - n + 1))]


#: how many places the quote's n-grams vote for are looked at (the same words said by several speakers)
FUZZY_PLACES = 5


def _voted_starts(anchor: Anchor, text: str, grams: list[str], slack: int) -> list[int]:
    """Where the quote may start: the starts its n-grams vote for most (within +-slack) where enough do, the most
    voted first (the nearest to the stored start among equals), at most :data:`FUZZY_PLACES`, apart from each
    other."""
    where = {g: list(_find_all(text, g)) for g in set(grams)}
    votes: Counter[int] = Counter()
    for offset, g in enumerate(grams):
        for pos in where[g]:
            votes[pos - offset] += 1
    needed = max(1, len(grams) // 3)
    ranked = sorted(((sum(votes.get(cand + d, 0) for d in range(-slack, slack + 1)), cand) for cand in votes),
                    key=lambda vc: (-vc[0], abs(vc[1] - anchor.start), vc[1]))
    starts: list[int] = []
    for v, cand in ranked:
        if v < needed or len(starts) == FUZZY_PLACES:
            break
        if all(abs(cand - s) > 2 * slack for s in starts):
            starts.append(cand)
    return starts


def _refined(anchor: Anchor, text: str, start: int, slack: int) -> tuple[float, float, int, int] | None:
    """(similarity, context score, start, end) of the window near ``start`` most like the quote: the one sharing
    most of the quote's characters, then the nearest to its length, then the one whose surroundings look most
    alike. (By similarity alone a window leaving out a changed character won: 老丁名叫丁冬 re-attached to
    "老丁名叫丁" where the text now reads 老丁名叫丁东.)"""
    quote = anchor.exact
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)

    def score(s: int, e: int) -> tuple[int, int, float, int, int]:
        matcher.set_seq1(text[s:e])
        shared = sum(block.size for block in matcher.get_matching_blocks())
        return (shared, -abs(e - s - len(quote)), _context_score(anchor, text, s, e), s, e)

    # refine the start with the quote's length, then the end with that start (2 x slack comparisons)
    best: tuple[int, int, float, int, int] | None = None
    for s in range(max(0, start - slack), min(len(text), start + slack + 1)):
        trial = score(s, min(len(text), s + len(quote)))
        if best is None or trial[:3] > best[:3]:
            best = trial
    if best is None:
        return None
    s = best[3]
    for e in range(s + max(1, len(quote) - slack), min(len(text), s + len(quote) + slack) + 1):
        trial = score(s, e)
        if trial[:3] > best[:3]:
            best = trial
    s, e = best[3], best[4]
    return (round(2 * best[0] / max(1, e - s + len(quote)), 6), best[2], s, e)


def locate_fuzzy(anchor: Anchor, text: str, minimum: float = FUZZY_MIN) -> Attachment | None:
    """Find a passage of ``text`` close to the quote (OCR fixed a few characters, spacing changed).

    Bigrams of the quote vote for where it starts; the best-voted window is
    refined by trying nearby start and end points and keeping the one most
    similar to the quote (difflib ratio, with its context as a tie-breaker).
    """
    quote = anchor.exact
    grams = _grams(quote, 2 if len(quote) >= 4 else 1)
    if not grams or not text:
        return None
    slack = max(2, min(12, len(quote) // 5))
    best: tuple[float, float, int, int] | None = None
    for start in _voted_starts(anchor, text, grams, slack):
        found = _refined(anchor, text, start, slack)
        if found is None or found[0] < minimum:
            continue
        # a near-copy of the quote elsewhere is not the passage: its surroundings must look alike too (the same
        # words said by another speaker are the closest copy of a quote whose words changed)
        context = _similar_context(anchor, text, found[2], found[3])
        if context >= CONTEXT_MIN and (best is None or (context, found[0]) > best[:2]):
            best = (context, found[0], found[2], found[3])
    return None if best is None else Attachment(best[2], best[3], "fuzzy", best[1])


def locate(anchor: Anchor, text: str, fuzzy: bool = True) -> Attachment | None:
    """Exact search first, then fuzzy."""
    found = locate_exact(anchor, text)
    if found is None and fuzzy:
        found = locate_fuzzy(anchor, text)
    return found


# --------------------------------------------------------------------------- annotations


@dataclass
class Annotation:
    """A highlight (with an anchor) or an article-level note; either may carry a note and tags.

    ``article`` is the key of the article in the catalogue (its id). ``status``
    is attached, moved (re-attached somewhere new) or orphaned (kept, but its
    text was not found again).
    """

    article: str
    anchor: Anchor | None = None
    note: str = ""
    tags: list[str] = field(default_factory=list)
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    creator: str = ""
    created: str = field(default_factory=now_iso)
    modified: str = ""
    status: str = STATUS_ATTACHED
    #: the source file the article came from (helps re-attachment when the article is gone)
    source: str = ""
    #: how many times it was written: an edit made on an older version is refused, never silently undone
    version: int = 0
    #: who wrote it (the database role on PostgreSQL, the OS user on SQLite: :mod:`reader.library.owners`)
    owner: str = ""
    #: who else may see it: private (the default), group or public
    visibility: str = Visibility.PRIVATE.value
    #: the words it was made on, when an import found them changed and re-attached it to the new ones ("" while
    #: its words are the ones it was made on): a researcher's quote is evidence, never silently rewritten
    made_on: str = ""

    @property
    def is_highlight(self) -> bool:
        return self.anchor is not None

    @property
    def orphaned(self) -> bool:
        return self.status == STATUS_ORPHANED

    @property
    def written_on(self) -> str:
        """The words it was written on when they are not the words it is on now (:attr:`made_on`: an import found
        them changed and re-attached it), else "": what every export says beside its quote, as ``annotations list``
        does (the exports wrote it on the new words alone)."""
        if self.anchor is None or not self.made_on or self.made_on == self.anchor.exact:
            return ""
        return self.made_on


def highlight(article: Article, start: int, end: int, note: str = "", tags: Sequence[str] = (),
              creator: str = "", key: str | None = None) -> Annotation:
    """A new highlight on ``article.text[start:end]``, without the whitespace at its ends (a selection dragged past
    its words takes the space reflow put between two lines); a selection of whitespace only is kept as given."""
    text = article.text
    lo, hi = max(0, start), min(end, len(text))
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if lo < hi:
        start, end = lo, hi
    return Annotation(article=key or article.id, anchor=make_anchor(article, start, end), note=note,
                      tags=normalize_tags(tags), creator=creator)


def name_key(name: str) -> str:
    """How two names of tags or collections are compared: width-folded, case-folded, spaces trimmed and collapsed
    (NFKC + casefold): ``Economy``, `` economy `` and ``ＥＣＯＮＯＭＹ`` are one name. The command line and the window
    both go through this store, so they agree (the window refused ``Other`` beside ``other`` while the command line
    took it, and ``ＥＣＯＮＯＭＹ`` was a tag of its own)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", " ".join(name.split())).casefold())


#: the characters separating tags in the lists and in the window's tag field: never inside a tag given anew
TAG_SEPARATORS = (",", "，")


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """Tags trimmed, empty ones dropped, duplicates (by :func:`name_key`) removed, order kept."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        t = " ".join(str(tag).split())
        if t and name_key(t) not in seen:
            seen.add(name_key(t))
            out.append(t)
    return out


def _kept_tags(tags: Iterable[str]) -> list[str]:
    """Tags as the store writes them: trimmed, empty ones and repeats in other letter cases dropped — not those
    equal only by :func:`name_key`, which a note may hold from before the rule (``economy`` and ``ＥＣＯＮＯＭＹ``):
    rewriting it (an edit of its note, an import re-attaching it) must not merge them."""
    out: list[str] = []
    for tag in tags:
        t = " ".join(str(tag).split())
        if t and t.casefold() not in {o.casefold() for o in out}:
            out.append(t)
    return out


def new_tags(tags: Iterable[str]) -> list[str]:
    """Tags given anew (``annotations add/edit --tag``): as :func:`normalize_tags`, a tag holding a comma refused —
    the lists show tags joined by commas and the window's tag field splits on them, so ``a,b`` read as two tags
    and would have become two when the note was next edited in the window."""
    out = normalize_tags(tags)
    for tag in out:
        if any(sep in tag for sep in TAG_SEPARATORS):
            raise AnnotationError(f"the tag {tag!r} holds a comma, which separates tags in the lists and the "
                                  "window: give each tag on its own (--tag a --tag b)")
    return out


@dataclass(frozen=True)
class Reattached:
    """The outcome of re-attaching one annotation."""

    annotation: Annotation
    article: str | None
    attachment: Attachment | None
    #: the article it was on before (set when it was re-attached)
    was: str = ""
    #: it was orphaned already before this check (an import said so then: not news now)
    was_orphaned: bool = False

    @property
    def orphaned(self) -> bool:
        return self.attachment is None

    @property
    def changed_words(self) -> bool:
        """Re-attached on words other than the ones it was on (the source's text under it changed)."""
        return (self.attachment is not None and self.annotation.anchor is not None and bool(self.annotation.made_on)
                and self.annotation.anchor.exact != self.annotation.made_on)

    @property
    def changed_article(self) -> bool:
        """Re-attached on another article than the one it was on (its words went there with their lines)."""
        return bool(self.was) and self.article is not None and self.article != self.was


def reattach(annotation: Annotation, articles: Sequence[Article], key: Any = None) -> Reattached:
    """Find ``annotation`` again among ``articles`` (the re-imported text).

    Candidates are tried in tiers: the exact quote in the article with the same
    key, then in articles that hold any of the anchor's lines, then the quote
    fuzzily in those two; any other article only when its own is gone and those
    holding its lines do not hold the passage, and there only amid its noted
    surroundings: a note never jumps from its article to the same words printed
    in another. ``key`` maps an Article to its
    catalogue key (default: its id). The returned annotation is a copy with the
    new anchor and status; an orphan keeps its old anchor.
    """
    keyf = key or (lambda a: a.id)
    if annotation.anchor is None:
        found = any(keyf(a) == annotation.article for a in articles)
        status = STATUS_ATTACHED if found else STATUS_ORPHANED
        return Reattached(replace(annotation, status=status), annotation.article if found else None, None
                          if not found else Attachment(0, 0, "position", 1.0))
    anchor = annotation.anchor
    wanted = set(anchor.line_ids)
    same = [a for a in articles if keyf(a) == annotation.article]
    sharing = [a for a in articles if a not in same and wanted and wanted.intersection(a.line_ids())]
    # any other article only when the annotation's own is gone and no article holding its lines holds its passage
    # (its id changed with its lines; or a plain-text page's line numbers, its lines' ids, went to an article
    # inserted above — seen by eye): a note never jumps from its article to the same words printed in another
    # (seen in use), and elsewhere only amid its noted surroundings
    rest = [] if same else [a for a in articles if a not in sharing]
    for tier, finder in ((same, _exact_in), (sharing, _exact_in), (same, _fuzzy_in),
                         (sharing, _fuzzy_in), (rest, _exact_elsewhere)):
        placed = _best_in(anchor, tier, finder, wanted)
        if placed is not None:
            return _attached(annotation, keyf(placed[0]), placed[0], placed[1])
    log.info("annotation %s on %s could not be re-attached: kept as orphaned", annotation.id, annotation.article)
    return Reattached(replace(annotation, status=STATUS_ORPHANED), None, None)


def _best_in(anchor: Anchor, articles: Sequence[Article], finder: Callable[[Anchor, Article], Attachment | None],
             wanted: set[str]) -> tuple[Article, Attachment] | None:
    """The article of ``articles`` where ``finder`` places ``anchor`` best (an article holding its lines first)."""
    best: tuple[float, Article, Attachment] | None = None
    for art in articles:
        att = finder(anchor, art)
        if att is not None:
            score = att.score + (0.25 if wanted.intersection(art.line_ids()) else 0.0)
            if best is None or score > best[0]:
                best = (score, art, att)
    return None if best is None else (best[1], best[2])


def _attached(annotation: Annotation, key: str, article: Article, att: Attachment) -> Reattached:
    moved = att.method != "position" or key != annotation.article
    anchor = make_anchor(article, att.start, att.end)
    status = STATUS_MOVED if moved else STATUS_ATTACHED
    made_on = annotation.made_on
    if annotation.anchor is not None and anchor.exact != annotation.anchor.exact and not made_on:
        made_on = annotation.anchor.exact  # found again on words that changed: the first ones are kept
    new = replace(annotation, article=key, anchor=anchor, status=status, made_on=made_on)
    return Reattached(new, key, att, was=annotation.article)


# --------------------------------------------------------------------------- collections


@dataclass
class Collection:
    """A named, ordered set of articles (by catalogue key)."""

    name: str
    items: list[str] = field(default_factory=list)
    description: str = ""
    created: str = field(default_factory=now_iso)
    #: who made it and who else may see it (:mod:`reader.library.owners`)
    owner: str = ""
    visibility: str = Visibility.PRIVATE.value


# --------------------------------------------------------------------------- W3C Web Annotation


def _motivation(annotation: Annotation) -> str:
    if annotation.anchor is not None:
        return "commenting" if annotation.note else "highlighting"
    return "commenting" if annotation.note else "tagging"


def to_web_annotation(annotation: Annotation) -> dict[str, Any]:
    """One annotation in the W3C Web Annotation JSON shape."""
    body: list[dict[str, Any]] = []
    if annotation.note:
        body.append({"type": "TextualBody", "value": annotation.note, "format": "text/plain",
                     "purpose": "commenting"})
    for tag in annotation.tags:
        body.append({"type": "TextualBody", "value": tag, "purpose": "tagging"})
    target: dict[str, Any] = {"source": ARTICLE_URN + annotation.article}
    if annotation.source:
        target["broadsheet:file"] = annotation.source
    if annotation.anchor is not None:
        a = annotation.anchor
        target["selector"] = [
            {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ]
        target["broadsheet:lines"] = list(a.line_ids)
        if annotation.made_on:
            target["broadsheet:madeOn"] = annotation.made_on
    out: dict[str, Any] = {
        "@context": WEB_ANNOTATION_CONTEXT,
        "id": "urn:uuid:" + annotation.id,
        "type": "Annotation",
        "motivation": _motivation(annotation),
        "created": annotation.created,
    }
    if annotation.modified:
        out["modified"] = annotation.modified
    if annotation.creator:
        out["creator"] = {"type": "Person", "name": annotation.creator}
    if body:
        out["body"] = body
    out["target"] = target
    out["broadsheet:status"] = annotation.status
    if annotation.owner:
        out["broadsheet:owner"] = annotation.owner
    out["broadsheet:visibility"] = annotation.visibility
    return out


def _text(obj: dict[str, Any], key: str, owner: str, default: str = "") -> str:
    """A text field of a backup object: absent gives ``default``; anything but text is refused (never a repr)."""
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise AnnotationError(f"{owner}: {key} must be text")
    return value


def _target(obj: dict[str, Any], ann_id: str) -> dict[str, Any]:
    target = obj.get("target")
    if isinstance(target, list) and target:
        target = target[0]
    if isinstance(target, str):
        target = {"source": target}
    if not isinstance(target, dict) or not isinstance(target.get("source"), str):
        raise AnnotationError(f"annotation {ann_id} has no target source")
    return target


#: the largest offset a backup may give (no article is 2 GB long; SQLite's integers end at 2**63, and 10**30 gave a
#: traceback, seen by a tester)
MAX_OFFSET = 2**31


def _position(position: dict[str, Any] | None, exact: str, ann_id: str) -> tuple[int, int]:
    if position is None:
        return 0, len(exact)
    start, end = position.get("start"), position.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_OFFSET for v in (start, end)):
        raise AnnotationError(f"annotation {ann_id} has a bad TextPositionSelector (start and end must be "
                              "whole numbers)")
    assert isinstance(start, int)
    return start, start + len(exact)


def _anchor_of(target: dict[str, Any], ann_id: str) -> Anchor | None:
    selectors = target.get("selector") or []
    if isinstance(selectors, dict):
        selectors = [selectors]
    if not isinstance(selectors, list):
        raise AnnotationError(f"annotation {ann_id}: selector must be a list of selectors")
    found = {sel.get("type"): sel for sel in selectors if isinstance(sel, dict)}
    quote = found.get("TextQuoteSelector")
    if quote is None:
        return None
    owner = f"annotation {ann_id}"
    exact = _text(quote, "exact", owner)
    if not exact:
        raise AnnotationError(f"annotation {ann_id} quotes no text")
    start, end = _position(found.get("TextPositionSelector"), exact, ann_id)
    lines = target.get("broadsheet:lines") or []
    if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
        raise AnnotationError(f"{owner}: broadsheet:lines must be a list of line ids")
    return Anchor(start, end, exact, _text(quote, "prefix", owner), _text(quote, "suffix", owner), tuple(lines))


def _note_and_tags(obj: dict[str, Any], ann_id: str) -> tuple[str, list[str]]:
    note_parts: list[str] = []
    tags: list[str] = []
    bodies = obj.get("body") or []
    if isinstance(bodies, (dict, str)):
        bodies = [bodies]
    if not isinstance(bodies, list):
        raise AnnotationError(f"annotation {ann_id}: body must be a list of bodies")
    for body in bodies:
        if isinstance(body, str):
            note_parts.append(body)
        elif isinstance(body, dict):
            value = _text(body, "value", f"annotation {ann_id}")
            if body.get("purpose") == "tagging":
                tags.append(value)
            elif value:
                note_parts.append(value)
    return "\n\n".join(note_parts), normalize_tags(tags)


def from_web_annotation(obj: Any) -> Annotation:
    """An Annotation from the JSON shape :func:`to_web_annotation` writes; AnnotationError if it is not."""
    if not isinstance(obj, dict) or obj.get("type") != "Annotation":
        raise AnnotationError("not a Web Annotation object (type must be \"Annotation\")")
    raw_id = _text(obj, "id", "the annotation")
    ann_id = raw_id[len("urn:uuid:"):] if raw_id.startswith("urn:uuid:") else raw_id or str(uuid.uuid4())
    owner = f"annotation {ann_id}"
    target = _target(obj, ann_id)
    source = target["source"]
    article = source[len(ARTICLE_URN):] if source.startswith(ARTICLE_URN) else source
    note, tags = _note_and_tags(obj, ann_id)
    creator = obj.get("creator")
    creator_name = _text(creator, "name", owner) if isinstance(creator, dict) else _text(obj, "creator", owner)
    status = _text(obj, "broadsheet:status", owner) or STATUS_ATTACHED
    if status not in (STATUS_ATTACHED, STATUS_MOVED, STATUS_ORPHANED):
        status = STATUS_ATTACHED
    return Annotation(article=article, anchor=_anchor_of(target, ann_id), note=note, tags=tags, id=ann_id,
                      creator=creator_name, created=_text(obj, "created", owner) or now_iso(),
                      modified=_text(obj, "modified", owner), status=status,
                      source=_text(target, "broadsheet:file", owner),
                      visibility=_visibility(_text(obj, "broadsheet:visibility", owner), owner),
                      made_on=_text(target, "broadsheet:madeOn", owner))


def _visibility(value: str | Visibility, owner: str) -> str:
    try:
        return Visibility.parse(value).value
    except ValueError as e:
        raise AnnotationError(f"{owner}: {e}") from e


def backup_json(annotations: Iterable[Annotation], collections: Iterable[Collection] = (),
                corrections: Iterable[dict[str, Any]] = (), generator: str = "Broadsheet",
                sources: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A whole backup: a W3C AnnotationCollection plus Broadsheet's collections and corrections, and the sha256 of
    each source file the work is on (``sources``: path → sha256), by which a restore finds them wherever they are
    imported."""
    items = [to_web_annotation(a) for a in annotations]
    for item in items:
        item.pop("@context", None)
    return {
        "@context": JSON_CONTEXT,
        "type": "AnnotationCollection",
        "label": "Broadsheet annotations",
        "generator": generator,
        "generated": now_iso(),
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
        "broadsheet:collections": [
            {"name": c.name, "description": c.description, "created": c.created, "owner": c.owner,
             "visibility": c.visibility, "items": [ARTICLE_URN + i for i in c.items]} for c in collections
        ],
        "broadsheet:corrections": list(corrections),
        "broadsheet:sources": [{"file": f, "sha256": h} for f, h in sorted((sources or {}).items())],
    }


@dataclass(frozen=True)
class Backup:
    """What a backup file holds, checked: annotations and collections decoded, corrections as records.

    The correction records are only checked to be JSON objects here; the
    corrections room decodes them (the two rooms are independent).
    """

    annotations: list[Annotation]
    collections: list[Collection]
    corrections: list[dict[str, Any]]
    #: the sha256 of each source file the work was on, by its path where the backup was made (older backups: none)
    sources: dict[str, str] = field(default_factory=dict)


def _backup_items(obj: dict[str, Any], path: str | Path | None) -> list[Any]:
    items: list[Any] = []
    page = obj.get("first")
    while isinstance(page, dict):
        found = page.get("items") or []
        if not isinstance(found, list):
            raise BackupError(path, "its annotation page's items are not a list")
        items.extend(found)
        page = page.get("next") if isinstance(page.get("next"), dict) else None
    more = obj.get("items") or []
    if not isinstance(more, list):
        raise BackupError(path, "its items are not a list")
    return items + more


def _backup_collection(c: Any, n: int, path: str | Path | None) -> Collection:
    if not isinstance(c, dict) or not c.get("name"):
        raise BackupError(path, "a collection has no name")
    try:
        name = _text(c, "name", f"collection {n}")
        description = _text(c, "description", f"collection {name}")
        created = _text(c, "created", f"collection {name}") or now_iso()
        visibility = _visibility(_text(c, "visibility", f"collection {name}"), f"collection {name}")
        owner = _text(c, "owner", f"collection {name}")
    except AnnotationError as e:
        raise BackupError(path, str(e)) from e
    items = c.get("items") or []
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise BackupError(path, f"collection {name}: items must be a list of article ids")
    keys = [i[len(ARTICLE_URN):] if i.startswith(ARTICLE_URN) else i for i in items]
    return Collection(name, keys, description, created, owner=owner, visibility=visibility)


def read_backup(data: bytes | str | dict[str, Any], path: str | Path | None = None) -> Backup:
    """Parse a backup (or a bare list / single Web Annotation); BackupError names the file."""
    try:
        obj = json.loads(data) if isinstance(data, (bytes, str)) else data
    except (ValueError, UnicodeDecodeError) as e:
        raise BackupError(path, f"it is not JSON ({e})") from e
    if isinstance(obj, list):
        obj = {"type": "AnnotationCollection", "first": {"items": obj}}
    if isinstance(obj, dict) and obj.get("type") == "Annotation":
        obj = {"type": "AnnotationCollection", "first": {"items": [obj]}}
    if not isinstance(obj, dict) or obj.get("type") != "AnnotationCollection":
        raise BackupError(path, "it is not a Web Annotation collection")
    annotations: list[Annotation] = []
    seen: set[str] = set()
    for n, item in enumerate(_backup_items(obj, path), 1):
        try:
            annotation = from_web_annotation(item)
        except AnnotationError as e:
            raise BackupError(path, f"item {n}: {e}") from e
        if annotation.id in seen:  # the second silently replaced the first (seen by a tester)
            raise BackupError(path, f"item {n}: annotation {annotation.id} is in it twice")
        seen.add(annotation.id)
        annotations.append(annotation)
    raw_collections = obj.get("broadsheet:collections") or []
    raw_corrections = obj.get("broadsheet:corrections") or []
    if not isinstance(raw_collections, list) or not isinstance(raw_corrections, list):
        raise BackupError(path, "broadsheet:collections and broadsheet:corrections must be lists")
    collections = [_backup_collection(c, n, path) for n, c in enumerate(raw_collections, 1)]
    for n, c in enumerate(raw_corrections, 1):
        if not isinstance(c, dict):
            raise BackupError(path, f"correction {n} is not a JSON object")
    return Backup(annotations, collections, list(raw_corrections), _backup_sources(obj, path))


def _backup_sources(obj: dict[str, Any], path: str | Path | None) -> dict[str, str]:
    raw = obj.get("broadsheet:sources") or []
    if not isinstance(raw, list):
        raise BackupError(path, "broadsheet:sources must be a list")
    out: dict[str, str] = {}
    for n, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not isinstance(item.get("file"), str) or not isinstance(item.get("sha256"),
                                                                                                 str):
            raise BackupError(path, f"source {n} must name its file and sha256")
        out[item["file"]] = item["sha256"]
    return out


# --------------------------------------------------------------------------- storage

#: The "annotations" component of the catalogue (reader.library.catalogue migrations). Append; never edit.
#: the tables whose every change an open window should hear of (:mod:`reader.library.changes`)
COUNTED_TABLES = ("annotations", "annotation_tags", "tags", "collections", "collection_items")

MIGRATIONS: list[Migration] = [
    Migration(1, "annotations, tags, collections", """
    CREATE TABLE IF NOT EXISTS annotations (
        id TEXT PRIMARY KEY,
        article TEXT NOT NULL,
        start INTEGER,
        "end" INTEGER,
        exact TEXT,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        line_ids TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'attached',
        creator TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        modified TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX IF NOT EXISTS annotations_article ON annotations(article);
    CREATE TABLE IF NOT EXISTS tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    );
    CREATE TABLE IF NOT EXISTS annotation_tags (
        annotation TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (annotation, tag)
    );
    CREATE INDEX IF NOT EXISTS annotation_tags_tag ON annotation_tags(tag);
    CREATE TABLE IF NOT EXISTS collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS collection_items (
        collection INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        article TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (collection, article)
    );
    CREATE INDEX IF NOT EXISTS collection_items_article ON collection_items(article);
    """),
    Migration(2, "annotation versions", "ALTER TABLE annotations ADD COLUMN version INTEGER NOT NULL DEFAULT 0"),
    # who made each annotation and collection, and who may see it (reader.library.owners): enforced by
    # PostgreSQL's row-level security on a shared library, recorded and exported on SQLite
    Migration(3, "owners and visibility", sqlite_owner_step(("annotations", "collections")),
              pg=SHARES_GROUP + ";" + owner_columns("annotations") + owner_columns("collections")
              + rls_policies("annotations") + rls_policies("collections")
              + child_policies("annotation_tags", "annotations", "annotation")
              + child_policies("collection_items", "collections", "collection")),
    # a collection's name is unique among its owner's: on a shared library a second reader could not make their own
    # "滇緬路", and was told of a private collection they could not see
    Migration(4, "collection names per owner", lambda conn: _names_per_owner_sqlite(conn),
              pg="ALTER TABLE collections DROP CONSTRAINT IF EXISTS collections_name_key;"
                 "CREATE UNIQUE INDEX collections_owner_name ON collections (owner, name)"),
    # an open window learns that someone else changed notes, tags or collections (reader.library.changes)
    Migration(5, "changes counted", sqlite_counter_step("annotations", COUNTED_TABLES),
              pg=pg_counter_step("annotations", COUNTED_TABLES), reads_as_before=True),
    # the words a note was made on, kept when an import re-attaches it to words that changed in the source
    Migration(6, "words made on", "ALTER TABLE annotations ADD COLUMN made_on TEXT NOT NULL DEFAULT ''"),
    # what an import by someone else (a shared library's owner) did to a note, for its owner to be told once
    # (AnnotationStore.tell, .news): kept on the note's own row, which row-level security shows its owner and
    # whom they share it with only
    Migration(7, "news for a note's owner", "ALTER TABLE annotations ADD COLUMN news TEXT NOT NULL DEFAULT ''"),
]


def _names_per_owner_sqlite(conn: Any) -> None:
    """SQLite cannot drop a column's UNIQUE: both tables are made again. The items are copied into a new table
    that refers to the new collections before the old ones go — dropping a table deletes its rows first, and with
    foreign keys on that would have emptied every collection through ON DELETE CASCADE."""
    for statement in (
        "CREATE TABLE collections_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "description TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '', "
        "visibility TEXT NOT NULL DEFAULT 'private', UNIQUE (owner, name))",
        "INSERT INTO collections_new (id, name, description, created, owner, visibility) "
        "SELECT id, name, description, created, owner, visibility FROM collections",
        "CREATE TABLE collection_items_new (collection INTEGER NOT NULL REFERENCES collections_new(id) "
        "ON DELETE CASCADE, article TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (collection, article))",
        "INSERT INTO collection_items_new SELECT collection, article, position FROM collection_items",
        "DROP TABLE collection_items",
        "DROP TABLE collections",
        "ALTER TABLE collections_new RENAME TO collections",  # the items' reference follows the rename
        "ALTER TABLE collection_items_new RENAME TO collection_items",
        "CREATE INDEX collection_items_article ON collection_items(article)",
    ):
        conn.execute(statement)

#: PostgreSQL's words for the first migration (identity columns; tags unique whatever their case)
PG_V1 = """
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE annotations (
    id text PRIMARY KEY,
    article text NOT NULL,
    start integer,
    "end" integer,
    exact text,
    prefix text NOT NULL DEFAULT '',
    suffix text NOT NULL DEFAULT '',
    line_ids text NOT NULL DEFAULT '[]',
    note text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'attached',
    creator text NOT NULL DEFAULT '',
    created text NOT NULL,
    modified text NOT NULL DEFAULT '',
    source text NOT NULL DEFAULT ''
);
CREATE INDEX annotations_article ON annotations(article);
CREATE TABLE tags (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name citext NOT NULL UNIQUE
);
CREATE TABLE annotation_tags (
    annotation text NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    tag bigint NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    position integer NOT NULL DEFAULT 0,
    PRIMARY KEY (annotation, tag)
);
CREATE INDEX annotation_tags_tag ON annotation_tags(tag);
CREATE TABLE collections (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    description text NOT NULL DEFAULT '',
    created text NOT NULL
);
CREATE TABLE collection_items (
    collection bigint NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    article text NOT NULL,
    position integer NOT NULL,
    PRIMARY KEY (collection, article)
);
CREATE INDEX collection_items_article ON collection_items(article)
"""
MIGRATIONS[0] = replace(MIGRATIONS[0], pg=PG_V1)


def _like_escaped(text: str) -> str:
    """``text`` matched literally by LIKE … ESCAPE '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class AnnotationStore:
    """Annotations, tags and collections in a catalogue connection; every edit is one transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        conn.execute("PRAGMA foreign_keys = ON")
        #: PostgreSQL sets the owner itself (current_user) and enforces visibility; SQLite records them
        self._server_owner = is_postgres(conn)
        #: what a read-then-write adds to its read so that concurrent writers wait (PostgreSQL)
        self._lock = " FOR UPDATE" if self._server_owner else ""
        self._owner: str | None = None

    @classmethod
    def of(cls, library: Library) -> AnnotationStore:
        """The store of a library (its tables migrated first: idempotent and cheap)."""
        library.migrate("annotations", MIGRATIONS)
        return cls(library.conn)

    # -- annotations
    def add(self, annotation: Annotation) -> Annotation:
        with transaction(self.conn):
            self._write(annotation, insert=True)
        return annotation

    def update(self, annotation: Annotation) -> Annotation:
        """Replace a stored annotation (note, tags, anchor, status) that was read at ``annotation.version``.

        Refused (:class:`AnnotationConflict`) when it was written since — by the window, the command line
        or another machine — so no edit ever silently undoes another. Stamps ``modified``.
        """
        with transaction(self.conn):
            stored = self._version(annotation.id)
            if stored != annotation.version:
                raise AnnotationConflict(f"annotation {annotation.id} was changed elsewhere since it was read; "
                                         "reload it and edit again")
            annotation.modified = now_iso()
            annotation.version = stored + 1
            self._write(annotation, insert=False)
        return annotation

    def edit(self, annotation_id: str, note: str | None = None, tags: Sequence[str] | None = None) -> Annotation:
        """Change a note and/or tags: read, change and write in ONE transaction (concurrent edits all land)."""
        with transaction(self.conn):
            self._version(annotation_id)  # locks the row on PostgreSQL: a concurrent edit waits for this one
            annotation = self.get(annotation_id)
            if note is not None:
                annotation.note = note
            if tags is not None:
                annotation.tags = new_tags(tags)
            annotation.modified = now_iso()
            annotation.version += 1
            self._write(annotation, insert=False)
        return annotation

    def _version(self, annotation_id: str) -> int:
        """The stored version, the row locked until the transaction ends (PostgreSQL's ``FOR UPDATE``;
        SQLite's ``BEGIN IMMEDIATE`` already keeps every other writer out)."""
        row = self.conn.execute("SELECT version FROM annotations WHERE id = ?" + self._lock,
                                (annotation_id,)).fetchone()
        if row is None:
            self._refuse_anothers(annotation_id)
            raise AnnotationError(f"no annotation {annotation_id}")
        return int(row[0])

    def _refuse_anothers(self, annotation_id: str) -> None:
        """Refuse, saying whose, an annotation the reader sees but may not change (another's, shared with them: row
        security hides it from ``FOR UPDATE`` and ``DELETE``, and they were told "no annotation" of a note listed
        the line before)."""
        if self._server_owner:
            row = self.conn.execute("SELECT owner FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
            if row is not None and row[0] != self._me():
                raise AnnotationError(f"annotation {annotation_id} is {row[0]}'s: only its owner can change it")

    def upsert(self, annotation: Annotation) -> None:
        """Write an annotation whatever its version (re-attachment, restoring a backup)."""
        with transaction(self.conn):
            row = self.conn.execute("SELECT version FROM annotations WHERE id = ?" + self._lock,
                                    (annotation.id,)).fetchone()
            annotation.version = (int(row[0]) + 1) if row else annotation.version
            self._write(annotation, insert=False)

    def place(self, annotation: Annotation) -> bool:
        """Write where an annotation is (its article, anchor, status, the words it was made on) — nothing else —
        if it is still at the version read; False when it was written since (an edit landed meanwhile: the caller
        reads it again). Re-attachment used :meth:`upsert`, and notes edited during an import came back as they
        were (seen by a tester)."""
        anc = annotation.anchor
        with transaction(self.conn):
            row = self.conn.execute("SELECT version FROM annotations WHERE id = ?" + self._lock,
                                    (annotation.id,)).fetchone()
            if row is None or int(row[0]) != annotation.version:
                return False
            self.conn.execute(
                'UPDATE annotations SET article = ?, start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, '
                "line_ids = ?, status = ?, made_on = ?, version = ? WHERE id = ?",
                (annotation.article, anc.start if anc else None, anc.end if anc else None, anc.exact if anc else None,
                 anc.prefix if anc else "", anc.suffix if anc else "",
                 json.dumps(list(anc.line_ids) if anc else []), annotation.status, annotation.made_on,
                 annotation.version + 1, annotation.id))
            annotation.version += 1
        return True

    def tell(self, news: Mapping[str, Mapping[str, str]]) -> None:
        """Keep on each note of ``news`` (id → what happened to it: ``status``, ``by`` whom, the article it ``was``
        on) what its owner is to be told at their next look (:meth:`news`), in one transaction; an empty mapping
        forgets what was kept. A note moved again keeps the article it was on when it was first moved. Written by
        the owner of a shared library's tables, who places every researcher's notes at an import."""
        with transaction(self.conn):
            for aid, said in news.items():
                row = self.conn.execute("SELECT news FROM annotations WHERE id = ?", (aid,)).fetchone()
                if row is None:
                    continue
                before = json.loads(row[0]) if row[0] else {}
                now = dict(said)
                if now and now.get("status") == STATUS_MOVED and before.get("was"):
                    now["was"] = before["was"]
                self.conn.execute("UPDATE annotations SET news = ? WHERE id = ?",
                                  (json.dumps(now, ensure_ascii=False, sort_keys=True) if now else "", aid))

    def news(self) -> list[tuple[Annotation, dict[str, str]]]:
        """The reader's own notes that someone else's import placed since the reader last looked, each with what
        happened to it (:meth:`tell`)."""
        rows = self.conn.execute("SELECT id, news FROM annotations WHERE news <> '' AND owner = ? ORDER BY id",
                                 (self._me(),)).fetchall()
        said = {str(aid): json.loads(text) for aid, text in rows}
        return [(a, said[a.id]) for a in self._select("WHERE a.id IN (SELECT id FROM annotations WHERE news <> '' "
                                                      "AND owner = ?)", (self._me(),)) if a.id in said]

    def forget_news(self, ids: Iterable[str]) -> None:
        """The reader was told what happened to their notes ``ids``: not again (one transaction; another's note is
        left as it is)."""
        with transaction(self.conn):
            for aid in ids:
                self.conn.execute("UPDATE annotations SET news = '' WHERE id = ? AND owner = ?", (aid, self._me()))

    def delete(self, annotation_id: str) -> None:
        with transaction(self.conn):
            cur = self.conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
            if cur.rowcount == 0:
                self._refuse_anothers(annotation_id)
                raise AnnotationError(f"no annotation {annotation_id}: it was deleted elsewhere (another window, "
                                      "`broadsheet annotations delete`), or it is not yours to delete")

    def _write(self, a: Annotation, insert: bool) -> None:
        anc = a.anchor
        a.visibility = _visibility(a.visibility, f"annotation {a.id}")
        row: tuple[Any, ...] = (
            a.id, a.article, anc.start if anc else None, anc.end if anc else None, anc.exact if anc else None,
            anc.prefix if anc else "", anc.suffix if anc else "", json.dumps(list(anc.line_ids) if anc else []),
            a.note, a.status, a.creator, a.created, a.modified, a.source, a.version, a.visibility, a.made_on)
        cols = ('id, article, start, "end", exact, prefix, suffix, line_ids, note, status, creator, created, '
                "modified, source, version, visibility, made_on")
        if not self._server_owner:  # SQLite: the OS user, or the owner a restored backup names
            a.owner = a.owner or current_owner(self.conn)
            row, cols = (*row, a.owner), cols + ", owner"
        verb = "INSERT" if insert else "INSERT OR REPLACE"
        try:
            self.conn.execute(f"{verb} INTO annotations ({cols}) VALUES ({','.join('?' * len(row))})", row)
        except sqlite3.IntegrityError as e:
            raise AnnotationError(f"annotation {a.id} already exists") from e
        self.conn.execute("DELETE FROM annotation_tags WHERE annotation = ?", (a.id,))
        for pos, tag in enumerate(_kept_tags(a.tags)):
            tag_id = self._tag_id(tag)
            self.conn.execute("INSERT OR IGNORE INTO annotation_tags (annotation, tag, position) VALUES (?,?,?)",
                              (a.id, tag_id, pos))

    def _tag_id(self, name: str) -> int:
        """The tag ``name`` is (:meth:`tag_spelling`), else a new one."""
        spelled = self.tag_spelling(name)
        row = self.conn.execute("SELECT id FROM tags WHERE name = ?", (spelled,)).fetchone()
        if row is not None:
            return int(row[0])
        return int(self.conn.execute("INSERT INTO tags (name) VALUES (?)", (spelled,)).lastrowid or 0)

    def tag_spelling(self, name: str) -> str:
        """The stored tag ``name`` is: the one of that very name (letter case aside), else the oldest equal to it by
        :func:`name_key` (a library may hold several from before the rule: each kept), else ``name`` trimmed."""
        name = " ".join(name.split())
        row = self.conn.execute("SELECT name FROM tags WHERE name = ?", (name,)).fetchone()  # (case aside: NOCASE)
        if row is not None:  # the common case, one look-up: every note an import re-attaches is written again
            return str(row[0])
        names = [str(n) for n, in self.conn.execute("SELECT name FROM tags ORDER BY id").fetchall()]
        return next((n for n in names if n.casefold() == name.casefold()),
                    next((n for n in names if name_key(n) == name_key(name)), name))

    def get(self, annotation_id: str) -> Annotation:
        rows = self._select("WHERE a.id = ?", (annotation_id,))
        if not rows:
            raise AnnotationError(f"no annotation {annotation_id}")
        return rows[0]

    def find(self, article: str | None = None, tag: str | None = None, text: str | None = None,
             status: str | None = None, articles: Sequence[str] | None = None,
             pieces_too: bool = False) -> list[Annotation]:
        """Annotations filtered by article(s), tag, note/quote text (substring) and status; ``pieces_too``: on the
        ``articles`` or on pieces split off them (``key~line``, which a merge may have taken away since)."""
        where: list[str] = []
        params: list[Any] = []
        if article is not None:
            where.append("a.article = ?")
            params.append(article)
        if articles is not None:
            either = [f"a.article IN ({','.join('?' * len(articles)) or 'NULL'})"]
            params.extend(articles)
            if pieces_too:
                either += ["a.article LIKE ? ESCAPE '\\'"] * len(articles)
                params.extend(_like_escaped(k) + "~%" for k in articles)
            where.append("(" + " OR ".join(either) + ")")
        if tag is not None:  # by name_key: ``--tag Economy`` finds economy (and an old library's ＥＣＯＮＯＭＹ)
            names = [n for n, in self.conn.execute("SELECT name FROM tags").fetchall() if name_key(n) == name_key(tag)]
            where.append("a.id IN (SELECT at.annotation FROM annotation_tags at JOIN tags t ON t.id = at.tag "
                         f"WHERE t.name IN ({','.join('?' * len(names)) or 'NULL'}))")
            params.extend(names)
        if text:
            where.append("(instr(lower(a.note), lower(?)) > 0 OR instr(lower(coalesce(a.exact, '')), lower(?)) > 0)")
            params.extend([text, text])
        if status is not None:
            where.append("a.status = ?")
            params.append(status)
        return self._select(("WHERE " + " AND ".join(where)) if where else "", tuple(params))

    def _select(self, where: str, params: tuple[Any, ...]) -> list[Annotation]:
        rows = self.conn.execute(
            'SELECT a.id, a.article, a.start, a."end", a.exact, a.prefix, a.suffix, a.line_ids, a.note, a.status, '
            f"a.creator, a.created, a.modified, a.source, a.version, a.owner, a.visibility, a.made_on "
            f"FROM annotations a {where} "
            "ORDER BY a.article, a.start, a.created, a.id",
            params).fetchall()
        tags: dict[str, list[str]] = {}
        ids = [r[0] for r in rows]
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for ann, name in self.conn.execute(
                    "SELECT at.annotation, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag "
                    f"WHERE at.annotation IN ({','.join('?' * len(chunk))}) ORDER BY at.position", chunk):
                tags.setdefault(ann, []).append(name)
        out: list[Annotation] = []
        for (aid, article, start, end, exact, prefix, suffix, line_ids, note, status, creator, created,
             modified, source, version, owner, visibility, made_on) in rows:
            anchor = Anchor(start, end, exact, prefix, suffix, tuple(json.loads(line_ids))) if exact else None
            out.append(Annotation(article=article, anchor=anchor, note=note, tags=tags.get(aid, []), id=aid,
                                  creator=creator, created=created, modified=modified, status=status,
                                  source=source, version=int(version), owner=owner, visibility=visibility,
                                  made_on=made_on))
        return out

    def article_ids(self, tag: str | None = None, text: str | None = None) -> set[str]:
        """Keys of articles with annotations matching ``tag`` and/or ``text``: to combine with a text search."""
        return {a.article for a in self.find(tag=tag, text=text)}

    def fingerprint(self) -> str:
        """A digest of the notes, tags and collections this reader sees (ids and versions, not texts): an open
        window compares it when the changes counter moved, and a colleague's private note — counted, but not
        this reader's to see — re-lists nothing (:mod:`reader.app.watch`)."""
        digest = hashlib.blake2b(digest_size=16)
        for sql in ("SELECT id, version FROM annotations ORDER BY id",
                    "SELECT id, name, visibility, description FROM collections ORDER BY id",
                    "SELECT collection, article, position FROM collection_items ORDER BY collection, position",
                    "SELECT id, name FROM tags ORDER BY id"):
            for row in self.conn.execute(sql):
                digest.update(repr(tuple(row)).encode())
            digest.update(b"|")
        return digest.hexdigest()

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use with its count, most used first (for completion)."""
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT t.name, count(at.annotation) AS n FROM tags t JOIN annotation_tags at ON at.tag = t.id "
            "GROUP BY t.id ORDER BY n DESC, t.name")]

    def reattach_article(self, old_keys: Sequence[str], articles: Sequence[Article],
                         key: Any = None) -> list[Reattached]:
        """Re-attach the annotations of ``old_keys`` to re-imported ``articles`` (one transaction)."""
        results: list[Reattached] = []
        with transaction(self.conn):
            for ann in self.find(articles=list(old_keys)):
                res = reattach(ann, articles, key)
                self._write(res.annotation, insert=False)
                results.append(res)
        return results

    def rekey(self, keys: Mapping[str, str], paths: Mapping[str, str]) -> tuple[list[Annotation], int]:
        """Have annotations and collection entries name their articles by their new ids (``keys``: old id → new,
        a split-off ``key~line`` by its root) and annotations their source file by its new path (``paths``), in one
        transaction: the annotations changed, as they are now, and the number of collection entries re-keyed."""
        changed: list[Annotation] = []
        entries = 0
        with transaction(self.conn):
            for ann in self.find():
                article, source = renamed_key(ann.article, keys), paths.get(ann.source, ann.source)
                if (article, source) != (ann.article, ann.source):
                    new = replace(ann, article=article, source=source)
                    self.upsert(new)
                    changed.append(new)
            entries = self._rekey_entries(keys)
        return changed, entries

    def rekey_entries(self, keys: Mapping[str, str]) -> int:
        """Have the collection entries (only) name their articles by their new ids (``keys``: old id → new), in one
        transaction; how many were re-keyed."""
        with transaction(self.conn):
            return self._rekey_entries(keys)

    def _rekey_entries(self, keys: Mapping[str, str]) -> int:
        entries = 0
        for cid, in self.conn.execute("SELECT id FROM collections").fetchall():
            items = [str(r[0]) for r in self.conn.execute(
                "SELECT article FROM collection_items WHERE collection = ? ORDER BY position", (cid,))]
            now = [renamed_key(i, keys) for i in items]
            if now != items:
                entries += sum(1 for a, b in zip(items, now, strict=True) if a != b)
                self._write_items(int(cid), list(dict.fromkeys(now)))
        return entries

    # -- collections
    def create_collection(self, name: str, description: str = "",
                          visibility: str | Visibility = Visibility.PRIVATE) -> Collection:
        name = " ".join(name.split())
        if not name:
            raise AnnotationError("a collection needs a name")
        coll = Collection(name, [], description, visibility=_visibility(visibility, f"collection {name}"))
        with transaction(self.conn):
            self._refuse_taken(name)
            try:
                self._insert_collection(coll)
            except sqlite3.IntegrityError as e:
                raise AnnotationError(f"you already have a collection named {name!r}") from e
        return coll

    def _refuse_taken(self, name: str, renamed: int | None = None) -> None:
        """Refused in a sentence naming it: one of the reader's own collections (other than ``renamed``, a row id;
        names are unique per owner, as the table's key) has ``name`` by :func:`name_key` (``other`` and ``Ｏｔｈｅｒ``
        were made beside ``Other``: the window listed all three). Those a library holds from before are kept."""
        key = name_key(name)
        for cid, stored in self.conn.execute("SELECT id, name FROM collections WHERE owner = ? ORDER BY id",
                                             (self._me(),)).fetchall():
            if int(cid) != renamed and name_key(str(stored)) == key:
                raise AnnotationError(f"you already have a collection named {stored!r}"
                                      + ("" if stored == name else f" (names are compared regardless of case and "
                                                                   f"width: {name!r} is that name)"))

    def _insert_collection(self, coll: Collection) -> int:
        """A new collection row (owned by the writer unless a SQLite backup names its owner); its id."""
        coll.visibility = _visibility(coll.visibility, f"collection {coll.name}")
        row: tuple[Any, ...] = (coll.name, coll.description, coll.created, coll.visibility)
        cols = "name, description, created, visibility"
        if not self._server_owner:
            coll.owner = coll.owner or current_owner(self.conn)
            row, cols = (*row, coll.owner), cols + ", owner"
        return int(self.conn.execute(f"INSERT INTO collections ({cols}) VALUES ({','.join('?' * len(row))})",
                                     row).lastrowid or 0)

    def _me(self) -> str:
        """Who is reading and writing (:func:`current_owner`), asked once."""
        if self._owner is None:
            self._owner = current_owner(self.conn)
        return self._owner

    def _collection_id(self, name: str, lock: bool = False, owner: str | None = None) -> int:
        """The row id of the collection ``name`` (``owner``'s, else the reader's own, else the first another
        shares with them). ``lock``: to change it — only one's own; its row locked until the transaction ends,
        on PostgreSQL."""
        sql = "SELECT id, owner FROM collections WHERE name = ?"
        args: tuple[Any, ...] = (name,)
        if owner is not None:
            sql, args = sql + " AND owner = ?", (name, owner)
        row = self.conn.execute(sql + " ORDER BY CASE WHEN owner = ? THEN 0 ELSE 1 END, owner LIMIT 1",
                                (*args, self._me())).fetchone()
        if row is None:
            row = self._collection_by_key(name, owner)
        if row is None:
            raise AnnotationError(f"no collection named {name!r}" + (f" of {owner}'s" if owner else ""))
        if lock and row[1] != self._me():  # shared with the reader, who may read it but not change it
            raise AnnotationError(f"{name!r} is {row[1]}'s collection: only its owner can change it")
        if lock and self._lock:
            self.conn.execute("SELECT id FROM collections WHERE id = ?" + self._lock, (row[0],)).fetchone()
        return int(row[0])

    def _collection_by_key(self, name: str, owner: str | None) -> tuple[Any, ...] | None:
        """(id, owner) of the one collection named ``name`` by :func:`name_key` (``owner``'s, else the reader's own,
        else another's shared with them); None when there is none, or several of one owner from before the rule."""
        key = name_key(name)
        rows = [tuple(r) for r in self.conn.execute("SELECT id, owner, name FROM collections").fetchall()
                if name_key(str(r[2])) == key and (owner is None or r[1] == owner)]
        for whose in (owner or self._me(), None):
            mine = [r for r in rows if whose is None or r[1] == whose]
            if len(mine) == 1:
                return mine[0][:2]
        return None

    def add_to_collection(self, name: str, article: str, position: int | None = None) -> None:
        """Put ``article`` into the collection (at ``position``, default last); already there: moved."""
        with transaction(self.conn):
            cid = self._collection_id(name, lock=True)
            items = [r[0] for r in self.conn.execute(
                "SELECT article FROM collection_items WHERE collection = ? ORDER BY position", (cid,))]
            if article in items:
                items.remove(article)
            items.insert(len(items) if position is None else max(0, position), article)
            self._write_items(cid, items)

    def remove_from_collection(self, name: str, article: str) -> None:
        with transaction(self.conn):
            cid = self._collection_id(name, lock=True)
            self.conn.execute("DELETE FROM collection_items WHERE collection = ? AND article = ?", (cid, article))

    def _write_items(self, cid: int, items: Sequence[str]) -> None:
        self.conn.execute("DELETE FROM collection_items WHERE collection = ?", (cid,))
        self.conn.executemany("INSERT INTO collection_items (collection, article, position) VALUES (?,?,?)",
                              [(cid, a, i) for i, a in enumerate(items)])

    def rename_collection(self, name: str, new: str) -> Collection:
        """Rename the reader's own collection ``name``: its entries, description, date and visibility kept. Refused in
        a sentence when the reader has a collection of the new name already, or the name is blank."""
        new = " ".join(new.split())
        if not new:
            raise AnnotationError("a collection needs a name")
        with transaction(self.conn):
            cid = self._collection_id(name, lock=True)
            self._refuse_taken(new, cid)
            try:
                self.conn.execute("UPDATE collections SET name = ? WHERE id = ?", (new, cid))
            except sqlite3.IntegrityError as e:
                raise AnnotationError(f"you already have a collection named {new!r}") from e
            return self._collection_by_id(cid)

    def delete_collection(self, name: str) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM collections WHERE id = ?", (self._collection_id(name, lock=True),))

    def set_collection_visibility(self, name: str, visibility: str | Visibility) -> None:
        """Who may see the collection besides its owner; only the owner changes it (PostgreSQL's row security
        hides another's row from the UPDATE: refused in one sentence)."""
        vis = _visibility(visibility, f"collection {name}")
        with transaction(self.conn):
            cid = self._collection_id(name, lock=True)
            if self.conn.execute("UPDATE collections SET visibility = ? WHERE id = ?", (vis, cid)).rowcount == 0:
                raise AnnotationError(f"the collection {name!r} is someone else's: only its owner can change "
                                      "who may see it")

    def collection(self, name: str, owner: str | None = None) -> Collection:
        """The collection ``name``: ``owner``'s, else the reader's own, else the first another shares with them."""
        return self._collection_by_id(self._collection_id(name, owner=owner))

    def _collection_by_id(self, cid: int) -> Collection:
        row = self.conn.execute("SELECT name, description, created, owner, visibility FROM collections "
                                "WHERE id = ?", (cid,)).fetchone()
        items = [r[0] for r in self.conn.execute(
            "SELECT article FROM collection_items WHERE collection = ? ORDER BY position", (cid,))]
        return Collection(row[0], items, row[1], row[2], owner=row[3], visibility=row[4])

    def collections(self) -> list[Collection]:
        """Every collection the reader sees, by name (one name may be several owners')."""
        return [self._collection_by_id(r[0]) for r in self.conn.execute(
            "SELECT id FROM collections ORDER BY name, owner").fetchall()]

    def save_collection(self, coll: Collection) -> None:
        """Create or replace a collection wholesale (used by import)."""
        with transaction(self.conn):
            # the writer's own on PostgreSQL (the server makes the writer its owner); the owner a backup names here
            owner = self._me() if self._server_owner else (coll.owner or self._me())
            row = self.conn.execute("SELECT id FROM collections WHERE name = ? AND owner = ?",
                                    (coll.name, owner)).fetchone()
            cid = self._insert_collection(coll) if row is None else int(row[0])
            self._write_items(cid, list(dict.fromkeys(coll.items)))

    # -- backup
    def import_backup(self, backup: Backup) -> dict[str, int]:
        """Merge a backup into this store in one transaction: a new annotation is added, one stored is replaced
        unless it was written since the backup's (it is kept as it is now: ``newer_kept``) or is the backup's not
        edited since (kept where this library placed it: ``unchanged``); a collection gains the backup's articles
        it lacks (after its own). Restoring an older backup reverted notes edited since and emptied collections of
        the articles added since (seen by a tester)."""
        counts = {"annotations": 0, "collections": 0, "newer_kept": 0, "entries_added": 0, "others_kept": 0,
                  "others_collections": 0, "unchanged": 0}
        with transaction(self.conn):
            for ann in backup.annotations:
                kept = self._kept_here(ann)
                if kept:
                    counts[kept] += 1
                elif self._restored(ann):
                    counts["annotations"] += 1
                else:
                    counts["others_kept"] += 1
            for coll in backup.collections:
                if self._anothers_here(coll):
                    counts["others_collections"] += 1
                    continue
                # a folder's restored collections are the reader's, as before (the owner read only to tell another's)
                counts["entries_added"] += self._merge_collection(coll if self._server_owner else
                                                                  replace(coll, owner=""))
                counts["collections"] += 1
        return counts

    def _restored(self, ann: Annotation) -> bool:
        """Write a backup's ``ann``; False, writing nothing, when it is another's on a shared library: row-level
        security refuses it, seen or not (a colleague's shared note in one's own backup failed the whole restore,
        "new row violates row-level security policy")."""
        if not self._server_owner:
            self._write(ann, insert=False)
            return True
        row = self.conn.execute("SELECT owner FROM annotations WHERE id = ?", (ann.id,)).fetchone()
        if row is not None and row[0] != self._me():
            return False
        self.conn.execute("SAVEPOINT restored")  # a row hidden from the reader is found only by writing it
        try:
            self._write(ann, insert=False)
        except sqlite3.DatabaseError:
            self.conn.execute("ROLLBACK TO SAVEPOINT restored")
            return False
        self.conn.execute("RELEASE SAVEPOINT restored")
        return True

    def _kept_here(self, ann: Annotation) -> str:
        """Whether the stored ``ann`` stays as it is: ``newer_kept`` when edited since the backup's (timestamps are
        to the second: an edit in the backup's second counts when the note or tags differ), ``unchanged`` when it
        is the backup's note not edited since — kept where this library placed it (re-attached after a re-import
        changed its words: the backup's older copy put it back on words no longer there, seen by a tester); ""
        when the backup's is written."""
        row = self.conn.execute("SELECT modified, created FROM annotations WHERE id = ?" + self._lock,
                                (ann.id,)).fetchone()
        ours, theirs = (row[0] or row[1]) if row else "", ann.modified or ann.created
        if not ours:
            return ""
        if ours != theirs:
            return "newer_kept" if ours > theirs else ""
        stored = self.get(ann.id)
        return "newer_kept" if (stored.note, stored.tags) != (ann.note, ann.tags) else "unchanged"

    def _anothers_here(self, coll: Collection) -> bool:
        """Whether a backup's collection is another's that this shared library shows the reader (a colleague's,
        shared with them): left to its owner — restoring one's backup made a copy of it one's own (seen by a
        tester: "ours" listed twice, once as bob's)."""
        if not self._server_owner or not coll.owner or coll.owner == self._me():
            return False
        return self.conn.execute("SELECT 1 FROM collections WHERE name = ? AND owner = ?",
                                 (coll.name, coll.owner)).fetchone() is not None

    def _merge_collection(self, coll: Collection) -> int:
        """A backup's collection: added whole when new, else its articles the stored one lacks appended (how many:
        an article removed since the backup comes back, and the reader is told)."""
        owner = self._me() if self._server_owner else (coll.owner or self._me())
        row = self.conn.execute("SELECT id FROM collections WHERE name = ? AND owner = ?",
                                (coll.name, owner)).fetchone()
        if row is None:
            self.save_collection(coll)
            return 0
        held = [str(r[0]) for r in self.conn.execute(
            "SELECT article FROM collection_items WHERE collection = ? ORDER BY position", (int(row[0]),))]
        merged = list(dict.fromkeys(held + list(coll.items)))
        self._write_items(int(row[0]), merged)
        return len(merged) - len(held)


def reattach_in_library(library: Library, store: AnnotationStore,
                        annotations: Sequence[Annotation] | None = None,
                        read: Callable[[str], Article] | None = None) -> list[Reattached]:
    """Check every annotation (or the given ones) against the library's current text; re-attach what moved.

    Run after a re-import: an annotation whose quote is still at its place is
    left alone; one whose text moved is re-attached (status moved) within the
    articles of its source file; one that cannot be found is kept, orphaned.
    Each change is its own small transaction, so a crash loses nothing done.
    ``read``: the article a key names as the reader reads it (NotFoundError when none; default the catalogue's) —
    a piece the reader split off is an article of their corrections only (:func:`reader.app.placing.reattach_as_read`).
    """
    by_source: dict[str, list[Article]] = {}
    read = read or library.article

    def articles_of(source: str) -> list[Article]:
        if source not in by_source:
            by_source[source] = [library.article(info.id) for info in library.articles() if info.source == source]
        return by_source[source]

    results: list[Reattached] = []
    for ann in (store.find() if annotations is None else annotations):
        try:
            current: Article | None = read(ann.article)
        except NotFoundError:
            current = None
        res = _reattached_here(library, ann, current, articles_of)
        if res is not None and res.annotation != ann and not store.place(res.annotation):
            try:  # edited since it was read: placed as it is now (the edit kept)
                fresh = store.get(ann.id)
            except AnnotationError:
                continue  # deleted meanwhile
            res = _reattached_here(library, fresh, current, articles_of)
            if res is not None and res.annotation != fresh and not store.place(res.annotation):
                continue  # not the reader's to write (another's, on a shared library): not said moved (review)
        if res is not None:
            results.append(replace(res, was_orphaned=ann.orphaned))
    return results


def _reattached_here(library: Library, ann: Annotation, current: Article | None,
                     articles_of: Callable[[str], list[Article]]) -> Reattached | None:
    """Where ``ann`` is in the library now (None: still where it was, nothing to say). Still there too: its words
    over a paragraph boundary the reader's corrections put in or took out (:func:`locate_across_parts`) — a
    highlight on a piece split off, its paragraph split in its words, was re-attached by any import onto fewer of
    them ('阶段性梳理是件好事' → '性\n\n梳理是件好事', moved)."""
    if current is not None and (ann.anchor is None or still_there(ann.anchor, current.text, current)
                                or locate_across_parts(ann.anchor, current, own=True) is not None):
        if ann.status == STATUS_ORPHANED:
            return Reattached(replace(ann, status=STATUS_ATTACHED), ann.article, Attachment(0, 0, "position", 1.0))
        return None
    source = ann.source
    if not source and current is not None:
        try:
            source = library.article_info(ann.article).source
        except NotFoundError:  # an article of the reader's corrections (a piece split off): looked for in it
            source = ""
    candidates = list(articles_of(source)) if source else []
    if current is not None and all(a.id != current.id for a in candidates):
        candidates.insert(0, current)
    return reattach(ann, candidates)
