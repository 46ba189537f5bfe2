"""The CSV of hits brackets exactly the words found, in the text as the reader reads it.

Seen by the by-eye tester: 马骏 corrected to 马俊表, ``export --query 马俊 --format csv`` (and the window's export)
bracketed ``[马俊表]说`` where the search, the concordance and the window marked 马俊: the hit's places were taken
back to the OCR's text and forward again, and a hit on part of a corrected word grew to the whole correction. Its
left context followed the order the parts are stored in, not the order they are read: for a merged article it read
"…政绩考核 推动高质量发展 “对工作做…" (a column label beside the paragraph) where the window reads "…仔细琢磨。".
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.clirun import id_of, run_in, seed_library

REPORT = "干得好就能看得见"


def kwics(capsys: pytest.CaptureFixture[str], library: Path, query: str) -> list[str]:
    out = run_in(capsys, library, "export", "--query", query, "--format", "csv", "-o", "-")
    return [row["kwic"] for row in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))]


def offset_of(capsys: pytest.CaptureFixture[str], library: Path, key: str, words: str) -> int:
    """Where ``words`` start in the article's text (its parts joined by blank lines, in the order stored)."""
    parts = json.loads(run_in(capsys, library, "show", "--json", key))["parts"]
    text = "\n\n".join(p["text"] for p in sorted(parts, key=lambda p: p["index"]))
    assert text.count(words) == 1, words
    return text.index(words)


@pytest.fixture
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    library = seed_library(capsys, tmp_path)
    report = id_of(capsys, library, REPORT)
    at = offset_of(capsys, library, report, "马骏说")
    run_in(capsys, library, "correct", "text", report, str(at), str(at + 2), "马俊表")  # 马骏说 reads 马俊表说
    assert "”马俊表说，" in run_in(capsys, library, "show", report)
    return library, report


def test_a_hit_on_part_of_a_corrected_word_is_bracketed_alone(
        library: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = library
    [row] = kwics(capsys, folder, "马俊")
    assert "”[马俊]表说，" in row, row
    [row] = kwics(capsys, folder, "俊表")
    assert "”马[俊表]说，" in row, row
    [row] = kwics(capsys, folder, "马俊表说")
    assert "”[马俊表说]，" in row, row


def test_the_context_of_a_hit_is_the_text_as_read(
        library: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    folder, report = library
    # a hit in the first paragraph stored: read after the headline group (the column labels are stored last, read
    # first), the words before it are the editor's note's, not none
    [row] = kwics(capsys, folder, "浙江绘出干部政绩画像")
    assert row.startswith("…") and "[浙江绘出干部政绩画像]" in row and not row.startswith("[")
    run_in(capsys, folder, "correct", "split", report, "3")
    run_in(capsys, folder, "correct", "merge", report, f"{report}~p1.l19")
    shown = run_in(capsys, folder, "show", report)
    assert "仔细琢磨。" in shown and "马俊表说" in shown
    [row] = kwics(capsys, folder, "马俊")
    assert "仔细琢磨。 “对工作做阶段性梳理是件好事。”[马俊]表说，" in row, row


def test_the_windows_export_of_hits_brackets_the_hit_alone(library: tuple[Path, str]) -> None:
    """The window's export gathers the hits through the overlay (``build_export`` → ``library_scope``)."""
    from reader.app.overlay import Overlay
    from reader.export.csv import rows
    from reader.library.catalogue import Library

    lib = Library(library[0])
    try:
        scope = Overlay(lib).export_scope(query="马俊")
        [item] = scope.items
        [(s, e)] = item.corrected_matches()
        assert item.corrected().text[s:e] == "马俊"
        [row] = rows(scope.items)
        assert "”[马俊]表说，" in row["kwic"]
    finally:
        lib.close()


def readings(capsys: pytest.CaptureFixture[str], library: Path, query: str) -> list[tuple[str, str]]:
    out = run_in(capsys, library, "export", "--query", query, "--format", "csv", "-o", "-")
    table = csv.DictReader(io.StringIO(out.lstrip("\ufeff")))
    return [(row["kwic"], row.get("reading", "<no column>")) for row in table]


def test_a_hit_found_only_in_the_ocrs_reading_is_written_in_the_ocrs_words_and_says_so(
        library: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    """Seen by a tester: 趋势 corrected to 倾向, ``search 五大趋势`` found the article in the OCR's reading
    (``"reading": "ocr"``) and ``export --query 五大趋势 --format csv`` wrote ``…呈现[五大倾向]。…``: words that are not
    the query bracketed (the OCR's places laid on the corrected text; a correction straddling the hit gave
    ``[五大趋倾]``), and nothing said the row was found in the OCR's reading. The row is written in the words found,
    with a ``reading`` column as ``search --json`` says it."""
    folder, _ = library
    [hit] = json.loads(run_in(capsys, folder, "search", "--json", "马骏说"))["hits"]
    assert hit["reading"] == "ocr"
    [(row, reading)] = readings(capsys, folder, "马骏说")
    assert "”[马骏说]，" in row and reading == "ocr", (row, reading)
    [(row, reading)] = readings(capsys, folder, "骏说")  # the correction 马骏 → 马俊表 straddles the hit
    assert "”马[骏说]，" in row and reading == "ocr", (row, reading)
    [(row, reading)] = readings(capsys, folder, "马俊")
    assert "”[马俊]表说，" in row and reading == "corrected", (row, reading)
    rows = readings(capsys, folder, "检察机关")  # an article without corrections: read as imported, said so by none
    assert rows and all("[检察机关]" in r and reading == "" for r, reading in rows), rows
