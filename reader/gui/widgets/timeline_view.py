"""The timeline view: several queries side by side per year or month, raw or relative, drawn with QPainter.

:class:`TimelineChart` draws grouped bars (one colour per query) on any QPainter — the screen,
a QImage for PNG, a QSvgGenerator for SVG — through one :meth:`TimelineChart.draw`, so the
saved chart is the chart on screen. A click on a bar says which query and period it is, and
the window searches that period.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reader.gui.widgets.flow import ElidedComboBox, FlowLayout
from reader.search.timeline import UNDATED, Bucket, Timeline

#: one colour per query (Okabe–Ito, readable by colour-blind readers), repeating
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")

#: the room between the years' bars and the undated one, in pixels
UNDATED_GAP = 12.0

#: what the bars measure
MEASURES = ("articles", "relative", "occurrences")


@dataclass(frozen=True)
class Colours:
    background: QColor
    text: QColor
    grid: QColor


def _nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 × 10^k) giving about ``ticks`` gridlines up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


class TimelineChart(QWidget):
    """Grouped bars: per period, one bar per query."""

    #: a bar was clicked: (query, period)
    bar_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineChart")
        # bars still readable; 200 left a small window ~8 lines of text (seen by eye), 320×120 made the window's least
        # size larger than an 800×500 screen (QT_SCALE_FACTOR=2 on 1600×1000)
        self.setMinimumSize(240, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.series: list[Timeline] = []
        self.measure = "articles"
        self._bars: list[tuple[QRectF, str, str]] = []

    def set_series(self, series: Sequence[Timeline], measure: str | None = None) -> None:
        self.series = list(series)
        if measure is not None:
            self.measure = measure
        self.update()

    def set_measure(self, measure: str) -> None:
        self.measure = measure
        self.update()

    def periods(self) -> list[str]:
        return [b.period for b in self.series[0].buckets] if self.series else []

    def value(self, b: Bucket) -> float:
        if self.measure == "relative":
            return 100.0 * b.relative
        if self.measure == "occurrences":
            return float(b.occurrences)
        return float(b.articles)

    # -- drawing
    def colours(self) -> Colours:
        pal = self.palette()
        return Colours(pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text),
                       pal.color(QPalette.ColorRole.Mid))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        try:
            self._bars = self.draw(p, QRectF(self.rect()), self.colours())
        finally:
            p.end()

    def draw(self, p: QPainter, rect: QRectF, colours: Colours) -> list[tuple[QRectF, str, str]]:
        """Draw the chart in ``rect``; the bars' rectangles with their (query, period)."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(rect, colours.background)
        font = QFont(self.font())
        p.setFont(font)
        fm = p.fontMetrics()
        periods = self.periods()
        if not periods:
            p.setPen(colours.text)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                       self.tr("Type one or more queries, separated by ;, and press Draw."))
            return []
        step, ceiling = self.scale()
        label_w = max(fm.horizontalAdvance(self._tick(ceiling)), fm.horizontalAdvance("00")) + 10
        legend_h = fm.height() + 8
        head = legend_h + fm.height() / 2 + 6  # the legend, and half a tick label above the top line
        plot = QRectF(rect.left() + label_w + 6, rect.top() + head,
                      rect.width() - label_w - 16, rect.height() - head - 2 * fm.height() - 8)
        self._draw_legend(p, rect, colours)
        self._draw_grid(p, plot, step, ceiling, colours)
        bars = self._draw_bars(p, plot, periods, ceiling)
        self._draw_periods(p, plot, periods, colours)
        return bars

    def scale(self) -> tuple[float, float]:
        """(the gridlines' step, the top of the axis): whole steps for counts of articles or occurrences (a chart of
        one article had lines at 0.2, 0.4 … — seen by eye), round ones for shares."""
        top = max((self.value(b) for s in self.series for b in s.buckets), default=0.0)
        step = _nice_step(top)
        if self.measure != "relative":
            step = max(1.0, step)
        return step, max(step, math.ceil(top / step) * step)

    def _tick(self, v: float) -> str:
        text = f"{v:,.2f}".rstrip("0").rstrip(".") if v < 10 and v != int(v) else f"{int(v):,}"
        return text + ("%" if self.measure == "relative" else "")

    def _draw_legend(self, p: QPainter, rect: QRectF, colours: Colours) -> None:
        fm = p.fontMetrics()
        x = rect.left() + 8
        y = rect.top() + 4
        for i, s in enumerate(self.series):
            colour = QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)])
            p.fillRect(QRectF(x, y + 3, fm.height() - 6, fm.height() - 6), colour)
            x += fm.height()
            label = f"{s.query} ({s.total:,})"
            p.setPen(colours.text)
            p.drawText(QPointF(x, y + fm.ascent()), label)
            x += fm.horizontalAdvance(label) + 18
        unit = {"articles": self.tr("matching articles"),
                "relative": self.tr("% of the library's articles in the period"),
                "occurrences": self.tr("occurrences")}[self.measure]
        p.setPen(colours.text)
        p.drawText(QRectF(rect.left(), y, rect.width() - 8, fm.height()),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, unit)

    def _draw_grid(self, p: QPainter, plot: QRectF, step: float, ceiling: float, colours: Colours) -> None:
        fm = p.fontMetrics()
        n = round(ceiling / step)
        for k in range(n + 1):
            v = k * step
            y = plot.bottom() - plot.height() * v / ceiling
            p.setPen(colours.grid)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(colours.text)
            p.drawText(QRectF(plot.left() - 200 - 6, y - fm.height() / 2, 200, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._tick(v))

    def slots(self, fm: QFontMetrics, plot: QRectF, periods: list[str]) -> list[tuple[float, float]]:
        """Each period's column of the plot, (left, width): the ONE place its bars are drawn and its name written
        (the names were placed apart from the bars, and "undated" sat under the 1920–1922 bars). The undated
        period, last, has a column of its own beyond a gap, as wide as its name, so its name is under its bar."""
        dated = len(periods) - (1 if periods and periods[-1] == UNDATED else 0)
        if dated == len(periods):
            slot = plot.width() / len(periods)
            return [(plot.left() + j * slot, slot) for j in range(len(periods))]
        own = float(fm.horizontalAdvance(self.tr("undated")) + 8)
        apart = UNDATED_GAP if dated else 0.0
        slot = (plot.width() - own - apart) / dated if dated else plot.width()
        if slot >= own:  # the columns are wide enough: all alike
            slot = (plot.width() - apart) / len(periods)
            own = slot
        out = [(plot.left() + j * slot, slot) for j in range(dated)]
        return out + [(plot.right() - own, own)]

    def _draw_bars(self, p: QPainter, plot: QRectF, periods: list[str],
                   ceiling: float) -> list[tuple[QRectF, str, str]]:
        slots = self.slots(p.fontMetrics(), plot, periods)
        slot = min(width for _x, width in slots)
        gap = min(slot * 0.2, 8.0)
        bar_w = max(2.0, (slot - gap) / max(1, len(self.series)))  # a thin bar still shows
        group = bar_w * len(self.series)
        out: list[tuple[QRectF, str, str]] = []
        for i, s in enumerate(self.series):
            colour = QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)])
            for (left, width), b in zip(slots, s.buckets, strict=False):
                x = left + (width - group) / 2 + i * bar_w  # the group in the middle of its column
                h = plot.height() * self.value(b) / ceiling if ceiling else 0.0
                r = QRectF(x, plot.bottom() - h, bar_w, h)
                if h > 0:
                    p.fillRect(r, colour)
                # the whole column is the click target: a short bar is still easy to hit
                out.append((QRectF(x, plot.top(), bar_w, plot.height()), s.query, b.period))
        return out

    def _draw_periods(self, p: QPainter, plot: QRectF, periods: list[str], colours: Colours) -> None:
        p.setPen(colours.text)
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        slots = self.slots(p.fontMetrics(), plot, periods)
        if periods[-1] == UNDATED and len(periods) > 1:  # the undated column stands apart from the years
            x = (slots[-2][0] + slots[-2][1] + slots[-1][0]) / 2
            p.setPen(colours.grid)
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + 4))
            p.setPen(colours.text)
        for rect, label in self.period_labels(p.fontMetrics(), plot, periods):
            p.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)

    def period_labels(self, fm: QFontMetrics, plot: QRectF, periods: list[str]) -> list[tuple[QRectF, str]]:
        """The periods named under their own bars, none over another: every ``n``-th when they do not all fit, and
        the "undated" bar's always (in its own column); a name that would stick out of the chart, or run into the
        undated one, is left out rather than moved off its bar."""
        slots = self.slots(fm, plot, periods)
        dated = [x for x in periods if x != UNDATED]
        widest = max(fm.horizontalAdvance(x) for x in dated) + 8 if dated else 0
        every = max(1, math.ceil(widest / min(width for _x, width in slots)))
        end = slots[-1][0] if periods[-1] == UNDATED else plot.right() + 6
        out: list[tuple[QRectF, str]] = []
        for j, ((left, width), period) in enumerate(zip(slots, periods, strict=True)):
            if period == UNDATED:
                label = self.tr("undated")
                out.append((QRectF(left, plot.bottom() + 4, width, fm.height()), label))
                continue
            rect = QRectF(left + width / 2 - widest / 2, plot.bottom() + 4, widest, fm.height())
            if j % every == 0 and rect.right() <= end:
                out.append((rect, period))
        return out

    # -- clicks and files
    def bar_at(self, pos: QPointF) -> tuple[str, str] | None:
        for r, query, period in self._bars:
            if r.contains(pos):
                return query, period
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.bar_at(event.position())
        if found is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(*found)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.bar_at(event.position())
        if found is None:
            self.setToolTip("")
            return
        query, period = found
        s = next(t for t in self.series if t.query == query)
        b = next(x for x in s.buckets if x.period == period)
        named = self.tr("undated") if period == UNDATED else period
        self.setToolTip(self.tr("%1 · %2: %3 article(s), %4 occurrence(s); the library holds %5")
                        .replace("%1", query).replace("%2", named).replace("%3", str(b.articles))
                        .replace("%4", str(b.occurrences)).replace("%5", str(b.library_articles)))
        super().mouseMoveEvent(event)

    def save(self, path: str | Path, size: QSize | None = None) -> None:
        """Write the chart as SVG (by the name's suffix) or PNG, in light colours whatever the theme."""
        size = size or QSize(max(self.width(), 800), max(self.height(), 450))
        light = Colours(QColor("white"), QColor("black"), QColor("#cccccc"))
        rect = QRectF(0, 0, size.width(), size.height())
        if str(path).lower().endswith(".svg"):
            gen = QSvgGenerator()
            gen.setFileName(str(path))
            gen.setSize(size)
            gen.setViewBox(rect)
            gen.setTitle(" · ".join(s.query for s in self.series))
            p = QPainter(gen)
            try:
                self.draw(p, rect, light)
            finally:
                p.end()
            return
        image = QImage(size, QImage.Format.Format_ARGB32)
        p = QPainter(image)
        try:
            self.draw(p, rect, light)
        finally:
            p.end()
        if not image.save(str(path)):
            raise OSError(f"{path}: the image could not be written")


class TimelineView(QWidget):
    """Queries, period, measure, the chart and Save."""

    #: queries to draw: (list of queries, "year" | "month")
    requested = Signal(list, str)
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.field = QLineEdit(self)
        self.field.setObjectName("timelineQueries")
        self.field.setPlaceholderText(self.tr("Queries to compare, separated by ;   e.g. 日本 ; 中国"))
        self.field.setAccessibleName(self.tr("Timeline queries"))
        self.field.setClearButtonEnabled(True)
        self.by = QComboBox(self)
        self.by.setAccessibleName(self.tr("Period"))
        self.by.addItem(self.tr("By year"), "year")
        self.by.addItem(self.tr("By month"), "month")
        self.measure = ElidedComboBox(self, contents=12)  # "Share of the library's articles" ends in "…" where narrow
        self.measure.setAccessibleName(self.tr("Measure"))
        self.measure.addItem(self.tr("Matching articles"), "articles")
        self.measure.addItem(self.tr("Share of the library's articles"), "relative")
        self.measure.addItem(self.tr("Occurrences"), "occurrences")
        self.go = QPushButton(self.tr("Draw"), self)
        self.save = QPushButton(self.tr("Save image…"), self)
        self.save.setObjectName("timelineSave")
        self.save.setEnabled(False)
        self.status = QLabel(self)
        self.status.setObjectName("timelineStatus")
        #: how the counts shown compared characters (the Search tab's switch: "the (267)" read as the command line's
        #: 291, its Exact mode unsaid)
        self.compared = QLabel(self)
        self.compared.setObjectName("timelineCompared")
        self.compared.setToolTip(self.tr("The timeline compares characters as the switch on the Search tab says"))
        self.chart = TimelineChart(self)

        # the field takes its row's free width (it was ~40 pixels wide beside the Problems dock: seen by eye), never
        # less than ~12 characters; the choices and buttons keep their widths and go to another row where narrow
        room = self.field.fontMetrics().horizontalAdvance("x" * 12)
        self.field.setMinimumWidth(room + self.field.sizeHint().height())  # and its clear button
        top = FlowLayout()
        top.addWidget(self.field)
        top.addWidget(self.by)
        top.addWidget(self.measure)
        top.addWidget(self.go)
        top.addWidget(self.save)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        under = QHBoxLayout()
        under.addWidget(self.status, 1)
        under.addWidget(self.compared)
        lay.addLayout(under)
        lay.addWidget(self.chart, 1)

        self.field.returnPressed.connect(self.submit)
        self.go.clicked.connect(self.submit)
        self.by.activated.connect(lambda _i: self.submit())
        self.measure.activated.connect(lambda _i: self.chart.set_measure(str(self.measure.currentData())))
        self.save.clicked.connect(self.save_requested)

    def queries(self) -> list[str]:
        return [q.strip() for q in self.field.text().split(";") if q.strip()]

    def submit(self) -> None:
        queries = self.queries()
        if queries:
            self.status.setText(self.tr("Counting…"))
            self.requested.emit(queries, str(self.by.currentData()))

    def show_timelines(self, series: Sequence[Timeline], compared: str = "") -> None:
        """The bars of ``series``, and ``compared``: how their characters were compared (the match mode, named)."""
        self.chart.set_series(series, str(self.measure.currentData()))
        self.compared.setText(self.tr("Characters compared: %1").replace("%1", compared) if compared else "")
        self.status.setText(self.tr("Click a bar to search that period."))
        self.save.setEnabled(bool(series))

    def show_nothing(self) -> None:
        """No bars (another library is opened: the last one's counts are none of its); the queries stay."""
        self.show_error("")

    def show_error(self, message: str) -> None:
        self.chart.set_series([])
        self.compared.setText("")
        self.status.setText(message)
        self.save.setEnabled(False)
