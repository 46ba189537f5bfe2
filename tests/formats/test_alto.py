"""ALTO pages: every real variant in the samples, units, hyphenation, spaces, styles, blocks, hostile files."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.formats import alto
from reader.formats.detect import detect
from reader.model.document import Document
from reader.model.errors import SourceError
from reader.segmentation.analyze import analyze_bytes

SAMPLES = Path(__file__).parents[1] / "data" / "samples"


def _alto_files() -> list[Path]:
    out = []
    for p in sorted(SAMPLES.rglob("*.xml")):
        head = p.read_bytes()[:4000]
        if b"<alto" in head:
            out.append(p)
    return out


ALTO_FILES = _alto_files()


def _read(rel: str) -> Document:
    p = SAMPLES / rel
    return analyze_bytes(p.read_bytes(), p, "alto")


def test_the_samples_hold_every_alto_variant() -> None:
    # 5 ALTO samples, 4 + 4 + 8 pages of the METS issues, 2 hOCR pairs, the Kant page
    assert len(ALTO_FILES) == 24


@pytest.mark.parametrize("path", ALTO_FILES, ids=lambda p: p.name)
def test_every_alto_sample_reads_and_maps_back(path: Path) -> None:
    data = path.read_bytes()
    assert detect(data, path) == "alto"
    doc = analyze_bytes(data, path, "alto")
    lines = {ln.id: ln for page in doc.pages for ln in page.lines}
    assert lines, "no lines read"
    assert len(lines) == sum(len(p.lines) for p in doc.pages), "line ids are not unique"
    assert all(re.match(r"^p\d+\.", lid) for lid in lines)
    assert doc.articles
    ids = [a.id for a in doc.articles]
    assert len(ids) == len(set(ids))
    for article in doc.articles:
        for part in article.parts:
            for span in part.spans:
                src = lines[span.line].text[span.line_start : span.line_start + span.end - span.start]
                assert part.text[span.start : span.end] == src
    # reading the same file twice gives the same ids (stable across re-reads)
    again = analyze_bytes(data, path, "alto")
    assert [ln.id for p in again.pages for ln in p.lines] == [ln.id for p in doc.pages for ln in p.lines]


def test_analyze_json_works_on_every_alto_file_in_one_batch(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["analyze", "--json", *[str(p) for p in ALTO_FILES]])
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    assert len(out) == len(ALTO_FILES)
    for result in out:
        assert result["format"] == "alto"
        assert result["pages"][0]["lines"]
        assert all(line["box"] is None or len(line["box"]) == 4 for line in result["pages"][0]["lines"])
        assert all(b["text"] for a in result["articles"] for b in a["blocks"])


def test_namespaces_ccs_v2_v3_v4_and_none_all_give_text() -> None:
    texts = {
        "alto/v1_ccs_ndnp_logan_1911/logan.alto.xml": "BOOSTERS",  # CCS namespace
        "alto/v2_sbb_abbyy_1890/27971740_1890-04-01_38_077_0_001.xml": "Erstes Blatt",  # ns-v2 with BOM
        "alto/v3_tesseract410/testfile.xml": "LEVEL 2 HEADING",  # ns-v3
        "alto/v4_altoxml_glyph_chinese/Glyph_Sample04_Chinese.xml": "義禮說選",  # ns-v4
        "mets-alto/bl_statesman_1824-02-17/0002647_18240217_0001.xml": "COAL DUTIES",  # no namespace
    }
    for rel, wanted in texts.items():
        doc = _read(rel)
        assert any(wanted in ln.text for ln in doc.lines()), rel


def test_measurement_units_become_page_pixels() -> None:
    logan = _read("alto/v1_ccs_ndnp_logan_1911/logan.alto.xml")  # inch1200, the file says xdpi:300
    assert logan.pages[0].width == pytest.approx(17836 * 300 / 1200)
    assert logan.pages[0].units == "inch1200"
    bnl = _read("mets-alto/bnl_luxzeit1858_1858-12-07/text/1858-12-07_01-00001.xml")  # mm10, nominal 300 dpi
    assert bnl.pages[0].width == pytest.approx(2590 * 300 / 254)
    box = bnl.pages[0].lines[0].box
    width = bnl.pages[0].width
    assert box is not None and width is not None and 0 <= box[0] < box[2] <= width + 1
    pixel = _read("alto/v3_tesseract410/testfile.xml")
    assert pixel.pages[0].width == 750 and pixel.pages[0].lines[0].box == (37.0, 39.0, 152.0, 50.0)


def test_hyp_and_subs_content_dehyphenate_through_reflow() -> None:
    doc = _read("mets-alto/bl_statesman_1824-02-17/0002647_18240217_0001.xml")
    lines = {ln.id: ln for ln in doc.lines()}
    first = lines["p1.P1_TL00020"]
    assert first.hyphenated and first.text.endswith("-")
    assert first.hyphen_word == "Preleetions"
    text = " ".join(p.text for a in doc.articles for p in a.parts)
    assert "Preleetions" in text and "Prelee- tions" not in text


def test_soft_hyphen_counts_as_hyp() -> None:
    doc = _read("hocr/abbyy_mannheim_417576986_0012/417576986_0012.alto.xml")
    soft = [ln for ln in doc.lines() if ln.text.endswith("\u00ad")]
    assert soft and all(ln.hyphenated for ln in soft)
    text = doc.articles[0].text
    assert "\u00ad" not in text and "lanais" not in text.split()


def _mini(strings: str, unit: str = "pixel", extra: str = "") -> bytes:
    return (
        '\ufeff<?xml version="1.0" encoding="UTF-8"?>'
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>'
        f"{unit}</MeasurementUnit></Description>{extra}<Layout><Page ID=\"P1\" WIDTH=\"1000\" HEIGHT=\"1000\">"
        '<PrintSpace><TextBlock ID="TB1" HPOS="10.5" VPOS="10" WIDTH="500" HEIGHT="100">'
        f'<TextLine ID="TL1" HPOS="10" VPOS="10" WIDTH="500" HEIGHT="30">{strings}</TextLine>'
        "</TextBlock></PrintSpace></Page></Layout></alto>"
    ).encode()


def test_sp_present_bare_or_missing_and_cjk_strings_joined() -> None:
    with_sp = _mini('<String CONTENT="one"/><SP/><String CONTENT="two"/>')
    without = _mini('<String CONTENT="one"/><String CONTENT="two"/>')
    cjk = _mini('<String CONTENT="中国"/><String CONTENT="人民"/>')
    for data, want in ((with_sp, "one two"), (without, "one two"), (cjk, "中国人民")):
        doc = analyze_bytes(data, Path("mini.xml"), "alto")  # also starts with a UTF-8 byte order mark
        assert doc.pages[0].lines[0].text == want
    page = analyze_bytes(without, Path("mini.xml"), "alto").pages[0]
    assert page.blocks[0].box == (10.5, 10.0, 510.5, 110.0)  # coordinates may be floats
    words = page.lines[0].words
    assert [(w.text, w.start) for w in words] == [("one", 0), ("two", 4)]


def test_styles_font_sizes_and_word_confidence() -> None:
    data = _mini(
        '<String CONTENT="Big" STYLEREFS="big" WC="0.5"/><SP/><String CONTENT="news" STYLEREFS="big" WC="0.25"/>',
        extra='<Styles><TextStyle ID="big" FONTSIZE="24.5"/></Styles>',
    )
    line = analyze_bytes(data, Path("s.xml"), "alto").pages[0].lines[0]
    assert line.font_size == 24.5
    assert [w.confidence for w in line.words] == [0.5, 0.25]
    sbb = _read("alto/v2_sbb_abbyy_1890/27971740_1890-04-01_38_077_0_001.xml")
    assert sum(1 for ln in sbb.lines() if ln.font_size) > 0.9 * len(list(sbb.lines()))


def test_glyphs_and_variants_keep_the_primary_reading() -> None:
    doc = _read("alto/v4_altoxml_glyph_chinese/Glyph_Sample04_Chinese.xml")
    (line,) = doc.pages[0].lines
    assert line.text == "義禮說選"
    assert [w.text for w in line.words] == list("義禮說選")
    assert line.words[0].confidence == 0.99
    assert "選" not in line.text[:1]


def test_composed_block_types() -> None:
    p4 = _read("mets-alto/bnl_luxzeit1858_1858-12-07/text/1858-12-07_01-00004.xml")
    ads = [b for b in p4.pages[0].blocks if b.type == "advertisement"]
    assert len(ads) == 5 and all(b.lines for b in ads) and sum(len(b.lines) for b in ads) > 50
    assert all(b.font_size for b in ads)
    # five blocks typed Advertisement; the fourth holds several advertisers' adverts, the piano's set apart (closed on
    # the order number and address above it, opening on display type): at least one advert a block
    adverts = [a for a in p4.articles if a.kind == "advertisement"]
    assert len(adverts) >= 6 and any(a.text.lstrip().startswith("UN PIANO-FORTE") for a in adverts)
    p3 = _read("mets-alto/bnl_luxzeit1858_1858-12-07/text/1858-12-07_01-00003.xml")
    assert any(b.type == "table" for b in p3.pages[0].blocks)
    wetzel = _read("hocr/tesseract303_wetzel_1901/wetzel_reisebegleiter_1901_0021.alto.xml")  # container blocks opened
    assert len(wetzel.pages[0].blocks) > 3


def test_zero_page_size_and_printspace_wider_than_page() -> None:
    allopts = _read("alto/v4_altoxml_allopts/AutoGeneratedSample_AllOptions1.xml")
    assert allopts.pages and all(p.width is None or p.width >= 0 for p in allopts.pages)
    glyph = _read("alto/v4_altoxml_glyph_chinese/Glyph_Sample04_Chinese.xml")
    assert glyph.pages[0].width == 1003


def test_index_maps_string_and_block_ids_to_line_spans() -> None:
    p = SAMPLES / "mets-alto/bl_statesman_1824-02-17/0002647_18240217_0001.xml"
    parsed = alto.parse_alto(p.read_bytes(), p, 1)
    span = parsed.index.span("word001131", "word001132")
    line = {ln.id: ln for ln in parsed.pages[0].lines}[span[0][0]]
    assert line.text[span[0][1] : span[0][2]] == "This day"
    whole = parsed.index.span("pa0001001")
    assert len(whole) > 10 and parsed.index.block_ids("pa0001001") == ["p1.pa0001001"]


HOSTILE = {
    "external-entity.xml": (
        '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT="&x;"/></TextLine></TextBlock>'
        "</PrintSpace></Page></Layout></alto>"
    ),
    "entity-bomb.xml": (
        '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefgh", "bcdefghi", strict=False))
        + ']><alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT="&i;"/></TextLine>'
        "</TextBlock></PrintSpace></Page></Layout></alto>"
    ),
    "truncated.xml": '<?xml version="1.0"?><alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONT',
    "no-layout.xml": '<?xml version="1.0"?><alto><Description/></alto>',
    "empty.xml": "",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_or_broken_alto_gives_one_clear_error(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(HOSTILE[name], encoding="utf-8")
    with pytest.raises(SourceError) as info:
        analyze_bytes(path.read_bytes(), path, "alto")
    message = str(info.value)
    assert message.startswith(str(path)) and message.endswith(".") and "\n" not in message
    assert "root:" not in message  # nothing of /etc/passwd leaked


def test_a_bad_file_in_a_batch_is_reported_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.alto.xml"
    bad.write_text(HOSTILE["external-entity.xml"], encoding="utf-8")
    good = SAMPLES / "alto/v3_tesseract410/testfile.xml"
    status = main(["analyze", "--json", "--format", "alto", str(bad), str(good)])
    captured = capsys.readouterr()
    assert status == 1
    assert str(bad) in captured.err and captured.err.count("\n") == 1
    assert json.loads(captured.out)["source"] == str(good)


def _page_text(doc: Document) -> str:
    """Whitespace-free text of the page's lines in source order, soft hyphens read as printed hyphens."""
    return "".join(re.sub(r"\s+", "", ln.text.replace("\u00ad", "-")) for ln in doc.lines())


PAIRS = [
    (
        "hocr/tesseract303_wetzel_1901/wetzel_reisebegleiter_1901_0021.alto.xml",
        "hocr/tesseract303_wetzel_1901/wetzel_reisebegleiter_1901_0021.hocr",
    ),
    (
        "hocr/abbyy_mannheim_417576986_0012/417576986_0012.alto.xml",
        "hocr/abbyy_mannheim_417576986_0012/417576986_0012.hocr",
    ),
]


@pytest.mark.parametrize("alto_rel, hocr_rel", PAIRS, ids=["wetzel", "mannheim"])
def test_alto_and_hocr_of_the_same_page_give_the_same_text(alto_rel: str, hocr_rel: str) -> None:
    pytest.importorskip("reader.formats.hocr")
    a = _read(alto_rel)
    path = SAMPLES / hocr_rel
    h = analyze_bytes(path.read_bytes(), path, "hocr")
    ratio = difflib.SequenceMatcher(None, _page_text(a), _page_text(h), autojunk=False).ratio()
    assert ratio >= 0.98


def test_alto_and_page_xml_of_the_kant_page_give_the_same_text() -> None:
    page_reader = pytest.importorskip("reader.formats.pagexml")
    a = _read("page/kant_berlinische_monatsschrift_1784/PAGE_0020_ALTO.xml")
    path = SAMPLES / "page/kant_berlinische_monatsschrift_1784/PAGE_0020_PAGE.xml"
    p = page_reader.read(path.read_bytes(), path)
    ratio = difflib.SequenceMatcher(None, _page_text(a), _page_text(p), autojunk=False).ratio()
    assert ratio >= 0.98


def test_the_image_the_alto_file_names_is_attached_when_it_lies_beside_it(tmp_path: Path) -> None:
    from PIL import Image

    data = _mini('<String CONTENT="x"/>').replace(
        b"</Description>",
        b"<sourceImageInformation><fileName>C:\\scans\\p1.tif</fileName></sourceImageInformation></Description>")
    path = tmp_path / "p1.xml"
    path.write_bytes(data)
    Image.new("L", (500, 500), 255).save(tmp_path / "p1.tif")
    page = analyze_bytes(data, path, "alto").pages[0]
    assert page.image == str(tmp_path / "p1.tif") and page.image_scale == pytest.approx(0.5)


def test_kant_page_folio_and_catchword_are_furniture_and_rules_are_no_pictures() -> None:
    doc = _read("page/kant_berlinische_monatsschrift_1784/PAGE_0020_ALTO.xml")
    assert [a.kind for a in doc.articles] == ["article", "furniture"]
    assert [p.text for p in doc.articles[1].parts] == ["( 484 )", "Stan -"]
    assert doc.articles[0].paragraphs()[0].text.startswith("gewiegelt worden")


def _two_lines(first: str, second: str) -> bytes:
    return (
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page ID="P1" WIDTH="1000" HEIGHT="1000">'
        '<PrintSpace><TextBlock ID="TB1" HPOS="10" VPOS="10" WIDTH="500" HEIGHT="100">'
        f'<TextLine ID="TL1" HPOS="10" VPOS="10" WIDTH="500" HEIGHT="30">{first}</TextLine>'
        f'<TextLine ID="TL2" HPOS="10" VPOS="45" WIDTH="500" HEIGHT="30">{second}</TextLine>'
        "</TextBlock></PrintSpace></Page></Layout></alto>"
    ).encode()


def test_specks_between_the_parts_of_a_marked_word_are_left_out() -> None:
    """Microfilm OCR reads gutter specks after a HypPart1 ("considera I I" / "tion"): reflow joined the speck
    with the second part ("Ition") and the marked word could not be found. A real word there stays."""
    part1 = ('<String CONTENT="much" /><SP/>'
             '<String CONTENT="considera" SUBS_TYPE="HypPart1" SUBS_CONTENT="consideration"/>')
    part2 = '<String CONTENT="tion" SUBS_TYPE="HypPart2" SUBS_CONTENT="consideration"/><SP/><String CONTENT="for"/>'
    for first, second in ((part1 + '<SP/><String CONTENT="I"/><SP/><String CONTENT="I"/>', part2),
                          (part1, '<String CONTENT="1"/><SP/>' + part2)):
        doc = analyze_bytes(_two_lines(first, second), Path("speck.xml"), "alto")
        text = " ".join(p.text for a in doc.articles for p in a.parts)
        assert "much consideration for" in text, text
    kept = part1 + '<SP/><String CONTENT="weather"/>'
    doc = analyze_bytes(_two_lines(kept, part2), Path("word.xml"), "alto")
    assert "weather" in " ".join(ln.text for ln in doc.pages[0].lines)


def test_strings_in_the_box_of_the_string_before_are_alternatives_read_once() -> None:
    """A converter wrote an OCR engine's alternatives as sibling Strings in one box ("oommuttlea eommuttlea
    oemmuttlea" + "Miwmnit", Lancaster Intelligencer 1888 in solr-ocrhighlighting's data): the page prints
    one word, so it is read once (the first reading) and still joined with its second part. A String in
    another box, or in the same box but not among the first's alternatives, is a word of its own."""
    box = 'HPOS="300" VPOS="10" WIDTH="80" HEIGHT="30"'
    part1 = ('<String CONTENT="A" HPOS="10" VPOS="10" WIDTH="20" HEIGHT="30"/><SP/>'
             f'<String CONTENT="commit" SUBS_TYPE="HypPart1" SUBS_CONTENT="committee" {box}>'
             "<ALTERNATIVE>eommittee</ALTERNATIVE></String>"
             f'<String CONTENT="eommit" SUBS_TYPE="HypPart1" SUBS_CONTENT="eommittee" {box}>'
             "<ALTERNATIVE>committee</ALTERNATIVE></String><HYP CONTENT=\"-\"/>")
    part2 = ('<String CONTENT="tee" SUBS_TYPE="HypPart2" SUBS_CONTENT="committee" HPOS="10" VPOS="45" WIDTH="40" '
             'HEIGHT="30"/><SP/><String CONTENT="met" HPOS="60" VPOS="45" WIDTH="40" HEIGHT="30"/>')
    doc = analyze_bytes(_two_lines(part1, part2), Path("alternatives.xml"), "alto")
    text = " ".join(p.text for a in doc.articles for p in a.parts)
    assert "A committee met" in text and "eommit" not in text, text
    twice = ('<String CONTENT="very" HPOS="10" VPOS="10" WIDTH="40" HEIGHT="30"/><SP/>'
             '<String CONTENT="very" HPOS="60" VPOS="10" WIDTH="40" HEIGHT="30"/>')
    doc = analyze_bytes(_two_lines(twice, '<String CONTENT="good"/>'), Path("twice.xml"), "alto")
    assert "very very" in doc.pages[0].lines[0].text
    shared = "".join(f'<String CONTENT="{c}" {box}><ALTERNATIVE>{c}{c}</ALTERNATIVE></String>' for c in "義禮")
    doc = analyze_bytes(_two_lines(shared, '<String CONTENT="說"/>'), Path("shared.xml"), "alto")
    assert doc.pages[0].lines[0].text == "義禮"


def test_strings_without_a_box_of_their_own_are_never_taken_for_alternatives() -> None:
    """Strings with no coordinates, or all boxed at 0,0 with no size (converters write that when they do not
    know), share no "very box": the word after an OCR misreading whose ALTERNATIVE it happens to equal ("tbe",
    an alternative "the", then "the") is printed on the page and stays in the text."""
    for box in ("", 'HPOS="0" VPOS="0" WIDTH="0" HEIGHT="0"'):
        line = (f'<String CONTENT="tbe" {box}><ALTERNATIVE>the</ALTERNATIVE></String><SP/>'
                f'<String CONTENT="the" {box}/><SP/><String CONTENT="end" {box}/>')
        doc = analyze_bytes(_two_lines(line, '<String CONTENT="more"/>'), Path("boxless.xml"), "alto")
        assert doc.pages[0].lines[0].text == "tbe the end", (box, doc.pages[0].lines[0].text)


@pytest.mark.parametrize(("rel", "printed"), [
    ("bnl_lunion_1860-11-30/1860-11-30_01-00001.xml", "Chemins de fer. — Service d'hiver."),
    ("bnf_europeana_pji_1900-06-03/19000603_1-0002.xml", "il est resté ■ dans la langue"),
    ("reichsanzeiger_gt/1847_130_0342.xml", "10 ½ — ⅓ Rthlr."),
])
def test_spaces_beside_dashes_and_ornaments_in_latin_text_are_shown(rel: str, printed: str) -> None:
    """An em dash, ellipsis, middle dot or black square with an SP on either side in a Latin page keeps both
    spaces ("fer.—Service" was shown): only a Chinese font sets these marks on a full em."""
    path = Path(__file__).parents[1] / "data" / "pages" / rel
    doc = analyze_bytes(path.read_bytes(), path, "auto")
    text = "\n".join(p.text for a in doc.articles for p in a.parts)
    assert printed in text
