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
record per text (:data:`RECORD`: catalogue row, offset, length in bytes, encoding), appended after the
data they point at is written and flushed to disk; the first record holds a random generation instead (row
:data:`GENERATION`), so a reader tells a replaced folder (a rebuild in another process: the same rows at
other offsets) from a grown one — inode numbers are reused. A record that points past the data's end, or a torn
last record, is ignored; a row written twice (a batch re-added after a crash) is read from its last
record. A row's folded text never changes (an article's row is new when its text is), so a record
stays true for as long as the row exists.

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

import mmap
import os
import secrets
import struct
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

DATA = "folded.dat"
INDEX = "folded.idx"
#: a record: catalogue row, byte offset in DATA, length in bytes, encoding (:data:`UTF8` or :data:`UTF16`)
RECORD = struct.Struct("<qqiB3x")
UTF8 = 0
UTF16 = 1
#: the row of the record file's first record, which holds the file's random generation instead of an offset
GENERATION = -1
_CODECS = {UTF8: "utf-8", UTF16: "utf-16-le"}


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
        #: row → (offset, length, encoding), as far as :attr:`_read_upto` bytes of the record file
        self._table: dict[int, tuple[int, int, int]] = {}
        self._read_upto = 0
        self._map: mmap.mmap | None = None
        self._mapped = 0
        #: the record file's generation (its first record) when read: another one means the files were replaced
        self._generation: int | None = None

    # -- writing

    def append(self, texts: Iterable[tuple[int, str]]) -> int:
        """Add ``(row, folded text)`` pairs: the data first (flushed and synced), then their records."""
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
            for num, text in texts:
                raw, enc = encode(text)
                chunks.append(raw)
                records.append(RECORD.pack(num, offset, len(raw), enc))
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
                records.insert(0, RECORD.pack(GENERATION, secrets.randbits(62), 0, UTF8))
            idx.write(b"".join(records))
            idx.flush()
            os.fsync(idx.fileno())
        return len(chunks)

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
        """Drop the table and the map (closed only when asked: a reader may still decode from it)."""
        if close and self._map is not None:
            self._map.close()
        self._map = None
        self._mapped = 0
        self._table = {}
        self._read_upto = 0
        self._generation = None

    def _refresh(self) -> tuple[dict[int, tuple[int, int, int]], mmap.mmap | None]:
        """The table and the map, brought up to the files (another process may have appended, or replaced the
        folder: a rebuild — then the records read so far point into another data file and are dropped)."""
        idx_path = self.folder / INDEX
        generation, size = _generation(idx_path)
        if generation != self._generation or size < self._read_upto:
            self._forget()
            self._generation = generation
        if size > self._read_upto:
            with open(idx_path, "rb") as f:
                f.seek(self._read_upto)
                raw = f.read(size - self._read_upto)
            raw = raw[: len(raw) - len(raw) % RECORD.size]
            data_size = self._remap()
            table = self._table
            for num, off, length, enc in RECORD.iter_unpack(raw):
                if num >= 0 and off + length <= data_size and enc in _CODECS:
                    table[num] = (off, length, enc)
            self._read_upto += len(raw)
        return self._table, self._map

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

    def holding(self, nums: Iterable[int], needle: str) -> tuple[set[int], set[int]]:
        """(the rows of ``nums`` whose folded text holds ``needle``, the rows the store does not have)."""
        with self._lock:
            table, mm = self._refresh()
            unknown: set[int] = set()
            found: set[int] = set()
            if mm is None:
                return found, set(nums)
            n8, n16 = needle.encode("utf-8"), needle.encode("utf-16-le")
            find = mm.find
            get = table.get
            for num in nums:
                rec = get(num)
                if rec is None:
                    unknown.add(num)
                    continue
                off, length, enc = rec
                end = off + length
                if enc == UTF8:
                    if find(n8, off, end) >= 0:
                        found.add(num)
                    continue
                i = find(n16, off, end)
                while i >= 0 and (i - off) & 1:  # a match must start on a code unit
                    i = find(n16, i + 1, end)
                if i >= 0:
                    found.add(num)
            return found, unknown

    def texts(self, nums: Iterable[int]) -> tuple[Iterator[tuple[int, str]], set[int]]:
        """(``(row, folded text)`` of the rows of ``nums`` the store has — decoded lazily —, the rows it lacks)."""
        with self._lock:
            table, mm = self._refresh()
            if mm is None:
                return iter(()), set(nums)
            have: list[tuple[int, int, int, int]] = []
            unknown: set[int] = set()
            for num in nums:
                rec = table.get(num)
                if rec is None:
                    unknown.add(num)
                else:
                    have.append((num, *rec))

        def decoded() -> Iterator[tuple[int, str]]:
            for num, off, length, enc in have:
                yield num, mm[off:off + length].decode(_CODECS[enc])

        return decoded(), unknown

    def rows(self) -> set[int]:
        """Every row the store holds."""
        with self._lock:
            return set(self._refresh()[0])
