"""Workers: results, errors and progress reach the GUI thread; cancel works; real threads too."""

from __future__ import annotations

import threading
import time

import pytest

from reader.gui import workers
from reader.gui.workers import Progress, run_task


def test_sync_pool_delivers_result_progress_and_finished(sync_pool: workers.SyncPool) -> None:
    seen: list[object] = []

    def work(n: int):  # noqa: ANN202 - a generator task
        for i in range(n):
            yield Progress(i + 1, n)
        return n * 2

    w = run_task(work, 3, on_result=seen.append, on_progress=lambda p: seen.append(p.done),
                 on_finished=lambda: seen.append("finished"))
    assert seen == [1, 2, 3, 6, "finished"]
    assert w.state == "done" and sync_pool.started == 1


def test_an_exception_reaches_the_error_callback_not_the_floor() -> None:
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("bad file")

    w = run_task(boom, on_error=errors.append)
    assert w.state == "failed" and isinstance(errors[0], ValueError) and str(errors[0]) == "bad file"


def test_work_with_control_gets_progress_cancel_and_warn() -> None:
    got: dict[str, object] = {}

    def work(*, progress, cancel: threading.Event, warn) -> str:  # noqa: ANN001
        progress(1, 2, "first")
        warn("x.xml: broken.")
        got["cancel"] = cancel
        return "ok"

    warnings: list[str] = []
    progress: list[Progress] = []
    w = run_task(work, pass_control=True, on_warning=warnings.append, on_progress=progress.append)
    assert w.result == "ok" and warnings == ["x.xml: broken."]
    assert progress == [Progress(1.0, 2.0, "first")]
    assert got["cancel"] is w.cancel_event


def test_a_cancelled_generator_is_aborted() -> None:
    aborted: list[bool] = []
    steps: list[float] = []
    holder: dict[str, workers.Worker] = {}

    def work():  # noqa: ANN202
        for i in range(100):
            yield Progress(i, 100)

    def on_progress(p: Progress) -> None:
        steps.append(p.done)
        if p.done == 4:
            holder["w"].cancel()

    w = run_task(work, on_progress=on_progress, on_result=lambda r: aborted.append(False), autostart=False)
    holder["w"] = w
    w.aborted.connect(lambda: aborted.append(True))
    w.start()
    assert aborted == [True] and w.state == "aborted" and steps[-1] == 4


def test_real_threads_deliver_on_the_gui_thread(qtbot) -> None:  # noqa: ANN001
    workers.set_pool(None)  # the global QThreadPool
    main = threading.get_ident()
    threads: dict[str, int] = {}

    def work(*, progress, cancel: threading.Event) -> int:  # noqa: ANN001
        threads["work"] = threading.get_ident()
        for i in range(5):
            progress(i + 1, 5)
            time.sleep(0.01)
        return 42

    def on_result(value: int) -> None:
        threads["result"] = threading.get_ident()

    w = run_task(work, pass_control=True, on_result=on_result, autostart=False)
    with qtbot.waitSignal(w.finished, timeout=5000):
        w.start()
    assert w.result == 42
    assert threads["work"] != main and threads["result"] == main


def test_real_thread_cancel_stops_the_work(qtbot) -> None:  # noqa: ANN001
    workers.set_pool(None)
    started = threading.Event()

    def work(*, progress, cancel: threading.Event) -> int:  # noqa: ANN001
        n = 0
        started.set()
        while not cancel.is_set() and n < 1000:
            n += 1
            time.sleep(0.005)
        return n

    w = run_task(work, pass_control=True, autostart=False)
    with qtbot.waitSignal(w.aborted, timeout=5000):
        w.start()
        assert started.wait(5)
        w.cancel()
    assert w.state == "aborted" and w.result < 1000


@pytest.mark.parametrize("bad", [TypeError("no"), KeyError("k")])
def test_failures_are_logged(caplog: pytest.LogCaptureFixture, bad: BaseException) -> None:
    def boom() -> None:
        raise bad

    run_task(boom, name="boom")
    assert any("task boom failed" in r.getMessage() and r.exc_info for r in caplog.records)


def test_a_refusal_of_what_the_reader_gave_is_logged_without_a_traceback(caplog: pytest.LogCaptureFixture) -> None:
    """Seen by eye: kind:zzz (a query refused in one sentence) wrote a whole traceback into the window's log."""
    from reader.search.query import QueryError

    def refuse() -> None:
        raise QueryError("query: kind:zzz names no kind")

    caplog.clear()
    run_task(refuse, name="search")
    [record] = [r for r in caplog.records if "kind:zzz" in r.getMessage()]
    assert record.exc_info is None and record.levelname == "WARNING"


def test_tasks_on_a_lane_keep_their_threads_state(qtbot, library_dir) -> None:  # noqa: ANN001
    """A search keeps its library connection and caches from one task to the next: on QThreadPool's threads
    Python forgot every ``threading.local`` between tasks (a new SQLite connection for every search)."""
    from reader.library.catalogue import Library

    workers.set_pool(None)
    lib = Library.open(library_dir, create=False)
    local = threading.local()
    seen: list[tuple[int, int, bool]] = []

    def work() -> None:
        remembered = getattr(local, "mark", False)
        local.mark = True
        seen.append((threading.get_ident(), id(lib.conn), remembered))

    try:
        for _ in range(3):
            w = run_task(work, lane="test", autostart=False)
            with qtbot.waitSignal(w.finished, timeout=5000):
                w.start()
        assert len({t for t, _, _ in seen}) == 1 and threading.get_ident() not in {t for t, _, _ in seen}
        assert len({c for _, c, _ in seen}) == 1  # one connection, not one per task
        assert [r for _, _, r in seen] == [False, True, True]
    finally:
        assert workers.wait_all(5000)
        lib.close()


def test_pool_tasks_keep_one_library_connection_per_thread(qtbot, library_dir) -> None:  # noqa: ANN001
    """Tasks on QThreadPool's threads (import, export, concordance …) get a new Python thread state each time;
    a connection kept in a ``threading.local`` was forgotten and a new one opened (and left open) per task."""
    from reader.library.catalogue import Library

    workers.set_pool(None)
    lib = Library.open(library_dir, create=False)
    idents: list[int] = []

    def work() -> None:
        lib.conn.execute("SELECT 1").fetchone()
        idents.append(threading.get_ident())

    try:
        for _ in range(4):
            w = run_task(work, autostart=False)
            with qtbot.waitSignal(w.finished, timeout=5000):
                w.start()
        assert len(idents) == 4
        # one per thread that used it, this (the GUI) thread included
        assert len(lib._conns.all()) == len(set(idents) | {threading.get_ident()})  # noqa: SLF001
    finally:
        assert workers.wait_all(5000)
        lib.close()


def test_a_task_cancelled_before_it_begins_does_not_run(qtbot) -> None:  # noqa: ANN001
    """A lane runs one task at a time: a search superseded while it waits is dropped, not run."""
    workers.set_pool(None)
    gate = threading.Event()
    ran: list[str] = []
    first = run_task(lambda: (gate.wait(5), ran.append("first")), lane="test-cancel")
    second = run_task(lambda: ran.append("second"), lane="test-cancel", autostart=False)
    second.cancel()
    with qtbot.waitSignal(second.aborted, timeout=5000):
        second.start()
        gate.set()
    assert workers.wait_all(5000)
    assert ran == ["first"] and first.state == "done" and second.state == "aborted"
