"""Start the desktop application: QApplication, theme, translations, error hooks, the window.

:func:`main` is what ``broadsheet`` (no arguments) and ``broadsheet gui`` run.
An exception nobody caught — on the GUI thread (``sys.excepthook``, which
PySide6 also calls for an exception raised in a slot) or in a plain thread
(``threading.excepthook``) — is logged and shown in a dialog, never lost; Qt's
own warnings go to the log too. The log is kept in memory for the log view
(:mod:`reader.gui.diagnostics`).

The interface language is the setting's ("zh_CN", "zh_TW", "en") or, when
that is empty, the system locale's: :func:`install_translations` loads Qt's
own ``qtbase`` translations from ``QLibraryInfo.TranslationsPath`` and
Broadsheet's from ``resources/translations/broadsheet_<lang>.qm``.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QRectF,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from reader import resources
from reader.app.samples import library_location, needs_samples
from reader.gui import diagnostics
from reader.gui.icons import app_icon
from reader.gui.mainwindow import MainWindow
from reader.gui.settings import APPLICATION, ORGANIZATION, Settings
from reader.gui.workers import install_invoker, to_main
from reader.library.catalogue import default_folder, is_url
from reader.model.errors import ConnectionLostError

log = logging.getLogger(__name__)

_window: MainWindow | None = None
#: the platform's own style, to go back to from a fixed theme
_system_style: str | None = None
_translators: list[QTranslator] = []
#: the dark theme's style, kept referenced while the application uses it
_dark_style: QProxyStyle | None = None


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), named for QSettings, with the app icon."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Broadsheet")
    app.setDesktopFileName("io.github.broadsheet.Broadsheet")
    app.setWindowIcon(app_icon())
    global _system_style
    if _system_style is None:
        _system_style = app.style().name()
    install_invoker()
    return app


def apply_theme(app: QApplication, theme: str) -> None:
    """"system" keeps the platform's palette; "light" and "dark" use Fusion with a fixed palette."""
    if theme == "system":
        if _system_style is not None:
            app.setStyle(QStyleFactory.create(_system_style))
            app.setPalette(app.style().standardPalette())
        return
    global _dark_style
    if theme == "dark":
        _dark_style = OutlinedFusion()
        app.setStyle(_dark_style)
    else:
        app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())


class OutlinedFusion(QProxyStyle):
    """Fusion for the dark theme, with check box and radio button outlines that show.

    Fusion outlines them in the window colour made darker, which on a dark window is darker
    still: an unchecked "Include annotations and corrections" or View → Problems showed
    nothing at all (box 27 on a menu of 31 in lightness). The outline is drawn again in the
    palette's Light shade.
    """

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        indicators = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        if element not in indicators:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(option.palette.color(QPalette.ColorRole.Light))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 1.5, 1.5)
        painter.restore()


def dark_palette() -> QPalette:
    """The dark theme: every role set, the 3-D shades too (Fusion draws check box and frame outlines with
    them, so a light palette's shades made the menus' check boxes vanish), links light enough on black."""
    window, base, button = QColor(37, 38, 41), QColor(27, 28, 30), QColor(45, 46, 50)
    text = QColor(226, 226, 226)
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text, QPalette.ColorRole.Base: base,
        QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: button, QPalette.ColorRole.Light: QColor(92, 94, 100),
        QPalette.ColorRole.Dark: QColor(20, 20, 22), QPalette.ColorRole.Mid: QColor(70, 72, 78),
        QPalette.ColorRole.BrightText: QColor(255, 255, 255),
        QPalette.ColorRole.AlternateBase: QColor(45, 46, 50), QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.Midlight: QColor(80, 82, 88), QPalette.ColorRole.Shadow: QColor(0, 0, 0),
        QPalette.ColorRole.Highlight: QColor(42, 110, 200), QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 150), QPalette.ColorRole.ToolTipBase: button,
        QPalette.ColorRole.ToolTipText: text, QPalette.ColorRole.Link: QColor(120, 180, 255),
        QPalette.ColorRole.LinkVisited: QColor(190, 150, 255),
    }
    for role, colour in roles.items():
        pal.setColor(role, colour)
    disabled = QColor(120, 120, 120)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def remove_translations(app: QApplication) -> None:
    """Back to the untranslated (English) interface."""
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()


def install_translations(app: QApplication, language: str) -> list[str]:
    """Qt's own translations and Broadsheet's for ``language`` ("" = the system locale); the files loaded.

    Windows built after this are in that language (the window's language menu
    stores the choice for the next start).
    """
    remove_translations(app)
    locale = QLocale(language) if language else QLocale.system()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded: list[str] = []
    for name, folder in (("qtbase", qt_dir), ("broadsheet", str(resources.path("translations")))):
        tr = QTranslator(app)
        if Path(folder).is_dir() and tr.load(locale, name, "_", folder):
            app.installTranslator(tr)
            _translators.append(tr)
            loaded.append(tr.filePath())
    log.info("interface language %s: %s", locale.name(), ", ".join(loaded) or "built-in English")
    return loaded


def _show_exception(text: str) -> None:
    """The error dialog: one sentence, the traceback under "Show Details…", a button to copy debug information."""
    window = _window
    if window is not None:
        window.report(text.strip().splitlines()[-1] if text.strip() else "error")
    parent: QWidget | None = window
    box = QMessageBox(QMessageBox.Icon.Critical, "Broadsheet",
                      QCoreApplication.translate("Application",
                                                 "An unexpected error happened. It has been logged; "
                                                 "your library and your annotations are safe."),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("exceptionDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setInformativeText(text.strip().splitlines()[-1] if text.strip() else "")
    box.setDetailedText(text)
    copy = box.addButton(QCoreApplication.translate("Application", "Copy debug information"),
                         QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # an action button would close the box; copying should not
    copy.clicked.connect(lambda: QApplication.clipboard().setText(
        diagnostics.debug_information(str(window.archive.folder) if window is not None and window.archive else "")
        + "\n" + text))
    box.open()


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log an uncaught exception and show it; the application goes on (Ctrl+C still stops it)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    if isinstance(exc, ConnectionLostError):  # the shared library's server went away: said in words, not as a crash
        log.warning("%s", exc)
        if isinstance(QApplication.instance(), QApplication):
            to_main(_connection_lost, exc, text)
        return
    log.critical("uncaught exception:\n%s", text)
    if isinstance(QApplication.instance(), QApplication):
        to_main(_show_exception, text)


def _connection_lost(error: ConnectionLostError, text: str) -> None:
    """What the window was doing failed because the shared library's server cannot be reached: said once, plainly
    (:meth:`Watching.lost`), not in the "unexpected error" dialog; without a window, that dialog."""
    if _window is None:
        _show_exception(text)
    else:
        _window.watching.lost(error)


def thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """An exception that ended a plain thread: logged and shown like one on the GUI thread."""
    if args.exc_type is SystemExit:
        return
    excepthook(args.exc_type, args.exc_value or Exception("unknown"), args.exc_traceback)


def install_excepthooks() -> None:
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook


_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages into the log (and so into the log view), not just onto stderr."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def build_window(settings: Settings | None = None, library: str | Path | None = None,
                 seed: bool = True) -> MainWindow:
    """The main window on ``library`` (or the library :func:`library_location` picks), samples on first run."""
    global _window
    settings = settings or Settings()
    window = MainWindow(settings)
    _window = window
    where = library_location(settings.last_library(), library)
    if library and not window.library.may_make(where):  # ``--library`` names no library, and none is to be made
        where = library_location(settings.last_library(), None)
    opened = window.open_library(where, create=not is_url(str(where)))  # a database with no library: said, not made
    if not opened and window.archive is None and window.library.upgrading is None and not library \
            and is_url(where) and where == settings.last_library():
        # the last library was a shared one and its server cannot be reached now (the open said why in the Problems
        # panel): the researcher's own folder library, so the window is usable
        opened = window.open_library(default_folder())
    if opened and seed and window.archive is not None and needs_samples(window.archive.library):
        window.tasks.import_samples()
    return window


def main(argv: Sequence[str] | None = None, library: str | None = None,
         files: Sequence[str] = ()) -> int:
    """Run the application until its window closes; returns the exit status."""
    t0 = time.perf_counter()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    diagnostics.install()
    qInstallMessageHandler(qt_message_handler)
    app = create_application(argv)
    settings = Settings()
    apply_theme(app, settings.theme())
    install_translations(app, settings.language())
    install_excepthooks()
    window = build_window(settings, library)
    window.show()
    if files:
        def start() -> None:
            window.tasks.import_paths(list(files), open_imported=True)

        if window.library.upgrading is not None:  # the files go in once the library's upgrade is done
            window.library_opened.connect(start, Qt.ConnectionType.SingleShotConnection)
        else:
            QTimer.singleShot(0, start)
    log.info("window shown %.0f ms after start", (time.perf_counter() - t0) * 1000)
    return int(app.exec())
