"""Articles as plain text and as Markdown, for reading and for pasting into notes.

The corrected reading is exported (text corrections applied), each correction listed under its article with
what the OCR read; both add the reader's notes under each article (quote and note).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from reader.annotations.store import Annotation
from reader.export.items import Item
from reader.model.document import Article, joined_replacements, reading_order, said, supplied_title, unprinted_at

HEAD_ROLES = ("kicker", "headline", "subheadline")


def citation_line(item: Item) -> str:
    """"Publication, date, p. N" — what a reader needs to find the article again."""
    bits = [item.publication()]
    if item.metadata.get("date"):
        bits.append(item.metadata["date"])
    if item.metadata.get("edition"):
        bits.append(item.metadata["edition"])
    pages = item.page_range("–")
    if pages:
        bits.append(f"{'pp' if len(item.page_numbers()) > 1 else 'p'}. {pages}")
    return ", ".join(bits)


def _notes_for(item: Item, annotations: Sequence[Annotation]) -> list[Annotation]:
    return [a for a in annotations if a.article == item.key]


def _same(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


def reading_entries(art: Article, placeholder: str | None) -> tuple[list[tuple[str, str]], int | None]:
    """(role, text) of the article's parts in the reading order, and which entry is its headline.

    The headline is the publisher's title where the source gives one, else the first headline part. A
    title none of the headline group repeats is put where the headline group starts, after the column
    label and kicker (``placeholder`` stands in, when given, for an article with no headline at all).
    """
    entries = [(p.role, p.text) for p in (art.parts[i] for i in reading_order(art)) if p.text]
    main = art.headline
    if main is not None:
        for k, (role, text) in enumerate(entries):
            if role in HEAD_ROLES and _same(text, main):
                return entries, k
    shown = main if main is not None else placeholder
    if shown is None:
        return entries, None
    at = unprinted_at([role for role, _ in entries])  # where the reading view shows it too
    entries.insert(at, ("headline", shown))
    return entries, at


def corrections_said(item: Item, escape: Callable[[str], str] = str) -> list[str]:
    """The reader's text corrections in the exported reading, each with what the OCR read (“ZZZ” (the OCR text reads
    “26”)): the export never gives a corrected word as if printed without saying so (TEI keeps it in ``sic``)."""
    if not item.fixes:
        return []
    return [f"“{escape(made)}” (the OCR text reads “{escape(was)}”)"
            for part in item.corrected().parts for made, was in
            (said(part.text, r) for r in joined_replacements(part.replaced))]


def export_text(items: Sequence[Item], annotations: Sequence[Annotation] = (), **_: Any) -> str:
    """Plain text: per article its citation, headline group and paragraphs, blank lines between."""
    out: list[str] = []
    for item in items:
        art = item.corrected()
        block: list[str] = [citation_line(item)]
        entries = reading_entries(art, placeholder=supplied_title(art))[0]  # printed with none: its first words
        block.extend(text for _role, text in entries)
        block.extend(f"Corrected: {said}" for said in corrections_said(item))
        notes = _notes_for(item, annotations)
        for a in notes:
            line = "Note"
            if a.anchor is not None:
                line += f" on “{item.quote(a)}”"
            if a.written_on:  # re-attached on words changed in the source: the ones it was written on
                line += f" (written on “{a.written_on}”)"
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
        entries, head_at = reading_entries(art, placeholder=supplied_title(art))
        for k, (role, text) in enumerate(entries):
            if k == head_at:
                block.append(f"# {md_escape(text)}")
            elif role == "subheadline":
                block.append(f"## {md_escape(text)}")
            elif role in ("section-heading", "headline"):
                block.append(f"### {md_escape(text)}")
            elif role in ("kicker", "column-label", "byline", "dateline", "credit", "caption"):
                block.append(f"*{md_escape(text)}*")
            elif role == "editors-note":
                block.append("> " + md_escape(text).replace("\n", "\n> "))
            else:
                block.append(md_escape(text))
        block.append(f"<small>{md_escape(citation_line(item))} · article {md_escape(item.key)}</small>")
        said = corrections_said(item, md_escape)
        if said:
            block.append("**Corrections**")
            block.append("\n".join(f"- {line}" for line in said))
        notes = _notes_for(item, annotations)
        if notes:
            block.append("**Notes**")
            lines = []
            for a in notes:
                bits: list[str] = []
                if a.anchor is not None:
                    bits.append(f"“{md_escape(item.quote(a))}”"
                                + (f" (written on “{md_escape(a.written_on)}”)" if a.written_on else ""))
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
