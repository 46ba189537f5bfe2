"""``show`` says when an article's source file is no longer where it was imported from (its article is kept as it
was read): an article of a deleted file showed no sign of it (seen by a tester)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import id_of, run_in, seed_library


def test_show_says_the_file_is_gone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    library = seed_library(capsys, tmp_path)
    key = id_of(capsys, library, "中美关系")
    source = tmp_path / "src" / "seed_page.txt"
    assert "no longer there" not in run_in(capsys, library, "show", key)
    assert json.loads(run_in(capsys, library, "show", key, "--json"))["source_gone"] is False
    source.unlink()
    shown = run_in(capsys, library, "show", key).splitlines()
    assert shown[1] == f"# its file {source} is no longer there: the article is kept as it was read"
    assert "中美关系" in "\n".join(shown[2:])
    assert json.loads(run_in(capsys, library, "show", key, "--json"))["source_gone"] is True
