"""A panel opened under the reading pane leaves the reader at least half the window's height to read in.

Seen by eye (eye48, a 1280×720 screen): restarted with the Timeline open, its empty chart took ~45 % of the window and
the article showed about 8 lines; at 1024×700 with the Concordance and Annotations open, about 4.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication


@pytest.mark.parametrize("size", [(1280, 690), (1024, 700), (1440, 900)])
def test_the_timeline_and_the_concordance_leave_half_the_height_to_the_text(make_window, library_dir: Path,  # noqa: ANN001
                                                                           qtbot, size: tuple[int, int]) -> None:
    win = make_window(library_dir, size=size)
    win.open_article(next(a.id for a in win.archive.library.articles()))
    for show in (win.studies.show_timeline, win.studies.show_concordance):
        show()
        qtbot.wait(50)
        QApplication.processEvents()
        pane = win.reading_split
        assert pane.height() >= win.height() // 2 - 2, (size, pane.height(), win.height())
