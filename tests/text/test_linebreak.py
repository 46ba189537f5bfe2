"""CJK line breaking (kinsoku): what may start or end a line or a vertical column."""

from __future__ import annotations

from reader.text.linebreak import (
    HANGING,
    adjustments,
    can_break,
    columns,
    forbidden_breaks,
    justifiable,
    line_starts_ok,
    punctuation_allows,
)

#: from the bundled 人民日报 page (resources/samples/seed_page.txt), 干得好就能看得见
RMRB = ("“本季度重要工作：完善‘亲清在线’平台功能，政策兑现超250条……”2020年10月中旬，"
        "杭州市发改委副主任马骏提交了自己第三季度的《领导干部履职情况表》。“重要工作”一栏要选填"
        "当季度最满意的3—4条，他每次填写都要仔细琢磨。")


def test_closing_punctuation_never_starts_a_line() -> None:
    for mark in "、。，：；！？」』）》〉”’":
        assert not can_break("好" + mark, 1), mark
    assert not can_break("ちょっと", 1)  # a small kana
    assert can_break("中文", 1)


def test_opening_punctuation_never_ends_a_line() -> None:
    for mark in "「『（《〈“‘【":
        assert not can_break(mark + "好", 1), mark
    assert can_break("。「", 1)


def test_digit_and_latin_runs_and_doubled_marks_stay_whole() -> None:
    assert not can_break("2020", 2)
    assert not can_break("COVID", 3)
    assert not can_break("２０２１", 2)  # full-width digits
    assert can_break("超250条", 1) and can_break("超250条", 4)
    assert not can_break("3—4条", 1) and not can_break("3—4条", 2) and can_break("3—4条", 3)
    assert not can_break("1939-1945", 4) and can_break("一—二", 1)
    assert not can_break("——", 1) and not can_break("……", 1)


def test_columns_never_start_with_closing_punctuation() -> None:
    """Every width from 4 to 30 characters, with and without an indent: no column starts with 、。，” etc."""
    for rows in range(4, 31):
        for first in (0, 2):
            starts = columns(RMRB, rows, first)
            assert line_starts_ok(RMRB, starts), (rows, first, [RMRB[s] for s in starts])
            assert starts == sorted(set(starts)) and starts[0] == 0
            lengths = [b - a for a, b in zip(starts, starts[1:] + [len(RMRB)], strict=True)]
            ends = [RMRB[b - 1] for b in starts[1:]]
            room = [rows - (first if n == 0 else 0) + (1 if n < len(ends) and ends[n] in HANGING else 0)
                    for n in range(len(lengths))]
            assert all(length <= r for length, r in zip(lengths, room, strict=True)), (rows, first)
            # pushed out by at most a third of a column (at least four characters)
            assert min(lengths[:-1] or [rows]) >= rows - max(4, rows // 3)


def test_a_column_pushes_out_the_character_before_a_closing_mark() -> None:
    text = "一二三四五、六七"
    assert columns(text, 5) == [0, 6]  # 、 would start column 2: it hangs below column 1
    assert columns("一二三四五」六七", 5) == [0, 4]  # 」 does not hang: 五 goes with it
    assert columns("一二三四五六七八", 5) == [0, 5]


def test_a_bracketed_number_moves_whole_to_the_next_column() -> None:
    text = "举报投诉特服电话，号码为「12350」，鼓励人民群众"
    for rows in range(12, 26):
        starts = columns(text, rows)
        assert not any(text[s - 1] in "「12350" and text[s] in "12350」，" for s in starts[1:]), rows


def test_a_number_too_long_to_move_is_cut_rather_than_a_column_started_with_a_comma() -> None:
    text = "号码为「1234567890123」，鼓励人民群众积极举报"
    for rows in range(5, 20):
        starts = columns(text, rows)
        assert all(punctuation_allows(text, s) for s in starts[1:]), (rows, [text[s] for s in starts])


def test_a_run_longer_than_the_push_out_is_cut() -> None:
    text = "号" + "1234567890" * 2
    starts = columns(text, 6)
    assert all(b - a >= 2 for a, b in zip(starts, starts[1:], strict=False))
    assert starts[-1] < len(text)


def uax14_before_15_1(text: str) -> list[bool]:
    """A sketch of what Qt's breaker says here: anywhere between CJK, except beside a quotation mark
    (LB19) and before closing punctuation, after an opening one; after a dash (LB21)."""
    out = [True] * (len(text) + 1)
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if before in "“”‘’" or after in "“”‘’" or after in "、。，）》" or before in "（《":
            out[i] = False
        if before.isdigit() and after.isdigit():
            out[i] = False
    return out


def test_adjustments_open_the_chunks_uax14_keeps_whole_and_keep_ranges() -> None:
    text = "情况表》。“重要工作”一栏选填3—4条"
    offer, refuse = adjustments(text, uax14_before_15_1(text))
    assert offer == [text.index("“"), text.index("一")]
    assert refuse == [text.index("—"), text.index("4")]
    # never before a closing quote or after an opening one, never before a closing mark
    assert adjustments("好。”，", uax14_before_15_1("好。”，")) == ([], [])
    assert adjustments("说，“好", uax14_before_15_1("说，“好")) == ([2], [])
    assert adjustments("（“好”）", uax14_before_15_1("（“好”）")) == ([], [])
    # Latin text keeps the other breaker's rules
    latin = "he said “hello” to me"
    assert adjustments(latin, uax14_before_15_1(latin))[0] == []
    offer, _ = adjustments(RMRB, uax14_before_15_1(RMRB))
    assert offer and all(can_break(RMRB, i) for i in offer)


def test_a_paragraph_with_latin_words_is_not_justified_by_letter_spacing() -> None:
    assert justifiable(RMRB)  # digits and ranges spread with the characters around them
    assert not justifiable("美联社（AP）和路透社（Reuters）也作了报道")
    assert not justifiable("COVID-19 疫情的影响还将持续")
    assert not justifiable("世界卫生组织ＷＨＯ表示")  # full-width letters too


def test_justifiable_is_decided_per_character_as_spaces_and_latin_letters_are_defined() -> None:
    """The one-search test agrees, for every character of Unicode, with its definition: a space as
    ``str.isspace`` has it (the ideographic space, NBSP, U+2028 …) or a Latin letter, ASCII or full-width."""
    def per_character(ch: str) -> bool:
        return not (ch.isspace() or (ch.isascii() and ch.isalpha()) or "Ａ" <= ch <= "Ｚ" or "ａ" <= ch <= "ｚ")

    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        assert justifiable("中" + ch + "文") == per_character(ch), hex(code)


def test_the_one_pass_search_forbids_exactly_what_can_break_forbids() -> None:
    import random

    rng = random.Random(14)
    alphabet = "中文好、。，：；！？「」『』（）《》“”‘’—…0123456789AbZ０９ＡＺａｚ［＿ -~～ぁっー々"
    samples = [RMRB, "号码为「12350」，鼓励", "3—4条1939-1945年5～8日", "——……"]
    samples += ["".join(rng.choice(alphabet) for _ in range(60)) for _ in range(300)]
    for text in samples:
        assert forbidden_breaks(text) == {i for i in range(1, len(text)) if not can_break(text, i)}, text
