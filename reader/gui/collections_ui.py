"""Collections in the window: create, fill, empty and delete the named sets of articles of the library pane."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.app.sharing import Visibility
from reader.gui.dialogs import prompts
from reader.gui.messages import error_text
from reader.model.errors import BroadsheetError

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


class Collecting:
    """The collections panel's requests and Annotate → Add to collection…."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window

    def open_entry(self, key: str) -> None:
        """Open a collection entry's article: a piece merged into another article where its words are read now, at
        them; an article an import took away is said gone in the status bar (it raised "there is no article …"
        through an error dialog, seen by eye)."""
        w = self.w
        if w.archive is None:
            return
        at = w.archive.merged_at(key)
        if at is not None:
            w.open_article(at[0], line=(at[1], 0))
            return
        if not w.archive.exists(key):
            w.statusBar().showMessage(w.collections.gone_tip(key), 8000)
            return
        w.open_article(key)

    def fill(self, select: str | None = None) -> None:
        w = self.w
        if w.archive is not None:
            sharing = w.archive.sharing
            w.collections.set_sharing((lambda c: sharing.byline(c.owner, c.visibility)) if sharing.shared else None)
            w.collections.set_collections(w.archive.annotations.collections(), w.headline_of, select,
                                          merged_into=w.archive.merged_into,
                                          merged_name=w.archive.merged_name,
                                          merged_by=w.archive.merged_by)

    def set_visibility(self, name: str, visibility: Visibility) -> None:
        """Who may see the collection ``name`` (its owner's choice; another's is refused in one sentence)."""
        w = self.w
        if w.archive is None:
            return
        try:
            w.archive.annotations.set_collection_visibility(name, visibility)
        except BroadsheetError as e:
            w.report(str(e))
        self.w.annotating.annotations_changed(name)

    def new_collection(self, name: str | None = None) -> str | None:
        if self.w.read_only():
            return None
        w = self.w
        if w.archive is None:
            return None
        if name is None:
            name = prompts.collection_name(w)
            if name is None:
                return None
        try:
            # who may see it: the window's choice for new work (private unless the reader chose otherwise)
            coll = w.archive.annotations.create_collection(name, visibility=w.archive.sharing.new_work)
        except BroadsheetError as e:
            w.report(error_text(e))
            return None
        self.w.annotating.annotations_changed(coll.name)
        return coll.name

    def choose_collection(self) -> None:
        """Annotate → Add to collection…: pick (or name) a collection for the current article."""
        if self.w.read_only():
            return
        w = self.w
        if w.archive is None or w.state.article_id is None:
            return
        # the reader's own collections only: another's, shared with them, is theirs to read, not to change
        names = [c.name for c in w.archive.annotations.collections()
                 if w.archive.sharing.byline(c.owner, c.visibility).editable]
        # the one chosen in the Collections tab first (it offered the first of all — seen by eye)
        name = prompts.pick_collection(w, names, w.collections.current_name())
        if name is not None:
            if name not in names and self.new_collection(name) is None:
                return
            self.add_to_collection(name)

    def add_to_collection(self, name: str) -> None:
        if self.w.read_only():
            return
        w = self.w
        if w.archive is None or w.state.article_id is None:
            return
        article, archive = w.state.article_id, w.archive
        store = archive.annotations
        if article in self._items_of(name):
            said = QCoreApplication.translate("MainWindow", "Already in the collection %1.")
        elif w.push(QCoreApplication.translate("MainWindow", "Add to the collection %1").replace("%1", name),
                    # undone or redone under the id the article has now: an import may have renamed it meanwhile
                    lambda: store.add_to_collection(name, archive.current_key(article)),
                    lambda: store.remove_from_collection(name, archive.current_key(article)),
                    lambda: w.annotating.annotations_changed(name)):
            said = QCoreApplication.translate("MainWindow", "Added to the collection %1.")
        else:
            return
        w.statusBar().showMessage(said.replace("%1", name), 4000)

    def _items_of(self, name: str) -> list[str]:
        """The articles of the reader's collection ``name`` (none when there is no such collection)."""
        w = self.w
        try:
            return w.archive.annotations.collection(name).items if w.archive is not None else []
        except BroadsheetError:
            return []

    def remove_from_collection(self, name: str, article_id: str) -> None:
        """Take an article out of a collection, as an undoable command (Undo puts it back where it stood: the
        removal asked nothing and could not be undone — a click lost the reader's choice, seen by eye)."""
        if self.w.read_only():
            return
        w = self.w
        if w.archive is None:
            return
        archive = w.archive
        store = archive.annotations
        items = self._items_of(name)
        if article_id not in items:
            return
        at = items.index(article_id)
        w.push(QCoreApplication.translate("MainWindow", "Remove from the collection %1").replace("%1", name),
               lambda: store.remove_from_collection(name, archive.current_key(article_id)),
               lambda: store.add_to_collection(name, archive.current_key(article_id), position=at),
               lambda: w.annotating.annotations_changed(name))

    def rename_collection(self, name: str, new: str | None = None) -> None:
        """Rename one of the reader's collections (asked, unless ``new`` is given), as an undoable command; a name
        taken is refused in a sentence (a collection could not be renamed at all: seen by eye)."""
        if self.w.read_only():
            return
        w = self.w
        if w.archive is None:
            return
        if new is None:
            new = prompts.new_collection_name(w, name)
        if new is None or " ".join(new.split()) == name:
            return
        new = " ".join(new.split())
        store = w.archive.annotations
        if w.push(QCoreApplication.translate("MainWindow", "Rename the collection %1").replace("%1", name),
                  lambda: store.rename_collection(name, new),
                  lambda: store.rename_collection(new, name),
                  lambda: w.annotating.annotations_changed(new if self._exists(new) else name)):
            w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Renamed the collection %1 to %2.")
                                      .replace("%1", name).replace("%2", new), 4000)

    def _exists(self, name: str) -> bool:
        w = self.w
        return w.archive is not None and any(c.name == name for c in w.archive.annotations.collections())

    def delete_collection(self, name: str) -> None:
        """Delete one of the reader's collections as an undoable command: Undo gives it back whole — its entries in
        their order (under the ids their articles have then), its description, its date, who may see it. (Deleted
        outright, it could not be undone, and the history's steps that had filled it failed on "no collection named
        …": seen by eye.)"""
        if self.w.read_only():
            return
        w = self.w
        if w.archive is None or not prompts.confirm_delete_collection(w, name):
            return
        archive = w.archive
        store = archive.annotations
        try:
            kept = store.collection(name)  # the reader's own (another's, shared with them, the store refuses to delete)
        except BroadsheetError as e:
            w.report(error_text(e))
            return
        w.push(QCoreApplication.translate("MainWindow", "Delete the collection %1").replace("%1", name),
               lambda: store.delete_collection(name),
               lambda: store.save_collection(dataclasses.replace(
                   kept, items=[archive.current_key(key) for key in kept.items])),
               lambda: w.annotating.annotations_changed(name))
