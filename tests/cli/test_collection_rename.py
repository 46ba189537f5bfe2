"""`broadsheet collection rename NAME NEW_NAME` (seen by eye, eye48: a collection could not be renamed anywhere)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from tests.clirun import run_in, seed_library


def test_a_collection_is_renamed_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    library = seed_library(capsys, tmp_path)
    article = json.loads(run_in(capsys, library, "search", "--json", "李伟"))["hits"][0]["article"]
    run_in(capsys, library, "collection", "create", "Trade 1820")
    run_in(capsys, library, "collection", "add", "Trade 1820", article)
    run_in(capsys, library, "collection", "create", "Shipping")
    run_in(capsys, library, "collection", "rename", "Trade 1820", "Trade 1820–21")
    assert run_in(capsys, library, "collection", "list").splitlines() == ["0\tShipping", "1\tTrade 1820–21"]
    assert run_in(capsys, library, "collection", "show", "--ids", "Trade 1820–21").split() == [article]
    capsys.readouterr()
    assert main(["collection", "rename", "Trade 1820–21", "Shipping", "--library", str(library)]) != 0
    err = capsys.readouterr().err
    assert "already have a collection named 'Shipping'" in err and len(err.strip().splitlines()) == 1, err
