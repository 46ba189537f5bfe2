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
#: what counts as the event loop being stuck on one pass
STALL = 0.1
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
