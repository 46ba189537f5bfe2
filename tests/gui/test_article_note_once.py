"""Annotate → Article note… on an article that has one of the reader's article notes opens it to be edited.

Seen by eye (eye47, 1440×900): asked again, the dialog opened empty and saving it made a second, separate note; the
first, listed only in the Annotations panel (hidden by default), looked lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.gui.dialogs.highlight_dialog import HighlightDialog


def _answer(typed: list[tuple[str, str]], note: str, tags: str = ""):  # noqa: ANN202
    def answer(dlg: HighlightDialog) -> bool:
        typed.append((dlg.note.toPlainText(), dlg.tags.text()))
        dlg.note.setPlainText(note)
        dlg.tags.setText(tags)
        return True
    return answer


def test_article_note_again_edits_the_note_the_article_has(make_window, library_dir: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import shutil

    library = shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(library)
    aid = win.state.article_id
    assert aid is not None
    typed: list[tuple[str, str]] = []
    monkeypatch.setattr(win, "_ask", _answer(typed, "Why the cadres were ranked", "干部"))
    assert win.annotating.add_article_note()
    monkeypatch.setattr(win, "_ask", _answer(typed, "Why the cadres were ranked, and by whom", "干部, ranking"))
    assert win.annotating.add_article_note()
    assert typed == [("", ""), ("Why the cadres were ranked", "干部")]  # the second time it opened on the first
    notes = [a for a in win.archive.annotations.find(article=aid) if a.anchor is None]
    assert [(a.note, a.tags) for a in notes] == [("Why the cadres were ranked, and by whom", ["干部", "ranking"])]
    win.undo_stack.undo()  # undo gives the note back as it was, not a second one
    notes = [a for a in win.archive.annotations.find(article=aid) if a.anchor is None]
    assert [(a.note, a.tags) for a in notes] == [("Why the cadres were ranked", ["干部"])]


def test_a_highlights_note_is_not_taken_for_the_article_note(make_window, library_dir: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import shutil

    library = shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(library)
    aid = win.state.article_id
    assert win.annotating.add_highlight(0, 4, note="a highlight's note")
    typed: list[tuple[str, str]] = []
    monkeypatch.setattr(win, "_ask", _answer(typed, "the article's own"))
    assert win.annotating.add_article_note()
    assert typed == [("", "")]
    notes = sorted(a.note for a in win.archive.annotations.find(article=aid))
    assert notes == ["a highlight's note", "the article's own"]
