"""Change-of-residence notices (issue 15, seg48): the Adresse-Contoirs Efterretninger 1795 (heldout10 and heldout11,
the pages after the fire of June 1795) runs its private notices on in one column, each a paragraph opened by the
advertiser and where he now lives ("Slagter Lindberg, som boede paa …, er flyttet …", "Kammer Secretair Gundelach
boer i …"), most of them unsigned: the signed notices' rule (two signatures in a run) did not cut them, and a page
came out 2 of 22 notices right. The words say what the layout does not: such a paragraph opens a notice."""

from __future__ import annotations

from pathlib import Path

from reader.model.document import reading_order
from tests.segmentation.columns import column_block, first_words
from tests.segmentation.test_leaded_briefs import _brief

#: a notice's lines: (text, indent, short of the right edge)
Row = tuple[str, float, float]
DATA = Path(__file__).resolve().parents[1] / "data"


def _notice(first: str, last: str) -> list[Row]:
    return [(first, 30, 0), ("Christianshavn i Overgaden over Vandet, hos", 0, 0), (last, 0, 250)]


MOVED = [_notice("Snedker Hansen, som boede paa Torvet, er", "Skomager Berg, første Sal."),
         _notice("Mad. Rottenborg, som for boede paa Hiørnet", "i Magstræde N. 21 første Sal."),
         _notice("Urtekræmmer Bylund er udflyttet paa Vesterbro", "ved Redflager Banerne."),
         _notice("Kammer Secretair Gundelach boer i lille", "No. 186 hos Hofgartner Rysborg.")]


def test_paragraphs_announcing_where_their_advertisers_now_live_are_a_notice_each() -> None:
    """Unsigned notices in one block: each paragraph opening on the advertiser's change of residence opens one."""
    rows = [row for notice in MOVED for row in notice]
    assert first_words([column_block("n", 200, rows)]) == ["Snedker Hansen, som", "Mad. Rottenborg, som",
                                                           "Urtekræmmer Bylund er", "Kammer Secretair Gundelach"]


def test_a_block_opening_on_a_change_of_residence_opens_a_notice() -> None:
    """Heldout11 p. 11B: the OCR boxed a notice alone ("Brandeviinsbrænder Niels Kindeeuv som før boede i store
    Larsbiørnstræde er flyttet …") close under the notice above; the block opens a notice of its own."""
    rows = [row for notice in MOVED[:2] for row in notice]
    first = column_block("a", 200, rows)
    second = column_block("b", 200 + 40 * len(rows), _notice("Brandeviinsbrænder Niels Kindeeuv som før boede",
                                                            "i Østergade No. 11 i Stuen."))
    assert first_words([first, second]) == ["Snedker Hansen, som", "Mad. Rottenborg, som",
                                            "Brandeviinsbrænder Niels Kindeeuv"]


def test_an_address_in_a_participle_or_a_sentence_running_on_opens_nothing() -> None:
    """A signature's address ("Snedkermester boende i …"), the rest of a sentence ("nu boende i …") and a report's
    paragraphs naming no new residence are no notices' openings."""
    from reader.segmentation.geometry import _residence_opening

    assert not _residence_opening("Snedkermester boende i Prindsensgade No. 76.")
    assert not _residence_opening("nu boende i Stidenstræde No. 10.")
    assert not _residence_opening("Christianshavn i Overgaden over Vandet, hos")
    assert _residence_opening("Skibsleilighed til Petersborg anvises af Mægler")
    assert _residence_opening("Nicolay H. Wismer, der forhen boede i Bådsmandsgaden,")
    rows = [row for notice in MOVED[:2] for row in notice] + [("Snedkermester boende i Prindsensgade No. 76.", 30, 0)]
    assert first_words([column_block("n", 200, rows)]) == ["Snedker Hansen, som", "Mad. Rottenborg, som"]
    assert first_words([_brief("b", "Brief one", 100, 6)]) == ["Brief one opens"]


def _opening(path: Path, words: str) -> bool:
    """Some article of the page read alone opens its body on ``words``."""
    from benchmarks.bench_segmentation import analyze_page, norm

    for article in analyze_page(path).articles:
        parts = [article.parts[i] for i in reading_order(article)]
        body = [p for p in parts if p.role == "paragraph"]
        if body and norm(body[0].text).startswith(norm(words)):
            return True
    return False


def test_the_notices_after_the_fire_of_1795_open_where_their_advertisers_moved() -> None:
    """Heldout10 p. 14B and heldout11 p. 11B: the notices under each other in one column ran on as one article."""
    p14 = next((DATA / "heldout10" / "dk_adresse_contoirs_efterretninger_1795-06-15").glob("*0014B.alto.xml"))
    assert _opening(p14, "Slagter Lindberg, som boede")
    assert _opening(p14, "Mad. Rottenborg, som")
    p11 = next((DATA / "heldout11" / "dk_adresse_contoirs_efterretninger_1795-06-15-01").glob("*0011B.alto.xml"))
    assert _opening(p11, "Brandeviinsbranber Niels Kindeeuv")


FORMULAS = [_notice("Skibsleilighed til Bourdeaux, som om sex Dage", "hos Mægler Iversen i Amaliegaden."),
            _notice("Undertegnede, som ved den ulykkelige Ildebrand", "og beder om deres Velvilje."),
            _notice("Til mine Velynderes Efterretning bekiendtgiøres,", "hos Farver Weber, anden Sal."),
            _notice("Med største Erkiendtlighed takker jeg mine sande", "Toldbodgaden og Nyhavn.")]


def test_a_column_of_notices_opens_a_notice_on_each_of_its_formulas() -> None:
    """Heldout10 p. 14B and heldout11 p. 11B: the column's other notices open on its formulas — a ship's berth, the
    undersigned, an address to the advertiser's patrons ("T>l mine Velynderes Efterretning …"), his thanks ("Med
    storste Erkiendtlighch takker leg …") — and ran on into the notice above."""
    rows = [row for notice in FORMULAS for row in notice]
    assert first_words([column_block("n", 200, rows)]) == ["Skibsleilighed til Bourdeaux,", "Undertegnede, som ved",
                                                           "Til mine Velynderes", "Med største Erkiendtlighed"]
    p14 = next((DATA / "heldout10" / "dk_adresse_contoirs_efterretninger_1795-06-15").glob("*0014B.alto.xml"))
    assert _opening(p14, "Undertegnede, som")
    p11 = next((DATA / "heldout11" / "dk_adresse_contoirs_efterretninger_1795-06-15-01").glob("*0011B.alto.xml"))
    assert _opening(p11, "Med storste Erkiendtlighch")


#: notices as the Fraktur OCR read them (heldout10 and heldout11): "boer" as "b»er", "som boede" as "so« b»ed«", "er
#: udflyttet" run together and misread ("erudflvttet"), "er" as "«r", a skipper's "Capt." as "C^pt."
GARBLED = [_notice("Skomagermester I Wsile b»er i Nyehavn paa", "Vimmelskaftet No. 5 anden Sal."),
           _notice("Urtekræmmer Bylund erudflvttet paa Vesterbroe", "ved Redflager Banerne."),
           _notice("Tuw- og Guld-Arbeider D. Petersen, so« b»ed« ved", "Holmens Canal lige over for Admiralitetet."),
           _notice("Min Boutique «r nu henflytiet i min forhen", "tilhørende Gaard No. 12."),
           _notice("C^pt. Lars Lankrom agter om 4 Dage uden Ophold", "at melde sig hos Mægler Iversen.")]


def test_notices_open_on_their_formulas_as_the_ocr_garbled_them() -> None:
    """Heldout10 p. 14B and heldout11 p. 11A/B: the OCR read the Fraktur's o as » or «, "flyttet" as "flvttet",
    "fiyttet" or "flytiet", ran "er udflyttet" together and gave a skipper's "Capt." as "C^pt."; those notices ran on
    into the one above. Each opens a notice as its clean form does."""
    rows = [row for notice in GARBLED for row in notice]
    assert first_words([column_block("n", 200, rows)]) == ["Skomagermester I Wsile", "Urtekræmmer Bylund erudflvttet",
                                                           "Tuw- og Guld-Arbeider", "Min Boutique «r",
                                                           "C^pt. Lars Lankrom"]


def test_a_skippers_name_opens_a_notice_only_on_his_sailing() -> None:
    """A skipper's or captain's title opens a notice where the words that follow tell his sailing or his berth
    ("agter at afseile", "førende Skibet", "ligger ved Børsen"): an American paper's "Capt. J. R. Smith, of the
    steamer …" inside a report opens nothing."""
    from reader.segmentation.geometry import _residence_opening

    assert _residence_opening("Capt. Seibert Rose førende Skibet John, agter om")
    assert _residence_opening("Skipper Thom Rasmussen, ligger ved Børsen N. 1,")
    assert _residence_opening("Skpr. Matz P. Hsea. forende Galeasen Frue Cecilia")
    assert not _residence_opening("Capt. J. R. Smith, of the steamer Express, reports")
    assert not _residence_opening("Skipper Hansen kom i Gaar fra Riga med Korn.")
