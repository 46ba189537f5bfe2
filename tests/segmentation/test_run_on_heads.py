"""Display lines running on into the text (issue 15, seg49): a line set larger inside an advert's copy or a notice
is no headline when the words flow through it. The Nordstern 1878 p. 17 (tests/data/pages) sets a tailor's advert
"… Seine Waaren sind von den besten Sorten und werden zu Preisen verkauft, die den" / "harten Zeiten" (display) /
"entsprechen. Bestellungen aus der Stadt …": "harten Zeiten" came out the headline of an article of its own, whose
text opens in lower case. A head that closes no sentence, over text opening on a lower-case word, under text that
closes none either, is the text's own words: they open its body (the cut the rules made stays where it is)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from reader.model.document import HEADLINE_ROLES, Article, Document, Part
from reader.segmentation.analyze import analyze_file

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def _article(head: str, body: str, n: int) -> Article:
    parts = [Part("headline", head)] if head else []
    return Article(id=f"a{n}", parts=[*parts, Part("paragraph", body)], pages=[1])


def _heads(articles: list[Article]) -> list[str | None]:
    from reader.segmentation.geometry import _heads_running_on

    return [a.headline for a in _heads_running_on(articles)]


def test_a_head_running_on_into_lower_case_text_under_unfinished_text_is_text() -> None:
    above = _article("Winter-Waaren!", "Seine Waaren werden zu Preisen verkauft, die den", 1)
    run_on = _article("harten Zeiten", "entsprechen. Bestellungen aus der Stadt werden besorgt.", 2)
    assert _heads([above, run_on]) == ["Winter-Waaren!", None]
    assert run_on.parts[0].role == "paragraph" and run_on.parts[0].text == "harten Zeiten"


def test_a_head_over_finished_text_or_a_closed_head_or_a_capital_stays_a_head() -> None:
    """The text above closes a sentence (a news head whose deck the OCR read as text: "UN ATTENTAT …" / "gouverneur
    général …"), the head closes one itself ("Amusements."), or the text under it opens on a capital: a headline."""
    finished = _article("", "Le ministre est parti hier soir.", 1)
    assert _heads([finished, _article("UN ATTENTAT CRIMINEL", "gouverneur général de l'Indo-Chine", 2)])[1]
    unfinished = _article("", "Seine Waaren werden zu Preisen verkauft, die den", 1)
    assert _heads([unfinished, _article("Amusements.", "the play will appear here", 2)])[1] == "Amusements."
    assert _heads([unfinished, _article("OPERA HOUSE", "The play will appear here", 2)])[1] == "OPERA HOUSE"
    assert _heads([unfinished, _article("瑞金", "日機轟炸之後", 2)])[1] == "瑞金"


def test_text_above_whose_stops_the_ocr_lost_shows_nothing() -> None:
    """The Winchester News 1910 (NDNP microfilm, no stop or comma in the OCR): the lodge notice above "OPERA HOUSE"
    closes on no stop like every text of the page, and "takclIlfrom" is the OCR's "(Taken from": a headline still."""
    unstopped = _article("", "Miss May Stepp who has been sick with fever here", 1)
    assert _heads([unstopped, _article("OPERA HOUSE", "takclIlfrom the Lexington Herald", 2)])[1] == "OPERA HOUSE"


def test_pieces_on_other_pages_and_furniture_are_not_the_text_above() -> None:
    above = _article("", "Seine Waaren werden zu Preisen verkauft, die den", 1)
    other_page = _article("harten Zeiten", "entsprechen.", 2)
    other_page.pages = [2]
    assert _heads([above, other_page])[1] == "harten Zeiten"
    folio = Article(id="f", kind="furniture", parts=[Part("furniture", "Seite 17")], pages=[1])
    run_on = _article("harten Zeiten", "entsprechen.", 3)
    assert _heads([above, folio, run_on])[2] is None


@cache
def _doc(name: str) -> Document:
    return analyze_file(PAGES / name)


def test_nordstern_display_line_inside_an_advert_is_its_text() -> None:
    doc = _doc("ndnp_nordstern_1878-01-03/0017.xml")
    flat = [re.sub(r"\s+", "", " ".join(p.text for p in a.parts if p.role not in HEADLINE_ROLES))
            for a in doc.articles]
    assert any(t.startswith("hartenZeitenentsprechen.") for t in flat)
    assert not any(re.sub(r"\s+", "", a.headline or "") == "hartenZeiten" for a in doc.articles)


def _fragments(articles: list[Article]) -> list[list[str]]:
    from reader.segmentation.geometry import _fragments_joined

    return [[p.text for p in a.parts] for a in _fragments_joined(articles)]


def test_a_few_letters_left_alone_go_with_the_article_above() -> None:
    """L'Union 1865 p. 4: a notice's signature the rules left alone ('"« DARGENT."'), the hOCR Lancaster 1885's last
    display word of an advert ("NALE!"), a rule's marks read as letters ("'•xlir"): no item, the article above's."""
    above = _article("Avis", "Produits supérieurs. Bien, le 1. mai 1865.", 1)
    signed = _article("", '"« DARGENT.', 2)
    assert _fragments([above, signed]) == [["Avis", "Produits supérieurs. Bien, le 1. mai 1865.", '"« DARGENT.']]


def test_a_short_item_with_a_head_or_in_chinese_or_on_another_page_stays() -> None:
    above = _article("", "Produits supérieurs.", 1)
    assert len(_fragments([above, _article("AVIS", "Vendredi.", 2)])) == 2
    assert len(_fragments([above, _article("", "大前門香味純美", 2)])) == 2
    other = _article("", "DARGENT.", 2)
    other.pages = [2]
    assert len(_fragments([above, other])) == 2
    assert len(_fragments([above, _article("", "Vendredi prochain, vente publique.", 2)])) == 2
