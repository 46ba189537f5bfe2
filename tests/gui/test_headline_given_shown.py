"""A headline the reader gave (``broadsheet correct headline ARTICLE --text``), or the publisher's record gives, that
no part of the article prints is shown at the head of the reading view — as the article lists, ``broadsheet show``
and the exports head the article — marked as not printed, and never a place a note or a correction is made on.

Seen by eye (trust43, the bundled 人民日报 page): the piece printed with no headline, 本版责编…, merged with the
article after it (据新华社香港1月26日电 … 中美关系 …) and given a headline by ``correct headline --text`` was listed
and exported under that headline, while the reading view started at the dateline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.clirun import run_in
from tests.gui.conftest import copy_sources, library_of

TITLE = "当前的中美关系：方向与路径"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return library_of(copy_sources(tmp_path / "src"), tmp_path / "lib")


def _merged_and_titled(win: Any, library: Path, capsys: pytest.CaptureFixture[str]) -> str:
    issue = next(i for i in win.archive.issues() if i.publication == "人民日报")
    win.navigation.show_issue(issue.id)
    ids = win.article_list.ids()
    mine = next(a for a in ids if win.archive.article(a).parts[0].text.startswith("本版责编"))
    win.open_article(mine)
    run_in(capsys, library, "correct", "merge", mine, ids[ids.index(mine) + 1])
    run_in(capsys, library, "correct", "headline", mine, "--text", TITLE)
    win.corrections.changed_elsewhere()
    assert win.state.article_id == mine
    return mine


def test_the_headline_given_heads_the_reading_view(make_window, library: Path,  # noqa: ANN001
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    win = make_window(library, size=(1440, 900))
    mine = _merged_and_titled(win, library, capsys)
    view = win.article_view
    assert view.text.toPlainText().startswith(TITLE + "\n"), view.text.toPlainText()[:80]
    assert view.text.verticalScrollBar().value() == 0
    # as the command line and the exports head it
    assert TITLE in run_in(capsys, library, "show", mine).splitlines()[0] + run_in(capsys, library, "show", mine)
    text = run_in(capsys, library, "export", mine, "--format", "text", "-o", "-")
    assert text.splitlines()[2] == TITLE, text[:200]
    assert f"<title level=\"a\" type=\"main\">{TITLE}</title>" in run_in(
        capsys, library, "export", mine, "--format", "tei", "-o", "-")


def test_the_headline_given_is_marked_not_printed_and_no_place_for_notes(make_window, library: Path,  # noqa: ANN001
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    win = make_window(library, size=(1440, 900))
    _merged_and_titled(win, library, capsys)
    view = win.article_view
    [k] = [k for k, sp in enumerate(view.reading.parts) if sp.display == TITLE]
    assert view._note_at(k, 2) and "Not printed" in view._note_at(k, 2)
    first = view.reading.parts[k + 1]
    assert view.to_original((k, 0, 4)) == (first.index, 0, 0)  # a selection there is on no words of the page
    assert view._k(first.index) == k + 1  # the article's first part is where it is
    view.text.select(k, 0, k, 4)
    assert view.selection_article_range() is None


def test_the_headline_given_heads_the_vertical_columns_too(make_window, library: Path,  # noqa: ANN001
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    win = make_window(library, size=(1440, 900))
    _merged_and_titled(win, library, capsys)
    view = win.article_view
    view.set_vertical(True)
    assert view.reading.parts[0].supplied and view.reading.parts[0].display == TITLE
    assert view.place()[:2] == (0, 0)


def test_the_caret_in_the_headline_given_is_in_no_part(make_window, library: Path,  # noqa: ANN001
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A correction made "at the cursor" (split here, move this paragraph, join) with the caret in the headline
    given is refused, not made on the part after it — the dateline moved where the reader pointed at a headline."""
    win = make_window(library, size=(1440, 900))
    _merged_and_titled(win, library, capsys)
    view = win.article_view
    view.text.select(0, 2, 0, 2)
    assert view.reading.parts[0].supplied
    assert view.current_part() is None
    before = win.archive.article(win.state.article_id).parts
    assert not win.corrections.correct_move(win.article_list.ids()[0])
    assert win.archive.article(win.state.article_id).parts == before
