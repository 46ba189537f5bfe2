"""Every query of the library benchmark against brute force over a library's OWN texts.

``bench_library`` counts brute force on the embedded library's texts; a library it is compared with that was imported
by other code (a kept 100,000-page PostgreSQL library beside an older embedded one) then differs where the texts do.
This asks the same queries (drawn from ``--queries-from``, as the benchmark draws them) of ``--library`` and compares
each answer with a brute-force count over that library's folded texts:

    python -m benchmarks.exact_on_own_texts --library URL_OR_FOLDER --queries-from FOLDER [--seed 7] [--queries 10]
"""

from __future__ import annotations

import argparse
import gc
import random

from benchmarks.bench_library import Corpus, brute_force, make_queries
from reader.library.catalogue import Library
from reader.search.engine import Searcher


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--library", required=True, help="the library asked (a folder or a postgresql:// URL)")
    p.add_argument("--queries-from", required=True, help="the library the benchmark drew its queries from")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--queries", type=int, default=10, help="queries per class")
    args = p.parse_args(argv)
    with Library.open(args.queries_from) as ref:
        specs = make_queries(Corpus.load(ref), random.Random(args.seed), args.queries)
    gc.collect()
    exact = total = 0
    with Library.open(args.library) as lib, Searcher(lib) as searcher:
        corpus = Corpus.load(lib)
        for cls, queries in specs.items():
            good = 0
            for spec in queries:
                want = {corpus.ids[i] for i in brute_force(corpus, spec)}
                got = searcher.matching_ids(spec.text)
                good += got == want
                if got != want:
                    print(f"  not exact: {cls} {spec.text!r}: {len(got)} found, {len(want)} by brute force")
            print(f"{cls}: {good}/{len(queries)} exact", flush=True)
            exact, total = exact + good, total + len(queries)
    print(f"all: {exact}/{total} exact against brute force over the library's own texts")
    return 0 if exact == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
