"""Paragraph breaks inside a block of lines, from the lines' geometry (indents, short last lines).

Shared by the geometric segmentation and by formats whose article maps leave a block's
paragraphs to the reader (METS areas).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from reader.model.document import Line
from reader.text.chars import ends_sentence, is_wide


def typical_size(lines: Sequence[Line], vertical: bool) -> float:
    sizes = [(line_extent(ln, vertical)) for ln in lines if ln.box is not None]
    sizes = [s for s in sizes if s > 0]
    return statistics.median(sizes) if sizes else 0.0


def line_extent(line: Line, vertical: bool) -> float:
    """Height of a horizontal line, width of a vertical one (≈ the type size in pixels)."""
    if line.box is None:
        return 0.0
    x0, y0, x1, y1 = line.box
    return (x1 - x0) if vertical else (y1 - y0)


def paragraph_starts(lines: Sequence[Line], vertical: bool = False) -> list[int]:
    """Indices of the lines that start a paragraph inside one block (always includes 0).

    Evidence from geometry: a line whose start edge (left, or top on vertical
    pages) is indented by about one em or more relative to the block's usual
    start, a line that follows a short line ending a sentence, or a line set off
    by a blank above it (:func:`blank_above`) where the sentence does not visibly
    run on into it (:func:`runs_on`: a hyphen, a lower-case continuation).
    """
    n = len(lines)
    if n == 0:
        return []
    starts = [0]
    boxed = [ln for ln in lines if ln.box is not None]
    if len(boxed) < 2:
        return starts
    em = typical_size(boxed, vertical) or 10.0
    if vertical:
        begins = [ln.box[1] if ln.box else None for ln in lines]
        ends = [ln.box[3] if ln.box else None for ln in lines]
    else:
        begins = [ln.box[0] if ln.box else None for ln in lines]
        ends = [ln.box[2] if ln.box else None for ln in lines]
    known_b = sorted(b for b in begins if b is not None)
    known_e = sorted(e for e in ends if e is not None)
    # the usual start and end edges: low and high percentiles, robust to indents and short lines
    edge_b = known_b[len(known_b) // 4] if len(known_b) >= 4 else known_b[0]
    edge_e = known_e[(3 * len(known_e)) // 4] if len(known_e) >= 4 else known_e[-1]
    if not vertical and is_verse(lines, known_e, em):
        return list(range(n))  # a poem: every verse line stays a line
    indented = [b is not None and b - edge_b > 0.6 * em and b - edge_b < 8 * em for b in begins]
    # when most lines are "indented" the block is centred or ragged: indentation says nothing
    use_indent = sum(indented) <= max(1, n // 2)
    blank = blank_above(lines, vertical, em)
    for k in range(1, n):
        prev_end = ends[k - 1]
        short_prev = prev_end is not None and edge_e - prev_end > 1.5 * em
        sentence = (ends_sentence(lines[k - 1].text)
                    or lines[k - 1].text.rstrip().endswith(("。", ".", "!", "?", ":", "”", "」")))
        goes_on = runs_on(lines[k - 1], lines[k])
        if use_indent and indented[k] and not indented[k - 1]:
            # an indent starts a paragraph only where the one before can end: a sentence end or a short line
            # (a ragged OCR box edge inside running text, "opened by" / "Mr. Phillips who spoke", is no break)
            opens = not goes_on and (sentence or short_prev)
        else:
            opens = short_prev and sentence and not lines[k - 1].hyphenated  # a short line closing a sentence
        if opens or blank[k] and not goes_on:  # or a blank over a line the sentence does not run on into
            starts.append(k)
    return starts


#: whitespace above a line, in ems beyond the block's usual gap between lines, that parts two paragraphs
BLANK_PARAGRAPH = 0.6


def blank_above(lines: Sequence[Line], vertical: bool, em: float) -> list[bool]:
    """Whether a blank stands above each line of a block: whitespace of :data:`BLANK_PARAGRAPH` ems or more beyond
    the block's usual gap between lines (its median: microfilm OCR boxes a line taller than its pitch, so the usual
    gap can be below nothing). On vertical pages the gap is the one between two columns of characters."""
    gaps: list[float | None] = [None] * len(lines)
    for k in range(1, len(lines)):
        a, b = lines[k - 1].box, lines[k].box
        if a is not None and b is not None:
            gaps[k] = a[0] - b[2] if vertical else b[1] - a[3]
    known = sorted(g for g in gaps if g is not None)
    if len(known) < 2:
        return [False] * len(lines)
    usual = known[len(known) // 2]
    return [g is not None and g - usual >= BLANK_PARAGRAPH * em for g in gaps]


#: verse: at least this many lines, this share of them ending well before the longest (ragged right),
#: and this share starting with a capital (each verse line does; running prose mostly does not)
VERSE_LINES, VERSE_RAGGED, VERSE_CAPITALS = 6, 0.6, 0.85


def is_verse(lines: Sequence[Line], ends: Sequence[float], em: float) -> bool:
    """A block of verse set line by line: a ragged right edge and a capital at every line start.

    Justified prose ends its lines at one edge, but for paragraph ends; unjustified prose starts most lines
    in lower case. Measured on the Luxemburger Zeitung 1858 feuilleton ("Suez et Marseille", 38 lines
    ending 1597–1917 px in a 1044–1930 px column, all starting with a capital).
    """
    n = len(lines)
    if n < VERSE_LINES or len(ends) < VERSE_LINES:
        return False
    right = max(ends)
    ragged = sum(1 for e in ends if right - e > 2 * em)
    starts = [ln.text.lstrip()[:1] for ln in lines]
    letters = [c for c in starts if c.isalpha() and not is_wide(c)]
    if len(letters) < VERSE_CAPITALS * n or any(ln.hyphenated for ln in lines):
        return False
    capitals = sum(1 for c in letters if c.isupper())
    return ragged >= VERSE_RAGGED * len(ends) and capitals >= VERSE_CAPITALS * len(letters)


def runs_on(prev: Line, line: Line) -> bool:
    """The sentence visibly goes on from ``prev`` into ``line`` (so an indent there is noise).

    A hyphenated line end, or a Latin line ending in a word or a comma followed
    by a line starting with a lower-case letter.
    """
    if prev.hyphenated:
        return True
    a, b = prev.text.rstrip(), line.text.lstrip()
    if not a or not b:
        return False
    return (a[-1].isalnum() or a[-1] in ",;-") and b[0].islower() and not is_wide(a[-1]) and not is_wide(b[0])
