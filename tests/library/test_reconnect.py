"""A shared library's server restarted under an open library (``pg_ctl -m fast stop``, then start): the library
reconnects by itself on its next use. Seen by the by-eye tester: after the restart every note, search and look
for changes failed with "sqlite3.OperationalError: the connection is closed" until the window was relaunched.

What was being written when the connection dropped is not silently lost: a read, or a transaction's BEGIN, is
asked again on a new connection; anything else fails with :class:`ConnectionLostError`, one sentence naming the
library and saying the change was not saved — never "sqlite3" on a PostgreSQL library."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.annotations.store import Annotation, AnnotationStore
from reader.app.archive import Archive
from reader.app.samples import samples_folder
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.model.errors import BroadsheetError, ConnectionLostError


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def shared(pg_restartable, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:  # noqa: ANN001
    import pgcluster

    url = pg_restartable.create_database(pgcluster.unique_name())
    with Library.open(url) as lib:
        import_paths(lib, [samples_folder()])
        AnnotationStore.of(lib)
    yield url


def test_a_note_is_written_and_a_search_answers_after_the_server_restarted(shared: str, pg_restartable) -> None:  # noqa: ANN001
    archive = Archive.open(shared, create=False)
    try:
        first = archive.articles()[0].id
        word = archive.library.article(first).text.split()[3]
        before = archive.search(word).total
        assert before > 0
        archive.annotations.add(Annotation(article=first, note="before the restart"))
        pg_restartable.restart()
        # the reads first: the catalogue's, the notes', the index's
        assert archive.search(word).total == before
        assert [a.note for a in archive.annotations.find(article=first)] == ["before the restart"]
        archive.annotations.add(Annotation(article=first, note="after the restart"))
        pg_restartable.restart()
        archive.annotations.add(Annotation(article=first, note="written first after another restart"))
        assert archive.watch.look() is not None
    finally:
        archive.close()
    with Library.open(shared) as lib:
        notes = sorted(a.note for a in AnnotationStore.of(lib).find(article=first))
    assert notes == ["after the restart", "before the restart", "written first after another restart"]


def test_while_the_server_is_down_an_error_says_so_in_words_and_the_library_comes_back(
        shared: str, pg_restartable) -> None:  # noqa: ANN001
    lib = Library.open(shared, create=False)
    store = AnnotationStore.of(lib)
    first = lib.articles()[0].id
    try:
        pg_restartable.halt()
        try:
            with pytest.raises(ConnectionLostError) as lost:
                store.add(Annotation(article=first, note="typed while the server was down"))
            said = str(lost.value)
            assert "sqlite3" not in said and lib.location in said and "not saved" in said
            assert isinstance(lost.value, sqlite3.OperationalError) and isinstance(lost.value, BroadsheetError)
            with pytest.raises(ConnectionLostError):
                lib.articles()
        finally:
            pg_restartable.start()
        store.add(Annotation(article=first, note="typed again once it was back"))
        assert "typed again once it was back" in [a.note for a in store.find(article=first)]
        assert "typed while the server was down" not in [a.note for a in store.find(article=first)]
    finally:
        lib.close()


def test_a_transaction_cut_by_the_restart_is_not_finished_on_a_new_connection(shared: str, pg_restartable) -> None:  # noqa: ANN001
    """The statements after the drop would otherwise run, each committed alone, on the new connection."""
    lib = Library.open(shared, create=False)
    try:
        with pytest.raises(ConnectionLostError), lib.transaction() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('half', 'one')")
            pg_restartable.restart()
            conn.execute("INSERT INTO meta (key, value) VALUES ('half2', 'two')")
        assert lib.conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'half%'").fetchone()[0] == 0
    finally:
        lib.close()


def test_other_errors_of_a_postgresql_library_do_not_name_sqlite3(shared: str) -> None:
    lib = Library.open(shared, create=False)
    try:
        with pytest.raises(sqlite3.DatabaseError) as e:
            lib.conn.execute("SELECT no_such_column FROM meta")
        assert "sqlite3" not in type(e.value).__module__
        with pytest.raises(sqlite3.IntegrityError) as e2, lib.transaction() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('twice', '1')")
            conn.execute("INSERT INTO meta (key, value) VALUES ('twice', '2')")
        assert "sqlite3" not in type(e2.value).__module__
    finally:
        lib.close()


@pytest.mark.parametrize("command", [["search", "the"], ["stats"], ["annotations", "list"], ["concordance", "the"],
                                     ["show", "x"]])
def test_a_command_run_while_the_server_is_down_says_so_in_one_sentence(
        shared: str, pg_restartable, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    from reader.cli.main import main

    pg_restartable.halt()
    try:
        capsys.readouterr()
        status = main([*command, "--library", shared])
        err = capsys.readouterr().err
    finally:
        pg_restartable.start()
    assert status in (1, 2), err
    assert err.startswith("broadsheet: ") and "Traceback" not in err and "sqlite3" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert "cannot be reached" in err or "lost the connection" in err, err


def test_a_search_while_the_server_is_down_fails_in_words_and_answers_once_it_is_back(
        shared: str, pg_restartable) -> None:  # noqa: ANN001
    archive = Archive.open(shared, create=False)
    try:
        word = archive.library.article(archive.articles()[0].id).text.split()[3]
        before = archive.search(word).total
        pg_restartable.halt()
        try:
            with pytest.raises(ConnectionLostError) as lost:
                archive.search(word + " x")  # not a search answered from the cache
            assert archive.location in str(lost.value) and "not saved" not in str(lost.value)
        finally:
            pg_restartable.start()
        assert archive.search(word).total == before
    finally:
        archive.close()
