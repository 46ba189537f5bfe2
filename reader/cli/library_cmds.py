"""``broadsheet import``, ``reindex`` and ``stats``: filling the library and saying what it holds."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from typing import Any

from reader.app.work import WorkReport, check_work, told_news
from reader.cli.common import open_library
from reader.library.catalogue import Library
from reader.library.importer import ImportReport, display_path


def _printed_date(value: str | None) -> str | None:
    """A date as the paper prints it (中華民國廿八年四月廿二日) in ISO form; anything else as given."""
    from reader.text.dates import DateError, iso_date

    if not value:
        return value
    try:
        return iso_date(value) or value
    except DateError:  # an impossible date: refused by the caller, in one sentence
        return value


class ProgressLine:
    """The import's progress, one line rewritten in place on ``stream``, and the sentences said between its
    updates, each on a line of its own: the progress line is wiped first (a shorter sentence written over it left
    the line's end after it — seen by eye)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.width = 0

    def show(self, line: str) -> None:
        self.stream.write("\r" + line)
        self.stream.flush()
        self.width = len(line)

    def say(self, sentence: str) -> None:
        wipe = "\r" + " " * self.width + "\r" if self.width else ""
        self.stream.write(f"{wipe}{sentence}\n")
        self.width = 0


def cmd_import(args: argparse.Namespace) -> int:
    import signal
    import threading
    import time

    from reader.library import protocol
    from reader.library.importer import ImportProgress, import_paths, work_check_pending

    args.date = _printed_date(args.date)
    wrong = _wrong_date(args.date)
    if wrong:
        print(f"broadsheet: --date {args.date}: {wrong}.", file=sys.stderr)
        return 2
    # a path named that is not there is a bad argument: said (by the import, which goes on with the rest), exit 2
    missing = [p for p in args.paths if not os.path.lexists(p)]
    cancel = threading.Event()

    def on_sigint(signum: int, frame: object) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        print("\nbroadsheet: stopping after the current file (Ctrl-C again to abort)", file=sys.stderr)

    last = [0.0]

    def emit(message: protocol.Message) -> None:
        sys.stdout.write(protocol.encode(message))
        sys.stdout.flush()

    line = ProgressLine(sys.stderr)

    def progress(p: ImportProgress) -> None:
        if args.progress_json:
            emit(protocol.Progress.of(p))
            return
        now = time.monotonic()
        if now - last[0] < 0.5 and p.files_done < p.files_total:
            return
        last[0] = now
        eta = f", {p.eta:.0f}s left" if p.eta is not None else ""
        line.show(f"{p.files_done}/{p.files_total} files, {p.pages} pages, {p.articles} articles, "
                  f"{p.rate / 1000:.0f}k chars/s{eta}   ")

    def on_error(path: str, message: str) -> None:
        if args.progress_json:
            emit(protocol.FileError(path, message))
            return
        line.say(f"broadsheet: {display_path(message)}")  # one line, whatever the file is named

    lib = _open_for_import(args)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, on_sigint) if main_thread else None
    try:
        report = import_paths(lib, args.paths, publication=args.publication, date=args.date, page=args.page,
                              progress=None if args.quiet else progress, cancel=cancel, on_error=on_error,
                              workers=None,  # worker processes for large imports: this program's main is guarded
                              cluster=args.cluster, reread=args.reread)
        # where the reader's notes and corrections stand now (a window driving this import checks itself)
        changed = report.imported or report.moved or work_check_pending(lib)  # (or an import stopped before)
        work = check_work(lib, report.moved) if changed and not args.progress_json else None
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        lib.close()
    if args.progress_json:
        emit(protocol.Done.of(report))
    elif not args.quiet:
        sys.stderr.write("\n")
    print_report(report)
    if work is not None:
        print_work(work)
    if report.cancelled:
        return 130
    return 2 if missing else 1 if report.failed else 0


def _open_for_import(args: argparse.Namespace) -> Library:
    """The library to import into, its notes' and corrections' stores ready: the reader's work is checked after
    the import, and stores a newer Broadsheet wrote are refused before anything is stored (the files were stored,
    then the import refused, seen by a tester); a ``--cluster`` that cannot be used is one sentence before a library is
    made."""
    from reader.annotations.store import AnnotationStore
    from reader.corrections.store import CorrectionStore

    if args.cluster:
        from reader.library.cluster import check_spec

        check_spec(args.cluster)
    lib = open_library(args, create=True)
    try:
        AnnotationStore.of(lib)
        CorrectionStore.of(lib)
    except BaseException:
        lib.close()
        raise
    return lib


def _wrong_date(date: str | None) -> str | None:
    """What is wrong with an issue date given with --date (None: nothing, or no date given): not YYYY-MM-DD, or no
    day of the calendar (2021-02-30 was stored, cited and filed as undated)."""
    import datetime

    if not date:
        return None
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        return "give the date as YYYY-MM-DD"
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return "there is no such day"
    return None


def tell_news(lib: Library) -> None:
    """What a colleague's import (a shared library's owner) did to the reader's notes, corrections and collection
    entries since they last looked, printed once (:func:`reader.app.work.told_news`): at every ``annotations``,
    ``correct`` and ``collection`` command, as the window says it in its Problems panel when it opens the library."""
    told = told_news(lib)
    if told is not None:
        print_work(told)


def print_work(work: WorkReport) -> None:
    """Where the reader's annotations and corrections stand after an import: each problem, then a summary."""
    if work.empty:
        return
    for line in work.lines():
        print(f"broadsheet: {line}.", file=sys.stderr)
    print(f"broadsheet: {work.summary()}", file=sys.stderr)


def print_report(report: ImportReport) -> None:
    """What an import did, for a person: warnings, duplicates, moves, then one summary line."""
    for _, warning in report.warnings:
        print(f"broadsheet: {display_path(warning.rstrip('.'))}.", file=sys.stderr)
    for path, first in report.duplicates:
        print(f"broadsheet: {display_path(path)}: the same file as {display_path(first)}, already imported; "
              "not added again.", file=sys.stderr)
    for path, old in report.moved:
        print(f"broadsheet: {display_path(path)}: moved from {display_path(old)}; its articles and your work on "
              "them are kept.", file=sys.stderr)
    again = f"{len(report.reread)} read again though unchanged; " if report.reread else ""
    print(f"broadsheet: imported {len(report.imported)} file(s) ({again}{report.pages} pages, {report.articles} "
          f"articles, {report.chars} characters), {len(report.unchanged)} unchanged, "
          f"{len(report.duplicates)} duplicate(s), {len(report.failed)} failed, "
          f"in {report.seconds:.1f}s{' (stopped)' if report.cancelled else ''}", file=sys.stderr)


def cmd_reindex(args: argparse.Namespace) -> int:
    from reader.index import store as index

    lib = open_library(args)
    try:
        def progress(done: int, total: int) -> None:
            sys.stderr.write(f"\r{done}/{total} articles   ")

        # on every core (worker processes write segments of their own): this program's main is guarded
        n = index.rebuild(lib, progress=progress, workers=os.cpu_count())
    finally:
        lib.close()
    sys.stderr.write("\n")
    print(f"broadsheet: indexed {n} article(s)", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from reader.index.store import open_index

    lib = open_library(args)
    try:
        counts: dict[str, Any] = dict(lib.stats())
        ix = open_index(lib)
        counts["indexed_documents"] = ix.doc_count()
        counts["index_bytes"] = ix.size_bytes()
        ix.close()
        if lib.kind == "postgres":
            counts["database_bytes"] = lib.size_bytes()  # type: ignore[attr-defined]
        else:
            counts["catalogue_bytes"] = lib.catalogue_path.stat().st_size
        counts["library"] = lib.location
    finally:
        lib.close()
    if args.json:
        json.dump(counts, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for k, v in counts.items():
            print(f"{k:18} {v}")
    return 0
