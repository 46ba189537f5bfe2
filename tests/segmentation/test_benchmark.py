"""The segmentation benchmark (benchmarks/bench_segmentation.py) over tests/data/pages, held above a floor.

The floor sits a little under the figures measured when the rules were written, so a change that makes
real pages worse fails here; raise it when the segmenter gets better.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from datasets import FORMER_HELDOUT2 as HELDOUT2_NAMES
from datasets import FORMER_HELDOUT3 as HELDOUT3_NAMES
from datasets import FORMER_HELDOUT5 as HELDOUT5_NAMES

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_segmentation", ROOT / "benchmarks" / "bench_segmentation.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


@functools.cache
def _scores() -> tuple[Any, ...]:
    """The benchmark over tests/data/pages, run once for the tests of this module (it takes minutes)."""
    return tuple(BENCH.run())


def test_the_scorer_is_strict_about_starts_ends_and_swallowed_items() -> None:
    truth = [BENCH.TruthItem("HEAD", "firstwordsofone", "lastwordsofone", "article"),
             BENCH.TruthItem("", "firstwordsoftwo", "lastwordsoftwo", "article")]
    whole = BENCH.Produced("HEAD", "firstwordsofonebodylastwordsofone", "HEADfirstwordsofonebodylastwordsofone")
    merged = BENCH.Produced("HEAD", "firstwordsofonelastwordsofonefirstwordsoftwolastwordsoftwo",
                            "HEADfirstwordsofonelastwordsofonefirstwordsoftwolastwordsoftwo")
    tail = BENCH.Produced("", "lastwordsoftwo", "lastwordsoftwo")
    s = BENCH.score("t", "src", "alone", truth, [whole, tail])
    assert (s.right, s.truth, s.spurious, s.produced) == (1, 2, 1, 2)
    s = BENCH.score("t", "src", "alone", truth, [merged])
    assert (s.right, s.spurious) == (0, 0)  # one article holding two: neither is right, but it starts one


#: pages added by issue 15's third pass (source, file) → floor of their share right
#: (New-York Tribune 0.7 → 0.66 in the undeclared-sizes pass: its lead story is set at 9 pt over a 7 pt body, and once
#: a declared size must agree with the box by 1.3 its lines are body, so "* The New-York, New-Haven …" opens an unheaded
#: brief by its asterisk, as such marks do elsewhere; the truth reads the asterisk as a speck)
THIRD_PASS = {("ndnp_nytribune_1903-05-01", "0002.xml"): 0.66, ("reichsanzeiger_gt", "1914_192_0589.xml"): 0.94}
#: pages added by issue 15's fourth pass (unheaded items inside one block; and Jing bao folds read without their
#: divs, centre-margin adverts: first run 25/30, 18/30, 24/36, 17/26 right, after the pass 28/30, 23/30, 29/36,
#: 21/26) → floor of their share right
FOURTH_PASS = {("kb_ddd_010724973_1750-05-15", "DDD_010724973_001_alto.xml"): 0.93,
               ("reichsanzeiger_gt", "1916_169_0087.xml"): 0.85, ("reichsanzeiger_gt", "1904_263_0459.xml"): 0.71,
               ("ecpo_jingbao", "jb_1326_1930-04-12_0002+0003.xml"): 0.96,
               ("ecpo_jingbao", "jb_3798_1939-04-24_0002+0003.xml"): 0.8,
               ("ecpo_jingbao", "jb_3799_1939-04-25_0002+0003.xml"): 0.78,
               ("ecpo_jingbao", "jb_3802_1939-04-28_0006+0007.xml"): 0.78}
#: pages added by issue 15's whole-column pass (NDNP microfilm, every column one TextBlock) → floor of their share right
#: (Lancaster 0.48 → 0.53 in the undeclared-sizes pass: 15/30 → 16/30, decks closed by a set-in line; 19/30 → 22/30 in
#: seg17, editorial notes parted by lead)
WHOLE_COLUMN_PASS = {("ndnp_deseret_news_1909-12-24", "sn83045555_1909_12_24_6.xml"): 0.4,
                     ("ndnp_lancaster_intelligencer_1881-12-29", "sn83032300_1881_12_29_3.xml"): 0.7}

#: front pages of French dailies added by issue 15's masthead pass (source, file) → (floor of their share right,
#: most spurious articles): Le Gaulois 1884 4/15 right and 5 spurious before (its garbled title logo and the two
#: ears beside it were articles), 5/15 (the right ear's first words lengthened: they sign an article too) and 2
#: after; L'Ouest-Éclair 1924 5/13 and 3 spurious before (ears of ten lines, the
#: director's line and "par fil télégraphique spécial" under the title), 1 after. The NDNP/KB/French pass made Le
#: Gaulois 6/15 (AU RIDEAU, a title centred on its own line, heads its piece; its truth starts under it now)
FRONT_PAGE_PASS = {("bnf_europeana_gaulois_1884-04-30", "18840430_02_1-0001.xml"): (0.73, 1),
                   ("bnf_europeana_ouest_eclair_caen_1924-12-18", "19241218_1-0001.xml"): (0.38, 0)}


#: pages added by issue 15's NDNP/KB/French pass (source, file) → (floor of their share right, most spurious
#: articles); first run → after the pass: Evening Star 1915 p. 1 13/19 right and 3 spurious → 16/19 and 2,
#: L'Ouest-Éclair p. 2 8/13 and 6 → 11/13 and 3, p. 3 4/12 and 13 → 5/12 and 11, Le Gaulois p. 3 6/43 and 6 →
#: 22/43 and 5; seg49: L'Ouest-Éclair p. 3 5 → 6/12 right, 10 → 8 spurious (a head running on into lower-case text
#: under text running on is that text; a rule's marks read as letters go with the article above)
NDNP_FRENCH_PASS = {("ndnp_evening_star_1915-03-22", "0007.xml"): (0.84, 0),
                    ("bnf_europeana_ouest_eclair_caen_1924-12-18", "19241218_1-0002.xml"): (0.92, 2),
                    ("bnf_europeana_ouest_eclair_caen_1924-12-18", "19241218_1-0003.xml"): (0.5, 8),
                    ("bnf_europeana_gaulois_1884-04-30", "18840430_02_1-0003.xml"): (0.58, 5)}


#: the former held-out set heldout2 (tests/datasets.py), training pages since issue 15's advert/notice pass: source →
#: (fewest right, most spurious) over its heldout2 files, at the figures measured when they moved in (103/179 right,
#: 52 spurious of 179 produced; seg17: Le Gaulois 1882 7 → 4 spurious by its garbled title logo, the Winchester News
#: 6 → 7 right and 8 → 7 spurious by its hanging decks; seg22: Ashdown 1920 12 → 13 right and 4 → 2 spurious by the
#: crossheads of its datelined earthquake report; seg23: KB 1876 11 → 12 right by the unheaded item set off by lead
#: under the report on the Chamber; seg53: the Reichsanzeiger 1871 7 → 8 right and 1 → 0 spurious, a law's title and
#: date line read as its headline group)
FORMER_HELDOUT2 = {"bnf_europeana_gaulois_1882-02-08": (4, 4), "bnf_europeana_pji_1900-06-03": (7, 1),
                   "bnl_lunion_1860-11-30": (5, 4), "ecpo_jingbao": (53, 7), "hocr_ashdown_ark_1920-01": (13, 2),
                   "kb_ddd_010100993_1876-12-01": (12, 2), "ndnp_winchester_news_1910-10-31": (7, 6),
                   "reichsanzeiger_gt": (18, 1)}
HELDOUT2_FILES = {(Path(name).parts[0], Path(name).name) for name in HELDOUT2_NAMES}

#: the former held-out set heldout3 (tests/datasets.py), training pages since issue 15's seg17 pass: source →
#: (fewest right, most spurious) over its heldout3 files; 89/201 right and 91 spurious of 219 produced when they moved
#: in, 98/201 and 78 of 216 after the seg17 pass (L'Ouest-Éclair 1918 4 → 6 by its heads declared a step above the
#: body, Le Matin 5 → 10 right and 9 → 3 spurious by its centred decks, the Eisenbahn-Zeitung 0 → 1 and 4 → 1 by its
#: byline and Roman-numbered sections, Prescott 1920 2 → 3 and 5 → 3, Lancaster 1888 38 → 36 spurious; seg18: Lancaster
#: 1888 36 → 30 spurious by adverts' display broken by a set-in line; the Jing bao 1939-04-23 outer fold 48 → 49 right
#: and 11 → 12 spurious once the paper's slogan in its margin is furniture: the display lines of the advert above it,
#: 胃鑰 / 分片 / … / 上海中西大薬房發行, had the slogan for their body and stand alone now; seg19: L'Ouest-Éclair
#: 1918 6 → 9 right and 9 → 0 spurious by the crossheads under its banner, its writers' initials and an asterisk that
#: opens no brief, Lancaster 1888
#: 30 → 27 spurious by adverts' display lines close under their copy; seg20: Lancaster 1888 6 → 9 right and 27 → 28
#: spurious by centred heads the OCR garbled past their case and stops, set apart by whitespace; the one more spurious
#: is a market report's crosshead so set, "Bteeaaaraact,"; Prescott 1920 3 → 4 right: the FOR HAY advert, all display
#: lines at a column's foot, is no kicker of the next column's headline; seg22: Prescott 1920 4 → 5 right and 3 → 2
#: spurious, a notice's first line set large across the measure being its text; seg53: the Reichsanzeiger 1847 4 → 2
#: spurious, a deputy's "… welches ſo lautet:" going on into the amendment read out)
FORMER_HELDOUT3 = {"bnf_europeana_le_matin_1893-04-02": (10, 3), "bnf_europeana_ouest_eclair_1918-12-17": (9, 0),
                   "ecpo_jingbao": (49, 12), "galicia_boletin_libreria_gallega_1895-01": (2, 1),
                   "hocr_bsb_eisenbahn_zeitung_1846-01": (1, 1), "hocr_prescott_ark_1921-02-10": (0, 6),
                   "kb_ddd_010724973_1750-05-15": (4, 0), "ndnp_lancaster_intelligencer_1888-08-30": (9, 28),
                   "ndnp_prescott_ark_1920-05-27": (7, 2), "reichsanzeiger_gt": (19, 5)}
HELDOUT3_FILES = {(Path(name).parts[0], Path(name).name) for name in HELDOUT3_NAMES}

#: the former held-out set heldout5 (tests/datasets.py), training pages since session seg21: source → (fewest right,
#: most spurious) over its heldout5 files; 131/188 right and 60 spurious of 218 produced when they moved in; seg21:
#: Little River News 1920 10 → 11 right, 6 → 5 spurious (a deck closing a column block); seg22: L'Union 1863 5 → 6 right
#: and 14 → 4 spurious, Little River News 1918 2 → 4 and 23 → 9, Nevada County Picayune 4 → 5 and 10 → 7, Little River
#: News 1920 11 → 12 and 5 → 3, Reichs-Anzeiger 1878 20 → 26 right; seg23: L'Union 1863 6 → 7 right (a block set off
#: by lead), the Jing bao 1920-04-09 and 04-27 folds 90 → 91 right and 6 → 4 spurious (a correspondent's credit,
#: letters' titles opened by an unclosed bullet; seg53: the Nevada County Picayune 6 → 5 spurious, "… under six main
#: heads:" going on into them)
FORMER_HELDOUT5 = {"bnl_lunion_1863-12-24": (7, 4), "ecpo_jingbao": (91, 4), "hocr_little_river_news_1918-05": (4, 9),
                   "hocr_nevada_county_picayune_1920-04-22": (5, 5), "ndnp_little_river_news_1920-06-02": (12, 3),
                   "reichsanzeiger_gt": (26, 1)}
HELDOUT5_FILES = {(Path(name).parts[0], Path(name).name) for name in HELDOUT5_NAMES}


#: pages added by issue 15's advert/notice pass (adverts, notices, listings, market reports, tables, a Jing bao outer
#: fold): (source, file) → (fewest right, most spurious); first run → after the pass: Reichsanzeiger 1877 7/12 and
#: 25 spurious → 7/12 and 23, 1883 9/18 and 14 → 9/18 and 13, Nordstern 1878 p. 8 10/29 and 33 → 10/29 and 27,
#: Jing bao 1930-04-21 outer fold 3/23 and 4 → 17/23 and 6 (adverts whose copy ECPO keeps in comments, one paragraph
#: each, cut where each signs off); the Jing bao 1920-04-24 outer fold, written after that rule, 5/15 with the code
#: before the pass and 14/15 (3 spurious) on its first run; the Jing bao 1939-04-26 outer fold, written last, 17/28
#: and 13 spurious on its first run, as with the code before the pass; seg17: Nordstern p. 8 12 → 13 right, 27 → 22
#: spurious (a list running through a display line ending on a comma); seg19: Nordstern p. 8 22 → 19 spurious (display
#: lines close under a card's copy, a banner's span); seg20: Reichsanzeiger 1883 10 → 11 right and 12 → 3 spurious (the
def _cut(name: str) -> list[Any]:
    """The scores of the segmenter's own modes over tests/data/NAME (the others are not read)."""
    return BENCH.run(ROOT / "tests" / "data" / name, BENCH.SEGMENTER_MODES)


#: theatre listing's entries, parted by rules, are named after its rubric; seg23: Reichsanzeiger 1883 11 → 12 right, a
#: notice block set off by lead; seg53: Nordstern p. 17 19 → 18 spurious, a printer's "… adresstre man:" (as the OCR
#: reads it) going on into his address)
ADVERT_PASS = {("reichsanzeiger_gt", "1877_115_0137.xml"): (7, 23), ("reichsanzeiger_gt", "1883_3_0028.xml"): (12, 3),
               ("ndnp_nordstern_1878-01-03", "0017.xml"): (13, 18),
               ("ecpo_jingbao", "jb_1329_1930-04-21_0001+0004.xml"): (21, 0),
               ("ecpo_jingbao", "jb_0136_1920-04-24_0001+0004.xml"): (15, 0),
               ("ecpo_jingbao", "jb_3800_1939-04-26_0001+0004.xml"): (26, 2)}


def test_the_advert_and_notice_pages_stay_above_their_floor() -> None:
    scores = {(s.source, s.label): s for s in _scores() if s.mode in BENCH.SEGMENTER_MODES}
    for key, (fewest, most) in ADVERT_PASS.items():
        assert scores[key].right >= fewest and scores[key].spurious <= most, (key, scores[key].right,
                                                                               scores[key].spurious)


def test_the_former_heldout2_pages_stay_above_their_floor() -> None:
    scores = [s for s in _scores() if s.mode in BENCH.SEGMENTER_MODES and (s.source, s.label) in HELDOUT2_FILES]
    assert len(scores) == len(HELDOUT2_FILES) == 12
    for src, (fewest, most) in FORMER_HELDOUT2.items():
        right, _, spurious, _ = BENCH.totals([s for s in scores if s.source == src])
        assert right >= fewest and spurious <= most, (src, right, spurious)


def test_the_former_heldout3_pages_stay_above_their_floor() -> None:
    scores = [s for s in _scores() if s.mode in BENCH.SEGMENTER_MODES and (s.source, s.label) in HELDOUT3_FILES]
    assert len(scores) == len(HELDOUT3_FILES) == 13
    for src, (fewest, most) in FORMER_HELDOUT3.items():
        right, _, spurious, _ = BENCH.totals([s for s in scores if s.source == src])
        assert right >= fewest and spurious <= most, (src, right, spurious)


def test_the_former_heldout5_pages_stay_above_their_floor() -> None:
    scores = [s for s in _scores() if s.mode in BENCH.SEGMENTER_MODES and (s.source, s.label) in HELDOUT5_FILES]
    assert len(scores) == len(HELDOUT5_FILES) == 10
    for src, (fewest, most) in FORMER_HELDOUT5.items():
        right, _, spurious, _ = BENCH.totals([s for s in scores if s.source == src])
        assert right >= fewest and spurious <= most, (src, right, spurious)


#: heldout7 (tests/data/heldout7, left in place), a tuning set since the session that first read its failures: source →
#: (fewest right, most spurious); 131/314 right and 51 spurious of 235 produced on its first run, 185/314 and 50 of 280
#: after that session (an advert block's several adverts, adverts closed on order numbers or insertion keys, sliced
#: classified columns, local columns' reading notices, ▲ briefs, advert labels, publishers' adverts, speech lead-ins);
#: session seg27 (run-in heads before a dash, wrapped headings, a classified section as one listing): the Evening Star
#: 1865 19 → 28 right, the Little River News p. 4 11 → 12 right and 9 → 5 spurious; session seg28 (European pages):
#: KB 1876 18 → 19, the Reichsanzeiger's 1834 page 15 → 18 (a correspondent's dispatch under two dashes, the German
#: closing quote); seg29: ECPO 113 → 119 right, 14 → 7 spurious (a decked story's sections, a clinic's card, an
#: advert in two runs, a shop's card and opening notice); seg30: L'Ouest-Éclair 1924 p. 12 9 → 10 right, 2 → 1 spurious
#: (an advert's display running in on its copy); seg49: KB 1876 19 → 20 right, 12 → 11 spurious (a head running on
#: into lower-case text under text running on is that text)
HELDOUT7 = {"bnf_europeana_ouest_eclair_caen_1924-12-18": (10, 1), "ecpo_jingbao": (119, 7),
            "hocr_little_river_news_1920-01_p4": (15, 3), "kb_ddd_010100993_1876-12-01": (20, 11),
            "ndnp_evening_star_1865-10-02": (28, 11), "reichsanzeiger_gt": (18, 2)}


def test_the_heldout7_pages_stay_above_their_floor() -> None:
    scores = _cut("heldout7")
    assert {s.source for s in scores} == set(HELDOUT7)
    for src, (fewest, most) in HELDOUT7.items():
        right, _, spurious, _ = BENCH.totals([s for s in scores if s.source == src])
        assert right >= fewest and spurious <= most, (src, right, spurious)


#: heldout8 (tests/data/heldout8, left in place), a tuning set since session seg30 read its failures: source → (fewest
#: right, most spurious); 158/330 right and 61 spurious of 268 produced before that session, 223/330 and 51 of 318
#: after it (classifieds parted by blank lines, a classified's display run in on its copy, a bulletin's telegrams and
#: their weekdays, copy opening in lower case under an advert's display, one-character crossheads, a dash item's
#: lead no deck, a paper's credit, a quoting formula); seg46: the Little River News p. 3 9 → 13 right (briefs set off
#: by lead where the page sets paragraphs inside blocks); seg49: KB 1876 16 → 17 right, 10 → 9 spurious (a head
#: running on into lower-case text under text running on is that text); seg53: KB 1876 17 → 18 right, 9 → 8
#: spurious ("… in het openbaar geveild en verkocht:" going on into the houses sold), the Little River News p. 3 6 → 5
#: spurious (a text ending on a colon goes on into the next article)
HELDOUT8 = {"bnf_europeana_ouest_eclair_rennes_1918-12-17": (68, 4), "bnl_lunion_1860-11-30": (22, 1),
            "ecpo_jingbao": (69, 11), "hocr_little_river_news_1920-01_p3": (13, 5),
            "kb_ddd_010100993_1876-12-01": (18, 8), "ndnp_lancaster_intelligencer_1880-07-27": (7, 11),
            "reichsanzeiger_gt": (36, 7)}


def test_the_heldout8_pages_stay_above_their_floor() -> None:
    scores = _cut("heldout8")
    assert {s.source for s in scores} == set(HELDOUT8)
    for src, (fewest, most) in HELDOUT8.items():
        right, _, spurious, _ = BENCH.totals([s for s in scores if s.source == src])
        assert right >= fewest and spurious <= most, (src, right, spurious)


#: heldout9 (tests/data/heldout9, left in place), a tuning set since session seg31 read its failures: source → (fewest
#: right, most spurious); 89/239 right and 62 spurious of 198 produced on its first run, 101/239 and 72 of 221 before
#: seg31 (rules written on the other sets only), 124/239 and 54 of 220 after it (a strip of columns under a band, a
#: serial's speech, notes parted by lead, cards, a double page's masthead, a skewed running head, Jing bao adverts
#: signed by a labelled maker's line, a column's part title, a first line behind ■, a clinic's card and branch);
#: seg33: the Little River News 1917 16 → 17 right, 4 → 3 spurious (a card set wholly in display type is its text);
#: seg35: the Reichsanzeiger 1878 22 → 23 right, 1 → 0 spurious (a spread's fold parts the title's row); seg46:
#: L'Union 1865 17 → 18 right (briefs set off by lead where the page sets paragraphs inside blocks); seg49: L'Union
#: 1865 18 → 19 right, 7 → 6 spurious (a notice's signature left alone, a few letters, goes with the notice above)
HELDOUT9 = {"bnf_europeana_ouest_eclair_caen_1924-12-18": (5, 7), "bnl_lunion_1865-05-24": (19, 6),
            "ecpo_jingbao": (49, 13), "hocr_ogden_standard_1909-08-07": (15, 14),
            "ndnp_little_river_news_1917": (17, 3), "reichsanzeiger_gt": (23, 1), "rero_blb_1845-12-28": (0, 0)}


def test_the_heldout9_pages_stay_above_their_floor() -> None:
    scores = _cut("heldout9")
    assert {s.source for s in scores} == set(HELDOUT9)
    for src, (fewest, most) in HELDOUT9.items():
        right, _, spurious, _ = BENCH.totals([s for s in scores if s.source == src])
        assert right >= fewest and spurious <= most, (src, right, spurious)


#: heldout10 (tests/data/heldout10, left in place), a tuning set since session seg32 read its failures: source →
#: (fewest right, most spurious), a little under the figures seg32 left; 147/319 right and 47 spurious of 242 produced
#: before seg32 (rules written on the other sets only), 167/319 and 47 of 264 after it (a column of notices closed by
#: signatures set right: the Adresse-Contoirs Efterretninger 1795 1 → 21/50); 168/319 after seg35 (a blank parts two
#: paragraphs: the Adresse-Contoirs Efterretninger 21 → 22/50); seg46: 22 → 23/50 (a notice set off by lead where the
#: page sets paragraphs inside blocks); seg48: 23 → 29/50 (a paragraph announcing its advertiser's new residence, or
#: opening on another of the column's formulas, opens a notice); seg52: 29 → 34/50 (those openings as the OCR garbled
#: them, "b»er i", "erudflvttet", and a skipper's sailing, "C^pt. … agter"); seg53: the Reichsanzeiger 1870 18 →
#: 19/23 right, 4 → 2 spurious ("… folgende Nachrichten vor:" going on into the dispatches announced)
HELDOUT10 = {"bnl_lunion_1863-12-24": (0, 4), "dk_adresse_contoirs_efterretninger_1795-06-15": (34, 1),
             "ecpo_jingbao": (69, 17), "hocr_lancaster_intelligencer_1889-02-22": (23, 5),
             "ndnp_lancaster_intelligencer_1882-04-06": (23, 19), "reichsanzeiger_gt": (31, 4)}


def test_the_heldout10_pages_stay_above_their_floor() -> None:
    scores = _cut("heldout10")
    assert {s.source for s in scores} == set(HELDOUT10)
    for src, (fewest, most) in HELDOUT10.items():
        right, _, spurious, _ = BENCH.totals([s for s in scores if s.source == src])
        assert right >= fewest and spurious <= most, (src, right, spurious)


#: heldout11 (tests/data/heldout11, left in place), a tuning set since session seg36 read its failures (the Adresse-
#: Contoirs Efterretninger's unsigned notices, the Lancaster Intelligencer 1887's essay parted by lead; the rules
#: tried on them were not kept): source → (fewest right, most spurious), its figures then; 125/260 right and 37
#: spurious of 199 produced on its first run and since; seg38: the Adresse-Contoirs Efterretninger 1 → 20/62 right,
#: 2 → 2 spurious (a column of signed notices holding notices of up to 24 lines, signatures set right of the centre
#: heading nothing, letter-spaced signatures, a word's end under a broken word no head), heldout11 130 → 149/260,
#: 37 → 37 spurious; seg48: the Adresse-Contoirs Efterretninger 20 → 23/62 (change-of-residence notices, the column's
#: formulas), 2 spurious; seg52: 23 → 25/62 (the openings as the OCR garbled them), 2 spurious; seg53: L'Ouest-Éclair
#: 1918 p. 2 6 → 7/16 right, 3 → 2 spurious ("… les divers échelons de cette démobilisation :" going on into them)
HELDOUT11 = {"bnf_europeana_ouest_eclair_rennes_1918-12-17": (7, 2),
             "dk_adresse_contoirs_efterretninger_1795-06-15-01": (25, 2), "ecpo_jingbao": (59, 10),
             "hocr_lancaster_intelligencer_1887-07-16": (5, 21), "kz_koelnische_zeitung_1924-01": (44, 0),
             "reichsanzeiger_gt": (10, 1)}


def test_the_heldout11_pages_stay_above_their_floor() -> None:
    scores = _cut("heldout11")
    assert {s.source for s in scores} == set(HELDOUT11)
    for src, (fewest, most) in HELDOUT11.items():
        right, _, spurious, _ = BENCH.totals([s for s in scores if s.source == src])
        assert right >= fewest and spurious <= most, (src, right, spurious)


def test_real_pages_stay_above_the_floor() -> None:
    scores = _scores()
    seg = [s for s in scores if s.mode in BENCH.SEGMENTER_MODES]
    right, truth, spurious, produced = BENCH.totals(seg)
    assert truth >= 300 and len({s.source for s in seg}) >= 12
    # measured 89/140 = 63.6 % and 23/131 = 17.6 % once the hOCR page (Coburger Zeitung, 1/13) joined the set;
    # 113/140 = 80.7 % and 13/134 = 9.7 % after the second pass (briefs and notices by their marks, dinkus,
    # centred heads, rubrics, mastheads under 4x, imprints, jump lines, footnotes, a signature at the page's
    # end, serial chapter titles, telegraph heads with whitespace above).
    # Issue 15's second pass: the first held-out pages moved in, three more ECPO folds and a German NDNP page
    # came (302 items of 12 sources): 171/302 = 56.6 % and 56/270 = 20.7 % before, 242/302 = 80.1 % and
    # 29/302 = 9.6 % after (captions, briefs and advert copy on blind pages, signatures, crossheads, small-type
    # item heads, decks by their height, the masthead row by its date line, the publisher's box, a feuilleton
    # band, correspondents' and garbled datelines).
    # Issue 15's third pass: 243/302 = 80.5 % and 28/302 on these items after it (the Ashdown hOCR page gained one
    # from the garbled-dateline rule). It brought two training pages of failure kinds the rules did not know yet (NDNP
    # microfilm with whole-column blocks, PAGE titles inside paragraph regions): the floor above holds on the
    # 302 items it was measured on; the new pages have floors of their own (New-York Tribune 1903: 3/24 before,
    # 15/24 after; Reichsanzeiger 1914_192: 0/18 before, 15/18 after).
    # Issue 15's fourth pass brought three more training pages, with floors of their own; they stay out of the
    # 302 and out of the per-source floors below: KB Courant 1750 (dispatches led by place and date inside one
    # block: 2/16 before, 13/16 after), Reichsanzeiger 1916_169 (dash- and dateline-led items inside one region,
    # a title set off by whitespace, order numbers: 14/28 before, 23/28 after) and 1904_263 (wrapped and stacked
    # titles in paragraph regions, dash-led trade notes, a rule boxing a table under a colon; two W. T. B.
    # dispatches after figures are read as entries of a listing of quotations, by the rule that keeps market
    # reports whole: 2/21 before, 14/21 after).
    # The same pass for ECPO without divs (run-in crossheads, advert copy by its text, the margin's title,
    # closing verse, ▲ news briefs, advert closes, the margin's notice parting adverts): 243/302 → 258/302 =
    # 85.4 % and 28 → 20 spurious on these items (Jing bao 120/140 → 135/140); four new folds, floors above.
    # Issue 15's whole-column pass brought two NDNP microfilm pages whose columns are one TextBlock each
    # (Deseret Evening News 1909: 3/39 before, 17/39 after; Lancaster Daily Intelligencer 1881: 0/30 before, 15/30
    # after: item heads in body type inside a column block, decks under them, stray marks left out of a line's
    # measure, column headings in the top margin, lines read twice); the 302 items above went from 243 to 245
    # right (26 spurious of 302). The two pages have floors of their own.
    # Issue 15's undeclared-sizes pass (declared sizes as evidence, letter-spaced rubrics, datelines without
    # punctuation, decks closed by a set-in line, dated running heads): all 1,019 items 724 → 730 right, 221 → 213
    # spurious; the blind heldout3 89/201 right either way, 98 → 91 spurious.
    # Issue 15's deck pass (session seg16: decks by their declared size, in sentence case over a dateline, beside a
    # picture, opening a column block; rubrics over headed series; telegram heads over a lone dateline or in capitals
    # over one; ruled dinkuses at a block's edge; two-halves crossheads; nameplates; round-up sections): all 1,019
    # items 730 → 755 right, 213 → 195 spurious; the blind heldout3 89/201 right and 91 spurious either way.
    # Session seg17: heldout3 moved in (floors of its own above): 1,220 items, 844 right, 286 spurious of 1,296; after
    # the pass (declared sizes a step above the body trusted when the box agrees, centred decks, hanging decks, items
    # parted by lead in column blocks, advert addresses and lists, garbled title logos, bylines, Roman sections):
    # 858 right, 261 spurious of 1,285; sizes withheld 294 → 306 of 554; jittered 871 → 920 of 1,662, 548 → 475
    # spurious.
    # Session seg18 (crossheads at the body's size between a story's dispatches, a serial's dialogue and chapter line,
    # photos inside or under the report they show on pages told by text alone, an advert's display broken by a set-in
    # line, rows of x's, prose naming dates under a heading, the paper's slogan, photographers' credits, datelines
    # after a state's name hyphenated ⸗): 858 → 866 right, 261 → 240 spurious of 1,263; heldout4 130 → 142/213 right,
    # 75 → 45 spurious of 218. The 302 items: 265 right, 12 spurious of 294.
    # Session seg19 (crossheads under a banner across columns, a dateline broken before its day, a notice's opening
    # formula repeated, run-in crossheads boxed at the body's height without sizes, writers' initials signing an item,
    # display lines close under an advert's copy, an asterisk opening a brief only before its run-in headline): 866 →
    # 870 right, 240 → 223 spurious of 1,246; heldout4 142 → 145/213
    # right, 45 → 44 spurious of 218. The 302 items unchanged: 265 right, 12 spurious of 294.
    # Session seg20 (words the OCR fused from two lines, garbled centred heads set apart by whitespace in column
    # blocks, display boxes stranded under the next column's heading, adverts boxed across columns, centred heads
    # after a listing's short last line, listings named after their rubric, CJK instalment titles, quoted speech):
    # 870 → 877 right, 223 → 214 spurious of 1,244; heldout4 145 → 152/213 right, 44 → 31 spurious of 210 (with a
    # byline and credit over a dateline in capitals read as headline group).
    # Session seg21: heldout5 moved in (10 files, 188 scored items): 1,408 items, 1,008 right (71.6 %), 274 spurious
    # of 1,461 (18.8 %) before the pass; the floor is set to these figures.
    # Session seg22 (columns under a tier across some of them, a serial's chapter number, crossheads on a ruled page
    # and under a datelined report, listings of entries opening on one formula, wavy and garbled rules, boxes of copy
    # across two columns, dash dispatches, the paper's box atop a column, a large first line across the measure):
    # 1,009 → 1,023 right (72.7 %), 273 → 239 spurious of 1,437 (16.6 %).
    # Session seg23 (speech after a colon, notes and blocks set off by lead, insertion keys, correspondents' formulas
    # and credits, unclosed bullets, datelines after trade notes): 1,023 → 1,028 right (73.0 %), 239 → 235 spurious
    # of 1,438 (16.3 %).
    # Session seg29 (Jing bao folds without divs: a decked story's sections, clinics' and shops' cards, adverts in two
    # runs or one paragraph each, counted cases, numbered sections, serial heads, copy closing on an address):
    # 1,053 → 1,082 right (76.8 %), 221 → 203 spurious of 1,434 (14.2 %).
    # Session seg31 (heldout9 made a tuning set; a strip of columns under a band, a serial's speech, notes parted by
    # lead past a stray mark, cards, advertisers' address tails, a double page's masthead, dated running heads, the
    # responsible editor's line, adverts closed on their insertion's count, Jing bao adverts signed by a labelled
    # maker's line and columns' part titles): 1,115 → 1,117 right (79.3 %), 170 spurious of 1,426 (11.9 %).
    assert right / truth >= 0.76 and spurious / produced <= 0.145, (right, truth, spurious, produced)
    later = THIRD_PASS | FOURTH_PASS | WHOLE_COLUMN_PASS
    for (src, label), (share, most) in (FRONT_PAGE_PASS | NDNP_FRENCH_PASS).items():
        page = next(s for s in seg if (s.source, s.label) == (src, label))
        assert page.right / page.truth >= share and page.spurious <= most, (label, page.right, page.spurious)
    done = (FRONT_PAGE_PASS.keys() | NDNP_FRENCH_PASS.keys() | HELDOUT2_FILES | HELDOUT3_FILES | HELDOUT5_FILES
            | ADVERT_PASS.keys())
    seg = [s for s in seg if (s.source, s.label) not in done]
    known = [s for s in seg if (s.source, s.label) not in later]
    right, truth, spurious, produced = BENCH.totals(known)
    assert truth == 302, truth
    assert right / truth >= 0.87, (right, truth)
    assert spurious / produced <= 0.05, (spurious, produced)
    for (src, label), floor in later.items():
        page = next(s for s in seg if (s.source, s.label) == (src, label))
        assert page.right / page.truth >= floor, (label, page.right, page.truth)
    older = [s for s in seg if (s.source, s.label) not in FOURTH_PASS]
    by_source = {src: BENCH.totals([s for s in older if s.source == src]) for src in {s.source for s in older}}
    floors = {"ecpo_jingbao": 0.95, "kb_ddd_010179815_1813-11-16": 0.9, "ndnp_evening_star_1916-08-26": 0.94,
              "reichsanzeiger_gt": 0.85, "ndnp_omaha_daily_bee_1887-03-03": 0.95, "bl_statesman_1824-02-17": 0.55,
              "bnf_europeana_jdpl_1821-08-01": 0.7, "hocr_coburger_zeitung_1928-08-29": 0.8,
              "hocr_ashdown_ark_1922-12-13": 0.45, "ndnp_evening_star_1918-09-01": 0.85, "rero_blb_1845-12-28": 0.25,
              "ndnp_nordstern_1878-01-03": 0.65}
    for src, floor in floors.items():
        r, t, _, _ = by_source[src]
        assert r / t >= floor, (src, r, t)


def test_pages_read_with_their_declared_sizes_withheld_stay_above_the_floor() -> None:
    """The pages that declare font sizes, read again without them (as NDNP/iArchives ALTO and most hOCR come):
    what the geometry alone makes of them. Measured when the mode came (issue 15's undeclared-sizes pass): 28
    pages, 261/452 right as read; 243/452 with sizes withheld before the pass, 253/452 after it."""
    scores = _scores()
    withheld = [s for s in scores if s.mode == "no sizes"]
    right, truth, _, _ = BENCH.totals(withheld)
    assert len(withheld) >= 25 and truth >= 400, (len(withheld), truth)
    assert right >= 335, (right, truth)  # 306/554 after session seg17 (heldout3's six pages with sizes in); 311 seg19;
    # 315 seg20; 333 → 335 seg23


def test_the_ceiling_recut_keeps_the_segmenters_own_cuts_and_the_truths_cuts_score_no_lower() -> None:
    """`--ceiling`: re-cut where the segmenter cut, the units give back its articles' scores exactly (nothing of a
    part lost or moved by cutting at paragraphs or lines); re-cut where the truth starts items, no item right before
    is wrong after, and fewer articles are spurious."""
    data = ROOT / "tests" / "data" / "heldout4"
    for case in BENCH._cases(data):
        if case.mode not in BENCH.SEGMENTER_MODES:
            continue
        doc = case.read(data / case.file)
        truth = BENCH.load_truth(data / f"{case.file}.truth.json")
        cut = BENCH.score("", "", "", truth, BENCH.produced(doc.articles))
        for lines in (False, True):
            units = BENCH.cut_units(doc.articles, lines)
            own = [j == 0 or units[j][0] != units[j - 1][0] for j in range(len(units))]
            again = BENCH.score("", "", "", truth, BENCH.produced(BENCH.recut(doc.articles, units, own)))
            assert (again.right, again.spurious, again.produced) == (cut.right, cut.spurious, cut.produced), case.file
            best = BENCH.score("", "", "", truth, BENCH.produced(
                BENCH.recut(doc.articles, units, BENCH.truth_cuts(units, truth))))
            assert best.right >= cut.right and best.spurious <= cut.spurious, (case.file, lines)
