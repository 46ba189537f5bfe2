"""A common string's first page without its postings (``Searcher._common_run``): one CJK string the index holds
as one exact term, in more articles than relevance ranks, is totalled from the term's document frequency and its
page found by walking the date order over the index's copy of the texts. Every answer equals the general way's
(postings decoded, hits sorted) and brute force, hit for hit; where the walk cannot answer (a rare string, hits
gathered late in the date order, an index holding deleted documents) the general way answers."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.index import store as sindex
from reader.library.catalogue import Library, StoreMeta
from reader.model.document import Article, Document, Line, Page, Part, Span
from reader.search import engine, ranking
from reader.search.engine import Searcher
from reader.text.forms import fold_query, fold_text

ALPHABET = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会发展经济"


def _store(lib: Library, n: int, text: str, sha: str = "1") -> None:
    line = Line("l", text)
    doc = Document(source=f"/{n}", format="text", pages=[Page(number=1 + n % 3, lines=[line])],
                   articles=[Article("a", parts=[Part("paragraph", text, [Span(0, len(text), "l", 0)])])])
    # dates out of row order, several articles a day: the date order is not the rows' order
    lib.store_document(doc, StoreMeta("P", f"{1950 + (n * 7) % 40}-01-{1 + n % 28:02d}"), path=f"/{n}", sha256=sha)


@pytest.fixture(params=["sqlite", "postgres"])
def library(request: pytest.FixtureRequest, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Library, dict[int, str]]]:
    """The same articles in a library folder and in a PostgreSQL library (its index keeps every term's count:
    the walk answers there too, its texts tested in the database)."""
    rng = random.Random(7)
    if request.param == "sqlite":
        lib = Library(tmp_path)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        lib = Library.open(request.getfixturevalue("pg_url"))
    texts: dict[int, str] = {}
    for n in range(240):
        text = "".join(rng.choices(ALPHABET, k=rng.randint(20, 120)))
        # Latin words: the word alone, glued to CJK, after an underscore (a word edge), inside a longer word
        text += rng.choice(["", " Covid ", "covid中国", " x_COVID", " covid19 ", " Covid-19", " covids"])
        if (n * 7) % 40 >= 37:  # the last three years of dates alone hold 龘
            text += "龘"
        texts[n] = text
        _store(lib, n, text)
    sindex.sync(lib)
    yield lib, texts
    lib.close()


def _answers(s: Searcher, query: str, **kw: Any) -> tuple[int, list[tuple[str, float, str, Any]], str]:
    r = s.search(query, **kw)
    return r.total, [(h.article, h.score, h.snippet, h.matches) for h in r.hits], r.ranked_by


def _holds(text: str, query: str) -> bool:
    """Brute force: a CJK query is a substring of the folded text, a Latin one a whole word of it."""
    folded, needle = fold_text(text), fold_query(query)
    if needle.isascii():
        return needle in re.split(r"[^a-z0-9]+", folded)
    return needle in folded


PAGES: tuple[dict[str, Any], ...] = ({"limit": 20}, {"limit": 7, "offset": 13}, {"limit": 20, "sort": "date"})


def _compare(s: Searcher, queries: list[str], texts: dict[int, str], monkeypatch: pytest.MonkeyPatch,
             pages: tuple[dict[str, Any], ...] = PAGES) -> int:
    """Each query's pages by both ways; how many the common-run way answered."""
    answered = 0
    real = Searcher._common_run

    def spy(self: Searcher, *a: Any) -> Any:
        nonlocal answered
        found = real(self, *a)
        answered += found is not None
        return found

    for q in queries:
        for kw in pages:
            monkeypatch.setattr(Searcher, "_common_run", spy)
            fast = _answers(s, q, **kw)
            monkeypatch.setattr(Searcher, "_common_run", lambda self, *a: None)
            assert fast == _answers(s, q, **kw), (q, kw)
            assert fast[0] == sum(_holds(t, q) for t in texts.values()), q
    monkeypatch.setattr(Searcher, "_common_run", real)
    return answered


@pytest.mark.parametrize("prepared", [False, True])
def test_a_common_strings_page_equals_the_general_ways(library: tuple[Library, dict[int, str]],
                                                       monkeypatch: pytest.MonkeyPatch, prepared: bool) -> None:
    lib, texts = library
    monkeypatch.setattr(engine, "RELEVANCE_CAP", 10)
    with Searcher(lib) as s:
        if prepared:
            s.prepare()
        # characters in either script, a frequent bigram, Latin words: answered by the walk
        assert _compare(s, ["的", "是", "發", "发展", "covid", "COVID"], texts, monkeypatch) == 18
        # a string held by no one term (the general way verifies it), or by too few articles
        assert _compare(s, ["的一是"], texts, monkeypatch) == 0
        monkeypatch.setattr(engine, "WALK_TEXTS", 16)
        monkeypatch.setattr(engine, "WALK_CHUNK", 8)
        assert _compare(s, ["龘"], texts, monkeypatch) == 0
        # a page of one hit of a string its articles hold late in the date order: the walk gives up after
        # 4 × the texts it expected to read (13 here); the one of a string held early does not
        one = ({"limit": 1}, {"limit": 1, "sort": "date"})
        assert _compare(s, ["龘"], texts, monkeypatch, one) == 0
        assert _compare(s, ["的"], texts, monkeypatch, one) == 2
        # with facets, filters or every hit asked for, the general way answers: the hits are the same
        assert s.search("的", limit=5, facets=True).total == s.search("的", limit=5).total
        assert [h.article for h in s.search("的 page:1", limit=5).hits] == \
               [h.article for h in s.search("的", limit=None, sort="date").hits
                if h.page == 1][:5]


def test_an_index_holding_deleted_documents_is_answered_the_general_way(
        library: tuple[Library, dict[int, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    lib, texts = library
    monkeypatch.setattr(engine, "RELEVANCE_CAP", 10)
    for n in range(0, 240, 5):  # replaced: the index deletes their old documents (until a merge drops them)
        texts[n] = "的" * 3
        _store(lib, n, texts[n], sha="2")
    sindex.sync(lib)
    with Searcher(lib) as s:
        if lib.kind == "postgres":  # its counts are kept by the writers, deletions included: still exact
            assert s.index.exact_count(sindex.cjk_terms("的")[0][0]) == sum("的" in t for t in texts.values())
            assert _compare(s, ["的", "是"], texts, monkeypatch) == 6
            return
        assert s.index.exact_count(sindex.cjk_terms("的")[0][0]) is None
        assert _compare(s, ["的", "是"], texts, monkeypatch) == 0


def test_hits_gathered_late_in_the_date_order_are_sorted_not_walked_to(
        library: tuple[Library, dict[int, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """A date walk over the catalogue reads at most 4 × the rows a page of evenly spread hits takes (plus
    ``DATE_WALK_SLACK``); hits held only late in the date order (a date filter's) are then sorted on their own:
    the same page either way."""
    lib, texts = library
    monkeypatch.setattr(ranking, "DATE_WALK_SLACK", 0)
    with Searcher(lib) as s:
        for query in ("龘", "的 date:1987..1989"):
            every = [h.article for h in s.search(query, limit=None, sort="date").hits]
            assert len(every) > 5
            for offset, limit in ((0, 1), (2, 3), (0, 20)):
                page = s.search(query, limit=limit, offset=offset, sort="date").hits
                assert [h.article for h in page] == every[offset:offset + limit], (query, offset)


def test_a_page_of_hits_in_date_order_is_walked_to_when_that_reads_fewer_rows_than_sorting_them(
        library: tuple[Library, dict[int, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Sorting hits in SQL looks each up (a page of the index each, scattered: 4,612 hits of a pair at 100,000
    pages, 200 ms from a cold disk), where a walk of the date order reads rows one after another (2.6 ms): a page is
    walked to when the rows it expects to read are at most ``WALK_OVER_SORT`` times the hits, however few the
    hits are of the library; the same page either way."""
    lib, _ = library
    monkeypatch.setattr(ranking, "DATE_WALK", 0)  # the share of the library alone would sort them all
    sorted_sql: list[bool] = []
    real = Searcher._date_sort_sql

    def spy(self: Searcher, limited: bool) -> str:
        sorted_sql.append(limited)
        return real(self, limited)

    with Searcher(lib) as s:
        every = [h.article for h in s.search("的 OR 龘", limit=None, sort="date").hits]
    monkeypatch.setattr(Searcher, "_date_sort_sql", spy)
    with Searcher(lib) as s:  # a new process's (one that keeps no table of every article)
        page = [h.article for h in s.search("的 OR 龘", limit=20, sort="date").hits]
    assert page == every[:20] and sorted_sql == []
    monkeypatch.setattr(ranking, "WALK_OVER_SORT", 0)  # a walk never pays: the hits are sorted
    with Searcher(lib) as s:
        again = [h.article for h in s.search("的 OR 龘", limit=20, offset=5, sort="date").hits]
    assert again == every[5:25] and sorted_sql == [True]
