"""The concordance's ``headline`` column names every article as the other exports do: a piece printed with no
headline by its first words in square brackets (``supplied_title``), an article the reader gave a headline by it.

Seen by eye (trust43): the concordance CSV of 中美 on the bundled 人民日报 page left the column empty for the piece
printed with no headline, while the CSV, text and TEI exports named it "[“当前的中美关系：方向与路径”网络研讨会…]".
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.clirun import run_in, seed_library


@pytest.fixture
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return seed_library(capsys, tmp_path)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def _exported_headline(capsys: pytest.CaptureFixture[str], library: Path, article: str) -> str:
    [row] = _rows(run_in(capsys, library, "export", article, "--format", "csv", "-o", "-"))
    return row["headline"]


def test_a_headless_piece_is_named_by_its_first_words(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(run_in(capsys, library, "concordance", "中美", "--csv"))
    assert rows
    for row in rows:
        assert row["headline"] == _exported_headline(capsys, library, row["article"])
    assert any(row["headline"].startswith("[“当前的中美关系") for row in rows), rows[0]


def test_a_headline_the_reader_gave_names_it(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _rows(run_in(capsys, library, "concordance", "中美", "--csv"))[0]["article"]
    run_in(capsys, library, "correct", "headline", article, "--text", "中美关系研讨会")
    rows = [r for r in _rows(run_in(capsys, library, "concordance", "中美", "--csv")) if r["article"] == article]
    assert rows and {r["headline"] for r in rows} == {"中美关系研讨会"}
