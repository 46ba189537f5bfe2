"""Undo and redo of the reader's notes after an import moved their words (seen by eye, trust32).

An edit, a deletion or a highlight undone or redone wrote the annotation back as it was read when the reader made
it: its article and offsets from before the import. After the source was read again with an article inserted above,
undoing a note's edit put the note back on the old article id (gone) at the old offsets, said "attached": the
window no longer showed it and ``annotations list``/the export placed it on other words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REST = "第二段讲的是别的事情。\n\n第三段还有更多的内容。\n\n第四段也没有什么变化。\n"
PAGE = "第一篇文章\n\n今天天气很好，我们去公园散步。\n\n" + REST
#: an article inserted above, and words changed before the quote in its own article and in its first line (the
#: article is given a new id, the quote new offsets)
EDITED = ("新的一篇报道\n\n市里开了一个很长的会议，讨论了明年的预算和道路。\n\n"
          "第一篇文章：天气\n\n今天的天气真的非常好，我们去公园散步。\n\n" + REST)
QUOTE = "公园散步"


def answer(note: str = "", tags: str = "") -> Callable[[Any], bool]:
    def ask(dlg: Any) -> bool:
        dlg.note.setPlainText(note)
        dlg.tags.setText(tags)
        return True
    return ask


@pytest.fixture
def page(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    (src / "page.txt.meta.json").write_text('{"publication": "测试报", "date": "2020-01-02"}', encoding="utf-8")
    return src / "page.txt"


def open_holding(win: Any, needle: str) -> str:
    for issue in win.archive.issues():
        for info in win.archive.articles(issue_id=issue.id):
            if needle in win.archive.article(info.id).text:
                win.open_article(info.id)
                return str(info.id)
    raise AssertionError(f"no article holds {needle!r}")


def highlight(win: Any, monkeypatch: pytest.MonkeyPatch, note: str) -> Any:
    text = win.article_view.article.text
    start = text.index(QUOTE)
    win.article_view.select_article_range(start, start + len(QUOTE))
    monkeypatch.setattr(win, "_ask", answer(note))
    assert win.annotating.highlight_selection()
    [ann] = win.archive.annotations.find()
    return ann


def on_its_words(win: Any, ann_id: str) -> None:
    """The stored annotation names an article of the library, and its offsets there hold its quote."""
    stored = win.archive.annotations.get(ann_id)
    assert win.archive.exists(stored.article), f"on {stored.article}, an article the library no longer has"
    text = win.archive.article(stored.article).text
    assert text[stored.anchor.start:stored.anchor.end] == QUOTE, (stored.anchor, text)
    assert not stored.orphaned


def reimport_with_an_article_above(win: Any, page: Path) -> None:
    page.write_text(EDITED, encoding="utf-8")
    win.import_paths([page.parent])


def test_undoing_a_note_edit_after_an_import_keeps_the_note_on_its_words(make_window, tmp_path: Path, page: Path,
                                                                          monkeypatch) -> None:  # noqa: ANN001
    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([page.parent])
    open_holding(win, QUOTE)
    ann = highlight(win, monkeypatch, "first")
    assert win.annotating.edit_annotation(win.archive.annotations.get(ann.id), note="second", tags=[])
    reimport_with_an_article_above(win, page)
    on_its_words(win, ann.id)
    win.undo_stack.undo()  # the edit
    assert win.archive.annotations.get(ann.id).note == "first"
    on_its_words(win, ann.id)
    win.undo_stack.redo()
    assert win.archive.annotations.get(ann.id).note == "second"
    on_its_words(win, ann.id)


def test_undoing_a_deletion_after_an_import_puts_the_note_back_on_its_words(make_window, tmp_path: Path,
                                                                             page: Path, monkeypatch) -> None:  # noqa: ANN001
    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([page.parent])
    open_holding(win, QUOTE)
    ann = highlight(win, monkeypatch, "kept")
    assert win.annotating.delete_annotation(win.archive.annotations.get(ann.id))
    reimport_with_an_article_above(win, page)
    win.undo_stack.undo()  # the deletion
    assert win.archive.annotations.get(ann.id).note == "kept"
    on_its_words(win, ann.id)
    open_holding(win, QUOTE)
    placed, missing = win.annotating.placed()
    assert [i for i, *_ in placed] == [ann.id] and not missing


def test_redoing_a_highlight_after_an_import_puts_it_on_its_words(make_window, tmp_path: Path, page: Path,
                                                                   monkeypatch) -> None:  # noqa: ANN001
    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([page.parent])
    open_holding(win, QUOTE)
    ann = highlight(win, monkeypatch, "again")
    win.undo_stack.undo()  # the highlight
    reimport_with_an_article_above(win, page)
    win.undo_stack.redo()
    assert win.archive.annotations.get(ann.id).note == "again"
    on_its_words(win, ann.id)


def test_undoing_a_collection_entry_after_an_import_renamed_its_article(make_window, tmp_path: Path,
                                                                         page: Path) -> None:  # noqa: ANN001
    """The entry, re-keyed by the import to the article's new id, is the one an undo or a redo takes out or puts
    back: "Undone: Add to the collection" left the article in it (the old id was looked for), and an undone removal
    put the old id back, an article the collection could not open."""
    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([page.parent])
    open_holding(win, QUOTE)
    assert win.collecting.new_collection("walks") == "walks"
    win.collecting.add_to_collection("walks")
    reimport_with_an_article_above(win, page)
    now = next(i.id for i in win.archive.articles(issue_id=win.archive.issues()[0].id)
               if QUOTE in win.archive.article(i.id).text)
    assert win.archive.annotations.collection("walks").items == [now]
    win.undo_stack.undo()  # the addition
    assert win.archive.annotations.collection("walks").items == []
    win.undo_stack.redo()
    assert win.archive.annotations.collection("walks").items == [now]
    win.collecting.remove_from_collection("walks", now)
    assert win.archive.annotations.collection("walks").items == []
    win.undo_stack.undo()
    assert win.archive.annotations.collection("walks").items == [now]


def test_undoing_a_note_edit_asks_before_it_overwrites_a_change_made_elsewhere_since(
        make_window, tmp_path: Path, page: Path, monkeypatch) -> None:  # noqa: ANN001
    """Two windows (or a window and a terminal) on one library: the reader edits a note, a colleague's window
    edits it after; the reader's Ctrl+Z wrote the first text back over the colleague's, unsaid. Now the reader
    is asked, shown the text it would replace; no leaves it."""
    from reader.annotations.store import AnnotationStore
    from reader.library.catalogue import Library

    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([page.parent])
    open_holding(win, QUOTE)
    ann = highlight(win, monkeypatch, "first")
    assert win.annotating.edit_annotation(win.archive.annotations.get(ann.id), note="second", tags=[])
    with Library.open(tmp_path / "lib") as other:
        AnnotationStore.of(other).edit(ann.id, note="the colleague's")
    asked: list[tuple[str, str]] = []
    answers: list[bool] = []
    monkeypatch.setattr(win.annotating, "_undo_over",
                        lambda ours, theirs: asked.append((ours, theirs)) or answers.pop())
    answers.append(False)
    win.undo_stack.undo()
    assert asked == [("first", "the colleague's")]
    assert win.archive.annotations.get(ann.id).note == "the colleague's"
    answers.append(False)
    win.undo_stack.redo()  # neither is the redo written over it unasked
    assert asked[-1] == ("second", "the colleague's")
    assert win.archive.annotations.get(ann.id).note == "the colleague's"
    answers.append(True)
    win.undo_stack.undo()
    assert win.archive.annotations.get(ann.id).note == "first"
    on_its_words(win, ann.id)
    answers.append(True)  # the reader's own history after that: nothing changed elsewhere, nothing asked
    win.undo_stack.redo()
    assert win.archive.annotations.get(ann.id).note == "second" and answers == [True]


def test_an_undo_the_reader_declines_is_not_said_undone(make_window, tmp_path: Path, page: Path,
                                                        monkeypatch) -> None:  # noqa: ANN001
    """Seen by eye: answered No, the status bar still said "Undone: Edit annotation"."""
    from reader.annotations.store import AnnotationStore
    from reader.library.catalogue import Library

    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([page.parent])
    open_holding(win, QUOTE)
    ann = highlight(win, monkeypatch, "first")
    assert win.annotating.edit_annotation(win.archive.annotations.get(ann.id), note="second", tags=[])
    with Library.open(tmp_path / "lib") as other:
        AnnotationStore.of(other).edit(ann.id, note="the colleague's")
    monkeypatch.setattr(win.annotating, "_undo_over", lambda ours, theirs: False)
    win.undo_stack.undo()
    said = win.statusBar().currentMessage()
    assert "Undone" not in said and "elsewhere" in said, said


def test_redoing_a_text_correction_after_an_import_renamed_its_article(make_window, tmp_path: Path,
                                                                        page: Path) -> None:  # noqa: ANN001
    """A correction redone after the import gave its article a new id is on the article as it is now: the corrected
    word is read there (it stayed on the old id, and the article read as the OCR has it)."""
    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([page.parent])
    open_holding(win, QUOTE)
    text = win.article_view.article.text
    start = text.index("内容")  # on a line the edit leaves as it is (moved down by the article inserted above)
    win.article_view.select_article_range(start, start + 2)
    assert win.corrections.correct_ocr("内涵")
    assert "更多的内涵" in win.article_view.article.text
    win.undo_stack.undo()
    reimport_with_an_article_above(win, page)
    win.undo_stack.redo()
    now = open_holding(win, QUOTE)
    assert "更多的内涵" in win.article_view.article.text
    [corr] = win.archive.corrections.find()
    assert corr.article == now


def test_a_correction_typed_while_its_source_was_imported_again_is_not_put_on_another_line(
        make_window, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """The Correct OCR text dialog open while the article's file is read again (the window's own import of a folder
    dropped on it, or another process): a line inserted above the corrected one gave its number to another line, and
    the correction — named by that number — was stored on it: with the same words at that place the reader read the
    other line corrected, theirs as the OCR has it. Nothing is stored on lines the reader did not see; they are
    told, with what they typed."""
    from reader.gui.dialogs import prompts

    src, page = _two_line_source(tmp_path)
    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([src])
    aid = open_holding(win, "第一行")
    start = win.article_view.article.text.index("内容")
    win.article_view.select_article_range(start, start + 2)

    def typed(parent: Any, original: str, ocr: str | None = None, stored: Any = None) -> str:
        page.write_text("标题\n\n第零行有内容。\n\n第一行有内容。\n\n第二行也不少。\n", encoding="utf-8")
        _read_again_in_another_process(tmp_path / "lib", src)
        return "内涵"

    monkeypatch.setattr(prompts, "corrected_text", typed)
    win.corrections.correct_ocr()
    win.archive.corrections_changed()
    read = win.archive.corrected(win.archive.library.article(aid)).text
    assert "第零行有内涵" not in read, read
    said = win.statusBar().currentMessage()
    assert "内涵" in said and "again" in said, said


def test_a_correction_after_an_import_that_left_the_article_as_it_was_is_stored(make_window, tmp_path: Path,
                                                                                 page: Path) -> None:  # noqa: ANN001
    """The file read again with another article changed (below): the article shown reads as before, on the same
    lines, and is corrected as usual — not said "imported again while you corrected it"."""
    win = make_window(tmp_path / "lib", create=True)
    page.write_text(PAGE + "\n第二篇文章\n\n另一篇的内容在这里。\n", encoding="utf-8")
    win.import_paths([page.parent])
    open_holding(win, QUOTE)
    page.write_text(PAGE + "\n第二篇文章\n\n另一篇的内容在这里，改了几个字。\n", encoding="utf-8")
    win.import_paths([page.parent])
    text = win.article_view.article.text
    start = text.index("散步")
    win.article_view.select_article_range(start, start + 2)
    assert win.corrections.correct_ocr("漫步"), win.statusBar().currentMessage()
    assert "公园漫步" in win.article_view.article.text


def test_a_highlight_typed_while_its_source_was_imported_again_is_stored_on_its_words(
        make_window, tmp_path: Path) -> None:  # noqa: ANN001
    """The Highlight dialog open while the article's file is read again with a line inserted above the words (the
    article keeps its id): the highlight was stored with the offsets and line numbers of the text shown before, said
    attached — on other characters for the export and anything that reads its offsets."""

    src, page = _two_line_source(tmp_path)
    win = make_window(tmp_path / "lib", create=True)
    win.import_paths([src])
    aid = open_holding(win, "第二行")
    start = win.article_view.article.text.index("第二行")
    win.article_view.select_article_range(start, start + 3)

    def typed(dlg: Any) -> bool:
        page.write_text("标题\n\n第零行是新插入的一整行文字。\n\n第一行有内容。\n\n第二行也不少。\n", encoding="utf-8")
        _read_again_in_another_process(tmp_path / "lib", src)
        dlg.note.setPlainText("second line")
        return True

    win._ask = typed
    assert win.annotating.highlight_selection()
    [ann] = win.archive.annotations.find()
    assert ann.article == aid and not ann.orphaned
    text = win.archive.library.article(aid).text
    assert text[ann.anchor.start:ann.anchor.end] == "第二行", (ann.anchor, text)


def _two_line_source(tmp_path: Path) -> tuple[Path, Path]:
    """(folder, file) of a two-paragraph text page with its metadata, for the tests that read it again mid-dialog."""
    src = tmp_path / "src"
    src.mkdir()
    page = src / "page.txt"
    page.write_text("标题\n\n第一行有内容。\n\n第二行也不少。\n", encoding="utf-8")
    (src / "page.txt.meta.json").write_text('{"publication": "测试报", "date": "2020-01-02"}', encoding="utf-8")
    return src, page


def _read_again_in_another_process(folder: Path, src: Path) -> None:
    """What another process does to the library while a dialog is open: import ``src`` again and follow the work."""
    from reader.app.work import check_work
    from reader.library import importer
    from reader.library.catalogue import Library

    with Library.open(folder) as other:
        importer.import_paths(other, [src])
        check_work(other)
