"""``broadsheet concordance`` and ``broadsheet timeline``: every occurrence of a query, and its course in time.

Both take the query language and the filters of ``broadsheet search``. In date order the
concordance is printed as it is read (a common word's hundred thousand lines start at once);
sorted by context, or as JSON, it is gathered first.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from typing import Any

from reader.cli.common import say_query_notes, search_options
from reader.cli.search import _search_filters, searching


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
        page = f"p.{ln.page_shown or '?'}"
        print(f"{_fit_left(ln.left, columns)} [{ln.match}] {ln.right}    "
              f"{ln.date or '????-??-??'} {ln.publication} {page} {ln.article}")
        total += 1
        articles.add(ln.article)
    return total, articles


def cmd_concordance(args: argparse.Namespace) -> int:
    from reader.search.concordance import Sort

    query = " ".join(args.query)
    options = search_options(args)
    try:
        with searching(args) as (lib, searcher):
            _concordance_out(args, lib, searcher, query, Sort(args.sort), options)
    except BrokenPipeError:  # `concordance … | head`: the reader has all they asked for
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _concordance_out(args: argparse.Namespace, lib: Any, searcher: Any, query: str, sort: Any, options: Any) -> None:
    """Print the concordance as asked: JSON, CSV or text; in date order as it is read."""
    from reader.app.studies import corrected_citations
    from reader.export.concordance import csv_chunks
    from reader.search.concordance import Sort, concordance, iter_lines

    filters = _search_filters(args)
    left_out = say_query_notes(query, options)
    if args.json:
        conc = concordance(searcher, query, filters, args.context, sort, options)
        json.dump({**conc.to_json(), **({"left_out": left_out} if left_out else {})}, sys.stdout, ensure_ascii=False,
                  indent=1)
        sys.stdout.write("\n")
        return
    lines: Any
    if sort is Sort.DATE:
        lines = iter_lines(searcher, query, filters, args.context, options)
    else:
        lines = concordance(searcher, query, filters, args.context, sort, options).lines
    if args.csv:
        sys.stdout.flush()
        for chunk in csv_chunks(lines, corrected_citations(lib)):  # UTF-8 whatever the locale says
            sys.stdout.buffer.write(chunk.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    total, articles = _print_lines(lines, args.context)
    print(f"{total} occurrence(s) of {query!r} in {len(articles)} article(s)")


def cmd_timeline(args: argparse.Namespace) -> int:
    from reader.search.timeline import By, timeline

    query = " ".join(args.query)
    options = search_options(args)
    with searching(args) as (_lib, searcher):
        left_out = say_query_notes(query, options)
        tl = timeline(searcher, query, By(args.by), _search_filters(args), options)
    if args.json:
        json.dump({**tl.to_json(), **({"left_out": left_out} if left_out else {})}, sys.stdout, ensure_ascii=False,
                  indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"{'period':<10} {'articles':>9} {'occurrences':>12} {'in library':>11} {'share':>7}")
    for b in tl.buckets:
        print(f"{b.period:<10} {b.articles:>9} {b.occurrences:>12} {b.library_articles:>11} {b.relative:>7.1%}")
    print(f"{tl.total} article(s) match {query!r}")
    return 0
