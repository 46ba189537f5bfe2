"""Which script a correction of OCR text is stored in, when the reading view shows another (reader.app.reading).

Seen by eye (trust34): reading a simplified source in 繁體 or 臺灣, the Correct dialog offered the source's simplified
characters without a word, and a reader who typed what they saw stored traditional ones among them — text the page
does not print. A correction is stored in the source's script (the page's), the dialog offers the text in it and says
so plainly whenever the view shows the article in another script.
"""

from __future__ import annotations

import pytest

from reader.app.reading import stored_script

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
])
def test_a_view_showing_the_stored_script_says_nothing(config: str, text: str) -> None:
    assert stored_script(config, text) is None
