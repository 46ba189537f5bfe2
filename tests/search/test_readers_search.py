"""Search finds what the readers now read whole: hyphenated words joined through METS, lines outside
the article map, the ECPO centre margin; an unreadable glyph (〓) is never matched across, and found as the mark;
every count equals a brute-force count over the catalogue's folded texts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.search.engine import Searcher, make_term
from reader.text.forms import fold_query, fold_text

DATA = Path(__file__).parents[1] / "data"
LUX = DATA / "samples" / "mets-alto" / "bnl_luxzeit1858_1858-12-07"
BNF = DATA / "pages" / "bnf_europeana_jdpl_1821-08-01"
BL = DATA / "samples" / "mets-alto" / "bl_statesman_1824-02-17"
FOLD_MARGIN = DATA / "pages" / "ecpo_jingbao" / "jb_3796_1939-04-22_0002+0003.xml"
FOLD_GAIJI = DATA / "samples" / "chinese" / "ecpo_jingbao" / "textGT" / "jb_1323_1930-04-03_0001+0004.xml"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("readers")
    src = root / "src"
    shutil.copytree(LUX, src / "lux")
    shutil.copytree(BNF, src / "bnf")
    shutil.copytree(BL, src / "bl")
    (src / "ecpo").mkdir()
    shutil.copy(FOLD_MARGIN, src / "ecpo")
    shutil.copy(FOLD_GAIJI, src / "ecpo")
    lib = Library(root / "lib")
    report = import_paths(lib, [src])
    assert not report.failed
    return lib


def _folded(lib: Library) -> list[str]:
    return [r[0] for r in lib.conn.execute("SELECT folded FROM article_text")]


def _brute_word(lib: Library, word: str) -> int:
    rx = re.compile(rf"(?<![^\W_]){re.escape(fold_query(word))}(?![^\W_])")
    return sum(1 for t in _folded(lib) if rx.search(t))


def _brute_cjk(lib: Library, text: str) -> int:
    needle = fold_query(text)
    return sum(1 for t in _folded(lib) if needle in t)


def _joined_words(folder: Path) -> list[str]:
    """The whole words of every marked hyphenation (HypPart1 + HypPart2) of the issue's ALTO files."""
    words = []
    for f in sorted(folder.rglob("*.xml")):
        strings = [el for el in etree.parse(str(f)).iter("{*}String", "String")]
        for a, b in zip(strings, strings[1:], strict=False):
            if (a.get("SUBS_TYPE") or "").lower() == "hyppart1" and (b.get("SUBS_TYPE") or "").lower() == "hyppart2":
                whole = (a.get("CONTENT") or "").rstrip("-¬=\u00ad") + (b.get("CONTENT") or "")
                m = re.match(r"[^\W_]+", whole)
                if m and len(m.group(0)) >= 4:
                    words.append(m.group(0))
    return words


@pytest.mark.parametrize("folder", [LUX, BNF], ids=["luxemburger_zeitung", "journal_des_debats"])
def test_every_hyphenated_word_is_found_and_counted_exactly(library: Library, folder: Path) -> None:
    words = sorted(set(_joined_words(folder)))
    assert len(words) > 40
    missing, wrong = [], []
    with Searcher(library) as s:
        for w in words:
            n, brute = s.count(w), _brute_word(library, w)
            if n == 0:
                missing.append(w)
            if n != brute:
                wrong.append((w, n, brute))
    assert missing == [] and wrong == []


def test_lines_outside_the_map_are_found(library: Library) -> None:
    # the BL's map starts at word 1131 of page 1: its front-page adverts and this heading are in no mapped article
    with Searcher(library) as s:
        hits = s.search('"SATURDAY NIGHT\'S GAZETTE"', limit=None)
        assert hits.total == 1
        assert _brute_word(library, "GAZETTE") == s.count("GAZETTE") >= 1
        hits = s.search("Cornet", limit=None)  # War Office promotions, unmapped text of page 1
        assert hits.total == _brute_word(library, "Cornet") >= 1


@pytest.mark.parametrize("text", ["小兒科", "宋虞琪", "梅邨", "陳效懷醫師", "專營上等罐頭食品"])
def test_the_centre_margin_is_found(library: Library, text: str) -> None:
    with Searcher(library) as s:
        assert s.count(text) == _brute_cjk(library, text) >= 1


def test_an_unreadable_glyph_is_never_found_nor_matched_across(library: Library) -> None:
    with Searcher(library) as s:
        assert s.count("長嗣開") == 1  # the text around it is found
        assert s.count("開乃") == 0  # 開〓乃: never matched across the mark
        # the mark itself is found where the text holds it (the text reads 開〓: the OCR could not read the next one)
        for query in ("開〓", "〓乃", "〓〓", "〓"):
            assert s.count(query) == _brute_cjk(library, query) >= 1, query


def test_a_phrase_never_matches_across_an_unreadable_glyph() -> None:
    term = make_term("開 G20")  # two pieces: in order, with only spaces or punctuation between them
    assert term is not None and len(term.pieces) == 2
    assert term.regex().search(fold_text("長嗣開，G20")) is not None
    assert term.regex().search(fold_text("長嗣開〓G20")) is None  # a glyph nobody could read is not punctuation
    mark = make_term("開〓")  # the mark is a piece of its own: found as the mark, never as a readable character
    assert mark is not None and mark.pieces == (("cjk", "开"), ("mark", "〓"))
    assert mark.regex().search(fold_text("長嗣開〓G20")) is not None
    assert mark.regex().search(fold_text("長嗣開乃G20")) is None
    alone = make_term("〓")
    assert alone is not None and alone.pieces == (("mark", "〓"),)


def test_no_mode_matches_across_an_unreadable_glyph(library: Library) -> None:
    from reader.search.query import Match, SearchOptions

    with Searcher(library) as s:
        for options in (SearchOptions(ignore_punct=True), SearchOptions(Match.VARIANTS, ignore_punct=True),
                        SearchOptions(Match.EXACT, ignore_punct=True), SearchOptions(Match.VARIANTS)):
            assert s.count("長嗣開", options=options) == 1, options
            assert s.count("開乃", options=options) == 0, options  # 開〓乃: the gap is not punctuation
