"""The researcher's work after an import: where each annotation and correction stands now.

After every import — in the window and from the command line alike — each annotation is either
still on its text, re-attached to where its text moved (with the reason), or kept as orphaned; each
correction either still applies, was re-anchored on its lines' text (with the reason), or is listed
as stale. Nothing is ever silently moved to another article: :func:`check_work` is the one place
that looks, and :class:`WorkReport` is what the import report, ``annotations list`` and the window's
panels show.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from reader.annotations.store import STATUS_MOVED, AnnotationStore, Reattached, reattach_in_library
from reader.app.overlay import Overlay
from reader.app.readings import anchored_source, root_key
from reader.corrections.store import Correction, apply_overlay, line_pages_of
from reader.library.catalogue import Library, NotFoundError


@dataclass
class WorkReport:
    """Where the reader's work stands after an import."""

    annotations_attached: int = 0
    #: annotations whose text moved, re-attached there (the reason is their attachment's method)
    annotations_moved: list[Reattached] = field(default_factory=list)
    annotations_orphaned: list[Reattached] = field(default_factory=list)
    corrections_applied: int = 0
    #: (correction, why it was re-anchored)
    corrections_reanchored: list[tuple[Correction, str]] = field(default_factory=list)
    #: (correction, why it no longer applies)
    corrections_stale: list[tuple[Correction, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One sentence per thing the reader should know (orphans, stale corrections), then a summary."""
        out = [f"annotation {r.annotation.id} is orphaned: its passage {r.annotation.anchor.exact!r} was not "
               "found again (it is kept)" if r.annotation.anchor else
               f"annotation {r.annotation.id} is orphaned: its article is gone (it is kept)"
               for r in self.annotations_orphaned]
        out += [f"annotation {r.annotation.id} on {r.annotation.anchor.exact!r} is now on article {r.article}: its "
                f"words went there from article {r.was}" for r in self.annotations_moved
                if r.changed_article and r.annotation.anchor is not None]
        out += [f"correction {c.id} ({c.kind}) re-anchored: {why}" for c, why in self.corrections_reanchored]
        out += [f"correction {c.id} ({c.kind}) no longer applies: {why} (it is kept)"
                for c, why in self.corrections_stale]
        return out

    def summary(self) -> str:
        return (f"your work: {self.annotations_attached} annotation(s) in place, {len(self.annotations_moved)} "
                f"re-attached, {len(self.annotations_orphaned)} orphaned; {self.corrections_applied} correction(s) "
                f"apply, {len(self.corrections_reanchored)} re-anchored, {len(self.corrections_stale)} stale")

    @property
    def empty(self) -> bool:
        return not (self.annotations_attached or self.annotations_moved or self.annotations_orphaned
                    or self.corrections_applied or self.corrections_reanchored or self.corrections_stale)


def _issue_of(library: Library, c: Correction) -> int | None:
    """The issue a correction belongs to: its article's, else (its article re-cut) its source's."""
    try:
        return library.article_info(root_key(c.article)).issue_id
    except NotFoundError:
        pass
    source = anchored_source(c)
    if source is None:
        return None
    row = library.conn.execute("SELECT a.issue_id FROM articles a JOIN sources s ON s.id = a.source_id "
                               "WHERE s.path = ? LIMIT 1", (source,)).fetchone()
    return int(row[0]) if row else None


def check_corrections(library: Library, report: WorkReport) -> None:
    """Apply every correction to its issue as the sources are now; count what applies, moved, or is stale."""
    overlay = Overlay(library)
    corrections = overlay.corrections()
    moved = {r.correction.id: r.reason for r in overlay.reanchored}
    by_issue: dict[int | None, list[Correction]] = defaultdict(list)
    for c in corrections:
        by_issue[_issue_of(library, c)].append(c)
    for issue_id, group in by_issue.items():
        if issue_id is None:
            report.corrections_stale += [(c, "its article and its source are gone") for c in group]
            continue
        ids = [i.id for i in library.articles(issue_id=issue_id)]
        sources = {i.id: i.source for i in library.articles(issue_id=issue_id)}
        result = apply_overlay([library.article(i) for i in ids], group, line_pages=line_pages_of(library, ids),
                               sources=sources)
        report.corrections_stale += result.stale
        report.corrections_applied += len(result.applied)
        report.corrections_reanchored += [(c, moved[c.id]) for c in result.applied if c.id in moved]


def check_annotations(library: Library, report: WorkReport) -> None:
    """Re-attach annotations whose text moved; keep the ones that cannot be found, orphaned."""
    store = AnnotationStore.of(library)
    total = len(store.find())
    for r in reattach_in_library(library, store):  # only those whose text was not where it was
        if r.orphaned:
            report.annotations_orphaned.append(r)
        elif r.annotation.status == STATUS_MOVED:
            report.annotations_moved.append(r)
    report.annotations_attached = total - len(report.annotations_moved) - len(report.annotations_orphaned)


def check_work(library: Library) -> WorkReport:
    """Where every annotation and correction stands after an import (re-attaching and re-anchoring)."""
    report = WorkReport()
    check_annotations(library, report)
    check_corrections(library, report)
    return report
