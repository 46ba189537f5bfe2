"""Long work in a child process: an import that never competes with its caller for the GIL.

Import spends much of its time in pure-Python code (segmentation, Whoosh's
posting writer and its end-of-commit sort) that holds the interpreter lock for
hundreds of milliseconds at a time. In a thread of the desktop application that
stalls the event loop; in a child process it cannot. The child is the ordinary
command line (``broadsheet import --progress-json``), so the catalogue's and the
index's crash guarantees are the importer's own; this module only drives it:
progress and errors arrive as JSON lines (:mod:`reader.library.protocol`), cancelling sends SIGINT (the child
stops after the current file, like Ctrl-C), and the report comes back as the
importer's :class:`~reader.library.importer.ImportReport`.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reader.library.importer import ImportProgress, ImportReport
from reader.library.protocol import FileError, Progress, ProtocolError, decode
from reader.model.errors import BroadsheetError

log = logging.getLogger(__name__)


def command_line() -> list[str]:
    """How to run Broadsheet's command line from this process (a frozen bundle ships it beside the GUI)."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        cli = exe.with_name("broadsheet.exe" if os.name == "nt" else "broadsheet")
        return [str(cli if cli.exists() else exe)]
    return [sys.executable, "-m", "reader"]


def import_in_subprocess(
    library: str | Path,
    paths: Sequence[str | Path],
    *,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: threading.Event | None = None,
    on_error: Callable[[str, str], None] | None = None,
    publication: str | None = None,
    date: str | None = None,
    page: int | None = None,
    reread: bool = False,
) -> ImportReport:
    """Import ``paths`` into the library folder ``library`` in a child process.

    Calls ``progress`` after each file and ``on_error(path, message)`` for each
    bad file, like :func:`reader.library.importer.import_paths`; setting ``cancel``
    stops the child after its current file. ``reread``: read again the files held unchanged (``--reread``).
    """
    cmd = command_line() + ["import", "--library", str(library), "--progress-json"]
    if publication:
        cmd += ["--publication", publication]
    if date:
        cmd += ["--date", date]
    if page is not None:
        cmd += ["--page", str(page)]
    if reread:
        cmd.append("--reread")
    cmd += ["--", *[str(p) for p in paths]]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
                            encoding="utf-8", errors="replace")
    done = threading.Event()

    def watch_cancel() -> None:
        while not done.wait(0.05):
            if cancel is not None and cancel.is_set():
                _interrupt(proc)
                return

    watcher = threading.Thread(target=watch_cancel, name="import-cancel", daemon=True)
    watcher.start()
    stderr_lines: list[str] = []
    drain = threading.Thread(target=lambda: stderr_lines.extend(proc.stderr or []), name="import-stderr", daemon=True)
    drain.start()
    try:
        assert proc.stdout is not None
        report, bad_line = _read_messages(proc.stdout, progress, on_error)
        proc.wait()
    finally:
        done.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        drain.join(timeout=5)
    if report is None:
        if cancel is not None and cancel.is_set():
            return ImportReport(cancelled=True)
        tail = " ".join("".join(stderr_lines).split())[-400:] or (str(bad_line) if bad_line else "")
        raise BroadsheetError(f"the import process ended with status {proc.returncode}: {tail or 'no message'}")
    return report


def _read_messages(lines: Iterable[str], progress: Callable[[ImportProgress], None] | None,
                   on_error: Callable[[str, str], None] | None) -> tuple[ImportReport | None, ProtocolError | None]:
    """Pass the child's messages on; its report (None if it sent none) and the last line that was not a message."""
    report: ImportReport | None = None
    bad_line: ProtocolError | None = None
    for line in lines:
        try:
            message = decode(line)
        except ProtocolError as e:  # not a message (something else printed on stdout): logged, skipped
            log.info("import: %s", e)
            bad_line = e
            continue
        if isinstance(message, Progress):
            if progress is not None:
                progress(message.progress())
        elif isinstance(message, FileError):
            if on_error is not None:
                on_error(message.path, message.message)
        else:
            report = message.report()
    return report, bad_line


def _interrupt(proc: subprocess.Popen[str]) -> None:
    """Ask the child to stop after its current file (SIGINT, like Ctrl-C in a terminal)."""
    if proc.poll() is not None:
        return
    if os.name == "nt":
        proc.terminate()
    else:
        proc.send_signal(signal.SIGINT)
