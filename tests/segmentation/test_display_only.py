"""An item the geometry set wholly in display type (session seg33, issue 15): a card set in large lines standing alone
under a column of body text. Synthetic: fails without the rule it tests."""

from __future__ import annotations

from reader.model.document import HEADLINE_ROLES
from reader.segmentation.geometry import articles_from_layout
from tests.segmentation.columns import column_block, column_page

BODY = [("A new suit not cleaned and pressed soon looks like an old one, and", 30.0, 0.0),
        *[("every man who cares for his clothes sends them to us each week and", 0.0, 0.0)] * 8,
        ("saves money.", 0.0, 400.0)]
#: a professional card set in type twice the body's height, centred (Little River News 1917: "Dr. C. E. May," /
#: "DENTIST" / "Office in Ferguson Bldg.", which came out a headline over no text)
CARD = [("Dr. C. E. May,", 150.0, 150.0), ("DENTIST", 220.0, 220.0), ("Office in Ferguson Building.", 100.0, 100.0)]


def test_an_item_set_wholly_in_display_type_is_its_own_text() -> None:
    """An item whose every line is display type has no body under a headline: its lines are its text (a reader
    finds it in the list by its words, not as a heading over nothing)."""
    blocks = [column_block("b", 200, BODY), column_block("d", 200 + 40 * 10 + 80, CARD, lh=90)]
    arts = [a for a in articles_from_layout([column_page(blocks)]) if a.kind != "furniture"]
    assert len(arts) == 2
    card = arts[-1]
    assert all(p.role not in HEADLINE_ROLES for p in card.parts)
    assert " ".join(p.text for p in card.parts).startswith("Dr. C. E. May, DENTIST")


def test_a_headline_over_body_text_stays_a_headline() -> None:
    """The rule touches only items with no text but display lines: a headline over its body keeps its role."""
    head = [("THE CITY COUNCIL.", 150.0, 150.0)]
    blocks = [column_block("h", 100, head, lh=90), column_block("b", 200, BODY)]
    arts = [a for a in articles_from_layout([column_page(blocks)]) if a.kind != "furniture"]
    assert [p.role for p in arts[0].parts][:2] == ["headline", "paragraph"]
