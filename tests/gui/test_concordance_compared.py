"""The concordance says how it compared characters and follows the Search tab's switch, as the timeline does.

Left from the last by-eye round: the concordance compared characters as the Search tab's switch said without saying
so — a count of 国 that differed from the command line's unexplained.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt


def test_the_concordance_says_how_characters_compare_and_follows_the_switch(make_window, library_dir: Path,  # noqa: ANN001
                                                                           qtbot) -> None:
    win = make_window(library_dir)
    win.search.match.setCurrentIndex(win.search.match.findData("exact"))
    win.action_map[next(k for k in win.action_map if k.value == "actConcordance")].trigger()
    view = win.studies.concordance
    view.field.setText("发展")
    qtbot.keyClick(view.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.concordance is not None)
    assert "Exact" in view.compared.text() and view.compared.isVisible(), view.compared.text()
    exact = view.concordance.total
    win.search.match.setCurrentIndex(win.search.match.findData("folded"))
    win.search.match.activated.emit(win.search.match.currentIndex())  # as a click on the switch
    qtbot.waitUntil(lambda: "Folded" in view.compared.text())
    assert view.concordance.total >= exact
