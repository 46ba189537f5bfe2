"""Reflow a run at a time gives what reflow a character at a time gave: the same text and the same spans.

The reference below is reflow as it was before runs (a tuple per character, then a loop over them for the text
and the spans), kept here only to compare against."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.document import Part, Span
from reader.text.chars import latin_running, wide_at
from reader.text.reflow import HYPHENS, Piece, _is_single_spaced, clean_chars, collapse, hyphen_meeting, reflow

Char = tuple[str, str | None, int]


def _ref_clean(p: Piece, keep: bool) -> list[Char]:
    import re

    text = p.text
    lo, hi = 0, len(text)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    spaced = keep and _is_single_spaced(text[lo:hi].split())
    out: list[Char] = []
    pos = lo
    latin: bool | None = None
    for m in re.finditer(r"\s+", text[:hi]):
        i, j = m.span()
        if i < lo:
            continue
        out += [(c, p.line_id, p.offset + k) for k, c in enumerate(text[pos:i], pos)]
        before, after = wide_at(text, i - 1), wide_at(text, j)
        keep_it = not (before or after) or keep and not spaced and before and after
        if not keep_it and before != after:
            if latin is None:
                latin = latin_running(text[lo:hi])
            keep_it = latin
        if keep_it:
            out.append((" ", p.line_id, p.offset + i))
        pos = j
    out += [(c, p.line_id, p.offset + k) for k, c in enumerate(text[pos:hi], pos)]
    return out


def _ref_join(prev: list[Char], nxt: list[Char], prev_hyph: bool) -> tuple[list[Char], list[Char]]:
    if not prev or not nxt:
        return prev, nxt
    a, b = prev[-1][0], nxt[0][0]
    tail, head = "".join(c for c, _, _ in prev[-8:]), "".join(c for c, _, _ in nxt[:8])
    left, right = wide_at(tail + head, len(tail) - 1), wide_at(tail + head, len(tail))
    if left or right:
        if prev_hyph and a in HYPHENS:
            return prev[:-1], nxt
        if left != right and latin_running("".join(c for c, _, _ in prev[-40:]) + " "
                                           + "".join(c for c, _, _ in nxt[:40])):
            return prev, [(" ", None, -1)] + nxt
        return prev, nxt
    if tail[-1:] == "—" and len(tail) >= 2 and not tail[-2].isspace():
        return prev, nxt
    if tail[-1:] != "—" and head[:1] == "—" and len(head) >= 2 and not head[1].isspace():
        return prev, nxt
    if a in HYPHENS and len(prev) >= 2:  # how a word meets over the line end: the one rule (hyphen_meeting)
        drop, space = hyphen_meeting("".join(c for c, _, _ in prev), "".join(c for c, _, _ in nxt), prev_hyph)
        return (prev[:-1] if drop else prev), ([(" ", None, -1)] if space else []) + nxt
    if a == "/" or b in ",.;:!?)]}%":
        return prev, nxt
    return prev, [(" ", None, -1)] + nxt


def _ref_chars(pieces: Iterable[Piece], keep: bool) -> Iterator[Char]:
    held: list[Char] = []
    prev_hyph = False
    for p in pieces:
        line = _ref_clean(p, keep)
        if not line:
            continue
        tail, head = _ref_join(held[-64:], line, prev_hyph)
        del held[max(0, len(held) - 64):]
        held += tail + head
        prev_hyph = p.hyphenated
    yield from held


def _ref_reflow(role: str, pieces: list[Piece], keep: bool) -> Part:
    text: list[str] = []
    spans: list[Span] = []
    cur_line: str | None = None
    cur_start = cur_lstart = cur_next = -1
    for pos, (ch, line_id, off) in enumerate(_ref_chars(pieces, keep)):
        text.append(ch)
        if line_id is not None and line_id == cur_line and off == cur_next:
            cur_next += 1
            continue
        if cur_line is not None:
            spans.append(Span(cur_start, cur_start + (cur_next - cur_lstart), cur_line, cur_lstart))
        cur_line = line_id
        if line_id is not None:
            cur_start, cur_lstart, cur_next = pos, off, off + 1
    if cur_line is not None:
        spans.append(Span(cur_start, cur_start + (cur_next - cur_lstart), cur_line, cur_lstart))
    return Part(role, "".join(text), spans)


#: CJK, Latin, digits, spaces of several kinds, hyphens (soft and marked), dashes, ambiguous marks, a combining mark
ALPHABET = "中国人民日报。，“”abcdeXY12 \t\u3000  -\u00ad—…■/.,e\u0364"
LINES = st.lists(st.tuples(st.text(ALPHABET, max_size=60), st.booleans(), st.integers(0, 5)), max_size=8)


@settings(max_examples=600, deadline=None)
@given(LINES, st.booleans())
def test_reflow_a_run_at_a_time_is_reflow_a_character_at_a_time(lines: list[tuple[str, bool, int]],
                                                               keep: bool) -> None:
    pieces = [Piece(f"l{k}", text, hyph, offset) for k, (text, hyph, offset) in enumerate(lines)]
    assert reflow("paragraph", pieces, keep) == _ref_reflow("paragraph", pieces, keep)
    for p in pieces:
        assert clean_chars(p, keep) == _ref_clean(p, keep)
        assert collapse(p.text, keep) == "".join(c for c, _, _ in _ref_clean(p, keep))


def test_long_lines_of_many_words_and_hyphens_meet_as_before() -> None:
    """Lines longer than what is held back before a line end (64 characters), hyphenated words over line ends, a
    hyphen alone on a line, a line of spaces only: the same text and spans."""
    words = "the quick brown fox jumps over the lazy dog and runs far away into the woods " * 5
    lines = [words + "exam-", "ple of a line", "-", "   ", "中国人民日报" * 60 + "-", "ple", "Shanghai 上海 is",
             "a city", words + "上海", "is", "中国" * 200, "GDP"]
    for hyph in (False, True):
        pieces = [Piece(f"l{k}", t, hyph, k) for k, t in enumerate(lines)]
        for keep in (False, True):
            assert reflow("paragraph", pieces, keep) == _ref_reflow("paragraph", pieces, keep)


def test_a_long_line_of_latin_words_is_joined_in_bounded_memory() -> None:
    """A line of 300,000 characters of Latin words (a text dump whose line breaks were lost): its runs — a word, a
    space, a word — are joined a few thousand at a time, never a list of a string per word (7x the text's size)."""
    import random
    import tracemalloc

    rng = random.Random(1)
    text = " ".join(rng.choice(["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog"])
                    for _ in range(66_000))
    for run in (lambda: reflow("paragraph", [Piece("l", text)]).text, lambda: collapse(text)):
        tracemalloc.start()
        try:
            joined = run()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert joined == text
        assert peak < 5 * len(text), peak
