"""File → Open shared library…: the window reads a library kept in PostgreSQL, by its URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

from reader.app.samples import samples_folder
from reader.library.catalogue import Library
from reader.library.importer import import_paths


def test_the_window_opens_a_shared_library_by_its_url(make_window, pg_url: str, settings, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with Library.open(pg_url) as lib:
        import_paths(lib, [samples_folder()])
        articles = len(lib.articles())
    win = make_window()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (pg_url, True)))
    win.library.choose_shared_library()
    assert win.archive is not None and win.archive.library.kind == "postgres"
    assert win.windowTitle().startswith("postgresql://")
    assert settings.recent_libraries()[0] == pg_url
    assert len(win.archive.articles()) == articles
    # an address that is not PostgreSQL's is one sentence, and the library stays open
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("/some/folder", True)))
    reported: list[str] = []
    monkeypatch.setattr(win, "report", reported.append)
    win.library.choose_shared_library()
    assert reported and "postgresql://" in reported[0] and win.archive.library.kind == "postgres"


def test_a_password_never_reaches_messages_or_the_recent_list() -> None:
    from reader.library.postgres import redact

    assert redact("postgresql://alice:s3cret@db.example/papers") == "postgresql://alice@db.example/papers"
    assert redact("postgresql://alice@db.example/papers") == "postgresql://alice@db.example/papers"


def test_a_password_given_in_the_query_is_left_out_too() -> None:
    """libpq takes ``?password=`` as well as ``user:password@``; seen in the Problems panel:
    "postgresql://u@127.0.0.1:1/none?password=x2: the database cannot be reached"."""
    from reader.library.postgres import redact

    assert redact("postgresql://alice@db.example/papers?password=s3cret") == "postgresql://alice@db.example/papers"
    assert (redact("postgresql://alice:a@db.example/papers?sslmode=require&password=s3cret&application_name=x")
            == "postgresql://alice@db.example/papers?sslmode=require&application_name=x")
    assert redact("postgresql://db.example/papers?password=") == "postgresql://db.example/papers"
    kept = "postgresql://db.example/papers?options=-c%20search_path%3Dx"  # reopened from the recent list as written
    assert redact(kept + "&password=s3cret") == kept
