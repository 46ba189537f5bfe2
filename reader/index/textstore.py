"""The folded texts beside the index: a memory-mapped store that verification searches at C speed.

Why
---
A long run of common words (中国人民: 中国, 国人 and 人民 are each in ~40% of the articles) has
candidates the index cannot thin: 21,815 of 54,284 articles at 10,000 pages for 2,409 true hits.
Verifying them with SQLite's ``instr`` over the catalogue's ``article_text`` cost 225 ms (SQLite
compares UTF-8 a character at a time); ``mmap.find`` over the same bytes (no copy, CPython's fast
search) costs a tenth of that.

Layout (two files in the index folder)
--------------------------------------
``folded.dat``: the folded texts, each as UTF-16-LE or UTF-8, whichever is shorter (Chinese: 2 bytes
a character instead of 3; Latin: 1 instead of 2), one after another. ``folded.idx``: one fixed-width
record per text (:data:`RECORD`: catalogue row, offset, length in bytes, and a word of the encoding in its low
byte and the article's ``chars`` above it — the catalogue's length of the article, which relevance divides by, so a
rare pair's hits are ranked without each hit's row in the catalogue; 0: not recorded, in a store written before,
or beyond 24 bits), appended after the data they point at is written and flushed to disk; the first record
holds a random generation instead (row :data:`GENERATION`), so a reader tells a replaced folder (a rebuild
in another process: the same rows at other offsets) from a grown one — inode numbers are reused. A record
that points past the data's end, or a torn last record, is ignored; a row written twice (a batch re-added
after a crash) is read from its last record. A row's folded text and chars never change (an article's row is
new when its text is), so a record stays true for as long as the row exists.

What it promises
----------------
Nothing about which rows exist: the caller verifies only the index's candidates, and only when the
index holds no deleted article (no sync due). A row the store lacks — an index written before the store
existed, a crash, a damaged file — is reported as unknown and verified from the catalogue instead:
the store can make a search faster, never answer "no hits" for a text it does not hold. The store is
rebuilt with the index (:func:`reader.index.store.rebuild`) and filled in by :func:`reader.index.store.sync`
for an index written without it.
"""

from __future__ import annotations

import bisect
import contextlib
import mmap
import os
import secrets
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from reader.text.needles import overlaps_itself

DATA = "folded.dat"
INDEX = "folded.idx"
#: a record: catalogue row, byte offset in DATA, length in bytes, and a word holding the encoding (:data:`UTF8` or
#: :data:`UTF16`) in its low byte and the article's chars above it (0: not recorded; the layout of the earlier
#: ``<qqiB3x``, whose three spare bytes were zero, so a store written before reads as "not recorded")
RECORD = struct.Struct("<qqiI")
#: the greatest chars a record holds (above it: not recorded)
MAX_CHARS = (1 << 24) - 1
#: the generation record's chars: the records were written with their articles' chars (0: a store written before)
LENGTHS = 1
UTF8 = 0
UTF16 = 1
#: the row of the record file's first record, which holds the file's random generation instead of an offset
GENERATION = -1
_CODECS = {UTF8: "utf-8", UTF16: "utf-16-le"}
#: rows counted at once that make the table of every record worth reading: one in this many of the records
_TABLE_SHARE = 8
#: records read before judging whether the texts come from the page cache or from the disk (:func:`_ahead`)
_PROBE = 4
#: a record read slower than this on average (ns) came from the disk: the rest are asked of it at once
_SLOW_NS = 20_000
#: records asked of the disk at once, one window ahead of the reading
_WINDOW = 256
#: records closer than this (bytes) are asked as one range
_GAP = 1 << 14

_R = TypeVar("_R")
#: a record's (offset, length) in the data, or None for a row the store lacks
Span = Callable[[_R], "tuple[int, int] | None"]


def _record_span(rec: tuple[int, int, int, int]) -> tuple[int, int] | None:
    """(offset, length) of a ``(row, offset, length, encoding)`` record."""
    return rec[1], rec[2]


def _placed_span(item: tuple[int, tuple[int, int, int] | None]) -> tuple[int, int] | None:
    """(offset, length) of a ``(row, (offset, length, encoding) or None)`` pair."""
    return None if item[1] is None else (item[1][0], item[1][1])


def _ahead(mm: mmap.mmap, records: Sequence[_R], span: Span[_R]) -> Iterator[_R]:
    """``records`` as they are, asking the disk for their texts ahead of the reading once a run of :data:`_PROBE`
    took long (a page cache without them: read from a disk, each text's page fault waits for the one before).
    ``madvise(WILLNEED)`` queues the reads of a window of records at once — the disk serves them side by side —,
    a window ahead of the one read (a cold verification of 700 texts scattered in 180 MB: 143 → 19 ms). Until then
    every run of :data:`_PROBE` records is judged again: the first may be cached (near texts an earlier search
    read) and the rest not (a rare pair's 1,500 texts at 100,000 pages, judged on the first run only, faulted in one
    at a time: 1.3 s). Texts already cached pay nothing but a clock read a run; asking costs ~1.4 µs a text, half
    again what verifying one does. ``span`` gives a record's (offset, length) in the data."""
    i, n = 0, len(records)
    while i < n:
        start = time.perf_counter_ns()
        end = min(i + _PROBE, n)
        yield from records[i:end]
        slow = time.perf_counter_ns() - start > (end - i) * _SLOW_NS
        i = end
        if slow:
            break
    if i >= n:
        return
    asked = i + _advise(mm, records[i:i + 2 * _WINDOW], span)
    for j in range(i, n):
        if j == asked - _WINDOW:
            asked += _advise(mm, records[asked:asked + _WINDOW], span)
        yield records[j]


def _advise(mm: mmap.mmap, records: Sequence[_R], span: Span[_R]) -> int:
    """Ask the disk for the texts of ``records`` (ranges closer than :data:`_GAP` as one); how many records."""
    page = mmap.PAGESIZE
    run: list[int] = []
    for found in map(span, records):
        if found is None:
            continue
        off, length = found
        if run and off - run[1] <= _GAP:
            run[1] = max(run[1], off + length)
            continue
        if run:
            mm.madvise(mmap.MADV_WILLNEED, run[0], run[1] - run[0])
        run = [off - off % page, off + length]
    if run:
        mm.madvise(mmap.MADV_WILLNEED, run[0], run[1] - run[0])
    return len(records)


def lengths_flag(idx_path: Path) -> bool:
    """Whether the store's records were written with their articles' chars (its first record says so: a store
    written before holds none until :meth:`TextStore.record_lengths` gave them)."""
    try:
        with open(idx_path, "rb") as f:
            first = f.read(RECORD.size)
    except OSError:
        return False
    if len(first) < RECORD.size:
        return False
    num, _, _, word = RECORD.unpack(first)
    return bool(num == GENERATION and word >> 8 == LENGTHS)


def _identity(idx_path: Path, data_path: Path) -> tuple[int, ...]:
    """What tells a store's files apart from themselves a moment later: inode, size and time of change of each."""
    a, b = idx_path.stat(), data_path.stat()
    return a.st_ino, a.st_size, a.st_mtime_ns, b.st_ino, b.st_size, b.st_mtime_ns


def _give_lengths(raw: bytearray, table: Mapping[int, int]) -> int:
    """Give each record of ``raw`` (a record file's bytes) without a length its row's chars from ``table``; how many."""
    given = 0
    for at in range(RECORD.size, len(raw), RECORD.size):
        num, off, length, word = RECORD.unpack_from(raw, at)
        chars = table.get(num, 0)
        if not word >> 8 and 0 < chars <= MAX_CHARS:
            RECORD.pack_into(raw, at, num, off, length, _word(word & 0xFF, chars))
            given += 1
    return given


def _generation(idx_path: Path) -> tuple[int | None, int]:
    """(the generation in the record file's first record, the file's size in whole records)."""
    try:
        with open(idx_path, "rb") as f:
            first = f.read(RECORD.size)
            size = f.seek(0, os.SEEK_END)
    except OSError:
        return None, 0
    if len(first) < RECORD.size:
        return None, 0
    num, generation, _, _ = RECORD.unpack(first)
    return (generation if num == GENERATION else None), size - size % RECORD.size


def _word(enc: int, chars: int) -> int:
    """A record's last field: the encoding in the low byte, ``chars`` above it (0 when it does not fit)."""
    return enc | ((chars if 0 < chars <= MAX_CHARS else 0) << 8)


def encode(text: str) -> tuple[bytes, int]:
    """The shorter encoding of ``text`` and its code: UTF-16-LE for CJK-heavy text, UTF-8 otherwise."""
    b8 = text.encode("utf-8")
    if len(b8) <= 2 * len(text):
        return b8, UTF8
    b16 = text.encode("utf-16-le")
    return (b16, UTF16) if len(b16) < len(b8) else (b8, UTF8)


class TextStore:
    """The store of one index folder. Reading is thread-safe; one writer at a time (the index's lock)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()
        #: the record file, mapped as far as :attr:`_record_count` whole records
        self._records: mmap.mmap | None = None
        self._record_count = 0
        #: rows looked up by bisection so far (the full table is read once they reach the record count)
        self._looked_up = 0
        #: row → (offset, length, encoding) of the first :attr:`_read_upto` records (read only when needed)
        self._table: dict[int, tuple[int, int, int]] = {}
        self._read_upto = 0
        self._map: mmap.mmap | None = None
        self._mapped = 0
        #: the record file's generation (its first record) when read: another one means the files were replaced
        self._generation: int | None = None
        #: row → encoding word of the rows the last :meth:`counts` looked up (:meth:`chars` of its hits after it)
        self._recent: dict[int, int] = {}
        #: the records were written with their articles' chars (:func:`lengths_flag`, read with the generation)
        self._lengths = False

    # -- writing

    def append(self, texts: Iterable[tuple[int, str, int]]) -> int:
        """Add ``(row, folded text, chars)``: the data first (flushed and synced), then their records (``chars``: the
        catalogue's length of the article, 0 when not known)."""
        data_path, idx_path = self.folder / DATA, self.folder / INDEX
        if idx_path.exists() and not self.record_count():
            # records that point past the data (the data file lost or cut): new data would give them a meaning
            # they never had; start both files again (a new generation: readers drop what they read)
            idx_path.unlink()
            data_path.unlink(missing_ok=True)
        records: list[bytes] = []
        chunks: list[bytes] = []
        with open(data_path, "ab") as data:
            offset = data.tell()
            for num, text, chars in texts:
                raw, enc = encode(text)
                chunks.append(raw)
                records.append(RECORD.pack(num, offset, len(raw), _word(enc, chars)))
                offset += len(raw)
            data.write(b"".join(chunks))
            data.flush()
            os.fsync(data.fileno())
        if not records:
            return 0
        with open(idx_path, "ab") as idx:
            whole = idx.tell() - idx.tell() % RECORD.size
            if whole != idx.tell():
                idx.truncate(whole)  # a record torn by a crash: the next ones must start on a record
                idx.seek(whole)
            if whole == 0:  # a new file: its generation first (a reader tells a replaced folder by it)
                records.insert(0, RECORD.pack(GENERATION, secrets.randbits(62), 0, _word(UTF8, LENGTHS)))
            idx.write(b"".join(records))
            idx.flush()
            os.fsync(idx.fileno())
        return len(chunks)

    def record_lengths(self, lengths: Callable[[], Mapping[int, int]]) -> int:
        """Give the records of a store written before lengths were recorded their articles' chars (``lengths()``: row
        → chars, asked only when needed); how many records were given one. The record file is written anew beside
        and put in place of the old one under a new generation (every reader then reads the records again; the data
        is the same) — unless the store changed meanwhile (another process rebuilt or grew it: nothing is replaced,
        the next sync tries again). One writer at a time, as :meth:`append`."""
        idx_path, data_path = self.folder / INDEX, self.folder / DATA
        if lengths_flag(idx_path):
            return 0
        try:
            before = _identity(idx_path, data_path)
            raw = bytearray(idx_path.read_bytes())
        except OSError:
            return 0
        del raw[len(raw) - len(raw) % RECORD.size:]
        if not raw or RECORD.unpack_from(raw, 0)[0] != GENERATION:
            return 0
        given = _give_lengths(raw, lengths())
        RECORD.pack_into(raw, 0, GENERATION, secrets.randbits(62), 0, _word(UTF8, LENGTHS))
        fd, fresh = tempfile.mkstemp(prefix=INDEX + ".", suffix=".new", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(raw)
                f.flush()
                os.fsync(f.fileno())
            if _identity(idx_path, data_path) != before:
                return 0
            os.replace(fresh, idx_path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(fresh)  # not put in place
        with self._lock:
            self._forget()
        return given

    def record_count(self) -> int:
        """Records in the file (an upper bound of the rows held), 0 when the last one points past the data (the
        data file lost or cut): read without loading the table, one small read."""
        try:
            with open(self.folder / INDEX, "rb") as f:
                count = f.seek(0, os.SEEK_END) // RECORD.size
                if not count:
                    return 0
                f.seek(0)
                texts = count - (RECORD.unpack(f.read(RECORD.size))[0] == GENERATION)
                f.seek((count - 1) * RECORD.size)
                _, off, length, _ = RECORD.unpack(f.read(RECORD.size))
            return texts if texts and off + length <= (self.folder / DATA).stat().st_size else 0
        except OSError:
            return 0

    # -- reading

    def close(self) -> None:
        with self._lock:
            self._forget(close=True)

    def _forget(self, close: bool = False) -> None:
        """Drop the table and the maps (closed only when asked: a reader may still decode from them)."""
        if close and self._map is not None:
            self._map.close()
        if close and self._records is not None:
            self._records.close()
        self._map = None
        self._mapped = 0
        self._records = None
        self._record_count = 0
        self._looked_up = 0
        self._table = {}
        self._read_upto = 0
        self._generation = None
        self._recent = {}

    def _refresh(self) -> mmap.mmap | None:
        """The data's map, with the record file mapped as far as it holds whole records (another process may
        have appended, or replaced the folder: a rebuild — then what was read is dropped). Nothing is read
        per record here: a search in a new process looks its rows up in the mapped records (:meth:`_lookup`)."""
        idx_path = self.folder / INDEX
        generation, size = _generation(idx_path)
        if generation != self._generation or size < self._record_count * RECORD.size:
            self._forget()
            self._generation = generation
            self._lengths = lengths_flag(idx_path)
        if size > self._record_count * RECORD.size:
            with open(idx_path, "rb") as f:
                self._records = mmap.mmap(f.fileno(), size, access=mmap.ACCESS_READ)
            self._record_count = size // RECORD.size
            self._remap()
        return self._map

    def _remap(self) -> int:
        """Map the data file anew when it grew; its mapped size."""
        try:
            size = (self.folder / DATA).stat().st_size
        except OSError:
            return 0
        if size > self._mapped:
            # the old map is not closed here: a reader may still decode from it (it closes when dropped)
            with open(self.folder / DATA, "rb") as f:
                self._map = mmap.mmap(f.fileno(), size, access=mmap.ACCESS_READ)
            self._mapped = size
        return self._mapped

    def _valid(self, num: int, off: int, length: int, word: int) -> bool:
        return num >= 0 and off + length <= self._mapped and word & 0xFF in _CODECS

    def _full_table(self) -> dict[int, tuple[int, int, int]]:
        """row → (offset, length, encoding word) of every record (the last record of a row wins), read once and
        brought up to the records mapped: for many look-ups in one process, and for rows out of order."""
        records = self._records
        if records is not None and self._read_upto < self._record_count:
            table = self._table
            for num, off, length, word in RECORD.iter_unpack(
                    records[self._read_upto * RECORD.size:self._record_count * RECORD.size]):
                if self._valid(num, off, length, word):
                    table[num] = (off, length, word)
            self._read_upto = self._record_count
        return self._table

    def _lookup(self, nums: Iterable[int]) -> tuple[list[tuple[int, int, int, int]], set[int]]:
        """((row, offset, length, encoding word) of the rows of ``nums`` the store has, the rows it lacks).

        Rows are appended in increasing order (the catalogue's rows only grow, and sync adds them in order), so
        a row is found by bisection in the mapped records' row column, the last of its records: a few look-ups
        cost no table of the whole store (35 ms at 10,000 pages, 10× that at 100,000). A row bisection misses
        (a store filled in out of order) is looked up in the full table; so is every row once this process has
        looked up as many rows as there are records (the table then costs less than bisecting)."""
        have: list[tuple[int, int, int, int]] = []
        missed: list[int] = []
        records = self._records
        if records is None:
            return have, set(nums)
        if self._read_upto or self._looked_up >= self._record_count:
            missed = list(nums)
        else:
            count = self._record_count
            unpack = RECORD.unpack_from
            with memoryview(records) as whole, whole[:count * RECORD.size] as used, used.cast("q") as words, \
                    words[::3] as rows:
                for num in nums:
                    i = bisect.bisect_right(rows, num) - 1
                    rec = unpack(records, i * RECORD.size) if i >= 0 else None
                    if rec is not None and rec[0] == num and self._valid(*rec):
                        have.append(rec)
                    else:
                        missed.append(num)
            self._looked_up += len(have) + len(missed)
        unknown: set[int] = set()
        if missed:
            table = self._full_table()
            for num in missed:
                rec2 = table.get(num)
                if rec2 is None:
                    unknown.add(num)
                else:
                    have.append((num, *rec2))
        return have, unknown

    def holding(self, nums: Iterable[int], needle: str) -> tuple[set[int], set[int]]:
        """(the rows of ``nums`` whose folded text holds ``needle``, the rows the store does not have)."""
        with self._lock:
            mm = self._refresh()
            found: set[int] = set()
            if mm is None:
                return found, set(nums)
            have, unknown = self._lookup(nums)
            n8, n16 = needle.encode("utf-8"), needle.encode("utf-16-le")
            find = mm.find
            for num, off, length, word in _ahead(mm, have, _record_span):
                end = off + length
                if word & 0xFF == UTF8:
                    if find(n8, off, end) >= 0:
                        found.add(num)
                    continue
                i = find(n16, off, end)
                while i >= 0 and (i - off) & 1:  # a match must start on a code unit
                    i = find(n16, i + 1, end)
                if i >= 0:
                    found.add(num)
            return found, unknown

    def counts(self, nums: Iterable[int], needle: str) -> tuple[dict[int, int], set[int]]:
        """(row → how many places of its folded text ``needle`` starts at — overlapping ones each, 中中 twice in
        中中中 —, for the rows of ``nums`` the store has; the rows it lacks).

        Counted on the stored bytes, nothing decoded: a UTF-8 text with ``bytes.count`` (UTF-8 is
        self-synchronising: a byte match of a whole needle starts on a character) unless the needle overlaps
        itself, a UTF-16 one by ``find`` steps that keep only matches starting on a code unit (ⴰ乎 holds 中's
        bytes at an odd offset). Many rows (a common word's hits) are looked up in the table of every record,
        read once: a bisection per row cost more."""
        with self._lock:
            mm = self._refresh()
            if mm is None:
                return {}, set(nums)
            placed, unknown = self._placed(list(nums))
            self._recent = {num: place[2] for num, place in placed if place is not None}
        n8, n16 = needle.encode("utf-8"), needle.encode("utf-16-le")
        overlaps = overlaps_itself(needle)
        step8 = 1 if overlaps else len(n8)
        step16 = 2 if overlaps else len(n16)
        find = mm.find
        found: dict[int, int] = {}
        for num, place in _ahead(mm, placed, _placed_span):
            if place is None:
                continue
            off, length, word = place
            end = off + length
            if word & 0xFF == UTF8 and not overlaps:
                found[num] = mm[off:end].count(n8)
                continue
            wide = word & 0xFF == UTF16
            nb, step = (n16, step16) if wide else (n8, step8)
            count, i = 0, find(nb, off, end)
            while i >= 0:
                if wide and (i - off) & 1:  # across two code units: not a match; look one byte on
                    i = find(nb, i + 1, end)
                    continue
                count += 1
                i = find(nb, i + step, end)
            found[num] = count
        return found, unknown

    def _placed(self, nums: list[int]) -> tuple[list[tuple[int, tuple[int, int, int] | None]], set[int]]:
        """(each row of ``nums`` with its (offset, length, encoding), None when the store lacks it; the rows it
        lacks). Many rows (one in :data:`_TABLE_SHARE` of the records or more: a common word's hits) are looked up
        in the table of every record, read once and kept — the look-ups at C speed —, a few by bisection
        (:meth:`_lookup`). Under the lock."""
        if len(nums) * _TABLE_SHARE < self._record_count:
            have, unknown = self._lookup(nums)
            return [(rec[0], rec[1:]) for rec in have], unknown
        self._looked_up = max(self._looked_up, self._record_count)  # the table from now on
        places = list(map(self._full_table().get, nums))
        return list(zip(nums, places, strict=True)), {n for n, p in zip(nums, places, strict=True) if p is None}

    def texts(self, nums: Iterable[int]) -> tuple[Iterator[tuple[int, str]], set[int]]:
        """(``(row, folded text)`` of the rows of ``nums`` the store has — decoded lazily —, the rows it lacks)."""
        with self._lock:
            mm = self._refresh()
            if mm is None:
                return iter(()), set(nums)
            have, unknown = self._lookup(nums)

        def decoded() -> Iterator[tuple[int, str]]:
            for num, off, length, word in _ahead(mm, have, _record_span):
                yield num, mm[off:off + length].decode(_CODECS[word & 0xFF])

        return decoded(), unknown

    def chars(self, nums: Iterable[int]) -> dict[int, int]:
        """row → the article's chars recorded beside its text, for the rows of ``nums`` whose record holds them (a
        store written before records were given them holds none; the caller reads the catalogue for the rest)."""
        with self._lock:
            if self._refresh() is None or not self._lengths:
                return {}  # a store written before: nothing looked up for nothing
            recent = self._recent
            rows = list(nums)
            if all(map(recent.__contains__, rows)):  # the hits of the last count (a rare pair's): no look-up again
                words: Iterable[tuple[int, int]] = ((num, recent[num]) for num in rows)
            else:
                placed, _ = self._placed(rows)
                words = ((num, place[2]) for num, place in placed if place is not None)
            return {num: word >> 8 for num, word in words if word >> 8}

    def prepare(self) -> None:
        """Read the table of every record now (a long-lived reader looks rows up in it, not by bisection)."""
        with self._lock:
            self._refresh()
            self._full_table()

    def rows(self) -> set[int]:
        """Every row the store holds."""
        with self._lock:
            self._refresh()
            return set(self._full_table())
