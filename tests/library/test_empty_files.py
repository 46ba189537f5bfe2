"""A source file with no text is one sentence, never an empty publication (issue 14)."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.library.catalogue import Library
from reader.library.importer import import_paths

DATA = Path(__file__).resolve().parents[1] / "data"


def test_an_empty_or_blank_file_is_a_warning_and_creates_nothing(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "empty").mkdir(parents=True)
    (src / "empty" / "p1.txt").write_bytes(b"")
    (src / "empty" / "blank.txt").write_text("  \n\n\u3000\n", encoding="utf-8")
    (src / "empty" / "zero.xml").write_bytes(b"")
    with Library.open(tmp_path / "lib") as lib:
        report = import_paths(lib, [src])
        assert report.imported == []
        warned = {Path(p).name: m for p, m in report.warnings}
        # each said on its own (seen: zero.xml was "the same file as p1.txt, already imported" — though p1.txt
        # was not imported: one empty file has the bytes of every other)
        assert set(warned) == {"p1.txt", "blank.txt", "zero.xml"} and report.duplicates == []
        assert all("no text" in m or "empty" in m for m in warned.values()), warned
        # named by its whole path, as every other file's sentence is (seen by eye: "p1.txt holds no text" beside
        # the full paths of a broken XML and a binary file)
        assert all(m.startswith(p) for p, m in report.warnings), report.warnings
        # about that file, not the import (seen by eye: "…/empty.txt holds no text; nothing was imported" beside
        # two files imported read as if the whole import had failed)
        assert all(m.endswith("holds no text; it was not imported") for m in warned.values()), warned
        assert lib.publications() == [] and lib.stats()["issues"] == 0 and lib.stats()["pages"] == 0


def test_a_file_with_text_beside_an_empty_one_is_imported(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    shutil.copy(DATA / "text" / "seed_page.txt", src / "seed_page.txt")
    with Library.open(tmp_path / "lib") as lib:
        report = import_paths(lib, [src])
        assert [Path(p).name for p in report.imported] == ["seed_page.txt"]
        # (and that the page names neither its paper nor its date: filed under its folder's name)
        assert [Path(p).name for p, m in report.warnings if "neither a publication" not in m] == ["empty.txt"]
        assert lib.stats()["issues"] == 1 and lib.stats()["articles"] > 0
