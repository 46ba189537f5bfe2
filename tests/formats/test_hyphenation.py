"""Every hyphenation the source marks is joined in the article text, in every path a page can take.

ALTO marks a word broken at a line end with ``SUBS_TYPE=HypPart1/HypPart2`` (and a ``HYP``
element or a trailing hyphen). Counted on two real issues with a METS article map (the bundled
Luxemburger Zeitung 1858, 109 marked words; the Journal des Débats 1821 from the BnF) read three
ways: through the map, through the same METS without its map, and each ALTO page alone.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from reader.model.document import Document, Line, Part
from reader.segmentation.analyze import analyze_bytes

DATA = Path(__file__).parents[1] / "data"
LUX = DATA / "samples" / "mets-alto" / "bnl_luxzeit1858_1858-12-07"
LUX_METS = LUX / "2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml"
BNF = DATA / "pages" / "bnf_europeana_jdpl_1821-08-01"
BNF_METS = BNF / "18210801_1-METS.xml"
ISSUES = [(LUX_METS, 109), (BNF_METS, 84)]
#: words the geometric cut still parts. On Luxemburger Zeitung p. 1 the page-foot feuilleton (a poem) was read
#: between the foot of column 2 ("l'ar-") and the head of column 3 ("ticle") until a band of columns filled to one
#: foot was read before what lies under it (geometry._ruled_band); kept to name any word a layout parts again
PARTED_BY_LAYOUT: dict[Path, list[str]] = {LUX_METS: [], BNF_METS: []}


def marked_in_xml(folder: Path, mets_file: Path) -> int:
    """HypPart1 Strings in the issue's ALTO files, counted on the XML itself."""
    n = 0
    for f in sorted(folder.rglob("*.xml")):
        if f == mets_file:
            continue
        for el in etree.parse(str(f)).iter("{*}String", "String"):
            n += (el.get("SUBS_TYPE") or "").lower() == "hyppart1"
    return n


def _position(parts: list[Part]) -> dict[tuple[str, int], tuple[int, int]]:
    """(line id, offset in line) → (part number, offset in the part's text) over every part given."""
    where: dict[tuple[str, int], tuple[int, int]] = {}
    for k, part in enumerate(parts):
        for s in part.spans:
            for i in range(s.end - s.start):
                where[(s.line, s.line_start + i)] = (k, s.start + i)
    return where


def broken_words(doc: Document) -> tuple[int, list[str]]:
    """(hyphenations the reader marked, the ones not joined in the article text).

    A marked line's last word and the next line's first word are joined when the first character
    of the second follows the last letter of the first directly, in one part.
    """
    lines: list[Line] = [ln for page in doc.pages for ln in page.lines]
    parts = [p for a in doc.articles for p in a.parts]
    where = _position(parts)
    marked, broken = 0, []
    for line, nxt in zip(lines, lines[1:], strict=False):
        if not (line.hyphen_word and line.hyphenated and line.words and nxt.words):
            continue
        marked += 1
        w1, w2 = line.words[-1], nxt.words[0]
        stem = w1.text.rstrip("-\u00ad\u2010\u00ac=")
        a = where.get((line.id, w1.start + len(stem) - 1))
        b = where.get((nxt.id, nxt.words[0].start))
        if a is None or b is None or a[0] != b[0] or b[1] != a[1] + 1:
            broken.append(f"{stem}|{w2.text}")
    return marked, broken


def _without_map(mets_file: Path, tmp_path: Path) -> Path:
    """A copy of the issue whose METS has no logical structMap."""
    out = tmp_path / mets_file.parent.name
    shutil.copytree(mets_file.parent, out)
    root = etree.parse(str(mets_file)).getroot()
    for sm in list(root.iter("{http://www.loc.gov/METS/}structMap")):
        if (sm.get("TYPE") or "").upper() == "LOGICAL":
            sm.getparent().remove(sm)
    for link in list(root.iter("{http://www.loc.gov/METS/}structLink")):
        link.getparent().remove(link)
    (out / mets_file.name).write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    return out / mets_file.name


@pytest.mark.parametrize(("mets_file", "expected"), ISSUES, ids=["luxemburger_zeitung", "journal_des_debats"])
def test_every_marked_hyphenation_is_joined_through_the_article_map(mets_file: Path, expected: int | None) -> None:
    doc = analyze_bytes(mets_file.read_bytes(), mets_file, "mets")
    in_xml = marked_in_xml(mets_file.parent, mets_file)
    if expected is not None:
        assert in_xml == expected
    marked, broken = broken_words(doc)
    assert marked == in_xml
    assert broken == []


@pytest.mark.parametrize("mets_file", [m for m, _ in ISSUES], ids=["luxemburger_zeitung", "journal_des_debats"])
def test_every_marked_hyphenation_is_joined_without_the_map(mets_file: Path, tmp_path: Path) -> None:
    bare = _without_map(mets_file, tmp_path)
    doc = analyze_bytes(bare.read_bytes(), bare, "mets")
    assert doc.articles
    marked, broken = broken_words(doc)
    assert marked == marked_in_xml(mets_file.parent, mets_file)
    assert broken == PARTED_BY_LAYOUT[mets_file]


@pytest.mark.parametrize("mets_file", [m for m, _ in ISSUES], ids=["luxemburger_zeitung", "journal_des_debats"])
def test_every_marked_hyphenation_is_joined_in_each_alto_page_alone(mets_file: Path) -> None:
    total, parted = 0, []
    for f in sorted(mets_file.parent.rglob("*.xml")):
        if f == mets_file or not re.search(rb"<(\w+:)?alto\b", f.read_bytes()[:2000]):
            continue
        marked, broken = broken_words(analyze_bytes(f.read_bytes(), f, "alto"))
        parted += broken
        total += marked
    assert total == marked_in_xml(mets_file.parent, mets_file)
    assert parted == PARTED_BY_LAYOUT[mets_file]
