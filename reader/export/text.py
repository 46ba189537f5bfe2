"""Articles as plain text and as Markdown, for reading and for pasting into notes.

The corrected reading is exported (text corrections applied); Markdown adds
the reader's notes as a list under each article (quote and note).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reader.annotations.store import Annotation
from reader.export.items import Item

HEAD_ROLES = ("kicker", "headline", "subheadline")


def citation_line(item: Item) -> str:
    """"Publication, date, p. N" — what a reader needs to find the article again."""
    bits = [item.publication()]
    if item.metadata.get("date"):
        bits.append(item.metadata["date"])
    if item.metadata.get("edition"):
        bits.append(item.metadata["edition"])
    label = item.page_label()
    if label:
        bits.append(f"p. {label}")
    return ", ".join(bits)


def _notes_for(item: Item, annotations: Sequence[Annotation]) -> list[Annotation]:
    return [a for a in annotations if a.article == item.key]


def export_text(items: Sequence[Item], annotations: Sequence[Annotation] = (), **_: Any) -> str:
    """Plain text: per article its citation, headline group and paragraphs, blank lines between."""
    out: list[str] = []
    for item in items:
        art = item.corrected()
        block: list[str] = [citation_line(item)]
        headline = art.headline
        if art.title and headline:
            block.append(headline)
        for part in art.parts:
            if art.title and part.role == "headline" and part.text == headline:
                continue
            block.append(part.text)
        notes = _notes_for(item, annotations)
        for a in notes:
            line = "Note"
            if a.anchor is not None:
                line += f" on “{a.anchor.exact}”"
            if a.tags:
                line += f" [{', '.join(a.tags)}]"
            if a.note:
                line += f": {a.note}"
            block.append(line)
        out.append("\n\n".join(block))
    return ("\n\n" + "=" * 40 + "\n\n").join(out) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text: str) -> str:
    """Escape what Markdown would read as markup; a leading # + - or digit-dot would start a block."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([#+\-]|\d+\.)(\s)", r"\1\\\2\3", text, flags=re.M)
    return text


def export_markdown(items: Sequence[Item], annotations: Sequence[Annotation] = (), **_: Any) -> str:
    """Markdown: ``#`` headline, kicker and subheadline around it, byline/dateline in italics, notes listed."""
    out: list[str] = []
    for item in items:
        art = item.corrected()
        block: list[str] = []
        if art.kicker:
            block.append(f"*{md_escape(art.kicker)}*")
        block.append(f"# {md_escape(art.headline or '(no headline)')}")
        for part in art.parts:
            if part.role == "kicker" and part.text == art.kicker:
                continue
            if part.role == "headline" and part.text == art.headline:
                continue
            if part.role == "subheadline":
                block.append(f"## {md_escape(part.text)}")
            elif part.role in ("byline", "dateline", "credit", "caption"):
                block.append(f"*{md_escape(part.text)}*")
            elif part.role in ("section-heading", "headline", "kicker"):
                block.append(f"### {md_escape(part.text)}")
            else:
                block.append(md_escape(part.text))
        block.append(f"<small>{md_escape(citation_line(item))} · article {md_escape(item.key)}</small>")
        notes = _notes_for(item, annotations)
        if notes:
            block.append("**Notes**")
            lines = []
            for a in notes:
                bits: list[str] = []
                if a.anchor is not None:
                    bits.append(f"“{md_escape(a.anchor.exact)}”")
                if a.note:
                    bits.append(md_escape(a.note))
                if a.tags:
                    bits.append(" ".join(f"`{t}`" for t in a.tags))
                if a.orphaned:
                    bits.append("(orphaned: the passage was not found again)")
                lines.append("- " + " — ".join(bits))
            block.append("\n".join(lines))
        out.append("\n\n".join(block))
    return "\n\n---\n\n".join(out) + "\n"
