"""The concordance and the timeline against brute force: every occurrence, counted over the folded texts of
EVERY article (not only those the index proposes), on a synthetic library and on the bundled samples."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import opencc
import pytest
from reader.resources import path as resource_path

from reader.index import store as sindex
from reader.library.catalogue import Library, StoreMeta
from reader.library.importer import import_paths
from reader.model.document import Article, Document, Line, Page, Part, Span
from reader.search.concordance import Sort, concordance, context, count_by_article, iter_lines, sort_lines
from reader.search.engine import Filter, Searcher
from reader.search.timeline import UNDATED, By, period_of, periods_between, timeline
from reader.text.forms import fold, fold_query, fold_text

SIMPLIFIED = "党发展经济国家人民会议报记者中华新闻广东香港学习历史开放关系建设"
LATIN = ("Café", "cafe", "New", "York", "GDP", "über")


def _text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(20, 120)):
        r = rng.random()
        out.append(" " + rng.choice(LATIN) + " " if r < 0.05 else "，" if r < 0.08 else " " if r < 0.1
                   else rng.choice(SIMPLIFIED))
    return "".join(out).strip()


def _document(n: int, rng: random.Random, s2t: opencc.OpenCC) -> Document:
    pages = [Page(number=1), Page(number=2)]
    articles = []
    for a in range(rng.randint(2, 4)):
        parts = []
        for k, role in enumerate(("headline", "paragraph", "paragraph")):
            text = _text(rng) if role == "paragraph" else "".join(rng.choice(SIMPLIFIED) for _ in range(5))
            if n % 3 == 1:
                text = s2t.convert(text)
            page = pages[1] if (a == 0 and k == 2) else pages[0]  # the first article runs onto page 2
            line_id = f"p{page.number}.a{a}.l{k}"
            page.lines.append(Line(id=line_id, text=text, box=(0.0, 10.0 * k, 100.0, 10.0 * k + 9)))
            parts.append(Part(role=role, text=text, spans=[Span(0, len(text), line_id, 0)]))
        articles.append(Article(id=f"a{a}", parts=parts, pages=[1, 2] if a == 0 else [1]))
    return Document(source=f"/corpus/{n}.txt", format="text", pages=pages, articles=articles)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Searcher, dict[str, Any]]]:
    rng = random.Random(16)
    s2t = opencc.OpenCC("s2t")
    lib = Library(tmp_path_factory.mktemp("conclib"))
    meta: dict[str, Any] = {}
    for n in range(50):
        doc = _document(n, rng, s2t)
        # 1990-01 … 1993-12 with gaps (no issue in 1991-03 …), and a few undated issues
        date = "" if n % 17 == 5 else f"{1990 + n % 4}-{1 + (n * 5) % 12:02d}-{1 + n % 27:02d}"
        pub = ("人民日报", "The Times")[n % 2]
        res = lib.store_document(doc, StoreMeta(pub, date), path=doc.source, sha256=str(n))
        for aid, art in zip(res.article_ids, doc.articles, strict=True):
            meta[aid] = {"text": art.text, "folded": fold_text(art.text), "date": date, "pub": pub, "article": art}
    sindex.sync(lib)
    searcher = Searcher(lib)
    yield searcher, meta
    searcher.close()
    lib.close()


def brute_count(folded: str, needle: str) -> int:
    """Occurrences of ``needle`` in ``folded``: every place it starts, overlapping ones each (哈哈 twice in 哈哈哈,
    as the search's ``locate`` gives them)."""
    count, i = 0, folded.find(needle)
    while i >= 0:
        count += 1
        i = folded.find(needle, i + 1)
    return count


def brute_total(meta: dict[str, Any], needle: str) -> int:
    f = fold_query(needle)
    return sum(brute_count(m["folded"], f) for m in meta.values())


def test_every_occurrence_of_cjk_strings_is_a_line(synthetic: tuple[Searcher, dict[str, Any]]) -> None:
    searcher, meta = synthetic
    rng = random.Random(3)
    texts = [m["text"] for m in meta.values()]
    t2s = opencc.OpenCC("t2s")
    checked = 0
    for i in range(120):
        text = rng.choice(texts)
        k = 1 + i % 4
        start = rng.randrange(0, len(text) - k)
        q = t2s.convert(text[start:start + k]) if i % 2 else text[start:start + k]
        if not all("\u4e00" <= c <= "\u9fff" for c in q):
            continue
        conc = concordance(searcher, q)
        assert conc.total == len(conc.lines) == brute_total(meta, q), q
        assert conc.articles == searcher.count(q)
        # each line shows the characters it stands for, found again at its offsets
        for ln in conc.lines[:50]:
            assert meta[ln.article]["text"][ln.start:ln.end] == ln.match
            assert fold(ln.match)[0] == fold_query(q)
        checked += 1
    assert checked > 60
    # a string whose occurrences overlap itself: one line per occurrence, overlapping ones each
    assert concordance(searcher, "党党").total == brute_total(meta, "党党")


def test_plain_str_count_agrees_where_matches_cannot_overlap(synthetic: tuple[Searcher, dict[str, Any]]) -> None:
    searcher, meta = synthetic
    for q in ("发展", "經濟", "人民", "党", "新闻报"):
        f = fold_query(q)
        assert concordance(searcher, q).total == sum(m["folded"].count(f) for m in meta.values())


def test_latin_words_and_boolean_queries(synthetic: tuple[Searcher, dict[str, Any]]) -> None:
    searcher, meta = synthetic
    for q in ("cafe", "GDP", "York"):
        want = sum(len(re.findall(rf"(?<![a-z0-9]){re.escape(fold_query(q))}(?![a-z0-9])", m["folded"]))
                   for m in meta.values())
        assert concordance(searcher, q).total == want, q
    # OR: every occurrence of either (the two never share characters); NOT terms are not looked for
    want = brute_total(meta, "发展") + brute_total(meta, "香港")
    assert concordance(searcher, "发展 OR 香港").total == want
    conc = concordance(searcher, "发展 NOT 香港")
    assert conc.total == sum(brute_count(m["folded"], "发展") for m in meta.values() if "香港" not in m["folded"])
    assert all(fold(ln.match)[0] == "发展" for ln in conc.lines)
    both = concordance(searcher, "发展 香港")
    assert {fold(ln.match)[0] for ln in both.lines} == {"发展", "香港"}
    assert both.articles == searcher.count("发展 香港")


def test_filters_and_the_page_of_each_occurrence(synthetic: tuple[Searcher, dict[str, Any]]) -> None:
    searcher, meta = synthetic
    conc = concordance(searcher, "人民", [Filter("publication", "Times")])
    assert conc.total == sum(brute_count(m["folded"], "人民") for m in meta.values() if m["pub"] == "The Times")
    assert {ln.publication for ln in conc.lines} == {"The Times"}
    assert concordance(searcher, "人民 publication:Times").total == conc.total
    # the first article of every issue runs onto page 2 with its last part: its lines there say page 2
    for ln in concordance(searcher, "国").lines:
        art: Article = meta[ln.article]["article"]
        last_start = len(art.text) - len(art.parts[-1].text)
        want = 2 if art.pages == [1, 2] and ln.start >= last_start else 1
        assert ln.page == want


def test_context_is_characters_for_cjk_and_words_for_latin() -> None:
    text = "我们的经济发展很快。\n\n在这里 The quick brown fox jumps over the lazy dog today"
    s = text.index("发展")
    assert context(text, s, s + 2, 3) == ("的经济", "很快。")
    s = text.index("fox")
    assert context(text, s, s + 3, 2) == ("quick brown", "jumps over")
    s = text.index("经济")
    assert context(text, s, s + 2, 10) == ("我们的", "发展很快。 在这里")  # a space counts, none trails
    assert context(text, 0, 2, 0) == ("", "")


def test_sorting_by_left_and_right_context(synthetic: tuple[Searcher, dict[str, Any]]) -> None:
    searcher, _meta = synthetic
    by_date = concordance(searcher, "经济")
    left = concordance(searcher, "经济", sort=Sort.LEFT)
    right = concordance(searcher, "经济", sort=Sort.RIGHT)
    assert sorted(map(id, left.lines)) and len(left.lines) == len(by_date.lines) == len(right.lines)
    keys = [ln.left.casefold()[::-1] for ln in left.lines]
    assert keys == sorted(keys)
    assert [ln.right.casefold() for ln in right.lines] == sorted(ln.right.casefold() for ln in right.lines)
    dates = [ln.date or "\uffff" for ln in by_date.lines]
    assert dates == sorted(dates)  # date order, undated last
    assert sort_lines(left.lines, Sort.DATE) == by_date.lines
    assert list(iter_lines(searcher, "经济")) == by_date.lines


def test_a_capped_concordance_keeps_the_exact_total(synthetic: tuple[Searcher, dict[str, Any]]) -> None:
    searcher, meta = synthetic
    for q, cap in (("国", 25), ("党党", 5), ("cafe", 25), ("发展 OR 香港", 25)):
        full = concordance(searcher, q)
        conc = concordance(searcher, q, cap=cap)
        assert conc.lines == full.lines[:cap] and conc.total == full.total > cap and not conc.complete
        held = {ln.article for ln in conc.lines}
        assert conc.per_article == {a: n for a, n in full.per_article.items() if a in held}
        assert conc.articles == full.articles
    assert concordance(searcher, "国", cap=25).total == brute_total(meta, "国")


@pytest.mark.parametrize("at_once", [0, 10_000])
def test_a_capped_concordance_reads_only_the_articles_of_its_lines(
        synthetic: tuple[Searcher, dict[str, Any]], monkeypatch: pytest.MonkeyPatch, at_once: int) -> None:
    """A common word's first lines (the window's) come from the first articles in date order: only those are read
    and ordered (walking the issues in date order, or sorting the hits when they are few), the rest only counted
    — the same lines and total as the whole concordance."""
    from reader.search import concordance as mod

    searcher, meta = synthetic
    seen: list[int] = []
    ordered = mod._ordered_rows
    monkeypatch.setattr(mod, "ORDER_AT_ONCE", at_once)
    monkeypatch.setattr(mod, "_ordered_rows", lambda s, nums: (seen.append(len(set(nums))), ordered(s, nums))[1])
    for q, cap in (("国", 7), ("党党", 3), ("发展", 10), ("人民 -香港", 9)):
        seen.clear()
        conc = concordance(searcher, q, cap=cap)
        seen_capped = list(seen)
        full = concordance(searcher, q)
        assert conc.lines == full.lines[:cap] and conc.total == full.total > cap, q
        assert conc.articles == full.articles == searcher.count(q), q
        if at_once == 0:  # walked: only the articles the lines come from
            assert seen_capped == [len({ln.article for ln in conc.lines})], q


def test_every_line_walked_in_date_order_is_every_line_sorted(
        synthetic: tuple[Searcher, dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Many hits are streamed by walking the issues in date order (the first lines come before all are ordered):
    the same lines in the same order as sorting every hit at once, whatever the steps of the walk."""
    from reader.search import concordance as mod

    searcher, _meta = synthetic
    queries = ("国", "党党", "人民 -香港", "cafe", "发展 OR 香港")
    sorted_at_once = {q: concordance(searcher, q) for q in queries}
    monkeypatch.setattr(mod, "ORDER_AT_ONCE", 0)
    for first, most, batch in ((1, 2, 3), (16, 1024, 200)):
        monkeypatch.setattr(mod, "WALK_FIRST", first)
        monkeypatch.setattr(mod, "WALK_MOST", most)
        monkeypatch.setattr(mod, "BATCH", batch)
        for q in queries:
            assert list(iter_lines(searcher, q)) == sorted_at_once[q].lines, (q, first)
            walked = concordance(searcher, q)
            assert (walked.lines, walked.total, walked.per_article) == (
                sorted_at_once[q].lines, sorted_at_once[q].total, sorted_at_once[q].per_article), q
    # the first line comes after ordering one batch of articles, not every hit
    seen: list[int] = []
    ordered = mod._ordered_rows
    monkeypatch.setattr(mod, "_ordered_rows", lambda s, nums: (seen.append(len(list(nums))), ordered(s, nums))[1])
    monkeypatch.setattr(mod, "BATCH", 5)
    assert next(iter_lines(searcher, "国")) == sorted_at_once["国"].lines[0]
    assert seen == [5] < [searcher.count("国")]


def test_counts_without_the_index_copy_of_the_texts_are_the_same(
        synthetic: tuple[Searcher, dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted on the index's copy of the texts, or (rows it lacks) on the catalogue's: the same totals."""
    searcher, meta = synthetic
    queries = ("国", "党党", "发展 -香港", "人民 date:1991")
    want = [(concordance(searcher, q, cap=3).total, timeline(searcher, q, By.YEAR)) for q in queries]
    monkeypatch.setattr(searcher.index, "counts", lambda nums, needle, held=False: ({}, set(nums)))
    assert [(concordance(searcher, q, cap=3).total, timeline(searcher, q, By.YEAR)) for q in queries] == want
    assert want[0][0] == brute_total(meta, "国")


def test_counting_on_folded_texts_agrees_with_the_lines(synthetic: tuple[Searcher, dict[str, Any]]) -> None:
    """The timeline's fast count (stored folded texts) and the concordance's lines (original offsets) agree,
    overlapping strings included."""
    searcher, meta = synthetic
    for q in ("党党", "发展", "国 OR 国家", "人民 经济", "港"):
        per = {row.article: n for row, n in count_by_article(searcher, q)}
        conc = concordance(searcher, q)
        assert {a: n for a, n in per.items() if n} == conc.per_article, q


def test_timeline_buckets_add_up_to_the_search_total(synthetic: tuple[Searcher, dict[str, Any]]) -> None:
    searcher, meta = synthetic
    for by in (By.YEAR, By.MONTH):
        for q in ("发展", "cafe", "香港 OR 广东", "人民 publication:人民日报"):
            tl = timeline(searcher, q, by)
            assert tl.total == sum(b.articles for b in tl.buckets) == searcher.count(q), (q, by)
            assert sum(b.occurrences for b in tl.buckets) == concordance(searcher, q).total
            periods = [b.period for b in tl.buckets if b.period != UNDATED]
            assert periods == periods_between(periods[0], periods[-1], by)  # no gap, in order
        held = Counter(period_of(m["date"], by) for m in meta.values())
        tl = timeline(searcher, "发展", by)
        assert all(b.library_articles == held[b.period] for b in tl.buckets)
    tl = timeline(searcher, "发展", By.MONTH)
    assert any(b.articles == 0 and b.library_articles == 0 for b in tl.buckets)  # empty months are there
    assert tl.buckets[-1].period == UNDATED and tl.buckets[-1].articles > 0
    # a publication filter counts the library's articles of that publication only
    tl = timeline(searcher, "发展", By.YEAR, [Filter("publication", "Times")])
    held_times = Counter(period_of(m["date"], By.YEAR) for m in meta.values() if m["pub"] == "The Times")
    assert all(b.library_articles == held_times[b.period] for b in tl.buckets)


def test_periods() -> None:
    assert period_of("1939-04-21", By.MONTH) == "1939-04" and period_of("1939", By.MONTH) == UNDATED
    assert period_of("1939", By.YEAR) == "1939" and period_of("", By.YEAR) == UNDATED
    assert periods_between("1939-11", "1940-02", By.MONTH) == ["1939-11", "1939-12", "1940-01", "1940-02"]
    assert periods_between("1939", "1941", By.YEAR) == ["1939", "1940", "1941"]


# ------------------------------------------------------------------------------ the bundled samples


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Searcher, dict[str, str]]]:
    lib = Library(tmp_path_factory.mktemp("samplelib"))
    import_paths(lib, [Path(resource_path("samples"))])
    sindex.sync(lib)
    folded = {r[0]: r[1] for r in lib.conn.execute(
        "SELECT a.id, t.folded FROM articles a JOIN article_text t ON t.num = a.num")}
    searcher = Searcher(lib)
    yield searcher, folded
    searcher.close()
    lib.close()


@pytest.mark.parametrize("q", ["中国", "的", "日", "銀行", "本报", "Zeitung", "und", "der", "Luxemburg"])
def test_samples_total_is_the_brute_force_count(samples: tuple[Searcher, dict[str, str]], q: str) -> None:
    searcher, folded = samples
    f = fold_query(q)
    if re.fullmatch(r"[a-z]+", f):
        want = sum(len(re.findall(rf"(?<![^\W_]){f}(?![^\W_])", t)) for t in folded.values())
    else:
        want = sum(brute_count(t, f) for t in folded.values())
    conc = concordance(searcher, q)
    assert conc.total == want
    assert sum(b.articles for b in timeline(searcher, q, By.MONTH).buckets) == searcher.count(q)


def test_the_total_does_not_depend_on_the_cap_where_a_character_folds_to_several(tmp_path: Path) -> None:
    """㍿ folds to 株式会社: two terms found inside it are one range of the original; the fast count on folded
    texts (past the cap, the timeline) must not count them twice."""
    from reader.index import store as sindex
    from reader.library.catalogue import Library, StoreMeta
    from reader.model.document import Article, Document, Line, Page, Part, Span

    lib = Library(tmp_path / "lib")
    text = "東京㍿と会社"
    doc = Document(source="/x/1.txt", format="text", pages=[Page(number=1, lines=[Line("l1", text)])],
                   articles=[Article("a1", parts=[Part("paragraph", text, [Span(0, len(text), "l1", 0)])], pages=[1])])
    lib.store_document(doc, StoreMeta("P", "1930-01-01"), path=doc.source, sha256="1")
    sindex.sync(lib)
    with Searcher(lib) as searcher:
        for q in ("株式 OR 会社", "株式 OR 式会"):
            full = concordance(searcher, q)
            assert concordance(searcher, q, cap=0).total == full.total == len(full.lines), q
            assert sum(n for _row, n in count_by_article(searcher, q)) == full.total, q
    lib.close()


def test_timeline_counts_issues_stored_in_pieces_and_whole(tmp_path: Path) -> None:
    """Per period, the timeline's articles and occurrences equal brute force for a common word (counted an issue
    at a time, from its postings' counts) and a rare one (dated article by article), issues stored whole and in
    pieces with other issues between."""
    rng = random.Random(3)
    lib = Library(tmp_path)
    texts: dict[str, tuple[str, str]] = {}
    dates = ["1950-01-01", "1950-02-03", "1950-01-01", "1951-03-04", "1950-02-03", "1952-05-06", ""]
    for i, date in enumerate(dates):
        articles = []
        for k in range(rng.randint(2, 5)):
            text = "".join(rng.choice(["人民", "人民人民", "中国", "发展", "往往往", "报", "，"]) for _ in range(8))
            text += "稀见稀见" if (i, k) in ((3, 0), (4, 1)) else ""
            articles.append(Article(f"a{i}{k}", parts=[Part("paragraph", text, [Span(0, len(text), "l", 0)])]))
            texts[f"{i}:{k}"] = (date, text)
        doc = Document(source=f"/{i}", format="text", pages=[Page(number=1 + i, lines=[Line("l", "x")])],
                       articles=articles)
        lib.store_document(doc, StoreMeta("人民日报", date), path=f"/{i}", sha256=str(i))
    sindex.sync(lib)
    with Searcher(lib) as s:
        for word in ("人民", "往往", "中国", "稀见"):
            for by in (By.YEAR, By.MONTH):
                articles: Counter[str] = Counter()
                occurrences: Counter[str] = Counter()
                for date, text in texts.values():
                    n = sum(text.startswith(word, i) for i in range(len(text)))
                    if n:
                        articles[period_of(date, by)] += 1
                        occurrences[period_of(date, by)] += n
                tl = timeline(s, word, by)
                assert {b.period: b.articles for b in tl.buckets if b.articles} == dict(articles), (word, by)
                assert {b.period: b.occurrences for b in tl.buckets if b.occurrences} == dict(occurrences), word
                assert concordance(s, word, cap=5).total == sum(occurrences.values())
    lib.close()


def test_an_articles_lines_come_in_reading_order_headline_first(tmp_path: Path) -> None:
    """A PDF text dump prints the headline group after the body, and the parts keep the source's order: the
    concordance listed the headline's occurrence after the body's, unlike the article the reader opens from it
    (reader.model.document.reading_order). Offsets stay those of ``Article.text``."""
    body = "记者从发展改革委获悉发展目标已定"
    parts = [Part(role="paragraph", text=body, spans=[Span(0, len(body), "l1", 0)]),
             Part(role="headline", text="发展新篇章", spans=[Span(0, 5, "l2", 0)]),
             Part(role="byline", text="本报记者 王发展", spans=[Span(0, 8, "l3", 0)])]
    page = Page(number=1, lines=[Line(id="l1", text=body, box=(0, 0, 100, 9)),
                                 Line(id="l2", text="发展新篇章", box=(0, 10, 100, 19)),
                                 Line(id="l3", text="本报记者 王发展", box=(0, 20, 100, 29))])
    doc = Document(source="/corpus/dump.txt", format="text", pages=[page],
                   articles=[Article(id="a0", parts=parts, pages=[1])])
    with Library(tmp_path / "lib") as lib:
        lib.store_document(doc, StoreMeta("人民日报", "2021-01-27"), path=doc.source, sha256="x")
        sindex.sync(lib)
        searcher = Searcher(lib)
        try:
            lines = concordance(searcher, "发展").lines
            text = doc.articles[0].text
            starts = [line.start for line in lines]
            assert text[starts[0]:starts[0] + 5] == "发展新篇章", "the headline's occurrence first"
            # then the byline (the headline group's), then the body in its order
            assert starts[1:] == [text.index("王发展") + 1, 3, 10]
            assert [line.place for line in lines] == [0, 1, 2, 3]
            assert [ln.start for ln in sort_lines(reversed(lines), Sort.DATE)] == starts
        finally:
            searcher.close()
