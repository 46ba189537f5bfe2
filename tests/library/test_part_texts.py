"""part_texts reads the parts' texts out of the stored JSON without decoding the spans: the same texts as a full
decode, whatever the texts hold (quotes, backslashes, the key itself, line breaks, astral characters)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from reader.library.catalogue import part_texts, parts_from_json, parts_json
from reader.model.document import Part, Span

_TRICKY = st.sampled_from(['"text":"', '\\', '"', "\n\n", "中国", "𠀋", "", " ", "\u2028", "{", "]"])
_TEXT = st.lists(st.one_of(_TRICKY, st.text(max_size=8)), max_size=8).map("".join)


@given(st.lists(st.tuples(_TEXT, _TEXT, _TEXT), max_size=5))
def test_the_texts_equal_a_full_decode(parts: list[tuple[str, str, str]]) -> None:
    stored = parts_json([Part(role, text, [Span(0, len(text), line, 0)]) for role, text, line in parts])
    assert part_texts(stored) == [p.text for p in parts_from_json(stored)] == [t for _, t, _ in parts]


def test_json_written_otherwise_is_decoded_whole() -> None:
    stored = json.dumps([{"role": "p", "text": "中国 \"人民\"", "spans": []}])  # ", " and ": " separators
    assert part_texts(stored) == ['中国 "人民"']
