"""Which script a correction of OCR text is stored in, when the reading view shows another (reader.app.reading).

Seen by eye (trust34): reading a simplified source in 繁體 or 臺灣, the Correct dialog offered the source's simplified
characters without a word, and a reader who typed what they saw stored traditional ones among them — text the page
does not print. A correction is stored in the source's script (the page's), the dialog offers the text in it and says
so plainly whenever the view shows the article in another script.
"""

from __future__ import annotations

import pytest

from reader.app.reading import stored_form, stored_script

SIMPLIFIED = "杭州市发改委副主任马骏说，国家发展经济的关系"
TRADITIONAL = "杭州市發改委副主任馬駿說，國家發展經濟的關係"


@pytest.mark.parametrize("config, text, stored", [
    ("s2t", SIMPLIFIED, "simplified"),
    ("s2tw", SIMPLIFIED, "simplified"),
    ("s2hk", SIMPLIFIED, "simplified"),
    ("t2s", TRADITIONAL, "traditional"),
    ("s2tw", TRADITIONAL, "traditional"),  # a traditional source in Taiwan's forms: stored as the page prints it
])
def test_a_view_in_another_script_names_the_script_the_correction_is_stored_in(config: str, text: str,
                                                                              stored: str) -> None:
    said = stored_script(config, text)
    assert said is not None and said.stored == stored and said.shown == config


@pytest.mark.parametrize("config, text", [
    ("", SIMPLIFIED),  # the original shown
    ("none", TRADITIONAL),
    ("s2t", TRADITIONAL),  # a traditional source read in 繁體 is shown as it is stored
    ("s2t", "Die Berlinische Monatsschrift, December 1784."),  # no Chinese: no script to speak of
    # a simplified source read in 简体 is read in its own script (seen by eye, trust35: the dialog said "Stored … in
    # simplified characters (简体) — not in 简体, the script you are reading it in", and 为政为政 typed over 为政 was
    # offered, as the default, to be stored as 为政爲政 — s2t run over simplified characters)
    ("t2s", SIMPLIFIED),
    ("tw2s", SIMPLIFIED),
    ("hk2s", SIMPLIFIED),
    ("tw2sp", SIMPLIFIED),
])
def test_a_view_showing_the_stored_script_says_nothing(config: str, text: str) -> None:
    assert stored_script(config, text) is None


@pytest.mark.parametrize("config, original, typed, stored", [
    # the source simplified, read in 臺灣/繁體/香港: what is typed as read is stored as the page prints it
    ("s2tw", "发改委", "發展改革委", "发展改革委"),
    ("s2t", "发改委", "發展改革委", "发展改革委"),
    ("s2hk", "发改委", "發展改革委", "发展改革委"),
    ("s2tw", SIMPLIFIED, "杭州市發改委副主任馬俊說，國家發展經濟的關係",
     "杭州市发改委副主任马俊说，国家发展经济的关系"),
    # typed in the source's script: stored as typed
    ("s2tw", "发改委", "发展改革委", "发展改革委"),
    # a traditional source read in 简体: the simplified characters typed are taken back to traditional
    ("t2s", "發改委", "發展改革委", "發展改革委"),
    ("t2s", "發改委", "发展改革委", "發展改革委"),
    # a traditional source read in 臺灣's forms (t2tw: 爲 shown 為): stored in the page's forms
    ("t2tw", "爲國家", "為國家的", "爲國家的"),
    # nothing to convert: Latin text, no configuration
    ("s2tw", "Berlin", "Berlln", "Berlln"),
    ("", "发改委", "發改委", "發改委"),
])
def test_a_correction_typed_as_read_is_stored_in_the_sources_script(config: str, original: str, typed: str,
                                                                     stored: str) -> None:
    assert stored_form(config, original, typed) == stored


def test_the_characters_left_as_offered_are_the_stored_ones() -> None:
    """乾 in a simplified source (a name the page prints in its traditional form) is kept where the reader left it;
    only what they typed is taken back."""
    assert stored_form("s2tw", "乾隆皇帝发", "乾隆皇帝發展") == "乾隆皇帝发展"


def test_the_view_says_which_configuration_it_shows_the_article_by() -> None:
    said = stored_script("s2tw", TRADITIONAL)
    assert said is not None and said.by == "t2tw"
    said = stored_script("s2tw", SIMPLIFIED)
    assert said is not None and said.by == "s2tw"
