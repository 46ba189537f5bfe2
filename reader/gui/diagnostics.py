"""The application's log kept in memory, and the debug information a user pastes into a problem report.

:class:`RingHandler` is a logging handler holding the most recent records (a
ring buffer, so a long session cannot grow it without bound); it is attached
to the root logger once (:func:`install`). Records from any thread reach the
log view (:mod:`reader.gui.widgets.log_view`) through a queued Qt signal.
:func:`debug_information` is the text of Help → Copy debug information:
versions, platform, the library folder and the recent log lines.
"""

from __future__ import annotations

import contextlib
import logging
import platform
import sys
import threading
from collections import deque
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Signal, qVersion
from PySide6.QtGui import QGuiApplication

from reader import __version__

#: records kept for the log view and the debug information
CAPACITY = 2000
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

#: distributions whose versions About and the debug information name: (label, distribution names to try)
COMPONENTS = (
    ("OpenCC", ("opencc", "OpenCC", "opencc-python-reimplemented")),
    ("lxml", ("lxml",)),
    ("Whoosh", ("whoosh-reloaded", "Whoosh", "whoosh")),
    ("Pillow", ("Pillow",)),
)


class _Bridge(QObject):
    record = Signal(str, int)


class RingHandler(logging.Handler):
    """Keeps the last :data:`CAPACITY` formatted records and announces each new one."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        super().__init__(logging.DEBUG)
        self.lines: deque[tuple[int, str]] = deque(maxlen=capacity)
        self._lock_lines = threading.Lock()
        self.bridge = _Bridge()
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # a broken record must not break the program logging it
            self.handleError(record)
            return
        with self._lock_lines:
            self.lines.append((record.levelno, text))
        with contextlib.suppress(RuntimeError):  # the bridge is gone while the interpreter shuts down
            self.bridge.record.emit(text, record.levelno)

    def recent(self, n: int = 200, level: int = logging.NOTSET) -> list[str]:
        with self._lock_lines:
            return [t for lv, t in self.lines if lv >= level][-n:]


_handler: RingHandler | None = None


def install() -> RingHandler:
    """The ring handler on the root logger (created once); INFO and above are recorded."""
    global _handler
    if _handler is None:
        _handler = RingHandler()
        _handler.setLevel(logging.INFO)
        root = logging.getLogger()
        root.addHandler(_handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
    return _handler


def component_versions() -> list[tuple[str, str]]:
    """(name, version) of Broadsheet, Python, Qt, PySide6 and the libraries doing the work."""
    out = [("Broadsheet", __version__), ("Python", platform.python_version()), ("Qt", qVersion()),
           ("PySide6", pyside_version)]
    for label, names in COMPONENTS:
        version = ""
        for name in names:
            try:
                version = metadata.version(name)
                break
            except metadata.PackageNotFoundError:
                continue
        out.append((label, version or QCoreApplication.translate("LogView", "not installed")))
    return out


def debug_information(library: str = "", lines: int = 100) -> str:
    """Versions, platform, the library folder and the recent log lines, for a problem report."""
    parts = ["Broadsheet debug information", ""]
    parts += [f"{name}: {version}" for name, version in component_versions()]
    parts += [f"Platform: {platform.platform()}", f"Executable: {sys.executable}",
              f"Qt platform: {QGuiApplication.platformName()}", f"Library: {library or '-'}", "",
              f"Recent log ({lines} lines at most):"]
    parts += install().recent(lines)
    return "\n".join(parts) + "\n"
