"""After File → Read every file again the window speaks of the article as it is now, and keeps the reader's place by
what they were reading (seen by the by-eye tester, trust35).

The undo's status message named the article's headline from before the re-read; the view kept the character offset
of the text at its top, and the caret's, which after a paragraph was inserted above pointed into other words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

PARAS = [f"第{n}段说的是第{n}件事情，" + "这一段的文字写得很长，" * 6 + f"到这里第{n}段就结束了。"
         for n in range(1, 13)]
PAGE = "一篇很长的文章\n\n" + "\n\n".join(PARAS) + "\n"
#: a paragraph inserted near the start of the article, which keeps its id (its first line is the same)
INSERTED = "一篇很长的文章\n\n" + "\n\n".join(PARAS[:1] + ["新加的一段插在这里，" * 8 + "完。"] + PARAS[1:]) + "\n"
#: the headline and first paragraph changed (the article gets a new id, followed by the reader's work)
RETITLED = "一篇很长的文章的新标题\n\n" + "\n\n".join(PARAS) + "\n"


@pytest.fixture
def page(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    (src / "page.txt.meta.json").write_text('{"publication": "测试报", "date": "2020-01-02"}', encoding="utf-8")
    return src / "page.txt"


def _read_every_file_again(win: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    win.tasks.read_again()


def _open(win: Any) -> str:
    issue = win.archive.issues()[0]
    [info] = [i for i in win.archive.articles(issue_id=issue.id) if "第5段" in win.archive.article(i.id).text]
    win.open_article(info.id)
    return str(info.id)


def _top_words(win: Any) -> str:
    """The words of the line at the top of the reading view."""
    view = win.article_view
    k, offset, _px = view.place()
    cursor = view.text.cursorForPosition(QPoint(8, 4))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfLine, QTextCursor.MoveMode.KeepAnchor)
    return view.reading.parts[k].display[offset:offset + len(cursor.selectedText())]


def _caret_words(win: Any) -> str:
    view = win.article_view
    [(k, s, _e)] = view.view.selection()
    return view.reading.parts[k].display[s:s + 6]


@pytest.mark.parametrize(("script", "top"), [("", 6), ("s2t", 3)])
def test_after_a_re_read_the_view_keeps_the_words_read_not_their_offset(make_window, tmp_path: Path, page: Path,
                                                                        monkeypatch, qtbot, script: str,  # noqa: ANN001
                                                                        top: int) -> None:
    """(Seen by eye in 繁體 with the 3rd paragraph at the top: the words just before it, "这一段的文字写得很长，", were
    found in the paragraph above — the article repeats them — and the reader was put there.)"""
    win = make_window(tmp_path / "lib", create=True, size=(1024, 700))
    win.import_paths([page.parent])
    win.display.set_script(script)
    aid = _open(win)
    text = win.article_view.article.text
    at = text.index("第7段说的是")
    win.article_view.select_article_range(at + 3, at + 5)  # "说的" in the 7th paragraph selected
    caret = _caret_words(win)
    assert caret.startswith(win.shown(aid, "说的是第7")), caret
    words = win.shown(aid, f"第{top}段说的是")
    win.article_view.restore_place_in_text((text.index(f"第{top}段说的是"), 0))  # that paragraph at the top
    qtbot.wait(20)
    assert words[:3] in _top_words(win), _top_words(win)

    page.write_text(INSERTED, encoding="utf-8")
    _read_every_file_again(win, monkeypatch)

    assert win.state.article_id == aid and "新加的一段" in win.article_view.article.text
    assert words[:3] in _top_words(win), ("the same words at the top, not the offset they had", _top_words(win))
    assert _caret_words(win) == caret, "the same words selected"
    [(k, s, e)] = win.article_view.view.selection()
    assert win.article_view.reading.parts[k].display[s:e] == win.shown(aid, "说的")


def test_after_a_re_read_that_took_the_words_away_the_view_goes_to_the_top(make_window, tmp_path: Path, page: Path,
                                                                           monkeypatch, qtbot) -> None:  # noqa: ANN001
    win = make_window(tmp_path / "lib", create=True, size=(1024, 700))
    win.import_paths([page.parent])
    _open(win)
    text = win.article_view.article.text
    start = text.index("第6段说的是")
    win.article_view.restore_place_in_text((start, 0))
    qtbot.wait(20)
    assert "第6段说的是" in _top_words(win)
    others = [f"另外的一段话讲别的{n}，" * 8 + "完。" for n in range(9)]
    page.write_text("一篇很长的文章\n\n" + "\n\n".join(PARAS[:3] + others) + "\n", encoding="utf-8")  # the 4th on gone
    _read_every_file_again(win, monkeypatch)
    assert "第6段" not in win.article_view.article.text
    assert len(win.article_view.article.text) >= len(text) - 100  # as long: the old offset is in other words now
    assert win.article_view.place()[1] == 0, ("the start of the reader's paragraph, or of the article; never an offset "
                                              "into other words", _top_words(win))


def _answer(note: str) -> Callable[[Any], bool]:
    def ask(dlg: Any) -> bool:
        dlg.note.setPlainText(note)
        return True
    return ask


def test_after_a_re_read_undo_names_the_article_as_it_is_now(make_window, tmp_path: Path, page: Path,
                                                             monkeypatch) -> None:  # noqa: ANN001
    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([page.parent])
    _open(win)
    assert win.headline_of(win.state.article_id) == "一篇很长的文章"
    text = win.article_view.article.text
    at = text.index("第5件事情")
    win.article_view.select_article_range(at, at + 5)
    monkeypatch.setattr(win, "_ask", _answer("five"))
    assert win.annotating.highlight_selection()
    page.write_text(RETITLED, encoding="utf-8")
    _read_every_file_again(win, monkeypatch)
    assert win.headline_of(win.state.article_id) == "一篇很长的文章的新标题"
    win.undo_stack.undo()
    said = win.statusBar().currentMessage()
    assert said.endswith("— 一篇很长的文章的新标题"), said
    win.undo_stack.redo()
    said = win.statusBar().currentMessage()
    assert said.endswith("— 一篇很长的文章的新标题"), said


@pytest.mark.parametrize("threads", [False, True])
def test_a_re_read_that_renamed_the_article_and_split_its_paragraph_shows_it_under_its_new_id(
        make_window, tmp_path: Path, page: Path, monkeypatch, qtbot, threads: bool) -> None:  # noqa: ANN001
    """Seen by eye: its headline changed and a paragraph inserted in the file, File → Read every file again said "An
    unexpected error happened … there is no article aaabb216306a87cd" — the window opened the old id, still in the
    article list of the page the import had made anew. The import renamed the article; the window follows it, at the
    reader's words."""
    from reader.gui import workers

    win = make_window(tmp_path / "lib", create=True, size=(1024, 700))
    win.import_paths([page.parent])
    issue = win.archive.issues()[0]
    assert win.tree.select("page", win.archive.pages(issue.id)[0].id, issue.id)  # opened from the tree, as by eye
    old = win.state.article_id
    text = win.article_view.article.text
    at = text.index("第3件事情")
    win.article_view.select_article_range(at, at + 5)  # work on it: a highlight (as by eye)
    monkeypatch.setattr(win, "_ask", _answer("three"))
    assert win.annotating.highlight_selection()
    win.article_view.restore_place_in_text((text.index("第6段说的是"), 0))
    qtbot.wait(20)
    page.write_text(INSERTED.replace("一篇很长的文章", "一篇很长的文章的新标题", 1), encoding="utf-8")
    if threads:
        workers.set_pool(None)  # the global QThreadPool, as in the window
        with qtbot.waitSignal(win.import_finished, timeout=60000):
            _read_every_file_again(win, monkeypatch)
        qtbot.wait(200)
    else:
        _read_every_file_again(win, monkeypatch)
    assert not [m for m in win.problems.messages() if "unexpected" in m.lower() or "no article" in m], \
        win.problems.messages()
    now = win.state.article_id
    assert now is not None and now != old and win.archive.exists(now)
    assert win.headline_of(now) == "一篇很长的文章的新标题"
    assert "第6段" in _top_words(win), _top_words(win)
    assert now in win.article_list.ids() and old not in win.article_list.ids()
