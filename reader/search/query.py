"""The query language: tokens, the syntax tree, the parser, and the folded text terms.

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.index.terms import TOKEN_RE
from reader.model.errors import BroadsheetError
from reader.text.chars import UNREADABLE
from reader.text.forms import CJK_CLASS, fold_query

FIELDS = ("publication", "date", "page", "kind", "headline", "issue", "article")


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


Node = Text | Filter | Not | And | Or

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


#: Deepest nesting of parentheses a query may have (a person writes three or four).
MAX_DEPTH = 100
#: The largest number a filter can compare with (SQLite integers are 64-bit).
INT_MAX = 2**63 - 1


class _Parser:
    """Recursive descent over the tokens: ``or := and (OR and)*``, ``and := not (AND? not)*``,
    ``not := NOT not | atom``, ``atom := ( or ) | text | filter``."""

    def __init__(self, toks: list[tuple[str, Any]]) -> None:
        self.toks = toks
        self.pos = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.toks[self.pos][0] if self.pos < len(self.toks) else None

    def parse_or(self) -> Node:
        kids = [self.parse_and()]
        while self.peek() == "or":
            self.pos += 1
            kids.append(self.parse_and())
        return kids[0] if len(kids) == 1 else Or(tuple(kids))

    def parse_and(self) -> Node:
        kids = [self.parse_not()]
        while self.peek() not in (None, ")", "or"):
            if self.peek() == "and":
                self.pos += 1
            kids.append(self.parse_not())
        return kids[0] if len(kids) == 1 else And(tuple(kids))

    def parse_not(self) -> Node:
        negated = False
        while self.peek() == "not":  # a run of NOTs, however long, without recursion: NOT NOT x is x
            self.pos += 1
            negated = not negated
        node = self.parse_atom()
        return Not(node) if negated else node

    def parse_atom(self) -> Node:
        kind = self.peek()
        if kind is None:
            raise QueryError("query: it ends where a term was expected")
        tok = self.toks[self.pos]
        self.pos += 1
        if kind == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(f"query: parentheses nest more than {MAX_DEPTH} deep")
            node = self.parse_or()
            self.depth -= 1
            if self.peek() != ")":
                raise QueryError("query: a parenthesis is not closed")
            self.pos += 1
            return node
        if kind == "text":
            return Text(tok[1])
        if kind == "filter":
            filt: Filter = tok[1]
            return filt
        raise QueryError(f"query: {kind.upper()} where a term was expected")


def parse(query: str) -> Node | None:
    """The syntax tree of ``query`` (None for an empty query)."""
    toks = _tokens(query)
    if not toks:
        return None
    parser = _Parser(toks)
    node = parser.parse_or()
    if parser.pos != len(toks):
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
        # between pieces only spaces or punctuation, never an unreadable character (〓): a gap is not a space
        return re.compile(f"(?:[^\\w{UNREADABLE}]|_)*?".join(parts) if len(parts) > 1 else parts[0])


def make_term(raw: str) -> Term | None:
    """The term ``raw`` searches for; None for one that can match nothing (no letters, or an unreadable 〓)."""
    folded = fold_query(raw)
    if UNREADABLE in folded:
        return None
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


def text_count(node: Node | None) -> int:
    """How many text terms (words, runs, phrases) a query tree holds, under NOT too."""
    if isinstance(node, Text):
        return 1
    if isinstance(node, Not):
        return text_count(node.child)
    if isinstance(node, (And, Or)):
        return sum(text_count(c) for c in node.children)
    return 0


def _int(value: str, f: Filter) -> int:
    try:
        n = int(value)
    except ValueError as e:
        raise QueryError(f"query: {f.field}:{f.value} is not a number") from e
    if not -INT_MAX <= n <= INT_MAX:
        raise QueryError(f"query: {f.field}:{f.value} is out of range")
    return n


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
