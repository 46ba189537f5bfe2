"""Opening libraries in the window: File → Open library… (a folder), Open shared library… (PostgreSQL), the
recent libraries, and reloading after an import."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMenu, QProgressDialog, QTreeWidgetItem

from reader.annotations.store import Annotation
from reader.app.archive import Archive
from reader.app.samples import decline_samples
from reader.gui.actions import set_writable
from reader.gui.dialogs import prompts
from reader.gui.messages import error_text
from reader.gui.widgets.library_tree import ROLE_ID, ROLE_KIND
from reader.gui.workers import run_task
from reader.library.catalogue import CATALOGUE, is_url
from reader.library.changes import CATALOGUE_CHANGES
from reader.model.errors import BroadsheetError

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


class LibraryUi:
    """Opens a library into the window's views and keeps File → Recent libraries."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.recent_menu: QMenu | None = None
        #: the progress dialog of a library being upgraded in the background, while it lasts
        self.upgrading: QProgressDialog | None = None
        #: folders the reader said yes to making an empty library in (:meth:`may_make`)
        self._asked_empty: set[Path] = set()
        window.tree.currentItemChanged.connect(lambda item, _prev: self.publication_clicked(item))

    def publication_clicked(self, item: QTreeWidgetItem | None) -> None:
        """A publication clicked in the tree: its issues unfold and its first issue is shown."""
        if item is None or item.data(0, ROLE_KIND) != "publication":
            return
        item.setExpanded(True)
        pending = [item.child(i) for i in range(item.childCount())]
        while pending:
            child = pending.pop(0)
            if child is None:
                continue
            if child.data(0, ROLE_KIND) == "issue":
                self.w.tree.select("issue", int(child.data(0, ROLE_ID)))
                return
            pending[:0] = [child.child(i) for i in range(child.childCount())]

    def open_library(self, folder: str | Path, create: bool = True) -> bool:
        """Open (or create) the library in ``folder``; False with a message when it cannot be, and False when
        it opens in the background: a library of an older version whose upgrade rewrites every article (minutes
        for a large one) is upgraded on a worker thread under a progress dialog, so the window never freezes."""
        if self.w.tasks.task is not None and self.w.archive is not None:
            # the running import (or reindex) writes into the open library: closing it under the worker lost what it
            # had read, and the imports waiting their turn went into the library opened instead
            #: another library asked for while an import or a reindex runs in the open one (%1: its folder)
            self.w.report(QCoreApplication.translate(
                "MainWindow", "%1 was not opened: a task is running in this library. Cancel it (the button in the "
                              "status bar) or let it end, then open the other library.").replace("%1", str(folder)))
            return False
        if Archive.needs_long_upgrade(folder):
            self._upgrade_then_open(folder, create)
            return False
        try:
            archive = Archive.open(folder, create=create)
        except (BroadsheetError, OSError) as e:
            self.w.report(error_text(e))
            return False
        if not is_url(str(folder)) and Path(folder).expanduser().resolve() in self._asked_empty:
            decline_samples(archive.library)
        self.set_archive(archive)
        return True

    def _upgrade_then_open(self, folder: str | Path, create: bool) -> None:
        """The upgrade runs in one transaction (an interruption leaves the library as it was), so the dialog
        offers no Cancel; the window stays drawn and answers while it runs."""
        dialog = QProgressDialog("", "", 0, 0, self.w)
        label = QLabel(QCoreApplication.translate(
            "MainWindow", "Updating the library {0} for this version of Broadsheet. This happens once and "
            "can take some minutes for a large library; nothing in it is lost, and if it is interrupted "
            "the library stays as it was.").format(folder))
        label.setWordWrap(True)  # one line was wider than the screen for a long folder or a database's address
        dialog.setLabel(label)
        dialog.setMinimumWidth(min(560, self.w.width()))
        dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Updating the library"))
        dialog.setCancelButton(None)  # no Cancel: the upgrade is one transaction
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        self.upgrading = dialog

        def done(archive: Archive) -> None:
            dialog.close()
            self.upgrading = None
            self.set_archive(archive)

        def failed(e: BaseException) -> None:
            dialog.close()
            self.upgrading = None
            self.w.report(error_text(e))

        run_task(Archive.open, folder, create=create, name="upgrade library", on_result=done, on_error=failed)

    def set_archive(self, archive: Archive) -> None:
        w = self.w
        if w.archive is not None and w.archive is not archive:
            w.navigation.remember_place()
            w.archive.close()
            # its problems go with it (seen by the by-eye tester: the Problems panel listed the last library's
            # messages beside the one opened); a library that cannot be opened never gets here
            w.problems.clear()
        w.archive = archive
        w.settings.add_recent_library(archive.location)  # a folder, or a shared library's URL (no password)
        self.fill_recent()
        # Qt adds " — Broadsheet", the application's display name
        w.setWindowTitle(archive.location if not archive.read_only else QCoreApplication.translate(
            "MainWindow", "%1 (read-only)").replace("%1", archive.location))
        set_writable(w.action_map, not archive.read_only)
        w.notes.set_writable(not archive.read_only)
        w.collections.set_writable(not archive.read_only)
        if archive.read_only:  # seen by eye: a note typed in a read-only library was lost
            w.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "This library is read-only here: you can read, search and export it; notes, "
                "corrections and imports cannot be saved in it."), 15000)
        w.state.clear()
        w.navigation.show_nothing()  # nothing of the library closed stays on screen, whatever this one shows
        w.tree.set_archive(archive)
        self.fill_search_filters()
        w.undo_stack.clear()
        w.notes.set_source(archive.find_annotations, w.headline_of, archive.tag_names(), archive.reader_key,
                           lambda found: quotes_shown(w, archive, found))
        w.notes.set_sharing(w.annotating.byline, archive.sharing.new_work if archive.sharing.shared else None)
        w.notes.refresh_library()
        w.collecting.fill()
        w.library_opened.emit(archive.location)
        w.searching.prepare(archive)
        if not w.navigation.restore_place():  # back where the reader was; else the first page
            first = w.tree.first_page()
            if first is not None:
                w.tree.select("page", first[0], first[1])
        w.navigation.update_position()
        # a colleague's import (the shared library's owner) orphaned or moved the reader's notes: said once, in the
        # Problems panel, as after the reader's own import
        archive.work = archive.told_news()
        w.tasks.report_work()
        keep_out_of_collections()

    def reload_library(self) -> None:
        """After an import: the tree, lists and names are refreshed; the reader stays where they are."""
        w = self.w
        if w.archive is None:
            return
        w.archive.watch.acknowledge(CATALOGUE_CHANGES)  # before reading: an import after it is the next look's news
        w.archive.refresh()
        w.searching.prepare(w.archive)
        w.tree.reload()
        w.notes.forget_names()
        w.annotating.annotations_changed()
        self.fill_search_filters()
        w.studies.library_changed()
        if w.state.page_id is None:
            first = w.tree.first_page()
            if first is not None:
                w.tree.select("page", first[0], first[1])

    def fill_search_filters(self) -> None:
        """The search panel's publications and the library's first and last dates (its date placeholders)."""
        w = self.w
        if w.archive is None:
            return
        w.search.set_publications([p.name for p in w.archive.publications()])
        dates = sorted(i.date for i in w.archive.issues() if i.date)
        w.search.set_date_range(dates[0] if dates else None, dates[-1] if dates else None)

    def choose_library(self) -> None:
        w = self.w
        folder = QFileDialog.getExistingDirectory(w, QCoreApplication.translate(
            "MainWindow", "Open or create a library folder"), str(w.archive.folder.parent) if w.archive else "")
        if folder and self.may_make(folder):
            self.open_library(folder)

    def may_make(self, folder: str | Path) -> bool:
        """Whether ``folder`` may be opened with a library made there: it holds one, or the reader said yes to
        making one (a folder chosen by mistake, a mistyped ``--library``, made an empty library without a word)."""
        if is_url(str(folder)) or (Path(folder) / CATALOGUE).exists():
            return True
        if not prompts.confirm_new_library(self.w, str(Path(folder).expanduser())):
            return False
        self._asked_empty.add(Path(folder).expanduser().resolve())  # made empty, never filled with the samples
        return True

    def choose_shared_library(self) -> None:
        """File → Open shared library…: a library kept in PostgreSQL, by its URL (the password, if the
        server asks for one, comes from ~/.pgpass or PGPASSWORD, never from the recent list)."""
        w = self.w
        last = next((r for r in w.settings.recent_libraries() if is_url(r)), "postgresql://")
        url, ok = QInputDialog.getText(
            w, QCoreApplication.translate("MainWindow", "Open shared library"),
            QCoreApplication.translate("MainWindow", "PostgreSQL address (postgresql://user@host/database):"),
            text=last)
        url = url.strip()
        if not ok or url in ("", "postgresql://"):
            return
        if not is_url(url):
            w.report(QCoreApplication.translate(
                "MainWindow", "{url}: a shared library's address begins with postgresql://").format(url=url))
            return
        self.open_library(url, create=False)

    def fill_recent(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        for path in self.w.settings.recent_libraries():
            act = menu.addAction(path)
            # a library moved or deleted since is said, not made again empty where it was
            act.triggered.connect(lambda _c=False, p=path: self.open_library(p, create=False))
        menu.setEnabled(bool(self.w.settings.recent_libraries()))


def quotes_shown(w: MainWindow, archive: Archive, found: Sequence[Annotation]) -> dict[str, str]:
    """Annotation id → its words as the notes list quotes them: as read now (corrected since, where they were), in
    the script the reading view shows their article in."""
    as_read = archive.quotes_as_read(found)
    return {a.id: w.shown(a.article, as_read.get(a.id) or a.anchor.exact) for a in found if a.anchor is not None}


def keep_out_of_collections() -> None:
    """Leave every object made so far (the modules, the window, the open library: some 70,000) out of the
    cycle collector's full passes, which walked them all — 45–110 ms on the GUI thread at 10,000 pages, now
    and then in the middle of opening an article (issue 17). They live as long as the window; objects made
    after are collected as before, and closing the window gives these back (:func:`give_back_to_collections`)."""
    gc.freeze()


def give_back_to_collections() -> None:
    """The window closes: what :func:`keep_out_of_collections` froze is collected again (cycles among
    objects of a closed library are freed)."""
    gc.unfreeze()
