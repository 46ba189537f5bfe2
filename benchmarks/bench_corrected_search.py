"""What the reader's OCR corrections cost a search (they are searched beside the stored texts: reader.search.readings).

    python -m benchmarks.bench_corrected_search LIBRARY [--corrections 1000]

The library is copied first (it is written to). One two-character correction is made in each of the first
``--corrections`` articles that have a paragraph to correct; then are printed: the time to make the corrected
readings (``Overlay.search_readings``: what the window does on its search lane after each correction and a
``broadsheet search`` process does once), and for a few queries the search's time with the readings beside the
same search without them (the texts as imported), in the same run, and the time of a new ``broadsheet search 中国
--json`` process on the library with and without the corrections. With ``--window``, the window (offscreen)
stores ten more corrections one by one and prints how long each kept its GUI thread busy (the correction stored,
the corrections re-anchored, the article shown again). Nothing is asserted (tests/search/test_corrected_reading.py
checks correctness).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.app.overlay import Overlay
from reader.corrections.store import CorrectionError, CorrectionStore, correct_text
from reader.library.catalogue import Library
from reader.search.engine import Searcher

QUERIES = ["龘䨻", "中国", "中国人民", "发展 -经济", "APEC 中国", "经济 page:1"]


def correct(lib: Library, n: int, skip: int = 0) -> int:
    """One two-character correction in each of the first ``n`` articles that have a paragraph line to correct,
    after the first ``skip`` of them."""
    store = CorrectionStore.of(lib)
    made = 0
    for info in lib.articles():
        if made >= n:
            break
        art = lib.article(info.id)
        pos = 0
        for part in art.parts:
            first, second = part.locate(2), part.locate(3)
            if part.role == "paragraph" and first and second and first[0] == second[0]:
                try:
                    fix = correct_text(art, pos + 2, pos + 4, "龘䨻")
                    if skip:
                        skip -= 1
                    else:
                        store.add(fix)
                        made += 1
                except CorrectionError:
                    pass
                break
            pos += len(part.text) + 2
    return made


def _ms(searcher: Searcher, query: str, repeat: int = 5) -> float:
    times = []
    for i in range(repeat):
        t0 = time.perf_counter()
        searcher.search(query + " " * i)  # a new query each time: no kept answer
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def _process(folder: Path) -> float:
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reader", "search", "中国", "--library", str(folder), "--json"],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def window_corrections(folder: Path, work: Path, n: int = 10) -> list[float]:
    """Milliseconds the window's GUI thread is busy storing each of ``n`` more corrections and showing the article
    again (its event queue processed after)."""
    from benchmarks.bench_gui import window_on

    app, win = window_on(folder, work / "settings.ini")
    archive = win.archive
    assert archive is not None
    out: list[float] = []
    for info in archive.library.articles()[-200:]:
        if len(out) >= n:
            break
        art = archive.article(info.id)
        pos = 0
        for part in art.parts:
            first, second = part.locate(2), part.locate(3)
            if part.role == "paragraph" and first and second and first[0] == second[0]:
                win.open_article(info.id)
                app.processEvents()
                t0 = time.perf_counter()
                win.corrections.add_correction(correct_text(art, pos + 2, pos + 4, "龘䨻"))
                app.processEvents()
                out.append((time.perf_counter() - t0) * 1000)
                break
            pos += len(part.text) + 2
    win.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("library", type=Path)
    parser.add_argument("--corrections", type=int, default=1000)
    parser.add_argument("--window", action="store_true", help="time the window storing ten more corrections")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-corrected-"))
    try:
        plain_folder = work / "plain"
        shutil.copytree(args.library, plain_folder)
        folder = work / "corrected"
        shutil.copytree(args.library, folder)
        with Library.open(folder) as lib:
            t0 = time.perf_counter()
            made = correct(lib, args.corrections)
            print(f"{made} corrections made in {time.perf_counter() - t0:.1f} s")
            overlay = Overlay(lib)
            t0 = time.perf_counter()
            overlay.corrections()
            t1 = time.perf_counter()
            readings = overlay.search_readings()
            t2 = time.perf_counter()
            print(f"corrections read (re-anchored) {1000 * (t1 - t0):.0f} ms; {len(readings)} corrected readings "
                  f"made in {1000 * (t2 - t1):.0f} ms")
            correct(lib, 1, skip=made)  # one more, as the window makes them again after each correction
            overlay.invalidate()
            overlay.corrections()
            t0 = time.perf_counter()
            again = overlay.search_readings()
            print(f"one correction more: {len(again)} readings made again in {1000 * (time.perf_counter() - t0):.0f} "
                  f"ms (the corrections read again: not counted)")
            with Searcher(lib, readings=overlay.search_readings) as corrected, Searcher(lib) as plain:
                print(f"{'query':<14} {'with readings':>14} {'without':>9}  (ms, median of 5)")
                for q in QUERIES:
                    print(f"{q:<14} {_ms(corrected, q):>14.1f} {_ms(plain, q):>9.1f}")
        print(f"new process `search 中国 --json`: {_process(folder):.2f} s with the corrections, "
              f"{_process(plain_folder):.2f} s without")
        if args.window:
            busy = sorted(window_corrections(folder, work))
            print(f"the window storing a correction: GUI thread busy {statistics.median(busy):.0f} ms median, "
                  f"{busy[-1]:.0f} ms at most ({len(busy)} corrections)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
