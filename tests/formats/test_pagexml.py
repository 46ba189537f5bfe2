"""PAGE-XML: both namespaces, ReadingOrder and its Transkribus fallback, region types, line text first."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from lxml import etree

from reader.formats import pagexml as pagexml
from reader.model.document import Document
from reader.model.errors import FormatError
from reader.segmentation.analyze import analyze_file

PAGE = Path(__file__).parents[1] / "data" / "samples" / "page"
KANT = PAGE / "kant_berlinische_monatsschrift_1784" / "PAGE_0020_PAGE.xml"
KANT_ALTO = PAGE / "kant_berlinische_monatsschrift_1784" / "PAGE_0020_ALTO.xml"
RA = sorted((PAGE / "reichsanzeiger_gt").glob("*.xml"))
RA_1914 = Path(__file__).parents[1] / "data" / "pages" / "reichsanzeiger_gt" / "1914_178_0448.xml"

NS2013 = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15"
NS2019 = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"

_cache: dict[Path, Document] = {}


def doc_of(path: Path) -> Document:
    if path not in _cache:
        _cache[path] = analyze_file(path)
    return _cache[path]


def test_kant_2019_page_regions_lines_words_and_image() -> None:
    doc = doc_of(KANT)
    page = doc.pages[0]
    assert doc.format == "page" and (page.width, page.height) == (1457, 2084)
    assert page.image == str(KANT.with_name("INPUT_0020.jp2")) and page.image_scale == pytest.approx(1.0)
    texts = [b for b in page.blocks if b.type != "separator"]
    assert [b.id for b in texts] == ["p1.r_1_1", "p1.r_2_1", "p1.r_2_2", "p1.r_2_3"]
    assert [b.type for b in texts] == ["page-number", "paragraph", "paragraph", "catch-word"]
    assert page.label == "484"
    line = page.line_index()["p1.tl_2"]
    assert line.text.startswith("gewiegelt worden;")
    assert line.baseline == ((529.0, 453.0), (1331.0, 453.0))
    assert line.words[0].text == "gewiegelt" and line.words[0].box == (529, 418, 671, 455)
    assert line.font_size == 7.5
    assert len(page.lines) == 31
    kinds = {a.kind for a in doc.articles}
    assert "furniture" in kinds  # page number and catch-word


def test_kant_page_and_alto_give_the_same_text() -> None:
    a = "".join(ln.text.replace(" ", "") for ln in doc_of(KANT).lines())
    b = "".join(ln.text.replace(" ", "") for ln in analyze_file(KANT_ALTO).lines())
    assert difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.98


@pytest.mark.parametrize("path", RA, ids=lambda p: p.stem)
def test_reichsanzeiger_blocks_follow_the_reading_order(path: Path) -> None:
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    ro = [el.get("regionRef") for el in root.iter(f"{{{NS2013}}}RegionRefIndexed")]
    doc = doc_of(path)
    ids = [b.id.split(".", 1)[1] for b in doc.pages[0].blocks if b.type != "separator"]  # rules are in no order
    assert ids == [r for r in ro if r in set(ids)]
    assert len(ids) >= 0.9 * len(ro)


def test_reichsanzeiger_region_types_and_table_cells() -> None:
    types = {b.type for p in RA for b in doc_of(p).pages[0].blocks}
    assert {"heading", "paragraph", "header", "page-number", "footnote", "table"} <= types
    doc = doc_of(RA[0])
    assert any(a.headline == "II. Zeitungs⸗Nachrichten." for a in doc.articles)
    # "Inland." heads several items parted by rules (separator regions): a section's rubric, with the furniture
    assert any(a.kind == "furniture" and a.text.startswith("Inland.") for a in doc.articles)


def _page(body: str, ns: str = NS2019, ro: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?><PcGts xmlns="{ns}"><Page imageFilename="x.tif" imageWidth="1000" imageHeight="1000">'
        f"{ro}{body}</Page></PcGts>"
    ).encode()


def _region(rid: str, lines: list[tuple[str, str, str]], region_text: str = "", custom: str = "",
            rtype: str = "paragraph") -> str:
    out = f'<TextRegion id="{rid}" type="{rtype}" custom="{custom}"><Coords points="0,0 900,0 900,90 0,90"/>'
    for lid, text, lcustom in lines:
        te = f"<TextEquiv><Unicode>{text}</Unicode></TextEquiv>" if text else ""
        out += f'<TextLine id="{lid}" custom="{lcustom}"><Coords points="0,0 900,0 900,30 0,30"/>{te}</TextLine>'
    if region_text:
        out += f"<TextEquiv><Unicode>{region_text}</Unicode></TextEquiv>"
    return out + "</TextRegion>"


def test_nested_reading_order_groups(tmp_path: Path) -> None:
    ro = ('<ReadingOrder><OrderedGroup id="g0">'
          '<OrderedGroupIndexed id="g1" index="1">'
          '<RegionRefIndexed index="1" regionRef="a"/><RegionRefIndexed index="0" regionRef="c"/>'
          "</OrderedGroupIndexed>"
          '<RegionRefIndexed index="0" regionRef="b"/>'
          "</OrderedGroup></ReadingOrder>")
    body = "".join(_region(r, [(f"{r}l", f"text {r}", "")]) for r in ("a", "b", "c"))
    f = tmp_path / "p.xml"
    f.write_bytes(_page(body, ro=ro))
    doc = analyze_file(f)
    assert [b.id for b in doc.pages[0].blocks] == ["p1.b", "p1.c", "p1.a"]


def test_transkribus_custom_order_is_the_fallback_for_regions_and_lines(tmp_path: Path) -> None:
    body = _region(
        "r1",
        [("l2", "second", "readingOrder {index:1;}"), ("l1", "first", "readingOrder {index:0;}")],
        custom="readingOrder {index:1;}",
    ) + _region(
        "r0",
        [("l0", "zero", "readingOrder {index:0;}")],
        custom="readingOrder {index:0;} structure {type:heading;}",
        rtype="",
    )
    f = tmp_path / "p.xml"
    f.write_bytes(_page(body, ns=NS2013).replace(b' type=""', b""))
    doc = analyze_file(f)
    page = doc.pages[0]
    assert [b.id for b in page.blocks] == ["p1.r0", "p1.r1"]
    assert page.blocks[0].type == "heading"
    assert [ln.text for ln in page.blocks[1].lines] == ["first", "second"]


def test_line_text_is_authoritative_and_region_text_only_a_fallback(tmp_path: Path) -> None:
    body = (_region("a", [("a1", "line text", "")], region_text="region text that differs")
            + _region("b", [("b1", "", ""), ("b2", "", "")], region_text="row one\nrow two"))
    f = tmp_path / "p.xml"
    f.write_bytes(_page(body))
    doc = analyze_file(f)
    lines = doc.pages[0].line_index()
    assert lines["p1.a1"].text == "line text"
    assert (lines["p1.b1"].text, lines["p1.b2"].text) == ("row one", "row two")


def test_points_as_elements_of_page_2010() -> None:
    from lxml import etree

    el = etree.fromstring('<Coords xmlns="x"><Point x="1" y="2"/><Point x="5" y="9"/></Coords>')
    assert pagexml._box(pagexml._points(el)) == (1, 2, 5, 9)


@pytest.mark.parametrize("body,why", [
    (b'<?xml version="1.0"?><!DOCTYPE PcGts [<!ENTITY x SYSTEM "file:///etc/passwd">]><PcGts><Page>&x;</Page></PcGts>',
     "external entity"),
    (b'<?xml version="1.0"?><!DOCTYPE PcGts [<!ENTITY a "xxxxxxxx"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
     b"<PcGts>&b;</PcGts>",
     "bomb"),
    (_page(_region("a", [("a1", "x", "")]))[:-40], "not well-formed"),
    (f'<PcGts xmlns="{NS2019}"><Metadata/></PcGts>'.encode(), "without a <Page>"),
])
def test_broken_and_hostile_page_files_give_one_clear_error(tmp_path: Path, body: bytes, why: str) -> None:
    f = tmp_path / "bad_page.xml"
    f.write_bytes(body)
    with pytest.raises(FormatError) as err:
        analyze_file(f)
    assert str(err.value).startswith(str(f)) and why in str(err.value)


def test_region_types_are_normalised_and_give_their_lines_a_role() -> None:
    # Reichsanzeiger 1914: Transkribus writes the types as custom="… structure {type:header;}"
    doc = pagexml.read(RA_1914.read_bytes(),
                       RA_1914)
    blocks = doc.pages[0].blocks
    allowed = {"heading", "paragraph", "caption", "header", "footer", "page-number", "marginalia", "footnote",
               "signature-mark", "catch-word", "drop-capital", "credit", "table", "image", "advertisement",
               "other", "text", "graphic", "separator"}
    assert {b.type for b in blocks} <= allowed
    roles = {b.type: {ln.type for ln in b.lines} for b in blocks if b.lines}
    assert roles["heading"] == {"headline"}
    assert roles["header"] == {"furniture"}
    assert roles["paragraph"] == {"paragraph"}


def test_a_line_s_own_structure_type_wins_over_its_region(tmp_path: Path) -> None:
    # a real Reichsanzeiger page whose first paragraph line is marked a Title the way Transkribus marks lines
    src = RA_1914.read_text(encoding="utf-8")
    root = etree.fromstring(src.encode())
    region = next(r for r in root.iter(f"{{{NS2013}}}TextRegion") if "type:paragraph" in (r.get("custom") or ""))
    line = next(region.iter(f"{{{NS2013}}}TextLine"))
    line.set("custom", (line.get("custom") or "") + " structure {type:Title;}")
    f = tmp_path / "p.xml"
    f.write_bytes(etree.tostring(root))
    page = pagexml.read(f.read_bytes(), f).pages[0]
    block = next(b for b in page.blocks if b.id == f"p1.{region.get('id')}")
    assert block.type == "paragraph"
    assert block.lines[0].type == "headline"
    assert {ln.type for ln in block.lines[1:]} == {"paragraph"}


def test_untyped_and_unknown_region_types(tmp_path: Path) -> None:
    body = (_region("a", [("al", "untyped", "")], rtype="") + _region("b", [("bl", "odd", "")], rtype="TOC-entry")
            + _region("c", [("cl", "title", "")], rtype="", custom="structure {type:Title;}"))
    f = tmp_path / "p.xml"
    f.write_bytes(_page(body))
    page = pagexml.read(f.read_bytes(), f).pages[0]
    assert [(b.type, b.lines[0].type) for b in page.blocks] == [("text", None), ("other", None),
                                                                ("heading", "headline")]


def test_separators_are_blocks_with_no_text_and_no_place_in_the_reading_order(tmp_path: Path) -> None:
    """A rule between two items tells the layout where one ends; PAGE leaves it out of the reading order, so it
    must not take the regions' order away (nor be read after them all)."""
    ro = ('<ReadingOrder><OrderedGroup id="g0"><RegionRefIndexed index="0" regionRef="b"/>'
          '<RegionRefIndexed index="1" regionRef="a"/></OrderedGroup></ReadingOrder>')
    rule = '<SeparatorRegion id="s"><Coords points="300,95 500,95 500,99 300,99"/></SeparatorRegion>'
    body = _region("a", [("al", "text a", "")]) + rule + _region("b", [("bl", "text b", "")])
    f = tmp_path / "p.xml"
    f.write_bytes(_page(body, ro=ro))
    page = pagexml.read(f.read_bytes(), f).pages[0]
    assert [(b.id, b.type, b.order) for b in page.blocks] == [
        ("p1.b", "paragraph", 0), ("p1.a", "paragraph", 1), ("p1.s", "separator", None)]
    assert page.blocks[2].box == (300, 95, 500, 99) and not page.blocks[2].lines


def test_a_broken_tags_line_is_named_once() -> None:
    """Seen by eye: "(Couldn't find end of Start Tag Pa line 60, line 60, column 6)" — libxml2 names the line the
    tag began on, and the position after it said it again."""
    from reader.formats.safexml import parse

    with pytest.raises(FormatError) as err:
        parse(b'<a>\n\n<Pa x="1" ', "bad.xml")
    said = str(err.value)
    assert said.count("line 3") == 1, said
    with pytest.raises(FormatError) as err:
        parse(b"<a><b></a>", "bad.xml")  # a tag mismatch keeps both lines it names
    assert "b line 1 and a" in str(err.value)
