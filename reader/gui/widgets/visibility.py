"""Who may see a piece of work, as the window shows and asks it: the choice (private, group, public) and
the line beside a note or a collection naming its owner (:mod:`reader.app.sharing` decides; this presents)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from reader.app.sharing import Byline, Visibility


def visibility_label(v: Visibility) -> str:
    """The visibility's name in the window's language."""
    names = {Visibility.PRIVATE: QCoreApplication.translate("Sharing", "Private (only me)"),
             Visibility.GROUP: QCoreApplication.translate("Sharing", "My group"),
             Visibility.PUBLIC: QCoreApplication.translate("Sharing", "Everyone (public)")}
    return names[v]


def byline_text(b: Byline) -> str:
    """"by bob · my group" for another's work, "shared: everyone" for the reader's own shared work, else ""."""
    if b.owner:
        return QCoreApplication.translate("Sharing", "by %1 · %2").replace("%1", b.owner) \
            .replace("%2", visibility_label(b.visibility))
    if b.shown:
        return QCoreApplication.translate("Sharing", "shared: %1").replace("%1", visibility_label(b.visibility))
    return ""


class VisibilityCombo(QComboBox):
    """Private, group or public; the chosen one is :meth:`value`."""

    def __init__(self, value: Visibility = Visibility.PRIVATE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("Sharing", "Who may see it"))
        self.setToolTip(QCoreApplication.translate(
            "Sharing", "Who may see it besides you: only you, the members of your group, or everyone "
                       "who can open this library"))
        for v in Visibility:
            self.addItem(visibility_label(v), v.value)
        self.set_value(value)

    def value(self) -> Visibility:
        return Visibility(str(self.currentData()))

    def set_value(self, value: Visibility) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(value.value)))
        self.blockSignals(False)
