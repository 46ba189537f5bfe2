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


def seed_library(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A library at ``tmp_path/lib`` holding the 人民日报 seed page (tests/data/text), dated as the bundled sample."""
    import shutil

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "text" / "seed_page.txt", src / "seed_page.txt")
    (src / "seed_page.txt.meta.json").write_text('{"publication": "人民日报", "date": "2021-01-27"}', encoding="utf-8")
    run_in(capsys, tmp_path / "lib", "import", str(src), "--quiet")
    return tmp_path / "lib"
