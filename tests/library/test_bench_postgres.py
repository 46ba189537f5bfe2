"""``bench_library --backend postgres`` runs end to end on a handful of pages, so it cannot rot: its own
throwaway cluster, the same articles in both libraries, every query exact in both, the concordance and
timeline totals equal to brute force, and the profile (cProfile and the server's plans) printed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks import pgcluster


def test_bench_library_postgres_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]')")
    if pgcluster.find_bin() is None:
        pytest.skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    from benchmarks import bench_library

    assert bench_library.main(["--pages", "6", "--queries", "2", "--backend", "postgres", "--peers", "",
                               "--no-cli", "--profile", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "postgres: the same articles (ids and folded texts) as the embedded library: True" in out
    assert re.search(r"^postgres: import[^:]*: 6 pages, \d+ articles, [\d,]+ chars in .* failed 0", out, re.M)
    assert re.search(r"^postgres sizes: database \d+ MB", out, re.M)
    rows = [line for line in out.splitlines() if re.match(r"(cjk1|cjk2|cjk4|common-run|mixed|bool|filter|zero|"
                                                           r"latin) ", line)]
    assert len(rows) == 9
    for row in rows:
        pairs = re.findall(r"(\d+)/(\d+)", row)
        assert len(pairs) == 2 and all(a == b for a, b in pairs), row  # the embedded and the PG library: exact
    studies = [line for line in out.splitlines() if ": concordance of " in line]
    assert [s.split(":")[0] for s in studies] == ["broadsheet", "postgres"]
    assert all(s.count("OK") == 2 and "MISMATCH" not in s for s in studies), studies
    assert "where the postgres import's time goes" in out
    assert "EXPLAIN ANALYZE (auto_explain)" in out
