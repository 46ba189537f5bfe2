"""Time the search modes and operators on a library ``bench_library`` made (kept with ``--work DIR``).

    nice python -m benchmarks.bench_modes DIR/library [--queries 20]

For each mode (folded, exact, variants, ignore-punct) the 1-, 2- and 4-character queries of
``bench_library`` are timed (``Searcher.search``, 20 hits), and the operators: proximity of two
2-character strings, Latin wildcards and fuzzy terms (Latin and CJK). Prints p50/p95 in ms and the
mean hit count. Nothing is asserted: tests/search/test_modes.py checks correctness.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from benchmarks.bench_library import Corpus, _pct, make_queries
from reader.library.catalogue import Library
from reader.search.engine import Match, QueryError, Searcher, SearchOptions

MODES = {"folded": SearchOptions(), "exact": SearchOptions(Match.EXACT), "variants": SearchOptions(Match.VARIANTS),
         "punct": SearchOptions(ignore_punct=True)}


def _time(searcher: Searcher, queries: list[str], options: SearchOptions) -> tuple[float, float, float]:
    ms: list[float] = []
    hits = 0
    for q in queries:
        t = time.perf_counter()
        try:
            hits += searcher.search(q, limit=20, options=options).total
        except QueryError:
            continue
        ms.append((time.perf_counter() - t) * 1000)
    return _pct(ms, 50), _pct(ms, 95), hits / max(1, len(ms))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("library", type=Path)
    p.add_argument("--queries", type=int, default=20)
    args = p.parse_args(argv)
    lib = Library.open(args.library, create=False)
    rng = random.Random(16)
    specs = make_queries(Corpus.load(lib), rng, args.queries)
    qs = {cls: [spec.text for spec in each] for cls, each in specs.items()}
    words = sorted({w for q in qs["latin"] for w in q.split()})
    searcher = Searcher(lib)
    searcher.search("的")
    print(f"{'mode/op':10} {'query':6} {'p50 ms':>8} {'p95 ms':>8} {'hits/q':>8}")
    for name, options in MODES.items():
        for cat in ("cjk1", "cjk2", "cjk4"):
            p50, p95, hits = _time(searcher, qs[cat], options)
            print(f"{name:10} {cat:6} {p50:8.1f} {p95:8.1f} {hits:8.0f}")
    two = qs["cjk2"]
    ops = {
        "near~10": [f'"{a} {b}"~10' for a, b in zip(two, two[1:], strict=False)],
        "prefix*": [w[: max(3, len(w) - 3)] + "*" for w in words][: args.queries],
        "wild?": [w[:1] + "?" + w[2:] for w in words if len(w) > 3][: args.queries],
        "latin~1": [w + "~1" for w in words if len(w) > 3][: args.queries],
        "cjk4~1": [q + "~1" for q in qs["cjk4"]],
    }
    for name, queries in ops.items():
        p50, p95, hits = _time(searcher, queries, SearchOptions())
        print(f"{name:10} {'':6} {p50:8.1f} {p95:8.1f} {hits:8.0f}")
    searcher.close()
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
