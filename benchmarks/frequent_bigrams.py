"""Write ``resources/frequent_bigrams.txt``: the CJK bigrams the index keeps as exact terms.

    python -m benchmarks.frequent_bigrams [--count 32768] [--running 16384] [--places 100]

The list has three parts, in this order (the first ``COUNTED_BIGRAMS`` of it are counted in each article, so the
words people search for come first):

* **words**: the ``--count`` most frequent character pairs inside the words of jieba's frequency dictionary
  (``dict.txt``, MIT licence, from a large Chinese corpus), each word's frequency counted for every pair it holds.
  These are the two-character strings people search for (words and the pairs inside longer words).
* **running text**: the ``--running`` commonest pairs that cross a word boundary in running text (是一, 了一, 是我,
  在中), by jieba's unigram model: a pair ``xy`` follows a word ending in ``x`` and precedes one starting with
  ``y``, ``E(x)·S(y)/F`` times per ``F`` words, ``E`` and ``S`` the summed frequencies of the words ending and
  starting so (single-character words included: 的, 是, 了 are most of the boundaries). Not words, but each is in
  a large share of a newspaper's articles (是一 in ~19 %): unlisted, such a pair's query was answered by reading
  every candidate's text (at 100,000 pages 46,000 of them for 是我, 0.2–1.5 s).
* **datelines**: the pairs a Chinese newspaper's dateline makes across its words (本报北京3月5日电, 新华社上海电):
  the agency's last character before the first character of each of the ``--places`` commonest place names
  (jieba's ``ns`` words of two characters or more) and the date's 日 before 电 or 讯. Every dispatch starts so:
  报北 and 日电 are in most articles of a paper like the People's Daily.

Every pair is folded like indexed text and listed once. :mod:`reader.index.terms` indexes each as its own term, so
a query of one of them is answered by the index alone, without reading article texts. Changing the list changes
the index layout (``terms.FREQUENT_VERSION``): bump that version with it.
"""

from __future__ import annotations

import argparse
import collections
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from reader.index.terms import FREQUENT_VERSION
from reader.text.forms import CJK_CLASS, fold_text

OUT = Path(__file__).resolve().parent.parent / "resources" / "frequent_bigrams.txt"
_CJK = re.compile(f"[{CJK_CLASS}]+")
#: a dateline's agencies (本报, 新华社, 中新社, 本刊: their last characters) and what follows its date
_AGENCIES = ("本报", "新华社", "中新社", "本刊")
_DATE_ENDS = ("日电", "日讯", "报讯")


def _dictionary() -> list[tuple[str, int, str]]:
    """jieba's ``dict.txt``: (folded CJK word, frequency, part of speech)."""
    import jieba

    out = []
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, *tag = line.split(" ")
        word = fold_text(word)
        if word and _CJK.fullmatch(word):
            out.append((word, int(freq), tag[0] if tag else ""))
    return out


def _top(weights: Mapping[str, float], count: int, listed: Iterable[str] = ()) -> list[str]:
    seen = set(listed)
    ranked = sorted(((g, w) for g, w in weights.items() if g not in seen), key=lambda kv: (-kv[1], kv[0]))
    return [g for g, _ in ranked[:count]]


def word_pairs(words: list[tuple[str, int, str]], count: int) -> list[str]:
    """The ``count`` commonest pairs inside words, each word's frequency counted for every pair it holds."""
    weights: collections.Counter[str] = collections.Counter()
    for word, freq, _ in words:
        for i in range(len(word) - 1):
            weights[word[i:i + 2]] += freq
    return _top(weights, count)


def running_pairs(words: list[tuple[str, int, str]], count: int, listed: Iterable[str]) -> list[str]:
    """The ``count`` commonest pairs across a word boundary (unigram model), those in ``listed`` left out."""
    ends: collections.Counter[str] = collections.Counter()
    starts: collections.Counter[str] = collections.Counter()
    for word, freq, _ in words:
        ends[word[-1]] += freq
        starts[word[0]] += freq
    total = sum(freq for _, freq, _ in words)
    weights: dict[str, float] = {}
    for x, ex in ends.most_common(3000):  # the rest cannot reach the first tens of thousands of pairs
        for y, sy in starts.most_common(3000):
            weights[x + y] = ex * sy / total
    return _top(weights, count, listed)


def dateline_pairs(words: list[tuple[str, int, str]], places: int, listed: Iterable[str]) -> list[str]:
    """The pairs of datelines: an agency's last character before a common place name's first; 日电, 日讯, 报讯."""
    names = sorted(((f, w) for w, f, tag in words if tag == "ns" and len(w) >= 2), reverse=True)
    firsts = dict.fromkeys(w[0] for _, w in names[:places])
    pairs = [fold_text(a[-1] + f) for a in _AGENCIES for f in firsts] + [fold_text(p) for p in _DATE_ENDS]
    seen = set(listed)
    return [p for p in dict.fromkeys(pairs) if p not in seen]


def frequent_bigrams(count: int, running: int, places: int) -> tuple[list[str], list[str], list[str]]:
    words = _dictionary()
    inside = word_pairs([w for w in words if len(w[0]) >= 2], count)
    across = running_pairs(words, running, inside)
    datelines = dateline_pairs(words, places, inside + across)
    return inside, across, datelines


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--count", type=int, default=32768, help="pairs inside words")
    p.add_argument("--running", type=int, default=8192, help="pairs across words in running text")
    p.add_argument("--places", type=int, default=100, help="place names whose datelines' pairs are listed")
    args = p.parse_args()
    inside, across, datelines = frequent_bigrams(args.count, args.running, args.places)
    import jieba
    total = len(inside) + len(across) + len(datelines)
    OUT.write_text(f"# version {FREQUENT_VERSION}; {total} frequent CJK bigrams, by "
                   f"benchmarks/frequent_bigrams.py from the dict.txt of jieba {jieba.__version__} (MIT licence); "
                   f"one per line: {len(inside)} inside words, most frequent first; {len(across)} across words in "
                   f"running text, most frequent first; {len(datelines)} of newspaper datelines\n"
                   + "\n".join(inside + across + datelines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(inside)} + {len(across)} + {len(datelines)} bigrams")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
