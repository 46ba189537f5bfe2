"""Analyse a source file: read it, cut it into articles, reflow — and the JSON contract of `analyze`."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.formats import detect as ingest
from reader.formats.sourcefile import MAX_SOURCE_BYTES, read_source, too_big
from reader.model.document import Article, Document, Part
from reader.segmentation.geometry import articles_from_layout
from reader.segmentation.textpage import segment_pages
from reader.text.reflow import WordGoesOn, join_broken_words, join_column_turns, join_page_turns

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
        by_id = {ln.id: ln for page in doc.pages for ln in page.lines}
        for article in doc.articles:  # a sentence a column turn cut in two: one paragraph
            article.parts = join_column_turns(article.parts, by_id)
    if not doc.articles:
        doc.articles = segment_pages(doc.pages)
    if len(doc.pages) > 1:  # an article going on over a page turn (a METS issue, a fold): its sentence whole
        page_of = {ln.id: page.number for page in doc.pages for ln in page.lines}
        for article in doc.articles:
            article.parts = join_page_turns(article.parts, page_of)
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
    article that starts with the word's second half joins the one whose last part ends with its first half,
    next to it or not, its first part taking the role of the part it continues; and a line of noise that
    holds a second half (a garbled line at a column's foot, "prac-" | "ti- e", set apart with the page's
    specks) is text of the article it continues. Linear in the articles and their parts.
    """
    lines = [ln for page in doc.pages for ln in page.lines]
    blocks = {ln.id: f"{k}/{block.id}" for k, page in enumerate(doc.pages)
              for block in page.blocks for ln in block.lines}
    goes_on = WordGoesOn(lines, blocks)
    before = {b: a for a, b in goes_on.following.items()}
    open_ends: dict[str, Article] = {}
    kept: list[Article] = []
    for article in doc.articles:
        owner = _continued(article.parts[0], open_ends, before, goes_on) if article.parts else None
        if owner is not None:
            _append(owner, article.parts, article.pages, open_ends)
        else:
            kept.append(article)
            _note_open_end(article, open_ends)
    doc.articles = [a for a in kept if _noise_rejoined(a, open_ends, before, goes_on)]
    for article in doc.articles:
        article.parts = join_broken_words(article.parts, goes_on)


def _continued(part: Part, open_ends: dict[str, Article], before: dict[str, str],
               goes_on: WordGoesOn) -> Article | None:
    """The article whose last part ends in the first half of the word ``part`` starts with, if one does."""
    owner = open_ends.get(before.get(part.spans[0].line, "")) if part.spans else None
    if owner is None or not goes_on(owner.parts[-1], part):
        return None
    return owner if _halves_agree(owner.parts[-1].text, part.text) else None


#: a word in capitals opening a text: two capitals or more, no lower case ("FARM", "LOANS")
_CAPITALS_WORD = re.compile(r"^\W*[^\W\d_a-zà-ÿ]{2,}\b")


def _halves_agree(first: str, second: str) -> bool:
    """The first half of a word in lower case ("… C. N. THILL, Prop-") goes on in no word set in capitals ("FARM
    LOANS WANTED", the next card's head): the OCR marked a sign-off's stop as a hyphenation. Other halves agree."""
    words = first.split()
    half = words[-1] if words else ""
    return not (any(ch.islower() for ch in half) and _CAPITALS_WORD.match(second.lstrip()) is not None
                and not any(ch.islower() for ch in second.split()[0]))


def _append(owner: Article, parts: list[Part], pages: list[int], open_ends: dict[str, Article]) -> None:
    """``parts`` (the first continuing ``owner``'s broken last part, in its role) at the end of ``owner``."""
    del open_ends[owner.parts[-1].spans[-1].line]
    owner.parts += [replace(parts[0], role=owner.parts[-1].role), *parts[1:]]
    owner.pages = sorted({*owner.pages, *pages})
    _note_open_end(owner, open_ends)


def _note_open_end(article: Article, open_ends: dict[str, Article]) -> None:
    """Remember ``article`` by its last line when its last part ends in the first half of a word."""
    last = article.parts[-1] if article.parts else None
    if last is not None and last.spans and _word_half(last.text):
        open_ends[last.spans[-1].line] = article


def _noise_rejoined(article: Article, open_ends: dict[str, Article], before: dict[str, str],
                    goes_on: WordGoesOn) -> bool:
    """Move each noise part of ``article`` that continues another article's broken word to that article; whether
    ``article`` still holds anything."""
    if not any(p.role == "noise" for p in article.parts):
        return True
    rest: list[Part] = []
    for part in article.parts:
        owner = _continued(part, open_ends, before, goes_on) if part.role == "noise" else None
        if owner is not None and owner is not article:
            _append(owner, [part], article.pages, open_ends)
        else:
            rest.append(part)
    article.parts = rest
    return bool(rest)


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
