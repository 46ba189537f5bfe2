"""What every export writer shares: the :class:`Item` to export, errors, languages, scripts and digests.

An Item is an article as the reader sees it — the owner of the correction
overlay (:mod:`reader.app.overlay`) has already applied the segmentation
corrections and resolved the OCR text corrections (``Item.fixes``); a writer
only renders them. The writers (tei, text, csv, cite) import this module; the
dispatcher (:mod:`reader.export.exporter`) imports the writers.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from reader.annotations.store import Annotation
from reader.corrections.store import TextFix, apply_fixes, corrected_ranges
from reader.export.kinds import FORMATS as FORMATS  # re-exported: the names the exporters import from here
from reader.export.kinds import STYLES as STYLES
from reader.export.kinds import SUFFIXES as SUFFIXES
from reader.model import graphemes
from reader.model.document import Article, Document, reading_order
from reader.model.errors import BroadsheetError
from reader.text.chars import is_cjk

log = logging.getLogger(__name__)

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
    #: the hits' offsets in the text as the reader reads it (:meth:`corrected`), where the search gave them so (a
    #: search of corrected readings): taken back to the original's and forward again, a hit on part of a corrected
    #: word grew to the whole correction (seen by eye: 马俊 in 马俊表说 exported as "[马俊表]说")
    read_matches: list[tuple[int, int]] | None = None
    score: float | None = None
    #: the reader's OCR text corrections, resolved on ``article`` by the overlay's owner (reader.app.overlay)
    fixes: list[TextFix] = field(default_factory=list)
    #: which reading the search found the hits in, as ``search --json`` says it: "corrected" (the reader's
    #: corrections applied: ``read_matches``), "ocr" (only the text as imported holds the words — a word the reader
    #: corrected: ``matches`` are of it), "" (an article read as imported, or not a search's)
    reading: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            self.key = self.article.id

    def corrected(self) -> Article:
        """The article's corrected reading (its text fixes applied)."""
        return apply_fixes(self.article, self.fixes)

    def corrected_matches(self) -> list[tuple[int, int]]:
        """The hits' offsets in :meth:`corrected`'s text: as the search gave them, else moved onto the corrections."""
        if self.read_matches is not None:
            return list(self.read_matches)
        return corrected_ranges(self.article, self.fixes, self.matches) if self.fixes else list(self.matches)

    def found_in(self) -> tuple[Article, list[tuple[int, int]]]:
        """The reading the hits were found in and their places in its text: the article as imported for a hit only
        the OCR's reading holds (:attr:`reading` "ocr"), else the corrected reading. The OCR's places laid on the
        corrected text bracketed words that are not the query (seen by a tester: 五大趋势 found, ``[五大倾向]``
        written)."""
        if self.reading == "ocr":
            return self.article, list(self.matches)
        return self.corrected(), self.corrected_matches()

    def quote(self, annotation: Annotation) -> str:
        """The words ``annotation`` is on as the reader reads them (its quote is kept as the OCR read it: seen by
        eye, a note over a corrected word was quoted with the OCR's error beside a body that has the correction)."""
        anchor = annotation.anchor
        if anchor is None:
            return ""
        text = self.article.text
        if not self.fixes or text[anchor.start:anchor.end] != anchor.exact:
            return anchor.exact
        [(start, end)] = corrected_ranges(self.article, self.fixes, [(anchor.start, anchor.end)])
        return self.corrected().text[start:end] or anchor.exact

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

    def page_runs(self) -> list[tuple[str, str]]:
        """The article's pages as runs of consecutive pages, each (first label, last label; equal for a run of
        one): pages 1–3 printed 484–486 are ``[("484", "486")]``, an article continued from page 1 on page 3 is
        ``[("484", "484"), ("486", "486")]``. A page without a printed label is given by its number."""
        labels = {p.number: p.label for p in self.document.pages if p.label}
        runs: list[list[int]] = []
        for number in sorted(set(self.page_numbers())):
            if runs and number == runs[-1][-1] + 1:
                runs[-1].append(number)
            else:
                runs.append([number])
        return [(labels.get(r[0], str(r[0])), labels.get(r[-1], str(r[-1]))) for r in runs]

    def page_range(self, dash: str = "-") -> str:
        """Every page of the article as a citation gives them: "484", "484-486", "484, 486" (``dash`` between a
        run's ends: CSL's hyphen, BibTeX's ``--``, an en dash in text)."""
        return ", ".join(first if first == last else f"{first}{dash}{last}" for first, last in self.page_runs())

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


_SPACES = re.compile(r"\s+")


def as_read(article: Article) -> tuple[str, Callable[[int, int], tuple[int, int] | None]]:
    """(``article``'s text as read — its parts in :func:`~reader.model.document.reading_order`, joined by blank lines
    as :attr:`Article.text` joins them in the order stored —, a function taking a range of :attr:`Article.text` to
    the same words there; None for a range over two parts). A hit's context is the words read around it: the column
    label stored last was a hit's left context (seen by eye)."""
    order = reading_order(article)
    stored: list[int] = []
    pos = 0
    for part in article.parts:
        stored.append(pos)
        pos += len(part.text) + 2
    read: dict[int, int] = {}
    pos = 0
    for i in order:
        read[i] = pos
        pos += len(article.parts[i].text) + 2
    text = "\n\n".join(article.parts[i].text for i in order)

    def place(start: int, end: int) -> tuple[int, int] | None:
        i = bisect_right(stored, start) - 1
        if i < 0 or end > stored[i] + len(article.parts[i].text):
            return None
        return read[i] + start - stored[i], read[i] + end - stored[i]

    return text, place


def kwic(text: str, start: int, end: int, width: int = 30) -> str:
    """Keyword in context: the match in brackets with ``width`` characters on either side, one line."""
    left = text[graphemes.floor(text, max(0, start - width)):start]  # no letter parted from its mark
    right = text[end:graphemes.ceil(text, end + width)]
    def clean(s: str) -> str:  # one line: a run of spaces and line breaks is one space, kept at either end
        return _SPACES.sub(" ", s)

    return f"{'…' if start > width else ''}{clean(left)}[{clean(text[start:end])}]{clean(right)}" \
           f"{'…' if end + width < len(text) else ''}"
