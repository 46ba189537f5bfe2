"""The work report after an import into a shared library names and counts the importer's own work only.

Seen: the library's owner (the role owning the tables, which row-level security does not hold back) re-read an
edited file; the report printed after it counted every researcher's notes and corrections as "your work" and
quoted a colleague's PRIVATE highlight — "annotation … is orphaned: its passage '公园散步' was not found again" —
and his private correction's words. One's own work is said as before; colleagues' work one may see (shared with
the group one is in, or public) is counted in one clause, nothing of it quoted; another's private work is neither
said nor counted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.annotations.store import AnnotationStore, highlight
from reader.corrections.store import CorrectionStore, correct_text
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from tests.clirun import run_cli
from tests.pgcluster import team

PAGE = ("第一篇文章\n\n今天天气很好，我们去公园散步。\n\n第二段讲的是别的事情，图书馆开门了。\n\n"
        "第三段说的是博物馆的新展览。\n")
#: bob's passage gone, the owner's and alice's moved along their paragraphs
EDITED = ("第一篇文章\n\n今天天气很好，我们去博物馆参观。\n\n（补）第二段讲的是别的事情，图书馆开门了。\n\n"
          "（补）第三段说的是博物馆的新展览。\n")


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PostgreSQL library's local index folder lives in the test's own cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _note(lib: Library, words: str, note: str, visibility: str = "private") -> str:
    """A highlight on ``words`` of the library's one article, made by ``lib``'s role; its id."""
    [info] = lib.articles()
    art = lib.article(info.id)
    at = art.text.index(words)
    made = highlight(art, at, at + len(words), note=note)
    made.source, made.visibility = info.source, visibility
    return AnnotationStore.of(lib).add(made).id


def _shared(pg_cluster: Any, tmp_path: Path, tag: str) -> tuple[str, Path, Library]:
    """A shared library holding one page, imported by its owner; researchers ``{tag}alice`` and ``{tag}bob`` of one
    group: (its URL, the page's folder, the library opened as its owner)."""
    url = pg_cluster.create_database(f"{tag}_" + tmp_path.name[-10:].lower().replace("-", "_"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    admin = Library.open(url)
    import_paths(admin, [src])
    AnnotationStore.of(admin)
    CorrectionStore.of(admin)
    team(url, f"{tag}group", f"{tag}alice", f"{tag}bob")
    admin.grant(f"{tag}group")
    return url, src, admin


def test_the_owners_import_report_says_only_the_owners_work_and_counts_what_colleagues_share(
        pg_cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, src, admin = _shared(pg_cluster, tmp_path, "wr")
    mine = _note(admin, "图书馆开门了", "the owner's")
    alice = Library.open(url.replace("broadsheet@", "wralice@"))
    hers = _note(alice, "新展览", "alice's, for everyone", "public")
    bob = Library.open(url.replace("broadsheet@", "wrbob@"))
    his = _note(bob, "公园散步", "bob's alone")
    [info] = bob.articles()
    art = bob.article(info.id)
    at = art.text.index("公园")
    fix = CorrectionStore.of(bob).add(correct_text(art, at, at + 2, "公圆"))  # private, his
    (src / "page.txt").write_text(EDITED, encoding="utf-8")

    said = run_cli(capsys, "import", "--quiet", "--library", url, str(src))

    assert "公园" not in said and his not in said and fix.id not in said, said
    assert hers not in said and "新展览" not in said, said  # a colleague's shared note: counted, not quoted
    assert ("your work: 0 annotation(s) in place, 1 re-attached, 0 orphaned; 0 correction(s) apply, 0 re-anchored, "
            "0 stale") in said, said
    assert "colleagues' work you may see: 1 note(s) followed their words, 0 orphaned" in said, said
    # the work itself followed its words, whoever's it is
    store = AnnotationStore.of(admin)
    assert store.get(mine).status == "moved" and store.get(hers).status == "moved"
    assert AnnotationStore.of(bob).get(his).orphaned
    for lib in (alice, bob, admin):
        lib.close()


def test_a_folder_library_reports_all_its_work_as_the_readers(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A folder is one reader's: every note in it is theirs, said and counted as before."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    folder = tmp_path / "lib"
    with Library.open(folder) as lib:
        import_paths(lib, [src])
        gone = _note(lib, "公园散步", "a walk")
        _note(lib, "新展览", "shared, in a folder", "public")
    (src / "page.txt").write_text(EDITED, encoding="utf-8")
    said = run_cli(capsys, "import", "--quiet", "--library", str(folder), str(src))
    assert f"annotation {gone} is orphaned: its passage '公园散步' was not found again" in said, said
    assert "your work: 0 annotation(s) in place, 1 re-attached, 1 orphaned" in said, said
    assert "colleagues'" not in said, said


def test_a_colleague_is_told_once_what_the_owners_import_did_to_his_notes(
        pg_cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The owner's import orphaned bob's private highlight and moved alice's; neither was told (the owner's report
    may not say it, and their next look found the notes placed already, orphaned "before"). Each is told of their
    own, at their next `annotations` command, once; nobody is told of another's."""
    url, src, admin = _shared(pg_cluster, tmp_path, "wn")
    mine = _note(admin, "图书馆开门了", "the owner's")
    alice = Library.open(url.replace("broadsheet@", "wnalice@"))
    hers = _note(alice, "新展览", "alice's, for everyone", "public")
    bob = Library.open(url.replace("broadsheet@", "wnbob@"))
    his = _note(bob, "公园散步", "bob's alone")
    (src / "page.txt").write_text(EDITED, encoding="utf-8")
    run_cli(capsys, "import", "--quiet", "--library", url, str(src))

    as_bob, as_alice = url.replace("broadsheet@", "wnbob@"), url.replace("broadsheet@", "wnalice@")
    told = run_cli(capsys, "annotations", "--library", as_bob, "list")
    assert (f"after an import by broadsheet, annotation {his} is orphaned: its passage '公园散步' was not found "
            "again") in told, told
    assert "your work after an import by broadsheet: 0 annotation(s) re-attached, 1 orphaned" in told, told
    again = run_cli(capsys, "annotations", "--library", as_bob, "list")
    assert "was not found again" not in again and "import by" not in again, again
    assert [note.id for note, _ in AnnotationStore.of(alice).news()] == [hers]  # hers only, kept till she looks
    told_her = run_cli(capsys, "annotations", "--library", as_alice, "list")
    assert "your work after an import by broadsheet: 1 annotation(s) re-attached, 0 orphaned" in told_her, told_her
    assert "公园散步" not in told_her and his not in told_her, told_her
    assert AnnotationStore.of(alice).news() == [] == AnnotationStore.of(bob).news()
    owners = run_cli(capsys, "annotations", "--library", url, "list")  # told in the import's report already
    assert "import by" not in owners and mine in owners, owners
    for lib in (alice, bob, admin):
        lib.close()


def test_whose_work_reads_as_the_policies_do_for_the_tables_owner_too(pg_cluster: Any, tmp_path: Path) -> None:
    """The owner of the tables is shown every row; what a colleague keeps private, or shares with a group the
    owner is not in, is not the owner's to see."""
    from reader.library.owners import Whose, whose_work

    url, _src, admin = _shared(pg_cluster, tmp_path, "ww")
    alice = Library.open(url.replace("broadsheet@", "wwalice@"))
    as_owner, as_alice = whose_work(admin.conn), whose_work(alice.conn)
    assert as_owner("broadsheet", "private") is Whose.MINE
    assert as_owner("wwbob", "private") is Whose.HIDDEN and as_alice("wwbob", "private") is Whose.HIDDEN
    assert as_owner("wwbob", "group") is Whose.HIDDEN and as_alice("wwbob", "group") is Whose.SHARED
    assert as_owner("wwbob", "public") is Whose.SHARED and as_alice("wwalice", "private") is Whose.MINE
    with Library.open(tmp_path / "folder") as folder:
        assert whose_work(folder.conn)("someone", "private") is Whose.MINE
    for lib in (alice, admin):
        lib.close()


#: every line of the page's article changed: it is gone, no rename recorded, nothing noted on it to follow
OTHER = "另一篇报道\n\n市场上的菜价又涨了。\n\n记者在街头采访了几位市民。\n"


def test_a_colleague_is_told_once_of_his_correction_and_collection_entry_the_owners_import_lost(
        pg_cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """trust42: the owner's import made bob's private correction stale and took away the article of his private
    collection's entry; the owner's report may not say it, and nobody told bob — his `correct list` said "no longer
    found", his collection marked the entry, as if it had always been so. He is told at his next command, once, of
    his own only; alice is told nothing of it; a later import tells him nothing again."""
    url, src, admin = _shared(pg_cluster, tmp_path, "wc")
    as_bob, as_alice = url.replace("broadsheet@", "wcbob@"), url.replace("broadsheet@", "wcalice@")
    bob = Library.open(as_bob)
    [info] = bob.articles()
    art = bob.article(info.id)
    at = art.text.index("公园")
    fix = CorrectionStore.of(bob).add(correct_text(art, at, at + 2, "公圆"))
    AnnotationStore.of(bob).create_collection("鲍勃的散步", "")
    AnnotationStore.of(bob).add_to_collection("鲍勃的散步", info.id)
    bob.close()
    (src / "page.txt").write_text(OTHER, encoding="utf-8")
    said = run_cli(capsys, "import", "--quiet", "--library", url, str(src))
    assert fix.id not in said and "鲍勃" not in said, said

    told = run_cli(capsys, "collection", "--library", as_bob, "list")
    assert (f"after an import by broadsheet, correction {fix.id} (text) no longer applies:") in told, told
    assert (f"after an import by broadsheet, collection '鲍勃的散步' names article {info.id}, which is no longer in "
            "the library") in told, told
    assert ("your work after an import by broadsheet: 0 annotation(s) re-attached, 0 orphaned; 1 correction(s) no "
            "longer apply; 0 collection entr(ies) followed their words, 1 gone") in told, told
    again = run_cli(capsys, "correct", "--library", as_bob, "list")
    assert "import by" not in again and "no longer found" in again, again  # listed as ever, not told again
    hers = run_cli(capsys, "collection", "--library", as_alice, "list")
    assert "import by" not in hers and "鲍勃" not in hers, hers
    with Library.open(as_alice) as alice:
        assert alice.conn.execute("SELECT * FROM reader_memory").fetchall() == []
    (src / "more.txt").write_text("又一篇\n\n别的内容。\n", encoding="utf-8")
    run_cli(capsys, "import", "--quiet", "--library", url, str(src))
    later = run_cli(capsys, "annotations", "--library", as_bob, "list")
    assert "import by" not in later, later
    admin.close()


#: the page's article re-cut: its words now in an article of another first line (no rename recorded)
RECUT = ("新的一篇报道\n\n市里开了一个很长的会议，讨论了明年的预算和道路。\n\n第一篇文章：天气\n\n"
         "今天的天气真的非常好，我们去公园散步。\n\n第二段讲的是别的事情。\n")


def test_a_colleague_is_told_where_his_collection_entry_followed_his_notes_words(
        pg_cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The owner's import re-cut bob's article; his note followed its words into another article and his private
    collection's entry followed it there. He is told both at his next `collection` command."""
    url, src, admin = _shared(pg_cluster, tmp_path, "wf")
    as_bob = url.replace("broadsheet@", "wfbob@")
    bob = Library.open(as_bob)
    [info] = bob.articles()
    his = _note(bob, "公园散步", "bob's walk")
    AnnotationStore.of(bob).create_collection("散步", "")
    AnnotationStore.of(bob).add_to_collection("散步", info.id)
    (src / "page.txt").write_text(RECUT, encoding="utf-8")
    said = run_cli(capsys, "import", "--quiet", "--library", url, str(src))
    assert "散步" not in said, said
    holder = AnnotationStore.of(bob).get(his).article
    assert holder != info.id and AnnotationStore.of(bob).collection("散步").items == [holder]

    told = run_cli(capsys, "collection", "--library", as_bob, "show", "散步")
    assert (f"after an import by broadsheet, collection '散步': article {info.id} is gone, the entry now names "
            f"article {holder}, where the words noted on it went") in told, told
    assert f"after an import by broadsheet, annotation {his} on '公园散步' is now on article {holder}" in told, told
    assert "1 collection entr(ies) followed their words, 0 gone" in told, told
    assert "import by" not in run_cli(capsys, "collection", "--library", as_bob, "show", "散步")
    bob.close()
    admin.close()
