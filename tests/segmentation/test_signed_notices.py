"""A column of notices signed by their advertisers (session seg32, issue 15: the Danish Adresse-Contoirs
Efterretninger 1795 of heldout10): synthetic columns, each failing without the rule it tests."""

from __future__ import annotations

from reader.model.document import Word
from tests.segmentation.columns import column_block, first_words

#: a notice's lines: (text, indent, short of the right edge)
Row = tuple[str, float, float]


def _notice(first: str, last: str, signature: str | None = None) -> list[Row]:
    rows = [(first, 30, 0), ("boer nu paa Christianshavn i Overgaden over", 0, 0), (last, 0, 250)]
    return rows + ([(signature, 350, 0)] if signature else [])


NOTICES = [_notice("Madam Sparrevogn, forhen boende paa", "hos Seilmager Borger.", "Madam Sparrevogn."),
           _notice("Stolemager Andr. Paulsen, som forhen", "boer nu i Adelgaden N. 201."),
           _notice("Mad. Rottenborg, som for boede paa", "i Magstræde N. 21 første Sal."),
           _notice("Slagter Lindberg, som boede paa", "har Stade paa Kultorvet.", "Lindberg, Slagter."),
           _notice("Urtekræmmer Bylund er udflyttet paa", "ved Redflager Banerne.")]


#: NOTICES whose first lines name no change of residence (:func:`reader.segmentation.geometry._residence_opening`)
UNMOVED = {2: _notice("Mad. Rottenborg, som for nogle Aar", "i Magstræde N. 21 første Sal."),
           3: _notice("Slagter Lindberg, som har Stade", "har Stade paa Kultorvet.", "Lindberg, Slagter."),
           4: _notice("Urtekræmmer Bylund sælger nu paa", "ved Redflager Banerne.")}


def test_a_column_of_notices_closed_by_signatures_set_right_is_a_notice_each() -> None:
    """Adresse-Contoirs Efterretninger 1795: a column of private notices, each a short paragraph opened by an indent,
    several closed by the advertiser's name set toward the right ("Mad. Fenne Bech." / "C. Hultmann, Malermester."),
    ran on as one item (1 of 50 notices right). Two signatures closing paragraphs of one run of short paragraphs
    say it is a column of notices: a signature closes its notice, and every paragraph opens one."""
    rows = [row for notice in NOTICES for row in notice]
    assert first_words([column_block("n", 200, rows)]) == ["Madam Sparrevogn, forhen", "Stolemager Andr. Paulsen,",
                                                           "Mad. Rottenborg, som", "Slagter Lindberg, som",
                                                           "Urtekræmmer Bylund er"]


def test_one_signature_or_names_a_colon_announces_make_no_column_of_notices() -> None:
    """A report's paragraphs under one name set right (a letter's signature) or names a colon announces ("Heden
    zyn ondertrouwd :" / "W. G. WUBBENS", "Pour M. de la Bretesche-Polignac :" / "PAUL ALEXIS. E. MASSARD.") are
    one text: its paragraphs open no items. (Their first lines announce no new residence: a paragraph that does
    opens a notice whatever signs it, test_residence_notices.py.)"""
    once = [*NOTICES[0], *NOTICES[1], *UNMOVED[2], *UNMOVED[4]]
    assert first_words([column_block("n", 200, once)]) == ["Madam Sparrevogn, forhen"]
    announced = [row for notice in [NOTICES[1], UNMOVED[2], UNMOVED[3]] for row in notice]
    announced[2] = ("boer nu i Adelgaden N. 201 :", 0, 250)
    announced.insert(3, ("Paulsen, Stolemager.", 350, 0))
    announced[-2] = ("har Stade paa Kultorvet :", 0, 250)
    assert first_words([column_block("n", 200, announced)]) == ["Stolemager Andr. Paulsen,"]


def test_a_line_set_in_past_a_paragraphs_indent_opens_no_notice() -> None:
    """Adresse-Contoirs Efterretninger 1795: a signature the rule does not read as one (its name opening on a mark
    the OCR read from a speck, "«Sagn»o Godske."; its second line set in less far than a signature, "A G Kühnel," /
    "Farvermester.") came out as an item of its own. Only a paragraph's indented first line opens a notice; a line
    set in further stays with the notice above it."""
    rows = [row for notice in NOTICES for row in notice] + [("«Sagn»o Godske.", 350, 0)]
    assert first_words([column_block("n", 200, rows)])[-1] == "Urtekræmmer Bylund er"


#: a notice after the fire of June 1795 thanking the advertiser's friends at length: 16 lines
LONG_NOTICE: list[Row] = [("Med største Erkiendtlighed takker jeg mine sande", 30, 0),
                          *[("Venner, som hialp at redde mit Varebeholdning fra", 0, 0)] * 14,
                          ("Toldbodgaden og Nyhavn.", 0, 250)]


def test_a_long_notice_in_a_column_of_signed_notices_is_one_notice_still() -> None:
    """Adresse-Contoirs Efterretninger 1795 (heldout11, the pages after the fire of June 1795): a column of signed
    notices holding change-of-residence notices whose advertisers thank their friends at length, 13 to 22 lines,
    ran on as one item (1 of 62 notices right on the three pages): no notice of the run was to pass 12 lines. The
    signatures and the short notices (half of them five lines at most) say what the column is; one notice running
    longer is still one of them."""
    rows = [*NOTICES[0], *LONG_NOTICE, *[row for notice in NOTICES[1:] for row in notice]]
    assert first_words([column_block("n", 200, rows)]) == ["Madam Sparrevogn, forhen", "Med største Erkiendtlighed",
                                                           "Stolemager Andr. Paulsen,", "Mad. Rottenborg, som",
                                                           "Slagter Lindberg, som", "Urtekræmmer Bylund er"]


def test_a_garbled_line_set_in_or_a_signing_date_opens_no_notice() -> None:
    """KB 1813 (training): in a column of notices two of which are signed, a line the OCR set in under a full line
    of its paragraph ("deen inL^TF^ N ' *IMBH • ECHELS, SCHRO-", garbled) and the notice's place and date over its
    signature ("Groningen den 5 November 1813." / "van OLST & BUITENWERFF.") opened notices of their own once a
    notice could run longer than 12 lines. A notice's first line stands under the last line of the one before,
    which stops short of the measure (or is a notice of one line), and opens on no place and date."""
    garbled = [*NOTICES[1][:2], ("deen inL^TF^ N ' *IMBH • ECHELS, SCHRO-", 30, 0), NOTICES[1][2]]
    dated = [*NOTICES[2], ("Groningen den 5 November 1813.", 30, 250), ("van OLST & BUITENWERFF.", 350, 0)]
    rows = [*NOTICES[0], *LONG_NOTICE, *garbled, *dated, *NOTICES[3], *NOTICES[4]]
    assert first_words([column_block("n", 200, rows)]) == ["Madam Sparrevogn, forhen", "Med største Erkiendtlighed",
                                                           "Stolemager Andr. Paulsen,", "Mad. Rottenborg, som",
                                                           "Slagter Lindberg, som", "Urtekræmmer Bylund er"]


def _signed_off_centre(first: str, last: str, signature: str) -> list[Row]:
    """A notice whose signature is set right of the centre, not out to the right edge: its right-hand margin under
    half its left (the OCR's tolerance reads such a line as centred)."""
    return [*_notice(first, last), (signature, 200, 80)]


def test_signatures_set_right_of_the_centre_sign_their_notices_and_head_none() -> None:
    """Adresse-Contoirs Efterretninger 1795 (heldout11, p. 11A): the advertisers' names stop short of the right edge
    by two ems ("… paa tredie Sal." / "v Poulseu, Bigtrykker.", "C. Sreaeruv^ Treteei!« er."), which the column-head
    rule read as centred Title Case heads closed by a stop: each headed the next notice, and the column was read as no
    column of signed notices (its signatures' right margins over a third of their left). Two or more such lines in a
    block sign a column of notices and head nothing; each closes its notice."""
    rows = [*_signed_off_centre("Bogtrykker Poulsen, som forhen", "paa tredie Sal.", "J. Poulsen, Bogtrykker."),
            *NOTICES[1], *_signed_off_centre("Maler Petersen, som boede i", "hos Hr. Prof. Hansen.",
                                             "Petersen, Malermester."), *NOTICES[2], *NOTICES[4]]
    assert first_words([column_block("n", 200, rows)]) == ["Bogtrykker Poulsen, som", "Stolemager Andr. Paulsen,",
                                                           "Maler Petersen, som", "Mad. Rottenborg, som",
                                                           "Urtekræmmer Bylund er"]


def test_a_line_ending_a_word_broken_in_the_line_above_heads_nothing() -> None:
    """Adresse-Contoirs Efterretninger 1795 (heldout11, p. 11A): a notice's last line ("… paa Nørregade i Gaa»-" /
    "AenRo.47.", i.e. "Gaarden No. 47."), which the OCR boxed across the whole measure, read as a letter-spaced
    heading at the body's height, and the three lines under it as its deck. A line carrying the end of a word the
    running text above broke off is that text going on."""
    rows = [*NOTICES[0], ("Etatsraad Flint er flyttet til Nørregade i Gaar-", 30, 0), ("Aen No. 47.", 0, 30),
            *NOTICES[1], *NOTICES[2], *NOTICES[3]]
    block = column_block("n", 200, rows)
    wide = block.lines[5]
    wide.words = [Word(text=wide.text, box=wide.box)]
    assert first_words([block]) == ["Madam Sparrevogn, forhen", "Etatsraad Flint er", "Stolemager Andr. Paulsen,",
                                    "Mad. Rottenborg, som", "Slagter Lindberg, som"]


def test_a_signature_letter_spaced_across_the_measure_closes_its_notice() -> None:
    """Adresse-Contoirs Efterretninger 1795 (heldout11, p. 11A): a signature spaced out across the measure from a
    paragraph's indent to the right edge ("M. Trabvlt, Muurmester.", twice as wide per character as the text) was read
    as a notice of one line, an item of its own with the notice under it. A short name ending at the right edge, set
    so wide, signs the notice above."""
    spaced = [*_notice("Undertegnede er flyttet hen hos Major", "i Prindsensgade No. 31."),
              ("M. Trabolt, Mester.", 30, 0)]
    rows = [*NOTICES[0], *spaced, *NOTICES[1], *NOTICES[3], *NOTICES[4]]
    assert first_words([column_block("n", 200, rows)]) == ["Madam Sparrevogn, forhen", "Undertegnede er flyttet",
                                                           "Stolemager Andr. Paulsen,", "Slagter Lindberg, som",
                                                           "Urtekræmmer Bylund er"]
