"""The PostgreSQL side of ``bench_library --backend postgres``: where the library goes, its sizes, and where
the time goes. Not a test; not run on its own (``python -m benchmarks.bench_library --backend postgres``).

* :func:`databases` yields a function making a new empty database: in ``--pg-url``'s server (the URL's own
  database first, then ``<name>_2``… created beside it, which needs CREATEDB) or, without a URL, in a throwaway
  cluster (:mod:`benchmarks.pgcluster`, fsync off: as the tests run it, not as a production server would).
* :func:`sizes` prints ``pg_database_size`` and the library's tables (``PgLibrary.size_bytes``, the ``ix_``
  index tables inside it) as multiples of the folded UTF-8 text.
* :func:`profile_import` and :func:`profile_query` say where the time goes: cProfile of the importing
  process (its top functions by own time) and, for a query, cProfile of ``Searcher.search`` plus the
  server's plans (``auto_explain`` with ANALYZE, read from the throwaway cluster's log).
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import os
import pstats
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reader.library.catalogue import Library

#: auto_explain in every new session of the profile (superuser settings: the throwaway cluster's user is one)
_AUTO_EXPLAIN = ("-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 "
                 "-c auto_explain.log_analyze=on -c auto_explain.log_buffers=on")


class Databases:
    """New empty databases on one server; ``log`` is the server's log file when this process started it."""

    def __init__(self, make: Callable[[str], str], log: Path | None) -> None:
        self._make = make
        self.log = log
        self._n = 0

    def new(self) -> str:
        self._n += 1
        return self._make(f"bench_{self._n}")


@contextlib.contextmanager
def databases(url: str | None) -> Iterator[Databases]:
    """Databases on ``url``'s server (its own database first), or on a throwaway cluster."""
    if url is None:
        from benchmarks import pgcluster

        with pgcluster.running() as cluster:
            yield Databases(cluster.create_database, cluster.root / "log")
        return

    def make(name: str) -> str:
        if name == "bench_1":
            return url
        import psycopg

        parts = urllib.parse.urlsplit(url)
        other = f"{parts.path.lstrip('/') or 'postgres'}_{name}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{other}"')
        return urllib.parse.urlunsplit(parts._replace(path="/" + other))

    yield Databases(make, None)


def _one(lib: Library, sql: str) -> int:
    return int(lib.conn.execute(sql).fetchone()[0])


def sizes(lib: Library, utf8: int) -> None:
    """The database, the library's tables and its index as multiples of the folded UTF-8 text."""
    lib.conn.execute("VACUUM ANALYZE")
    db = _one(lib, "SELECT pg_database_size(current_database())")
    tables = lib.size_bytes()
    index = _one(lib, "SELECT sum(pg_total_relation_size(oid))::bigint FROM pg_class WHERE relkind = 'r' "
                      "AND relname LIKE 'ix\\_%'")
    text = _one(lib, "SELECT pg_total_relation_size('article_text')")
    print(f"postgres sizes: database {db / 1e6:.0f} MB = {db / utf8:.2f}x the folded UTF-8; the library's tables "
          f"{tables / 1e6:.0f} MB = {tables / utf8:.2f}x, of which the index (ix_ tables) {index / 1e6:.0f} MB = "
          f"{index / utf8:.2f}x and article_text {text / 1e6:.0f} MB = {text / utf8:.2f}x")


def _top(prof: cProfile.Profile, n: int, sort: str) -> str:
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats(sort).print_stats(n)
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join("    " + line for line in lines[start:] if line.strip())


def profile_import(fn: Callable[[], Any]) -> Any:
    """Run the import under cProfile; print the top functions by own time (this process only: the reading
    processes' work shows as waiting on them)."""
    prof = cProfile.Profile()
    out = prof.runcall(fn)
    print("where the postgres import's time goes (cProfile of the importing process, top by own time):")
    print(_top(prof, 14, "tottime"))
    return out


@contextlib.contextmanager
def _explained() -> Iterator[None]:
    """New libpq sessions opened inside log every statement's plan with ANALYZE (PGOPTIONS)."""
    old = os.environ.get("PGOPTIONS")
    os.environ["PGOPTIONS"] = f"{old or ''} {_AUTO_EXPLAIN}".strip()
    try:
        yield
    finally:
        if old is None:
            del os.environ["PGOPTIONS"]
        else:
            os.environ["PGOPTIONS"] = old


def _plans(log: Path, start: int) -> list[tuple[float, str]]:
    """The plans auto_explain wrote to the log after byte ``start``: (duration ms, plan text)."""
    text = log.read_bytes()[start:].decode("utf-8", "replace")
    plans = []
    for chunk in text.split("LOG:  duration: ")[1:]:
        head, _, rest = chunk.partition(" ms")
        with contextlib.suppress(ValueError):
            plans.append((float(head), rest.split("\n2", 1)[0].strip()))
    return plans


def profile_query(url: str, query: str, log: Path | None) -> None:
    """cProfile of one ``Searcher.search`` on a fresh PostgreSQL library, then the server's slowest plans."""
    from reader.search.engine import Searcher

    with _explained():
        lib = Library.open(url, create=False)
        searcher = Searcher(lib)
        searcher.search(query, limit=20)  # warm: the plans and caches a second search finds
        start = log.stat().st_size if log else 0
        prof = cProfile.Profile()
        prof.runcall(searcher.search, query, limit=20)
        searcher.close()
        lib.close()
    print(f"where the time of {query!r} goes (cProfile of Searcher.search on postgres, top by cumulative time):")
    print(_top(prof, 12, "cumulative"))
    if log is None:
        print("  (server plans: only on the throwaway cluster, whose log this process reads)")
        return
    plans = sorted(_plans(log, start), reverse=True)[:2]
    for ms, plan in plans:
        print(f"  EXPLAIN ANALYZE (auto_explain), {ms:.1f} ms:")
        print("\n".join("    " + line for line in plan.splitlines()[:24]))
