"""``bench_library`` on the embedded library runs end to end on a handful of pages, so it cannot rot: the queries
asked once per page-cache pass (cold, then warm), every query exact for the library and its peer in each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


def test_bench_library_asks_the_queries_once_per_cache_pass(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import bench_library

    assert bench_library.main(["--pages", "6", "--queries", "2", "--peers", "fts5", "--no-cli",
                               "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    passes = re.findall(r"^-- queries, page cache (\w+): .*\(([\d,]+) MB of files\)$", out, re.M)
    assert [state for state, _ in passes] == ["cold", "warm"]
    rows = [line for line in out.splitlines() if re.match(r"(cjk1|cjk2|cjk4|common-run|mixed|bool|filter|zero|"
                                                           r"latin) ", line)]
    assert len(rows) == 18
    for row in rows:
        pairs = re.findall(r"(\d+)/(\d+)", row)
        assert len(pairs) == 2 and all(a == b for a, b in pairs), row  # broadsheet and fts5: exact
    # the same queries against brute force over the library's own texts (how a library imported by other code than
    # the benchmark's reference is judged)
    from benchmarks import exact_on_own_texts

    lib = str(tmp_path / "library")
    assert exact_on_own_texts.main(["--library", lib, "--queries-from", lib, "--queries", "2"]) == 0
    assert re.search(r"^all: (\d+)/\1 exact", capsys.readouterr().out, re.M)


def test_a_cache_pass_other_than_cold_warm_or_as_is_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import bench_library

    with pytest.raises(SystemExit) as stopped:
        bench_library.main(["--cache", "hot"])
    assert stopped.value.code == 2
    assert "--cache takes cold, warm, as-is" in capsys.readouterr().err


def test_set_cache_reads_or_drops_every_file_and_counts_their_bytes(tmp_path: Path) -> None:
    from benchmarks.bench_library import set_cache

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.bin").write_bytes(b"x" * 5000)
    (tmp_path / "y.bin").write_bytes(b"y" * 300)
    for state in ("cold", "warm", "as-is"):
        assert set_cache([tmp_path / "a", tmp_path / "y.bin", tmp_path / "absent"], state) == 5300
    assert (tmp_path / "a" / "x.bin").read_bytes() == b"x" * 5000  # nothing of the files touched
