"""Deleting a collection is an edit like any other: Undo gives it back, whole.

Seen by eye (eye48, 1440×900 under openbox): New… "Trade 1820", the article added twice, Delete collection → Yes, then
Ctrl+Z: the Problems panel opened on "no collection named 'Trade 1820'", the collection stayed gone, and every further
Undo/Redo failed the same way on the "Add to the collection" steps left in the history.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.gui.dialogs import prompts


def test_undo_gives_a_deleted_collection_back_whole_and_the_steps_before_it_work(
        make_window, library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import shutil

    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    monkeypatch.setattr(prompts, "confirm_delete_collection", lambda parent, name: True)
    archive = win.archive
    first, second = [a.id for a in archive.library.articles()][:2]
    assert win.collecting.new_collection("Trade 1820") == "Trade 1820"
    for article in (first, second):
        win.open_article(article)
        win.collecting.add_to_collection("Trade 1820")
    store = archive.annotations
    before = store.collection("Trade 1820")
    assert before.items == [first, second]

    win.collecting.delete_collection("Trade 1820")
    assert "Trade 1820" not in [c.name for c in store.collections()]
    win.undo_stack.undo()
    again = store.collection("Trade 1820")
    assert (again.items, again.description, again.visibility, again.created) == (
        before.items, before.description, before.visibility, before.created)
    assert [win.collections.names.item(i).text() for i in range(win.collections.names.count())] == ["Trade 1820 (2)"]
    win.undo_stack.undo()  # the second article's adding
    assert store.collection("Trade 1820").items == [first]
    win.undo_stack.redo()
    win.undo_stack.redo()  # deleted again
    assert "Trade 1820" not in [c.name for c in store.collections()]
    assert win.problems.messages() == []
    assert "Delete the collection Trade 1820" in win.undo_stack.undoText()
