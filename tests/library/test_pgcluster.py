"""The test harness's PostgreSQL cluster runs, as a non-root user, and gives fresh databases."""

from __future__ import annotations


def test_cluster_gives_fresh_databases(pg_url: str, pg_cluster) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("broadsheet",)
        conn.execute("CREATE TABLE t (x int)")
    other = pg_cluster.create_database("fresh_check")
    with psycopg.connect(other) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 't'").fetchone() == (0,)
