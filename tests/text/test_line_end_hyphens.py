"""A line-end hyphen that is no hyphenation stays: a compound's hyphen before a capital, a suspended hyphen.

Seen by eye: the Nordstern (METS/ALTO, 1878) read "FinanzPolitik", "ZürichseeGotthardbahn", "AltOberlichter"
(about twenty on one page), the Logan ALTO "HouseAppointments", where the page prints "Finanz-" | "Politik"; the
Reichsanzeiger's "Schul⸗, Erziehungs⸗ und Zwangarbeit⸗Inſtitute" read "Erziehungsund"; an hOCR page with no
hyphenation mark read "Erziehungsund" and "Finanz- Politik". Counts over tests/data in docs/ARCHITECTURE.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model.document import Line, Part, Span
from reader.segmentation.analyze import analyze_bytes, analyze_file
from reader.text.reflow import Piece, WordGoesOn, join_broken_words, join_page_turns, reflow

DATA = Path(__file__).parents[1] / "data"
NORDSTERN = DATA / "samples" / "mets-alto" / "ndnp_nordstern_1878-01-03"


def join(*lines: str, marked: bool = False) -> str:
    return reflow("paragraph", [Piece(f"l{k}", t, marked) for k, t in enumerate(lines)]).text


@pytest.mark.parametrize("marked", [True, False])
@pytest.mark.parametrize(("first", "second", "read"), [
    ("die neue Finanz-", "Politik der Bahn", "die neue Finanz-Politik der Bahn"),
    ("der Zürichsee-", "Gotthardbahn", "der Zürichsee-Gotthardbahn"),
    ("Staats⸗", "Anzeiger.", "Staats⸗Anzeiger."),  # the double hyphen as printed
    ("House-", "Appointments", "House-Appointments"),
    ("Die Er-", "Öffnung", "Die ErÖffnung"),  # an inseparable prefix: the OCR's capital, a word broken
    ("Ver-", "Einigung", "VerEinigung"),
    ("Mr. Mc-", "Donald", "Mr. McDonald"),
    ("an exam-", "ple of it", "an example of it"),
    ("INSTRU-", "MENTS", "INSTRUMENTS"),
])
def test_a_compounds_hyphen_before_a_capital_stays_without_a_space(first: str, second: str, read: str,
                                                                    marked: bool) -> None:
    if not marked and first in ("INSTRU-", "Die Er-", "Ver-", "Mr. Mc-"):
        read = first + second  # unmarked, capitals or a prefix: the hyphen as printed, no space
    assert join(first, second, marked=marked) == read


@pytest.mark.parametrize(("first", "second", "read"), [
    ("Bnnket-HAMME-", "TJES.", "Bnnket-HAMMETJES."),  # capitals after the hyphen: one word as before
    ("Com-", "PI-KXIOX", "ComPI-KXIOX"),
    ("Aufkla\u0364-", "Rung", "Aufkla\u0364-Rung"),  # lower case under a mark at the half's end
])
def test_a_marked_word_goes_on_in_capitals_as_one(first: str, second: str, read: str) -> None:
    assert join(first, second, marked=True) == read


@pytest.mark.parametrize("marked", [True, False])
@pytest.mark.parametrize(("first", "second", "read"), [
    ("Schul-, Erziehungs-", "und Zwangsanstalt", "Schul-, Erziehungs- und Zwangsanstalt"),
    ("Schul⸗, Erziehungs⸗", "und Zwangarbeit⸗Inſtitute", "Schul⸗, Erziehungs⸗ und Zwangarbeit⸗Inſtitute"),
    ("Wahl-", "oder Stimmrecht", "Wahl- oder Stimmrecht"),
    ("zwei-", "bis dreimal", "zwei- bis dreimal"),
    ("Vieh-", "und Pferdemarkt", "Vieh- und Pferdemarkt"),
    ("pré-", "et post-scriptum", "pré- et post-scriptum"),
])
def test_a_suspended_hyphen_stays_with_a_space(first: str, second: str, read: str, marked: bool) -> None:
    assert join(first, second, marked=marked) == read


@pytest.mark.parametrize(("first", "second", "read"), [
    ("a thous-", "and men", "a thousand men"),  # English "and", Dutch "en", "of": words broken (tests/data)
    ("resist-", "or", "resistor"),
    ("ich mach-", "en es", "ich machen es"),
    ("Grund-", "under", "Grundunder"),  # "und" only as a word of its own
])
def test_words_that_only_look_like_a_conjunction_are_joined(first: str, second: str, read: str) -> None:
    assert join(first, second, marked=True) == read


def test_a_soft_hyphen_before_a_capital_keeps_the_words_apart() -> None:
    read = join("einen Proceß mit Col\u00ad", "Plötzlich fiel", marked=True)
    assert read == "einen Proceß mit Col\u00ad Plötzlich fiel"
    assert join("soft\u00ad", "hyphen") == "softhyphen"


def _part(text: str, line: str) -> Part:
    return Part("paragraph", text, [Span(0, len(text), line, 0)])


def test_a_compound_cut_between_two_parts_is_joined_with_its_hyphen() -> None:
    lines = [Line("l1", "die neue Finanz-", hyphenated=True), Line("l2", "Politik der Bahn"),
             Line("l3", "Schul-, Erziehungs-", hyphenated=True), Line("l4", "und Zwangsanstalt")]
    parts = join_broken_words([_part("die neue Finanz-", "l1"), _part("Politik der Bahn", "l2")], lines)
    assert [p.text for p in parts] == ["die neue Finanz-Politik der Bahn"]
    assert parts[0].line_ids == ["l1", "l2"]
    parts = join_broken_words([_part("Schul-, Erziehungs-", "l3"), _part("und Zwangsanstalt", "l4")], lines)
    assert [p.text for p in parts] == ["Schul-, Erziehungs- und Zwangsanstalt"]


def test_a_compound_over_a_page_turn_keeps_its_hyphen() -> None:
    parts = [_part("Bereits hat die Finanz-", "p1.l9"), _part("Politik der Regierung.", "p2.l1")]
    [one] = join_page_turns(parts, {"p1.l9": 1, "p2.l1": 2})
    assert one.text == "Bereits hat die Finanz-Politik der Regierung."


ALTO = """<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">
<Description><MeasurementUnit>pixel</MeasurementUnit></Description>
<Layout><Page ID="p1" WIDTH="1000" HEIGHT="1000" PHYSICAL_IMG_NR="1"><PrintSpace>
<TextBlock ID="b1" HPOS="10" VPOS="10" WIDTH="900" HEIGHT="200">
<TextLine ID="l1" HPOS="10" VPOS="10" WIDTH="900" HEIGHT="30"><String CONTENT="Die" HPOS="10" VPOS="10" WIDTH="80"
 HEIGHT="30"/><SP/><String CONTENT="neue" HPOS="100" VPOS="10" WIDTH="80" HEIGHT="30"/><SP/><String CONTENT="Finanz"
 HPOS="200" VPOS="10" WIDTH="150" HEIGHT="30" SUBS_TYPE="HypPart1" SUBS_CONTENT="FinanzPolitik"/><HYP CONTENT="-"/>
</TextLine>
<TextLine ID="l2" HPOS="10" VPOS="50" WIDTH="900" HEIGHT="30"><String CONTENT="Politik" HPOS="10" VPOS="50"
 WIDTH="150" HEIGHT="30" SUBS_TYPE="HypPart2" SUBS_CONTENT="FinanzPolitik"/><SP/><String CONTENT="der" HPOS="170"
 VPOS="50" WIDTH="60" HEIGHT="30"/><SP/><String CONTENT="Zürichsee" HPOS="240" VPOS="50" WIDTH="200" HEIGHT="30"/>
<HYP CONTENT="-"/></TextLine>
<TextLine ID="l3" HPOS="10" VPOS="90" WIDTH="900" HEIGHT="30"><String CONTENT="Gotthardbahn" HPOS="10" VPOS="90"
 WIDTH="250" HEIGHT="30"/><SP/><String CONTENT="und" HPOS="270" VPOS="90" WIDTH="60" HEIGHT="30"/><SP/><String
 CONTENT="Erziehungs" HPOS="340" VPOS="90" WIDTH="200" HEIGHT="30"/><HYP CONTENT="-"/></TextLine>
<TextLine ID="l4" HPOS="10" VPOS="130" WIDTH="900" HEIGHT="30"><String CONTENT="und" HPOS="10" VPOS="130" WIDTH="60"
 HEIGHT="30"/><SP/><String CONTENT="Zwangsanstalt." HPOS="80" VPOS="130" WIDTH="300" HEIGHT="30"/></TextLine>
</TextBlock></PrintSpace></Page></Layout></alto>
"""

HOCR = """<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<meta name="ocr-system" content="handmade"/></head>
<body><div class="ocr_page" title="bbox 0 0 1000 1000">
<div class="ocr_carea" title="bbox 10 10 900 400"><p class="ocr_par" title="bbox 10 10 900 400">
<span class="ocr_line" title="bbox 10 10 900 40"><span class="ocrx_word" title="bbox 10 10 100 40">Die</span>
<span class="ocrx_word" title="bbox 110 10 300 40">Schul-,</span>
<span class="ocrx_word" title="bbox 310 10 600 40">Erziehungs-</span></span>
<span class="ocr_line" title="bbox 10 50 900 80"><span class="ocrx_word" title="bbox 10 50 100 80">und</span>
<span class="ocrx_word" title="bbox 110 50 500 80">Zwangsarbeitsanstalt</span>
<span class="ocrx_word" title="bbox 510 50 600 80">der</span>
<span class="ocrx_word" title="bbox 610 50 800 80">Finanz-</span></span>
<span class="ocr_line" title="bbox 10 90 900 120"><span class="ocrx_word" title="bbox 10 90 200 120">Politik</span>
<span class="ocrx_word" title="bbox 210 90 400 120">wurde</span>
<span class="ocrx_word" title="bbox 410 90 600 120">besprochen.</span></span>
</p></div></div></body></html>
"""


def _text(data: str, name: str) -> str:
    doc = analyze_bytes(data.encode(), Path(name))
    return "\n".join(p.text for a in doc.articles for p in a.parts)


def test_an_alto_page_keeps_its_compounds_and_suspended_hyphens() -> None:
    assert _text(ALTO, "hyp_capital.alto.xml") == \
        "Die neue Finanz-Politik der Zürichsee-Gotthardbahn und Erziehungs- und Zwangsanstalt."


def test_an_hocr_page_keeps_its_compounds_and_suspended_hyphens() -> None:
    assert _text(HOCR, "hyphen_und.hocr") == \
        "Die Schul-, Erziehungs- und Zwangsarbeitsanstalt der Finanz-Politik wurde besprochen."


def _read(path: Path) -> str:
    return "\n".join(p.text for a in analyze_file(path).articles for p in a.parts)


def test_the_nordstern_keeps_its_compounds_and_joins_its_broken_words() -> None:
    text = _read(NORDSTERN / "0011.xml")
    assert "Finanz-Politik" in text and "Gehilfs-Inspektor" in text
    assert "FinanzPolitik" not in text and "GehilfsInspektor" not in text and "Finanz- Politik" not in text
    assert "Eröffnung" in text or "ErÖffnung" in text  # the OCR's capital in a word broken at its prefix
    text = _read(NORDSTERN / "0013.xml")
    assert "Zürichsee-Gotthardbahn" in text and "Alt-Oberlichter" in text
    assert "VerHandlungen" in text  # (the OCR's capital: a word broken at its prefix)


def test_the_nordstern_issue_through_its_mets_keeps_them_too() -> None:
    text = _read(NORDSTERN / "1878010301.xml")
    for compound in ("Finanz-Politik", "Zürichsee-Gotthardbahn", "Alt-Oberlichter", "Vieh- und"):
        assert compound in text
    assert "FinanzPolitik" not in text and "Viehund" not in text


def test_logan_keeps_house_appointments() -> None:
    text = _read(DATA / "samples" / "alto" / "v1_ccs_ndnp_logan_1911" / "logan.alto.xml")
    assert "House-Appointments" in text and "HouseAppointments" not in text


def test_the_reichsanzeiger_keeps_its_suspended_hyphen() -> None:
    text = _read(DATA / "samples" / "page" / "reichsanzeiger_gt" / "1820_84_0220.xml")
    assert "Erziehungs⸗ und" in text and "Erziehungsund" not in text


def test_a_word_goes_on_into_another_block_only_as_a_word() -> None:
    """Nordstern page 0012: a block's last line ends "Col\u00ad" (marked), the file's next line opens another
    column's block, "Plötzlich fiel …": read "ColPlötzlich" (seen by eye). A lower-case second half in the next
    block goes on as before; within one block a capital goes on too (a compound, its hyphen kept)."""
    lines = [Line("a1", "einen Proceß mit Col\u00ad", hyphenated=True), Line("b1", "Plötzlich fiel der Farmerin ein"),
             Line("a2", "am Schluß der Verhand-", hyphenated=True), Line("b2", "lung sprach er")]
    goes_on = WordGoesOn(lines, {"a1": "A", "a2": "A", "b1": "B", "b2": "B"})
    assert not goes_on(_part(lines[0].text, "a1"), _part(lines[1].text, "b1"))
    assert goes_on(_part(lines[2].text, "a2"), _part(lines[3].text, "b2"))
    same = WordGoesOn(lines, {"a1": "A", "b1": "A"})
    assert same(_part(lines[0].text, "a1"), _part(lines[1].text, "b1"))


def test_the_nordstern_does_not_glue_col_to_ploetzlich() -> None:
    doc = analyze_file(NORDSTERN / "0012.xml")
    texts = [p.text for a in doc.articles for p in a.parts]
    assert not any("Plötzlich" in t and "Col\u00ad" in t for t in texts)
    assert any(t.startswith("Plötzlich siel der guten Farmerin") for t in texts)
    assert any(t.rstrip().endswith("einen Proceß mit Col\u00ad") for t in texts)
