"""The reader's notes on an article they split off stay there through any import (seen by the by-eye tester, fix48).

A piece split off (``KEY~line``) exists only as a correction, an overlay on the catalogue. The check after every
import looked its key up in the catalogue only: an import of any unrelated file said the piece's article note
"orphaned: its article is gone" and moved its highlight onto the article it was cut from ("its words went there"),
status ``moved``; ``annotations reattach`` did not bring the note back. And ``correct undo --article`` of the id
``correct list`` shows for the split said "nothing to undo".
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.cli.main import main

DATA = Path(__file__).resolve().parents[1] / "data"
PAGE = DATA / "samples" / "alto" / "v2_sbb_abbyy_1890" / "27971740_1890-04-01_38_077_0_001.xml"
HEADING = "Die Demokratin."
QUOTE = "Signora Peronica"


def cli(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> str:
    capsys.readouterr()
    status = main([*args, "--library", str(library)])
    out = capsys.readouterr()
    assert status == 0, (args, out.err)
    return out.out + out.err


def annotations(capsys: pytest.CaptureFixture[str], library: Path) -> dict[str, tuple[str, str]]:
    """Annotation id → (the article it is stored on, its status)."""
    with sqlite3.connect(library / "catalogue.sqlite") as db:
        return {str(i): (str(a), str(s)) for i, a, s in db.execute("SELECT id, article, status FROM annotations")}


@pytest.fixture
def piece(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, str, list[str]]:
    """(the library, the article split, the piece split off it, the ids of a note and a highlight on the piece)."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(PAGE, src / PAGE.name)
    library = tmp_path / "lib"
    cli(capsys, library, "import", str(src), "--quiet")
    [hit] = [h for h in json.loads(cli(capsys, library, "search", "--json", HEADING))["hits"] if h["headline"]]
    article = str(hit["article"])
    parts = json.loads(cli(capsys, library, "show", "--json", article))["parts"]
    [index] = [p["index"] for p in parts if p["text"] == HEADING]
    cli(capsys, library, "correct", "split", article, str(index))
    [made] = [h["article"] for h in json.loads(cli(capsys, library, "search", "--json", QUOTE))["hits"]]
    assert made.startswith(article + "~")
    note = cli(capsys, library, "annotations", "add", made, "--note", "the piece").split()[-1]
    mark = cli(capsys, library, "annotations", "add", made, "--quote", QUOTE, "--note", "who").split()[-1]
    return library, article, made, [note, mark]


def import_another(capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Path, name: str) -> str:
    other = tmp_path / name
    other.mkdir()
    shutil.copy(DATA / "text" / "seed_page.txt", other / "seed_page.txt")
    return cli(capsys, library, "import", str(other))


def test_an_import_leaves_the_work_on_a_piece_where_it_is(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], piece: tuple[Path, str, str, list[str]]) -> None:
    library, _article, made, ids = piece
    before = annotations(capsys, library)
    assert before == {i: (made, "attached") for i in ids}
    said = import_another(capsys, tmp_path, library, "other")
    assert annotations(capsys, library) == before, said
    assert not any(i in said for i in ids), said
    assert "0 re-attached, 0 orphaned" in said
    assert cli(capsys, library, "annotations", "reattach").strip() == "0 re-attached, 0 orphaned"
    assert annotations(capsys, library) == before
    listed = cli(capsys, library, "annotations", "list")
    assert all(f"{i}  {made}  attached" in listed for i in ids), listed


def test_a_note_said_orphaned_before_is_found_on_its_piece_again(
        capsys: pytest.CaptureFixture[str], piece: tuple[Path, str, str, list[str]]) -> None:
    """A library where an earlier Broadsheet said the piece's note orphaned: ``annotations reattach`` attaches it."""
    library, _article, made, [note, _mark] = piece
    with sqlite3.connect(library / "catalogue.sqlite") as db:
        db.execute("UPDATE annotations SET status = 'orphaned' WHERE id = ?", (note,))
    assert cli(capsys, library, "annotations", "reattach").strip() == "0 re-attached, 0 orphaned"
    assert annotations(capsys, library)[note] == (made, "attached")


def test_the_split_is_undone_by_the_id_correct_list_shows(
        capsys: pytest.CaptureFixture[str], piece: tuple[Path, str, str, list[str]]) -> None:
    library, article, made, _ids = piece
    [split] = [line.split() for line in cli(capsys, library, "correct", "list").splitlines()]
    assert split[1:3] == [made, "split"]
    said = cli(capsys, library, "correct", "undo", "--article", made)
    assert said.strip() == f"undid split {split[0]}"
    assert cli(capsys, library, "correct", "list").strip() == ""
    assert [h["article"] for h in json.loads(cli(capsys, library, "search", "--json", QUOTE))["hits"]] == [article]


def test_a_correction_on_the_piece_is_undone_before_the_split_that_made_it(
        capsys: pytest.CaptureFixture[str], piece: tuple[Path, str, str, list[str]]) -> None:
    library, _article, made, _ids = piece
    role = cli(capsys, library, "correct", "role", made, "1", "byline").strip()
    assert cli(capsys, library, "correct", "undo", "--article", made).strip() == f"undid role {role}"
    assert cli(capsys, library, "correct", "undo", "--article", made).startswith("undid split ")


def test_work_on_a_piece_whose_split_was_undone_is_kept_and_shown_on_the_article_holding_its_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], piece: tuple[Path, str, str, list[str]]) -> None:
    """The documented design ("never misplaced"): a note is stored on the article it was made on and shown on the
    reader's article holding its first line; undoing the correction (or redoing it) puts everything back. An import
    after the split was undone neither orphans the piece's note nor rewrites its highlight onto the article."""
    library, article, made, ids = piece
    cli(capsys, library, "correct", "undo", "--article", made)
    before = annotations(capsys, library)
    said = import_another(capsys, tmp_path, library, "other")
    assert annotations(capsys, library) == before, said
    assert not any(i in said for i in ids), said
    listed = cli(capsys, library, "annotations", "list")
    assert all(f"{i}  {article}  attached" in listed for i in ids), listed
