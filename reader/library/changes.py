"""How far the researcher's work in a library has changed: counters the database keeps itself.

A window stays open for hours while the same library is written by others: ``broadsheet note add`` or
``broadsheet correct`` in a terminal, a second window, a colleague on a shared PostgreSQL library. The window
cannot see those writes in its caches, so each component that keeps work (annotations and collections,
corrections) counts its changes in one row of ``work_changes``, bumped by triggers on its tables — whoever
writes, through whichever code, in whichever transaction (a cascade from a deleted annotation to its tags
included). Reading every counter is one small query (:func:`work_changes`); a window asks every few seconds
and re-reads only the components whose counter moved.

On PostgreSQL the bump runs as the function's owner (``SECURITY DEFINER``), so a researcher's role needs no
write grant on ``work_changes``; a private change of one researcher moves the counter every reader sees (the
count says *that* something changed, never what: row-level security still decides what each one reads).
A table rebuilt by a later SQLite migration loses its triggers: such a migration must call
:func:`sqlite_counter_step` again for it.

The catalogue is counted by its writers instead (:func:`count_change`, through ``Library.announce_change``):
once when an import or a reindex that changed something has ended — a trigger on its tables would announce a
library half imported, thousands of times.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from reader.library.db import Connection
from reader.library.owners import is_postgres

log = logging.getLogger(__name__)

TABLE = "work_changes"

_SQLITE_TABLE = f"CREATE TABLE IF NOT EXISTS {TABLE} (component TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0)"
_PG_TABLE = f"CREATE TABLE IF NOT EXISTS {TABLE} (component text PRIMARY KEY, n bigint NOT NULL DEFAULT 0)"
# the table named with its schema, and pg_temp searched last: a researcher's own temporary table of that name
# would otherwise take the counts, and no window would hear of their changes
_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION broadsheet_work_changed() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE public.{TABLE} SET n = n + 1 WHERE component = TG_ARGV[0];
    RETURN NULL;
END
$$"""


def sqlite_counter_step(component: str, tables: Sequence[str]) -> Callable[[Any], None]:
    """The SQLite migration step counting every insert, update and delete on ``tables`` under ``component``."""

    def step(conn: Any) -> None:
        conn.execute(_SQLITE_TABLE)
        conn.execute(f"INSERT OR IGNORE INTO {TABLE} (component, n) VALUES ('{component}', 0)")
        for table in tables:
            for event in ("INSERT", "UPDATE", "DELETE"):
                conn.execute(f"CREATE TRIGGER IF NOT EXISTS {table}_{event.lower()}_counted AFTER {event} ON {table} "
                             f"BEGIN UPDATE {TABLE} SET n = n + 1 WHERE component = '{component}'; END")

    return step


def pg_counter_step(component: str, tables: Sequence[str]) -> Callable[[Any], None]:
    """The PostgreSQL migration step: one statement-level trigger per table (a bulk statement bumps once)."""

    def step(conn: Any) -> None:
        conn.execute(_PG_TABLE)
        # every role reads the counts (they say that something changed, nothing of what): a library migrated by
        # another role than the one that granted it to the researchers stays open to them
        conn.execute(f"GRANT SELECT ON {TABLE} TO PUBLIC")
        conn.execute(f"INSERT INTO {TABLE} (component, n) VALUES ('{component}', 0) ON CONFLICT DO NOTHING")
        conn.execute(_PG_FUNCTION)
        for table in tables:
            conn.execute(f"CREATE TRIGGER {table}_counted AFTER INSERT OR UPDATE OR DELETE ON {table} "
                         f"FOR EACH STATEMENT EXECUTE FUNCTION broadsheet_work_changed('{component}')")

    return step


#: the catalogue's counter: moved once by an import or a reindex that changed the library, when it has ended
CATALOGUE_CHANGES = "catalogue"
#: moved once by the check after an import that kept news for a researcher of what it did to their work
#: (``reader.app.work.tell_owners``): open windows ask whether it is theirs (that someone was told something, not
#: who or what)
NEWS_CHANGES = "news"


def count_change(conn: Connection, component: str) -> None:
    """Move ``component``'s counter by one, outside any transaction (the catalogue's writers call it when their
    work has ended). Best effort: a role that may not write the counters (a PostgreSQL library imported into by
    a role the library's owner did not make) imports as before; open windows see its articles when reopened."""
    create = _PG_TABLE if is_postgres(conn) else _SQLITE_TABLE
    try:
        conn.execute(create)
        conn.execute(f"INSERT INTO {TABLE} (component, n) VALUES (?, 1) "
                     f"ON CONFLICT (component) DO UPDATE SET n = {TABLE}.n + 1", (component,))
    except Exception as e:  # noqa: BLE001 - autocommit: a refused statement leaves nothing behind
        log.info("the change of %s was not counted (%s)", component, e)


def work_changes(conn: Connection) -> dict[str, int]:
    """{component: changes so far} (the components' stores made the table when they migrated; none in a read-only
    library of the release before the counters, read as it is — a file on read-only media or a replica)."""
    held = ("SELECT to_regclass(?) IS NOT NULL" if is_postgres(conn) else
            "SELECT count(*) > 0 FROM sqlite_master WHERE name = ?")
    if not conn.execute(held, (TABLE,)).fetchone()[0]:
        return {}
    return {str(c): int(n) for c, n in conn.execute(f"SELECT component, n FROM {TABLE}").fetchall()}
