"""An article in a researcher's collection that a colleague merged into another (a shared library) is said to be
merged by that colleague — in ``collection show``, an export of the collection and the window's Collections panel —
as every other message names a colleague's work ("by bob"). Seen by a tester: each said "merged into … by your
correction" of bob's merge."""

from __future__ import annotations

import json

import pytest

from tests.corrections.test_newest_correction_wins_shared import Shared, shared  # noqa: F401  (a fixture)

PIECE = "老丁名叫丁冬"  # a piece alice splits off (and puts in her collection)
INTO = "李伟涉嫌受贿"  # the article bob merges it into


def _hit(shared: Shared, query: str) -> str:  # noqa: F811
    return str(json.loads(shared(shared.admin, "search", "--json", query))["hits"][0]["article"])


@pytest.fixture
def merged_by_bob(shared: Shared) -> tuple[str, str]:  # noqa: F811
    """(a piece alice split off, in her collection C, the article bob merged it into; each to the group)."""
    article = _hit(shared, PIECE)
    parts = json.loads(shared(shared.alice, "show", "--json", article))["parts"]
    [index] = [p["index"] for p in parts if p["text"].startswith(PIECE)]
    shared(shared.alice, "correct", "split", article, str(index), "--visibility", "group")
    away = str(json.loads(shared(shared.alice, "search", "--json", PIECE))["hits"][0]["article"])
    into = _hit(shared, INTO)
    assert away.startswith(article + "~")
    shared(shared.alice, "collection", "create", "C")
    shared(shared.alice, "collection", "add", "C", away)
    shared(shared.bob, "correct", "merge", into, away, "--visibility", "group")
    return away, into


def test_the_command_line_names_the_colleague_who_merged_it(shared: Shared, merged_by_bob: tuple[str, str],  # noqa: F811
                                                            tmp_path) -> None:  # noqa: ANN001
    away, into = merged_by_bob
    listed = shared(shared.alice, "collection", "show", "C")
    assert f"{away}  (merged into {into} by {shared.bob_name}'s correction)" in listed, listed
    # (nothing else in C: nothing exported, exit 2)
    shared(shared.alice, "export", "--collection", "C", "--format", "text", "-o", str(tmp_path / "c.txt"), ok=False)
    assert f"merged into {into} by {shared.bob_name}'s correction" in shared.err, shared.err
    assert "your correction" not in listed + shared.err
    # to bob, the merge is his own
    from reader.app.overlay import Overlay
    from reader.library.catalogue import Library

    with Library.open(shared.bob) as lib:
        assert Overlay(lib).merged_into(away) == into and Overlay(lib).merged_by(away) == ""


def test_the_window_names_the_colleague_who_merged_it(shared: Shared, merged_by_bob: tuple[str, str],  # noqa: F811
                                                      make_window) -> None:  # noqa: ANN001
    away, _into = merged_by_bob
    win = make_window(shared.alice)
    win.collections.names.setCurrentRow(0)
    tip = win.collections.gone_tip(away)
    assert f"by {shared.bob_name}’s correction" in tip and "your correction" not in tip, tip
