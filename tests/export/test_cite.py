"""Citations: real rendered strings against hand-written expected output (GB/T 7714-2015, Chicago, APA),
bylines split into authors with roles kept apart, BibTeX read back by a real parser, and every article
of every bundled sample cited in every style."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
from reader.resources import path as resource_path

from reader.app.overlay import Overlay
from reader.cli.main import main
from reader.export.cite import STYLES, Name, cite, parse_byline
from reader.export.exporter import Item, export
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.model.document import Article, Document, Page, Part, Span


def article_item(headline: str, byline: str | None, body: str, *, publication: str, date: str,
                 page: int = 1, key: str = "x") -> Item:
    parts = [Part("headline", headline, [Span(0, len(headline), "l1", 0)])]
    if byline is not None:
        parts.append(Part("byline", byline, [Span(0, len(byline), "l2", 0)]))
    parts.append(Part("paragraph", body, [Span(0, len(body), "l3", 0)]))
    doc = Document("page.txt", "text", [Page(page)], metadata={"publication": publication, "date": date})
    return Item(Article(key, parts=parts, pages=[page]), doc)


RENMIN = dict(publication="人民日报", date="2021-05-10", page=4)
NYT = dict(publication="The New York Times", date="1908-03-04", page=2)


@pytest.fixture(scope="module")
def renmin() -> Item:
    return article_item("标题", "本报记者 窦瀚洋 毕京津 常碧罗", "正文第一段。", **RENMIN)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def nyt() -> Item:
    return article_item("Dinner at the White House", "By JOHN SMITH and MARY JONES",
                        "The President gave a dinner last night.", **NYT)  # type: ignore[arg-type]


def test_gb7714_newspaper_article(renmin: Item) -> None:
    # GB/T 7714-2015 4.4 / 8.x: authors, title[N], paper, date(版)
    assert cite(renmin, "gb7714") == "窦瀚洋, 毕京津, 常碧罗. 标题[N]. 人民日报, 2021-05-10(4)."
    assert cite(renmin) == cite(renmin, "gb7714")  # auto: Chinese text → GB/T 7714


def test_gb7714_unsigned_and_western(nyt: Item) -> None:
    unsigned = article_item("火警兩起", None, "大西路陶家宅四十號。", publication="晶報", date="1939-04-21", page=3)
    assert cite(unsigned, "gb7714") == "火警兩起[N]. 晶報, 1939-04-21(3)."
    assert cite(nyt, "gb7714") == "SMITH J, JONES M. Dinner at the White House[N]. The New York Times, 1908-03-04(2)."


def test_gb7714_a_headline_ending_in_a_stop_keeps_one() -> None:
    """Seen by eye (eye49): "Kölnische Zeitung.[N]." — the headline's own full stop before the type code; GB/T 7714
    sets the code right after the title (Chicago already dropped the stop)."""
    item = article_item("Kölnische Zeitung.", None, "Text.", publication="Luxemburger Zeitung", date="1858-12-07")
    assert cite(item, "gb7714") == "Kölnische Zeitung[N]. Luxemburger Zeitung, 1858-12-07(1)."
    chinese = article_item("火警兩起。", None, "大西路陶家宅四十號。", publication="晶報", date="1939-04-21", page=3)
    assert cite(chinese, "gb7714") == "火警兩起[N]. 晶報, 1939-04-21(3)."
    asked = article_item("Who pays?", None, "Text.", publication="The Times", date="1908-03-04")
    assert cite(asked, "gb7714") == "Who pays?[N]. The Times, 1908-03-04(1)."  # a question keeps its mark


def test_gb7714_more_than_three_authors() -> None:
    # 8.1.2: the first three, then 等 for a Chinese work and "et al." for a Western one
    chinese = article_item("标题", "本报记者 甲乙 丙丁 戊己 庚辛", "正文。", **RENMIN)  # type: ignore[arg-type]
    assert cite(chinese, "gb7714") == "甲乙, 丙丁, 戊己, 等. 标题[N]. 人民日报, 2021-05-10(4)."
    western = article_item("Title", "By A SMITH, B JONES, C BROWN and D WHITE", "Text.", **NYT)  # type: ignore[arg-type]
    assert cite(western, "gb7714") == "SMITH A, JONES B, BROWN C, et al. Title[N]. The New York Times, 1908-03-04(2)."


def test_chicago_notes_bibliography(nyt: Item, renmin: Item) -> None:
    # CMOS 18 (notes and bibliography), bibliography entry: full names, period inside the quotes; the page after the
    # date (14.89 allows it; the style leaves it out, but an archive's reader needs it to find the article again)
    expected = "Smith, John, and Mary Jones. “Dinner at the White House.” The New York Times, March 4, 1908, 2."
    assert cite(nyt, "chicago") == expected
    assert cite(nyt) == expected  # auto: not Chinese → Chicago
    assert cite(renmin, "chicago") == "窦瀚洋, 毕京津, and 常碧罗. “标题.” 人民日报, May 10, 2021, 4."
    # unsigned: the newspaper stands in the author's place (and is not repeated)
    unsigned = article_item("Weather", None, "Fair and warmer.", **NYT)  # type: ignore[arg-type]
    assert cite(unsigned, "chicago") == "The New York Times. “Weather.” March 4, 1908, 2."
    quoted = article_item("The “Great” Fire", None, "It burned.", **NYT)  # type: ignore[arg-type]
    assert "“The ‘Great’ Fire.”" in cite(quoted, "chicago")


def test_every_style_gives_the_page_as_printed() -> None:
    """Seen by the by-eye tester: the Chicago citation of an article of the Kant sample's page, printed "484", had no
    page (the style leaves newspaper pages out); every style gives the page label where the source has one."""
    body = "Daher kann ein Publikum nur langſam zur Aufklaͤrung gelangen."
    parts = [Part("paragraph", body, [Span(0, len(body), "l1", 0)])]
    doc = Document("PAGE_0020.xml", "page", [Page(1, label="484")],
                   metadata={"publication": "Berlinische Monatsschrift", "date": "1784-12"})
    item = Item(Article("k", parts=parts, pages=[1]), doc)
    assert cite(item, "chicago").endswith("December 1784, 484."), cite(item, "chicago")
    assert cite(item, "apa").endswith("Berlinische Monatsschrift, 484."), cite(item, "apa")
    assert cite(item, "gb7714").endswith("1784-12(484)."), cite(item, "gb7714")
    assert "pages = {484}" in cite(item, "bibtex")
    assert json.loads(cite(item, "csl-json"))["page"] == "484"


@pytest.mark.parametrize("pages, labels, shown, bib", [
    ([1, 2, 3], ["484", "485", "486"], "484-486", "484--486"),
    ([1, 3], ["484", "485", "486"], "484, 486", "484, 486"),  # continued on a later page, not the one between
    ([2], ["484", "485", "486"], "485", "485"),
    ([1, 2], ["", "", ""], "1-2", "1--2"),  # no printed labels: the page numbers
])
def test_an_article_over_several_pages_is_cited_with_all_its_pages(pages: list[int], labels: list[str], shown: str,
                                                                   bib: str) -> None:
    """An article running over pages 484–486 was cited as on page 484 alone, in every style and the text export's
    citation line: a reader looking it up found its beginning only."""
    body = "Daher kann ein Publikum nur langſam zur Aufklaͤrung gelangen."
    parts = [Part("paragraph", body, [Span(0, len(body), "l1", 0)])]
    printed = [Page(n, label=lab or None) for n, lab in zip([1, 2, 3], labels, strict=True)]
    doc = Document("PAGE_0020.xml", "page", printed,
                   metadata={"publication": "Berlinische Monatsschrift", "date": "1784-12"})
    item = Item(Article("k", parts=parts, pages=pages), doc)
    assert json.loads(cite(item, "csl-json"))["page"] == shown
    assert f"pages = {{{bib}}}" in cite(item, "bibtex")
    first, last = shown.split("-")[0].split(",")[0], shown.replace(",", "-").split("-")[-1].strip()
    for style in ("chicago", "apa", "gb7714"):
        text = cite(item, style)  # Chicago abbreviates a range as printed style asks: 484–86
        assert first in text and (first == last or last[-2:] in text.split(first, 1)[1]), (style, text)
    from reader.export.text import citation_line

    assert citation_line(item).endswith(("pp. " if len(pages) > 1 else "p. ") + shown.replace("-", "–"))


def test_apa(nyt: Item, renmin: Item) -> None:
    expected = "Smith, J., & Jones, M. (1908, March 4). Dinner at the White House. The New York Times, 2."
    assert cite(nyt, "apa") == expected
    assert cite(renmin, "apa") == "窦瀚洋, 毕京津, & 常碧罗. (2021, May 10). 标题. 人民日报, 4."
    unsigned = article_item("Weather", None, "Fair and warmer.", **NYT)  # type: ignore[arg-type]
    assert cite(unsigned, "apa") == "Weather. (1908, March 4). The New York Times, 2."  # the title once, first


def test_bibtex_three_authors_parse(renmin: Item, nyt: Item) -> None:
    text = export([renmin, nyt], "bibtex").decode("utf-8")
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks and len(lib.entries) == 2
    first = lib.entries[0]
    authors = [a.strip() for a in first.fields_dict["author"].value.split(" and ")]
    assert authors == ["{窦瀚洋}", "{毕京津}", "{常碧罗}"]  # three authors, never one braced string
    assert first.fields_dict["authortype"].value == "本报记者"
    assert first.fields_dict["journal"].value == "人民日报"
    second = lib.entries[1]
    assert second.fields_dict["author"].value == "Smith, John and Jones, Mary"


def test_csl_json_authors_and_roles(renmin: Item) -> None:
    data = json.loads(cite(renmin, "csl-json"))
    assert data["author"] == [{"literal": "窦瀚洋"}, {"literal": "毕京津"}, {"literal": "常碧罗"}]
    assert data["type"] == "article-newspaper" and data["issued"] == {"date-parts": [[2021, 5, 10]]}
    assert data["note"].startswith("本报记者.")


@pytest.mark.parametrize(("byline", "names", "roles"), [
    ("本报记者 窦瀚洋 毕京津 常碧罗", ["窦瀚洋", "毕京津", "常碧罗"], ["本报记者"]),
    ("（记者张璁）", ["张璁"], ["记者"]),
    ("記者林育德／報導", ["林育德"], ["記者"]),
    ("新华社记者 李华 王明", ["李华", "王明"], ["新华社记者"]),
    ("本报讯", [], ["本报讯"]),
    ("新华社北京5月9日电", [], ["新华社北京5月9日电"]),
    ("本报特派员 张三", ["张三"], ["本报特派员"]),
    ("（丹翁）", ["丹翁"], []),
    ("新上海春秋", [], ["新上海春秋"]),
    ("李振文", ["李振文"], []),  # a name ending in 文 keeps it
    ("文：张三", ["张三"], ["文"]),
    ("张三 文", ["张三"], ["文"]),
    ("新华社记者 唐如峰摄", ["唐如峰"], ["新华社记者"]),
    ("本报记者　王文、李作", ["王文", "李作"], ["本报记者"]),
    ("By JOHN SMITH and MARY JONES", ["John Smith", "Mary Jones"], []),
    ("By Our Special Correspondent", [], ["Our Special Correspondent"]),
    ("Ludwig van Beethoven", ["Ludwig van Beethoven"], []),
])
def test_bylines(byline: str, names: list[str], roles: list[str]) -> None:
    parsed = parse_byline(byline)
    assert [str(n) for n in parsed.names] == names
    assert list(parsed.roles) == roles


def test_western_names_split_family_and_given() -> None:
    assert parse_byline("By JOHN SMITH").names == (Name(family="Smith", given="John"),)
    assert parse_byline("Ludwig van Beethoven").names == (Name(family="van Beethoven", given="Ludwig"),)


# ------------------------------------------------------------------ every article of every bundled sample


@pytest.fixture(scope="module")
def sample_items(tmp_path_factory: pytest.TempPathFactory) -> list[Item]:
    folder = tmp_path_factory.mktemp("samples") / "lib"
    lib = Library.open(folder)
    try:
        report = import_paths(lib, [resource_path("samples")])
        assert report.imported and not report.failed
        ids = [a.id for a in lib.articles()]
        items = Overlay(lib).export_scope(ids).items
    finally:
        lib.close()
    assert len(items) == len(ids) > 50
    return items


def _well_formed(style: str, text: str, item: Item) -> None:
    assert text and "\n" not in text.strip() or style in ("bibtex", "csl-json"), (style, text)
    if style in ("gb7714", "chicago", "apa", "auto"):
        assert text.endswith("."), text
        assert "None" not in text and "  " not in text and ".." not in text.replace("…", ""), text
        assert item.publication() in text, text  # as printed: no title case forced on an unknown language
    if style == "gb7714":
        assert "[N]. " in text and f"({item.page_range()})." in text, text
    if style in ("chicago", "apa"):  # the first page, or a range from it as the style writes ranges (1–2)
        assert text.endswith(f", {item.page_label()}.") or f", {item.page_label()}–" in text, text
    if style == "csl-json":
        data = json.loads(text)
        assert data["title"] and data["container-title"] and data["type"] == "article-newspaper"


@pytest.mark.parametrize("style", STYLES)
def test_every_sample_article_in_every_style(sample_items: list[Item], style: str) -> None:
    for item in sample_items:
        _well_formed(style, cite(item, style), item)
    if style == "bibtex":
        lib = bibtexparser.parse_string(export(sample_items, "bibtex").decode("utf-8"))
        assert not lib.failed_blocks and len(lib.entries) == len(sample_items)
        assert len({e.key for e in lib.entries}) == len(sample_items)
        for entry in lib.entries:
            assert {"title", "journal", "year"} <= set(entry.fields_dict)


def test_a_serial_is_cited_by_its_title_and_writer(sample_items: list[Item]) -> None:
    """The Jing bao's serial 新上海春秋 (under its rubric 長篇小說, by 天笑) was cited "長篇小說[N]. …" with no
    author and BibTeX's ``authortype = {新上海春秋}`` (seen by eye): rubric, title and writer read as headline and
    bylines."""
    serial = next(i for i in sample_items if i.article.headline == "新上海春秋" and "前文提要" in i.article.text)
    assert cite(serial, "gb7714") == "天笑. 新上海春秋[N]. 晶報 Jing bao, 1939-04-21(2)."
    entry = bibtexparser.parse_string(cite(serial, "bibtex")).entries[0]
    assert entry.fields_dict["author"].value == "{天笑}" and "authortype" not in entry.fields_dict


def test_cite_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "lib"
    lib = Library.open(folder)
    try:
        import_paths(lib, [resource_path("samples", "seed_page.txt")])
        key = next(a.id for a in lib.articles() if a.headline == "干得好就能看得见")
    finally:
        lib.close()
    assert main(["cite", key, "--library", str(folder), "--style", "gb7714"]) == 0
    assert capsys.readouterr().out == "窦瀚洋, 毕京津, 常碧罗. 干得好就能看得见[N]. 人民日报, 2021-01-27(1).\n"
    assert main(["cite", key, "--library", str(folder), "--style", "bibtex"]) == 0
    assert "author = {{窦瀚洋} and {毕京津} and {常碧罗}}" in capsys.readouterr().out
    assert main(["export", key, "--library", str(folder), "--format", "cite", "--style", "apa", "-o", "-"]) == 0
    assert capsys.readouterr().out == "窦瀚洋, 毕京津, & 常碧罗. (2021, January 27). 干得好就能看得见. 人民日报, 1.\n"
    assert main(["cite", "nope", "--library", str(folder)]) == 2
    assert "no article nope" in capsys.readouterr().err


def test_a_name_spaced_out_to_line_up_is_one_person() -> None:
    """Papers spaced two-character names to the width of three-character ones (李　明): one author, not two."""
    assert [str(n) for n in parse_byline("新华社记者 李　明").names] == ["李明"]
    assert [str(n) for n in parse_byline("本报记者 李 明 王小五").names] == ["李明", "王小五"]
    byline = parse_byline("李 明 文")
    assert [str(n) for n in byline.names] == ["李明"] and "文" in byline.roles


def test_post_nominals_and_suffixes_are_not_people() -> None:
    assert [str(n) for n in parse_byline("By John Smith, M.P.").names] == ["John Smith"]
    assert [str(n) for n in parse_byline("By J. P. Morgan Jr.").names] == ["J. P. Morgan Jr."]
    assert parse_byline("By J. P. Morgan Jr.").names[0].family == "Morgan"
    assert [str(n) for n in parse_byline("By JOHN SMITH, Esq., and MARY JONES").names] == ["John Smith", "Mary Jones"]
