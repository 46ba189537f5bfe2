"""Rules on how a page's tiers and a serial's speech part items (session seg31, issue 15): synthetic pages, each
failing without the rule it tests."""

from __future__ import annotations

from reader.model.document import Block, Line, Page, Part
from reader.segmentation.geometry import _Draft, _PageCut, articles_from_layout
from reader.segmentation.roles import is_imprint
from tests.segmentation.columns import column_block

PROSE = [("que le conseil a voté hier, après une longue", 0, 0), ("discussion, le budget de la ville et les", 0, 0),
         ("crédits des écoles, que la commission avait", 0, 0), ("proposés au mois de mars dernier, et la", 0, 0)]


def _page(blocks: list[Block]) -> Page:
    return Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=3000, height=4000)


def _first_words(blocks: list[Block]) -> list[str]:
    arts = articles_from_layout([_page(blocks)])
    return [" ".join(a.paragraphs()[0].text.split()[:3]) for a in arts if a.kind != "furniture"]


def test_a_strip_of_columns_under_a_band_filled_to_one_foot_opens_an_item() -> None:
    """L'Union 1865 p. 2: four columns of news filled to one foot, and under them, across the page, the
    feuilleton's strip, its first column carrying on a text from the page before ("vos mauvaises colères vous
    suggéreront …"): it ran on in the last news item. A strip under columns that end at one foot is the
    compositor's own tier: its first text opens an item, whatever it opens on."""
    top = [column_block(f"t{c}", 200, [("Le conseil municipal a voté hier, après", 30, 0)] + PROSE * 3
                        + [("et la séance fut levée à minuit.", 0, 300)], x0=100 + 700 * c) for c in range(4)]
    strip = [column_block(f"s{c}", 1000, [("vos mauvaises colères vous suggéreront, je", 0, 0)] + PROSE * 2,
                          x0=100 + 700 * c) for c in range(4)]
    starts = _first_words(top + strip)
    assert starts[-1] == "vos mauvaises colères", starts
    # columns ending at feet far apart: a chance gap across the page, the text runs on
    top[1] = column_block("t1", 200, PROSE + [("et la séance fut levée à minuit.", 0, 300)], x0=800)
    assert _first_words(top + strip)[-1] != "vos mauvaises colères"


def test_a_dash_opening_on_a_question_or_an_exclamation_is_speech_not_an_item() -> None:
    """L'Union 1865 p. 2, the feuilleton carried over from the page before, no label over it: "— Vous ne répondez pas ?
    demanda le curé …", "— Moi ! exclama …" each opened an item (13 of them), as a news column's dash notes do. A dash
    whose first sentence closes on a question or an exclamation mark is a character's speech, and the dashes after
    it in that text are the dialogue's; a news note's dash opens on a statement."""
    story = column_block("f", 200, [("Le curé se tut; tous se regardèrent en silence.", 30, 0), *PROSE,
                                    ("et personne ne répondit à sa question.", 0, 200),
                                    ("— Vous ne répondez pas ? demanda le curé", 30, 0), *PROSE,
                                    ("et il attendit encore un long moment.", 0, 200),
                                    ("— L'arrêt est rendu, il faudra bien qu'il", 30, 0), *PROSE,
                                    ("et le paysan se retira vers la porte.", 0, 200)])
    assert _first_words([story]) == ["Le curé se"]
    # news notes opening on a dash and a statement are items each
    for k in (6, 12):
        story.lines[k].text = "— Le Moniteur publie ce matin un décret qui"
    assert _first_words([story]) == ["Le curé se", "— Le Moniteur", "— Le Moniteur"]


def test_whitespace_in_a_dialogue_parts_two_scenes_not_two_items() -> None:
    """L'Union 1865 p. 2: the feuilleton's column block leaves a line of lead before "Ce fut pour tous une nuit
    d'insomnie …", a new scene of the same story: it opened an item, as lead parts a column's editorial notes. In a
    text whose dashes are a character's speech, lead parts scenes."""
    para = [*PROSE * 2, ("et il attendit encore.", 0, 300)]
    rows = [("— Vous ne répondez pas ? demanda le curé", 30, 0), *para, ("Le père se leva lentement et dit", 30, 0),
            *para, ("— Je veillerai, dit le père en se levant.", 30, 0), *para,
            ("Ce fut pour tous une nuit d'insomnie et", 30, 0), *para, ("Au matin le curé sortit et", 30, 0), *para]
    lead = {3 * (len(para) + 1): 40.0}
    opening = column_block("o", 200, [("Le curé se tut; tous se regardèrent.", 30, 0), *PROSE, ("la porte.", 0, 300)])
    assert _first_words([opening, column_block("s", 500, rows, gaps=lead)]) == ["Le curé se"]
    # the same column of notes without speech: the lead parts two items
    rows[0] = ("Le maire a visité hier les écoles de la", 30, 0)
    rows[2 * (len(para) + 1)] = ("Le conseil se réunira demain à midi pour", 30, 0)
    assert _first_words([opening, column_block("s", 500, rows, gaps=lead)]) == ["Le curé se", "Ce fut pour"]


def _note(first: str, last: str) -> list[tuple[str, float, float]]:
    return [(first, 30, 0), *PROSE, (last, 0, 300)]


def test_a_stray_mark_after_a_notes_last_stop_does_not_hide_that_it_is_finished() -> None:
    """Little River News 1917: the editor's notes, each parted from the next by a blank line, one closing "… the lots
    they own. «" (a speck read as a guillemet): the note under it was not seen to open under a finished one, the run
    of notes read as too long, and six notes came out as one item. A line's sentence ends on its last word."""
    article = column_block("a", 200, [row for n in range(14) for row in _note(f"Paragraph {n} of the report", "ends.")],
                           lh=40)
    notes = [_note("The News has sold its old type and", "now used by us."),
             _note("In your case it may not be a lack of", "of the lots they own. «"),
             _note("If you ever did or ever will need", "and work together."),
             _note("Young potatoes are coming on. A swat", "is putting them up."),
             _note("Turn the vacant lots into garden", "plots this spring.")]
    rows = [row for note in notes for row in note]
    gaps = {k * len(notes[0]): 60.0 for k in range(1, len(notes))}
    column = column_block("n", 200, rows, x0=800, gaps=gaps)
    starts = _first_words([article, column])
    assert starts[-4:] == ["In your case", "If you ever", "Young potatoes are", "Turn the vacant"], starts


def test_a_sentence_closed_in_brackets_finishes_the_text_above_a_centred_heading() -> None:
    """L'Union 1865 p. 3: "… 6,000 souris par an? (Journal pour tous.)" closes a text on its source's credit, and the
    country rubric "Allemagne." centred under it was read as that text's last paragraph: a text ending on a stop
    inside brackets is finished as one ending on the stop."""
    above = column_block("a", 200, [("Pourquoi penser que la chouette mange les", 30, 0), *PROSE,
                                     ("par an? (Journal pour tous.)", 0, 20)])
    rubric = column_block("h", 520, [("Allemagne.", 250, 250)])
    below = column_block("b", 600, [("On a publié hier à Berlin une adresse des", 30, 0), *PROSE,
                                     ("dans les ateliers.", 0, 300)])
    arts = [a for a in articles_from_layout([_page([above, rubric, below])]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == [None, "Allemagne."]


def test_a_centred_title_atop_a_block_set_off_by_whitespace_heads_an_item() -> None:
    """Little River News 1920 p. 3 (hOCR, no sizes): "Notice of Local Bill," centred atop its block, a line of
    whitespace under it, over the notice's indented first line, came after an advert whose copy the OCR garbled
    ("… aud accept uo uaitatwa"): read as a paragraph, the notice ran on in the advert. A short line in Title Case
    centred atop a block, set off from the text under it by whitespace, heads it, whatever the text above ends on;
    run in close over its text it is the text's own line."""
    advert = column_block("a", 200, [("Take regularly and keep in good health in", 0, 0), *PROSE,
                                     ("aud accept uo uaitatwa", 150, 150)])
    rows = [("Notice of Local Bill,", 200, 200), ("Notice is hereby given: That the under-", 30, 0), *PROSE,
            ("on January 26, 1920, for the purpose.", 0, 300)]
    notice = column_block("n", 200, rows, x0=800, gaps={1: 30.0})
    arts = [a for a in articles_from_layout([_page([advert, notice])]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == [None, "Notice of Local Bill,"], [a.headline for a in arts]
    notice = column_block("n", 200, rows, x0=800)
    arts = [a for a in articles_from_layout([_page([advert, notice])]) if a.kind != "furniture"]
    assert len(arts) == 1


def test_text_under_a_masthead_right_of_the_text_before_it_continues_no_item() -> None:
    """Reichsanzeiger 1878 (PAGE, a double page): the last page of No. 248 and, right of it, the front page of No.
    249 under its masthead; the front page's first notice ("Se. Majestät der König haben Allergnädigst geruht: …"),
    no heading over it, ran on in the left page's last item. A masthead right of the text read before it opens
    another page side: the text under it continues nothing."""
    left = [column_block(f"l{c}", 200, [("Im Verlage von Gustav Hempel in Berlin ist", 30, 0)] + PROSE * 4
                         + [("Behrenstraße 56 zu haben.", 0, 300)], x0=100 + 700 * c) for c in range(2)]
    mast = column_block("m", 200, [("Deutscher Reichs-Anzeiger", 0, 0)], x0=1600, lh=200)
    mast.box = mast.lines[0].box = (1600.0, 200.0, 2800.0, 396.0)
    notice = column_block("n", 500, [("Se. Majestät der König haben Allergnädigst", 30, 0)] + PROSE * 3
                          + [("zu verleihen.", 0, 400)], x0=1600)
    assert _first_words([*left, mast, notice])[-1] == "Se. Majestät der"



def test_an_advertisers_name_and_town_under_the_copy_close_the_advert() -> None:
    """Little River News 1917: "PARKER BROTHERS NURSERY," in display type and "FEYETTEVILLE ARKANSAS" under the
    copy of their salesman's advert came out as an item of their own (the display line its headline), and the advert
    lost its close. An item of the page that is no more than a name and an address (or a telephone number) goes back
    to the advert above it; a short item that names no address stays."""
    block = column_block("a", 200, [("SALESMAN WANTED—All or part time, splendid", 0, 0), *PROSE])
    page = _page([block])
    drafts: list[_Draft] = []
    cut = _PageCut(page, [block], drafts, None)
    advert = cut.open_article("advertisement")
    advert.parts.append(Part(role="paragraph", text="SALESMAN WANTED—All or part time. Write today."))
    tail = cut.open_article("advertisement")
    tail.parts += [Part(role="headline", text="PARKER BROTHERS NURSERY,"),
                   Part(role="paragraph", text="FEYETTEVILLE ARKANSAS")]
    brief = cut.open_article()
    brief.parts.append(Part(role="paragraph", text="Young potatoes are coming on."))
    cut.finish()
    kept = [d for d in drafts if d.kind != "furniture"]
    assert kept == [advert, brief]
    assert [p.text for p in advert.parts][-2:] == ["PARKER BROTHERS NURSERY,", "FEYETTEVILLE ARKANSAS"]
    assert all(p.role == "paragraph" for p in advert.parts)


def test_a_dated_running_head_in_the_top_margin_is_furniture_however_skewed() -> None:
    """L'Ouest-Éclair 1924 p. 11: the running head's date ("s?»I8 Décembre 1924« a-", larger than the adverts' body),
    the paper's name and the folio stand each a little lower than the one before (a skewed scan), on no row: the
    date was read as an item's headline. A block of the top margin holding a month's name and a year on a short line
    or two is the page's running head."""
    date = column_block("d", 73, [("s?»I8 Décembre 1924« a-", 0, 0)], x0=285, lh=50)
    date.box = date.lines[0].box = (285.0, 73.0, 785.0, 121.0)
    title = column_block("t", 119, [("L'Ouest-Eclair", 0, 0)], x0=1400)
    title.box = title.lines[0].box = (1400.0, 119.0, 1700.0, 157.0)
    text = [column_block(f"c{c}", 300, [("Le conseil municipal a voté hier, après", 30, 0)] + PROSE * 8
                         + [("et la séance fut levée.", 0, 300)], x0=100 + 700 * c) for c in range(3)]
    arts = [a for a in articles_from_layout([_page([date, title, *text])]) if a.kind != "furniture"]
    assert all(a.headline is None for a in arts), [a.headline for a in arts]


def test_a_card_of_short_lines_closing_on_its_town_is_an_advert_of_its_own() -> None:
    """Little River News 1917: the professional cards under one another in a column, each a block of short centred
    lines closing on the town ("A. D. DuLANEY" / "Lawyer" / "Office in Sanderson Bldg." / "Ashdown, - Arkansas."),
    some in larger type, no copy under them: read as display lines, they waited as one headline over the next text.
    A block of a few short lines closing on an address, or on its proprietor's or agent's name, is a whole advert."""
    story = column_block("s", 200, [("The rose gardens at the hotel take a leading", 30, 0), *PROSE,
                                    ("place among the gardens.", 0, 300)])
    cards = [column_block("a", 600, [("A. D. DuLANEY", 150, 150), ("Lawyer", 250, 250),
                                     ("Office in Sanderson Bldg.", 100, 100), ("Ashdown, - Arkansas.", 120, 120)]),
             column_block("b", 850, [("WE WILL BE PLEASED", 40, 40), ("To Arrange With You", 80, 80),
                                     ("For the Best Meats", 60, 60), ("C. N. THILL, Prop.", 150, 150)], lh=70),
             column_block("c", 1200, [("FARM LOANS WANTED", 60, 60), ("ONE TO TEN YEARS", 100, 100),
                                      ("H. R. YEAGER", 150, 150), ("Ashdown, Arkansas", 120, 120)])]
    order = column_block("o", 1450, [("Warning Order.", 200, 200), ("In the Little River Chancery Court, Lela", 30, 0),
                                     *PROSE, ("Walls, Defendant.", 0, 300)], gaps={1: 30.0})
    arts = [a for a in articles_from_layout([_page([story, *cards, order])]) if a.kind != "furniture"]
    firsts = [" ".join(a.parts[0].text.split()[:3]) for a in arts]
    assert firsts[1:4] == ["A. D. DuLANEY", "WE WILL BE", "FARM LOANS WANTED"], firsts
    assert all(a.kind == "advertisement" and a.headline is None for a in arts[1:4])


def test_an_ornament_between_rules_the_ocr_parted_ends_the_item_above() -> None:
    """Little River News 1917: the rule between a news story and a warning order read "-— -o-" (its left rule parted
    in two, the OCR marking it as hyphenated into "Warning Order."): the order ran on in the story. An ornament
    between rules however many pieces the OCR made of the rule is an item break."""
    rows = [("The standard ship will be about 280 feet", 30, 0), *PROSE, ("aid in breaking the blockade.", 0, 300),
            ("-— -o-", 250, 250), ("Warning Order.", 220, 220), ("In the Little River Chancery Court, Ada", 30, 0),
            *PROSE, ("Attorney ad litem.", 0, 300)]
    block = column_block("b", 200, rows)
    block.lines[len(PROSE) + 2].hyphenated = True
    arts = [a for a in articles_from_layout([_page([block])]) if a.kind != "furniture"]
    assert len(arts) == 2 and arts[1].text.startswith("Warning Order."), [a.text[:30] for a in arts]


def test_a_card_boxed_across_two_columns_is_an_advert_of_its_own_too() -> None:
    """Little River News 1920 p. 4 (hOCR): an insurance office's card in large type boxed across two columns ("D. H.
    TOMPKINS" / "“The Agency of Service”" / … / "Ashdown, Arkansas") waited as a headline with no text. A card is
    told by its few short lines and its close, however wide its type sets it."""
    story = [column_block(f"s{c}", 200, [("The rose gardens at the hotel take a leading", 30, 0), *PROSE * 3,
                                         ("place among the gardens.", 0, 300)], x0=100 + 700 * c) for c in range(2)]
    rows = ["D. H. TOMPKINS", "“The Agency of Service”", "Oldest, Largest and Best In-", "surance and Abstract Office",
            "Ashdown, Arkansas"]
    lines = [Line(id=f"c.l{k}", text=t, box=(150.0, 900.0 + 90 * k, 1250.0, 980.0 + 90 * k))
             for k, t in enumerate(rows)]
    card = Block(id="c", lines=lines, box=(150.0, 900.0, 1250.0, 1350.0))
    arts = [a for a in articles_from_layout([_page([*story, card])]) if a.kind != "furniture"]
    assert arts[-1].kind == "advertisement" and arts[-1].text.startswith("D. H. TOMPKINS"), [a.text[:30] for a in arts]


def test_a_card_close_under_an_adverts_copy_signs_that_copy() -> None:
    """Lancaster Intelligencer 1885 (heldout4): "FLINN & BRENEMAN," / "LARGEST STOVE STORE," / … / "Lancaster, Pa."
    close under their stove advert's copy signs it: read as a card of its own it was an item. A card stands apart."""
    copy = column_block("a", 200, [("Stoves and ranges of every kind at the lowest", 30, 0), *PROSE,
                                   ("prices in the city.", 0, 300)])
    rows = [("FLINN & BRENEMAN,", 150, 150), ("LARGEST STOVE STORE,", 120, 120), ("No. 152 N. Queen St.,", 130, 130),
            ("Lancaster, Pa.", 180, 180)]
    signed = column_block("b", 200 + 40 * (len(PROSE) + 2) + 10, rows)
    arts = [a for a in articles_from_layout([_page([copy, signed])]) if a.kind != "furniture"]
    assert len(arts) == 1 and arts[0].text.endswith("Lancaster, Pa."), [a.text[:30] for a in arts]
    apart = column_block("b", 200 + 40 * (len(PROSE) + 2) + 200, rows)
    arts = [a for a in articles_from_layout([_page([copy, apart])]) if a.kind != "furniture"]
    assert len(arts) == 2 and arts[1].kind == "advertisement", [a.text[:30] for a in arts]


def test_the_responsible_editors_line_closes_the_editorial_part_wherever_it_stands() -> None:
    """L'Union 1860 p. 4: "PIERRE HEINTZE." | "rédacteur responsable." on one row under the last report, over the
    ANNONCES, was read as that report's last words. The editor answering for the paper closes its editorial part,
    above the adverts as at the page's foot: furniture, his name beside it too."""
    report = column_block("r", 200, [("Trier, 23. Nov. Sicherem Vernehmen nach", 30, 0), *PROSE * 2,
                                     ("vorgelegt werden.", 0, 300)])
    name = column_block("n", 600, [("PIERRE HEINTZE.", 0, 0)], x0=100)
    name.box = name.lines[0].box = (100.0, 600.0, 380.0, 636.0)
    office = column_block("o", 600, [("rédacteur responsable.", 0, 0)], x0=420)
    office.box = office.lines[0].box = (420.0, 600.0, 700.0, 636.0)
    arts = articles_from_layout([_page([report, name, office])])
    texts = [a.text for a in arts if a.kind != "furniture"]
    assert len(texts) == 1 and texts[0].endswith("vorgelegt werden."), texts
    assert is_imprint("Luxembourg. — Imprimerie ue Heintzé frères.")


def test_adverts_closed_on_their_insertions_count_are_one_each() -> None:
    """L'Union 1860 p. 4: the ANNONCES block (ALTO TYPE="Advertisement") holds notices and adverts each closed on a line
    opening on its insertion's count in brackets ("(22) Klein, Notaire,", "(10) …", "(13) J. B. Lahaye."), the
    paper's imprint under the last: they ran together. After each such line the next advert opens; the imprint is
    furniture."""
    rows = [("Vente publique d'une maison à Luxembourg,", 30, 0), *PROSE, ("(22) Klein, notaire.", 0, 300),
            ("Le soussigné a l'honneur de prévenir le", 30, 0), *PROSE, ("(10) Oberhoffer, Grand'rue.", 0, 300),
            ("Zu vermiethen: ein Erdgeschoß nebst vier", 30, 0), *PROSE, ("(13) J. B. Lahaye.", 0, 300),
            ("Luxembourg. — Imprimerie de Heintzé frères.", 40, 40)]
    block = column_block("ads", 200, rows)
    block.type = "advertisement"
    arts = articles_from_layout([_page([block])])
    ads = [a for a in arts if a.kind != "furniture"]
    assert [a.text.split()[0] for a in ads] == ["Vente", "Le", "Zu"], [a.text[:30] for a in ads]
    assert ads[-1].text.endswith("(13) J. B. Lahaye.")
    # two such closes in a block are enough ("(29) Kleiw, notaire." / … / "(22) Klein, notaire.")
    two = column_block("ads", 200, rows[:2 * (len(PROSE) + 2)])
    two.type = "advertisement"
    assert len([a for a in articles_from_layout([_page([two])]) if a.kind != "furniture"]) == 2
