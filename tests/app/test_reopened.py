"""A start reopens the article holding the words the reader was at when the window closed (:meth:`Archive.reopened`):
a correction made while it was closed may have moved them. Seen by the by-eye tester: the report merged into the
"本版责编…" furniture line's article with the window open (followed there), the merge undone in a terminal with the
window closed, the next start reopened the remembered article — the bare furniture line."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import editors_and_report, run_in

from reader.app.archive import Archive
from reader.app.readplace import TextPlace, WordsRead, words_read_from
from reader.library.catalogue import Library


def _words(lib: Path, report: str) -> WordsRead:
    """The words of the report's second paragraph, as the window keeps them."""
    with Library.open(lib) as library:
        art = library.article(report)
        info = library.article_info(report)
        digest = Archive(library).source_digest(info.source)
        assert digest is not None
        part = art.parts[1]
        return WordsRead(part.line_ids[0], digest, TextPlace(1, 3, part.text), 7)


def test_the_article_holding_the_words_is_reopened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib, editors, report = editors_and_report(capsys, tmp_path)
    words = _words(lib, report)
    run_in(capsys, lib, "correct", "merge", editors, report)
    with Library.open(lib) as library:
        archive = Archive(library)
        assert archive.reopened(report, words) == editors  # merged away: its words are in the merged article
        assert archive.reopened(editors, words) == editors
        assert archive.reopened(report, None) == report  # not known where: the article as remembered
    run_in(capsys, lib, "correct", "undo")
    with Library.open(lib) as library:
        archive = Archive(library)
        assert archive.reopened(editors, words) == report  # the merge undone: the report holds them again
        assert archive.reopened(report, words) == report
        assert archive.reopened("no-such-article", words) is None


def test_a_line_named_in_bytes_read_before_is_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The line is named by its number in the bytes read then: once its source reads otherwise, the remembered
    article is reopened as it was (the number may name another article's line now)."""
    lib, editors, report = editors_and_report(capsys, tmp_path)
    words = _words(lib, report)
    other = WordsRead(words.line, "0" * 64, words.top, words.pixels)
    run_in(capsys, lib, "correct", "merge", editors, report)
    run_in(capsys, lib, "correct", "undo")
    with Library.open(lib) as library:
        assert Archive(library).reopened(editors, other) == editors


def test_the_words_read_are_kept_as_json() -> None:
    words = WordsRead("p1.l12", "ab" * 32, TextPlace(3, 14, "第三段的字"), 9)
    assert words_read_from(words.as_json()) == words
    assert words_read_from(WordsRead("p1.l1", "cd").as_json()) == WordsRead("p1.l1", "cd")
    assert words.kept().top == words.top and words.kept().pixels == 9
    for raw in (None, "p1.l1", {"line": 3, "digest": "x"}, {"line": "p1.l1"}):
        assert words_read_from(raw) is None
