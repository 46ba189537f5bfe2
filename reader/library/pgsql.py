"""A PostgreSQL connection that speaks the catalogue code's SQLite dialect: the one connection interface.

Every SQL caller (catalogue, importer, search engine, annotations, corrections, export, cli) talks to
``library.conn``, a DB-API connection with SQLite's habits: ``?`` parameters, autocommit with explicit
``BEGIN``/``COMMIT``, ``cursor.lastrowid``, ``sqlite3.Error`` subclasses. On a PostgreSQL library that
object is a :class:`PgConnection` wrapping a psycopg 3 connection, and each statement goes through
:func:`translate`, which rewrites the few SQLite idioms the code uses — and only those, each listed
here and unit-tested (tests/library/test_pgsql.py):

==========================================  =====================================================
SQLite (as written in the code)              PostgreSQL (as sent)
==========================================  =====================================================
``?``                                        ``%s`` (a literal ``%`` becomes ``%%``)
``BEGIN IMMEDIATE``                          ``BEGIN``
``INSERT OR IGNORE INTO t …``                ``INSERT INTO t … ON CONFLICT DO NOTHING``
``INSERT OR REPLACE INTO t (c, …) …``        ``… ON CONFLICT (key of t) DO UPDATE SET c = EXCLUDED.c, …``
``INSERT INTO t …`` (t has a row id)         ``… RETURNING <id>`` — read back as ``cursor.lastrowid``
``instr(a, b)``                              ``strpos(a, b)`` (same: 1-based position, 0 when absent)
``x IN (SELECT value FROM json_each(?))``    ``x = ANY(…::bigint[])`` for ``num``/``…_id``, else ``::text[]``
``json_each(a.pages) WHERE value …``         ``json_array_elements_text(a.pages::json) … value::bigint``
``id GLOB '*[^ -~]*'``                       ``id ~ '[^ -~]'``
``t a INDEXED BY ix``                        ``t a`` (PostgreSQL's planner chooses the index itself)
``PRAGMA data_version``                      the server's WAL position (changes with every commit)
other ``PRAGMA …``                           nothing (foreign keys are always on in PostgreSQL)
==========================================  =====================================================

psycopg's errors are raised as the ``sqlite3`` class of the same meaning (``IntegrityError`` for a
unique or foreign-key violation, ``OperationalError`` for a lost connection or a lock, else
``DatabaseError``), the psycopg error chained, so the callers' ``except sqlite3.…`` need no second
branch. Schema scripts are NOT translated: each component gives PostgreSQL its own DDL (identity
columns, ``bytea``, ``double precision``, …; :class:`reader.library.catalogue.Migration`).
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from reader.model.errors import ConnectionLostError

#: Tables whose rows get an id from the database, and that id's column (for ``lastrowid``).
ROW_IDS: dict[str, str] = {
    "sources": "id", "publications": "id", "issues": "id", "pages": "id", "articles": "num",
    "tags": "id", "collections": "id",
}

#: The conflict key of each table written with ``INSERT OR REPLACE``.
REPLACE_KEYS: dict[str, str] = {"meta": "key", "annotations": "id", "corrections": "id"}

#: Tables whose rows the import writes in bulk with a positional ``INSERT INTO t VALUES (…)`` (hundreds a page):
#: :meth:`PgConnection.executemany` sends them with ``COPY`` — one statement instead of one INSERT a row, which
#: cProfile showed taking most of a PostgreSQL import (benchmarks/bench_library.py --backend postgres --profile).
#: Only catalogue tables: ``COPY FROM`` is refused on tables under row-level security.
COPY_TABLES = frozenset({"lines", "blocks"})
_PLAIN_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)\s+VALUES\s*\(", re.I)

#: Columns compared with a JSON list of numbers (``num``, ``…_num``, ``…_id``); any other column compared
#: with one (``a.id``) holds text ids.
_NUMERIC = re.compile(r"(?:^num|_num|_id)$")

_PARAM = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")
_IN_JSON = re.compile(r"([\w.]+) IN \(SELECT value FROM json_each\(\?\)\)")
_INDEXED_BY = re.compile(r" INDEXED BY \w+")
_JSON_PAGES = re.compile(r"SELECT 1 FROM json_each\(([\w.]+)\) WHERE value")
_INSERT = re.compile(r"^\s*INSERT\s+(OR\s+(IGNORE|REPLACE)\s+)?INTO\s+(\w+)\s*(\(([^)]*)\))?", re.I)


def _params(sql: str) -> str:
    """``?`` → ``%s`` outside quoted literals and names; ``%`` → ``%%`` everywhere (psycopg reads it even
    inside a literal)."""

    def one(m: re.Match[str]) -> str:
        tok = m.group(0)
        return "%s" if tok == "?" else tok.replace("%", "%%")

    return _PARAM.sub(one, sql)


def _json_in(m: re.Match[str]) -> str:
    col = m.group(1)
    kind = "bigint" if _NUMERIC.search(col.split(".")[-1]) else "text"
    return f"{col} = ANY(ARRAY(SELECT json_array_elements_text(?::json))::{kind}[])"


def _insert(sql: str) -> str:
    m = _INSERT.match(sql)
    if not m:
        return sql
    verb, table, cols = (m.group(2) or "").upper(), m.group(3), m.group(5)
    head = f"INSERT INTO {table}" + (f" ({cols})" if cols is not None else "")
    sql = head + " " + sql[m.end():].lstrip()
    if verb == "IGNORE":
        sql += " ON CONFLICT DO NOTHING"
    elif verb == "REPLACE":
        key = REPLACE_KEYS.get(table.lower())
        if key is None or cols is None:
            raise sqlite3.ProgrammingError(f"INSERT OR REPLACE INTO {table}: no conflict key known for PostgreSQL")
        names = [c.strip() for c in cols.split(",")]
        sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in names if c.strip('"') != key)
        sql += f" ON CONFLICT ({key}) DO UPDATE SET {sets}" if sets else f" ON CONFLICT ({key}) DO NOTHING"
    rowid = ROW_IDS.get(table.lower())
    given = [c.strip().strip('"') for c in cols.split(",")] if cols is not None else []
    if rowid and " SELECT " not in sql.upper() and rowid not in given:
        sql += f" RETURNING {rowid}"
    return sql


@functools.lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """The PostgreSQL form of one statement of the catalogue code (see the module's table); the code
    sends the same few hundred statements again and again, so each is translated once."""
    s = sql.strip()
    upper = s.upper()
    if upper.startswith("PRAGMA"):
        if "DATA_VERSION" in upper:
            return ("SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() "
                    "ELSE pg_current_wal_lsn() END)::text")
        return "SELECT 1 WHERE false"
    if upper == "BEGIN IMMEDIATE":
        return "BEGIN"
    s = _IN_JSON.sub(_json_in, s)
    s = _JSON_PAGES.sub(r"SELECT 1 FROM json_array_elements_text(\1::json) AS j(value) WHERE value::bigint", s)
    s = re.sub(r"\binstr\(", "strpos(", s)
    s = s.replace("GLOB '*[^ -~]*'", "~ '[^ -~]'")
    s = _INDEXED_BY.sub("", s)
    if upper.startswith("INSERT"):
        s = _insert(s)
    return _params(s)


class PgDatabaseError(sqlite3.DatabaseError):
    """A PostgreSQL library's error, raised as the ``sqlite3`` class of the same meaning (the callers catch those):
    these subclasses carry PostgreSQL's name, so no message of a PostgreSQL library says "sqlite3" (a tester read
    "sqlite3.OperationalError: terminating connection due to administrator command")."""


class PgIntegrityError(sqlite3.IntegrityError):
    """A unique or foreign-key violation in a PostgreSQL library (see :class:`PgDatabaseError`)."""


class PgOperationalError(sqlite3.OperationalError):
    """A lock or a server problem in a PostgreSQL library (see :class:`PgDatabaseError`)."""


class PgProgrammingError(sqlite3.ProgrammingError):
    """A statement PostgreSQL refused as malformed (see :class:`PgDatabaseError`)."""


def _sqlite_error(e: Exception) -> sqlite3.Error:
    """The sqlite3 exception of the same meaning as psycopg's ``e`` (a subclass named for PostgreSQL)."""
    import psycopg

    msg = str(e).strip()
    if isinstance(e, psycopg.errors.IntegrityError):
        return PgIntegrityError(msg)
    if isinstance(e, (psycopg.OperationalError, psycopg.errors.LockNotAvailable)):
        return PgOperationalError(msg)
    if isinstance(e, psycopg.ProgrammingError):
        return PgProgrammingError(msg)
    return PgDatabaseError(msg)


#: seconds between the attempts to open a lost connection again (bounded: a statement of the window waits ~1 s at
#: most before it says the server cannot be reached; the next statement tries again)
RECONNECT_WAITS = (0.2, 0.6)

_READS = ("SELECT", "SHOW", "SET ")


def _repeatable(pg: str) -> bool:
    """Whether a statement sent outside a transaction may be sent again when the connection dropped under it: a
    read, a setting, or a transaction's BEGIN (nothing of it was done)."""
    return pg.startswith(_READS) or pg == "BEGIN"


def _ends(pg: str) -> bool:
    return pg in ("COMMIT", "ROLLBACK")


class _NoRows:
    """The cursor of a statement not sent (the ROLLBACK of a transaction a dropped connection ended)."""

    rowcount = -1
    description = None


class PgCursor:
    """What ``execute`` returns: rows to fetch or iterate, ``rowcount`` and ``lastrowid``."""

    def __init__(self, cur: Any, lastrowid: int | None) -> None:
        self._cur = cur
        self.lastrowid = lastrowid
        self.rowcount: int = cur.rowcount

    def fetchone(self) -> Any:
        return self._cur.fetchone() if self._cur.description else None

    def fetchall(self) -> list[Any]:
        return list(self._cur.fetchall()) if self._cur.description else []

    def fetchmany(self, size: int = 1) -> list[Any]:
        return list(self._cur.fetchmany(size)) if self._cur.description else []

    @property
    def description(self) -> Any:
        return self._cur.description

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cur) if self._cur.description else iter(())


class PgConnection:
    """A psycopg 3 connection in autocommit mode behind sqlite3.Connection's methods (see the module).

    Given ``reopen`` (a function opening a new psycopg connection) it outlives its server's restarts: a connection the
    server ended while idle is opened again before the next statement (:func:`reader.index.pg.ended_by_server`), with
    a bounded retry (:data:`RECONNECT_WAITS`); a read or a BEGIN that the drop cut is sent again on the new one.
    Nothing else is sent again: a write or a transaction cut by the drop raises
    :class:`reader.model.errors.ConnectionLostError` (its change was not saved, said in words), and the rest of a
    transaction cut so fails the same way until its ROLLBACK (a no-op) or COMMIT (refused) — it is never finished,
    statement by statement, on a new connection. ``where`` names the library in those messages.
    """

    def __init__(self, raw: Any, reopen: Callable[[], Any] | None = None, where: str = "") -> None:
        self.raw = raw
        self._reopen = reopen
        self.where = where
        #: a transaction was begun on ``raw`` and not ended (kept when the connection drops inside it)
        self._open_tx = False
        #: rows this connection changed (SQLite's ``total_changes``: part of the engine's cache key)
        self.total_changes = 0
        self._column_names: dict[str, list[str]] = {}  # of the COPY_TABLES, in table order

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        if self.raw.closed:  # dropped: in the transaction it cut, until that is ended
            return self._open_tx
        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> PgCursor:
        pg = translate(sql)
        if not self._ready(pg):
            return PgCursor(_NoRows(), None)
        try:
            cur = self.raw.execute(pg, list(parameters), prepare=False)
        except Exception as e:
            if not self._again(e, pg):
                raise self._failed(e, pg) from e
            try:
                cur = self.raw.execute(pg, list(parameters), prepare=False)
            except Exception as e2:
                raise self._failed(e2, pg) from e2
        self._track(pg)
        lastrowid = None
        if pg.endswith(tuple(f"RETURNING {c}" for c in set(ROW_IDS.values()))) and cur.description:
            row = cur.fetchone()
            lastrowid = int(row[0]) if row else None
        if cur.rowcount > 0 and not cur.description:
            self.total_changes += cur.rowcount
        return PgCursor(cur, lastrowid)

    def _track(self, pg: str) -> None:
        if pg == "BEGIN":
            self._open_tx = True
        elif _ends(pg):
            self._open_tx = False

    def _ready(self, pg: str) -> bool:
        """Before a statement: a connection the server ended while idle opened again. False: ``pg`` is the ROLLBACK
        of a transaction the drop ended (the server rolled it back: nothing to send)."""
        if self._reopen is None:
            return True
        from reader.index.pg import ended_by_server

        if self._open_tx:
            if not self.raw.closed:
                return True
            if _ends(pg):
                self._open_tx = False
                if pg == "ROLLBACK":
                    return False
            raise self._lost("the connection closed during the change", pg, unsaved=True)
        if ended_by_server(self.raw):
            self._reconnect(pg)
        return True

    def _again(self, e: Exception, pg: str) -> bool:
        """Whether the statement ``pg`` that failed with ``e`` is sent again: the connection dropped under it, it was
        no part of a transaction, it is repeatable (:func:`_repeatable`) and a new connection was opened."""
        from reader.index.pg import dropped

        if self._reopen is None or self._open_tx or not dropped(self.raw, e) or not _repeatable(pg):
            return False
        self._reconnect(pg)
        return True

    def _reconnect(self, pg: str) -> None:
        """A new connection in place of the lost one, tried ``1 + len(RECONNECT_WAITS)`` times; else
        :class:`ConnectionLostError` naming the library and the reason."""
        import time

        from reader.index.pg import unreachable

        assert self._reopen is not None
        with contextlib.suppress(Exception):
            self.raw.close()
        self._open_tx = False
        reason = ""
        for wait in (0.0, *RECONNECT_WAITS):
            time.sleep(wait)
            try:
                self.raw = self._reopen()
                return
            except Exception as e:  # noqa: BLE001 — said in the error below
                reason = unreachable(e)
        raise self._lost(reason, pg)

    def _lost(self, reason: str, pg: str, unsaved: bool = False) -> ConnectionLostError:
        from reader.model.errors import connection_lost

        return connection_lost(self.where or "its server", reason.rstrip("."),
                               unsaved=unsaved or not pg.startswith(_READS))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> PgCursor:
        plain = _PLAIN_INSERT.match(sql)
        if plain and plain.group(1).lower() in COPY_TABLES:
            return self._copy(plain.group(1).lower(), rows)
        pg = translate(sql)
        if " RETURNING " in pg:
            pg = pg[: pg.rindex(" RETURNING ")]
        self._ready(pg)
        try:
            cur = self.raw.cursor()
            cur.executemany(pg, [list(r) for r in rows])
        except Exception as e:
            raise self._failed(e, pg) from e
        self.total_changes += max(cur.rowcount, 0)
        return PgCursor(cur, None)

    def _copy(self, table: str, rows: Iterable[Sequence[Any]]) -> PgCursor:
        """``INSERT INTO table VALUES`` of many rows as one ``COPY`` into the table's first columns (as a
        positional INSERT fills them; a column added later keeps its default)."""
        data = [list(r) for r in rows]
        if not data:
            return PgCursor(self.raw.cursor(), None)
        self._ready("COPY")
        try:
            cur = self.raw.cursor()
            names = [f'"{n}"' for n in self._columns(table)[:len(data[0])]]
            with cur.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                for row in data:
                    copy.write_row(row)
        except Exception as e:
            raise self._failed(e, "COPY") from e
        self.total_changes += len(data)
        return PgCursor(cur, None)

    def _columns(self, table: str) -> list[str]:
        cached = self._column_names.get(table)
        if cached is None:
            cached = [r[0] for r in self.raw.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attnum > 0 "
                "AND NOT attisdropped ORDER BY attnum", (table,))]
            self._column_names[table] = cached
        return cached

    def _failed(self, e: Exception, pg: str) -> Exception:
        """psycopg's error as sqlite3's (:func:`_sqlite_error`); the connection dropped under the statement:
        :class:`ConnectionLostError` (the change it made, or its transaction, was not saved)."""
        import psycopg

        from reader.index.pg import dropped

        if not isinstance(e, psycopg.Error):
            return e
        if self._reopen is not None and dropped(self.raw, e):
            if _ends(pg):
                self._open_tx = False
            text = str(e).strip()
            return self._lost(text.splitlines()[0] if text else "the server closed the connection", pg)
        if _ends(pg):
            self._open_tx = False
        return _sqlite_error(e)

    def commit(self) -> None:
        if self.in_transaction:
            self.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.execute("ROLLBACK")

    def create_function(self, *args: Any, **kwargs: Any) -> None:
        """Python functions cannot run inside PostgreSQL: callers check :data:`python_functions` first."""
        raise sqlite3.NotSupportedError("a PostgreSQL catalogue cannot call Python functions")

    #: whether SQL can call Python functions registered with ``create_function`` (SQLite: yes)
    python_functions = False

    def close(self) -> None:
        self.raw.close()


def ids_json(values: Iterable[Any]) -> str:
    """A JSON list, as the ``json_each(?)`` parameters are written."""
    return json.dumps(list(values))
