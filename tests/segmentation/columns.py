"""Synthetic column pages for the segmentation tests: blocks of lines with indents, short ends and whitespace."""

from __future__ import annotations

from reader.model.document import Block, Line, Page
from reader.segmentation.geometry import articles_from_layout

FULL = 600.0


def column_block(bid: str, y0: float, rows: list[tuple[str, float, float]], *, x0: float = 100, lh: float = 40,
                 gaps: dict[int, float] | None = None, leading: float = 4) -> Block:
    """A block whose lines are (text, left indent, right end short of the column), ``lh`` apart, with extra
    whitespace ``gaps[k]`` above line ``k``; each line's box is ``leading`` shorter than the pitch."""
    lines, y = [], y0
    for k, (t, ind, short) in enumerate(rows):
        y += (gaps or {}).get(k, 0.0)
        lines.append(Line(id=f"{bid}.l{k}", text=t, box=(x0 + ind, y, x0 + FULL - short, y + lh - leading)))
        y += lh
    return Block(id=bid, lines=lines, box=(x0, y0, x0 + FULL, y), type="text")


def column_page(blocks: list[Block]) -> Page:
    return Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=1000, height=9000)


def first_words(blocks: list[Block]) -> list[str]:
    """The first words of each non-furniture article's body."""
    arts = articles_from_layout([column_page(blocks)])
    return [" ".join(a.paragraphs()[0].text.split()[:3]) for a in arts if a.kind != "furniture"]
