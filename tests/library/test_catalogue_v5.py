"""Catalogue schema 5 (issue 17): spans packed out of the parts JSON, ``article_text`` a view folding the stored
parts. A catalogue written by the schema-4 code (``tests/data/catalogue_v4``, made by its ``make_fixture.py``)
opens, migrates once and gives back every article's text, line map and folded text, its annotation, its
correction and the same search totals; a migration that fails leaves schema 4 whole."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.annotations import store as A
from reader.corrections import store as C
from reader.index import store as sindex
from reader.library import catalogue
from reader.library.catalogue import (
    Library,
    pack_lines,
    pack_spans,
    parts_from_json,
    parts_json,
    unpack_lines,
    unpack_spans,
)
from reader.model.document import Part, Span
from reader.search.engine import Searcher
from reader.text.forms import fold_text

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "catalogue_v4"
EXPECTED = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))


def _old_library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(FIXTURE / "catalogue.sqlite", folder / "catalogue.sqlite")
    return folder


def _parts(lib: Library, article_id: str) -> list[list[object]]:
    return [[p.role, p.text, [[s.start, s.end, s.line, s.line_start] for s in p.spans]]
            for p in lib.article(article_id).parts]


def _runs(texts: list[str]) -> list[str]:
    """A few CJK runs of 3–5 characters taken from the texts (some across articles, so with several hits)."""
    found = [m.group()[:3 + k % 3] for k, t in enumerate(texts) for m in re.finditer(r"[\u4e00-\u9fff]{5,}", t)]
    return sorted(set(found))[::7][:12]


def test_the_fixture_is_schema_4() -> None:
    conn = sqlite3.connect(FIXTURE / "catalogue.sqlite")
    try:
        assert conn.execute("SELECT MAX(version) FROM schema_version WHERE component = 'catalogue'").fetchone() == (4,)
        assert conn.execute("SELECT type FROM sqlite_schema WHERE name = 'article_text'").fetchone() == ("table",)
    finally:
        conn.close()


def _old_lines(folder: Path) -> tuple[dict[int, list[tuple[object, ...]]], dict[tuple[str, str], int]]:
    """The schema-4 lines by page, and the page of each article's lines, read with the old tables."""
    conn = sqlite3.connect(folder / "catalogue.sqlite")
    try:
        pages: dict[int, list[tuple[object, ...]]] = {}
        for page_id, *line in conn.execute("SELECT page_id, id, block, text, x0, y0, x1, y1 FROM lines "
                                           "ORDER BY page_id, seq"):
            pages.setdefault(page_id, []).append(tuple(line))
        where = {}
        for article_id, line_id, page_id in conn.execute(
                "SELECT a.id, l.id, g.id FROM articles a JOIN article_pages ap ON ap.article_num = a.num "
                "JOIN pages g ON g.id = ap.page_id JOIN lines l ON l.page_id = g.id ORDER BY g.number DESC"):
            where[(article_id, line_id)] = page_id
        return pages, where
    finally:
        conn.close()


def conn_index(lib: Library, name: str) -> bool:
    return lib.conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?", (name,)).fetchone() \
        is not None


def test_an_old_catalogue_migrates_and_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _old_library(tmp_path)
    before = (folder / "catalogue.sqlite").stat().st_size
    old_pages, old_where = _old_lines(folder)
    assert sum(map(len, old_pages.values())) > 500
    assert any(line[3] is not None for p in old_pages.values() for line in p)
    lib = Library(folder)
    try:
        for page_id, lines in old_pages.items():
            page = lib.page(page_id)
            assert [(ln.id, ln.text, ln.box) for ln in page.lines] == [
                (ln[0], ln[2], None if ln[3] is None else tuple(ln[3:7])) for ln in lines]
            assert {ln.id: b.id for b in page.blocks for ln in b.lines} == {ln[0]: ln[1] for ln in lines if ln[1]}
        assert lib.stats()["lines"] == sum(map(len, old_pages.values()))
        for (article_id, line_id), page_id in old_where.items():
            assert lib.page_of_line(article_id, line_id) == page_id
        assert lib.schema_versions()["catalogue"] == len(catalogue.MIGRATIONS) == 11
        # schema 6: the pages by number, for the search filter page:N; 7: what ranking needs of a row
        assert conn_index(lib, "pages_number")
        assert conn_index(lib, "articles_rank")
        conn = lib.conn
        assert conn.execute("SELECT type FROM sqlite_schema WHERE name = 'article_text'").fetchone() == ("view",)
        assert conn.execute("SELECT COUNT(*) FROM article_folded").fetchone() == (0,)
        assert all('"spans"' not in p for (p,) in conn.execute("SELECT parts FROM articles"))
        articles = EXPECTED["articles"]
        assert sorted(a.id for a in lib.articles()) == sorted(articles)
        for article_id, want in articles.items():
            assert lib.article(article_id).text == want["text"]
            assert _parts(lib, article_id) == want["parts"]
            assert lib.folded_text(article_id) == want["folded"]
        notes = A.AnnotationStore.of(lib).find()
        assert [[a.anchor.exact, a.anchor.start, a.anchor.end, list(a.anchor.line_ids)] for a in notes
                if a.anchor] == EXPECTED["annotations"]
        assert [c.to_json() for c in C.CorrectionStore.of(lib).find()] == EXPECTED["corrections"]
        anchor = notes[0].anchor
        assert anchor is not None
        assert lib.article(notes[0].article).text[anchor.start:anchor.end] == anchor.exact
        sindex.sync(lib)  # the fixture has no index: built from the migrated catalogue
        searcher = Searcher(lib)
        assert {q: searcher.search(q, limit=5).total for q in EXPECTED["totals"]} == EXPECTED["totals"]
        # the index's copy of the folded texts lost: verified on the catalogue's view, folding the parts again
        (folder / "index" / "folded.dat").write_bytes(b"")
        (folder / "index" / "folded.idx").write_bytes(b"")
        blind = Searcher(lib)
        assert {q: blind.search(q, limit=5).total for q in EXPECTED["totals"]} == EXPECTED["totals"]
        runs = _runs([a["folded"] for a in articles.values()])
        assert len(runs) >= 5
        folds: list[str] = []

        def counted(parts: str) -> str:
            folds.append(parts)
            return fold_text("\n\n".join(catalogue.part_texts(parts)))

        monkeypatch.setattr(catalogue, "fold_stored", counted)
        for run in runs:  # three characters and more: candidates the index cannot decide, verified on texts
            want = sum(run in a["folded"] for a in articles.values())
            assert searcher.search(run, limit=5).total == blind.search(run, limit=5).total == want, run
        assert folds  # the blind searcher did read the view
    finally:
        lib.close()
    assert (folder / "catalogue.sqlite").stat().st_size < before  # the freed pages went back to the disk
    again = Library(folder)  # once: opening again changes nothing
    try:
        assert again.schema_versions()["catalogue"] == 11
    finally:
        again.close()


def test_a_migration_that_fails_leaves_schema_4_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _old_library(tmp_path)

    def broken(parts: object) -> bytes:
        raise RuntimeError("power cut")

    monkeypatch.setattr(catalogue, "pack_spans", broken)
    with pytest.raises(RuntimeError):
        Library(folder)
    conn = sqlite3.connect(folder / "catalogue.sqlite")
    try:
        assert conn.execute("SELECT MAX(version) FROM schema_version WHERE component = 'catalogue'").fetchone() == (4,)
        assert conn.execute("SELECT COUNT(*) FROM article_text").fetchone()[0] == len(EXPECTED["articles"])
        assert all('"spans"' in p for (p,) in conn.execute("SELECT parts FROM articles"))
    finally:
        conn.close()
    monkeypatch.undo()
    lib = Library(folder)  # and the next opening migrates
    try:
        for article_id, want in EXPECTED["articles"].items():
            assert _parts(lib, article_id) == want["parts"]
    finally:
        lib.close()


def test_a_folded_text_folding_would_not_give_again_is_kept(tmp_path: Path) -> None:
    folder = _old_library(tmp_path)
    conn = sqlite3.connect(folder / "catalogue.sqlite")
    num, article_id = conn.execute("SELECT num, id FROM articles ORDER BY num LIMIT 1").fetchone()
    conn.execute("UPDATE article_text SET folded = 'folded by an older fold' WHERE num = ?", (num,))
    conn.commit()
    conn.close()
    lib = Library(folder)
    try:
        assert lib.folded_text(article_id) == "folded by an older fold"
        assert lib.conn.execute("SELECT COUNT(*) FROM article_folded").fetchone() == (1,)
    finally:
        lib.close()


def test_spans_pack_and_unpack_exactly() -> None:
    parts = [Part("headline", "中国人民", [Span(0, 2, "p1.l1", 3), Span(2, 4, "p1.l2", 0)]),
             Part("paragraph", "", []),
             Part("paragraph", "a\nb c", [Span(0, 1, "行\"1", 0), Span(2, 5, "p1.l2", 7), Span(2, 3, "p1.l1", 1)])]
    blob = pack_spans(parts)
    assert unpack_spans(blob, 3) == [[(s.start, s.end, s.line, s.line_start) for s in p.spans] for p in parts]
    assert parts_from_json(parts_json(parts), blob) == parts
    with pytest.raises(ValueError):
        unpack_spans(blob, 2)
    with pytest.raises(ValueError):
        unpack_spans(b"\x09" + blob[1:], 3)
    with pytest.raises(ValueError):
        unpack_spans(blob[:-3], 3)
    lines = [("l1", None, "中国", 1.0, 2.0, 3.5, 4.0), ("l2", "b1", "a \"b\"", None, None, None, None)]
    assert unpack_lines(pack_lines(lines)) == lines
    with pytest.raises(ValueError):
        unpack_lines(pack_lines(lines)[:-2])


def test_new_articles_fold_through_the_view(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    try:
        from reader.model.document import Article, Document, Page

        part = Part("paragraph", "Ｇ２０峰會 Straße", [Span(0, 10, "l1", 0)])
        doc = Document(source="x.txt", format="text", pages=[Page(number=1)],
                       articles=[Article(id="a1", parts=[part], pages=[1])])
        res = lib.store_document(doc, catalogue.StoreMeta("P"), path="x.txt", sha256="0")
        assert lib.folded_text(res.article_ids[0]) == fold_text("Ｇ２０峰會 Straße")
        assert lib.unindexed() == [(res.article_nums[0], res.article_ids[0], fold_text("Ｇ２０峰會 Straße"),
                                    len("Ｇ２０峰會 Straße"))]
    finally:
        lib.close()
