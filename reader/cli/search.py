"""``broadsheet search``: the query language over the library."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.cli.common import open_library, say_query_notes, search_options
from reader.library.catalogue import Library
from reader.model.errors import BroadsheetError

if TYPE_CHECKING:
    from reader.search.engine import Searcher
    from reader.search.readings import CorrectedReading


#: leads the snippet of a hit found only in the OCR's reading of words the reader corrected (the article reads the
#: correction: ``"reading": "ocr"`` in ``--json``)
AS_READ = "(the OCR's reading of corrected words)"  # a colleague's too: not "you corrected"

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
    where = index.index_where(lib)

    def on_rebuild(why: str) -> None:
        rebuilding.append(why)
        doing = "making it here" if getattr(lib, "private_index", False) else "rebuilding it"
        print(f"broadsheet: {where}: {why}; {doing} from the catalogue.", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if rebuilding:
            sys.stderr.write(f"\rbroadsheet: indexed {done}/{total} articles ")
            sys.stderr.flush()

    try:
        index.sync(lib, progress=progress, on_rebuild=on_rebuild)
    except (sqlite3.Error, OSError) as e:  # the disk is full or failing: search what is there, and say so
        print(f"broadsheet: {where}: the index could not be brought up to date ({e}); searching what it "
              "holds.", file=sys.stderr)
    except (LibraryBusyError, LibraryReadOnlyError):  # search what is there, unless the index cannot answer
        ix = index.open_index(lib)
        try:
            why = index.unhealthy(lib, ix)
        finally:
            ix.close()
        if why:
            later = ("the library is read-only here, so it cannot be rebuilt" if lib.read_only else
                     "an import is running; search again when it ends (it rebuilds the index)")
            raise index.IndexUnavailableError(f"{where}: {why}, and {later}") from None
    if rebuilding:
        sys.stderr.write("\n")


def _batch_queries(path: Path) -> list[tuple[int, str]]:
    """(line number, query) for every line of a batch file that holds a query."""
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BroadsheetError(f"{path}: the batch file is not UTF-8 text") from None
    except OSError as e:
        raise BroadsheetError(f"{path}: the batch file cannot be read ({e.strerror or e})") from None
    lines = text.splitlines()
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    return [(n, q.strip()) for n, q in enumerate(lines, 1) if q.strip() and not q.lstrip().startswith("#")]


def _run_batch(args: argparse.Namespace, searcher: Searcher, queries: list[tuple[int, str]]) -> int:
    """One query per line, one answer per line, in one process: a bad query is one sentence and the batch
    goes on (exit status 1 at the end)."""
    from reader.search.query import QueryError

    status = 0
    for n, query in queries:
        try:
            say_query_notes(query, search_options(args), f"{args.batch}:{n}: ")
            res = searcher.search(query, limit=args.limit, sort=args.sort, filters=_search_filters(args),
                                  options=search_options(args))
        except QueryError as e:
            print(f"broadsheet: {args.batch}:{n}: {e}", file=sys.stderr)
            status = 1
            row: dict[str, Any] = {"query": query, "total": 0, "hits": [], "error": str(e)}
            print(json.dumps(row, ensure_ascii=False) if args.json else f"error\t{query}")
            continue
        if args.json:
            print(json.dumps(res.to_json(), ensure_ascii=False))
        else:
            print(f"{res.total}\t{query}")
        sys.stdout.flush()
    return status


@contextmanager
def searching(args: argparse.Namespace) -> Iterator[tuple[Library, Searcher]]:
    """The library of ``--library`` with its index brought up to date, and a searcher over it (what every
    command taking a query starts with) that reads articles as the reader corrected them (the words of their
    OCR corrections are found, listed and counted); closed after."""
    from reader.search.engine import Searcher

    lib = open_library(args, read=True)
    try:
        heal_index(lib)
        with Searcher(lib, readings=_corrected_readings(lib)) as searcher:
            yield lib, searcher
    finally:
        lib.close()


#: the kinds of correction a search reads the articles of as corrected: ``overlay.RESHAPING`` and text corrections
#: (named here: the overlay is not imported for a search of a library without them)
READ_CORRECTED = ("text", "merge", "split", "move", "headline", "role", "join", "split-paragraph")


def _corrected_readings(lib: Library) -> Callable[[], Mapping[str, CorrectedReading]] | None:
    """The corrected readings a search is told of, when the reader sees any correction (each changes the words or the
    places of what is found): the overlay (and the application layer under it) is loaded only then, a search's
    start-up stays light."""
    if not _reads_corrected(lib):
        return None
    from reader.app.overlay import Overlay

    return Overlay(lib).search_readings


def _reads_corrected(lib: Library) -> bool:
    """Whether the reader sees a correction in this library: a text correction, or one of the article's shape
    (``overlay.RESHAPING``: a merge, split, move, headline, role, or a paragraph split or joined — its places after
    the break move; a split paragraph was left out and the hits after it were placed in the text as imported)."""
    return lib.has_component("corrections") and lib.conn.execute(
        f"SELECT 1 FROM corrections WHERE kind IN ({', '.join('?' * len(READ_CORRECTED))}) LIMIT 1",
        READ_CORRECTED).fetchone() is not None


def _untitled(lib: Library, keys: list[str]) -> dict[str, str]:
    """The names the hits printed with no headline are listed under, their first words [supplied]
    (:func:`reader.app.overlay.untitled_names`; read from the catalogue where the reader corrected nothing)."""
    if not keys:
        return {}
    if _reads_corrected(lib):
        from reader.app.overlay import untitled_names

        return untitled_names(lib, keys)
    from reader.library.catalogue import NotFoundError
    from reader.model.document import supplied_title

    out: dict[str, str] = {}
    for key in keys:
        try:
            out[key] = supplied_title(lib.article(key))
        except NotFoundError:
            continue
    return out


def cmd_search(args: argparse.Namespace) -> int:
    if bool(args.query) == bool(args.batch):
        raise BroadsheetError("search: give either a query or --batch FILE" if not args.query else
                              "search: give either a query or --batch FILE, not both")
    # an unreadable batch file is named before the library is opened
    queries = _batch_queries(args.batch) if args.batch else []
    with searching(args) as (lib, searcher):
        if args.batch:
            return _run_batch(args, searcher, queries)
        say_query_notes(" ".join(args.query), search_options(args))
        res = searcher.search(" ".join(args.query), limit=args.limit, sort=args.sort,
                              filters=_search_filters(args), facets=args.facets, options=search_options(args))
        names = {} if args.json else _untitled(lib, [h.article for h in res.hits if not h.headline])
    if args.json:
        payload = res.to_json()
        if args.facets:
            payload["facets"] = res.facets
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"{res.total} article(s) match {res.query!r}")
    for h in res.hits:
        page = h.page_label or h.page  # as the page prints it, where it does
        named = h.headline or names.get(h.article, "(no headline)")  # no printed headline: its first words, [supplied]
        print(f"{h.article}  {h.date or '????-??-??'}  {h.publication}  p.{page}  {named}")
        print(f"    {AS_READ + ' ' if h.as_read else ''}{h.snippet}")
    if args.facets:
        for name, counts in res.facets.items():
            print(f"{name}: " + ", ".join(f"{k or '?'} {n}" for k, n in counts.items()))
    return 0
