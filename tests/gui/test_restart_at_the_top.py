"""A restart reopens the last article exactly where the reader left it: at its top, with the view's margin above the
first line, when they were at the top.

Seen by eye (trust43, 1440×900 under openbox): the window reopened on the first article of the 人民日报 page, read
from its top, with its first line cut by the top edge — scrolled by the margin — instead of where the reader left it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from tests.gui.conftest import copy_sources, library_of


def test_a_restart_at_the_top_reopens_at_the_top(make_window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    library = library_of(copy_sources(tmp_path / "src"), tmp_path / "lib")
    win = make_window(library, size=(1440, 900))
    issue = next(i for i in win.archive.issues() if i.publication == "人民日报")
    win.navigation.show_issue(issue.id)
    first = win.article_list.ids()[0]
    win.open_article(first)
    assert win.article_view.text.verticalScrollBar().value() == 0
    win.close()  # saves the place
    again = make_window(library, size=(1440, 900))
    assert again.article_id == first
    for _ in range(5):
        qtbot.wait(60)
        QCoreApplication.processEvents()
    view = again.article_view
    assert view.text.verticalScrollBar().value() == 0, view.place()
    assert view.view.char_rect(0, 0).top() > 0  # the margin above the first line
