"""The page view at the window's usual sizes: fitting never feeds back into a resize loop; zoom, fit width, fit page.

At 1440×900 a Luxemburger Zeitung page once locked the window: fit-width left
the page just too tall for the pane, the scrollbar appeared, the narrower pane
re-fitted the page, the scrollbar went away, and so on (thousands of
resize/show/hide events a second). Every page of every bundled sample is opened
here, as a click in the library tree opens it, at the sizes that loop and those
that did not, and the event loop must go quiet.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from reader import resources
from reader.gui.mainwindow import MainWindow
from reader.library import importer
from reader.library.catalogue import Library

SIZES = [(1440, 900), (1500, 950), (1400, 900), (1024, 700)]
#: what counts as the event loop being stuck on one pass: a freeze guard, not a speed measure (speed is
#: benchmarks/bench_gui.py's), so generous enough that two loaded cores never trip it (it did at 100 ms,
#: load average 11); the resize/show/hide count below is what catches a layout loop
STALL = 0.5
WATCHED = (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)


@pytest.fixture(scope="module")
def samples_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples (resources/samples), imported as a first run imports them."""
    folder = tmp_path_factory.mktemp("samples") / "lib"
    lib = Library.open(folder)
    try:
        report = importer.import_paths(lib, [resources.path("samples")])
        assert not report.failed, report.failed
    finally:
        lib.close()
    return folder


class Counter(QObject):
    """Counts resize, show and hide events of the page view and its scrollbars."""

    def __init__(self, watched: list[QObject]) -> None:
        super().__init__()
        self.n = 0
        for obj in watched:
            obj.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in WATCHED:
            self.n += 1
        return False


def _settle(app: QApplication, seconds: float) -> float:
    """Process events for ``seconds``; the longest single pass."""
    longest = 0.0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        t = time.monotonic()
        app.processEvents()
        longest = max(longest, time.monotonic() - t)
        time.sleep(0.002)
    return longest


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_sample_page_leaves_the_event_loop_free(make_window, samples_library: Path, size) -> None:  # noqa: ANN001
    win: MainWindow = make_window(samples_library, size=size)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert (win.width(), win.height()) == size
    view = win.layout_view
    counter = Counter([view, view.viewport(), view.verticalScrollBar(), view.horizontalScrollBar()])
    pages = [(p.id, issue.id, issue.publication) for issue in win.archive.issues()
             for p in win.archive.pages(issue.id)]
    assert len(pages) >= 7 and any(pub.startswith("Luxemburger") for _p, _i, pub in pages)
    for page_id, issue_id, publication in pages:
        assert win.tree.select("page", page_id, issue_id)
        assert win.state.page_id == page_id
        _settle(app, 0.05)  # the page is painted
        counter.n = 0
        longest = _settle(app, 0.3)
        where = f"{publication}, page {page_id} at {size[0]}×{size[1]}"
        assert counter.n <= 2, f"{where}: {counter.n} resize/show/hide events in 0.3 s with nothing happening"
        assert longest < STALL, f"{where}: the event loop was busy for {longest * 1000:.0f} ms"
        width = view.scene().sceneRect().width() * view.transform().m11()
        assert width <= view.viewport().width(), f"{where}: the fitted page is wider than the pane"
        assert not view.horizontalScrollBar().isVisible(), where


def _image_of(act) -> bytes:  # noqa: ANN001
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    act.icon().pixmap(20, 20).toImage().save(buf, "PNG")
    return bytes(data.data())


def test_zoom_has_icons_of_its_own_and_fit_page_is_in_the_view_menu_and_toolbar(make_window,
                                                                                 library_dir: Path) -> None:
    win = make_window(library_dir)
    arrows = {_image_of(win.act_prev_article), _image_of(win.act_next_article)}
    zooms = [_image_of(a) for a in (win.act_zoom_in, win.act_zoom_out, win.act_fit, win.act_fit_page)]
    assert len(set(zooms)) == 4 and not arrows & set(zooms), "zoom icons differ from each other and from ▲▼"
    assert win.act_fit_page in win.menus["view"].actions() and win.act_fit_page in win.toolbar.actions()
    texts = {a.text() for a in (win.act_zoom_in, win.act_zoom_out, win.act_prev_article, win.act_next_article)}
    assert len(texts) == 4


def _shown_size(view) -> tuple[float, float]:  # noqa: ANN001
    rect = view.scene().sceneRect()
    return rect.width() * view.transform().m11(), rect.height() * view.transform().m22()


@pytest.mark.parametrize("publication", ["人民日报", "Luxemburger", "晶報"])
def test_fit_width_fits_the_page_width_and_fit_page_the_whole_page(make_window, library_dir: Path, qtbot,
                                                                   publication: str) -> None:  # noqa: ANN001
    """人民日报's seed page is plain text drawn in many columns: fit width fits all of them, not one."""
    win = make_window(library_dir, size=(1440, 900))
    issue = next(i for i in win.archive.issues() if i.publication.startswith(publication))
    win.tree.select("issue", issue.id)
    view = win.layout_view
    beside_bar = view.maximumViewportSize().width() - view.verticalScrollBar().sizeHint().width()
    win.act_zoom_in.trigger()
    assert view.fit_mode() == ""
    win.act_fit.trigger()
    assert view.fit_mode() == "width"
    width, _height = _shown_size(view)
    assert beside_bar - 8 <= width <= beside_bar, "the whole page width, beside the scrollbar's room"
    win.act_fit_page.trigger()
    assert view.fit_mode() == "page"
    width, height = _shown_size(view)
    area = view.maximumViewportSize()
    assert width <= area.width() and height <= area.height()
    assert area.width() - width < 8 or area.height() - height < 8, "the page fills the pane one way"
    qtbot.waitUntil(lambda: not view.verticalScrollBar().isVisible() and not view.horizontalScrollBar().isVisible(),
                    timeout=2000)
    win.resize(1024, 700)  # the fit is kept when the window changes size
    qtbot.waitUntil(lambda: view.maximumViewportSize() != area)
    width, height = _shown_size(view)
    area = view.maximumViewportSize()
    assert width <= area.width() and height <= area.height()
    assert area.width() - width < 8 or area.height() - height < 8


@pytest.mark.parametrize("scale, glyphs", [(0.1, False), (2.0, True)])
def test_a_drawn_line_too_small_to_read_is_a_bar_and_readable_ones_are_text(qapp, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                                                           scale: float, glyphs: bool) -> None:
    """A whole text page in view draws its lines as grey bars (their glyphs would be 2 px tall, and
    drawing them was most of opening an article); zoomed in, the characters themselves."""
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    from reader.gui.widgets import layout_view
    from reader.gui.widgets.layout_view import PageLayer, PageLine

    layer = PageLayer([PageLine("l1", "中国人民站起来了", (0.0, 0.0, 192.0, 27.6), False)], True, "Noto Sans CJK SC")
    drawn: list[str] = []
    monkeypatch.setattr(layout_view, "_paint_text", lambda painter, line, family: drawn.append(line.id))
    image = QImage(400, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = layer.boundingRect()
    layer.paint(painter, option)
    painter.end()
    assert drawn == (["l1"] if glyphs else [])
    if not glyphs:  # the bar is there, where the line's characters are
        assert image.pixelColor(5, int(27.6 * scale / 2)) != QColor("white")


def test_a_page_is_one_item_that_draws_only_the_lines_in_the_part_repainted(make_window, library_dir: Path,  # noqa: ANN001
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A text page's ~100 lines are one item (one per line made opening an article build and paint them
    all); zoomed in until the text is read, a repaint of a strip (a scroll) draws the characters of the
    lines in that strip only, not the page's."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    from reader.gui.widgets import layout_view
    from reader.gui.widgets.layout_view import GREEK_PX, PageLayer

    win = make_window(library_dir)
    view = win.layout_view
    issue = next(i for i in win.archive.issues() if i.publication == "人民日报")  # a plain-text page
    page = win.archive.pages(issue.id)[0]
    view.set_page(win.archive.page(page.id), ("test", page.id))
    assert view.mode == "text" and len(view.lines) > 50
    assert [type(it) for it in view.scene().items() if isinstance(it, PageLayer)] == [PageLayer]
    layer = view.layer
    while view.transform().m11() * min(ln.rect.height() for ln in view.lines.values()) < GREEK_PX:
        view.zoom_in()
    drawn: list[str] = []
    monkeypatch.setattr(layout_view, "_paint_text", lambda painter, line, family: drawn.append(line.id))
    first = next(ln for ln in view.lines.values() if ln.text.strip())
    strip = QRectF(first.rect.left(), first.rect.top(), first.rect.width(), 1.0)
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.setTransform(view.transform())
    option = QStyleOptionGraphicsItem()
    option.exposedRect = strip
    layer.paint(painter, option)
    painter.end()
    assert drawn == [ln.id for ln in view.lines.values() if ln.rect.intersects(strip) and ln.text.strip()]
    assert first.id in drawn and len(drawn) < 5


def test_the_line_under_a_point_or_in_a_rectangle_is_found_as_testing_every_box_finds_it() -> None:
    """The page view's spatial lookup (clicks, tool tips, what a repaint draws) against testing every box:
    horizontal lines, columns, and a page of lines with one long rule across them."""
    import random

    from reader.gui.widgets.layout_view import BoxIndex

    rng = random.Random(17)
    lines = [(x * 300.0, y * 30.0, x * 300.0 + rng.uniform(50, 290), y * 30.0 + 25.0)
             for x in range(5) for y in range(60)]
    columns = [(x * 30.0, y * 900.0, x * 30.0 + 25.0, y * 900.0 + rng.uniform(100, 880))
               for x in range(60) for y in range(3)]
    for boxes in (lines, columns, lines + [(290.0, 0.0, 295.0, 1800.0)], [], [(5.0, 5.0, 5.0, 5.0)]):
        index = BoxIndex(boxes)
        for _ in range(300):
            x1, y1 = rng.uniform(-50, 1600), rng.uniform(-50, 2700)
            x2, y2 = (x1, y1) if rng.random() < 0.5 else (x1 + rng.uniform(0, 400), y1 + rng.uniform(0, 400))
            want = [i for i, b in enumerate(boxes) if b[0] <= x2 and b[2] >= x1 and b[1] <= y2 and b[3] >= y1]
            assert index.overlapping(x1, y1, x2, y2) == want


@pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")  # offscreen, showing the tip
def test_a_line_shows_its_text_as_its_tool_tip(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    win = make_window(library_dir)
    view = win.layout_view
    line = next(ln for ln in view.lines.values() if len(ln.text.strip()) > 3)
    view.reveal([line.id])
    pos = view.mapFromScene(line.rect.center())
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(lambda: QToolTip.text() == line.text.strip(), timeout=2000)
    outside = view.mapFromScene(view.sceneRect().topLeft()) + QPoint(2, 2)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, outside,
                                                      view.viewport().mapToGlobal(outside)))
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)
