"""Search a library: the query language, exact semantics, ranking, facets and KWIC hits.

Query language
--------------
``term term`` (implicit AND), ``AND``, ``OR``, ``NOT`` (or a leading ``-``),
parentheses, ``"phrases"`` (also “…” and 「…」), and filters
``publication:NAME`` (case-insensitive substring), ``date:1858-12-07``,
``date:1858`` or ``date:1858-12`` (prefix), ranges ``date:1850..1860``,
``date:[2021-01-01 TO 2021-01-31]`` (open ends allowed), ``page:4`` or
``page:1..3``, ``kind:article``, ``headline:TEXT``, ``issue:N`` (an issue id)
and ``article:ID``. Filter values may be quoted.

Semantics
---------
Every term is folded like the text (:func:`reader.text.forms.fold_query`).
A run of CJK characters means "these characters in this order": the hits are
EXACTLY the articles whose folded text contains it, whichever script either is
in. A Latin or digit word matches as a word (case- and accent-insensitive). A
term or phrase mixing several pieces (``"new york"``, ``G20峰会``) matches
the pieces in order, with only spaces or punctuation between them.

Evaluation: each term asks the index (:mod:`reader.index.store`) for
candidates — the article rows holding all its unigram/bigram/word terms —
and, unless those terms are exact on their own (one word, one or two CJK
characters), verifies each candidate on the folded text in the catalogue
(``instr`` in SQLite for a CJK run, a regular expression otherwise). Boolean
operators are set operations on article rows; ``NOT`` subtracts. Filters at
the top level become SQL conditions on the final set. Ranking: ``relevance``
counts the occurrences of the positive terms in the folded text, scaled down
for long articles; ``date`` orders by issue date, page and position. Counting
reads every hit's text, so beyond :data:`RELEVANCE_CAP` hits (a one-character
query matches nearly everything) the hits come in date order and
``Results.ranked_by`` says so; the total is exact either way.

Hits
----
Each :class:`Hit` carries ``matches``: ``[start, end)`` ranges in the
ORIGINAL text of the article as ``Article.text`` gives it (parts joined by a
blank line), mapped back through the folding map; per part, the ranges in
``Part.text`` and the ids of the source lines they fall on; and a KWIC snippet.
"""

from __future__ import annotations

import heapq
import json
import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Union

from reader.index.store import TOKEN_RE, Index, cjk_terms
from reader.library.catalogue import Library
from reader.model.document import Article
from reader.model.errors import BroadsheetError
from reader.text.forms import CJK_CLASS, fold, fold_query, fold_text, to_original

log = logging.getLogger(__name__)

FIELDS = ("publication", "date", "page", "kind", "headline", "issue", "article")
SNIPPET_CONTEXT = 30
#: relevance ranking reads the folded text of every hit; beyond this many hits the order is by date
RELEVANCE_CAP = 3000


class QueryError(BroadsheetError):
    """The query cannot be parsed: the message says where and why."""


# ---------------------------------------------------------------- syntax tree


@dataclass(frozen=True)
class Text:
    """A word, a CJK run or a phrase, as typed."""

    raw: str


@dataclass(frozen=True)
class Filter:
    field: str
    value: str


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Union[Text, Filter, Not, And, Or]

_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "”": "”"}
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<lp>[(（]) | (?P<rp>[)）])
      | (?P<field>[A-Za-z]+):(?:\[(?P<range>[^\]]*)\]|(?P<fq>["“「『])(?P<fqv>[^"”」』]*)["”」』]?|(?P<fv>[^\s()（）]+))
      | (?P<q>["“「『])(?P<qv>[^"”」』]*)["”」』]?
      | (?P<word>[^\s()（）"“「『]+)
    )""",
    re.VERBOSE,
)


def _tokens(query: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    pos = 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            raise QueryError(f"query: cannot read {query[pos:]!r}")
        pos = m.end()
        if m.group("lp"):
            out.append(("(", None))
        elif m.group("rp"):
            out.append((")", None))
        elif m.group("field"):
            name = m.group("field").lower()
            if name not in FIELDS:
                # not a filter: a word with a colon in it
                out.append(("text", m.group(0).strip()))
                continue
            if m.group("range") is not None:
                lo, _, hi = m.group("range").partition(" TO ")
                value = f"{lo.strip().strip('*')}..{hi.strip().strip('*')}"
            elif m.group("fq") is not None:
                value = m.group("fqv")
            else:
                value = m.group("fv")
            out.append(("filter", Filter(name, value)))
        elif m.group("q"):
            out.append(("text", m.group("qv")))
        else:
            word = m.group("word")
            if word in ("AND", "&&"):
                out.append(("and", None))
            elif word in ("OR", "||"):
                out.append(("or", None))
            elif word in ("NOT", "!"):
                out.append(("not", None))
            elif word.startswith("-") and len(word) > 1:
                out.append(("not", None))
                out.append(("text", word[1:]))
            else:
                out.append(("text", word))
    return out


def parse(query: str) -> Node | None:
    """The syntax tree of ``query`` (None for an empty query)."""
    toks = _tokens(query)
    pos = 0

    def peek() -> str | None:
        return toks[pos][0] if pos < len(toks) else None

    def parse_or() -> Node:
        nonlocal pos
        kids = [parse_and()]
        while peek() == "or":
            pos += 1
            kids.append(parse_and())
        return kids[0] if len(kids) == 1 else Or(tuple(kids))

    def parse_and() -> Node:
        nonlocal pos
        kids = [parse_not()]
        while peek() not in (None, ")", "or"):
            if peek() == "and":
                pos += 1
            kids.append(parse_not())
        return kids[0] if len(kids) == 1 else And(tuple(kids))

    def parse_not() -> Node:
        nonlocal pos
        if peek() == "not":
            pos += 1
            return Not(parse_not())
        return parse_atom()

    def parse_atom() -> Node:
        nonlocal pos
        kind = peek()
        if kind is None:
            raise QueryError("query: it ends where a term was expected")
        tok = toks[pos]
        pos += 1
        if kind == "(":
            node = parse_or()
            if peek() != ")":
                raise QueryError("query: a parenthesis is not closed")
            pos += 1
            return node
        if kind == "text":
            return Text(tok[1])
        if kind == "filter":
            return tok[1]
        raise QueryError(f"query: {kind.upper()} where a term was expected")

    if not toks:
        return None
    node = parse_or()
    if pos != len(toks):
        raise QueryError("query: a closing parenthesis has no opening one")
    return node


# ---------------------------------------------------------------- text terms


_WORD = f"[^\\W_{CJK_CLASS}]"


@dataclass(frozen=True)
class Term:
    """A folded text term ready to evaluate and to find in an article."""

    folded: str
    pieces: tuple[tuple[str, str], ...]  # ("cjk" | "word", text)

    @property
    def is_cjk_run(self) -> bool:
        return len(self.pieces) == 1 and self.pieces[0][0] == "cjk"

    @property
    def literal(self) -> str:
        """The string whose occurrences are counted for ranking."""
        return self.pieces[0][1] if len(self.pieces) == 1 else self.folded

    def regex(self) -> re.Pattern[str]:
        parts = []
        for kind, text in self.pieces:
            if kind == "cjk":
                parts.append(re.escape(text))
            else:
                parts.append(f"(?<!{_WORD}){re.escape(text)}(?!{_WORD})")
        return re.compile("[\\W_]*?".join(parts) if len(parts) > 1 else parts[0])


def make_term(raw: str) -> Term | None:
    folded = fold_query(raw)
    pieces = tuple(("cjk", m.group("cjk")) if m.group("cjk") else ("word", m.group("word"))
                   for m in TOKEN_RE.finditer(folded))
    if not pieces:
        return None
    return Term(folded, pieces)


def positive_terms(node: Node | None, negated: bool = False) -> list[Term]:
    """The text terms a hit is found by (not under NOT), in query order."""
    if node is None:
        return []
    if isinstance(node, Text):
        term = make_term(node.raw)
        return [term] if term and not negated else []
    if isinstance(node, Not):
        return positive_terms(node.child, not negated)
    if isinstance(node, (And, Or)):
        return [t for c in node.children for t in positive_terms(c, negated)]
    return []


# ---------------------------------------------------------------- results


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


# ---------------------------------------------------------------- evaluation


def _ids_json(nums: Any) -> str:
    return json.dumps(sorted(nums))


class Searcher:
    """Searches one library. Safe to share between threads (SQLite per thread, Whoosh behind a lock)."""

    def __init__(self, library: Library, index: Index | None = None) -> None:
        self.library = library
        self.index = index or Index(library.index_dir)
        self._own_index = index is None
        self._cache: dict[str, Any] = {}
        #: folded texts read while verifying the current query's terms (reused by ranking), per thread
        self._texts = threading.local()

    def close(self) -> None:
        if self._own_index:
            self.index.close()

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public

    def search(self, query: str, *, limit: int | None = 20, offset: int = 0, sort: str = "relevance",
               filters: Sequence[Filter] = (), facets: bool = False) -> Results:
        """Evaluate ``query`` (plus extra ``filters``) and return the ranked hits with KWIC."""
        if sort not in ("relevance", "date"):
            raise QueryError(f"query: unknown sort {sort!r} (relevance or date)")
        # one text term: its verified texts are the hits' texts, worth keeping for ranking; with more
        # terms most candidates drop out, and SQLite's instr reads them cheaper than Python would
        self._texts.map = {} if _text_count(parse(query)) == 1 else None
        try:
            return self._search(query, limit, offset, sort, filters, facets)
        finally:
            self._texts.map = None

    def _search(self, query: str, limit: int | None, offset: int, sort: str, filters: Sequence[Filter],
                facets: bool) -> Results:
        node, nums = self._matching(query, filters)
        terms = positive_terms(node)
        total = len(nums)
        result = Results(query, total, [])
        if facets:
            result.facets = self._facets(nums)
        if not nums or limit == 0:
            return result
        end = None if limit is None else offset + limit
        rank = self._date_order()[0]
        scores: dict[int, float] = {}
        if sort == "relevance" and terms and total <= RELEVANCE_CAP:
            scores = self._scores(nums, terms)
            order = sorted(nums, key=lambda n: (-scores[n], rank[n]))[offset:end]
        else:
            # date order; also for relevance beyond RELEVANCE_CAP hits (the total stays exact)
            result.ranked_by = "date"
            order = self._by_date(nums, end)[offset:]
            if terms:
                scores = self._scores(set(order), terms)
        result.hits = self._hits(order, scores, terms)
        return result

    def count(self, query: str, filters: Sequence[Filter] = ()) -> int:
        """How many articles match (exact), without building hits."""
        return len(self._matching(query, filters)[1])

    def matching_ids(self, query: str, filters: Sequence[Filter] = ()) -> set[str]:
        """Ids of every article matching ``query`` (for tests and scripts), without building hits."""
        nums = self._matching(query, filters)[1]
        if not nums:
            return set()
        return {r[0] for r in self.library.conn.execute(
            "SELECT id FROM articles WHERE num IN (SELECT value FROM json_each(?))", (_ids_json(nums),))}

    # -- internals

    def _stale_possible(self) -> bool:
        """Could the index hold entries the catalogue no longer has (a sync is due)?"""
        c = self.library.conn
        return bool(c.execute("SELECT 1 FROM index_dropped LIMIT 1").fetchone()) or \
            self.library.meta_get("index_pending") is not None

    def _universe(self) -> set[int]:
        return set(self._articles())

    def _eval(self, node: Node, stale: bool, within: set[int] | None = None) -> set[int]:
        """The articles matching ``node`` (only those in ``within`` when given: the rest cannot be hits)."""
        if isinstance(node, Text):
            term = make_term(node.raw)
            return self._term(term, stale, within) if term else set()
        if isinstance(node, Filter):
            found = self._filtered([node])
            return found if within is None else found & within
        if isinstance(node, Not):
            return (self._universe() if within is None else within) - self._eval(node.child, stale, within)
        if isinstance(node, Or):
            out: set[int] = set()
            for child in node.children:
                out |= self._eval(child, stale, within)
            return out
        positives = [c for c in node.children if not isinstance(c, Not)]
        negatives = [c.child for c in node.children if isinstance(c, Not)]
        # the index candidates of every text term first: each term then verifies only the articles
        # all the others may hold (two common words: hundreds of texts read instead of thousands)
        text_terms = [t for t in (make_term(c.raw) for c in positives if isinstance(c, Text)) if t]
        if len(text_terms) > 1:
            for t in text_terms:
                cands = self._candidates(t)[0]
                within = cands if within is None else within & cands
                if not within:
                    return set()
        acc: set[int] | None = None
        for child in positives:
            s = self._eval(child, stale, within if acc is None else acc)
            acc = s if acc is None else acc & s
            if not acc:
                return set()
        if acc is None:
            acc = self._universe() if within is None else set(within)
        for child in negatives:
            acc -= self._eval(child, stale, acc)
        return acc

    def _candidates(self, term: Term) -> tuple[set[int], bool]:
        """The articles the index says may contain ``term``, and whether that is exact (kept per query)."""
        memo = getattr(self._texts, "candidates", None)
        key = (term.folded, term.pieces)
        if memo is not None and key in memo:
            return memo[key]  # type: ignore[no-any-return]
        index_terms: list[str] = []
        exact = len(term.pieces) == 1
        for kind, text in term.pieces:
            if kind == "cjk":
                t, ex = cjk_terms(text)
                index_terms.extend(t)
                exact = exact and ex
            else:
                index_terms.append(text)
        found = (self.index.nums(list(dict.fromkeys(index_terms)), superset=not exact), exact)
        if memo is not None:
            memo[key] = found
        return found

    def _term(self, term: Term, stale: bool, within: set[int] | None = None) -> set[int]:
        """Exactly the articles containing ``term`` (candidates from the index, verified); only
        those in ``within`` when given."""
        cands, exact = self._candidates(term)
        if within is not None:
            cands = cands & within
        if not cands:
            return set()
        conn = self.library.conn
        if exact and not stale:
            return cands
        texts = self._text_map()
        if texts is not None and term.is_cjk_run and not exact and len(cands) <= RELEVANCE_CAP:
            # few enough to read: test in Python and keep the texts for ranking (one read instead of two)
            needle = term.pieces[0][1]
            out: set[int] = set()
            for num, folded in conn.execute(
                    "SELECT num, folded FROM article_text WHERE num IN (SELECT value FROM json_each(?))",
                    (_ids_json(cands),)):
                if needle in folded:
                    out.add(num)
                    texts[num] = folded
            return out
        if exact or term.is_cjk_run:
            sql = "SELECT num FROM article_text WHERE num IN (SELECT value FROM json_each(?))"
            args: list[Any] = [_ids_json(cands)]
            if not exact:
                sql += " AND instr(folded, ?) > 0"
                args.append(term.pieces[0][1])
            return {r[0] for r in conn.execute(sql, args)}
        rx = term.regex()
        return {num for num, folded in conn.execute(
            "SELECT num, folded FROM article_text WHERE num IN (SELECT value FROM json_each(?))",
            (_ids_json(cands),)) if rx.search(folded)}

    def _where(self, filters: Sequence[Filter]) -> tuple[list[str], list[Any]]:
        conds: list[str] = []
        args: list[Any] = []
        for f in filters:
            v = f.value.strip()
            if f.field == "publication":
                conds.append("instr(lower(p.name), lower(?)) > 0")
                args.append(v)
            elif f.field == "kind":
                conds.append("a.kind = ?")
                args.append(v.lower())
            elif f.field == "article":
                conds.append("a.id = ?")
                args.append(v)
            elif f.field == "issue":
                conds.append("a.issue_id = ?")
                args.append(_int(v, f))
            elif f.field == "date":
                lo, hi = _date_range(v)
                if lo:
                    conds.append("i.date >= ?")
                    args.append(lo)
                if hi:
                    conds.append("i.date <= ?")
                    args.append(hi)
                conds.append("i.date != ''")
            elif f.field == "page":
                if ".." in v:
                    a, _, b = v.partition("..")
                    lo_p = _int(a, f) if a else -1
                    hi_p = _int(b, f) if b else 1 << 30
                    conds.append("EXISTS (SELECT 1 FROM json_each(a.pages) WHERE value BETWEEN ? AND ?)")
                    args.extend([lo_p, hi_p])
                else:
                    conds.append("EXISTS (SELECT 1 FROM json_each(a.pages) WHERE value = ?)")
                    args.append(_int(v, f))
            elif f.field == "headline":
                self._ensure_fold_function()
                conds.append("instr(bs_fold(coalesce(a.headline, '')), ?) > 0")
                args.append(fold_query(v))
        return conds, args

    def _filtered(self, filters: Sequence[Filter]) -> set[int]:
        """The articles every one of ``filters`` admits (SQL on the catalogue)."""
        where, args = self._where(filters)
        return {r[0] for r in self.library.conn.execute(
            "SELECT a.num FROM articles a JOIN issues i ON i.id = a.issue_id "
            "JOIN publications p ON p.id = i.publication_id WHERE " + " AND ".join(where), args)}

    def _ensure_fold_function(self) -> None:
        self.library.conn.create_function("bs_fold", 1, fold_text, deterministic=True)

    def _matching(self, query: str, filters: Sequence[Filter]) -> tuple[Node | None, set[int]]:
        """The parsed query and EXACTLY the catalogue rows of the articles it matches."""
        node = parse(query)
        top_filters: list[Filter] = list(filters)
        rest: Node | None = node
        if isinstance(node, Filter):
            top_filters.append(node)
            rest = None
        elif isinstance(node, And):
            kids = [c for c in node.children if not isinstance(c, Filter)]
            top_filters.extend(c for c in node.children if isinstance(c, Filter))
            rest = None if not kids else kids[0] if len(kids) == 1 else And(tuple(kids))
        # filters first (a few milliseconds of SQL): the text terms then verify only the articles they admit
        filtered = self._filtered(top_filters) if top_filters else None
        if rest is None:
            return node, filtered if filtered is not None else set(self._articles())
        if filtered is not None and not filtered:
            return node, set()
        self._texts.candidates = {}
        try:
            return node, self._eval(rest, self._stale_possible(), filtered)
        finally:
            self._texts.candidates = None

    def _articles(self) -> dict[int, tuple[str, int, int, str, str, int]]:
        """num → (date, first page, position, publication, kind, chars) of every article, cached per catalogue state."""
        conn = self.library.conn
        state = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes, id(conn))
        cached = self._cache.get("articles")
        if cached is not None and cached[0] == state:
            return cached[1]
        rows = conn.execute(
            "SELECT a.num, i.date, coalesce(a.first_page, 0), a.seq, p.name, a.kind, a.chars FROM articles a "
            "JOIN issues i ON i.id = a.issue_id JOIN publications p ON p.id = i.publication_id")
        info = {r[0]: (r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows}
        self._cache["articles"] = (state, info)
        return info

    def _date_order(self) -> tuple[dict[int, int], list[int]]:
        """Every article in date order (date, page, position on the page, row), and num → its rank
        there; cached with :meth:`_articles`."""
        info = self._articles()
        cached = self._cache.get("date_order")
        if cached is not None and cached[0] is info:
            return cached[1]  # type: ignore[no-any-return]
        order = sorted(info, key=lambda n: (info[n][:3], n))
        found = ({n: i for i, n in enumerate(order)}, order)
        self._cache["date_order"] = (info, found)
        return found

    def _by_date(self, nums: set[int], end: int | None) -> list[int]:
        """``nums`` in date order, the first ``end`` of them only when ``end`` is given."""
        rank, order = self._date_order()
        if end is None:
            return sorted(nums, key=rank.__getitem__)
        if len(nums) * 64 >= len(order):
            # many hits: walk the date order until enough of them came by (at C speed)
            return list(islice(filter(nums.__contains__, order), end))
        return heapq.nsmallest(end, nums, key=rank.__getitem__)

    def _scores(self, nums: set[int], terms: Sequence[Term]) -> dict[int, float]:
        """Occurrences of the positive terms in the folded text, per 2,000 characters (roughly).

        Counted with ``str.count`` (non-overlapping, as SQL ``replace`` would), which
        is about twice as fast as ``length``/``replace`` in SQLite over the same rows.
        """
        literals = [term.literal for term in terms if term.literal]
        info = self._articles()
        texts = self._text_map()
        rows: Any
        if texts is not None and all(n in texts for n in nums):
            rows = ((n, texts[n]) for n in nums)
        else:
            rows = self.library.conn.execute(
                "SELECT num, folded FROM article_text WHERE num IN (SELECT value FROM json_each(?))",
                (_ids_json(nums),))
        return {n: float(sum(folded.count(lit) for lit in literals)) / (1.0 + info[n][5] / 2000.0)
                for n, folded in rows if n in info}

    def _text_map(self) -> dict[int, str] | None:
        """num → folded text read during the current :meth:`search` (None outside one)."""
        return getattr(self._texts, "map", None)

    def _facets(self, nums: set[int]) -> dict[str, dict[str, int]]:
        info = self._articles()
        out: dict[str, dict[str, int]] = {"publication": {}, "year": {}, "kind": {}}
        for n in nums:
            date, _, _, pub, kind, _ = info[n]
            for name, key in (("publication", pub), ("year", date[:4]), ("kind", kind)):
                out[name][key] = out[name].get(key, 0) + 1
        return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in out.items()}

    def _hits(self, order: list[int], scores: dict[int, float], terms: list[Term]) -> list[Hit]:
        if not order:
            return []
        rows = {r[0]: r for r in self.library.conn.execute(
            "SELECT a.num, a.id, a.headline, p.name, i.date, a.first_page, a.kind, a.issue_id, a.parts "
            "FROM articles a JOIN issues i ON i.id = a.issue_id JOIN publications p ON p.id = i.publication_id "
            "WHERE a.num IN (SELECT value FROM json_each(?))", (_ids_json(order),))}
        hits = []
        for n in order:
            _, article_id, headline, publication, date, first_page, kind, issue_id, parts_json = rows[n]
            parts = json.loads(parts_json)
            matches, part_hits, snippet = _locate([(d["role"], d["text"], d["spans"]) for d in parts], terms)
            hits.append(Hit(article=article_id, headline=headline, publication=publication, date=date,
                            page=first_page, score=scores.get(n, 0.0), snippet=snippet, matches=matches,
                            parts=part_hits, kind=kind, issue_id=issue_id))
        return hits


def _text_count(node: Node | None) -> int:
    """How many text terms (words, runs, phrases) a query tree holds, under NOT too."""
    if isinstance(node, Text):
        return 1
    if isinstance(node, Not):
        return _text_count(node.child)
    if isinstance(node, (And, Or)):
        return sum(_text_count(c) for c in node.children)
    return 0


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
    for idx, (role, part_text, spans) in enumerate(parts):
        end = start + len(part_text)
        local = [(max(s, start) - start, min(e, end) - start) for s, e in matches if s < end and e > start]
        if local:
            lines: list[str] = []
            for s, e in local:
                for span in spans:
                    if span[0] < e and span[1] > s and span[2] not in lines:
                        lines.append(span[2])
            part_hits.append(PartHit(idx, role, local, lines))
        start = end + 2
    return matches, part_hits, _snippet(text, matches)


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


def _int(value: str, f: Filter) -> int:
    try:
        return int(value)
    except ValueError as e:
        raise QueryError(f"query: {f.field}:{f.value} is not a number") from e


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_range(value: str) -> tuple[str, str]:
    """(lowest, highest) ISO date strings a date filter admits; '' for an open end."""
    if ".." in value:
        lo, _, hi = value.partition("..")
    else:
        lo = hi = value
    lo, hi = lo.strip(), hi.strip()
    for v in (lo, hi):
        if v and not _DATE.match(v):
            raise QueryError(f"query: date {v!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return lo, (hi + "\uffff" if hi and len(hi) < 10 else hi)
