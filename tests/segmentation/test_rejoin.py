"""No article or part boundary between the two halves of a word the source marks as hyphenated."""

from __future__ import annotations

from reader.model.document import Article, Document, Line, Page
from reader.segmentation.analyze import rejoin_words
from reader.text.reflow import reflow_lines


def _doc() -> Document:
    lines = [Line(id="l1", text="At Way Down Prices.", box=(10, 10, 300, 40)),
             Line(id="l2", text="This is Your Oppor-", box=(10, 50, 300, 80), hyphenated=True),
             Line(id="l3", text="tunity. Williamson & Foster,", box=(10, 90, 600, 160)),
             Line(id="l4", text="32 East King Street.", box=(10, 170, 300, 200))]
    ad = Article(id="a1", kind="advert", parts=[reflow_lines("paragraph", lines[:2])], pages=[1])
    cut = Article(id="a2", parts=[reflow_lines("headline", lines[2:3]), reflow_lines("paragraph", lines[3:])],
                  pages=[1])
    return Document(source="lancaster.xml", format="alto", pages=[Page(number=1, lines=lines)], articles=[ad, cut])


def test_an_article_cut_inside_a_marked_hyphenated_word_is_joined_to_the_one_it_continues() -> None:
    """Lancaster Intelligencer 1888: "This la Your Oppor-" ended one advert and "tunity. VilHamsen & Fester,"
    (set large) began the next as its headline; "Opportunity" could not be found."""
    doc = _doc()
    rejoin_words(doc)
    assert [a.id for a in doc.articles] == ["a1"]
    first, *rest = doc.articles[0].parts
    assert first.text == "At Way Down Prices. This is Your Opportunity. Williamson & Foster,"
    assert first.role == "paragraph" and [p.text for p in rest] == ["32 East King Street."]
    assert {s.line for s in first.spans} == {"l1", "l2", "l3"}


def test_an_article_after_an_unhyphenated_line_stays_an_article() -> None:
    doc = _doc()
    doc.pages[0].lines[1].hyphenated = False
    rejoin_words(doc)
    assert [a.id for a in doc.articles] == ["a1", "a2"]


def test_an_ornament_marked_as_hyphenated_joins_nothing() -> None:
    """Ashdown 1920 (hOCR) ends items with an ornament read "-—o" + a soft hyphen, Prescott 1920 (ALTO) with
    "■-o-" marked HypPart1: one letter between dashes begins no word, and the next item stays an item."""
    doc = _doc()
    line = doc.pages[0].lines[1]
    line.text = "-—o\u00ad"
    doc.articles[0].parts = [reflow_lines("paragraph", doc.pages[0].lines[:2])]
    rejoin_words(doc)
    assert [a.id for a in doc.articles] == ["a1", "a2"]


def test_the_lines_are_mapped_once_per_document_not_once_per_article(monkeypatch) -> None:  # noqa: ANN001
    """A METS issue without an article map is one document of all its pages: mapping every line of the issue
    again for each of its articles made rejoining quadratic (16 pages of 600 lines, 1,600 articles: 2.2 s)."""
    from reader.model.document import Part, Span
    from reader.text import reflow

    lines = [Line(id=f"l{i}", text=f"line {i}") for i in range(60)]
    articles = [Article(id=f"a{k}", parts=[Part("paragraph", ln.text, [Span(0, len(ln.text), ln.id, 0)])
                                           for ln in lines[k:k + 6]], pages=[1]) for k in range(0, 60, 6)]
    doc = Document(source="issue.xml", format="mets", pages=[Page(number=1, lines=lines)], articles=articles)
    made: list[int] = []
    original = reflow.WordGoesOn.__init__

    def counted(self, source_lines, block_of=None) -> None:  # noqa: ANN001
        made.append(len(source_lines))
        original(self, source_lines, block_of)

    monkeypatch.setattr(reflow.WordGoesOn, "__init__", counted)
    rejoin_words(doc)
    assert len(doc.articles) == 10 and made == [60]


def test_a_headline_broken_inside_a_marked_word_keeps_its_second_line() -> None:
    """A two-line headline whose second line the segmenter took for a subheadline ("… to Fill Va-" | "cancy in
    U. S. Senate.", the lines set in two styles): a word the source marks as hyphenated cannot be half headline and
    half subheadline, and "Vacancy" must be found. The display part it runs on into is the same headline."""
    lines = [Line(id="l1", text="Will Hays to Fill Va-", box=(10, 10, 300, 40), hyphenated=True),
             Line(id="l2", text="cancy in U. S. Senate.", box=(10, 50, 300, 80)),
             Line(id="l3", text="WASHINGTON, November 15.", box=(10, 90, 300, 110))]
    article = Article(id="a1", parts=[reflow_lines("headline", lines[:1]), reflow_lines("subheadline", lines[1:2]),
                                      reflow_lines("paragraph", lines[2:])], pages=[1])
    doc = Document(source="star.xml", format="alto", pages=[Page(number=1, lines=lines)], articles=[article])
    rejoin_words(doc)
    parts = doc.articles[0].parts
    assert [(p.role, p.text) for p in parts] == [("headline", "Will Hays to Fill Vacancy in U. S. Senate."),
                                                 ("paragraph", "WASHINGTON, November 15.")]
    assert {s.line for s in parts[0].spans} == {"l1", "l2"}


def test_a_word_half_set_apart_later_in_the_reading_order_returns_to_its_article() -> None:
    """The second half of a marked hyphenation read as noise ("prac-" ends a paragraph; its line "ti- e", garbled
    at a column's foot, went with the page's specks into a furniture article listed after other articles): it is
    text of the article it continues, not lost to search."""
    lines = [Line(id="l1", text="in violation of international law and prac-", box=(10, 10, 300, 40),
                  hyphenated=True),
             Line(id="l2", text="ti- e", box=(10, 50, 60, 70)),
             Line(id="l3", text="SEALS WITH BALLOONS.", box=(400, 10, 700, 40)),
             Line(id="l4", text="The seals were seen.", box=(400, 50, 700, 80))]
    body = Article(id="a1", parts=[reflow_lines("paragraph", lines[:1])], pages=[1])
    other = Article(id="a2", parts=[reflow_lines("headline", lines[2:3]), reflow_lines("paragraph", lines[3:])],
                    pages=[1])
    speck = Article(id="a3", kind="furniture", parts=[reflow_lines("noise", [Line(id="l0", text="i")]),
                                                      reflow_lines("noise", lines[1:2])], pages=[1])
    doc = Document(source="star.xml", format="alto", pages=[Page(number=1, lines=lines)],
                   articles=[body, other, speck])
    rejoin_words(doc)
    assert [a.id for a in doc.articles] == ["a1", "a2", "a3"]
    assert [(p.role, p.text) for p in doc.articles[0].parts] == [
        ("paragraph", "in violation of international law and practi- e")]
    assert [p.text for p in doc.articles[2].parts] == ["i"]  # the other specks stay where they were
    # a speck article left empty goes
    doc2 = Document(source="star.xml", format="alto", pages=doc.pages, articles=[
        Article(id="b1", parts=[reflow_lines("paragraph", lines[:1])], pages=[1]),
        Article(id="b3", kind="furniture", parts=[reflow_lines("noise", lines[1:2])], pages=[1])])
    rejoin_words(doc2)
    assert [a.id for a in doc2.articles] == ["b1"]


def test_a_sign_off_marked_as_hyphenated_does_not_run_on_into_a_word_in_capitals() -> None:
    """Little River News 1917: the OCR marked the stop of a meat market's card's sign-off as a hyphenation ("C. N.
    THILL, Prop-") and the next card, "FARM LOANS WANTED" / …, was joined to it as the word's second half. A word's
    first half in lower case goes on in no word set in capitals."""
    lines = [Line(id="l1", text="City Meat Market", box=(10, 10, 300, 40)),
             Line(id="l2", text="C. N. THILL, Prop-", box=(10, 50, 300, 80), hyphenated=True),
             Line(id="l3", text="FARM LOANS WANTED", box=(10, 120, 300, 150)),
             Line(id="l4", text="Ashdown, Arkansas", box=(10, 170, 300, 200))]
    card = Article(id="a1", kind="advertisement", parts=[reflow_lines("advertisement", lines[:2])], pages=[1])
    loans = Article(id="a2", kind="advertisement", parts=[reflow_lines("advertisement", lines[2:])], pages=[1])
    doc = Document(source="nomatch.html", format="alto", pages=[Page(number=1, lines=lines)], articles=[card, loans])
    rejoin_words(doc)
    assert [a.id for a in doc.articles] == ["a1", "a2"]
