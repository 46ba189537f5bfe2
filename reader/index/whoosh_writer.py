"""Broadsheet's own posting writer for Whoosh, quarantined: the one module that writes Whoosh's files itself.

Whoosh's segment writer keeps every posting as a tuple in its pool, sorts them all at
commit and feeds them one at a time through the codec; for the terms field (bare docnums,
no positions, no weights) :class:`TermListSegmentWriter` gathers each document's term keys,
groups them into one array of docnums per term when the segment is written
(:func:`grouped_postings`) and writes each term's list a block at a time, in the Whoosh 3 codec's block layout
(Existence format) with the docnum gaps packed as bytes or arrays (:func:`packed_deltas`,
where Whoosh's own writer pickles a tuple): Whoosh's reader reads both, and so do older
Broadsheets. :func:`raw_blocks` reads such lists back a block at a time, below Whoosh's
matcher API.

Both reach into private parts of Whoosh (``SegmentWriter``'s pool and flush, the W3
codec's posting writer and leaf matcher), so this module checks at import that the
installed Whoosh is the version it was written against (:data:`WRITTEN_FOR`), and
``tests/index/test_whoosh_writer.py`` checks that an index written by it and one written by
Whoosh's stock writer give identical candidates after adds, deletes and merges.
Nothing outside :mod:`reader.index` imports this module: the rest of Broadsheet writes
through :meth:`reader.index.store.Index.writer`.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import io
import operator
import pickle
import sys
import zlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, repeat
from typing import Any

import whoosh
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3LeafMatcher
from whoosh.reading import SegmentReader, TermNotFound
from whoosh.system import _INT_SIZE, unpack_int
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from reader.index.terms import _frequent_keys, counted_bigrams, term_text
from reader.model.errors import BroadsheetError

#: the Whoosh (``whoosh-reloaded``) release whose private writer and codec parts this module uses
WRITTEN_FOR = (2, 7, 5)


class WhooshVersionError(BroadsheetError):
    """The installed Whoosh is not the release the posting writer was written against."""


def check_whoosh_version(version: tuple[Any, ...] | None = None) -> None:
    """Raise :class:`WhooshVersionError` unless ``version`` (default: the installed Whoosh's) is :data:`WRITTEN_FOR`."""
    found = tuple(whoosh.__version__ if version is None else version)
    if found[:3] != WRITTEN_FOR:
        shown = ".".join(map(str, found))
        wanted = ".".join(map(str, WRITTEN_FOR))
        raise WhooshVersionError(
            f"Broadsheet's search index writer was written for Whoosh {wanted} (whoosh-reloaded=={wanted}), "
            f"but Whoosh {shown} is installed; install whoosh-reloaded=={wanted}.")


check_whoosh_version()


class TermListSegmentWriter(SegmentWriter):  # type: ignore[misc]  # whoosh is untyped
    """Whoosh's segment writer with the terms field kept out of its posting pool.

    The pool keeps every posting as a tuple, sorts them all at commit and feeds
    them one at a time through the codec: two thirds of an import's time went
    there. The terms field's postings are bare docnums that arrive in ascending
    order, so this writer keeps the documents' term keys one after another,
    groups them into one array of docnums per term when the segment is written
    (:func:`grouped_postings`: one sort at C speed) and writes each
    term's list a block at a time, in the Whoosh 3 codec's block layout
    (Existence format), its docnum gaps packed (:func:`_write_block`).

    Segments merged into this one at commit (Whoosh's merge policy) are not
    copied into memory: their terms-field postings are read term by term while
    the new segment is written, a block at a time, renumbered as Whoosh
    renumbered their documents; memory stays one term's list, where copying a
    whole index's postings took gigabytes. The other fields (``id``, ``num``:
    a few terms per article) go through the pool as before.
    """

    def __init__(self, ix: Any, field: str, **kwargs: Any) -> None:
        #: the terms field (:data:`reader.index.terms.FIELD`) this writer keeps out of the pool
        self.field = field
        super().__init__(ix, **kwargs)
        #: the term keys (:func:`term_keys`) of every document added here, one document after another, and each
        #: document's docnum and number of keys: grouped into each key's docnums when the segment is written
        #: (:func:`grouped_postings`), where appending each posting to its key's list cost a third of a worker's time
        self.keys: array[int] = array("I")
        self.key_docs: array[int] = array("I")
        self.key_lens: array[int] = array("I")
        #: word → docnums of the documents added here, ascending
        self.word_docs: dict[str, array[int]] = defaultdict(lambda: array("I"))
        #: counted bigram's key → (docnums, counts) of the documents holding it more than once
        self.key_counts: dict[int, tuple[array[int], array[int]]] = {}
        #: segments merged into this one: (segment, its first docnum here, docmap when it had deletions)
        self._merged: list[tuple[Any, int, dict[int, int] | None]] = []

    def add_terms(self, docnum: int, keys: Iterable[int], words: Iterable[str],
                  counts: dict[int, int] | None = None) -> None:
        """Add document ``docnum``'s term keys and words, and the counts of its counted bigrams held more than once
        (:func:`reader.index.terms.counted_terms`; every key of ``counts`` is among ``keys``)."""
        before = len(self.keys)
        self.keys.extend(keys)  # at C speed
        self.key_docs.append(docnum)
        self.key_lens.append(len(self.keys) - before)
        word_docs = self.word_docs
        for w in words:
            word_docs[w].append(docnum)
        for k, n in (counts or {}).items():
            docs, held = self.key_counts.get(k) or self.key_counts.setdefault(k, (array("I"), array("I")))
            docs.append(docnum)
            held.append(n)

    def term_lists(self) -> dict[bytes, array[int]]:
        """Index term (UTF-8) → docnums, of the documents added to this segment."""
        out = {term_text(k).encode("utf-8"): docs
               for k, docs in grouped_postings(self.keys, self.key_docs, self.key_lens).items()}
        out.update((w.encode("utf-8"), docs) for w, docs in self.word_docs.items())
        return out

    def term_counts(self, lists: dict[bytes, array[int]]) -> dict[bytes, array[int]]:
        """Counted bigram (UTF-8) → how often each document of its list in ``lists`` (:meth:`term_lists`) holds it."""
        out: dict[bytes, array[int]] = {}
        for gram in counted_bigrams():
            btext = gram.encode("utf-8")
            docs = lists.get(btext)
            if docs is None:
                continue
            held = out[btext] = array("I", [1]) * len(docs)
            more = self.key_counts.get(_frequent_keys()[0][gram])
            if more is not None:  # the documents holding it more than once
                for place, n in zip(_places(docs, more[0]), more[1], strict=True):
                    held[place] = n
        return out

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: dict[int, int] | None) -> None:
        # called by the merge policy after the segment's documents were given their numbers here
        pool_add = self.pool.add
        for fieldname in reader.indexed_field_names():
            if fieldname not in self.schema or fieldname == self.field:
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
            lists = self.term_lists()
            _write_term_lists(fw, self.field, self.schema[self.field], lists, readers, self.term_counts(lists))
        finally:
            for r, _, _ in readers:
                r.close()
        fw.close()


#: postings of a segment from which they are grouped by numpy (:func:`grouped_postings`): fewer are grouped in Python,
#: so a small commit (an edited article) does not pay numpy's import (~100 ms)
NUMPY_POSTINGS = 1_000_000


def grouped_postings(keys: array[int], docs: array[int], lens: array[int]) -> dict[int, array[int]]:
    """Term key → its docnums, ascending, from documents' keys one document after another (``docs[i]`` holding the
    next ``lens[i]`` of ``keys``; docnums ascending). ``keys`` may be emptied (it is not needed again)."""
    if len(keys) >= NUMPY_POSTINGS or "numpy" in sys.modules:
        return _grouped_by_numpy(keys, docs, lens)
    lists: dict[int, array[int]] = {}
    at = 0
    for doc, n in zip(docs, lens, strict=True):
        for k in keys[at:at + n]:
            held = lists.get(k)
            if held is None:
                held = lists[k] = array("I")
            held.append(doc)
        at += n
    return lists


def _grouped_by_numpy(keys: array[int], docs: array[int], lens: array[int]) -> dict[int, array[int]]:
    """:func:`grouped_postings` by one sort of (key, docnum) pairs packed in 64-bit integers, where appending each
    posting to its key's list in Python cost ~300 ns (memory-bound: a third of a rebuild worker's time, issue 17).
    Empties ``keys`` once packed: at most ~12 bytes a posting at once (the keys and the pairs, then the pairs and the
    lists)."""
    import numpy as np

    width = f"u{keys.itemsize}"
    pairs = np.repeat(np.frombuffer(docs, dtype=width).astype(np.uint64), np.frombuffer(lens, dtype=width))
    flat = np.frombuffer(keys, dtype=width)
    step = 1 << 22
    for at in range(0, len(pairs), step):  # the key in the high half, a slice at a time (a small temporary)
        pairs[at:at + step] |= flat[at:at + step].astype(np.uint64) << np.uint64(32)
    del flat
    del keys[:]
    pairs.sort()  # by key, then by docnum (a document holds a key once)
    halves = pairs.view(np.uint32)
    low = 0 if sys.byteorder == "little" else 1
    sorted_keys, sorted_docs = halves[1 - low::2], halves[low::2]
    starts = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
    firsts = sorted_keys[np.concatenate(([0], starts))].tolist() if len(pairs) else []
    bounds = [0, *starts.tolist(), len(pairs)]
    lists: dict[int, array[int]] = {}
    for k, a, b in zip(firsts, bounds, bounds[1:], strict=False):
        held = lists[k] = array("I")
        held.frombytes(sorted_docs[a:b].tobytes())
    return lists


def _places(docs: array[int], wanted: array[int]) -> Sequence[int]:
    """Where each of ``wanted`` (ascending, all in ``docs``) is in ``docs`` (ascending)."""
    if "numpy" in sys.modules:
        import numpy as np

        width = f"u{docs.itemsize}"
        found = np.searchsorted(np.frombuffer(docs, dtype=width), np.frombuffer(wanted, dtype=width))
        places: list[int] = found.tolist()
        return places
    return [bisect.bisect_left(docs, d) for d in wanted]


def _write_term_lists(fw: Any, field: str, fieldobj: Any, own_lists: dict[bytes, array[int]],
                      merged: list[tuple[Any, int, dict[int, int] | None]],
                      own_counts: dict[bytes, array[int]] | None = None) -> None:
    """Write the terms field: each term's new docnums, then its docnums in each merged segment, renumbered;
    a counted bigram's with how often each document holds it (``own_counts`` for the new documents).

    New documents come first in a segment and merged segments follow in
    order, so the concatenation is ascending. Blocks are filled to Whoosh's
    block size; the last block of a term is written by ``finish_term`` (which
    also inlines a lone posting), as Whoosh's own writer does.
    """
    all_terms = set(own_lists)
    for r, _, _ in merged:
        if field in r.indexed_field_names():
            all_terms.update(r.lexicon(field))
    if not all_terms:
        return
    fw.start_field(field, fieldobj)
    counted = _counted_texts()
    for btext in sorted(all_terms):
        if btext in counted:
            _write_counted(fw, btext, own_lists.get(btext), (own_counts or {}).get(btext), merged, field)
            continue
        sources: list[Iterable[int]] = []
        own = own_lists.get(btext)
        if own:
            sources.append(own)
        for r, start, docmap in merged:
            try:
                matcher = r.postings(field, btext)
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
                pw._write_block = functools.partial(_write_block, pw)
            while pw is not None and len(buf) > pw._blocklimit:  # keep the term's last block for finish_term
                _fill_block(pw, buf[:pw._blocklimit])
                pw._write_block()
                del buf[:pw._blocklimit]
        if pw is not None:
            _fill_block(pw, buf)
            fw.finish_term()
    fw.finish_field()


def _write_counted(fw: Any, btext: bytes, own: array[int] | None, own_counts: array[int] | None,
                   merged: list[tuple[Any, int, dict[int, int] | None]], field: str) -> None:
    """Write a counted bigram's postings (docnums and counts): the new documents', then each merged segment's,
    renumbered; one term's lists in memory."""
    ids: array[int] = array("I", own or ())
    counts: array[int] = array("I", own_counts) if own_counts is not None else array("I", [1]) * len(ids)
    for r, start, docmap in merged:
        try:
            matcher = r.postings(field, btext)
        except TermNotFound:
            continue
        for docs, held in counted_blocks(matcher):
            if docmap is None:  # at C speed
                before = len(ids)
                ids.extend(map(start.__add__, docs))
                counts.extend(held if held is not None else repeat(1, len(ids) - before))
                continue
            for doc, n in zip(docs, held or repeat(1), strict=False):
                new = docmap.get(doc)
                if new is not None:
                    ids.append(new)
                    counts.append(n)
    if not ids:
        return
    fw.start_term(btext)
    pw = fw._postwriter
    pw._write_block = functools.partial(_write_block, pw)
    limit = pw._blocklimit
    last = (len(ids) - 1) // limit * limit  # the term's last block is written by finish_term
    for at in range(0, last, limit):
        _fill_block(pw, ids[at:at + limit], counts[at:at + limit])
        pw._write_block()
    _fill_block(pw, ids[last:], counts[last:])
    fw.finish_term()


@functools.lru_cache(maxsize=1)
def _counted_texts() -> frozenset[bytes]:
    return frozenset(g.encode("utf-8") for g in counted_bigrams())


def packed_deltas(ids: Sequence[int]) -> bytes | array[int]:
    """A block's docnums as stored: their differences (the first from 0), as bytes when every gap is below 256
    (the common case: a term held by one article in a hundred or more), else as 16- or 32-bit integers. Both are
    iterables of ints, as Whoosh 3's own tuple is, so Whoosh's matchers and :func:`raw_blocks` read them
    unchanged. Whoosh's tuple took two bytes a posting before compression (~1.6 after zlib), bytes one (~1.0)."""
    with contextlib.suppress(ValueError):  # a gap of 256 or more: stops there
        return bytes(map(operator.sub, ids, chain((0,), ids)))  # one pass at C speed, no list of gaps
    gaps = list(map(operator.sub, ids, chain((0,), ids)))
    return array("H" if max(gaps) < 65536 else "I", gaps)


def _block_data(ids: Sequence[int], counts: Sequence[int] | None = None) -> bytes:
    """The pickled data tuple of a block (``(ids, weights, values)``; no values): :func:`packed_deltas`, or
    Whoosh's tuple of gaps when that pickles shorter (a short list of wide gaps: an array's pickle names its
    constructor); as weights a counted bigram's counts (bytes, or 32-bit integers past 255), None when every one
    is 1 (as Whoosh stores weights all 1.0)."""
    weights = _packed_counts(counts)
    packed = packed_deltas(ids)
    data = pickle.dumps((packed, weights, None), 3)
    if isinstance(packed, bytes):
        return data
    plain = pickle.dumps((tuple(packed), weights, None), 3)
    return plain if len(plain) < len(data) else data


def _packed_counts(counts: Sequence[int] | None) -> bytes | array[int] | None:
    if not counts:
        return None
    top = max(counts)
    if top == 1:
        return None
    return array("B", counts).tobytes() if top < 256 else array("I", counts)  # bytes(an array) is its buffer


def _write_block(pw: Any, last: bool = False) -> None:
    """Whoosh 3's ``W3PostingsWriter._write_block`` for the terms field: the same block layout (length, info
    tuple, data tuple ``(ids, weights, values)`` pickled and maybe zlib-compressed), with the ids as
    :func:`packed_deltas`, no weights (Existence format: every weight is 1.0, which Whoosh stores as None), pickled
    with protocol 3 (bytes as bytes; protocol 2 turns them into text) and compressed only when that is shorter
    (a short list's zlib header outweighs what it saves). Whoosh's reader unpickles any protocol."""
    postfile = pw._postfile
    if not pw._blockcount:
        postfile.write(WHOOSH3_HEADER_MAGIC)
    pw._terminfo.add_block(pw)
    ids = pw._ids
    databytes = _block_data(ids, pw._counts)
    comp = pw._compression
    if comp:
        packed = zlib.compress(databytes, comp)
        if len(packed) < len(databytes):
            databytes = packed
        else:
            comp = 0
    # the block's greatest weight as an int (a count; 1 in the Existence format): a pickled float takes 9 bytes, a
    # small int 2 — 7 bytes in every block's ~28, ~0.03x of the text at 100,000 pages (14 M blocks)
    infobytes = pickle.dumps((len(ids), ids[-1], int(pw._maxweight), comp, length_to_byte(pw._minlength),
                              length_to_byte(pw._maxlength)), 2)
    blocklength = len(infobytes) + len(databytes)
    postfile.write_int(-blocklength if last else blocklength)
    postfile.write(infobytes)
    postfile.write(databytes)
    pw._blockcount += 1
    pw._new_block()


def _fill_block(pw: Any, ids: array[int], counts: array[int] | None = None) -> None:
    """Put ``ids`` (and a counted bigram's ``counts``, their weights) in a Whoosh 3 postings writer's block
    buffer, as ``add_posting`` would one by one."""
    pw._ids = ids
    pw._counts = counts
    # only summed (the term's weight, by the terminfo's ``add_block``): the sum itself, not a float a posting
    pw._weights = (float(len(ids) if counts is None else sum(counts)),)
    pw._maxweight = 1.0 if counts is None else float(max(counts))


def _renumbered(matcher: Any, start: int, docmap: dict[int, int] | None) -> Iterable[int]:
    if docmap is None:
        return chain.from_iterable(map(start.__add__, block) for block in raw_blocks(matcher))
    return (docmap[d] for block in raw_blocks(matcher) for d in block if d in docmap)


def raw_blocks(matcher: Any) -> Iterator[Iterable[int]]:
    """A term's docnums a block at a time (an iterable per block), deleted documents included.

    From the matcher's current block on, each block is read with one read of its file (Whoosh's matcher
    unpickles a block's header from the file itself: ~20 small reads a block, two thirds of the time
    a common term's 500,000 postings took to decode); the matcher is left where it was."""
    for ids, _ in counted_blocks(matcher):
        yield ids


def counted_blocks(matcher: Any) -> Iterator[tuple[Iterable[int], Sequence[int] | None]]:
    """:func:`raw_blocks` with each block's weights: how often each document holds a counted bigram (None when
    every one holds it once, and for any other term)."""
    for _, decode in spanned_blocks(matcher):
        yield decode()


def spanned_blocks(matcher: Any) -> Iterator[tuple[int, Callable[[], tuple[Iterable[int], Sequence[int] | None]]]]:
    """(the block's last docnum, a function that decodes the block's (ids, weights) as :func:`counted_blocks`
    gives them) of each block from the matcher's current one: a reader looking for a few documents decodes only
    the blocks whose span may hold one (each block's header is read, its data only when decoded)."""
    m = getattr(matcher, "child", matcher)  # the unfiltered postings under a deletion filter
    if not isinstance(m, W3LeafMatcher) or m._byteids:
        lone = m.copy()
        yield _NO_LIMIT, lambda: _matcher_postings(lone)
        return
    if not m.is_active():
        return
    yield m._maxid, functools.partial(_first_block, m, m._i)
    f = m._postfile
    position, last = m._nextoffset, m._lastblock
    while not last:
        length = unpack_int(f.get(position, _INT_SIZE))[0]
        last = length < 0
        length = abs(length)
        block = f.get(position + _INT_SIZE, length)
        header = io.BytesIO(block)
        info = pickle.load(header)  # (length, max id, max weight, compression, min length, max length)
        yield info[1], functools.partial(_decoded, block, header.tell(), info[3])
        position += _INT_SIZE + length


#: the last docnum of a list Whoosh did not write in blocks: any
_NO_LIMIT = 1 << 62


def _first_block(m: Any, start: int) -> tuple[Iterable[int], Sequence[int] | None]:
    """The (ids, weights) of the block a matcher is in, from its position ``start`` in the block on."""
    if m._data is None:
        data = _read_block_data(m._postfile.get(m._dataoffset, m._nextoffset - m._dataoffset), m._compression)
    else:
        data = m._data
    ids = absolute_ids(data[0])
    weights = _counts_of(data[1])
    if start:
        return ids[start:], None if weights is None else weights[start:]
    return ids, weights


def _decoded(block: bytes, at: int, compressed: int) -> tuple[array[int], Sequence[int] | None]:
    data = _read_block_data(block[at:], compressed)
    return absolute_ids(data[0]), _counts_of(data[1])


#: postings this process has summed in Python, and how many it sums so before importing numpy: importing it costs
#: ~100 ms once (too much for a one-shot command's start: ``search 中国`` in a new process decodes ~450,000
#: postings), summing in Python ~20 ns a posting more than numpy, so a process that has summed ~5 M postings the slow
#: way would have paid for the import (the ski-rental rule: rent until the rent paid equals the price)
_summed_in_python = 0
NUMPY_AFTER = 5_000_000


def absolute_ids(deltas: bytes | array[int] | Sequence[int]) -> array[int]:
    """A block's docnums from their stored differences (:func:`packed_deltas`: bytes, a 16- or 32-bit array, or
    Whoosh's tuple), as an ``array("I")`` (which extends another at memory speed). Summed by numpy once it is
    imported (a block of 4,096 postings in ~20 µs, where ``itertools.accumulate`` makes a Python int of each, ~80
    µs: ~15 ms of a query combining three common terms at 100,000 pages); before, by ``accumulate``
    (:data:`NUMPY_AFTER`)."""
    global _summed_in_python
    if "numpy" not in sys.modules and _summed_in_python < NUMPY_AFTER:
        _summed_in_python += len(deltas)
        return array("I", accumulate(deltas))
    return summed_by_numpy(deltas)


def summed_by_numpy(deltas: bytes | array[int] | Sequence[int]) -> array[int]:
    """:func:`absolute_ids` by numpy (imported here, on first use)."""
    import numpy as np

    if isinstance(deltas, bytes):
        gaps = np.frombuffer(deltas, dtype=np.uint8)
    elif isinstance(deltas, array):
        gaps = np.frombuffer(deltas, dtype=f"u{deltas.itemsize}")
    else:  # Whoosh's tuple, through an array: numpy converts a tuple's ints four times slower
        gaps = np.frombuffer(array("I", deltas), dtype=f"u{array('I').itemsize}")
    out: array[int] = array("I")
    out.frombytes(np.cumsum(gaps, dtype=f"u{out.itemsize}").tobytes())
    return out


def _counts_of(weights: Any) -> Sequence[int] | None:
    """A block's weights as counts: None when every one is 1 (stored as None; Whoosh's own writer stores a block's
    equal weights as one float, 1.0 in the terms field, whose format is Existence)."""
    if weights is None or isinstance(weights, float):
        return None
    if isinstance(weights, bytes) or isinstance(weights, array) and weights.typecode in "BHIL":
        return weights
    return [int(w) for w in weights]


def _matcher_postings(m: Any) -> tuple[list[int], list[int] | None]:
    """Every (docnum, weight as a count) of a matcher Whoosh did not write in blocks (an inlined lone posting)."""
    ids: list[int] = []
    counts: list[int] = []
    while m.is_active():
        ids.append(m.id())
        counts.append(int(m.weight()))
        m.next()
    return ids, counts if any(n != 1 for n in counts) else None



def _read_block_data(raw: bytes, compressed: int) -> Any:
    """A posting block's data tuple (ids first) from its bytes on disk."""
    return pickle.loads(zlib.decompress(raw) if compressed else raw)
