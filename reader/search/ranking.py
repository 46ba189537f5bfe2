"""Ranking the hits: relevance (occurrences of the positive terms, scaled down for long articles) and
date order (issue date, page, position on the page).

Relevance reads every hit's folded text, so beyond :data:`RELEVANCE_CAP` hits the
engine orders by date instead (and says so in ``Results.ranked_by``).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from itertools import islice

from reader.search.query import Term

#: relevance ranking reads the folded text of every hit; beyond this many hits the order is by date
RELEVANCE_CAP = 3000

#: num → (date, first page, position, publication, kind, chars) of the hits, or of every article (the window)
ArticleInfo = Mapping[int, tuple[str, int, int, str, str, int]]

#: date order walks the catalogue's date order while the hits are at least one article in this many (a
#: page of them comes by within a few hundred rows); fewer hits are sorted on their own
DATE_WALK = 64


def date_order(info: ArticleInfo) -> tuple[dict[int, int], list[int]]:
    """Every article in date order (date, page, position on the page, row), and num → its rank there."""
    order = sorted(info, key=lambda n: (info[n][:3], n))
    return {n: i for i, n in enumerate(order)}, order


def by_date(nums: set[int], end: int | None, rank: dict[int, int], order: list[int]) -> list[int]:
    """``nums`` in date order, the first ``end`` of them only when ``end`` is given."""
    if end is None:
        return sorted(nums, key=rank.__getitem__)
    if len(nums) * DATE_WALK >= len(order):
        # many hits: walk the date order until enough of them came by (at C speed)
        return list(islice(filter(nums.__contains__, order), end))
    return heapq.nsmallest(end, nums, key=rank.__getitem__)


def scores(rows: Iterable[tuple[int, str]], terms: Sequence[Term], info: ArticleInfo) -> dict[int, float]:
    """Occurrences of the positive terms in each (num, folded text) of ``rows``, per 2,000 characters (roughly).

    Counted with ``str.count`` (non-overlapping, as SQL ``replace`` would), which
    is about twice as fast as ``length``/``replace`` in SQLite over the same rows.
    """
    if all(term.is_default for term in terms):
        literals = [term.literal for term in terms if term.literal]
        return {n: float(sum(folded.count(lit) for lit in literals)) / (1.0 + info[n][5] / 2000.0)
                for n, folded in rows if n in info}
    return {n: float(sum(term.rank_count(folded) for term in terms)) / (1.0 + info[n][5] / 2000.0)
            for n, folded in rows if n in info}
