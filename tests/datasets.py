"""Named sets of real pages shared by several tests.

tests/data/heldout2/, tests/data/heldout3/ and tests/data/heldout5/ were held-out sets until their failure kinds were
told or rules were written against them (issue 15);
their files are training pages in tests/data/pages/ now. The search and PostgreSQL checks written for them (every
marked hyphenation joined, every line findable, counts exact) keep running on exactly those files, named here.
A held-out set is any folder tests/data/heldout*/ (:func:`heldout_folders`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
    return _in_pages(FORMER_HELDOUT2)


def _in_pages(names: tuple[str, ...]) -> list[Path]:
    return sorted(PAGES / name for name in names)


#: the former heldout3 files, now in tests/data/pages/ (paths relative to it)
FORMER_HELDOUT3 = (
    "bnf_europeana_le_matin_1893-04-02/18930402_02_1-0001.xml",
    "bnf_europeana_ouest_eclair_1918-12-17/19181217_1-0001.xml",
    "ecpo_jingbao/jb_0130_1920-04-06_0001+0004.xml",
    "ecpo_jingbao/jb_0137_1920-04-27_0002+0003.xml",
    "ecpo_jingbao/jb_3797_1939-04-23_0001+0004.xml",
    "galicia_boletin_libreria_gallega_1895-01/es-scbg_bblg_18950101_0001.xml",
    "hocr_bsb_eisenbahn_zeitung_1846-01/multicolumn.hocr",
    "hocr_prescott_ark_1921-02-10/sn90050306_1921_02_10-8.html",
    "kb_ddd_010724973_1750-05-15/DDD_010724973_002_alto.xml",
    "ndnp_lancaster_intelligencer_1888-08-30/sn83032300_1888_08_30_4.xml",
    "ndnp_prescott_ark_1920-05-27/sn90050306_1920_05_27_1.xml",
    "reichsanzeiger_gt/1847_130_0342.xml",
    "reichsanzeiger_gt/1887_168_0177.xml",
)


def former_heldout3() -> list[Path]:
    """The former heldout3 files in their place under tests/data/pages/, sorted."""
    return _in_pages(FORMER_HELDOUT3)


#: the former heldout5 files, now in tests/data/pages/ (paths relative to it)
FORMER_HELDOUT5 = (
    "bnl_lunion_1863-12-24/alto1.xml",
    "ecpo_jingbao/jb_0131_1920-04-09_0002+0003.xml",
    "ecpo_jingbao/jb_0132_1920-04-12_0002+0003.xml",
    "ecpo_jingbao/jb_1325_1930-04-09_0002+0003.xml",
    "ecpo_jingbao/jb_1330_1930-04-24_0001+0004.xml",
    "ecpo_jingbao/jb_1330_1930-04-24_0002+0003.xml",
    "hocr_little_river_news_1918-05/indexerror.html",
    "hocr_nevada_county_picayune_1920-04-22/hyphen_match.html",
    "ndnp_little_river_news_1920-06-02/sn90050316_1920_06_02_1.xml",
    "reichsanzeiger_gt/1878_248_0442.xml",
)


def former_heldout5() -> list[Path]:
    """The former heldout5 files in their place under tests/data/pages/, sorted."""
    return _in_pages(FORMER_HELDOUT5)


def heldout_folders() -> list[Path]:
    """The held-out sets present now (tests/data/heldout*/ holding truths), sorted; none between two sets."""
    return sorted(d for d in DATA.glob("heldout*") if d.is_dir() and any(d.rglob("*.truth.json")))


def page_files(folder: Path) -> list[Path]:
    """The page files of a folder of truths (each truth names its page: ``<page>.truth.json``), sorted."""
    return sorted(t.with_name(t.name.removesuffix(".truth.json")) for t in folder.rglob("*.truth.json"))


def hocr_word_text(word: Any) -> str:
    """An hOCR word's text as the page reads it, extracted here apart from Broadsheet's reader: of its OCR
    alternatives (``<span class="alternatives"><ins>UTAH</ins><del>UTAR</del>…``) the chosen one, the ``ins`` —
    the ``del`` readings are not on the page (the hOCR format's definition)."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            if not (isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "del"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(word)
    return "".join(parts)
