"""The same library on both kinds of database: a folder's SQLite catalogue and a PostgreSQL database.

The checks that matter run on both (the ``library`` fixture is parametrized): importing the bundled
samples gives the same articles (ids, texts) on both; annotations, collections and corrections are
kept with their version checks; a second importer is refused; a library newer than the code is refused;
``library copy`` goes both ways and a round trip gives every table back row for row. PostgreSQL's
row-level security is checked by logging in as a second researcher's role.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.annotations.store import Annotation, AnnotationConflict, AnnotationError, AnnotationStore
from reader.app.librarycopy import TABLES, copy_library, table_rows
from reader.app.samples import samples_folder
from reader.corrections.store import Correction, CorrectionStore
from reader.index import store as sindex
from reader.library.catalogue import Library, LibraryBusyError, LibraryError
from reader.library.importer import import_paths
from reader.search.engine import Searcher
from tests.pgcluster import team


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PostgreSQL library's (interim) local index folder lives in the test's own cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _open(kind: str, tmp_path: Path, request: pytest.FixtureRequest, name: str = "lib") -> Library:
    if kind == "sqlite":
        return Library(tmp_path / name)
    return Library.open(request.getfixturevalue("pg_cluster").create_database(f"{name}_{tmp_path.name[-12:]}"
                                                                                .lower().replace("-", "_")))


@pytest.fixture(params=["sqlite", "postgres"])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Library]:
    lib = _open(request.param, tmp_path, request)
    yield lib
    lib.close()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def imported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The bundled samples imported into a library of each kind once, for the checks that only read it (each
    imported them into a library of its own: ~3 s a check and kind)."""
    folder = tmp_path_factory.mktemp(f"imported_{request.param}")
    monkey = pytest.MonkeyPatch()
    monkey.setenv("XDG_CACHE_HOME", str(folder / "cache"))
    lib = _open(request.param, folder, request, name="imported")
    try:
        import_paths(lib, [samples_folder()])
        yield lib
    finally:
        lib.close()
        monkey.undo()


@pytest.fixture(scope="module")
def sample_articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    """id → (text, folded) of the bundled samples imported into a SQLite library: what both kinds must give."""
    lib = Library(tmp_path_factory.mktemp("reference") / "lib")
    import_paths(lib, [samples_folder()])
    out = {a.id: (lib.article(a.id).text, lib.folded_text(a.id)) for a in lib.articles()}
    lib.close()
    return out


def _articles(lib: Library) -> dict[str, tuple[str, str]]:
    return {a.id: (lib.article(a.id).text, lib.folded_text(a.id)) for a in lib.articles()}


def test_the_samples_give_the_same_articles_on_both_kinds(library: Library,
                                                          sample_articles: dict[str, tuple[str, str]]) -> None:
    report = import_paths(library, [samples_folder()])
    assert not report.failed
    assert _articles(library) == sample_articles
    again = import_paths(library, [samples_folder()])  # unchanged files: nothing re-imported
    assert not again.imported and _articles(library) == sample_articles
    stats = library.stats()
    assert stats["articles"] == len(sample_articles) and stats["unindexed"] == 0


QUERIES = ["日", "中國", "und", '"in der"', "Aufklärung", "publication:晶报 日", "publication:luxemburger und",
           "publication:晶報 headline:英法", "headline:蘇聯", "kind:article", "page:1..2 und", "page:2 日",
           "date:1939 蘇聯", "Zeit*", "蘇聯 OR 英國", "日 -蘇聯", "日 NEAR/3 晶報"]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    lib = Library(tmp_path_factory.mktemp("reference-search") / "lib")
    import_paths(lib, [samples_folder()])
    yield lib
    lib.close()


def test_a_first_page_by_date_is_the_same_on_both_kinds(imported: Library, reference: Library) -> None:
    """A new process's first page by date walks the catalogue's date order in SQL (``Searcher._by_date``,
    ranking.DATE_WALK) until the page is filled: the same SQL must run on PostgreSQL (SQLite's ``CROSS JOIN …
    ON`` does not) and give SQLite's order. Fresh searchers: a searcher that has read every hit's summary keeps
    the date order in memory instead."""
    library = imported  # the samples imported once for the checks that only read them
    for query in QUERIES:
        for offset in (0, 3):
            with Searcher(reference) as ref, Searcher(library) as got:
                expected = [h.article for h in ref.search(query, limit=3, offset=offset, sort="date").hits]
                assert [h.article for h in got.search(query, limit=3, offset=offset, sort="date").hits] == expected


def test_search_reads_the_same_catalogue_on_both_kinds(imported: Library, reference: Library) -> None:
    """The search engine's SQL (filters, verification in every match mode) on PostgreSQL finds what it
    finds on SQLite, in the same order; so do the concordance and the timeline."""
    from reader.search.concordance import concordance
    from reader.search.query import Match, SearchOptions
    from reader.search.timeline import timeline

    library = imported  # the samples imported once for the checks that only read them
    modes = [SearchOptions(), SearchOptions(Match.EXACT), SearchOptions(Match.VARIANTS, True)]
    with Searcher(reference) as ref, Searcher(library) as got:
        for query in QUERIES:
            for options in modes:
                expected = ref.matching_ids(query, options=options)
                assert got.matching_ids(query, options=options) == expected, (query, options)
                assert [h.article for h in got.search(query, limit=None, sort="date", options=options).hits] == \
                    [h.article for h in ref.search(query, limit=None, sort="date", options=options).hits]
        assert all(ref.matching_ids(q) for q in QUERIES[:-1])  # every query finds something
        for query in ("日", "und"):
            assert [(c.article, c.left, c.match, c.right) for c in concordance(got, query).lines] == \
                [(c.article, c.left, c.match, c.right) for c in concordance(ref, query).lines]
            assert timeline(got, query).to_json() == timeline(ref, query).to_json()


def test_a_capped_concordance_is_the_same_on_both_kinds(imported: Library, reference: Library,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A capped concordance (the window's first lines) counts a common word where the texts are (PostgreSQL: in the
    server) and walks the issues in date order for its first lines: the same lines, total and articles as SQLite."""
    from reader.search import concordance as conc
    from reader.search import ranking

    library = imported  # the samples imported once for the checks that only read them
    counted_in_texts: list[str] = []
    server_counts = ranking.server_counts

    def spy(conn: Any, nums: Any, literals: Any, holding: Any = None) -> Any:
        counted_in_texts.extend(literals)
        return server_counts(conn, nums, literals, holding)

    monkeypatch.setattr(ranking, "server_counts", spy)
    with Searcher(reference) as ref, Searcher(library) as got:
        for at_once in (0, conc.ORDER_AT_ONCE):
            monkeypatch.setattr(conc, "ORDER_AT_ONCE", at_once)
            for query in ("日", "中国", "人民 -日报", "und", "的"):
                want, have = conc.concordance(ref, query, cap=5), conc.concordance(got, query, cap=5)
                assert (have.lines, have.total, have.articles) == (want.lines, want.total, want.articles), query
                assert want.total >= 5
    if getattr(library, "kind", None) == "postgres":
        # the counted bigrams' occurrences came from the index's counts, the others' from the texts in the server
        assert "日" in counted_in_texts and not {"中国", "人民"} & set(counted_in_texts)


def _brute_rows(lib: Library) -> dict[str, dict[str, Any]]:
    """Each article's pages (its own ``pages`` list), date, publication, kind, issue and folded text, read
    row by row: what the filters are checked against."""
    rows = lib.conn.execute(
        "SELECT a.id, a.pages, i.date, p.name, a.kind, a.issue_id FROM articles a JOIN issues i ON i.id = a.issue_id "
        "JOIN publications p ON p.id = i.publication_id").fetchall()
    return {r[0]: {"pages": set(json.loads(r[1])), "date": r[2], "pub": r[3], "kind": r[4], "issue": r[5],
                   "folded": lib.folded_text(r[0])} for r in rows}


def test_filters_match_brute_force_on_both_kinds(imported: Library) -> None:
    """``page:`` (from the pages' index and ``article_pages``: an article on pages 2 and 3 is on page:3) and the
    other filters, alone, together, with common terms and under OR/NOT, find exactly what reading every article's
    own row finds, on both kinds."""
    library = imported  # the samples imported once for the checks that only read them
    rows = _brute_rows(library)
    spanning = [k for k, r in rows.items() if r["pages"] == {2, 3}]
    assert spanning  # the Luxemburger Zeitung holds an article running from page 2 onto page 3
    issue = rows[spanning[0]]["issue"]

    def on(lo: int, hi: int) -> set[str]:
        return {k for k, r in rows.items() if any(lo <= n <= hi for n in r["pages"])}

    def where(test: Any) -> set[str]:
        return {k for k, r in rows.items() if test(r)}

    ri = where(lambda r: "日" in r["folded"])
    with Searcher(library) as searcher:
        und = searcher.matching_ids("und")  # a word (its matching is checked elsewhere): the filters are checked here
    lux = where(lambda r: "luxemburger" in r["pub"].lower())
    cases = {
        "page:3": on(3, 3), "page:2": on(2, 2), "page:1..2": on(1, 2), "page:2-3": on(2, 3), "page:3..": on(3, 99),
        "page:..1": on(-99, 1), "page:0": set(), "page:9": set(), "page:1..2 page:2..3": on(1, 2) & on(2, 3),
        "page:1 page:3": on(1, 1) & on(3, 3), "und page:3": und & on(3, 3), "日 page:2..3": ri & on(2, 3),
        "page:3 publication:luxemburger": lux & on(3, 3),
        "page:2 date:1858": on(2, 2) & where(lambda r: r["date"].startswith("1858")),
        "page:2 date:1939..1940 日": ri & on(2, 2) & where(lambda r: "1939" <= r["date"][:4] <= "1940"),
        "page:3 kind:article": on(3, 3) & where(lambda r: r["kind"] == "article"),
        f"page:3 issue:{issue}": on(3, 3) & where(lambda r: r["issue"] == issue),
        f"page:2 article:{spanning[0]}": {spanning[0]},
        "und OR page:4": und | on(4, 4), "und -page:1": und - on(1, 1), "NOT page:2": set(rows) - on(2, 2),
        "(page:1 OR page:3) kind:article": (on(1, 1) | on(3, 3)) & where(lambda r: r["kind"] == "article"),
        "publication:晶報 日": ri & where(lambda r: "晶報" in r["pub"]), "date:1939 日": ri & where(
            lambda r: r["date"].startswith("1939")), "kind:article und": und & where(lambda r: r["kind"] == "article"),
    }
    assert spanning[0] in cases["page:3"] and spanning[0] in cases["page:2"] and und
    with Searcher(library) as searcher:
        for query, expected in cases.items():
            assert searcher.matching_ids(query) == expected, query
            assert searcher.search(query, limit=None).total == len(expected), query
    assert all(cases[q] for q in cases if q not in ("page:0", "page:9", "page:1 page:3"))


#: default-mode queries whose verification reads no text on PostgreSQL (CJK runs, words, their combinations)
RANKED = ["日", "中國", "und", "蘇聯 OR 英國", "日 -蘇聯", "日 蘇聯", "日 OR und", "publication:晶报 日", "美联电",
          "日下午 日", "date:1939 蘇聯", "于昨日 OR 日美联"]


def _statements_naming(text: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements a PostgreSQL library's connection runs from now on that name ``text`` (filled as they run)."""
    from reader.library.pgsql import PgConnection

    seen: list[str] = []
    real = PgConnection.execute

    def spy(self: PgConnection, sql: str, parameters: Any = ()) -> Any:
        if text in sql:
            seen.append(sql)
        return real(self, sql, parameters)

    monkeypatch.setattr(PgConnection, "execute", spy)
    return seen


def test_relevance_ranks_the_same_on_both_kinds_without_reading_the_hits(
        imported: Library, reference: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Relevance order and scores are the embedded library's, hit for hit; on PostgreSQL the occurrences
    are counted in the server: no statement ships the hits' folded texts to the client."""
    library = imported  # the samples imported once for the checks that only read them
    shipped = _statements_naming("num, folded FROM article_text", monkeypatch)
    with Searcher(reference) as ref, Searcher(library) as got:
        assert len(ref.search("美联电", limit=None).hits) > 1  # a run of 3+ characters, verified on the texts
        for query in RANKED:
            expected = [(h.article, h.score) for h in ref.search(query, limit=None).hits]
            assert expected, query
            assert [(h.article, h.score) for h in got.search(query, limit=None).hits] == expected, query
            page = [(h.article, h.score) for h in got.search(query, limit=3, offset=1).hits]
            assert page == expected[1:4], query
    assert shipped == []


def _rare_pairs(lib: Library) -> list[str]:
    """Rare pairs (an exact key each in a PostgreSQL index) of the samples in several articles, one of them at
    least twice in an article (its count beside its key), one of two equal characters (its places overlap)."""
    from collections import Counter

    from reader.index.terms import pair_key, rare_pairs

    held: Counter[int] = Counter()
    twice: set[int] = set()
    for a in lib.articles():
        pairs = rare_pairs(lib.folded_text(a.id))
        held.update(list(pairs))  # articles holding each
        twice.update(k for k, n in pairs.items() if n > 1)
    chosen = [k for k, n in held.most_common() if n > 2][:6] + sorted(twice, key=held.__getitem__)[-3:]
    from reader.index.terms import term_text

    out = [term_text(k)[1:] for k in dict.fromkeys(chosen)]
    assert all(pair_key(p) is not None for p in out) and len(out) >= 6
    return out


def test_a_rare_pair_is_answered_and_ranked_from_the_index_without_reading_a_text(
        imported: Library, reference: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """On PostgreSQL a two-character query that is no frequent bigram has an exact key of its own (``ix_pairs``):
    its hits and their occurrences come from the index — no text read to verify or count them (at 100,000 pages,
    在千's 3,400 candidates' texts were 389 of its 680 ms read cold) —, the same hits and scores as the embedded
    library, and the same total, concordance and timeline."""
    from reader.search.concordance import concordance
    from reader.search.timeline import timeline

    library = imported  # the samples imported once for the checks that only read them
    pairs = _rare_pairs(reference)
    read = _statements_naming("article_text", monkeypatch)
    with Searcher(reference) as ref, Searcher(library) as got:
        for query in pairs:
            expected = ref.search(query, limit=None)
            assert expected.total > (1 if query in pairs[:6] else 0), query
            result = got.search(query, limit=None)
            assert result.total == expected.total, query
            assert [(h.article, h.score) for h in result.hits] == [(h.article, h.score) for h in expected.hits], query
            assert got.count(query) == expected.total
        if library.kind == "postgres":
            assert read == []
        for query in pairs[:2]:
            assert [(c.article, c.left, c.match, c.right) for c in concordance(got, query).lines] == \
                [(c.article, c.left, c.match, c.right) for c in concordance(ref, query).lines]
            assert timeline(got, query).to_json() == timeline(ref, query).to_json()


def _plan(library: Library, sql: str, args: tuple[Any, ...]) -> str:
    """The plan of ``sql`` in one line: SQLite's query plan, or PostgreSQL's with scans of the whole table and bitmap
    scans off (a table of a few hundred rows is read whole whatever its indexes: what is asked is whether an index
    can answer the statement alone) and the visibility map up to date, as autovacuum keeps it."""
    conn = library.conn
    if isinstance(conn, sqlite3.Connection):
        return " | ".join(str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, args))
    conn.execute("VACUUM (ANALYZE) articles")
    conn.execute("SET enable_seqscan = off")
    conn.execute("SET enable_bitmapscan = off")
    try:
        return " | ".join(str(r[0]) for r in conn.execute("EXPLAIN " + sql, args))
    finally:
        conn.execute("RESET enable_seqscan")
        conn.execute("RESET enable_bitmapscan")


def test_ranking_reads_what_it_needs_of_each_hit_from_an_index_not_the_articles_rows(
        imported: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ranking needs each hit's date, page, position, publication, kind and length. A search in a new process reads
    them for its hits only — from the covering index ``articles_rank`` (catalogue migration 7), not from the
    articles' wide rows (their parts and spans): at 100,000 pages the rows of a rare pair's 2,690 hits were ~3,400
    scattered pages. Both kinds: the statement a relevance search runs is answered by the index alone, and gives
    what the rows hold."""
    library = imported  # the samples imported once for the checks that only read them
    used: list[str] = []
    real = Searcher._summary_sql

    def spy(self: Searcher) -> str:
        used.append(real(self))
        return used[-1]

    monkeypatch.setattr(Searcher, "_summary_sql", spy)
    with Searcher(library) as searcher:
        hits = searcher.search("美联电", limit=None).hits  # a few hits of many articles: their summaries alone
        assert len(hits) > 1 and used
        rows = library.conn.execute(
            "SELECT a.num, i.date, coalesce(a.first_page, 0), a.seq, p.name, a.kind, a.chars FROM articles a "
            "JOIN issues i ON i.id = a.issue_id JOIN publications p ON p.id = i.publication_id").fetchall()
        want = {r[0]: tuple(r[1:]) for r in rows}
        nums = json.dumps(sorted(want))
        got = {r[0]: tuple(r[1:]) for r in library.conn.execute(used[-1], (nums,))}
        assert got == want
        plan = _plan(library, used[-1], (nums,))
    if isinstance(library.conn, sqlite3.Connection):
        assert "COVERING INDEX articles_rank" in plan, plan
    else:
        assert "Index Only Scan using articles_rank" in plan, plan


def test_date_order_of_many_hits_is_read_from_an_index_not_the_articles_rows(
        imported: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hits shown in date order (sort by date, or relevance past its cap) whose walk of the date order gives up —
    a date filter's hits gather late in it — are sorted in one statement, which needs each hit's issue, page and
    position: from the covering index ``articles_rank``, not the articles' wide rows (``自己 date:1991`` at 10,000
    pages, a cold page cache: 280 → 16 ms). Both kinds: the statement is answered by the index alone, in the
    order the rows give."""
    library = imported  # the samples imported once for the checks that only read them
    used: list[str] = []
    real = Searcher._date_sort_sql

    def spy(self: Searcher, limited: bool) -> str:
        used.append(real(self, limited))
        return used[-1]

    monkeypatch.setattr(Searcher, "_date_sort_sql", spy)
    with Searcher(library) as searcher:
        hits = searcher.search("的", sort="date", limit=None).hits
        assert len(hits) > 1 and used
        want = [r[0] for r in library.conn.execute(
            "SELECT a.num FROM articles a JOIN issues i ON i.id = a.issue_id "
            "ORDER BY i.date, coalesce(a.first_page, 0), a.seq, a.num")]
        nums = json.dumps(sorted(want))
        assert [r[0] for r in library.conn.execute(used[-1], (nums,))] == want
        plan = _plan(library, used[-1], (nums,))
    if isinstance(library.conn, sqlite3.Connection):
        assert "COVERING INDEX articles_rank" in plan, plan
    else:
        assert "Index Only Scan using articles_rank" in plan, plan


def _toasted(lib: Library) -> tuple[int, int, int]:
    """(texts of 2,100–8,000 bytes, texts over 8,000 bytes, texts whose value is cut into the TOAST table)."""
    conn = lib.conn
    mid, big = conn.execute("SELECT count(*) FILTER (WHERE octet_length(folded) BETWEEN 2100 AND 8000), "
                            "count(*) FILTER (WHERE octet_length(folded) > 8000) FROM article_text").fetchone()
    toast = conn.execute("SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = 'article_text'").fetchone()
    chunked = conn.execute(f"SELECT count(DISTINCT chunk_id) FROM {toast[0]}").fetchone()
    return int(mid), int(big), int(chunked[0])


def test_on_postgresql_a_text_is_read_from_its_row_not_from_toast_chunks(
        pg_cluster: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Verifying a rare pair reads every candidate's folded text in the server. PostgreSQL moves a value of over
    ~2 KB out of its row into TOAST chunks of ~2 KB (a CJK text barely compresses): a 7 KB text was four chunk reads
    through the TOAST index besides the row. A text of up to ~8 KB is kept in its row (catalogue migration 8) — in a
    new library, and in one made before, whose texts the migration rewrites (the same texts after)."""
    from reader.library import postgres

    url = pg_cluster.create_database(f"inline_{tmp_path.name[-12:]}".lower().replace("-", "_"))
    monkeypatch.setattr(postgres, "MIGRATIONS", postgres.MIGRATIONS[:7])
    old = Library.open(url)
    import_paths(old, [samples_folder()])
    texts = dict(old.conn.execute("SELECT num, folded FROM article_text").fetchall())
    mid, big, chunked = _toasted(old)
    assert mid > 0 and chunked > big  # the base: texts of a few KB cut into chunks
    old.close()
    monkeypatch.undo()
    lib = Library.open(url)
    try:
        assert lib.schema_versions()["catalogue"] == 11
        assert _toasted(lib)[2] <= big
        assert dict(lib.conn.execute("SELECT num, folded FROM article_text").fetchall()) == texts
    finally:
        lib.close()
    fresh = Library.open(pg_cluster.create_database(f"inline2_{tmp_path.name[-12:]}".lower().replace("-", "_")))
    try:
        import_paths(fresh, [samples_folder()])
        assert _toasted(fresh)[2] <= _toasted(fresh)[1]
    finally:
        fresh.close()


def test_a_postgresql_library_whose_upgrade_rewrites_a_table_is_said_to_need_a_long_one(
        pg_cluster: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Migration 8 rewrites every text (~30 s at 100,000 pages, the table locked meanwhile): as for an embedded
    library's rewrite, the window upgrades such a library on a worker thread and a command says so first."""
    from reader.library import postgres
    from reader.library.catalogue import needs_long_upgrade

    url = pg_cluster.create_database(f"upgrade_{tmp_path.name[-12:]}".lower().replace("-", "_"))
    assert not needs_long_upgrade(url)  # an empty database: a new library, nothing to rewrite
    monkeypatch.setattr(postgres, "MIGRATIONS", postgres.MIGRATIONS[:7])
    Library.open(url).close()
    monkeypatch.undo()
    assert needs_long_upgrade(url)
    Library.open(url).close()
    assert not needs_long_upgrade(url)
    assert not needs_long_upgrade(url.rsplit("/", 1)[0] + "/no_such_database")  # cannot be read: the open says why


def test_a_silent_server_is_given_up_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that takes the connection and never answers: the window's question of a shared library's version
    costs ``VERSION_CHECK_TIMEOUT`` at most, and the open gives up after ``CONNECT_TIMEOUT`` in one sentence (libpq
    waits forever by default: the window hung)."""
    import socket
    import time

    from reader.library import postgres

    monkeypatch.setattr(postgres, "VERSION_CHECK_TIMEOUT", 1)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # the kernel completes the handshake; nobody ever answers
        t = time.monotonic()
        assert postgres.catalogue_version(f"postgresql://nobody@127.0.0.1:{silent.getsockname()[1]}/papers") == 0
        assert time.monotonic() - t < 5
        # the open too: one sentence naming the database, after CONNECT_TIMEOUT at most
        monkeypatch.setattr(postgres, "CONNECT_TIMEOUT", 1)
        t = time.monotonic()
        with pytest.raises(LibraryError, match="cannot be reached"):
            Library.open(f"postgresql://nobody@127.0.0.1:{silent.getsockname()[1]}/papers")
        assert time.monotonic() - t < 5


def test_annotations_collections_and_corrections_on_both_kinds(library: Library) -> None:
    import_paths(library, [samples_folder()])
    first, second = [a.id for a in library.articles()][:2]
    notes = AnnotationStore.of(library)
    note = notes.add(Annotation(article=first, note="a note", tags=["Krieg", "krieg", "京报"],
                                visibility="group"))
    stale = notes.get(note.id)
    notes.edit(note.id, note="edited")
    with pytest.raises(AnnotationConflict):
        stale.note = "lost"
        notes.update(stale)
    got = notes.get(note.id)
    assert (got.note, got.tags, got.visibility, got.version) == ("edited", ["Krieg", "京报"], "group", 1)
    assert got.owner  # the role or the OS user
    assert [a.id for a in notes.find(tag="KRIEG")] == [note.id]
    assert [a.id for a in notes.find(text="EDIT")] == [note.id]
    notes.create_collection("Reading", visibility="public")
    notes.add_to_collection("Reading", second)
    notes.add_to_collection("Reading", first, position=0)
    coll = notes.collection("Reading")
    assert (coll.items, coll.visibility) == ([first, second], "public")
    notes.create_collection("Later")
    assert notes.rename_collection("Reading", "Reading 1914").items == [first, second]
    with pytest.raises(AnnotationError, match="already have a collection named 'Later'"):
        notes.rename_collection("Reading 1914", "Later")  # refused, the transaction rolled back: the store goes on
    assert [c.name for c in notes.collections()] == ["Later", "Reading 1914"]
    notes.delete_collection("Later")
    fixes = CorrectionStore.of(library)
    article = library.article(first)
    line = article.line_ids()[0]
    made = fixes.add(Correction("headline", first, {"line": line}, visibility="public"))
    assert [(c.id, c.visibility) for c in fixes.find()] == [(made.id, "public")]
    assert fixes.undo_last() is not None and fixes.find() == []
    notes.delete(note.id)
    assert notes.find() == []


def test_a_second_importer_is_refused(library: Library) -> None:
    other = Library.open(library.url) if library.kind == "postgres" else Library(library.folder)
    with library.writing(), pytest.raises(LibraryBusyError), other.writing():
        pass
    with other.writing():  # released: the next one gets it
        pass
    other.close()


def _importing(url: str, folder: Path, tmp_path: Path) -> Any:
    """``broadsheet import FOLDER`` into ``url`` in another process (its own connections, as another machine's)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "BROADSHEET_LIBRARY": url, "XDG_CACHE_HOME": str(tmp_path / f"cache-{folder.name}"),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.Popen([sys.executable, "-m", "reader.cli.main", "import", "--quiet", str(folder)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _sources(tmp_path: Path) -> tuple[Path, Path]:
    """Two sources (folders) of the bundled samples: the ECPO issue, and the rest."""
    import shutil

    first, second = (tmp_path / "src" / "jingbao").resolve(), (tmp_path / "src" / "others").resolve()
    shutil.copytree(samples_folder() / "jingbao_1939-04-21", first / "jingbao_1939-04-21")
    for child in samples_folder().iterdir():
        if child.name != "jingbao_1939-04-21":
            (shutil.copytree if child.is_dir() else shutil.copy2)(child, second / child.name)
    return first, second


def test_one_importer_per_source_not_per_library(pg_cluster: Any, tmp_path: Path) -> None:
    """Importing a source holds that source (and the library's import lock, shared): another process importing
    another source proceeds at once; one importing the same source is refused in one sentence; `reindex`,
    which needs the whole library, is refused while an import runs."""
    url = pg_cluster.create_database("src_" + tmp_path.name[-10:].lower().replace("-", "_"))
    jingbao, others = _sources(tmp_path)
    lib = Library.open(url)
    with lib.writing(sources=[jingbao]):
        other = _importing(url, others, tmp_path)
        out, err = other.communicate(timeout=300)
        assert other.returncode == 0, err
        same = _importing(url, jingbao, tmp_path)
        out, err = same.communicate(timeout=300)
        assert same.returncode != 0
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and "is importing" in lines[0] and str(jingbao) in lines[0], err
        whole = Library.open(url)
        with pytest.raises(LibraryBusyError, match="importing"), whole.writing():
            pass
        whole.close()
    assert {a.source for a in lib.articles()} and all(str(others) in a.source for a in lib.articles())
    lib.close()


def test_two_machines_import_different_sources_at_once(pg_cluster: Any, tmp_path: Path) -> None:
    """Two processes importing two sources into one PostgreSQL library at the same time both finish, and the
    library then holds and finds what one embedded library importing both holds and finds."""
    url = pg_cluster.create_database("two_" + tmp_path.name[-10:].lower().replace("-", "_"))
    Library.open(url).close()  # the schema made first, as `library init` does
    jingbao, others = _sources(tmp_path)
    running = [_importing(url, folder, tmp_path) for folder in (jingbao, others)]
    for proc in running:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    ref = Library(tmp_path / "ref")
    import_paths(ref, [jingbao, others])
    pg = Library.open(url)
    assert pg.stats()["unindexed"] == 0
    assert sorted(_articles(pg).values()) == sorted(_articles(ref).values())
    with Searcher(ref) as want, Searcher(pg) as got:
        for query in QUERIES:
            assert got.count(query) == want.count(query), query
    pg.close()
    ref.close()


def test_a_library_newer_than_the_code_is_refused(library: Library) -> None:
    with library.transaction() as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, ?, ?, ?)", ("catalogue", 99, "future", "2099"))
    where = library.url if library.kind == "postgres" else library.folder
    library.close()
    with pytest.raises(LibraryError, match="newer than this Broadsheet knows"):
        Library.open(where)


def _work(lib: Library) -> None:
    """Some of everything a reader makes, on the first two articles."""
    first, second = [a.id for a in lib.articles()][:2]
    notes = AnnotationStore.of(lib)
    notes.add(Annotation(article=first, note="eins", tags=["a", "b"]))
    notes.add(Annotation(article=second, note="zwei", tags=["b"], visibility="public"))
    notes.create_collection("C", "described", visibility="group")
    notes.add_to_collection("C", second)
    line = lib.article(first).line_ids()[0]
    CorrectionStore.of(lib).add(Correction("headline", first, {"line": line}))


@pytest.mark.parametrize("first_kind", ["sqlite", "postgres"])
def test_copy_round_trip_keeps_every_table(first_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    other_kind = "postgres" if first_kind == "sqlite" else "sqlite"
    a = _open(first_kind, tmp_path, request, "a")
    import_paths(a, [samples_folder()])
    _work(a)
    b = _open(other_kind, tmp_path, request, "b")
    counts = copy_library(a, b)
    assert counts["articles"] == a.stats()["articles"] and counts["annotations"] == 2
    assert b.stats()["unindexed"] == b.stats()["articles"]  # the destination's sync builds its index
    c = _open(first_kind, tmp_path, request, "c")
    copy_library(b, c)
    for table, _ in TABLES:
        rows = table_rows(a, table)
        if table == "articles":  # copies leave their index to be built: compare all but `indexed`
            rows, got = _without_indexed(a, rows), _without_indexed(c, table_rows(c, table))
        elif table == "meta":
            rows, got = [r for r in rows if not r[0].startswith("index_")], table_rows(c, table)
        else:
            got = table_rows(c, table)
        assert got == rows, table
        assert table == "meta" or len(table_rows(b, table)) == len(rows), table
    sindex.sync(c)  # the copy builds its own index
    with Searcher(c) as s, Searcher(a) as ref:  # and the copy searches like the original
        assert s.matching_ids("日") == ref.matching_ids("日")
    with pytest.raises(LibraryError, match="already holds a library"):
        copy_library(a, c)
    # new rows after a copy into PostgreSQL get new ids, not the copied ones
    AnnotationStore.of(b).create_collection("after the copy")
    for lib in (a, b, c):
        lib.close()


def _without_indexed(lib: Library, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    cur = lib.conn.execute("SELECT * FROM articles LIMIT 0")
    names = sorted(d[0] for d in cur.description)
    i = names.index("indexed")
    return sorted((r[:i] + r[i + 1:] for r in rows), key=repr)


def _shared_library(pg_cluster: Any, name: str, group: str, *members: str) -> tuple[str, Library]:
    """A new database holding the samples, every component's tables made (before the roles are granted them), its
    researchers ``members`` of ``group`` granted it: (its URL, the library opened as its owner)."""
    url = pg_cluster.create_database(name.lower().replace("-", "_"))
    admin = Library.open(url)
    import_paths(admin, [samples_folder()])
    AnnotationStore.of(admin)
    CorrectionStore.of(admin)
    team(url, group, *members)
    admin.grant(group)
    return url, admin


def test_row_level_security_keeps_private_work_private(pg_cluster: Any, tmp_path: Path) -> None:
    """Enforced by PostgreSQL: alice and bob share the group role historians, carol does not."""
    url, admin = _shared_library(pg_cluster, "rls_" + tmp_path.name[-10:], "historians", "alice", "bob")
    team(url, "others", "carol")
    admin.grant("carol")
    first = admin.articles()[0].id
    line = admin.article(first).line_ids()[0]

    def as_role(role: str) -> Library:
        return Library.open(url.replace("broadsheet@", f"{role}@"))

    alice = as_role("alice")
    notes = AnnotationStore.of(alice)
    private = notes.add(Annotation(article=first, note="mine", tags=["secret"]))
    group = notes.add(Annotation(article=first, note="ours", visibility="group"))
    public = notes.add(Annotation(article=first, note="everyone's", visibility="public"))
    notes.create_collection("alice's", visibility="private")
    notes.add_to_collection("alice's", first)
    fix = CorrectionStore.of(alice).add(Correction("headline", first, {"line": line}))
    assert {a.owner for a in notes.find()} == {"alice"}

    bob = as_role("bob")
    seen = {a.id for a in AnnotationStore.of(bob).find()}
    assert seen == {group.id, public.id}
    assert AnnotationStore.of(bob).collections() == []
    assert CorrectionStore.of(bob).find() == []
    # a correction alice shares is bob's to read, not to undo: `correct undo` said "undid" of it, deleting nothing
    shared = CorrectionStore.of(alice).add(Correction("headline", first, {"line": line}, visibility="group"))
    assert [c.id for c in CorrectionStore.of(bob).find()] == [shared.id]
    assert CorrectionStore.of(bob).undo_last() is None
    assert shared.id in [c.id for c in CorrectionStore.of(alice).find()]
    CorrectionStore.of(alice).delete(shared.id)
    with pytest.raises(Exception, match="no annotation"):  # invisible: as if it were not there
        AnnotationStore.of(bob).delete(private.id)
    # visible, but only its owner changes it: said whose (seen: `annotations edit` said "no annotation …" of a note
    # `annotations list` showed the line before)
    with pytest.raises(AnnotationError, match="alice's: only its owner can change it"):
        AnnotationStore.of(bob).delete(group.id)
    with pytest.raises(AnnotationError, match="alice's: only its owner can change it"):
        AnnotationStore.of(bob).edit(group.id, note="bob's words")
    with pytest.raises(AnnotationError, match="alice's: only its owner can change it"):
        AnnotationStore.of(bob).update(AnnotationStore.of(bob).get(group.id))
    with pytest.raises(AnnotationError, match="no annotation"):  # invisible: as if it were not there
        AnnotationStore.of(bob).edit(private.id, note="bob's words")
    assert AnnotationStore.of(alice).get(group.id).note == "ours"
    # a collection bob sees but cannot change: he is told whose it is, not that it does not exist (seen by eye: the
    # window offered alice's group collection, then said "no collection named" beside the tab listing it)
    notes.create_collection("ours", visibility="group")
    with pytest.raises(AnnotationError, match="alice's collection"):
        AnnotationStore.of(bob).add_to_collection("ours", first)
    with pytest.raises(AnnotationError, match="no collection named"):  # invisible: as if it were not there
        AnnotationStore.of(bob).add_to_collection("alice's", first)
    raw = bob.conn  # whatever the client sends, the server decides
    assert raw.execute("SELECT count(*) FROM annotation_tags").fetchone()[0] == 0
    assert raw.execute("UPDATE annotations SET note = 'x'").rowcount == 0
    with pytest.raises(Exception, match="row-level security"):
        raw.execute("INSERT INTO annotations (id, article, created, owner) VALUES ('f', ?, '', 'alice')", (first,))

    carol = as_role("carol")
    assert {a.id for a in AnnotationStore.of(carol).find()} == {public.id}

    assert {a.id for a in AnnotationStore.of(alice).find()} == {private.id, group.id, public.id}
    assert [c.id for c in CorrectionStore.of(alice).find()] == [fix.id]
    assert AnnotationStore.of(alice).get(private.id).tags == ["secret"]
    for lib in (alice, bob, carol, admin):
        lib.close()


def test_a_corrected_word_is_found_by_those_who_see_the_correction(pg_cluster: Any, tmp_path: Path) -> None:
    """A text correction's words are searched beside the stored text, as on the desktop; a private correction is
    found by its owner only, a group one by the group (row-level security decides which readings a search sees)."""
    from reader.app.overlay import Overlay
    from reader.corrections.store import correct_text

    url, admin = _shared_library(pg_cluster, "cor_" + tmp_path.name[-10:], "editors", "dora", "eric")
    art = next(admin.article(i.id) for i in admin.articles() if i.kind == "article"
               and any(p.role == "paragraph" and len(p.text) > 30 for p in admin.article(i.id).parts))
    para = next(i for i, p in enumerate(art.parts) if p.role == "paragraph" and len(p.text) > 30)
    at = sum(len(p.text) + 2 for p in art.parts[:para]) + 10

    def found(role: str, word: str) -> set[str]:
        lib = Library.open(url.replace("broadsheet@", f"{role}@"))
        try:
            with Searcher(lib, readings=Overlay(lib).search_readings) as searcher:
                return {h.article for h in searcher.search(word, limit=None).hits}
        finally:
            lib.close()

    dora = Library.open(url.replace("broadsheet@", "dora@"))
    CorrectionStore.of(dora).add(correct_text(art, at, at + 1, "龘䨻"))
    shared = correct_text(art, at + 3, at + 4, "靐䨻")
    shared.visibility = "group"
    CorrectionStore.of(dora).add(shared)
    dora.close()
    assert found("dora", "龘䨻") == {art.id} and found("eric", "龘䨻") == set()
    assert found("dora", "靐䨻") == {art.id} == found("eric", "靐䨻")
    with Searcher(admin) as plain:
        assert plain.search("龘䨻").total == 0
    admin.close()


def test_each_researcher_names_their_own_collections(pg_cluster: Any, tmp_path: Path) -> None:
    """A collection's name is unique among its owner's: bob makes his own "滇緬路" beside alice's private one (he
    was told "already exists" of a collection he could not see), and his own "ours" beside her group one."""
    url = pg_cluster.create_database("col_" + tmp_path.name[-10:].lower().replace("-", "_"))
    admin = Library.open(url)
    AnnotationStore.of(admin)
    CorrectionStore.of(admin)
    team(url, "archivists", "fay", "gus")
    admin.grant("archivists")
    fay = Library.open(url.replace("broadsheet@", "fay@"))
    gus = Library.open(url.replace("broadsheet@", "gus@"))
    hers, his = AnnotationStore.of(fay), AnnotationStore.of(gus)
    hers.create_collection("滇緬路")
    hers.create_collection("ours", visibility="group")
    hers.add_to_collection("ours", "a1")
    his.create_collection("滇緬路")  # no trace of hers
    his.create_collection("ours")
    his.add_to_collection("ours", "b1")  # his own
    with pytest.raises(AnnotationError, match="already have"):
        his.create_collection("ours")
    assert [(c.name, c.owner, c.items) for c in his.collections()] == [
        ("ours", "fay", ["a1"]), ("ours", "gus", ["b1"]), ("滇緬路", "gus", [])]
    assert his.collection("ours").items == ["b1"] and his.collection("ours", owner="fay").items == ["a1"]
    assert [(c.name, c.owner) for c in hers.collections()] == [("ours", "fay"), ("滇緬路", "fay")]
    for lib in (fay, gus, admin):
        lib.close()


def test_the_commands_on_a_shared_library(pg_cluster: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """library init, import, search, annotations with --visibility, stats, copy to a folder and back."""
    import json

    from reader.cli.main import main

    name = "cli_" + tmp_path.name[-10:].lower().replace("-", "_")
    url = pg_cluster.create_database(name)
    assert main(["library", "init", url, "--grant", "pg_read_all_data"]) == 0
    assert "library ready" in capsys.readouterr().err
    monkeypatch.setenv("BROADSHEET_LIBRARY", url)
    assert main(["import", "--quiet", str(samples_folder())]) == 0
    capsys.readouterr()
    assert main(["search", "--json", "--limit", "100", "日"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["total"] > 0
    first = found["hits"][0]["article"]
    assert main(["show", "--json", first]) == 0
    assert json.loads(capsys.readouterr().out)["article"] == first
    out = tmp_path / "one.xml"
    assert main(["export", first, "--format", "tei", "-o", str(out)]) == 0
    assert "<TEI" in out.read_text(encoding="utf-8")
    assert main(["correct", "headline", first, "--part", "0", "--visibility", "public"]) == 0
    capsys.readouterr()
    assert main(["correct", "list", "--json"]) == 0
    assert [c["visibility"] for c in json.loads(capsys.readouterr().out)] == ["public"]
    assert main(["annotations", "add", first, "--note", "shared", "--visibility", "group"]) == 0
    ann_id = capsys.readouterr().out.strip()
    assert main(["collection", "create", "Ours", "--visibility", "public"]) == 0
    capsys.readouterr()
    assert main(["collection", "list"]) == 0  # whose each is: one name may be several owners'
    assert capsys.readouterr().out.splitlines() == ["0\tOurs\tbroadsheet"]
    assert main(["collection", "show", "Ours", "--owner", "broadsheet"]) == 0
    assert main(["collection", "show", "Ours", "--owner", "nobody"]) == 2
    assert "no collection named 'Ours' of nobody's" in capsys.readouterr().err
    assert main(["annotations", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["id"], a["visibility"], a["owner"]) for a in listed] == [(ann_id, "group", "broadsheet")]
    assert main(["stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["database_bytes"] > 0 and "***" not in stats["library"] and stats["articles"] > 0
    folder = tmp_path / "copy"
    assert main(["library", "copy", url, str(folder)]) == 0
    copied = capsys.readouterr().err
    assert "1 annotation(s)" in copied and "1 correction(s)" in copied
    assert main(["search", "--json", "--limit", "100", "--library", str(folder), "日"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == found["total"]
    # searches read a replica when told to (here a second database holding a copy), writes stay on --library
    replica = pg_cluster.create_database(name + "_replica")
    assert main(["library", "copy", str(folder), replica]) == 0
    assert main(["search", "--json", "--read-library", replica, "日"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == found["total"]
    assert main(["library", "copy", str(folder), url]) == 2  # not into a library that holds one
    assert "already holds a library" in capsys.readouterr().err
    monkeypatch.setenv("BROADSHEET_LIBRARY", "postgresql://nobody@127.0.0.1:1/none")
    assert main(["stats"]) == 2
    assert "cannot be reached" in capsys.readouterr().err


def test_visibility_and_owner_travel_in_backups(library: Library) -> None:
    from reader.annotations.store import backup_json, read_backup
    from reader.library.owners import os_user

    import_paths(library, [samples_folder()])
    first = library.articles()[0].id
    notes = AnnotationStore.of(library)
    made = notes.add(Annotation(article=first, note="n", visibility="public"))
    notes.create_collection("Shared", visibility="group")
    line = library.article(first).line_ids()[0]
    fix = CorrectionStore.of(library).add(Correction("headline", first, {"line": line}, visibility="group"))
    stored = notes.get(made.id)
    assert stored.owner == (os_user() if library.kind == "sqlite" else "broadsheet")
    backup = read_backup(backup_json(notes.find(), notes.collections(),
                                     [c.to_json() for c in CorrectionStore.of(library).find()]))
    assert [(a.id, a.visibility) for a in backup.annotations] == [(made.id, "public")]
    assert [(c.name, c.visibility) for c in backup.collections] == [("Shared", "group")]
    assert [(Correction.from_json(c).id, Correction.from_json(c).visibility) for c in backup.corrections] == \
        [(fix.id, "group")]
    with pytest.raises(AnnotationError, match="private, group or public"):
        notes.add(Annotation(article=first, visibility="everyone"))


def test_concurrent_edits_all_land(library: Library) -> None:
    """Two threads (two connections) edit one annotation and one collection at once: nothing is lost."""
    import threading

    import_paths(library, [samples_folder()])
    ids = [a.id for a in library.articles()][:20]
    note = AnnotationStore.of(library).add(Annotation(article=ids[0], note=""))
    AnnotationStore.of(library).create_collection("Both")
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            store = AnnotationStore(library.conn)  # this thread's connection
            for i in range(offset, len(ids), 2):
                store.edit(note.id, tags=[*store.get(note.id).tags, f"t{i}"])
                store.add_to_collection("Both", ids[i])
        except BaseException as e:  # noqa: BLE001 — reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    store = AnnotationStore.of(library)
    assert sorted(store.collection("Both").items) == sorted(ids)
    assert store.get(note.id).version == len(ids)


def test_an_older_sqlite_library_gets_owners_for_its_work(tmp_path: Path) -> None:
    """Notes made before owners existed become the OS user's, private, when the library is next opened."""
    from reader.annotations.store import MIGRATIONS
    from reader.library.owners import os_user

    lib = Library(tmp_path / "old")
    lib.migrate("annotations", MIGRATIONS[:2])
    lib.conn.execute("INSERT INTO annotations (id, article, created) VALUES ('old', 'a1', '2020')")
    lib.close()
    lib = Library(tmp_path / "old")
    got = AnnotationStore.of(lib).get("old")
    assert (got.owner, got.visibility) == (os_user(), "private")
    assert lib.schema_versions()["annotations"] == len(MIGRATIONS)
    lib.close()


def test_a_library_connection_asks_the_server_to_read_ahead_the_rows_a_search_needs(pg_url: str) -> None:
    """Every connection a PostgreSQL library opens (its own, its index's) lets a bitmap heap scan ask for the rows
    ahead (``effective_io_concurrency``; PostgreSQL's default reads one row's page at a time): a rare pair's 2,690
    postings' rows at 100,000 pages, read cold, 193 → 117 ms."""
    from reader.library.postgres import IO_CONCURRENCY

    with Library.open(pg_url) as lib:
        assert lib.conn.execute("SHOW effective_io_concurrency").fetchone()[0] == str(IO_CONCURRENCY)
        raw = lib.connect_raw()  # type: ignore[attr-defined]
        assert raw.execute("SHOW effective_io_concurrency").fetchone()[0] == str(IO_CONCURRENCY)
        raw.close()


def test_a_backup_holding_a_colleagues_shared_work_restores_ones_own(pg_cluster: Any, tmp_path: Path) -> None:
    """Seen: bob backed up what he sees (his notes and a note alice shares with the group) and restored it; the
    whole restore failed, "the library cannot be used (new row violates row-level security policy …)", and none of
    his own work came back. His own is restored; alice's is left as it is, and he is told so."""
    import json

    from reader.annotations.store import backup_json
    from reader.app.commands import restore_backup

    url, admin = _shared_library(pg_cluster, "restore_" + tmp_path.name[-10:], "restorers", "ralice", "rbob")
    first = admin.articles()[0].id
    alice = Library.open(url.replace("broadsheet@", "ralice@"))
    bob = Library.open(url.replace("broadsheet@", "rbob@"))
    hers = AnnotationStore.of(alice)
    shared = hers.add(Annotation(article=first, note="ours", visibility="group"))
    secret = hers.add(Annotation(article=first, note="hers alone"))
    hers.create_collection("ours", visibility="group")
    hers.add_to_collection("ours", first)
    his = AnnotationStore.of(bob)
    mine = his.add(Annotation(article=first, note="mine"))
    his.create_collection("reading")
    his.add_to_collection("reading", first)
    backup = backup_json([*his.find(), secret], his.collections())  # alice's private one: a file she gave him
    assert backup["total"] == 3
    path = tmp_path / "bob.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    his.delete(mine.id)
    his.delete_collection("reading")

    restored = restore_backup(bob, path)

    assert {a.note for a in his.find()} == {"ours", "mine"}
    assert his.get(mine.id).owner == "rbob"
    assert his.get(shared.id).owner == "ralice"
    assert his.collection("reading").items == [first]
    assert (restored.annotations, restored.others_kept) == (1, 2)
    # her shared collection in his backup stays hers: no copy of it is made his (seen: `collection list` then
    # showed "ours" twice, one of them bob's, which he never made)
    assert sorted((c.name, c.owner) for c in his.collections()) == [("ours", "ralice"), ("reading", "rbob")]
    assert (restored.collections, restored.others_collections) == (1, 1)
    assert {(a.note, a.owner) for a in hers.find()} == {("ours", "ralice"), ("hers alone", "ralice")}
    for lib in (alice, bob, admin):
        lib.close()


def test_a_researcher_importing_is_told_it_is_for_the_librarys_owner(pg_cluster: Any, tmp_path: Path) -> None:
    """Seen: bob (granted read access and his own work) ran `broadsheet import` on the shared library: "the library
    cannot be used (permission denied for table meta)" — it can; only importing is not his. One sentence says who
    may, before anything is read or written."""
    url, admin = _shared_library(pg_cluster, "importer_" + tmp_path.name[-10:], "importers", "ibob")
    bob = Library.open(url.replace("broadsheet@", "ibob@"))
    with pytest.raises(LibraryError, match=r"ibob may read this library and keep their own notes, collections "
                                           r"and corrections in it; only its owner \(broadsheet\) can import into it"):
        import_paths(bob, [samples_folder()])
    with pytest.raises(LibraryError, match="only its owner"):
        sindex.rebuild(bob)
    assert Searcher(bob).search("Zeitung").total > 0  # a search syncs the index (nothing to write): not refused
    with admin.writing([str(tmp_path)]):  # the owner imports as before
        pass
    bob.close()
    admin.close()


def test_the_lists_say_whose_a_colleagues_note_and_correction_are(pg_cluster: Any, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Seen: on a shared library `annotations list` and `correct list` gave alice's shared note and correction
    to bob as if they were his (the window says "by alice · My group"); he then ran `correct undo`, which undid
    nothing of hers. Another's says whose and who sees it; one's own reads as in a folder."""
    from tests.clirun import run_cli

    url, admin = _shared_library(pg_cluster, "lists_" + tmp_path.name[-10:], "listers", "lalice", "lbob")
    first = admin.articles()[0].id
    line = admin.article(first).line_ids()[0]
    alice = Library.open(url.replace("broadsheet@", "lalice@"))
    AnnotationStore.of(alice).add(Annotation(article=first, note="ours", visibility="group"))
    CorrectionStore.of(alice).add(Correction("headline", first, {"line": line}, visibility="public"))
    as_bob = url.replace("broadsheet@", "lbob@")
    run_cli(capsys, "annotations", "--library", as_bob, "add", first, "--note", "mine")
    notes = run_cli(capsys, "annotations", "--library", as_bob, "list").splitlines()
    assert sorted(n.split("  ", 2)[2] for n in notes) == ["attached  mine", "attached (by lalice · group)  ours"]
    fixes = run_cli(capsys, "correct", "--library", as_bob, "list").splitlines()
    assert len(fixes) == 1 and fixes[0].endswith(" (by lalice · public)"), fixes
    alice.close()
    admin.close()


def test_a_tei_export_credits_a_colleagues_note_and_correction_to_them(pg_cluster: Any, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Seen: bob's TEI export of an article gave alice's shared note and OCR correction to "#user" — the person
    exporting, "Broadsheet user" or his --user name. Another's work names its owner; the exporter's own is
    "#user" as before."""
    from lxml import etree

    from tests.clirun import run_cli

    url, admin = _shared_library(pg_cluster, "credit_" + tmp_path.name[-10:], "crediters", "calice", "cbob")
    first = admin.articles()[0].id
    text = admin.article(first).text
    alice = Library.open(url.replace("broadsheet@", "calice@"))
    AnnotationStore.of(alice).add(Annotation(article=first, note="hers", visibility="group"))
    run_cli(capsys, "correct", "--library", url.replace("broadsheet@", "calice@"), "text", first, "0", "1",
            text[0] + "x", "--visibility", "group")
    as_bob = url.replace("broadsheet@", "cbob@")
    run_cli(capsys, "annotations", "--library", as_bob, "add", first, "--note", "his")
    out = run_cli(capsys, "export", "--library", as_bob, first, "--format", "tei", "-o", "-", "--user", "Bob B.")
    tei = etree.fromstring(out[out.index("<?xml"):out.index("</TEI>") + 6].encode())
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    names = {r.get("{http://www.w3.org/XML/1998/namespace}id"): r.findtext("t:persName", namespaces=ns)
             for r in tei.iterfind(".//t:titleStmt/t:respStmt", ns)}
    by_note = {a.findtext("t:note", namespaces=ns): a.find("t:respStmt/t:name", ns).get("ref")
               for a in tei.iterfind(".//t:annotation", ns)}
    assert names[by_note["his"][1:]] == "Bob B."
    assert names[by_note["hers"][1:]] == "calice"
    corr = tei.find(".//t:corr", ns)
    assert names[corr.get("resp")[1:]] == "calice"
    alice.close()
    admin.close()


def test_a_moved_mets_folder_and_a_page_given_twice_on_both_kinds(library: Library, tmp_path: Path) -> None:
    """A METS issue's folder moved keeps its page files (`Library.move_source`), and a page that two files give is
    said (`Library.pages_given_twice`), in PostgreSQL as in SQLite."""
    data = Path(__file__).resolve().parents[1] / "data"
    shutil.copytree(data / "samples" / "mets-alto" / "bl_statesman_1824-02-17", tmp_path / "a")
    import_paths(library, [tmp_path / "a"])
    before = library.stats()["articles"], len(library.sources())
    (tmp_path / "a").rename(tmp_path / "b")
    rep = import_paths(library, [tmp_path / "b"])
    assert not rep.imported and len(rep.moved) == 1, rep
    assert (library.stats()["articles"], len(library.sources())) == before
    for name in ("c", "d"):
        (tmp_path / name).mkdir()
        body = "\n".join(f"Line {i} of the page on the harbour works." for i in range(12))
        (tmp_path / name / "p.txt").write_text(f"{body}\nSigned {name}.\n", encoding="utf-8")
        (tmp_path / name / "p.txt.meta.json").write_text(json.dumps({"publication": "X", "date": "1900-01-01"}),
                                                          encoding="utf-8")
    rep = import_paths(library, [tmp_path / "c", tmp_path / "d"])
    assert [w for _, w in rep.warnings if "has page 1 twice" in w], rep.warnings
