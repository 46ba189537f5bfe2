"""An undo or a redo writes the reader's note back as the library is now (``reader.app.commands.put_back``).

Seen by eye (trust32): an edit undone, or a deletion undone, after the source was read again wrote back the copy the
command kept — the article id and offsets of before the import — and the note said "attached" named an article gone.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.annotations import store as A
from reader.app.commands import DeleteAnnotation, EditAnnotation, put_back
from reader.app.work import check_work
from reader.library import importer
from reader.library.catalogue import Library

PAGE = "第一篇文章\n\n今天天气很好，我们去公园散步。\n\n第二段讲的是别的事情。\n"
EDITED = ("新的一篇报道\n\n市里开了一个很长的会议，讨论了明年的预算和道路。\n\n"
          "第一篇文章：天气\n\n今天的天气真的非常好，我们去公园散步。\n\n第二段讲的是别的事情。\n")
QUOTE = "公园散步"


def noted(tmp_path: Path) -> tuple[Library, A.AnnotationStore, A.Annotation, Path]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    (src / "page.txt.meta.json").write_text('{"publication": "测试报", "date": "2020-01-02"}', encoding="utf-8")
    lib = Library.open(tmp_path / "lib")
    importer.import_paths(lib, [src])
    [info] = lib.articles()
    art = lib.article(info.id)
    start = art.text.index(QUOTE)
    ann = A.highlight(art, start, start + len(QUOTE), note="first", tags=["walk"])
    ann.source = info.source
    store = A.AnnotationStore.of(lib)
    store.add(ann)
    return lib, store, ann, src


def reimport(lib: Library, src: Path) -> None:
    (src / "page.txt").write_text(EDITED, encoding="utf-8")
    importer.import_paths(lib, [src])
    check_work(lib)


def on_its_words(lib: Library, stored: A.Annotation) -> None:
    assert stored.anchor is not None and not stored.orphaned
    assert lib.article(stored.article).text[stored.anchor.start:stored.anchor.end] == QUOTE


def test_an_edit_undone_after_an_import_keeps_the_note_where_the_import_placed_it(tmp_path: Path) -> None:
    lib, store, ann, src = noted(tmp_path)
    with lib:
        edit = EditAnnotation(store, store.get(ann.id), replace(store.get(ann.id), note="second"), library=lib)
        edit.do()
        reimport(lib, src)
        moved = store.get(ann.id)
        on_its_words(lib, moved)
        edit.undo()
        back = store.get(ann.id)
        assert (back.note, back.tags, back.article, back.anchor) == ("first", ["walk"], moved.article, moved.anchor)
        edit.do()
        assert store.get(ann.id).note == "second"
        on_its_words(lib, store.get(ann.id))


def test_a_deletion_undone_after_an_import_finds_the_note_again(tmp_path: Path) -> None:
    lib, store, ann, src = noted(tmp_path)
    with lib:
        delete = DeleteAnnotation(store, store.get(ann.id), library=lib)
        delete.do()
        reimport(lib, src)
        delete.undo()
        back = store.get(ann.id)
        assert back.note == "first" and back.tags == ["walk"]
        on_its_words(lib, back)
        # without a library to look in it is stored as it was (nothing guessed)
        store.delete(ann.id)
        assert put_back(store, ann).article == ann.article


def test_an_edit_is_not_undone_over_a_change_made_elsewhere_since(tmp_path: Path) -> None:
    """Undo writes what was there before the reader's edit only where the reader's edit still is: a colleague's
    later text is not overwritten unsaid (AnnotationConflict; the window asks)."""
    import pytest

    lib, store, ann, _ = noted(tmp_path)
    with lib:
        edit = EditAnnotation(store, store.get(ann.id), replace(store.get(ann.id), note="second"), library=lib)
        edit.do()
        store.edit(ann.id, note="the colleague's")
        with pytest.raises(A.AnnotationConflict):
            edit.undo()
        assert store.get(ann.id).note == "the colleague's"
        store.edit(ann.id, note="second")  # the reader's text there again: the undo is the reader's own
        edit.undo()
        assert store.get(ann.id).note == "first"


def test_a_text_correction_redone_after_an_import_stays_on_its_line(tmp_path: Path) -> None:
    """A correction undone, the source read again with a line inserted above it in its article, then redone: it
    was stored again with the text of whatever line now had its line's number — here a line with the same words at
    the same place, which the reader then read corrected while the line they corrected read as the OCR has it."""
    from reader.app.commands import AddCorrection
    from reader.app.overlay import Overlay
    from reader.corrections.store import CorrectionStore, correct_text_lines

    src = tmp_path / "src"
    src.mkdir()
    page = src / "page.txt"
    page.write_text("标题\n\n第一行有内容。\n\n第二行也不少。\n", encoding="utf-8")
    (src / "page.txt.meta.json").write_text('{"publication": "测试报", "date": "2020-01-02"}', encoding="utf-8")
    lib = Library.open(tmp_path / "lib")
    with lib:
        importer.import_paths(lib, [src])
        [info] = lib.articles()
        art = lib.article(info.id)
        start = art.text.index("内容")
        [corr] = correct_text_lines(art, start, start + 2, "内涵", key=info.id)
        add = AddCorrection(CorrectionStore.of(lib), corr, library=lib)
        add.do()
        add.undo()
        page.write_text("标题\n\n第零行有内容。\n\n第一行有内容。\n\n第二行也不少。\n", encoding="utf-8")
        importer.import_paths(lib, [src])
        check_work(lib)
        add.do()
        [now] = lib.articles()
        read = Overlay(lib).corrected(lib.article(now.id))
        assert "第零行有内容" in read.text and "第一行有内涵" in read.text, read.text
