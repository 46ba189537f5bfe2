"""Every held-out page imported once for the whole run, into embedded libraries both checks of them read.

tests/search/test_heldout_whole.py (every line findable, every count exact, every marked hyphenation joined) and
tests/library/test_heldout_postgres.py (a PostgreSQL library gives the same articles and counts) read the same
pages: each set (the former heldout2, heldout3 and heldout5, and every tests/data/heldout*/) in a folder of its own
under one source folder, each imported into a library of its own (a query's brute-force count scans one set's
texts, not every set's: in one library of all sets the whole-page checks took ~5 minutes more). Each check imported
them itself (~1 minute of a CI core each); now the first test worker to ask builds the libraries, under a file
lock, and the other opens the same folders (both only read them). Article ids are made of the source's path: a
library read elsewhere (the PostgreSQL one, of every set at once) reads from the same source folder to give the
same ids, and a query's total there is the sum of the sets' totals (a query is answered article by article).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from datasets import former_heldout2, former_heldout3, former_heldout5, heldout_folders, page_files
from filelock import FileLock

from reader.library.catalogue import Library
from reader.library.importer import import_paths

#: set name → its page files (sorted)
SETS: dict[str, list[Path]] = {"heldout2": former_heldout2(), "heldout3": former_heldout3(),
                               "heldout5": former_heldout5(), **{d.name: page_files(d) for d in heldout_folders()}}


@dataclass(frozen=True)
class HeldoutBuild:
    """Where the run's held-out libraries are: the source folder (a folder a set) and a library folder a set."""

    source: Path
    libraries: Path

    def copy_of(self, set_name: str, page: Path) -> Path:
        """Where the source folder holds ``page`` of ``set_name``: the path its articles are filed under."""
        return self.source / set_name / page.parent.name / page.name

    def open(self, set_name: str) -> Library:
        return Library(self.libraries / set_name, create=False)


def build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> HeldoutBuild:
    """The run's held-out libraries, built by the first worker to ask (the others wait for them, then read them)."""
    base = tmp_path_factory.getbasetemp()
    root = (base.parent if worker_id != "master" else base) / "heldout-library"
    out = HeldoutBuild(root / "src", root / "lib")
    with FileLock(str(root) + ".lock"):
        if not (root / "built").is_file():
            shutil.rmtree(root, ignore_errors=True)
            for name, files in SETS.items():
                for f in files:
                    out.copy_of(name, f).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(f, out.copy_of(name, f))
                lib = Library(out.libraries / name)
                try:
                    report = import_paths(lib, [out.source / name])
                finally:
                    lib.close()
                assert not report.failed and len(report.imported) == len(files), (name, report.failed)
            (root / "built").touch()
    return out
