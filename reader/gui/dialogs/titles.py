"""Dialogs wide enough for their title (the window manager cuts a title longer than the dialog), and no larger than
the screen they open on.

A QInputDialog sizes itself to its label and field, so "Correct OCR text — Broadsheet"
showed as "Correct O…oadsheet" in a real X window (openbox, 1440×900). One event filter on the
application widens every dialog when it is shown, whoever opened it (the static QInputDialog
calls included; a QMessageBox sizes itself), to the title as the window manager shows it (with the
application's display name Qt appends) plus room for the title bar's buttons — and makes every dialog, message
boxes too, no larger than the screen's available area less the window manager's frame (seen by eye at
QT_SCALE_FACTOR=2, an 800×500 screen: the search syntax was 800×1358, its bottom off the screen).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

#: the title bar's icon and its three buttons, and a margin, in pixels
TITLE_BAR_BUTTONS = 140
#: the window manager's frame and title bar around a dialog, in pixels
FRAME = QSize(16, 40)


def title_width(dialog: QDialog) -> int:
    """The width a dialog needs for its title as the window manager shows it."""
    title = dialog.windowTitle().replace("[*]", "")
    name = QApplication.applicationDisplayName()
    if name and name not in title:
        title = f"{title} — {name}"
    # window managers set titles in a bold face a little wider than the application's font
    return int(QFontMetrics(QApplication.font()).horizontalAdvance(title) * 1.15) + TITLE_BAR_BUTTONS


def fit_to_screen(dialog: QWidget) -> None:
    """Make ``dialog`` no larger than its screen's available area less :data:`FRAME`, and move it onto it."""
    screen = dialog.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    room = QSize(area.width() - FRAME.width(), area.height() - FRAME.height())
    if dialog.width() > room.width() or dialog.height() > room.height():
        dialog.setMinimumSize(dialog.minimumSize().boundedTo(room))
        dialog.resize(dialog.size().boundedTo(room))
    frame = dialog.frameGeometry()
    if dialog.isVisible() and not area.contains(frame):
        x = max(area.left(), min(frame.left(), area.right() + 1 - dialog.width() - FRAME.width()))
        y = max(area.top(), min(frame.top(), area.bottom() + 1 - dialog.height() - FRAME.height()))
        dialog.move(QPoint(x, y))


class TitleFitter(QObject):
    """Widens a dialog, when it is shown, to its title's width (never narrows one)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # a QMessageBox sets its own size from its text, wide enough in practice
        if (event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow()
                and not isinstance(watched, QMessageBox)):
            need = title_width(watched)
            if watched.width() < need:
                watched.setMinimumWidth(need)
                watched.resize(need, watched.height())
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            fit_to_screen(watched)
        return False


def install(app: QApplication) -> None:
    """Put the fitter on ``app`` once."""
    if app.findChild(TitleFitter, "titleFitter") is None:
        fitter = TitleFitter(app)
        fitter.setObjectName("titleFitter")
        app.installEventFilter(fitter)
