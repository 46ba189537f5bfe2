"""View → Log and View → Problems bring their tab to the front: the two are tabs of one dock, and choosing Log showed
the dock with the Problems tab still in front (seen by eye). An empty Problems panel says so, quietly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QTabBar

from reader.gui.widgets.problems_panel import ProblemsPanel


def _front_tab(win) -> str:  # noqa: ANN001
    """The title of the tab in front among the bottom docks' tabs."""
    for bar in win.findChildren(QTabBar):
        titles = [bar.tabText(i) for i in range(bar.count())]
        if "Log" in titles and "Problems" in titles:
            return bar.tabText(bar.currentIndex())
    raise AssertionError("no tab bar of Problems and Log")


def test_view_log_and_problems_bring_their_tab_to_the_front(make_window, library_dir: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    win.report("a problem to show the Problems tab")
    QApplication.processEvents()
    win.act_log.trigger()
    QApplication.processEvents()
    assert win.log_dock.isVisible()
    assert _front_tab(win) == "Log"
    win.act_problems.trigger()
    QApplication.processEvents()
    assert win.problems_dock.isVisible()
    assert _front_tab(win) == "Problems"
    win.act_log.trigger()  # the Log behind the Problems tab: brought to the front, not closed
    QApplication.processEvents()
    assert win.log_dock.isVisible()
    assert _front_tab(win) == "Log"
    win.act_log.trigger()  # the Log in front: closed, as a toggle
    QApplication.processEvents()
    assert win.log_dock.isHidden()


def test_an_empty_problems_panel_says_no_problems(qtbot) -> None:  # noqa: ANN001
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.resize(800, 200)
    panel.show()
    QApplication.processEvents()
    assert panel.placeholder.isVisible()
    assert panel.placeholder.text() == "No problems."
    panel.add("something went wrong")
    assert not panel.placeholder.isVisible()
    panel.clear()
    assert panel.placeholder.isVisible()
