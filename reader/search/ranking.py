"""Ranking the hits: relevance (occurrences of the positive terms, scaled down for long articles) and
date order (issue date, page, position on the page).

Relevance counts occurrences in every hit's folded text, so beyond :data:`RELEVANCE_CAP` hits the
engine orders by date instead (and says so in ``Results.ranked_by``). Where the texts live in a
database server (a PostgreSQL library) the counting is done there (:func:`server_counts`): the hits'
texts never cross the network, only one integer per hit, and the order is the same as counting here.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import islice
from typing import Any

from reader.index.rows import RowSet
from reader.search.query import Term

#: relevance ranking reads the folded text of every hit; beyond this many hits the order is by date
RELEVANCE_CAP = 3000

#: num → (date, first page, position, publication, kind, chars) of the hits, or of every article (the window)
ArticleInfo = Mapping[int, tuple[str, int, int, str, str, int]]

#: date order walks the catalogue's date order while the hits are at least one article in this many (a
#: page of them comes by within a few hundred rows); fewer hits are sorted on their own
DATE_WALK = 64
#: rows a date walk may read beyond 4 × those it expects (the catalogue's walk gives up then: the hits are sorted)
DATE_WALK_SLACK = 4096
#: the catalogue's date order is also walked when the rows a page expects to read are at most this many times the
#: hits (a sort looks each hit up — a scattered page of an index each, from disk when the cache is cold —, a walk
#: reads rows one after another): at 100,000 pages a pair's 4,612 hits, cold, 200 ms sorted, 2.6 ms walked
WALK_OVER_SORT = 8


def walk_pays(hits: int, end: int, articles: int) -> bool:
    """Whether a page of the first ``end`` of ``hits`` hits spread over ``articles`` is found sooner by walking the
    date order than by sorting the hits: many hits of the library (:data:`DATE_WALK`), or the rows the walk
    expects to read no more than :data:`WALK_OVER_SORT` times the hits."""
    return hits * DATE_WALK >= articles or end * articles <= WALK_OVER_SORT * hits * hits


def date_order(info: ArticleInfo) -> tuple[dict[int, int], list[int]]:
    """Every article in date order (date, page, position on the page, row), and num → its rank there."""
    order = sorted(info, key=lambda n: (info[n][:3], n))
    return {n: i for i, n in enumerate(order)}, order


def by_date(nums: RowSet, end: int | None, rank: dict[int, int], order: list[int]) -> list[int]:
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
        literals = literals_of(terms)
        return scaled(((n, sum(folded.count(lit) for lit in literals)) for n, folded in rows), info)
    return scaled(((n, sum(term.rank_count(folded) for term in terms)) for n, folded in rows), info)


def scaled(counts: Iterable[tuple[int, int]], info: ArticleInfo) -> dict[int, float]:
    """Each (num, occurrences) as a score: per 2,000 characters, roughly. One formula for both ways of
    counting, so a PostgreSQL library's scores are the embedded library's to the last bit."""
    return {n: per_length(count, info[n][5]) for n, count in counts if n in info}


def per_length(count: int, chars: int) -> float:
    """A hit's score: its ``count`` of occurrences per 2,000 of its ``chars``, roughly (one formula everywhere)."""
    return float(count) / (1.0 + chars / 2000.0)


def literals_of(terms: Sequence[Term]) -> list[str]:
    """What relevance counts for default-mode terms: each term's literal (non-empty)."""
    return [term.literal for term in terms if term.literal]


def server_counts(conn: Any, nums: Iterable[int], literals: Sequence[str],
                  holding: str | None = None) -> list[tuple[int, int]]:
    """(num, occurrences of ``literals``) of each of ``nums``, counted by PostgreSQL next to the texts.

    ``(octet_length(t) - octet_length(replace(t, lit, ''))) / octet_length(lit)`` is the number of
    non-overlapping occurrences, left to right — what ``str.count`` counts: UTF-8 is self-synchronising, so a
    byte match of a whole literal starts and ends on character boundaries. In bytes, not characters:
    ``length`` walks the text character by character, twice per literal. Measured on 861 texts (2 M
    characters, two literals; load 5.5 on 2 cores): shipping the texts and counting here 37 ms, ``length``
    57 ms, ``regexp_count`` 60 ms, ``string_to_array`` 28 ms, ``octet_length`` 12 ms (reading and
    decompressing the texts alone: 8 ms).

    ``holding``: only the rows whose text holds it (a term verified and counted in one statement).
    """
    count = " + ".join(["(octet_length(folded) - octet_length(replace(folded, ?, ''))) / ?"] * len(literals)) or "0"
    args: list[Any] = []
    for lit in literals:
        args += [lit, len(lit.encode("utf-8"))]
    sql = f"SELECT num, {count} FROM article_text WHERE num IN (SELECT value FROM json_each(?))"
    args.append(json.dumps(sorted(nums)))
    if holding is not None:
        sql += " AND instr(folded, ?) > 0"
        args.append(holding)
    return [(int(n), int(c)) for n, c in conn.execute(sql, args)]
