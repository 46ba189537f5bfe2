"""Write ``resources/frequent_bigrams.txt``: the CJK bigrams the index keeps as exact terms.

    python -m benchmarks.frequent_bigrams [--count 32768]

The list is the ``--count`` most frequent character pairs inside the words of
jieba's frequency dictionary (``dict.txt``, MIT licence, from a large Chinese
corpus), each word's frequency counted for every pair it holds, folded like
indexed text. These are the two-character strings people search for (words
and the pairs inside longer words); :mod:`reader.index.store` indexes each of
them as its own term, so a query of one of them is answered by the index
alone, without reading article texts. Changing the list changes the index
layout (``index.FREQUENT_VERSION``): bump that version with it.
"""

from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

from reader.text.forms import CJK_CLASS, fold_text

OUT = Path(__file__).resolve().parent.parent / "resources" / "frequent_bigrams.txt"


def frequent_bigrams(count: int) -> list[str]:
    import jieba

    weights: collections.Counter[str] = collections.Counter()
    cjk = re.compile(f"[{CJK_CLASS}]+")
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq = line.split(" ")[:2]
        word = fold_text(word)
        if len(word) < 2 or not cjk.fullmatch(word):
            continue
        for i in range(len(word) - 1):
            weights[word[i:i + 2]] += int(freq)
    return [g for g, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:count]]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--count", type=int, default=32768)
    args = p.parse_args()
    grams = frequent_bigrams(args.count)
    import jieba
    OUT.write_text(f"# {len(grams)} frequent CJK bigrams, by benchmarks/frequent_bigrams.py from the dict.txt of "
                   f"jieba {jieba.__version__} (MIT licence); one per line, most frequent first\n"
                   + "\n".join(grams) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(grams)} bigrams")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
