"""The window's search through the application layer (issue 17): the first page of hits comes without facets — so a
common string's page can be found without decoding its postings — and the facets are asked for after, named by the
search they belong to, so the window never shows one query's facets beside another's hits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reader.resources import path as resource_path

from reader.app.archive import Archive
from reader.library.importer import import_paths
from reader.search import engine
from reader.search.engine import Match, Searcher, SearchOptions


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    arch = Archive.open(tmp_path_factory.mktemp("archive-search") / "lib")
    import_paths(arch.library, [Path(resource_path("samples"))])
    yield arch
    arch.close()


def test_the_first_page_comes_without_facets_and_the_facets_after(archive: Archive) -> None:
    with Searcher(archive.library) as core:
        expected = core.search("的", limit=5, facets=True)
    results = archive.search("的", limit=5)
    assert results.facets is None  # not counted with the page
    assert results.total == expected.total > 5  # the total stays exact
    assert [h.article for h in results.hits] == [h.article for h in expected.hits]
    facets = archive.facets("的")
    assert facets.counts == expected.facets and sum(facets.counts["kind"].values()) == results.total
    assert facets.belong_to(results)
    # another query's facets, or the same query's compared otherwise, are not these hits'
    assert not archive.facets("发展").belong_to(results)
    exact = SearchOptions(Match.EXACT)
    assert not archive.facets("的", exact).belong_to(results)
    assert archive.facets("的", exact).belong_to(archive.search("的", limit=5, options=exact))
    # a later page belongs to the same search
    assert facets.belong_to(archive.search("的", limit=5, offset=5))


def test_a_first_page_without_facets_can_walk_a_common_strings_date_order(archive: Archive,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """With facets asked for on the first page, a common string's postings were decoded every time."""
    monkeypatch.setattr(engine, "RELEVANCE_CAP", 3)
    answered: list[bool] = []
    real = Searcher._common_run

    def spy(self: Searcher, *a: Any) -> Any:
        found = real(self, *a)
        answered.append(found is not None)
        return found

    monkeypatch.setattr(Searcher, "_common_run", spy)
    archive.refresh()  # a new searcher
    results = archive.search("的", limit=5)
    assert answered == [True]
    with Searcher(archive.library) as core:
        assert results.total == core.count("的")
        assert archive.facets("的").counts == core.search("的", limit=5, facets=True).facets


def test_a_first_page_holding_every_hit_comes_with_its_facets(archive: Archive) -> None:
    """Nothing is left to count: the window shows them with the hits (no second step moving the list down)."""
    with Searcher(archive.library) as core:
        for query in ("Zeitung", "中国 OR Zeitung", "zzzqqq", "发展"):
            expected = core.search(query, limit=None, facets=True)
            results = archive.search(query, limit=max(1, expected.total))
            assert results.total == expected.total and results.facets == expected.facets, query
            assert archive.facets(query).counts == expected.facets
    assert archive.search("zzzqqq").facets == {"publication": {}, "year": {}, "kind": {}}
