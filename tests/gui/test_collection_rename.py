"""Renaming a collection in the window: Rename… (or F2 on the list), undoable, a name taken refused.

Seen by eye (eye48): there was no way to rename a collection — no button, no menu, no F2, no command.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.gui.dialogs import prompts


def _names(win) -> list[str]:  # noqa: ANN001
    return [win.collections.names.item(i).text() for i in range(win.collections.names.count())]


def test_a_collection_is_renamed_in_the_window_and_undone(make_window, library_dir: Path, tmp_path: Path, qtbot,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    article = next(a.id for a in win.archive.library.articles())
    win.open_article(article)
    win.collecting.new_collection("Trade 1820")
    win.collecting.add_to_collection("Trade 1820")
    win.collecting.new_collection("Shipping")
    win.collections.names.setCurrentRow(_names(win).index("Trade 1820 (1)"))
    monkeypatch.setattr(prompts, "new_collection_name", lambda parent, name: "Trade 1820–21")
    assert win.collections.rename_button.isEnabled()
    win.collections.names.setFocus()
    qtbot.keyClick(win.collections.names, Qt.Key.Key_F2)
    assert _names(win) == ["Shipping (0)", "Trade 1820–21 (1)"]
    assert win.collections.current_name() == "Trade 1820–21"
    assert win.archive.annotations.collection("Trade 1820–21").items == [article]
    win.undo_stack.undo()
    assert _names(win) == ["Shipping (0)", "Trade 1820 (1)"]
    win.undo_stack.redo()
    assert _names(win) == ["Shipping (0)", "Trade 1820–21 (1)"]
    win.collecting.rename_collection("Trade 1820–21", "Shipping")  # taken: refused in a sentence, nothing changed
    assert _names(win) == ["Shipping (0)", "Trade 1820–21 (1)"]
    assert any("already have a collection named 'Shipping'" in m for m in win.problems.messages())
