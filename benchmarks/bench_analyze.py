"""Wall time of `broadsheet analyze --json` on the bundled seed page, start-up included.

Target (issue 2): under 0.3 s. A measurement, not a test:

    python benchmarks/bench_analyze.py [FILE] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", default=str(ROOT / "resources" / "samples" / "seed_page.txt"))
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    cmd = [sys.executable, "-m", "reader", "analyze", args.file, "--json"]
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    bare = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t0)
    print(f"analyze {Path(args.file).name}: median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s, max {max(times):.3f} s over {args.runs} runs "
          f"(bare interpreter start-up: median {statistics.median(bare):.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
