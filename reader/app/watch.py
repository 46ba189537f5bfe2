"""What others changed in the reader's work while the library was open.

A window is open for hours; meanwhile ``broadsheet note add`` or ``broadsheet correct`` runs in a terminal, a
second window writes, a colleague annotates the group's PostgreSQL library. The library counts every change to
each component's tables (:mod:`reader.library.changes`); :meth:`WorkWatch.look` compares the counters with the
last look and says which kinds of work to read again. Corrections are re-applied only when the ones the overlay
applies are not the store's any more (re-applying them re-reads every corrected article): a window's own
correction, already applied, moves the counter but changes nothing here. The window's own notes and collections
are acknowledged as it shows them (:meth:`WorkWatch.acknowledge`, right after its write, on the connection that
wrote): a change another process commits in the moment between the two is shown at the next change or opening
— a note is never lost, its showing may wait.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection
from dataclasses import dataclass

from reader.annotations.store import AnnotationStore
from reader.app.overlay import Overlay
from reader.app.work import WorkReport, told_news
from reader.library.catalogue import Library
from reader.library.changes import CATALOGUE_CHANGES, NEWS_CHANGES, work_changes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Elsewhere:
    """Which of the reader's work changed since the last look."""

    #: notes, highlights, tags or collections
    annotations: bool = False
    #: a correction made or undone that the overlay does not apply yet
    corrections: bool = False
    #: an import or a reindex by another process changed the library, and has ended
    catalogue: bool = False
    #: what an import by someone else (a shared library's owner) did to the reader's work, told now, once
    #: (:func:`reader.app.work.told_news`): a window open all day told it only when the library was opened again
    told: WorkReport | None = None

    def __bool__(self) -> bool:
        return self.annotations or self.corrections or self.catalogue or self.told is not None


class WorkWatch:
    """The counters as last seen; :meth:`look` runs on any thread (each reads through its own connection)."""

    def __init__(self, library: Library, overlay: Overlay) -> None:
        self._library = library
        self._overlay = overlay
        self._lock = threading.Lock()
        #: the fingerprint of the notes and collections as last looked at (None: not known)
        self._shown: str | None = None
        try:
            self._seen = work_changes(library.conn)
        except Exception as e:  # noqa: BLE001 - the counts cannot be read (a role without the right): no watch
            log.info("%s: changes made elsewhere will not be followed (%s)", library.location, e)
            self._seen = {}

    def acknowledge(self, component: str) -> None:
        """The window has shown ``component``'s work as it is now (after its own write): not news at the next look."""
        now = work_changes(self._library.conn).get(component)
        with self._lock:
            if now is not None:
                self._seen[component] = now

    def look(self, later: Collection[str] = ()) -> Elsewhere:
        """What changed since the last look (the counters read once; the corrections' ids when theirs moved).
        Components in ``later`` are not looked at now: their news waits for a look without them (the window's
        own import runs: the library is read again when it ends)."""
        now = {k: n for k, n in work_changes(self._library.conn).items() if k not in later}
        with self._lock:
            moved = {k for k, n in now.items() if n != self._seen.get(k)}
        corrections = "corrections" in moved and self._overlay.stale()  # may fail: then nothing is taken as seen
        annotations = "annotations" in moved and self._annotations_differ()
        told = told_news(self._library) if NEWS_CHANGES in moved else None  # someone was told: is it this reader?
        with self._lock:
            self._seen.update(now)
        return Elsewhere(annotations=annotations, corrections=corrections, catalogue=CATALOGUE_CHANGES in moved,
                         told=told)

    def _annotations_differ(self) -> bool:
        """Whether the notes, tags and collections this reader sees differ from the last ones looked at (a change
        counted elsewhere may be a colleague's private note, not this reader's to see)."""
        now = AnnotationStore(self._library.conn).fingerprint()
        with self._lock:
            differ, self._shown = now != self._shown, now
        return differ
