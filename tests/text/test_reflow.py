"""Reflow as pure functions: spaces, joins, hyphenation, the character map."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.document import Part, Span
from reader.text.chars import AMBIGUOUS, em_width, ends_sentence, is_cjk, is_wide
from reader.text.reflow import Piece, clean_chars, collapse, join_page_turns, reflow


def join(*lines: str, hyphenated: bool = False) -> str:
    return reflow("paragraph", [Piece(f"l{k}", t, hyphenated) for k, t in enumerate(lines)]).text


def test_widths_in_em() -> None:
    assert em_width("中文") == 2
    assert em_width("ab 12") == 2
    assert em_width("“中”") == 3
    assert em_width("“中”", quote=0.5) == 2
    assert em_width("。”") == 1.5  # compressed pair of full-width marks


def test_justified_lines_collapse() -> None:
    assert collapse("据 了 解 ，当 地 今 年") == "据了解，当地今年"
    assert collapse("本报长沙 11 月 18 日电") == "本报长沙11月18日电"
    assert collapse("们不考核 GDP，也不考核") == "们不考核GDP，也不考核"


def test_latin_words_keep_their_spaces() -> None:
    assert collapse("The  Statesman of London") == "The Statesman of London"
    assert join("the quick brown", "fox jumps") == "the quick brown fox jumps"


def test_cjk_lines_join_without_space() -> None:
    assert join("湖南省浏阳市一个村的", "农家书屋，十几名村民") == "湖南省浏阳市一个村的农家书屋，十几名村民"
    assert join("2019", "年以来，") == "2019年以来，"


def test_dehyphenation() -> None:
    assert join("an exam-", "ple of it") == "an example of it"
    assert join("North-", "West") == "North- West" or join("North-", "West") == "North-West"
    assert join("Ver-", "Einigung", hyphenated=True) == "VerEinigung"
    assert join("soft\u00ad", "hyphen") == "softhyphen"


def test_a_word_hyphenated_after_a_letter_with_a_mark_above_is_joined() -> None:
    """Old German transcriptions write ä as a with a small e above (a + U+0364): "Aufklaͤ-" / "rung" is one word,
    as "Be-" / "drükkung" is (seen by eye on Kant's page: "Aufklaͤ- rung", a fourth Aufklärung search never found);
    so after any combining mark, over a line end and over a page turn."""
    assert join("der Aufkla\u0364-", "rung hinderlich") == "der Aufkla\u0364rung hinderlich"
    assert join("scho\u0308-", "ner Tag") == "scho\u0308ner Tag"
    assert join("Mu\u0364-", "ster") == "Mu\u0364ster"
    assert join("a\u0364 -", "und") == "a\u0364 - und"  # a dash after a word, no hyphenation
    first = Part("paragraph", "der Aufkla\u0364-", [Span(0, 11, "l1", 0)])
    second = Part("paragraph", "rung hinderlich", [Span(0, 15, "l2", 0)])
    assert join_page_turns([first, second], {"l1": 1, "l2": 2})[0].text == "der Aufkla\u0364rung hinderlich"


def test_byline_names_keep_word_spaces() -> None:
    part = reflow("byline", [Piece("l1", "本报记者 窦瀚洋 毕京津 常碧罗")], keep_word_spaces=True)
    assert part.text == "本报记者 窦瀚洋 毕京津 常碧罗"
    spaced = reflow("headline", [Piece("l1", "干 得 好 就 能 看 得 见")], keep_word_spaces=True)
    assert spaced.text == "干得好就能看得见"


def test_spans_map_characters_back() -> None:
    part = reflow("paragraph", [Piece("a", "  据 了 解 ，当"), Piece("b", "地 2020 年")])
    assert part.text == "据了解，当地2020年"
    assert part.locate(0) == ("a", 2)
    assert part.locate(4) == ("a", 9)
    assert part.locate(5) == ("b", 0)
    assert part.locate(6) == ("b", 2)
    assert part.line_ids == ["a", "b"]


def test_sentence_end() -> None:
    assert ends_sentence("说。")
    assert ends_sentence("见人见物’。”")
    assert not ends_sentence("让文物“开口说话”")
    assert not ends_sentence("一栏要选填，")


def test_curly_quotes_take_the_width_of_the_text_they_quote() -> None:
    """German and English text quoted with curly quotes kept no space after the closing quote ("„ja“und"): the
    quotes are wide in CJK fonts only. In Chinese the quotes still join without spaces."""
    assert join("Er sagte „ja“ und ging.") == "Er sagte „ja“ und ging."
    assert join("Die „Huron“ Katastrophe.") == "Die „Huron“ Katastrophe."
    assert join("He said “yes” and left,", "“no” said she.") == "He said “yes” and left, “no” said she."
    assert join("他說“好” 了。") == "他說“好”了。"
    assert join("他說“好”", "了。") == "他說“好”了。"


def test_marks_a_chinese_font_sets_wide_keep_their_spaces_in_latin_text() -> None:
    """The em dash, ellipsis, middle dot and black square are full width in a Chinese font only: beside Latin
    text the spaces around them are printed ("fer. — Service"), between CJK characters they are layout."""
    assert join("the bridge — and then … he left · again ■ today.") == (
        "the bridge — and then … he left · again ■ today.")
    assert join("Chemins de fer. — Service d'hiver.") == "Chemins de fer. — Service d'hiver."
    assert join("Juni/Juli 10 ½ — ⅓ Rthlr.") == "Juni/Juli 10 ½ — ⅓ Rthlr."
    assert join("il est resté ■ dans la langue") == "il est resté ■ dans la langue"
    assert join("据 了 解 — 当 地 … 今 年 · 村 ■ 民") == "据了解—当地…今年·村■民"
    assert join("当季度最满意的3 — 4条") == "当季度最满意的3—4条"
    assert join("中国 GDP — 增长") == "中国GDP—增长"
    # across a line end: a dash set with spaces keeps one, a closed dash stays closed, CJK joins
    assert join("the bridge —", "and then") == "the bridge — and then"
    assert join("Chemins de fer.—", "Service d'hiver.") == "Chemins de fer.—Service d'hiver."
    assert join("the bridge", "— and then") == "the bridge — and then"
    assert join("他走了——", "然后") == "他走了——然后"
    assert join("他走了……", "OK") == "他走了……OK"


def test_chinese_words_in_latin_text_keep_the_spaces_printed_around_them() -> None:
    """Seen: "Shanghai 上海 is a city." read "Shanghai上海is a city." — the spaces around a Chinese word set in
    Latin running text were taken for the layout spaces of a Chinese line. In a line of Latin text they are
    printed; in a Chinese line the spaces a PDF puts around a Latin word or a number stay layout."""
    assert join("Shanghai 上海 is a city, and Peking 北京 is another.") == (
        "Shanghai 上海 is a city, and Peking 北京 is another.")
    assert join("the firm of 王記 & Co. at Hankow") == "the firm of 王記 & Co. at Hankow"
    assert join("in the city of", "上海 and the river") == "in the city of 上海 and the river"
    assert join("the river of 上海", "and the city") == "the river of 上海 and the city"
    # Chinese lines: unchanged
    assert join("中国 GDP 增长 7% 左右。") == "中国GDP增长7%左右。"
    assert join("第二段 APEC 会议。") == "第二段APEC会议。"
    assert join("在 APEC CEO 峰会上") == "在APEC CEO峰会上"
    assert join("湖南省浏阳市一个村的", "APEC 会议") == "湖南省浏阳市一个村的APEC会议"
    # justified spacing between two CJK characters is layout in any line
    assert join("the words 上 海 spaced") == "the words 上海 spaced"


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="ab 中国“”—…·■\u3000\t\u00a0.-1，", max_size=14), offset=st.integers(0, 5),
       keep=st.booleans())
def test_a_lines_characters_keep_their_places_and_lose_only_layout_spaces(text: str, offset: int, keep: bool) -> None:
    """Every character kept points at itself in the line; a run of spaces goes when a wide character (a mark
    wide in a Chinese font only — curly quote, dash, ellipsis … — counting as wide when the nearest letter or
    other wide character on either side of it is) stands on either side, else it is one space at its start —
    and with ``keep_word_spaces`` a run between two wide characters stays, unless the line is spaced char by
    char. In a line of Latin running text (two Latin words or more, twice as many Latin letters as wide
    characters) a run between a wide and a narrow character stays too."""
    def decides(c: str) -> bool:
        return c not in AMBIGUOUS and (c.isalpha() or is_wide(c))

    def wide(k: int, step: int) -> bool:
        if not 0 <= k < len(text):
            return False
        if text[k] not in AMBIGUOUS:
            return is_wide(text[k])
        near = [c for c in text[:k][::-1] if decides(c)][:1] + [c for c in text[k + 1:] if decides(c)][:1]
        return any(is_wide(c) or is_cjk(c) for c in near)

    tokens = text.split()
    latin_words = [t for t in tokens if any(c.isalpha() and not is_wide(c) for c in t)]
    latin = len(latin_words) >= 2 and sum(c.isalpha() and not is_wide(c) for c in text) >= 2 * sum(
        is_wide(c) and not c.isspace() for c in text)
    spaced = keep and len(tokens) >= 3 and sum(len(t) == 1 for t in tokens) >= len(tokens) - 1
    expected: list[tuple[str, str, int]] = []
    k = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    while k < end:
        if not text[k].isspace():
            expected.append((text[k], "l", offset + k))
            k += 1
            continue
        j = k
        while text[j].isspace():
            j += 1
        before, after = wide(k - 1, -1), wide(j, 1)
        if not (before or after) or keep and not spaced and before and after or before != after and latin:
            expected.append((" ", "l", offset + k))
        k = j
    assert clean_chars(Piece("l", text, False, offset), keep) == expected


def test_a_paragraph_cut_by_a_page_turn_is_one_and_its_hyphenated_word_whole() -> None:
    """A paragraph ending mid-sentence at a page's foot goes on in the next page's first; a word hyphenated over
    the turn is joined ("Washing-" | "ton", review); a paragraph ending on a full stop stays apart."""
    from reader.model.document import Part, Span

    def page_parts(rows):  # type: ignore[no-untyped-def]
        return ([Part("paragraph", t, [Span(0, len(t), line, 0)]) for line, _, t in rows],
                {line: page for line, page, _ in rows})

    parts, page_of = page_parts([("p1.l1", 1, "He left for Washing-"), ("p2.l1", 2, "ton on Monday, it is said.")])
    [one] = join_page_turns(parts, page_of)
    assert one.text == "He left for Washington on Monday, it is said."
    parts, page_of = page_parts([("p1.l1", 1, "Bereits hat für die"), ("p2.l1", 2, "Dappenthal-Frage die Regierung.")])
    assert [p.text for p in join_page_turns(parts, page_of)] == ["Bereits hat für die Dappenthal-Frage die Regierung."]
    parts, page_of = page_parts([("p1.l1", 1, "Il fallait des miracles."), ("p2.l1", 2, "Avant d'ouvrir le sol")])
    assert len(join_page_turns(parts, page_of)) == 2
    parts, page_of = page_parts([("p1.l1", 1, "据了解，当地今年"), ("p2.l1", 2, "新建书屋二百多个。")])
    assert [p.text for p in join_page_turns(parts, page_of)] == ["据了解，当地今年新建书屋二百多个。"]
