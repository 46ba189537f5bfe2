"""Text cut short for display is cut between user-perceived characters, never inside one.

Seen by eye: ``broadsheet cite abedc8142ef99a23~p1.tl_14`` on Kant's page gave "[Zu dieſer Aufkla…]", the small e
over the a (U+0364, the old print's ä) cut off its letter. Every cut for display goes through one helper
(reader/model/graphemes.py): supplied titles and first words, search snippets, KWIC contexts (CSV), the concordance's
Chinese contexts, the first words of an article in the window's list, a note quoted in a message.
"""

from __future__ import annotations

import pytest

from reader.model import graphemes
from reader.model.document import Article, Part, cut_at_word, first_words, supplied_title

KANT = "Zu dieſer Aufkla\u0364rung aber wird nichts erfordert als Freiheit"


@pytest.mark.parametrize(("text", "n", "cut"), [
    ("Aufkla\u0364rung", 6, "Aufkl"),  # not between a and its mark
    ("Aufkla\u0364rung", 7, "Aufkla\u0364"),
    ("葛\U000E0100城", 1, ""),  # an ideograph and its variation selector (IVS) are one
    ("葛\U000E0100城", 2, "葛\U000E0100"),
    ("城葛\U000E0100城", 2, "城"),
    ("神\uFE00社", 1, ""),
    ("👩\u200d👩\u200d👧 family", 3, ""),  # a ZWJ sequence is one
    ("\u1100\u1161\u11A8 x", 2, ""),  # a Hangul syllable of conjoining jamo is one
    ("plain", 3, "pla"),
])
def test_head_never_parts_a_cluster(text: str, n: int, cut: str) -> None:
    assert graphemes.head(text, n) == cut
    assert graphemes.is_boundary(text, len(cut))


def test_tail_and_clip() -> None:
    assert graphemes.tail("ab\u0364cd", 3) == "cd"
    assert graphemes.tail("ab\u0364cd", 4) == "b\u0364cd"
    assert graphemes.clip("Aufkla\u0364rung", 6) == "Aufkl…"
    assert graphemes.clip("short", 6) == "short"
    assert graphemes.ceil("a\u0364b", 1) == 2 and graphemes.floor("a\u0364b", 1) == 0


def test_a_long_text_is_cut_near_the_cut_only() -> None:
    text = "x" * 100_000 + "a\u0364" + "y" * 100_000
    assert graphemes.floor(text, 100_001) == 100_000
    assert graphemes.ceil(text, 100_001) == 100_002


def test_kants_supplied_title_keeps_the_letter_whole() -> None:
    art = Article(id="a1", parts=[Part(role="paragraph", text=KANT)])
    title = supplied_title(art)
    assert "\u0364" not in title or "a\u0364" in title
    assert not title.endswith("Aufkla…]")
    assert title == "[Zu dieſer…]"
    assert cut_at_word("Aufkla\u0364rung", 6) == "Aufkl…"  # one word longer than the room: cut in it, not its letter
    ivs = Article(id="a2", parts=[Part("paragraph", "葛\U000E0100城葛\U000E0100城")])
    assert first_words(ivs, 3) == "葛\U000E0100城…"
    assert first_words(ivs, 1) == "葛\U000E0100…"


def test_search_snippets_and_kwic_keep_letters_whole() -> None:
    from reader.export.items import kwic
    from reader.search.hits import _snippet

    text = "a\u0364" * 10 + " Freiheit " + "o\u0364" * 10
    k = text.index("Freiheit")
    context = kwic(text, k, k + 8, width=4)
    assert "\u0364" not in context.split("[")[0][:2] and not context.split("]")[1].rstrip("…").endswith("o")
    snippet, _ = _snippet(text, [(k, k + 8)])
    body = snippet.strip("…")
    assert not body.startswith("\u0364") and not body.endswith("o")
    bare, _ = _snippet("a\u0364" * 200, [])
    assert not bare.rstrip("…").endswith("a")


def test_concordance_chinese_context_keeps_variation_selectors() -> None:
    from reader.search.concordance import context

    text = "葛\U000E0100城" * 4 + "上海" + "神\uFE00社" * 4
    k = text.index("上海")
    left, _ = context(text, k, k + 2, n=2)
    _, right = context(text, k, k + 2, n=4)
    assert left == "城" and right == "神\uFE00社"


def test_a_note_quoted_in_a_message_keeps_its_letters_whole() -> None:
    from reader.annotations.store import Annotation, Reattached
    from reader.app.work import WorkReport

    note = "x" * 39 + "a\u0364 und mehr"
    report = WorkReport(annotations_orphaned=[Reattached(Annotation("a1", note=note), None, None)])
    [line] = report.lines(named=str)
    assert "“" + "x" * 39 + "…”" in line
