"""Benchmark of import and search, against SQLite FTS5 (trigram) on the same texts. Not a test.

    nice python -m benchmarks.bench_library --pages 1000 [--work DIR] [--queries 40]

Generates a corpus (:mod:`benchmarks.corpus`), imports it end to end into a
fresh library (read, reflow, segment, store, index) and prints: import chars/s
and pages/s, index size as a multiple of the UTF-8 article text, peak RSS, and
query p50/p95 for 1-, 2-, 4- and 8-character CJK queries (half of them typed
in the other script), a two-term AND, a Latin word and a filtered query. Every
query's hit set is checked against a brute-force scan of the folded texts
(exactness). Then it builds SQLite FTS5 with the trigram tokenizer over the
same folded texts and times the same queries. A trigram index cannot look up
1- and 2-character strings (SQLite 3.40 returns no rows for such a MATCH or
LIKE): for those the FTS5 side runs ``instr(folded, q)`` over the table, a
full scan, the only exact answer it has; it is timed that way. A Latin word
goes to FTS5 as a trigram phrase (a substring, so it also finds "gdps").

Timing of Broadsheet is ``Searcher.search(q, limit=20)``: the exact total plus
the 20 best hits with KWIC and original offsets. FTS5 timing is the matching
rowids and their count (no snippets).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import opencc

from benchmarks.corpus import LATIN_WORDS, generate
from reader.index.store import Index
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.search.engine import Searcher
from reader.text.forms import CJK_CLASS, CJK_RUN_RE, fold_query


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _children_rss_mb() -> float:
    """Peak RSS of the largest finished child process (the import's reading processes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100.0 * (len(values) - 1)))))
    return values[k]


def make_queries(texts: list[str], rng: random.Random, n: int, dates: list[str],
                 publications: list[str]) -> dict[str, list[tuple[str, Callable[[int], bool]]]]:
    """Queries per category with a brute-force predicate on article index."""
    s2t = opencc.OpenCC("s2t")
    runs = [(i, m.group()) for i, t in enumerate(texts) for m in CJK_RUN_RE.finditer(t[:400]) if len(m.group()) >= 8]
    out: dict[str, list[tuple[str, Callable[[int], bool]]]] = {}
    for k in (1, 2, 4, 8):
        qs = []
        for j in range(n):
            _, run = rng.choice(runs)
            start = rng.randrange(0, len(run) - k + 1)
            sub = run[start:start + k]
            typed = s2t.convert(sub) if j % 2 else sub
            folded = fold_query(typed)
            qs.append((typed, lambda i, s=folded: s in texts[i]))
        out[f"cjk{k}"] = qs
    qs = []
    for _ in range(n):
        _, r1 = rng.choice(runs)
        _, r2 = rng.choice(runs)
        a, b = r1[:2], r2[2:4]
        fa, fb = fold_query(a), fold_query(b)
        qs.append((f"{a} {b}", lambda i, fa=fa, fb=fb: fa in texts[i] and fb in texts[i]))
    out["and2"] = qs
    qs = []
    for _ in range(n):
        w = rng.choice(LATIN_WORDS)
        word = f"[^\\W_{CJK_CLASS}]"
        rx = re.compile(f"(?<!{word}){re.escape(w.lower())}(?!{word})")
        qs.append((w, lambda i, rx=rx: bool(rx.search(texts[i]))))
    out["latin"] = qs
    return out


def run(pages: int, work: Path, nq: int, seed: int) -> None:
    corpus = work / "corpus"
    lib_dir = work / "library"
    if lib_dir.exists():
        shutil.rmtree(lib_dir)
    if not corpus.exists():
        t = time.perf_counter()
        info = generate(corpus, pages, seed)
        print(f"corpus: {info['pages']} pages, {info['chars']:,} chars generated in {time.perf_counter() - t:.1f}s")
    lib = Library(lib_dir)
    t = time.perf_counter()
    report = import_paths(lib, [corpus], workers=None)
    secs = time.perf_counter() - t
    rss = _rss_mb()
    st = lib.stats()
    print(f"import: {st['pages']} pages, {st['articles']} articles, {st['chars']:,} chars in {secs:.1f}s = "
          f"{st['chars'] / secs:,.0f} chars/s, {st['pages'] / secs:.1f} pages/s; failed {len(report.failed)}")
    rows = lib.conn.execute(
        "SELECT a.num, a.id, t.folded, i.date, p.name, a.parts FROM articles a JOIN article_text t ON t.num = a.num "
        "JOIN issues i ON i.id = a.issue_id JOIN publications p ON p.id = i.publication_id ORDER BY a.num").fetchall()
    ids = [r[1] for r in rows]
    texts = [r[2] for r in rows]
    dates = [r[3] for r in rows]
    pubs = [r[4] for r in rows]
    utf8 = sum(len(t.encode("utf-8")) for t in texts)
    ix = Index(lib.index_dir)
    size = ix.size_bytes()
    print(f"index: {size / 1e6:.1f} MB = {size / utf8:.2f}x the folded UTF-8 text ({utf8 / 1e6:.1f} MB); "
          f"catalogue {lib.catalogue_path.stat().st_size / 1e6:.1f} MB; peak RSS after import {rss:.0f} MB "
          f"(largest reading process {_children_rss_mb():.0f} MB)")

    rng = random.Random(seed)
    queries = make_queries(texts, rng, nq, dates, pubs)
    # a filtered query: 2 characters within one publication and a year
    year = rng.choice(sorted(set(d[:4] for d in dates)))
    pub = pubs[0]
    filt = []
    for q, pred in queries["cjk2"][: nq]:
        filt.append((f"{q} publication:{pub} date:{year}",
                     lambda i, pred=pred: pred(i) and pubs[i] == pub and dates[i].startswith(year)))
    queries["filtered"] = filt

    searcher = Searcher(lib, ix)
    fts = sqlite3.connect(":memory:")
    t = time.perf_counter()
    fts.execute("CREATE VIRTUAL TABLE f USING fts5(folded, tokenize='trigram')")
    fts.executemany("INSERT INTO f(rowid, folded) VALUES (?, ?)", enumerate(texts))
    fts.commit()
    fts_build = time.perf_counter() - t
    fts_pages = fts.execute("PRAGMA page_count").fetchone()[0] * fts.execute("PRAGMA page_size").fetchone()[0]
    print(f"fts5 trigram: built in {fts_build:.1f}s = {sum(map(len, texts)) / fts_build:,.0f} chars/s, "
          f"{fts_pages / 1e6:.1f} MB = {fts_pages / utf8:.2f}x (text included)")
    {i: n for n, i in enumerate(ids)}
    print(f"{'query':10} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'fts p50':>8} {'fts p95':>8} {'p95 ratio':>9} "
          f"{'exact':>6} {'hits/q':>7}")
    all_ours: list[float] = []
    all_fts: list[float] = []
    for cat, qs in queries.items():
        ours: list[float] = []
        theirs: list[float] = []
        exact = 0
        hits = 0
        for q, pred in qs:
            t = time.perf_counter()
            res = searcher.search(q, limit=20)
            ours.append((time.perf_counter() - t) * 1000)
            got = searcher.matching_ids(q)
            want = {ids[i] for i in range(len(texts)) if pred(i)}
            exact += got == want and res.total == len(want)
            hits += len(want)
            theirs.append(_fts_time(fts, q, cat, pubs, dates))
        all_ours += ours
        all_fts += theirs
        print(f"{cat:10} {len(qs):4d} {_pct(ours, 50):8.1f} {_pct(ours, 95):8.1f} {_pct(theirs, 50):8.1f} "
              f"{_pct(theirs, 95):8.1f} {_pct(theirs, 95) / max(1e-9, _pct(ours, 95)):9.2f} "
              f"{exact:3d}/{len(qs):<3d}{hits / len(qs):7.0f}")
    print(f"{'all':10} {len(all_ours):4d} {_pct(all_ours, 50):8.1f} {_pct(all_ours, 95):8.1f} "
          f"{_pct(all_fts, 50):8.1f} {_pct(all_fts, 95):8.1f} {_pct(all_fts, 95) / _pct(all_ours, 95):9.2f}")
    print(f"peak RSS overall {_rss_mb():.0f} MB")
    searcher.close()
    lib.close()


def _fts_time(fts: sqlite3.Connection, q: str, cat: str, pubs: list[str], dates: list[str]) -> float:
    terms = [fold_query(x) for x in q.split() if ":" not in x]
    t = time.perf_counter()
    sets: list[set[int]] = []
    for term in terms:
        if len(term) >= 3:
            rows = fts.execute("SELECT rowid FROM f WHERE f MATCH ?", ('"' + term.replace('"', '""') + '"',))
        else:
            # the trigram index cannot look up 1-2 characters (SQLite 3.40 returns no rows for such
            # a LIKE or MATCH): a full scan of the table is the only exact answer
            rows = fts.execute("SELECT rowid FROM f WHERE instr(folded, ?) > 0", (term,))
        sets.append({r[0] for r in rows})
    result = set.intersection(*sets) if sets else set()
    if cat == "filtered":
        pub = q.split("publication:")[1].split()[0]
        year = q.split("date:")[1].split()[0]
        result = {i for i in result if pubs[i] == pub and dates[i].startswith(year)}
    len(result)
    return (time.perf_counter() - t) * 1000


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Benchmark import and search against FTS5 trigram.")
    p.add_argument("--pages", type=int, default=1000)
    p.add_argument("--queries", type=int, default=40, help="queries per category")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--work", type=Path, default=None, help="folder for corpus and library (kept)")
    args = p.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-broadsheet-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder {work}; python {sys.version.split()[0]}")
    run(args.pages, work, args.queries, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
