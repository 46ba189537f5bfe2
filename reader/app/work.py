"""The researcher's work after an import: where each annotation and correction stands now.

After every import — in the window and from the command line alike — each annotation is either
still on its text, re-attached to where its text moved (with the reason), or kept as orphaned; each
correction either still applies, was re-anchored on its lines' text (with the reason), or is listed
as stale. Nothing is ever silently moved to another article: :func:`check_work` is the one place
that looks, and :class:`WorkReport` is what the import report, ``annotations list`` and the window's
panels show.

Before that, the work follows its articles where the import renamed them (:func:`follow_work`): a source file
moved (same bytes, new path, whatever its new path files it under) keeps its articles' ids, and the corrections and
notes anchored on its old path are told the new one; an article whose id changed (its first line edited,
:func:`reader.library.catalogue.renamed_keys`) has its corrections, notes and collection entries re-keyed to the new
id, and the report says so.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from reader.annotations.store import (
    STATUS_MOVED,
    STATUS_ORPHANED,
    Annotation,
    AnnotationStore,
    Attachment,
    Backup,
    Reattached,
)
from reader.annotations.store import Collection as AnnotationCollection
from reader.app.overlay import Overlay
from reader.app.placing import reattach_as_read
from reader.app.readings import anchored_source, root_key
from reader.corrections.anchors import named_lines
from reader.corrections.store import (
    ARTICLE_FIELDS,
    Correction,
    CorrectionStore,
    TextChange,
    apply_overlay,
    line_pages_by_source,
    locate_text_fix,
    located_fixes,
    newest_wins,
    rekeyed,
)
from reader.library.catalogue import Library, NotFoundError, anchored_keys, article_anchor, renamed_key
from reader.library.changes import NEWS_CHANGES, count_change
from reader.library.importer import WORK_CHECK_PENDING
from reader.library.owners import Whose, current_owner, is_postgres, whose_work
from reader.model import graphemes
from reader.model.document import Article


@dataclass
class WorkReport:
    """Where the reader's work stands after an import."""

    annotations_attached: int = 0
    #: annotations whose text moved, re-attached there (the reason is their attachment's method)
    annotations_moved: list[Reattached] = field(default_factory=list)
    annotations_orphaned: list[Reattached] = field(default_factory=list)
    #: annotations orphaned before this check and still not found: counted, not said again (an earlier import said it)
    annotations_still_orphaned: list[Reattached] = field(default_factory=list)
    corrections_applied: int = 0
    #: (correction, why it was re-anchored)
    corrections_reanchored: list[tuple[Correction, str]] = field(default_factory=list)
    #: (correction, why it no longer applies)
    corrections_stale: list[tuple[Correction, str]] = field(default_factory=list)
    #: corrections an earlier import said no longer apply, still not applying: counted, not said again
    corrections_still_stale: list[tuple[Correction, str]] = field(default_factory=list)
    #: (old id, new id) of the articles the reader had work on that an import gave a new id
    articles_renamed: list[tuple[str, str]] = field(default_factory=list)
    #: why they have new ids (an import; a backup restored, :func:`found_again`)
    renamed_why: str = "its start changed in its source"
    #: who imported, when the report is of an import by someone else (:func:`told_news`): the reader's notes only
    by: str = ""
    #: (old path, new path) of the moved source files the reader's work was anchored on
    sources_moved: list[tuple[str, str]] = field(default_factory=list)
    #: how many corrections, annotations and collection entries were re-keyed to follow them
    corrections_followed: int = 0
    annotations_followed: int = 0
    entries_followed: int = 0
    #: (collection, old id, new id): entries on an article an import took away, re-keyed to the article the words
    #: noted on it went to (:func:`check_collections`)
    entries_moved: list[tuple[str, str, str]] = field(default_factory=list)
    #: (collection, id): entries on an article no longer in the library, with nothing to follow (kept)
    entries_gone: list[tuple[str, str]] = field(default_factory=list)
    #: on a shared library, colleagues' notes the reader may see (:class:`~reader.library.owners.Whose`) that this
    #: check re-attached where their words went, and that it found no more: counted, never named nor quoted
    colleagues_moved: int = 0
    colleagues_orphaned: int = 0
    #: every colleague's note (private ones too) this check re-attached, orphaned or found again: their owner's to
    #: be told (:func:`tell_owners`), never the reader's
    colleagues_placed: list[Reattached] = field(default_factory=list)
    #: every colleague's correction that does not apply now (private ones too), with why; their collections' entries
    #: whose article is gone, and (collection, old id, new id) those that followed the words noted on it: their
    #: owners' to be told (:func:`tell_owners`), never the reader's
    colleagues_stale: list[tuple[Correction, str]] = field(default_factory=list)
    colleagues_entries_gone: list[tuple[AnnotationCollection, str]] = field(default_factory=list)
    colleagues_entries_moved: list[tuple[AnnotationCollection, str, str]] = field(default_factory=list)

    def lines(self, named: Callable[[str], str] | None = None) -> list[str]:
        """One sentence per thing the reader should know of their own work (orphans, stale corrections); a
        colleague's work is only counted, in :meth:`summary`. Of an import by someone else (:attr:`by`) each says
        whose import it was: the window lists them one by one in its Problems panel, the command line above its
        summary, and both say it in these words (the window's said what happened to the note, not who did it).
        ``named``: how an article is named (the window: its headline, "“Strike” (a309…)"; the command line: its id,
        which scripts read); a note is named by its first words there (the window listed "annotation 7753a7e2-… is
        now on article a309…": ids where words belong, seen by eye)."""
        out = self._lines(named or str, named is not None)
        return [f"after an import by {self.by}, {line}" for line in out] if self.by else out

    def _lines(self, named: Callable[[str], str], words: bool) -> list[str]:
        def note(a: Annotation) -> str:
            if not words:
                return f"annotation {a.id}"
            said = " ".join(a.note.split())
            return f"your note “{graphemes.clip(said, 40)}”" if said else "your highlight"

        out = [f"{note(r.annotation)} is orphaned: its passage {r.annotation.anchor.exact!r} was not "
               "found again (it is kept)" if r.annotation.anchor else
               f"{note(r.annotation)} is orphaned: its article is gone (it is kept)"
               for r in self.annotations_orphaned]
        out += [f"article {named(old)} is now {named(new)} ({self.renamed_why}): your corrections, notes and "
                "collection entries on it follow it" for old, new in self.articles_renamed]
        out += [f"{note(r.annotation)} on {r.annotation.anchor.exact!r} is now on article "
                f"{named(r.article or '')}: its words went there from article {named(r.was)}"
                for r in self.annotations_moved
                if r.changed_article and r.annotation.anchor is not None]
        out += [f"{note(r.annotation)} was made on {r.annotation.made_on!r}, words changed in the source: "
                f"it is now on {r.annotation.anchor.exact!r} (the words it was made on are kept)"
                for r in self.annotations_moved if r.changed_words and r.annotation.anchor is not None]
        out += [f"collection {name!r}: article {old} is gone, the entry now names article {new}, where the words "
                "noted on it went" for name, old, new in self.entries_moved]
        out += [f"collection {name!r} names article {old}, which is no longer in the library (its file was read "
                "again; the entry is kept)" for name, old in self.entries_gone]
        out += [f"correction {c.id} ({c.kind}) re-anchored: {why}" for c, why in self.corrections_reanchored]
        out += [f"correction {c.id} ({c.kind}) no longer applies: {why} (it is kept)"
                for c, why in self.corrections_stale]
        return out

    def summary(self) -> str:
        if self.by:
            told = (f"your work after an import by {self.by}: {len(self.annotations_moved)} annotation(s) re-attached, "
                    f"{len(self.annotations_orphaned)} orphaned")
            if self.corrections_stale:
                told += f"; {len(self.corrections_stale)} correction(s) no longer apply"
            if self.entries_moved or self.entries_gone:
                told += (f"; {len(self.entries_moved)} collection entr(ies) followed their words, "
                         f"{len(self.entries_gone)} gone")
            return told
        followed = ""
        if self.followed:
            followed = (f"; {self.corrections_followed} correction(s), {self.annotations_followed} annotation(s) and "
                        f"{self.entries_followed} collection entr(ies) follow their articles, renamed or moved")
        colleagues = ""
        if self.colleagues_moved or self.colleagues_orphaned:
            colleagues = (f"; colleagues' work you may see: {self.colleagues_moved} note(s) followed their words, "
                          f"{self.colleagues_orphaned} orphaned")
        return (f"your work: {self.annotations_attached} annotation(s) in place, {len(self.annotations_moved)} "
                f"re-attached, {len(self.annotations_orphaned) + len(self.annotations_still_orphaned)} orphaned; "
                f"{self.corrections_applied} correction(s) "
                f"apply, {len(self.corrections_reanchored)} re-anchored, "
                f"{len(self.corrections_stale) + len(self.corrections_still_stale)} stale"
                + followed + colleagues)

    @property
    def followed(self) -> bool:
        return bool(self.corrections_followed or self.annotations_followed or self.entries_followed)

    @property
    def empty(self) -> bool:
        return not (self.annotations_attached or self.annotations_moved or self.annotations_orphaned
                    or self.annotations_still_orphaned
                    or self.corrections_applied or self.corrections_reanchored or self.corrections_stale
                    or self.corrections_still_stale
                    or self.followed or self.entries_gone or self.colleagues_moved or self.colleagues_orphaned)


def _existing(library: Library, keys: Collection[str]) -> set[str]:
    """Which of ``keys`` are articles of the library now."""
    found: set[str] = set()
    listed = sorted(keys)
    for i in range(0, len(listed), 500):
        chunk = listed[i:i + 500]
        found.update(str(r[0]) for r in library.conn.execute(
            f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def live_renames(library: Library) -> dict[str, str]:
    """Old id → the article it is now, for every article an import renamed that is gone while its last new id is
    an article (a chain of renames followed to its end)."""
    renames = library.renamed_articles()
    ends: dict[str, str] = {}
    for old, new in renames.items():
        seen = {old}
        while new in renames and new not in seen:
            seen.add(new)
            new = renames[new]
        ends[old] = new
    live = _existing(library, set(ends) | set(ends.values()))
    return {old: new for old, new in ends.items() if old not in live and new in live}


def _work_keys(corrections: Sequence[Correction], annotations: Sequence[Annotation],
               collections: Sequence[AnnotationCollection]) -> set[str]:
    """The catalogue articles (roots of split-off keys) the reader's work names."""
    keys = {c.article for c in corrections}
    keys |= {str(c.data[f]) for c in corrections for f in ARTICLE_FIELDS if isinstance(c.data.get(f), str)}
    keys |= {a.article for a in annotations}
    keys |= {i for coll in collections for i in coll.items}
    return {root_key(k) for k in keys}


def corrections_about(corrections: Sequence[Correction], key: str) -> list[Correction]:
    """Of ``corrections``, those on the catalogue article ``key`` is or was cut from: stored under it or under a
    piece split off it (``key~line``), or naming it (the article a merge took in, a part moved to). ``correct list
    --article`` listed only those stored under the very key: a piece's headline and the merge that took the
    article into another went unlisted."""
    root = root_key(key)
    return [c for c in corrections if root_key(c.article) == root
            or any(isinstance(c.data.get(f), str) and root_key(str(c.data[f])) == root for f in ARTICLE_FIELDS)]


def moved_sources(library: Library, anchored: Mapping[str, str]) -> dict[str, str]:
    """Old path → new path of the source files work is anchored on (``anchored``: path → an article key the work
    names with it) that the library no longer has at that path while the article is there, from another (a file
    moved keeps its articles' ids: :meth:`reader.library.catalogue.Library.move_source`)."""
    out: dict[str, str] = {}
    for path, key in anchored.items():
        if library.source(path) is not None:
            continue
        try:
            now = library.article_info(root_key(key)).source
        except NotFoundError:
            continue
        if now != path:
            out[path] = now
    return out


def follow_work(library: Library, report: WorkReport, keys: Mapping[str, str] | None = None,
                paths: Mapping[str, str] | None = None, moved: Sequence[tuple[str, str]] = ()) -> None:
    """Re-key the reader's work to where its articles are now: ``keys`` (old id → new; default the renames the
    imports recorded, :func:`live_renames`) and ``paths`` (old source path → new; default the moves the work's
    articles show, :func:`moved_sources`). Counted in ``report``, with the collection entries on the articles of
    the files moved (``moved``: the import's (new path, old path); and ``paths``): an entry names its article by
    its id, which a move keeps, so nothing of it changes — and the count said 0 entries followed beside the note
    that did (seen by a tester)."""
    corrections = CorrectionStore.of(library)
    notes = AnnotationStore.of(library)
    found = corrections.find()
    if keys is None:
        keys = live_renames(library)
    if paths is None:
        anchored = {s: renamed_key(c.article, keys) for c in found if (s := anchored_source(c))}
        anchored.update({a.source: renamed_key(a.article, keys) for a in notes.find() if a.source})
        paths = moved_sources(library, anchored)
    moved_files = set(paths.values()) | {new for new, _old in moved}
    if not keys and not moved_files:
        return
    # everyone's work follows (the owner of a shared library's tables writes every row); the reader is told of
    # their own only
    mine = whose_work(library.conn)
    own_notes = [a for a in notes.find() if mine(a.owner, a.visibility) is Whose.MINE]
    own_collections = [c for c in notes.collections() if mine(c.owner, c.visibility) is Whose.MINE]
    named = _work_keys([c for c in found if mine(c.owner, c.visibility) is Whose.MINE], own_notes, own_collections)
    report.articles_renamed += sorted((old, new) for old, new in keys.items() if old in named)
    report.sources_moved += sorted(paths.items())
    report.corrections_followed += sum(1 for c in corrections.rekey(keys, paths)
                                       if mine(c.owner, c.visibility) is Whose.MINE)
    changed, _entries = notes.rekey(keys, paths)
    report.annotations_followed += sum(1 for a in changed if mine(a.owner, a.visibility) is Whose.MINE)
    report.entries_followed += _renamed_entries(own_collections, keys)
    report.entries_followed += _entries_on_files(library, own_collections, keys, moved_files)


def _entries_on_files(library: Library, collections: Sequence[AnnotationCollection], keys: Mapping[str, str],
                      files: Collection[str]) -> int:
    """How many entries of ``collections`` not re-keyed by ``keys`` name an article of one of ``files``."""
    if not files:
        return 0
    count = 0
    for key in (i for c in collections for i in c.items if renamed_key(i, keys) == i):
        try:
            count += library.article_info(root_key(key)).source in files
        except NotFoundError:
            continue
    return count


def _renamed_entries(collections: Sequence[AnnotationCollection], keys: Mapping[str, str]) -> int:
    """How many entries of ``collections`` name an article ``keys`` gives a new id."""
    return sum(1 for c in collections for i in c.items if renamed_key(i, keys) != i)


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


def work_sources(library: Library, annotations: Sequence[Annotation], corrections: Sequence[Correction],
                 collections: Sequence[AnnotationCollection]) -> dict[str, str]:
    """Path → sha256 of every source file the reader's work is on (its articles' files, the files its notes and
    corrections were anchored on): what a backup keeps to find them again wherever they are imported."""
    paths = {a.source for a in annotations if a.source}
    paths |= {s for c in corrections if (s := anchored_source(c))}
    for key in _work_keys(corrections, annotations, collections):
        try:
            paths.add(library.article_info(key).source)
        except NotFoundError:
            continue
    out: dict[str, str] = {}
    for path in sorted(paths):
        info = library.source(path)
        if info is not None and info.sha256:
            out[path] = info.sha256
    return out


def found_again(library: Library, sources: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Where the library holds the source files of a backup (``sources``: path → sha256, :func:`work_sources`)
    under another path: (old article id → id here, old path → path here). The same bytes give the same articles
    with the same anchors (:func:`reader.library.catalogue.article_anchor`), so each article's id where the backup
    was made is its anchor's under the old path."""
    keys: dict[str, str] = {}
    paths: dict[str, str] = {}
    for old, digest in sources.items():
        here = library.source(old)
        if here is not None and here.sha256 == digest:
            continue  # the same file at the same place: the ids are the same
        twins = library.sources_with_sha256(digest)
        if not twins:
            continue
        paths[old] = twins[0].path
        ids = [str(r[0]) for r in library.conn.execute("SELECT id FROM articles WHERE source_id = ? ORDER BY seq",
                                                       (twins[0].id,))]
        was = anchored_keys(old, [article_anchor(library.article(i)) for i in ids])
        keys.update((w, i) for w, i in zip(was, ids, strict=True) if w != i)
    return keys, paths


def backup_here(library: Library, backup: Backup, report: WorkReport) -> Backup:
    """``backup`` naming this library's articles and files, before anything of it is stored: each article id
    mapped through the renames this library's imports recorded (a chain followed to its end, :func:`live_renames`)
    and, where the backup's files are here under another path, to the ids of the same articles there
    (:func:`found_again`); the re-keying counted in ``report`` (the reader's own work). Mapped after storing, a
    restore counted the backup's old ids as collection entries "added" and its notes went back onto an id an
    import had replaced (seen by a tester)."""
    elsewhere, paths = found_again(library, backup.sources)
    keys = {**live_renames(library), **elsewhere}
    if not keys and not paths:
        return backup
    mine = whose_work(library.conn)
    annotations: list[Annotation] = []
    for a in backup.annotations:
        moved = replace(a, article=renamed_key(a.article, keys), source=paths.get(a.source, a.source))
        if (moved.article, moved.source) != (a.article, a.source) and mine(a.owner, a.visibility) is Whose.MINE:
            report.annotations_followed += 1
        annotations.append(moved)
    collections = [replace(c, items=list(dict.fromkeys(renamed_key(i, keys) for i in c.items)))
                   for c in backup.collections]
    corrections: list[dict[str, Any]] = []
    for record in backup.corrections:
        c = Correction.from_json(record)
        new = rekeyed(c, keys, paths)
        if new is not None and mine(c.owner, c.visibility) is Whose.MINE:
            report.corrections_followed += 1
        corrections.append(record if new is None else new.to_json())
    own = [c for c in backup.collections if mine(c.owner, c.visibility) is Whose.MINE]
    report.entries_followed += _renamed_entries(own, keys)
    named = _work_keys([Correction.from_json(r) for r in backup.corrections], backup.annotations, backup.collections)
    report.articles_renamed += sorted((old, new) for old, new in elsewhere.items() if old in named)
    report.sources_moved += sorted(paths.items())
    return replace(backup, annotations=annotations, collections=collections, corrections=corrections)


class Standing(Enum):
    """Whether a correction applies to the sources as they are now."""

    APPLIES = "applies"
    NOT_FOUND = "no longer found"


@dataclass(frozen=True)
class CorrectionPlace:
    """Where a correction is now (:func:`correction_places`): its line as the sources are now, and for an OCR text
    correction its characters there — in that line, and in the text of the reader's article showing it (the
    offsets ``correct text`` takes) — or why it is no longer found."""

    correction: Correction
    standing: Standing
    why: str = ""
    #: the reader's article that shows it now (a piece split off: ``key~line``)
    article: str | None = None
    line: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    start: int | None = None
    end: int | None = None
    #: an OCR text correction not read: the id of the later correction of its words that is (:func:`newest_wins`)
    under: str | None = None

    @property
    def found(self) -> bool:
        return self.standing is Standing.APPLIES

    def to_json(self) -> dict[str, object]:
        return {"found": self.found, "why": self.why or None, "article": self.article, "line": self.line,
                "line_start": self.line_start, "line_end": self.line_end, "start": self.start, "end": self.end,
                "under": self.under}


def correction_places(library: Library, wanted: Collection[str] | None = None) -> list[CorrectionPlace]:
    """Where each correction (of the ids ``wanted``, default all) is now, in the order made: applied to its issue
    as the sources are now, as the window and ``show`` apply it. Seen by a tester: after a re-read of an edited
    source ``correct list`` gave the offsets a correction was made at — other words of its line now."""
    corrections = Overlay(library).corrections()  # naming their lines as they are now
    by_issue: dict[int | None, list[Correction]] = defaultdict(list)
    for c in corrections:
        by_issue[_issue_of(library, c)].append(c)
    places: dict[str, CorrectionPlace] = {}
    for issue_id, group in by_issue.items():
        if issue_id is None:
            places.update((c.id, CorrectionPlace(c, Standing.NOT_FOUND, "its article and its source are gone"))
                          for c in group)
            continue
        infos = library.articles(issue_id=issue_id)
        sources = {i.id: i.source for i in infos}
        result = apply_overlay([library.article(i.id) for i in infos], group, sources=sources,
                               source_line_pages=line_pages_by_source(library, sources))
        stale = dict((c.id, why) for c, why in result.stale)
        for c in group:
            places[c.id] = (CorrectionPlace(c, Standing.NOT_FOUND, stale[c.id]) if c.id in stale
                            else _placed(c, result.articles, sources))
        _mark_under(group, result.articles, places)
    return [places[c.id] for c in corrections if wanted is None or c.id in wanted]


def _mark_under(group: Sequence[Correction], articles: Sequence[Article], places: dict[str, CorrectionPlace]) -> None:
    """Mark in ``places`` each OCR text correction of ``group`` (in the order made) that is not read, a later one of its
    words being read over it (:func:`newest_wins`): listed, it was not told from one read."""
    for article in articles:
        held = [c for c in group if c.kind == "text" and places[c.id].found and places[c.id].article == article.id]
        located = located_fixes(article, held)
        read = {f.correction.id for f in newest_wins(located)}
        for i, f in enumerate(located):
            if f.correction.id in read:
                continue
            over = next(g for g in reversed(located[i + 1:]) if g.part == f.part and g.start < f.end
                        and f.start < g.end)
            places[f.correction.id] = replace(places[f.correction.id], under=over.correction.id)


def _placed(c: Correction, articles: Sequence[Article], sources: Mapping[str, str]) -> CorrectionPlace:
    """Where correction ``c``, which applies, is in the reader's ``articles`` (the issue, corrected)."""
    line = named_lines(c.data)[0] if named_lines(c.data) else None
    source = anchored_source(c) or sources.get(root_key(c.article))
    mine = [a for a in articles if source is None or sources.get(root_key(a.id), source) == source]
    holder = next((a for a in mine if line in a.line_ids()), None) if line else None
    if holder is None or not isinstance(c.change, TextChange):
        return CorrectionPlace(c, Standing.APPLIES, article=holder.id if holder else c.article, line=line)
    offset = 0
    for part in holder.parts:
        where = locate_text_fix(part, c) if line in part.line_ids else None
        if where is not None:
            first, last = part.locate(where[0]), part.locate(where[1] - 1)
            return CorrectionPlace(c, Standing.APPLIES, article=holder.id, line=line,
                                   line_start=first[1] if first else None, line_end=last[1] + 1 if last else None,
                                   start=offset + where[0], end=offset + where[1])
        offset += len(part.text) + 2  # the parts of an article's text are parted by a blank line
    return CorrectionPlace(c, Standing.NOT_FOUND, f"the text {c.change.original!r} is no longer in line {line}")


def check_corrections(library: Library, report: WorkReport) -> None:
    """Apply every correction to its issue as the sources are now; count the reader's own that apply, moved, or are
    stale (a colleague's are found again as well, and left unsaid)."""
    overlay = Overlay(library)
    corrections = overlay.corrections()
    whose = whose_work(library.conn)
    mine = {c.id for c in corrections if whose(c.owner, c.visibility) is Whose.MINE}
    moved = {r.correction.id: r.reason for r in overlay.reanchored}
    by_issue: dict[int | None, list[Correction]] = defaultdict(list)
    for c in corrections:
        by_issue[_issue_of(library, c)].append(c)
    for issue_id, group in by_issue.items():
        if issue_id is None:  # a colleague's is theirs to be told, not the reader's (it was said as the reader's)
            lost = [(c, "its article and its source are gone") for c in group]
            report.corrections_stale += [(c, why) for c, why in lost if c.id in mine]
            report.colleagues_stale += [(c, why) for c, why in lost if c.id not in mine]
            continue
        ids = [i.id for i in library.articles(issue_id=issue_id)]
        sources = {i.id: i.source for i in library.articles(issue_id=issue_id)}
        articles = [library.article(i) for i in ids]
        result = apply_overlay(articles, group, sources=sources,
                               source_line_pages=line_pages_by_source(library, sources))
        report.corrections_stale += [(c, why) for c, why in result.stale if c.id in mine]
        report.colleagues_stale += [(c, why) for c, why in result.stale if c.id not in mine]
        report.corrections_applied += sum(1 for c in result.applied if c.id in mine)
        report.corrections_reanchored += [(c, moved[c.id]) for c in result.applied if c.id in moved and c.id in mine]
        holders = _to_line_holders(articles, [c for c in result.applied if root_key(c.article) not in sources],
                                   sources)
        holders_ids = {c.id for c in holders}
        # said once: the next import finds them where they are, and search lists them under their articles (a
        # correction another researcher owns is not ours to write, on a shared library: not counted as followed;
        # the owner of the tables writes it, and counts only their own)
        report.corrections_followed += overlay.store.settle(c for c in holders if c.id in mine)
        overlay.store.settle(c for c in holders if c.id not in mine)
        overlay.store.settle(c for c in result.applied if c.id in moved and c.id not in holders_ids)


def _to_line_holders(articles: Sequence[Article], corrections: Sequence[Correction],
                     sources: Mapping[str, str]) -> list[Correction]:
    """Of ``corrections`` that apply while naming an article the import re-cut away (its lines now in other
    articles, none holding most of them: no rename recorded), the ones naming no other article, each naming the
    article of its source file (``sources``: article key → source) that now holds its first line. Seen: such a
    correction was counted "applies" and shown, while search (which lists corrected words under the article a
    correction names) no longer found its word. The files of an issue number their lines alike (p1.l19 in
    seed_page.txt and in rendered_page.txt): a correction of no known source follows a line only one file has."""
    holder: dict[tuple[str | None, str], str] = {}
    anywhere: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        for line in a.line_ids():
            holder.setdefault((sources.get(root_key(a.id)), line), a.id)
            anywhere[line].add(a.id)


    def holder_of(c: Correction) -> str | None:
        lines = named_lines(c.data)
        source = anchored_source(c)
        if not lines or source:
            return holder.get((source, lines[0])) if lines else None
        held = anywhere.get(lines[0], set())
        return next(iter(held)) if len(held) == 1 else None

    out: list[Correction] = []
    for c in corrections:
        to = holder_of(c)
        # a split's own piece (KEY~line) is no other article: it goes with its article
        own = {"new_id"} if root_key(str(c.data.get("new_id") or "")) == root_key(c.article) else set()
        if to is not None and not any(c.data.get(f) for f in ARTICLE_FIELDS if f not in own):
            moved = replace(c, article=to)
            if own:
                moved.data = {**c.data, "new_id": renamed_key(str(c.data["new_id"]), {root_key(c.article):
                                                                                      root_key(moved.article)})}
            out.append(moved)
    return out


def check_annotations(library: Library, report: WorkReport) -> list[Reattached]:
    """Re-attach annotations whose text moved; keep the ones that cannot be found, orphaned. The reader's own are
    said and counted; of a colleague's (on a shared library, where the owner of the tables places every note)
    those the reader may see are counted only, and each is kept for its owner to be told (:func:`tell_owners`).
    Every note placed, whoever's: the evidence where an article's words went (:func:`check_collections`)."""
    store = AnnotationStore.of(library)
    whose = whose_work(library.conn)
    total = sum(1 for a in store.find() if whose(a.owner, a.visibility) is Whose.MINE)
    placed = reattach_as_read(library, store)  # only those whose text was not where it was (as the reader reads it)
    for r in placed:
        standing = whose(r.annotation.owner, r.annotation.visibility)
        if standing is not Whose.MINE:
            _colleagues(report, r, standing)
        elif r.orphaned:
            (report.annotations_still_orphaned if r.was_orphaned else report.annotations_orphaned).append(r)
        elif r.annotation.status == STATUS_MOVED:
            report.annotations_moved.append(r)
    report.annotations_attached = (total - len(report.annotations_moved) - len(report.annotations_orphaned)
                                   - len(report.annotations_still_orphaned))
    return placed


def _colleagues(report: WorkReport, r: Reattached, standing: Whose) -> None:
    """A colleague's note placed by this check: counted when the reader may see it and it is news (moved, or
    orphaned now), and kept for its owner when it is news to them (found again too)."""
    moved = not r.orphaned and r.annotation.status == STATUS_MOVED
    orphaned = r.orphaned and not r.was_orphaned
    if standing is Whose.SHARED:
        report.colleagues_moved += moved
        report.colleagues_orphaned += orphaned
    if moved or orphaned or (r.was_orphaned and not r.orphaned):
        report.colleagues_placed.append(r)


def check_collections(library: Library, report: WorkReport, placed: Sequence[Reattached] | None = None) -> None:
    """Collection entries on an article an import took away with no rename recorded (its lines mostly changed):
    re-keyed to the one article every note re-attached from it went to (its words are there: ``placed``, every
    note :func:`check_annotations` placed, default the reader's own in ``report``), else kept and said gone — once
    (:func:`_not_said_yet`). The notes followed their words; the entry stayed on the old id, one article short,
    unsaid. Everyone's entries follow; only the reader's own collections are said and counted, a colleague's are
    kept for their owner to be told (:func:`tell_owners`)."""
    store = AnnotationStore.of(library)
    whose = whose_work(library.conn)
    collections = store.collections()
    named = {root_key(i) for c in collections for i in c.items}
    gone = named - _existing(library, named) if named else set()
    if placed is None:
        placed = report.annotations_moved + report.annotations_orphaned + report.annotations_still_orphaned
    keys = _where_words_went(placed, gone) if gone else {}
    own = [c for c in collections if whose(c.owner, c.visibility) is Whose.MINE]
    if keys:
        store.rekey_entries(keys)
        report.entries_followed += _renamed_entries(own, keys)
    still_gone: list[tuple[AnnotationCollection, str]] = []
    for c in collections:
        mine = whose(c.owner, c.visibility) is Whose.MINE
        for item in c.items:
            old = root_key(item)
            if old in keys and mine:
                report.entries_moved.append((c.name, item, renamed_key(item, keys)))
            elif old in keys:
                report.colleagues_entries_moved.append((c, item, renamed_key(item, keys)))
            elif old in gone:
                (still_gone if mine else report.colleagues_entries_gone).append((c, item))
    report.entries_gone += _not_said_yet(library, still_gone)


def _where_words_went(placed: Sequence[Reattached], gone: Collection[str]) -> dict[str, str]:
    """Old id → the one article every note placed from the article ``gone`` went to (none found again: no one place)."""
    went: dict[str, set[str]] = defaultdict(set)
    for r in placed:
        if r.orphaned and root_key(r.annotation.article) in gone:  # not found again: no one place
            went[root_key(r.annotation.article)].add("")
        elif r.annotation.status == STATUS_MOVED and r.was and r.article and root_key(r.was) in gone:
            went[root_key(r.was)].add(root_key(r.article))
    return {old: new.pop() for old, new in went.items() if len(new) == 1 and "" not in new}


#: memory (:meth:`~reader.library.catalogue.Library.memory`, private to its reader) of the collection entries already
#: said gone: JSON, a list of [collection's owner, collection, article]
SAID_GONE = "collection_entries_said_gone"


def _not_said_yet(library: Library, gone: Sequence[tuple[AnnotationCollection, str]],
                  owner: str | None = None) -> list[tuple[str, str]]:
    """Of the collection entries whose article is gone, (collection, article) of those not yet said gone to this
    reader; all of ``gone`` are remembered as said (and only they: an entry whose article came back, or that was
    removed, is forgotten, so its article lost again is said again). Seen by eye: an entry lost once was said gone
    again after every later import; it is said in the import that lost it, then kept quietly (``collection show``
    and the window mark it). ``owner``: the reader whose entries they are, when not the one reading (a colleague's
    whose news the owner of a shared library's tables keeps: :func:`tell_owners`)."""
    stored = library.memory(SAID_GONE, owner)
    said = {(str(o), str(n), str(a)) for o, n, a in json.loads(stored)} if stored else set()
    now = {(c.owner, c.name, item): (c.name, item) for c, item in gone}
    if set(now) != said:
        library.remember(SAID_GONE, json.dumps(sorted(now), ensure_ascii=False) if now else None, owner)
    return [entry for k, entry in now.items() if k not in said]


#: memory (private to its reader) of the corrections already said no longer to apply: JSON, a list of correction ids
SAID_STALE = "corrections_said_stale"


def _stale_said_once(library: Library, report: WorkReport) -> None:
    """Of the corrections that do not apply, name only those not said to this reader before (the others go to
    :attr:`WorkReport.corrections_still_stale`: counted); remember those that do not apply now, and only they (one
    that applies again is forgotten, and said again if it is lost again). Found using it: a correction whose words
    an edited source lost was said "no longer applies" again after every later import, of any file."""
    stored = library.memory(SAID_STALE)
    said = {str(i) for i in json.loads(stored)} if stored else set()
    now = {c.id for c, _ in report.corrections_stale}
    report.corrections_still_stale = [(c, why) for c, why in report.corrections_stale if c.id in said]
    report.corrections_stale = [(c, why) for c, why in report.corrections_stale if c.id not in said]
    if now != said:
        library.remember(SAID_STALE, json.dumps(sorted(now)) if now else None)


def tell_owners(library: Library, report: WorkReport) -> None:
    """Keep for each colleague what this check did to their work, for their next look (:func:`told_news`): their
    report is theirs, this one said nothing of it. On each colleague's note placed
    (:attr:`WorkReport.colleagues_placed`) its news, on its own row (a note found again is news no more); their
    corrections no longer applying and their collections' entries gone or followed in their own ``reader_memory``
    (:func:`_tell_colleague`)."""
    me = current_owner(library.conn)
    news: dict[str, dict[str, str]] = {}
    for r in report.colleagues_placed:
        if r.orphaned:
            news[r.annotation.id] = {"status": STATUS_ORPHANED, "by": me}
        elif r.annotation.status == STATUS_MOVED:
            news[r.annotation.id] = {"status": STATUS_MOVED, "by": me, "was": r.was}
        else:
            news[r.annotation.id] = {}
    if news:
        AnnotationStore.of(library).tell(news)
    if is_postgres(library.conn) and (_tell_colleagues(library, report, me) or news):
        count_change(library.conn, NEWS_CHANGES)  # the windows open meanwhile ask whether it is theirs


def _tell_colleagues(library: Library, report: WorkReport, me: str) -> bool:
    """:func:`_tell_colleague` for every colleague with news of their corrections and entries now, or kept before;
    whether any news was kept or dropped."""
    stale: dict[str, list[tuple[Correction, str]]] = defaultdict(list)
    for c, why in report.colleagues_stale:
        stale[c.owner].append((c, why))
    gone: dict[str, list[tuple[AnnotationCollection, str]]] = defaultdict(list)
    for coll, item in report.colleagues_entries_gone:
        gone[coll.owner].append((coll, item))
    moved: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for coll, old, new in report.colleagues_entries_moved:
        moved[coll.owner].append((coll.name, old, new))
    # and those told before whose work is news no more (a correction applying again, an entry's article back)
    owners = set(stale) | set(gone) | set(moved) | set(library.memory_owners(SAID_STALE, SAID_GONE, NEWS))
    told = [_tell_colleague(library, owner, me, stale[owner], gone[owner], moved[owner])
            for owner in sorted(owners - {me, ""})]
    return any(told)


#: memory (private to its reader) of what imports by someone else did to the reader's corrections and collection
#: entries, not yet told them: JSON, ``{"corrections": {id: {"why", "by"}}, "entries": [{"collection", "article",
#: "now" (the article it names now; "" when gone), "by"}]}`` (their notes' news is on the notes' rows)
NEWS = "news"


def _tell_colleague(library: Library, owner: str, me: str, stale: Sequence[tuple[Correction, str]],
                    gone: Sequence[tuple[AnnotationCollection, str]], moved: Sequence[tuple[str, str, str]]) -> bool:
    """Colleague ``owner``'s news after this check: each correction of theirs not applying that was not said to them
    before, each entry gone not said before, each entry followed; news still untold of a correction applying again
    or an entry whose article came back is dropped. What is said is remembered as their own said (:data:`SAID_STALE`,
    :data:`SAID_GONE`): later checks do not tell it again. Whether their news changed."""
    stored = library.memory(SAID_STALE, owner)
    said = {str(i) for i in json.loads(stored)} if stored else set()
    now = {c.id for c, _ in stale}
    if now != said:
        library.remember(SAID_STALE, json.dumps(sorted(now)) if now else None, owner)
    new_gone = _not_said_yet(library, gone, owner)
    held = library.memory(NEWS, owner)
    news = json.loads(held) if held else {}
    corrections = {i: v for i, v in dict(news.get("corrections") or {}).items() if i in now}
    corrections.update({c.id: {"why": why, "by": me} for c, why in stale if c.id not in said})
    gone_now = {(c.name, item) for c, item in gone}
    entries = [e for e in news.get("entries") or [] if e.get("now") or (e.get("collection"), e.get("article")) in
               gone_now]
    entries += [{"collection": name, "article": item, "now": "", "by": me} for name, item in new_gone]
    entries += [{"collection": name, "article": old, "now": new, "by": me} for name, old, new in moved]
    told = {"corrections": corrections, "entries": entries}
    if told == news or not (corrections or entries or held):
        return False
    library.remember(NEWS, json.dumps(told, ensure_ascii=False, sort_keys=True) if corrections or entries else None,
                     owner)
    return True


def told_news(library: Library) -> WorkReport | None:
    """What imports by someone else (a shared library's owner) did to the reader's own work since they last looked —
    their notes moved or orphaned, their corrections no longer applying, their collections' entries gone or
    followed — as a report of their own (:attr:`WorkReport.by`), told once: the news is then forgotten. None when
    there is nothing to tell, or the library cannot be written here (it would be told at every look)."""
    if getattr(library, "read_only", False):
        return None
    store = AnnotationStore.of(library)
    news = store.news()
    held = library.memory(NEWS) if is_postgres(library.conn) else None
    if not news and not held:
        return None
    told = json.loads(held) if held else {}
    corrections = dict(told.get("corrections") or {})
    entries = list(told.get("entries") or [])
    by = {said.get("by", "") for _, said in news} | {str(v.get("by", "")) for v in corrections.values()}
    report = WorkReport(by=", ".join(sorted((by | {str(e.get("by", "")) for e in entries}) - {""})) or "someone else")
    for note, said in news:
        if said.get("status") == STATUS_ORPHANED and note.orphaned:
            report.annotations_orphaned.append(Reattached(note, None, None))
        elif said.get("status") == STATUS_MOVED and not note.orphaned:
            report.annotations_moved.append(Reattached(note, note.article, Attachment(0, 0, "quote", 1.0),
                                                       was=said.get("was", "")))
    if corrections:
        report.corrections_stale = [(c, str(corrections[c.id].get("why", "")))
                                    for c in CorrectionStore.of(library).find() if c.id in corrections]
    report.entries_gone = [(str(e["collection"]), str(e["article"])) for e in entries if not e.get("now")]
    report.entries_moved = [(str(e["collection"]), str(e["article"]), str(e["now"])) for e in entries if e.get("now")]
    store.forget_news(note.id for note, _ in news)
    if held:
        library.forget(NEWS, held)  # more told meanwhile by an import: kept for the next look
    return report if report.annotations_moved or report.annotations_orphaned or report.corrections_stale \
        or report.entries_gone or report.entries_moved else None


def check_work(library: Library, moved: Sequence[tuple[str, str]] = ()) -> WorkReport:
    """Where every annotation and correction stands after an import (re-attaching and re-anchoring); ``moved``: the
    import's files moved, (new path, old path) (:attr:`reader.library.importer.ImportReport.moved`)."""
    report = WorkReport()
    follow_work(library, report, moved=moved)
    placed = check_annotations(library, report)
    check_collections(library, report, placed)
    check_corrections(library, report)
    _stale_said_once(library, report)
    tell_owners(library, report)
    library.meta_set(WORK_CHECK_PENDING, None)  # checked: an import stopped before this is caught up
    return report
