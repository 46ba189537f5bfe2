"""Makes ``catalogue.sqlite`` and ``expected.json`` here: a library of catalogue schema 4 (parts as JSON with
their spans, ``article_text`` a table) with an annotation and a correction, and what it must still give after
any later migration. Run with the code of schema 4 (commit e68f985 on main) — never again after that: the point
of the fixture is that it was written by the old code.

    PYTHONPATH=<a checkout at schema 4> python tests/data/catalogue_v4/make_fixture.py
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

from reader.annotations import store as A
from reader.corrections import store as C
from reader.index import store as sindex
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.search.engine import Searcher

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
SOURCES = [
    DATA / "pages/ecpo_jingbao/jb_1324_1930-04-06_0002+0003.xml",
    DATA / "pages/rero_blb_1845-12-28/00001.xml",
    DATA / "text/rendered_page.txt",
]
QUERIES = ["中国", "上海", "政府", "der", "Zeitung", "新聞", "the"]


def main() -> None:
    work = Path(tempfile.mkdtemp())
    try:
        for src in SOURCES:
            shutil.copy(src, work / src.name)
        lib = Library(work / "lib")
        report = import_paths(lib, [work / s.name for s in SOURCES])
        assert not report.failed, report.failed
        sindex.sync(lib)
        ids = [a.id for a in lib.articles()]
        longest = max(ids, key=lambda i: len(lib.article(i).text))
        art = lib.article(longest)
        A.AnnotationStore.of(lib).add(A.Annotation(article=longest, anchor=A.make_anchor(art, 4, 12),
                                                   note="a note on the fixture"))
        C.CorrectionStore.of(lib).add(C.correct_text(art, 2, 3, "★"))
        searcher = Searcher(lib)
        expected = {
            "articles": {i: {"text": lib.article(i).text, "folded": lib.folded_text(i),
                             "parts": [[p.role, p.text, [[s.start, s.end, s.line, s.line_start] for s in p.spans]]
                                       for p in lib.article(i).parts]} for i in ids},
            "annotations": [[a.anchor.exact, a.anchor.start, a.anchor.end, list(a.anchor.line_ids)] if a.anchor else []
                            for a in A.AnnotationStore.of(lib).find()],
            "corrections": [c.to_json() for c in C.CorrectionStore.of(lib).find()],
            "totals": {q: searcher.search(q, limit=5).total for q in QUERIES},
        }
        lib.close()
        conn = sqlite3.connect(work / "lib/catalogue.sqlite")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")
        conn.close()
        shutil.copy(work / "lib/catalogue.sqlite", HERE / "catalogue.sqlite")
        (HERE / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
