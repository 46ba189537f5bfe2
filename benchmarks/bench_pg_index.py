"""Benchmark of the PostgreSQL index (reader/index/pg.py) beside the Whoosh index over the same texts. Not a test.

    nice python -m benchmarks.bench_pg_index --library /work/benchdata/lib10k --pages 1000
    nice python -m benchmarks.bench_pg_index --library /work/benchdata/lib10k --pages 10000 [--trgm]
    nice python -m benchmarks.bench_pg_index --pages 1000     # generates and imports a corpus first

The folded texts of the articles of the first ``--pages`` pages of a library (its catalogue opened read-only;
without ``--library`` a corpus of :mod:`benchmarks.corpus` is generated and imported) go into a table of a
PostgreSQL database (``--url``, or a throwaway cluster started as the tests start one: ``benchmarks/pgcluster.py``,
fsync off) — as a PostgreSQL library's ``article_text`` would hold them — then into a :class:`PgIndex` and a
Whoosh :class:`Index` in the same run. Printed: the time to compute the terms (once, shared), each index's load
in chars/s, sizes as multiples of the folded UTF-8 text, then per query class (:func:`make_queries` of
bench_library, plus ``cjk8``) p50/p95 in ms and exactness against brute force on the texts:

* **pg**: candidates from the GIN index (``PgIndex.nums``), verified in the database when the terms are not
  exact alone (``strpos(folded, q) > 0`` over the candidates' rows: the text never leaves the server);
* **whoosh**: candidates from the Whoosh index, verified in Python on the texts in memory (as the desktop
  engine does for a few thousand candidates);
* **trgm** (``--trgm``): ``pg_trgm``'s GIN index over the texts, ``folded LIKE '%q%'`` (a Latin word: then its
  bounds checked in Python): the alternative measured and not chosen;
* **tantivy** (``--tantivy``, bench_library's peer): a positional index, one token per CJK character, a run
  as a phrase: the Lucene-like index Solr or OpenSearch would hold (docs/SCALING.md).

A query's time covers its candidates and its verification, not the ranking or snippets of a result page.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from benchmarks.bench_library import Corpus, Spec, Tantivy, _combine, _pct, brute_force, make_queries
from reader.index.pg import PgIndex
from reader.index.store import BATCH_ARTICLES, BATCH_CHARS, Index, PackedTerms, cjk_terms, pack_terms
from reader.text.forms import CJK_CLASS, CJK_RUN_RE, fold_query

CLASSES = ("cjk1", "cjk2", "cjk4", "cjk8", "common-run", "mixed", "bool", "zero", "latin")


def _load_corpus(catalogue: Path, pages: int) -> Corpus:
    """The articles of the first ``pages`` sources (one page each in the generated corpora), read-only."""
    conn = sqlite3.connect(f"file:{catalogue}?mode=ro", uri=True)
    c = Corpus()
    rows = conn.execute("SELECT a.id, t.folded FROM articles a JOIN article_text t ON t.num = a.num "
                        "WHERE a.source_id IN (SELECT id FROM sources ORDER BY id LIMIT ?) ORDER BY a.num", (pages,))
    for article_id, folded in rows:
        c.ids.append(article_id)
        c.texts.append(folded)
        c.dates.append("1990-01-01")
        c.pubs.append("")
        c.pages.append(frozenset())
    conn.close()
    return c


def _generated(pages: int, work: Path) -> Path:
    from benchmarks.bench_library import _import
    from benchmarks.corpus import generate

    corpus_dir = work / f"corpus-{pages}"
    generate(corpus_dir, pages, 7)
    lib = _import(corpus_dir, work / "library")
    lib.close()
    return work / "library" / "catalogue.sqlite"


@contextmanager
def _database(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    from benchmarks import pgcluster

    with pgcluster.running() as cluster:
        yield cluster.create_database("bench")


def _server_cpu(pids: Sequence[int]) -> float:
    """CPU seconds (user + system) the given server backends have used (they run on this machine)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _timed(label: str, chars: int, fn: Callable[[], object], backends: Sequence[int] = ()) -> float:
    """Run ``fn`` and print its wall time and CPU time (this process and the given server backends): on a
    shared machine the CPU seconds are the figure to compare."""
    t, cpu, server = time.perf_counter(), time.process_time(), _server_cpu(backends)
    fn()
    secs = time.perf_counter() - t
    used = time.process_time() - cpu + _server_cpu(backends) - server
    print(f"{label}: {secs:.1f}s = {chars / secs:,.0f} chars/s; CPU {used:.1f}s = {chars / used:,.0f} chars/CPU-s")
    return secs


def _load_text(conn: psycopg.Connection[Any], corpus: Corpus, compression: str) -> None:
    conn.execute("CREATE TABLE bench_text (num bigint PRIMARY KEY, article_id text NOT NULL, folded text NOT NULL)")
    conn.execute(f"ALTER TABLE bench_text ALTER COLUMN folded SET COMPRESSION {compression}")
    with conn.cursor().copy("COPY bench_text FROM STDIN") as copy:
        for i, (a, t) in enumerate(zip(corpus.ids, corpus.texts, strict=True)):
            copy.write_row((i, a, t))
    conn.execute("ANALYZE bench_text")


def _fill(ix: Any, corpus: Corpus, packed: Sequence[PackedTerms]) -> None:
    """Batches as ``index.sync`` writes them: at most BATCH_ARTICLES articles and about BATCH_CHARS chars."""
    i = 0
    while i < len(packed):
        chars = 0
        with ix.writer() as w:
            for _ in range(BATCH_ARTICLES):
                if i == len(packed) or chars >= BATCH_CHARS:
                    break
                w.add(i, corpus.ids[i], "", packed[i])
                chars += len(corpus.texts[i])
                i += 1


def _size(conn: psycopg.Connection[Any], what: str) -> int:
    return int(conn.execute(f"SELECT {what}").fetchone()[0])  # type: ignore[index]


def _word_rx(word: str) -> Any:
    import re

    return re.compile(f"(?<![^\\W_{CJK_CLASS}]){re.escape(word)}(?![^\\W_{CJK_CLASS}])")


class System:
    """One way of answering a term: rows (corpus indices) holding it."""

    def __init__(self, name: str, rows: Callable[[str], set[int]]) -> None:
        self.name = name
        self.rows = rows


def _index_system(name: str, ix: Any, verify: Callable[[set[int], str], set[int]]) -> System:
    def rows(term: str) -> set[int]:
        q = fold_query(term)
        if CJK_RUN_RE.fullmatch(q):
            terms, exact = cjk_terms(q)
            cands: set[int] = ix.nums(terms, superset=True)
            return cands if exact or not cands else verify(cands, q)
        return set(ix.nums([q]))
    return System(name, rows)


def _trgm_system(conn: psycopg.Connection[Any]) -> System:
    def rows(term: str) -> set[int]:
        q = fold_query(term)
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        if CJK_RUN_RE.fullmatch(q):
            return {r[0] for r in conn.execute("SELECT num FROM bench_text WHERE folded LIKE %s", (like,))}
        rx = _word_rx(q)  # a substring, then the word's bounds as Broadsheet draws them (CJK is no letter)
        return {r[0] for r in conn.execute("SELECT num, folded FROM bench_text WHERE folded LIKE %s", (like,))
                if rx.search(r[1])}
    return System("trgm", rows)


def _queries(corpus: Corpus, n: int) -> dict[str, list[Spec]]:
    rng = random.Random(7)
    qs = make_queries(corpus, rng, n)
    runs = [m.group() for t in rng.sample(corpus.texts, min(len(corpus.texts), 3000))
            for m in CJK_RUN_RE.finditer(t[:400]) if len(m.group()) >= 8]
    eights = []
    for _ in range(n):
        run = rng.choice(runs)
        start = rng.randrange(len(run) - 7)
        eights.append(run[start:start + 8])
    qs["cjk8"] = [Spec(q, all_of=(q,)) for q in eights]
    return {c: qs[c] for c in CLASSES}


def _table(corpus: Corpus, queries: dict[str, list[Spec]], systems: list[System]) -> None:
    print(f"{'class':11} {'n':>3} {'hits/q':>7} " + " ".join(f"{s.name + ' p50':>12} {'p95':>6} {'exact':>5}"
                                                           for s in systems))
    every: dict[str, list[float]] = {s.name: [] for s in systems}
    for cls, specs in queries.items():
        times: dict[str, list[float]] = {s.name: [] for s in systems}
        exact = dict.fromkeys(every, 0)
        hits = 0
        for spec in specs:
            want = brute_force(corpus, spec)
            hits += len(want)
            for s in systems:
                t = time.perf_counter()
                got = _combine(spec, corpus, s.rows)
                times[s.name].append((time.perf_counter() - t) * 1000)
                exact[s.name] += got == want
        print(f"{cls:11} {len(specs):3d} {hits / max(1, len(specs)):7.0f} " + " ".join(
            f"{_pct(times[s.name], 50):12.1f} {_pct(times[s.name], 95):6.1f} {exact[s.name]:2d}/{len(specs):<2d}"
            for s in systems))
        for s in systems:
            every[s.name] += times[s.name]
    print(f"{'all':11} {sum(map(len, queries.values())):3d} {'':7} " + " ".join(
        f"{_pct(every[s.name], 50):12.1f} {_pct(every[s.name], 95):6.1f} {'':5}" for s in systems))


def run(args: argparse.Namespace, work: Path, url: str) -> None:
    catalogue = args.library / "catalogue.sqlite" if args.library else _generated(args.pages, work)
    corpus = _load_corpus(catalogue, args.pages)
    chars = sum(map(len, corpus.texts))
    utf8 = corpus.utf8()
    print(f"{args.pages} pages: {len(corpus.texts)} articles, {chars:,} chars, {utf8 / 1e6:.0f} MB folded UTF-8")
    conn = psycopg.connect(url, autocommit=True)
    _timed("text table (COPY, as article_text)", chars, lambda: _load_text(conn, corpus, args.compression))
    packed: list[PackedTerms] = []
    _timed("terms (pack_terms, shared by both indexes)", chars, lambda: packed.extend(map(pack_terms, corpus.texts)))
    pg = PgIndex(lambda: psycopg.connect(url))
    whoosh = Index(work / "whoosh")
    backend = [int(pg._conn.info.backend_pid)]
    _timed("load pg index (COPY + GIN, batches as sync makes them)", chars, lambda: _fill(pg, corpus, packed),
           backend)
    _timed("load whoosh index (batches as sync makes them)", chars, lambda: _fill(whoosh, corpus, packed))
    packed.clear()
    conn.execute("VACUUM ANALYZE")
    text = _size(conn, "pg_total_relation_size('bench_text')")
    keys = _size(conn, "pg_relation_size('ix_docs_keys')")
    words = _size(conn, "pg_relation_size('ix_docs_words')")
    pgsize, wsize = pg.size_bytes(), whoosh.size_bytes()
    print(f"sizes: text table {text / 1e6:.0f} MB = {text / utf8:.2f}x the UTF-8; pg index {pgsize / 1e6:.0f} MB = "
          f"{pgsize / utf8:.2f}x (GIN keys {keys / 1e6:.0f} MB, GIN words {words / 1e6:.0f} MB); "
          f"whoosh index {wsize / 1e6:.0f} MB = {wsize / utf8:.2f}x")
    systems = [_index_system("pg", pg, lambda c, q: {r[0] for r in conn.execute(
                   "SELECT num FROM bench_text WHERE num = ANY(%s) AND strpos(folded, %s) > 0", (list(c), q))}),
               _index_system("whoosh", whoosh, lambda c, q: {i for i in c if q in corpus.texts[i]})]
    if args.trgm:
        _timed("pg_trgm GIN index over the text", chars, lambda: conn.execute(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE INDEX bench_trgm ON bench_text USING gin "
            "(folded gin_trgm_ops)"), [int(conn.info.backend_pid)])
        trgm = _size(conn, "pg_relation_size('bench_trgm')")
        print(f"sizes: pg_trgm index {trgm / 1e6:.0f} MB = {trgm / utf8:.2f}x the UTF-8")
        conn.execute("ANALYZE bench_text")
        systems.append(_trgm_system(conn))
    if args.tantivy:
        tv = Tantivy()
        print(f"tantivy: {tv.build(corpus, work)}")
        systems.append(System("tantivy", tv._rows))
    _table(corpus, _queries(corpus, args.queries), systems)
    pg.close()
    whoosh.close()
    conn.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Benchmark the PostgreSQL index beside the Whoosh index.")
    p.add_argument("--pages", type=int, default=1000)
    p.add_argument("--library", type=Path, help="a library folder whose texts to use (opened read-only)")
    p.add_argument("--url", help="a PostgreSQL database to use (default: a throwaway cluster)")
    p.add_argument("--queries", type=int, default=30, help="queries per class")
    p.add_argument("--trgm", action="store_true", help="also measure pg_trgm over the texts")
    p.add_argument("--compression", choices=("pglz", "lz4"), default="pglz",
                   help="TOAST compression of the text table (verification decompresses every candidate's text)")
    p.add_argument("--tantivy", action="store_true", help="also measure a positional index (tantivy, the bench "
                                                          "extra): what Solr/OpenSearch would hold")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-pg-index-") as tmp, _database(args.url) as url:
        run(args, Path(tmp), url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
