"""Corrections anchored on their lines' TEXT, so they follow the text when a source is edited and re-imported.

A correction names source lines by id (``p1.l399``: in a plain-text source, the line's number in the
file). Insert a paragraph above and every id below shifts: the correction would silently move to
whatever line now has that number. So when a correction is stored, the text of each line it names is
kept with the lines around it (``data["anchors"]``: the source file and, per line id, its text and its
neighbours' texts). When corrections are applied, each named line is found again:

* the line with that id still has that text: nothing to do (``attached``);
* otherwise the line whose text is that text and whose neighbours agree best, when there is exactly
  one best: the correction is rewritten to name it (``re-anchored``, with the reason);
* otherwise it stays as it was, and applying it reports it as stale — never put somewhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from reader.library.catalogue import source_line_rows
from reader.library.db import Connection

if TYPE_CHECKING:  # the store imports this module to anchor what it stores
    from reader.corrections.store import Correction

#: The fields of a correction's data that hold source line ids.
LINE_FIELDS = ("line", "other_line", "to_line", "article_line")


def _norm(text: str) -> str:
    return "".join(text.split())


@dataclass(frozen=True)
class LineAnchor:
    """A line's text and its neighbours' (whitespace removed), as stored with a correction."""

    text: str
    before: str = ""
    after: str = ""

    def to_json(self) -> dict[str, str]:
        return {"text": self.text, "before": self.before, "after": self.after}

    @classmethod
    def from_json(cls, obj: object) -> LineAnchor | None:
        if not isinstance(obj, Mapping) or not isinstance(obj.get("text"), str):
            return None
        return cls(obj["text"], str(obj.get("before") or ""), str(obj.get("after") or ""))


@dataclass
class SourceLines:
    """A source's lines in order, looked up by id and by text."""

    ids: list[str]
    texts: list[str]
    position: dict[str, int] = field(default_factory=dict)
    by_text: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[tuple[str, str]]) -> SourceLines:
        ids: list[str] = []
        texts: list[str] = []
        for lid, text in rows:
            ids.append(lid)
            texts.append(_norm(text))
        out = cls(ids, texts)
        for i, (lid, text) in enumerate(zip(ids, texts, strict=True)):
            out.position.setdefault(lid, i)
            if text:
                out.by_text.setdefault(text, []).append(i)
        return out

    def _neighbour(self, i: int, step: int) -> str:
        j = i + step
        while 0 <= j < len(self.texts):  # blank lines are layout, not context
            if self.texts[j]:
                return self.texts[j]
            j += step
        return ""

    def anchor(self, line_id: str) -> LineAnchor | None:
        i = self.position.get(line_id)
        if i is None or not self.texts[i]:
            return None
        return LineAnchor(self.texts[i], self._neighbour(i, -1), self._neighbour(i, 1))

    def find(self, line_id: str, anchor: LineAnchor, holding: str = "") -> str | None:
        """The id of the line ``anchor`` describes now: ``line_id`` if it still fits, else the one best
        candidate with that text, else the one line between the same two neighbours still holding ``holding`` (the
        words a correction replaces: the line itself was edited); None when there is none, or no single best."""
        i = self.position.get(line_id)
        if i is not None and self.texts[i] == anchor.text:
            return line_id
        candidates = self.by_text.get(anchor.text, [])
        if not candidates:
            return self._edited(anchor, _norm(holding))
        scored = sorted(((self._neighbour(j, -1) == anchor.before) + (self._neighbour(j, 1) == anchor.after), j)
                        for j in candidates)
        best, j = scored[-1]
        if len(scored) > 1 and scored[-2][0] == best:
            return None  # two lines fit as well: refuse to guess
        return self.ids[j]


    def _edited(self, anchor: LineAnchor, holding: str) -> str | None:
        """The line ``anchor`` described, edited since: the one line whose text changed, between the two lines it
        was between (both still there as they were), holding ``holding``. Seen by a tester: a word inserted in a
        corrected line and a line added above it made the correction stale ("the text … is no longer in line …",
        the line's number naming another line now) though the corrected words were there, one line down."""
        if not (anchor.before and anchor.after):
            return None
        fits = [j for j in self.by_text.get(anchor.before, [])
                if (k := self._next_text(j)) is not None and self.texts[k] != anchor.text and holding in self.texts[k]
                and self._neighbour(k, 1) == anchor.after]
        if len(fits) != 1:
            return None
        k = self._next_text(fits[0])
        return self.ids[k] if k is not None else None

    def _next_text(self, i: int) -> int | None:
        """The position of the first line with text after ``i`` (blank lines are layout)."""
        j = i + 1
        while j < len(self.texts):
            if self.texts[j]:
                return j
            j += 1
        return None


def source_lines(conn: Connection, source_path: str) -> SourceLines:
    """The lines of one imported source, in page and line order."""
    return SourceLines.of((str(r[0]), str(r[2])) for r in source_line_rows(conn, source_path))


def source_of_article(conn: Connection, key: str) -> str | None:
    """The source file of a catalogue article (a split-off ``key~line`` by the article it came from)."""
    row = conn.execute("SELECT s.path FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
                       (key.split("~", 1)[0],)).fetchone()
    return str(row[0]) if row else None


def named_lines(data: Mapping[str, Any]) -> list[str]:
    return [str(data[f]) for f in LINE_FIELDS if data.get(f)]


def _replaced(data: Mapping[str, Any]) -> str:
    """The words an OCR text correction replaces (what its line must still hold), else nothing."""
    original = data.get("original")
    return original if isinstance(original, str) else ""


def with_anchors(correction: Correction, conn: Connection) -> Correction:
    """The correction with the text of every line it names (and their neighbours) kept in its data."""
    source = source_of_article(conn, correction.article)
    if source is None or "anchors" in correction.data:
        return correction
    lines = source_lines(conn, source)
    anchors = {lid: a.to_json() for lid in named_lines(correction.data) if (a := lines.anchor(lid)) is not None}
    if not anchors:
        return correction
    return replace(correction, data={**correction.data, "anchors": {"source": source, "lines": anchors}})


@dataclass(frozen=True)
class Reanchored:
    """A correction whose lines were found again elsewhere in their source, and why."""

    correction: Correction
    reason: str


class Reanchorer:
    """Finds the lines of stored corrections again in the sources as they are now (one lookup per source).

    ``kept``: the lines of each source read by an earlier pass, by path, with the digest of the file they were
    read from, reused while the library holds that file unchanged (a re-import of changed bytes changes it):
    the window re-anchors every correction after each one it stores, and reading the lines of every corrected
    source again cost ~0.35 s with 1,000 corrections in 189 sources."""

    def __init__(self, conn: Connection, kept: dict[str, tuple[str, SourceLines]] | None = None) -> None:
        self.conn = conn
        self._sources: dict[str, SourceLines] = {}
        self._kept = kept

    def lines_of(self, source: str) -> SourceLines:
        if source not in self._sources:
            self._sources[source] = self._read(source)
        return self._sources[source]

    def _read(self, source: str) -> SourceLines:
        if self._kept is None:
            return source_lines(self.conn, source)
        row = self.conn.execute("SELECT sha256 FROM sources WHERE path = ?", (source,)).fetchone()
        digest = str(row[0]) if row and row[0] else None
        was = self._kept.get(source)
        if was is not None and digest is not None and was[0] == digest:
            return was[1]
        lines = source_lines(self.conn, source)
        if digest is not None:
            self._kept[source] = (digest, lines)
        return lines

    def reanchor(self, correction: Correction) -> Correction | Reanchored:
        """The correction naming its lines as they are now; a :class:`Reanchored` when any moved."""
        stored = correction.data.get("anchors")
        if not isinstance(stored, Mapping) or not isinstance(stored.get("source"), str):
            return correction
        lines = self.lines_of(stored["source"])
        held = stored.get("lines")
        anchors: dict[str, Any] = dict(held) if isinstance(held, Mapping) else {}
        moves: dict[str, str] = {}
        for lid in named_lines(correction.data):
            anchor = LineAnchor.from_json(anchors.get(lid))
            if anchor is None:
                continue
            found = lines.find(lid, anchor, _replaced(correction.data) if lid == correction.data.get("line") else "")
            if found is not None and found != lid:
                moves[lid] = found
        if not moves:
            return correction
        data = dict(correction.data)
        if correction.kind == "split" and not data.get("new_id") and data.get("line") in moves:
            # a split stored naming no piece (an earlier Broadsheet): its piece keeps the id it had, KEY~its line
            data["new_id"] = f"{correction.article}~{data['line']}"
        for f in LINE_FIELDS:
            if data.get(f) in moves:
                data[f] = moves[data[f]]
        data["anchors"] = {**stored, "lines": {moves.get(k, k): v for k, v in anchors.items()}}
        moved = replace(correction, data=data)
        reason = "its text moved in the source: " + ", ".join(f"line {a} is now {b}" for a, b in moves.items())
        return Reanchored(moved, reason)

    def reanchor_all(self, corrections: Sequence[Correction]) -> tuple[list[Correction], list[Reanchored]]:
        """Every correction as it applies now, and the ones that were re-anchored (with their reasons)."""
        out: list[Correction] = []
        moved: list[Reanchored] = []
        for c in corrections:
            r = self.reanchor(c)
            if isinstance(r, Reanchored):
                moved.append(r)
                out.append(r.correction)
            else:
                out.append(r)
        return out, moved
