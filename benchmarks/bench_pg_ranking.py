"""Relevance ranking on a PostgreSQL library: occurrences counted in the server against the hits' texts shipped
to the client and counted there (the way before issue 18's second pass), same library, same queries, one run.
Not a test.

    nice python -m benchmarks.bench_pg_ranking --pages 1000 [--work DIR] [--pg-url URL] [--queries 30]

Imports bench_library's corpus into a PostgreSQL library (a throwaway cluster unless ``--pg-url``), then times
``Searcher.search(q, limit=20)`` (relevance: the exact total plus the 20 best hits with KWIC) for every query of
bench_library's classes both ways, alternating, the best of ``--repeat`` each; prints p50/p95 per class and
checks the two ways give the same hits in the same order with the same scores.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from benchmarks import bench_pg_library as pgbench
from benchmarks.bench_library import Corpus, _import, _pct, make_queries
from benchmarks.corpus import generate
from reader.library.catalogue import Library
from reader.search.engine import Searcher


def _timed(searcher: Searcher, query: str, server: bool, repeat: int) -> tuple[float, list[tuple[str, float]]]:
    """Best wall-clock ms of ``repeat`` searches with the counting in the server (or in the client)."""
    searcher._server_side = lambda: server  # type: ignore[method-assign]
    best = float("inf")
    hits: list[tuple[str, float]] = []
    for _ in range(repeat):
        t = time.perf_counter()
        res = searcher.search(query, limit=20)
        best = min(best, (time.perf_counter() - t) * 1000)
        hits = [(h.article, h.score) for h in res.hits]
    return best, hits


def measure(lib: Library, corpus: Corpus, n: int, repeat: int, seed: int) -> None:
    queries = make_queries(corpus, random.Random(seed), n)
    print(f"{'class':11} {'client p50':>10} {'p95':>7} {'server p50':>10} {'p95':>7} same")
    allc: list[float] = []
    alls: list[float] = []
    with Searcher(lib) as searcher:
        searcher.prepare()
        for cls, specs in queries.items():
            client: list[float] = []
            server: list[float] = []
            same = 0
            for spec in specs:
                c_ms, c_hits = _timed(searcher, spec.text, False, repeat)
                s_ms, s_hits = _timed(searcher, spec.text, True, repeat)
                client.append(c_ms)
                server.append(s_ms)
                same += c_hits == s_hits
            allc += client
            alls += server
            print(f"{cls:11} {_pct(client, 50):10.1f} {_pct(client, 95):7.1f} {_pct(server, 50):10.1f} "
                  f"{_pct(server, 95):7.1f} {same}/{len(specs)}")
    print(f"{'all':11} {_pct(allc, 50):10.1f} {_pct(allc, 95):7.1f} {_pct(alls, 50):10.1f} {_pct(alls, 95):7.1f}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Relevance ranking on PostgreSQL: counted in the server or the client.")
    p.add_argument("--pages", type=int, default=1000)
    p.add_argument("--queries", type=int, default=30)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--work", type=Path, default=None)
    p.add_argument("--pg-url")
    args = p.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-pg-ranking-"))
    corpus_dir = work / f"corpus-{args.pages}-{args.seed}"
    if not corpus_dir.exists():
        generate(corpus_dir, args.pages, args.seed)
    with pgbench.databases(args.pg_url) as dbs:
        lib = _import(corpus_dir, dbs.new())
        corpus = Corpus.load(lib)
        print(f"load average {os.getloadavg()[0]:.2f} (2 cores shared)")
        measure(lib, corpus, args.queries, args.repeat, args.seed)
        print(f"load average {os.getloadavg()[0]:.2f}")
        lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
