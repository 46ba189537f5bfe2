"""The reader's corrected readings of articles, searched beside the texts the index holds.

An OCR text correction changes neither the stored text nor the index: it is kept apart, owned by the reader who
made it and seen by whom they share it with (on PostgreSQL, row-level security decides). So a search is told the
corrected reading of every article with a text correction its reader may see (the application layer's overlay
gives them, :class:`reader.app.overlay.Overlay`), and an article matches when either reading holds the query: the
OCR's error and the reader's correction are both found. Hand-made corrections are few beside a library's
articles: each reading is tested whole, per query.

An article merged into another (a segmentation correction) is no longer there to be found: its reading is
:meth:`CorrectedReading.merged_away` and the engine leaves it out of every answer; the article it joined is read
with its text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from reader.model.document import Part
from reader.search.query import Match, SearchOptions, Term, form_of_folded, form_of_original
from reader.text.forms import fold_text

#: a stored part as the search reads it: (role, text, [(start, end, line, line start), …])
StoredPart = tuple[str, str, Sequence[tuple[int, int, str, int]]]


@dataclass(frozen=True)
class CorrectedReading:
    """An article's text with its reader's OCR corrections applied: its parts, the text as shown and its folded
    form (for matching)."""

    corrected: tuple[Part, ...]
    text: str
    folded: str
    #: the article is no more in the reader's reading (merged into another): its stored text finds nothing
    gone: bool = False

    @classmethod
    def of(cls, parts: Sequence[Part]) -> CorrectedReading:
        text = "\n\n".join(p.text for p in parts)
        return cls(tuple(parts), text, fold_text(text))

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
