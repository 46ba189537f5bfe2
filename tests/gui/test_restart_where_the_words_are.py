"""A restart reopens the article holding the words the reader was reading, when a correction made while the window
was closed moved them (merged into another article, given back by an undo).

Seen by eye (trust45, 1440×900 under openbox): with the 中美关系 report open, ``broadsheet correct merge`` of the
"本版责编…" furniture line's article with it, made with the window open, took the window to the merged article (the
one holding the report's words now); the window closed, ``broadsheet correct undo`` in a terminal gave the report
back — and the next start reopened the remembered article, now only the bare 本版责编 line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from tests.clirun import run_in
from tests.gui.conftest import copy_sources, library_of

FURNITURE = "本版责编"
REPORT = "中美关系"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return library_of(copy_sources(tmp_path / "src"), tmp_path / "lib")


def _ids(win: Any) -> tuple[str, str]:
    """(the furniture line's article, the 中美关系 report) of the 人民日报 page, the page listed."""
    issue = next(i for i in win.archive.issues() if i.publication == "人民日报")
    win.navigation.show_issue(issue.id)
    ids = win.article_list.ids()
    furniture = next(a for a in ids if win.archive.article(a).text.startswith(FURNITURE))
    report = next(a for a in ids if REPORT in win.archive.article(a).text and a != furniture)
    return furniture, report


def _look(win: Any) -> None:
    win.watching._pending = None
    win.watching.look()


def _settle(qtbot: Any) -> None:
    for _ in range(5):
        qtbot.wait(60)
        QCoreApplication.processEvents()


def _reading_down(win: Any, article: str, qtbot: Any) -> str:
    """``article`` open, scrolled down: the paragraph at the top."""
    win.open_article(article)
    view = win.article_view
    view.text.verticalScrollBar().setValue(300)
    _settle(qtbot)
    top = view.kept_place().top
    assert top is not None and top.part > 0
    return str(top.text)


def _at_top(win: Any) -> str:
    top = win.article_view.kept_place().top
    return "" if top is None else str(top.text)


def test_an_undo_while_closed_of_a_merge_followed_reopens_the_report(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str], qtbot) -> None:
    win = make_window(library, size=(1440, 900))
    win.watching.timer.stop()
    furniture, report = _ids(win)
    top = _reading_down(win, report, qtbot)
    run_in(capsys, library, "correct", "merge", furniture, report)  # in a terminal, the window open
    _look(win)
    assert win.state.article_id == furniture  # followed into the article holding the report now
    win.close()  # saves the place
    run_in(capsys, library, "correct", "undo")  # in a terminal, the window closed

    again = make_window(library, size=(1440, 900))
    _settle(qtbot)
    assert again.state.article_id == report, again.article_view.article.text[:40]
    assert _at_top(again) == top, "at the paragraph the reader was reading"
    assert "Corrected while the window was closed" in again.statusBar().currentMessage()


def test_a_merge_while_closed_reopens_the_merged_article_at_the_report(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str], qtbot) -> None:
    win = make_window(library, size=(1440, 900))
    furniture, report = _ids(win)
    top = _reading_down(win, report, qtbot)
    win.close()
    run_in(capsys, library, "correct", "merge", furniture, report)  # the window closed

    again = make_window(library, size=(1440, 900))
    _settle(qtbot)
    assert again.state.article_id == furniture, "the article holding the report's words now"
    text = again.article_view.article.text
    assert FURNITURE in text and REPORT in text
    assert _at_top(again) == top, "at the paragraph the reader was reading"
    assert "Corrected while the window was closed" in again.statusBar().currentMessage()


def test_a_merge_and_its_undo_while_closed_reopen_the_report(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str], qtbot) -> None:
    win = make_window(library, size=(1440, 900))
    furniture, report = _ids(win)
    top = _reading_down(win, report, qtbot)
    win.close()
    run_in(capsys, library, "correct", "merge", furniture, report)
    run_in(capsys, library, "correct", "undo")

    again = make_window(library, size=(1440, 900))
    _settle(qtbot)
    assert again.state.article_id == report
    assert _at_top(again) == top
    assert "Corrected while the window was closed" not in again.statusBar().currentMessage()  # the same article


def test_a_reader_at_the_start_of_the_merged_article_is_reopened_in_the_report(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str], qtbot) -> None:
    """At the merged article's start the reader reads the report's dateline (the furniture line is read last), but
    its parts in the source's order begin with the furniture line: the line kept was that one, and the next start
    reopened the bare furniture line."""
    win = make_window(library, size=(1440, 900))
    win.watching.timer.stop()
    furniture, report = _ids(win)
    run_in(capsys, library, "correct", "merge", furniture, report)
    _look(win)
    win.open_article(furniture)  # the merged article, from its start: the report's dateline first
    _settle(qtbot)
    assert win.article_view.kept_place().top is None
    win.close()
    run_in(capsys, library, "correct", "undo")

    again = make_window(library, size=(1440, 900))
    _settle(qtbot)
    assert again.state.article_id == report, again.article_view.article.text[:40]


def test_an_undo_elsewhere_takes_a_reader_at_the_merged_articles_start_to_the_report(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str], qtbot) -> None:
    win = make_window(library, size=(1440, 900))
    win.watching.timer.stop()
    furniture, report = _ids(win)
    run_in(capsys, library, "correct", "merge", furniture, report)
    _look(win)
    win.open_article(furniture)
    _settle(qtbot)
    run_in(capsys, library, "correct", "undo")
    _look(win)
    assert win.state.article_id == report, win.article_view.article.text[:40]
