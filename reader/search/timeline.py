"""The timeline: how often a query is found per year or month, beside how much the library holds then.

Per period: the articles that match (their sum is the search's total), the occurrences in them
(the concordance's lines, :mod:`reader.search.concordance`) and the articles the library holds in
that period under the same filters (``publication:``, ``kind:``, … of the query and the command's
options), so a trend can be read relative to what was digitised (as QueryPic does for Trove).

Periods run from the first period with a match to the last, the empty ones between present with
zeros. A period is ``YYYY`` (by year) or ``YYYY-MM`` (by month) of the issue date; articles whose
date does not give the period (no date, or only a year when counting by month) go to one last
bucket, ``undated``, so the buckets always add up to the search's total.
"""

from __future__ import annotations

import bisect
import enum
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from reader.index.rows import Rows, RowSet
from reader.search.concordance import counts_by_num, holds_its_terms, query_filters
from reader.search.engine import Filter, Searcher
from reader.search.query import DEFAULT_OPTIONS, SearchOptions, parse, positive_terms

#: the period of articles whose date does not give one
UNDATED = "undated"

_YEAR = re.compile(r"^(\d{4})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")
#: hits making one in this many of the library's articles have their dates read with every article's
EVERY_ARTICLE_SHARE = 4


class By(enum.Enum):
    """The length of a timeline's period."""

    YEAR = "year"
    MONTH = "month"


@dataclass(frozen=True)
class Bucket:
    """One period: matching articles, occurrences in them, and the articles the library holds then."""

    period: str
    articles: int
    occurrences: int
    library_articles: int

    @property
    def relative(self) -> float:
        """Matching articles per article the library holds in the period (0 when it holds none)."""
        return self.articles / self.library_articles if self.library_articles else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"period": self.period, "articles": self.articles, "occurrences": self.occurrences,
                "library_articles": self.library_articles}


@dataclass
class Timeline:
    query: str
    by: By
    buckets: list[Bucket] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Matching articles over every period (the search's total)."""
        return sum(b.articles for b in self.buckets)

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "by": self.by.value, "buckets": [b.to_json() for b in self.buckets]}


def period_of(date: str, by: By) -> str:
    """The period of an issue date (``UNDATED`` when the date does not give one)."""
    m = (_YEAR if by is By.YEAR else _MONTH).match(date or "")
    if not m:
        return UNDATED
    if by is By.MONTH and not 1 <= int(m.group(2)) <= 12:
        return UNDATED
    return m.group(0)


def periods_between(first: str, last: str, by: By) -> list[str]:
    """Every period from ``first`` to ``last`` inclusive (both dated periods of the same kind)."""
    if by is By.YEAR:
        return [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    y0, m0 = int(first[:4]), int(first[5:7])
    y1, m1 = int(last[:4]), int(last[5:7])
    out = []
    for k in range(y0 * 12 + m0 - 1, y1 * 12 + m1):
        out.append(f"{k // 12:04d}-{k % 12 + 1:02d}")
    return out


def library_counts(searcher: Searcher, by: By, filters: Sequence[Filter] = ()) -> Counter[str]:
    """Articles per period the library holds under ``filters`` (every article without them): counted per issue
    date in the database, then per period here."""
    conn = searcher.library.conn
    if filters:
        nums = searcher.matching_nums("", filters)
        held = _per_period(_dated(searcher, nums), nums, by)
        _add_per_date(searcher, searcher.read_as(nums), held, by)
        return held
    rows = conn.execute("SELECT i.date, count(*) FROM articles a JOIN issues i ON i.id = a.issue_id GROUP BY i.date")
    held = Counter()
    for date, count in rows:
        held[period_of(date, by)] += count
    _add_per_date(searcher, searcher.read_as(), held, by)
    return held


def _add_per_date(searcher: Searcher, extra: dict[int, int], counter: Counter[str], by: By | None = None) -> None:
    """Add ``extra`` (row → articles the reader reads there beyond one: a split's pieces, an article merged away
    -1) to ``counter`` under each row's issue date, or its period ``by``."""
    if not extra:
        return
    for num, date in _dated(searcher, Rows(extra)):
        if num in extra:
            counter[date if by is None else period_of(date, by)] += extra[num]


def _dated(searcher: Searcher, nums: RowSet) -> Iterable[tuple[int, str]]:
    """(row, issue date) of (at least) each of ``nums``: read for those rows, or — when they are a large share of the
    library (a common word's hits) — for every article, which costs less than looking each one up; the caller
    keeps its rows."""
    conn = searcher.library.conn
    sql = "SELECT a.num, i.date FROM articles a JOIN issues i ON i.id = a.issue_id"
    if len(nums) * EVERY_ARTICLE_SHARE >= searcher.article_bound():
        return conn.execute(sql)
    return conn.execute(sql + " WHERE a.num IN (SELECT value FROM json_each(?))",
                        (json.dumps(sorted(nums)),))


def _per_period(dated: Iterable[tuple[int, str]], nums: RowSet, by: By) -> Counter[str]:
    """Articles per period of the rows of ``nums`` among ``dated``."""
    per_date = Counter(date for num, date in dated if num in nums)
    held: Counter[str] = Counter()
    for date, count in per_date.items():
        held[period_of(date, by)] += count
    return held


def _hits_per_date(searcher: Searcher, counts: dict[int, int]) -> tuple[Counter[str], Counter[str]]:
    """The hits (the rows ``counts`` holds) and their occurrences per issue date. Many hits (a common word's) are
    summed an issue at a time: an import stores an issue's articles in consecutive rows, so the hits of an issue
    whose rows run without a gap are a slice of the sorted hits and their occurrences a difference of running
    totals — 25,000 issues, not 543,000 articles, read and stepped through at 100,000 pages. Few are dated one by
    one (:func:`_dated`)."""
    per_date: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    if len(counts) * EVERY_ARTICLE_SHARE < searcher.article_bound():
        _add_dated(_dated(searcher, counts.keys()), counts, per_date, occurrences)
        return per_date, occurrences
    rows = sorted(counts)
    running = list(accumulate(map(counts.__getitem__, rows), initial=0))
    conn = searcher.library.conn
    scattered: list[int] = []
    for issue, date, first, last, count in conn.execute(
            "SELECT a.issue_id, i.date, min(a.num), max(a.num), count(*) FROM articles a"
            " JOIN issues i ON i.id = a.issue_id GROUP BY a.issue_id, i.date"):
        if last - first + 1 != count:
            scattered.append(issue)
            continue
        lo = bisect.bisect_left(rows, first)
        hi = bisect.bisect_right(rows, last, lo)
        if hi > lo:
            per_date[date] += hi - lo
            occurrences[date] += running[hi] - running[lo]
    if scattered:
        _add_dated(conn.execute("SELECT a.num, i.date FROM articles a JOIN issues i ON i.id = a.issue_id"
                                " WHERE a.issue_id IN (SELECT value FROM json_each(?))", (json.dumps(scattered),)),
                   counts, per_date, occurrences)
    return per_date, occurrences


def _add_dated(dated: Iterable[tuple[int, str]], counts: dict[int, int], per_date: Counter[str],
               occurrences: Counter[str]) -> None:
    """Count each hit among the (row, date) pairs ``dated`` (a hit is a row with a count) under its date."""
    get = counts.get
    for num, date in dated:
        n = get(num)
        if n is not None:
            per_date[date] += 1
            occurrences[date] += n


def timeline(searcher: Searcher, query: str, by: By = By.YEAR, filters: Sequence[Filter] = (),
             options: SearchOptions = DEFAULT_OPTIONS) -> Timeline:
    """The timeline of ``query`` (plus ``filters``) by year or month: the matching rows, their occurrences counted
    where the texts are stored (:func:`counts_by_num`), their dates read in one statement; no article is read."""
    nums = searcher.matching_nums(query, filters, options=options)
    counts = counts_by_num(searcher, nums, positive_terms(parse(query), options=options), options,
                           holds_its_terms(query))
    per_date, occurrences_per_date = _hits_per_date(searcher, counts)
    _add_per_date(searcher, searcher.pieces_found(query, nums, options), per_date)  # the list's pieces, as its total
    articles: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    for date, count in per_date.items():
        articles[period_of(date, by)] += count
        occurrences[period_of(date, by)] += occurrences_per_date[date]
    held = library_counts(searcher, by, [*query_filters(query), *filters])
    dated = sorted(p for p in articles if p != UNDATED)
    periods = periods_between(dated[0], dated[-1], by) if dated else []
    if articles[UNDATED]:
        periods.append(UNDATED)
    return Timeline(query, by, [Bucket(p, articles[p], occurrences[p], held[p]) for p in periods])
