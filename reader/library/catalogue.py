"""The library: a folder on disk holding the catalogue (the truth), the search index and a manifest.

Layout of a library folder::

    catalogue.sqlite   SQLite in WAL mode: publications, issues, pages, lines, blocks,
                       articles (parts with roles, text and char→line spans), sources
    index/             the Whoosh index (reader.index.store), always rebuildable from the catalogue
    manifest.json      {"format": "broadsheet-library", "schema": {component: version},
                        "app_version", "created"}
    import.lock        held (flock) by the one process importing or indexing

A library can also live in a PostgreSQL database (``postgresql://…`` wherever a folder is named):
:class:`reader.library.postgres.PgLibrary`, the same class over a psycopg connection that speaks this
module's SQL (:mod:`reader.library.pgsql`).

The default library is ``platformdirs.user_data_dir("broadsheet")/library``;
``BROADSHEET_LIBRARY`` and an explicit folder (``--library DIR``) override it
(:func:`default_folder`, :func:`resolve_folder`). It is created on first use.

Schema versions and migrations
------------------------------
Every table belongs to a *component*; the table ``schema_version(component,
version, name, applied)`` records the migrations applied. A component's
migrations are an ordered list of :class:`Migration` ``(version, name, step)``
where ``step`` is an SQL script (str) or a function ``step(conn)``; versions
start at 1 and increase by one. :meth:`Library.migrate` applies the missing
ones, each in its own transaction together with its ``schema_version`` row,
so an interrupted upgrade resumes where it stopped. The catalogue's own list
is :data:`MIGRATIONS` (component ``"catalogue"``), applied when a library is
opened. Other parts of Broadsheet keep their tables in their own component::

    ANNOTATION_MIGRATIONS = [Migration(1, "annotations", "CREATE TABLE annotation (...);")]
    register_component("annotations", ANNOTATION_MIGRATIONS)   # at import time of the module
    # or explicitly, idempotent and cheap:  library.migrate("annotations", ANNOTATION_MIGRATIONS)

Registered components are migrated by every :class:`Library` opened after the
registration. Never edit a released migration: append a new one. A library
whose catalogue has a version newer than this program knows is refused with
:class:`LibraryError` rather than damaged.

Consistency
-----------
Each source file is stored in ONE transaction (:meth:`Library.store_document`):
its old pages and articles go and the new ones come in together (an import stores small files several to a
transaction, each in a savepoint of its own: :meth:`Library.batched`). Articles
carry ``indexed`` (0 until the index holds them) and the ids of articles that
left the catalogue (also those replaced under the same id) wait in
``index_dropped`` until the index deletes them, before it adds anything;
:mod:`reader.index.store` commits Whoosh first and only then marks the rows,
so a crash at any moment leaves rows to (re-)index and never a row marked
indexed that the index lacks. Search verifies every candidate against the
catalogue, so a stale index entry is never a hit.

Threads: a :class:`Library` keeps one SQLite connection per thread, so worker
threads may share the object. Writes (import, reindex) take the folder's
``import.lock`` (:meth:`Library.writing`): a second importer is refused at
once with :class:`LibraryBusyError`.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import logging
import os
import re
import sqlite3
import struct
import sys
import threading
import time
import urllib.parse
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from reader.library.changes import CATALOGUE_CHANGES, count_change
from reader.library.db import Connection, PerThread
from reader.library.owners import current_owner
from reader.model.document import Article, Block, Document, Line, Page, Part, Span
from reader.model.errors import BroadsheetError
from reader.text.forms import fold_text

log = logging.getLogger(__name__)

CATALOGUE = "catalogue.sqlite"
MANIFEST = "manifest.json"
INDEX_DIR = "index"
LOCK_FILE = "import.lock"
ENV_VAR = "BROADSHEET_LIBRARY"


#: The lines of an article's pages, by page number: ``(page id, page number, packed lines)``. The joins are ordered
#: (CROSS JOIN) article → its issue's pages → article_pages → lines, each by key: left to itself SQLite scanned
#: every line of the library (180 ms at 10,000 pages, on every hit opened in the window).
ARTICLE_LINES_SQL = (
    "SELECT g.id, g.number, l.data FROM articles a CROSS JOIN pages g CROSS JOIN article_pages ap "
    "CROSS JOIN page_lines l WHERE a.id = ? AND g.issue_id = a.issue_id AND ap.page_id = g.id "
    "AND ap.article_num = a.num AND l.page_id = g.id ORDER BY g.number, g.id")



def _moved_with(path: str | None, was: Path, now: Path) -> str | None:
    """A path under folder ``was`` that is not there now, at the same place under ``now``: a file moved with its
    folder (``path`` as it is otherwise)."""
    if not path or not Path(path).is_relative_to(was) or Path(path).exists():
        return path
    return str(now / Path(path).relative_to(was))

class LibraryError(BroadsheetError):
    """The library folder cannot be used: the message names the folder and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason.rstrip(".")
        super().__init__(f"{self.path}: {self.reason}.")


class LibraryBusyError(LibraryError):
    """Another process is importing into (or reindexing) the library."""


class LibraryReadOnlyError(LibraryError):
    """The library is on read-only media (or not the user's to write): it can be read, not changed."""


class NoLibraryError(LibraryError):
    """There is no library at the place given (a folder without a catalogue, a database without the schema), and
    the caller asked not to create one: a mistyped ``--library`` made an empty library and searched it (0 hits)."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason.rstrip(".")
        BroadsheetError.__init__(self, f"no library at {self.path} ({self.reason}).")


class NotFoundError(LibraryError):
    """No article, page or issue with that id in the library."""


@dataclass(frozen=True)
class Migration:
    """One step of a component's schema: an SQL script or a function of the connection."""

    version: int
    name: str
    step: str | Callable[[Any], None]
    #: the same step for a PostgreSQL library when SQLite's is not portable (its own DDL: identity columns,
    #: ``double precision``, ``bytea`` …); None: ``step`` serves both kinds
    pg: str | Callable[[Any], None] | None = None
    #: the schema before this step reads the same (the step adds only what writers and open windows use, e.g. the
    #: counters of changes): a read-only library that lacks it is read as it is, not refused
    reads_as_before: bool = False

    def step_for(self, kind: str) -> str | Callable[[Any], None]:
        """The step to run on a library of ``kind`` (``"sqlite"`` or ``"postgres"``)."""
        return self.pg if kind == "postgres" and self.pg is not None else self.step


#: SQLite's ``article_text`` from schema 5 on: the folded text computed from the stored parts (``bs_fold``, a
#: Python function every connection registers: :func:`fold_stored`) unless ``article_folded`` holds it (a text the
#: old code folded otherwise, kept as it was). Readers select from it as from the table it replaced.
ARTICLE_TEXT_VIEW = (
    "CREATE VIEW article_text AS SELECT a.num AS num, "
    "coalesce((SELECT f.folded FROM article_folded f WHERE f.num = a.num), bs_fold(a.parts)) AS folded "
    "FROM articles a")

#: rows rewritten per statement by migration 5
_MIGRATION_BATCH = 2000


def _compact_common(conn: Any, blob_type: str, key_type: str) -> None:
    """Migration 5, both kinds: each article's spans move from its ``parts`` JSON into ``articles.spans``
    (:func:`pack_spans`), the JSON keeping roles and texts; a page's lines go from a row each into one packed
    row per page (``page_lines``, :func:`pack_lines`). In batches, inside the migration's one transaction: a
    crash leaves schema 4 whole."""
    _lines_per_page(conn, blob_type, key_type)
    conn.execute(f"ALTER TABLE articles ADD COLUMN spans {blob_type}")
    last = 0
    while True:
        rows = conn.execute("SELECT num, parts FROM articles WHERE num > ? ORDER BY num LIMIT ?",
                            (last, _MIGRATION_BATCH)).fetchall()
        if not rows:
            return
        updates = []
        for num, stored in rows:
            parts = parts_from_json(stored)
            updates.append((parts_json(parts), pack_spans(parts), num))
        conn.executemany("UPDATE articles SET parts = ?, spans = ? WHERE num = ?", updates)
        last = rows[-1][0]


def _lines_per_page(conn: Any, blob_type: str, key_type: str) -> None:
    conn.execute(f"CREATE TABLE page_lines (page_id {key_type} PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE, "
                 f"count INTEGER NOT NULL, data {blob_type} NOT NULL)")
    last = 0
    while True:
        pages = [r[0] for r in conn.execute("SELECT id FROM pages WHERE id > ? ORDER BY id LIMIT ?",
                                            (last, _MIGRATION_BATCH // 10)).fetchall()]
        if not pages:
            break
        lines: dict[int, list[LineRow]] = {p: [] for p in pages}
        for page_id, *line in conn.execute(
                "SELECT page_id, id, block, text, x0, y0, x1, y1 FROM lines WHERE page_id IN "
                "(SELECT value FROM json_each(?)) ORDER BY page_id, seq", (json.dumps(pages),)).fetchall():
            lines[page_id].append(tuple(line))
        conn.executemany("INSERT INTO page_lines (page_id, count, data) VALUES (?, ?, ?)",
                         [(p, len(rows), pack_lines(rows)) for p, rows in lines.items() if rows])
        last = pages[-1]
    conn.execute("DROP TABLE lines")


def _compact_sqlite(conn: Any) -> None:
    """Migration 5 on SQLite: spans and lines packed (:func:`_compact_common`), and ``article_text`` (a second
    copy of every text, 1.15× the text at 10,000 pages) becomes a view folding the stored parts; a stored folded
    text that folding the parts would not give again (folding changed since its import) is kept in
    ``article_folded``, so nothing is lost."""
    _compact_common(conn, "BLOB", "INTEGER")
    conn.execute("CREATE TABLE article_folded (num INTEGER PRIMARY KEY REFERENCES articles(num) ON DELETE CASCADE, "
                 "folded TEXT NOT NULL)")
    conn.execute("INSERT INTO article_folded (num, folded) SELECT t.num, t.folded FROM article_text t "
                 "JOIN articles a ON a.num = t.num WHERE t.folded IS NOT bs_fold(a.parts)")
    conn.execute("DROP TABLE article_text")
    conn.execute(ARTICLE_TEXT_VIEW)


def _compact_pg(conn: Any) -> None:
    """Migration 5 on PostgreSQL: spans packed; ``article_text`` stays a table (the server cannot call Python to
    fold, and its ``strpos`` verification reads it)."""
    _compact_common(conn, "bytea", "bigint")


def _texts_in_rows_pg(conn: Any) -> None:
    """Migration 8 on PostgreSQL: ``article_text``'s folded texts in the table's own pages up to ~8 KB.

    PostgreSQL moves a value out of its row into ~2 KB TOAST chunks once the row passes ~2 KB, after trying to
    compress it (pglz gives up on CJK text, which saves under a quarter). Verifying a rare pair reads every
    candidate's text: a 7 KB text was its row and four chunks found through the TOAST index. With the row's target
    at a page, the text is in the row (90 % of the articles at 100,000 pages; longer ones are still chunked).
    Measured at 100,000 pages (warm, the verifying statement): 在千's 3,397 candidates 68–69 → 48–56 ms.
    ``USING folded || ''`` rewrites every row under the new target (a bare ``TYPE text`` would not)."""
    conn.execute("ALTER TABLE article_text SET (toast_tuple_target = 8160)")
    conn.execute("ALTER TABLE article_text ALTER COLUMN folded TYPE text USING folded || ''")


#: the ``meta`` keys (a reader's role or user after a colon) that held what a reader was told, before migration 10
#: moved them into ``reader_memory``: ``meta`` is read by every researcher of a shared library
MEMORY_KEYS_IN_META = ("collection_entries_said_gone", "corrections_said_stale")

#: migration 10 on PostgreSQL: each row seen and written by its reader only (row-level security, no visibility: a
#: memory is never shared); every role may use the table, as every role may read the counters of changes — the
#: policy keeps each to their own rows, and a library migrated after its researchers were granted stays theirs
READER_MEMORY_PG = """
CREATE TABLE reader_memory (owner text NOT NULL DEFAULT current_user, key text NOT NULL, value text NOT NULL,
                            PRIMARY KEY (owner, key));
ALTER TABLE reader_memory ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_memory_own ON reader_memory FOR ALL USING (owner = current_user)
    WITH CHECK (owner = current_user);
GRANT SELECT, INSERT, UPDATE, DELETE ON reader_memory TO PUBLIC
"""


def _reader_memory(conn: Any, ddl: str) -> None:
    """Migration 10: ``reader_memory`` made (``ddl``), and the memories kept in ``meta`` moved into it under their
    reader (the name after the key's colon)."""
    for statement in _split_sql(ddl):
        conn.execute(statement)
    for key, value in conn.execute("SELECT key, value FROM meta").fetchall():
        prefix, colon, reader = str(key).partition(":")
        if colon and prefix in MEMORY_KEYS_IN_META:
            conn.execute("INSERT INTO reader_memory (owner, key, value) VALUES (?, ?, ?)", (reader, prefix, value))
            conn.execute("DELETE FROM meta WHERE key = ?", (key,))


def _reader_memory_sqlite(conn: Any) -> None:
    _reader_memory(conn, "CREATE TABLE IF NOT EXISTS reader_memory (owner TEXT NOT NULL, key TEXT NOT NULL, "
                         "value TEXT NOT NULL, PRIMARY KEY (owner, key)) WITHOUT ROWID")


def _reader_memory_pg(conn: Any) -> None:
    _reader_memory(conn, READER_MEMORY_PG)


#: The catalogue's migrations, oldest first. Append; never edit a released one.
MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "catalogue",
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL,
            mtime REAL,
            size INTEGER,
            format TEXT,
            imported TEXT,
            warnings TEXT
        );
        CREATE TABLE publications (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY,
            publication_id INTEGER NOT NULL REFERENCES publications(id),
            date TEXT NOT NULL DEFAULT '',
            edition TEXT NOT NULL DEFAULT '',
            label TEXT,
            language TEXT,
            UNIQUE (publication_id, date, edition)
        );
        CREATE INDEX issues_date ON issues(date);
        CREATE TABLE pages (
            id INTEGER PRIMARY KEY,
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            number INTEGER NOT NULL,
            label TEXT,
            image TEXT,
            image_scale REAL,
            width REAL,
            height REAL,
            units TEXT,
            vertical INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX pages_issue ON pages(issue_id, number);
        CREATE INDEX pages_source ON pages(source_id);
        CREATE TABLE blocks (
            page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            type TEXT,
            x0 REAL, y0 REAL, x1 REAL, y1 REAL,
            vertical INTEGER NOT NULL DEFAULT 0,
            ord INTEGER,
            PRIMARY KEY (page_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE lines (
            page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            block TEXT,
            text TEXT NOT NULL,
            x0 REAL, y0 REAL, x1 REAL, y1 REAL,
            PRIMARY KEY (page_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE articles (
            num INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            local_id TEXT NOT NULL,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            headline TEXT,
            title TEXT,
            pages TEXT NOT NULL,
            first_page INTEGER,
            parts TEXT NOT NULL,
            chars INTEGER NOT NULL,
            indexed INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX articles_issue ON articles(issue_id, seq);
        CREATE INDEX articles_source ON articles(source_id);
        CREATE INDEX articles_unindexed ON articles(indexed) WHERE indexed = 0;
        CREATE TABLE article_text (
            num INTEGER PRIMARY KEY REFERENCES articles(num) ON DELETE CASCADE,
            folded TEXT NOT NULL
        );
        CREATE TABLE article_pages (
            article_num INTEGER NOT NULL REFERENCES articles(num) ON DELETE CASCADE,
            page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            PRIMARY KEY (page_id, article_num)
        ) WITHOUT ROWID;
        CREATE TABLE index_dropped (id TEXT PRIMARY KEY) WITHOUT ROWID;
        """,
    ),
    # the file a page was read from when it is not the source itself (the ALTO files of a METS issue)
    Migration(2, "page source files", "ALTER TABLE pages ADD COLUMN source_file TEXT"),
    Migration(3, "sources by content", "CREATE INDEX IF NOT EXISTS sources_sha256 ON sources (sha256)"),
    # what search orders and ranks by, for every article, without reading the articles' big rows (their parts):
    # 0.83 s → 0.11 s at 54,000 articles, the largest part of a search's start-up in a new process
    Migration(4, "article summary", "CREATE INDEX IF NOT EXISTS articles_summary "
                                    "ON articles (issue_id, num, first_page, seq, kind, chars)"),
    # the text once in the articles (issue 17): 5.2× → see docs/ARCHITECTURE.md "Catalogue composition"
    Migration(5, "compact articles", _compact_sqlite, pg=_compact_pg),
    # the search filters from indexes (issue 17), both kinds: page:N from the pages so numbered and article_pages,
    # not every article's page list (60–110 ms → a few ms at 54,000 articles); kind:X from the articles of that kind
    # (with their issue, for the date and publication filters beside it) instead of every article's
    Migration(6, "filters by index", "CREATE INDEX IF NOT EXISTS pages_number ON pages (number); "
                                     "CREATE INDEX IF NOT EXISTS articles_kind ON articles (kind, issue_id)"),
    # what ranking needs of each hit, looked up by row (issue 17/18): the articles' rows are wide (parts, spans) and a
    # rare pair's 2,690 hits at 100,000 pages were ~3,400 scattered pages; this index is ~30 MB. SQLite prefers the
    # row id to a covering index, so the statement names it (``INDEXED BY``, from this version on); PostgreSQL's
    # planner picks it itself (an index-only scan once autovacuum has marked the pages visible)
    Migration(7, "ranking summary by row",
              "CREATE INDEX IF NOT EXISTS articles_rank ON articles (num, issue_id, first_page, seq, kind, chars)",
              pg="CREATE INDEX IF NOT EXISTS articles_rank ON articles (num) "
                 "INCLUDE (issue_id, first_page, seq, kind, chars)"),
    # PostgreSQL: a folded text of up to ~8 KB kept in its row, not cut into TOAST chunks (issue 18); SQLite's
    # article_text is a view (nothing to do)
    Migration(8, "texts in their rows", "", pg=_texts_in_rows_pg),
    # an article whose id changed on a re-import (its first line edited: :func:`article_anchor`), old id → new id,
    # so the reader's work on it follows it (:func:`renamed_articles`; reader.app.work re-keys the work)
    Migration(9, "articles renamed", "CREATE TABLE IF NOT EXISTS article_renames "
                                     "(old TEXT PRIMARY KEY, new TEXT NOT NULL, renamed TEXT NOT NULL)",
              reads_as_before=True),
    # what each reader was already told (the collection entries said gone, the corrections said no longer to apply,
    # the news of a colleague's import: :meth:`Library.memory`), private to them — it was in ``meta``, which every
    # researcher reads, and named the owner's private collections. Only writers use it: a read-only library reads
    # the same without it
    Migration(10, "what each reader was told, private to them", _reader_memory_sqlite, pg=_reader_memory_pg,
              reads_as_before=True),
    # folding spells œ and æ as oe and ae (reader.text.forms.FOLD_VERSION 2): the folded texts stored as they were
    # folded (SQLite: those kept in ``article_folded``; PostgreSQL: every text) folded so too, as folding them again
    # would (the old folding left œ and æ as œ and æ). The index, of another term layout, is rebuilt. A read-only
    # library reads as before but for those few stored texts
    Migration(11, "œ and æ folded as oe and ae",
              "UPDATE article_folded SET folded = replace(replace(folded, 'œ', 'oe'), 'æ', 'ae') "
              "WHERE instr(folded, 'œ') > 0 OR instr(folded, 'æ') > 0",
              pg="UPDATE article_text SET folded = replace(replace(folded, 'œ', 'oe'), 'æ', 'ae') "
                 "WHERE strpos(folded, 'œ') > 0 OR strpos(folded, 'æ') > 0",
              reads_as_before=True),
]
#: the catalogue version from which ``articles_rank`` exists
RANK_INDEX_VERSION = 7
#: the catalogue version from which ``article_renames`` exists
RENAMES_VERSION = 9

_components: dict[str, Sequence[Migration]] = {}
_components_lock = threading.Lock()


def register_component(name: str, migrations: Sequence[Migration]) -> None:
    """Have every library opened from now on migrate ``name`` with ``migrations``."""
    _check_migrations(name, migrations)
    with _components_lock:
        _components[name] = list(migrations)


def _check_migrations(component: str, migrations: Sequence[Migration]) -> None:
    for i, m in enumerate(migrations, start=1):
        if m.version != i:
            raise ValueError(f"migrations of {component!r} must be numbered 1, 2, … (found {m.version} at {i})")


# ---------------------------------------------------------------- locations


def default_folder() -> Path:
    """``$BROADSHEET_LIBRARY`` or the platform data folder's ``library``."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("broadsheet")) / "library"


def resolve_folder(folder: str | Path | None) -> Path:
    """The folder given (``--library DIR``), else :func:`default_folder`."""
    return Path(folder).expanduser() if folder else default_folder()


def is_url(where: str | Path | None) -> bool:
    """Whether ``where`` names a PostgreSQL database (``postgresql://…``) rather than a folder."""
    return isinstance(where, str) and where.startswith(("postgresql://", "postgres://"))


#: catalogue schema versions whose migration rewrites every article (minutes for a large library)
SLOW_MIGRATIONS = frozenset({5})
#: the same on PostgreSQL: 5 packs every article's spans, 8 rewrites every text into its row
SLOW_PG_MIGRATIONS = frozenset({5, 8})


def needs_long_upgrade(where: str | Path | None) -> bool:
    """Whether opening the library at ``where`` first runs a migration that rewrites every article.

    Read-only and cheap (one query on the catalogue's ``schema_version``), so a window can open such a library
    in the background and say what is happening instead of freezing while it is rewritten. False for a library
    that does not exist yet or one that cannot be read (the open then says why)."""
    location = resolve_location(where)
    if isinstance(location, str):
        from reader.library.postgres import catalogue_version

        current = catalogue_version(location)
        return current > 0 and any(current < v <= len(MIGRATIONS) for v in SLOW_PG_MIGRATIONS)
    path = location / CATALOGUE
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect("file:" + urllib.parse.quote(str(path)) + "?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT MAX(version) FROM schema_version WHERE component = 'catalogue'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    current = int(row[0] or 0) if row else 0
    return current > 0 and any(current < v <= len(MIGRATIONS) for v in SLOW_MIGRATIONS)


def resolve_location(where: str | Path | None) -> str | Path:
    """``--library`` as given, else ``$BROADSHEET_LIBRARY``, else the default folder: a URL stays a string."""
    if where:
        return str(where) if is_url(str(where)) else Path(where).expanduser()
    env = os.environ.get(ENV_VAR)
    if env and is_url(env):
        return env
    return default_folder()


#: How much of an article's own text (whitespace removed) anchors its id when it has no source line.
ANCHOR_CHARS = 48


def article_key(source_path: str, anchor: str) -> str:
    """The library id of the article of ``source_path`` anchored on ``anchor`` (see :func:`article_keys`)."""
    digest = hashlib.sha1(f"{source_path}\0{anchor}".encode()).hexdigest()
    return "a" + digest[:15]


def article_anchor(article: Article) -> str:
    """What identifies an article inside its source whatever happens around it: its headline and the text
    of its first source line (whitespace removed) — Chinese articles often open on the same dateline
    (本报北京1月26日电), so the line alone is not enough — else the start of its text, else its reader's id."""
    headline = "".join((article.headline or "").split())
    for part in article.parts:
        if part.spans:
            first = part.spans[0].line
            line = "".join(part.text[sp.start:sp.end] for sp in part.spans if sp.line == first)
            line = "".join(line.split())
            if line:
                return f"line:{headline}|{line}"
            break
    text = "".join(article.text.split())[:ANCHOR_CHARS]
    return f"text:{text}" if text else f"id:{article.id}"


def article_keys(source_path: str, articles: Sequence[Article]) -> list[str]:
    """The stable library ids of a source's articles, anchored on their own content, not their rank.

    Deleting, inserting or reordering articles in a source and re-importing it keeps the id of every
    article whose beginning did not change, so notes, collections and corrections stay on it. Articles
    that begin alike (two adverts with one text) are told apart by their order among themselves only.
    """
    return anchored_keys(source_path, [article_anchor(a) for a in articles])


def anchored_keys(source_path: str, anchors: Sequence[str]) -> list[str]:
    """:func:`article_keys` from the articles' anchors (:func:`article_anchor`), in the source's order."""
    seen: dict[str, int] = {}
    keys = []
    for anchor in anchors:
        n = seen.get(anchor, 0)
        seen[anchor] = n + 1
        keys.append(article_key(source_path, anchor if n == 0 else f"{anchor}#{n}"))
    return keys


#: the share of an article's lines (by their text) that must be found in one new article of its source, and in no
#: other as many, for that article to be taken as it under a new id
RENAME_SHARE = 0.5


def line_texts(parts: str, spans: bytes | None) -> set[str]:
    """The texts (whitespace removed) of the source lines an article's stored parts show."""
    pieces: dict[str, list[str]] = {}
    for _role, text, sp in stored_parts(parts, spans):
        for start, end, line, _ in sp:
            pieces.setdefault(line, []).append(text[start:end])
    return {t for t in ("".join("".join(p).split()) for p in pieces.values()) if t}


def renamed_keys(old: Sequence[tuple[str, str, bytes | None]],
                 new: Sequence[tuple[str, str, bytes | None]]) -> list[tuple[str, str]]:
    """(old id, new id) of the articles of a re-imported source whose id changed while they stayed themselves.

    ``old`` and ``new``: (id, parts, spans) of the source's articles before and after. An article whose id is
    gone is the new article (whose id is new) holding more than :data:`RENAME_SHARE` of its lines' texts, when
    exactly one holds the most; each new article is taken once (the best match first). A one-character fix in
    an article's first line changes its id (:func:`article_anchor`), not what it is."""
    new_ids = {k for k, _, _ in new}
    gone = [(k, line_texts(p, s)) for k, p, s in old if k not in new_ids]
    old_ids = {k for k, _, _ in old}
    holders: dict[str, list[str]] = {}
    for k, p, s in new:
        if k not in old_ids:
            for text in line_texts(p, s):
                holders.setdefault(text, []).append(k)
    candidates: list[tuple[float, str, str]] = []
    for key, texts in gone:
        counts: Counter[str] = Counter(h for t in texts for h in holders.get(t, ()))
        ranked = counts.most_common(2)
        tied = len(ranked) > 1 and ranked[1][1] == ranked[0][1]
        if not ranked or tied or ranked[0][1] <= RENAME_SHARE * len(texts):
            continue
        candidates.append((ranked[0][1] / len(texts), key, ranked[0][0]))
    out: list[tuple[str, str]] = []
    taken: set[str] = set()
    for _, key, to in sorted(candidates, reverse=True):
        if to not in taken:
            taken.add(to)
            out.append((key, to))
    return out


def stored_anchors(before: Sequence[tuple[str, str, bytes | None, str | None, str]]) -> list[str]:
    """:func:`article_anchor` of articles as stored ((id, parts, spans, title, the reader's id) each, in the source's
    order), numbered as :func:`anchored_keys` numbers them (two articles beginning alike: ``anchor#1``). An article
    with no text is anchored on the reader's id, as when it was read (on the library's id it never matched: such an
    article got a new id when its moved file was read again — seen in review)."""
    seen: dict[str, int] = {}
    out = []
    for key, parts, spans, title, local in before:
        try:
            anchor = article_anchor(Article(id=local, parts=parts_from_json(parts, spans), title=title))
        except ValueError:  # a damaged line map: the article is anchored anew
            anchor = f"id:{key}"
        n = seen.get(anchor, 0)
        seen[anchor] = n + 1
        out.append(anchor if n == 0 else f"{anchor}#{n}")
    return out


def kept_keys(before: Sequence[tuple[str, str, bytes | None, str | None, str]],
              anchors: Sequence[str]) -> list[str | None]:
    """For each article of a source read again (``anchors``, in its order), the id the source's article of the same
    anchor had (``before``: (id, parts, spans, title, the reader's id) of what it gave), else None. The ids are made
    from the path a file was first imported under: read again at another path (moved, its folder renamed), its
    articles are the same."""
    was = dict(zip(stored_anchors(before), (row[0] for row in before), strict=True))
    seen: dict[str, int] = {}
    out: list[str | None] = []
    for anchor in anchors:
        n = seen.get(anchor, 0)
        seen[anchor] = n + 1
        out.append(was.get(anchor if n == 0 else f"{anchor}#{n}"))
    return out


def _others_ids(conn: Connection, keys: Sequence[str]) -> set[str]:
    """Which of ``keys`` are ids of articles in the catalogue now."""
    found: set[str] = set()
    for i in range(0, len(keys), 500):
        chunk = list(keys[i:i + 500])
        found.update(str(r[0]) for r in conn.execute(
            f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def renamed_key(key: str, keys: Mapping[str, str]) -> str:
    """``key`` under the new id ``keys`` gives its article (a split-off ``key~line`` by its root), else itself."""
    root, tilde, rest = key.partition("~")
    new = keys.get(root)
    return new + tilde + rest if new else key


# ---------------------------------------------------------------- plain rows for listings


@dataclass(frozen=True)
class PublicationInfo:
    id: int
    name: str
    issues: int


@dataclass(frozen=True)
class IssueInfo:
    id: int
    publication: str
    date: str
    edition: str
    label: str | None
    pages: int
    articles: int


@dataclass(frozen=True)
class PageInfo:
    id: int
    issue_id: int
    number: int
    label: str | None
    source: str
    sha256: str
    image: str | None
    width: float | None
    height: float | None
    articles: int


@dataclass(frozen=True)
class ArticleInfo:
    id: str
    num: int
    local_id: str
    issue_id: int
    publication: str
    date: str
    edition: str
    kind: str
    headline: str | None
    pages: tuple[int, ...]
    chars: int
    source: str


@dataclass(frozen=True)
class SourceInfo:
    id: int
    path: str
    sha256: str
    mtime: float | None
    size: int | None
    format: str | None


@dataclass
class StoreMeta:
    """What the importer decided about a source: where its pages belong."""

    publication: str
    date: str = ""
    edition: str = ""
    issue_label: str | None = None
    language: str | None = None
    #: number of the source's first page when the user or a path pattern says so
    first_page: int | None = None


@dataclass
class StoreResult:
    source_id: int
    pages: int
    articles: int
    chars: int
    article_ids: list[str] = field(default_factory=list)
    #: catalogue rows of the stored articles, in the document's order
    article_nums: list[int] = field(default_factory=list)


class PageRows(NamedTuple):
    """One page as the catalogue stores it (``pages``, ``blocks``, ``page_lines``), without the ids the library
    gives: made where the file is read (:func:`source_rows`), inserted as it is (:meth:`Library.store_rows`)."""

    #: the reader's page number (the library shifts it when the user or a path names the first page)
    number: int
    label: str | None
    image: str | None
    image_scale: float | None
    width: float | None
    height: float | None
    units: str | None
    vertical: int
    #: the file the page was read from (a METS issue's ALTO page), else None
    source: str | None
    #: each block as a ``blocks`` row without its page id: (seq, id, type, x0, y0, x1, y1, vertical, order)
    blocks: tuple[tuple[Any, ...], ...]
    #: the number of lines and :func:`pack_lines` of them (None: a page without lines)
    line_count: int
    lines: bytes | None


class ArticleRows(NamedTuple):
    """One article as ``articles`` stores it, without the ids and page numbers the library decides."""

    local_id: str
    kind: str
    headline: str | None
    title: str | None
    #: the reader's numbers of its pages
    pages: tuple[int, ...]
    #: :func:`parts_json` and :func:`pack_spans` of its parts
    parts: str
    spans: bytes
    #: the length of its text (``Article.text``)
    chars: int
    #: :func:`article_anchor`, from which the library makes its stable id (:func:`anchored_keys`)
    anchor: str


@dataclass(frozen=True)
class SourceRows:
    """What :meth:`Library.store_rows` inserts for one source file, packed without a library.

    An import's reading processes make it (:func:`source_rows`) and send it instead of the
    :class:`Document`: a few strings and byte strings per page and article where the document is an
    object per line, word and span, so the importing process unpickles little and packs nothing.
    """

    format: str
    warnings: tuple[str, ...]
    pages: tuple[PageRows, ...]
    articles: tuple[ArticleRows, ...]
    #: ``fold_text`` of each article's text, when the reader folded them (the index takes them)
    folded: tuple[str, ...] | None = None


def source_rows(doc: Document, folded: Sequence[str] | None = None) -> SourceRows:
    """The catalogue's rows of ``doc`` (``folded``: its articles' folded texts, when the caller has them)."""
    return SourceRows(format=doc.format, warnings=tuple(doc.warnings), pages=tuple(map(_page_rows, doc.pages)),
                      articles=tuple(map(_article_rows, doc.articles)),
                      folded=None if folded is None else tuple(folded))


def _page_rows(page: Page) -> PageRows:
    block_of: dict[str, str] = {}
    blocks = []
    for bseq, block in enumerate(page.blocks):
        blocks.append((bseq, block.id, block.type, *(block.box or (None, None, None, None)), int(block.vertical),
                       block.order))
        for line in block.lines:
            block_of[line.id] = block.id
    lines = pack_lines([(line.id, block_of.get(line.id), line.text, *(line.box or (None,) * 4))
                        for line in page.lines]) if page.lines else None
    return PageRows(page.number, page.label, page.image, page.image_scale, page.width, page.height, page.units,
                    int(page.vertical), page.source, tuple(blocks), len(page.lines), lines)


def _article_rows(article: Article) -> ArticleRows:
    return ArticleRows(article.id, article.kind, article.headline, article.title, tuple(article.pages or ()),
                       parts_json(article.parts), pack_spans(article.parts), len(article.text),
                       article_anchor(article))


_ARTICLE_COLUMNS = (
    "a.num, a.id, a.local_id, a.issue_id, p.name, i.date, i.edition, a.kind, a.headline, a.pages, a.chars, s.path"
)
_ARTICLE_JOIN = (
    "articles a JOIN issues i ON i.id = a.issue_id JOIN publications p ON p.id = i.publication_id "
    "JOIN sources s ON s.id = a.source_id"
)


def _article_info(row: Sequence[Any]) -> ArticleInfo:
    return ArticleInfo(
        num=row[0], id=row[1], local_id=row[2], issue_id=row[3], publication=row[4], date=row[5],
        edition=row[6], kind=row[7], headline=row[8], pages=tuple(json.loads(row[9])), chars=row[10],
        source=row[11],
    )


def parts_json(parts: Sequence[Part]) -> str:
    """Parts as stored in ``articles.parts``: ``[{"role", "text"}]`` (their spans go to ``articles.spans``,
    :func:`pack_spans`). Schema 4 and before kept the spans here too (``"spans": [[start, end, line,
    line_start], …]``, 41% of the column); :func:`parts_from_json` still reads that form."""
    return json.dumps([{"role": p.role, "text": p.text} for p in parts], ensure_ascii=False, separators=(",", ":"))


#: first byte of a packed spans blob: the layout's version (:func:`pack_spans`)
SPANS_V1 = 1


def pack_spans(parts: Sequence[Part]) -> bytes:
    """The parts' char→line spans packed for ``articles.spans``: zlib over the article's line ids (a JSON list, in
    order of first use) and int32 little-endian per part ``count`` then per span ``start − previous end``,
    ``end − start``, ``line index − previous index``, ``line_start`` — small, repetitive numbers (a line is
    mostly the next one, a span mostly starts where the last ended), so 205 MB of JSON spans at 10,000 pages
    become a few MB."""
    ids: dict[str, int] = {}
    ints = array("i")
    for p in parts:
        ints.append(len(p.spans))
        prev_end = prev_line = 0
        for sp in p.spans:
            k = ids.setdefault(sp.line, len(ids))
            ints.extend((sp.start - prev_end, sp.end - sp.start, k - prev_line, sp.line_start))
            prev_end, prev_line = sp.end, k
    if sys.byteorder == "big":
        ints.byteswap()
    head = json.dumps(list(ids), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return bytes([SPANS_V1]) + zlib.compress(struct.pack("<I", len(head)) + head + ints.tobytes())


def unpack_spans(blob: bytes, count: int) -> list[list[tuple[int, int, str, int]]]:
    """The spans of ``count`` parts from :func:`pack_spans`; ValueError when the blob is not one."""
    if not blob or blob[0] != SPANS_V1:
        raise ValueError("not a packed spans blob of a known layout")
    try:
        return _unpacked_spans(zlib.decompress(blob[1:]), count)
    except (zlib.error, struct.error, IndexError, UnicodeDecodeError) as e:
        raise ValueError(f"a damaged packed spans blob ({e})") from e


def _unpacked_spans(raw: bytes, count: int) -> list[list[tuple[int, int, str, int]]]:
    (size,) = struct.unpack_from("<I", raw)
    ids = json.loads(raw[4:4 + size].decode("utf-8"))
    ints = array("i")
    ints.frombytes(raw[4 + size:])
    if sys.byteorder == "big":
        ints.byteswap()
    out: list[list[tuple[int, int, str, int]]] = []
    i = 0
    for _ in range(count):
        n = ints[i]
        i += 1
        spans = []
        prev_end = prev_line = 0
        for j in range(i, i + 4 * n, 4):
            start = prev_end + ints[j]
            prev_end = start + ints[j + 1]
            prev_line += ints[j + 2]
            spans.append((start, prev_end, ids[prev_line], ints[j + 3]))
        i += 4 * n
        out.append(spans)
    if i != len(ints):
        raise ValueError("a packed spans blob of another length than its parts")
    return out


#: a line as the catalogue keeps it: id, block id, text, box (x0, y0, x1, y1; None without one)
LineRow = tuple[str, str | None, str, float | None, float | None, float | None, float | None]
#: first byte of a packed page of lines (:func:`pack_lines`)
LINES_V1 = 1


def pack_lines(rows: Sequence[Sequence[Any]]) -> bytes:
    """A page's lines (:data:`LineRow`, in reading order) as ``page_lines.data``: zlib over their JSON. A row per
    line cost ~33 bytes of keys and headers beside a 45-byte text; a page of them packed is 0.40× (461 → ~200 MB
    at 10,000 pages). A page is only ever read whole (the layout view) or searched for a line id."""
    norm = [[r[0], r[1], r[2], None, None, None, None] if r[3] is None and r[4] is None and r[5] is None
            and r[6] is None else [r[0], r[1], r[2], *(None if v is None else float(v) for v in r[3:7])]
            for r in rows]  # (lines without a box, a plain-text page's, without a generator each)
    # level 1: 0.40× in half the time of level 6's 0.39× (the importing process packs every page)
    return bytes([LINES_V1]) + zlib.compress(json.dumps(norm, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def unpack_lines(blob: bytes) -> list[LineRow]:
    """The lines of :func:`pack_lines`; ValueError when the blob is not one."""
    if not blob or blob[0] != LINES_V1:
        raise ValueError("not a packed page of lines of a known layout")
    try:
        return [(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in json.loads(zlib.decompress(bytes(blob)[1:]))]
    except (zlib.error, IndexError, TypeError, UnicodeDecodeError) as e:
        raise ValueError(f"a damaged packed page of lines ({e})") from e


def holds_line(blob: bytes, line_id: str) -> bool:
    """Whether the packed lines :func:`pack_lines` made hold the line ``line_id``: its row's start (``["<id>",``)
    found in the decompressed JSON — inside a JSON string a quote is escaped, so no text can forge it. A blob of
    another layout is decoded (:func:`unpack_lines`, which raises ValueError on a damaged one)."""
    if not blob or blob[0] != LINES_V1:
        return any(row[0] == line_id for row in unpack_lines(blob))
    try:
        lines = zlib.decompress(bytes(blob)[1:])
    except zlib.error as e:
        raise ValueError(f"a damaged packed page of lines ({e})") from e
    return ("[" + json.dumps(line_id, ensure_ascii=False) + ",").encode() in lines


def page_line_rows(conn: Connection, page_id: int) -> list[LineRow]:
    """The lines of one page in reading order ([] for a page without lines)."""
    row = conn.execute("SELECT data FROM page_lines WHERE page_id = ?", (page_id,)).fetchone()
    return unpack_lines(row[0]) if row else []


def source_line_rows(conn: Connection, source_path: str) -> Iterator[LineRow]:
    """The lines of one imported source, in page and line order."""
    for (data,) in conn.execute("SELECT l.data FROM sources s JOIN pages g ON g.source_id = s.id "
                                "JOIN page_lines l ON l.page_id = g.id WHERE s.path = ? ORDER BY g.seq",
                                (source_path,)).fetchall():
        yield from unpack_lines(data)


def article_line_rows(conn: Connection, article_id: str) -> Iterator[tuple[int, int, LineRow]]:
    """``(page id, page number, line)`` of every line of the pages of an article, by page number
    (:data:`ARTICLE_LINES_SQL`)."""
    for page_id, number, data in conn.execute(ARTICLE_LINES_SQL, (article_id,)).fetchall():
        for line in unpack_lines(data):
            yield page_id, number, line


#: the json module's string scanner (C speed): a JSON string starting at an index, and the index past it
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


def part_texts(stored: str) -> list[str]:
    """The parts' texts of stored parts (:func:`parts_json`, or schema 4's JSON that held the spans too) without
    decoding anything else (637 µs an article at 10,000 pages for ``json.loads`` of the old form, against a few
    here). A quote inside a JSON string is escaped, so ``"text":"`` is only ever the key; stored otherwise,
    decoded whole."""
    return _strings_of(stored, "text")


def part_roles(stored: str) -> list[str]:
    """The parts' roles of stored parts (names of lowercase letters and hyphens, found by one regular expression:
    a ``"role":"`` inside a text is stored escaped, so it is never matched)."""
    roles = _ROLE.findall(stored)
    return roles if roles or stored.strip() in ("", "[]") else _strings_of(stored, "role")


_ROLE = re.compile(r'"role":"([a-z-]+)"')


def _strings_of(stored: str, key: str) -> list[str]:
    """The string value of ``key`` in each stored part, found by its ``"key":"`` (a quote inside a JSON string
    is escaped, so that is only ever the key); stored otherwise, decoded whole."""
    marker = f'"{key}":"'
    out: list[str] = []
    pos = stored.find(marker)
    if pos < 0:
        return [str(d[key]) for d in json.loads(stored)]
    while pos >= 0:
        value, end = _scanstring(stored, pos + len(marker))
        out.append(value)
        pos = stored.find(marker, end)
    return out


def stored_parts(parts: str, spans: bytes | None) -> list[tuple[str, str, list[tuple[int, int, str, int]]]]:
    """``(role, text, [(start, end, line, line_start), …])`` of each stored part: the ``parts`` JSON with its
    ``spans`` blob (None: schema 4's JSON holding them)."""
    decoded = json.loads(parts)
    if spans is None:
        return [(d["role"], d["text"], [(s[0], s[1], s[2], s[3]) for s in d.get("spans", ())]) for d in decoded]
    return [(d["role"], d["text"], sp) for d, sp in zip(decoded, unpack_spans(bytes(spans), len(decoded)),
                                                        strict=True)]


def parts_from_json(text: str, spans: bytes | None = None) -> list[Part]:
    """The stored parts as model objects (see :func:`stored_parts`)."""
    return [Part(role=role, text=t, spans=[Span(*s) for s in sp]) for role, t, sp in stored_parts(text, spans)]


def fold_stored(parts: str) -> str:
    """The folded text of an article from its stored parts: what ``article_text`` holds (SQLite: a view calling
    this as ``bs_fold``) — ``fold_text`` of the reflowed text, as the importer folded it (9.7 M chars/s)."""
    return fold_text("\n\n".join(part_texts(parts)))


class _Folder:
    """``bs_fold(parts)`` for SQL (the ``article_text`` view): :func:`fold_stored`, remembering the last text, as
    a query naming ``folded`` twice (``SELECT num, instr(folded, ?) … WHERE instr(folded, ?)``) calls it twice
    on one row."""

    def __init__(self) -> None:
        self.parts: str | None = None
        self.folded = ""

    def __call__(self, parts: str) -> str:
        if parts != self.parts:
            self.folded = fold_stored(parts)
            self.parts = parts
        return self.folded


def _box(row: Sequence[Any]) -> tuple[float, float, float, float] | None:
    if row[0] is None:
        return None
    return (row[0], row[1], row[2], row[3])


# ---------------------------------------------------------------- the library

#: Largest manifest read (it is a few hundred bytes; anything bigger is not ours).
MANIFEST_MAX_BYTES = 64 * 1024


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest as a dict, validated; LibraryError naming the file when it is not Broadsheet's."""
    try:
        raw = path.read_bytes()[: MANIFEST_MAX_BYTES + 1]
    except OSError as e:
        raise LibraryError(path, f"it cannot be read ({e.strerror or e})") from e
    if len(raw) > MANIFEST_MAX_BYTES:
        raise LibraryError(path, "it is far too large to be a Broadsheet manifest")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise LibraryError(path, "it is not valid JSON") from e
    if not isinstance(data, dict):
        raise LibraryError(path, f"it holds a JSON {type(data).__name__}, not a Broadsheet manifest")
    if data.get("format") not in (None, "broadsheet-library"):
        raise LibraryError(path, "it is not a Broadsheet manifest (no \"format\": \"broadsheet-library\")")
    return data


def _refuse_foreign_folder(folder: Path) -> None:
    """A library is only ever made in a new or empty folder: never inside someone else's files."""
    if not folder.is_dir():
        return
    try:
        entries = [e for e in os.listdir(folder) if e not in (LOCK_FILE, ".DS_Store")]
    except OSError as e:
        raise LibraryError(folder, f"it cannot be read ({e.strerror or e})") from e
    if entries:
        raise LibraryError(folder, "it is a folder with other files in it, not a Broadsheet library; "
                                   "name a new or empty folder for a library")


def _close_quietly(conn: Connection) -> None:
    with contextlib.suppress(Exception):
        conn.close()


class StoreBatch:
    """Several small sources stored in one write transaction (:meth:`Library.batched`), each in a savepoint.

    A transaction a file cost the import ~18% of its importing process's time at 10,000 one-paragraph pages (a
    commit writes every page it touched to the WAL again: ~180 kB a file). Inside a batch, :meth:`Library.transaction`
    is a savepoint: a file that fails rolls back alone and the batch goes on. The batch commits when :meth:`due`
    (files, characters or seconds since it began) and whenever its holder asks (:meth:`commit`: before an index sync,
    at a cancel, at the end); an import killed meanwhile loses the uncommitted files, which the next import reads.
    The folded texts of its rows are kept for the index only once committed (a rolled-back row's number is given out
    again).
    """

    #: sources stored before the batch commits, at most
    FILES = 200
    #: characters stored before the batch commits, at most
    CHARS = 2_000_000
    #: seconds since the batch's first change before it commits, at most (what a kill loses; what readers of the
    #: catalogue in other processes wait for; how long other writers wait for the write lock)
    SECONDS = 0.5

    def __init__(self, library: Library, conn: Connection) -> None:
        self.library = library
        self.conn = conn
        self.files = 0
        self.chars = 0
        self.began: float | None = None
        #: folded texts of rows stored in the batch, kept for the index once committed
        self.folded: dict[int, str] = {}

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[Connection]:
        """One source's changes: released into the batch, or rolled back alone (the batch begun if it was not)."""
        conn = self.conn
        if self.began is None:
            conn.execute("BEGIN IMMEDIATE")
            self.began = time.monotonic()
        conn.execute("SAVEPOINT source")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # (an error SQLite ends the transaction with leaves nothing to roll back to)
                conn.execute("ROLLBACK TO source")
                conn.execute("RELEASE source")
            raise
        conn.execute("RELEASE source")

    def stored(self, chars: int) -> None:
        """A source was stored in the batch."""
        self.files += 1
        self.chars += chars

    def due(self) -> bool:
        """Whether the batch holds enough to commit now."""
        if self.began is None:
            return False
        return (self.files >= self.FILES or self.chars >= self.CHARS
                or time.monotonic() - self.began >= self.SECONDS)

    def commit(self) -> None:
        """Commit what the batch holds (nothing to do when it holds nothing)."""
        if self.began is not None and self.conn.in_transaction:
            self.conn.execute("COMMIT")
            self.library._keep_folded(self.folded)
        self._reset()

    @contextlib.contextmanager
    def aside(self) -> Iterator[None]:
        """Commit what the batch holds and write outside it until the block ends, each transaction committed on
        its own: the index's sync, whose records (``index_pending`` before Whoosh commits, the rows marked after)
        must reach the catalogue in their order."""
        self.commit()
        installed = self.library._batch is self
        if installed:
            self.library._batch = None
        try:
            yield
        finally:
            if installed:
                self.library._batch = self

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        self._reset()

    def _reset(self) -> None:
        self.began = None
        self.files = self.chars = 0
        self.folded = {}


class Library:
    """A library folder. Open with ``Library(folder)`` (created when missing) or :meth:`open`
    (which also opens a PostgreSQL library, :class:`reader.library.postgres.PgLibrary`, from a URL)."""

    #: which kind of database holds the catalogue: ``"sqlite"`` (a folder) or ``"postgres"``
    kind = "sqlite"
    #: whether ``article_text`` is a table written with each article (PostgreSQL) rather than a view folding the
    #: stored parts (SQLite, schema 5)
    stores_folded = False
    #: at most this many characters of folded texts wait in memory for the index (:meth:`unindexed`)
    FOLDED_CACHE_CHARS = 32_000_000
    #: whether :meth:`batched` stores several sources in one transaction (PostgreSQL stores each alone, holding its
    #: per-source lock around it)
    batches_stores = True
    #: the batch :meth:`transaction` makes a savepoint of, while :meth:`batched` runs
    _batch: StoreBatch | None = None

    def __init__(self, folder: str | Path, create: bool = True) -> None:
        self.folder = Path(folder).expanduser().resolve()
        self._conns: PerThread[Connection] = PerThread(self._connect, _close_quietly)
        self._lock_fd: int | None = None
        self._lock_depth = 0
        self._write_lock = threading.RLock()
        #: one sentence each about the library that the user should see (a repaired manifest, …)
        self.warnings: list[str] = []
        exists = (self.folder / CATALOGUE).exists()
        #: the library is on read-only media or not ours to write: it is read, nothing is changed
        self.read_only = exists and not os.access(self.folder, os.W_OK)
        if self.read_only:
            self.warnings.append(f"{self.folder}: the library is read-only here, so it is read and nothing in it "
                                 "can be changed")
        #: whether this opening made the library (an import into a new folder says so)
        self.created = not exists
        if not exists:
            if not create:
                raise NoLibraryError(self.folder, "the folder holds no catalogue.sqlite" if self.folder.is_dir()
                                     else "it is a file, not a folder" if self.folder.exists()
                                     else "there is no such folder")
            if self.folder.exists() and not self.folder.is_dir():
                raise LibraryError(self.folder, "it is a file, not a folder")
            _refuse_foreign_folder(self.folder)
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise LibraryError(self.folder, f"cannot create the library folder ({e.strerror or e})") from e
            log.info("creating library %s", self.folder)
        #: folded texts the caller of store_document had (an import's reading processes), by row, until indexed
        self._folded: dict[int, str] = {}
        self._folded_chars = 0
        before = 0 if not exists or self.read_only else self._catalogue_version()
        self.migrate("catalogue", MIGRATIONS)
        if 0 < before < 5:
            self._compact_file()
        with _components_lock:
            extra = list(_components.items())
        for name, migrations in extra:
            self.migrate(name, migrations)
        if not self.read_only:
            self._write_manifest(created=not exists)

    @classmethod
    def open(cls, folder: str | Path | None = None, create: bool = True) -> Library:
        """The library in ``folder``, ``$BROADSHEET_LIBRARY`` or the default place; a
        ``postgresql://`` URL opens a library kept in that PostgreSQL database."""
        where = resolve_location(folder)
        if isinstance(where, str):
            from reader.library.postgres import PgLibrary

            return PgLibrary(where, create=create)
        return cls(where, create=create)

    @property
    def location(self) -> str:
        """Where the library is, for messages: its folder, or its database URL without a password."""
        return str(self.folder)

    # -- plumbing

    @property
    def catalogue_path(self) -> Path:
        return self.folder / CATALOGUE

    @property
    def index_dir(self) -> Path:
        """The index's folder: the library's own, or for a read-only library without one (copied without it: it
        is 1.5× the text) a folder of this machine's cache (:attr:`private_index`)."""
        own = self.folder / INDEX_DIR
        return self._private_index_dir() if self.read_only and not own.is_dir() else own

    @property
    def private_index(self) -> bool:
        """Whether the index is kept apart from the library: in this machine's cache, made from the catalogue
        without writing to it (a read-only library without an index of its own)."""
        return self.index_dir != self.folder / INDEX_DIR

    def _private_index_dir(self) -> Path:
        """A folder of this machine's cache for this read-only library's index, named after the library's place
        and its catalogue's size and time (another catalogue at the same place gets another index)."""
        import platformdirs

        st = self.catalogue_path.stat()
        key = hashlib.sha1(f"{self.folder.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
        return Path(platformdirs.user_cache_dir("broadsheet")) / "read-only" / key / INDEX_DIR

    @property
    def conn(self) -> Connection:
        """This thread's connection to the catalogue (autocommit; use :meth:`transaction`)."""
        return self._conns.get()

    def _connect(self) -> Connection:
        try:
            if self.read_only:  # nobody can write there: no lock or WAL index needed, unless a WAL holds data
                wal = Path(str(self.catalogue_path) + "-wal")
                mode = "mode=ro" if wal.is_file() and wal.stat().st_size else "immutable=1"
                uri = "file:" + urllib.parse.quote(str(self.catalogue_path)) + "?" + mode
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(self.catalogue_path), isolation_level=None, timeout=30.0,
                                       check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            conn.create_function("bs_fold", 1, _Folder(), deterministic=True)
        except sqlite3.DatabaseError as e:
            raise LibraryError(self.catalogue_path, f"not a usable SQLite catalogue ({e})") from e
        return conn

    def close(self) -> None:
        """Close every connection this object opened and release the import lock."""
        self._conns.close_all()
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._lock_fd)
            self._lock_fd = None
            self._lock_depth = 0

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on error); a savepoint in a :meth:`batched`
        transaction of this thread."""
        conn = self.conn
        batch = self._batch
        if batch is not None and batch.conn is conn:
            with batch.savepoint():
                yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    @contextlib.contextmanager
    def batched(self) -> Iterator[StoreBatch]:
        """Store sources several to a transaction, each in a savepoint (:class:`StoreBatch`), until the block ends;
        its holder commits when the batch is :meth:`StoreBatch.due` and before the index reads the rows. An error
        leaving the block commits what was stored before it (as one transaction a source did), or rolls it back
        when the catalogue cannot commit. A library that does not batch (:attr:`batches_stores`), or a batch open
        already, gives a batch that never holds anything."""
        batch = StoreBatch(self, self.conn)
        if not self.batches_stores or self._batch is not None:
            yield batch
            return
        self._batch = batch
        try:
            yield batch
        except BaseException:
            self._batch = None
            try:
                batch.commit()
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    batch.rollback()
            raise
        self._batch = None
        batch.commit()

    def import_owner(self) -> str | None:
        """Who may import into the library when the reader may not: None in a folder (its permissions say); on
        PostgreSQL the owner, to a researcher's role (:meth:`PgLibrary.import_owner`)."""
        return None

    def refuse_a_reader(self) -> None:
        """Refuse (:class:`LibraryError`) a reader who may not import into the library: none in a folder (its
        permissions say); on PostgreSQL a researcher's role (:meth:`PgLibrary.refuse_a_reader`)."""

    @contextlib.contextmanager
    def writing(self, sources: Sequence[str | Path] = ()) -> Iterator[Library]:
        """Hold the library's import lock (re-entrant in this object); refuse a second writer at once.

        ``sources``: what an import reads (its roots). A folder library is one machine's: one importer at a
        time whatever it reads. A PostgreSQL library locks per source (:meth:`PgLibrary.writing`)."""
        with self._write_lock:
            if self._lock_depth == 0:
                self._acquire_lock()
            self._lock_depth += 1
            try:
                yield self
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0 and self._lock_fd is not None:
                    with contextlib.suppress(OSError):
                        _unlock(self._lock_fd)
                        os.close(self._lock_fd)
                    self._lock_fd = None

    def _acquire_lock(self) -> None:
        if self.read_only:
            raise LibraryReadOnlyError(self.folder, "the library is read-only here, so nothing in it can be changed")
        path = self.folder / LOCK_FILE
        fd = os.open(str(path), os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            raise LibraryBusyError(self.folder, "another Broadsheet process is importing into this library; "
                                                "try again when it has finished")
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._lock_fd = fd

    def announce_change(self) -> None:
        """An import or a reindex changed the library and has ended: open windows read it again
        (:mod:`reader.library.changes`)."""
        count_change(self.conn, CATALOGUE_CHANGES)

    # -- schema

    def schema_versions(self) -> dict[str, int]:
        """{component: version} as recorded in the catalogue."""
        rows = self.conn.execute("SELECT component, MAX(version) FROM schema_version GROUP BY component")
        return {c: v for c, v in rows}

    def migrate(self, component: str, migrations: Sequence[Migration]) -> int:
        """Apply the missing migrations of ``component``; return its version afterwards."""
        _check_migrations(component, migrations)
        conn = self.conn
        if self.read_only:
            return self._version_read_only(component, migrations)
        self._ensure_schema_table(conn)
        current = conn.execute("SELECT MAX(version) FROM schema_version WHERE component = ?",
                               (component,)).fetchone()[0] or 0
        if current > len(migrations):
            raise LibraryError(self.location, f"its {component} schema is version {current}, newer than "
                                                    f"this Broadsheet knows ({len(migrations)}); update Broadsheet")
        for m in migrations[current:]:
            with self.transaction():
                self._serialise_migrations(conn)
                again = conn.execute("SELECT 1 FROM schema_version WHERE component = ? AND version = ?",
                                     (component, m.version)).fetchone()
                if again:
                    continue
                log.info("migrating %s %s to version %d (%s)", self.folder, component, m.version, m.name)
                try:
                    self._migration_step(conn, m)
                except sqlite3.Error as e:
                    refusal = self._migration_refused(e, component, m)
                    if refusal is None:
                        raise
                    raise refusal from e
                conn.execute("INSERT INTO schema_version VALUES (?, ?, ?, ?)",
                             (component, m.version, m.name, _now()))
            current = m.version
        return current

    def _migration_step(self, conn: Connection, m: Migration) -> None:
        step = m.step_for(self.kind)
        if isinstance(step, str):
            for statement in _split_sql(step):
                conn.execute(statement)
        else:
            step(conn)

    def _migration_refused(self, error: sqlite3.Error, component: str, m: Migration) -> LibraryError | None:
        """Why a migration this reader may not make is refused, in a sentence, else None (a folder: never)."""
        return None

    def _catalogue_version(self) -> int:
        try:
            return self.schema_versions().get("catalogue", 0)
        except sqlite3.Error:  # no schema_version yet: migrate says what it is
            return 0

    def _compact_file(self) -> None:
        """After migration 5 freed half the file's pages: give them back to the disk (VACUUM, outside any
        transaction; best effort — another process reading the catalogue keeps the file as it is, and the free
        pages are reused by the next imports)."""
        log.info("compacting %s after its migration", self.catalogue_path)
        try:
            self.conn.execute("VACUUM")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # in WAL mode the file shrinks at a checkpoint
        except sqlite3.Error as e:
            log.info("%s: not compacted now (%s)", self.catalogue_path, e)

    def _ensure_schema_table(self, conn: Connection) -> None:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (component TEXT NOT NULL, version INTEGER NOT NULL, "
            "name TEXT NOT NULL, applied TEXT NOT NULL, PRIMARY KEY (component, version))"
        )

    def _serialise_migrations(self, conn: Any) -> None:
        """Nothing to do on SQLite: BEGIN IMMEDIATE already keeps a second migrating process out."""

    def has_component(self, component: str) -> bool:
        """Whether the library holds ``component`` (its tables were made: :meth:`migrate`)."""
        return self.conn.execute("SELECT 1 FROM schema_version WHERE component = ? LIMIT 1",
                                 (component,)).fetchone() is not None

    def _version_read_only(self, component: str, migrations: Sequence[Migration]) -> int:
        """A read-only library is read as it is: refused only when its schema is not this Broadsheet's — or an
        older one that reads the same (every step it lacks is ``reads_as_before``)."""
        row = self.conn.execute("SELECT MAX(version) FROM schema_version WHERE component = ?", (component,)).fetchone()
        current = int(row[0] or 0)
        lacking = migrations[current:] if 0 < current <= len(migrations) else None
        if current != len(migrations) and not (lacking and all(m.reads_as_before for m in lacking)):
            raise LibraryError(self.location, f"its {component} schema is version {current}, not the "
                                                    f"{len(migrations)} this Broadsheet uses, and the library is "
                                                    "read-only here, so it cannot be brought up to date")
        if current != len(migrations):
            log.info("%s: %s schema %d read as it is (read-only; what it lacks reads the same)", self.location,
                     component, current)
        return current

    def _write_manifest(self, created: bool) -> None:
        from reader import __version__

        path = self.folder / MANIFEST
        data: dict[str, Any] = {}
        if path.is_dir() or path.is_symlink():
            self.warnings.append(f"{path}: it is not a file, so it was left as it is (the catalogue is the truth "
                                 "and was read)")
            return
        if path.exists():
            try:
                data = read_manifest(path)
            except LibraryError as e:
                self.warnings.append(f"{e.path}: {e.reason}; it was rewritten from the catalogue")
        new = {
            "format": "broadsheet-library",
            "schema": self.schema_versions(),
            "app_version": __version__,
            "created": data.get("created") or _now(),
        }
        if new != data:
            # this writer's own temporary name: two processes opening one library at once each write theirs (a
            # shared manifest.json.tmp was renamed away by the first and the second's rename failed)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(json.dumps(new, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            os.replace(tmp, path)

    def manifest(self) -> dict[str, Any]:
        return read_manifest(self.folder / MANIFEST)

    # -- sources

    def source(self, path: str | Path) -> SourceInfo | None:
        row = self.conn.execute("SELECT id, path, sha256, mtime, size, format FROM sources WHERE path = ?",
                                (str(path),)).fetchone()
        return SourceInfo(*row) if row else None

    def sources_with_sha256(self, sha256: str) -> list[SourceInfo]:
        """The sources whose bytes are exactly these (same sha256), oldest first."""
        rows = self.conn.execute("SELECT id, path, sha256, mtime, size, format FROM sources WHERE sha256 = ? "
                                 "ORDER BY id", (sha256,))
        return [SourceInfo(*r) for r in rows]

    def pages_given_twice(self, paths: Sequence[str]) -> list[tuple[str, str, str, int, list[str]]]:
        """The page numbers of dated issues that more than one source gives, where one of them is a file of
        ``paths``: (publication, date, edition, number, the files, in path order) each (an issue's page 1 from two
        files — a copy of an edited file, two OCRs of one page — has each of its articles twice)."""
        found: dict[tuple[str, str, str, int], set[str]] = {}
        for i in range(0, len(paths), 500):
            chunk = list(paths[i:i + 500])
            rows = self.conn.execute(
                "SELECT p.name, i.date, i.edition, g.number, s.path, o.path FROM sources s "
                "JOIN pages g ON g.source_id = s.id JOIN issues i ON i.id = g.issue_id "
                "JOIN publications p ON p.id = i.publication_id "
                "JOIN pages h ON h.issue_id = g.issue_id AND h.number = g.number AND h.source_id <> g.source_id "
                f"JOIN sources o ON o.id = h.source_id WHERE i.date <> '' AND s.path IN ({','.join('?' * len(chunk))})",
                chunk)
            for name, date, edition, number, path, other in rows:
                found.setdefault((str(name), str(date), str(edition or ""), int(number)), set()).update((path, other))
        return [(*key, sorted(files)) for key, files in sorted(found.items())]

    def move_source(self, old: str | Path, new: str | Path) -> None:
        """A source file was moved: keep everything it gave (articles, their ids' anchors), under its new path.

        The files its pages were read from beside it (a METS issue's page files, a page's image) moved with it: a
        path of its pages under the old file's folder that is not there now is taken to the same place under the
        new file's folder (the page files of a METS moved with its folder were no longer its own, seen by eye).
        """
        was, now = Path(old).parent, Path(new).parent
        with self.transaction() as conn:
            conn.execute("UPDATE sources SET path = ? WHERE path = ?", (str(new), str(old)))
            rows = conn.execute("SELECT g.id, g.source_file, g.image FROM pages g JOIN sources s ON s.id = g.source_id "
                                "WHERE s.path = ?", (str(new),)).fetchall()
            for page_id, source_file, image in rows:
                moved = (_moved_with(source_file, was, now), _moved_with(image, was, now))
                if moved != (source_file, image):
                    conn.execute("UPDATE pages SET source_file = ?, image = ? WHERE id = ?", (*moved, page_id))

    def sources(self) -> list[SourceInfo]:
        rows = self.conn.execute("SELECT id, path, sha256, mtime, size, format FROM sources ORDER BY path")
        return [SourceInfo(*r) for r in rows]

    def remove_source(self, path: str | Path) -> bool:
        """Forget a source with its pages and articles (the index forgets them on its next sync)."""
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM sources WHERE path = ?", (str(path),)).fetchone()
            if not row:
                return False
            self._drop_source(conn, row[0])
            conn.execute("DELETE FROM sources WHERE id = ?", (row[0],))
        return True

    def _drop_source(self, conn: Connection, source_id: int) -> None:
        conn.execute("INSERT OR IGNORE INTO index_dropped (id) SELECT id FROM articles WHERE source_id = ?",
                     (source_id,))
        conn.execute("DELETE FROM articles WHERE source_id = ?", (source_id,))
        conn.execute("DELETE FROM pages WHERE source_id = ?", (source_id,))

    def store_document(self, doc: Document, meta: StoreMeta, *, path: str, sha256: str,
                       mtime: float | None = None, size: int | None = None,
                       folded: Sequence[str] | None = None) -> StoreResult:
        """Store one source's pages and articles in ONE transaction, replacing what it gave before.

        ``folded``: ``fold_text(article.text)`` of each article when the caller has it already.
        """
        return self.store_rows(source_rows(doc, folded), meta, path=path, sha256=sha256, mtime=mtime, size=size)

    def store_rows(self, rows: SourceRows, meta: StoreMeta, *, path: str, sha256: str, mtime: float | None = None,
                   size: int | None = None) -> StoreResult:
        """Store one source's rows (:func:`source_rows`) in ONE transaction, replacing what it gave before."""
        conn = self.conn
        texts: dict[int, str] = {}
        shift = 0
        if meta.first_page is not None and rows.pages:
            shift = meta.first_page - rows.pages[0].number
        with self.transaction():
            stored = [(str(k), str(p), sp, t, str(local)) for k, p, sp, t, local in conn.execute(
                "SELECT a.id, a.parts, a.spans, a.title, a.local_id FROM articles a JOIN sources s "
                "ON s.id = a.source_id WHERE s.path = ? ORDER BY a.seq", (path,))]
            before = [(k, p, sp) for k, p, sp, _, _ in stored]
            source_id = self._source_row(conn, rows, path, sha256, mtime, size)
            issue_id = self._issue(conn, meta)
            page_ids = self._insert_pages(conn, rows.pages, issue_id, source_id, shift)
            nums: list[int] = []
            keys = self._keys(conn, path, source_id, [a.anchor for a in rows.articles], stored)
            for seq, article in enumerate(rows.articles):
                numbers = [n + shift for n in article.pages]
                num = conn.execute(
                    "INSERT INTO articles (id, local_id, source_id, issue_id, seq, kind, headline, title, pages, "
                    "first_page, parts, spans, chars, indexed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                    (keys[seq], article.local_id, source_id, issue_id, seq, article.kind, article.headline,
                     article.title, json.dumps(numbers), numbers[0] if numbers else None, article.parts,
                     article.spans, article.chars),
                ).lastrowid
                assert num is not None
                if rows.folded is not None:
                    texts[num] = rows.folded[seq]
                if self.stores_folded:
                    conn.execute("INSERT INTO article_text (num, folded) VALUES (?, ?)",
                                 (num, rows.folded[seq] if rows.folded is not None else fold_stored(article.parts)))
                conn.executemany(
                    "INSERT OR IGNORE INTO article_pages (article_num, page_id) VALUES (?, ?)",
                    [(num, page_ids[n]) for n in article.pages if n in page_ids],
                )
                nums.append(num)
            if before:
                self._record_renames(conn, before, [(k, a.parts, a.spans) for k, a in zip(keys, rows.articles,
                                                                                          strict=True)])
        chars = sum(a.chars for a in rows.articles)
        batch = self._batch
        if batch is not None and batch.conn is conn:  # kept when the batch commits
            batch.folded.update(texts)
            batch.stored(chars)
        else:
            self._keep_folded(texts)  # only once committed: a rolled-back row's number is given out again
        return StoreResult(source_id=source_id, pages=len(rows.pages), articles=len(rows.articles),
                           chars=chars, article_ids=keys, article_nums=nums)

    @staticmethod
    def _keys(conn: Connection, path: str, source_id: int, anchors: Sequence[str],
              before: Sequence[tuple[str, str, bytes | None, str | None, str]]) -> list[str]:
        """The ids of a source's articles (anchored on ``anchors``) as stored now: an article whose anchor the source
        gave before keeps the id it had (:func:`kept_keys`: a file moved keeps its ids, whatever its path, its date or
        its publication says now); another is anchored on the path (:func:`anchored_keys`), or, when that id is
        another source's (a file moved away from this path keeps the ids it had here), on the path and this source."""
        keys = anchored_keys(path, anchors)
        made = set(keys)
        if any(row[0] not in made for row in before):  # (else every article it gave is anchored on this path)
            keys = [kept or key for kept, key in zip(kept_keys(before, anchors), keys, strict=True)]
        own = {row[0] for row in before}
        taken = _others_ids(conn, [k for k in keys if k not in own])
        if taken:
            alone = anchored_keys(f"{path}\0{source_id}", anchors)
            keys = [alone[i] if k in taken else k for i, k in enumerate(keys)]
        return keys

    @staticmethod
    def _record_renames(conn: Connection, before: Sequence[tuple[str, str, bytes | None]],
                        after: Sequence[tuple[str, str, bytes | None]]) -> None:
        """Keep which of a re-imported source's articles changed id (:func:`renamed_keys`); an id in use again is
        no longer renamed."""
        live = [k for k, _, _ in after]
        for i in range(0, len(live), 500):
            chunk = live[i:i + 500]
            conn.execute(f"DELETE FROM article_renames WHERE old IN ({','.join('?' * len(chunk))})", chunk)
        for old, new in renamed_keys(before, after):
            conn.execute("DELETE FROM article_renames WHERE old = ?", (old,))
            conn.execute("INSERT INTO article_renames (old, new, renamed) VALUES (?, ?, ?)", (old, new, _now()))

    def renamed_articles(self) -> dict[str, str]:
        """Old id → new id of every article a re-import gave a new id (:func:`renamed_keys`), as recorded (a chain
        of renames is followed by the caller); empty in a library older than the record."""
        if self.schema_versions().get("catalogue", 0) < RENAMES_VERSION:
            return {}
        return {str(o): str(n) for o, n in self.conn.execute("SELECT old, new FROM article_renames")}

    def _source_row(self, conn: Connection, rows: SourceRows, path: str, sha256: str, mtime: float | None,
                    size: int | None) -> int:
        """The ``sources`` row of ``path``, emptied of what it gave before, or a new one."""
        warnings = json.dumps(rows.warnings, ensure_ascii=False)
        row = conn.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
        if row:
            source_id = int(row[0])
            self._drop_source(conn, source_id)
            conn.execute("UPDATE sources SET sha256=?, mtime=?, size=?, format=?, imported=?, warnings=? "
                         "WHERE id=?", (sha256, mtime, size, rows.format, _now(), warnings, source_id))
            return source_id
        new = conn.execute(
            "INSERT INTO sources (path, sha256, mtime, size, format, imported, warnings) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (path, sha256, mtime, size, rows.format, _now(), warnings)).lastrowid
        assert new is not None
        return new

    @staticmethod
    def _insert_pages(conn: Connection, pages: Sequence[PageRows], issue_id: int, source_id: int,
                      shift: int) -> dict[int, int]:
        """Insert a source's pages, their blocks and lines; return page id by the reader's page number."""
        page_ids: dict[int, int] = {}
        for seq, page in enumerate(pages):
            page_id = conn.execute(
                "INSERT INTO pages (issue_id, source_id, seq, number, label, image, image_scale, width, "
                "height, units, vertical, source_file) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (issue_id, source_id, seq, page.number + shift, page.label, page.image, page.image_scale, page.width,
                 page.height, page.units, page.vertical, page.source),
            ).lastrowid
            assert page_id is not None
            page_ids[page.number] = page_id
            conn.executemany("INSERT INTO blocks VALUES (?,?,?,?,?,?,?,?,?,?)",
                             [(page_id, *block) for block in page.blocks])
            if page.lines is not None:
                conn.execute("INSERT INTO page_lines (page_id, count, data) VALUES (?, ?, ?)",
                             (page_id, page.line_count, page.lines))
        return page_ids

    def _keep_folded(self, texts: dict[int, str]) -> None:
        """Keep the folded texts just stored for :meth:`unindexed`, so the index gets them without folding every
        text again (the view would: 9 s of the importing process at 10,000 pages); bounded, then forgotten."""
        if not texts:
            return
        size = sum(map(len, texts.values()))
        if self._folded_chars + size > self.FOLDED_CACHE_CHARS:
            self._folded.clear()
            self._folded_chars = 0
        self._folded.update(texts)
        self._folded_chars += size

    def _issue(self, conn: Connection, meta: StoreMeta) -> int:
        conn.execute("INSERT OR IGNORE INTO publications (name) VALUES (?)", (meta.publication,))
        pub_id = conn.execute("SELECT id FROM publications WHERE name = ?", (meta.publication,)).fetchone()[0]
        conn.execute("INSERT OR IGNORE INTO issues (publication_id, date, edition, label, language) "
                     "VALUES (?,?,?,?,?)", (pub_id, meta.date or "", meta.edition or "", meta.issue_label,
                                            meta.language))
        return int(conn.execute("SELECT id FROM issues WHERE publication_id = ? AND date = ? AND edition = ?",
                                (pub_id, meta.date or "", meta.edition or "")).fetchone()[0])

    def prune(self) -> int:
        """Remove issues and publications left without pages; return how many issues went."""
        with self.transaction() as conn:
            n = conn.execute("DELETE FROM issues WHERE id NOT IN (SELECT issue_id FROM pages) "
                             "AND id NOT IN (SELECT issue_id FROM articles)").rowcount
            conn.execute("DELETE FROM publications WHERE id NOT IN (SELECT publication_id FROM issues)")
        return n

    # -- listings for the GUI and the CLI

    def publications(self) -> list[PublicationInfo]:
        rows = self.conn.execute(
            "SELECT p.id, p.name, COUNT(i.id) FROM publications p LEFT JOIN issues i ON i.publication_id = p.id "
            "GROUP BY p.id ORDER BY p.name")
        return [PublicationInfo(*r) for r in rows]

    def issues(self, publication: str | None = None) -> list[IssueInfo]:
        """Issues by date (of one publication when given), with page and article counts."""
        sql = (
            "SELECT i.id, p.name, i.date, i.edition, i.label, "
            "(SELECT COUNT(*) FROM pages g WHERE g.issue_id = i.id), "
            "(SELECT COUNT(*) FROM articles a WHERE a.issue_id = i.id) "
            "FROM issues i JOIN publications p ON p.id = i.publication_id"
        )
        args: tuple[Any, ...] = ()
        if publication is not None:
            sql += " WHERE p.name = ?"
            args = (publication,)
        sql += " ORDER BY i.date, p.name, i.edition"
        return [IssueInfo(*r) for r in self.conn.execute(sql, args)]

    def issue(self, issue_id: int) -> IssueInfo:
        for info in self._issue_rows("i.id = ?", (issue_id,)):
            return info
        raise NotFoundError(self.location, f"there is no issue {issue_id} in this library")

    def _issue_rows(self, where: str, args: tuple[Any, ...]) -> list[IssueInfo]:
        rows = self.conn.execute(
            "SELECT i.id, p.name, i.date, i.edition, i.label, "
            "(SELECT COUNT(*) FROM pages g WHERE g.issue_id = i.id), "
            "(SELECT COUNT(*) FROM articles a WHERE a.issue_id = i.id) "
            f"FROM issues i JOIN publications p ON p.id = i.publication_id WHERE {where}", args)
        return [IssueInfo(*r) for r in rows]

    def pages(self, issue_id: int) -> list[PageInfo]:
        """Pages of an issue by number, with the number of articles on each."""
        rows = self.conn.execute(
            "SELECT g.id, g.issue_id, g.number, g.label, s.path, s.sha256, g.image, g.width, g.height, "
            "(SELECT COUNT(*) FROM article_pages ap WHERE ap.page_id = g.id) "
            "FROM pages g JOIN sources s ON s.id = g.source_id WHERE g.issue_id = ? ORDER BY g.number, g.id",
            (issue_id,))
        return [PageInfo(*r) for r in rows]

    def articles(self, issue_id: int | None = None, page_id: int | None = None) -> list[ArticleInfo]:
        """Articles of an issue or of a page, in the order their sources give them."""
        if page_id is not None:
            sql = (f"SELECT {_ARTICLE_COLUMNS} FROM {_ARTICLE_JOIN} JOIN article_pages ap ON ap.article_num = a.num "
                   "WHERE ap.page_id = ? ORDER BY a.source_id, a.seq")
            args: tuple[Any, ...] = (page_id,)
        elif issue_id is not None:
            sql = (f"SELECT {_ARTICLE_COLUMNS} FROM {_ARTICLE_JOIN} WHERE a.issue_id = ? "
                   "ORDER BY a.first_page, a.source_id, a.seq")
            args = (issue_id,)
        else:
            sql = f"SELECT {_ARTICLE_COLUMNS} FROM {_ARTICLE_JOIN} ORDER BY i.date, a.issue_id, a.first_page, a.seq"
            args = ()
        return [_article_info(r) for r in self.conn.execute(sql, args)]

    def articles_of_source(self, path: str) -> list[ArticleInfo]:
        """The articles a source file gave, in its order (none when it is not imported)."""
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM {_ARTICLE_JOIN} WHERE s.path = ? ORDER BY a.seq"
        return [_article_info(r) for r in self.conn.execute(sql, (path,))]

    def article_info(self, article_id: str) -> ArticleInfo:
        row = self.conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM {_ARTICLE_JOIN} WHERE a.id = ?",
                                (article_id,)).fetchone()
        if not row:
            raise NotFoundError(self.location, f"there is no article {article_id} in this library")
        return _article_info(row)

    def article(self, article_id: str) -> Article:
        """The stored article as a model object, with its parts and char→line spans."""
        row = self.conn.execute("SELECT local_id, kind, parts, pages, title, spans FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        if not row:
            raise NotFoundError(self.location, f"there is no article {article_id} in this library")
        try:
            parts = parts_from_json(row[2], row[5])
        except ValueError as e:
            raise LibraryError(self.location, f"the stored line map of article {article_id} is damaged ({e})") from e
        return Article(id=article_id, kind=row[1], parts=parts, pages=json.loads(row[3]), title=row[4])

    def folded_text(self, article_id: str) -> str:
        row = self.conn.execute("SELECT t.folded FROM articles a JOIN article_text t ON t.num = a.num "
                                "WHERE a.id = ?", (article_id,)).fetchone()
        if not row:
            raise NotFoundError(self.location, f"there is no article {article_id} in this library")
        return str(row[0])

    def page(self, page_id: int) -> Page:
        """A stored page with its blocks and lines (boxes in page pixels) for the layout view."""
        row = self.conn.execute(
            "SELECT g.number, g.label, g.image, g.image_scale, g.width, g.height, g.units, g.vertical, "
            "coalesce(g.source_file, s.path) "
            "FROM pages g JOIN sources s ON s.id = g.source_id WHERE g.id = ?", (page_id,)).fetchone()
        if not row:
            raise NotFoundError(self.location, f"there is no page {page_id} in this library")
        page = Page(number=row[0], label=row[1], image=row[2], image_scale=row[3], width=row[4], height=row[5],
                    units=row[6] or "pixel", vertical=bool(row[7]), source=row[8])
        blocks: dict[str, Block] = {}
        for bid, btype, x0, y0, x1, y1, vertical, order in self.conn.execute(
                "SELECT id, type, x0, y0, x1, y1, vertical, ord FROM blocks WHERE page_id = ? ORDER BY seq",
                (page_id,)):
            block = Block(id=bid, type=btype or "text", box=_box((x0, y0, x1, y1)), vertical=bool(vertical),
                          order=order)
            blocks[bid] = block
            page.blocks.append(block)
        try:
            rows = page_line_rows(self.conn, page_id)
        except ValueError as e:
            raise LibraryError(self.location, f"the stored lines of page {page_id} are damaged ({e})") from e
        for lid, block_id, text, x0, y0, x1, y1 in rows:
            line = Line(id=lid, text=text, box=_box((x0, y0, x1, y1)))
            page.lines.append(line)
            if block_id in blocks:
                blocks[block_id].lines.append(line)
        return page

    def page_of_line(self, article_id: str, line_id: str) -> int | None:
        """The page id holding ``line_id`` among the pages of an article (for highlighting), the first by number:
        its key looked for in each page's decompressed lines, nothing decoded (:func:`holds_line`)."""
        for page_id, _, data in self.conn.execute(ARTICLE_LINES_SQL, (article_id,)).fetchall():
            if holds_line(data, line_id):
                return int(page_id)
        return None

    def document(self, issue_id: int) -> Document:
        """An issue as a Document: its pages (with lines) and articles, metadata filled in."""
        info = self.issue(issue_id)
        doc = Document(source=f"issue:{issue_id}", format="library",
                       metadata={"publication": info.publication, "date": info.date, "edition": info.edition,
                                 "issue": info.label or ""})
        for p in self.pages(issue_id):
            doc.pages.append(self.page(p.id))
        for a in self.articles(issue_id=issue_id):
            doc.articles.append(self.article(a.id))
        return doc

    def stats(self) -> dict[str, int]:
        """Counts of what the catalogue holds and how much of it the index has."""
        c = self.conn

        def one(sql: str) -> int:
            return int(c.execute(sql).fetchone()[0] or 0)

        return {
            "sources": one("SELECT COUNT(*) FROM sources"),
            "publications": one("SELECT COUNT(*) FROM publications"),
            "issues": one("SELECT COUNT(*) FROM issues"),
            "pages": one("SELECT COUNT(*) FROM pages"),
            "lines": one("SELECT SUM(count) FROM page_lines"),
            "articles": one("SELECT COUNT(*) FROM articles"),
            "chars": one("SELECT SUM(chars) FROM articles"),
            "unindexed": one("SELECT COUNT(*) FROM articles WHERE indexed = 0"),
            "index_dropped": one("SELECT COUNT(*) FROM index_dropped"),
        }

    # -- index bookkeeping (used by reader.index.store)

    def unindexed(self, limit: int = 1000, after: int = 0) -> list[tuple[int, str, str, int]]:
        """Up to ``limit`` (num, id, folded text, chars) of articles the index does not have yet, in row order, rows
        above ``after`` only (a rebuild pages through them before marking any): the texts
        :meth:`store_document` was given, else ``article_text``'s."""
        rows = self.conn.execute("SELECT num, id, chars FROM articles WHERE indexed = 0 AND num > ? ORDER BY num "
                                 "LIMIT ?", (after, limit)).fetchall()
        texts = {n: self._folded[n] for n, _, _ in rows if n in self._folded}
        missing = [n for n, _, _ in rows if n not in texts]
        if missing:
            texts.update(self.conn.execute(
                "SELECT num, folded FROM article_text WHERE num IN (SELECT value FROM json_each(?))",
                (json.dumps(missing),)))
        return [(n, i, texts[n], c) for n, i, c in rows if n in texts]

    def dropped(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM index_dropped")]

    def mark_indexed(self, nums: Sequence[int], dropped: Sequence[str] = ()) -> None:
        """Record, AFTER the index committed, that these articles are in it and these ids are gone."""
        with self.transaction() as conn:
            conn.executemany("UPDATE articles SET indexed = 1 WHERE num = ?", [(n,) for n in nums])
            conn.executemany("DELETE FROM index_dropped WHERE id = ?", [(i,) for i in dropped])
        for n in nums:
            text = self._folded.pop(n, None)
            if text is not None:
                self._folded_chars -= len(text)

    def mark_all_unindexed(self) -> None:
        """Before a rebuild: every article must go into the (new, empty) index again."""
        with self.transaction() as conn:
            conn.execute("UPDATE articles SET indexed = 0")
            conn.execute("DELETE FROM index_dropped")

    # -- what each reader was told (migration 10): private to them, never in ``meta``, which every researcher reads

    def memory(self, key: str, owner: str | None = None) -> str | None:
        """What reader ``owner`` (default the one reading: :func:`reader.library.owners.current_owner`) keeps under
        ``key``. On a shared library a researcher's role is shown their own rows only; the tables' owner, whom the
        policy does not hold back, reads and writes a colleague's when telling them of an import (``owner``)."""
        row = self.conn.execute("SELECT value FROM reader_memory WHERE owner = ? AND key = ?",
                                (self._reader(owner), key)).fetchone()
        return str(row[0]) if row else None

    def remember(self, key: str, value: str | None, owner: str | None = None) -> None:
        """Keep ``value`` under ``key`` for reader ``owner`` (default the one reading); None forgets it."""
        who = self._reader(owner)
        with transaction(self.conn) as conn:
            conn.execute("DELETE FROM reader_memory WHERE owner = ? AND key = ?", (who, key))
            if value is not None:
                conn.execute("INSERT INTO reader_memory (owner, key, value) VALUES (?, ?, ?)", (who, key, value))

    def forget(self, key: str, value: str) -> bool:
        """Forget the reader's ``key`` if it still holds ``value`` (what they were just told): kept when someone wrote
        it meanwhile (the owner's import telling them more), so that is told at the next look, not lost."""
        with transaction(self.conn) as conn:
            cur = conn.execute("DELETE FROM reader_memory WHERE owner = ? AND key = ? AND value = ?",
                               (self._reader(None), key, value))
        return cur.rowcount > 0

    def memory_owners(self, *keys: str) -> list[str]:
        """The readers who keep something under one of ``keys`` that the one reading may see: on a shared library the
        tables' owner sees every reader's (a researcher's role, their own)."""
        marks = ",".join("?" * len(keys))
        return [str(r[0]) for r in self.conn.execute(
            f"SELECT DISTINCT owner FROM reader_memory WHERE key IN ({marks}) ORDER BY owner", keys)]

    def _reader(self, owner: str | None) -> str:
        return current_owner(self.conn) if owner is None else owner

    def meta_get(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def meta_set(self, key: str, value: str | None) -> None:
        with self.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


# ---------------------------------------------------------------- helpers


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (``;``-separated; no triggers with inner semicolons)."""
    return [s.strip() for s in script.split(";") if s.strip()]


try:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


def now_iso() -> str:
    """The current time as an ISO 8601 UTC timestamp (seconds)."""
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on error), nesting-safe."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()
