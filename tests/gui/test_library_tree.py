"""The library tree follows the reader: the issue being read is open, the ones opened for earlier selections fold."""

from __future__ import annotations

from pathlib import Path

from reader.gui.widgets.library_tree import ROLE_ID


def _open_issues(tree) -> set[int]:  # noqa: ANN001
    return {ident for ident, item in tree._issues.items() if item.isExpanded()}


def test_following_pages_across_issues_leaves_only_the_read_one_and_the_users_open(make_window,
                                                                                    library_dir: Path) -> None:
    win = make_window(library_dir)
    tree = win.tree
    issues = [i for i in win.archive.issues() if win.archive.pages(i.id)]
    assert len(issues) >= 3, "the sample library has issues of several publications"
    first, second, users = issues[0], issues[1], issues[2]
    tree._issues[users.id].setExpanded(True)  # as a click on its arrow does
    for issue in (first, second, first, second):
        page = win.archive.pages(issue.id)[0]
        assert tree.select_quietly("page", page.id, issue.id)
        assert _open_issues(tree) == {issue.id, users.id}
        assert int(tree.currentItem().parent().data(0, ROLE_ID)) == issue.id
    # the user folds the one being read and opens another: the tree keeps what they did
    tree._issues[second.id].setExpanded(False)
    tree._issues[first.id].setExpanded(True)
    page = win.archive.pages(users.id)[0]
    assert tree.select_quietly("page", page.id, users.id)
    assert _open_issues(tree) == {first.id, users.id}
    # selecting an issue itself folds what was opened for the reader and opens nothing
    win.tree.select("page", win.archive.pages(second.id)[0].id, second.id)
    assert _open_issues(tree) == {first.id, second.id, users.id}
    tree.select("issue", users.id)
    assert _open_issues(tree) == {first.id, users.id}


def test_the_hidden_tree_follows_hits_without_laying_itself_out_and_shows_the_last_when_shown(
        make_window, library_dir: Path, qtbot, monkeypatch) -> None:  # noqa: ANN001
    """Hits are opened from the Search tab, in front of the tree: opening and folding an issue laid the whole tree
    out again (~3.5 ms of every hit opened at 10,000 pages). Hidden, it notes what it opens and folds; shown, it is
    laid out once with the page being read current, its issue open and in view."""
    win = make_window(library_dir, size=(1200, 420))
    tree = win.tree
    issues = [i for i in win.archive.issues() if win.archive.pages(i.id)]
    win.searching.focus_search()
    assert not tree.isVisible()
    scrolled: list[object] = []
    real = type(tree).scrollToItem
    monkeypatch.setattr(type(tree), "scrollToItem", lambda self, item, *a: (scrolled.append(item),
                                                                              real(self, item, *a))[1])
    for issue in (*issues, issues[-1]):
        page = win.archive.pages(issue.id)[0]
        assert tree.select_quietly("page", page.id, issue.id)
        assert tree.current_key() == ("page", page.id, issue.id)
    assert not scrolled  # nothing laid out or scrolled while hidden
    assert _open_issues(tree) == {issues[-1].id}
    win.side.setCurrentWidget(win.side.widget(0))  # the Library tab
    qtbot.waitUntil(tree.isVisible)
    assert scrolled == [tree.currentItem()]
    assert tree.viewport().rect().intersects(tree.visualItemRect(tree.currentItem()))
