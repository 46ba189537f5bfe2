"""Benchmark of the concordance and the timeline on a synthetic library. Not a test.

    nice python -m benchmarks.bench_concordance --pages 10000 --work DIR
    nice python -m benchmarks.bench_concordance --library DIR        # a library you already have

Generates a corpus (:mod:`benchmarks.corpus`) and imports it when ``--library`` is not given,
then for common words (the most frequent two-character words of the corpus's word list, and
one character) times: the matching articles (search count), the full concordance (every line
built, date order), the concordance sorted by left context, the window's capped concordance
(``reader.app.studies.WINDOW_LINES`` lines held, exact total), streaming every line to a CSV
with citations, and the timeline by year and by month. Each concordance's total is checked
against a brute-force count over every folded text of the catalogue, and each timeline's
buckets against the search total. Prints peak RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_library import occurrences_in
from reader.app.studies import WINDOW_LINES, concordance_for_window, write_concordance_csv
from reader.library.catalogue import Library
from reader.search.concordance import Sort, concordance
from reader.search.engine import Searcher
from reader.search.timeline import By, timeline

QUERIES = ("发展", "我们", "经济", "的")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _brute(lib: Library, q: str) -> int:
    """Occurrences over every folded text, counted as bench_library counts them."""
    return occurrences_in((folded for (folded,) in lib.conn.execute("SELECT folded FROM article_text")), q)


def _timed(label: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    print(f"  {label:<34} {time.perf_counter() - t:8.2f} s")
    return out


def run(lib: Library, queries: tuple[str, ...], work: Path) -> None:
    st = lib.stats()
    print(f"library: {st['pages']} pages, {st['articles']} articles, {st['chars']:,} characters")
    with Searcher(lib) as searcher:
        for q in queries:
            print(f"query {q!r}:")
            n = _timed("search count (articles)", searcher.count, q)
            conc = _timed("concordance, every line", concordance, searcher, q)
            brute = _brute(lib, q)
            print(f"  -> {conc.total:,} occurrences in {conc.articles:,} of {n:,} articles; brute force {brute:,}"
                  f" {'OK' if brute == conc.total else 'MISMATCH'}; RSS {_rss_mb():.0f} MB")
            del conc
            _timed("concordance sorted by left", concordance, searcher, q, sort=Sort.LEFT)
            win = _timed(f"window (first {WINDOW_LINES:,} lines)", concordance_for_window, lib, q)
            print(f"  -> holds {len(win.lines):,} of {win.total:,}")
            del win
            out = work / "concordance.csv"
            written = _timed("CSV with citations, streamed", write_concordance_csv, lib, out, q)
            print(f"  -> {written:,} lines, {out.stat().st_size / 1e6:.1f} MB")
            for by in (By.YEAR, By.MONTH):
                tl = _timed(f"timeline by {by.value}", timeline, searcher, q, by)
                ok = tl.total == n
                print(f"  -> {len(tl.buckets)} buckets, sum {tl.total:,} {'OK' if ok else 'MISMATCH'}")
    print(f"peak RSS {_rss_mb():.0f} MB")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Benchmark the concordance and the timeline.")
    p.add_argument("--library", type=Path, default=None, help="an existing library (nothing is generated)")
    p.add_argument("--pages", type=int, default=1000)
    p.add_argument("--seed", type=int, default=3)
    p.add_argument("--work", type=Path, default=None, help="folder for corpus and library (kept)")
    p.add_argument("--query", action="append", default=[], help="a query to time (repeatable)")
    args = p.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-concordance-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder {work}; python {sys.version.split()[0]}; {os.cpu_count()} cores")
    if args.library is None:
        from benchmarks.corpus import generate
        from reader.library.importer import import_paths

        corpus = work / "corpus"
        if not corpus.exists():
            generate(corpus, args.pages, args.seed)
        lib = Library(work / "library")
        t = time.perf_counter()
        import_paths(lib, [corpus], workers=None)
        print(f"imported in {time.perf_counter() - t:.0f} s")
    else:
        lib = Library.open(args.library, create=False)
    try:
        run(lib, tuple(args.query) or QUERIES, work)
    finally:
        lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
