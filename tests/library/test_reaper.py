"""The reaper (benchmarks/reaper.py): servers a test run starts die with it, however it dies.

Each test starts a child process that starts something and hands it to a reaper, then kills itself with SIGKILL
(no teardown, no ``finally``, no atexit runs), and checks the reaper stopped what the child left."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie (a killed orphan waits for init to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


def _child(code: str) -> list[str]:
    """Run ``code`` in a child that prints what it started, then dies by SIGKILL; its printed lines."""
    die = "\nimport os, signal, sys\nsys.stdout.flush()\nos.kill(os.getpid(), signal.SIGKILL)\n"
    script = textwrap.dedent(code) + die
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    return done.stdout.split()


def _until(check: Callable[[], bool], seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def test_a_killed_starter_leaves_no_process_or_folder_behind(tmp_path: Path) -> None:
    folder = tmp_path / "left"
    pid, kept = _child(f"""
        import subprocess
        from pathlib import Path
        from benchmarks.reaper import Reaper
        Path({str(folder)!r}).mkdir()
        reaper = Reaper()
        sleeper = subprocess.Popen(["sleep", "600"], start_new_session=True, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        keeper = subprocess.Popen(["sleep", "600"], start_new_session=True, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        reaper.kill(sleeper.pid)
        reaper.remove({str(folder)!r})
        reaper.forget(reaper.kill(keeper.pid))  # stopped by the starter itself: not the reaper's any more
        print(sleeper.pid, keeper.pid)
    """)
    try:
        assert _until(lambda: not _alive(int(pid)) and not folder.exists())
        assert _alive(int(kept))
    finally:
        for p in (pid, kept):
            if _alive(int(p)):
                os.kill(int(p), signal.SIGKILL)


def test_a_killed_test_run_leaves_no_postgresql_cluster_behind() -> None:
    pgcluster = pytest.importorskip("benchmarks.pgcluster")
    if pgcluster.find_bin() is None:
        pytest.skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    port, root = _child("""
        from benchmarks import pgcluster
        cluster = pgcluster.Cluster(pgcluster.find_bin())
        print(cluster.port, cluster.root)
    """)

    def refused() -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", int(port))) != 0

    assert _until(lambda: refused() and not Path(root).exists(), 60)
