"""Opening an article quickly (issue 17: ≤ 30 ms p95 at 10,000 pages, benchmarks/bench_gui.py), and still
showing what is true: what is kept between opens is checked against what the article and its page are now."""

from __future__ import annotations

import gc
from pathlib import Path


def test_a_library_opened_keeps_what_lives_as_long_as_the_window_out_of_the_collectors_full_passes(
        make_window, library_dir: Path) -> None:  # noqa: ANN001
    """A full pass of Python's cycle collector walked every object of the modules, the window and the library
    (some 70,000): 45–110 ms on the GUI thread, now and then in the middle of opening an article. Once a
    library is open they are frozen (gc.freeze); closing the window gives them back to the collector."""
    win = make_window(library_dir)
    assert gc.get_freeze_count() > 20_000
    assert len(gc.get_objects(generation=2)) < gc.get_freeze_count() / 4
    win.close()
    assert gc.get_freeze_count() == 0
