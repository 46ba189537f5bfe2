"""Where a string (a needle) occurs in a text, counted as the concordance counts: every place it starts.

Two places of a needle can overlap (哈哈 twice in 哈哈哈); ``str.count`` counts them apart, as one, so it is
used only for a needle that cannot overlap itself (中国, 人民: nearly every word).
"""

from __future__ import annotations


def overlaps_itself(needle: str) -> bool:
    """Whether two places of ``needle`` can overlap: it ends with what it begins with (哈哈, 中国中)."""
    return any(needle[k:] == needle[:-k] for k in range(1, len(needle)))


def starts(text: str, needle: str) -> int:
    """How many places of ``text`` ``needle`` starts at, overlapping places each."""
    if not overlaps_itself(needle):
        return text.count(needle)
    count, i = 0, text.find(needle)
    while i >= 0:
        count += 1
        i = text.find(needle, i + 1)
    return count
