"""The one connection interface every SQL caller uses, whatever keeps the catalogue.

``library.conn`` is a :class:`sqlite3.Connection` for a library folder and a
:class:`reader.library.pgsql.PgConnection` (psycopg 3 behind SQLite's methods and dialect) for a
PostgreSQL library; both satisfy :class:`Connection`, which is what the code is typed against.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, Protocol, TypeVar


class Cursor(Protocol):
    """The part of a DB-API cursor the code uses."""

    @property
    def lastrowid(self) -> int | None: ...

    @property
    def rowcount(self) -> int: ...

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of ``sqlite3.Connection`` the code uses (autocommit; explicit BEGIN … COMMIT)."""

    @property
    def in_transaction(self) -> bool: ...

    @property
    def total_changes(self) -> int: ...

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...


C = TypeVar("C")


class PerThread(Generic[C]):
    """One connection per OS thread, made on first use and kept until :meth:`close_all`.

    Keyed by ``threading.get_ident()``, not kept in a ``threading.local``: a QThreadPool thread (the window's
    imports, exports, concordances) runs each task under a new Python thread state, so a ``threading.local``
    forgot its connection between tasks and a new one was opened — and left open — for every task.
    """

    def __init__(self, make: Callable[[], C], close: Callable[[C], None]) -> None:
        self._make = make
        self._close = close
        self._lock = threading.Lock()
        self._by_thread: dict[int, C] = {}

    def get(self) -> C:
        ident = threading.get_ident()
        conn = self._by_thread.get(ident)
        if conn is None:
            conn = self._make()
            with self._lock:
                self._by_thread[ident] = conn
        return conn

    def all(self) -> list[C]:
        with self._lock:
            return list(self._by_thread.values())

    def close_all(self) -> None:
        with self._lock:
            conns, self._by_thread = list(self._by_thread.values()), {}
        for conn in conns:
            self._close(conn)
