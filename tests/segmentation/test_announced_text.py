"""A text ending on a colon announces what follows (issue 15, seg53). The Reichsanzeiger of 3 September 1870
(tests/data/heldout10) prints "— Vom Kriegsſchauplatze liegen folgende Nachrichten vor:" and under it the dispatches
announced, "Brüſſel, 2. September. (W. T. B.) Mit den über unſere Grenze getretenen …": the rules cut at the dispatch's
dateline, leaving the announcement an article of one line and the dispatches a spurious one. An article whose text ends
on a word opening in lower case and a colon goes on into the page's next article, whose heads become crossheads;
a capitalised word before the colon (KB 1750's bookseller's advert, "… by de voornaemfte Boekverkoper:", whose next
article is another advert), a stop after it, or Chinese text announce nothing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reader.model.document import Article, Document, Part
from reader.segmentation.analyze import analyze_file

DATA = Path(__file__).resolve().parents[1] / "data"


def _article(n: int, *parts: tuple[str, str], page: int = 1) -> Article:
    return Article(id=f"a{n}", parts=[Part(role, text) for role, text in parts], pages=[page])


def _joined(articles: list[Article]) -> list[list[tuple[str, str]]]:
    from reader.segmentation.geometry import _announced_joined

    return [[(p.role, p.text) for p in a.parts] for a in _announced_joined(articles)]


def test_the_dispatches_announced_go_on_the_announcing_text() -> None:
    above = _article(1, ("paragraph", "— Vom Kriegsſchauplatze liegen folgende Nachrichten vor:"))
    below = _article(2, ("paragraph", "Brüſſel, 2. September. (W. T. B.) Mit den über unſere Grenze getretenen …"))
    assert _joined([above, below]) == [[
        ("paragraph", "— Vom Kriegsſchauplatze liegen folgende Nachrichten vor:"),
        ("paragraph", "Brüſſel, 2. September. (W. T. B.) Mit den über unſere Grenze getretenen …")]]


def test_the_heads_of_the_text_announced_become_its_crossheads() -> None:
    above = _article(1, ("paragraph", "Voici comment se poursuit les divers échelons de cette démobilisation :"))
    below = _article(2, ("headline", "PREMIER ÉCHELON"), ("paragraph", "Composition du premier échelon : Militaires …"))
    assert _joined([above, below])[0][1:] == [("section-heading", "PREMIER ÉCHELON"),
                                              ("paragraph", "Composition du premier échelon : Militaires …")]


def test_a_capitalised_word_a_stop_chinese_or_another_page_announce_nothing() -> None:
    below = _article(2, ("paragraph", "Jemand ongetrouwd, in Franſch en Duytſch ervaren, …"))
    books = _article(1, ("paragraph", "… en verder in alle Steden by de voornaemfte Boekverkoper:"))
    assert len(_joined([books, below])) == 2
    card = _article(1, ("paragraph", "DENTIST Office in the Sanderson Building. Hours:."))
    assert len(_joined([card, below])) == 2
    chinese = _article(1, ("paragraph", "據此間報載、其內容如下:"))
    assert len(_joined([chinese, below])) == 2
    other_page = _article(2, ("paragraph", "Brüſſel, 2. September. …"), page=2)
    above = _article(1, ("paragraph", "— Vom Kriegsſchauplatze liegen folgende Nachrichten vor:"))
    assert len(_joined([above, other_page])) == 2


@cache
def _doc() -> Document:
    return analyze_file(DATA / "heldout10" / "reichsanzeiger_gt" / "1870_245_0433.xml")


def test_reichsanzeiger_1870_announcements_hold_their_dispatches() -> None:
    for announcement, dispatch in (("— Vom Kriegsſchauplatze liegen folgende Nachrichten vor:", "Brüſſel, 2. Sept"),
                                   ("— Franzöſiſcherſeits liegt vom Kriegsſchauplatz folgendes Telegramm vor:",
                                    "Paris, 3. Septe")):
        article = next(a for a in _doc().articles if any(p.text == announcement for p in a.parts))
        texts = [p.text for p in article.parts]
        assert texts[texts.index(announcement) + 1].startswith(dispatch)
