"""An article whose id changed on a re-import (its first line edited) is recorded as renamed, never guessed."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.library.catalogue import Library, pack_spans, parts_json, renamed_key, renamed_keys
from reader.library.importer import import_paths
from reader.model.document import Article, Part, Span

DATA = Path(__file__).resolve().parents[1] / "data"


def _row(key: str, *lines: str) -> tuple[str, str, bytes]:
    """An article's stored (id, parts, spans) with one part holding ``lines`` (line ids l1, l2, …)."""
    text = "".join(lines)
    spans, at = [], 0
    for n, line in enumerate(lines, 1):
        spans.append(Span(at, at + len(line), f"p1.l{n}", 0))
        at += len(line)
    parts = [Part("paragraph", text, spans)]
    Article(id=key, kind="article", parts=parts)  # a valid article
    return key, parts_json(parts), pack_spans(parts)


def test_an_article_holding_most_of_the_lines_of_one_gone_is_it() -> None:
    old = [_row("A", "甲一", "甲二", "甲三"), _row("B", "乙一", "乙二")]
    new = [_row("A2", "甲一改", "甲二", "甲三"), _row("B", "乙一", "乙二")]
    assert renamed_keys(old, new) == [("A", "A2")]


def test_no_guess_when_two_fit_as_well_or_too_little_is_left() -> None:
    old = [_row("A", "甲一", "甲二")]
    assert renamed_keys(old, [_row("X", "甲一"), _row("Y", "甲二")]) == []  # a tie
    assert renamed_keys(old, [_row("X", "甲一", "丙")]) == []  # half is not more than half
    # one new article is taken by one old only: the better match
    old = [_row("A", "甲一", "甲二", "甲三"), _row("B", "甲二", "甲三", "丁")]
    assert renamed_keys(old, [_row("X", "甲一", "甲二", "甲三")]) == [("A", "X")]


def test_a_split_off_key_is_renamed_by_its_root() -> None:
    assert renamed_key("A~p1.l9", {"A": "B"}) == "B~p1.l9"
    assert renamed_key("C", {"A": "B"}) == "C"


def test_a_reimport_records_the_rename_and_forgets_it_when_the_id_is_back(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    page = src / "seed_page.txt"
    shutil.copy(DATA / "text" / "seed_page.txt", page)
    original = page.read_text(encoding="utf-8")
    lib = Library(tmp_path / "lib")
    try:
        import_paths(lib, [src])
        before = {a.id for a in lib.articles()}
        page.write_text(original.replace("画像", "画象", 1), encoding="utf-8")
        import_paths(lib, [src])
        after = {a.id for a in lib.articles()}
        renamed = lib.renamed_articles()
        assert len(before - after) == 1 and renamed == {(before - after).pop(): (after - before).pop()}
        page.write_text(original, encoding="utf-8")
        import_paths(lib, [src])
        assert {a.id for a in lib.articles()} == before
        assert lib.renamed_articles() == {(after - before).pop(): (before - after).pop()}
    finally:
        lib.close()
