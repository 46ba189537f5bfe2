"""A heading left last in an article heads the next one (issue 15, seg53). The Reichsanzeiger of 19 May 1881
(tests/data/heldout4, its notices' column) sets "Aufgebot." at a column's foot and the notice's text, "Marie Klett,
geb. Rieger, in Heilbronn …", at the next column's head: the rules made the heading a crosshead of the notice above
("… Königliches Amtsgericht. II." / "Aufgebot.") and the notice below an unheaded article. A heading with no text of
its article after it is no closing line: it goes over the page's next article when that one has no headline."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reader.model.document import Article, Document, Part
from reader.segmentation.analyze import analyze_file

PAGE = Path(__file__).resolve().parents[1] / "data" / "heldout4" / "reichsanzeiger_gt" / "1881_115_0163.xml"


def _article(n: int, *parts: tuple[str, str]) -> Article:
    return Article(id=f"a{n}", parts=[Part(role, text) for role, text in parts], pages=[1])


def _moved(articles: list[Article]) -> list[list[tuple[str, str]]]:
    from reader.segmentation.geometry import _trailing_heads_moved

    return [[(p.role, p.text) for p in a.parts] for a in _trailing_heads_moved(articles)]


def test_a_heading_left_last_heads_the_unheaded_article_below() -> None:
    above = _article(1, ("headline", "Aufgebot."), ("paragraph", "Das unter Nr. 31815 in der Colberger …"),
                     ("paragraph", "Königliches Amtsgericht. II."), ("section-heading", "Aufgebot."))
    below = _article(2, ("paragraph", "Marie Klett, geb. Rieger, in Heilbronn hat das Aufgebot …"))
    assert _moved([above, below]) == [
        [("headline", "Aufgebot."), ("paragraph", "Das unter Nr. 31815 in der Colberger …"),
         ("paragraph", "Königliches Amtsgericht. II.")],
        [("headline", "Aufgebot."), ("paragraph", "Marie Klett, geb. Rieger, in Heilbronn hat das Aufgebot …")]]


def test_a_heading_stays_over_a_headed_article_another_page_or_nothing() -> None:
    def above() -> Article:
        return _article(1, ("paragraph", "Königliches Amtsgericht. II."), ("section-heading", "Aufgebot."))

    headed = _article(2, ("headline", "Oeffentliche Zuſtellung."), ("paragraph", "Die Ehefrau des …"))
    assert _moved([above(), headed])[0][-1] == ("section-heading", "Aufgebot.")
    other_page = _article(2, ("paragraph", "Marie Klett, geb. Rieger, …"))
    other_page.pages = [2]
    assert _moved([above(), other_page])[0][-1] == ("section-heading", "Aufgebot.")
    assert _moved([above()])[0][-1] == ("section-heading", "Aufgebot.")
    only_heads = _article(1, ("headline", "Aufgebot."))  # no text of its own: nothing to end
    assert _moved([only_heads, _article(2, ("paragraph", "Marie Klett, …"))])[0] == [("headline", "Aufgebot.")]


@cache
def _doc() -> Document:
    return analyze_file(PAGE)


def test_reichsanzeiger_1881_notices_under_their_own_heads() -> None:
    doc = _doc()
    notices = {a.parts[-1].text.strip(): a for a in doc.articles if a.parts}
    for last in ("Königliches Amtsgericht. II.", "Schaedel, Gerichtsſchreiber."):
        assert last in notices  # the heading no longer closes the notice above
    opening = {texts[0].text[:12]: a.headline for a in doc.articles
               if (texts := [p for p in a.parts if p.role == "paragraph"])}
    assert opening["Marie Klett,"] == "Aufgebot."
    assert opening["Zur Ermittel"] == "Aufgebot."
