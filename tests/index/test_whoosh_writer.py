"""Broadsheet's own posting writer (reader/index/whoosh_writer.py) against Whoosh's stock writer.

The same adds, updates, deletes and merges go to two indexes, one written by
:class:`reader.index.store.Writer` (the custom writer), one by Whoosh's own
``SegmentWriter``; every term query must give identical candidates from both, and
the candidates brute force finds in the texts.
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Iterable
from pathlib import Path

import pytest
import whoosh
from whoosh import index as windex
from whoosh.query import And, Term

from reader.index import store as sindex
from reader.index import whoosh_writer
from reader.index.rows import Rows
from reader.index.store import _Numbering
from reader.index.terms import FIELD, cjk_terms, frequent_bigrams, terms

WORDS = ["times", "gazette", "1824", "london", "shanghai", "x2", "daily"]
RUNS = ["中国人民", "全国人民代表大会", "中华人民共和国", "社会主义"]


def _alphabet(rng: random.Random) -> tuple[str, list[str]]:
    frequent = sorted(g for g in frequent_bigrams() if len(g) == 2)
    chosen = rng.sample(frequent, 6)
    # two rare characters: their pairs with the common ones are not listed (bucket terms); the common ones' pairs
    # mostly are (words, and pairs across words such as 的一)
    common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会"
    chars = dict.fromkeys("".join(chosen) + "鲸熵" + common)
    return "".join(chars)[:40], chosen


def _text(rng: random.Random, alphabet: str, frequent: list[str]) -> str:
    out = []
    for _ in range(rng.randint(1, 6)):
        if rng.random() < 0.25:
            out.append(rng.choice(WORDS))
        elif rng.random() < 0.2:
            out.append(rng.choice(frequent) + "".join(rng.choices(alphabet, k=rng.randint(0, 2))))
        elif rng.random() < 0.15:  # a frequent run (an exact term of its own), whole or cut
            out.append(rng.choice(RUNS)[rng.randrange(2):])
        else:
            out.append("".join(rng.choices(alphabet, k=rng.randint(1, 8))))
    if rng.random() < 0.8:  # one character in most articles: its postings span several blocks
        out.insert(0, "的" + rng.choice(alphabet))
    return rng.choice([" ", "，", "。"]).join(out)


class Pair:
    """The same operations on a custom-written and a stock-written index, and the truth they should give."""

    def __init__(self, root: Path, stock: bool = True) -> None:
        self.custom_dir = root / "custom"
        #: the stock-written index (None: the custom one is checked against the truth alone)
        self.stock_dir: Path | None = root / "stock" if stock else None
        sindex.Index(self.custom_dir).close()
        if self.stock_dir is not None:
            self.stock_dir.mkdir()
            windex.create_in(str(self.stock_dir), sindex.schema())
        self.live: dict[str, tuple[int, str]] = {}

    def commit(self, adds: Iterable[tuple[int, str, str]] = (), deletes: Iterable[str] = (), update: bool = False,
               optimize: bool = False) -> None:
        adds, deletes = list(adds), list(deletes)
        ix = sindex.Index(self.custom_dir)
        try:
            with ix.writer(update=update, optimize=optimize) as w:
                for article_id in deletes:
                    w.delete(article_id)
                for num, article_id, folded in adds:
                    w.add(num, article_id, folded)
        finally:
            ix.close()
        if self.stock_dir is not None:
            self._commit_stock(adds, deletes, update, optimize)
        for article_id in deletes:
            self.live.pop(article_id, None)
        for num, article_id, folded in adds:
            self.live[article_id] = (num, folded)

    def _commit_stock(self, adds: list[tuple[int, str, str]], deletes: list[str], update: bool,
                      optimize: bool) -> None:
        assert self.stock_dir is not None
        stock = windex.open_dir(str(self.stock_dir))
        w = stock.writer()
        for article_id in deletes:
            w.delete_by_term("id", article_id)
        for num, article_id, folded in adds:
            if update:
                w.delete_by_term("id", article_id)
            w.add_document(id=article_id, num=num, **{FIELD: sorted(terms(folded))})
        w.commit(optimize=optimize)
        stock.close()

    def _truth(self) -> dict[str, frozenset[int]]:
        """Each term → the live articles whose folded text has it, from :func:`terms` of every text (not the index)."""
        having: dict[str, set[int]] = {}
        for num, folded in self.live.values():
            for t in terms(folded):
                having.setdefault(t, set()).add(num)
        return {t: frozenset(nums) for t, nums in having.items()}

    def check(self, queries: list[list[str]]) -> int:
        """Compare every query's candidates; the number of segments of the custom index."""
        custom = sindex.Index(self.custom_dir)
        stock = sindex.Index(self.stock_dir) if self.stock_dir is not None else None
        whoosh_ix = windex.open_dir(str(self.custom_dir))
        try:
            every = {num for num, _ in self.live.values()}
            assert custom.doc_count() == len(self.live) and set(custom.all_nums()) == every
            if stock is not None:
                assert stock.doc_count() == len(self.live) and set(stock.all_nums()) == every
            having = self._truth()
            with whoosh_ix.searcher() as s:
                col = s.reader().column_reader("num")
                for q in queries:
                    truth = set(every).intersection(*(having.get(t, ()) for t in q))
                    assert set(custom.nums(q)) == truth, q
                    if stock is not None:
                        assert set(stock.nums(q)) == truth, q
                    # Whoosh's own matchers read the custom writer's postings the same way
                    hits = s.search(And([Term(FIELD, t) for t in q]), limit=None, scored=False)
                    assert {col[h.docnum] for h in hits} == truth, q
            return len(whoosh_ix._segments())
        finally:
            whoosh_ix.close()
            custom.close()
            if stock is not None:
                stock.close()


def _queries(rng: random.Random, alphabet: str, frequent: list[str], texts: list[str]) -> list[list[str]]:
    every_term = sorted(set().union(*(terms(t) for t in texts)))
    qs: list[list[str]] = [[t] for t in every_term]  # every single term: characters, bigram terms, buckets, words
    runs = [ch for ch in alphabet] + ["龘"]
    runs += [a + b for a in alphabet[:12] for b in alphabet[:12]] + frequent + RUNS + ["中国人民代表大会"]
    for t in rng.sample(texts, 40):
        cjk = "".join(c for c in t if c in alphabet)
        if len(cjk) >= 4:
            runs += [cjk[:3], cjk[1:5]]
    for run in runs:
        qs.append(cjk_terms(run)[0])
    qs += [[w] for w in WORDS] + [["absent"], ["times", "1824"], ["的", "london"]]
    return qs


@pytest.fixture(params=["python", "numpy"])
def grouping(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """A segment's postings grouped by term in Python (a small commit in a process without numpy) or by numpy's
    sort (a large segment, or numpy already imported): the index must be the same."""
    import sys

    if request.param == "numpy":
        monkeypatch.setattr(whoosh_writer, "NUMPY_POSTINGS", 0)
    else:
        monkeypatch.setattr(whoosh_writer, "NUMPY_POSTINGS", 1 << 62)
        monkeypatch.delitem(sys.modules, "numpy", raising=False)
    return str(request.param)


def test_postings_are_grouped_by_term_in_docnum_order_either_way(grouping: str) -> None:
    rng = random.Random(3)
    docs = array("I", sorted(rng.sample(range(1, 5000), 400)))
    per_doc = [sorted(rng.sample(range(0x120000), rng.randint(0, 30)) + rng.sample(range(40), rng.randint(0, 5)))
               for _ in docs]
    per_doc = [list(dict.fromkeys(ks)) for ks in per_doc]  # a document's keys are a set
    want: dict[int, list[int]] = {}
    for doc, ks in zip(docs, per_doc, strict=True):
        for k in ks:
            want.setdefault(k, []).append(doc)
    keys = array("I", [k for ks in per_doc for k in ks])
    got = whoosh_writer.grouped_postings(keys, docs, array("I", map(len, per_doc)))
    assert {k: v.tolist() for k, v in got.items()} == want
    assert all(isinstance(v, array) and v.typecode == "I" for v in got.values())
    empty = whoosh_writer.grouped_postings(array("I"), array("I", [7]), array("I", [0]))
    assert empty == {}


def test_custom_and_stock_writers_give_identical_candidates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            grouping: str) -> None:
    monkeypatch.setattr(sindex, "BLOCK_POSTINGS", 256)  # lists of many blocks from 1,500 texts
    rng = random.Random(12)
    alphabet, frequent = _alphabet(rng)
    # Whoosh's stock writer does not depend on the grouping: built beside the numpy one only, the Python grouping's
    # index checked against the truth and Whoosh's own matchers
    pair = Pair(tmp_path, stock=grouping == "numpy")
    texts = [_text(rng, alphabet, frequent) for _ in range(1500)]
    # terms common enough to span several posting blocks (BLOCK_POSTINGS) and rare-pair buckets
    assert sum("的" in t for t in texts) > 2 * sindex.BLOCK_POSTINGS
    assert any(not exact and any(k[0] in "#$" for k in ks) for ks, exact in map(cjk_terms, ("的鲸", "熵的")))
    docs = [(i + 1, f"a{i}", t) for i, t in enumerate(texts)]
    queries = _queries(rng, alphabet, frequent, texts)

    pair.commit(docs[:600])
    pair.commit(docs[600:1000], deletes=[f"a{i}" for i in range(0, 600, 37)])
    replaced = [(num, aid, _text(rng, alphabet, frequent)) for num, aid, _ in docs[100:120]]
    pair.commit(replaced + docs[1000:1100], update=True)
    for start in range(1100, 1200, 10):  # small commits: Whoosh's merge policy merges small segments
        pair.commit(docs[start:start + 10])
    segments = pair.check(queries)
    assert segments > 1
    pair.commit(docs[1200:1400], deletes=[f"a{i}" for i in range(5, 1200, 23)], optimize=True)
    assert pair.check(queries) == 1  # every segment merged into one, deleted documents renumbered away
    pair.commit(docs[1400:], deletes=[f"a{i}" for i in range(1200, 1400, 7)])
    pair.commit(deletes=[f"a{i}" for i in range(1400, 1500, 3)], optimize=True)
    assert pair.check(queries) == 1


def test_the_writer_checks_the_whoosh_it_was_written_for() -> None:
    assert whoosh.versionstring() == ".".join(map(str, whoosh_writer.WRITTEN_FOR))
    whoosh_writer.check_whoosh_version()  # the installed one: what pyproject pins
    whoosh_writer.check_whoosh_version((2, 7, 5))
    with pytest.raises(whoosh_writer.WhooshVersionError) as caught:
        whoosh_writer.check_whoosh_version((2, 7, 6))
    assert "written for Whoosh 2.7.5" in str(caught.value) and "Whoosh 2.7.6 is installed" in str(caught.value)


def _block_bytes(ix_dir: Path) -> tuple[int, int]:
    """(bytes of the terms field's posting blocks as stored, postings), over every term of the index."""
    stored = postings = 0
    whoosh_ix = windex.open_dir(str(ix_dir))
    try:
        with whoosh_ix.searcher() as s:
            for r, _ in s.reader().leaf_readers():
                for btext in r.lexicon(FIELD):
                    m = r.postings(FIELD, btext)
                    m = getattr(m, "child", m)
                    while m.is_active():
                        stored += m._nextoffset - m._dataoffset
                        postings += m._blocklength
                        m._next_block()
    finally:
        whoosh_ix.close()
    return stored, postings


def _add_all(ix: sindex.Index, texts: list[str]) -> None:
    """Index ``texts`` in one commit: article ``a{i}`` at row ``i + 1``."""
    with ix.writer() as w:
        for i, t in enumerate(texts):
            w.add(i + 1, f"a{i}", t)


def test_posting_blocks_hold_deltas_as_bytes_and_read_back_everywhere(tmp_path: Path) -> None:
    """A block's docnum deltas are stored as bytes (or 16/32-bit integers, or Whoosh's tuple when that pickles
    shorter: the first delta is the block's first docnum, so bytes only where it is below 256). What reads them —
    ``raw_blocks``, the blocks a few candidates need, Whoosh's own matchers (``skip_to``, searches), the merge —
    sees the same ids."""
    rng = random.Random(5)
    texts = []
    for i in range(3000):
        # a common character with gaps below 256, one every 300 documents (16-bit gaps), and random ones
        chars = "".join(rng.sample("的一是在不了有和人这中大为上个国我以要他时来用们生到作", 8))
        texts.append(chars + ("龘" if i % 300 == 0 else "") + ("的" if rng.random() < 0.6 else ""))
    ix_dir = tmp_path / "ix"
    ix = sindex.Index(ix_dir)
    try:
        _add_all(ix, texts)
        assert set(ix.nums(["龘"])) == {i + 1 for i in range(0, 3000, 300)}
        assert set(ix.nums(["的"])) == {i + 1 for i, t in enumerate(texts) if "的" in t}
        # a few candidates met with a long list: only their blocks decoded
        assert set(ix.nums(["龘", "的"])) == {i + 1 for i in range(0, 3000, 300) if "的" in texts[i]}
    finally:
        ix.close()
    stored, postings = _block_bytes(ix_dir)
    assert postings == sum(len(sindex.terms(t)) for t in texts)
    # Whoosh 3's tuples: 1.88 here (short lists of wide gaps keep them, so the gain is smaller than at scale)
    assert stored / postings < 1.7, stored / postings
    whoosh_ix = windex.open_dir(str(ix_dir))
    try:
        with whoosh_ix.searcher() as s:
            col = s.reader().column_reader("num")
            hits = s.search(And([Term(FIELD, "龘"), Term(FIELD, "的")]), limit=None, scored=False)
            assert {col[h.docnum] for h in hits} == {i + 1 for i in range(0, 3000, 300) if "的" in texts[i]}
    finally:
        whoosh_ix.close()


def test_a_blocks_header_keeps_its_greatest_weight_as_a_small_int(tmp_path: Path) -> None:
    """Every block's header (length, last docnum, greatest weight, compression, lengths) is pickled: its weight as
    an int takes 2 bytes where Whoosh's float took 9 — with ~14 M blocks at 100,000 pages (a block per term and
    segment at least), ~0.03x of the text. Whoosh's matchers read it, scored searches included; a counted
    bigram's block keeps its greatest count."""
    texts = [("中国" * (1 + i % 4) + "的") if i % 3 else "的一" for i in range(1500)]
    ix_dir = tmp_path / "ix"
    ix = sindex.Index(ix_dir)
    try:
        _add_all(ix, texts)
    finally:
        ix.close()
    greatest: dict[str, set[object]] = {}
    whoosh_ix = windex.open_dir(str(ix_dir))
    try:
        with whoosh_ix.searcher() as s:
            for r, _ in s.reader().leaf_readers():
                for term in ("的", "中国", "一"):
                    m = r.postings(FIELD, term.encode())
                    m = getattr(m, "child", m)
                    while m.is_active():
                        greatest.setdefault(term, set()).add(m._maxweight)
                        assert type(m._maxweight) is int, (term, m._maxweight)
                        m._next_block()
            hits = s.search(Term(FIELD, "中国"), limit=None)  # scored: BM25 reads the blocks' weights
            assert len(hits) == sum("中国" in t for t in texts)
    finally:
        whoosh_ix.close()
    assert greatest == {"的": {1}, "中国": {4}, "一": {1}}


@pytest.mark.parametrize("gaps", [[1, 2, 255], [1, 256, 3], [70_000, 1, 5]])
def test_packed_deltas_round_trip(gaps: list[int]) -> None:
    from itertools import accumulate

    from whoosh.util.numlists import delta_decode

    ids = list(accumulate(gaps))
    packed = whoosh_writer.packed_deltas(ids)
    assert list(accumulate(packed)) == ids == list(delta_decode(packed))
    assert isinstance(packed, bytes) == (max(gaps) < 256)


@pytest.mark.parametrize("gaps", [[1, 2, 255], [1, 256, 3], [70_000, 1, 5], [3] * 4096, [2**31, 2**31 - 1]])
def test_absolute_ids_sum_every_stored_form_of_a_blocks_gaps(gaps: list[int]) -> None:
    """A block's gaps as bytes, 16- or 32-bit arrays or Whoosh's tuple (what ``_block_data`` pickles) sum to the
    docnums, as an ``array("I")`` that extends another (no Python int made per posting) — up to the largest docnum
    a 32-bit list holds."""
    from itertools import accumulate

    ids = list(accumulate(gaps))
    forms: list[object] = [tuple(gaps), whoosh_writer.packed_deltas(ids)]
    if max(gaps) < 65536:
        forms.append(array("H", gaps))
    forms.append(array("I", gaps))
    for form in forms:
        for out in whoosh_writer.absolute_ids(form), whoosh_writer.summed_by_numpy(form):  # type: ignore[arg-type]
            assert isinstance(out, array) and out.typecode == "I", type(form)
            assert out.tolist() == ids, type(form)


def test_numpy_is_imported_only_once_summing_in_python_would_have_cost_as_much(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A process sums its first :data:`NUMPY_AFTER` postings in Python (a one-shot command does not pay numpy's
    import), then by numpy; once numpy is imported (by whatever), always by numpy."""
    import sys

    calls: list[int] = []
    monkeypatch.setattr(whoosh_writer, "summed_by_numpy", lambda d: calls.append(len(d)) or array("I"))
    monkeypatch.setattr(whoosh_writer, "NUMPY_AFTER", 10)
    monkeypatch.setattr(whoosh_writer, "_summed_in_python", 0)
    monkeypatch.delitem(sys.modules, "numpy", raising=False)
    assert whoosh_writer.absolute_ids(bytes([1] * 6)).tolist() == [1, 2, 3, 4, 5, 6]
    assert whoosh_writer.absolute_ids(bytes([1] * 6)).tolist() == [1, 2, 3, 4, 5, 6]
    assert calls == []
    whoosh_writer.absolute_ids(bytes([1] * 3))
    assert calls == [3]
    monkeypatch.setattr(whoosh_writer, "_summed_in_python", 0)
    monkeypatch.setitem(sys.modules, "numpy", object())
    whoosh_writer.absolute_ids(bytes([1] * 2))
    assert calls == [3, 2]


@pytest.mark.parametrize("stock", [False, True])
def test_raw_blocks_read_every_block_as_whooshs_matcher_does(tmp_path: Path, stock: bool) -> None:
    """``raw_blocks`` reads each block with one read of the file, below Whoosh's matcher: every term's ids, of
    lists of one block and of many (compressed or not, byte-coded gaps or Whoosh's own tuples), equal the
    matcher's own reading — also from a matcher already moved into its list by ``skip_to``."""
    rng = random.Random(11)
    texts = ["".join(rng.sample("的一是在不了有和人这中大为上个国我以要他时来用们生到作", 6)) +
             ("的" if rng.random() < 0.9 else "") + (" london" if i % 7 == 0 else "") for i in range(5000)]
    ix_dir = tmp_path / "ix"
    if stock:
        ix_dir.mkdir()
        w_ix = windex.create_in(str(ix_dir), sindex.schema())
        with w_ix.writer() as w:
            for i, t in enumerate(texts):
                w.add_document(id=f"a{i}", num=i + 1, **{FIELD: list(dict.fromkeys(terms(t)))})
        w_ix.close()
    else:
        ix = sindex.Index(ix_dir)
        _add_all(ix, texts)
        ix.close()
    whoosh_ix = windex.open_dir(str(ix_dir))
    try:
        with whoosh_ix.searcher() as s:
            reader = s.reader()
            many = 0
            for term in reader.lexicon(FIELD):
                want = list(reader.postings(FIELD, term).all_ids())
                many += len(want) > 512
                got = [d for block in whoosh_writer.raw_blocks(reader.postings(FIELD, term)) for d in block]
                assert got == want, term
                if len(want) > 2:
                    m = reader.postings(FIELD, term)
                    m.skip_to(want[len(want) * 2 // 3])
                    rest = [d for block in whoosh_writer.raw_blocks(m) for d in block]
                    assert rest == want[len(want) * 2 // 3:], term
            assert many >= 3  # lists of many blocks were read
    finally:
        whoosh_ix.close()


def test_rows_of_many_postings_mapped_by_runs_equal_brute_force(tmp_path: Path) -> None:
    """Many hits go from postings to catalogue rows by the runs of the ``num`` column (row = docnum + k): rows
    added out of order and with gaps, several segments, deletions, replaced articles (two documents, one deleted,
    of one row), a probe of a long list by a few rows — the candidates equal brute force, and the runs map
    docnums as the column does, inside a run or across runs."""
    rng = random.Random(3)
    rows = list(range(10, 2010)) + list(range(5000, 6500)) + rng.sample(range(7000, 9000), 600)
    blocks = [rows[1500:2300], rows[:1500], rows[2300:]]  # later rows first: the runs break
    texts: dict[int, str] = {}
    ix = sindex.Index(tmp_path / "ix")
    try:
        for block in blocks:
            with ix.writer() as w:
                for r in block:
                    texts[r] = "的是" + ("龘" if r % 97 == 0 else "") + ("在" if rng.random() < 0.7 else "")
                    w.add(r, f"a{r}", texts[r])
        with ix.writer(update=True) as w:
            for r in rng.sample(rows, 150):
                w.delete(f"a{r}")
                del texts[r]
        with ix.writer(update=True) as w:  # replaced: the deleted document keeps the row its new one has
            for r in rng.sample(sorted(texts), 100):
                texts[r] = "的" + ("龘在" if r % 2 else "")
                w.add(r, f"a{r}", texts[r])
        for chars in (["的"], ["在"], ["龘", "在"], ["龘"]):
            keys = [k for c in chars for k in cjk_terms(c)[0]]
            assert set(ix.nums(keys)) == {r for r, t in texts.items() if all(c in t for c in chars)}, chars
        s = ix._current()
        numbering = ix._numbering_of(s)
        column = ix._nums_of(s)
        assert len(numbering.starts) > 3  # the runs break: rows were added out of order
        for docs in ([0, 1, 2], [5, 600, 1200], list(range(7, 47)), list(range(0, len(column), 3)),
                     list(range(len(column)))):
            live = [d for d in docs if d < len(column)]
            assert numbering.rows(Rows(live)) == Rows(column[d] for d in live)
    finally:
        ix.close()


def test_a_few_candidates_decode_only_the_blocks_that_may_hold_them(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A rare term's candidates met with a common term's list: each segment's blocks are skipped by their headers and
    only those whose span holds a candidate decoded — candidates in the first block, at a block's last docnum, in
    the last segment, deleted ones — and the documents found equal brute force, also for more candidates than
    blocks (every block decoded, as a list without candidates is)."""
    monkeypatch.setattr(sindex, "BLOCK_POSTINGS", 64)
    rng = random.Random(8)
    texts: dict[int, str] = {}
    ix = sindex.Index(tmp_path / "ix")
    try:
        for start in (1, 3001):  # two segments
            with ix.writer() as w:
                for r in range(start, start + 3000):
                    texts[r] = "的是" + ("龘" if r in (1, 2, 700, 3001, 5999) or r % 997 == 0 else "") + \
                        ("在" if rng.random() < 0.8 else "")
                    w.add(r, f"a{r}", texts[r])
        with ix.writer(update=True) as w:
            for r in (2, 1994):  # a candidate deleted, and a document of the common list
                w.delete(f"a{r}")
                del texts[r]
        decoded: list[int] = []
        original = whoosh_writer._read_block_data

        def counting(raw: bytes, compressed: int) -> object:
            decoded.append(1)
            return original(raw, compressed)

        monkeypatch.setattr(whoosh_writer, "_read_block_data", counting)
        for chars in (["龘", "在"], ["龘", "的"]):
            keys = [k for c in chars for k in cjk_terms(c)[0]]
            decoded.clear()
            assert set(ix.nums(keys)) == {r for r, t in texts.items() if all(c in t for c in chars)}, chars
            rare = sum("龘" in t for t in texts.values())
            assert len(decoded) <= rare + 2 * 2, (chars, len(decoded))  # 龘's own block per segment, then a block a hit
        common = sum("在" in t for t in texts.values()) // 64
        decoded.clear()
        assert set(ix.nums(["的", "在"])) == {r for r, t in texts.items() if "在" in t}
        assert len(decoded) >= common  # no candidates given: every block decoded
    finally:
        ix.close()


@pytest.mark.parametrize("column", [
    # runs whose rows lie above, below and at their docnums
    [*range(100, 140), *range(20, 60), *range(80, 100), *range(500, 540), *range(0, 20)],
    random.Random(5).sample(range(1, 5000), 2000),  # no runs worth the name: mapped a document at a time
    list(range(3, 3 + 1000)),  # one run
])
def test_numbering_maps_docnums_to_rows_as_the_column_does(column: list[int]) -> None:
    numbering = _Numbering(column)
    rng = random.Random(len(column))
    for k in (1, 2, len(column) // 3, len(column)):
        docs = rng.sample(range(len(column)), k)
        assert numbering.rows(Rows(docs)) == Rows(column[d] for d in docs)


COUNTED = ["中国", "人民", "往往", "看看"]  # among the counted bigrams; 往往 and 看看 overlap themselves


def _counted_text(rng: random.Random) -> str:
    pieces = [rng.choice(COUNTED) * rng.choice([1, 1, 1, 2, 3]) if rng.random() < 0.6 else
              "".join(rng.choices("的一是在不了有和人这大为上个我以要他时来", k=rng.randint(1, 6)))
              for _ in range(rng.randint(1, 12))]
    if rng.random() < 0.02:  # a count past a byte
        pieces.append("中国，" * 300)
    return rng.choice(["", "，", " x "]).join(pieces)


def _starts(text: str, needle: str) -> int:
    return sum(text.startswith(needle, i) for i in range(len(text)))


def test_counted_bigrams_carry_each_articles_count_through_merges_and_deletes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, grouping: str) -> None:
    """A counted bigram's postings hold how often each article holds it (every place it starts), after adds,
    replacements, deletes, Whoosh's merges and an optimize: counted from the postings alone, the text store never
    asked."""
    assert set(COUNTED) <= sindex.counted_bigrams()
    rng = random.Random(5)
    pair = Pair(tmp_path)
    docs = [(i + 1, f"a{i}", _counted_text(rng)) for i in range(900)]
    assert any(_starts(t, "中国") > 255 for _, _, t in docs)

    def check() -> None:
        ix = sindex.Index(pair.custom_dir)

        def no_store(nums: Iterable[int], needle: str) -> tuple[dict[int, int], Rows]:
            assert not nums, "a counted bigram's holders are counted from its postings"
            return {}, Rows()

        monkeypatch.setattr(ix.texts, "counts", no_store)
        try:
            for needle in COUNTED:
                truth = {num: _starts(text, needle) for num, text in pair.live.values() if needle in text}
                found, unknown = ix.counts(Rows(truth), needle)
                wrong = {k: (found.get(k), n) for k, n in truth.items() if found.get(k) != n}
                assert (found, set(unknown)) == (truth, set()), (needle, wrong)
        finally:
            ix.close()

    pair.commit(docs[:300])
    pair.commit(docs[300:500], deletes=[f"a{i}" for i in range(0, 300, 7)])
    pair.commit([(num, aid, _counted_text(rng)) for num, aid, _ in docs[50:80]] + docs[500:600], update=True)
    for start in range(600, 700, 10):  # small commits: merged by Whoosh's merge policy
        pair.commit(docs[start:start + 10])
    check()
    pair.commit(docs[700:], deletes=[f"a{i}" for i in range(3, 700, 11)], optimize=True)
    check()


def test_a_counted_bigram_is_counted_where_the_text_holds_it_more_than_once() -> None:
    text = "中国人民，往往往往中国。中国"
    keys, words, counts = sindex.counted_terms(text)
    named = {sindex.term_text(k): n for k, n in counts.items()}
    assert named == {"中国": 3, "往往": 3}  # 人民 once: the default, not listed
    assert (keys, words) == sindex.term_keys(text)
    assert sindex.unpack_terms(sindex.pack_terms(text))[2] == counts
