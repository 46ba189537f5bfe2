"""The term keys of many articles at once, in numpy: what a rebuild's worker computes for a run of articles.

:func:`reader.index.terms.counted_terms` takes one article at a time and makes a Python string of every
character pair (~15 set operations an article): two thirds of a rebuild worker's time (issue 17). Here up to
:data:`CHUNK_CHARS` characters of articles (at most :data:`CHUNK_DOCS` articles) are joined by newlines into one
UTF-32 array, every character that is not CJK made a newline (what ends a CJK run), and every kind of term is found
for all of them in a few array operations:

* characters: the code points themselves;
* pairs: ``first << 21 | second`` (code points are below 2**21), each distinct (article, pair) once (one sort,
  which counts them too), looked up by ``searchsorted`` in the sorted codes of the frequent bigrams, whose keys are
  their ranks in the sorted list (Python sorts two-character strings by code point: the same order); a rare
  pair's two buckets from the CRC-32 of its UTF-8, computed by table (:func:`crc32_pairs`, the same as
  ``zlib.crc32``);
* frequent runs: a listed trigram where its code (63 bits) is found in the listed trigrams' codes (only where the
  pair's two characters can start one: two tables by code point), then one length at a time: a listed run of ``n``
  characters is a listed run of ``n - 1`` characters (found at the same place) followed by one character, looked
  up by (the shorter run's index, that character) — the list is closed under substrings, so a listed run in the
  text has its prefix found the length before;
* counted bigrams: how many times the article holds the pair, from the same sort.

Each article's keys are the distinct ``article << 21 | key`` of the chunk (32 bits: :data:`CHUNK_DOCS` is 2**11 and
every key is below 2**21), sorted once. The keys are the same sets :func:`counted_terms` gives (checked by
``tests/index/test_manyterms.py``), so the index is the same byte for byte. An article longer than
:data:`CHUNK_CHARS` is taken by :func:`counted_terms` alone (its arrays would be as large as it). Latin/digit words
stay a regular expression per article.

numpy is imported with this module: only a process computing many articles' terms imports it.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Iterator, Sequence
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from reader.index import terms as t

#: characters of CJK runs (articles joined) taken at once: ~40 bytes a character of arrays at the peak
CHUNK_CHARS = 1 << 20
#: articles taken at once at most: an article's index within the chunk takes 11 bits of a 32-bit (article, key)
CHUNK_DOCS = 1 << 11
_KEY_BITS = 21
_KEY_MASK = (1 << _KEY_BITS) - 1
_NEWLINE = 10
_CODE_POINTS = 0x110000

Terms = tuple["array[int]", set[str], dict[int, int]]
U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
_A = TypeVar("_A", U32, U64)


class _Tables:
    """The frequent bigrams' and runs' codes, sorted, for ``searchsorted``."""

    def __init__(self) -> None:
        _, ordered = t._frequent_keys()
        self.bigrams: U64 = np.array([ord(g[0]) << _KEY_BITS | ord(g[1]) for g in ordered], dtype=np.uint64)
        if len(ordered) == 0 or np.any(np.diff(self.bigrams.astype(np.int64)) <= 0):
            raise ValueError("frequent bigrams: codes not strictly increasing")
        counted = t.counted_bigrams()
        self.counted = np.array([g in counted for g in ordered] + [False], dtype=bool)
        run_keys, trigrams, starts, _ = t._run_keys()
        runs = t.frequent_runs()
        self.starts: U64 = np.array(sorted(ord(g[0]) << _KEY_BITS | ord(g[1]) for g in starts), dtype=np.uint64)
        #: by code point: whether it is the first (the second) character of a pair in ``starts``
        self.first = np.zeros(_CODE_POINTS, dtype=bool)
        self.first[[ord(g[0]) for g in starts]] = True
        self.second = np.zeros(_CODE_POINTS, dtype=bool)
        self.second[[ord(g[1]) for g in starts]] = True
        #: by code point: whether it is a CJK character (:data:`reader.index.terms._CJK_RUN_RE`, read off it)
        self.cjk = np.zeros(_CODE_POINTS, dtype=bool)
        every = np.arange(_CODE_POINTS, dtype=np.uint32)
        every[0xD800:0xE000] = 0x20  # surrogates are no characters
        for run in t._CJK_RUN_RE.finditer(every.tobytes().decode(t._UTF32)):
            self.cjk[run.start():run.end()] = True
        codes = sorted((_code3(r), run_keys[r]) for r in trigrams)
        self.trigrams: U64 = np.array([c for c, _ in codes], dtype=np.uint64)
        self.trigram_keys: U32 = np.array([k for _, k in codes], dtype=np.uint32)
        #: per length 4..8: sorted (index of the run one shorter << 21 | last character), and the runs' keys
        self.longer: list[tuple[U64, U32]] = []
        for n in range(4, max((len(r) for r in runs), default=3) + 1):
            ext = sorted(((run_keys[r[:-1]] - t._RUN_BASE) << _KEY_BITS | ord(r[-1]), run_keys[r])
                         for r in runs if len(r) == n)
            self.longer.append((np.array([c for c, _ in ext], dtype=np.uint64),
                                np.array([k for _, k in ext], dtype=np.uint32)))


def _code3(run: str) -> int:
    return (ord(run[0]) << _KEY_BITS | ord(run[1])) << _KEY_BITS | ord(run[2])


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    return _Tables()


@functools.lru_cache(maxsize=1)
def _crc_table() -> U32:
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ np.uint32(0xEDB88320), table >> 1).astype(np.uint32)
    return table


def _utf8(codes: U32) -> tuple[list[U32], U32]:
    """The UTF-8 bytes of each code point (four arrays, the unused ones past the length) and each one's length."""
    c = codes.astype(np.uint32)
    n = np.where(c < 0x80, 1, np.where(c < 0x800, 2, np.where(c < 0x10000, 3, 4))).astype(np.uint32)
    cont = [(c >> np.uint32(s)) & np.uint32(0x3F) | np.uint32(0x80) for s in (18, 12, 6, 0)]
    lead = np.select([n == 1, n == 2, n == 3], [c, 0xC0 | (c >> 6), 0xE0 | (c >> 12)], 0xF0 | (c >> 18))
    b0 = lead.astype(np.uint32)
    b1 = np.select([n == 2, n == 3], [cont[3], cont[2]], cont[1]).astype(np.uint32)
    b2 = np.where(n == 3, cont[3], cont[2]).astype(np.uint32)
    return [b0, b1, b2, cont[3]], n


def crc32_pairs(first: U32, second: U32) -> U32:
    """``zlib.crc32`` of the UTF-8 of each pair of code points (``first[i]``, ``second[i]``), by table."""
    table = _crc_table()
    crc = np.full(len(first), 0xFFFFFFFF, dtype=np.uint32)
    for codes in (first, second):
        data, length = _utf8(codes)
        for k, byte in enumerate(data):
            stepped = table[(crc ^ byte) & np.uint32(0xFF)] ^ (crc >> np.uint32(8))
            crc = np.where(length > k, stepped, crc)
    return crc ^ np.uint32(0xFFFFFFFF)


def counted_terms_many(texts: Sequence[str]) -> Iterator[Terms]:
    """:func:`reader.index.terms.counted_terms` of each of ``texts``, in order (the keys as an ``array("I")``)."""
    pending: list[str] = []
    chars = 0
    for text in texts:
        if len(text) > CHUNK_CHARS:
            yield from _chunk_terms(pending)
            pending, chars = [], 0
            keys, words, counts = t.counted_terms(text)
            yield array("I", sorted(keys)), words, counts
            continue
        if pending and (chars + len(text) > CHUNK_CHARS or len(pending) == CHUNK_DOCS):
            yield from _chunk_terms(pending)
            pending, chars = [], 0
        pending.append(text)
        chars += len(text) + 1
    yield from _chunk_terms(pending)


def _chunk_terms(texts: list[str]) -> Iterator[Terms]:
    """The terms of ``texts``: joined by newlines, every character not CJK made a newline (what ends a CJK run)."""
    if not texts:
        return
    tables = _tables()
    # a lone surrogate (a text decoded with surrogateescape) is no CJK character: a newline below, not an error
    chars: U32 = np.frombuffer("\n".join(texts).encode(t._UTF32, "surrogatepass"), dtype=np.uint32).copy()
    chars[~tables.cjk[chars]] = _NEWLINE
    lengths = np.array([len(text) + 1 for text in texts], dtype=np.int64)
    doc: U32 = np.repeat(np.arange(len(texts), dtype=np.uint32), lengths)[:len(chars)] << np.uint32(_KEY_BITS)
    entries, counted = _entries(chars, doc)
    entries = _distinct(entries)
    bounds = np.searchsorted(entries >> np.uint32(_KEY_BITS), np.arange(len(texts) + 1, dtype=np.uint32)).tolist()
    raw = (entries & np.uint32(_KEY_MASK)).astype(np.uint32).tobytes()
    counts: list[dict[int, int]] = [{} for _ in texts]
    for d, k, n in zip(*counted, strict=True):
        counts[d][k] = n
    for i, text in enumerate(texts):
        keys: array[int] = array("I")
        keys.frombytes(raw[4 * bounds[i]:4 * bounds[i + 1]])
        yield keys, set(t.WORD_RE.findall(text)), counts[i]


def _entries(chars: U32, doc: U32) -> tuple[U32, tuple[list[int], list[int], list[int]]]:
    """Every (article << 21 | key) of the chunk (with repeats), and the (articles, keys, counts) of the counted
    bigrams an article holds more than once."""
    tables = _tables()
    cjk = chars != _NEWLINE
    parts = [doc[cjk] | chars[cjk]]
    if len(chars) < 2:
        return parts[0], ([], [], [])
    pair_all: U64 = chars[:-1].astype(np.uint64) << np.uint64(_KEY_BITS) | chars[1:]
    valid = cjk[:-1] & cjk[1:]
    # every (article, pair) once, ascending, and how many times the article holds it: the frequent bigrams looked up
    # once per distinct pair of an article, in ascending order (searchsorted narrows from the last place found)
    placed, times = _tallied((doc[:-1][valid] >> np.uint32(_KEY_BITS)).astype(np.uint64) << np.uint64(2 * _KEY_BITS)
                             | pair_all[valid])
    pairs = placed & np.uint64((1 << 2 * _KEY_BITS) - 1)
    pair_doc = (placed >> np.uint64(2 * _KEY_BITS)).astype(np.uint32) << np.uint32(_KEY_BITS)
    rank = np.minimum(np.searchsorted(tables.bigrams, pairs), len(tables.bigrams) - 1)
    frequent = tables.bigrams[rank] == pairs
    keys = (rank + t._FREQUENT_BASE).astype(np.uint32)
    parts.append(pair_doc[frequent] | keys[frequent])
    held = frequent & tables.counted[rank] & (times > 1)
    many = ((pair_doc[held] >> np.uint32(_KEY_BITS)).tolist(), keys[held].tolist(), times[held].tolist())
    rare = ~frequent
    rare_doc = pair_doc[rare]
    crc = crc32_pairs((pairs[rare] >> np.uint64(_KEY_BITS)).astype(np.uint32),
                      (pairs[rare] & np.uint64(_KEY_MASK)).astype(np.uint32))
    parts.append(rare_doc | (crc >> np.uint32(32 - t.BUCKET_BITS)) + np.uint32(t._HIGH_BASE))
    parts.append(rare_doc | (crc & np.uint32(t._LOW_MASK)) + np.uint32(t._LOW_BASE))
    parts.extend(_run_entries(chars, doc, pair_all, valid, tables))
    return np.concatenate(parts), many


def _distinct(values: _A) -> _A:
    """The distinct values, ascending (sorted in place: ``np.unique`` of numpy 2.3 on hashes its input first, ~10x
    slower here)."""
    values.sort()
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _tallied(values: _A) -> tuple[_A, npt.NDArray[np.intp]]:
    """The distinct values, ascending, and how many times each is in ``values`` (sorted in place)."""
    values.sort()
    if not len(values):
        return values, np.zeros(0, dtype=np.intp)
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    return values[starts], np.diff(np.append(starts, len(values)))


def _run_entries(chars: U32, doc: U32, pair_all: U64, valid: npt.NDArray[np.bool_], tables: _Tables) -> list[U32]:
    """(article << 21 | key) of each place a frequent run starts."""
    at = np.flatnonzero(valid)
    at = at[at + 2 < len(chars)]
    at = at[tables.first[chars[at]] & tables.second[chars[at + 1]]]  # most pairs start no listed trigram
    place = np.minimum(np.searchsorted(tables.starts, pair_all[at]), len(tables.starts) - 1)
    at = at[tables.starts[place] == pair_all[at]]
    code = pair_all[at] << np.uint64(_KEY_BITS) | chars[at + 2]
    index = np.minimum(np.searchsorted(tables.trigrams, code), len(tables.trigrams) - 1)
    found = tables.trigrams[index] == code
    at, run_keys = at[found], tables.trigram_keys[index[found]]
    out = [doc[at] | run_keys]
    for n, (codes, keys) in enumerate(tables.longer, 4):
        keep = at + n - 1 < len(chars)
        at, run_keys = at[keep], run_keys[keep]
        if not len(at) or not len(codes):
            break
        code = (run_keys - np.uint32(t._RUN_BASE)).astype(np.uint64) << np.uint64(_KEY_BITS) | chars[at + n - 1]
        index = np.minimum(np.searchsorted(codes, code), len(codes) - 1)
        found = codes[index] == code
        at, run_keys = at[found], keys[index[found]]
        out.append(doc[at] | run_keys)
    return out
