"""A throwaway PostgreSQL cluster for the tests and the benchmarks (``tests/pgcluster.py`` re-exports it, so
benchmarks never import tests/): ``initdb`` into a temporary folder, a free port on
127.0.0.1, trust authentication, stopped and removed at the end.

A test run or benchmark that is killed never reaches its teardown; ``pg_ctl`` runs the server as a daemon, so it
would outlive the run. Each cluster is therefore handed to a reaper (:mod:`benchmarks.reaper`) that stops it and
removes its folder as soon as the process that started it dies.

PostgreSQL refuses to run as root, so under root (CI containers) the cluster's files belong to
``nobody`` and its programs run through ``runuser``. The superuser of the cluster is ``broadsheet``;
tests that need more roles create them (``CREATE ROLE … LOGIN``).

When no PostgreSQL server programs are installed (``initdb`` found neither on PATH nor under
/usr/lib/postgresql/*/bin), :func:`find_bin` returns None and the fixtures skip with that sentence:
``.ci/run`` installs Debian's ``postgresql``, so in CI they run.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.reaper import Reaper

SUPERUSER = "broadsheet"


def find_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (the newest version installed), or None."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    if candidates:
        return candidates[-1].parent
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """One running cluster; :meth:`url` gives a connection URL for a database in it."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="broadsheet-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL will not run as root: its files and processes are nobody's
            nobody = pwd.getpwnam("nobody")
            os.chown(self.root, nobody.pw_uid, nobody.pw_gid)
            self._as = ["runuser", "-u", "nobody", "--"]
        # should this process die, the reaper stops the server and removes its folder (registered before the start)
        self._reaper = Reaper()
        self._reaped = [self._reaper.run(self._command("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w",
                                                       "stop"), cwd=self.root),
                        self._reaper.remove(self.root)]
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        self.start()

    def start(self) -> None:
        """Start the server (again, after :meth:`halt`) on the same port."""
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w", "start")

    def halt(self) -> None:
        """Stop the server as an administrator does (``pg_ctl -m fast stop``: every session is ended, "terminating
        connection due to administrator command"), its data kept for :meth:`start`."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        """:meth:`halt`, then :meth:`start`: what a server's restart does to the connections open on it."""
        self.halt()
        self.start()

    def _command(self, program: str, *args: str) -> list[str]:
        return [*self._as, str(self.bindir / program), *args]

    def _run(self, program: str, *args: str) -> None:
        cmd = self._command(program, *args)
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=self.root, check=False)
        if done.returncode:
            log = self.root / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr or done.stdout}\n{tail}")

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database ``name``; returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
        for key in self._reaped:
            self._reaper.forget(key)
        self._reaper.close()


_counter = 0


def unique_name(prefix: str = "t") -> str:
    """A database name not used before in this test run."""
    global _counter
    _counter += 1
    return f"{prefix}_{os.getpid()}_{_counter}_{int(time.time() * 1000) % 100000}"


@contextlib.contextmanager
def running() -> Iterator[Cluster]:
    bindir = find_bin()
    if bindir is None:
        raise LookupError("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    cluster = Cluster(bindir)
    try:
        yield cluster
    finally:
        cluster.stop()
