"""A page of a METS/ALTO issue that is also imported as an ALTO file alone (a copy of one of its page files
elsewhere in the folders imported) is said to be in the library twice, once, naming both files — as two plain-text
files giving one page are (``_say_given_twice``). Seen by a tester: the Luxemburger Zeitung issue and a copy of its
page 2 imported together said nothing; the page's articles were there twice (the copy an issue of its own, under its
folder's name), in search, the timeline and the concordance. Nothing of the user's is touched: both are imported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.library.catalogue import Library
from reader.library.importer import import_paths

ISSUE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "luxemburger_zeitung_1858-12-07"
PAGE = "1858-12-07_01-00002.xml"


def _twice(warnings: list[tuple[str, str]]) -> list[str]:
    return [w for _, w in warnings if "twice" in w]


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(ISSUE, folder / "issue")
    return folder


def test_a_page_file_of_an_issue_imported_alone_too_is_said_twice(src: Path, tmp_path: Path) -> None:
    (src / "loose").mkdir()
    copy = src / "loose" / PAGE
    shutil.copy(src / "issue" / "text" / PAGE, copy)
    before = {p: p.read_bytes() for p in src.rglob("*") if p.is_file()}
    with Library(tmp_path / "lib") as lib:
        rep = import_paths(lib, [src])
        [said] = _twice(rep.warnings)
        page_file = src / "issue" / "text" / PAGE
        assert str(page_file) in said and str(copy) in said and "page 2" in said, said
        assert "Luxemburger Zeitung" in said and "1858-12-07" in said, said
        assert len(rep.imported) == 2  # both kept: nothing of the user's dropped
        again = import_paths(lib, [src])  # said when it happens, not at every import after
        assert not _twice(again.warnings), again.warnings
    assert {p: p.read_bytes() for p in src.rglob("*") if p.is_file()} == before


def test_the_issue_imported_after_its_page_alone_says_it_too(src: Path, tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    shutil.copy(src / "issue" / "text" / PAGE, loose / "seite2.xml")  # a copy renamed
    with Library(tmp_path / "lib") as lib:
        assert not _twice(import_paths(lib, [loose]).warnings)
        [said] = _twice(import_paths(lib, [src]).warnings)
        assert str(loose / "seite2.xml") in said and str(src / "issue" / "text" / PAGE) in said, said


def test_an_issue_alone_says_nothing_twice(src: Path, tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        assert not _twice(import_paths(lib, [src]).warnings)


def test_an_unrelated_loose_page_hashes_no_page_file_of_an_issue_imported_before(
        src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen in review: once a loose copy of a page was in the library, every later import of any loose ALTO file read
    the issues' page files of that copy's size again (every page file of a large library, at every import)."""
    from reader.library import importer

    (src / "loose").mkdir()
    shutil.copy(src / "issue" / "text" / PAGE, src / "loose" / PAGE)
    with Library(tmp_path / "lib") as lib:
        import_paths(lib, [src])
        other = tmp_path / "other"
        other.mkdir()
        shutil.copy(Path(__file__).resolve().parents[1] / "data" / "samples" / "mets-alto" / "bl_statesman_1824-02-17"
                    / "0002647_18240217_0003.xml", other / "page.xml")
        hashed: list[Path] = []
        real = importer._sha256
        monkeypatch.setattr(importer, "_sha256", lambda p: hashed.append(Path(p)) or real(p))
        import_paths(lib, [other])
        assert not [p for p in hashed if "issue" in p.parts], hashed
