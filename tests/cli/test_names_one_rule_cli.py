"""``annotations --tag`` and ``collection create/rename`` name by the store's one rule (width, case and spaces aside),
as the window does: a name taken is refused naming the one there, a tag given in another width is said to be the
tag already there, and a tag holding a comma — the lists' separator — is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import id_of, run_in, seed_library

from reader.cli.main import main


def refused(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> str:
    capsys.readouterr()
    assert main([*args, "--library", str(library)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    return line


def test_tags_and_collections_by_one_rule(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    library = seed_library(capsys, tmp_path)
    key = id_of(capsys, library, "中美关系")
    run_in(capsys, library, "annotations", "add", key, "--note", "one", "--tag", "economy")
    capsys.readouterr()
    assert main(["annotations", "add", key, "--note", "two", "--tag", "ＥＣＯＮＯＭＹ", "--library", str(library)]) == 0
    assert "the tag 'ＥＣＯＮＯＭＹ' is the tag 'economy' already in the library" in capsys.readouterr().err
    assert run_in(capsys, library, "annotations", "tags").split() == ["2", "economy"]
    line = refused(capsys, library, "annotations", "add", key, "--tag", "a,b")
    assert "the tag 'a,b' holds a comma" in line
    run_in(capsys, library, "collection", "create", "Other")
    run_in(capsys, library, "collection", "create", "My study")
    for name in ("other", "Ｏｔｈｅｒ"):
        assert "you already have a collection named 'Other'" in refused(capsys, library, "collection", "create", name)
        assert "you already have a collection named 'Other'" in refused(capsys, library, "collection", "rename",
                                                                        "My study", name)
    assert run_in(capsys, library, "collection", "list").splitlines() == ["0\tMy study", "0\tOther"]


def test_a_tag_holding_a_comma_from_before_is_listed_as_one(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    from reader.annotations.store import Annotation, AnnotationStore
    from reader.library.catalogue import Library

    library = seed_library(capsys, tmp_path)
    key = id_of(capsys, library, "中美关系")
    with Library.open(library) as lib:  # as a Broadsheet before the rule stored it
        AnnotationStore.of(lib).add(Annotation(article=key, note="old", tags=["economy", "a,b"]))
    assert "[economy, \"a,b\"]  old" in run_in(capsys, library, "annotations", "list")
