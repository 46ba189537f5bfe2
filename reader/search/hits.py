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
from typing import Any

from reader.model.document import Article
from reader.search.query import Term
from reader.text.forms import fold, to_original

SNIPPET_CONTEXT = 30


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
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "matches": [list(m) for m in self.matches],
        }


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    #: "relevance", or "date" when relevance was asked for but more than RELEVANCE_CAP articles match
    ranked_by: str = "relevance"

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "hits": [h.to_json() for h in self.hits]}


def locate(article: Article, terms: Sequence[Term]) -> tuple[list[tuple[int, int]], list[PartHit], str]:
    """Matches of ``terms`` in ``article.text`` (original offsets), per part with line ids, and a KWIC snippet."""
    return _locate([(p.role, p.text, [(s.start, s.end, s.line, s.line_start) for s in p.spans])
                    for p in article.parts], terms)


def _locate(parts: Sequence[tuple[str, str, Sequence[Sequence[Any]]]],
            terms: Sequence[Term]) -> tuple[list[tuple[int, int]], list[PartHit], str]:
    text = "\n\n".join(p[1] for p in parts)
    folded, fmap = fold(text)
    ranges: set[tuple[int, int]] = set()
    for term in terms:
        if term.is_cjk_run:
            needle = term.pieces[0][1]
            i = folded.find(needle)
            while i >= 0:
                ranges.add(to_original(fmap, i, i + len(needle), len(text)))
                i = folded.find(needle, i + 1)
        else:
            for m in term.regex().finditer(folded):
                if m.end() > m.start():
                    ranges.add(to_original(fmap, m.start(), m.end(), len(text)))
    matches = _merge(sorted(ranges))
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
    return matches, part_hits, _snippet(text, matches)


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


def _snippet(text: str, matches: list[tuple[int, int]]) -> str:
    if not matches:
        body = text[: 2 * SNIPPET_CONTEXT]
        return body.replace("\n", " ") + ("…" if len(text) > len(body) else "")
    s, e = matches[0]
    lo = max(0, s - SNIPPET_CONTEXT)
    hi = min(len(text), e + SNIPPET_CONTEXT)
    out = ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")
    return out.replace("\n\n", " ¶ ").replace("\n", " ")
