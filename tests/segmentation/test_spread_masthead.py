"""A title's row does not reach across the fold of a spread (session seg35, issue 15): the Reichsanzeiger's double
pages read as one PAGE image (heldout9), and a synthetic title with its ears."""

from __future__ import annotations

from pathlib import Path

from reader.model.document import Block, Line, Page
from reader.segmentation.analyze import analyze_file
from reader.segmentation.geometry import _masthead_band, _page_sizes, _Sizes

SPREAD = Path(__file__).resolve().parents[1] / "data" / "heldout9" / "reichsanzeiger_gt" / "1878_249_0449.xml"


def test_a_block_level_with_the_title_on_the_other_page_of_a_spread_is_no_ear() -> None:
    """Reichsanzeiger 1878 No. 249, a double page: the title "Königlich Preußiſcher Staats⸗Anzeiger." heads the right
    page; level with it on the left page, across the fold's rule (a separator from the page's head to its foot),
    stands the foot of the left page's first column, "Berliner Viehmarkt, 21. Oktober. Zum Verkauf …" (two lines,
    short enough for an ear). It was taken into the title's row as furniture and its text was lost to the report
    it opens; the right page's own ears (the subscription price, the date) stay the title's."""
    doc = analyze_file(SPREAD)
    furniture = " ".join(p.text for a in doc.articles if a.kind == "furniture" for p in a.parts)
    assert "Berliner Viehmarkt" not in furniture
    assert "Das Abonnement beträgt" in furniture
    assert any(a.kind != "furniture" and any(p.text.startswith("Berliner Viehmarkt, 21. Oktober.") for p in a.parts)
               for a in doc.articles)


def _block(bid: str, box: tuple[float, float, float, float], text: str = "", kind: str = "text") -> Block:
    lines = [Line(id=f"{bid}.l0", text=text, box=box)] if text else []
    return Block(id=bid, lines=lines, box=box, type=kind)


def test_ears_beside_the_title_stay_in_its_row_and_a_rule_through_the_row_parts_them() -> None:
    """The ears beside a title are its row, a short rule or one starting under the title between them and it or not;
    a rule running through the title's row from above it to below it (a spread's fold) parts what stands beyond."""
    title = _block("t", (1000, 100, 3000, 300), "THE DAILY PAPER")
    left = _block("l", (100, 120, 800, 200), "No. 121.")
    right = _block("r", (3200, 120, 3900, 200), "Price 2 cents.")
    under = _block("u", (1900, 320, 1915, 4000), kind="separator")
    beside = _block("b", (900, 110, 910, 290), kind="separator")  # a short rule by the ear, not through the row
    assert {"l", "r"} <= _masthead_band([title, left, right, under, beside], _sizes(), "t")
    fold = _block("f", (3080, 50, 3100, 4000), kind="separator")
    band = _masthead_band([title, left, right, under, beside, fold], _sizes(), "t")
    assert "l" in band and "r" not in band


def _block(bid: str, box: tuple[float, float, float, float], text: str = "", kind: str = "text") -> Block:
    lines = [Line(id=f"{bid}.l0", text=text, box=box)] if text else []
    return Block(id=bid, lines=lines, box=box, type=kind)


def _sizes() -> _Sizes:
    blocks = [_block("x", (0, 0, 100, 30), "body text")]
    return _page_sizes(Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines]), blocks, False)
