"""METS/ALTO issues: BL and BnL article maps, NDNP layout fallback, MODS, safe file references."""

from __future__ import annotations

import json
import os
import shutil
import socket
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from reader.cli.main import main
from reader.formats import mets
from reader.model.document import Document
from reader.model.errors import SourceError, UnsafeReferenceError
from reader.segmentation.analyze import analyze_bytes

SAMPLES = Path(__file__).parents[1] / "data" / "samples" / "mets-alto"
BL = SAMPLES / "bl_statesman_1824-02-17" / "0002647_18240217_mets.xml"
BNL = SAMPLES / "bnl_luxzeit1858_1858-12-07" / "2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml"
NDNP = SAMPLES / "ndnp_nordstern_1878-01-03" / "1878010301.xml"
M = "{http://www.loc.gov/METS/}"
MODS = "{http://www.loc.gov/mods/v3}"


@pytest.fixture(scope="module")
def bl() -> Document:
    return analyze_bytes(BL.read_bytes(), BL, "mets")


@pytest.fixture(scope="module")
def bnl() -> Document:
    return analyze_bytes(BNL.read_bytes(), BNL, "mets")


@pytest.fixture(scope="module")
def ndnp() -> Document:
    return analyze_bytes(NDNP.read_bytes(), NDNP, "mets")


def _publisher_titles(path: Path) -> dict[str, str]:
    """Logical div id → MODS title, read independently of the reader."""
    tree = etree.parse(str(path))
    titles: dict[str, str] = {}
    dmd: dict[str, str] = {}
    for sec in tree.iter(M + "dmdSec"):
        for ti in sec.iter(MODS + "titleInfo"):
            words = [
                " ".join((e.text or "").split())
                for e in ti
                if e.tag in (MODS + "nonSort", MODS + "title") and (e.text or "").strip()
            ]
            if words:
                dmd[sec.get("ID", "")] = " ".join(words)
                break
    for div in tree.iter(M + "div"):
        for d in (div.get("DMDID") or "").split():
            if d in dmd and div.get("TYPE") in ("ARTICLE", "ADVERT", "ADVERTISEMENT"):
                titles[div.get("ID", "")] = dmd[d]
    return titles


def _check_spans(doc: Document) -> None:
    lines = {ln.id: ln for ln in doc.lines()}
    for a in doc.articles:
        for part in a.parts:
            for s in part.spans:
                assert part.text[s.start : s.end] == lines[s.line].text[s.line_start : s.line_start + s.end - s.start]


def test_bl_statesman_gives_the_26_articles_and_the_advert_of_its_map(bl: Document) -> None:
    kinds = Counter(a.kind for a in bl.articles if not a.id.startswith("unmapped-"))
    assert kinds == {"article": 26, "advertisement": 1}
    # what the map leaves out is kept, per page: short runs as furniture, page 1's adverts as a notice
    assert {a.id: a.kind for a in bl.articles if a.id.startswith("unmapped-")} == {
        "unmapped-p1": "furniture", "unmapped-p1.text": "notice", "unmapped-p2": "furniture",
        "unmapped-p3": "furniture", "unmapped-p4": "furniture"}
    assert [a.id for a in bl.articles if a.kind == "article"] == [f"art{n:04d}" for n in range(1, 27)]
    assert [p.number for p in bl.pages] == [1, 2, 3, 4]
    assert bl.metadata["publication"] == "The Statesman" and bl.metadata["date"] == "1824-02-17"
    assert not bl.warnings
    _check_spans(bl)


def test_bl_headlines_are_the_publishers_where_mods_has_them(bl: Document) -> None:
    titles = _publisher_titles(BL)
    assert len(titles) >= 15
    by_id = {a.id: a for a in bl.articles}
    for div_id, title in titles.items():
        assert by_id[div_id].headline == title
    assert by_id["art0002"].headline == "COAL DUTIES."
    assert "COAL DUTIES" in by_id["art0002"].parts[0].text  # the headline area itself is read too


def test_bl_string_ranges_resolve_in_their_own_file(bl: Document) -> None:
    # word ids repeat in every ALTO file of the issue: each range is read in the file its area names
    by_id = {a.id: a for a in bl.articles}
    assert by_id["art0001"].pages == [1]
    assert by_id["art0001"].paragraphs()[0].text.startswith("This day")
    assert by_id["art0010"].pages == [2, 3]
    assert all(lid.startswith("p2.") or lid.startswith("p3.") for lid in by_id["art0010"].line_ids())
    # the advert's areas are adverts
    (ad,) = [a for a in bl.articles if a.kind == "advertisement"]
    assert {p.role for p in ad.parts} == {"advertisement"}
    # no character is claimed twice by two articles (ranges are inclusive but do not overlap)
    seen: set[tuple[str, int]] = set()
    for a in bl.articles:
        for part in a.parts:
            for s in part.spans:
                for k in range(s.line_start, s.line_start + s.end - s.start):
                    assert (s.line, k) not in seen
                    seen.add((s.line, k))


def test_bnl_gives_its_12_articles_and_5_adverts_with_their_headings(bnl: Document) -> None:
    kinds = Counter(a.kind for a in bnl.articles)
    assert kinds["article"] == 12 and kinds["advertisement"] == 5
    titles = _publisher_titles(BNL)
    articles = [a for a in bnl.articles if a.kind == "article"]
    for a in articles:
        assert a.headline, a.id
        assert a.first("headline"), a.id  # the printed heading is a part, not only metadata
        if a.id in titles:
            assert a.headline == titles[a.id]
    feuilleton = next(a for a in articles if a.headline == "FEUILLETON.")
    assert feuilleton.kicker is None or feuilleton.parts[0].role == "kicker"
    assert [p.role for p in feuilleton.parts][:2] == ["kicker", "headline"]
    assert feuilleton.pages == [1, 2]
    assert any(p.role == "byline" for p in feuilleton.parts)  # the AUTHOR div
    assert bnl.metadata["publication"].startswith("Luxemburger Zeitung") and bnl.metadata["date"] == "1858-12-07"
    assert [p.label for p in bnl.pages] == ["1", "2", "3", "4"]
    _check_spans(bnl)


def test_a_sentence_going_on_over_a_page_turn_is_one_paragraph(bnl: Document) -> None:
    """Seen by eye: "… Bereits hat für die" ended a paragraph at the foot of page 1 and "Dappenthal-Frage die k. k.
    österreichische Regierung …" opened another at the top of page 2 — one sentence cut in two. A paragraph
    ending mid-sentence on one page goes on in the first of the next; one ending on a full stop stays whole."""
    texts = {p.text for a in bnl.articles for p in a.parts}
    assert any("Bereits hat für die Dappenthal" in t for t in texts)
    assert any("Du moins, c'est ainsi que" in t for t in texts)
    assert any(t.rstrip().endswith("Il fallait des miracles.") for t in texts), "a paragraph ending on a full stop"


def test_bnl_paragraph_divs_are_paragraphs(bnl: Document) -> None:
    revue = next(a for a in bnl.articles if a.headline == "Revue politique.")
    assert [p.role for p in revue.parts] == ["headline", "paragraph", "paragraph", "paragraph"]
    assert revue.paragraphs()[0].text.startswith("Les bruits de guerre")


def test_ndnp_has_no_article_map_so_layout_decides(ndnp: Document) -> None:
    assert [p.number for p in ndnp.pages] == list(range(1, 9))
    assert ndnp.metadata["date"] == "1878-01-03"
    assert ndnp.metadata["publication"].startswith("Der Nordstern")
    kinds = Counter(a.kind for a in ndnp.articles)
    assert kinds["article"] > 20
    assert any(len(a.pages) > 1 for a in ndnp.articles)
    heads = [a.headline for a in ndnp.articles]
    assert "Vom Auslande." in heads and "Don Carlos." in heads
    # "Telegraph." heads a section of items with their own headings: a rubric, page furniture
    assert any("Telegraph." in a.text for a in ndnp.articles if a.kind == "furniture")
    _check_spans(ndnp)


def test_analyze_json_on_every_mets_issue(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["analyze", "--json", str(BL), str(BNL), str(NDNP)])
    out: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    assert status == 0
    assert [r["format"] for r in out] == ["mets"] * 3
    assert [len(r["pages"]) for r in out] == [4, 4, 8]
    assert all(a["pages"] for r in out for a in r["articles"])


# ----------------------------------------------------------------------------- references


def _package(tmp_path: Path, hrefs: list[str]) -> Path:
    """A METS in tmp_path/pkg whose pages are ``hrefs``; pkg/page.xml and tmp_path/outside.xml exist."""
    pkg = tmp_path / "pkg"
    pkg.mkdir(exist_ok=True)
    src = Path(__file__).parents[1] / "data" / "samples" / "alto" / "v3_tesseract410" / "testfile.xml"
    shutil.copy(src, pkg / "page.xml")
    shutil.copy(src, tmp_path / "outside.xml")
    files = "".join(
        f'<mets:file ID="f{k}" MIMETYPE="text/xml"><mets:FLocat LOCTYPE="URL" xlink:href="{h}"/></mets:file>'
        for k, h in enumerate(hrefs)
    )
    divs = "".join(f'<mets:div TYPE="page" ORDER="{k + 1}"><mets:fptr FILEID="f{k}"/></mets:div>'
                   for k in range(len(hrefs)))
    xml = (
        '<?xml version="1.0"?><mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f'<mets:fileSec><mets:fileGrp USE="Text">{files}</mets:fileGrp></mets:fileSec>'
        f'<mets:structMap TYPE="PHYSICAL"><mets:div TYPE="issue">{divs}</mets:div></mets:structMap></mets:mets>'
    )
    path = pkg / "issue_mets.xml"
    path.write_text(xml, encoding="utf-8")
    return path


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


BAD_HREFS = [
    "../outside.xml",
    "sub/../../outside.xml",
    "%2e%2e/outside.xml",
    "/etc/passwd",
    "file:///etc/passwd",
    "file://server/share/page.xml",
    "http://example.com/page.xml",
    "https://example.com/page.xml",
    "C:\\Windows\\win.ini",
]


@pytest.mark.parametrize("href", BAD_HREFS)
def test_references_leaving_the_folder_are_refused_as_warnings(tmp_path: Path, href: str, no_network: None) -> None:
    path = _package(tmp_path, ["page.xml", href, "file://./page.xml"])
    doc = analyze_bytes(path.read_bytes(), path, "mets")
    assert [p.number for p in doc.pages] == [1, 3]  # the two safe references are read
    (warning,) = doc.warnings
    assert warning.startswith(str(path) + ": ") and href in warning and warning.endswith(".")
    assert doc.articles


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    path = _package(tmp_path, ["page.xml", "link.xml"])
    try:
        os.symlink(tmp_path / "outside.xml", path.parent / "link.xml")
    except OSError:
        pytest.skip("symlinks are not available here")
    doc = analyze_bytes(path.read_bytes(), path, "mets")
    assert len(doc.pages) == 1 and "link.xml" in doc.warnings[0]


@pytest.mark.parametrize("href", BAD_HREFS[:4])
def test_safe_path_raises_a_typed_error_naming_the_mets_file(tmp_path: Path, href: str) -> None:
    with pytest.raises(UnsafeReferenceError) as info:
        mets.safe_path(href, tmp_path / "pkg" / "m.xml")
    assert str(info.value).startswith(str(tmp_path / "pkg" / "m.xml"))


def test_missing_and_broken_pages_are_warnings_and_the_issue_is_still_read(tmp_path: Path) -> None:
    path = _package(tmp_path, ["page.xml", "missing.xml", "broken.xml"])
    (path.parent / "broken.xml").write_text("<alto><Layout><Page>", encoding="utf-8")
    doc = analyze_bytes(path.read_bytes(), path, "mets")
    assert len(doc.pages) == 1
    assert len(doc.warnings) == 2
    assert "missing.xml" in doc.warnings[0] and "broken.xml" in doc.warnings[1]


def test_an_issue_with_no_readable_page_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           no_network: None) -> None:
    path = _package(tmp_path, ["../outside.xml", "http://example.com/x.xml"])
    with pytest.raises(SourceError) as info:
        analyze_bytes(path.read_bytes(), path, "mets")
    message = str(info.value)
    assert message.startswith(str(path)) and message.count(str(path)) == 1  # each page's reason, not its sentence
    assert ".;" not in message and ".)" not in message and message.endswith(".")
    status = main(["analyze", "--json", str(path), str(BNL)])
    captured = capsys.readouterr()
    assert status == 1 and captured.err.count("\n") == 1 and str(path) in captured.err
    assert json.loads(captured.out)["format"] == "mets"  # the batch went on


@pytest.mark.parametrize(
    "xml",
    [
        '<?xml version="1.0"?><!DOCTYPE mets [<!ENTITY x SYSTEM "file:///etc/passwd">]><mets>&x;</mets>',
        '<?xml version="1.0"?><mets xmlns="http://www.loc.gov/METS/"><fileSec>',
        '<?xml version="1.0"?><mets xmlns="http://www.loc.gov/METS/"/>',
    ],
    ids=["external-entity", "truncated", "no-pages"],
)
def test_hostile_or_broken_mets_gives_one_clear_error(tmp_path: Path, xml: str) -> None:
    path = tmp_path / "m.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        analyze_bytes(path.read_bytes(), path, "mets")
    assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)


def test_the_page_image_beside_the_mets_file_is_attached(tmp_path: Path) -> None:
    from PIL import Image

    path = _package(tmp_path, ["page.xml"])
    Image.new("L", (1500, 2102), 255).save(path.parent / "scan.png")  # the ALTO page is 750 × 1051
    xml = path.read_text(encoding="utf-8")
    xml = xml.replace(
        "</mets:fileGrp>",
        '</mets:fileGrp><mets:fileGrp USE="Images"><mets:file ID="img" MIMETYPE="image/png">'
        '<mets:FLocat LOCTYPE="URL" xlink:href="file://./scan.png"/></mets:file></mets:fileGrp>',
    ).replace('<mets:fptr FILEID="f0"/>', '<mets:fptr FILEID="img"/><mets:fptr FILEID="f0"/>')
    path.write_text(xml, encoding="utf-8")
    doc = analyze_bytes(path.read_bytes(), path, "mets")
    assert doc.pages[0].image == str(path.parent / "scan.png")
    assert doc.pages[0].image_scale == pytest.approx(2.0)


def test_bl_paragraphs_run_on_across_columns_and_pages(bl: Document) -> None:
    police = next(a for a in bl.articles if a.headline == "POLICE.")
    assert any("accosted by the prisoner, ith" in p.text for p in police.paragraphs())
    # a paragraph that leaves page 2 at the foot of a column and goes on at the top of page 3
    (spanning,) = [p for a in bl.articles for p in a.paragraphs() if "p3.P3_TL00001" in p.line_ids]
    assert any(lid.startswith("p2.") for lid in spanning.line_ids)
