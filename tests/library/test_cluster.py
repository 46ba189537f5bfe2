"""``import --cluster``: files read on a real Dask cluster (a scheduler and two worker processes on 127.0.0.1,
and ``local:N``) give the same library as reading here; a worker that dies loses no file; a bad file is one
sentence and the batch goes on; a file travels as bytes when the worker does not see it."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from benchmarks.reaper import Reaper
from reader.index.store import unpack_terms
from reader.library.catalogue import Library
from reader.library.importer import NotShared, import_paths, read_file
from reader.search.engine import Searcher

distributed = pytest.importorskip("distributed", reason="Dask is not installed: pip install 'broadsheet[cluster]'")

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ("第3号", "人民", "the", "Statesman", "京", "中国 OR 上海", "Wetzel")
#: generous: two cores shared with other work
START_SECONDS = 120


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def dask_cluster(tmp: Path, workers: int = 2, victim_preload: Path | None = None) -> Iterator[tuple[str, list[Any]]]:
    """A Dask scheduler and ``workers`` worker processes (one thread, no nanny) on loopback; yields its address.

    With ``victim_preload`` the first worker loads that preload script (which kills the worker's process).
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    address = f"tcp://127.0.0.1:{_free_port()}"
    procs: list[subprocess.Popen[bytes]] = []
    log = (tmp / "dask.log").open("wb")
    reaper = Reaper()  # should the test run die, its scheduler and workers die with it (benchmarks/reaper.py)
    reaped: list[str] = []
    try:
        procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host",
                                       "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
                                      env=env, stdout=log, stderr=log, cwd=tmp))
        reaped.append(reaper.kill(procs[-1].pid))
        for n in range(workers):
            extra = ["--preload", str(victim_preload)] if victim_preload is not None and n == 0 else []
            procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address,
                                           "--nthreads", "1", "--no-nanny", "--no-dashboard", "--name", f"w{n}",
                                           "--host", "127.0.0.1", *extra],
                                          env=env, stdout=log, stderr=log, cwd=tmp))
            reaped.append(reaper.kill(procs[-1].pid))
        with distributed.Client(address, timeout=f"{START_SECONDS}s") as client:
            client.wait_for_workers(workers, timeout=START_SECONDS)
        yield address, procs
    finally:
        # the workers first, while their scheduler still answers their goodbye: terminated together, a worker waited
        # for the gone scheduler until it was killed (31 s of a module's teardown in CI)
        for group in (procs[1:], procs[:1]):
            for p in group:
                if p.poll() is None:
                    p.terminate()
            for p in group:
                try:
                    p.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        log.close()
        for key in reaped:  # ended and waited for: their pids may be another process's by now
            reaper.forget(key)
        reaper.close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with dask_cluster(tmp_path_factory.mktemp("dask")) as (address, _):
        yield address


def _corpus(root: Path, data_dir: Path, pages: int = 4) -> Path:
    """Every kind of file: METS with its ALTO pages, hOCR with page images, ECPO, plain text pages."""
    src = root / "src"
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bl_statesman_1824-02-17", src / "bl")
    shutil.copytree(data_dir / "samples" / "hocr", src / "hocr")
    shutil.copytree(data_dir / "samples" / "chinese" / "ecpo_jingbao" / "textGT", src / "ecpo")
    seed = (data_dir / "text" / "seed_page.txt").read_text(encoding="utf-8")
    for n in range(pages):
        (src / f"rmrb_202101{n + 1:02d}_04.txt").write_text(seed + f"\n第{n}号\n", encoding="utf-8")
    return src


def _snapshot(lib: Library) -> tuple[Any, ...]:
    """What a reader sees: every article (id, headline, folded text), and each query's hits, hit for hit."""
    rows = lib.conn.execute("SELECT a.id, a.headline, t.folded FROM articles a "
                            "JOIN article_text t ON t.num = a.num ORDER BY a.id").fetchall()
    with Searcher(lib) as s:
        results = [s.search(q, limit=None) for q in QUERIES]
    hits = [(r.total, [(h.article, h.matches, h.snippet) for h in r.hits]) for r in results]
    return rows, hits, lib.stats()


def _import(root: Path, src: Path, name: str, cluster: str | None) -> tuple[Any, ...]:
    lib = Library(root / name)
    try:
        rep = import_paths(lib, [src], cluster=cluster)
        assert not rep.failed, rep.failed
        return (sorted(Path(p).name for p in rep.imported), *_snapshot(lib))
    finally:
        lib.close()


@pytest.fixture(scope="module")
def read_here(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[Any, ...]]:
    """The corpus, and what importing it without a cluster gives."""
    root = tmp_path_factory.mktemp("here")
    src = _corpus(root, ROOT / "tests" / "data")
    here = _import(root, src, "here", None)
    names, rows, hits = here[0], here[1], here[2]
    assert len(names) >= 16 and len(rows) > 40
    assert hits[0][0] == 1 and all(total > 0 for total, _ in hits[:5])
    return src, here


@pytest.mark.parametrize("where", ["tcp", "local:2"])
def test_cluster_import_stores_what_reading_here_stores(tmp_path: Path, read_here: tuple[Path, tuple[Any, ...]],
                                                        cluster: str, where: str) -> None:
    src, here = read_here
    assert _import(tmp_path, src, "there", cluster if where == "tcp" else where) == here


def test_bad_file_is_one_sentence_and_the_rest_import(tmp_path: Path, data_dir: Path, cluster: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli.main import main

    src = _corpus(tmp_path, data_dir, pages=3)
    (src / "bad.xml").write_text("<notalto><x/></notalto>", encoding="utf-8")
    (src / "broken.xml").write_text("<alto><unclosed>", encoding="utf-8")
    status = main(["import", str(src), "--library", str(tmp_path / "lib"), "--cluster", cluster, "--quiet"])
    stderr = capsys.readouterr().err
    assert status == 1, stderr
    errors = [ln for ln in stderr.splitlines() if "bad.xml" in ln or "broken.xml" in ln]
    assert len(errors) == 2, stderr
    for line in errors:
        assert line.startswith(f"broadsheet: {src}") and line.endswith(".")
    lib = Library(tmp_path / "lib")
    try:
        sources = {Path(r[0]).name for r in lib.conn.execute("SELECT path FROM sources")}
    finally:
        lib.close()
    assert {"rmrb_20210101_04.txt", "rmrb_20210103_04.txt", "0002647_18240217_mets.xml"} <= sources
    assert not sources & {"bad.xml", "broken.xml"}


def test_a_worker_that_dies_loses_no_file(tmp_path: Path, read_here: tuple[Path, tuple[Any, ...]]) -> None:
    """The first worker's process kills itself (SIGKILL) as it starts reading its first file: Dask gives that
    file to the other worker, and the import holds every file."""
    preload = tmp_path / "victim.py"
    preload.write_text(textwrap.dedent("""
        import os, signal
        from distributed.diagnostics.plugin import WorkerPlugin

        class Die(WorkerPlugin):
            def transition(self, key, start, finish, **kwargs):
                if finish == "executing":
                    os.kill(os.getpid(), signal.SIGKILL)

        async def dask_setup(worker):
            await worker.plugin_add(Die(), name="die")
    """), encoding="utf-8")
    src, here = read_here
    with dask_cluster(tmp_path, victim_preload=preload) as (address, procs):
        there = _import(tmp_path, src, "there", address)
        victim = procs[1]
        assert victim.poll() == -9  # it took a file and died with it
    assert there == here


def test_bytes_travel_when_the_worker_does_not_see_the_file(tmp_path: Path, data_dir: Path, cluster: str) -> None:
    """A worker that finds other bytes (or none) at the path reads the bytes sent for formats that need nothing
    beside them; a file that needs its neighbours (hOCR and its page image) comes back to be read here."""
    from reader.library.cluster import ClusterReaders

    src = _corpus(tmp_path, data_dir, pages=1)
    text = src / "rmrb_20210101_04.txt"
    ecpo = next((src / "ecpo").iterdir())
    hocr = src / "hocr" / "kraken08_bw_example" / "kraken_bw_example.hocr"
    client = distributed.Client(cluster, timeout=f"{START_SECONDS}s")
    readers = ClusterReaders(client, None, send_bytes=True)
    try:
        assert readers.width == 2
        other = "0" * 64  # not the file's sha256: what the worker sees at that path is not what was sent
        for path in (text, ecpo):
            sent = readers.submit(path, other).result(timeout=START_SECONDS)
            local = read_file(path)
            assert sent.folded == local.folded and _terms(sent.terms) == _terms(local.terms)
            assert sent.rows == local.rows
        with pytest.raises(NotShared):
            readers.submit(hocr, other).result(timeout=START_SECONDS)
        same = hashlib.sha256(hocr.read_bytes()).hexdigest()  # the worker sees the file: read in place, image too
        assert readers.submit(hocr, same).result(timeout=START_SECONDS).rows.pages[0].image
    finally:
        readers.close()


def _terms(packed: list[Any]) -> list[tuple[list[int], list[str], dict[int, int]]]:
    """Packed terms as sorted lists (a set's order differs between processes)."""
    return [(sorted(keys), sorted(words), counts) for keys, words, counts in map(unpack_terms, packed)]


def test_tcp_readers_send_bytes_and_errors_are_one_sentence(cluster: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.library import cluster as dcluster
    from reader.library.cluster import ClusterError, ClusterReaders, parse_spec

    assert parse_spec("local:3") == ("local", 3)
    assert parse_spec("tcp://10.0.0.5:8786") == ("tcp", "tcp://10.0.0.5:8786")
    for bad in ("local:0", "local:x", "http://h:1", "h:8786"):
        with pytest.raises(ClusterError, match="--cluster"):
            parse_spec(bad)
    readers = ClusterReaders.open(cluster)
    try:
        assert readers.send_bytes and readers.cluster is None
    finally:
        readers.close()
    import reader

    monkeypatch.setattr(reader, "__version__", "0.0.1")  # this side: the workers run another version
    with pytest.raises(ClusterError, match=r"runs Broadsheet .*, this is 0\.0\.1; install the same version"):
        ClusterReaders.open(cluster)
    monkeypatch.setattr(dcluster, "CONNECT_SECONDS", 2)
    with pytest.raises(ClusterError, match="no Dask scheduler answers"):
        ClusterReaders.open(f"tcp://127.0.0.1:{_free_port()}")
