"""A realistic synthetic Chinese newspaper corpus for benchmarks.

Words are drawn with the frequencies of jieba's bundled ``dict.txt`` (real
word frequencies of modern Chinese; ``pip install -e .[bench]``), sentences of 4–25 words end in ，or 。,
articles of 300–2,000 characters get a headline, often a dateline and
sometimes a Latin word (GDP, COVID …); pages hold about 8,000 characters and
are printed the way a PDF text dump prints a page (fixed columns, a first line
2 em short, blank lines after every line, some lines spaced out character by
character, headlines after their body). A share of the pages is converted to
traditional script with OpenCC ``s2t``. Files are laid out as
``ROOT/人民日报/YYYY-MM-DD/NN.txt`` and ``ROOT/rmrb_YYYYMMDD_NN.txt``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import re
from pathlib import Path
from typing import Any

import opencc

LATIN_WORDS = ("GDP", "COVID", "Beijing", "WTO", "APEC", "Internet", "CPI", "NBA", "Shanghai", "iPhone")
PUBLICATIONS = ("人民日报", "光明日报", "联合报")


class WordSource:
    """Words with jieba's frequencies (CJK words only)."""

    def __init__(self, seed: int = 1) -> None:
        try:
            import jieba
        except ImportError as e:
            raise ImportError("the benchmark corpus needs jieba's dict.txt: pip install -e .[bench]") from e

        path = Path(jieba.__file__).parent / "dict.txt"
        words: list[str] = []
        weights: list[int] = []
        han = re.compile(r"^[\u4e00-\u9fff]+$")
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2 and han.match(parts[0]) and int(parts[1]) > 2:
                    words.append(parts[0])
                    weights.append(int(parts[1]))
        self.words = words
        self.cum = list(itertools.accumulate(weights))
        self.rng = random.Random(seed)

    def word(self) -> str:
        return self.words[bisect.bisect_right(self.cum, self.rng.random() * self.cum[-1])]

    def sentence(self) -> str:
        n = self.rng.randint(4, 25)
        out = []
        for i in range(n):
            out.append(self.word())
            if self.rng.random() < 0.004:
                out.append(self.rng.choice(LATIN_WORDS))
            if i < n - 1 and self.rng.random() < 0.12:
                out.append("，")
        return "".join(out) + self.rng.choice("。。。。！？")

    def article(self) -> dict[str, Any]:
        target = self.rng.randint(300, 2000)
        paragraphs: list[str] = []
        size = 0
        while size < target:
            para = "".join(self.sentence() for _ in range(self.rng.randint(2, 6)))
            paragraphs.append(para)
            size += len(para)
        headline = "".join(self.word() for _ in range(self.rng.randint(3, 7)))[:20]
        art: dict[str, Any] = {"headline": headline, "paragraphs": paragraphs}
        if self.rng.random() < 0.5:
            art["dateline"] = f"本报北京{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日电 "
        return art


def _em(ch: str) -> float:
    return 0.5 if ord(ch) < 0x2E80 else 1.0


def _break(text: str, width: float) -> list[str]:
    lines: list[str] = []
    cur: list[str] = []
    used = 0.0
    limit = width - 2
    for ch in text:
        w = _em(ch)
        if used + w > limit and cur and ch not in "，。、；：？！":
            lines.append("".join(cur))
            cur, used, limit = [], 0.0, width
        cur.append(ch)
        used += w
    if cur:
        lines.append("".join(cur))
    return lines


def render(articles: list[dict[str, Any]], rng: random.Random) -> str:
    """A page as a PDF text dump prints it."""
    out: list[str] = []
    for art in articles:
        width = rng.choice((13.0, 15.0, 17.0, 21.0))
        for k, para in enumerate(art["paragraphs"]):
            if k == 0 and art.get("dateline"):
                para = art["dateline"] + para
            for line in _break(para, width):
                if rng.random() < 0.05 and len(line) > 6:
                    line = " ".join(line)
                out.append(line)
                out.append("")
        out.extend([art["headline"], ""])
    return "\n".join(out) + "\n"


def generate(root: Path, pages: int, seed: int = 1, chars_per_page: int = 8000,
             traditional_share: float = 0.25) -> dict[str, Any]:
    """Write ``pages`` page files under ``root``; return counts."""
    words = WordSource(seed)
    rng = random.Random(seed + 1)
    s2t = opencc.OpenCC("s2t")
    day = dt.date(1990, 1, 1)
    written = 0
    total_chars = 0
    per_issue = 8
    while written < pages:
        pub = PUBLICATIONS[(written // per_issue) % len(PUBLICATIONS)]
        for n in range(1, per_issue + 1):
            if written >= pages:
                break
            arts: list[dict[str, Any]] = []
            size = 0
            while size < chars_per_page:
                a = words.article()
                arts.append(a)
                size += sum(len(p) for p in a["paragraphs"]) + len(a["headline"])
            text = render(arts, rng)
            if rng.random() < traditional_share:
                text = s2t.convert(text)
            if written % 5 == 4:
                path = root / f"rmrb_{day:%Y%m%d}_{n:02d}.txt"
            else:
                path = root / pub / day.isoformat() / f"{n:02d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written += 1
            total_chars += size
        day += dt.timedelta(days=1)
    return {"pages": written, "chars": total_chars}


def main(argv: list[str] | None = None) -> None:
    import argparse

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("root", type=Path)
    p.add_argument("--pages", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    print(generate(args.root, args.pages, args.seed))


if __name__ == "__main__":
    main()
