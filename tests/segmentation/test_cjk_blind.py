"""Jing bao folds read without their divs (ECPO): paragraphs in reading order, no sizes, no boxes — what the
text alone tells of where the paper cuts its items."""

from __future__ import annotations

from reader.model.document import Block, Line, Page
from reader.segmentation.geometry import articles_from_layout


def _blind_page(paragraphs: list[list[str]]) -> Page:
    """A page as ECPO without its divs gives it: paragraphs in reading order, no sizes, no boxes."""
    blocks = [Block(id=f"b{k}", lines=[Line(id=f"b{k}.l{j}", text=t) for j, t in enumerate(p)], order=k)
              for k, p in enumerate(paragraphs)]
    return Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=1000, height=1400,
                vertical=True)


def _starts(page: Page) -> list[str]:
    return [("".join(a.text.split()))[:6] for a in articles_from_layout([page]) if a.kind != "furniture"]


def test_a_short_paragraph_announcing_what_someone_said_is_body_not_a_headline() -> None:
    """Jing bao 1939, a court report: "據沈供稱" ("according to Shen's statement") set as a paragraph of its own
    over the statement, and "略稱" ("said in short") over a telegram's text, were taken as the headlines of items of
    their own. A headline never ends on the verb that introduces speech; the report runs on."""
    page = _blind_page([
        ["六年前一舊案最高法院發回重審"], ["向以販賣紅丸毒品常業之童田華、因與同黨爭奪權利關係、以致結仇、昨晨開庭、"],
        ["據沈供稱"], ["我與高阿根向不認識、亦素無仇怨、我何必要打死他、庭諭上訴人還押、候改期再訊、"],
        ["籲請堵塞黃河決口"], ["本市中外各慈善團體、昨准豫魯及蘇北皖北黃災堵口請願代表張韜等電、"], ["略稱"],
        ["客秋黃水爲災、禍及數省、沉淪千里、死亡損失、慘重難言、"],
        ["孀婦家匪徒覬覦"], ["孀婦王婉貞、寓居法租界勞爾東路、家境尚裕、致啓匪徒覬覦、"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == ["六年前一舊案最高法院發回重審", "籲請堵塞黃河決口", "孀婦家匪徒覬覦"]
    assert "我與高阿根" in arts[0].text and "客秋黃水" in arts[1].text
