"""The concordance view's Headline column names a piece printed with no headline as the article list, the search
results and every export do: its first words in square brackets (it was empty, as the concordance CSV's was — seen
by eye, trust43, on the bundled 人民日报 page)."""

from __future__ import annotations

from pathlib import Path

from reader.gui.widgets.concordance_view import HEADLINE
from tests.gui.conftest import copy_sources, library_of
from tests.gui.test_studies import _concordance


def test_the_headline_column_names_a_headless_piece(make_window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    library = library_of(copy_sources(tmp_path / "src"), tmp_path / "lib")
    win = make_window(library, size=(1440, 900))
    _concordance(win, qtbot, "中美")
    model = win.studies.concordance.model
    names = {model.data(model.index(row, HEADLINE)) for row in range(model.rowCount())}
    assert "" not in names and None not in names, names
    assert any(name.startswith("[“当前的中美关系") for name in names), names
