"""Lines outside a METS logical map (running heads, imprints, unmapped OCR) are in some article.

The article map of a real issue never covers every line: the BnF Journal des Débats 1821 leaves its
folios and imprint out, the Luxemburger Zeitung 1858 some blocks. A line in no article is in no
search result, so the reader gives each page's unmapped lines an article of their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.formats import mets
from reader.segmentation.analyze import analyze_bytes

DATA = Path(__file__).parents[1] / "data"
ISSUES = [
    DATA / "samples" / "mets-alto" / "bnl_luxzeit1858_1858-12-07"
    / "2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml",
    DATA / "pages" / "bnf_europeana_jdpl_1821-08-01" / "18210801_1-METS.xml",
    DATA / "samples" / "mets-alto" / "bl_statesman_1824-02-17" / "0002647_18240217_mets.xml",
]


@pytest.mark.parametrize("path", ISSUES, ids=lambda p: p.parent.name)
def test_every_line_with_text_of_a_mapped_issue_is_in_some_article(path: Path) -> None:
    doc = analyze_bytes(path.read_bytes(), path, "mets")
    shown = {span.line for a in doc.articles for p in a.parts for span in p.spans}
    missing = [ln.id for page in doc.pages for ln in page.lines if ln.text.strip() and ln.id not in shown]
    assert missing == []


def test_unmapped_lines_are_furniture_articles_per_page_and_the_map_is_untouched() -> None:
    path = ISSUES[1]
    doc = mets.read(path.read_bytes(), path)
    unmapped = [a for a in doc.articles if a.id.startswith("unmapped-")]
    assert unmapped, "the BnF issue's map leaves lines out"
    assert all(a.kind == "furniture" and len(a.pages) == 1 for a in unmapped)
    assert [p.text for a in unmapped for p in a.parts] == ["2", "3", "4"]  # the folios the map leaves out
    assert len({a.pages[0] for a in unmapped}) == len(unmapped)
    mapped = [a for a in doc.articles if not a.id.startswith("unmapped-")]
    in_mapped = {s.line for a in mapped for p in a.parts for s in p.spans}
    assert not in_mapped & {s.line for a in unmapped for p in a.parts for s in p.spans}


def test_long_unmapped_text_is_a_notice_and_short_runs_furniture() -> None:
    path = ISSUES[2]  # the BL map starts at word 1131 of page 1: the front-page adverts are in no article
    doc = mets.read(path.read_bytes(), path)
    text = next(a for a in doc.articles if a.id == "unmapped-p1.text")
    assert text.kind == "notice" and all(p.role == "paragraph" and len(p.text) >= 80 for p in text.parts)
    heads = next(a for a in doc.articles if a.id == "unmapped-p1")
    assert "FROM SATURDAY NIGHT'S GAZETTE." in [p.text for p in heads.parts]


def test_a_placeholder_mods_title_gives_way_to_the_printed_heading() -> None:
    path = ISSUES[1]  # the BnF's MODS titles the first article "–"; the page prints "- ALLEMAGNE."
    doc = mets.read(path.read_bytes(), path)
    first = next(a for a in doc.articles if a.id == "DIVL10")
    assert first.title is None
    assert first.headline == "- ALLEMAGNE."
    assert next(a for a in doc.articles if a.id == "DIVL19").headline == "PAYS-BAS-UNIS."  # real titles stay


@pytest.mark.parametrize("title", ["–", "-", "—", " ", "untitled", "Untitled.", "[…]", "[...]", "[ohne Titel]",
                                   "sans titre", "N/A", "?"])
def test_placeholder_titles_are_recognised(title: str) -> None:
    assert mets.placeholder_title(title)


@pytest.mark.parametrize("title", ["FRANCE.", "A", "Untitled Lives", "Nachrichten", "…und andere"])
def test_real_titles_are_not_placeholders(title: str) -> None:
    assert not mets.placeholder_title(title)
