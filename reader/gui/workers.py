"""One way to run long work off the GUI thread: :func:`run_task` on a QThreadPool.

Modelled on Picard's ``run_task``/``to_main`` and napari's ``thread_worker``.
Long work in the core is plain Python: either a function that accepts
``progress`` (a callable taking a :class:`Progress` or a number) and ``cancel``
(a :class:`threading.Event`), or a generator function that yields progress and
``return``\\ s its result. :func:`run_task` wraps either in a :class:`Worker`
whose signals deliver progress, the result or the exception on the GUI thread.
No exception is swallowed: a failure reaches ``failed`` and the log.

The pool is injectable (:func:`set_pool`): tests install :class:`SyncPool`,
which runs the work at once on the calling thread, so a test sees the result
as soon as ``run_task`` returns; real threading is tested with ``waitSignal``.
"""

from __future__ import annotations

import inspect
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from reader.model.errors import BroadsheetError

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside work that notices its cancel event (the worker reports ``aborted``)."""


@dataclass(frozen=True)
class Progress:
    """How far a piece of work has come: ``done`` of ``total`` units (``total`` None: unknown)."""

    done: float
    total: float | None = None
    message: str = ""

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return max(0.0, min(1.0, self.done / self.total))


class Pool(Protocol):
    """What :func:`run_task` needs from a pool (QThreadPool or :class:`SyncPool`)."""

    def start(self, runnable: QRunnable) -> None: ...


class SyncPool:
    """A pool that runs every task at once on the calling thread (tests, scripts)."""

    def __init__(self) -> None:
        self.started = 0

    def start(self, runnable: QRunnable) -> None:
        self.started += 1
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - QThreadPool's name
        return True


_pool: Pool | None = None
#: workers still running: kept referenced so their signals outlive the caller's frame
_active: set[Worker] = set()


def set_pool(pool: Pool | None) -> None:
    """Use ``pool`` for every later task; None goes back to the global QThreadPool."""
    global _pool
    _pool = pool


def pool() -> Pool:
    return _pool if _pool is not None else QThreadPool.globalInstance()


class ThreadLane:
    """A pool of one Python thread that lives as long as the application, running its tasks in order.

    A library's SQLite connection and the searcher's caches are per thread (``threading.local``). On the
    QThreadPool's threads Python keeps no thread state between two tasks, so every task met an empty
    ``threading.local``: each search in the window opened a new connection (left open until the library
    closed) and reread the catalogue's table of articles — at 10,000 pages four times the core's time.
    A Python thread keeps its state: its connection and caches stay warm from one search to the next."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._queue: queue.Queue[QRunnable] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self, runnable: QRunnable) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=f"lane-{self.name}", daemon=True)
                self._thread.start()
        self._queue.put(runnable)

    def _run(self) -> None:
        while True:
            runnable = self._queue.get()
            try:
                runnable.run()  # a _Runnable reports its own failures; nothing escapes to here
            finally:
                self._queue.task_done()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - QThreadPool's name
        """Wait until every task handed to the lane has run (at most ``msecs`` ms; -1: no limit)."""
        end = None if msecs < 0 else time.monotonic() + msecs / 1000
        while self._queue.unfinished_tasks:
            if end is not None and time.monotonic() > end:
                return False
            time.sleep(0.005)
        return True


#: lanes by name (see :func:`lane`)
_lanes: dict[str, ThreadLane] = {}


def lane(name: str) -> Pool:
    """The :class:`ThreadLane` called ``name``: one kept thread for work whose state lives per thread (a
    library's connection and caches). It runs its tasks one after the other, so a search superseded
    before it starts is dropped (:meth:`Worker.cancel`). The injected pool (:func:`set_pool`, tests)
    is used instead when there is one."""
    if _pool is not None:
        return _pool
    found = _lanes.get(name)
    if found is None:
        found = _lanes[name] = ThreadLane(name)
    return found


class Worker(QObject):
    """The GUI-side handle of one task: signals, cancel, and the state it ended in."""

    progressed = Signal(object)
    #: a problem the work met and went on past (a bad file in a batch)
    warned = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object)
    aborted = Signal()
    #: emitted last, whatever the outcome
    finished = Signal()

    def __init__(self, name: str, lane: str | None = None) -> None:
        super().__init__()
        self.name = name
        #: the :func:`lane` the work runs on (None: the shared pool)
        self.lane = lane
        self.cancel_event = threading.Event()
        self.started_at = time.monotonic()
        self.state = "pending"
        self.result: Any = None
        self.error: BaseException | None = None
        self._runnable: QRunnable | None = None

    def start(self) -> None:
        """Hand the work to the pool (run_task does this unless ``autostart`` was False)."""
        runnable, self._runnable = self._runnable, None
        if runnable is not None:
            (pool() if self.lane is None else lane(self.lane)).start(runnable)

    def warn(self, message: str) -> None:
        """The ``warn`` callable handed to work that accepts one: reaches the GUI thread as ``warned``."""
        self.warned.emit(str(message))

    def cancel(self) -> None:
        """Ask the work to stop; it does at its next progress report or cancel check."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def report(self, value: Any = None, total: float | None = None, message: str = "") -> None:
        """The ``progress`` callable handed to the work (the work checks ``cancel`` itself and stops cleanly)."""
        if isinstance(value, Progress):
            prog = value
        elif isinstance(value, (int, float)):
            prog = Progress(float(value), total, message)
        else:
            prog = Progress(0.0, total, str(value) if value is not None else message)
        self.progressed.emit(prog)

    def rate(self, done: float) -> float:
        """Units per second since the task started."""
        elapsed = max(1e-6, time.monotonic() - self.started_at)
        return done / elapsed


class _Runnable(QRunnable):
    def __init__(self, worker: Worker, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.worker = worker
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self) -> None:
        w = self.worker
        w.state = "running"
        w.started_at = time.monotonic()
        try:
            if w.cancel_event.is_set():  # cancelled while it waited for a thread: not begun at all
                raise Cancelled(w.name)
            if inspect.isgeneratorfunction(self.fn):
                gen = self.fn(*self.args, **self.kwargs)
                result = None
                while True:
                    if w.cancel_event.is_set():
                        gen.close()
                        raise Cancelled(w.name)
                    try:
                        value = next(gen)
                    except StopIteration as stop:
                        result = stop.value
                        break
                    w.report(value)
            else:
                result = self.fn(*self.args, **self.kwargs)
            if w.cancel_event.is_set():
                # the work stopped early on its own and returned what it had done
                w.result = result
                raise Cancelled(w.name)
        except Cancelled:
            w.state = "aborted"
            log.info("task %s cancelled", w.name)
            w.aborted.emit()
        except BaseException as e:  # every failure reaches the GUI thread: nothing is swallowed
            w.state = "failed"
            w.error = e
            if isinstance(e, BroadsheetError):  # what the reader gave was refused (a query, a file): said, no trace
                log.warning("task %s: %s", w.name, e)
            else:
                log.error("task %s failed: %s", w.name, e, exc_info=(type(e), e, e.__traceback__))
            w.failed.emit(e)
        else:
            w.state = "done"
            w.result = result
            w.succeeded.emit(result)
        finally:
            w.finished.emit()


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    name: str = "",
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    pass_control: bool = False,
    autostart: bool = True,
    lane: str | None = None,
    **kwargs: Any,
) -> Worker:
    """Run ``fn(*args, **kwargs)`` in the pool and return its :class:`Worker`.

    With ``pass_control`` the work also receives ``progress=worker.report`` and
    ``cancel=worker.cancel_event`` (and ``warn=worker.warn`` when it takes a
    ``warn`` argument). Callbacks run on the GUI thread (queued through the
    worker's signals). The callbacks are connected before the work starts, so a
    synchronous pool delivers them too. With ``autostart=False`` the caller
    calls ``worker.start()`` once it has recorded the worker. With ``lane`` the work runs on that
    :func:`lane` (one kept thread) instead of the shared pool.
    """
    worker = Worker(name or getattr(fn, "__name__", "task"), lane)
    if pass_control:
        kwargs = dict(kwargs, progress=worker.report, cancel=worker.cancel_event)
        try:
            if "warn" in inspect.signature(fn).parameters:
                kwargs["warn"] = worker.warn
        except (TypeError, ValueError):  # builtins without a signature take no warn
            pass
    if on_result is not None:
        worker.succeeded.connect(on_result)
    if on_error is not None:
        worker.failed.connect(on_error)
    if on_progress is not None:
        worker.progressed.connect(on_progress)
    if on_warning is not None:
        worker.warned.connect(on_warning)
    if on_finished is not None:
        worker.finished.connect(on_finished)
    _active.add(worker)
    worker.finished.connect(lambda: _active.discard(worker))
    worker._runnable = _Runnable(worker, fn, args, kwargs)
    if autostart:
        worker.start()
    return worker


class _Invoker(QObject):
    """Lives on the GUI thread; a queued signal carries callables to it."""

    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run)

    def _run(self, fn: Callable[[], None]) -> None:
        fn()


_invoker: _Invoker | None = None


def install_invoker() -> None:
    """Create the GUI-thread end of :func:`to_main`; call once from the GUI thread."""
    global _invoker
    if _invoker is None:
        _invoker = _Invoker()


def to_main(fn: Callable[..., None], *args: Any) -> None:
    """Call ``fn(*args)`` on the GUI thread (at once when already there)."""
    if _invoker is None or threading.current_thread() is threading.main_thread():
        fn(*args)
        return
    _invoker.call.emit(lambda: fn(*args))


def active_workers() -> list[Worker]:
    return list(_active)


def wait_all(timeout_ms: int = 5000) -> bool:
    """Wait for the pool and the lanes to drain (used when the window closes); a lane's thread ends."""
    done = True
    for p in (pool(), *_lanes.values()):
        waiter = getattr(p, "waitForDone", None)
        done = bool(waiter(timeout_ms)) and done if waiter else done
    return done


def single_shot(ms: int, fn: Callable[[], None]) -> None:
    """Run ``fn`` on the GUI thread after ``ms`` milliseconds."""
    QTimer.singleShot(ms, fn)
