"""The article shown is followed to where its words are when a correction made elsewhere moves them: merged into
another article, split off, or given back by an undo.

Seen by eye (trust45, 1440×900 under openbox): with the 中美关系 report open, ``broadsheet correct merge`` of the
"本版责编…" furniture line's article with it, run in a terminal, re-listed the page at the window's next look, but
the reading view kept the merged-away report's old text — and its id, so a note made then went to an article no
longer in the list — until the reader clicked the list again. (A merged-away article is still in the catalogue:
the overlay's "is it the same?" asked the catalogue and was told yes.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.gui.widgets.article_list import ROLE_ID
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
    """The window's next look (its timer stopped): the synchronous workers of the tests answer inside ``look``, which
    then keeps the finished look as the one in flight — a second look would wait for it for ever."""
    win.watching._pending = None
    win.watching.look()


def _listed(win: Any) -> str | None:
    """The article the list marks as current."""
    item = win.article_list.currentItem()
    return None if item is None else str(item.data(0, ROLE_ID))


def _reading_down(win: Any, article: str) -> tuple[str, str]:
    """``article`` open, scrolled down, words selected further down; (the paragraph at the top, the words selected)."""
    win.open_article(article)
    view = win.article_view
    view.text.verticalScrollBar().setValue(300)
    top = view.kept_place().top
    assert top is not None and top.part > 0
    part = top.part + 1
    view.select_original(part, 2, part, 9)
    [(p, s, e)] = view.selection_original()
    return top.text, view.article.parts[p].text[s:e]


def _still_reading(win: Any, top: str, words: str) -> None:
    view = win.article_view
    kept = view.kept_place()
    assert kept.top is not None and kept.top.text == top, "the paragraph read is still at the top"
    [(p, s, e)] = view.selection_original()
    assert view.article.parts[p].text[s:e] == words, "what the reader selected is still selected"


def test_an_article_merged_away_elsewhere_is_followed_into_the_one_holding_it(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    win = make_window(library, size=(1440, 900))
    win.watching.timer.stop()
    furniture, report = _ids(win)
    top, words = _reading_down(win, report)

    run_in(capsys, library, "correct", "merge", furniture, report)  # in a terminal
    _look(win)

    assert win.state.article_id == furniture, "the article now holding the report is shown"
    assert win.article_view.article.text.endswith(FURNITURE + win.archive.article(furniture).text.split(FURNITURE)[1])
    assert _listed(win) == furniture
    _still_reading(win, top, words)
    message = win.statusBar().currentMessage()
    # the report took the furniture line in, and a new id: the reader's article changed, not merged into another
    assert "Another article was merged into the one you were reading" in message, message
    assert "Changed elsewhere" in message, message


def test_an_article_merged_into_another_elsewhere_says_so(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    win = make_window(library, size=(1440, 900))
    win.watching.timer.stop()
    furniture, report = _ids(win)
    win.open_article(furniture)  # the bare line, merged into the report: the report holds it now

    run_in(capsys, library, "correct", "merge", report, furniture)
    _look(win)

    assert win.state.article_id == report
    message = win.statusBar().currentMessage()
    assert "The article you were reading was merged into" in message, message


def test_an_undo_elsewhere_gives_the_reader_back_the_article_their_words_are_in(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    win = make_window(library, size=(1440, 900))
    win.watching.timer.stop()
    furniture, report = _ids(win)
    run_in(capsys, library, "correct", "merge", furniture, report)
    _look(win)
    top, words = _reading_down(win, furniture)  # the report's words, in the merged article

    run_in(capsys, library, "correct", "undo")
    _look(win)

    assert win.state.article_id == report
    assert _listed(win) == report
    _still_reading(win, top, words)
    message = win.statusBar().currentMessage()
    assert "The merge of the article you were reading was undone" in message, message


def test_a_split_elsewhere_keeps_the_reader_on_their_words(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    win = make_window(library, size=(1440, 900))
    win.watching.timer.stop()
    _furniture, report = _ids(win)
    top, words = _reading_down(win, report)
    at = win.article_view.kept_place().top.part  # split at the paragraph the reader is reading

    run_in(capsys, library, "correct", "split", report, str(at))
    _look(win)

    assert win.state.article_id not in (None, report), "the piece split off, holding the reader's words"
    assert _listed(win) == win.state.article_id
    _still_reading(win, top, words)
    message = win.statusBar().currentMessage()
    assert "The article you were reading was split" in message, message

    run_in(capsys, library, "correct", "undo")  # the piece split off is gone: its words are the report's again
    _look(win)
    assert win.state.article_id == report
    assert _listed(win) == report
    _still_reading(win, top, words)
    message = win.statusBar().currentMessage()  # the piece is no article now: back in the report, not merged
    assert "The split of the article you were reading was undone" in message, message


def test_a_file_imported_again_with_a_line_above_does_not_send_the_reader_to_another_article(  # noqa: ANN001
        make_window, tmp_path: Path) -> None:
    """Lines are named by their number in the file: after a line inserted above, the number of the line the reader
    is at names another line, maybe of another article — an import is followed by the article's words (as before),
    never by the line's number."""
    from reader.library.catalogue import Library
    from reader.library.importer import import_paths

    src = copy_sources(tmp_path / "src")
    lib = library_of(src, tmp_path / "lib")
    win = make_window(lib, size=(1440, 900))
    win.watching.timer.stop()
    _furniture, report = _ids(win)
    win.open_article(report)  # at its start: its first line, the dateline
    page = src / "rmrb" / "seed_page.txt"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("定期汇报", "一行补上的字\n\n定期汇报", 1), encoding="utf-8")
    with Library.open(lib) as other:  # `broadsheet import` in a terminal
        assert not import_paths(other, [src]).failed
    _look(win)
    assert win.article_view.article is not None
    assert win.article_view.article.text.startswith("据新华社香港"), win.article_view.article.text[:40]


def test_a_reader_at_the_start_of_a_split_piece_stays_at_its_words_when_the_split_is_undone(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Seen by eye (eye47, 1440×900): reading a piece split off at its start ("What is CASTOR IA"), a `correct undo`
    in a terminal showed the article it went back to from its headline — the piece's words near the bottom of the
    view — and said "shown where you were". The start of the article read is where its words start, not the start
    of the article now holding them."""
    win = make_window(library, size=(1440, 900))
    win.watching.timer.stop()
    _furniture, report = _ids(win)
    win.open_article(report)
    parts = win.archive.article(report).parts
    at = next(i for i, p in enumerate(parts) if i > 2 and len(p.text) > 40)
    run_in(capsys, library, "correct", "split", report, str(at))
    _look(win)
    piece = next(a for a in win.article_list.ids() if win.archive.article(a).text.startswith(parts[at].text[:20]))
    win.open_article(piece)  # at its start
    assert win.article_view.kept_place().top is None

    run_in(capsys, library, "correct", "undo")
    _look(win)
    assert win.state.article_id == report
    top = win.article_view.kept_place().top
    assert top is not None and top.text == parts[at].text, "the piece's first paragraph at the top of the view"
    assert "The split of the article you were reading was undone" in win.statusBar().currentMessage()


def test_a_reader_at_the_start_of_an_article_merged_elsewhere_is_shown_its_words(  # noqa: ANN001
        make_window, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The furniture line's article, open at its start, merged into the report elsewhere: it is read last there, and
    the view shows it, not the report's start."""
    win = make_window(library, size=(1440, 900))
    win.watching.timer.stop()
    furniture, report = _ids(win)
    win.open_article(furniture)

    run_in(capsys, library, "correct", "merge", report, furniture)
    _look(win)
    assert win.state.article_id == report
    view = win.article_view
    bar = view.text.verticalScrollBar()
    top = view.kept_place().top
    assert bar.value() > 0, "not the report's start"
    assert (top is not None and top.text.startswith(FURNITURE)) or bar.value() == bar.maximum()
