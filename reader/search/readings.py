"""The reader's corrected readings of articles, searched beside the texts the index holds.

An OCR text correction changes neither the stored text nor the index: it is kept apart, owned by the reader who
made it and seen by whom they share it with (on PostgreSQL, row-level security decides). So a search is told the
corrected reading of every article with a text correction its reader may see (the application layer's overlay
gives them, :class:`reader.app.overlay.Overlay`), and an article matches when either reading holds the query: the
OCR's error and the reader's correction are both found. Hand-made corrections are few beside a library's
articles: each reading is tested whole, per query.

An article merged into another (a segmentation correction) is no longer there to be found: its reading is
:meth:`CorrectedReading.merged_away` and the engine leaves it out of every answer; the article it joined is read
with its text. An article the reader cut or moved parts of is read as its pieces (:class:`Piece`: the reader's
articles holding its lines, each under its own key): the engine tests the query on each piece and lists every piece
that matches as an article of its own (:func:`piece_matches`). Seen in use: a word of a piece split off was listed
under the article it was cut from, which, opened, did not hold it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from reader.model.document import Part
from reader.search.query import (
    And,
    Filter,
    Match,
    Near,
    Node,
    Not,
    Or,
    SearchOptions,
    Term,
    Text,
    form_of_folded,
    form_of_original,
    make_term,
    near_found,
)
from reader.text.forms import fold_text

#: a stored part as the search reads it: (role, text, [(start, end, line, line start), …])
StoredPart = tuple[str, str, Sequence[tuple[int, int, str, int]]]


@dataclass(frozen=True)
class Piece:
    """One of the reader's articles made of a catalogue article's lines (by a split, a move or a merge): its key, its
    reading (text corrections applied) and its text as the OCR read it (a search finds either)."""

    key: str
    headline: str | None
    reading: CorrectedReading
    original: CorrectedReading
    #: the reader's article's kind ("" the catalogue article's): furniture merged with a report is an article
    #: (``corrections.store.merged_kind``), found by kind:article and counted so (the catalogue says furniture)
    kind: str = ""


@dataclass(frozen=True)
class CorrectedReading:
    """An article's text with its reader's OCR corrections applied: its parts, the text as shown and its folded
    form (for matching)."""

    corrected: tuple[Part, ...]
    text: str
    folded: str
    #: the article is no more in the reader's reading (merged into another): its stored text finds nothing
    gone: bool = False
    #: the reader's articles this catalogue article's lines are read in (a split, a move, a merge), in page order:
    #: each is tested and listed on its own; empty when the article is read whole
    pieces: tuple[Piece, ...] = ()

    @classmethod
    def of(cls, parts: Sequence[Part]) -> CorrectedReading:
        text = "\n\n".join(p.text for p in parts)
        return cls(tuple(parts), text, fold_text(text))

    @classmethod
    def of_pieces(cls, pieces: Sequence[Piece]) -> CorrectedReading:
        """The reading of a catalogue article read as ``pieces``: their parts one after the other (what the article
        as a whole is matched on before each piece is tested)."""
        whole = cls.of([p for piece in pieces for p in piece.reading.corrected])
        return cls(whole.corrected, whole.text, whole.folded, pieces=tuple(pieces))

    @classmethod
    def merged_away(cls) -> CorrectedReading:
        """The reading of an article merged into another: none (the other's reading holds its text)."""
        return cls((), "", "", gone=True)

    def headline_for(self, stored: str | None, parts: Sequence[StoredPart]) -> str | None:
        """The headline to list for the article: its corrected headline part where the stored headline is that part's
        text as imported (not a title the source or a correction gave)."""
        first = next((i for i, p in enumerate(parts) if p[0] == "headline"), None)
        if first is None or stored != parts[first][1] or first >= len(self.corrected):
            return stored
        return self.corrected[first].text

    @cached_property
    def parts(self) -> tuple[StoredPart, ...]:
        """The parts as the search reads stored ones (for a hit's places and snippet): made when a hit needs them."""
        return tuple((p.role, p.text, [(s.start, s.end, s.line, s.line_start) for s in p.spans])
                     for p in self.corrected)

    def form(self, options: SearchOptions) -> str:
        """The reading in the form a search in ``options``' mode compares."""
        if options.match is Match.EXACT:
            return form_of_original(self.text, options)
        return form_of_folded(self.folded, options)


def holds(term: Term, reading: CorrectedReading) -> bool:
    """Whether ``reading`` holds ``term``, tested as the stored texts are verified (default mode on the folded text;
    the other modes on their form of it, or of the text as printed)."""
    if term.is_default:
        if term.is_cjk_run:
            return term.pieces[0][1] in reading.folded
        return bool(term.regex().search(reading.folded))
    loose = term.loose()
    if loose is not None:
        return bool(loose.search(reading.form(term.loose_options)))
    return bool(term.found_in(reading.form(term.options)))


def piece_matches(node: Node | None, piece: Piece, options: SearchOptions,
                  filter_holds: Callable[[Filter], bool] | None = None) -> bool:
    """Whether ``piece`` matches the query ``node`` on its own, in its corrected reading or as the OCR read it.
    A filter is the catalogue article's: ``filter_holds`` says whether it holds for the piece's article (without
    it every filter holds: for a query whose filters are all applied to the article already)."""
    return (_node_holds(node, piece.reading, options, filter_holds)
            or _node_holds(node, piece.original, options, filter_holds))


def _node_holds(node: Node | None, reading: CorrectedReading, options: SearchOptions,
                filter_holds: Callable[[Filter], bool] | None = None) -> bool:
    if node is None:
        return True
    if isinstance(node, Filter):
        return filter_holds is None or filter_holds(node)
    if isinstance(node, Text):
        term = make_term(node.raw, options)
        return term is not None and holds(term, reading)
    if isinstance(node, Near):
        terms = [make_term(p, options) for p in node.parts]
        found = [t for t in terms if t is not None]
        if not found or len(found) < len(terms):
            return False  # a part that can match nothing: nothing is near it (as the engine has it)
        if len(found) == 1:
            return holds(found[0], reading)
        return near_found(reading.form(options), found, node.distance)
    if isinstance(node, Not):
        return not _node_holds(node.child, reading, options, filter_holds)
    if isinstance(node, Or):
        return any(_node_holds(c, reading, options, filter_holds) for c in node.children)
    assert isinstance(node, And)
    return all(_node_holds(c, reading, options, filter_holds) for c in node.children)
