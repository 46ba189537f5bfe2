"""The search index of a library kept in PostgreSQL: the same terms and answers as the Whoosh index.

One row per article in ``ix_docs``: its id (the key: deletes and replacements), its catalogue row
(``num``), its term keys as ``int4[]`` (:func:`reader.index.terms.term_keys`: code points, frequent
bigrams, the two buckets of a rare pair and frequent runs of 3-8 characters, the same integers an
import's reading process already computes) and its Latin/digit words as ``text[]``. A GIN index over
each array answers "the articles holding ALL these terms" with ``@>`` and "ANY of them" with ``&&``:
PostgreSQL keeps the postings (compressed posting trees per key) and intersects them itself, skipping
through a long list when a short one has already narrowed the candidates (GIN's fast scan). A query of
one or two characters is one or two posting lists: the article table and its texts are never read for
it. ``ix_words`` counts the articles per word so that wildcards and fuzzy terms expand against the words
the index holds now (:meth:`PgIndex.words`), as Whoosh's term list does; ``ix_keys`` counts them per term key,
so that a common term's total is known without reading its postings (:meth:`PgIndex.exact_count`, as
Whoosh's document frequency): its first page of hits is then found by walking the date order. Each row also
holds how often the article holds each counted bigram it holds more than once (``ckeys``/``cns``,
:func:`reader.index.terms.counted_bigrams`), so a common word's occurrences are totalled without reading its
texts (:meth:`PgIndex.counts`) when every row was written so (``ix_meta``'s ``counted``). ``ix_pairs`` holds,
per article, the exact keys of its rare pairs (:func:`reader.index.terms.pair_key`: a pair no list holds, which the
Whoosh index can only give as two CRC buckets, verified on the texts) and how often it holds those it holds more than
once: a two-character query that is no frequent bigram is answered — its hits and their occurrences — from one key's
postings, without reading a text, once every row has its pairs (``ix_meta``'s ``paired``). ``ix_meta``
holds the layout (the schema version and the term layout :data:`reader.index.terms.FIELD`: another one makes the index
``outdated``, and the next ``sync`` rebuilds it) and the library's token.

Why this and not a postings table read by the client, or ``pg_trgm``: see docs/ARCHITECTURE.md
("Index and search") for the figures of ``benchmarks/bench_pg_index.py``.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

from reader.index.rows import Rows, RowSet, as_rows
from reader.index.store import IndexUnavailableError
from reader.index.terms import (
    FIELD,
    KEYS_LAYOUT,
    PAIR_MARK,
    PackedTerms,
    cjk_terms,
    counted_bigrams,
    counted_terms,
    pair_key,
    rare_pairs,
    term_key,
    unpack_terms,
)
from reader.model.errors import connection_lost

#: version of the ``ix_`` tables; with the term layout it makes the layout an index is refused by
SCHEMA_VERSION = 4  # 2: ix_keys; 3: the counted bigrams' counts (ckeys, cns); 4: the rare pairs' keys (ix_pairs)
LAYOUT = f"{SCHEMA_VERSION}/{FIELD}"
#: the layouts of older schemas with the same term keys, brought up to date in place (:meth:`PgIndex._count_in_place`)
#: → their schema version
_OLDER_LAYOUTS = {f"1/{KEYS_LAYOUT}": 1, f"2/{KEYS_LAYOUT}": 2, f"3/{FIELD}": 3}
#: serializes creating and replacing the ``ix_`` tables between processes (a transaction-level advisory lock)
_DDL_LOCK = 0x62726F61  # "broa"
#: serializes the writers' updates of the term counts (``ix_words``, ``ix_keys``): every batch counts the common
#: characters, so two writers would otherwise lock the same rows in different orders (a deadlock)
_COUNT_LOCK = 0x62726F62

#: memory for gathering a batch's postings while GIN merges its pending list (new rows wait there, unsorted,
#: until merged into the posting trees; one writer at a time). With PostgreSQL's default work_mem (4 MB) the
#: pending list was merged in many small passes: 163k chars/s at 1,000 pages against 389k with 128 MB (wall
#: clock, shared machine). A bigger pending list (32 MB, 64 MB) was no faster at sync's batch size and left a
#: bigger index file.
MERGE_MEM = "128MB"

#: one row per article: its rare pairs' exact keys (``pairs``, through a GIN index) and the counts of those it holds
#: more than once (``twice`` → ``times``, read from the rows a pair's postings give). The arrays of keys are kept out
#: of the row (TOAST; a row is ~60 bytes), so the rows a pair's postings point at are read from a table of ~35 MB per
#: 500,000 articles — what learning their catalogue rows costs.
_PAIR_TABLES = (
    "CREATE TABLE IF NOT EXISTS ix_pairs (num bigint PRIMARY KEY, pairs int4[] NOT NULL,"
    " twice int4[] NOT NULL DEFAULT '{}', times int4[] NOT NULL DEFAULT '{}') WITH (toast_tuple_target = 128)",
    "ALTER TABLE ix_pairs ALTER COLUMN pairs SET STORAGE EXTERNAL",
    "CREATE INDEX IF NOT EXISTS ix_pairs_pairs ON ix_pairs USING gin (pairs)",
    # the index's rows in catalogue order: what filling an older index's pairs walks
    "CREATE INDEX IF NOT EXISTS ix_docs_num ON ix_docs (num)",
)
#: memory for making the pairs' GIN index of a filled older index in one sort
FILL_MEM = "1GB"
_TABLES = (
    "CREATE TABLE IF NOT EXISTS ix_meta (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS ix_docs (article_id text PRIMARY KEY, num bigint NOT NULL,"
    " keys int4[] NOT NULL, words text[] NOT NULL, ckeys int4[] NOT NULL DEFAULT '{}',"
    " cns int4[] NOT NULL DEFAULT '{}')",
    "CREATE INDEX IF NOT EXISTS ix_docs_keys ON ix_docs USING gin (keys)",
    "CREATE INDEX IF NOT EXISTS ix_docs_words ON ix_docs USING gin (words)",
    'CREATE TABLE IF NOT EXISTS ix_words (word text COLLATE "C" PRIMARY KEY, docs integer NOT NULL)',
    "CREATE TABLE IF NOT EXISTS ix_keys (key int4 PRIMARY KEY, docs integer NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_docs_ckeys ON ix_docs USING gin (ckeys)",
    *_PAIR_TABLES,
)
#: the counts columns added to an ``ix_docs`` of an older schema (its rows stay uncounted: empty arrays)
_ADD_COUNTS = ("ALTER TABLE ix_docs ADD COLUMN IF NOT EXISTS ckeys int4[] NOT NULL DEFAULT '{}',"
               " ADD COLUMN IF NOT EXISTS cns int4[] NOT NULL DEFAULT '{}'")

if TYPE_CHECKING:  # psycopg is the optional ``postgres`` extra: the core imports this module without it
    import psycopg

Connect = Callable[[], "psycopg.Connection[Any]"]


class PgIndexError(IndexUnavailableError):
    """The PostgreSQL index cannot be read or written (caught wherever the Whoosh index's error is)."""


def ended_by_server(raw: Any) -> bool:
    """Whether the server ended the psycopg connection ``raw`` while it sat idle (a restart, ``pg_ctl -m fast stop``:
    "terminating connection due to administrator command"), so a statement sent on it would fail. An idle connection
    the server has said nothing on is not asked (a ``select`` of its socket, no round trip); one it has sent something
    on is asked ``SELECT 1``. A connection inside a transaction is never probed: a drop there loses the transaction."""
    import select

    import psycopg
    from psycopg.pq import TransactionStatus

    if raw.closed:
        return True
    if raw.info.transaction_status != TransactionStatus.IDLE:
        return False
    try:
        if not select.select([raw.pgconn.socket], [], [], 0)[0]:
            return False
        raw.execute("SELECT 1")
    except (OSError, ValueError, psycopg.Error):
        return True
    return bool(raw.closed)


def unreachable(e: BaseException) -> str:
    """Why a new connection failed, in a few words: libpq's last clause ("connection to server at "127.0.0.1", port
    5432 failed: Connection refused\n\tIs the server running…" → "the server cannot be reached: Connection
    refused"), from psycopg's error or the LibraryError it caused."""
    text = str(e.__cause__ or e).strip()
    first = text.splitlines()[0].rstrip(".") if text else type(e).__name__
    return f"the server cannot be reached: {first.rsplit('failed: ', 1)[-1]}"


def dropped(raw: Any, error: BaseException) -> bool:
    """Whether ``error``, raised by a statement on ``raw``, means the connection itself is gone (not the statement
    refused)."""
    import psycopg

    return isinstance(error, psycopg.OperationalError) and bool(raw.closed)


def _split(term_list: Iterable[str]) -> tuple[list[int], list[str]]:
    """Index terms as term keys (CJK characters, bigrams, buckets) and words."""
    keys: list[int] = []
    words: list[str] = []
    for term in dict.fromkeys(term_list):
        key = term_key(term)
        if isinstance(key, int):
            keys.append(key)
        else:
            words.append(key)
    return keys, words


class PgIndex:
    """The index in the library's PostgreSQL database, behind the same interface as the Whoosh ``Index``.

    ``connect()`` gives a new connection to the library's database; the index keeps one (autocommit:
    every read sees the latest commit, no transaction stays open) and uses it under a lock.
    """

    where = "the PostgreSQL index (ix_ tables)"

    def __init__(self, connect: Connect, location: str = "") -> None:
        self._connect = connect
        #: the library's address, for a lost connection's message (:func:`reader.model.errors.connection_lost`)
        self.location = location or self.where
        self._lock = threading.Lock()
        self._conn = self._open()
        #: every row of the index has its rare pairs (seen once, kept: only a downgrade takes them away)
        self._pairs_known = False
        self.outdated = self._ensure()

    def _open(self) -> Any:
        conn = self._connect()
        conn.autocommit = True
        # the GIN indexes are the only way this index is read: never decode every row's arrays instead
        conn.execute("SET enable_seqscan = off")
        return conn

    def _fresh(self) -> None:
        """A connection the server ended while it sat idle (a restart) replaced by a new one, under the lock; the
        server unreachable: :class:`ConnectionLostError`, in words (it said "the connection is closed" until the
        window was opened again)."""
        if not ended_by_server(self._conn):
            return
        with contextlib.suppress(Exception):
            self._conn.close()
        try:
            self._conn = self._open()
        except Exception as e:
            raise connection_lost(self.location, unreachable(e), unsaved=False) from e

    def _ensure(self) -> bool:
        """Create the ``ix_`` tables where they are missing; True when they hold another layout.

        Tables already there are only read, so a read-only connection (a replica, ``--read-library``)
        opens an index that exists."""
        with self._lock:
            meta = self._conn.execute("SELECT to_regclass('ix_meta') IS NOT NULL").fetchone()
            row = self._conn.execute("SELECT value FROM ix_meta WHERE key = 'layout'").fetchone() \
                if meta and meta[0] else None
            if row is not None and row[0] in _OLDER_LAYOUTS and self._writable():
                return not self._count_in_place()
            if row is not None and row[0] != LAYOUT:
                return True  # another layout (an older one lacks tables): outdated, nothing created here
            present = self._conn.execute("SELECT to_regclass('ix_docs') IS NOT NULL AND to_regclass('ix_words') IS "
                                         "NOT NULL AND to_regclass('ix_keys') IS NOT NULL AND "
                                         "to_regclass('ix_pairs') IS NOT NULL").fetchone()
            if row is not None and present and present[0]:
                return False
        with self._lock, self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_DDL_LOCK,))
            for ddl in _TABLES:
                self._conn.execute(ddl)
            self._conn.execute("INSERT INTO ix_meta VALUES ('layout', %s) ON CONFLICT (key) DO NOTHING", (LAYOUT,))
            row = self._conn.execute("SELECT value FROM ix_meta WHERE key = 'layout'").fetchone()
            if row is not None and row[0] == LAYOUT:  # a new index: every row it will hold is counted and paired
                self._conn.execute("INSERT INTO ix_meta SELECT k, 'yes' FROM (VALUES ('counted'), ('paired')) AS m(k) "
                                   "WHERE NOT EXISTS (SELECT 1 FROM ix_docs) ON CONFLICT (key) DO NOTHING")
        return row is None or row[0] != LAYOUT

    def _writable(self) -> bool:
        row = self._conn.execute("SELECT current_setting('transaction_read_only') = 'off'").fetchone()
        return bool(row and row[0])

    def _count_in_place(self) -> bool:
        """Bring an index of an older schema (the same term keys) up to date where it is, in one transaction with
        the new layout (no article read again: a rebuild of a shared library of hundreds of thousands of pages
        takes hours): schema 1's term counts (``ix_keys``) made from its own rows in one statement; the counted
        bigrams' columns added, empty — its rows are not counted (no ``counted`` mark), so occurrences are
        counted in the texts until ``broadsheet reindex``; the rare pairs' table made, empty — its rows have no
        pairs (no ``paired`` mark), so a rare pair is answered by its buckets and verified on the texts until
        :meth:`fill_pairs` (``broadsheet library init``) or a rebuild. Whether it now has the current layout
        (another process may have done it first); False when this role may not (a role that may write rows but not
        alter or create a table: the index stays outdated, for its owner to bring up to date)."""
        import psycopg

        try:
            return self._counted_in_place()
        except psycopg.errors.InsufficientPrivilege:
            return False

    def _counted_in_place(self) -> bool:
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_DDL_LOCK,))
            row = self._conn.execute("SELECT value FROM ix_meta WHERE key = 'layout'").fetchone()
            version = _OLDER_LAYOUTS.get(row[0]) if row is not None else None
            if version is not None:
                self._conn.execute(f"SET LOCAL work_mem = '{MERGE_MEM}'")
                if version == 1:
                    self._conn.execute("CREATE TABLE ix_keys (key int4 PRIMARY KEY, docs integer NOT NULL)")
                    self._conn.execute("INSERT INTO ix_keys (key, docs) SELECT k, count(*) FROM ix_docs, "
                                       "unnest(keys) AS k GROUP BY k")
                if version < 3:
                    self._conn.execute(_ADD_COUNTS)
                    self._conn.execute("CREATE INDEX IF NOT EXISTS ix_docs_ckeys ON ix_docs USING gin (ckeys)")
                for ddl in _PAIR_TABLES:
                    self._conn.execute(ddl)
                self._conn.execute("UPDATE ix_meta SET value = %s WHERE key = 'layout'", (LAYOUT,))
                row = (LAYOUT,)
        return row is not None and row[0] == LAYOUT

    def fill_pairs(self, texts: str = "article_text", batch: int = 2000,
                   progress: Callable[[int, int], None] | None = None) -> int:
        """Give every row of an index brought up from an older schema its rare pairs (``ix_pairs``), reading the
        folded texts from the table ``texts`` (the library's, in the same database), ``batch`` rows a transaction
        in catalogue order — each under the writers' lock, so no import changes a row between its text being read
        and its pairs written. Then the index answers rare pairs from them (``paired``). Rows already filled are
        skipped (an interrupted fill goes on where it stopped). The pairs' GIN index is made after them, in one
        sort (maintenance memory :data:`FILL_MEM`): inserting 300 M postings one batch at a time into GIN's pending
        list is many times slower. Returns the rows filled; ``progress(done, total)``."""
        self._check()
        if self._paired():
            return 0
        total = self.doc_count()
        done = last = 0
        with self._lock:
            self._conn.execute("DROP INDEX IF EXISTS ix_pairs_pairs")
        while True:
            with self._lock, self._conn.transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_COUNT_LOCK,))
                rows = self._conn.execute(
                    f"SELECT d.num, t.folded FROM ix_docs d JOIN {texts} t ON t.num = d.num WHERE d.num > %s AND NOT "
                    "EXISTS (SELECT 1 FROM ix_pairs p WHERE p.num = d.num) ORDER BY d.num LIMIT %s",
                    (last, batch)).fetchall()
                _copy_pairs(self._conn, (_pair_row(num, folded) for num, folded in rows))
            if not rows:
                break
            last = rows[-1][0]
            done += len(rows)
            if progress is not None:
                progress(done, total)
        with self._lock, self._conn.transaction():
            self._conn.execute(f"SET LOCAL maintenance_work_mem = '{FILL_MEM}'")
            self._conn.execute(_PAIR_TABLES[2])
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_COUNT_LOCK,))
            missing = self._conn.execute("SELECT count(*) FROM ix_docs d WHERE NOT EXISTS "
                                         "(SELECT 1 FROM ix_pairs p WHERE p.num = d.num)").fetchone()
            if missing is not None and missing[0] == 0:
                self._conn.execute("INSERT INTO ix_meta VALUES ('paired', 'yes') ON CONFLICT (key) DO NOTHING")
            self._conn.execute("ANALYZE ix_pairs")
        return done

    def _check(self) -> None:
        with self._lock:
            self._fresh()
        if self.outdated:
            raise PgIndexError(f"{self.where} was written by another version of Broadsheet; "
                               "run `broadsheet reindex`.")

    def reset(self) -> None:
        """Replace the index by an empty one of the current layout (the caller re-adds every article)."""
        with self._lock:
            self._fresh()
        with self._lock, self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_DDL_LOCK,))
            self._conn.execute("DROP TABLE IF EXISTS ix_docs, ix_words, ix_keys, ix_pairs")
            for ddl in _TABLES:
                self._conn.execute(ddl)
            self._conn.execute("INSERT INTO ix_meta VALUES ('layout', %s) ON CONFLICT (key) "
                               "DO UPDATE SET value = excluded.value", (LAYOUT,))
            self._conn.execute("INSERT INTO ix_meta VALUES ('counted', 'yes'), ('paired', 'yes') "
                               "ON CONFLICT (key) DO NOTHING")
        self.outdated = False
        self._pairs_known = True

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """A read's rows; the connection dropped under it (the server restarted), asked once more on a new one."""
        with self._lock:
            self._fresh()
            try:
                rows: list[tuple[Any, ...]] = self._conn.execute(sql, params).fetchall()
                return rows
            except Exception as e:
                if not dropped(self._conn, e):
                    raise
            self._fresh()
            rows = self._conn.execute(sql, params).fetchall()
            return rows

    # -- the library's token (which library the index belongs to)

    def held_token(self) -> str | None:
        rows = self._rows("SELECT value FROM ix_meta WHERE key = 'library_token'")
        return str(rows[0][0]) if rows else None

    def write_token(self, token: str) -> None:
        with self._lock:
            self._fresh()
            self._conn.execute("INSERT INTO ix_meta VALUES ('library_token', %s) ON CONFLICT (key) "
                               "DO UPDATE SET value = excluded.value", (token,))

    # -- reading

    def doc_count(self) -> int:
        return int(self._rows("SELECT count(*) FROM ix_docs")[0][0])

    def exact_count(self, term: str) -> int | None:
        """How many articles hold the index term ``term``: kept per term key (``ix_keys``) and per word
        (``ix_words``) by every writer, in the transaction that adds or deletes the articles (GIN would count a
        key's rows by reading its posting tree, and the heap besides)."""
        self._check()
        key = term_key(term)
        if isinstance(key, int) and key < 0:
            return None  # a rare pair's articles are not counted apart: its postings are short
        if isinstance(key, int):
            rows = self._rows("SELECT docs FROM ix_keys WHERE key = %s", (key,))
        else:
            rows = self._rows("SELECT docs FROM ix_words WHERE word = %s", (key,))
        return max(0, int(rows[0][0])) if rows else 0

    def size_bytes(self) -> int:
        """The index's tables and their indexes on disk (TOAST included)."""
        return int(self._rows("SELECT pg_total_relation_size('ix_docs') + pg_total_relation_size('ix_words') + "
                              "pg_total_relation_size('ix_keys') + pg_total_relation_size('ix_pairs')")[0][0])

    def nums(self, term_list: Sequence[str], superset: bool = False) -> Rows:
        """Catalogue rows of the articles holding ALL ``term_list`` (the candidates).

        ``superset`` is accepted for the interface: GIN's fast scan already skips through a common
        term's postings once a rarer one has narrowed the candidates, so the answer is always exact.
        """
        if not term_list:
            return Rows()
        self._check()
        keys, words = _split(term_list)
        pairs = [k for k in keys if k < 0]
        keys = [k for k in keys if k >= 0]
        where = []
        params: list[Any] = []
        if keys:
            where.append("keys @> %s::int4[]")
            params.append(keys)
        if words:
            where.append("words @> %s::text[]")
            params.append(words)
        parts = [f"SELECT num FROM ix_docs WHERE {' AND '.join(where)}"] if where else []
        if pairs:
            parts.append("SELECT num FROM ix_pairs WHERE pairs @> %s::int4[]")
            params.append(pairs)
        return Rows(r[0] for r in self._rows(" INTERSECT ".join(parts), params))

    def any_nums(self, term_list: Sequence[str]) -> Rows:
        """Catalogue rows of the articles holding ANY of ``term_list`` (a variant class, a wildcard's words)."""
        if not term_list:
            return Rows()
        self._check()
        keys, words = _split(term_list)
        pairs = [k for k in keys if k < 0]
        keys = [k for k in keys if k >= 0]
        parts = []
        params: list[Any] = []
        if keys:
            parts.append("SELECT num FROM ix_docs WHERE keys && %s::int4[]")
            params.append(keys)
        if pairs:
            parts.append("SELECT num FROM ix_pairs WHERE pairs && %s::int4[]")
            params.append(pairs)
        if words:
            parts.append("SELECT num FROM ix_docs WHERE words && %s::text[]")
            params.append(words)
        return Rows(r[0] for r in self._rows(" UNION ".join(parts), params))

    def words(self, prefix: str = "") -> list[str]:
        """The Latin/digit words some article of the index holds (those starting with ``prefix``), in code
        point order: what a wildcard or fuzzy term is expanded against (never the texts)."""
        self._check()
        rows = self._rows('SELECT word FROM ix_words WHERE docs > 0 AND word >= %s AND word < %s ORDER BY word',
                          (prefix, prefix + "\U0010ffff"))
        return [r[0] for r in rows]

    def holding(self, nums: RowSet, needle: str) -> tuple[set[int], RowSet]:
        """Nothing told here: the texts are verified where they live, in the library's database (``strpos``)."""
        return set(), nums

    def folded(self, nums: RowSet) -> tuple[Iterator[tuple[int, str]], RowSet]:
        """No copy of the texts beside the index: they are read from the library's ``article_text``."""
        return iter(()), nums

    def chars(self, nums: RowSet) -> dict[int, int]:
        """No lengths beside the index: the catalogue's rows hold them (in the same database)."""
        return {}

    def cjk_terms(self, run: str) -> tuple[list[str], bool]:
        """:func:`reader.index.terms.cjk_terms`, but a rare pair with an exact key (:func:`pair_key`) is its own term,
        exact, once every row has its pairs."""
        if len(run) == 2 and pair_key(run) is not None and self._paired():
            return [PAIR_MARK + run], True
        return cjk_terms(run)

    def _paired(self) -> bool:
        if not self._pairs_known:
            self._pairs_known = bool(self._rows("SELECT 1 FROM ix_meta WHERE key = 'paired'"))
        return self._pairs_known

    def counts(self, nums: RowSet, needle: str, held: bool = False) -> tuple[dict[int, int], RowSet]:
        """(row → places its folded text holds ``needle`` at, the rows not counted here). Counted here: a counted
        bigram (:func:`counted_bigrams`) in rows ``held`` to hold it (the hits of a search for it alone), when every
        row of the index was written with its counts: once each, but for the rows whose ``ckeys`` name it (read
        through their GIN index). Anything else is counted where the texts live
        (:func:`reader.search.ranking.server_counts`)."""
        if held and pair_key(needle) is not None and self._paired():
            return self._pair_counts(nums, needle)
        if not held or needle not in counted_bigrams() or not self._counted():
            return {}, nums
        key = term_key(needle)
        found = dict.fromkeys(nums, 1)
        for num, n in self._rows("SELECT num, cns[array_position(ckeys, %s)] FROM ix_docs WHERE ckeys @> %s::int4[]",
                                 (key, [key])):
            if num in found:
                found[num] = n
        return found, Rows()

    def _pair_counts(self, nums: RowSet, needle: str) -> tuple[dict[int, int], RowSet]:
        """The places of a rare pair in each of ``nums`` that holds it, from the rows its postings give (once,
        but where the row counts it); the rows of ``nums`` its postings do not give are not counted here."""
        key = pair_key(needle)
        wanted = as_rows(nums)
        found = {num: n for num, n in self._rows(
            "SELECT num, coalesce(times[array_position(twice, %s)], 1) FROM ix_pairs WHERE pairs @> %s::int4[]",
            (key, [key])) if num in wanted}
        return found, wanted - Rows(found)

    def _counted(self) -> bool:
        """Was every row of the index written with its counted bigrams' counts (a new or rebuilt index, not one
        brought up from an older schema)?"""
        return bool(self._rows("SELECT 1 FROM ix_meta WHERE key = 'counted'"))

    def all_nums(self) -> Rows:
        self._check()
        with self._lock, self._conn.transaction():
            # the whole table, read as such (not through an index)
            self._conn.execute("SET LOCAL enable_seqscan = on")
            return Rows(r[0] for r in self._conn.execute("SELECT num FROM ix_docs"))

    # -- writing

    def writer(self, update: bool = False, optimize: bool = False) -> PgWriter:
        """A writer (a context manager) committing in one transaction on leaving the ``with`` block.

        An added article always replaces one of the same id (the id is the table's key, so the duplicate
        a Whoosh writer without ``update`` can make cannot arise); ``optimize`` also drops the words no
        article holds any more and merges GIN's pending list into the index.
        """
        self._check()
        return PgWriter(self, optimize)


_DELETE = (
    "WITH gone AS (DELETE FROM ix_docs WHERE article_id = ANY(%s) RETURNING keys, words),"
    " counted AS (SELECT w, count(*) AS n FROM gone, unnest(gone.words) AS w GROUP BY w),"
    " keyed AS (SELECT k, count(*) AS n FROM gone, unnest(gone.keys) AS k GROUP BY k),"
    " words_done AS (UPDATE ix_words SET docs = ix_words.docs - counted.n FROM counted"
    " WHERE ix_words.word = counted.w)"
    " UPDATE ix_keys SET docs = ix_keys.docs - keyed.n FROM keyed WHERE ix_keys.key = keyed.k"
)
_COUNT_WORDS = (
    "INSERT INTO ix_words (word, docs) SELECT * FROM unnest(%s::text[], %s::int4[])"
    " ON CONFLICT (word) DO UPDATE SET docs = ix_words.docs + excluded.docs"
)
_COUNT_KEYS = (
    "INSERT INTO ix_keys (key, docs) SELECT * FROM unnest(%s::int4[], %s::int4[])"
    " ON CONFLICT (key) DO UPDATE SET docs = ix_keys.docs + excluded.docs"
)


class PgWriter:
    """Adds and deletes gathered in memory and written in one transaction on leaving the ``with`` block
    (nothing on an error): deletes first, then the added rows by ``COPY``, then the word counts."""

    def __init__(self, index: PgIndex, optimize: bool = False) -> None:
        self.index = index
        self.optimize = optimize
        self.added = 0
        self._rows: dict[str, tuple[str, int, list[int], list[str], list[int], list[int]]] = {}
        self._pairs: dict[str, tuple[int, list[int], list[int], list[int]]] = {}
        self._gone: dict[str, None] = {}

    def __enter__(self) -> PgWriter:
        return self

    def add(self, num: int, article_id: str, folded: str, packed: PackedTerms | None = None, chars: int = 0) -> None:
        """Add one article: its terms (``term_keys(folded)`` unless given packed; ``chars`` is the catalogue's)."""
        keys, words, counts = counted_terms(folded) if packed is None else unpack_terms(packed)
        ckeys = sorted(counts)
        self._rows[article_id] = (article_id, num, sorted(keys), sorted(words), ckeys, [counts[k] for k in ckeys])
        self._pairs[article_id] = _pair_row(num, folded)
        self.added += 1

    def delete(self, article_id: str) -> None:
        self._rows.pop(article_id, None)
        self._pairs.pop(article_id, None)
        self._gone[article_id] = None

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self._commit()
        self._rows.clear()
        self._pairs.clear()
        self._gone.clear()

    def _commit(self) -> None:
        with self.index._lock:
            self.index._fresh()
        conn = self.index._conn
        replaced = list(self._gone) + list(self._rows)
        counts: Counter[str] = Counter()
        keyed: Counter[int] = Counter()
        for row in self._rows.values():
            keyed.update(row[2])
            counts.update(row[3])
        with self.index._lock:
            with conn.transaction():
                conn.execute(f"SET LOCAL work_mem = '{MERGE_MEM}'")
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_COUNT_LOCK,))
                if replaced:
                    # the pairs of the rows replaced, and any row of a catalogue number added again
                    again = [r[1] for r in self._rows.values()]
                    conn.execute("DELETE FROM ix_pairs WHERE num IN (SELECT num FROM ix_docs WHERE "
                                 "article_id = ANY(%s)) OR num = ANY(%s)", (replaced, again))
                    conn.execute(_DELETE, (replaced,))
                with conn.cursor().copy("COPY ix_docs (article_id, num, keys, words, ckeys, cns) FROM STDIN "
                                        "(FORMAT BINARY)") as copy:
                    copy.set_types(["text", "int8", "int4[]", "text[]", "int4[]", "int4[]"])
                    for row in self._rows.values():
                        copy.write_row(row)
                _copy_pairs(conn, self._pairs.values())
                if counts:
                    conn.execute(_COUNT_WORDS, (list(counts), list(counts.values())))
                if keyed:
                    conn.execute(_COUNT_KEYS, (list(keyed), list(keyed.values())))
                if self.optimize:
                    conn.execute("DELETE FROM ix_words WHERE docs <= 0")
                    conn.execute("DELETE FROM ix_keys WHERE docs <= 0")
            with conn.transaction():
                # rows left in GIN's pending lists would be read one by one by every search: merge them now
                conn.execute(f"SET LOCAL maintenance_work_mem = '{MERGE_MEM}'")
                # (ix_pairs_pairs is missing while an older index's pairs are being filled: made after them)
                conn.execute("SELECT gin_clean_pending_list(i) FROM unnest(ARRAY[to_regclass('ix_docs_keys'), "
                             "to_regclass('ix_docs_words'), to_regclass('ix_docs_ckeys'), "
                             "to_regclass('ix_pairs_pairs')]) AS i WHERE i IS NOT NULL")
            if self.optimize or len(self._rows) >= 1000:
                conn.execute("ANALYZE ix_docs")
                conn.execute("ANALYZE ix_pairs")


PairRow = tuple[int, list[int], list[int], list[int]]


def _pair_row(num: int, folded: str) -> PairRow:
    """An ``ix_pairs`` row: the article's rare pairs' keys, and those it holds more than once with their counts."""
    held = rare_pairs(folded)
    twice = sorted(k for k, n in held.items() if n > 1)
    return num, sorted(held), twice, [held[k] for k in twice]


def _copy_pairs(conn: psycopg.Connection[Any], rows: Iterable[PairRow]) -> None:
    with conn.cursor().copy("COPY ix_pairs (num, pairs, twice, times) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(["int8", "int4[]", "int4[]", "int4[]"])
        for row in rows:
            copy.write_row(row)
