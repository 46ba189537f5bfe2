"""A sentence a column turn cuts in two is one paragraph (README: column-broken text is reflowed).

Seen by eye (eye49): "Kunst. Dunst und Kompagnie." (the SBB 1890 ALTO sample) showed "…Sie hatten die Pflicht, eine
Eirtschcidung" ¶ "herbeizuführen, dadurch, daß sie die Wähler…": the last line of one column and the first of the
next, in lower case, were two paragraphs; the export wrote two.
"""

from __future__ import annotations

from pathlib import Path

from reader.model.document import Line, Part, Span
from reader.segmentation.analyze import analyze_file
from reader.text.reflow import join_column_turns

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "alto" / "v2_sbb_abbyy_1890" / \
    "27971740_1890-04-01_38_077_0_001.xml"


def test_the_sentence_over_the_column_turn_is_one_paragraph() -> None:
    doc = analyze_file(SAMPLE)
    [part] = [p for a in doc.articles for p in a.parts if "Eirtschcidung" in p.text]
    assert "eine Eirtschcidung herbeizuführen, dadurch, daß sie die Wähler" in part.text, part.text[-200:]
    assert not any(p.text.startswith("herbeizuführen") for a in doc.articles for p in a.parts)


def _part(text: str, line: str) -> Part:
    return Part("paragraph", text, [Span(0, len(text), line, 0)])


def _lines(*boxes: tuple[str, tuple[float, float, float, float]]) -> dict[str, Line]:
    return {name: Line(name, "", box=box) for name, box in boxes}


FOOT = ("a", (330, 3512, 1368, 3586))   # the foot of the left column
TOP = ("b", (1359, 1078, 2400, 1154))   # the top of the next column, to its right
UNDER = ("c", (330, 3600, 1368, 3670))  # further down the same column


def test_only_a_turn_to_the_next_column_mid_sentence_into_lower_case_is_joined() -> None:
    lines = _lines(FOOT, TOP, UNDER)
    joined = join_column_turns([_part("Sie hatten die Pflicht, eine Entscheidung", "a"),
                                _part("herbeizuführen, dadurch, daß sie sprachen.", "b")], lines)
    assert [p.text for p in joined] == [
        "Sie hatten die Pflicht, eine Entscheidung herbeizuführen, dadurch, daß sie sprachen."]
    assert joined[0].spans[1].start == len("Sie hatten die Pflicht, eine Entscheidung ")
    kept = [  # a finished sentence; a capital (a new paragraph); the same column (a paragraph break there is the
        # page's); a table's cells side by side; a hyphen not marked as the source's
        [_part("Das ist alles so gewesen.", "a"), _part("und dann kam der Tag", "b")],
        [_part("Sie hatten die Pflicht eine", "a"), _part("Herbeizuführen war es nicht", "b")],
        [_part("Sie hatten die Pflicht eine", "a"), _part("herbeizuführen war es nicht", "c")],
        [_part("NNW 2", "a"), _part("halb bed.", "b")],
        [_part("Sie hatten die Pflicht, eine Ent-", "a"), _part("scheidung herbeizuführen, dadurch, daß", "b")],
    ]
    for parts in kept:
        assert join_column_turns(parts, lines) == parts
