"""The command line run in the test's process: what the tests of `broadsheet` commands share."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run ``broadsheet ARGS…`` here; its stdout and stderr (it must succeed)."""
    capsys.readouterr()
    status = main(list(args))
    out = capsys.readouterr()
    assert status == 0, (args, out.err)
    return out.out + out.err


def run_in(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> str:
    """Run ``broadsheet ARGS… --library LIBRARY`` here; its stdout (it must succeed)."""
    capsys.readouterr()
    status = main([*args, "--library", str(library)])
    out = capsys.readouterr()
    assert status == 0, (args, out.err)
    return out.out
