"""``broadsheet export`` says the text holds the reader's corrections when it does (seen: every export said "the
text as the sources print it (no script conversion)", the corrections in it unsaid)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main

SEED = Path(__file__).resolve().parents[1] / "data" / "text" / "seed_page.txt"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    assert main(["import", str(SEED), "--library", str(lib), "--quiet"]) == 0
    return lib


def _export(lib: Path, out: Path, capsys: pytest.CaptureFixture[str], *more: str) -> str:
    capsys.readouterr()
    assert main(["export", "--library", str(lib), *more, "--format", "text", "-o", str(out)]) == 0
    return capsys.readouterr().err


def test_the_export_says_the_corrections_it_holds(library: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--library", str(library), "发展", "--json"]) == 0
    article = json.loads(capsys.readouterr().out)["hits"][0]["article"]
    said = _export(library, tmp_path / "before.txt", capsys, article)
    assert "the text as the sources print it (no script conversion)" in said and "correction" not in said
    assert main(["correct", "--library", str(library), "text", article, "0", "2", "龘䨻"]) == 0
    said = _export(library, tmp_path / "after.txt", capsys, article)
    assert "龘䨻" in (tmp_path / "after.txt").read_text(encoding="utf-8")
    assert "the text as the sources print it with your 1 correction(s) applied (no script conversion)" in said, said
    said = _export(library, tmp_path / "plain.txt", capsys, article, "--plain")  # as the OCR read it
    assert "龘䨻" not in (tmp_path / "plain.txt").read_text(encoding="utf-8") and "correction" not in said, said
