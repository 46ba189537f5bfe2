"""An orphaned note is said in the import that orphaned it, not again after every later import (seen by trust34:
"annotation … is orphaned" repeated by each import of other files), and counted as orphaned all along; found again,
it is attached."""

from __future__ import annotations

from pathlib import Path

from reader.annotations import store as A
from reader.app.work import check_work
from reader.library import importer
from reader.library.catalogue import Library

PAGE = "第一篇文章\n\n今天天气很好，我们去公园散步。\n\n第二段讲的是别的事情。\n"
GONE = "第一篇文章\n\n今天天气很好，我们去博物馆参观。\n\n第二段讲的是别的事情。\n"


def test_an_orphaned_note_is_said_once_and_counted_after(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        importer.import_paths(lib, [src])
        [info] = lib.articles()
        art = lib.article(info.id)
        store = A.AnnotationStore.of(lib)
        at = art.text.index("公园散步")
        note = A.highlight(art, at, at + 4, note="walk")
        note.source = info.source
        store.add(note)

        def said() -> list[str]:
            return [line for line in check_work(lib).lines() if note.id in line and "orphaned" in line]

        (src / "page.txt").write_text(GONE, encoding="utf-8")
        importer.import_paths(lib, [src])
        assert len(said()) == 1
        assert store.get(note.id).orphaned
        other = tmp_path / "other"
        other.mkdir()
        for n in (1, 2):  # later imports of other files: nothing said of it again
            (other / f"more{n}.txt").write_text(f"另一篇文章{n}\n\n第{n}次导入的内容。\n", encoding="utf-8")
            importer.import_paths(lib, [other])
            report = check_work(lib)
            assert said() == []
            assert "1 orphaned" in report.summary()  # still counted
        (src / "page.txt").write_text(PAGE, encoding="utf-8")  # its words came back: attached again
        importer.import_paths(lib, [src])
        assert said() == [] and not store.get(note.id).orphaned
