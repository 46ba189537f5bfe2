"""Long work started from the window: import of files and folders, the sample library, reindexing.

Each runs in a worker (:mod:`reader.gui.workers`) with a progress bar, a rate
and a cancel button in the status bar (:class:`~reader.gui.widgets.task_bar.TaskBar`);
errors and warnings gather in the Problems panel (:meth:`MainWindow.report`).
One task runs at a time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.gui.messages import error_text
from reader.gui.settings import start_folder
from reader.gui.workers import Progress, Worker, run_task
from reader.library.catalogue import NotFoundError

if TYPE_CHECKING:
    from reader.app.work import WorkReport
    from reader.gui.mainwindow import MainWindow

#: The publication of the sample library a first run opens on.
SAMPLE_START = "人民日报"


def summary_text(summary: Any) -> str:
    """One line about a finished import (ImportReport) or reindex (a count)."""
    if isinstance(summary, int):
        return QCoreApplication.translate("MainWindow", "Indexed %1 articles.").replace("%1", str(summary))
    imported = len(getattr(summary, "imported", []) or [])
    text = QCoreApplication.translate("MainWindow", "Imported %1 file(s): %2 pages, %3 articles in %4 s.")
    for key, value in (("%1", imported), ("%2", getattr(summary, "pages", 0)),
                       ("%3", getattr(summary, "articles", 0)), ("%4", f"{getattr(summary, 'seconds', 0.0):.1f}")):
        text = text.replace(key, str(value))
    # every file chosen is one of these (a file already in the library was left out: "0 imported, 2 could not be
    # read" of three files chosen, seen by a tester)
    for field, sentence in (
            ("reread", QCoreApplication.translate("MainWindow", "%1 of them read again though unchanged.")),
            ("unchanged", QCoreApplication.translate("MainWindow", "%1 unchanged.")),
            ("duplicates", QCoreApplication.translate("MainWindow", "%1 already in the library (see Problems).")),
            ("moved", QCoreApplication.translate("MainWindow", "%1 found moved (their articles kept).")),
            ("failed", QCoreApplication.translate("MainWindow", "%1 could not be read (see Problems)."))):
        count = len(getattr(summary, field, []) or [])
        if count:
            text += " " + sentence.replace("%1", str(count))
    return text


def duplicate_text(path: str, first: str) -> str:
    """The Problems line of a file not imported because the library holds its bytes (as ``broadsheet import``)."""
    from reader.library.importer import display_path  # (the importer is loaded by the import, not by the window)

    return QCoreApplication.translate(
        "MainWindow", "%1: the same file as %2, already in the library; not added again.").replace(
        "%1", display_path(path)).replace("%2", display_path(first))


def cancelled_text(summary: Any) -> str:
    """The status line of a cancelled import: what was kept."""
    kept = len(getattr(summary, "imported", []) or [])
    if not hasattr(summary, "imported"):
        return QCoreApplication.translate("MainWindow", "Cancelled.")
    return QCoreApplication.translate(
        "MainWindow", "Cancelled: the %n file(s) imported before the stop are kept.", "", kept)


def _key(path: str | Path) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(path)


class Tasks:
    """Starts the window's long work in workers and reports how it ended."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        #: the running task
        self.task: Worker | None = None
        #: imports asked for while another task ran: (paths, open what they bring, read again files held unchanged)
        self.queue: list[tuple[list[str], bool, bool]] = []

    def choose_import_files(self) -> None:
        if self._not_the_readers():  # said before the files are chosen, not after
            return
        settings = self.w.settings
        files, _ = QFileDialog.getOpenFileNames(
            self.w, QCoreApplication.translate("MainWindow", "Import files"), start_folder(settings.import_folder()),
            QCoreApplication.translate("MainWindow", "OCR sources (*.txt *.xml *.hocr *.html *.json);;All files (*)"))
        if files:
            settings.set_import_folder(str(Path(files[0]).parent))
            self.import_paths(files)

    def choose_import_folder(self) -> None:
        if self._not_the_readers():
            return
        settings = self.w.settings
        folder = QFileDialog.getExistingDirectory(self.w, QCoreApplication.translate("MainWindow", "Import a folder"),
                                                  start_folder(settings.import_folder()))
        if folder:
            settings.set_import_folder(str(Path(folder).parent))
            self.import_paths([folder])

    def _start(self, fn: Callable[..., Any], args: tuple[Any, ...], name: str, title: str, unit: str,
               on_result: Callable[[Any], None]) -> Worker:
        w = self.w
        worker = run_task(fn, *args, name=name, pass_control=True, autostart=False, on_progress=self.progress,
                          on_error=self.failed, on_warning=w.report, on_finished=self.finished, on_result=on_result)
        self.task = worker
        w.taskbar.start(worker, title, unit)
        worker.start()
        return worker

    def read_again(self) -> Worker | None:
        """File → Read every file again: the files the library holds unchanged are read by this version (after an
        upgrade that reads pages better; the reader's work follows its words as after any re-import). Asked
        first; the files no longer where they were imported from are named in Problems, not read."""
        w = self.w
        if w.archive is None or self._not_the_readers():  # said before the question, not after
            return None
        present, missing = w.archive.source_files()
        if not present:
            w.report(QCoreApplication.translate("MainWindow", "None of the library's files is where it was imported "
                                                              "from; nothing to read again."))
            return None
        count, gone = len(present), len(missing)  # (pyside6-lupdate misses a numerus call whose count has parentheses)
        question = QCoreApplication.translate("MainWindow", "Read the library's %n file(s) again?", "", count)
        if gone:  # "4 file(s)" while stats counted 6 sources: the 2 deleted were not said (seen by a tester)
            question += " " + QCoreApplication.translate(
                "MainWindow", "%n more are no longer where they were: their articles are kept as they are.", "", gone)
        question += " " + QCoreApplication.translate(
            "MainWindow", "Articles are made again from them as this version reads them; your notes and corrections "
            "follow their words, and any that cannot be placed are listed in Problems.")
        asked = QMessageBox.question(w, QCoreApplication.translate("MainWindow", "Read every file again"), question)
        if asked != QMessageBox.StandardButton.Yes:
            return None
        for path in missing:
            w.report(QCoreApplication.translate("MainWindow", "%1 is no longer where it was imported from; it was "
                                                              "not read again.").replace("%1", path))
        return self.import_paths(present, reread=True)

    def import_paths(self, paths: Sequence[str | Path], open_imported: bool = False,
                     reread: bool = False) -> Worker | None:
        """Import files or folders into the open library in a worker; progress and cancel in the status bar.

        While another task runs the paths wait in a queue and are imported after it (None is returned);
        with ``open_imported`` (``broadsheet gui PATH…``) the first page they bring is opened; ``reread`` reads
        again the files the library holds unchanged."""
        w = self.w
        if w.archive is None:
            w.report(QCoreApplication.translate("MainWindow", "Open a library before importing."))
            return None
        if w.archive.read_only:
            w.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "This library is read-only here: nothing can be imported into it."), 10000)
            return None
        if self._not_the_readers():
            return None
        if self.task is not None:
            self.queue.append(([str(p) for p in paths], open_imported, reread))
            count = len(paths)  # (pyside6-lupdate misses a numerus call whose count has parentheses)
            waiting = QCoreApplication.translate(
                "MainWindow", "%n file(s) or folder(s) will be imported when the running task ends.", "", count)
            w.statusBar().showMessage(waiting, 8000)
            return None

        def done(summary: Any) -> None:
            self.import_done(summary)
            if open_imported:
                self.open_imported(summary)

        run = functools.partial(w.archive.import_paths, reread=True) if reread else w.archive.import_paths
        return self._start(run, ([str(p) for p in paths],), "import",
                           QCoreApplication.translate("MainWindow", "Importing"),
                           QCoreApplication.translate("MainWindow", "files"), done)

    def open_imported(self, summary: Any) -> bool:
        """Open the first page an import brought (imported, or already in the library); False when none."""
        w = self.w
        if w.archive is None:
            return False
        wanted = [str(p) for p in getattr(summary, "imported", []) or []]
        wanted += [str(p) for p in getattr(summary, "unchanged", []) or []]
        wanted += [str(old) for _p, old in getattr(summary, "duplicates", []) or []]
        if not wanted:
            return False
        keys = {_key(p) for p in wanted}
        for issue in w.archive.issues():
            for page in w.archive.pages(issue.id):
                if _key(page.source) in keys:
                    return w.tree.select("page", page.id, issue.id)
        return False

    def import_samples(self) -> Worker | None:
        """Fill an empty library with the bundled samples (first run), in a worker."""
        w = self.w
        if w.archive is None or self.task is not None or self._not_the_readers():
            return None
        from reader.app.samples import import_samples

        def done(summary: Any) -> None:
            reading = w.state.article_id is not None
            self.import_done(summary)
            first = w.tree.first_page(SAMPLE_START)  # a newcomer starts on the Chinese page
            if first is not None and not reading:
                w.tree.select("page", first[0], first[1])

        return self._start(import_samples, (w.archive.library,), "samples",
                           QCoreApplication.translate("MainWindow", "Building the sample library"),
                           QCoreApplication.translate("MainWindow", "files"), done)

    def reindex(self) -> Worker | None:
        """Rebuild the search index from the catalogue in a worker."""
        w = self.w
        if w.archive is None or self.task is not None or self._not_the_readers():
            return None
        return self._start(w.archive.reindex, (), "reindex", QCoreApplication.translate("MainWindow", "Indexing"),
                           QCoreApplication.translate("MainWindow", "articles"), self.import_done)

    def _not_the_readers(self) -> bool:
        """A shared library only its owner imports into or reindexes: said, and True (seen under Xvfb: an import
        process started and ended "the import process ended with status 2: broadsheet: postgresql://…")."""
        archive = self.w.archive
        owner = archive.import_owner if archive is not None else None
        if owner is not None:
            self.w.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "Only this library's owner (%1) can import into it or reindex it: you read it and "
                              "keep your own notes, collections and corrections in it.").replace("%1", owner), 10000)
        return owner is not None

    def progress(self, p: Progress) -> None:
        self.w.taskbar.progress(p)

    def import_done(self, summary: Any) -> None:
        self.w.library.reload_library()
        if getattr(summary, "imported", None):  # the article shown may read otherwise now, or have a new id
            self.w.corrections.import_ended()
        for path, message in getattr(summary, "warnings", []) or []:
            self.w.report(message if Path(path).name in message else f"{path}: {message}")
        for path, first in getattr(summary, "duplicates", []) or []:
            self.w.report(duplicate_text(path, first))
        self.report_work()
        self.w.statusBar().showMessage(summary_text(summary), 10000)  # last: a problem reported shows itself there
        self.w.import_finished.emit("done", summary)

    def report_work(self, work: WorkReport | None = None) -> None:
        """Orphaned annotations and stale corrections after an import go to the Problems panel (reader.app.work):
        ``work``, else the archive's report of its last import or opening (then done with)."""
        archive = self.w.archive
        if work is None and archive is not None:
            work, archive.work = archive.work, None
        for line in work.lines(named=self._named) if work is not None else []:
            self.w.report(line)

    def _named(self, article_id: str) -> str:
        """An article as the Problems panel names it: its headline (or first words) and its date, the id after."""
        w = self.w
        try:
            name = w.headline_of(article_id)
        except NotFoundError:  # gone since: its id is all there is to name it by
            return article_id
        return f"“{name}” ({article_id})" if name and name != article_id else article_id

    def failed(self, e: BaseException) -> None:
        self.w.report(error_text(e))
        self.w.import_finished.emit("failed", e)

    def finished(self) -> None:
        w, worker = self.w, self.task
        self.task = None
        w.taskbar.done()
        if worker is not None and worker.state == "aborted":
            w.library.reload_library()
            w.statusBar().showMessage(cancelled_text(worker.result), 10000)
            w.import_finished.emit("aborted", worker.result)
        if self.queue and w.archive is not None:
            paths, open_imported, reread = self.queue.pop(0)
            self.import_paths(paths, open_imported, reread)
