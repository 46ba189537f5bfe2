"""Reading an import's files on the workers of a Dask distributed cluster (``broadsheet import --cluster``).

The importer reads files ahead of the one it stores through a small "readers" seam (``submit`` a file, get a
future of its :class:`~reader.library.importer.ReadFile`); :class:`ClusterReaders` is that seam over a Dask
``Client``: the reading (parse, reflow, segmentation, folding, terms — :func:`~reader.library.importer.read_sent`)
runs on the workers, the storing stays in the importing process, in file order. Dask is imported here only,
and this module only when ``--cluster`` is given, so a plain import or search never loads it.

``--cluster local:N`` starts a ``LocalCluster`` of N worker processes (one thread each) on 127.0.0.1;
``--cluster tcp://HOST:PORT`` joins a running scheduler, whose workers must run the same Broadsheet version
(checked when joining: another version could read a file into other articles).

How files travel: with ``local:N`` the workers share this machine's file system, so a task is a path (and the
sha256 the importer computed). To a ``tcp://`` cluster each task carries the path, the sha256 AND the file's
bytes: a worker that finds the same bytes at the same path reads the file there (a shared file system: METS
pages and page images beside the file are found as here); otherwise it reads the bytes, but only for formats
that read nothing beside the file (plain text, ECPO); a file that needs its neighbours (METS, ALTO, hOCR, PAGE
with their page images) is handed back and read in the importing process — never a document silently missing
its pages or its image.

A worker that dies loses no file: the scheduler gives its tasks to another worker (Dask's own retry of the
tasks a lost worker held); a file that kills worker after worker (Dask's ``KilledWorker``) is read in the
importing process, as when a local reading process dies.
"""

from __future__ import annotations

import logging
import re
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from reader.formats.sourcefile import read_source
from reader.library.importer import ReaderLost, ReadFile, read_sent
from reader.model.errors import BroadsheetError

log = logging.getLogger(__name__)

#: how long to wait for a scheduler to answer and for its first worker to join
CONNECT_SECONDS = 60
INSTALL_HINT = "pip install 'broadsheet[cluster]' (or: pip install 'dask[distributed]')"


class ClusterError(BroadsheetError):
    """The cluster named by ``--cluster`` cannot be used: one sentence saying why."""


def parse_spec(spec: str) -> tuple[str, int | str]:
    """``local:N`` → ("local", N); ``tcp://HOST:PORT`` → ("tcp", the address); else a ClusterError."""
    m = re.fullmatch(r"local:(\d{1,3})", spec.strip())
    if m:
        n = int(m.group(1))
        if n < 1:
            raise ClusterError(f"--cluster {spec}: give at least one worker (local:2).")
        return "local", n
    if re.fullmatch(r"tcp://[^\s/]+:\d{1,5}", spec.strip()):
        return "tcp", spec.strip()
    raise ClusterError(f"--cluster {spec}: give local:N (N worker processes here) or tcp://HOST:PORT "
                       "(a Dask scheduler).")


def check_spec(spec: str) -> None:
    """A ClusterError, before anything is opened, when ``spec`` names no cluster or Dask is not installed."""
    parse_spec(spec)
    _distributed()


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(f"--cluster needs Dask's distributed scheduler, which is not installed: "
                           f"{INSTALL_HINT}.") from None
    return distributed


def worker_version() -> str:
    """On a worker: the Broadsheet it runs."""
    import reader

    return reader.__version__


def _same_version(client: Any, address: str) -> None:
    """Workers must run this Broadsheet: another version could read the same file into other articles."""
    import reader

    try:
        versions: dict[str, str] = client.run(worker_version)
    except Exception as e:  # e.g. ModuleNotFoundError: reader is not installed there
        raise ClusterError(f"--cluster {address}: its workers cannot run Broadsheet ({type(e).__name__}: {e}); "
                           "install it on every worker.") from None
    for worker, version in sorted(versions.items()):
        if version != reader.__version__:
            raise ClusterError(f"--cluster {address}: worker {worker} runs Broadsheet {version}, this is "
                               f"{reader.__version__}; install the same version on every worker.")


def _join(distributed: Any, address: str) -> Any:
    """A client of the scheduler at ``address`` with at least one worker running this Broadsheet."""
    try:
        client = distributed.Client(address, timeout=f"{CONNECT_SECONDS}s")
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"--cluster {address}: no Dask scheduler answers there ({e}).") from None
    try:
        try:
            client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError):
            raise ClusterError(f"--cluster {address}: the scheduler has no workers "
                               f"(none joined in {CONNECT_SECONDS} s).") from None
        _same_version(client, address)
    except BaseException:
        client.close()
        raise
    return client


class ClusterReaders:
    """Reads an import's files on a Dask cluster; the importer's readers seam (``width``, ``submit``, ``close``)."""

    def __init__(self, client: Any, cluster: Any | None, *, send_bytes: bool) -> None:
        self.client = client
        self.cluster = cluster
        self.send_bytes = send_bytes
        workers = client.scheduler_info().get("workers", {})
        #: tasks running at once: the importer reads a few files ahead per unit of width
        self.width = max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))
        self._killed: type[BaseException] = _distributed().KilledWorker

    @classmethod
    def open(cls, spec: str) -> ClusterReaders:
        """Start ``local:N`` or connect to ``tcp://…``; a ClusterError when that cannot be done."""
        _, value = parse_spec(spec)
        distributed = _distributed()
        logging.getLogger("distributed").setLevel(logging.WARNING)  # its start and stop chatter is not news
        if isinstance(value, int):
            cluster = distributed.LocalCluster(n_workers=value, threads_per_worker=1, processes=True,
                                               host="127.0.0.1", scheduler_port=0, silence_logs=logging.ERROR,
                                               # its HTTP server on a free loopback port, no dashboard
                                               dashboard_address="127.0.0.1:0", scheduler_kwargs={"dashboard": False})
            return cls(distributed.Client(cluster), cluster, send_bytes=False)
        return cls(_join(distributed, value), None, send_bytes=True)

    def submit(self, path: Path, digest: str) -> Future[ReadFile]:
        """Read ``path`` (whose sha256 is ``digest``) on a worker; the future of what it gives."""
        data = read_source(path) if self.send_bytes else None
        remote = self.client.submit(read_sent, str(path), digest, data, pure=False)
        out: Future[ReadFile] = Future()

        def settle(done: Any) -> None:
            try:
                out.set_result(done.result())
            except self._killed:
                out.set_exception(ReaderLost(f"{path}: the workers reading it died"))
            except BaseException as e:  # the file's own error (one sentence) or the cluster's
                out.set_exception(e)

        remote.add_done_callback(settle)
        return out

    def close(self) -> None:
        """Cancel what is still queued and leave the cluster (a ``local:N`` cluster is stopped)."""
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()
