"""ECPO Jing bao folds: columns as lines, articles against the ground truth, adverts in comments, entities."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from reader.formats import ecpo
from reader.formats.detect import detect
from reader.model.document import Document
from reader.model.errors import FormatError
from reader.segmentation.analyze import analyze_file

ECPO = Path(__file__).parents[1] / "data" / "samples" / "chinese" / "ecpo_jingbao"
TEXT = sorted((ECPO / "textGT").glob("*.xml"))
F1920_23 = ECPO / "textGT" / "jb_0129_1920-04-03_0002+0003.xml"
F1920_14 = ECPO / "textGT" / "jb_0129_1920-04-03_0001+0004.xml"
F1930_14 = ECPO / "textGT" / "jb_1323_1930-04-03_0001+0004.xml"
F1939_23 = ECPO / "textGT" / "jb_3795_1939-04-21_0002+0003.xml"

_cache: dict[Path, Document] = {}


def doc_of(path: Path) -> Document:
    if path not in _cache:
        _cache[path] = analyze_file(path)
    return _cache[path]


def test_metadata_and_pages_from_the_fold() -> None:
    doc = doc_of(F1920_14)
    assert doc.format == "ecpo"
    assert doc.metadata["publication"] == "晶報 Jing bao"
    assert doc.metadata["date"] == "1920-04-03" and doc.metadata["issue"] == "129"
    assert [p.number for p in doc.pages] == [1, 4]
    assert all(p.vertical for p in doc.pages)


def test_a_page_div_without_type_is_still_a_page() -> None:
    # the recto page of this fold is <div page="recto" n="3"> with no type attribute
    assert [p.number for p in doc_of(F1939_23).pages] == [2, 3]


@pytest.mark.parametrize("path", TEXT, ids=lambda p: p.stem)
def test_every_ground_truth_article_comes_out_whole(path: Path) -> None:
    truth = ecpo.ground_truth_articles(path.read_bytes(), path)
    scores = ecpo.whole_articles(doc_of(path), truth)
    assert len(scores) == len(truth)
    broken = [(label, round(r, 3)) for label, r in scores if r < 0.95]
    assert broken == []


def test_ground_truth_counts() -> None:
    counts = [len(ecpo.ground_truth_articles(p.read_bytes(), p)) for p in TEXT]
    assert counts == [0, 10, 0, 23, 24, 26]


def test_columns_are_lines_with_stable_ids_and_every_character_traceable() -> None:
    doc = doc_of(F1920_23)
    lines = {ln.id: ln for ln in doc.lines()}
    assert len(lines) == sum(len(p.lines) for p in doc.pages)  # unique ids
    assert lines["p2.a2.c1"].text == "盲從"
    assert lines["p2.a2.c2"].text == "（丹翁）"
    assert lines["p2.a2.c3"].text.startswith("擇善而從、古訓也")
    for article in doc.articles:
        for part in article.parts:
            for span in part.spans:
                src = lines[span.line].text[span.line_start:span.line_start + span.end - span.start]
                got = part.text[span.start:span.end]
                # reflow writes a kept space as " " whatever space the source had (here often U+3000)
                assert [" " if c.isspace() else c for c in got] == [" " if c.isspace() else c for c in src]
    again = analyze_file(F1920_23)
    assert [ln.id for ln in again.lines()] == [ln.id for ln in doc.lines()]


def test_article_roles_and_reading_order_of_columns() -> None:
    doc = doc_of(F1920_23)
    art = next(a for a in doc.articles if a.headline == "盲從")
    assert art.kind == "article" and art.byline == "（丹翁）"
    body = art.paragraphs()
    # columns joined right to left (document order), no column boundary left in the text
    assert body[0].text.startswith(
        "擇善而從、古訓也、旣不能自立、又不能師人之長、人何以人、國何以國、自民治主義東漸以後"
    )
    assert body[-1].text == "嗚呼、盲於目、猶有相、盲於心、則恐終墮於冥冥矣、哀哉、"
    assert body[0].line_ids[:2] == ["p2.a2.c3", "p2.a2.c4"]
    # an editor's comment inside the text is not text
    assert all("It should be" not in p.text for a in doc.articles for p in a.parts)


def test_a_run_printed_upside_down_is_read_back_to_front() -> None:
    doc = doc_of(ECPO / "textGT" / "jb_1323_1930-04-03_0002+0003.xml")
    margin = next(a for a in doc.articles if a.id == "p2.a1")
    part = next(p for p in margin.parts if "招登" in p.text)
    # transcribed as seen: 議面 / 格價 / 吿廣 / 登招 / 處此 inside <r style="transform: rotate(180deg);">
    assert part.text == "此處招登廣吿價格面議"
    lines = {ln.id: ln for ln in doc.lines()}
    line_id, offset = part.locate(0) or ("", -1)
    assert lines[line_id].text[offset] == "此" and lines[line_id].text == "處此"
    # Latin set sideways (rotate(90deg)) stays in place
    assert any("Jadge Only" in a.text or "Jadge　Only" in a.text for a in doc.articles)


def test_a_character_turned_inside_a_column_keeps_the_column_in_order(tmp_path: Path) -> None:
    """One glyph set upside down in a line of upright ones (jb_3803 1939, a correction notice:
    ``，磬誤磐　麋誤<r style="transform: rotate(180deg);">糜</r>``) is that character turned where it stands: the
    line reads as printed, not back to front; a run of several turned characters inside a column is read back
    to front in its place; a whole turned column is read as before."""
    f = tmp_path / "jb_0004_1939-04-29_0006+0007.xml"
    f.write_text('<fold xml:id="x"><div type="page" n="6"><div type="article">'
                 "<p>□勘誤　昨報沈<lb/>淇泉聯仿詩鐘體則<lb/>"
                 '，磬誤磐　麋誤<r style="transform: rotate(180deg);">糜</r>'
                 "<!-- character 糜 rotated by 180 degrees --><lb/>。<lb/></p>"
                 '<p>甲乙<r style="transform: rotate(180deg);">丁丙</r>戊己。<lb/></p>'
                 '<p><r style="transform: rotate(180deg);">午庚<lb/>\n   未辛</r><lb/></p>'
                 "</div></div></fold>", encoding="utf-8")
    doc = analyze_file(f)
    text = "".join(p.text for a in doc.articles for p in a.parts)
    assert "磬誤磐麋誤糜。" in text.replace("　", "")
    assert "甲乙丙丁戊己。" in text
    assert "辛未庚午" in text
    lines = {ln.id: ln for ln in doc.lines()}
    part = next(p for a in doc.articles for p in a.parts if "丙丁" in p.text)
    k = part.text.index("丙")
    line_id, offset = part.locate(k) or ("", -1)
    assert lines[line_id].text[offset] == "丙"


def test_a_serials_chapter_line_opens_the_instalments_text(tmp_path: Path) -> None:
    """Under a serial's title and its writer, the chapter line ("五十四　這是什麼意思", "第一章　姿勢教育",
    "新加坡的威力（四）") is the instalment's first line, as the segmenter reads it without the divs (jb_3795
    1939's 新游俠傳, 怎樣使得健康美; the 1920 serials' 第七囘): text, not a deck; a deck that is no chapter line
    stays one."""
    f = tmp_path / "jb_0005_1939-04-21_0006+0007.xml"
    f.write_text('<fold xml:id="x"><div type="page" n="6">'
                 '<div type="article" itemid="1"><p>新游俠傳<lb/></p><p>張恨水<lb/></p>'
                 "<p>五十四　這是什麼意思<lb/></p>"
                 "<p>平生因拱一拱手道：劉老總你做下來，<lb/>聽我詳細對你說。<lb/></p></div>"
                 '<div type="article" itemid="2"><p>怎樣使得健康美<lb/></p><p>（芸芸）<lb/></p>'
                 "<p>第一章　姿勢教育<lb/></p>"
                 "<p>我們的直立姿勢雖是在人類生存上佔最重要地位，<lb/>可是一般人對於這姿勢抱極冷淡。<lb/></p></div>"
                 '<div type="article" itemid="3"><p>亞洲內幕<lb/></p><p>新加坡的威力　（四）<lb/></p>'
                 "<p>從技術方面說，新加坡是一個堡壘。<lb/>大約有七千軍隊駐紮該處。<lb/></p></div>"
                 '<div type="article" itemid="4"><p>晉南日軍受困<lb/></p><p>華軍已將夏縣包圍<lb/></p>'
                 "<p>據前線報吿、晉南之華軍、<lb/>業已將夏縣包圍、<lb/></p></div>"
                 "</div></fold>", encoding="utf-8")
    arts = [a for a in analyze_file(f).articles if a.kind == "article"]
    assert [a.headline for a in arts] == ["新游俠傳", "怎樣使得健康美", "亞洲內幕", "晉南日軍受困"]
    assert arts[0].byline == "張恨水" and arts[1].byline == "（芸芸）"
    assert [a.paragraphs()[0].text for a in arts[:3]] == ["五十四這是什麼意思", "第一章姿勢教育", "新加坡的威力（四）"]
    assert arts[0].subheadline is None and arts[2].subheadline is None
    assert arts[3].subheadline == "華軍已將夏縣包圍"  # a deck


def test_a_serials_rubric_title_author_and_synopsis_label(tmp_path: Path) -> None:
    """A serial's genre rubric (長篇小說, 滑稽小說, 小說) is its kicker and the title under it its headline; its
    writer is its one byline, and a short paragraph under the writer is the instalment's own title, opening the text
    (妓院), as the synopsis label 前文提要 opens it as a crosshead. Seen by eye (jb_3795 1939): 新上海春秋 and 前文提要
    were bylines under the headline 長篇小說, and the citation named no author (天笑) with 新上海春秋 as a role."""
    f = tmp_path / "jb_0005_1939-04-21_0002+0003.xml"
    f.write_text('<fold xml:id="x"><div type="page" n="2">'
                 '<div type="article" itemid="1"><p>長篇<lb/>小說<lb/></p><p>新上海春秋<lb/></p><p>（三三五）<lb/></p>'
                 "<p>天笑<lb/></p><p>前文<lb/>提要<lb/></p>"
                 "<p>周局長在新雅酒店，宴請張延年律師。<lb/></p><p>第十七回　千金之子不敢上堂<lb/></p>"
                 "<p>張律師道：『可不是？』<lb/></p></div>"
                 '<div type="article" itemid="2"><p>滑稽<lb/>小說<lb/>一重天<lb/></p><p>（一五〇）<lb/></p>'
                 "<p>卓呆<lb/></p><p>妓院<lb/></p><p>李阿毛聽罷、想了一想、問道：那末，<lb/>蟠桃園門外。<lb/></p></div>"
                 '<div type="article" itemid="3"><p>小說<lb/></p><p>妹妹我愛你<lb/></p><p>卓呆<lb/></p>'
                 "<p>一　睡態<lb/></p><p>曉芳睡在自己房裏的床上，略有休息。<lb/></p></div>"
                 "</div></fold>", encoding="utf-8")
    arts = [a for a in analyze_file(f).articles if a.kind == "article"]
    assert [(a.kicker, a.headline, a.byline) for a in arts] == [
        ("長篇小說", "新上海春秋", "天笑"), ("滑稽小說", "一重天", "卓呆"), ("小說", "妹妹我愛你", "卓呆")]
    assert [p.role for p in arts[0].parts[:6]] == ["kicker", "headline", "subheadline", "byline", "section-heading",
                                                   "paragraph"]
    assert arts[0].first("section-heading") == "前文提要"
    assert [p.text for p in arts[1].parts if p.role == "byline"] == ["卓呆"]
    assert arts[1].paragraphs()[0].text == "妓院"
    assert arts[2].paragraphs()[0].text == "一睡態"


def test_decks_of_several_columns_and_a_chapter_line_under_an_instalment_number(tmp_path: Path) -> None:
    """A deck of four short unpunctuated columns under the headline is the headline group's (jb_3796 1939's
    美艦集中太平洋: it had opened the text); a serial's 第八囘 under its instalment number and writer opens the text
    with the chapter's title, not a byline (jb_0133 1920's 愛克司光錄); running text broken off on 之 before a name
    set apart is the text's first words (甘維露)."""
    f = tmp_path / "jb_0006_1939-04-22_0002+0003.xml"
    f.write_text('<fold xml:id="x"><div type="page" n="2">'
                 '<div type="article" itemid="1"><p>美艦集中太平洋<lb/></p>'
                 "<p>爲長江權益問題<lb/>美已向日抗議<lb/>艦隊泊於距離日本較近洋面<lb/>保護所有屬地免日乘機掠奪<lb/></p>"
                 "<p>（華盛頓廿一日<lb/>路透社電）關於長<lb/>江上游美人權利事<lb/>、已提出抗議、<lb/></p></div>"
                 '<div type="article" itemid="2"><p>愛克司光錄<lb/></p><p>（一）<lb/>（〇）<lb/>（八）<lb/></p>'
                 "<p>李涵秋著<lb/>禁止轉載<lb/></p><p>第八囘<lb/></p><p>假撮合威壓平民<lb/>眞風波羞生中冓<lb/></p>"
                 "<p>再說張三丰乘着藍呢小轎、前前後<lb/>後、倒擁護着四五名家人、<lb/></p></div>"
                 '<div type="article" itemid="3"><p>甘維露化名控房東<lb/></p>'
                 "<p>十年前在上海會審工廨時代以<lb/>外籍律師資格執行律<lb/>務之<lb/></p>"
                 "<p>甘維露（英人而入華籍之者）、亦名甘德雲、<lb/>最近又化名潛赴南京、<lb/></p></div>"
                 "</div></fold>", encoding="utf-8")
    arts = [a for a in analyze_file(f).articles if a.kind == "article"]
    assert arts[0].subheadline == "爲長江權益問題美已向日抗議艦隊泊於距離日本較近洋面保護所有屬地免日乘機掠奪"
    assert arts[0].paragraphs()[0].text.startswith("（華盛頓廿一日路透社電）")
    assert arts[1].byline is None
    assert arts[1].paragraphs()[0].text == "第八囘"
    assert arts[1].paragraphs()[1].text == "假撮合威壓平民眞風波羞生中冓"
    assert arts[2].paragraphs()[0].text.startswith("十年前在上海會審工廨時代")


def test_multi_column_headline_and_decks() -> None:
    doc = doc_of(ECPO / "textGT" / "jb_3795_1939-04-21_0001+0004.xml")
    heads = {a.headline: a for a in doc.articles if a.kind == "article"}
    assert "地中海的海軍根據地" in heads  # a title broken over three short columns
    a = heads["各路華軍大擧反攻"]
    assert a.subheadline == "克復石龍包圍南昌贛南高安發生激烈爭奪戰綏晉重要據點多處已收復"
    assert a.paragraphs()[0].text.startswith("（重慶廿日海通電）據此間所接消息")


def test_adverts_kept_in_comments_become_advert_text() -> None:
    doc = doc_of(F1920_14)
    ads = [a for a in doc.articles if a.kind == "advertisement"]
    texts = [a.text for a in ads]
    assert any(t.startswith("上海五洲藥大房自來血樹皮丸海波藥") for t in texts)
    assert any("南洋兄弟烟草公司" in t for t in texts)
    assert any("Doan's Backache Kidney Pills." in t for t in texts)
    # descriptions of the pictures inside an advert are not its text
    assert all("backache." not in t and "box of kidney pills" not in t for t in texts)
    # each comment line is a column line that can be found again
    lines = {ln.id: ln for ln in doc.lines()}
    first = next(a for a in ads if a.text.startswith("上海五洲"))
    assert lines[first.parts[0].line_ids[0]].text == "上海五洲藥大房"
    furniture = [a for a in doc.articles if a.kind == "furniture"]
    assert any("第一版" in a.text for a in furniture)


def test_the_private_use_glyph_entity_is_substituted_in_comments() -> None:
    doc = doc_of(F1930_14)
    ad = next(a for a in doc.articles if a.text.startswith("調經姑嫂丸"))
    assert ad.text.count("〓") == 13 and "\ue111" not in ad.text  # an unreadable glyph is seen as one
    assert "&gaiji;" not in ad.text
    # the editors' note at the end of that comment is not advert text
    assert "hardly to read" not in ad.text


def test_entity_in_text_and_unknown_entities_stay_unexpanded(tmp_path: Path) -> None:
    f = tmp_path / "jb_0001_1920-01-01_0001+0004.xml"
    f.write_text('<!DOCTYPE ecpo [<!ENTITY gaiji "&#xe111;"><!ENTITY big "not one char">]>'
                 '<fold xml:id="x"><div type="page" n="1"><div type="article">'
                 "<p>標題<lb/></p><p>甲&gaiji;乙&big;丙、<lb/>丁戊、<lb/></p></div></div></fold>", encoding="utf-8")
    doc = analyze_file(f)
    art = doc.articles[0]
    assert art.headline == "標題"
    assert art.paragraphs()[0].text == "甲〓乙丙、丁戊、"
    assert any("&big;" in w for w in doc.warnings)


def test_wrapped_articles_nested_heads_and_loose_text(tmp_path: Path) -> None:
    f = tmp_path / "jb_0002_1920-01-04_0002+0003.xml"
    f.write_text('<fold xml:id="x"><div type="page" n="2">'
                 '<div type="other"><p>專欄<lb/></p>'
                 '<div type="article" itemid="1"><div type="head" mode="horizontal-tb"><p>第一篇<lb/></p></div>'
                 "<p>甲乙丙、<lb/>丁戊。<lb/></p></div>"
                 '<div type="article" itemid="2"><p>◘己庚辛、<lb/>壬癸。<lb/></p></div></div>'
                 "散落之字<lb/></div></fold>", encoding="utf-8")
    doc = analyze_file(f)
    arts = [a for a in doc.articles if a.kind == "article"]
    assert [a.headline for a in arts] == ["第一篇", None]
    assert arts[0].paragraphs()[0].text == "甲乙丙、丁戊。"
    assert arts[1].text == "◘己庚辛、壬癸。"
    texts = [a.text for a in doc.articles]
    assert "專欄" in texts and "散落之字" in texts
    scores = ecpo.whole_articles(doc, ecpo.ground_truth_articles(f.read_bytes(), f))
    assert [r for _, r in scores] == [1.0, 1.0]
    assert doc.metadata["pages"] == "2,3" and [p.number for p in doc.pages] == [2]


def test_an_article_transcribed_only_in_a_comment(tmp_path: Path) -> None:
    f = tmp_path / "jb_0003_1920-01-05_0001+0004.xml"
    f.write_text('<fold xml:id="x"><div type="page" n="1"><div type="article"><!-- 標題\n    正文一行、\n'
                 "    Note: hard to read\n --></div></div></fold>", encoding="utf-8")
    doc = analyze_file(f)
    assert [a.text for a in doc.articles] == ["標題正文一行、"]  # one comment, one paragraph
    assert [ln.id for ln in doc.lines()] == ["p1.a1.c1", "p1.a1.c2"]
    # the ground truth has no text for it (comments are not text): nothing can be lost
    assert ecpo.whole_articles(doc, ecpo.ground_truth_articles(f.read_bytes(), f)) == [("div2", 1.0)]


@pytest.mark.parametrize("body,why", [
    ('<!DOCTYPE fold [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><fold><div>&xxe;</div></fold>', "external entity"),
    ('<!DOCTYPE fold [<!ENTITY % p SYSTEM "http://example.org/x.dtd"> %p;]><fold/>', "parameter entity"),
    ('<!DOCTYPE fold [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;">]>'
     "<fold><div>&c;&c;</div></fold>", "bomb"),
    ('<fold><div type="page" n="1"><div type="article"><p>未完', "not well-formed"),
    ("<fold><div></fold>", "not well-formed"),
])
def test_hostile_and_broken_folds_give_one_clear_error(tmp_path: Path, body: str, why: str) -> None:
    f = tmp_path / "bad_fold.xml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(FormatError) as err:
        analyze_file(f)
    msg = str(err.value)
    assert msg.startswith(str(f)) and why in msg


def test_the_schema_is_not_a_fold() -> None:
    rng = ECPO / "schema" / "ecpo.rng"
    assert detect(rng.read_bytes(), rng) == "schema"
    doc = analyze_file(rng)
    assert doc.pages == [] and doc.articles == [] and doc.warnings and "schema" in doc.warnings[0]


def test_visual_ground_truth_gives_polygons_without_text() -> None:
    path = ECPO / "visualGT" / "jb_0129_1920-04-03_0002to0003.json"
    assert detect(path.read_bytes(), path) == "ecpo-layout"
    doc = analyze_file(path)
    assert doc.format == "ecpo-layout" and doc.articles == [] and len(doc.pages) == 1
    blocks = doc.pages[0].blocks
    assert len(blocks) == 140  # 87 annotations, some grouping several regions
    assert {b.type for b in blocks} <= {"article", "advertisement", "illustration", "furniture"}
    first = next(b for b in blocks if b.id == "p1.s-7687750")
    # the matrix translation is applied: (-41.91, -39.2) + (4218.92, 436.26)
    assert first.polygon is not None and first.polygon[0] == pytest.approx((4177.01, 397.06))
    assert all(not b.lines for b in blocks)


def test_every_visual_ground_truth_file_reads() -> None:
    counts = [sum(len(p.blocks) for p in analyze_file(f).pages) for f in sorted((ECPO / "visualGT").glob("*.json"))]
    assert counts == [29, 140, 58, 124, 99, 142]


FOLDS = sorted((ECPO / "textGT").glob("*.xml")) + sorted(
    (Path(__file__).parents[1] / "data" / "pages" / "ecpo_jingbao").glob("*.xml"))


def _transcribed(path: Path) -> Counter[str]:
    """Every character the fold's editors transcribed (text nodes, not comments), an entity or a private-use
    character (the gaiji glyph) as 〓."""
    from lxml import etree as et

    root = et.fromstring(path.read_bytes(), et.XMLParser(resolve_entities=False, load_dtd=False))
    out: Counter[str] = Counter()
    for node in root.iter():
        if isinstance(node, et._Entity):
            out["〓"] += 1
        elif not isinstance(node, et._Comment) and not isinstance(node, et._ProcessingInstruction):
            out.update(ch for ch in (node.text or "") if not ch.isspace())
        if node is not root:
            out.update(ch for ch in (node.tail or "") if not ch.isspace())
    pua = sum(n for ch, n in out.items() if 0xE000 <= ord(ch) <= 0xF8FF)
    out = Counter({ch: n for ch, n in out.items() if not 0xE000 <= ord(ch) <= 0xF8FF})
    out["〓"] += pua
    return +out


@pytest.mark.parametrize("path", FOLDS, ids=lambda p: p.stem)
def test_every_transcribed_character_of_a_fold_is_in_an_article(path: Path) -> None:
    doc = ecpo.read(path.read_bytes(), path)
    shown = Counter(ch for a in doc.articles for p in a.parts for ch in p.text if not ch.isspace())
    assert _transcribed(path) - shown == Counter()


def test_the_centre_margin_is_read_with_its_adverts() -> None:
    # jb_3796 1939-04-22 pp. 2+3: the 中縫 between the pages holds three clinic adverts
    path = next(p for p in FOLDS if p.name.startswith("jb_3796_1939-04-22_0002"))
    doc = ecpo.read(path.read_bytes(), path)
    ads = [a for a in doc.articles if a.kind == "advertisement"]
    assert any("小兒科" in a.text and "宋虞琪" in a.text for a in ads)
    assert any(a.text.startswith("梅邨") for a in ads)
    assert any("陳效懷醫師" in a.text for a in ads)
    fold_margin = sum(len(a.text) for a in ads if any(x in a.text for x in ("小兒科", "梅邨", "陳效懷")))
    total = sum(len(a.text) for a in doc.articles)
    assert 0.03 < fold_margin / total < 0.12  # 3–8 % of a fold's text, as the issue measured


@pytest.mark.parametrize(("path", "count"), [(F1930_14, 13), (ECPO / "textGT" / "jb_0129_1920-04-03_0002+0003.xml", 3)],
                         ids=["entity-in-comments", "typed-in-text"])
def test_an_unreadable_glyph_is_shown_as_a_geta_mark(path: Path, count: int) -> None:
    # &gaiji; (a private-use character) in comments, and the same U+E111 typed straight into the text
    doc = ecpo.read(path.read_bytes(), path)
    text = "".join(a.text for a in doc.articles)
    assert "\ue111" not in text and text.count("〓") == count


def test_an_annotators_english_sentence_in_an_advert_comment_is_not_its_text(tmp_path: Path) -> None:
    # the real advert 854 of 1930-04-03 p. 1, its editor's note written without the "Note:" it has there
    src = F1930_14.read_text(encoding="utf-8").replace(
        "Note: The line under the first image is illegiable.", "The line under the first image is illegiable.")
    f = tmp_path / F1930_14.name
    f.write_text(src, encoding="utf-8")
    doc = ecpo.read(f.read_bytes(), f)
    ad = next(a for a in doc.articles if a.text.startswith("山得爾巴黎白濁丸"))
    assert "illegiable" not in ad.text and ad.text.endswith("七日斷根")
    assert any("Doan's Backache Kidney Pills." in a.text for a in ecpo.read(F1920_14.read_bytes(), F1920_14).articles)


def test_an_annotators_note_is_left_out_but_english_advert_copy_is_kept() -> None:
    from reader.formats.ecpo import _is_note

    for note in ("here the first character is not clearly printed !", "It is unclear whether this is 二 or not",
                 "the last two characters are illegible", "probably a misprint in the original"):
        assert _is_note(note) or any(ord(c) > 0x2E80 for c in note), note
    for copy in ("Sold by all chemists and stores.", "Doan's Backache Kidney Pills.", "For coughs and colds",
                 "Agents for the Far East: Watson and Co."):
        assert not _is_note(copy), copy


def test_transcription_markup_inside_an_advert_comment_is_not_its_text(tmp_path: Path) -> None:
    """Jing bao 1930-04-18: the editors copied the column break into the comment that holds an advert's copy
    (``<!--  請飲金納氏巴德補血酒以健尊體<lb/> -->``); the reader showed "<lb/>" as the advert's last characters."""
    f = tmp_path / "jb_1328_1930-04-18_0002+0003.xml"
    f.write_text('<fold xml:id="x"><div type="page" n="2"><div type="margin"><div type="advert" itemid="1">'
                 "<!--  請飲金納氏巴德<lb/>補血酒以健尊體<lb/> --></div></div></div></fold>", encoding="utf-8")
    doc = ecpo.read(f.read_bytes(), f)
    assert [ln.text for ln in doc.lines()] == ["請飲金納氏巴德", "補血酒以健尊體"]
