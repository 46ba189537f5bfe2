"""A German law's title and date line are its headline group (issue 15, seg53). The Reichsanzeiger of 5 March 1871
(tests/data/pages) prints the law "1871." / "Verordnung, betreffend die Aufhebung der Ausfuhr⸗ und Durchfuhr⸗Verbote."
/ "Vom 4. März 1871." over its enacting words "Wir Wilhelm, von Gottes Gnaden Deutſcher Kaiſer, …": the rules read the
title and the date as the article's first paragraphs, so the law's text opened on its title (its item not right);
that of 2 August 1914 read "betreffend die Berufung des Reichstags." and "Vom 2. Auguſt 1914." as text under the
headline "Verordnung,". The date line alone on its line ("Vom <day>. <month> <year>."), among the article's first
paragraphs and with text under it, closes the law's headline group: it and the short paragraphs above it are heads."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from reader.model.document import HEADLINE_ROLES, Article, Document, Part
from reader.segmentation.analyze import analyze_file

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages" / "reichsanzeiger_gt"


def _roles(*parts: tuple[str, str]) -> list[str]:
    from reader.segmentation.geometry import _law_title

    article = Article(id="a1", parts=[Part(role, text) for role, text in parts], pages=[1])
    _law_title(article)
    return [p.role for p in article.parts]


def test_a_law_title_and_its_date_line_head_the_law() -> None:
    assert _roles(("paragraph", "1871."),
                  ("paragraph", "Verordnung, betreffend die Aufhebung der Ausfuhr⸗ und Durchfuhr⸗Verbote."),
                  ("paragraph", "Vom 4. März 1871."),
                  ("paragraph", "Wir Wilhelm, von Gottes Gnaden Deutſcher Kaiſer, König von Preußen ꝛc.")) == [
        "noise", "headline", "subheadline", "paragraph"]
    assert _roles(("headline", "Verordnung,"), ("paragraph", "betreffend die Berufung des Reichstags."),
                  ("paragraph", "Vom 2. Auguſt 1914."), ("paragraph", "Wir Wilhelm, …")) == [
        "headline", "subheadline", "subheadline", "paragraph"]


def test_a_date_in_the_text_or_a_date_line_with_nothing_under_it_is_text() -> None:
    text = ("paragraph", "Der Bundesrat hat auf Grund des § 3 des Geſetzes über die Ermächtigung des Bundesrats "
            "zu wirtſchaftlichen Maßnahmen uſw. vom 4. Auguſt 1914 (Reichs⸗Geſetzbl. S. 327) folgende Verordnung "
            "erlaſſen:")  # the Reichsanzeiger 1918 (1918_268_0134): a text's introduction, not a title
    assert _roles(text, ("paragraph", "Vom 4. März 1871."), ("paragraph", "Wir Wilhelm, …")) == ["paragraph"] * 3
    long_title = ("paragraph", "Verordnung, betreffend " + "die Ausfuhr und Durchfuhr von Waffen, " * 4)
    assert _roles(long_title, ("paragraph", "Vom 4. März 1871."), ("paragraph", "Wir …")) == ["paragraph"] * 3
    assert _roles(("paragraph", "Verordnung."), ("paragraph", "Vom 4. März 1871.")) == ["paragraph"] * 2
    assert _roles(("paragraph", "Vom 1. November ab tritt im Verkehr mit Oeſterreich ein neuer Tarif in Kraft."),
                  ("paragraph", "Der General⸗Poſtmeiſter.")) == ["paragraph"] * 2
    many = [("paragraph", f"Titel {n}.") for n in range(4)]
    assert _roles(*many, ("paragraph", "Vom 4. März 1871."), ("paragraph", "Wir …")) == ["paragraph"] * 6


@cache
def _doc(name: str) -> Document:
    return analyze_file(PAGES / name)


def _law(doc: Document) -> Article:
    return next(a for a in doc.articles if any(p.text.startswith("Wir Wilhelm, von Gottes") for p in a.parts))


def test_reichsanzeiger_1871_law_opens_on_its_enacting_words() -> None:
    law = _law(_doc("1871_65_0046.xml"))
    heads = [re.sub(r"\s+", " ", p.text) for p in law.parts if p.role in HEADLINE_ROLES]
    assert heads == ["Verordnung, betreffend die Aufhebung der Ausfuhr⸗ und Durchfuhr⸗Verbote.", "Vom 4. März 1871."]
    body = [p for p in law.parts if p.role not in HEADLINE_ROLES and p.role != "noise"]
    assert body[0].text.startswith("Wir Wilhelm, von Gottes Gnaden")


def test_reichsanzeiger_1914_law_title_is_whole() -> None:
    law = _law(_doc("1914_178_0448.xml"))
    assert law.headline == "Verordnung,"
    assert [p.text for p in law.parts if p.role == "subheadline"] == [
        "betreffend die Berufung des Reichstags.", "Vom 2. Auguſt 1914."]
