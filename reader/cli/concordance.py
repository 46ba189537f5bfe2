"""``broadsheet concordance`` and ``broadsheet timeline``: every occurrence of a query, and its course in time.

Both take the query language and the filters of ``broadsheet search``. In date order the
concordance is printed as it is read (a common word's hundred thousand lines start at once);
sorted by context, or as JSON, it is gathered first.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from typing import Any

from reader.cli.common import open_library
from reader.cli.search import _search_filters, heal_index
from reader.model.errors import BroadsheetError


def search_options(args: argparse.Namespace) -> Any:
    """The engine's ``SearchOptions`` for ``--match``/``--ignore-punct`` (None: the default, folded)."""
    match = getattr(args, "match", None)
    ignore = bool(getattr(args, "ignore_punct", False))
    if match in (None, "folded") and not ignore:
        return None
    from reader.search import query

    options, modes = getattr(query, "SearchOptions", None), getattr(query, "Match", None)
    if options is None or modes is None:
        raise BroadsheetError("this version's search knows only the folded match (no --match or --ignore-punct)")
    return options(match=modes(match or "folded"), ignore_punct=ignore)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit_left(text: str, columns: int) -> str:
    """``text`` right-aligned in ``columns`` display columns (cut on the left with … when wider)."""
    while _width(text) > columns and text:
        text = text[1:]
        if _width(text) <= columns - 1:
            text = "…" + text
            break
    return " " * max(0, columns - _width(text)) + text


def _print_lines(lines: Any, n: int) -> tuple[int, set[str]]:
    total, articles = 0, set()
    for ln in lines:
        cjk = _width(ln.match) > len(ln.match)
        columns = 2 * n if cjk else 7 * n
        page = f"p.{ln.page}" if ln.page is not None else "p.?"
        print(f"{_fit_left(ln.left, columns)} [{ln.match}] {ln.right}    "
              f"{ln.date or '????-??-??'} {ln.publication} {page} {ln.article}")
        total += 1
        articles.add(ln.article)
    return total, articles


def cmd_concordance(args: argparse.Namespace) -> int:
    from reader.export.concordance import Citations, csv_chunks
    from reader.search.concordance import Sort, concordance, iter_lines
    from reader.search.engine import Searcher

    query = " ".join(args.query)
    options = search_options(args)
    sort = Sort(args.sort)
    lib = open_library(args)
    try:
        heal_index(lib)
        with Searcher(lib) as searcher:
            if args.json or sort is not Sort.DATE:
                conc = concordance(searcher, query, _search_filters(args), args.context, sort, options)
                lines: Any = conc.lines
            else:
                lines = iter_lines(searcher, query, _search_filters(args), args.context, options)
            if args.json:
                json.dump(conc.to_json(), sys.stdout, ensure_ascii=False, indent=1)
                sys.stdout.write("\n")
            elif args.csv:
                sys.stdout.flush()
                for chunk in csv_chunks(lines, Citations(lib)):  # UTF-8 whatever the locale says
                    sys.stdout.buffer.write(chunk.encode("utf-8"))
                sys.stdout.buffer.flush()
            else:
                total, articles = _print_lines(lines, args.context)
                print(f"{total} occurrence(s) of {query!r} in {len(articles)} article(s)")
    finally:
        lib.close()
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from reader.search.engine import Searcher
    from reader.search.timeline import By, timeline

    query = " ".join(args.query)
    options = search_options(args)
    lib = open_library(args)
    try:
        heal_index(lib)
        with Searcher(lib) as searcher:
            tl = timeline(searcher, query, By(args.by), _search_filters(args), options)
    finally:
        lib.close()
    if args.json:
        json.dump(tl.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"{'period':<10} {'articles':>9} {'occurrences':>12} {'in library':>11} {'share':>7}")
    for b in tl.buckets:
        print(f"{b.period:<10} {b.articles:>9} {b.occurrences:>12} {b.library_articles:>11} {b.relative:>7.1%}")
    print(f"{tl.total} article(s) match {query!r}")
    return 0
