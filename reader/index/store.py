"""The search index: Whoosh, kept behind this one interface (upstream is unmaintained).

The interface
-------------
The rest of Broadsheet reaches the index through this module only:
:class:`Index` (``nums`` — the candidates holding all of some terms —,
``all_nums``, ``doc_count``, ``writer``), its :class:`Writer` (``add``,
``delete``; commit on leaving the ``with`` block, cancel on an error), ``holding``
and ``folded`` (verification on the index's own copy of the folded texts,
:mod:`reader.index.textstore`), and :func:`sync` and :func:`rebuild`. What the terms are is :mod:`reader.index.terms`
(its names are re-exported here); Broadsheet's own posting writer, which
bypasses Whoosh's posting pool, is quarantined in :mod:`reader.index.whoosh_writer`
and used by :class:`Writer` only.

Writing
-------
Only :func:`sync` writes, from the catalogue, inside the library's import lock
(one writer). It deletes the ids waiting in ``index_dropped``, adds the rows
with ``indexed = 0`` in batches, commits Whoosh, and only then marks the rows
in the catalogue. A crash before the mark re-adds the batch on the next sync;
the meta key ``index_pending`` tells that sync to delete before adding so no
article is indexed twice. :func:`rebuild` starts from an empty index.
Whoosh writers are used as context managers (an error cancels, never half-commits).

The terms field is named after the term layout (``t14x2f2r1c1024``: bucket width, two
buckets, frequent-bigram and frequent-run list versions, counted bigrams): an index written
with other buckets (an older Broadsheet) has no such field, would give wrong
candidates, and is therefore rebuilt by the next :func:`sync` (the CLI and
every import sync first); until then searching it raises
:class:`IndexUnavailableError`.
"""

from __future__ import annotations

import bisect
import logging
import operator
import shutil
import sys
import threading
import time
import uuid
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import compress, groupby, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from whoosh import columns, fields, formats
from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import TermNotFound

from reader.index.rows import Rows, RowSet, as_rows
from reader.index.terms import (
    BUCKET_BITS,
    FIELD,
    FREQUENT_VERSION,
    RUNS_VERSION,
    TOKEN_RE,
    WORD_RE,
    PackedTerms,
    cjk_terms,
    counted_bigrams,
    counted_terms,
    frequent_bigrams,
    frequent_runs,
    pack_terms,
    pack_terms_many,
    term_keys,
    term_text,
    terms,
    unpack_terms,
)
from reader.index.textstore import TextStore
from reader.index.whoosh_writer import (
    TermListSegmentWriter,
    WhooshVersionError,
    counted_blocks,
    raw_blocks,
    spanned_blocks,
)
from reader.model.errors import BroadsheetError

if TYPE_CHECKING:
    from types import TracebackType

__all__ = [
    # the interface
    "Index", "IndexUnavailableError", "Writer", "SearchIndex", "IndexWriter", "open_index", "index_where",
    "discard_index", "sync", "rebuild", "schema", "WhooshVersionError",
    "BATCH_ARTICLES", "BATCH_CHARS", "POOL_MB", "BLOCK_POSTINGS", "NUM_LIST_MIN",
    # the terms (reader.index.terms), re-exported
    "BUCKET_BITS", "FIELD", "FREQUENT_VERSION", "RUNS_VERSION", "TOKEN_RE", "PackedTerms", "cjk_terms",
    "counted_bigrams", "counted_terms", "frequent_bigrams", "frequent_runs", "pack_terms", "pack_terms_many",
    "term_keys", "term_text", "terms", "unpack_terms",
]

log = logging.getLogger(__name__)

#: articles per Whoosh commit and characters per commit: bound memory of the posting pool and merge; a commit is a
#: segment, whose terms cost the same whatever its size, so an import's sync (``importer.SYNC_CHARS``) is one commit
BATCH_ARTICLES = 10_000
#: Whoosh's posting pool (the id and num fields only) spills to disk beyond this
POOL_MB = 128
BATCH_CHARS = 12_000_000
#: postings per block in the postings file (Whoosh's default 128; 512 before): a block costs ~10 us to read whatever
#: its size (zlib's set-up, the header, the pickle), so a common term's 365,000 postings at 100,000 pages decoded in
#: ~21 ms as 713 blocks and ~9 ms as 90; the index is ~4 % smaller (docs/ARCHITECTURE.md). A reader wanting a few
#: documents decodes only their blocks (:func:`_segment_docs`). Only written so: blocks of any size are read.
BLOCK_POSTINGS = 4096
#: a query with this many index hits reads the whole ``num`` column once (kept until the index changes)
NUM_LIST_MIN = 1000


class IndexUnavailableError(BroadsheetError):
    """The index cannot be opened or written."""


class IndexWriter(Protocol):
    """What :func:`sync` and the tests need of a writer: a context manager that commits on success."""

    added: int

    def __enter__(self) -> IndexWriter: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...

    def add(self, num: int, article_id: str, folded: str, packed: PackedTerms | None = None, chars: int = 0) -> None:
        ...

    def delete(self, article_id: str) -> None: ...


class SearchIndex(Protocol):
    """The interface of a library's index, whichever kind (:class:`Index`: Whoosh in the library folder;
    :class:`reader.index.pg.PgIndex`: tables in the library's PostgreSQL database)."""

    #: the index holds another term layout: :func:`sync` rebuilds it
    outdated: bool

    @property
    def where(self) -> str: ...

    def nums(self, term_list: Sequence[str], superset: bool = False) -> Rows: ...

    def cjk_terms(self, run: str) -> tuple[list[str], bool]:
        """The index terms whose AND gives the candidates of a CJK run, and whether they are exact alone
        (:func:`reader.index.terms.cjk_terms`, or what this index holds beyond those terms)."""
        ...

    def any_nums(self, term_list: Sequence[str]) -> Rows: ...

    def words(self, prefix: str = "") -> list[str]: ...

    def all_nums(self) -> Rows: ...

    def holding(self, nums: RowSet, needle: str) -> tuple[set[int], RowSet]:
        """(rows of ``nums`` whose folded text holds ``needle``, rows the index cannot tell about: the caller
        asks the catalogue)."""
        ...

    def folded(self, nums: RowSet) -> tuple[Iterator[tuple[int, str]], RowSet]:
        """(``(row, folded text)`` the index keeps a copy of, the rows it lacks: the caller reads the catalogue)."""
        ...

    def counts(self, nums: RowSet, needle: str, held: bool = False) -> tuple[dict[int, int], RowSet]:
        """(row → places its folded text holds ``needle`` at, overlapping ones each, for the rows the index can
        count; the rows it cannot: the caller counts the catalogue's). ``held``: every row of ``nums`` holds the
        needle (the hits of a search for it alone)."""
        ...

    def chars(self, nums: RowSet) -> dict[int, int]:
        """row → the catalogue's ``chars`` of the article, for the rows of ``nums`` whose length the index records
        (none: the caller reads the catalogue)."""
        ...

    def doc_count(self) -> int: ...

    def exact_count(self, term: str) -> int | None:
        """How many articles hold the index term ``term``, when the index knows without reading its postings
        (None: it does not; the caller counts the candidates)."""
        ...

    def size_bytes(self) -> int: ...

    def writer(self, update: bool = False, optimize: bool = False) -> IndexWriter: ...

    def reset(self) -> None: ...

    def close(self) -> None: ...

    def held_token(self) -> str | None: ...

    def write_token(self, token: str) -> None: ...


class _TermsField(fields.FieldType):  # type: ignore[misc]  # whoosh is untyped
    """A field whose value is an iterable of ready-made terms (no analyzer, no positions)."""

    def __init__(self) -> None:
        super().__init__(formats.Existence(), analyzer=None, scorable=False, stored=False, unique=False)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for term in value:
            yield term.encode("utf-8"), 1, 1.0, b""

    def process_text(self, qstring: str, mode: str = "", **kwargs: Any) -> Iterator[str]:
        yield qstring


def schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(unique=True, stored=False),
        num=fields.NUMERIC(int, bits=64, stored=False, sortable=True),
        **{FIELD: _TermsField()},
    )


T = TypeVar("T")

#: how many times a reader reads the index's table of contents when the one it listed is gone
TOC_TRIES = 6


def toc_read(read: Callable[[], T]) -> T:
    """``read()``, again when the table of contents it listed was gone when it opened it: a writer in another
    process committed a new generation and removed the old one in between (a window reading a library being
    imported into was told "the search index cannot be opened … _MAIN_1.toc; run `broadsheet reindex`")."""
    for attempt in range(TOC_TRIES):
        try:
            return read()
        except FileNotFoundError:
            if attempt == TOC_TRIES - 1:
                raise
            time.sleep(0.005 * 2 ** attempt)  # 5 … 80 ms: a commit's rename and removal take far less
    raise AssertionError("unreachable")


class Index:
    """The Whoosh index of a library folder (``folder/index``). Searching is thread-safe."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._searcher: Any = None
        #: the ``num`` column of the current searcher (docnum → catalogue row), read once per searcher
        self._num_list: Sequence[int] | None = None
        self._num_list_of: Any = None
        self._numbering: _Numbering | None = None
        #: the words of the term list, read once per searcher (wildcards and fuzzy terms expand against them)
        self._words: list[str] = []
        self._words_of: Any = None
        self._ix = self._open()
        #: the folded texts beside the index (:mod:`reader.index.textstore`): verification without the catalogue
        self.texts = TextStore(self.folder)
        #: the index was written with another term layout (an older Broadsheet): :func:`sync` rebuilds it
        self.outdated = FIELD not in self._ix.schema.names()

    def _open(self) -> Any:
        self.folder.mkdir(parents=True, exist_ok=True)
        storage = FileStorage(str(self.folder), supports_mmap=False)
        try:
            if toc_read(lambda: windex.exists_in(str(self.folder))):
                return toc_read(storage.open_index)
            return storage.create_index(schema())
        except Exception as e:  # whoosh raises bare exceptions of many kinds for damaged files
            raise IndexUnavailableError(f"{self.folder}: the search index cannot be opened ({e}); "
                                        "run `broadsheet reindex`.") from e

    def reset(self) -> None:
        """Replace the index by an empty one of the current layout (the caller re-adds every article)."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._num_list = self._num_list_of = self._numbering = None
            self._ix.close()
            self.texts.close()
            shutil.rmtree(self.folder, ignore_errors=True)
            self._ix = self._open()
            self.texts = TextStore(self.folder)
            self.outdated = False

    @property
    def where(self) -> str:
        """Where the index is, for messages."""
        return str(self.folder)

    def held_token(self) -> str | None:
        """The token of the library the index was written for (``TOKEN_FILE`` in its folder), if any."""
        path = self.folder / TOKEN_FILE
        return path.read_text(encoding="utf-8").strip() if path.is_file() else None

    def write_token(self, token: str) -> None:
        (self.folder / TOKEN_FILE).write_text(token + "\n", encoding="utf-8")

    def _check(self) -> None:
        if self.outdated:
            raise IndexUnavailableError(f"{self.folder}: the search index was written by another version of "
                                        f"Broadsheet; run `broadsheet reindex`.")

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
        self._ix.close()
        self.texts.close()

    def doc_count(self) -> int:
        """Undeleted documents, from the table of contents (each segment's count and deletions): Whoosh's own
        ``doc_count`` opens a reader of every segment for it (a third of a search's index time in a new process)."""
        return toc_read(lambda: sum(int(seg.doc_count()) for seg in self._ix._segments()))

    def exact_count(self, term: str) -> int | None:
        """The term's document frequency summed over the segments — exact while no segment holds a deleted
        document (a deleted one still counts there until a merge); else None."""
        self._check()
        with self._lock:
            s = self._current()
            if any(r.has_deletions() for r, _ in s.reader().leaf_readers()):
                return None
            return int(s.doc_frequency(FIELD, term))

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.folder.iterdir() if p.is_file())

    # -- reading

    def _current(self) -> Any:
        if self._searcher is None:
            self._searcher = toc_read(self._ix.searcher)
        elif not toc_read(self._searcher.up_to_date):
            # not Searcher.refresh(): it reuses a segment's reader with the deletions it had when
            # opened (a deleted article would stay a hit), and fails on an empty index
            self._searcher.close()
            self._searcher = toc_read(self._ix.searcher)
        return self._searcher

    def nums(self, term_list: Sequence[str], superset: bool = False) -> Rows:
        """Catalogue rows of the articles holding ALL ``term_list`` (the candidates).

        ``superset``: the caller verifies every candidate, so a term held by
        most documents may be left out once a rarer one has given candidates
        (decoding it would cost more than the few candidates it removes).
        """
        if not term_list:
            return Rows()
        self._check()
        with self._lock:
            s = self._current()
            return self._rows_of(s, _docs_with_all(s, term_list, superset))

    def _rows_of(self, s: Any, docnums: Rows) -> Rows:
        """The catalogue rows of searcher ``s``'s documents ``docnums``: a few read from the ``num`` column one by one,
        many mapped a run of the column at a time (:class:`_Numbering`)."""
        if not docnums:
            return Rows()
        if len(docnums) < NUM_LIST_MIN and self._num_list_of is not s:
            col = s.reader().column_reader("num")
            return Rows(col[d] for d in docnums)
        return self._numbering_of(s).rows(docnums)

    def _numbering_of(self, s: Any) -> _Numbering:
        """The docnum → catalogue row map of searcher ``s`` (read with the ``num`` column, kept as long as it)."""
        nums = self._nums_of(s)
        if self._numbering is None or self._numbering.column is not nums:
            self._numbering = _Numbering(nums)
        return self._numbering

    def _nums_of(self, s: Any) -> Sequence[int]:
        # Whoosh reads a column value at a few microseconds each; many hits read the whole column once
        if self._num_list_of is not s:
            self._num_list = _num_column(s)
            self._num_list_of = s
        assert self._num_list is not None
        return self._num_list

    def cjk_terms(self, run: str) -> tuple[list[str], bool]:
        """:func:`reader.index.terms.cjk_terms`: this index holds those terms only."""
        return cjk_terms(run)

    def any_nums(self, term_list: Sequence[str]) -> Rows:
        """Catalogue rows of the articles holding ANY of ``term_list`` (a variant class, a wildcard's words)."""
        if not term_list:
            return Rows()
        self._check()
        with self._lock:
            s = self._current()
            readers = s.reader().leaf_readers()
            docs = Rows()
            for term in dict.fromkeys(term_list):
                docs |= _term_docs(readers, term.encode("utf-8"))
            return self._rows_of(s, docs)

    def words(self, prefix: str = "") -> list[str]:
        """The Latin/digit words of the index's term list (those starting with ``prefix``), read once per
        index state: what a wildcard or fuzzy term is expanded against (never the texts)."""
        self._check()
        with self._lock:
            s = self._current()
            if self._words_of is not s:
                reader = s.reader()
                self._words = [w for w in (b.decode("utf-8") for b in reader.lexicon(FIELD)) if WORD_RE.fullmatch(w)]
                self._words_of = s
            words = self._words
        if not prefix:
            return words
        lo = bisect.bisect_left(words, prefix)
        hi = bisect.bisect_left(words, prefix + "\U0010ffff")
        return words[lo:hi]

    def prepare(self) -> None:
        """For a long-lived reader (the window): open the segments and read the text store's table of rows now,
        not during the first searches."""
        with self._lock:
            self._current()
        self.texts.prepare()

    def holding(self, nums: RowSet, needle: str) -> tuple[set[int], RowSet]:
        """(the rows of ``nums`` whose folded text holds the string ``needle``, the rows this cannot tell):
        verification on the index's own copy of the texts (:mod:`reader.index.textstore`). The caller asks the
        catalogue about the second set — a missing or partial copy never turns into "no hits"."""
        return self.texts.holding(nums, needle)

    def folded(self, nums: RowSet) -> tuple[Iterator[tuple[int, str]], RowSet]:
        """(``(row, folded text)`` of the rows of ``nums`` the index's copy holds, the rows it lacks)."""
        return self.texts.texts(nums)

    def chars(self, nums: RowSet) -> dict[int, int]:
        """row → the article's ``chars``, recorded beside its text in the index's copy (:meth:`TextStore.chars`)."""
        return self.texts.chars(nums)

    def counts(self, nums: RowSet, needle: str, held: bool = False) -> tuple[dict[int, int], RowSet]:
        """(row → places its folded text holds ``needle`` at, for the rows of ``nums`` the index's copy holds, the
        rows it lacks; ``held`` is not needed here). A counted bigram (:func:`counted_bigrams`: 中国, 人民, …) is
        counted from its postings, which carry each article's count; the rows of ``nums`` they do not hold, and any
        other needle, on the copy's bytes (:meth:`TextStore.counts`)."""
        if needle not in counted_bigrams():
            return self.texts.counts(nums, needle)
        self._check()
        with self._lock:
            s = self._current()
            per_row = _term_counts(s.reader().leaf_readers(), needle.encode("utf-8"), self._nums_of(s))
        wanted = as_rows(nums)
        holding = Rows(per_row)
        if holding == wanted:
            return per_row, Rows()
        found = {num: per_row[num] for num in wanted & holding}
        rest, unknown = self.texts.counts(wanted - holding, needle)
        found.update(rest)
        return found, unknown

    def all_nums(self) -> Rows:
        self._check()
        with self._lock:
            s = self._current()
            return self._rows_of(s, Rows(s.reader().all_doc_ids()))

    # -- writing

    @contextmanager
    def committer(self) -> Iterator[Callable[[Sequence[Any]], None]]:
        """Hold the index's write lock; yield ``commit(segments)``, which writes a table of contents naming the
        index's segments and ``segments`` (written by other processes, :mod:`reader.index.parallel`). Leaving
        without committing commits nothing (the segments' files go at the next commit)."""
        self._check()
        try:
            w = TermListSegmentWriter(self._ix, FIELD, limitmb=POOL_MB, codec=_codec())
        except windex.LockError as e:
            raise IndexUnavailableError(f"{self.folder}: another writer holds the search index.") from e
        done = False

        def commit(segments: Sequence[Any]) -> None:
            nonlocal done
            w._close_segment()
            w._commit_toc(list(w.segments) + list(segments))
            w._finish()
            done = True

        try:
            yield commit
        finally:
            if not done:
                w.cancel()

    def writer(self, update: bool = False, optimize: bool = False) -> Writer:
        """A writer (a context manager). ``update``: an added article replaces the one of the same id.
        ``optimize``: merge every segment into one at commit (else Whoosh's merge policy merges small ones)."""
        self._check()
        return Writer(self, update, optimize)


#: a byte with its top bit flipped: Whoosh's sortable form of a signed 64-bit integer is the value plus 2**63,
#: i.e. the same big-endian bytes with the sign bit flipped
_FLIP_TOP = bytes(i ^ 0x80 for i in range(256))


def _num_column(s: Any) -> Sequence[int]:
    """The ``num`` column of every document of searcher ``s`` (docnum → catalogue row).

    Whoosh reads a column one value at a time (0.8 s for 54,000 documents, a search's start-up in a new
    process); a segment's numeric column is a run of fixed-width big-endian integers, read here in one go into
    one array, the sortable form undone at C speed (the sign bit of each value flipped in its bytes): no Python
    step per document, so a search in a new process pays ~1 ms per 100,000 documents for it. A column of
    another layout is read Whoosh's way.
    """
    raw = bytearray()
    for reader, _ in s.reader().leaf_readers():
        col = reader.column_reader("num", translate=False)
        if not isinstance(col, columns.NumericColumn.Reader) or col._typecode != "Q":
            return _num_column_slow(s)
        raw += col._dbfile.get(col._basepos, col._count * col._fixedlen)
        raw += col._defaultbytes * (col._doccount - col._count)
    raw[0::8] = raw[0::8].translate(_FLIP_TOP)
    values: array[int] = array("q")
    values.frombytes(raw)
    if sys.byteorder == "little":
        values.byteswap()
    convert = s.schema["num"].from_column_value
    for i in (0, len(values) - 1) if values else ():  # the layout this assumes, checked on Whoosh's own reading
        if convert(values[i] + (1 << 63)) != values[i]:
            return _num_column_slow(s)
    return values


def _num_column_slow(s: Any) -> list[int]:
    """The ``num`` column read Whoosh's way, a value at a time (a column of a layout :func:`_num_column` does
    not know)."""
    return list(s.reader().column_reader("num"))


def _docs_with_all(s: Any, term_list: Sequence[str], superset: bool = False) -> Rows:
    """Docnums (searcher-wide, deleted documents left out) of the documents holding every term.

    Whoosh's own query matchers walk postings one call per posting (a common
    character's list of 40,000 documents took 50 ms); here a term's postings
    are decoded a block at a time into a bitmap (:class:`Rows`) and the bitmaps
    intersected, rarest term first. A list met with candidates decodes only the
    blocks that may hold one (:func:`_segment_docs`). With
    ``superset``, a term held by more than :data:`COMMON_SHARE` of the documents
    is skipped once a rarer term has given candidates: the common characters of
    a rare two-character string (学, 开) hold nearly every article and remove
    almost nothing from the pair's bucket, at the cost of decoding 50,000 postings.
    """
    readers = s.reader().leaf_readers()
    by_rarity = sorted((s.doc_frequency(FIELD, t), t) for t in dict.fromkeys(term_list))
    common = COMMON_SHARE * s.doc_count_all()
    acc: Rows | None = None
    for df, term in by_rarity:
        if df == 0:
            return Rows()
        if superset and acc is not None and df > common:
            break  # rarest first: the rest are common too
        acc = _term_docs(readers, term.encode("utf-8"), acc)
        if not acc:
            return Rows()
    return acc if acc is not None else Rows()


#: for superset candidates, terms held by more than this share of the documents are not decoded
COMMON_SHARE = 0.25
#: a ``num`` column in more runs than one per this many documents is mapped a document at a time
RUN_MIN_LENGTH = 16


class _Numbering:
    """A searcher's docnum → catalogue row map: the ``num`` column, and the runs of documents in it whose row
    is their docnum plus a constant (an import adds articles in row order, so a segment is a few such runs; a
    merge puts segments one after another: 543,115 documents make 513 runs at 100,000 pages). The docnums of a
    run become rows with one shift of their bitmap at C speed, where a lookup per document cost more than
    decoding the postings (a common character's 535,000 at 100,000 pages)."""

    def __init__(self, column: Sequence[int]) -> None:
        self.column = column
        #: first docnum of each run and its row - docnum
        self.starts: list[int] = []
        self.shifts: list[int] = []
        pos = 0
        for shift, run in groupby(map(operator.sub, column, range(len(column)))):
            self.starts.append(pos)
            self.shifts.append(shift)
            pos += len(list(run))
        self.ends = [*self.starts[1:], pos]

    def rows(self, docs: Rows) -> Rows:
        """The rows of searcher-wide docnums ``docs``."""
        if len(self.starts) * RUN_MIN_LENGTH > len(self.column):
            return Rows(map(self.column.__getitem__, docs))  # rows in no order worth runs: one at a time
        out = Rows()
        first = bisect.bisect_right(self.starts, docs.min()) - 1
        last = bisect.bisect_right(self.starts, docs.max())
        for start, end, shift in zip(self.starts[first:last], self.ends[first:last], self.shifts[first:last],
                                     strict=True):
            piece = docs & Rows(range(start, end))
            if piece:
                out |= piece.shift(shift) if shift else piece
        return out


def _term_docs(readers: Sequence[tuple[Any, int]], btext: bytes, within: Rows | None = None) -> Rows:
    """The searcher-wide docnums of the (live) documents holding the index term ``btext`` — of those ``within``
    when given: then only the blocks whose span holds one of them are decoded (a rare term's few candidates met
    with a common term's list read a block or two of each segment, where the list was decoded whole)."""
    out = Rows()
    for i, (r, offset) in enumerate(readers):
        local = None
        if within is not None:
            end = readers[i + 1][1] if i + 1 < len(readers) else max(offset, within.max() + 1)
            local = within & Rows(range(offset, end))
            if not local:
                continue
            if offset:
                local = local.shift(-offset)
        try:
            matcher = r.postings(FIELD, btext)
        except TermNotFound:
            continue
        found = _segment_docs(matcher, local)
        if r.has_deletions():
            found -= Rows(r.deleted_docs_set)
        out |= found.shift(offset) if offset else found
    return out


def _segment_docs(matcher: Any, within: Rows | None) -> Rows:
    """A segment's docnums in a term's postings (deleted ones included) — of those ``within``, decoding only the
    blocks that may hold one."""
    docs: array[int] = array("I")
    if within is None:
        for block in raw_blocks(matcher):
            docs.extend(block)
        return Rows(docs)
    wanted = within.to_array()
    at, last = 0, len(wanted)
    for top, decode in spanned_blocks(matcher):
        if wanted[at] <= top:
            docs.extend(decode()[0])
            at = bisect.bisect_right(wanted, top, at)
            if at == last:
                break
    return Rows(docs) & within


def _term_counts(readers: Sequence[tuple[Any, int]], btext: bytes, column: Sequence[int]) -> dict[int, int]:
    """Catalogue row → count of each live document holding the counted bigram ``btext`` (its postings' weights;
    ``column`` maps searcher-wide docnums to rows), a block at a time at C speed."""
    out: dict[int, int] = {}
    for r, offset in readers:
        try:
            matcher = r.postings(FIELD, btext)
        except TermNotFound:
            continue
        deleted = r.deleted_docs_set if r.has_deletions() else None
        for docs, counts in counted_blocks(matcher):
            local = list(docs)
            held: Iterable[int] = counts if counts is not None else repeat(1, len(local))
            if deleted:
                keep = [d not in deleted for d in local]
                local, held = list(compress(local, keep)), list(compress(held, keep))
            out.update(zip(map(column.__getitem__, map(offset.__add__, local)), held, strict=False))
    return out


class Writer:
    """One Whoosh writer as a context manager: commit on success, cancel on error."""

    def __init__(self, index: Index, update: bool, optimize: bool = False) -> None:
        self.index = index
        self.update = update
        self.optimize = optimize
        self._w: TermListSegmentWriter | None = None
        self.added = 0
        #: (row, folded text, chars) of the articles added, written to the text store at commit
        self._texts: list[tuple[int, str, int]] = []

    def __enter__(self) -> Writer:
        try:
            self._w = TermListSegmentWriter(self.index._ix, FIELD, limitmb=POOL_MB, codec=_codec())
        except windex.LockError as e:
            raise IndexUnavailableError(f"{self.index.folder}: another writer holds the search index.") from e
        return self

    def add(self, num: int, article_id: str, folded: str, packed: PackedTerms | None = None, chars: int = 0) -> None:
        """Add one article: ``id`` and ``num`` through Whoosh, its terms (``terms(folded)`` unless
        given) to the writer's per-term lists, its text and ``chars`` (the catalogue's length of it; 0: not known)
        to the text store."""
        w = self._w
        assert w is not None
        if self.update:
            w.delete_by_term("id", article_id)
        w.add_document(id=article_id, num=num)
        self._texts.append((num, folded, chars))
        if packed is None:
            w.add_terms(w.docnum - 1, *counted_terms(folded))
        else:
            w.add_terms(w.docnum - 1, *unpack_terms(packed))
        self.added += 1

    def delete(self, article_id: str) -> None:
        assert self._w is not None
        self._w.delete_by_term("id", article_id)

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        assert self._w is not None
        if exc_type is None:
            try:
                # the texts first: a row the index holds is then in the store too (a crash between the two
                # leaves texts of rows the index lacks, which no search asks for, and re-adds them)
                self.index.texts.append(self._texts)
            except BaseException:
                self._w.cancel()
                raise
            self._w.commit(optimize=self.optimize)
        else:
            self._w.cancel()
        self._texts = []
        self._w = None


ProgressFn = Callable[[int, int], None]


def _codec() -> Any:
    from reader.index.parallel import codec

    return codec(BLOCK_POSTINGS)


#: The file in the index folder naming the library the index belongs to (its ``index_token`` meta value).
TOKEN_FILE = "BROADSHEET-LIBRARY"


def open_index(library: Any) -> SearchIndex:
    """The search index of ``library``: the one place that chooses the index's kind for a library.

    A PostgreSQL library (``kind == "postgres"``) keeps it in its own database (:mod:`reader.index.pg`,
    imported only then: psycopg is an optional dependency); a folder library in ``index_dir``.
    """
    if getattr(library, "kind", None) == "postgres":
        from reader.index.pg import PgIndex

        return PgIndex(library.connect_raw, library.location)
    return Index(library.index_dir)


def discard_index(library: Any) -> None:
    """Throw ``library``'s index away (a rebuild follows): the folder is removed — it may be too damaged
    to open —; a PostgreSQL index empties its own tables."""
    if getattr(library, "kind", None) == "postgres":
        ix = open_index(library)
        try:
            ix.reset()
        finally:
            ix.close()
    elif library.index_dir.exists():
        shutil.rmtree(library.index_dir)


def index_where(library: Any) -> str:
    """Where ``library``'s index is, for messages, without opening it: its folder, or the database's URL."""
    if getattr(library, "kind", "sqlite") == "postgres":
        return f"{library.location} (its search index)"
    return str(library.index_dir)


def indexed_count(library: Any) -> int:
    """How many articles the catalogue says the index holds: all of them but the unindexed (a count over the
    smallest index and a lookup in the partial index of unindexed rows; counting ``indexed = 1`` read every
    article's row: 73 ms of a search's start-up at 10,000 pages, against 1.5 ms)."""
    one = library.conn.execute
    return int(one("SELECT COUNT(*) FROM articles").fetchone()[0]) - \
        int(one("SELECT COUNT(*) FROM articles WHERE indexed = 0").fetchone()[0])


def unhealthy(library: Any, ix: SearchIndex) -> str | None:
    """Why the index cannot answer for this catalogue (None when it can): missing, foreign or stale.

    The catalogue is the truth: it says which articles the index holds (``indexed``) and, by a token
    also written into the index (its folder; a PostgreSQL index's ``ix_meta``), which index is its own.
    """
    token = library.meta_get("index_token")
    held = ix.held_token()
    if token is not None and held is not None and held != token:
        return "the index folder belongs to another library"
    # the catalogue read first: an import commits the index, then marks its rows indexed, so an import committing
    # between the two reads leaves the index holding more, never fewer (read the other way, a window judging its
    # index during another process's import found it "missing articles" and rebuilt it)
    claimed = indexed_count(library)
    if ix.doc_count() < claimed:
        return "the index is missing articles the catalogue says it holds (deleted or damaged)"
    return None


def rebuild_reason(library: Any, ix: SearchIndex) -> str | None:
    """Why ``ix`` must be rebuilt from the catalogue before it answers (None when it need not): written by another
    version of Broadsheet (another term layout), or :func:`unhealthy`."""
    return "it was written by another version of Broadsheet" if ix.outdated else unhealthy(library, ix)


def stamp(library: Any, ix: SearchIndex) -> None:
    """Mark the index as this library's (a new token for a library that has none yet)."""
    token = library.meta_get("index_token")
    if token is None:
        token = uuid.uuid4().hex
        library.meta_set("index_token", token)
    if ix.held_token() != token:
        ix.write_token(token)


def sync(library: Any, index: SearchIndex | None = None, progress: ProgressFn | None = None,
         cancel: threading.Event | None = None, known_terms: dict[int, PackedTerms] | None = None,
         on_rebuild: Callable[[str], None] | None = None, workers: int | None = None,
         announce: bool = True) -> int:
    """Bring the index up to the catalogue; return the number of articles added.

    An index that is missing, foreign (another library's) or stale (missing articles) is rebuilt
    from the catalogue; ``on_rebuild(why)`` is told first, so a person can be told too.

    ``known_terms``: catalogue row → :func:`pack_terms` of its folded text, computed
    already (by an import's reading process); used and removed when the row is added.

    ``progress(done, total)`` is called after each commit; a set ``cancel`` stops
    after the current commit (everything committed stays consistent).

    ``workers``: an empty index with many rows to add (a rebuild) is filled by up to this many worker
    processes, each writing segments of its own (:mod:`reader.index.parallel`). Opt-in: they are spawned,
    which re-imports the caller's ``__main__`` (the CLI's is guarded).

    ``announce``: a sync that changed the index moves the catalogue's change counter, so open windows read the
    library again (:mod:`reader.library.changes`); an import announces once, when it has ended, instead.
    """
    own = index is None
    ix = index or open_index(library)
    added = 0
    changed = False
    try:
        if getattr(library, "private_index", False):
            return _sync_private(library, ix, progress, on_rebuild, cancel)
        with library.writing():
            why = _start_over_if_needed(library, ix, on_rebuild)
            stamp(library, ix)
            total = int(library.conn.execute("SELECT COUNT(*) FROM articles WHERE indexed = 0").fetchone()[0])
            pending = library.meta_get("index_pending") is not None
            dropped = library.dropped()
            if isinstance(ix, Index) and not pending and not dropped and not ix.doc_count():
                from reader.index.parallel import workers_for

                width = workers_for(total, workers)
                if width:  # then the loop below finds nothing left, unless cancelled
                    added = _fill_parallel(library, ix, width, total, progress, cancel)
            while True:
                if cancel is not None and cancel.is_set():
                    break
                rows = library.unindexed(BATCH_ARTICLES)
                if not rows and not dropped:
                    break
                batch: list[int] = []
                chars = 0
                library.meta_set("index_pending", str(time.time()))
                with ix.writer(update=pending) as w:
                    for article_id in dropped:
                        w.delete(article_id)
                    for num, article_id, folded, length in rows:
                        known = known_terms.pop(num, None) if known_terms else None
                        w.add(num, article_id, folded, known, length)
                        batch.append(num)
                        chars += len(folded)
                        if chars >= BATCH_CHARS:
                            break
                library.mark_indexed(batch, dropped)
                library.meta_set("index_pending", None)
                changed = True
                pending = False
                dropped = []
                added += len(batch)
                if progress is not None:
                    progress(added, total)
            if isinstance(ix, Index) and (cancel is None or not cancel.is_set()):
                fill_texts(library, ix)
                record_lengths(library, ix)
    finally:
        if own:
            ix.close()
    if announce and (changed or added or why):
        library.announce_change()
    return added


def _start_over_if_needed(library: Any, ix: SearchIndex, on_rebuild: Callable[[str], None] | None) -> str | None:
    """Empty an index that cannot answer for the catalogue (:func:`rebuild_reason`), marking every article to add
    again, and say why (None: it can answer)."""
    why = rebuild_reason(library, ix)
    if why:
        log.warning("%s: %s; rebuilding it from the catalogue", ix.where, why)
        if on_rebuild is not None:
            on_rebuild(why)
        # catalogue first: a crash between the two leaves an outdated index and rows to add again
        library.mark_all_unindexed()
        library.meta_set("index_pending", None)
        ix.reset()
    return why


def _sync_private(library: Any, ix: SearchIndex, progress: ProgressFn | None,
                  on_rebuild: Callable[[str], None] | None, cancel: threading.Event | None) -> int:
    """Make the index of a read-only library without one of its own in this machine's cache (``ix``:
    ``library.index_dir``), from every article of the catalogue and writing nothing of the library's; an index
    made so before answers as it is (the library cannot change: another catalogue at its place has another
    folder). Returns the articles added; a cancelled one is made again next time (it lacks articles)."""
    why = rebuild_reason(library, ix)
    if why is None:
        if isinstance(ix, Index):
            record_lengths(library, ix)  # this machine's copy, made before lengths were recorded
        return 0
    log.warning("%s: %s; making it from the catalogue", ix.where, why)
    if on_rebuild is not None:
        on_rebuild("the library is read-only and has no index of its own")
    ix.reset()
    total = int(library.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    rows = library.conn.execute("SELECT a.num, a.id, t.folded, a.chars FROM articles a "
                                "JOIN article_text t ON t.num = a.num ORDER BY a.num")
    added = 0
    while (cancel is None or not cancel.is_set()) and (batch := _batch_of(rows)):
        with ix.writer() as w:
            for num, article_id, folded, length in batch:
                w.add(num, article_id, folded, None, length)
        added += len(batch)
        if progress is not None:
            progress(added, total)
    token = library.meta_get("index_token")
    if token is not None:
        ix.write_token(token)
    if isinstance(ix, Index):
        fill_texts(library, ix)
    return added


def _batch_of(rows: Iterator[tuple[int, str, str, int]]) -> list[tuple[int, str, str, int]]:
    """The next rows of ``rows`` up to :data:`BATCH_CHARS` characters of text (at least one row while any)."""
    batch: list[tuple[int, str, str, int]] = []
    chars = 0
    for row in rows:
        batch.append(row)
        chars += len(row[2])
        if chars >= BATCH_CHARS:
            break
    return batch


def _fill_parallel(library: Any, ix: Index, width: int, total: int, progress: ProgressFn | None,
                   cancel: threading.Event | None) -> int:
    """Fill the empty index ``ix`` with every unindexed row in ``width`` worker processes, each writing
    segments of its own (:mod:`reader.index.parallel`, where the order of the steps is explained)."""
    from reader.index.parallel import READ_ARTICLES, Filler, runs

    chars = int(library.conn.execute("SELECT coalesce(SUM(chars), 0) FROM articles WHERE indexed = 0").fetchone()[0])
    library.meta_set("index_pending", str(time.time()))
    filler = Filler(str(ix.folder), width, BLOCK_POSTINGS, POOL_MB)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    rows = runs(lambda after: library.unindexed(READ_ARTICLES, after=after), chars, width)
    with ix.committer() as commit:
        if not filler.fill(rows, ix.texts.append, step, cancel):
            return 0
        commit(filler.segments)
    library.mark_indexed(filler.nums)
    library.meta_set("index_pending", None)
    return len(filler.nums)


def fill_texts(library: Any, ix: Index) -> int:
    """Copy into the index's text store the folded texts of the indexed articles it lacks (an index written
    before the store existed, or a store lost): searching stays exact without it, only slower. Costs a read
    of two records when nothing is missing."""
    if ix.texts.record_count() >= ix.doc_count():
        return 0
    have = ix.texts.rows()
    batch: list[tuple[int, str, int]] = []
    chars = added = 0
    for num, folded, length in library.conn.execute(
            "SELECT a.num, t.folded, a.chars FROM articles a JOIN article_text t ON t.num = a.num WHERE a.indexed = 1"):
        if num in have:
            continue
        batch.append((num, folded, length))
        chars += len(folded)
        if chars >= BATCH_CHARS:
            added += ix.texts.append(batch)
            batch, chars = [], 0
    added += ix.texts.append(batch)
    if added:
        log.info("%s: %d folded texts copied into the index's text store", ix.folder, added)
    return added


def record_lengths(library: Any, ix: Index) -> int:
    """Give the index's text store the articles' chars (:meth:`TextStore.record_lengths`) when it was written before
    it recorded them — once, ~1 s at 100,000 pages —, so that a rare pair's hits are ranked without every hit's row
    in the catalogue; how many records were given one."""
    def lengths() -> dict[int, int]:
        return dict(library.conn.execute("SELECT num, chars FROM articles"))

    try:
        given = ix.texts.record_lengths(lengths)
    except OSError as e:  # a read-only folder, a full disk, a record file mapped elsewhere (Windows): exact, slower
        log.info("%s: the lengths of its texts could not be recorded: %s", ix.folder, e)
        return 0
    if given:
        log.info("%s: the lengths of %d texts recorded in the index's text store", ix.folder, given)
    return given


def rebuild(library: Any, progress: ProgressFn | None = None,
            cancel: threading.Event | None = None, workers: int | None = None) -> int:
    """Throw the index away and build it again from the catalogue (in up to ``workers`` processes: see
    :func:`sync`). A read-only library's index in this machine's cache is made again there."""
    if getattr(library, "private_index", False):
        discard_index(library)
        return sync(library, progress=progress, cancel=cancel)
    library.refuse_a_reader()
    with library.writing():
        discard_index(library)
        library.mark_all_unindexed()
        library.meta_set("index_pending", None)
        return sync(library, progress=progress, cancel=cancel, workers=workers)
