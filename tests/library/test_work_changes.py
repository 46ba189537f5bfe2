"""The library counts changes to the researcher's work (reader.library.changes), whoever writes them.

An open window learns from these counters that another process (a command in a terminal, a colleague on a
shared library) changed annotations, collections or corrections. Each write through the stores, and a write
that bypasses them, moves its component's counter and no other; on PostgreSQL a researcher's role moves it
without any grant on the counters' table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.annotations.store import Annotation, AnnotationStore
from reader.app.samples import samples_folder
from reader.corrections.store import Correction, CorrectionStore
from reader.library.catalogue import Library
from reader.library.changes import work_changes
from reader.library.importer import import_paths
from tests.pgcluster import team


@pytest.fixture(scope="module")
def samples_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("changes") / "lib"
    lib = Library.open(folder)
    import_paths(lib, [samples_folder()])
    lib.close()
    return folder


@pytest.fixture(params=["sqlite", "postgres"])
def two(request: pytest.FixtureRequest, tmp_path: Path, samples_library: Path) -> Iterator[tuple[Library, Library]]:
    """The same library opened twice, as a window and a command in another process would."""
    import shutil

    if request.param == "sqlite":
        shutil.copytree(samples_library, tmp_path / "lib")
        first, second = Library.open(tmp_path / "lib"), Library.open(tmp_path / "lib")
    else:
        url = request.getfixturevalue("pg_url")
        first = Library.open(url)
        import_paths(first, [samples_folder()])
        second = Library.open(url)
    AnnotationStore.of(first)
    CorrectionStore.of(first)
    yield first, second
    second.close()
    first.close()


def test_each_write_moves_its_components_counter_only(two: tuple[Library, Library]) -> None:
    window, other = two
    start = work_changes(window.conn)
    assert {"annotations", "corrections"} <= set(start)
    article = other.articles()[0].id
    notes = AnnotationStore.of(other)

    def moved() -> set[str]:
        now = work_changes(window.conn)
        changed = {k for k in now if now[k] != start.get(k)}
        start.update(now)
        return changed

    note = notes.add(Annotation(article=article, note="seen elsewhere", tags=["滇緬路"]))
    assert moved() == {"annotations"}
    notes.update(dataclasses.replace(note, note="edited"))
    assert moved() == {"annotations"}
    notes.create_collection("burma road")
    assert moved() == {"annotations"}
    notes.add_to_collection("burma road", article)
    assert moved() == {"annotations"}
    notes.delete(note.id)  # its tags go by cascade
    assert moved() == {"annotations"}
    fix = CorrectionStore.of(other).add(Correction("headline", article, {"line": other.article(article).line_ids()[0]}))
    assert moved() == {"corrections"}
    CorrectionStore.of(other).delete(fix.id)
    assert moved() == {"corrections"}
    assert moved() == set()  # reading moves nothing
    # a write that bypasses the stores is counted too
    other.conn.execute("DELETE FROM collection_items")
    other.conn.commit()
    assert moved() == {"annotations"}


def test_a_researchers_role_moves_the_counter_without_a_grant_on_it(pg_cluster: Any, tmp_path: Path) -> None:
    url = pg_cluster.create_database("wc_" + tmp_path.name[-10:].lower().replace("-", "_"))
    admin = Library.open(url)
    import_paths(admin, [samples_folder()])
    AnnotationStore.of(admin)
    CorrectionStore.of(admin)
    team(url, "readers_wc", "dora_wc", "emil_wc")
    admin.grant("readers_wc")
    dora = Library.open(url.replace("broadsheet@", "dora_wc@"))
    emil = Library.open(url.replace("broadsheet@", "emil_wc@"))
    before = work_changes(emil.conn)
    AnnotationStore.of(dora).add(Annotation(article=admin.articles()[0].id, note="private"))
    after = work_changes(emil.conn)
    # emil cannot read dora's private note, but learns that the annotations changed (and re-reads what he may see)
    assert after["annotations"] > before["annotations"] and after["corrections"] == before["corrections"]
    assert AnnotationStore.of(emil).find() == []
    for lib in (dora, emil, admin):
        lib.close()


def test_an_import_or_a_reindex_that_changed_the_library_is_counted_once(tmp_path: Path, data_dir: Path) -> None:
    """An open window re-reads the library after another process's import: once, when that import has ended
    (its syncs along the way are not announced: the window would re-read a library half imported)."""
    from reader.index import store as sindex

    lib = Library.open(tmp_path / "lib")
    AnnotationStore.of(lib)
    try:
        start = work_changes(lib.conn).get("catalogue", 0)
        import_paths(lib, [samples_folder()])
        assert work_changes(lib.conn)["catalogue"] == start + 1
        import_paths(lib, [samples_folder()])  # every file unchanged: nothing to re-read
        assert work_changes(lib.conn)["catalogue"] == start + 1
        sindex.sync(lib)  # nothing to add
        assert work_changes(lib.conn)["catalogue"] == start + 1
        sindex.rebuild(lib)
        assert work_changes(lib.conn)["catalogue"] == start + 2
    finally:
        lib.close()


def test_every_table_of_the_readers_work_is_counted_after_every_migration(two: tuple[Library, Library]) -> None:
    """A later migration that rebuilds a table (SQLite cannot alter a constraint) drops its triggers with it: the
    window would stop hearing of that table's changes. Every table a researcher may write is counted, on both
    kinds, once every component is migrated."""
    from reader.annotations.store import COUNTED_TABLES
    from reader.library.owners import WORK_TABLES

    window, _other = two
    assert set(COUNTED_TABLES) | {"corrections"} == set(WORK_TABLES)
    if window.kind == "postgres":
        rows = window.conn.execute("SELECT event_object_table, event_manipulation FROM information_schema.triggers "
                                   "WHERE trigger_name LIKE '%_counted'").fetchall()
    else:
        rows = [(t, n.split("_")[-2].upper()) for n, t in window.conn.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_counted'")]
    counted = {(t, e) for t, e in rows}
    assert counted == {(t, e) for t in WORK_TABLES for e in ("INSERT", "UPDATE", "DELETE")}


def _as_the_last_release_left_it(folder: Path) -> None:
    """The library as the release before the counters left it: annotations schema 4, corrections 2, no counters."""
    import sqlite3

    conn = sqlite3.connect(folder / "catalogue.sqlite")
    try:
        for name, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                  "AND sql LIKE '%work_changes%'").fetchall():  # the counters' triggers only
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("DROP TABLE IF EXISTS work_changes")
        conn.execute("DELETE FROM schema_version WHERE (component, version) IN "
                     "(VALUES ('annotations', 5), ('corrections', 3))")
        conn.commit()
    finally:
        conn.close()


def test_a_read_only_library_of_the_last_release_is_read(tmp_path: Path, samples_library: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen in review: on read-only media a library made by the release before could not be opened at all
    ("annotations schema is version 4, not the 5 this Broadsheet uses") although the migrations it lacks only count
    changes for open windows; the notes and corrections read the same."""
    import os
    import shutil

    from reader.app.archive import Archive
    from reader.library import catalogue

    shutil.copytree(samples_library, tmp_path / "lib")
    with Library.open(tmp_path / "lib") as lib:
        article = lib.articles()[0].id
        AnnotationStore.of(lib).add(Annotation(article=article, note="kept on a CD", tags=["cd"]))
        CorrectionStore.of(lib)
    _as_the_last_release_left_it(tmp_path / "lib")
    real = os.access
    monkeypatch.setattr(catalogue.os, "access", lambda p, mode: mode != os.W_OK and real(p, mode))
    with Library.open(tmp_path / "lib") as lib:
        assert lib.read_only
        assert [a.note for a in AnnotationStore.of(lib).find()] == ["kept on a CD"]
        assert CorrectionStore.of(lib).find([article]) == []
        assert work_changes(lib.conn) == {}
    archive = Archive.open(tmp_path / "lib")
    try:
        assert not archive.watch.look()
    finally:
        archive.close()


def test_a_colleagues_note_not_ours_to_place_is_not_said_moved(pg_cluster: Any, tmp_path: Path) -> None:
    """Review: on a shared library, re-attaching after a re-import ran as a researcher who may not write a
    colleague's public note reported it "moved" at every import while nothing was written. It is left to its owner
    and not reported; its owner's own re-attachment places it."""
    from reader.annotations.store import highlight, reattach_in_library
    from reader.library.catalogue import StoreMeta
    from reader.segmentation.analyze import analyze_file

    url = pg_cluster.create_database("rp_" + tmp_path.name[-10:].lower().replace("-", "_"))
    admin = Library.open(url)
    AnnotationStore.of(admin)
    CorrectionStore.of(admin)
    page = tmp_path / "page.txt"
    page.write_text(samples_folder().joinpath("seed_page.txt").read_text(encoding="utf-8"), encoding="utf-8")
    meta = StoreMeta("人民日报", "2021-01-27")
    ids = admin.store_document(analyze_file(page), meta, path=str(page), sha256="1").article_ids
    team(url, "readers_rp", "alice_rp", "bob_rp")
    admin.grant("readers_rp")
    alice = Library.open(url.replace("broadsheet@", "alice_rp@"))
    bob = Library.open(url.replace("broadsheet@", "bob_rp@"))
    try:
        article = alice.article(ids[1])
        at = article.text.index("无线电")
        note = highlight(article, at, at + 3, note="alice's", key=article.id)
        note.visibility = "public"
        note.source = str(page)
        AnnotationStore.of(alice).add(note)
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("无线电", "（增）无线电", 1), encoding="utf-8")  # its place moves
        admin.store_document(analyze_file(page), meta, path=str(page), sha256="2")
        bobs = AnnotationStore.of(bob)
        assert [a.id for a in bobs.find()] == [note.id], "bob sees alice's public note"
        assert reattach_in_library(bob, bobs) == [], "not bob's to place: not said moved"
        [placed] = reattach_in_library(alice, AnnotationStore.of(alice))
        assert placed.annotation.id == note.id and not placed.orphaned
    finally:
        for lib in (alice, bob, admin):
            lib.close()
