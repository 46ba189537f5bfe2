""""Selection as headline" on a selection that cuts words (seen by the by-eye tester: the headline began and ended
mid-word, and the paragraph was split inside a word, on the page and in every export): the headline is the whole
words selected, and the status bar says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.gui.mainwindow import MainWindow

WORDS = "Publikum nur langſam"


def _open_kant(win: MainWindow) -> str:
    assert win.archive is not None
    aid = next(i.id for i in win.archive.library.articles() if WORDS in win.archive.article(i.id).text)
    win.open_article(aid)
    return aid


@pytest.mark.parametrize("cut", [True, False], ids=["cut-words", "whole-words"])
def test_a_headline_takes_the_whole_words_selected(make_window, library_dir: Path,  # noqa: ANN001
                                                   tmp_path: Path, cut: bool) -> None:
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    _open_kant(win)
    view = win.article_view
    assert view.article is not None
    at = view.article.text.index(WORDS)
    if cut:
        view.select_article_range(at + 1, at + len(WORDS) - 2)  # "ublikum nur lang": both ends cut a word
    else:
        view.select_article_range(at, at + len(WORDS))
    assert win.corrections.correct_headline()
    assert [p.text for p in view.article.parts if p.role == "headline"] == [WORDS]
    if cut:
        assert WORDS in win.statusBar().currentMessage()
        # the paragraph was cut between words, not inside them
        assert all(not p.text.startswith("ublikum") and not p.text.endswith("lang") for p in view.article.parts)
