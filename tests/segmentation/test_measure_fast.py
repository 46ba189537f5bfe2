"""The per-line measures of plain-text segmentation, made cheaper for import (issue 17), give what they gave.

The references below are the functions as they were (a loop over every character for the width, a sort of every
line's window for the column, the role tests one by one), kept here only to compare against."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.segmentation import roles
from reader.segmentation.textpage import _mode_width, _special, _window_modes
from reader.text.chars import AMBIGUOUS, COMPRESSIBLE, QUOTES, char_width, em_width, is_wide, latin_running, wide_at
from reader.text.reflow import ALWAYS_WIDE, Piece, _clean_runs, _is_single_spaced, collapse


def _ref_em_width(text: str, quote: float = 1.0) -> float:
    total = 0.0
    prev_punct = False
    for c in text:
        if c.isspace():
            continue
        w = quote if c in QUOTES else char_width(c)
        punct = c in COMPRESSIBLE
        if punct and prev_punct and w == 1.0:
            w = 0.5
            punct = False
        total += w
        prev_punct = punct
    return total


#: ideographs of both blocks (and next to them), full-width marks, quotes, Latin, digits, spaces of three kinds,
#: a combining mark, kana, an em dash
ALPHABET = "中国人民日报㐀䶵一鿿龥，。、；：？！“”‘’「」（）《》aZ09 \u3000\t\u0301の—…·"
lines = st.text(alphabet=ALPHABET, max_size=60)


@settings(max_examples=500, deadline=None)
@given(lines, st.sampled_from([1.0, 0.5]))
def test_em_width_as_a_character_at_a_time(text: str, quote: float) -> None:
    assert em_width(text, quote) == _ref_em_width(text, quote)


def test_em_width_examples() -> None:
    for text in ("", "中", "中文", "中文，。", "“中文”", "中。”中", "ab 中文 12", "中文中文中文中文中文中文中文中文"):
        for quote in (1.0, 0.5):
            assert em_width(text, quote) == _ref_em_width(text, quote)


def _ref_modes(widths: Sequence[float], window: int) -> list[float]:
    """Each line's window of ``2 * window + 1`` widths, sorted again: around it, and at either end of ``widths`` as
    many, taken further on the other side (cut short there, a few short lines at a page's top made the column)."""
    n = len(widths)
    size = min(n, 2 * window + 1)
    return [_mode_width(widths[(lo := min(max(0, k - window), n - size)):lo + size]) for k in range(n)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 50).map(lambda n: n / 2), max_size=80), st.integers(0, 8))
def test_window_modes_as_sorted_again_for_every_line(widths: list[float], window: int) -> None:
    assert _window_modes(widths, window) == _ref_modes(widths, window)


def _ref_is_credit(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 30 or any(p in t for p in "。！？；，"):
        return False
    return bool(roles._CREDIT.search(t) or roles._CREDIT_START.match(t))


def _ref_is_byline_line(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 40 or _ref_is_credit(t):
        return False
    if any(p in t for p in "。！？；"):
        return False
    if roles._BYLINE_LINE.match(t):
        return "，" not in t
    n = roles.byline_prefix(t)
    return n is not None and n >= len(t) - 1


def _ref_is_noise(text: str) -> bool:
    t = text.strip()
    if not t:
        return True
    if any("\u3400" <= c <= "\u9fff" for c in t):
        return False
    if t.isdigit():
        return False
    return len(t) <= 3


def _ref_special(raw: str, text: str) -> str | None:
    if roles.is_furniture(text):
        return "furniture"
    if _ref_is_credit(text):
        return "credit"
    if _ref_is_byline_line(collapse(raw, keep_word_spaces=True)):
        return "byline"
    if roles.is_column_label(text):
        return "column-label"
    if _ref_is_noise(text):
        return "noise"
    return None


#: pieces of the lines the role tests look for: bylines, credits, furniture, labels, stops, spaces
PIECES = ["本报记者", "新华社记者", "记者", "（", "）", "(", ")", "【", "】", "〔", "〕", "／", "/", "報導", "报道",
          "张璁", "摄", "摄影", "供图", "资料图片", "图／", "本版责编", "2021年1月27日", "星期三", "第4版", "■",
          "干部状态", "。", "，", "！", "？", "；", "：", " ", "  ", "\u3000", "a", "Ab", "12", "文：", "特约记者",
          "中国", "人民", "日电", "本报北京1月26日电"]
raw_lines = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)


@settings(max_examples=1500, deadline=None)
@given(raw_lines)
def test_roles_of_a_line_as_tested_one_by_one(raw: str) -> None:
    text = collapse(raw)
    assert roles.is_credit(text) == _ref_is_credit(text)
    assert roles.is_byline_line(raw) == _ref_is_byline_line(raw)
    assert roles.is_noise(raw) == _ref_is_noise(raw)
    assert _special(raw, text) == _ref_special(raw, text)


def test_always_wide_is_wide_wherever_it_stands() -> None:
    chars = [c for c in ALWAYS_WIDE if c != "-"]
    chars += [chr(o) for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)) for o in range(lo, hi + 1, 97)]
    chars += ["\u4dbf", "\u9fff"]
    assert all(is_wide(c) and c not in AMBIGUOUS for c in chars)


def _ref_collapse(text: str, keep_word_spaces: bool = False) -> str:
    return "".join(run[0] for run in _ref_runs(text, keep_word_spaces))


def _ref_runs(text: str, keep: bool) -> list[tuple[str, int]]:
    lo, hi = 0, len(text)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    spaced = keep and _is_single_spaced(text[lo:hi].split())
    out: list[tuple[str, int]] = []
    pos = lo
    for m in re.finditer(r"\s+", text[:hi]):
        i, j = m.span()
        if i < lo:
            continue
        if i > pos:
            out.append((text[pos:i], pos))
        before, after = wide_at(text, i - 1), wide_at(text, j)
        keep_it = not (before or after) or keep and not spaced and before and after
        if not keep_it and before != after:
            keep_it = latin_running(text[lo:hi])
        if keep_it:
            out.append((" ", i))
        pos = j
    if hi > pos:
        out.append((text[pos:hi], pos))
    return out


spaced_lines = st.lists(st.sampled_from(["中", "国", "人民", "，", "。", "“", "”", "—", "a", "Ab", "12", " ", "  ",
                                         "\u3000", "\t"]), max_size=16).map("".join)


@settings(max_examples=1500, deadline=None)
@given(spaced_lines, st.booleans())
def test_a_line_collapsed_and_cut_in_runs_as_a_space_at_a_time(text: str, keep: bool) -> None:
    assert collapse(text, keep) == _ref_collapse(text, keep)
    runs = [(s, off) for s, _, off in _clean_runs(Piece("l", text), keep)]
    assert runs == [(s, off) for s, off in _ref_runs(text, keep)]
