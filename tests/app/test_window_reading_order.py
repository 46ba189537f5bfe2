"""The window reads an article in the one reading order (reader.model.document.reading_order) the command
line and the exports use: the seed article's editor's note, column label, series title and the stray "R"
no longer trail its last paragraph; a poem's closing signature stays where the page prints it."""

from __future__ import annotations

from pathlib import Path

from reader.app.reading import Reading
from reader.model.document import Article, Part, reading_order
from reader.segmentation.analyze import analyze_file

DATA = Path(__file__).parents[1] / "data"


def _roles(*roles: str) -> Article:
    return Article("a", parts=[Part(r, f"{r} {i}") for i, r in enumerate(roles)])


def test_the_seed_article_in_the_window_reads_as_the_page_prints_it() -> None:
    doc = analyze_file(DATA / "text" / "seed_page.txt")
    art = next(a for a in doc.articles if a.headline == "干得好就能看得见")
    shown = Reading.build(art).parts
    assert [sp.role for sp in shown[:6]] == ["column-label", "column-label", "kicker", "headline", "byline",
                                              "editors-note"]
    assert shown[0].display == "■干部状态新观察" and shown[6].display == "浙江绘出干部政绩画像"
    assert (shown[-1].role, shown[-1].display) == ("noise", "R")
    assert shown[-2].display.startswith("“对于渝东北和渝东南的生态功能区")


def test_a_closing_signature_stays_last_in_the_window() -> None:
    mets = DATA / "samples/mets-alto/bnl_luxzeit1858_1858-12-07/2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml"
    art = next(a for a in analyze_file(mets).articles if "Barthélémy" in a.text)
    shown = Reading.build(art).parts
    assert [sp.role for sp in shown[:2]] == ["kicker", "headline"]
    assert (shown[-1].role, shown[-1].display) == ("byline", "Barthélémy")


def test_reading_order_by_role() -> None:
    # a PDF dump: body first, then the headline group with its byline, note, labels and noise
    art = _roles("paragraph", "section-heading", "paragraph", "kicker", "headline", "byline", "editors-note",
                 "column-label", "column-label", "noise")
    assert reading_order(art) == [7, 8, 3, 4, 5, 6, 0, 1, 2, 9]
    # headline, subheadline and bylines interleaved (晶報): the headline group first, then the bylines
    assert reading_order(_roles("headline", "byline", "subheadline", "byline", "paragraph")) == [0, 2, 1, 3, 4]
    # dateline and byline opening the body, headline group after it
    assert reading_order(_roles("dateline", "byline", "paragraph", "kicker", "headline")) == [3, 4, 0, 1, 2]
    # what follows the body with no headline among it closes the article: a signature, an afterword
    assert reading_order(_roles("headline", "paragraph", "paragraph", "byline")) == [0, 1, 2, 3]
    assert reading_order(_roles("headline", "paragraph", "editors-note", "noise", "dateline")) == [0, 1, 2, 4, 3]
    # a photo: caption, credit, headline under the picture
    assert reading_order(_roles("paragraph", "credit", "headline")) == [2, 0, 1]
    # nothing but front matter, nothing at all
    assert reading_order(_roles("byline", "headline")) == [1, 0]
    assert reading_order(Article("empty")) == []
