"""Named sets of real pages shared by several tests.

tests/data/heldout2/ was a held-out set until its failure kinds were told (issue 15); its twelve files are
training pages in tests/data/pages/ now. The search and PostgreSQL checks written for them (every marked
hyphenation joined, every line findable, counts exact) keep running on exactly those files, named here.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PAGES = DATA / "pages"

#: the former heldout2 files, now in tests/data/pages/ (paths relative to it)
FORMER_HELDOUT2 = (
    "bnf_europeana_gaulois_1882-02-08/18820208_1-0001.xml",
    "bnf_europeana_pji_1900-06-03/19000603_1-0002.xml",
    "bnf_europeana_pji_1900-06-03/19000603_1-0003.xml",
    "bnl_lunion_1860-11-30/1860-11-30_01-00001.xml",
    "bnl_lunion_1860-11-30/1860-11-30_01-00002.xml",
    "ecpo_jingbao/jb_1327_1930-04-15_0002+0003.xml",
    "ecpo_jingbao/jb_3804_1939-04-30_0002+0003.xml",
    "hocr_ashdown_ark_1920-01/seq-1.html",
    "kb_ddd_010100993_1876-12-01/DDD_010100993_001_alto.xml",
    "ndnp_winchester_news_1910-10-31/chronicling_america.xml",
    "reichsanzeiger_gt/1871_65_0046.xml",
    "reichsanzeiger_gt/1918_268_0134.xml",
)


def former_heldout2() -> list[Path]:
    """The former heldout2 files in their place under tests/data/pages/, sorted."""
    return sorted(PAGES / name for name in FORMER_HELDOUT2)
