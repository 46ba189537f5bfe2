"""The log dock: the application's recent log records, a level filter, copy and clear.

The records come from :class:`reader.gui.diagnostics.RingHandler` through a queued Qt signal.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from reader.gui.diagnostics import CAPACITY, RingHandler, install


class LogView(QWidget):
    """The log dock: recent records, a level filter, copy and clear."""

    LEVELS = ((logging.DEBUG, "DEBUG"), (logging.INFO, "INFO"), (logging.WARNING, "WARNING"),
              (logging.ERROR, "ERROR"))

    def __init__(self, handler: RingHandler | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logView")
        self.handler = handler or install()
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("logText")
        self.text.setAccessibleName(self.tr("Log"))
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(CAPACITY)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.level = QComboBox(self)
        self.level.setObjectName("logLevel")
        self.level.setAccessibleName(self.tr("Least level shown"))
        for value, name in self.LEVELS:
            self.level.addItem(name, value)
        self.level.setCurrentIndex(1)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        row = QHBoxLayout()
        row.addWidget(self.level)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addWidget(self.clear_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.text, 1)
        lay.addLayout(row)
        self.handler.bridge.record.connect(self.append)
        self.level.currentIndexChanged.connect(lambda _i: self.reload())
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.clear_button.clicked.connect(self.text.clear)
        self.reload()

    def minimum_level(self) -> int:
        return int(self.level.currentData())

    def reload(self) -> None:
        self.text.setPlainText("\n".join(self.handler.recent(CAPACITY, self.minimum_level())))
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def append(self, text: str, level: int) -> None:
        if level >= self.minimum_level():
            self.text.appendPlainText(text)

    def lines(self) -> list[str]:
        return self.text.toPlainText().splitlines()

    def detach(self) -> None:
        """Stop receiving records (the window is closing)."""
        with contextlib.suppress(RuntimeError, TypeError):
            self.handler.bridge.record.disconnect(self.append)
