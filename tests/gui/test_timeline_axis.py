"""The timeline's axis names each bar under that bar (seen by eye: over 1858…1922 and undated the names stopped at
1916 and "undated" sat under the 1920–1922 bars, so the tallest bar, 1920, read as undated), and the panel says how
characters were compared (seen: "the (267)" against 291 from the command line, the Search tab's Exact mode used
silently)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from reader.search.timeline import UNDATED, Bucket, By, Timeline


def _bar_spans(bars: list[tuple[QRectF, str, str]]) -> dict[str, tuple[float, float]]:
    spans: dict[str, tuple[float, float]] = {}
    for r, _q, period in bars:
        left, right = spans.get(period, (r.left(), r.right()))
        spans[period] = (min(left, r.left()), max(right, r.right()))
    return spans


@pytest.mark.parametrize("queries", [1, 2])
@pytest.mark.parametrize("years", [3, 12, 65, 160])
@pytest.mark.parametrize("undated", [True, False])
def test_every_period_is_named_under_its_own_bars(qtbot, years: int, undated: bool, queries: int) -> None:  # noqa: ANN001
    from reader.gui.widgets.timeline_view import TimelineChart

    chart = TimelineChart()
    qtbot.addWidget(chart)
    buckets = [Bucket(str(1858 + y), 1 + y % 7, 1, 9) for y in range(years)]
    buckets += [Bucket(UNDATED, 3, 3, 5)] if undated else []
    chart.set_series([Timeline(f"q{i}", By.YEAR, buckets) for i in range(queries)], "articles")
    periods = [b.period for b in buckets]
    image = QImage(1600, 400, QImage.Format.Format_ARGB32)
    for width in (300, 600, 1100, 1400):
        p = QPainter(image)
        try:
            plot = QRectF(60, 30, width, 250)
            spans = _bar_spans(chart._draw_bars(p, plot, periods, chart.scale()[1]))
            labels = chart.period_labels(p.fontMetrics(), plot, periods)
        finally:
            p.end()
        assert labels and (not undated or labels[-1][1] == "undated")
        for rect, text in labels:
            left, right = spans[UNDATED if text == "undated" else text]
            assert left - 0.5 <= rect.center().x() <= right + 0.5, (width, text, rect, (left, right))
        for (a, _), (b, _) in zip(labels, labels[1:], strict=False):
            assert a.right() <= b.left(), (width, labels)
        assert all(r.right() <= plot.right() + 6 for r, _ in labels), "every name inside the chart"


def test_the_timeline_says_how_characters_compare_and_follows_the_switch(make_window, library_dir: Path,
                                                                         qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    win.search.match.setCurrentIndex(win.search.match.findData("exact"))
    win.action_map[next(k for k in win.action_map if k.value == "actTimeline")].trigger()
    view = win.studies.timeline
    view.field.setText("发展")
    qtbot.keyClick(view.field, Qt.Key.Key_Return)
    assert "Exact" in view.compared.text() and view.compared.isVisible(), view.compared.text()
    exact = view.chart.series[0].total
    win.search.match.setCurrentIndex(win.search.match.findData("folded"))
    win.search.match.activated.emit(win.search.match.currentIndex())  # as a click on the switch
    assert "Folded" in view.compared.text(), view.compared.text()
    assert view.chart.series[0].total >= exact
