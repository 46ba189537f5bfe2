"""Filling an empty index on every core (a rebuild: ``broadsheet reindex``, a missing or foreign index).

Why
---
One process rebuilt the index of 10,000 pages in 180 s: a third computing each article's terms, two
thirds the writer gathering postings and writing them block by block. Terms computed in other processes
alone would leave the writer the limit, so here each worker process writes whole segments of its own (the
terms, the posting lists, the segment's files: :class:`reader.index.whoosh_writer.TermListSegmentWriter`
without the index lock), and the parent, holding the lock, reads the catalogue, sends each worker a run
of articles, appends their texts to the text store, and at the end writes ONE table of contents naming
every segment.

Crash consistency (the stamp protocol of :func:`reader.index.store.sync`)
---------------------------------------------------------------------------
``index_pending`` is set before the first segment is written; the text store is appended before the table
of contents (a row the index holds is in the store); segments are invisible until that table names them
(Whoosh deletes unnamed segment files at its next commit); the rows are marked indexed only after it, and
``index_pending`` cleared last. A kill at any moment leaves either the empty index with every row to add
again, or the full index with rows the next sync deletes and re-adds (``index_pending``). A worker that
dies, or a cancel, discards every segment (nothing committed).

Segments: the rows are cut in runs of about the same number of characters, as many runs as a multiple
of the workers (none idle at the end), each at most :data:`SEGMENT_CHARS` (a worker's memory is one
segment's posting lists: ~4 bytes a posting).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage

from reader.index.terms import FIELD
from reader.index.whoosh_writer import TermListSegmentWriter

#: characters of folded text in one worker's segment at most (~100 MB of posting lists in the worker)
SEGMENT_CHARS = 24_000_000
#: articles read from the catalogue at a time
READ_ARTICLES = 2000
#: an index with fewer articles to add is filled in one process (spawning workers costs ~0.3 s each)
MIN_ARTICLES = 4000

Row = tuple[int, str, str, int]

log = logging.getLogger(__name__)


def codec(blocklimit: int) -> Any:
    """The codec every Broadsheet segment is written with: no length statistics (Whoosh would look up a field
    length — a stat() of the disk — for every posting written; nothing scores by length); blocks compressed
    with zlib level 6 (reading is the same at any level; a block is small, so level 1 took as long to write
    and gave 2% more: 4.88 against 4.78 MB for a seventh of a 10,000-page segment's blocks)."""
    c = W3Codec(blocklimit=blocklimit, compression=6)
    c.length_stats = False
    return c


class _WorkerStorage(FileStorage):  # type: ignore[misc]  # whoosh is untyped
    """The index folder as a worker writes to it: each temporary folder (the posting pool's, the columns') has
    a name of its own — Whoosh names them after the index, and a writer removes its pool's when done, another
    worker's column files with it — and all are removed by :meth:`destroy_temps`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.temps: list[Any] = []

    def temp_storage(self, name: str | None = None) -> Any:
        temp = super().temp_storage(None)
        self.temps.append(temp)
        return temp

    def destroy_temps(self) -> None:
        for temp in self.temps:
            with contextlib.suppress(OSError):  # already gone
                temp.destroy()


def build_segment(folder: str, rows: list[Row], blocklimit: int, pool_mb: int) -> Any:
    """In a worker: write ``rows`` (row, id, folded text, chars) as one new segment of the index in ``folder``, not
    named by its table of contents (the parent does that), and return the segment."""
    from reader.index.manyterms import counted_terms_many  # numpy: only in a worker

    storage = _WorkerStorage(folder, supports_mmap=False)
    ix = storage.open_index()
    w = TermListSegmentWriter(ix, FIELD, limitmb=pool_mb, codec=codec(blocklimit), _lk=False)
    try:
        for (num, article_id, _, _), terms in zip(rows, counted_terms_many([r[2] for r in rows]), strict=True):
            w.add_document(id=article_id, num=num)
            w.add_terms(w.docnum - 1, *terms)
        return w._finalize_segment()
    finally:
        w._finish()
        ix.close()
        storage.destroy_temps()


def _watch_parent(parent: int) -> None:
    """In a worker: end it when the parent is gone (a killed reindex leaves no orphans)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def workers_for(articles: int, wanted: int | None) -> int:
    """How many worker processes fill ``articles`` rows: none (0) when not ``wanted`` or too few rows."""
    if not wanted or wanted < 2 or articles < MIN_ARTICLES:
        return 0
    return min(wanted, os.cpu_count() or 1, 4)


def runs(read: Callable[[int], list[Row]], total_chars: int, workers: int) -> Iterator[list[Row]]:
    """The rows ``read(after)`` gives (in row order, after row ``after``), cut into runs of about equal
    characters: a multiple of ``workers`` runs, each at most :data:`SEGMENT_CHARS`."""
    per_worker = -(-total_chars // (workers * SEGMENT_CHARS))
    target = max(1, -(-total_chars // (workers * per_worker)))
    run: list[Row] = []
    chars = 0
    after = 0
    while True:
        rows = read(after)
        if not rows:
            break
        after = rows[-1][0]
        for row in rows:
            run.append(row)
            chars += len(row[2])
            if chars >= target:
                yield run
                run, chars = [], 0
    if run:
        yield run


class Filler:
    """Fill an empty index from ``runs`` of rows in ``workers`` processes; see the module's docstring."""

    def __init__(self, folder: str, workers: int, blocklimit: int, pool_mb: int) -> None:
        self.folder = folder
        self.workers = workers
        self.args = (blocklimit, pool_mb)
        #: (the run's rows, the future of its segment), in submission order
        self.pending: deque[tuple[list[int], Future[Any]]] = deque()
        self.segments: list[Any] = []
        self.nums: list[int] = []

    def fill(self, run_list: Iterator[list[Row]], append_texts: Callable[[list[tuple[int, str, int]]], object],
             progress: Callable[[int], None], cancel: threading.Event | None) -> bool:
        """Write every run as a segment (False when cancelled, or when a worker died — killed, out of memory —:
        nothing is to be committed, and the caller adds the rows in its own process)."""
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_watch_parent, initargs=(os.getpid(),))
        try:
            for run in run_list:
                if cancel is not None and cancel.is_set():
                    return False
                # the texts before the index names them
                append_texts([(num, folded, chars) for num, _, folded, chars in run])
                self.pending.append(([r[0] for r in run], pool.submit(build_segment, self.folder, run, *self.args)))
                while len(self.pending) > self.workers:  # at most one run waiting per worker: memory stays bounded
                    self._collect(progress)
            while self.pending:
                self._collect(progress)
            return cancel is None or not cancel.is_set()
        except BrokenProcessPool:
            log.warning("%s: a process writing the index ended; indexing in this process", self.folder)
            return False
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _collect(self, progress: Callable[[int], None]) -> None:
        nums, future = self.pending.popleft()
        self.segments.append(future.result())
        self.nums.extend(nums)
        progress(len(nums))
