"""``broadsheet export`` of an article a correction merged into another exports that one, as ``show`` shows it.

Seen by a tester: a piece split off the 干得好就能看得见 report and merged back (``KEY~p1.l19``): ``show KEY~p1.l19``
said it was merged and showed the report; ``export KEY~p1.l19`` answered "there is no article"."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from tests.clirun import id_of, run_in, seed_library


def test_export_of_a_piece_merged_back_exports_the_article_holding_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = seed_library(capsys, tmp_path)
    report = id_of(capsys, library, "干得好就能看得见")
    run_in(capsys, library, "correct", "split", report, "3")
    piece = f"{report}~p1.l19"
    run_in(capsys, library, "correct", "merge", report, piece)
    capsys.readouterr()
    status = main(["export", piece, report, "--format", "text", "-o", "-", "--library", str(library)])
    out = capsys.readouterr()
    assert status == 0, out.err
    assert f"article {piece} was merged into {report}" in out.err
    assert out.out.count("干得好就能看得见") == 1  # the report once, though named twice
    assert "对工作做阶段性梳理是件好事" in out.out
