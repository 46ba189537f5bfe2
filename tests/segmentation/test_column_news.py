"""Whole-column blocks of US microfilm news (issue 15): telegraph items whose dateline the OCR garbled, heads set off
over them after text whose full stop the OCR dropped.

Each layout is a small synthetic copy of what a real page does (Winchester News 1910-10-31 in tests/data/pages); the
real pages are scored by benchmarks/bench_segmentation.py.
"""

from __future__ import annotations

from reader.model.document import Block, Line, Page
from reader.segmentation.geometry import articles_from_layout
from reader.segmentation.roles import latin_dateline

FULL = 600.0


def _block(bid: str, y0: float, rows: list[tuple[str, float, float]], *, x0: float = 100, lh: float = 40,
           gaps: dict[int, float] | None = None) -> Block:
    """A block whose lines are (text, left indent, right end short of the column), ``lh`` apart, with extra
    whitespace ``gaps[k]`` above line ``k``."""
    lines, y = [], y0
    for k, (t, ind, short) in enumerate(rows):
        y += (gaps or {}).get(k, 0.0)
        lines.append(Line(id=f"{bid}.l{k}", text=t, box=(x0 + ind, y, x0 + FULL - short, y + lh - 6)))
        y += lh
    return Block(id=bid, lines=lines, box=(x0, y0, x0 + FULL, y), type="text")


def _page(blocks: list[Block]) -> Page:
    return Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=1000, height=9000)


def _items(blocks: list[Block]) -> list[str]:
    """The first words of each non-furniture article's body."""
    arts = articles_from_layout([_page(blocks)])
    return [" ".join(a.paragraphs()[0].text.split()[:3]) for a in arts if a.kind != "furniture"]


def test_a_bare_dateline_whose_day_the_ocr_garbled_is_a_dateline() -> None:
    """Winchester News 1910: with the punctuation lost, the day after the month is read as letters or has a letter
    glued on ("WASHINGTON Oct UoOI the", "CHICAGO Oct SI Guy William", "TIIOMASVILLE Ga Oct 31C T Prince"). Not taken
    for datelines, the first was read as a deck of the head above it and the head as emphasis inside the item
    before. A month in capitals is a headline's word; a month in running text is no dateline."""
    for text in ("WASHINGTON Oct UoOI the", "CHICAGO Oct SI Guy William", "TIIOMASVILLE Ga Oct 31C"):
        assert latin_dateline(text), text
    for text in ("TAFT MAY 3 OR 4 SPEECHES", "The meeting in Oct 31 was", "SHOT BY A BURGLAR",
                 "PLAY Oct Sunday Night", "BUYS Nov Stock And Goods"):
        assert not latin_dateline(text), text

