"""Shared fixtures. Tests read only tests/data, never ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def pg_cluster():  # type: ignore[no-untyped-def]
    """A throwaway PostgreSQL cluster for the whole run (tests/pgcluster.py); skipped, saying why, only
    where PostgreSQL's server programs or psycopg are not installed (``.ci/run`` installs both)."""
    import pgcluster

    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install -e '.[postgres]')")
    try:
        with pgcluster.running() as cluster:
            yield cluster
    except LookupError as e:
        pytest.skip(str(e))


@pytest.fixture
def pg_url(pg_cluster):  # type: ignore[no-untyped-def]
    """The URL of a new, empty database in the test cluster."""
    import pgcluster

    return pg_cluster.create_database(pgcluster.unique_name())


@pytest.fixture
def old_library(tmp_path: Path) -> Path:
    """A library folder holding only a catalogue written by the schema-4 code (tests/data/catalogue_v4): its
    first open runs the long upgrade of catalogue schema 5."""
    import shutil

    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "catalogue_v4" / "catalogue.sqlite", folder / "catalogue.sqlite")
    return folder
