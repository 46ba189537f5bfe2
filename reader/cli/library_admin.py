"""``broadsheet library init URL`` and ``broadsheet library copy FROM TO``: a shared library in PostgreSQL."""

from __future__ import annotations

import argparse
import sys

from reader.library.catalogue import LibraryError


def cmd_library(args: argparse.Namespace) -> int:
    """broadsheet library init|copy."""
    if args.action == "init":
        return _init(args)
    return _copy(args)


def _init(args: argparse.Namespace) -> int:
    """Create or migrate the schema (every component), then grant the researchers' roles."""
    from reader.app.librarycopy import complete_index, prepare
    from reader.library.catalogue import Library

    with Library.open(args.url) as lib:
        versions = prepare(lib)
        filled = complete_index(lib, progress=_pairs_progress)
        if filled:
            print(f"broadsheet: {lib.location}: the search index's rare pairs read from {filled} article(s)",
                  file=sys.stderr)
        for role in args.grant:
            if lib.kind != "postgres":
                raise LibraryError(lib.location, "--grant gives a PostgreSQL role access; a folder has no roles")
            lib.grant(role)  # type: ignore[attr-defined]
        print(f"broadsheet: {lib.location}: library ready ("
              + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())) + ")", file=sys.stderr)
    return 0


def _pairs_progress(done: int, total: int) -> None:
    """Every 50,000 articles of a long fill (hundreds of thousands of articles take minutes)."""
    if done % 50_000 < 2_000:
        print(f"broadsheet: search index: rare pairs of {done:,} of {total:,} article(s) read", file=sys.stderr)


def _copy(args: argparse.Namespace) -> int:
    from reader.app.librarycopy import copy_library
    from reader.library.catalogue import Library

    with Library.open(args.source, create=False) as src, Library.open(args.destination) as dst:
        def progress(table: str, rows: int) -> None:
            print(f"broadsheet: {table}: {rows} row(s)", file=sys.stderr)

        counts = copy_library(src, dst, progress=progress)
        print(f"broadsheet: copied {src.location} to {dst.location}: {counts['articles']} article(s), "
              f"{counts['annotations']} annotation(s), {counts['collections']} collection(s), "
              f"{counts['corrections']} correction(s); its search index is built on first use (or broadsheet "
              "reindex)", file=sys.stderr)
    return 0
