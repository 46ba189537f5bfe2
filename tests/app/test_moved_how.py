"""What a correction made or undone elsewhere did to the article a reader was reading, said in its own words
(:meth:`Overlay.moved`). Seen by the by-eye tester: reading the 中美关系 report when the 本版责编 line's article took
it in (the report the most of the merged article, under the line's id), and after a split of the report was undone,
the window said "The article you were reading was merged into …"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import editors_and_report, run_in

from reader.app.archive import Archive
from reader.app.overlay import MERGE_UNDONE, MERGED, MERGED_IN, SPLIT, SPLIT_UNDONE
from reader.library.catalogue import ArticleInfo, Library
from reader.model.document import Article


def _asked(lib: Path, ask: Callable[[Archive], str]) -> str:
    with Library.open(lib) as library:
        return ask(Archive(library))


def _read(lib: Path, key: str) -> Article:
    with Library.open(lib) as library:
        return Archive(library).article(key)


def test_each_correction_is_said_as_it_happened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib, editors, report = editors_and_report(capsys, tmp_path)
    as_read, line_read = _read(lib, report), _read(lib, editors)

    run_in(capsys, lib, "correct", "merge", editors, report)  # the report takes the line in, under the line's id
    assert _asked(lib, lambda a: a.moved(as_read, editors, False)) == MERGED_IN
    merged = _read(lib, editors)
    run_in(capsys, lib, "correct", "undo")
    assert _asked(lib, lambda a: a.moved(merged, report, True)) == MERGE_UNDONE

    run_in(capsys, lib, "correct", "merge", report, editors)  # the line merged into the report
    assert _asked(lib, lambda a: a.moved(line_read, report, False)) == MERGED
    run_in(capsys, lib, "correct", "undo")

    run_in(capsys, lib, "correct", "split", report, "2")
    piece = next(i.id for i in _infos(lib) if i.id.startswith(report + "~"))
    assert _asked(lib, lambda a: a.moved(as_read, piece, True)) == SPLIT
    split_off = _read(lib, piece)
    run_in(capsys, lib, "correct", "undo")
    assert _asked(lib, lambda a: a.moved(split_off, report, False)) == SPLIT_UNDONE


def _infos(lib: Path) -> list[ArticleInfo]:
    with Library.open(lib) as library:
        archive = Archive(library)
        return [i for issue in archive.issues() for i in archive.articles(issue_id=issue.id)]
