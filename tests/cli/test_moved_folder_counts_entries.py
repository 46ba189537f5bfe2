"""A folder moved and imported again: the import summary counts the collection entries on its articles with the
notes on them (it said "1 annotation(s) and 0 collection entr(ies) follow their articles' new ids or files" though
the entry's article was on the moved file, seen by a tester)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from clirun import id_of, run_in

from reader.cli.main import main

SEED = Path(__file__).parents[1] / "data" / "text" / "seed_page.txt"


def moved_and_imported(capsys: pytest.CaptureFixture[str], tmp_path: Path, note: bool) -> str:
    """What an import of the seed page's folder, moved after a note (``note``) and a collection entry were put on
    its article, says on stderr."""
    library = tmp_path / "lib"
    (tmp_path / "a").mkdir()
    shutil.copy(SEED, tmp_path / "a" / "seed_page.txt")
    (tmp_path / "a" / "seed_page.txt.meta.json").write_text('{"publication": "人民日报", "date": "2021-01-27"}',
                                                            encoding="utf-8")
    run_in(capsys, library, "import", str(tmp_path / "a"), "--quiet")
    key = id_of(capsys, library, "中美关系")
    run_in(capsys, library, "collection", "create", "My study")
    run_in(capsys, library, "collection", "add", "My study", key)
    if note:
        run_in(capsys, library, "annotations", "add", key, "--note", "moved with its folder")
    (tmp_path / "a").rename(tmp_path / "b")
    capsys.readouterr()
    assert main(["import", str(tmp_path / "b"), "--quiet", "--library", str(library)]) == 0
    err = capsys.readouterr().err
    assert "moved from" in err
    assert run_in(capsys, library, "collection", "show", "My study", "--ids").split() == [key]  # id kept
    return err


def test_the_entry_on_a_moved_file_is_counted_with_the_note(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    err = moved_and_imported(capsys, tmp_path, note=True)
    assert "1 annotation(s) and 1 collection entr(ies) follow their articles, renamed or moved" in err


def test_an_entry_alone_on_a_moved_file_is_counted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = moved_and_imported(capsys, tmp_path, note=False)
    assert "0 annotation(s) and 1 collection entr(ies) follow their articles, renamed or moved" in err
