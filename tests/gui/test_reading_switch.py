"""The two readings of a corrected article — the reader's and the OCR's — and the commands that act on a selection
(trust: work is never filed against characters other than the ones the reader selected). Seen by the by-eye tester:
switching "Show corrected text" kept the selection's character positions, so after a correction that changed a
word's length it covered other words; and "Correct OCR text" with the OCR's reading shown offered the OCR's word,
not the reader's correction of it, and stored a second correction over the first."""

from __future__ import annotations

from typing import Any

import pytest

from reader.corrections import store as C
from reader.gui.mainwindow import MainWindow
from tests.gui.test_work import QUOTE, open_rmrb, select, work_dir  # noqa: F401  (work_dir: a fixture)


def _corrected_before_the_quote(win: MainWindow) -> str:
    """The 人民日报 article opened, a correction before :data:`QUOTE` in its paragraph that makes the text after it
    longer."""
    aid = open_rmrb(win)
    assert win.archive is not None
    base = win.archive.article(aid)
    earlier = base.text.index("政策")
    assert "\n" not in base.text[earlier:base.text.index(QUOTE)]  # one paragraph
    assert win.corrections.add_correction(C.correct_text(base, earlier, earlier + 2, "政策措施"))
    return aid


def test_the_selection_and_the_cursor_follow_the_text_across_the_switch(make_window, work_dir) -> None:  # noqa: ANN001, F811
    win = make_window(work_dir)
    _corrected_before_the_quote(win)
    view = win.article_view
    select(win, QUOTE)
    win.act_show_corrected.setChecked(False)
    assert view.selected_text() == QUOTE  # the same words, where the OCR's reading has them
    win.act_show_corrected.setChecked(True)
    assert view.selected_text() == QUOTE
    # a bare cursor too: on the character it was before
    assert view.article is not None
    at = view.article.text.index(QUOTE) + 3
    view.select_original(*_part_offset(view, at))
    win.act_show_corrected.setChecked(False)
    [(part, start, end)] = view.selection_original()
    assert start == end and view.article.parts[part].text[start:].startswith(QUOTE[3:])


def _part_offset(view: Any, at: int) -> tuple[int, int]:
    """``Article.text`` offset ``at`` as (part, offset in it)."""
    pos = 0
    for i, part in enumerate(view.article.parts):
        if at <= pos + len(part.text):
            return i, at - pos
        pos += len(part.text) + 2
    raise AssertionError(at)


def test_a_word_corrected_with_the_ocrs_reading_shown_starts_from_its_correction(
        make_window, work_dir, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001, F811
    win = make_window(work_dir)
    _corrected_before_the_quote(win)
    select(win, "马骏")
    assert win.corrections.correct_ocr("马俊")
    win.act_show_corrected.setChecked(False)
    view = win.article_view
    assert view.article is not None and QUOTE in view.article.text  # the OCR's reading shown
    select(win, "马骏")
    offered: list[str] = []

    def typed(_parent: Any, original: str, ocr: str | None = None, stored: Any = None, by: str = "") -> str:
        offered.append(original)
        assert ocr == "马骏"  # the dialog names what the OCR read
        return "马駿"

    monkeypatch.setattr("reader.gui.corrections_ui.prompts.corrected_text", typed)
    assert win.corrections.correct_ocr()
    assert offered == ["马俊"]  # the reader's correction, not the OCR's word again
    fixes = [c for c in win.archive.corrections.find(kind="text") if c.data["original"] == "马骏"]
    assert [c.data["corrected"] for c in fixes] == ["马駿"]  # the earlier one replaced, not a second over it
    assert "Show corrected text" in win.statusBar().currentMessage()  # stored, though the OCR's reading is shown
    win.act_show_corrected.setChecked(True)
    assert "副主任马駿" in view.article.text
    win.undo_stack.undo()  # one step back: the earlier correction again
    assert "副主任马俊" in view.article.text


@pytest.mark.parametrize("shown", [True, False], ids=["corrected-shown", "ocr-shown"])
def test_commands_on_a_selection_act_on_its_characters_in_either_reading(make_window, work_dir, shown: bool,  # noqa: ANN001, F811
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A highlight, a paragraph split at the cursor and "Selection as headline" land on the words selected, with the
    corrected reading shown or the OCR's (a correction earlier in the paragraph changed its length)."""
    from tests.gui.test_work import answer

    win = make_window(work_dir)
    aid = _corrected_before_the_quote(win)
    win.act_show_corrected.setChecked(shown)
    assert win.archive is not None
    base = win.archive.article(aid)
    select(win, QUOTE)
    monkeypatch.setattr(win, "_ask", answer("注"))
    assert win.annotating.highlight_selection()
    [ann] = win.archive.annotations.find(article=aid)
    assert ann.anchor is not None and base.text[ann.anchor.start:ann.anchor.end] == QUOTE
    start, _end = select(win, QUOTE)
    win.article_view.select_in_text(start, start)
    assert win.corrections.correct_split_paragraph()
    assert any(p.text.startswith(QUOTE) for p in win.article_view.article.parts)
    win.undo_stack.undo()
    select(win, QUOTE)
    assert win.corrections.correct_headline()
    assert [p.text for p in win.article_view.article.parts if p.role == "headline"] == [QUOTE]


def test_a_split_at_a_cursor_inside_a_corrected_word_is_refused_and_said(make_window, work_dir) -> None:  # noqa: ANN001, F811
    win = make_window(work_dir)
    _corrected_before_the_quote(win)
    view = win.article_view
    assert view.article is not None
    at = view.article.text.index("政策措施") + 3  # inside the characters the correction put there
    view.select_in_text(at, at)
    parts = len(view.article.parts)
    assert not win.corrections.correct_split_paragraph()
    assert len(view.article.parts) == parts and "corrected" in win.statusBar().currentMessage()


def test_a_headline_selected_from_inside_a_corrected_word_takes_the_whole_word(make_window, work_dir) -> None:  # noqa: ANN001, F811
    """It was refused ("Those characters were themselves corrected; undo that first."): the reader had to undo their
    own correction to make a headline of words holding it."""
    win = make_window(work_dir)
    _corrected_before_the_quote(win)
    view = win.article_view
    assert view.article is not None
    at = view.article.text.index("政策措施") + 2  # "措施兑现超250条": from inside the correction
    view.select_in_text(at, view.article.text.index("条", at) + 1)
    assert win.corrections.correct_headline()
    assert [p.text for p in view.article.parts if p.role == "headline"] == ["政策措施兑现超250条"]
    assert "政策措施兑现超250条" in win.statusBar().currentMessage()
