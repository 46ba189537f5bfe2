"""The catalogue's rows are packed where a file is read (issue 17): an import's reading processes send the rows
the library inserts (:class:`SourceRows`), never the document, and what is stored is what the document says —
with reading processes or without, for every kind of sample file."""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.library.catalogue import Library, page_line_rows, source_rows
from reader.library.importer import import_paths, read_file
from reader.search.engine import Searcher
from reader.segmentation.analyze import analyze_file
from reader.text.forms import fold_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "data" / "samples"
QUERIES = ("the", "人民", "Statesman", "und", "Zeitung", "1824", "報", "London -Paris", "der die")

#: every catalogue table an import fills, as it is compared (the import's own timestamp left out)
TABLES = {
    "sources": "SELECT id, path, sha256, mtime, size, format, warnings FROM sources ORDER BY id",
    "publications": "SELECT * FROM publications ORDER BY id",
    "issues": "SELECT * FROM issues ORDER BY id",
    "pages": "SELECT * FROM pages ORDER BY id",
    "blocks": "SELECT * FROM blocks ORDER BY page_id, seq",
    "page_lines": "SELECT * FROM page_lines ORDER BY page_id",
    "articles": "SELECT * FROM articles ORDER BY num",
    "article_pages": "SELECT * FROM article_pages ORDER BY article_num, page_id",
    "article_text": "SELECT num, folded FROM article_text ORDER BY num",
}


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("samples") / "src"
    shutil.copytree(SAMPLES, src)
    return src


def _catalogue(lib: Library) -> dict[str, list[tuple[Any, ...]]]:
    return {name: [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                   for row in lib.conn.execute(sql)] for name, sql in TABLES.items()}


def _summary(lib: Library, report: Any) -> tuple[Any, ...]:
    with Searcher(lib) as s:
        totals = [s.search(q, limit=None).total for q in QUERIES]
    return sorted(report.imported), report.failed, _catalogue(lib), totals


@pytest.fixture(scope="module")
def here(samples: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Any]]:
    """Every sample imported by this process alone (no reading process), once for the tests that read it."""
    lib = Library(tmp_path_factory.mktemp("here") / "lib")
    try:
        yield lib, import_paths(lib, [samples], workers=0)
    finally:
        lib.close()


def test_every_sample_stores_the_same_catalogue_read_in_reading_processes_or_here(
        samples: Path, here: tuple[Library, Any], tmp_path: Path) -> None:
    """Byte for byte: pages, blocks, packed lines, articles (parts, packed spans, ids), folded texts; and the
    same search totals."""
    mine = _summary(*here)
    lib = Library(tmp_path / "lib2")
    try:
        there = _summary(lib, import_paths(lib, [samples], workers=2))
    finally:
        lib.close()
    assert len(mine[0]) >= 15 and not mine[1]
    assert mine[2]["blocks"] and mine[2]["page_lines"] and len(mine[2]["articles"]) > 100
    for name in TABLES:
        assert mine[2][name] == there[2][name], name
    assert mine[3] == there[3] and all(mine[3][:3])


def test_what_is_stored_is_what_the_document_says(here: tuple[Library, Any]) -> None:
    """Read back through the library, every sample's articles (kind, headline, parts, char→line spans), pages,
    lines and folded texts are the document's, whatever was packed on the way."""
    lib, report = here
    assert not report.failed
    checked = 0
    for path in report.imported:
        doc = analyze_file(Path(path))
        stored = lib.conn.execute("SELECT id FROM articles a WHERE source_id = (SELECT id FROM sources "
                                  "WHERE path = ?) ORDER BY seq", (path,)).fetchall()
        assert len(stored) == len(doc.articles), path
        for (article_id,), article in zip(stored, doc.articles, strict=True):
            got = lib.article(article_id)
            assert (got.kind, got.title, [(p.role, p.text, p.spans) for p in got.parts]) == (
                article.kind, article.title, [(p.role, p.text, p.spans) for p in article.parts]), path
            assert lib.folded_text(article_id) == fold_text(article.text)
            checked += 1
        pages = lib.conn.execute("SELECT id FROM pages WHERE source_id = (SELECT id FROM sources "
                                 "WHERE path = ?) ORDER BY seq", (path,)).fetchall()
        assert len(pages) == len(doc.pages)
        for (page_id,), page in zip(pages, doc.pages, strict=True):
            lines = page_line_rows(lib.conn, page_id)
            assert [(r[0], r[2]) for r in lines] == [(ln.id, ln.text) for ln in page.lines]
            assert [b.id for b in lib.page(page_id).blocks] == [b.id for b in page.blocks]
    assert checked > 100


def test_a_reading_process_sends_rows_not_the_document(samples: Path) -> None:
    """Unpickling the readers' documents (an object per line, word and span) and packing their lines and spans
    took a third of the importing process at 100,000 pages: what a reader sends holds no model object."""
    mets = next((samples / "mets-alto" / "bl_statesman_1824-02-17").glob("*mets*.xml"))
    read = read_file(mets)
    sent = pickle.dumps(read)
    assert b"reader.model" not in sent
    doc = analyze_file(mets)
    assert read.rows == source_rows(doc, [fold_text(a.text) for a in doc.articles])
    assert len(sent) < len(pickle.dumps(doc)) / 2
