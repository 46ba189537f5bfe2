"""Time from launch to a usable window, and to open an article with its layout. Not a test.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_gui [--runs 5] [--work DIR]

Targets (issue 5): a usable window ≤ 1.5 s after launch; an article opened
with its page layout ≤ 30 ms median over the sample library's articles.

* launch: a fresh Python process runs the application's own start-up
  (``reader.gui.app``: QApplication, settings, the window on a library that
  exists already, shown) and prints a line once the window is shown and the
  event queue has been processed; the time is measured by this process from
  spawning the child to reading that line, interpreter start-up included.
* open article: in one window, every article of the sample library is opened
  (:meth:`MainWindow.open_article`: article, reading view, page layout,
  outlines) and the event queue processed. "cold" is the first article of each
  page (the page's scene is built, a scan decoded); "warm" the others.
* first run: building the sample library (import of ``resources/samples``)
  once, for reference.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import sys, time
t0 = time.perf_counter()
from reader.gui.app import create_application, build_window
from reader.gui.settings import Settings
app = create_application([])
win = build_window(Settings(sys.argv[2]), library=sys.argv[1], seed=False)
win.show()
app.processEvents()
print("ready", time.perf_counter() - t0, flush=True)
win.close()
"""


def build_library(folder: Path) -> float:
    from reader import resources
    from reader.library import importer
    from reader.library.catalogue import Library

    t0 = time.perf_counter()
    with Library.open(folder) as lib:
        importer.import_paths(lib, [resources.path("samples")])
    return time.perf_counter() - t0


def launch_times(folder: Path, runs: int, work: Path) -> list[tuple[float, float]]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = []
    for i in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(work / f"settings{i}.ini")],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        wall = time.perf_counter() - t0
        proc.wait()
        if not line.startswith("ready"):
            raise SystemExit("the application did not start")
        out.append((wall, float(line.split()[1])))
    return out


def open_times(folder: Path, work: Path) -> tuple[list[float], list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.gui import workers
    from reader.gui.app import create_application
    from reader.gui.mainwindow import MainWindow
    from reader.gui.settings import Settings

    workers.set_pool(workers.SyncPool())
    app = create_application([])
    win = MainWindow(Settings(work / "settings-open.ini"))
    win.resize(1600, 1000)
    win.open_library(folder, create=False)
    win.show()
    app.processEvents()
    archive = win.archive
    assert archive is not None
    cold: list[float] = []
    warm: list[float] = []
    seen_pages: set[int] = set()
    for issue in archive.issues():
        for info in archive.articles(issue_id=issue.id):
            page_ids = archive.page_ids(info.id)
            first = page_ids[0] if page_ids else None
            t0 = time.perf_counter()
            win.open_article(info.id, page_id=first)
            app.processEvents()
            dt = time.perf_counter() - t0
            (warm if first in seen_pages else cold).append(dt)
            if first is not None:
                seen_pages.add(first)
    win.close()
    return cold, warm


def ms(values: list[float]) -> str:
    if not values:
        return "-"
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    return (f"median {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
            f"max {values[-1] * 1000:.1f} ms (n={len(values)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-gui-"))
    work.mkdir(parents=True, exist_ok=True)
    folder = work / "library"
    seconds = build_library(folder)
    print(f"first run: sample library built in {seconds:.2f} s")
    launches = launch_times(folder, args.runs, work)
    walls = [w for w, _ in launches]
    inner = [i for _, i in launches]
    print(f"launch → usable window: median {statistics.median(walls):.2f} s, max {max(walls):.2f} s "
          f"(inside the process: median {statistics.median(inner):.2f} s; target ≤ 1.5 s)")
    cold, warm = open_times(folder, work)
    print(f"open article with layout, all: {ms(cold + warm)} (target median ≤ 30 ms)")
    print(f"  first article of a page (scene built, scan decoded): {ms(cold)}")
    print(f"  other articles: {ms(warm)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
