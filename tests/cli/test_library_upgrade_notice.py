"""A command opening a library whose upgrade rewrites every article says so once, in one sentence, before the
minutes it can take (issue 17's catalogue schema 5)."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_a_command_says_it_is_upgrading_the_library(old_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli.main import main

    folder = old_library
    assert main(["stats", "--library", str(folder)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [ln for ln in err if "updating the library" in ln] == [
        f"broadsheet: {folder}: updating the library for this version of Broadsheet, once; a large library takes "
        "some minutes (if interrupted, it stays as it was)."]
    assert main(["stats", "--library", str(folder)]) == 0
    assert "updating" not in capsys.readouterr().err
