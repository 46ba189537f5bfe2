"""How a query's words are read, each checked against a BRUTE-FORCE scan of the texts in every mode: a word of
punctuation alone is left out and said (a query of nothing else refused), the unreadable-glyph mark 〓 finds the
mark the text holds, operators typed full-width are operators, and a phrase glued to a word continues it — in
search, concordance and timeline alike."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.index import store as sindex
from reader.library.catalogue import Library, StoreMeta
from reader.model.document import Article, Document, Line, Page, Part, Span
from reader.search.concordance import concordance
from reader.search.engine import Match, QueryError, Searcher, SearchOptions
from reader.search.query import And, Not, Or, Text, parse
from reader.search.timeline import timeline
from reader.text.forms import fold_text

MODES = [SearchOptions(), SearchOptions(Match.EXACT), SearchOptions(Match.VARIANTS), SearchOptions(ignore_punct=True),
         SearchOptions(Match.EXACT, True), SearchOptions(Match.VARIANTS, True)]
MODE_IDS = [f"{o.match.value}{'-punct' if o.ignore_punct else ''}" for o in MODES]

TEXTS = [
    "The king of London spoke. 上海，日本代表团到达。",
    "The king came; the queen stayed. 上海、日本",
    "London bridge 北京 上海",
    "queen and king & london / paris ... 上海 · 日本",
    "惟不知拳足相〓、於情愛有所引起否",
    "長嗣開〓乃福粉之〓〓之",
    "拳足相打、甫吿上漲、〓突轉下降",
    "中国“一带一路”建设继续推进。",
    "中国经济稳步复苏，学者认为“一带一路”建设继续推进。",
    "中国 一带一路 港口",
    "l'œuvre du Congrès; ŒUVRE complète; Æsop and æther",
    "oeuvre, aether, Aesop",
    "ＡＢＣ full width; ABC half width",
]


def _store(lib: Library, texts: list[str]) -> None:
    for i, text in enumerate(texts):
        doc = Document(source=f"/{i}", format="text", pages=[Page(number=1, lines=[Line("l", text)])],
                       articles=[Article("a", parts=[Part("paragraph", text, [Span(0, len(text), "l", 0)])])])
        lib.store_document(doc, StoreMeta("P", f"19{50 + i}-01-01"), path=f"/{i}", sha256=str(i))
    sindex.sync(lib)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Searcher, dict[str, str]]]:
    lib = Library(tmp_path_factory.mktemp("readlib"))
    _store(lib, TEXTS)
    ids = {aid: int(src.strip("/")) for aid, src in lib.conn.execute(
        "SELECT a.id, s.path FROM articles a JOIN sources s ON s.id = a.source_id")}
    searcher = Searcher(lib)
    yield searcher, {aid: TEXTS[n] for aid, n in ids.items()}
    searcher.close()
    lib.close()


# ---------------------------------------------------------------- brute force, written apart from the engine

def _word(texts: dict[str, str], word: str) -> set[str]:
    """Articles holding ``word`` as a whole word of the folded text (a CJK run anywhere)."""
    w = fold_text(word)
    rx = re.compile(re.escape(w) if "\u4e00" <= w[0] <= "\u9fff" else rf"(?<!\w){re.escape(w)}(?!\w)")
    return {aid for aid, t in texts.items() if rx.search(fold_text(t))}


def _run(texts: dict[str, str], pattern: str) -> dict[str, int]:
    """Article → occurrences of ``pattern`` in its folded text, where there are any."""
    out = {aid: len(re.findall(pattern, fold_text(t))) for aid, t in texts.items()}
    return {aid: n for aid, n in out.items() if n}


# ---------------------------------------------------------------- 1. punctuation alone

PUNCT_WORDS = ["&", "—", "/", ".", "...", '""', "“”", "「」", "-", "*", "，", "、", "·", "。", "~", "?"]


@pytest.mark.parametrize("options", MODES, ids=MODE_IDS)
def test_a_word_of_punctuation_alone_is_left_out_and_said(corpus, options: SearchOptions) -> None:  # type: ignore[no-untyped-def]
    """``king & london`` found nothing, silently: the ``&`` was a term no text could hold. It is left out of the
    query and named; the rest is searched (in every mode: no mode's terms hold punctuation)."""
    searcher, texts = corpus
    for a, b in (("king", "queen"), ("上海", "日本")):
        want = _word(texts, a) & _word(texts, b)
        assert want, (a, b)
        for p in PUNCT_WORDS:
            query = f"{a} {p} {b}"
            res = searcher.search(query, limit=None, options=options)
            assert {h.article for h in res.hits} == want and res.total == len(want), (query, options)
            assert res.left_out == [p], query  # as typed
            assert searcher.search(f"{a} {p}", limit=None, options=options).total == len(_word(texts, a)), p
            assert searcher.count(f"{a} OR {p}", options=options) == len(_word(texts, a)), p
            assert searcher.count(f"{a} -{p}", options=options) == len(_word(texts, a)), p
    assert searcher.search("king", options=options).left_out == []
    assert "left_out" not in searcher.search("king", options=options).to_json()
    assert searcher.search("king .", options=options).to_json()["left_out"] == ["."]


@pytest.mark.parametrize("options", MODES, ids=MODE_IDS)
def test_a_query_of_nothing_searchable_is_refused(corpus, options: SearchOptions) -> None:  # type: ignore[no-untyped-def]
    """A query of punctuation alone said "0 article(s) match" as if searched; with a filter it must not list every
    article in scope either."""
    searcher, _ = corpus
    for query in ("。", "-", "*", '""', "“”", ". , 、", "NOT .", '"。 ，"~3', "。 date:1950..1970", "(.) OR (&)",
                  '""~3', '" "~2 date:1950..1970'):
        with pytest.raises(QueryError, match="nothing in"):
            searcher.search(query, options=options)
        with pytest.raises(QueryError, match="nothing in"):
            searcher.count(query, options=options)
        with pytest.raises(QueryError, match="nothing in"):
            concordance(searcher, query, options=options)
    assert searcher.count("date:1950..1970", options=options) == len(TEXTS)  # filters alone still list their scope


def test_concordance_and_timeline_count_as_search_without_the_punctuation(corpus) -> None:  # type: ignore[no-untyped-def]
    searcher, texts = corpus
    for query, same in (("king & london", "king london"), ("上海 ， 日本", "上海 日本"), ("上海 、", "上海")):
        assert searcher.count(query) == searcher.count(same) > 0
        assert concordance(searcher, query).total == concordance(searcher, same).total > 0
        assert timeline(searcher, query).total == timeline(searcher, same).total == searcher.count(same)


# ---------------------------------------------------------------- 2. the unreadable-glyph mark 〓

@pytest.mark.parametrize("options", MODES, ids=MODE_IDS)
def test_the_unreadable_mark_in_a_query_finds_the_text_that_reads_so(corpus, options: SearchOptions) -> None:  # type: ignore[no-untyped-def]
    """拳足相〓 found nothing though the text reads 拳足相〓 (the OCR could not read the fourth character): the
    mark in a query finds the mark in the text — never a readable character, and no query crosses one (開乃 in
    開〓乃)."""
    searcher, texts = corpus
    for query, pattern in (("拳足相〓", "拳足相〓"), ("〓", "〓+"), ("開〓", "开〓"), ("〓乃", "〓乃"),
                           ("〓〓", "〓〓"), ("拳足相", "拳足相"), ("〓突轉", "〓突转"), ("之〓〓之", "之〓〓之")):
        want = _run(texts, pattern)
        assert want, query
        res = searcher.search(query, limit=None, options=options)
        assert {h.article for h in res.hits} == set(want), (query, options)
        assert res.unreadable == ("〓" in query)
        assert res.to_json().get("unreadable_mark", False) == ("〓" in query)
        if options == SearchOptions():
            conc = concordance(searcher, query, options=options)
            assert conc.total == sum(len(re.findall(pattern.replace("+", ""), fold_text(texts[a]))) for a in want)
            assert timeline(searcher, query, options=options).total == res.total
    assert searcher.count("開乃", options=options) == 0
    assert searcher.count("拳足相打", options=options) == 1  # a readable 打 is not the mark
    assert searcher.count("拳足相〓打", options=options) == 0


# ---------------------------------------------------------------- 4. operators typed full-width

def test_operators_typed_full_width_are_operators() -> None:
    """A Chinese input method types ＯＲ, －, ＂ and ～: 上海 ＯＲ 北京 was the three words 上海, ＯＲ, 北京."""
    for wide, ascii_ in (("上海 ＯＲ 北京", "上海 OR 北京"), ("king ＡＮＤ queen", "king AND queen"),
                         ("上海 ＮＯＴ 北京", "上海 NOT 北京"), ("上海 －北京", "上海 -北京"),
                         ("上海 －＂北京 天津＂", '上海 -"北京 天津"'), ("＂上海 北京＂～５", '"上海 北京"~5'),
                         ("ｐｕｂｌｉｃａｔｉｏｎ：人民日报 上海", "publication:人民日报 上海"),
                         ("（上海 ＯＲ 北京） ＆＆ 日本", "(上海 OR 北京) && 日本")):
        assert parse(wide) == parse(ascii_), wide
    # a word keeps the characters it was typed with (exact mode tells Ａ from A)
    assert parse("ＡＢＣ") == Text("ＡＢＣ")
    assert parse("上海－北京") == Text("上海－北京")
    assert parse("ＯＲＥ") == Text("ＯＲＥ")


@pytest.mark.parametrize("options", MODES, ids=MODE_IDS)
def test_full_width_operators_find_what_the_ascii_ones_find(corpus, options: SearchOptions) -> None:  # type: ignore[no-untyped-def]
    searcher, texts = corpus
    for wide, ascii_ in (("上海 ＯＲ 北京", "上海 OR 北京"), ("king ＡＮＤ queen", "king AND queen"),
                         ("king ＯＲ queen", "king OR queen"), ("上海 －北京", "上海 -北京"), ("ki＊", "ki*"),
                         ("quen～１", "quen~1")):
        assert searcher.matching_ids(wide, options=options) == searcher.matching_ids(ascii_, options=options), wide
    assert searcher.matching_ids("上海 ＯＲ 北京", options=options) == _word(texts, "上海") | _word(texts, "北京")
    assert searcher.matching_ids("上海 －北京", options=options) == _word(texts, "上海") - _word(texts, "北京")
    exact = SearchOptions(Match.EXACT)
    assert searcher.count("ＡＢＣ", options=exact) == 1 and searcher.count("ＡＢＣ") == 1  # the one text, both ways


# ---------------------------------------------------------------- 5. a phrase glued to a word

def test_a_phrase_glued_to_a_word_continues_it() -> None:
    assert parse("中国“一带一路”") == Text("中国“一带一路”")
    assert parse("“一带一路”建设") == Text("“一带一路”建设")
    assert parse("中国“一带一路”建设") == Text("中国“一带一路”建设")
    assert parse('China"s Belt"') == Text('China"s Belt"')
    assert parse("-中国“一带一路”") == Not(Text("中国“一带一路”"))
    assert parse("上海 中国“一带一路”") == And((Text("上海"), Text("中国“一带一路”")))
    assert parse("中国 “一带一路”") == And((Text("中国"), Text("一带一路")))  # a space between: two terms
    assert parse("中国 OR“一带一路”") == Or((Text("中国"), Text("一带一路")))
    assert parse('中国"一带 一路"~3') == And((Text("中国"), parse('"一带 一路"~3')))  # a proximity stays one


@pytest.mark.parametrize("options", MODES, ids=MODE_IDS)
def test_a_glued_phrase_finds_the_run_as_pasted(corpus, options: SearchOptions) -> None:  # type: ignore[no-untyped-def]
    """中国“一带一路” found the article where 中国 and 一带一路 stand far apart, and the concordance counted 中国
    twice and 一带一路 once as its occurrences: it is one term, 中国 then 一带一路 with only punctuation or spaces
    between."""
    searcher, texts = corpus
    want = _run(texts, r"中国[^\w〓]*一带一路")
    assert len(want) == 2  # “一带一路” and a space; not the text where they are far apart
    assert searcher.matching_ids("中国“一带一路”", options=options) == set(want)
    if options == SearchOptions():
        conc = concordance(searcher, "中国“一带一路”")
        assert conc.total == sum(want.values())
        assert {ln.match for ln in conc.lines} == {"中国“一带一路", "中国 一带一路"}
        assert timeline(searcher, "中国“一带一路”").total == len(want)


# ---------------------------------------------------------------- 3. œ and æ fold as oe and ae

def test_oe_and_ae_fold_like_ss() -> None:
    assert fold_text("l'Œuvre ŒUVRE œuvre Æsop æther ǽ Straße") == "l'oeuvre oeuvre oeuvre aesop aether ae strasse"
    from reader.text.forms import fold

    folded, omap = fold("cœur")
    assert folded == "coeur" and omap == [0, 1, 1, 2, 3]  # both letters of oe on the œ printed


@pytest.mark.parametrize("options", [o for o in MODES if o.match is not Match.EXACT],
                         ids=[i for i, o in zip(MODE_IDS, MODES, strict=True) if o.match is not Match.EXACT])
def test_oe_and_ae_find_the_ligatures(corpus, options: SearchOptions) -> None:  # type: ignore[no-untyped-def]
    searcher, texts = corpus
    oeuvre = {aid for aid, t in texts.items() if re.search("(?i)(œ|oe)uvre", t)}
    assert len(oeuvre) == 2
    for query in ("oeuvre", "œuvre", "ŒUVRE", "OEuvre"):
        assert searcher.matching_ids(query, options=options) == oeuvre, query
    for query in ("aesop", "Æsop", "aether", "æther"):
        assert len(searcher.matching_ids(query, options=options)) == 2, query
    hit = next(h for h in searcher.search("oeuvre", limit=None, options=options).hits if "œ" in texts[h.article])
    assert {texts[hit.article][s:e] for s, e in hit.matches} == {"œuvre", "ŒUVRE"}  # highlights on the printed letters
    assert searcher.count("œuvre", options=SearchOptions(Match.EXACT)) == 1  # exact: as printed


def test_a_library_made_before_oe_folded_is_searched_right(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library whose index (and stored folded texts) hold œ as it was folded before: its index is of another term
    layout (rebuilt from the catalogue), its stored folded texts are folded again by the catalogue's migration."""
    from reader.library import catalogue
    from reader.text import forms

    lib = Library(tmp_path)
    old = fold_text("l'œuvre du Congrès").replace("oe", "œ")
    with monkeypatch.context() as m:  # folded as before: œ kept, the index of the older layout
        m.setattr(sindex, "FIELD", sindex.FIELD.removesuffix(f"fold{forms.FOLD_VERSION}"))
        _store(lib, ["l'œuvre du Congrès", "oeuvre"])
        # a text stored folded the old way (kept as it was since migration 5, as PostgreSQL keeps every text)
        num = lib.conn.execute("SELECT num FROM articles ORDER BY num LIMIT 1").fetchone()[0]
        with lib.transaction():
            lib.conn.execute("INSERT INTO article_folded (num, folded) VALUES (?, ?)", (num, old))
            lib.conn.execute("DELETE FROM schema_version WHERE component = 'catalogue' AND version > 10")
    lib.close()
    lib = Library(tmp_path)  # migrated on opening
    assert lib.schema_versions()["catalogue"] == len(catalogue.MIGRATIONS)
    assert lib.conn.execute("SELECT folded FROM article_text WHERE num = ?", (num,)).fetchone()[0] == \
        fold_text("l'œuvre du Congrès") == "l'oeuvre du congres"
    with Searcher(lib) as s:
        assert s.index.outdated  # another term layout: rebuilt before it answers
    sindex.sync(lib)
    with Searcher(lib) as s:
        assert s.count("oeuvre") == s.count("œuvre") == 2
    lib.close()


def test_a_postgresql_library_made_before_oe_folded_is_searched_right(pg_url: str, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL keeps every article's folded text: the migration folds those holding œ or æ again, and the index
    (of the older term layout) is rebuilt from them."""
    from reader.text import forms

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lib = Library.open(pg_url)
    try:
        with monkeypatch.context() as m:
            m.setattr(sindex, "FIELD", sindex.FIELD.removesuffix(f"fold{forms.FOLD_VERSION}"))
            _store(lib, ["l'Œuvre du Congrès", "oeuvre", "Æsop"])
            with lib.transaction():  # as the folding before left them
                lib.conn.execute("UPDATE article_text SET folded = replace(replace(folded, 'oe', 'œ'), 'ae', 'æ')")
                lib.conn.execute("DELETE FROM schema_version WHERE component = 'catalogue' AND version > 10")
    finally:
        lib.close()
    lib = Library.open(pg_url)
    try:
        assert sorted(r[0] for r in lib.conn.execute("SELECT folded FROM article_text")) == \
            sorted(fold_text(t) for t in ["l'Œuvre du Congrès", "oeuvre", "Æsop"])
        sindex.sync(lib)
        with Searcher(lib) as s:
            assert s.count("oeuvre") == s.count("œuvre") == 2 and s.count("aesop") == 1
    finally:
        lib.close()
