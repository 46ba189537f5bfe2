"""Pages that once took minutes: nothing may be quadratic in a page, an article or a hit list. Not a test.

    python -m benchmarks.bench_pathological [--work DIR] [--scale 1.0]

Generates, at run time (nothing big in git):

* a 240 KB plain-text page of many short lines, each holding 字 (one article of ~15,000 lines with
  ~15,000 hits of a one-character query),
* a 2 MB plain-text page of short lines,
* a PAGE-XML page whose table of figures (cells listed row by row after the page's text, as the Reichsanzeiger's
  files list them) has 1,500 rows of 6 cells,

then times, through the command line a user runs (start-up included): ``import``, ``search 字``,
``export --format tei`` of the issue, ``analyze --json`` of the 2 MB page and of the table — and the same at half the
size, so the ratio shows whether the cost grows linearly (≈2) or worse (≈4 for quadratic).

Targets (issue 13, 2 cores): search under 1 s, TEI export under 2 s, analyze of 2 MB under 30 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMON = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工"
          "也能下过子说产种面而方后多"
          "定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由")


def short_lines(size: int, with_char: str | None, seed: int = 1) -> str:
    rnd = random.Random(seed)
    out: list[str] = []
    n = 0
    while n < size:
        line = "".join(rnd.choice(COMMON) for _ in range(rnd.randint(1, 6)))
        if with_char:
            line = with_char + line
        out.append(line)
        n += len(line.encode("utf-8")) + 1
    return "\n".join(out) + "\n"


def table_page(rows: int, cols: int = 6) -> str:
    """PAGE-XML: a heading, then ``rows`` × ``cols`` table cells listed row by row after it, the scan skewed."""
    def region(rid: str, text: str, x: int, y: int, w: int, h: int, kind: str) -> str:
        pts = f"{x},{y} {x + w},{y} {x + w},{y + h} {x},{y + h}"
        return (f'<TextRegion id="{rid}" custom="structure {{type:{kind};}}"><Coords points="{pts}"/>'
                f'<TextLine id="{rid}l"><Coords points="{pts}"/><TextEquiv><Unicode>{text}</Unicode></TextEquiv>'
                '</TextLine></TextRegion>')
    body = [region("head", "Statistische Übersicht der Einnahmen.", 100, 40, 1000, 40, "heading")]
    for r in range(rows):
        for c in range(cols):
            text = f"Station {r}" if c == 0 else f"{(r * 7919 + c * 104729) % 100000:,}"
            body.append(region(f"c{r}_{c}", text, 100 + 180 * c, 120 + 40 * r - 3 * c, 184, 36, "table"))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">'
            f'<Page imageFilename="t.png" imageWidth="1300" imageHeight="{200 + 40 * rows}">'
            + "".join(body) + "</Page></PcGts>\n")


def broadsheet() -> list[str]:
    exe = Path(sys.executable).with_name("broadsheet")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reader"]


def timed(args: list[str], library: Path) -> tuple[float, str]:
    env = {**os.environ, "BROADSHEET_LIBRARY": str(library)}
    t0 = time.perf_counter()
    proc = subprocess.run(broadsheet() + args, capture_output=True, text=True, env=env)
    took = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    return took, proc.stdout


def one_size(work: Path, label: str, page_bytes: int, big_bytes: int, table_rows: int) -> dict[str, float]:
    folder = work / label / "人民日报" / "2021-01-27"
    folder.mkdir(parents=True)
    page = folder / "01.txt"
    page.write_text(short_lines(page_bytes, "字"), encoding="utf-8")
    big = work / label / "big.txt"
    big.write_text(short_lines(big_bytes, None, seed=2), encoding="utf-8")
    table = work / label / "table.xml"
    table.write_text(table_page(table_rows), encoding="utf-8")
    lib = work / label / "lib"
    out: dict[str, float] = {}
    out["import"], _ = timed(["import", "--quiet", str(page)], lib)
    out["search 字"], text = timed(["search", "字", "--json", "--limit", "20"], lib)
    hits = json.loads(text)
    article = hits["hits"][0]["article"]
    out["show"], _ = timed(["show", article, "--json"], lib)
    out["export tei"], _ = timed(["export", article, "--format", "tei", "-o", str(work / label / "a.xml")], lib)
    out["analyze --json (big)"], _ = timed(["analyze", "--json", str(big)], lib)
    out["analyze --json (table)"], _ = timed(["analyze", "--json", str(table)], lib)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=None, help="folder for the generated pages (default: a temp dir)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the page sizes")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-patho-"))
    page, big, rows = int(240_000 * args.scale), int(2_000_000 * args.scale), int(1500 * args.scale)
    half = one_size(work, "half", page // 2, big // 2, rows // 2)
    full = one_size(work, "full", page, big, rows)
    targets = {"search 字": 1.0, "export tei": 2.0, "analyze --json (big)": 30.0}
    print(f"page {page // 1000} KB of short lines with 字 in each; analyze page {big // 1000} KB; table of {rows} "
          "rows × 6 cells; seconds, start-up included")
    print(f"{'step':24} {'half':>8} {'full':>8} {'ratio':>6} {'target':>7}")
    for step in full:
        ratio = full[step] / half[step] if half[step] else float("nan")
        target = f"{targets[step]:.0f}" if step in targets else ""
        print(f"{step:24} {half[step]:8.2f} {full[step]:8.2f} {ratio:6.2f} {target:>7}")


if __name__ == "__main__":
    main()
