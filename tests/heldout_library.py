"""Every held-out page imported once for the whole run, into one embedded library both checks of them read.

tests/search/test_heldout_whole.py (every line findable, every count exact, every marked hyphenation joined) and
tests/library/test_heldout_postgres.py (a PostgreSQL library gives the same articles and counts) read the same
pages: each set (the former heldout2, heldout3 and heldout5, and every tests/data/heldout*/) in a folder of its own
under one source folder, imported into one library. Each imported them itself (~1 minute of a CI core each); now
the first test worker to ask builds the library, under a file lock, and the other opens the same folder (both only
read it). Article ids are made of the source's path: a library read elsewhere (the PostgreSQL one) reads from the
same source folder to give the same ids.
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
    """Where the run's held-out library is: its source folder and its library folder."""

    source: Path
    library: Path

    def copy_of(self, set_name: str, page: Path) -> Path:
        """Where the source folder holds ``page`` of ``set_name``: the path its articles are filed under."""
        return self.source / set_name / page.parent.name / page.name

    def open(self) -> Library:
        return Library(self.library, create=False)


def build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> HeldoutBuild:
    """The run's held-out library, built by the first worker to ask (the others wait for it, then read it)."""
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
            lib = Library(out.library)
            try:
                report = import_paths(lib, [out.source])
            finally:
                lib.close()
            assert not report.failed and len(report.imported) == sum(map(len, SETS.values())), report.failed
            (root / "built").touch()
    return out
