"""Where a line of Chinese (and Japanese) text may break: the kinsoku rules of CJK typesetting.

The rules, as a typesetter of a Chinese newspaper applies them (W3C clreq §3.1.7, jlreq §3.1.7):

* no line (or vertical column) starts with closing punctuation — 、。，：；！？ and the closing
  quotes and brackets — nor with a small kana, the prolonged-sound mark or an iteration mark;
* no line ends with an opening quote or bracket;
* a run of digits or Latin letters (2020, COVID) is not cut, nor a range (3—4条, 1939-1945),
  nor the doubled marks —— and …….

The reading view applies them in two ways. Vertical reading (直排) lays out its columns itself and
asks :func:`columns` where each column starts. Horizontal reading is laid out by Qt, whose line
breaker follows Unicode's UAX #14 up to 15.0: it already keeps closing marks off the start of a
line, but it never breaks beside an ambiguous quotation mark (rule LB19), so ``。“重要工作”一栏``
becomes one unbreakable chunk and the line before it is justified with gaps between every
character; and it breaks after the dash of 3—4条. :func:`adjustments` compares Qt's break
opportunities with these rules; the view puts a zero-width space where a break is missing
and a word joiner where one is wrong. (The first half is what Unicode 15.1 added as LB19a.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.text.chars import is_wide

#: Characters that never start a line: closing punctuation, small kana, iteration and length marks.
NO_START = frozenset(
    "、。，．,.：:；;！!？?）)］]｝}」』】〕〗〙〛》〉”’»›%‰℃°・･·ー々〻ゝゞヽヾ゛゜"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "︐︑︒︓︔︕︖︶︸︺︼︾﹀﹂﹄﹈"
)
#: Characters that never end a line: opening punctuation and currency signs before a number.
NO_END = frozenset("（(［[｛{「『【〔〖〘〚《〈“‘«‹＄$￥¥£€#＃︵︷︹︻︽︿﹁﹃﹇")
#: Marks a typesetter lets hang one place past the end of a full column (ぶら下げ, 悬挂).
HANGING = frozenset("、。，．,.︐︑︒")
#: Marks set doubled (——, ……) that are never cut in two.
DOUBLED = frozenset("—…─︱︙")
#: Dashes and tildes joining the two ends of a range (3—4条, 1939-1945, 5～8日).
RANGE_DASHES = frozenset("—–-‐~～－")


def is_run_char(ch: str) -> bool:
    """A character of a digit or Latin run, which stays whole: ASCII and full-width letters and digits."""
    return (ch.isascii() and ch.isalnum()) or ("０" <= ch <= "９") or ("Ａ" <= ch <= "Ｚ") or ("ａ" <= ch <= "ｚ")


def can_break(text: str, i: int) -> bool:
    """True when a line may break between ``text[i - 1]`` and ``text[i]``."""
    if i <= 0 or i >= len(text):
        return True
    before, after = text[i - 1], text[i]
    if not punctuation_allows(text, i):
        return False
    if before in DOUBLED and after in DOUBLED:
        return False
    if is_run_char(before) and is_run_char(after):
        return False
    return not _in_range(text, i)


def _in_range(text: str, i: int) -> bool:
    """True when ``i`` is beside the dash of a range between two runs (3—4, 1939-1945)."""
    before, after = text[i - 1], text[i]
    if before in RANGE_DASHES:
        return i >= 2 and is_run_char(text[i - 2]) and is_run_char(after)
    if after in RANGE_DASHES:
        return i + 1 < len(text) and is_run_char(before) and is_run_char(text[i + 1])
    return False


def columns(text: str, rows: int, first_row: int = 0, longest_push: int | None = None) -> list[int]:
    """Where each column (or line) of ``text`` starts, ``rows`` characters to a column.

    The first column starts at ``first_row`` (an indent). A comma or full stop may hang one
    place below a full column (so a column holds ``rows + 1`` characters). A column that would break where
    :func:`can_break` forbids it is ended earlier (the typesetter's push-out, 追い出し):
    at most ``longest_push`` characters move on (a third of a column, at least four: 号码为「12350」
    moves whole); a run too long for that is cut rather than a column left nearly empty, but
    never where the punctuation forbids it. Linear in the length of the text.
    """
    rows = max(1, rows)
    if longest_push is None:
        longest_push = max(4, rows // 3)
    starts = [0]
    start, room = 0, max(1, rows - first_row)
    n = len(text)
    while start + room < n:
        cut = _cut(text, start, start + room, longest_push)
        starts.append(cut)
        start, room = cut, rows
    return starts


def _cut(text: str, start: int, end: int, longest_push: int) -> int:
    """Where a column running from ``start`` and full at ``end`` ends.

    A comma or full stop that would start the next column hangs below this one; else the last
    place :func:`can_break` allows within ``longest_push`` characters; else (a run too
    long to move whole) the last place where at least the punctuation allows it, so a long
    number is cut rather than a column started with 、 or ended with 「; else ``end``.
    """
    if text[end] in HANGING and (end + 1 == len(text) or can_break(text, end + 1)):
        return end + 1  # a comma or full stop hangs below the column (ぶら下げ) rather than push a word out
    for cut in range(end, max(start, end - longest_push - 1), -1):
        if can_break(text, cut):
            return cut
    for cut in range(end, start, -1):
        if punctuation_allows(text, cut):
            return cut
    return end


def punctuation_allows(text: str, i: int) -> bool:
    """The first two rules alone: ``text[i]`` may start a line and ``text[i - 1]`` may end one."""
    return text[i] not in NO_START and text[i - 1] not in NO_END


def adjustments(text: str, theirs: Sequence[bool]) -> tuple[list[int], list[int]]:
    """Where another line breaker (``theirs[i]``: may break before ``text[i]``) must be corrected.

    Returns ``(offer, refuse)``: offsets where these rules allow a break beside a wide (CJK)
    character and the other breaker does not (Qt's UAX #14 beside quotation marks), and offsets
    where the other breaker would break and these rules forbid it (the dash of 3—4条). Latin text
    between Latin characters is left to the other breaker.
    """
    forbidden = forbidden_breaks(text)
    offer: list[int] = []
    refuse: list[int] = []
    for i in range(1, len(text)):
        if i in forbidden:
            if theirs[i]:
                refuse.append(i)
        elif not theirs[i]:
            before, after = text[i - 1], text[i]
            if (is_wide(before) or is_wide(after)) and not (before.isspace() or after.isspace()):
                offer.append(i)
    return offer, refuse


_RUN = "0-9A-Za-z０-９Ａ-Ｚａ-ｚ"
_DASHES = "".join(sorted(RANGE_DASHES))
#: every place :func:`can_break` forbids, as one regular expression of empty matches (C speed, for whole articles)
_FORBIDDEN = re.compile(
    "(?=[" + re.escape("".join(sorted(NO_START))) + "])"
    "|(?<=[" + re.escape("".join(sorted(NO_END))) + "])"
    "|(?<=[" + re.escape("".join(sorted(DOUBLED))) + "])(?=[" + re.escape("".join(sorted(DOUBLED))) + "])"
    "|(?<=[" + _RUN + "])(?=[" + _RUN + "])"
    "|(?<=[" + _RUN + "][" + re.escape(_DASHES) + "])(?=[" + _RUN + "])"
    "|(?<=[" + _RUN + "])(?=[" + re.escape(_DASHES) + "][" + _RUN + "])"
)


def forbidden_breaks(text: str) -> set[int]:
    """The offsets ``i`` (0 < i < len) where :func:`can_break` forbids a break, found in one pass."""
    return {m.start() for m in _FORBIDDEN.finditer(text) if 0 < m.start() < len(text)}


def justifiable(text: str) -> bool:
    """True when a Chinese paragraph can be justified as Chinese is: the room left on a line spread
    evenly between its characters.

    Qt spreads a line's room over every character when the line has no space, Latin letters
    included ("（R e u t e r s）也 作 了 报 道"), and pours all of it into the spaces when it has
    one ("COVID-19     疫情"). A paragraph with a Latin word in it is set flush left instead;
    digits (2021年, 3—4条) are short enough to spread with the characters around them.
    """
    return _UNJUSTIFIABLE.search(text) is None


#: what keeps a paragraph from being justified as Chinese (:func:`justifiable`): a space (``\s`` is
#: ``str.isspace``) or a Latin letter, ASCII or full-width; one search at C speed, not a test per character
#: (a tenth of laying out an article in the reading view)
_UNJUSTIFIABLE = re.compile(r"[\sA-Za-zＡ-Ｚａ-ｚ]")


def line_starts_ok(text: str, starts: Sequence[int]) -> bool:
    """True when no line beginning at one of ``starts`` breaks a rule (for tests and checks)."""
    return all(can_break(text, s) for s in starts)
