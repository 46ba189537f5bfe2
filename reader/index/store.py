"""The search index: Whoosh, kept behind this one module (upstream is unmaintained).

What is indexed
---------------
One Whoosh document per article: ``id`` (the library's article id, unique, for
deletes), ``num`` (the catalogue row, a column read at C speed) and the terms
field (:data:`FIELD`), the set of terms of the article's FOLDED text
(:mod:`reader.text.forms`):

* every CJK character (unigram);
* every pair of adjacent CJK characters (bigram) inside a CJK run: as its own
  term when it is one of the frequent bigrams (:func:`frequent_bigrams`), else
  as TWO bucket terms, ``#…`` and ``$…``, the high and low :data:`BUCKET_BITS`
  bits of its CRC-32 (:func:`term_keys`);
* every Latin/digit word (``[^\\W_]+`` without CJK).

Terms are stored with Whoosh's ``Existence`` format: no positions, no
frequencies. The index is a candidate generator, not the judge: a CJK query of
one character is answered exactly by its unigram, a frequent bigram by its
term; a longer run or a rare pair by the AND of its bigrams' terms, whose
candidates :mod:`reader.search.engine` verifies by a substring test on the
folded text in the catalogue. Whoosh's cost is per term (a posting block and
a terminfo per term in every segment): unhashed bigrams made a vocabulary of
millions of terms, 19x the text and 34k chars/s on a small corpus; buckets
bound it. One bucket of 2**14 held a rare pair's article with some 6% of
chance by collision (thousands of candidates to verify at 10,000 pages); two
independent buckets hold it with well under 1%, for one more posting per
rare pair, where 2**17 single buckets cost twice the index size. Dropping
positions and frequencies keeps the index small and the postings lists short
to intersect; verification keeps results exact.

Writing
-------
Only :func:`sync` writes, from the catalogue, inside the library's import lock
(one writer). It deletes the ids waiting in ``index_dropped``, adds the rows
with ``indexed = 0`` in batches, commits Whoosh, and only then marks the rows
in the catalogue. A crash before the mark re-adds the batch on the next sync;
the meta key ``index_pending`` tells that sync to delete before adding so no
article is indexed twice. :func:`rebuild` starts from an empty index.
Whoosh writers are used as context managers (an error cancels, never half-commits).

The terms field is named after the term layout (``t14x2f1``: bucket width, two
buckets, frequent-list version): an index written
with other buckets (an older Broadsheet) has no such field, would give wrong
candidates, and is therefore rebuilt by the next :func:`sync` (the CLI and
every import sync first); until then searching it raises
:class:`IndexUnavailableError`.
"""

from __future__ import annotations

import bisect
import functools
import logging
import operator
import re
import shutil
import threading
import time
import zlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, islice, repeat
from pathlib import Path
from typing import Any

from whoosh import fields, formats
from whoosh import index as windex
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader, TermNotFound
from whoosh.writing import SegmentWriter

from reader.model.errors import BroadsheetError
from reader.resources import path as resource_path
from reader.text.forms import CJK_CLASS

log = logging.getLogger(__name__)

#: CJK runs and Latin/digit words of folded text.
TOKEN_RE = re.compile(f"(?P<cjk>[{CJK_CLASS}]+)|(?P<word>[^\\W_{CJK_CLASS}]+)")

#: articles per Whoosh commit and characters per commit: bound memory of the posting pool and merge
BATCH_ARTICLES = 5000
#: Whoosh's posting pool (the id and num fields only) spills to disk beyond this
POOL_MB = 128
#: CJK bigrams are hashed into 2**BUCKET_BITS terms: the vocabulary (Whoosh's cost per term) stays bounded
BUCKET_BITS = 14
#: version of ``resources/frequent_bigrams.txt`` (the bigrams indexed as exact terms)
FREQUENT_VERSION = 1
#: the terms field; its name changes with the term layout so an index of another layout is recognised
FIELD = f"t{BUCKET_BITS}x2f{FREQUENT_VERSION}"
BATCH_CHARS = 3_000_000
#: postings per block in the postings file (Whoosh's default 128): fewer block headers to write and to decode
BLOCK_POSTINGS = 512
#: a query with this many index hits reads the whole ``num`` column once (kept until the index changes)
NUM_LIST_MIN = 1000


class IndexUnavailableError(BroadsheetError):
    """The index cannot be opened or written."""


class _TermsField(fields.FieldType):
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


@functools.lru_cache(maxsize=1)
def frequent_bigrams() -> frozenset[str]:
    """The CJK bigrams indexed as exact terms (``resources/frequent_bigrams.txt``: words people search for)."""
    text = resource_path("frequent_bigrams.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


# Term keys: while an import runs, terms travel and are gathered as integers where they can (no
# string to hash per posting in the importing process): a CJK character is its code point, a
# frequent bigram and the two buckets of a rare one are offsets in ranges above Unicode. Latin and
# digit words stay strings. :func:`term_text` gives the index term of a key.
_FREQUENT_BASE = 0x110000
_HIGH_BASE = 0x120000
_LOW_BASE = 0x130000
_LOW_MASK = (1 << BUCKET_BITS) - 1
_KEY_LIMIT = _LOW_BASE + (1 << BUCKET_BITS)


@functools.lru_cache(maxsize=1)
def _frequent_keys() -> tuple[dict[str, int], list[str]]:
    ordered = sorted(frequent_bigrams())
    return {g: _FREQUENT_BASE + i for i, g in enumerate(ordered)}, ordered


def _bucket_keys(grams: Iterable[str]) -> Iterator[int]:
    """The two bucket keys of each rare two-character string in ``grams`` (at C speed).

    The CRC-32 of the pair's UTF-8 gives two buckets of :data:`BUCKET_BITS`
    bits: ``#…`` from its high bits, ``$…`` from its low bits. A rare pair's
    candidates are the articles holding BOTH: at 10,000 pages a document
    reaches one bucket by collision with about 6% of chance and both with well
    under 1%, where one bucket left thousands of candidates to read and verify.
    (CRC-32 is a bijection on 32-bit inputs and mixes every input bit into
    both halves; the candidates are verified whatever the hash.)
    """
    crcs = list(map(zlib.crc32, map(str.encode, grams)))
    return chain(map(operator.add, map(operator.rshift, crcs, repeat(32 - BUCKET_BITS)), repeat(_HIGH_BASE)),
                 map(operator.add, map(operator.and_, crcs, repeat(_LOW_MASK)), repeat(_LOW_BASE)))


def term_text(key: int) -> str:
    """The index term of a term key."""
    if key < _FREQUENT_BASE:
        return chr(key)
    if key < _HIGH_BASE:
        return _frequent_keys()[1][key - _FREQUENT_BASE]
    if key < _LOW_BASE:
        return "#%x" % (key - _HIGH_BASE)
    return "$%x" % (key - _LOW_BASE)


def term_keys(folded: str) -> tuple[set[int], set[str]]:
    """The index terms of a folded text: keys of its CJK characters, frequent bigrams and other
    bigrams' two buckets, and its Latin/digit words."""
    keys: set[int] = set()
    words: set[str] = set()
    grams: set[str] = set()
    add = operator.add
    for m in TOKEN_RE.finditer(folded):
        run = m.group("cjk")
        if run is not None:
            keys.update(map(ord, run))
            if len(run) > 1:
                grams.update(map(add, run, run[1:]))
        else:
            words.add(m.group("word"))
    exact = grams & frequent_bigrams()
    keys.update(map(_frequent_keys()[0].__getitem__, exact))
    grams -= exact
    keys.update(_bucket_keys(grams))
    return keys, words


def terms(folded: str) -> set[str]:
    """The index terms of a folded text, as strings (see :func:`term_keys`)."""
    keys, words = term_keys(folded)
    return {term_text(k) for k in keys} | words


_SEP = "\x00"
#: :func:`term_keys` packed to travel between processes cheaply
PackedTerms = tuple[bytes, str]


def pack_terms(folded: str) -> PackedTerms:
    """:func:`term_keys` as bytes and a string (cheap to send between processes)."""
    keys, words = term_keys(folded)
    return array("I", keys).tobytes(), _SEP.join(words)


def unpack_terms(packed: PackedTerms) -> tuple[array[int], list[str]]:
    """The term keys and words :func:`pack_terms` packed."""
    keys: array[int] = array("I")
    keys.frombytes(packed[0])
    return keys, packed[1].split(_SEP) if packed[1] else []


def cjk_terms(run: str) -> tuple[list[str], bool]:
    """Terms whose AND gives the candidates for a CJK run, and whether they are exact alone.

    One character: its unigram, exact. Two: the bigram's own term when it is a
    frequent one, exact; else both characters and the bigram's two buckets
    (a rare character weeds out collisions; a common one is skipped by
    :meth:`Index.nums` with ``superset``). Longer: the terms of its bigrams
    only. A bucket holds many bigrams, and bigrams in an article need not be
    adjacent in it, so those candidates are verified.
    """
    if len(run) == 1:
        return [run], True
    frequent = frequent_bigrams()
    if len(run) == 2 and run in frequent:
        return [run], True
    keys: list[str] = []
    for gram in (run[i:i + 2] for i in range(len(run) - 1)):
        keys.extend((gram,) if gram in frequent else map(term_text, _bucket_keys((gram,))))
    keys = list(dict.fromkeys(keys))
    if len(run) == 2:
        return list(dict.fromkeys(run)) + keys, False
    return keys, False


class Index:
    """The Whoosh index of a library folder (``folder/index``). Searching is thread-safe."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._searcher: Any = None
        #: the ``num`` column of the current searcher as a list (docnum → catalogue row), read once per searcher
        self._num_list: list[int] | None = None
        self._num_list_of: Any = None
        self._ix = self._open()
        #: the index was written with another term layout (an older Broadsheet): :func:`sync` rebuilds it
        self.outdated = FIELD not in self._ix.schema.names()

    def _open(self) -> Any:
        self.folder.mkdir(parents=True, exist_ok=True)
        storage = FileStorage(str(self.folder))
        try:
            if windex.exists_in(str(self.folder)):
                return storage.open_index()
            return storage.create_index(schema())
        except Exception as e:  # whoosh raises bare exceptions of many kinds for damaged files
            raise IndexUnavailableError(f"{self.folder}: the search index cannot be opened ({e}); run `broadsheet reindex`.") from e

    def reset(self) -> None:
        """Replace the index by an empty one of the current layout (the caller re-adds every article)."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._num_list = self._num_list_of = None
            self._ix.close()
            shutil.rmtree(self.folder, ignore_errors=True)
            self._ix = self._open()
            self.outdated = False

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

    def doc_count(self) -> int:
        return int(self._ix.doc_count())

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.folder.iterdir() if p.is_file())

    # -- reading

    def _current(self) -> Any:
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        elif not self._searcher.up_to_date():
            # not Searcher.refresh(): it reuses a segment's reader with the deletions it had when
            # opened (a deleted article would stay a hit), and fails on an empty index
            self._searcher.close()
            self._searcher = self._ix.searcher()
        return self._searcher

    def nums(self, term_list: Sequence[str], superset: bool = False) -> set[int]:
        """Catalogue rows of the articles holding ALL ``term_list`` (the candidates).

        ``superset``: the caller verifies every candidate, so a term held by
        most documents may be left out once a rarer one has given candidates
        (decoding it would cost more than the few candidates it removes).
        """
        if not term_list:
            return set()
        self._check()
        with self._lock:
            s = self._current()
            docnums = _docs_with_all(s, term_list, superset)
            if not docnums:
                return set()
            if len(docnums) < NUM_LIST_MIN and self._num_list_of is not s:
                col = s.reader().column_reader("num")
                return {col[d] for d in docnums}
            return set(map(self._nums_of(s).__getitem__, docnums))

    def _nums_of(self, s: Any) -> list[int]:
        # Whoosh reads a column value at a few microseconds each; many hits read the whole column once
        if self._num_list_of is not s:
            self._num_list = list(s.reader().column_reader("num"))
            self._num_list_of = s
        assert self._num_list is not None
        return self._num_list

    def all_nums(self) -> set[int]:
        self._check()
        with self._lock:
            s = self._current()
            nums = self._nums_of(s)
            return {nums[d] for d in s.reader().all_doc_ids()}

    # -- writing

    def writer(self, update: bool = False) -> Writer:
        self._check()
        return Writer(self, update)


def _docs_with_all(s: Any, term_list: Sequence[str], superset: bool = False) -> set[int]:
    """Docnums (searcher-wide, deleted documents left out) of the documents holding every term.

    Whoosh's own query matchers walk postings one call per posting (a common
    character's list of 40,000 documents took 50 ms); here a term's postings
    are decoded a block at a time at C speed and intersected as sets, rarest
    term first. A long list met with few candidates left is probed block by
    block with ``skip_to`` instead of being decoded whole. With ``superset``,
    a term held by more than :data:`COMMON_SHARE` of the documents is skipped
    once a rarer term has given candidates: the common characters of a rare
    two-character string (学, 开) hold nearly every article and remove almost
    nothing from the pair's bucket, at the cost of decoding 50,000 postings.
    """
    readers = s.reader().leaf_readers()
    by_rarity = sorted((s.doc_frequency(FIELD, t), t) for t in dict.fromkeys(term_list))
    common = COMMON_SHARE * s.doc_count_all()
    acc: set[int] | None = None
    for df, term in by_rarity:
        if df == 0:
            return set()
        if superset and acc is not None and df > common:
            break  # rarest first: the rest are common too
        btext = term.encode("utf-8")
        if acc is not None and len(acc) * PROBE_RATIO < df:
            acc = _probe(readers, btext, acc)
        else:
            docs = _term_docs(readers, btext)
            acc = docs if acc is None else acc & docs
        if not acc:
            return set()
    return acc or set()


#: a candidate set this many times smaller than a term's postings probes them instead of decoding them
PROBE_RATIO = 32
#: for superset candidates, terms held by more than this share of the documents are not decoded
COMMON_SHARE = 0.25


def _term_docs(readers: Sequence[tuple[Any, int]], btext: bytes) -> set[int]:
    out: set[int] = set()
    for r, offset in readers:
        try:
            matcher = r.postings(FIELD, btext)
        except TermNotFound:
            continue
        deleted = r.deleted_docs_set if r.has_deletions() else None
        for block in _raw_blocks(matcher):
            if deleted:
                out.update(offset + d for d in block if d not in deleted)
            elif offset:
                out.update(map(offset.__add__, block))
            else:
                out.update(block)
    return out


def _probe(readers: Sequence[tuple[Any, int]], btext: bytes, cands: set[int]) -> set[int]:
    """The candidates whose document holds the term, found by skipping through its postings."""
    out: set[int] = set()
    ordered = sorted(cands)
    for i, (r, offset) in enumerate(readers):
        end = readers[i + 1][1] if i + 1 < len(readers) else None
        lo = bisect.bisect_left(ordered, offset)
        hi = len(ordered) if end is None else bisect.bisect_left(ordered, end)
        if lo == hi:
            continue
        try:
            m = r.postings(FIELD, btext)
        except TermNotFound:
            continue
        for docnum in ordered[lo:hi]:
            if not m.is_active():
                break
            m.skip_to(docnum - offset)
            if m.is_active() and m.id() == docnum - offset:
                out.add(docnum)
    return out


class Writer:
    """One Whoosh writer as a context manager: commit on success, cancel on error."""

    def __init__(self, index: Index, update: bool) -> None:
        self.index = index
        self.update = update
        self._w: SegmentWriter | None = None
        self.added = 0

    def __enter__(self) -> Writer:
        # No length statistics: Whoosh would look up a field length (a stat() of the disk for a field
        # without lengths) for every posting it writes; nothing here scores by length.
        codec = W3Codec(blocklimit=BLOCK_POSTINGS, compression=1)
        codec.length_stats = False
        try:
            self._w = _SegmentWriter(self.index._ix, limitmb=POOL_MB, codec=codec)
        except windex.LockError as e:
            raise IndexUnavailableError(f"{self.index.folder}: another writer holds the search index.") from e
        return self

    def add(self, num: int, article_id: str, folded: str, packed: PackedTerms | None = None) -> None:
        """Add one article: ``id`` and ``num`` through Whoosh, its terms (``terms(folded)`` unless
        given) to the writer's per-term lists."""
        w = self._w
        assert w is not None
        if self.update:
            w.delete_by_term("id", article_id)
        w.add_document(id=article_id, num=num)
        if packed is None:
            keys, words = term_keys(folded)
            w.add_terms(w.docnum - 1, keys, words)
        else:
            w.add_terms(w.docnum - 1, *unpack_terms(packed))
        self.added += 1

    def delete(self, article_id: str) -> None:
        assert self._w is not None
        self._w.delete_by_term("id", article_id)

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        assert self._w is not None
        if exc_type is None:
            self._w.commit()
        else:
            self._w.cancel()
        self._w = None


class _SegmentWriter(SegmentWriter):
    """Whoosh's segment writer with the terms field kept out of its posting pool.

    The pool keeps every posting as a tuple, sorts them all at commit and feeds
    them one at a time through the codec: two thirds of an import's time went
    there. The terms field's postings are bare docnums that arrive in ascending
    order, so this writer keeps one array of docnums per term and writes each
    term's list a block at a time, in the on-disk format Whoosh's own writer
    produces (Whoosh 3 codec, Existence format).

    Segments merged into this one at commit (Whoosh's merge policy) are not
    copied into memory: their terms-field postings are read term by term while
    the new segment is written, a block at a time, renumbered as Whoosh
    renumbered their documents; memory stays one term's list, where copying a
    whole index's postings took gigabytes. The other fields (``id``, ``num``:
    a few terms per article) go through the pool as before.
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        #: term key (:func:`term_keys`) → docnums of the documents added here, ascending; a list indexed
        #: by key (half the time of a dict lookup per posting)
        self.key_docs: list[array[int] | None] = [None] * _KEY_LIMIT
        #: word → docnums of the documents added here, ascending
        self.word_docs: dict[str, array[int]] = defaultdict(lambda: array("I"))
        #: segments merged into this one: (segment, its first docnum here, docmap when it had deletions)
        self._merged: list[tuple[Any, int, dict[int, int] | None]] = []

    def add_terms(self, docnum: int, keys: Iterable[int], words: Iterable[str]) -> None:
        lists = self.key_docs
        for k in keys:
            docs = lists[k]
            if docs is None:
                docs = lists[k] = array("I")
            docs.append(docnum)
        word_docs = self.word_docs
        for w in words:
            word_docs[w].append(docnum)

    def term_lists(self) -> dict[bytes, array[int]]:
        """Index term (UTF-8) → docnums, of the documents added to this segment."""
        out = {term_text(k).encode("utf-8"): docs for k, docs in enumerate(self.key_docs) if docs is not None}
        out.update((w.encode("utf-8"), docs) for w, docs in self.word_docs.items())
        return out

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: dict[int, int] | None) -> None:
        # called by the merge policy after the segment's documents were given their numbers here
        pool_add = self.pool.add
        for fieldname in reader.indexed_field_names():
            if fieldname not in self.schema or fieldname == FIELD:
                continue
            for btext in reader.lexicon(fieldname):
                m = reader.postings(fieldname, btext)
                while m.is_active():
                    doc = m.id()
                    new = startdoc + doc if docmap is None else docmap.get(doc)
                    if new is not None:
                        pool_add((fieldname, btext, new, m.weight(), m.value()))
                    m.next()
        # its segment files stay on disk until this commit's table of contents is written
        self._merged.append((reader.segment(), startdoc, docmap))

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        fw = self.fieldwriter
        # the pool's fields sort before the terms field ("id" < "num" < "t14"): the terms table is written in key order
        fw.add_postings(self.schema, None, self.pool.iter_postings())
        readers = [(SegmentReader(self.storage, self.schema, seg), start, docmap)
                   for seg, start, docmap in self._merged]
        try:
            _write_term_lists(fw, self.schema[FIELD], self.term_lists(), readers)
        finally:
            for r, _, _ in readers:
                r.close()
        fw.close()


def _write_term_lists(fw: Any, fieldobj: Any, own_lists: dict[bytes, array[int]],
                      merged: list[tuple[Any, int, dict[int, int] | None]]) -> None:
    """Write the terms field: each term's new docnums, then its docnums in each merged segment, renumbered.

    New documents come first in a segment and merged segments follow in
    order, so the concatenation is ascending. Blocks are filled to Whoosh's
    block size; the last block of a term is written by ``finish_term`` (which
    also inlines a lone posting), as Whoosh's own writer does.
    """
    all_terms = set(own_lists)
    for r, _, _ in merged:
        if FIELD in r.indexed_field_names():
            all_terms.update(r.lexicon(FIELD))
    if not all_terms:
        return
    fw.start_field(FIELD, fieldobj)
    for btext in sorted(all_terms):
        sources: list[Iterable[int]] = []
        own = own_lists.get(btext)
        if own:
            sources.append(own)
        for r, start, docmap in merged:
            try:
                matcher = r.postings(FIELD, btext)
            except TermNotFound:
                continue
            sources.append(_renumbered(matcher, start, docmap))
        buf: array[int] = array("I")
        pw: Any = None
        for source in sources:
            buf.extend(source)
            if pw is None and buf:
                fw.start_term(btext)
                pw = fw._postwriter
                pw._mini_ids = functools.partial(_deltas, pw)
                pw._mini_weights = _no_weights
            while pw is not None and len(buf) > pw._blocklimit:  # keep the term's last block for finish_term
                _fill_block(pw, buf[:pw._blocklimit])
                pw._write_block()
                del buf[:pw._blocklimit]
        if pw is not None:
            _fill_block(pw, buf)
            fw.finish_term()
    fw.finish_field()


def _deltas(pw: Any) -> tuple[int, ...]:
    """A block's docnums as Whoosh 3 stores them (differences, the first from 0), at C speed."""
    ids = pw._ids
    return tuple(map(operator.sub, ids, chain((0,), ids)))


def _no_weights() -> None:
    """Every weight is 1.0 (Existence format): Whoosh 3 stores that as None."""
    return None


def _fill_block(pw: Any, ids: array[int]) -> None:
    """Put ``ids`` in a Whoosh 3 postings writer's block buffer, as ``add_posting`` would one by one."""
    pw._ids = ids
    pw._weights = array("f", [1.0]) * len(ids)
    pw._maxweight = 1.0


def _renumbered(matcher: Any, start: int, docmap: dict[int, int] | None) -> Iterable[int]:
    if docmap is None:
        return chain.from_iterable(map(start.__add__, block) for block in _raw_blocks(matcher))
    return (docmap[d] for block in _raw_blocks(matcher) for d in block if d in docmap)


def _raw_blocks(matcher: Any) -> Iterator[Iterable[int]]:
    """A term's docnums a block at a time (an iterable per block), deleted documents included."""
    m = getattr(matcher, "child", matcher)  # the unfiltered postings under a deletion filter
    if not isinstance(m, W3LeafMatcher) or m._byteids:
        yield list(m.all_ids())
        return
    while m.is_active():
        if m._data is None:
            m._read_data()
        ids: Iterable[int] = accumulate(m._data[0])  # delta-encoded in the block
        if m._i:
            ids = islice(ids, m._i, None)
        yield ids
        m._next_block()


ProgressFn = Callable[[int, int], None]


def sync(library: Any, index: Index | None = None, progress: ProgressFn | None = None,
         cancel: threading.Event | None = None, known_terms: dict[int, PackedTerms] | None = None) -> int:
    """Bring the index up to the catalogue; return the number of articles added.

    ``known_terms``: catalogue row → :func:`pack_terms` of its folded text, computed
    already (by an import's reading process); used and removed when the row is added.

    ``progress(done, total)`` is called after each commit; a set ``cancel`` stops
    after the current commit (everything committed stays consistent).
    """
    own = index is None
    ix = index or Index(library.index_dir)
    added = 0
    try:
        with library.writing():
            if ix.outdated:
                log.info("%s: index of another layout, rebuilding it from the catalogue", ix.folder)
                # catalogue first: a crash between the two leaves an outdated index and rows to add again
                library.mark_all_unindexed()
                library.meta_set("index_pending", None)
                ix.reset()
            total = int(library.conn.execute("SELECT COUNT(*) FROM articles WHERE indexed = 0").fetchone()[0])
            pending = library.meta_get("index_pending") is not None
            dropped = library.dropped()
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
                    for num, article_id, folded in rows:
                        known = known_terms.pop(num, None) if known_terms else None
                        w.add(num, article_id, folded, known)
                        batch.append(num)
                        chars += len(folded)
                        if chars >= BATCH_CHARS:
                            break
                library.mark_indexed(batch, dropped)
                library.meta_set("index_pending", None)
                pending = False
                dropped = []
                added += len(batch)
                if progress is not None:
                    progress(added, total)
    finally:
        if own:
            ix.close()
    return added


def rebuild(library: Any, progress: ProgressFn | None = None,
            cancel: threading.Event | None = None) -> int:
    """Throw the index away and build it again from the catalogue."""
    with library.writing():
        if library.index_dir.exists():
            shutil.rmtree(library.index_dir)
        library.mark_all_unindexed()
        library.meta_set("index_pending", None)
        return sync(library, progress=progress, cancel=cancel)
