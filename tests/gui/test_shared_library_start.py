"""The window started on a shared library (issue 18): ``broadsheet gui --library postgresql://…`` and
``BROADSHEET_LIBRARY=postgresql://…`` (what the README tells a research group to set) open the library in that
database. Seen under Xvfb: the URL was taken for a folder — a local library was made in ``./postgresql:/…`` with the
samples imported into it, the title showing that path — while the researcher believed they were in the group's
library."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.catalogue import Library


@pytest.mark.parametrize("how", ["--library", "BROADSHEET_LIBRARY"])
def test_the_window_opens_the_shared_library_a_url_names(how: str, pg_cluster, tmp_path: Path,  # noqa: ANN001
                                                        monkeypatch: pytest.MonkeyPatch, settings, qtbot) -> None:
    from reader.gui import app

    url = pg_cluster.create_database(f"start_{how.strip('-').lower()}_{tmp_path.name[-8:]}".lower().replace("-", "_"))
    lib = Library.open(url)
    lib.close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if how == "BROADSHEET_LIBRARY":
        monkeypatch.setenv("BROADSHEET_LIBRARY", url)
        win = app.build_window(settings)
    else:
        monkeypatch.delenv("BROADSHEET_LIBRARY", raising=False)
        win = app.build_window(settings, url)
    try:
        assert win.archive is not None, win.problems.messages()
        assert win.archive.library.kind == "postgres"
        assert "postgresql:" not in {p.name for p in tmp_path.iterdir()}  # no folder named after the URL
        qtbot.wait(200)
        assert win.tasks.task is None  # a shared library gets no samples: the group's library is theirs
        assert win.archive.library.stats()["articles"] == 0
        assert "127.0.0.1" in win.windowTitle()
    finally:
        win.close()
        win.archive.close()
        win.deleteLater()


def test_a_start_without_a_library_reopens_the_last_shared_one(pg_cluster, tmp_path: Path,  # noqa: ANN001
                                                                monkeypatch: pytest.MonkeyPatch, settings,
                                                                qtbot) -> None:
    """Seen by eye: after working in the group's library, a start without ``--library`` opened a new local library
    with the sample papers in it, saying nothing — the group's papers and notes seemed gone. The last library is
    reopened, shared or not; a server that cannot be reached is one message, and then the window opens the
    researcher's own folder library."""
    from reader.gui import app

    url = pg_cluster.create_database(f"restart_{tmp_path.name[-8:]}".lower().replace("-", "_"))
    Library.open(url).close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BROADSHEET_LIBRARY", raising=False)
    own = tmp_path / "own"
    monkeypatch.setattr(app, "default_folder", lambda: own, raising=False)
    settings.add_recent_library(url)
    win = app.build_window(settings, seed=False)
    try:
        assert win.archive is not None and win.archive.library.kind == "postgres", win.problems.messages()
    finally:
        win.close()
        win.archive.close()
        win.deleteLater()
    settings.add_recent_library(url.rsplit("/", 1)[0] + "/gone_away")
    win = app.build_window(settings, seed=False)
    try:
        assert any("gone_away" in m for m in win.problems.messages()), win.problems.messages()
        assert win.archive is not None and win.archive.library.kind == "sqlite"
        assert Path(win.archive.location) == own
    finally:
        win.close()
        win.archive.close()
        win.deleteLater()
