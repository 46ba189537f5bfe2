"""`broadsheet correct text ARTICLE START END` takes offsets in the text as `broadsheet show` prints it — a search's
`matches` —, the reader's corrections applied. Seen by a by-eye tester: after 黑灰 was corrected to 黑灰色 (one
character longer), `search 趋势 --json` gave its match at 204–206 and `correct text A 204 206 倾向` replaced "势。"
(the OCR's characters 204–206), printing only an id: the article read 呈现五大趋倾向一是犯."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.corrections import store as C
from reader.model.document import Article, Part, Span
from tests.clirun import id_of, run_in, seed_library


def test_an_edit_of_part_of_a_corrected_word_keeps_the_rest_of_it() -> None:
    text = "呈现黑灰产业链条"
    art = Article("a", parts=[Part("paragraph", text, [Span(0, len(text), "l1", 0)])])
    first = C.correct_text(art, 2, 4, "黑灰色")
    fixes = C.located_fixes(art, [first])
    # "色" (4..5 as read) given as 調: the correction of 黑灰 made again whole, its 黑灰 kept
    assert C.reading_edit(art, fixes, 4, 5, "調") == (2, 4, "黑灰調")
    # characters after it, as read, are the OCR's one further on
    assert C.reading_edit(art, fixes, 5, 7, "產業") == (4, 6, "產業")
    _, made = C.recorrect_text(art, fixes, *C.reading_edit(art, fixes, 4, 5, "調"))
    assert C.corrected_article(art, [first, *made]).text == "呈现黑灰調产业链条"


def test_the_offsets_a_search_gives_correct_those_words(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    library = seed_library(capsys, tmp_path)
    article = id_of(capsys, library, "两年来起诉网络犯罪案件")
    shown = json.loads(run_in(capsys, library, "search", "黑灰", "--json"))["hits"][0]
    start, end = shown["matches"][0]
    run_in(capsys, library, "correct", "text", article, str(start), str(end), "黑灰色")
    [hit] = [h for h in json.loads(run_in(capsys, library, "search", "五大趋势", "--json"))["hits"]
             if h["article"] == article]
    start, end = hit["matches"][0]
    run_in(capsys, library, "correct", "text", article, str(start + 2), str(end), "倾向")
    text = run_in(capsys, library, "show", article)
    assert "呈现五大倾向。" in text and "黑灰色产业" in text
