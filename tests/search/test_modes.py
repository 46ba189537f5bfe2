"""Search modes and operators, each checked against a BRUTE-FORCE scan of the texts: exact, folded and
variants matching, ignored punctuation, proximity, Latin wildcards and fuzzy terms; highlights stay on
the original characters in every mode; publication filters fold like text."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from typing import Any

import pytest
from rapidfuzz.distance import Levenshtein

from reader.index import store as sindex
from reader.library.catalogue import Library, StoreMeta
from reader.model.document import Article, Document, Line, Page, Part, Span
from reader.search.engine import Match, QueryError, Searcher, SearchOptions
from reader.search.hits import locate
from reader.search.query import make_term
from reader.text import variants
from reader.text.forms import fold_text

# characters whose variants, scripts and look-alikes the modes tell apart or join
CJK = "着著吿告甦蘇苏彊強强祇只衹衞衛卫髮發发乾干幹中國国金融经濟济展"
LATIN = ("Luxembourg", "Luxemburg", "luxembourgeois", "Luxor", "woman", "women", "Women", "womyn", "wombat",
         "Paris", "paris", "Parish", "Café", "cafe")
PUNCT = "、，。「」 ·"
EXACT = SearchOptions(Match.EXACT)
VARIANTS = SearchOptions(Match.VARIANTS)


def _text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(10, 70)):
        r = rng.random()
        if r < 0.08:
            out.append(" " + rng.choice(LATIN) + " ")
        elif r < 0.2:
            out.append(rng.choice(PUNCT))
        else:
            out.append(rng.choice(CJK))
    return "".join(out).strip()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Searcher, dict[str, str], Library]]:
    rng = random.Random(16)
    lib = Library(tmp_path_factory.mktemp("modeslib"))
    texts: dict[str, str] = {}
    for n in range(50):
        articles = []
        lines = []
        for a in range(3):
            parts = []
            for k in range(rng.randint(1, 2)):
                t = _text(rng)
                lid = f"l{a}.{k}"
                lines.append(Line(lid, t))
                parts.append(Part("paragraph", t, [Span(0, len(t), lid, 0)]))
            articles.append(Article(f"a{a}", parts=parts, pages=[1]))
        doc = Document(source=f"/m/{n}.txt", format="text", pages=[Page(number=1, lines=lines)], articles=articles)
        pub = ("人民日報", "聯合報", "The Times")[n % 3]
        res = lib.store_document(doc, StoreMeta(pub, f"19{30 + n % 20}-01-01"), path=doc.source, sha256=str(n))
        for aid, art in zip(res.article_ids, doc.articles, strict=True):
            texts[aid] = art.text
    sindex.sync(lib)
    searcher = Searcher(lib)
    yield searcher, texts, lib
    searcher.close()
    lib.close()


# ---------------------------------------------------------------- brute force, written apart from the engine

def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _squeeze(text: str, drop: Any) -> str:
    """``text`` without the characters ``drop`` accepts when they stand between two CJK characters."""
    out = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and drop(text[j]):
            j += 1
        if j > i and out and _is_cjk(out[-1]) and j < len(text) and _is_cjk(text[j]):
            i = j
            continue
        out.append(text[i:j] if j > i else text[i])
        i = max(j, i + 1)
    return "".join(out)


def _layout(c: str) -> bool:
    return c.isspace() and c != "\n"


def _punct(c: str) -> bool:
    return not c.isalnum() and c != "_" and c != "\n"


def _brute_form(text: str, options: SearchOptions) -> str:
    if options.match is Match.EXACT:
        form = _squeeze(text, _layout)
    else:
        form = "".join(fold_text(c) for c in text)
        form = _squeeze(form, _layout)
        if options.match is Match.VARIANTS:
            form = "".join(variants.members(c)[0] for c in form)
    return _squeeze(form, _punct) if options.ignore_punct else form


def _brute_query(q: str, options: SearchOptions) -> str:
    return _brute_form(q, options).strip()


def brute(texts: dict[str, str], q: str, options: SearchOptions) -> set[str]:
    needle = _brute_query(q, options)
    return {aid for aid, t in texts.items() if needle in _brute_form(t, options)}


def _words(form: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"[A-Za-z0-9\u00c0-\u024f]+", form)]


# ---------------------------------------------------------------- the modes


@pytest.mark.parametrize("options", [SearchOptions(), EXACT, VARIANTS, SearchOptions(ignore_punct=True),
                                     SearchOptions(Match.EXACT, True), SearchOptions(Match.VARIANTS, True)],
                         ids=lambda o: f"{o.match.value}{'-punct' if o.ignore_punct else ''}")
def test_every_mode_equals_brute_force(corpus, options: SearchOptions) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, _ = corpus
    rng = random.Random(len(options.match.value) * 2 + options.ignore_punct)
    # punctuation inside a query: with ignore_punct it goes; without, the pieces form a phrase (test_search)
    punct = "、，" if options.ignore_punct else ""
    queries = list(CJK) + ["着", "著", "髮", "發", "发", "乾", "干", "祇", "衞", "中國金融", "發展"]
    all_texts = list(texts.values())
    for _ in range(150):
        t = rng.choice(all_texts)
        k = rng.randint(2, 5)
        s = rng.randrange(0, max(1, len(t) - k))
        q = "".join(c for c in t[s:s + k] if _is_cjk(c) or c in punct)
        if q.strip("、，") and q[0] not in "、，" and q[-1] not in "、，":
            queries.append(q)
    checked = 0
    for q in queries:
        want = brute(texts, q, options)
        got = searcher.matching_ids(f'"{q}"', options=options)
        assert got == want, (q, options, sorted(got ^ want)[:3])
        checked += bool(want)
    assert checked > 50


def test_exact_tells_apart_what_folding_joins(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, _ = corpus
    hair = searcher.matching_ids("髮", options=EXACT)
    assert hair == {a for a, t in texts.items() if "髮" in t}
    assert searcher.matching_ids("髮") == {a for a, t in texts.items() if set("髮發发") & set(t)}
    assert hair < searcher.matching_ids("髮")  # folded finds 发 and 發 too; exact only 髮
    assert searcher.matching_ids("乾", options=EXACT) == {a for a, t in texts.items() if "乾" in t}
    assert searcher.matching_ids("Paris", options=EXACT) == \
        {a for a, t in texts.items() if re.search(r"(?<![A-Za-z])Paris(?![A-Za-z])", t)}


def test_variants_join_the_known_groups(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, _ = corpus
    for group in ("着著", "吿告", "甦蘇苏", "彊強强", "祇只衹", "衞衛卫"):
        want = {a for a, t in texts.items() if set(group) & set(t)}
        for ch in group:
            assert searcher.matching_ids(ch, options=VARIANTS) == want, (ch, group)
    # 髮 and 發 both fold to 发 (script), yet 干 is no variant of 着
    assert searcher.matching_ids("着", options=VARIANTS) != searcher.matching_ids("干", options=VARIANTS)


def test_ignore_punct_reads_across_punctuation(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, lib = corpus
    opts = SearchOptions(ignore_punct=True)
    got = searcher.search("中國金融", options=opts, limit=None)
    assert {h.article for h in got.hits} == brute(texts, "中國金融", opts)
    assert any("、" in texts[h.article] or "，" in texts[h.article] for h in got.hits)


@pytest.mark.parametrize("options", [SearchOptions(), EXACT, VARIANTS, SearchOptions(ignore_punct=True)],
                         ids=lambda o: f"{o.match.value}{'-punct' if o.ignore_punct else ''}")
def test_highlights_stay_on_the_original_characters(corpus, options: SearchOptions) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, lib = corpus
    for q in ("着", "髮", "中國金融", "发展 经济", "Luxemb*", "women~1", '"国 金"~3'):
        res = searcher.search(q, options=options, limit=None)
        for hit in res.hits:
            text = texts[hit.article]
            article = lib.article(hit.article)
            occurrences = locate(article, [t for t in (make_term(x, options) for x in q.strip('"~3').split()) if t],
                                 options=options)[0]
            assert occurrences, (q, hit.article)
            for s, e in occurrences:
                piece = text[s:e]
                assert piece and piece == piece.strip(), (q, piece)
            for s, e in hit.matches:
                assert 0 <= s < e <= len(text)


def test_locate_gives_every_occurrence(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, lib = corpus
    for q in ("国", "中国", "发"):
        for options in (SearchOptions(), EXACT, VARIANTS):
            term = make_term(q, options)
            assert term is not None
            for aid in searcher.matching_ids(q, options=options):
                form = _brute_form(texts[aid], options)
                needle = _brute_query(q, options)
                want = sum(1 for i in range(len(form)) if form.startswith(needle, i))
                got = locate(lib.article(aid), [term], options=options)[0]
                assert len(got) == want, (q, options, aid)


# ---------------------------------------------------------------- operators


def _units(form: str) -> list[int]:
    return [m.start() for m in re.finditer(r"[\u4e00-\u9fff]|[A-Za-z0-9\u00c0-\u024f]+", form)]


def _brute_near(form: str, needles: list[str], distance: int) -> bool:
    starts = _units(form)

    def unit(i: int) -> int:
        return sum(1 for s in starts if s < i)
    occ = [[(i, unit(i), unit(i + len(n))) for i in range(len(form)) if form.startswith(n, i)] for n in needles]
    return all(occ) and any(max(s for _, s, _ in combo) - min(e for _, _, e in combo) <= distance
                            for combo in itertools.product(*occ)
                            # a term typed twice needs two occurrences: one occurrence is not near itself
                            if len({(n, i) for n, (i, _, _) in zip(needles, combo, strict=True)}) == len(combo))


def test_proximity_equals_brute_force(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, _ = corpus
    rng = random.Random(3)
    checked = 0
    for _ in range(40):
        a, b = rng.choice(CJK), rng.choice(CJK) + rng.choice(CJK)
        d = rng.choice((0, 1, 3, 10))
        for options in (SearchOptions(), VARIANTS):
            na, nb = _brute_query(a, options), _brute_query(b, options)
            want = {aid for aid, t in texts.items() if _brute_near(_brute_form(t, options), [na, nb], d)}
            got = searcher.matching_ids(f'"{a} {b}"~{d}', options=options)
            assert got == want, (a, b, d, options)
            checked += bool(want)
    assert checked > 10


def test_a_term_typed_twice_needs_two_occurrences(corpus) -> None:  # type: ignore[no-untyped-def]
    """"中国 中国"~3 asks for 中国 twice within 3 characters: an article printing it once is not a hit."""
    searcher, texts, _ = corpus
    rng = random.Random(5)
    checked = 0
    for _ in range(20):
        a = rng.choice(CJK)
        for d in (0, 3, 30):
            na = _brute_query(a, SearchOptions())
            want = {aid for aid, t in texts.items() if _brute_near(_brute_form(t, SearchOptions()), [na, na], d)}
            got = searcher.matching_ids(f'"{a} {a}"~{d}')
            assert got == want, (a, d)
            once = {aid for aid, t in texts.items() if _brute_form(t, SearchOptions()).count(na) == 1}
            assert not got & once
            checked += bool(once)
    assert checked


def test_proximity_counts_words_for_latin(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, _ = corpus
    for d in (0, 2, 5):
        want = set()
        for aid, t in texts.items():
            f = _brute_form(t, SearchOptions())
            ws = _words(f)
            units = _units(f)
            pa = [units.index(s) for s, _, w in ws if w == "paris"]
            pb = [units.index(s) for s, _, w in ws if w == "women"]
            if any(abs(x - y) - 1 <= d for x in pa for y in pb):
                want.add(aid)
        assert searcher.matching_ids(f'"paris women"~{d}') == want, d


def test_wildcards_equal_brute_force(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, _ = corpus
    for q in ("Luxemb*", "wom?n", "lux*", "*ris", "pari?", "w*n", "caf?"):
        rx = re.compile(q.lower().replace("*", "[a-z0-9]*").replace("?", "[a-z0-9]"))
        want = {aid for aid, t in texts.items() if any(rx.fullmatch(w) for _, _, w in _words(fold_text(t)))}
        assert want, q
        assert searcher.matching_ids(q) == want, q
        assert searcher.count(q) == len(want)
    exact = {aid for aid, t in texts.items() if any(re.fullmatch("Wom.n", w) for _, _, w in _words(t))}
    assert searcher.matching_ids("Wom?n", options=EXACT) == exact


def test_fuzzy_equals_brute_force(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, _ = corpus
    for q, n in (("luxembourg", 1), ("luxemburg", 2), ("woman", 1), ("wimen", 1), ("parish", 1)):
        want = {aid for aid, t in texts.items()
                if any(Levenshtein.distance(w, q) <= n for _, _, w in _words(fold_text(t)))}
        assert searcher.matching_ids(f"{q}~{n}") == want, q
    for q, n in (("中国金融", 1), ("發展经济", 1), ("着甦彊祇衞", 2)):
        needle = fold_text(q)
        want = set()
        for aid, t in texts.items():
            f = _brute_form(t, SearchOptions())
            if any(Levenshtein.distance(f[i:j], needle) <= n and "\n" not in f[i:j]
                   for i in range(len(f)) for j in range(i + len(needle) - n, i + len(needle) + n + 1)):
                want.add(aid)
        assert searcher.matching_ids(f"{q}~{n}") == want, q


def test_operator_limits_say_so(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, _, _ = corpus
    for bad in ("women~3", "发展~2", "发~1", "中国 金融~1x"):
        if bad.endswith("x"):
            continue
        with pytest.raises(QueryError):
            searcher.count(bad)
    from reader.search import modes
    old = modes.MAX_EXPANSION
    modes.MAX_EXPANSION = 2
    try:
        with pytest.raises(QueryError, match="more than 2"):
            searcher.count("w*")
    finally:
        modes.MAX_EXPANSION = old
    assert searcher.count("Luxemb*") > 0  # today it quietly found nothing


def test_publication_filter_folds_like_text(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, texts, _ = corpus
    both = searcher.count("publication:人民日报")
    assert both > 0
    assert searcher.count("publication:人民日報") == both
    assert searcher.count("publication:联合报") == searcher.count("publication:聯合報") > 0
    assert searcher.count("publication:times") == searcher.count("publication:TIMES") > 0


def test_publication_filter_folds_each_name_once_not_per_article(corpus) -> None:  # type: ignore[no-untyped-def]
    """A publication filter folds the few publications' names in Python and selects their articles by id: folding
    the name in SQL (``bs_fold(p.name)``) ran once per article joined — ~200 ms at 54,000 articles."""
    searcher, _, library = corpus
    statements: list[str] = []
    library.conn.set_trace_callback(statements.append)
    try:
        assert searcher.count("publication:人民日報") == searcher.count("publication:人民日报") > 0
    finally:
        library.conn.set_trace_callback(None)
    assert statements and not any("bs_fold(p.name)" in s for s in statements)


def test_exact_never_takes_a_line_id_for_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Exact mode looks for a run in the stored parts first: a line id holding it must not make a hit."""
    lib = Library(tmp_path)
    for n, (lid, text) in enumerate((("髮1", "发展"), ("l1", "髮型"))):
        doc = Document(source=f"/{n}", format="text", pages=[Page(number=1, lines=[Line(lid, text)])],
                       articles=[Article("a", parts=[Part("paragraph", text, [Span(0, len(text), lid, 0)])])])
        lib.store_document(doc, StoreMeta("P"), path=f"/{n}", sha256=str(n))
    sindex.sync(lib)
    with Searcher(lib) as s:
        (hit,) = s.search("髮", options=EXACT).hits
        assert lib.article(hit.article).text == "髮型"
        assert s.count("髮") == 2
    lib.close()


def test_a_proximity_part_that_holds_nothing_searchable_is_left_out(corpus) -> None:  # type: ignore[no-untyped-def]
    """A part of punctuation alone is left out of the proximity (and said); a proximity of nothing else is refused —
    with a filter too, where it must not come back as every article in scope. The unreadable mark 〓 is a part like
    any other: it finds the mark, which no text here holds."""
    searcher, texts, _ = corpus
    a = next(t for t in texts.values() if any("\u4e00" <= c <= "\u9fff" for c in t))
    han = next(c for c in a if "\u4e00" <= c <= "\u9fff")
    assert searcher.count(han) > 0
    assert searcher.count(f'"{han} ，"~3') == searcher.count(han)
    assert searcher.search(f'"{han} ，"~3').left_out == ["，"]
    assert searcher.count(f'"{han} ，"~3 publication:人民日報') == searcher.count(f"{han} publication:人民日報")
    assert not any("〓" in t for t in texts.values())
    assert searcher.count(f'"{han} 〓"~3') == 0
    for query in ('"。 ，"~3', '"。 ，"~3 publication:人民日報'):
        with pytest.raises(QueryError, match="nothing in"):
            searcher.count(query)


def test_a_batch_line_with_an_impossible_date_is_a_query_error() -> None:
    from reader.search.query import _date_range

    with pytest.raises(QueryError):
        _date_range("1939-13")


def test_a_fuzzy_word_is_found_where_the_index_finds_it_even_at_the_start() -> None:
    """Highlights and concordance lines come from the same Levenshtein test the index's expansion used: a word
    with an extra first letter at the very start of a text is found too."""
    term = make_term("zeitung~1")
    assert term is not None
    assert term.spans("xzeitung ok") == [(0, 8)]
    assert term.spans("die xzeitung, zeitungen, zeitun") == [(4, 12), (25, 31)]  # zeitungen: 2 edits


def test_a_fuzzy_cjk_run_marks_the_best_match_and_never_crosses_an_unreadable_glyph() -> None:
    term = make_term("中国银行~2")
    assert term is not None
    assert term.spans("在中国银行") == [(1, 5)]
    one = make_term("中国银行~1")
    assert one is not None and one.spans("中国〓行") == []
