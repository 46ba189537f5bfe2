"""Benchmark of import and search beside SQLite FTS5 (trigram) and tantivy, same texts, same run. Not a test.

    nice python -m benchmarks.bench_library --pages 10000 [--work DIR] [--queries 30] [--peers fts5,tantivy]
    nice python -m benchmarks.bench_library --pages 100000 --work /big/disk/bench   # streamed: fits on one disk
    nice python -m benchmarks.bench_library --pages 1000 --cluster local:2 --import-only   # reading on Dask
    nice python -m benchmarks.bench_library --pages 1000 --backend postgres [--pg-url URL] [--cluster local:2]

Generates a corpus (:mod:`benchmarks.corpus`, written page by page, never held in memory), imports it end to end
into a fresh library (read, reflow, segment, store, index) and prints: import chars/s and pages/s, catalogue and
index size as multiples of the folded UTF-8 text, the importer's peak RSS, then query p50/p95 per class for
Broadsheet (``Searcher.search(q, limit=20)``: the exact total plus the 20 best hits with KWIC and offsets) beside
the peers over the same folded texts:

* **fts5**: SQLite FTS5 with the trigram tokenizer (on disk in the work folder). A trigram index cannot look up
  1- and 2-character strings (SQLite 3.40 returns no rows for such a MATCH or LIKE): those run ``instr(folded, q)``
  over the table, a full scan, the only exact answer it has. A Latin word goes as a trigram phrase (a substring).
* **tantivy** (tantivy-py, the ``bench`` extra; never a runtime dependency): one token per CJK character, per
  Latin word, per punctuation mark and per newline (so no phrase spans two parts), with positions, so a CJK run
  is a phrase query over its characters and the answer is exact without reading texts (whitespace between CJK is
  folded away before indexing, as Broadsheet folds it). Timing is the count plus the 20 best hits (as a search
  page needs).

Query classes: ``cjk1``/``cjk2``/``cjk4`` (runs drawn from the texts, half typed in the other script),
``common-run`` (the most frequent 4-, 6- and 8-character runs of the corpus: 中国人民-like), ``mixed`` (a Latin
word AND a common CJK word: "GDP 人民"), ``bool`` (common terms under OR / AND / NOT), ``filter`` (a common word
with ``page:``, ``publication:`` and ``date:``), ``zero`` (no hits) and ``latin``. Every query's hit set is
checked against a brute-force scan of the folded texts (``exact`` column), for the peers too.

With ``--backend postgres`` the same corpus also goes into a library in PostgreSQL (``--pg-url``, a database to
fill, or else a throwaway cluster of :mod:`benchmarks.pgcluster`; see :mod:`benchmarks.bench_pg_library`) in the
same run, and every figure is printed for both side by side: import chars/s (with ``--cluster`` too), the database's
and the library's tables' size per text, each query class's p50/p95 and exactness (``postgres`` column), the
concordance and timeline of a common word (totals against brute force), and where the time goes (``--profile``:
cProfile of the PG import and of the slowest class's slowest query, with the server's EXPLAIN ANALYZE).

Sizes: the index (its text store apart) and the catalogue per folded UTF-8 text, the catalogue by table (SQLite's
``dbstat``, indexes counted with their table) and the ``articles`` columns; ``--keep-library --sizes-only`` prints
them for an existing library and stops (an old one is migrated first, and the time it took printed).

The queries are asked once per ``--cache`` pass (default ``cold,warm``): before the cold pass every file of each
library and peer is dropped from the page cache (``posix_fadvise``; PostgreSQL's own buffers are not), so each system
starts as after a reboot — without it a peer built minutes before answers from the cache while the library imported
an hour before is read from disk —, and before the warm pass every file is read whole.

Also printed: ``broadsheet search 中国 --json`` in a new process (start-up included), ``--batch`` over all
queries in one process, and with ``--reindex`` the rebuild of the index (chars/s).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import opencc

from benchmarks import bench_pg_library as pgbench
from benchmarks.corpus import LATIN_WORDS, PUBLICATIONS, generate
from reader.index.store import Index, sync
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.search.engine import Searcher
from reader.text.forms import CJK_CLASS, CJK_RUN_RE, fold_query

Pred = Callable[[int], bool]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _children_rss_mb() -> float:
    """Peak RSS of the largest finished child process (the import's reading processes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0


def _pct(values: Sequence[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, int(round(p / 100.0 * (len(ordered) - 1)))))
    return ordered[k]


# ---------------------------------------------------------------- the corpus as the benchmark sees it


@dataclass
class Corpus:
    """The library's articles, loaded once: ids, folded texts and the fields filters test."""

    ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    pubs: list[str] = field(default_factory=list)
    pages: list[frozenset[int]] = field(default_factory=list)

    @classmethod
    def load(cls, lib: Library) -> Corpus:
        c = cls()
        for num_id, folded, date, pub, pages in lib.conn.execute(
                "SELECT a.id, t.folded, i.date, p.name, a.pages FROM articles a "
                "JOIN article_text t ON t.num = a.num JOIN issues i ON i.id = a.issue_id "
                "JOIN publications p ON p.id = i.publication_id ORDER BY a.num"):
            c.ids.append(num_id)
            c.texts.append(folded)
            c.dates.append(date)
            c.pubs.append(pub)
            c.pages.append(frozenset(json.loads(pages) if isinstance(pages, str) else pages))
        return c

    def utf8(self) -> int:
        return sum(len(t.encode("utf-8")) for t in self.texts)


# ---------------------------------------------------------------- queries: a spec every system can answer


@dataclass(frozen=True)
class Spec:
    """A query as Broadsheet's language writes it, and as a structure the peers and brute force evaluate:
    ``all_of`` terms AND ``any_of`` (when given: at least one) AND NOT ``none_of``, then the filters."""

    text: str
    all_of: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    publication: str | None = None
    year: str | None = None
    page: int | None = None


_WORD = f"[^\\W_{CJK_CLASS}]"


def _term_pred(corpus: Corpus, term: str) -> Pred:
    folded = fold_query(term)
    if re.fullmatch(f"[{CJK_CLASS}]+", folded):
        return lambda i: folded in corpus.texts[i]
    rx = re.compile(f"(?<!{_WORD}){re.escape(folded)}(?!{_WORD})")
    return lambda i: bool(rx.search(corpus.texts[i]))


def brute_force(corpus: Corpus, spec: Spec) -> set[int]:
    every = [_term_pred(corpus, t) for t in spec.all_of]
    anyp = [_term_pred(corpus, t) for t in spec.any_of]
    nonep = [_term_pred(corpus, t) for t in spec.none_of]
    out = set()
    for i in range(len(corpus.texts)):
        if spec.publication and corpus.pubs[i] != spec.publication:
            continue
        if spec.year and not corpus.dates[i].startswith(spec.year):
            continue
        if spec.page is not None and spec.page not in corpus.pages[i]:
            continue
        if all(p(i) for p in every) and (not anyp or any(p(i) for p in anyp)) and not any(p(i) for p in nonep):
            out.add(i)
    return out


def _common_runs(corpus: Corpus, rng: random.Random, n: int) -> list[str]:
    """The most frequent CJK runs of 4, 6 and 8 characters in a sample of the texts."""
    sample = rng.sample(range(len(corpus.texts)), min(len(corpus.texts), 1500))
    out: list[str] = []
    for k in (4, 6, 8):
        counts: Counter[str] = Counter()
        for i in sample:
            for m in CJK_RUN_RE.finditer(corpus.texts[i]):
                run = m.group()
                counts.update(run[j:j + k] for j in range(len(run) - k + 1))
        out += [g for g, _ in counts.most_common(max(1, n // 3))]
    return out


def _common_words(corpus: Corpus, rng: random.Random, k: int = 2, top: int = 30) -> list[str]:
    counts: Counter[str] = Counter()
    for i in rng.sample(range(len(corpus.texts)), min(len(corpus.texts), 800)):
        for m in CJK_RUN_RE.finditer(corpus.texts[i]):
            run = m.group()
            counts.update(run[j:j + k] for j in range(0, len(run) - k + 1, k))
    return [g for g, _ in counts.most_common(top)]


def make_queries(corpus: Corpus, rng: random.Random, n: int) -> dict[str, list[Spec]]:
    """Queries per class (see the module's docstring)."""
    s2t = opencc.OpenCC("s2t")
    runs = [m.group() for t in rng.sample(corpus.texts, min(len(corpus.texts), 3000))
            for m in CJK_RUN_RE.finditer(t[:400]) if len(m.group()) >= 8]
    out: dict[str, list[Spec]] = {}
    for k in (1, 2, 4):
        specs = []
        for j in range(n):
            run = rng.choice(runs)
            start = rng.randrange(0, len(run) - k + 1)
            typed = run[start:start + k]
            typed = s2t.convert(typed) if j % 2 else typed
            specs.append(Spec(typed, all_of=(typed,)))
        out[f"cjk{k}"] = specs
    out["common-run"] = [Spec(r, all_of=(r,)) for r in _common_runs(corpus, rng, n)]
    common = _common_words(corpus, rng)
    out["mixed"] = [Spec(f"{w} {c}", all_of=(w, c)) for w, c in
                    ((rng.choice(LATIN_WORDS), rng.choice(common)) for _ in range(n))]
    bools = []
    for j in range(n):
        a, b, c = rng.sample(common, 3)
        if j % 3 == 0:
            bools.append(Spec(f"{a} OR {b}", any_of=(a, b)))
        elif j % 3 == 1:
            bools.append(Spec(f"{a} AND {b}", all_of=(a, b)))
        else:
            bools.append(Spec(f"{a} {b} -{c}", all_of=(a, b), none_of=(c,)))
    out["bool"] = bools
    years = sorted({d[:4] for d in corpus.dates if d})
    filt = []
    for j in range(n):
        w = rng.choice(common)
        if j % 3 == 0:
            filt.append(Spec(f"{w} page:1", all_of=(w,), page=1))
        elif j % 3 == 1:
            pub = rng.choice(PUBLICATIONS)
            filt.append(Spec(f"{w} publication:{pub}", all_of=(w,), publication=pub))
        else:
            y = rng.choice(years)
            filt.append(Spec(f"{w} date:{y}", all_of=(w,), year=y))
    out["filter"] = filt
    out["zero"] = [Spec(q, all_of=(q,)) for q in
                   [f"{rng.choice(LATIN_WORDS)}zq{j}" for j in range(n // 2)] +
                   ["鑫龘" + chr(0x4E00 + rng.randrange(20000)) for _ in range(n - n // 2)]]
    out["latin"] = [Spec(w, all_of=(w,)) for w in (rng.choice(LATIN_WORDS) for _ in range(n))]
    return out


# ---------------------------------------------------------------- the peers


class Peer(Protocol):
    name: str
    folder: Path  #: its files (for the page cache's state before a pass of the queries)

    def build(self, corpus: Corpus, work: Path) -> str: ...

    def answer(self, spec: Spec) -> set[int]: ...


def _combine(spec: Spec, corpus: Corpus, term_rows: Callable[[str], set[int]]) -> set[int]:
    result: set[int] | None = None
    for t in spec.all_of:
        rows = term_rows(t)
        result = rows if result is None else result & rows
    if spec.any_of:
        some: set[int] = set()
        for t in spec.any_of:
            some |= term_rows(t)
        result = some if result is None else result & some
    result = result or set()
    for t in spec.none_of:
        result -= term_rows(t)
    if spec.publication:
        result = {i for i in result if corpus.pubs[i] == spec.publication}
    if spec.year:
        result = {i for i in result if corpus.dates[i].startswith(spec.year)}
    if spec.page is not None:
        result = {i for i in result if spec.page in corpus.pages[i]}
    return result


class Fts5:
    name = "fts5"

    def build(self, corpus: Corpus, work: Path) -> str:
        self.corpus = corpus
        path = self.folder = work / "fts5.sqlite"
        path.unlink(missing_ok=True)
        self.db = sqlite3.connect(path)
        t = time.perf_counter()
        self.db.execute("CREATE VIRTUAL TABLE f USING fts5(folded, tokenize='trigram')")
        self.db.executemany("INSERT INTO f(rowid, folded) VALUES (?, ?)", enumerate(corpus.texts))
        self.db.commit()
        secs = time.perf_counter() - t
        size = path.stat().st_size
        return (f"built in {secs:.1f}s = {sum(map(len, corpus.texts)) / secs:,.0f} chars/s, {size / 1e6:.0f} MB = "
                f"{size / corpus.utf8():.2f}x (text included)")

    def _rows(self, term: str) -> set[int]:
        folded = fold_query(term)
        if len(folded) >= 3:
            q = '"' + folded.replace('"', '""') + '"'
            return {r[0] for r in self.db.execute("SELECT rowid FROM f WHERE f MATCH ?", (q,))}
        return {r[0] for r in self.db.execute("SELECT rowid FROM f WHERE instr(folded, ?) > 0", (folded,))}

    def answer(self, spec: Spec) -> set[int]:
        return _combine(spec, self.corpus, self._rows)


class Tantivy:
    name = "tantivy"
    #: a newline is a token too: a phrase never spans two parts, as in Broadsheet (without it 发展 matched
    #: "发\n\n展" across a paragraph break and the peer was not exact)
    TOKENS = f"[{CJK_CLASS}]|{_WORD}+|[^\\s\\w]|\\n"

    def build(self, corpus: Corpus, work: Path) -> str:
        import tantivy

        self.tv = tantivy
        self.corpus = corpus
        folder = self.folder = work / "tantivy"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("t", stored=False, tokenizer_name="bs", index_option="position")
        sb.add_integer_field("n", stored=True, indexed=False, fast=True)
        self.schema = sb.build()
        self.ix = tantivy.Index(self.schema, path=str(folder))
        self.ix.register_tokenizer("bs", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(self.TOKENS))
                                   .filter(tantivy.Filter.lowercase()).build())
        t = time.perf_counter()
        w = self.ix.writer(heap_size=512_000_000, num_threads=2)
        for i, text in enumerate(corpus.texts):
            w.add_document(tantivy.Document(t=text, n=i))
        w.commit()
        w.wait_merging_threads()
        self.ix.reload()
        self.searcher = self.ix.searcher()
        secs = time.perf_counter() - t
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        return (f"built in {secs:.1f}s = {sum(map(len, corpus.texts)) / secs:,.0f} chars/s, {size / 1e6:.0f} MB = "
                f"{size / corpus.utf8():.2f}x (index only)")

    def _query(self, term: str) -> Any:
        tokens = re.findall(self.TOKENS, fold_query(term).lower())
        if len(tokens) == 1:
            return self.tv.Query.term_query(self.schema, "t", tokens[0])
        return self.tv.Query.phrase_query(self.schema, "t", tokens)

    def _rows(self, term: str) -> set[int]:
        q = self._query(term)
        found = self.searcher.search(q, limit=max(1, len(self.corpus.texts)), count=True)
        return {self.searcher.doc(addr)["n"][0] for _, addr in found.hits}

    def answer(self, spec: Spec) -> set[int]:
        return _combine(spec, self.corpus, self._rows)

    def timed(self, spec: Spec) -> None:
        """What a search page costs: the count and the 20 best hits of the whole query."""
        occur = self.tv.Occur
        clauses = [(occur.Must, self._query(t)) for t in spec.all_of]
        if spec.any_of:
            clauses.append((occur.Must, self.tv.Query.boolean_query(
                [(occur.Should, self._query(t)) for t in spec.any_of])))
        clauses += [(occur.MustNot, self._query(t)) for t in spec.none_of]
        q = self.tv.Query.boolean_query(clauses)
        found = self.searcher.search(q, limit=20 if not (spec.publication or spec.year or spec.page) else
                                     len(self.corpus.texts), count=True)
        for _, addr in found.hits[:20]:
            self.searcher.doc(addr)


def _peers(names: Sequence[str]) -> list[Any]:
    out: list[Any] = []
    for name in names:
        if name == "fts5":
            out.append(Fts5())
        elif name == "tantivy":
            try:
                import tantivy  # noqa: F401
            except ImportError:
                print("tantivy: not installed (pip install -e .[bench]); left out")
                continue
            out.append(Tantivy())
    return out


# ---------------------------------------------------------------- running it


def _import(corpus_dir: Path, where: Path | str, cluster: str | None = None, profile: bool = False) -> Library:
    """Import the corpus into a new library at ``where`` (a folder, or a PostgreSQL URL) and print the rates."""
    lib = Library.open(where)
    t = time.perf_counter()
    run = lambda: import_paths(lib, [corpus_dir], workers=None, cluster=cluster)  # noqa: E731
    report = pgbench.profile_import(run) if profile else run()
    secs = time.perf_counter() - t
    st = lib.stats()
    label = f"import --cluster {cluster}" if cluster else "import"
    label = f"{lib.kind}: {label}" + (" (under cProfile, so slower than without)" if profile else "")
    print(f"{label}: {st['pages']} pages, {st['articles']} articles, {st['chars']:,} chars in {secs:.1f}s = "
          f"{st['chars'] / secs:,.0f} chars/s, {st['pages'] / secs:.1f} pages/s; failed {len(report.failed)}; "
          f"peak RSS {_rss_mb():.0f} MB (largest reading process {_children_rss_mb():.0f} MB)")
    return lib


def _sizes(lib: Library, corpus: Corpus) -> None:
    utf8 = corpus.utf8()
    ix = Index(lib.index_dir)
    size = ix.size_bytes()
    ix.close()
    # the database's own size, what its WAL holds included (the WAL file keeps its largest size once written)
    pages, free, page_size = (lib.conn.execute(f"PRAGMA {n}").fetchone()[0]
                              for n in ("page_count", "freelist_count", "page_size"))
    cat = pages * page_size
    store = sum(p.stat().st_size for p in lib.index_dir.glob("folded.*"))  # the index's copy of the folded texts
    print(f"sizes: folded text {utf8 / 1e6:.0f} MB; index {size / 1e6:.0f} MB = {size / utf8:.2f}x "
          f"(of which the text store {store / 1e6:.0f} MB = {store / utf8:.2f}x); "
          f"catalogue {cat / 1e6:.0f} MB = {cat / utf8:.2f}x ({free * page_size / 1e6:.0f} MB of it free pages)")
    print("catalogue by table (sqlite dbstat, pages in use; indexes with their table): " + ", ".join(
        f"{name} {used / 1e6:.1f} MB = {used / utf8:.2f}x" for name, used in catalogue_tables(lib)))
    columns = lib.conn.execute("SELECT SUM(length(CAST(parts AS BLOB))), SUM(length(spans)) FROM articles").fetchone()
    print(f"  of articles: parts (roles and texts) {(columns[0] or 0) / 1e6:.1f} MB = {(columns[0] or 0) / utf8:.2f}x, "
          f"spans packed {(columns[1] or 0) / 1e6:.1f} MB = {(columns[1] or 0) / utf8:.2f}x")


def catalogue_tables(lib: Library) -> list[tuple[str, int]]:
    """(table, bytes of its pages in use, its indexes' included), largest first, from SQLite's ``dbstat``."""
    owner = {name: table for name, table in lib.conn.execute(
        "SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')")}
    used: Counter[str] = Counter()
    for name, size in lib.conn.execute("SELECT name, SUM(pgsize - unused) FROM dbstat GROUP BY name"):
        used[owner.get(name, name)] += int(size)
    return [(name, size) for name, size in used.most_common() if size >= 100_000]


def _files(where: Path) -> list[Path]:
    if where.is_file():
        return [where]
    return sorted(p for p in where.rglob("*") if p.is_file()) if where.is_dir() else []


def set_cache(folders: Iterable[Path], state: str) -> int:
    """Put every file under ``folders`` in the page cache (``warm``: read whole) or out of it (``cold``:
    ``posix_fadvise(DONTNEED)``, which drops a file's clean pages without root; pages a process has mapped stay);
    return the bytes of those files. ``as-is`` leaves the cache as the run before left it."""
    total = 0
    for path in (f for folder in folders for f in _files(folder)):
        total += path.stat().st_size
        if state == "cold":
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
        elif state == "warm":
            with path.open("rb") as f:
                while f.read(1 << 22):
                    pass
    return total


def _time_ms(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


#: asked before a pass's queries, untimed, so that opening the index (its segments' tables) is not counted in the
#: first query's class: the peers' indexes were opened when they were built (a character no text of the corpus holds)
OPENING_QUERY = "龘"


def _queries_table(libs: dict[str, Library], corpus: Corpus, queries: dict[str, list[Spec]],
                   peers: list[Any], wants: dict[str, set[int]]) -> dict[str, dict[str, list[float]]]:
    """Print each class's p50/p95/exactness for every library and peer (``wants``: each query's brute-force
    answer); return the times (system -> class)."""
    names = [*libs, *(p.name for p in peers)]
    head = f"{'class':11} {'n':>3} {'hits/q':>7} " + " ".join(f"{n[:10] + ' p50':>15} {'p95':>6} {'exact':>5}"
                                                           for n in names)
    print(head)
    every: dict[str, list[float]] = {n: [] for n in names}
    by_class: dict[str, dict[str, list[float]]] = {n: {} for n in names}
    searchers = {n: Searcher(lib) for n, lib in libs.items()}
    for n, searcher in searchers.items():  # the peers' indexes are open since they were built: ours too
        print(f"{n}: its index opened by a first query ({OPENING_QUERY}) in "
              f"{_time_ms(lambda s=searcher: s.search(OPENING_QUERY, limit=20)):.1f} ms (not counted)")
    for cls, specs in queries.items():
        times: dict[str, list[float]] = {n: [] for n in names}
        exact: dict[str, int] = {n: 0 for n in names}
        hits = 0
        for spec in specs:
            want = wants[spec.text]
            hits += len(want)
            for n, searcher in searchers.items():
                times[n].append(_time_ms(lambda s=spec, se=searcher: se.search(s.text, limit=20)))
                exact[n] += searcher.matching_ids(spec.text) == {corpus.ids[i] for i in want}
            for p in peers:
                timed = getattr(p, "timed", None)
                times[p.name].append(_time_ms(lambda s=spec, p=p, t=timed: t(s) if t else p.answer(s)))
                exact[p.name] += p.answer(spec) == want
        row = f"{cls:11} {len(specs):3d} {hits / max(1, len(specs)):7.0f} "
        row += " ".join(f"{_pct(times[n], 50):15.1f} {_pct(times[n], 95):6.1f} {exact[n]:2d}/{len(specs):<2d}"
                        for n in names)
        print(row)
        for n in names:
            every[n] += times[n]
            by_class[n][cls] = times[n]
    print(f"{'all':11} {sum(map(len, queries.values())):3d} {'':7} " +
          " ".join(f"{_pct(every[n], 50):15.1f} {_pct(every[n], 95):6.1f} {'':5}" for n in names))
    ours = _pct(every["broadsheet"], 95)
    for other in names[1:]:
        print(f"overall p95: broadsheet {ours:.1f} ms = {ours / _pct(every[other], 95):.2f}x {other}'s")
    for searcher in searchers.values():
        searcher.close()
    return by_class


_CACHE = {"cold": "every file of each library and peer dropped from it first",
          "warm": "every file of each library and peer read whole first",
          "as-is": "as the run so far left it"}


def _kind(where: Path | str) -> str:
    return "postgres:" if isinstance(where, str) else "sqlite:"


def _cli(lib_dir: Path | str, queries: dict[str, list[Spec]], work: Path) -> None:
    """A command in a new process (start-up included), and every query in one --batch process."""
    cmd = [sys.executable, "-m", "reader", "search", "中国", "--json", "--library", str(lib_dir)]
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        runs.append((time.perf_counter() - t) * 1000)
    print(f"{_kind(lib_dir)} new process: broadsheet search 中国 --json: best {min(runs):.0f} ms of 3 "
          "(start-up included)")
    batch = work / "queries.txt"
    texts = [s.text for specs in queries.values() for s in specs]
    batch.write_text("\n".join(texts) + "\n", encoding="utf-8")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reader", "search", "--batch", str(batch), "--json", "--library",
                    str(lib_dir)], check=True, capture_output=True)
    secs = time.perf_counter() - t
    print(f"{_kind(lib_dir)} --batch: {len(texts)} queries in one process in {secs:.1f}s = "
          f"{secs / len(texts) * 1000:.0f} ms a query")


def _reindex(lib: Library, corpus: Corpus) -> None:
    from reader.index import store as index

    t, cpu = time.perf_counter(), _cpu_seconds()
    n = index.rebuild(lib, workers=os.cpu_count())  # as `broadsheet reindex`: segments written on every core
    secs, cpu = time.perf_counter() - t, _cpu_seconds() - cpu
    chars = sum(map(len, corpus.texts))
    ix = Index(lib.index_dir)
    size = ix.size_bytes()
    ix.close()
    store = sum(p.stat().st_size for p in lib.index_dir.glob("folded.*"))
    print(f"reindex: {n} articles in {secs:.1f}s = {chars / secs:,.0f} chars/s ({cpu:.1f} CPU-seconds with the "
          f"workers: {chars / max(cpu, 1e-9):,.0f} chars per CPU-second; load average {os.getloadavg()[0]:.1f}); "
          f"index {(size - store) / corpus.utf8():.2f}x the folded UTF-8 text ({size / corpus.utf8():.2f}x with "
          f"its text store); peak RSS {_rss_mb():.0f} MB, largest child process {_children_rss_mb():.0f} MB (the "
          f"workers; after an import in this run, its reading processes too)")


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the rebuild's workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _articles(lib: Library) -> list[tuple[str, str]]:
    return lib.conn.execute("SELECT a.id, t.folded FROM articles a JOIN article_text t ON t.num = a.num "
                            "ORDER BY a.id").fetchall()


def _cluster_import(lib: Library, corpus_dir: Path, where: Path | str, cluster: str) -> None:
    """The same corpus imported with its reading on a Dask cluster; its articles compared with the first's."""
    if isinstance(where, Path) and where.exists():
        shutil.rmtree(where)
    other = _import(corpus_dir, where, cluster)
    same = _articles(other) == _articles(lib)
    print(f"{other.kind}: import --cluster {cluster}: the same articles (ids and folded texts) as reading here: {same}")
    other.close()


def occurrences_in(texts: Iterable[str], word: str) -> int:
    """Brute force over folded texts: the occurrences as the concordance counts them (one per start not inside
    the previous match, so 哈哈 in 哈哈哈 counts once). bench_concordance counts with it too."""
    needle = fold_query(word)
    total = 0
    for folded in texts:
        end, i = -1, folded.find(needle)
        while i >= 0:
            total += i >= end
            end = max(end, i + len(needle))
            i = folded.find(needle, i + 1)
    return total


def _occurrences(corpus: Corpus, word: str) -> int:
    return occurrences_in(corpus.texts, word)


def _studies(libs: dict[str, Library], corpus: Corpus, word: str) -> None:
    """The concordance and the timeline by year of a common word on each library, checked against brute force
    (occurrences; articles): the concordance as a researcher first sees it — its exact total with the first
    1,000 lines in date order, and as the window holds it (the first ``WINDOW_LINES``) —, and the timeline."""
    from reader.app.studies import WINDOW_LINES
    from reader.search.concordance import concordance
    from reader.search.timeline import By, timeline

    occ = _occurrences(corpus, word)
    arts = len(brute_force(corpus, Spec(word, all_of=(word,))))
    for name, lib in libs.items():
        with Searcher(lib) as searcher:
            t = time.perf_counter()
            conc = concordance(searcher, word, cap=1000)
            c_ms = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            window = concordance(searcher, word, cap=WINDOW_LINES)
            w_ms = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            tl = timeline(searcher, word, By.YEAR)
            t_ms = (time.perf_counter() - t) * 1000
        ok = conc.total == window.total == occ
        print(f"{name}: concordance of {word!r}: {conc.total:,} lines (brute force {occ:,}: "
              f"{'OK' if ok else 'MISMATCH'}), the first {len(conc.lines):,} in {c_ms:,.0f} ms, the window's first "
              f"{len(window.lines):,} in {w_ms:,.0f} ms; timeline by year: {tl.total:,} articles in {t_ms:,.0f} ms "
              f"(brute force {arts:,}: {'OK' if tl.total == arts else 'MISMATCH'})")


def _slowest(by_class: dict[str, list[float]], queries: dict[str, list[Spec]]) -> tuple[str, str]:
    """The class with the highest p95 and its slowest query."""
    cls = max(by_class, key=lambda c: _pct(by_class[c], 95))
    times = by_class[cls]
    return cls, queries[cls][max(range(len(times)), key=times.__getitem__)].text


def _kept(url: str) -> Library | None:
    """The library at ``url`` when it holds articles already (``--keep-library --pg-url``: its migrations run, as
    for the embedded library kept), else None (then the corpus is imported into it)."""
    t = time.perf_counter()
    lib = Library.open(url)
    count = lib.stats()["articles"]
    if not count:
        lib.close()
        return None
    print(f"postgres: the library at {lib.location} reused (--keep-library): {count:,} articles; opened in "
          f"{time.perf_counter() - t:.1f}s (migrations of its catalogue included)")
    return lib


def _postgres(args: argparse.Namespace, corpus_dir: Path, lib: Library, dbs: pgbench.Databases) -> Library:
    """The same corpus into a PostgreSQL library (and with ``--cluster`` into a second one); their articles
    compared with the embedded library's."""
    url = dbs.new()
    pg = _kept(url) if args.keep_library and args.pg_url else None
    if pg is None:
        pg = _import(corpus_dir, url, profile=args.profile)
    print(f"postgres: the same articles (ids and folded texts) as the embedded library: "
          f"{_articles(pg) == _articles(lib)}")
    if args.cluster:
        _cluster_import(lib, corpus_dir, dbs.new(), args.cluster)
    return pg


def run(args: argparse.Namespace, work: Path, dbs: pgbench.Databases | None = None) -> None:
    corpus_dir = work / f"corpus-{args.pages}-{args.seed}"
    lib_dir = work / "library"
    if not corpus_dir.exists():
        t = time.perf_counter()
        info = generate(corpus_dir, args.pages, args.seed)
        print(f"corpus: {info['pages']} pages, {info['chars']:,} chars generated in {time.perf_counter() - t:.1f}s")
    if lib_dir.exists() and not args.keep_library:
        shutil.rmtree(lib_dir)
    if lib_dir.exists():
        t = time.perf_counter()
        lib = Library(lib_dir)
        print(f"library opened in {time.perf_counter() - t:.1f}s (migrations of its catalogue included)")
        t = time.perf_counter()
        added = sync(lib, on_rebuild=lambda why: print(f"its index is rebuilt: {why}"))
        if added:
            print(f"its index brought up to date: {added:,} articles in {time.perf_counter() - t:.1f}s")
    else:
        lib = _import(corpus_dir, lib_dir)
    if args.sizes_only:
        _sizes(lib, Corpus.load(lib))
        lib.close()
        return
    if args.cluster:
        _cluster_import(lib, corpus_dir, work / "library-cluster", args.cluster)
    libs = {"broadsheet": lib}
    if dbs is not None:
        libs["postgres"] = _postgres(args, corpus_dir, lib, dbs)
    if not args.import_only:
        _measure(args, work, libs)
    elif args.reindex:  # the rebuild alone, without the queries
        _reindex(lib, Corpus.load(lib))
    for each in libs.values():
        each.close()


def _measure(args: argparse.Namespace, work: Path, libs: dict[str, Library]) -> None:
    lib = libs["broadsheet"]
    corpus = Corpus.load(lib)
    _sizes(lib, corpus)
    pg = libs.get("postgres")
    if pg is not None:
        pgbench.sizes(pg, corpus.utf8())
    peers = _peers([p for p in args.peers.split(",") if p])
    for p in peers:
        print(f"{p.name}: {p.build(corpus, work)}")
    rng = random.Random(args.seed)
    queries = make_queries(corpus, rng, args.queries)
    wants = {spec.text: brute_force(corpus, spec) for specs in queries.values() for spec in specs}
    times: dict[str, dict[str, list[float]]] = {}
    for state in args.cache.split(","):
        folders = [Path(each.folder) for each in libs.values() if each.kind != "postgres"]
        folders += [p.folder for p in peers]
        size = set_cache(folders, state)
        print(f"-- queries, page cache {state}: {_CACHE[state]} ({size / 1e6:,.0f} MB of files"
              + (", PostgreSQL's own buffers as they are)" if "postgres" in libs else ")"))
        times = _queries_table(libs, corpus, queries, peers, wants)
    _studies(libs, corpus, _common_words(corpus, rng, top=1)[0])
    for name, each in libs.items():
        if args.cli:
            _cli(getattr(each, "url", each.folder), queries, work)
        if args.profile and each.kind == "postgres":
            cls, query = _slowest(times[name], queries)
            print(f"{name}: the slowest class by p95 is {cls}; its slowest query {query!r}")
            pgbench.profile_query(getattr(each, "url", ""), query, args.dbs_log)
    if args.reindex:
        _reindex(lib, corpus)
    print(f"peak RSS of the benchmark process {_rss_mb():.0f} MB (the corpus's texts and the peers included)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Benchmark import and search beside SQLite FTS5 and tantivy.")
    p.add_argument("--pages", type=int, default=1000)
    p.add_argument("--queries", type=int, default=30, help="queries per class")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--peers", default="fts5,tantivy", help="comma-separated: fts5, tantivy (or empty)")
    p.add_argument("--reindex", action="store_true", help="also time `reindex` (a rebuild of the index; with "
                   "--import-only: right after the import, no queries)")
    p.add_argument("--keep-library", action="store_true", help="reuse the library in --work (and with --pg-url "
                   "the one in that database, when it holds articles) instead of importing")
    p.add_argument("--work", type=Path, default=None, help="folder for corpus, library and peers (kept)")
    p.add_argument("--cluster", metavar="ADDRESS", help="also import with the reading on a Dask cluster "
                                                        "(local:2, tcp://HOST:8786) and compare")
    p.add_argument("--import-only", action="store_true", help="stop after the import(s): no peers, no queries")
    p.add_argument("--backend", choices=("embedded", "postgres"), default="embedded",
                   help="postgres: also a library in PostgreSQL, same corpus and queries, side by side")
    p.add_argument("--pg-url", help="with --backend postgres: an empty database to fill (default: a throwaway "
                                    "cluster); --cluster creates <database>_bench_2 beside it")
    p.add_argument("--profile", action="store_true", help="with --backend postgres: where the time goes (cProfile "
                                                          "of the import and the slowest query, EXPLAIN ANALYZE)")
    p.add_argument("--cache", default="cold,warm", help="the page cache before each pass of the queries, "
                   "comma-separated passes: cold (every file of each library and peer dropped from it), warm (read "
                   "whole), as-is")
    p.add_argument("--no-cli", dest="cli", action="store_false", help="leave out the `broadsheet search` processes")
    p.add_argument("--sizes-only", action="store_true", help="print the sizes of the library (with --keep-library: "
                                                             "an existing one, migrated when old) and stop")
    args = p.parse_args(argv)
    if not set(args.cache.split(",")) <= set(_CACHE):
        p.error(f"--cache takes {', '.join(_CACHE)} (comma-separated), not {args.cache!r}")
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-broadsheet-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder {work}; python {sys.version.split()[0]}; {args.pages} pages")
    if args.backend == "embedded":
        args.dbs_log = None
        run(args, work)
        return 0
    with pgbench.databases(args.pg_url) as dbs:
        args.dbs_log = dbs.log
        run(args, work, dbs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
