"""Layout from geometry: reading order, headlines and articles for pages with no article map.

Structured sources (ALTO, hOCR, PAGE, ECPO) give blocks of lines with boxes.
When no publisher map says which blocks form an article, the page's geometry
decides, as a reader's eye would:

* reading order by recursive XY-cut. Horizontal pages cut into columns first
  (left to right) and then into bands (top to bottom), so a full-width masthead
  or a headline spanning columns breaks the column flow; vertical (``vertical-rl``)
  pages cut into tiers first (top to bottom) and read each tier's columns right
  to left. A source reading order (PAGE ``ReadingOrder``) wins when every block has one;
* headlines by block type (``heading``, ``title`` …) or by size relative to the
  page's body text (font size where the source gives it, else line height, or
  line width on vertical pages), also for the first lines of a block;
* blocks grouped under the headline before them; text before the first headline
  of a page continues the last article of the previous page;
* captions attached to the illustration they touch; adverts as their own
  articles; folios and running heads in the top and bottom margins as furniture;
* inside a block, paragraph breaks from an indented line start (top edge on
  vertical pages) or a short line ending a sentence, and the lines of each
  paragraph joined by :mod:`reader.text.reflow` (CJK joins, de-hyphenation).
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from reader.model.document import HEADLINE_ROLES, Article, Block, Box, Line, Page, Part, reading_order_of
from reader.segmentation.roles import (
    LAW_DATE,
    dash_dateline,
    is_date_line,
    is_dateline_lead,
    is_imprint,
    is_issue_date,
    is_jump_line,
    is_ocr_fragment,
    is_responsible_editor,
    is_tabular,
    latin_dateline,
    opens_on_date,
)
from reader.text.chars import em_width, is_wide
from reader.text.headings import CHAPTER, CJK_CHAPTER, RUN_ON_PARTICLES
from reader.text.paragraphs import line_extent, paragraph_starts, typical_size
from reader.text.reflow import Piece, reflow

log = logging.getLogger(__name__)

#: Block types (lower case) that are headings whatever their size.
HEADING_TYPES = frozenset({"heading", "headline", "title", "header-title", "subheading", "head", "caption-heading"})
#: Block types that are pictures; a text block touching one is its caption.
ILLUSTRATION_TYPES = frozenset({"illustration", "image", "graphic", "graphicalelement", "photo", "picture", "figure",
                                "chart"})
#: Block types of rules and separators (ALTO GraphicalElement, PAGE SeparatorRegion).
RULE_TYPES = frozenset({"separator", "graphic"})
#: a rule is at least this many times as wide as it is high
RULE_ASPECT = 4
#: Block types that are adverts.
ADVERT_TYPES = frozenset({"advertisement", "advert", "ad"})
#: Block types that are page furniture.
FURNITURE_TYPES = frozenset({"header", "footer", "page-number", "pagenumber", "folio", "running-title", "catch-word",
                             "signature-mark", "marginalia", "margin"})
#: Block types that are captions.
CAPTION_TYPES = frozenset({"caption"})

#: a line this much larger than the body is display type (headline, kicker), measured by line extent
HEADLINE_RATIO = 1.3
#: the same measured by the font size the source declares (sizes are exact but come in steps: 14 over 11 pt)
HEADLINE_FONT_RATIO = 1.2
#: display type this much larger than the body near the top of a page is its masthead (page furniture)
MASTHEAD_RATIO = 4.0
#: ... or this many times, when it is the page's largest type and runs across this share of the page
TITLE_RATIO = 2.5
TITLE_WIDTH = 0.55
#: share of the page height at the top and bottom that is margin (folios, running heads)
MARGIN_SHARE = 0.045


def _norm_type(block: Block) -> str:
    return (block.type or "text").strip().lower().replace("_", "-").replace(" ", "-")


def _union(boxes: Sequence[Box]) -> Box | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _inside(point: tuple[float, float], box: Box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def block_box(block: Block) -> Box | None:
    """The block's own box when its lines lie in it, else the union of its lines' boxes.

    Some producers write a block's WIDTH and HEIGHT swapped (NDNP ALTO of the 2010s): a stated
    box that most of the block's lines fall outside of is not where the block is. The union leaves out the
    stray marks microfilm OCR reads as one-letter words at a line's ends (:func:`_typeset_box`): a speck on the
    rule between two columns, read into a deck's line ("1 as District Share."), would reach into the next
    column and glue the two together for the reading order.
    """
    lines = [ln.box for ln in block.lines if ln.box is not None]
    if block.box is not None and lines:
        inside = sum(1 for b in lines if _inside(((b[0] + b[2]) / 2, (b[1] + b[3]) / 2), block.box))
        if inside >= 0.9 * len(lines):
            return block.box
    if not lines:
        return block.box
    return _union([box for ln in block.lines if (box := _typeset_box(ln)) is not None])


def _is_vertical(page: Page, block: Block | None = None) -> bool:
    return bool(page.vertical or (block is not None and block.vertical))


# --------------------------------------------------------------------------- reading order


def _gaps(intervals: list[tuple[float, float, int]], tol: float) -> list[list[int]]:
    """Split items (lo, hi, index) into groups separated by gaps along one axis.

    Intervals are shrunk by ``tol`` on each side so that boxes overlapping by a
    little (OCR boxes often do) still leave a gap between them.
    """
    items = sorted(intervals, key=lambda t: (t[0], t[1]))
    groups: list[list[int]] = []
    reach = float("-inf")
    for lo, hi, idx in items:
        shrink = min(tol, (hi - lo) / 4)
        lo2, hi2 = lo + shrink, hi - shrink
        if not groups or lo2 >= reach:
            groups.append([idx])
        else:
            groups[-1].append(idx)
        reach = max(reach, hi2)
    return groups


def _horizontal_position(item: tuple[Box, int]) -> tuple[float, float]:
    """Sort key of a box on a horizontal page: top, then left."""
    return (item[0][1], item[0][0])


def _vertical_position(item: tuple[Box, int]) -> tuple[float, float]:
    """Sort key of a box on a vertical page: right edge from the right, then top."""
    return (-item[0][2], item[0][1])


#: a band set apart from what follows fills at least this many columns to one common foot
BAND_COLUMNS = 3
#: ... whose feet lie within this many half line heights of each other (a compositor justifies each column to
#: the rule, the OCR boxes the last line a little higher or lower: 19 px apart on L'Ouest-Éclair 1924, a line 33 px)
BAND_FOOT = 2

#: boxes of neighbouring columns may overlap by this many times the cut's tolerance (half a line) when no clean cut
#: exists: a heading across two columns boxed 42 px into the third (Evening Star 1915, a line 30 px); wider, the
#: cut would part a headline from its columns where blocks overlap for good (Evening Star 1918)
OVERLAP_TOL = 1.5


def _ruled_band(above: list[int], below: list[int], by_index: dict[int, Box], vertical: bool, tol: float) -> bool:
    """Whether a band of columns ends at one line across the page: the cut under it is the composer's, not chance.

    A feuilleton or a page-foot section sits under a rule the OCR often leaves out; what stays is that every
    column above it was filled to the same foot (bottoms within ``tol``), while ordinary block ends fall
    anywhere. Read the columns of such a band before what lies under it, or a word broken at the foot of one
    column ("l'ar-") is read apart from its end at the head of the next ("ticle"). Horizontal pages only.
    """
    if vertical or not below:
        return False
    columns = _gaps([(by_index[i][0], by_index[i][2], i) for i in above], tol)
    if len(columns) < BAND_COLUMNS:
        return False
    feet = [max(by_index[i][3] for i in col) for col in columns]
    return max(feet) - min(feet) <= BAND_FOOT * tol


def tier_openings(blocks: Sequence[Block], tol: float) -> set[str]:
    """Ids of the first block (in ``blocks``' order) of each tier of columns set under a band of columns filled to one
    foot (:func:`_ruled_band`) across the whole page: the compositor's strip (a feuilleton, a page-foot section) is a
    text of its own, whatever its first column opens on ("vos mauvaises colères vous suggéreront …", a serial carried
    over from the page before). Both the band and the tier hold :data:`BAND_COLUMNS` columns or more (a headline or
    a footer across the page is no tier of columns), each column of the band :data:`TIER_BAND_LINES` lines of text
    or more (a railway timetable's boxes, a few lines each, make rows of a table, no band of running text);
    horizontal pages only, blocks with text and a box."""
    counts = [sum(1 for ln in b.lines if ln.text.strip()) for b in blocks]
    boxed = [(bx, k) for k, b in enumerate(blocks) if counts[k] and (bx := block_box(b)) is not None]
    by_index = {k: bx for bx, k in boxed}
    bands = _gaps([(bx[1], bx[3], k) for bx, k in boxed], tol)
    out: set[str] = set()
    for above, below in zip(bands, bands[1:], strict=False):
        tier = _gaps([(by_index[k][0], by_index[k][2], k) for k in below], tol)
        columns = _gaps([(by_index[k][0], by_index[k][2], k) for k in above], tol)
        full = all(sum(counts[k] for k in col) >= TIER_BAND_LINES for col in columns)
        if len(tier) >= BAND_COLUMNS and full and _ruled_band(above, below, by_index, False, tol):
            out.add(blocks[min(below)].id)
    return out


#: each column of a band of running text over a tier holds this many lines at least
TIER_BAND_LINES = 8


def _loose_cut(boxes: list[tuple[Box, int]], vertical: bool, wide: float) -> list[list[int]]:
    """The primary cut (columns; tiers on a vertical page) with boxes allowed to overlap by ``wide`` each side."""
    if vertical:
        return _gaps([(b[1], b[3], i) for b, i in boxes], wide)
    return _gaps([(b[0], b[2], i) for b, i in boxes], wide)


def _by_position(boxes: list[tuple[Box, int]], vertical: bool) -> list[int]:
    key = _vertical_position if vertical else _horizontal_position
    return [i for _, i in sorted(boxes, key=key)]


def _xy_cut(boxes: list[tuple[Box, int]], vertical: bool, tol: float, depth: int = 0) -> list[int]:
    """Indices of ``boxes`` in reading order by recursive XY-cut."""
    if len(boxes) <= 1 or depth > 60:
        return [i for _, i in boxes]
    by_index = {i: b for b, i in boxes}

    def cut_x() -> list[list[int]]:
        groups = _gaps([(b[0], b[2], i) for b, i in boxes], tol)
        if vertical:
            groups.reverse()  # vertical-rl: columns right to left
        return groups

    def cut_y() -> list[list[int]]:
        return _gaps([(b[1], b[3], i) for b, i in boxes], tol)

    def cut_first(items: list[int]) -> int:
        """How many groups the primary cut makes of ``items``."""
        if vertical:
            return len(_gaps([(by_index[i][1], by_index[i][3], i) for i in items], tol))
        return len(_gaps([(by_index[i][0], by_index[i][2], i) for i in items], tol))

    def bands() -> list[list[int]]:
        # Only cut across where something spans the columns or a band of columns ends at one
        # foot: neighbouring bands that together still split into columns belong together
        # (their cut was a chance alignment of block ends, not a break in the flow).
        # A band's columns are counted under the last tier set across some of them (a footnote or heading
        # merged above them): that tier would join the columns it spans into one.
        merged: list[list[int]] = []
        columns: list[int] = []  # the blocks of merged[-1] from its last tier of columns on
        for g in second():
            if merged and cut_first(merged[-1] + g) > 1 and not _ruled_band(columns, g, by_index, vertical, tol):
                spanned = cut_first(merged[-1] + g) < cut_first(g)
                merged[-1] = merged[-1] + g
                columns = g if spanned else columns + g
            else:
                merged.append(g)
                columns = g
        return merged

    first, second = (cut_y, cut_x) if vertical else (cut_x, cut_y)
    groups = first()
    if len(groups) == 1 or (len(groups) >= BAND_COLUMNS and not vertical):
        across = bands()
        if len(groups) == 1 or len(across) > 1:
            groups = across
    if len(groups) == 1:
        # blocks overlap in both directions: a heading's line boxed a little into the next column (microfilm OCR)
        # still leaves the columns apart when an overlap of up to three quarters of a line is taken as noise
        groups = _loose_cut(boxes, vertical, OVERLAP_TOL * tol)
    if len(groups) == 1:
        return _by_position(boxes, vertical)  # no clean cut: fall back to position
    out: list[int] = []
    for g in groups:
        out.extend(_xy_cut([(by_index[i], i) for i in g], vertical, tol, depth + 1))
    return out


#: below this drift of the left edge per unit of height a scan is taken as straight
MIN_SKEW = 0.003


def _skew(blocks: Sequence[Block]) -> float:
    """How far a column's left edge drifts right per pixel down the page (a skewed scan), or 0.

    Measured on the flush-left lines of every long block (their left edges within half an em of
    the block's usual edge), by least squares; the median over the blocks.
    """
    slopes: list[float] = []
    for b in blocks:
        boxes = [ln.box for ln in b.lines if ln.box is not None and ln.text.strip()]
        if len(boxes) < 10:
            continue
        em = sorted(bx[3] - bx[1] for bx in boxes)[len(boxes) // 2]
        edge = sorted(bx[0] for bx in boxes)[len(boxes) // 4]
        pts = [((bx[1] + bx[3]) / 2, bx[0]) for bx in boxes if abs(bx[0] - edge) <= 0.5 * em]
        if len(pts) < 8:
            continue
        my = sum(y for y, _ in pts) / len(pts)
        mx = sum(x for _, x in pts) / len(pts)
        var = sum((y - my) ** 2 for y, _ in pts)
        if var > 0:
            slopes.append(sum((y - my) * (x - mx) for y, x in pts) / var)
    if not slopes:
        return 0.0
    slope = sorted(slopes)[len(slopes) // 2]
    return slope if abs(slope) >= MIN_SKEW else 0.0


def _deskewed_box(block: Block, slope: float) -> Box | None:
    """The block's lines' union with the skew taken out (x shifted back by ``slope`` times y)."""
    boxes = [ln.box for ln in block.lines if ln.box is not None]
    if not boxes:
        return block_box(block)
    shifted = [(b[0] - slope * (b[1] + b[3]) / 2, b[1], b[2] - slope * (b[1] + b[3]) / 2, b[3]) for b in boxes]
    return _union(shifted)


def reading_order(page: Page) -> list[Block]:
    """The page's blocks in reading order: the source's order when complete, else by XY-cut."""
    blocks = list(page.blocks)
    if not blocks:
        return []
    if all(b.order is not None for b in blocks):
        return _tables_in_place(sorted(blocks, key=lambda b: (b.order if b.order is not None else 0)))
    vertical = page.vertical or (sum(1 for b in blocks if b.vertical) > len(blocks) / 2)
    if all(b.order is not None or _is_rule(b) for b in blocks):
        # a source order for every block but its rules (PAGE leaves separators out of it): the rules go
        # where they lie, between the blocks of their column
        ordered = sorted((i for i, b in enumerate(blocks) if b.order is not None), key=lambda i: blocks[i].order or 0)
        boxes = {i: bx for i in ordered if (bx := block_box(blocks[i])) is not None}
        rules = [(bx, i) for i, b in enumerate(blocks) if b.order is None and (bx := block_box(b)) is not None]
        _insert_silent(ordered, boxes, rules, vertical)
        return _tables_in_place([blocks[i] for i in ordered])
    placed: list[tuple[Box, int]] = []
    unplaced: list[int] = []
    silent: list[tuple[Box, int]] = []
    slope = 0.0 if vertical else _skew(blocks)
    for i, b in enumerate(blocks):
        box = _deskewed_box(b, slope) if slope else block_box(b)
        if box is None:
            unplaced.append(i)
        elif not any(ln.text.strip() for ln in b.lines):
            # rules, separators and pictures carry no text: they would glue columns together
            silent.append((box, i))
        else:
            placed.append((box, i))
    size = typical_size([ln for b in blocks for ln in b.lines], vertical) or 10.0
    order = _xy_cut(placed, vertical, tol=size * 0.5)
    boxes = {i: box for box, i in placed}
    _insert_silent(order, boxes, silent, vertical)
    # blocks without a box keep their source order, at the end
    return [blocks[i] for i in order] + [blocks[i] for i in unplaced]


#: a table has at least this many cells listed after all the page's text before its cells are moved
MIN_TABLE_CELLS = 4
#: cells of one table lie within this many (median) cell heights of the table grown so far
CELL_GAP = 1.5


def _has_text(block: Block) -> bool:
    return any(ln.text.strip() for ln in block.lines)


def _tables_in_place(blocks: list[Block]) -> list[Block]:
    """Table cells that the source lists after all the page's other text (the Reichsanzeiger's PAGE files put every
    cell region at the end of the reading order) are read where each table stands: before the first text block
    of its column that starts below the table's top (the signature under it, the next item), its cells row by
    row. A reader reads a notice's table between its title and its signature, not after the last column."""
    last = max((i for i, b in enumerate(blocks) if b.type != "table" and _has_text(b)), default=-1)
    tail = [b for b in blocks[last + 1:] if b.type == "table" and _has_text(b) and block_box(b) is not None]
    if last < 0 or len(tail) < MIN_TABLE_CELLS:
        return blocks
    moved = {id(b) for b in tail}
    out = [b for b in blocks if id(b) not in moved]
    for cells in _cell_groups(tail):
        box = _union([bx for c in cells if (bx := block_box(c)) is not None])
        assert box is not None
        at = next((k for k, b in enumerate(out) if b.type != "table" and _has_text(b) and _under_top(b, box)),
                  len(out))
        out[at:at] = _row_major(cells)
    return out


def _under_top(block: Block, table: Box) -> bool:
    """The block starts below the table's top, in its column (across half the narrower of the two)."""
    bx = block_box(block)
    if bx is None or bx[1] < table[1]:
        return False
    across = min(bx[2], table[2]) - max(bx[0], table[0])
    return across >= 0.5 * min(bx[2] - bx[0], table[2] - table[0])


def _cell_groups(cells: list[Block]) -> list[list[Block]]:
    """The cells in source order cut into tables: a cell farther than CELL_GAP cell heights from the table grown so
    far (the next table of the page, a balance sheet under its receipts) starts another."""
    heights = sorted(bx[3] - bx[1] for c in cells if (bx := block_box(c)) is not None)
    gap = CELL_GAP * heights[len(heights) // 2]
    groups: list[list[Block]] = []
    grown: Box | None = None
    for c in cells:
        bx = block_box(c)
        assert bx is not None
        near = grown is not None and (bx[0] <= grown[2] + gap and bx[2] >= grown[0] - gap
                                      and bx[1] <= grown[3] + gap and bx[3] >= grown[1] - gap)
        if near and grown is not None:
            groups[-1].append(c)
            grown = (min(grown[0], bx[0]), min(grown[1], bx[1]), max(grown[2], bx[2]), max(grown[3], bx[3]))
        else:
            groups.append([c])
            grown = bx
    return groups


def _cell_columns(boxed: list[tuple[Box, Block]]) -> list[list[tuple[Box, Block]]]:
    """The cells (in source order) cut into columns: a run of cells each overlapping the one before across at
    least half the narrower of the two, each run sorted top to bottom, the runs left to right. Half, not any: a
    cell's box often reaches a few pixels into the next column's (Reichsanzeiger 1877), and two columns read as
    one made every cell a row of its own."""
    runs: list[list[tuple[Box, Block]]] = []
    for bx, c in boxed:
        if runs and _same_column(bx, runs[-1][-1][0]):
            runs[-1].append((bx, c))
        else:
            runs.append([(bx, c)])
    runs = [sorted(run, key=lambda t: t[0][1] + t[0][3]) for run in runs]
    return sorted(runs, key=lambda run: run[0][0][0])


def _same_column(a: Box, b: Box) -> bool:
    """Two cells of one column: they overlap horizontally across at least half the narrower one's width."""
    return min(a[2], b[2]) - max(a[0], b[0]) >= 0.5 * min(a[2] - a[0], b[2] - b[0])


def _row_pitch(columns: list[list[tuple[Box, Block]]]) -> float:
    """The distance between two rows of the table: the median step between the middles of a column's cells."""
    steps = sorted((b[1] + b[3] - a[1] - a[3]) / 2 for run in columns
                   for (a, _), (b, _) in zip(run, run[1:], strict=False))
    steps = [d for d in steps if d > 0]
    if steps:
        return steps[len(steps) // 2]
    heights = sorted(bx[3] - bx[1] for run in columns for bx, _ in run)
    return heights[len(heights) // 2] if heights else 1.0


def _row_major(cells: list[Block]) -> list[Block]:
    """A table's cells row by row, each row left to right. Column by column from the left, a cell joins the row
    whose last cell's middle is nearest its own (within half a row's pitch; the row follows the scan's skew from
    column to column, and a cell box taller than the pitch does not merge rows), else it starts a row."""
    boxed = [(bx, c) for c in cells if (bx := block_box(c)) is not None]
    columns = _cell_columns(boxed)
    rows = _Rows(0.5 * _row_pitch(columns))
    for column in columns:
        taken: set[int] = set()
        for bx, c in column:
            taken.add(rows.place((bx[1] + bx[3]) / 2, (bx, c), taken))
    return [c for row in rows.in_order() for _, c in sorted(row, key=lambda t: t[0][0])]


class _Rows:
    """The rows of a table being read, kept sorted by their last cell's middle, so that a cell is measured only
    against the rows within ``tol`` of it (bisection), not against every row: a table listed row by row is as
    many column runs as cells, and comparing each with every row was quadratic in the table's size."""

    def __init__(self, tol: float) -> None:
        self.tol = tol
        self.by_middle: list[tuple[float, int]] = []  # (last middle, row), sorted
        self.first: list[float] = []  # each row's first middle: the rows' order on the page
        self.cells: list[list[tuple[Box, Block]]] = []

    def place(self, mid: float, cell: tuple[Box, Block], taken: set[int]) -> int:
        """Put the cell in the nearest row not ``taken`` (ties: the older row) or a new one; return the row."""
        slack = self.tol * 1e-9 + 1e-9  # the window a hair wider than tol; the test below is the exact one
        lo = bisect.bisect_left(self.by_middle, (mid - self.tol - slack, -1))
        hi = bisect.bisect_right(self.by_middle, (mid + self.tol + slack, len(self.cells)))
        near = [(d, k, at) for at in range(lo, hi)
                if (k := self.by_middle[at][1]) not in taken and (d := abs(self.by_middle[at][0] - mid)) <= self.tol]
        if near:
            _, k, at = min(near)
            del self.by_middle[at]
        else:
            k = len(self.cells)
            self.first.append(mid)
            self.cells.append([])
        bisect.insort(self.by_middle, (mid, k))
        self.cells[k].append(cell)
        return k

    def in_order(self) -> list[list[tuple[Box, Block]]]:
        """The rows top to bottom, by their first cell's middle (the older row first when two are level)."""
        return [self.cells[k] for k in sorted(range(len(self.cells)), key=self.first.__getitem__)]


def _is_rule(block: Block) -> bool:
    """A block with no text that is no picture's region: a rule or separator."""
    return block.type in RULE_TYPES and not any(ln.text.strip() for ln in block.lines)


def _insert_silent(order: list[int], boxes: dict[int, Box], silent: list[tuple[Box, int]], vertical: bool) -> None:
    """Blocks without text (rules, separators, pictures) put into ``order`` where they lie: before the first
    text block of the same column that starts below them."""
    for box, i in sorted(silent, key=lambda t: (t[0][1], t[0][0])):
        at = len(order)
        for k, j in enumerate(order):
            other = boxes.get(j)
            if other is None:
                continue
            if vertical:
                same = min(other[3], box[3]) > max(other[1], box[1])
                after = other[2] <= box[2]
            else:
                same = min(other[2], box[2]) > max(other[0], box[0])
                after = other[1] >= box[1]
            if same and after:
                at = k
                break
        order.insert(at, i)
        boxes[i] = box


# --------------------------------------------------------------------------- reflow inside blocks


def _pieces(lines: Sequence[Line]) -> list[Piece]:
    return [Piece(ln.id, ln.text, ln.hyphenated) for ln in lines]


def block_part(block: Block, role: str) -> Part:
    """All lines of ``block`` reflowed into one part of ``role`` (CJK joins, Latin de-hyphenation)."""
    keep = role in ("headline", "kicker", "subheadline", "byline", "section-heading")
    return reflow(role, _pieces(block.lines), keep_word_spaces=keep)


def lines_part(lines: Sequence[Line], role: str) -> Part:
    """Like :func:`block_part` for any run of lines."""
    keep = role in ("headline", "kicker", "subheadline", "byline", "section-heading")
    return reflow(role, _pieces(lines), keep_word_spaces=keep)


def block_paragraphs(block: Block, role: str = "paragraph", vertical: bool = False) -> list[Part]:
    """The block's lines as one part per paragraph (paragraph breaks from geometry)."""
    lines = [ln for ln in block.lines if ln.text.strip()]
    if not lines:
        return []
    starts = paragraph_starts(lines, vertical or block.vertical) + [len(lines)]
    parts = []
    for a, b in zip(starts, starts[1:], strict=False):
        part = lines_part(lines[a:b], role)
        if part.text.strip():
            parts.append(part)
    return parts


# --------------------------------------------------------------------------- articles


def _weighted_median(weights: list[tuple[float, int]]) -> float:
    """The value most of the weight sits at: the size most of the page's characters are set in."""
    if not weights:
        return 0.0
    weights = sorted(weights)
    half = sum(w for _, w in weights) / 2
    acc = 0
    for value, w in weights:
        acc += w
        if acc >= half:
            return value
    return weights[-1][0]


#: a one-character word this many times taller than the line's other words, or this many of their heights away
#: from its neighbour at the line's start or end, is a stray mark (a column rule, a speck), not type
STRAY_HEIGHT = 1.5
STRAY_GAP = 3.0
#: a word with two word characters or more (a stray mark has fewer)
TWO_WORD_CHARS = re.compile(r"\w\W*\w")


def _typeset_box(line: Line) -> Box | None:
    """The line's box without the stray marks microfilm OCR reads as one-letter words ("I", "i"): a column rule's
    box spanning several lines or boxed three line heights wide ("1" over the rule left of "as District Share."),
    or a speck far left of the text. The line's own box when it has none."""
    if line.box is None or len(line.words) < 2:
        return line.box
    words = [w for w in line.words if w.box is not None]
    short = [TWO_WORD_CHARS.search(w.text) is None for w in words]
    if len(words) < 2 or not any(short):
        return line.box  # only a word of one letter or mark can be a stray
    core = sorted(w.box[3] - w.box[1] for w, s in zip(words, short, strict=True) if w.box is not None and not s)
    if not core:
        return line.box
    typical = core[len(core) // 2]

    def stray(k: int) -> bool:
        box = words[k].box
        assert box is not None
        if not short[k]:
            return False
        if box[3] - box[1] > STRAY_HEIGHT * typical or box[2] - box[0] > STRAY_GAP * typical:
            return True  # taller than the line, or wider than any one letter: a rule's box, not a word
        nxt = words[k + 1].box if k == 0 else words[k - 1].box if k == len(words) - 1 else None
        return nxt is not None and max(nxt[0] - box[2], box[0] - nxt[2]) > STRAY_GAP * typical

    kept = [w.box for k, w in enumerate(words) if not stray(k) and w.box is not None]
    if len(kept) == len(words) or not kept:
        return line.box
    return (min(b[0] for b in kept), min(b[1] for b in kept), max(b[2] for b in kept), max(b[3] for b in kept))


def _extent(line: Line, vertical: bool) -> float:
    """A line's height (width on vertical pages) as its type sets it: its box without stray marks."""
    box = None if vertical else _typeset_box(line)
    return box[3] - box[1] if box is not None else line_extent(line, vertical)


def _pitch(line: Line) -> float:
    """Width per character of a horizontal line (grows with the type size, unlike a noisy box height): over its
    words where the source boxes them, leaving out the whitespace between them (a table row's figures set at
    the column's far edge, a speck far left of the text, would widen the line's box)."""
    text = line.text.strip()
    box = _typeset_box(line)
    if box is None or len(text) < 3:
        return 0.0
    words = [w for w in line.words if w.box is not None and box[0] <= w.box[0] and w.box[2] <= box[2]]
    chars = sum(len(w.text) for w in words)
    if len(words) >= 2 and chars >= 3:
        return sum(w.box[2] - w.box[0] for w in words if w.box is not None) / chars
    return (box[2] - box[0]) / len(text)


#: a line declared larger than the body must be set this much taller, or this much wider per character, than the
#: body by its box too (the ratio the geometry alone asks of a line's height, :data:`HEADLINE_RATIO`)
GEOMETRY_AGREES = 1.3


#: a short rule between two items as the OCR reads it ("-o-", "—", "-.-", "=="): two dashes or more, maybe an o or
#: dots, nothing else
RULE_TEXT = re.compile(r"^(?=(?:.*[-—–=_]){2})[-—–=_.·•oO ]{2,9}$")
#: a page with this many such rules or more rules off its items (a house style: a rule over every item's head)
RULED_PAGE = 3


@dataclass
class _Sizes:
    """How the page measures type: by font size where most lines have one, else by line extent.

    ``height`` and ``pitch`` are the body's line height and width per character: the geometry a
    declared size or a tall box must agree with before a line counts as display type.
    """

    body: float
    use_font: bool
    vertical: bool
    height: float = 0.0
    pitch: float = 0.0
    #: the page parts its items by short rules the OCR read as text (:data:`RULED_PAGE` of them or more)
    ruled: bool = False
    #: the OCR cut the page's columns into slices at arbitrary heights (:func:`_sliced_columns`)
    sliced: bool = False
    #: the page's adverts close on dated insertion keys (:data:`INSERTION_KEYS_MIN` of them or more)
    keyed: bool = False
    #: how far the boxes of two lines in a row usually overlap (microfilm OCR boxes a line taller than its pitch),
    #: 0 where they do not (:func:`_box_overlap`)
    overlap: float = 0.0

    def of_line(self, line: Line, block: Block) -> float:
        if self.use_font:
            return float(line.font_size or block.font_size or 0.0)
        return _extent(line, self.vertical)

    def geometry_agrees(self, line: Line) -> bool:
        """The line's box says it is set larger than the body: taller, or wider per character.

        OCR declares noisy sizes (body lines alternating two sizes) and draws noisy boxes (a
        descender, a skewed line); display type is both taller and wider per character.
        """
        if self.vertical or line.box is None or self.height <= 0 or self.pitch <= 0:
            return True
        tall = _extent(line, False) / self.height
        wide = _pitch(line) / self.pitch
        if self.use_font:
            return tall >= GEOMETRY_AGREES or wide >= GEOMETRY_AGREES
        return wide >= 1.1 or (tall >= 1.6 and wide == 0.0)


def _page_sizes(page: Page, blocks: Sequence[Block], vertical: bool) -> _Sizes:
    lines = [(ln, b) for b in blocks for ln in b.lines if ln.text.strip()]
    with_font = [(ln.font_size or b.font_size) for ln, b in lines if (ln.font_size or b.font_size)]
    use_font = bool(lines) and len(with_font) >= 0.6 * len(lines)
    if use_font and len(set(with_font)) == 1:
        use_font = False  # one declared size for every line (NDNP/iArchives) says nothing: the geometry does
    weights: list[tuple[float, int]] = []
    heights: list[tuple[float, int]] = []
    pitches: list[tuple[float, int]] = []
    for ln, b in lines:
        size = float(ln.font_size or b.font_size or 0.0) if use_font else _extent(ln, vertical)
        n = max(1, len(ln.text.strip()))
        if size > 0:
            weights.append((size, n))
        if not vertical and ln.box is not None and n >= 8:
            heights.append((_extent(ln, False), n))
            pitches.append((_pitch(ln), n))
    ruled = sum(1 for ln, _ in lines if RULE_TEXT.match(ln.text.strip())) >= RULED_PAGE
    height = _weighted_median(heights)
    keyed = not vertical and sum(1 for ln, _ in lines if _insertion_key(ln.text)) >= INSERTION_KEYS_MIN
    return _Sizes(_weighted_median(weights), use_font, vertical, height, _weighted_median(pitches), ruled,
                  not vertical and _sliced_columns(blocks, height), keyed, 0.0 if vertical else _box_overlap(blocks))


def _box_overlap(blocks: Sequence[Block]) -> float:
    """How far the boxes of two lines in a row of one block usually overlap (the median over the page; 0 where the
    median gap is whitespace): what a gap measured from box to box must be corrected by to tell whitespace."""
    gaps = sorted(b.box[1] - a.box[3] for blk in blocks for a, b in zip(blk.lines, blk.lines[1:], strict=False)
                  if a.box is not None and b.box is not None and b.box[1] > a.box[1])
    return max(0.0, -gaps[len(gaps) // 2]) if gaps else 0.0


#: a page whose columns the OCR sliced tells so over this many pairs of text blocks one under the other or more ...
SLICED_PAIRS = 12
#: ... this share of them or more cut in mid-sentence
SLICED_SHARE = 0.6
#: a slice of a column holds this many lines or more (fewer: a heading or a stray box)
SLICE_LINES = 3
#: a block stands right under the one above it when its top is at most this many line heights below its foot
SLICE_GAP = 2.0


def _sliced_columns(blocks: Sequence[Block], height: float) -> bool:
    """The OCR cut the page's columns into slices at arbitrary heights (microfilm OCR of a page of classified adverts:
    73 blocks of 10-30 lines, Evening Star 1865), not into paragraphs or items: of the pairs of text blocks in reading
    order that stand one right under the other in a column (:data:`SLICED_PAIRS` or more), most
    (:data:`SLICED_SHARE`) are cut in mid-sentence, the upper one ending on a broken word or with no stop. Each slice
    then holds pieces of several items, parted only by what its lines show, like a block as high as a column."""
    texts = [b for b in blocks if b.box is not None and sum(1 for ln in b.lines if ln.text.strip()) >= SLICE_LINES]
    pairs = cut = 0
    for a, b in zip(texts, texts[1:], strict=False):
        assert a.box is not None and b.box is not None
        if not _column_overlap(a.box, b.box) or b.box[1] < a.box[1] or b.box[1] - a.box[3] > SLICE_GAP * height:
            continue
        last = a.lines[-1]
        pairs += 1
        cut += last.hyphenated or last.text.rstrip().endswith(_LINE_END_HYPHENS) or not last.text.rstrip().endswith(
            _SENTENCE_END)
    return height > 0 and pairs >= SLICED_PAIRS and cut >= SLICED_SHARE * pairs


def _is_display(sizes: _Sizes, line: Line, block: Block) -> bool:
    if sizes.body <= 0:
        return False
    s = sizes.of_line(line, block)
    big = s >= (HEADLINE_FONT_RATIO if sizes.use_font else HEADLINE_RATIO) * sizes.body
    if big and sizes.geometry_agrees(line):
        return True
    if not sizes.use_font:
        return False
    return s > sizes.body and _boxed_larger(sizes, line) or _display_by_geometry(sizes, line)


#: a line declared larger than the body by less than :data:`HEADLINE_FONT_RATIO` is display when its box is this
#: much wider per character than the body's too (and :data:`HEADLINE_RATIO` taller)
BOXED_WIDER = 1.1


def _boxed_larger(sizes: _Sizes, line: Line) -> bool:
    """A line declared a step above the body (9 over 8 points) and boxed as display type by the measure a page
    without sizes uses (1.3x the body's height, wider per character) is display: the declared size and the
    geometry agree it is larger, though neither alone would say enough. A byline so set ("De Mathilde ALANIC")
    stays a byline, and a fragment without two words ("1frck") heads nothing."""
    if sizes.vertical or line.box is None or sizes.height <= 0 or sizes.pitch <= 0:
        return False
    text = line.text.strip()
    if len(_words(text)) < 2 or LATIN_BYLINE.match(text):
        return False
    return _extent(line, False) >= HEADLINE_RATIO * sizes.height and _pitch(line) >= BOXED_WIDER * sizes.pitch


#: a heading set at the body's height but this many times as wide per character (letter-spaced, or a wider face)
SPACED_PITCH = 1.8
#: ... and at most this many characters
SPACED_CHARS = 40


def _spaced_heading(sizes: _Sizes, line: Line) -> bool:
    """On a page that declares no sizes, a short line in capitals or Title Case set about twice as wide per
    character as the body is display type, though no taller: nineteenth-century rubrics are letter-spaced at
    the body's height ("O n d e r w i j s." on KB 1876), which only a declared size told before. Width per
    character is measured over the words' own boxes (:func:`_pitch`), so a justified line's wide spaces or a
    short last line do not count; a line the source boxes only as a whole (a table's row, its figures set at the
    column's far edge) tells nothing, nor does a row of figures."""
    if sizes.vertical or line.box is None or sizes.pitch <= 0 or line.type is not None:
        return False
    text = line.text.strip()
    if not 3 <= len(text) <= SPACED_CHARS or not any(w.box is not None for w in line.words):
        return False
    if _digit_share(text) >= HEAD_DIGITS or _pitch(line) < SPACED_PITCH * sizes.pitch:
        return False
    return _headline_case(text) or _caps_line(text)


#: a line this many times the body's height, and this many times wider per character, is display type whatever
#: size the source declares for it
GEOMETRY_TALL = 1.8
GEOMETRY_WIDE = 1.3


def _display_by_geometry(sizes: _Sizes, line: Line) -> bool:
    """Microfilm OCR declares noisy sizes: a headline given the body's size is still set far taller and wider
    per character than the body, in capitals or Title Case ("IMPORTANCE OF THE …"). Both measures must agree:
    a speck stretches a box's height, not the width of its words."""
    if sizes.vertical or line.box is None or sizes.height <= 0 or sizes.pitch <= 0 or line.type is not None:
        return False
    text = line.text.strip()
    tall = _extent(line, False) >= GEOMETRY_TALL * sizes.height
    wide = _pitch(line) >= GEOMETRY_WIDE * sizes.pitch
    return tall and wide and len(_words(text)) >= 1 and (_headline_case(text) or _caps_line(text))


#: capitals set this much wider per character than the body are heading type (even at the body's size)
CAPS_PITCH = 1.25


def _centred_heading_block(lines: Sequence[Line], below: Block | None, em: float) -> bool:
    """A block of its own holding one short line at body size (or two: a rubric over an item's heading,
    "Politisches." / "Bismarck Pläne."), centred over the text block under it, in capitals or Title Case
    ("Tagung des Deutschen Fußball-Bundes."): a headline or deck set in body type. Bylines set the same way
    ("Von Edmund Scharein.") and a table's heading are not."""
    if not 1 <= len(lines) <= 2 or below is None or len([ln for ln in below.lines if ln.text.strip()]) < 2:
        return False
    bx = block_box(below)
    if bx is None or not all(_centred_heading_line(line, bx, em) for line in lines):
        return False
    # the first lines with a word: a dateline the OCR garbled to "W a 2 7" is no table row
    rows = [ln.text for ln in below.lines if ln.text.strip() and not is_ocr_fragment(ln.text)]
    # over a table ("PRICE OF GRAIN ON BOARD SHIP" over its rows) a centred line heads the table, not an item; a
    # line of prose naming dates ("Fra den 8 til 13 Junii 1795 har …") over more prose, most of the block, is no table
    return not rows or not is_tabular(rows[0]) or 2 * sum(1 for row in rows if is_tabular(row)) < len(rows)


#: a dispatch's headline set over its dateline in a block of its own: its lines at least this many times the body's
#: line height
DISPATCH_HEAD_HEIGHT = 1.2


def _centred_head_over_dateline(lines: Sequence[Line], below: Block | None, sizes: _Sizes, em: float) -> bool:
    """A block of its own of one to three lines, centred over the block under it (one short of both edges, the others
    so or as far in from each, within an em) and set taller than the body
    (:data:`DISPATCH_HEAD_HEIGHT`), none breaking off on a comma or a hyphen, over a block opening on a dateline
    proper: the dispatch's headline, in sentence case as French dailies set them, a quotation too ("« Nous ne
    rencontrons pas d'opposition" / "politique sérieuse » dit Ebert" over "LONDRES, 16 décembre. …")."""
    first = next((ln for ln in below.lines if ln.text.strip()), None) if below is not None else None
    bx = block_box(below) if below is not None else None
    if not 1 <= len(lines) <= 3 or first is None or bx is None or sizes.height <= 0 or sizes.vertical:
        return False
    if not is_dateline_lead(first.text.strip()):
        return False
    return any(_is_centred(ln, bx[0], bx[2], em) for ln in lines) and all(
        ln.box is not None and ln.type is None and _extent(ln, False) >= DISPATCH_HEAD_HEIGHT * sizes.height
        and not ln.text.rstrip().endswith((",", "-", "\u00ad", "⸗", "¬"))
        and (_is_centred(ln, bx[0], bx[2], em) or _balanced(ln.box, bx, em)) for ln in lines)


def _balanced(box: Box, bx: Box, em: float) -> bool:
    """``box`` stands as far in from both edges of ``bx`` (the text under it), within an em."""
    a, b = box[0] - bx[0], bx[2] - box[2]
    return a >= -0.5 * em and b >= -0.5 * em and abs(a - b) < em


def _sentence_title_block(lines: Sequence[Line], below: Block | None, em: float) -> bool:
    """A block of its own of one to three lines in sentence case, its last line centred over the block under it
    and closed by a full stop, the lines above it centred or as wide as the text, none ending a sentence or breaking
    off, over that text's indented first line: a notice's title as French and Luxembourg papers set it ("Avis aux
    abonnés.", "Avis relatif à la police sanitaire des bêtes" / "à cornes.")."""
    text_below = [ln for ln in below.lines if ln.text.strip() and ln.box is not None] if below is not None else []
    bx = block_box(below) if below is not None else None
    if not 1 <= len(lines) <= 3 or len(text_below) < 2 or bx is None or em <= 0:
        return False
    texts = [ln.text.strip() for ln in lines]
    if (not texts[0][:1].isupper() or not texts[-1].endswith(".") or BYLINE_START.match(texts[0])
            or any(t.endswith((*_SENTENCE_END, ",", "-", "\u00ad", "⸗", "¬")) for t in texts[:-1])):
        return False
    lefts = sorted(ln.box[0] for ln in text_below[1:] if ln.box is not None)
    first = text_below[0].box
    indented = first is not None and MIN_INDENT * em <= first[0] - lefts[len(lefts) // 2] <= MAX_INDENT * em
    return indented and _is_centred(lines[-1], bx[0], bx[2], em) and all(
        ln.type is None and ln.box is not None and (_is_centred(ln, bx[0], bx[2], em) or _balanced(ln.box, bx, em))
        for ln in lines)


def _centred_heading_line(line: Line, bx: Box, em: float) -> bool:
    text = line.text.strip()
    if line.type is not None or len(text) > 60 or text.endswith((",", "-", "\u00ad", "⸗", "¬")):
        return False
    return not BYLINE_START.match(text) and _headline_case(text) and _is_centred(line, bx[0], bx[2], em)


#: a connective set alone between display lines: one or two short words in lower case ("von", "in", "—von-")
CONNECTIVE = re.compile(r"^\W{0,2}[a-zäöüß]{1,5}(?:\s[a-zäöüß]{1,5})?\W{0,3}$")


def _connective(lines: Sequence[Line]) -> bool:
    """One short lower-case line ("von", "in", "bei"): it links the display lines around it (an advert's house
    and its owner: "Lagerbier-Saloon" / "von" / "Nic. Schmitt,"), it is neither a heading nor running text."""
    return len(lines) == 1 and CONNECTIVE.match(lines[0].text.strip()) is not None


def _caps_heading_block(sizes: _Sizes, lines: Sequence[Line]) -> bool:
    """A block of its own holding one or two short lines of wide capitals: a heading set at body size.

    Rubric and report headings ("FRANCE.", "POLICE.", "COURT OF KING'S BENCH.") often share the body's
    declared size or line height; the OCR still sets them apart as a block, and capitals are wider per
    character than the body. A crosshead inside a block of text is not one (it stays in its article).
    """
    if not lines or len(lines) > 2 or sizes.pitch <= 0 or sizes.vertical:
        return False
    text = " ".join(ln.text.strip() for ln in lines)
    letters = [ch for ch in text if ch.isalpha()]
    if len(text) > 60 or len(letters) < 4 or text.endswith(","):
        return False
    if sum(ch.isupper() for ch in letters) < 0.7 * len(letters):
        return False
    measured = [_pitch(ln) for ln in lines if _pitch(ln) > 0]
    return bool(measured) and all(p >= CAPS_PITCH * sizes.pitch for p in measured)


#: punctuation that runs through sentences; display type (headlines) does not carry it
RUNNING_PUNCTUATION = frozenset("、，。；：,;")


#: a paragraph announcing speech or a document to follow inside a report: "據沈供稱" (according to Shen's statement),
#: "略稱" (said, abridged), "內稱", "謂", "云", "如下" (as follows) — at most SPEECH_LEAD_CHARS characters
SPEECH_LEAD = re.compile(r"^(?:[據据].{1,8}?)?(?:[略內内宣聲声供函電电又]?[稱称謂谓曰云]|如下)[：:]?$")
SPEECH_LEAD_CHARS = 10




#: a sentence closed on a modal particle and its stop ("…也可以說是人類脊柱上的特質吧！", "…何必呢？"): the voice of
#: running text, no heading's
SENTENCE_PARTICLE_END = re.compile(r"[吧呢嗎吗麽麼哩啊呀罷]+[！？。!?]+$"
                                   # a classical sentence's last particle, unpunctuated ("當知其爲唐納先生矣")
                                   r"|[矣哉焉]$")


def _breaks_off(flat: str) -> bool:
    """Unpunctuated lines under a headline ending on a particle that links to what follows
    (:data:`RUN_ON_PARTICLES`): running text broken off before a name set apart ("十年前在上海會審工廨時代以外籍律師
    資格執行律務之" / "甘維露" / "（英人而入華籍之者）、…"), the first words of the body, not more of the headline: a
    headline's deck reads whole. (A title opening an item may end on 之 as the verb's object: "…賦詩謝之".)"""
    return len(flat) > 1 and flat[-1] in RUN_ON_PARTICLES


def _titled_and_signed(lines: Sequence[Line]) -> bool:
    """A serial's title and its writer set on one line, a space between ("新游俠傳　張恨水"): the serial's heading in
    one group, so a chapter line under it is the instalment's first (:meth:`_PageCut.serial_chapter`)."""
    return len(lines) == 1 and len(re.split(r"[\s　]+", lines[0].text.strip())) == 2


def _blind_display(lines: Sequence[Line]) -> bool:
    """Display type told by its text alone, for pages that give no sizes and no boxes.

    A few short lines (CJK columns of at most 16 em, a Latin word in them counting half an em a letter; Latin
    lines of at most 40 characters) without the punctuation that runs through sentences: a headline, not body
    text. An item of a numbered list ("（三）第四册已失）") is body.
    """
    if not lines or len(lines) > 6 or LIST_ITEM.match("".join(lines[0].text.split())):
        return False
    if SPEECH.match(flat := "".join("".join(ln.text.split()) for ln in lines)) or CORRESPONDENCE.match(flat):
        return False
    for ln in lines:
        text = "".join(ln.text.split())
        wide = sum(1 for ch in text if is_wide(ch))
        if wide * 2 >= len(text) and em_width(text) > 16 or wide * 2 < len(text) and len(text) > 40:
            return False
    return not any(ch in RUNNING_PUNCTUATION for ln in lines for ch in ln.text)


#: a character's words in quotation marks closed by their own stop ("『她在發脾氣哩！』"): a serial's dialogue, no
#: heading (a title in quotation marks carries no stop inside them: "『西宮春怨』")
SPEECH = re.compile(r"^[『「][^』」]*[！？。!?…][』」]$")
#: a correspondent's credit opening a report ("◉天津特約通信", "▲天津特約通信": special correspondence from Tianjin),
#: with its writer's name in brackets after it or not: the report's first words, no heading
CORRESPONDENCE = re.compile(r"^[◉▲●◘]?\w{1,6}?(?:特約)?通[信訊](?:[（(][^（）()]{1,6}[）)])?$")
#: a numbered item of a list in running text: （三）, (3), 三、 followed by more text
LIST_ITEM = re.compile(r"^(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)(?=.)")


#: a day of the month left of a dateline the OCR garbled ("a 2 7", "2 9 E"), in a line of at most this many
#: characters
GARBLED_DAY = re.compile(r"(?<!\d)(?:[1-9]|[12]\s?\d|3\s?[01])(?!\s?\d)")
GARBLED_DATE_CHARS = 12
#: a lone display line inside a block set smaller than this over the body is a crosshead, not a headline
CROSSHEAD_RATIO = 1.5
#: whitespace above a crosshead in sentence case, in body line heights: French and German papers centre it in about
#: a line (0.8-1.1 on L'Ouest-Éclair 1924), where an item's heading in capitals or Title Case is set off by more
SENTENCE_CROSSHEAD_GAP = 1.3
#: a line boxed at most this many times the body's line height is set at the body's size (pages without sizes)
RUN_IN_HEIGHT = 1.15
#: a display run this close under the text above it (in body line heights) goes on with that text's item
TIGHT_GAP = 0.4
#: a paragraph opening on the formula the current item's text opened on (words closed by a colon within this many
#: characters, this many letters at least) after finished text opens an item of its own: a series of notices
FORMULA_SPAN = 80
FORMULA_LETTERS = 24
#: a headline this many columns wide (the page's typical text block's width) is a banner over a story set below it
BANNER_COLUMNS = 1.8
#: a heading under a banner's span, set at most this share of the banner's size, is one of its story's crossheads
BANNER_CROSSHEAD_SIZE = 0.5
#: the share of such a heading's width that lies under the banner's span (a banner is centred over its columns)
BANNER_SPAN = 0.8
#: ... standing within this many body lines under the story's own text, in its column
BANNER_UNDER_TEXT = 3.0
#: a standfirst under a headline, over the report's dateline, has at most this many characters (five lines)
CHAPEAU_CHARS = 240
#: a display run of at most this many lines closing a block after body text is a signature, not a headline
SIGNATURE_LINES = 2
#: a signature line has at most this many characters ...
SIGNATURE_CHARS = 40
#: ... and starts at least this share of the column's width in from its left edge (set flush right)
SIGNATURE_INSET = 0.3
#: a writer signing a letter off on a blind fold names himself in at most this many characters …
SIGNED_NAME_CHARS = 8
#: … sharing at least this many with the letter's headline (漱六山房致靑鳳書 / 漱六山房主人)
SIGNED_NAME_SHARED = 3
#: the bullet Jing bao sets before a photo's caption and before each signed brief (ECPO transcribes it ◘)
CJK_BULLET = "◘"
#: the filled triangle opening each brief of a 1939 Jing bao news column, and the length of such a brief
CJK_BRIEF = "▲"
NEWS_BRIEF_CHARS = 40
#: a caption is at most this many characters (spaces left out)
CAPTION_CHARS = 30
#: the paper's own notices set in its margins: copyright ("各稿版權均歸本社所有禁止轉載"), advertising rates
#: (廣吿刊例), subscription prices (定報價目, 定報價格), the postal registration, the imprint: page furniture
HOUSE_NOTICE = re.compile(r"版權(?:所有|均歸)|禁止轉載|不許轉載|版权所有|禁止转载|^此處招登(?:廣吿|廣告)"
                          r"|^(?:廣吿|廣告|广告)刊例|^[定訂订][報报][價价][目格]"
                          # the post office's registration (中華郵政特准掛號立券之報紙), the imprint (發行人 … 館址)
                          r"|^[●◘▲■]?中[華华][郵邮]政.{0,12}[掛挂][號号]|中[華华][郵邮]政.{0,8}特准[掛挂][號号]"
                          r"|[發发]行人.{0,40}[館馆]址")
#: an ear of a Chinese masthead, a block holding nothing else: the issue number (第一千三百廿九號), the copy's price
#: (今日一張零售大洋二分四釐), the weekday (星期一), the telephone or telegraph code (◘自動電話一二四二八號◘),
#: the founding year (ESTABLISHED 1919), the office's address (館址漢口路二九九號)
MASTHEAD_EAR = re.compile(r"[◘●]?(?:第[〇○一二三四五六七八九十百千零廿卅0-9]{1,8}[號号]"
                          r"|今日.{0,4}售.{0,12}[分角元釐厘]|星期[一二三四五六日天]"
                          r"|[◘●](?:自動)?電話.{1,16}[號号][◘●]|[◘●]電報掛號.{1,16}[◘●]|ESTABLISHED\d{4}"
                          r"|[館馆社]址.{2,30}[號号]|[A-Za-z]{0,16}[發发]行人[A-Za-z.]{2,30})[◘●]?")
#: ... the title of such a box set as a block of its own (定報價格, 廣吿刊例): the block under it is the box's prices
HOUSE_BOX_TITLE = re.compile(r"^(?:[定訂订][報报][價价][目格]|[廣广][吿告][刊價价][例目])[：:]?$")
#: what the prices under that title hold: money (大洋, 元, 角, 分), postage, per issue, per column, per month
PRICE_MARKS = re.compile(r"大洋|[元角]|郵費|邮费|每[期格月年份]")
#: ... a Latin paper's box of prices opens so ("PRIX DE L'ABONNEMENT.", "ABONNEMENTS", "TERMS OF SUBSCRIPTION")
LATIN_HOUSE_NOTICE = re.compile(r"^(?:PRIX\s+DE\s+L.ABONNEMENT|ABONNEMENTS?\b|CONDITIONS\s+D.ABONNEMENT|"
                                r"TERMS\s+OF\s+SUBSCRIPTION|SUBSCRIPTION\s+(?:RATES|PRICES?)\b|Abonnements-?[Pp]reis|"
                                r"Bezugs-?[Pp]reis|Insertions-?[Gg]ebühr|ABONNEMENTSPRIJS)", re.IGNORECASE)
#: ... and holds at most this many characters (a box, not a notice to subscribers)
HOUSE_NOTICE_CHARS = 600


#: a paper's title set alone in its page margins is at most this many characters (晶報), looked for among a
#: page's first HEAD_BLOCKS blocks
RUNNING_TITLE_CHARS = 6
HEAD_BLOCKS = 6
#: a pen name in brackets under a headline: （丹翁）, （日新）（齋主）
CJK_PEN_NAME = re.compile(r"^(?:[（(][^、，。；（）()]{1,8}[）)])+$")
#: verse closing a column has at least this many characters (a column label over a headline has fewer)
VERSE_CHARS = 12
#: a paragraph beside the paper's title at least this long is an advert's slogan, not the paper's motto
MARGIN_SLOGAN_CHARS = 10


def _decked_story(article: _Draft) -> bool:
    """The article opens on a headline group of :data:`DECKED_STORY_LINES` display lines or more (a headline over
    three decks), each a phrase of news (no writer's name or instalment number in brackets, no mark: a serial's
    title over △井波 / （四） / 捉刀人譔 is no story of the day), and its text so far is its lead alone or a section
    already (the decks announce what the sections under the lead report; a story whose dispatches run on without
    heads ends before the next head)."""
    count = body = 0
    sectioned = False
    lead = ""
    for part in article.parts[:SECTION_LOOKBACK]:  # its heading, lead and sections open it: a bounded look
        text = "".join(part.text.split())
        if part.role in ("headline", "subheadline") and not body:
            if text[:1] in "（(" + CJK_ITEM_MARKS or text[-1:] in "）)" or len(text) < DECKED_DECK_CHARS:
                return False
            count += len({sp.line for sp in part.spans})
        elif part.role == "section-heading":
            sectioned = True
        elif part.role == "paragraph":
            body += 1
            lead = lead or text
    if count < DECKED_STORY_LINES:
        return False
    return sectioned or (body == 1 and not _local_report_closed(lead))


def _local_report_closed(text: str) -> bool:
    """A Chinese report opening on no wire dateline closes on 云 ("so it is said"), the formula ending a local
    report as a whole (…攔截猪販入市云、); a wire dispatch closes so too, and the story's next dispatch may follow
    under a section's head."""
    return not CJK_DATELINE.match(text) and text.rstrip("、，。 ").endswith("云")


def _flat_block(block: Block) -> str:
    return "".join("".join(ln.text.split()) for ln in block.lines)


def _blind(blocks: Sequence[Block]) -> bool:
    """Blocks with neither sizes nor boxes (ECPO without its divs): their text is all there is."""
    return not any(b.box or b.font_size or ln.box or ln.font_size for b in blocks for ln in b.lines)


def _running_titles(pages: Sequence[Page]) -> set[str]:
    """The paper's title set alone in the margin at the head of two pages or more (晶報 in both margins of a
    Jing bao fold), on pages without sizes or boxes: the margin is read first there and its title is no
    headline. What repeats at the head of every page is furniture in any paper; this reads it from the text."""
    seen: dict[str, int] = {}
    for page in pages:
        blocks = [b for b in reading_order(page) if any(ln.text.strip() for ln in b.lines)][:HEAD_BLOCKS]
        if not _blind(blocks):
            continue
        for text in {_flat_block(b) for b in blocks if len(b.lines) == 1}:
            if 0 < len(text) <= RUNNING_TITLE_CHARS:
                seen[text] = seen.get(text, 0) + 1
    return {t for t, n in seen.items() if n >= 2}


def _house_notices(blocks: Sequence[Block], dated: set[str]) -> set[str]:
    """Ids of the blocks holding the paper's own notices (copyright, advertising rates, subscription prices, the
    postal registration, the imprint); ``dated``: the page's date lines (:func:`_date_lines`), which the title
    between the masthead's ears may stand beside."""
    out = set()
    titled = False  # the block before was a box's title alone
    for b in blocks:
        text = "".join("".join(ln.text.split()) for ln in b.lines)
        if not text:
            continue
        first = " ".join(next((ln.text.split() for ln in b.lines if ln.text.strip()), []))
        if (HOUSE_NOTICE.search(text) or MASTHEAD_EAR.fullmatch(text) or _house_slogan(text)
                or (len(text) <= HOUSE_NOTICE_CHARS and LATIN_HOUSE_NOTICE.match(first))
                or titled and len(text) <= HOUSE_NOTICE_CHARS and PRICE_MARKS.search(text)):
            out.add(b.id)
        titled = HOUSE_BOX_TITLE.match(text) is not None
    return out | _between_ears(blocks, out | dated)


def _house_slogan(text: str) -> bool:
    """The paper's own slogan set in its margin: one short unpunctuated paragraph opening on the paper itself (本報,
    "this paper": "本報忠實報道新聞說人人要說的話…", "本報具有廿一年的歷史是小型報紙鼻祖…"); a report citing the paper
    ("本報訊、…", "本報前載…") runs on in punctuated sentences."""
    return (HOUSE_SLOGAN.match(text) is not None and len(text) <= HOUSE_SLOGAN_CHARS
            and not any(ch in RUNNING_PUNCTUATION for ch in text))


#: how the paper's own slogan opens, and at most how long it runs
HOUSE_SLOGAN = re.compile(r"^本[報报]")
HOUSE_SLOGAN_CHARS = 40
#: the paper's title between the ears of its masthead is at most this many characters (晶報, THE CRYSTAL)
MASTHEAD_TITLE_CHARS = 24


def _between_ears(blocks: Sequence[Block], ears: set[str]) -> set[str]:
    """Short blocks set between two of the paper's own notices or date lines (or first on the page, before one):
    the title of the masthead among its ears (THE CRYSTAL / 定報價格 …, 今日一張售大洋二分 / 晶報 /
    第一百三十六號), not the headline of the advert under them."""
    texts = [(b.id, "".join("".join(ln.text.split()) for ln in b.lines)) for b in blocks]
    texts = [(bid, t) for bid, t in texts if t]
    out = set()
    for k, (bid, text) in enumerate(texts):
        before = k == 0 or texts[k - 1][0] in ears
        after = k + 1 < len(texts) and texts[k + 1][0] in ears
        if (bid not in ears and before and after and len(text) <= MASTHEAD_TITLE_CHARS
                and not any(ch in RUNNING_PUNCTUATION for ch in text)):
            out.add(bid)
    return out


#: a photographer's or donor's credit in a caption ("（明媚贈）", "（卡爾生攝）") and the marks framing a caption
CAPTION_CREDIT = re.compile(r"[（(][^（）()]*[）)]")
CAPTION_FRAME = "◘◀▶⋯…"


def _longest_shared(short: str, text: str) -> int:
    """The length of the longest run of ``short``'s characters that occurs in ``text``."""
    best = 0
    for i in range(len(short)):
        j = i + best + 1
        while j <= len(short) and short[i:j] in text:
            best, j = j - i, j + 1
    return best


def _blind_caption(lines: Sequence[Line], then: str | None = None) -> bool:
    """A photo's caption told by its text alone: the bullet (or a ◀…▶ frame) opening one or two short lines
    without the punctuation that runs through sentences ("◘全國運動會大門◘" / "（程久康自杭州寄）"). A bullet before
    running text opens a brief instead (:func:`_opens_brief`). Where the paragraph after is known (``then``), the
    bullet is closed (:func:`_bullet_closed`)."""
    text = "".join("".join(ln.text.split()) for ln in lines)
    framed = (text.startswith(CJK_BULLET) and (then is None or _bullet_closed(text, then))
              or (text.startswith("◀") and "▶" in text)  # ◀上海名妓飛雲▶ (1920)
              or len(text) > 2 and text[0] == text[-1] == "▲")  # ▲梅蘭芳之戲裝▲ (a brief's ▲ runs on, unclosed)
    # signed by its photographer ("…表演指導各種消防方法（順麟攝）"): a caption however long its legend runs
    short = (len(lines) <= 2 and len(text) <= CAPTION_CHARS or PHOTO_CREDIT.search(text) is not None
             or _bulleted_columns(lines))
    return framed and short and len(text) <= LONG_CAPTION_CHARS and not any(ch in RUNNING_PUNCTUATION for ch in text)


#: a caption set with the bullet at the head of each of its columns has at most this many columns
BULLETED_CAPTION_LINES = 4


def _bulleted_columns(lines: Sequence[Line]) -> bool:
    """A caption set with the bullet at the head of each of its short columns ("◘盛蘋臣七公" / "◘子與魏秀琦" /
    "◘夫人補行婚" / "◘禮紀念儷影"), no longer than a caption without them: a caption however many its columns."""
    texts = ["".join(ln.text.split()) for ln in lines]
    return (2 < len(texts) <= BULLETED_CAPTION_LINES and all(t.startswith(CJK_BULLET) for t in texts)
            and len("".join(texts).replace(CJK_BULLET, "")) <= CAPTION_CHARS)


def _bullet_closed(text: str, then: str) -> bool:
    """The bullet opening ``text`` is closed by another or by the credit, in ``text`` or in a short paragraph after
    it that finishes the caption (``then``: "◘華洋電話發達之" / "障碍物◘"). A title the bullet opens runs on
    unclosed over its text ("◘致大雄書" / "辱書敬悉、…") or over its writer's name alone in parentheses
    ("◘再復馬二" / "（寒雲）")."""
    return _closes_caption(text[1:]) or (len(then) <= CAPTION_CHARS and _closes_caption(then)
                                         and CAPTION_CREDIT.fullmatch(then) is None)


def _caption_runs_on(text: str, then: str) -> bool:
    """A caption opened by the bullet and left open (``text``: "◘華洋電話發達之") runs on into the short paragraph
    after it that closes the bullet (``then``: "障碍物◘"), not a credit in brackets alone: one caption set over two
    lines."""
    return (text.startswith(CJK_BULLET) and not _closes_caption(text[1:]) and CJK_BULLET in then
            and len(then) <= CAPTION_CHARS and CAPTION_CREDIT.fullmatch(then) is None)


def _closes_caption(text: str) -> bool:
    """``text`` closes a caption: it holds the closing bullet, or ends on a credit in parentheses ((久康)) before
    the placeholder of a glyph the transcriber could not read."""
    return CJK_BULLET in text or text.rstrip("〓").endswith(("）", ")"))


#: a photographer's credit closing a caption: （順麟攝）, （卡爾生攝）
PHOTO_CREDIT = re.compile(r"[（(][^（）()]{1,8}攝[）)]$")
#: a caption signed so runs to at most this many characters
LONG_CAPTION_CHARS = 60


#: what a Chinese advert's copy carries and a headline does not: an address, a telephone, a sole agent, a
#: surgery, opening hours, a price list, a sale, "this product" (本品), a remedy (特效藥), where it is sold (均售)
AD_MARKS = re.compile(r"地址|電話|电话|總發行|总发行|診所|诊所|號房間|樓上|價目|价目|大減價|大减价|廉價|每尺"
                      r"|歡迎參觀|歡迎各界|^本品|特效藥|特効藥|均售|均有售|代售")
#: where a place stands, closing its address ("滬光大戲院隔壁": next door to, facing)
NEXT_TO = "(?:隔壁|對面|对面)$"
#: ... and the marks that close one advert's copy (its address, telephone, agent)
AD_END = re.compile(r"(?:地址|電話|电话|總發行|总发行|診所|诊所|號房間|樓上)[^地電电總总診诊]{0,30}$|" + NEXT_TO
                    + r"|(?:均售|均有售|代售)$")
#: an advert opening on its shop's street ("福煦路南成都路口", "石路二馬路口"; not "地址四馬路…", its close)
AD_START = re.compile(r"^(?!地址)[^\W\d]{1,4}路")
#: a wire report's dateline in parentheses opening a Chinese report: （倫敦廿四日哈瓦斯電）, （華沙廿二日路透電）
CJK_DATELINE = re.compile(r"^[（(][^（）()]{2,24}?[電电][）)]")
#: how a Chinese report's first sentence opens: its wire dateline, or when (四月六日, 昨日, 前晨, 日昨, 本月)
REPORT_OPENING = re.compile(r"^(?:[（(][^（）()]{2,24}?[電电][）)]|[昨前今本][日晨晚夜午月]|日昨"
                            r"|[一二三四五六七八九十廿卅〇0-9]{1,3}月[一二三四五六七八九十廿卅〇0-9]{1,3}日)")
#: the marks that open each brief of a Chinese column (▲ 社會瑣聞, △ 火警, ◘ signed briefs, ● …)
CJK_ITEM_MARKS = "▲△◘●■◆"
#: a run-in crosshead of a Chinese report is a name or a phrase of at most this many characters (周國元, 姿態可人)
CROSSHEAD_CHARS = 4
#: a Chinese story headed by this many display lines or more (a headline over three decks) is the day's big story,
#: parted into sections by short heads (:meth:`_PageCut.decked_section`) ...
DECKED_STORY_LINES = 4
#: ... each deck a phrase of news of at least this many characters (又趨緊張)
DECKED_DECK_CHARS = 4
#: ... of at most this many characters on at most two lines (日軍渡汾河敗退, 英蘇會商 / 三國同盟)
DECKED_SECTION_CHARS = 8
DECKED_SECTION_LINES = 2
#: a serial's instalment number in brackets under its title (（一五一）), and the longest writer's name set under it
INSTALMENT = re.compile(r"[（(][一二三四五六七八九十百〇零廿卅0-9]{1,5}[）)]")
INSTALMENT_WRITER_CHARS = 6
#: a section of a story numbered in a Chinese numeral over its short title ("一　睡態", "二　陶小姐"), the numerals in
#: order, and how many of the story's last parts are looked through for the section before
NUMBERED_SECTION = re.compile(r"^([一二三四五六七八九十])[\s\u3000]+[^\s、，。]{1,8}$")
#: ... the section before, its space lost when read as a paragraph ("一睡態")
OPENED_SECTION = re.compile(r"^([一二三四五六七八九十])[^\s、，。：；！？]{1,8}$")
SECTION_NUMERALS = "一二三四五六七八九十"
SECTION_LOOKBACK = 40
#: a price line of an advert: so much a foot, a bottle, a box, a copy
AD_PRICE = re.compile(r"^每[尺碼码件瓶盒包打冊册本份]")
#: a label set alone, its number or address in the next paragraph
AD_LABEL = re.compile(r"^(?:電話|电话|地址)[：:]?$")
#: a paragraph ending on a label in brackets or before a colon, its address or telephone to follow
#: ("董惠民醫師（地址）", "診所："): it closes nothing (a bare "電話" under the number closes an advert set so in
#: columns)
AD_LABEL_END = re.compile(r"(?:[（(](?:地址|電話|电话|住址|診所|诊所)[）)]|(?:地址|電話|电话|住址|診所|诊所)[：:])$")
#: a paragraph that is only a label, what it labels to follow (its hours, address, telephone, prices)
AD_BARE_LABEL = re.compile(r"^[（(]?(?:時間|时间|地址|住址|電話|电话|診所|诊所|價目|价目|門診|门诊)[）)]?[：:]?$")
#: a telephone number named by where it rings, at most three characters (診所, 住宅, 寫字間) before its digits
PLACED_NUMBER = re.compile(r"^(?:(?![〇○一二三四五六七八九十])[^\W\d]){1,3}[〇○一二三四五六七八九0-9]{4,}")
#: a doctor's specialty (眼科專家: eye specialist) or his name as a doctor (秦錫祺醫師) set alone, the head of his card
DOCTOR_CARD = re.compile(r"^(?:[^\W\d]{1,3}科專家|(?:[^\W\d]{2,6}(?:醫院|医院|診所|诊所))?"
                         r"[^\W\d]{2,4}(?:醫師|醫生|國醫|国医|医师|医生))$")
#: a paragraph of display copy of this many lines and characters or more is a whole advert (ECPO's one paragraph an
#: advert), not a display line of one
WHOLE_AD_LINES = 3
WHOLE_AD_CHARS = 24
#: how much of running copy's end is looked at for its signature or address
SIGNED_TAIL_CHARS = 40
#: a paragraph that is only a telephone, in Latin or Chinese ("TEL.96684.", "電話九六六八四：九〇八六六號")
PHONE_ONLY = re.compile(r"^(?:TEL\.?|Tel\.?|電話|电话)[：:]?[〇○一二三四五六七八九0-9.．：:、]+[號号]?$")
#: "電話傳喚" (called by telephone), "電話招呼": the telephone named with no number, copy that closes nothing
UNNUMBERED_PHONE = re.compile(r"^(?:電話|电话)[^〇○一二三四五六七八九0-9]{1,4}$")
#: a landmark alone that a shop stands next to or facing, closing its address (滬光大戲院隔壁)
LANDMARK = re.compile(r"^[^\W\d路街號号]{2,10}" + NEXT_TO)
#: a shop's name over what it specialises in, set alone (梅邨專營), the head of its card; "本店專營" is copy
SHOP_CARD = re.compile(r"^(?!本)[^\W\d]{1,4}[專专][營营]$")
#: a shop's opening notice set alone: opening today, opened, opening on a lucky day (今日開幕, 業已開幕, 擇吉開張)
OPENING_NOTICE = re.compile(r"^(?:今日|卽日|即日|業已|业已|擇吉|择吉|定期|新張|新张)?[開开](?:幕|張|张|業|业)$")
#: a paragraph that is only a verb of making, what the advert above made (發明 / 秦氏砂眼藥水)
MAKER_VERB = re.compile(r"^(?:發明|发明|監製|监制|特製|特制|祕製|秘製|精製|精制)$")
#: an advert's paragraph that is only its telephone number
AD_PHONE = re.compile(r"^(?:電話|电话)[：:]?[〇○一二三四五六七八九十0-9]+號?$")
#: more display paragraphs than this waiting in a row are an advert's copy, not a headline group
MAX_HEAD_PARAS = 6
#: how an advert's copy signs off: who announces (…啓), issues (…發行), makes (…出品), sells (…代售), acts as agent
#: (…經理) — a company, a pharmacy, a dispensary — or its address or telephone (AD_END)
AD_SIGNED = re.compile(r"(?:[啓啟]|[發发]行|出品|代售|[經经]理|公司|[藥药][房廠厂社])[)）]?$")


def _part_title(lines: Sequence[Line], above: Sequence[Line]) -> bool:
    """``lines`` are a column's part title under its writer's pen name in brackets (``above``,
    :data:`CJK_PEN_NAME`): one line holding the part's number in brackets after its words ("一日一姬 （一）筱雙珠
    老九", :data:`INSTALMENT`): the part opens the column's text, as a serial's chapter line does."""
    if len(lines) != 1 or len(above) != 1 or CJK_PEN_NAME.match("".join(above[0].text.split())) is None:
        return False
    text = "".join(lines[0].text.split())
    m = INSTALMENT.search(text)
    return m is not None and m.start() > 0


def _signed_copy(lines: Sequence[Line]) -> bool:
    """The paragraph's last lines sign an advert off (:data:`AD_SIGNED`, :data:`AD_END`): what follows is another
    item. A headline never ends so, nor does a report (it ends on a full stop, 云 or a pause)."""
    tail = "".join("".join(ln.text.split()) for ln in lines[-3:])
    if not tail or tail[-1] in _CJK_PAUSE:
        return False  # a sentence breaking off on a pause ("…號房間、發生雙服毒案、") runs on
    return AD_SIGNED.search(tail) is not None or AD_END.search(tail) is not None or _address_closes(tail)


def _address_closes(tail: str) -> bool:
    """The copy closes on its address without the label 地址 (:data:`AD_ADDRESS_END`): a street, lane or corner and
    its house number, followed or not by what is done there ("…二馬路口平樂里九十四號候診": sees patients), or the
    office's address (館址…). A report never ends on an address."""
    return AD_ADDRESS_END.search(tail) is not None


#: an address closing advert copy without the label 地址: a street, lane or corner and its house number, and what is
#: done there (候診: sees patients, 應診, 發售, 營業); or the office's address (館址…)
AD_ADDRESS_END = re.compile(r"(?:[路街弄里坊]|[路街]口)[^、，。；：路街]{0,12}[號号]"
                            r"(?:候診|應診|应诊|發售|发售|營業|营业)?$|[館馆]址[^、，。；：]{2,30}$")
#: the verb an advertiser signs his copy off with, set as the copy's last display line: announces (…啓), issues
#: (…發行), makes (…出品, …製造, …監製), sells (…代售) — a company's name alone (…公司, …藥房) heads an advert as often
AD_SIGN_OFF = re.compile(r"(?:[啓啟]|[發发]行|出品|代售|[監监][製制]|[製制]造)[)）]?$"
                         # the maker's or sole agent's line, by its label ("總經理‥信誼化學製藥廠")
                         r"|(?:^|\s)(?:總經理|总经理|製造者|制造者)\s*[‥…：:·]")


def _signs_off(text: str) -> bool:
    """A display paragraph of an advert's copy signing it off (:data:`AD_SIGN_OFF`: "中國福新煙公司出品", "上海中西
    大藥房發行"), unpunctuated: the advert ends there, and the display lines under it are the next advert's ("金字塔香煙
    … 中國福新煙公司出品" / "海上第一流攝影專家…"). A sentence of a report ending so is punctuated."""
    return _unpunctuated(text) and AD_SIGN_OFF.search(text) is not None


#: an advert's copy set as running text at least this long (a clinic's case for its cure, a theatre's price list)
#: is more than a slogan or an offer
OFFER_COPY_CHARS = 30
#: a maker or seller named by its verb anywhere in a line ("認明商標新華大薬行監製上海江西路十號")
AD_MAKER = re.compile(r"[發发]行|出品|代售|[監监][製制]|[製制]造")


def _after_sign_off(texts: Sequence[str], k: int, tail: int, following: str) -> str:
    """The advert paragraphs after paragraph ``k`` of a group down to ``tail`` (the body text ``following`` too when
    the group ends there), or only the next paragraph when that alone goes on closing the advert."""
    if k + 1 < tail and _advert_close(texts[k + 1]):
        return texts[k + 1]
    return "".join(texts[k + 1:tail]) + ("".join(following.split()) if tail == len(texts) else "")


def _slogan_alone(ad: _Draft) -> bool:
    """An advert holding only one short paragraph of copy, its price by the unit, that names no advertiser: no close,
    no sign-off ("雜誌界巨擘：全書銅版紙彩紙精印每册兩角": the king of magazines, two jiao a copy). No advert is a
    slogan and a price alone; the display lines under it name what it sells ("大觀園" / "第五期業已出版")."""
    if ad.kind != "advertisement" or len(ad.parts) != 1:
        return False
    flat = "".join(ad.parts[0].text.split())
    return (0 < len(flat) <= COPY_WINDOW and UNIT_PRICE.search(flat) is not None and AD_END.search(flat) is None
            and AD_SIGNED.search(flat) is None and AD_MAKER.search(flat) is None)


#: an advert's head gives where to find it: a label (（地址）, 診所：, 時間) or an address
AD_PLACE = re.compile(r"地址|住址|診所|诊所|電話|电话|號房間|[路街]口|[路街].{0,12}[號号]")


def _offer_goes_on(ad: _Draft, texts: Sequence[str]) -> bool:
    """Display paragraphs right under an advert that gave its address at its head and whose copy broke off unsigned
    (no agent, address or telephone at its end) are the rest of its copy when they carry no close of their own (nor
    the text under them) and open on no street: a clinic's offer and prices set large under its case for its cure
    ("董惠民醫師（地址）四馬路…" … "廿餘年來幸能百不失一尚覺差可自慰" / "茲爲節省病家經濟起見初期" /
    "白濁 梅毒 橫痃下疳" / "槪收藥本" / "拾圓"), a theatre's slogans under its price list ("電話…" / "榮記共舞台" /
    "地址大世界東愛多亞路" / "價目" / "日戲一角…" / "苗頭十足道地軋得石實結棍" / "今夜務請早臨"). The next
    advertiser opens on his street or gives his own address or signature."""
    if ad.kind != "advertisement" or len(ad.parts) < 2 or not texts or AD_START.match(texts[0]):
        return False
    head = "".join("".join(p.text.split()) for p in ad.parts[:AD_HEAD_PARAS])
    last = "".join(ad.parts[-1].text.split())
    if AD_PLACE.search(head) is None or len(last) < OFFER_COPY_CHARS or not _unpunctuated(last):
        return False
    if AD_SIGNED.search(last) or AD_END.search(last):
        return False
    return not any(AD_END.search(t) or AD_SIGNED.search(t) or AD_MARKS.search(t) for t in texts)


def _phone_alone(ad: _Draft) -> bool:
    """The advert holds nothing but its telephone (TEL. 96684. / 電話九六六八四：九〇八六六號; :data:`PHONE_ONLY`): no
    advert is a telephone alone, the display copy under it names whom it rings."""
    return ad.kind == "advertisement" and 0 < len(ad.parts) <= SECTION_LOOKBACK and all(
        PHONE_ONLY.match("".join(p.text.split())) for p in ad.parts)


def _unplaced_goes_on(ad: _Draft, texts: Sequence[str]) -> bool:
    """Display copy right under an advert that named no place (no address, telephone, agent or maker in any of its
    paragraphs: "偉大貢獻" / "光" / "文記" / "大" / "熱水瓶桶罐廠" / "●各大公司均有出售●…") is the rest of that advert
    when it opens on no street nor doctor's card and closes on an address ("新出" / … / "總製造廠" / "法租界馬浪路…"),
    not on a maker's signature (an advert of its own: "暑期之必需品" / … / "美華汽水公司出品"), nor on one of the
    advert's own display lines (the same magazine's next advert: "女人特輯" / "敬獻於上海的女人…"):
    an advertiser says once where he is found, and the first run of a maker's advert set in two gave only his name."""
    if ad.kind != "advertisement" or len(ad.parts) < 2 or not texts or _card_start(texts[0]):
        return False
    for part in ad.parts[-SECTION_LOOKBACK:]:
        flat = "".join(part.text.split())
        if AD_PLACE.search(flat) or AD_END.search(flat) or AD_SIGNED.search(flat) or AD_MAKER.search(flat):
            return False
        if flat == texts[0]:
            return False  # its own display line again heads the same advertiser's next advert (女人特輯 …)
    closing = next((t for t in texts[1:] if AD_END.search(t) or _signs_off(t)), "")
    return AD_END.search(closing) is not None and not _signs_off(closing)


def _close_runs_on(text: str) -> bool:
    """The paragraph after an advert's sign-off goes on closing it: where it is sold ("…新亞藥廠製造" / "藥房均售"),
    its address or telephone (:func:`_advert_close`), or a short unpunctuated line naming its maker again, with its
    address (:data:`AD_MAKER`: "認明商標新華大薬行監製上海江西路十號"); a short advert signed off in turn
    ("金字塔香煙 … 中國福新煙公司出品") is the next one."""
    flat = "".join(text.split())
    return _advert_close(flat) or (len(flat) <= AD_CLOSE_CHARS and _unpunctuated(flat)
                                   and AD_MAKER.search(flat) is not None and not _signs_off(flat))


def _advert_group(groups: Sequence[Sequence[Line]]) -> bool:
    """Display paragraphs waiting for a body that are advert copy (pages without sizes or boxes): too many
    for a headline group, or carrying an address, a telephone or a price list."""
    texts = ["".join(ln.text.split()) for g in groups for ln in g]
    return len(groups) > MAX_HEAD_PARAS or any(AD_MARKS.search(t) for t in texts) or _display_signed_off(texts)


def _display_signed_off(texts: Sequence[str]) -> bool:
    """The display lines waiting close on who issues, makes or sells what they name ("胃鑰" / "分片" / … / "上海中西
    大薬房發行"; :func:`_signs_off`): advert copy, a headline never ends so."""
    return bool(texts) and _signs_off(texts[-1])


#: a paragraph of copy is at least this many characters; a short phrase of copy goes on in the next paragraph
#: when it is at most COPY_WINDOW
COPY_MIN = 30
COPY_WINDOW = 30
#: an advert's close set as a paragraph of its own is at most this many characters
AD_CLOSE_CHARS = 40


def _reads_as_copy(text: str) -> bool:
    """Text under display lines that is an advert's copy, not a report's body (pages without sizes or
    boxes): a paragraph that runs on without any of the punctuation every Chinese report of the time carries
    ("售價二角　價値四元　附價値四元之贈券…", "西籍女子擅長按摩術室內設備完美…"), no serial's chapter title
    (第十七回…), no wire dateline and no brief's mark; or a bare address or telephone (:func:`_advert_close`)."""
    if _advert_close(text):
        return True
    flat = "".join(text.split())
    if len(flat) < COPY_MIN or CHAPTER.match(flat) or CJK_DATELINE.match(flat):
        return False
    return flat[0] not in CJK_ITEM_MARKS and not any(ch in RUNNING_PUNCTUATION for ch in flat)


def _copy_under_display(text: str) -> bool:
    """Short text under display lines that runs on unpunctuated but for a colon before what it announces ("自設工塲：
    出品比众精良": our own workshop: finer goods than anyone's): an advert's copy; a report's or a story's first
    sentence is punctuated."""
    flat = "".join(text.split())
    return "：" in flat[1:-1] and _unpunctuated(flat) and CHAPTER.match(flat) is None


def _advert_close(text: str) -> bool:
    """A paragraph that is only an advert's close: a short line without running punctuation ending on an
    address, a telephone or an agent ("寺路西摩路口滄州飯店隔壁滄州別墅卅二號樓上", "腎科陳中一國醫師　診所北京路
    三七八號景雲大樓　電話九〇三九七號"). No report is a bare address."""
    flat = "".join(text.split())
    return (0 < len(flat) <= AD_CLOSE_CHARS and AD_END.search(flat) is not None
            and not any(ch in RUNNING_PUNCTUATION for ch in flat.replace("：", "")))  # 電話：九七〇五二


#: an advert's head: its street, its name and its telephone, in at most this many paragraphs
AD_HEAD_PARAS = 3


def _advert_head(ad: _Draft, k: int, texts: Sequence[str]) -> bool:
    """The telephone or address at paragraph ``k`` is still the head of an advert that opened on its street or
    its telephone ("石路二馬路口" / "鴻昌綢緞皮貨衣莊" / "電話九一五七〇" / "估衣部…", "電話八四八〇…" / "榮記共舞台" /
    "地址大世界東愛多亞路" / "價目…"), not the close of its copy: a shop that gives where it is first gives its name
    and its other coordinates right under it, and its copy follows."""
    if len(ad.parts) > AD_HEAD_PARAS:
        return False
    first = k - len(ad.parts) + 1
    opened_on_place = AD_START.match(texts[first]) is not None or AD_PHONE.match(texts[first]) is not None
    return 0 <= first < k and opened_on_place and k + 1 < len(texts)


def _unpunctuated(text: str) -> bool:
    """Text without the punctuation running through sentences, a colon apart (電話：, 雜誌界巨擘：…): copy."""
    flat = "".join(text.split()).replace("：", "")
    return bool(flat) and not any(ch in RUNNING_PUNCTUATION for ch in flat)


#: a price by the unit in copy: 每冊兩角 (two jiao a copy), 每尺二角 (a foot)
UNIT_PRICE = re.compile(r"每[尺碼码件瓶盒包打冊册本份][一二三四五六七八九十兩两半0-9]")
#: the marks a Chinese sentence of the time ends on (the enumeration comma ends reports too)
_CJK_PAUSE = frozenset("、。！？」』）")


def _priced_copy(text: str) -> bool:
    """A paragraph of copy with its price or an advert's mark, unpunctuated but for a colon
    ("雜誌界巨擘：全書銅版紙彩紙精印每冊兩角"): no report goes on that way after its last sentence."""
    flat = "".join(text.split())
    return _unpunctuated(flat) and (UNIT_PRICE.search(flat) is not None or AD_MARKS.search(flat) is not None)


def _close_goes_on(text: str, ad: _Draft) -> bool:
    """``text`` goes on closing the advert ``ad`` already closed: its price ("每尺 / 二角 / 五分 / 起" under its
    telephone), or its telephone right under its address."""
    if AD_PRICE.match(text):
        return True
    last = "".join(ad.parts[-1].text.split()) if ad.parts else ""
    return AD_PHONE.match(text) is not None and AD_END.search(last) is not None and AD_PHONE.match(last) is None


def _copy_goes_on(text: str) -> bool:
    """An advert's copy placed as body text goes on into the next paragraph when it is a short phrase that
    does not close the advert (no address, telephone or agent at its end): "滑精，遺精，老白濁，" / "及一切性衰弱…"
    / "腎科陳中一國醫師　診所…電話九〇三九七號" are one clinic's notice."""
    flat = "".join(text.split())
    return 0 < len(flat) <= COPY_WINDOW and AD_END.search(flat) is None


#: a clinic's or a shop's main house labelled in its advert ("▲總院"), and its branch ("▲分院", "分店", "分行")
MAIN_LABEL = re.compile(r"^[▲△●◆]?[總总](?:院|店|行|所|號|号)")
BRANCH_LABEL = re.compile(r"^[▲△●◆]?分(?:院|店|行|所|號|号)")


def _address_goes_on(k: int, texts: Sequence[str], end: int) -> bool:
    """The address closing an advert at paragraph ``k`` goes on in the next one, which says where the
    place stands ("地址嵩山路二號" / "滬光大戲院隔壁"), or gives the number a bare label announced ("電話" /
    "八三一六一號總批發所"): the advert closes there."""
    if k + 1 >= end or AD_START.match(texts[k + 1]) is not None:
        return False
    if BRANCH_LABEL.match(texts[k + 1]) is not None and any(MAIN_LABEL.match(t) for t in texts[max(0, k - 4):k]):
        return True  # the clinic's branch after its main house ("▲總院" … "電話…" / "▲分院" …): one advert
    numbered = re.match("[〇○一二三四五六七八九十0-9]", texts[k + 1]) is not None or _placed_numbers(texts[k + 1])
    return (re.search(NEXT_TO, texts[k + 1]) is not None or (AD_LABEL.match(texts[k]) is not None and numbered)
            or _landmark_after_goods(k, texts, end))


def _landmark_after_goods(k: int, texts: Sequence[str], end: int) -> bool:
    """The address at paragraph ``k`` says where the place stands two paragraphs on, past one of the goods it sells
    set between them in the margin's columns ("地址嵩山路二號" / "糖果餅乾麵包西點罐頭食品" / "滬光大戲院隔壁"): the
    landmark is a name alone before 隔壁 or 對面 (:data:`LANDMARK`), the paragraph between them no close of its own."""
    if k + 2 >= end or AD_START.match(texts[k + 1]) or AD_END.search(texts[k + 1]) or _card_start(texts[k + 1]):
        return False
    return LANDMARK.match(texts[k + 2]) is not None


def _whole_advert(lines: int, text: str) -> bool:
    """A paragraph of display copy of :data:`WHOLE_AD_LINES` lines or more and :data:`WHOLE_AD_CHARS` characters or
    more: a whole advert, as ECPO keeps an advert's copy (南京路虹廟弄 / 南洋藥房 / 大亷價贈品一個月 / …)."""
    return lines >= WHOLE_AD_LINES and len(text) >= WHOLE_AD_CHARS


def _whole_advert_alone(ad: _Draft) -> bool:
    """The advert is one whole advert's paragraph of display copy (:func:`_whole_advert`), complete: the text after it
    does not run on in it."""
    if len(ad.parts) != 1:
        return False
    part = ad.parts[0]
    return _whole_advert(len({sp.line for sp in part.spans}), "".join(part.text.split()))


def _copy_signed_off(text: str) -> bool:
    """Running copy that closes on its maker's signature or its address (…家庭工業社出品): a whole advert itself, not
    the rest of a whole advert's display above it (:func:`_whole_advert_alone`)."""
    tail = "".join(text.split())[-SIGNED_TAIL_CHARS:]
    return bool(tail) and (AD_SIGN_OFF.search(tail) is not None or AD_END.search(tail) is not None
                           or _address_closes(tail))


def _next_whole_advert(ad: _Draft, lines: Sequence[Line]) -> bool:
    """The display paragraph ``lines`` and the advert ``ad`` holds so far are each a whole advert
    (:func:`_whole_advert`): the paragraph opens the next advert (百齡機 / 大瓶二元 / … / 上海九福公司 under
    南京路虹廟弄 / 南洋藥房 / …)."""
    return _whole_advert_alone(ad) and _whole_advert(len(lines), "".join("".join(ln.text.split()) for ln in lines))


def _card_start(text: str) -> bool:
    """The paragraph opens an advert under one that gave its place: a shop's street (:data:`AD_START`), a doctor's
    specialty or his name as a doctor, the head of his card (眼科專家 / 秦錫祺醫師; :data:`DOCTOR_CARD`), or a shop's
    name over what it specialises in (梅邨專營; :data:`SHOP_CARD`)."""
    return AD_START.match(text) is not None or DOCTOR_CARD.match(text) is not None or SHOP_CARD.match(text) is not None


def _maker_verb(text: str) -> bool:
    """The paragraph is only a verb of making (發明: invented, 監製: made under the supervision of; :data:`MAKER_VERB`):
    its subject is the advert above (a doctor's clinic, then "發明 / 秦氏砂眼藥水", his own eye drops); no advert
    opens on one."""
    return MAKER_VERB.match(text) is not None


def _opening_notice(text: str) -> bool:
    """The paragraph is only a shop's opening notice (今日開幕: opening today, 業已開幕; :data:`OPENING_NOTICE`): it
    names no one, the shop is the advert's above, under its address; no advert opens on one."""
    return OPENING_NOTICE.match(text) is not None


def _placed_numbers(text: str) -> bool:
    """The paragraph opens on a telephone number named by where it rings (診所三二四六一號住宅二〇七〇九號: surgery,
    home; :data:`PLACED_NUMBER`), what a bare 電話 label over it announces."""
    return PLACED_NUMBER.match(text) is not None


def _blind_advert(lines: Sequence[Line]) -> bool:
    """Display copy told by its text alone: short lines (at most 16 characters) and no running punctuation,
    however many (an advert's slogans, prices and address, one phrase a line)."""
    texts = ["".join(ln.text.split()) for ln in lines]
    return bool(texts) and all(len(t) <= 16 for t in texts) and not any(
        ch in RUNNING_PUNCTUATION for t in texts for ch in t)


#: in a block the source types as advertisements, a display line is set at least this much larger than its copy
AD_DISPLAY_RATIO = 1.4
#: an advert closes on where to find its advertiser: a street ("65, r. Lemercier", "Rue Royale", "132, rue du
#: Faubourg", "Kalverstraat"), a telephone ...
LATIN_AD_CLOSE = re.compile(
    r"\d+\s*,?\s*r\.\s|\b(?:rue|boul(?:evard)?|bd|avenue|place|quai|street|straat|stra(?:ß|ss)e|t[ée]l[ée]ph(?:one)?"
    r"|telephone|phone)\b|\w(?:straat|stra(?:ß|ss)e)\b", re.IGNORECASE)
#: ... or its insertion key or order number ("huissier à Carnac. 29226", "Lille 17491.")
AD_NUMBER_END = re.compile(r"\b\d{3,}\W{0,3}$")
#: a display word of at least this many letters names the advertiser when the copy above already holds it
BRAND_LETTERS = 5
#: an advert opened or closed by a heading in capitals at the copy's size holds at least this many lines: shorter
#: entries under such headings are one listing (a paper's directory of recommended houses: "PHOTOGRAPHIE DE LUXE"
#: / "BENQUE ET Cie, 33, rue Boissy-d'Anglas." / "PORCELAINES, FAÏENCES ET CRISTAUX" / …)
AD_ENTRY_LINES = 3


def _ad_closes(text: str) -> bool:
    """``text`` closes an advert: its address, telephone, insertion key or order number."""
    t = text.strip()
    return LATIN_AD_CLOSE.search(t) is not None or AD_NUMBER_END.search(t) is not None or _keyed_close(t)


def _words_of(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}


def _brand_again(text: str, seen: set[str]) -> bool:
    """The display line names the advertiser of the copy above it (``seen``: its words, casefolded): "CRÈMES
    VIVAUDOU" under "… les Crèmes Vivaudou …" — more than half of its long words are already there."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", text) if len(w) >= BRAND_LETTERS]
    return bool(words) and 2 * sum(w in seen for w in words) > len(words)


def _ad_display(line: Line, copy: float, use_font: bool) -> str | None:
    """How a line of an advert block is display type: "size" when set :data:`AD_DISPLAY_RATIO` larger than the
    block's copy, "caps" when in capitals at the copy's size; None for copy."""
    size = (line.font_size or 0.0) if use_font else _extent(line, False)
    if copy > 0 and size >= AD_DISPLAY_RATIO * copy:
        return "size"
    return "caps" if _caps_line(line.text) else None


#: a word of three letters or more: a line without one is a rule or a blot read as text ("111 l", "--r-f.jr.i")
WORD3 = re.compile(r"[^\W\d_]{3,}")


def _x_overlap(a: Box | None, b: Box | None) -> bool:
    """The two boxes share some of their width."""
    return a is not None and b is not None and min(a[2], b[2]) > max(a[0], b[0])


#: an advert's lines looked back over, at most, for the one right above a display line in its column (what a
#: display line is set under is close above it: the look back keeps the cut linear in a block's lines)
AD_LOOKBACK = 120


def _opens_advert(lines: Sequence[Line], start: int, k: int, seen: set[str]) -> bool:
    """The display line ``k`` opens the next advert of an advert block whose current one began at ``start`` (its
    words ``seen``): it is set below that advert's lines in its own column (a panel beside the copy is the same
    advert's), the line of words right above it there closes an advert (:func:`_ad_closes`), it does not name the
    same advertiser again and it announces nothing (a label ending on a colon: "GROS :" over the wholesaler's
    name). Only the advert's last :data:`AD_LOOKBACK` lines are looked at."""
    box = lines[k].box
    if box is None or lines[k].text.rstrip().endswith(":"):
        return False
    near = lines[max(start, k - AD_LOOKBACK):k]
    above = [ln for ln in near if _x_overlap(ln.box, box) and WORD3.search(ln.text)]
    tolerance = 0.25 * (box[3] - box[1])
    if not above or any(ln.box is not None and ln.box[3] > box[1] + tolerance for ln in above):
        return False
    last = max(above, key=lambda ln: ln.box[3] if ln.box is not None else 0.0)
    return _ad_closes(last.text) and not _brand_again(lines[k].text, seen)


#: the figures a drawing's hatching is read as (a price has others)
STROKE_FIGURES = frozenset("1")


def _advert_noise(lines: Sequence[Line], k: int) -> bool:
    """Line ``k`` of an advert block is OCR noise: a drawing's strokes, a blot (:func:`is_ocr_fragment`) or a
    garbled rule; not a price without words ("5 fr. 50": figures other than a stroke's 1) nor the second half of a
    word hyphenated at the end of the line above ("Rue Roya-" / "le.")."""
    text = lines[k].text.strip()
    if k and lines[k - 1].hyphenated or any(ch.isdigit() and ch not in STROKE_FIGURES for ch in text):
        return False
    return is_ocr_fragment(text) or _garbled_rule(text)


def _advert_display(lines: Sequence[Line], use_font: bool) -> list[str | None]:
    """How each line of an advert block is display type against the block's copy (:func:`_ad_display`)."""
    sizes = [((ln.font_size or 0.0) if use_font else _extent(ln, False), max(1, len(ln.text.strip()))) for ln in lines]
    copy = _weighted_median([(s, n) for s, n in sizes if s > 0])
    return [_ad_display(ln, copy, use_font) for ln in lines]


def _advert_cuts(lines: Sequence[Line], display: Sequence[str | None]) -> list[int]:
    """Where the adverts of a block the source types as advertisements begin (indices, 0 first; ``display`` from
    :func:`_advert_display`): several advertisers' adverts stacked in one ALTO ComposedBlock TYPE="Advertisement"
    (L'Ouest-Éclair 1924 p. 12: a midwife's classified over a rheumatism cure, a boat for sale over sewing
    machines) are told apart where one closes on its address and the next opens on display type below it
    (:func:`_opens_advert`), unless the pieces are a listing's entries (:data:`AD_ENTRY_LINES`)."""
    cuts = [0]
    seen = _words_of(lines[0].text) if lines else set()  # the words of the advert being read
    for k in range(1, len(lines)):
        run_on = display[k - 1] and _x_overlap(lines[k - 1].box, lines[k].box)  # the display run above goes on
        if display[k] and not run_on and _opens_advert(lines, cuts[-1], k, seen):
            cuts.append(k)
            seen = set()
        seen |= _words_of(lines[k].text)
    kinds = {k: display[k] for k in cuts[1:]}  # how each cut's display line is display type
    ends = [*cuts[1:], len(lines)]
    if any(end - first < AD_ENTRY_LINES and "caps" in (kinds.get(first), kinds.get(end))
           for first, end in zip(cuts, ends, strict=True)):
        cuts = [0]  # a listing's entries under headings in capitals
    counted = _counted_closes(lines)
    # a line opening on its insertion's count closes the advert above it, it opens none
    closes = {k - 1 for k in counted}
    return sorted({*cuts, *_blank_cuts(lines, display), *counted} - closes)


#: an advert's last line opening on the count of its insertion in brackets and its advertiser ("(29) Kleiw,
#: notaire.", "(13) J. B. Lahaye.", "(9) rue du …")
COUNTED_CLOSE = re.compile(r"^\(\s*\d{1,3}\s*\)\s+\w")


#: a block of adverts closes this many of them on their insertion's count at least
COUNTED_CLOSES_MIN = 2


def _counted_closes(lines: Sequence[Line]) -> list[int]:
    """Where the next advert opens in a block of adverts each closed on a line opening on its insertion's count
    (:data:`COUNTED_CLOSE`, :data:`COUNTED_CLOSES_MIN` of them at least: L'Union 1860's ANNONCES): the line after
    each.
    Empty for any other block."""
    closes = [k for k, ln in enumerate(lines) if COUNTED_CLOSE.match(ln.text.strip())]
    return [k + 1 for k in closes if k + 1 < len(lines)] if len(closes) >= COUNTED_CLOSES_MIN else []


#: whitespace over a line of an advert block, beyond the block's usual gap between two lines, that parts two
#: adverts (in the block's copy line heights): classifieds set one under another with a blank line between
AD_BLANK = 0.6
#: a line breaking off on these goes on under a blank (display copy set in spaced phrases), it closes no advert
AD_RUNS_ON = (",", ";", ":", "-", "—")
#: a column of classifieds: the block is no wider than this many times its copy's usual line
AD_ONE_COLUMN = 1.2
#: a line reaching within this many copy line heights of the block's right edge is set out to the measure
AD_FLUSH = 2.0
#: a block parted by blanks this many times or more is a column of classifieds
AD_CLASSIFIEDS = 3
#: ... where this much whitespace (in copy lines) parts a classified closed on a stop from display type under it
AD_DISPLAY_BLANK = 0.3
#: what a display line closing a classified ends on: a stop, a figure (its address, its order number)
AD_CLOSING = frozenset(".0123456789")


def _blank_cuts(lines: Sequence[Line], display: Sequence[str | None]) -> list[int]:
    """Where a blank line parts two adverts of an advert block (indices): whitespace of :data:`AD_BLANK` copy
    lines or more over a line, beyond the block's usual gap, in a block one column wide (:data:`AD_ONE_COLUMN`),
    under a line of the same column that is no larger display type and does not break off (on a comma, a hyphen:
    :data:`AD_RUNS_ON`), and not under display lines alone, fewer than :data:`AD_ENTRY_LINES` (a heading waiting for
    its copy: the column's rubric "OFFRES ET DEMANDES D'EMPLOIS", an advertiser's name and street over its notice),
    nor under a line alone (a title's first line letter-spaced out to the measure: "CONSULTATIONS
    par-Correspondance"). Where the line over the blank stops short of the measure (:data:`AD_FLUSH`: a paragraph's
    last line; a classified closes flush right on its order number) only display type under it opens an advert
    ("mande." / "La Maison n'a pas de succursale …" goes on with the advert), and a block's last line of copy alone
    (a kicker of the advert under the block) opens none — unless the block is a column of classifieds, parted so
    :data:`AD_CLASSIFIEDS` times or more: there any blank parts two under a line of copy, short or not, or under
    a display line closing on a stop, a figure or an address (:func:`_ad_closes`: "ppal avoué, 27, Fg St-Vincent,
    Orléans.", "128, RUE VICTOR HUGO, TOURS"). L'Ouest-Éclair 1918 p. 4's classifieds, each a few lines of copy
    whose display initial the OCR garbled into the first line ("M S kilogs par mois", "p aVf A\\l BIANO non
    silicate"), one under another in one ComposedBlock."""
    measure = _blank_measure(lines, display)
    if measure is None:
        return []
    cuts = _blank_pass(lines, display, measure, False)
    return _blank_pass(lines, display, measure, True) if len(cuts) >= AD_CLASSIFIEDS else cuts


def _blank_measure(lines: Sequence[Line], display: Sequence[str | None]) -> tuple[float, float, float] | None:
    """The whitespace that parts two adverts of a block one column wide, where its lines reach the measure and the
    whitespace that parts them over display type in a column of classifieds (:func:`_blank_cuts`), or None for a
    block of too little copy or set wider than a column."""
    boxed = [ln.box for ln in lines]
    heights = sorted(b[3] - b[1] for b, d in zip(boxed, display, strict=True) if b is not None and d is None)
    gaps = sorted(b[1] - a[3] for a, b in zip(boxed, boxed[1:], strict=False)
                  if a is not None and b is not None and b[1] > a[1])
    widths = sorted(b[2] - b[0] for b, d in zip(boxed, display, strict=True) if b is not None and d is None)
    if len(heights) < AD_ENTRY_LINES or not gaps:
        return None
    right = max(b[2] for b in boxed if b is not None)
    if right - min(b[0] for b in boxed if b is not None) > AD_ONE_COLUMN * widths[len(widths) // 2]:
        return None  # display adverts side by side, or one set across columns: its own blanks part no advert
    height = heights[len(heights) // 2]
    usual = gaps[len(gaps) // 2]
    return usual + AD_BLANK * height, right - AD_FLUSH * height, usual + AD_DISPLAY_BLANK * height


def _blank_pass(lines: Sequence[Line], display: Sequence[str | None], measure: tuple[float, float, float],
                column: bool) -> list[int]:
    """The cuts of :func:`_blank_cuts` at the block's ``measure`` (blank, flush, blank over display); ``column``: the
    block is a column of classifieds, where a line set larger (:data:`AD_DISPLAY_RATIO`) under copy closed by a
    full stop opens the next over less whitespace (:data:`AD_DISPLAY_BLANK`: "… NANTES." / "A VENDRE BOLS A
    CIDRE")."""
    blank, flush, over_display = measure
    cuts = [0]
    for k in range(1, len(lines)):
        above, box, top = lines[k - 1], lines[k - 1].box, lines[k].box
        # a heading waiting for its copy, or a line alone (a centred title's first line, letter-spaced)
        headed = k - cuts[-1] < AD_ENTRY_LINES and all(display[cuts[-1]:k]) or k - cuts[-1] == 1
        if box is None or top is None or above.hyphenated or headed or not _x_overlap(box, top):
            continue
        # a classified of a column closing out to the measure on a comma (a misread stop) closes all the same
        runs_on = above.text.rstrip().endswith(AD_RUNS_ON[1:] if column and box[2] >= flush else AD_RUNS_ON)
        heads = column and display[k] == "size" and display[k - 1] is None and above.text.rstrip().endswith(".")
        if top[1] - box[3] < (over_display if heads else blank) or runs_on:
            continue
        strict = display[k - 1] != "size" and (display[k] is not None or box[2] >= flush and k + 1 < len(lines))
        # in a column of classifieds: under copy, or under display closing on a stop or a figure (an address)
        closed = display[k - 1] is None or above.text.rstrip()[-1:] in AD_CLOSING or _ad_closes(above.text)
        if strict or column and closed:
            cuts.append(k)
    return cuts[1:]


def _advert_heading(lines: Sequence[Line], display: Sequence[str | None]) -> int:
    """How many of an advert's first lines are its headline: the display lines over its first line of copy, when
    that line opens a sentence ("Jeunesse" / "Les Crèmes Vivaudou ont été …"). Display type running on into
    lower-case copy ("THON. A VENDRE DUNDÉE" / "de 53 tonneaux. S'adresser …") or in on it (:func:`_runs_in`)
    opens a run-in classified; :data:`AD_ENTRY_LINES` display lines or more telling a sentence in sentence case to
    its stop are copy set large ("Exécution de tous ordres sur" / "Agent de change et Coulissiers." / …
    "circulaire gratuitement.")."""
    n = 0
    while n < len(lines) and display[n]:
        n += 1
    opens = n < len(lines) and lines[n].text.strip()[:1].isupper()
    told = " ".join(ln.text.strip() for ln in lines[:n])  # copy set large, a sentence told: no heading
    sentence = n >= AD_ENTRY_LINES and told.endswith(".") and _sentence_case(told)
    return n if opens and not sentence and not _runs_in(lines[n - 1], lines[n]) else 0


#: a line's box reaching this share of the line under it down into that one's holds part of a two-line initial
RUN_IN_OVERLAP = 0.25


def _runs_in(display: Line, copy: Line) -> bool:
    """An advert's last display line runs in on its copy: it breaks off on a hyphen, or its box reaches down into
    the copy's first line (a display initial set two lines deep, the OCR boxing it into both: "UN FORGERON ET UN
    BON ÉLECTRICIEN" / "UIÏ runutnuil sont demandés …", the initial's lower half read as "UIÏ")."""
    if display.text.rstrip().endswith(("-", "\u00ad", "\u2e17", "¬")) or display.hyphenated:
        return True
    a, b = display.box, copy.box
    return a is not None and b is not None and a[3] - b[1] >= RUN_IN_OVERLAP * (b[3] - b[1])


#: whitespace above a line, beyond the block's usual line gap, that separates two items (in line heights)
ITEM_GAP = 0.3
#: the marks that open a notice or an advert in older papers: an asterism (``***``, ``*»*``), a printed hand
#: (☞, read by OCR as a capital V before a capital word or an asterisk)
NOTICE_MARK = re.compile(r"^\W{0,2}(?:[*»„⁂]\W?[*»„y]|[☞☛⁂❧]|V\s?[*.]?\s+[A-Z]|V\*)")


#: a lone asterisk and a capital opening a paragraph: the mark German papers set before each brief's run-in
#: headline ("* Die Moskito-Kannibalen. Zwischen der Regierung …"); an asterism (``* * *``) is a NOTICE_MARK
BRIEF_MARK = re.compile(r"^[*∗]\s+[A-ZÄÖÜ]")
#: ... followed by the brief's run-in headline: up to BRIEF_HEAD_WORDS words closed by a stop
BRIEF_HEAD = re.compile(r"^[*∗]\s+(?P<head>[^.?!]{2,60}?[.?!])(?:\s|$)")
BRIEF_HEAD_WORDS = 6


def _brief_mark(text: str) -> bool:
    """The line opens on a brief's asterisk: the mark, then the brief's run-in headline ("* Die Moskito-Kannibalen.
    Zwischen …", "* Program Being Discussed.") or a line of capitals ("* THEY ARE BETTER"). An asterisk before a
    sentence running on ("* L'Angleterre se tromperait radicalement si …", French dailies) marks no brief."""
    if BRIEF_MARK.match(text) is None:
        return False
    head = BRIEF_HEAD.match(text)
    if head is not None and len(head.group("head").split()) <= BRIEF_HEAD_WORDS:
        return True
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) >= CAPS_LINE_SHARE * len(letters) > 0


#: an item's headline stands among its first this many parts (a bounded look into a long item)
HEAD_PARTS = 4
#: a brief's asterisk, then a place and its day (the month the OCR may garble: "* URE', 28 Nor. Vijf …")
MARKED_DATELINE = re.compile(r"^[*∗]\s+[A-ZÀ-Þ][^,.\d]{1,30},\s*\d{1,2}\b")


def _marked_dateline(text: str) -> bool:
    """``text`` opens on a brief's asterisk and then a place and its day ("* DEVENTER, 29 Nov. Heden …")."""
    return MARKED_DATELINE.match(text.strip()) is not None


#: "NB" (nota bene) opening an official notice
NB_MARK = re.compile(r"^N\.?\s?B\.?\s+[A-Z]")


def _opens_brief(line: Line) -> bool:
    """The line opens a brief or a notice: it starts with the brief mark, a notice mark (asterism, printed
    hand), "NB" or the CJK bullet (◘, each signed brief of a Jing bao column; a caption was told before)."""
    text = line.text.strip()
    return (text.startswith(CJK_BULLET) or _brief_mark(text)
            or any(rx.match(text) is not None for rx in (NOTICE_MARK, NB_MARK)))


#: the words opening a brief that goes on the one above: "again", "also" (又, 又訊, 同時)
CJK_AGAIN = ("又", "同時")


#: a ▲ brief of an unsigned news column is at most this many characters (a 1920 gossip column's sections run longer)
COLUMN_BRIEF_CHARS = 60
#: the vernacular (白話) of a columnist's gossip, where the paper's news briefs are written in the literary style: its
#: possessive 的, its particles (麽, 呢, 哩, 嗎), 了 closing a clause ("…這名字不是淸雅的狠麽、", "…八個字了、")
VERNACULAR = re.compile(r"的|[麽麼呢哩嗎吗]|了[、，。！？]")
#: a heading counting the cases its ▲ paragraphs report heads one roundup of them: 盜刼三起 (three robberies), 盜案累累
#: (robbery upon robbery), 火警迭出, 竊案頻仍
ROUNDUP_HEAD = re.compile(r"(?:[二三四五六七八九十兩两數数多]+[起件宗則则]|累累|迭出|[頻频]仍)$")


#: the words closing a text that announce what follows below it: 在下 (below), 如下 (as follows), 如左 (as on the
#: left, the next column), 錄後 and 附後 (copied, appended after)
ANNOUNCES_BELOW = re.compile(r"(?:在下|如下|於下|于下|如左|[錄录附列][後后])[：:、，。]?$")
#: a heading counting its cases in a numeral: 盜刼三起, 火警兩起 (:meth:`_PageCut.counted_case`), and the numerals
COUNTED_CASES = re.compile(r"([二三四五六七八九十兩两])[起件宗則则]$")
CJK_COUNTS = {"二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _news_brief(text: str) -> bool:
    """A brief of a Chinese news column (體育簡報, 社會瑣聞): the filled triangle opening one short sentence of
    clauses ("▲華聯田徑隊、卽日開始報名、"), an item of its own as ECPO encodes them. The long ▲ paragraphs of a
    1920 gossip column are sections of one item; a ▲ line of advert copy (▲銅圖之部：…) carries no clauses. A brief
    opening on "again" (▲又下午四時十分、…, :data:`CJK_AGAIN`) goes on the series above it: a police roundup's next
    robbery."""
    flat = "".join(text.split())
    return (flat.startswith(CJK_BRIEF) and len(flat) <= NEWS_BRIEF_CHARS and "、" in flat
            and not flat[len(CJK_BRIEF):].startswith(CJK_AGAIN))


#: an ornament set alone between two items (a dinkus: ``*``, ``»``, ``* * *``, ``⁂``)
DINKUS = re.compile(r"^[*∗⁂»«•·]+(?:\s*[*∗⁂»«•·]+){0,2}$")
#: a row of x's set alone ("x　x　x　x", "× × ×"): a break between sections of one text, where an asterism or a
#: ruled dinkus parts items
SECTION_BREAK = re.compile(r"^(?:[xX×ｘＸ][\s\u3000]*){3,}$")
#: a byline set centred like a heading ("Von Edmund Scharein.", "By …"): it stays with its article's body
BYLINE_START = re.compile(r"^(?:Von|By|BY|Par|Door|Van)\s")
#: a byline waiting as display lines has at most this many words ...
BYLINE_WORDS = 6
#: ... and signs the article opened last when that article holds at most this many characters of text yet
BYLINE_AFTER = 60


#: a small ornament between two rules, set alone on a line between two items ("-o-", "—*—"; the OCR may part the
#: left rule: "-— -o-")
RULED_DINKUS = re.compile("^(?:[-\u2013\u2014~]+\\s*)+[oO0°•*]\\s*[-\u2013\u2014~\u00ad]*$")

#: a byline alone on its line: "By JOHN SMITH", "De Mathilde ALANIC", "Von Edmund Scharein." (a name of two words or
#: more, each capitalised)
LATIN_BYLINE = re.compile(r"^(?:By|BY|De|DE|Par|PAR|Von|VON|Door)\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){1,3}\.?$")
#: the label over a serial's instalment ("Feuilleton de l'Ouest-Éclair du 18 décembre 1924 12", "Feuilleton des
#: Nordstern"): a kicker of the serial's title
SERIAL_LABEL = re.compile(r"^(?:Feuilleton|FEUILLETON)\b")
#: a line of text under display lines, with display lines under it in the same block, is part of that display (not
#: an item's body) when it has at most this many characters
STUB_CHARS = 30
#: a chapter's number under a serial's title ("Chapitre IV.", "CHAPTER XII.", "Kapitel 3."): the instalment's text
#: opens on it, as a Chinese serial's opens on 第四囘 (:data:`CHAPTER`)
LATIN_CHAPTER = re.compile(r"^(?:Chapitre|CHAPITRE|Chapter|CHAPTER|Kapitel|KAPITEL|Cap[ií]tulo|CAP[IÍ]TULO|Hoofdstuk"
                           r"|HOOFDSTUK)\s+(?:[IVXLC]+|\d+)\b|^" + r"[IVXLC]{1,7}\.$")
#: a chapter's number alone on its line, closed by a stop ("IX."): a chapter line only under a serial's label, OCR noise
#: elsewhere
BARE_CHAPTER = re.compile(r"^[IVXLC]{1,7}\.$")

def _is_dinkus(lines: Sequence[Line]) -> bool:
    """A block holding only an ornament: the compositor's mark between two items."""
    return len(lines) == 1 and _ornament(lines[0].text)


#: a wavy rule the OCR read as letters ("<vwwvwwvwwvwvw"): v's and w's alone on the line, eight or more
WAVY_RULE = re.compile(r"^[<>~-]?[vwVW]{8,}[<>~-]?$")


#: a decorative rule the OCR read as a row of marks and letters ("^ ^ vv i*' Vi vs v. Vi ^ vs v^s iu ^"): this many
#: tokens or more, none longer than three characters, no word of three letters, no figure
GARBLED_RULE_TOKENS = 8


def _garbled_rule(t: str) -> bool:
    """A line of such marks (:data:`GARBLED_RULE_TOKENS`); a word set letter-spaced in capitals ("U. E. S T H E E M
    A N.") is none: its tokens are capitals."""
    tokens = t.split()
    capitals = sum(1 for tok in tokens if tok[:1].isupper() and len(tok.rstrip(".,;:")) == 1)
    return (len(tokens) >= GARBLED_RULE_TOKENS and all(len(tok) <= 3 for tok in tokens) and 2 * capitals < len(tokens)
            and re.search(r"[^\W\d_]{3,}", t) is None and not any(ch.isdigit() for ch in t))


def _ornament(text: str) -> bool:
    t = text.strip()
    return DINKUS.match(t) is not None or RULED_DINKUS.match(t) is not None or WAVY_RULE.match(t) is not None


def _dinkus_cut(lines: Sequence[Line]) -> int | None:
    """Where an ornament alone on a line parts a block's text into two items (its index), or None. At the block's
    first or last line it parts the block from the text before or after it ("-o-" closing a block, the next item's
    head opening the next one), when it is no lone mark (:func:`_edge_ornament`)."""
    if len(lines) < 2:
        return None
    inner = next((k for k in range(1, len(lines) - 1) if _ornament(lines[k].text)), None)
    if inner is not None:
        return inner
    return next((k for k in (0, len(lines) - 1) if _edge_ornament(lines[k].text)), None)


def _edge_ornament(text: str) -> bool:
    """An ornament that parts items at a block's edge too: a small mark between rules ("-o-"), or marks of two or
    more ("* * *", "⁂"); a lone mark there ("*" under an advert's signature or a garbled column's foot, a guillemet
    set apart) is as often a speck or a quotation's mark."""
    t = text.strip()
    marks = sum(1 for ch in t if ch in "*∗⁂•·")
    return RULED_DINKUS.match(t) is not None or DINKUS.match(t) is not None and (marks >= 2 or "⁂" in t)


def _item_starts(lines: Sequence[Line], vertical: bool) -> list[int]:
    """Indices of lines that open a new item inside one block of body text (always includes 0).

    Notices and adverts set one under another in a single column block are told apart
    by the whitespace the compositor left between them and the mark that opens each
    (an asterism, a printed hand): an indented line with a gap above it beyond the block's
    usual line gap, opening with a notice mark.
    Whitespace alone does not cut: it also sets off a report's body from its deck.
    """
    starts = [0]
    boxes = [ln.box for ln in lines]
    if vertical or len(lines) < 4 or any(b is None for b in boxes):
        return starts
    known = [b for b in boxes if b is not None]
    gaps = [b[1] - a[3] for a, b in zip(known, known[1:], strict=False)]
    usual = sorted(gaps)[len(gaps) // 2]
    height = sorted(b[3] - b[1] for b in known)[len(known) // 2]
    left = sorted(b[0] for b in known)[len(known) // 4]
    for k in range(1, len(known)):
        box, excess = known[k], (gaps[k - 1] - usual) / max(height, 1.0)
        indented = box[0] - left > 0.6 * height
        marked = NOTICE_MARK.match(lines[k].text.strip()) is not None
        if indented and marked and excess > ITEM_GAP and not lines[k - 1].hyphenated:
            starts.append(k)
    return starts


#: an advertisement office's order number in brackets, closing an advert's copy ("… Bureau Handelsblad. (43787)",
#: "(43417) Hofleveranciers van Z. M. den Koning."); the OCR garbles its figures ("(3G947)", "(4?829)", "(42369J",
#: "(439»)")
_ORDER_NUMBER = r"\(\s*(?:[\d?][\dOoIlGJ?]{4}|\d{3}[»*])\s*[)J;]"
ORDER_KEY = re.compile(_ORDER_NUMBER)
#: a column of adverts closes at least this many of them on such a number
ORDER_KEYS_MIN = 3


def _keyed_cuts(lines: Sequence[Line]) -> list[int]:
    """Where the next advert opens in a block of adverts closed on their order numbers (:data:`ORDER_KEY`, at least
    :data:`ORDER_KEYS_MIN` of them: the Algemeen Handelsblad sets a whole column of adverts so): after each line
    holding a number, and after the signatures set right of the column's middle under it ("(43792)" / "J. E.
    VELTMAN" / "A. VELTMAN - HEUSE,"). Empty for any other block."""
    keyed = [k for k, ln in enumerate(lines) if ORDER_KEY.search(ln.text)]
    box = _union([ln.box for ln in lines if ln.box is not None])
    if len(keyed) < ORDER_KEYS_MIN or box is None:
        return []
    middle = (box[0] + box[2]) / 2
    cuts: set[int] = set()
    for k in keyed:
        end = k + 1
        while end < len(lines) and (b := lines[end].box) is not None and b[0] >= middle and not ORDER_KEY.search(
                lines[end].text):
            end += 1
        end = _past_bare_keys(lines, end)
        if end < len(lines):
            cuts.add(end)
    return sorted(cuts)


def _closed_on_key(lines: Sequence[Line]) -> bool:
    """The last advert of a keyed column block (:func:`_keyed_cuts`) closes on its order number, maybe signed under
    it ("… innigen dank. (43792)" / "J. E. VELTMAN" / "B. VELTMAN-HEUSE."): it is finished, and the next block's
    text opens the next advert (an advert running on into the next block has no number yet)."""
    return any(ORDER_KEY.search(ln.text) for ln in lines)


#: a line holding only an order number in brackets (and specks): "(43873)"
BARE_ORDER_KEY = re.compile(r"^\W*" + _ORDER_NUMBER + r"\W*$")


def _past_bare_keys(lines: Sequence[Line], end: int) -> int:
    """The first line from ``end`` on that is neither an order number standing alone (:data:`BARE_ORDER_KEY`) nor
    OCR specks: a number alone under an advert closed on its own ("… 1876. (43918)" / "..:" / "(43873)") opens no
    advert, it stays with the one above; the next advert opens after it."""
    k = end
    while k < len(lines) and (BARE_ORDER_KEY.match(lines[k].text.strip()) or is_ocr_fragment(lines[k].text)):
        k += 1
    return k if any(BARE_ORDER_KEY.match(ln.text.strip()) for ln in lines[end:k]) else end


#: a dash opening a paragraph: the mark papers set before each unheaded item of a run of news or trade notes
#: ("— Neue Reden an die deutſche Nation. …", "— Op verzoek van …"); set apart from the word that follows, where
#: a dash run on into the word ("—M. le baron …") is a paragraph mark inside one report
DASH_LEAD = re.compile(r"^[—–]\s+[A-ZÀ-Þ„“\"'»]")
#: an advertisement office's order number set beside an official notice ("[24707]", "[215 b]")
ORDER_NUMBER = re.compile(r"^\[\s*\d{2,6}(?:\s*[a-z])?\s*\]\.?$")
#: a line ending on a year closes a text ("Gegeben Berlin im Schloß, den 2. Auguſt 1914."; "Amsterdam, 28 November
#: 1876. (43755)", an advert's order number after it): it opens nothing
CLOSING_DATE = re.compile(r"\b1[5-9]\d\d\s*\.?\s*(?:" + _ORDER_NUMBER + r"\W{0,3})?$")
#: a paragraph indent, in line heights: at least this much …
MIN_INDENT = 0.5
#: … and at most this much (a line set further in is centred or ragged, not a paragraph's first line)
MAX_INDENT = 6.0
#: a line ending this many line heights short of the column's right edge is a paragraph's short last line
SHORT_END = 1.5


def _dated(text: str) -> bool:
    """``text`` opens a dispatch on its place and date, or on a dash standing for the place of the one above."""
    return is_dateline_lead(text.strip()) or dash_dateline(text)


#: how a publisher's advert opens in German papers of the 19th century ("Bei G. Baſſe in Quedlinburg ſind ſo eben
#: erſchienen", "Im Verlage von J. D. Sauerländer in …", "So eben iſt vollſtändig erſchienen:"): each a new item ("So
#: eben iſt der Miniſter angekommen" is news: that formula only with the book "erſchienen" on the line)
BOOK_ADVERT_LEAD = re.compile(
    r"^(?:Bei\s+[A-ZÄÖÜ][\w.ſ⸗-]*(?:\s+[\w.ſ⸗-]+){0,4}\s+in\s+[A-ZÄÖÜ]\w*\s+(?:i[sſ]t|[sſ]ind)\b"
    r"|Im\s+Verlage?\s+(?:von|der|des)\s|So\s?eben\s+(?:i[sſ]t|[sſ]ind)\s.*er[sſ]chienen)")


#: how a family notice opens in Dutch papers ("Voor de vele bewijzen van deelneming, ondervonden bij …", "Heden
#: overleed …", "Heden ontsliep …"): each a new item. A civil registry's section words ("Getrouwd:", "Overleden:") head
#: entries of one listing, and "Heden werd …" opens a report's paragraph: neither counts
FAMILY_NOTICE_LEAD = re.compile(r"^(?:Voor\s+de\s+(?:vele\s+)?bewijzen\s+van|Heden\s+(?:overleed|ontsliep)\b)")
#: a French paper's lead quoting another paper or a letter, up to its colon ("On écrit de Saint-Pétersbourg, en date
#: du 18 novembre, au Moniteur universel :", "On lit dans la Presse :")
QUOTING_LEAD = re.compile(r"^On\s+(?:écrit|lit|mande)\s+(?:de|d'|dans|à)\b[^.:]{0,90}(?::\s*)?$")


#: lower-case words a run-in head's Title Case lets through ("The Last of the Rebellion.—")
_RUN_IN_LINKS = r"(?:of|the|and|in|on|at|for|to|a|an|or|with|from)"
#: a word of a run-in head: a capital (after a quote, a bracket or a dash the OCR read into it) or a link word
_RUN_IN_WORD = r"(?:[\"'“‘(-]{0,2}[A-Z][\w'’&*<>?!\\-]*\.?|" + _RUN_IN_LINKS + r")"
#: a paragraph opening on its title run in before a dash: two to eight words, the first a capital, closed by a full
#: stop (and a closing quote), the dash (microfilm OCR reads an em dash as "?" or "~", and loses the stop before one
#: set apart: "Thk Episcopal Cosvkstiox ?The"; a dash set apart in print runs a sentence on, "ASSAULT —Richard") and
#: the text opening on a capital ("The Eight Hour Meeting.—The mechanics …", "Ex-Governor Lowe.—We understand …")
RUN_IN_HEAD = re.compile(r"^[\"'“‘(-]{0,2}[A-Z]\S*(?:\s+" + _RUN_IN_WORD + r"){1,7}(?:\.[\"'”’]?\s?[—–?~]|\s\?)-?\s?"
                         r"[\"'“]?(?!Advt)[A-Z]")
#: a speaker's title opening a debate's or a trial's paragraph ("Mr. Davis.—I move …"): no run-in head
_SPEAKER = re.compile(r"^(?:Mr|Mrs|Messrs|Dr|Rev|Hon|Sen|Gen|Col|Capt|Judge|Senator)\b")


def run_in_head(text: str) -> bool:
    """The line opens a paragraph on its title run in before a dash (:data:`RUN_IN_HEAD`), as American papers set
    their local items and briefs: in Title Case (a line of capitals before a dash is a speaker in a play, "MADAME
    DUTRIN.—Vous …", or a classified's head), no comma (a catalogue's "Lois, Rogelio.—" entry, a dateline), no figure
    (a law's "Art. 1. —"), not a speaker's title ("Mr. Davis.—I move …")."""
    t = text.strip()
    m = RUN_IN_HEAD.match(t)
    if m is None or _SPEAKER.match(t.lstrip("\"'“‘(")) is not None:
        return False
    head = m.group(0)
    return "," not in head and not any(ch.isdigit() for ch in head) and any(ch.islower() for ch in head[:-1])


#: a dateline whose place the OCR garbled: within its first 30 characters a month's abbreviation or name, a day (its
#: figures read as letters too) and the dash ("K.\\ss?as ('ITY, Sept. 3tl.?'The first …", microfilm OCR's "?" for
#: the dash)
MONTH_DAY_DASH = re.compile(r"^.{0,30}?\b(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?\s*"
                            r"[\dIlOS][\w?<>)]{0,2}\.?\s?[—–?]")


def _ends_sentence(text: str) -> bool:
    """The line closes a sentence on a stop (a closing quote after it; a credit's "9d." or "Sun."), not on an
    initial ("J.") or a title ("Mr.", "Gov.")."""
    words = text.split()
    last = words[-1].rstrip("\"'”’") if words else ""
    return last.endswith((".", "!", "?")) and len(last.rstrip(".!?")) > 1 and last.rstrip(".!?") not in _TITLES


#: titles and abbreviations a line may end on without closing a sentence
_TITLES = frozenset({"Mr", "Mrs", "Dr", "Gov", "Gen", "Col", "Rev", "Hon", "St", "Messrs", "Capt", "Sen"})


#: the two dashes a paper sets before its own correspondent's dateline ("— — London, 22. Auguſt. Damit es …")
CORRESPONDENT_DASHES = re.compile(r"^[—–]\s*[—–]\s+")


def _correspondent_dateline(text: str) -> bool:
    """``text`` opens on two dashes and a dateline proper: a dispatch of the paper's own correspondent."""
    m = CORRESPONDENT_DASHES.match(text)
    return m is not None and is_dateline_lead(text[m.end():])


def _item_lead(text: str, titled: bool, dialogue: bool = False, dated: bool = False) -> bool:
    """The paragraph opens like an unheaded item: a dash, a brief's asterisk and a capital, a publisher's advert or a
    family notice (:data:`BOOK_ADVERT_LEAD`, :data:`FAMILY_NOTICE_LEAD`), or a place and a date ("GRONINGEN, 29
    Nov.", "Hague, Jan. 5.—") — a dateline only where the block carries no title of its own (under "Kursberichte von
    auswärtigen Fondsmärkten." the datelines are the entries of one listing); a dash not in ``dialogue`` (a serial's
    text, where a dash opens a character's speech: "— Vous pouvez me tuer …"). A dash standing for a place before a
    date or a wire's credit (:func:`dash_dateline`) opens a dispatch only under one that opened on its place and
    date (``dated``: "Peſt, 19. Oktober. (W. T. B.)" / "— 20. Oktober. …"); in a list of dated entries under a title
    ("Ernennungen …" / "— 28. Dezember. Prinz …") it runs on."""
    t = text.strip()
    if CLOSING_DATE.search(t) is not None:
        return False
    dash = (DASH_LEAD.match(t) is not None or dated and dash_dateline(t)) and not dialogue
    formula = BOOK_ADVERT_LEAD.match(t) is not None or FAMILY_NOTICE_LEAD.match(t) is not None or (
        QUOTING_LEAD.match(t) is not None)
    dateline = is_dateline_lead(t) or _correspondent_dateline(t)
    return dash or _brief_mark(t) or (not titled and dateline) or formula or run_in_head(t)


#: a paragraph with at least this share of figures among its characters is a listing of quotations or prices
QUOTATION_SHARE = 0.12
#: what a listing of quotations is made of besides numbers: the dash of a price not quoted, per cent, and the
#: points and commas of decimals
_FIGURE_MARKS = frozenset("—%.,")


def _figure_share(lines: Sequence[Line]) -> float:
    """The share of figures (numbers, fractions, decimal marks, "—" for no price, "%") among the characters of
    ``lines`` (spaces left out): prose stays under a tenth, a listing of quotations ("do. pr. Mai 96 ½. Feſt.",
    "Zinsl. —. Neue Anl. 19 G.") is over it."""
    text = "".join("".join(ln.text.split()) for ln in lines)
    return sum(ch.isnumeric() or ch in _FIGURE_MARKS for ch in text) / len(text) if text else 0.0


#: a dispatch run in on its place in capitals, closed by a full stop, its text opening on a capital ("CALAIS. Le
#: général Graham …", "NIMES. Les grandes manœuvres …"; the OCR may read one small capital as lower case, "CàLAIS.")
CAPS_PLACE_RUN_IN = re.compile(r"^([A-ZÀ-Þ][\wÀ-ÿ'’ -]{3,30})\.\s+([A-ZÀ-Þ][a-zà-ÿ].*)$")
#: ... the place's letters at least this share capitals, and its text's first line this many words in lower case
CAPS_PLACE_SHARE = 0.8
CAPS_PLACE_PROSE_WORDS = 2


def _caps_place(text: str) -> str | None:
    """The place in capitals a paragraph opens on, run in before its text (:data:`CAPS_PLACE_RUN_IN`), the text
    running on in prose; None if it opens otherwise."""
    m = CAPS_PLACE_RUN_IN.match(text.strip())
    if m is None:
        return None
    letters = [ch for ch in m.group(1) if ch.isalpha()]
    prose = sum(1 for w in m.group(2).split() if w[:1].islower())
    if len(letters) < 4 or sum(ch.isupper() for ch in letters) < CAPS_PLACE_SHARE * len(letters):
        return None
    return m.group(1) if prose >= CAPS_PLACE_PROSE_WORDS else None


#: a page running lines in on one name in capitals this many times sets a scene: every such name is a speaker's
SCENE_SPEECHES = 3


def _caps_signature(text: str) -> bool:
    """``text`` is a writer's name signing an item in capitals, no stop: one or two words ("VILLENEUVE")."""
    words = text.split()
    return 1 <= len(words) <= 2 and len(text) <= SIGNATURE_CHARS and _caps_line(text, 1.0) and text[-1:].isalpha()


def _speakers(blocks: Sequence[Block]) -> frozenset[str] | None:
    """The names in capitals the page runs lines in on twice or more (:func:`_caps_place`): a speaker's, not a
    place's; None (all of them are speakers) where one comes :data:`SCENE_SPEECHES` times or more, a scene
    ("DUTRIN. Vite à table …" / "DUPOTEAU. Moi …" / "DUTRIN. Voyons …", the OCR garbling some names), whose speeches
    are one text, no dispatches."""
    counts: dict[str, int] = {}
    for b in blocks:
        for ln in b.lines:
            if (name := _caps_place(ln.text)) is not None:
                counts[name] = counts.get(name, 0) + 1
    if any(n >= SCENE_SPEECHES for n in counts.values()):
        return None
    return frozenset(name for name, n in counts.items() if n >= 2)


def _led_starts(lines: Sequence[Line], titled: bool, dialogue: bool = False,
                speakers: frozenset[str] | None = frozenset()) -> list[int]:
    """Indices of lines inside one block of body text that open an unheaded item (never 0).

    Papers run short items on in one column with no headline: a local-news column whose items each open on a
    place and a date, a dispatch column ("PAUMA den 24 April."), trade notes each opened by a dash. An OCR
    block (an hOCR paragraph, a KB block, a PAGE region) often holds several of them. A paragraph starts an item
    when it opens so (:func:`_item_lead`) and the paragraph before it is finished: the line above ends a
    sentence without breaking a word, and the new line is indented as a paragraph's first line or the line above
    stops short of the column's edge (its paragraph's last line), and the new line runs on to the edge (a place
    and date closing a notice, "Bonn, den 17. Juli 1916.", stands alone). A dateline in the middle of a sentence, or a
    dash starting a line of running text, does neither. Under a headline of the block's own, the datelines are the
    entries of one report (``titled``) unless a signature set flush right closed the item above them. In a serial's
    text (``dialogue``) a dash opens a character's speech, no item.
    """
    boxes = [ln.box for ln in lines]
    if len(lines) < 2 or any(b is None for b in boxes):
        return []
    known = [b for b in boxes if b is not None]
    height = sorted(b[3] - b[1] for b in known)[len(known) // 2]
    left = sorted(b[0] for b in known)[len(known) // 4]
    right = sorted(b[2] for b in known)[(3 * len(known)) // 4]
    if height <= 0:
        return []
    starts = []
    opening = lines[0].text  # the first line of the item the lines are in
    telegrams = {k for k in range(2, len(lines)) if _telegram_head(lines, k, left, height)}
    telegrams = telegrams if len(telegrams) >= TELEGRAMS_MIN else set()  # a bulletin's, no report's own date
    for k in range(2, len(lines)):  # under the block's first line alone stands its title, not an item
        prev, box, above = lines[k - 1], known[k], known[k - 1]
        indented = MIN_INDENT * height <= box[0] - left <= MAX_INDENT * height
        short_above = right - above[2] >= SHORT_END * height
        # a paragraph's short last line ends it even where the OCR lost its full stop
        finished = not prev.hyphenated and not prev.text.rstrip().endswith(_LINE_END_HYPHENS) and (
            prev.text.rstrip().endswith(_SENTENCE_END) or short_above and indented)
        runs_on = right - box[2] < SHORT_END * height  # not a closing line ("Bonn, den 17. Juli 1916.")
        # a crosshead over the paragraph ("In the House."), centred or set well in: not a paragraph's last line
        heading = _is_centred(lines[k - 1], left, right, height) or (short_above and above[0] - left > 3 * height)
        # a signature set flush right ("SMITH & JONES.") closed the item above, whatever headline the block had
        signed = right - above[2] < height and above[0] - left > SIGNATURE_INSET * (right - left)
        # after a paragraph of figures a dateline is the next entry of a listing of quotations, not a new item —
        # where the item above opened on its dateline too (a trade note opened by a dash, its figures closing it,
        # is no listing: "— Laut Meldung … 107 240 Lire." / "New York, 5. November. (W. T. B.) …")
        quoted = _figure_share(lines[max(0, k - 3):k]) >= QUOTATION_SHARE and DASH_LEAD.match(opening) is None
        # words a colon announced ("… elle murmura :" / "— Faux espoir …"): a scene's dialogue from there on
        dialogue = dialogue or _announces_speech(prev.text, lines[k].text) or _spoken(lines[k].text)
        lead = _item_lead(lines[k].text, (titled or quoted) and not signed, dialogue, _dated(opening))
        # a dispatch run in on its place in capitals, under any title, not in a listing of figures or a scene
        place = None if quoted or dialogue or speakers is None else _caps_place(lines[k].text)
        lead = lead or place is not None and speakers is not None and place not in speakers
        # a title run in before a dash under a closed sentence opens an item however little the OCR kept of the indent
        set_in = indented or short_above or signed or run_in_head(lines[k].text) and _ends_sentence(prev.text)
        if finished and lead and (runs_on and not heading and set_in or k in telegrams):
            starts.append(k)
            opening = lines[k].text
    return starts


#: a year in a line: a place and date closing a notice names it, a telegram's head does not
YEAR = re.compile(r"\b1[5-9]\d\d\b")
#: a telegram's place and date alone on their line run to this many words at most ("Londres, mardi matin, 27
#: novembre.")
TELEGRAM_HEAD_WORDS = 6
#: a block of a bulletin holds this many telegrams' heads or more (one such line may date a report's next day)
TELEGRAMS_MIN = 2


def _telegram_head(lines: Sequence[Line], k: int, left: float, height: float) -> bool:
    """Line ``k`` is a telegram's place and date set alone on its line ("Turin, 27 novembre."), in from the left
    past a paragraph's indent, its text under it opening on a paragraph's indented first line: a bulletin's next
    telegram (L'Union 1860's "Bulletin télégraphique.", when the block holds :data:`TELEGRAMS_MIN` such heads). A
    place and date closing a notice names its year and stands over a signature."""
    text = lines[k].text.strip()
    box, under = lines[k].box, lines[k + 1].box if k + 1 < len(lines) else None
    if box is None or under is None or not text.endswith(".") or YEAR.search(text) or not is_dateline_lead(text):
        return False
    return (len(text.split()) <= TELEGRAM_HEAD_WORDS and box[0] - left > MAX_INDENT / 2 * height
            and MIN_INDENT * height <= under[0] - left <= MAX_INDENT * height and box[0] > under[0])


#: a block whose lines run across this many columns' measure or more ...
WIDE_NOTICE_MEASURE = 1.6
#: ... holding at least this many paragraphs ...
WIDE_NOTICE_PARAGRAPHS = 4
#: ... each of two lines at least and at most this many, is a run of notices
WIDE_NOTICE_LINES = 13


def _wide_notice_starts(lines: Sequence[Line], column_width: float) -> list[int]:
    """Indices of the lines opening the notices of a run set across the page's columns (never 0).

    Eighteenth-century Dutch papers set their notices and adverts after the news in one block across both columns,
    each a short paragraph opened by an indent ("Op Woensdag den 20 May …" / "Mr. SIEBERS, Cafteleyn …"): each
    paragraph is a notice of its own. The run's lines are :data:`WIDE_NOTICE_MEASURE` columns wide or more (their
    median width, not the block's box: an advert's box may reach across columns its lines do not), it holds
    :data:`WIDE_NOTICE_PARAGRAPHS` paragraphs or more, and every one of them is two to :data:`WIDE_NOTICE_LINES`
    lines long: a list's one-line entries and a report's long paragraphs are no notices. The run is the whole
    block (a block holding heads is a story's or an advert's)."""
    widths = sorted(ln.box[2] - ln.box[0] for ln in lines if ln.box is not None)
    if column_width <= 0 or len(widths) < 2 * WIDE_NOTICE_PARAGRAPHS:
        return []
    if widths[len(widths) // 2] < WIDE_NOTICE_MEASURE * column_width:
        return []
    starts = paragraph_starts(lines)
    lengths = [b - a for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    if len(starts) < WIDE_NOTICE_PARAGRAPHS or not all(2 <= n <= WIDE_NOTICE_LINES for n in lengths):
        return []
    return starts[1:]


#: a signature set toward the right: in from the column's left edge by this many line heights at least ...
SIGNATURE_SET_IN = 3.0
#: ... of this many characters at most ...
NOTICE_SIGNATURE_CHARS = 50
#: ... no wider than this share of the measure ...
SIGNATURE_WIDTH = 0.8
#: ... a name and an address: at least this share of its characters letters (a table's figures are not) ...
SIGNATURE_LETTERS = 0.6
#: ... its right-hand margin at most this share of its left-hand one (a centred crosshead's are alike)
SIGNATURE_RIGHT_SHARE = 1 / 2
#: a signature stands under a line closed by a stop, or by a comma before the name run on ("… N Brehm," /
#: "Snedkermester boende i …"); under a colon it is a name the text announces ("Heden zyn ondertrouwd :")
SIGNED_AFTER = (".", ",", "!", "?")
#: a line opening on a quotation mark goes on with a quoted letter, its signature the letter's
QUOTE_MARKS = ("»", "«", "\"", "“", "„")
#: a run of body text holding this many signatures closing its paragraphs is a column of signed notices ...
SIGNED_NOTICES = 2
#: ... each of its notices running on for this many lines at most (a letter or a report runs longer) ...
SIGNED_NOTICE_LINES = 24
#: ... half of them this many lines at most
NOTICE_RUN_MEDIAN = 5


def _set_right(box: Box, text: str, edges: tuple[float, float, float]) -> bool:
    """A line of a run (edges: its left and right edge and line height) set toward the right as a signature is: a
    name (and an address) of :data:`NOTICE_SIGNATURE_CHARS` at most, mostly letters and no dateline, set in
    :data:`SIGNATURE_SET_IN` line heights or more, its right-hand margin far narrower than its left-hand one."""
    left, right, em = edges
    t = text.strip()
    inset = box[0] - left
    letters = sum(ch.isalpha() for ch in t)
    return (len(t) <= NOTICE_SIGNATURE_CHARS and inset >= SIGNATURE_SET_IN * em
            and letters >= SIGNATURE_LETTERS * len("".join(t.split())) and not _dated(t)
            and box[2] - box[0] <= SIGNATURE_WIDTH * (right - left) and right - box[2] <= SIGNATURE_RIGHT_SHARE * inset)


#: a signature letter-spaced across the measure has at most this many characters
SPACED_SIGNATURE_CHARS = 30


def _spaced_name(box: Box, text: str, edges: tuple[float, float, float], pitch: float) -> bool:
    """A line of a run letter-spaced as a signature is (Fraktur papers space a name out): a short name (and trade) of
    :data:`SPACED_SIGNATURE_CHARS` at most, mostly letters and no dateline, ending at the column's right edge and
    :data:`SPACED_PITCH` times as wide per character as the run's text ("M. T r a b o l t, Muurmester.")."""
    _, right, em = edges
    t = text.strip()
    letters = sum(ch.isalpha() for ch in t)
    return (pitch > 0 and 0 < len(t) <= SPACED_SIGNATURE_CHARS and right - box[2] < em and not _dated(t)
            and letters >= SIGNATURE_LETTERS * len("".join(t.split()))
            and (box[2] - box[0]) / len(t) >= SPACED_PITCH * pitch)


def _signatures(lines: Sequence[Line], boxes: Sequence[Box], edges: tuple[float, float, float]) -> list[bool]:
    """Which lines of a run are a signature closing a paragraph: lines set right (:func:`_set_right`) under a line
    closed by a stop or a comma (:data:`SIGNED_AFTER`), not opening on a quotation mark, the line under them a
    paragraph's indented first line or the run's end."""
    left, _, em = edges
    pitches = sorted((b[2] - b[0]) / len(ln.text.strip()) for ln, b in zip(lines, boxes, strict=True)
                     if len(ln.text.strip()) >= 20)
    pitch = pitches[len(pitches) // 2] if pitches else 0.0
    right_set = [k > 0 and (_set_right(boxes[k], lines[k].text, edges) or _spaced_name(boxes[k], lines[k].text, edges,
                                                                                        pitch))
                 for k in range(len(lines))]
    signed = [False] * len(lines)
    for k in range(1, len(lines)):
        closed = _without_stray_mark(lines[k - 1].text).endswith(SIGNED_AFTER) and not lines[k - 1].hyphenated
        if not right_set[k] or right_set[k - 1] or not closed or lines[k].text.lstrip().startswith(QUOTE_MARKS):
            continue
        end = k
        while end < len(lines) and right_set[end]:
            end += 1
        if end == len(lines) or MIN_INDENT * em <= boxes[end][0] - left <= SIGNATURE_SET_IN * em:
            signed[k:end] = [True] * (end - k)
    return signed


def _signed_notice_starts(lines: Sequence[Line]) -> list[int]:
    """Indices of the lines opening the notices of a column of signed notices (never 0).

    Advertisement papers of the 18th century (the Adresse-Contoirs Efterretninger 1795) run their private notices
    on in one column, each a short paragraph opened by an indent, many closed by the advertiser's name set toward
    the right under the text ("… den bedste Behandling" / "Mad. Fenne Bech." / "Huusholderske."; "… til Leie for
    en honnette Logerende." / "C. Hultmann, Malermester."). A run holding :data:`SIGNED_NOTICES` such signatures
    (:func:`_signatures`) is such a column: each signature closes its notice, and every paragraph opens one (the
    reader's paragraphs, :func:`paragraph_starts`, whose first line is indented as a paragraph's: a line set in further
    is a signature not read as one, "A G Kühnel," / "Farvermester.") — where the notices are short: none over
    :data:`SIGNED_NOTICE_LINES` lines, half of them :data:`NOTICE_RUN_MEDIAN` at most (a letter's or a report's
    paragraphs run longer). One signature is a letter's or a report's, and its paragraphs stay one text."""
    boxes = [ln.box for ln in lines if ln.box is not None]
    if len(lines) < 4 or len(boxes) < len(lines):
        return []
    edges = (sorted(b[0] for b in boxes)[len(boxes) // 4], sorted(b[2] for b in boxes)[(3 * len(boxes)) // 4],
             sorted(b[3] - b[1] for b in boxes)[len(boxes) // 2])
    if edges[2] <= 0:
        return []
    signed = _signatures(lines, boxes, edges)
    if sum(1 for k in range(1, len(lines)) if signed[k] and not signed[k - 1]) < SIGNED_NOTICES:
        return []
    left, right, em = edges
    # a paragraph's indented first line under a notice's last line (stopping short of the measure, or a notice of
    # one line); a line set in further (a signature not read as one), under a full line of a paragraph (a garbled
    # line set in) or dated (the notice's signing place and date) stays with its notice
    indented = set(paragraph_starts(lines))
    paragraphs = {k for k in indented if k > 0 and MIN_INDENT * em <= boxes[k][0] - left <= SIGNATURE_SET_IN * em
                  and (right - boxes[k - 1][2] >= MIN_INDENT * em or k - 1 in indented) and not _dated(lines[k].text)}
    starts = [k for k in range(1, len(lines)) if not signed[k] and (signed[k - 1] or k in paragraphs)]
    lengths = sorted(b - a for a, b in zip([0, *starts], [*starts, len(lines)], strict=True))
    if lengths[-1] > SIGNED_NOTICE_LINES or lengths[len(lengths) // 2] > NOTICE_RUN_MEDIAN:
        return []
    return starts


#: "flyttet" (moved) as well as the Fraktur OCR reads it: "flyttet", "flvttet", "fiyttet", "flytiet", "flittet"
_MOVED = r"f[l1iI|][yivj]t[ti]?[ie]t"
#: the opening of a change-of-residence notice, the advertiser's new address announced (the Adresse-Contoirs
#: Efterretninger 1795, after the fire of June 1795): "Slagter Lindberg, som boede paa …", "Nieolay h. W.smer, der
#: forhen boede …", "Naglet … er indflyttet i …", "Kammer Seeretai« Gundelach boer i …", a ship's berth "… anvises af
#: Mægler …"; a participle ("Snedkermester boende i …") is a signature's address, no opening. The Fraktur OCR reads
#: o as » or « and b as d ("so« b»ed«", "b»er i"), "er" as "«r", runs "er udflyttet" together ("erudflvttet")
RESIDENCE_NOTICE = re.compile(r"\bs[o0][m«»]\s+(?:\S+\s+){0,2}?(?:[bd][o»«][e«]r|[bd][o»«][e«]d[e«]|ligger|logerer)"
                              r"(?!\w)"
                              r"|\bder\s+(?:\S+\s+){0,2}?(?:boer|boede|ligger|logerer)\b"
                              r"|(?<!\w)[e«]r\s*(?:\S+\s+)?(?:hen|ind|ud)?" + _MOVED + r"(?!\w)"
                              r"|\bb[o»«v]er\s+(?:nu\s+)?(?:paa|i|udi)\b"
                              r"|\banvises\b")
#: ... within this many characters of the paragraph's first line
RESIDENCE_CHARS = 60
#: the other formulas such a column's notices open on: a ship's berth ("Skibsleilighed til Petersborg …"), a skipper's
#: sailing ("Skpr. … Holst, som ligger …", the OCR's "ligaer"), the undersigned ("Undertegnede, som …"), an address
#: to the advertiser's patrons or friends ("Til mine Velynderes Efterretning …", OCR "T>l") and his thanks ("Med
#: største Erkiendtlighed takker jeg …")
NOTICE_FORMULA = re.compile(r"^(?:Skib\s?s?leilighed\b|Skpr\.|Undertegnede\b|Underskrevne\b"
                            r"|(?:T\W?l|Til)\s+mine\s+\S*(?:ynder|Venner)|Med\s+st\S+\s+Erkiend)")
#: a skipper's or captain's notice of his sailing or berth ("Capt. Seibert Rose førende Skibet John, agter om 4 Dage
#: …", "C^pt. … agter", "Skipper … ligger ved Børsen", "Skor." for "Skpr."): his title, then within 50 characters
#: the Danish words for commanding a ship (OCR "forende", "ssrende"), intending ("agter", "agt«") or lying at a berth;
#: a title alone opens nothing (an American report's "Capt. J. R. Smith, of the steamer …")
SKIPPER_NOTICE = re.compile(r"(?:C[a\W]?pt\.|Skipper|Sk[op]r\.)\s.{0,50}?(?<!\w)"
                            r"(?:agt(?:er|\W)|\S{1,2}rende\b|ligger\b)")


def _residence_notice_starts(lines: Sequence[Line]) -> list[int]:
    """Indices of the lines opening a paragraph (the reader's, :func:`paragraph_starts`; never 0) on a capital that
    announce where the advertiser now lives or has moved to (:data:`RESIDENCE_NOTICE` within
    :data:`RESIDENCE_CHARS` characters): each such paragraph is a notice of its own, whether or not the one above
    is signed (the notices :func:`_signed_notice_starts` reads need two signatures in the run)."""
    return [k for k in paragraph_starts(lines) if k > 0 and _residence_opening(lines[k].text)]


def _residence_opening(text: str) -> bool:
    """``text``, a paragraph's first line, opens on a capital a notice of where its advertiser now lives
    (:data:`RESIDENCE_NOTICE` within :data:`RESIDENCE_CHARS` characters) or on another of such a column's
    formulas (:data:`NOTICE_FORMULA`, :data:`SKIPPER_NOTICE`)."""
    head = text.strip()[:RESIDENCE_CHARS]
    return head[:1].isupper() and (RESIDENCE_NOTICE.search(head) is not None or NOTICE_FORMULA.match(head) is not None
                                   or SKIPPER_NOTICE.match(head) is not None)


def _set_in_alone(run: Sequence[Line], em: float) -> bool:
    """The run's first line is set in from the left well past a paragraph's indent (:data:`MAX_INDENT` ems) and
    ends a sentence, its text beginning on the next line: a telegram's dateline set alone over it ("Londres, 29
    avril, 8 h. 15." / "J'apprends que …"), out to the right edge as it may be, heads no item of its own."""
    lefts = sorted(ln.box[0] for ln in run[1:] if ln.box is not None)
    first = run[0].box
    return (first is not None and bool(lefts) and first[0] - lefts[len(lefts) // 2] > MAX_INDENT * em
            and run[0].text.rstrip().endswith(_SENTENCE_END))


#: a wire bureau's credit in brackets after a dateline: its initials ("(W. T. B.)", "(B. H.)")
WIRE_CREDIT = re.compile(r"\((?:[A-ZÄÖÜ]\.\s*){2,4}\)")


def _wire_dateline(text: str) -> bool:
    """``text`` opens on a dateline proper and the wire bureau's credit ("New York, 5. November. (W. T. B.) …")."""
    t = text.strip()
    return is_dateline_lead(t) and WIRE_CREDIT.search(t[:RUN_IN_TITLE_CHARS + 20]) is not None


def _announces_speech(above: str, line: str) -> bool:
    """A line opening on a dash under one ending on a colon: the words the colon announced, a character's speech or
    a quotation, not an unheaded item's dash."""
    return above.rstrip().endswith(":") and DASH_LEAD.match(line.strip()) is not None


#: a dash opening a character's speech: its first sentence closes on a question or an exclamation mark ("— Vous ne
#: répondez pas ? demanda le curé", "— Moi ! exclama …", "— Par qui ?..."), before any full stop
SPOKEN_DASH = re.compile(r"^[—–]\s+[^.]{1,80}?\s?[?!]")


def _spoken(text: str) -> bool:
    """``text`` opens on a dash and a sentence asking or exclaiming (:data:`SPOKEN_DASH`): a serial's dialogue,
    where the dashes after it are the answers; a news column's dash opens a note on a statement."""
    return SPOKEN_DASH.match(text.strip()) is not None


#: extra whitespace above a paragraph's first line, in line heights, that parts two unheaded items of one column
LEAD_GAP = 0.75
#: ... where fewer than this share of the block's paragraphs are set off so (else it is how the paper sets them)
LEAD_SHARE = 0.5
#: ... and the item it opens runs on for at least this many lines of the run
LEAD_ITEM_LINES = 3
#: a page with fewer paragraphs than this in all tells nothing of how it sets them
LEAD_PAGE_PARAGRAPHS = 12
#: a block stands right under the one before it when its first line is at most this many line heights below
BLOCK_LEAD_SPAN = 4.0
#: ... under a paragraph at least this many line heights high (two lines; a listing's entries stand alone)
BLOCK_LEAD_ABOVE = 1.5
#: a note parted from the next by lead runs on for this many lines at most (an article's paragraph runs longer)
LEAD_NOTE_LINES = 12
#: ... and a blank line at least parts it from the note above, in line heights beyond the usual gap
LEAD_NOTE_GAP = 1.5
#: on a page that sets a text's paragraphs inside its blocks and parts them by no lead, a block standing under an
#: item's text of at most this many lines, with lead above it, opens an unheaded item (a long text's blank line is a
#: break between its sections)
LEADED_ITEM_LINES = 30
#: ... and set to this share of the measure of the text above it at least
LEAD_MEASURE = 0.8


def _leaded_starts(lines: Sequence[Line], block: Block, paper_leads: bool = True) -> list[int]:
    """Indices of lines inside one run of body text that open an unheaded item by the lead above them (never 0).

    Editorial notes and briefs run on in one column with no headline, parted by extra lead (three quarters of a
    line or more beyond the block's usual gap) above the next one's indented first line: "… in a new dress of
    beautiful type." / (lead) / "Says Justice Miller, of the United States …" (Lancaster Intelligencer 1881). The
    paragraph above is finished (its last line ends a sentence). Where most paragraphs of the run are set off so,
    lead is how the paper sets paragraphs, and it parts nothing — unless the page's other paragraphs say it is not
    (``paper_leads`` false, :func:`_paper_leads`): then a run of notes each parted by lead is a run of items (the
    Little River News' editorial notes, "… with a smile." / (lead) / "By the way, have you done …"). Only lines next
    to each other in ``block`` count: where a heading between them was taken out of the run ("§. 3."), the
    whitespace is the heading's."""
    paragraphs, leaded = _lead_count(lines, block)
    return leaded if len(leaded) < LEAD_SHARE * paragraphs or not paper_leads and _run_of_notes(lines, leaded) else []


def _run_of_notes(lines: Sequence[Line], leaded: Sequence[int]) -> bool:
    """The paragraphs opening at ``leaded`` are short notes of a column of their own: a blank line or more parts
    each from the one above (an advert's paragraphs, a listing's entries under one office, "For Circuit Judge.",
    are set off by less), and each runs on for a dozen lines at most (an article's paragraphs run longer)."""
    ends = [*leaded[1:], len(lines)]
    if not leaded or any(b - a > LEAD_NOTE_LINES for a, b in zip(leaded, ends, strict=True)):
        return False
    gaps, usual = _line_gaps(lines)
    heights = sorted(ln.box[3] - ln.box[1] for ln in lines if ln.box is not None)
    height = heights[len(heights) // 2] if heights else 0.0
    return height > 0 and all(gaps[k] - usual >= LEAD_NOTE_GAP * height for k in leaded)


def _column_overlap(a: Box, b: Box) -> bool:
    """Boxes ``a`` and ``b`` stand in one column: they overlap across half the narrower one's width."""
    return min(a[2], b[2]) - max(a[0], b[0]) >= 0.5 * min(a[2] - a[0], b[2] - b[0])


def _usual_block_gap(blocks: Sequence[Block], height: float) -> float | None:
    """The usual whitespace between the last line of a text block and the first line of the next block in reading
    order standing under it in its column (within :data:`BLOCK_LEAD_SPAN` line heights), where the page sets the
    paragraphs of a text as blocks of their own close under each other: :data:`LEAD_PAGE_PARAGRAPHS` such pairs or
    more, fewer than half of them parted by :data:`LEAD_GAP` line heights beyond the usual gap. None otherwise
    (lead between blocks is then how the page sets them, or too few tell)."""
    if height <= 0:
        return None
    gaps = []
    texts = [b for b in blocks if len(b.lines) >= 2 and b.lines[0].box is not None and b.lines[-1].box is not None]
    for a, b in zip(texts, texts[1:], strict=False):
        low, top = a.lines[-1].box, b.lines[0].box
        assert low is not None and top is not None
        if _column_overlap(low, top) and 0 <= top[1] - low[3] <= BLOCK_LEAD_SPAN * height:
            gaps.append(top[1] - low[3])
    if len(gaps) < LEAD_PAGE_PARAGRAPHS:
        return None
    usual = sorted(gaps)[len(gaps) // 2]
    leaded = sum(1 for g in gaps if g - usual >= LEAD_GAP * height)
    return usual if leaded < LEAD_SHARE * len(gaps) else None


def _usual_line_gap(blocks: Sequence[Block]) -> float:
    """The median whitespace between a line and the next one in its block, over the page (0 when lines overlap or
    there are none)."""
    gaps = sorted(b.box[1] - a.box[3] for block in blocks for a, b in zip(block.lines, block.lines[1:], strict=False)
                  if a.box is not None and b.box is not None)
    return max(0.0, gaps[len(gaps) // 2]) if gaps else 0.0


def _paper_leads(blocks: Sequence[Block]) -> bool:
    """The page sets its paragraphs off by lead: over all its blocks, at least half the paragraphs that open under
    a finished one (:func:`_lead_count`) have extra lead above them, or there are too few to tell."""
    paragraphs, leaded = 0, 0
    for block in blocks:
        n, marked = _lead_count(block.lines, block)
        paragraphs, leaded = paragraphs + n, leaded + len(marked)
    return paragraphs < LEAD_PAGE_PARAGRAPHS or leaded >= LEAD_SHARE * paragraphs


#: a mark the OCR read from a speck after a line's last word, set apart by a space ("… the lots they own. «")
STRAY_MARK = re.compile(r"\s+[^\w\s\-\u00ad⸗¬]$")


def _without_stray_mark(text: str) -> str:
    """``text`` without the trailing space and stray mark of :data:`STRAY_MARK`: whether a line ends its sentence is
    read on its last word."""
    return STRAY_MARK.sub("", text.rstrip())


def _lead_count(lines: Sequence[Line], block: Block) -> tuple[int, list[int]]:
    """The number of paragraphs opening inside ``lines`` (an indented first line) and the indices of those that
    open an item by the lead above them (:func:`_leaded_starts`)."""
    boxes = [ln.box for ln in lines]
    place = {id(ln): n for n, ln in enumerate(block.lines)}
    if len(lines) < 4 or any(b is None for b in boxes):
        return 0, []
    known = [b for b in boxes if b is not None]
    gaps, usual = _line_gaps(lines)
    height = sorted(b[3] - b[1] for b in known)[len(known) // 2]
    left = sorted(b[0] for b in known)[len(known) // 4]
    right = sorted(b[2] for b in known)[(3 * len(known)) // 4]
    if height <= 0:
        return 0, []
    paragraphs, leaded = 0, []
    for k in range(1, len(lines)):
        if not MIN_INDENT * height <= known[k][0] - left <= MAX_INDENT * height:
            continue
        paragraphs += 1
        prev = lines[k - 1]
        next_to = place.get(id(lines[k]), -1) - place.get(id(prev), -9) == 1
        flush = known[k - 1][0] - left < MIN_INDENT * height  # a paragraph's last line, not a centred "§. 3."
        finished = next_to and flush and not prev.hyphenated and _without_stray_mark(prev.text).endswith(_SENTENCE_END)
        # a crosshead alone on its line is no paragraph; a couplet at the run's end closes it (a listing's last entry)
        runs_on = right - known[k][2] < SHORT_END * height and len(lines) - k >= LEAD_ITEM_LINES
        if finished and runs_on and (gaps[k] - usual) / height >= LEAD_GAP and not is_ocr_fragment(lines[k].text):
            leaded.append(k)
    return paragraphs, leaded


#: a card (a professional's, a shop's) holds this many lines at most …
CARD_LINES = 8
#: … each of at most this many characters
CARD_CHARS = 40
#: an advertiser's card closer than this many body lines under the copy above it signs that copy
CARD_UNDER = 1.0
#: cards stacked in a column stand at most this many body lines apart
CARD_STACK_LINES = 5
#: a card closes on its proprietor's or agent's name ("C. N. THILL, Prop-", "A. R. FLENIKEN, Agent")
CARD_SIGN_OFF = re.compile(r",\s*(?:Prop|Propr|Proprietor|Props|Agent|Agt)\W{0,2}$")


def _card(lines: Sequence[Line]) -> bool:
    """The block is a card: two to :data:`CARD_LINES` short lines (:data:`CARD_CHARS`, however large their type: an
    insurance office's card boxed across two columns) closing on an address (:data:`ADDRESS_CLOSE`, "Ashdown, -
    Arkansas.") or a sign-off (:data:`CARD_SIGN_OFF`): a lawyer's, a dentist's or a shop's advert, whole, with no
    copy to wait for (Little River News 1917's column of cards)."""
    if not 2 <= len(lines) <= CARD_LINES or any(len(ln.text.strip()) > CARD_CHARS for ln in lines):
        return False
    last = lines[-1].text.strip()
    return ADDRESS_CLOSE.search(last) is not None or CARD_SIGN_OFF.search(last) is not None


#: an advertiser's name and address closing an advert, read as an item of its own, has at most this many characters
ADDRESS_TAIL_CHARS = 80
#: a telephone's number closing an advert ("Phone 151.", "|PHONE 48.")
PHONE_CLOSE = re.compile(r"\b(?:PHONE|Phone|TELEPHONE|Telephone)\W{0,3}\d{1,5}\W{0,2}$")


def _address_tail(draft: _Draft) -> bool:
    """The item is an advertiser's name and address, or a telephone number, alone (:data:`ADDRESS_TAIL_CHARS` at
    most, closing on :data:`ADDRESS_CLOSE` or :data:`PHONE_CLOSE`): the close of the advert above it, no item."""
    texts = [p.text.strip() for p in draft.parts if p.role not in ("noise", "furniture") and p.text.strip()]
    if draft.kind not in ("advertisement", "article") or not texts or sum(len(t) for t in texts) > ADDRESS_TAIL_CHARS:
        return False
    return ADDRESS_CLOSE.search(texts[-1]) is not None or PHONE_CLOSE.search(texts[-1]) is not None


#: a line closing an advert on its address: a US state's abbreviation after a town, or a street and its number
ADDRESS_CLOSE = re.compile(
    r"(?:[,.]\s*|\s)(?:PA|Pa|Penn|MINN|Minn|ARK|Ark|ARKANSAS|Arkansas|KY|Ky|ILL|Ill|IND|Ind|UTAH|Utah|MO|Mo|NEB|Neb"
    r"|IOWA|Iowa|WIS|Wis|MICH|Mich|N\.\s?Y|D\.\s?C|VA|Va|MD|Md|TEX|Tex|KANS?|Kans?|TENN|Tenn|OHIO|Ohio)\.?\s*$"
    r"|\b\d+\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+(?:St|Street|STREET|Ave|Avenue|Str|Straße)\b")
#: ... among the first this many lines of the run (the shop's name, its street, its town)
ADDRESS_LINES = 4


#: a Latin line set sideways is this many times higher than wide, at least
SIDEWAYS_ASPECT = 4.0
#: ... and holds at least this many characters (a one-word label set so is furniture or a caption)
SIDEWAYS_CHARS = 40


def _sideways(lines: Sequence[Line]) -> bool:
    """A horizontal page's block whose every line is set turned a quarter: long Latin lines in boxes many times
    higher than wide. Papers set notices and adverts so in the margin beside the columns (the KB's Courant of
    1750); they are items of their own, not the end of the text read before them."""
    boxes = [ln.box for ln in lines]
    if not lines or any(b is None for b in boxes):
        return False
    turned = all(b is not None and b[3] - b[1] >= SIDEWAYS_ASPECT * max(b[2] - b[0], 1.0) for b in boxes)
    text = "".join(ln.text.strip() for ln in lines)
    return turned and max(len(ln.text.strip()) for ln in lines) >= SIDEWAYS_CHARS and not any(
        is_wide(c) and c.isalpha() for c in text)


#: lines read twice overlap by this share of the smaller box at least
DUPLICATE_OVERLAP = 0.5
#: ... and are compared with this many lines before them in the block
DUPLICATE_WINDOW = 3


def _letters(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _duplicates(lines: Sequence[Line]) -> set[int]:
    """Indices of lines microfilm OCR read twice: a line whose box lies mostly over a nearby line's box and
    whose letters that line holds ("60" under "60Mason"; a headline given twice at its position). The fuller
    reading stays; the other is noise, so a headline read twice makes one headline, not two articles."""
    out: set[int] = {k for k in range(1, len(lines) - 1) if _fused_reading(lines, k)}
    out |= _tall_second_readings(lines)
    for k, line in enumerate(lines):
        for j in range(max(0, k - DUPLICATE_WINDOW), k):
            if j in out or not _same_place(lines[j], line):
                continue
            a, b = _letters(lines[j].text), _letters(line.text)
            if a and b and (b in a or a in b):
                out.add(k if len(b) <= len(a) else j)
                break
    return out


#: each half of a fused reading holds at least this many letters
FUSED_HALF = 2


def _overlap(a: Line, b: Line) -> bool:
    return (a.box is not None and b.box is not None and min(a.box[2], b.box[2]) > max(a.box[0], b.box[0])
            and min(a.box[3], b.box[3]) > max(a.box[1], b.box[1]))


def _fused_reading(lines: Sequence[Line], k: int) -> bool:
    """Line ``k`` is one word microfilm OCR made of the last word of the line above and the first of the line
    under it, boxed over both ("in this county" / "countyWAREHOUSE" / "WAREHOUSE SOLD"; "MONTANA HORSES" /
    "HORSESDO" / "DO NOT SELL WELL"): a second reading of text already read, which would part a headline from
    the text it closes."""
    text = lines[k].text.strip()
    word = _letters(text)
    if " " in text or len(word) < 2 * FUSED_HALF + 1:
        return False
    above, below = lines[k - 1], lines[k + 1]
    if not (_overlap(lines[k], above) and _overlap(lines[k], below)):
        return False
    a, b = _letters(above.text), _letters(below.text)
    return any(a.endswith(word[:i]) and b.startswith(word[i:]) for i in range(FUSED_HALF, len(word) - FUSED_HALF + 1))


#: a second reading is boxed at least this many times as high as the block's usual line ...
SECOND_READING_HEIGHT = 1.8
#: ... holds at most this many words, at least this many letters (a drop initial is one letter) ...
SECOND_READING_WORDS = 2
SECOND_READING_LETTERS = 3
#: ... and starts where a neighbouring line of ordinary height starts (within this share of the usual line height),
#: over it: the OCR read that line again, boxing the reading down over the lines under it
SECOND_READING_TOP = 0.3
#: a neighbour of ordinary height is at most this many times as high as the usual line
ORDINARY_HEIGHT = 1.3


#: a second reading holds a run of this many letters of the line it reads again
SECOND_READING_SHARED = 3


def _shares_letters(text: str, other: str) -> bool:
    """``text`` holds a run of :data:`SECOND_READING_SHARED` letters that ``other`` holds too."""
    a, b = _letters(text), _letters(other)
    n = SECOND_READING_SHARED
    return any(a[i:i + n] in b for i in range(len(a) - n + 1))


def _tall_second_readings(lines: Sequence[Line]) -> set[int]:
    """Indices of lines microfilm OCR read a second time, garbled, over the lines around them: a word or two boxed
    twice as high as the block's usual line or more, lying over the line above or under it in the block ("of the
    team" / "teanmOPERA" over "OPERA HOUSE", "he fired in selfdefense" / "cfcnsiI", "Says He Knows Nothing About
    Kid" / "Kid I"; Winchester News 1910). Letters the OCR read twice that :func:`_fused_reading` cannot match
    because the second reading garbles them; left in, they part a headline from its text or join two items. A
    drop initial is one letter; a display line stands clear of its neighbours, or beside another display line."""
    heights = sorted(ln.box[3] - ln.box[1] for ln in lines if ln.box is not None)
    if len(heights) < SLICE_LINES:
        return set()
    usual = heights[len(heights) // 2]
    out: set[int] = set()
    for k, line in enumerate(lines):
        box, text = line.box, line.text.strip()
        if (box is None or box[3] - box[1] < SECOND_READING_HEIGHT * usual or len(text.split()) > SECOND_READING_WORDS
                or len(_letters(text)) < SECOND_READING_LETTERS):
            continue
        for j in (k - 1, k + 1):
            other = lines[j].box if 0 <= j < len(lines) else None
            if (other is not None and min(box[2], other[2]) > max(box[0], other[0])
                    and abs(box[1] - other[1]) <= SECOND_READING_TOP * usual
                    and other[3] - other[1] <= ORDINARY_HEIGHT * usual and _shares_letters(text, lines[j].text)):
                out.add(k)
                break
    return out


def _same_place(a: Line, b: Line) -> bool:
    if a.box is None or b.box is None:
        return False
    w = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
    h = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
    small = min((a.box[2] - a.box[0]) * (a.box[3] - a.box[1]), (b.box[2] - b.box[0]) * (b.box[3] - b.box[1]))
    return w > 0 and h > 0 and small > 0 and w * h >= DUPLICATE_OVERLAP * small


def _text_len(block: Block) -> int:
    return sum(len(ln.text.strip()) for ln in block.lines)


def _touches(a: Box, b: Box, gap: float) -> bool:
    """Boxes that touch or nearly so (within ``gap``) and overlap along the other axis."""
    overlap_x = min(a[2], b[2]) - max(a[0], b[0])
    overlap_y = min(a[3], b[3]) - max(a[1], b[1])
    dist_y = max(a[1], b[1]) - min(a[3], b[3])
    dist_x = max(a[0], b[0]) - min(a[2], b[2])
    return (overlap_x > 0 and dist_y <= gap) or (overlap_y > 0 and dist_x <= gap)


#: a month's name, abbreviated or whole, in the languages of the pages read (English, French, German, Dutch)
_MONTH_NAME = (r"(?:jan|feb|febr|mar|mrt|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|f[ée]vr|mars|avr|mai|juin|"
               r"juil|ao[uû]t|d[ée]c|m[äa]rz|okt|dez|mei|maart|juni|juli|augustus)[a-zéûäè]*\.?")


def _margin_furniture(blocks: Sequence[Block], sizes: _Sizes) -> set[str]:
    """Ids of short blocks in the top or bottom margin: folios, running heads, the page's date line.

    A block is margin furniture when it lies in the top (bottom) band of the
    page's content, every other block starts below (ends above) it, it has at
    most two lines of short text and it is not set in display type (a masthead
    or a headline is not furniture), nor a heading closing on a full stop right over a whole-column block (a
    running head names the paper: "THE STATESMAN").
    """
    boxed: list[tuple[Block, Box]] = []
    for b in blocks:
        bx = block_box(b)
        if bx is not None and any(ln.text.strip() for ln in b.lines):  # rules and pictures do not count
            boxed.append((b, bx))
    content = _union([bx for _, bx in boxed])
    if content is None or len(boxed) < 3:
        return set()
    band = MARGIN_SHARE * (content[3] - content[1])
    tol = band / 4
    out: set[str] = set()
    for top in (True, False):
        row = [(b, bx) for b, bx in boxed if (bx[3] <= content[1] + band if top else bx[1] >= content[3] - band)]
        in_row = {id(b) for b, _ in row}
        rest = [bx for b, bx in boxed if id(b) not in in_row]
        if not rest:
            continue
        rest_top, rest_bottom = min(r[1] for r in rest), max(r[3] for r in rest)
        for b, bx in row:
            lines = [ln for ln in b.lines if ln.text.strip()]
            if not lines or len(lines) > 2 or _text_len(b) > 80:
                continue
            if any(_is_display(sizes, ln, b) for ln in lines) or top and lines[-1].text.rstrip().endswith(".") and (
                    _heads_a_column(bx, boxed)):
                continue
            if top and rest_top >= bx[3] - tol or not top and rest_bottom <= bx[1] + tol:
                out.add(b.id)
        if top:
            out |= _head_row(row, out, boxed) | {b.id for b, _ in row if _dated_running_head(b)}
    return out


#: a running head's date: a month's name and a year ("s?»I8 Décembre 1924« a-": the OCR garbled the day)
RUNNING_HEAD_DATE = re.compile(r"(?i)\b" + _MONTH_NAME + r"\s*,?\s*1[5-9]\d\d\b")


def _dated_running_head(block: Block) -> bool:
    """A block of the top margin holding the issue's date (a month's name and a year, :data:`RUNNING_HEAD_DATE`) on
    one or two short lines: the page's running head, whatever type it is set in and however skewed the scan sets it
    against the folio and the paper's name beside it (L'Ouest-Éclair 1924 p. 11, each a little lower than the one
    before, on no row)."""
    lines = [ln for ln in block.lines if ln.text.strip()]
    return 0 < len(lines) <= 2 and _text_len(block) <= RUNNING_HEAD_CHARS and any(
        RUNNING_HEAD_DATE.search(ln.text) for ln in lines)


#: a dated running head has at most this many characters
RUNNING_HEAD_CHARS = 40


#: a signature at the page's foot reaches to within this many of its line heights of the lowest text's foot
FOOT_SIGNATURE_LINES = 1.0


def _signatures_at_foot(blocks: Sequence[Block], margin: set[str]) -> set[str]:
    """Ids of the page's foot margin blocks (``margin``) that stand right under their column's text (within half a
    line of it, inside its block's width) where that text breaks off on a comma or a word in lower case: the name
    signing it ("Le susdit Ministre d'Etat, Président du Gouvernement," / "Baron V. de TORNACO."), no furniture."""
    out: set[str] = set()
    texts = [(tb, b.lines[-1]) for b in blocks if b.id not in margin and b.lines and b.lines[-1].box is not None
             and (tb := block_box(b)) is not None]
    bottom = max((tb[3] for tb, _ in texts), default=0.0)
    # at the page's foot (reaching the lowest text's foot), not under a title in the head margin
    foot = [(b, bx) for b in blocks if b.id in margin and (bx := block_box(b)) is not None and bx[3] >= bottom
            - FOOT_SIGNATURE_LINES * (bx[3] - bx[1]) and not _catchword(b)]
    for b, bx in foot:
        for tb, last in texts:
            lbox, end = last.box, last.text.rstrip()
            assert lbox is not None
            height = lbox[3] - lbox[1]
            close = 0 <= bx[1] - lbox[3] <= 0.5 * height and tb[0] - height <= bx[0] and bx[2] <= tb[2] + height
            if close and end and (end.endswith(",") or end[-1].islower()):
                out.add(b.id)
    return out


def _catchword(block: Block) -> bool:
    """A printer's catchword at the page's foot: the next page's first word or syllable alone ("Stan -"), no
    signature."""
    words = " ".join(ln.text for ln in block.lines).split()
    return len(words) <= 2 and (len(words) == 1 or words[-1] in HYPHENS_ALONE or words[-1][-1:] in "-¬=")


#: a hyphen set apart from its syllable ("Stan -")
HYPHENS_ALONE = frozenset({"-", "¬", "=", "‐", "­"})


#: a folio ("3", "- 12 -") or a year in the top margin ("18 Décembre 1924"): what a running head stands beside
FOLIO_OR_YEAR = re.compile(r"^\W*\d{1,4}\W*$|\b1[5-9]\d\d\b")
#: ... a block of at most this many characters (a folio set large, "33", is one too)
FOLIO_CHARS = 24

def _head_row(row: Sequence[tuple[Block, Box]], furniture: set[str], boxed: Sequence[tuple[Block, Box]]) -> set[str]:
    """Short blocks of the top margin on one row with its folio or its date: the page's running head, whatever its
    type size ("LE GAULOIS. MERCREDI 30 Avril 1884" at 12 over a 10 pt body beside the folio "3"); a headline
    heads a column of text, not a row beside the page number, and a heading closing on a full stop right over a
    whole-column block stays one ("LAWLESSNESS.")."""
    marked = [bx for b, bx in row if _text_len(b) <= FOLIO_CHARS and FOLIO_OR_YEAR.search(_flat_block(b))]
    out: set[str] = set()
    for b, bx in row:
        lines = [ln for ln in b.lines if ln.text.strip()]
        if b.id in furniture or not lines or len(lines) > 2 or _text_len(b) > 80:
            continue
        if lines[-1].text.rstrip().endswith(".") and _heads_a_column(bx, boxed):
            continue
        if any(_on_row(bx, other) for other in marked):
            out.add(b.id)
    return out


#: an imprint stands in this last share of the page's content
IMPRINT_SHARE = 0.15


#: an imprint block opening on the editor's line has at most this many lines
IMPRINT_LINES = 10


def _imprint(blocks: Sequence[Block]) -> set[str]:
    """Ids of the short blocks at the foot of the page that hold the paper's imprint (editor, printer,
    publisher): furniture, not the end of the item above them. The foot is the text's: a rule drawn under
    it does not move it."""
    boxed = [(b, bx) for b, bx in ((b, block_box(b)) for b in blocks) if bx is not None and not _is_rule(b)]
    content = _union([bx for _, bx in boxed])
    if content is None:
        return set()
    foot = content[3] - IMPRINT_SHARE * (content[3] - content[1])
    out: set[str] = set()
    for b, bx in boxed:
        lines = [ln.text for ln in b.lines if ln.text.strip()]
        short = 0 < len(lines) <= 3 and _text_len(b) <= 200 and is_imprint(" ".join(lines))
        # a longer one opens on its editor's line (and lists the issue's supplements under it)
        opens = 0 < len(lines) <= IMPRINT_LINES and is_imprint(" ".join(lines[:2]))
        if bx[1] >= foot and (short or opens) or short and is_responsible_editor(" ".join(lines)):
            out.add(b.id)
    # the editor's name set on the row of the line naming his office ("PIERRE HEINTZE." | "rédacteur responsable.")
    offices = [bx for b, bx in boxed if b.id in out and is_responsible_editor(" ".join(ln.text for ln in b.lines))]
    out |= {b.id for b, bx in boxed if len([ln for ln in b.lines if ln.text.strip()]) == 1 and _text_len(b) <= 40
            and _flat_block(b)[:1].isupper() and any(_on_row(bx, m) for m in offices)}
    return out


#: the terms of the paper's own box (who publishes it, when it appears, what it costs, where to write)
PUBLISHER_TERMS = re.compile(
    r"Herausgegeben\s+von|erscheint\s+jeden|Abonne|Insertion|Einrückung|published\s+every|per\s+annum|"
    r"Advertising\s+Rates|subscri(?:ption|bers)|Letter\s+Box|paraît\s+tous|verschijnt", re.IGNORECASE)
#: the terms of an American weekly's own box ("Entered at the postoffice at … as second-class mail matter",
#: "Subscription Price Per Year", "Published Wednesday and Saturday", "$1.50 Cash in Advance")
BOX_TERMS = re.compile(
    r"second[- ]class|entered\s+at\s+the\s+post|subscription|published\s+(?:every|weekly|daily|(?:mon|tues|wednes|"
    r"thurs|fri|satur|sun)day)|per\s+(?:year|annum)|in\s+advance|editors?\s+and\s+publishers?", re.IGNORECASE)
#: ... on two lines or more among a block's first this many lines ...
BOX_LINES = 12
#: ... the first of them among its first this many
BOX_TOP = 4
#: the box is told by at least this many blocks carrying those terms in one column
PUBLISHER_BLOCKS = 3


def _publisher_box(blocks: Sequence[Block]) -> set[str]:
    """Ids of the blocks of the paper's own box (publisher, terms, rates, address; American weeklies set it at
    the head of column 1): every block of the column from the first to the last of at least three blocks that
    carry its terms. Furniture, like the imprint."""
    boxed = [(b, bx) for b, bx in ((b, block_box(b)) for b in blocks) if bx is not None]
    marked = [(b, bx) for b, bx in boxed if PUBLISHER_TERMS.search(" ".join(ln.text for ln in b.lines))]
    if len(marked) < PUBLISHER_BLOCKS:
        return set()
    # the column of the first marked block, and the marked blocks in it
    x0, x1 = marked[0][1][0], marked[0][1][2]
    column = [bx for _, bx in marked if min(bx[2], x1) - max(bx[0], x0) > 0.5 * min(bx[2] - bx[0], x1 - x0)]
    if len(column) < PUBLISHER_BLOCKS:
        return set()
    top, bottom = min(bx[1] for bx in column), max(bx[3] for bx in column)
    left, right = min(bx[0] for bx in column), max(bx[2] for bx in column)
    return {b.id for b, bx in boxed
            if left <= (bx[0] + bx[2]) / 2 <= right and bx[1] >= top and bx[3] <= bottom}


#: a footnote's mark opening its block: "(1)", "(2)", "(i)" (OCR for "(1)"), "*)"
FOOTNOTE_MARK = re.compile(r"^(?:\(\s?[1-9il]\s?\)|\*\))\s*\w")


def _footnotes(blocks: Sequence[Block], sizes: _Sizes) -> set[str]:
    """Ids of the blocks holding footnotes: opened by a note mark ("(1) Œuvres de P. Corneille …") and
    set smaller than the body or standing at the foot of the page. They are notes, not the end of the
    item set above them (which one they belong to is told by the mark in its text, not by position)."""
    boxed = [(b, bx) for b, bx in ((b, block_box(b)) for b in blocks) if bx is not None]
    content = _union([bx for _, bx in boxed])
    if content is None or sizes.body <= 0:
        return set()
    foot = content[3] - IMPRINT_SHARE * (content[3] - content[1])
    out: set[str] = set()
    for b, bx in boxed:
        lines = [ln for ln in b.lines if ln.text.strip()]
        if not lines or FOOTNOTE_MARK.match(lines[0].text.strip()) is None:
            continue
        smaller = max(sizes.of_line(ln, b) for ln in lines) < sizes.body
        if smaller or bx[1] >= foot:
            out.add(b.id)
    return out


def _sliver(line: Line) -> bool:
    """A short Latin line whose box is far taller than wide: a rule or the gutter read as letters
    ("itlt" in a 44 x 135 px box at a page's edge), not text."""
    box, text = line.box, line.text.strip()
    if box is None or len(text) > 6 or any(is_wide(ch) for ch in text):
        return False
    return (box[3] - box[1]) > 2 * (box[2] - box[0])


def _is_picture(block: Block, em: float) -> bool:
    """A picture region, not a rule or an ornament line: at least 1.5 em in both directions."""
    box = block_box(block)
    return box is not None and min(box[2] - box[0], box[3] - box[1]) >= 1.5 * em


def _block_size(sizes: _Sizes, block: Block) -> float:
    """The largest type in the block."""
    return max((sizes.of_line(ln, block) for ln in block.lines if ln.text.strip()), default=0.0)


def _masthead(blocks: Sequence[Block], sizes: _Sizes) -> str | None:
    """Id of the block holding the page's masthead: huge type across the top fifth of the page.

    Huge is four times the body; a title set smaller (2.9x for a Groningen advertising sheet, 3.7x for
    the Journal des Débats) counts when it is the page's largest type and runs across most of the page.
    Adverts (their display faces) are left out of both comparisons.
    """
    if sizes.body <= 0:
        return None
    content = _union([bx for bx in (block_box(b) for b in blocks) if bx is not None])
    if content is None:
        return None
    limit = content[1] + 0.2 * (content[3] - content[1])
    width = content[2] - content[0]
    largest = max((_block_size(sizes, b) for b in blocks if _norm_type(b) not in ADVERT_TYPES), default=0.0)
    best: tuple[float, str] | None = None
    for b in blocks:
        bx = block_box(b)
        if bx is None or bx[1] > limit or _norm_type(b) in ADVERT_TYPES:
            continue
        if (bx[2] - bx[0]) < 0.4 * width or _beside_column(b, bx, blocks):
            continue  # a column's heading in big type, not the title across the page
        size = _block_size(sizes, b)
        title = size >= TITLE_RATIO * sizes.body and size >= largest and (bx[2] - bx[0]) >= TITLE_WIDTH * width
        if (size >= MASTHEAD_RATIO * sizes.body or title) and (best is None or size > best[0]):
            best = (size, b.id)
    return best[1] if best else _logo_title(blocks, content, sizes)


def _beside_column(block: Block, bx: Box, blocks: Sequence[Block]) -> bool:
    """``block`` holds a table of figures (more lines than an ear, :data:`MAX_EAR_LINES`, half of them ending on a
    sum) and a block of text longer than an ear stands beside it on its row (across half its height or more):
    it is set among the page's columns, not over them as a title with its ears is — a bank's name set large over
    its statement at the top of an editorial page, beside the paper's own box and a column of announcements (the
    Nevada County Picayune 1920). A title holds no figures but its date and number."""
    rows = sum(1 for ln in block.lines if sum(ch.isdigit() for ch in (ln.text.split() or [""])[-1]) >= 3)
    if len(block.lines) <= MAX_EAR_LINES or 2 * rows < len(block.lines):
        return False
    for other in blocks:
        ob = block_box(other)
        if other is block or ob is None or len(other.lines) <= MAX_EAR_LINES:
            continue
        apart = ob[2] <= bx[0] + 0.1 * (ob[2] - ob[0]) or ob[0] >= bx[2] - 0.1 * (ob[2] - ob[0])
        if apart and min(ob[3], bx[3]) - max(ob[1], bx[1]) >= 0.5 * (bx[3] - bx[1]):
            return True
    return False


#: a title logo's block is at least this many times as tall as the lines the OCR read in it
LOGO_BOX_RATIO = 3.0


def _logo_title(blocks: Sequence[Block], content: Box, sizes: _Sizes) -> str | None:
    """Id of the block holding a title drawn as a logo the OCR garbled ("HJ I ijf jggg ! a I j H" for
    LE GAULOIS): in the top fifth, across two fifths of the page or more (between its ears), a line or two
    of ordinary height in a box many body lines tall (the box is the picture's, the line what the OCR made
    of it)."""
    if sizes.vertical or sizes.height <= 0:
        return None
    limit = content[1] + 0.2 * (content[3] - content[1])
    for b in blocks:
        bx = block_box(b)
        lines = [ln for ln in b.lines if ln.text.strip() and ln.box is not None]
        if bx is None or bx[1] > limit or not lines or _norm_type(b) in ADVERT_TYPES:
            continue
        tall = bx[3] - bx[1]
        read = sum(_extent(ln, False) for ln in lines)
        wide = bx[2] - bx[0] >= 0.4 * (content[2] - content[0]) and tall >= MASTHEAD_RATIO * sizes.height
        sparse = len(lines) <= 2 and tall >= LOGO_BOX_RATIO * read
        if wide and (sparse or _garbled_block(lines)):
            return b.id
    return None


#: a token that reads as a word: a capital or a lower-case letter and lower case after it, or capitals, with a vowel
_WORDLIKE = re.compile(r"^\W*(?=\w*[aeiouyàâäéèêëîïôöùûüAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ])"
                       r"(?:[A-ZÀ-Þa-zß-ÿ][a-zß-ÿ]+|[A-ZÀ-Þ]{2,})\W*$")
#: a logo the OCR read line by line holds fewer than this share of tokens that read as words, on most of its lines
GARBLED_WORDS = 0.3


def _garbled_block(lines: Sequence[Line]) -> bool:
    """Most of the block's lines are what the OCR made of a picture ("SB9| Mw ® nHn ffPPPI tfiPPl 11111",
    "E MËœffl HKa BH HBI HH H i ||j J ™": the engraved title of Le Gaulois 1882 read as six lines): few of their
    tokens read as words (letters in one case, or a capital before lower case, with a vowel)."""
    def garbled(text: str) -> bool:
        tokens = text.split()
        return bool(tokens) and sum(1 for tok in tokens if _WORDLIKE.match(tok)) < GARBLED_WORDS * len(tokens)

    return sum(1 for ln in lines if garbled(ln.text)) > len(lines) / 2


#: a block running across this share of the page's width at its top is a banner (masthead row or headline)
BANNER_WIDTH = 0.8
#: ... and it is the masthead's when its last lines hold the issue's date line
DATED_BANNER_LINES = 40


def _dated_banner(blocks: Sequence[Block]) -> set[str]:
    """Ids of the blocks across the top of the page that end in the issue's date line ("WASHINGTON, D. C.,
    SUNDAY MORNING, SEPTEMBER 1, 1918"): the masthead row with its ears, read as one block when the title
    itself is a picture the OCR left out (no huge type to find it by). Page furniture."""
    content = _union([bx for bx in (block_box(b) for b in blocks) if bx is not None])
    if content is None:
        return set()
    limit = content[1] + 0.15 * (content[3] - content[1])
    tops = sorted(bx[1] for bx in (block_box(b) for b in blocks) if bx is not None)
    out: set[str] = set()
    for b in blocks:
        bx = block_box(b)
        if bx is None or bx[1] > limit or len(b.lines) > DATED_BANNER_LINES:
            continue
        banner = bx[2] - bx[0] >= BANNER_WIDTH * (content[2] - content[0]) and any(
            is_issue_date(ln.text) for ln in b.lines[-3:])
        if banner or _running_head(b, bx, tops):
            out.add(b.id)
    return out


def _running_head(block: Block, bx: Box, tops: Sequence[float]) -> bool:
    """One line naming the paper and the issue's date, above every other block of the page ("LANCASTER DAILY
    INTELLIGENCER THURSDAY, DECEMBER 29, 1881." over an editorial page's middle columns): its running head,
    however large or narrow it is set."""
    lines = [ln for ln in block.lines if ln.text.strip()]
    if len(lines) != 1 or not is_issue_date(lines[0].text):
        return False
    return bisect.bisect_left(tops, bx[3]) <= 1  # no other block starts before it ends (``tops`` sorted)


#: most lines and characters a block above or beside the masthead has (a date line, an ear)
MAX_EAR_LINES = 8
MAX_EAR_TEXT = 400


def _on_row(a: Box, b: Box) -> bool:
    """Like :func:`_side_by_side`, but boxes drawn edge to edge may touch (ALTO block boxes often do)."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    across = min(a[2], b[2]) - max(a[0], b[0])
    return overlap >= 0.5 * min(a[3] - a[1], b[3] - b[1]) and across <= 0.1 * min(a[2] - a[0], b[2] - b[0])


def _masthead_band(blocks: Sequence[Block], sizes: _Sizes, masthead: str | None) -> set[str]:
    """Ids of the blocks that go with the masthead: the short ones above it or on its row (the date,
    the number, the ears, whatever type the source gives them: a publisher's address and prices are
    not adverts), a subtitle in display type centred right under it (within its height) and the
    short lines in body type right under it (the director's name, "by special wire")."""
    mast = next((b for b in blocks if b.id == masthead), None)
    mbox = block_box(mast) if mast is not None else None
    if mbox is None:
        return set()
    height, centre, span = mbox[3] - mbox[1], (mbox[0] + mbox[2]) / 2, mbox[2] - mbox[0]
    rules = _rules_across(blocks, mbox)
    out: set[str] = set()
    for b in blocks:
        bx = block_box(b)
        lines = [ln for ln in b.lines if ln.text.strip()]
        if b is mast or bx is None or not lines or _norm_type(b) in HEADING_TYPES or _ruled_off(mbox, bx, rules):
            continue
        small = len(lines) <= MAX_EAR_LINES and _text_len(b) <= MAX_EAR_TEXT
        beside = bx[3] <= mbox[1] + 0.25 * height or _on_row(mbox, bx)
        under = (-0.25 * height <= bx[1] - mbox[3] <= height and abs((bx[0] + bx[2]) / 2 - centre) <= 0.15 * span
                 and len(lines) <= 2 and all(_is_display(sizes, ln, b) for ln in lines))
        if small and beside or under or _ear(mbox, bx, b) or _under_title(mbox, bx, b, sizes):
            out.add(b.id)
    return out


#: a vertical rule is at least this many times as tall as it is wide
RULE_SLENDER = 10.0


def _rules_across(blocks: Sequence[Block], mbox: Box) -> list[float]:
    """The x of every vertical rule that runs through the title's row (from its top to its foot), sorted: the title
    does not span it."""
    xs = []
    for b in blocks:
        bx = block_box(b)
        if bx is not None and _is_rule(b) and bx[3] - bx[1] >= RULE_SLENDER * (bx[2] - bx[0]) \
                and bx[1] <= mbox[1] and bx[3] >= mbox[3]:
            xs.append((bx[0] + bx[2]) / 2)
    return sorted(xs)


def _ruled_off(mbox: Box, bx: Box, rules: Sequence[float]) -> bool:
    """A vertical rule running through the title's row stands between the block and the title: the block is on the
    other side of the fold of a spread (the Reichsanzeiger's double pages: "Berliner Viehmarkt, 21. Oktober." on
    the left page, level with the title of the right one), or of a column rule the title does not cross; no ear."""
    lo, hi = (bx[2], mbox[0]) if bx[2] <= mbox[0] else (mbox[2], bx[0])
    return lo < hi and bisect.bisect_right(rules, lo) < bisect.bisect_left(rules, hi)


#: most characters an ear standing wholly within the title's row has (an address and price list)
MAX_ROW_EAR_TEXT = 900
#: a line of body type under the title starts within this share of the title's height below it
UNDER_TITLE_GAP = 0.15


def _ear(mbox: Box, bx: Box, block: Block) -> bool:
    """An ear: a block beside the title that lies wholly within the title's row, however many lines
    it has (Le Gaulois' director's box of fifteen short lines, L'Ouest-Éclair's list of offices): an
    article beside the title would run on below it."""
    height = mbox[3] - mbox[1]
    inside = bx[1] >= mbox[1] - 0.25 * height and bx[3] <= mbox[3] + 0.1 * height
    narrow = bx[2] - bx[0] <= 0.5 * (mbox[2] - mbox[0])
    return inside and narrow and _on_row(mbox, bx) and _text_len(block) <= MAX_ROW_EAR_TEXT


def _under_title(mbox: Box, bx: Box, block: Block, sizes: _Sizes) -> bool:
    """A few short lines in body type set close under the title's foot (the political director's name,
    "PAR FIL TÉLÉGRAPHIQUE SPÉCIAL", the price box under the ears; one line of it may be larger, the
    price): the title's row, not a headline (a headline is display type and stands clear of the title)."""
    lines = [ln for ln in block.lines if ln.text.strip()]
    close = -UNDER_TITLE_GAP * (mbox[3] - mbox[1]) <= bx[1] - mbox[3] <= UNDER_TITLE_GAP * (mbox[3] - mbox[1])
    narrow = bx[2] - bx[0] <= 0.5 * (mbox[2] - mbox[0])
    short = len(lines) <= 4 and _text_len(block) <= 160
    return close and narrow and short and sum(_is_display(sizes, ln, block) for ln in lines) <= 1


#: a running head stands in this top share of the page's content
ECHO_SHARE = 0.3
_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_echo(blocks: Sequence[Block], mast: set[str]) -> set[str]:
    """Ids of running heads repeating the paper's name at the top of a column under the masthead
    ("SUPPLÉMENT ILLUSTRÉ DU PETIT JOURNAL"): a line or two whose words (two or more, of four letters
    or more) are nearly all in the masthead's own text (its title, when read, and its ears), with no
    other block above it in its column. Only such short echoes are compared with the other blocks, so
    this stays linear in the page's blocks for a page with a few of them."""
    named = {w.casefold() for b in blocks if b.id in mast for ln in b.lines for w in _WORD.findall(ln.text)}
    boxed = [(b, bx) for b in blocks if (bx := block_box(b)) is not None and any(ln.text.strip() for ln in b.lines)]
    content = _union([bx for _, bx in boxed])
    if not named or content is None:
        return set()
    limit = content[1] + ECHO_SHARE * (content[3] - content[1])
    out: set[str] = set()
    for b, bx in boxed:
        words = [w.casefold() for ln in b.lines for w in _WORD.findall(ln.text)]
        if b.id in mast or bx[1] > limit or len(b.lines) > 2 or _text_len(b) > 80 or len(words) < 2:
            continue
        if sum(w in named for w in words) < 0.75 * len(words):
            continue
        tol = 0.5 * (bx[3] - bx[1])
        if all(o.id in mast or obx[1] >= bx[1] - tol or min(obx[2], bx[2]) <= max(obx[0], bx[0])
               for o, obx in boxed if o is not b):
            out.add(b.id)
    return out


#: the hyphen inside a compound, between two letters
_COMPOUND_HYPHEN = re.compile(r"(?<=[^\W\d_])[-⸗](?=[^\W\d_])")


def _capital_share(text: str) -> float | None:
    """The share of the Latin words of three letters or more that are capitalised; None under two words.
    A hyphenated name is one word ("New-York", "Elsaß-Lothringen"): its parts would count a place twice."""
    words = [w for w in re.findall(r"[^\W\d_]{3,}", _COMPOUND_HYPHEN.sub("", text)) if not any(is_wide(ch) for ch in w)]
    if len(words) < 2:
        return None
    return sum(1 for w in words if w[0].isupper()) / len(words)


def _sentence_case(text: str) -> bool:
    """Latin text in sentence case: fewer than half of its words of three letters or more capitalised.

    Headlines and decks are set in capitals or Title Case; a line of running text set large (a lead
    paragraph, a body line given a noisy size) is not.
    """
    share = _capital_share(text)
    return share is not None and share < 0.5


#: words a sentence runs on after (articles, prepositions, conjunctions): no headline line ends on them
_RUN_ON_WORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and",
                           "or", "but", "that", "as", "is", "was", "were", "der", "die", "das", "des", "dem",
                           "den", "ein", "eine", "und", "oder", "von", "zu", "mit", "auf", "für", "im", "le",
                           "la", "les", "de", "du", "et", "ou", "au", "aux", "un", "une", "en", "par", "pour",
                           "dans", "sur", "het", "een", "van", "op"})


def _opens_item_text(block: Block | None) -> bool:
    """The block's first line opens on a capital or a dash, as an item's text does (no sentence running on in lower
    case, no footnote's mark)."""
    first = next((ln.text.strip() for ln in block.lines if ln.text.strip()), "") if block is not None else ""
    return first[:1].isupper() or first[:1] in "—–"


#: how a text closing on a finished sentence in brackets ends: its source's credit ("… 6,000 souris par an? (Journal
#: pour tous.)"), a serial's "(A continuer.)": a heading may stand under it
_CLOSED_ASIDE = (".)", "!)", "?)")
#: how a finished sentence ends (a German quotation closes on „…“: "… fuͤhren koͤnnten.“")
_SENTENCE_END = (".", "!", "?", ":", ";", "\"", "”", "»", "。", "！", "？", ".“", "!“", "?“")


def _runs_on(lines: Sequence[Line], k: int, flags: Sequence[bool]) -> bool:
    """Line ``k`` continues a sentence: from the body line before it, or into the line after it (one
    starting in lower case, or a body line after a word no line ends a sentence or a headline on)."""
    if k > 0 and not flags[k - 1] and not lines[k - 1].text.rstrip().endswith(_SENTENCE_END):
        return True
    text = lines[k].text.rstrip()
    if k + 1 >= len(lines) or text.endswith(_SENTENCE_END):
        return False
    nxt = lines[k + 1].text.lstrip()
    last = text.rsplit(None, 1)[-1].lower() if text.split() else ""
    return bool(nxt) and (nxt[0].islower() or (not flags[k + 1] and last in _RUN_ON_WORDS))


#: a line this many times the body's line height is display type whatever its case: a deck wrapped over lines
#: ("French Gain on Canal du Nord" / "and to the North" / "of Soissons.") reads as running text but is not
DECK_HEIGHT = 2.5


#: a line across the measure spans at least this share of the width of the lines around it
FULL_MEASURE = 0.85
#: ... and a sentence set across it holds this many words at least ("Why Not" over "buy your presents …" heads)
SENTENCE_WORDS = 5


def _measure(lines: Sequence[Line]) -> tuple[float, float] | None:
    """The measure of ``lines``: the span of their boxes, left to right (None under two boxes)."""
    boxes = [ln.box for ln in lines if ln.box is not None]
    if len(boxes) < 2:
        return None
    return min(b[0] for b in boxes), max(b[2] for b in boxes)


def _full_measure(line: Line, measure: tuple[float, float] | None) -> bool:
    """The line runs across ``measure`` (:func:`_measure` of the lines around it, taken once for them all: per
    line it would be quadratic in a whole-column block's length)."""
    box = line.box
    if box is None or measure is None:
        return False
    left, right = measure
    return right > left and box[2] - box[0] >= FULL_MEASURE * (right - left)


def _demote_running_text(lines: Sequence[Line], flags: list[bool], sizes: _Sizes | None = None) -> list[bool]:
    """Large lines that read as running text are body: a dateline opening a report, a sentence-case
    line that runs on from or into the text around it (a lead paragraph set large, a noisy size), a row
    of a table, a note in brackets ("[Sittings before the Lord Chief Justice.]"). Running text is never
    set at nearly twice the body's height: such a line stays display when its box says so."""
    out = list(flags)
    measure = _measure(lines)
    tall = [sizes is not None and sizes.height > 0 and ln.box is not None and not sizes.vertical
            and _extent(ln, False) >= DECK_HEIGHT * sizes.height for ln in lines]
    for k, ln in enumerate(lines):
        text = ln.text.strip()
        if flags[k] and ln.type is None and (latin_dateline(text) or is_tabular(text) or text.startswith(("[", "("))):
            out[k] = False
    for _ in range(3):  # a demoted line lets the one above it run on into body text
        changed = False
        for k, ln in enumerate(lines):
            share = _capital_share(ln.text) if out[k] and ln.type is None and not tall[k] else None
            after_body = k > 0 and not out[k - 1] and not lines[k - 1].text.rstrip().endswith(_SENTENCE_END)
            if out[k] and ln.type is None and not tall[k] and after_body and ln.text.lstrip()[:1].islower():
                # a line opening in lower case under an unfinished body line goes on with its sentence, whatever
                # its capitals ("stormed late in April. Mont Kemmel, …") or however short ("of Leury."); a deck
                # wrapped under its headline ("at Every Point by Al-") follows display type, not body
                share = 0.0
            into_body = k + 1 < len(lines) and not out[k + 1]
            across = (into_body and len(ln.text.split()) >= SENTENCE_WORDS and _full_measure(ln, measure)
                      and _full_measure(lines[k + 1], measure))
            if share is not None and into_body and _runs_into(lines, k) and (_ends_on_run_on_word(ln.text) or across):
                # "Our stock of Walking Cultivators is" / "almost exhausted …": advert copy set large; a sentence
                # across the measure running on into a body line in lower case ("Judge Haynie will address a
                # gathering at Serepta Springs" / "on Saturday, June 5th, …"), its names capitalised; a deck is
                # set short, a headline of a few words too
                share = 0.0
            if share is not None and (share < 0.5 or share <= 0.5 and into_body) and _runs_on(lines, k, out):
                out[k] = False
                changed = True
        if not changed:
            break
    for k in range(1, len(lines) - 1):
        if out[k] and lines[k].type is None and not tall[k] and _copy_under_head(lines, k, out, measure):
            out[k] = False
    return out


def _copy_under_head(lines: Sequence[Line], k: int, flags: Sequence[bool], measure: tuple[float, float] | None) -> bool:
    """Line ``k``, under display type and over body, opens in lower case and runs across the measure breaking off
    mid-sentence: the copy's first line set large, going on from the display above it ("… OF KERSTGESCHENKEN." /
    "wordt aanbevolen eene groote keuze van DAMES- en KINDERKERKBOEKEN, voor alle" / "Protestantsche gezindten …",
    KB 1876's adverts), no deck (a deck is set short or centred)."""
    text = lines[k].text.strip()
    return (flags[k - 1] and not flags[k + 1] and text[:1].islower() and _full_measure(lines[k], measure)
            and not text.endswith(_SENTENCE_END))


#: Block types that state their lines are body text: no size guess makes a headline of them.
BODY_TYPES = frozenset({"paragraph", "text-paragraph", "body"})


def _display_line(sizes: _Sizes, line: Line, block: Block) -> bool:
    """Is the line display type? What the source states wins over any size guess.

    A line typed as a headline role is display; a line typed otherwise, or any line of a
    region typed ``paragraph``, is not; else its size (checked against the geometry) decides,
    """
    if line.type is not None:
        return line.type in HEADLINE_ROLES
    if _norm_type(block) in BODY_TYPES or not _worded(line.text):
        return False
    return _is_display(sizes, line, block) or not sizes.use_font and _spaced_heading(sizes, line)


def _worded(text: str) -> bool:
    """The line holds a word (two letters running, or a CJK character): a price or a phone number set
    large ("149", "$1.35") is display type but heads nothing."""
    return re.search(r"[^\W\d_]{2}", text) is not None or any(is_wide(ch) for ch in text)


#: share of the page's content height at the top where the masthead and its rows sit
MASTHEAD_SHARE = 0.3
#: more blocks than this in that band are text, not a masthead (and keep the search linear)
MAX_MASTHEAD_BLOCKS = 60


def _side_by_side(a: Box, b: Box) -> bool:
    """Two boxes on one row: they overlap vertically by half the lower one and not horizontally."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= 0.5 * min(a[3] - a[1], b[3] - b[1]) and (a[2] <= b[0] or b[2] <= a[0])


def _masthead_rows(blocks: Sequence[Block], furniture: set[str]) -> set[str]:
    """Ids of the blocks making the rows of a masthead: ears and the issue's date line.

    At the top of the page, a row of three or more short one-line blocks ("No 244." | "Berlin, den 3.
    September" | "1870."), or one wide block whose lines sit side by side (weather ear | date line |
    price), with nothing above them but furniture, belong to the masthead, not to an article.
    """
    boxed = [(b, bx) for b in blocks if (bx := block_box(b)) is not None and any(ln.text.strip() for ln in b.lines)]
    content = _union([bx for _, bx in boxed])
    if content is None or len(boxed) < 3:
        return set()
    limit = content[1] + MASTHEAD_SHARE * (content[3] - content[1])
    width = content[2] - content[0]
    top = [(b, bx) for b, bx in boxed if bx[3] <= limit]
    if len(top) > MAX_MASTHEAD_BLOCKS:  # a masthead has a few rows; more blocks up there are text
        return set()
    out: set[str] = set()
    for b, bx in top:
        if b.id in furniture or _norm_type(b) in HEADING_TYPES | ADVERT_TYPES:
            continue
        lines = [ln for ln in b.lines if ln.text.strip() and ln.box is not None]
        single = len(lines) == 1 and _text_len(b) <= 80 and sum(
            1 for o, obx in top if o is not b and len(o.lines) == 1 and _side_by_side(bx, obx)) >= 2 and not (
            lines[0].text.rstrip().endswith(".") and _heads_a_column(bx, boxed))
        rows = (bx[2] - bx[0]) >= 0.6 * width and len(lines) <= 20 and any(
            ln.box is not None and o.box is not None and _side_by_side(ln.box, o.box)
            for ln, o in zip(lines, lines[1:], strict=False))
        above = [o for o, obx in top if obx[3] <= bx[1] + 0.25 * (bx[3] - bx[1])
                 and min(obx[2], bx[2]) > max(obx[0], bx[0])]
        if (single or rows) and all(o.id in furniture or o.id in out for o in above):
            out.add(b.id)
    return out


def _heads_a_column(bx: Box, boxed: Sequence[tuple[Block, Box]]) -> bool:
    """The one-line block stands right over a whole-column block (within three of its own heights), no wider
    than that column: the column's heading ("PENNSYLVANIA GERMANS." over microfilm OCR's column block), not a
    running head in the page's top margin nor an ear of its masthead."""
    height, centre = bx[3] - bx[1], (bx[0] + bx[2]) / 2
    return any(len(c.lines) >= COLUMN_BLOCK_LINES and 0 <= cbx[1] - bx[3] <= 3 * height and cbx[0] <= centre <= cbx[2]
               and bx[2] - bx[0] <= 1.1 * (cbx[2] - cbx[0]) for c, cbx in boxed)


#: a line opening with a place in capitals ("MACON, Ga., An crust 26.—"): a dateline OCR garbled, not a deck
PLACE_IN_CAPITALS = re.compile(r"^[A-Z][A-Z' ]{2,}[.,]")
#: a deck under a headline has at most this many lines
MAX_DECK = 12


def _headline_case(text: str) -> bool:
    """Capitals or Title Case, the way headlines and decks are set (not a dateline). Latin text without a
    capital is neither: "von", "und", "ferner:" set alone join an advert's display lines, they head nothing."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and not any(ch.isupper() or is_wide(ch) for ch in letters):
        return False
    return len(letters) >= 3 and not _sentence_case(text) and not latin_dateline(text)


#: a war correspondent's dateline opens "WITH THE BRITISH ARMY IN FRANCE, August 31.—"
WITH_THE_ARMY = re.compile(r"^WITH\s+THE\s+[A-Z]")


def _ends_on_run_on_word(text: str) -> bool:
    """The line ends on a word no headline ends on ("IN", "OF THE"): it runs on into the next line, or it opens
    a correspondent's dateline ("WITH THE AMERICAN FORCES" / "NORTH OF THE" / "AISNE, August 31.—")."""
    words = text.split()
    return bool(words) and (words[-1].lower() in _RUN_ON_WORDS or WITH_THE_ARMY.match(text.strip()) is not None)


def _decks(lines: Sequence[Line], flags: list[bool], sizes: _Sizes) -> list[bool]:
    """The lines in capitals or Title Case right under a headline are its decks, whatever their size.

    On pages whose decks are set at the body's size (one declared size, or none) only the headline is
    larger; the decks run on under it down to the report's dateline, or (lines of two capitalised words
    or more, not opening with a place in capitals) down to the body's first line in sentence case.
    """
    out = list(flags)
    edges = _edges(lines, sizes)

    def set_off(line: Line) -> bool:
        return edges is not None and (_is_centred(line, *edges) or _is_short(line, *edges))

    def deck_line(line: Line) -> bool:
        text = line.text.strip()
        return line.type is None and not latin_dateline(text) and (set_off(line) or _headline_case(text))

    k = 0
    while k < len(lines):
        if not (out[k] and (k + 1 >= len(lines) or not out[k + 1])):
            k += 1
            continue
        j = k + 1
        while j < len(lines) and j - k <= MAX_DECK and deck_line(lines[j]):
            j += 1
        if not (j < len(lines) and latin_dateline(lines[j].text)):
            j = max(j, _larger_deck(lines, k, sizes))
        if j < len(lines) and j - k <= MAX_DECK and latin_dateline(lines[j].text):  # the report's dateline follows
            end = j
            while end > k + 1 and _ends_on_run_on_word(lines[end - 1].text):
                end -= 1  # "WITH THE BRITISH ARMY IN" / "FRANCE, August 31.—": the dateline's first line
            for i in range(k + 1, end):
                out[i] = True
        else:  # or a deck its case, a set-in last line or its declared size shows
            end, j = _deck_end(lines, k, edges, sizes)
            for i in range(k + 1, end):
                out[i] = True
        k = j
    return out


def _deck_end(lines: Sequence[Line], k: int, edges: tuple[float, float, float] | None,
              sizes: _Sizes) -> tuple[int, int]:
    """Where the body starts under the headline ending at line ``k`` (0 when no deck shows), and the line to look
    on from: after Title Case lines down to the body's first line, in sentence case; or after a deck closed by a
    set-in line (:func:`_closed_deck`) or declared in a size of its own (:func:`_sized_deck`)."""
    j = k + 1
    while j < len(lines) and j - k <= MAX_DECK and lines[j].type is None and not PLACE_IN_CAPITALS.match(
            lines[j].text.strip()) and (_capital_share(lines[j].text) or 0.0) >= 0.5 and not _runs_into(lines, j):
        j += 1
    if j > k + 1 and j < len(lines) and j - k <= MAX_DECK and _sentence_case(lines[j].text):
        return j, j
    end = (_closed_deck(lines, k, edges) or _hanging_deck(lines, k, edges)) if edges is not None else 0
    end = end or _sized_deck(lines, k, sizes) or _deck_closing_block(lines, k, edges or _span(lines, sizes))
    return end, end or j


def _span(lines: Sequence[Line], sizes: _Sizes) -> tuple[float, float, float] | None:
    """The left and right edges the lines span and the em, for a block too short for :func:`_edges`."""
    boxes = [ln.box for ln in lines if ln.box is not None]
    if len(boxes) < 2 or sizes.vertical:
        return None
    return min(b[0] for b in boxes), max(b[2] for b in boxes), sizes.height or typical_size(lines, False) or 10.0


#: a deck in sentence case over a report's dateline: at most this many lines, set this much larger than the body
LARGER_DECK = 3
LARGER_TYPE = 1.15


def _larger_deck(lines: Sequence[Line], k: int, sizes: _Sizes) -> int:
    """The dateline's line under the headline ending at line ``k`` when a deck set larger than the body stands
    between them (:func:`_larger_deck_lines`); 0 when none."""
    j = k + 1
    while j < len(lines) and j - k <= LARGER_DECK and not latin_dateline(lines[j].text):
        j += 1
    return j if j < len(lines) and _larger_deck_lines(lines[k + 1:j], lines[j], sizes) else 0


def _larger_deck_lines(deck: Sequence[Line], after: Line | None, sizes: _Sizes) -> bool:
    """Up to three lines set larger than the body (declared and boxed so), the last closing no sentence, over a
    report's dateline: a deck in sentence case, wrapped as French dailies set it ("La petite manifestation" /
    "d'un député communiste" / "PARIS, 17 décembre. La commission …"); a standfirst closes its sentence."""
    if not 1 <= len(deck) <= LARGER_DECK or after is None or not latin_dateline(after.text) or sizes.height <= 0:
        return False
    for line in deck:
        if line.type is not None or _extent(line, False) < LARGER_TYPE * sizes.height or latin_dateline(line.text):
            return False
        if sizes.use_font and (line.font_size or 0.0) < LARGER_TYPE * sizes.body:
            return False
    return not deck[-1].text.rstrip().endswith((".", "!", "?", "»", "\""))


#: a deck in a block of its own has at most this many lines
CENTRED_DECK = 6
#: ... each line as far from the left edge of the text under it as from its right, within this many ems
DECK_BALANCE = 2.5


def _centred_deck(lines: Sequence[Line], below: Block | None, em: float) -> bool:
    """A block of its own of up to six lines, every one centred over the text under it (as far from its left
    edge as from its right, the last one visibly short of both), no dateline nor byline among them, under a headline
    still waiting for its text: the headline's deck or summary, whatever its case or size ("Modifications dans la
    « landwehr »" / "Augmentation des cadres."; a summary set as an inverted pyramid). A paragraph of body text is
    set flush: its last line starts at the left edge."""
    if not 1 <= len(lines) <= CENTRED_DECK or below is None or (bx := block_box(below)) is None:
        return False
    for line in lines:
        text = line.text.strip()
        if line.box is None or line.type is not None or latin_dateline(text) or is_ocr_fragment(text):
            return False
        if BYLINE_START.match(text) or abs((line.box[0] - bx[0]) - (bx[2] - line.box[2])) >= DECK_BALANCE * em:
            return False
    last = lines[-1]
    assert last.box is not None
    short = min(last.box[0] - bx[0], bx[2] - last.box[2]) > 2 * em
    return short and not last.text.rstrip().endswith(("-", "\u00ad", "⸗", "¬", ","))


#: a deck opening the block under its headline has at most this many lines
TOP_DECK = 3


def _deck_on_top(lines: Sequence[Line], sizes: _Sizes) -> int:
    """How many lines at the top of a whole-column block, under a heading waiting in a block of its own, are that
    heading's deck: up to three lines of head text in Title Case (not running on into a lower-case line), the first
    set flush, over the paragraph's indented first line, which is no head text, or the report's dateline
    ("PENNSYLVANIA GERMANS." / "Their
    Substantial Advancement Recognized" / "Public Ledger." / "  Not many years ago …"). A story's text opens on an
    indent; capitals opening the block head an item of their own ("STORM IN THE DARDANELLES" under another
    story's last lines), and a line opening on a dash or announcing on a colon is text (:func:`_announces_text`).
    0 when none."""
    edges = _edges(lines, sizes)
    if edges is None or len(lines) <= TOP_DECK:
        return 0
    heads = _ColumnHeads(lines, [False] * len(lines), edges)
    j = 0
    while (j < TOP_DECK and heads.head_text(j) and not _caps_line(lines[j].text) and not _runs_into(lines, j)
           and not _announces_text(lines[j].text)):
        j += 1
    opens = j < len(lines) and (heads.indented(j) and not heads.head_text(j) or latin_dateline(lines[j].text))
    return j if j and opens and not heads.indented(0) else 0


def _announces_text(text: str) -> bool:
    """The line opens on a dash or ends on a colon: a dash item's lead announcing what it quotes ("— On lit dans le
    Moniteur de l'Armée :", L'Union 1860), the text's first line, no deck."""
    t = text.strip()
    return DASH_LEAD.match(t) is not None or t.endswith(":")


def _head_over_deck(run: Sequence[Line], lines: Sequence[Line], sizes: _Sizes) -> bool:
    """One centred line of capitals opening a block, in body type, right over display lines: the item's head over
    its deck ("BODIES TO BE RETURNED" / "France to Permit Disinterment of" / "20,000 American Dead." after a
    dinkus), not a line of the text above."""
    edges = _edges(lines, sizes)
    if len(run) != 1 or edges is None:
        return False
    text = run[0].text.strip()
    return (run[0].type is None and 3 <= len(text) <= ITEM_HEAD_CHARS and _caps_line(text, CAPITALS_SHARE)
            and _worded(text) and BROKEN_OR_RUNNING.search(text) is None and _is_centred(run[0], *edges))


#: up to three one-character tokens opening a line: specks microfilm OCR read as letters ("r Y V LOSES …")
SPECKS = re.compile(r"^(?:\S\s+){1,3}(?=\S{2})")


#: the issue's date line under a nameplate has at most this many characters (a report's dateline runs on)
NAMEPLATE_DATE_CHARS = 60


#: a round-up's section head has at most this many characters
SECTION_HEAD_CHARS = 40


def _section_head(heads: Sequence[tuple[list[Line], float]]) -> bool:
    """One short line in Title Case (not capitals) closing on a full stop: a section's head ("The Floods.")."""
    if len(heads) != 1 or len(heads[0][0]) != 1:
        return False
    text = heads[0][0][0].text.strip()
    return (len(text) <= SECTION_HEAD_CHARS and text.endswith(".") and _headline_case(text)
            and not _caps_line(text, CROSSHEAD_CAPS_SHARE))


def _opens_on_section(lines: Sequence[Line]) -> bool:
    """The heading lines are a headline and a deck in capitals over a section's head in Title Case: a round-up
    ("THE CROP OF CRIME." / "MURDER, SUICIDE, ARSON AND HANGING." / "Fatal Results of Family Feuds."; "COLUMBIA
    NEWS." / "OUR REGULAR CORRESPONDENCE." / "The Mountville Quintet Reunion."), whose later heads of that rank
    are its sections: the line over the section's head is a deck in capitals closing on a full stop or a colon. A
    deck in Title Case right under one line of capitals, or wrapped into a short last line, is a story's own."""
    if len(lines) < 3 or not _section_head([([lines[-1]], 0.0)]):
        return False
    deck = lines[-2].text.rstrip()  # a deck in capitals closed over it, not a deck wrapped into its last line
    caps = sum(1 for ln in lines[:-1] if _caps_line(ln.text))
    return caps >= 2 and _caps_line(deck) and deck.endswith((".", ":"))


#: a deck taken for a caption stands at most this many body lines under its headline
DECK_BY_PICTURE = 2.5
#: a rubric's line is at least this many times as tall as the item heads under it
RUBRIC_RANK = 1.3
#: ... which are of one rank: their heights within this ratio
RUBRIC_SAME = 1.25


def _rubric_shape(groups: Sequence[tuple[list[Line], float]], ids: Sequence[str], head: Sequence[Line],
                  head_id: str) -> bool:
    """The heading ``groups`` (from the blocks ``ids``) of the article above are a rubric of one line over the
    first item's head, which the next item's ``head`` (from block ``head_id``) matches in rank: the rubric in a
    block of its own, the item heads in another, the rubric at least :data:`RUBRIC_RANK` times as tall as both,
    and the two heads within :data:`RUBRIC_SAME` of each other."""
    if len(groups) < 2 or len(groups[0][0]) != 1 or ids[0] in (ids[1], head_id) or len(set(ids[1:])) != 1:
        return False
    top, item, new = _extent(groups[0][0][0], False), _extent(groups[1][0][0], False), _extent(head[0], False)
    if item <= 0 or new <= 0:
        return False
    return top >= RUBRIC_RANK * max(item, new) and max(item, new) <= RUBRIC_SAME * min(item, new)


#: a deck declared in a size of its own: at least this share larger than the body's declared size
DECK_SIZE = 1.08
#: ... over at most this many lines
SIZED_DECK = 5


def _sized_deck(lines: Sequence[Line], k: int, sizes: _Sizes) -> int:
    """Where the body starts under the headline ending at line ``k`` when the lines under it are declared in one
    size between the body's and the headline's, none in sentence case, down to a line declared at the body's size:
    microfilm OCR gives a deck its own size ("One of Latest Make is Being Install-" / "ed at the First Baptist
    Church on" / "Fairfax" at 10 over a 9-point body, Winchester News 1910) when its case or a speck tells
    nothing. 0 when none."""
    if not sizes.use_font or sizes.body <= 0:
        return 0
    size = lines[k + 1].font_size if k + 1 < len(lines) else None
    if size is None or not DECK_SIZE * sizes.body <= size < HEADLINE_FONT_RATIO * sizes.body:
        return 0
    j = k + 1
    while j < len(lines) and j - k <= SIZED_DECK and lines[j].font_size == size and lines[j].type is None and (
            not _sentence_case(lines[j].text) and not latin_dateline(lines[j].text)):
        j += 1
    nxt = lines[j].font_size if j < len(lines) else None
    return j if j > k + 1 and nxt is not None and nxt < DECK_SIZE * sizes.body else 0


#: a deck closed by a line set in from the left edge: at most this many lines
CLOSED_DECK = 4
#: ... that line starting at least this many ems in (a paragraph's short last line starts at the edge)
DECK_INSET = 2.0


def _closed_deck(lines: Sequence[Line], k: int, edges: tuple[float, float, float]) -> int:
    """Where the body starts under the headline ending at line ``k`` when a deck of a few lines ends on a short
    line set in from the left edge and closing a sentence, over a paragraph's indented first line: "The Skull of
    an Extinct Monkey With Re-" / "markable Similarity to That of Man." / "  Prof. E. D. Cope, of …" (Lancaster
    Intelligencer 1881). A short first paragraph of the body ends flush left, so it is no deck. 0 when none."""
    left, right, em = edges
    for end in range(k + 2, min(len(lines) - 1, k + 1 + CLOSED_DECK) + 1):
        last, first = lines[end - 1], lines[end]
        if last.box is None or first.box is None or any(ln.type is not None for ln in lines[k + 1:end + 1]):
            return 0
        if latin_dateline(lines[end - 1].text) or is_ocr_fragment(last.text):
            return 0
        closes = last.text.rstrip().endswith(".") and last.box[0] - left >= DECK_INSET * em
        indented = MIN_INDENT * em <= first.box[0] - left <= MAX_INDENT * em
        if closes and indented and _is_short(last, left, right, em):
            return end
    return 0


def _deck_closing_block(lines: Sequence[Line], k: int, edges: tuple[float, float, float] | None) -> int:
    """The block's end when the lines under the headline ending at line ``k`` are a deck closing the block, its
    text in the block after it (microfilm OCR boxes a column down to the deck and starts a new block on the text):
    up to four lines, the first in Title Case, none in sentence case, no dateline nor OCR fragment among them, the
    last centred, short and closing on a full stop ("BUSINESS CHANGE" / "H. B. Wilson Sells Ashdown Grocery" /
    "to W. L. Phillips."). A story's first paragraph runs to the column's edges. 0 when none."""
    if edges is None:
        return 0
    left, right, em = edges
    deck = lines[k + 1:]
    if not 1 <= len(deck) <= CLOSED_DECK or any(ln.type is not None or ln.box is None for ln in deck):
        return 0
    if (_capital_share(deck[0].text) or 0.0) < 0.5 or any(_sentence_case(ln.text) for ln in deck):
        return 0
    if any(latin_dateline(ln.text) or is_ocr_fragment(ln.text) for ln in deck):
        return 0
    last = deck[-1]
    closes = last.text.rstrip().endswith(".")
    return len(lines) if closes and _is_short(last, left, right, em) and _is_centred(last, left, right, em) else 0


def _hanging_deck(lines: Sequence[Line], k: int, edges: tuple[float, float, float]) -> int:
    """Where the body starts under the headline ending at line ``k`` when a deck of a few lines is set with a
    hanging indent (its first line flush, the others set in, the last one short) over a paragraph's indented
    first line: "One of Latest Make is Being Install-" / "  ed at the First Baptist Church on" / "  Fairfax" /
    "  A new furnace is being installed in" (Winchester News 1910, the full stops lost to the OCR). A paragraph
    is set the other way round: its first line in, the others flush. 0 when none."""
    left, right, em = edges
    first = lines[k + 1].box if k + 1 < len(lines) else None
    if first is None or first[0] - left >= MIN_INDENT * em:
        return 0
    for end in range(k + 3, min(len(lines) - 1, k + 1 + CLOSED_DECK) + 1):
        deck, body = lines[k + 1:end], lines[end]
        if body.box is None or any(ln.box is None or ln.type is not None or latin_dateline(ln.text) for ln in deck):
            return 0
        if any(ln.box[0] - first[0] < MIN_INDENT * em for ln in deck[1:] if ln.box is not None):
            return 0
        indented = MIN_INDENT * em <= body.box[0] - left <= MAX_INDENT * em
        if indented and _is_short(deck[-1], left, right, em) and not is_ocr_fragment(deck[-1].text):
            return end
    return 0


def _runs_into(lines: Sequence[Line], k: int) -> bool:
    """Line ``k``'s sentence runs on into a line opening in lower case: body text ("Before Alderman Samson :
    Yesterday" / "afternoon Patrick Burns, …"), however many capitals it has, not a deck."""
    return k + 1 < len(lines) and lines[k + 1].text.lstrip()[:1].islower()


def _edges(lines: Sequence[Line], sizes: _Sizes) -> tuple[float, float, float] | None:
    """The block's usual left and right edges and its em, for telling centred lines; None without boxes."""
    boxes = [ln.box for ln in lines if ln.box is not None]
    if len(boxes) < 4 or sizes.vertical:
        return None
    left = sorted(b[0] for b in boxes)[len(boxes) // 4]
    right = sorted(b[2] for b in boxes)[(3 * len(boxes)) // 4]
    return left, right, sizes.height or typical_size(lines, False) or 10.0


def _is_short(line: Line, left: float, right: float, em: float) -> bool:
    """Set well inside the column: under three quarters of its width."""
    return line.box is not None and (line.box[2] - line.box[0]) < 0.75 * (right - left)


def _is_centred(line: Line, left: float, right: float, em: float) -> bool:
    if line.box is None:
        return False
    a, b = line.box[0] - left, right - line.box[2]
    return a > em and b > em and abs(a - b) < 3 * em


def _line_gaps(lines: Sequence[Line]) -> tuple[list[float], float]:
    """The whitespace above each line (0 for the first or without boxes) and the block's usual line gap."""
    gaps = [0.0] * len(lines)
    for k in range(1, len(lines)):
        a, b = lines[k - 1].box, lines[k].box
        if a is not None and b is not None:
            gaps[k] = b[1] - a[3]
    known = sorted(gaps[1:]) or [0.0]
    return gaps, known[len(known) // 2]


class _ItemHeads:
    """Where the headline group of a telegraph item starts, above its dateline (see :func:`_item_heads`)."""

    def __init__(self, lines: Sequence[Line], flags: list[bool], edges: tuple[float, float, float],
                 ruled: bool = False) -> None:
        self.lines = lines
        self.out = flags
        self.left, self.right, self.em = edges
        self.gaps, self.usual = _line_gaps(lines)
        self.ruled = ruled

    def text(self, k: int) -> str:
        return self.lines[k].text.strip()

    def head_line(self, k: int) -> bool:
        """A centred line in capitals or Title Case, not display already."""
        return (not self.out[k] and self.lines[k].type is None and len(self.text(k)) <= 60
                and _headline_case(self.text(k)) and _is_centred(self.lines[k], self.left, self.right, self.em))

    def wider_head(self, k: int) -> bool:
        """A headline's first line, set wider than the centred rest: Title Case, not ending a sentence."""
        text = self.text(k)
        return len(text) <= 60 and _headline_case(text) and self.lines[k].type is None \
            and not text.endswith(_SENTENCE_END)

    def lone_head(self, k: int) -> bool:
        """One headline line, not centred, after a finished sentence: short, or with whitespace above it
        (a letter-spaced line the OCR boxed across the column)."""
        line, text = self.lines[k], self.text(k)
        if line.type is not None or len(text) > 60 or not _headline_case(text) or text.endswith(","):
            return False
        if self.flush_right(k):  # a signature closing the item above ("SMITH & JONES."), not a headline
            return False
        spaced = self.gaps[k] - self.usual > 0.5 * self.em
        short = len(text) <= 40 and _is_short(line, self.left, self.right, self.em)
        return (short or spaced) and self.text(k - 1).endswith(_SENTENCE_END)

    def flush_right(self, k: int) -> bool:
        """Set flush right: ending at the column's right edge and starting well in from its left."""
        box = self.lines[k].box
        return box is not None and self.right - box[2] < self.em and box[0] - self.left > SIGNATURE_INSET * (
            self.right - self.left)

    def climb(self, first: int, d: int) -> int:
        while first > 1 and d - first < 4 and self.head_line(first - 1):  # a headline with its decks, centred
            first -= 1
        return first

    def start(self, d: int) -> int:
        """The first line of the headline group above the dateline at ``d`` (``d`` itself when none)."""
        first = self.climb(d, d)
        if d > first > 1 and self.wider_head(first - 1):
            first = self.climb(first - 1, d + 1)  # and a centred line above it ("THE GEORGE THEORY.")
        if first == d and d >= 2 and self.lone_head(d - 1) or first == d and d >= 1 and self.head_over_lone_dateline(d):
            first = d - 1
        if first == d:
            first = self.caps_over_dateline(d)
        return first

    def caps_head(self, k: int) -> bool:
        """A short line of capitals in body type, no row of figures, breaking no word (specks the OCR read as
        letters before it left out: "r Y V LOSES HER EYESIGHT"), not set flush right (a signature: "SMITH & JONES.")."""
        line, text = self.lines[k], SPECKS.sub("", self.text(k))
        return (not self.out[k] and line.type is None and 4 <= len(text) <= ITEM_HEAD_CHARS and not self.flush_right(k)
                and _caps_line(text, CAPITALS_SHARE) and len(_words(text)) >= 2 and not is_tabular(text)
                and _digit_share(text) < HEAD_DIGITS and not text.endswith((",", *_LINE_END_HYPHENS)))

    def caps_over_dateline(self, d: int) -> int:
        """The first of up to three lines of capitals right over the dateline at ``d``, after finished text (a
        sentence's end or a short line: microfilm OCR drops full stops), whether or not specks the OCR read at their
        start unbalance their centring ("CHILD FALLS AND" / "r Y V LOSES HER EYESIGHT" / "MT STERLING Ky Oct HI");
        ``d`` itself when none."""
        first = d
        while first > 0 and d - first < 3 and self.caps_head(first - 1):
            first -= 1
        if first == d or first == 0:
            return d
        above, box = self.text(first - 1), self.lines[first - 1].box
        short = box is not None and box[2] < self.right - 2 * self.em
        return first if above.endswith(_SENTENCE_END) or short else d

    def head_over_lone_dateline(self, d: int) -> bool:
        """A centred short line over a dateline set alone on its line, centred too, after a finished sentence: a
        telegram's heading in whatever case (French dailies set it in sentence case: "Invasion du choléra" /
        "Londres, 29 avril, 5 h. 40." / "Le rapport des …"); a dateline running on into the report's text, or
        flush left, opens the report without a heading of its own."""
        line, text = self.lines[d - 1], self.text(d - 1)
        if line.type is not None or not 3 <= len(text) <= ITEM_HEAD_CHARS or text.endswith((",", *_LINE_END_HYPHENS)):
            return False
        date = self.lines[d].box
        alone = date is not None and date[0] - self.left >= 2 * self.em and _is_short(
            self.lines[d], self.left, self.right, self.em)
        if not alone or not _is_centred(line, self.left, self.right, self.em):
            return False
        if d == 1:
            return _worded(text) and not latin_dateline(text)
        above = self.lines[d - 2]
        short = above.box is not None and above.box[2] < self.right - 2 * self.em
        return _worded(text) and not latin_dateline(text) and (self.text(d - 2).endswith(_SENTENCE_END) or short)


def _signing_date(lines: Sequence[Line], d: int) -> bool:
    """The place and date at ``d`` sign the text above off, opening nothing: it ends on the year and an advert's
    order number ("Amsterdam, 28 November 1876. (43755)"), or on the year with nothing after it. A letter's dateline
    with its year runs on into the letter ("OUR WASHINGTON LETTER." / "WASHINGTON, D. C., March 2, 1874." / …)."""
    text = lines[d].text.strip()
    return CLOSING_DATE.search(text) is not None and (ORDER_KEY.search(text) is not None or d == len(lines) - 1)


def _item_heads(lines: Sequence[Line], flags: list[bool], sizes: _Sizes) -> list[bool]:
    """Centred lines at body size in capitals or Title Case, between a line that does not break a word
    and a dateline, are the headline of a new item ("A Fortunate Fire." / "NORFOLK, Neb., March 2.—"):
    telegraph columns set their items' headlines and decks in body type."""
    edges = _edges(lines, sizes)
    if edges is None:
        return flags
    heads = _ItemHeads(lines, list(flags), edges)
    for d in range(1, len(lines)):
        if not latin_dateline(lines[d].text) or _signing_date(lines, d):
            continue
        first, end = heads.start(d), d
        while end > first and _ends_on_run_on_word(lines[end - 1].text):
            end -= 1  # the dateline's first line, not a heading
        if end - first == 1 and _run_in_crosshead(lines, first, flags, sizes, edges[2]):
            continue
        if first < end and (first == 0 or not lines[first - 1].text.rstrip().endswith(("-", "\u00ad", "⸗", "¬"))):
            for i in range(first, end):
                heads.out[i] = True
    return heads.out


def _run_in_crosshead(lines: Sequence[Line], k: int, flags: Sequence[bool], sizes: _Sizes, em: float) -> bool:
    """The line at ``k`` over a dateline is a crosshead of the story it stands in, not an item's head: one line in
    Title Case ending on a full stop, set at the body's size (declared so, or boxed so on a page without sizes), run in
    close under finished body text (less than :data:`ITEM_HEAD_GAP` of whitespace above it). Papers that declare
    sizes set a telegraph item's own head larger than the body (Evening Star: "New British Chief of Staff." at 8
    over a 6-point body, a line's whitespace above it) and the crossheads parting a story's dispatches at the
    body's size ("To Renew the Attack." / "PARIS, March 22.—" under the Dardanelles story)."""
    line, text = lines[k], lines[k].text.strip()
    if k == 0 or flags[k - 1] or not _body_sized(line, sizes):
        return False
    above, box = lines[k - 1], line.box
    if above.box is None or box is None or not above.text.rstrip().endswith(_SENTENCE_END):
        return False
    gaps, usual = _line_gaps(lines)
    return (text.endswith(".") and _headline_case(text) and not _caps_line(text)
            and gaps[k] - usual < ITEM_HEAD_GAP * em)


def _body_sized(line: Line, sizes: _Sizes) -> bool:
    """The line is set at the body's size: declared so on a page whose declared sizes count; on a page without
    them, boxed no taller than :data:`RUN_IN_HEIGHT` times the body's line (a head set larger shows it)."""
    if sizes.use_font:
        return line.font_size is not None and line.font_size <= sizes.body
    return (line.box is not None and sizes.height > 0 and not sizes.vertical
            and _extent(line, False) <= RUN_IN_HEIGHT * sizes.height)


#: an item's heading set in smaller type than the body: at most this share of the body's declared size
SMALL_HEAD_RATIO = 0.85
#: ... and at most this many characters
SMALL_HEAD_CHARS = 50


def _small_heads(lines: Sequence[Line], flags: list[bool], sizes: _Sizes) -> list[bool]:
    """Lines inside a block that head a new item in type smaller than the body (nineteenth-century papers set
    them so: "Will keine Vermittelung." at 6 over 8 pt), centred, short, ending in a full stop, under a line
    that ends a sentence and over more text. The declared size counts only when the line's box is lower too."""
    edges = _edges(lines, sizes)
    if edges is None or not sizes.use_font or sizes.height <= 0:
        return flags
    out = list(flags)
    for k in range(1, len(lines) - 1):
        ln, text = lines[k], lines[k].text.strip()
        small = ln.font_size is not None and ln.font_size <= SMALL_HEAD_RATIO * sizes.body
        if not small or ln.type is not None or len(text) > SMALL_HEAD_CHARS or not text.endswith("."):
            continue
        if _extent(ln, False) < 0.9 * sizes.height and _is_centred(ln, *edges) and lines[k - 1].text.rstrip(
                ).endswith(_SENTENCE_END):
            out[k] = True
    return out



#: a heading of small capitals atop a block: its line box at most this share of the body's line height
SMALL_TOP_HEIGHT = 0.7
#: ... over text with fewer than this share of figures among its letters and figures (a family notice's dates)
SMALL_TOP_FIGURES = 0.1


def _small_caps_top(lines: Sequence[Line], flags: list[bool], sizes: _Sizes) -> list[bool]:
    """The block's first line heads it where it is a short heading of capitals closed by a full stop, centred over
    the block, in type well under the body's height (its box :data:`SMALL_TOP_HEIGHT` of a body line's or less):
    a paper's notices under "MARRIED." and "DIED." (The Statesman 1824, a page without sizes, the OCR boxing the
    heading over the first notice's top, so no whitespace sets it off); not over a table of figures, which it heads.
    """
    edges = _edges(lines, sizes)
    first, text = lines[0], lines[0].text.strip()
    if (edges is None or flags[0] or sizes.height <= 0 or first.box is None or first.type is not None
            or len(text) > SMALL_HEAD_CHARS or not text.endswith(".") or not _caps_line(text)):
        return flags
    if _digit_share(" ".join(ln.text for ln in lines[1:4])) >= SMALL_TOP_FIGURES:  # a market report's table under
        return flags  # its heading ("PRICE ON BOARD SHIP AS UNDER." / "Clover, red, per cwt. 55s. to 100s. …")
    if first.box[3] - first.box[1] <= SMALL_TOP_HEIGHT * sizes.height and _is_centred(first, *edges):
        return [True, *flags[1:]]
    return flags


#: whitespace setting a heading of capitals off from the lines above and below it, beyond the block's usual line gap
#: (in body line heights): French dailies leave about a third of a line round the small capitals heading each fait
#: divers and dispatch (0.4-0.7 on Le Gaulois 1884); a crosshead run in close under the text has none above it
CAPS_HEAD_GAP = 0.3
#: a dispatch opening on its place in capitals and no date ("BELFORT. Un assassinat …", "NEW-YORK. Une dépêche …",
#: "BORDEAUX. - M. Alexandre Léon …"), or on a dash ("—M. Méline, ministre …")
PLACE_LEAD = re.compile(r"^(?:[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?: [A-ZÀ-Þ'’-]+){0,3} ?[.,]\s+(?:[-—–]\s*)?|[—–]\s*)[A-ZÀ-Þ«\"]")

#: a line ending on a word broken at a hyphen, or on a comma, runs on: no heading ("VIEILLE AFFAIRE -" ends on a
#: dash set apart, and is one)
BROKEN_OR_RUNNING = re.compile(r"[^\W\d_][-\u00ad⸗¬]$|,$")

def _caps_head_line(line: Line, left: float, right: float, em: float) -> bool:
    """A centred line of capitals short enough for a heading, not a row of figures, breaking no word."""
    text = line.text.strip()
    return (line.type is None and 4 <= len(text) <= ITEM_HEAD_CHARS and _caps_line(text, CAPITALS_SHARE)
            and _digit_share(text) < HEAD_DIGITS and BROKEN_OR_RUNNING.search(text) is None
            and _is_centred(line, left, right, em))


def _spaced_caps_heads(lines: Sequence[Line], flags: list[bool], sizes: _Sizes) -> list[bool]:
    """Centred headings of capitals set off by whitespace below them head a new item, whatever their size
    (French dailies set each fait divers and dispatch under one in small capitals, inside the column's block):
    at the block's top over its text (an item boxed with its heading), or inside the block with whitespace above
    too, after a word not broken, over a dispatch opening on its place or a dash ("UN ASSASSINAT" / "BELFORT. Un
    assassinat vient d'être"). A crosshead run in close under the text has no whitespace above it and no place
    under it; a heading over a listing of figures (a market report's "HALLES CENTRALES") is the listing's own,
    unless the listing is a dispatch opening on its place ("BORDEAUX. - M. Léon … élu par 533 voix contre 348")."""
    edges = _edges(lines, sizes)
    if edges is None:
        return flags
    left, right, em = edges
    gaps, usual = _line_gaps(lines)
    out = list(flags)
    for k in range(len(lines) - 1):
        if out[k] or out[k + 1] or not _caps_head_line(lines[k], left, right, em):
            continue
        led = PLACE_LEAD.match(lines[k + 1].text.strip()) is not None
        small = k == 0 and sizes.use_font and (lines[k].font_size or sizes.body) <= SMALL_HEAD_RATIO * sizes.body
        if (gaps[k + 1] - usual < CAPS_HEAD_GAP * em and not small
                or not led and _figure_share(lines[k + 1:k + 6]) >= QUOTATION_SHARE):
            continue
        prev = lines[k - 1] if k > 0 else None
        inside = (prev is not None and gaps[k] - usual >= CAPS_HEAD_GAP * em and not prev.hyphenated
                  and not prev.text.rstrip().endswith(_LINE_END_HYPHENS) and led)
        out[k] = prev is None or inside
    return out

#: a title atop a block in Title Case has at most this many characters ("Notice of Local Bill,", "Fölljetong")
TITLE_TOP_CHARS = 40


def _spaced_title_top(lines: Sequence[Line], flags: list[bool], sizes: _Sizes) -> list[bool]:
    """The block's first line heads it where it is a short title in Title Case (or one capitalised word) centred over
    the block, set off from the text under it by whitespace (:data:`CAPS_HEAD_GAP` ems beyond the block's usual line
    gap), the text opening under it on an indented paragraph: "Notice of Local Bill," / (whitespace) / "Notice is
    hereby given: …", whatever the text above the block ended on (an advert's garbled last line) and even on a comma
    (whitespace sets it off). The capitals of :func:`_spaced_caps_heads` need no Title Case; a line run in close over
    its text is the text's own."""
    edges = _edges(lines, sizes)
    if edges is None or flags[0] or len(lines) < 3 or lines[0].type is not None:
        return flags
    left, right, em = edges
    text, under = lines[0].text.strip(), lines[1].box
    words = re.findall(r"[^\W\d_]+", text)
    share = _capital_share(text)
    titled = share is not None and share >= 0.5 or len(words) == 1 and len(words[0]) >= 5 and text[0].isupper()
    # a dispatch's place and date centred over it open its text, a bracketed line or one with figures is a deck
    # ("(Présidence de M. Ravez.)", "Arrests Total 4,500.") or a source's credit ("Le Temps, 7 février 1882")
    if (not titled or len(text) > TITLE_TOP_CHARS or under is None or latin_dateline(text) or text[0] in "([„\"«"
            or any(ch.isdigit() for ch in text) or not _is_centred(lines[0], left, right, em)):
        return flags
    gaps, usual = _line_gaps(lines)
    indented = MIN_INDENT * em <= under[0] - left <= MAX_INDENT * em
    if gaps[1] - usual >= CAPS_HEAD_GAP * em and indented and not text.endswith(_LINE_END_HYPHENS):
        return [True, *flags[1:]]
    return flags


#: a block this many body lines high (or more) is a whole column the OCR did not part into items
COLUMN_BLOCK_LINES = 30
#: a Latin crosshead run in under a wire report has at most this many characters ("Panic Indescribable.")
CROSSHEAD_CHARS_LATIN = 40
#: whitespace above a centred head, beyond the block's usual line gap, that sets off an item (in body line heights):
#: about a blank line (crossheads measured 0.55-0.85 on the NDNP pages of tests/data/pages, item heads 0.94 up)
ITEM_HEAD_GAP = 0.9
#: a head inside a column block has at most this many characters
ITEM_HEAD_CHARS = 60
#: a run-in item head is Title Case: at least this share of its words capitalised ("W. E. Owens was here
#: Friday." is a brief's sentence, half its words capitalised)
RUN_IN_CAPITALS = 0.6
#: a head has fewer digits than this share of its letters and digits (OCR reads some letters as digits,
#: "TIIK JHIS31NU LINK"; a price row is mostly figures, "COPlEK 138", or ends on one, "SILVER 52")
HEAD_DIGITS = 0.3
#: a line at most this share of the body's line height is set in smaller type (a deck under a head)
DECK_TYPE = 0.8
#: share of capitals among a line's letters that makes it a caps line ("KB IV rAK." is "NEW YEAR." misread)
CAPS_LINE_SHARE = 0.7
#: a line with this share of capitals among its letters is not Title Case: a garbled caps crosshead
#: ("AKTIIINOO.V : sis ; io.v." is "AFTERNOON SESSION."); Title Case heads stay under a third
CROSSHEAD_CAPS_SHARE = 0.5


#: an American wire report's dateline: its place in capitals, maybe its country or state, a month ("CONSTANTINOPLE,
#: Turkey. Novem-", "AMSTERDAM, Holland. August 31.—", "PARIS, November 15.—")
CAPITAL_DATELINE = re.compile(r"^[A-Z][A-Z'’.\- ]{2,30}[.,]\s*(?:[A-Z][a-z]+\.?,?\s+){0,2}"
                              r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
#: at most this many lines of byline and credit stand between a headline group and the dateline opening the text
CREDIT_LINES = 3
#: ... each of at most this many characters
CREDIT_CHARS = 60


def _credit_lines(run: Sequence[Line]) -> int:
    """How many lines opening the text under a headline are its byline and credit, set over the dateline that opens
    the report ("By PAUL SCOTT MOWRER." / "By Cable to The Star and Chicago Daily News." / "Copyright, 1920." /
    "PARIS, November 15.—It is believed …"), whatever the OCR made of them ("lij Cable to The Star …",
    "I'opyrijfht,"): up to :data:`CREDIT_LINES` short lines breaking no word, right over a dateline whose place is
    in capitals; 0 when the text opens otherwise."""
    for d in range(1, min(CREDIT_LINES, len(run) - 1) + 1):
        line = run[d - 1]
        text = line.text.strip()
        # a line running on without a stop is a credit's first line in mixed case ("Cablegram to The Star and"), or a
        # dateline's first line in capitals ("WITH THE BRITISH ARMY IN" / "FRANCE, August 31.—")
        stop = text.endswith((".", ",", "?", "!"))
        if (len(text) > CREDIT_CHARS or line.hyphenated or text.endswith(_LINE_END_HYPHENS) or latin_dateline(text)
                or not stop and (_caps_line(text) or d == CREDIT_LINES)):
            return 0
        if CAPITAL_DATELINE.match(run[d].text.strip()):
            return d
    return 0


#: a block as high as a column, boxed across columns, is one box of copy when it holds this many lines or more ...
ACROSS_LINES = 8
#: ... most of them running across this share of its width or more (columns boxed together hold narrow lines)
ACROSS_SHARE = 0.6


def _lines_across(block: Block, box: Box) -> bool:
    """Most of the block's lines (:data:`ACROSS_LINES` or more) run across its width: one box of copy set across
    the columns (a patent-medicine advert, "What is CASTORIA"), not columns or a banner boxed together."""
    widths = sorted(ln.box[2] - ln.box[0] for ln in block.lines if ln.box is not None and ln.text.strip())
    return len(widths) >= ACROSS_LINES and widths[len(widths) // 2] >= ACROSS_SHARE * (box[2] - box[0])


def _column_block(block: Block, sizes: _Sizes) -> bool:
    """The block is as high as a column of many lines: microfilm OCR (NDNP/iArchives) often gives a whole
    column as one TextBlock, so the items in it are parted only by what the lines show."""
    box = block.box
    return (box is not None and not sizes.vertical and sizes.height > 0
            and box[3] - box[1] >= (SLICE_LINES if sizes.sliced else COLUMN_BLOCK_LINES) * sizes.height)


def _digit_share(text: str) -> float:
    alnum = [ch for ch in text if ch.isalnum()]
    return sum(ch.isdigit() for ch in alnum) / len(alnum) if alnum else 0.0


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]{2,}", text)


def _caps_line(text: str, share: float = CAPS_LINE_SHARE) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= share * len(letters)


#: a block of this many lines or more ...
UNSTOPPED_LINES = 20
#: ... with fewer than this share of its lines holding a stop or a comma lost its punctuation to the OCR
UNSTOPPED_SHARE = 0.1
_STOPS = re.compile(r"[.,;:!?]")
#: of this many lines under a head, at least this share holding a figure make a listing (a market report's prices,
#: "Tonopah Extension 70 asked"), whose sections a blank line parts inside one report
QUOTATION_LINES = 5
LISTING_SHARE = 0.5


def _punctuation_lost(lines: Sequence[Line]) -> bool:
    """The OCR dropped the block's punctuation: of its :data:`UNSTOPPED_LINES` lines or more, hardly any holds a stop
    or a comma (NDNP microfilm text of the Winchester News 1910: "of this nature amounted to 21120" / "and in the
    previous month to 33S70" / "WRIGHTS ARE COMMENDED"). No line then shows by its last character that the text
    ended; whitespace has to."""
    texts = [ln.text for ln in lines if ln.text.strip()]
    return len(texts) >= UNSTOPPED_LINES and sum(bool(_STOPS.search(t)) for t in texts) < UNSTOPPED_SHARE * len(texts)


#: a head naming a sum has at least this many words before it, this share of their letters capitals
SUM_HEAD_WORDS = 3
SUM_HEAD_CAPITALS = 0.9
#: a sum closing a head: figures, maybe with a dollar sign and thousands separators ("36000", "$3,575")
SUM_CLOSE = re.compile(r"\$?\d[\d,.]*$")


def _sum_head(text: str) -> bool:
    """A head in capitals closing on a sum, the only figures in it ("SELLS FARM FOR 36000", "SELLS FARM FOR 3575";
    Winchester News 1910): words enough to say something (:data:`SUM_HEAD_WORDS`), where a price row names a thing
    and its price ("SILVER 52", "COPPER 138") or a stock list's row a company in Title Case ("Denver Rio Grande
    52")."""
    words = text.split()
    if not words or SUM_CLOSE.match(words[-1]) is None:
        return False
    head = " ".join(words[:-1])
    return (not any(ch.isdigit() for ch in head) and _caps_line(head, SUM_HEAD_CAPITALS)
            and len(_words(head)) >= SUM_HEAD_WORDS)


#: marks microfilm OCR read off a column rule or a speck before a line's first word ("> KILLED BY A FRIEND", "' ,
#: Valise …"): tokens of one or two characters, none a letter or a figure
LEADING_MARKS = re.compile(r"^(?:[^\w\s]{1,2}\s+){1,3}(?=\w)")


def _centred_past_marks(line: Line, left: float, right: float, em: float) -> bool:
    """The line is centred once the marks the OCR read before its first word (:data:`LEADING_MARKS`) are left out:
    their width is estimated as their share of the line's characters, the box running from the first mark."""
    m = LEADING_MARKS.match(line.text.strip())
    if m is None or line.box is None:
        return False
    box = line.box
    shift = (box[2] - box[0]) * len(m.group()) / len(line.text.strip())
    return _is_centred(replace(line, box=(box[0] + shift, box[1], box[2], box[3])), left, right, em)


class _ColumnHeads:
    """Item heads set in body type inside a whole-column block (see :func:`_column_heads`)."""

    def __init__(self, lines: Sequence[Line], flags: list[bool], edges: tuple[float, float, float],
                 ruled: bool = False) -> None:
        self.lines = lines
        self.out = flags
        self.left, self.right, self.em = edges
        self.gaps, self.usual = _line_gaps(lines)
        self.ruled = ruled
        self.unstopped = _punctuation_lost(lines)
        signed = {k for k in range(1, len(lines)) if self.signs_above(k)}
        self.signed = signed if len(signed) >= SIGNED_NOTICES else set()

    def head_text(self, k: int) -> bool:
        """Words in capitals or Title Case, short, not a sentence running on, a dateline or a table row."""
        line, text = self.lines[k], self.lines[k].text.strip()
        return (line.type is None and 3 <= len(text) <= ITEM_HEAD_CHARS and _worded(text)
                and not text.endswith((",", *_LINE_END_HYPHENS)) and not text.startswith(("(", "["))
                and not latin_dateline(text)
                and (_digit_share(text) < HEAD_DIGITS and not text.split()[-1].isdigit() or _sum_head(text))
                and not is_tabular(text)
                and (_headline_case(text) or _caps_line(text)))

    def set_off(self, k: int) -> bool:
        """Centred, or a line of capitals across the column with a blank line's whitespace above it, or centred past
        the marks the OCR read before it with that whitespace (their width is only estimated)."""
        line, spaced = self.lines[k], self.space_above(k) >= ITEM_HEAD_GAP
        return _is_centred(line, self.left, self.right, self.em) or spaced and (
            _caps_line(line.text) and len(_words(line.text)) >= 2
            or _centred_past_marks(line, self.left, self.right, self.em))

    def small(self, k: int) -> bool:
        """Set in smaller type than the body (a deck's line, at the column's full width)."""
        line = self.lines[k]
        return line.box is not None and line.box[3] - line.box[1] <= DECK_TYPE * self.em

    def space_above(self, k: int) -> float:
        """Whitespace above line ``k`` beyond the block's usual gap, in body line heights."""
        return (self.gaps[k] - self.usual) / self.em if k else 0.0

    def finished(self, k: int) -> bool:
        """The text above is finished: the block starts here, a head stands above, or the line above ends a
        sentence or stops short of the column's right edge (microfilm OCR often drops the full stop)."""
        if k == 0 or self.out[k - 1]:
            return True
        above = self.lines[k - 1]
        if (self.head_text(k - 1) and self.set_off(k - 1) and self.space_above(k) < ITEM_HEAD_GAP
                or _ends_on_run_on_word(above.text) or above.text.rstrip().endswith(_LINE_END_HYPHENS)):
            return False  # the line close above is a head's first line, or runs on (advert copy, a broken word)
        short = above.box is not None and above.box[2] < self.right - 2 * self.em
        # without stops, a blank line's whitespace is all that shows the text above ended (over running text: a
        # market report's sections of figures are parted so too)
        under = self.lines[k + 1:k + 1 + QUOTATION_LINES]
        prose = self.unstopped and sum(any(ch.isdigit() for ch in ln.text) for ln in under) < LISTING_SHARE * len(under)
        spaced = self.space_above(k) >= (1 if prose else 2) * ITEM_HEAD_GAP
        return above.text.rstrip().endswith(_SENTENCE_END) or short or spaced or _keyed_close(above.text)

    def indented(self, k: int) -> bool:
        """Line ``k`` starts an em or more right of the line under it: a paragraph's first line."""
        box, nxt = self.lines[k].box, self.lines[k + 1].box if k + 1 < len(self.lines) else None
        return box is not None and nxt is not None and box[0] - nxt[0] >= 0.6 * self.em

    def deck(self, k: int) -> bool:
        """Line ``k`` is a deck's line under the head above it: words in capitals or Title Case, centred, in
        smaller type or set flush without figures (not a paragraph's indented first line, not an address), not
        running on into a lower-case line."""
        text = self.lines[k].text if k < len(self.lines) else ""
        flush = not self.indented(k) and not any(ch.isdigit() for ch in text)  # figures: an address, a price
        return (k < len(self.lines) and self.head_text(k) and not _runs_into(self.lines, k)
                and not _ends_on_run_on_word(text)  # a correspondent's dateline's first line
                and not self.copy_across(k) and (self.set_off(k) or self.small(k) or flush))

    def copy_across(self, k: int) -> bool:
        """Line ``k`` opens in lower case and runs out to the column's right edge, flush left: the copy's first line
        going on from the head above it ("BEKROOND" / "met den EERSTEN PRIJS voor PORTRETTEN, op de", KB 1876's
        adverts), no deck (a deck's wrapped line is set short or centred: "at Every Point by Al-")."""
        box, text = self.lines[k].box, self.lines[k].text.strip()
        return (box is not None and text[:1].islower() and self.right - box[2] < SHORT_END * self.em
                and not self.indented(k) and box[0] - self.left < SHORT_END * self.em)

    def set_apart(self, k: int) -> bool:
        """Line ``k`` is centred between a blank line's whitespace above it and a line of running text close under
        it: an item's head whatever its case or stops, which microfilm OCR garbles ("s,evrlty ns an Mrmcnl et Meral
        Urlnriii.", "rraurnal Tlill," for a full stop read as a comma, "(lisrlirs Sale at Grape Hotel."). Only a few
        words, no figures, breaking no word; the line under it runs to the column's right edge. At the block's top
        (the OCR slices a column anywhere, the whitespace above falls between blocks) only over a dateline: the
        dispatch's headline ("vuiivviKivii va rrrramrn ni nnipi{jn?" / "Raleigh, N. C., Sept. 29.—A convention …")."""
        if k + 1 >= len(self.lines) or k == 0 and not _dated(self.lines[1].text):
            return False
        line, under, text = self.lines[k], self.lines[k + 1].box, self.lines[k].text.strip()
        if (line.type is not None or not 3 <= len(text) <= ITEM_HEAD_CHARS or not _worded(text) or under is None
                or text.endswith(_LINE_END_HYPHENS) or latin_dateline(text) or is_tabular(text)
                or _digit_share(text) >= HEAD_DIGITS):
            return False
        runs_on = self.right - under[2] < SHORT_END * self.em
        close_under = self.gaps[k + 1] - self.usual < ITEM_HEAD_GAP * self.em
        return (runs_on and close_under and (k == 0 or self.space_above(k) >= ITEM_HEAD_GAP)
                and _is_centred(line, self.left, self.right, self.em))

    def signs_above(self, k: int) -> bool:
        """Line ``k`` is set right of the centre under finished text (its right-hand margin at most
        :data:`SIGNATURE_RIGHT_SHARE` of its left, :data:`SIGNATURE_RIGHT_OFF` ems narrower or more), shaped as the
        name signing the notice above ("… paa tredie Sal." / "J. Poulsen, Bogtrykker."). Where
        :data:`SIGNED_NOTICES` lines of a block are so set (``signed``), they sign a column of notices and head
        nothing, though the OCR's tolerance reads them as centred; one such line may be a head set off centre."""
        box = self.lines[k].box
        if k == 0 or box is None:
            return False
        inset, margin = box[0] - self.left, self.right - box[2]
        return (margin <= SIGNATURE_RIGHT_SHARE * inset and inset - margin >= SIGNATURE_RIGHT_OFF * self.em
                and _without_stray_mark(self.lines[k - 1].text).endswith(SIGNED_AFTER))

    def opens_item(self, k: int) -> bool:
        """The centred line heads an item, not a section of the story above: a deck or a dateline follows it,
        whitespace sets it off, or it is a Title Case head of two words or more closing on a full stop (the
        nineteenth-century item head: "Police Cases.", "The Law Library."; one word, "Senate.", names a part
        of a report). At the block's top it heads what follows. One line of capitals close under the text with
        body under it ("AFTERNOON SESSION.", "PICKS SALT PALACE") is a crosshead: it stays in its story."""
        text = self.lines[k].text.rstrip()
        run_in = (text.endswith(".") and not _caps_line(text, CROSSHEAD_CAPS_SHARE) and len(_words(text)) >= 2
                  and (_capital_share(text) or 0.0) >= RUN_IN_CAPITALS and not self.crosshead_between_rules(k))
        return (k == 0 or self.deck(k + 1) or latin_dateline(self.lines[k + 1].text)
                or self.space_above(k) >= ITEM_HEAD_GAP or run_in)


    def wrapped_head(self, k: int) -> bool:
        """Lines ``k`` and ``k + 1`` are an item's heading wrapped over two lines (:func:`_wrapped_heading`), with
        :data:`WRAPPED_HEAD_GAP` of whitespace above them or at the block's top (the OCR slices a column anywhere)."""
        return (k + 1 < len(self.lines) and not self.out[k + 1] and (k == 0 or self.space_above(k) >= WRAPPED_HEAD_GAP)
                and _wrapped_heading(self.lines[k], self.lines[k + 1], (self.left, self.right, self.em)))

    def crosshead_between_rules(self, k: int) -> bool:
        """The page parts its items by short rules (:data:`RULE_TEXT`) and none stands right above line ``k``: a
        paper that rules off every item sets a head run in under text with no rule as a story's crosshead."""
        return self.ruled and k > 0 and RULE_TEXT.match(self.lines[k - 1].text.strip()) is None


#: a signature set right of the centre: its left-hand margin wider than its right-hand one by this many ems at least
SIGNATURE_RIGHT_OFF = 2.0
#: whitespace above a wrapped heading's first line, beyond the block's usual gap, in body line heights
WRAPPED_HEAD_GAP = 0.4
#: a wrapped heading's centred last line has at most this many words
WRAPPED_HEAD_WORDS = 5


def _wrapped_heading(first: Line, last: Line, edges: tuple[float, float, float]) -> bool:
    """A heading set in body type wrapped over two lines: the first in Title Case across the column, running on (no
    stop closing it), the last a few words centred under it closing on a full stop ("The Theatrical Managers and the"
    / "Herald.", "The City Government of Richmond—Its" / "Probable Restoration."; the Evening Star 1865). A
    paragraph's last line stands flush left; one closing on a centred line in sentence case is running text."""
    left, right, em = edges
    head, tail = first.text.strip(), last.text.strip()
    if first.box is None or first.type is not None or last.type is not None or not tail or not head:
        return False
    words = tail.split()
    return (right - first.box[2] < SHORT_END * em and first.box[0] - left < MIN_INDENT * em
            and not head.endswith((".", ",", ";", ":", *_LINE_END_HYPHENS)) and len(head) <= ITEM_HEAD_CHARS
            and (_capital_share(f"{head} {tail}") or 0.0) >= RUN_IN_CAPITALS and not latin_dateline(head)
            and _digit_share(head + tail) < HEAD_DIGITS and tail[0].isupper()
            and tail.rstrip("\"'”’").endswith(".") and len(words) <= WRAPPED_HEAD_WORDS
            and _is_centred(last, left, right, em))


def _column_heads(lines: Sequence[Line], flags: list[bool], sizes: _Sizes, block: Block) -> list[bool]:
    """Inside a whole-column block, a centred short line in capitals or Title Case after finished text, that
    opens an item (:meth:`_ColumnHeads.opens_item`), is a head, whatever its size: microfilm OCR declares
    one size for all or noisy ones, and papers set item heads in body type ("PERSONAL.", "The Law
    Library."). The centred, smaller or flush lines of head text under it, or under a head its size showed,
    are its decks."""
    edges = _edges(lines, sizes)
    if edges is None or not _column_block(block, sizes):
        return flags
    heads = _ColumnHeads(lines, list(flags), edges, sizes.ruled)
    k = 0
    while k < len(lines) - 1:
        if not heads.out[k] and heads.finished(k) and k not in heads.signed and (
                heads.head_text(k) and heads.set_off(k) and heads.opens_item(k) or heads.set_apart(k)):
            heads.out[k] = True
        elif not heads.out[k] and heads.finished(k) and heads.wrapped_head(k):
            heads.out[k] = True
            k += 1
            heads.out[k] = True
        if heads.out[k] and not _roman_section(lines[k:k + 1]):  # a head found here or by its size: its decks
            top = k
            while k + 1 < len(lines) and not heads.out[k + 1] and heads.deck(k + 1):
                k += 1
                heads.out[k] = True
            # or a deck closed by a set-in line, or closing the block over the text in the next one
            if k == top and (end := _closed_deck(lines, k, edges) or _deck_closing_block(lines, k, edges)):
                for i in range(k + 1, end):
                    heads.out[i] = True
                k = end - 1
        k += 1
    return heads.out


#: the key a paper prints after a paid notice's or advert's last sentence, naming its run ("1-15", "w-12-31", "nh
#: 12-17.", "3A-16", "103"; OCR: "l-2Sw"): a sentence end, then a short token of figures with a hyphen or letters
KEYED_CLOSE = re.compile(r"[.!?]\s+(?:[a-z]{1,3}\s)?(?P<key>[^\s\d]{0,3}\d[\w.\-]{0,7})$")


def _keyed_close(text: str) -> bool:
    """``text`` ends an advert or a legal notice on its insertion key (:data:`KEYED_CLOSE`): a hyphen or a letter
    among its figures, or three figures or more (not a year, not a day after an abbreviated month: "Jan. 15")."""
    m = KEYED_CLOSE.search(text.strip())
    if m is None:
        return False
    key = m.group("key").rstrip(".")
    digits = sum(ch.isdigit() for ch in key)
    keyed = "-" in key or any(ch.isalpha() for ch in key.lstrip("lI")) or digits >= 3
    return keyed and CLOSING_DATE.search(key) is None


#: an American paper's dated insertion key, set after an advert's or a paid notice's last words or at the start of its
#: last line, beside the advertiser's name: the month and day the run began and its run ("sep7 tf" till forbid,
#: "au 12 tf", "se23 1w*" one week, "Sep 19 lm*" one month, "my 16-eodly" every other day for a year, "mh 31-6m");
#: microfilm OCR reads its figures as letters ("jeS-tf", "seSO-Iw", "selS-tf"), an s as "?" ("?ep7 tf") and misreads
#: the month ("ae 11 lm*", "an 28 lm*")
_INSERTION_KEY = (r"(?P<month>(?i:ja|jan|fe|feb|mh|mr|mar|ap|apr|my|may|je|jun|jy|jul|au|aug|se|sep|sept|oc|oct|no"
                  r"|nov|de|dec)|\?[a-z]{1,3}|[a-z]{2})\.?\s?(?P<day>[\dOSIl?]{1,2})(?P<sep>[\s\-.,]*)"
                  r"(?P<run>t\s?f|eo[a-zA-Z]{0,3}|[\dlIi]\s?[wmy]|[\dlI]in)\*?")
#: the month of an insertion key as printed (a misread one, "ae", "an", "?e" for "se", "au", is taken before a star
#: or a "tf" only)
INSERTION_MONTH = re.compile(r"(?i:ja|jan|fe|feb|mh|mr|mar|ap|apr|my|may|je|jun|jy|jul|au|aug|se|sep|sept|oc|oct|no|nov"
                             r"|de|dec)")
#: ... closing the line (after a space or a stop: "Pawner Agent. jeS-tf", "au 28 lm*")
INSERTION_KEY_END = re.compile(r"(?:^|(?<=[\s.,;]))[?^]?" + _INSERTION_KEY + r"\W{0,2}$")
#: ... or opening it ("?ep7 tf 170 Light St Wharf, Baltimore.", "mar S3 ly 3AO Pennsylvania avenue.")
INSERTION_KEY_START = re.compile(r"^[?^]?" + _INSERTION_KEY + r"\s")


#: ... or in figures after the advert's last sentence, its month and day ("matinee and night. 1-10", OCR "1-ld"), the
#: sentence ending on a word, not an abbreviation ("Siehe Bd. 1-2", "pp. 1-12" cite pages)
INSERTION_KEY_FIGURES = re.compile(r"[^\W\d_]{3,}[.!?]\s+(?:1[0-2]|[1-9])-(?P<day>[0-3]?[\dlIO][a-z]?)$")
#: a page keys its adverts so when at least this many of its lines close or open on a key: one line reading like one
#: ("long de 12 m.", "qui l'emporte. 3-2") on a page of news is no advert's key
INSERTION_KEYS_MIN = 3


def _insertion_key(text: str) -> bool:
    """``text`` is an advert's last line: it opens or closes on a dated insertion key (:data:`INSERTION_KEY_END`,
    :data:`INSERTION_KEY_START`), the compositor's note of when the advert began to run and for how long. A key
    holds a figure, a "tf" or a hyphen (a name, "Selim", "Mrs W", reads like a month and a letter but has none)."""
    t = text.strip()
    if INSERTION_KEY_FIGURES.search(t):
        return True
    m = INSERTION_KEY_END.search(t) or INSERTION_KEY_START.match(t)
    if m is None:
        return False
    key, run = m.group("day") + m.group("sep") + m.group("run"), m.group("run").replace(" ", "")
    if run[:1] in "0123456789lIi" and not m.group("sep"):
        return False  # a run's count stands apart from the day ("se23 1w*"): "de 12 m" is a length
    if not INSERTION_MONTH.fullmatch(m.group("month")) and not (run == "tf" or m.group(0).rstrip().endswith("*")):
        return False  # a month misread ("ae 11 lm*", "?e23-lw*") only before a key's own "tf" or star
    return any(ch.isdigit() for ch in key) or "-" in key or run == "tf"


#: a heading naming a section of classified adverts ("CLASSIFIED SECTION", "Want Ads")
CLASSIFIED_RUBRIC = re.compile(r"\b(?:CLASSIFIED|Classified|WANT\s+ADS|Want\s+Ads)\b")
#: a classified advert's formula in capitals before a dash, opening its paragraph ("FOR SALE—", "HOME FOR SALE—",
#: "WANTED—", "LOST -."; OCR: "FOR SALE)—")
CLASSIFIED_FORMULA = re.compile(r"^\W{0,2}(?:[A-Z]{3,}\s+)?(?:FOR\s+SALE|FOR\s+RENT|FOR\s+TRADE|WANTED|LOST|FOUND"
                                r"|STRAYED|TAKEN\s+UP)\W{0,3}[—–]")
#: a classification head inside one has at most this many lines of this many characters ("FOR RENT.")
CLASSIFIED_HEAD_LINES = 2
CLASSIFIED_HEAD_CHARS = 30
#: the first two words of letters of a line (figures before them left out: "3.000 BALES of …")
_FIRST_WORDS = re.compile(r"[^\W\d_]+")


def _classified_entry(text: str) -> bool:
    """A classified advert opens on its words in capitals: one of its first two words of letters is three capitals
    or more ("FOR SALE—", "WHITE WYANDOTTES—the early", "3.000 BALES of", "FPlR RENT—", "T KEN UP"); a reading
    notice opens in sentence case ("Bad digestion robs …")."""
    words = _FIRST_WORDS.findall(text)[:2]
    return any(len(w) >= 3 and w.isupper() for w in words)


def _keyed_starts(lines: Sequence[Line]) -> list[int]:
    """Indices of lines inside one run of body text that open an item because the line above closed an advert on its
    dated insertion key (:func:`_insertion_key`; never 0). A column of classified adverts (steamboat lines, hotels,
    patent medicines) runs its adverts on under each other with no whitespace the OCR keeps between them, each
    signed off so: "… J. n WOOD, Agent," / "sep7 tf 170 Light St Wharf, Baltimore." / "NEW POTOMAC STEAMER."."""
    return [k + 1 for k in range(len(lines) - 1) if _insertion_key(lines[k].text)]


#: a reading notice, a paid paragraph run in among a local column's news, closes on the paper's mark for it ("… Model
#: Drug Store, special agents. adv.", "(Adv.)") or on its insertion key in figures ("… matinee and
#: night. 1-10", :data:`INSERTION_KEY_FIGURES`; a classified advert's key, "au 12 tf", closes an advert of
#: several paragraphs)
READING_NOTICE_CLOSE = re.compile(r"(?:^|[\s.,;—–-])[(\[]?(?i:adv)\.?[)\]]?\W{0,2}$")
#: a reading notice is at most this many lines long
READING_NOTICE_LINES = 12


def _paragraph_opens(lines: Sequence[Line], k: int, em: float) -> bool:
    """Line ``k`` opens a paragraph: set in from the line under it by an indent (:data:`MIN_INDENT` to
    :data:`MAX_INDENT` ems), the line above it ending a sentence or short of the column."""
    box, under = lines[k].box, lines[k + 1].box if k + 1 < len(lines) else None
    if box is None or under is None or not MIN_INDENT * em <= box[0] - under[0] <= MAX_INDENT * em:
        return False
    above = lines[k - 1] if k else None
    if above is None or above.box is None:
        return True
    return above.text.rstrip().endswith(_SENTENCE_END) or above.box[2] < under[2] - SHORT_END * em


def _reading_notice_starts(lines: Sequence[Line], em: float, keyed: bool = True) -> list[int]:
    """Indices of lines inside one run of body text that open an item because they open a reading notice: the
    paragraph closing on an advertiser's mark (:data:`READING_NOTICE_CLOSE`, an insertion key in figures), up to
    :data:`READING_NOTICE_LINES` lines, is an advert of its own amid the local news it was set among ("People You
    Know" / … / "Don't forget the date Saturday Jan. 10, …" / "… matinee and night. 1-10"; Little River News
    1920), and the news resumes under it (for an insertion key :func:`_keyed_starts` says so). Only amid text: a mark
    closing the run may close a patent medicine's advert of many paragraphs under its own head; an insertion key only
    on a page that keys its adverts (``keyed``, :data:`INSERTION_KEYS_MIN`). Never 0."""
    if em <= 0:
        return []
    out: list[int] = []
    for k, line in enumerate(lines):
        text = line.text.strip()
        adv = READING_NOTICE_CLOSE.search(text) is not None
        if k + 1 == len(lines) or not adv and not (keyed and INSERTION_KEY_FIGURES.search(text)):
            continue  # closing the run, the mark may close an advert of many paragraphs under its own head
        first = next((j for j in range(k, max(-1, k - READING_NOTICE_LINES), -1)
                      if j < len(lines) - 1 and _paragraph_opens(lines, j, em)), None)
        if first:
            out.append(first)
        if adv:
            out.append(k + 1)
    return out


def _small_deck(lines: Sequence[Line], sizes: _Sizes) -> bool:
    """A block of one to three lines in type smaller than the body, none ending a sentence but the last: under a
    headline it is its deck ("Feuer." / "Vier Personen verlieren in den Flammen ihr Leben.")."""
    if not lines or len(lines) > 3 or not sizes.use_font:
        return False
    small = all(ln.font_size is not None and ln.font_size <= SMALL_HEAD_RATIO * sizes.body for ln in lines)
    return small and not any(ln.text.rstrip().endswith(_SENTENCE_END) for ln in lines[:-1])


def _keep_words_whole(lines: Sequence[Line], flags: list[bool]) -> list[bool]:
    """A display line broken by a hyphen carries its word's end into the next line ("Fam-" / "ilies From
    Ukraine."): that line, when no longer than the broken one and not typed, is display too."""
    out = list(flags)
    for k in range(1, len(lines)):
        prev, line = lines[k - 1], lines[k]
        broken = prev.hyphenated or prev.text.rstrip().endswith(("-", "\u00ad", "⸗", "¬"))
        if out[k - 1] and not out[k] and broken and line.type is None and len(line.text.strip()) <= len(
                prev.text.strip()):
            out[k] = True
    return out


#: a body line breaking off a word: its last word (two letters at least, marks the OCR read from letters among
#: them) ends on a hyphen; a dash set apart, doubled or framing an ornament ("■ -o-") is no broken word
BROKEN_WORD = re.compile(r"(?:^|\s)(?=(?:[^\s]*?[^\W\d_]){2})[^\s\-–—][^\s\-–—]*[-\u00ad⸗¬]$")


#: a line of running text holds this many words at least (a table's label, "One Year-", breaks off no sentence)
RUNNING_WORDS = 4


def _breaks_word(line: Line) -> bool:
    """``line`` is running text (:data:`RUNNING_WORDS`) breaking off its last word (:data:`BROKEN_WORD`, or marked
    hyphenated)."""
    text = line.text.rstrip()
    return len(text.split()) >= RUNNING_WORDS and (
        BROKEN_WORD.search(text) is not None or line.hyphenated and BROKEN_WORD.search(text + "-") is not None)


def _word_ends(lines: Sequence[Line], flags: list[bool], sizes: _Sizes) -> list[bool]:
    """A line at the body's height under a body line breaking off a word (:func:`_breaks_word`) carries that word's
    end ("… paa Nørregade i Gaar-" / "den No. 47."): it is the text going on, though its box reads as letter-spaced
    display (an OCR box stretched across the measure), no head. A line set taller is display after all (a stop the
    OCR read as a hyphen: "… dus thans 3½ pCt-" / "VOLLEDIGE PRIJSCOURANTEN …")."""
    out = list(flags)
    if sizes.vertical or sizes.height <= 0:
        return out
    for k in range(1, len(lines)):
        line = lines[k]
        if (out[k] and not out[k - 1] and line.type is None and line.box is not None
                and _extent(line, False) < HEADLINE_RATIO * sizes.height and _breaks_word(lines[k - 1])):
            out[k] = False
    return out


#: a title set as the first lines of a region typed ``paragraph`` has at most this many lines
MAX_REGION_TITLE = 3
_LINE_END_HYPHENS = ("-", "\u00ad", "⸗", "¬")


#: the enumerated heading of a law's or treaty's article or section: "Artikel IV.", "Art. 3.", "§ 5.", "§. 15."
ENUMERATED_HEADING = re.compile(
    r"^(?:Artikel|Art\.|Article|Articolo|Artículo|Paragraph|Abschnitt|§\.?|§§)\s*[IVXLC\d]+[a-z]?\s*\.?$",
    re.IGNORECASE)
#: a section of an article numbered in Roman figures with its short title on the line ("I. Bahnamt Augsburg.")
ROMAN_SECTION = re.compile(r"^[IVX]{1,5}\.\s+[A-ZÀ-Þ][^.:;]{0,48}\.?$")


def _enumerated_heading(lines: Sequence[Line]) -> bool:
    """A heading that numbers an article or section of a legal text ("Artikel IV.", "§ 5."), with at most one
    line of its own title under the number."""
    return 0 < len(lines) <= 2 and ENUMERATED_HEADING.match(lines[0].text.strip()) is not None


def _roman_section(lines: Sequence[Line]) -> bool:
    """One line numbering a section in Roman figures with its short title ("I. Bahnamt Augsburg.", "II. Bahnamt
    Bamberg." in the Eisenbahn-Zeitung's survey of the Bavarian lines): inside an article's text, a crosshead. A
    region the source types as a heading ("II. Zeitungs⸗Nachrichten.") stays a heading."""
    return len(lines) == 1 and ROMAN_SECTION.match(lines[0].text.strip()) is not None


def _title_shaped(lines: Sequence[Line]) -> bool:
    """Lines that can be a title: the last ends a sentence, none before it does or breaks a word, and they
    are not a dateline ("Berlin, 18. Auguſt 1914." is centred too, and opens the text under it)."""
    texts = [ln.text.strip() for ln in lines]
    if _enumerated_heading(lines):  # a crosshead of the legal text it stands in ("Artikel IV.")
        return False
    return (texts[-1].endswith(_SENTENCE_END) and not any(t.endswith(_SENTENCE_END + _LINE_END_HYPHENS)
                                                          for t in texts[:-1])
            and not texts[-1].endswith(_LINE_END_HYPHENS) and not latin_dateline(texts[0]))


def _centred_in(line: Line, left: float, right: float, em: float) -> bool:
    """Centred between ``left`` and ``right`` and narrower than them (both margins over an em, even)."""
    return line.box is not None and _is_centred(line, left, right, em)


def _region_title(lines: Sequence[Line], em: float) -> int:
    """How many first lines of a region typed ``paragraph`` are its title by geometry (0: none).

    Transcribers often leave an article's title inside the paragraph region of its text (no heading region).
    The stated type keeps a size guess from making headlines of body lines; a title is told by its shape
    instead: one to three lines, the first and the last centred over the text below them, ending a sentence
    only at the last, over a line indented as a paragraph's first (a list's sub-head stands over a flush or
    hanging line, or over another centred line: "Infanterieregiment Nr. 17." / "4. Kompagnie." stay text).
    A region made only of such lines (two or three, the last centred under the first) is a title too.
    """
    if len(lines) < 2 or any(ln.box is None for ln in lines) or em <= 0:
        return 0
    if len(lines) <= MAX_REGION_TITLE and _title_shaped(lines):
        first = lines[0].box
        assert first is not None
        return len(lines) if _centred_in(lines[-1], first[0], first[2], em) else 0
    for k in range(1, MAX_REGION_TITLE + 1):
        if len(lines) < k + 2:
            break
        body = [ln.box for ln in lines[k:] if ln.box is not None]
        left = sorted(b[0] for b in body)[len(body) // 4]
        right = sorted(b[2] for b in body)[(3 * len(body)) // 4]
        nxt = lines[k].box
        assert nxt is not None
        indented = 0.5 * em <= nxt[0] - left <= 4 * em and nxt[2] >= right - 1.5 * em
        if indented and _title_at(lines, k, left, right, em):
            return k
    return 0


def _title_at(lines: Sequence[Line], k: int, left: float, right: float, em: float) -> bool:
    """The first ``k`` lines, over an indented paragraph line, make a title: centred (the first and the last), set
    off by whitespace (:func:`_spaced_title`), wrapped (:func:`_wrapped_title`), or a stack of centred lines each
    ending a sentence ("Konkurſe im Auslande." / "Rumänien.")."""
    head = lines[:k]
    if _title_shaped(head):
        centred = _centred_in(head[0], left, right, em) and _centred_in(head[-1], left, right, em)
        return centred or _spaced_title(lines, k, left, right, em) or _wrapped_title(head, left, em, right)
    return k >= 2 and _stacked_title(head, left, right, em)


#: a line of a stacked title has at most this many characters
STACKED_TITLE_CHARS = 60


def _stacked_title(head: Sequence[Line], left: float, right: float, em: float) -> bool:
    """Two or three short centred lines each ending a sentence: a title and its sub-head ("Konkurſe im Auslande."
    / "Rumänien."), never an enumerated heading or a dateline."""
    texts = [ln.text.strip() for ln in head]
    return (all(_centred_in(ln, left, right, em) for ln in head) and all(len(t) <= STACKED_TITLE_CHARS for t in texts)
            and texts[-1].endswith(_SENTENCE_END) and not _enumerated_heading(head[:1])
            and not latin_dateline(texts[0]) and not any(t.endswith(_LINE_END_HYPHENS) for t in texts))


def _wrapped_title(head: Sequence[Line], left: float, em: float, right: float) -> bool:
    """A title wrapped over two or three lines: the first set the text's width, the last centred a little in from
    both edges (half an em or more each side, the two within an em), where a paragraph's last line starts flush
    ("Gold⸗ und Silberproduktion der Vereinigten Staaten" / "von Amerika im Jahre 1903 und die Weltproduktion.")."""
    first, last = head[0].box, head[-1].box
    if len(head) < 2 or first is None or last is None:
        return False
    a, b = last[0] - left, right - last[2]
    return abs(first[0] - left) <= 0.5 * em and a >= 0.5 * em and b >= 0.5 * em and abs(a - b) <= em


#: whitespace under a title inside a paragraph region, beyond the region's usual line pitch (in line heights)
TITLE_SPACE = 0.4


def _spaced_title(lines: Sequence[Line], k: int, left: float, right: float, em: float) -> bool:
    """The first ``k`` lines are a title set off by whitespace: narrower than the text by an em at least, with
    more whitespace under them than between the text's lines ("Kursberichte von auswärtigen Fondsmärkten." set
    nearly the column's width over the first report, a line's pitch and a half above it)."""
    boxes = [ln.box for ln in lines]
    if any(b is None for b in boxes) or len(lines) < k + 3:
        return False
    known = [b for b in boxes if b is not None]
    pitches = sorted(b[1] - a[1] for a, b in zip(known[k:], known[k + 1:], strict=False))
    usual = pitches[len(pitches) // 2]
    narrower = all((b[2] - b[0]) <= (right - left) - em for b in known[:k])
    return narrower and known[k][1] - known[k - 1][1] > usual + TITLE_SPACE * em


#: a section of a bank's statement of condition, alone on its line ("RESOURCES:", "Resources.", "LIABILITIES:")
STATEMENT_SECTION = re.compile(r"^(?:RESOURCES|Resources|LIABILITIES|Liabilities)\s*[:.]?$")
#: ... under its title's display lines within this many lines
STATEMENT_TITLE_LINES = 5


def _statement_title(lines: Sequence[Line], flags: list[bool]) -> list[bool]:
    """A bank's statement of condition, as American banks printed it under the law: its title set large ("Report of
    the Condition of" / "Winthrop Banking Co.") over lines in body type naming the bank's kind, its place and the
    statement's date ("(Private Bank.)" / "Winthrop, Little River County, Ark." / "At the Close of Business May 10,
    1918."), down to its first section, "Resources:": those lines are the title's, the text opens on the section
    (Little River News 1918; the Picayune's "Condensed Statement of the Condition of"). A section's head set alone
    in capitals ("RESOURCES:", "LIABILITIES:" atop the next column) is the statement's text, no item's head. A
    bounded look back."""
    out = list(flags)
    for k, line in enumerate(lines):
        if STATEMENT_SECTION.match(line.text.strip()) is None:
            continue
        out[k] = False  # the section's head, set alone in capitals, opens the statement's text
        top = next((j for j in range(k - 1, max(-1, k - 1 - STATEMENT_TITLE_LINES), -1) if flags[j]), None)
        if top is not None and all(len(lines[j].text.strip()) <= ITEM_HEAD_CHARS for j in range(top + 1, k)):
            out[top + 1:k] = [True] * (k - top - 1)
    return out


def _display_runs(sizes: _Sizes, lines: list[Line], block: Block) -> list[tuple[bool, list[Line]]]:
    """The block's lines cut into runs of display type (up to 8 lines of one size) and body type.

    A block made only of display type is display whatever its length (a headline
    block); a long display run of one size inside a block is body set large, not a
    headline, while a headline with its decks (several sizes) stays display. Large
    lines that read as running text (a dateline, sentence case) are body.
    """
    flags = _demote_running_text(lines, [_display_line(sizes, ln, block) for ln in lines], sizes)
    flags = _word_ends(lines, flags, sizes)
    if _norm_type(block) not in BODY_TYPES:
        flags = _column_heads(lines, _decks(lines, flags, sizes), sizes, block)
        flags = _spaced_caps_heads(lines, _small_heads(lines, _item_heads(lines, flags, sizes), sizes), sizes)
        flags = _spaced_title_top(lines, flags, sizes)
        flags = _small_caps_top(lines, flags, sizes)
    else:  # a region typed paragraph: only a title its geometry shows
        em = sizes.height or typical_size(lines, False) or 0.0
        title = 0 if sizes.vertical else _region_title(lines, em)
        flags = [f or k < title for k, f in enumerate(flags)]
    flags = _statement_title(lines, _rows_of_figures(lines, _keep_words_whole(lines, flags)))
    if all(flags):
        return [(True, list(lines))] if _short_display(sizes, lines, block) else [(False, list(lines))]
    runs: list[tuple[bool, list[Line]]] = []
    for flag, ln in zip(flags, lines, strict=False):
        if runs and runs[-1][0] == flag:
            runs[-1][1].append(ln)
        else:
            runs.append((flag, [ln]))
    out: list[tuple[bool, list[Line]]] = []
    for flag, run in runs:
        flag = flag and _short_display(sizes, run, block)
        if out and out[-1][0] == flag:
            out[-1][1].extend(run)
        else:
            out.append((flag, run))
    return out


#: a line of a table of figures has at least this share of digits among its letters and digits ("Reading 171 0")
FIGURES_SHARE = 0.25


def _figures_row(line: Line) -> bool:
    """A row of a table of figures: a name and its quotations, a total ("Rock Island Co 49 34", "18 GY 2")."""
    chars = [ch for ch in line.text if ch.isalnum()]
    digits = sum(ch.isdigit() for ch in chars)
    return digits >= 2 and digits >= FIGURES_SHARE * len(chars)


def _rows_of_figures(lines: Sequence[Line], flags: list[bool]) -> list[bool]:
    """A display line that is a row of figures between rows of figures is a taller row of the table (a stock
    list's OCR gives its rows all sorts of heights), not the head of an item: a headline is words."""
    rows = [_figures_row(ln) for ln in lines]
    return [f and not (rows[k] and (k > 0 and rows[k - 1] or k + 1 < len(rows) and rows[k + 1]))
            for k, f in enumerate(flags)]


def _short_display(sizes: _Sizes, run: list[Line], block: Block) -> bool:
    """A display run short enough for a headline group: no more than 8 lines of any one size."""
    return max(len(r) for r in _size_runs(sizes, run, block)) <= 8


def _size_runs(sizes: _Sizes, lines: list[Line], block: Block) -> list[list[Line]]:
    """Consecutive display lines split where the type size changes (headline, then its deck)."""
    out: list[list[Line]] = []
    prev = 0.0
    for ln in lines:
        s = sizes.of_line(ln, block)
        if out and prev > 0 and s > 0 and max(s, prev) / min(s, prev) < 1.15:
            out[-1].append(ln)
        else:
            out.append([ln])
        prev = s if s > 0 else prev
    return out


#: the mark closing a paid paragraph in American papers ("… Poland Spring, Me.—Advt."), as microfilm OCR reads
#: it ("Broadway.-AdvL ; 1", "Sunday.-lAdvt.", "Known.— Advt. ,")
ADVT_MARK = re.compile(r"[-—.]\s*[a-z]?\s*Adv[tlL1]\.?[\W\d]*$")
#: a line set in capitals has at least this share of its letters upper case (OCR reads some small)
CAPITALS_SHARE = 0.8
#: a reading notice is at most this many lines, its display line included
MAX_NOTICE = 8
#: a notice whose closing mark the OCR lost, next to one that has it, is at most this many lines
MAX_UNMARKED_NOTICE = 4


class _Notices:
    """Reading notices inside one block (see :func:`_reading_notices`)."""

    def __init__(self, lines: Sequence[Line], edges: tuple[float, float, float]) -> None:
        self.lines = lines
        self.edges = edges

    def ends(self, k: int) -> bool:
        """Line ``k`` closes a paragraph: a sentence, a notice's mark, or a short line."""
        text = self.lines[k].text.rstrip()
        return text.endswith(_SENTENCE_END) or ADVT_MARK.search(text) is not None or _is_short(
            self.lines[k], *self.edges)

    def head(self, k: int) -> bool:
        """A notice's display line: centred, or in capitals, at the top of the block or after a closed
        paragraph; centred capitals whatever stands above them (a notice whose last line the OCR garbled)."""
        text = self.lines[k].text.strip()
        if len(text) > 60 or not _worded(text):
            return False
        letters = [ch for ch in text if ch.isalpha()]
        capitals = sum(1 for ch in letters if ch.isupper()) >= CAPITALS_SHARE * len(letters)
        centred = _is_centred(self.lines[k], *self.edges)
        if k > 0 and not self.ends(k - 1):
            return centred and capitals
        return centred or capitals

    def marked(self) -> list[tuple[int, int]]:
        """(first, end) of each notice closing on the mark, from the nearest display line above the mark."""
        out: list[tuple[int, int]] = []
        floor = 0
        for e, ln in enumerate(self.lines):
            if ADVT_MARK.search(ln.text.rstrip()) is None:
                continue
            start = next((k for k in range(e, max(floor, e - MAX_NOTICE + 1) - 1, -1) if k < e and self.head(k)), None)
            if start is not None:
                out.append((start, e + 1))
            floor = e + 1
        return out


def _reading_notices(lines: Sequence[Line], edges: tuple[float, float, float]) -> list[tuple[int, int]]:
    """Line ranges of the paid paragraphs ("reading notices") set inside a block of text.

    Microfilm OCR often gives a whole column as one block: the story and the notices under it ("POLAND!
    POLAND! POLAND!" / "Bottled at the Famous Poland Spring, Me.—Advt."). A notice closes on its mark (Advt.)
    and opens on a display line (centred or in capitals) after a closed paragraph. A short run at the block's
    end after a marked notice, opening on such a line, is a notice whose mark the OCR lost, as is one right
    above the first marked notice at the top of the block; the run of notices at a column's foot is one kind.
    """
    notices = _Notices(lines, edges)
    out = notices.marked()
    if not out:
        return out
    end = out[-1][1]
    if 0 < len(lines) - end <= MAX_UNMARKED_NOTICE and notices.head(end):
        out.append((end, len(lines)))
    first = out[0][0]
    if 0 < first <= MAX_UNMARKED_NOTICE and notices.head(0):
        out.insert(0, (0, first))
    return out


@dataclass
class _Draft:
    kind: str
    page: int
    parts: list[Part] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    def add_page(self, number: int) -> None:
        if number not in self.pages:
            self.pages.append(number)


def _heading_parts(groups: list[tuple[list[Line], float]], first_role: str = "headline") -> list[Part]:
    """Display lines (grouped by block, each with its size) → kicker / headline / subheadline parts."""
    parts: list[Part] = []
    if not groups:
        return parts
    sizes = [s for _, s in groups]
    big = max(range(len(groups)), key=lambda k: (sizes[k], -k))
    if first_role != "headline":
        big = -1
    for k, (lines, _) in enumerate(groups):
        if first_role != "headline":
            role = first_role
        elif k < big:
            role = "kicker"
        elif k == big:
            role = "headline"
        else:
            role = "subheadline"
        part = lines_part(lines, role)
        if part.text.strip():
            parts.append(part)
    return parts


def articles_from_layout(pages: Sequence[Page], prefix: str = "") -> list[Article]:
    """Reading order, headlines and article grouping from geometry, for pages with no article map."""
    drafts: list[_Draft] = []
    last_article: _Draft | None = None
    titles = _running_titles(pages)
    for page in pages:
        last_article = _page_articles(page, drafts, last_article, titles)
    articles: list[Article] = []
    for n, d in enumerate(drafts, start=1):
        if not d.parts:
            continue
        articles.append(Article(id=f"{prefix}a{n}", kind=d.kind, parts=_display_as_text(d), pages=d.pages or [d.page]))
    articles = _trailing_heads_moved(_fragments_joined(_heads_running_on(articles)))
    for article in articles:
        _law_title(article)
    articles = _announced_joined(articles)
    # ids stay unique and dense after dropping empty drafts and joining fragments
    for n, a in enumerate(articles, start=1):
        a.id = f"{prefix}a{n}"
    return articles


#: an unheaded article of fewer letters than this (Latin script) is a fragment of the article above
FRAGMENT_LETTERS = 12


def _fragments_joined(articles: list[Article]) -> list[Article]:
    """Unheaded articles of a few Latin letters joined to the page's article above: a notice's signature the rules
    left alone (L'Union 1865's '"« DARGENT.'), an advert's last display word ("NALE!"), a rule's marks read as
    letters ("'•xlir") are no items. Chinese items as short are items (a brand's slogan, a photo's caption)."""
    def fragment(above: Article, article: Article) -> list[Part] | None:
        head, text = _head_and_text(article)
        letters = sum(ch.isalpha() for ch in text)
        if not head and above.pages == article.pages and letters < FRAGMENT_LETTERS \
                and not any(is_wide(ch) for ch in text):
            return article.parts
        return None

    return _joined_to_above(articles, fragment)


def _joined_to_above(articles: list[Article],
                     joined: Callable[[Article, Article], list[Part] | None]) -> list[Article]:
    """The page's articles with those ``joined`` gives parts for (asked with the article kept above it, furniture
    aside) made part of the article above: those parts appended to it, the article gone."""
    out: list[Article] = []
    above: Article | None = None
    for article in articles:
        if article.kind == "furniture":
            out.append(article)
            continue
        parts = joined(above, article) if above is not None else None
        if above is not None and parts is not None:
            above.parts.extend(parts)
            continue
        out.append(article)
        above = article
    return out


def _trailing_heads_moved(articles: list[Article]) -> list[Article]:
    """A heading the rules left last in an article, with no text of it after it, heads the page's next article when
    that one has no headline: a notice's head set at a column's foot over its text at the next column's head (the
    Reichsanzeiger 1881's "Aufgebot." over "Marie Klett, geb. Rieger, …") is no closing line of the notice above."""
    for above, article in zip(articles, articles[1:], strict=False):
        if above.kind == "furniture" or article.kind == "furniture" or above.pages != article.pages:
            continue
        if any(p.role in HEADLINE_ROLES for p in article.parts):
            continue
        parts = above.parts
        k = len(parts)
        while k > 0 and parts[k - 1].role in _TRAILING_HEAD_ROLES:
            k -= 1
        if k == len(parts) or not any(p.role not in HEADLINE_ROLES and p.role != "noise" for p in parts[:k]):
            continue
        article.parts[:0] = [replace(p, role="headline") for p in parts[k:]]
        del parts[k:]
    return articles


#: a law's title over its date line runs to this many paragraphs (kicker, title, "betreffend …") of so many
#: characters at most, none announcing what follows by a colon (text: "… folgende Verordnung erlaſſen:")
LAW_TITLE_PARAGRAPHS = 3
LAW_TITLE_CHARS = 150


#: a text announcing what follows: a word opening in lower case, then a colon ending the text (closing quotes or
#: spaces after it at most): "… folgende Nachrichten vor:", "… welches ſo lautet:", "… de cette démobilisation :"
_ANNOUNCING = re.compile(r"(?:^|\s)[^\W\d_A-ZÀ-Þ][^\W\d_]+\s?:[\s\"'»”’]*$")


def _announced_joined(articles: list[Article]) -> list[Article]:
    """An article whose text ends announcing what follows ("Vom Kriegsſchauplatze liegen folgende Nachrichten vor:")
    goes on into the page's next article: the dispatches, the amendment read out, the list announced are its text,
    and that article's heads its crossheads (L'Ouest-Éclair 1918's "PREMIER ÉCHELON" under "… les divers échelons de
    cette démobilisation :"). A capitalised word before the colon ("… by de voornaemfte Boekverkoper:", a bookseller's
    advert naming its sellers) or a stop after it announces nothing; nor does Chinese text."""
    def announced(above: Article, article: Article) -> list[Part] | None:
        text = _head_and_text(above)[1] if above.pages == article.pages else ""
        if _ANNOUNCING.search(text) and not any(is_wide(ch) for ch in text[-5:]):
            return [replace(p, role="section-heading") if p.role in HEADLINE_ROLES else p for p in article.parts]
        return None

    return _joined_to_above(articles, announced)


def _law_title(article: Article) -> None:
    """A German law as the gazettes set it: its title ("Verordnung, betreffend die Aufhebung der Ausfuhr⸗ und
    Durchfuhr⸗Verbote.") and its date line ("Vom 4. März 1871.") over the enacting words ("Wir Wilhelm, von Gottes
    Gnaden …"). Where the rules read the title and the date as the article's first paragraphs (the Reichsanzeiger
    1871, 1914), they are its headline group: the date line and the short paragraphs above it, up to the article's
    start, when text follows; a paragraph of no letters among them (a year, "1871.") is noise."""
    parts = article.parts
    at = next((k for k, p in enumerate(parts) if p.role not in HEADLINE_ROLES and p.role != "noise"), None)
    if at is None:
        return
    date = next((k for k in range(at, min(len(parts), at + LAW_TITLE_PARAGRAPHS + 1))
                 if parts[k].role == "paragraph" and LAW_DATE.match(parts[k].text.strip())), None)
    if date is None or not any(p.role == "paragraph" for p in parts[date + 1:]):
        return
    title = parts[at:date]
    if any(p.role != "paragraph" or len(p.text) > LAW_TITLE_CHARS or p.text.rstrip().endswith(":") for p in title):
        return
    headed = any(p.role == "headline" for p in parts[:at])
    for k in range(at, date + 1):
        text = parts[k].text
        if not any(ch.isalpha() for ch in text):
            parts[k] = replace(parts[k], role="noise")
            continue
        parts[k] = replace(parts[k], role="subheadline" if headed else "headline")
        headed = True


#: roles of a heading that may be left last in an article (a crosshead, or headline lines a rule appended)
_TRAILING_HEAD_ROLES = frozenset({"section-heading", "headline", "kicker", "subheadline"})


#: a head or a text closing a sentence: a stop, a colon (a head's), then at most closing marks
_HEAD_CLOSED = re.compile(r"[.!?:]\W*$")
_TEXT_CLOSED = re.compile(r"[.!?]\W*$")
#: the first letter of a text, within this many characters of its start (a stray mark or quote before it)
_RUN_ON_LEAD = 2


def _head_and_text(article: Article) -> tuple[str, str]:
    """The article's headline group and its text (noise left out), each its parts in reading order."""
    parts = [article.parts[i] for i in reading_order_of([p.role for p in article.parts])]
    head = " ".join(p.text for p in parts if p.role in HEADLINE_ROLES).strip()
    text = " ".join(p.text for p in parts if p.role not in HEADLINE_ROLES and p.role != "noise").strip()
    return head, text


def _runs_on_under(head: str, text: str, above: str) -> bool:
    """A head that closes no sentence over text opening on a lower-case letter, under text closing none either: the
    words run through the display line ("… zu Preisen verkauft, die den" / "harten Zeiten" / "entsprechen. …").
    Where the OCR lost every stop of the text above (the Winchester News 1910), its end shows nothing."""
    first = re.search(r"[^\W\d_]", text)
    if not head or first is None or first.start() > _RUN_ON_LEAD or not first.group().islower():
        return False
    stopped = _STOPS.search(above) is not None
    return stopped and _HEAD_CLOSED.search(head) is None and _TEXT_CLOSED.search(above) is None


def _heads_running_on(articles: list[Article]) -> list[Article]:
    """Articles whose head runs on into their text, under the page's text above running on too, with that head made
    their text: a line set larger inside an advert's copy or a notice (the Nordstern 1878's "harten Zeiten", a
    German session's "Amendement" / "zu dem Entwurfe …") is no headline. The cuts stay where the rules made them."""
    above: Article | None = None
    for article in articles:
        if article.kind == "furniture":
            continue
        head, text = _head_and_text(article)
        if above is not None and above.pages == article.pages and _runs_on_under(head, text, _head_and_text(above)[1]):
            role = "advertisement" if article.kind == "advertisement" else "paragraph"
            article.parts = [replace(p, role=role) if p.role in HEADLINE_ROLES else p for p in article.parts]
        above = article
    return articles


def _display_as_text(draft: _Draft) -> list[Part]:
    """The draft's parts, its display lines made its text where it has no other: an item set wholly in display type
    (a professional card, "Dr. C. E. May," / "DENTIST" / "Office in …"; a railway line's name over a timetable the
    page reads elsewhere) is no headline over nothing, and its words open it as a reader scans the list."""
    if any(p.role not in HEADLINE_ROLES and p.role != "noise" for p in draft.parts):
        return draft.parts
    role = "advertisement" if draft.kind == "advertisement" else "paragraph"
    return [replace(p, role=role) if p.role in HEADLINE_ROLES else p for p in draft.parts]


#: a line box at most this many pixels wide or high, under a block box many times larger, is a placeholder
DEGENERATE_BOX = 3


def _column_width(blocks: Sequence[Block]) -> float:
    """The median width of the page's text blocks of three lines or more (a column's measure); 0 without any."""
    widths = sorted(bx[2] - bx[0] for b in blocks if sum(1 for ln in b.lines if ln.text.strip()) >= 3
                    and (bx := block_box(b)) is not None)
    return widths[len(widths) // 2] if widths else 0.0


def _formula(text: str) -> str | None:
    """The words opening ``text`` up to a colon within :data:`FORMULA_SPAN` characters, letters only, lower case,
    when they hold :data:`FORMULA_LETTERS` letters or more (an opening formula); None otherwise."""
    at = text.find(":", 0, FORMULA_SPAN)
    letters = "".join(ch.lower() for ch in text[:at] if ch.isalpha()) if at > 0 else ""
    return letters if len(letters) >= FORMULA_LETTERS else None


#: a correspondent's formula naming a report's source, set as a line of its own ("On écrit de Dantzig :"), is this
#: many characters at most
SOURCE_CHARS = 40
#: an article signed with its writer's initials ("G. T.", "E. L. S.", the OCR reading a letter as a figure: "E. L. 8.-")
INITIALS = re.compile(r"^(?:[A-ZÀ-Þ]\.\s?)+[A-Z0-9À-Þ]\.\s?[-—–]?$")


def _same_source(a: str, b: str) -> bool:
    """``a`` and ``b`` are each a short line of its own closed by a colon, naming where a report comes from in the
    same words but for the place ("On écrit d'Amsterdam :" / "On écrit de Dantzig :", "Man ſchreibt aus Wien:"):
    a correspondent's formula opening each report of a column, however short."""
    wa, wb = a.split(), b.split()
    short = all(len(t) <= SOURCE_CHARS and t.rstrip().endswith(":") for t in (a, b))
    return short and min(len(wa), len(wb)) >= 3 and [w.casefold() for w in wa[:2]] == [w.casefold() for w in wb[:2]]


def _initials_signature(lines: Sequence[Line], k: int) -> bool:
    """Line ``k`` is the writer's initials signing the text above it, not an OCR fragment: two to four initials,
    right under a line closing a sentence, set to the right of the column (French dailies sign their leaders so)."""
    line, text = lines[k], lines[k].text.strip()
    if k == 0 or len(text) > SIGNATURE_CHARS or INITIALS.match(text) is None or not 2 <= text.count(".") <= 4:
        return False
    above = lines[k - 1]
    if not above.text.rstrip().endswith(_SENTENCE_END) or line.box is None or above.box is None:
        return False
    return (line.box[0] + line.box[2]) / 2 > (above.box[0] + above.box[2]) / 2


def _mend_line_box(block: Block) -> Block:
    """A block of one line whose line box is a placeholder takes the block's box for it.

    KB's docWORKS ALTO gives some rubrics ("DENMARKEN.", "DUYTSLAND EN D'AENGRENZENDE RYKEN.") a TextLine and
    Strings two pixels wide inside a TextBlock of the printed line's size: read as is, the rubric is a sliver,
    set aside as noise, and the dispatches under it run on in the section above. The block's box is where the
    line is."""
    bx = block.box
    if len(block.lines) != 1 or bx is None or block.lines[0].box is None:
        return block
    line = block.lines[0]
    lb = line.box
    assert lb is not None
    thin = lb[2] - lb[0] <= DEGENERATE_BOX or lb[3] - lb[1] <= DEGENERATE_BOX
    if not thin or bx[2] - bx[0] <= 10 * DEGENERATE_BOX or bx[3] - bx[1] <= 3 * DEGENERATE_BOX:
        return block
    words = [replace(w, box=None) for w in line.words]  # placeholders too: the line is measured by the block's box
    return replace(block, lines=[replace(line, box=bx, words=words)])


def _page_articles(page: Page, drafts: list[_Draft], carried: _Draft | None,
                   titles: frozenset[str] | set[str] = frozenset()) -> _Draft | None:
    """Append the page's articles to ``drafts``; returns the article still open at the page end."""
    blocks = [_mend_line_box(b) for b in reading_order(page)]
    if not blocks and page.lines:
        blocks = [Block(id=f"p{page.number}.all", lines=list(page.lines))]
    if not blocks:
        return carried
    cut = _PageCut(page, blocks, drafts, carried, titles)
    for block in blocks:
        cut.place(block)
    return cut.finish()


def _date_lines(blocks: Sequence[Block]) -> set[str]:
    """Ids of the blocks holding a Chinese page's date line or folio, and of a short one line block (the
    paper's name) set between two of them."""
    texts = ["".join(ln.text for ln in b.lines) for b in blocks]
    dated = [is_date_line(t) for t in texts]
    out = {b.id for b, d in zip(blocks, dated, strict=False) if d}
    for k in range(1, len(blocks) - 1):
        if dated[k - 1] and dated[k + 1] and len(blocks[k].lines) == 1 and len("".join(texts[k].split())) <= 6:
            out.add(blocks[k].id)
    return out


#: a run-in title (the words before an entry's first full stop) has at most this many characters
RUN_IN_TITLE_CHARS = 40
#: a register's entry run in on its court's place: one to three capitalised words (with their abbreviations,
#: "Beuthen O./S."), a full stop, and the entry's text on a capital ("Aachen. Die Prokura …", "Breslau.
#: Bekanntmachung. …"); a dispatch's place is followed by its date ("Wien, 4. März.") and is none
REGISTER_ENTRY = re.compile(r"^[A-ZÄÖÜ][\w⸗-]+(?:\s+[A-ZÄÖÜ][\w./⸗-]*){0,2}\.\s+[A-ZÄÖÜ]")


def _register_entries(article: _Draft, first: str) -> bool:
    """The text under a rule (``first``, its first line) is the next entry of a register the article is: the
    article's text already holds an entry run in on a place (:data:`REGISTER_ENTRY`) after its first paragraph (the
    rubric's introduction running on into its first entry), and the text opens so too."""
    if REGISTER_ENTRY.match(first) is None:
        return False
    paragraphs = [p.text.strip() for p in article.parts if p.role == "paragraph"]
    return any(REGISTER_ENTRY.match(t) is not None for t in paragraphs[1:])
#: an entry of a listing opens on a formula of this many words ("The News is authorized to announce") ...
FORMULA_WORDS = 5
#: ... of which this many agree with the first entry's (the OCR garbles one: "Th* News", "i3 authorized") ...
FORMULA_AGREE = 4
#: ... holding this many letters at least (a common opening, "It is the", is no formula)
FORMULA_LETTERS = 15
#: an entry's sub-head has at most this many characters ("For County Treasurer.")
ENTRY_HEAD_CHARS = 40


def _opening_words(text: str) -> list[str]:
    """The first :data:`FORMULA_WORDS` words of ``text``, letters only, lower case."""
    return ["".join(ch for ch in w.casefold() if ch.isalpha()) for w in text.split()[:FORMULA_WORDS]]


def _same_formula(a: str, b: str) -> bool:
    """``a`` and ``b`` open on the same formula: :data:`FORMULA_AGREE` of their first :data:`FORMULA_WORDS` words
    alike, word for word, :data:`FORMULA_LETTERS` letters or more."""
    wa, wb = _opening_words(a), _opening_words(b)
    if len(wa) < FORMULA_WORDS or len(wb) < FORMULA_WORDS or sum(len(w) for w in wa) < FORMULA_LETTERS:
        return False
    return sum(1 for x, y in zip(wa, wb, strict=True) if x and x == y) >= FORMULA_AGREE
#: a block of display lines stranded below the next column's heading is an item of its own from this many runs of
#: one size up
STRANDED_RUNS = 3


class _PageCut:
    """One page's blocks, in reading order, placed into articles (``drafts``), adverts and furniture."""

    def __init__(self, page: Page, blocks: list[Block], drafts: list[_Draft], carried: _Draft | None,
                 titles: frozenset[str] | set[str] = frozenset()) -> None:
        self.page = page
        self.blocks = blocks
        self.drafts = drafts
        self.vertical = page.vertical or (sum(1 for b in blocks if b.vertical) > len(blocks) / 2)
        self.sizes = _page_sizes(page, blocks, self.vertical)
        #: the paper's title alone in the margin at the page's head (pages without sizes or boxes)
        self.titles = {b.id for b in blocks[:HEAD_BLOCKS] if _flat_block(b) in titles and len(b.lines) == 1}
        #: the page's head margin was read up to its title: display lines beside it before the first
        #: headline are the margin's
        self.beside_title = False
        self.dated = _date_lines(blocks)
        self.margin = (_margin_furniture(blocks, self.sizes) | _imprint(blocks) | _footnotes(blocks, self.sizes)
                       | _house_notices(blocks, self.dated) | _publisher_box(blocks) | self.titles)
        self.margin -= _signatures_at_foot(blocks, self.margin)
        self.masthead = _masthead(blocks, self.sizes)
        stated = {b.id for b in blocks if _norm_type(b) in FURNITURE_TYPES} | self.margin
        self.mast_rows = _masthead_rows(blocks, stated | ({self.masthead} if self.masthead else set()))
        self.mast_rows |= _masthead_band(blocks, self.sizes, self.masthead) | _dated_banner(blocks)
        self.mast_rows |= _title_echo(blocks, self.mast_rows | ({self.masthead} if self.masthead else set()))
        self.em = typical_size([ln for b in blocks for ln in b.lines], self.vertical) or 10.0
        self.furniture = _Draft("furniture", page.number)
        #: the article the next body text belongs to (carried over from the previous page at first)
        self.current: _Draft | None = carried
        #: headline lines (with their size) waiting for the article they open
        self.pending_heads: list[tuple[list[Line], float]] = []
        #: the block each pending headline came from (a paragraph, on pages without sizes or boxes)
        self.pending_ids: list[str] = []
        #: an advert whose copy the next body text continues (pages without sizes or boxes)
        self.open_ad: _Draft | None = None
        #: the paragraph finishing the caption of the photo opened last (pages without sizes or boxes)
        self.caption_tail: str | None = None
        #: an article has been opened on this page
        self.started_on_page = False
        self.captions = self._captions()
        #: the next block of two lines or more after each one in reading order (the text a centred heading
        #: is centred over, under the heading's deck if it has one)
        self.below: dict[int, Block] = {}
        text_block: Block | None = None
        for b in reversed(blocks):
            if text_block is not None:
                self.below[id(b)] = text_block
            if sum(1 for ln in b.lines if ln.text.strip()) >= 2:
                text_block = b
        #: the block each line is in
        self.block_of = {ln.id: b.id for b in blocks for ln in b.lines}
        self.block_by_id = {b.id: b for b in blocks}
        self.line_of = {ln.id: ln for b in blocks for ln in b.lines}
        self.lines_of = {b.id: b.lines for b in blocks}
        #: the lines of regions the source types as headings
        self.stated_heads = {ln.id for b in blocks if _norm_type(b) in HEADING_TYPES for ln in b.lines}
        #: the article opened last by display lines, with those lines and the blocks they came from
        self.headed: tuple[_Draft, list[tuple[list[Line], float]], list[str]] | None = None
        #: the article a rule closed, when the rule is the item break (its heading may be a rubric)
        self.ruled: _Draft | None = None
        #: an ornament alone (a dinkus) ended the item above: the next body text opens one
        self.item_break = False
        #: a serial's chapter title is being placed (its lines are text, not headings)
        self.chapter = False
        #: the last line of body text placed on the page ("." when none yet)
        self.last_body = "."
        #: the box of the last run of body text placed on the page (a signature stands flush right under it)
        self.last_box: Box | None = None
        #: the article that is a listing of entries under rules, named after its headline (:meth:`entry_of_rubric`)
        self.listing: _Draft | None = None
        #: the block under a rule that is the next entry of a register (:func:`_register_entries`): its text goes on
        #: in the listing, its court's heading too
        self.register_entry: Block | None = None
        #: the listing that is such a register
        self.register: _Draft | None = None
        #: the article that is a listing of entries under sub-heads, each opening on one formula (:meth:`formula_entry`)
        self.formula_listing: _Draft | None = None
        #: the last line of that run
        self.last_line: Line | None = None
        #: the article a run-in crosshead was placed in, or a serial's instalment opened by a chapter title (pages
        #: without sizes or boxes): its next short display paragraphs are crossheads too
        self.run_in: _Draft | None = None
        #: a round-up opened on a section's head under its headline and deck in capitals: its next heads of that
        #: rank are its sections
        self.roundup: _Draft | None = None
        #: the page's last block with text (a headline never ends a page)
        self.last_text = next((b for b in reversed(blocks) if any(ln.text.strip() for ln in b.lines)
                               and b.id not in self.margin), None)
        #: the article a banner headline opened (with the banner's box and size): heads under its span are its
        #: story's crossheads while it is the current article
        self.banner: tuple[_Draft, Box, float] | None = None
        self.column_width = _column_width(blocks)
        #: the first of ``drafts`` opened on this page
        self.first_draft = len(drafts)
        #: the cards placed as adverts of their own (:meth:`card`)
        self.cards: list[_Draft] = []
        #: the names in capitals a scene's speeches open on (:func:`_speakers`)
        self.speakers = _speakers(blocks)
        #: the page sets its paragraphs off by lead (else a run of paragraphs each set off so is a run of notes)
        self.paper_leads = _paper_leads(blocks)
        #: the usual whitespace between a text block and the next one under it in its column, where the page sets
        #: the paragraphs of one text as blocks of their own close under each other (None: it does not)
        self.block_gap = _usual_block_gap(blocks, self.sizes.height)
        #: the usual whitespace between two lines of a block (the lead a block set under another is measured beyond
        #: where the page sets its paragraphs inside blocks: :meth:`block_lead`)
        self.line_gap = _usual_line_gap(blocks)
        #: the blocks opening a strip of columns under a band filled to one foot (:func:`tier_openings`)
        self.tiers = set() if self.vertical else tier_openings(blocks, 0.5 * self.em)

    def _captions(self) -> set[str]:
        """Ids of the short, non-display text blocks touching a picture: its captions."""
        illustrations = [b for b in self.blocks if _norm_type(b) in ILLUSTRATION_TYPES and _is_picture(b, self.em)]
        captions: set[str] = set()
        for ill in illustrations:
            ibox = block_box(ill)
            if ibox is None:
                continue
            for b in self.blocks:
                t = _norm_type(b)
                if b is ill or t in ILLUSTRATION_TYPES or t in ADVERT_TYPES:
                    continue
                bx = block_box(b)
                n_lines = sum(1 for ln in b.lines if ln.text.strip())
                display = any(_is_display(self.sizes, ln, b) for ln in b.lines if ln.text.strip())
                if bx is not None and 0 < n_lines <= 4 and not display and _touches(ibox, bx, 1.5 * self.em):
                    captions.add(b.id)
        return captions

    def open_article(self, kind: str = "article") -> _Draft:
        self.open_ad = None
        self.headed = self.roundup = self.banner = None
        d = _Draft(kind, self.page.number)
        d.add_page(self.page.number)
        self.drafts.append(d)
        self.current = d
        self.started_on_page = True
        return d

    def flush_heads(self, following: str = "") -> None:
        """The pending headlines open an article (on a page without sizes or boxes, advert copy is adverts;
        ``following`` is the body text they stand over)."""
        self.bracketed_close()
        if self.beside_title and self.pending_heads:
            self.beside_title = False
            self.margin_beside_title()
        elif self.sizes.body <= 0 and self.pending_heads:
            self.verse_before_head()
        if self.pending_heads and self.sizes.body <= 0 and (
                _advert_group(self.pending_paragraphs()) or _reads_as_copy(following)
                or self.copy_after_advert(following) or _copy_under_display(following)):
            self.flush_adverts(following)
        elif self.pending_heads and self.stub_heading():
            stub = self.current_article()
            stub.parts[-1].role = "subheadline"
            stub.parts.extend(_heading_parts(self.pending_heads, "subheadline"))
            self.pending_heads, self.pending_ids = [], []
        elif self.pending_heads:
            self.rubric_over_series()
            d = self.open_article()
            chapter = self.serial_chapter()
            d.parts.extend(_heading_parts(self.pending_heads[:chapter]))
            for lines, _ in self.pending_heads[chapter:]:  # the chapter line and what follows it open the text
                d.parts.append(lines_part(lines, "paragraph"))
            self.pending_heads, self.pending_ids = self.pending_heads[:chapter], self.pending_ids[:chapter]
            self.headed = (d, list(self.pending_heads), list(self.pending_ids))
            last = self.pending_ids[-1]  # the heading lines of the block the text is in (a rubric over it aside)
            heading = [ln for (lines, _), ident in zip(self.pending_heads, self.pending_ids, strict=False)
                       if ident == last for ln in lines]
            self.roundup = d if _opens_on_section(heading) else None
            self.banner = self.banner_of(d)
            self.pending_heads, self.pending_ids = [], []

    def serial_chapter(self) -> int:
        """The index of the waiting heading group that is a serial's chapter line (:data:`LATIN_CHAPTER`), under the
        serial's label and title; the number of groups when there is none."""
        groups = self.pending_heads
        for k in range(2, len(groups)):
            if LATIN_CHAPTER.match(groups[k][0][0].text.strip()) and any(
                    SERIAL_LABEL.match(ln.text.strip()) for lines, _ in groups[:k] for ln in lines):
                return k
        if len(groups) >= 3 and len(groups[-1][0]) == 1 and CJK_CHAPTER.match(groups[-1][0][0].text.strip()):
            return len(groups) - 1
        if len(groups) == 2 and _titled_and_signed(groups[0][0]) and len(groups[1][0]) == 1 and CJK_CHAPTER.match(
                groups[1][0][0].text.strip()):
            return 1
        if len(groups) >= 3 and _part_title(groups[-1][0], groups[-2][0]):
            return len(groups) - 1
        return len(groups)

    def stub_heading(self) -> bool:
        """The current article, opened by display lines in the block the waiting ones come from, holds one short
        line of text under them, set in from the measure (an advert's display broken by a line of small type:
        "HUNT'S" / "lilPMM" / "REMEDY!"): the waiting lines go on its heading, with that line, and open nothing. A
        card's address running across the measure ("J R VHITNEY Stock Broker" / "334 Atlas Boll 1470 Res 3004Z")
        ends the card."""
        d = self.current
        if d is None or self.headed is None or self.headed[0] is not d or d.kind != "article":
            return False
        body = [p for p in d.parts if p.role not in HEADLINE_ROLES]
        if len(body) != 1 or body[0] is not d.parts[-1] or body[0].role != "paragraph":
            return False
        flat = "".join(body[0].text.split())
        ids = {sp.line for sp in body[0].spans}
        if len(flat) > STUB_CHARS or len(ids) != 1:
            return False
        line, block = self.line_of[next(iter(ids))], self.block_of[next(iter(ids))]
        if block != self.pending_ids[0] or block != self.headed[2][-1]:
            return False
        # set in, not a full line of copy running across the measure (a card's address line: "334 Atlas Bldg …")
        edges = _edges([ln for ln in self.lines_of[block] if ln.box is not None], self.sizes)
        if edges is None or line.box is None:
            return False
        left, right, em = edges
        return line.box[0] - left >= em or right - line.box[2] >= em

    def rubric_over_series(self) -> None:
        """The article opened last on the page was headed by one display line from a block of its own over a head
        found in the text block under it, set far smaller ("Dépêches & Correspondances" / "UN ASSASSINAT" /
        "BELFORT. Un assassinat …", "LOCAL INTELLIGENCE." / "ST. JAMES SUNDAY-SCHOOL."); when the headline
        waiting now is of that smaller head's rank, in a block other than the display line's, the display line
        names a section over a series of headed items: a rubric, the page's furniture, not the first item's
        headline. A banner of several lines over its decks stays the headline."""
        if self.headed is None or not self.pending_heads:
            return
        article, groups, ids = self.headed
        self.headed = None
        n = len(_heading_parts(groups))
        if article.kind == "article" and len(article.parts) > n and _rubric_shape(
                groups, ids, self.pending_heads[0][0], self.pending_ids[0]):
            self.furniture.parts.append(lines_part(groups[0][0], "furniture"))
            article.parts[:n] = _heading_parts(groups[1:])

    def margin_title(self) -> None:
        """The paper's title alone at the page's head: the display lines read before it (the house notice's
        neighbours, its motto 社會文藝之結晶) are the margin's furniture, and what follows it before the first
        headline is the margin's too (:meth:`margin_beside_title`)."""
        self.furniture.parts.extend(lines_part(lines, "furniture") for lines in self.pending_paragraphs())
        self.pending_heads, self.pending_ids = [], []
        self.beside_title = not self.started_on_page

    def _head_over_pen_name(self, paragraphs: list[list[Line]]) -> int:
        """Index of the headline in a group of display paragraphs closed by a pen name （丹翁）: the paragraph
        standing over it; 0 when the group has no pen name or nothing before its headline."""
        head = len(paragraphs) - 1
        while head > 0 and CJK_PEN_NAME.match("".join("".join(ln.text.split()) for ln in paragraphs[head])):
            head -= 1
        return head if head < len(paragraphs) - 1 else 0

    def verse_before_head(self) -> None:
        """Display paragraphs waiting before a headline and its pen name, right under an article's text, close
        that article: the verse a columnist ends on (丹翁's ci "生小風情比國花…" under 雄婦人), set in short
        columns without punctuation like a headline. A Jing bao headline stands directly over its pen name."""
        current = self.current
        if current is None or current.kind != "article" or not self.started_on_page:
            return
        paragraphs = self.pending_paragraphs()
        head = self._head_over_pen_name(paragraphs)
        if head <= 0 or any(sum(ch.isalnum() for ln in lines for ch in ln.text) < VERSE_CHARS
                            for lines in paragraphs[:head]):
            return  # a column label over the headline (名⋯⋯人 / 文⋯⋯選) heads the next item
        current.parts.extend(lines_part(lines, "paragraph") for lines in paragraphs[:head])
        self.drop_pending(paragraphs[:head])

    def drop_pending(self, paragraphs: list[list[Line]]) -> None:
        """Take these paragraphs out of the pending headlines."""
        placed = {id(ln) for lines in paragraphs for ln in lines}
        keep = [k for k, (lines, _) in enumerate(self.pending_heads) if id(lines[0]) not in placed]
        self.pending_heads = [self.pending_heads[k] for k in keep]
        self.pending_ids = [self.pending_ids[k] for k in keep]

    def margin_beside_title(self) -> None:
        """Display paragraphs read after the paper's title and before the first headline (the one standing
        over the pen name, or the last) are the margin's: an advert's slogan ("請飲金納氏巴德補血酒以健尊體",
        ten characters or more) or the paper's motto (三日刊之創始者, furniture)."""
        paragraphs = self.pending_paragraphs()
        head = len(paragraphs) - 1
        while head > 0 and CJK_PEN_NAME.match("".join("".join(ln.text.split()) for ln in paragraphs[head])):
            head -= 1
        if head <= 0:
            return
        for lines in paragraphs[:head]:
            if len("".join("".join(ln.text.split()) for ln in lines)) >= MARGIN_SLOGAN_CHARS:
                self.open_article("advertisement").parts.append(lines_part(lines, "advertisement"))
                self.current = None
            else:
                self.furniture.parts.append(lines_part(lines, "furniture"))
        self.drop_pending(paragraphs[:head])
        self.started_on_page = False

    def advert_closing(self, text: str) -> _Draft | None:
        """The advert above, when display copy opens on that advert's close: its maker or where it is sold
        ("新亞藥廠製造 / 藥房均售" under a remedy's punctuated blurb), a telephone under its address, a price. An
        advert opens on its name, its street or its telephone, never on its agent or its price."""
        before = self.drafts[-1] if self.drafts else None
        if before is None or before.kind != "advertisement" or not before.parts:
            return None
        if AD_PRICE.match(text):
            return before  # its price ("每尺二角五分起") under its telephone
        if AD_END.search(text) is None:
            return None
        if AD_START.match(text):
            return None
        return before if AD_PHONE.match(text) is None or _close_goes_on(text, before) else None

    def copy_after_advert(self, following: str) -> bool:
        """Display lines right after an advert's copy, over text without any running punctuation, are more
        copy ("苗頭十足道地軋得石實結棍 / 今夜務請早臨 / 第三十集 / 燈光有苗頭" over "一忽兒瑞雪紛飛一忽兒紅日高昇"):
        the body of a report or a story under a headline is punctuated."""
        flat = "".join(following.split())
        return (bool(self.drafts) and self.drafts[-1].kind == "advertisement" and _unpunctuated(flat)
                and not CHAPTER.match(flat))

    def pending_paragraphs(self) -> list[list[Line]]:
        """The pending headline lines, one list per block they came from."""
        out: list[list[Line]] = []
        for k, (lines, _) in enumerate(self.pending_heads):
            if k and self.pending_ids[k] == self.pending_ids[k - 1]:
                out[-1] = out[-1] + lines
            else:
                out.append(list(lines))
        return out

    def flush_adverts(self, following: str) -> None:
        """Display paragraphs that are advert copy, one advert to each address or agent that closes one (or
        street that opens one, once the advert being filled gave its own place or more than its head: "好美塢
        樂園 / 高尚娛樂之新園地 / … / 愚園路 / 一二〇四號" ends on its street); copy still running when body
        text follows takes that text too. A short group after the last advert closed, with no advert's mark,
        heads the following text when that text runs like a report (its sentences punctuated), not like copy."""
        paragraphs = self.pending_paragraphs()
        texts = ["".join("".join(ln.text.split()) for ln in lines) for lines in paragraphs]
        closes = [k for k, t in enumerate(texts) if k and AD_END.search(t) and not UNNUMBERED_PHONE.match(t)]
        tail = closes[-1] + 1 if closes else len(texts)
        reported = any(ch in RUNNING_PUNCTUATION for ch in "".join(following.split())[:30])
        if not reported or len(texts) - tail > 3 or any(AD_MARKS.search(t) for t in texts[tail:]):
            tail = len(texts)
        ad: _Draft | None = self.advert_closing(texts[0]) if tail else None
        if ad is None and tail and self.open_ad is not None and AD_BARE_LABEL.match(texts[0]):
            ad = self.open_ad  # a label under copy still running ("時間" / "上午九時起…"): no advert opens on one
        if ad is None and tail and self.drafts and _slogan_alone(self.drafts[-1]) and not AD_START.match(texts[0]):
            ad = self.drafts[-1]
        if ad is None and tail and self.drafts and _offer_goes_on(self.drafts[-1], [*texts[:tail], following]):
            ad = self.drafts[-1]
        if ad is None and tail and self.drafts and _phone_alone(self.drafts[-1]) and not _card_start(texts[0]):
            ad = self.drafts[-1]
        if ad is None and tail and self.drafts and _unplaced_goes_on(self.drafts[-1], texts[:tail]):
            ad = self.drafts[-1]
        placed = False  # the advert being filled gave its street, address or telephone
        last = ad
        for k, lines in enumerate(paragraphs[:tail]):
            if ad is None and last is not None and (_close_goes_on(texts[k], last) or _maker_verb(texts[k])
                                                    or _opening_notice(texts[k])):
                ad = last  # its price under its telephone ("每尺 / 二角 / 五分 / 起"), its telephone under its address
            if ad is None or (_card_start(texts[k]) and ad.parts and (placed or len(ad.parts) > AD_HEAD_PARAS)
                              or _next_whole_advert(ad, lines)):
                ad, placed = self.open_article("advertisement"), False
            last = ad
            closing = (AD_END.search(texts[k]) is not None and not AD_LABEL_END.search(texts[k])
                       and not UNNUMBERED_PHONE.match(texts[k])
                       or _signs_off(texts[k]) and not _close_runs_on(_after_sign_off(texts, k, tail, following)))
            placed = placed or AD_START.match(texts[k]) is not None or closing
            ad.parts.append(lines_part(lines, "advertisement"))
            if (len(ad.parts) > 1 and closing and not _advert_head(ad, k, texts)
                    and not _address_goes_on(k, texts, tail)):
                ad = None  # an advert opening on its telephone goes on
        rest = [(head, ident) for head, ident in zip(self.pending_heads, self.pending_ids, strict=False)
                if not any(head[0][0] is ln for lines in paragraphs[:tail] for ln in lines)]
        self.pending_heads, self.pending_ids = [h for h, _ in rest], [i for _, i in rest]
        self.open_ad = ad if not rest and not (ad is not None and _whole_advert_alone(ad)
                                               and _copy_signed_off(following)) else None
        if rest:
            d = self.open_article()
            d.parts.extend(_heading_parts(self.pending_heads))
            self.pending_heads, self.pending_ids = [], []

    def dated_crosshead(self, text: str) -> bool:
        """The one line waiting over ``text`` is a crosshead of the wire report it stands in, not an item's head: the
        current item opened on a place and date ("Mexico City, Jan. 4,—Scores of persons …"), the line is a Title
        Case head closing on a full stop ("Seas is Churned.", "Panic Indescribable."), not set smaller than the body
        (a telegraph column's item heads are), run in under the report's
        finished text in its column with no blank line's whitespace above it, and no dateline or date follows it
        (that opens the next dispatch: "Aus Paris." / "27. Dez. Die …"; a dateline whose place the OCR garbled too,
        :data:`MONTH_DAY_DASH`)."""
        if (self.current is None or self.current.kind != "article" or len(self.pending_heads) != 1
                or len(self.pending_heads[0][0]) != 1 or self.vertical or not self.opens_dated()):
            return False
        head = self.pending_heads[0][0][0]
        words = head.text.strip()
        if head.id in self.stated_heads:  # a region the source types as a heading heads an item ("Vermiſchte
            return False                  # Nachrichten." under "Frankfurt a. O., 12. Maͤrz. …")
        if (not words.endswith(".") or len(words) > CROSSHEAD_CHARS_LATIN or len(_words(words)) < 2
                or _caps_line(words, CROSSHEAD_CAPS_SHARE) or (_capital_share(words) or 0.0) < RUN_IN_CAPITALS
                or latin_dateline(text) or opens_on_date(text) or MONTH_DAY_DASH.match(text.strip())
                or not self.last_body.endswith(_SENTENCE_END)):
            return False
        above, box = self.last_line, head.box
        if above is None or above.box is None or box is None or self.smaller_than_body(head):
            return False
        across = min(above.box[2], box[2]) - max(above.box[0], box[0]) > 0
        gap = box[1] - above.box[3]  # whitespace: the usual overlap of the OCR's boxes taken out
        return across and 0 <= gap < ITEM_HEAD_GAP * (self.sizes.height or self.em) - self.sizes.overlap

    def smaller_than_body(self, line: Line) -> bool:
        """The line is set smaller than the body: by its declared size where the page's sizes count, else by its
        box (a telegraph column's item heads, "Die Bank von Frankreich." at 6 points over a body of 8)."""
        if self.sizes.use_font and line.font_size:
            return line.font_size < SMALL_HEAD_RATIO * self.sizes.body
        height = self.sizes.height
        return line.box is not None and height > 0 and line.box[3] - line.box[1] < DECK_TYPE * height

    def formula_entry(self, text: str) -> bool:
        """The short sub-head waiting over ``text`` heads the next entry of a listing: the current item is a rubric
        over its first entry's sub-head ("ANNOUNCEMENTS" / "For Circuit Judge."), and that entry's text opens on
        the formula ``text`` opens on ("The News is authorized to announce …"). Candidates' announcements, each
        under its office, are one notice under the rubric: the sub-heads are its crossheads, the first one too.
        After an item set in the listing's column the listing resumes on an entry opening on its formula ("For
        Congress.")."""
        if (len(self.pending_heads) != 1
                or len(" ".join(ln.text for ln in self.pending_heads[0][0]).strip()) > ENTRY_HEAD_CHARS):
            return False
        d, listing = self.current, self.formula_listing
        if listing is not None and _same_formula(self.first_paragraph(listing), text):
            self.current = listing
            return True
        if d is None or d.kind not in ("article", "notice") or not _same_formula(self.first_paragraph(d), text):
            return False
        if not self.first_entry_head(d):
            return False
        self.formula_listing = d
        return True

    @staticmethod
    def first_paragraph(d: _Draft) -> str:
        return next((p.text for p in d.parts if p.role == "paragraph"), "")

    def first_entry_head(self, d: _Draft) -> bool:
        """The last line of ``d``'s headline group is a short sub-head under its rubric (a subheadline of its own,
        or the last line of a headline of several): made a crosshead of the listing, as the next entries' are."""
        heads = [p for p in d.parts if p.role in HEADLINE_ROLES]
        if not heads or not any(p.role == "headline" for p in heads):
            return False
        last = heads[-1]
        ids = list(dict.fromkeys(sp.line for sp in last.spans))
        sub = self.line_of.get(ids[-1]) if ids else None
        if sub is None or len(sub.text.strip()) > ENTRY_HEAD_CHARS:
            return False
        if last.role == "subheadline" and len(ids) == 1:
            last.role = "section-heading"
            return True
        if last.role != "headline" or len(ids) < 2 or any(i not in self.line_of for i in ids):
            return False
        at = d.parts.index(last)
        d.parts[at:at + 1] = [lines_part([self.line_of[i] for i in ids[:-1]], "headline"),
                              lines_part([sub], "section-heading")]
        return True

    def body_target(self, text: str = "") -> _Draft:
        """The article body ``text`` goes to: the one the pending headlines open, else the current one."""
        if self.current is not None and self.run_in_crosshead(text):
            self.rejoin_crossheaded(self.current)
            assert self.current is not None
            self.current.parts.append(lines_part([ln for lines, _ in self.pending_heads for ln in lines],
                                                 "section-heading"))
            self.pending_heads, self.pending_ids = [], []
            self.run_in = self.current
        elif (self.current is not None and self.current is self.roundup and not self.item_break
              and _section_head(self.pending_heads)):
            self.current.parts.append(lines_part(self.pending_heads[0][0], "section-heading"))
            self.pending_heads, self.pending_ids = [], []
        elif self.banner_crosshead(text):
            assert self.current is not None
            self.current.parts.extend(_heading_parts(self.pending_heads, "section-heading"))
            self.pending_heads, self.pending_ids = [], []
        elif self.byline_under_head():
            assert self.current is not None
            self.current.parts.append(lines_part([ln for lines, _ in self.pending_heads for ln in lines], "byline"))
            self.pending_heads, self.pending_ids = [], []
        elif self.dated_crosshead(text):
            assert self.current is not None
            self.current.parts.append(lines_part(self.pending_heads[0][0], "section-heading"))
            self.pending_heads, self.pending_ids = [], []
        elif self.formula_entry(text):
            assert self.current is not None
            self.current.parts.extend(_heading_parts(self.pending_heads, "section-heading"))
            self.pending_heads, self.pending_ids = [], []
        elif self.decked_section(text) or self.numbered_section() or self.country_crosshead(text):
            assert self.current is not None
            self.current.parts.append(lines_part([ln for lines, _ in self.pending_heads for ln in lines],
                                                 "section-heading"))
            self.pending_heads, self.pending_ids = [], []
        lead = self.leading_crosshead(text)
        self.flush_heads(text)
        if lead is not None and self.current is not None:
            self.current.parts.append(lines_part(lead, "section-heading"))
        if self.open_ad is not None:  # an advert's running copy
            ad, self.open_ad = self.open_ad, None
            if _copy_goes_on(text):
                self.open_ad = ad
            return ad
        after_advert = self.sizes.body <= 0 and bool(self.drafts) and self.drafts[-1].kind == "advertisement"
        if after_advert and _advert_close(text):
            return self.drafts[-1]  # the advert's address or telephone, set apart under its copy
        if self.current is None or self.current.kind != "article":
            # text with no headline after an advert, unpunctuated but for a colon, opens the next advert
            # ("雜誌界巨擘：全書銅版紙彩紙精印每冊兩角")
            # and so does copy opening the page's text under its masthead (上海五洲藥大房自來血…每瓶二元)
            copy = after_advert and _unpunctuated(text) or (self.sizes.body <= 0 and self.current is None
                                                              and _reads_as_copy(text))
            return self.open_article("advertisement" if copy else "article")
        if self.sizes.body <= 0 and self.last_body[-1:] in _CJK_PAUSE and _priced_copy(text):
            return self.open_article("advertisement")  # copy under a finished report: "…每冊兩角"
        self.current.add_page(self.page.number)
        return self.current

    def banner_of(self, article: _Draft) -> tuple[_Draft, Box, float] | None:
        """The article with its heading's box and size when the waiting heading that opened it is a banner: set
        across two columns or more of the page's text (:data:`BANNER_COLUMNS`); None otherwise."""
        lines = [ln for lines, _ in self.pending_heads for ln in lines]
        box = _union([ln.box for ln in lines if ln.box is not None])
        if box is None or self.vertical or self.column_width <= 0 or self.sizes.body <= 0:
            return None
        if box[2] - box[0] < BANNER_COLUMNS * self.column_width:
            return None
        return article, box, max(size for _, size in self.pending_heads)

    def banner_crosshead(self, text: str) -> bool:
        """The heading waiting stands under the banner of the current article, inside its span, right under that
        story's own text in its column (not atop another column, where a second story under the day's banner
        begins), set in half its size or less, over text that opens on no dateline: a crosshead of the banner's
        story (L'Ouest-Éclair 1918,
        "LE PRESIDENT WILSON à l'Hôtel de Ville de Paris" over three columns, its report parted by "L'enthousiasme de
        Paris", "Discours de M. Autrand" …); a dispatch of its own under the banner opens on its dateline
        ("M. WILSON A VERSAILLES" / "PARIS, 16 décembre."), and a head under a signature in capitals (a leader
        signed "EUGENE LE BRETON.") opens the next item."""
        if self.banner is None or self.banner[0] is not self.current or not self.pending_heads or self.item_break:
            return False
        _, banner, size = self.banner
        lines = [ln for lines, _ in self.pending_heads for ln in lines]
        box = _union([ln.box for ln in lines if ln.box is not None])
        if box is None or box[1] < banner[3] or min(box[2], banner[2]) - max(box[0], banner[0]) < BANNER_SPAN * (
                box[2] - box[0]):
            return False
        above = self.last_box  # the story's own text, in the column the heading parts
        if above is None or min(above[2], box[2]) - max(above[0], box[0]) < 0.5 * (box[2] - box[0]) or not (
                -self.em <= box[1] - above[3] <= BANNER_UNDER_TEXT * self.sizes.height):
            return False
        if max(s for _, s in self.pending_heads) > BANNER_CROSSHEAD_SIZE * size or not self.banner_in_columns():
            return False
        signed = len(self.last_body) <= SIGNATURE_CHARS and _caps_line(self.last_body)
        return bool(text.strip()) and not latin_dateline(text) and not signed

    def banner_in_columns(self) -> bool:
        """The banner's story is set in columns under it: the block of its first paragraph is narrower than the
        banner by :data:`BANNER_COLUMNS` (a box of the paper's terms set across the page under its title is no
        story)."""
        assert self.banner is not None
        article, banner, _ = self.banner
        first = next((p for p in article.parts if p.role not in HEADLINE_ROLES and p.spans), None)
        block = self.block_by_id.get(self.block_of.get(first.spans[0].line, "")) if first is not None else None
        box = block_box(block) if block is not None else None
        return box is not None and BANNER_COLUMNS * (box[2] - box[0]) <= banner[2] - banner[0]

    def byline_under_head(self) -> bool:
        """The display lines waiting are a byline ("Von" / "Oskar von Schellerer.", "By JOHN SMITH") right under
        the headline of the article opened last, before its text: they sign that article, they open none
        (Eisenbahn-Zeitung 1846, its title's second line read as a line of text between them)."""
        if self.current is None or self.headed is None or self.headed[0] is not self.current or self.item_break:
            return False
        text = " ".join(ln.text.strip() for lines, _ in self.pending_heads for ln in lines)
        if not BYLINE_START.match(text) or len(text.split()) > BYLINE_WORDS or text.endswith(","):
            return False
        body = sum(len(p.text) for p in self.current.parts if p.role not in HEADLINE_ROLES)
        return body <= BYLINE_AFTER

    def paragraphs(self, block: Block, role: str, lines: list[Line] | None = None) -> list[Part]:
        """The block's paragraphs; of ``lines`` only, when given: what :meth:`set_aside` left of the block's lines
        (a line it made a noise part of is not shown a second time in a paragraph)."""
        return block_paragraphs(block if lines is None else replace(block, lines=lines), role, self.vertical)

    def rejoin_crossheaded(self, article: _Draft) -> None:
        """A report found to carry run-in crossheads was opened by one: the article before it on the page
        whose only headline is one short paragraph (姿態可人 after 蓮英芳齡三十、, a sentence ending on the
        enumeration comma the papers then used for every pause) is the same report, its headline a crosshead.
        It goes back into the article above."""
        if len(self.drafts) < 2 or self.drafts[-1] is not article or article is self.run_in:
            return
        before = self.drafts[-2]
        heads = [p for p in article.parts if p.role in HEADLINE_ROLES]
        if before.kind != "article" or len(heads) != 1 or article.parts[0] is not heads[0]:
            return
        if len("".join(heads[0].text.split())) > CROSSHEAD_CHARS or not before.parts or len(article.parts) < 2:
            return
        if REPORT_OPENING.match("".join(article.parts[1].text.split())):
            return  # its text opens a report of its own (四月六日…, 昨日…): a short headline, not a crosshead
        before.parts.append(replace(heads[0], role="section-heading"))
        before.parts.extend(article.parts[1:])
        self.drafts.pop()
        self.current = before

    def split_crosshead(self) -> bool:
        """The pending headlines are two paragraphs of two characters each: a four-character crosshead set as two
        short columns side by side in a report (鄂南 / 捷報, 大城 / 克復 over the next dispatch of a war report; 擴充 /
        航業), whatever follows but a brief's mark; an item's headline runs longer. Not under a piece signed by its
        writer in brackets under its title (簧鼓耳目賦 / （馬二先生）): one writer's piece is no report parted so, and
        the two short paragraphs are the next piece's title and its writer's name (肉麻 / 寒雲)."""
        return len(self.pending_heads) == 2 and not self.signed_piece() and all(
            len("".join("".join(ln.text.split()) for ln in lines)) == 2 for lines, _ in self.pending_heads)

    def bracketed_close(self) -> None:
        """On a page without sizes or boxes, a line wholly in brackets opening the display lines waiting, with a line
        not in brackets under it, labels or signs the text above ("（脊柱側灣症）", a figure's label closing a health
        column, over 北平梨園人物之小變遷 / （鴻自北平寄）): a headline never opens in brackets. It goes on the current
        article, after its text."""
        current = self.current
        if (self.sizes.body > 0 or current is None or current.kind != "article" or len(self.pending_heads) < 2
                or not any(p.role == "paragraph" for p in current.parts[-SECTION_LOOKBACK:])):
            return
        first, second = (["".join(ln.text.split()) for ln in lines] for lines, _ in self.pending_heads[:2])
        if len(first) != 1 or CJK_PEN_NAME.fullmatch(first[0]) is None or CJK_PEN_NAME.fullmatch("".join(second)):
            return
        current.parts.append(lines_part(self.pending_heads[0][0], "paragraph"))
        self.pending_heads, self.pending_ids = self.pending_heads[1:], self.pending_ids[1:]

    def two_column_crosshead(self) -> bool:
        """The pending headline is one paragraph of two lines of two or three characters each, as long as each other:
        a crosshead of four or six characters set as two short columns in a report ("沿海戒" / "備森嚴", the word 戒備
        broken between them), as :meth:`split_crosshead` reads two paragraphs of two; not under a signed piece."""
        lines = [ln for run, _ in self.pending_heads for ln in run]
        if len(lines) != 2 or len({self.block_of.get(ln.id) for ln in lines}) != 1 or self.signed_piece():
            return False
        widths = {len("".join(ln.text.split())) for ln in lines}
        return len(widths) == 1 and widths <= {2, 3}

    def signed_piece(self) -> bool:
        """The current article's headline group names its writer in brackets: （馬二先生）, (丹翁)."""
        parts = self.current.parts if self.current is not None else []
        subheads = ["".join(p.text.split()) for p in parts if p.role == "subheadline"]
        return any(t.startswith(("（", "(")) or t.endswith(("）", ")")) for t in subheads)

    def decked_section(self, following: str) -> bool:
        """On a page without sizes or boxes, one short head (a line or two, :data:`DECKED_SECTION_CHARS` at most)
        waiting over ``following`` under a story headed by a headline over three decks or more is a section of that
        story: a 1939 Jing bao gives its big story of the day four display lines or more, the decks announcing
        what its dispatches report, and parts those dispatches by short heads of one line (鄂中大戰又將爆發 / … /
        大批日軍偷渡汾河卒被擊退, then 日軍渡汾河敗退 over (興集廿二日電)…); an item of its own under such a head
        follows a story with fewer decks, and a head with a deck of its own opens the next item. A brief's mark
        under the head opens an item."""
        current = self.current
        if self.sizes.body > 0 or current is None or current.kind != "article" or self.item_break:
            return False
        lines = [ln for lines, _ in self.pending_heads for ln in lines]
        head = "".join("".join(ln.text.split()) for ln in lines)
        text = "".join(following.split())
        if not lines or len(lines) > DECKED_SECTION_LINES or len(head) > DECKED_SECTION_CHARS:
            return False
        if not text or text[0] in CJK_ITEM_MARKS:
            return False
        return _decked_story(current)

    def country_crosshead(self, following: str) -> bool:
        """On a page without sizes or boxes, one head of a single character waiting over a wire's dispatch (法 / （巴黎
        廿七日電）…, 德, 義, 日: a country by its one-character name) is a crosshead of the current story, parting the
        dispatches it gathers (the 1939 Jing bao's world's reactions to British conscription): an item's headline runs
        longer."""
        current = self.current
        if self.sizes.body > 0 or current is None or current.kind != "article" or len(self.pending_heads) != 1:
            return False
        head = "".join("".join(ln.text.split()) for ln in self.pending_heads[0][0])
        return len(head) == 1 and is_wide(head) and CJK_DATELINE.match("".join(following.split())) is not None

    def leading_crosshead(self, following: str) -> list[Line] | None:
        """On a page without sizes or boxes, the last of several heads waiting, a single character over a wire's
        dispatch, is the first crosshead of the story the others head (英實施徵兵制各國之觀感 / 美法贊同德意嘲諷 / 美 /
        （華盛頓廿七日美聯電）…): taken off the heads (and returned) to open the story's text, as
        :meth:`country_crosshead` places the next ones."""
        if self.sizes.body > 0 or len(self.pending_heads) < 2:
            return None
        lines = self.pending_heads[-1][0]
        head = "".join("".join(ln.text.split()) for ln in lines)
        if len(head) != 1 or not is_wide(head) or CJK_DATELINE.match("".join(following.split())) is None:
            return None
        self.pending_heads, self.pending_ids = self.pending_heads[:-1], self.pending_ids[:-1]
        return lines

    def numbered_section(self) -> bool:
        """On a page without sizes or boxes, one head waiting numbered in a Chinese numeral over a short title
        ("二　陶小姐", :data:`NUMBERED_SECTION`) is the next section of the current article when a paragraph or section
        of it opens on the numeral before ("一　睡態"): a story in numbered sections, not a new item."""
        current = self.current
        if self.sizes.body > 0 or current is None or current.kind != "article" or len(self.pending_heads) != 1:
            return False
        lines = self.pending_heads[0][0]
        numbered = NUMBERED_SECTION.match(lines[0].text.strip()) if len(lines) == 1 else None
        if numbered is None or numbered.group(1) not in SECTION_NUMERALS[1:]:
            return False
        before = SECTION_NUMERALS[SECTION_NUMERALS.index(numbered.group(1)) - 1]
        for part in current.parts[-SECTION_LOOKBACK:]:
            opened = OPENED_SECTION.match("".join(part.text.split()))
            if opened is not None and opened.group(1) == before:
                return True
        return False

    def run_in_crosshead(self, following: str) -> bool:
        """One short display paragraph (a name, a four-character phrase) waiting over ``following`` is a
        run-in crosshead of the current report, not a new item's headline, on a page without sizes or boxes:
        Shanghai papers of the 1930s set the first or last words of a sentence in bold between two columns of a
        long court report (蓮英不服、具狀高三分院、 / 提起上訴 / 日昨傳訊…; 與同鄕人 / 周國元 / 者相遇). The text
        above must run on into it (it ends on a character, not on punctuation: no item ends mid-sentence) or
        the report already had one; a wire dateline or a brief's mark under it opens an item instead (海發暴亂 /
        （貝魯特廿四日海通社電）, 社會瑣聞 / ▲…)."""
        current = self.current
        if self.sizes.body > 0 or current is None or current.kind != "article":
            return False
        text = "".join(following.split())
        if self.split_crosshead() or self.two_column_crosshead():
            return bool(text) and text[0] not in CJK_ITEM_MARKS
        if len(self.pending_heads) != 1:
            return False
        head = "".join("".join(ln.text.split()) for ln in self.pending_heads[0][0])
        if not head or len(head) > CROSSHEAD_CHARS or not text or CJK_DATELINE.match(text) or text[0] in CJK_ITEM_MARKS:
            return False
        return self.last_body[-1:].isalnum() or current is self.run_in

    def place(self, block: Block) -> None:
        t = _norm_type(block)
        text_lines = [ln for ln in block.lines if ln.text.strip()]
        if _is_rule(block):
            self.rule(block)
        elif t in ILLUSTRATION_TYPES:
            if text_lines:  # text inside a picture region: its caption or legend
                self.body_target().parts.extend(self.paragraphs(block, "caption"))
        elif not text_lines:
            return
        elif t in ADVERT_TYPES and block.id not in self.mast_rows:
            self.place_typed_adverts(block, text_lines)
        elif (t in FURNITURE_TYPES or (t not in HEADING_TYPES and block.id in self.margin)
              or block.id == self.masthead or block.id in self.mast_rows):
            self.open_ad = None  # the paper's own notice in the margin parts two adverts' copy
            if block.id in self.titles:
                self.margin_title()
            elif self.sizes.body <= 0 and self.pending_heads and not self.beside_title:
                self.flush_heads()  # display lines before it end there (the page's last advert)
            self.furniture.parts.extend(self.paragraphs(block, "furniture"))
            self.item_break = self.item_break or self.page_side_before(block)
        elif block.id in self.captions or t in CAPTION_TYPES:
            self.place_caption(block)
        elif t in HEADING_TYPES:
            if not self.enumerated_crosshead(text_lines):
                self.add_heads(text_lines, block)
        else:
            self.item_break = self.item_break or block.id in self.tiers
            self.place_text(block, text_lines)

    def place_typed_adverts(self, block: Block, text_lines: list[Line]) -> None:
        """A block the source types as advertisements: one advert each from each of its cuts
        (:func:`_advert_cuts`); a drawing's strokes or a blot read as text (:func:`_advert_noise`) are noise parts of
        the advert they fall in; the paper's imprint closing the block (the page's last advert column: "Luxembourg. —
        Imprimerie de Heintzé frères.") is furniture."""
        self.flush_heads()
        if len(text_lines) > 1 and is_imprint(text_lines[-1].text):
            self.furniture.parts.append(lines_part(text_lines[-1:], "furniture"))
            text_lines = text_lines[:-1]
        noise = {id(ln) for k, ln in enumerate(text_lines) if _advert_noise(text_lines, k)}
        kept = [ln for ln in text_lines if id(ln) not in noise]
        if not kept:
            self.furniture.parts.extend(lines_part([ln], "noise") for ln in text_lines)
            return
        display = _advert_display(kept, self.sizes.use_font)
        cuts = [*_advert_cuts(kept, display), len(kept)]
        where = {id(ln): k for k, ln in enumerate(kept)}
        for first, end in zip(cuts, cuts[1:], strict=False):
            ad = _Draft("advertisement", self.page.number, pages=[self.page.number])
            head = first + _advert_heading(kept[first:end], display[first:end])
            if head > first:
                ad.parts.append(lines_part(kept[first:head], "headline"))
            ad.parts.extend(self.paragraphs(block, "advertisement", kept[head:end]))
            self.drafts.append(ad)
        ads = self.drafts[-(len(cuts) - 1):]
        at = 0
        for ln in text_lines:  # noise goes with the advert of the text line before it (the first: the first's)
            if id(ln) in noise:
                ads[bisect.bisect_right(cuts, at) - 1].parts.append(lines_part([ln], "noise"))
            else:
                at = where[id(ln)]

    def signature(self, lines: list[Line]) -> bool:
        """A block of one or two short lines set flush right close under finished text signs the item above (an
        advertiser's or a correspondent's name: "JONES & BRO.", "Ashdown Hardware Co."): it ends that item and heads
        nothing; a headline is centred or flush left over its text. Placed, or False."""
        above = self.last_box
        if (above is None or len(lines) > 2 or self.pending_heads or self.current is None or self.vertical
                or not self.last_body.endswith(_SENTENCE_END)):
            return False
        width = above[2] - above[0]
        for ln in lines:
            text, box = ln.text.strip(), ln.box
            if box is None or len(text) > SIGNATURE_CHARS or not text[:1].isupper() or latin_dateline(text):
                return False
            if box[2] < above[2] - 1.5 * self.em or box[0] < above[0] + SIGNATURE_INSET * width:
                return False
        first = lines[0].box
        if first is None or not 0 <= first[1] - above[3] <= 2 * self.em:
            return False
        self.current.parts.append(lines_part(lines, "paragraph"))
        self.last_body = lines[-1].text.strip()
        return True

    def blind_signature(self, block: Block, lines: list[Line]) -> bool:
        """On a page without sizes or boxes, a short paragraph right after the current item's text naming whom its
        headline names (three characters or more of it: 漱六山房致靑鳳書 … / 漱六山房主人), over an item opened by its
        own mark (◘正誤 …), is its writer signing the letter off, not the next item's headline. Placed, or False."""
        if self.sizes.body > 0 or self.pending_heads or self.current is None or self.current.kind != "article":
            return False
        at = next(k for k, b in enumerate(self.blocks) if b is block)
        after = next((_flat_block(b) for b in self.blocks[at + 1:] if any(ln.text.strip() for ln in b.lines)), "")
        if not after or after[0] not in CJK_ITEM_MARKS:
            return False
        text = "".join("".join(ln.text.split()) for ln in lines)
        head = "".join("".join(p.text.split()) for p in self.current.parts if p.role == "headline")
        body = any(p.role == "paragraph" for p in self.current.parts)
        if not body or not head or len(lines) > 1 or len(text) > SIGNED_NAME_CHARS or not _blind_display(lines):
            return False
        if _longest_shared(text, head.lstrip(CJK_ITEM_MARKS)) < SIGNED_NAME_SHARED:
            return False
        self.current.parts.append(lines_part(lines, "paragraph"))
        self.last_body = lines[-1].text.strip()
        self.item_break = True
        return True

    def enumerated_crosshead(self, lines: list[Line], roman: bool = False) -> bool:
        """An enumerated heading of a law or treaty ("Artikel IV.", "Art. 3.", "§ 5.") inside the running text of
        an article is a crosshead of that text, not a new item: placed in the current article as a section
        heading. With no article open (or a headline waiting) it is a heading like any other; ``roman``: a section
        numbered in Roman figures counts too (display lines in a text block, not a region typed heading). Placed,
        or False."""
        if not (_enumerated_heading(lines) or roman and _roman_section(lines)):
            return False
        if self.current is None or self.current.kind != "article" or self.pending_heads:
            return False
        self.current.parts.append(lines_part(lines, "section-heading"))
        return True

    def rule(self, block: Block) -> None:
        """A rule across one column between two blocks, under finished text, ends the item above it: papers
        set a short rule (or one the column's width) between items that carry no headline of their own (the
        Reichsanzeiger's "Mannigfaltiges"). Finished: a sentence's stop, a credit closed in brackets ("… (Nach
        Board of Trade Reports.)"), or a last line stopping well short of the column over a block opening on a
        capital or a dash, whatever case its last word is in (the stop the OCR lost: "… aus dem Lande" / rule / "WTB
        Berlin, 17. Jan. …"; "… gegen die ſozialdemokratiſchen Stimmen beſchloſſe" / rule / "Koblenz, …"). A rule under
        a headline, or wider than the text below it, or under text ending on a colon (the lead-in of a table the rules
        box: "… die folgenden Werte auf:"), ends nothing."""
        box, below = block_box(block), self.below.get(id(block))
        under = block_box(below) if below is not None else None
        if box is None or under is None or self.vertical or self.current is None or self.pending_heads:
            return
        width, height = box[2] - box[0], box[3] - box[1]
        across = min(box[2], under[2]) - max(box[0], under[0])
        if (height <= self.em and width >= RULE_ASPECT * height and width <= 1.1 * (under[2] - under[0])
                and across > 0.5 * width and (self.last_body.endswith(_SENTENCE_END + _CLOSED_ASIDE)
                                              or self.after_short_line(False) and _opens_item_text(below))
                and not self.last_body.endswith(":")  # a colon announces the table the rule boxes
                and not self.entry_of_rubric(below)):
            self.item_break = True
            self.ruled = self.current

    def entry_of_rubric(self, below: Block | None) -> bool:
        """The text under the rule opens on a run-in title naming what the headline of the current item names: an
        entry of the listing that headline titles ("Theater." over "Wallner-Theater. Donnerstag: …", "Krolls-Theater.
        …"), not an item of its own; once one is, the entries after it under run-in titles of their own are too ("Circus
        Renz. Carlsstraße …")."""
        head = next((p for p in self.current.parts if p.role == "headline"), None) if self.current else None
        first = next((ln.text.strip() for ln in below.lines if ln.text.strip()), "") if below is not None else ""
        stop = first.find(".")
        if not 0 < stop <= RUN_IN_TITLE_CHARS or not first[:1].isupper():
            return False
        if self.current is not None and self.current is self.listing:
            if self.current is self.register and REGISTER_ENTRY.match(first) is not None:
                self.register_entry = below  # an entry run in on its court's place, under its heading or not
            return True  # the listing goes on, entry after entry under their run-in titles ("Circus Renz. …")
        if self.current is not None and _register_entries(self.current, first):
            self.listing = self.register = self.current
            self.register_entry = below
            return True
        named = {w.casefold() for w in _WORD.findall(head.text)} if head is not None else set()
        if any(w.casefold() in named for w in _WORD.findall(first[:stop])):
            self.listing = self.current
            return True
        return False

    def register_entry_text(self, block: Block, text_lines: list[Line]) -> bool:
        """The block is a register's next entry under its rule (:meth:`entry_of_rubric`): its text, its court's
        heading too ("Berlin. Handelsregiſter" / "des Königlichen Stadtgerichts zu Berlin."), goes on in the
        register. Placed, or False."""
        if block is not self.register_entry or self.current is not self.listing:
            return False
        self.place_body(block, text_lines)
        return True

    def rubric_over_items(self, article: _Draft) -> None:
        """A rule parted the first item under a stated heading region from the next: the heading stands over
        several items, so it names a section ("Mannigfaltiges.", "Verkehrsweſen."), not the first item; it
        goes with the page's furniture like any rubric."""
        parts = article.parts
        if article.kind != "article" or len(parts) < 2 or parts[0].role != "headline":
            return
        if any(p.role in HEADLINE_ROLES for p in parts[1:]):
            return
        lines = set(parts[0].line_ids)
        if lines and lines <= self.stated_heads:
            self.furniture.parts.append(replace(parts[0], role="furniture"))
            del parts[0]

    def blind_heading(self, lines: list[Line]) -> bool:
        """A heading told by its text alone; a serial's chapter title (第八囘 / 假撮合威壓平民) opens the
        instalment's text instead, down to the first block of running text."""
        flat = "".join("".join(ln.text.split()) for ln in lines)
        if CHAPTER.match(flat):
            self.chapter = True
        elif (not _blind_display(lines) or self.correspondent_named(flat) or self.speech_lead(flat)
              or bool(self.pending_heads) and _breaks_off(flat) or SENTENCE_PARTICLE_END.search(flat) is not None
              or self.instalment_signed() or self.marked_under_heads(flat)):
            self.chapter = False
            return False
        return not self.chapter

    def marked_under_heads(self, flat: str) -> bool:
        """``flat`` opens on the mark an annotator's note stands behind (■, ECPO: a glyph nobody could read) under
        headings waiting for their text, and runs on unpunctuated ("■現任駐華大使秘書" / "隨英大使寇爾爵士，…"): the
        text's first words, no more of the heading."""
        return bool(self.pending_heads) and flat.startswith("■") and not any(ch in flat for ch in "，。、！？")

    def instalment_signed(self) -> bool:
        """The headings waiting end on a serial's instalment number in brackets (（一五一）, :data:`INSTALMENT`) and the
        writer's name under it (卓呆, at most :data:`INSTALMENT_WRITER_CHARS`): the serial's heading is complete, and a
        display line under it opens the instalment's text ("哎喲一聲" / "李阿毛聽了…")."""
        heads = ["".join("".join(ln.text.split()) for ln in lines) for lines, _ in self.pending_heads[-2:]]
        return (len(heads) == 2 and INSTALMENT.fullmatch(heads[0]) is not None
                and 0 < len(heads[1].strip("（）()")) <= INSTALMENT_WRITER_CHARS)

    def speech_lead(self, flat: str) -> bool:
        """``flat`` announces what someone said or wrote, set as a paragraph of its own over it inside a report (a
        court's "據沈供稱": according to Shen's statement; "略稱": a telegram's text, abridged): the report's words,
        no heading — a headline never ends on the verb that introduces speech."""
        return (not self.pending_heads and self.current is not None and self.current.kind == "article"
                and bool(self.last_body) and len(flat) <= SPEECH_LEAD_CHARS and SPEECH_LEAD.match(flat) is not None)

    def correspondent_named(self, flat: str) -> bool:
        """``flat`` is the correspondent's name in brackets right after the credit opening a report ("◉天津特約通信" /
        "（慶五）"): the report's first words, as the credit is, no heading."""
        return (not self.pending_heads and CAPTION_CREDIT.fullmatch(flat) is not None
                and CORRESPONDENCE.match("".join(self.last_body.split())) is not None)

    def blind_item(self, block: Block, lines: list[Line]) -> bool:
        """On a page with neither sizes nor boxes: a caption is a photo item of its own, and display copy
        with no running text after it on the page (a headline never ends a page) is an advert. Placed, or
        False."""
        at = next(k for k, b in enumerate(self.blocks) if b is block)
        after = next((b for b in self.blocks[at + 1:] if any(ln.text.strip() for ln in b.lines)), None)
        if self.caption_rest(block):
            return True
        caption = _blind_caption(lines, _flat_block(after) if after is not None else "")
        if caption and (self.inside_broken_report(block) or self.caption_of_current(lines)):
            self.current_article().parts.extend(self.paragraphs(block, "caption", lines))
            return True  # a photo set inside a report broken off before it: the report runs on after it
        if caption:
            kind = "photo"
        elif block is self.last_text and not self.pending_heads and _blind_advert(lines):
            kind = "advertisement"
        elif (len(lines) >= 3 and not self.pending_heads and _blind_display(lines[:1]) and _signed_copy(lines)
              and not _advert_close(_flat_block(block))):
            kind = "advertisement"  # a whole advert in one paragraph: its display line, its copy, its signature
        else:
            return False
        self.flush_heads()
        self.open_article(kind).parts.extend(self.paragraphs(block, "paragraph", lines))
        self.item_break = kind == "advertisement"
        if kind == "photo" and after is not None and _caption_runs_on(_flat_block(block), _flat_block(after)):
            self.caption_tail = after.id
        return True

    def caption_rest(self, block: Block) -> bool:
        """``block`` finishes the caption of the photo opened last, whose bullet the paragraph before left open
        ("◘華洋電話發達之" / "障碍物◘"): the same caption, no heading of the next item. Placed, or False."""
        if block.id != self.caption_tail or self.current is None or self.current.kind != "photo":
            return False
        self.caption_tail = None
        self.current.parts.extend(self.paragraphs(block, "paragraph"))
        return True

    def inside_broken_report(self, block: Block) -> bool:
        """The caption ``block`` stands inside a report: no heading waits, the current article's text broke off
        mid-sentence (its last line ends on a letter or character, no punctuation) and the text after the caption
        runs on (running text, not a heading, a bullet's brief or another caption): "…遂遊戲三昧、達" /
        ◘戴雪雪女士◘ / "於曲部、旣而棄之、…". Its first column may be short and unpunctuated ("…而去、這" /
        ◀梅蘭芳化妝小影▶ / "車夫眞是聾子" / "不怕雷、他也拿" …): the paragraph as a whole tells running text."""
        if (self.pending_heads or self.current is None or self.current.kind != "article" or not self.current.parts
                or self.current.parts[-1].role != "paragraph" or not self.last_body[-1:].isalnum()):
            return False
        at = next(k for k, b in enumerate(self.blocks) if b is block)
        after = next((b for b in self.blocks[at + 1:] if any(ln.text.strip() for ln in b.lines)), None)
        lines = [ln for ln in after.lines if ln.text.strip()] if after is not None else []
        return bool(lines) and not (_blind_display(lines) or _opens_brief(lines[0]) or _blind_caption(lines)
                                    or after is not None and after.id in self.margin)

    def caption_of_current(self, lines: Sequence[Line]) -> bool:
        """The caption names what the current article, right above it, names (half its words or more, two characters
        at least: ◘賈寶玉老九（明媚贈）◘ under a report on 賈寶玉, ◘謝恩君老四◘ under one opening "謝恩君老四、…"), or
        follows a caption that did: the report's own picture, not a photo item of its own."""
        if self.pending_heads or self.current is None or self.current.kind != "article" or not self.current.parts:
            return False
        if self.current.parts[-1].role == "caption":
            return True
        if self.current.parts[-1].role != "paragraph":
            return False
        core = CAPTION_CREDIT.sub("", "".join("".join(ln.text.split()) for ln in lines)).strip(CAPTION_FRAME)
        text = "".join("".join(p.text.split()) for p in self.current.parts)
        named = _longest_shared(core, text)
        return named >= 2 and 2 * named >= len(core)

    def current_article(self) -> _Draft:
        assert self.current is not None
        return self.current

    def rubric(self) -> None:
        """The pending display headlines head a section, not an item: the items under it carry their own
        headlines, centred at body size ("Turnen, Sport und Spiel." over "Tagung des Deutschen
        Fußball-Bundes."). The rubric goes with the page's furniture."""
        self.furniture.parts.extend(lines_part(lines, "furniture") for lines, _ in self.pending_heads)
        self.pending_heads, self.pending_ids = [], []

    def after_finished_text(self) -> bool:
        """The body text placed last ends a sentence (or headlines wait, or nothing was placed yet): a
        centred line here can head an item; after an unfinished row of a table it heads the next rows."""
        return bool(self.pending_heads) or self.item_break or self.last_body.endswith(_SENTENCE_END + _CLOSED_ASIDE)

    def after_short_line(self, lower_runs_on: bool = True) -> bool:
        """The body text placed last ends on a line stopping well short of its run's right edge (:data:`SHORT_END`
        body lines or more): a paragraph or a listing ended there, whatever stop the OCR lost ("Triest til Hamburg"
        closing a table of premiums, then "Seilferdige Skippere." over the next notice). A last word in lower case
        runs on; where ``lower_runs_on`` is False (under a rule, which parts the text) only an article, preposition or
        conjunction does (:data:`_RUN_ON_WORDS`: "… ſteuern, den" / rule / "Spenden …")."""
        line, run = self.last_line, self.last_box
        if line is None or line.box is None or run is None or line.text.strip() != self.last_body:
            return False
        # a sentence broken off on a word in lower case ("… die Hochwürdigste Geistlichkeit auf ihre" / "Fenster
        # für Kirchen" / "mit Glasmalerei …") runs on through the display line
        last = self.last_body.split()[-1] if self.last_body.split() else ""
        return (run[2] - line.box[2] >= SHORT_END * max(self.sizes.height, self.em)
                and not (last[:1].islower() and (lower_runs_on or last.lower() in _RUN_ON_WORDS))
                and not last.endswith((",", *_LINE_END_HYPHENS)))

    def place_caption(self, block: Block) -> None:
        """A caption ends the pending headlines; it opens a photo article unless an article began on this page. A
        block of capitals taken for a caption by the picture it touches, right under a headline still waiting for
        its text, is that headline's deck ("MAIS CETTE COMBINAISON" / "SEMBLE VOUÉE A UN ÉCHEC" beside a portrait)."""
        lines = [ln for ln in block.lines if ln.text.strip()]
        if self.deck_by_picture(block, lines):
            self.add_heads(lines, block)
            return
        self.flush_heads()
        if self.current is None or not self.started_on_page:
            d = self.open_article("photo")
            d.parts.extend(self.paragraphs(block, "paragraph"))
        else:
            self.current.parts.extend(self.paragraphs(block, "caption"))

    def deck_by_picture(self, block: Block, lines: list[Line]) -> bool:
        """The block, taken for a caption by the picture it touches, is lines of capitals close under the headline
        waiting for its text (within two body lines, under its width): that headline's deck, not a caption (a
        portrait's name, under the picture, stands far below the headline)."""
        if not self.pending_heads or _norm_type(block) in CAPTION_TYPES or not lines:
            return False
        head, box = self.pending_heads[-1][0][-1].box, block_box(block)
        if head is None or box is None or not all(_caps_line(ln.text, CAPITALS_SHARE) for ln in lines):
            return False
        close = 0 <= box[1] - head[3] <= DECK_BY_PICTURE * (self.sizes.height or self.em)
        return close and min(box[2], head[2]) - max(box[0], head[0]) >= 0.5 * (box[2] - box[0])

    def add_heads(self, lines: list[Line], block: Block) -> None:
        """Headline lines, one headline per run of the same size, wait for their article."""
        self.strand_heads(lines)
        self.item_break = False
        for run in _size_runs(self.sizes, lines, block):
            self.pending_heads.append((run, max(self.sizes.of_line(ln, block) for ln in run)))
            self.pending_ids.append(block.id)

    def strand_heads(self, lines: list[Line]) -> None:
        """Waiting display lines set lower on the page than the heading ``lines`` open, and beside it in another
        column, head nothing under it: a headline stands over its text. A box of display lines only (an advert: "FOR
        HAY" / "Red Top, per bu $2.00" / "Ozan Mercantile Co.") or a caption read before the next column's heading
        is an item of its own, one per block of :data:`STRANDED_RUNS` runs of one size or more: its first run its
        headline, the rest its body."""
        heads = [ln for group, _ in self.pending_heads for ln in group]
        box = _union([ln.box for ln in lines if ln.box is not None])
        boxes = [ln.box for ln in heads if ln.box is not None]
        if box is None or not boxes or len(boxes) < len(heads) or self.vertical:
            return
        beside = all(b[2] <= box[0] or b[0] >= box[2] for b in boxes)
        if not beside or box[3] > min(b[1] for b in boxes):
            return
        groups: dict[str, list[tuple[list[Line], float]]] = {}
        for group, ident in zip(self.pending_heads, self.pending_ids, strict=False):
            groups.setdefault(ident, []).append(group)
        self.pending_heads, self.pending_ids = [], []
        for ident, runs in groups.items():
            if len(runs) < STRANDED_RUNS:  # one line of display (a signature, a caption) waits as before
                self.pending_heads.extend(runs)
                self.pending_ids.extend([ident] * len(runs))
                continue
            d = self.open_article()
            d.parts.extend(_heading_parts(runs[:1]))
            d.parts.extend(lines_part(group, "paragraph") for group, _ in runs[1:])

    def garbled_dateline(self, lines: list[Line]) -> bool:
        """The block opens on a dateline the OCR could not read but for its day ("a 2 7", "2 9 E": the place
        set in another face), after a finished sentence: a new dispatch of a telegraph column begins."""
        text = lines[0].text.strip()
        lettered = any(ch.isalpha() for ch in text) and "§" not in text  # not a section number ("§. 15.")
        return (len(text) <= GARBLED_DATE_CHARS and GARBLED_DAY.search(text) is not None and is_ocr_fragment(text)
                and lettered and not self.pending_heads and self.last_body.endswith(_SENTENCE_END))

    def crosshead(self, run: list[Line], block: Block, lines: list[Line], seen: int) -> bool:
        """A crosshead, placed in the article it divides: one display line set only a little larger than the
        body ("Claims Right to Sink." at 8 over 6 pt), close under the same article's body text (less than a
        line's whitespace between; a line's and a third for a heading in sentence case, which French and German
        papers centre in about a line of whitespace: "Un témoignage terrible") with more of it below, in the block
        or in the block under it, and no dateline under it (an item's headline in a telegraph column has one, and
        more whitespace above)."""
        start = seen - len(run)
        if (self.current is None or self.current.kind != "article" or self.pending_heads or self.sizes.body <= 0
                or not self.last_body.endswith(_SENTENCE_END)):
            return False
        above = lines[start - 1].box if start > 0 else self.text_above(run[0])
        under = lines[seen] if seen < len(lines) else self.first_under(block)
        if above is None or under is None or latin_dateline(under.text) or not self.crosshead_size(run, block):
            return False
        box, text = run[0].box, run[0].text.strip()
        room = SENTENCE_CROSSHEAD_GAP if _sentence_case(text) and not text.endswith(",") else 1.0
        if box is None or box[1] - above[3] > room * self.sizes.height:
            return False  # set off by a line's whitespace or more: an item's own heading
        self.current.parts.append(lines_part(run[:1], "section-heading"))
        if run[1:]:
            self.current.parts.extend(self.paragraphs(replace(block, lines=run[1:]), "paragraph"))
        return True

    def crosshead_size(self, run: list[Line], block: Block) -> bool:
        """One line a little larger than the body (a heading smaller than the body opens an item: _small_heads),
        not declared a little larger but set far taller and wider (a headline), the run's other lines smaller."""
        size = self.sizes.of_line(run[0], block)
        # the lines after it are body type, taken for a deck by their capitals ("Capt. von Kuehlwetter, …")
        if not self.sizes.body < size < CROSSHEAD_RATIO * self.sizes.body:
            return False
        if self.sizes.use_font and _display_by_geometry(self.sizes, run[0]):
            return False
        return not any(self.sizes.of_line(ln, block) >= size for ln in run[1:])

    def text_above(self, line: Line) -> Box | None:
        """The box of the body text placed last when a block opening on ``line`` stands right under it in the same
        column (a crosshead the OCR boxed apart from the paragraphs it parts); None elsewhere."""
        above, box = self.last_box, line.box
        if above is None or box is None or box[1] < above[3] - self.em:
            return None
        overlap = min(above[2], box[2]) - max(above[0], box[0])
        return above if overlap >= 0.5 * (box[2] - box[0]) else None

    def next_text_line(self, block: Block) -> Line | None:
        """The first line with text of the next block of two lines or more after ``block``."""
        below = self.below.get(id(block))
        return next((ln for ln in below.lines if ln.text.strip()), None) if below is not None else None

    def first_under(self, block: Block) -> Line | None:
        """The first line of the text block under a heading block of its own, when it reads as running text
        (a paragraph, not a deck in capitals or Title Case over an item's dateline)."""
        below = self.below.get(id(block))
        first = next((ln for ln in below.lines if ln.text.strip()), None) if below is not None else None
        if first is None:
            return None
        share = _capital_share(first.text)
        # a paragraph opening on names ("Mme Veuve Eureau est une femme …") has half its words capitalised
        return first if share is not None and share < RUN_IN_CAPITALS and not _caps_line(first.text) else None

    def section_break(self, block: Block, text_lines: list[Line]) -> bool:
        """A row of x's set alone ("x　x　x　x") under an article's text: a break inside it, placed there."""
        if (len(text_lines) != 1 or SECTION_BREAK.match(text_lines[0].text.strip()) is None or self.pending_heads
                or self.current is None or self.current.kind != "article"):
            return False
        self.current.parts.extend(self.paragraphs(block, "paragraph", text_lines))
        return True

    def place_text(self, block: Block, text_lines: list[Line]) -> None:
        """Display lines (at the top of a block or inside it) start an article; the rest is body.

        OCR fragments (no word in them) are noise parts of the article they fall in (of the page's
        furniture before the first one), never an article of their own.
        """
        if (self.box_atop(block, text_lines) or self.dinkus_inside(block, text_lines)
                or self.signed_inside(block, text_lines) or self.keyed_inside(block, text_lines)):
            return
        text_lines = self.set_aside(text_lines)
        if (not text_lines or self.chapter_number(block, text_lines) or self.register_entry_text(block, text_lines)
                or self.card(block, text_lines)):
            return
        if not self.vertical and self.place_notices(block, text_lines):
            return
        if block.id in self.dated:  # the page's date line or folio, and the paper's name between them
            self.furniture.parts.extend(self.paragraphs(block, "furniture", text_lines))
            return
        if (self.section_break(block, text_lines) or self.table_cell(block, text_lines)
                or self.sizes.body <= 0 and self.blind_item(block, text_lines)):
            return
        if not self.vertical and _sideways(text_lines):  # an item set across the margin, turned a quarter
            self.flush_heads()
            self.open_article().parts.extend(self.paragraphs(block, "paragraph", text_lines))
            self.last_body = text_lines[-1].text.strip()
            return
        if self.pending_heads and (_small_deck(text_lines, self.sizes) or _larger_deck_lines(
                text_lines, self.next_text_line(block), self.sizes)):
            self.add_heads(text_lines, block)
            return
        if self.pending_heads and _column_block(block, self.sizes) and (top := _deck_on_top(text_lines, self.sizes)):
            self.add_heads(text_lines[:top], block)  # a column block opening on the deck of the heading over it
            self.place_runs(replace(block, lines=text_lines[top:]), text_lines[top:], titled=True)
            return
        if self.signature(text_lines) or self.blind_signature(block, text_lines):
            return
        if len(text_lines) <= 2 and SERIAL_LABEL.match(text_lines[0].text.strip()):
            self.add_heads(text_lines, block)  # "Feuilleton de l'Ouest-Éclair du 18 décembre 1924 12": the serial's
            return                             # label, over its title (a kicker), not the end of the item above
        if self.pending_heads and _connective(text_lines):
            self.add_heads(text_lines, block)  # "von" between a house's name and its owner's joins the two
            return
        below = self.below.get(id(block))
        centred = (self.after_finished_text() or self.after_short_line()) and (
            _centred_heading_block(text_lines, below, self.em)
            or _centred_head_over_dateline(text_lines, below, self.sizes, self.em)
            or _sentence_title_block(text_lines, below, self.sizes.height or self.em))
        if centred and self.pending_heads and all(s >= HEADLINE_RATIO * self.sizes.body for _, s in self.pending_heads):
            self.rubric()
        if block is not self.last_text and (_caps_heading_block(self.sizes, text_lines) or centred
                                            or self.sizes.body <= 0 and self.blind_heading(text_lines)):
            self.add_heads(text_lines, block)
            return
        if self.pending_heads and _centred_deck(text_lines, self.below.get(id(block)), self.em):
            self.add_heads(text_lines, block)
            return
        self.place_runs(block, text_lines)

    def card(self, block: Block, text_lines: list[Line]) -> bool:
        """The block is a card (:func:`_card`): placed as an advert of its own, its lines its copy. Display lines
        waiting right over it in its column (within :data:`CARD_STACK_LINES` body lines) are another card the OCR
        garbled ("Dr. C. E. May," / "DENTIST" / … "Afl:(!i«r, Ail:."): they open an item of their own first; display
        lines waiting further up (a picture's caption) go on waiting for the text after it. Placed, or False."""
        if self.vertical or not _card(text_lines) or self.signs_copy_above(block):
            return False
        head, box = (self.pending_heads[-1][0][-1].box if self.pending_heads else None), block_box(block)
        if head is not None and box is not None and _column_overlap(head, box) and (
                0 <= box[1] - head[3] <= CARD_STACK_LINES * max(self.sizes.height, self.em)):
            self.flush_heads()
        card = self.open_article("advertisement")
        card.parts.extend(self.paragraphs(block, "advertisement", text_lines))
        self.cards.append(card)
        self.item_break = True
        self.last_body = text_lines[-1].text.strip()
        self.last_box = _union([ln.box for ln in text_lines if ln.box is not None])
        return True

    def signs_copy_above(self, block: Block) -> bool:
        """The block stands close under the text placed last, in its column (within :data:`CARD_UNDER` body lines,
        no headline waiting): the advertiser's name and address signing that copy ("FLINN & BRENEMAN, LARGEST
        STOVE STORE, No. 152 N. Queen St., Lancaster, Pa."), no card of its own; cards stacked in a column stand
        further apart."""
        box, above = block_box(block), self.last_box
        if box is None or above is None or self.pending_heads or not _column_overlap(above, box):
            return False
        return 0 <= box[1] - above[3] <= CARD_UNDER * max(self.sizes.height, self.em)

    def box_atop(self, block: Block, text_lines: list[Line]) -> bool:
        """The block opens on the paper's own box, the OCR boxing it with the column under it (an American weekly's
        editorial page: "THE LITTLE RIVER NEWS" / "Published Wednesday and Saturday" / … / "Entered at the
        postoffice at Ashdown, Arkansas, as second-class mail" / "Subscription Price Per Year, $1.50 Cash in
        Advance"): its terms (:data:`BOX_TERMS`) on two lines or more among the block's first :data:`BOX_LINES`, the
        first of them among its first :data:`BOX_TOP` lines. The lines down to the last of them are furniture; what
        follows is placed as a block of its own. Placed, or False."""
        if self.pending_heads or self.vertical:
            return False
        marked = [k for k, ln in enumerate(text_lines[:BOX_LINES]) if BOX_TERMS.search(ln.text)]
        if len(marked) < 2 or marked[0] >= BOX_TOP or marked[-1] + 1 >= len(text_lines):
            return False
        cut = marked[-1] + 1
        self.furniture.parts.append(lines_part(text_lines[:cut], "furniture"))
        self.item_break = True
        rest = text_lines[cut:]
        self.place_text(replace(block, lines=rest), rest)
        return True

    def dinkus_inside(self, block: Block, text_lines: list[Line]) -> bool:
        """An ornament inside the block (:func:`_dinkus_cut`) ends the item above it; what follows it is placed
        after it. Placed, or False."""
        cut = _dinkus_cut(text_lines)
        if cut is None:
            return False
        self.place_text(replace(block, lines=text_lines[:cut]), text_lines[:cut])
        target = self.current if self.current is not None else self.furniture
        target.parts.append(lines_part(text_lines[cut:cut + 1], "noise"))
        # an ornament under a serial's byline ("De Mathilde ALANIC" / "*") decorates its head, it ends nothing
        self.item_break = not (cut == 1 and LATIN_BYLINE.match(text_lines[0].text.strip()) is not None)
        self.place_text(replace(block, lines=text_lines[cut + 1:]), text_lines[cut + 1:])
        return True

    def keyed_inside(self, block: Block, text_lines: list[Line]) -> bool:
        """A column of adverts each closed on its order number (:func:`_keyed_cuts`): each is placed as an item of
        its own. Placed, or False."""
        cuts = _keyed_cuts(text_lines)
        if not cuts:
            return False
        for n, (first, end) in enumerate(zip([0, *cuts], [*cuts, len(text_lines)], strict=True)):
            self.item_break = self.item_break if n == 0 else True
            self.place_text(replace(block, lines=text_lines[first:end]), text_lines[first:end])
        self.item_break = self.item_break or _closed_on_key(text_lines[cuts[-1]:])
        return True

    def signed_inside(self, block: Block, text_lines: list[Line]) -> bool:
        """A writer's initials inside the block (:func:`_initials_signature`) close the item above them; what follows
        them is another item's, and a body line right over display lines there is the first line of its heading
        ("G. T." / "Un protocole financier entre l'Allemagne" / "et les Alliés"). Placed, or False."""
        sig = next((k for k in range(1, len(text_lines) - 1) if _initials_signature(text_lines, k)), None)
        if sig is None or self.vertical:
            return False
        self.place_text(replace(block, lines=text_lines[:sig + 1]), text_lines[:sig + 1])
        rest = text_lines[sig + 1:]
        runs = _display_runs(self.sizes, rest, block)
        if len(runs) >= 2 and not runs[0][0] and len(runs[0][1]) == 1 and runs[1][0]:
            self.add_heads(rest[:1], block)
            rest = rest[1:]
        else:
            self.item_break = True
        self.place_text(replace(block, lines=rest), rest)
        return True

    def place_runs(self, block: Block, text_lines: list[Line], titled: bool = False) -> None:
        """The block's runs of display and body lines, in order: display runs head an item (unless they are a
        crosshead, emphasis inside copy or a signature), body runs go to the current item or open one; ``titled``:
        the lines stand under a heading the block opened on."""
        seen = 0
        runs = _display_runs(self.sizes, text_lines, block)
        if len(runs) >= 2 and not runs[0][0] and runs[1][0] and self.after_finished_text() and _head_over_deck(
                runs[0][1], text_lines, self.sizes):
            runs[0] = (True, runs[0][1])  # a head in body type over its deck, opening the block
        if self.nameplate(runs):
            runs = runs[1:]
            seen = 1
        boxed = self.boxed_across(block)
        copy = False  # the boxed block's text has begun
        for is_display, run in runs:
            # copy closing on its address ends the box's advert: what follows is read as in any block
            if boxed and copy and not (is_display and self.closing_address(run)):
                seen += len(run)
                self.place_body(block, run, titled)
                boxed = ADDRESS_CLOSE.search(run[-1].text.strip()) is None
                continue
            boxed = boxed and not copy
            copy = copy or not is_display
            if is_display and seen and (n := self.closing_address(run, text_lines[seen + len(run):])):
                self.place_body(block, run[:n])  # the address closing the copy above, set in display type
                seen, run = seen + n, run[n:]
                if not run:
                    continue
            seen += len(run)
            # one display line with at most one line after it at the very end of the page signs the item
            # above (an advertiser's name and town), it heads nothing
            # a short display run closing a block after its body signs that item (an advertiser's name,
            # "Ashdown Hardware Co"): a headline stands above its text, not at the foot of another's
            signs = (seen == len(text_lines) and seen > len(run) and len(run) <= SIGNATURE_LINES
                     and not self.heads_next_column(run, block))
            if is_display and (self.crosshead(run, block, text_lines, seen)
                               or self.enumerated_crosshead(run, roman=True)):
                continue
            after = text_lines[seen] if seen < len(text_lines) else None
            if is_display and (self.display_in_copy(run, after, block) or self.tight_under_text(run, after, block)):
                self.place_body(block, run)
                continue
            if is_display and self.classified_head(run, after):
                continue
            if is_display and not signs and not (
                    block is self.last_text and len(run) == 1 and len(text_lines) - seen <= 1):
                self.add_heads(run, block)
                titled = True
                continue
            self.place_body(block, run, titled)

    def boxed_across(self, block: Block) -> bool:
        """The block is one box set across two columns or more (:data:`BANNER_COLUMNS`) but not a whole column, or
        as high as one with its lines running across it (:func:`_lines_across`): a display advert the OCR boxed
        whole, whose display lines after its copy has begun ("OLD STYLE TINWARE.", "Great Drop in the Price of Stoves
        and Ranges.", "What is CASTORIA") are its own, no new item's head, until its copy closes on an address."""
        box = block_box(block)
        if (box is None or self.vertical or self.column_width <= 0
                or box[2] - box[0] < BANNER_COLUMNS * self.column_width):
            return False
        return not _column_block(block, self.sizes) or _lines_across(block, box)

    def tight_under_text(self, run: list[Line], after: Line | None, block: Block) -> bool:
        """The display run stands right under the body text placed last, in its column, with less whitespace between
        than :data:`TIGHT_GAP` of a body line, and the text breaks off on either side of it (above on a lower-case
        word or a comma, or the run on a comma or over a lower-case line): a display line inside an advert's copy
        ("Bettgestellen, Tische, Stühle," / "Sofas, Bureaus, Schränke etc." / "stets an Hand."). A headline stands
        clear of the text above it and reads whole (:meth:`display_in_copy` asks both sides, within two lines)."""
        above, box = self.last_box, run[0].box
        if above is None or box is None or self.current is None or self.pending_heads or self.sizes.height <= 0:
            return False
        last = self.last_body.rstrip()
        under = after if after is not None else self.next_text_line(block)
        resumes = under is not None and under.text.strip()[:1].islower() or run[-1].text.rstrip().endswith(",")
        broken = last.endswith(",") and last[-2:-1].isalpha() or last[-1:].islower() and not _caps_line(run[0].text)
        if not (resumes or broken) or self.wrapped_under_paragraph(run, block):
            return False  # a head in capitals under a line whose full stop the OCR dropped heads an item
        gap = box[1] - above[3]
        overlap = min(above[2], box[2]) - max(above[0], box[0])
        return (0 <= gap <= TIGHT_GAP * self.sizes.height
                and overlap >= 0.5 * min(box[2] - box[0], above[2] - above[0]))

    def wrapped_under_paragraph(self, run: list[Line], block: Block) -> bool:
        """The display run opens on a heading wrapped over a centred last line (:func:`_wrapped_heading`) and the
        text placed last ends on a paragraph's last line: flush left, stopping :data:`SHORT_END` body lines or more
        short of its run's right edge, whatever stop the OCR lost ("ball and chain, Ac" for "&c."). A heading, not
        display type inside that text."""
        line, placed, edges = self.last_line, self.last_box, _edges(block.lines, self.sizes)
        if len(run) < 2 or line is None or line.box is None or placed is None or edges is None:
            return False
        height = max(self.sizes.height, self.em)
        return (placed[2] - line.box[2] >= SHORT_END * height and line.box[0] - placed[0] < MIN_INDENT * height
                and _wrapped_heading(run[0], run[1], edges))

    def closing_address(self, run: list[Line], after: Sequence[Line] = ()) -> int:
        """How many lines opening a display run under copy close that copy on its address, set large as adverts
        set their signature ("BRANCH STORE," / "No. 318 Market Street," / "HARRISBURG, PA."): down to the last
        line of the run's first four ending on a US state or naming a street and number, they close the item above;
        the lines under them, if any, head the next one. 0 when no such line opens the run, or when the run is a
        bank statement's title over its first section (``after``, :func:`_statement_title`: "Winthrop, Little River
        County, Ark." names the bank's place)."""
        if self.current is None or self.pending_heads or after and STATEMENT_SECTION.match(after[0].text.strip()):
            return 0
        found = [k for k in range(min(len(run), ADDRESS_LINES)) if ADDRESS_CLOSE.search(run[k].text.strip())]
        return found[-1] + 1 if found else 0

    def nameplate(self, runs: Sequence[tuple[bool, list[Line]]]) -> bool:
        """Headlines waiting over the issue's date line alone, with another headline or nothing under it in the
        block, are a page's nameplate and its date ("Lancaster Intelligencer." / "THURSDAY EVENING, DEC. 29,
        1881." over the leader's head on an editorial page): furniture, placed, no story. True when placed."""
        if not self.pending_heads or not runs or runs[0][0] or len(runs[0][1]) != 1:
            return False
        text = runs[0][1][0].text.strip()
        if len(text) > NAMEPLATE_DATE_CHARS or not is_issue_date(text) or len(runs) > 1 and not runs[1][0]:
            return False
        self.rubric()
        self.furniture.parts.append(lines_part(runs[0][1], "furniture"))
        return True

    def table_cell(self, block: Block, lines: list[Line]) -> bool:
        """A cell of a table the source marks as one (a PAGE table cell region) goes on the item the table is
        printed in, under its title: a row's label or a column's head in short capitals ("Einnahme.", "Summa")
        heads no item of its own. Placed, or False (no item open yet)."""
        if _norm_type(block) != "table" or (self.current is None and not self.pending_heads):
            return False
        text = " ".join(ln.text for ln in lines)
        self.body_target(text).parts.extend(self.paragraphs(block, "paragraph", lines))
        self.last_body = lines[-1].text.strip()
        return True

    def display_in_copy(self, run: list[Line], after: Line | None, block: Block) -> bool:
        """A display line between two pieces of one sentence is emphasis inside that text, not a new item's
        head: a headline never interrupts a sentence. An advert sets its selling words so ("… mit den neuesten
        Verbesserungen versehenen" / SCHNELLPRESSE / "sowie durch eine große Auswahl …"). The text above breaks
        off (on a lower-case word or a comma) and the text under it goes on in lower case; the display line
        stands directly under the text, in its column, within two body lines (a story broken off at a column's
        foot is followed by the next column's head, whose text opens on a capital). Where the OCR lost the block's
        punctuation (:func:`_punctuation_lost`), no line shows its sentence broken off."""
        above, box = self.last_box, run[0].box
        last = self.last_body.rstrip()
        under = after if after is not None else self.next_text_line(block)
        # the text under it goes on in lower case, or the display line itself breaks off on a comma (a list running
        # through it: "Leichenbriefe, Milchtickets, …," / PROGRAMME, / "Quittungen, Rechnungen, …"; German nouns
        # open on a capital)
        resumes = under is not None and (under.text.strip()[:1].islower() or run[-1].text.rstrip().endswith(","))
        if (self.current is None or self.pending_heads or self.vertical or above is None or box is None
                or not last or not (last[-1].islower() or last[-1] == ",") or not resumes
                or _punctuation_lost(block.lines)):  # no stop anywhere: no line shows its sentence broken off
            return False
        gap = box[1] - above[3]
        overlap = min(box[2], above[2]) - max(box[0], above[0])
        return -0.5 * self.em <= gap <= 2 * max(self.sizes.height, self.em) and overlap > 0

    def heads_next_column(self, run: list[Line], block: Block) -> bool:
        """Display capitals at the foot of a whole-column block, with text to follow on the page, head the next
        story (microfilm OCR closes a column's block under the headline whose story starts the next column);
        an advertiser's name signing his copy is set in Title Case."""
        return (block is not self.last_text and _column_block(block, self.sizes)
                and all(_caps_line(ln.text) for ln in run))

    def place_body(self, block: Block, run: list[Line], titled: bool = False) -> None:
        """A run of body lines: in the current article, or opening items where a brief's mark, an ornament,
        a rule or an unheaded item's lead (a dash, a place and a date after a finished paragraph) says one
        begins; ``titled``: the run stands under a title of its own block."""
        if self.pending_heads and not self.vertical and (credit := _credit_lines(run)):
            self.add_heads(run[:credit], block)  # a byline and credit over the dateline: the headline group's
            run = run[credit:]
        # a rubric's listing of wires (waiting over the run or heading the item it goes on): datelines are entries
        wires = titled or self.wire_listing() or bool(self.pending_heads) and _wire_dateline(run[0].text)
        # in a serial's dialogue (the run's own dashes asking or exclaiming included), whitespace parts two scenes of
        # one text, no items
        fiction = self.in_serial() or self.in_dialogue() or any(_spoken(ln.text) for ln in run)
        led = [] if self.vertical else _led_starts(run, wires, fiction, self.speakers)
        led += self.classified_starts(run)
        column = _column_block(block, self.sizes) and not fiction
        leaded = _leaded_starts(run, block, self.paper_leads) if column else []
        keyed = _keyed_starts(run) if self.sizes.keyed else []
        keyed += [] if self.vertical else _reading_notice_starts(run, self.sizes.height, self.sizes.keyed)
        whole = [ln for ln in block.lines if ln.text.strip()] == run  # the block is all body text, no heads in it
        keyed += _wide_notice_starts(run, self.column_width) if whole and not self.vertical else []
        keyed += _signed_notice_starts(run) if not fiction and not self.vertical else []
        keyed += _residence_notice_starts(run) if not fiction and not self.vertical else []
        keyed = self.listing_cuts(run, keyed)
        starts = sorted(set(_item_starts(run, self.vertical)) | set(led) | set(leaded) | set(keyed)) + [len(run)]
        for n, (a, b) in enumerate(zip(starts, starts[1:], strict=False)):
            rest = Block(id=block.id, lines=run[a:b], box=block.box, type=block.type, vertical=block.vertical,
                         font_size=block.font_size)
            opens = n > 0 or (not self.pending_heads and not self.announced_below() and (
                                                          self.item_break and not self.classified_goes_on(run[0])
                                                          or _opens_brief(run[0])
                                                          and not self.marked_entry(run[0])
                                                          or self.led_block(block, run, titled)
                                                          or self.caps_place_block(block, run)
                                                          or self.leaded_block(block, run)
                                                          or (_news_brief(" ".join(ln.text for ln in run))
                                                              and not self.counted_case())
                                                          or self.column_brief(" ".join(ln.text for ln in run))
                                                          or self.repeats_opening(run)
                                                          or self.residence_notice(run)))
            if opens and self.item_break and self.ruled is not None and self.ruled is self.current:
                self.rubric_over_items(self.ruled)
            self.ruled = None
            text = " ".join(ln.text for ln in rest.lines)
            target = self.open_article(self.opened_kind(text)) if opens else self.body_target(text)
            if self.chapter:
                self.run_in = target  # a serial's chapter: its short section titles are crossheads (衞生上)
            self.item_break = False
            target.parts.extend(self.paragraphs(rest, "paragraph"))
            # an advert's copy signed off by its maker, seller or address on a page without sizes: its item ends
            self.item_break = self.sizes.body <= 0 and _signed_copy(rest.lines)
            # an advert closed on its dated insertion key: the next text is another advert's
            self.item_break = self.item_break or self.sizes.keyed and _insertion_key(rest.lines[-1].text)
            self.last_body = rest.lines[-1].text.strip()
            self.last_box = _union([ln.box for ln in rest.lines if ln.box is not None])
            self.last_line = rest.lines[-1]

    def residence_notice(self, run: list[Line]) -> bool:
        """The run opens a paragraph that is a change-of-residence notice (:func:`_residence_opening`) under
        text that does not break off on a hyphen: a notice of its own, as inside a run
        (:func:`_residence_notice_starts`)."""
        return (not self.vertical and self.current is not None and _residence_opening(run[0].text)
                and not self.last_body.endswith(("-", "\u00ac", "\u2e17")))

    def page_side_before(self, block: Block) -> bool:
        """The block is the page's masthead and the text placed last stands wholly left of it: a double page's left
        side (the last page of one issue beside the front page of the next), whose items the text under the masthead
        does not continue. Text read before a masthead above or beside it in its own page's head (a railway
        timetable's boxes) leaves it be."""
        box, last = block_box(block), self.last_box
        return (block.id == self.masthead and self.started_on_page and box is not None and last is not None
                and last[2] <= box[0])

    def in_classifieds(self) -> bool:
        """The current item, or the one the headlines waiting open, is a section of classified adverts: its heading
        names one (:data:`CLASSIFIED_RUBRIC`)."""
        if self.pending_heads:
            head = " ".join(ln.text for run, _ in self.pending_heads for ln in run)
        elif self.current is not None:
            head = " ".join(p.text for p in self.current.parts if p.role in HEADLINE_ROLES)
        else:
            return False
        return CLASSIFIED_RUBRIC.search(head) is not None

    def classified_starts(self, run: list[Line]) -> list[int]:
        """Where a listing of classified adverts opens inside the run (at most one index, never 0): the first
        paragraph opening on a classified's formula in capitals before a dash (:data:`CLASSIFIED_FORMULA`: "FOR
        SALE—Baby carriage …") under a finished paragraph whose last line stops short, not inside a classified
        section (:meth:`in_classifieds`) nor under another such entry; the entries under it are the listing's."""
        if self.vertical or self.in_classifieds() or len(run) < 2:
            return []
        opening = next((p.text for p in self.current.parts if p.role == "paragraph"), "") if self.current else ""
        if CLASSIFIED_FORMULA.match(run[0].text.strip()) or CLASSIFIED_FORMULA.match(opening.strip()):
            return []  # the run or the current item is such a listing already
        right = max((ln.box[2] for ln in run if ln.box is not None), default=0.0)
        height = max(self.sizes.height, self.em)
        for k in range(1, len(run)):
            above, box = run[k - 1], run[k].box
            if CLASSIFIED_FORMULA.match(run[k].text.strip()) is None or box is None or above.box is None:
                continue
            short = right - above.box[2] >= SHORT_END * height
            return [k] if short and above.text.rstrip().endswith(_SENTENCE_END) else []
        return []

    def listing_cuts(self, run: list[Line], keyed: list[int]) -> list[int]:
        """The cuts a run's insertion keys make (``keyed``), but inside a classified section none before an entry
        opening on its words in capitals (:func:`_classified_entry`): the section is one listing, down to the first
        paragraph that opens otherwise (a reading notice in sentence case), after which every cut stands."""
        if not keyed or not self.in_classifieds():
            return keyed
        end = next((k for k in keyed if not _classified_entry(run[k].text)), None)
        return [k for k in keyed if end is not None and k >= end]

    def classified_goes_on(self, line: Line) -> bool:
        """The text placed last closed a classified advert on its insertion key and ``line`` opens the next entry of
        the classified section (:meth:`in_classifieds`) it stands in: the listing goes on."""
        return (self.in_classifieds() and _insertion_key(self.last_body) and _classified_entry(line.text))

    def classified_head(self, run: list[Line], after: Line | None) -> bool:
        """A short classification head ("FOR RENT.", "MONEY TO LEND.") over an entry inside a classified section is
        a crosshead of that listing, not a new item's headline. Placed, or False."""
        if (self.current is None or self.pending_heads or len(run) > CLASSIFIED_HEAD_LINES or after is None
                or not self.in_classifieds()
                or not _classified_entry(after.text)
                or any(len(ln.text.strip()) > CLASSIFIED_HEAD_CHARS for ln in run)):
            return False
        self.current.parts.append(lines_part(run, "section-heading"))
        return True

    def announced_below(self) -> bool:
        """On a page without sizes or boxes, the current article's text ends announcing what follows below
        (…我今錄一首詩在下、: I copy a poem below; …如下; :data:`ANNOUNCES_BELOW`): the next text is what it announced,
        whatever mark opens it (a quoted poem under the paper's bullet ◘), not an item of its own."""
        return (self.sizes.body <= 0 and self.current is not None and self.current.kind == "article"
                and ANNOUNCES_BELOW.search("".join(self.last_body.split())) is not None)

    def counted_case(self) -> bool:
        """The current article is a roundup whose heading counts its cases (盜刼三起: three robberies;
        :data:`COUNTED_CASES`) and holds fewer ▲ paragraphs than that count: the next short brief is one of them."""
        d = self.current
        if d is None or d.kind != "article":
            return False
        head = "".join("".join(p.text.split()) for p in d.parts if p.role in HEADLINE_ROLES)
        counted = COUNTED_CASES.search(head)
        if counted is None:
            return False
        cases = sum(1 for p in d.parts[:SECTION_LOOKBACK]
                    if p.role == "paragraph" and p.text.lstrip().startswith(CJK_BRIEF))
        return 0 < cases < CJK_COUNTS[counted.group(1)]

    def column_brief(self, text: str) -> bool:
        """A ▲ brief of an unsigned news column (◇小消息◇, 雜訊, 外交界: one sentence of clauses, up to
        :data:`COLUMN_BRIEF_CHARS`) under the column's first brief or a brief of its own: an item of its own, as ECPO
        encodes them. A column signed with its writer's pen name in brackets (春江花事 / （老匏）, ◉天津特約通信 /
        （慶五）) is one writer's gossip in ▲ sections, one item; a heading counting its cases (盜刼三起, 盜案累累:
        :data:`ROUNDUP_HEAD`) heads one roundup of them; a brief opening on "again" (▲又…) goes on the one above;
        a paragraph in the vernacular (:data:`VERNACULAR`) is a columnist's talk, not a news brief."""
        flat = "".join(text.split())
        d = self.current
        if (d is None or d.kind != "article" or not flat.startswith(CJK_BRIEF) or len(flat) > COLUMN_BRIEF_CHARS
                or "、" not in flat or flat[len(CJK_BRIEF):].startswith(CJK_AGAIN)):
            return False
        texts = ["".join(p.text.split()) for p in d.parts]
        paragraphs = [t for p, t in zip(d.parts, texts, strict=True) if p.role == "paragraph"]
        head = "".join(t for p, t in zip(d.parts, texts, strict=True) if p.role in HEADLINE_ROLES)
        return (bool(paragraphs) and paragraphs[0].startswith(CJK_BRIEF) and ROUNDUP_HEAD.search(head) is None
                and not any(CJK_PEN_NAME.search(t) for t in texts) and VERNACULAR.search(flat) is None)

    def repeats_opening(self, run: list[Line]) -> bool:
        """The run opens, after finished text, on the formula closed by a colon that the current item's text
        opened on: a formula announcing each of a series of notices ("Se. Majeſtät der König haben Allergnädigſt
        geruht:" over each list of honours); an item's own paragraphs do not repeat its opening formula."""
        current = self.current
        if current is None or self.vertical or not self.last_body.endswith(_SENTENCE_END):
            return False
        first = next((p.text for p in current.parts if p.role == "paragraph"), None)
        formula = _formula(run[0].text)
        return first is not None and (formula is not None and _formula(first) == formula
                                      or _same_source(first, run[0].text))

    def opened_kind(self, text: str) -> str:
        """The kind of an item that body text opens: on a page without sizes, unpunctuated text right after an
        advert signed off is the next advert's copy (a surgery's card after a pharmacy's), else an article."""
        after_advert = self.sizes.body <= 0 and bool(self.drafts) and self.drafts[-1].kind == "advertisement"
        return "advertisement" if after_advert and _unpunctuated(text) else "article"

    def led_block(self, block: Block, run: list[Line], titled: bool) -> bool:
        """The block itself opens on an unheaded item's lead (:func:`_item_lead`) after a finished sentence of
        the article it would continue: a local-news paragraph the OCR boxed alone ("GRONINGEN, 29 Nov. …")
        is an item of its own, not the next paragraph of the item above. Its first line runs on to the block's edge
        (a telegram's "Vor Sedan, den 2. September." set alone over its text heads no new item)."""
        first = next((ln for ln in block.lines if ln.text.strip()), None)
        boxes = [ln.box for ln in run if ln.box is not None]
        edges = _edges(run, self.sizes)
        right = edges[1] if edges is not None else max((b[2] for b in boxes), default=0.0)
        em = edges[2] if edges is not None else (self.sizes.height or self.em)
        runs_on = len(run) >= 2 and run[0].box is not None and right - run[0].box[2] < SHORT_END * em
        runs_on = runs_on and not _set_in_alone(run, em)
        return (first is run[0] and runs_on and self.current is not None and self.last_body.endswith(_SENTENCE_END)
                and not self.vertical
                and _item_lead(run[0].text, titled, self.in_serial() or self.in_dialogue() or _spoken(run[0].text),
                               self.opens_dated())
                and not self.under_chapeau() and not self.marked_entry(run[0]))

    def caps_place_block(self, block: Block, run: list[Line]) -> bool:
        """The block opens on a place or a title run in on capitals (:func:`_caps_place`, not a scene's speaker) right
        after an item signed by its writer in capitals at its foot ("… garnisons respectives." / "VILLENEUVE" over
        "UN BON CONSEIL. Les médecins …"): the signed item is finished, the block opens the next."""
        first = next((ln for ln in block.lines if ln.text.strip()), None)
        name = _caps_place(run[0].text) if first is run[0] and self.speakers is not None else None
        return (name is not None and self.speakers is not None and name not in self.speakers
                and self.current is not None and not self.vertical and _caps_signature(self.last_body))

    def leaded_block(self, block: Block, run: list[Line]) -> bool:
        """The block opens, after finished text, an unheaded item by the lead above it: the page sets a text's
        paragraphs as blocks close under each other (:func:`_usual_block_gap`), and this one stands under the text
        placed last, in its column, :data:`LEAD_GAP` line heights or more further down than that, its first line
        indented as a paragraph's (KB 1876: "… Daarmede nam de tweede dag een einde." / (lead) / "De heer Joosten,
        die gisteren …", each unheaded news item a block of its own under the report on the Chamber). The text
        above is a paragraph of two lines or more (a listing's one-line entries, "4 kleine Kreuzer … zuſammen 60 720
        t.", are spaced as they come), and no standfirst under a headline waits for its report (:meth:`under_chapeau`:
        "PARIS, 16 décembre. Le banquet …" under its chapeau; an advert's copy under its display). The block is set to
        the measure of the text above (:data:`LEAD_MEASURE`: "AN OPEN DOOR" boxed narrow under a shop's advert across
        the columns is display, no item). Where the page sets paragraphs inside its blocks, see :meth:`block_lead`."""
        above, first, height = self.last_box, run[0].box, self.sizes.height
        if (above is None or first is None or self.vertical or run[0] is not block.lines[0]
                or not self.last_body.endswith(_SENTENCE_END) or len(run) < LEAD_ITEM_LINES
                or above[3] - above[1] < BLOCK_LEAD_ABOVE * height or self.under_chapeau()):
            return False
        lefts = sorted(ln.box[0] for ln in run[1:] if ln.box is not None)
        indented = bool(lefts) and MIN_INDENT * height <= first[0] - lefts[len(lefts) // 2] <= MAX_INDENT * height
        boxes = [ln.box for ln in run if ln.box is not None]
        measure = max(b[2] for b in boxes) - min(b[0] for b in boxes)
        same = measure >= LEAD_MEASURE * (above[2] - above[0])  # the column's measure, not a narrow box under copy
        if not (indented and same and _column_overlap(above, first)
                and 0 <= first[1] - above[3] <= BLOCK_LEAD_SPAN * height):
            return False
        usual = self.block_lead()
        return usual is not None and first[1] - above[3] - usual >= LEAD_GAP * height

    def block_lead(self) -> float | None:
        """The whitespace a block standing under the text placed last must exceed by :data:`LEAD_GAP` line heights to
        be set off by lead: the usual gap between blocks where the page sets a text's paragraphs as blocks of their
        own (:func:`_usual_block_gap`); else, where it sets them inside its blocks and parts them by no lead
        (:func:`_paper_leads`), the usual gap between lines, as long as the item the block would go on has run for
        :data:`LEADED_ITEM_LINES` lines at most (the Reichsanzeiger 1918's notices signed "Ebert. Haaſe.", the Little
        River News' briefs under each other, "… in politics again." / (lead) / "Washington, Jan. 5.—The …": each a
        block of its own, a blank line over it; a long text's blank line is a break between its sections: an
        essay's, a treaty's articles). None: lead tells nothing on the page. Bounded: at most that many lines are
        counted."""
        if self.block_gap is not None:
            return self.block_gap
        if self.paper_leads or self.current is None:
            return None
        seen: set[str] = set()
        for part in self.current.parts:
            if part.role in HEADLINE_ROLES:
                continue
            for span in part.spans:
                seen.add(span.line)
                if len(seen) > LEADED_ITEM_LINES:
                    return None
        return self.line_gap

    def marked_entry(self, line: Line) -> bool:
        """The line opens on a brief's asterisk and a dateline ("* DEVENTER, 29 Nov. Heden …") where the current item
        has a headline of its own and its text opened so too ("Visscherijen." / "* URK, 28 Nov. …"): the next entry
        of that headed section, as datelines under a title are (:func:`_led_starts`), not a brief of its own."""
        current = self.current
        if current is None or not any(p.role == "headline" for p in current.parts[:HEAD_PARTS]):
            return False
        first = next((p.text for p in current.parts if p.role == "paragraph"), "")
        return _marked_dateline(first) and _marked_dateline(line.text)

    def wire_listing(self) -> bool:
        """The current item has a headline of its own, a rubric ("Kursberichte von den Fondsmärkten."), and its text
        opened on a wire's credited dateline (:func:`_wire_dateline`): the wires under it are its entries."""
        current = self.current
        if current is None or not any(p.role == "headline" for p in current.parts[:HEAD_PARTS]):
            return False
        return _wire_dateline(next((p.text for p in current.parts if p.role == "paragraph"), ""))

    def opens_dated(self) -> bool:
        """The current item's text opens on a dispatch's place and date (:func:`_dated`)."""
        first = next((p.text for p in self.current.parts if p.role == "paragraph"), "") if self.current else ""
        return _dated(first)

    def chapter_number(self, block: Block, text_lines: list[Line]) -> bool:
        """A line holding only a chapter's number ("IX.") under a serial's label and title waiting for their text
        waits with them: the instalment's text opens on it (:meth:`serial_chapter`)."""
        if len(text_lines) != 1 or not self.pending_heads or not self.in_serial():
            return False
        if BARE_CHAPTER.match(text_lines[0].text.strip()) is None:
            return False
        self.add_heads(text_lines, block)
        return True

    def in_serial(self) -> bool:
        """The current article is a serial's instalment: its headline group holds the serial's label
        ("FEUILLETON.", "Feuilleton des Nordstern"), or the headline waiting for the text does; its text is fiction,
        whose dashes open speech."""
        if self.pending_heads:
            texts = [ln.text for lines, _ in self.pending_heads for ln in lines]
        elif self.current is not None:
            texts = [p.text for p in self.current.parts if p.role in HEADLINE_ROLES]
        else:
            return False
        return any(SERIAL_LABEL.match(t.strip()) is not None for t in texts)

    def in_dialogue(self) -> bool:
        """The current item's text is a scene's dialogue: the text above ends on a colon (it announces the words that
        follow: "… avec lequel elle murmura :" / "— Faux espoir, mon vieil ami …"), or a paragraph of the item past
        its first already opened on a dash that opened no item of its own — a character's speech, where the next
        dash is the answer, not a news note (a serial's instalment whose label stood on the page before)."""
        if self.current is None or self.last_body.endswith(":"):
            return self.current is not None
        body = [p.text for p in self.current.parts if p.role == "paragraph"]
        return any(DASH_LEAD.match(t.strip()) is not None for t in body[1:]) or any(_spoken(t) for t in body)

    def under_chapeau(self) -> bool:
        """The current article holds its headline and one short paragraph that opened on no dateline: a standfirst
        (the chapeau of French dailies: « Je m'adresse, dit-il, à tous les républicains … »), so the dateline
        under it opens the report itself, not an item of its own. A telegraph column's first item opens on its
        dateline (a trade note on its dash), and the next dateline still opens the next item."""
        if self.current is None or not any(p.role == "headline" for p in self.current.parts):
            return False
        body = [p for p in self.current.parts if p.role == "paragraph"]
        return (len(body) == 1 and len(body[0].text) <= CHAPEAU_CHARS and not latin_dateline(body[0].text)
                and DASH_LEAD.match(body[0].text) is None)

    def set_aside(self, text_lines: list[Line]) -> list[Line]:
        """The block's lines without its OCR fragments and the lines the OCR read twice (noise parts of the
        article they fall in, never opening one; a line after a marked hyphenation is its word's second half,
        text however short: '" n.' after "Washing-" was set aside and "Washing" joined the next line's word; an
        advert's insertion key alone on its line, "au 12 tf", is its copy's last line, :func:`_insertion_key`) and
        without a jump line closing it (furniture); what is left
        to place. A block holding only an advertisement office's order number ("[24707]") is furniture, and the
        text after it opens a notice of its own: official gazettes number each notice so, titled or not; a
        heading waiting over it is the section's rubric."""
        if len(text_lines) == 1 and ORDER_NUMBER.match(text_lines[0].text.strip()):
            if self.pending_heads:  # a heading over numbered notices names their section ("1) Unterſuchungsſachen.")
                self.rubric()
            self.furniture.parts.append(lines_part(text_lines, "furniture"))
            self.item_break = True
            return []
        doubled = _duplicates(text_lines)
        chapter = self.pending_heads and self.in_serial()  # a serial's chapter number waits under its title
        noise = [ln for k, ln in enumerate(text_lines)
                 if not (k and text_lines[k - 1].hyphenated)  # the second half of a marked hyphenation: a word
                 and (((is_ocr_fragment(ln.text) or _garbled_rule(ln.text.strip()))
                       and not _initials_signature(text_lines, k) and not _insertion_key(ln.text)
                       and not WIRE_CREDIT.fullmatch(ln.text.strip())  # a paper's credit: "(D. Z.)"
                       and not (chapter and BARE_CHAPTER.match(ln.text.strip())))
                      or not self.vertical and _sliver(ln) or k in doubled)]
        if noise and (_is_dinkus(text_lines) or self.garbled_dateline(text_lines)):
            self.item_break = True
        if noise:  # kept where it was found (the reading order puts noise last), never opening an article
            target = self.current if self.current is not None and self.current.kind == "article" else self.furniture
            target.parts.extend(p for p in (lines_part([ln], "noise") for ln in noise) if p.text.strip())
            dropped = {id(n) for n in noise}
            text_lines = [ln for ln in text_lines if id(ln) not in dropped]
        if text_lines and is_jump_line(text_lines[-1].text) and (
                len(text_lines) > 1 or self.last_body.endswith(_SENTENCE_END)):
            # "(Continued on Second Page.)" ending a block, or set alone under finished text
            self.furniture.parts.append(lines_part(text_lines[-1:], "furniture"))
            text_lines = text_lines[:-1]
        return text_lines

    def place_notices(self, block: Block, text_lines: list[Line]) -> bool:
        """Reading notices inside the block are adverts of their own; the text around them is placed as
        usual (the story above them goes on in its article). False when the block holds none."""
        box = block_box(block)
        edges = _edges(text_lines, self.sizes) or (
            (box[0], box[2], self.sizes.height or self.em) if box is not None else None)
        notices = _reading_notices(text_lines, edges) if edges is not None else []
        if not notices:
            return False
        at = 0
        for first, end in notices:
            if first > at:
                self.place_text(replace(block, lines=text_lines[at:first]), text_lines[at:first])
            self.flush_heads()
            ad = _Draft("advertisement", self.page.number, pages=[self.page.number])
            ad.parts.append(lines_part(text_lines[first:end], "advertisement"))
            self.drafts.append(ad)
            at = end
        if at < len(text_lines):
            self.place_text(replace(block, lines=text_lines[at:]), text_lines[at:])
        return True

    def rejoin_address_tails(self) -> None:
        """An item of the page that is no more than an advertiser's name and address or telephone, set in display
        type under the copy of the advert above it (:func:`_address_tail`: "PARKER BROTHERS NURSERY," /
        "FEYETTEVILLE ARKANSAS", "Phone 151."), closes that advert: its parts go back to it as copy."""
        page = self.drafts[self.first_draft:]
        kept: list[_Draft] = []
        for d in page:
            before = kept[-1] if kept else None
            whole = any(d is c for c in self.cards)  # a card is whole, however short
            if before is not None and before.kind in ("advertisement", "article") and not whole and _address_tail(d):
                before.parts.extend(replace(p, role="paragraph") if p.role in HEADLINE_ROLES else p for p in d.parts)
                self.current = before if self.current is d else self.current
                continue
            kept.append(d)
        self.drafts[self.first_draft:] = kept

    def finish(self) -> _Draft | None:
        """Close the page; the article still open at its end, to carry over."""
        if self.pending_heads:  # headlines at the very end of the page: an article with no body yet
            self.flush_heads()
        self.rejoin_address_tails()
        if self.furniture.parts:
            self.furniture.pages = [self.page.number]
            self.drafts.append(self.furniture)
        return self.current if self.current is not None and self.current.kind == "article" else None

