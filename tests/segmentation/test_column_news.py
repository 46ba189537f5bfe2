"""Whole-column blocks of US microfilm news (issue 15): telegraph items whose dateline the OCR garbled, heads set off
over them after text whose full stop the OCR dropped.

Each layout is a small synthetic copy of what a real page does (Winchester News 1910-10-31 in tests/data/pages); the
real pages are scored by benchmarks/bench_segmentation.py.
"""

from __future__ import annotations

from reader.model.document import Block, Line
from reader.segmentation.geometry import _sum_head, _tall_second_readings, articles_from_layout
from reader.segmentation.roles import latin_dateline
from tests.segmentation.columns import column_block, column_page, first_words


def _block(bid: str, y0: float, rows: list[tuple[str, float, float]], *, x0: float = 100, lh: float = 40,
           gaps: dict[int, float] | None = None) -> Block:
    return column_block(bid, y0, rows, x0=x0, lh=lh, gaps=gaps, leading=6)


_page, _items = column_page, first_words


def test_a_bare_dateline_whose_day_the_ocr_garbled_is_a_dateline() -> None:
    """Winchester News 1910: with the punctuation lost, the day after the month is read as letters or has a letter
    glued on ("WASHINGTON Oct UoOI the", "CHICAGO Oct SI Guy William", "TIIOMASVILLE Ga Oct 31C T Prince"). Not taken
    for datelines, the first was read as a deck of the head above it and the head as emphasis inside the item
    before. A month in capitals is a headline's word; a month in running text is no dateline."""
    for text in ("WASHINGTON Oct UoOI the", "CHICAGO Oct SI Guy William", "TIIOMASVILLE Ga Oct 31C"):
        assert latin_dateline(text), text
    for text in ("TAFT MAY 3 OR 4 SPEECHES", "The meeting in Oct 31 was", "SHOT BY A BURGLAR",
                 "PLAY Oct Sunday Night", "BUYS Nov Stock And Goods", "PoLICE COURT Oct"):
        assert not latin_dateline(text), text


def test_a_bare_dateline_with_a_letter_of_its_place_in_lower_case_is_a_dateline() -> None:
    """Winchester News 1910: "IfEXICO CITY Oct 1Wlmer shown a telegram …" (MEXICO CITY, Oct. 1.—Wilmer …): a letter
    of the place read in lower case between capitals and the day glued to the next word. Not taken for a dateline,
    it was read as the last line of the deck above it and the report had no text."""
    for text in ("IfEXICO CITY Oct 1Wlmer shown a telegram", "MT STERLING Ky Oct 31C T Prince"):
        assert latin_dateline(text), text
    for text in ("IfEXICO CITY Oct Sunday", "Is Oct 1st the day", "IfEXICO CITY"):
        assert not latin_dateline(text), text


def _column(rows: list[tuple[str, float, float]], extra: dict[int, tuple[str, float, float, float, float]]) -> Block:
    """A whole-column block of ``rows`` (see :func:`_block`) with second readings inserted: ``extra[k]`` = (text, x0,
    x1, top offset from line ``k``'s top, height) placed after line ``k``."""
    block = _block("c", 2000, rows, gaps={k: 40.0 for k, r in enumerate(rows) if r[0].isupper()})
    lines = list(block.lines)
    for k in sorted(extra, reverse=True):
        text, x0, x1, dy, h = extra[k]
        top = lines[k].box[1] + dy if lines[k].box is not None else 0.0
        lines.insert(k + 1, Line(id=f"x{k}", text=text, box=(x0, top, x1, top + h)))
    return Block(id="c", lines=lines, box=block.box, type="text")


BODY = [("The Modern Woodmen of America will", 30.0, 0.0), ("hold a meeting on Tuesday night at", 0.0, 0.0),
        ("the hall on Main street and all the", 0.0, 0.0), ("members are urged to attend as bus-", 0.0, 0.0),
        ("iness of importance will be trans-", 0.0, 0.0), ("acted and also work of the team", 0.0, 300.0)]
REVIEW = [("OPERA HOUSE", 200.0, 200.0), ("Taken from the Lexington Herald The", 30.0, 0.0),
          ("play will appear at the Winchester", 0.0, 0.0), ("opera house on Thursday night and", 0.0, 0.0)]


def test_a_tall_second_reading_over_an_item_end_and_a_head_is_noise() -> None:
    """Winchester News 1910: microfilm OCR read the last word of an item and the head under it a second time as one
    garbled word boxed three lines high over both ("of the team" / "teanmOPERA" / "OPERA HOUSE"). Left in, it stood
    between the text and the head, which was then read as a line of the text above: the review was run into the
    lodge notice. A drop initial (one letter) and a display line clear of its neighbours are no second readings."""
    filler = [(f"line {n} of the report goes on here with", 0.0, 0.0) for n in range(24)]
    filler[11] = ("the end of the report.", 0.0, 300.0)
    rows = [("ANOTHER ITEM", 200.0, 200.0), *filler[:12], ("WOODMEN OF AMERICA", 150.0, 150.0), *BODY, *REVIEW,
            *filler[12:]]
    last = 14 + len(BODY) - 1  # "acted and also work of the team"
    block = _column(rows, {last: ("teanmOPERA", 216.0, 388.0, 3.0, 110.0)})
    beside = _block("d", 2000, [("NEWS OF THE DAY", 150.0, 150.0), *filler], x0=750, gaps={0: 40.0})
    arts = [a for a in articles_from_layout([_page([block, beside])]) if a.kind != "furniture"]
    firsts = [" ".join(a.paragraphs()[0].text.split()[:3]) for a in arts]
    assert "The Modern Woodmen" in firsts and "Taken from the" in firsts, firsts
    woodmen = arts[firsts.index("The Modern Woodmen")]
    read = " ".join(p.text for p in woodmen.parts if p.role != "noise")
    assert "OPERA" not in read and "teanm" not in read, read


def test_a_drop_initial_or_a_display_line_is_no_second_reading() -> None:
    """A drop initial lies over the lines beside it (one letter); a tall line reading none of the letters of the line
    it starts on is its own text (a display line, "CLOTHING", "QUEENSWARE"); a word or two that reads the letters of
    that line again is a second reading."""
    lines = [Line(id=f"l{k}", text=t, box=(100, 100 + 40 * k, 700, 134 + 40 * k))
             for k, t in enumerate(["the end of the story", "as the people said", "and went home"])]
    initial = Line(id="i", text="B", box=(100, 140, 160, 250))
    display = Line(id="d", text="CLOTHING", box=(200, 180, 600, 290))
    other = Line(id="o", text="QUEENSWARE", box=(200, 140, 600, 250))
    tall = Line(id="t", text="ihomeI", box=(300, 180, 420, 290))
    assert not _tall_second_readings([lines[0], initial, *lines[1:]])
    assert not _tall_second_readings([lines[0], lines[1], display, lines[2]])
    assert not _tall_second_readings([lines[0], other, *lines[1:]])
    assert _tall_second_readings([*lines, tall]) == {3}


def _unstopped(head: str, under: list[str]) -> Block:
    """A whole column of text whose punctuation the OCR lost: a story running to the column's right edge, a blank
    line's whitespace (1.1 lines), the centred ``head`` and the ``under`` lines."""
    sick = [f"Miss May Stepp who has been sick with {w} here" for w in ["fever", "grip", "colds", "chills"] * 6]
    story = [("FLANAGAN", 220.0, 220.0), *[(t, 30.0 if n == 0 else 0.0, 0.0) for n, t in enumerate(sick)]]
    rows = [*story, (head, 230.0, 230.0), *[(t, 30.0 if n == 0 else 0.0, 0.0) for n, t in enumerate(under)]]
    return _block("u", 2000, rows, gaps={0: 40.0, len(story): 40.0})


def test_a_head_after_whitespace_opens_an_item_where_the_ocr_lost_the_stops() -> None:
    """Winchester News 1910: the OCR lost every full stop, so a line running to the column's edge never showed that
    its text ended; a centred head in capitals after a blank line's whitespace ("ELKIN" over the next
    correspondent's briefs, "WRIGHTS ARE COMMENDED") was read as a line of the story above. Over a listing of
    figures ("TONOPAH" / "Tonopah Extension 70 asked") such a head parts a market report's sections: it stays in."""
    prose = ["Mrs George Goodrich and Mrs Jim Foster", "and little son of Lexington returned",
             "home Friday after a visit", "with relatives in the county and will", "stay the winter"]
    beside = _block("d", 2000, [(f"the other column goes on with its text {n}", 0.0, 0.0) for n in range(30)], x0=750)
    arts = [a for a in articles_from_layout([_page([_unstopped("ELKIN", prose), beside])]) if a.kind != "furniture"]
    assert [a.headline for a in arts[:2]] == ["FLANAGAN", "ELKIN"], [a.headline for a in arts]
    listing = ["Tonopah Extension 70 asked", "Tonopah North Star 2 asked West", "End Cons 22 bid Rescue 2 asked",
               "Jim Butler 18 bid MacNamara 30", "Midway 23 asked Montana 150 bid"]
    arts = [a for a in articles_from_layout([_page([_unstopped("TONOPAH", listing), beside])]) if a.kind != "furniture"]
    assert "TONOPAH" not in [a.headline for a in arts]


def _paragraphs(texts: list[list[str]]) -> list[tuple[str, float, float]]:
    """Rows of paragraphs: each first line set in, each last line short."""
    return [(t, 30.0 if n == 0 else 0.0, 250.0 if n == len(p) - 1 else 0.0) for p in texts for n, t in enumerate(p)]


PERSONALS = [["H. M. Kirk was here from Ogden on", "Monday attending to business."],
             ["Lige Pettigrew of Foreman passed", "through Ashdown Friday on his way", "home from Mineral Springs."]]
NOTICE = [["Don't forget the date Saturday Jan.", "10, one day only. Mary Pickford in the",
           "Hoodlum. Royal Theater, matinee", "and night. 1-10"]]
BITTERS = [["Kidney weakness and bladder troubles", "are within the curative power of",
            "Prickly Ash Bitters. Price $1.25 per", "bottle. Model Drug Store. adv."]]
RESUMED = [["Miss Ruth Keiley of Oklahoma was", "the guest of Miss Ruth Fawcett on", "her way home from Peytonville."]]


def test_a_reading_notice_amid_local_news_is_an_advert_of_its_own() -> None:
    """Little River News 1920: a local column's personals are broken by reading notices, paid paragraphs closing on
    the paper's mark ("… Model Drug Store, special agents. adv.") or their insertion key in figures ("… matinee and
    night. 1-10"). The notice was read as one more personal; it is an advert, and the news resumes under it. A
    patent medicine's advert of several paragraphs closing its block on "adv." stays whole."""
    rows = _paragraphs(PERSONALS + NOTICE + RESUMED + BITTERS + RESUMED)
    # the page keys its adverts (insertion keys are read only where at least three lines carry one): the other
    # column's classifieds close on theirs
    beside = _block("d", 2000, [(f"the other column goes on with its text {n}." if n % 5 != 4
                                 else "Wanted, a girl for general housework. 1-17", 0.0, 0.0) for n in range(20)],
                    x0=750)
    items = _items([_block("p", 2000, rows), beside])
    resumed = "Miss Ruth Keiley"
    assert items[:5] == ["H. M. Kirk", "Don't forget the", resumed, "Kidney weakness and", resumed], items
    advert = _paragraphs(PERSONALS + BITTERS)
    items = _items([_block("a", 2000, advert), beside])
    assert items[0] == "H. M. Kirk" and "Kidney weakness and" not in items, items


def test_a_head_in_capitals_closing_on_a_sum_opens_an_item() -> None:
    """Winchester News 1910: "SELLS FARM FOR 36000", centred between blank lines in a whole column of local news, was
    read as a price row (a line ending on a figure) and run into the police court report above it. A head of words
    in capitals closing on a sum is a head; a price row names a thing and its price ("SILVER 52"), a stock list's
    row a company in Title Case ("Denver Rio Grande 52")."""
    for text in ("SELLS FARM FOR 36000", "SELLS FARM FOR $3,575"):
        assert _sum_head(text), text
    for text in ("SILVER 52", "COPPER 138", "Denver Rio Grande 52", "LOT 12 BLOCK 4 FOR 300",
                 "SOLD FOR 100"):
        assert not _sum_head(text), text
    court = [["The old boys had their round in the", "police court this morning and will",
              "spend several weeks in jail."]]
    farm = [["Mr E S Cunningham Saturday sold his", "farm near the junction containing",
             "about 200 acres to Mr Stoll."]]
    rows = [*_paragraphs(court * 6), ("SELLS FARM FOR 36000", 120.0, 120.0), *_paragraphs(farm * 5)]
    beside = _block("d", 2000, [(f"the other column goes on with its text {n}.", 0.0, 0.0) for n in range(30)], x0=750)
    block = _block("f", 2000, rows, gaps={18: 40.0, 19: 40.0})  # whitespace over and under the head
    assert _items([block, beside])[:2] == ["The old boys", "Mr E S"]


def test_a_head_centred_past_the_marks_the_ocr_read_before_it_opens_an_item() -> None:
    """Lancaster Intelligencer 1888: microfilm OCR read specks off the column rule before a centred head (", - '
    Valise The Harder Scoot."), so its box started near the column's left edge and the head was not seen as centred:
    the item was run into the one above. Left out by their share of the line's characters, the marks leave the head
    centred; with no blank line over it, such a line stays in the text (the estimate is rough)."""
    story = [["The county commissioners met today and", "decided on the burial of indigent soldiers",
              "at the expense of the county this year."]]
    sale = [["Oat Martey next the Pennsylvania rail-", "road station has been sold to a farmer",
             "of the township for a good price."]]
    head = (", - ' Valise The Harder Scoot.", 60.0, 190.0)
    rows = [*_paragraphs(story * 6), head, *_paragraphs(sale * 5)]
    beside = _block("d", 2000, [(f"the other column goes on with its text {n}.", 0.0, 0.0) for n in range(30)], x0=750)
    spaced = _items([_block("s", 2000, rows, gaps={18: 40.0}), beside])
    assert spaced[:2] == ["The county commissioners", "Oat Martey next"], spaced
    assert "Oat Martey next" not in _items([_block("s", 2000, rows), beside])


def test_a_head_over_a_lower_case_line_opens_an_item_where_the_ocr_lost_the_stops() -> None:
    """Winchester News 1910: "OPERA HOUSE", centred after a blank line, over "takclIlfrom" (the OCR's "Taken from",
    its capital lost), was read as a display line inside one sentence, the lodge notice above it running on ("… and
    also work of the team"). Where the OCR lost every stop, a line above ending in lower case shows no sentence
    broken off."""
    review = ["takclIlfrom the Lexington Herald The play", "will appear at the Winchester opera house",
              "on Thursday night and is well worth seeing"]
    beside = _block("d", 2000, [(f"the other column goes on with its text {n}", 0.0, 0.0) for n in range(30)], x0=750)
    arts = [a for a in articles_from_layout([_page([_unstopped("OPERA HOUSE", review), beside])])
            if a.kind != "furniture"]
    assert [a.headline for a in arts[:2]] == ["FLANAGAN", "OPERA HOUSE"], [a.headline for a in arts]
