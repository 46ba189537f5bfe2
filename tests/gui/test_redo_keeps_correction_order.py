"""Undo then Redo of a correction in the window brings back the state before: the correction at its own place in the
order made, so a later correction of the same words (made elsewhere: the command line, a colleague) is still read
over it (:func:`reader.corrections.store.newest_wins`). Seen by a tester: the redo stored the correction again as
the newest, and the older correction was read over the later one from then on, in the window and on the command
line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from tests.corrections.test_newest_correction_wins_shared import Shared
from tests.gui.test_work import QUOTE, open_rmrb, select, work_dir  # noqa: F401  (work_dir: a fixture)


def _later_elsewhere(win: object, library: str, aid: str, words: str, corrected: str,
                     capsys: pytest.CaptureFixture[str]) -> None:
    """``correct text`` over ``words`` of the article as read, on the command line (another process)."""
    text = win.article_view.article.text  # type: ignore[attr-defined]
    start = text.index(words)
    assert main(["correct", "text", aid, str(start), str(start + len(words)), corrected, "--library", library]) == 0
    capsys.readouterr()
    win.corrections.corrections_changed()  # type: ignore[attr-defined]  (what the window's watch does)


def _shown(library: str, aid: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["show", aid, "--library", library]) == 0
    return capsys.readouterr().out


def test_undo_and_redo_keep_a_correction_under_a_later_one_of_the_same_words(
        make_window, work_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001, F811
    win = make_window(work_dir)
    aid = open_rmrb(win)
    select(win, "马骏")
    assert win.corrections.correct_ocr("马俊")
    _later_elsewhere(win, str(work_dir), aid, "马俊", "马駿", capsys)
    assert "副主任马駿" in win.article_view.article.text
    win.undo_stack.undo()  # the window's own taken back: the later one read still
    assert "副主任马駿" in win.article_view.article.text
    win.undo_stack.redo()  # brought back as it was: under the later one
    assert "副主任马駿" in win.article_view.article.text
    assert "副主任马駿" in _shown(str(work_dir), aid, capsys)
    assert [c.data["corrected"] for c in win.archive.corrections.find(kind="text")] == ["马俊", "马駿"]
    # and again: undo, redo, the same
    win.undo_stack.undo()
    win.undo_stack.redo()
    assert "副主任马駿" in win.article_view.article.text
    assert QUOTE.replace("马骏", "马駿") in _shown(str(work_dir), aid, capsys)


def test_on_a_shared_library_redo_keeps_ones_correction_under_a_colleagues_later_one(
        make_window, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    shared = Shared(pg_url, tmp_path, capsys)
    win = make_window(shared.alice)
    win.open_article(shared.article)
    select(win, "浙江")
    assert win.corrections.correct_ocr("浙江省")
    [mine] = win.archive.corrections.find(kind="text")
    # bob, later, corrects the same words (as he reads them: hers are hers only)
    assert main(["correct", "text", shared.article, "0", "2", "浙江-B", "--visibility", "group",
                 "--library", shared.bob]) == 0
    capsys.readouterr()
    win.corrections.corrections_changed()
    # bob's later one is read over hers, if he sees hers or not
    assert win.article_view.article.text.startswith("浙江-B")
    win.undo_stack.undo()
    assert win.article_view.article.text.startswith("浙江-B")
    win.undo_stack.redo()
    assert win.article_view.article.text.startswith("浙江-B"), mine
    assert _shown(shared.alice, shared.article, capsys).count("浙江-B") >= 1
