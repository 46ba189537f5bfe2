"""The command line run in the test's process: what the tests of `broadsheet` commands share."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app.samples import samples_folder
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


def id_of(capsys: pytest.CaptureFixture[str], library: Path, words: str) -> str:
    """The id of the one article ``broadsheet search WORDS`` lists."""
    [line] = [ln for ln in run_in(capsys, library, "search", words).splitlines()[1:] if ln[:1].isalnum()]
    return line.split()[0]


def editors_and_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, str, str]:
    """(a library at ``tmp_path/lib`` holding the bundled seed page, the article of its "本版责编…" line — page
    furniture —, the 中美关系 report under it): the pair the merge tests merge."""
    library = tmp_path / "lib"
    run_in(capsys, library, "import", "--quiet", str(samples_folder() / "seed_page.txt"))
    return library, id_of(capsys, library, "本版责编"), id_of(capsys, library, "中美关系")
