"""Write ``resources/frequent_runs.txt``: the CJK runs of 3 to 8 characters the index keeps as exact terms.

    python -m benchmarks.frequent_runs [--count 2048]

The list is the ``--count`` most frequent strings of 3 to 8 characters inside
the words of jieba's frequency dictionary (``dict.txt``, MIT licence, from a
large Chinese corpus), each word's frequency counted for every such string it
holds, folded like indexed text: the words people search for (人民代表大会,
中华人民共和国) and the long common pieces of words (中国人民, 代表大会).
:mod:`reader.index.terms` indexes each as its own term, so a query that is one
of them is answered by the index alone, and a longer run is the AND of the
listed runs inside it (far fewer candidates than its bigrams give).

The list is closed under substrings: every run of 3+ characters inside a listed
run is listed (a substring is in at least the same words, so it ranks before;
ties put the shorter first, and the script checks). The index finds a text's
listed runs from its trigrams up, extending only runs it found, so closure is
what makes that complete. Changing the list changes the index layout
(``terms.RUNS_VERSION``): bump that version with it. jieba is a benchmark extra
(``pip install -e .[bench]``), never a run-time dependency.
"""

from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

from reader.index.terms import RUNS_VERSION
from reader.text.forms import CJK_CLASS, fold_text

OUT = Path(__file__).resolve().parent.parent / "resources" / "frequent_runs.txt"
SHORTEST, LONGEST = 3, 8


def _weights() -> collections.Counter[str]:
    import jieba

    weights: collections.Counter[str] = collections.Counter()
    cjk = re.compile(f"[{CJK_CLASS}]+")
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq = line.split(" ")[:2]
        word = fold_text(word)
        if len(word) < SHORTEST or not cjk.fullmatch(word):
            continue
        for n in range(SHORTEST, min(LONGEST, len(word)) + 1):
            for i in range(len(word) - n + 1):
                weights[word[i:i + n]] += int(freq)
    return weights


def _inner(run: str) -> set[str]:
    """The runs of SHORTEST or more characters inside ``run`` (itself included)."""
    return {run[i:i + n] for n in range(SHORTEST, len(run) + 1) for i in range(len(run) - n + 1)}


def frequent_runs(count: int) -> list[str]:
    """The ``count`` most frequent runs, closed under substrings (most frequent first)."""
    ranked = sorted(_weights().items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))
    chosen: dict[str, None] = {}
    for run, _ in ranked:
        missing = [r for r in sorted(_inner(run), key=len) if r not in chosen]
        if len(chosen) + len(missing) > count:
            break
        chosen.update(dict.fromkeys(missing))
    out = list(chosen)
    assert all(_inner(r) <= chosen.keys() for r in out), "not closed under substrings"
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--count", type=int, default=2048)
    args = p.parse_args()
    runs = frequent_runs(args.count)
    import jieba
    head = (f"# version {RUNS_VERSION}; {len(runs)} frequent CJK runs of {SHORTEST}-{LONGEST} characters, by "
            "benchmarks/frequent_runs.py "
            f"from the dict.txt of jieba {jieba.__version__} (MIT licence); one per line, most frequent first; "
            "closed under substrings\n")
    OUT.write_text(head + "\n".join(runs) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(runs)} runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
