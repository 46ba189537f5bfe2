"""Text forms: folding with its offset map, display conversion with offsets, UTF-16 offsets."""

from __future__ import annotations

import random

import opencc
import pytest

from reader.text.forms import (
    display,
    fold,
    fold_query,
    fold_text,
    from_original,
    to_original,
    utf16_offset,
)


def test_fold_scripts_width_case_accents() -> None:
    assert fold_text("黨的發展") == "党的发展"
    assert fold_text("ＡＢＣ１２３") == "abc123"
    assert fold_text("Café CRÈME Straße") == "cafe creme strasse"
    assert fold_text("鍒") == "𫔄"  # t2s maps this BMP character to an astral one


def test_fold_removes_spaces_between_cjk_only() -> None:
    assert fold_text("中 国\u3000人 民") == "中国人民"
    assert fold_text("New  York 中 2021 年") == "new  york 中 2021 年"
    # a blank line (the separator of parts) is kept, so a query never spans two parts
    assert fold_text("标题\n\n正文") == "标题\n\n正文"


def test_fold_map_points_at_the_source_character() -> None:
    text = "ﬁne Café… 黨 發\u3000展，Ⅻ ß"
    folded, omap = fold(text)
    assert folded == fold_text(text)
    assert len(omap) == len(folded)
    assert omap == sorted(omap)
    for i, ch in enumerate(folded):
        assert ch in fold_text(text[omap[i]]), (i, ch, text[omap[i]])


def test_fold_is_a_per_character_map_on_random_text() -> None:
    rng = random.Random(3)
    pool = "黨党發发展經经濟济中国人民 　abcÉéßﬁ…，。ＡＢ\n𫔄鍒"
    s2t = opencc.OpenCC("s2t")
    for _ in range(200):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        folded, omap = fold(text)
        assert folded == fold_text(text)
        assert len(omap) == len(folded)
        # either script folds to the same text
        assert fold_text(s2t.convert(text)) == folded or not text


def test_to_and_from_original() -> None:
    text = "ﬁx 發展"
    folded, omap = fold(text)
    i = folded.index("发展")
    assert to_original(omap, i, i + 2) == (3, 5)
    assert text[slice(*to_original(omap, 0, 2))] == "ﬁ"  # 'fi' both come from one ligature
    assert from_original(omap, 3, 5) == (i, i + 2)


@pytest.mark.parametrize("config", ["s2t", "t2s", "s2tw", "tw2s", "s2hk"])
def test_display_one_to_one_configs_keep_offsets(config: str) -> None:
    text = "人民日报记者报道：发展经济，黨的建設。"
    converted, omap = display(text, config)
    assert len(converted) == len(text)
    assert omap == list(range(len(text)))


def test_display_phrase_config_maps_offsets() -> None:
    text = "他把U盘和内存交给出租车司机，信息已发出。"
    converted, omap = display(text, "s2twp")
    assert converted != text and len(converted) != len(text)
    assert len(omap) == len(converted)
    assert omap == sorted(omap)
    # the highlight of 司机 in the original lands on 司機 in the display text
    s = text.index("司机")
    ds, de = from_original(omap, s, s + 2)
    assert converted[ds:de] == "司機"
    # and back
    assert to_original(omap, ds, de) == (s, s + 2)


def test_display_none_is_identity() -> None:
    assert display("abc", None) == ("abc", [0, 1, 2])
    assert display("abc", "none") == ("abc", [0, 1, 2])
    with pytest.raises(ValueError):
        display("abc", "nonsense")


def test_utf16_offsets() -> None:
    text = "a𫔄b"
    assert utf16_offset(text, 1) == 1
    assert utf16_offset(text, 2) == 3
    assert utf16_offset("abc", 2) == 2


def test_fold_query_strips() -> None:
    assert fold_query("  發 展 ") == "发展"
