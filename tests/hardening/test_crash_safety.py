"""Crash safety: a process is SIGKILLed during an import, a reindex and annotation edits; the
library reopened afterwards is consistent (catalogue intact, the index holding exactly the
articles the catalogue says it holds, search working) and every committed annotation is there.

The process to kill is ``crash_worker.py``; it reports each finished step on stdout, so the kill
lands at a known point of progress — and, with the short sleeps between kills, at varying points
inside SQLite and Whoosh commits.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.library.catalogue import Library

WORKER = Path(__file__).with_name("crash_worker.py")
SEED = Path(__file__).resolve().parents[1] / "data" / "text" / "seed_page.txt"
#: pages of the paper imported (72: reading processes are used, PARALLEL_MIN_FILES; 120 until the suite grew long)
PAGES = 72


def _pages(folder: Path, count: int = PAGES) -> list[str]:
    """``count`` copies of the seed page, each with its own searchable marker word."""
    folder.mkdir(parents=True)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    markers = []
    for i in range(count):
        marker = f"zqmark{i:04d}"
        page = list(lines)
        page[10] = f"{page[10]} {marker}"
        (folder / f"{i:04d}.txt").write_text("\n".join(page) + "\n", encoding="utf-8")
        markers.append(marker)
    return markers


def _when(word: str, at: int, field: int = 1) -> Callable[[list[str]], bool]:
    """A kill condition: a line starting with ``word`` whose ``field``-th word is a number ≥ ``at``."""
    return lambda w: len(w) > field and w[0] == word and w[field].isdigit() and int(w[field]) >= at


def _run_and_kill(args: list[str], when: Callable[[list[str]], bool], delay: float = 0.0,
                  timeout: float = 120) -> tuple[list[list[str]], bool]:
    """Run the worker, SIGKILL it once ``when(words of a line)`` holds (plus ``delay`` seconds).

    Returns the lines it printed and whether it was killed (False: it finished first).
    """
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, str(WORKER), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    lines: list[list[str]] = []
    killed = False
    deadline = time.monotonic() + timeout
    try:
        assert proc.stdout is not None
        for raw in proc.stdout:
            words = raw.split()
            lines.append(words)
            if when(words):
                if delay:
                    time.sleep(delay)
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
            assert time.monotonic() < deadline, "the worker took too long"
        rest, err = proc.communicate(timeout=timeout)
        if not killed:
            assert proc.returncode == 0, err[-3000:]
        lines += [line.split() for line in rest.splitlines()]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if killed:
        assert proc.returncode == -signal.SIGKILL
    return lines, killed


def _check_consistent(folder: Path, sync: bool = True) -> dict[str, int]:
    """Reopen the library: catalogue intact, index = catalogue's indexed articles, search works."""
    from reader.index import store as sindex

    conn = sqlite3.connect(str(folder / "catalogue.sqlite"))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    library = Library.open(folder, create=False)
    try:
        rows = library.conn.execute("SELECT num, indexed FROM articles").fetchall()
        every = {num for num, _ in rows}
        marked = {num for num, indexed in rows if indexed}
        ix = sindex.Index(library.index_dir)
        try:
            in_index = set(ix.all_nums())
            # the index holds every article the catalogue marks as indexed (marked only after commit)
            assert marked <= in_index, f"{len(marked - in_index)} articles marked indexed are not in the index"
            if sync:
                sindex.sync(library, ix)
                in_index = set(ix.all_nums())
                stale = in_index - every
                assert every <= in_index, f"{len(every - in_index)} articles are missing from the index after sync"
                assert not stale or all(_dropped_or_replaced(library, n) for n in stale)
        finally:
            ix.close()
        stats = library.stats()
        if sync:
            assert stats["unindexed"] == 0
        return stats
    finally:
        library.close()


def _dropped_or_replaced(library: Library, num: int) -> bool:
    """An index entry for a catalogue row that no longer exists may only come from an aborted write
    that search filters out (search verifies every candidate against the catalogue)."""
    return library.conn.execute("SELECT 1 FROM articles WHERE num = ?", (num,)).fetchone() is None


def _search_total(folder: Path, query: str) -> int:
    from reader.search.engine import Searcher

    library = Library.open(folder, create=False)
    try:
        searcher = Searcher(library)
        try:
            return int(searcher.search(query).total)
        finally:
            close = getattr(searcher, "close", None)
            if close is not None:
                close()
            else:
                searcher.index.close()
    finally:
        library.close()


def test_kill_during_import_then_reopen_and_finish(tmp_path: Path) -> None:
    markers = _pages(tmp_path / "paper")
    library = tmp_path / "library"
    # three kills at growing progress, each a little after a file finished (inside the next one)
    for n, (at, delay) in enumerate([(6, 0.0), (27, 0.03), (48, 0.011)]):
        lines, killed = _run_and_kill(
            ["import", str(library), str(tmp_path / "paper")],
            _when("file", at),
            delay=delay,
        )
        assert killed, f"round {n}: the import finished before it could be killed"
        assert max(int(w[1]) for w in lines if w and w[0] == "file") >= at
        stats = _check_consistent(library)
        assert stats["sources"] >= 1 and stats["articles"] > 0
        # what was committed is searchable (an early page survives every kill)
        assert _search_total(library, markers[0]) == 1
    # the next import completes what the kills interrupted, without duplicates
    lines, killed = _run_and_kill(["import", str(library), str(tmp_path / "paper")], lambda w: False)
    assert not killed and lines[-1][0] == "done"
    stats = _check_consistent(library)
    assert stats["sources"] == PAGES and stats["pages"] == PAGES
    for marker in (markers[0], markers[PAGES // 2], markers[-1]):
        assert _search_total(library, marker) == 1, marker
    per_page = stats["articles"] / PAGES
    assert per_page == int(per_page), "a page's articles were stored twice or half"


def test_kill_during_reindex_then_reopen(tmp_path: Path) -> None:
    from reader.library.importer import import_paths

    markers = _pages(tmp_path / "paper", 60)
    folder = tmp_path / "library"
    with Library.open(folder) as library:
        import_paths(library, [tmp_path / "paper"])
        before = library.stats()
    for at, delay in ((1, 0.0), (3, 0.005)):
        _, killed = _run_and_kill(["reindex", str(folder)],
                                  _when("batch", at * 40), delay=delay)
        assert killed, "the reindex finished before it could be killed"
        # straight after the kill: what the index lacks, the catalogue says it lacks
        _check_consistent(folder, sync=False)
    stats = _check_consistent(folder)  # then sync completes it
    assert stats["articles"] == before["articles"] and stats["sources"] == before["sources"]
    for marker in (markers[0], markers[-1]):
        assert _search_total(folder, marker) == 1, marker


def test_kill_during_annotation_edits_loses_no_committed_annotation(tmp_path: Path) -> None:
    from reader.annotations.store import AnnotationStore
    from reader.library.importer import import_paths

    _pages(tmp_path / "paper", 2)
    folder = tmp_path / "library"
    with Library.open(folder) as library:
        import_paths(library, [tmp_path / "paper"])
        article_id = max(library.articles(), key=lambda a: len(library.article(a.id).text)).id
    committed: dict[str, str] = {}
    for at in (40, 95, 150):
        lines, killed = _run_and_kill(["annotate", str(folder), article_id, "100000"],
                                      _when("added", at, field=3))
        assert killed
        for words in lines:
            if words and words[0] in ("added", "updated"):
                committed[words[1]] = " ".join(words[2:])
        with Library.open(folder, create=False) as library:
            store = AnnotationStore.of(library)
            stored = {a.id: a for a in store.find(article=article_id)}
            missing = set(committed) - set(stored)
            assert not missing, f"{len(missing)} committed annotations are gone"
            changed = {i: (note, stored[i].note) for i, note in committed.items() if stored[i].note != note
                       and not stored[i].note.startswith("edited")}
            assert not changed, changed
            # a later edit may have committed after its last report; an earlier one never wins
            for i, note in committed.items():
                if note.startswith("edited"):
                    assert stored[i].note.startswith("edited")
                    assert int(stored[i].note.split()[1]) >= int(note.split()[1])
        _check_consistent(folder)
    assert len(committed) >= 150


def test_worker_modes_run_to_the_end(tmp_path: Path) -> None:
    """The worker really does what the kills interrupt (a broken worker would make kills vacuous)."""
    _pages(tmp_path / "paper", 3)
    folder = tmp_path / "library"
    lines, killed = _run_and_kill(["import", str(folder), str(tmp_path / "paper")], lambda w: False)
    assert not killed and lines[-1] == ["done", "3", "0"]
    lines, killed = _run_and_kill(["reindex", str(folder)], lambda w: False)
    assert not killed and lines[-1][0] == "done" and int(lines[-1][1]) > 0
    with Library.open(folder, create=False) as library:
        article_id = library.articles()[0].id
    lines, killed = _run_and_kill(["annotate", str(folder), article_id, "4"], lambda w: False)
    assert not killed and lines[-1] == ["done"]
    assert sum(1 for w in lines if w[0] == "added") == 4 and sum(1 for w in lines if w[0] == "updated") == 1

