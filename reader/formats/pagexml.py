"""PAGE-XML (PRImA): the 2013 and 2019 schemas, as OCR-D and Transkribus write them.

Elements are matched on local names, so every namespace version reads the same.

* Region order: the ``ReadingOrder`` (``OrderedGroup`` / ``UnorderedGroup`` with
  ``RegionRefIndexed`` / ``RegionRef``, nested ``…GroupIndexed`` groups, flattened
  depth-first by ``index``) wins; Transkribus' ``custom="readingOrder {index:n;}"``
  is the fallback, for regions and for the lines inside a region; document order last.
* ``SeparatorRegion`` becomes a block of type ``separator`` with no lines and no order (rules are
  not in a reading order); the layout places it by its box.
* Region types come from ``@type`` or Transkribus' ``structure {type:…;}``
  (heading, paragraph, header, page-number, footnote, caption, catch-word …; the
  table cells ``T0C1`` become ``table``) and go to ``Block.type``, where the
  layout turns them into roles.
* Text: a line's own ``TextEquiv`` is authoritative; without it the line's words
  are joined; the region's ``TextEquiv`` is used only when no line has text
  (split at its newlines, one Line each). Among several ``TextEquiv`` the lowest
  ``@index`` wins.
* Geometry: ``Coords/@points`` (or ``Point`` children, PAGE 2010) give the box and
  polygon, ``Baseline`` the baseline, ``TextStyle/@fontSize`` the font size.
* ``imageFilename`` is looked for beside the file (never elsewhere).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from lxml import etree

from reader.formats import safexml
from reader.formats.ids import unique_id
from reader.formats.images import attach_image
from reader.formats.safexml import attr, child, children, internal_entities, local
from reader.formats.safexml import number as finite
from reader.model.document import Block, Box, Document, Line, Page, Word
from reader.model.errors import FormatError

log = logging.getLogger(__name__)

#: Region elements that carry text.
TEXT_REGIONS = {"TextRegion"}
#: Other regions and the Block.type they become (separators and noise are not blocks).
OTHER_REGIONS = {
    "ImageRegion": "image", "GraphicRegion": "graphic", "ChartRegion": "chart", "LineDrawingRegion": "graphic",
    "TableRegion": "table", "MathsRegion": "maths", "ChemRegion": "chemistry", "MusicRegion": "music",
    "AdvertRegion": "advertisement", "MapRegion": "map", "CustomRegion": "custom", "UnknownRegion": "unknown",
    "SeparatorRegion": "separator",
}
#: a text region's stated type (``@type`` or Transkribus ``structure {type:…}``, lower case, ``_`` as ``-``)
#: → the Block.type every reader uses; a stated type not listed is ``other``, an unstated one ``text``
REGION_TYPES = {
    "heading": "heading", "title": "heading", "header-title": "heading", "subheading": "heading",
    "headline": "heading", "paragraph": "paragraph", "text": "paragraph", "body": "paragraph",
    "caption": "caption", "header": "header", "running-title": "header", "running-head": "header",
    "footer": "footer", "page-number": "page-number", "pagenumber": "page-number", "folio": "page-number",
    "marginalia": "marginalia", "marginal": "marginalia", "footnote": "footnote",
    "footnote-continued": "footnote", "endnote": "footnote", "signature-mark": "signature-mark",
    "catch-word": "catch-word", "catchword": "catch-word", "drop-capital": "drop-capital",
    "dropcapital": "drop-capital", "credit": "credit", "credits": "credit", "table": "table",
    "advertisement": "advertisement", "advert": "advertisement", "image": "image",
}
#: the role a stated line or region type gives its lines (Line.type); types not listed give none
LINE_ROLES = {
    "heading": "headline", "title": "headline", "header-title": "headline", "headline": "headline",
    "subheading": "subheadline", "subtitle": "subheadline",
    "paragraph": "paragraph", "text": "paragraph", "body": "paragraph", "footnote": "paragraph",
    "footnote-continued": "paragraph", "endnote": "paragraph", "drop-capital": "paragraph",
    "caption": "caption", "credit": "credit", "credits": "credit",
    "header": "furniture", "running-title": "furniture", "running-head": "furniture", "footer": "furniture",
    "page-number": "furniture", "pagenumber": "furniture", "folio": "furniture", "marginalia": "furniture",
    "signature-mark": "furniture", "catch-word": "furniture", "catchword": "furniture",
    "advertisement": "advertisement",
}
#: regions that are no blocks (a separator is one, with no text and no place in the reading order: a rule
#: between two items tells the layout where one ends, see reader.segmentation.geometry)
_SKIP_REGIONS = {"NoiseRegion"}
_GROUPS = {"OrderedGroup", "UnorderedGroup", "OrderedGroupIndexed", "UnorderedGroupIndexed"}
_REFS = {"RegionRefIndexed", "RegionRef"}

_CUSTOM_INDEX = re.compile(r"readingOrder\s*\{[^}]*?index\s*:\s*(\d+)")
_CUSTOM_TYPE = re.compile(r"structure\s*\{[^}]*?type\s*:\s*([^;}\s]+)")
_TABLE_CELL = re.compile(r"^T\d+C\d+$", re.I)
_POINT = re.compile(r"(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)")


def _points(el: etree._Element | None) -> tuple[tuple[float, float], ...] | None:
    if el is None:
        return None
    pts = attr(el, "points")
    pairs = _POINT.findall(pts) if pts else [(p.get("x"), p.get("y")) for p in children(el, "Point")]  # PAGE 2010
    found = tuple((x, y) for x, y in ((finite(a), finite(b)) for a, b in pairs) if x is not None and y is not None)
    return found or None


def _line_no(el: etree._Element) -> int | None:
    """The element's line in the source file, when lxml knows it."""
    n = el.sourceline
    return n if isinstance(n, int) else None


def _box(points: tuple[tuple[float, float], ...] | None) -> Box | None:
    if not points:
        return None
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _text_equiv(el: etree._Element) -> str | None:
    """The element's own TextEquiv (lowest @index wins), or None when it has none or it is empty."""
    best: tuple[int, str] | None = None
    for te in children(el, "TextEquiv"):
        uni = child(te, "Unicode")
        if uni is None:
            continue
        text = "".join(str(t) for t in uni.itertext())
        try:
            idx = int(te.get("index", "0"))
        except ValueError:
            idx = 0
        if best is None or idx < best[0]:
            best = (idx, text)
    if best is None or not best[1].strip():
        return None
    return best[1]


def _confidence(el: etree._Element) -> float | None:
    for te in children(el, "TextEquiv"):
        conf = te.get("conf")
        if conf:
            try:
                return float(conf)
            except ValueError:
                return None
    return None


def _custom_index(el: etree._Element) -> int | None:
    m = _CUSTOM_INDEX.search(el.get("custom") or "")
    return int(m.group(1)) if m else None


def _font_size(el: etree._Element) -> float | None:
    style = child(el, "TextStyle")
    if style is not None and style.get("fontSize"):
        try:
            return finite(style.get("fontSize"))
        except ValueError:
            return None
    return None


def _stated_type(el: etree._Element) -> str | None:
    """The type an element states: ``@type``, else Transkribus' ``structure {type:…}``; lower case, ``-``."""
    t = el.get("type")
    if not t:
        m = _CUSTOM_TYPE.search(el.get("custom") or "")
        t = m.group(1) if m else None
    if not t or not t.strip():
        return None
    if _TABLE_CELL.match(t.strip()):
        return "table"
    return t.strip().lower().replace("_", "-").replace(" ", "-")


def _region_type(el: etree._Element) -> str:
    """Block.type of a region: its kind for non-text regions, else its stated type normalised."""
    name = local(el.tag)
    if name in OTHER_REGIONS:
        return OTHER_REGIONS[name]
    t = _stated_type(el)
    if t is None:
        return "text"  # nothing stated: the layout decides
    return REGION_TYPES.get(t, "other")


def _line_role(line_el: etree._Element, region_el: etree._Element) -> str | None:
    """Line.type: the role the line's own ``structure {type:…}`` states, else its region's stated type."""
    own = _stated_type(line_el) if line_el.get("custom") else None
    if own is not None:
        return LINE_ROLES.get(own)
    region = _stated_type(region_el)
    return LINE_ROLES.get(region) if region is not None else None


def _reading_order(page_el: etree._Element) -> list[str]:
    """Region ids in the order of the page's ReadingOrder (nested groups flattened depth-first)."""
    ro = child(page_el, "ReadingOrder")
    if ro is None:
        return []
    out: list[str] = []

    def walk(group: etree._Element) -> None:
        ref = group.get("regionRef")
        if ref:
            out.append(ref)
        items = [c for c in group if local(c.tag) in _REFS or local(c.tag) in _GROUPS]

        def key(item: tuple[int, etree._Element]) -> tuple[int, int]:
            k, c = item
            try:
                return (int(c.get("index", "")), k)
            except ValueError:
                return (k, k)

        for _, c in sorted(enumerate(items), key=key):
            if local(c.tag) in _GROUPS:
                walk(c)
            elif c.get("regionRef"):
                out.append(c.get("regionRef", ""))

    for top in ro:
        if local(top.tag) in _GROUPS:
            walk(top)
    seen: set[str] = set()
    return [r for r in out if not (r in seen or seen.add(r))]  # type: ignore[func-returns-value]


def _line(el: etree._Element, line_id: str, region_size: float | None) -> Line:
    poly = _points(child(el, "Coords"))
    text = _text_equiv(el)
    words: list[Word] = []
    word_els = children(el, "Word")
    word_order = [(w, _custom_index(w)) for w in word_els]
    if word_order and all(i is not None for _, i in word_order):
        word_els = [w for w, _ in sorted(word_order, key=lambda t: t[1] or 0)]
    built = ""
    for w_el in word_els:
        wt = (_text_equiv(w_el) or "").strip()
        if not wt:
            continue
        if built:
            built += " "
        words.append(Word(wt, _box(_points(child(w_el, "Coords"))), _confidence(w_el), len(built)))
        built += wt
    if text is None:
        text = built
    elif built and built != text:
        # the line's text is authoritative; word offsets only hold where the words spell it out
        pos = 0
        for w in words:
            found = text.find(w.text, pos)
            w.start = found if found >= 0 else pos
            pos = (found + len(w.text)) if found >= 0 else pos
    text = text.replace("\n", " ").replace("\r", " ")
    sizes = [s for s in (_font_size(w_el) for w_el in word_els) if s]
    size = _font_size(el) or (max(set(sizes), key=sizes.count) if sizes else None) or region_size
    baseline = _points(child(el, "Baseline"))
    return Line(id=line_id, text=text, box=_box(poly), baseline=baseline, words=words, font_size=size,
                source_line=_line_no(el))


def _region_ranks(page_el: etree._Element, regions: list[etree._Element], path: Path,
                  warnings: list[str]) -> dict[str, int]:
    """Region id (``#<id()>`` without one) → place in reading order: the ReadingOrder, else the regions'
    ``custom="readingOrder {index:N}"``; regions outside it that have content are read after it, in file order."""
    order_ids = _reading_order(page_el)
    rank = {rid: k for k, rid in enumerate(order_ids)}
    if not rank:
        by_custom = [(el.get("id"), _custom_index(el)) for el in regions]
        if by_custom and all(i is not None for _, i in by_custom):
            rank = {rid or "": i or 0 for rid, i in by_custom}
    unranked = [el for el in regions if el.get("id") not in rank and (
        local(el.tag) not in TEXT_REGIONS or any(local(c.tag) == "TextLine" for c in el) or _text_equiv(el))]
    unranked_text = [el for el in unranked if local(el.tag) in TEXT_REGIONS]
    if rank and unranked_text:
        warnings.append(f"{path}: {len(unranked_text)} text region(s) are not in the reading order; "
                        "they are read after it")
    next_rank = max(rank.values(), default=-1) + 1
    for el in unranked:
        rank[el.get("id") or f"#{id(el)}"] = next_rank
        next_rank += 1
    return rank


def _region_lines(el: etree._Element, block: Block, number: int, used: set[str]) -> list[Line]:
    """The lines of a text region that have text: its TextLines (in custom index order when all have one),
    else the rows of the region's own TextEquiv."""
    line_els = children(el, "TextLine")
    indexed = [(ln, _custom_index(ln)) for ln in line_els]
    if indexed and all(i is not None for _, i in indexed):
        line_els = [ln for ln, _ in sorted(indexed, key=lambda t: t[1] or 0)]
    lines = [_line(ln, unique_id(f"p{number}.{ln.get('id') or f'{block.id}.l{k}'}", used), block.font_size)
             for k, ln in enumerate(line_els, start=1)]
    for ln_el, line in zip(line_els, lines, strict=True):
        line.type = _line_role(ln_el, el)
    if not any(ln.text.strip() for ln in lines):
        region_text = _text_equiv(el)
        if region_text:
            rows = [r for r in region_text.splitlines() if r.strip()]
            if len(rows) == len(lines):
                for ln, row in zip(lines, rows, strict=False):
                    ln.text = row
            else:
                lines = [Line(id=unique_id(f"{block.id}.t{k}", used), text=row, source_line=_line_no(el))
                         for k, row in enumerate(rows, start=1)]
    return [ln for ln in lines if ln.text.strip()]


def _read_page(page_el: etree._Element, number: int, path: Path, used: set[str], warnings: list[str]) -> Page:
    page = Page(number=number, source=str(path))
    try:
        w = finite(page_el.get("imageWidth")) or 0.0
        h = finite(page_el.get("imageHeight")) or 0.0
    except ValueError:
        w = h = 0.0
    if w > 0 and h > 0:
        page.width, page.height = w, h

    regions = [el for el in page_el.iter() if isinstance(el.tag, str) and local(el.tag).endswith("Region")
               and local(el.tag) not in _SKIP_REGIONS]
    rank = _region_ranks(page_el, regions, path, warnings)

    blocks: list[Block] = []
    for el in regions:
        rid = el.get("id") or f"#{id(el)}"
        poly = _points(child(el, "Coords"))
        btype = _region_type(el)
        block = Block(id=unique_id(f"p{number}.{el.get('id') or f'r{len(blocks) + 1}'}", used), box=_box(poly),
                      polygon=poly, type=btype, order=rank.get(rid), font_size=_font_size(el))
        if local(el.tag) in TEXT_REGIONS:
            block.lines = _region_lines(el, block, number, used)
        if block.lines or local(el.tag) not in TEXT_REGIONS:
            blocks.append(block)
    for b in blocks:
        if b.type == "separator":
            b.order = None  # a rule is read where it lies, not where the reading order (which omits it) ends
    if any(b.order is None for b in blocks if b.type != "separator"):
        for b in blocks:
            b.order = None
    blocks.sort(key=lambda b: (b.order is None, b.order if b.order is not None else 0))
    page.blocks = blocks
    page.lines = [ln for b in blocks for ln in b.lines]
    numbers = [b for b in blocks if b.type == "page-number" and b.lines]
    if numbers:
        page.label = " ".join(ln.text.strip() for ln in numbers[0].lines).strip("()[] ") or None
    attach_image(page, path, page_el.get("imageFilename"), warnings)
    return page


def read(data: bytes, path: Path) -> Document:
    """Pages, regions and lines of a PAGE-XML file in reading order (no articles: PAGE has no article map,
    :mod:`reader.segmentation.analyze` cuts them from the layout)."""
    internal_entities(data, path)  # refuses external, parameter and nested entities with a clear reason
    root = safexml.parse(data, path)
    if local(root.tag) != "PcGts":
        raise FormatError(path, f"it is not PAGE-XML (root element <{local(root.tag)}>, not <PcGts>)")
    pages_el = children(root, "Page")
    if not pages_el:
        raise FormatError(path, "it is PAGE-XML without a <Page> element")
    doc = Document(source=str(path), format="page")
    used: set[str] = set()
    for number, page_el in enumerate(pages_el, start=1):
        doc.pages.append(_read_page(page_el, number, path, used, doc.warnings))
    langs = [str(el.get("primaryLanguage")) for el in root.iter()
             if isinstance(el.tag, str) and el.get("primaryLanguage")]
    if langs:
        doc.metadata["language"] = max(set(langs), key=langs.count)
    return doc
