"""Hits: an article found, with its matches in the ORIGINAL text and a KWIC snippet.

Each :class:`Hit` carries ``matches``: ``[start, end)`` ranges in the
ORIGINAL text of the article as ``Article.text`` gives it (parts joined by a
blank line), mapped back through the folding map; per part, the ranges in
``Part.text`` and the ids of the source lines they fall on; and a KWIC snippet.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from typing import Any

from reader.model import graphemes
from reader.model.document import Article, reading_order_of
from reader.search.query import SearchOptions, Term, make_term, text_form
from reader.text.forms import to_original

SNIPPET_CONTEXT = 30
#: the most places (the first match, then each other term's first) a snippet shows
MAX_WINDOWS = 3


@dataclass
class PartHit:
    index: int
    role: str
    matches: list[tuple[int, int]]
    lines: list[str]


@dataclass
class Hit:
    article: str
    headline: str | None
    publication: str
    date: str
    page: int | None
    score: float
    snippet: str
    matches: list[tuple[int, int]]
    parts: list[PartHit] = field(default_factory=list)
    kind: str = "article"
    issue_id: int = 0
    #: ranges of the matches inside ``snippet`` (every term's, for the results list)
    snippet_matches: list[tuple[int, int]] = field(default_factory=list)
    #: ``matches``, ``parts`` and ``snippet`` are of the article's corrected reading (the reader's OCR corrections
    #: applied: :mod:`reader.search.readings`), not of its text as imported
    corrected: bool = False
    #: the article is read corrected but only the OCR's reading holds the words (a word the reader corrected):
    #: ``matches``, ``parts`` and ``snippet`` are of the text as imported, which the reader sees otherwise
    as_read: bool = False
    #: the first page's printed label where the source gives one ("484"; ``page`` is its number in the issue)
    page_label: str | None = None

    @property
    def reading(self) -> str:
        """Which reading the hit was found in: "corrected", "ocr" (only the text as imported holds the words), or
        "" (an article read as imported) — ``search --json``'s ``reading`` (absent then) and the CSV's column."""
        return "corrected" if self.corrected else "ocr" if self.as_read else ""

    @property
    def line_ids(self) -> list[str]:
        out: list[str] = []
        for p in self.parts:
            out.extend(x for x in p.lines if x not in out)
        return out

    def to_json(self) -> dict[str, Any]:
        """The hit as the ``broadsheet search --json`` contract has it."""
        return {
            "article": self.article,
            "headline": self.headline,
            "publication": self.publication,
            "date": self.date,
            "page": self.page,
            **({"page_label": self.page_label} if self.page_label else {}),
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "matches": [list(m) for m in self.matches],
            **({"reading": self.reading} if self.reading else {}),
        }


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    #: "relevance", or "date" when relevance was asked for but more than RELEVANCE_CAP articles match
    ranked_by: str = "relevance"
    #: the query's words left out, as typed: nothing in them is searchable (punctuation alone, empty quotes)
    left_out: list[str] = field(default_factory=list)
    #: the query looks for the unreadable-glyph mark 〓 (it finds the mark, not the character the OCR missed)
    unreadable: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "hits": [h.to_json() for h in self.hits],
                **({"left_out": self.left_out} if self.left_out else {}),
                **({"unreadable_mark": True} if self.unreadable else {})}


def locate(article: Article, terms: Sequence[Term], *,
           options: SearchOptions = SearchOptions()) -> tuple[list[tuple[int, int]], list[PartHit], str]:
    """Every occurrence of every one of ``terms`` in ``article.text`` as ``[start, end)`` ORIGINAL offsets (sorted,
    overlapping ones kept apart: a concordance counts them all), the matches per part with their line ids, and a
    KWIC snippet; ``options`` says how the text is compared (the terms are re-made for it when they were not)."""
    occurrences, _matches, part_hits, snippet, _marks = _locate(
        [(p.role, p.text, [(s.start, s.end, s.line, s.line_start) for s in p.spans]) for p in article.parts], terms,
        options)
    return occurrences, part_hits, snippet


def _locate(parts: Sequence[tuple[str, str, Sequence[Sequence[Any]]]], terms: Sequence[Term],
            options: SearchOptions = SearchOptions()) -> tuple[list[tuple[int, int]], list[tuple[int, int]],
                                                                list[PartHit], str, list[tuple[int, int]]]:
    """(every occurrence, the occurrences merged where they overlap, per-part hits, snippet, snippet marks)."""
    text = "\n\n".join(p[1] for p in parts)
    by_term = _occurrences_by_term(text, terms, options)
    occurrences = sorted({r for found in by_term for r in found})
    matches = _merge(occurrences)
    part_hits: list[PartHit] = []
    start = 0
    first = 0  # matches are sorted and disjoint: the first one that can reach the current part
    for idx, (role, part_text, spans) in enumerate(parts):
        end = start + len(part_text)
        while first < len(matches) and matches[first][1] <= start:
            first += 1
        local: list[tuple[int, int]] = []
        k = first
        while k < len(matches) and matches[k][0] < end:
            s, e = matches[k]
            local.append((max(s, start) - start, min(e, end) - start))
            k += 1
        if local:
            part_hits.append(PartHit(idx, role, local, _lines_of(local, spans)))
        start = end + 2
    snippet, marks = _snippet(*_as_read([p[1] for p in parts], [p[0] for p in parts], text, matches, by_term))
    return occurrences, matches, part_hits, snippet, marks


def _as_read(texts: Sequence[str], roles: Sequence[str], text: str, matches: list[tuple[int, int]],
             by_term: Sequence[Sequence[tuple[int, int]]]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """(the article's text with its parts in reading order — :func:`reader.model.document.reading_order`, the order
    of the reading view, show and the exports —, ``matches`` moved into it, each term's first match in it): what the
    snippet is cut from. A merged article stores the furniture merged in first; its snippet read "本版责编… ¶
    据新华社香港…" while the view reads the furniture last (seen by eye). ``text`` (the parts in their stored order)
    and the matches as they are when that is the reading order (the usual article: nothing is built)."""
    order = reading_order_of(roles)
    if all(a < b for a, b in pairwise(order)):
        return text, matches, [min(found) for found in by_term if found]
    starts = list(accumulate((len(t) + 2 for t in texts[:-1]), initial=0))
    read_at = [0] * len(texts)
    pos = 0
    for i in order:
        read_at[i] = pos
        pos += len(texts[i]) + 2

    def moved(r: tuple[int, int]) -> tuple[int, int]:  # a range over a part's end: cut there
        i = bisect_right(starts, r[0]) - 1
        end = len(texts[i])
        return read_at[i] + min(r[0] - starts[i], end), read_at[i] + min(r[1] - starts[i], end)

    read = "\n\n".join(texts[i] for i in order)
    return read, _merge(sorted(map(moved, matches))), [min(map(moved, found)) for found in by_term if found]


def occurrences_in(text: str, terms: Sequence[Term],
                   options: SearchOptions = SearchOptions()) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Every occurrence of ``terms`` in the ORIGINAL ``text`` (sorted ``[start, end)``, overlapping ones kept apart,
    the same range of two terms once), and each term's first: the text folded once, nothing else built (the
    concordance calls this for every article of a common word)."""
    by_term = _occurrences_by_term(text, terms, options)
    # each term's first match, so the snippet shows every term
    return sorted({r for found in by_term for r in found}), [min(found) for found in by_term if found]


def _occurrences_by_term(text: str, terms: Sequence[Term],
                         options: SearchOptions = SearchOptions()) -> list[list[tuple[int, int]]]:
    """Each term's occurrences in the ORIGINAL ``text`` (``[start, end)``; a term the options cannot make: none)."""
    form, fmap = text_form(text, options)
    out: list[list[tuple[int, int]]] = []
    for term in terms:
        if term.options != options:
            remade = make_term(term.raw, options)
            if remade is None:
                continue
            term = remade
        out.append([to_original(fmap, s, e, len(text)) for s, e in term.spans(form)])
    return out


def _lines_of(local: Sequence[tuple[int, int]], spans: Sequence[Sequence[Any]]) -> list[str]:
    """The ids of the lines the (sorted) ranges touch, in order, each once: one sweep over the spans."""
    order = sorted(spans, key=lambda sp: sp[0])
    starts = [sp[0] for sp in order]
    lines: list[str] = []
    seen: set[str] = set()
    for s, e in local:
        j = max(0, bisect_right(starts, s) - 1)
        while j < len(order) and order[j][0] < e:
            span = order[j]
            if span[1] > s and span[2] not in seen:
                seen.add(span[2])
                lines.append(span[2])
            j += 1
    return lines


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _snippet(text: str, matches: list[tuple[int, int]],
             firsts: Sequence[tuple[int, int]] = ()) -> tuple[str, list[tuple[int, int]]]:
    """A KWIC snippet around the first match and the first match of every other term (``firsts``), with the
    ranges of the matches inside it: each term of ``a AND b`` is seen, and marked, in the results list."""
    if not matches:
        body = graphemes.head(text, 2 * SNIPPET_CONTEXT)
        return body.replace("\n", " ") + ("…" if len(text) > len(body) else ""), []
    places = sorted({matches[0], *firsts}, key=lambda m: (m != matches[0], m))[:MAX_WINDOWS]
    context = SNIPPET_CONTEXT if len(places) == 1 else SNIPPET_CONTEXT // 2  # several places: each shorter
    windows: list[tuple[int, int]] = []
    for s, e in places:
        if any(lo <= s and e <= hi for lo, hi in windows):
            continue
        windows.append((graphemes.floor(text, max(0, s - context)), graphemes.ceil(text, min(len(text), e + context))))
    windows = _merge(sorted(windows))
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = 0  # length of the snippet so far
    for w, (lo, hi) in enumerate(windows):
        lead = "…" if (lo > 0 if w == 0 else True) else ""
        out.append(lead)
        pos += len(lead)
        offsets: list[int] = []  # snippet offset of each character of text[lo:hi]
        i = lo
        while i < hi:
            if text.startswith("\n\n", i) and i + 1 < hi:
                offsets += [pos, pos + 1]
                out.append(" ¶ ")
                pos += 3
                i += 2
                continue
            offsets.append(pos)
            out.append(" " if text[i] == "\n" else text[i])
            pos += 1
            i += 1
        offsets.append(pos)
        marks += [(offsets[max(s, lo) - lo], offsets[min(e, hi) - lo]) for s, e in matches if s < hi and e > lo]
    if windows[-1][1] < len(text):
        out.append("…")
    return "".join(out), marks
