"""Citations of articles in the scholar's own style: GB/T 7714-2015, Chicago, APA, BibTeX and CSL-JSON.

One entry point, :func:`cite` (``cite(item, style)`` → one citation as text), serves
``broadsheet cite``, the export dialog's citation format and the concordance's CSV; the
export formats ``cite``, ``csl`` and ``bibtex`` are :func:`export_citations`,
:func:`export_csl` and :func:`export_bibtex`.

Authors come from the byline (:func:`byline_of`): several reporters are several authors
(本报记者 窦瀚洋 毕京津 常碧罗 → 窦瀚洋, 毕京津, 常碧罗; "By JOHN SMITH and MARY JONES" →
John Smith, Mary Jones); the words that say what someone is (本报记者, 新华社记者,
特派员, 本报讯, "Staff Correspondent") are kept as roles, never as names. A byline that
names no one gives no author rather than a wrong one.

The formatted styles are the published CSL styles rendered by citeproc-py
(:mod:`reader.export.styles`): GB/T 7714-2015 numeric (``[N]`` newspaper, the page as 版次 in
brackets), Chicago 18th edition notes-bibliography (the bibliography entry) and APA 7th.
``auto`` picks GB/T 7714 for Chinese text and Chicago for the rest.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.export.items import STYLES, ExportError, Item, language_of
from reader.export.styles import CSL_STYLES, render
from reader.model.document import Article, supplied_title
from reader.text.chars import is_cjk

# ----------------------------------------------------------------------------- bylines

#: words that say what the people named are (kept as roles): 本报记者, 新华社特派记者, 本報特約記者 …
_CJK_ROLE = re.compile(
    r"^(?:本报|本報|本刊|新华社|新華社|中新社|中央社|路透社|美联社|美聯社|合众社|合眾社|法新社|人民日报|人民日報|"
    r"[^\s]{1,4}社)?"
    r"(?:驻[^\s记記]{1,6}|駐[^\s记記]{1,6})?"
    r"(?:特派|特约|特約|首席|实习|實習)?"
    r"(?:记者|記者|特派员|特派員|通讯员|通訊員|评论员|評論員|编辑|編輯|撰稿人|访员|訪員|实习生|實習生)")
#: a byline that is only a role or a dateline: 本报讯, 本報專電, 新华社北京5月9日电
_CJK_ROLE_ONLY = re.compile(r"^(?:本报|本報|本刊|[^\s]{1,4}社)?[^\s]{0,8}(?:讯|訊|电|電|专电|專電|特稿)$")
#: what follows a name and is not one: 报道, 摄 (唐如峰摄). 文, 作, 译 are not stripped: names end in them (李振文)
_CJK_TAIL = re.compile(r"[／/]?(?:报导|報導|报道|報道|摄|攝)$")
#: what says what a person did, before a colon (文：张三, 摄影：李四) or standing alone (张三 文)
_CJK_CREDIT = re.compile(r"^(?:文|图|圖|摄影|攝影|译|譯|作者|撰稿|撰|作)(?=[：:]|$)")
_BRACKETS = "（）()【】[]〔〕［］「」<>〈〉《》"
_LATIN_ROLE = re.compile(r"\b(?:our|own|special|staff|correspondent|reporter|editor|writer|from|the|"
                         r"associated|press|united|reuters|agency|wire|service)\b", re.I)
_LATIN_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b)\s*", re.I)
#: a Chinese name or pen name is rarely longer (天虚我生); a longer token is a column's name or unsplit names
MAX_CJK_NAME = 4
_PARTICLES = {"van", "von", "de", "der", "den", "du", "la", "le", "di", "da", "del", "della", "ten", "ter", "zu"}
#: letters after a name that name no one (M.P., Esq., Ph.D.): dropped from a byline
_POST_NOMINAL = re.compile(r",?\s*\b(?:M\.\s?P|K\.\s?C|Q\.\s?C|Esq|Ph\.\s?D|M\.\s?D|F\.\s?R\.\s?S)\b\.?(?=[\s,;&]|$)",
                           re.I)
#: a generational suffix, part of the name it follows
_SUFFIX = re.compile(r"^(?:Jr|Sr|Jun|Sen)\.?$|^(?:II|III|IV)$", re.I)


@dataclass(frozen=True)
class Name:
    """One person: ``literal`` for a name written as a whole (Chinese), else family and given names."""

    family: str = ""
    given: str = ""
    literal: str = ""
    #: Jr., Sr., III: part of the name, after the family name
    suffix: str = ""

    def csl(self) -> dict[str, str]:
        if self.literal:
            return {"literal": self.literal}
        out = {"family": self.family}
        if self.given:
            out["given"] = self.given
        if self.suffix:
            out["suffix"] = self.suffix
        return out

    def bibtex(self) -> str:
        if self.literal:
            return "{" + bib_escape(self.literal) + "}"
        parts = [self.family] + ([self.suffix] if self.suffix else []) + ([self.given] if self.given else [])
        return bib_escape(", ".join(parts))

    def __str__(self) -> str:
        return self.literal or " ".join(x for x in (self.given, self.family, self.suffix) if x)


@dataclass(frozen=True)
class Byline:
    """The people a byline names, and the roles it states (本报记者, Special Correspondent)."""

    names: tuple[Name, ...] = ()
    roles: tuple[str, ...] = ()


def _latin_name(text: str) -> Name | None:
    words = text.split()
    if not words or _LATIN_ROLE.search(text) or any(ch.isdigit() for ch in text):
        return None
    if text.isupper():  # BY JOHN SMITH: capitals are the typesetter's, not the name's
        words = [w.capitalize() if len(w) > 1 and not w.endswith(".") else w for w in words]
    suffix = words.pop() if len(words) > 2 and _SUFFIX.match(words[-1]) else ""
    family = [words.pop()]
    while words and words[-1].lower() in _PARTICLES:
        family.insert(0, words.pop())
    return Name(family=" ".join(family), given=" ".join(words), suffix=suffix)


def _latin_byline(text: str) -> Byline:
    text = re.sub(r"^\s*(?:by|von|par)\s+", "", text, flags=re.I)
    text = _POST_NOMINAL.sub("", text)
    names: list[Name] = []
    roles: list[str] = []
    for piece in _LATIN_SPLIT.split(text):
        piece = piece.strip(" ")
        if not piece.strip("."):
            continue
        if names and _SUFFIX.match(piece) and not names[-1].suffix:  # "John Smith, Jr."
            names[-1] = Name(names[-1].family, names[-1].given, suffix=piece if piece.endswith(".") or
                             piece.isupper() else piece + ".")
            continue
        piece = piece if _SUFFIX.match(piece.split()[-1]) else piece.rstrip(".")
        name = _latin_name(piece.strip(" "))
        if name is None:
            roles.append(piece)
        else:
            names.append(name)
    return Byline(tuple(names), tuple(roles))


def _cjk_token(token: str, names: list[Name], roles: list[str]) -> None:
    """One space-separated piece of a Chinese byline: roles off the front, the rest a name."""
    token = _CJK_TAIL.sub("", token.strip("：:　 "))
    while token:
        m = _CJK_ROLE.match(token) or _CJK_CREDIT.match(token)
        if not m or not m.group(0):
            break
        roles.append(m.group(0))
        token = token[m.end():].lstrip("：:　 ")
    if not token:
        return
    if _CJK_ROLE_ONLY.match(token) or any(ch.isdigit() for ch in token) or len(token) > MAX_CJK_NAME:
        roles.append(token)  # a dateline, a column's name (新上海春秋): said by the byline, not a person
    else:
        names.append(Name(literal=token))


def parse_byline(text: str) -> Byline:
    """The names and roles of a byline as printed (see the module docstring)."""
    text = " ".join(text.replace("\u3000", " ").split())
    inner = text.strip(_BRACKETS + " ")
    for ch in _BRACKETS:
        inner = inner.replace(ch, " ")
    inner = inner.strip(" △▲○●◎◇◆□■☆★*·")
    if not inner:
        return Byline()
    if not any(is_cjk(ch) for ch in inner):
        return _latin_byline(inner)
    names: list[Name] = []
    roles: list[str] = []
    for token in _cjk_tokens(inner):
        _cjk_token(token, names, roles)
    return Byline(tuple(names), tuple(roles))


def _cjk_tokens(text: str) -> list[str]:
    """The pieces of a Chinese byline; two single characters set apart by a space alone are one name, spaced
    to line up with three-character names (李　明 is 李明, not two people)."""
    pieces = re.split(r"([\s、，,；;／/·•]+)", text)
    out: list[str] = []
    joinable = False  # the last piece is one character, and only spaces follow it
    for k in range(0, len(pieces), 2):
        token = pieces[k]
        if not token:
            continue
        gap = pieces[k - 1] if k else ""
        if joinable and len(token) == 1 and is_cjk(token) and gap.isspace() and len(out[-1]) == 1:
            out[-1] += token
            joinable = False
            continue
        out.append(token)
        joinable = len(token) == 1 and is_cjk(token)
    return out


def _reading(item: Item) -> Article:
    """The article as the reader sees it: with the reader's OCR text corrections, when there are any."""
    return item.corrected() if item.fixes else item.article


def byline_of(item: Item) -> Byline:
    """The byline of the article as the reader sees it (segmentation corrections applied by the caller)."""
    byline = _reading(item).byline
    return parse_byline(byline) if byline else Byline()


def author_of(item: Item) -> str | None:
    """The authors as one display string ("窦瀚洋, 毕京津, 常碧罗"), or None."""
    names = byline_of(item).names
    return ", ".join(str(n) for n in names) if names else None


# ----------------------------------------------------------------------------- CSL-JSON


def _date_parts(date: str) -> list[int] | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", date or "")
    if not m:
        return None
    return [int(x) for x in m.groups() if x]


def title_of(item: Item) -> str:
    """The headline; an article without one is cited by its first words, in brackets (supplied, not printed)."""
    return supplied_title(_reading(item))


def _edition(value: str) -> str:
    """The edition's own name: "Late edition" → "Late" (the styles add the word)."""
    return re.sub(r"\s*\b(?:edition|ed\.|ausgabe|édition)\s*$", "", value, flags=re.I).strip() or value


def csl_item(item: Item) -> dict[str, Any]:
    """One CSL-JSON item (type ``article-newspaper``)."""
    md = item.metadata
    out: dict[str, Any] = {
        "id": citation_key(item),
        "type": "article-newspaper",
        "title": title_of(item),
        "container-title": item.publication(),
    }
    byline = byline_of(item)
    if byline.names:
        out["author"] = [n.csl() for n in byline.names]
    parts = _date_parts(md.get("date", ""))
    if parts:
        out["issued"] = {"date-parts": [parts]}
    pages = item.page_range()
    if pages:
        out["page"] = pages
    if md.get("edition"):
        out["edition"] = _edition(md["edition"])
    if md.get("issue"):
        out["issue"] = md["issue"]
    lang = language_of([item])
    if lang != "und":
        out["language"] = lang
    roles = "; ".join(byline.roles)
    out["note"] = (f"{roles}. " if roles else "") + f"Broadsheet article {item.key}"
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


# ----------------------------------------------------------------------------- BibTeX

_BIB_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def bib_escape(text: str) -> str:
    """Escape BibTeX/LaTeX specials so any text stays one field."""
    return "".join(_BIB_ESCAPES.get(ch, ch) for ch in " ".join(text.split()))


def bibtex_entry(item: Item) -> str:
    """One ``@article`` entry (biblatex-friendly: date, langid, authortype as well as year/month)."""
    md = item.metadata
    fields: list[tuple[str, str]] = [
        ("title", "{" + bib_escape(title_of(item)) + "}"),
        ("journal", bib_escape(item.publication())),
    ]
    byline = byline_of(item)
    if byline.names:  # several authors joined with " and ", each a name of its own
        fields.append(("author", " and ".join(n.bibtex() for n in byline.names)))
    if byline.roles:
        fields.append(("authortype", bib_escape("; ".join(byline.roles))))
    parts = _date_parts(md.get("date", ""))
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
        fields.append(("date", md["date"]))
    pages = item.page_range("--")
    if pages:
        fields.append(("pages", bib_escape(pages)))
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


# ----------------------------------------------------------------------------- formatted citations


def style_for(item: Item, style: str) -> str:
    """The concrete style: ``auto`` is GB/T 7714 for Chinese text, Chicago for the rest."""
    if style != "auto":
        return style
    return "gb7714" if language_of([item]).startswith("zh") else "chicago"


@lru_cache(maxsize=4096)
def _rendered(style: str, payload: str) -> str:
    return render(style, json.loads(payload))


def cite(item: Item, style: str = "auto") -> str:
    """One citation of ``item`` in ``style`` (one of STYLES) as text: a one-line entry for gb7714, chicago
    and apa, an ``@article`` entry for bibtex, a JSON object for csl-json. Cached per item content."""
    style = style_for(item, style)
    if style == "bibtex":
        return bibtex_entry(item)
    if style == "csl-json":
        return json.dumps(csl_item(item), ensure_ascii=False)
    if style not in CSL_STYLES:
        raise ExportError(f"unknown citation style {style!r} (known: {', '.join(STYLES)})")
    csl = csl_item(item)
    del csl["note"]  # Broadsheet's own note is for the data formats, not the printed citation
    # the styles title-case English titles only; a text of unknown language keeps its capitals as printed
    csl.setdefault("language", "und")
    if CSL_STYLES[style].quotes_titles:  # a title in the style's double quotes: its own quotes become single
        csl["title"] = csl["title"].replace("“", "‘").replace("”", "’")
    return _rendered(style, json.dumps(csl, ensure_ascii=False, sort_keys=True))


def export_citations(items: Sequence[Item], style: str = "auto", **_: Any) -> bytes:
    """The ``cite`` export: one citation per line (bibtex and csl-json as their own formats)."""
    if style == "bibtex":
        return export_bibtex(items)
    if style == "csl-json":
        return export_csl(items)
    return "".join(cite(i, style) + "\n" for i in items).encode("utf-8")
