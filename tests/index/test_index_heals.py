"""A lost, foreign or stale index heals itself, and search never answers "no hits" when it has no index (issue 13)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
SEED = DATA / "text" / "seed_page.txt"
ALTO = DATA / "samples" / "alto" / "v3_tesseract410" / "testfile.xml"


def cli(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("broadsheet")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "reader"]
    env = {**os.environ, "BROADSHEET_LIBRARY": str(library), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(cmd + list(args), capture_output=True, text=True, env=env, timeout=120)


def total(library: Path, query: str) -> int:
    proc = cli(library, "search", query, "--json")
    assert proc.returncode == 0, proc.stderr
    return int(json.loads(proc.stdout)["total"])


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    assert cli(lib, "import", "--quiet", str(SEED)).returncode == 0
    assert total(lib, "小化工") == 1
    return lib


def test_a_deleted_index_is_rebuilt_by_the_next_search(library: Path) -> None:
    shutil.rmtree(library / "index")
    proc = cli(library, "search", "小化工", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["total"] == 1
    assert "rebuilding" in proc.stderr


def test_an_emptied_index_is_rebuilt(library: Path) -> None:
    """reindex killed after removing the old index, before resetting the catalogue: the same state."""
    for f in (library / "index").iterdir():
        if f.is_file():
            f.unlink()
    assert total(library, "小化工") == 1


def test_another_librarys_index_is_not_used(tmp_path: Path, library: Path) -> None:
    other = tmp_path / "other"
    assert cli(other, "import", "--quiet", str(ALTO)).returncode == 0
    shutil.rmtree(library / "index")
    shutil.copytree(other / "index", library / "index")
    assert total(library, "小化工") == 1


def test_an_import_repairs_the_index_too(tmp_path: Path, library: Path) -> None:
    shutil.rmtree(library / "index")
    proc = cli(library, "import", "--quiet", str(ALTO))
    assert proc.returncode == 0, proc.stderr
    assert total(library, "小化工") == 1


def test_an_index_committed_while_it_is_opened_is_read_at_its_new_generation(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen when a window read a library another process was importing into: "the search index cannot be opened
    ([Errno 2] No such file or directory: '…/_MAIN_1.toc'); run `broadsheet reindex`" — the writer committed
    generation 2 and removed 1 between the reader's listing and its opening of the file. Nothing was damaged:
    the reader reads the generation that is there now (and the same for the table of contents a count or a
    searcher reads)."""
    from whoosh.filedb.filestore import FileStorage

    from reader.index import store as sindex
    from reader.library.catalogue import Library
    from reader.library.importer import import_paths

    with Library.open(tmp_path / "lib") as lib:
        import_paths(lib, [SEED])
        real = FileStorage.open_file
        gone: list[str] = []

        def racing(self: FileStorage, name: str, *args: object, **kwargs: object) -> object:
            if name.endswith(".toc") and len(gone) < 2:  # the first two readers lose the race
                gone.append(name)
                raise FileNotFoundError(2, "No such file or directory", name)
            return real(self, name, *args, **kwargs)

        monkeypatch.setattr(FileStorage, "open_file", racing)
        ix = sindex.open_index(lib)
        try:
            assert ix.doc_count() > 0 and len(gone) == 2
            assert ix.nums(["小"])
        finally:
            ix.close()


def test_an_import_committing_while_the_index_is_judged_is_not_missing_articles(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen in a stress run: a window judging its index while another process's import committed a batch found
    "the index is missing articles" and started a rebuild. An import commits the index first, then marks the rows
    indexed in the catalogue: read in that order (the catalogue first), the index never holds fewer."""
    from reader.index import store as sindex

    committed = {"done": False}

    def read(before: int, after: int) -> int:
        value = after if committed["done"] else before
        committed["done"] = True  # the other process commits both right after the first read
        return value

    class Index:
        def held_token(self) -> None:
            return None

        def doc_count(self) -> int:
            return read(10, 12)

    class Catalogue:
        def meta_get(self, _key: str) -> None:
            return None

    monkeypatch.setattr(sindex, "indexed_count", lambda _library: read(10, 12))
    assert sindex.unhealthy(Catalogue(), Index()) is None  # type: ignore[arg-type]
