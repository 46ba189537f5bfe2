"""The concordance counts the articles as the reader reads them (seen by eye: after Correct → Split article the
Concordance dock said "36 occurrence(s) in 1 article(s)" above rows of two articles, their Hits 1 and 35 — the count
was of catalogue rows, the rows of the articles the reader's split made)."""

from __future__ import annotations

from pathlib import Path

from reader.app.archive import Archive
from reader.app.studies import concordance_for_window
from reader.corrections import store as C
from reader.library.catalogue import Library
from reader.library.importer import import_paths

SEED = Path(__file__).parents[1] / "data" / "text" / "seed_page.txt"


def test_an_article_split_in_two_is_counted_as_two(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        import_paths(lib, [SEED], publication="人民日报", date="2021-01-27")
    archive = Archive.open(tmp_path / "lib", create=False)
    try:
        target = next(i for i in archive.articles() if archive.article(i.id).text.count("考核") > 3)
        base = archive.article(target.id)
        at = next(k for k in range(1, len(base.parts)) if "考核" in base.parts[k].text
                  and any("考核" in p.text for p in base.parts[:k]))
        archive.corrections.add(C.split_article(base, at, key=target.id))
        archive.corrections_changed()
        readings = archive.overlay_of.search_readings
        for cap in (None, 1000, 2):
            conc = concordance_for_window(archive.library, "考核", cap=cap or 10**6, readings=readings)
            assert len(conc.per_article) >= 2 or not conc.complete, conc.per_article
            if conc.complete:
                assert conc.articles == len(conc.per_article) == len({ln.article for ln in conc.lines})
            else:
                assert conc.articles >= len({ln.article for ln in conc.lines})
    finally:
        archive.close()
