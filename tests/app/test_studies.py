"""The window's concordance and timelines (reader.app.studies): a capped concordance with its exact total and a
CSV streamed from the catalogue; several timelines over the same periods, the library's own counts filled in."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from reader.resources import path as resource_path

from reader.app.studies import concordance_for_window, timelines, write_concordance_csv
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.search.engine import Searcher
from reader.search.timeline import By, library_counts


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    lib = Library(tmp_path_factory.mktemp("studies") / "lib")
    import_paths(lib, [Path(resource_path("samples"))])
    yield lib
    lib.close()


def test_several_timelines_share_their_periods(library: Library) -> None:
    found = timelines(library, ["中国", "Zeitung"], By.YEAR)
    periods = [[b.period for b in t.buckets] for t in found]
    assert periods[0] == periods[1] and periods[0][0] == "1858" and periods[0][-1] == "2021"
    with Searcher(library) as searcher:
        held = library_counts(searcher, By.YEAR)
        for t in found:
            assert all(b.library_articles == held[b.period] for b in t.buckets)  # also where a query had no span
            assert t.total == searcher.count(t.query)
    zeitung = {b.period: b for b in found[1].buckets}
    assert zeitung["1939"].articles == 0 and zeitung["1939"].library_articles == held["1939"] > 0


def test_a_capped_concordance_and_its_csv_of_every_line(library: Library, tmp_path: Path) -> None:
    conc = concordance_for_window(library, "的", cap=10)
    assert len(conc.lines) == 10 < conc.total and not conc.complete
    out = tmp_path / "all.csv"
    assert write_concordance_csv(library, out, "的") == conc.total
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == conc.total and all(r["citation"] for r in rows)
    some = tmp_path / "some.csv"
    assert write_concordance_csv(library, some, "的", lines=conc.lines[:3]) == 3
