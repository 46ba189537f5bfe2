"""The reading's offset maps (display ↔ original, display → UTF-16): the fast paths for the usual case (a part
shown as stored, no character past U+FFFF) give what the general ones give."""

from __future__ import annotations

import bisect

from reader.app.reading import ShownPart, utf16_offsets
from reader.model.document import Part


def _general_u16(text: str) -> list[int]:
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return out


def test_utf16_offsets_with_and_without_characters_past_the_bmp() -> None:
    for text in ("", "abc", "中国人民", "a𫔄b𠀀", "𫔄"):
        assert utf16_offsets(text) == _general_u16(text), text


def test_a_part_shown_as_stored_and_a_reflowed_one_map_both_ways() -> None:
    stored = ShownPart(0, Part(role="body", text="中国人民"), "中国人民", list(range(5)))
    assert stored.from_orig == [0, 1, 2, 3, 4] and stored.display_range(1, 3) == (1, 3)
    # a line break dropped: original "中国\n人民", display "中国人民"
    to_orig = [0, 1, 3, 4, 5]
    reflowed = ShownPart(0, Part(role="body", text="中国\n人民"), "中国人民", to_orig)
    assert reflowed.from_orig == [min(4, bisect.bisect_left(to_orig, i)) for i in range(6)]
    assert reflowed.display_range(3, 5) == (2, 4) and reflowed.original_range(2, 4) == (3, 5)


def test_a_word_the_reader_corrected_is_on_the_line_it_replaced() -> None:
    """A corrected reading's replacement maps to no source character (its length differs); a hit inside it is
    still on the page, on the line the correction was made in (the page marked no line for it)."""
    from reader.corrections.store import apply_fixes, correct_text, text_fixes
    from reader.model.document import Article, Span

    part = Part("paragraph", "發展四川、西康、雲南", [Span(0, 5, "l1", 0), Span(5, 10, "l2", 0)])
    art = Article("a", parts=[part])
    fix = correct_text(art, 5, 7, "西康省")
    corrected = apply_fixes(art, text_fixes(art, [fix])).parts[0]
    shown = ShownPart(0, corrected, corrected.text, list(range(len(corrected.text) + 1)))
    at = corrected.text.index("西康省")
    assert shown.lines_in(at, at + 3) == ["l2"] and shown.lines_in(at + 1, at + 2) == ["l2"]
    assert shown.lines_in(0, 2) == ["l1"] and shown.lines_in(at, at + 5) == ["l2"]
    first = correct_text(art, 0, 2, "发展了")  # at the start of a line: still that line
    corrected = apply_fixes(art, text_fixes(art, [first])).parts[0]
    shown = ShownPart(0, corrected, corrected.text, list(range(len(corrected.text) + 1)))
    assert shown.lines_in(0, 3) == ["l1"]
