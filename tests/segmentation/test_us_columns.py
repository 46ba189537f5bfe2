"""American column pages (issue 15, session seg27): NDNP ALTO and Chronicling America hOCR, read as a careful reader
would. Each layout is a small synthetic copy of what a real page does (named in the docstrings); the real pages are
scored by benchmarks/bench_segmentation.py.
"""

from __future__ import annotations

from reader.model.document import Block, Line
from reader.segmentation.geometry import articles_from_layout, run_in_head
from tests.segmentation.columns import column_block, column_page, first_words


def _prose(text: str, n: int) -> list[tuple[str, float, float]]:
    return [(f"{text} {k} and the rest of the line runs on", 0.0, 0.0) for k in range(n)]


def test_a_paragraph_opening_on_a_run_in_head_closed_by_a_dash_is_an_item_of_its_own() -> None:
    """The Evening Star 1865's column of local paragraphs: each opens on its title run in before a dash ("The Eight
    Hour Meeting.—The mechanics of …", the microfilm OCR reading the dash as "?"), under the finished paragraph
    above, indented: a careful reader counts one item per paragraph."""
    rows = [("The Last of the 'Rebellion.'?This morning all", 30.0, 0.0), *_prose("the desks were sold", 4),
            ("and covered with cheap blue cloth.", 0.0, 200.0),
            ("The Eight Hour Meeting.?The mechan-", 30.0, 0.0), *_prose("ics of the city are making", 4),
            ("labor among the mechanics.", 0.0, 250.0),
            ("Ex-Governor Lowe.—We understand that", 30.0, 0.0), *_prose("Governor Bradford declined", 3),
            ("his pardon.", 0.0, 400.0)]
    assert first_words([column_block("b", 100, rows)]) == ["The Last of", "The Eight Hour",
                                                           "Ex-Governor Lowe.—We understand"]


def test_a_speaker_or_an_entry_closed_by_a_dash_opens_no_item() -> None:
    """A speaker in a debate or a play ("Mr. Davis.—I move …", "MADAME DUTRIN.—Vous …"), a catalogue's entry
    ("Lois, Rogelio.—Fulas é castañas"), an article of a law ("Art. 1. — …") and a reading notice's close ("…
    Water Known.—Advt.") are no run-in heads."""
    for text in ("Mr. Davis.—I move that the", "MADAME DUTRIN.—Vous n'avez pas", "Lois, Rogelio.—Fulas é castañas",
                 "Art. 1. — Excédant présumé des", "Greatest Natural Water Known.—Advt.", "at Ogden. Ark.—Roy Rudd. 40",
                 "Cross-examined by Mr. Phillips.—Witness is", "ASSAULT —Richard Lilley was",
                 "Circus Renz. Carlsstraße — Markthallen."):
        assert not run_in_head(text), text
    for text in ("The Eight Hour Meeting.?The mechan-", "Ex-Govk?sor Lawh.?We understand that",
                 "The Last or the '-Rebellion.\"?This", "Thk Episcopal Cosvkstiox ?The Kpisoo-",
                 "Death of a Pioneer.—John Smith, who"):
        assert run_in_head(text), text


def test_a_heading_wrapped_over_a_centred_last_line_in_a_column_block_heads_an_item() -> None:
    """The Evening Star 1865: a story's heading set in body type wraps across the column and closes on a centred
    short line ("The Theatrical Managers and the" / "Herald."), under the finished paragraph of the story above, a
    little whitespace between: a careful reader sees a new story's heading, not a line of the text above."""
    rows = [*_prose("the prisoners were punished", 12), ("ball and chain, &c", 0.0, 300.0),
            ("The Theatrical Managers and the", 0.0, 0.0), ("Herald.", 240.0, 240.0),
            ("Among the most prominent topics of", 30.0, 0.0), *_prose("the last few days has been", 20),
            ("the courts of law.", 0.0, 400.0)]
    assert first_words([column_block("b", 100, rows, gaps={13: 20.0})]) == ["the prisoners were", "Among the most"]


def test_a_paragraph_closing_on_a_centred_line_stays_text() -> None:
    """A paragraph whose last line happens to stand mid-column (a sentence-case line running the column over a short
    one: "and the whole party then went on to the" / "depot.") is no heading."""
    rows = [*_prose("the prisoners were punished", 12), ("ball and chain, &c", 0.0, 300.0),
            ("and the whole party then went to the", 0.0, 0.0), ("depot.", 240.0, 240.0),
            ("Among the most prominent topics of", 30.0, 0.0), *_prose("the last few days has been", 20),
            ("the courts of law.", 0.0, 400.0)]
    assert first_words([column_block("b", 100, rows, gaps={13: 20.0})]) == ["the prisoners were"]


def test_a_wrapped_heading_close_under_a_short_last_line_or_atop_a_slice_heads_an_item() -> None:
    """The Evening Star 1865 again, as the microfilm OCR boxes it: line boxes taller than their pitch, the heading
    only a little further under the paragraph above, whose short last line lost its stop ("ball and chain, Ac" for
    "&c."): that line ends a paragraph flush left, so the text does not break off into the heading. And where the
    OCR sliced the column so that the heading opens a block ("The City Government of Richmond—Its" / "Probable
    Restoration."), it heads an item there too."""
    rows = [*_prose("the prisoners were punished", 12), ("ball and chain, Ac", 0.0, 300.0),
            ("The Theatrical Managers and the", 0.0, 0.0), ("Herald.", 240.0, 240.0),
            ("Among the most prominent topics of", 30.0, 0.0), *_prose("the last few days has been", 20),
            ("the courts of law.", 0.0, 400.0)]
    block = column_block("a", 100, rows, gaps={13: 22.0}, leading=-10)
    assert first_words([block]) == ["the prisoners were", "Among the most"]
    below = [("The City Government of Richmond—Its", 0.0, 0.0), ("Probable Restoration.", 180.0, 180.0),
             ("John Wright, who was elected in", 30.0, 0.0), *_prose("Richmond for the office of", 40),
             ("the office.", 0.0, 400.0)]
    second = column_block("b", block.box[3] + 2, below, leading=-10)
    assert first_words([block, second]) == ["the prisoners were", "Among the most", "John Wright, who"]


def test_a_bank_statement_s_title_lines_down_to_its_resources_are_its_heading() -> None:
    """The Little River News 1918: a bank's statement of condition, as every American bank printed it, sets its
    title large ("Report of the Condition of" / "Winthrop Banking Co.") over lines in body type naming the bank's
    kind, place and the date of the statement ("(Private Bank.)" / "Winthrop, Little River County, Ark." / "At the
    Close of Business May 10, 1918."); its text opens on its first section, "Resources:", over the figures."""
    rows = [("Report of the Condition of", 60, 200, 600), ("Winthrop Banking Co.", 80, 150, 650),
            ("(Private Bank.)", 36, 300, 500), ("Winthrop, Little River County, Ark.", 36, 100, 700),
            ("At the Close of Business May 10, 1918.", 36, 100, 700), ("Resources:", 36, 100, 190),
            *[(f"Loans item {k} .... {k},258.25", 36, 100, 700) for k in range(12)]]
    story = column_block("a", 100, [*_prose("The meetings will continue right along", 14),
                                    ("until further announcement.", 0.0, 300.0)], x0=100)
    lines, y = [], story.box[3] + 40
    for k, (text, h, x0, x1) in enumerate(rows):
        lines.append(Line(id=f"s.l{k}", text=text, box=(x0, y, x1, y + h)))
        y += h + 6
    column = Block(id="s", lines=story.lines + lines, box=(100, 100, 700, y), type="text")  # one OCR block
    arts = [a for a in articles_from_layout([column_page([column])]) if a.kind != "furniture"]
    statement = next(a for a in arts if any(p.text.startswith("Winthrop Banking") for p in a.parts))
    assert statement.paragraphs()[0].text.startswith("Resources:")
    assert "(Private Bank.)" in " ".join(p.text for p in statement.parts if p.role != "paragraph")


def test_large_type_beside_a_column_of_text_is_no_masthead() -> None:
    """The Nevada County Picayune 1920's editorial page: a bank's statement across three columns at the top right
    sets the bank's name four times the body's height ("BANK OF PRESCOTT"), but a column of text stands beside it
    on its row (the paper's own box and its announcements): a title stands over the page's columns with at most
    short ears beside it, so this is no masthead, and its text is read, opening on its first section; the next
    section's head ("LIABILITIES:") set alone in capitals atop the next block goes on with it."""
    column = column_block("c", 100, _prose("The Picayune is authorized to announce", 40), x0=100)
    lines = [Line(id="s.l0", text="Condensed Statement of the Condition of", box=(900, 130, 1500, 190)),
             Line(id="s.l1", text="BANK OF PRESCOTT", box=(760, 200, 1640, 360)),
             Line(id="s.l2", text="RESOURCES:", box=(970, 380, 1430, 416))]  # letter-spaced
    lines += [Line(id=f"s.l{k}", text=f"Loans and Discounts {k} .... 695,211.33", box=(760, 420 + 40 * k, 1640,
                                                                                         456 + 40 * k))
              for k in range(3, 14)]
    bank = Block(id="s", lines=lines, box=(760, 140, 1640, 456 + 40 * 13), type="text")
    second = [Line(id="t.l0", text="LIABILITIES:", box=(950, 1000, 1450, 1050))]
    second += [Line(id=f"t.l{k}", text=f"Capital Stock {k}, fully paid .... 75,000.00", box=(760, 1060 + 40 * k, 1640,
                                                                                              1096 + 40 * k))
               for k in range(1, 8)]  # whitespace under the section's head
    liabilities = Block(id="t", lines=second, box=(760, 1000, 1640, 1096 + 40 * 7), type="text")
    arts = articles_from_layout([column_page([column, bank, liabilities])])
    statement = next(a for a in arts if any("PRESCOTT" in p.text for p in a.parts))
    assert statement.kind != "furniture"
    assert statement.paragraphs()[0].text.startswith("RESOURCES:")
    assert any(p.text.startswith("LIABILITIES:") for p in statement.paragraphs())


def _classifieds() -> list[Block]:
    """A classified section as the Little River News 1920 sets it: a rubric set large, short classification heads
    ("FOR RENT."), entries opening on a word or two in capitals and closing on their insertion keys ("1-28", "tf"),
    then a reading notice in sentence case closed by "adv."."""
    rows: list[tuple[str, float, float, float]] = [("CLASSIFIED SECTION", 60, 100, 500),
                                                   ("FOR SALE OR TRADE.", 40, 200, 400)]
    entries = [["FOR SALE—More Egg Tonic, makes", "layers out of loafers.—Mrs. H. B.", "Wilson. 95-tf"],
               ["FOR SALE—My house, two blocks", "north of court house, two thirds in",
                "cash, balance like rent.—Henry", "Gist. Ashdown. 2-1"],
               ["3.000 BALES of Bermuda and John-", "son grass hay for sale, averages 60",
                "pounds, at $1 a bale.—M. W.", "Hankins. Ogden, Ark. 1-28"]]
    for entry in entries:
        rows += [(t, 36, 100, 600 if k < len(entry) - 1 else 450) for k, t in enumerate(entry)]
    rows += [("FOR RENT.", 40, 250, 350)]
    rows += [(t, 36, 100, 600 if k < 2 else 450) for k, t in enumerate(
        ["FARM FOR RENT—50 acres, 6 miles", "of Ashdown, good upland.—W. S.", "Price, Ashdown. 104-tf"])]
    rows += [(t, 36, 100, 600 if k < 2 else 450) for k, t in enumerate(
        ["LOST—Abstract to my land, Monday", "in Ashdown. Return to me for re-", "ward.—Henderson Sherman. 1-17"])]
    rows += [(t, 36, 130 if k == 0 else 100, 600 if k < 3 else 450) for k, t in enumerate(
        ["Bad digestion robs the body of the", "nourishment it needs to maintain", "health. Price $1.25 per bottle.",
         "Model Drug Co., agents. adv."])]
    lines, y = [], 100.0
    for k, (text, h, x0, x1) in enumerate(rows):
        lines.append(Line(id=f"c.l{k}", text=text, box=(x0, y, x1, y + h)))
        y += h + 10
    return [Block(id="c", lines=lines, box=(100, 100, 600, y), type="text")]


def test_entries_of_a_classified_section_closed_on_their_keys_are_one_listing() -> None:
    """The Little River News 1920: under its rubric ("CLASSIFIED SECTION") the classified adverts run on, each
    closed on its insertion key and sorted under short classification heads: a careful reader sees one listing, as
    the page sets it, down to a paragraph that opens in sentence case (a reading notice), which is an item of its
    own."""
    assert first_words(_classifieds()) == ["FOR SALE—More Egg", "Bad digestion robs"]


def test_classified_adverts_opening_under_a_finished_notice_are_a_listing_of_their_own() -> None:
    """The Ashdown Little River News 1922: under the pound notice ("… Ashdown, Ark.—See J. A. Bishop.") the
    classified adverts go on, each opening on its formula in capitals before a dash ("FOR SALE—Baby carriage …",
    "WANTED—Experienced colored cook …"): the first opens a listing of its own, the others are its entries."""
    rows = [("Impounded stock, Ashdown, Ark:", 30.0, 0.0), *_prose("One big brown horse about 10 years", 12),
            ("Ashdown, Ark.—See J. A. Bishop.", 0.0, 100.0),
            ("FOR SALE—Baby carriage, good con-", 0.0, 0.0), ("dition. Call phone 39.", 30.0, 200.0),
            ("HOME FOR SALE—7 room house,", 0.0, 0.0), ("modern conveniences.—E. C. Henry.", 30.0, 100.0),
            ("WANTED—Experienced colored", 0.0, 0.0), ("cook. Apply to Dr. R. L. Meek.", 30.0, 100.0),
            *_prose("more lines of the column to make it whole", 16)]
    assert first_words([column_block("a", 100, rows)]) == ["Impounded stock, Ashdown,", "FOR SALE—Baby carriage,"]


def test_a_run_in_head_opens_an_item_under_a_sentence_ending_at_the_column_s_edge() -> None:
    """The Evening Star 1865: "… the system of eight hours as a day's" / "labor among the mechanics.—Balt. Sun, 9d."
    / "Ex-Governor Lowe.—We understand that": the line above runs nearly to the edge and the microfilm OCR keeps
    the indent under the half line a paragraph asks; the run-in head after a closed sentence is evidence enough."""
    rows = [("The Eight Hour Meeting.—The mechan-", 30.0, 0.0), *_prose("ics of the city are making", 6),
            ("labor among the mechanics.—Balt. Sun, 9d.", 0.0, 40.0),
            ("Ex-Governor Lowe.—We understand that", 10.0, 0.0), *_prose("Governor Bradford declined", 3),
            ("his pardon.", 0.0, 400.0)]
    assert first_words([column_block("b", 100, rows)]) == ["The Eight Hour", "Ex-Governor Lowe.—We understand"]


def test_a_centred_line_the_ocr_garbled_atop_a_slice_over_a_dateline_heads_a_dispatch() -> None:
    """The Evening Star 1865's telegraph column, sliced by the OCR: a block opens on a centred line the microfilm
    OCR garbled past reading (the dispatch's headline, "vuiivviKivii va rrrramrn ni nnipi{jn?") over a dateline
    running on ("Raleigh, N. C., Sept. 29.—A convention of"): it heads that dispatch, not the report above."""
    above = column_block("a", 100, [("Rio Janeiro, Aug. 25.—Nothing decisive has", 30.0, 0.0),
                                    *_prose("occurred at the theatre of war", 32), ("ships.", 0.0, 450.0)])
    rows = [("vuiivviKivii va rrrramrn ni nnipi{jn?", 60.0, 60.0), ("Raleigh, N. C., Sept. 29.—A convention of", 30.0,
                                                                      0.0),
            *_prose("the colored freedmen of the State met", 32), ("to-day.", 0.0, 450.0)]
    below = column_block("b", above.box[3] + 4, rows)
    assert first_words([above, below]) == ["Rio Janeiro, Aug.", "Raleigh, N. C.,"]


def test_a_head_over_a_dateline_whose_place_the_ocr_garbled_is_no_crosshead() -> None:
    """The Evening Star 1865: under the Raleigh dispatch, "The Missouri Pacific Railroad." heads the next one, whose
    dateline the OCR garbled but for its date ("K.\\ss?as ('ITY, Sept. 30.?'The first through"): a dateline still
    follows the head, so it is no crosshead of the report above."""
    rows = [("Raleigh, N. C., Sept. 29.—A convention of", 30.0, 0.0), *_prose("the colored freedmen met", 32),
            ("to-day.", 0.0, 450.0), ("The Missouri Pacific Railroad.", 80.0, 80.0),
            ("K.\\ss?as ('ITY, Sept. 3tl.?'The first through", 30.0, 0.0), *_prose("train from St. Louis", 8),
            ("on Monday next.", 0.0, 400.0)]
    assert first_words([column_block("a", 100, rows)]) == ["Raleigh, N. C.,", "K.\\ss?as ('ITY, Sept."]


def test_a_head_a_blank_line_under_a_dispatch_is_no_crosshead_where_the_ocr_boxes_overlap() -> None:
    """The Evening Star 1865: "… from Pittsburgh to Columbus on" / "and after to-morrow." / (a blank line) / "The
    Narrow Escape of Gen. Grant." / "The Cincinnati Gazette gives …": the microfilm OCR boxes each line taller than
    its pitch, so the boxes of two lines in a row overlap and a blank line between them measures less than a line
    from box to box; measured against the usual overlap, the head stands a blank line under the dispatch and heads
    a story of its own."""
    rows = [("Steubenville, Oct. 1.—The Pittsburgh and", 30.0, 0.0), *_prose("Steubenville bridge is done", 32),
            ("and after to-morrow.", 0.0, 350.0), ("The Narrow Escape of Gen. Grant.", 80.0, 80.0),
            ("The Cincinnati Gazette gives the following", 30.0, 0.0), *_prose("account of the escape", 8),
            ("reaching Lawrenceburg.", 0.0, 350.0)]
    block = column_block("a", 100, rows, lh=30, leading=-14, gaps={34: 46.0, 35: 2.0})
    assert first_words([block]) == ["Steubenville, Oct. 1.—The", "The Cincinnati Gazette"]
