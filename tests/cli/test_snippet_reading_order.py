"""A search hit's snippet reads the article in its reading order — the order of the reading view, show and the
exports (:func:`reader.model.document.reading_order`) — not in the order its parts are stored.

Seen by eye (trust45): after ``correct merge`` of the 人民日报 seed page's editors' line "本版责编…" with the 中美关系
report under it, the reading view read the report first and the furniture last, but ``search 香港`` listed the hit
as "本版责编刘 畅 季健明 徐雷鹏 ¶ 据新华社香港1月26日电 ¶ …" (in the window's results too): the merged-in furniture
first. The hit's places (``matches``) stay offsets of the stored text, which the view maps; the counts are exact.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from clirun import run_in

from reader.app.overlay import Overlay
from reader.app.samples import samples_folder
from reader.library.catalogue import Library
from reader.search.engine import Searcher


def _id_of(capsys: pytest.CaptureFixture[str], lib: Path, words: str) -> str:
    [line] = [ln for ln in run_in(capsys, lib, "search", words).splitlines()[1:] if ln[:1].isalnum()]
    return line.split()[0]


def _hits(capsys: pytest.CaptureFixture[str], lib: Path, query: str) -> list[dict[str, Any]]:
    found: dict[str, Any] = json.loads(run_in(capsys, lib, "search", "--json", query))
    assert found["total"] == len(found["hits"])
    return list(found["hits"])


@pytest.fixture
def merged(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """(the library, the article the report was merged into)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lib = tmp_path / "lib"
    run_in(capsys, lib, "import", "--quiet", str(samples_folder() / "seed_page.txt"))
    editors, report = _id_of(capsys, lib, "本版责编"), _id_of(capsys, lib, "中美关系")
    run_in(capsys, lib, "correct", "merge", editors, report)
    return lib, editors


def test_a_merged_articles_snippet_reads_the_furniture_last(
        merged: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    lib, editors = merged
    [hit] = _hits(capsys, lib, "香港")
    assert hit["article"] == editors
    assert hit["snippet"].startswith("据新华社香港1月26日电 ¶ “当前的中美关系"), hit["snippet"]
    assert "本版责编" not in hit["snippet"]

    [hit] = _hits(capsys, lib, "徐雷鹏")  # the furniture's words: at the end of the article as read
    assert hit["snippet"].startswith("…") and hit["snippet"].endswith("本版责编刘 畅 季健明 徐雷鹏"), hit["snippet"]

    [hit] = _hits(capsys, lib, "徐雷鹏 AND 香港")  # both terms seen, in the order they are read
    snippet = hit["snippet"]
    assert snippet.index("香港") < snippet.index("徐雷鹏"), snippet



def test_the_snippets_marks_are_on_its_matches(merged: tuple[Path, str]) -> None:
    lib, editors = merged
    with Library.open(lib, create=False) as library, \
            Searcher(library, readings=Overlay(library).search_readings) as searcher:  # as `broadsheet search`
        for query, words in (("香港", {"香港"}), ("徐雷鹏 AND 香港", {"香港", "徐雷鹏"})):
            [hit] = searcher.search(query).hits
            assert hit.article == editors
            marked = {hit.snippet[s:e] for s, e in hit.snippet_matches}
            assert marked == words, (hit.snippet, hit.snippet_matches)
            text = Overlay(library).article(editors).text  # the places: of the text as stored, which the view maps
            assert {text[s:e] for s, e in hit.matches} == words, hit.matches
