"""``broadsheet concordance`` and ``broadsheet timeline`` on the bundled samples: the JSON contracts, the CSV
with a citation per line, and the totals agreeing with ``search``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from reader.resources import path as resource_path

from reader.cli.main import main


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("cli-conc") / "lib")
    assert main(["import", str(Path(resource_path("samples"))), "--library", folder, "--quiet"]) == 0
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_concordance_json_contract(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = json.loads(run(capsys, "concordance", "中国", "--library", library, "--json", "--context", "5"))
    assert set(out) == {"query", "total", "lines"} and out["query"] == "中国"
    assert out["total"] == len(out["lines"]) > 0
    for line in out["lines"]:
        keys = {"article", "publication", "date", "page", "left", "match", "right"}
        assert set(line) - {"page_label"} == keys  # and the page as printed, where the source gives a label
        assert "page_label" not in line or line["page_label"]
        assert line["match"] in ("中国", "中國") and len(line["left"]) <= 5 and len(line["right"]) <= 5
    articles = json.loads(run(capsys, "search", "中国", "--library", library, "--json", "--limit", "100"))
    assert {ln["article"] for ln in out["lines"]} == {h["article"] for h in articles["hits"]}
    left = json.loads(run(capsys, "concordance", "中国", "--library", library, "--json", "--sort", "left"))
    keys = [ln["left"][::-1] for ln in left["lines"]]
    assert keys == sorted(keys) and left["total"] == out["total"]


def test_concordance_csv_has_a_citation_per_line(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["concordance", "Zeitung", "--library", library, "--csv"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    total = json.loads(run(capsys, "concordance", "Zeitung", "--library", library, "--json"))["total"]
    assert len(rows) == total > 0
    for row in rows:
        assert row["match"] == "Zeitung"
        assert "Luxemburger Zeitung" in row["citation"] and "1858" in row["citation"]
    # the citation of each line is the one `broadsheet cite` gives for its article (the scholar's style)
    cited = run(capsys, "cite", rows[0]["article"], "--library", library).strip()
    assert rows[0]["citation"] == " ".join(cited.split())


def test_concordance_text_for_people(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "concordance", "中国", "--library", library)
    assert "[中國]" in out and "[中国]" in out
    assert out.strip().splitlines()[-1].startswith("7 occurrence(s) of '中国' in 4 article(s)")


def test_timeline_json_contract(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    for by in ("year", "month"):
        out = json.loads(run(capsys, "timeline", "中国 OR Zeitung", "--by", by, "--library", library, "--json"))
        assert set(out) == {"query", "by", "buckets"} and out["by"] == by
        search = json.loads(run(capsys, "search", "中国 OR Zeitung", "--library", library, "--json"))
        assert sum(b["articles"] for b in out["buckets"]) == search["total"]
        for b in out["buckets"]:
            assert set(b) == {"period", "articles", "occurrences", "library_articles"}
            assert b["articles"] <= b["library_articles"]
    year = json.loads(run(capsys, "timeline", "中国 OR Zeitung", "--library", library, "--json"))
    assert [b["period"] for b in year["buckets"]][:2] == ["1858", "1859"]
    assert len(year["buckets"]) == 2021 - 1858 + 1


def test_a_match_mode_this_search_lacks_is_one_sentence(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.search import query

    code = main(["timeline", "中国", "--match", "exact", "--library", library])
    err = capsys.readouterr().err
    if hasattr(query, "SearchOptions"):
        assert code == 0
    else:
        assert code == 2 and err.count("\n") == 1 and "--match" in err


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Seen in a hostile batch: a headline `=HYPERLINK("http://evil.example/","点击")测试标题` went into the hits'
    and the concordance's CSV as a formula a spreadsheet evaluates. A cell starting with =, +, -, @, a tab or a
    carriage return is written with a leading apostrophe (shown as text, the rest unchanged)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "rmrb_20210128_02.txt").write_text(
        '\n=HYPERLINK("http://evil.example/","点击")测试标题\n\n'
        '本报北京 1 月 27 日电 这是第一段文字，\n\n用于测试导出。\n',
        encoding="utf-8")
    lib = str(tmp_path / "lib")
    assert main(["import", str(src), "--library", lib, "--quiet"]) == 0
    out = tmp_path / "hits.csv"
    assert main(["export", "--query", "测试", "--format", "csv", "-o", str(out), "--library", lib]) == 0
    capsys.readouterr()
    assert main(["concordance", "测试", "--csv", "--library", lib]) == 0
    tables = [out.read_text(encoding="utf-8-sig"), capsys.readouterr().out.lstrip("\ufeff")]
    for table in tables:
        cells = [c for row in csv.reader(io.StringIO(table)) for c in row]
        assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], cells
        assert any(c.startswith("'=HYPERLINK(") for c in cells)


def test_an_export_of_a_query_that_finds_nothing_says_so(library: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Seen in a hostile batch: `export --query X` finding nothing said "name articles, an issue, a collection or a
    query" — though a query was named."""
    out = tmp_path / "none.csv"
    assert main(["export", "--query", "龘䨻靐", "--format", "csv", "-o", str(out), "--library", library]) == 2
    err = capsys.readouterr().err
    assert "'龘䨻靐' finds no article" in err and not out.exists()
