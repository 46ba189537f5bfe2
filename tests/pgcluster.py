"""The tests' throwaway PostgreSQL cluster: :mod:`benchmarks.pgcluster`, kept there so the benchmarks use the
same code without importing tests/ (the fixtures in conftest.py import this name)."""

from benchmarks.pgcluster import SUPERUSER, Cluster, find_bin, running, unique_name

__all__ = ["SUPERUSER", "Cluster", "find_bin", "running", "unique_name"]
