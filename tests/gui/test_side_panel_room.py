"""At the first-run size (1440×900) the side panel shows an issue's date with its Republican date whole.

Seen by eye (eye47, 1440×900 under openbox): the tree cut "1920-04-06 (民國九年四月六…".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QTreeWidgetItem


def _depth(item: QTreeWidgetItem) -> int:
    depth = 0
    while item.parent() is not None:
        item, depth = item.parent(), depth + 1
    return depth


def test_the_tree_shows_republican_dates_whole_at_the_first_run_size(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir, size=(1440, 900))
    qtbot.wait(50)
    tree = win.tree
    tree.expandAll()
    QApplication.processEvents()
    issues = [item for item in (tree.topLevelItem(i).child(k) for i in range(tree.topLevelItemCount())
                                for k in range(tree.topLevelItem(i).childCount())) if "民國" in item.text(0)]
    assert issues, "the session library has a Republican-era issue"
    metrics = tree.fontMetrics()
    for item in issues:
        date = item.text(0).split(" · ")[0]  # the page count after it may be cut: the pages are listed under it
        needed = metrics.horizontalAdvance(date) + tree.indentation() * (_depth(item) + 1) + 8
        assert tree.columnWidth(0) >= needed, (date, tree.columnWidth(0), needed)
        assert item.toolTip(0) == item.text(0)  # and the whole label where it is cut
