"""`broadsheet search --batch FILE`: one query per line, answered in one process as JSON lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli.main import main


@pytest.fixture
def imported(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    src = tmp_path / "src" / "人民日报" / "2021-01-27"
    src.mkdir(parents=True)
    shutil.copy(data_dir / "text" / "seed_page.txt", src / "04.txt")
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bl_statesman_1824-02-17", tmp_path / "src" / "bl")
    lib = tmp_path / "lib"
    assert main(["import", str(tmp_path / "src"), "--library", str(lib)]) == 0
    capsys.readouterr()
    return lib


def _single(lib: Path, query: str, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:  # type: ignore[type-arg]
    assert main(["search", query, "--library", str(lib), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_batch_answers_each_line_as_the_single_query_does(imported: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    queries = ["發展", "the publication:statesman", "发展 OR the", "", "# a comment line", "zzzznothing",
               "the date:1824"]
    batch = tmp_path / "queries.txt"
    batch.write_text("\n".join(queries) + "\n", encoding="utf-8")
    assert main(["search", "--batch", str(batch), "--library", str(imported), "--json", "--limit", "3"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    asked = [q for q in queries if q.strip() and not q.startswith("#")]
    assert [x["query"] for x in lines] == asked
    for got, q in zip(lines, asked, strict=True):
        assert set(got) == {"query", "total", "hits"}
        want = _single(imported, q, capsys, "--limit", "3")
        assert got["total"] == want["total"] and got["hits"] == want["hits"]
    assert lines[asked.index("zzzznothing")]["total"] == 0
    assert lines[0]["total"] > 0


def test_a_bad_line_is_one_sentence_and_the_batch_goes_on(imported: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_text('發展\n(unclosed\nthe\nthe date:1824-13\n', encoding="utf-8")
    assert main(["search", "--batch", str(batch), "--library", str(imported), "--json"]) == 1
    out = capsys.readouterr()
    lines = [json.loads(x) for x in out.out.splitlines()]
    assert [x["query"] for x in lines] == ["發展", "(unclosed", "the", "the date:1824-13"]
    assert "error" in lines[1] and lines[1]["total"] == 0 and "error" in lines[3]
    assert lines[0]["total"] > 0 and lines[2]["total"] > 0
    errs = [x for x in out.err.splitlines() if x.strip()]
    assert len(errs) == 2 and "queries.txt:2" in errs[0] and "queries.txt:4" in errs[1]


def test_batch_text_output_and_bad_arguments(imported: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_text("發展\nthe\n", encoding="utf-8")
    assert main(["search", "--batch", str(batch), "--library", str(imported)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 and rows[0].split("\t")[1] == "發展" and int(rows[0].split("\t")[0]) > 0
    capsys.readouterr()
    # a query and a batch at once, or neither: a bad argument, one sentence
    assert main(["search", "the", "--batch", str(batch), "--library", str(imported)]) == 2
    assert main(["search", "--library", str(imported)]) == 2
    assert len([x for x in capsys.readouterr().err.splitlines() if x.strip()]) == 2
    assert main(["search", "--batch", str(tmp_path / "missing.txt"), "--library", str(imported)]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_batch_from_standard_input(imported: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("發展\nthe\n"))
    assert main(["search", "--batch", "-", "--library", str(imported), "--json"]) == 0
    assert [json.loads(x)["query"] for x in capsys.readouterr().out.splitlines()] == ["發展", "the"]


def test_batch_takes_the_match_options(imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_text("發展\n", encoding="utf-8")
    for mode in ("folded", "exact"):
        assert main(["search", "--batch", str(batch), "--library", str(imported), "--json", "--match", mode]) == 0
        got = json.loads(capsys.readouterr().out)
        assert got["total"] == _single(imported, "發展", capsys, "--match", mode)["total"]
    assert main(["search", "--batch", str(batch), "--library", str(imported), "--json", "--match", "exact"]) == 0
    exact = json.loads(capsys.readouterr().out)["total"]
    assert exact < _single(imported, "發展", capsys)["total"]  # the seed page prints 发展 in simplified


def test_a_closed_pipe_is_not_a_library_problem(imported: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """`broadsheet … | head`: the reader has what they asked for; nothing about the library is wrong."""
    from reader.cli import search as search_cmd

    def closed(*_args: object, **_kw: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(search_cmd, "cmd_search", closed)
    assert main(["search", "發展", "--library", str(imported)]) == 0
    assert "cannot be used" not in capsys.readouterr().err
