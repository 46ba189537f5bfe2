"""Two datelines, each with its byline, stay two lines — as the page prints them — when a headless piece is merged
into the article after it: a dateline runs on its byline's line, never on another pair's.

Seen by eye (trust43, the bundled 人民日报 page): after Correct → Merge with next article on the piece printed with no
headline, the merged article read "本报北京1月26日电（记者韩鑫）　本报北京1月26日电（记者丁怡婷）" on one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.gui.widgets.article_view import run_ins
from tests.gui.conftest import copy_sources, library_of
from tests.gui.test_merge_place import _open_headless

FIRST, SECOND = "本报北京1月26日电（记者韩鑫）", "本报北京1月26日电（记者丁怡婷）"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return library_of(copy_sources(tmp_path / "src"), tmp_path / "lib")


def test_each_dateline_keeps_its_line(make_window, library: Path) -> None:  # noqa: ANN001
    win: Any = make_window(library, size=(1440, 900))
    _open_headless(win)
    assert win.corrections.correct_merge(1)
    lines = [line.replace("\u3000", "") for line in win.article_view.text.toPlainText().split("\n")]
    assert FIRST in lines and SECOND in lines, lines[:6]


def test_each_dateline_keeps_its_column(make_window, library: Path) -> None:  # noqa: ANN001
    win: Any = make_window(library, size=(1440, 900))
    _open_headless(win)
    assert win.corrections.correct_merge(1)
    view = win.article_view
    view.set_vertical(True)
    dates = [k for k, sp in enumerate(view.reading.parts) if sp.role == "dateline"]
    assert len(dates) == 2
    assert view.view.char_rect(dates[0], 0).x() != view.view.char_rect(dates[1], 0).x()


def test_a_pair_runs_in_once() -> None:
    assert run_ins(["headline", "dateline", "byline", "dateline", "byline", "paragraph"]) == [
        False, False, True, False, True, False]
    assert run_ins(["byline", "dateline", "byline"]) == [False, True, False]
