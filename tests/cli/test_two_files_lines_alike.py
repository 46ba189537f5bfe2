"""An issue of two source files whose lines have the same ids: a piece split off one is read, exported, cited and
followed as of its own file.

Seen by the by-eye tester: two plain-text files sharing a folder without dates (seed_page.txt and rendered_page.txt)
are one issue, each its page 1, and both have a line ``p1.l19``. The 干得好就能看得见 report of seed_page.txt split at
its third part gives the piece ``KEY~p1.l19``; corrected (马骏说 → 马俊表示), ``show`` read it corrected but the
export's text read 马骏说, its TEI named rendered_page.txt as its source (file and sha256) and ``cite`` titled it
with the words as the OCR read them. Merged back, ``show KEY~p1.l19`` showed 乡村书屋成了“充电站”, an article of
rendered_page.txt, for the merged report.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tests.clirun import id_of, run_in

DATA = Path(__file__).resolve().parents[1] / "data" / "text"
REPORT = "干得好就能看得见"


@pytest.fixture
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    clips = tmp_path / "s" / "clips"
    clips.mkdir(parents=True)
    for name in ("seed_page.txt", "rendered_page.txt"):
        shutil.copy(DATA / name, clips / name)
    run_in(capsys, tmp_path / "lib", "import", "--quiet", str(tmp_path / "s"))
    return tmp_path / "lib"


def split_piece(capsys: pytest.CaptureFixture[str], library: Path) -> tuple[str, str]:
    """(the report's id, the piece split off it at its third part, ``KEY~p1.l19``: a line id both files have)."""
    report = id_of(capsys, library, REPORT)
    run_in(capsys, library, "correct", "split", report, "3")
    piece = f"{report}~p1.l19"
    shown = json.loads(run_in(capsys, library, "show", "--json", piece))
    assert shown["parts"][0]["text"].startswith("“对工作做阶段性梳理是件好事。”马骏说")
    return report, piece


def test_a_piece_of_one_file_exports_with_its_corrections_and_its_own_source(
        library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, piece = split_piece(capsys, library)
    run_in(capsys, library, "correct", "text", piece, "16", "19", "马俊表示")
    assert "马俊表示" in run_in(capsys, library, "show", piece)
    text = run_in(capsys, library, "export", piece, "--format", "text", "-o", "-")
    assert "”马俊表示，这张" in text and "马骏说，" not in text  # the OCR's words only in the note of the correction
    tei = run_in(capsys, library, "export", piece, "--format", "tei", "-o", "-")
    seed = tmp_path / "s" / "clips" / "seed_page.txt"
    assert seed.as_uri() in tei and "rendered_page.txt" not in tei
    assert hashlib.sha256(seed.read_bytes()).hexdigest() in tei
    cited = run_in(capsys, library, "cite", piece)
    assert "马俊表示" in cited and "马骏说" not in cited, cited


def test_a_piece_merged_back_shows_the_article_it_went_into_of_its_own_file(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report, piece = split_piece(capsys, library)
    run_in(capsys, library, "correct", "merge", report, piece)
    capsys.readouterr()
    from reader.cli.main import main

    assert main(["show", piece, "--library", str(library)]) == 0
    out = capsys.readouterr()
    assert f"was merged into {report}" in out.err, out.err
    assert f"[article] {report}" in out.out and "马骏说" in out.out and "充电站" not in out.out
