"""Export articles: TEI P5, plain text, Markdown, CSV of search hits, CSL-JSON and BibTeX.

Every exporter works from model objects: a list of :class:`Item` (an Article
with the Document it came from, plus what a search said about it) and,
optionally, the reader's annotations and corrections. A scope — one article,
an issue, a collection, a search's hits — is just such a list; the helpers
here build the common ones. :func:`export` dispatches on the format name and
returns bytes; :func:`write_new` writes them without overwriting a file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from reader.annotations.store import Annotation
from reader.corrections.store import Correction
from reader.model.document import Article, Document
from reader.model.errors import BroadsheetError
from reader.text.chars import is_cjk

log = logging.getLogger(__name__)

FORMATS = ("tei", "text", "md", "csv", "csl", "bibtex")
SUFFIXES = {"tei": ".xml", "text": ".txt", "md": ".md", "csv": ".csv", "csl": ".json", "bibtex": ".bib"}


class ExportError(BroadsheetError):
    """An export cannot be made or written as asked."""

    def __init__(self, message: str) -> None:
        super().__init__(message if message.endswith((".", "?", "!")) else message + ".")


class ExportCancelled(ExportError):
    """The user stopped an export."""


@dataclass
class Item:
    """One article to export, with its source document and, for search hits, the snippet and matches."""

    article: Article
    document: Document
    #: the article's key in the catalogue (default: its id in the document)
    key: str = ""
    #: the source file's sha256 (computed from ``document.source`` when not given)
    sha256: str | None = None
    snippet: str | None = None
    #: hit offsets in the article's original text
    matches: list[tuple[int, int]] = field(default_factory=list)
    score: float | None = None
    #: the text corrections that belong to this article (None: take the export's whole list)
    corrections: list[Correction] | None = None

    def __post_init__(self) -> None:
        if not self.key:
            self.key = self.article.id

    @property
    def metadata(self) -> dict[str, str]:
        return self.document.metadata

    def page_numbers(self) -> list[int]:
        if self.article.pages:
            return list(self.article.pages)
        return [p.number for p in self.document.pages[:1]]

    def page_label(self) -> str:
        """The printed label of the first page where the source gives one, else its number."""
        pages = self.page_numbers()
        if not pages:
            return ""
        for page in self.document.pages:
            if page.number == pages[0] and page.label:
                return page.label
        return str(pages[0])

    def publication(self) -> str:
        return self.metadata.get("publication") or Path(self.document.source).stem


def items_from_document(doc: Document, article_ids: Iterable[str] | None = None,
                        sha256: str | None = None) -> list[Item]:
    """Items for an issue (all articles, in order) or for the named articles of it."""
    if article_ids is None:
        return [Item(a, doc, sha256=sha256) for a in doc.articles]
    by_id = {a.id: a for a in doc.articles}
    out: list[Item] = []
    for aid in article_ids:
        if aid not in by_id:
            raise ExportError(f"{doc.source}: there is no article {aid}")
        out.append(Item(by_id[aid], doc, sha256=sha256))
    return out


@lru_cache(maxsize=256)
def _file_sha256(path: str, size: int, mtime: float) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def source_sha256(item: Item) -> str | None:
    """The sha256 of the item's source file (given, or computed once per file version)."""
    if item.sha256:
        return item.sha256
    try:
        st = os.stat(item.document.source)
        return _file_sha256(str(Path(item.document.source).resolve()), st.st_size, st.st_mtime)
    except OSError:
        log.info("cannot hash %s: no digest in the export", item.document.source)
        return None


def _opencc(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config if config.endswith(".json") else config + ".json")


@lru_cache(maxsize=16)
def converter(config: str) -> Any:
    """A cached OpenCC converter for ``config`` (t2s, s2t, s2tw …)."""
    return _opencc(config)


def detect_script(text: str) -> str | None:
    """zh-Hant, zh-Hans, ja (kana seen) or None (no CJK): counts characters each OpenCC conversion changes."""
    han = "".join(ch for ch in text if is_cjk(ch))[:5000]
    if not han:
        return None
    kana = sum(1 for ch in han if 0x3040 <= ord(ch) <= 0x30FF)
    if kana * 20 >= len(han):
        return "ja"
    to_simp = converter("t2s").convert(han)
    to_trad = converter("s2t").convert(han)
    trad = sum(1 for a, b in zip(han, to_simp, strict=False) if a != b)
    simp = sum(1 for a, b in zip(han, to_trad, strict=False) if a != b)
    if trad > simp:
        return "zh-Hant"
    if simp > trad:
        return "zh-Hans"
    return "zh"


#: language names and ISO 639-2 codes sources use, as BCP 47 tags
_LANGUAGES = {"german": "de", "deu": "de", "ger": "de", "english": "en", "eng": "en", "french": "fr",
              "fra": "fr", "fre": "fr", "japanese": "ja", "jpn": "ja", "chinese": "zh", "chi": "zh", "zho": "zh",
              "latin": "la", "lat": "la", "dutch": "nl", "nld": "nl", "dut": "nl", "luxembourgish": "lb",
              "ltz": "lb", "italian": "it", "ita": "it", "spanish": "es", "spa": "es"}


def bcp47(value: str) -> str | None:
    """A BCP 47 tag for what a source calls its language ("German", "deu-frak", "zh-Hant"), or None."""
    v = value.strip()
    if not v:
        return None
    low = v.casefold()
    if low in _LANGUAGES:
        return _LANGUAGES[low]
    head = low.split("-")[0].split("_")[0]
    if head in _LANGUAGES:
        return _LANGUAGES[head]
    if len(head) == 2 and head.isalpha():
        return v.replace("_", "-")
    return None


def language_of(items: Sequence[Item]) -> str:
    """The BCP 47 tag for the exported text: the script of CJK text, else the source's language, else und."""
    text = "".join(i.article.text for i in items)
    script = detect_script(text)
    if script:
        return script
    for i in items:
        lang = bcp47(i.metadata.get("language", ""))
        if lang:
            return lang
    return "und"


def kwic(text: str, start: int, end: int, width: int = 30) -> str:
    """Keyword in context: the match in brackets with ``width`` characters on either side, one line."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    clean = lambda s: " ".join(s.split())  # noqa: E731
    return f"{'…' if start > width else ''}{clean(left)}[{clean(text[start:end])}]{clean(right)}" \
           f"{'…' if end + width < len(text) else ''}"


def export(items: Sequence[Item], fmt: str, annotations: Sequence[Annotation] = (),
           corrections: Sequence[Correction] = (), **options: Any) -> bytes:
    """Export ``items`` in ``fmt`` (one of FORMATS); options go to the format's exporter."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    if not items:
        raise ExportError("nothing to export: no articles in the scope")
    if fmt == "tei":
        from reader.export.tei import export_tei

        return export_tei(items, annotations, corrections, **options)
    if fmt in ("text", "md"):
        from reader.export.text import export_markdown, export_text

        fn = export_text if fmt == "text" else export_markdown
        return fn(items, annotations, corrections, **options).encode("utf-8")
    if fmt == "csv":
        from reader.export.csv import export_csv

        return export_csv(items, **options)
    from reader.export.cite import export_bibtex, export_csl

    if fmt == "csl":
        return export_csl(items, **options)
    return export_bibtex(items, **options)


def write_new(path: str | Path, data: bytes, force: bool = False) -> Path:
    """Write ``data`` to ``path``; an existing file is replaced only with ``force`` (atomically)."""
    p = Path(path)
    if p.exists() and not force:
        raise ExportError(f"{p}: the file exists; choose another name or use --force to replace it")
    if p.is_dir():
        raise ExportError(f"{p}: it is a folder, not a file")
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if force:
            os.replace(tmp, p)
        else:
            # link fails if the name appeared meanwhile: never clobber a file we were not told to
            try:
                os.link(tmp, p)
            except FileExistsError as e:
                raise ExportError(f"{p}: the file exists; choose another name or use --force to replace it") from e
            except OSError:
                os.replace(tmp, p)
    except OSError as e:
        raise ExportError(f"{p}: cannot write it ({e.strerror or e})") from e
    finally:
        if tmp.exists():
            tmp.unlink()
    return p


# --------------------------------------------------------------------------- scopes from a library


@dataclass
class Scope:
    """What an export from a library covers: the items, the reader's annotations and corrections for them."""

    items: list[Item]
    annotations: list[Annotation]
    corrections: list[Correction]
    #: corrections that no longer apply (their lines are gone), for the caller to report
    stale: list[tuple[Correction, str]] = field(default_factory=list)


class _IssueCache:
    """Per issue: its sources as Documents (pages with lines) and its articles with the overlay applied."""

    def __init__(self, library: Any, overlay: bool) -> None:
        from reader.corrections.store import CorrectionStore

        self.library = library
        self.overlay = overlay
        self.corrections = CorrectionStore.of(library).find()
        self.issues: dict[int, tuple[dict[str, Document], list[tuple[Article, str]]]] = {}
        self.stale: list[tuple[Correction, str]] = []

    def get(self, issue_id: int) -> tuple[dict[str, Document], list[tuple[Article, str]]]:
        """({source path: Document}, [(article, source path)]) of an issue, articles in issue order."""
        if issue_id in self.issues:
            return self.issues[issue_id]
        from reader.corrections.store import apply_overlay

        lib = self.library
        info = lib.issue(issue_id)
        meta = {"publication": info.publication, "date": info.date, "edition": info.edition,
                "issue": info.label or ""}
        docs: dict[str, Document] = {}
        line_source: dict[str, str] = {}
        line_pages: dict[str, int] = {}
        for p in lib.pages(issue_id):
            doc = docs.get(p.source)
            if doc is None:
                src = lib.source(p.source)
                doc = Document(source=p.source, format=(src.format if src and src.format else "source"),
                               metadata={k: v for k, v in meta.items() if v})
                docs[p.source] = doc
            page = lib.page(p.id)
            doc.pages.append(page)
            for line in page.lines:
                line_source.setdefault(line.id, p.source)
                line_pages.setdefault(line.id, page.number)
        infos = lib.articles(issue_id=issue_id)
        source_of = {a.id: a.source for a in infos}
        articles = [lib.article(a.id) for a in infos]
        if self.overlay:
            ids = set(source_of)
            relevant = [c for c in self.corrections if c.article in ids]
            result = apply_overlay(articles, relevant, line_pages=line_pages)
            self.stale.extend(result.stale)
            articles = result.articles
        out: list[tuple[Article, str]] = []
        for art in articles:
            src = source_of.get(art.id)
            if src is None:
                first = art.line_ids()
                src = line_source.get(first[0], "") if first else ""
            out.append((art, src))
            if src in docs:
                docs[src].articles.append(art)
        self.issues[issue_id] = (docs, out)
        return self.issues[issue_id]


def library_scope(library: Any, article_ids: Sequence[str] = (), issue_id: int | None = None,
                  collection: str | None = None, query: str | None = None, limit: int | None = None,
                  overlay: bool = True, progress: Callable[[int, int], None] | None = None,
                  cancel: threading.Event | None = None) -> Scope:
    """Items for an export from a library: articles by id, an issue, a collection or a search's hits.

    ``progress(done, total)`` is called as articles are gathered; setting
    ``cancel`` stops the work with :class:`ExportCancelled` (for the GUI's
    export dialog, which runs this in a worker).

    The reader's segmentation corrections are applied (``overlay``); each item
    carries the text corrections made on articles of its source; annotations
    come from the catalogue, re-located onto the overlaid text where an
    overlay moved them (kept, as orphans, where it could not).
    """
    from reader.annotations.store import AnnotationStore, reattach
    from reader.library.catalogue import NotFoundError

    cache = _IssueCache(library, overlay)
    wanted: list[tuple[str, Any | None]] = []
    # an issue's articles come from the overlay itself: a split-off article has an id of the
    # overlay's own (``key~line``) that the catalogue does not know
    from_issue: dict[str, int] = {}
    if issue_id is not None:
        _, arts = cache.get(issue_id)
        wanted = [(a.id, None) for a, _ in arts]
        from_issue = {a.id: issue_id for a, _ in arts}
    if collection is not None:
        wanted += [(k, None) for k in AnnotationStore.of(library).collection(collection).items]
    if query is not None:
        from reader.search.engine import Searcher

        with Searcher(library) as searcher:
            wanted += [(h.article, h) for h in searcher.search(query, limit=limit).hits]
    wanted += [(k, None) for k in article_ids]
    if not wanted:
        raise ExportError("nothing to export: name articles, an issue, a collection or a query")
    items: list[Item] = []
    seen: set[str] = set()
    for done, (key, hit) in enumerate(wanted):
        if cancel is not None and cancel.is_set():
            raise ExportCancelled("the export was cancelled")
        if progress is not None:
            progress(done, len(wanted))
        if key in from_issue:
            item_issue = from_issue[key]
            docs, arts = cache.get(item_issue)
            match = next((a for a, src in arts if a.id == key), None)
        else:
            try:
                info = library.article_info(key)
            except NotFoundError:
                if collection is not None and hit is None and key not in article_ids:
                    log.info("collection %s names article %s, which is no longer in the library", collection, key)
                    continue
                raise
            item_issue = info.issue_id
            docs, arts = cache.get(item_issue)
            original_lines = set(library.article(key).line_ids())
            match = next((a for a, src in arts if a.id == key), None) or next(
                (a for a, src in arts if src == info.source and original_lines & set(a.line_ids())), None)
        if match is None or match.id in seen:
            continue
        seen.add(match.id)
        src = next(s for a, s in arts if a is match)
        doc = docs.get(src) or Document(source=src, format="source")
        sha = next((p.sha256 for p in library.pages(item_issue) if p.source == src), None)
        item = Item(match, doc, key=match.id, sha256=sha)
        if hit is not None:
            item.snippet, item.matches, item.score = hit.snippet, [tuple(m) for m in hit.matches], hit.score
        items.append(item)
    # text corrections per item: those made on articles of the same source
    by_source: dict[str, list[Correction]] = {}
    for c in cache.corrections:
        if c.kind != "text":
            continue
        try:
            by_source.setdefault(library.article_info(c.article).source, []).append(c)
        except NotFoundError:
            continue
    for item in items:
        item.corrections = by_source.get(item.document.source, [])
    # annotations: the ones on the exported articles and on articles the overlay merged into them
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
        res = reattach(ann, [i.article for i in items if i.document.source == src])
        if res.annotation.article in by_key:
            annotations.append(res.annotation)
    if progress is not None:
        progress(len(wanted), len(wanted))
    return Scope(items, annotations, [c for cs in by_source.values() for c in cs], cache.stale)


def _source_of(library: Any, key: str) -> str:
    """The source path of a library article, or "" when it is gone."""
    from reader.library.catalogue import NotFoundError

    try:
        return str(library.article_info(key).source)
    except NotFoundError:
        return ""
