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

    def counted(self, source_lines) -> None:  # noqa: ANN001
        made.append(len(source_lines))
        original(self, source_lines)

    monkeypatch.setattr(reflow.WordGoesOn, "__init__", counted)
    rejoin_words(doc)
    assert len(doc.articles) == 10 and made == [60]
