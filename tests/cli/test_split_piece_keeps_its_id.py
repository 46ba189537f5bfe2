"""A piece the reader split off keeps its id when lines are added above it in its source and the file is read again.

Found using it (trust37): an article split at "老丁名叫丁冬…" gives the piece ``KEY~p1.l92`` (its first line); the piece
put in a collection, two lines added at the top of the page and the file imported again, the split was re-anchored
on line p1.l96 and the piece became ``KEY~p1.l96`` — the collection entry named ``KEY~p1.l92``, "(no longer in the
library)", and the import said nothing of it (only "1 collection entr(ies) follow").
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.cli.main import main

DATA = Path(__file__).resolve().parents[1] / "data"
PIECE = "老丁名叫丁冬"


def cli(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> str:
    capsys.readouterr()
    status = main([*args, "--library", str(library)])
    out = capsys.readouterr()
    assert status == 0, (args, out.err)
    return out.out + out.err


def piece_of(capsys: pytest.CaptureFixture[str], library: Path) -> str:
    [hit] = json.loads(cli(capsys, library, "search", "--json", PIECE))["hits"]
    return str(hit["article"])


def split(capsys: pytest.CaptureFixture[str], library: Path) -> str:
    article = piece_of(capsys, library)
    parts = json.loads(cli(capsys, library, "show", "--json", article))["parts"]
    [index] = [p["index"] for p in parts if p["text"].startswith(PIECE)]
    cli(capsys, library, "correct", "split", article, str(index))
    piece = piece_of(capsys, library)
    assert piece.startswith(article + "~")
    return piece


@pytest.fixture
def page(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(DATA / "text" / "seed_page.txt", src / "seed_page.txt")
    return src / "seed_page.txt"


def add_lines_above(page: Path) -> None:
    page.write_text("新加的一行\n\n又一行\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")


def test_a_piece_in_a_collection_keeps_its_id_when_lines_are_added_above(
        tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = tmp_path / "lib"
    cli(capsys, library, "import", str(page.parent), "--quiet")
    piece = split(capsys, library)
    cli(capsys, library, "collection", "create", "C")
    cli(capsys, library, "collection", "add", "C", piece)
    add_lines_above(page)
    said = cli(capsys, library, "import", str(page.parent), "--quiet")
    now = piece_of(capsys, library)
    assert cli(capsys, library, "collection", "show", "C", "--ids").split() == [now], said
    assert "no longer in the library" not in cli(capsys, library, "collection", "show", "C")
    assert PIECE in cli(capsys, library, "show", now)


def test_a_split_stored_before_keeps_its_pieces_id_too(
        tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A split stored by an earlier Broadsheet names no piece id: re-anchored, it is given the id it had."""
    library = tmp_path / "lib"
    cli(capsys, library, "import", str(page.parent), "--quiet")
    piece = split(capsys, library)
    with sqlite3.connect(library / "catalogue.sqlite") as db:  # as an earlier version stored it
        [(cid, data)] = db.execute("SELECT id, data FROM corrections").fetchall()
        record = json.loads(data)
        record.pop("new_id", None)
        db.execute("UPDATE corrections SET data = ? WHERE id = ?", (json.dumps(record, ensure_ascii=False), cid))
    assert piece_of(capsys, library) == piece
    cli(capsys, library, "collection", "create", "C")
    cli(capsys, library, "collection", "add", "C", piece)
    add_lines_above(page)
    cli(capsys, library, "import", str(page.parent), "--quiet")
    assert piece_of(capsys, library) == cli(capsys, library, "collection", "show", "C", "--ids").strip()
    add_lines_above(page)  # and again, once the re-anchored lines were kept
    cli(capsys, library, "import", str(page.parent), "--quiet")
    assert piece_of(capsys, library) == cli(capsys, library, "collection", "show", "C", "--ids").strip()


def test_an_article_merged_with_itself_is_refused_and_nothing_stored(
        tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found using it (trust37): ``correct merge A A`` stored a correction (exit 0) that every later export, show and
    import then reported: "correction … no longer applies: the articles are already one". Refused in one sentence,
    exit 2, nothing stored."""
    library = tmp_path / "lib"
    cli(capsys, library, "import", str(page.parent), "--quiet")
    article = piece_of(capsys, library)
    capsys.readouterr()
    assert main(["correct", "merge", article, article, "--library", str(library)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "itself" in err, err
    assert json.loads(cli(capsys, library, "correct", "list", "--json")) == []


def test_a_piece_merged_into_another_article_is_listed_as_merged_not_gone(
        tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found using it (trust37): a piece split off, put in a collection, then merged by the reader into another article
    was listed by ``collection show`` "(no longer in the library)" — as if an import had lost it — and an export of
    the collection said the same. Its words are in the article it was merged into: that is said, the entry kept."""
    library = tmp_path / "lib"
    cli(capsys, library, "import", str(page.parent), "--quiet")
    piece = split(capsys, library)
    cli(capsys, library, "collection", "create", "C")
    cli(capsys, library, "collection", "add", "C", piece)
    [hit] = json.loads(cli(capsys, library, "search", "--json", "李伟涉嫌受贿"))["hits"]
    into = str(hit["article"])
    cli(capsys, library, "correct", "merge", into, piece)
    shown = cli(capsys, library, "collection", "show", "C").splitlines()[-1]
    assert shown == f"{piece}  (merged into {into} by your correction)", shown
    capsys.readouterr()
    main(["export", "--collection", "C", "--format", "text", "-o", str(tmp_path / "c.txt"), "--library", str(library)])
    said = capsys.readouterr().err  # (nothing else in the collection: nothing to export, exit 2)
    assert f"names article {piece}, merged into {into} by your correction: not exported" in said, said
    from reader.app.archive import Archive
    from reader.library.catalogue import Library

    with Library(library) as lib:  # what the window's Collections panel asks (it said the piece lost to an import)
        assert Archive(lib).merged_into(piece) == into and Archive(lib).merged_into(into) is None
        # named by its own first words, where they are read now (seen by eye in the window: the entry led with
        # its bare key, "ad8fa13a963b7d25~p1.l85 — merged into …")
        assert Archive(lib).merged_name(piece) == f"[{PIECE}，原是河南省开封市政府办公室…]"
        assert Archive(lib).merged_name(into) == ""


def test_correct_list_of_an_article_names_the_corrections_of_its_pieces_and_the_merges_that_took_it(
        tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``correct list --article ROOT`` listed only what was stored under ROOT itself: a headline typed on a piece
    split off it (stored under ``ROOT~line``) and a merge that took ROOT into another article (stored on that
    article) went unlisted, so a reader asking what was corrected on the article was told less than was."""
    library = tmp_path / "lib"
    cli(capsys, library, "import", str(page.parent), "--quiet")
    piece = split(capsys, library)
    root = piece.split("~", 1)[0]
    cli(capsys, library, "correct", "headline", piece, "--text", "丁冬的故事")
    others = [h["article"] for h in json.loads(cli(capsys, library, "search", "--json", "的"))["hits"]
              if h["article"] not in (root, piece)]
    cli(capsys, library, "correct", "merge", others[0], root)
    listed = json.loads(cli(capsys, library, "correct", "list", "--article", root, "--json"))
    assert sorted(c["kind"] for c in listed) == ["headline", "merge", "split"]
    by_piece = json.loads(cli(capsys, library, "correct", "list", "--article", piece, "--json"))
    assert by_piece == listed  # the split that made the piece is stored on its root
    elsewhere = json.loads(cli(capsys, library, "correct", "list", "--article", others[1], "--json"))
    assert elsewhere == []
