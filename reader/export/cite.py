"""Citations of articles: CSL-JSON (type ``article-newspaper``) and BibTeX (``@article``, journal = newspaper).

Authors come from the byline only when it names someone (brackets and the
words for "staff reporter" are stripped); otherwise there is no author field
rather than a wrong one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from reader.export.items import Item, language_of

_BYLINE_NOISE = re.compile(r"^[（(【\[]|[）)】\]]$"
                           r"|^(本报|本報)?(记者|記者|特派员|特派員|通讯员|通訊員)"
                           r"|(／|/)?(报导|報導|报道|報道)$|^by\s+", re.I)


def author_of(item: Item) -> str | None:
    """A person's name from the byline, or None."""
    byline = item.article.byline
    if not byline:
        return None
    name = byline.strip()
    for _ in range(4):
        name = _BYLINE_NOISE.sub("", name).strip(" 　：:")
    if not name or name in ("本报讯", "本報訊", "本报", "本報"):
        return None
    return name


def _date_parts(date: str) -> list[int] | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", date or "")
    if not m:
        return None
    return [int(x) for x in m.groups() if x]


def csl_item(item: Item) -> dict[str, Any]:
    """One CSL-JSON item."""
    md = item.metadata
    out: dict[str, Any] = {
        "id": citation_key(item),
        "type": "article-newspaper",
        "title": " ".join((item.article.headline or "(no headline)").split()),
        "container-title": item.publication(),
    }
    parts = _date_parts(md.get("date", ""))
    if parts:
        out["issued"] = {"date-parts": [parts]}
    label = item.page_label()
    if label:
        out["page"] = label
    author = author_of(item)
    if author:
        out["author"] = [{"literal": author}]
    if md.get("edition"):
        out["edition"] = md["edition"]
    if md.get("issue"):
        out["issue"] = md["issue"]
    lang = language_of([item])
    if lang != "und":
        out["language"] = lang
    out["note"] = f"Broadsheet article {item.key}"
    return out


def export_csl(items: Sequence[Item], **_: Any) -> bytes:
    return (json.dumps([csl_item(i) for i in items], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _ascii_slug(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^A-Za-z0-9]+", "", norm.encode("ascii", "ignore").decode("ascii"))


def citation_key(item: Item) -> str:
    """An ASCII key: publication initials, date and article id (e.g. ``RenminRibao2021-01-27p1a2``)."""
    pub = _ascii_slug(item.publication())[:24] or "news"
    date = item.metadata.get("date", "") or "nd"
    return f"{pub}{date}{_ascii_slug(item.key)}"


_BIB_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def bib_escape(text: str) -> str:
    """Escape BibTeX/LaTeX specials so any text stays one field."""
    return "".join(_BIB_ESCAPES.get(ch, ch) for ch in " ".join(text.split()))


def bibtex_entry(item: Item) -> str:
    """One ``@article`` entry (biblatex-friendly: date and langid as well as year/month)."""
    md = item.metadata
    fields: list[tuple[str, str]] = [
        ("title", "{" + bib_escape(item.article.headline or "(no headline)") + "}"),
        ("journal", bib_escape(item.publication())),
    ]
    author = author_of(item)
    if author:
        fields.append(("author", "{" + bib_escape(author) + "}"))
    parts = _date_parts(md.get("date", ""))
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
        fields.append(("date", md["date"]))
    label = item.page_label()
    if label:
        fields.append(("pages", bib_escape(label)))
    if md.get("issue"):
        fields.append(("number", bib_escape(md["issue"])))
    if md.get("edition"):
        fields.append(("edition", bib_escape(md["edition"])))
    lang = language_of([item])
    if lang != "und":
        fields.append(("langid", lang))
    fields.append(("note", bib_escape(f"Broadsheet article {item.key}")))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@article{{{citation_key(item)},\n{body}\n}}\n"


def export_bibtex(items: Sequence[Item], **_: Any) -> bytes:
    keys: dict[str, int] = {}
    out: list[str] = []
    for item in items:
        entry = bibtex_entry(item)
        key = citation_key(item)
        n = keys.get(key, 0)
        keys[key] = n + 1
        if n:
            entry = entry.replace(f"@article{{{key},", f"@article{{{key}-{n + 1},", 1)
        out.append(entry)
    return "\n".join(out).encode("utf-8")
