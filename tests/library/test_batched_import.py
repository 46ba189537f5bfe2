"""Small files stored several to a transaction (``Library.batched``, a savepoint a file) and handed to the reading
processes several to a task (``importer.read_files``): every guarantee of one transaction and one task a file holds —
a file failing while it is stored fails alone and the batch goes on, an error of the library stops the import
keeping what was stored before it, a kill in the middle of a batch leaves a library the next import completes into
the same library as a clean import, and a file's reading error stays its own."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from reader.index import store as sindex
from reader.library import catalogue, importer
from reader.library.catalogue import Library, StoreBatch
from reader.library.importer import import_paths, read_file, read_files
from reader.model.errors import BroadsheetError
from reader.search.engine import Searcher

ROOT = Path(__file__).resolve().parents[2]
FILES = 12


def _pages(folder: Path, n: int = FILES) -> list[Path]:
    folder.mkdir(parents=True)
    out = []
    for i in range(n):
        f = folder / f"paper_19900101_{i + 1:03d}.txt"
        f.write_text(f"第{i}号通告\n\n　　本报讯 今天全市各区开展第{i}次清扫活动，居民踊跃参加，街道焕然一新。"
                     f"编号{i:03d}号\n\n（记者 王{i % 7}）\n", encoding="utf-8")
        out.append(f)
    return out


def _commits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The files each commit of a batch held (recorded as the import runs)."""
    held: list[int] = []
    real = StoreBatch.commit

    def commit(self: StoreBatch) -> None:
        if self.began is not None:
            held.append(self.files)
        real(self)

    monkeypatch.setattr(StoreBatch, "commit", commit)
    return held


def _failing_at(monkeypatch: pytest.MonkeyPatch, name: str, error: Exception) -> None:
    """Storing the file called ``name`` raises ``error`` half-way: its source and pages rows are written by then."""
    real = catalogue.anchored_keys

    def keys(path: str, anchors: Sequence[str]) -> list[str]:
        if Path(path).name == name:
            raise error
        return real(path, anchors)

    monkeypatch.setattr(catalogue, "anchored_keys", keys)


def _library(lib: Library) -> dict[str, Any]:
    """What a library holds, whatever the row numbers: sources, pages, articles, and each page's hits."""
    conn = lib.conn
    with Searcher(lib) as s:
        hits = {i: sorted(s.matching_ids(f"编号{i:03d}号")) for i in range(FILES)}
    return {
        "sources": sorted(conn.execute("SELECT path, sha256, size, format FROM sources")),
        "pages": sorted(conn.execute("SELECT s.path, p.number, p.label FROM pages p "
                                     "JOIN sources s ON s.id = p.source_id")),
        "articles": sorted((r[0], r[1], r[2], None if r[3] is None else bytes(r[3]), r[4], r[5]) for r in conn.execute(
            "SELECT id, headline, parts, spans, chars, pages FROM articles")),
        "hits": hits,
        "stats": {k: v for k, v in lib.stats().items()},
    }


@pytest.mark.parametrize("workers", [0, 2], ids=["here", "reading-processes"])
def test_a_file_failing_while_stored_in_a_batch_fails_alone_and_the_batch_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    files = _pages(tmp_path / "src")
    bad = files[5].name
    _failing_at(monkeypatch, bad, ValueError("a reader's bug"))
    monkeypatch.setattr(StoreBatch, "SECONDS", 3600.0)
    held = _commits(monkeypatch)
    with Library(tmp_path / "lib") as lib:
        report = import_paths(lib, [tmp_path / "src"], workers=workers)
        assert [Path(p).name for p, _ in report.failed] == [bad]
        assert "could not be read (ValueError: a reader's bug)" in report.failed[0][1]
        assert len(report.imported) == FILES - 1
        assert max(held) == FILES - 1  # all the others in one transaction, the bad one rolled back inside it
        st = lib.stats()
        assert st["sources"] == st["pages"] == st["articles"] == FILES - 1 and st["unindexed"] == 0
        assert lib.source(files[5]) is None
        assert not lib.conn.execute("SELECT 1 FROM pages p JOIN sources s ON s.id = p.source_id "
                                    "WHERE s.path = ?", (str(files[5]),)).fetchall()
        with Searcher(lib) as s:
            assert s.matching_ids("编号005号") == set() and len(s.matching_ids("编号006号")) == 1
        monkeypatch.undo()
        again = import_paths(lib, [tmp_path / "src"], workers=0)
        assert [Path(p).name for p in again.imported] == [bad] and len(again.unchanged) == FILES - 1
        assert lib.stats()["sources"] == FILES


def test_an_error_of_the_library_stops_the_import_keeping_the_files_stored_before_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _pages(tmp_path / "src")
    _failing_at(monkeypatch, files[4].name, sqlite3.OperationalError("disk I/O error"))
    with Library(tmp_path / "lib") as lib, pytest.raises(sqlite3.OperationalError):
        import_paths(lib, [tmp_path / "src"])
    monkeypatch.undo()
    with Library(tmp_path / "lib") as lib:
        assert sorted(s.path for s in lib.sources()) == [str(f) for f in files[:4]]
        report = import_paths(lib, [tmp_path / "src"])
        assert len(report.imported) == FILES - 4 and not report.failed
        assert lib.stats()["sources"] == FILES and lib.stats()["unindexed"] == 0


def test_a_batch_commits_when_due_and_before_each_index_sync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _pages(tmp_path / "src")
    monkeypatch.setattr(StoreBatch, "FILES", 5)
    monkeypatch.setattr(StoreBatch, "SECONDS", 3600.0)
    held = _commits(monkeypatch)
    with Library(tmp_path / "lib") as lib:
        import_paths(lib, [tmp_path / "src"])
        assert held == [5, 5, 2]
        held.clear()
        monkeypatch.setattr(importer, "SYNC_CHARS", 1)  # a sync after every file: the index reads committed rows
        for f in (tmp_path / "src").iterdir():
            f.write_text(f.read_text(encoding="utf-8") + "又及\n", encoding="utf-8")
        import_paths(lib, [tmp_path / "src"])
        assert held == [1] * FILES
        assert lib.stats()["unindexed"] == 0


_KILL_SCRIPT = textwrap.dedent("""
    import os, signal, sys
    from reader.library import catalogue, importer
    from reader.library.catalogue import Library, StoreBatch
    StoreBatch.FILES = 4
    StoreBatch.SECONDS = 3600.0
    real = Library.store_rows
    stored = []

    def store_rows(self, *args, **kwargs):
        result = real(self, *args, **kwargs)
        stored.append(result)
        if len(stored) == 10:  # two batches committed, two files of the third stored and not
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    Library.store_rows = store_rows
    importer.import_paths(Library(sys.argv[1]), [sys.argv[2]])
""")


def test_an_import_killed_in_the_middle_of_a_batch_is_completed_into_the_library_a_clean_import_makes(
        tmp_path: Path) -> None:
    _pages(tmp_path / "src")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", _KILL_SCRIPT, str(tmp_path / "lib"), str(tmp_path / "src")],
                          env=env, timeout=300)
    assert proc.returncode == -9
    with Library(tmp_path / "lib") as lib:
        assert lib.stats()["sources"] == 8  # the uncommitted files of the batch are not there, nor half there
        sindex.sync(lib)
        report = import_paths(lib, [tmp_path / "src"])
        assert len(report.imported) == FILES - 8 and len(report.unchanged) == 8 and not report.failed
        killed = _library(lib)
    with Library(tmp_path / "clean") as lib:
        import_paths(lib, [tmp_path / "src"])
        clean = _library(lib)
    assert killed == clean
    assert all(len(v) == 1 for v in clean["hits"].values())


def test_files_read_several_to_a_task_give_what_each_read_alone_gives_and_their_own_errors(
        tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "src"
    shutil.copytree(data_dir / "samples", folder)
    paths = importer.collect([folder])[0]
    assert len(paths) >= 8
    paths = paths[-7:]
    bad = folder / "bad.xml"
    bad.write_text("<alto><Layout><Page", encoding="utf-8")
    paths.insert(2, bad)
    together = read_files(paths)
    assert len(together) == len(paths)
    for path, got in zip(paths, together, strict=True):
        if path == bad:  # its own error, or one the importing process is to read it again for (unpicklable)
            with pytest.raises(BroadsheetError) as alone:
                read_file(path)
            assert isinstance(got, importer.ReaderLost) or (type(got), str(got)) == (alone.type, str(alone.value))
            continue
        assert not isinstance(got, Exception)
        alone = read_file(path)
        assert got.rows == alone.rows and got.metadata == alone.metadata and got.has_content == alone.has_content
        assert [_terms(t) for t in got.terms] == [_terms(t) for t in alone.terms]


def _terms(packed: sindex.PackedTerms) -> tuple[list[int], list[str], dict[int, int]]:
    keys, words, counts = sindex.unpack_terms(packed)
    return sorted(keys), sorted(words), counts


def test_small_files_go_to_the_reading_processes_several_to_a_task(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    tasks: list[int] = []
    real = importer._ProcessReaders.submit_many

    def submit_many(self: importer._ProcessReaders, paths: Sequence[Path]) -> Any:
        tasks.append(len(paths))
        return real(self, paths)

    monkeypatch.setattr(importer._ProcessReaders, "submit_many", submit_many)
    _pages(tmp_path / "src", 40)
    bad = tmp_path / "src" / "paper_19900101_017.xml"  # among the small files of a task
    bad.write_text("<alto><Layout><Page", encoding="utf-8")
    with Library(tmp_path / "here") as lib:
        alone = import_paths(lib, [bad], workers=0).failed
    assert len(alone) == 1
    with Library(tmp_path / "lib") as lib:
        report = import_paths(lib, [tmp_path / "src"], workers=2)
        assert len(report.imported) == 40 and report.failed == alone
        assert tasks and max(tasks) == importer.CHUNK_FILES and sum(tasks) >= 32
        with Searcher(lib) as s:
            assert len(s.matching_ids("编号039号")) == 1
