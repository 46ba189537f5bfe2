"""hOCR: the HTML that Tesseract, ABBYY, kraken, gcv2hocr and others write.

Parsed as XHTML with the safe XML parser; a page that is HTML but not XML
(``<br>``, unquoted attributes) falls back on lxml's HTML parser, which never
touches the network. Properties live in ``title`` attributes, single- or
double-quoted, separated by ``;`` (kraken also uses ``,``): ``bbox``,
``baseline``, ``x_wconf`` (0–100) or ``x_confs`` (0–1 per character), ``x_fsize``
(font size in points), ``image``.

Hierarchies vary: ``ocr_carea``/``ocr_par``/``ocr_line``/``ocrx_word`` in full,
or only ``ocr_line``/``ocrx_word`` (kraken); words may be wrapped in
``<strong>``/``<em>``. Each ``ocr_par`` (else ``ocr_carea``) becomes a Block; lines
outside both are grouped into blocks by their geometry.

Vertical text is often declared ``dir='ltr'`` (gcv2hocr's Japanese page is 700
one-word carea/par/line triples): when most boxes are tall and narrow the page
is vertical, the stacked boxes of one column are joined into one column Line
(top to bottom, its words keeping their source ids), columns of the same type
size next to each other form a block, and columns are read right to left.
hOCR has no article map, so the reader gives no articles: :mod:`reader.segmentation.analyze`
cuts them from this layout (:func:`reader.segmentation.geometry.articles_from_layout`).

Word confidence is kept in 0–1 (``x_wconf`` / 100) like ALTO's ``WC``.
"""

from __future__ import annotations

import logging
import re
import statistics
from dataclasses import dataclass, field
from html.entities import html5
from pathlib import Path

from lxml import etree

from reader.formats import safexml
from reader.formats.ids import unique_id
from reader.formats.images import attach_image
from reader.formats.safexml import internal_entities
from reader.model.document import Block, Box, Document, Line, Page, Word
from reader.model.errors import FormatError
from reader.text.chars import is_wide

log = logging.getLogger(__name__)

#: classes of line-level elements (hOCR 1.2: typesetting lines of different kinds)
LINE_CLASSES = {"ocr_line": "text", "ocrx_line": "text", "ocr_header": "heading", "ocr_title": "heading",
                "ocr_caption": "caption", "ocr_textfloat": "text", "ocr_footer": "footer"}
#: a line class used as a container of lines (ABBYY's page-margin ``ocr_header``/``ocr_footer`` divs)
#: → the kind of the lines inside
CONTAINER_KINDS = {"ocr_header": "header", "ocr_footer": "footer", "ocr_title": "heading"}
#: the kind of a block's lines (when all of them are of it) → (Block.type, Line.type)
#: (a caption states no role for its lines: Tesseract tags body lines ``ocr_caption`` — L'Ordine Nuovo 1924 —
#: so only a picture beside it makes it one)
KIND_TYPES: dict[str, tuple[str, str | None]] = {"heading": ("heading", "headline"), "caption": ("caption", None),
              "footer": ("footer", "furniture"), "header": ("header", "furniture")}
#: classes of block-level elements; ``ocr_par`` wins over ``ocr_carea`` as the Block
BLOCK_CLASSES = ("ocr_par", "ocr_carea", "ocrx_block")
#: classes of regions that are pictures, not text
IMAGE_CLASSES = {"ocr_photo": "illustration", "ocr_image": "illustration", "ocr_linedrawing": "graphic",
                 "ocr_separator": "separator", "ocr_table": "table"}

_NUM = r"-?\d+(?:\.\d+)?"
_BBOX = re.compile(rf"\bbbox\s+({_NUM})\s+({_NUM})\s+({_NUM})\s+({_NUM})")
_BASELINE = re.compile(rf"\bbaseline\s+({_NUM})\s+({_NUM})")
_WCONF = re.compile(rf"\bx_wconf\s+({_NUM})")
_CONFS = re.compile(r"\bx_confs((?:\s+-?\d+(?:\.\d+)?)+)")
_FSIZE = re.compile(rf"\bx_fsize\s+({_NUM})")
_IMAGE = re.compile(r"""\bimage\s+(?:"([^"]*)"|'([^']*)'|([^\s;,"']+))""")
_PAGENO = re.compile(r"\bppageno\s+(\d+)")


def _line_no(el: etree._Element) -> int | None:
    """The element's line in the source file, when lxml knows it."""
    n = el.sourceline
    return n if isinstance(n, int) else None


def _classes(el: etree._Element) -> list[str]:
    return (el.get("class") or "").split()


def _title(el: etree._Element) -> str:
    return el.get("title") or ""


def _bbox(title: str) -> Box | None:
    m = _BBOX.search(title)
    if not m:
        return None
    x0, y0, x1, y1 = (float(v) for v in m.groups())
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _confidence(title: str) -> float | None:
    m = _WCONF.search(title)
    if m:
        return max(0.0, min(1.0, float(m.group(1)) / 100.0))
    m = _CONFS.search(title)
    if m:
        values = [float(v) for v in m.group(1).split()]
        return statistics.fmean(values) if values else None
    return None


def _font_size(title: str) -> float | None:
    m = _FSIZE.search(title)
    return float(m.group(1)) if m else None


def _baseline(title: str, box: Box | None) -> tuple[tuple[float, float], ...] | None:
    """hOCR's ``baseline slope offset`` (relative to the box's bottom-left) as two page points."""
    m = _BASELINE.search(title)
    if not m or box is None:
        return None
    slope, offset = float(m.group(1)), float(m.group(2))
    x0, _, x1, y1 = box
    y_start = y1 + offset
    return ((x0, y_start), (x1, y_start + slope * (x1 - x0)))


def _image_ref(title: str) -> str | None:
    m = _IMAGE.search(title)
    if not m:
        return None
    ref = next((g for g in m.groups() if g is not None), "").strip()
    return ref or None


# --------------------------------------------------------------------------- parsing


def _parse(data: bytes, path: Path) -> etree._Element:
    """XHTML through the safe XML parser; plain HTML through lxml.html without network.

    A DTD declaring external, parameter or nested entities is refused outright.
    """
    internal_entities(data, path)
    try:
        return _html_characters(safexml.parse(data, path))
    except FormatError as err:
        head = data[:4096].lower()
        declared_xml = (head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml")
                        or b"http://www.w3.org/1999/xhtml" in head)
        if declared_xml or b"<!entity" in data.lower():
            raise err
    tail = data[-4096:].lower()
    if b"</html>" not in tail and b"</body>" not in tail:
        raise FormatError(path, "it is HTML that ends before </body> or </html> (truncated)")
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True)
    try:
        root = lxml_html.fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise FormatError(path, f"it cannot be parsed as HTML ({e})") from e
    return root


def _html_characters(root: etree._Element) -> etree._Element:
    """XHTML's named character references (``&shy;``, ``&nbsp;``, ``&eacute;`` …) as the characters they name.

    The safe parser reads no DTD, so the XHTML DTD's entities stay entity nodes, whose text is the reference
    itself: Chronicling America's hOCR read "shop&shy;" where the page prints "shop-" at a line's end. HTML's
    own table (:data:`html.entities.html5`) says what each names; nothing is fetched. An unknown name stays.
    """
    for ent in list(root.iter(etree.Entity)):
        char = html5.get(f"{getattr(ent, 'name', '')};")  # an entity node (lxml-stubs type it as an element)
        parent = ent.getparent()
        if char is None or parent is None:
            continue
        text = char + (ent.tail or "")
        prev = ent.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(ent)
    return root


def _word_text(el: etree._Element) -> str:
    """A word's text, whatever inline markup (<strong>, <em>) wraps it — of its OCR alternatives
    (``<span class="alternatives"><ins class="alt">UTAH</ins><del class="alt">UTAR</del>…``) the chosen one, the
    ``ins``: a ``del`` is a reading the engine did not choose (they were run together, "UTAHUTARVTA")."""
    parts: list[str] = []
    _unchosen_left_out(el, parts)
    return "".join(parts)


def _unchosen_left_out(el: etree._Element, parts: list[str]) -> None:
    if el.text and isinstance(el.tag, str):
        parts.append(el.text)
    for child in el:
        if not (isinstance(child.tag, str) and etree.QName(child).localname == "del"):
            _unchosen_left_out(child, parts)
        if child.tail:
            parts.append(child.tail)


@dataclass
class _RawLine:
    line: Line
    block_key: int | None
    block_type: str
    source_order: int


@dataclass
class _RawBlock:
    key: int
    id: str
    type: str
    box: Box | None
    order: int
    lines: list[Line] = field(default_factory=list)
    #: the kind of each line (its hOCR class: text, heading, caption, footer, header)
    kinds: list[str] = field(default_factory=list)


def _line_from(el: etree._Element, line_id: str) -> Line:
    """Text, words and geometry of one ocr_line element."""
    title = _title(el)
    box = _bbox(title)
    words_el = [w for w in el.iter() if isinstance(w.tag, str) and "ocrx_word" in _classes(w)]
    words: list[Word] = []
    text = ""
    if words_el:
        pending_space = False
        for w in words_el:
            raw = _word_text(w)
            wt = raw.strip()
            if not wt:
                # an engine that emits the spaces between words as segments of their own (kraken)
                pending_space = bool(text)
                continue
            if text:
                joined_wide = is_wide(text[-1]) and is_wide(wt[0])
                if pending_space or not joined_wide:
                    text += " "
            wtitle = _title(w)
            words.append(Word(wt, _bbox(wtitle), _confidence(wtitle), len(text)))
            text += wt
            pending_space = False
    else:
        text = " ".join(_word_text(el).split())
    size = _font_size(title)
    if size is None:
        sizes = [s for s in (_font_size(_title(w)) for w in words_el) if s]
        size = statistics.median(sizes) if sizes else None
    # a line-final soft hyphen is the engine's mark of a word broken at the line end (as ALTO's HYP)
    return Line(id=line_id, text=text, box=box, baseline=_baseline(title, box), words=words, font_size=size,
                source_line=_line_no(el), hyphenated=text.endswith("\u00ad"))


def _read_page(page_el: etree._Element, number: int, path: Path, used: set[str], warnings: list[str]) -> Page:
    title = _title(page_el)
    page = Page(number=number, source=str(path))
    pbox = _bbox(title)
    if pbox is not None and pbox[2] > pbox[0] and pbox[3] > pbox[1]:
        page.width, page.height = pbox[2], pbox[3]
    m = _PAGENO.search(title)
    if m:
        page.label = str(int(m.group(1)) + 1)

    found = _PageContent(number, used)
    found.collect(page_el)
    lines = [r.line for r in found.raw_lines]
    page.lines = lines
    # a page with no size (``bbox 0 0 0 0``) takes its image's size, else the union of its boxes
    attach_image(page, path, _image_ref(title), warnings)
    if page.width is None:
        boxes = [ln.box for ln in lines if ln.box] + [b.box for b in found.pictures if b.box]
        if boxes:
            page.width = max(b[2] for b in boxes)
            page.height = max(b[3] for b in boxes)

    if _is_vertical(lines):
        page.vertical = True
        columns = _columns(lines, used, number)
        page.lines = columns
        page.blocks = _column_blocks(columns, number, used) + found.pictures
        return page
    page.blocks = found.blocks_in_order() + found.pictures
    return page


class _PageContent:
    """The lines, paragraphs and pictures of one ocr_page, in source order."""

    def __init__(self, number: int, used: set[str]) -> None:
        self.number = number
        self.used = used
        self.raw_lines: list[_RawLine] = []
        self.blocks: dict[int, _RawBlock] = {}
        self.pictures: list[Block] = []
        self.counter = 0
        #: the paragraph elements met so far, kept alive: lxml hands out the same proxy (so the same ``id``)
        #: for an element only while a reference to it is held, and ``blocks`` is keyed by that ``id``
        self._block_elements: list[etree._Element] = []

    def collect(self, page_el: etree._Element) -> None:
        for el in page_el.iter():
            if not isinstance(el.tag, str):
                continue
            classes = _classes(el)
            kind = next((LINE_CLASSES[c] for c in classes if c in LINE_CLASSES), None)
            if kind is None:
                self._picture(el, classes)
            elif not _holds_lines(el):
                self._line(el, _container_kind(el) or kind)

    def _picture(self, el: etree._Element, classes: list[str]) -> None:
        pic = next((IMAGE_CLASSES[c] for c in classes if c in IMAGE_CLASSES), None)
        if pic is not None and pic != "separator":
            box = _bbox(_title(el))
            pid = unique_id(f"p{self.number}.{el.get('id') or f'img{len(self.pictures) + 1}'}", self.used)
            self.pictures.append(Block(id=pid, box=box, type=pic))

    def _line(self, el: etree._Element, kind: str) -> None:
        self.counter += 1
        lid = unique_id(f"p{self.number}.{el.get('id') or f'l{self.counter}'}", self.used)
        line = _line_from(el, lid)
        if not line.text.strip():
            return
        block_el = _enclosing_block(el)
        key = None
        if block_el is not None:
            key = id(block_el)
            if key not in self.blocks:
                self._block_elements.append(block_el)
                bid = unique_id(f"p{self.number}.{block_el.get('id') or f'b{len(self.blocks) + 1}'}", self.used)
                self.blocks[key] = _RawBlock(key, bid, kind, _bbox(_title(block_el)), len(self.blocks))
            self.blocks[key].lines.append(line)
            self.blocks[key].kinds.append(kind)
        elif kind in KIND_TYPES:
            line.type = KIND_TYPES[kind][1]
        self.raw_lines.append(_RawLine(line, key, kind, self.counter))

    def blocks_in_order(self) -> list[Block]:
        """The paragraphs in source order, runs of lines outside any grouped by their geometry."""
        out_blocks: list[Block] = []
        loose: list[Line] = []
        order = 0
        seen: set[int] = set()
        for r in self.raw_lines:
            if r.block_key is None:
                loose.append(r.line)
                continue
            if loose:
                out_blocks += self._loose_blocks(loose, len(out_blocks))
                loose = []
            if r.block_key in seen:
                continue
            seen.add(r.block_key)
            out_blocks.append(_block_of(self.blocks[r.block_key], order))
            order += 1
        if loose:
            out_blocks += self._loose_blocks(loose, len(out_blocks))
        if any(b.order is None for b in out_blocks):
            # without a complete source order the geometry decides (segmentation.geometry.reading_order)
            for b in out_blocks:
                b.order = None
        return out_blocks

    def _loose_blocks(self, loose: list[Line], before: int) -> list[Block]:
        """Blocks (numbered on from ``before`` blocks) for lines that no paragraph holds."""
        out: list[Block] = []
        for group in _group_loose(loose):
            out.append(Block(id=unique_id(f"p{self.number}.g{before + len(out) + 1}", self.used), lines=group,
                             box=_union([ln.box for ln in group if ln.box]), order=None))
        return out


def _enclosing_block(el: etree._Element) -> etree._Element | None:
    """The nearest enclosing paragraph, else content area."""
    for cls in BLOCK_CLASSES:
        anc = next((a for a in el.iterancestors() if cls in _classes(a)), None)
        if anc is not None:
            return anc
    return None


def _block_of(rb: _RawBlock, order: int) -> Block:
    """The Block of one paragraph. Its lines' class types it only when all its lines share it: an engine
    guesses line classes (Tesseract tags a body line ``ocr_caption``), a block of them all is its statement."""
    sizes = [ln.font_size for ln in rb.lines if ln.font_size]
    btype = "text"
    kinds = set(rb.kinds)
    if len(kinds) == 1 and (kind := kinds.pop()) in KIND_TYPES:
        btype, role = KIND_TYPES[kind]
        for line in rb.lines:
            line.type = role
    return Block(id=rb.id, lines=rb.lines, box=rb.box or _union([ln.box for ln in rb.lines if ln.box]),
                 type=btype, order=order, font_size=statistics.median(sizes) if sizes else None)


def _holds_lines(el: etree._Element) -> bool:
    """An element of a line class that holds lines itself (a container, not a line)."""
    return any(isinstance(d.tag, str) and any(c in LINE_CLASSES for c in _classes(d)) for d in el.iterdescendants())


def _container_kind(el: etree._Element) -> str | None:
    """The kind a line takes from a container around it (ABBYY's margin ``ocr_header``/``ocr_footer``)."""
    for anc in el.iterancestors():
        kind = next((CONTAINER_KINDS[c] for c in _classes(anc) if c in CONTAINER_KINDS), None)
        if kind is not None:
            return kind
    return None


def _union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _group_loose(lines: list[Line]) -> list[list[Line]]:
    """Lines with no paragraph around them (kraken) → blocks, split at wide vertical gaps or column jumps."""
    if not lines:
        return []
    heights = [ln.box[3] - ln.box[1] for ln in lines if ln.box]
    h = statistics.median(heights) if heights else 0.0
    groups: list[list[Line]] = [[lines[0]]]
    for prev, cur in zip(lines, lines[1:], strict=False):
        split = False
        if prev.box and cur.box and h > 0:
            gap = cur.box[1] - prev.box[3]
            overlap = min(prev.box[2], cur.box[2]) - max(prev.box[0], cur.box[0])
            split = gap > 1.2 * h or gap < -2 * h or overlap <= 0
        if split:
            groups.append([cur])
        else:
            groups[-1].append(cur)
    return groups


# --------------------------------------------------------------------------- vertical pages


def _is_vertical(lines: list[Line]) -> bool:
    """Most lines of two characters or more are in tall, narrow boxes."""
    votes = [ln.box for ln in lines if ln.box is not None and len(ln.text.replace(" ", "")) >= 2]
    if len(votes) < 3:
        return False
    tall = sum(1 for b in votes if (b[3] - b[1]) > 1.5 * (b[2] - b[0]))
    return tall >= 0.6 * len(votes)


def _same_column(col: Line, ln: Line) -> bool:
    a, b = col.box, ln.box
    if a is None or b is None:
        return False
    width = max(1.0, min(a[2] - a[0], b[2] - b[0]))
    overlap = min(a[2], b[2]) - max(a[0], b[0])
    gap = b[1] - a[3]
    return overlap >= 0.3 * width and -0.5 * width <= gap <= 2.0 * max(a[2] - a[0], b[2] - b[0])


def _columns(lines: list[Line], used: set[str], number: int) -> list[Line]:
    """Stacked boxes of one column (in source order) → one Line per column, top to bottom."""
    cols: list[list[Line]] = []
    for ln in lines:
        if cols and _same_column(_merge(cols[-1], "tmp"), ln):
            cols[-1].append(ln)
        else:
            cols.append([ln])
    return [_merge(group, group[0].id) for group in cols]


def _merge(group: list[Line], ident: str) -> Line:
    """One column Line from its pieces; the pieces' words (or the pieces themselves) become its words."""
    if len(group) == 1 and ident == group[0].id:
        return group[0]
    text = ""
    words: list[Word] = []
    for ln in group:
        pieces = ln.words or [Word(ln.text, ln.box, None, 0)]
        for w in pieces:
            if text and not (is_wide(text[-1]) or is_wide(w.text[:1] or " ")):
                text += " "
            words.append(Word(w.text, w.box, w.confidence, len(text)))
            text += w.text
    sizes = [ln.font_size for ln in group if ln.font_size]
    return Line(id=ident, text=text, box=_union([ln.box for ln in group if ln.box]), words=words,
                font_size=statistics.median(sizes) if sizes else None, source_line=group[0].source_line)


def _column_blocks(columns: list[Line], number: int, used: set[str]) -> list[Block]:
    """Neighbouring columns of about the same width and top → one vertical block; columns right to left."""
    boxed = [(c.box, c) for c in columns if c.box is not None]
    ordered = sorted(boxed, key=lambda bc: (-bc[0][2], bc[0][1]))
    groups: list[list[tuple[Box, Line]]] = []
    for cb, col in ordered:
        placed = False
        for g in groups:
            lb = g[-1][0]
            w_last = lb[2] - lb[0]
            w_col = cb[2] - cb[0]
            similar = max(w_last, w_col) <= 1.6 * max(1.0, min(w_last, w_col))
            gap = lb[0] - cb[2]
            tops = abs(lb[1] - cb[1]) <= 3 * max(w_last, w_col)
            y_overlap = min(lb[3], cb[3]) - max(lb[1], cb[1]) > 0
            if similar and -0.5 * w_col <= gap <= 1.5 * max(w_last, w_col) and tops and y_overlap:
                g.append((cb, col))
                placed = True
                break
        if not placed:
            groups.append([(cb, col)])
    blocks = [Block(id=unique_id(f"p{number}.v{k}", used), lines=[c for _, c in g], box=_union([b for b, _ in g]),
                    vertical=True)
              for k, g in enumerate(groups, start=1)]
    unboxed = [c for c in columns if not c.box]
    if unboxed:
        blocks.append(Block(id=unique_id(f"p{number}.v{len(blocks) + 1}", used), lines=unboxed, vertical=True))
    return blocks


# --------------------------------------------------------------------------- entry point


def read(data: bytes, path: Path) -> Document:
    """Pages, blocks and lines of an hOCR file (no articles: they are cut from the layout in
    :mod:`reader.segmentation.analyze`)."""
    root = _parse(data, path)
    pages_el = [el for el in root.iter() if isinstance(el.tag, str) and "ocr_page" in _classes(el)]
    if not pages_el:
        raise FormatError(path, "it is HTML without any hOCR page (no element of class ocr_page)")
    doc = Document(source=str(path), format="hocr")
    used: set[str] = set()
    for number, page_el in enumerate(pages_el, start=1):
        doc.pages.append(_read_page(page_el, number, path, used, doc.warnings))
    langs = [str(el.get("lang")) for el in root.iter() if isinstance(el.tag, str) and el.get("lang")]
    if langs:
        doc.metadata["language"] = statistics.mode(langs)
    return doc
