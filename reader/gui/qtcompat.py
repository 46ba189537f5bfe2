"""Work around a reference-counting bug of PySide6 6.12 on CPython 3.11 and older.

Measured here (PySide6-Essentials 6.12.0, CPython 3.11.7): every call of a
Qt method that returns nothing (``QLabel.setText``, ``QPainter.save`` …)
drops one reference to ``None``, and ``Signal.emit`` drops one to ``True``,
as if those objects were immortal, which they are only from CPython 3.12 on
(PEP 683). After a few thousand calls CPython aborts with "none_dealloc:
deallocating None". The objects are static singletons that are never freed,
so giving them a very large reference count, as CPython 3.12 does, is
harmless and removes the crash. Nothing is done on CPython 3.12 or later.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

#: What CPython 3.12 gives immortal objects is about 2**32; 2**40 calls will never happen.
_BALLAST = 1 << 40
_applied = False


def leaks_singletons() -> bool:
    """True when this PySide6 drops references to None (checked, not guessed from versions)."""
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def protect_singletons() -> bool:
    """Make None, True and False effectively immortal when this PySide6 needs it; True if applied."""
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return _applied
    if not leaks_singletons():
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BALLAST
    _applied = True
    log.info("PySide6 drops references to None/True/False on this Python: made them immortal as CPython 3.12 does")
    return True
