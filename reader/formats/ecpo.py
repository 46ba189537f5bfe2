"""ECPO (Early Chinese Periodicals Online): the Jing bao 晶報 text ground truth and its layout annotations.

Text (``<fold>``, schema ``ecpo.rng``): a fold holds two pages (``div type="page"``
with ``n``); inside, ``div``s of type article, advert, margin, head, image and
other, possibly nested, with ``mode`` (``vertical-rl``, the default, or
``horizontal-tb``). ``<lb/>`` marks the end of an original column (or of a row of
horizontal text), so every column becomes a :class:`Line` with a stable id
``p{page}.a{item}.c{column}`` (item = the div's place on its page). The XML is in
reading order already (columns right to left, each top to bottom), so reflow
joins the columns in document order with the shared engine and every character
stays traceable to its column.

* Articles are the ``div type="article"``: a nested ``div type="head"`` gives the
  headline; otherwise a first paragraph set as display (few short columns, no
  running punctuation) is the headline and short parenthesised names after it
  (``（丹翁）``) the byline. Adverts become articles of kind ``advertisement``,
  margins and mastheads ``furniture``, a captioned image a ``photo``.
* Adverts the editors did not transcribe are kept inside XML comments: an advert
  with no text of its own takes its comments' lines as its text. Comments
  elsewhere are editors' notes and are not text.
* The centre margin (中縫) is a ``div type="margin"`` of the fold itself, between
  its pages: it is read with the page before it (its adverts as adverts, its own
  text as furniture), numbered on after that page's items.
* Comment rows that are an annotator's English sentence are not advert text.
* The internal DTD declares a private-use glyph (``<!ENTITY gaiji "&#xe111;">``)
  for a character the transcriber could not give: it is shown as 〓 (U+3013,
  outside the CJK ranges search indexes, so never found nor matched across).
  Entities are never expanded by the parser: :func:`internal_entities` reads the
  internal subset with a strict pattern, and only entities whose value is one
  character (or one character reference) are substituted, in text and in
  comments. External or parameter entities and entities built from other
  entities (expansion bombs) make the file refused; any other entity stays
  unexpanded, with a warning.
* Metadata from the file name: ``jb_0129_1920-04-03_0001+0004`` is 晶報 issue 129
  of 1920-04-03, pages 1 and 4.

Layout (``visualGT/*.json``, W3C Web Annotation pages with ``SvgSelector``
polygons under a ``matrix`` transform, labelled article, advertisement, image,
additional): :func:`read_layout` gives one page per annotated image with a
Block per polygon and no text.
"""

from __future__ import annotations

import difflib
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from reader.formats import safexml
from reader.formats.safexml import ENTITY_REF, internal_entities
from reader.model.document import Article, Block, Box, Document, Line, Page, Part
from reader.model.errors import FormatError
from reader.text.chars import UNREADABLE, is_wide
from reader.text.headings import CHAPTER, RUN_ON_PARTICLES, is_chapter_line
from reader.text.reflow import Piece, reflow

log = logging.getLogger(__name__)

#: ECPO periodical codes → publication names.
PUBLICATIONS = {"jb": "晶報 Jing bao"}

_NAME = re.compile(r"^(?P<pub>[a-z]+)_(?P<issue>\d+)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<pages>\d+(?:(?:\+|to)\d+)*)")
_SPACE_RUN = re.compile(r"\s*\n\s*")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_NOTE_LINE = re.compile(r"^(?:Note|NB|N\.B\.)\s*:", re.I)
#: transcription markup written inside a comment: a column or page break (``<lb/>``, ``<pb/>``)
_MARKUP_BREAK = re.compile(r"<\s*[lp]b\s*/?\s*>")
_ROTATE_180 = re.compile(r"rotate\(\s*(?:180deg|-180deg|0?\.5turn|3\.14\d*rad)\s*\)")

#: sentence punctuation that display type (headlines) does not carry
_RUNNING = set("、，。；：,;")
_BYLINE = re.compile(r"^[（(]?[^、，。；（）()「」『』\d]{1,6}[）)]?$")
_SERIAL = re.compile(r"^[（(][〇○一二三四五六七八九十百零0-9]+[）)]$")
#: a serial's genre rubric set over its title: 小說, 長篇小說, 滑稽小說, 偵探小說 …
_GENRE = re.compile(r"^[^\s、，。；（）()]{0,4}小說$")
#: the label of a serial's synopsis of the instalments before ("前文提要"): a crosshead over the synopsis
_SYNOPSIS = re.compile(r"^(?:前文|前情|上期)提要$")


# --------------------------------------------------------------------------- entities



def _line_no(el: etree._Element) -> int | None:
    """The node's line in the source file, when lxml knows it."""
    n = el.sourceline
    return n if isinstance(n, int) else None


def _is_private_use(ch: str) -> bool:
    code = ord(ch)
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000


def _visible_entities(entities: dict[str, str]) -> dict[str, str]:
    """Entities standing for a private-use glyph (ECPO's ``&gaiji;``: a character the transcriber could
    not give) become 〓: a private-use character shows as nothing, so the gap read as complete text."""
    return {name: UNREADABLE if len(v) == 1 and _is_private_use(v) else v for name, v in entities.items()}


def _substitute(text: str, entities: dict[str, str]) -> str:
    """Known simple entities written literally (inside comments) → their character."""
    if "&" not in text:
        return _unreadable(text)
    return _unreadable(ENTITY_REF.sub(lambda m: entities.get(m.group(1), m.group(0)), text))


#: private-use characters: the gaiji glyph typed in directly (U+E111) as well as through &gaiji;
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _unreadable(text: str) -> str:
    """Private-use characters (a glyph only the transcriber's font had) shown as 〓, one for one."""
    return _PRIVATE_USE.sub(UNREADABLE, text) if _PRIVATE_USE.search(text) else text


# --------------------------------------------------------------------------- walking a fold


@dataclass
class _Para:
    """A paragraph: the columns of one <p> (or of a bare text run)."""

    lines: list[Line]
    #: type of the innermost div around it (article, head, image, advert, other …)
    div_type: str
    horizontal: bool
    #: ids of columns transcribed as seen from a run printed upside down (``<r style="…rotate(180deg)">``)
    upside_down: set[str] = field(default_factory=set)
    #: columns set upright but for runs of turned characters inside them: id → (start, end) of each run
    turned: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


@dataclass
class _Item:
    """One top-level div of a page: an article, an advert, a margin …"""

    number: int
    type: str
    itemid: str | None
    horizontal: bool
    paras: list[_Para] = field(default_factory=list)
    #: comments outside image divs: (text, source line)
    comments: list[tuple[str, int]] = field(default_factory=list)


def _column_text(chunks: list[tuple[str, bool]]) -> tuple[str, list[tuple[int, int]]]:
    """A column's text from its chunks (whitespace around the source's line breaks dropped, as the transcription
    sets no space between characters of a column) and the (start, end) of each run of it set inside a run turned by
    180°, whitespace inside such a run counted in it."""
    raw = "".join(t for t, _ in chunks)
    flags = [f for t, f in chunks for _ in t]
    keep = [True] * len(raw)
    for m in _SPACE_RUN.finditer(raw):
        keep[m.start():m.end()] = [False] * (m.end() - m.start())
    chars = [(ch, f) for ch, f, k in zip(raw, flags, keep, strict=True) if k]
    first = next((i for i, (ch, _) in enumerate(chars) if not ch.isspace()), len(chars))
    last = next((i for i in range(len(chars) - 1, -1, -1) if not chars[i][0].isspace()), first - 1)
    chars = chars[first:last + 1]
    text = "".join(ch for ch, _ in chars)
    runs: list[tuple[int, int]] = []
    for i, (_, f) in enumerate(chars):
        if f and runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        elif f:
            runs.append((i, i + 1))
    return text, runs


class _Walker:
    """Collects columns and paragraphs of one item in document order."""

    def __init__(self, page: int, item: _Item, entities: dict[str, str], warnings: list[str], path: Path) -> None:
        self.page = page
        self.item = item
        self.entities = entities
        self.warnings = warnings
        self.path = path
        self.column = 0
        #: the column's text so far, each chunk with whether it stands inside a run turned by 180°
        self.buf: list[tuple[str, bool]] = []
        self.buf_line: int | None = None
        self.para: _Para | None = None
        #: depth of <r> runs rotated by 180° around the current position
        self.turned = 0

    # -- columns and paragraphs
    def _text(self, text: str | None, sourceline: int | None) -> None:
        if not text:
            return
        text = _unreadable(text)
        if self.buf_line is None and text.strip():
            self.buf_line = sourceline
        self.buf.append((text, self.turned > 0))

    def end_column(self, div_type: str, horizontal: bool) -> None:
        text, turned = _column_text(self.buf)
        self.buf = []
        source_line = self.buf_line
        self.buf_line = None
        if not text:
            return
        self.column += 1
        line = Line(id=f"p{self.page}.a{self.item.number}.c{self.column}", text=text, source_line=source_line)
        if self.para is None:
            self.para = _Para([], div_type, horizontal)
            self.item.paras.append(self.para)
        self.para.lines.append(line)
        if turned and sum(b - a for a, b in turned) >= len(text) - sum(ch.isspace() for ch in text):
            self.para.upside_down.add(line.id)  # the whole column turned: read back to front with its neighbours
        elif turned:
            self.para.turned[line.id] = turned

    def end_para(self, div_type: str, horizontal: bool) -> None:
        self.end_column(div_type, horizontal)
        self.para = None

    # -- the tree
    def walk(self, el: etree._Element, div_type: str, horizontal: bool, skip_divs: bool = False) -> None:
        """Visit ``el``'s content (text and children), not its tail; ``skip_divs``: only the text around its divs."""
        self._text(el.text, _line_no(el))
        for c in el:
            if skip_divs and isinstance(c.tag, str) and safexml.local(c.tag) == "div":
                self.end_para(div_type, horizontal)
                if (c.tail or "").strip():
                    self._text(c.tail, _line_no(c))
                continue
            self.visit(c, div_type, horizontal)

    def visit(self, el: etree._Element, div_type: str, horizontal: bool) -> None:
        if isinstance(el, etree._Comment):
            if div_type != "image" and el.text and el.text.strip():
                self.item.comments.append((_substitute(el.text, self.entities), _line_no(el) or 0))
        elif isinstance(el, etree._Entity):
            name = el.name
            if name in self.entities:
                self._text(self.entities[name], _line_no(el))
            else:
                self.warnings.append(f"{self.path}: the entity &{name}; is left unexpanded")
        elif isinstance(el, etree._ProcessingInstruction):
            pass
        else:
            tag = safexml.local(el.tag)
            mode = el.get("mode")
            hz = (mode or "").startswith("horizontal") if mode else horizontal
            if tag == "lb" or tag == "pb":
                self.end_column(div_type, horizontal)
            elif tag == "p":
                self.end_para(div_type, horizontal)
                self.para = _Para([], div_type, hz)
                self.item.paras.append(self.para)
                self.walk(el, div_type, hz)
                self.end_para(div_type, hz)
            elif tag == "div":
                self.end_para(div_type, horizontal)
                self.walk(el, (el.get("type") or "other").strip().lower(), hz)
                self.end_para(div_type, hz)
            elif tag == "r" and _ROTATE_180.search(el.get("style") or ""):
                self.turned += 1
                self.walk(el, div_type, horizontal)
                self.turned -= 1
            else:  # <r> turned by 90° (Latin set sideways) and anything unknown: inline text of the column
                self.walk(el, div_type, horizontal)
        # the tail continues the enclosing column / paragraph
        tail = el.tail
        if tail and tail.strip():
            if self.para is None:
                self.para = _Para([], div_type, horizontal)
                self.item.paras.append(self.para)
            self._text(tail, _line_no(el))


#: what an annotator writes about the transcription and advert copy never says
_EDITORIAL = re.compile(r"\b(?:charact\w*|unclear\w*|illegib\w*|legib\w*|printed|misprint\w*|transcri\w*|"
                        r"original|cannot|can't|not clear\w*|missing|probably|perhaps|maybe|seems?|unreadable|"
                        r"damaged|torn|blurred|read as)\b|[?!]\s*$", re.I)


def _is_note(row: str) -> bool:
    """A comment row that is an annotator's English sentence, not a transcription: no CJK character,
    three or more Latin words, two of them in lower case, and words about the transcription ("here the
    first character is not clearly printed !"). Advert copy stays text: a brand in capitals ("Doan's
    Backache Kidney Pills.") and a sentence of it ("Sold by all chemists and stores.") alike."""
    if any(is_wide(ch) for ch in row):
        return False
    words = _LATIN_WORD.findall(row)
    return len(words) >= 3 and sum(w.islower() for w in words) >= 2 and bool(_EDITORIAL.search(row))


def _comment_rows(text: str) -> list[tuple[int, str]]:
    """A comment's rows with their line offsets: editors who copied an advert's copy into a comment sometimes
    copied its column breaks too (``請飲金納氏巴德補血酒以健尊體<lb/>``); that markup ends a row, it is no text."""
    return [(k, piece) for k, row in enumerate(text.splitlines()) for piece in _MARKUP_BREAK.split(row)]


def _comment_paras(item: _Item, page: int) -> list[_Para]:
    """An item's comments as paragraphs, one Line per comment line (editors' "Note:" lines left out)."""
    paras: list[_Para] = []
    col = sum(len(p.lines) for p in item.paras)
    for text, sourceline in item.comments:
        lines: list[Line] = []
        for k, row in _comment_rows(text):
            row = row.strip()
            if not row or _NOTE_LINE.match(row) or _is_note(row):
                continue
            col += 1
            lines.append(Line(id=f"p{page}.a{item.number}.c{col}", text=row, source_line=sourceline + k))
        if lines:
            paras.append(_Para(lines, item.type, item.horizontal))
    return paras


# --------------------------------------------------------------------------- roles


def _flat(para: _Para) -> str:
    return "".join("".join(ln.text.split()) for ln in para.lines)


def _is_display(para: _Para) -> bool:
    """Few short columns without running punctuation: a headline set in display type."""
    if not para.lines or len(para.lines) > 6:
        return False
    if any(len("".join(ln.text.split())) > 16 for ln in para.lines):
        return False
    return not any(ch in _RUNNING for ch in _flat(para))


def _pieces(lines: list[Line], upside_down: set[str], turned: dict[str, list[tuple[int, int]]] | None = None,
            ) -> list[Piece]:
    """Reflow pieces in reading order.

    A run printed upside down was transcribed as seen, so its columns and the
    characters in them come in reverse: they are read back to front, one piece
    per character so each keeps its place in its column. A run of turned
    characters inside an upright column (``turned``: a misprinted glyph, 麋誤糜) is
    read back to front where it stands, the column around it in order.
    """
    out: list[Piece] = []
    k = 0
    while k < len(lines):
        if lines[k].id not in upside_down:
            out.extend(_upright_pieces(lines[k], (turned or {}).get(lines[k].id, [])))
            k += 1
            continue
        j = k
        while j < len(lines) and lines[j].id in upside_down:
            j += 1
        for ln in reversed(lines[k:j]):
            out.extend(Piece(ln.id, ch, offset=i) for i, ch in reversed(list(enumerate(ln.text))) if not ch.isspace())
        k = j
    return out


def _upright_pieces(line: Line, runs: list[tuple[int, int]]) -> list[Piece]:
    """An upright column's pieces: its text in order, each turned run in it (start, end) back to front."""
    out: list[Piece] = []
    at = 0
    for a, b in runs:
        if a > at:
            out.append(Piece(line.id, line.text[at:a], offset=at))
        out.extend(Piece(line.id, line.text[i], offset=i) for i in reversed(range(a, b)) if not line.text[i].isspace())
        at = b
    if at < len(line.text) or not out:
        out.append(Piece(line.id, line.text[at:], offset=at))
    return out


def _part(role: str, lines: list[Line], upside_down: set[str] | None = None,
          turned: dict[str, list[tuple[int, int]]] | None = None) -> Part:
    keep = role in ("headline", "kicker", "subheadline", "byline", "furniture")
    return reflow(role, _pieces(lines, upside_down or set(), turned), keep_word_spaces=keep)


def _headline_parts(para: _Para, titled_below: bool = False) -> list[Part]:
    """A display paragraph: one headline when its columns are short pieces of one title, else headline + decks. A
    serial's genre rubric (:data:`_GENRE`) is its kicker: over the title in the paragraph's next columns (滑稽 / 小說 /
    一重天), or alone where the title stands in the next paragraph (``titled_below``: 長篇 / 小說, then 新上海春秋)."""
    lines = para.lines
    if (rubric := _genre_columns(lines)) and (rubric < len(lines) or titled_below):
        return [_part("kicker", lines[:rubric]), *([_part("headline", lines[rubric:])] if rubric < len(lines) else [])]
    average = sum(len("".join(ln.text.split())) for ln in lines) / max(1, len(lines))
    if len(lines) == 1 or average <= 4.5:
        return [_part("headline", lines)]
    return [_part("headline", lines[:1]), _part("subheadline", lines[1:])]


def _genre_columns(lines: list[Line]) -> int:
    """How many of a display paragraph's first columns make a serial's genre rubric (:data:`_GENRE`): 0 if none."""
    flat = ""
    for k, line in enumerate(lines[:2]):
        flat += "".join(line.text.split())
        if _GENRE.match(flat):
            return k + 1
    return 0


def _serial_title_below(paras: list[_Para], k: int) -> bool:
    """The paragraph after ``paras[k]`` is a serial's title: display type of a column or two, not its instalment
    number (新上海春秋 / （三三五）; 妹妹我愛你 under 小說)."""
    below = next((p for p in paras[k + 1:] if p.lines), None)
    return (below is not None and len(below.lines) <= 2 and _is_display(below)
            and _SERIAL.match(_flat(below)) is None)


def _instalment_title(parts: list[Part]) -> bool:
    """Under a serial's rubric, title and author a short paragraph is the instalment's own title, no byline or deck
    (妓院, 陰兵們到了一重天 under 一重天 / （一五〇） / 卓呆): the text opens on it."""
    return parts[0].role == "kicker" and any(p.role == "byline" for p in parts)


def _heading_role(para: _Para, flat: str) -> str | None:
    """The role of a paragraph under an article's headline before its text: a serial's instalment number, a byline,
    a deck — a few short unpunctuated columns (美艦集中太平洋 / "爲長江權益問題" "美已向日抗議" "艦隊泊於距離日本
    較近洋面" …, up to :func:`_is_display`'s six) — or None where the text begins (a serial's chapter line opens it)."""
    if CHAPTER.match(flat) or len(para.lines) == 1 and is_chapter_line(para.lines[0].text):
        return None
    if len(para.lines) <= 2 and _SERIAL.match(flat):
        return "subheadline"
    if len(para.lines) <= 2 and _BYLINE.match(flat) and len(flat) <= 8:
        return "byline"
    if len(para.lines) > 2 and flat[-1:] in RUN_ON_PARTICLES:
        return None  # running text broken off before a name set apart (…執行律務之 / 甘維露), no deck
    return "subheadline" if _is_display(para) else None


def _article_parts(paras: list[_Para]) -> list[Part]:
    """Roles for the paragraphs of one article div."""
    parts: list[Part] = []
    heads = [p for p in paras if p.div_type == "head"]
    body_started = False
    have_headline = False
    for k, para in enumerate(paras):
        if not para.lines:
            continue
        flat = _flat(para)
        if para.div_type == "head":
            role = "subheadline" if have_headline else "headline"
            parts.append(_part(role, para.lines))
            have_headline = True
            continue
        if para.div_type == "image":
            parts.append(_part("caption", para.lines))
            continue
        rest = [p for p in paras[k + 1:] if p.lines and p.div_type not in ("head", "image")]
        if not body_started and not heads and not have_headline and rest and _is_display(para):
            parts.extend(heads_made := _headline_parts(para, _serial_title_below(paras, k)))
            have_headline = any(p.role == "headline" for p in heads_made)
            continue
        if not body_started and not have_headline and parts and parts[-1].role == "kicker":
            parts.append(_part("headline", para.lines))  # the serial's title under its rubric
            have_headline = True
            continue
        if not body_started and have_headline and _SYNOPSIS.match(flat):
            parts.append(_part("section-heading", para.lines))
            body_started = True
            continue
        if (not body_started and have_headline and rest and (under := _heading_role(para, flat))
                and not _instalment_title(parts)):
            parts.append(_part(under, para.lines))
            continue
        body_started = True
        parts.append(_part("paragraph", para.lines, para.upside_down, para.turned))
    return [p for p in parts if p.text.strip()]


# --------------------------------------------------------------------------- reading


def _metadata(path: Path, root: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {"language": "zh-Hant"}
    xml_id = root.get("{http://www.w3.org/XML/1998/namespace}id") or ""
    for name in (path.stem, xml_id):
        m = _NAME.match(name or "")
        if m:
            meta["publication"] = PUBLICATIONS.get(m.group("pub"), m.group("pub"))
            meta["date"] = m.group("date")
            meta["issue"] = str(int(m.group("issue")))
            meta["pages"] = ",".join(str(int(n)) for n in re.split(r"\+|to", m.group("pages")))
            break
    return meta


def _page_divs(root: etree._Element) -> list[etree._Element]:
    """The page divs of a fold: type="page", or (the schema allows leaving the type out) a page= attribute."""
    pages = [d for d in root if isinstance(d.tag, str) and safexml.local(d.tag) == "div"
             and ((d.get("type") or "") == "page" or (d.get("type") is None and d.get("page") is not None))]
    return pages or [root]


def read(data: bytes, path: Path) -> Document:
    """Pages (columns as lines), blocks and the fold's own articles, adverts and furniture."""
    entities = _visible_entities(internal_entities(data, path))
    root = safexml.parse(data, path, keep_comments=True)
    if safexml.local(root.tag) != "fold":
        raise FormatError(path, f"it is not an ECPO fold (root element <{safexml.local(root.tag)}>, not <fold>)")
    doc = Document(source=str(path), format="ecpo", metadata=_metadata(path, root))
    name_pages = [int(n) for n in doc.metadata.get("pages", "").split(",") if n]
    page_divs = _page_divs(root)
    margins = _fold_margins(root, page_divs)
    for k, page_el in enumerate(page_divs):
        try:
            number = int(page_el.get("n") or "")
        except ValueError:
            number = name_pages[k] if k < len(name_pages) else k + 1
        horizontal = (page_el.get("mode") or "vertical-rl").startswith("horizontal")
        page = Page(number=number, source=str(path), vertical=not horizontal, label=str(number))
        _read_page(page, [page_el] + margins.get(k, []), entities, doc, path)
        doc.pages.append(page)
    seen: set[str] = set()
    for line in doc.lines():
        if line.id in seen:
            raise FormatError(path, f"it has two pages numbered alike, so the column {line.id} is ambiguous")
        seen.add(line.id)
    return doc


_OWN_ITEMS = ("article", "advert")


def _fold_margins(root: etree._Element, pages: list[etree._Element]) -> dict[int, list[etree._Element]]:
    """The fold's own divs between or around its pages (the centre margin 中縫, ``div type="margin"``),
    by the page they are read with: the page before them, else the first.

    The centre margin carries the clinic and medicine adverts; it is part of the fold, not of a page,
    and was never read.
    """
    out: dict[int, list[etree._Element]] = {}
    if not pages or pages == [root]:
        return out
    current = 0
    for el in root:
        if not isinstance(el.tag, str) or safexml.local(el.tag) != "div":
            continue
        if el in pages:
            current = pages.index(el)
            continue
        out.setdefault(current, []).append(el)
    return out


def _items(container: etree._Element) -> list[tuple[etree._Element, str, bool]]:
    """The items of a page: (element, type, loose) in document order.

    Each div is an item, except a div that is neither article nor advert but
    wraps articles or adverts: its divs become items of their own (so the
    articles stay whole) and its remaining text an item of its type. Text
    directly in the container (outside any div) is a ``loose`` item.
    """
    out: list[tuple[etree._Element, str, bool]] = []
    divs = [d for d in container if isinstance(d.tag, str) and safexml.local(d.tag) == "div"]
    loose = bool((container.text or "").strip()) or any(
        (isinstance(c.tag, str) and safexml.local(c.tag) != "div" and "".join(str(t) for t in c.itertext()).strip())
        or (c.tail or "").strip() for c in container)
    if loose:
        out.append((container, "other" if safexml.local(container.tag) == "fold" or container.get("type") == "page"
                    or container.get("page") else (container.get("type") or "other").strip().lower(), True))
    for d in divs:
        dtype = (d.get("type") or "other").strip().lower()
        wraps = dtype not in _OWN_ITEMS and any(
            isinstance(x.tag, str) and safexml.local(x.tag) == "div" and (x.get("type") or "") in _OWN_ITEMS
            for x in d.iterdescendants())
        if wraps:
            out.extend(_items(d))
        else:
            out.append((d, dtype, False))
    return out


def _read_page(page: Page, containers: list[etree._Element], entities: dict[str, str], doc: Document,
               path: Path) -> None:
    """The items of a page div and of the fold's divs read with it (its centre margin), numbered on."""
    order = 0
    items = [it for c in containers for it in (_items(c) if c is containers[0] else _margin_items(c))]
    for k, (div, dtype, loose) in enumerate(items, start=1):
        mode = div.get("mode") or ("horizontal-tb" if not page.vertical else "vertical-rl")
        horizontal = mode.startswith("horizontal")
        item = _Item(k, dtype, div.get("itemid"), horizontal)
        walker = _Walker(page.number, item, entities, doc.warnings, path)
        walker.walk(div, dtype, horizontal, skip_divs=loose)
        walker.end_para(dtype, horizontal)
        paras = [p for p in item.paras if p.lines]
        if dtype in ("advert", "article") and not any(p.div_type != "image" for p in paras) and item.comments:
            # nothing transcribed but the comments: they hold the item's text
            paras = paras + _comment_paras(item, page.number)
        for m, para in enumerate(paras, start=1):
            block = Block(id=f"p{page.number}.a{k}.b{m}", lines=para.lines, type=para.div_type,
                          order=order, vertical=not para.horizontal)
            order += 1
            page.blocks.append(block)
            page.lines.extend(para.lines)
        if not paras and dtype == "image":
            page.blocks.append(Block(id=f"p{page.number}.a{k}.b1", type="image", order=order, vertical=page.vertical))
            order += 1
        article = _article(item, paras, page.number)
        if article is not None:
            doc.articles.append(article)


def _margin_items(margin: etree._Element) -> list[tuple[etree._Element, str, bool]]:
    """Items of a fold-level div: the adverts and articles in it on their own, its own text as one item."""
    return _items(margin) if any(isinstance(d.tag, str) and safexml.local(d.tag) == "div" for d in margin) \
        else [(margin, (margin.get("type") or "other").strip().lower(), False)]


def _article(item: _Item, paras: list[_Para], page: int) -> Article | None:
    if not paras:
        return None
    ident = f"p{page}.a{item.number}"
    if item.type == "article":
        kind, parts = "article", _article_parts(paras)
    elif item.type == "advert":
        kind = "advertisement"
        parts = [_part("caption" if p.div_type == "image" else "advertisement", p.lines, p.upside_down, p.turned)
                 for p in paras]
    elif item.type == "image":
        kind, parts = "photo", [_part("paragraph", p.lines, p.upside_down, p.turned) for p in paras]
    elif item.type in ("margin", "head", "other"):
        kind, parts = "furniture", [_part("furniture", p.lines, p.upside_down, p.turned) for p in paras]
    else:
        kind, parts = "article", _article_parts(paras)
    parts = [p for p in parts if p.text.strip()]
    if not parts:
        return None
    return Article(id=ident, kind=kind, parts=parts, pages=[page])


# --------------------------------------------------------------------------- measuring against the ground truth


def ground_truth_articles(data: bytes, path: Path) -> list[tuple[str, str]]:
    """(label, whitespace-free text) of every ``div type="article"`` of a fold, comments excluded."""
    entities = internal_entities(data, path)
    root = safexml.parse(data, path, keep_comments=False)
    out: list[tuple[str, str]] = []

    def text_of(el: etree._Element) -> str:
        parts = [el.text or ""]
        for c in el:
            if isinstance(c, etree._Entity):
                parts.append(entities.get(c.name, ""))
            elif isinstance(c.tag, str):
                parts.append(text_of(c))
            parts.append(c.tail or "")
        return "".join(parts)

    divs = [d for d in root.iter() if isinstance(d.tag, str) and safexml.local(d.tag) == "div"]
    for n, div in enumerate(divs, start=1):
        if (div.get("type") or "") == "article":
            out.append((div.get("itemid") or f"div{n}", "".join(text_of(div).split())))
    return out


def whole_articles(doc: Document, truth: list[tuple[str, str]], threshold: float = 0.95) -> list[tuple[str, float]]:
    """For each ground-truth article, the best difflib ratio with any article of ``doc`` (≥ threshold = whole)."""
    produced = ["".join(a.text.split()) for a in doc.articles if a.kind == "article"]
    out: list[tuple[str, float]] = []
    for label, text in truth:
        best = 0.0 if text else 1.0  # an article div with no text at all has nothing to lose
        for cand in produced if text else []:
            sm = difflib.SequenceMatcher(None, text, cand, autojunk=False)
            if sm.real_quick_ratio() < best or sm.quick_ratio() < best:
                continue
            best = max(best, sm.ratio())
        out.append((label, best))
    return out


# --------------------------------------------------------------------------- visual ground truth (layout only)

_NUMBER = r"([-\d.eE+]+)"
_MATRIX = re.compile(r"matrix\(\s*" + r"[\s,]+".join([_NUMBER] * 6) + r"\s*\)")
_POLY = re.compile(r"<(?:polygon|polyline)\b[^>]*\bpoints\s*=\s*[\"']([^\"']*)[\"']")
_CIRCLE = re.compile(r"<circle\b[^>]*>")
_RECT = re.compile(r"<rect\b[^>]*>")
_NUMS = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_ATTR = re.compile(r"\b(cx|cy|r|x|y|width|height)\s*=\s*[\"']([-\d.eE+]+)[\"']")

#: annotation labels → Block.type
LAYOUT_TYPES = {"article": "article", "advertisement": "advertisement", "image": "illustration",
                "additional": "furniture"}


def _svg_polygon(svg: str) -> tuple[tuple[float, float], ...] | None:
    """The polygon of an SvgSelector value in page coordinates (its matrix transform applied)."""
    a, b, c, d, e, f = 1.0, 0.0, 0.0, 1.0, 0.0, 0.0
    m = _MATRIX.search(svg)
    if m:
        a, b, c, d, e, f = (float(v) for v in m.groups())
    pts: list[tuple[float, float]] = []
    poly = _POLY.search(svg)
    if poly:
        nums = [float(v) for v in _NUMS.findall(poly.group(1))]
        pts = list(zip(nums[0::2], nums[1::2], strict=False))
    else:
        shape = _CIRCLE.search(svg) or _RECT.search(svg)
        if shape:
            at = {k: float(v) for k, v in _ATTR.findall(shape.group(0))}
            if "r" in at:
                cx, cy, r = at.get("cx", 0.0), at.get("cy", 0.0), at["r"]
                pts = [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r)]
            elif "width" in at and "height" in at:
                x, y, w, h = at.get("x", 0.0), at.get("y", 0.0), at["width"], at["height"]
                pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    if not pts:
        return None
    return tuple((a * x + c * y + e, b * x + d * y + f) for x, y in pts)


def _label(body: object) -> str:
    bodies = body if isinstance(body, list) else [body]
    for b in bodies:
        if isinstance(b, dict) and b.get("type") == "CategoryLabel":
            value = b.get("value")
            if isinstance(value, dict):
                return str(value.get("name") or value.get("label") or "").lower()
            if isinstance(value, str):
                return value.lower()
    return ""


def _load_json(data: bytes, path: Path) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except RecursionError as e:
        raise FormatError(path, "its JSON nests deeper than any layout file does") from e
    except (UnicodeDecodeError, ValueError) as e:
        raise FormatError(path, f"it is not valid JSON ({e})") from e


def read_layout(data: bytes, path: Path) -> Document:
    """ECPO visual ground truth: one page per annotated image, a Block (polygon, type, no text) per region."""
    payload = _load_json(data, path)
    items: object = payload
    if isinstance(payload, dict):
        first = payload.get("first")
        items = payload.get("items") or (first.get("items") if isinstance(first, dict) else None)
    if not isinstance(items, list):
        raise FormatError(path, "it is JSON but not a W3C Web Annotation page (no list of items)")
    doc = Document(source=str(path), format="ecpo-layout")
    stem = path.name.split(".", 1)[0]
    m = _NAME.match(stem)
    if m:
        doc.metadata.update(publication=PUBLICATIONS.get(m.group("pub"), m.group("pub")), date=m.group("date"),
                            issue=str(int(m.group("issue"))), language="zh-Hant")
    pages: dict[str, Page] = {}
    used: set[str] = set()
    skipped = 0
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            skipped += 1
            continue
        btype = LAYOUT_TYPES.get(_label(item.get("body")), _label(item.get("body")) or "region")
        targets = item.get("target")
        targets = targets if isinstance(targets, list) else [targets]
        for t_no, target in enumerate(targets, start=1):
            if not isinstance(target, dict):
                skipped += 1
                continue
            selector = target.get("selector")
            svg = selector.get("value") if isinstance(selector, dict) else None
            poly = _svg_polygon(svg) if isinstance(svg, str) else None
            if poly is None:
                skipped += 1
                continue
            source = str(target.get("source") or "")
            page = pages.get(source)
            if page is None:
                page = Page(number=len(pages) + 1, source=source or str(path),
                            vertical=doc.metadata.get("publication", "").startswith("晶報"))
                pages[source] = page
            xs = [p[0] for p in poly]
            ys = [p[1] for p in poly]
            box: Box = (min(xs), min(ys), max(xs), max(ys))
            # a region's own id (targets of a group annotation have theirs), else the annotation's
            ident = str(target.get("id") or "") or (
                str(item.get("id") or f"r{n}") + (f".{t_no}" if len(targets) > 1 else ""))
            ident = base = f"p{page.number}.{ident}"
            twin = 1
            while ident in used:
                twin += 1
                ident = f"{base}.{twin}"
            used.add(ident)
            page.blocks.append(Block(id=ident, box=box, polygon=poly, type=btype))
    for page in pages.values():
        boxes = [b.box for b in page.blocks if b.box]
        if boxes:
            page.width = max(b[2] for b in boxes)
            page.height = max(b[3] for b in boxes)
    doc.pages = list(pages.values())
    if skipped:
        doc.warnings.append(f"{path}: {skipped} annotation target(s) without a readable SVG shape were skipped")
    return doc
