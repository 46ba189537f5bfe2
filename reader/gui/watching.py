"""The window hears of the reader's work changed elsewhere (:mod:`reader.app.watch`) and shows it.

Every :data:`LOOK_MS` the archive's counters are read on the ``watch`` lane (a PostgreSQL library is a round
trip away: never on the GUI thread). Changed notes, tags or collections are listed again; a correction made or
undone elsewhere is applied to the article shown, which stays where the reader was in it, and the shown search
is asked again (a corrected word is found, an undone one is not); where the reader's words are now in another
article (the one shown merged into it, split off into it), that one is shown, at them, and the status bar says
so. While a shared library's server cannot be reached the window says so once (:meth:`Watching.lost`: the
Problems panel and the status bar, not the "unexpected error" dialog), and that it is back when a look answers
again (the library reconnects by itself: :class:`reader.library.pgsql.PgConnection`). After another process's import
or reindex has ended, the library is read again as after the window's own
(the tree, the filters, the searcher), the reader kept at their article and place. What an import by the owner
of a shared library did to the reader's own work is listed in the Problems panel when the look hears of it, once.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from reader.app.watch import Elsewhere
from reader.gui.messages import error_text
from reader.gui.workers import Worker, run_task
from reader.library.changes import CATALOGUE_CHANGES
from reader.model.errors import ConnectionLostError

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

#: how often the window asks whether others changed the reader's work
LOOK_MS = 2000


class Watching:
    """The timer, the look in flight, and what is shown again when one finds a change."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self._pending: Worker | None = None
        #: the shared library's server was found unreachable (said once), and no look has answered since
        self.offline = False
        self.timer = QTimer(window)
        self.timer.setInterval(LOOK_MS)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> None:
        """Ask, on the watch lane, what changed since the last look (one look at a time)."""
        archive = self.w.archive
        if archive is None or self._pending is not None or QApplication.activeModalWidget() is not None:
            return  # nothing is read again under a dialog the reader is answering: the next look after it says

        def heard(elsewhere: Elsewhere) -> None:
            self._pending = None
            if self.w.archive is archive:  # not a library closed meanwhile
                self.back()
                self.show(elsewhere)

        def failed(e: BaseException) -> None:  # a library closed or a server gone: the next look says
            self._pending = None
            log.info("could not look for changes in %s: %s", archive.location, e)
            if isinstance(e, ConnectionLostError) and self.w.archive is archive:
                self.lost(e)

        # while the window's own import or reindex runs, the library is read again when it ends (Tasks)
        later = {CATALOGUE_CHANGES} if self.w.tasks.task is not None else set()
        worker = run_task(archive.watch.look, later, name="changes elsewhere", lane="watch",
                          on_result=heard, on_error=failed)
        # a synchronous pool (the tests') has answered already: not waited for again (the looks stopped after one)
        self._pending = worker if worker.state in ("pending", "running") else None

    def lost(self, e: ConnectionLostError, again: bool = False) -> None:
        """The shared library's server cannot be reached: said in words, once while it stays so (seen by a tester: an
        "unexpected error" dialog naming sqlite3, then the same error at every click). ``again``: said again in the
        status bar (a change the reader made was not saved: they must know each time)."""
        if self.offline and not again:
            self.w.statusBar().showMessage(error_text(e), 8000)
            return
        self.offline = True
        self.w.report(error_text(e))

    def back(self) -> None:
        """A look answered after the server was found unreachable: said in the status bar."""
        if self.offline:
            self.offline = False
            log.info("the connection to %s is back", self.w.archive.location if self.w.archive else "the library")
            self.w.statusBar().showMessage(QCoreApplication.translate(
                "Watching", "The connection to the shared library is back."), 8000)

    def show(self, elsewhere: Elsewhere) -> None:
        """Show what ``elsewhere`` says changed, the reader kept where they are."""
        w = self.w
        if not elsewhere or w.archive is None:
            return
        if elsewhere.catalogue:  # the tree, the filters, the searcher, notes and collections read again
            w.library.reload_library()
        followed = ""  # the reader's words now in another article, followed there: said after what changed
        if elsewhere.corrections or elsewhere.catalogue:
            followed = w.corrections.changed_elsewhere()
        if elsewhere.annotations and not elsewhere.catalogue:
            w.annotating.annotations_changed()
        if elsewhere.told is not None:  # what the owner's import did to the reader's work, in the Problems panel
            w.tasks.report_work(elsewhere.told)
        what = [QCoreApplication.translate("Watching", "articles imported")] if elsewhere.catalogue else []
        if elsewhere.corrections:
            what.append(QCoreApplication.translate("Watching", "corrections"))
        if elsewhere.annotations:
            what.append(QCoreApplication.translate("Watching", "notes and collections"))
        if not what:
            return
        comma = QCoreApplication.translate("Watching", ", ", "between the items of a list")  # 、 in Chinese
        said = QCoreApplication.translate("Watching", "Changed elsewhere, shown again: %1") \
            .replace("%1", comma.join(what))
        w.statusBar().showMessage(f"{said} — {followed}" if followed else said, 15000 if followed else 5000)
