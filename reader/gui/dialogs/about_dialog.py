"""Help → About: what Broadsheet is, the versions of its parts, and the sample data's attributions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader import resources
from reader.gui.diagnostics import component_versions


def about_text() -> str:
    """Markdown: what Broadsheet is, the versions of its parts, and the sample data's attributions."""
    tagline = QCoreApplication.translate("MainWindow", "A reader for archives of OCR’d newspapers.")
    heading = QCoreApplication.translate("MainWindow", "Versions")
    lines = [f"**Broadsheet** — {tagline}", "", f"### {heading}", ""]
    lines += [f"- {name} {version}" for name, version in component_versions()]
    attribution = ""
    path = resources.path("samples", "ATTRIBUTION.md")
    if path.is_file():
        attribution = path.read_text(encoding="utf-8")
    return "\n".join(lines) + "\n\n" + attribution


class AboutDialog(QDialog):
    """Versions and data attributions, with a button copying the debug information."""

    def __init__(self, copy_debug_information: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "About Broadsheet"))
        self.text = QTextBrowser(self)
        self.text.setObjectName("aboutText")
        self.text.setOpenExternalLinks(True)
        self.text.setMarkdown(about_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(QCoreApplication.translate("MainWindow", "Copy debug information"),
                                 QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: copy_debug_information())
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        self.resize(680, 560)
