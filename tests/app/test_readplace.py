"""The reader's place kept by its words through a change of the article's text (reader.app.readplace)."""

from __future__ import annotations

from reader.app.readplace import KeptPlace, find_again, found_again, keep, place_of

PARTS = ["标题", "第一段的文字在这里，说的是一件事。", "第二段的文字在那里，说的是另一件事。", "第三段到此结束。"]


def test_an_unchanged_paragraph_keeps_its_offset_at_its_new_index() -> None:
    place = place_of(PARTS, 2, 5)
    assert place is not None
    assert find_again(place, PARTS) == (2, 5)
    assert find_again(place, [PARTS[0], "插进来的一段。", *PARTS[1:]]) == (3, 5)


def test_a_changed_paragraph_is_found_by_the_words_at_the_place_or_before_it() -> None:
    place = place_of(PARTS, 2, 10)  # "说的是另一件事。"
    assert place is not None
    edited = [PARTS[0], PARTS[1], "第二段的文字已经改在那里，说的是另一件事。", PARTS[3]]
    part, offset = find_again(place, edited)  # type: ignore[misc]
    assert (part, edited[part][offset:offset + 5]) == (2, "说的是另一")
    corrected_at_the_place = [PARTS[0], PARTS[1], "第二段的文字在那里，讲的是另一件事。", PARTS[3]]
    part, offset = find_again(place, corrected_at_the_place)  # type: ignore[misc]
    assert (part, offset) == (2, 10)  # after the words before it


def test_words_gone_are_not_placed_on_other_words() -> None:
    place = place_of(PARTS, 2, 10)
    assert place is not None
    assert find_again(place, ["标题", "完全不同的文字，一句也不一样。", "另外的话，也都不一样。"]) is None
    assert find_again(place, ["标题", "第二段的文字在那里，说的全变了。"]) == (1, 10)  # after the words before it
    late = place_of(["标题", PARTS[2]], 1, 15)
    assert late is not None
    assert find_again(late, ["标题", "第二段的文字在那里，说的全都不一样了。"]) == (1, 0)  # its paragraph begins so


def test_a_repeated_phrase_is_found_nearest_its_old_place() -> None:
    text = "重复的话。" * 6 + "末尾。"
    place = place_of(["标题", text + "改前"], 1, 15)
    assert place is not None
    assert find_again(place, ["标题", text + "改后"]) == (1, 15)


def test_the_selection_is_kept_where_it_reads_the_same_else_a_caret() -> None:
    kept = keep(PARTS, (2, 0, 7), [(1, 10, 12)])
    assert kept == KeptPlace(place_of(PARTS, 2, 0), 7, place_of(PARTS, 1, 10), "说的")
    moved = [PARTS[0], "新的一段。", *PARTS[1:]]
    assert found_again(kept, moved) == ((3, 0, 7), (2, 10, 12))
    changed = [PARTS[0], "第一段的文字在这里，讲的是一件事。", PARTS[2], PARTS[3]]
    assert found_again(kept, changed)[1] == (1, 10, 10)  # the words selected changed: a caret where they were
    assert found_again(KeptPlace(None), PARTS) == (None, None)


def test_words_the_article_repeats_do_not_place_the_reader_in_another_paragraph() -> None:
    """Seen by eye: a paragraph read again as two, the words before the place ("这一段的文字写得很长，", in every
    paragraph) were found in the first — the reader was put a paragraph above. The words around the place, found once,
    say where it is."""
    paras = [f"第{n}段说的是第{n}件事情，" + "这一段的文字写得很长，" * 6 + f"到这里第{n}段就结束了。"
             for n in range(1, 5)]
    old = ["标题", "".join(paras)]
    at = old[1].index("里第2段就结束")  # the words before it, "的文字写得很长，到这", are in the 1st paragraph too
    place = place_of(old, 1, at)
    assert place is not None
    new = ["标题", paras[0] + "新加的一段插在这里。", "".join(paras[1:])]
    part, offset = find_again(place, new)  # type: ignore[misc]
    assert (part, new[part][offset:offset + 6]) == (2, "里第2段就结")
    filler = place_of(old, 1, old[1].index("这一段", at + 20))  # in the repeated words only
    assert filler is not None
    assert find_again(filler, ["标题"] + ["这一段的文字写得很长，" * 6] * 3) is None  # found thrice: not said where


def test_a_place_among_repeated_words_is_found_by_the_nearest_words_the_article_has_once() -> None:
    """Seen by eye: the top of the view in the middle of "这一段的文字写得很长，" × 6 — every paragraph has them — was
    put at the start of the paragraph above after a re-read split the paragraph."""
    paras = [f"第{n}段说的是第{n}件事情，" + "这一段的文字写得很长，" * 6 + f"到这里第{n}段就结束了。"
             for n in range(1, 5)]
    old = ["标题", "".join(paras)]
    at = old[1].index("这一段的文字写得很长，", old[1].index("第2段说的是") + 30)
    place = place_of(old, 1, at)
    assert place is not None
    new = ["标题", paras[0] + "新加的一段插在这里。", "".join(paras[1:])]
    assert find_again(place, new) == (2, at - len(paras[0]))
