"""``broadsheet library copy FROM TO``: a whole library from one kind of database into the other (a
folder's SQLite catalogue ↔ a PostgreSQL database), losing nothing.

Every table of the catalogue and of the reader's work is copied row for row with its ids (article ``num``, page and
issue ids, annotation ids, the order of corrections): sources, publications, issues, pages, blocks, lines, articles,
folded text, article pages, articles renamed, annotations, tags, collections, corrections — with owners and
visibility — and what each reader was told (``reader_memory``). The copy is ONE transaction on the destination (all
or nothing), into an empty library at the same schema versions (both are migrated first). The search index is not
copied: the destination marks every article unindexed and its own sync builds the index there.

On PostgreSQL, row-level security hides other researchers' private work from a researcher's role: copy
as the role that owns the tables (the one that ran ``library init``), which the policies do not apply to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reader.annotations.store import MIGRATIONS as ANNOTATION_MIGRATIONS
from reader.corrections.store import MIGRATIONS as CORRECTION_MIGRATIONS
from reader.library.catalogue import Library, LibraryError, fold_stored

#: (table, the columns that order its rows), parents before children
TABLES: tuple[tuple[str, str], ...] = (
    ("meta", "key"),
    ("reader_memory", "owner, key"),
    ("sources", "id"),
    ("publications", "id"),
    ("issues", "id"),
    ("pages", "id"),
    ("blocks", "page_id, seq"),
    ("page_lines", "page_id"),
    ("articles", "num"),
    ("article_text", "num"),
    ("article_pages", "page_id, article_num"),
    ("article_renames", "old"),
    ("annotations", "id"),
    ("tags", "id"),
    ("annotation_tags", "annotation, tag"),
    ("collections", "id"),
    ("collection_items", "collection, article"),
    ("corrections", "seq"),
)

#: identity columns whose sequence must continue after the copied ids (PostgreSQL)
IDENTITIES: tuple[tuple[str, str], ...] = (
    ("sources", "id"), ("publications", "id"), ("issues", "id"), ("pages", "id"), ("articles", "num"),
    ("tags", "id"), ("collections", "id"), ("corrections", "seq"),
)

#: the index's bookkeeping in ``meta``: it belongs to the source's index, not the copy
INDEX_META = ("index_token", "index_pending")

BATCH = 2000


def prepare(library: Library) -> dict[str, int]:
    """Bring every component of ``library`` to this Broadsheet's schema; its versions."""
    library.migrate("annotations", ANNOTATION_MIGRATIONS)
    library.migrate("corrections", CORRECTION_MIGRATIONS)
    return library.schema_versions()


def complete_index(library: Library, progress: Callable[[int, int], None] | None = None) -> int:
    """Give ``library``'s index what an upgrade could not make from the index alone and must read from the texts: a
    PostgreSQL index brought up from schema 3 gets its rare pairs (:meth:`reader.index.pg.PgIndex.fill_pairs`;
    until then a rare pair is answered by its buckets and verified on the texts). The articles read (0: nothing
    was missing); ``progress(done, total)``."""
    if library.kind != "postgres":
        return 0
    from reader.index.store import open_index

    index = open_index(library)
    try:
        fill = getattr(index, "fill_pairs", None)
        return 0 if fill is None or index.outdated else int(fill(progress=progress))
    finally:
        index.close()


def _holds_anything(library: Library) -> bool:
    for table in ("sources", "annotations", "collections", "corrections"):
        if library.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            return True
    return False


def copy_library(src: Library, dst: Library, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy everything of ``src`` into the empty ``dst``; {table: rows copied}. LibraryError (one
    sentence) when ``dst`` is not empty or the schemas differ."""
    versions = prepare(src)
    if prepare(dst) != versions:
        raise LibraryError(dst.location, "its schema differs from the library being copied "
                                         f"({dst.schema_versions()} against {versions})")
    if _holds_anything(dst):
        raise LibraryError(dst.location, "it already holds a library; copy into a new, empty one")
    counts: dict[str, int] = {}
    dst.refuse_a_reader()
    with dst.writing(), dst.transaction() as out:
        for table, order in TABLES:
            if table == "article_text" and not dst.stores_folded:
                counts[table] = _copy_folded(src, out)
            else:
                counts[table] = _copy_table(src, out, table, order)
            if progress is not None:
                progress(table, counts[table])
        out.execute(f"DELETE FROM meta WHERE key IN ({','.join('?' * len(INDEX_META))})", INDEX_META)
        out.execute("UPDATE articles SET indexed = 0")
        out.execute("DELETE FROM index_dropped")
        if dst.kind == "postgres":
            for table, column in IDENTITIES:
                out.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                            f"coalesce(max({column}), 0) + 1, false) FROM {table}")
    return counts


def _copy_table(src: Library, out: Any, table: str, order: str) -> int:
    """Every row of ``table`` from ``src`` into the destination's connection ``out``, by column name."""
    cur = src.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
    columns = [d[0] for d in cur.description]
    quoted = ", ".join(f'"{c}"' for c in columns)
    insert = f"INSERT INTO {table} ({quoted}) VALUES ({','.join('?' * len(columns))})"
    n = 0
    batch: list[Sequence[Any]] = []
    for row in cur:
        batch.append(tuple(row))
        if len(batch) >= BATCH:
            out.executemany(insert, batch)
            n += len(batch)
            batch = []
    if batch:
        out.executemany(insert, batch)
        n += len(batch)
    return n


def _copy_folded(src: Library, out: Any) -> int:
    """``article_text`` into a library that folds the stored parts when it is read (SQLite, schema 5: a view):
    only the texts folding would not give again go, into ``article_folded``; the number of texts read."""
    n = 0
    batch: list[tuple[int, str]] = []
    for num, parts, folded in src.conn.execute(
            "SELECT a.num, a.parts, t.folded FROM articles a JOIN article_text t ON t.num = a.num ORDER BY a.num"):
        n += 1
        if folded != fold_stored(parts):
            batch.append((num, folded))
    out.executemany("INSERT INTO article_folded (num, folded) VALUES (?, ?)", batch)
    return n


def table_rows(library: Library, table: str) -> list[tuple[Any, ...]]:
    """Every row of ``table`` in a kind-independent form (for comparing two libraries table by table):
    columns by name, rows sorted (the two kinds may collate text differently)."""
    order = dict(TABLES)[table]
    cur = library.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
    columns = [d[0] for d in cur.description]
    rows = [dict(zip(columns, row, strict=True)) for row in cur]
    names = sorted(columns)
    return sorted((tuple(r[c] for c in names) for r in rows), key=repr)
