"""The Timeline's query field takes the free width of its row: at 1440×900, the Problems dock open beside the
Timeline, it was ~40 pixels wide, its placeholder read "Queri…" (seen by eye); the buttons keep their size hints and
go to another row where the dock is narrow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from reader.gui.widgets.timeline_view import TimelineView


def _row_of(view: TimelineView, widget: QWidget) -> list[QWidget]:
    """The widgets of the query row laid out on the same line as ``widget``."""
    parts = [view.field, view.by, view.measure, view.go, view.save]
    return [w for w in parts if w.isVisible() and abs(w.geometry().center().y() - widget.geometry().center().y()) < 4]


def _check(view: TimelineView) -> None:
    field = view.field
    assert field.width() >= field.fontMetrics().horizontalAdvance("x" * 12), field.width()
    for button in (view.by, view.measure, view.go, view.save):
        assert button.width() >= button.sizeHint().width(), button
    row = _row_of(view, field)
    right = max(w.geometry().right() for w in row)
    assert view.contentsRect().right() - right <= 8  # the field took the row's free width
    assert field.geometry().left() - view.contentsRect().left() <= 8


def test_the_timeline_field_takes_its_rows_width_at_1440x900(make_window, library_dir: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir, size=(1440, 900))
    win.report("a problem: the Problems dock open beside the timeline")
    win.studies.show_timeline()
    QApplication.processEvents()
    _check(win.studies.timeline)


def test_the_timeline_row_wraps_where_narrow(qtbot) -> None:  # noqa: ANN001
    for width in (260, 420, 700, 1200):
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(width, 300)
        view.show()
        QApplication.processEvents()
        _check(view)
