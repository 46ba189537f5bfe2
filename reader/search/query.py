"""The query language: tokens, the syntax tree, the parser, and the folded text terms.

Query language
--------------
``term term`` (implicit AND), ``AND``, ``OR``, ``NOT`` (or a leading ``-``),
parentheses, ``"phrases"`` (also “…” and 「…」), and filters
``publication:NAME`` (case-insensitive substring), ``date:1858-12-07``,
``date:1858`` or ``date:1858-12`` (prefix), ranges ``date:1850..1860``,
``date:[2021-01-01 TO 2021-01-31]`` (open ends allowed), ``date:none`` (issues without a date), ``page:4``,
``page:1..3`` or ``page:1-3`` (open ends: ``page:3..``, ``page:..2``; an article
on pages 3 and 4 is on page:4), ``kind:article``, ``headline:TEXT``, ``issue:N`` (an issue id)
and ``article:ID``. Filter values may be quoted.

Operators typed full-width, as a Chinese input method gives them (``ＯＲ``, ``－``, ``＂``, ``～``, ``ｄａｔｅ：``), are
the operators; the words keep the characters they were typed with. A phrase glued to a word (no space between:
``中国“一带一路”``, ``“一带一路”建设``) continues that word: one term, as text pasted from an article reads.

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

import enum
import functools
import heapq
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.index.terms import TOKEN_RE
from reader.model.document import KINDS
from reader.model.errors import QT_TRANSLATE_NOOP, BroadsheetError
from reader.text import forms, variants
from reader.text.chars import UNREADABLE
from reader.text.dates import DateError, filter_value
from reader.text.forms import CJK_CLASS, CJK_RE, fold_query

FIELDS = ("publication", "date", "page", "kind", "headline", "issue", "article")
#: ``date:none``: the issues without a date (what a timeline's "undated" bar counts)
NO_DATE = frozenset({"none", "undated"})


class QueryError(BroadsheetError):
    """The query cannot be parsed: the message says where and why."""


def _error(template: str, **fields: object) -> QueryError:
    """A query error whose English template the window translates (context "query")."""
    return QueryError.of("query", template, **fields)


class Match(enum.Enum):
    """How a query's characters are compared with the text's."""

    #: script, width, case and accents folded (OpenCC t2s per character): 發 finds 发 (the default)
    FOLDED = "folded"
    #: the characters as printed (only layout whitespace between CJK characters ignored): 髮 finds 髮 only
    EXACT = "exact"
    #: folded, plus variant-character classes (异体字, from Unihan and known groups): 着 finds 著
    VARIANTS = "variants"


@dataclass(frozen=True)
class SearchOptions:
    """How text terms match: the comparison and whether punctuation between CJK characters is skipped."""

    match: Match = Match.FOLDED
    #: punctuation (and spaces) between two CJK characters is ignored: 中國金融 finds 中國、金融
    ignore_punct: bool = False


# ---------------------------------------------------------------- syntax tree


@dataclass(frozen=True)
class Text:
    """A word, a CJK run or a phrase, as typed."""

    raw: str


@dataclass(frozen=True)
class Near:
    """``"a b"~N``: every one of ``parts`` within ``distance`` characters (CJK) or words of the others."""

    parts: tuple[str, ...]
    distance: int


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


Node = Text | Near | Filter | Not | And | Or

_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "”": "”"}
#: what a minus set before it negates as a whole: a quoted phrase or a group
_OPENING = frozenset("\"“「『(（")
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<lp>[(（]) | (?P<rp>[)）])
      | (?P<neg>-)?(?P<field>[A-Za-z]+):
        (?:\[(?P<range>[^\]]*)\]|(?P<fq>["“「『])(?P<fqv>[^"”」』]*)["”」』]?|(?P<fv>[^\s()（）]+))
      | (?P<q>["“「『])(?P<qv>[^"”」』]*)["”」』]?(?:~(?P<qd>\d+))?
      | (?P<word>[^\s()（）"“「『]+)
    )""",
    re.VERBOSE,
)


def _field_tokens(m: re.Match[str], typed: str) -> list[tuple[str, Any]]:
    """The tokens of ``name:value``: a filter, ``NOT`` and a filter for ``-name:value`` (it was the text
    "name:value", silently), or for a name that is no filter the word with a colon in it."""
    name = m.group("field").lower()
    neg = [("not", None)] if m.group("neg") else []
    if name not in FIELDS:
        return neg + [("text", typed[1:] if neg else typed)]
    if m.group("range") is not None:
        lo, _, hi = m.group("range").partition(" TO ")
        value = f"{lo.strip().strip('*')}..{hi.strip().strip('*')}"
    elif m.group("fq") is not None:
        value = m.group("fqv")
    else:
        value = m.group("fv")
    return [*neg, ("filter", Filter(name, value))]


#: full-width ASCII (what a Chinese input method types: ＯＲ, －, ＂, ～, ＊, ：) read as ASCII where the query's
#: operators are recognised: one character for one, so a word keeps the characters it was typed with
_ASCII_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
#: the operators a term itself may hold (``word*``, ``wo?d``, ``term~N``), typed full-width
_TERM_OPERATORS = str.maketrans("＊？～", "*?~")


def _tokens(query: str) -> list[tuple[str, Any]]:
    """The tokens of ``query``. Its operators, parentheses, quotes and filters are recognised in its width-folded
    form (``上海 ＯＲ 北京`` is ``上海 OR 北京``); a word or phrase keeps the characters as typed. A phrase glued to a
    word (no space between: ``中国“一带一路”``) continues that word: the text pasted from an article is one term."""
    wide = query.translate(_ASCII_WIDTH)
    out: list[tuple[str, Any]] = []
    glued: tuple[int, int, int] | None = None  # (index in out, start and end in query) of the last text token
    pos = 0
    while pos < len(wide):
        if wide[pos:].strip() == "":
            break
        m = _TOKEN.match(wide, pos)
        if not m or m.end() == pos:
            raise _error(QT_TRANSLATE_NOOP("query", "query: cannot read {rest!r}"), rest=query[pos:])
        pos = m.end()
        span = _text_span(m, pos)
        if span is not None and glued is not None and glued[2] == span[0] and (
                m.group("q") or wide[span[0] - 1] in _CLOSING):
            # glued to the text token before it across a quote: one term, the characters as typed
            out[glued[0]] = ("text", query[glued[1]:span[1]])
            glued = (glued[0], glued[1], span[1])
            continue
        out.extend(_token(m, wide, query, pos))
        glued = (len(out) - 1, *span) if span is not None and out[-1][0] == "text" else None
    return out


#: what closes a quoted phrase (a word glued after it continues the phrase)
_CLOSING = frozenset('"”」』')


def _text_span(m: re.Match[str], pos: int) -> tuple[int, int] | None:
    """``(start, end)`` in the query of a text token that may be glued to its neighbours (a word, less a minus
    before it, or a phrase without ``~N``; no operator), else None."""
    if m.group("q"):
        return (m.start("q"), pos) if m.group("qd") is None else None
    word = m.group("word")
    if word is None or word in ("AND", "&&", "OR", "||", "NOT", "!", "-"):
        return None
    return m.start("word") + word.startswith("-"), m.end("word")


def _token(m: re.Match[str], wide: str, query: str, pos: int) -> list[tuple[str, Any]]:
    """The tokens of one match of :data:`_TOKEN` over the width-folded query ``wide`` (``query``: as typed)."""
    if m.group("lp"):
        return [("(", None)]
    if m.group("rp"):
        return [(")", None)]
    if m.group("field"):
        return _field_tokens(m, query[m.start():m.end()].strip())
    if m.group("q"):
        body = query[m.start("qv"):m.end("qv")]
        if not body.strip() and m.group("qd") is None:
            return [("text", query[m.start("q"):pos])]  # empty quotes, as typed (said so when left out)
        return [_quoted(body, m.group("qd"))]
    word = m.group("word")
    typed = query[m.start("word"):m.end("word")]
    if word in ("AND", "&&"):
        return [("and", None)]
    if word in ("OR", "||"):
        return [("or", None)]
    if word in ("NOT", "!") or word == "-" and wide[pos:pos + 1] in _OPENING:  # -"a phrase", -(a OR b)
        return [("not", None)]
    if word.startswith("-") and len(word) > 1:
        return [("not", None), ("text", typed[1:])]
    return [("text", typed)]


#: The widest proximity a query may ask for (characters or words)
MAX_DISTANCE = 10_000


def _quoted(body: str, distance: str | None) -> tuple[str, Any]:
    """A quoted phrase; followed by ``~N`` it is a proximity of its space-separated parts (one part: ``part~N``)."""
    if distance is None:
        return ("text", body)
    parts = tuple(body.split())
    if len(parts) == 1:
        return ("text", f"{parts[0]}~{distance}")
    n = int(distance)
    if n > MAX_DISTANCE:
        raise _error(QT_TRANSLATE_NOOP("query", "query: \"{body}\"~{distance}: the distance can be at most {most}"),
                     body=body, distance=distance, most=MAX_DISTANCE)
    return ("near", Near(parts, n))


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
            raise _error(QT_TRANSLATE_NOOP("query", "query: it ends where a term was expected"))
        tok = self.toks[self.pos]
        self.pos += 1
        if kind == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _error(QT_TRANSLATE_NOOP("query", "query: parentheses nest more than {most} deep"),
                             most=MAX_DEPTH)
            node = self.parse_or()
            self.depth -= 1
            if self.peek() != ")":
                raise _error(QT_TRANSLATE_NOOP("query", "query: a parenthesis is not closed"))
            self.pos += 1
            return node
        if kind == "text":
            return Text(tok[1])
        if kind == "filter":
            filt: Filter = tok[1]
            return filt
        if kind == "near":
            near: Near = tok[1]
            return near
        raise _error(QT_TRANSLATE_NOOP("query", "query: {operator} where a term was expected"), operator=kind.upper())


def parse(query: str) -> Node | None:
    """The syntax tree of ``query`` (None for an empty query)."""
    toks = _tokens(query)
    if not toks:
        return None
    parser = _Parser(toks)
    node = parser.parse_or()
    if parser.pos != len(toks):
        raise _error(QT_TRANSLATE_NOOP("query", "query: a closing parenthesis has no opening one"))
    return node


# ---------------------------------------------------------------- text forms of a mode


def text_form(text: str, options: SearchOptions) -> tuple[str, list[int]]:
    """The form of an ORIGINAL text a mode compares, and its map form index → original index.

    folded: :func:`reader.text.forms.fold`; variants: that, each character with variants replaced by its
    class's representative (same length); exact: the text as printed less layout whitespace between CJK
    characters. ``ignore_punct`` then drops punctuation and spaces between two CJK characters.
    """
    if options.match is Match.EXACT:
        form, omap = forms.exact(text)
    else:
        form, omap = forms.fold(text)
        if options.match is Match.VARIANTS:
            form = variants.variant_text(form)
    if options.ignore_punct:
        form, omap = forms.without_punct(form, omap)
    return form, omap


def form_of_original(text: str, options: SearchOptions) -> str:
    """:func:`text_form` without the offset map (verification needs none)."""
    if options.match is not Match.EXACT:
        return form_of_folded(forms.fold_text(text), options)
    form = forms.exact_text(text)
    return forms.without_punct_text(form) if options.ignore_punct else form


def form_of_folded(folded: str, options: SearchOptions) -> str:
    """The mode's form of an already FOLDED text (the catalogue's ``article_text``); not for exact mode."""
    if options.match is Match.VARIANTS:
        folded = variants.variant_text(folded)
    return forms.without_punct_text(folded) if options.ignore_punct else folded


def query_form(raw: str, options: SearchOptions) -> str:
    """A query term in the mode's form (folded like the text, or as typed in exact mode)."""
    if options.match is Match.EXACT:
        form = forms.exact_text(raw).strip()
    else:
        form = fold_query(raw)
        if options.match is Match.VARIANTS:
            form = variants.variant_text(form)
    return forms.without_punct_text(form) if options.ignore_punct else form


# ---------------------------------------------------------------- text terms


_WORD = f"[^\\W_{CJK_CLASS}]"
#: a whole Latin/digit word of a text form
_WORD_RUN = re.compile(f"{_WORD}+")
#: a Latin word with ``*`` (any letters) or ``?`` (one letter) in it, and no CJK
_WILDCARD_RE = re.compile(f"(?=.*[*?])(?=.*{_WORD})[*?\\w]+")
_FUZZY_RE = re.compile(r"(?s)(?P<body>.+?)~(?P<edits>\d+)")
#: the most character edits ``term~N`` allows
MAX_EDITS = 2


class Op(enum.Enum):
    """What a text term asks for beyond its characters."""

    PLAIN = "plain"
    WILDCARD = "wildcard"  # Luxemb*, wom?n
    FUZZY = "fuzzy"  # term~N


@dataclass(frozen=True)
class Term:
    """A text term ready to evaluate and to find in an article's form (see :func:`text_form`)."""

    folded: str  # the term in the mode's form (the folded text in the default mode)
    pieces: tuple[tuple[str, str], ...]  # ("cjk" | "word" | "wild", text) in the mode's form
    raw: str = ""
    options: SearchOptions = SearchOptions()
    op: Op = Op.PLAIN
    edits: int = 0
    #: the pieces FOLDED (what the index holds: candidates come from it in every mode)
    index_pieces: tuple[tuple[str, str], ...] = ()

    @property
    def is_cjk_run(self) -> bool:
        return len(self.pieces) == 1 and self.pieces[0][0] == "cjk"

    @property
    def is_default(self) -> bool:
        """A plain term of the default mode (the engine's fastest paths)."""
        return self.op is Op.PLAIN and self.options == DEFAULT_OPTIONS

    @property
    def literal(self) -> str:
        """The string whose occurrences are counted for ranking."""
        return self.pieces[0][1] if len(self.pieces) == 1 else self.folded

    def regex(self) -> Any:
        """The pattern finding the term in a text of its mode's form (``regex`` module for ``~N``), compiled once."""
        return _compiled(self)

    def _pattern(self) -> Any:
        if self.op is Op.FUZZY:
            import regex  # only fuzzy terms need it (13 ms of a command's start with rapidfuzz)

            kind, text = self.pieces[0]
            # a CJK run: the best match (ENHANCEMATCH), never across a line break or the unreadable 〓
            allowed = _WORD if kind == "word" else f"[^\\n{UNREADABLE}]"
            body = f"(?:{regex.escape(text)}){{e<={self.edits}:{allowed}}}"
            return regex.compile(f"(?e)(?<!{_WORD}){body}(?!{_WORD})" if kind == "word" else f"(?e){body}")
        parts = []
        for kind, text in self.pieces:
            if kind in ("cjk", "mark"):
                parts.append(re.escape(text))
            elif kind == "wild":
                pattern = "".join(f"{_WORD}*" if c == "*" else _WORD if c == "?" else re.escape(c) for c in text)
                parts.append(f"(?<!{_WORD}){pattern}(?!{_WORD})")
            else:
                # the literal first, its left edge checked after it (a lookbehind over the word and the character
                # before it): a pattern that starts with a literal is searched at C speed, one that starts with a
                # lookbehind is tried at every position (G20峰会 over 13,650 texts: 1.3 s → 0.05 s)
                lit = re.escape(text)
                parts.append(f"{lit}(?<!{_WORD}{lit})(?!{_WORD})")
        # between pieces only spaces or punctuation, never an unreadable character (〓): a gap is not a space
        return re.compile(f"(?:[^\\w{UNREADABLE}]|_)*?".join(parts) if len(parts) > 1 else parts[0])

    def spans(self, form: str) -> list[tuple[int, int]]:
        """``[start, end)`` of every occurrence in ``form`` (overlapping ones too for a CJK run)."""
        if self.is_cjk_run and self.op is Op.PLAIN:
            needle = self.pieces[0][1]
            found = []
            i = form.find(needle)
            while i >= 0:
                found.append((i, i + len(needle)))
                i = form.find(needle, i + 1)
            return found
        if self.op is Op.FUZZY and self.pieces[0][0] == "word":
            return self._fuzzy_words(form)
        return [(m.start(), m.end()) for m in self.regex().finditer(form) if m.end() > m.start()]

    def _fuzzy_words(self, form: str) -> list[tuple[int, int]]:
        """The words of ``form`` within the term's edits of it: the Levenshtein test the index's expansion of a
        fuzzy word uses (:func:`reader.search.modes.expand_fuzzy`), so highlights agree with the count."""
        from rapidfuzz.distance import Levenshtein

        word = self.pieces[0][1]
        return [(m.start(), m.end()) for m in _WORD_RUN.finditer(form)
                if Levenshtein.distance(m.group(), word, score_cutoff=self.edits) <= self.edits]

    def found_in(self, form: str) -> bool:
        if self.is_cjk_run and self.op is Op.PLAIN:
            return self.pieces[0][1] in form
        if self.op is Op.FUZZY and self.pieces[0][0] == "word":
            return bool(self._fuzzy_words(form))
        return self.regex().search(form) is not None

    def loose(self) -> re.Pattern[str] | None:
        """For a plain CJK run in variants mode or with punctuation ignored: a pattern finding it in the text
        of :attr:`loose_options` — before variants are mapped and punctuation dropped — with a character class
        for each character with variants and punctuation or spaces allowed between characters. The same test
        without rewriting every text (``str.translate`` cost 350 µs a text, ``re.sub`` 200 µs); else None."""
        variant = self.options.match is Match.VARIANTS
        if not (self.options.ignore_punct or variant) or self.op is not Op.PLAIN or not self.is_cjk_run:
            return None
        return _loose(self.pieces[0][1], variant, self.options.ignore_punct)

    @property
    def loose_options(self) -> SearchOptions:
        """The form :meth:`loose` searches: no variant classes, punctuation kept."""
        return SearchOptions(Match.FOLDED if self.options.match is Match.VARIANTS else self.options.match)

    def sql_needles(self) -> list[str]:
        """Strings every text holding the term contains as STORED (the original parts' JSON in exact mode,
        else the folded text): the engine drops the rest at C speed (``instr``) before verifying."""
        exact = self.options.match is Match.EXACT
        if self.op is Op.FUZZY or (self.options.match is Match.VARIANTS and self.is_cjk_run):
            return []
        out: list[str] = []
        for kind, text in self.pieces if exact else self.index_pieces:
            if kind == "cjk":
                out.extend(text if self.options.ignore_punct or exact else [text])
            elif kind == "wild":
                out.extend(c for c in re.split(r"[*?]", text) if c)
            else:
                out.append(text)
        return list(dict.fromkeys(out))

    def sql_any(self) -> list[str]:
        """Strings of which a text holding the term contains at least ONE as stored: the pieces of a fuzzy CJK
        run (N edits leave one of N + 1 pieces intact), in the folded mode; else [] (no such test)."""
        if self.op is not Op.FUZZY or self.pieces[0][0] != "cjk" or self.options != DEFAULT_OPTIONS:
            return []
        return pigeonhole(self.pieces[0][1], self.edits)

    @property
    def sure_is_complete(self) -> bool:
        """:meth:`sql_sure` decides alone: one character cannot be split by a space or punctuation."""
        return self.sql_sure() is not None and len(self.pieces[0][1]) == 1

    def sql_sure(self) -> str | None:
        """A string whose presence as stored proves the term is there (a plain CJK run, exact or with
        punctuation ignored), else None."""
        if self.op is not Op.PLAIN or not self.is_cjk_run or self.options.match is Match.VARIANTS:
            return None
        return self.pieces[0][1]

    def rank_count(self, folded: str) -> int:
        """Occurrences in a FOLDED text, for ranking (exact mode counts its folded twin's)."""
        if self.is_default:
            return folded.count(self.literal) if self.literal else 0
        # cheap proxies where a pattern per text would cost seconds over thousands of hits: the spelling
        # asked for (fuzzy), the longest literal stretch (wildcard)
        if self.op is Op.FUZZY:
            return folded.count(self.index_pieces[0][1])
        if self.op is Op.WILDCARD:
            return folded.count(max(re.split(r"[*?]", self.index_pieces[0][1]), key=len))
        twin = _folded_twin(self) if self.options.match is Match.EXACT else self
        if twin is None:
            return 0
        loose = twin.loose()
        if loose is not None:
            return len(loose.findall(form_of_folded(folded, twin.loose_options)))
        form = form_of_folded(folded, twin.options)
        return form.count(twin.literal) if twin.is_cjk_run else len(twin.spans(form))


DEFAULT_OPTIONS = SearchOptions()


@functools.lru_cache(maxsize=256)
def _loose(run: str, variant: bool, punct: bool) -> re.Pattern[str]:
    def one(ch: str) -> str:
        group = variants.members(ch) if variant else ch
        return f"[{re.escape(group)}]" if len(group) > 1 else re.escape(ch)
    return re.compile((f"[^\\w\\n{UNREADABLE}]*" if punct else "").join(map(one, run)))


@functools.lru_cache(maxsize=256)
def _compiled(term: Term) -> Any:
    return term._pattern()


@functools.lru_cache(maxsize=256)
def _folded_twin(term: Term) -> Term | None:
    """The term as the folded mode makes it (exact mode ranks on the folded text)."""
    return make_term(term.raw, SearchOptions(Match.FOLDED, term.options.ignore_punct))


#: a term's pieces: a CJK run, a Latin/digit word, or a run of unreadable-glyph marks (〓: where the OCR could not
#: read a character, the text holds the mark — searched as the mark, never as the character nobody read)
_PIECE_RE = re.compile(f"(?P<mark>{UNREADABLE}+)|{TOKEN_RE.pattern}")


def _pieces(form: str) -> tuple[tuple[str, str], ...]:
    return tuple((kind, m.group(kind)) for m in _PIECE_RE.finditer(form)
                 for kind in ("mark", "cjk", "word") if m.group(kind))


def make_term(raw: str, options: SearchOptions = DEFAULT_OPTIONS) -> Term | None:
    """The term ``raw`` (as typed) means in ``options``' mode; None when nothing searchable is left.

    ``word*``/``wo?d``: a Latin wildcard; ``term~N`` (N ≤ 2): up to N character edits (one word or one
    CJK run). Raises :class:`QueryError` for a wildcard in CJK or a fuzzy term of several pieces. None too
    for a term of punctuation alone (or empty: ``""``). The unreadable-glyph mark 〓 is a piece of its own (kind
    "mark"): it matches the mark the text holds where the OCR could not read a character (拳足相〓 finds the text
    that reads so), never a readable character. Operators typed full-width (＊, ？, ～) are the ASCII ones.
    """
    raw = raw.strip().translate(_TERM_OPERATORS)
    fuzzy = _FUZZY_RE.fullmatch(raw)
    if fuzzy:
        return _fuzzy_term(raw, fuzzy.group("body"), int(fuzzy.group("edits")), options)
    if _WILDCARD_RE.fullmatch(raw) and not CJK_RE.search(raw):
        return _wildcard_term(raw, options)
    form = query_form(raw, options)
    pieces = _pieces(form)
    if not pieces:
        return None
    return Term(form, pieces, raw, options, Op.PLAIN, 0, _pieces(fold_query(raw)))


def _wildcard_term(raw: str, options: SearchOptions) -> Term | None:
    def form_of(fold_it: bool) -> str:
        # the literal stretches take the mode's form; * and ? stay
        chunks = re.split(r"([*?])", raw)
        return "".join(c if c in "*?" else (fold_query(c) if fold_it else query_form(c, options)) for c in chunks)
    form = form_of(options.match is not Match.EXACT)
    if not re.search(_WORD, form):
        return None
    return Term(form, (("wild", form),), raw, options, Op.WILDCARD, 0, (("wild", form_of(True)),))


def _fuzzy_term(raw: str, body: str, edits: int, options: SearchOptions) -> Term | None:
    if edits > MAX_EDITS:
        raise _error(QT_TRANSLATE_NOOP("query", "query: {raw}: at most {most} character edits (~1 or ~2)"),
                     raw=raw, most=MAX_EDITS)
    form = query_form(body, options)
    pieces = _pieces(form)
    if edits == 0 or not pieces:
        return make_term(body, options) if pieces else None
    if len(pieces) != 1 or len(pieces[0][1]) <= edits:
        raise _error(QT_TRANSLATE_NOOP("query", "query: {raw}: ~{edits} applies to one word or one run of Chinese "
                                                "characters longer than {edits} characters"), raw=raw, edits=edits)
    return Term(form, pieces, raw, options, Op.FUZZY, edits, _pieces(fold_query(body)))


@dataclass(frozen=True)
class Prepared:
    """A query read for a mode: its tree less the words that hold nothing searchable there, and what to say."""

    node: Node | None
    #: the words and phrases left out, as typed: punctuation alone, empty quotes (a search for them found nothing,
    #: and an AND with one found nothing at all, silently)
    left_out: tuple[str, ...] = ()
    #: the query looks for the unreadable-glyph mark 〓 (what it finds is said: the mark, not a character)
    unreadable: bool = False


@functools.lru_cache(maxsize=64)
def prepare(query: str, options: SearchOptions = SearchOptions()) -> Prepared:
    """The query as searched in ``options``' mode: a word or phrase of which :func:`make_term` makes no term (nothing
    searchable in it: punctuation is in no mode's terms) is left out and named; a query whose every word is left out
    is a :class:`QueryError` (with filters too: they would list every article in scope as if the words matched)."""
    node = parse(query)
    left: list[str] = []
    kept = _searchable(node, options, left) if node is not None else None
    if _holds_text(node) and not _holds_text(kept):
        raise _error(QT_TRANSLATE_NOOP("query", "query: nothing in {query!r} can be searched: punctuation alone "
                                                "and empty quotes are not searched"), query=query.strip())
    return Prepared(kept, tuple(left), _holds_text(kept) and UNREADABLE in query)


def notes(prepared: Prepared) -> list[str]:
    """What a researcher is told of how a query was read: the words left out, what 〓 finds (English; the window
    says the same in its language)."""
    out = []
    if prepared.left_out:
        out.append("left out of the search, nothing in them is searchable (punctuation alone, empty quotes): "
                   + ", ".join(repr(w) for w in prepared.left_out))
    if prepared.unreadable:
        out.append("〓 marks a character the OCR could not read: it finds the places the text holds that mark, "
                   "not the character that was printed there")
    return out


def _searchable(node: Node, options: SearchOptions, left: list[str]) -> Node | None:
    """``node`` less its text that holds nothing searchable (named in ``left``); None when nothing of it is left."""
    if isinstance(node, Text):
        if make_term(node.raw, options) is None:
            left.append(node.raw.strip() or '""')  # (empty quotes come as typed: “”, 「」)
            return None
        return node
    if isinstance(node, Near):
        parts = [p for p in node.parts if make_term(p, options) is not None]
        left.extend(p for p in node.parts if p not in parts)
        if not node.parts:
            left.append(f'""~{node.distance}')
        return None if not parts else Text(parts[0]) if len(parts) == 1 else Near(tuple(parts), node.distance)
    if isinstance(node, Not):
        child = _searchable(node.child, options, left)
        return None if child is None else Not(child)
    if isinstance(node, (And, Or)):
        kids = [k for k in (_searchable(c, options, left) for c in node.children) if k is not None]
        return None if not kids else kids[0] if len(kids) == 1 else type(node)(tuple(kids))
    return node


def _holds_text(node: Node | None) -> bool:
    if isinstance(node, (Text, Near)):
        return True
    if isinstance(node, Not):
        return _holds_text(node.child)
    if isinstance(node, (And, Or)):
        return any(_holds_text(c) for c in node.children)
    return False


def positive_terms(node: Node | None, negated: bool = False, options: SearchOptions = DEFAULT_OPTIONS) -> list[Term]:
    """The text terms a hit is found by (not under NOT), in query order; a proximity's parts each."""
    if node is None:
        return []
    if isinstance(node, Text):
        term = make_term(node.raw, options)
        return [term] if term and not negated else []
    if isinstance(node, Near):
        return [] if negated else [t for t in (make_term(p, options) for p in node.parts) if t]
    if isinstance(node, Not):
        return positive_terms(node.child, not negated, options)
    if isinstance(node, (And, Or)):
        return [t for c in node.children for t in positive_terms(c, negated, options)]
    return []


def negates(node: Node | None) -> bool:
    """Whether a query tree holds a NOT: a text that holds less may then match where more did not."""
    if isinstance(node, Not):
        return True
    if isinstance(node, (And, Or)):
        return any(negates(c) for c in node.children)
    return False


def text_count(node: Node | None) -> int:
    """How many text terms (words, runs, phrases) a query tree holds, under NOT too."""
    if isinstance(node, Text):
        return 1
    if isinstance(node, Near):
        return len(node.parts)
    if isinstance(node, Not):
        return text_count(node.child)
    if isinstance(node, (And, Or)):
        return sum(text_count(c) for c in node.children)
    return 0


def pigeonhole(run: str, edits: int) -> list[str]:
    """``run`` cut into ``edits + 1`` pieces of two characters or more (an occurrence within ``edits`` edits
    holds one of them exactly), or [] when the run is too short for that."""
    n = edits + 1
    if len(run) < 2 * n:
        return []
    size, extra = divmod(len(run), n)
    out, pos = [], 0
    for i in range(n):
        step = size + (1 if i < extra else 0)
        out.append(run[pos:pos + step])
        pos += step
    return out


# ---------------------------------------------------------------- proximity

#: what a proximity counts: one CJK character, or one Latin/digit word
_UNIT_RE = re.compile(f"[{CJK_CLASS}]|{_WORD}+")


def near_found(form: str, terms: Sequence[Term], distance: int) -> bool:
    """Whether ``form`` holds an occurrence of every term with at most ``distance`` units (CJK characters or
    words; punctuation and spaces do not count) between the earliest end and the latest start among them.
    A term typed twice ("中国 中国"~3) needs two distinct occurrences: one is not near itself.

    One sweep over the occurrences in start order: for the occurrence starting last, each other term's best
    partners are its occurrences (starting no later) that end latest — as many as the term was typed, kept in a
    heap of that size. Linear in the occurrences (times the number of terms and the log of the repeats), never
    the product of their counts.
    """
    starts = [m.start() for m in _UNIT_RE.finditer(form)]
    slot: dict[Term, int] = {}
    for term in terms:
        slot.setdefault(term, len(slot))
    need = [0] * len(slot)
    for term in terms:
        need[slot[term]] += 1
    events: list[tuple[int, int, int]] = []  # (start unit, end unit, slot)
    for term, k in slot.items():
        found = [(bisect_left(starts, s), bisect_left(starts, e), k) for s, e in term.spans(form)]
        if len(found) < need[k]:
            return False
        events.extend(found)
    events.sort()
    latest: list[list[int]] = [[] for _ in need]  # per slot: the need[k] latest ends so far (a min-heap)
    for s, e, k in events:
        heap = latest[k]
        if len(heap) < need[k]:
            heapq.heappush(heap, e)
        elif e > heap[0]:
            heapq.heapreplace(heap, e)
        if all(len(h) == n for h, n in zip(latest, need, strict=True)) and s - min(h[0] for h in latest) <= distance:
            return True
    return False


def kind_of(value: str) -> str:
    """The article kind ``kind:value`` names: a kind, or the beginning of exactly one (``advert``: advertisement);
    else a :class:`QueryError` listing the kinds (seen by eye: kind:advert found nothing, silently)."""
    v = value.strip().lower()
    if v in KINDS:
        return v
    named = [k for k in KINDS if k.startswith(v)] if v else []
    if len(named) == 1:
        return named[0]
    raise _error(QT_TRANSLATE_NOOP("query", "query: kind:{value} names no kind (the kinds: {kinds})"),
                 value=value, kinds=", ".join(KINDS))


def _int(value: str, f: Filter) -> int:
    try:
        n = int(value)
    except ValueError as e:
        raise _error(QT_TRANSLATE_NOOP("query", "query: {field}:{value} is not a number"),
                     field=f.field, value=f.value) from e
    if not -INT_MAX <= n <= INT_MAX:
        raise _error(QT_TRANSLATE_NOOP("query", "query: {field}:{value} is out of range"), field=f.field, value=f.value)
    return n


#: ``3-5``: a page range typed with a hyphen (both ends given: ``-3`` alone is page -3)
_PAGE_HYPHEN = re.compile(r"^\s*(-?\d+)\s*[-\u2013]\s*(-?\d+)\s*$")


def _page_range(value: str, f: Filter) -> tuple[int, int]:
    """(lowest, highest) page number a ``page:`` filter admits: ``4``, ``1..3``, ``1-3`` or an open range
    (``3..``, ``..2``: its open end the furthest number there is)."""
    v = value.strip()
    if ".." in v:
        a, _, b = v.partition("..")
        a, b = a.strip(), b.strip()
        return (_int(a, f) if a else -INT_MAX), (_int(b, f) if b else INT_MAX)
    m = _PAGE_HYPHEN.match(v)
    if m:
        return _int(m.group(1), f), _int(m.group(2), f)
    n = _int(v, f)
    return n, n


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_range(value: str) -> tuple[str, str]:
    """(lowest, highest) ISO date strings a date filter admits; '' for an open end."""
    try:
        value = filter_value(value)  # dates as Chinese papers print them: 民國二十八年四月 → 1939-04
    except DateError as e:  # an impossible date is a query error like any other (a batch goes on)
        raise _error(QT_TRANSLATE_NOOP("query", "query: {reason}"), reason=e) from None
    if ".." in value:
        lo, _, hi = value.partition("..")
    else:
        lo = hi = value
    lo, hi = lo.strip(), hi.strip()
    for v in (lo, hi):
        if v and not _DATE.match(v):
            raise _error(QT_TRANSLATE_NOOP("query", "query: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                         value=v)
    return lo, (hi + "\uffff" if hi and len(hi) < 10 else hi)
