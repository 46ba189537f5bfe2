"""File → Export…: scope, format and options, run in a worker with progress and cancel.

The dialog gathers the articles with :func:`reader.export.exporter.library_scope`
(which applies the reader's corrections and re-locates annotations) and
formats them with :func:`reader.export.exporter.export`, both in a worker
(:func:`reader.gui.workers.run_task`) so the window stays responsive. An
existing file is never replaced silently: the dialog asks first, and only a
"Replace" answer writes with ``force``; otherwise :func:`write_new` refuses.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.export.exporter import FORMATS, SUFFIXES, ExportCancelled, export, library_scope, write_new
from reader.gui.workers import Progress, Worker, run_task
from reader.model.document import cut_at_word

log = logging.getLogger(__name__)

#: OpenCC reading texts a TEI export can add ("" = none)
READINGS = ("", "t2s", "s2t", "s2tw", "s2hk")


@dataclass
class ExportContext:
    """What the window offers to export: the current article, issue, collections and search."""

    article_id: str | None = None
    article_title: str = ""
    issue_id: int | None = None
    issue_title: str = ""
    collections: Sequence[str] = ()
    query: str = ""
    hit_count: int = 0
    #: the script the reader reads in (an OpenCC configuration, "" the original): the export is as printed, said so
    script: str = ""
    #: scope ("article", "issue") → whether all its articles are read in ``script`` as printed (nothing to say of
    #: conversion then); a scope not in it was not judged
    read_as_printed: dict[str, bool] = field(default_factory=dict)
    #: a shared library: the export holds the group's shared notes and corrections besides the reader's own
    shared: bool = False


@dataclass
class ExportRequest:
    """One export as the dialog was filled in."""

    scope: str  # article | issue | collection | hits
    fmt: str
    path: Path
    annotations: bool = True
    reading: str = ""
    #: the citation style of the ``cite`` format (reader.export.cite.STYLES)
    style: str = "auto"
    article_id: str | None = None
    issue_id: int | None = None
    collection: str = ""
    query: str = ""


@dataclass(frozen=True)
class Built:
    """An export gathered and formatted, and what the dialog says of it."""

    data: bytes
    #: the articles in it
    count: int
    #: the reader's corrections its text holds (:meth:`reader.app.overlay.Overlay.applied`)
    applied: int
    #: a collection's entries not exported: their article no longer in the library, or merged into another (the
    #: dialog said "Exported 1 article(s)" of a collection of two, the other left out unsaid — seen by eye)
    left_out: int = 0
    #: of ``applied``, the colleagues' (a shared library), by name: they were said to be the reader's
    theirs: dict[str, int] = field(default_factory=dict)


def build_export(library: Any, req: ExportRequest, *, progress: Callable[..., None],
                 cancel: threading.Event) -> Built:
    """Gather and format an export (runs in a worker)."""

    def step(done: int, total: int) -> None:
        progress(float(done), float(total))

    kwargs: dict[str, Any] = {"progress": step, "cancel": cancel}
    if not req.annotations and hasattr(library, "as_read"):
        library = library.as_read()  # without my work: the text as the OCR read it, no correction in it
    if req.scope == "article":
        scope = library_scope(library, [str(req.article_id)], **kwargs)
    elif req.scope == "issue":
        scope = library_scope(library, issue_id=req.issue_id, **kwargs)
    elif req.scope == "collection":
        scope = library_scope(library, collection=req.collection, **kwargs)
    else:
        scope = library_scope(library, query=req.query, **kwargs)
    items = scope.items
    if cancel.is_set():
        raise ExportCancelled("the export was cancelled")
    options: dict[str, Any] = {}
    if req.fmt == "tei":
        options = {"scope": None if req.scope == "article" else req.scope, "reading": req.reading or None,
                   "work": req.annotations}
    elif req.fmt == "cite":
        options = {"style": req.style}
    annotations = scope.annotations if req.annotations else []
    by = library.applied_by(scope) if hasattr(library, "applied_by") else {}
    return Built(export(items, req.fmt, annotations, **options), len(items), sum(by.values()), len(scope.left_out),
                 {who: n for who, n in by.items() if who and n})


#: the file name offered for each scope: broadsheet-<name><suffix>
_SUGGESTED = {"article": "article", "issue": "issue", "collection": "collection", "hits": "hits"}


def _suggested(name: str) -> bool:
    """Whether ``name`` is one the dialog offered (not one the reader typed)."""
    stem, suffix = Path(name).stem, Path(name).suffix
    return suffix in SUFFIXES.values() and stem in {f"broadsheet-{n}" for n in (*_SUGGESTED.values(), "export")}


class ExportDialog(QDialog):
    """The export dialog; :meth:`start` runs the export, :attr:`written` is the file when it succeeded."""

    #: a file was written (its path)
    exported = Signal(str)

    def __init__(self, library: Any, context: ExportContext, folder: str = "",
                 parent: QWidget | None = None, fmt: str = "") -> None:
        """``folder``: where the file is offered (the last export's); ``fmt``: the format first chosen (the last
        export's)."""
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.library = library
        self.context = context
        self.worker: Worker | None = None
        self.written: Path | None = None
        self.error = ""
        self.folder = folder

        self.scope = QComboBox(self)
        self.scope.setObjectName("exportScope")
        if context.article_id:
            # a long name cut at a word's end, marked (it was cut inside a word, unmarked — seen by eye), whole in
            # the tip
            self.scope.addItem(self.tr("Current article: %1").replace("%1", cut_at_word(context.article_title, 40)),
                               "article")
            self.scope.setItemData(self.scope.count() - 1, context.article_title, Qt.ItemDataRole.ToolTipRole)
        if context.issue_id is not None:
            self.scope.addItem(self.tr("Current issue: %1").replace("%1", context.issue_title), "issue")
        if context.collections:
            self.scope.addItem(self.tr("Collection"), "collection")
        if context.query:
            self.scope.addItem(self.tr("Search hits: %1 (%2)").replace("%1", context.query)
                               .replace("%2", str(context.hit_count)), "hits")
        self.collection = QComboBox(self)
        self.collection.setObjectName("exportCollection")
        self.collection.addItems(list(context.collections))
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        labels = {"tei": self.tr("TEI P5 (XML)"), "text": self.tr("Plain text"), "md": self.tr("Markdown"),
                  "csv": self.tr("CSV of hits"), "cite": self.tr("Citations"), "csl": self.tr("CSL-JSON citations"),
                  "bibtex": self.tr("BibTeX")}
        for key in FORMATS:
            self.format.addItem(labels[key], key)
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))
        # what the export holds: on a shared library the group's shared notes and corrections too, each by its author
        # (it said "my annotations" and exported a colleague's as well: seen by a tester)
        self.include_annotations = QCheckBox(
            self.tr("Include annotations and corrections (mine and those my group shares)") if context.shared
            else self.tr("Include annotations and corrections"), self)
        self.include_annotations.setObjectName("exportAnnotations")
        self.include_annotations.setChecked(True)
        self.reading = QComboBox(self)
        self.reading.setObjectName("exportReading")
        for key, label in zip(READINGS, (self.tr("None"), "简体 (t2s)", "繁體 (s2t)", "臺灣 (s2tw)", "香港 (s2hk)"),
                              strict=True):
            self.reading.addItem(label, key)
        self.reading.setToolTip(self.tr("TEI: add an OpenCC reading text, marked as derived"))
        # the script the reader reads in, offered (the original stays in the file) — not where the first scope is read
        # as printed: its reading text would be a copy of the text
        first = str(self.scope.itemData(0)) if self.scope.count() else ""
        if context.script in READINGS and not context.read_as_printed.get(first, False):
            self.reading.setCurrentIndex(max(0, self.reading.findData(context.script)))
        #: what script the text is exported in, said when the reader reads in another (it is the sources')
        self.script_note = QLabel(self)
        self.script_note.setObjectName("exportScript")
        self.script_note.setWordWrap(True)
        self.citation_style = QComboBox(self)
        self.citation_style.setObjectName("exportCitationStyle")
        for key, label in (("auto", self.tr("GB/T 7714 for Chinese papers, Chicago for the rest")),
                           ("gb7714", self.tr("GB/T 7714-2015")),
                           ("chicago", self.tr("Chicago (notes and bibliography)")),
                           ("apa", self.tr("APA (7th edition)")), ("bibtex", "BibTeX"), ("csl-json", "CSL-JSON")):
            self.citation_style.addItem(label, key)
        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        self.path.setAccessibleName(self.tr("File"))
        browse = QPushButton(self.tr("&Browse…"), self)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("&Scope:"), self.scope)
        form.addRow(self.tr("C&ollection:"), self.collection)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow("", self.include_annotations)
        form.addRow(self.tr("&Reading text:"), self.reading)
        form.addRow(self.tr("Citation s&tyle:"), self.citation_style)
        file_label = QLabel(self.tr("F&ile:"), self)  # a label of a row of widgets has no buddy by itself,
        file_label.setBuddy(self.path)  # and without one it shows its "&"
        form.addRow(file_label, path_row)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("exportCancel")
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.script_note)  # under the form: in a row of it, its wrapped lines were cut to one and a half
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)

        browse.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.scope.currentIndexChanged.connect(lambda _i: self._update())
        self.format.currentIndexChanged.connect(lambda _i: self._update())
        self.citation_style.currentIndexChanged.connect(lambda _i: self._update())
        # what the last export said is of the last choice: another one chosen, it goes (seen by eye: "Exported 1
        # article(s) to …" stood under a scope and a format that had not been exported)
        for changed in (self.scope.currentIndexChanged, self.format.currentIndexChanged,
                        self.citation_style.currentIndexChanged, self.collection.currentIndexChanged,
                        self.reading.currentIndexChanged):
            changed.connect(lambda _i: self._choice_changed())
        self.include_annotations.toggled.connect(lambda _on: self._choice_changed())
        self.path.textEdited.connect(lambda _t: self._choice_changed())
        self._update()
        self.resize(560, 0)

    def _update(self) -> None:
        scope = self.scope.currentData()
        self.collection.setEnabled(scope == "collection")
        fmt = str(self.format.currentData())
        self.reading.setEnabled(fmt == "tei")
        self._say_script(fmt)
        self.citation_style.setEnabled(fmt == "cite")
        self.include_annotations.setEnabled(fmt in ("tei", "text", "md"))
        text = self.path.text().strip()
        suffix = self._suffix()
        name = f"broadsheet-{_SUGGESTED.get(str(scope), 'export')}{suffix}"
        if not text:
            self.path.setText(str(Path(self.folder or Path.home()) / name))
        elif _suggested(Path(text).name):  # the name the dialog offered follows the scope and format
            self.path.setText(str(Path(text).with_name(name)))
        elif Path(text).suffix in SUFFIXES.values() and Path(text).suffix != suffix:
            self.path.setText(str(Path(text).with_suffix(suffix)))

    def _choice_changed(self) -> None:
        """Another scope, format, file … chosen: the last export's outcome is not said of it (an export under way
        still says so)."""
        if self.worker is None:
            self.status.clear()

    def _say_script(self, fmt: str) -> None:
        """Say that the text is exported as the sources print it when the reader reads it in another script (seen by
        eye: reading in 臺灣, the export wrote simplified text unsaid); nothing while the original is read, nor where
        the scope's articles are read as printed (seen by eye: a simplified source read in 简体 was said to be "not
        converted to 简体"). Collections and search hits, not judged, are told what holds whatever their scripts."""
        script = self.context.script
        judged = self.context.read_as_printed.get(str(self.scope.currentData()))
        self.script_note.setHidden(not script or judged is True)
        if not script or judged is True:
            return
        name = dict(zip(READINGS, ("", "简体", "繁體", "臺灣", "香港"), strict=True)).get(script, script)
        if judged is None:
            text = self.tr("The text is exported as the sources print it: articles printed in another script than %1, "
                           "the one you read in, are not converted to it.")
        else:
            text = self.tr("The text is exported as the sources print it, not converted to %1, the script you read "
                           "in.")
        if fmt == "tei":
            text += " " + self.tr("Reading text adds a converted copy, marked as derived.")
        self.script_note.setText(text.replace("%1", name))

    def _suffix(self) -> str:
        """The file suffix of the chosen format (citations as BibTeX or CSL-JSON take theirs)."""
        fmt = str(self.format.currentData())
        if fmt == "cite":
            style = str(self.citation_style.currentData())
            return {"bibtex": SUFFIXES["bibtex"], "csl-json": SUFFIXES["csl"]}.get(style, SUFFIXES["cite"])
        return SUFFIXES[fmt]

    def browse(self) -> None:
        # the dialog asks before replacing a file itself, once, when the export is ready
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(),
                                              f"*{self._suffix()};;*", "",
                                              QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.path.setText(name)

    def request(self) -> ExportRequest:
        return ExportRequest(scope=str(self.scope.currentData()), fmt=str(self.format.currentData()),
                             path=Path(self.path.text().strip()).expanduser(),
                             annotations=self.include_annotations.isChecked(),
                             reading=str(self.reading.currentData() or ""),
                             style=str(self.citation_style.currentData()),
                             article_id=self.context.article_id,
                             issue_id=self.context.issue_id, collection=self.collection.currentText(),
                             query=self.context.query)

    # running ---------------------------------------------------------------------------
    def start(self) -> Worker | None:
        """Run the export in a worker; the file is written (or not) when it is ready."""
        if self.worker is not None or self.scope.count() == 0:
            return None
        req = self.request()
        self.error = ""
        self.written = None
        if not self.path.text().strip():
            self.status.setText(self.tr("Choose a file to export to."))
            return None
        typed = Path(self.path.text().strip()).suffix.lower()
        if typed in SUFFIXES.values() and typed != self._suffix():  # (seen by eye: TEI written into piece1.txt)
            self.status.setText(self.tr("The file name ends in %1, another format's: choose that format, or a name "
                                        "ending in %2.").replace("%1", typed).replace("%2", self._suffix()))
            return None
        self.export_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))  # a new export under way can be cancelled
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Exporting…"))
        worker = run_task(build_export, self.library, req, name="export",
                          pass_control=True, autostart=False, on_progress=self._progress,
                          on_result=lambda r: self._ready(req, r), on_error=self._failed,
                          on_finished=self._finished)
        self.worker = worker
        worker.start()
        return worker

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def _progress(self, p: Progress) -> None:
        if p.total:
            self.progress.setRange(0, int(p.total))
            self.progress.setValue(int(p.done))

    def _ready(self, req: ExportRequest, result: Built) -> None:
        data, count, applied = result.data, result.count, result.applied
        force = False
        if req.path.exists():
            answer = QMessageBox.question(
                self, self.tr("Replace the file?"),
                self.tr("%1 exists. Replace it with this export?").replace("%1", str(req.path)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self.status.setText(self.tr("Not exported: the file exists and was kept."))
                return
            force = True
        try:
            self.written = write_new(req.path, data, force=force)
        except Exception as e:  # write_new's errors are sentences naming the file
            self._failed(e)
            return
        # what text the file holds, as broadsheet export says it: the reader's corrections named when there are any
        # (it said nothing of them; "as the sources print it" alone was untrue of a corrected text)
        said = self.tr("Exported %1 article(s) to %2: the text as the sources print it, with %3 correction(s) of yours "
                       "applied.") if applied else self.tr("Exported %1 article(s) to %2: the text as the sources "
                                                           "print it.")
        if result.theirs:  # a colleague's were said to be the reader's
            said = self.tr("Exported %1 article(s) to %2: the text as the sources print it, with %3 correction(s) "
                           "applied, %4 of them your colleagues' (%5).").replace(
                "%4", str(sum(result.theirs.values()))).replace("%5", ", ".join(sorted(result.theirs)))
        said = said.replace("%1", str(count)).replace("%2", str(self.written)).replace("%3", str(applied))
        if result.left_out:
            said += " " + self.tr("%1 entry(ies) of the collection not exported: their article is no longer in the "
                                  "library, or was merged into another (the entries are kept).").replace(
                "%1", str(result.left_out))
        self.status.setText(said)
        self.cancel_button.setText(self.tr("Close"))  # nothing is left to cancel (it said Cancel — seen by eye)
        log.info("exported %d article(s) as %s to %s", count, req.fmt, self.written)
        self.exported.emit(str(self.written))

    def _failed(self, e: BaseException) -> None:
        self.error = str(e) or type(e).__name__
        if isinstance(e, ExportCancelled):
            self.status.setText(self.tr("Export cancelled."))
        else:
            self.status.setText(self.error)
        log.warning("export failed: %s", self.error)

    def _finished(self) -> None:
        self.worker = None
        self.progress.hide()
        self.export_button.setEnabled(True)
