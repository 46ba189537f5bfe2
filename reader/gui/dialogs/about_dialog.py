"""Help → About: what Broadsheet is, the versions of its parts, and the sample data's attributions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader import resources
from reader.gui.diagnostics import component_versions

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - PySide6's stub returns object
        ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP  # lupdate reads the sample table's words through this name


def about_text() -> str:
    """Markdown: what Broadsheet is, the versions of its parts, and the sample data's attributions."""
    tagline = QCoreApplication.translate("MainWindow", "A reader for archives of OCR’d newspapers.")
    heading = QCoreApplication.translate("MainWindow", "Versions")
    lines = [f"**Broadsheet** — {tagline}", "", f"### {heading}", ""]
    lines += [f"- {name} {version}" for name, version in component_versions()]
    attribution = ""
    path = resources.path("samples", "ATTRIBUTION.md")
    if path.is_file():
        attribution = translate_attribution(path.read_text(encoding="utf-8"))
    return "\n".join(lines) + "\n\n" + attribution


#: the sample table's words, translated in the "About" context (the attributions' names stay as written)
_ABOUT_WORDS = (
    QT_TRANSLATE_NOOP("About", "The bundled sample archive"),
    QT_TRANSLATE_NOOP("About", "Broadsheet opens on a small library built from these files the first time it starts."),
    QT_TRANSLATE_NOOP("About", "folder / file"), QT_TRANSLATE_NOOP("About", "what it is"),
    QT_TRANSLATE_NOOP("About", "source"), QT_TRANSLATE_NOOP("About", "licence / attribution"),
    QT_TRANSLATE_NOOP("About", "人民日报 (People's Daily), a page of 2021-01-27 as plain OCR text (a PDF text dump)"),
    QT_TRANSLATE_NOOP("About", "the project's shared samples"),
    QT_TRANSLATE_NOOP("About", "news text of a public newspaper, used as a research sample"),
    QT_TRANSLATE_NOOP("About", "*Luxemburger Zeitung – Journal de Luxembourg*, 1858-12-07, a 4-page METS/ALTO issue"),
    QT_TRANSLATE_NOOP("About", "public domain (BnL releases these as CC0)"),
    QT_TRANSLATE_NOOP("About", "晶報 Jing bao (The Crystal), no. 3795, 1939-04-21, pages 2–3 (one folded sheet), "
                               "vertical text"),
    QT_TRANSLATE_NOOP("About", "Kant, „Beantwortung der Frage: Was ist Aufklärung?“, *Berlinische Monatsschrift*, "
                               "December 1784, p. 484: PAGE-XML ground truth with its JPEG 2000 scan "
                               "(`INPUT_0020.jp2` upstream, renamed after the XML so the importer pairs them)"),
    QT_TRANSLATE_NOOP("About", "no licence stated upstream; OCR-D ground truth"),
    QT_TRANSLATE_NOOP("About", "The `.meta.json` files beside two sources give the publication and date the files "
                               "themselves do not state. Apart from that one file name, nothing here was changed "
                               "from the upstream files."),
)


def translate_attribution(markdown: str) -> str:
    """The samples' attribution (Markdown) in the interface's language: headings, paragraphs and table cells."""
    out: list[str] = []
    for para in markdown.strip().split("\n\n"):
        lines = para.splitlines()
        if lines and lines[0].startswith("|"):
            for line in lines:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                out.append("| " + " | ".join(QCoreApplication.translate("About", c) if c else c
                                             for c in cells) + " |")
        elif lines and lines[0].startswith("#"):
            level, _, title = lines[0].partition(" ")
            level = "#" * max(3, len(level))  # the file's title is a section of the dialog, like "Versions"
            out.append(f"{level} {QCoreApplication.translate('About', title)}")
        else:
            out.append(QCoreApplication.translate("About", " ".join(line.strip() for line in lines)))
        out.append("")
    return "\n".join(out)


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
