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


# --------------------------------------------------------------------- pages numbered alike in one issue
#: three undated pages of the Reichsanzeiger (1820, 1870, 1930) filed as one issue, each its page 1; only the 1870
#: page prints a number (224)
REICHSANZEIGER = Path(__file__).resolve().parents[1] / "data" / "samples" / "page" / "reichsanzeiger_gt"


def _own_labels(lib: Library, articles: set[str]) -> dict[str, str | None]:
    """Article id → the printed label of its own first page (found by the pages it is on), None where there is none."""
    out: dict[str, str | None] = {}
    for key in articles:
        info = lib.article_info(key)
        labels = [str(label) for number, label in lib.conn.execute(
            "SELECT g.number, g.label FROM pages g JOIN article_pages ap ON ap.page_id = g.id JOIN articles a "
            "ON a.num = ap.article_num WHERE a.id = ?", (key,)) if number == info.pages[0] and label]
        out[key] = labels[0] if labels else None
    return out


def _assert_own_pages_labels(lib: Library) -> None:
    from reader.search.concordance import concordance

    with Searcher(lib) as s:
        hits = [h for q in ("Regierung", "Alcayala", "Oberon") for h in s.search(q).hits]
        lines = [ln for q in ("Regierung", "Alcayala", "Oberon") for ln in concordance(s, q).lines]
    own = _own_labels(lib, {h.article for h in hits} | {ln.article for ln in lines})
    assert set(own.values()) == {None, "224"}  # articles of the unlabelled pages and of the 1870 page
    assert {(h.article, h.page, h.page_label) for h in hits} == {(h.article, 1, own[h.article]) for h in hits}
    assert {(ln.article, ln.page, ln.page_label) for ln in lines} == {(ln.article, 1, own[ln.article]) for ln in lines}
    alcayala = next(h for h in hits if "Alcayala" in h.snippet)
    assert lib.article_info(alcayala.article).source.endswith("1820_84_0220.xml") and alcayala.page_label is None
    oberon = next(h for h in hits if "Oberon" in h.snippet)
    assert lib.article_info(oberon.article).source.endswith("1870_14_0126.xml") and oberon.page_label == "224"


def test_a_hit_names_the_printed_number_of_its_own_page_where_pages_are_numbered_alike(tmp_path: Path) -> None:
    """Seen by the by-eye tester: the three undated Reichsanzeiger pages filed as one issue are each its page 1, and
    the 1820 article was listed (search, concordance, the window's results) as "p.224", the number printed on the
    1870 page: the label was looked up by page number in the issue, any page so numbered. ``cite`` and ``show`` said
    page 1; a quotation found by search would have been cited to another page."""
    with Library.open(tmp_path / "lib") as lib:
        import_paths(lib, [REICHSANZEIGER])
        _assert_own_pages_labels(lib)


def test_the_command_line_names_the_printed_number_of_the_articles_own_page(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder) as lib:
        import_paths(lib, [REICHSANZEIGER])
    assert main(["search", "Alcayala", "--library", str(folder), "--json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)["hits"]
    assert hit["page"] == 1 and "page_label" not in hit
    assert main(["concordance", "Alcayala", "--library", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "p.224" not in out and " p.1 " in out


def test_a_hit_names_the_printed_number_of_its_own_page_on_postgresql(pg_url: str, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lib = Library.open(pg_url)
    try:
        import_paths(lib, [REICHSANZEIGER])
        _assert_own_pages_labels(lib)
    finally:
        lib.close()
