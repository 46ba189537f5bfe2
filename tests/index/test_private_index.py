"""A read-only library copied without its index folder is searched through an index made in this machine's cache
(``Library.private_index``): from the catalogue, writing nothing of the library's; a rebuild (the window's, when an
index cannot answer) makes that one again, never the library's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.app.samples import samples_folder
from reader.index import store as sindex
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.search.engine import Searcher


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("original") / "lib"
    lib = Library(folder)
    import_paths(lib, [samples_folder()])
    lib.close()
    return folder


def _files(folder: Path) -> list[tuple[str, bytes]]:
    return sorted((p.relative_to(folder).as_posix(), p.read_bytes()) for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("how", ["sync", "rebuild"])
def test_a_read_only_copy_without_an_index_is_searched_through_one_in_the_cache(
        original: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with Library(original) as lib, Searcher(lib) as searcher:
        want = {q: sorted(searcher.matching_ids(q)) for q in ("中国", "the", "發展", "Zeitung")}
    copy = tmp_path / "copy"
    shutil.copytree(original, copy, ignore=shutil.ignore_patterns("index"))
    before = _files(copy)
    lib = Library(copy)
    lib.read_only = True  # as on read-only media (what opening it there sets)
    try:
        assert lib.private_index and str(tmp_path / "cache") in str(lib.index_dir)
        told: list[str] = []
        if how == "sync":
            added = sindex.sync(lib, on_rebuild=told.append)
        else:
            added = sindex.rebuild(lib)
            told.append("rebuilt")
        assert added == lib.stats()["articles"] and told
        assert sindex.sync(lib, on_rebuild=told.append) == 0 and len(told) == 1  # made once, then used
        with Searcher(lib) as searcher:
            assert {q: sorted(searcher.matching_ids(q)) for q in want} == want
    finally:
        lib.close()
    assert _files(copy) == before  # nothing of the library's written


def test_a_read_only_library_with_its_own_index_keeps_using_it(original: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lib = Library(original)
    lib.read_only = True
    try:
        assert not lib.private_index and lib.index_dir == original / "index"
    finally:
        lib.close()


def test_a_private_index_made_before_lengths_were_recorded_is_given_them(original: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # this machine's copy of the index, made by an older version: the next sync gives its text store the articles'
    # lengths (a rare pair's hits then ranked without every hit's row); nothing of the library's written
    from reader.index import textstore
    from reader.index.textstore import RECORD, TextStore

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    copy = tmp_path / "copy"
    shutil.copytree(original, copy, ignore=shutil.ignore_patterns("index"))
    before = _files(copy)
    lib = Library(copy)
    lib.read_only = True
    try:
        sindex.sync(lib)
        idx = Path(lib.index_dir) / textstore.INDEX
        raw = bytearray(idx.read_bytes())
        for at in range(0, len(raw), RECORD.size):  # as an older version wrote it
            num, off, length, word = RECORD.unpack_from(raw, at)
            RECORD.pack_into(raw, at, num, off, length, word & 0xFF)
        idx.write_bytes(raw)
        nums = [n for (n,) in lib.conn.execute("SELECT num FROM articles")]
        assert TextStore(idx.parent).chars(nums) == {}
        assert sindex.sync(lib) == 0
        want = {n: c for n, c in lib.conn.execute("SELECT num, chars FROM articles") if c > 0}
        assert TextStore(idx.parent).chars(nums) == want
    finally:
        lib.close()
    assert _files(copy) == before
