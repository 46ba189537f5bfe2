"""The concordance: EVERY occurrence of a query's terms, one line each, keyword in context.

A search answers "which articles"; a concordance answers "how is the word used": one line per
occurrence with its article, publication, date, page, the context on the left, the match and the
context on the right. It is built on the search engine: the matching articles are exactly the
search's (:meth:`Searcher.matching_nums`), and the occurrences in each are the ranges
:func:`reader.search.hits.locate` finds — the ranges the reading view highlights, in ORIGINAL
text offsets (``Article.text``), so a line opens at the very characters it shows. An occurrence
is one such range: every match of every positive term (terms under ``NOT`` are not looked for),
overlapping ones each (``哈哈`` twice in ``哈哈哈``; ``国`` and ``国家`` of ``国 OR 国家`` both at 国家); the
same range found by two terms is one line.

Context (``context=N``): N characters on either side when the match is CJK, N words when it is
Latin (a word is what whitespace separates). Line breaks and the blank line between parts read
as one space; context never runs past the article.

Nothing here is quadratic: articles are read in batches in date order, each text is folded once,
and the page of an occurrence is found by bisection over its part's spans.
"""

from __future__ import annotations

import enum
import json
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate, groupby, islice, pairwise
from typing import Any, NamedTuple, Protocol, TypeVar, cast

from reader.index.rows import RowSet
from reader.library.catalogue import article_line_rows, part_roles, part_texts, parts_from_json
from reader.model import graphemes
from reader.model.document import Article, Part, Span, reading_order_of
from reader.search.engine import Filter, Searcher
from reader.search.hits import locate, occurrences_in
from reader.search.query import DEFAULT_OPTIONS, And, Not, SearchOptions, Term, Text, parse, positive_terms
from reader.search.readings import CorrectedReading
from reader.text.chars import is_cjk
from reader.text.forms import folds_one_to_one

#: default context: characters (CJK) or words (Latin) on either side
CONTEXT = 10
#: articles read from the catalogue at a time
BATCH = 200
#: hits up to this many are put in date order at once for a capped concordance's first lines; more are found by
#: walking the issues in date order (a common word's first lines come from its first few hundred articles)
ORDER_AT_ONCE = 4096
#: issues whose articles are read in one step of that walk, at first (doubling up to :data:`WALK_MOST`)
WALK_FIRST = 16
WALK_MOST = 1024


class Sort(enum.Enum):
    """How concordance lines are ordered."""

    #: by date, publication, page and place in the article (the order they are found in)
    DATE = "date"
    #: by the left context read backwards from the keyword (as concordancers do)
    LEFT = "left"
    #: by the right context
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class ConcordanceLine:
    """One occurrence: where it is and what surrounds it (``start``/``end`` in ``Article.text``)."""

    article: str
    headline: str | None
    publication: str
    date: str
    page: int | None
    left: str
    match: str
    right: str
    start: int
    end: int
    #: the article's place in date order (the date sort's key, with ``place``)
    rank: int = 0
    #: the line's place among its article's lines in reading order (a headline printed after the body first)
    place: int = 0
    #: the page as it prints its number ("484"), where the source gives it; ``page`` is its sequence in the issue
    page_label: str | None = None

    @property
    def page_shown(self) -> str:
        """The page as a reader cites it: its printed label, else its number ("" when unknown)."""
        return self.page_label or ("" if self.page is None else str(self.page))

    def to_json(self) -> dict[str, Any]:
        """The line as ``broadsheet concordance --json`` prints it."""
        return {"article": self.article, "publication": self.publication, "date": self.date, "page": self.page,
                **({"page_label": self.page_label} if self.page_label else {}),
                "left": self.left, "match": self.match, "right": self.right}


@dataclass
class Concordance:
    """Every occurrence of ``query`` (``lines`` may stop at a cap; ``total`` never does)."""

    query: str
    total: int
    lines: list[ConcordanceLine] = field(default_factory=list)
    #: how many articles hold an occurrence
    articles: int = 0
    #: article id → its number of occurrences, for every article a held line comes from
    per_article: dict[str, int] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return len(self.lines) == self.total

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "lines": [ln.to_json() for ln in self.lines]}


@dataclass(frozen=True, slots=True)
class _Row:
    num: int
    article: str
    headline: str | None
    publication: str
    date: str
    first_page: int | None
    pages: tuple[int, ...]
    #: page number → printed label of the article's own pages that have one
    labels: Mapping[int, str] = field(default_factory=dict)


# ------------------------------------------------------------------------------ context


def _flat(text: str) -> str:
    return " ".join(text.split())


def context(text: str, start: int, end: int, n: int = CONTEXT) -> tuple[str, str]:
    """(left, right) context of ``text[start:end]``: ``n`` characters for a CJK match, ``n`` words otherwise.

    Only a bounded window of the text is looked at (a long article costs no more than a short one)."""
    cjk = any(is_cjk(ch) for ch in text[start:end])
    if cjk:
        window = 4 * n + 8  # runs of whitespace read as one space: look a little further than n
        left = graphemes.tail(_flat(text[max(0, start - window):start]), n) if n else ""
        right = graphemes.head(_flat(text[end:end + window]), n) if n else ""
        return left.lstrip(), right.rstrip()
    if n == 0:
        return "", ""
    window = 40 * n + 40  # n words of at most ~40 characters: a bounded look either way
    lo = max(0, start - window)
    words = text[lo:start].split()
    if lo > 0 and words and not text[lo - 1].isspace():
        words = words[1:]  # a word cut by the window is not context
    hi = min(len(text), end + window)
    rwords = text[end:hi].split()
    if hi < len(text) and rwords and not text[hi].isspace():
        rwords = rwords[:-1]
    return " ".join(words[-n:]), " ".join(rwords[:n])


# ------------------------------------------------------------------------------ sorting


def sort_key(sort: Sort) -> Any:
    """The key that orders lines by ``sort`` (case-insensitive for the contexts)."""
    if sort is Sort.LEFT:
        return lambda ln: (ln.left.casefold()[::-1], ln.match.casefold(), ln.rank, ln.place)
    if sort is Sort.RIGHT:
        return lambda ln: (ln.right.casefold(), ln.match.casefold(), ln.rank, ln.place)
    return lambda ln: (ln.rank, ln.place)


def sort_lines(lines: Iterable[ConcordanceLine], sort: Sort) -> list[ConcordanceLine]:
    return sorted(lines, key=sort_key(sort))


# ------------------------------------------------------------------------------ the engine's answer


def query_filters(query: str) -> list[Filter]:
    """The filters at the top level of ``query`` (``publication:X date:1939 word``): what the library's
    own articles are counted under, for a timeline read relative to what was digitised."""
    from reader.search.query import And

    node = parse(query)
    if isinstance(node, Filter):
        return [node]
    if isinstance(node, And):
        return [c for c in node.children if isinstance(c, Filter)]
    return []


#: the concordance's order: date (undated last), publication, page, place on the page
_ORDER = "ORDER BY i.date = '', i.date, p.name, coalesce(a.first_page, 0), a.seq, a.num"


def _ordered_rows(searcher: Searcher, nums: Iterable[int]) -> list[_Row]:
    """The articles of catalogue rows ``nums`` in date order (undated last), then publication, page and place."""
    conn = searcher.library.conn
    rows = conn.execute(
        "SELECT a.num, a.id, a.headline, p.name, i.date, a.first_page, a.pages, a.issue_id FROM articles a "
        "JOIN issues i ON i.id = a.issue_id JOIN publications p ON p.id = i.publication_id "
        f"WHERE a.num IN (SELECT value FROM json_each(?)) {_ORDER}", (json.dumps(sorted(nums)),)).fetchall()
    # the printed labels of each article's own pages (among its source's pages), not of any page of its issue
    # numbered alike: the undated pages of a folder are one issue, each its page 1 (an 1820 line said "p.224", the
    # number printed on an 1870 page)
    labels: dict[int, dict[int, str]] = {}
    if rows:
        for num, number, label in conn.execute(
                "SELECT a.num, g.number, g.label FROM articles a CROSS JOIN pages g CROSS JOIN article_pages ap "
                "WHERE a.num IN (SELECT value FROM json_each(?)) AND g.source_id = a.source_id "
                "AND ap.page_id = g.id AND ap.article_num = a.num AND g.label IS NOT NULL AND g.label <> ''",
                (json.dumps(sorted(r[0] for r in rows)),)):
            labels.setdefault(num, {})[number] = label
    return [_Row(r[0], r[1], r[2], r[3], r[4], r[5], tuple(json.loads(r[6])), labels.get(r[0], {})) for r in rows]


def _issue_groups(searcher: Searcher) -> Iterator[list[int]]:
    """The issues in the concordance's order (undated last, date, publication), as groups that sort alike: the
    articles of one group are ordered together (:func:`_walk`), of two groups never."""
    rows = searcher.library.conn.execute(
        "SELECT i.date = '', i.date, p.name, i.id FROM issues i JOIN publications p ON p.id = i.publication_id "
        "ORDER BY 1, 2, 3")
    for _key, group in groupby(rows, key=lambda r: (r[0], r[1], r[2])):
        yield [r[3] for r in group]


def _nums_in_order(searcher: Searcher, nums: RowSet) -> Iterator[int]:
    """Each of ``nums`` in the concordance's order, found by walking the issues in that order and reading their
    articles a few issues at a time (:data:`WALK_FIRST`, doubling up to :data:`WALK_MOST`): the first come before
    every hit is ordered."""
    step = WALK_FIRST
    groups = _issue_groups(searcher)
    while batch := [i for group in islice(groups, step) for i in group]:
        step = min(2 * step, WALK_MOST)
        for (num,) in searcher.library.conn.execute(
                "SELECT a.num FROM articles a JOIN issues i ON i.id = a.issue_id "
                "JOIN publications p ON p.id = i.publication_id "
                f"WHERE a.issue_id IN (SELECT value FROM json_each(?)) {_ORDER}", (json.dumps(batch),)):
            if num in nums:
                yield num


def _walk(searcher: Searcher, nums: RowSet, counts: dict[int, int], lines: int) -> list[int]:
    """The first hits (``nums``) in the concordance's order whose occurrences (``counts``) make ``lines`` lines:
    what the first lines of a common word take, not the order of all its hits."""
    chosen: list[int] = []
    held = 0
    for num in _nums_in_order(searcher, nums) if lines > 0 else ():
        chosen.append(num)
        held += counts.get(num, 0)
        if held >= lines:
            break
    return chosen


def _rows_in_order(searcher: Searcher, nums: RowSet) -> Iterator[list[_Row]]:
    """The rows of ``nums`` in the concordance's order, :data:`BATCH` at a time: sorted at once when they are
    few, else walked (:func:`_nums_in_order`), so a common word's every line starts streaming at once."""
    if len(nums) <= ORDER_AT_ONCE:
        rows = _ordered_rows(searcher, nums) if nums else []
        for k in range(0, len(rows), BATCH):
            yield rows[k:k + BATCH]
        return
    walked = _nums_in_order(searcher, nums)
    while chunk := list(islice(walked, BATCH)):
        yield _ordered_rows(searcher, chunk)


def _first_rows(searcher: Searcher, nums: RowSet, counts: dict[int, int], lines: int) -> list[_Row]:
    """The rows of the first hits in date order whose occurrences make ``lines`` lines (all of them when they
    make fewer)."""
    if len(nums) <= ORDER_AT_ONCE or sum(counts.values()) <= lines:
        rows = _ordered_rows(searcher, nums)
        held = 0
        for k, row in enumerate(rows):
            held += counts.get(row.num, 0)
            if held >= lines:
                return rows[:k + 1]
        return rows
    return _ordered_rows(searcher, _walk(searcher, nums, counts, lines))


def matching_articles(searcher: Searcher, query: str, filters: Sequence[Filter] = (),
                      options: SearchOptions = DEFAULT_OPTIONS) -> list[_Row]:
    """Exactly the articles the search finds for ``query``, in date order."""
    nums = searcher.matching_nums(query, filters, options=options)
    return _ordered_rows(searcher, nums) if nums else []


class _Numbered(Protocol):
    @property
    def num(self) -> int: ...


@dataclass(frozen=True, slots=True)
class _Num:
    """A catalogue row alone (what :func:`_texts` needs of a row)."""

    num: int


_R = TypeVar("_R", bound=_Numbered)


class Stored(NamedTuple):
    """An article's stored parts: the ``parts`` JSON and the texts already decoded from it."""

    json: str
    texts: list[str]


def _texts(searcher: Searcher, rows: Sequence[_R]) -> Iterator[tuple[_R, str, Stored | CorrectedReading]]:
    """Each row with its ORIGINAL text (``Article.text``) and its stored parts, read :data:`BATCH` at a time
    (memory stays bounded). Only the texts are decoded (:func:`part_texts`); the spans, only where a page must
    be found (:class:`_Pages`). An article the reader reads corrected comes as that reading (its text and the
    reading itself, :mod:`reader.search.readings`): the concordance shows what the reader reads."""
    readings = searcher.corrected_readings()
    for row, parts in _stored(searcher, rows, "SELECT num, parts FROM articles"):
        reading = readings.get(row.num)
        if reading is not None and reading.pieces and isinstance(row, _Row):
            # read as pieces (cut, moved, merged): each piece's lines under its own key, in its own text
            for piece in reading.pieces:
                yield cast(_R, replace(row, article=piece.key, headline=piece.headline)), piece.reading.text, \
                    piece.reading
        elif reading is not None:
            yield row, reading.text, reading
        else:
            texts = part_texts(parts)
            yield row, "\n\n".join(texts), Stored(parts, texts)


def _with_folded(searcher: Searcher, rows: Sequence[_Row],
                 options: SearchOptions) -> Iterator[tuple[_Row, str, Stored | CorrectedReading, str | None]]:
    """:func:`_texts` with each row's folded text (the index's copy, else the catalogue's) in the default mode,
    where the search compares it: :func:`_occurrences_of` may then spare folding the text again."""
    if options != DEFAULT_OPTIONS:
        for row, text, parts in _texts(searcher, rows):
            yield row, text, parts, None
        return
    for k in range(0, len(rows), BATCH):
        batch = rows[k:k + BATCH]
        folded = dict(searcher.folded_texts({r.num for r in batch}))
        for row, text, parts in _texts(searcher, batch):
            yield row, text, parts, parts.folded if isinstance(parts, CorrectedReading) else folded.get(row.num)


def _occurrences_of(text: str, folded: str | None, terms: Sequence[Term],
                    options: SearchOptions) -> list[tuple[int, int]]:
    """:func:`occurrences_in`, without folding ``text`` again when its folded text has the same offsets (as long
    as it, every character known to fold to one: :func:`reader.text.forms.folds_one_to_one`), the common case."""
    if not terms:
        return []
    if (folded is None or len(folded) != len(text) or any(t.options != options for t in terms)
            or not folds_one_to_one(text)):
        return occurrences_in(text, terms, options)[0]
    ranges: set[tuple[int, int]] = set()
    for term in terms:
        ranges.update(term.spans(folded))
    return sorted(ranges)


def _stored(searcher: Searcher, rows: Sequence[_R], select: str) -> Iterator[tuple[_R, str]]:
    """Each row with the column ``select`` reads for it (``SELECT num, <column> FROM <table>``), :data:`BATCH`
    rows at a time; a row gone since the search (an import) is left out."""
    conn = searcher.library.conn
    for k in range(0, len(rows), BATCH):
        batch = rows[k:k + BATCH]
        found = dict(conn.execute(select + " WHERE num IN (SELECT value FROM json_each(?))",
                                  (json.dumps([r.num for r in batch]),)))
        for row in batch:
            if row.num in found:
                yield row, found[row.num]


def occurrences(article: Article, terms: Sequence[Term],
                options: SearchOptions = DEFAULT_OPTIONS) -> list[tuple[int, int]]:
    """Every occurrence of ``terms`` in ``article`` as ``[start, end)`` of ``Article.text`` (the search's
    highlight ranges, sorted)."""
    if not terms:
        return []
    return list(locate(article, terms, options=options)[0])


class _Pages:
    """Which page an offset of a multi-page article is on: its part's spans → line → page number."""

    def __init__(self, searcher: Searcher, row: _Row, stored: Stored | CorrectedReading) -> None:
        if isinstance(stored, CorrectedReading):
            parts = [Part(role, text, [Span(*s) for s in spans]) for role, text, spans in stored.parts]
        else:
            spans = searcher.library.conn.execute("SELECT spans FROM articles WHERE num = ?", (row.num,)).fetchone()
            parts = parts_from_json(stored.json, spans[0] if spans else None)
        article = Article(id=row.article, parts=parts, pages=list(row.pages))
        self.article = article
        self.starts: list[int] = []
        pos = 0
        for p in article.parts:
            self.starts.append(pos)
            pos += len(p.text) + 2
        self.span_starts = [[s.start for s in p.spans] for p in article.parts]
        self.line_page: dict[str, int] = {}
        for _, number, line in article_line_rows(searcher.library.conn, row.article):
            self.line_page.setdefault(line[0], number)  # the lowest page number holding the line

    def page(self, offset: int) -> int | None:
        i = max(0, bisect_right(self.starts, offset) - 1)
        part = self.article.parts[i]
        if not part.spans:
            return None
        j = max(0, bisect_right(self.span_starts[i], offset - self.starts[i]) - 1)
        return self.line_page.get(part.spans[j].line)


def _lines_of(searcher: Searcher, row: _Row, rank: int, stored: tuple[str, Stored | CorrectedReading, str | None],
              terms: Sequence[Term], n: int, options: SearchOptions) -> list[ConcordanceLine]:
    text, parts_json, folded = stored
    found = _occurrences_of(text, folded, terms, options)
    if not found:
        return []
    if len(found) > 1:
        found = in_reading_order(found, parts_json)
    pages = _Pages(searcher, row, parts_json) if len(row.pages) > 1 else None
    read = _AsRead(text, parts_json)
    out: list[ConcordanceLine] = []
    for place, (s, e) in enumerate(found):
        left, right = read.context(s, e, n)
        page = pages.page(s) if pages is not None else row.first_page
        page = page if page is not None else row.first_page
        out.append(ConcordanceLine(row.article, row.headline, row.publication, row.date, page,
                                   left, _flat(text[s:e]), right, s, e, rank, place,
                                   None if page is None else row.labels.get(page)))
    return out


def in_reading_order(found: list[tuple[int, int]], stored: Stored | CorrectedReading) -> list[tuple[int, int]]:
    """Ranges of an article's text (its parts joined by blank lines, as stored) in the order its parts are read
    (:func:`reader.model.document.reading_order`): unchanged when the parts are stored in that order (their
    roles read by one regular expression over the stored JSON)."""
    order = _order_of(stored)
    if order is None:
        return found
    texts = _texts_of(stored)
    rank = {part: k for k, part in enumerate(order)}
    starts = list(accumulate((len(t) + 2 for t in texts[:-1]), initial=0))
    return sorted(found, key=lambda r: (rank.get(bisect_right(starts, r[0]) - 1, 0), r[0]))


def _order_of(stored: Stored | CorrectedReading) -> list[int] | None:
    """The order the stored parts are read in; None where it is the order they are stored in."""
    roles = [p[0] for p in stored.parts] if isinstance(stored, CorrectedReading) else part_roles(stored.json)
    order = reading_order_of(roles)
    return None if all(a < b for a, b in pairwise(order)) else order


def _texts_of(stored: Stored | CorrectedReading) -> list[str]:
    return [p[1] for p in stored.parts] if isinstance(stored, CorrectedReading) else stored.texts


def _reach(n: int) -> int:
    """How far either side of a match :func:`context` may look for ``n`` (its Latin window, wider than its CJK
    one)."""
    return 40 * n + 40


class _AsRead:
    """An article's text as the reader reads it, for the context of a match: a PDF text dump stores the headline
    group after the body, and a merge puts the parts it brings after the others, so the words stored around a match
    at a part's edge are often not the words read there (the kicker 注重平时… had the last paragraph's
    "…精力补短板、破难题。" as its left context, read after the column label; the first section heading none, read after
    the editor's note). The order is asked only for a match within :func:`_reach` of a part's edge, and only the
    parts read within that reach of it are looked at: a long article costs no more than a short one."""

    def __init__(self, text: str, stored: Stored | CorrectedReading) -> None:
        self.text = text
        self.stored = stored
        self._known = False
        self._order: list[int] | None = None
        self._texts: list[str] = []
        self._starts: list[int] = []
        self._rank: dict[int, int] = {}

    def context(self, s: int, e: int, n: int) -> tuple[str, str]:
        reach = _reach(n)
        text = self.text
        if text.find("\n\n", max(0, s - reach), s) < 0 and text.find("\n\n", e, e + reach) < 0:
            return context(text, s, e, n)  # inside one part: the words stored around it are the words read
        if not self._known:
            self._learn()
        i = bisect_right(self._starts, s) - 1 if self._order is not None else -1
        if i < 0 or e > self._starts[i] + len(self._texts[i]):
            return context(text, s, e, n)  # read as stored, or a match over two parts (read in the order stored)
        at = s - self._starts[i]
        left = self._side(i, self._texts[i][:at], reach, -1)
        right = self._side(i, self._texts[i][at + e - s:], reach, 1)
        return context(left + text[s:e] + right, len(left), len(left) + e - s, n)

    def _learn(self) -> None:
        self._known = True
        self._order = _order_of(self.stored)
        if self._order is not None:
            self._texts = _texts_of(self.stored)
            self._starts = list(accumulate((len(t) + 2 for t in self._texts[:-1]), initial=0))
            self._rank = {part: k for k, part in enumerate(self._order)}

    def _side(self, i: int, own: str, reach: int, step: int) -> str:
        """The words read before (``step`` -1) or after (1) part ``i``'s ``own`` share of them, parts joined by blank
        lines, at least ``reach`` + 1 characters where there are that many (a word the reach cuts is no context)."""
        assert self._order is not None
        got = [own]
        size = len(own)
        k = self._rank[i] + step
        while size <= reach and 0 <= k < len(self._order):
            t = self._texts[self._order[k]]
            got.append(t[-(reach + 1):] if step < 0 else t[:reach + 1])
            size += len(got[-1]) + 2
            k += step
        return "\n\n".join(reversed(got)) if step < 0 else "\n\n".join(got)


def iter_lines(searcher: Searcher, query: str, filters: Sequence[Filter] = (), n: int = CONTEXT,
               options: SearchOptions = DEFAULT_OPTIONS) -> Iterator[ConcordanceLine]:
    """Every line of the concordance in date order, made as they are read (the command line streams them)."""
    terms = positive_terms(parse(query), options=options)
    chunks = _rows_in_order(searcher, searcher.matching_nums(query, filters, options=options))
    for rank, (row, text, parts, folded) in enumerate(_read(searcher, chunks, options)):
        yield from _lines_of(searcher, row, rank, (text, parts, folded), terms, n, options)


def _read(searcher: Searcher, chunks: Iterable[Sequence[_Row]],
          options: SearchOptions) -> Iterator[tuple[_Row, str, Stored | CorrectedReading, str | None]]:
    """:func:`_with_folded` over each chunk of rows in turn."""
    for chunk in chunks:
        yield from _with_folded(searcher, chunk, options)


def holds_its_terms(query: str) -> bool:
    """Does every article ``query`` finds hold each of its text terms: one text, or texts ANDed with filters and
    NOTs (which only take hits away)?"""
    node = parse(query)
    if isinstance(node, Text):
        return True
    return isinstance(node, And) and all(isinstance(c, Text | Filter | Not) for c in node.children)


def _one_needle(terms: Sequence[Term], options: SearchOptions) -> str | None:
    """The one CJK run the terms look for in the default mode (counted on the folded texts), else None."""
    needles = {t.pieces[0][1] for t in terms if t.is_cjk_run}
    if options == DEFAULT_OPTIONS and terms and all(t.is_cjk_run for t in terms) and len(needles) == 1:
        return needles.pop()
    return None


def counts_by_num(searcher: Searcher, nums: RowSet, terms: Sequence[Term],
                  options: SearchOptions = DEFAULT_OPTIONS, held: bool = False) -> dict[int, int]:
    """Row → occurrences of ``terms`` (the lines it gives), for each of ``nums`` (matching rows; ``held``: rows of a
    query every hit of which holds its text terms, :func:`holds_its_terms`). One CJK run in the default mode is
    counted by the index or on the folded texts where they are stored (:meth:`Searcher.needle_counts`: a counted
    bigram from the index, else the index's copy in its bytes, else the database), no text decoded or rebuilt;
    anything else on each article's
    text through :func:`occurrences_in`, :data:`BATCH` at a time. Several runs take that slow way: two of them can
    be found inside the folding of ONE character (㍿ → 株式会社), one range of the original."""
    needle = _one_needle(terms, options)
    if needle is not None:
        return searcher.needle_counts(nums, needle, held)
    return {row.num: len(occurrences_in(text, terms, options)[0])
            for row, text, _ in _texts(searcher, [_Num(n) for n in sorted(nums)])}


def count_by_article(searcher: Searcher, query: str, filters: Sequence[Filter] = (),
                     options: SearchOptions = DEFAULT_OPTIONS) -> Iterator[tuple[_Row, int]]:
    """Each matching article (date order) with its number of occurrences, without building lines
    (:func:`counts_by_num`; it agrees with the lines: ``tests/search/test_concordance.py``)."""
    terms = positive_terms(parse(query), options=options)
    rows = matching_articles(searcher, query, filters, options)
    counts = counts_by_num(searcher, {r.num for r in rows}, terms, options, holds_its_terms(query))
    for row in rows:
        if row.num in counts:
            yield row, counts[row.num]


def concordance(searcher: Searcher, query: str, filters: Sequence[Filter] = (), n: int = CONTEXT,
                sort: Sort = Sort.DATE, options: SearchOptions = DEFAULT_OPTIONS,
                cap: int | None = None) -> Concordance:
    """The concordance of ``query``: every line (only the first ``cap`` in date order are kept when a cap is
    given — the total counts them all), sorted by ``sort``.

    With a cap, every match is counted (:func:`counts_by_num`) and only the articles the first ``cap`` lines come
    from are read and put in date order (:func:`_first_rows`): a common word's first lines in a large library cost
    what those articles cost, its total what counting costs."""
    terms = positive_terms(parse(query), options=options)
    result = Concordance(query, 0)
    nums = searcher.matching_nums(query, filters, options=options)
    if cap is None:
        chunks: Iterable[Sequence[_Row]] = _rows_in_order(searcher, nums)
    else:
        counts = counts_by_num(searcher, nums, terms, options, holds_its_terms(query))
        result.total = sum(counts.values())
        result.articles = sum(1 for c in counts.values() if c)
        chunks = [_first_rows(searcher, nums, counts, cap)]
    for rank, (row, text, parts, folded) in enumerate(_read(searcher, chunks, options)):
        if cap is not None and len(result.lines) >= cap:
            break
        lines = _lines_of(searcher, row, rank, (text, parts, folded), terms, n, options)
        result.lines.extend(lines)
        if lines:
            result.per_article[row.article] = len(lines)
        if cap is None:
            result.total += len(lines)
            result.articles += bool(lines)
    if cap is not None:
        del result.lines[cap:]
        # the articles as the reader reads them: a catalogue row holds both pieces of an article the reader split
        # (seen by eye: "36 occurrence(s) in 1 article(s)" above rows of two articles); all read, they are known
        read = len(result.per_article)
        result.articles = read if result.complete else max(result.articles, read)
    if sort is not Sort.DATE:
        result.lines.sort(key=sort_key(sort))
    return result
