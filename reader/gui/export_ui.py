"""File → Export… from the window: what is shown (article, issue, collections, last search) becomes the
export dialog's choices; the dialog reads articles through the correction overlay and writes the file itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from reader.gui.dialogs.export_dialog import ExportContext, ExportDialog

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow


def export_context(window: MainWindow) -> ExportContext:
    """The scopes the export dialog offers for what the window shows now."""
    ctx = ExportContext()
    archive, state = window.archive, window.state
    if archive is None:
        return ctx
    if state.article_id is not None:
        ctx.article_id = state.article_id
        ctx.article_title = window.headline_of(state.article_id)
    if state.issue_id is not None:
        ctx.issue_id = state.issue_id
        issue = next((i for i in archive.issues() if i.id == state.issue_id), None)
        ctx.issue_title = " ".join(x for x in ((issue.publication, issue.date) if issue else ()) if x)
    ctx.collections = [c.name for c in archive.annotations.collections()]
    last = window.searching.last_results
    if last is not None and last.query:
        ctx.query = last.query
        ctx.hit_count = len(last.hits)
    return ctx


def show_export(window: MainWindow, current: ExportDialog | None) -> ExportDialog | None:
    """The export dialog, window-modal (``current``, if still open, is closed first)."""
    if window.archive is None:
        window.report(QCoreApplication.translate("MainWindow", "Open a library before exporting."))
        return None
    if current is not None:
        current.close()
    dlg = ExportDialog(window.archive.overlay_of, export_context(window), str(window.archive.folder.parent),
                       window)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg
