"""The hostile corpus imported from the main window (workers run synchronously): every bad file is
named once in the Problems panel, the good ones reach the library tree, and the window stays usable."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile import SECRET, SEED, Case, Trap

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

import reader.gui  # noqa: E402,F401 - applies the PySide6 reference-count workaround before Qt is used
from reader.gui import workers  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:  # noqa: ANN001
    from reader.gui.mainwindow import MainWindow
    from reader.gui.settings import Settings

    monkeypatch.setenv("BROADSHEET_SETTINGS", str(tmp_path / "settings.ini"))
    workers.set_pool(workers.SyncPool())
    win = MainWindow(Settings(tmp_path / "settings.ini"))
    try:
        assert win.open_library(tmp_path / "library", create=True), win.problems.messages()
        win.show()
        qtbot.waitExposed(win)
        yield win
    finally:
        win.close()
        if win.archive is not None:
            win.archive.close()
        win.deleteLater()
        workers.set_pool(None)


def test_window_imports_the_hostile_corpus_and_names_each_bad_file(window, corpus: dict[str, Case],  # noqa: ANN001
                                                                   trap: Trap, tmp_path: Path) -> None:
    folders = sorted({c.path.parent for c in corpus.values() if c.path.is_file() and "mets" not in c.path.parts})
    good = tmp_path / "good" / "seed_page.txt"
    good.parent.mkdir()
    good.write_bytes(SEED.read_bytes())
    worker = window.import_paths([*folders, good.parent])
    assert worker is not None and worker.state == "done", getattr(worker, "error", None)
    messages = window.problems.messages()
    checked = 0
    for case in corpus.values():
        if case.expect != "error" or case.path.parent not in folders or not case.path.is_file():
            continue
        checked += 1
        named = [m for m in messages if str(case.path.resolve()) in m or f"{case.path}:" in m]
        assert len(named) == 1, f"{case.name}: {named or 'not in the Problems panel'}"
    assert checked >= 50, f"only {checked} bad files were checked"
    assert not any(SECRET in m for m in messages)
    assert window.tasks.task is None and window.tree.topLevelItemCount() >= 1
    assert window.archive is not None and window.archive.search("杭州").total >= 1
    assert trap.requests == []
