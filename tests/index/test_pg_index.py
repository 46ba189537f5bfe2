"""The PostgreSQL index (reader/index/pg.py) against the Whoosh index and against brute force (issue 18).

A real throwaway PostgreSQL cluster (tests/pgcluster.py); the same generated articles (Chinese and Latin) go
to a Whoosh ``Index`` and a ``PgIndex``: every term kind (characters, frequent bigrams, rare pairs' buckets,
longer runs, words, wildcard prefixes) must give the same candidates from both after adds, deletes,
replacements and a rebuild, and the candidates brute force finds in the texts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.index import store as sindex
from reader.index.rows import Rows
from reader.index.terms import (
    FIELD,
    KEYS_LAYOUT,
    TOKEN_RE,
    cjk_terms,
    counted_bigrams,
    frequent_bigrams,
    frequent_runs,
    pack_terms,
    pair_key,
)

psycopg = pytest.importorskip("psycopg")

from reader.index.pg import LAYOUT, PgIndex, PgIndexError  # noqa: E402

WORDS = ["times", "gazette", "1824", "london", "shanghai", "x2", "daily", "lond", "tim"]
RARE = "鑫龘亖乂丄"
#: frequent runs (exact terms of their own; 3 to 8 characters) the texts hold now and then, whole or cut
RUNS = ["中国人民", "全国人民代表大会", "中华人民共和国", "社会主义", "人民代表大会"]


def _alphabet(rng: random.Random) -> tuple[str, list[str]]:
    frequent = sorted(g for g in frequent_bigrams() if len(g) == 2)
    chosen = rng.sample(frequent, 8)
    chars = dict.fromkeys("".join(chosen) + "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会")
    return "".join(chars)[:40] + RARE, chosen


def _text(rng: random.Random, alphabet: str, frequent: list[str]) -> str:
    out = []
    for _ in range(rng.randint(1, 8)):
        r = rng.random()
        if r < 0.25:
            out.append(rng.choice(WORDS))
        elif r < 0.45:
            out.append(rng.choice(frequent) + "".join(rng.choices(alphabet, k=rng.randint(0, 3))))
        elif r < 0.6:
            out.append(rng.choice(RUNS)[rng.randrange(2):] + "".join(rng.choices(alphabet, k=rng.randint(0, 2))))
        else:
            out.append("".join(rng.choices(alphabet, k=rng.randint(1, 12))))
    return rng.choice([" ", "，", "。"]).join(out)


def _queries(texts: dict[str, str], rng: random.Random, frequent: list[str]) -> list[str]:
    runs = [m.group("cjk") for t in texts.values() for m in TOKEN_RE.finditer(t) if m.group("cjk")]
    out = list(dict.fromkeys("".join(runs)))  # every character
    out += frequent
    for k in (2, 2, 2, 3, 4, 6, 8):
        long = [r for r in runs if len(r) >= k]
        for _ in range(12):
            run = rng.choice(long)
            start = rng.randrange(len(run) - k + 1)
            out.append(run[start:start + k])
    out += ["鑫龘", "的鑫", "龘龘龘", "人民日报"]  # rare pairs, likely absent ones
    out += RUNS + [r[1:] for r in RUNS] + [r + "的" for r in RUNS] + ["中国人民代表大会"]  # listed runs, longer ones
    assert all(r in frequent_runs() for r in RUNS)
    return list(dict.fromkeys(out))


def _starts(text: str, needle: str) -> int:
    return sum(text.startswith(needle, i) for i in range(len(text)))


def _words(text: str) -> set[str]:
    return {m.group("word") for m in TOKEN_RE.finditer(text) if m.group("word")}


class Pair:
    """The same articles in a Whoosh index and a PostgreSQL index, and the texts (the truth)."""

    def __init__(self, folder: Path, url: str) -> None:
        self.whoosh = sindex.Index(folder)
        self.pg = PgIndex(lambda: psycopg.connect(url))
        self.texts: dict[str, str] = {}
        self.nums: dict[str, int] = {}

    def write(self, adds: dict[str, str], deletes: list[str] = (), update: bool = True,  # type: ignore[assignment]
              packed: bool = False) -> None:
        for ix in (self.whoosh, self.pg):
            with ix.writer(update=update) as w:
                for a in deletes:
                    w.delete(a)
                for a, text in adds.items():
                    num = self.nums.setdefault(a, len(self.nums) + 1)
                    w.add(num, a, text, pack_terms(text) if packed else None)
        for a in deletes:
            self.texts.pop(a, None)
        self.texts.update(adds)

    def truth(self, pred: Any) -> set[int]:
        return {self.nums[a] for a, t in self.texts.items() if pred(t)}

    def check(self, queries: list[str]) -> None:
        assert self.pg.doc_count() == self.whoosh.doc_count() == len(self.texts)
        assert set(self.pg.all_nums()) == set(self.whoosh.all_nums()) == {self.nums[a] for a in self.texts}
        for q in queries:
            terms, exact = cjk_terms(q)
            got = set(self.pg.nums(terms))
            assert got == set(self.whoosh.nums(terms)), q
            truth = self.truth(lambda t, q=q: q in t)
            if exact:
                assert got == truth, q
            else:
                assert got >= truth, q
                assert set(self.pg.nums(terms, superset=True)) >= truth, q
            assert set(self.pg.any_nums(terms)) == set(self.whoosh.any_nums(terms)), q
        for w in WORDS + ["nowhere"]:
            truth = self.truth(lambda t, w=w: w in _words(t))
            assert set(self.pg.nums([w])) == set(self.whoosh.nums([w])) == truth, w
        assert set(self.pg.any_nums(["london", "1824", "的"])) == set(self.whoosh.any_nums(["london", "1824", "的"]))
        mixed = ["london", "的"]
        assert set(self.pg.nums(mixed)) == set(self.whoosh.nums(mixed)) == self.truth(
            lambda t: "london" in _words(t) and "的" in t)
        # every term's article count is kept: exact without reading its postings (the way a common term's first page
        # is found without them); the same count as its candidates, and as brute force for an exact term
        for q in queries:
            for term in cjk_terms(q)[0]:
                assert self.pg.exact_count(term) == len(self.pg.nums([term])), (q, term)
        for w in WORDS + ["nowhere"]:
            assert self.pg.exact_count(w) == len(self.truth(lambda t, w=w: w in _words(t))), w
        assert self.pg.exact_count("的") == len(self.truth(lambda t: "的" in t))
        # a rare pair: its own exact term in the PostgreSQL index, its hits and their places from its postings
        pairs = [q for q in queries if pair_key(q) is not None]
        assert len(pairs) > 10
        for q in pairs:
            terms, exact = self.pg.cjk_terms(q)
            assert (terms, exact) == (["%" + q], True), q
            truth = {self.nums[a]: _starts(t, q) for a, t in self.texts.items() if q in t}
            assert set(self.pg.nums(terms)) == set(truth), q
            both = self.truth(lambda t, q=q: q in t and "london" in _words(t))
            either = self.truth(lambda t, q=q: q in t or "london" in _words(t))
            assert set(self.pg.nums([*terms, "london"])) == both and set(self.pg.any_nums([*terms, "london"])) == either
            assert self.pg.counts(Rows(truth), q, held=True) == (truth, Rows()), q
            assert self.pg.exact_count(terms[0]) is None
        assert self.whoosh.cjk_terms("鑫龘") == cjk_terms("鑫龘")  # Whoosh: buckets, verified
        # a counted bigram's occurrences in the rows holding it, from the index (every place it starts)
        for needle in {"人民", "中国", "大会", *(q for q in queries if q in counted_bigrams())}:
            truth = {self.nums[a]: _starts(t, needle) for a, t in self.texts.items() if needle in t}
            assert self.pg.counts(Rows(truth), needle, held=True) == (truth, Rows()), needle
            assert self.whoosh.counts(Rows(truth), needle) == (truth, Rows()), needle
            assert self.pg.counts(Rows(truth), needle) == ({}, Rows(truth))  # not known to hold it: not counted here
        live = set().union(*map(_words, self.texts.values()))
        for prefix in ("", "l", "lond", "t", "18", "zz"):
            # Whoosh may still list a deleted article's words until a merge drops them (empty postings)
            assert self.pg.words(prefix) == sorted(w for w in live if w.startswith(prefix)), prefix
            assert set(self.whoosh.words(prefix)) >= set(self.pg.words(prefix)), prefix


@pytest.fixture
def pair(tmp_path: Path, pg_url: str) -> Iterator[Pair]:
    p = Pair(tmp_path / "whoosh", pg_url)
    yield p
    p.whoosh.close()
    p.pg.close()


def test_same_candidates_as_whoosh_and_brute_force(pair: Pair) -> None:
    rng = random.Random(18)
    alphabet, frequent = _alphabet(rng)
    first = {f"a{i}": _text(rng, alphabet, frequent) for i in range(300)}
    pair.write(dict(list(first.items())[:150]), update=False)
    pair.write(dict(list(first.items())[150:]), update=False, packed=True)  # terms computed by a reading process
    queries = _queries(pair.texts, rng, frequent)
    assert any(_starts(t, "人民") > 1 for t in pair.texts.values())  # counts past the default of once
    pair.check(queries)

    # deletes and replacements (in one writer, as sync does), then again
    gone = rng.sample(sorted(pair.texts), 60)
    replaced = {a: _text(rng, alphabet, frequent) for a in rng.sample(sorted(set(pair.texts) - set(gone)), 60)}
    pair.write(replaced, deletes=gone)
    pair.check(queries + _queries(pair.texts, rng, frequent))

    # a rebuild: reset, every article added again
    pair.whoosh.reset()
    pair.pg.reset()
    assert pair.pg.doc_count() == 0 and pair.pg.words() == []
    pair.write(dict(pair.texts), update=False)
    pair.check(queries)


def test_a_writer_that_fails_writes_nothing(pair: Pair) -> None:
    pair.write({"a": "人民 london", "b": "日报"})
    with pytest.raises(RuntimeError), pair.pg.writer() as w:
        w.delete("a")
        w.add(9, "c", "人民日报 london")
        raise RuntimeError("interrupted")
    assert set(pair.pg.all_nums()) == {1, 2}
    assert set(pair.pg.nums(["london"])) == {1}


def test_a_word_no_article_holds_any_more_is_not_expanded(pair: Pair) -> None:
    pair.write({"a": "london times", "b": "london"})
    pair.write({}, deletes=["a"])
    # Whoosh keeps a deleted article's words in its term list until a merge drops them (their postings
    # are empty: a wildcard finds nothing more by them); the PostgreSQL index counts them away
    assert pair.pg.words("t") == []
    assert set(pair.whoosh.words("t")) >= set(pair.pg.words("t"))
    assert set(pair.pg.any_nums(pair.whoosh.words("t"))) == set(pair.whoosh.any_nums(pair.whoosh.words("t"))) == set()
    pair.write({"b": "times"})
    assert pair.pg.words() == ["times"]


def _plan(url: str, sql: str, params: tuple[Any, ...]) -> str:
    with psycopg.connect(url) as conn:
        conn.execute("SET enable_seqscan = off")
        rows = conn.execute("EXPLAIN " + sql, params).fetchall()
    return "\n".join(r[0] for r in rows)


def test_one_and_two_character_queries_read_only_the_gin_index(pair: Pair, pg_url: str) -> None:
    rng = random.Random(3)
    alphabet, frequent = _alphabet(rng)
    pair.write({f"a{i}": _text(rng, alphabet, frequent) for i in range(400)}, update=False)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("ANALYZE ix_docs")
    for q in ("的", frequent[0], "鑫龘"):
        from reader.index.pg import _split

        keys, _ = _split(cjk_terms(q)[0])
        plan = _plan(pg_url, "SELECT num FROM ix_docs WHERE keys @> %s::int4[]", (keys,))
        assert "Bitmap Index Scan on ix_docs_keys" in plan and "Seq Scan" not in plan, plan
    # a counted bigram's counts past one: through their own GIN index
    key = _split(["人民"])[0][0]
    plan = _plan(pg_url, "SELECT num, cns[array_position(ckeys, %s)] FROM ix_docs WHERE ckeys @> %s::int4[]",
                 (key, [key]))
    assert "Bitmap Index Scan on ix_docs_ckeys" in plan and "Seq Scan" not in plan, plan


def test_an_index_of_another_layout_is_outdated_until_reset(pg_url: str) -> None:
    ix = PgIndex(lambda: psycopg.connect(pg_url))
    with ix.writer() as w:
        w.add(1, "a", "人民")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE ix_meta SET value = '0/t14x2f0' WHERE key = 'layout'")
    ix.close()
    ix = PgIndex(lambda: psycopg.connect(pg_url))
    assert ix.outdated
    with pytest.raises(PgIndexError):
        ix.nums(["人"])
    ix.reset()
    assert not ix.outdated and ix.doc_count() == 0
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT value FROM ix_meta WHERE key = 'layout'").fetchone() == (LAYOUT,)
    ix.close()


def test_sync_heals_a_pg_index_from_the_catalogue(tmp_path: Path, pg_url: str, data_dir: Path) -> None:
    """store.sync/unhealthy/stamp with a PostgreSQL index (here beside a folder library's catalogue)."""
    from reader.library.catalogue import Library
    from reader.library.importer import import_paths

    lib = Library(tmp_path / "lib")
    import_paths(lib, [data_dir / "text" / "seed_page.txt"])
    ix = PgIndex(lambda: psycopg.connect(pg_url))
    assert sindex.sync(lib, index=ix) == sindex.indexed_count(lib) > 0  # an empty index: rebuilt
    folded = dict(lib.conn.execute("SELECT num, folded FROM article_text"))
    num = next(n for n, t in folded.items() if "小化工" in t)
    assert num in ix.nums(cjk_terms("小化工")[0])
    assert sindex.unhealthy(lib, ix) is None
    ix.write_token("another library")
    assert sindex.unhealthy(lib, ix) == "the index folder belongs to another library"
    assert sindex.sync(lib, index=ix) > 0
    assert ix.held_token() == lib.meta_get("index_token")
    with ix.writer() as w:  # lost articles: stale
        w.delete(lib.conn.execute("SELECT id FROM articles").fetchone()[0])
    assert sindex.unhealthy(lib, ix) is not None
    sindex.sync(lib, index=ix)
    assert ix.doc_count() == sindex.indexed_count(lib)
    ix.close()
    lib.close()


def test_open_index_chooses_the_pg_index_for_a_postgres_library(pg_url: str) -> None:
    """A PostgreSQL library: ``open_index`` gives a PgIndex on its database, ``discard_index`` empties it, and
    messages name the database (without a password), not a folder of this machine's cache."""
    from reader.library.catalogue import Library

    library = Library.open(pg_url)
    try:
        ix = sindex.open_index(library)
        assert isinstance(ix, PgIndex)
        with ix.writer() as w:
            w.add(1, "a", "人民 london")
        ix.close()
        sindex.discard_index(library)
        ix = sindex.open_index(library)
        assert ix.doc_count() == 0 and not ix.outdated
        ix.close()
        assert pg_url.split("@")[1] in sindex.index_where(library)  # host:port/database
        assert str(library.index_dir) not in sindex.index_where(library)
    finally:
        library.close()


def test_a_read_only_connection_opens_and_searches_an_existing_index(pg_url: str) -> None:
    """A replica (``--read-library``) or a read-only role: opening the index writes nothing."""
    writer = PgIndex(lambda: psycopg.connect(pg_url))
    with writer.writer() as w:
        w.add(1, "a", "人民日报 london")
    writer.close()
    reader = PgIndex(lambda: psycopg.connect(pg_url, options="-c default_transaction_read_only=on"))
    assert not reader.outdated
    assert set(reader.nums(cjk_terms("日报")[0])) == {1} and reader.words("lon") == ["london"]
    reader.close()


def _as_older_schema(url: str, version: int) -> None:
    """Make the index at ``url`` what an older Broadsheet wrote: schema 2 had no counted bigrams' counts, schema 1
    no term counts either."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE ix_pairs")
        conn.execute("DROP INDEX ix_docs_num")
        conn.execute("DELETE FROM ix_meta WHERE key = 'paired'")
        if version == 3:
            conn.execute("UPDATE ix_meta SET value = %s WHERE key = 'layout'", (f"3/{FIELD}",))
            return
        conn.execute("DROP INDEX ix_docs_ckeys")
        conn.execute("ALTER TABLE ix_docs DROP COLUMN ckeys, DROP COLUMN cns")
        conn.execute("DELETE FROM ix_meta WHERE key = 'counted'")
        if version == 1:
            conn.execute("DROP TABLE ix_keys")
        conn.execute("UPDATE ix_meta SET value = %s WHERE key = 'layout'", (f"{version}/{KEYS_LAYOUT}",))


def test_an_index_of_the_second_schema_is_kept_and_its_occurrences_counted_in_the_texts(pg_url: str) -> None:
    """An index written before the counted bigrams' counts (schema 2) is brought up to date where it is: its rows
    kept (not one article read again), searched as before, its occurrences counted in the texts (its rows carry no
    counts) until a rebuild; rows added from then on carry them."""
    old = PgIndex(lambda: psycopg.connect(pg_url))
    with old.writer() as w:
        w.add(1, "a", "人民日报 人民")
        w.add(2, "b", "人民")
    old.close()
    _as_older_schema(pg_url, 2)
    ix = PgIndex(lambda: psycopg.connect(pg_url))
    assert not ix.outdated and ix.doc_count() == 2 and set(ix.nums(["人民"])) == {1, 2}
    assert ix.counts(Rows([1, 2]), "人民", held=True) == ({}, Rows([1, 2]))  # counted where the texts are
    with ix.writer() as w:
        w.add(3, "c", "人民人民人民")
    assert ix.counts(Rows([3]), "人民", held=True) == ({}, Rows([3]))  # still: not every row is counted
    ix.reset()
    with ix.writer() as w:
        w.add(1, "a", "人民日报 人民")
        w.add(3, "c", "人民人民人民")
    assert ix.counts(Rows([1, 3]), "人民", held=True) == ({1: 2, 3: 3}, Rows())
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT value FROM ix_meta WHERE key = 'layout'").fetchone() == (LAYOUT,)
    ix.close()


def test_an_index_of_the_first_schema_gets_its_counts_in_place(pg_url: str) -> None:
    """An index written before the term counts (schema 1: no ``ix_keys``) is brought up to date where it is — its
    counts made from its own rows, no article read again (a shared library of hundreds of thousands of pages is
    not rebuilt because Broadsheet was upgraded) — by the first connection that may write; a read-only one (a
    replica) says it is outdated, creating nothing."""
    old = PgIndex(lambda: psycopg.connect(pg_url))
    with old.writer() as w:
        w.add(1, "a", "人民日报 london")
        w.add(2, "b", "人民")
        w.add(3, "c", "日报")
    with old.writer() as w:
        w.delete("c")
    old.close()
    _as_older_schema(pg_url, 1)
    reader = PgIndex(lambda: psycopg.connect(pg_url, options="-c default_transaction_read_only=on"))
    assert reader.outdated
    reader.close()
    ix = PgIndex(lambda: psycopg.connect(pg_url))
    assert not ix.outdated and ix.doc_count() == 2
    counts = [ix.exact_count(t) for t in ("人", "日", "london", "报纸")]
    assert counts == [2, 1, 1, 0]
    with ix.writer() as w:  # and kept from then on
        w.add(4, "d", "人")
    assert ix.exact_count("人") == 3
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT value FROM ix_meta WHERE key = 'layout'").fetchone() == (LAYOUT,)
    ix.close()


def test_a_role_that_may_not_create_tables_leaves_the_first_schema_outdated(pg_url: str) -> None:
    """A role that may write rows but not create tables (a researcher's, on a library someone else owns) opens an
    index of schema 1 as outdated — nothing half done —, and its owner's next connection brings it up to date."""
    old = PgIndex(lambda: psycopg.connect(pg_url))
    with old.writer() as w:
        w.add(1, "a", "人民")
    old.close()
    _as_older_schema(pg_url, 1)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS ix_writer")
        conn.execute("CREATE ROLE ix_writer LOGIN")
        conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        conn.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ix_writer")
    writer = PgIndex(lambda: psycopg.connect(pg_url.replace("broadsheet@", "ix_writer@")))
    assert writer.outdated
    writer.close()
    owner = PgIndex(lambda: psycopg.connect(pg_url))
    assert not owner.outdated and owner.exact_count("人") == 1
    owner.close()


def test_an_index_of_the_third_schema_answers_rare_pairs_by_their_buckets_until_its_pairs_are_filled(
        pg_url: str) -> None:
    """An index written before the rare pairs' keys (schema 3) is kept where it is, its pairs' table made empty: a
    rare pair is answered by its buckets (verified on the texts) until ``fill_pairs`` has read every row's text —
    then by its own key. Rows added meanwhile carry their pairs; a row deleted meanwhile is not filled."""
    texts = {"a": "在千 鑫龘在千", "b": "鑫龘", "c": "千在", "d": "在千"}
    old = PgIndex(lambda: psycopg.connect(pg_url))
    with old.writer() as w:
        for num, (a, t) in enumerate(texts.items(), 1):
            w.add(num, a, t)
    old.close()
    _as_older_schema(pg_url, 3)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE article_text (num bigint PRIMARY KEY, folded text NOT NULL)")
        conn.cursor().executemany("INSERT INTO article_text VALUES (%s, %s)", list(enumerate(texts.values(), 1)))
    ix = PgIndex(lambda: psycopg.connect(pg_url))
    assert not ix.outdated and ix.doc_count() == 4
    assert ix.cjk_terms("在千") == cjk_terms("在千")  # buckets: verified on the texts
    assert ix.counts(Rows([1, 4]), "在千", held=True) == ({}, Rows([1, 4]))
    with ix.writer() as w:
        w.add(5, "e", "在千在千")
        w.delete("d")
    seen: list[tuple[int, int]] = []
    assert ix.fill_pairs(batch=2, progress=lambda done, total: seen.append((done, total))) == 3
    assert seen[-1] == (3, 4)
    assert ix.cjk_terms("在千") == (["%在千"], True)
    assert set(ix.nums(["%在千"])) == {1, 5} and set(ix.nums(["%鑫龘"])) == {1, 2}
    assert ix.counts(Rows([1, 5]), "在千", held=True) == ({1: 2, 5: 2}, Rows())
    assert ix.fill_pairs() == 0
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT value FROM ix_meta WHERE key = 'layout'").fetchone() == (LAYOUT,)
        assert conn.execute("SELECT count(*) FROM ix_pairs").fetchone() == (4,)
    ix.close()
