"""Candidates from the index for the terms beyond the default mode's plain ones: exact and variant
matching, ignored punctuation, wildcards and fuzzy terms (:class:`reader.search.query.Term`).

The index holds the FOLDED text's terms only, so every mode asks it in folded terms for a SUPERSET of
the articles, which the engine then verifies on the text in the mode's form (exact mode: the original
text): the index narrows, the text decides.

* exact — the folded term's candidates (髮 asks for 发): what is printed as 髮 folds to 发.
* variants — each character with variants asks for ANY member of its class (an OR of unigrams).
* ignore_punct — a CJK run's characters only: its bigrams may be split by punctuation in the text.
* ``word*``, ``wo?d`` — the words of the index's term list that fit, OR'ed; ``word~N`` — the words
  within N edits (rapidfuzz); beyond :data:`MAX_EXPANSION` words the query is refused in one sentence
  (never a silent 0, never a scan of the texts).
* ``字字字~N`` — articles holding at least (distinct characters − N) of its characters: N edits can
  remove at most N of them from an occurrence.

Exact from the index alone (no text read): a single word, wildcard or fuzzy word, or a single
character, in the folded and variants modes.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.index.rows import Rows
from reader.index.store import SearchIndex, cjk_terms
from reader.model.errors import QT_TRANSLATE_NOOP
from reader.search.query import _WORD, Match, Op, QueryError, Term, pigeonhole
from reader.text import variants

#: the most index words a wildcard or fuzzy term may stand for
MAX_EXPANSION = 1000
#: a fuzzy CJK term must keep at least this many of its characters (else nearly every article is a candidate)
MIN_KEPT = 2


def candidates(index: SearchIndex, term: Term) -> tuple[Rows, bool]:
    """The articles the index says may hold ``term`` (a superset), and whether that is exact."""
    and_terms: list[str] = []
    ors: list[Rows] = []
    opts = term.options
    exact = len(term.index_pieces) == 1 and opts.match is not Match.EXACT
    for kind, text in term.index_pieces:
        if kind == "mark":  # an unreadable-glyph mark is in no index term: the text verifies it
            exact = False
        elif kind == "wild":
            ors.append(index.any_nums(expand_wildcard(index, text, term.raw)))
        elif term.op is Op.FUZZY and kind == "word":
            ors.append(index.any_nums(expand_fuzzy(index, text, term.edits, term.raw)))
        elif term.op is Op.FUZZY:
            ors.append(_fuzzy_cjk(index, text, term))
            exact = False
        elif kind == "word":
            and_terms.append(text)
        elif opts.match is Match.VARIANTS and not opts.ignore_punct and not any(
                len(variants.members(ch)) > 1 for ch in text):
            t, ex = cjk_terms(text)  # no character with variants: the folded run's own terms
            and_terms.extend(t)
            exact = exact and ex
        elif opts.match is Match.VARIANTS:
            and_terms.extend(_variant_terms(index, text, ors, opts.ignore_punct))
            exact = exact and len(text) == 1
        elif opts.ignore_punct:
            and_terms.extend(dict.fromkeys(text))
            exact = exact and len(text) == 1
        else:
            t, ex = cjk_terms(text)
            and_terms.extend(t)
            exact = exact and ex
    return _intersect(index, and_terms, ors, exact), exact


def _variant_terms(index: SearchIndex, run: str, ors: list[Rows], unigrams_only: bool) -> list[str]:
    """The AND terms of a CJK run in variants mode; each character with variants adds an OR of its class's
    unigrams to ``ors``. Two adjacent characters without variants keep their bigram's terms (unless
    punctuation is ignored: the text may split the pair)."""
    out: list[str] = []
    for ch in dict.fromkeys(run):
        group = variants.members(ch)
        if len(group) == 1:
            out.append(ch)
        else:
            ors.append(index.any_nums(list(group)))
    if not unigrams_only:
        for a, b in zip(run, run[1:], strict=False):
            if len(variants.members(a)) == 1 and len(variants.members(b)) == 1:
                out.extend(t for t in cjk_terms(a + b)[0] if len(t) != 1)
    return out


def _intersect(index: SearchIndex, and_terms: list[str], ors: list[Rows], exact: bool) -> Rows:
    found: Rows | None = None
    for s in sorted(ors, key=len):
        found = s if found is None else found & s
        if not found:
            return Rows()
    if and_terms:
        got = index.nums(list(dict.fromkeys(and_terms)), superset=not exact)
        found = got if found is None else found & got
    return found if found is not None else Rows()


def _fuzzy_cjk(index: SearchIndex, run: str, term: Term) -> Rows:
    chars = list(dict.fromkeys(run))
    keep = len(chars) - term.edits
    if keep < MIN_KEPT:
        raise QueryError.of("query", QT_TRANSLATE_NOOP("query", "query: {raw}: ~{edits} needs at least {least} "
                                                          "different characters (else nearly every article "
                                                          "would be a candidate)"),
                            raw=term.raw, edits=term.edits, least=MIN_KEPT + term.edits)
    pieces = pigeonhole(run, term.edits)
    if pieces and (term.options.match is not Match.VARIANTS or
                   all(len(variants.members(ch)) == 1 for ch in run)) and not term.options.ignore_punct:
        # N edits leave one of N+1 pieces of the run intact: the articles holding one of them
        found = Rows()
        for piece in pieces:
            found |= index.nums(cjk_terms(piece)[0], superset=True)
        return found
    counts: Counter[int] = Counter()
    for ch in chars:
        group = variants.members(ch) if term.options.match is Match.VARIANTS else ch
        counts.update(index.any_nums(list(group)))
    return Rows(num for num, n in counts.items() if n >= keep)


def _capped(words: list[str], raw: str) -> list[str]:
    if len(words) > MAX_EXPANSION:
        raise QueryError.of("query", QT_TRANSLATE_NOOP("query", "query: {raw} stands for more than {most} different "
                                                          "words in the library; make it longer"),
                            raw=raw, most=MAX_EXPANSION)
    return words


def expand_wildcard(index: SearchIndex, pattern: str, raw: str) -> list[str]:
    """The index words a folded wildcard pattern (``*`` any letters, ``?`` one) fits, whole."""
    prefix = re.split(r"[*?]", pattern, maxsplit=1)[0]
    rx = re.compile("".join(f"{_WORD}*" if c == "*" else _WORD if c == "?" else re.escape(c) for c in pattern))
    return _capped([w for w in index.words(prefix) if rx.fullmatch(w)], raw)


def expand_fuzzy(index: SearchIndex, word: str, edits: int, raw: str) -> list[str]:
    """The index words within ``edits`` character edits (Levenshtein) of the folded ``word``."""
    from rapidfuzz import process  # only fuzzy queries need it: not loaded at every command's start
    from rapidfuzz.distance import Levenshtein

    found = process.extract(word, index.words(), scorer=Levenshtein.distance, score_cutoff=edits,
                            limit=MAX_EXPANSION + 1)
    return _capped([w for w, _, _ in found], raw)
