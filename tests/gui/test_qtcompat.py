"""The PySide6 reference-count workaround: thousands of Qt calls must not free None, True or False."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from reader.gui import qtcompat


class _Emitter(QObject):
    fired = Signal(int)


def test_many_void_calls_and_emits_leave_the_singletons_alive(qtbot) -> None:  # noqa: ANN001
    label = QLabel()
    emitter = _Emitter()
    got: list[int] = []
    emitter.fired.connect(got.append)
    for i in range(20000):  # without the workaround CPython 3.11 aborts long before this ends
        label.setText("x")
        emitter.fired.emit(i)
    assert len(got) == 20000
    assert sys.getrefcount(None) > 1000 and sys.getrefcount(True) > 100
    if qtcompat.leaks_singletons():
        assert qtcompat.protect_singletons() and sys.getrefcount(None) > 1 << 39
