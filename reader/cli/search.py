"""``broadsheet search``: the query language over the library."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from typing import Any

from reader.cli.common import open_library, search_options
from reader.library.catalogue import Library


def _search_filters(args: argparse.Namespace) -> list[Any]:
    from reader.search.engine import Filter

    out = []
    if args.publication:
        out.append(Filter("publication", args.publication))
    if args.date_from or args.date_to:
        out.append(Filter("date", f"{args.date_from or ''}..{args.date_to or ''}"))
    if args.kind:
        out.append(Filter("kind", args.kind))
    if args.page is not None:
        out.append(Filter("page", str(args.page)))
    return out


def heal_index(lib: Library) -> None:
    """Index what an interrupted import left; rebuild (with progress) an index that is missing, foreign or
    stale — never answer "no hits" when the truth is "no index"."""
    from reader.index import store as index
    from reader.library.catalogue import LibraryBusyError, LibraryReadOnlyError

    rebuilding: list[str] = []

    def on_rebuild(why: str) -> None:
        rebuilding.append(why)
        print(f"broadsheet: {lib.index_dir}: {why}; rebuilding it from the catalogue.", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if rebuilding:
            sys.stderr.write(f"\rbroadsheet: indexed {done}/{total} articles ")
            sys.stderr.flush()

    try:
        index.sync(lib, progress=progress, on_rebuild=on_rebuild)
    except (sqlite3.Error, OSError) as e:  # the disk is full or failing: search what is there, and say so
        print(f"broadsheet: {lib.index_dir}: the index could not be brought up to date ({e}); searching what it "
              "holds.", file=sys.stderr)
    except (LibraryBusyError, LibraryReadOnlyError):  # search what is there, unless the index cannot answer
        ix = index.Index(lib.index_dir)
        try:
            why = index.unhealthy(lib, ix)
        finally:
            ix.close()
        if why:
            later = ("the library is read-only here, so it cannot be rebuilt" if lib.read_only else
                     "an import is running; search again when it ends (it rebuilds the index)")
            raise index.IndexUnavailableError(f"{lib.index_dir}: {why}, and {later}") from None
    if rebuilding:
        sys.stderr.write("\n")


def cmd_search(args: argparse.Namespace) -> int:
    from reader.search.engine import Searcher

    lib = open_library(args)
    try:
        heal_index(lib)
        with Searcher(lib) as searcher:
            res = searcher.search(" ".join(args.query), limit=args.limit, sort=args.sort,
                                  filters=_search_filters(args), facets=args.facets, options=search_options(args))
    finally:
        lib.close()
    if args.json:
        payload = res.to_json()
        if args.facets:
            payload["facets"] = res.facets
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"{res.total} article(s) match {res.query!r}")
    for h in res.hits:
        print(f"{h.article}  {h.date or '????-??-??'}  {h.publication}  p.{h.page}  {h.headline or '(no headline)'}")
        print(f"    {h.snippet}")
    if args.facets:
        for name, counts in res.facets.items():
            print(f"{name}: " + ", ".join(f"{k or '?'} {n}" for k, n in counts.items()))
    return 0
