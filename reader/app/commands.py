"""The reader's edits as plain command objects: ``do()`` and ``undo()``, no Qt.

The window wraps them for its undo stack (a QUndoCommand whose redo/undo call
these); the command line runs ``do()`` once. Each command writes through the
stores (:mod:`reader.annotations.store`, :mod:`reader.corrections.store`) and
then calls ``on_change`` so views over the overlay can forget what they cached.
An import of files is a command too, but one that cannot be undone
(``undoable`` is False): the window runs it without pushing it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from reader.annotations.store import (
    Annotation,
    AnnotationConflict,
    AnnotationError,
    AnnotationStore,
    BackupError,
    normalize_tags,
    read_backup,
)
from reader.app.placing import reattach_as_read
from reader.app.work import WorkReport, backup_here, live_renames
from reader.corrections.store import Correction, CorrectionError, CorrectionStore, rekeyed
from reader.library import importer
from reader.library.catalogue import Library, renamed_key
from reader.model.errors import BroadsheetError


class CommandError(BroadsheetError):
    """A command cannot be done or undone as asked."""


class Command(Protocol):
    """An edit that can be done and undone."""

    label: str
    undoable: bool

    def do(self) -> None: ...

    def undo(self) -> None: ...


def _nothing() -> None:
    return None


#: a correction kind's name in the Edit → Undo menu
CORRECTION_LABELS = {"merge": "Merge articles", "split": "Split article", "headline": "Set headline",
                     "join": "Join paragraphs", "split-paragraph": "Split paragraph", "text": "Correct OCR text",
                     "move": "Move block", "role": "Set role"}


def written(annotation: Annotation) -> tuple[str, tuple[str, ...], str]:
    """What the reader writes of an annotation: note, tags, who may see it (not where it is)."""
    return annotation.note, tuple(normalize_tags(annotation.tags)), annotation.visibility


def put_back(store: AnnotationStore, annotation: Annotation, library: Library | None = None,
             expected: Annotation | None = None) -> Annotation:
    """Write the reader's own annotation back — the undo or the redo of a highlight, an edit or a deletion — as the
    library is now; what is stored, as it is now.

    Stored still: its note, tags and who may see it go over the annotation as it is stored, which keeps where an
    import placed it since the reader made the edit. Not stored (deleted, or its highlight undone): stored again,
    named by its article's new id if an import renamed it, and found again in the text as it is now
    (``library`` given). Writing back the copy the command kept put the note on the article and offsets of before
    the import — an article gone, other words — said attached (seen by eye).

    ``expected``: what the reader's own last write left (an undo puts back what was there before the edit it
    undoes); when the annotation reads otherwise now — changed elsewhere since, another window, the command line —
    nothing is written and :class:`AnnotationConflict` says so: an undo wrote the first text back over a
    colleague's later one, unsaid."""
    try:
        now: Annotation | None = store.get(annotation.id)
    except AnnotationError:
        now = None
    if now is not None and expected is not None and written(now) != written(expected):
        raise AnnotationConflict(f"annotation {annotation.id} was changed elsewhere since: it now reads "
                                 f"{now.note!r}")
    if now is not None:
        kept = replace(now, note=annotation.note, tags=list(annotation.tags), visibility=annotation.visibility)
        store.upsert(kept)
        return kept
    again = replace(annotation, tags=list(annotation.tags))
    if library is not None:
        again.article = renamed_key(again.article, live_renames(library))
    store.add(again)
    if library is not None:
        reattach_as_read(library, store, [store.get(again.id)])
    return store.get(again.id)


def as_now(library: Library, correction: Correction) -> Correction:
    """``correction`` naming its articles by the ids they have now: a correction stored again by a redo (or by the
    undo of a correction's replacement) after an import gave its article another id was on the old id, and its
    article read as the OCR has it (the import re-keys only what is stored when it runs)."""
    return rekeyed(correction, live_renames(library), {}) or correction


@dataclass
class AddCorrection:
    """Add a correction to the overlay; undo removes it."""

    store: CorrectionStore
    correction: Correction
    on_change: Callable[[], None] = _nothing
    undoable: bool = True
    label: str = ""
    #: the library, so a redo after an import names the article by the id it has now (:func:`as_now`)
    library: Library | None = None

    def __post_init__(self) -> None:
        self.label = self.label or CORRECTION_LABELS.get(self.correction.kind, self.correction.kind)

    def do(self) -> None:
        # stored as first stored: with the text of its lines kept then (stored again without it, a redo after an
        # import kept the text of whatever line now had its line's number), under its article's id now; a redo at
        # its place in the order made (:meth:`CorrectionStore.put_back`)
        self.correction = self.store.put_back(self.correction if self.library is None
                                         else as_now(self.library, self.correction))
        self.on_change()

    def undo(self) -> None:
        self.store.delete(self.correction.id)
        self.on_change()


@dataclass
class AddAnnotation:
    """Add a highlight or note; undo deletes it."""

    store: AnnotationStore
    annotation: Annotation
    on_change: Callable[[], None] = _nothing
    undoable: bool = True
    label: str = "Highlight"
    #: the library, so a redo after an import finds the highlight's words where they are now (:func:`put_back`)
    library: Library | None = None
    _done: bool = False

    def do(self) -> None:
        if self._done:  # a redo, after the reader's undo
            put_back(self.store, self.annotation, self.library)
        else:
            self.store.add(self.annotation)
            self._done = True
        self.on_change()

    def undo(self) -> None:
        self.store.delete(self.annotation.id)
        self.on_change()


@dataclass
class EditAnnotation:
    """Replace an annotation's note and tags; undo puts the old ones back."""

    store: AnnotationStore
    old: Annotation
    new: Annotation
    on_change: Callable[[], None] = _nothing
    undoable: bool = True
    label: str = "Edit annotation"
    library: Library | None = None

    def __post_init__(self) -> None:
        if self.old.id != self.new.id:
            raise CommandError("an edit must keep the annotation's id")
        self.old = replace(self.old, tags=list(self.old.tags))

    _done: bool = False

    def do(self) -> None:
        edited = replace(self.new, tags=list(self.new.tags))
        if self._done:  # redo: the reader's own history, after their own undo (refused if changed elsewhere since)
            put_back(self.store, edited, self.library, expected=self.old)
        else:  # refused if the annotation changed elsewhere since the reader opened it
            self.store.update(edited)
            self._done = True
        self.on_change()

    def undo(self) -> None:
        put_back(self.store, self.old, self.library, expected=self.new)
        self.on_change()


@dataclass
class DeleteAnnotation:
    """Delete an annotation; undo puts it back as it was."""

    store: AnnotationStore
    annotation: Annotation
    on_change: Callable[[], None] = _nothing
    undoable: bool = True
    label: str = "Delete annotation"
    library: Library | None = None

    def __post_init__(self) -> None:
        self.annotation = replace(self.annotation, tags=list(self.annotation.tags))

    def do(self) -> None:
        self.store.delete(self.annotation.id)
        self.on_change()

    def undo(self) -> None:
        put_back(self.store, self.annotation, self.library)
        self.on_change()


@dataclass
class ImportFiles:
    """Import files and folders with ``run`` (the archive's import); not undoable — the sources stay imported."""

    run: Callable[[list[str], threading.Event], importer.ImportReport]
    paths: list[str]
    cancel: threading.Event = field(default_factory=threading.Event)
    on_change: Callable[[], None] = _nothing
    undoable: bool = False
    label: str = "Import"
    report: importer.ImportReport | None = None

    def do(self) -> None:
        self.report = self.run(self.paths, self.cancel)
        self.on_change()

    def undo(self) -> None:
        raise CommandError("an import cannot be undone")


@dataclass(frozen=True)
class Restored:
    """What restoring a backup added: annotations (new or edited in the backup since), collections (new or
    merged), new corrections."""

    annotations: int
    collections: int
    corrections: int
    #: the restored annotations whose passage was not found in this library (kept, orphaned)
    orphaned: list[Annotation] = field(default_factory=list)
    #: how the restored work was re-keyed to this library's articles and files
    work: WorkReport = field(default_factory=WorkReport)
    #: annotations of the backup left as they are here: edited since the backup's
    newer_kept: int = 0
    #: articles of the backup's collections added to collections of the same name here (removed since, perhaps)
    entries_added: int = 0
    #: annotations of the backup that are others' here (a colleague's, on a shared library): left as they are
    others_kept: int = 0
    #: collections of the backup that are others' here (a colleague's, shared with the reader): left as they are
    others_collections: int = 0
    #: annotations of the backup here already, not edited since the backup's: kept as they are here (where this
    #: library placed them: re-attached after an import, perhaps), not replaced by the backup's copy
    unchanged: int = 0


def restore_backup(library: Library, path: Path) -> Restored:
    """Restore an annotations backup file into ``library`` (``annotations import``).

    The whole file is decoded and checked first — annotations, collections and
    every correction record — so a malformed backup is refused with one
    sentence naming the file (:class:`BackupError`) and nothing is stored.
    """
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise BackupError(path, e.strerror or str(e)) from e
    backup = read_backup(raw, path)
    for n, record in enumerate(backup.corrections, 1):
        try:
            Correction.from_json(record)
        except CorrectionError as e:
            raise BackupError(path, f"correction {n}: {e}") from e
    # the backup's articles by their ids here, before anything is stored: an import here may have renamed them
    # since the backup was made, or the backup may come from a library of the same files imported elsewhere
    # (another disk, another machine: each file found by its sha256, each article by its anchor there)
    work = WorkReport(renamed_why="the same file, imported here from another place")
    backup = backup_here(library, backup, work)
    store = AnnotationStore.of(library)
    counts = store.import_backup(backup)
    added = CorrectionStore.of(library).import_records(backup.corrections)
    restored = {a.id for a in backup.annotations}
    results = reattach_as_read(library, store, [a for a in store.find() if a.id in restored])
    return Restored(counts["annotations"], counts["collections"], added,
                    [r.annotation for r in results if r.orphaned], work, counts["newer_kept"],
                    counts["entries_added"], counts["others_kept"], counts["others_collections"],
                    counts["unchanged"])
