"""Long work started from the window: import of files and folders, the sample library, reindexing.

Each runs in a worker (:mod:`reader.gui.workers`) with a progress bar, a rate
and a cancel button in the status bar (:class:`~reader.gui.widgets.task_bar.TaskBar`);
errors and warnings gather in the Problems panel (:meth:`MainWindow.report`).
One task runs at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from reader.gui.workers import Progress, Worker, run_task

if TYPE_CHECKING:
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
    unchanged = len(getattr(summary, "unchanged", []) or [])
    failed = len(getattr(summary, "failed", []) or [])
    if unchanged:
        text += " " + QCoreApplication.translate("MainWindow", "%1 unchanged.").replace("%1", str(unchanged))
    if failed:
        text += " " + QCoreApplication.translate("MainWindow", "%1 could not be read (see Problems).").replace(
            "%1", str(failed))
    return text


class Tasks:
    """Starts the window's long work in workers and reports how it ended."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        #: the running task
        self.task: Worker | None = None

    def choose_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.w, QCoreApplication.translate("MainWindow", "Import files"), "",
            QCoreApplication.translate("MainWindow", "OCR sources (*.txt *.xml *.hocr *.html *.json);;All files (*)"))
        if files:
            self.import_paths(files)

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, QCoreApplication.translate("MainWindow", "Import a folder"))
        if folder:
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

    def import_paths(self, paths: Sequence[str | Path]) -> Worker | None:
        """Import files or folders into the open library in a worker; progress and cancel in the status bar."""
        w = self.w
        if w.archive is None:
            w.report(QCoreApplication.translate("MainWindow", "Open a library before importing."))
            return None
        if self.task is not None:
            w.report(QCoreApplication.translate("MainWindow", "Another task is running; wait for it or cancel it."))
            return None
        return self._start(w.archive.import_paths, ([str(p) for p in paths],), "import",
                           QCoreApplication.translate("MainWindow", "Importing"),
                           QCoreApplication.translate("MainWindow", "files"), self.import_done)

    def import_samples(self) -> Worker | None:
        """Fill an empty library with the bundled samples (first run), in a worker."""
        w = self.w
        if w.archive is None or self.task is not None:
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
        if w.archive is None or self.task is not None:
            return None
        return self._start(w.archive.reindex, (), "reindex", QCoreApplication.translate("MainWindow", "Indexing"),
                           QCoreApplication.translate("MainWindow", "articles"), self.import_done)

    def progress(self, p: Progress) -> None:
        self.w.taskbar.progress(p)

    def import_done(self, summary: Any) -> None:
        self.w.library.reload_library()
        self.w.statusBar().showMessage(summary_text(summary), 10000)
        self.report_work()
        self.w.import_finished.emit("done", summary)

    def report_work(self) -> None:
        """Orphaned annotations and stale corrections after an import go to the Problems panel (reader.app.work)."""
        archive = self.w.archive
        if archive is None or archive.work is None:
            return
        for line in archive.work.lines():
            self.w.report(line)
        archive.work = None

    def failed(self, e: BaseException) -> None:
        self.w.report(str(e) or type(e).__name__)
        self.w.import_finished.emit("failed", e)

    def finished(self) -> None:
        w, worker = self.w, self.task
        self.task = None
        w.taskbar.done()
        if worker is not None and worker.state == "aborted":
            w.library.reload_library()
            w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Cancelled."), 5000)
            w.import_finished.emit("aborted", worker.result)
