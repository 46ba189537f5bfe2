"""The Problems dock: errors and warnings of imports and other work, readable and copyable."""

from __future__ import annotations

import time

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from reader.gui.icons import icon


class ProblemsPanel(QWidget):
    """Errors and warnings of imports and other work, readable and copyable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.list = QListWidget(self)
        self.list.setObjectName("problemsList")
        self.list.setAccessibleName(self.tr("Problems"))
        self.list.setWordWrap(True)
        self.copy_button = QPushButton(icon("edit-copy"), self.tr("Copy all"), self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.clear_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)
        self.copy_button.clicked.connect(self.copy)
        self.clear_button.clicked.connect(self.clear)

    def add(self, message: str) -> None:
        self.list.addItem(f"{time.strftime('%H:%M:%S')}  {message}")
        self.list.scrollToBottom()

    def clear(self) -> None:
        """Forget every message (the Clear button; another library opened)."""
        self.list.clear()

    def messages(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def text(self) -> str:
        return "\n".join(self.messages())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
