"""The corrected readings a search is told of (:mod:`reader.search.readings`), kept made between corrections.

A reader's OCR text corrections are searched beside the stored texts: every article a text correction applies to
is given to the search as its corrected reading. Making one reads the article and folds its text (~0.6 ms); the
window makes them again after each correction, so :class:`ReadingsKeeper` keeps each article's reading with what
it was made from — the catalogue row it was read at (a re-import gives the article a new one), its source file,
its lines and the ids of the corrections it applies — and makes again only those whose corrections changed: one
correction added to a library holding 1,000 corrected articles re-reads one article, not 1,000.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.corrections.store import Correction, apply_fixes, text_fixes
from reader.library.catalogue import ArticleInfo, Library, NotFoundError
from reader.model.document import Article
from reader.search.readings import CorrectedReading


def root_key(key: str) -> str:
    """The catalogue article a (possibly split-off, ``key~line``) article key comes from."""
    return key.split("~", 1)[0]


def anchored_source(c: Correction) -> str | None:
    """The source file a correction was made on, when it was stored with its lines' text."""
    anchors = c.data.get("anchors")
    if isinstance(anchors, dict) and isinstance(anchors.get("source"), str):
        return str(anchors["source"])
    return None


@dataclass(frozen=True)
class _Known:
    """An article as its reading was last made."""

    num: int
    source: str
    lines: frozenset[str]
    #: the corrections its reading applies, in the order made
    applied: tuple[str, ...]
    reading: CorrectedReading | None


class ReadingsKeeper:
    """The corrected reading of each article a text correction applies to, made again only where it changed."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._known: dict[str, _Known] = {}
        self._lock = threading.Lock()

    def readings(self, text: Sequence[Correction],
                 source_of: Callable[[str], str | None]) -> dict[str, CorrectedReading]:
        """Article id → corrected reading, for the text corrections ``text`` (in the order made; ``source_of``: the
        source file of the article a correction was made on, for one stored without its lines' text)."""
        # (source file, line) → the corrections made on that line, in the order made (line ids repeat across files;
        # a correction of no known source applies to its line in any)
        by_line: dict[tuple[str | None, str], list[tuple[int, Correction]]] = {}
        for order, c in enumerate(text):
            by_line.setdefault((anchored_source(c) or source_of(c.article), str(c.data.get("line"))), []).append(
                (order, c))
        with self._lock:
            known = dict(self._known)
        now: dict[str, _Known] = {}
        loaded: dict[str, Article] = {}  # the articles read in this pass
        for info in self._candidates(text, known, loaded):
            lines = self._lines(info, known, loaded)
            mine = sorted((oc for line in lines for src in (info.source, None) for oc in by_line.get((src, line), ())),
                          key=lambda oc: oc[0])
            applied = tuple(c.id for _, c in mine)
            was = known.get(info.id)
            if was is not None and was.num == info.num and was.applied == applied:
                now[info.id] = was
                continue
            article = loaded.get(info.id) or self._library.article(info.id)
            fixes = text_fixes(article, [c for _, c in mine]) if applied else []
            reading = CorrectedReading.of(apply_fixes(article, fixes).parts) if fixes else None
            now[info.id] = _Known(info.num, info.source, lines, applied, reading)
        with self._lock:
            self._known = now
        return {key: k.reading for key, k in sorted(now.items()) if k.reading is not None}

    def _lines(self, info: ArticleInfo, known: dict[str, _Known], loaded: dict[str, Article]) -> frozenset[str]:
        """The lines of the article ``info`` names: as known when it was read at the same row, else read (and kept
        in ``loaded``)."""
        was = known.get(info.id)
        if was is not None and was.num == info.num:
            return was.lines
        loaded[info.id] = article = self._library.article(info.id)
        lines = frozenset(article.line_ids())
        known[info.id] = _Known(info.num, info.source, lines, (), None)  # its lines, for this pass
        return lines

    def _candidates(self, text: Sequence[Correction], known: dict[str, _Known],
                    loaded: dict[str, Article]) -> list[ArticleInfo]:
        """The catalogue articles that may hold a line of ``text``: each one a correction was made on, and where its
        line is not there (made on an article merged from others, or on one a part was moved into), every article
        of that article's issue."""
        infos: dict[str, ArticleInfo] = {}
        issues: set[int] = set()
        for c in text:
            key = root_key(c.article)
            if key not in infos:
                try:
                    infos[key] = self._library.article_info(key)
                except NotFoundError:
                    continue
            if c.data.get("line") not in self._lines(infos[key], known, loaded):
                issues.add(infos[key].issue_id)
        for issue in sorted(issues):
            for info in self._library.articles(issue_id=issue):
                infos.setdefault(info.id, info)
        return [infos[k] for k in sorted(infos)]
