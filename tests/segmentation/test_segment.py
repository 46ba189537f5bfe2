"""Segmentation and reflow of plain-text pages, measured against truths."""

from __future__ import annotations

import json
from pathlib import Path

import opencc
import pytest
from pagekit import render, score, spaced_cjk

from reader.model.document import Article
from reader.segmentation.analyze import analyze_bytes, document_json

DATA = Path(__file__).parents[1] / "data" / "text"


def analyse_text(text: str, name: str = "page.txt") -> dict:
    return document_json(analyze_bytes(text.encode("utf-8"), name))


def _check_traceable(doc_json: dict) -> None:
    lines = {line["id"]: line["text"] for page in doc_json["pages"] for line in page["lines"]}
    for article in doc_json["articles"]:
        for block in article["blocks"]:
            assert block["lines"], block
            for line_id in block["lines"]:
                assert line_id in lines


def test_rendered_page_scores_perfectly() -> None:
    truth = json.loads((DATA / "rendered_page_truth.json").read_text(encoding="utf-8"))
    articles = [
        {**a, "paragraphs": [p for s in a["sections"] for p in s["paragraphs"]]} for a in truth["articles"]
    ]
    result = analyse_text((DATA / "rendered_page.txt").read_text(encoding="utf-8"))
    s = score(articles, result)
    assert s["segmented"] == 3 and s["headlines_ok"] == 3
    assert s["paragraph_f1"] == 1.0
    assert s["chars"] >= 0.995
    assert spaced_cjk(result) == 0
    kickers = [a["kicker"] for a in result["articles"]]
    assert "农家书屋提质增效调查" in kickers
    _check_traceable(result)


def test_seed_page_against_reviewed_truth() -> None:
    truth = json.loads((DATA / "seed_page_truth.json").read_text(encoding="utf-8"))["articles"]
    result = analyse_text((DATA / "seed_page.txt").read_text(encoding="utf-8"), "seed_page.txt")
    s = score(truth, result)
    assert s["segmented"] == 7, s
    assert s["headlines_ok"] == 5, s
    assert s["paragraph_f1"] >= 0.97, s
    assert s["chars"] >= 0.995, s
    assert spaced_cjk(result) == 0
    _check_traceable(result)
    by_head = {a["headline"]: a for a in result["articles"]}
    big = by_head["干得好就能看得见"]
    assert big["kicker"] == "注重平时、聚焦专项、差异化评比，各地考准考实干部政绩"
    assert big["byline"].startswith("本报记者")
    roles = [b["role"] for b in big["blocks"]]
    assert "editors-note" in roles and "column-label" in roles and "section-heading" in roles
    headings = [b["text"] for b in big["blocks"] if b["role"] == "section-heading"]
    assert "定期汇报、“季报五访”掌握干部干事成效" in headings
    photo = by_head["练起来"]
    assert photo["kind"] == "photo"
    assert [b["text"] for b in photo["blocks"] if b["role"] == "credit"] == ["新华社记者 唐如峰摄"]
    assert any(a["kind"] == "furniture" for a in result["articles"])
    # articles whose headline is not on the page keep none
    no_head = [a for a in result["articles"] if a["kind"] == "article" and a["headline"] is None]
    assert {a["dateline"] for a in no_head} == {"本报北京1月26日电", "据新华社香港1月26日电"}


@pytest.mark.parametrize("head", [
    "人民日报 2021年1月27日 星期三 4 要闻",
    "4 要闻 2021年1月27日 星期三",
    "2021年1月27日  星期三",
    "要闻 | 2021 年 1 月 27 日 | 第 4 版",
    "人民日報  2021年1月27日  星期三  第4版  要聞",
])
@pytest.mark.parametrize("blank", ["\n", ""])
def test_a_papers_running_head_over_a_text_dump_is_furniture_not_the_first_heading(head: str, blank: str) -> None:
    """A PDF text dump of a paper starts (or ends) with its running head — paper, date, weekday, page, section: it
    was glued into the first article's heading ("人民日报2021年1月27日 星期三4要闻浙江绘出干部政绩画像")."""
    seed = (DATA / "seed_page.txt").read_text(encoding="utf-8")
    for text in (head + "\n" + blank + seed, seed.rstrip("\n") + "\n\n" + head + "\n"):
        result = analyse_text(text, "seed_page.txt")
        big = next(a for a in result["articles"] if a["headline"] == "干得好就能看得见")
        headings = [b["text"] for b in big["blocks"] if b["role"] == "section-heading"]
        assert headings[0] == "浙江绘出干部政绩画像", headings
        assert not any("星期三" in b["text"] or "2021" in (b["text"][:4]) for a in result["articles"]
                       if a["kind"] != "furniture" for b in a["blocks"]), head
        furniture = [b["text"] for a in result["articles"] if a["kind"] == "furniture" for b in a["blocks"]]
        assert any("星期三" in t or "第4版" in t.replace(" ", "") for t in furniture), furniture


@pytest.mark.parametrize("line", [
    "2021年1月27日，国务院新闻办公室举行发布会。",
    "1月27日 星期三 晴",  # no year: not a paper's date line
    "本报北京2021年1月27日电",
])
def test_a_line_with_a_date_in_a_sentence_is_not_a_running_head(line: str) -> None:
    from reader.segmentation import roles

    assert not roles.is_running_head(line.replace(" ", ""))


@pytest.mark.parametrize("config", [None, "s2tw", "s2hk"])
@pytest.mark.parametrize("widths", [[20, 13, 16], [24, 11, 18, 14], [15]])
def test_generated_pages_in_both_scripts(config: str | None, widths: list[float]) -> None:
    """The seed's articles set again in other column widths, in simplified and traditional script."""
    truth = json.loads((DATA / "seed_page_truth.json").read_text(encoding="utf-8"))["articles"]
    truth = [a for a in truth if a["kind"] == "article"]
    if config:
        cc = opencc.OpenCC(config)
        truth = [
            {k: (cc.convert(v) if isinstance(v, str) else [cc.convert(x) for x in v] if isinstance(v, list) else v)
             for k, v in a.items()}
            for a in truth
        ]
    page = render(truth, widths, seed=sum(widths))
    result = analyse_text(page)
    s = score(truth, result)
    assert s["segmented"] == s["articles"], s
    assert s["headlines_ok"] == s["headlines"], s
    assert s["paragraph_f1"] >= 0.97, s
    assert s["chars"] >= 0.995, s
    assert spaced_cjk(result) == 0


TAIWAN_PAGE = """【本報台北訊】記者林育德／報導 行政院今天通過明年度總預算案，總

額 2 兆 8 千億元，較今年增加 4.6%。主計總處表示，

新增預算主要用於社會福利、國防與公共建設。

主 計 長 說 ，今 年 經 濟 成 長 優 於 預 期 ，稅 收

也較去年增加，政府將持續控制債務比率，維持財政

健全。

明年總預算案出爐
"""


def test_traditional_dateline_and_byline() -> None:
    result = analyse_text(TAIWAN_PAGE)
    [article] = [a for a in result["articles"] if a["kind"] == "article"]
    assert article["dateline"] == "【本報台北訊】"
    assert article["byline"] == "記者林育德／報導"
    assert article["headline"] == "明年總預算案出爐"
    paras = [b["text"] for b in article["blocks"] if b["role"] == "paragraph"]
    assert paras[0].startswith("行政院今天通過明年度總預算案，總額2兆8千億元")
    assert paras[1] == "主計長說，今年經濟成長優於預期，稅收也較去年增加，政府將持續控制債務比率，維持財政健全。"


def test_every_character_maps_back_to_its_line() -> None:
    doc = analyze_bytes((DATA / "seed_page.txt").read_bytes(), "seed_page.txt")
    lines = {line.id: line.text for line in doc.lines()}
    article: Article
    for article in doc.articles:
        for part in article.parts:
            for span in part.spans:
                assert (
                    part.text[span.start : span.end]
                    == lines[span.line][span.line_start : span.line_start + span.end - span.start]
                )
            # everything but inserted joining spaces is covered
            covered = sum(s.end - s.start for s in part.spans)
            assert covered == len(part.text) - part.text.count(" ") or covered == len(part.text)
            for k, ch in enumerate(part.text):
                loc = part.locate(k)
                assert loc is not None
                if ch != " ":
                    assert lines[loc[0]][loc[1]] == ch


def _variant_truth() -> list[dict]:
    """The seed's articles in traditional script with Taiwanese datelines and varied headline groups."""
    cc = opencc.OpenCC("s2tw")
    truth = json.loads((DATA / "seed_page_truth.json").read_text(encoding="utf-8"))["articles"]
    out = []
    heads = [
        ("各地考準考實幹部政績", "幹得好就能看得見！"),
        (None, "黑廣播偽基站案件大幅下降"),
        ("國務院安委會開展專項整治", "1489處非法違法「小化工」被查"),
        (None, "最高檢為何對李偉決定逮捕？"),
        ("中美關係研討會", "求同存異 推動雙邊關係重回正軌"),
        ("檢察機關依法治理網路空間", "兩年來起訴網路犯罪案件5萬餘件"),
    ]
    datelines = [None, "【本報台北訊】", "【本報台北訊】", "〔記者林育德／台北報導〕", "據新華社香港1月26日電",
                 "【本報台北訊】"]
    bylines = [None, "記者林育德／報導", "記者張文川／報導", None, None, None]
    articles = [a for a in truth if a["kind"] == "article"]
    for a, (kicker, head), dl, by in zip(articles, heads, datelines, bylines, strict=False):
        paras = [cc.convert(p) for p in a["paragraphs"]]
        if a["dateline"]:
            lead = a["dateline"] + (a["byline"] or "")
            paras[0] = paras[0][len(lead):] if paras[0].startswith(lead) else paras[0]
        out.append({"kicker": kicker, "headline": head, "dateline": dl, "byline": by if dl else None,
                    "paragraphs": paras})
    return out


@pytest.mark.parametrize("widths", [[20, 13, 16], [17], [22, 12]])
def test_traditional_page_with_taiwanese_datelines_and_exclaiming_headlines(widths: list[float]) -> None:
    truth = _variant_truth()
    page = render(truth, widths, seed=7 + sum(widths))
    result = analyse_text(page)
    s = score(truth, result)
    assert s["segmented"] == s["articles"], s
    assert s["headlines_ok"] == s["headlines"], s
    assert s["paragraph_f1"] >= 0.97, s
    assert s["chars"] >= 0.995, s
    assert spaced_cjk(result) == 0


@pytest.mark.parametrize("seed", range(12))
def test_random_column_layouts(seed: int) -> None:
    """Random column widths (11–24 em), justification rates and both scripts: every article, headline and break."""
    import random

    rng = random.Random(seed)
    widths = [rng.choice(range(11, 25)) for _ in range(rng.randint(1, 4))]
    base = [a for a in json.loads((DATA / "seed_page_truth.json").read_text(encoding="utf-8"))["articles"]
            if a["kind"] == "article"]
    truth = [base, _variant_truth()][seed % 2]
    result = analyse_text(render(truth, widths, seed=seed, justify=rng.choice([0.0, 0.05, 0.1, 0.2])))
    s = score(truth, result)
    assert s["segmented"] == s["articles"] and s["headlines_ok"] == s["headlines"], (widths, s)
    assert s["paragraph_f1"] >= 0.97 and s["chars"] >= 0.995, (widths, s)


@pytest.mark.parametrize("byline", ["本报记者  王五  赵六", "本报记者 王五", "新华社记者  李四"])
def test_a_byline_over_a_dateline_is_the_bylines_not_half_of_a_broken_dateline(byline: str) -> None:
    """Seen by eye (eye49): headline, byline, then a dateline opening the body — two articles, the byline glued into
    the first as a body line ("本报记者王五赵六") and the body untitled, cited without title or authors. The byline
    line joined to the dateline below read as a dateline broken over two lines; a line is the first half of a broken
    dateline only where the line below is none on its own."""
    page = f"坚持人民至上\n{byline}\n本报北京1月28日电  今天举行了座谈会，与会者一致认为要坚持人民至上。\n"
    result = analyse_text(page)
    [article] = [a for a in result["articles"] if a["kind"] == "article"]
    assert article["headline"] == "坚持人民至上"
    assert article["byline"] and any(name in article["byline"] for name in ("王五", "李四")), article
    assert article["dateline"].startswith("本报北京1月28日电"), article


def test_a_dateline_broken_over_two_lines_is_still_one() -> None:
    page = "坚持人民至上\n本报北京1月\n28日电  今天举行了座谈会，与会者一致认为要坚持人民至上。\n"
    [article] = [a for a in analyse_text(page)["articles"] if a["kind"] == "article"]
    assert article["dateline"].startswith("本报北京1月28日电"), article
