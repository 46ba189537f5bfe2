"""Who made a piece of work and who may see it: owners and visibility of annotations, collections and
corrections, and PostgreSQL's row-level security that enforces it.

Every annotation, collection and correction has an ``owner`` and a ``visibility``:

- on PostgreSQL the owner is the database role that wrote it (``DEFAULT current_user``, never sent by the
  client) and the server enforces who sees what with ROW LEVEL SECURITY policies (:func:`rls_policies`):

  ==========  ==========================================================================
  private     the owner only (the default)
  group       also every role that shares a group role with the owner (both were
              GRANTed one role, e.g. ``GRANT historians TO alice, bob``)
  public      every role that can read the library
  ==========  ==========================================================================

  Only the owner changes or deletes a row (others may read group and public ones). A row of a child
  table (an annotation's tags, a collection's items) is seen and changed exactly as its parent is.
  The role that owns the tables (the one that ran ``library init``) and superusers are not subject
  to the policies: they administer the library (``library copy``, backups).
- on SQLite the columns exist too — the owner is the operating-system user, the visibility is
  recorded and exported — but one file on one desktop has no one to hide anything from.
"""

from __future__ import annotations

import enum
import getpass
import sqlite3
from collections.abc import Callable
from typing import Any


class Visibility(str, enum.Enum):
    """Who may see a piece of work besides its owner."""

    PRIVATE = "private"
    GROUP = "group"
    PUBLIC = "public"

    @classmethod
    def parse(cls, value: str | Visibility | None) -> Visibility:
        """``--visibility`` as given (None: private); ValueError naming the choices otherwise."""
        if value is None or value == "":
            return cls.PRIVATE
        try:
            return cls(str(value.value if isinstance(value, Visibility) else value).strip().lower())
        except ValueError:
            raise ValueError(f"visibility {value!r}: choose private, group or public") from None


VISIBILITIES = tuple(v.value for v in Visibility)


def os_user() -> str:
    """The operating-system user: the owner of work in a SQLite library."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return ""


def is_postgres(conn: Any) -> bool:
    """Whether ``conn`` is a PostgreSQL library's connection (the server sets owners)."""
    return not isinstance(conn, sqlite3.Connection)


def current_owner(conn: Any) -> str:
    """Who is writing: the database role on PostgreSQL, the operating-system user on SQLite."""
    if is_postgres(conn):
        return str(conn.execute("SELECT current_user").fetchone()[0])
    return os_user()


class Whose(enum.Enum):
    """How a piece of work stands to the reader (:func:`whose_work`)."""

    #: the reader's own (everything in a library folder)
    MINE = "mine"
    #: a colleague's that the reader may see: public, or shared with a group both are in
    SHARED = "shared"
    #: a colleague's that is not the reader's to see: private, or shared with a group the reader is not in
    HIDDEN = "hidden"


def whose_work(conn: Any) -> Callable[[str, str], Whose]:
    """Whose a piece of work owned by ``owner`` with ``visibility`` is to the reader of ``conn``, read as the
    row-level security policies read it (:func:`rls_policies`) — also for the role owning the tables and
    superusers, whom the policies do not hold back: they see every researcher's rows, and what the server shows
    them is not theirs to tell (seen: the owner's import report quoted a colleague's private highlight). In a
    folder every piece is the reader's own."""
    if not is_postgres(conn):
        return lambda owner, visibility: Whose.MINE
    me = current_owner(conn)
    shares: dict[str, bool] = {}

    def whose(owner: str, visibility: str) -> Whose:
        if not owner or owner == me:
            return Whose.MINE
        if visibility == Visibility.PUBLIC.value:
            return Whose.SHARED
        if visibility == Visibility.GROUP.value:
            if owner not in shares:
                shares[owner] = bool(conn.execute("SELECT broadsheet_shares_group(?)", (owner,)).fetchone()[0])
            if shares[owner]:
                return Whose.SHARED
        return Whose.HIDDEN

    return whose


#: the rule of ``group``: both roles are direct members of one common role
SHARES_GROUP = """
CREATE OR REPLACE FUNCTION broadsheet_shares_group(text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM pg_auth_members a JOIN pg_auth_members b ON a.roleid = b.roleid
                   WHERE a.member = (SELECT oid FROM pg_roles WHERE rolname = $1)
                     AND b.member = (SELECT oid FROM pg_roles WHERE rolname = current_user))
$$
"""


def owner_columns(table: str) -> str:
    """PostgreSQL DDL adding ``owner`` and ``visibility`` to ``table``."""
    return (f"ALTER TABLE {table} ADD COLUMN owner text NOT NULL DEFAULT current_user;\n"
            f"ALTER TABLE {table} ADD COLUMN visibility text NOT NULL DEFAULT 'private' "
            f"CHECK (visibility IN ('private', 'group', 'public'));\n"
            f"CREATE INDEX {table}_owner ON {table} (owner);\n")


def rls_policies(table: str) -> str:
    """PostgreSQL DDL: row-level security on a table with ``owner`` and ``visibility`` (see the module)."""
    seen = ("owner = current_user OR visibility = 'public' "
            "OR (visibility = 'group' AND broadsheet_shares_group(owner))")
    return (f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;\n"
            f"CREATE POLICY {table}_read ON {table} FOR SELECT USING ({seen});\n"
            f"CREATE POLICY {table}_insert ON {table} FOR INSERT WITH CHECK (owner = current_user);\n"
            f"CREATE POLICY {table}_update ON {table} FOR UPDATE USING (owner = current_user) "
            "WITH CHECK (owner = current_user);\n"
            f"CREATE POLICY {table}_delete ON {table} FOR DELETE USING (owner = current_user);\n")


def child_policies(table: str, parent: str, link: str, key: str = "id") -> str:
    """PostgreSQL DDL: rows of ``table`` are seen as their parent row is, changed only by its owner."""
    seen = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.{key} = {table}.{link})"
    mine = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.{key} = {table}.{link} AND p.owner = current_user)"
    return (f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;\n"
            f"CREATE POLICY {table}_read ON {table} FOR SELECT USING ({seen});\n"
            f"CREATE POLICY {table}_write ON {table} FOR ALL USING ({mine}) WITH CHECK ({mine});\n")


def sqlite_owner_step(tables: tuple[str, ...]) -> Any:
    """The SQLite migration adding ``owner`` (filled with the OS user) and ``visibility`` to ``tables``."""

    def step(conn: Any) -> None:
        for table in tables:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN owner TEXT NOT NULL DEFAULT ''")
            conn.execute(f"ALTER TABLE {table} ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'")
            conn.execute(f"UPDATE {table} SET owner = ?", (os_user(),))

    return step


#: what a researcher's role needs: read the catalogue, write their own work (row security does the rest)
#: (each counted for open windows: reader.library.changes); ``reader_memory``, each reader's own rows only, is granted
#: to every role by the catalogue's migration 10
WORK_TABLES = ("annotations", "annotation_tags", "tags", "collections", "collection_items", "corrections")


def grant_statements(role: str) -> list[str]:
    """SQL granting ``role`` (a group role, e.g. ``historians``) what a researcher needs in the library."""
    quoted = '"' + role.replace('"', '""') + '"'
    return [
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {quoted}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(WORK_TABLES)} TO {quoted}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
        # tables made later (the search index's, new components): readable too
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {quoted}",
    ]
