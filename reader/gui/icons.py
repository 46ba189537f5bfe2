"""Icons by freedesktop name: the desktop theme's first, then a bundled SVG, then Qt's own.

Bundled icons are plain SVG files in ``resources/icons`` (found through
:mod:`reader.resources`), rendered sharp at every size. Their glyph strokes
(``currentColor`` or the slate :data:`GLYPH`) take the palette's text colour, and Qt's monochrome fallbacks (arrows)
are tinted with it, so the icons stay visible in the dark theme:
:func:`icon` is called again after a theme change (``Display.set_theme``).
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
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

#: Qt's fallbacks that are plain black glyphs: tinted with the palette's text colour
_MONOCHROME = {"go-previous", "go-next", "go-up", "go-down", "zoom-in", "zoom-out"}
_SIZES = (16, 20, 24, 32, 48, 64)
#: the colour the bundled SVGs draw their glyphs in (their blue accents stay)
GLYPH = "#3b4a5a"


def foreground() -> str:
    """The palette's colour for icon glyphs (the button text colour), as #rrggbb."""
    if isinstance(QGuiApplication.instance(), QGuiApplication):
        return QGuiApplication.palette().color(QPalette.ColorRole.ButtonText).name()
    return "#000000"


@cache
def _bundled(name: str, colour: str = "") -> QIcon | None:
    path = resources.path("icons", f"{name}.svg")
    if not path.is_file():
        return None
    if not colour:
        return QIcon(str(path))
    data = path.read_text(encoding="utf-8").replace("currentColor", colour).replace(GLYPH, colour)
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    out = QIcon()
    for size in _SIZES:
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        out.addPixmap(pm)
    return out


def _tinted(base: QIcon, colour: str) -> QIcon:
    out = QIcon()
    for size in _SIZES:
        pm = base.pixmap(QSize(size, size))
        if pm.isNull():
            continue
        painter = QPainter(pm)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pm.rect(), QColor(colour))
        painter.end()
        out.addPixmap(pm)
    return out


def icon(name: str) -> QIcon:
    """The icon called ``name`` (freedesktop icon naming), its glyphs in the palette's text colour."""
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    colour = foreground()
    bundled = _bundled(name, colour)
    if bundled is not None:
        return bundled
    std = _STANDARD.get(name)
    app = QApplication.instance()
    if std is not None and isinstance(app, QApplication):
        base = app.style().standardIcon(std)
        return _tinted(base, colour) if name in _MONOCHROME else base
    return QIcon()


def app_icon() -> QIcon:
    return _bundled("broadsheet") or QIcon()
