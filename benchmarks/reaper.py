"""A reaper for the servers tests and benchmarks start: it stops them when the process that started them dies.

A throwaway PostgreSQL cluster (``pg_ctl start`` runs it as a daemon) and a Dask scheduler and workers outlive a
test run that is killed (SIGTERM from a CI timeout, SIGKILL, a closed terminal): fixtures' teardowns never run,
and the orphans keep ports, memory and CPU, and disturb every later measurement on the machine. So the starter
hands each server to a reaper: a small process in a session of its own (a kill of the starter's process group
does not reach it) that reads tasks from a pipe whose only writer is the starter. When the pipe closes — the
starter exited, however it died — the reaper carries the tasks out: run a stop command, kill a process, remove
a folder. A starter that stops its servers itself says so (:meth:`Reaper.forget`), and the reaper has nothing
left to do; closing the pipe (:meth:`Reaper.close`) ends it.

Used by :mod:`benchmarks.pgcluster` (the tests' cluster too) and the tests' Dask cluster.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

#: seconds a stop command may take before the reaper goes on to the next task
STOP_SECONDS = 60


class Reaper:
    """The starter's end of one reaper process."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen([sys.executable, "-m", "benchmarks.reaper"], stdin=subprocess.PIPE,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      cwd=Path(__file__).resolve().parents[1], start_new_session=True,
                                      close_fds=True)
        self._lock = threading.Lock()
        self._next = 0

    def _send(self, task: dict[str, Any]) -> str:
        with self._lock:
            self._next += 1
            key = f"t{self._next}"
            pipe = self._proc.stdin
            assert pipe is not None
            pipe.write((json.dumps({"key": key, **task}) + "\n").encode())
            pipe.flush()
            return key

    def run(self, command: Sequence[str], cwd: str | os.PathLike[str] | None = None) -> str:
        """Run ``command`` if the starter dies; returns the task's key."""
        return self._send({"run": list(command), "cwd": None if cwd is None else str(cwd)})

    def kill(self, pid: int) -> str:
        """Kill process ``pid`` (SIGKILL) if the starter dies."""
        return self._send({"kill": pid})

    def remove(self, path: str | os.PathLike[str]) -> str:
        """Remove the folder ``path`` if the starter dies."""
        return self._send({"remove": str(path)})

    def forget(self, key: str) -> None:
        """The starter has done task ``key`` itself."""
        self._send({"forget": key})

    def close(self) -> None:
        """End the reaper: the tasks still held are carried out (forget them first when done)."""
        if self._proc.stdin is not None:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._proc.wait(timeout=STOP_SECONDS)


def _carry_out(task: dict[str, Any]) -> None:
    if "run" in task:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(task["run"], cwd=task.get("cwd"), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=STOP_SECONDS, check=False)
    elif "kill" in task:
        with contextlib.suppress(OSError):
            os.kill(int(task["kill"]), signal.SIGKILL)
    elif "remove" in task:
        shutil.rmtree(task["remove"], ignore_errors=True)


def serve(pipe: IO[bytes]) -> None:
    """Read tasks until the pipe closes, then carry out those not forgotten, in the order given."""
    tasks: dict[str, dict[str, Any]] = {}
    for raw in pipe:
        with contextlib.suppress(ValueError):
            task = json.loads(raw)
            if "forget" in task:
                tasks.pop(task["forget"], None)
            else:
                tasks[task["key"]] = task
    for task in tasks.values():
        _carry_out(task)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl+C meant for the starter is not for the reaper
    serve(sys.stdin.buffer)
