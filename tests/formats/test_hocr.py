"""hOCR: title properties, hierarchies from full to lines only, vertical text inferred, pairs with ALTO."""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from reader.formats import hocr
from reader.model.document import Document
from reader.model.errors import FormatError
from reader.segmentation.analyze import analyze_file

HOCR = Path(__file__).parents[1] / "data" / "samples" / "hocr"
WETZEL = HOCR / "tesseract303_wetzel_1901" / "wetzel_reisebegleiter_1901_0021.hocr"
ABBYY = HOCR / "abbyy_mannheim_417576986_0012" / "417576986_0012.hocr"
KRAKEN = HOCR / "kraken08_bw_example" / "kraken_bw_example.hocr"
JP = HOCR / "gcv2hocr_japanese_vertical" / "jp_vert.hocr"

_cache: dict[Path, Document] = {}


def doc_of(path: Path) -> Document:
    if path not in _cache:
        _cache[path] = analyze_file(path)
    return _cache[path]


def test_title_properties() -> None:
    title = "bbox 98 208 653 236; baseline -0.002 -5; x_wconf 78; x_fsize 11.5"
    assert hocr._bbox(title) == (98, 208, 653, 236)
    assert hocr._confidence(title) == pytest.approx(0.78)
    assert hocr._font_size(title) == 11.5
    start, end = hocr._baseline(title, hocr._bbox(title)) or ((0, 0), (0, 0))
    assert start == (98, 231) and end[1] == pytest.approx(231 - 0.002 * 555)
    assert hocr._confidence("bbox 86 61 152 101, x_confs 0.9 0.8 1.0") == pytest.approx(0.9)
    assert hocr._image_ref('image "a b.jpg"; bbox 0 0 1 1') == "a b.jpg"
    assert hocr._image_ref("bbox 0 0 924 1624, image tests/resources/bw.png") == "tests/resources/bw.png"
    assert hocr._image_ref("image ; bbox 0 0 702 1558") is None


def test_tesseract_full_hierarchy() -> None:
    doc = doc_of(WETZEL)
    page = doc.pages[0]
    assert (page.width, page.height) == (800, 1095)
    assert page.image is None  # the 800px JPEG it names is not here
    line = page.line_index()["p1.line_1_2"]
    assert line.text.startswith("Schachteln und Packete, die man tnit sich")
    assert line.words[0].text == "Schachteln" and line.words[0].confidence == pytest.approx(0.78)
    assert line.words[1].start == len("Schachteln ")
    assert line.baseline is not None
    assert any(a.kind == "furniture" and a.text == "..-15-." for a in doc.articles)


def test_kraken_lines_only_with_space_segments_and_image() -> None:
    doc = doc_of(KRAKEN)
    page = doc.pages[0]
    assert (page.width, page.height) == (924, 1624)
    assert page.image == str(KRAKEN.with_suffix(".png")) and page.image_scale == 1.0
    lines = page.line_index()
    assert lines["p1.line_1"].text == "H I S T O I R E"  # spaces are segments of their own in kraken
    assert all(ln.words for ln in page.lines)
    assert {b.order for b in page.blocks} == {None}  # no paragraphs: the geometry orders the blocks


def test_vertical_page_declared_ltr_is_read_in_columns_right_to_left() -> None:
    doc = doc_of(JP)
    page = doc.pages[0]
    assert page.vertical
    # bbox 0 0 0 0 on ocr_page: the size comes from the image beside it (its title names test.jpg)
    assert (page.width, page.height) == (826, 1169) and page.image == str(JP.with_suffix(".jpg"))
    # every non-empty source word is kept in a column (4 of the 700 words are empty)
    assert sum(len(ln.words) for ln in page.lines) == 696
    xs = [ln.box[2] for b in page.blocks for ln in b.lines if ln.box]
    first = doc.articles[0]
    assert first.headline == "光学文字認識"
    body = first.paragraphs()[0].text
    assert body.startswith("光学文字認識(こうがくもじにんしき、Optical character recognition )は、活字の文書の画像")
    # inside each block the columns run right to left
    for block in page.blocks:
        rights = [ln.box[2] for ln in block.lines if ln.box]
        assert rights == sorted(rights, reverse=True)
    assert xs


def test_words_in_strong_and_em_and_single_quotes(tmp_path: Path) -> None:
    f = tmp_path / "p.hocr"
    f.write_text(
        "<html xmlns='http://www.w3.org/1999/xhtml'><body>"
        "<div class='ocr_page' title='bbox 0 0 400 100'>"
        "<span class='ocr_line' id='l1' title=\"bbox 10 10 300 30; x_fsize 12\">"
        "<span class='ocrx_word' title='bbox 10 10 60 30; x_wconf 90'><strong>Hello</strong></span> "
        "<em><span class='ocrx_word' title='bbox 70 10 120 30; x_wconf 80'>world</span></em>"
        "</span></div></body></html>", encoding="utf-8")
    doc = analyze_file(f)
    line = doc.pages[0].lines[0]
    assert line.text == "Hello world" and line.font_size == 12
    assert [w.confidence for w in line.words] == [pytest.approx(0.9), pytest.approx(0.8)]


@pytest.mark.parametrize("xmlns", [" xmlns='http://www.w3.org/1999/xhtml'", ""])
def test_a_words_ocr_alternatives_read_as_its_chosen_reading(tmp_path: Path, xmlns: str) -> None:
    """hOCR's alternatives (``<span class='alternatives'><ins class='alt'>UTAH</ins><del class='alt'>UTAR</del>…``):
    the ins is the reading, the dels are readings the engine did not choose. They were run together — "UTAHUTARVTA"
    for UTAH, one word in five of the Ogden Standard 1909 page — and search could not find the words."""
    f = tmp_path / "p.hocr"
    f.write_text(
        f"<html{xmlns}><body><div class='ocr_page' title='bbox 0 0 400 100'>"
        "<span class='ocr_line' id='l1' title='bbox 10 10 300 30'>"
        "<span class='ocrx_word' title='bbox 10 10 60 30'>OGDEN</span> "
        "<span class='ocrx_word' title='bbox 70 10 120 30'><span class='alternatives'><ins class='alt'>UTAH</ins>"
        "<del class='alt'>UTAR</del><del class='alt'>VTA</del></span></span> "
        "<span class='ocrx_word' title='bbox 130 10 180 30'>Aug<span class='alternatives'><ins class='alt'>6</ins>"
        "<del class='alt'>G6</del></span>,</span>"
        "</span></div></body></html>", encoding="utf-8")
    doc = analyze_file(f)
    assert doc.pages[0].lines[0].text == "OGDEN UTAH Aug6,"


def test_html_that_is_not_xml_falls_back_on_the_html_parser(tmp_path: Path) -> None:
    f = tmp_path / "p.html"
    f.write_text("<!DOCTYPE html><html><body><div class=ocr_page title='bbox 0 0 100 100'><br>"
                 "<span class=ocr_line title='bbox 1 1 90 20'>A &amp; B<br></span></div></body></html>",
                 encoding="utf-8")
    doc = analyze_file(f)
    assert doc.pages[0].lines[0].text == "A & B"


@pytest.mark.parametrize("body,why", [
    ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     "<html><body><div class='ocr_page'>&x;</div></body></html>", "external entity"),
    ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><div class="ocr_page" title="bbox 0 0 9 9">'
     '<span class="ocr_line">cut', "not well-formed"),
    ("<html><body><div class='ocr_page'><span class='ocr_line'>cut", "truncated"),
    ("<html><body><p>no page here</p></body></html>", "ocr_page"),
])
def test_broken_and_hostile_hocr_give_one_clear_error(tmp_path: Path, body: str, why: str) -> None:
    f = tmp_path / "bad.hocr"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(FormatError) as err:
        analyze_file(f)
    assert str(err.value).startswith(str(f)) and why in str(err.value)


def _flat_lines(doc: Document) -> str:
    # ALTO writes a marked line-end hyphen as U+00AD, hOCR as '-': the same character for this comparison
    return "".join("".join(ln.text.split()) for ln in doc.lines()).replace("\u00ad", "-")


@pytest.mark.parametrize("hocr_path", [ABBYY, WETZEL], ids=["abbyy", "tesseract"])
def test_the_alto_hocr_pairs_agree(hocr_path: Path) -> None:
    alto_path = hocr_path.with_name(hocr_path.name.replace(".hocr", ".alto.xml"))
    a, b = doc_of(hocr_path), analyze_file(alto_path)
    ratio = difflib.SequenceMatcher(None, _flat_lines(a), _flat_lines(b), autojunk=False).ratio()
    assert ratio >= 0.98
    # the reflowed articles carry the same characters too (de-hyphenated alike), however they are cut
    ta = Counter("".join("".join(x.text.split()) for x in a.articles))
    tb = Counter("".join("".join(x.text.split()) for x in b.articles))
    shared = sum((ta & tb).values())
    assert 2 * shared / (sum(ta.values()) + sum(tb.values())) >= 0.98


ORDINE = Path(__file__).parents[1] / "data" / "hocr" / "ordine_nuovo_1924-03-01_p2.hocr"
COBURG = Path(__file__).parents[1] / "data" / "pages" / "hocr_coburger_zeitung_1928-08-29" / "bsb00001166_01675.hocr"


def _read(path: Path) -> Document:
    return hocr.read(path.read_bytes(), path)


def test_an_engine_caption_is_a_block_hint_not_a_line_role() -> None:
    # Tesseract makes the body line "questo meccanismo, tutto questo arma-" a paragraph of its own tagged
    # ocr_caption: the block says caption (a hint the layout checks against pictures), the line no role
    page = _read(ORDINE).pages[0]
    line = next(ln for ln in page.lines if ln.text.startswith("questo meccanismo"))
    block = next(b for b in page.blocks if line in b.lines)
    assert block.type == "caption" and line.type is None
    assert {b.type for b in page.blocks} == {"text", "caption"}


def test_line_classes_type_the_lines_and_blocks_they_make_up(tmp_path: Path) -> None:
    # the same real page with one of its one-line paragraphs re-tagged the way Tesseract tags a heading
    # block, and the page's first paragraph set inside an ABBYY-style page-margin ocr_header container
    text = ORDINE.read_text(encoding="utf-8")
    root = etree.fromstring(text.encode())
    pars = [p for p in root.iter("{*}p", "p") if "ocr_par" in (p.get("class") or "")]
    one = next(p for p in pars if len([ln for ln in p if "ocr_line" in (ln.get("class") or "")]) == 1)
    line_el = next(ln for ln in one if "ocr_line" in (ln.get("class") or ""))
    line_el.set("class", "ocr_header")
    first = pars[0]
    wrapper = etree.SubElement(first.getparent(), first.tag, {"class": "ocr_header", "title": first.get("title")})
    first.getparent().replace(first, wrapper)
    wrapper.append(first)
    f = tmp_path / "p.hocr"
    f.write_bytes(etree.tostring(root))
    page = _read(f).pages[0]
    heading = next(b for b in page.blocks if b.id.endswith(one.get("id")))
    assert heading.type == "heading" and [ln.type for ln in heading.lines] == ["headline"]
    margin = next(b for b in page.blocks if b.id.endswith(first.get("id")))
    assert margin.type == "header" and {ln.type for ln in margin.lines} == {"furniture"}
    assert sum(ln.text == margin.lines[0].text for ln in page.lines) == 1  # the container is not a line itself


def test_soft_hyphens_mark_the_line_and_the_word_is_joined() -> None:
    doc = analyze_file(COBURG)
    lines = [ln for p in doc.pages for ln in p.lines]
    soft = [ln for ln in lines if ln.text.endswith("\u00ad")]
    assert len(soft) == 105 and all(ln.hyphenated for ln in soft)
    text = " ".join(p.text for a in doc.articles for p in a.parts)
    assert "\u00ad" not in text
    for word in ("Verhältnisse", "Regierung", "Zeremoniell", "Eingeborenen"):
        assert word in text


def test_html_character_entities_are_the_characters_they_name() -> None:
    """XHTML hOCR of Chronicling America writes soft hyphens as &shy; (no DTD is read, so the parser leaves the
    entity as it is): the line read "shop&shy;" and "shopping" could not be found. The entity is its character,
    the marked hyphenation is joined, and the word is whole."""
    from reader.segmentation.analyze import analyze_file

    folder = Path(__file__).parents[1] / "data" / "pages" / "hocr_ashdown_ark_1922-12-13"
    path = folder / "sn90050316_1922_12_13_8.html"
    doc = analyze_file(path)
    lines = [ln.text for p in doc.pages for ln in p.lines]
    assert not any("&shy;" in t or "&" in t and ";" in t.split("&", 1)[1][:8] for t in lines)
    assert sum(t.endswith("\u00ad") for t in lines) == 33
    text = "\n".join(a.text for a in doc.articles)
    assert "shopping in Ashdown" in text and "shop\u00ad" not in text
