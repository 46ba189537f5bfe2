"""Performance harness of the library and search (not tests): ``python -m benchmarks.bench_library``."""
