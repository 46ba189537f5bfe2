"""KB 1876's last advert page (heldout8, issue 15, session seg30): adverts in whole-column blocks."""

from __future__ import annotations

from pathlib import Path

from reader.model.document import Block, Line, Page
from reader.segmentation.analyze import analyze_file
from reader.segmentation.geometry import articles_from_layout

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


def test_copy_set_large_opening_in_lower_case_under_the_display_is_body() -> None:
    """KB 1876 p. 8: "… OF KERSTGESCHENKEN." / "wordt aanbevolen eene groote keuze van DAMES- en KINDERKERKBOEKEN,
    voor alle" / "Protestantsche gezindten, …": the copy's first line set larger than the body, opening in lower case
    across the measure and breaking off mid-sentence, is the copy's first line, not a deck of the display above."""
    rows = [("ST.-NICOLAAS- OF KERSTGESCHENKEN.", 18.0, 60.0, 100.0, 560.0),
            ("wordt aanbevolen eene KEUZE van DAMES- en KINDERKERKBOEKEN, voor alle", 11.0, 36.0, 50.0, 600.0),
            ("Protestantsche gezindten, in solide banden en billijke", 9.0, 26.0, 50.0, 600.0),
            ("prijzen voorhanden, in den sedert jaren gunstig", 9.0, 26.0, 50.0, 600.0),
            ("bekenden Kerkboekhandel van J. J. KRIJNE te", 9.0, 26.0, 50.0, 600.0),
            ("Amsterdam. (43783)", 9.0, 26.0, 50.0, 260.0)]
    lines, y = [], 100.0
    for k, (text, size, height, x0, x1) in enumerate(rows):
        lines.append(Line(id=f"a.l{k}", text=text, box=(x0, y, x1, y + height), font_size=size))
        y += height + 4
    body = [Line(id=f"b.l{k}", text=f"De gewone tekst van het blad loopt hier verder door regel {k}",
                 box=(50, 600 + 30 * k, 600, 626 + 30 * k), font_size=9.0) for k in range(8)]
    blocks = [Block(id="a", lines=lines, box=(50, 100, 600, y)), Block(id="b", lines=body, box=(50, 600, 600, 850))]
    page = Page(number=1, blocks=blocks, lines=[*lines, *body], width=1000, height=1400)
    art = next(a for a in articles_from_layout([page]) if "KERSTGESCHENKEN" in (a.headline or ""))
    assert [p.role for p in art.parts][:2] == ["headline", "paragraph"], [(p.role, p.text[:30]) for p in art.parts]
    assert art.parts[1].text.startswith("wordt aanbevolen")
