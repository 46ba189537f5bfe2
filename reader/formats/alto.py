"""ALTO pages (v1 CCS, v2, v3, v4 and no namespace at all) into the model.

Every variant seen in library and OCR-tool output is matched on local names:
MeasurementUnit ``pixel``, ``mm10`` and ``inch1200`` (converted to page pixels at
the scan resolution the file gives, else a nominal 300 dpi; coordinates may be
floats); ``HYP`` and ``SUBS_TYPE``/``SUBS_CONTENT`` hyphenation (a line-final
soft hyphen counts as HYP too) recorded on the line for reflow; ``SP`` present,
bare or missing (words still separated, CJK strings joined); ComposedBlock types
(an Advertisement or Table becomes one block, containers and Illustration groups
are opened up); font sizes through STYLEREFS on block, line or string; word
confidence ``WC``; Glyph/Variant (the String CONTENT is the primary reading).

Besides the pages, :func:`parse_alto` builds an :class:`AltoIndex`: where every
element ID of the file lies in the page's lines, in document order, so a METS
``area`` (``BEGIN``/``END`` over String or block ids) resolves to line spans.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reader.formats import images, safexml
from reader.model.document import Block, Box, Document, Line, Page, Word
from reader.model.errors import FormatError
from reader.text.chars import is_wide
from reader.text.reflow import HYPHENS

log = logging.getLogger(__name__)

#: nominal scan resolution when a file in mm10 or inch1200 does not give its own
DEFAULT_DPI = 300.0

#: ComposedBlock TYPEs kept as one block (their text is one unit: an advert, a table)
MERGED_TYPES = {"advertisement": "advertisement", "advert": "advertisement", "table": "table"}
#: ComposedBlock TYPEs whose TextBlocks keep their own identity but carry the type
CARRIED_TYPES = {"illustration": "illustration", "image": "illustration", "graphic": "illustration"}
#: margin elements of an ALTO Page and the block type their text gets
MARGIN_TYPES = {"TopMargin": "header", "BottomMargin": "footer", "LeftMargin": "margin", "RightMargin": "margin"}

_DPI = re.compile(r"\b[xy]?dpi\s*[:=]\s*([0-9]+(?:\.[0-9]+)?)", re.I)
_NUM = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")

Leaf = tuple[str, int, int]
"""(line id, start, end) of one String's characters in its line."""


@dataclass
class AltoIndex:
    """Where the ID'd elements of one ALTO file lie in the model, for METS areas.

    ``leaves`` lists every String (or a whole line without Strings) in document
    order; ``ranges`` maps an element ID to the first and last leaf it covers;
    ``blocks`` maps an element ID to the model blocks it is or contains (so an
    Illustration without text is found too). IDs repeat across files, never
    within one: each file has its own index.
    """

    leaves: list[Leaf] = field(default_factory=list)
    ranges: dict[str, tuple[int, int]] = field(default_factory=dict)
    blocks: dict[str, list[str]] = field(default_factory=dict)
    #: element ID → its position in document order (for BEGIN..END over any elements)
    order: dict[str, int] = field(default_factory=dict)
    #: element ID → the number of the page it is on
    page_of: dict[str, int] = field(default_factory=dict)

    def __contains__(self, element_id: str) -> bool:
        return element_id in self.order

    def span(self, begin: str, end: str | None = None) -> list[Leaf]:
        """The line pieces from element ``begin`` to element ``end`` inclusive, merged per line."""
        if begin not in self.order:
            return []
        if end is None or end not in self.order or end == begin:
            rng = self.ranges.get(begin)
            if rng is None:
                return []
            lo, hi = rng
        else:
            r1, r2 = self.ranges.get(begin), self.ranges.get(end)
            if self.order[end] < self.order[begin]:
                r1, r2 = r2, r1
            lo = r1[0] if r1 else (r2[0] if r2 else 0)
            hi = r2[1] if r2 else (r1[1] if r1 else -1)
        return merge_leaves(self.leaves[lo : hi + 1])

    def block_ids(self, begin: str, end: str | None = None) -> list[str]:
        """Model block ids of the elements from ``begin`` to ``end`` (by document order)."""
        if begin not in self.order:
            return []
        if end is None or end not in self.order:
            return list(self.blocks.get(begin, []))
        a, b = sorted((self.order[begin], self.order[end]))
        out: list[str] = []
        for eid, pos in self.order.items():
            if a <= pos <= b:
                for bid in self.blocks.get(eid, []):
                    if bid not in out:
                        out.append(bid)
        return out


def merge_leaves(leaves: list[Leaf]) -> list[Leaf]:
    """Consecutive pieces of the same line become one (from the first start to the last end)."""
    out: list[Leaf] = []
    for line_id, start, end in leaves:
        if out and out[-1][0] == line_id and start >= out[-1][1]:
            out[-1] = (line_id, out[-1][1], max(end, out[-1][2]))
        else:
            out.append((line_id, start, end))
    return out


@dataclass
class AltoFile:
    """What one ALTO file gives: its pages and the index of its element ids."""

    pages: list[Page]
    index: AltoIndex
    #: the page image the file names, if any
    image_ref: str | None = None


def _float(el: etree._Element, name: str) -> float | None:
    return safexml.number(el.get(name))


@dataclass
class _LineText:
    """The text of one TextLine as its String, SP and HYP children build it up."""

    text: str = ""
    #: font size → characters set in it
    sizes: Counter[float] = field(default_factory=Counter)
    #: at the line start, or just after an SP
    spaced: bool = True
    #: the line has a HYP element
    has_hyp: bool = False
    #: the last String is the first part of a hyphenated word (SUBS_TYPE HypPart1) …
    last_is_part1: bool = False
    #: … and this is the whole word (SUBS_CONTENT)
    last_subs: str | None = None

    def add(self, content: str) -> int:
        """Append a String's content (a space before it unless one is there or either side is wide); its start."""
        if self.text and not self.spaced and content and not (is_wide(self.text[-1]) or is_wide(content[0])):
            self.text += " "
        start = len(self.text)
        self.text += content
        self.spaced = False
        return start

    def space(self) -> None:
        if self.text and not self.text.endswith(" "):
            self.text += " "
        self.spaced = True

    def hyphen(self, hyp: str) -> None:
        self.text = self.text.rstrip()
        if not (self.text and self.text[-1] in HYPHENS):
            self.text += hyp
        self.has_hyp = True
        self.spaced = False


def _set_line_text(line: Line, text: str, acc: _LineText) -> None:
    """Set the line's text and hyphenation from what its children built up."""
    has_hyp = acc.has_hyp
    if acc.last_is_part1 and not has_hyp and text and text[-1] not in HYPHENS:
        text += "-"  # the hyphen the page shows; the file only marks the split
        has_hyp = True
    line.text = text
    line.hyphenated = bool(has_hyp or (acc.last_is_part1 and text and text[-1] in HYPHENS) or text.endswith("\u00ad"))
    if line.hyphenated and acc.last_subs:
        line.hyphen_word = acc.last_subs


#: OCR specks standing between the two parts of a marked hyphenation are at most this many Strings …
_STRAY_STRINGS = 3
#: … of at most this many characters each
_STRAY_CHARS = 2


def _strays_between_parts(line: etree._Element) -> list[etree._Element]:
    """Strings that stand between the two parts of a word the file marks as hyphenated: after the line's
    ``HypPart1`` or before its ``HypPart2`` — specks of microfilm OCR in the gutter ("considera I I" /
    "tion"). Left in, reflow would join the speck with the next line's part ("Ition") and the marked word
    could not be found; they are left out of the line's text (their ids are still recorded). Only short
    Strings are taken for specks: a real word after a ``HypPart1`` means the mark, not the word, is wrong.
    """
    strings = safexml.children(line, "String")
    kinds = [(c.get("SUBS_TYPE") or "").lower() for c in strings]
    out: list[etree._Element] = []
    if "hyppart1" in kinds:
        out += _specks(strings[len(kinds) - kinds[::-1].index("hyppart1"):])
    if "hyppart2" in kinds:
        out += _specks(strings[:kinds.index("hyppart2")])
    return out


_BOX_ATTRS = ("HPOS", "VPOS", "WIDTH", "HEIGHT")


def _alternatives(line: etree._Element) -> list[etree._Element]:
    """Strings that are another reading of the String before them: drawn in its very box, with a text
    that String lists among its ``ALTERNATIVE``s. Some converters write an OCR engine's alternatives as
    sibling Strings ("oommuttlea eommuttlea oemmuttlea", each listing the others); the page prints the word
    once, so the first reading is read and the rest only recorded. Strings that merely share a box (a
    sloppy sample gives four characters one box) are words of their own, and so are Strings without a box of
    their own (no coordinates, or a width or height of 0: what some converters write when they do not know).
    """
    out: list[etree._Element] = []
    kept: tuple[tuple[str | None, ...], set[str]] | None = None
    for c in safexml.children(line, "String"):
        box = tuple(c.get(a) for a in _BOX_ATTRS)
        readings = {c.get("CONTENT") or "", c.get("SUBS_CONTENT") or ""} - {""}
        if kept and box == kept[0] and _has_area(c) and readings & kept[1]:
            out.append(c)
            continue
        kept = (box, {alt.text or "" for alt in safexml.children(c, "ALTERNATIVE")})
    return out


def _has_area(el: etree._Element) -> bool:
    """Whether ``el`` states a box with a width and a height (a missing or unreadable size counts as none)."""
    return all(_float(el, a) for a in ("WIDTH", "HEIGHT"))


def _specks(strings: list[etree._Element]) -> list[etree._Element]:
    short = all(len((c.get("CONTENT") or "").strip()) <= _STRAY_CHARS for c in strings)
    return strings if strings and short and len(strings) <= _STRAY_STRINGS else []


class _Reader:
    """State of reading one ALTO file: unit conversion, styles, ids, the index."""

    def __init__(self, root: etree._Element, path: str | Path | None, first_page: int) -> None:
        self.root = root
        self.path = path
        self.first_page = first_page
        self.scale = 1.0
        self.unit = "pixel"
        self.styles: dict[str, float] = {}
        self.index = AltoIndex()
        self.used_line_ids: set[str] = set()
        self.used_block_ids: set[str] = set()
        self.position = 0
        self.page_number = first_page
        #: the page image the file names (sourceImageInformation/fileName), often a path on another machine
        self.image_ref: str | None = None

    # ---------------------------------------------------------------- description and styles

    def read_description(self) -> None:
        desc = safexml.child(self.root, "Description")
        unit = "pixel"
        dpi: float | None = None
        if desc is not None:
            for el in safexml.iter_local(desc, "MeasurementUnit"):
                unit = (el.text or "pixel").strip().lower() or "pixel"
            for el in safexml.iter_local(desc, "fileName"):
                self.image_ref = (el.text or "").strip() or None
            text = " ".join(str(t) for t in desc.itertext())
            m = _DPI.search(text)
            if m:
                dpi = safexml.number(m.group(1))
            for el in safexml.iter_local(desc, "xResolution", "XSamplingFrequency"):
                dpi = safexml.number(el.text or "") or dpi
        if dpi is None or dpi <= 0:
            dpi = DEFAULT_DPI
        self.unit = unit
        if unit == "mm10":
            self.scale = dpi / 254.0
        elif unit == "inch1200":
            self.scale = dpi / 1200.0
        elif unit in ("pixel", "px", ""):
            self.scale = 1.0
        else:
            log.warning("%s: unknown MeasurementUnit %r, read as pixels", self.path, unit)
            self.scale = 1.0
        styles = safexml.child(self.root, "Styles")
        if styles is not None:
            for st in safexml.children(styles, "TextStyle"):
                sid = safexml.attr(st, "ID")
                size = _float(st, "FONTSIZE")
                if sid and size and size > 0:
                    self.styles[sid] = size

    def font_size(self, el: etree._Element) -> float | None:
        refs = el.get("STYLEREFS") or el.get("STYLEREF") or ""
        for ref in refs.split():
            if ref in self.styles:
                return self.styles[ref]
        return None

    # ---------------------------------------------------------------- geometry

    def box(self, el: etree._Element) -> Box | None:
        x, y, w, h = (_float(el, k) for k in ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
        if x is None or y is None or w is None or h is None:
            return None
        s = self.scale
        return (x * s, y * s, (x + w) * s, (y + h) * s)

    def polygon(self, el: etree._Element) -> tuple[tuple[float, float], ...] | None:
        shape = safexml.child(el, "Shape")
        if shape is None:
            return None
        poly = safexml.child(shape, "Polygon")
        if poly is None or not poly.get("POINTS"):
            return None
        nums = [n * self.scale for v in _NUM.findall(poly.get("POINTS", "")) if (n := safexml.number(v)) is not None]
        pts = tuple(zip(nums[0::2], nums[1::2], strict=False))
        return pts if len(pts) >= 3 else None

    def baseline(self, el: etree._Element, box: Box | None) -> tuple[tuple[float, float], ...] | None:
        raw = el.get("BASELINE")
        if not raw:
            return None
        nums = [n * self.scale for v in _NUM.findall(raw) if (n := safexml.number(v)) is not None]
        if len(nums) == 1 and box is not None:
            return ((box[0], nums[0]), (box[2], nums[0]))
        pts = tuple(zip(nums[0::2], nums[1::2], strict=False))
        return pts or None

    # ---------------------------------------------------------------- ids

    def _unique(self, wanted: str, used: set[str]) -> str:
        out = wanted
        k = 2
        while out in used:
            out = f"{wanted}.{k}"
            k += 1
        used.add(out)
        return out

    def line_id(self, el: etree._Element, fallback: int) -> str:
        sid = safexml.attr(el, "ID")
        wanted = f"p{self.page_number}.{sid}" if sid else f"p{self.page_number}.l{fallback}"
        return self._unique(wanted, self.used_line_ids)

    def block_id(self, el: etree._Element, fallback: int) -> str:
        sid = safexml.attr(el, "ID")
        wanted = f"p{self.page_number}.{sid}" if sid else f"p{self.page_number}.b{fallback}"
        return self._unique(wanted, self.used_block_ids)

    def note(self, el: etree._Element) -> str | None:
        """Record ``el``'s ID in document order; returns it."""
        sid = safexml.attr(el, "ID")
        if sid and sid not in self.index.order:
            self.index.order[sid] = self.position
            self.index.page_of[sid] = self.page_number
        self.position += 1
        return sid

    # ---------------------------------------------------------------- content

    def read_line(self, el: etree._Element, line_no: int, block_size: float | None) -> Line:
        self.note(el)
        box = self.box(el)
        line = Line(id=self.line_id(el, line_no), text="", box=box, baseline=self.baseline(el, box))
        acc = _LineText()
        first_leaf = len(self.index.leaves)
        stray = _strays_between_parts(el) + _alternatives(el)
        for c in el:
            name = safexml.local(c.tag)
            if name == "String" and c in stray:
                self.note(c)
            elif name == "String":
                self.read_string(c, line, acc)
            elif name == "SP":
                self.note(c)
                acc.space()
            elif name == "HYP":
                self.note(c)
                acc.hyphen(c.get("CONTENT") or "-")
        text = acc.text.rstrip()
        if not line.words and not text:
            # a line without Strings but with text content (non-standard, seen in converters)
            text = " ".join("".join(str(t) for t in el.itertext()).split())
            if text:
                self.index.leaves.append((line.id, 0, len(text)))
        _set_line_text(line, text, acc)
        if line.hyphenated and len(self.index.leaves) > first_leaf:
            self._take_hyphen(line)
        # the strings' own sizes (by characters) beat the line's style, which ABBYY takes from a drop cap
        line.font_size = (acc.sizes.most_common(1)[0][0] if acc.sizes else None) or self.font_size(el) or block_size
        sid = safexml.attr(el, "ID")
        if sid and len(self.index.leaves) > first_leaf:
            self.index.ranges[sid] = (first_leaf, len(self.index.leaves) - 1)
        return line

    def _take_hyphen(self, line: Line) -> None:
        """The line's last String takes the line-end hyphen (a HYP, or the one added for HypPart1).

        A METS area ending at that String must reach the line's end, or reflow would not know the
        word goes on in the next line and would print it as two words ("Govern ment").
        """
        lid, lo, hi = self.index.leaves[-1]
        if lid == line.id and hi < len(line.text) and not line.text[hi:].strip(HYPHENS + " "):
            self.index.leaves[-1] = (lid, lo, len(line.text))

    def read_string(self, c: etree._Element, line: Line, acc: _LineText) -> None:
        """One String of ``line``: its word, its leaf in the index and its place in the line's text."""
        sid = self.note(c)
        content = c.get("CONTENT")
        if content is None:
            content = "".join(g.get("CONTENT", "") for g in safexml.children(c, "Glyph"))
        content = content.replace("\n", " ").replace("\t", " ")
        start = acc.add(content)
        leaf = len(self.index.leaves)
        self.index.leaves.append((line.id, start, len(acc.text)))
        if sid:
            self.index.ranges[sid] = (leaf, leaf)
        line.words.append(Word(text=content, box=self.box(c), confidence=_float(c, "WC"), start=start))
        size = self.font_size(c)
        if size:
            acc.sizes[size] += max(1, len(content))
        acc.last_is_part1 = (c.get("SUBS_TYPE") or "").lower() == "hyppart1"
        acc.last_subs = c.get("SUBS_CONTENT") if acc.last_is_part1 else None

    def read_block(self, el: etree._Element, btype: str, page: Page, counter: list[int],
                   merged: Block | None = None) -> list[Block]:
        """Blocks of one layout element (TextBlock, Illustration, ComposedBlock …) and its children."""
        name = safexml.local(el.tag)
        sid = self.note(el)
        first_leaf = len(self.index.leaves)
        out: list[Block] = []
        if name == "ComposedBlock":
            ctype = (el.get("TYPE") or "").strip().lower()
            if merged is None and ctype in MERGED_TYPES:
                counter[0] += 1
                merged = Block(id=self.block_id(el, counter[0]), box=self.box(el), polygon=self.polygon(el),
                               type=MERGED_TYPES[ctype], font_size=self.font_size(el))
                out.append(merged)
                for c in el:
                    self.read_block(c, merged.type, page, counter, merged)
                merged.font_size = merged.font_size or _main_size(merged.lines)
            else:
                inner = CARRIED_TYPES.get(ctype, btype)
                for c in el:
                    out.extend(self.read_block(c, inner, page, counter, merged))
        elif name == "TextBlock":
            size = self.font_size(el)
            if merged is not None:
                block = merged
            else:
                counter[0] += 1
                block = Block(id=self.block_id(el, counter[0]), box=self.box(el), polygon=self.polygon(el),
                              type=btype if btype != "illustration" else "text", font_size=size)
                out.append(block)
            for ln_el in safexml.children(el, "TextLine"):
                line = self.read_line(ln_el, len(page.lines) + 1, size or block.font_size)
                block.lines.append(line)
                page.lines.append(line)
            if merged is None and block.font_size is None:
                block.font_size = _main_size(block.lines)
        elif name in ("Illustration", "GraphicalElement"):
            if merged is None:
                counter[0] += 1
                # a GraphicalElement is a rule or an ornament; an Illustration is a picture (a map, a photo …)
                block = Block(id=self.block_id(el, counter[0]), box=self.box(el), polygon=self.polygon(el),
                              type="illustration" if name == "Illustration" else "graphic")
                out.append(block)
        else:
            return out
        if sid:
            if len(self.index.leaves) > first_leaf:
                self.index.ranges[sid] = (first_leaf, len(self.index.leaves) - 1)
            ids = [b.id for b in out] or ([merged.id] if merged is not None else [])
            self.index.blocks[sid] = ids
        return out

    def read_page(self, el: etree._Element) -> Page:
        self.note(el)
        w, h = _float(el, "WIDTH"), _float(el, "HEIGHT")
        page = Page(number=self.page_number, units=self.unit)
        page.width = w * self.scale if w else None
        page.height = h * self.scale if h else None
        label = el.get("PRINTED_IMG_NR")
        if label:
            page.label = label
        counter = [0]
        for region in el:
            rname = safexml.local(region.tag)
            if rname == "PrintSpace":
                btype = "text"
            elif rname in MARGIN_TYPES:
                btype = MARGIN_TYPES[rname]
            else:
                continue
            self.note(region)
            for c in region:
                page.blocks.extend(self.read_block(c, btype, page, counter))
        if not page.width or not page.height:
            ext = _extent([b.box for b in page.blocks if b.box] + [ln.box for ln in page.lines if ln.box])
            if ext is not None:
                page.width = page.width or ext[2]
                page.height = page.height or ext[3]
        _mark_vertical(page)
        return page


def _main_size(lines: list[Line]) -> float | None:
    sizes: Counter[float] = Counter()
    for ln in lines:
        if ln.font_size:
            sizes[ln.font_size] += max(1, len(ln.text))
    return sizes.most_common(1)[0][0] if sizes else None


def _extent(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _mark_vertical(page: Page) -> None:
    """Blocks whose lines are tall and narrow columns of CJK text are vertical; so is a page of them."""
    votes = 0
    total = 0
    for block in page.blocks:
        tall = sum(1 for ln in block.lines if ln.box and len(ln.text) >= 2 and
                   (ln.box[3] - ln.box[1]) > 2 * (ln.box[2] - ln.box[0]) and any(is_wide(c) for c in ln.text))
        n = sum(1 for ln in block.lines if ln.box and len(ln.text) >= 2)
        if n and tall > n / 2:
            block.vertical = True
        votes += tall
        total += n
    page.vertical = bool(total) and votes > total / 2


def _root(source: bytes | etree._Element, path: str | Path | None) -> etree._Element:
    root = safexml.parse(source, path) if isinstance(source, (bytes, bytearray)) else source
    if safexml.local(root.tag) != "alto":
        raise FormatError(path, f"it is not ALTO (root element <{safexml.local(root.tag)}>)")
    return root


def parse_alto(source: bytes | etree._Element, path: str | Path | None, page_number: int = 1) -> AltoFile:
    """Every page of one ALTO file (numbered from ``page_number``) and the index of its ids."""
    root = _root(source, path)
    reader = _Reader(root, path, page_number)
    reader.read_description()
    layout = safexml.child(root, "Layout")
    if layout is None:
        raise FormatError(path, "it is ALTO without a Layout element, so it holds no page")
    pages: list[Page] = []
    for el in safexml.children(layout, "Page"):
        reader.page_number = page_number + len(pages)
        page = reader.read_page(el)
        page.source = str(path) if path is not None else None
        pages.append(page)
    if not pages:
        raise FormatError(path, "it is ALTO without a Page element")
    return AltoFile(pages=pages, index=reader.index, image_ref=reader.image_ref)


def read_alto(source: bytes | etree._Element, path: str | Path | None, page_number: int = 1) -> Page:
    """The first (usually only) page of one ALTO file, numbered ``page_number``."""
    return parse_alto(source, path, page_number).pages[0]


def read(data: bytes, path: str | Path | None = None) -> Document:
    """Read one ALTO file: its pages, and no articles (ALTO has no article map; :mod:`reader.segmentation.analyze`
    cuts them from the page layout)."""
    parsed = parse_alto(data, path)
    doc = Document(source=str(path) if path is not None else "<bytes>", format="alto", pages=parsed.pages)
    if path is not None:
        for page in parsed.pages:
            images.attach_image(page, path, parsed.image_ref, doc.warnings)
    return doc
