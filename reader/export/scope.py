"""What an export from a library covers: articles by id, an issue, a collection or a search's hits.

The export does not decide which of the reader's corrections apply: it asks
a :class:`CorrectedLibrary` — the owner of the correction overlay,
:class:`reader.app.overlay.Overlay` — for an issue's corrected articles and an
article's resolved text corrections, and only gathers them into
:class:`~reader.export.items.Item`s with their source documents, hit details
and annotations.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from reader.annotations.store import (
    Annotation,
    AnnotationStore,
    Attachment,
    locate_across_parts,
    locate_on_lines,
    make_anchor,
    reattach,
)
from reader.corrections.store import Correction, TextFix, original_ranges
from reader.export.items import ExportCancelled, ExportError, Item
from reader.library.catalogue import Library, NotFoundError
from reader.library.owners import current_owner, is_postgres
from reader.model.document import Article, Document
from reader.search.query import SearchOptions
from reader.search.readings import CorrectedReading

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CorrectedIssue:
    """An issue's articles as the reader sees them, and the corrections that no longer apply to it."""

    articles: list[Article]
    stale: list[tuple[Correction, str]] = field(default_factory=list)


class CorrectedLibrary(Protocol):
    """The library with the reader's corrections applied, as an export needs it."""

    @property
    def library(self) -> Library: ...

    def corrected_issue(self, issue_id: int) -> CorrectedIssue:
        """The issue's articles with the segmentation corrections applied, in issue order."""
        ...

    def text_fixes(self, article: Article, source: str) -> list[TextFix]:
        """The OCR text corrections that apply to ``article`` (of source file ``source``), resolved."""
        ...

    def issue_of(self, key: str) -> int:
        """The issue of an article (one a correction made, too); NotFoundError when there is none."""
        ...

    def search_readings(self) -> Mapping[str, CorrectedReading]:
        """The corrected reading of each article with text corrections, by id (what a query searches besides)."""
        ...


@dataclass
class Scope:
    """What an export from a library covers: the items (corrected) and the reader's annotations on them."""

    items: list[Item]
    annotations: list[Annotation]
    #: corrections that no longer apply (their lines are gone), for the caller to report
    stale: list[tuple[Correction, str]] = field(default_factory=list)
    #: the collection's entries whose article is no longer in the library: not exported, for the caller to say (an
    #: export of a collection of two said "1 article(s)", the other left out unsaid)
    left_out: list[str] = field(default_factory=list)

    @property
    def corrections(self) -> list[Correction]:
        """The text corrections the items show (each once)."""
        seen: dict[str, Correction] = {}
        for item in self.items:
            for f in item.fixes:
                seen.setdefault(f.correction.id, f.correction)
        return list(seen.values())


@dataclass
class _Issue:
    docs: dict[str, Document]
    #: (corrected article, its source path), in issue order
    articles: list[tuple[Article, str]]


class _IssueCache:
    """Per issue: its sources as Documents (pages with lines) and its corrected articles."""

    def __init__(self, source: CorrectedLibrary) -> None:
        self.source = source
        self.library = source.library
        self.issues: dict[int, _Issue] = {}
        self.stale: list[tuple[Correction, str]] = []

    def get(self, issue_id: int) -> _Issue:
        if issue_id not in self.issues:
            self.issues[issue_id] = self._load(issue_id)
        return self.issues[issue_id]

    def _documents(self, issue_id: int) -> dict[str, Document]:
        """{source path: Document} of an issue."""
        lib = self.library
        info = lib.issue(issue_id)
        meta = {"publication": info.publication, "date": info.date, "edition": info.edition,
                "issue": info.label or ""}
        docs: dict[str, Document] = {}
        for p in lib.pages(issue_id):
            doc = docs.get(p.source)
            if doc is None:
                src = lib.source(p.source)
                doc = Document(source=p.source, format=(src.format if src and src.format else "source"),
                               metadata={k: v for k, v in meta.items() if v})
                docs[p.source] = doc
            page = lib.page(p.id)
            doc.pages.append(page)
        return docs

    def _load(self, issue_id: int) -> _Issue:
        docs = self._documents(issue_id)
        source_of = {a.id: a.source for a in self.library.articles(issue_id=issue_id)}
        corrected = self.source.corrected_issue(issue_id)
        self.stale.extend(corrected.stale)
        out: list[tuple[Article, str]] = []
        for art in corrected.articles:
            # split off by a correction (``key~line``): the source of the article it was split from. Not the file of
            # its first line's id: the files of an issue number their lines alike (p1.l19 in seed_page.txt and in
            # rendered_page.txt), and a piece of the one was exported as of the other, its corrections dropped
            src = source_of.get(art.id) or source_of.get(art.id.split("~", 1)[0], "")
            out.append((art, src))
            if src in docs:
                docs[src].articles.append(art)
        return _Issue(docs, out)


def _wanted(source: CorrectedLibrary, cache: _IssueCache, article_ids: Sequence[str], issue_id: int | None,
            collection: str | None, query: str | None, limit: int | None,
            options: SearchOptions | None = None) -> tuple[list[tuple[str, Any]], dict[str, int]]:
    """The keys an export names (with the search hit for each of a query's), and those taken from an issue."""
    wanted: list[tuple[str, Any | None]] = []
    # an issue's articles come from the overlay itself: a split-off article has an id of the
    # overlay's own (``key~line``) that the catalogue does not know
    from_issue: dict[str, int] = {}
    if issue_id is not None:
        arts = cache.get(issue_id).articles
        wanted = [(a.id, None) for a, _ in arts]
        from_issue = {a.id: issue_id for a, _ in arts}
    if collection is not None:
        wanted += [(k, None) for k in AnnotationStore.of(source.library).collection(collection).items]
    if query is not None:
        from reader.search.engine import Searcher

        with Searcher(source.library, readings=source.search_readings) as searcher:
            wanted += [(h.article, h) for h in searcher.search(query, limit=limit,
                                                               options=options or SearchOptions()).hits]
    wanted += [(k, None) for k in article_ids]
    if not wanted and query is not None and issue_id is None and collection is None and not article_ids:
        raise ExportError(f"nothing to export: the query {query!r} finds no article")
    if not wanted:
        raise ExportError("nothing to export: name articles, an issue, a collection or a query")
    return wanted, from_issue


def _find(source: CorrectedLibrary, cache: _IssueCache, key: str,
          from_issue: dict[str, int]) -> tuple[int, Article | None]:
    """(issue id, the corrected article showing ``key``): itself, or the one its lines went into."""
    if key in from_issue:
        issue = cache.get(from_issue[key])
        return from_issue[key], next((a for a, _ in issue.articles if a.id == key), None)
    issue_id = source.issue_of(key)
    issue = cache.get(issue_id)
    match = next((a for a, _ in issue.articles if a.id == key), None)
    if match is None:  # merged into another, or re-cut: the corrected article holding its lines
        library = source.library
        info = library.article_info(key)
        original_lines = set(library.article(key).line_ids())
        match = next((a for a, src in issue.articles if src == info.source and original_lines & set(a.line_ids())),
                     None)
    return issue_id, match


def _on_its_lines(ann: Annotation, articles: Sequence[Article]) -> tuple[Article, Attachment] | None:
    """The article of ``articles`` holding ``ann``'s first source line, with its words' place there on their own
    lines (a split, a move or a merge took them there; the quote alone found the same words elsewhere: seen by eye
    after a split)."""
    anchor = ann.anchor
    if anchor is None or not anchor.line_ids or ann.orphaned:
        return None
    for article in articles:
        if anchor.line_ids[0] in article.line_ids():
            found = locate_on_lines(anchor, article) or locate_across_parts(anchor, article)
            if found is not None:
                return article, found
    return None


def _annotations(library: Library, items: Sequence[Item]) -> list[Annotation]:
    """The annotations on the exported articles, and on articles the overlay merged into them (re-located)."""
    by_key = {i.key: i for i in items}
    sources = {i.document.source for i in items}
    annotations: list[Annotation] = []
    for ann in AnnotationStore.of(library).find():
        owner = by_key.get(ann.article)
        if owner is not None and (ann.anchor is None or ann.orphaned or owner.article.text[
                ann.anchor.start:ann.anchor.end] == ann.anchor.exact):
            annotations.append(ann)
            continue
        src = ann.source or _source_of(library, ann.article)
        if src not in sources:
            continue
        same = [i for i in items if i.document.source == src]
        on_lines = _on_its_lines(ann, [i.article for i in same])
        if on_lines is not None:
            item = next(i for i in same if i.article is on_lines[0])
            annotations.append(replace(ann, article=item.key, anchor=make_anchor(item.article, on_lines[1].start,
                                                                                on_lines[1].end)))
            continue
        if _on_its_lines(ann, same[0].document.articles) is not None:
            continue  # its words are on their lines in an article of the issue not exported: not on other words
        res = reattach(ann, [i.article for i in items if i.document.source == src])
        if res.annotation.article in by_key:
            annotations.append(res.annotation)
    return annotations


def library_scope(source: CorrectedLibrary, article_ids: Sequence[str] = (), issue_id: int | None = None,
                  collection: str | None = None, query: str | None = None, limit: int | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  cancel: threading.Event | None = None, options: SearchOptions | None = None) -> Scope:
    """Items for an export from a library: articles by id, an issue, a collection or a search's hits.

    ``progress(done, total)`` is called as articles are gathered; setting
    ``cancel`` stops the work with :class:`ExportCancelled` (for the GUI's
    export dialog, which runs this in a worker). The articles and their text
    corrections are ``source``'s; annotations come from the catalogue,
    re-located onto the corrected text where the overlay moved them (kept, as
    orphans, where it could not).
    """
    cache = _IssueCache(source)
    wanted, from_issue = _wanted(source, cache, article_ids, issue_id, collection, query, limit, options)
    items: list[Item] = []
    left_out: list[str] = []
    seen: set[str] = set()
    for done, (key, hit) in enumerate(wanted):
        if cancel is not None and cancel.is_set():
            raise ExportCancelled("the export was cancelled")
        if progress is not None:
            progress(done, len(wanted))
        try:
            item_issue, match = _find(source, cache, key, from_issue)
        except NotFoundError:
            if collection is not None and hit is None and key not in article_ids:
                log.info("collection %s names article %s, which is no longer in the library", collection, key)
                left_out.append(key)
                continue
            raise
        if match is None or match.id in seen:
            continue
        seen.add(match.id)
        items.append(_item(source, cache.get(item_issue), item_issue, match, hit))
    if progress is not None:
        progress(len(wanted), len(wanted))
    return _credited(source.library, Scope(items, _annotations(source.library, items), cache.stale, left_out))


def _credited(library: Library, scope: Scope) -> Scope:
    """On a shared library, a colleague's note or correction without a creator named is credited to its owner: an
    export gave them to the person exporting ("#user" in TEI, seen by a tester). One's own, and a folder's, stay
    as they were."""
    if not is_postgres(library.conn):
        return scope
    me = current_owner(library.conn)

    def theirs(owner: str, creator: str) -> bool:
        return not creator and bool(owner) and owner != me

    for item in scope.items:
        item.fixes = [replace(f, correction=replace(f.correction, creator=f.correction.owner))
                      if theirs(f.correction.owner, f.correction.creator) else f for f in item.fixes]
    scope.annotations = [replace(a, creator=a.owner) if theirs(a.owner, a.creator) else a for a in scope.annotations]
    return scope


def _item(source: CorrectedLibrary, issue: _Issue, issue_id: int, match: Article, hit: Any | None) -> Item:
    src = next(s for a, s in issue.articles if a is match)
    doc = issue.docs.get(src) or Document(source=src, format="source")
    sha = next((p.sha256 for p in source.library.pages(issue_id) if p.source == src), None)
    item = Item(match, doc, key=match.id, sha256=sha, fixes=source.text_fixes(match, src))
    if hit is not None:
        matches = [(int(s), int(e)) for s, e in hit.matches]
        # a hit in an article read corrected has its places in the corrected reading: kept so for what is written
        # of the text as read (the CSV), and taken to the original's for the item's own
        if getattr(hit, "corrected", False):
            item.read_matches = matches
            item.matches = original_ranges(match, item.fixes, matches)
        else:
            item.matches = matches
        item.reading = str(getattr(hit, "reading", ""))  # as `search --json` says it (Hit.reading)
        item.snippet, item.score = hit.snippet, hit.score
    return item


def _source_of(library: Library, key: str) -> str:
    """The source path of a library article, or "" when it is gone."""
    try:
        return str(library.article_info(key).source)
    except NotFoundError:
        return ""
