"""A search's kind filter and kind facet read the kind of the reader's article, after a merge too.

Seen in use (trust44): the 人民日报 seed page's editors' line "本版责编…" (furniture) merged with the 中美关系 report
under it is an article (``corrections.store.merged_kind``): listed, shown and exported as one — but ``search --kind
furniture 中美`` found it, ``search --kind article 中美`` did not, and the facets counted it furniture: the filter
read the catalogue's kind. The few catalogue articles the overlay reads as pieces of another kind are tested by
their pieces' kinds after the SQL filter (and admitted when the SQL left them out); the counts stay exact.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from clirun import editors_and_report, run_in


def _search(capsys: pytest.CaptureFixture[str], lib: Path, *args: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(run_in(capsys, lib, "search", "--json", "--facets", "--limit", "50", *args))
    assert found["total"] == len(found["hits"]), "the total is exact"
    return found


def test_a_merged_report_is_found_by_its_kind(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lib, editors, report = editors_and_report(capsys, tmp_path)
    articles = {h["article"] for h in _search(capsys, lib, "--kind", "article", "")["hits"]}
    assert report in articles and editors not in articles
    run_in(capsys, lib, "correct", "merge", editors, report)

    for args in (("--kind", "article", "中美"), ("中美 kind:article",), ("--kind", "art", "本版责编")):
        found = _search(capsys, lib, *args)
        assert [h["article"] for h in found["hits"]] == [editors], args
        assert found["facets"]["kind"] == {"article": 1}, args
    assert _search(capsys, lib, "--kind", "furniture", "中美")["total"] == 0
    assert _search(capsys, lib, "中美 kind:furniture")["total"] == 0
    assert _search(capsys, lib, "中美 -kind:article")["total"] == 0

    every = _search(capsys, lib, "")
    assert every["facets"]["kind"] == {"article": 6, "photo": 1}, "the merged report counted as the article it is"
    by_kind = {k: {h["article"] for h in _search(capsys, lib, "--kind", k, "")["hits"]}
               for k in ("article", "furniture")}
    assert by_kind["article"] == (articles - {report}) | {editors}
    assert by_kind["furniture"] == set()
    dated = _search(capsys, lib, "--kind", "article", "--from", "2021-01", "--to", "2021-02", "")
    assert {h["article"] for h in dated["hits"]} == by_kind["article"], "with another filter"
    assert _search(capsys, lib, "--kind", "article", "--from", "2022", "")["total"] == 0

    run_in(capsys, lib, "correct", "undo", "--article", editors)  # undone: each found by its own kind again
    assert [h["article"] for h in _search(capsys, lib, "--kind", "furniture", "本版责编")["hits"]] == [editors]
    assert [h["article"] for h in _search(capsys, lib, "--kind", "article", "中美")["hits"]] == [report]
