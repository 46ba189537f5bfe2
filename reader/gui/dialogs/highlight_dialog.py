"""Note and tags of a highlight or an article note, with completion from the tags already in use."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.annotations.store import normalize_tags
from reader.app.sharing import Visibility
from reader.gui.widgets.visibility import VisibilityCombo
from reader.model import graphemes


class TagCompleter(QCompleter):
    """Completes the tag being typed in a comma-separated list of tags."""

    def __init__(self, tags: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(list(tags), self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(5)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        return [path.replace("，", ",").split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 - Qt's name
        widget = self.widget()
        current = widget.text() if isinstance(widget, QLineEdit) else ""
        done = [t.strip() for t in current.replace("，", ",").split(",")[:-1] if t.strip()]
        return ", ".join(done + [str(index.data())]) + ", "


def split_tags(text: str) -> list[str]:
    """Tags typed as a comma-separated list (ASCII or full-width commas)."""
    return normalize_tags(text.replace("，", ",").split(","))


class HighlightDialog(QDialog):
    """Note and tags of a highlight (or an article note), the quote shown above them."""

    def __init__(self, quote: str, note: str = "", tags: Sequence[str] = (), known_tags: Sequence[str] = (),
                 title: str = "", parent: QWidget | None = None, visibility: Visibility | None = None,
                 yours: str = "") -> None:
        """``visibility``: in a shared library, who may see it (asked, starting at that); None: not asked.
        ``yours``: the reader's own text, not saved (the note was changed elsewhere while they typed it and they chose
        not to write it over the other): shown under the note, read-only and selectable, to be merged in."""
        super().__init__(parent)
        self.setObjectName("highlightDialog")
        self.setWindowTitle(title or self.tr("Highlight"))
        self.quote = QLabel(self)
        self.quote.setObjectName("highlightQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setText(f"“{graphemes.clip(quote, 400)}”" if quote else "")
        self.quote.setVisible(bool(quote))
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("highlightNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlainText(note)
        self.note.setTabChangesFocus(True)
        self.tags = QLineEdit(self)
        self.tags.setObjectName("highlightTags")
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        self.tags.setText(", ".join(tags))
        self.completer = TagCompleter(known_tags, self)
        self.tags.setCompleter(self.completer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons = buttons
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():  # no keyboard focus: see the tab order below
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        form = QFormLayout()
        # the note first, where the focus is, the tags under it: with the tags above and the focus in the note below
        # them, a reader typing top-down typed their tag into the note and their note into the tags (seen by eye,
        # eye48: "jbtag", Tab, "Note A…" stored a tag "Note A…"); the tags' completion list, dropping over the note,
        # swallowed the click meant for it. The list drops from the tags towards the buttons: it is kept narrower
        # than the room left of them (:meth:`_fit_completion`), never over OK and Cancel
        form.addRow(self.tr("&Note:"), self.note)
        self.yours: QPlainTextEdit | None = None
        if yours:
            self.yours = QPlainTextEdit(self)
            self.yours.setObjectName("highlightYours")
            self.yours.setReadOnly(True)
            self.yours.setPlainText(yours)
            self.yours.setTabChangesFocus(True)
            self.yours.setAccessibleName(self.tr("Your text, not saved"))
            form.addRow(self.tr("Your text, not saved\n(also on the clipboard):"), self.yours)
        form.addRow(self.tr("&Tags:"), self.tags)
        self.visibility: VisibilityCombo | None = None
        if visibility is not None:
            self.visibility = VisibilityCombo(visibility, self)
            self.visibility.setObjectName("highlightVisibility")
            form.addRow(self.tr("&Visible to:"), self.visibility)
        lay = QVBoxLayout(self)
        lay.addWidget(self.quote)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.resize(460, 420 if yours else 300)
        # Tab goes down the form and round it, inputs only; the note, what is typed most, first and with the focus;
        # Ctrl+Enter in it is OK (Enter starts a new line), Escape is Cancel — seen by eye: Tab went from the note up
        # to the tags, and Ctrl+Enter did nothing; then Tab went from the note to OK, and the space typed next
        # accepted a half-written note. The buttons take no keyboard focus, so no stray key presses one (a click
        # still does).
        QWidget.setTabOrder(self.note, self.tags)
        QWidget.setTabOrder(self.tags, self.visibility if self.visibility is not None else buttons)
        self.note.installEventFilter(self)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_completion()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit_completion()

    def _fit_completion(self) -> None:
        """The tags' completion list no wider than the room between the tags' left edge and the first button."""
        shown = [b for b in self.buttons.buttons() if b.isVisible()]
        popup = self.completer.popup()
        if not shown or popup is None:
            return
        left = self.tags.mapTo(self, QPoint(0, 0)).x()
        first = min(b.mapTo(self, QPoint(0, 0)).x() for b in shown)
        popup.setMaximumWidth(max(120, min(self.tags.width(), first - left - 8)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Ctrl+Enter in the note accepts the dialog."""
        if watched is self.note and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def values(self) -> tuple[str, list[str]]:
        """(note, tags) as typed."""
        return self.note.toPlainText().strip(), split_tags(self.tags.text())

    def chosen_visibility(self) -> Visibility | None:
        """Who may see it, as chosen (None when it was not asked: a library folder)."""
        return self.visibility.value() if self.visibility is not None else None
