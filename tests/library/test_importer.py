"""Import: walking, metadata from paths/sidecars/flags, idempotence, replacement, bad files,
cancel, two importers, and a kill in the middle of an import."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from reader.index import store as sindex
from reader.library import importer
from reader.library.catalogue import Library, LibraryBusyError
from reader.library.importer import ReadFile, collect, decide_metadata, import_paths, path_metadata, read_file
from reader.search.engine import Searcher
from reader.text.forms import fold_text


@pytest.mark.parametrize("path, expected", [
    ("/a/人民日报/2021-01-27/04.txt", {"publication": "人民日报", "date": "2021-01-27", "page": 4}),
    ("/a/rmrb_20210127_04.txt", {"publication": "rmrb", "date": "2021-01-27", "page": 4}),
    ("/a/1858-12-07_01-00004.xml", {"date": "1858-12-07", "page": 4}),
    ("/a/0002647_18240217_0003.xml", {"publication": "0002647", "date": "1824-02-17", "page": 3}),
    ("/a/27971740_1890-04-01_38_077_0_001.xml", {"publication": "27971740", "date": "1890-04-01", "page": 1}),
    ("/x/Times/1901-05-03/page_7.txt", {"publication": "Times", "date": "1901-05-03", "page": 7}),
    # a file named by its date alone in a folder named for the paper and the day (seen by eye: the publication was
    # "bnf_europeana_gaulois_1882-02-08", one publication per issue)
    ("/x/bnf_europeana_gaulois_1882-02-08/18820208_1-0001.xml",
     {"publication": "bnf_europeana_gaulois", "date": "1882-02-08", "page": 1}),
    ("/x/Le Gaulois/18820208_1-0002.xml", {"folder": "Le Gaulois", "date": "1882-02-08", "page": 2}),
])
def test_path_patterns(path: str, expected: dict) -> None:  # type: ignore[type-arg]
    got = path_metadata(Path(path))
    for k, v in expected.items():
        assert got.get(k) == v, (k, got)


def test_metadata_precedence() -> None:
    p = Path("/a/rmrb_20210127_04.txt")
    meta, page = decide_metadata(p, {}, {}, {})
    assert (meta.publication, meta.date, page) == ("rmrb", "2021-01-27", 4)
    meta, page = decide_metadata(p, {"publication": "人民日报"}, {}, {})
    assert meta.publication == "人民日报"
    meta, page = decide_metadata(p, {"publication": "人民日报"}, {"publication": "Side", "page": 9}, {})
    assert (meta.publication, page) == ("Side", 9)
    meta, page = decide_metadata(p, {"publication": "人民日报"}, {"publication": "Side"},
                                 {"publication": "Flag", "date": "1999-09-09", "page": 2})
    assert (meta.publication, meta.date, page) == ("Flag", "1999-09-09", 2)
    meta, _ = decide_metadata(Path("/z/folder/nodate.txt"), {}, {}, {})
    assert meta.publication == "folder" and meta.date == ""


def test_a_file_with_neither_publication_nor_date_is_said_to_be_filed_under_its_folder(tmp_path: Path,
                                                                                      data_dir: Path) -> None:
    """Seen by eye: three papers copied into a folder "new2" and imported became one undated issue of a
    publication "new2", two of its pages "page 1", and nothing was said. The import says it, naming each file
    and how to give what is missing; a file that names its paper or its date is not mentioned."""
    folder = tmp_path / "new2"
    folder.mkdir()
    shutil.copy(data_dir / "text" / "seed_page.txt", folder / "front.txt")
    shutil.copy(data_dir / "text" / "seed_page.txt", folder / "rmrb_20210127_04.txt")
    with Library.open(tmp_path / "lib") as lib:
        report = import_paths(lib, [folder])
    said = [m for p, m in report.warnings if "new2" in m]
    assert len(said) == 1 and "front.txt" in said[0] and "rmrb" not in said[0]
    assert "undated" in said[0] and "--publication" in said[0]
    for n in range(3):  # more such files: still one sentence for the folder
        shutil.copy(data_dir / "text" / "seed_page.txt", folder / f"page{n}.txt")
        (folder / f"page{n}.txt").write_text(f"第{n}版\n\n" + (folder / f"page{n}.txt").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        report = import_paths(lib, [folder])
    said = [m for p, m in report.warnings if "new2" in m]
    assert len(said) == 1 and "3 files" in said[0]


def _page(data_dir: Path) -> str:
    return (data_dir / "text" / "seed_page.txt").read_text(encoding="utf-8")


def test_import_idempotent_and_replacing(tmp_path: Path, data_dir: Path) -> None:
    src = tmp_path / "src" / "人民日报" / "2021-01-27"
    src.mkdir(parents=True)
    (src / "04.txt").write_text(_page(data_dir), encoding="utf-8")
    shutil.copy(data_dir / "text" / "rendered_page.txt", src / "05.txt")
    lib = Library(tmp_path / "lib")
    seen: list[int] = []
    rep = import_paths(lib, [tmp_path / "src"], progress=lambda p: seen.append(p.files_done))
    assert len(rep.imported) == 2 and not rep.failed and seen == [1, 2]
    (issue,) = lib.issues()
    assert (issue.publication, issue.date) == ("人民日报", "2021-01-27")
    assert [p.number for p in lib.pages(issue.id)] == [4, 5]
    before = lib.stats()
    ids_before = [a.id for a in lib.articles(issue_id=issue.id)]
    rep = import_paths(lib, [tmp_path / "src"])
    assert len(rep.unchanged) == 2 and not rep.imported
    assert lib.stats() == before
    # a changed file replaces its pages and articles; ids of articles found again stay
    text = _page(data_dir)
    first_para = text.index("浙江")
    changed = text[:first_para] + text[first_para:].replace("杭州", "苏州", 1)
    (src / "04.txt").write_text(changed, encoding="utf-8")
    rep = import_paths(lib, [tmp_path / "src"])
    assert len(rep.imported) == 1 and len(rep.unchanged) == 1
    after = lib.stats()
    assert after["pages"] == before["pages"] and after["articles"] == before["articles"]
    assert [a.id for a in lib.articles(issue_id=issue.id)] == ids_before
    assert after["unindexed"] == 0 and after["index_dropped"] == 0
    with Searcher(lib) as s:
        want = {a.id for a in lib.articles() if "苏州" in fold_text(lib.article(a.id).text)}
        assert want and s.matching_ids("蘇州") == want
    lib.close()


@pytest.mark.parametrize("workers", [0, 1], ids=["here", "worker-process"])
def test_bad_files_reported_and_skipped(tmp_path: Path, data_dir: Path, workers: int) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "bad.xml").write_text("<notalto><x/></notalto>", encoding="utf-8")
    (src / "broken.xml").write_text("<alto><unclosed>", encoding="utf-8")
    (src / "good.txt").write_text(_page(data_dir), encoding="utf-8")
    (src / "schema.xsd").write_text("<xs:schema/>", encoding="utf-8")
    (src / "notes.json").write_text(json.dumps({"annotations": []}), encoding="utf-8")
    (src / "README.md").write_text("# readme", encoding="utf-8")
    shutil.copy(data_dir / "samples" / "hocr" / "kraken08_bw_example" / "kraken_bw_example.hocr", src / "k.hocr")
    shutil.copy(data_dir / "samples" / "hocr" / "kraken08_bw_example" / "kraken_bw_example.png", src / "k.png")
    files, missing = collect([src, tmp_path / "nowhere"])
    assert sorted(f.name for f in files) == ["bad.xml", "broken.xml", "good.txt", "k.hocr"]
    assert missing and "nowhere" in missing[0][1]
    lib = Library(tmp_path / "lib")
    errors: list[str] = []
    rep = import_paths(lib, [src], on_error=lambda p, m: errors.append(m), workers=workers)
    assert sorted(Path(p).name for p in rep.imported) == ["good.txt", "k.hocr"]
    assert sorted(Path(p).name for p, _ in rep.failed) == ["bad.xml", "broken.xml"]
    for message in errors:
        assert message.startswith(str(src)) and message.endswith(".") and "\n" not in message
    lib.close()


def test_licences_and_readmes_beside_the_pages_are_not_newspaper_text(tmp_path: Path, data_dir: Path) -> None:
    """Archives arrive with LICENSE.txt, README, PROVENANCE and COPYING files beside the pages: they were
    imported as articles of a publication named after the folder (GPL text among the hits for "the")."""
    src = tmp_path / "ecpo_jingbao"
    src.mkdir()
    (src / "page.txt").write_text(_page(data_dir), encoding="utf-8")
    for name in ("LICENSE.CC-BY-4.0.txt", "LICENCE", "COPYING", "README.txt", "readme", "PROVENANCE.txt",
                 "CHANGELOG.txt", "AUTHORS"):
        (src / name).write_text("Permission is hereby granted, free of charge, to any person\n", encoding="utf-8")
    files, _ = collect([src])
    assert [f.name for f in files] == ["page.txt"]
    named, _ = collect([src / "README.txt"])  # named by the user: read, as any file named is
    assert [f.name for f in named] == ["README.txt"]


def test_files_read_in_worker_processes_store_what_reading_here_stores(tmp_path: Path, data_dir: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bl_statesman_1824-02-17", src / "bl")
    shutil.copytree(data_dir / "samples" / "hocr", src / "hocr")
    for n in range(6):
        (src / f"rmrb_2021010{n + 1}_04.txt").write_text(_page(data_dir) + f"\n第{n}号\n", encoding="utf-8")
    stored = []
    for workers in (0, 2):
        lib = Library(tmp_path / f"lib{workers}")
        rep = import_paths(lib, [src], workers=workers)
        assert not rep.failed
        rows = lib.conn.execute("SELECT a.id, a.headline, t.folded FROM articles a "
                                "JOIN article_text t ON t.num = a.num ORDER BY a.id").fetchall()
        with Searcher(lib) as s:
            counts = [s.count(q) for q in ("第3号", "人民", "the", "Statesman")]
        stored.append((sorted(Path(p).name for p in rep.imported), rows, counts, lib.stats()))
        lib.close()
    assert stored[0] == stored[1]
    assert len(stored[0][0]) >= 8 and stored[0][2][0] == 1


def test_sidecar_and_flags(tmp_path: Path, data_dir: Path) -> None:
    src = tmp_path / "src" / "box1"
    src.mkdir(parents=True)
    (src / "scan.txt").write_text(_page(data_dir), encoding="utf-8")
    (tmp_path / "src" / "broadsheet.json").write_text(json.dumps({"publication": "大公报", "date": "1948-03-01"}),
                                                      encoding="utf-8")
    (src / "scan.txt.meta.json").write_text(json.dumps({"page": 3}), encoding="utf-8")
    lib = Library(tmp_path / "lib")
    import_paths(lib, [tmp_path / "src"])
    (issue,) = lib.issues()
    assert (issue.publication, issue.date) == ("大公报", "1948-03-01")
    assert [p.number for p in lib.pages(issue.id)] == [3]
    other = tmp_path / "o.txt"
    other.write_text(_page(data_dir) + "\n本报讯 另一页。\n", encoding="utf-8")
    import_paths(lib, [other], publication="申报", date="1930-01-02", page=2)
    assert {(i.publication, i.date) for i in lib.issues()} == {("大公报", "1948-03-01"), ("申报", "1930-01-02")}
    lib.close()


@pytest.mark.parametrize("workers", [0, 1], ids=["here", "worker-process"])
def test_mets_package_reads_its_alto_once(tmp_path: Path, data_dir: Path, workers: int) -> None:
    src = tmp_path / "bl"
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bl_statesman_1824-02-17", src)
    lib = Library(tmp_path / "lib")
    rep = import_paths(lib, [src], workers=workers)
    assert [Path(p).name for p in rep.imported] == ["0002647_18240217_mets.xml"]
    (issue,) = lib.issues()
    assert issue.publication == "The Statesman" and issue.date == "1824-02-17" and issue.pages == 4
    rep = import_paths(lib, [src])
    assert not rep.imported and len(rep.unchanged) == 1
    lib.close()


def test_an_alto_page_changed_under_an_unchanged_mets_is_read_again_not_skipped(tmp_path: Path,
                                                                                 data_dir: Path) -> None:
    # the METS is unchanged, so its pages used to be skipped as "read by the METS": a re-OCR'd or broken
    # page was then neither imported nor reported
    src = tmp_path / "bl"
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bl_statesman_1824-02-17", src)
    lib = Library(tmp_path / "lib")
    import_paths(lib, [src])
    page = src / "0002647_18240217_0002.xml"
    text = page.read_text(encoding="utf-8")
    first_word = text.split('CONTENT="', 1)[1].split('"', 1)[0]
    page.write_text(text.replace(f'CONTENT="{first_word}"', 'CONTENT="ZANZIBARQUAY"', 1), encoding="utf-8")
    os.utime(page, (time.time() + 5, time.time() + 5))
    rep = import_paths(lib, [src])
    assert [Path(p).name for p in rep.imported] == ["0002647_18240217_mets.xml"]
    with Searcher(lib) as s:
        assert s.count("ZANZIBARQUAY") == 1
    page.write_text("<alto><broken", encoding="utf-8")
    os.utime(page, (time.time() + 10, time.time() + 10))
    rep = import_paths(lib, [src])
    assert any("0002647_18240217_0002.xml" in w for _, w in rep.warnings)
    lib.close()


@pytest.mark.parametrize("workers", [0, 1], ids=["here", "worker-process"])
def test_cancel_between_files(tmp_path: Path, data_dir: Path, workers: int) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for n in range(5):
        (src / f"p_2001010{n + 1}_01.txt").write_text(_page(data_dir) + f"\n第{n}号\n", encoding="utf-8")
    lib = Library(tmp_path / "lib")
    cancel = threading.Event()
    rep = import_paths(lib, [src], progress=lambda p: cancel.set() if p.files_done == 2 else None, cancel=cancel,
                       workers=workers)
    assert rep.cancelled and len(rep.imported) == 2
    assert lib.stats()["unindexed"] == 0
    rep = import_paths(lib, [src])
    assert len(rep.imported) == 3 and len(rep.unchanged) == 2
    lib.close()


def test_two_imports_at_once_refused(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "a.txt").write_text(_page(data_dir), encoding="utf-8")
    holder = Library(tmp_path / "lib")
    other = Library(tmp_path / "lib")
    with holder.writing(), pytest.raises(LibraryBusyError, match="importing"):
        import_paths(other, [tmp_path / "a.txt"])
    holder.close()
    other.close()


_KILL_SCRIPT = textwrap.dedent("""
    import sys
    from reader.library import importer
    from reader.library.catalogue import Library
    importer.SYNC_CHARS = 1  # sync the index after every file: kills land in every phase
    lib = Library(sys.argv[1])
    importer.import_paths(lib, [sys.argv[2]])
""")


def test_killed_import_leaves_a_consistent_library(tmp_path: Path, data_dir: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    base = _page(data_dir)
    for n in range(40):
        (src / f"paper_{19900101 + n}_01.txt").write_text(base + f"\n编号{n:03d}号\n", encoding="utf-8")
    lib_dir = tmp_path / "lib"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen([sys.executable, "-c", _KILL_SCRIPT, str(lib_dir), str(src)], env=env)
    deadline = time.monotonic() + 60
    catalogue = lib_dir / "catalogue.sqlite"
    import sqlite3

    while time.monotonic() < deadline and proc.poll() is None:
        if catalogue.exists():
            try:
                con = sqlite3.connect(str(catalogue), timeout=1)
                n = con.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
                con.close()
            except sqlite3.Error:
                n = 0
            if n >= 5:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    lib = Library(lib_dir)  # opens after the kill
    committed = lib.stats()
    assert 0 < committed["sources"] < 40
    # searching what was committed is exact once the index caught up (search's sync, as the CLI does)
    sindex.sync(lib)
    with Searcher(lib) as s:
        for n in range(40):
            q = f"编号{n:03d}号"
            want = {a.id for a in lib.articles() if fold_text(q) in fold_text(lib.article(a.id).text)}
            assert s.matching_ids(q) == want
    # the next import completes the library
    rep = import_paths(lib, [src])
    assert not rep.failed
    st = lib.stats()
    assert st["sources"] == 40 and st["unindexed"] == 0 and st["index_dropped"] == 0
    ix = sindex.Index(lib.index_dir)
    assert ix.doc_count() == st["articles"]
    ix.close()
    with Searcher(lib) as s:
        assert len(s.matching_ids("编号039号")) == 1
    lib.close()


def test_search_during_an_import_is_consistent(tmp_path: Path, data_dir: Path) -> None:
    """Searches from another thread while files are committed see only whole, verified articles."""
    src = tmp_path / "src"
    src.mkdir()
    for n in range(12):
        (src / f"x_{20000101 + n}_01.txt").write_text(_page(data_dir) + f"\n序号{n:02d}号\n", encoding="utf-8")
    lib = Library(tmp_path / "lib")
    import_paths(lib, [])  # creates the index
    importer_lib = Library(tmp_path / "lib")
    done = threading.Event()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            from reader.library import importer

            importer.SYNC_CHARS = 1
            import_paths(importer_lib, [src])
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            done.set()

    old = __import__("reader.library.importer", fromlist=["SYNC_CHARS"]).SYNC_CHARS
    t = threading.Thread(target=run)
    t.start()
    rounds = 0
    try:
        with Searcher(lib) as s:
            while not done.is_set() or rounds < 3:
                res = s.search("杭州", limit=None)
                assert res.total == len(res.hits)
                for hit in res.hits:
                    assert "杭州" in lib.article(hit.article).text
                rounds += 1
                time.sleep(0.02)  # a reader's pace: searching without a pause held the GIL from the import (~30 s)
    finally:
        t.join()
        __import__("reader.library.importer", fromlist=["SYNC_CHARS"]).SYNC_CHARS = old
    assert not errors
    assert rounds >= 3
    with Searcher(lib) as s:
        assert len({lib.article_info(a).source for a in s.matching_ids("杭州")}) == 12
    lib.close()
    importer_lib.close()


def test_a_library_inside_the_folder_imported_is_not_read_as_pages(tmp_path: Path, data_dir: Path) -> None:
    """Seen by a tester: `import .` with the library in ./library read its index files as newspaper pages — a
    publication "index", an article holding the whole library's text, more of them at every import."""
    page = tmp_path / "人民日报" / "2021-01-27" / "01.txt"
    page.parent.mkdir(parents=True)
    page.write_text(_page(data_dir), encoding="utf-8")
    lib = Library(tmp_path / "library")
    first = import_paths(lib, [tmp_path])
    again = import_paths(lib, [tmp_path])
    assert first.imported == [str(page.resolve())] and not first.failed
    assert not again.imported and not again.failed and again.unchanged == [str(page.resolve())]
    assert [s.path for s in lib.sources()] == [str(page.resolve())]
    itself = import_paths(lib, [tmp_path / "library"])
    assert not itself.imported and "a Broadsheet library" in itself.failed[0][1], "the library folder itself: said"
    lib.close()


def test_a_copy_of_a_mets_issue_folder_adds_no_page_of_its_own(tmp_path: Path, data_dir: Path) -> None:
    """Seen by a tester: two copies of a METS issue's folder — the second METS was rightly a duplicate, but its
    page files were then imported one by one as an issue of their own: every article twice."""
    issue = data_dir / "samples" / "mets-alto" / "bnl_luxzeit1858_1858-12-07"
    shutil.copytree(issue, tmp_path / "src" / "a")
    shutil.copytree(issue, tmp_path / "src" / "b")
    lib = Library(tmp_path / "lib")
    rep = import_paths(lib, [tmp_path / "src"])
    assert len(rep.imported) == 1 and len(rep.duplicates) == 1 and not rep.failed, rep
    assert len(lib.issues()) == 1
    again = import_paths(lib, [tmp_path / "src"])
    assert not again.imported and len(lib.issues()) == 1
    lib.close()


def test_a_file_gone_from_a_folder_imported_again_is_said(tmp_path: Path, data_dir: Path) -> None:
    """Seen by eye: a source file deleted from its folder was never mentioned by later imports of the folder; its
    articles stayed. The import says which files it no longer finds (their articles and the work on them kept)."""
    folder = tmp_path / "src" / "人民日报" / "2021-01-27"
    folder.mkdir(parents=True)
    for n in (1, 2, 3):
        (folder / f"0{n}.txt").write_text(_page(data_dir).replace("季报五访", f"季报{n}访"), encoding="utf-8")
    lib = Library(tmp_path / "lib")
    import_paths(lib, [tmp_path / "src"])
    (folder / "02.txt").unlink()
    rep = import_paths(lib, [tmp_path / "src"])
    said = [w for _, w in rep.warnings if "02.txt" in w]
    assert said and "no longer" in said[0] and "kept" in said[0], rep.warnings
    assert not any("01.txt" in w for _, w in rep.warnings)
    elsewhere = import_paths(lib, [folder / "01.txt"])  # a file named alone: nothing said of its neighbours
    assert not any("02.txt" in w for _, w in elsewhere.warnings)
    lib.close()


def test_a_copy_of_a_file_since_edited_is_no_duplicate(tmp_path: Path, data_dir: Path) -> None:
    """Seen by eye: a copy was rightly skipped as a duplicate of a file; that file was then edited and the folder
    imported again — the copy was still called "the same file as …" (the library's old checksum of its twin) and
    its text was in the library nowhere."""
    first = tmp_path / "src" / "a" / "01.txt"
    copy = tmp_path / "src" / "b" / "01.txt"
    for f in (first, copy):
        f.parent.mkdir(parents=True)
        f.write_text(_page(data_dir), encoding="utf-8")
    lib = Library(tmp_path / "lib")
    rep = import_paths(lib, [tmp_path / "src"])
    assert len(rep.imported) == 1 and len(rep.duplicates) == 1
    kept = Path(rep.imported[0])
    kept.write_text(kept.read_text(encoding="utf-8").replace("季报五访", "季报六访"), encoding="utf-8")
    other = copy if kept == first.resolve() else first
    rep = import_paths(lib, [other])  # its twin not imported again yet
    assert rep.imported == [str(other.resolve())] and not rep.duplicates
    rep = import_paths(lib, [tmp_path / "src"])
    assert rep.imported == [str(kept)] and not rep.duplicates
    with Searcher(lib) as searcher:
        assert searcher.search("季报五访").total == 1 and searcher.search("季报六访").total == 1
    lib.close()


def test_the_same_bytes_twice_are_one_source_and_a_moved_file_keeps_its_articles(tmp_path: Path,
                                                                                 data_dir: Path) -> None:
    """Issue 13: byte-identical files from another folder are reported, not imported twice; a moved file
    updates its path and keeps its article ids (and so the work on them)."""
    first = tmp_path / "a" / "人民日报" / "2021-01-27" / "01.txt"
    first.parent.mkdir(parents=True)
    first.write_text(_page(data_dir), encoding="utf-8")
    copy = tmp_path / "b" / "copy.txt"
    copy.parent.mkdir()
    copy.write_bytes(first.read_bytes())
    lib = Library(tmp_path / "lib")
    rep = import_paths(lib, [first.parent, copy.parent])
    assert rep.imported == [str(first.resolve())]
    assert rep.duplicates == [(str(copy.resolve()), str(first.resolve()))]
    ids = [a.id for a in lib.articles()]
    again = import_paths(lib, [copy])  # later, alone: still the same bytes as the imported file
    assert again.imported == [] and len(again.duplicates) == 1
    assert [a.id for a in lib.articles()] == ids
    moved = tmp_path / "c" / "01.txt"
    moved.parent.mkdir()
    first.rename(moved)
    copy.unlink()
    rep = import_paths(lib, [moved])
    # out of its dated folders, what its path says is that it is undated, of "c": filed so (as a re-read files it)
    assert [w for _, w in rep.warnings if " moved to " in w] == [
        f"{first.resolve()} moved to {moved.resolve()}: its articles are now undated and of c, from its folder's name "
        "(their ids and your work on them are kept)"], rep.warnings
    assert [s.path for s in lib.sources()] == [str(moved.resolve())]
    assert [a.id for a in lib.articles()] == ids
    lib.close()


def test_a_page_file_of_an_unchanged_mets_that_went_keeps_its_articles(tmp_path: Path, data_dir: Path) -> None:
    """A page file that cannot be read now (moved away, a disk not mounted) is no reason to drop what was
    imported from it: the issue stays as it was, and the import says why."""
    src = tmp_path / "bl"
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bl_statesman_1824-02-17", src)
    lib = Library(tmp_path / "lib")
    import_paths(lib, [src])
    before = lib.stats()["articles"]
    page = src / "0002647_18240217_0002.xml"
    page.rename(tmp_path / "elsewhere.xml")
    rep = import_paths(lib, [src])
    assert not rep.imported and [Path(p).name for p in rep.unchanged] == ["0002647_18240217_mets.xml"]
    assert any("0002647_18240217_0002.xml" in w and "kept" in w for _, w in rep.warnings), rep.warnings
    assert lib.stats()["articles"] == before
    lib.close()


@pytest.mark.parametrize("workers", [0, 1], ids=["here", "worker-process"])
def test_a_page_file_missing_when_its_mets_was_imported_is_read_with_the_issue_when_it_comes_back(
        tmp_path: Path, data_dir: Path, workers: int) -> None:
    """A page the METS names but that was missing at the first import, restored later (its bytes and times as
    they were): the METS is unchanged, yet its issue is read again with the page; the page was imported as an
    ALTO page of its own, under an invented publication (its folder's name, "text") and a second issue, and
    the import said only "1 unchanged"."""
    src = tmp_path / "issue"
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bnl_luxzeit1858_1858-12-07", src)
    page = src / "text" / "1858-12-07_01-00003.xml"
    page.rename(tmp_path / "p3.xml")
    lib = Library(tmp_path / "lib")
    rep = import_paths(lib, [src], workers=workers)
    assert [Path(p).name for p in rep.imported] == ["2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml"]
    (issue,) = lib.issues()
    assert issue.pages == 3 and issue.publication.startswith("Luxemburger Zeitung")
    publication = issue.publication
    (tmp_path / "p3.xml").rename(page)
    rep = import_paths(lib, [src], workers=workers)
    assert [Path(p).name for p in rep.imported] == ["2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml"]
    assert not rep.unchanged and not rep.failed
    assert any("1858-12-07_01-00003.xml" in w and "read again" in w for _, w in rep.warnings), rep.warnings
    (issue,) = lib.issues()
    assert (issue.publication, issue.date, issue.pages) == (publication, "1858-12-07", 4), issue
    assert len(lib.conn.execute("SELECT id FROM sources").fetchall()) == 1
    rep = import_paths(lib, [src], workers=workers)
    assert not rep.imported and len(rep.unchanged) == 1 and not rep.warnings
    lib.close()


def test_a_missing_page_file_put_back_under_another_name_is_no_issue_of_its_own(tmp_path: Path,
                                                                              data_dir: Path) -> None:
    """The page put back as text/p3.xml: the METS does not name it so, but gives its checksum; it is said to be
    the issue's page (and how to read it with the issue), not imported under an invented publication ("text")."""
    src = tmp_path / "issue"
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bnl_luxzeit1858_1858-12-07", src)
    page = src / "text" / "1858-12-07_01-00003.xml"
    page.rename(tmp_path / "p3.xml")
    lib = Library(tmp_path / "lib")
    import_paths(lib, [src])
    (tmp_path / "p3.xml").rename(src / "text" / "p3.xml")
    rep = import_paths(lib, [src])
    assert not rep.imported and len(rep.unchanged) == 1 and not rep.failed
    assert any("p3.xml is the page file" in w and "1858-12-07_01-00003.xml" in w for _, w in rep.warnings), rep.warnings
    assert [i.pages for i in lib.issues()] == [3]
    (src / "text" / "p3.xml").rename(page)
    rep = import_paths(lib, [src])
    assert [Path(p).name for p in rep.imported] == ["2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml"]
    assert [i.pages for i in lib.issues()] == [4]
    lib.close()


def _counts(lib: Library) -> dict[str, int]:
    stats = lib.stats()
    return {k: stats[k] for k in ("sources", "publications", "issues", "pages", "articles")}


@pytest.mark.parametrize("sample", ["bl_statesman_1824-02-17", "bnl_luxzeit1858_1858-12-07"])
def test_a_mets_issue_folder_moved_is_one_issue_moved_and_nothing_is_added(tmp_path: Path, data_dir: Path,
                                                                          sample: str) -> None:
    """Seen by eye: a METS/ALTO issue's folder moved, imported again — the METS was "moved from …; its articles
    and your work on them are kept", and its page files were then imported one by one as an issue of their own
    (an undated publication named after the folder): every article twice."""
    shutil.copytree(data_dir / "samples" / "mets-alto" / sample, tmp_path / "a")
    lib = Library(tmp_path / "lib")
    import_paths(lib, [tmp_path / "a"])
    before, ids = _counts(lib), [a.id for a in lib.articles()]
    (tmp_path / "a").rename(tmp_path / "b")
    rep = import_paths(lib, [tmp_path / "b"])
    assert not rep.imported and not rep.failed and [Path(p).parent.name for p, _ in rep.moved] == ["b"], rep
    assert _counts(lib) == before and [a.id for a in lib.articles()] == ids
    assert all(Path(f).is_relative_to(tmp_path / "b") for f in importer._page_sources(lib, lib.sources()[0].id))
    again = import_paths(lib, [tmp_path / "b"])
    assert not again.imported and len(again.unchanged) == 1 and not again.warnings and not again.moved, again
    assert _counts(lib) == before
    lib.close()


def test_a_mets_issue_folder_moved_with_a_page_file_renamed_adds_nothing(tmp_path: Path, data_dir: Path) -> None:
    """The METS unchanged, one of its page files renamed in the folder moved: the issue is kept as it was, the
    renamed page said to be the issue's (by the checksum the METS gives), no issue of its own."""
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bnl_luxzeit1858_1858-12-07", tmp_path / "a")
    lib = Library(tmp_path / "lib")
    import_paths(lib, [tmp_path / "a"])
    before = _counts(lib)
    (tmp_path / "a").rename(tmp_path / "b")
    (tmp_path / "b" / "text" / "1858-12-07_01-00003.xml").rename(tmp_path / "b" / "text" / "p3.xml")
    rep = import_paths(lib, [tmp_path / "b"])
    assert not rep.imported and len(rep.moved) == 1 and not rep.failed, rep
    assert any("p3.xml is the page file" in w for _, w in rep.warnings), rep.warnings
    assert any("1858-12-07_01-00003.xml" in w and "kept" in w for _, w in rep.warnings), rep.warnings
    assert _counts(lib) == before
    lib.close()


def test_a_mets_issue_folder_moved_with_a_page_file_changed_reads_the_issue_again(tmp_path: Path,
                                                                                 data_dir: Path) -> None:
    """The METS unchanged, one of its page files re-OCR'd in the folder moved: the issue moves and is read again
    with the page (its new word found), still one issue of one source."""
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bl_statesman_1824-02-17", tmp_path / "a")
    lib = Library(tmp_path / "lib")
    import_paths(lib, [tmp_path / "a"])
    before = _counts(lib)
    (tmp_path / "a").rename(tmp_path / "b")
    page = tmp_path / "b" / "0002647_18240217_0002.xml"
    text = page.read_text(encoding="utf-8")
    first_word = text.split('CONTENT="', 1)[1].split('"', 1)[0]
    page.write_text(text.replace(f'CONTENT="{first_word}"', 'CONTENT="ZANZIBARQUAY"', 1), encoding="utf-8")
    os.utime(page, (time.time() + 5, time.time() + 5))
    rep = import_paths(lib, [tmp_path / "b"])
    assert [Path(p).name for p in rep.imported] == ["0002647_18240217_mets.xml"] and len(rep.moved) == 1, rep
    assert _counts(lib) == before
    with Searcher(lib) as s:
        assert s.count("ZANZIBARQUAY") == 1
    lib.close()


def test_a_page_moved_with_its_image_shows_the_image_where_it_is_now(tmp_path: Path, data_dir: Path) -> None:
    """A moved file's pages kept the paths of the files beside it it was read with (its image, a METS issue's page
    files) where they were: the page view looked for the image in the folder it had left."""
    shutil.copytree(data_dir / "samples" / "hocr" / "gcv2hocr_japanese_vertical", tmp_path / "a")
    lib = Library(tmp_path / "lib")
    import_paths(lib, [tmp_path / "a"])
    (image,) = [r[0] for r in lib.conn.execute("SELECT image FROM pages")]
    assert image == str((tmp_path / "a" / "jp_vert.jpg").resolve())
    (tmp_path / "a").rename(tmp_path / "b")
    rep = import_paths(lib, [tmp_path / "b"])
    assert any("now of b, from its folder's name" in w for _, w in rep.warnings), rep  # the folder names the paper
    (image,) = [r[0] for r in lib.conn.execute("SELECT image FROM pages")]
    assert image == str((tmp_path / "b" / "jp_vert.jpg").resolve())
    lib.close()


@pytest.mark.parametrize("order", ["a-first", "b-first"])
def test_a_copy_imported_once_its_twin_changed_is_said_to_give_the_page_twice(tmp_path: Path, data_dir: Path,
                                                                             order: str) -> None:
    """Seen by eye: the same page (with its sidecar: 人民日报 2021-01-27) in folders a and b, b rightly "the same
    file … not added again"; one word changed in a, both imported again: "imported 2 file(s) (2 pages, 16 articles…)"
    and nothing else — the issue had two page 1s, every article twice. Importing b is right now, and said."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(data_dir / "text" / "seed_page.txt", tmp_path / folder / "seed_page.txt")
        (tmp_path / folder / "seed_page.txt.meta.json").write_text(
            json.dumps({"publication": "人民日报", "date": "2021-01-27"}), encoding="utf-8")
    a, b = (tmp_path / "a" / "seed_page.txt").resolve(), (tmp_path / "b" / "seed_page.txt").resolve()
    lib = Library(tmp_path / "lib")
    rep = import_paths(lib, [tmp_path / "a", tmp_path / "b"])
    assert rep.imported == [str(a)] and rep.duplicates == [(str(b), str(a))] and not rep.warnings, rep
    a.write_text(a.read_text(encoding="utf-8").replace("季报五访", "季报六访"), encoding="utf-8")
    folders = [tmp_path / "a", tmp_path / "b"]
    rep = import_paths(lib, folders if order == "a-first" else folders[::-1])
    assert sorted(rep.imported) == [str(a), str(b)] and not rep.duplicates, rep
    was = [w for _, w in rep.warnings if "was the same file as" in w]
    assert len(was) == 1 and was[0].startswith(f"{b}: it was the same file as {a}") and "changed" in was[0], was
    twice = [w for _, w in rep.warnings if "page 1" in w]
    assert len(twice) == 1 and "人民日报 2021-01-27" in twice[0] and str(a) in twice[0] and str(b) in twice[0], twice
    assert [i.pages for i in lib.issues()] == [2]
    again = import_paths(lib, folders)  # said when it happens, not at every import after
    assert not again.imported and not again.warnings, again
    lib.close()


def test_two_different_pages_under_one_number_are_not_said_to_be_one_page_twice(tmp_path: Path,
                                                                                data_dir: Path) -> None:
    """Files that give no page number are each page 1 of their issue: two pages, not the same page twice."""
    src = tmp_path / "rero_blb_1845-12-28"
    shutil.copytree(data_dir / "pages" / "rero_blb_1845-12-28", src)
    lib = Library(tmp_path / "lib")
    rep = import_paths(lib, [src])
    assert len(rep.imported) >= 2 and [i.pages for i in lib.issues()] == [len(rep.imported)], rep
    assert not any("has page" in w for _, w in rep.warnings), rep.warnings
    lib.close()


class _Recording:
    """Readers that read in this process at once and record how many files were handed to them."""

    width = 2

    def __init__(self) -> None:
        self.submitted: list[Path] = []

    def submit(self, path: Path, digest: str) -> Future[ReadFile]:
        self.submitted.append(path)
        done: Future[ReadFile] = Future()
        done.set_result(read_file(path))
        return done

    def close(self) -> None:
        pass


@pytest.mark.parametrize(("size", "expected"), [(100, importer.READ_AHEAD_MAX * 2),
                                                 (4_000, importer.READ_AHEAD * 2 + 1)])
def test_small_files_are_read_further_ahead_than_large_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              size: int, expected: int) -> None:
    """The reading processes must have work queued for the length of an index sync.

    With READ_AHEAD files per worker only, small files ran out while the importing process synced the
    index, and the import then waited for its readers (>25% of its time at 100,000 pages). Small files are
    read ahead up to a budget of bytes; large ones stay bounded by their number.
    """
    monkeypatch.setattr(importer, "READ_AHEAD_BYTES", 30_000)
    folder = tmp_path / "src"
    folder.mkdir()
    files = []
    for i in range(60):
        f = folder / f"rmrb_1990010{i % 9 + 1}_{i:02d}.txt"
        f.write_text(("中国人民" * (size // 12 + 1))[: size // 3] + f"\n{i}\n", encoding="utf-8")
        files.append(f)
    readers = _Recording()
    with Library(tmp_path / "lib") as lib:
        jobs = importer._jobs(lib, sorted(files), set(), readers)
        first = next(jobs)
        assert len(readers.submitted) == expected
        assert first.path == sorted(files)[0]
        rest = list(jobs)  # the window drains in file order, every file once
    assert [j.path for j in [first, *rest]] == sorted(files)
    assert len(readers.submitted) == 60


def test_an_import_with_reading_processes_hands_results_over_quickly_and_restores_the_interval(
        tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The thread receiving the readers' results waits for the GIL between chunks: a short switch interval.

    Measured, not timed here: at Python's 5 ms the readers idled ~30% of an import. The interval is the
    process's, so it is given back when the import ends (a library's other users keep theirs).
    """
    seen: list[float] = []
    real = importer._import_one

    def spy(*args: object, **kwargs: object) -> int:
        seen.append(sys.getswitchinterval())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "_import_one", spy)
    before = sys.getswitchinterval()
    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"rmrb_2021012{i + 1}_01.txt").write_text(_page(data_dir) + f"\n第{i}版\n", encoding="utf-8")
    with Library(tmp_path / "lib") as lib:
        report = import_paths(lib, [src], workers=1)
        assert not report.failed and report.pages == 3
        assert seen and all(s == importer.HANDOFF_INTERVAL for s in seen)
        assert sys.getswitchinterval() == before
        seen.clear()
        (src / "rmrb_20210124_01.txt").write_text(_page(data_dir) + "\n第9版\n", encoding="utf-8")
        import_paths(lib, [src], workers=0)  # nothing read beside: the interval is left alone
        assert seen and all(s == before for s in seen)
        assert sys.getswitchinterval() == before


def test_a_folders_sidecar_is_read_once_per_import_not_once_per_file(tmp_path: Path, data_dir: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file looked for and read every broadsheet.json above it, comparing every parent with every path
    named: an import of 1,000 files named one by one made 5 M path comparisons. A folder's sidecars are read
    once; every file still gets them, and a bad one is still one warning per file."""
    src = tmp_path / "src"
    (src / "good").mkdir(parents=True)
    (src / "bad").mkdir()
    (src / "broadsheet.json").write_text(json.dumps({"publication": "大公报"}), encoding="utf-8")
    (src / "good" / "broadsheet.json").write_text(json.dumps({"date": "1948-03-01"}), encoding="utf-8")
    (src / "bad" / "broadsheet.json").write_text("{not json", encoding="utf-8")
    files = []
    for folder in ("good", "bad"):
        for n in range(3):
            page = src / folder / f"p{n + 1}.txt"
            page.write_text(_page(data_dir) + f"\n第{folder}{n}号\n", encoding="utf-8")
            files.append(page)
    reads: list[Path] = []
    real = importer._read_json
    monkeypatch.setattr(importer, "_read_json", lambda p: reads.append(p) or real(p))
    lib = Library(tmp_path / "lib")
    rep = import_paths(lib, files)  # named one by one, as a shell's glob names them
    assert len(rep.imported) == 6
    assert sorted(reads) == sorted({src / "broadsheet.json", src / "good" / "broadsheet.json",
                                    src / "bad" / "broadsheet.json"})
    assert {(i.publication, i.date) for i in lib.issues()} == {("大公报", "1948-03-01"), ("bad", "")}
    bad = [w for _, w in rep.warnings if "bad/broadsheet.json:" in w]
    assert len(bad) == 3 and all("without its metadata" in w for w in bad)
    lib.close()
