"""The researcher's work follows its articles through ordinary events, or the reader is told it did not.

Three events a tester found losing work silently while the command line said it was kept:

* a source file moved to another folder (same bytes): its corrections were anchored on the old path and all went
  stale, though the import said "its articles and your work on them are kept";
* a one-character OCR fix in an article's first line, re-imported: the article's id changed; its notes followed
  it, its corrections and collection entries stayed on the old id (search, ``correct list``/``undo`` and the
  collection lost them);
* a backup restored into a library of the same archive imported from another folder: every article id differs;
  notes were listed "attached" on articles that do not exist, collections pointed nowhere, corrections applied
  nowhere.

Run through the command line in this process (``reader.cli.main.main``) on a copy of ``tests/data``'s seed page.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.annotations.store import AnnotationStore
from reader.cli.main import main
from reader.library.catalogue import Library

DATA = Path(__file__).resolve().parents[1] / "data"
#: a phrase of the article corrected, of one merged into another, and of the one it is merged into
LAO_DING, XIAO_HUAGONG, LI_WEI = "老丁名叫丁冬", "小化工", "李伟涉嫌受贿"
WRONG, RIGHT = "钟华琴", "钟华芹"


class Cli:
    """The command line, run in this process against one library."""

    def __init__(self, capsys: pytest.CaptureFixture[str], library: Path) -> None:
        self.capsys = capsys
        self.library = library
        self.err = ""

    def __call__(self, *args: str, library: Path | None = None) -> str:
        self.capsys.readouterr()
        status = main([*args, "--library", str(library or self.library)])
        out = self.capsys.readouterr()
        self.err = out.err
        assert status == 0, (args, out.err)
        return out.out

    def article_of(self, phrase: str, library: Path | None = None) -> str:
        hits = json.loads(self("search", "--json", phrase, "--limit", "1", library=library))["hits"]
        assert hits, phrase
        return str(hits[0]["article"])

    def hits(self, phrase: str) -> int:
        return len(json.loads(self("search", "--json", phrase))["hits"])

    def correct_word(self, article: str, wrong: str, right: str) -> None:
        lib = Library(self.library)
        try:
            start = lib.article(article).text.index(wrong)
        finally:
            lib.close()
        self("correct", "text", article, str(start), str(start + len(wrong)), right)


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(DATA / "text" / "seed_page.txt", folder / "seed_page.txt")
    return folder


@pytest.fixture
def cli(tmp_path: Path, src: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    run = Cli(capsys, tmp_path / "lib")
    run("import", str(src), "--quiet")
    return run


def test_moving_a_source_keeps_every_correction_applying(cli: Cli, src: Path) -> None:
    a, c, z = cli.article_of(LAO_DING), cli.article_of(XIAO_HUAGONG), cli.article_of(LI_WEI)
    cli.correct_word(a, WRONG, RIGHT)
    cli("correct", "merge", c, z)
    cli("correct", "split", a, "17")
    assert cli.hits(RIGHT) == 1
    (src / "2021").mkdir()
    (src / "seed_page.txt").rename(src / "2021" / "seed_page.txt")

    cli("import", str(src), "--quiet")

    # the folder's name is the publication the file is filed under (it has no other): the move re-files it
    assert "seed_page.txt moved to" in cli.err and "now of 2021, from its folder's name" in cli.err, cli.err
    assert "stale" not in cli.err.replace("0 stale", ""), cli.err
    assert "3 correction(s) apply" in cli.err, cli.err
    hits = json.loads(cli("search", "--json", RIGHT))["hits"]
    assert [h["article"] for h in hits] == [f"{a}~p1.l168"]  # the piece split off holds it
    assert RIGHT in cli("show", f"{a}~p1.l168")
    listed = json.loads(cli("correct", "list", "--json"))
    assert {c["kind"] for c in listed} == {"text", "merge", "split"}
    assert all(c["data"]["anchors"]["source"] == str(src / "2021" / "seed_page.txt") for c in listed)


def test_moving_a_source_moves_its_notes_source_too(cli: Cli, src: Path) -> None:
    a = cli.article_of(LAO_DING)
    cli("annotations", "add", a, "--quote", LAO_DING, "--note", "N1")
    (src / "2021").mkdir()
    (src / "seed_page.txt").rename(src / "2021" / "seed_page.txt")
    cli("import", str(src), "--quiet")
    lib = Library(cli.library)
    try:
        row = lib.conn.execute("SELECT article, source, status FROM annotations").fetchone()
    finally:
        lib.close()
    assert tuple(row) == (a, str(src / "2021" / "seed_page.txt"), "attached")


def test_a_source_moved_and_edited_replaces_its_former_self_and_the_work_follows(cli: Cli, src: Path) -> None:
    """Seen by eye: a file edited (a paragraph removed) and moved to another folder, then imported: the library
    held both copies (the old one with the removed text, each article twice in search), and the notes, the split
    and the collection entry stayed on the old copy, whose file is gone. The file is recognised by its name and
    its lines, read as its former self changed, and the import says so."""
    a, z = cli.article_of(LAO_DING), cli.article_of(LI_WEI)
    cli.correct_word(a, WRONG, RIGHT)
    cli("annotations", "add", a, "--quote", LAO_DING, "--note", "N1")
    cli("collection", "create", "C1")
    cli("collection", "add", "C1", a, z)
    before = len(json.loads(cli("search", "--json", "的", "--limit", "1000"))["hits"])
    page = src / "seed_page.txt"
    lines = page.read_text(encoding="utf-8").split("\n")
    removed = next(ln for ln in lines if XIAO_HUAGONG in ln)
    (src / "moved").mkdir()
    (src / "moved" / "seed_page.txt").write_text("\n".join(ln for ln in lines if ln != removed), encoding="utf-8")
    page.unlink()

    cli("import", str(src), "--quiet")
    said = cli.err
    assert "moved from" in said and "changed" in said, said
    lib = Library(cli.library)
    try:
        assert [s.path for s in lib.sources()] == [str(src / "moved" / "seed_page.txt")]
    finally:
        lib.close()
    assert len(json.loads(cli("search", "--json", "的", "--limit", "1000"))["hits"]) <= before
    new = cli.article_of(LAO_DING)
    assert cli.hits(RIGHT) == 1, "the correction applies"
    notes = json.loads(cli("annotations", "list", "--json"))
    assert [(n["article"], n["status"] != "orphaned") for n in notes] == [(new, True)]
    assert cli("collection", "show", "C1", "--ids").split() == [new, cli.article_of(LI_WEI)]


def test_the_next_days_page_under_the_same_name_is_another_page(cli: Cli, tmp_path: Path) -> None:
    """Review: the next day's page, repeating most of the day before's (standing adverts), named like it, the day
    before's file gone from its disk: it replaced the day before — its issue and its notes moved onto the next day."""
    base = (DATA / "text" / "seed_page.txt").read_text(encoding="utf-8").replace("季报五访", "季报5访")  # not a copy
    day1 = tmp_path / "arch" / "人民日报" / "2021-01-27" / "p4.txt"
    day2 = tmp_path / "arch" / "人民日报" / "2021-01-28" / "p4.txt"
    day1.parent.mkdir(parents=True)
    day1.write_text(base, encoding="utf-8")
    cli("import", str(day1.parent), "--quiet")
    a = cli.article_of(LAO_DING + " date:2021-01-27")
    cli("annotations", "add", a, "--quote", LAO_DING, "--note", "27 January")
    day1.unlink()
    day2.parent.mkdir(parents=True)
    day2.write_text(base.replace(LI_WEI, "王某涉嫌受贿"), encoding="utf-8")
    cli("import", str(day2.parent), "--quiet")
    assert "moved from" not in cli.err, cli.err
    assert len(json.loads(cli("search", "--json", "季报5访"))["hits"]) == 2, "both days"
    [note] = json.loads(cli("annotations", "list", "--json"))
    assert note["article"] == a


def test_a_source_renamed_where_it_was_and_edited_replaces_its_former_self(cli: Cli, src: Path) -> None:
    """Seen by a tester: 04.txt renamed p4.txt (a better OCR delivered) and edited: kept twice, search hitting
    both, the note on the copy whose file is gone."""
    a = cli.article_of(LAO_DING)
    cli("annotations", "add", a, "--quote", LAO_DING, "--note", "N1")
    page = src / "seed_page.txt"
    (src / "p4.txt").write_text(page.read_text(encoding="utf-8").replace("季报五访", "季报六访"), encoding="utf-8")
    page.unlink()
    cli("import", str(src), "--quiet")
    assert "moved from" in cli.err and "changed" in cli.err, cli.err
    assert cli.hits(LAO_DING) == 1
    [note] = json.loads(cli("annotations", "list", "--json"))
    assert note["article"] == cli.article_of(LAO_DING) and note["status"] != "orphaned"


def test_a_mets_issue_folder_moved_keeps_its_issue_and_the_notes_on_it(capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path) -> None:
    """Seen by eye: a METS/ALTO issue's folder moved and imported again — "moved from …; its articles and your work
    on them are kept", then its eight page files imported again on their own (a new undated publication named
    after the folder): sources 9, issues 2, every article twice, search hitting both."""
    cli = Cli(capsys, tmp_path / "lib")
    shutil.copytree(DATA / "samples" / "mets-alto" / "bl_statesman_1824-02-17", tmp_path / "a")
    cli("import", str(tmp_path / "a"), "--quiet")
    stats = cli("stats")
    a = cli.article_of("Statesman")
    lib = Library(cli.library)
    try:
        quote = lib.article(a).text.split()[0]
    finally:
        lib.close()
    cli("annotations", "add", a, "--quote", quote, "--note", "N1")
    hits = cli.hits("Statesman")
    (tmp_path / "a").rename(tmp_path / "b")
    cli("import", str(tmp_path / "b"), "--quiet")
    assert "moved from" in cli.err and "imported 0 file(s)" in cli.err, cli.err
    assert cli("stats") == stats and cli.hits("Statesman") == hits
    [note] = json.loads(cli("annotations", "list", "--json"))
    assert note["article"] == a and note["status"] == "attached", note
    cli("import", str(tmp_path / "b"), "--quiet")
    assert "imported 0 file(s)" in cli.err and "1 unchanged" in cli.err and "moved" not in cli.err, cli.err


def test_an_import_stopped_before_its_work_check_has_it_done_by_the_next(cli: Cli, src: Path) -> None:
    """Seen by a tester: an import killed after storing a changed file and before checking the reader's work left
    a note "attached" on words that are gone; the next import found every file unchanged, checked nothing, and the
    orphan was never said."""
    from reader.library.importer import import_paths

    a = cli.article_of(LAO_DING)
    cli("annotations", "add", a, "--quote", LAO_DING, "--note", "N1")
    page = src / "seed_page.txt"
    page.write_text(page.read_text(encoding="utf-8").replace(LAO_DING, "一段全新的文字"), encoding="utf-8")
    lib = Library.open(cli.library)
    try:
        assert import_paths(lib, [src]).imported  # stored; the process then dies before `check_work`
    finally:
        lib.close()
    cli("import", str(src), "--quiet")
    assert "1 unchanged" in cli.err and "is orphaned" in cli.err, cli.err
    [note] = json.loads(cli("annotations", "list", "--json"))
    assert note["status"] == "orphaned"
    cli("import", str(src), "--quiet")
    assert "is orphaned" not in cli.err, "said once"


def test_a_note_whose_words_changed_in_the_source_keeps_the_words_it_was_made_on(cli: Cli, src: Path,
                                                                                  tmp_path: Path) -> None:
    """Seen by eye: the very words a note was made on were changed in the source (知事识人 → 知人识事) and the file
    imported again; the note was moved onto the new words, its quote replaced, counted "re-attached" like a note
    whose words merely moved — the words it was made on recorded nowhere. They are kept, the import names the
    change, and the list and the export give both."""
    a = cli.article_of(LAO_DING)
    cli("annotations", "add", a, "--quote", LAO_DING, "--note", "N1")
    page = src / "seed_page.txt"
    text = page.read_text(encoding="utf-8")
    assert text.count(LAO_DING) == 1
    page.write_text(text.replace(LAO_DING, LAO_DING.replace("丁冬", "丁东")), encoding="utf-8")

    cli("import", str(src), "--quiet")
    said = cli.err
    assert f"{LAO_DING!r}" in said and "丁东" in said and "changed" in said, said
    [note] = json.loads(cli("annotations", "list", "--json"))
    assert note["quote"] == LAO_DING.replace("丁冬", "丁东") and note["made_on"] == LAO_DING
    assert note["status"] != "orphaned"
    backup = tmp_path / "notes.json"
    cli("annotations", "export", "--output", str(backup))
    assert LAO_DING in backup.read_text(encoding="utf-8")
    assert main(["library", "init", str(tmp_path / "other")]) == 0  # a new, empty library (only import makes one)
    cli("annotations", "import", str(backup), library=tmp_path / "other")
    [again] = json.loads(cli("annotations", "list", "--json", library=tmp_path / "other"))
    assert again["made_on"] == LAO_DING


def test_a_correction_re_anchored_once_is_said_once(cli: Cli, src: Path) -> None:
    """Seen by eye: every import after one that moved a corrected line said again "correction … re-anchored: line
    p1.l11 is now p1.l13" — the new anchor was never kept, so the warning never went away."""
    a = cli.article_of(LAO_DING)
    cli.correct_word(a, WRONG, RIGHT)
    page = src / "seed_page.txt"
    page.write_text("第一行\n\n第二行\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    cli("import", str(src), "--quiet")
    assert "re-anchored: its text moved" in cli.err, cli.err
    page.write_text(page.read_text(encoding="utf-8") + "\n末尾又加一行。\n", encoding="utf-8")
    cli("import", str(src), "--quiet")
    assert "re-anchored: its text moved" not in cli.err and "0 re-anchored" in cli.err, cli.err
    assert cli.hits(RIGHT) == 1
    [listed] = json.loads(cli("correct", "list", "--json"))
    lines = set(listed["data"]["anchors"]["lines"])
    lib = Library(cli.library)
    try:
        issue = lib.article_info(cli.article_of(RIGHT)).issue_id
        held = {ln.id for p in lib.pages(issue) for ln in lib.page(p.id).lines}
    finally:
        lib.close()
    assert lines <= held, "the stored correction names its lines as they are now"


def test_an_article_whose_first_line_is_fixed_keeps_its_corrections_and_collection_entries(cli: Cli,
                                                                                          src: Path) -> None:
    a, z = cli.article_of(LAO_DING), cli.article_of(LI_WEI)
    cli.correct_word(a, WRONG, RIGHT)
    cli("correct", "split", a, "17")
    split_off = f"{a}~p1.l168"
    cli("annotations", "add", a, "--quote", LAO_DING, "--note", "N1")
    cli("collection", "create", "C1")
    cli("collection", "add", "C1", a, z)
    lib = Library(cli.library)
    try:  # a piece split off is an article of the reader's (the window adds it; `collection add` checks the catalogue)
        AnnotationStore.of(lib).add_to_collection("C1", split_off)
    finally:
        lib.close()
    page = src / "seed_page.txt"
    lines = page.read_text(encoding="utf-8").split("\n")
    assert "画像" in lines[1]
    lines[1] = lines[1].replace("画像", "画象")
    page.write_text("\n".join(lines), encoding="utf-8")

    cli("import", str(src), "--quiet")
    said = cli.err
    new = cli.article_of(LAO_DING)

    assert new != a  # the id is its first line's: a new one (the work follows it, below)
    assert f"article {a} is now {new}" in said, said  # the report says which article became which
    assert "2 correction(s), 1 annotation(s) and 2 collection entr(ies) follow" in said, said
    assert "stale" not in said.replace("0 stale", ""), said
    assert cli.hits(RIGHT) == 1
    assert json.loads(cli("search", "--json", RIGHT))["hits"][0]["article"] == f"{new}~p1.l168"
    listed = json.loads(cli("correct", "list", "--article", new, "--json"))
    assert {c["kind"] for c in listed} == {"text", "split"}
    assert cli("collection", "show", "C1", "--ids").split() == [new, z, f"{new}~p1.l168"]
    notes = json.loads(cli("annotations", "list", "--json"))
    assert [(n["article"], n["status"]) for n in notes] == [(new, "attached")]
    cli("correct", "undo", "--article", new)
    assert "nothing to undo" not in cli.err
    assert len(json.loads(cli("correct", "list", "--json"))) == 1
    # the old id, printed in every citation exported before, still names the article (seen by a tester: "there
    # is no article" from show, cite and export)
    shown = json.loads(cli("show", a, "--json"))
    assert shown["article"] == new and f"article {a} is now {new}" in cli.err
    assert new in cli("cite", a, "--style", "bibtex") and f"article {a} is now {new}" in cli.err


def _imported_elsewhere(cli: Cli, src: Path, tmp_path: Path) -> tuple[Path, str, str]:
    """(a second library of a copy of the archive at another path, its articles of LAO_DING and LI_WEI)."""
    archive = tmp_path / "archive"
    shutil.copytree(src, archive)
    lib2 = tmp_path / "lib2"
    cli("import", str(archive), "--quiet", library=lib2)
    return lib2, cli.article_of(LAO_DING, library=lib2), cli.article_of(LI_WEI, library=lib2)


def test_a_backup_restored_into_the_same_archive_imported_elsewhere_finds_its_articles(cli: Cli, src: Path,
                                                                                       tmp_path: Path) -> None:
    a, z = cli.article_of(LAO_DING), cli.article_of(LI_WEI)
    cli("annotations", "add", a, "--quote", LAO_DING, "--note", "N1")
    cli("collection", "create", "C1")
    cli("collection", "add", "C1", a, z)
    cli.correct_word(a, WRONG, RIGHT)
    backup = tmp_path / "backup.json"
    cli("annotations", "export", "-o", str(backup))
    lib2, a2, z2 = _imported_elsewhere(cli, src, tmp_path)
    assert a2 != a

    out = cli("annotations", "import", str(backup), library=lib2)

    assert "1 annotation(s)" in out and "1 new correction(s)" in out
    notes = json.loads(cli("annotations", "list", "--json", library=lib2))
    assert [(n["article"], n["status"]) for n in notes] == [(a2, "attached")]
    assert cli("collection", "show", "C1", "--ids", library=lib2).split() == [a2, z2]
    assert RIGHT in cli("show", a2, library=lib2)
    assert len(json.loads(cli("search", "--json", RIGHT, library=lib2))["hits"]) == 1
    assert "0 orphaned" in cli("annotations", "reattach", library=lib2)


def test_a_restored_note_that_cannot_be_placed_is_orphaned_not_attached(cli: Cli, tmp_path: Path) -> None:
    a = cli.article_of(LAO_DING)
    cli("annotations", "add", a, "--quote", LAO_DING, "--note", "N1")
    backup = tmp_path / "backup.json"
    cli("annotations", "export", "-o", str(backup))
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(DATA / "text" / "rendered_page.txt", other / "rendered_page.txt")
    lib2 = tmp_path / "lib2"
    cli("import", str(other), "--quiet", library=lib2)

    cli("annotations", "import", str(backup), library=lib2)
    said = cli.err

    notes = json.loads(cli("annotations", "list", "--json", library=lib2))
    assert [n["status"] for n in notes] == ["orphaned"]
    assert f"annotation {notes[0]['id']} is orphaned" in said, said


#: the note of the restore tests: on the first article, in words the second re-import changes (马骏 → 马俊)
MA_JUN = "马骏提交了自己第三季度"


def _prepend(page: Path, *lines: str) -> None:
    page.write_text("".join(f"{ln}\n\n" for ln in lines) + page.read_text(encoding="utf-8"), encoding="utf-8")


def test_a_backup_restored_after_re_imports_renamed_its_article_follows_the_renames(cli: Cli, src: Path,
                                                                                    tmp_path: Path) -> None:
    """Seen by a tester: a backup made before a re-import changed an article's id (A → A'), restored: "1 article(s)
    of the backup's collections were added", and the collection listed A' and "A (no longer in the library)" —
    the restore did not map the backup's ids through the library's own renames (``article_renames``). A chain of
    renames (A → A' → A'') is followed to its end."""
    a = cli.article_of("干得好就能看得见")
    cli("annotations", "add", a, "--quote", MA_JUN, "--note", "N1")
    cli("collection", "create", "C")
    cli("collection", "add", "C", a)
    backup = tmp_path / "backup.json"
    cli("annotations", "export", "-o", str(backup))
    page = src / "seed_page.txt"
    _prepend(page, "新增的头条消息一行", "再加一行说明文字")
    cli("import", str(src), "--quiet")
    said = cli.err
    a1 = cli.article_of("干得好就能看得见")
    assert a1 != a and f"article {a} is now {a1}" in said, said
    _prepend(page, "又一条新闻的标题")
    cli("import", str(src), "--quiet")
    said = cli.err
    a2 = cli.article_of("干得好就能看得见")
    assert a2 not in (a, a1) and f"article {a1} is now {a2}" in said, said

    out = cli("annotations", "import", str(backup))

    assert "were added" not in cli.err, cli.err
    assert cli("collection", "show", "C", "--ids").split() == [a2]
    notes = json.loads(cli("annotations", "list", "--json"))
    assert [(n["article"], n["status"] != "orphaned") for n in notes] == [(a2, True)], notes
    assert "orphaned" not in cli.err, cli.err
    assert "1 collection(s)" in out, out


def test_a_restore_keeps_a_note_re_attached_since_the_backup(cli: Cli, src: Path, tmp_path: Path) -> None:
    """Seen by a tester: the note's words changed in the source (马骏 → 马俊) with the article's id; the import
    re-attached the note ("made on “马骏…”"); restoring the backup made before put the backup's copy back on the
    dead id, "annotation … is orphaned: its passage '马骏提交了自己第三季度' is not in this library", and
    ``annotations reattach`` could not repair it. The note here is the same note, not edited since the backup:
    the library's (re-attached) copy is kept, and the reader is told."""
    a = cli.article_of("干得好就能看得见")
    cli("annotations", "add", a, "--quote", MA_JUN, "--note", "N1")
    backup = tmp_path / "backup.json"
    cli("annotations", "export", "-o", str(backup))
    page = src / "seed_page.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("马骏提交", "马俊提交"), encoding="utf-8")
    _prepend(page, "新增的头条消息一行", "再加一行说明文字")
    cli("import", str(src), "--quiet")
    [before] = json.loads(cli("annotations", "list", "--json"))
    assert before["made_on"] == MA_JUN and before["quote"] != MA_JUN and before["status"] == "moved", before

    out = cli("annotations", "import", str(backup))
    said = cli.err

    [after] = json.loads(cli("annotations", "list", "--json"))
    assert {k: after[k] for k in ("article", "quote", "made_on", "status", "note")} == {
        k: before[k] for k in ("article", "quote", "made_on", "status", "note")}
    assert "orphaned" not in said, said
    assert "1 annotation(s) of the backup, not edited since it was made, are kept as they are here" in said, said
    assert out.startswith("0 annotation(s)"), out
    assert "0 orphaned" in cli("annotations", "reattach")


def test_a_backup_restored_twice_into_an_archive_imported_elsewhere_adds_nothing_the_second_time(
        cli: Cli, src: Path, tmp_path: Path) -> None:
    """Seen by a tester: restoring the same backup twice into a fresh library said "3 article(s) of the backup's
    collections were added" the second time, though the collection kept its entries (the backup's ids were
    counted before they were mapped to this library's, then folded into the entries already there)."""
    a, z = cli.article_of(LAO_DING), cli.article_of(LI_WEI)
    cli("collection", "create", "C1")
    cli("collection", "add", "C1", a, z)
    backup = tmp_path / "backup.json"
    cli("annotations", "export", "-o", str(backup))
    lib2, a2, z2 = _imported_elsewhere(cli, src, tmp_path)
    cli("annotations", "import", str(backup), library=lib2)
    assert cli("collection", "show", "C1", "--ids", library=lib2).split() == [a2, z2]
    cli("collection", "remove", "C1", z2, library=lib2)

    cli("annotations", "import", str(backup), library=lib2)
    assert "1 article(s) of the backup's collections were added" in cli.err, cli.err
    assert cli("collection", "show", "C1", "--ids", library=lib2).split() == [a2, z2]
    cli("annotations", "import", str(backup), library=lib2)
    assert "were added" not in cli.err, cli.err
    assert cli("collection", "show", "C1", "--ids", library=lib2).split() == [a2, z2]
