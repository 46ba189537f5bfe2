"""Issue 18's held-out check: pages the project has not tuned on, imported into a fresh PostgreSQL library — the
reading spread over a local Dask cluster of two worker processes — give the same articles as the embedded library,
and every query's total equals the embedded library's and a brute-force count over the folded texts. Run on every
held-out set there is (tests/data/heldout*/: pages nobody has read Broadsheet's output of) and on the former
heldout2, heldout3 and heldout5 (in tests/data/pages/ now, named in tests/datasets.py): every set's pages in one
library of each kind, each set in a folder of its own. The embedded side is the run's held-out libraries
(tests/heldout_library.py, a library a set imported once for this and tests/search/test_heldout_whole.py): their
articles together, each query's total summed over them; the PostgreSQL library reads the same source folder at once,
so its articles have the same ids.

The queries are taken from the pages themselves (a few words of every page, runs of two to five characters
of the Chinese folds, phrases, a boolean, filters, exact and variant modes, misses), so the check does not
depend on which words a hand-written list happens to name.
"""

from __future__ import annotations

import contextlib
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from heldout_library import SETS, HeldoutBuild

from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.search.engine import Searcher
from reader.search.query import Match, SearchOptions
from reader.text.forms import fold_query

pytest.importorskip("distributed", reason="Dask is not installed: pip install 'broadsheet[cluster]'")

CJK = re.compile(r"[\u3400-\u9fff]{2,}")
LATIN = re.compile(r"(?<![^\W_])[A-Za-zÀ-ÿ]{5,}(?![^\W_])")


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


#: how many page files the sets hold
FILES = sum(len(files) for files in SETS.values())


class _Sets:
    """The held-out sets' embedded libraries read as one: their articles together, a query's total summed."""

    def __init__(self, libraries: list[Library]) -> None:
        self.libraries = libraries

    def articles(self) -> dict[str, tuple[str, str]]:
        return {a.id: (lib.article(a.id).text, lib.folded_text(a.id)) for lib in self.libraries for a in lib.articles()}

    def folded(self) -> list[str]:
        return [lib.folded_text(a.id) for lib in self.libraries for a in lib.articles()]


@pytest.fixture(scope="module")
def embedded(heldout_build: HeldoutBuild) -> Iterator[_Sets]:
    libraries = [heldout_build.open(name) for name in SETS]
    yield _Sets(libraries)
    for lib in libraries:
        lib.close()


@pytest.fixture(scope="module")
def shared(heldout_build: HeldoutBuild, pg_cluster: object,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """A fresh PostgreSQL library filled by an import whose reading runs on two local Dask workers."""
    monkey = pytest.MonkeyPatch()
    monkey.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("pgcache")))
    lib = Library.open(pg_cluster.create_database("heldout_pg"))  # type: ignore[attr-defined]
    try:
        report = import_paths(lib, [heldout_build.source], cluster="local:2")
        assert not report.failed and len(report.imported) == FILES
        yield lib
    finally:
        lib.close()
        monkey.undo()


#: words and runs drawn of each kind from every set's texts together (each set had 60 of each while it was a
#: library of its own: the equality of both kinds is checked on fewer queries over all the pages at once)
PER_KIND = 200


def _queries(folded: list[str]) -> list[str]:
    """Words and runs drawn from the texts (seeded), plus phrases, booleans and misses."""
    rng = random.Random(18)
    latin = sorted({w for t in folded for w in LATIN.findall(t)})
    runs = sorted({m[i:i + n] for t in folded for m in CJK.findall(t) for n in (2, 3, 5)
                   for i in range(0, max(len(m) - n, 0) + 1, 7)})
    words = rng.sample(latin, min(PER_KIND, len(latin)))
    cjk = rng.sample(runs, min(PER_KIND, len(runs)))
    return [*words, *cjk, f'"{words[0]} {words[1]}"', f"{words[2]} AND {words[3]}", f"{cjk[0]} OR {cjk[1]}",
            "京", "報", "the", "zzqxv", "不存在的詞語"]


def _brute(folded: list[str], query: str) -> int | None:
    """A single word or run counted by scanning every folded text; None for the operators."""
    if any(c in query for c in ' "') or query.isupper():
        return None
    needle = fold_query(query)
    if CJK.fullmatch(needle) or len(needle) == 1:
        return sum(1 for t in folded if needle in t)
    rx = re.compile(rf"(?<![^\W_]){re.escape(needle)}(?![^\W_])")
    return sum(1 for t in folded if needle in t and rx.search(t))  # the regex only where the substring is


def test_the_held_out_pages_give_the_same_articles_on_both_kinds(embedded: _Sets, shared: Library) -> None:
    mine = embedded.articles()
    theirs = {a.id: (shared.article(a.id).text, shared.folded_text(a.id)) for a in shared.articles()}
    assert len(mine) > 100
    assert theirs == mine


def test_every_total_equals_the_embedded_library_and_brute_force(embedded: _Sets, shared: Library) -> None:
    folded = embedded.folded()
    queries = _queries(folded)
    assert len(queries) > 100
    options = [SearchOptions(), SearchOptions(match=Match.EXACT), SearchOptions(match=Match.VARIANTS)]
    with contextlib.ExitStack() as stack, Searcher(shared) as there:
        here = [stack.enter_context(Searcher(lib)) for lib in embedded.libraries]
        for query in queries:
            for opts in options:
                mine = sum(s.count(query, options=opts) for s in here)
                assert there.count(query, options=opts) == mine, (query, opts)
            brute = _brute(folded, query)
            if brute is not None:
                assert sum(s.count(query) for s in here) == brute, query
        hits = [q for q in queries if any(s.count(q) for s in here)]
        assert len(hits) > 100
        for query in hits[:60]:
            first = [h.article for s in here for h in s.search(query, limit=None).hits]
            assert sorted(h.article for h in there.search(query, limit=None).hits) == sorted(first), query
