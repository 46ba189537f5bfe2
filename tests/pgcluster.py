"""The tests' throwaway PostgreSQL cluster: :mod:`benchmarks.pgcluster`, kept there so the benchmarks use the
same code without importing tests/ (the fixtures in conftest.py import this name); and the researchers' roles a
test of a shared library makes (:func:`team`)."""

from benchmarks.pgcluster import SUPERUSER, Cluster, find_bin, running, unique_name

__all__ = ["SUPERUSER", "Cluster", "find_bin", "running", "team", "unique_name"]


def team(url: str, group: str, *members: str) -> None:
    """Login roles ``members`` made anew, direct members of the group role ``group`` (made anew too): what a
    research group is to a shared library's row-level security. Role names are the cluster's: give each test its
    own."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as c:
        for role in members:
            c.execute(f"DROP ROLE IF EXISTS {role}")
            c.execute(f"CREATE ROLE {role} LOGIN")
        c.execute(f"DROP ROLE IF EXISTS {group}")
        c.execute(f"CREATE ROLE {group} NOLOGIN")
        c.execute(f"GRANT {group} TO {', '.join(members)}")
