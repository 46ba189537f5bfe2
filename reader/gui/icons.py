"""Icons by freedesktop name: the desktop theme's first, then a bundled SVG, then Qt's own.

Bundled icons are plain SVG files in ``resources/icons`` (found through
:mod:`reader.resources`), so they stay sharp at any device pixel ratio.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from reader import resources

log = logging.getLogger(__name__)

#: Qt's built-in pixmaps for names the theme and the bundle may lack.
_STANDARD = {
    "document-open": QStyle.StandardPixmap.SP_DialogOpenButton,
    "folder-open": QStyle.StandardPixmap.SP_DirOpenIcon,
    "document-import": QStyle.StandardPixmap.SP_FileDialogNewFolder,
    "go-previous": QStyle.StandardPixmap.SP_ArrowBack,
    "go-next": QStyle.StandardPixmap.SP_ArrowForward,
    "go-up": QStyle.StandardPixmap.SP_ArrowUp,
    "go-down": QStyle.StandardPixmap.SP_ArrowDown,
    "process-stop": QStyle.StandardPixmap.SP_BrowserStop,
    "view-refresh": QStyle.StandardPixmap.SP_BrowserReload,
    "help-about": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "dialog-warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "edit-copy": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "edit-find": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "zoom-in": QStyle.StandardPixmap.SP_ArrowUp,
    "zoom-out": QStyle.StandardPixmap.SP_ArrowDown,
    "application-exit": QStyle.StandardPixmap.SP_DialogCloseButton,
}


@cache
def _bundled(name: str) -> QIcon | None:
    path = resources.path("icons", f"{name}.svg")
    if path.is_file():
        return QIcon(str(path))
    return None


def icon(name: str) -> QIcon:
    """The icon called ``name`` (freedesktop icon naming)."""
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    bundled = _bundled(name)
    if bundled is not None:
        return bundled
    std = _STANDARD.get(name)
    app = QApplication.instance()
    if std is not None and isinstance(app, QApplication):
        return app.style().standardIcon(std)
    return QIcon()


def app_icon() -> QIcon:
    return _bundled("broadsheet") or QIcon()
