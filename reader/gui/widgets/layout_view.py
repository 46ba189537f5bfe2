"""The raw layout of a page: the scan, the layout drawn from coordinates, or the text lines.

Three ways to show a page, chosen from what the source gives:

* an image that matches the page's coordinates (``Page.image`` with an
  ``image_scale``): the scan, loaded through Pillow (JPEG 2000 too), with the
  current article's regions outlined and lit lines filled over it;
* boxes but no usable image: each line's text drawn in its box (stacked
  top to bottom when the box is a vertical column);
* no boxes (plain OCR text): the original lines set in columns, in file order.

Every line is a :class:`PageLine` keyed by its id, so the reading view can
light lines up by id, and a click on a line reports ``(line id, offset)``; all
of a page's lines are drawn by one :class:`PageLayer` item.
Scene coordinates are the model's page pixels. Zoom with Ctrl+wheel or the
zoom methods; drag to pan; :meth:`LayoutView.fit_width` fits the page width and
:meth:`LayoutView.fit_page` the whole page.
"""

from __future__ import annotations

import logging
import warnings
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from reader.app.reading import VERTICAL_FORMS
from reader.model.document import Box, Line, Page
from reader.text.chars import em_width, is_wide

log = logging.getLogger(__name__)

#: Synthetic layout of plain-text pages: pixels per em, line pitch, lines per column.
TEXT_EM = 24.0
TEXT_PITCH = 36.0
#: a drawn line whose characters would be fewer pixels tall than this on screen is drawn as a grey bar
GREEK_PX = 5.0
TEXT_COLUMN_LINES = 48
TEXT_GAP = 48.0
#: pages whose drawing is kept after another page is shown, to show them again at once (going back and forth
#: between hits or articles on a few pages rebuilt the page each time)
KEPT_PAGES = 6
#: Page images are decoded at most this many pixels on their longer side.
MAX_IMAGE_SIDE = 3600
#: Largest image decoded whole to be reduced (formats Pillow cannot decode at a lower resolution: PNG,
#: TIFF…): 80 MP, a broadsheet page at 400 dpi, about 240 MB while it is reduced. JPEG and JPEG 2000
#: are decoded reduced, whatever their size. A file past it (a 21 KB PNG claiming 13300×13300) shows
#: the drawn layout instead of freezing the view.
MAX_DECODE_PIXELS = 80_000_000

LIT = QColor(255, 200, 0, 110)
HIT = QColor(255, 90, 0, 150)
ARTICLE = QColor(20, 110, 230)
#: a drawn line's characters, and those of a line of the current article
INK = QColor(35, 35, 35)
ARTICLE_INK = QColor(10, 40, 120)
#: outline of the lines under the reader's highlights
ANNOTATED = QColor(30, 160, 60)


Rect = tuple[float, float, float, float]


@dataclass(slots=True)
class PageLine:
    """One source line on the page view: its box in scene coordinates (left, top, right, bottom), whether its
    text runs down the box, and its text (the characters drawn, a click's offset, the tool tip)."""

    id: str
    text: str
    box: Rect
    vertical: bool

    @property
    def rect(self) -> QRectF:
        """The box as a QRectF (made when asked: a page's worth of them was a fifth of building the page)."""
        x1, y1, x2, y2 = self.box
        return QRectF(x1, y1, x2 - x1, y2 - y1)

    def offset_at(self, pos: QPointF) -> int:
        """Offset in the line's text of the character under ``pos`` (scene coordinates)."""
        n = len(self.text)
        if n == 0:
            return 0
        x1, y1, x2, y2 = self.box
        start, length, at = (y1, y2 - y1, pos.y()) if self.vertical else (x1, x2 - x1, pos.x())
        frac = (at - start) / max(1e-6, length)
        stripped = self.text.rstrip()
        lead = len(self.text) - len(self.text.lstrip())
        visible = max(1, len(stripped) - lead)
        return max(0, min(n - 1, lead + int(frac * visible)))


class BoxIndex:
    """The boxes that meet a point or a rectangle, without testing every box of the page.

    The boxes are sorted by where they start along the axis on which they are short (y for lines of
    horizontal text, x for columns), so a query tests only those starting within the longest one's extent
    before it. Boxes much longer than most (a column rule, a headline running down the page) are kept
    apart and always tested, so one of them does not make every query test the whole page. Built in
    O(n log n) once per page; a query costs O(log n) plus the boxes near it.
    """

    def __init__(self, boxes: Sequence[Rect]) -> None:
        self._boxes = boxes
        heights = sorted(b[3] - b[1] for b in boxes)
        widths = sorted(b[2] - b[0] for b in boxes)
        mid = len(boxes) // 2
        self._axis = 1 if not boxes or heights[mid] <= widths[mid] else 0
        a = self._axis
        extents = heights if a == 1 else widths
        limit = 4 * max(1e-6, extents[mid]) if boxes else 0.0
        self._long = [i for i, b in enumerate(boxes) if b[a + 2] - b[a] > limit]
        short = [i for i, b in enumerate(boxes) if b[a + 2] - b[a] <= limit]
        short.sort(key=lambda i: boxes[i][a])
        self._order = short
        self._starts = [boxes[i][a] for i in short]
        self._reach = max((boxes[i][a + 2] - boxes[i][a] for i in short), default=0.0)

    def overlapping(self, x1: float, y1: float, x2: float, y2: float) -> list[int]:
        """Indices, in ascending order, of the boxes meeting the rectangle (edges included)."""
        lo_q, hi_q = (y1, y2) if self._axis == 1 else (x1, x2)
        lo = bisect_left(self._starts, lo_q - self._reach)
        hi = bisect_right(self._starts, hi_q)
        boxes = self._boxes
        found = [i for i in self._order[lo:hi] if _meets(boxes[i], x1, y1, x2, y2)]
        found.extend(i for i in self._long if _meets(boxes[i], x1, y1, x2, y2))
        found.sort()
        return found


def _meets(b: Rect, x1: float, y1: float, x2: float, y2: float) -> bool:
    return b[0] <= x2 and b[2] >= x1 and b[1] <= y2 and b[3] >= y1


class PageLayer(QGraphicsItem):
    """Every line of a page as ONE item: filled where lit by the selection or hit, its text drawn where
    there is no scan.

    One item per line (some 570 on a text page) made opening an article on another page build, index and
    paint that many items — most of the time to open it. This item draws from the lines' boxes only the
    lines in the exposed rectangle (found through a :class:`BoxIndex`), the grey bars of lines too small to
    read in two ``drawRects`` calls, and repaints only the lines whose state changed. Clicks and tool tips
    are answered by the view through :meth:`line_at`.
    """

    def __init__(self, lines: Sequence[PageLine], draw_text: bool, font_family: str) -> None:
        super().__init__()
        self.lines = list(lines)
        self.draw_text = draw_text
        self.font_family = font_family
        boxes = [ln.box for ln in self.lines]
        self.index = BoxIndex(boxes)
        self._bounds = bounding(boxes)
        #: each line's grey bar, made at the first paint that draws bars
        self._bars: list[QRectF | None] | None = None
        #: indices of the lines in the current article, lit by the selection, under a hit
        self.in_article: set[int] = set()
        self.lit: set[int] = set()
        self.hit: set[int] = set()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # paint() gets exposedRect
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks are handled by the view

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF(self._bounds)  # a copy: Qt owns what a virtual returns

    def forget_states(self) -> None:
        """No line in the article, lit or hit (the item is shown again, for another article)."""
        self.in_article, self.lit, self.hit = set(), set(), set()

    def set_state(self, name: str, indices: set[int]) -> None:
        """Mark ``indices`` as ``in_article``, ``lit`` or ``hit`` (the others not) and repaint the lines that
        changed, not the page."""
        old: set[int] = getattr(self, name)
        changed = old ^ indices
        setattr(self, name, indices)
        if changed:
            self.update(bounding([self.lines[i].box for i in changed]))

    def line_at(self, pos: QPointF) -> PageLine | None:
        """The line under a scene point; the smallest box wins where boxes overlap (the later one on a tie)."""
        found = self.index.overlapping(pos.x(), pos.y(), pos.x(), pos.y())
        if not found:
            return None
        def area(i: int) -> float:
            x1, y1, x2, y2 = self.lines[i].box
            return (x2 - x1) * (y2 - y1)

        return self.lines[min(reversed(found), key=area)]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        for indices, colour in ((self.lit - self.hit, LIT), (self.hit, HIT)):
            for i in indices:
                r = self.lines[i].rect
                if r.intersects(exposed):
                    painter.fillRect(r, colour)
        if not self.draw_text:
            return
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        shown = self.index.overlapping(exposed.left(), exposed.top(), exposed.right(), exposed.bottom())
        readable = self._paint_bars(painter, shown, GREEK_PX / max(1e-9, scale))
        for i in readable:
            painter.setPen(ARTICLE_INK if i in self.in_article else INK)
            _paint_text(painter, self.lines[i], self.font_family)

    def _paint_bars(self, painter: QPainter, shown: Iterable[int], smallest: float) -> list[int]:
        """Draw as grey bars the lines of ``shown`` whose characters would be under ``smallest`` scene units
        tall (a whole page in view: unreadable there anyway, and drawing some 500 lines' glyphs took most of
        the time to open an article); the others, to be drawn as text."""
        plain: list[QRectF] = []
        article: list[QRectF] = []
        readable: list[int] = []
        if self._bars is None:
            self._bars = [_bar(ln) for ln in self.lines]
        bars = self._bars
        for i in shown:
            line = self.lines[i]
            x1, y1, x2, y2 = line.box
            if (x2 - x1 if line.vertical else y2 - y1) >= smallest:
                readable.append(i)
                continue
            bar = bars[i]
            if bar is not None:
                (article if i in self.in_article else plain).append(bar)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # a placeholder: half the time to draw
        for group, ink in ((plain, INK), (article, ARTICLE_INK)):
            if group:
                colour = QColor(ink)
                colour.setAlpha(110)
                painter.setBrush(colour)
                painter.drawRects(group)
        painter.restore()
        return readable


def _vertical(line: Line, box: Rect, page: Page, mode: str) -> bool:
    """Whether a line's text runs down its box."""
    if mode == "text":
        return page.vertical
    text = line.text.strip()
    width, height = box[2] - box[0], box[3] - box[1]
    if len(text) < 2:
        return page.vertical and height >= width
    wide = sum(1 for c in text if is_wide(c)) >= len(text) / 2
    return wide and height > width * 1.3


@dataclass(slots=True)
class PageDrawing:
    """What a page is drawn from, kept to show the page again without building it: the :class:`Page` it was
    built from (a page read again from the catalogue is another object, and is built anew), its lines by id
    and their order in the item that draws them, the sheet under them (none on a scan) and the scene
    rectangle."""

    page: Page
    mode: str
    scan: bool
    layer: PageLayer
    lines: dict[str, PageLine]
    index_of: dict[str, int]
    sheet: QRectF | None
    rect: QRectF


def bounding(boxes: Sequence[Rect]) -> QRectF:
    """The smallest rectangle holding every box (an empty one for none)."""
    if not boxes:
        return QRectF()
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    return QRectF(left, top, max(b[2] for b in boxes) - left, max(b[3] for b in boxes) - top)


def _bar(line: PageLine) -> QRectF | None:
    """Where a line too small to read is drawn as a bar: the middle of its box (none for a blank line)."""
    if not line.text.strip():
        return None
    x1, y1, x2, y2 = line.box
    if line.vertical:
        return QRectF(x1 + (x2 - x1) * 0.2, y1, (x2 - x1) * 0.6, y2 - y1)
    return QRectF(x1, y1 + (y2 - y1) * 0.25, x2 - x1, (y2 - y1) * 0.5)


def _paint_text(painter: QPainter, line: PageLine, font_family: str) -> None:
    """A line's characters in its box: one per cell down a vertical box, or scaled to fill a horizontal one."""
    text = line.text.strip()
    if not text:
        return
    r = line.rect
    font = QFont(font_family)
    if line.vertical:
        text = text.translate(VERTICAL_FORMS)
        cell = r.height() / max(1, len(text))
        size = max(1.0, min(r.width(), cell) * 0.85)
        font.setPixelSize(max(1, int(size)))
        painter.setFont(font)
        for i, ch in enumerate(text):
            cr = QRectF(r.left(), r.top() + i * cell, r.width(), cell)
            painter.drawText(cr, Qt.AlignmentFlag.AlignCenter, ch)
        return
    size = max(1.0, r.height() * 0.78)
    font.setPixelSize(max(1, int(size)))
    painter.setFont(font)
    natural = painter.fontMetrics().horizontalAdvance(text)
    painter.save()
    painter.translate(r.left(), r.top())
    if natural > 0:
        painter.scale(r.width() / natural, 1.0)
    painter.drawText(QRectF(0, 0, max(natural, 1), r.height()),
                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
    painter.restore()


def vertical_text_boxes(lines: Sequence[Line]) -> dict[str, Box]:
    """Boxes for a vertical page without coordinates: each line a column, right to left.

    Columns stand in registers of at most TEXT_COLUMN_LINES, stacked top to
    bottom, as a vertically set page reads.
    """
    boxes: dict[str, Box] = {}
    pitch = TEXT_EM * 1.45
    reg_top = 0.0
    per_register = TEXT_COLUMN_LINES
    width = per_register * pitch
    for start in range(0, len(lines), per_register):
        group = lines[start:start + per_register]
        tallest = 0.0
        for i, line in enumerate(group):
            n = max(1, len(line.text.strip()))
            x1 = width - i * pitch
            boxes[line.id] = (x1 - TEXT_EM * 1.15, reg_top, x1, reg_top + n * TEXT_EM)
            tallest = max(tallest, n * TEXT_EM)
        reg_top += tallest + TEXT_GAP
    return boxes


def text_page_boxes(lines: Sequence[Line]) -> dict[str, Box]:
    """Boxes for a page without coordinates: its lines in columns of file order.

    A column holds at most TEXT_COLUMN_LINES lines, broken after a blank line
    when one falls in its last quarter, so articles are rarely cut mid-column.
    """
    boxes: dict[str, Box] = {}
    x = 0.0
    col: list[Line] = []

    def flush(col: list[Line], x: float) -> float:
        widest = 0.0
        for i, line in enumerate(col):
            w = max(0.5, em_width(line.text.rstrip())) * TEXT_EM
            y = i * TEXT_PITCH
            boxes[line.id] = (x, y, x + w, y + TEXT_EM * 1.15)
            widest = max(widest, w)
        return x + widest + TEXT_GAP

    for line in lines:
        col.append(line)
        full = len(col) >= TEXT_COLUMN_LINES
        soft = len(col) >= TEXT_COLUMN_LINES * 3 // 4 and line.blank_after
        if full or soft:
            x = flush(col, x)
            col = []
    if col:
        flush(col, x)
    return boxes


_image_cache: OrderedDict[str, tuple[QImage, float]] = OrderedDict()


def load_image(path: str) -> tuple[QImage, float] | None:
    """The page image as a QImage and the factor it was reduced by (cached, at most 4)."""
    if path in _image_cache:
        _image_cache.move_to_end(path)
        return _image_cache[path]
    try:
        from PIL import Image

        with warnings.catch_warnings():  # the size is judged below, against what the view needs
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)
        with im:
            full_width = im.size[0]
            reduce = 1
            while max(im.size) / reduce > MAX_IMAGE_SIDE:
                reduce *= 2
            if reduce > 1 and im.format == "JPEG2000":
                im._reduce = reduce.bit_length() - 1  # type: ignore[attr-defined]  # decode a lower resolution level
            elif reduce > 1 and im.format == "JPEG":
                im.draft("RGB", (im.size[0] // reduce, im.size[1] // reduce))
            elif im.size[0] * im.size[1] > MAX_DECODE_PIXELS:
                log.warning("%s: the page image is %d×%d pixels, too many to decode for the view; the layout is "
                            "drawn instead", path, im.size[0], im.size[1])
                return None
            rgb = im.convert("RGB")
            if max(rgb.size) > MAX_IMAGE_SIDE:
                rgb = rgb.reduce(2 ** max(1, (max(rgb.size) // MAX_IMAGE_SIDE).bit_length()))
            factor = full_width / max(1, rgb.width)
            data = rgb.tobytes("raw", "RGB")
            qimg = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()
    except Exception as e:  # an unreadable image falls back on the drawn layout; say why in the log
        log.warning("%s: the page image cannot be shown (%s)", path, e)
        return None
    _image_cache[path] = (qimg, float(factor))
    while len(_image_cache) > 4:
        _image_cache.popitem(last=False)
    return qimg, float(factor)


class LayoutView(QGraphicsView):
    """A page's raw layout with lines addressable by id."""

    #: a line was clicked: (line id, offset of the character under the mouse)
    line_clicked = Signal(str, int)

    def __init__(self, parent: QWidget | None = None, font_family: str = "Noto Serif CJK SC") -> None:
        super().__init__(parent)
        self.setObjectName("layoutView")
        self.setAccessibleName(self.tr("Page layout"))
        self.setScene(QGraphicsScene(self))
        hint = QPainter.RenderHint
        self.setRenderHints(hint.Antialiasing | hint.SmoothPixmapTransform | hint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(self.palette().color(QPalette.ColorRole.Window)))
        self.font_family = font_family
        self.page: Page | None = None
        self.page_key: tuple[str, int] | None = None
        self.mode = "empty"
        #: the page's lines by id, and the one item that draws them
        self.lines: dict[str, PageLine] = {}
        self.layer: PageLayer | None = None
        self._index_of: dict[str, int] = {}
        #: the shown page's drawing, and those of pages shown lately (by page key)
        self._drawing: PageDrawing | None = None
        self._kept: OrderedDict[tuple[str, int], PageDrawing] = OrderedDict()
        self._regions: list[QGraphicsRectItem] = []
        self._annotated_frames: list[QGraphicsRectItem] = []
        self._annotated: set[str] = set()
        self._article_lines: set[str] = set()
        self._lit: set[str] = set()
        self._hits: set[str] = set()
        self._press: QPointF | None = None
        #: how the page is kept fitted on resize ("width", "page", "" when zoomed by hand) and the pane size it
        #: was fitted to
        self._fit = "width"
        self._fit_basis = QSize()

    # building ------------------------------------------------------------
    def set_page(self, page: Page | None, key: tuple[str, int] | None = None) -> None:
        """Show ``page``; nothing is rebuilt when the same page (``key``, the same :class:`Page` object) is shown
        again, and a page shown lately (the same object, ``key``) is shown again from its kept drawing. The page
        on screen read again from the catalogue (after an import: another object) is built anew."""
        if key is not None and key == self.page_key and page is not None and page is self.page:
            return
        scene = self.scene()
        self._keep_drawing()
        scene.clear()
        self.lines = {}
        self.layer = None
        self._index_of = {}
        self._regions = []
        self._annotated_frames = []
        self._annotated = set()
        self._article_lines = set()
        self._lit = set()
        self._hits = set()
        self.page = page
        self.page_key = key
        self._drawing = None
        if page is None:
            self.mode = "empty"
            return
        kept = self._kept.pop(key, None) if key is not None else None
        image = self._image_of(page)
        if kept is not None and kept.page is page and kept.scan == (image is not None):
            drawing = kept
            drawing.layer.forget_states()
        else:
            drawing = self._draw(page, image is not None)
        self._drawing = drawing
        self.mode = drawing.mode
        self.layer = drawing.layer
        self.lines = drawing.lines
        self._index_of = drawing.index_of
        self._add_backdrop(page, drawing, image)
        scene.addItem(drawing.layer)
        scene.setSceneRect(drawing.rect)
        if self._fit == "page":
            self.fit_page()
        else:
            self.fit_width()

    def _keep_drawing(self) -> None:
        """Take the shown page's line item out of the scene, kept to show the page again (at most
        :data:`KEPT_PAGES`, the last shown kept longest)."""
        drawing, key = self._drawing, self.page_key
        if drawing is None or key is None:
            return
        self.scene().removeItem(drawing.layer)
        self._kept[key] = drawing
        self._kept.move_to_end(key)
        while len(self._kept) > KEPT_PAGES:
            self._kept.popitem(last=False)

    @staticmethod
    def _image_of(page: Page) -> tuple[QImage, float] | None:
        """The page's scan, when it has one that matches its coordinates (or it has no lines at all)."""
        boxed = any(ln.box is not None for ln in page.lines)
        if page.image and page.image_scale and boxed or page.image and not page.lines:
            return load_image(page.image)
        return None

    def _draw(self, page: Page, scan: bool) -> PageDrawing:
        """Build a page's drawing: its lines' boxes (from the source, or set in columns for a page without
        them), the one item drawing them, and the scene rectangle."""
        boxed = [ln for ln in page.lines if ln.box is not None]
        if boxed:
            boxes = {ln.id: ln.box for ln in boxed if ln.box is not None}
            mode = "scan" if scan else "drawn"
        else:
            boxes = vertical_text_boxes(page.lines) if page.vertical else text_page_boxes(page.lines)
            mode = "text"
        lines: list[PageLine] = []
        for line in page.lines:
            box = boxes.get(line.id)
            if box is None:
                continue
            x1, y1, x2, y2 = box
            norm = box if x1 <= x2 and y1 <= y2 else (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
            lines.append(PageLine(line.id, line.text, norm, _vertical(line, norm, page, mode)))
        layer = PageLayer(lines, not scan, self.font_family)
        bounds = layer.boundingRect()
        sheet = None
        if mode == "text":
            sheet = QRectF(-TEXT_EM, -TEXT_EM, bounds.right() + 2 * TEXT_EM, bounds.bottom() + 2 * TEXT_EM)
        elif mode == "drawn" and page.width and page.height:
            sheet = QRectF(0, 0, page.width, page.height)
        if sheet is not None:
            bounds = bounds.united(sheet)
        if page.width and page.height:
            bounds = bounds.united(QRectF(0, 0, page.width, page.height))
        bounds = bounds.adjusted(-20, -20, 20, 20)
        return PageDrawing(page, mode, scan, layer, {ln.id: ln for ln in lines},
                           {ln.id: i for i, ln in enumerate(lines)}, sheet, bounds)

    def _add_backdrop(self, page: Page, drawing: PageDrawing, image: tuple[QImage, float] | None) -> None:
        """Under the lines: the scan, or the sheet of paper they are drawn on. The scene rectangle holds the
        scan too (not kept with the drawing: a scan's pixmap is tens of megabytes)."""
        scene = self.scene()
        if image is not None:
            qimg, factor = image
            pix = QGraphicsPixmapItem(QPixmap.fromImage(qimg))
            pix.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            scale = factor / (page.image_scale or 1.0)
            pix.setScale(scale)
            pix.setZValue(-10)
            scene.addItem(pix)
            drawing.rect = drawing.rect.united(QRectF(0, 0, qimg.width() * scale, qimg.height() * scale)
                                               .adjusted(-20, -20, 20, 20))
        elif drawing.sheet is not None:
            sheet = scene.addRect(drawing.sheet, QPen(QColor(190, 190, 190)), QBrush(QColor(252, 251, 247)))
            sheet.setZValue(-10)

    def _indices(self, line_ids: Iterable[str]) -> set[int]:
        index = self._index_of
        return {index[lid] for lid in line_ids if lid in index}

    # states ----------------------------------------------------------------
    def set_article(self, line_ids: Iterable[str], regions: Sequence[Sequence[str]] = ()) -> None:
        """Outline the current article: each group of line ids in ``regions`` gets one frame."""
        new = set(line_ids)
        if self.layer is not None:
            self.layer.set_state("in_article", self._indices(new))
        self._article_lines = new
        scene = self.scene()
        for r in self._regions:
            scene.removeItem(r)
        self._regions = []
        pen = QPen(ARTICLE, 0)
        pen.setCosmetic(True)
        pen.setWidthF(2.0)
        for group in regions or [list(new)]:
            rect = self.union(group)
            if rect is None:
                continue
            frame = QGraphicsRectItem(rect.adjusted(-3, -3, 3, 3))
            frame.setPen(pen)
            frame.setBrush(QBrush(QColor(20, 110, 230, 18)))
            frame.setZValue(5)
            frame.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(frame)
            self._regions.append(frame)

    def set_annotated(self, line_ids: Iterable[str]) -> None:
        """Outline the lines under the reader's highlights (green, apart from the article's blue frame)."""
        scene = self.scene()
        for frame in self._annotated_frames:
            scene.removeItem(frame)
        self._annotated_frames = []
        self._annotated = {lid for lid in line_ids if lid in self.lines}
        pen = QPen(ANNOTATED, 0)
        pen.setCosmetic(True)
        pen.setWidthF(2.0)
        pen.setStyle(Qt.PenStyle.DashLine)
        for lid in sorted(self._annotated):
            frame = QGraphicsRectItem(self.lines[lid].rect.adjusted(-1.5, -1.5, 1.5, 1.5))
            frame.setPen(pen)
            frame.setBrush(QBrush(QColor(30, 160, 60, 40)))
            frame.setZValue(6)
            frame.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(frame)
            self._annotated_frames.append(frame)

    def annotated_lines(self) -> set[str]:
        return set(self._annotated)

    def set_lit(self, line_ids: Iterable[str], scroll: bool = True) -> None:
        """Fill the lines of the current selection; scroll them into view."""
        new = {lid for lid in line_ids if lid in self.lines}
        if self.layer is not None:
            self.layer.set_state("lit", self._indices(new))
        self._lit = new
        if scroll and new:
            self.reveal(new)

    def set_hits(self, line_ids: Iterable[str]) -> None:
        new = {lid for lid in line_ids if lid in self.lines}
        if self.layer is not None:
            self.layer.set_state("hit", self._indices(new))
        self._hits = new

    def lit_lines(self) -> set[str]:
        return set(self._lit)

    def hit_lines(self) -> set[str]:
        return set(self._hits)

    def article_lines(self) -> set[str]:
        return set(self._article_lines)

    def union(self, line_ids: Iterable[str]) -> QRectF | None:
        """The rectangle holding the lines of ``line_ids`` on this page; None when none is."""
        boxes = [self.lines[lid].box for lid in line_ids if lid in self.lines]
        return bounding(boxes) if boxes else None

    def reveal(self, line_ids: Iterable[str]) -> None:
        rect = self.union(line_ids)
        if rect is not None:
            self.ensureVisible(rect, 40, 40)

    def line_center(self, line_id: str) -> QPointF | None:
        line = self.lines.get(line_id)
        return line.rect.center() if line else None

    # zoom and pan ---------------------------------------------------------------
    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        target = max(0.02, min(20.0, current * factor))
        self.scale(target / current, target / current)
        self._fit = ""

    def zoom_in(self) -> None:
        self.zoom(1.25)

    def zoom_out(self) -> None:
        self.zoom(0.8)

    def fit_width(self) -> None:
        """Fit the page's width to the pane, beside a vertical scrollbar whether one is shown or not.

        The width is the pane's width less the scrollbar's, not the viewport's
        width of the moment: fitted to a viewport without its scrollbar, a page
        just too tall would bring the scrollbar, the narrower viewport would
        re-fit the page short enough to lose it, and so on for ever.
        """
        rect = self.scene().sceneRect()
        if rect.width() <= 0:
            return
        s = self._fit_area().width() / rect.width()
        self._set_scale(s)
        self.centerOn(rect.center().x(), rect.top() + self.viewport().height() / (2 * s))
        self._fit = "width"
        self._fit_basis = self.maximumViewportSize()

    def fit_page(self) -> None:
        """Fit the whole page in the pane (no scrollbar needed)."""
        rect = self.scene().sceneRect()
        if rect.width() <= 0 or rect.height() <= 0:
            return
        area = self.maximumViewportSize()
        s = min(max(50, area.width() - 4) / rect.width(), max(50, area.height() - 4) / rect.height())
        self._set_scale(s)
        self.centerOn(rect.center())
        self._fit = "page"
        self._fit_basis = self.maximumViewportSize()

    def fit_mode(self) -> str:
        """How the page is fitted and kept fitted on resize: ``width``, ``page`` or ``""`` (zoomed by hand)."""
        return self._fit

    def _fit_area(self) -> QSize:
        """The viewport's size with a vertical scrollbar shown, whether it is shown now or not."""
        area = self.maximumViewportSize()
        bar = self.verticalScrollBar().sizeHint().width()
        if self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            bar = 0
        return QSize(max(50, area.width() - bar - 4), max(50, area.height() - 4))

    def _set_scale(self, s: float) -> None:
        self.resetTransform()
        self.scale(s, s)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Re-fit only when the pane itself changed size; a scrollbar coming or going (the viewport's
        # resize, which the fit may have caused) leaves the area the fit is computed from unchanged.
        if self._fit and self.maximumViewportSize() != self._fit_basis:
            if self._fit == "page":
                self.fit_page()
            else:
                self.fit_width()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    # clicks -------------------------------------------------------------------------
    def line_at(self, scene_pos: QPointF) -> PageLine | None:
        """The line under a scene point; the smallest box wins where boxes overlap."""
        return self.layer.line_at(scene_pos) if self.layer is not None else None

    def click_scene(self, scene_pos: QPointF) -> bool:
        """Act as if the user clicked at ``scene_pos``: emit ``line_clicked`` for the line there."""
        line = self.line_at(scene_pos)
        if line is None:
            return False
        self.line_clicked.emit(line.id, line.offset_at(scene_pos))
        return True

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        """A line's text as its tool tip (the lines are one item, so the view finds the line under the mouse)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            line = self.line_at(self.mapToScene(event.pos()))
            text = line.text.strip() if line is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        moved = (event.position() - self._press).manhattanLength()
        self._press = None
        if moved <= 4:
            self.click_scene(self.mapToScene(event.position().toPoint()))
