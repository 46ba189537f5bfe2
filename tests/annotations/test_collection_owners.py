"""Collection names are each reader's own (seen: on a shared library a second researcher could not make their own
"滇緬路" — "a collection named '滇緬路' already exists" told them of a private collection they could not see). A name is
unique among one owner's collections; a name resolves to the reader's own first; only its owner changes one. On
PostgreSQL row-level security decides who sees what (tests/library/test_postgres.py); here the owners are those a
restored backup or a copied group library brings into a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.annotations import store as A
from reader.annotations.store import AnnotationError, AnnotationStore, Collection
from reader.library.catalogue import Library
from reader.library.owners import os_user


def test_a_library_made_before_keeps_its_collections_and_takes_names_per_owner(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        lib.migrate("annotations", A.MIGRATIONS[:3])  # as a library made before this version
        conn = lib.conn
        conn.execute("INSERT INTO collections (id, name, description, created, owner, visibility) "
                     "VALUES (1, 'Jing bao 1939', 'd', 'c', ?, 'private')", (os_user(),))
        conn.executemany("INSERT INTO collection_items (collection, article, position) VALUES (1, ?, ?)",
                         [("a1", 0), ("a2", 1)])
        conn.commit()
        store = AnnotationStore.of(lib)  # migrated now
        kept = store.collection("Jing bao 1939")
        assert (kept.items, kept.description, kept.owner) == (["a1", "a2"], "d", os_user())
        # another owner's collection of the same name (a restored backup of a group library's) is its own
        store.save_collection(Collection("Jing bao 1939", ["b1"], owner="alice"))
        assert [(c.name, c.owner, c.items) for c in store.collections()] == [
            ("Jing bao 1939", "alice", ["b1"]), ("Jing bao 1939", os_user(), ["a1", "a2"])]
        assert store.collection("Jing bao 1939").items == ["a1", "a2"]  # the reader's own first
        assert store.collection("Jing bao 1939", owner="alice").items == ["b1"]
        with pytest.raises(AnnotationError, match="already have a collection"):
            store.create_collection("Jing bao 1939")
        store.add_to_collection("Jing bao 1939", "a3")  # one's own
        assert store.collection("Jing bao 1939").items == ["a1", "a2", "a3"]
        assert store.collection("Jing bao 1939", owner="alice").items == ["b1"]
        store.delete_collection("Jing bao 1939")  # one's own; its items go with it, alice's stay
        assert conn.execute("SELECT count(*) FROM collection_items WHERE collection = 1").fetchone()[0] == 0
        assert [(c.owner, c.items) for c in store.collections()] == [("alice", ["b1"])]
        with pytest.raises(AnnotationError, match="alice's collection"):
            store.add_to_collection("Jing bao 1939", "a4")  # another's: read, not changed
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_only_its_owner_changes_a_collection_shared_with_the_reader(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        store = AnnotationStore.of(lib)
        store.save_collection(Collection("theirs", ["b1"], owner="alice", visibility="group"))
        for change in (lambda: store.add_to_collection("theirs", "x"),
                       lambda: store.remove_from_collection("theirs", "b1"),
                       lambda: store.delete_collection("theirs"),
                       lambda: store.set_collection_visibility("theirs", "public")):
            with pytest.raises(AnnotationError, match="alice's collection: only its owner can change it"):
                change()
        kept = store.collection("theirs")
        assert (kept.items, kept.visibility, kept.owner) == (["b1"], "group", "alice")
        mine = store.create_collection("theirs")  # a name of one's own, beside hers
        assert mine.owner == os_user() and store.collection("theirs").owner == os_user()
