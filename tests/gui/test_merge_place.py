"""After a merge the reading view shows the merged article from its start when the reader was at the start; Ctrl+Home
shows the article's top with the view's margin above it.

Seen by eye (trust41, 1440×900 under openbox): merging an article printed with no headline with the next one
(Correct → Merge with next article, or ``broadsheet correct merge``) kept the view on the old first paragraph — the
merged article reads the headline group first, so its headline sat just above the top edge, out of sight; Ctrl+Home
then scrolled only as far as the caret's line, the headline flush against the edge with no margin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.clirun import run_in
from tests.gui.conftest import copy_sources, library_of

#: the piece of the 人民日报 page printed with no headline, over the article headed 1489处非法违法“小化工”被查
DATELINE = "本报北京1月26日电"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return library_of(copy_sources(tmp_path / "src"), tmp_path / "lib")


def _open_headless(win: Any) -> tuple[str, str]:
    """(the headless piece, the article after it in the list), the piece opened at its start."""
    issue = next(i for i in win.archive.issues() if i.publication == "人民日报")
    win.navigation.show_issue(issue.id)
    ids = win.article_list.ids()
    mine = next(a for a in ids if win.archive.article(a).parts[0].text.startswith(DATELINE))
    win.open_article(mine)
    assert win.article_view.place()[:2] == (0, 0)
    return mine, ids[ids.index(mine) + 1]


def _at_the_start(win: Any) -> None:
    view = win.article_view
    assert view.text.verticalScrollBar().value() == 0, view.place()
    [k] = [k for k, sp in enumerate(view.reading.parts) if sp.part.role == "headline"]
    top = view.view.char_rect(k, 0).top()
    assert 0 < top < view.text.viewport().height() / 2, top  # the merged article's headline, in sight


def test_merge_with_next_shows_the_merged_article_from_its_headline(make_window, library: Path) -> None:  # noqa: ANN001
    win = make_window(library, size=(1440, 900))
    mine, _ = _open_headless(win)
    assert win.corrections.correct_merge(1)
    assert win.state.article_id == mine
    _at_the_start(win)


def test_a_merge_made_on_the_command_line_shows_the_merged_article_from_its_headline(
        make_window, library: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    win = make_window(library, size=(1440, 900))
    mine, other = _open_headless(win)
    run_in(capsys, library, "correct", "merge", mine, other)
    win.corrections.changed_elsewhere()
    assert win.state.article_id == mine
    _at_the_start(win)


def test_a_reader_further_down_keeps_the_words_read(make_window, library: Path) -> None:  # noqa: ANN001
    win = make_window(library, size=(1440, 900))
    _open_headless(win)
    view = win.article_view
    view.text.verticalScrollBar().setValue(120)
    words = view.kept_place().top
    assert words is not None
    assert win.corrections.correct_merge(1)
    assert view.text.verticalScrollBar().value() > 0
    assert view.kept_place().top.text == words.text  # the same paragraph at the top


def test_ctrl_home_shows_the_top_with_the_margin(make_window, library: Path) -> None:  # noqa: ANN001
    win = make_window(library, size=(1440, 900))
    _open_headless(win)
    view = win.article_view
    bar = view.text.verticalScrollBar()
    bar.setValue(149)
    view.text.setFocus()
    QTest.keyClick(view.text, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0
    assert view.text.textCursor().position() == 0
