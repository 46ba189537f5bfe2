"""A concordance as CSV: one row per occurrence, with the citation of its article.

Columns: article, publication, date, page, left, match, right, headline (a piece printed with none named by its first
words in square brackets, as every other export names it), citation. Written as
UTF-8 with a byte-order mark (spreadsheet programs then read Chinese correctly), rows as they
come (the command line streams a large concordance). The citation is :func:`citation` — the one
place the concordance asks :mod:`reader.export.cite` for a reference, so a better citation style
there reaches every concordance export. Articles are read once each for their citation.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from reader.export.cite import cite
from reader.export.csv import safe_row
from reader.export.items import Item
from reader.library.catalogue import Library
from reader.model.document import Document, supplied_title
from reader.search.concordance import ConcordanceLine

COLUMNS = ("article", "publication", "date", "page", "left", "match", "right", "headline", "citation")


def citation(item: Item, style: str = "auto") -> str:
    """The article's citation in ``style`` (:data:`reader.export.kinds.STYLES`; "auto": GB/T 7714 for a Chinese
    paper, Chicago for the rest), on one line — the same :func:`reader.export.cite.cite` the ``cite`` command and
    the export dialog use."""
    return " ".join(cite(item, style).split())


class Citations:
    """The citation of each article of a library, made once per article."""

    def __init__(self, library: Library, style: str = "auto", item: Callable[[str], Item] | None = None) -> None:
        self.library = library
        self.style = style
        #: article id → the item cited: the application gives the article as the reader corrected it
        #: (:func:`reader.app.studies.corrected_citations`); by default the catalogue's reading
        self._item = item or self.item
        self._cache: dict[str, str] = {}
        self._names: dict[str, str] = {}

    def __call__(self, article_id: str) -> str:
        if article_id not in self._cache:
            self._cache[article_id] = citation(self._item(article_id), self.style)
        return self._cache[article_id]

    def name(self, article_id: str) -> str:
        """What the other exports head the article with (:func:`reader.model.document.supplied_title`): a piece
        printed with no headline is named by its first words in square brackets, as cited."""
        if article_id not in self._names:
            self._names[article_id] = supplied_title(self._item(article_id).corrected())
        return self._names[article_id]

    def item(self, article_id: str) -> Item:
        """The article as an export item, with its issue's metadata (no pages: the page number is cited)."""
        lib = self.library
        info = lib.article_info(article_id)
        issue = lib.issue(info.issue_id)
        meta = {"publication": issue.publication, "date": issue.date, "edition": issue.edition,
                "issue": issue.label or ""}
        doc = Document(source=str(info.source), format="source", metadata={k: v for k, v in meta.items() if v})
        return Item(lib.article(article_id), doc, key=article_id)


def rows(lines: Iterable[ConcordanceLine], cite: Citations) -> Iterator[dict[str, str]]:
    for ln in lines:
        yield {"article": ln.article, "publication": ln.publication, "date": ln.date,
               "page": ln.page_shown, "left": ln.left, "match": ln.match,
               "right": ln.right, "headline": " ".join((ln.headline or "").split()) or cite.name(ln.article),
               "citation": cite(ln.article)}


def csv_chunks(lines: Iterable[ConcordanceLine], cite: Citations, every: int = 500) -> Iterator[str]:
    """The CSV text in pieces (the header and the BOM first), ``every`` rows at a time."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    buf.write("\ufeff")
    writer.writeheader()
    for n, row in enumerate(rows(lines, cite), 1):
        writer.writerow(safe_row(row))
        if n % every == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def export_concordance_csv(lines: Iterable[ConcordanceLine], library: Library) -> bytes:
    """The whole CSV as UTF-8 bytes (with the BOM)."""
    return "".join(csv_chunks(lines, Citations(library))).encode("utf-8")
