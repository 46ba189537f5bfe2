"""The window's view of a library: the core Library with the small caches reading needs.

Opening an article must take a few milliseconds, so pages (with their lines),
articles and the line → article map of a page are kept in small LRU caches.
Everything here asks :class:`reader.library.catalogue.Library`; nothing parses,
reflows or searches. The reader's corrections are applied here: an issue with
segmentation corrections is shown through the one owner of the overlay,
:class:`reader.app.overlay.Overlay` (articles split off, merged away,
re-headlined), and :meth:`Archive.corrected` gives the text-corrected reading.
Annotations and corrections are written through the core stores
(:attr:`Archive.annotations`, :attr:`Archive.corrections`), as commands
(:mod:`reader.app.commands`) by :meth:`Archive.correct` and :meth:`Archive.annotate`.
:func:`converter` adapts :func:`reader.text.forms.display` to the reading view's offset maps.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.annotations.store import Annotation, AnnotationStore, Reattached
from reader.app.commands import (
    AddAnnotation,
    AddCorrection,
    Command,
    DeleteAnnotation,
    EditAnnotation,
    ImportFiles,
    as_now,
    put_back,
)
from reader.app.overlay import LRU, Overlay
from reader.app.placing import NotePlaces, reattach_as_read
from reader.app.reading import Converted, Converter, identity, shown_in
from reader.app.readings import root_key
from reader.app.readplace import WordsRead
from reader.app.sharing import Sharing
from reader.app.watch import WorkWatch
from reader.app.work import WorkReport, check_work, live_renames, told_news
from reader.corrections.store import (
    Correction,
    CorrectionStore,
    TextFix,
    corrected_ranges,
    original_ranges,
)
from reader.index import store as sindex
from reader.library import importer
from reader.library.catalogue import (
    ArticleInfo,
    IssueInfo,
    Library,
    NotFoundError,
    PageInfo,
    PublicationInfo,
    needs_long_upgrade,
    renamed_key,
)
from reader.library.worker import import_in_subprocess
from reader.model import graphemes
from reader.model.document import Article, Page, naming_part, supplied_title
from reader.search.engine import Searcher, SearchOptions
from reader.text import forms as textforms

log = logging.getLogger(__name__)

def converter(config: str) -> Converter:
    """The reading view's converter for an OpenCC configuration ("" or "none": the original)."""
    if not config or config == "none":
        return identity

    def convert(text: str) -> Converted:
        shown, omap = textforms.display(text, config)
        return shown, list(omap) + [len(text)]

    return convert


def article_converter(config: str, text: str) -> Converter:
    """The reading view's converter for an article whose text is ``text`` in the script ``config`` names: a
    traditional source asked for in a traditional script keeps its characters (:func:`textforms.config_for`)."""
    return converter(textforms.config_for(config, text))


def serif_family(script: str, text: str) -> str:
    """Noto Serif CJK SC for simplified text, TC for traditional (HK for Hong Kong forms)."""
    if script in ("t2s", "tw2s", "hk2s"):
        return "Noto Serif CJK SC"
    if script == "s2hk":
        return "Noto Serif CJK HK"
    if script in ("s2t", "s2tw", "s2twp", "t2tw"):
        return "Noto Serif CJK TC"
    return "Noto Serif CJK TC" if textforms.is_traditional(text) else "Noto Serif CJK SC"


def own_pages(info: ArticleInfo, pages: Sequence[PageInfo]) -> list[PageInfo]:
    """The pages of an issue (``pages``, in their order) the article ``info`` is on, as the corrections leave it: those
    numbered as its pages — of a number several pages of the issue share, the page of its own source (the undated
    pages of a folder are filed as one issue, each its page 1: the window opened an 1870 article beside the 1820 page
    and listed the articles of all three on each), every page so numbered where none is of its source (an article
    the reader merged across files)."""
    numbers = set(info.pages)
    on = [p for p in pages if p.number in numbers]
    if len({p.number for p in on}) == len(on):  # each number one page: the usual issue
        return on
    own = {p.number for p in on if p.source == info.source}
    return [p for p in on if p.source == info.source or p.number not in own]


@dataclass
class LinePlace:
    """Where a source line went: the article and the part holding it."""

    article: str
    part: int


def file_gone(library: Library, source: str | None) -> bool:
    """Whether an article's source file is no longer where it was imported from: its articles are kept as they were
    read, and the reader is told (the window's status bar, ``show``) — an article of a deleted file showed no sign
    of it. A shared library's files are on the machine that imported them: never said there."""
    return library.kind != "postgres" and bool(source) and not Path(str(source)).is_file()


class Archive:
    """A Library opened by the window, with caches for quick reading."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.folder = Path(library.folder)
        #: where the library is, for the title and the recent list: its folder, or its URL without a password
        self.location = library.location
        self._pages: LRU[int, Page] = LRU(12)
        self._articles: LRU[str, Article] = LRU(256)
        self._infos: LRU[str, ArticleInfo] = LRU(512)
        self._line_maps: LRU[int, dict[str, LinePlace]] = LRU(12)
        self._issue_pages: LRU[int, list[PageInfo]] = LRU(64)
        #: article → whether its text is in traditional script (:meth:`shown_config`: lists show many articles)
        self._traditional: LRU[str, bool] = LRU(4096)
        #: issue → (what its count was made from, the articles it holds as corrected): :meth:`_corrected_counts`
        self._counted: dict[int, tuple[tuple[tuple[str, ...], int], int]] = {}

        self._searcher: Searcher | None = None
        self._searcher_lock = threading.Lock()
        AnnotationStore.of(library)  # migrate the components once; the stores below are per thread
        #: the one owner of the correction overlay (shared with show, export and correct)
        self.overlay_of = Overlay(library)
        #: where the reader's work stood after the last import (orphans, stale corrections): for the window to show
        self.work: WorkReport | None = None
        #: whose work is whose in a shared library, and the visibility of new work (reader.app.sharing)
        self.sharing = Sharing.of(library)
        #: what other processes change in the reader's work while this archive is open
        self.watch = WorkWatch(library, self.overlay_of)
        #: where annotations are shown when the reader split, moved or merged articles
        self.places = NotePlaces(library, self.overlay_of, lambda: self.annotations, self.article)

    @property
    def annotations(self) -> AnnotationStore:
        """The annotation store on this thread's catalogue connection (workers get their own)."""
        return AnnotationStore(self.library.conn)

    @property
    def corrections(self) -> CorrectionStore:
        """The correction store on this thread's catalogue connection."""
        return CorrectionStore(self.library.conn)

    @classmethod
    def open(cls, folder: str | Path, create: bool = True) -> Archive:
        return cls(Library.open(folder, create=create))

    @staticmethod
    def needs_long_upgrade(folder: str | Path) -> bool:
        """Opening ``folder`` first rewrites every article for this version (see
        :func:`reader.library.catalogue.needs_long_upgrade`): the window opens it in the background."""
        return needs_long_upgrade(folder)

    def close(self) -> None:
        with self._searcher_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
        self.library.close()

    def refresh(self) -> None:
        """Forget cached objects and reopen the searcher (after an import changed the catalogue)."""
        for cache in (self._pages, self._articles, self._infos, self._line_maps, self._issue_pages, self._traditional):
            cache.clear()
        self.corrections_changed()
        with self._searcher_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    # long work (run in workers) ----------------------------------------------------
    def import_paths(self, paths: list[str], *, progress: Callable[..., None], cancel: threading.Event,
                     warn: Callable[[str], None] | None = None, reread: bool = False) -> importer.ImportReport:
        """Import files and folders (core importer), reporting progress in files and each bad file; ``reread``
        reads again the files the library holds unchanged."""

        def step(p: importer.ImportProgress) -> None:
            progress(float(p.files_done), float(p.files_total), p.current)

        def bad(path: str, message: str) -> None:
            if warn is not None:
                warn(message if path in message else f"{path}: {message}")

        # in a child process: the importer's pure-Python work would otherwise hold the GIL for
        # hundreds of milliseconds at a time and stall the event loop (benchmarks/bench_gui_stalls.py)
        def run(files: list[str], stop: threading.Event) -> importer.ImportReport:
            # a PostgreSQL library is named by its URL (its folder is only this machine's index cache)
            where = getattr(self.library, "url", None) if self.library.kind == "postgres" else self.folder
            return import_in_subprocess(where or self.folder, files, progress=step, cancel=stop, on_error=bad,
                                        reread=reread)

        command = ImportFiles(run, list(paths), cancel)
        command.on_change = lambda: self._imported(command.report.moved if command.report is not None else ())
        command.do()
        assert command.report is not None
        return command.report

    @property
    def read_only(self) -> bool:
        """Whether nothing can be written to the library here (a read-only folder or mount)."""
        return bool(getattr(self.library, "read_only", False))

    @functools.cached_property
    def import_owner(self) -> str | None:
        """Who may import into or reindex the library when the reader may not (a researcher's role on a shared
        library: the owner's name); None when the reader may. Asked once."""
        return self.library.import_owner()

    def file_gone(self, article_id: str) -> str | None:
        """The path of ``article_id``'s source file when it is no longer where it was imported from (:func:`file_gone`);
        None while it is there, or the article is not in the library."""
        try:
            source = self.info(article_id).source
        except NotFoundError:
            return None
        return source if file_gone(self.library, source) else None

    def source_files(self) -> tuple[list[str], list[str]]:
        """The files the library was imported from: (those still where they were, those not found there)."""
        paths = [s.path for s in self.library.sources()]
        return [p for p in paths if Path(p).is_file()], [p for p in paths if not Path(p).is_file()]

    def _imported(self, moved: Sequence[tuple[str, str]] = ()) -> None:
        # a re-import may have moved annotated or corrected text: re-attach and re-anchor it, or list it
        # as orphaned / stale (one place for the window and the command line: reader.app.work); ``moved``: the
        # import's moved files (the entries on their articles are counted as following them)
        self.overlay_of.invalidate()
        self.work = check_work(self.library, moved)
        self.overlay_of.invalidate()

    def told_news(self) -> WorkReport | None:
        """What an import by someone else (a shared library's owner) did to the reader's own notes since they last
        looked (:func:`reader.app.work.told_news`): for the Problems panel when the library opens, once."""
        return told_news(self.library)

    def reattach(self) -> list[Reattached]:
        """Check every annotation against the current text (core re-attachment; orphans kept)."""
        results = reattach_as_read(self.library, self.annotations, overlay=self.overlay_of)
        moved = [r for r in results if r.annotation.status != "attached"]
        if moved:
            log.info("annotations re-attached: %d moved or orphaned", len(moved))
        return results

    def reindex(self, *, progress: Callable[..., None], cancel: threading.Event) -> int:
        """Rebuild the search index from the catalogue."""
        with self._searcher_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
        return sindex.rebuild(self.library, progress=lambda done, total: progress(float(done), float(total)),
                              cancel=cancel)

    def _searcher_now(self) -> Searcher:
        with self._searcher_lock:
            if self._searcher is None:
                self._searcher = Searcher(self.library, readings=self.overlay_of.search_readings)
            return self._searcher

    def prepare_search(self) -> str | None:
        """Open the searcher and read what every search needs, before the first search (in a worker on the
        thread the searches run on: the catalogue's connection and the searcher's tables are per thread). Why
        the index must first be rebuilt from the catalogue (:func:`reader.index.store.rebuild_reason`: written
        by another version of Broadsheet, another library's, missing articles), else None."""
        searcher = self._searcher_now()
        why = sindex.rebuild_reason(self.library, searcher.index)
        if why is None:
            searcher.prepare()
        self.prepare_readings()
        return why

    def prepare_readings(self) -> None:
        """Make the corrected readings a search is told of (:meth:`Overlay.search_readings`) now, before a search
        needs them: on opening, and after the corrections changed."""
        self.overlay_of.search_readings()

    def search(self, query: str, limit: int = 200, offset: int = 0, sort: str = "relevance",
               options: SearchOptions | None = None) -> Results:
        """Run a query (core search) and turn its hits into the window's :class:`Hit`: ``limit`` of them from
        ``offset`` on, by relevance or by date, with the exact total. The core marks the matches in each snippet,
        so no article is loaded here (loading 200 of them was most of a search's time in the window). No facets:
        the window lists the page first and asks :meth:`facets` after (counting them with the page kept a common
        string's page from its quick way, :meth:`Searcher._common_run`, and cost ~20 ms more at 10,000 pages)."""
        t0 = time.perf_counter()
        options = options or SearchOptions()
        res = self._searcher_now().search(query, limit=limit, offset=offset, sort=sort, options=options)
        hits = []
        for h in res.hits:
            hits.append(Hit(article=h.article, headline=h.headline or self.supplied_name(h.article),
                            supplied=not h.headline,
                            publication=h.publication, date=h.date, page=h.page, kind=h.kind, score=h.score,
                            snippet=h.snippet, matches=[(int(s), int(e)) for s, e in h.matches],
                            snippet_matches=[(int(s), int(e)) for s, e in h.snippet_matches],
                            corrected=h.corrected, as_read=h.as_read, page_label=h.page_label))
        # every hit on the first page: its facets are theirs (a second step would only move the list down)
        facets = _facets_of(hits) if offset == 0 and len(hits) == res.total else None
        return Results(query, res.total, hits, facets, time.perf_counter() - t0, offset, sort, options,
                       tuple(res.left_out), res.unreadable)

    def facets(self, query: str, options: SearchOptions | None = None) -> Facets:
        """The hits of ``query`` per publication, year and kind (core search), for the search they belong to
        (:meth:`Facets.belong_to`); asked for after its first page, on the same thread (the rows it matched are
        reused there)."""
        t0 = time.perf_counter()
        options = options or SearchOptions()
        counts = self._searcher_now().facets(query, options=options)
        return Facets(query, options, counts, time.perf_counter() - t0)

    def matching_ids(self, query: str, options: SearchOptions | None = None) -> set[str]:
        """Ids of every article ``query`` finds (all of them, not a page: "only annotations in the hits")."""
        return self._searcher_now().matching_ids(query, options=options or SearchOptions())

    # listings ---------------------------------------------------------------
    def publications(self) -> list[PublicationInfo]:
        return self.library.publications()

    def issues(self, publication: str | None = None) -> list[IssueInfo]:
        """The issues, each counting its articles as the reader's segmentation corrections leave them (a merged
        article was still counted in the library tree — seen by eye)."""
        infos = self.library.issues(publication)
        counted = self._corrected_counts({i.id: i.articles for i in infos})
        return [replace(i, articles=counted[i.id]) if i.id in counted else i for i in infos]

    def pages(self, issue_id: int) -> list[PageInfo]:
        """The issue's pages, each counting its articles as the corrections leave them."""
        pages = self._issue_pages.get(issue_id, lambda: self.library.pages(issue_id))
        if self.overlay_of.overlaid(issue_id) is None:
            return pages
        counts: Counter[int] = Counter(p.id for a in self.overlay_of.infos(issue_id) for p in own_pages(a, pages))
        return [replace(p, articles=counts[p.id]) for p in pages]

    def _corrected_counts(self, stored: dict[int, int]) -> dict[int, int]:
        """Issue id → its articles as the segmentation corrections leave them, for the issues they touch (of
        ``stored``: issue id → the catalogue's count). Counted again for an issue only when its corrections or its
        stored count changed (:attr:`_counted`: every issue's overlay made at each reload of the tree)."""
        overlay = self.overlay_of
        segmentation = [c for c in overlay.corrections() if c.kind != "text"] if overlay.segmentation else []
        named = overlay.issues_named(segmentation)
        out: dict[int, int] = {}
        for issue, ids in named.items():
            if issue not in stored:
                continue
            made_from = (tuple(ids), stored[issue])
            kept = self._counted.get(issue)
            if kept is None or kept[0] != made_from:
                kept = self._counted[issue] = (made_from, len(self.overlay_of.infos(issue)))
            out[issue] = kept[1]
        return out

    def articles(self, issue_id: int | None = None, page_id: int | None = None) -> list[ArticleInfo]:
        """Articles of an issue or a page, as the reader's segmentation corrections leave them."""
        infos = self.library.articles(issue_id=issue_id, page_id=page_id)
        for info in infos:
            self._infos.put(info.id, info)
        if not infos or self.overlay_of.overlaid(infos[0].issue_id) is None:
            return infos
        pages = self.pages(infos[0].issue_id) if page_id is not None else []
        out: list[ArticleInfo] = []
        for info in self.overlay_of.infos(infos[0].issue_id):
            if page_id is not None and all(p.id != page_id for p in own_pages(info, pages)):
                continue
            self._infos.put(info.id, info)
            out.append(info)
        return out

    # corrections -------------------------------------------------------------------
    def all_corrections(self) -> list[Correction]:
        return self.overlay_of.corrections()

    def corrections_changed(self) -> None:
        """Forget what the overlay made (after a correction was added or undone)."""
        self.overlay_of.invalidate()
        self._articles.clear()
        self._infos.clear()
        self._line_maps.clear()

    def overlay(self, issue_id: int) -> list[Article] | None:
        """The issue's articles with its segmentation corrections applied; None when it has none."""
        overlaid = self.overlay_of.overlaid(issue_id)
        return None if overlaid is None else overlaid.articles

    def text_corrections(self, article: Article) -> list[Correction]:
        """The OCR text corrections that apply to ``article``."""
        return self.overlay_of.text_corrections(article, self._source(article))

    def text_fixes(self, article: Article) -> list[TextFix]:
        """The OCR text corrections that apply to ``article``, resolved on its text."""
        return self.overlay_of.text_fixes(article, self._source(article))

    def corrected(self, article: Article) -> Article:
        """The corrected reading of ``article`` (the original when it has no text corrections)."""
        return self.overlay_of.corrected(article, self._source(article))

    def original_ranges(self, article: Article, ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Ranges of the corrected reading of ``article`` (a hit's places) as ranges of its original text."""
        return original_ranges(article, self.overlay_of.text_fixes(article, self._source(article)), ranges)

    def corrected_ranges(self, article: Article, ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Ranges of the original text of ``article`` as ranges of its corrected reading."""
        return corrected_ranges(article, self.overlay_of.text_fixes(article, self._source(article)), ranges)

    def across_readings(self, article: Article, places: Sequence[tuple[int, int]], *,
                        to_corrected: bool) -> list[tuple[int, int]]:
        """``places`` of one reading of ``article`` — its original text, or (``to_corrected`` false) its corrected
        reading — as places of the other, on the same characters: what the reader selected, the cursor and the
        passage read stay on their words when the reading shown switches (they kept their offsets, and covered
        other words after a correction that changed a length — seen by eye). A range over part of a replacement
        covers the whole of it; a bare place (start == end: the cursor) stays bare, before the replacement it is
        in."""
        move = self.corrected_ranges if to_corrected else self.original_ranges
        moved = move(article, places)
        return [(s, s) if a == b else (s, e) for (a, b), (s, e) in zip(places, moved, strict=True)]

    def _source(self, article: Article) -> str | None:
        try:
            return self.info(article.id).source
        except NotFoundError:
            return None

    def correct(self, correction: Correction) -> Command:
        """Store a correction as a command (done here; the window may keep it for undo)."""
        return _done(AddCorrection(self.corrections, correction, on_change=self.corrections_changed,
                                   library=self.library))

    def as_now(self, correction: Correction) -> Correction:
        """``correction`` naming its articles by the ids they have now (:func:`reader.app.commands.as_now`): what a
        redo stores after an import renamed them."""
        return as_now(self.library, correction)

    # annotations ---------------------------------------------------------------------
    def annotate(self, annotation: Annotation, on_change: Callable[[], None] | None = None) -> Command:
        """Store a highlight or note as a command (done here; the window may keep it for undo)."""
        return _done(AddAnnotation(self.annotations, annotation, on_change or _nothing, library=self.library))

    def edit_annotation(self, old: Annotation, new: Annotation,
                        on_change: Callable[[], None] | None = None) -> Command:
        return _done(EditAnnotation(self.annotations, old, new, on_change or _nothing, library=self.library))

    def delete_annotation(self, annotation: Annotation, on_change: Callable[[], None] | None = None) -> Command:
        return _done(DeleteAnnotation(self.annotations, annotation, on_change or _nothing, library=self.library))

    def current_key(self, article_id: str) -> str:
        """The id ``article_id``'s article has now: an import may have given it another since the reader named it
        (its entries in collections were re-keyed then; an undo looking for the old id changed nothing)."""
        return renamed_key(article_id, live_renames(self.library))

    def put_back(self, annotation: Annotation, expected: Annotation | None = None) -> Annotation:
        """The reader's annotation written back by an undo or a redo, as the library is now; refused when it was
        changed elsewhere since it read as ``expected`` (:func:`reader.app.commands.put_back`)."""
        return put_back(self.annotations, annotation, self.library, expected)

    def article_annotations(self, article_id: str) -> list[Annotation]:
        """The annotations shown on the reader's article ``article_id`` (:mod:`reader.app.placing`: after a split,
        a move or a merge, those whose words it holds)."""
        return self.places.article_annotations(article_id)

    def quotes_as_read(self, annotations: Sequence[Annotation]) -> dict[str, str]:
        """Annotation id → its words as the reader reads them now, where corrected since
        (:meth:`NotePlaces.quotes_as_read`, which ``annotations list`` asks too)."""
        return self.places.quotes_as_read(annotations)

    def find_annotations(self, tag: str | None = None, text: str | None = None) -> list[Annotation]:
        """The library's annotations with ``tag`` whose note or quote holds ``text``, in either reading
        (:meth:`NotePlaces.find`)."""
        return self.places.find(tag=tag, text=text)

    def placed_annotations(self, article_id: str) -> dict[str, tuple[int, int]]:
        """Annotation id → its place in the text of the reader's article ``article_id`` (:meth:`NotePlaces.placed`)."""
        return self.places.placed(article_id)

    def reader_key(self, annotation: Annotation) -> str:
        """The reader's article ``annotation`` is shown on (:meth:`NotePlaces.reader_key`)."""
        return self.places.reader_key(annotation)

    def tag_names(self) -> list[str]:
        return [name for name, _ in self.annotations.tags()]

    def stats(self) -> dict[str, int]:
        return self.library.stats()

    # objects ---------------------------------------------------------------------
    def article(self, article_id: str) -> Article:
        """An article as the reader's segmentation corrections leave it (text corrections: :meth:`corrected`)."""
        return self._articles.get(article_id, lambda: self._load_article(article_id))

    def _load_article(self, article_id: str) -> Article:
        return self.overlay_of.article(article_id)

    def info(self, article_id: str) -> ArticleInfo:
        return self._infos.get(article_id, lambda: self._load_info(article_id))

    def _load_info(self, article_id: str) -> ArticleInfo:
        return self.overlay_of.info(article_id)  # as the corrections leave it (split-off articles too)

    def successor(self, old: Article, source: str) -> str | None:
        """The article of ``source`` that now holds ``old``'s text, when a re-import gave it another id (its first
        line edited): the one holding most of its parts' texts, at least half of its characters; else None."""
        wanted = [p.text for p in old.parts if len(p.text.strip()) > 1]
        total = sum(len(t) for t in wanted)
        best: tuple[int, str] | None = None
        for info in self.library.articles_of_source(source):
            text = self.library.article(info.id).text
            held = sum(len(t) for t in wanted if t in text)
            if best is None or held > best[0]:
                best = (held, info.id)
        return best[1] if best is not None and total and 2 * best[0] >= total else None

    def source_digest(self, path: str) -> str | None:
        """The sha256 of the bytes the catalogue holds for the source file ``path`` now (asked of the catalogue: another
        process may have imported it again), None when it holds none."""
        found = self.library.source(path)
        return found.sha256 if found is not None else None

    def still_imported(self, article_id: str) -> bool:
        """Whether the catalogue holds ``article_id``'s article now (asked of the catalogue, not of what this
        archive read before: another process may have imported its file again meanwhile)."""
        try:
            self.library.article_info(root_key(article_id))
            return True
        except NotFoundError:
            return False

    def exists(self, article_id: str) -> bool:
        """True when the article is in the library (or made by a correction)."""
        try:
            self.info(article_id)
            return True
        except NotFoundError:
            return False

    def page(self, page_id: int) -> Page:
        return self._pages.get(page_id, lambda: self.library.page(page_id))

    def page_exists(self, page_id: int) -> bool:
        """True when the page is in the library (an import of its file again makes its pages anew)."""
        try:
            self.page(page_id)
            return True
        except NotFoundError:
            return False

    def page_ids(self, article_id: str) -> list[int]:
        """Ids of the pages an article is on, in page order."""
        info = self.info(article_id)
        return [p.id for p in own_pages(info, self.pages(info.issue_id))]

    def page_info(self, page_id: int, issue_id: int) -> PageInfo | None:
        for p in self.pages(issue_id):
            if p.id == page_id:
                return p
        return None

    def page_of_line(self, article_id: str, line_id: str) -> int | None:
        try:
            found = self.library.page_of_line(article_id, line_id)
        except NotFoundError:
            found = None
        if found is None:  # an article made or grown by a correction: the page of its own file holding the line —
            # the files of an issue number their lines alike (p1.l19 in seed_page.txt and in rendered_page.txt), so
            # not found by the numbers of the pages holding a line of that id in the issue
            info = self.info(article_id)
            pages = self.pages(info.issue_id)
            mine = [p for p in own_pages(info, pages) + pages if p.source == info.source]
            return next((p.id for p in mine if any(ln.id == line_id for ln in self.page(p.id).lines)), None)
        return found

    def line_map(self, page_id: int) -> dict[str, LinePlace]:
        """Line id → (article, part) for every line of a page that an article uses."""

        def build() -> dict[str, LinePlace]:
            out: dict[str, LinePlace] = {}
            for info in self.articles(page_id=page_id):
                art = self.article(info.id)
                for i, part in enumerate(art.parts):
                    for lid in part.line_ids:
                        out.setdefault(lid, LinePlace(art.id, i))
            return out

        return self._line_maps.get(page_id, build)

    def headline_of(self, info: ArticleInfo) -> str | None:
        """The headline to list for an article: the one the reader corrected when they corrected its text (the
        lists showed the OCR's — seen by eye), else the one stored (a title the source or a correction gave)."""
        if root_key(info.id) not in self.overlay_of.text_corrected_keys():
            return info.headline  # nothing read: a collection of hundreds of articles lists at once
        art = self.article(info.id)
        corrected = self.corrected(art)
        if corrected is art or info.headline != art.headline:
            return info.headline
        return corrected.headline

    def shown_config(self, article_id: str, config: str, sample: str = "") -> str:
        """The OpenCC configuration the reading view shows the article in when the reader chose the script
        ``config`` (:func:`textforms.config_for` on its text, judged once and kept): what the lists show of it —
        its headline, its first words, a search snippet, a quote — is shown in it, as the text is. An article no
        longer in the library (a collection's entry) is judged on ``sample``, the piece of it shown."""
        if config not in textforms.FROM_TRADITIONAL:
            return config

        def judge() -> bool:
            try:
                return textforms.is_traditional(self.article(article_id).text)
            except NotFoundError:
                return textforms.is_traditional(sample)

        return textforms.config_for_script(config, self._traditional.get(article_id, judge))

    def shown(self, article_id: str, text: str, config: str) -> str:
        """``text`` — a piece of the article ``article_id`` (its headline, first words, a quote) — as the reading view
        shows it in the script ``config`` (:func:`reader.app.reading.shown_in`); the reader's own words (notes,
        tags, names) are never converted."""
        return shown_in(self.shown_config(article_id, config, text), text)[0]

    def shown_hit(self, hit: Hit, config: str) -> Hit:
        """A search hit as the results list shows it under the script ``config``: its headline and snippet as the
        reading view shows its article, the snippet's matches on the same characters."""
        if not config or config == "none":
            return hit
        chosen = self.shown_config(hit.article, config, hit.snippet)
        snippet, marks = shown_in(chosen, hit.snippet, hit.snippet_matches)
        return replace(hit, headline=shown_in(chosen, hit.headline)[0], snippet=snippet, snippet_matches=marks)

    def merged_into(self, key: str) -> str | None:
        """The article a piece the reader split off was merged into by the reader's own correction, where it is no
        article of its own now (:meth:`Overlay.merged_into`); else None."""
        return self.overlay_of.merged_into(key)

    def merged_by(self, key: str) -> str:
        """Who merged a piece :meth:`merged_into` another: "" the reader, else the colleague's name
        (:meth:`Overlay.merged_by`)."""
        return self.overlay_of.merged_by(key)

    def merged_at(self, key: str) -> tuple[str, str] | None:
        """(the article a piece merged into another is read in now, the line its words start on), or None
        (:meth:`Overlay.merged_at`)."""
        return self.overlay_of.merged_at(key)

    def holding(self, key: str, line: str) -> tuple[str, bool] | None:
        """(the reader's article holding the source line ``line`` of ``key``'s source now, whether ``key`` is still an
        article of its own), or None (:meth:`Overlay.holding`)."""
        return self.overlay_of.holding(key, line)

    def moved(self, before: Article, to: str, own: bool) -> str:
        """How the reader's words read in ``before`` came to be in ``to`` (:meth:`Overlay.moved`)."""
        return self.overlay_of.moved(before, to, own)

    def reopened(self, key: str, words: WordsRead | None) -> str | None:
        """The article a start reopens for a reader who last read ``key`` at ``words``: the one holding their source
        line now — a correction made while the window was closed moved it (merged into another article, given back
        by an undo) —, else ``key`` while it is in the library; None when it is gone. The line is asked only of the
        source as it was read then (an import since gave its number to another line, maybe of another article)."""
        if words is not None:
            try:
                source = self.info(key).source
            except NotFoundError:
                source = ""
            held = self.holding(key, words.line) if source and self.source_digest(source) == words.digest else None
            if held is not None:
                return held[0]
        return key if self.exists(key) else None

    def merged_name(self, key: str) -> str:
        """A piece :meth:`merged_into` another article named by its first words, in square brackets; else ""
        (:meth:`Overlay.merged_name`)."""
        return self.overlay_of.merged_name(key)

    def supplied_name(self, article_id: str) -> str:
        """What an article printed with no headline is listed under, as every listing, export and citation names it:
        its first words in square brackets (:func:`reader.model.document.supplied_title`; the window's results said
        "(no headline)" where the command line named it); "" for an article no longer there."""
        try:
            return supplied_title(self.corrected(self.article(article_id)))
        except NotFoundError:
            return ""

    def name_of(self, article_id: str) -> str:
        """What an article is named by in the window's lists and messages — a collection's entries, the notes of the
        library, the export dialog, Edit → Undo —: its headline (:meth:`headline_of`), else its first words in square
        brackets, as every export and citation names it (:meth:`supplied_name`; seen by eye: a collection listed a
        piece printed with no headline by its first 24 characters, cut inside a word, unmarked)."""
        return self.headline_of(self.info(article_id)) or self.supplied_name(article_id)

    def first_words(self, article_id: str, n: int = 40) -> str:
        """The first ``n`` characters of an article's text: of an article printed with no headline, the words it is
        named by in every list, export and citation (:func:`reader.model.document.first_words`: a piece split off at
        a crosshead was listed by the paragraph under it), else of its first paragraph."""
        art = self.article(article_id)
        if not art.headline:
            named = naming_part(art)
            return graphemes.head(" ".join(named.text.split()), n) if named is not None else ""
        for part in art.parts:
            if part.role == "paragraph" and part.text:
                return graphemes.head(part.text, n)
        return graphemes.head(art.parts[0].text, n) if art.parts else ""


def _nothing() -> None:
    return None


def _done(command: Command) -> Command:
    command.do()
    return command


@dataclass
class Hit:
    """One search result as the window shows it."""

    article: str
    headline: str
    publication: str
    date: str
    page: int | None
    kind: str
    score: float
    snippet: str
    #: match ranges in the article's ORIGINAL text (``Article.text``), or in its corrected reading when ``corrected``
    matches: list[tuple[int, int]]
    #: ranges of the matches inside ``snippet``
    snippet_matches: list[tuple[int, int]]
    #: the article is read corrected (the reader's OCR corrections): ``matches`` and ``snippet`` are of that reading
    corrected: bool = False
    #: the article is read corrected, but only the OCR's reading of a word the reader corrected holds the words:
    #: ``matches`` and ``snippet`` are of that reading (the row says so)
    as_read: bool = False
    #: the first page's printed label where the source gives one ("484"), shown for ``page``
    page_label: str | None = None
    #: the article printed no headline: ``headline`` is the name supplied for it, its first words in square brackets
    supplied: bool = False


@dataclass
class Results:
    """What a search returned: the hits shown, the total, and facet counts once they are known."""

    query: str
    total: int
    hits: list[Hit]
    #: facet name ("publication", "year", "kind") → value → count; None until counted (:meth:`Archive.facets`)
    facets: dict[str, dict[str, int]] | None
    seconds: float = 0.0
    #: where :attr:`hits` start among all the results, and their order ("relevance" or "date")
    offset: int = 0
    sort: str = "relevance"
    #: how the query's characters compared
    options: SearchOptions = SearchOptions()
    #: the query's words left out, as typed: nothing in them is searchable (punctuation alone, empty quotes)
    left_out: tuple[str, ...] = ()
    #: the query looks for the unreadable-glyph mark 〓 (it finds the mark, not the character the OCR missed)
    unreadable: bool = False


@dataclass
class Facets:
    """A search's hits counted per publication, year and kind (:meth:`Archive.facets`)."""

    query: str
    options: SearchOptions
    #: facet name ("publication", "year", "kind") → value → count
    counts: dict[str, dict[str, int]]
    seconds: float = 0.0

    def belong_to(self, results: Results) -> bool:
        """Whether these are the facets of ``results``' search (the same query, compared the same way): the window
        shows no query's facets beside another's hits."""
        return (self.query, self.options) == (results.query, results.options)


def _facets_of(hits: list[Hit]) -> dict[str, dict[str, int]]:
    """Facets counted over ``hits``, as the core counts them (:meth:`Searcher.facets`)."""
    out: dict[str, dict[str, int]] = {}
    for name, values in (("publication", [h.publication for h in hits]), ("year", [(h.date or "")[:4] for h in hits]),
                         ("kind", [h.kind for h in hits])):
        out[name] = dict(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def snippet_marks(snippet: str, matched: list[str]) -> list[tuple[int, int]]:
    """Where the matched strings occur in a KWIC snippet (for bold in the results list)."""
    out: list[tuple[int, int]] = []
    for needle in {m for m in matched if m and "\n" not in m}:
        i = snippet.find(needle)
        while i >= 0:
            out.append((i, i + len(needle)))
            i = snippet.find(needle, i + len(needle))
    return sorted(out)
