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
from clirun import run_in

from reader.app.samples import samples_folder


def _id_of(capsys: pytest.CaptureFixture[str], lib: Path, words: str) -> str:
    [line] = [ln for ln in run_in(capsys, lib, "search", words).splitlines()[1:] if ln[:1].isalnum()]
    return line.split()[0]


def _kind(capsys: pytest.CaptureFixture[str], lib: Path, article: str) -> str:
    return str(json.loads(run_in(capsys, lib, "show", article, "--json"))["kind"])


def test_furniture_merged_with_the_article_under_it_is_an_article(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lib = tmp_path / "lib"
    run_in(capsys, lib, "import", "--quiet", str(samples_folder() / "seed_page.txt"))
    editors, report = _id_of(capsys, lib, "本版责编"), _id_of(capsys, lib, "中美关系")
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
