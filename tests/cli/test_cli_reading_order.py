"""One reading order for an article in `broadsheet show`, the text and Markdown exports and TEI.

The first article of the seed page (干得好就能看得见) is printed with its column label, series title,
kicker, headline, byline and editor's note above the body, but the PDF text dump has them after the
last paragraph, and a stray OCR "R" after them. Every output reads: column label and series title,
kicker, headline, subheadline, byline/dateline, editor's note, body, noise last; headlines are TEI
``<head>``. Checked on the seed page, a 晶報 (ECPO) article and a Luxemburger Zeitung (METS/ALTO) one,
through the command line as a user runs it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from reader.cli.main import main
from reader.library.catalogue import Library

pytest_plugins = ["tei_validation"]

DATA = Path(__file__).parents[1] / "data"
S = DATA / "samples"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
T = "{http://www.tei-c.org/ns/1.0}"

#: the seed article's parts as the page prints them
SEED_FRONT = [("column-label", "■干部状态新观察"), ("column-label", "做好政绩考核 推动高质量发展"),
              ("kicker", "注重平时、聚焦专项、差异化评比，各地考准考实干部政绩"), ("headline", "干得好就能看得见"),
              ("byline", "本报记者 窦瀚洋 毕京津 常碧罗")]
SEED_FIRST_BODY = "浙江绘出干部政绩画像"
SEED_LAST_BODY = "“对于渝东北和渝东南的生态功能区"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The seed page, the 1939 晶報 page and the 1858 Luxemburger Zeitung issue imported; the three articles."""
    root = tmp_path_factory.mktemp("order")
    src = root / "src"
    (src / "人民日报" / "2021-01-27").mkdir(parents=True)
    shutil.copy(DATA / "text" / "seed_page.txt", src / "人民日报" / "2021-01-27" / "01.txt")
    shutil.copy(S / "chinese/ecpo_jingbao/textGT/jb_3795_1939-04-21_0002+0003.xml", src)
    shutil.copytree(S / "mets-alto/bnl_luxzeit1858_1858-12-07", src / "bnl")
    folder = root / "lib"
    assert main(["import", str(src), "--library", str(folder), "--quiet"]) == 0
    lib = Library(folder)
    try:
        def find(phrase: str) -> str:
            [aid] = [a.id for a in lib.articles() if phrase in lib.article(a.id).text]
            return aid

        return {"folder": folder, "seed": find("编者按：为政之要"), "jingbao": find("新上海春秋"),
                "mets": find("Barthélémy")}
    finally:
        lib.close()


def _show(library: dict[str, Any], key: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["show", library[key], "--json", "--library", str(library["folder"])]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def _export(library: dict[str, Any], keys: list[str], fmt: str, tmp_path: Path) -> bytes:
    out = tmp_path / f"{'-'.join(keys)}.{fmt}"
    assert main(["export", *[library[k] for k in keys], "--format", fmt, "-o", str(out),
                 "--library", str(library["folder"])]) == 0
    return out.read_bytes()


def _in_order(text: str, pieces: list[str]) -> None:
    at = [text.find(p) for p in pieces]
    assert all(a >= 0 for a in at), [p for p, a in zip(pieces, at, strict=True) if a < 0]
    assert at == sorted(at), sorted(zip(at, pieces, strict=True))


def test_show_lists_the_seed_article_as_the_page_prints_it(library: dict[str, Any],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    parts = _show(library, "seed", capsys)["parts"]
    assert [(p["role"], p["text"]) for p in parts[:5]] == SEED_FRONT
    assert parts[5]["role"] == "editors-note" and parts[5]["text"].startswith("编者按：")
    assert parts[6]["text"] == SEED_FIRST_BODY
    assert parts[-2]["text"].startswith(SEED_LAST_BODY)
    assert (parts[-1]["role"], parts[-1]["text"]) == ("noise", "R")
    # each part says which part of the article it is (the PART of `broadsheet correct`); the body keeps its order
    lib = Library(library["folder"])
    try:
        article = lib.article(library["seed"])
    finally:
        lib.close()
    assert sorted(p["index"] for p in parts) == list(range(len(article.parts)))
    assert all(article.parts[p["index"]].text == p["text"] for p in parts)
    body = [p["index"] for p in parts[6:-1]]
    assert body == sorted(body) and len(body) == 27


def test_show_text_output_in_the_same_order(library: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["show", library["seed"], "--library", str(library["folder"])]) == 0
    out = capsys.readouterr().out
    _in_order(out, [t for _, t in SEED_FRONT] + ["编者按：", SEED_FIRST_BODY, SEED_LAST_BODY, "[noise] R"])


def test_show_jingbao_and_mets(library: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    jb = [(p["role"], p["text"]) for p in _show(library, "jingbao", capsys)["parts"]]
    # the serial's rubric, title, instalment, writer, then the synopsis label opening its text
    assert jb[:5] == [("kicker", "長篇小說"), ("headline", "新上海春秋"), ("subheadline", "（三三五）"),
                      ("byline", "天笑"), ("section-heading", "前文提要")]
    lux = [(p["role"], p["text"]) for p in _show(library, "mets", capsys)["parts"]]
    assert [r for r, _ in lux[:2]] == ["kicker", "headline"] and lux[1][1] == "Suez et Marseille."
    # the poem's signature closes it, where the page prints it
    assert lux[-1] == ("byline", "Barthélémy")


def test_text_and_markdown_exports_follow_the_reading_order(library: dict[str, Any], tmp_path: Path) -> None:
    text = _export(library, ["seed"], "text", tmp_path).decode("utf-8")
    _in_order(text, [t for _, t in SEED_FRONT] + ["编者按：", SEED_FIRST_BODY, SEED_LAST_BODY, "\n\nR\n"])
    md = _export(library, ["seed"], "md", tmp_path).decode("utf-8")
    _in_order(md, ["■干部状态新观察", "做好政绩考核 推动高质量发展", "*注重平时", "# 干得好就能看得见\n", "*本报记者",
                   "编者按：", SEED_FIRST_BODY, SEED_LAST_BODY, "\n\nR\n"])
    jb = _export(library, ["jingbao"], "text", tmp_path).decode("utf-8")
    _in_order(jb, ["長篇小說", "新上海春秋", "（三三五）", "天笑", "前文提要", "周局長在新雅酒店"])
    lux = _export(library, ["mets"], "md", tmp_path).decode("utf-8")
    _in_order(lux, ["Suez et Marseille.", "El renovabis", "(Voleur.)", "*Barthélémy*"])


def _div_children(div: etree._Element) -> list[tuple[str, str | None, str]]:
    """(element, @type, text) of a div's children, page and line marks left out."""
    out = []
    for el in div:
        name = etree.QName(el).localname
        if name not in ("pb", "lb", "anchor"):
            out.append((name, el.get("type"), "".join(el.itertext())))
    return out


def test_tei_heads_every_article_and_puts_its_front_before_the_body(library: dict[str, Any], tmp_path: Path,
                                                                   tei_validator: Any) -> None:
    root = tei_validator(_export(library, ["seed", "jingbao", "mets"], "tei", tmp_path))
    assert not root.findall(".//t:ab[@type='headline']", NS) and not root.findall(".//t:ab[@type='kicker']", NS)
    divs = [d for d in root.iter(T + "div") if d.get("type") == "article"]
    seed = next(_div_children(d) for d in divs if "干得好就能看得见" in "".join(d.itertext()))
    assert seed[:5] == [("head", "column", "■干部状态新观察"), ("head", "column", "做好政绩考核 推动高质量发展"),
                        ("head", "kicker", SEED_FRONT[2][1]), ("head", "main", "干得好就能看得见"),
                        ("byline", None, SEED_FRONT[4][1])]
    assert seed[5][:2] == ("ab", "editors-note") and seed[6] == ("ab", "section-heading", SEED_FIRST_BODY)
    assert seed[-2][0] == "p" and seed[-2][2].startswith(SEED_LAST_BODY)
    assert seed[-1] == ("ab", "noise", "R")
    jb = next(_div_children(d) for d in divs if "新上海春秋" in "".join(d.itertext()))
    assert jb[:5] == [("head", "kicker", "長篇小說"), ("head", "main", "新上海春秋"), ("head", "sub", "（三三五）"),
                      ("byline", None, "天笑"), ("ab", "section-heading", "前文提要")]
    assert {name for name, _, _ in jb[5:]} == {"p"}
    lux = next(_div_children(d) for d in divs if "Barthélémy" in "".join(d.itertext()))
    assert [(n, t) for n, t, _ in lux[:3]] == [("head", "main"), ("head", "kicker"), ("head", "sub")]
    assert lux[2][2] == "Suez et Marseille." and lux[-1] == ("byline", None, "Barthélémy")


def test_tei_reading_text_has_the_same_order_and_heads(library: dict[str, Any], tmp_path: Path,
                                                        tei_validator: Any) -> None:
    out = tmp_path / "reading.xml"
    assert main(["export", library["seed"], "--format", "tei", "-o", str(out), "--reading", "s2t",
                 "--library", str(library["folder"])]) == 0
    root = tei_validator(out.read_bytes())
    original, converted = root.findall("t:text/t:group/t:text", NS)
    div = converted.find(".//t:div", NS)
    kids = _div_children(div)
    assert [(n, t) for n, t, _ in kids[:4]] == [("head", "column"), ("head", "column"), ("head", "kicker"),
                                                ("head", "main")]
    assert kids[3][2] == "幹得好就能看得見" and kids[-1][2] == "R"
    # each converted part points at its original, in the same order
    targets = [el.get("corresp") for el in div if el.get("corresp")]
    ids = [el.get("{http://www.w3.org/XML/1998/namespace}id") for el in original.find(".//t:div", NS)
           if el.get("{http://www.w3.org/XML/1998/namespace}id")]
    assert targets == ["#" + i for i in ids]
