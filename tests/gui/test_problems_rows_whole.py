"""A Problems row wrapped over two lines shows both: after an import of a bad folder the panel showed a blank row
above the folder's long sentence (seen by eye: the row was laid out two lines high, its text drawn on one, elided
and centred — Qt's item view measured the wrapped text otherwise than it drew it, the CJK fallback font on one of
its lines)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from reader.gui.widgets.problems_panel import ProblemsPanel

LONG = ("/tmp/eye50/bad: 2 files (binary.txt, …) gave neither a publication nor a date (in the file, its name, its "
        "folders or a sidecar); filed under 'bad', undated, as one issue — give them in folder names "
        "(…/人民日报/2021-01-27/04.txt), in a broadsheet.json or FILE.meta.json sidecar, or with import --publication "
        "and --date")


def _ink_rows(image: QImage, top: int, bottom: int, right: int) -> list[int]:
    """The pixel rows between ``top`` and ``bottom`` with something darker than the background drawn on them."""
    rows = []
    for y in range(top, bottom):
        if any(QColor(image.pixel(x, y)).lightness() < 128 for x in range(0, right, 2)):
            rows.append(y)
    return rows


def test_a_wrapped_row_shows_each_of_its_lines(qtbot) -> None:
    for width in (1100, 1420, 1430, 1440, 1450):  # the widths where the tester's dock drew it so (1420-1450)
        panel = ProblemsPanel()
        qtbot.addWidget(panel)
        panel.resize(width, 220)
        panel.show()
        for message in ("/tmp/eye50/bad/empty.txt holds no text; it was not imported", LONG, "after"):
            panel.add(message)
        QApplication.processEvents()
        view = panel.list
        rect = view.visualItemRect(view.item(1))
        line = view.fontMetrics().lineSpacing()
        assert rect.height() >= 2 * line - 2, (width, rect)  # wrapped: two lines (or more)
        image = view.viewport().grab().toImage()
        ink = _ink_rows(image, rect.top(), rect.bottom() + 1, rect.right())
        assert ink, width
        # drawn from its top (no blank line above) to its bottom (no line left out, no blank line below)
        assert ink[0] - rect.top() < line / 2, (width, rect, ink[0])
        assert rect.bottom() - ink[-1] < line / 2, (width, rect, ink[-1])
        assert "04.txt), in a broadsheet.json" in panel.messages()[1]
