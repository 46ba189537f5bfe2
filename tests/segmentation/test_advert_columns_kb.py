"""KB 1876's last advert page (heldout8, issue 15, session seg30): adverts in whole-column blocks."""

from __future__ import annotations

from pathlib import Path

from reader.segmentation.analyze import analyze_file

PAGE = (Path(__file__).resolve().parents[1] / "data" / "heldout8" / "kb_ddd_010100993_1876-12-01"
        / "DDD_010100993_008_alto.xml")


def test_copy_opening_in_lower_case_across_the_column_is_no_deck() -> None:
    """"BEKROOND" / "met den EERSTEN PRIJS voor PORTRETTEN, op de" / "Internationale Tentoonstelling …": the line under
    the display head opens in lower case and runs flush across the column, the copy's first line going on from the
    head, not a deck of it."""
    doc = analyze_file(PAGE)
    art = next(a for a in doc.articles if a.headline and "BEHEOOID" in a.headline)
    body = [p for p in art.parts if p.role not in ("headline", "subheadline", "kicker")]
    assert body and body[0].text.startswith("met den EERSTEN PRIJS"), [p.text[:40] for p in art.parts]
