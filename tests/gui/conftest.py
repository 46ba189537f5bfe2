"""Fixtures of the GUI tests: offscreen Qt, a library built once from tests/data, synchronous workers.

Qt warnings fail a test (``qt_log_level_fail = WARNING`` in pyproject.toml);
the only one ignored is the offscreen plugin's harmless propagateSizeHints
notice. Workers run synchronously through :class:`reader.gui.workers.SyncPool`
unless a test asks for real threads; settings go to an INI file under
``tmp_path``, never to the user's.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from filelock import FileLock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import reader.gui  # noqa: E402,F401 - applies the PySide6 reference-count workaround before Qt is used
from reader.gui import workers  # noqa: E402
from reader.gui.settings import Settings  # noqa: E402
from reader.library import importer  # noqa: E402
from reader.library.catalogue import Library  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = DATA / "samples"

#: Qt messages that are not problems: the offscreen plugin cannot size windows for the window manager, nor raise one
#: (a tooltip shown), nor grab the keyboard for a popup (a completer's)
QT_LOG_IGNORE = ("This plugin does not support propagateSizeHints", "This plugin does not support raise",
                 "This plugin does not support grabbing the keyboard")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))  # one marker: pytest-qt reads the closest


def copy_sources(dest: Path) -> Path:
    """The files the GUI tests read, laid out as a user's archive (with publication sidecars)."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "rmrb").mkdir()
    shutil.copy(DATA / "text" / "seed_page.txt", dest / "rmrb" / "seed_page.txt")
    (dest / "rmrb" / "seed_page.txt.meta.json").write_text('{"publication": "人民日报", "date": "2021-01-27"}',
                                                          encoding="utf-8")
    (dest / "jingbao").mkdir()
    shutil.copy(SAMPLES / "chinese/ecpo_jingbao/textGT/jb_3795_1939-04-21_0002+0003.xml", dest / "jingbao")
    kant = SAMPLES / "page/kant_berlinische_monatsschrift_1784"
    (dest / "kant").mkdir()
    shutil.copy(kant / "PAGE_0020_PAGE.xml", dest / "kant" / "PAGE_0020_PAGE.xml")
    shutil.copy(kant / "INPUT_0020.jp2", dest / "kant" / "PAGE_0020_PAGE.jp2")
    (dest / "kant" / "PAGE_0020_PAGE.xml.meta.json").write_text(
        '{"publication": "Berlinische Monatsschrift", "date": "1784-12"}', encoding="utf-8")
    shutil.copytree(SAMPLES / "mets-alto/bnl_luxzeit1858_1858-12-07", dest / "luxzeit")
    return dest


@pytest.fixture(scope="session")
def sources_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sources(tmp_path_factory.mktemp("sources") / "archive")


@pytest.fixture(scope="session")
def library_dir(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A library of its own for each test worker (the tests only read it), from its own copy of the sources: what a
    test does to ``sources_dir`` before the library is first asked for cannot change it (a renamed Jing bao page once
    left it out, and five window tests failed on the worker that ran that test first). The first worker to ask imports
    it, under a file lock, for the whole run (~20 s of a CI core); each worker reads a copy of that library folder, so
    what a window writes to its library stays on its worker."""
    base = tmp_path_factory.getbasetemp()
    root = (base.parent if worker_id != "master" else base) / "gui-library"
    with FileLock(str(root) + ".lock"):
        if not (root / "built").is_file():
            shutil.rmtree(root, ignore_errors=True)
            library_of(copy_sources(root / "sources" / "archive"), root / "lib")
            (root / "built").touch()
    mine = tmp_path_factory.mktemp("library") / "lib"
    shutil.copytree(root / "lib", mine)
    return mine


def library_of(sources: Path, folder: Path) -> Path:
    """A library made in ``folder`` from every file of ``sources`` (none may fail); the folder."""
    lib = Library.open(folder)
    try:
        report = importer.import_paths(lib, [sources])
        assert not report.failed, report.failed
    finally:
        lib.close()
    return folder


@pytest.fixture(autouse=True)
def sync_pool() -> Iterator[workers.SyncPool]:
    pool = workers.SyncPool()
    workers.set_pool(pool)
    yield pool
    workers.set_pool(None)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("BROADSHEET_SETTINGS", str(path))
    return Settings(path)


@pytest.fixture
def make_window(qtbot, settings: Settings) -> Iterator[Callable[..., object]]:  # noqa: ANN001
    """Build whole main windows; afterwards check that closing them left no top-level widget behind."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from reader.gui.mainwindow import MainWindow

    before = set(QApplication.topLevelWidgets())
    made: list[MainWindow] = []

    def make(library: Path | None = None, show: bool = True, size: tuple[int, int] = (1400, 900),
             create: bool = False) -> MainWindow:
        win = MainWindow(settings)
        made.append(win)
        win.resize(*size)
        if library is not None:
            assert win.open_library(library, create=create), win.problems.messages()
        if show:
            win.show()
            qtbot.waitExposed(win)
        return win

    yield make
    for win in made:
        win.close()
        if win.archive is not None:
            win.archive.close()
        win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w not in before]
    assert not leaked, f"top-level widgets left behind: {leaked}"
