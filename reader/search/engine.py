"""The search engine: a query's candidates from the index, verified exactly on the folded text,
filtered in the catalogue, ranked (:mod:`reader.search.ranking`) and shown as hits
(:mod:`reader.search.hits`). The query language is :mod:`reader.search.query`.

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
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice, takewhile
from typing import Any

from reader.index.rows import Rows, RowSet, as_rows
from reader.index.store import SearchIndex, open_index
from reader.library.catalogue import RANK_INDEX_VERSION, Library, part_texts, stored_parts
from reader.model.errors import QT_TRANSLATE_NOOP
from reader.search import modes, ranking
from reader.search.hits import SNIPPET_CONTEXT, Hit, PartHit, Results, _locate, locate
from reader.search.query import (
    FIELDS,
    NO_DATE,
    And,
    Filter,
    Match,
    Near,
    Node,
    Not,
    Or,
    QueryError,
    SearchOptions,
    Term,
    Text,
    _date_range,
    _int,
    _page_range,
    form_of_folded,
    form_of_original,
    kind_of,
    make_term,
    near_found,
    negates,
    parse,
    positive_terms,
    prepare,
    text_count,
)
from reader.search.ranking import RELEVANCE_CAP
from reader.search.readings import CorrectedReading, Piece, StoredPart, holds, piece_matches
from reader.text.forms import fold_query, fold_text
from reader.text.needles import overlaps_itself, starts

__all__ = [
    "Searcher", "RELEVANCE_CAP",
    # re-exported: the query language (reader.search.query) and the hits (reader.search.hits)
    "FIELDS", "And", "Filter", "Match", "SearchOptions", "Node", "Not", "Or", "QueryError", "Term", "Text",
    "make_term", "parse", "prepare",
    "positive_terms", "SNIPPET_CONTEXT", "Hit", "PartHit", "Results", "locate",
]

log = logging.getLogger(__name__)


#: hits of at least one article in this many: their summaries are read as the table of every article (kept)
SUMMARY_SHARE = 8

#: filters on the article's own row (the others are on its issue or its pages)
ARTICLE_FIELDS = frozenset({"kind", "article", "headline"})
#: filters on the article's issue
ISSUE_FIELDS = frozenset({"publication", "date", "issue"})
#: the articles on the pages numbered from ? to ? (both indexes searched: pages by number, article_pages by page)
ON_PAGES = ("SELECT ap2.article_num FROM pages g2 JOIN article_pages ap2 ON ap2.page_id = g2.id "
            "WHERE g2.number BETWEEN ? AND ?")

#: the printed label of an article ``a``'s own first page (one of the pages it is on, found among its source's pages),
#: NULL where that page prints none. Not any page of the issue numbered alike: the undated pages of one folder are
#: filed as one issue, each its page 1, and an 1820 article was listed as "p.224", the number printed on an 1870 page
#: (seen by the by-eye tester). By the source's pages (a file's one, an issue's few), then the article's page by key:
#: SQLite otherwise took the pages numbered alike in the whole library (every page 1)
OWN_PAGE_LABEL = ("SELECT g.label FROM pages g INDEXED BY pages_source CROSS JOIN article_pages ap "
                  "WHERE g.source_id = a.source_id AND g.number = a.first_page AND ap.page_id = g.id "
                  "AND ap.article_num = a.num AND g.label IS NOT NULL AND g.label <> '' LIMIT 1")

#: a common string's page of hits is found by testing texts in date order when that reads at most about this many
#: texts (~10 ms on the index's copy; on average the page's hits times the articles per hit of the string)
WALK_TEXTS = 2048
#: texts tested at a time on that walk
WALK_CHUNK = 256
#: a one-string search's candidates are counted while verified (every occurrence, not the first: its relevance
#: then needs no second read) when they are at most this many; more would hold more hits than relevance ranks
COUNT_WHILE_VERIFYING = 2 * RELEVANCE_CAP

#: the summary of a row gone since it matched (sorted last)
_GONE = ("\uffff", 0, 0, "", "", 0)


def _each_piece(ranked: Sequence[int], pieces: Mapping[int, Sequence[int]]) -> list[tuple[int, int | None]]:
    """``ranked`` rows as (row, piece) entries: a row read as pieces once per piece that matched, in page order."""
    whole: tuple[int | None] = (None,)
    return [(n, i) for n in ranked for i in pieces.get(n, whole)] if pieces else [(n, None) for n in ranked]


def _ids_json(nums: Any) -> str:
    return json.dumps(sorted(nums))


class Searcher:
    """Searches one library. Safe to share between threads (SQLite per thread, Whoosh behind a lock)."""

    def __init__(self, library: Library, index: SearchIndex | None = None,
                 readings: Callable[[], Mapping[str, CorrectedReading]] | None = None) -> None:
        """``readings``: the corrected reading of every article (by id) with a text correction this search's reader
        may see, asked for at each search (:mod:`reader.search.readings`; the same mapping while unchanged)."""
        self.library = library
        self._readings_of = readings
        #: (the mapping ``readings`` gave last, the same by catalogue row)
        self._readings_memo: tuple[Mapping[str, CorrectedReading], dict[int, CorrectedReading]] | None = None
        self.index = index or open_index(library)
        self._own_index = index is None
        self._cache: dict[str, Any] = {}
        #: :meth:`prepare` was called: the table of every article is kept (see there)
        self._prepared = False
        #: folded texts read while verifying the current query's terms (reused by ranking), per thread
        self._texts = threading.local()
        #: the last query's matching rows, per thread (:meth:`_matching_kept`)
        self._kept = threading.local()

    def close(self) -> None:
        if self._own_index:
            self.index.close()

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public

    def search(self, query: str, *, limit: int | None = 20, offset: int = 0, sort: str = "relevance",
               filters: Sequence[Filter] = (), facets: bool = False,
               options: SearchOptions = SearchOptions()) -> Results:
        """Evaluate ``query`` (plus extra ``filters``) and return the ranked hits with KWIC."""
        if sort not in ("relevance", "date"):
            raise QueryError.of("query", QT_TRANSLATE_NOOP("query", "query: unknown sort {sort!r} (relevance or date)"),
                                  sort=sort)
        # one text term: its verified texts are the hits' texts, worth keeping for ranking; with more
        # terms most candidates drop out, and SQLite's instr reads them cheaper than Python would
        prepared = prepare(query, options)  # a word with nothing searchable left out; none left: a QueryError
        node = prepared.node
        self._texts.map = {} if text_count(node) == 1 else None
        self._texts.counted = None
        try:
            common = self._common_run(query, node, offset, offset + limit, options) \
                if limit is not None and not filters and not facets else None
            result = common if common is not None else self._search(query, limit, offset, sort, filters, facets,
                                                                     options)
            result.left_out, result.unreadable = list(prepared.left_out), prepared.unreadable
            return result
        finally:
            self._texts.map = None
            self._texts.counted = None

    def _search(self, query: str, limit: int | None, offset: int, sort: str, filters: Sequence[Filter],
                facets: bool, options: SearchOptions) -> Results:
        node, nums = self._matching_kept(query, filters, options)
        terms = positive_terms(node, options=options)
        pieces = self._pieces_matching(node, nums, options)
        total = len(nums) + sum(len(found) - 1 for found in pieces.values())
        result = Results(query, total, [])
        if facets:
            result.facets = self._facets(nums, pieces)
        if not nums or limit == 0:
            return result
        end = None if limit is None else offset + limit
        scores: dict[int, float] = {}
        page = self._page_on_counts(nums, terms, end) if sort == "relevance" and not pieces else None
        if page is not None:
            scores, ranked = page
            order = _each_piece(ranked, pieces)[offset:end]
        elif sort == "relevance" and terms and len(nums) <= RELEVANCE_CAP:
            info = self._summary(nums)
            scores = self._scores(nums, terms, info)
            ranked = sorted(nums, key=lambda n: (-scores.get(n, 0.0), *info.get(n, _GONE)[:3], n))
            order = _each_piece(ranked if pieces else ranked[:end], pieces)[offset:end]
        else:
            # date order; also for relevance beyond RELEVANCE_CAP hits (the total stays exact)
            result.ranked_by = "date"
            order = _each_piece(self._by_date(nums, end), pieces)[offset:end]
            if terms:
                shown = {n for n, _ in order}
                scores = self._scores(shown, terms, self._summary(shown))
        result.hits = self._hits(order, scores, terms, options)
        return result

    def _pieces_matching(self, node: Node | None, nums: Rows, options: SearchOptions) -> dict[int, list[int]]:
        """Row → the pieces (:attr:`CorrectedReading.pieces`) that match ``node``, of each of ``nums`` the reader
        reads as pieces (cut, moved or merged: each piece is listed as an article of its own)."""
        filter_holds = self._filter_test()
        return {n: [i for i, piece in enumerate(r.pieces)
                    if piece_matches(node, piece, options, filter_holds(n, piece))]
                for n, r in self.corrected_readings().items() if r.pieces and n in nums}

    def _pieces_elsewhere(self, node: Node | None, found: Rows, filtered: Rows | None,
                          options: SearchOptions) -> Rows:
        """The rows read as pieces that ``node`` does not match as a whole but one of their pieces does: with a NOT,
        a piece without the word another piece holds ("head -tail" after a split: the piece of head). Without a NOT
        a piece matches only where its whole does."""
        if not negates(node):
            return Rows()
        filter_holds = self._filter_test()
        return Rows(n for n, r in self.corrected_readings().items()
                    if r.pieces and n not in found and (filtered is None or n in filtered)
                    and any(piece_matches(node, piece, options, filter_holds(n, piece)) for piece in r.pieces))

    def _filter_test(self) -> Callable[[int, Piece | None], Callable[[Filter], bool]]:
        """(Row, piece) → whether a filter of the query holds for that piece of the row's article (each filter's rows
        asked of the catalogue once, when a piece first needs it); a kind filter reads the piece's own kind."""
        admitted: dict[Filter, Rows] = {}

        def for_row(n: int, piece: Piece | None = None) -> Callable[[Filter], bool]:
            def holds(f: Filter) -> bool:
                if f.field == "kind" and piece is not None and piece.kind:
                    return piece.kind == kind_of(f.value)
                if f not in admitted:
                    admitted[f] = self._filtered([f])
                return n in admitted[f]
            return holds
        return for_row

    def _common_run(self, query: str, node: Node | None, offset: int, end: int,
                    options: SearchOptions) -> Results | None:
        """A query that is one Latin word, or one CJK string the index holds as ONE exact term (a character, a
        frequent bigram, a frequent run), in more than :data:`RELEVANCE_CAP` articles — so its hits are shown in
        date order —, asked without filters or facets: its total is the term's document frequency and its page of
        hits is found by walking the date order and testing each article's folded text in the index's copy
        (:meth:`_walk_holding`). Neither reads the term's postings: a common character's 535,000 at 100,000 pages
        cost ~100 ms to decode into a set, whatever page is shown. None when any of that does not hold (the general
        way answers)."""
        term = make_term(node.raw, options) if isinstance(node, Text) else None
        if term is None or not term.is_default or len(term.pieces) != 1 or term.pieces[0][0] in ("wild", "mark"):
            return None
        kind, needle = term.pieces[0]
        keys, exact = self.index.cjk_terms(needle) if kind == "cjk" else ([needle], True)  # a word is its own term
        if not exact or len(keys) != 1:
            return None
        total = self.index.exact_count(keys[0])
        if total is None or total <= RELEVANCE_CAP or self._stale_possible() or self._corrected_holding(term) \
                or self._merged_away():
            return None
        order = self._walk_holding(term, end, total)
        if order is None:
            return None
        result = Results(query, total, [])
        result.ranked_by = "date"
        shown = order[offset:end]
        terms = positive_terms(node, options=options)
        result.hits = self._hits([(n, None) for n in shown], self._scores(set(shown), terms, self._summary(set(shown))),
                                 terms, options)
        return result

    def _walk_holding(self, term: Term, end: int, total: int) -> list[int] | None:
        """The first ``end`` articles in date order whose folded text holds ``term`` (a CJK string: ``find`` in
        place; a word: its pattern, as phrases are verified), tested a chunk at a time on the index's copy of the
        texts — or None (the general way answers, from the postings) when that would
        read more than :data:`WALK_TEXTS` texts: on average, given how common the string is, or in fact, when its
        articles gather late in the date order; or when the copy lacks a row walked by (a partial index, a torn
        copy; on a database server the texts are tested in the database instead)."""
        expected = end * self.article_bound() // max(1, total)
        if expected > WALK_TEXTS:
            return None
        most = max(WALK_TEXTS, 4 * expected)
        rows = self._date_stream(most + WALK_CHUNK)
        out: list[int] = []
        for _ in range(0, most, WALK_CHUNK):
            chunk = list(islice(rows, WALK_CHUNK))
            found, unknown = self._holding(term, set(chunk))
            if unknown:
                return None
            out.extend(filter(found.__contains__, chunk))
            if len(out) >= end or len(chunk) < WALK_CHUNK:
                return out[:end]
        return None

    def _holding(self, term: Term, nums: set[int]) -> tuple[set[int], RowSet]:
        """(the rows of ``nums`` whose folded text in the index's copy holds the one-piece default ``term``, the rows
        the copy lacks). On a database server, whose index keeps no copy, the texts are tested where they are."""
        if term.is_cjk_run:
            found, unknown = self.index.holding(nums, term.pieces[0][1])
        else:
            texts, unknown = self.index.folded(nums)
            search = term.regex().search
            found = {num for num, folded in texts if search(folded)}
        if unknown and self._server_side():
            found |= set(self._verified_texts(term, as_rows(unknown)))
            unknown = set()
        return found, unknown

    def _verified_texts(self, term: Term, nums: Rows) -> Rows:
        """Those of ``nums`` whose folded text holds the one-piece default ``term``: a CJK string tested in SQL on the
        catalogue's texts, a word by its pattern on the texts read (the index's copy, else the catalogue's)."""
        if term.is_cjk_run:
            return Rows(r[0] for r in self.library.conn.execute(
                "SELECT num FROM article_text WHERE num IN (SELECT value FROM json_each(?)) AND instr(folded, ?) > 0",
                (_ids_json(nums), term.pieces[0][1])))
        search = term.regex().search
        return Rows(num for num, folded in self.folded_texts(nums) if search(folded))

    def _date_stream(self, limit: int | None = None) -> Iterator[int]:
        """Every article's row in date order (date, first page, position, row) — the first ``limit`` only when
        given: a database server's driver reads a statement's every row before the first is handed out —, as a
        stream: the table a prepared searcher keeps, else the catalogue's date order (issues by date, each issue's
        articles sorted on their own; CROSS JOIN keeps SQLite's join order; the condition in WHERE, as PostgreSQL
        takes no ON after CROSS JOIN)."""
        if self._prepared:
            return islice(self._date_order()[1], limit)
        sql = ("SELECT a.num FROM issues i CROSS JOIN articles a WHERE a.issue_id = i.id "
               "ORDER BY i.date, coalesce(a.first_page, 0), a.seq, a.num")
        rows = self.library.conn.execute(sql + " LIMIT ?", (limit,)) if limit is not None else \
            self.library.conn.execute(sql)
        return (r[0] for r in rows)

    def prepare(self) -> None:
        """For a long-lived searcher (the window calls this when a library opens, on its search thread): keep a
        table of every article (date, page, position, publication, kind, length) and their date order, read
        now and again after the catalogue changes, so date order and facets of a large hit set cost a lookup
        per hit. Without it (a command in a new process) what a search needs of each article is read for its
        hits only, and nothing read at start-up grows with the library."""
        self._prepared = True
        self._facet_columns(set())  # the table of every article, and its facet columns
        self._date_order()
        prepare = getattr(self.index, "prepare", None)
        if prepare is not None:
            prepare()

    def facets(self, query: str, filters: Sequence[Filter] = (), *,
               options: SearchOptions = SearchOptions()) -> dict[str, dict[str, int]]:
        """Hits of ``query`` per publication, year and kind (those of ``search(…, facets=True)``), without hits: the
        window lists a first page without them (so it can take :meth:`_common_run`) and asks for these after. The
        rows matched by the page just searched on this thread are reused, not evaluated again."""
        node, nums = self._matching_kept(query, filters, options)
        return self._facets(nums, self._pieces_matching(node, nums, options))

    def count(self, query: str, filters: Sequence[Filter] = (), *, options: SearchOptions = SearchOptions()) -> int:
        """How many articles match (exact), without building hits: an article read as pieces counts the pieces
        that match."""
        node, nums = self._matching(query, filters, options)
        return len(nums) + sum(len(found) - 1 for found in self._pieces_matching(node, nums, options).values())

    def matching_nums(self, query: str, filters: Sequence[Filter] = (), *,
                      options: SearchOptions = SearchOptions()) -> Rows:
        """Catalogue rows of every article matching ``query`` (the concordance reads the articles by row)."""
        return self._matching(query, filters, options)[1]

    def needle_counts(self, nums: RowSet, needle: str, held: bool = False) -> dict[int, int]:
        """:meth:`stored_needle_counts`, an article read corrected counted in its corrected reading (what the
        concordance shows of it; its stored text may not hold the needle, so it is not ``held``)."""
        readings = self.corrected_readings()
        corrected = {n: starts(r.folded, needle) for n, r in readings.items() if n in nums}
        if not corrected:
            return self.stored_needle_counts(nums, needle, held)
        found = self.stored_needle_counts(as_rows(nums) - Rows(corrected), needle, held)
        found.update(corrected)
        return found

    def stored_needle_counts(self, nums: RowSet, needle: str, held: bool = False) -> dict[int, int]:
        """Row → how many places its folded text holds ``needle`` at (every place it starts: 哈哈 twice in 哈哈哈), for
        each of ``nums`` (rows known to exist: verified hits; ``held``: each holds the needle). Counted by the index
        (:meth:`SearchIndex.counts`: a counted bigram from its postings, else on the index's copy of the texts in
        their stored bytes); the rows it cannot count in the database — by PostgreSQL next to the texts
        (:func:`ranking.server_counts`) when the needle cannot overlap itself —, else here."""
        # while the index may hold texts the catalogue no longer has, it is not told the rows hold the needle
        found, unknown = self.index.counts(nums, needle, held and not self._stale_possible())
        if not unknown:
            return found
        if self._server_side() and not overlaps_itself(needle):
            found.update(ranking.server_counts(self.library.conn, unknown, [needle]))
            return found
        rows = self.library.conn.execute(
            "SELECT num, folded FROM article_text WHERE num IN (SELECT value FROM json_each(?))", (_ids_json(unknown),))
        found.update((num, starts(folded, needle)) for num, folded in rows)
        return found

    def matching_ids(self, query: str, filters: Sequence[Filter] = (), *,
                     options: SearchOptions = SearchOptions()) -> set[str]:
        """Ids of every article matching ``query`` (for tests and scripts), without building hits; the keys of the
        pieces that match, of an article read as pieces."""
        node, nums = self._matching_kept(query, filters, options)
        if not nums:
            return set()
        readings = self.corrected_readings()
        pieces = self._pieces_matching(node, nums, options)
        whole = Rows(n for n in nums if n not in pieces) if pieces else nums
        found = {r[0] for r in self.library.conn.execute(
            "SELECT id FROM articles WHERE num IN (SELECT value FROM json_each(?))", (_ids_json(whole),))}
        return found | {readings[n].pieces[i].key for n, held in pieces.items() for i in held}

    # -- internals

    def _stale_possible(self) -> bool:
        """Could the index hold entries the catalogue no longer has (a sync is due)?"""
        c = self.library.conn
        return bool(c.execute("SELECT 1 FROM index_dropped LIMIT 1").fetchone()) or \
            self.library.meta_get("index_pending") is not None

    def _universe(self) -> Rows:
        """Every article's row (a NOT at the top, or filters alone, need them)."""
        return Rows(r[0] for r in self.library.conn.execute("SELECT num FROM articles"))

    def _eval(self, node: Node, stale: bool, within: Rows | None = None,
              options: SearchOptions = SearchOptions()) -> Rows:
        """The articles matching ``node`` (only those in ``within`` when given: the rest cannot be hits)."""
        if isinstance(node, Text):
            term = make_term(node.raw, options)
            return self._term(term, stale, within) if term else Rows()
        if isinstance(node, Near):
            return self._near(node, stale, within, options)
        if isinstance(node, Filter):
            found = self._filtered([node])
            return found if within is None else found & within
        if isinstance(node, Not):
            return (self._universe() if within is None else within) - self._eval(node.child, stale, within, options)
        if isinstance(node, Or):
            out = Rows()
            for child in node.children:
                out |= self._eval(child, stale, within, options)
            return out
        return self._and(node, stale, within, options)

    def _and(self, node: And, stale: bool, within: Rows | None, options: SearchOptions) -> Rows:
        """The articles matching every positive child of ``node`` and none of its negated ones."""
        positives = [c for c in node.children if not isinstance(c, Not)]
        negatives = [c.child for c in node.children if isinstance(c, Not)]
        # the index candidates of every text term first: each term then verifies only the articles
        # all the others may hold (two common words: hundreds of texts read instead of thousands)
        text_terms = [t for t in (make_term(c.raw, options) for c in positives if isinstance(c, Text)) if t]
        exact = not stale and len(text_terms) == len(positives)
        if len(text_terms) > 1:
            for t in text_terms:
                cands, exact_term = self._candidates(t)
                exact = exact and exact_term and t.is_default
                within = cands if within is None else within & cands
                if not within:
                    return Rows()
        if exact and within is not None and len(text_terms) > 1:
            # every term exact from the index: their candidates' intersection (a new set) is the answer
            acc: Rows = within
        else:
            acc = self._all_of(positives, stale, within, options)
        for child in negatives:
            if not acc:
                break
            # a new set: acc may be a term's candidates, kept for the rest of the query (never changed in place)
            acc = acc - self._eval(child, stale, acc, options)
        return acc

    def _all_of(self, children: Sequence[Node], stale: bool, within: Rows | None,
                options: SearchOptions) -> Rows:
        """The articles matching every one of ``children`` (each evaluated within what the others left)."""
        acc: Rows | None = None
        for child in children:
            found = self._eval(child, stale, within if acc is None else acc, options)
            acc = found if acc is None else acc & found
            if not acc:
                return Rows()
        if acc is None:
            return self._universe() if within is None else Rows(within)
        return acc

    def _candidates(self, term: Term) -> tuple[Rows, bool]:
        """The articles the index says may contain ``term``, and whether that is exact (kept per query)."""
        memo = getattr(self._texts, "candidates", None)
        key = (term.folded, term.pieces, term.options, term.op, term.edits)
        if memo is not None and key in memo:
            return memo[key]  # type: ignore[no-any-return]
        found = self._index_candidates(term)
        if memo is not None:
            memo[key] = found
        return found

    def _index_candidates(self, term: Term) -> tuple[Rows, bool]:
        """:meth:`_candidates`, not kept."""
        if all(kind == "mark" for kind, _ in term.index_pieces):
            # unreadable-glyph marks alone (〓): no index term holds them; every article is a candidate, verified on
            # its text (the mark found at C speed)
            return self._universe(), False
        if not term.is_default:
            return self._with_corrected(term, modes.candidates(self.index, term))
        index_terms: list[str] = []
        exact = len(term.pieces) == 1
        for kind, text in term.pieces:
            if kind == "mark":  # in no index term: the text verifies it
                exact = False
            elif kind == "cjk":
                t, ex = self.index.cjk_terms(text)
                index_terms.extend(t)
                exact = exact and ex
            else:
                index_terms.append(text)
        return self._with_corrected(term, (self.index.nums(list(dict.fromkeys(index_terms)), superset=not exact),
                                           exact))

    # -- the reader's corrected readings (reader.search.readings)

    def corrected_readings(self) -> dict[int, CorrectedReading]:
        """Catalogue row → corrected reading of each article this search's reader sees corrected."""
        given = self._readings_of() if self._readings_of is not None else None
        if not given:
            return {}
        memo = self._readings_memo
        if memo is not None and memo[0] is given:
            return memo[1]
        nums = dict(self.library.conn.execute(
            "SELECT id, num FROM articles WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(given)),)))
        out = {nums[i]: r for i, r in given.items() if i in nums}
        self._readings_memo = (given, out)
        return out

    def pieces_found(self, query: str, nums: Rows, options: SearchOptions = SearchOptions()) -> dict[int, int]:
        """Row → the pieces of it that match ``query``, less one, where more than one does (of ``nums``, the rows
        it matches): what the list and the total count beyond one hit a row."""
        node = prepare(query, options).node
        return {n: len(found) - 1 for n, found in self._pieces_matching(node, nums, options).items() if len(found) > 1}

    def read_as(self, nums: RowSet | None = None) -> dict[int, int]:
        """Row → how many articles the reader reads there, less one, where that is not zero (of ``nums`` only,
        when given): a split's pieces add, an article merged into another is -1."""
        out: dict[int, int] = {}
        for n, reading in self.corrected_readings().items():
            extra = -1 if reading.gone else len(reading.pieces) - 1 if reading.pieces else 0
            if extra and (nums is None or n in nums):
                out[n] = extra
        return out

    def _merged_away(self) -> Rows:
        """The articles the reader merged into others: in no answer (the articles they joined hold their text)."""
        return Rows(num for num, reading in self.corrected_readings().items() if reading.gone)

    def _corrected_holding(self, term: Term) -> Rows:
        """The articles whose corrected reading holds ``term``."""
        return Rows(num for num, reading in self.corrected_readings().items() if holds(term, reading))

    def _with_corrected(self, term: Term, found: tuple[Rows, bool]) -> tuple[Rows, bool]:
        """The index's candidates of ``term`` and the articles whose corrected reading holds it (found, so exact
        stays exact)."""
        corrected = self._corrected_holding(term)
        return (found[0] | corrected, found[1]) if corrected else found

    def _term(self, term: Term, stale: bool, within: Rows | None = None) -> Rows:
        """Exactly the articles containing ``term`` in their stored text (:meth:`_stored_term`) or in their
        corrected reading; only those in ``within`` when given."""
        found = self._stored_term(term, stale, within)
        corrected = self._corrected_holding(term) if self.corrected_readings() else None
        if corrected and within is not None:
            corrected &= within
        return found | corrected if corrected else found

    def _stored_term(self, term: Term, stale: bool, within: Rows | None = None) -> Rows:
        """Exactly the articles containing ``term`` (candidates from the index, verified); only
        those in ``within`` when given."""
        cands, exact = self._candidates(term)
        if within is not None:
            cands = cands & within
        if not cands:
            return Rows()
        conn = self.library.conn
        if exact and not stale:
            self._counted_by_index(term, cands)
            return cands
        if not term.is_default:
            return self._verified(term, cands, exact)
        if not stale and not exact:
            # the index holds no deleted article: verify on its copy of the texts (C-speed find), the
            # catalogue only for rows the copy lacks
            return self._verified_on_index(term, cands)
        texts = self._text_map()
        if texts is not None and term.is_cjk_run and not exact and len(cands) <= RELEVANCE_CAP:
            needle = term.pieces[0][1]
            if self._server_side():
                # verified and counted where the texts are: one integer per hit comes back, for ranking
                counted = dict(ranking.server_counts(conn, cands, [needle], holding=needle))
                self._texts.counted = (needle, counted)
                return Rows(counted)
            # few enough to read: test in Python and keep the texts for ranking (one read instead of two)
            out = Rows()
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
            return Rows(r[0] for r in conn.execute(sql, args))
        rx = term.regex()
        return Rows(num for num, folded in conn.execute(
            "SELECT num, folded FROM article_text WHERE num IN (SELECT value FROM json_each(?))",
            (_ids_json(cands),)) if rx.search(folded))

    def _counted_by_index(self, term: Term, cands: Rows) -> None:
        """A search's hits of one CJK pair the index answers exactly, in a database server: their occurrences as
        the index knows them (a PostgreSQL index's rare pairs and counted bigrams, beside their postings), kept for
        ranking — no text read to count them. Only a pair that cannot overlap itself: the index counts every place
        a pair starts, ranking ``str.count``'s places."""
        if self._text_map() is None or not term.is_default or not term.is_cjk_run \
                or len(cands) > COUNT_WHILE_VERIFYING or not self._server_side():
            return
        needle = term.pieces[0][1]
        if len(needle) != 2 or overlaps_itself(needle):
            return
        counted, unknown = self.index.counts(cands, needle, held=True)
        if not unknown:
            self._texts.counted = (needle, counted)

    def _verified_on_index(self, term: Term, cands: Rows) -> Rows:
        """The candidates holding a default-mode ``term``, verified on the index's copy of the folded texts
        (:meth:`Index.holding`); rows the copy lacks are read from the catalogue."""
        if not term.is_cjk_run:
            return self._verified_texts(term, cands)
        needle = term.pieces[0][1]
        found: Iterable[int]
        counting = self._text_map() is not None and len(cands) <= COUNT_WHILE_VERIFYING and not overlaps_itself(needle)
        if counting and self._server_side():
            # verified and counted in one statement where the texts are: testing then counting the hits read each
            # hit's TOASTed text twice (在千 at 100,000 pages on PostgreSQL: 84 + 34 ms)
            counted = dict(ranking.server_counts(self.library.conn, cands, [needle], holding=needle))
            self._texts.counted = (needle, counted)
            return Rows(counted)
        if counting:
            # its hits will be ranked on their occurrences: counted in the same pass over the stored bytes (a
            # non-holder costs the one find it costs anyway), no text decoded again to rank them
            counted, unknown = self.index.counts(cands, needle)
            held = {num: n for num, n in counted.items() if n}
            if not unknown:
                self._texts.counted = (needle, held)
            found = held
        else:
            found, unknown = self.index.holding(cands, needle)
        return Rows(found) | self._verified_texts(term, as_rows(unknown)) if unknown else Rows(found)

    def folded_texts(self, nums: RowSet) -> Iterator[tuple[int, str]]:
        """(row, folded text) of each of ``nums``: from the index's copy, else from the catalogue. Only for rows
        known to exist (verified hits, or candidates of an index holding no deleted article)."""
        have, unknown = self.index.folded(nums)
        yield from have
        if unknown:
            yield from self.library.conn.execute(
                "SELECT num, folded FROM article_text WHERE num IN (SELECT value FROM json_each(?))",
                (_ids_json(unknown),))

    def _verified(self, term: Term, cands: Rows, exact: bool) -> Rows:
        """The candidates whose text in the term's mode holds it (``exact``: the index said so; only check
        the rows are still there)."""
        if exact:
            return self._existing(cands)
        loose = term.loose()
        options = term.loose_options if loose is not None else term.options
        found = loose.search if loose is not None else term.found_in
        if options.match is not Match.EXACT:
            return self._verified_folded(term, cands, options, lambda form: bool(found(form)))
        sure, maybe = self._prefilter(term, cands)
        return sure | Rows(num for num, form in self._forms(maybe, options) if found(form))

    def _existing(self, nums: RowSet) -> Rows:
        """Those of ``nums`` still in the catalogue."""
        return Rows(r[0] for r in self.library.conn.execute(
            "SELECT num FROM articles WHERE num IN (SELECT value FROM json_each(?))", (_ids_json(nums),)))

    def _verified_folded(self, term: Term, cands: Rows, options: SearchOptions,
                         found: Callable[[str], bool]) -> Rows:
        """:meth:`_verified` in a mode whose text is a form of the folded one: the needles of
        :meth:`_prefilter` tested in Python (C-speed ``in``) on the folded texts — the index's copy, else the
        catalogue's (on SQLite a view folding the stored parts, which ``instr`` would fold per needle) —, then
        ``found`` on the mode's form of those that may hold it."""
        sure = term.sql_sure()
        needles = term.sql_needles() + ([sure] if sure and term.sure_is_complete else [])
        anyof = term.sql_any()
        out = Rows()
        for num, folded in self.folded_texts(self._existing(cands)):
            if not all(n in folded for n in needles) or (anyof and not any(a in folded for a in anyof)):
                continue
            if (sure and sure in folded) or found(form_of_folded(folded, options)):
                out.add(num)
        return out

    def _prefilter(self, term: Term, cands: Rows) -> tuple[Rows, Rows]:
        """Exact mode, in SQL at C speed: the candidates that surely hold ``term`` and those that may (read and
        verified in Python), from ``instr`` on the stored parts (their roles and original texts)."""
        sure = term.sql_sure()
        # every one of these must be there; then at least one of the fuzzy pieces
        needles = term.sql_needles() + ([sure] if sure and term.sure_is_complete else [])
        anyof = term.sql_any()
        col = "parts"
        sql = (f"SELECT num, {'instr(' + col + ', ?) > 0' if sure else '0'} FROM articles "
               "WHERE num IN (SELECT value FROM json_each(?))" + f" AND instr({col}, ?) > 0" * len(needles))
        if anyof:
            sql += " AND (" + " OR ".join([f"instr({col}, ?) > 0"] * len(anyof)) + ")"
        args = ([sure] if sure else []) + [_ids_json(cands), *needles, *anyof]
        yes = Rows()
        maybe = Rows()
        for num, found in self.library.conn.execute(sql, args):
            (yes if found else maybe).add(num)
        return yes, maybe

    def _forms(self, nums: RowSet, options: SearchOptions) -> Iterator[tuple[int, str]]:
        """(row, text in the mode's form) of each of ``nums`` still there: from the folded text (the index's
        copy, else the catalogue's), or in exact mode from the original text (the parts as stored)."""
        if options.match is Match.EXACT:
            for num, parts in self.library.conn.execute(
                    "SELECT num, parts FROM articles WHERE num IN (SELECT value FROM json_each(?))",
                    (_ids_json(nums),)):
                yield num, form_of_original("\n\n".join(part_texts(parts)), options)
            return
        for num, folded in self.folded_texts(self._existing(nums)):
            yield num, form_of_folded(folded, options)

    def _near(self, node: Near, stale: bool, within: Rows | None, options: SearchOptions) -> Rows:
        """Articles holding every part of ``node`` within its distance: each part's articles first (the
        index and verification), then one sweep over the occurrences of each remaining text."""
        made = [make_term(p, options) for p in node.parts]
        terms = [t for t in made if t is not None]
        if not terms or len(terms) < len(made):
            return Rows()  # a part that can match nothing (punctuation alone, the unreadable 〓): nothing is near it
        acc = within
        for t in terms:
            acc = self._term(t, stale, acc)
            if not acc:
                return Rows()
        if acc is None:
            return Rows()
        if len(terms) < 2:
            return acc
        readings = self.corrected_readings()
        corrected = Rows(num for num, reading in readings.items() if num in acc and
                         near_found(reading.form(options), terms, node.distance))
        stored = Rows(num for num, form in self._forms(acc, options) if near_found(form, terms, node.distance))
        return corrected | stored

    def _where(self, filters: Sequence[Filter]) -> tuple[list[str], list[Any]]:
        conds: list[str] = []
        args: list[Any] = []
        for f in filters:
            v = f.value.strip()
            if f.field == "publication":
                # folded like the text: publication:人民日報 finds 人民日报
                conds.append(self._folded_in("p.name", "i.publication_id", "SELECT id, name FROM publications",
                                             fold_query(v), args, few=True))
            elif f.field == "kind":
                conds.append("a.kind = ?")
                args.append(kind_of(v))
            elif f.field == "article":
                conds.append("a.id = ?")
                args.append(v)
            elif f.field == "issue":
                conds.append("i.id = ?")
                args.append(_int(v, f))
            elif f.field == "date" and v.lower() in NO_DATE:
                conds.append("i.date = ''")
            elif f.field == "date":
                lo, hi = _date_range(v)
                if lo:
                    conds.append("i.date >= ?")
                    args.append(lo)
                if hi:
                    conds.append("i.date <= ?")
                    args.append(hi)
                conds.append("i.date != ''")
            elif f.field == "headline":
                conds.append(self._folded_in("coalesce(a.headline, '')", "a.num",
                                             "SELECT num, headline FROM articles WHERE headline IS NOT NULL",
                                             fold_query(v), args))
        return conds, args

    def _filtered(self, filters: Sequence[Filter]) -> Rows:
        """The articles every one of ``filters`` admits (SQL on the catalogue: :meth:`_filter_sql`; filters on the
        issue alone: :meth:`_issue_rows`)."""
        if filters and all(f.field in ISSUE_FIELDS for f in filters):
            return self._issue_rows(filters)
        sql, args = self._filter_sql(filters)
        rows = Rows(r[0] for r in self.library.conn.execute(sql, args))
        kinds = {kind_of(f.value) for f in filters if f.field == "kind"}
        return self._kinds_as_read(rows, filters, kinds) if kinds else rows

    def _read_kinds(self) -> dict[int, frozenset[str]]:
        """Row → the kinds of the reader's articles its lines are read in, of the few rows the corrections read as
        pieces (a merge, a split, a move): the catalogue's "本版责编…" (furniture) merged with the report under it is
        an article (``corrections.store.merged_kind``)."""
        return {n: frozenset(p.kind for p in r.pieces if p.kind) for n, r in self.corrected_readings().items()
                if r.pieces and any(p.kind for p in r.pieces)}

    def _kinds_as_read(self, rows: Rows, filters: Sequence[Filter], kinds: set[str]) -> Rows:
        """``rows`` — what ``filters`` admit by the catalogue's kinds (SQL) — with the rows read as pieces of
        another kind than the catalogue's (:meth:`_read_kinds`: few) admitted by their pieces' kinds: left out when
        no piece is of each of ``kinds``, let in when their pieces are and the other filters admit them. A row whose
        pieces differ among themselves is admitted when one is; each piece is then tested on its own kind
        (:meth:`_filter_test`), as the list and the total count them."""
        read = self._read_kinds()
        if not read:
            return rows
        catalogue = self._summary(Rows(read))
        differ = [n for n, of in read.items() if n in catalogue and of != {catalogue[n][4]}]
        if not differ:
            return rows
        others = [f for f in filters if f.field != "kind"]
        held = self._filtered(others) if others else None
        for n in differ:
            if kinds <= read[n] and (held is None or n in held):
                rows.add(n)
            else:
                rows.discard(n)
        return rows

    def _issue_rows(self, filters: Sequence[Filter]) -> Rows:
        """The articles of the issues ``filters`` admit (publication, date, issue), an issue's rows at a time: an
        import stores an issue's articles one after another, so each admitted issue whose rows run without a gap
        (its first and last row and its count, read from the indexes) is one range of the bitmap; the rows of the
        others are listed. Listing every admitted row cost a Python tuple per article (a publication's 145,000
        articles at 100,000 pages: 53 ms, against 12 ms)."""
        where, args = self._where(filters)
        conn = self.library.conn
        out = Rows()
        scattered: list[int] = []
        for issue, first, last, count in conn.execute(
                "SELECT i.id, (SELECT min(num) FROM articles WHERE issue_id = i.id), "
                "(SELECT max(num) FROM articles WHERE issue_id = i.id), "
                "(SELECT count(*) FROM articles WHERE issue_id = i.id) FROM issues i WHERE " + " AND ".join(where),
                args):
            if not count:
                continue
            if last - first + 1 == count:
                out.add_range(first, last + 1)
            else:
                scattered.append(issue)
        if scattered:
            out |= Rows(r[0] for r in conn.execute(
                "SELECT num FROM articles WHERE issue_id IN (SELECT value FROM json_each(?))", (_ids_json(scattered),)))
        return out

    def _filter_sql(self, filters: Sequence[Filter]) -> tuple[str, list[Any]]:
        """The statement selecting the rows every one of ``filters`` admits, joining only the tables a filter needs.
        With a ``page:`` filter it starts from the pages so numbered (``pages_number``) and their articles
        (``article_pages``), joins the pages' issue for a date, publication or issue filter (an article's pages are
        in its issue) and the article for a filter on the article itself (kind, id, headline): reading every
        article's page list took 60–110 ms at 54,000 articles whatever the filter admitted; page:1 (6,754
        articles) now takes 2 ms."""
        pages = [_page_range(f.value, f) for f in filters if f.field == "page"]
        others = [f for f in filters if f.field != "page"]
        where, args = self._where(others)
        if not pages:
            join = " JOIN issues i ON i.id = a.issue_id" if any(f.field in ISSUE_FIELDS for f in others) else ""
            return "SELECT a.num FROM articles a" + join + " WHERE " + " AND ".join(where), args
        sql = "SELECT ap.article_num FROM pages g JOIN article_pages ap ON ap.page_id = g.id"
        if any(f.field in ISSUE_FIELDS for f in others):
            sql += " JOIN issues i ON i.id = g.issue_id"
        if any(f.field in ARTICLE_FIELDS for f in others):
            # the article's issue is its pages' (always): kind:X is then looked up in articles_kind, no row read
            sql += " JOIN articles a ON a.num = ap.article_num AND a.issue_id = g.issue_id"
        conds = ["g.number BETWEEN ? AND ?"] + [f"ap.article_num IN ({ON_PAGES})"] * (len(pages) - 1)
        page_args = [n for lo_hi in pages for n in lo_hi]
        return sql + " WHERE " + " AND ".join(conds + where), page_args + args

    def _folded_in(self, text: str, key: str, rows_sql: str, needle: str, args: list[Any], few: bool = False) -> str:
        """A condition: the folded ``text`` holds ``needle``. SQLite folds in SQL (a Python function
        registered on the connection); PostgreSQL cannot call Python, so the (short) texts are read by
        ``rows_sql`` as (key, text), folded here, and the ``key``s that hold it sent back. So are ``few`` texts
        on SQLite too (the publications' names): folded once each, not once per article joined (~200 ms at
        54,000 articles)."""
        conn = self.library.conn
        if isinstance(conn, sqlite3.Connection) and not few:
            conn.create_function("bs_fold", 1, fold_text, deterministic=True)
            args.append(needle)
            return f"instr(bs_fold({text}), ?) > 0"
        keys = [k for k, text in conn.execute(rows_sql) if needle in fold_text(text or "")]
        args.append(_ids_json(keys))
        return f"{key} IN (SELECT value FROM json_each(?))"

    def _matching(self, query: str, filters: Sequence[Filter],
                  options: SearchOptions = SearchOptions()) -> tuple[Node | None, Rows]:
        """The parsed query (less what holds nothing searchable: :func:`prepare`) and EXACTLY the catalogue rows of
        the articles it matches."""
        node = prepare(query, options).node
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
        gone = self._merged_away()
        if rest is None:
            found = filtered if filtered is not None else self._universe()
            return node, found - gone if gone else found
        if filtered is not None and not filtered:
            return node, Rows()
        self._texts.candidates = {}
        try:
            found = self._eval(rest, self._stale_possible(), filtered, options)
        finally:
            self._texts.candidates = None
        found = found | self._pieces_elsewhere(rest, found, filtered, options)
        gone = gone | Rows(n for n, held in self._pieces_matching(rest, found, options).items() if not held)
        return node, found - gone if gone else found

    def _matching_kept(self, query: str, filters: Sequence[Filter],
                       options: SearchOptions) -> tuple[Node | None, Rows]:
        """:meth:`_matching`, kept for the next question about the same query on this thread while the catalogue
        is unchanged: the window asks for a page, then its facets, the next page, every article found — each
        evaluated the query again (中国人民: ~40 ms of verification at 10,000 pages). The rows are shared:
        callers only read them. What verifying counted is kept with them (the next page is ranked on it too)."""
        conn = self.library.conn
        key = (query, tuple(filters), options, conn.execute("PRAGMA data_version").fetchone()[0],
               conn.total_changes, id(conn))
        kept = getattr(self._kept, "last", None)
        if kept is not None and kept[0] == key:
            if self._text_map() is not None and getattr(self._texts, "counted", None) is None:
                self._texts.counted = kept[2]  # within a search, as verifying would have set it
            return kept[1]  # type: ignore[no-any-return]
        found = self._matching(query, filters, options)
        self._kept.last = (key, found, getattr(self._texts, "counted", None))
        return found

    def _summary(self, nums: RowSet) -> ranking.ArticleInfo:
        """num → (date, first page, position, publication, kind, chars) of (at least) each of ``nums`` that
        exists: the table of every article when :meth:`prepare` keeps one, else read for these rows only (from
        the covering index ``articles_summary``): a search in a new process reads nothing per article of the
        library, only per hit."""
        if not self._prepared and len(nums) * SUMMARY_SHARE >= self.article_bound():
            # hits are a large share of the library (facets of a common word): the table of every article costs
            # no more than theirs, and is kept for the next searches
            self._prepared = True
        if self._prepared:
            return self._articles()
        if not nums:
            return {}
        rows = self.library.conn.execute(self._summary_sql(), (_ids_json(nums),))
        return {r[0]: (r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows}

    def _summary_sql(self) -> str:
        """The statement :meth:`_summary` reads some rows' summaries with (one parameter: their nums as JSON): from
        the covering index ``articles_rank`` when the catalogue has it (a read-only library of an older version may
        not), not from the articles' wide rows."""
        sql = self._cache.get("summary_sql")
        if sql is None:
            ranked = self.library.schema_versions().get("catalogue", 0) >= RANK_INDEX_VERSION
            sql = ("SELECT a.num, i.date, coalesce(a.first_page, 0), a.seq, p.name, a.kind, a.chars FROM articles a "
                   + ("INDEXED BY articles_rank " if ranked else "")
                   + "JOIN issues i ON i.id = a.issue_id JOIN publications p ON p.id = i.publication_id "
                   "WHERE a.num IN (SELECT value FROM json_each(?))")
            self._cache["summary_sql"] = sql
        return sql

    def _by_date(self, nums: RowSet, end: int | None) -> list[int]:
        """``nums`` in date order (date, first page, position on the page, row), the first ``end`` of them only
        when ``end`` is given. Many hits: the catalogue's date order is walked until enough of them came by
        (:data:`ranking.DATE_WALK` — a one-character query's first page reads a few dozen rows); fewer: the
        hits alone are sorted in SQL."""
        if self._prepared:
            return ranking.by_date(nums, end, *self._date_order())
        conn = self.library.conn
        bound = self.article_bound() if end is not None else 0
        if end is not None and nums and ranking.walk_pays(len(nums), end, bound):
            # rows walked at most: 4 × those a page of hits spread evenly takes; hits gathered late in the date order
            # (a date filter's) are sorted below instead (一个 date:2011 walked 333,000 rows at 100,000 pages)
            budget = 4 * end * bound // len(nums) + ranking.DATE_WALK_SLACK
            got = list(islice(filter(nums.__contains__, self._date_stream(budget)), end))
            if len(got) == end or budget > bound:
                return got
        args: list[Any] = [_ids_json(nums)] if end is None else [_ids_json(nums), end]
        return [r[0] for r in conn.execute(self._date_sort_sql(end is not None), args)]

    def _date_sort_sql(self, limited: bool) -> str:
        """The statement :meth:`_by_date` sorts hits with (their nums as JSON, and the limit when ``limited``): from
        the covering index ``articles_rank`` when the catalogue has it, as :meth:`_summary_sql` — each hit's row
        in the articles' table is a wide row of its own (its parts and spans), ~10,000 scattered pages for a date
        filter's hits at 10,000 pages read from disk."""
        sql = self._cache.get("date_sort_sql")
        if sql is None:
            ranked = self.library.schema_versions().get("catalogue", 0) >= RANK_INDEX_VERSION
            sql = ("SELECT a.num FROM articles a " + ("INDEXED BY articles_rank " if ranked else "")
                   + "JOIN issues i ON i.id = a.issue_id WHERE a.num IN (SELECT value FROM json_each(?)) "
                   "ORDER BY i.date, coalesce(a.first_page, 0), a.seq, a.num")
            self._cache["date_sort_sql"] = sql
        return sql + " LIMIT ?" if limited else sql

    def _articles(self) -> dict[int, tuple[str, int, int, str, str, int]]:
        """num → (date, first page, position, publication, kind, chars) of every article, cached per catalogue
        state (only for a prepared searcher: :meth:`prepare`)."""
        conn = self.library.conn
        state = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes, id(conn))
        cached = self._cache.get("articles")
        if cached is not None and cached[0] == state:
            return cached[1]  # type: ignore[no-any-return]
        rows = conn.execute(
            "SELECT a.num, i.date, coalesce(a.first_page, 0), a.seq, p.name, a.kind, a.chars FROM articles a "
            "JOIN issues i ON i.id = a.issue_id JOIN publications p ON p.id = i.publication_id")
        info = {r[0]: (r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows}
        self._cache["articles"] = (state, info)
        return info

    def _date_order(self) -> tuple[dict[int, int], list[int]]:
        """Every article in date order, and num → its rank there (:func:`ranking.date_order`); cached with
        :meth:`_articles`."""
        info = self._articles()
        cached = self._cache.get("date_order")
        if cached is not None and cached[0] is info:
            return cached[1]  # type: ignore[no-any-return]
        found = ranking.date_order(info)
        self._cache["date_order"] = (info, found)
        return found

    def article_bound(self) -> int:
        """An upper bound of the number of articles (the largest row: an index lookup, not a count)."""
        return int(self.library.conn.execute("SELECT coalesce(max(num), 0) FROM articles").fetchone()[0])

    def _page_on_counts(self, nums: RowSet, terms: Sequence[Term], end: int | None) -> \
            tuple[dict[int, float], list[int]] | None:
        """(every hit's score, the first ``end`` hits in relevance order — and those tied with the last) when the hits
        were counted while verifying and the index records each one's length: scored without the catalogue, whose
        summaries (the order of equal scores) are then read for that page only, not for every hit (a rare pair's
        2,096 hits at 100,000 pages, cold: 127 ms of the search's 240). None: ranked on every hit's summary — a
        corrected reading among the hits (it may score higher), a length not recorded (an index written before), a
        hit the catalogue no longer holds, or a page no shorter than the hits."""
        counted = self._counted_literal(nums, terms)
        if counted is None or end is None or end >= len(nums) or len(nums) > RELEVANCE_CAP \
                or any(n in nums for n in self.corrected_readings()):
            return None
        lengths = self.index.chars(nums)
        if len(lengths) < len(nums):
            return None
        scores = {n: ranking.per_length(counted[n], lengths[n]) for n in nums}
        by_score = sorted(nums, key=scores.__getitem__, reverse=True)
        edge = scores[by_score[end - 1]]
        chosen = list(takewhile(lambda n: scores[n] >= edge, by_score))
        info = self._summary(Rows(chosen))
        if any(n not in info for n in chosen):
            return None
        return scores, sorted(chosen, key=lambda n: (-scores[n], *info[n][:3], n))[:end]

    def _counted_literal(self, nums: RowSet, terms: Sequence[Term]) -> dict[int, int] | None:
        """Each hit's occurrences of the query's one literal, as verifying counted them (:meth:`_verified_on_index`),
        when that is what relevance counts and the texts were not decoded instead; else None."""
        texts = self._text_map()
        if texts is not None and all(n in texts for n in nums):
            return None  # ranked on the decoded texts (:meth:`_stored_scores`)
        counted = getattr(self._texts, "counted", None)
        if counted is None or not terms or not all(t.is_default for t in terms) \
                or [counted[0]] != ranking.literals_of(terms) or not all(n in counted[1] for n in nums):
            return None
        return counted[1]  # type: ignore[no-any-return]

    def _scores(self, nums: RowSet, terms: Sequence[Term], info: ranking.ArticleInfo) -> dict[int, float]:
        """Relevance of each of ``nums`` on its stored text (:meth:`_stored_scores`), or on its corrected reading
        where that scores higher (a word only the correction holds)."""
        scores = self._stored_scores(nums, terms, info)
        readings = self.corrected_readings()
        corrected = [(n, readings[n].folded) for n in readings if n in nums]
        for n, score in ranking.scores(corrected, terms, info).items() if corrected else ():
            scores[n] = max(score, scores.get(n, 0.0))
        return scores

    def _stored_scores(self, nums: RowSet, terms: Sequence[Term], info: ranking.ArticleInfo) -> dict[int, float]:
        """Relevance of each of ``nums`` (:func:`ranking.scores`) on their folded texts: those read while
        verifying when they are all there, else read again (the index's copy, the catalogue) — except on a
        database server (PostgreSQL), where the default-mode literals are counted in the server and one integer
        per hit comes back (:func:`ranking.server_counts`), scaled by the same formula."""
        texts = self._text_map()
        if texts is not None and all(n in texts for n in nums):
            return ranking.scores(((n, texts[n]) for n in nums), terms, info)
        counted = self._counted_literal(nums, terms)
        if counted is not None:
            # counted while verifying (a literal that cannot overlap itself: its places are str.count's count)
            return ranking.scaled(((n, counted[n]) for n in nums), info)
        if self._server_side() and all(t.is_default for t in terms):
            return ranking.scaled(ranking.server_counts(self.library.conn, nums, ranking.literals_of(terms)), info)
        return ranking.scores(self.folded_texts(nums), terms, info)

    def _server_side(self) -> bool:
        """Whether the texts are in a database server (PostgreSQL): then they are counted and tested there,
        not shipped here (SQLite's are in this process's memory map: ``str.count`` over them is faster)."""
        return not getattr(self.library.conn, "python_functions", True)

    def _text_map(self) -> dict[int, str] | None:
        """num → folded text read during the current :meth:`search` (None outside one)."""
        return getattr(self._texts, "map", None)

    def _facets(self, nums: RowSet, pieces: Mapping[int, Sequence[int]] | None = None) -> dict[str, dict[str, int]]:
        """Hits per publication, year and kind, counted at C speed (a Python step per hit cost the window
        ~40 ms for a common word's 44,000 hits at 10,000 pages); an article read as pieces counts the pieces that
        match (``pieces``: :meth:`_pieces_matching`), as the list and the total do."""
        out: dict[str, dict[str, int]] = {}
        readings = self.corrected_readings() if pieces else {}
        for name, column in zip(("publication", "year", "kind"), self._facet_columns(nums), strict=True):
            counts = Counter(map(column.__getitem__, filter(column.__contains__, nums)))
            for n, found in (pieces or {}).items():
                if n in column and len(found) > 1:
                    counts[column[n]] += len(found) - 1
                if name == "kind" and n in column and n in readings:  # each piece under its own kind
                    for i in found:
                        kind = readings[n].pieces[i].kind or column[n]
                        if kind != column[n]:
                            counts[column[n]] -= 1
                            counts[kind] += 1
            out[name] = dict(sorted(((k, v) for k, v in counts.items() if v > 0), key=lambda kv: (-kv[1], kv[0])))
        return out

    def _facet_columns(self, nums: RowSet) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
        """num → publication, year, kind: of every article (kept with the table of a prepared searcher), else
        of ``nums``."""
        info = self._summary(nums)
        cached = self._cache.get("facet_columns")
        if cached is not None and cached[0] is info:
            return cached[1]  # type: ignore[no-any-return]
        columns = ({n: v[3] for n, v in info.items()}, {n: v[0][:4] for n, v in info.items()},
                   {n: v[4] for n, v in info.items()})
        if self._prepared:
            self._cache["facet_columns"] = (info, columns)
        return columns

    def _hits(self, order: list[tuple[int, int | None]], scores: dict[int, float], terms: list[Term],
              options: SearchOptions) -> list[Hit]:
        """The hits of ``order``'s (row, piece) entries: an article, or the piece of one the reader reads as pieces
        (:attr:`CorrectedReading.pieces`, listed under its own key, its places in its own reading)."""
        if not order:
            return []
        rows = {r[0]: r for r in self.library.conn.execute(
            "SELECT a.num, a.id, a.headline, p.name, i.date, a.first_page, a.kind, a.issue_id, a.parts, a.spans, "
            f"({OWN_PAGE_LABEL}) "
            "FROM articles a JOIN issues i ON i.id = a.issue_id JOIN publications p ON p.id = i.publication_id "
            "WHERE a.num IN (SELECT value FROM json_each(?))", (_ids_json([n for n, _ in order]),))}
        hits = []
        readings = self.corrected_readings()
        for n, piece_index in order:
            _, article_id, headline, publication, date, first_page, kind, issue_id, parts, spans, label = rows[n]
            # an article read corrected: its places and snippet in the corrected reading, as the reader sees it —
            # unless only the OCR's reading holds the words (a word the correction replaced): then in that one
            reading = readings.get(n)
            stored: Sequence[StoredPart] = stored_parts(parts, spans)
            pieced = reading is not None and piece_index is not None
            if reading is not None and piece_index is not None:  # listed as the reader reads it: key and headline
                piece = reading.pieces[piece_index]
                article_id, headline, kind = piece.key, piece.headline, piece.kind or kind
                reading, stored = piece.reading, piece.original.parts
            located = _locate(reading.parts, terms, options) if reading is not None else None
            in_reading = located is not None and (not terms or bool(located[1]))
            if not in_reading:
                located = _locate(stored, terms, options)
            assert located is not None
            matches, part_hits, snippet, marks = located[1:]
            if reading is not None and not pieced:  # a headline the reader corrected is the one listed
                headline = reading.headline_for(headline, stored)
            hits.append(Hit(article=article_id, headline=headline, publication=publication, date=date,
                            page=first_page, score=scores.get(n, 0.0), snippet=snippet, matches=matches,
                            parts=part_hits, kind=kind, issue_id=issue_id, snippet_matches=marks,
                            corrected=in_reading, as_read=reading is not None and not in_reading,
                            page_label=label))
        return hits
