"""The concordance and the timeline as the window asks for them (Qt-free; run in workers).

The window holds at most :data:`WINDOW_LINES` concordance lines (a table of a common
two-character word's every occurrence in a large library would hold millions); the total is
always exact, and the CSV export then streams every line from the catalogue instead of the
lines held. A timeline of several queries shares its periods, so the bars stand side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.app.overlay import Overlay
from reader.export.concordance import Citations, csv_chunks
from reader.library.catalogue import Library
from reader.search.concordance import (
    CONTEXT,
    Concordance,
    ConcordanceLine,
    Sort,
    concordance,
    iter_lines,
    query_filters,
    sort_key,
)
from reader.search.engine import Searcher
from reader.search.query import DEFAULT_OPTIONS, SearchOptions
from reader.search.readings import CorrectedReading
from reader.search.timeline import UNDATED, Bucket, By, Timeline, library_counts, periods_between, timeline

#: the most concordance lines the window holds
WINDOW_LINES = 100_000


#: the corrected readings of a library's articles (``Overlay.search_readings``)
Readings = Callable[[], Mapping[str, CorrectedReading]]


def _searcher(library: Library, readings: Readings | None) -> Searcher:
    """A searcher that reads articles as the reader corrected them (:mod:`reader.search.readings`): the concordance
    and the timeline find, list and count what a search finds. ``readings``: the window's (its overlay keeps them
    made), else made here."""
    return Searcher(library, readings=readings or Overlay(library).search_readings)


def concordance_for_window(library: Library, query: str, n: int = CONTEXT, options: SearchOptions = DEFAULT_OPTIONS,
                           cap: int = WINDOW_LINES, readings: Readings | None = None) -> Concordance:
    """The concordance in date order, at most ``cap`` lines held, with its exact total."""
    with _searcher(library, readings) as searcher:
        return concordance(searcher, query, n=n, options=options, cap=cap)


def corrected_citations(library: Library, style: str = "auto") -> Citations:
    """Citations of articles as the reader corrected them (headline, byline, text): what ``broadsheet cite``
    and the export dialog cite, through the one correction overlay."""
    overlay = Overlay(library)
    return Citations(library, style, item=lambda key: overlay.export_scope([key]).items[0])


def write_concordance_csv(library: Library, path: str | Path, query: str, n: int = CONTEXT,
                          lines: Sequence[ConcordanceLine] | None = None, options: SearchOptions = DEFAULT_OPTIONS,
                          cancel: Callable[[], bool] | None = None, readings: Readings | None = None) -> int:
    """Write the concordance as CSV with citations: ``lines`` as given (the view's order), else every line
    read again in date order. Returns the number of lines written."""
    written = 0

    def counted(source: Any) -> Any:
        nonlocal written
        for ln in source:
            if cancel is not None and cancel():
                return
            written += 1
            yield ln

    with _searcher(library, readings) as searcher, open(path, "w", encoding="utf-8", newline="") as out:
        source = lines if lines is not None else iter_lines(searcher, query, n=n, options=options)
        for chunk in csv_chunks(counted(source), corrected_citations(library)):
            out.write(chunk)
    return written


def timelines(library: Library, queries: Sequence[str], by: By,
              options: SearchOptions = DEFAULT_OPTIONS, readings: Readings | None = None) -> list[Timeline]:
    """The timeline of each query over the SAME periods (the union of their spans, gaps filled with zeros and
    the library's own count for the period under that query's filters)."""
    with _searcher(library, readings) as searcher:
        found = [timeline(searcher, q, by, options=options) for q in queries]
        dated = sorted({b.period for t in found for b in t.buckets if b.period != UNDATED})
        if not dated:
            return found
        periods = periods_between(dated[0], dated[-1], by)
        out = []
        for t in found:
            have = {b.period: b for b in t.buckets}
            held = library_counts(searcher, by, query_filters(t.query)) if len(have) < len(periods) else {}
            buckets = [have.get(p) or Bucket(p, 0, 0, held.get(p, 0)) for p in periods]
            if UNDATED in have:
                buckets.append(have[UNDATED])
            out.append(replace(t, buckets=buckets))
    return out


def sorted_lines(lines: Sequence[ConcordanceLine], sort: Sort, descending: bool = False) -> list[ConcordanceLine]:
    return sorted(lines, key=sort_key(sort), reverse=descending)
