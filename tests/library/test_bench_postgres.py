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
    assert len(rows) == 18  # a cold and a warm pass
    for row in rows:
        pairs = re.findall(r"(\d+)/(\d+)", row)
        assert len(pairs) == 2 and all(a == b for a, b in pairs), row  # the embedded and the PG library: exact
    studies = [line for line in out.splitlines() if ": concordance of " in line]
    assert [s.split(":")[0] for s in studies] == ["broadsheet", "postgres"]
    assert all(s.count("OK") == 2 and "MISMATCH" not in s for s in studies), studies
    assert "where the postgres import's time goes" in out
    assert "EXPLAIN ANALYZE (auto_explain)" in out


def test_bench_library_reuses_a_kept_postgresql_library(pg_cluster, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """``--keep-library --pg-url``: the library already in that database is measured again, not imported again (a
    100,000-page import is two hours), and still compared with the embedded library article for article."""
    from benchmarks import bench_library

    url = pg_cluster.create_database(f"kept_{tmp_path.name[-12:]}".lower().replace("-", "_"))
    common = ["--pages", "3", "--backend", "postgres", "--pg-url", url, "--peers", "", "--no-cli", "--import-only",
              "--work", str(tmp_path)]
    assert bench_library.main(common) == 0
    first = capsys.readouterr().out
    assert re.search(r"^postgres: import[^:]*: 3 pages", first, re.M) and "reused" not in first
    assert bench_library.main([*common, "--keep-library"]) == 0
    again = capsys.readouterr().out
    assert "postgres: import" not in again and "embedded: import" not in again and "sqlite: import" not in again
    assert re.search(r"^postgres: the library at .* reused \(--keep-library\): \d+ articles", again, re.M)
    assert "postgres: the same articles (ids and folded texts) as the embedded library: True" in again
