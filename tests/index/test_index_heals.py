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
