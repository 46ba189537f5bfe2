"""Where the reader is in an article — the words at the top of the view, the caret — kept by those words when the
article's text changes under them (a file read again, a correction made elsewhere).

Seen by the by-eye tester: after File → Read every file again had inserted a paragraph above the reader's place, the
view and the caret kept their character offsets, which then pointed into other words. A place is found again by its
words: its paragraph where it still reads the same (at its index, else the nearest one that does), else the words
around it, from it or before it where the article has them once, else its paragraph's first words; where none is
found the place is lost (the caller goes to the article's start), never put on other words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: characters of a place's words looked for when its paragraph no longer reads the same (its first words)
PROBE = 12
#: characters either side of a place looked for, in turn, until the article has them once
WIDTHS = (12, 24, 48, 96)
#: fewer characters than this are too few to know a place by (a 2-character probe is found anywhere)
LEAST = 4


@dataclass(frozen=True)
class TextPlace:
    """A place in an article: ``offset`` characters into its part ``part``, whose text was ``text``."""

    part: int
    offset: int
    text: str


def place_of(parts: Sequence[str], part: int, offset: int) -> TextPlace | None:
    """The place ``offset`` characters into ``parts[part]`` (the article's parts' texts), with its words."""
    if not 0 <= part < len(parts):
        return None
    return TextPlace(part, max(0, min(offset, len(parts[part]))), parts[part])


def _nearest(indices: Sequence[int], to: int) -> int | None:
    return min(indices, key=lambda i: (abs(i - to), i)) if indices else None


def _probes(place: TextPlace) -> list[tuple[str, int]]:
    """Words that identify the place, and where the place is in them: those around it, those from it on, those before
    it (a word corrected at the place leaves them as they were) — short, then longer, to reach past words the article
    repeats to some it has once; too few characters to know a place by are left out."""
    text, at = place.text, place.offset
    out: list[tuple[str, int]] = []
    for size in WIDTHS:
        for words, into in ((text[max(0, at - size):at + size], at - max(0, at - size)),
                            (text[at:at + 2 * size], 0), (text[max(0, at - 2 * size):at], min(at, 2 * size))):
            if len(words.strip()) >= LEAST and (words, into) not in out:
                out.append((words, into))
    return out


def _occurrences(parts: Sequence[str], probe: str) -> list[tuple[int, int]]:
    """(part, offset) of every place ``probe`` begins in ``parts``."""
    found = []
    for i, text in enumerate(parts):
        at = text.find(probe)
        while at >= 0:
            found.append((i, at))
            at = text.find(probe, at + 1)
    return found


def find_again(place: TextPlace, parts: Sequence[str]) -> tuple[int, int] | None:
    """(part, offset) of ``place``'s words in the article whose parts now read ``parts``; None where they are gone.

    Its paragraph reading the same, nearest its index; else the words at the place where they are found once in the
    article (words found in several places — a phrase the article repeats — do not say which); else the start of a
    paragraph that begins as its paragraph did."""
    same = [i for i, text in enumerate(parts) if text == place.text]
    found = _nearest(same, place.part)
    if found is not None:
        return found, place.offset
    for probe, into in _probes(place):
        where = _occurrences(parts, probe)
        if len(where) == 1:
            return where[0][0], where[0][1] + into
    head = place.text[:PROBE]
    heads = [i for i, text in enumerate(parts) if len(head.strip()) >= LEAST and text.startswith(head)]
    found = _nearest(heads, place.part)
    return (found, 0) if found is not None else None


@dataclass(frozen=True)
class KeptPlace:
    """Where the reader is in an article, by its words: the top of the view and the caret (with what it selected)."""

    #: the words at the top of the view, and how far below the top their line starts (pixels)
    top: TextPlace | None
    pixels: int = 0
    #: the start of the selection (the caret), and the text it selected within that part ("" a bare caret)
    caret: TextPlace | None = None
    selected: str = ""
    #: whether the page view lit the selection's lines: the reader's caret or selection, not the caret the window put
    #: at the article's start (restored, that one lights nothing: seen by eye, an import elsewhere lit the headline's
    #: line yellow with nothing selected)
    lit: bool = False


def keep(parts: Sequence[str], top: tuple[int, int, int] | None,
         selection: Sequence[tuple[int, int, int]]) -> KeptPlace:
    """The place to keep: ``top`` (part, offset, pixels) at the top of the view, the ``selection`` (part, start, end
    ranges) — in the article whose parts read ``parts``."""
    at_top = place_of(parts, top[0], top[1]) if top is not None else None
    if not selection:
        return KeptPlace(at_top, top[2] if top is not None else 0)
    part, start, end = selection[0]
    caret = place_of(parts, part, start)
    selected = parts[part][start:end] if caret is not None and len(selection) == 1 else ""
    return KeptPlace(at_top, top[2] if top is not None else 0, caret, selected)


def found_again(kept: KeptPlace, parts: Sequence[str]) -> tuple[tuple[int, int, int] | None,
                                                                  tuple[int, int, int] | None]:
    """(the top (part, offset, pixels) — None: the article's start —, the selection (part, start, end) — None: none)
    of ``kept`` in the article whose parts now read ``parts``."""
    top = find_again(kept.top, parts) if kept.top is not None else None
    caret = find_again(kept.caret, parts) if kept.caret is not None else None
    selection = None
    if caret is not None:
        part, start = caret
        end = start + len(kept.selected) if parts[part][start:start + len(kept.selected)] == kept.selected else start
        selection = (part, start, end)
    return ((top[0], top[1], kept.pixels) if top is not None else None), selection


@dataclass(frozen=True)
class WordsRead:
    """The words the reader was at when their place was stored for the next start: the source line there, named by
    its number in the source read from the bytes ``digest`` (another import gives the number to another line), and
    the words at the top of the view (None: the article's start) with how far below the top their line started.

    Seen by the by-eye tester: merged elsewhere into the page's furniture line, the report the reader was reading was
    followed there; the window closed, the merge undone in a terminal, the next start reopened the article remembered
    — the bare furniture line. Reopened by these words, the window goes where they are now (:meth:`reopened`)."""

    line: str
    digest: str
    top: TextPlace | None = None
    pixels: int = 0

    def kept(self) -> KeptPlace:
        """The place to restore, by its words, in the article holding them now."""
        return KeptPlace(self.top, self.pixels)

    def as_json(self) -> dict[str, object]:
        top = None if self.top is None else [self.top.part, self.top.offset, self.top.text]
        return {"line": self.line, "digest": self.digest, "top": top, "pixels": self.pixels}


def words_read_from(raw: object) -> WordsRead | None:
    """The :class:`WordsRead` stored as ``raw`` (:meth:`WordsRead.as_json`); None where it does not read as one."""
    if not isinstance(raw, dict) or not isinstance(raw.get("line"), str) or not isinstance(raw.get("digest"), str):
        return None
    top, pixels = raw.get("top"), raw.get("pixels", 0)
    at = None
    if isinstance(top, list) and len(top) == 3 and isinstance(top[0], int) and isinstance(top[1], int) \
            and isinstance(top[2], str):
        at = TextPlace(top[0], top[1], top[2])
    return WordsRead(raw["line"], raw["digest"], at, pixels if isinstance(pixels, int) else 0)
