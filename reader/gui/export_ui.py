"""File → Export… from the window: what is shown (article, issue, collections, last search) becomes the
export dialog's choices; the dialog reads articles through the correction overlay and writes the file itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt

from reader.app.reading import read_as_printed
from reader.gui.dialogs.export_dialog import ExportContext, ExportDialog
from reader.library.catalogue import NotFoundError

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


def export_context(window: MainWindow) -> ExportContext:
    """The scopes the export dialog offers for what the window shows now."""
    ctx = ExportContext(script=window.article_view.script)
    archive, state = window.archive, window.state
    if archive is None:
        return ctx
    if state.article_id is not None:
        ctx.article_id = state.article_id
        ctx.article_title = window.headline_of(state.article_id, shown=False)  # the export is in the source's script
    if state.issue_id is not None:
        ctx.issue_id = state.issue_id
        issue = next((i for i in archive.issues() if i.id == state.issue_id), None)
        ctx.issue_title = " ".join(x for x in ((issue.publication, issue.date) if issue else ()) if x)
    ctx.collections = [c.name for c in archive.annotations.collections()]
    ctx.shared = archive.sharing.shared
    _judge_scripts(window, ctx)
    last = window.searching.last_results
    if last is not None and last.query:
        ctx.query = last.query
        ctx.hit_count = last.total  # the export runs the whole search, not the page listed
    return ctx


def _judge_scripts(window: MainWindow, ctx: ExportContext) -> None:
    """Whether the current article, and the current issue's articles, are read as printed in the script the reader
    reads in (the export says it is not converted only where they are not); collections and search hits are not judged
    (many articles, each loaded): the dialog says what holds whatever their scripts."""
    archive = window.archive
    if archive is None or not ctx.script:
        return
    try:
        if ctx.article_id is not None:
            ctx.read_as_printed["article"] = read_as_printed(ctx.script, [archive.article(ctx.article_id).text])
        if ctx.issue_id is not None:
            ctx.read_as_printed["issue"] = read_as_printed(
                ctx.script, (archive.article(str(info.id)).text for info in archive.articles(issue_id=ctx.issue_id)))
    except NotFoundError:  # gone from the library while the window showed it: not judged
        pass


def export_folder(window: MainWindow) -> str:
    """Where an export goes first: the folder of the last one, else the user's documents folder when there is one
    (a new account may have none: the first export said "cannot write it (No such file or directory)" — seen by
    eye), else the home folder."""
    last = window.settings.export_folder()
    if last and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def show_export(window: MainWindow, current: ExportDialog | None) -> ExportDialog | None:
    """The export dialog, window-modal (``current``, if still open, is closed first)."""
    if window.archive is None:
        window.report(QCoreApplication.translate("MainWindow", "Open a library before exporting."))
        return None
    if current is not None:
        current.close()
    settings = window.settings
    dlg = ExportDialog(window.archive.overlay_of, export_context(window), export_folder(window), window,
                       fmt=settings.export_format())

    def exported(path: str) -> None:
        settings.set_export_folder(str(Path(path).parent))
        settings.set_export_format(str(dlg.format.currentData()))

    dlg.exported.connect(exported)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg
