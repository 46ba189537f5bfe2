"""A word the reader corrected is found (seen by the by-eye tester: a corrected OCR word was never found by search,
on both kinds of library). The corrections module promised "original and corrected reading, both indexed"; the
index and the text store held the original only. Both readings are searched now: the command line, the window's
search and an export by query; a private correction on a shared library is found by its owner only
(tests/library/test_postgres.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.app.archive import Archive
from reader.app.overlay import Overlay
from reader.app.samples import samples_folder
from reader.cli.main import main
from reader.corrections.store import CorrectionStore, correct_text
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.search import engine
from reader.search.engine import Match, Searcher, SearchOptions

#: characters no sample holds (the corrected reading brings them)
NEW = "龘䨻"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corrected-reading") / "lib"
    with Library.open(folder) as lib:
        import_paths(lib, [samples_folder()])
    return folder


@pytest.fixture
def lib(folder: Path) -> Iterator[Library]:
    with Library.open(folder) as lib:
        yield lib
        lib.conn.execute("DELETE FROM corrections")  # each test starts with none
        lib.conn.commit()


def _cjk_body(lib: Library) -> tuple[str, int, str]:
    """(article, offset, two characters there) in the body of a Chinese article, a place the correction replaces."""
    for place in _cjk_places(lib):
        return place
    raise AssertionError("no Chinese body text in the samples")


def _cjk_places(lib: Library) -> Iterator[tuple[str, int, str]]:
    """:func:`_cjk_body`'s places, each article's first."""
    for info in lib.articles():
        art = lib.article(info.id)
        for i, part in enumerate(art.parts):
            if part.role != "paragraph" or len(part.text) < 40:
                continue
            start = sum(len(p.text) + 2 for p in art.parts[:i]) + 20
            word = art.text[start:start + 2]
            if all("\u4e00" <= ch <= "\u9fff" for ch in word) and "\n" not in art.text[start - 20:start + 20]:
                yield info.id, start, word
                break


def _corrected(lib: Library) -> tuple[str, int, str]:
    article, start, word = _cjk_body(lib)
    CorrectionStore.of(lib).add(correct_text(lib.article(article), start, start + 2, NEW))
    return article, start, word


def _searcher(lib: Library) -> Searcher:
    return Searcher(lib, readings=Overlay(lib).search_readings)


def test_the_corrected_reading_is_found_and_so_is_the_original(lib: Library) -> None:
    with _searcher(lib) as s:
        assert s.search(NEW).total == 0
    article, start, word = _corrected(lib)
    with _searcher(lib) as s:
        found = s.search(NEW)
        assert [h.article for h in found.hits] == [article] and found.total == 1
        hit = found.hits[0]
        assert hit.corrected and NEW in hit.snippet
        # the places are the corrected reading's, as the window shows it
        shown = Overlay(lib).corrected(lib.article(article))
        assert [shown.text[a:b] for a, b in hit.matches] == [NEW]
        assert hit.to_json()["reading"] == "corrected"
        # the OCR's reading is still found: both are the article's
        assert article in {h.article for h in s.search(word, limit=None).hits}
        assert s.count(NEW) == 1 and s.matching_ids(NEW) == {article}
    with Searcher(lib) as plain:  # a search not told of the corrections: the texts as imported
        assert plain.search(NEW).total == 0


def test_every_way_of_asking_finds_the_corrected_reading(lib: Library) -> None:
    article, start, word = _corrected(lib)
    text = lib.article(article).text
    other = next(text[i:i + 2] for i in range(start + 40, len(text) - 2)
                 if all("\u4e00" <= ch <= "\u9fff" for ch in text[i:i + 2]))
    with _searcher(lib) as s:
        assert s.matching_ids(f"{NEW} {other}") == {article}  # both terms: one from each reading
        assert s.matching_ids(f"{NEW} OR 龘龘龘") == {article}
        assert article not in s.matching_ids(f"{other} -{NEW}")
        assert s.matching_ids(f'"{NEW} {text[start + 2:start + 4]}"~3') == {article}  # near each other
        assert s.matching_ids(NEW, options=SearchOptions(Match.EXACT)) == {article}
        assert s.matching_ids(NEW, options=SearchOptions(Match.VARIANTS)) == {article}
        assert s.matching_ids(f"{NEW} kind:furniture") == set()
        info = lib.article_info(article)
        assert s.search(NEW, facets=True).facets["kind"] == {info.kind: 1}


def test_a_common_string_the_correction_brings_is_counted_with_it(lib: Library,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A string in many articles is answered from the index's count and a walk of the date order: the article
    that holds it only in its corrected reading is counted and listed too."""
    monkeypatch.setattr(engine, "RELEVANCE_CAP", 3)
    with Searcher(lib) as plain:
        common = "的"
        before = plain.search(common, limit=None).total
        assert before > 3
        without = next(i.id for i in lib.articles() if common not in lib.article(i.id).text
                       and any(p.role == "paragraph" and len(p.text) > 4 for p in lib.article(i.id).parts))
    art = lib.article(without)
    start = next(sum(len(p.text) + 2 for p in art.parts[:i]) for i, p in enumerate(art.parts)
                 if p.role == "paragraph" and len(p.text) > 4)
    CorrectionStore.of(lib).add(correct_text(art, start, start + 1, common))
    with _searcher(lib) as s:
        found = s.search(common, limit=None)
        assert found.total == before + 1 and without in {h.article for h in found.hits}
        assert s.search(common, limit=2).total == before + 1


def test_the_command_line_finds_a_corrected_word_until_the_correction_is_undone(
        lib: Library, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article, start, _word = _cjk_body(lib)
    assert main(["correct", "--library", str(folder), "text", article, str(start), str(start + 2), NEW]) == 0
    capsys.readouterr()

    def search() -> dict[str, Any]:
        assert main(["search", NEW, "--library", str(folder), "--json"]) == 0
        return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]

    got = search()
    assert got["total"] == 1 and got["hits"][0]["article"] == article and got["hits"][0]["reading"] == "corrected"
    assert main(["concordance", NEW, "--library", str(folder)]) == 0  # its line, from the corrected reading
    assert NEW in capsys.readouterr().out
    assert main(["correct", "--library", str(folder), "undo"]) == 0
    capsys.readouterr()
    assert search()["total"] == 0


def test_the_windows_search_follows_a_correction_made_and_undone(folder: Path, lib: Library) -> None:
    article, start, _word = _cjk_body(lib)
    archive = Archive.open(folder)
    try:
        assert archive.search(NEW).total == 0
        command = archive.correct(correct_text(archive.article(article), start, start + 2, NEW))
        found = archive.search(NEW)
        assert [h.article for h in found.hits] == [article]
        command.undo()
        assert archive.search(NEW).total == 0
    finally:
        archive.close()


def test_an_export_by_query_takes_the_article_found_by_its_corrected_reading(lib: Library) -> None:
    article, _start, _word = _corrected(lib)
    scope = Overlay(lib).export_scope(query=NEW)
    assert [item.article.id for item in scope.items] == [article]
    assert NEW in scope.items[0].article.text or any(f.corrected == NEW for f in scope.items[0].fixes)


def test_the_concordance_and_the_timeline_read_the_corrected_reading(lib: Library) -> None:
    """What a search finds, the concordance lists and the timeline counts: a corrected word's line comes from the
    corrected reading, with its context; the OCR's reading of it is no longer a line of that article."""
    from reader.app.studies import concordance_for_window, timelines
    from reader.search.concordance import concordance, count_by_article
    from reader.search.timeline import By, timeline

    article, start, word = _corrected(lib)
    shown = Overlay(lib).corrected(lib.article(article)).text
    with _searcher(lib) as s:
        conc = concordance(s, NEW, n=5)
        assert conc.total == 1 and [ln.article for ln in conc.lines] == [article]
        line = conc.lines[0]
        assert (line.left, line.match, line.right) == (shown[start - 5:start], NEW, shown[start + 2:start + 7])
        assert shown[line.start:line.end] == NEW
        assert [(row.article, n) for row, n in count_by_article(s, NEW)] == [(article, 1)]
        capped = concordance(s, NEW, n=5, cap=10)
        assert capped.total == 1 and capped.lines == conc.lines
        assert timeline(s, NEW, By.YEAR).total == 1
        # the OCR's reading: its other places still count, this one does not (it reads the correction now)
        with Searcher(lib) as plain:
            before = {(ln.article, ln.start) for ln in concordance(plain, word).lines}
        after = {(ln.article, ln.start) for ln in concordance(s, word).lines}
        assert (article, start) in before and (article, start) not in after
        assert {a for a, _ in before} - {article} <= {a for a, _ in after}
    window = concordance_for_window(lib, NEW)
    assert [ln.article for ln in window.lines] == [article]
    assert timelines(lib, [NEW], By.YEAR)[0].total == 1


def test_the_csv_of_hits_shows_the_corrected_word_in_its_context(lib: Library) -> None:
    """Seen by eye: the CSV of a search's hits bracketed the original text at the corrected word's offsets ("zu
    ac»[climatisire]u beflissen"), and its headline column kept the OCR's headline."""
    from reader.export.csv import rows

    article, start, word = _corrected(lib)
    shown = Overlay(lib).corrected(lib.article(article)).text
    scope = Overlay(lib).export_scope(query=NEW)
    [row] = rows(scope.items, width=4)
    assert row["kwic"].strip("…") == f"{shown[start - 4:start]}[{NEW}]{shown[start + 2:start + 6]}".replace("\n", " ")
    art = lib.article(article)
    head = next(i for i, p in enumerate(art.parts) if p.role == "headline")
    at = sum(len(p.text) + 2 for p in art.parts[:head])
    CorrectionStore.of(lib).add(correct_text(art, at, at + 1, "龘"))  # the headline's first character
    [row] = rows(Overlay(lib).export_scope(query=NEW).items, width=4)
    assert row["headline"].startswith("龘")
    with _searcher(lib) as s:  # the headline a search lists is the corrected one too (it listed the OCR's)
        assert s.search(NEW).hits[0].headline.startswith("龘")


def test_a_hit_on_the_ocrs_reading_of_a_corrected_word_says_so(lib: Library) -> None:
    """Seen by the by-eye tester: searching the OCR's word of an article the reader corrected lists a snippet with
    that word, and the article opens reading the correction — nothing said the snippet is the OCR's reading, not
    the reader's. The hit says so (``Hit.as_read``, ``"reading": "ocr"`` in ``--json``); a hit the correction
    leaves alone says nothing."""
    article, start, word = next((a, i, w) for a, i, w in _cjk_places(lib) if lib.article(a).text.count(w) == 1)
    CorrectionStore.of(lib).add(correct_text(lib.article(article), start, start + 2, NEW))
    with _searcher(lib) as s:
        hit = next(h for h in s.search(word, limit=None).hits if h.article == article)
        assert hit.as_read and not hit.corrected and word in hit.snippet
        assert hit.to_json()["reading"] == "ocr"
        others = [h for h in s.search(word, limit=None).hits if h.article != article]
        assert all(not h.as_read and "reading" not in h.to_json() for h in others)
        assert not s.search(NEW).hits[0].as_read


def test_the_command_line_says_a_snippet_is_the_ocrs_reading_of_a_corrected_word(
        lib: Library, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article, start, word = next((a, i, w) for a, i, w in _cjk_places(lib) if lib.article(a).text.count(w) == 1)
    assert main(["correct", "--library", str(folder), "text", article, str(start), str(start + 2), NEW]) == 0
    capsys.readouterr()
    assert main(["search", word, "--library", str(folder), "--limit", "1000"]) == 0
    out = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(out) if line.startswith(article))
    assert out[at + 1].strip().startswith("(the OCR's reading of corrected words)") and word in out[at + 1]
    assert sum("OCR's reading" in line for line in out) == 1
