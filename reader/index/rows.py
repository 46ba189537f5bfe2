"""Sets of article rows as compressed bitmaps: :class:`Rows` (a Roaring bitmap, ``pyroaring.BitMap``).

A query's candidates and hits are sets of catalogue rows, up to every article of the library. As Python sets
they cost a Python integer and a hash slot per row: building the set of a common word's 300,000 rows took
~20 ms, and each AND, OR or NOT of two such sets as much again (at 100,000 pages a boolean of three common words
spent 200 of its 236 ms there). A Roaring bitmap keeps the same rows in about one bit each where they are dense
and two bytes where they are sparse, is built from an array of integers at C speed (~1 ms for 300,000) and
combines two of them in microseconds. The index hands out :class:`Rows` and the search engine evaluates a query
on them; they iterate in ascending order, test membership and have a length as sets do, but combine only with
other bitmaps (a set on either side is a ``TypeError``, never a silent wrong answer), so whatever comes from
elsewhere is made a :class:`Rows` first (:func:`as_rows`).
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TypeAlias

from pyroaring import BitMap as Rows

__all__ = ["RowSet", "Rows", "as_rows"]

#: rows a function only reads (iterates, counts, tests membership of): a bitmap or a set (a page of hits)
RowSet: TypeAlias = Rows | Set[int]


def as_rows(values: Iterable[int]) -> Rows:
    """``values`` as :class:`Rows` (the same object when it is one already: callers never change it in place)."""
    return values if isinstance(values, Rows) else Rows(values)
