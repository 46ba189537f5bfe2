"""The page view's marks follow what the reader does: a new article clears the old selection from the page,
a new search clears the old hits from the text and the page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.gui.mainwindow import MainWindow


def _open_with_lines(win: MainWindow) -> list[str]:
    """Open an article of 人民日报's page; its ids in list order (at least two)."""
    issue = next(i for i in win.archive.issues() if i.publication == "人民日报")
    win.tree.select("issue", issue.id)
    ids = win.article_list.ids()
    assert len(ids) >= 2
    return ids


def test_switching_article_clears_the_old_selection_from_the_page(make_window, library_dir: Path) -> None:
    win = make_window(library_dir)
    ids = _open_with_lines(win)
    win.open_article(ids[0])
    view = win.article_view
    view.select_original(0, 0, 0, max(1, len(view.article.parts[0].text)))
    lit = win.layout_view.lit_lines()
    assert lit, "the selection is lit on the page"
    win.act_next_article.trigger()
    assert win.article_id != ids[0]
    assert not win.layout_view.lit_lines() & lit, "the old article's selection is gone from the page"
    assert not win.layout_view.lit_lines()


def _search(win: MainWindow, qtbot, text: str) -> None:  # noqa: ANN001
    win.searching.focus_search()
    win.search.field.setText(text)
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    assert win.search.results is not None


def test_a_new_search_clears_the_old_hits(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    _search(win, qtbot, "发展")
    hit = win.search.results.hits[0]
    win.navigation.open_hit(hit)
    assert win.article_view.hits and win.layout_view.hit_lines() and win.state.hits
    _search(win, qtbot, "zzzznotfound")
    assert win.article_id == hit.article, "the article stays open"
    assert not win.article_view.hits and not win.layout_view.hit_lines() and not win.state.hits
    assert "hit" not in win.position.text()
