"""A rebuild on several cores (reader/index/parallel.py): worker processes write segments of their own, and the
index they make answers every term with the same candidates, and every query with the same hits, as the index
one process writes; the text store holds every text; nothing is left behind; a cancel commits nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.index import parallel
from reader.index import store as sindex
from reader.index.terms import terms
from reader.library.catalogue import Library
from reader.search.engine import Searcher
from tests.index.test_textstore import QUERIES, _library


@pytest.fixture
def small_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # a small library through the parallel path, in several segments per worker
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 0)
    monkeypatch.setattr(parallel, "SEGMENT_CHARS", 3000)
    monkeypatch.setattr(parallel, "READ_ARTICLES", 17)


def _answers(lib: Library) -> tuple[dict[str, set[int]], dict[str, tuple[int, list[str]]]]:
    """Every index term's candidates, and every query's total and hits."""
    ix = sindex.Index(lib.index_dir)
    try:
        vocabulary = sorted({t for (folded,) in lib.conn.execute("SELECT folded FROM article_text")
                             for t in terms(folded)})
        cands = {t: set(ix.nums([t])) for t in vocabulary}
    finally:
        ix.close()
    with Searcher(lib) as s:
        hits = {q: (r.total, [h.article for h in r.hits]) for q in QUERIES
                for r in [s.search(q, limit=None, sort="date")]}
    return cands, hits


def test_a_parallel_rebuild_answers_as_one_process_does(tmp_path: Path, small_runs: None) -> None:
    lib, _ = _library(tmp_path / "lib", docs=60)
    try:
        assert sindex.rebuild(lib) == 240  # one process
        one = _answers(lib)
        seen: list[tuple[int, int]] = []
        assert sindex.rebuild(lib, progress=lambda d, t: seen.append((d, t)), workers=2) == 240
        ix = sindex.Index(lib.index_dir)
        segments = len(ix._ix._segments())
        assert ix.doc_count() == 240 and ix.texts.rows() == set(range(1, 241))
        ix.close()
        assert segments >= 4, "each worker wrote several segments"
        assert seen[-1] == (240, 240) and [d for d, _ in seen] == sorted(d for d, _ in seen)
        assert _answers(lib) == one
        assert lib.meta_get("index_pending") is None
        assert lib.conn.execute("SELECT COUNT(*) FROM articles WHERE indexed = 0").fetchone()[0] == 0
        assert not [p for p in lib.index_dir.iterdir() if p.suffix == ".tmp"], "no temporary folder is left"
        assert sindex.sync(lib) == 0  # nothing left to add
    finally:
        lib.close()


def test_a_cancelled_parallel_rebuild_commits_nothing_and_the_next_sync_adds_all(tmp_path: Path,
                                                                                 small_runs: None) -> None:
    lib, _ = _library(tmp_path / "lib", docs=30)
    try:
        cancel = threading.Event()
        cancel.set()
        assert sindex.rebuild(lib, cancel=cancel, workers=2) == 0
        ix = sindex.Index(lib.index_dir)
        assert ix.doc_count() == 0
        ix.close()
        assert sindex.sync(lib) == 120
        with Searcher(lib) as s:
            assert s.count("中") == lib.conn.execute(
                "SELECT COUNT(*) FROM article_text WHERE instr(folded, '中') > 0").fetchone()[0]
    finally:
        lib.close()
