"""A library is made only by an import: every other command refuses a place holding no library in one sentence, exit
status 2, touching nothing (a mistyped ``--library`` made an empty library there and its search said "0 article(s)
match", seen by a tester)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import seed_library

from reader.cli.main import main

#: every command that reads or works on a library that is there
COMMANDS = [
    ["search", "APEC"], ["show", "a0000"], ["stats"], ["reindex"], ["cite", "a0000"],
    ["export", "a0000", "--format", "csv", "-o", "out.csv"], ["concordance", "APEC"],
    ["timeline", "APEC", "--by", "year"], ["annotations", "list"], ["annotations", "tags"],
    ["annotations", "add", "a0000", "--note", "x"], ["collection", "list"], ["collection", "add", "Study", "a0000"],
    ["correct", "list"],
]


def refused(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    """The one sentence ``broadsheet ARGS`` refused with (exit status 2)."""
    capsys.readouterr()
    status = main(args)
    out = capsys.readouterr()
    assert status == 2, (args, out)
    assert out.out == ""
    [line] = out.err.splitlines()
    return line


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_mistyped_library_is_refused_and_not_made(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    typo = tmp_path / "x" / "typo_lib"
    line = refused(capsys, [*command, "--library", str(typo)])
    assert line.startswith(f"broadsheet: no library at {typo} (there is no such folder"), line
    assert "broadsheet import" in line
    assert not (tmp_path / "x").exists()


def test_an_empty_folder_and_a_relative_name_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    seed_library(capsys, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "empty").mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    line = refused(capsys, ["search", "中美", "--library", "lib"])  # the library is ../lib, not ./lib
    assert line.startswith(f"broadsheet: no library at {elsewhere / 'lib'} ("), line
    line = refused(capsys, ["stats", "--library", "empty"])
    assert "the folder holds no catalogue.sqlite" in line
    assert sorted(elsewhere.iterdir()) == [elsewhere / "empty"]
    assert list((elsewhere / "empty").iterdir()) == []


def test_a_file_given_as_the_library_is_said_to_be_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Seen by eye: it said "there is no such folder; `broadsheet import FILE… --library …/seed_page.txt` makes one",
    and the import then refused: "it is a file, not a folder"."""
    page = tmp_path / "seed_page.txt"
    page.write_text("中美关系\n", encoding="utf-8")
    line = refused(capsys, ["search", "上海", "--library", str(page)])
    assert line == f"broadsheet: no library at {page} (it is a file, not a folder).", line
    assert page.read_text(encoding="utf-8") == "中美关系\n"


def test_the_library_of_the_environment_or_the_default_folder_is_not_made(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_LIBRARY", str(tmp_path / "nope"))
    assert "it is $BROADSHEET_LIBRARY" in refused(capsys, ["stats"])
    monkeypatch.delenv("BROADSHEET_LIBRARY")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    line = refused(capsys, ["search", "APEC"])
    assert "it is the default library" in line
    assert list(tmp_path.iterdir()) == []


def test_import_makes_a_library_and_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seed_library(capsys, tmp_path)
    capsys.readouterr()
    src = tmp_path / "src"
    assert main(["import", str(src), "--quiet", "--library", str(tmp_path / "new")]) == 0
    assert f"there was no library at {tmp_path / 'new'}; a new one was made there." in capsys.readouterr().err
    assert main(["import", str(src), "--quiet", "--library", str(tmp_path / "new")]) == 0
    assert "a new one was made" not in capsys.readouterr().err


def test_library_copy_refuses_a_source_that_is_not_there(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    line = refused(capsys, ["library", "copy", str(tmp_path / "nope"), str(tmp_path / "to")])
    assert line == f"broadsheet: no library at {tmp_path / 'nope'} (there is no such folder)."
    assert list(tmp_path.iterdir()) == []


def test_a_database_without_a_library_is_refused(capsys: pytest.CaptureFixture[str], pg_url: str) -> None:
    from reader.library.postgres import redact

    line = refused(capsys, ["search", "APEC", "--library", pg_url])
    assert line.startswith(f"broadsheet: no library at {redact(pg_url)} (the database holds no Broadsheet library")
    missing = pg_url.rsplit("/", 1)[0] + "/no_such_database"
    line = refused(capsys, ["stats", "--library", missing])
    assert line.startswith(f"broadsheet: {redact(missing)}: the database cannot be reached"), line
