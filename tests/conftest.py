"""Shared fixtures. Tests read only tests/data, never ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"

#: the files that take longest (a minute or more of a CI core each), run first: each file runs whole on one worker
#: (pyproject's ``--dist loadfile``), and one of these handed out last kept a worker busy for minutes while the
#: other had nothing left to do
LONGEST = ("segmentation/test_benchmark.py", "hardening/test_big_inputs.py", "library/test_heldout_postgres.py",
           "search/test_search.py", "hardening/test_hostile_files.py",
           "test_packaging.py", "index/test_whoosh_writer.py", "hardening/test_crash_safety.py",
           "library/test_cluster.py", "library/test_postgres.py", "library/test_packed_rows.py",
           "hardening/test_work_follows_article.py", "library/test_importer.py", "test_architecture.py",
           # after test_heldout_postgres, which builds the held-out library both read (tests/heldout_library.py)
           "search/test_heldout_whole.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The :data:`LONGEST` files first, in that order; every other file after them as collected."""
    here = Path(__file__).parent
    rank = {name: i for i, name in enumerate(LONGEST)}

    def first(item: pytest.Item) -> int:
        try:
            name = item.path.relative_to(here).as_posix()
        except ValueError:
            return len(LONGEST)
        return rank.get(name, len(LONGEST))

    items.sort(key=first)  # stable: a file's tests stay together and in their order


@pytest.fixture
def data_dir() -> Path:
    return DATA


def _cluster():  # type: ignore[no-untyped-def]
    """A throwaway PostgreSQL cluster while the caller's fixture lasts (tests/pgcluster.py); the test skipped, saying
    why, where PostgreSQL's server programs or psycopg are not installed."""
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


@pytest.fixture(scope="session")
def pg_cluster():  # type: ignore[no-untyped-def]
    """A throwaway PostgreSQL cluster for the whole run (tests/pgcluster.py); skipped, saying why, only
    where PostgreSQL's server programs or psycopg are not installed (``.ci/run`` installs both)."""
    yield from _cluster()


@pytest.fixture(scope="session")
def heldout_build(tmp_path_factory: pytest.TempPathFactory, worker_id: str):  # type: ignore[no-untyped-def]
    """Every held-out page imported once for the run into one embedded library (tests/heldout_library.py)."""
    import heldout_library

    return heldout_library.build(tmp_path_factory, worker_id)


@pytest.fixture
def pg_url(pg_cluster):  # type: ignore[no-untyped-def]
    """The URL of a new, empty database in the test cluster."""
    import pgcluster

    return pg_cluster.create_database(pgcluster.unique_name())


@pytest.fixture(scope="module")
def pg_restartable():  # type: ignore[no-untyped-def]
    """A throwaway PostgreSQL cluster of the test module's own (tests/pgcluster.py), for tests that stop and start its
    server (:meth:`Cluster.halt`, :meth:`Cluster.start`, :meth:`Cluster.restart`): the session's ``pg_cluster`` is
    shared by every other test's open libraries. Skipped as ``pg_cluster`` is."""
    yield from _cluster()


@pytest.fixture
def old_library(tmp_path: Path) -> Path:
    """A library folder holding only a catalogue written by the schema-4 code (tests/data/catalogue_v4): its
    first open runs the long upgrade of catalogue schema 5."""
    import shutil

    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "catalogue_v4" / "catalogue.sqlite", folder / "catalogue.sqlite")
    return folder
