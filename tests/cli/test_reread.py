"""``import --reread``: files the library holds unchanged are read again by this version of Broadsheet.

An import skips a file whose bytes it holds: after an upgrade that reads pages better (a hyphenation joined,
spaces printed kept), the library went on showing the text the older version made of them, with no way to
have it read again but editing every file. ``--reread`` reads them as if they had changed — the researcher's
work follows its words as after any re-import — and says how many it read again.

The older reading is stood in for by the reflow rule this version changed: "Shanghai 上海 is a city" was read
"Shanghai上海is a city".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.text import reflow
from tests.clirun import run_cli as run

PAGE = ("The river trade\n\nShanghai 上海 is a city of the river trade, and its merchants\n"
        "of Hankow 漢口 send tea down the river every spring.\n\n"
        "The second paragraph tells of the silk of Soochow 蘇州 and of the boats that carry it.\n")


def shown(capsys: pytest.CaptureFixture[str], library: Path, article: str) -> str:
    return run(capsys, "show", article, "--library", str(library))


def test_reread_reads_unchanged_files_again_and_the_work_stays_on_its_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "src" / "North China Herald" / "1930-04-21"
    src.mkdir(parents=True)
    (src / "01.txt").write_text(PAGE, encoding="utf-8")
    library = tmp_path / "lib"
    with monkeypatch.context() as old:
        old.setattr(reflow, "latin_running", lambda text: False)  # the older version's reading
        run(capsys, "import", str(tmp_path / "src"), "--library", str(library), "--quiet")
    hits = json.loads(run(capsys, "search", "--json", "Soochow", "--library", str(library)))["hits"]
    article = hits[0]["article"]
    assert "Soochow蘇州and" in shown(capsys, library, article)
    run(capsys, "annotations", "add", article, "--quote", "silk of Soochow", "--note", "silk",
        "--library", str(library))

    out = run(capsys, "import", str(tmp_path / "src"), "--library", str(library), "--quiet")
    assert "1 unchanged" in out
    assert "Soochow蘇州and" in shown(capsys, library, article)  # the bytes are the same: nothing read

    out = run(capsys, "import", "--reread", str(tmp_path / "src"), "--library", str(library), "--quiet")
    assert "imported 1 file(s) (1 read again though unchanged;" in out
    hits = json.loads(run(capsys, "search", "--json", "Soochow", "--library", str(library)))["hits"]
    now = hits[0]["article"]
    assert "Soochow 蘇州 and" in shown(capsys, library, now)
    notes = json.loads(run(capsys, "annotations", "list", "--json", "--library", str(library)))
    assert len(notes) == 1
    note = notes[0]
    assert note["article"] == now and note["status"] != "orphaned" and note["quote"] == "silk of Soochow"


def test_reread_of_a_file_the_library_does_not_hold_imports_it_as_new(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A path the library does not hold is imported as new with or without ``--reread``."""
    src = tmp_path / "src" / "North China Herald" / "1930-04-22"
    src.mkdir(parents=True)
    (src / "01.txt").write_text(PAGE, encoding="utf-8")
    out = run(capsys, "import", "--reread", str(tmp_path / "src"), "--library", str(tmp_path / "lib"), "--quiet")
    assert "imported 1 file(s)" in out and "read again" not in out


def test_the_date_given_after_the_import_that_asked_for_it_is_applied(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Seen by a tester: the import said "give them … with import --publication and --date"; done, the files
    (held unchanged) were skipped and the flags did nothing, exit 0. A file given metadata is read again."""
    src = tmp_path / "scans"
    src.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    library = str(tmp_path / "lib")
    out = run(capsys, "import", str(src), "--library", library, "--quiet")
    assert "--publication and --date" in out
    out = run(capsys, "import", str(src), "--library", library, "--quiet", "--publication", "North China Herald",
              "--date", "1930-04-21")
    assert "imported 1 file(s)" in out
    [hit] = json.loads(run(capsys, "search", "--json", "Soochow", "--library", library))["hits"]
    assert (hit["publication"], hit["date"]) == ("North China Herald", "1930-04-21")


@pytest.mark.parametrize("component", ["annotations", "corrections"])
def test_an_import_into_a_library_a_newer_broadsheet_wrote_changes_nothing(
        component: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Seen by a tester: with the notes' (or corrections') schema of a newer Broadsheet, `import` stored the changed
    files and only then refused (exit 2) — the newer version's notes left unchecked against the changed text. It
    refuses before writing anything."""
    import sqlite3

    src = tmp_path / "src" / "North China Herald" / "1930-04-21"
    src.mkdir(parents=True)
    (src / "01.txt").write_text(PAGE, encoding="utf-8")
    library = tmp_path / "lib"
    run(capsys, "import", str(tmp_path / "src"), "--library", str(library), "--quiet")
    run(capsys, "annotations", "list", "--library", str(library))  # the stores made
    run(capsys, "correct", "list", "--library", str(library))
    with sqlite3.connect(library / "catalogue.sqlite") as db:
        db.execute("INSERT INTO schema_version VALUES (?, 99, 'from a newer Broadsheet', '2030-01-01')", (component,))
        before = db.execute("SELECT sha256 FROM sources").fetchall()
    (src / "01.txt").write_text("A new first paragraph.\n\n" + PAGE, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(tmp_path / "src"), "--library", str(library), "--quiet"]) == 2
    assert "newer" in capsys.readouterr().err
    with sqlite3.connect(library / "catalogue.sqlite") as db:
        assert db.execute("SELECT sha256 FROM sources").fetchall() == before
