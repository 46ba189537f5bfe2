"""A hit's ``matches`` are places in the article as ``broadsheet show`` prints it, after the reader split or joined
its paragraphs.

Seen by the by-eye tester: after Correct → Split paragraph at the cursor (before 据了解), every search hit after the
split was marked two characters early in the window ("中，信息" for 信息网络): ``search --json`` gave the places in the
text as imported, and the window put them on the article split — the new paragraph break is two characters
("\\n\\n"). A join takes two away.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clirun import run_in, seed_library

WORD = "信息网络"  # twice in the report, after the place it is split at
CUT = "其中，2019"  # its paragraph is split before this


def shown_text(capsys: pytest.CaptureFixture[str], library: Path, key: str) -> str:
    """The article's text as ``broadsheet show --json`` prints it: its parts by number, one after the other."""
    parts = json.loads(run_in(capsys, library, "show", "--json", key))["parts"]
    return "\n\n".join(p["text"] for p in sorted(parts, key=lambda p: p["index"]))


def hit_of(capsys: pytest.CaptureFixture[str], library: Path, *query: str) -> dict[str, object]:
    [hit] = json.loads(run_in(capsys, library, "search", "--json", *query))["hits"]
    return dict(hit)


def assert_marks_word(capsys: pytest.CaptureFixture[str], library: Path, words: str, *filters: str) -> str:
    hit = hit_of(capsys, library, words, *filters)
    key = str(hit["article"])
    text = shown_text(capsys, library, key)
    matches = hit["matches"]
    assert isinstance(matches, list) and matches
    assert [text[s:e] for s, e in matches] == [words] * len(matches), (matches, text)
    return key


def test_the_places_of_a_hit_after_a_paragraph_split_are_in_the_text_shown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = seed_library(capsys, tmp_path)
    key = assert_marks_word(capsys, library, WORD)
    before = shown_text(capsys, library, key)
    run_in(capsys, library, "correct", "split-paragraph", key, str(before.index(CUT)))
    after = shown_text(capsys, library, key)
    assert after == before.replace(CUT, "\n\n" + CUT)  # the split made (two characters more before the word)
    assert len(hit_of(capsys, library, WORD)["matches"]) == 2  # type: ignore[arg-type]
    assert_marks_word(capsys, library, WORD)
    assert_marks_word(capsys, library, "其中", f"article:{key}")  # the first words of the new paragraph
    # the concordance (the window's lines open at their start and end) likewise
    lines = json.loads(run_in(capsys, library, "concordance", "--json", WORD))["lines"]
    assert [ln["match"] for ln in lines] == [WORD, WORD]


def test_the_places_of_a_hit_after_paragraphs_were_joined_are_in_the_text_shown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = seed_library(capsys, tmp_path)
    key = assert_marks_word(capsys, library, "此外，最高检")
    parts = json.loads(run_in(capsys, library, "show", "--json", key))["parts"]
    [index] = [p["index"] for p in parts if p["text"].startswith("此外，最高检")]
    run_in(capsys, library, "correct", "join", key, str(index))
    assert "交织。此外，最高检" in shown_text(capsys, library, key)  # joined: two characters fewer before it
    assert_marks_word(capsys, library, "此外，最高检")
    assert_marks_word(capsys, library, "办案质效")


def test_a_corrected_word_after_a_paragraph_split_is_marked_where_it_is_shown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A text correction and a split in one article: the corrected reading's places are the split text's."""
    library = seed_library(capsys, tmp_path)
    key = assert_marks_word(capsys, library, WORD)
    text = shown_text(capsys, library, key)
    run_in(capsys, library, "correct", "split-paragraph", key, str(text.index(CUT)))
    text = shown_text(capsys, library, key)
    at = text.index("斩断")
    run_in(capsys, library, "correct", "text", key, str(at), str(at + 2), "截断")
    assert "截断" in shown_text(capsys, library, key)
    assert_marks_word(capsys, library, "截断")
    assert_marks_word(capsys, library, WORD)


def test_a_search_reads_corrected_the_articles_of_every_kind_of_correction() -> None:
    """``broadsheet search`` loads the overlay only when a correction it reads is there: every kind, each of which
    moves a hit's words or places (a split paragraph was left out)."""
    from reader.app.overlay import RESHAPING
    from reader.cli.search import READ_CORRECTED
    from reader.corrections.store import CHANGES

    assert set(READ_CORRECTED) == RESHAPING | {"text"} == set(CHANGES)
