"""The correction overlay: the ONE place that decides which of the reader's corrections apply to which articles.

The window (:class:`reader.app.archive.Archive`), ``broadsheet show``,
``broadsheet export`` and ``broadsheet correct`` all read articles through an
:class:`Overlay`, so they agree on what an issue's articles are after the
reader merged, split or re-headlined them and on which OCR text corrections
an article shows. The rules, in one place:

* segmentation corrections (everything but ``text``) apply to an issue when an
  article they name — the one made on, merged in or moved to, or the article
  a split-off one came from (``key~line``) — is an article of that issue; they
  apply in the order they were made (:func:`reader.corrections.store.apply_overlay`)
  and the ones whose lines are gone are reported as stale;
* an OCR text correction applies to an article that shows its line, when the
  article it was made on is of the same source file (or no longer known).

Articles split off by a correction have ids of the overlay's own (``key~line``):
:meth:`Overlay.info` and :meth:`Overlay.article` know them as the catalogue
knows the others.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import replace
from typing import Generic, TypeVar

from reader.app.readings import ReadingsKeeper, anchored_source, root_key
from reader.corrections.anchors import Reanchored, Reanchorer, SourceLines
from reader.corrections.store import (
    Correction,
    CorrectionStore,
    TextFix,
    apply_fixes,
    apply_overlay,
    line_pages_by_source,
    text_fixes,
)
from reader.export.scope import CorrectedIssue, Scope, library_scope
from reader.library.catalogue import ArticleInfo, Library, NotFoundError
from reader.model.document import Article, first_words, reading_order, supplied_title
from reader.search.query import SearchOptions
from reader.search.readings import CorrectedReading, Piece

log = logging.getLogger(__name__)

#: how a correction made or undone elsewhere took the words a reader was reading into another article
#: (:meth:`Overlay.moved`): their article merged into another; another merged into theirs (it reads as theirs, with a
#: new id); split, their words in the piece split off; the piece they read given back to the article it was split
#: from; an article merged into theirs given back; none of these (a paragraph moved, …)
MERGED, MERGED_IN, SPLIT, SPLIT_UNDONE, MERGE_UNDONE, MOVED = (
    "merged", "merged in", "split", "split undone", "merge undone", "moved")

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LRU(Generic[K, V]):
    """A tiny least-recently-used cache, safe to share with a worker thread (searches run in one)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()
        #: moved by :meth:`clear`: a value made before it is not kept (a worker's, made from what was cleared)
        self.generation = 0

    def get(self, key: K, make: Callable[[], V]) -> V:
        with self._lock:
            if key in self.data:
                self.data.move_to_end(key)
                return self.data[key]
            generation = self.generation
        value = make()  # outside the lock: it may read the catalogue
        with self._lock:
            if generation != self.generation:
                return value  # cleared meanwhile (a correction undone): made from what was, not kept
        self.put(key, value)
        return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self.data[key] = value
            self.data.move_to_end(key)
            while len(self.data) > self.size:
                self.data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self.data.clear()
            self.generation += 1


#: the corrections that change which article a line is read in, or what an article is listed under (the search
#: reads such articles as their pieces, each under its key and headline)
SEGMENTING = frozenset({"merge", "split", "move", "headline", "role"})
#: the corrections that change an article's text as the reader reads it, not only its words: the segmentation ones
#: and a paragraph split or join (a break of two characters put in or taken out). The search reads an article they
#: name as the overlay gives it (its hits' places are in the text shown): after a split paragraph every hit after the
#: split was marked two characters early in the window, its places those of the text as imported (seen by eye)
RESHAPING = SEGMENTING | {"join", "split-paragraph"}


def named_articles(c: Correction) -> set[str]:
    """The catalogue articles a correction names: made on, merged in, moved to (split-off keys by their root)."""
    keys = {c.article, c.data.get("other"), c.data.get("to")}
    return {root_key(str(k)) for k in keys if k}


class Overlay:
    """A library as the reader's corrections leave it.

    ``segmentation=False`` leaves the articles as the import cut them
    (``export --no-overlay``); ``text=False`` leaves the OCR text uncorrected
    (``export --plain``). Results are cached until :meth:`invalidate`.
    """

    def __init__(self, library: Library, *, segmentation: bool = True, text: bool = True) -> None:
        self._library = library
        self.segmentation = segmentation
        self.text = text
        CorrectionStore.of(library)  # the component migrated once
        self._corrections: list[Correction] | None = None
        self._lock = threading.Lock()
        self._issues: LRU[int, CorrectedIssue | None] = LRU(16)
        #: infos of articles only the overlay has (split off), by id
        self._made: dict[str, ArticleInfo] = {}
        self._sources: dict[str, str | None] = {}
        #: the corrections found again on lines whose text moved, with the reason (after :meth:`corrections`)
        self.reanchored: list[Reanchored] = []
        #: the corrected readings a search is told of (:meth:`search_readings`), until :meth:`invalidate`
        self._readings: dict[str, CorrectedReading] | None = None
        #: moved by :meth:`invalidate`: readings made before it are not kept
        self._generation = 0
        #: issue → (what its merged readings were made from, the readings): made again only where that changed
        self._merged: dict[int, tuple[tuple[object, ...], dict[str, CorrectedReading]]] = {}
        self._keeper = ReadingsKeeper(library)
        self._text_keys: frozenset[str] | None = None
        #: the lines of the sources corrections were made on, kept between passes while a source is unchanged
        self._kept_lines: dict[str, tuple[str, SourceLines]] = {}

    @property
    def library(self) -> Library:
        return self._library

    def as_read(self) -> Overlay:
        """This overlay without the reader's text corrections (the segmentation corrections kept): what an export
        of the text as the OCR read it uses (``export --plain``, the window's export without "my work")."""
        return self if not self.text else Overlay(self._library, segmentation=self.segmentation, text=False)

    @property
    def store(self) -> CorrectionStore:
        """The correction store on this thread's catalogue connection."""
        return CorrectionStore(self._library.conn)

    def corrections(self) -> list[Correction]:
        """Every correction, in the order made (the order they apply), naming its lines as they are now.

        A correction whose line's text moved in a re-imported source is re-anchored on it
        (:mod:`reader.corrections.anchors`): :attr:`reanchored` says which and why.
        """
        with self._lock:
            if self._corrections is None:
                current, moved = Reanchorer(self._library.conn, self._kept_lines).reanchor_all(self.store.find())
                self._corrections = current
                self.reanchored = moved
            return self._corrections

    def stale(self) -> bool:
        """Whether the corrections the overlay applies are no longer the store's (another process made or undid
        one); True when it has applied none since :meth:`invalidate` (nothing to compare: read anew)."""
        with self._lock:
            applied = None if self._corrections is None else [c.id for c in self._corrections]
        return applied is None or applied != self.store.ids()

    def invalidate(self) -> None:
        """Forget what the overlay made (after a correction was added or undone, or an import)."""
        with self._lock:
            self._corrections = None
            self._readings = None
            self._generation += 1
            self._text_keys = None
            self._sources.clear()
        self._issues.clear()
        self._made.clear()

    # segmentation -----------------------------------------------------------------------------
    def relevant(self, article_ids: Collection[str]) -> list[Correction]:
        """The segmentation corrections that apply to the articles of an issue (``article_ids``)."""
        if not self.segmentation:
            return []
        segmentation = [c for c in self.corrections() if c.kind != "text"]
        if not segmentation:  # the usual library: no article's source is asked for (a query each)
            return []
        ids = set(article_ids)
        sources = {s for s in (self._source_of(i) for i in ids) if s}
        return [c for c in segmentation if named_articles(c) & ids or anchored_source(c) in sources]

    def overlaid(self, issue_id: int) -> CorrectedIssue | None:
        """The issue's articles with its segmentation corrections applied; None when none applies."""

        def build() -> CorrectedIssue | None:
            ids = [i.id for i in self._library.articles(issue_id=issue_id)]
            relevant = self.relevant(ids)
            if not relevant:
                return None
            articles = [self._library.article(i) for i in ids]
            sources = {i: s for i in ids if (s := self._source_of(i))}
            result = apply_overlay(articles, relevant, sources=sources,
                                   source_line_pages=line_pages_by_source(self._library, sources))
            for c, reason in result.stale:
                log.info("correction %s (%s) does not apply: %s", c.id, c.kind, reason)
            return CorrectedIssue(result.articles, result.stale)

        return self._issues.get(issue_id, build)

    def corrected_issue(self, issue_id: int) -> CorrectedIssue:
        """The issue's articles as the reader sees them (segmentation corrections applied), in issue order."""
        overlaid = self.overlaid(issue_id)
        if overlaid is not None:
            return overlaid
        return CorrectedIssue([self._library.article(i.id) for i in self._library.articles(issue_id=issue_id)])

    def infos(self, issue_id: int) -> list[ArticleInfo]:
        """The issue's article infos as the corrections leave them (headline, pages, length; split-off ones too)."""
        infos = self._library.articles(issue_id=issue_id)
        overlaid = self.overlaid(issue_id)
        if overlaid is None:
            return infos
        by_id = {i.id: i for i in infos}
        out: list[ArticleInfo] = []
        for art in overlaid.articles:
            made = self._info_of(art, by_id)
            if made is not None:
                out.append(made)
        return out

    def _info_of(self, art: Article, by_id: dict[str, ArticleInfo]) -> ArticleInfo | None:
        if art.id in by_id:
            base = by_id[art.id]
        else:  # split off: it shares the issue and source of the article it came from
            parent = by_id.get(root_key(art.id))
            if parent is None:
                return None
            base = replace(parent, id=art.id, local_id=art.id.split("~", 1)[-1])
        info = replace(base, headline=art.headline or None, pages=tuple(art.pages) or base.pages,
                       chars=len(art.text), kind=art.kind)  # a merge may change it (store.merged_kind)
        if art.id not in by_id:
            self._made[art.id] = info
        return info

    def issue_of(self, key: str) -> int:
        """The issue of an article, one split off by a correction too (NotFoundError when there is none)."""
        try:
            return self._library.article_info(key).issue_id
        except NotFoundError:
            if key == root_key(key):
                raise
            return self._library.article_info(root_key(key)).issue_id

    def merged_into(self, key: str) -> str | None:
        """The reader's article a piece split off (``key~line``) was merged into by the reader's correction, where it is
        no article of its own now; else None. A collection naming it listed it "(no longer in the library)", as if
        an import had lost it."""
        at = self.merged_at(key)
        return at[0] if at is not None else None

    def merged_by(self, key: str) -> str:
        """Who merged ``key`` away (:meth:`merged_into`): "" the reader, else the colleague's name (a shared library;
        :meth:`reader.app.sharing.Sharing.byline`). Each message said "by your correction" of a colleague's merge."""
        from reader.app.sharing import Sharing

        merge = next((c for c in reversed(self.corrections()) if c.kind == "merge" and c.data.get("other") == key),
                     None)
        return "" if merge is None else Sharing.of(self._library).byline(merge.owner, merge.visibility).owner

    def merged_at(self, key: str) -> tuple[str, str] | None:
        """(the article a piece :meth:`merged_into` another is read in now, the line its words start on), or None:
        where a reader opening it is taken."""
        held = self._merged_piece(key)
        return (held[0].id, held[1]) if held is not None else None

    def merged_name(self, key: str) -> str:
        """What a piece :meth:`merged_into` another article is named by: its own first words, read where they are
        now, in square brackets (as a piece printed with no headline is named: :func:`supplied_title`); "" for a
        key that is not such a piece. The window listed it by its bare key ("ad8fa13a963b7d25~p1.l85 — merged
        into …")."""
        held = self._merged_piece(key)
        if held is None:
            return ""
        if key == root_key(key):  # a whole article: named as it was listed (its headline, or its words as it read
            return supplied_title(self._library.article(key))  # them: its dateline is not its name)
        article, line = held
        start = next((i for i, p in enumerate(article.parts) if line in p.line_ids), None)
        if start is None:
            return ""
        words = first_words(replace(article, id=key, parts=article.parts[start:]))
        return f"[{words}]" if words else ""

    def holding(self, key: str, line: str) -> tuple[str, bool] | None:
        """(the reader's article of ``key``'s issue and source whose text holds the source line ``line`` now, whether
        ``key`` is still an article of its own), or None when no article holds it (or ``key`` is gone): where a
        reader of ``key`` at ``line`` is taken after a correction made elsewhere moved its words (merged into another
        article, split off, given back by an undo). An article merged away is still in the catalogue: asked of it,
        it read as before (seen by eye: the window kept showing the report a terminal's merge had merged away)."""
        try:
            issue = self.issue_of(key)
            if self.overlaid(issue) is None and root_key(key) == key and line in self._library.article(key).line_ids():
                return key, True  # no correction in its issue and its own words (a correction of another issue)
            articles = self.corrected_issue(issue).articles
        except NotFoundError:
            return None
        found = self._holder(articles, key, line)
        return None if found is None else (found.id, any(a.id == key for a in articles))

    def _holder(self, articles: Sequence[Article], key: str, line: str) -> Article | None:
        """The article of ``articles`` (an issue's, as the corrections leave it) holding the source line ``line`` of
        ``key``'s source file: the files of an issue number their lines alike (p1.l19 in seed_page.txt and in
        rendered_page.txt), and a correction only ever moves lines among the articles of one file."""
        source = self._source_of(key)
        return next((a for a in articles if line in a.line_ids() and self._source_of(a.id) == source), None)

    def moved(self, before: Article, to: str, own: bool) -> str:
        """How the words a reader read in ``before`` (the article as it read then) came to be in the article ``to``,
        by the corrections as they are now (after one made or undone elsewhere); ``own``: whether ``before``'s key is
        still an article of its own. :data:`MERGED` … :data:`MOVED`. Seen by the by-eye tester: reading the 中美关系
        report when the 本版责编 line's article took it in (the report the most of it, with the line's id), and when
        a split of the report was undone, the window said "The article you were reading was merged into …"."""
        key = before.id
        if any(c.kind == "merge" and c.data.get("other") == key for c in self.corrections()):
            return MERGED_IN if self._mostly(before, to) else MERGED
        if not own:
            return SPLIT_UNDONE if key != root_key(key) and root_key(key) == root_key(to) else MOVED
        if any(c.kind == "split" and c.data.get("new_id") == to for c in self.corrections()):
            return SPLIT
        try:
            given_back = set(self.article(to).line_ids()) <= set(before.line_ids())
        except NotFoundError:
            return MOVED
        return MERGE_UNDONE if given_back else MOVED

    def _mostly(self, before: Article, to: str) -> bool:
        """Whether ``before``'s words are at least half of the article ``to``'s now."""
        try:
            return 2 * len(before.text) >= len(self.article(to).text)
        except NotFoundError:
            return False

    def _merged_piece(self, key: str) -> tuple[Article, str] | None:
        """(the article holding a piece split off and merged away by the reader's corrections, or a whole article of
        the catalogue so merged, and the first line of its words), or None. A whole article was not followed: opened
        from a collection, it showed its old text alone, and a note written there was not on the article shown."""
        if not any(c.kind == "merge" and c.data.get("other") == key for c in self.corrections()):
            return None
        line = self._first_line(key)
        if line is None:
            return None
        try:
            articles = self.corrected_issue(self.issue_of(key)).articles
        except NotFoundError:
            return None
        if any(a.id == key for a in articles):
            return None
        holder = self._holder(articles, key, line)  # of its own file: the first holding the line id was another's
        return None if holder is None else (holder, line)

    def _first_line(self, key: str) -> str | None:
        """The first line of ``key``'s words as it was an article of its own: where a piece was split off, else the
        catalogue article's first line in reading order (None when neither is known)."""
        if key != root_key(key):
            split = next((c for c in self.corrections() if c.kind == "split"
                          and (c.data.get("new_id") or f"{c.article}~{c.data.get('line')}") == key), None)
            return None if split is None else str(split.data.get("line"))
        try:
            base = self._library.article(key)
        except NotFoundError:
            return None
        return next((p.line_ids[0] for p in (base.parts[i] for i in reading_order(base)) if p.line_ids), None)

    def info(self, key: str) -> ArticleInfo:
        """An article's info as the corrections leave it (NotFoundError when there is no such article)."""
        try:
            base: ArticleInfo | None = self._library.article_info(key)
        except NotFoundError:
            if key == root_key(key):
                raise
            base = None
        issue_id = base.issue_id if base is not None else self.issue_of(key)
        if base is not None and self.overlaid(issue_id) is None:
            return base
        found = next((i for i in self.infos(issue_id) if i.id == key), None)
        if found is not None:
            return found
        if base is None:
            raise NotFoundError(self._library.folder, f"there is no article {key} in this library")
        return base  # merged away: the catalogue still has it

    def article(self, key: str) -> Article:
        """An article as the segmentation corrections leave it (text corrections: :meth:`corrected`)."""
        overlaid = self.overlaid(self.issue_of(key))
        if overlaid is not None:
            for art in overlaid.articles:
                if art.id == key:
                    return art
            if key != root_key(key):
                raise NotFoundError(self._library.folder, f"there is no article {key} in this library")
        return self._library.article(key)

    # text -----------------------------------------------------------------------------------------
    def source_of(self, key: str) -> str | None:
        """The source file of an article (of the one a piece was split off: ``key~line``), None when it is gone: the
        files of an issue number their lines alike, so a line is known by its file and id."""
        return self._source_of(key)

    def _source_of(self, key: str) -> str | None:
        with self._lock:
            if key in self._sources:
                return self._sources[key]
        try:
            source: str | None = self._library.article_info(root_key(key)).source
        except NotFoundError:
            source = None
        with self._lock:
            self._sources[key] = source
        return source

    def text_corrections(self, article: Article, source: str | None = None) -> list[Correction]:
        """The OCR text corrections touching the lines of ``article`` (made on an article of ``source``)."""
        if not self.text:
            return []
        lines = set(article.line_ids())
        found = [c for c in self.corrections() if c.kind == "text" and c.data.get("line") in lines]
        if source is None:
            return found
        return [c for c in found if (anchored_source(c) or self._source_of(c.article)) in (None, source)]

    def text_fixes(self, article: Article, source: str | None = None) -> list[TextFix]:
        """The OCR text corrections that apply to ``article``, resolved on its text."""
        found = self.text_corrections(article, source)
        return text_fixes(article, found) if found else []

    def corrected(self, article: Article, source: str | None = None) -> Article:
        """The corrected reading of ``article`` (itself when no text correction applies)."""
        return apply_fixes(article, self.text_fixes(article, source))

    def text_corrected_keys(self) -> frozenset[str]:
        """The catalogue articles OCR text corrections were made on (a cheap test before reading an article), kept
        until :meth:`invalidate`."""
        keys = self._text_keys
        if keys is None:
            keys = self._text_keys = frozenset(root_key(c.article) for c in self.corrections() if c.kind == "text")
        return keys

    def search_readings(self) -> dict[str, CorrectedReading]:
        """Catalogue article id → its corrected reading, for every article a text correction applies to: what a
        search finds beside the stored texts (:mod:`reader.search.readings`), the same mapping until
        :meth:`invalidate`, then made again where the corrections changed (:class:`ReadingsKeeper`). The
        corrections are the ones this reader sees (on PostgreSQL, row-level security hides others' private
        ones)."""
        with self._lock:
            if self._readings is not None:
                return self._readings
            generation = self._generation
        text = [c for c in self.corrections() if c.kind == "text"] if self.text else []
        readings = self._keeper.readings(text, self._source_of)
        merged = self._segment_readings()
        if merged:
            readings = {**readings, **merged}
        with self._lock:
            if generation == self._generation:  # not kept when the corrections changed meanwhile
                self._readings = readings
        return readings

    def issues_named(self, corrections: Sequence[Correction]) -> dict[int, list[str]]:
        """Issue id → the ids of ``corrections`` naming one of its articles (a correction of an article no longer
        imported, stale, names none)."""
        named: dict[int, list[str]] = {}
        for c in corrections:
            for key in named_articles(c):
                try:
                    ids = named.setdefault(self.issue_of(key), [])
                except NotFoundError:
                    continue
                if c.id not in ids:
                    ids.append(c.id)
        return named

    def _segment_readings(self) -> dict[str, CorrectedReading]:
        """The readings merges, splits, moves and paragraphs split or joined leave (:data:`RESHAPING`): each catalogue
        article they touched is read as the reader's articles holding its lines (:class:`Piece`, each listed on its
        own, its places in its text as shown), or is gone when none does (merged into another, which is read with its
        text). Seen by eye: a search listed the article merged away, which then opened apart with its old text; seen
        in use: a word of a piece split off was listed under the article it was cut from. Made again for an issue
        only when its articles or the corrections naming them changed (:attr:`_merged`)."""
        corrections = self.corrections()
        cuts = [c for c in corrections if c.kind in RESHAPING] if self.segmentation else []
        out: dict[str, CorrectedReading] = {}
        for issue in sorted(self.issues_named(cuts)):
            infos = self._library.articles(issue_id=issue)
            ids = {i.id for i in infos}
            made_from: tuple[object, ...] = (tuple((i.id, i.num) for i in infos),
                                             tuple(c.id for c in corrections if named_articles(c) & ids))
            kept = self._merged.get(issue)
            if kept is None or kept[0] != made_from:
                kept = (made_from, self._issue_segment_readings(issue, infos, cuts))
                self._merged[issue] = kept
            out.update(kept[1])
        return out

    def _issue_segment_readings(self, issue: int, infos: Sequence[ArticleInfo],
                                cuts: Sequence[Correction]) -> dict[str, CorrectedReading]:
        """:meth:`_segment_readings` of one issue: a catalogue article's pieces are the reader's articles keyed by
        it (itself, the pieces split off it: ``key~line``)."""
        overlaid = self.overlaid(issue)
        if overlaid is None:
            return {}
        named = {k for c in cuts for k in named_articles(c)}
        by_root: dict[str, list[Article]] = {}
        for a in overlaid.articles:
            by_root.setdefault(root_key(a.id), []).append(a)
        out: dict[str, CorrectedReading] = {}
        for info in infos:
            if info.id not in named:
                continue
            pieces = [Piece(a.id, (shown := self.corrected(a, info.source)).headline, CorrectedReading.of(shown.parts),
                            CorrectedReading.of(a.parts), a.kind) for a in by_root.get(info.id, ())]
            out[info.id] = CorrectedReading.of_pieces(pieces) if pieces else CorrectedReading.merged_away()
        return out

    # export ---------------------------------------------------------------------------------------
    def export_scope(self, article_ids: Sequence[str] = (), issue_id: int | None = None,
                     collection: str | None = None, query: str | None = None, limit: int | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     cancel: threading.Event | None = None, options: SearchOptions | None = None) -> Scope:
        """What an export covers (:func:`reader.export.scope.library_scope`), read through this overlay."""
        return library_scope(self, article_ids, issue_id=issue_id, collection=collection, query=query,
                             limit=limit, progress=progress, cancel=cancel, options=options)

    def applied(self, scope: Scope) -> list[Correction]:
        """The reader's corrections an export of ``scope`` holds, each once: the text corrections its articles show
        and the segmentation corrections (headline, split, merge, role …) naming one of them — what the export
        says it holds beside "as the sources print it" (every export said only that, the corrections in it
        unsaid). None with ``text`` and ``segmentation`` both off."""
        shown = {c.id: c for c in scope.corrections}
        if self.segmentation:
            roots = {root_key(item.key) for item in scope.items}
            shown.update((c.id, c) for c in self.corrections() if c.kind != "text" and named_articles(c) & roots)
        return list(shown.values())

    def applied_by(self, scope: Scope) -> dict[str, int]:
        """The corrections of :meth:`applied` counted by whose they are: "" the reader's own, else the colleague's
        name (a shared library). An export said "with your 4 correction(s) applied" of a colleague's too."""
        from reader.app.sharing import Sharing

        sharing = Sharing.of(self._library)
        out: dict[str, int] = {}
        for c in self.applied(scope):
            whose = sharing.byline(c.owner, c.visibility).owner
            out[whose] = out.get(whose, 0) + 1
        return out


def read_article(library: Library, key: str) -> tuple[ArticleInfo, Article]:
    """An article as the window shows it: its info and its corrected reading (``broadsheet show``)."""
    overlay = Overlay(library)
    info = overlay.info(key)
    return info, overlay.corrected(overlay.article(key), info.source)


def untitled_names(library: Library, keys: Collection[str]) -> dict[str, str]:
    """Key → the name each of the articles ``keys`` printed with no headline is listed under: its first words in square
    brackets (:func:`reader.model.document.supplied_title`), as the reader reads it; articles not found are left out.
    The command line's listings said "(no headline)" where the window listed first words and citations cited them."""
    overlay = Overlay(library)
    out: dict[str, str] = {}
    for key in keys:
        try:
            info = overlay.info(key)
            out[key] = supplied_title(overlay.corrected(overlay.article(key), info.source))
        except NotFoundError:
            continue
    return out
