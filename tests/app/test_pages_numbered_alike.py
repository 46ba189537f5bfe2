"""An article is shown beside its own page where pages of its issue are numbered alike.

The undated pages of a folder are filed as one issue, each its page 1 (the three Reichsanzeiger pages of 1820, 1870
and 1930 in tests/data/samples). The window found an article's pages by number in its issue: the 1870 article on
"Oberon" was opened beside the 1820 page, and, once a correction overlaid the issue, a page's article list held the
articles of the other two pages (each on a page 1).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app.archive import Archive
from reader.corrections.store import CorrectionStore, set_role
from reader.library.catalogue import Library
from reader.library.importer import import_paths

REICHSANZEIGER = Path(__file__).resolve().parents[1] / "data" / "samples" / "page" / "reichsanzeiger_gt"


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    lib = Library.open(tmp_path / "lib")
    import_paths(lib, [REICHSANZEIGER])
    archive = Archive(lib)
    try:
        yield archive
    finally:
        archive.close()


def _own_page(archive: Archive, key: str) -> int:
    [page] = [p.id for p in archive.library.pages(archive.info(key).issue_id)
              if p.source == archive.info(key).source]
    return page


def test_an_article_is_on_its_own_page_not_on_every_page_numbered_alike(archive: Archive) -> None:
    pages = archive.library.pages(archive.library.articles()[0].issue_id)
    assert len(pages) == 3 and {p.number for p in pages} == {1}  # one issue, three pages 1
    for info in archive.library.articles():
        assert archive.page_ids(info.id) == [_own_page(archive, info.id)]
    [oberon] = [i.id for i in archive.library.articles() if "Oberon" in archive.article(i.id).text[:200]]
    assert archive.info(oberon).source.endswith("1870_14_0126.xml")
    line = archive.article(oberon).line_ids()[0]
    assert archive.page_of_line(oberon, line) == _own_page(archive, oberon)


def test_a_pages_articles_are_its_own_when_a_correction_overlays_the_issue(archive: Archive) -> None:
    infos = archive.library.articles()
    first = next(i for i in infos if i.source.endswith("1870_14_0126.xml") and len(archive.article(i.id).parts) > 1)
    CorrectionStore.of(archive.library).add(set_role(archive.article(first.id), 1, "subheadline"))
    archive.corrections_changed()
    assert archive.overlay_of.overlaid(first.issue_id) is not None
    for page in archive.library.pages(first.issue_id):
        listed = {i.id for i in archive.articles(page_id=page.id)}
        assert listed == {i.id for i in infos if i.source == page.source}, page.source
    assert archive.page_ids(first.id) == [_own_page(archive, first.id)]
