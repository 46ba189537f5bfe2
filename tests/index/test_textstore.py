"""The index's copy of the folded texts (reader/index/textstore.py): searches verified on it equal a brute-force
scan; a missing, torn or partial copy falls back to the catalogue (never "no hits"); sync fills it in; rebuild
makes it anew; a deleted article is never found through it."""

from __future__ import annotations

import random
import re
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.index import store as sindex
from reader.index import textstore
from reader.index.rows import Rows
from reader.index.textstore import RECORD, TextStore
from reader.library.catalogue import Library, StoreMeta
from reader.model.document import Article, Document, Line, Page, Part, Span
from reader.search.engine import Searcher
from reader.text.forms import fold_text

# common characters (long runs of them have many candidates), Latin words, an astral character, and ⴰ/乎 whose
# UTF-16-LE bytes (30 2D 4E 4E) hold 中's (2D 4E) at an odd offset
CJK = "中国人民大会全代表华共和经济发展乎"
LATIN = ("APEC", "GDP", "new", "york", "Paris")
OTHER = ("ⴰ", "𠀋", "，", "。", " ")


def _text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(20, 120)):
        r = rng.random()
        if r < 0.06:
            out.append(" " + rng.choice(LATIN) + " ")
        elif r < 0.14:
            out.append(rng.choice(OTHER))
        else:
            out.append(rng.choice(CJK))
    return "".join(out).strip() or "中"


def _doc(rng: random.Random, n: int) -> Document:
    articles, lines = [], []
    for a in range(4):
        t = _text(rng)
        lid = f"l{a}"
        lines.append(Line(lid, t))
        articles.append(Article(f"a{a}", parts=[Part("paragraph", t, [Span(0, len(t), lid, 0)])], pages=[1]))
    return Document(source=f"/ts/{n}.txt", format="text", pages=[Page(number=1, lines=lines)], articles=articles)


def _library(folder: Path, docs: int = 40, seed: int = 17) -> tuple[Library, dict[str, str]]:
    rng = random.Random(seed)
    lib = Library(folder)
    folded: dict[str, str] = {}
    for n in range(docs):
        doc = _doc(rng, n)
        res = lib.store_document(doc, StoreMeta("人民日報", f"19{30 + n % 20}-01-01"), path=doc.source, sha256=str(n))
        for aid, art in zip(res.article_ids, doc.articles, strict=True):
            folded[aid] = fold_text(art.text)
    sindex.sync(lib)
    return lib, folded


QUERIES = ["中国人民", "全国人民代表大会", "人民大会", "经济发展", "中华人民共和国", "民大", "中", "国人民",
           '"APEC 中国"', "GDP人民", '"new york"', "中国 AND 经济发展", "人民大会 OR 发展经济", "乎中"]


def _brute(folded: dict[str, str], q: str) -> set[str]:
    if " AND " in q:
        a, b = q.split(" AND ")
        return _brute(folded, a) & _brute(folded, b)
    if " OR " in q:
        a, b = q.split(" OR ")
        return _brute(folded, a) | _brute(folded, b)
    needle = fold_text(q.strip('"'))
    pieces = re.findall(r"[a-z]+|[^a-z\s]+", needle)
    if len(pieces) > 1:  # a phrase: only spaces or punctuation between its pieces; a word is whole
        rx = re.compile(r"[\W_]*".join(f"(?<![a-z0-9]){p}(?![a-z0-9])" if p.isascii() else p for p in pieces))
        return {k for k, t in folded.items() if rx.search(t)}
    return {k for k, t in folded.items() if needle in t}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, dict[str, str]]]:
    lib, folded = _library(tmp_path_factory.mktemp("tslib"))
    yield lib, folded
    lib.close()


def test_the_store_holds_every_indexed_text(corpus) -> None:  # type: ignore[no-untyped-def]
    lib, folded = corpus
    ix = sindex.open_index(lib)
    try:
        nums = dict(lib.conn.execute("SELECT id, num FROM articles"))
        got, unknown = ix.folded(set(nums.values()))
        assert not unknown
        assert {n: t for n, t in got} == {nums[k]: t for k, t in folded.items()}
    finally:
        ix.close()


@pytest.mark.parametrize("q", QUERIES)
def test_searches_verified_on_the_store_equal_brute_force(corpus, q: str) -> None:  # type: ignore[no-untyped-def]
    lib, folded = corpus
    with Searcher(lib) as s:
        assert s.matching_ids(q) == _brute(folded, q)
        assert s.search(q, limit=5).total == len(_brute(folded, q))


def test_a_match_inside_two_utf16_code_units_is_not_a_match(tmp_path: Path) -> None:
    store = TextStore(tmp_path)
    store.append([(1, "ⴰ乎乎乎", 0), (2, "乎中乎乎", 0), (3, "abc中", 0)])
    assert textstore.encode("ⴰ乎乎乎")[1] == textstore.UTF16
    assert store.holding({1, 2, 3, 4}, "中") == ({2, 3}, {4})
    assert store.holding({1, 2}, "ⴰ乎") == ({1}, set())
    # a false match at an odd byte first, a true one after it: found (the rows are searched all at once, and
    # the odd ones again, aligned)
    store.append([(5, "ⴰ乎中", 0), (6, "ⴰ乎乎中"[:3], 0), (7, "中" * 3, 0)])
    assert store.holding({1, 2, 3, 5, 6, 7}, "中") == ({2, 3, 5, 7}, set())


def test_a_torn_record_and_a_record_past_the_data_are_ignored(tmp_path: Path) -> None:
    store = TextStore(tmp_path)
    store.append([(1, "中国人民", 0)])
    with open(tmp_path / textstore.INDEX, "ab") as f:
        f.write(RECORD.pack(2, 10_000, 8, textstore.UTF16))  # its data never written (a crash)
        f.write(RECORD.pack(3, 0, 8, textstore.UTF16)[:7])  # torn
    fresh = TextStore(tmp_path)
    assert fresh.holding({1, 2, 3}, "人民") == ({1}, {2, 3})
    fresh.append([(3, "人民日报", 0)])  # records past the data: both files start again (they would mean other texts)
    assert TextStore(tmp_path).holding({1, 2, 3}, "人民") == ({3}, {1, 2})


def test_appending_after_a_torn_record_starts_on_a_record_boundary(tmp_path: Path) -> None:
    store = TextStore(tmp_path)
    store.append([(1, "中国人民", 0)])
    with open(tmp_path / textstore.INDEX, "ab") as f:
        f.write(RECORD.pack(3, 0, 8, textstore.UTF16)[:7])  # torn
    TextStore(tmp_path).append([(3, "人民日报", 0)])
    assert TextStore(tmp_path).holding({1, 2, 3}, "人民") == ({1, 3}, {2})


def test_a_reader_sees_what_another_writer_appended(tmp_path: Path) -> None:
    reader, writer = TextStore(tmp_path), TextStore(tmp_path)
    writer.append([(1, "中国", 0)])
    assert reader.holding({1, 2}, "中国") == ({1}, {2})
    writer.append([(2, "中国人民" * 50, 0)])
    assert reader.holding({1, 2}, "中国") == ({1, 2}, set())


@pytest.mark.parametrize("damage", ["deleted", "emptied", "half"])
def test_a_missing_or_partial_store_falls_back_to_the_catalogue(tmp_path: Path, damage: str) -> None:
    lib, folded = _library(tmp_path / "lib", docs=12, seed=3)
    dat, idx = lib.index_dir / textstore.DATA, lib.index_dir / textstore.INDEX
    if damage == "deleted":
        dat.unlink()
        idx.unlink()
    elif damage == "emptied":
        dat.write_bytes(b"")
    else:
        raw = idx.read_bytes()
        idx.write_bytes(raw[: (len(raw) // RECORD.size // 2) * RECORD.size])
    ix = sindex.open_index(lib)
    try:
        with Searcher(lib, ix) as s:  # no sync in between: the store is as damaged as it was left
            for q in QUERIES:
                assert s.matching_ids(q) == _brute(folded, q), q
        sindex.sync(lib, ix)  # fills the store in again
        nums = {n for (n,) in lib.conn.execute("SELECT num FROM articles")}
        assert not ix.folded(nums)[1]
        assert ix.texts.record_count() == len(nums)
        with Searcher(lib, ix) as s:
            for q in QUERIES:
                assert s.matching_ids(q) == _brute(folded, q), q
    finally:
        ix.close()
        lib.close()


def test_rebuild_makes_the_store_anew(tmp_path: Path) -> None:
    lib, folded = _library(tmp_path / "lib", docs=8, seed=5)
    try:
        with open(lib.index_dir / textstore.INDEX, "ab") as f:
            f.write(b"\0" * 5)
        sindex.rebuild(lib)
        ix = sindex.open_index(lib)
        try:
            assert ix.texts.record_count() == ix.doc_count() == len(folded)
        finally:
            ix.close()
        with Searcher(lib) as s:
            for q in QUERIES:
                assert s.matching_ids(q) == _brute(folded, q), q
    finally:
        lib.close()


def test_a_deleted_article_is_not_found_through_the_store(tmp_path: Path) -> None:
    """The store keeps a removed source's texts until a rebuild; the search must not find them (the index is
    stale until the next sync: the catalogue verifies)."""
    lib, folded = _library(tmp_path / "lib", docs=10, seed=9)
    try:
        gone = {r[0] for r in lib.conn.execute(
            "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.path = '/ts/0.txt'")}
        assert lib.remove_source("/ts/0.txt")
        rest = {k: v for k, v in folded.items() if k not in gone}
        with Searcher(lib) as s:
            for q in QUERIES:
                assert s.matching_ids(q) == _brute(rest, q), q
        sindex.sync(lib)
        with Searcher(lib) as s:
            for q in QUERIES:
                assert s.matching_ids(q) == _brute(rest, q), q
    finally:
        lib.close()


@given(st.text(alphabet="apecAPEC中国x_1 ，〓\n", max_size=30))
def test_a_word_piece_checked_after_its_literal_finds_what_the_lookbehind_did(text: str) -> None:
    """The phrase pattern starts with the word's literal (searched at C speed) and checks the character before
    it afterwards: the same matches as the lookbehind-first pattern it replaced."""
    from reader.search.query import _WORD, SearchOptions, make_term
    from reader.text.chars import UNREADABLE

    term = make_term("APEC中国", SearchOptions())
    assert term is not None
    before = re.compile(f"(?<!{_WORD})apec(?!{_WORD})(?:[^\\w{UNREADABLE}]|_)*?中国")
    folded = fold_text(text)
    assert [m.span() for m in term.regex().finditer(folded)] == [m.span() for m in before.finditer(folded)]


@given(st.text(alphabet="中國国人民ＡBc ，。﹏ß㍿\u0301e\u3000ⴰ乎𠀋\n", max_size=25))
def test_a_text_known_to_fold_one_to_one_keeps_its_offsets(text: str) -> None:
    """folds_one_to_one(text) and a folded text as long as the text: fold's map is the identity (the concordance
    then takes the stored folded text's offsets as the original's)."""
    from reader.text.forms import fold, folds_one_to_one

    folded, omap = fold(text)
    if folds_one_to_one(text) and len(folded) == len(text):
        assert omap == list(range(len(text)))


def test_a_reader_drops_what_it_read_when_the_folder_is_replaced(tmp_path: Path) -> None:
    """A rebuild in another process writes new files: the same rows at other offsets. Records read before point
    into the old data file and must not be resolved against the new one."""
    reader = TextStore(tmp_path)
    TextStore(tmp_path).append([(1, "人民" * 10, 0), (2, "中国" * 10, 0)])
    assert reader.holding({1, 2}, "中国") == ({2}, set())
    for name in (textstore.DATA, textstore.INDEX):
        (tmp_path / name).unlink()
    TextStore(tmp_path).append([(7, "甲乙丙" * 40, 0), (2, "中国" * 10, 0), (1, "人民" * 10, 0), (3, "中国", 0)])
    assert reader.holding({1, 2, 3}, "中国") == ({2, 3}, set())
    assert dict(reader.texts({1})[0]) == {1: "人民" * 10}


def test_rows_found_by_bisection_and_out_of_order_alike(tmp_path: Path) -> None:
    """A store whose rows came in order is read by bisection (no table of every record); rows appended out of
    order (a store filled in later) and a row written twice are found all the same, the last record winning."""
    store = TextStore(tmp_path)
    store.append([(n, f"文{n}", 0) for n in range(2, 40, 2)])
    got, unknown = store.texts({4, 10, 38})
    assert dict(got) == {4: "文4", 10: "文10", 38: "文38"} and not unknown
    assert not store._table, "a few rows in order are looked up without reading every record"
    assert store.holding({5, 6}, "文") == ({6}, {5})
    store.append([(5, "五", 0), (3, "三", 0), (10, "文10", 0)])  # out of order, and 10 again
    fresh = TextStore(tmp_path)
    for s in (store, fresh):
        got, unknown = s.texts({3, 5, 10, 2, 41})
        assert dict(got) == {3: "三", 5: "五", 10: "文10", 2: "文2"} and unknown == {41}
        assert s.holding({3, 5, 7, 38}, "三") == ({3}, {7})
    assert fresh.rows() == set(range(2, 40, 2)) | {3, 5}


def test_many_rows_looked_up_together_find_what_one_at_a_time_finds(tmp_path: Path) -> None:
    """Thousands of rows looked up together (a common string's candidates, as a bitmap or a set): the same texts
    as one row at a time, the rows the store lacks told apart, rows appended out of order found too."""
    rng = random.Random(3)
    store = TextStore(tmp_path)
    rows = sorted(rng.sample(range(1, 40_000), 6000))
    texts = {n: ("中国人民" if n % 3 else "人民") + f"{n}" + ("ab" if n % 5 else "") for n in rows}
    store.append([(n, t, 0) for n, t in texts.items()])
    late = {40_001: "中国", 7: "中国七"} if 7 not in texts else {40_001: "中国"}
    store.append([(n, t, 0) for n, t in late.items()])  # out of order: 7 (when free) comes after 40,000
    texts.update(late)
    asked = set(rng.sample(rows, 3000)) | set(late) | {0, 39_999 + 5, 123_456}  # some the store lacks
    asked -= {n for n in (0, 39_999 + 5, 123_456) if n in texts}
    lacking = {n for n in asked if n not in texts}
    want_held = {n for n in asked if n in texts and "中国" in texts[n]}
    for nums in (Rows(asked), set(asked)):
        fresh = TextStore(tmp_path)
        assert fresh.holding(nums, "中国") == (want_held, lacking)
        got, unknown = fresh.texts(nums)
        assert dict(got) == {n: texts[n] for n in asked if n in texts} and unknown == lacking
    one_by_one = TextStore(tmp_path)
    for n in sorted(asked)[:50]:
        assert one_by_one.holding({n}, "中国") == (({n} & want_held), ({n} & lacking))


_PIECES = st.sampled_from([*CJK[:4], "ⴰ", "乎", "𠀋", "a", "中国"])


@given(st.lists(st.lists(_PIECES, min_size=1, max_size=30).map("".join), min_size=1, max_size=8),
       st.sampled_from(["中", "中国", "国中", "乎", "ⴰ乎", "中中", "𠀋", "a中", "中国中", "人人"]))
def test_occurrences_counted_on_the_store_equal_every_place_the_needle_starts(texts: list[str], needle: str) -> None:
    """Every place ``needle`` starts, overlapping ones included (中中 twice in 中中中), never a match across two
    UTF-16 code units (ⴰ乎 holds 中's bytes at an odd offset), whichever encoding each text was stored in."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        store = TextStore(Path(folder))
        store.append([(n, t, 0) for n, t in enumerate(texts, start=1)])
        got, unknown = store.counts(set(range(1, len(texts) + 2)), needle)
        want = {n: sum(t.startswith(needle, i) for i in range(len(t))) for n, t in enumerate(texts, start=1)}
        assert got == want and unknown == {len(texts) + 1}


def test_counts_of_many_rows_read_the_table_once(tmp_path: Path) -> None:
    """Counting most of the store's rows reads its table of rows once (a bisection per row cost more)."""
    store = TextStore(tmp_path)
    store.append([(n, "中国" * (n % 3), 0) for n in range(1, 500)])
    got, unknown = store.counts(set(range(1, 500)), "中国")
    assert got == {n: n % 3 for n in range(1, 500)} and not unknown
    assert len(store._table) == 499


class _Asked:
    """Stands for the data's map: records what was asked of the disk."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []

    def madvise(self, flag: int, start: int, length: int) -> None:
        self.ranges.append((start, start + length))


def test_texts_read_from_the_disk_are_asked_for_a_window_ahead_of_the_reading(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the first records took long (a cold page cache), every later record's text is asked of the disk —
    page-aligned, near ones as one range — before it is handed out, a window ahead; records read fast (cached)
    ask nothing."""
    records = [(n, 100_000 * n + 7, 5_000, 0) for n in range(1, 1_500)]
    monkeypatch.setattr(textstore, "_SLOW_NS", -1)  # every read counts as slow
    asked = _Asked()
    seen = []
    for rec in textstore._ahead(asked, records, textstore._record_span):  # type: ignore[arg-type]
        covered = any(a <= rec[1] and rec[1] + rec[2] <= b for a, b in asked.ranges)
        seen.append((rec, covered))
    assert [rec for rec, _ in seen] == records
    assert all(covered for _, covered in seen[textstore._PROBE:])
    assert not any(covered for _, covered in seen[:textstore._PROBE])
    assert len(asked.ranges) == len(records) - textstore._PROBE  # far apart: one range each
    assert all(a % textstore.mmap.PAGESIZE == 0 for a, _ in asked.ranges)
    monkeypatch.setattr(textstore, "_SLOW_NS", 10**12)
    fast = _Asked()
    assert list(textstore._ahead(fast, records, textstore._record_span)) == records  # type: ignore[arg-type]
    assert fast.ranges == []


class _Clock:
    """Stands for ``time``: the test says how long each reading took, whatever the machine's load."""

    def __init__(self) -> None:
        self.now = 0

    def perf_counter_ns(self) -> int:
        return self.now


def test_texts_that_turn_cold_after_cached_ones_are_asked_for_ahead_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first records may be cached (read by an earlier search, near in the file) and the rest on the disk: the
    reading is judged again every :data:`_PROBE` records until it is slow. Judged once, a rare pair's 1,500 texts at
    100,000 pages after 32 cached ones faulted in one at a time: 1.3 s, cold. The clock is the test's: on a loaded
    machine a cached run once took longer than a disk's and was asked ahead at record 12 (CI, stop 50)."""
    clock = _Clock()
    monkeypatch.setattr(textstore, "time", clock)
    records = [(n, 100_000 * n + 7, 5_000, 0) for n in range(1, 1_500)]
    asked = _Asked()
    out = []
    for i, rec in enumerate(textstore._ahead(asked, records, textstore._record_span)):  # type: ignore[arg-type]
        clock.now += 1_000 if i < 100 or asked.ranges else 200_000  # cached; then a page fault served by the disk
        out.append(rec)
    assert out == records
    assert asked.ranges, "never asked ahead"
    first = min(i for i, rec in enumerate(records) if any(a <= rec[1] < b for a, b in asked.ranges))
    assert 100 <= first <= 100 + 2 * textstore._PROBE
    assert all(any(a <= rec[1] < b for a, b in asked.ranges) for rec in records[first:])


def test_near_records_are_asked_as_one_range() -> None:
    asked = _Asked()
    spans = [(0, 10, 100, 0), (1, 200, 50, 0), (2, 200 + 50 + textstore._GAP, 10, 0), (3, 10**9, 4, 0)]
    assert textstore._advise(asked, spans, textstore._record_span) == 4  # type: ignore[arg-type]
    assert asked.ranges == [(0, 200 + 50 + textstore._GAP + 10), (10**9 - 10**9 % textstore.mmap.PAGESIZE, 10**9 + 4)]


def test_searches_verified_while_asking_ahead_find_what_they_find_without(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Holding, counting and reading texts give the same answers when every record is asked of the disk ahead."""
    rng = random.Random(5)
    store = TextStore(tmp_path)
    texts = {n: "".join(rng.choice([*CJK, *LATIN, *OTHER]) for _ in range(rng.randrange(1, 60)))
             for n in range(1, 3_000)}
    store.append([(n, t, 0) for n, t in texts.items()])
    nums = set(rng.sample(sorted(texts), 1_200)) | {5_000}

    def answers() -> tuple[object, ...]:
        fresh = TextStore(tmp_path)
        got, unknown = fresh.texts(nums)
        return fresh.holding(nums, "中国"), fresh.counts(nums, "人民"), fresh.counts(set(texts), "中"), \
            (dict(got), unknown)

    plain = answers()
    monkeypatch.setattr(textstore, "_SLOW_NS", -1)
    monkeypatch.setattr(textstore, "_WINDOW", 7)
    assert answers() == plain
    assert plain[0][1] == {5_000}


def test_each_record_holds_its_articles_chars_and_an_older_store_none(tmp_path: Path) -> None:
    # relevance divides by the catalogue's length of each article: recorded beside its text, a rare pair's hits are
    # ranked without reading each hit's row in the catalogue. A store written before holds none (its records' three
    # spare bytes were zero): "not recorded", never a length of 0; nor does a length beyond 24 bits.
    store = TextStore(tmp_path / "new")
    (tmp_path / "new").mkdir()
    store.append([(1, "中国人民", 9), (2, "abc", 0), (3, "人民", textstore.MAX_CHARS + 1), (4, "中", 1)])
    assert store.chars([1, 2, 3, 4, 5]) == {1: 9, 4: 1}
    assert store.holding({1, 2, 3, 4}, "人民") == ({1, 3}, set())
    assert store.counts([1, 3, 4], "人民") == ({1: 1, 3: 1, 4: 0}, set())
    placed = store._placed
    store._placed = lambda nums: pytest.fail("the hits of the last count are looked up again")  # type: ignore
    assert store.chars([1, 3]) == {1: 9}  # the hits of that count: from its look-up
    store._placed = placed  # type: ignore
    store.prepare()  # the table of every record: the same
    assert store.chars(range(1, 6)) == {1: 9, 4: 1}
    old = tmp_path / "old"
    old.mkdir()
    layout = struct.Struct("<qqiB3x")  # the records of a store written before
    raw, enc = textstore.encode("中国人民")
    (old / textstore.DATA).write_bytes(raw)
    (old / textstore.INDEX).write_bytes(layout.pack(textstore.GENERATION, 5, 0, 0) + layout.pack(1, 0, len(raw), enc))
    before = TextStore(old)
    assert before.chars([1]) == {} and before.holding({1}, "国人") == ({1}, set())
    assert [(n, t) for n, t in before.texts([1])[0]] == [(1, "中国人民")]


def test_an_index_written_before_lengths_were_recorded_is_given_them_by_the_next_sync(tmp_path: Path) -> None:
    # an existing library's index holds no lengths (its records' spare bytes are zero): rather than a rebuild, the
    # next sync gives every record its article's chars from the catalogue, once; texts and searches unchanged
    lib, _ = _library(tmp_path / "lib", docs=12)
    folder = sindex.open_index(lib).folder
    idx = folder / textstore.INDEX
    raw = bytearray(idx.read_bytes())
    for at in range(0, len(raw), RECORD.size):  # as a store written before: every word its encoding alone
        num, off, length, word = RECORD.unpack_from(raw, at)
        RECORD.pack_into(raw, at, num, off, length, word & 0xFF)
    idx.write_bytes(raw)
    nums = [n for (n,) in lib.conn.execute("SELECT num FROM articles")]
    assert TextStore(folder).chars(nums) == {} and not textstore.lengths_flag(idx)
    sindex.sync(lib)
    want = dict(lib.conn.execute("SELECT num, chars FROM articles"))
    assert TextStore(folder).chars(nums) == want and textstore.lengths_flag(idx)
    assert len(idx.read_bytes()) == len(raw)
    before = idx.stat().st_ino
    sindex.sync(lib)  # once
    assert idx.stat().st_ino == before
    with Searcher(lib) as s:
        assert s.search("中国", limit=None).total == sum("中国" in fold_text(t) for (t,) in lib.conn.execute(
            "SELECT folded FROM article_text"))
    lib.close()


def _unrecorded(idx: Path) -> bytes:
    """Make the record file ``idx`` as a store written before lengths were recorded wrote it; its bytes."""
    raw = bytearray(idx.read_bytes())
    for at in range(0, len(raw), RECORD.size):
        num, off, length, word = RECORD.unpack_from(raw, at)
        RECORD.pack_into(raw, at, num, off, length, word & 0xFF)
    idx.write_bytes(raw)
    return bytes(raw)


def test_lengths_are_not_put_over_a_store_that_changed_meanwhile(tmp_path: Path) -> None:
    # the catalogue's lengths are read between reading the records and putting the new file in place: a store grown
    # (or rebuilt by another process) meanwhile is not overwritten with the records read before — its new records
    # kept, the old ones not put back over other data; the next sync tries again
    store = TextStore(tmp_path)
    store.append([(1, "中国人民", 0), (2, "人民日报", 0)])
    raw = _unrecorded(tmp_path / textstore.INDEX)

    def lengths() -> dict[int, int]:
        TextStore(tmp_path).append([(3, "北京", 2)])
        return {1: 4, 2: 4}

    assert store.record_lengths(lengths) == 0
    after = (tmp_path / textstore.INDEX).read_bytes()
    assert after[:len(raw)] == raw and len(after) == len(raw) + RECORD.size
    assert not textstore.lengths_flag(tmp_path / textstore.INDEX)
    assert sorted(p.name for p in tmp_path.iterdir()) == [textstore.DATA, textstore.INDEX]  # no file left beside
    assert store.record_lengths(lambda: {1: 4, 2: 4, 3: 2}) == 2
    assert TextStore(tmp_path).chars([1, 2, 3]) == {1: 4, 2: 4, 3: 2}


def test_a_reader_that_read_every_record_sees_the_lengths_once_they_are_given(tmp_path: Path) -> None:
    # a long-lived reader (the window) holds the table of every record: the upgraded file comes under a new
    # generation, so it reads the records again (the data unchanged)
    TextStore(tmp_path).append([(1, "中国人民", 0), (2, "人民日报", 0)])
    _unrecorded(tmp_path / textstore.INDEX)
    reader = TextStore(tmp_path)
    reader.prepare()
    assert reader.chars([1, 2]) == {}
    assert TextStore(tmp_path).record_lengths(lambda: {1: 4, 2: 5}) == 2
    assert reader.chars([1, 2]) == {1: 4, 2: 5}
    assert reader.holding({1, 2}, "人民") == ({1, 2}, set())


def test_a_parallel_rebuild_records_every_length(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.index import parallel

    monkeypatch.setattr(parallel, "MIN_ARTICLES", 0)
    monkeypatch.setattr(parallel, "SEGMENT_CHARS", 3000)
    monkeypatch.setattr(parallel, "READ_ARTICLES", 17)
    lib, _ = _library(tmp_path / "lib", docs=30)
    try:
        sindex.rebuild(lib, workers=2)
        ix = sindex.Index(lib.index_dir)
        want = dict(lib.conn.execute("SELECT num, chars FROM articles"))
        assert ix.texts.chars(list(want)) == want
        assert textstore.lengths_flag(ix.folder / textstore.INDEX)
        ix.close()
    finally:
        lib.close()
