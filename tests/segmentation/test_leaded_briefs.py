"""Briefs set off by lead on a page that sets a text's paragraphs inside its blocks (issue 15, seg46).

The OCR boxed each brief of a column alone, a blank line over it, while the page's other texts run on in blocks of
many paragraphs with no lead between them (the Reichsanzeiger 1918's notices signed "Ebert. Haaſe.", the Little
River News' briefs "… in politics again." / (lead) / "Washington, Jan. 5.—The …"): the lead opens an item. A long
text's blank line is a break between its sections (an essay's, a treaty's articles) and parts nothing.
"""

from __future__ import annotations

from reader.model.document import Block
from tests.segmentation.columns import column_block, first_words


def _brief(bid: str, name: str, y0: float, lines: int = 4) -> Block:
    """A brief of ``lines`` lines (its first indented, its last short) in the left column."""
    rows = [(f"{name} opens its brief here", 40.0, 0.0)]
    rows += [(f"and {name} runs on in it", 0.0, 0.0) for _ in range(lines - 2)]
    rows.append(("to its end.", 0.0, 400.0))
    return column_block(bid, y0, rows)


def _long_text(x0: float) -> Block:
    """A text of fourteen paragraphs in one block, no lead between them (how the page sets paragraphs)."""
    rows = []
    for n in range(14):
        rows += [(f"Paragraph {n} opens here", 40.0, 0.0), (f"and paragraph {n} runs on", 0.0, 0.0),
                 ("to its end.", 0.0, 400.0)]
    return column_block("long", 100, rows, x0=x0)


def _page(brief_lines: int) -> list[Block]:
    lh = 40.0
    first = _brief("b1", "Brief one", 100, brief_lines)
    y = 100 + lh * brief_lines + lh  # a blank line
    second = _brief("b2", "Brief two", y)
    third = _brief("b3", "Brief three", y + 5 * lh)
    return [first, second, third, _long_text(800)]


def test_a_brief_under_lead_opens_an_item_where_the_page_sets_paragraphs_inside_blocks() -> None:
    assert first_words(_page(4))[:3] == ["Brief one opens", "Brief two opens", "Brief three opens"]


def test_lead_under_a_long_text_is_a_section_break() -> None:
    assert first_words(_page(32)) == ["Brief one opens"]


def test_a_narrow_box_under_lead_is_no_brief() -> None:
    """A box narrower than the text above it (an advert's display over its copy in a box of its own: "AN OPEN
    DOOR" under a shop's advert across the columns, the Lancaster Intelligencer 1880) opens no item by lead."""
    blocks = _page(4)
    blocks[1] = column_block("b2", blocks[1].lines[0].box[1] if blocks[1].lines[0].box else 0, [
        ("Brief two opens its brief here", 40.0, 400.0), ("and Brief two runs on", 0.0, 400.0),
        ("and on again", 0.0, 400.0), ("to its end.", 0.0, 450.0)])
    assert first_words(blocks)[:2] == ["Brief one opens", "Brief three opens"]
