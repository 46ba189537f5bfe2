"""Merging a page's furniture with the article under it leaves an article, not furniture.

Seen by eye (trust43): the 人民日报 seed page's editors' line "本版责编…" (furniture) merged with the 中美关系 report
under it gave "当前的中美关系：方向与路径 — furniture": the lists and `show` called the report furniture, the window's
next/previous article passed over it and TEI typed it furniture. The merged article takes the kind of the article
merged in when its own is furniture; any other kind (an advertisement, a notice …) is the reader's first article's.
(A search's kind filter reads that kind too: tests/cli/test_merged_kind_searched.py.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import editors_and_report, run_in


def _kind(capsys: pytest.CaptureFixture[str], lib: Path, article: str) -> str:
    return str(json.loads(run_in(capsys, lib, "show", article, "--json"))["kind"])


def test_furniture_merged_with_the_article_under_it_is_an_article(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lib, editors, report = editors_and_report(capsys, tmp_path)
    assert (_kind(capsys, lib, editors), _kind(capsys, lib, report)) == ("furniture", "article")
    run_in(capsys, lib, "correct", "merge", editors, report)
    assert _kind(capsys, lib, editors) == "article"
    assert f"[article] {editors}" in run_in(capsys, lib, "show", editors)
    run_in(capsys, lib, "correct", "undo", "--article", editors)  # undone, each its own kind again
    assert (_kind(capsys, lib, editors), _kind(capsys, lib, report)) == ("furniture", "article")


def test_only_furniture_gives_way_to_the_kind_merged_in() -> None:
    from reader.corrections.store import merged_kind

    for first, second, merged in (("advertisement", "article", "advertisement"), ("notice", "furniture", "notice"),
                                  ("furniture", "furniture", "furniture"), ("furniture", "photo", "photo"),
                                  ("article", "advertisement", "article"), ("photo", "article", "photo")):
        assert merged_kind(first, second) == merged, (first, second)
