"""Tags and collections are named by one rule, the store's, which the command line and the window both go through:
two names are one when their width-folded, case-folded, trimmed forms (NFKC + casefold) are (a tester found
``ＥＣＯＮＯＭＹ`` a tag beside ``economy``, and ``Other``, ``other`` and ``Ｏｔｈｅｒ`` three collections). A library
holding such names from before keeps them, each as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.annotations import store as A
from reader.library.catalogue import Library


@pytest.fixture
def store(tmp_path: Path) -> A.AnnotationStore:
    lib = Library(tmp_path / "lib")
    yield A.AnnotationStore.of(lib)
    lib.close()


def test_the_rule() -> None:
    assert A.name_key(" Economy ") == A.name_key("ＥＣＯＮＯＭＹ") == A.name_key("economy")
    assert A.name_key("My  study") == A.name_key("ｍｙ study")
    assert A.name_key("Straße") == A.name_key("STRASSE")
    assert A.name_key("经济") != A.name_key("經濟")  # another character, not another spelling of one
    assert A.normalize_tags(["economy", "ＥＣＯＮＯＭＹ", " Economy "]) == ["economy"]


def test_a_tag_given_in_another_width_is_the_same_tag(store: A.AnnotationStore) -> None:
    first = store.add(A.Annotation(article="k1", tags=["economy"]))
    second = store.add(A.Annotation(article="k2", tags=["ＥＣＯＮＯＭＹ", "Travel"]))
    assert store.tags() == [("economy", 2), ("Travel", 1)]
    assert store.get(second.id).tags == ["economy", "Travel"]
    assert {a.id for a in store.find(tag="Ｅｃｏｎｏｍｙ")} == {first.id, second.id}
    assert store.tag_spelling(" ECONOMY ") == "economy" and store.tag_spelling("new  one") == "new one"


def test_a_tag_holding_a_comma_is_refused_when_given(store: A.AnnotationStore) -> None:
    note = store.add(A.Annotation(article="k1", tags=["a"]))
    for bad in ("a,b", "甲，乙"):
        with pytest.raises(A.AnnotationError, match="holds a comma"):
            store.edit(note.id, tags=["x", bad])
    assert store.get(note.id).tags == ["a"]


def test_a_collection_name_taken_by_the_rule_is_refused_naming_the_one_there(store: A.AnnotationStore) -> None:
    store.create_collection("Other")
    store.create_collection("My study")
    store.add_to_collection("My study", "k1")
    for name in ("other", "Ｏｔｈｅｒ", " OTHER "):
        with pytest.raises(A.AnnotationError, match="you already have a collection named 'Other'"):
            store.create_collection(name)
        with pytest.raises(A.AnnotationError, match="you already have a collection named 'Other'"):
            store.rename_collection("My study", name)
    assert [c.name for c in store.collections()] == ["My study", "Other"]
    store.rename_collection("My study", "MY STUDY")  # its own name in other letters: a rename
    assert store.collection("my study").items == ["k1"]  # found by the rule when no name is equal


def test_names_a_library_holds_from_before_are_kept_and_still_work(store: A.AnnotationStore) -> None:
    note = store.add(A.Annotation(article="k1", tags=["economy"]))
    store.create_collection("Other")
    store.conn.execute("INSERT INTO tags (name) VALUES ('ＥＣＯＮＯＭＹ'), ('a,b')")  # written before the rule
    store.conn.execute("INSERT INTO annotation_tags (annotation, tag, position) SELECT ?, id, 5 FROM tags "
                       "WHERE name IN ('ＥＣＯＮＯＭＹ', 'a,b')", (note.id,))
    store.conn.execute("INSERT INTO collections (name, created, owner) VALUES ('other', '2026', ?), "
                       "('Ｏｔｈｅｒ', '2026', ?)", (store._me(), store._me()))
    store.add_to_collection("other", "k9")  # each found by its own name
    assert sorted(store.get(note.id).tags) == sorted(["economy", "ＥＣＯＮＯＭＹ", "a,b"])
    assert sorted(store.tags()) == sorted([("economy", 1), ("ＥＣＯＮＯＭＹ", 1), ("a,b", 1)])
    assert {c.name: c.items for c in store.collections()} == {"Other": [], "other": ["k9"], "Ｏｔｈｅｒ": []}
    store.edit(note.id, note="edited")  # the tags kept, the comma's among them
    assert sorted(store.get(note.id).tags) == sorted(["economy", "ＥＣＯＮＯＭＹ", "a,b"])
    with pytest.raises(A.AnnotationError, match="no collection named 'OTHER'"):
        store.add_to_collection("OTHER", "k1")  # three by the rule: none chosen for the reader
