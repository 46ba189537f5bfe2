"""Analyse a source file: read it, cut it into articles, reflow — and the JSON contract of `analyze`."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.formats import detect as ingest
from reader.formats.sourcefile import MAX_SOURCE_BYTES, read_source, too_big
from reader.model.document import Article, Document
from reader.segmentation.geometry import articles_from_layout
from reader.segmentation.textpage import segment_pages
from reader.text.reflow import WordGoesOn, join_broken_words

#: Formats whose pages carry coordinates: without an article map they are cut by geometry.
LAID_OUT = frozenset({"alto", "hocr", "page", "mets"})
#: Kinds that show a source mapped its articles (a METS logical map of only furniture does not count).
MAPPED_KINDS = frozenset({"article", "advertisement", "notice"})


def analyze_bytes(data: bytes, path: str | Path, fmt: str = "auto") -> Document:
    if len(data) > MAX_SOURCE_BYTES:
        raise too_big(path)
    return analyze_layout(ingest.read(data, path, fmt))


def analyze_layout(doc: Document) -> Document:
    """Cut a document as read into articles: by the page's geometry when a laid-out source maps none, by the
    plain-text segmenter when it has none at all."""
    if doc.format in LAID_OUT and not any(a.kind in MAPPED_KINDS for a in doc.articles):
        doc.articles = articles_from_layout(doc.pages)  # no article map: cut by the page's geometry
        rejoin_words(doc)
    if not doc.articles:
        doc.articles = segment_pages(doc.pages)
    return doc


#: the first half of a hyphenated word at a text's end: two letters or more before the final hyphen
_WORD_HALF = re.compile(r"[^\W\d_]{2,}[-\u00ad\u2010\u2011\u00ac\u2e17=]\s*$")


def _word_half(text: str) -> bool:
    """Whether ``text`` ends in the first half of a word: an ornament ("-—o\u00ad", "■-o-") ends in a hyphen
    too, and OCR may mark it as a hyphenation, but one letter between dashes begins no word."""
    return _WORD_HALF.search(text) is not None


def rejoin_words(doc: Document) -> None:
    """No part or article boundary between the halves of a word the source marks as hyphenated.

    A marked hyphenation says the text runs on into the next line, so an article cut there ("This is
    Your Oppor-" | "tunity. Williamson & Foster," read as the next advert's headline) is one article: the
    next one joins it, its first part taking the role of the part it continues. Linear in the articles.
    """
    lines = [ln for page in doc.pages for ln in page.lines]
    goes_on = WordGoesOn(lines)
    kept: list[Article] = []
    for article in doc.articles:
        prev = kept[-1] if kept else None
        if (prev is not None and prev.parts and article.parts and _word_half(prev.parts[-1].text)
                and goes_on(prev.parts[-1], article.parts[0])):
            first = replace(article.parts[0], role=prev.parts[-1].role)
            prev.parts += [first, *article.parts[1:]]
            prev.pages = sorted({*prev.pages, *article.pages})
            continue
        kept.append(article)
    doc.articles = kept
    for article in doc.articles:
        article.parts = join_broken_words(article.parts, goes_on)


def analyze_file(path: str | Path, fmt: str = "auto") -> Document:
    """Read and segment one file; raises SourceError naming the file when it cannot."""
    return analyze_bytes(read_source(path), Path(path), fmt)


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "kind": article.kind,
        "headline": article.headline,
        "kicker": article.kicker,
        "subheadline": article.subheadline,
        "byline": article.byline,
        "dateline": article.dateline,
        "pages": list(article.pages),
        "blocks": [{"role": p.role, "text": p.text, "lines": p.line_ids} for p in article.parts],
    }


def document_json(doc: Document) -> dict[str, Any]:
    """The `broadsheet analyze --json` contract (DESIGN.md, "Command-line contracts")."""
    return {
        "source": doc.source,
        "format": doc.format,
        "pages": [
            {
                "number": page.number,
                "width": page.width,
                "height": page.height,
                "lines": [
                    {"id": line.id, "text": line.text, "box": list(line.box) if line.box else None}
                    for line in page.lines
                ],
            }
            for page in doc.pages
        ],
        "articles": [article_json(a) for a in doc.articles],
    }


def document_text(doc: Document) -> str:
    """The articles for a person to read."""
    out: list[str] = [f"# {doc.source} ({doc.format}, {len(doc.pages)} page(s), {len(doc.articles)} article(s))"]
    for a in doc.articles:
        out.append("")
        out.append(f"== {a.id} [{a.kind}] {a.headline or '(no headline)'}")
        for part in a.parts:
            if part.role == "paragraph":
                out.append("    " + part.text)
            else:
                out.append(f"  [{part.role}] {part.text}")
    return "\n".join(out) + "\n"
