"""What each reader was already told is private to them.

Seen (trust42): the "said once" memories of an import — the collection entries already said gone, the corrections
already said no longer to apply — were kept in the library's ``meta`` table (``collection_entries_said_gone:<role>``),
and ``meta`` is readable by every researcher: a colleague's ``SELECT * FROM meta`` read the names of the owner's
PRIVATE collections and the articles in them. They are kept in ``reader_memory`` now (catalogue migration 10), one
row a reader and memory, which row-level security shows its reader only; a library of the Broadsheet before has them
moved there by its owner's next opening, and a folder remembers as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.annotations.store import AnnotationStore
from reader.corrections.store import CorrectionStore, correct_text
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.model.errors import BroadsheetError
from tests.clirun import run_cli
from tests.pgcluster import team

PAGE = "第一篇文章\n\n今天天气很好，我们去公园散步。\n\n第二段讲的是别的事情，图书馆开门了。\n"
#: every line of the article changed: it is gone, no rename recorded
OTHER = "另一篇报道\n\n市场上的菜价又涨了。\n\n记者在街头采访了几位市民。\n"
SECRET = "秘密收藏"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _shared(pg_cluster: Any, tmp_path: Path, tag: str) -> tuple[str, Path, Library]:
    url = pg_cluster.create_database(f"{tag}_" + tmp_path.name[-10:].lower().replace("-", "_"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    admin = Library.open(url)
    import_paths(admin, [src])
    AnnotationStore.of(admin)
    CorrectionStore.of(admin)
    team(url, f"{tag}group", f"{tag}alice")
    admin.grant(f"{tag}group")
    return url, src, admin


def _owners_private_work(admin: Library) -> str:
    """A private collection holding the page's article and a private correction on it, the owner's: the id."""
    [info] = admin.articles()
    store = AnnotationStore.of(admin)
    store.create_collection(SECRET, "")
    store.add_to_collection(SECRET, info.id)
    art = admin.article(info.id)
    at = art.text.index("公园")
    CorrectionStore.of(admin).add(correct_text(art, at, at + 2, "公圆"))
    return info.id


def test_a_colleague_reads_nothing_of_the_owners_memories(pg_cluster: Any, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    url, src, admin = _shared(pg_cluster, tmp_path, "pm")
    gone = _owners_private_work(admin)
    (src / "page.txt").write_text(OTHER, encoding="utf-8")
    said = run_cli(capsys, "import", "--quiet", "--library", url, str(src))
    assert f"collection '{SECRET}' names article {gone}, which is no longer in the library" in said, said
    assert "no longer applies" in said, said

    alice = Library.open(url.replace("broadsheet@", "pmalice@"))
    seen = json.dumps([list(r) for r in alice.conn.execute("SELECT * FROM meta").fetchall()], ensure_ascii=False)
    assert SECRET not in seen and gone not in seen, seen
    held = alice.conn.execute("SELECT * FROM reader_memory").fetchall()
    assert held == [], held
    alice.close()
    # the owner is still told once: the next import keeps the entry and the correction quietly
    (src / "more.txt").write_text("又一篇\n\n别的内容。\n", encoding="utf-8")
    again = run_cli(capsys, "import", "--quiet", "--library", url, str(src))
    assert SECRET not in again and "no longer applies" not in again and "1 stale" in again, again
    admin.close()


def _as_before(library: Library, owner: str, gone: str, fix: str) -> None:
    """The library as the Broadsheet before this one left it after an import that lost ``gone`` and ``fix``."""
    conn = library.conn
    conn.execute("BEGIN")
    conn.execute("DROP TABLE reader_memory")
    conn.execute("DELETE FROM schema_version WHERE component = 'catalogue' AND version >= 10")
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (f"collection_entries_said_gone:{owner}",
                                                                  json.dumps([[owner, SECRET, gone]])))
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (f"corrections_said_stale:{owner}", json.dumps([fix])))
    conn.execute("COMMIT")


def test_an_older_shared_library_is_brought_up_by_its_owner_and_refused_to_a_researcher_meanwhile(
        pg_cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, src, admin = _shared(pg_cluster, tmp_path, "pu")
    gone = _owners_private_work(admin)
    [fix] = CorrectionStore.of(admin).find()
    (src / "page.txt").write_text(OTHER, encoding="utf-8")
    import_paths(admin, [src])  # lost: said by nobody here, remembered below as the earlier Broadsheet did
    _as_before(admin, "broadsheet", gone, fix.id)
    admin.close()

    with pytest.raises(BroadsheetError) as refused:
        Library.open(url.replace("broadsheet@", "pualice@"))
    said = str(refused.value)
    assert "only the library's owner, broadsheet" in said and "version 10" in said, said

    with Library.open(url) as admin:
        assert admin.schema_versions()["catalogue"] == 11
        keys = [r[0] for r in admin.conn.execute("SELECT key FROM meta")]
        assert not [k for k in keys if "said" in k], keys
    (src / "more.txt").write_text("又一篇\n\n别的内容。\n", encoding="utf-8")
    again = run_cli(capsys, "import", "--quiet", "--library", url, str(src))
    assert SECRET not in again and "no longer applies" not in again and "1 stale" in again, again
    with Library.open(url.replace("broadsheet@", "pualice@")) as alice:
        assert alice.conn.execute("SELECT * FROM reader_memory").fetchall() == []


def test_an_older_folder_library_keeps_what_it_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder of the Broadsheet before: its memories move out of ``meta`` and the entry is not said again."""
    from reader.library.owners import os_user

    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    folder = tmp_path / "lib"
    with Library.open(folder) as lib:
        import_paths(lib, [src])
        gone = _owners_private_work(lib)
        [fix] = CorrectionStore.of(lib).find()
        (src / "page.txt").write_text(OTHER, encoding="utf-8")
        import_paths(lib, [src])
        _as_before(lib, os_user(), gone, fix.id)
    (src / "more.txt").write_text("又一篇\n\n别的内容。\n", encoding="utf-8")
    again = run_cli(capsys, "import", "--quiet", "--library", str(folder), str(src))
    assert SECRET not in again and "no longer applies" not in again and "1 stale" in again, again
    with Library.open(folder) as lib:
        assert lib.schema_versions()["catalogue"] == 11
        assert not [r for r in lib.conn.execute("SELECT key FROM meta") if "said" in r[0]]


def test_what_a_reader_was_told_is_forgotten_only_if_nothing_was_added_meanwhile(tmp_path: Path) -> None:
    """The reader is told their news, then it is forgotten — unless an import wrote more in between: kept, told at the
    next look (forgetting it whatever it held lost what the import had just added)."""
    with Library.open(tmp_path / "lib") as lib:
        lib.remember("news", "A")
        lib.remember("news", "A and B")  # the owner's import told more while the reader was being told A
        assert not lib.forget("news", "A") and lib.memory("news") == "A and B"
        assert lib.forget("news", "A and B") and lib.memory("news") is None
        lib.remember("news", "C", owner="someone else")
        assert lib.memory("news") is None and lib.memory("news", owner="someone else") == "C"
        assert lib.memory_owners("news") == ["someone else"]
