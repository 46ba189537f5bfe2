"""A hit names its page as the page prints it (seen by the by-eye tester: Kant's "Was ist Aufklärung?" page is
"Page 484" in the library and in its citation, but "page 1" — the file's sequence — in the search results, so a
reader citing from the results list cites the wrong page)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app.samples import samples_folder
from reader.cli.main import main
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.search.engine import Searcher


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("labels") / "lib"
    with Library.open(folder) as lib:
        import_paths(lib, [samples_folder() / "berlinische_monatsschrift_1784", samples_folder() / "seed_page.txt"])
    return folder


@pytest.fixture
def lib(folder: Path) -> Iterator[Library]:
    with Library.open(folder) as lib:
        yield lib


def test_a_hit_carries_its_pages_printed_label(lib: Library) -> None:
    with Searcher(lib) as s:
        [hit] = s.search("Aufklärung").hits
        assert (hit.page, hit.page_label) == (1, "484")
        assert hit.to_json()["page_label"] == "484"
        unlabelled = s.search("发展").hits
        assert unlabelled and all(h.page_label is None and "page_label" not in h.to_json() for h in unlabelled)


def test_the_command_line_lists_the_printed_page(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Aufklärung", "--library", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "  p.484  " in out and "  p.1  " not in out
    assert main(["search", "Aufklärung", "--library", str(folder), "--json"]) == 0
    hit = json.loads(capsys.readouterr().out)["hits"][0]
    assert (hit["page"], hit["page_label"]) == (1, "484")


def test_a_concordance_line_carries_its_pages_printed_label(lib: Library, folder: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The concordance named Kant's page "1" where search names it 484 (by-eye tester): each line carries its page's
    label, the command line, its CSV and the window print it."""
    from reader.export.concordance import Citations, rows
    from reader.search.concordance import concordance

    with Searcher(lib) as s:
        lines = concordance(s, "Aufklärung").lines
        assert lines and all((ln.page, ln.page_label) == (1, "484") for ln in lines)
        assert lines[0].to_json()["page_label"] == "484"
        assert all(ln.page_label is None for ln in concordance(s, "发展").lines)
        assert all(row["page"] == "484" for row in rows(lines, Citations(lib)))
    assert main(["concordance", "Aufklärung", "--library", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "p.484" in out and "p.1 " not in out
