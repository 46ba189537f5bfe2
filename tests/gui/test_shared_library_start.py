"""The window started on a shared library (issue 18): ``broadsheet gui --library postgresql://…`` and
``BROADSHEET_LIBRARY=postgresql://…`` (what the README tells a research group to set) open the library in that
database. Seen under Xvfb: the URL was taken for a folder — a local library was made in ``./postgresql:/…`` with the
samples imported into it, the title showing that path — while the researcher believed they were in the group's
library."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.catalogue import Library
from tests.pgcluster import team


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


def test_add_to_collection_offers_only_the_readers_own_collections(
        pg_cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_window) -> None:  # noqa: ANN001
    """Seen by eye: as bob, Annotate → Add to collection… offered alice's group collection, then said it did not
    exist. The offer is the reader's own collections; another's shared one is listed in the Collections tab."""
    from reader.annotations.store import AnnotationStore
    from reader.app.samples import samples_folder
    from reader.corrections.store import CorrectionStore
    from reader.gui.dialogs import prompts
    from reader.library.importer import import_paths

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    url = pg_cluster.create_database(f"offer_{tmp_path.name[-8:]}".lower().replace("-", "_"))
    admin = Library.open(url)
    import_paths(admin, [samples_folder()])
    AnnotationStore.of(admin)
    CorrectionStore.of(admin)  # every component's tables exist before the roles are granted them
    team(url, "offer_group", "offer_alice", "offer_bob")
    admin.grant("offer_group")
    first = admin.articles()[0].id
    admin.close()
    alice = Library.open(url.replace("broadsheet@", "offer_alice@"))
    AnnotationStore.of(alice).create_collection("ours", visibility="group")
    alice.close()
    bob = Library.open(url.replace("broadsheet@", "offer_bob@"))
    AnnotationStore.of(bob).create_collection("bob's")
    bob.close()
    offered: list[list[str]] = []
    monkeypatch.setattr(prompts, "pick_collection", lambda parent, names, *_: offered.append(list(names)))
    win = make_window()
    assert win.open_library(url.replace("broadsheet@", "offer_bob@"), create=False)
    win.open_article(first)
    win.collecting.choose_collection()
    assert offered == [["bob's"]]
    assert {c.name for c in win.archive.annotations.collections()} == {"ours", "bob's"}


def test_a_shared_library_opened_again_returns_to_the_article_last_read(pg_cluster, tmp_path: Path,  # noqa: ANN001
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        make_window) -> None:
    """Seen by eye: File → Open shared library… opened the first article, not the one last read there, once another
    library had been open in between (the places kept are the recent libraries', listed by address, while a shared
    library's place was filed under its local cache folder)."""
    from reader.app.samples import samples_folder
    from reader.library.importer import import_paths

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    url = pg_cluster.create_database(f"place_{tmp_path.name[-8:]}".lower().replace("-", "_"))
    lib = Library.open(url)
    import_paths(lib, [samples_folder()])
    last = lib.articles()[-1].id
    lib.close()
    own = Library(tmp_path / "own")
    import_paths(own, [samples_folder()])
    other = own.articles()[0].id
    own.close()
    win = make_window()
    assert win.open_library(url, create=False)
    win.open_article(last)
    assert win.open_library(tmp_path / "own")  # another library in between, an article read there
    win.open_article(other)
    assert win.open_library(url, create=False)
    assert win.state.article_id == last


def test_open_shared_library_starts_from_the_last_shared_address(settings, make_window,  # noqa: ANN001
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """File → Open shared library… is prefilled with the last shared library's address (without a password), as
    people reopen the group's library; with none yet, with ``postgresql://``."""
    from PySide6.QtWidgets import QInputDialog

    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(k.get("text", "")) or ("", False)))
    win = make_window()
    win.library.choose_shared_library()
    settings.add_recent_library("postgresql://alice@db.example.org/papers")
    settings.add_recent_library("/home/alice/my-library")
    win.library.choose_shared_library()
    assert asked == ["postgresql://", "postgresql://alice@db.example.org/papers"]
