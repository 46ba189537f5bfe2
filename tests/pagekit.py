"""Test helpers: render a truth page the way a PDF text dump prints it, and score an analysis.

The renderer sets each paragraph in a column of a given width in em (first line
2 em short), spaces out some lines character by character as justified type
comes out of a PDF, puts spaces around digit runs, follows every line with a
blank line, and prints each article's headline group after its body. The
scorer matches analysed articles to the truth by character overlap.
"""

from __future__ import annotations

import difflib
import random
import re
from typing import Any

from reader.text.chars import em_width, is_wide


def _break_lines(text: str, width: float, indent: float = 2.0) -> list[str]:
    lines: list[str] = []
    cur = ""
    limit = width - indent
    for ch in text:
        # a line never starts with closing punctuation (kinsoku): it hangs at the end instead
        if (em_width(cur + ch) > limit and cur and ch not in "，。、；：？！”’」』）》"
                and not (ch.isdigit() and cur[-1].isdigit())):
            lines.append(cur)
            cur = ""
            limit = width
        cur += ch
    if cur:
        lines.append(cur)
    return lines


_HAN = "\u3400-\u9fff"
_DIGITS = re.compile(rf"(?<=[{_HAN}])(\d[\d.%]*)|(\d[\d.%]*)(?=[{_HAN}])")


def _pdfify(line: str, rng: random.Random, justify: float) -> str:
    """Spaces around digit runs next to ideographs; sometimes every character spaced out."""
    if rng.random() < justify and len(line) > 6:
        tokens = re.findall(r"\d[\d.%]*|[A-Za-z]+|.", line)
        return " ".join(tokens)
    spaced = _DIGITS.sub(lambda m: f" {m.group(0)} ", line)
    return re.sub(" +", " ", spaced).strip()


def render(articles: list[dict[str, Any]], widths: list[float], seed: int = 1, justify: float = 0.08) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    for n, art in enumerate(articles):
        width = widths[n % len(widths)]
        for k, para in enumerate(art["paragraphs"]):
            if k == 0 and art.get("dateline"):
                para = art["dateline"] + (art.get("byline") or "") + para
            for line in _break_lines(para, width):
                out.append(_pdfify(line, rng, justify))
                out.append("")
        heads = [h for h in (art.get("kicker"), art.get("headline")) if h]
        if heads:
            out.extend(heads)
            out.append("")
        if art.get("byline") and not art.get("dateline"):
            out.extend([art["byline"], ""])
    return "\n".join(out) + "\n"


def _ws(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def score(truth: list[dict[str, Any]], analysis: dict[str, Any]) -> dict[str, float]:
    """Articles segmented whole, headlines attributed, paragraph-start F1 and character accuracy."""
    pred = []
    for a in analysis["articles"]:
        paras = [_ws(b["text"]) for b in a["blocks"] if b["role"] == "paragraph"]
        lead = _ws(a.get("dateline")) + (_ws(a.get("byline")) if a.get("dateline") else "")
        if paras and lead and not paras[0].startswith(lead):
            paras[0] = lead + paras[0]
        pred.append({"headline": _ws(a.get("headline")) or None, "paras": paras})
    seg = heads = heads_n = tp = fp = fn = 0
    errors = total = 0
    for t in truth:
        tparas = [_ws(p) for p in t["paragraphs"]]
        lead = _ws(t.get("dateline")) + (_ws(t.get("byline")) if t.get("dateline") else "")
        if tparas and lead and not tparas[0].startswith(lead):
            tparas[0] = lead + tparas[0]
        gt = "".join(tparas)
        best, overlap = None, 0
        for p in pred:
            sm = difflib.SequenceMatcher(None, gt, "".join(p["paras"]), autojunk=False)
            o = sum(m.size for m in sm.get_matching_blocks())
            if o > overlap:
                best, overlap = p, o
        pt = "".join(best["paras"]) if best else ""
        seg += bool(best) and overlap >= 0.95 * len(gt) and overlap >= 0.95 * len(pt)
        sm = difflib.SequenceMatcher(None, gt, pt, autojunk=False)
        errors += min(len(gt), sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"))
        total += len(gt)
        if t.get("headline"):
            heads_n += 1
            heads += bool(best) and best["headline"] == _ws(t["headline"])
        want = {p[:10] for p in tparas[1:]}
        got = {p[:10] for p in (best["paras"][1:] if best else [])}
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    return {"articles": len(truth), "segmented": seg, "headlines": heads_n, "headlines_ok": heads,
            "paragraph_f1": f1, "chars": 1 - errors / total if total else 1.0}


def spaced_cjk(analysis: dict[str, Any]) -> int:
    """Spaces left between two CJK characters in paragraph text."""
    n = 0
    for a in analysis["articles"]:
        for b in a["blocks"]:
            if b["role"] == "paragraph":
                t = b["text"]
                n += sum(1 for k in range(len(t) - 2) if is_wide(t[k]) and t[k + 1].isspace() and is_wide(t[k + 2]))
    return n
