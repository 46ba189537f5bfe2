"""The window's small questions: a collection's name, which collection, a confirmation, a corrected text.

Each is one call of a Qt standard dialog (QInputDialog, QMessageBox) looked up
when asked, so a test can answer by replacing the Qt class's method; each
returns the answer, or None when the user cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from reader.app.reading import StoredScript
from reader.gui.settings import SCRIPTS


def collection_name(parent: QWidget) -> str | None:
    """The name of a new collection."""
    # the label sets the dialog's width: a short one cut the title ("New collection — Broadsheet")
    name, ok = QInputDialog.getText(parent, QCoreApplication.translate("MainWindow", "New collection"),
                                    QCoreApplication.translate(
                                        "MainWindow", "Name of the new collection (a set of articles you choose):"))
    return name if ok else None


def new_collection_name(parent: QWidget, name: str) -> str | None:
    """The new name of the collection ``name`` (offered as it is, selected)."""
    new, ok = QInputDialog.getText(parent, QCoreApplication.translate("MainWindow", "Rename collection"),
                                   QCoreApplication.translate("MainWindow", "New name of the collection %1:")
                                   .replace("%1", name), text=name)
    return new if ok and new.strip() else None


def pick_collection(parent: QWidget, names: Sequence[str], chosen: str = "") -> str | None:
    """A collection to add the current article to: one of ``names`` (``chosen`` offered first), or a new name."""
    first = list(names).index(chosen) if chosen in names else 0
    name, ok = QInputDialog.getItem(parent, QCoreApplication.translate("MainWindow", "Add to collection"),
                                    QCoreApplication.translate("MainWindow",
                                                               "Collection (pick one, or type a new name):"),
                                    list(names), first, True)
    return name if ok and name.strip() else None


def pick_article(parent: QWidget, headlines: Sequence[str], offered: int = 0) -> int | None:
    """Which of the articles listed (``headlines``, in the list's order; ``offered`` first) a paragraph goes to:
    its index."""
    labels = [f"{n}. {h}" for n, h in enumerate(headlines, 1)]  # numbered: two may share a headline
    label, ok = QInputDialog.getItem(parent, QCoreApplication.translate("MainWindow", "Move paragraph"),
                                     QCoreApplication.translate(
                                         "MainWindow", "Move the paragraph to the end of the article:"),
                                     labels, max(0, min(offered, len(labels) - 1)), False)
    return labels.index(label) if ok and label in labels else None


def confirm_new_library(parent: QWidget, folder: str) -> bool:
    """Whether to make a new, empty library in ``folder``, which holds none (a folder chosen by mistake made one
    without a word)."""
    answer = QMessageBox.question(parent, QCoreApplication.translate("MainWindow", "New library"),
                                  QCoreApplication.translate(
                                      "MainWindow", "There is no library in %1. Make a new, empty library there?")
                                  .replace("%1", folder))
    return answer == QMessageBox.StandardButton.Yes


def confirm_delete_collection(parent: QWidget, name: str) -> bool:
    """Whether to delete the collection ``name`` (its articles stay in the library)."""
    answer = QMessageBox.question(parent, QCoreApplication.translate("MainWindow", "Delete collection"),
                                  QCoreApplication.translate(
                                      "MainWindow", "Delete the collection %1? Its articles stay in the library.")
                                  .replace("%1", name))
    return answer == QMessageBox.StandardButton.Yes


def corrected_text(parent: QWidget, original: str, ocr: str | None = None,
                   stored: StoredScript | None = None, by: str = "") -> str | None:
    """The corrected reading of ``original`` (OCR text within one paragraph, as stored: in the source's script);
    ``ocr``: what the OCR read there, named when it differs (``original`` is a correction, corrected again); ``by``:
    the colleagues who made it (a shared library), named — "you corrected" was said of a colleague's correction —,
    the reader's own stored over it; ``stored``: the view shows the article in another script — said plainly, the
    correction being stored in the source's (:func:`reader.app.reading.stored_script`)."""
    if ocr is not None and ocr != original and by:
        label = QCoreApplication.translate(
            "MainWindow", "Corrected text (%2 corrected the OCR's “%1”; what you type is stored as your correction "
                          "over it, theirs and the original are kept):").replace("%1", ocr).replace("%2", by)
    elif ocr is not None and ocr != original:
        label = QCoreApplication.translate(
            "MainWindow", "Corrected text (you corrected the OCR's “%1”; the original is kept):").replace("%1", ocr)
    else:
        label = QCoreApplication.translate("MainWindow", "Corrected text (the original is kept):")
    if stored is not None:
        script = (QCoreApplication.translate("MainWindow", "simplified characters (简体)")
                  if stored.stored == "simplified"
                  else QCoreApplication.translate("MainWindow", "traditional characters (繁體)"))
        shown = dict(SCRIPTS).get(stored.shown, stored.shown)
        label = QCoreApplication.translate(
            "MainWindow", "Stored as the source prints it, in %1 — not in %2, the script you are reading it in. "
                          "Type the correction in %1.").replace("%1", script).replace("%2", shown) + "\n" + label
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("MainWindow", "Correct OCR text"), label,
                                    text=original)
    return text if ok else None


def store_which(parent: QWidget, typed: str, converted: str, stored: StoredScript) -> str | None:
    """What to store of a correction typed in the script the article is read in, not the source's: ``converted``
    (what the reader typed taken back to the source's script, :func:`reader.app.reading.stored_form`; the default),
    ``typed`` as it is, or None (cancelled). Asked, never done silently: a conversion can be wrong (t2s makes 乾 干)."""
    script = (QCoreApplication.translate("MainWindow", "simplified characters (简体)") if stored.stored == "simplified"
              else QCoreApplication.translate("MainWindow", "traditional characters (繁體)"))
    shown = dict(SCRIPTS).get(stored.shown, stored.shown)
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("MainWindow", "Correct OCR text"),
                      QCoreApplication.translate(
                          "MainWindow", "You typed “%1” as you read it, in %2; the source prints this article in %3. "
                                        "Store “%4”, in the source's script?")
                      .replace("%1", typed).replace("%2", shown).replace("%3", script).replace("%4", converted),
                      QMessageBox.StandardButton.Cancel, parent)
    as_source = box.addButton(QCoreApplication.translate("MainWindow", "Store “%1”").replace("%1", converted),
                              QMessageBox.ButtonRole.AcceptRole)
    as_typed = box.addButton(QCoreApplication.translate("MainWindow", "Store as typed"),
                             QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(as_source)
    box.exec()
    clicked = box.clickedButton()
    return converted if clicked is as_source else typed if clicked is as_typed else None


def confirm(parent: QWidget, title: str, question: str) -> bool:
    """A yes/no question (No by default)."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, question, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
