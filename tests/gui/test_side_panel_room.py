"""An issue's label the side panel cuts is whole in its tooltip.

Seen by eye (eye47, 1440×900 under openbox): the tree cut "1920-04-06 (民國九年四月六…", with no way to read the rest
but widening the panel. (Opening the panel wider, 360 px, showed the longest Republican date whole but moved the
first reading place computed at 1400×700 — tests/gui/test_watching.py — and was taken back.)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QTreeWidgetItem


def _depth(item: QTreeWidgetItem) -> int:
    depth = 0
    while item.parent() is not None:
        item, depth = item.parent(), depth + 1
    return depth


def test_an_issues_whole_label_is_its_tooltip(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir, size=(1440, 900))
    qtbot.wait(50)
    tree = win.tree
    tree.expandAll()
    QApplication.processEvents()
    issues = [item for item in (tree.topLevelItem(i).child(k) for i in range(tree.topLevelItemCount())
                                for k in range(tree.topLevelItem(i).childCount())) if "民國" in item.text(0)]
    assert issues, "the session library has a Republican-era issue"
    metrics = tree.fontMetrics()
    cut = [item for item in issues
           if metrics.horizontalAdvance(item.text(0)) + tree.indentation() * (_depth(item) + 1) > tree.columnWidth(0)]
    assert cut, "the panel cuts the longest Republican dates at the first-run size (the case the tooltip is for)"
    assert all(item.toolTip(0) == item.text(0) for item in issues)
