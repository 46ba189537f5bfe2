"""The window says when an article's source file is gone: in the status bar with the article, and in File → Read
every file again…'s question, which counted only the files still there ("Read the library's 4 file(s) again?"
while stats counted 6 sources) and showed no sign of the deleted file's article (seen by a tester)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

PAGE = "{0}的标题\n\n这是{0}的第一段文字，写得足够长，可以读成一篇文章。\n"


def test_the_window_says_the_file_is_gone(make_window, tmp_path: Path,  # noqa: ANN001
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name, words in (("01.txt", "第一版"), ("02.txt", "第二版"), ("03.txt", "第三版")):
        (src / name).write_text(PAGE.format(words), encoding="utf-8")
        (src / f"{name}.meta.json").write_text('{"publication": "测试报", "date": "2020-01-02"}', encoding="utf-8")
    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([src])
    keys = {name: next(a.article for a in win.archive.search(f"{words}的第一段").hits)
            for name, words in (("01", "第一版"), ("02", "第二版"))}
    (src / "02.txt").unlink()
    (src / "03.txt").unlink()
    win.open_article(keys["02"])
    assert "its file 02.txt is no longer there (the article is kept as read)" in win.position.text()
    assert str(src / "02.txt") in win.position.toolTip()
    win.open_article(keys["01"])
    assert "no longer there" not in win.position.text() and win.position.toolTip() == ""
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    win.tasks.read_again()
    assert asked[0].startswith("Read the library's 1 file(s) again? 2 more are no longer where they were: their "
                               "articles are kept as they are. Articles are made again"), asked
