"""The reader's state is a plain object: no Qt, and it keeps the current article, page and hits consistent."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.app.state import ReaderState


def test_showing_an_article_sets_its_hits_and_makes_the_first_one_current() -> None:
    state = ReaderState()
    assert state.article_id is None and state.current_hit is None
    state.show_article("a1", [(3, 7), (10, 12)], publication="人民日报", issue_id=4)
    assert (state.article_id, state.publication, state.issue_id) == ("a1", "人民日报", 4)
    assert state.current_hit == (3, 7)
    state.set_hit(1)
    assert state.current_hit == (10, 12)
    with pytest.raises(ValueError):
        state.set_hit(2)
    state.show_article("a2")
    assert state.hits == [] and state.current_hit is None
    assert state.issue_id == 4 and state.publication == "人民日报"  # not given: kept


def test_neighbour_steps_through_the_listed_articles_and_stops_at_the_ends() -> None:
    state = ReaderState(article_id="b")
    ids = ["a", "b", "c"]
    assert state.neighbour(ids, 1) == "c"
    assert state.neighbour(ids, -1) == "a"
    assert state.neighbour(ids, 2) is None
    assert state.neighbour([], 1) is None
    state.article_id = "elsewhere"
    assert state.neighbour(ids, 1) == "a"  # not listed: the list's first


def test_clear_forgets_everything_and_the_state_needs_no_qt() -> None:
    state = ReaderState(publication="p", issue_id=1, page_id=2, article_id="x", hits=[(0, 1)], hit=0)
    state.clear()
    assert state == ReaderState()
    code = "import sys, reader.app.state; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
