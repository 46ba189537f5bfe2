"""Vertical reading (直排) sets each mark that lies across a line in its vertical presentation form, one character for
one (the offsets of search hits and notes hold). Seen in the Jing bao: its midline ellipsis ⋯ (120 times in the
samples) lay across the column, as did 〖〗, ‥, ［］ and the full-width dash, which Unicode gives vertical forms of."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from reader.app.reading import VERTICAL_FORMS

DATA = Path(__file__).resolve().parents[1] / "data"
PREFIX = "PRESENTATION FORM FOR VERTICAL "


def vertical_forms() -> dict[str, str]:
    """Every full-width or CJK mark Unicode names a vertical presentation form of → that form (by the names:
    'PRESENTATION FORM FOR VERTICAL LEFT WHITE CORNER BRACKET' is 『's; the sesame dots are their own forms)."""
    out: dict[str, str] = {}
    for cp in [*range(0xFE10, 0xFE1A), *range(0xFE30, 0xFE49)]:
        name = unicodedata.name(chr(cp), "").replace("BRAKCET", "BRACKET")  # (Unicode's own misspelling, FE18)
        if not name.startswith(PREFIX):
            continue
        base = name[len(PREFIX):]
        for candidate in (base, "FULLWIDTH " + base, "IDEOGRAPHIC " + base):
            try:
                ch = unicodedata.lookup(candidate)
            except KeyError:
                continue
            if ord(ch) > 0x7F and not ch.startswith(chr(cp)) and ch not in "\ufe45\ufe46":
                out[ch] = chr(cp)
    return out


def test_every_mark_with_a_vertical_form_is_set_in_it() -> None:
    wanted = vertical_forms()
    assert len(wanted) >= 30 and wanted["『"] == "﹃" and wanted["〖"] == "︗"
    missing = {ch: form for ch, form in wanted.items() if VERTICAL_FORMS.get(ord(ch), ch) != form}
    assert not missing, missing


def test_the_jing_baos_marks_across_a_line_are_set_upright() -> None:
    texts = "".join(re.sub(r"<[^>]+>", "", f.read_text(encoding="utf-8"))
                    for f in sorted(DATA.glob("**/jb_*.xml")))
    assert "⋯" in texts and "―" in texts
    for ch in "⋯―－":
        assert VERTICAL_FORMS.get(ord(ch), ch) in "︙︱︲", ch


def test_one_character_for_one() -> None:
    assert all(isinstance(v, str) and len(v) == 1 for v in VERTICAL_FORMS.values())
    text = "他說：『僮約、』⋯〖注〗［一］"
    assert len(text.translate(VERTICAL_FORMS)) == len(text)
