"""Dialogs wide enough for their title: the window manager cuts a title longer than the dialog.

A QInputDialog sizes itself to its label and field, so "Correct OCR text — Broadsheet"
showed as "Correct O…oadsheet" in a real X window (openbox, 1440×900). One event filter on the
application widens every dialog when it is shown, whoever opened it (the static QInputDialog
calls included; a QMessageBox sizes itself), to the title as the window manager shows it (with the
application's display name Qt appends) plus room for the title bar's buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

#: the title bar's icon and its three buttons, and a margin, in pixels
TITLE_BAR_BUTTONS = 140


def title_width(dialog: QDialog) -> int:
    """The width a dialog needs for its title as the window manager shows it."""
    title = dialog.windowTitle().replace("[*]", "")
    name = QApplication.applicationDisplayName()
    if name and name not in title:
        title = f"{title} — {name}"
    # window managers set titles in a bold face a little wider than the application's font
    return int(QFontMetrics(QApplication.font()).horizontalAdvance(title) * 1.15) + TITLE_BAR_BUTTONS


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
        return False


def install(app: QApplication) -> None:
    """Put the fitter on ``app`` once."""
    if app.findChild(TitleFitter, "titleFitter") is None:
        fitter = TitleFitter(app)
        fitter.setObjectName("titleFitter")
        app.installEventFilter(fitter)
