"""An issue's label is whole at the first-run size, and whole in its tooltip where a narrower panel cuts it.

Seen by eye (eye47, 1440×900 under openbox): the tree cut "1920-04-06 (民國九年四月六…", with no way to read the rest
but widening the panel. The panel opens 360 px wide now (it was 300; widening it first showed a reading place read
before Qt had laid the text out — tests/gui/test_watching.py — fixed first).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QTreeWidgetItem


def _depth(item: QTreeWidgetItem) -> int:
    depth = 0
    while item.parent() is not None:
        item, depth = item.parent(), depth + 1
    return depth


def _republican_issues(win) -> list[QTreeWidgetItem]:  # noqa: ANN001
    tree = win.tree
    tree.expandAll()
    QApplication.processEvents()
    return [item for item in (tree.topLevelItem(i).child(k) for i in range(tree.topLevelItemCount())
                              for k in range(tree.topLevelItem(i).childCount())) if "民國" in item.text(0)]


def _cut(win, issues: list[QTreeWidgetItem], dates: bool = False) -> list[str]:  # noqa: ANN001
    """The labels (or, with ``dates``, their dates: "1939-04-21 (民國二十八年四月二十一日)") the panel cuts."""
    tree = win.tree
    metrics = tree.fontMetrics()
    shown = [item.text(0)[:item.text(0).index(")") + 1] if dates else item.text(0) for item in issues]
    return [text for text, item in zip(shown, issues, strict=True)
            if metrics.horizontalAdvance(text) + tree.indentation() * (_depth(item) + 1) > tree.columnWidth(0)]


def test_every_issue_date_is_whole_at_the_first_run_size(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir, size=(1440, 900))
    qtbot.wait(50)
    issues = _republican_issues(win)
    assert issues, "the session library has a Republican-era issue"
    assert not _cut(win, issues, dates=True), (win.side.width(), _cut(win, issues, dates=True))


def test_an_issues_whole_label_is_its_tooltip(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir, size=(1024, 700))
    qtbot.wait(50)
    issues = _republican_issues(win)
    assert _cut(win, issues), "a small window's panel cuts the longest Republican dates (the case the tooltip is for)"
    assert all(item.toolTip(0) == item.text(0) for item in issues)
