"""Layout from geometry: reading order, headlines, articles, captions, adverts, furniture, vertical pages."""

from __future__ import annotations

from reader.model.document import Article, Block, Line, Page, Word
from reader.segmentation.geometry import (
    articles_from_layout,
    block_paragraphs,
    block_part,
    paragraph_starts,
    reading_order,
)


def _block(bid: str, x0: float, y0: float, texts: list[str], *, width: float = 300, lh: float = 20,
           font: float | None = None, btype: str = "text", indents: dict[int, float] | None = None,
           ends: dict[int, float] | None = None) -> Block:
    lines = []
    for k, t in enumerate(texts):
        left = x0 + (indents or {}).get(k, 0.0)
        right = x0 + (ends or {}).get(k, width)
        lines.append(
            Line(id=f"{bid}.l{k}", text=t, box=(left, y0 + k * lh, right, y0 + (k + 1) * lh - 2), font_size=font)
        )
    return Block(id=bid, lines=lines, box=(x0, y0, x0 + width, y0 + len(texts) * lh), type=btype, font_size=font)


def _page(blocks: list[Block], width: float = 1000, height: float = 1400, vertical: bool = False) -> Page:
    return Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=width, height=height,
                vertical=vertical)


def test_columns_are_read_one_after_the_other_and_a_full_width_block_breaks_the_flow() -> None:
    mast = _block("mast", 50, 60, ["THE DAILY"], width=900, lh=60)
    a1 = _block("a1", 50, 200, ["left top"] * 5)
    a2 = _block("a2", 50, 320, ["left bottom"] * 5)
    b1 = _block("b1", 400, 200, ["mid top"] * 3)
    b2 = _block("b2", 400, 300, ["mid bottom"] * 3)
    wide = _block("wide", 50, 700, ["spanning headline"], width=650, lh=40)
    c1 = _block("c1", 50, 780, ["below left"] * 3)
    c2 = _block("c2", 400, 780, ["below mid"] * 3)
    right = _block("right", 720, 200, ["right column"] * 30, width=250)
    page = _page([right, c2, wide, b2, mast, a2, c1, b1, a1])
    assert [b.id for b in reading_order(page)] == ["mast", "a1", "a2", "b1", "b2", "wide", "c1", "c2", "right"]


def test_vertical_pages_read_tiers_top_down_and_columns_right_to_left() -> None:
    def col(bid: str, x0: float, y0: float) -> Block:
        line = Line(id=bid + ".l0", text="字字字", box=(x0, y0, x0 + 20, y0 + 300))
        return Block(id=bid, lines=[line], box=line.box, vertical=True)

    top_r, top_l = col("tr", 500, 50), col("tl", 100, 50)
    low_r, low_l = col("lr", 500, 500), col("ll", 100, 500)
    page = _page([top_l, low_l, low_r, top_r], vertical=True)
    assert [b.id for b in reading_order(page)] == ["tr", "tl", "lr", "ll"]


def test_source_reading_order_wins_when_complete() -> None:
    a = _block("a", 50, 50, ["first"])
    b = _block("b", 500, 50, ["second"])
    a.order, b.order = 1, 0
    assert [x.id for x in reading_order(_page([a, b]))] == ["b", "a"]


def test_block_part_joins_latin_lines_and_undoes_marked_hyphenation() -> None:
    block = _block("x", 0, 0, ["An exam-", "ple of reflow", "and more"])
    block.lines[0].hyphenated = True
    part = block_part(block, "paragraph")
    assert part.text == "An example of reflow and more"
    assert part.locate(part.text.index("ple")) == ("x.l1", 0)


def test_block_part_joins_cjk_lines_without_space() -> None:
    block = _block("z", 0, 0, ["中国 人民", "银行"])
    assert block_part(block, "paragraph").text == "中国人民银行"


def test_paragraph_breaks_from_indentation_and_short_last_lines() -> None:
    texts = ["  Indented start of one", "paragraph that goes on", "and ends here.",
             "Next one starts", "flush and ends.", "Third"]
    block = _block("p", 0, 0, texts, indents={0: 30, 3: 0}, ends={2: 150})
    assert paragraph_starts(block.lines) == [0, 3]
    block.lines[3].box = (30, 60, 300, 78)  # indented too
    assert paragraph_starts(block.lines) == [0, 3]
    parts = block_paragraphs(block)
    assert [p.text for p in parts][0].endswith("ends here.")
    assert len(parts) == 2


def test_headlines_by_font_size_group_following_blocks_into_articles() -> None:
    h1 = _block("h1", 50, 50, ["Big News"], font=20, lh=40)
    p1 = _block("p1", 50, 100, ["Body text one.", "More body."], font=9)
    p2 = _block("p2", 50, 150, ["Still the same article."], font=9)
    h2 = _block("h2", 50, 200, ["Other Story", "Body begins here.", "and goes on."], font=9)
    h2.lines[0].font_size = 16
    p3 = _block("p3", 50, 300, ["Last body." * 3], font=9)
    arts = articles_from_layout([_page([h1, p1, p2, h2, p3])], prefix="x.")
    assert [a.headline for a in arts] == ["Big News", "Other Story"]
    assert arts[0].id == "x.a1" and arts[1].id == "x.a2"
    assert "Still the same article." in arts[0].text
    assert arts[1].paragraphs()[0].text.startswith("Body begins here.")
    assert "Last body." in arts[1].text


def test_heading_types_make_headlines_and_a_smaller_one_before_is_a_kicker() -> None:
    k = _block("k", 50, 50, ["Kicker words"], font=10, btype="heading")
    h = _block("h", 50, 80, ["Main Headline"], font=18, btype="heading")
    s = _block("s", 50, 130, ["A subheadline"], font=12, btype="heading")
    body = _block("b", 50, 170, ["Body.", "Body again."], font=9)
    (art,) = articles_from_layout([_page([k, h, s, body])])
    assert (art.kicker, art.headline, art.subheadline) == ("Kicker words", "Main Headline", "A subheadline")


def test_adverts_captions_and_furniture() -> None:
    folio = _block("folio", 450, 10, ["12"], width=40)
    head = _block("head", 50, 100, ["Headline"], font=20, lh=40)
    body = _block("body", 50, 150, ["Body of the story.", "More."], font=9)
    pic = Block(id="pic", box=(50, 220, 350, 500), type="Illustration")
    cap = _block("cap", 50, 505, ["The picture shows a horse."], font=8)
    more = _block("more", 50, 560, ["Story goes on."], font=9)
    ad = _block("ad", 600, 100, ["Buy soap!", "Cheap."], font=9, btype="Advertisement")
    ad.box = (600, 100, 900, 640)
    arts = articles_from_layout([_page([folio, head, body, pic, cap, more, ad], height=1400)])
    kinds = {a.kind for a in arts}
    assert kinds == {"article", "advertisement", "furniture"}
    story = next(a for a in arts if a.kind == "article")
    assert story.headline == "Headline"
    assert [p.role for p in story.parts] == ["headline", "paragraph", "caption", "paragraph"]
    assert next(a for a in arts if a.kind == "advertisement").parts[0].role == "advertisement"
    assert next(a for a in arts if a.kind == "furniture").text == "12"


def test_text_before_the_first_headline_continues_the_previous_page() -> None:
    p1 = _page([_block("h", 50, 100, ["Headline"], font=20, lh=40), _block("b", 50, 150, ["Body."], font=9)])
    p2 = _page([_block("c", 50, 100, ["continued text."], font=9)])
    p2.number = 2
    for ln in p2.blocks[0].lines:
        ln.id = "p2." + ln.id
    (art,) = articles_from_layout([p1, p2])
    assert art.pages == [1, 2]
    assert art.text.endswith("continued text.")


def test_vertical_block_paragraphs_use_the_top_edge() -> None:
    lines = []
    columns = [(40, 400, "第一段開始"), (20, 400, "繼續"), (20, 200, "完。"), (40, 400, "第二段"), (20, 400, "完")]
    for k, (top, bottom, text) in enumerate(columns):
        x = 500 - k * 22
        lines.append(Line(id=f"v{k}", text=text, box=(x, top, x + 20, bottom)))
    block = Block(id="v", lines=lines, vertical=True)
    assert paragraph_starts(lines, vertical=True) == [0, 3]
    assert [p.text for p in block_paragraphs(block)] == ["第一段開始繼續完。", "第二段完"]


def test_rules_between_columns_do_not_glue_them_together() -> None:
    left = _block("left", 50, 100, ["left column"] * 20, width=300)
    right = _block("right", 340, 100, ["right column"] * 20, width=300)  # boxes overlap by 10 px
    rule = Block(id="rule", box=(330, 90, 360, 520), type="graphic")  # a vertical rule over both edges
    wide_rule = Block(id="hr", box=(40, 95, 650, 99), type="graphic")
    order = [b.id for b in reading_order(_page([right, rule, wide_rule, left]))]
    assert [i for i in order if i in ("left", "right")] == ["left", "right"]
    assert set(order) == {"left", "right", "rule", "hr"}


def test_a_headline_inside_a_block_starts_a_new_article_and_its_deck_is_a_subheadline() -> None:
    block = _block("b", 50, 100, ["End of the first story.", "NEW STORY", "Its deck line", "Body of the new story."],
                   font=9)
    block.lines[1].font_size = 18
    block.lines[2].font_size = 12
    head = _block("h", 50, 40, ["First"], font=20, lh=40)
    arts = articles_from_layout([_page([head, block])])
    assert [a.headline for a in arts] == ["First", "NEW STORY"]
    assert arts[1].subheadline == "Its deck line"
    assert arts[1].paragraphs()[0].text == "Body of the new story."
    assert arts[0].text.endswith("End of the first story.")


def test_the_masthead_is_page_furniture_not_a_headline() -> None:
    mast = _block("mast", 50, 20, ["THE DAILY NEWS"], width=900, lh=80, font=60)
    head = _block("h", 50, 200, ["A Headline"], font=18, lh=30)
    body = _block("b", 50, 240, ["Body text."] * 8, font=9)
    arts = articles_from_layout([_page([mast, head, body])])
    assert [(a.kind, a.headline) for a in arts] == [("article", "A Headline"), ("furniture", None)]
    assert arts[1].text == "THE DAILY NEWS"


def test_an_indent_inside_a_running_sentence_is_not_a_paragraph_break() -> None:
    texts = ["The prosecutrix was accosted", "by the prisoner,", "ith a question.", "Next paragraph here", "ends."]
    block = _block("r", 0, 0, texts, indents={2: 30, 3: 30}, ends={2: 120})
    assert paragraph_starts(block.lines) == [0, 3]


def test_a_band_of_columns_filled_to_one_foot_is_read_before_the_section_under_it() -> None:
    """Three columns ending at one line, a feuilleton under them (its rule not in the OCR): the top band's
    columns are read first, so a word broken at the foot of column 2 meets its end at the head of column 3."""
    cols = [_block(f"top{k}", 50 + 320 * k, 100, ["column text"] * (10 + 5 * (k % 2))) for k in range(3)]
    for c in cols:  # make every column reach the same foot, y = 500
        c.lines[-1].box = (c.lines[-1].box[0], c.lines[-1].box[1], c.lines[-1].box[2], 500.0)
        c.box = (c.box[0], c.box[1], c.box[2], 500.0)
    foot = [_block(f"foot{k}", 50 + 320 * k, 540, ["feuilleton verse"] * 8) for k in range(3)]
    page = _page([*foot, *cols])
    assert [b.id for b in reading_order(page)] == ["top0", "top1", "top2", "foot0", "foot1", "foot2"]
    # ragged feet are a chance alignment of block ends: each column is read top to bottom
    cols[1].box = (cols[1].box[0], cols[1].box[1], cols[1].box[2], 420.0)
    cols[1].lines[-1].box = (cols[1].lines[-1].box[0], cols[1].lines[-1].box[1], cols[1].lines[-1].box[2], 420.0)
    page = _page([*foot, *cols])
    assert [b.id for b in reading_order(page)] == ["top0", "foot0", "top1", "foot1", "top2", "foot2"]


def test_a_line_across_some_columns_over_a_band_does_not_hide_the_band_s_own_columns() -> None:
    """L'Union 1863: a timetable's footnote set across the first three of four columns sat over the news; the
    news columns, filled to one foot over the feuilleton, were read with it and column 4 after the feuilleton."""
    mast = _block("mast", 50, 0, ["L'UNION"], width=900, lh=40)
    note = _block("note", 100, 60, ["the hour at Paris is behind"], width=600)
    cols = [_block(f"top{k}", 50 + 240 * k, 100, ["column text"] * (10 + 5 * (k % 2)), width=220) for k in range(4)]
    for c in cols:  # every column filled to the same foot, y = 500
        c.lines[-1].box = (c.lines[-1].box[0], c.lines[-1].box[1], c.lines[-1].box[2], 500.0)
        c.box = (c.box[0], c.box[1], c.box[2], 500.0)
    foot = [_block(f"foot{k}", 50 + 240 * k, 540, ["feuilleton verse"] * 8, width=220) for k in range(4)]
    page = _page([mast, note, *foot, *cols])
    assert [b.id for b in reading_order(page)] == ["mast", "note", "top0", "top1", "top2", "top3",
                                                   "foot0", "foot1", "foot2", "foot3"]


def test_a_chapter_number_alone_under_a_serial_s_title_opens_the_instalment_s_text() -> None:
    """L'Union 1863: under "FEUILLETON." and "MADAME THÉRÈSE." the chapter's number "IX." stood alone on its line
    over "(Suite.)": it was set aside as an OCR fragment and "(Suite.)" read as a deck; both open the text."""
    label = _block("lab", 250, 100, ["FEUILLETON."], width=200, lh=34, font=11)
    title = _block("tit", 150, 200, ["MADAME THÉRÈSE."], width=400, lh=60, font=20)
    num = _block("num", 330, 290, ["IX."], width=40, lh=38, font=10)
    cont = _block("cont", 310, 340, ["(Suite.)"], width=90, lh=38, font=10)
    text = _block("txt", 50, 390, ["Tout cela, je le voyais d'avance, je ne me", "tenais plus en place.",
                                    "— Mais, au nom du ciel, qu'as-tu donc?", "me disait Lisbeth; tu vas, tu cours",
                                    "une âme en peine.", "Je n'entendais plus; le nez aplati contre",
                                    "la vitre, je pensai."],
                  width=600, lh=40, font=10, indents={0: 30, 2: 30, 5: 30}, ends={1: 300, 4: 250, 6: 300})
    arts = [a for a in articles_from_layout([_page([label, title, num, cont, text])]) if a.kind != "furniture"]
    assert len(arts) == 1 and arts[0].headline == "MADAME THÉRÈSE."
    assert [p.text for p in arts[0].paragraphs()][:2] == ["IX.", "(Suite.)"]
    # elsewhere a Roman numeral alone on its line is still no heading of its own
    stray = _block("stray", 330, 290, ["IX."], width=40, lh=38, font=10)
    plain = articles_from_layout([_page([title, stray, text])])
    assert not any(p.text == "IX." for a in plain if a.kind != "furniture" for p in a.paragraphs())


def _blind_page(paragraphs: list[list[str]]) -> Page:
    """A page as ECPO without its divs gives it: paragraphs in reading order, no sizes, no boxes."""
    blocks = [Block(id=f"b{k}", lines=[Line(id=f"b{k}.l{j}", text=t) for j, t in enumerate(p)], order=k)
              for k, p in enumerate(paragraphs)]
    return _page(blocks, vertical=True)


def test_on_a_blind_page_captions_signed_briefs_and_closing_display_copy_are_items_of_their_own() -> None:
    """Jing bao 1930 without its divs: a ◘ caption was read as the next article's headline, ◘ briefs were
    glued into the article above, and the advert closing the page into the last article."""
    body = "今日上海各報均派記者到會紀錄、每報均有四五人之多、所有稿件、悉由火車帶滬、"
    page = _blind_page([
        ["梅蘭芳赴美之成功"], [body, body + "云、"], ["地中海岸Berre水上飛機場沙灘吟眺"], [body + "也、"],
        ["一筆敦倫賬"], ["槐卿日記、余所得者、有下列諸册、"], ["（三）第四册已失）"], ["（四）第五册、光緒丁酉。"],
        ["◘全國運動會大門◘", "（程久康自杭州寄）"], ["◀上海名妓飛雲▶"],
        ["全國運動會新聞之競爭"], [body, "故時報照片、刊載獨多也、"],
        ["◘葉少英律師受交部屬託、查積餘", "帳目、已查淸無誤、（梁）"],
        ["大前門香烟", "品質超美 枝枝一律"],
        ["各稿版權均歸本社所有禁止轉載翻印"], ["廣吿刊例：報名旁每日每方二十元長行計七寸高每日每行一元八角"],
    ])
    arts = articles_from_layout([page])
    got = [(a.kind, a.parts[0].text[:6]) for a in arts]
    assert got == [("article", "梅蘭芳赴美之"), ("article", "地中海岸Be"), ("article", "一筆敦倫賬"),
                   ("photo", "◘全國運動會"), ("photo", "◀上海名妓飛"),
                   ("article", "全國運動會新"),
                   ("article", "◘葉少英律師"), ("advertisement", "大前門香烟品"), ("furniture", "各稿版權均歸")]
    assert "（三）第四册已失）" in arts[2].text and "廣吿刊例" in arts[-1].text


def test_a_name_in_display_type_closing_an_advert_signs_it_and_heads_nothing() -> None:
    """Ashdown 1922: "Ashdown Hardware Co" in large type at the foot of its advert opened the next advert."""
    ad1 = _block("ad1", 50, 50, ["Why Not", "buy your presents this year", "that are useful? Our store",
                                 "Ashdown Hardware Co"], font=9, lh=30)
    ad1.lines[0].font_size = ad1.lines[3].font_size = 20
    ad2 = _block("ad2", 50, 200, ["IS THE TITLE CLEAR?", "Let us make an abstract of", "your lands for you."],
                 font=9, lh=30)
    ad2.lines[0].font_size = 20
    arts = articles_from_layout([_page([ad1, ad2])])
    assert [a.headline for a in arts] == ["Why Not", "IS THE TITLE CLEAR?"]
    assert arts[0].text.endswith("Ashdown Hardware Co")


def test_a_number_set_large_heads_nothing_and_an_ornament_line_parts_two_items() -> None:
    """A phone number in display type ("149") is no headline; "-o-" alone on a line inside a block ends the
    item above it."""
    head = _block("h", 50, 50, ["CLASSIFIED"], font=20, lh=40)
    body = _block("b", 50, 100, ["Call the Poundmaster", "149", "PUBLIC SALE at the home", "of D. H. Wood.",
                                 "-o-", "Rev. Jesse Hamilton, the new", "pastor, preached Sunday."], font=9)
    body.lines[1].font_size = 20
    arts = articles_from_layout([_page([head, body])])
    assert [a.kind for a in arts] == ["article", "article"]
    assert arts[0].headline == "CLASSIFIED" and "PUBLIC SALE" in arts[0].text
    assert arts[1].text.startswith("Rev. Jesse Hamilton")


def test_a_wavy_rule_the_ocr_read_as_letters_parts_two_items() -> None:
    """Little River News 1918: a wavy rule under the candidates' announcements, read by the OCR as "<vwwvwwvwwvwvw",
    set off B. F. Arnold's card; as letters it joined nothing and parted nothing. A line of v's and w's alone is a
    rule: it ends the item above it, as "-o-" does; a word of v's and w's inside running text parts nothing."""
    head = _block("h", 50, 50, ["ANNOUNCEMENTS"], font=20, lh=40)
    body = _block("b", 50, 100, ["The News is authorized to announce", "Hon. Otis T. Wingo as a candidate.",
                                 "<vwwvwwvwwvwvw", "B. F. Arnold candidate for State Sen-",
                                 "ator of the 22nd District.",
                                 "vvv www at the works.", "Your vote respectfully solicited."], font=9)
    arts = [a for a in articles_from_layout([_page([head, body])]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == ["ANNOUNCEMENTS", None]
    assert arts[1].text.startswith("B. F. Arnold") and "vvv www at the works." in arts[1].text


def test_a_deck_wrapped_in_lower_case_stays_display_and_a_large_tail_of_a_sentence_is_body() -> None:
    """Evening Star 1918: the deck "French Gain on Canal du Nord / and to the North / of Soissons." read as
    running text and was cut from its headline; a paragraph's last words with a noisy large size ("of Leury.")
    opened an article of their own."""
    texts = ["French Gain on Canal du Nord", "and to the North", "of Soissons.",
             "Mont St. Quentin, dominating Peronne and the angle of the river, has been",
             "taken by the Australians, together with the village lying to the west of",
             "of Leury.", "Notwithstanding the fact that the allied progress has slowed down, the",
             "thrusts along the whole front have been successful, says the report.",
             "A gain of great importance in the sector has been made by the British."]
    block = _block("b", 50, 100, texts, width=600, font=8)
    for k, ln in enumerate(block.lines):
        if k < 3:
            ln.font_size = 16
            ln.box = (ln.box[0], 100 + 60 * k, ln.box[2], 100 + 60 * k + 58)
        else:
            ln.box = (ln.box[0], 300 + 20 * k, ln.box[2], 300 + 20 * k + 18)
    block.lines[5].font_size = 12
    arts = articles_from_layout([_page([block])])
    assert [a.headline for a in arts] == ["French Gain on Canal du Nord and to the North of Soissons."]
    assert "west of of Leury. Notwithstanding" in arts[0].text


def test_a_banner_ending_in_the_issue_date_is_the_masthead_row_and_a_dateline_may_begin_a_line_early() -> None:
    """Evening Star 1918: the masthead row (ears and date line, the title a picture not OCR'd) was read as two
    articles; "WITH THE BRITISH ARMY IN" / "FRANCE, August 31.—" lost its first line to the headline group."""
    mast = _block("m", 50, 20, ["WEATHER.", "Probably fair today and tomorrow.", "Member of the Associated Press",
                                "WASHINGTON, D. C., SUNDAY MORNING, SEPTEMBER 1, 1918"], width=900, font=6, lh=15)
    body = _block("b", 50, 250, ["Australians Surprise Enemy", "By the Associated Press.",
                                 "WITH THE BRITISH ARMY IN", "FRANCE, August 31.—With Mont St. Quentin",
                                 "in British possession the Germans to the", "north are placed in a bad position."],
                  font=6, lh=15, indents={1: 60, 2: 40}, ends={1: 240, 2: 260})
    body.lines[0].font_size = 16
    body.lines[0].box = (50, 210, 350, 248)
    other = _block("o", 400, 200, ["Other news of the day runs here in", "the second column of the page."] * 6,
                   font=6, lh=15)
    arts = articles_from_layout([_page([mast, body, other])])
    assert [a.kind for a in arts if "WEATHER." in a.text] == ["furniture"]
    story = next(a for a in arts if a.headline == "Australians Surprise Enemy")
    assert story.paragraphs()[0].text.startswith("WITH THE BRITISH ARMY IN FRANCE, August 31.")


def test_on_a_blind_page_advert_copy_is_adverts_cut_at_their_addresses_not_a_headline() -> None:
    """Jing bao 1939 without divs: a run of adverts' short lines was read as one huge headline over the next
    article. Copy with an address or a telephone is adverts, one closing at each address."""
    body = "據龍華來人云、前晚八時許、有華方遊擊隊、進攻距龍華不足二公里之王家渡、當將僞團擊潰、"
    page = _blind_page([
        ["大中華", "●時裝大衣公司●"], ["式樣摩登！", "定價公道！"], ["地址四馬路廣西路口"],
        ["福煦路南成都路口", "振新洗染廠"], ["春季", "大", "減價"], ["電話八五九九九"],
        ["龍華游擊隊神計妙算"], [body, body + "云、"],
    ])
    arts = articles_from_layout([page])
    assert [(a.kind, a.text[:5]) for a in arts] == [("advertisement", "大中華●時"), ("advertisement", "福煦路南成"),
                                                     ("article", "龍華游擊隊")]
    assert arts[2].headline == "龍華游擊隊神計妙算"


def test_a_crosshead_close_under_the_text_stays_in_its_article_an_item_head_set_off_opens_one() -> None:
    """Evening Star 1918: "Claims Right to Sink." (8 pt over a 6 pt body, no whitespace above) divides one
    report; "Archbishop of West Indies." (the same size, a blank line above, a dateline under) opens an item."""
    texts = ["PEACE MANIA GRIPS GERMANY", "The people of Germany are tired of the war and say so.",
             "Claims Right to Sink.", "Capt. von Kuehlwetter, the Cologne", "Gazette's naval expert, explains that",
             "Germany may sink every ship she meets.", "Archbishop of West Indies.", "NEW YORK, August 26.—The",
             "archbishop has resigned his see today."]
    block = _block("b", 50, 100, texts, font=6, lh=20)
    block.lines[0].font_size = 16
    block.lines[0].box = (50, 40, 350, 98)
    block.lines[2].font_size = block.lines[6].font_size = 8
    for ln in block.lines[6:]:  # a blank line above the second item
        ln.box = (ln.box[0], ln.box[1] + 40, ln.box[2], ln.box[3] + 40)
    other = _block("o", 400, 100, ["Other news of the day runs on in the", "second column of the page here."] * 6,
                   font=6, lh=20)
    arts = articles_from_layout([_page([block, other])])
    assert [a.headline for a in arts[:2]] == ["PEACE MANIA GRIPS GERMANY", "Archbishop of West Indies."]
    assert [p.role for p in arts[0].parts][:3] == ["headline", "paragraph", "section-heading"]
    assert "Capt. von Kuehlwetter" in arts[0].text


def test_a_correspondents_dateline_over_three_lines_is_the_body_start() -> None:
    """"WITH THE AMERICAN FORCES / NORTH OF THE / AISNE, August 31.—" opens the report (Evening Star 1918)."""
    body = _block("b", 50, 250, ["Ludendorff Fights Bitterly", "By the Associated Press.", "WITH THE AMERICAN FORCES",
                                 "NORTH OF THE", "AISNE, August 31.—Amid the tangled", "woods the Germans held on",
                                 "all day against the attack."], font=6, lh=15, indents={1: 60, 2: 40, 3: 80},
                  ends={1: 240, 2: 260, 3: 200})
    body.lines[0].font_size = 16
    body.lines[0].box = (50, 210, 350, 248)
    other = _block("o", 400, 200, ["Other news of the day runs here in", "the second column of the page."] * 6,
                   font=6, lh=15)
    story = next(a for a in articles_from_layout([_page([body, other])]) if a.headline == "Ludendorff Fights Bitterly")
    assert story.paragraphs()[0].text.startswith("WITH THE AMERICAN FORCES NORTH OF THE AISNE, August 31.")


def test_a_centred_heading_in_smaller_type_inside_a_block_opens_an_item() -> None:
    """Der Nordstern 1878: items' headings set at 6 pt over an 8 pt body, inside the block of the item above
    ("Will keine Vermittelung."), opened nothing and the two items ran together."""
    texts = ["Die Regierung hat weitere 1,200 Krupp'sche", "Feldgeschütze bei der Firma bestellt.",
             "Will keine Vermittelung.", "Die Agence Russe schreibt, das Gesuch", "der Pforte um Vermittelung wird ab-",
             "gelehnt werden, denn dem Völkerrecht", "gemäß kann Vermittlung nur dann sein."]
    block = _block("b", 50, 100, texts, width=600, font=8, lh=37)
    head = block.lines[2]
    head.font_size, head.box = 6, (250, head.box[1] + 5, 450, head.box[1] + 30)
    other = _block("o", 700, 100, ["Other news of the day runs here in", "the second column of the page."] * 6,
                   width=600, font=8, lh=37)
    arts = articles_from_layout([_page([block, other], width=1400)])
    assert [a.headline for a in arts][:2] == [None, "Will keine Vermittelung."]
    assert arts[1].paragraphs()[0].text.startswith("Die Agence Russe")


def test_a_small_deck_under_a_heading_and_a_heading_over_a_garbled_dateline() -> None:
    """Der Nordstern 1878: "Vier Personen verlieren in den Flammen ihr Leben." (smaller type under "Feuer.") is
    the deck, not the body; "Die „Huron" Katastrophe." centred over a block opening on a dateline the OCR read as
    "W a 2 7" heads an item (that line is no table row)."""
    prev = _block("p", 50, 40, ["Leichen von Gattin und Kind wurden", "heute Morgen tot aufgefunden, sagt man."],
                  width=600, font=8, lh=37)
    head = _block("h", 250, 130, ["Die Huron-Katastrophe."], width=200, font=8, lh=30)
    body = _block("b", 50, 170, ["W a 2 7", "Lieutenant Walton hat einen Bericht über",
                                 "die Katastrophe gemacht, aus dem", "hervorgeht, daß ein Fischer das Schiff sah."],
                  width=600, font=8, lh=37)
    fire = _block("f", 250, 340, ["Feuer."], width=120, font=11, lh=45)
    deck = _block("d", 100, 390, ["Vier Personen verlieren in den Flammen ihr", "Leben."], width=500, font=6, lh=28)
    text = _block("t", 50, 450, ["Morgen zwischen 1 und 2 Uhr entdeckte", "man in einem Hause Feuer. Es wurde",
                                 "leicht gelöscht, sagt die Feuerwehr heute."], width=600, font=8, lh=37)
    arts = articles_from_layout([_page([prev, head, body, fire, deck, text], width=1400)])
    assert [a.headline for a in arts] == [None, "Die Huron-Katastrophe.", "Feuer."]
    assert arts[2].subheadline == "Vier Personen verlieren in den Flammen ihr Leben."
    assert arts[2].paragraphs()[0].text.startswith("Morgen zwischen")


def test_a_weeklys_publisher_box_a_rubric_over_an_item_head_and_a_garbled_dateline() -> None:
    """Der Nordstern 1878: the publisher's box in column 1 made seven articles; "Politisches." over "Bismarck
    Pläne." (a rubric over an item's heading, both centred) was body; a dispatch whose dateline the OCR read as
    "a 2 7" ran on in the item above."""
    box = [_block("p1", 50, 100, ["Herausgegeben von", "Brick & Kaiser."], width=300),
           _block("p2", 50, 160, ["erscheint jeden Donnerstag und kostet", "jährlich $2.50."], width=300),
           _block("p3", 50, 220, ["Advertising Rates.", "10 cents per line for the first Insertion."], width=300),
           _block("p4", 50, 280, ["Letter Box 407"], width=300)]
    rubric = _block("r", 470, 100, ["Politisches.", "Bismarck Pläne."], width=120, lh=20)
    body = _block("b", 400, 145, ["Fürst Bismarck's Annäherung an die", "Liberalen scheint den Zweck zu haben,",
                                  "eine starke Mehrheit zu erlangen."])
    frag = _block("f", 470, 215, ["a 2 7"], width=80)
    news = _block("n", 400, 240, ["Eine Depesche aus Wien meldet, daß", "England die Vermittlung ablehnt und",
                                  "Rußland sondirt habe."])
    arts = articles_from_layout([_page([*box, rubric, body, frag, news])])
    assert [a.kind for a in arts] == ["article", "article", "furniture"]
    assert arts[0].headline == "Politisches. Bismarck Pläne." and "Wien" not in arts[0].text
    assert arts[1].paragraphs()[0].text.startswith("Eine Depesche aus Wien")
    assert "Letter Box 407" in arts[2].text and "Brick & Kaiser." in arts[2].text


def _region(bid: str, x0: float, y0: float, rows: list[tuple[str, float, float]], order: int) -> Block:
    """A region typed paragraph whose lines are (text, left, right), 40 px apart."""
    lines = [Line(id=f"{bid}.l{k}", text=t, box=(left, y0 + 40 * k, right, y0 + 40 * k + 36), type="paragraph")
             for k, (t, left, right) in enumerate(rows)]
    return Block(id=bid, lines=lines, box=(x0, y0, x0 + 600, y0 + 40 * len(rows)), type="paragraph", order=order)


def test_a_title_in_the_first_lines_of_a_paragraph_region_opens_its_article_a_lists_sub_head_does_not() -> None:
    """Reichsanzeiger 1914: a report's title is the first lines of the paragraph region of its text (no heading
    region), centred over an indented first line; a casualty list's regiment over a flush entry stays text, and
    a centred dateline opens the text under it."""
    body = [("Nach dem Juniheft der Monatsberichte belief ſich die", 140, 700)] + [
        ("fortgeſchriebene Bevölkerungsziffer der Stadt auf zwei", 100, 700)] * 4
    report = _region("r1", 100, 100, [("Bevölkerungsbewegung, Grundbeſitzwechſel,", 220, 580),
                                      ("und Armenpflege in Berlin im Juni 1914.", 240, 560), *body], 0)
    title = _region("r2", 100, 400, [("Die deutſche überſeeiſche Auswanderung im Juli 1914", 100, 700),
                                     ("und in dem gleichen Zeitraum des Vorjahrs.", 200, 600)], 1)
    below = _region("r3", 100, 500, body, 2)
    listing = _region("r4", 100, 800, [("Infanterieregiment Nr. 17.", 300, 500), ("4. Kompagnie.", 350, 450),
                                       ("Musketier Karl Schmidt aus Kaiſerslautern — tot.", 100, 700)]
                      + [("Gefreiter Franz Weber aus Mainz — leicht verwundet.", 100, 700)] * 3, 3)
    dated = _region("r5", 800, 100, [("Berlin, 18. Auguſt 1914.", 1000, 1300), *[
        (t, x0 + 700, x1 + 700) for t, x0, x1 in body]], 4)
    arts = articles_from_layout([_page([report, title, below, listing, dated], width=1600)])
    assert [a.headline for a in arts] == [
        "Bevölkerungsbewegung, Grundbeſitzwechſel, und Armenpflege in Berlin im Juni 1914.",
        "Die deutſche überſeeiſche Auswanderung im Juli 1914 und in dem gleichen Zeitraum des Vorjahrs."]
    assert arts[0].paragraphs()[0].text.startswith("Nach dem Juniheft")
    assert "Infanterieregiment Nr. 17." in arts[1].text and "Berlin, 18. Auguſt 1914." in arts[1].text


def test_a_rule_between_two_items_under_a_section_heading_parts_them_and_the_heading_is_a_rubric() -> None:
    """Reichsanzeiger "Mannigfaltiges.": items with no headline of their own, one paragraph region each, a short
    centred rule between them (PAGE separators, not in the reading order); a rule under unfinished text parts
    nothing."""
    head = _block("h", 250, 60, ["Mannigfaltiges."], width=200, lh=40, btype="heading")
    head.order = 0
    one = _region("a", 100, 100, [("Zur Feier des Geburtstags wurde heute ein", 140, 700),
                                  ("Hochamt gehalten.", 100, 400)], 1)
    rule1 = Block(id="s1", box=(350, 185, 450, 189), type="separator")
    two = _region("b", 100, 200, [("Der bitteren Armut ſucht der Verein zu", 140, 700),
                                  ("ſteuern, den", 100, 300)], 2)
    rule2 = Block(id="s2", box=(350, 285, 450, 289), type="separator")
    three = _region("c", 100, 300, [("Spenden werden erbeten und gern", 140, 700),
                                    ("entgegengenommen.", 100, 400)], 3)
    page = _page([head, one, two, three, rule2, rule1])
    assert [b.id for b in reading_order(page)] == ["h", "a", "s1", "b", "s2", "c"]
    arts = articles_from_layout([page])
    items = [a for a in arts if a.kind != "furniture"]
    assert [a.text.split()[0] for a in items] == ["Zur", "Der"]
    assert [a.headline for a in items] == [None, None]
    furniture = next(a for a in arts if a.kind == "furniture")
    assert "Mannigfaltiges." in furniture.text


def test_a_hyphenated_place_counts_once_among_a_lines_capitals() -> None:
    """New-York Tribune 1903: a body line given a noisy larger size ('"re preservatives of the New-York
    Central. th«') read as Title Case because "New" and "York" counted as two capitalised words."""
    from reader.segmentation.geometry import _capital_share

    assert _capital_share('"re preservatives of the New-York Central. th«') == 0.5
    assert _capital_share("NEW-YORK TRIBUNE") == 1.0


def test_reading_notices_inside_a_whole_column_block_are_adverts_of_their_own() -> None:
    """New-York Tribune 1903 (NDNP microfilm): one TextBlock holds a whole column, the story and the paid
    notices under it; each notice opens on a centred or capitals line after a closed paragraph and closes on
    its "Advt." mark; a short run after the last one, opening on such a line, lost its mark to the OCR."""
    texts = ["The independent towing companies intend to", "fight, and the boats will be tied up",
             "at the piers until the engineers agree.", "POLAND! POLAND! POLAND!",
             "Bottled at the Famous Poland Spring, Me.—Advt.", "THE PERFECT DINING CAR",
             "is on the trains of the Pennsylvania Railroad", "to Cleveland"]
    col = _block("col", 50, 100, texts, width=600, lh=30, font=7,
                 indents={3: 150, 5: 0}, ends={2: 450, 3: 450, 4: 600, 7: 200})
    head = _block("h", 50, 40, ["NO BIG HARBOR TIEUP."], width=600, lh=50, font=14)
    other = _block("o", 700, 100, ["Other news of the day runs here in the", "second column of the page today."] * 6,
                   width=600, lh=30, font=7)
    arts = articles_from_layout([_page([head, col, other], width=1400)])
    story = arts[0]
    assert story.headline == "NO BIG HARBOR TIEUP." and "until the engineers agree." in story.text
    assert "POLAND" not in story.text and "DINING" not in story.text
    ads = [a for a in arts if a.kind == "advertisement"]
    assert [a.text.split("\n")[0][:12] for a in ads] == ["POLAND! POLA", "THE PERFECT "]
    assert ads[0].text.endswith("Me.—Advt.") and ads[1].text.endswith("to Cleveland")


def test_two_reading_notices_in_one_block_the_first_without_its_mark() -> None:
    """New-York Tribune 1903: "POLAND! POLAND! POLAND!" over one line whose "Advt." the OCR garbled, then
    "BILLY WHISKERS." centred in capitals over a notice closing on its mark: two adverts, not one."""
    texts = ["POLAND! POLAND! POLAND!", "Poland Water, first of nature's remedies - , .vr",
             "BILLY WHISKERS.", "The Autobiography of a Goat. A Jolly Story", "for boys and girls now running in",
             "THE SUNDAY TRIBUNE. Be sure to read it next Sunday.—Advt."]
    ads = _block("ads", 50, 100, texts, width=600, lh=30, font=7, indents={0: 150, 2: 200}, ends={0: 450, 2: 400})
    other = _block("o", 700, 100, ["Other news of the day runs here in the", "second column of the page today."] * 6,
                   width=600, lh=30, font=7)
    arts = articles_from_layout([_page([other, ads], width=1400)])
    ads_out = [a.text for a in arts if a.kind == "advertisement"]
    assert [t[:12] for t in ads_out] == ["POLAND! POLA", "BILLY WHISKE"]


def test_an_imprint_listing_the_supplements_and_a_jump_line_alone_are_furniture() -> None:
    """Reichsanzeiger 1914: the imprint opens on "Verantwortlicher Redakteur:" and lists the issue's supplements
    (nine lines), under a jump line set alone; a rule drawn under the text does not move the page's foot."""
    body = _block("b", 50, 100, ["Das Volkstheater feierte den Vorabend des Geburtstags des Kaiſers."] * 60, width=600)
    jump = _block("j", 50, 1310, ["(Fortſetzung des Nichtamtlichen in der Erſten Beilage.)"], width=600)
    imprint = _block("i", 50, 1340, ["Verantwortlicher Redakteur:", "Direktor Dr. Tyrol in Charlottenburg.",
                                    "Verlag der Expedition in Berlin.", "Druck der Norddeutſchen Buchdruckerei",
                                    "Berlin SW., Wilhelmſtraße Nr. 32.", "Sieben Beilagen",
                                    "(einſchließlich Warenzeichenbeilage)", "ſowie die Inhaltsangabe Nr. 32 des",
                                    "öffentlichen Anzeigers."], width=600)
    rule = Block(id="r", box=(300, 2300, 400, 2302), type="separator")
    arts = articles_from_layout([_page([body, jump, imprint, rule], height=2400)])
    assert [a.kind for a in arts] == ["article", "furniture"]
    assert "Fortſetzung" in arts[1].text and "Verantwortlicher Redakteur" in arts[1].text


def test_on_a_blind_page_run_in_crossheads_stay_in_their_report() -> None:
    """Jing bao 1939 without divs: a court report's run-in crossheads (a name, a four-character phrase set bold
    between two columns) each opened an article. Text running on into a short display paragraph, or a report
    that already had one, keeps it; a wire dateline or a brief's mark under a short heading opens an item."""
    page = _blind_page([
        ["風流的廠主夫人兩次與人通姦"], ["摩登女趙蓮英、係緯順針織廠主鄭延齡之妻、蓮英芳齡三十、"],
        ["姿態可人"], ["當初出嫁未久、卽與其姐夫通姦、繼續偕情夫、時藉旅社幽會"],
        ["去年秋間"], ["鄭不得已投法捕房報吿、將蓮英拘解特二法院、具狀高三分院、"],
        ["提起上訴"], ["日昨傳訊、據上訴人趙蓮英供、論後日宣判、"],
        ["海發暴亂"], ["（貝魯特廿四日海通社電）據此間所接消息、多人受輕傷、"],
        ["東新橋畔"], ["四月六日下午十二時許、東新橋畔、曾發生一槍殺未遂案、與同鄕人"],
        ["周國元"], ["者相遇、周吿其有一熊桂松、現充常熟「稅收處」要員、至被誤傳與本案有關之"],
        ["熊劍東"], ["則據確悉仍被覊虹口云、"],
        ["社會瑣聞"], ["▲焚燒導報館之兩犯、昨上訴審結、定五月一日宣判"],
    ])
    arts = articles_from_layout([page])
    assert [a.headline for a in arts] == ["風流的廠主夫人兩次與人通姦", "海發暴亂", "東新橋畔", "社會瑣聞"]
    assert [p.role for p in arts[0].parts].count("section-heading") == 3
    assert "提起上訴" in arts[0].text and arts[0].text.endswith("論後日宣判、")
    assert "周國元" in arts[2].text and arts[2].text.endswith("仍被覊虹口云、")


def test_on_a_blind_page_advert_copy_is_told_by_its_text() -> None:
    """Jing bao 1939 without divs: the centre margin's adverts were read as articles (a name over copy
    without punctuation), a shop's telephone under its street and name cut its advert in two, an address
    going on in a second paragraph (…隔壁) became an advert of its own, and a clinic's notice lost its
    closing lines to an article."""
    body = "據龍華來人云、前晚八時許、有華方遊擊隊、進攻距龍華不足二公里之王家渡、當將僞團擊潰、"
    page = _blind_page([
        ["龍華游擊隊神計妙算"], [body],
        ["石路二馬路口"], ["鴻昌綢緞皮貨衣莊二樓特設營業部"], ["電話九一五七〇"], ["估衣部"],
        ["精選大當典押滿貨四季衣服品質高貴"], ["不限日期開幕其內各貨一律廉價出售包退還洋"],
        ["梅邨"], ["專營上等罐頭食品"], ["地址嵩山路二號"], ["滬光大戲院隔壁"],
        ["廣吿刊例：報名旁每日每方二十元長行計七寸高每日每行一元八角"],
        ["按摩浴室"], ["西籍女子擅長按摩術室內設備完美淸潔衞生招待週到地址靜安寺路西摩路口滄州別墅卅二號樓上"],
        ["陽痿"], ["可以限日治愈"], ["早洩"], ["保能如期耐久"], ["小便點滴"], ["當日通利"], ["血淋"],
        ["滑精，遺精，老白濁，"], ["及一切性衰弱均可於短期內保證治愈包醫聽便"],
        ["腎科陳中一國醫師　診所北京路三七八號景雲大樓　電話九〇三九七號"],
    ])
    arts = articles_from_layout([page])
    got = [(a.kind, "".join(a.text.split())[:6]) for a in arts]
    assert got == [("article", "龍華游擊隊神"), ("advertisement", "石路二馬路口"), ("advertisement", "梅邨專營上等"),
                   ("advertisement", "按摩浴室西籍"), ("advertisement", "陽痿可以限日"), ("furniture", "廣吿刊例：報")]
    assert "".join(arts[1].text.split()).endswith("包退還洋") and "".join(arts[2].text.split()).endswith("隔壁")
    assert "".join(arts[4].text.split()).endswith("電話九〇三九七號")


def test_on_blind_pages_the_margin_read_first_is_no_headline() -> None:
    """Jing bao 1930 without divs: each page's margin (the paper's title 晶報 alone, its motto, the house notice,
    an advert's slogan) is read before the first article and became that article's headline. The title repeated
    at the head of both pages is furniture with what stands before it; a slogan after it is an advert, a motto
    furniture; the headline over the pen name heads the article."""
    body = "日本婦人參政權同盟、招待貴族院議員同志、誠可風云、"
    verso = _blind_page([["晶報"], ["三日刊之創始者"], ["請飲金納氏巴德補血酒以健尊體"], ["怕女政客"], ["（丹翁）"],
                         [body]])
    recto = _blind_page([["此處招登廣吿價格面議"], ["社會文藝之結晶"], ["晶報"], ["汽車號碼之卜術"], ["（乃公）"],
                         ["某寓公精卜筮術、能以汽車號碼、斷人休咎、"]])
    recto.number = 2
    arts = articles_from_layout([verso, recto])
    assert [(a.kind, a.headline) for a in arts if a.kind != "furniture"] == [
        ("advertisement", None), ("article", "怕女政客"), ("article", "汽車號碼之卜術")]
    furniture = "".join(a.text for a in arts if a.kind == "furniture")
    for text in ("晶報", "三日刊之創始者", "此處招登廣吿價格面議", "社會文藝之結晶"):
        assert text in furniture
    # a short paragraph at the head of one page only is no running title: it heads its article
    alone = articles_from_layout([_blind_page([["雄婦人"], ["（丹翁）"], [body]])])
    assert [a.headline for a in alone] == ["雄婦人"]


def test_on_a_blind_page_verse_closing_a_column_is_no_headline() -> None:
    """Jing bao 1930 without divs: 丹翁's ci closing his column (short columns, no punctuation) was read as the
    headline of the next article, glued to its own headline and pen name. A headline stands directly over its
    pen name: display text before it, under an article's text, ends that article; a column label does not."""
    body = "泰西文字、分男女兩性甚嚴、某夫人精通華語、不啻代梅報瓊云、"
    page = _blind_page([
        ["雄婦人"], ["（丹翁）"], [body], ["生小風情比國花", "正須兩性美人誇", "美人全可嫁中華", "無分綠陰能結子"],
        ["無線電查出情話"], ["（寶鳳）"], ["自無線電發達以來、長波電已爲舊物、亦漸成傾蓋之歡云"],
        ["名⋯⋯⋯⋯人", "文⋯⋯⋯⋯選"], ["己卯寒食感春"], ["（楊雲史）"], ["嶺表見花發，悽然思故鄕；細草亦生花。"],
    ])
    arts = articles_from_layout([page])
    assert [a.headline for a in arts][:2] == ["雄婦人", "無線電查出情話"] and len(arts) == 3
    assert arts[0].text.endswith("無分綠陰能結子") and "己卯寒食感春" in "".join(p.text for p in arts[2].parts)


def test_on_a_blind_page_short_news_briefs_under_a_triangle_are_items_of_their_own() -> None:
    """Jing bao 1939 without divs: the ▲ briefs of a sports column were one article; ECPO makes each short ▲
    sentence of clauses an item. The long ▲ paragraphs of a 1920 gossip column stay one item."""
    gossip = "▲久安里有一個淡秋、這名字不是淸雅的狠麽、但是一見這個人、又覺得他不配用這個名字、眞是可惜得很、"
    page = _blind_page([
        ["體育簡報"], ["▲華聯田徑隊、卽日開始報名、"], ["▲錢業聯誼會、今晚下午舉行乒乓表演賽、"],
        ["花叢小記"], [gossip], [gossip.replace("淡秋", "文玉")],
    ])
    arts = articles_from_layout([page])
    assert [("".join(a.text.split()))[:6] for a in arts] == ["體育簡報▲華", "▲錢業聯誼會", "花叢小記▲久"]


def test_on_a_blind_page_an_advert_ending_on_its_street_is_one_advert() -> None:
    """Jing bao 1939 centre margin without divs: "好美塢樂園 … 愚園路 / 一二〇四號七八〇〇二 / 電話" was cut at its
    street, the street being read as the next advert's opening; a street after a whole advert still opens one."""
    page = _blind_page([
        ["好美塢樂園"], ["高尚", "娛樂", "之新", "園地"], ["好萊塢劇團", "妙", "演員出色"], ["愚園路"],
        ["一二〇四號七八〇〇二"], ["電話"],
        ["老協大祥"], ["綢緞棉布"], ["莊"], ["新出各種國產春裝衣料"], ["花色齊備應有盡有"], ["◁總店▷小東門外大街"],
        ["四馬路晝錦里口"], ["杏花酒樓"], ["電話九三五五五九二六四九"], ["專辦"], ["高尚粵菜"],
    ])
    arts = articles_from_layout([page])
    assert [("".join(a.text.split()))[:4] for a in arts] == ["好美塢樂", "老協大祥", "四馬路晝"]
    assert all(a.kind == "advertisement" for a in arts) and "".join(arts[0].text.split()).endswith("電話")


def test_on_a_blind_page_a_serial_chapters_section_titles_stay_in_the_instalment() -> None:
    """Jing bao 1939 supplement without divs: 衞生上, a section title inside an instalment that opened on its chapter
    title (第三章…), opened an article of its own."""
    page = _blind_page([
        ["怎樣使得健康美"], ["（八）"], ["（芸芸）"], ["第三章　端正姿", "勢之價値"],
        ["準確姿勢的價値可從衞生上，經濟上各方面來解說。說姿勢端正是人類極重要的事。"],
        ["衞生上"], ["承認好姿勢有着人類保健上極重大的意義，就是保持着康健和幸福。"],
    ])
    arts = articles_from_layout([page])
    assert len(arts) == 1 and "".join(arts[0].text.split()).endswith("康健和幸福。")


def test_on_a_blind_page_a_theatres_advert_opening_on_its_telephone_is_one_advert() -> None:
    """Jing bao 1939 supplement without divs: a theatre's advert opening on its telephone was closed at its
    address (its third paragraph), and its programme's display lines became an article over more copy; they are
    the same advert's slogans (ECPO's divs make them one advert)."""
    body = "讀二十六日，芳菲先生「梅女質疑」文，有不少錯誤，特自行檢舉，並答芳菲，（不平凡公子）"
    page = _blind_page([
        ["自行檢舉並答芳菲"], [body],
        ["電話八四八〇八八五八八九"], ["榮記共舞台"], ["地址大世界東愛多亞路"], ["價目"],
        ["日戲一角二角三角四角五角六角夜戲一角二角三角半四角半六角八角"],
        ["苗頭十足", "道地軋得", "石實結棍"], ["今夜務請早臨"], ["第三十集"], ["燈光有苗頭"],
        ["一忽兒瑞雪紛飛一忽兒紅日高昇"],
    ])
    arts = articles_from_layout([page])
    assert [a.kind for a in arts] == ["article", "advertisement"]
    assert "".join(arts[1].text.split()).startswith("電話八四八〇八八五八八九榮記共舞台地址大世界東愛多亞路價目")
    assert "".join(arts[1].text.split()).endswith("一忽兒瑞雪紛飛一忽兒紅日高昇")


def test_on_a_blind_page_an_adverts_agent_and_price_stay_with_it() -> None:
    """Jing bao 1939 without divs: a remedy's maker and sellers ("新亞藥廠製造 / 藥房均售", under its punctuated
    blurb) opened the next advert, and a silk shop's price under its telephone ("每尺 / 二角 / 五分 / 起") became
    an advert of its own. An advert opens on its name, street or telephone, never on its agent or its price."""
    page = _blind_page([
        ["本品特效"], ["調經", "活血"], ["當歸兒"],
        ["當歸爲婦人科聖藥、早經國醫界所推重、今更應用科學方法煉製、均有特効、"],
        ["新亞藥廠製造", "藥房均售"], ["大華舞廳"], ["首創第一通宵營業"], ["地址愛多亞路馬霍路口"],
        ["電話八一三八一號"],
        ["霞飛路呂班路西"], ["綢緞公司"], ["電話八五九九九廉價部"], ["每尺"], ["二角"], ["五分"], ["起"],
        ["石路二馬路口"], ["鴻昌綢緞皮貨衣莊"], ["不限日期歡迎參觀包退還洋一律廉價出售歡迎各界參觀比較"],
    ])
    arts = articles_from_layout([page])
    texts = ["".join(a.text.split()) for a in arts]
    assert [t[:4] for t in texts] == ["本品特效", "大華舞廳", "霞飛路呂", "石路二馬"]
    assert texts[0].endswith("藥房均售") and texts[1].endswith("電話八一三八一號") and texts[2].endswith("五分起")


def test_on_a_blind_page_the_margins_own_notice_parts_two_adverts() -> None:
    """Jing bao 1939 without divs: the page's last advert ran on into the first advert of the centre margin
    read after the page's outer margin. The paper's own notice between them (廣吿刊例…) ends the copy before it."""
    page = _blind_page([
        ["石路二馬路口"], ["鴻昌綢緞皮貨衣莊"], ["電話九一五七〇"], ["估衣部"], ["不限日期"], ["歡迎參觀"],
        ["包退還洋"], ["廣吿刊例：報名旁每日每方二十元長行計七寸高每日每行一元八角"],
        ["梅邨"], ["專營上等罐頭食品"], ["地址嵩山路二號"], ["滬光大戲院隔壁"],
    ])
    arts = articles_from_layout([page])
    assert [(a.kind, "".join(a.text.split())[:4]) for a in arts] == [
        ("advertisement", "石路二馬"), ("advertisement", "梅邨專營"), ("furniture", "廣吿刊例")]


def test_on_a_blind_page_priced_copy_under_a_finished_report_opens_an_advert() -> None:
    """Jing bao 1939 without divs: a magazine's advert ("雜誌界巨擘：全書…每冊兩角") was glued to the fire report
    above it. Unpunctuated copy with a unit price after a report's last sentence is an advert; a market report
    quoting prices in sentences is not."""
    page = _blind_page([
        ["◇火警◇"], ["△勞勃生路六十四號東亞製麻廠、於昨日下午一時十分、突吿失愼、焚燬麻繩甚多、"],
        ["雜誌界巨擘：全書銅版紙彩紙精印每冊兩角"],
        ["飾金"], ["昨日銀樓飾金（每兩兌出）大同行二百十元、"], ["新同行二百〇八元云、"],
    ])
    arts = articles_from_layout([page])
    assert [(a.kind, "".join(a.text.split())[:4]) for a in arts] == [
        ("article", "◇火警◇"), ("advertisement", "雜誌界巨"), ("article", "飾金昨日")]


def _column(bid: str, x0: float, y0: float, rows: list[tuple[str, float, float, float]], *, width: float = 600,
            lh: float = 30, font: float | None = 9) -> Block:
    """A whole-column block from rows of (text, left indent, right end short of the width, whitespace above)."""
    lines, y = [], y0
    for k, (text, indent, short, space) in enumerate(rows):
        y += space
        lines.append(Line(id=f"{bid}.l{k}", text=text, box=(x0 + indent, y, x0 + width - short, y + lh - 2),
                          font_size=font))
        y += lh
    return Block(id=bid, lines=lines, box=(x0, y0, x0 + width, y), type="text", font_size=font)


_BODY = [("The committee met again this morning and heard", 0, 0, 0),
         ("the reports of the treasurer and of the clerk, who", 0, 0, 0),
         ("said that the books were in good order and the", 0, 0, 0),
         ("accounts settled to the end of the year, as the", 0, 0, 0),
         ("members had asked when they met in November last.", 0, 180, 0)]


def test_inside_a_whole_column_block_a_centred_head_at_body_size_opens_an_item() -> None:
    """Microfilm OCR (NDNP, Lancaster Intelligencer 1881) gives a whole column as one block: each item's
    head is set in body type, centred and short, after the previous item's short last line ("Police
    Cases." / "The Law Library."). A centred caps line close under the text with no stop and no deck is
    a crosshead: it stays in its story."""
    rows = [("ST. JAMES SUNDAY-SCHOOL.", 180, 180, 0), *_BODY * 2,
            ("Police Cases.", 220, 220, 10), ("Before Alderman Samson : Yesterday", 25, 0, 0),
            ("afternoon Patrick Burns, charged with drunken and", 0, 0, 0), *_BODY * 2,
            ("PICKS THE HALL", 200, 200, 12), ("As a matter of fact the hall is the place", 25, 0, 0), *_BODY,
            ("The Law Library.", 210, 210, 10), ("On next Monday, at 10 a. m., the regular", 25, 0, 0), *_BODY * 3]
    col = _column("c", 50, 100, rows)
    other = _column("o", 700, 100, _BODY * 9)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind == "article"]
    heads = [a.headline for a in arts]
    assert heads[:3] == ["ST. JAMES SUNDAY-SCHOOL.", "Police Cases.", "The Law Library."], heads
    police = arts[1]
    assert "PICKS THE HALL" in police.text and "As a matter of fact" in police.text


def test_in_a_column_whose_items_are_parted_by_rules_a_run_in_head_without_one_is_a_crosshead() -> None:
    """Little River News 1920: the paper parts its items by short rules the OCR reads as text ("-o-"); the head of
    each item ("New Pews Arrive.") stands under one. "Attitude is Commended.", centred and run in at the body's line
    spacing under the story's text with no rule above it, is a crosshead of that story, not an item of its own."""
    rows = [("WILSON LAUDS THE PLATFORM", 150, 150, 0), *_BODY * 2,
            ("Attitude is Commended.", 200, 200, 0), ("The national platform was not men-", 25, 0, 0), *_BODY * 2,
            ("-o-", 270, 270, 0),
            ("New Pews Arrive.", 210, 210, 12), ("The new pews for the Baptist church", 25, 0, 0), *_BODY * 2,
            ("-o-", 270, 270, 0),
            ("Teachers Elected.", 210, 210, 0), ("The Ashdown school board has met", 25, 0, 0), *_BODY * 2,
            ("-o-", 270, 270, 0),
            ("Revival Closes.", 210, 210, 0), ("The meeting at the Baptist church ends", 25, 0, 0), *_BODY]
    col = _column("c", 50, 100, rows)
    other = _column("o", 700, 100, _BODY * 9)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind == "article"]
    heads = [a.headline for a in arts]
    assert heads[:4] == ["WILSON LAUDS THE PLATFORM", "New Pews Arrive.", "Teachers Elected.", "Revival Closes."]
    assert "The national platform was not men-" in arts[0].text


def test_inside_a_whole_column_block_a_head_keeps_the_deck_a_set_in_line_closes() -> None:
    """Lancaster Intelligencer 1881, a whole-column block: under "THE MISSING LINK FOUND." (body type, centred)
    a deck of two lines, the first full and broken at a hyphen, the second set in and closing its sentence, then
    the report's indented first line. The deck was read as the report's first paragraph."""
    rows = [*_BODY * 2, ("THE MISSING LINK FOUND.", 180, 180, 32),
            ("The Skull of an Extinct Monkey With Re-", 0, 0, 10), ("markable Similarity to That of Man.", 190, 60, 0),
            ("Prof. E. D. Cope, of Philadelphia, has", 25, 0, 0), *_BODY * 3]
    col = _column("c", 50, 100, rows)
    other = _column("o", 700, 100, _BODY * 9)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind == "article"]
    link = next(a for a in arts if (a.headline or "").startswith("THE MISSING LINK FOUND."))
    assert "The Skull of an Extinct Monkey" in (link.headline or "")  # heads set in body type: one headline group
    assert link.paragraphs()[0].text.startswith("Prof. E. D. Cope")


def test_a_headline_in_capitals_at_a_column_blocks_foot_heads_the_next_column_and_a_tall_line_beats_its_size() -> None:
    """NDNP microfilm (ABBYY via iArchives): a column's block closes under the next story's headline, given at a
    large height but declared at the body's size; the story starts the next column on its dateline. The
    headline opens that story: it is not glued onto the end of the story above, nor does it sign it."""
    rows = [("The committee met again this morning and heard", 0, 0, 0)] + _BODY * 8 + [
        ("IMPORTANCE OF THE SILO", 60, 60, 20)]
    col = _column("c", 50, 100, rows)
    head = col.lines[-1]
    col.lines[-1] = Line(id=head.id, text=head.text, box=(head.box[0], head.box[1], head.box[2], head.box[1] + 64),
                         font_size=9)  # twice the body's height, wider per character, the body's declared size
    col.lines[0] = Line(id=col.lines[0].id, text=col.lines[0].text, box=col.lines[0].box, font_size=7)  # noisy sizes
    nxt = _column("n", 700, 100, [("LEXINGTON, Ky., Oct. 31.—The farmers of the county", 25, 0, 0)] + _BODY * 8)
    arts = [a for a in articles_from_layout([_page([col, nxt], width=1400, height=2600)]) if a.kind == "article"]
    assert "IMPORTANCE" not in arts[0].text
    assert arts[1].headline == "IMPORTANCE OF THE SILO"
    assert arts[1].text.index("LEXINGTON, Ky.") < arts[1].text.index("The committee")


def _worded_line(lid: str, text: str, x0: float, y0: float, lh: float,
                 stray: tuple[float, float] | None = None) -> Line:
    """A line with a box per word (8 units a character, 8 between words) and, optionally, a stray "I" word
    at (x, height) left of it, whose box the line's box takes in."""
    words, x, start = [], x0, 0
    if stray is not None:
        words.append(Word(text="I", box=(stray[0], y0, stray[0] + 6, y0 + stray[1]), start=0))
        text, start = "I " + text, 2
    for w in text[start:].split():
        words.append(Word(text=w, box=(x, y0, x + 8 * len(w), y0 + lh - 2), start=start))
        x, start = x + 8 * len(w) + 8, start + len(w) + 1
    left = min(w.box[0] for w in words if w.box is not None)
    bottom = max(w.box[3] for w in words if w.box is not None)
    return Line(id=lid, text=text, box=(left, y0, x - 8, bottom), words=words, font_size=9)


def test_a_stray_mark_read_as_a_word_does_not_make_a_body_line_a_headline() -> None:
    """Microfilm OCR reads the column rule beside a line as a word "I" whose box runs over four lines and
    starts far left of the text (Deseret News 1909): the line's box is tall and wide, but its words are set
    in body type, so it is body, not the headline of a new article."""
    texts = ["Reports will be received shortly from the", "manager of the company who went there to see",
             "of Trail British Columbia and Canada Smelter", "smelter conditions and the best process to",
             "install for the treatment of the ore of the mine", "before leaving for his home he said so."] * 2
    lines = [_worded_line(f"b.l{k}", t, 100, 100 + 24 * k, 24, stray=(20, 100) if k in (2, 8) else None)
             for k, t in enumerate(texts)]
    block = Block(id="b", lines=lines, box=(20, 100, 500, 100 + 24 * len(texts)), type="text", font_size=9)
    more = [_worded_line(f"o.l{k}", t, 600, 100 + 24 * k, 24) for k, t in enumerate(texts[:6])]
    other = Block(id="o", lines=more, box=(600, 100, 1000, 100 + 24 * 6), type="text", font_size=9)
    arts = [a for a in articles_from_layout([_page([block, other], width=1100)]) if a.kind == "article"]
    assert len(arts) == 1 and arts[0].headline is None, [a.headline for a in arts]


def test_decks_under_a_headline_end_at_the_bodys_indented_first_line_even_when_it_is_all_names() -> None:
    """Deseret News 1909: under a headline set large, a flush Title Case deck and a centred one; the body's first
    line is indented and, full of names ("Tex Rickard arrived In Salt Lake"), reads like Title Case too: the
    decks end above it (punctuation lost to the OCR gives no other sign)."""
    rows = [("TEX RICKARD TALKING FIGHT", 120, 120, 0), ("Predicts Record Breaking Crowd", 0, 0, 10),
            ("From Mines and Smelters", 150, 150, 0), ("Tex Rickard arrived In Salt Lake", 25, 0, 10),
            ("City from New York on the Los Angeles", 0, 0, 0), ("limited at five this morning and talked", 0, 0, 0),
            *_BODY * 7]
    col = _column("c", 50, 100, rows)
    head = col.lines[0]
    col.lines[0] = Line(id=head.id, text=head.text, box=(head.box[0], head.box[1], head.box[2], head.box[1] + 70),
                        font_size=9)
    other = _column("o", 700, 100, _BODY * 9)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind == "article"]
    body = [p for p in arts[0].parts if p.role == "paragraph"]
    assert body[0].text.startswith("Tex Rickard arrived"), [p.text[:30] for p in arts[0].parts]


def test_a_heading_right_over_a_whole_column_block_in_the_top_margin_is_no_running_head() -> None:
    """Lancaster Intelligencer 1881: the first story of a column is headed by a one-line block at the page's top,
    set at the body's declared size ("PENNSYLVANIA GERMANS."): it stands right over its column's block, no wider,
    and closes on a full stop, so it heads that story; the paper's name over the page stays a running head."""
    run = _column("r", 50, 20, [("THE DAILY INTELLIGENCER THURSDAY DECEMBER 29 1881", 300, 300, 0)], width=1300)
    head = _column("h", 800, 52, [("PENNSYLVANIA GERMANS.", 150, 150, 0)])
    left = _column("l", 50, 110, _BODY * 12)
    right = _column("c", 800, 110, [("How many years ago it was quite the fashion", 25, 0, 0)] + _BODY * 12)
    arts = articles_from_layout([_page([run, left, head, right], width=1400, height=2600)])
    story = next(a for a in arts if "How many years ago" in a.text)
    assert story.headline == "PENNSYLVANIA GERMANS."
    furniture = " ".join(a.text for a in arts if a.kind == "furniture")
    assert "THE DAILY INTELLIGENCER" in furniture and "PENNSYLVANIA" not in furniture


def test_a_headline_the_ocr_read_twice_makes_one_headline_not_two_articles() -> None:
    """Microfilm OCR sometimes gives a headline's line twice at its position, the second copy after the first body
    line: the copy is noise, the story stays one article under one headline."""
    rows = [("IMPORTANCE OF THE SILO", 60, 60, 0), *_BODY * 8]
    col = _column("c", 50, 100, rows)
    head = col.lines[0]
    tall = Line(id=head.id, text=head.text, box=(head.box[0], head.box[1], head.box[2], head.box[1] + 70))
    copy = Line(id="c.dup", text="IMPORTANCE OF THE SILO", box=(head.box[0] + 4, head.box[1] + 2, head.box[2],
                                                                 head.box[1] + 68))
    col.lines[0:2] = [tall, col.lines[1], copy]
    other = _column("o", 700, 100, _BODY * 9)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind == "article"]
    story = [a for a in arts if "IMPORTANCE" in (a.headline or "")]
    assert len(story) == 1 and story[0].headline == "IMPORTANCE OF THE SILO", [a.headline for a in arts]
    assert "committee met again" in story[0].text and "November last" in story[0].text


def test_a_headline_declared_a_little_larger_but_set_far_taller_is_no_crosshead() -> None:
    """Noisy declared sizes (NDNP microfilm): the next story's headline is declared 11 pt over a 9 pt body, as a
    crosshead would be, and sits close under the text above; its box is twice the body's height and wider per
    character. Geometry wins: it opens the next story instead of being glued onto the end of this one."""
    rows = [*_BODY * 4, ("IMPORTANCE OF THE SILO", 60, 60, 2), ("The farmers of the county have built many", 25, 0, 0),
            *_BODY * 4]
    col = _column("c", 50, 100, rows, font=9)
    k = len(_BODY) * 4
    head = col.lines[k]
    col.lines[k] = Line(id=head.id, text=head.text, box=(head.box[0], head.box[1], head.box[2], head.box[1] + 64),
                        font_size=11)
    col.lines[1] = Line(id=col.lines[1].id, text=col.lines[1].text, box=col.lines[1].box, font_size=8)
    other = _column("o", 700, 100, _BODY * 9, font=9)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind == "article"]
    assert "IMPORTANCE" not in arts[0].text, arts[0].text[-80:]
    assert arts[1].headline == "IMPORTANCE OF THE SILO"


def test_a_line_of_capitals_across_the_column_with_a_blank_line_above_opens_an_item() -> None:
    """Deseret News 1909: under an advert's last centred line ("TODAY ONLY") and a blank line's whitespace, a
    headline in capitals runs nearly across the column ("BARRIERS TO REDUCE LOSSES"): not centred, still a head."""
    rows = [*_BODY * 4, ("Lyric Phonographs Free", 200, 200, 20), ("Consolidated Music Co 1013 Main", 0, 10, 0),
            ("TODAY ONLY", 240, 240, 0),
            ("BARRIERS TO REDUCE LOSSES", 10, 20, 40), ("It is to be doubted whether there is", 25, 0, 0), *_BODY * 4]
    col = _column("c", 50, 100, rows)
    other = _column("o", 700, 100, _BODY * 9)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind == "article"]
    story = next(a for a in arts if "It is to be doubted" in a.text)
    assert story.headline == "BARRIERS TO REDUCE LOSSES", [a.headline for a in arts]


def _french_front_page(title: Block, under: list[Block]) -> list[Block]:
    """A daily's front page: title at the top between two tall ears, two columns of stories under it."""
    ears = [_block("earL", 20, 20, ["ARTHUR MEYER", "Directeur"] + ["Paris, trois mois 15 fr."] * 10, width=220,
                   lh=16),
            _block("earR", 760, 20, ["ANNONCES", "Elles sont reçues"] + ["10, boulevard Montmartre"] * 10,
                   width=220, lh=16)]
    story = [_block("h1", 20, 330, ["LA CONFÉRENCE"], width=460, lh=40),
             _block("b1", 20, 380, ["Le président du conseil a eu hier une entrevue"] * 60, width=460, lh=16),
             _block("h2", 520, 330, ["LE CAS SADOUL"], width=460, lh=40),
             _block("b2", 520, 380, ["La Chambre a voté hier le projet d'amnistie qui"] * 60, width=460, lh=16)]
    return [title, *ears, *under, *story]


def test_a_garbled_title_logo_and_the_ears_beside_it_are_the_masthead_not_articles() -> None:
    """Le Gaulois 1884: the title is a logo the OCR read as one line of ordinary height ("HJ I ijf jggg !")
    in a box as tall as the ears beside it; title and ears (a dozen lines each) were listed as articles."""
    title = _block("logo", 260, 20, ["HJ I ijf jggg ! a I j H"], width=480, lh=16)
    title.box = (260, 20, 740, 210)
    arts = articles_from_layout([_page(_french_front_page(title, []))])
    assert sorted(a.headline or "" for a in arts if a.kind != "furniture") == ["LA CONFÉRENCE", "LE CAS SADOUL"]
    assert {a.kind for a in arts if "ARTHUR" in a.text or "HJ I" in a.text or "ANNONCES" in a.text} == {"furniture"}


def test_short_lines_in_body_type_close_under_the_title_are_its_row_not_an_article() -> None:
    """L'Ouest-Éclair 1924: the political director's name and "PAR FIL TÉLÉGRAPHIQUE SPÉCIAL" set close
    under the title were an article (the second with a headline)."""
    title = _block("title", 260, 20, ["L'Ouest-Eclair"], width=480, lh=190)
    under = [_block("dir", 20, 215, ["DIRECTEUR POLITIQUE", "Emmanuel DESGRÉES DU LOU"], width=220, lh=16),
             _block("wire", 760, 215, ["PAR FIL TÉLÉGRAPHIQUE", "SPÉCIAL"], width=220, lh=16)]
    arts = articles_from_layout([_page(_french_front_page(title, under))])
    assert sorted(a.headline or "" for a in arts if a.kind != "furniture") == ["LA CONFÉRENCE", "LE CAS SADOUL"]
    assert {a.kind for a in arts if "DIRECTEUR" in a.text or "SPÉCIAL" in a.text} == {"furniture"}


def test_a_running_head_repeating_the_papers_name_at_a_columns_top_is_furniture() -> None:
    """Le Petit Journal's illustrated supplement: "Supplément illustré du Petit Journal" over a column, under
    the masthead whose ear names the paper, became a headline; a headline sharing one word with it stays."""
    title = _block("title", 260, 20, ["LE PETIT JOURNAL"], width=480, lh=190)
    echo = _block("echo", 20, 290, ["SUPPLÉMENT ILLUSTRÉ DU PETIT JOURNAL"], width=460, lh=20)
    blocks = _french_front_page(title, [echo])
    blocks[1].lines[1].text = "Supplément illustré du Petit Journal"
    blocks[-2].lines[0].text = "LE JOURNAL DES FEMMES"
    arts = articles_from_layout([_page(blocks)])
    assert sorted(a.headline or "" for a in arts if a.kind != "furniture") == ["LA CONFÉRENCE", "LE JOURNAL DES FEMMES"]
    assert [a.kind for a in arts if "ILLUSTRÉ DU PETIT" in a.text] == ["furniture"]


def test_the_papers_own_subscription_and_postal_boxes_are_furniture() -> None:
    """Jing bao 1920 and 1930 front folds without their divs: the subscription prices (定報價格), the postal
    registration (中華郵政特准掛號) and the imprint (發行人 … 館址) were listed as articles; they are the paper's
    own furniture, like its advertising rates. L'Union 1860 (BnL): "PRIX DE L'ABONNEMENT." likewise."""
    body = "今日上海各報均派記者到會紀錄、每報均有四五人之多、所有稿件、悉由火車帶滬、"
    page = _blind_page([
        ["定報價格每三日出一張逐期寄閱全年大洋二元半年大洋一元一角每月大洋二角郵費在內郵票加一"],
        ["●中華郵政爲新特准掛號認聞紙類●中華郵政特准掛號立券之報紙●"],
        ["梅蘭芳赴美之成功"], [body, body + "云、"],
        ["晶報TheCrystal發行人A.L.Teodoro館址漢口路二九九號電話九三四"],
    ])
    arts = articles_from_layout([page])
    assert [(a.kind, a.text[:6]) for a in arts if a.kind != "furniture"] == [("article", "梅蘭芳赴美之")]
    furniture = "".join(a.text for a in arts if a.kind == "furniture")
    assert all(mark in furniture for mark in ("定報價格", "中華郵政", "發行人"))
    box = _block("box", 50, 60, ["PRIX DE L'ABONNEMENT.", "5 fr. par trimestre pour la ville,",
                                 "6 fr. pour le reste du pays."], width=900)
    story = _block("story", 50, 200, ["Luxembourg, le 28 nov. 1860. Nous apprenons que la",
                                      "Chambre a voté hier la loi sur la milice.", "La séance est levée."] * 3)
    arts = articles_from_layout([_page([box, story])])
    assert [a.kind for a in arts if "ABONNEMENT" in a.text] == ["furniture"]
    assert [a.kind for a in arts if "Luxembourg" in a.text] == ["article"]


def test_a_notice_to_subscribers_is_an_item_not_furniture() -> None:
    """"Avis aux abonnés." opens a notice a reader reads; only the box of prices is furniture."""
    notice = _block("n", 50, 200, ["Avis aux abonnés.", "Nous ajoutons à notre numéro les exemplaires du compte-rendu",
                                   "des séances, que nous enverrons à nos lecteurs."], width=600)
    arts = articles_from_layout([_page([notice])])
    assert [a.kind for a in arts] == ["article"]


def test_copy_under_the_masthead_is_an_advert_not_an_article() -> None:
    """Jing bao 1920, front fold without its divs: under the masthead's ears the page opens on adverts, each a
    paragraph of copy without a report's punctuation; the first was read as an unheaded article that swallowed
    the next two."""
    page = _blind_page([
        ["THE CRYSTAL"], ["定報價格"], ["每三日出一張逐期寄閱全年大洋二元半年大洋一元一角每月大洋二角郵費在內郵票加一"],
        ["今日一張售大洋二分"], ["晶報"], ["第一百三十六號"],
        ["上海五洲藥大房自來血樹皮丸海波藥此藥自發明以來厯受社會所推許等症無不效驗如神每瓶二元"],
        ["上海香港馬玉山糖果餅乾公司乃士餅每罐一元每磅五角南京路三十七號"],
    ])
    arts = articles_from_layout([page])
    assert [(a.kind, a.text[:4]) for a in arts if a.kind != "furniture"] == [
        ("advertisement", "上海五洲"), ("advertisement", "上海香港")]
    assert all(m in "".join(a.text for a in arts if a.kind == "furniture") for m in ("THE CRYSTAL", "晶報", "第一百"))


def test_a_tall_row_of_a_table_of_figures_heads_no_item() -> None:
    """Deseret News 1909 (NDNP microfilm, one declared size): the OCR gives the rows of a stock list all sorts of
    heights, and a row twice the body's height ("Reading 171 0") opened an item of its own, cutting the table."""
    rows = ["NEW YORK STOCK LIST", *[r[0] for r in _BODY], "Amalgamated Copper 86 7",
            "American Sugar 124 5", "Reading 171 0", "Rock Island Co 49 34", "Southern Pacific 134 1",
            "Union Pacific 203 6"]
    lines, y = [], 100.0
    for k, text in enumerate(rows):
        tall = 60.0 if k in (0, 8) else 28.0  # the headline, and one row the OCR made tall
        lines.append(Line(id=f"c.l{k}", text=text, box=(100.0, y, 700.0 if k else 520.0, y + tall), font_size=9))
        y += tall + 2
    block = Block(id="c", lines=lines, box=(100.0, 100.0, 700.0, y), type="text", font_size=9)
    arts = articles_from_layout([_page([block])])
    assert [a.headline for a in arts] == ["NEW YORK STOCK LIST"]
    assert "Reading 171 0" in arts[0].text


def test_a_word_the_ocr_fused_from_two_lines_does_not_part_a_headline_from_its_story() -> None:
    """Microfilm OCR (NDNP, Winchester News 1910) reads the last word of a story and the first of the next headline a
    second time as one word boxed over both lines ("in this county" / "countyWAREHOUSE" / "WAREHOUSE SOLD"): that
    reading is noise, and the headline under it still opens its story."""
    rows = [*_BODY * 2, ("cattle for the export market unsold in this county", 0, 200, 0),
            ("WAREHOUSE SOLD", 220, 220, 12), ("LEXINGTON Ky Oct 31 The biggest business", 25, 0, 0), *_BODY * 2]
    col = _column("c", 50, 100, rows)
    above, head = col.lines[10], col.lines[11]
    fused = Line(id="c.fused", text="countyWAREHOUSE", box=(above.box[2] - 90, above.box[1] + 4, head.box[0] + 120,
                                                             head.box[3]), font_size=9)
    col.lines.insert(11, fused)
    other = _column("o", 700, 100, _BODY * 9)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind == "article"]
    sold = [a for a in arts if a.headline == "WAREHOUSE SOLD"]
    assert len(sold) == 1 and sold[0].text.lstrip().startswith("WAREHOUSE SOLD"), [a.headline for a in arts]
    assert "countyWAREHOUSE" not in " ".join(p.text for a in arts for p in a.parts if p.role != "noise")


def test_inside_a_whole_column_block_a_centred_garbled_head_set_apart_by_whitespace_opens_an_item() -> None:
    """Microfilm OCR (NDNP, Lancaster Intelligencer 1888) garbles an item's head in body type past its case and stops
    ("rraurnal Tlill," for "Fraternal Visit."): centred, with a blank line's whitespace above it after finished
    text and a line of running text close under it, it still heads the next item."""
    rows = [*_BODY * 3, ("rraurnal Tlill,", 230, 230, 40), ("Last evening State Vice Councilor Wiu-", 25, 0, 0),
            *_BODY * 3]
    col = _column("c", 50, 100, rows)
    other = _column("o", 700, 100, _BODY * 9)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind == "article"]
    visit = [a for a in arts if a.headline == "rraurnal Tlill,"]
    assert len(visit) == 1 and visit[0].text.split("Last evening")[0].strip() == "rraurnal Tlill,", [
        a.headline for a in arts]
    assert "rraurnal" not in arts[0].text


_STORY = ["Next Sunday evening at eight o'clock there", "will be held at the Methodist church a service",
          "in memory of all soldiers and sailors who gave", "their lives in the war, and every one is asked",
          "to come and to bring the children with him."]


def test_a_box_of_display_lines_at_a_columns_foot_is_no_kicker_of_the_next_columns_headline() -> None:
    """Prescott (Ark.) 1920: a display advert at the foot of column 1 is all display lines ("FOR HAY" / "Red Top,
    per bu $2.00" / "Ozan Mercantile Co." / "Prescott, Arkansas."), no body, and column 2 opens on a headline at the
    page's top. A headline stands over its text: the advert is an item of its own, not the kicker and decks of the
    story in the next column."""
    top = [_block("h1", 50, 100, ["FARMERS MEET"], font=10, lh=30), _block("b1", 50, 140, _STORY * 3, font=6)]
    sizes = [("FOR HAY", 16.0, 60), ("Red Top, per bu $2.00", 12.0, 40), ("Orange, per bu $2.25", 12.0, 40),
             ("Ozan Mercantile Co.", 16.0, 60), ("Prescott, Arkansas.", 12.0, 40)]
    lines, y = [], 700.0
    for k, (text, size, lh) in enumerate(sizes):
        lines.append(Line(id=f"ad.l{k}", text=text, box=(80, y, 360, y + lh - 4), font_size=size))
        y += lh + 10
    ad = Block(id="ad", lines=lines, box=(80, 700, 360, y), font_size=12)
    head = _block("h2", 420, 100, ["MEMORIAL SERVICE"], font=8, lh=24)
    story = _block("b2", 420, 130, _STORY * 3, font=6)
    arts = articles_from_layout([_page([*top, ad, head, story], width=800, height=1200)])
    memorial = next(a for a in arts if "Next Sunday" in a.text and "MEMORIAL" in a.text)
    assert memorial.headline == "MEMORIAL SERVICE" and "HAY" not in memorial.text, memorial.text[:80]
    # a card closing on its town: an advert of its own, whether "FOR HAY" heads it or opens its copy (session seg31)
    hay = [a for a in arts if a.text.startswith("FOR HAY")]
    assert len(hay) == 1 and "Ozan Mercantile Co." in hay[0].text, [a.headline for a in arts]


def test_a_display_advert_boxed_across_two_columns_is_one_item_whatever_display_lines_its_copy_holds() -> None:
    """Lancaster Intelligencer 1885 (hOCR): a display advert the OCR boxed whole across two columns holds display
    lines between its copy ("HOUSEFURNISHING." / copy / "OLD STYLE TINWARE." / copy / "Great Drop in the Price of
    Stoves and Ranges." / copy): they are the advert's, not the heads of three items."""
    cols = [_block(f"c{k}", 50 + 340 * k, 100, [f"column {k} text line running on here"] * 12, font=8)
            for k in range(3)]
    rows = [("HOUSEFURNISHING.", 14.0), ("We are now manufacturing a complete line of", 8.0),
            ("OLD STYLE TINWARE.", 14.0),
            ("We use only the best tin and employ only the best mechanics", 8.0), ("and our ware is superior.", 8.0),
            ("Great Drop in the Price of Stoves and Ranges.", 14.0), ("Examine our stock before buying.", 8.0)]
    lines, y = [], 500.0
    for k, (text, size) in enumerate(rows):
        lh = 40 if size > 10 else 20
        lines.append(Line(id=f"ad.l{k}", text=text, box=(60, y, 700, y + lh - 2), font_size=size))
        y += lh + 6
    ad = Block(id="ad", lines=lines, box=(60, 500, 700, y), font_size=8)
    arts = articles_from_layout([_page([*cols, ad], width=1100, height=1000)])
    stores = [a for a in arts if "TINWARE" in a.text or "Stoves" in a.text or "HOUSEFURNISHING" in a.text]
    assert len(stores) == 1 and "Examine our stock" in stores[0].text, [a.headline for a in arts]
    assert stores[0].headline == "HOUSEFURNISHING."


def test_a_centred_heading_block_after_a_listing_that_ends_on_a_short_line_opens_an_item() -> None:
    """Adresse-Contoirs Efterretninger 1795: a notice's table of premiums ends on a row with no stop ("Triest til
    Hamburg"), short of the column's edge; the next notice's rubric, a block of its own centred over prose
    ("Seilferdige Skippere." / "Capt. Andreas Eakmann med sit …"), heads that notice, not a row of the table. A line
    broken off on a word in lower case runs on through a display line (advert copy) and heads nothing."""
    def page(last: str) -> list[str | None]:
        table = _block("t", 50, 100, ["Fra den 8 til 13 Junii har Assurance-Præmierne for", "al Fare paa danske Skibe",
                                      "Bourdeaux til Dunkerque", "Livorno til St. Remo og Bremen", last],
                       font=8, ends={2: 180, 3: 200, 4: 150})
        head = _block("h", 110, 210, ["Seilferdige Skippere."], width=180, font=8)
        notice = _block("n", 50, 232, ["Capt. Andreas Eakmann med sit Skib Mercurius kaldes,",
                                       "agter om 3 a 4 Dage at afseile herfra til Stokholm,",
                                       "hvorhen han medtager Fragtgods og Passagerer.",
                                       "Vedkommende henvende dem til Megler Jursensen."], font=8)
        return [a.headline for a in articles_from_layout([_page([table, head, notice])])]

    assert page("Triest til Hamburg") == [None, "Seilferdige Skippere."]
    assert page("Triest til hamburger") == [None]


def test_entries_parted_by_rules_and_named_after_their_rubric_are_one_listing() -> None:
    """Reichsanzeiger 1881/1883: under the rubric "Theater." each theatre's programme is parted from the next by a
    short rule, as the briefs under "Mannigfaltiges." are; but the entries open on run-in titles naming what the
    rubric names ("Wallner-Theater. Donnerstag: …"): one listing, and the entries after them under run-in titles of
    their own ("Circus Renz. …") belong to it too. Briefs under a rubric that names nothing of theirs stay items."""
    def read(rubric: str, titles: list[str]) -> list[Article]:
        blocks = [_block("h", 120, 100, [rubric], width=160, btype="heading")]
        y = 130.0
        for k, title in enumerate(titles):
            blocks.append(_block(f"e{k}", 50, y, [f"{title} Donnerstag: Der Schwabenstreich.",
                                                  "Lustspiel in vier Akten von Franz von Schönthan.",
                                                  "Anfang sieben Uhr, Ende nach zehn Uhr."], width=300))
            y += 66
            blocks.append(Block(id=f"r{k}", box=(150, y, 250, y + 3), type="separator"))
            y += 10
        return articles_from_layout([_page(blocks)])

    arts = read("Theater.", ["Königliche Schauspiele.", "Wallner-Theater.", "Victoria-Theater.", "Circus Renz."])
    assert [a.headline for a in arts] == ["Theater."] and "Circus Renz." in arts[0].text, [a.headline for a in arts]
    briefs = read("Mannigfaltiges.", ["Königliche Schauspiele.", "Wallner-Haus.", "Victoria-Haus."])
    assert len([a for a in briefs if a.kind == "article"]) == 3


def test_on_a_blind_page_a_serials_numbered_instalment_title_opens_its_text() -> None:
    """Jing bao 1939 supplement without divs: a serial's heading closes on its instalment's title, numbered before
    it ("六 你是我的孫子") or after it in brackets ("新加坡的威力 （五）"), under the serial's title and byline; the
    instalment's title opens the text, as a chapter line does, and is no deck of the headline."""
    for chapter in ("六 你是我的孫子", "新加坡的威力 （五）"):
        page = _blind_page([["愛國志士"], ["賽珍珠女士作"], ["諍諍譯"], [chapter],
                            ["一寰驀地掉轉身子，奔上大理石的階石，然後靜悄悄地走進了屋子。"]])
        arts = articles_from_layout([page])
        assert len(arts) == 1 and arts[0].headline == "愛國志士", [a.headline for a in arts]
        assert "".join(arts[0].paragraphs()[0].text.split()) == "".join(chapter.split()), chapter


def test_on_a_blind_page_a_line_of_quoted_speech_heads_nothing() -> None:
    """Jing bao 1939 supplement without divs: a character's words alone on their line, closed by their own stop
    inside the quotation marks ("『她在發脾氣哩！』"), broke the serial's instalment in two; a title in quotation
    marks with no stop inside ("『西宮春怨』") still heads its item."""
    text = "這時候牡丹從他的祖母房裏走出來，接下了他的書本和帽子。她掇起柔嫩的紅唇，有字而無聲地說道："
    after = "他聳聳肩膀，縐起眉頭。他等她向他搖搖頭以後，然後走進祖母的房裏去。"
    arts = articles_from_layout([_blind_page([["愛國志士"], [text], ["『她在發脾氣哩！』"], [after]])])
    assert len(arts) == 1 and "發脾氣" in arts[0].text, [a.headline for a in arts]
    arts = articles_from_layout([_blind_page([["愛國志士"], [text], ["『西宮春怨』"], [after]])])
    assert [a.headline for a in arts] == ["愛國志士", "『西宮春怨』"]


def test_a_byline_and_credit_over_the_dateline_are_the_headline_groups_not_the_text() -> None:
    """Evening Star 1920: under the headline, "by (o\\sta\\tixe iiroavx." / "lij Cable to The Star amFfhleago Daily
    News. ?" / "I'opyrijfht," (a byline, the cable credit and the copyright, garbled past any byline pattern) stand
    over the dateline "CONSTANTINOPLE, Turkey. November 15.—": they belong to the headline group, and the text opens
    on its dateline. A dateline's first line in capitals ("WITH THE BRITISH ARMY IN") is the text's."""
    def text_of(first: list[str]) -> str:
        head = _block("h", 50, 100, ["HEROIC FIGHT FAILS AS WRANGEL ARMY LOSES"], font=14, lh=40)
        body = _block("b", 50, 150, [*first, "CONSTANTINOPLE, Turkey. November 15.—Sebastopol",
                                     "is in the hands of the bolsheviki, according to",
                                     "advices received here tonight from the Crimea."], font=6)
        arts = articles_from_layout([_page([head, body])])
        assert len(arts) == 1
        return arts[0].paragraphs()[0].text

    credit = ["by (o\\sta\\tixe iiroavx.", "lij Cable to The Star amFfhleago Daily News. ?", "I'opyrijfht,"]
    assert text_of(credit).startswith("CONSTANTINOPLE")
    assert text_of(["WITH THE BRITISH ARMY IN"]).startswith("WITH THE BRITISH ARMY IN")


def test_a_deck_closing_a_column_block_stays_with_its_headline_over_the_text_in_the_next_block() -> None:
    """NDNP microfilm (Little River News 1920): the OCR boxes a column down to a headline and its deck and starts
    a new block on the story's text ("BUSINESS CHANGE" / "H. B. Wilson Sells Ashdown Grocery" / "to W. L.
    Phillips." over "H. B. Wilson had sold the Ashdown …"). The deck, Title Case, its last line centred and closing
    on a full stop, is headline group: the story's text opens on its own first line."""
    rows = [*_BODY * 3, ("BUSINESS CHANGE", 140, 140, 20), ("H. B. Wilson Sells Ashdown Grocery", 0, 0, 6),
            ("to W. L. Phillips.", 200, 200, 0)]
    col = _column("c", 50, 100, rows, font=6)
    head, last = col.lines[-3], col.lines[-1]
    assert head.box is not None
    col.lines[-3] = Line(id=head.id, text=head.text, box=(*head.box[:3], head.box[1] + 36), font_size=8)
    col.lines[-1] = Line(id=last.id, text=last.text, box=last.box, font_size=8)
    nxt = _column("n", 50, 100 + 30 * len(rows) + 60, [("H. B. Wilson had sold the Ashdown Grocery to", 25, 0, 0),
                                                        *_BODY * 2], font=6)
    other = _column("o", 700, 100, _BODY * 9, font=6)
    arts = [a for a in articles_from_layout([_page([col, nxt, other], width=1400, height=2600)])
            if a.kind == "article"]
    story = next(a for a in arts if (a.headline or "").startswith("BUSINESS CHANGE"))
    assert "Sells Ashdown Grocery" in " ".join(p.text for p in story.parts if p.role != "paragraph")
    assert story.paragraphs()[0].text.startswith("H. B. Wilson had sold")


def test_a_deck_closing_a_column_block_stays_with_a_head_set_in_body_type() -> None:
    """Little River News 1920: the same deck closing a block ("Troops Lead Raid on Moonshine Siiils" / "at lioi
    Springs.") under a head the OCR declared at the body's size ("TROOPS AID IN K Vll»", centred in capitals after
    a blank line): found as a head by its place in the column, it keeps its deck, and the story's text opens on
    the dateline in the next block."""
    rows = [*_BODY * 6, ("TROOPS AID IN RAID", 150, 150, 40), ("Troops Lead Raid on Moonshine Stills", 0, 0, 6),
            ("at Hot Springs.", 200, 200, 0)]
    col = _column("c", 50, 100, rows, font=6)
    nxt = _column("n", 50, 100 + 30 * len(rows) + 100, [("Hot Springs, May 29.—In one of the most", 25, 0, 0),
                                                         *_BODY * 2], font=6)
    other = _column("o", 700, 100, _BODY * 9, font=6)
    arts = [a for a in articles_from_layout([_page([col, nxt, other], width=1400, height=2600)])
            if a.kind == "article"]
    story = next(a for a in arts if (a.headline or "").startswith("TROOPS AID IN RAID"))
    assert "Troops Lead Raid" in " ".join(p.text for p in story.parts if p.role != "paragraph")
    assert story.paragraphs()[0].text.startswith("Hot Springs, May 29.")


def test_entries_under_sub_heads_opening_on_one_formula_are_one_listing_under_their_rubric() -> None:
    """Little River News 1918: under the rubric ANNOUNCEMENTS each candidate's entry stands under a sub-head naming
    the office ("For Circuit Judge.", "For Sheriff.") and opens on the paper's formula, garbled here and there by the
    OCR ("The News is authorized to announce", "Th* News is …", "The News i3 …"): one notice, the sub-heads its
    crossheads, the first one too; an entry after an item set in the listing's column ("For Congress.") resumes it.
    Heads over text opening otherwise open items of their own."""
    def entry(head: str, formula: str) -> list[tuple[str, float, float, float]]:
        return [(head, 200, 200, 14), (formula, 25, 0, 0), ("Jas. S. Steel of Ashdown as a candidate for", 0, 0, 0),
                ("the office, subject to the action of the", 0, 0, 0), ("Democratic primary, May 28.", 0, 250, 0)]
    rows = [("THE REVIVAL MEETING", 160, 160, 0), ("In spite of hot weather, busy farmers came", 25, 0, 0), *_BODY * 2,
            ("ANNOUNCEMENTS", 170, 170, 30),
            *entry("For Circuit Judge.", "The News is authorized to announce"),
            *entry("For Sheriff.", "Th* News is authorized to announce"),
            *entry("For County Clerk.", "The News i3 authorized to announce"),
            ("WINTHROP BANK REPORT", 150, 150, 40), ("The bank reports its condition at the close", 25, 0, 0),
            *_BODY * 2, *entry("For Congress.", "The News is authorized to announce"),
            ("LOCAL BRIEFS", 150, 150, 40), ("It is the wish of the club that every member", 25, 0, 0), *_BODY]
    col = _column("c", 50, 100, rows, font=None)
    other = _column("o", 700, 100, _BODY * 12, font=None)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == ["THE REVIVAL MEETING", "ANNOUNCEMENTS", "WINTHROP BANK REPORT",
                                          "LOCAL BRIEFS"]
    listing = arts[1]
    body = [p.text for p in listing.parts if p.role not in ("headline", "kicker", "subheadline")]
    assert body[0] == "For Circuit Judge." and "For Sheriff." in body and body[-2] == "For Congress."


def _tall_box(bid: str, y0: float, rows: list[tuple[str, float]]) -> tuple[Block, float]:
    """A block across two columns (x 60-700) from rows of (text, size), its lines running across it."""
    lines, y = [], y0
    for k, (text, size) in enumerate(rows):
        lh = 40 if size > 10 else 20
        lines.append(Line(id=f"{bid}.l{k}", text=text, box=(60, y, 700, y + lh - 2), font_size=size))
        y += lh + 6
    return Block(id=bid, lines=lines, box=(60, y0, 700, y), font_size=8), y


def test_a_box_across_two_columns_as_high_as_a_column_is_one_advert_until_its_copy_closes_on_an_address() -> None:
    """Nevada County Picayune 1920 (hOCR): the Castoria advert, boxed whole across two columns and as high as a
    column, its copy running across the box, holds display lines inside its copy ("What is CASTORIA", "GENUINE
    CASTORIA ALWAYS"): the advert's own, as in a shorter box. Lancaster 1885: a box whose copy closes on the shop's
    address ("Next Door to the Court House, Lancaster, Pa.") holds the next advert's display under it: that one is
    an item of its own."""
    cols = [_block(f"c{k}", 50 + 340 * k, 100, [f"column {k} text line running on here"] * 12, font=8)
            for k in range(3)]
    copy = [("Castoria is a harmless substitute for Castor Oil, Paregoric and Syrups.", 8.0)] * 14
    castoria, y = _tall_box("ad", 500, [("Children Cry for Fletcher's", 14.0), *copy, ("What is CASTORIA", 14.0),
                                        *copy, ("GENUINE CASTORIA ALWAYS", 14.0),
                                        ("The Centaur Company, New York.", 8.0)])
    store, y = _tall_box("st", y + 20, [("FAHNESTOCK'S", 14.0), *copy[:10], ("R. E. FAHNESTOCK,", 14.0),
                                        ("Next Door to the Court House, Lancaster, Pa.", 14.0),
                                        ("HOUSE-FURNISHING GOODS,", 14.0), ("METZGER & HAUGHMAN'S", 14.0),
                                        ("New lot of Sheeting and Shirting Muslins of all the makes.", 8.0),
                                        ("43 WEST KING ST., LANCASTER.", 8.0)])
    arts = [a for a in articles_from_layout([_page([*cols, castoria, store], width=1100, height=y + 100)])
            if a.kind != "furniture"]
    heads = [a.headline or "" for a in arts if a.headline != "column 0 text line running on here"]
    assert [h for h in heads if "CASTORIA" in h or "Fletcher" in h] == ["Children Cry for Fletcher's"], heads
    fletcher = next(a for a in arts if a.headline == "Children Cry for Fletcher's")
    assert "What is CASTORIA" in fletcher.text and "The Centaur Company" in fletcher.text
    fahnestock = next(a for a in arts if (a.headline or "").startswith("FAHNESTOCK'S"))
    assert "Lancaster, Pa." in fahnestock.text and "METZGER" not in fahnestock.text
    assert any((a.headline or "").startswith("HOUSE-FURNISHING GOODS") for a in arts), heads


def test_the_paper_s_box_atop_a_column_block_is_furniture_and_a_garbled_rule_under_it_is_noise() -> None:
    """Little River News 1918 (hOCR): the OCR boxed the paper's box (title, days of issue, editors, postal entry,
    subscription price) with the announcements under it, and read the ornamental rule between them as "^ ^ vv i*'
    Vi vs v. Vi ^ vs v^s iu ^". The box's lines, down to the last carrying its terms, are furniture; the rule is
    noise; the rubric under them heads the next item. A word set letter-spaced in capitals is no such rule."""
    box = ["THE LITTLE RIVER NEWS", "Published Wednesday and Saturday", "GRAVES & GRAVES,",
           "Editors and Publishers.", "Entered at the postoffice at Ashdown,", "Arkansas, as second-class mail",
           "Subscription Price Per Year,", "$1.50 Cash in Advance"]
    block = _block("b", 50, 100, [*box, "^ ^ vv i*' Vi vs v. Vi ^ vs v^s iu ^", "ANNOUNCEMENTS",
                                  "The News is authorized to announce", "Judge Jas. S. Steel of Ashdown as a",
                                  "candidate for Circuit Judge."], font=9)
    block.lines[0].font_size = block.lines[len(box) + 1].font_size = 18
    arts = articles_from_layout([_page([block])])
    furniture = " ".join(a.text for a in arts if a.kind == "furniture")
    assert "second-class" in furniture and "Cash in Advance" in furniture
    items = [a for a in arts if a.kind != "furniture"]
    assert [a.headline for a in items] == ["ANNOUNCEMENTS"], [a.headline for a in items]
    assert items[0].paragraphs()[0].text.startswith("The News is authorized")
    spaced = _block("s", 50, 100, ["ADVERTENTIES", "A D V E R T E N T I E B L A D,", "Ten overstaan van den",
                                   "notaris zal worden verkocht."], font=9)
    assert "A D V E R T E N T I E" in " ".join(a.text for a in articles_from_layout([_page([spaced])])
                                               if a.kind != "furniture")


def test_a_title_case_head_run_in_under_a_wire_report_is_its_crosshead() -> None:
    """Ashdown 1920 (hOCR, no sizes): the earthquake report opening on "Mexico City, Jan. 4,—" runs on under
    "Seas is Churned." (inside the column block) and "Panic Indescribable." (atop the next block), each centred and
    run in under the report's finished text with no blank line above: crossheads of the report, not items. Over a
    date ("27. Dez. Die …") such a head opens the next dispatch."""
    rows = [("EARTHQUAKE SHAKES MEXICO", 150, 150, 0), ("Mexico City, Jan. 4,—Scores of persons have", 25, 0, 0),
            *_BODY * 3, ("Seas is Churned.", 210, 210, 0), ("The earthquake caused great alarm in the", 25, 0, 0),
            *_BODY * 2]
    col = _column("c", 50, 100, rows, font=None)
    nxt = _column("n", 50, col.box[3], [("Panic Indescribable.", 200, 200, 0),
                                        ("The panic in the capital among the people", 25, 0, 0), *_BODY], font=None)
    other = _column("o", 700, 100, _BODY * 9, font=None)
    arts = [a for a in articles_from_layout([_page([col, nxt, other], width=1400, height=2600)])
            if a.kind == "article"]
    report = next(a for a in arts if a.headline == "EARTHQUAKE SHAKES MEXICO")
    assert "Seas is Churned." in report.text and "Panic Indescribable." in report.text, [a.headline for a in arts]
    assert "The panic in the capital" in report.text
    dated = [*rows[:17], ("Aus Paris.", 220, 220, 0), ("27. Dez. Die französische Regierung hat", 25, 0, 0),
             *_BODY * 3]
    col = _column("d", 50, 100, dated, font=None)
    arts = [a for a in articles_from_layout([_page([col, other], width=1400, height=2600)]) if a.kind == "article"]
    assert any(a.headline == "Aus Paris." for a in arts), [a.headline for a in arts]


def test_a_sentence_set_large_across_the_measure_running_on_in_lower_case_is_body_whatever_its_names() -> None:
    """Prescott 1920: under "Judge G. R. Haynie, Candidate for Governor" the notice's first line, set a size above
    its body ("Judge Haynie will address a gathering at Serepta Springs"), runs across the measure into "on Saturday,
    June 5th, …": the text's first line, though half its words are names in capitals, not a deck."""
    lines = [Line(id="b.l0", text="Judge G. R. Haynie, Candidate for Governor", box=(90, 100, 610, 140), font_size=12),
             Line(id="b.l1", text="Judge Haynie will address a gathering at Serepta Springs", box=(60, 146, 650, 172),
                  font_size=8),
             Line(id="b.l2", text="on Saturday, June 5th, at 11 o'clock a. m., in the interest of",
                  box=(50, 176, 650, 196), font_size=6),
             Line(id="b.l3", text="his candidacy.", box=(50, 198, 200, 218), font_size=6)]
    block = Block(id="b", lines=lines, box=(50, 100, 650, 218))
    other = _block("o", 50, 300, ["The county court met on Monday and heard the reports of the"] * 12, width=600,
                   font=6)
    arts = [a for a in articles_from_layout([_page([block, other])]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == ["Judge G. R. Haynie, Candidate for Governor"]
    assert arts[0].paragraphs()[0].text.startswith("Judge Haynie will address")


def test_on_a_blind_page_a_brief_opening_on_again_goes_on_the_brief_above() -> None:
    """Jing bao 1939 without divs: a police roundup's ▲ paragraphs, "▲昨日上午十一時二十分、…被刼一百餘元、" /
    "▲又下午四時十分、…被刼一千五百餘元" / "▲又八時四十分、…": 又 ("again") goes on the series above, one item, where
    a short ▲ sentence of clauses of its own is an item (the sports briefs above)."""
    page = _blind_page([
        ["盜案迭出"], ["▲昨日上午十一時二十分、康腦脫路住戶、爲二盜闖入、被刼一百餘元、"],
        ["▲又下午四時十分、河南路六十號門牌、發生盜案、被刼一千五百餘元"], ["▲又八時四十分、同孚路住戶、爲六盜闖入、"],
        ["體育簡報"], ["▲華聯田徑隊、卽日開始報名、"], ["▲錢業聯誼會、今晚下午舉行乒乓表演賽、"],
    ])
    arts = articles_from_layout([page])
    assert [("".join(a.text.split()))[:6] for a in arts] == ["盜案迭出▲昨", "體育簡報▲華", "▲錢業聯誼會"]


def test_on_a_blind_page_an_advert_naming_its_address_label_goes_on_into_the_address() -> None:
    """Jing bao 1939 without divs: a clinic's advert "董惠民醫師" / "（地址）" / "四馬路天蟾舞台斜對面…" / "時間" /
    "上午九時起…" was cut after its labels: the bracketed 地址 announces the address that follows, 時間 its hours;
    a label closes nothing and opens no advert."""
    page = _blind_page([
        ["老協大祥"], ["綢緞棉布"], ["莊"], ["新出各種國產春裝衣料"], ["花色齊備應有盡有"], ["◁總店▷小東門外大街"],
        ["電話九一一五五號"], ["董惠民醫師"], ["（地址）"], ["四馬路天蟾舞台斜對面大西洋菜社西首第二家崇善醫院"],
        ["時間"], ["上午九時起下午九時止星期照常"],
        ["淋病最易傳染而最難斷根　欲求澈底斷根　首宜用最高倍顯微鏡驗檢毒菌種類　分門別類　施以有效療法　"
         "本醫師對於淋病及花柳各科　雖不敢自詡獨步　然必竭盡貢獻廿餘年來幸能百不失一尚覺差可自慰"],
    ])
    arts = articles_from_layout([page])
    assert [("".join(a.text.split()))[:4] for a in arts] == ["老協大祥", "董惠民醫"], [a.text for a in arts]
