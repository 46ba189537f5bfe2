"""Event-loop stalls of the desktop application during a large import (issue 7: no stall over 100 ms).

A QTimer ticks every 10 ms on the GUI thread and records the gap between ticks while the main
window imports a generated folder of small pages (10,000 by default) through its own import
action (a worker on the thread pool driving a child `broadsheet import` process, progress and results
queued back to the GUI thread). A gap
much longer than 10 ms is a stall: the user would see a frozen window.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui_stalls.py [--pages N] [--minimal] [--json]
                                                                   [--trace-stalls FILE]

``--minimal`` measures a bare QApplication with :func:`reader.library.importer.import_paths` on a
QThreadPool worker instead of the main window (the floor any GUI can reach). A measurement, not a
test: it prints the figures and exits 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

TICK_MS = 10
TARGET_MS = 100.0


def make_pages(folder: Path, count: int) -> None:
    """``count`` small plain-text pages (a notice each), like a folder of scanned leaflets."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"{i:05d}.txt").write_text(
            f"第{i}号通告\n\n　　本报讯 今天全市各区开展第{i}次清扫活动，"
            f"居民踊跃参加，街道焕然一新。\n\n（记者 王{i % 97}）\n",
            encoding="utf-8",
        )


class StallMeter:
    """Records the gaps between ticks of a 10 ms QTimer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.worst_at: float = 0.0
        self.first_gap: float | None = None
        self.trace: IO[str] | None = None
        self._t0 = self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self, trace: IO[str] | None = None) -> None:
        """Start ticking; with ``trace``, every thread's stack is written there when a tick is 100 ms late."""
        self.trace = trace
        self._t0 = self._last = time.perf_counter()
        self.timer.start()
        self._arm()

    def _arm(self) -> None:
        # faulthandler's watchdog is a C thread: it can dump stacks while another thread holds the GIL
        if self.trace is not None:
            faulthandler.dump_traceback_later((TICK_MS + TARGET_MS) / 1000, repeat=False, file=self.trace)

    def stop(self) -> None:
        self.timer.stop()
        if self.trace is not None:
            faulthandler.cancel_dump_traceback_later()

    def _tick(self) -> None:
        self._arm()
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        if self.first_gap is None:  # the window's first paint: start-up, reported on its own
            self.first_gap = gap
            self._last = now
            return
        if not self.gaps or gap > max(self.gaps):
            self.worst_at = now - self._t0
        self.gaps.append(gap)
        self._last = now

    def summary(self) -> dict[str, Any]:
        gaps = sorted(self.gaps)
        if not gaps:
            return {"ticks": 0}
        return {
            "first_paint_ms": round(self.first_gap or 0.0, 1),
            "ticks": len(gaps),
            "median_gap_ms": round(statistics.median(gaps), 1),
            "p99_gap_ms": round(gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))], 1),
            "max_gap_ms": round(gaps[-1], 1),
            "worst_at_s": round(self.worst_at, 2),
            "stalls_over_50ms": sum(1 for g in gaps if g > 50),
            "stalls_over_100ms": sum(1 for g in gaps if g > TARGET_MS),
        }


def run_window(pages: Path, library: Path, on_done: Callable[[dict[str, Any]], None]) -> Any:
    """Start the import through the main window's own action; returns the window."""
    from reader.gui.app import build_window, create_application
    from reader.gui.settings import Settings

    create_application([sys.argv[0]])
    window = build_window(Settings(), library=library, seed=False)
    window.show()
    worker = window.import_paths([pages])
    if worker is None:
        raise SystemExit("bench_gui_stalls: the main window refused to start the import")
    worker.finished.connect(lambda: on_done({"state": getattr(worker, "state", "")}))
    return window


def run_minimal(pages: Path, library: Path, on_done: Callable[[dict[str, Any]], None]) -> Any:
    """A bare QApplication, the core import on a QThreadPool worker, progress queued to the GUI thread."""
    from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
    from PySide6.QtWidgets import QApplication, QLabel

    from reader.library.catalogue import Library
    from reader.library.importer import import_paths

    app = QApplication.instance() or QApplication([sys.argv[0]])

    class Bridge(QObject):
        progressed = Signal(int, int)
        finished = Signal(object)

    bridge = Bridge()
    label = QLabel("importing…")
    label.show()
    bridge.progressed.connect(lambda done, total: label.setText(f"{done} / {total}"))
    bridge.finished.connect(on_done)

    last = [0.0]

    def progress(p: Any) -> None:
        # at most 20 progress signals a second: the GUI cannot show more, and each emit costs
        now = time.perf_counter()
        if now - last[0] >= 0.05 or p.files_done == p.files_total:
            last[0] = now
            bridge.progressed.emit(p.files_done, p.files_total)

    class Job(QRunnable):
        def run(self) -> None:
            lib = Library.open(library)
            try:
                report = import_paths(lib, [pages], progress=progress)
                bridge.finished.emit({"imported": len(report.imported), "failed": len(report.failed)})
            finally:
                lib.close()

    job = Job()
    job.setAutoDelete(False)  # Python owns it: no double free when the interpreter exits
    QThreadPool.globalInstance().start(job)
    return (app, label, bridge, job)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000, help="pages to import (default 10000)")
    parser.add_argument("--minimal", action="store_true", help="bare QApplication + core import worker")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--trace-stalls", metavar="FILE", help="write every thread's stack to FILE at each stall")
    parser.add_argument("--index-batch", type=int, metavar="N",
                        help="articles per search-index commit (reader.index.store.BATCH_ARTICLES), for tuning")
    args = parser.parse_args()
    if args.index_batch:
        from reader.index import store as index

        index.BATCH_ARTICLES = args.index_batch
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with tempfile.TemporaryDirectory(prefix="bench-gui-stalls-") as tmp:
        root = Path(tmp)
        # keep the user's settings and library out of it
        os.environ["BROADSHEET_SETTINGS"] = str(root / "settings.ini")
        os.environ["BROADSHEET_LIBRARY"] = str(root / "library")
        os.environ["XDG_CONFIG_HOME"] = str(root / "config")
        pages = root / "pages"
        make_pages(pages, args.pages)

        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([sys.argv[0]])
        meter = StallMeter()
        outcome: dict[str, Any] = {}
        t0 = time.perf_counter()

        def done(info: dict[str, Any]) -> None:
            outcome.update(info)
            outcome["import_seconds"] = round(time.perf_counter() - t0, 2)
            meter.stop()
            app.quit()

        # PySide6 6.12 on CPython 3.11 drops a reference to None/True on Qt calls and emits; the
        # application protects itself (reader.gui.qtcompat), and the minimal mode must do the same
        from reader.gui.qtcompat import protect_singletons

        protect_singletons()
        runner = run_minimal if args.minimal else run_window
        keep = runner(pages, root / "library", done)  # noqa: F841 - the window must live until the end
        trace = open(args.trace_stalls, "w", encoding="utf-8") if args.trace_stalls else None  # noqa: SIM115
        meter.start(trace)  # after the window is built: its construction is start-up, not a stall
        watchdog = threading.Timer(1800, lambda: os._exit(3))
        watchdog.daemon = True
        watchdog.start()
        app.exec()
        watchdog.cancel()
        if trace is not None:
            trace.close()
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone()
        from reader.library.catalogue import Library

        with Library.open(root / "library", create=False) as lib:
            stats = lib.stats()
        result = {"mode": "minimal" if args.minimal else "main window", "pages": args.pages,
                  **outcome, **meter.summary(), "library_pages": stats["pages"], "unindexed": stats["unindexed"]}
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['mode']}: imported {result['library_pages']} of {args.pages} pages in "
            f"{result.get('import_seconds')} s; {result['ticks']} ticks of {TICK_MS} ms: median gap "
            f"{result['median_gap_ms']} ms, p99 {result['p99_gap_ms']} ms, worst {result['max_gap_ms']} ms "
            f"(at {result['worst_at_s']} s; first paint {result['first_paint_ms']} ms); "
            f"stalls > 50 ms: {result['stalls_over_50ms']}, "
            f"> {TARGET_MS:.0f} ms: {result['stalls_over_100ms']}"
        )
    return 0 if result["stalls_over_100ms"] == 0 and result["library_pages"] == args.pages else 1


if __name__ == "__main__":
    sys.exit(main())
