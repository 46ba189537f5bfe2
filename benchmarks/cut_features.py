"""Features of the places inside an article where the rules did not cut: one line going on to the next.

Session seg47 (issue 15): no single layout mark parts an item's start from an ordinary paragraph change, so the
marks the geometry knows at every line change inside a produced article are put side by side here (new paragraph,
new block, column change, lead beyond the page's usual gap, indent, how the line above fills and closes, capitals,
the first word's case, where in the article the change falls, heights and declared sizes), for a small model to
weigh (``benchmarks/learned_cuts.py`` fits and cross-validates it over the tuning sets by source).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.model.document import Article, Block, Box, Line, Page, Part

#: roles of the headline group: a line change into one is no line change in the body
HEAD_ROLES = frozenset({"kicker", "headline", "subheadline", "column-label"})

#: the features' names, in the order :func:`features` gives them
FEATURES = (
    "new_paragraph", "new_block", "column_change", "lead", "indent", "above_fill", "above_flush_right",
    "above_centred", "above_sentence_end", "above_hyphen", "above_caps", "above_one_line_paragraph",
    "above_short", "first_upper", "first_digit", "first_lower", "line_caps", "line_fill", "log_lines_before",
    "log_lines_after", "height_ratio", "size_ratio", "log_paragraph_lines_above", "has_head", "vertical",
)

_SENTENCE_END = re.compile(r"[.!?:;。！？」』”\"'»)\]]\s*$")
_HYPHEN_END = re.compile(r"[-\u00ad\u2010\u2011\u00ac\u2e17=]\s*$")


@dataclass(frozen=True)
class Placed:
    """A source line with its block and page, its box turned so that the text runs left to right, top down."""

    line: Line
    block: Block
    box: Box | None
    block_box: Box | None
    em: float
    usual_gap: float
    vertical: bool


@dataclass(frozen=True)
class Change:
    """A line change inside an article: the article, the body part and the offset in its text where the line below
    begins, and the features of the change."""

    article: int
    part: int
    offset: int
    line: str
    values: tuple[float, ...]


def _turned(box: Box | None, vertical: bool) -> Box | None:
    """A vertical line's box as if its text ran left to right: along the column is x, across the page (right to
    left) is y."""
    if box is None or not vertical:
        return box
    x0, y0, x1, y1 = box
    return (y0, -x1, y1, -x0)


def _median(values: Sequence[float], default: float) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else default


def placed_lines(pages: Sequence[Page]) -> dict[str, Placed]:
    """Every line of ``pages`` by its id, placed (the page's usual line height as its em and usual gap)."""
    out: dict[str, Placed] = {}
    for page in pages:
        vertical = page.vertical
        boxes = [(b, ln, _turned(ln.box, vertical or b.vertical)) for b in page.blocks for ln in b.lines]
        em = _median([bx[3] - bx[1] for _, _, bx in boxes if bx is not None and bx[3] > bx[1]], 1.0)
        gaps = [b2[1] - b1[3] for (blk1, _, b1), (blk2, _, b2) in zip(boxes, boxes[1:], strict=False)
                if blk1 is blk2 and b1 is not None and b2 is not None]
        usual = max(0.0, _median(gaps, 0.0))
        for block in page.blocks:
            turned = [bx for ln in block.lines if (bx := _turned(ln.box, vertical or block.vertical)) is not None]
            bbox = (min(b[0] for b in turned), min(b[1] for b in turned), max(b[2] for b in turned),
                    max(b[3] for b in turned)) if turned else None
            for ln in block.lines:
                out[ln.id] = Placed(ln, block, _turned(ln.box, vertical or block.vertical), bbox, em, usual,
                                    vertical or block.vertical)
    return out


def _caps(text: str) -> float:
    letters = [c for c in text if c.isalpha() and c.upper() != c.lower()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _line_starts(part: Part) -> list[tuple[int, str]]:
    """(text offset, line id) where each source line of the part begins."""
    seen: set[str] = set()
    out: list[tuple[int, str]] = []
    for span in part.spans:
        if span.line not in seen:
            seen.add(span.line)
            out.append((span.start, span.line))
    return out


@dataclass(frozen=True)
class _Here:
    """A line of an article's body in order: where it is and what paragraph it opens or goes on."""

    part: int
    offset: int
    line: str
    opens: bool
    paragraph_lines: int
    head_before: bool


def _body_lines(article: Article) -> list[_Here]:
    out: list[_Here] = []
    head = False
    for p, part in enumerate(article.parts):
        if part.role in HEAD_ROLES or part.role == "noise":
            head = head or bool(out) and part.role != "noise"
            continue
        starts = _line_starts(part)
        for k, (offset, line) in enumerate(starts):
            out.append(_Here(p, offset, line, k == 0, len(starts), head and k == 0))
            head = False
    return out


def _shape(above: Placed, below: Placed) -> tuple[float, ...]:
    """The layout features of the change from ``above`` to ``below`` (both with boxes)."""
    a, b = above.box, below.box
    assert a is not None and b is not None
    em = max(below.em, 1e-6)
    bb = below.block_box or b
    ab = above.block_box or a
    moved = b[1] < a[1] - em / 2 or b[0] > a[2]
    lead = 0.0 if moved else min(5.0, max(-1.0, (b[1] - a[3] - below.usual_gap) / em))
    indent = (b[0] - bb[0]) / em if moved else (b[0] - a[0]) / em
    width = max(ab[2] - ab[0], em)
    fill = (a[2] - a[0]) / width
    right = ab[2] - a[2]
    left = a[0] - ab[0]
    flush_right = right < em and left > 2 * em
    centred = left > em and right > em and abs(left - right) < em
    height = (b[3] - b[1]) / max(a[3] - a[1], 1e-6)
    sizes = below.line.font_size, above.line.font_size
    size = sizes[0] / sizes[1] if sizes[0] and sizes[1] else 1.0
    return (float(above.block is not below.block), float(moved), lead, max(-3.0, min(10.0, indent)), fill,
            float(flush_right), float(centred), height, size, (b[2] - b[0]) / max(bb[2] - bb[0], em))


def changes(articles: Sequence[Article], placed: dict[str, Placed]) -> Iterator[Change]:
    """Every line change inside the body of every non-furniture article of ``articles`` whose lines both have
    boxes, with its features (:data:`FEATURES`)."""
    for k, article in enumerate(articles):
        if article.kind == "furniture":
            continue
        body = _body_lines(article)
        for i in range(1, len(body)):
            here, prev = body[i], body[i - 1]
            above, below = placed.get(prev.line), placed.get(here.line)
            if above is None or below is None or above.box is None or below.box is None:
                continue
            yield Change(k, here.part, here.offset, here.line, _values(here, prev, above, below, i, len(body)))


def _values(here: _Here, prev: _Here, above: Placed, below: Placed, i: int, n: int) -> tuple[float, ...]:
    block, moved, lead, indent, fill, flush, centred, height, size, line_fill = _shape(above, below)
    text_above, text = above.line.text.strip(), below.line.text.strip()
    first = text[:1]
    return (
        float(here.opens), block, moved, lead, indent, fill, flush, centred,
        float(bool(_SENTENCE_END.search(text_above))),
        float(bool(_HYPHEN_END.search(text_above)) or above.line.hyphenated),
        _caps(text_above), float(prev.opens and prev.paragraph_lines == 1), float(fill < 0.6),
        float(first.isupper()), float(first.isdigit()), float(first.islower()), _caps(text), line_fill,
        math.log1p(i), math.log1p(n - i), min(3.0, height), min(3.0, size),
        math.log1p(prev.paragraph_lines), float(here.head_before), float(below.vertical),
    )
