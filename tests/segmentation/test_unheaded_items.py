"""Unheaded items inside one OCR block (issue 15, fourth pass): dispatches led by a place and a date, items led by a
dash, a title set off by whitespace inside a paragraph region, sideways margin items, placeholder line boxes.

Each layout is a small synthetic copy of what a real page does (named in the docstrings); the real pages are
scored by benchmarks/bench_segmentation.py.
"""

from __future__ import annotations

from reader.model.document import Block, Line, Page
from reader.segmentation.geometry import articles_from_layout
from reader.segmentation.roles import is_dateline_lead, latin_dateline

FULL = 600.0


def _block(bid: str, y0: float, rows: list[tuple[str, float, float]], *, x0: float = 100, lh: float = 40,
           btype: str = "text", order: int | None = None) -> Block:
    """A block whose lines are (text, left indent, right end short of the column), ``lh`` apart."""
    lines = [Line(id=f"{bid}.l{k}", text=t, box=(x0 + ind, y0 + lh * k, x0 + FULL - short, y0 + lh * k + lh - 4),
                  type="paragraph" if btype == "paragraph" else None)
             for k, (t, ind, short) in enumerate(rows)]
    return Block(id=bid, lines=lines, box=(x0, y0, x0 + FULL, y0 + lh * len(rows)), type=btype, order=order)


def _page(blocks: list[Block]) -> Page:
    return Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=1000, height=3000)


def _items(blocks: list[Block]) -> list[str]:
    """The first words of each non-furniture article's body."""
    arts = articles_from_layout([_page(blocks)])
    return [" ".join(a.paragraphs()[0].text.split()[:3]) for a in arts if a.kind != "furniture"]


def _body(text: str, n: int) -> list[tuple[str, float, float]]:
    return [(f"{text} {k} en voorts", 0.0, 0.0) for k in range(n)]


def test_dutch_and_german_datelines_without_a_comma_before_den() -> None:
    """KB Courant 1750: "PAUMA den 24 April." (place, den, day, month) is a dateline; a weekday before "den" is a
    date in running text, and a lower-case word is no place."""
    for text in ("PAUMA den 24 April. Delnfadt onze", "G E N O A den 27 April. Aen de", "Regensburg den 4 May. De",
                 "STOKHOLM' den eerften May. Dingsdag", "'s-GRAVENHAGE, 30 Nov. De Koning",
                 "'s Hertogenbosch, 29 Nov. Heden", "AMSTERDAM, 28 Mrt. Gisteren"):
        assert latin_dateline(text), text
    for text in ("V Op MAANDAG den 22 November 1813, zal by", "Ik zag den 5 Mei de", "zo is den 5 May gebleken",
                 "'s avonds, 8 Nov. was het"):
        assert not latin_dateline(text), text


def test_dispatches_led_by_a_place_and_a_date_inside_one_block_are_items_of_their_own() -> None:
    """KB Courant 1750: under a country rubric one block holds several dispatches, each opening indented on a place
    and a date under the previous one's finished last line. A place and date running on inside a sentence, or
    set flush under a full line that breaks no sentence, opens nothing."""
    rubric = _block("r", 40, [("ITALIEN.", 240, 260)], lh=40, order=0)
    rows = [("NAPELS den 21 April. De twee Oorlogfcheepen", 40.0, 0.0), *_body("die van hier vertrokken", 3),
            ("naer Parys vertrokken.", 0.0, 250.0),
            ("PARMA den 24 April. Onze Souvereyn en Madame", 40.0, 0.0), *_body("bevinden zig wel", 2),
            ("en men meld uyt", 0.0, 0.0), ("ROME den 25 April dat de paus", 0.0, 0.0), *_body("gezond is", 2),
            ("zeer wel bevonden wierd.", 0.0, 200.0)]
    block = _block("b", 90, rows, order=1)
    assert _items([rubric, block]) == ["NAPELS den 21", "PARMA den 24"]
    arts = articles_from_layout([_page([rubric, block])])
    assert arts[0].headline == "ITALIEN." and "ROME den 25" in arts[1].text


def test_a_dash_opens_an_unheaded_item_but_a_place_and_date_closing_a_notice_does_not() -> None:
    """Reichsanzeiger 1916 "Literatur.": book notes one under another in one paragraph region, each opened by an
    indented dash; a notice's closing "Bonn, den 17. Juli 1916." (indented, alone on its line) opens nothing, and a
    dash run on into its word ("—M. le baron …", the Journal des Débats' paragraph mark) parts no report."""
    rows = [("— Neue Reden an die deutſche Nation. Nach", 40.0, 0.0), *_body("Vorgang von Fichte", 3),
            ("als Maſſenerſcheinung auf.", 0.0, 300.0),
            ("— Im Juliheft der Deutſchen Rundſchau iſt", 40.0, 0.0), *_body("ein Aufſatz erſchienen", 3),
            ("über Goethe mit.", 0.0, 350.0),
            ("—M. le baron de Jankovitz eſt arrivé hier", 40.0, 0.0), *_body("à Paris", 2),
            ("In der Unterſuchungsſache gegen den Tuch⸗", 40.0, 0.0), *_body("fabrikanten iſt", 2),
            ("Beſchlag gelegt.", 0.0, 400.0), ("Bonn, den 17. Juli 1916.", 40.0, 250.0),
            ("Der Unterſuchungsrichter.", 150.0, 150.0)]
    head = _block("h", 40, [("Literatur.", 240, 260)], btype="heading", order=0)
    region = _block("p", 90, rows, btype="paragraph", order=1)
    # the dashes keep the space printed after them (a dash is set wide only in a Chinese font)
    assert _items([head, region]) == ["— Neue Reden", "— Im Juliheft"]


def test_a_title_set_off_by_whitespace_heads_its_region_and_the_datelines_under_it_stay_one_listing() -> None:
    """Reichsanzeiger 1916: "Kursberichte von auswärtigen Fondsmärkten." is the first line of the paragraph region
    of the market reports, nearly the column's width (not centred) but a line's pitch and a half above the first
    report; the reports under it, each on its dateline, are one listing. Dispatches on their datelines in a region
    with no title of its own are items."""
    reports = [("London, 19. Juli. (W. T. B.) 2 ½ % Engl. Konſols", 40.0, 0.0), *_body("Argentinier 96", 2),
               ("Pfund Sterling.", 0.0, 400.0), ("Paris, 19. Juli. (W. T. B.) 5 % Franzöſiſche", 40.0, 0.0),
               *_body("Anleihe 90,50", 2), ("Rio Tinto 1735.", 0.0, 400.0)]
    title = Line(id="t.l0", text="Kursberichte von auswärtigen Fondsmärkten.", box=(150, 100, 660, 136),
                 type="paragraph")
    below = _block("t", 160, reports, btype="paragraph")
    titled = Block(id="t", lines=[title, *below.lines], box=(100, 100, 700, 160 + 40 * len(reports)),
                   type="paragraph", order=0)
    arts = [a for a in articles_from_layout([_page([titled])]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == ["Kursberichte von auswärtigen Fondsmärkten."]
    assert "Paris, 19. Juli." in arts[0].text
    prose = [("London, 19. Juli. (W. T. B.) Das Unterhaus hat", 40.0, 0.0),
             ("heute die Vorlage über die Kohlenausfuhr", 0.0, 0.0), ("angenommen.", 0.0, 400.0),
             ("Paris, 19. Juli. (W. T. B.) Die Kammer hat ſich", 40.0, 0.0),
             ("bis zum Herbſt vertagt und die Regierung", 0.0, 0.0), ("beauftragt.", 0.0, 400.0)]
    plain = _block("u", 100, prose, btype="paragraph", order=0)
    assert _items([plain]) == ["London, 19. Juli.", "Paris, 19. Juli."]


def test_a_paragraph_block_opening_on_a_dateline_after_finished_text_is_a_new_item() -> None:
    """Chronicling America hOCR (ABBYY, no font sizes): each story of a weekly's column is an ocr_par of its own,
    opening on "Hague, Jan. 5.—"; after the finished last sentence of the story above it opens an item. A
    telegram's date set alone on its line over the text ("Vor Sedan, den 2. September.") heads none."""
    one = _block("a", 100, [("The council met on Monday night and voted", 40.0, 0.0), *_body("the new bonds", 3),
                            ("for the road.", 0.0, 400.0)], order=0)
    two = _block("b", 320, [("Hague, Jan. 5.—The Dutch government has", 40.0, 0.0), *_body("refused again", 3),
                            ("the request", 0.0, 400.0),  # the OCR lost the full stop of the short last line
                            ("Paris, Jan. 5.—The French cabinet met", 40.0, 0.0), *_body("late", 2),
                            ("on Sunday.", 0.0, 400.0)], order=1)
    alone = _block("c", 540, [("Vor Sedan, den 2. September.", 120.0, 120.0), *_body("Welch eine Wendung", 3),
                              ("durch Gottes Führung!", 0.0, 300.0)], order=2)
    assert _items([one, two, alone]) == ["The council met", "Hague, Jan. 5.—The", "Paris, Jan. 5.—The"]


def test_a_block_set_sideways_in_the_margin_is_an_item_of_its_own() -> None:
    """KB Courant 1750: notices set turned a quarter in the right margin, lines many times higher than wide, are
    items of their own, not the end of the dispatch read before them."""
    body = _block("a", 100, [("Amsterdam den 13 May. Eergifteren arriveerde", 40.0, 0.0),
                             *_body("in Texel", 3), ("van Koningsbergen.", 0.0, 300.0)], order=0)
    text = "Op heeden zynde Vrydag den 15 May 1750, zal men te Amfterdam verkopen"
    side = [Line(id=f"s.l{k}", text=text, box=(800 + 40 * k, 100, 836 + 40 * k, 2000)) for k in range(3)]
    sideways = Block(id="s", lines=side, box=(800, 100, 916, 2000), order=1)
    assert _items([body, sideways]) == ["Amsterdam den 13", "Op heeden zynde"]


def test_a_rubric_whose_line_box_is_a_placeholder_takes_its_blocks_box_and_heads_the_next_dispatch() -> None:
    """KB docWORKS ALTO: the rubric "DENMARKEN." has a TextLine two pixels wide inside a TextBlock of the printed
    line's size; read as a sliver it would be noise and the dispatch under it would run on in the one above."""
    above = _block("a", 100, [("Regensburg den 4 May. De Baron van Schack", 40.0, 0.0), *_body("paffeerde", 3),
                              ("Boomen planten.", 0.0, 300.0)], order=0)
    rubric = Block(id="r", lines=[Line(id="r.l0", text="DENMARKEN.", box=(500, 310, 502, 312))],
                   box=(300, 300, 500, 340), order=1)
    below = _block("b", 350, [("KoppenhAGEN den 5 May. Syn Majefteyt heeft", 40.0, 0.0), *_body("benoemd", 3),
                              ("Kroonen toegelegd.", 0.0, 300.0)], order=2)
    arts = [a for a in articles_from_layout([_page([above, rubric, below])]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == [None, "DENMARKEN."]


def test_a_treatys_enumerated_article_headings_are_crossheads_of_its_text() -> None:
    """Reichsanzeiger 1871: a treaty printed with heading regions "Artikel IV." over each of its articles; they
    divide the treaty's text, they start no items. A heading region over the treaty heads it as before."""
    title = _block("t", 40, [("Friedensvertrag zwiſchen dem Deutſchen Reich und Frankreich.", 60, 60)],
                   btype="heading", order=0)
    preamble = _block("p", 100, [("Seine Majeſtät der Deutſche Kaiſer einerſeits und die", 40.0, 0.0),
                                 *_body("Regierung andererſeits", 2), ("haben beſchloſſen:", 0.0, 300.0)],
                      btype="paragraph", order=1)
    heads, texts = [], []
    for n, numeral in enumerate(("I", "II", "III")):
        heads.append(_block(f"h{n}", 300 + 240 * n, [(f"Artikel {numeral}.", 250, 250)], btype="heading",
                            order=2 + 2 * n))
        texts.append(_block(f"x{n}", 340 + 240 * n, [(f"Die Grenze {numeral} verläuft", 40.0, 0.0),
                                                     *_body("längs des Fluſſes", 2), ("bis zur See.", 0.0, 300.0)],
                            btype="paragraph", order=3 + 2 * n))
    arts = [a for a in articles_from_layout([_page([title, preamble, *heads, *texts])]) if a.kind != "furniture"]
    assert len(arts) == 1 and arts[0].headline.startswith("Friedensvertrag")
    assert [p.text for p in arts[0].parts if p.role == "section-heading"] == ["Artikel I.", "Artikel II.",
                                                                              "Artikel III."]


def test_a_short_line_set_flush_right_under_finished_text_signs_the_item_above() -> None:
    """Chronicling America hOCR (ABBYY, no font sizes): an advert's signature ("JONES & BRO.") in a paragraph
    of its own, flush right under the copy, ends the advert; it does not head the story under it."""
    copy = _block("a", 100, [("Our store is full of useful presents for", 40.0, 0.0), *_body("every member", 2),
                             ("at the lowest prices.", 0.0, 300.0)], order=0)
    sign = _block("s", 262, [("JONES & BRO.", 380.0, 0.0)], lh=56, order=1)
    story = _block("b", 330, [("Hague, Jan. 5.—The Dutch government has", 40.0, 0.0), *_body("refused", 2),
                              ("the request.", 0.0, 400.0)], order=2)
    arts = [a for a in articles_from_layout([_page([copy, sign, story])]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == [None, None]
    assert arts[0].text.endswith("JONES & BRO.") and arts[1].text.startswith("Hague")


def test_stories_inside_one_ocr_paragraph_part_at_their_heads_and_datelines_a_signature_ends_its_item() -> None:
    """Chronicling America hOCR (ABBYY, one ocr_par holding several stories): a story's centred head over its
    dateline opens it; an advert's signature set flush right ("SMITH & JONES.") closes the item above and heads
    nothing, and the dateline under it opens the next item; a report's second dateline under its headline with no
    signature between stays in that report (New-York Tribune 1903: one fire story from three towns)."""
    rows = [("The council met on Monday night and voted", 40.0, 0.0), *_body("the new bonds", 3),
            ("for the road.", 0.0, 400.0), ("DUTCH REFUSE AGAIN", 180.0, 180.0),
            ("Hague, Jan. 5.—The Dutch government has", 40.0, 0.0), *_body("refused again", 3),
            ("the request.", 0.0, 400.0), ("Utrecht, Jan. 5.—The ministers met", 40.0, 0.0), *_body("late", 2),
            ("on Sunday.", 0.0, 400.0), ("SMITH & JONES.", 350.0, 0.0),
            ("El Dorado, Jan. 5.—(Special) The oil field", 40.0, 0.0), *_body("grows", 3), ("every day.", 0.0, 400.0)]
    arts = [a for a in articles_from_layout([_page([_block("p", 100, rows, order=0)])]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == [None, "DUTCH REFUSE AGAIN", None]
    assert "Utrecht" in arts[1].text and arts[1].text.endswith("SMITH & JONES.")
    assert arts[2].text.startswith("El Dorado, Jan. 5.")


def test_an_order_number_beside_an_official_notice_is_furniture_and_the_text_after_it_opens_a_notice() -> None:
    """Reichsanzeiger 1916, Öffentlicher Anzeiger: each notice carries the advertisement office's order number
    ("[24703]") in a region of its own; an untitled notice after it is an item of its own, and the number is
    furniture, not a notice."""
    one = _block("a", 100, [("Die gegen den Musketier Mathias Welſch", 40.0, 0.0), *_body("erlaſſene Erklärung", 2),
                            ("iſt aufgehoben.", 0.0, 350.0)], btype="paragraph", order=0)
    number = _block("n", 270, [("[24703]", 0.0, 450.0)], order=1)
    two = _block("b", 320, [("Die am 16. 3. 1916 gegen den Musketier", 40.0, 0.0), *_body("Janſen erlaſſene", 2),
                            ("iſt aufgehoben.", 0.0, 350.0)], btype="paragraph", order=2)
    arts = articles_from_layout([_page([one, number, two])])
    assert [a.kind for a in arts] == ["article", "article", "furniture"]
    assert arts[1].text.startswith("Die am 16.") and arts[2].text == "[24703]"


def test_a_rule_under_text_ending_on_a_colon_boxes_its_table_and_ends_nothing() -> None:
    """Reichsanzeiger 1904: "… die folgenden Werte auf:" stands over a table boxed by rules; the text under the
    table goes on in the same article (a rule under a finished sentence would part two items)."""
    lead = _block("a", 100, [("Für die hauptſächlich in Betracht kommenden", 40.0, 0.0), *_body("Länder wies", 2),
                             ("die folgenden Werte auf:", 0.0, 300.0)], btype="paragraph", order=0)
    rule = Block(id="s", box=(150, 275, 650, 279), type="separator", order=1)
    rest = _block("b", 300, [("Nach der Deutſchen Statiſtik betrug die", 40.0, 0.0), *_body("Gewinnung", 2),
                             ("im Durchſchnittswerte.", 0.0, 300.0)], btype="paragraph", order=2)
    assert _items([lead, rule, rest]) == ["Für die hauptſächlich"]


def test_a_rule_under_a_credit_closed_in_brackets_ends_the_item_above() -> None:
    """Reichsanzeiger 1912: a trade note closes on its source's credit in brackets ("… (Nach Board of Trade
    Reports.)"); the rule under it parts it from the next note as a rule under a stop does."""
    note = _block("a", 100, [("Der Wert der japaniſchen Zündholzfabrikation", 40.0, 0.0), *_body("betrug", 2),
                             ("(Nach Board of Trade Reports.)", 0.0, 250.0)], btype="paragraph", order=0)
    rule = Block(id="s", box=(250, 275, 550, 279), type="separator", order=1)
    rest = _block("b", 300, [("Die Preußiſche Centralbodenkredit⸗Aktien⸗", 40.0, 0.0), *_body("geſellſchaft", 2),
                             ("im Vorjahre.", 0.0, 300.0)], btype="paragraph", order=2)
    assert _items([note, rule, rest]) == ["Der Wert der", "Die Preußiſche Centralbodenkredit⸗Aktiengeſellſchaft"]


def test_a_rule_under_a_short_last_line_whose_stop_the_ocr_lost_ends_the_item_above() -> None:
    """Kölnische Zeitung 1924: a dispatch's last line stops well short of the column, its full stop lost ("… Die
    Einwohner flüchteten aus dem Lande"); the rule under it parts it from the next dispatch ("WTB Berlin, 17. Jan.
    …"), also when its last word is in lower case ("… Stimmen beſchloſſe"). Text under the rule running on in lower
    case goes on in the same item."""
    def page(first: str, last: str = "Die Einwohner flüchteten aus dem Lande") -> list[Block]:
        note = _block("a", 100, [("Es verlautet aus Bogota, daß geſtern vormittag", 40.0, 0.0), *_body("Reihe", 2),
                                 (last, 0.0, 250.0)], btype="paragraph", order=0)
        rule = Block(id="s", box=(250, 275, 550, 279), type="separator", order=1)
        rest = _block("b", 300, [(first, 40.0, 0.0), *_body("Tokio", 2), ("hervorgerufen.", 0.0, 300.0)],
                      btype="paragraph", order=2)
        return [note, rule, rest]
    assert _items(page("WTB Berlin, 17. Jan. Bürgermeiſter Ritter")) == ["Es verlautet aus", "WTB Berlin, 17."]
    assert _items(page("und in den Nachbarſtädten, wo die Erdſtöße")) == ["Es verlautet aus"]
    assert _items(page("Koblenz, 13. Jan. Der Ortsausſchuß", "gegen die Stimmen beſchloſſe")) == ["Es verlautet aus",
                                                                                                 "Koblenz, 13. Jan."]


def test_quotations_under_their_datelines_stay_one_listing_and_a_country_entry_is_no_dateline() -> None:
    """Reichsanzeiger market reports: after a paragraph of figures a dateline is the next entry of the listing of
    quotations ("Wien, 7. November. (W. T. B.) Einh. 4 % Rente …"), not a new item; an epidemic report's country
    entry ("Hawaii. Aus Honokaa wurden am 25. Februar …") is a sentence with a date in it, no dateline."""
    assert is_dateline_lead("St. Petersburg, 14. Juli. (W. T. B.) Bankausweis.")
    assert is_dateline_lead("LINCOLN , Neb. , March 2. ( Special Tele-")
    assert not is_dateline_lead("Hawaii. Aus Honokaa wurden am 25. Februar 2 Peſttodesfälle")
    assert not is_dateline_lead("Dienſtag, 11. Mai. Im Opernhauſe. 58ſte Abonnements⸗Vorſtellung")  # a programme
    rows = [("Hamburg, 5. November. (W. T. B.) Gold in Barren:", 40.0, 0.0),
            ("das Kilogramm 2790 Br., 2784 Gd., Silber 79,25 Br.", 0.0, 0.0), ("78,75 Gd.", 0.0, 450.0),
            ("Wien, 7. November. (W. T. B.) Einh. 4 % Rente", 40.0, 0.0),
            ("M.⸗N. pr. ult. 100,20, Oeſterr. 4 % Kronenrente 99,85", 0.0, 0.0), ("Ungar. 4 % 98,10.", 0.0, 400.0),
            ("Madrid, 5. November. (W. T. B.) Wechſel auf Paris", 40.0, 0.0), ("36,825. Ruhig.", 0.0, 400.0)]
    assert _items([_block("q", 100, rows, btype="paragraph", order=0)]) == ["Hamburg, 5. November."]


def test_a_dateline_after_a_trade_note_closing_on_figures_opens_a_dispatch() -> None:
    """Reichsanzeiger 1904 and 1912: a trade note opened by a dash closes on figures ("— Laut Meldung des „W. T. B.“
    betrugen die Einnahmen … zuſammen mehr 107 240 Lire."), and the dateline under it opens a dispatch of its own
    ("New York, 5. November. (W. T. B.) In der abgelaufenen Woche …"): the figures close a note, they are no listing
    of quotations whose next entry the dateline would be."""
    rows = [("— Laut Meldung des „W. T. B.“ betrugen die Ein⸗", 40.0, 0.0),
            ("nahmen 9 480 312 Lire, im Ergänzungsnetz 1 205 440", 0.0, 0.0),
            ("mehr 6473, zuſammen mehr 107 240 Lire.", 0.0, 250.0),
            ("New York, 5. November. (W. T. B.) In der abgelaufenen", 40.0, 0.0),
            ("Woche wurden 5 320 000 Dollars Gold nach Frankreich", 0.0, 0.0), ("ausgeführt.", 0.0, 400.0)]
    assert _items([_block("q", 100, rows, btype="paragraph", order=0)]) == ["— Laut Meldung", "New York, 5."]


def test_a_heading_over_a_numbered_notice_is_its_sections_rubric() -> None:
    """Reichsanzeiger 1916: "1) Unterſuchungsſachen." heads the section of numbered notices; the order number
    under it says a notice begins, so the heading is the section's rubric (furniture) and the notice keeps its
    own title ("Steckbrief.")."""
    rubric = _block("h", 40, [("1) Unterſuchungsſachen.", 200, 200)], btype="heading", order=0)
    number = _block("n", 90, [("[24707]", 0.0, 450.0)], order=1)
    notice = Block(id="s", lines=[Line(id="s.l0", text="Steckbrief.", box=(300, 140, 400, 176), type="paragraph"),
                                  *_block("t", 180, [("Gegen den unten beſchriebenen Mus⸗", 40.0, 0.0),
                                                     *_body("ketier Otto Rauch", 2),
                                                     ("verhängt.", 0.0, 400.0)], btype="paragraph").lines],
                   box=(100, 140, 700, 340), type="paragraph", order=2)
    arts = articles_from_layout([_page([rubric, number, notice])])
    assert [(a.kind, a.headline) for a in arts] == [("article", "Steckbrief."), ("furniture", None)]
    assert "1) Unterſuchungsſachen." in arts[1].text


def test_a_dash_opening_a_paragraph_of_a_serial_is_dialogue_not_an_item() -> None:
    """L'Union 1865 (heldout4): the feuilleton under its label "FEUILLETON." runs its dialogue in paragraphs each
    opened by an indented dash ("— Vous pouvez me tuer : pourquoi m'in-", "— Il a raison, fit une voix …"): lines
    of the one instalment, not unheaded items as a run of trade notes opened by dashes would be."""
    from pathlib import Path

    from reader.segmentation.analyze import analyze_file

    page = Path(__file__).resolve().parents[1] / "data" / "heldout4" / "bnl_lunion_1865-05-24"
    doc = analyze_file(page / "1865-05-24_01-00001.xml")
    serial = [a for a in doc.articles if "On amena le prisonnier" in a.text]
    assert len(serial) == 1
    for said in ("Vous pouvez me tuer", "Il a raison, fit une voix", "Mon fils, lui dit-il", "Soit, barbares"):
        assert said in " ".join(serial[0].text.split()), said
    # the instalment's chapter line under the serial's title opens its text, as a Chinese serial's 第四囘 does
    assert serial[0].headline == "LOUISE FOUBERT."
    assert serial[0].paragraphs()[0].text.startswith("Chapitre IV."), serial[0].paragraphs()[0].text


def test_a_centred_heading_over_prose_naming_dates_heads_an_item() -> None:
    """Adresse-Contoirs Efterretninger 1795 (heldout4): "Handels Beretninger.", a block of its own centred at body
    size over the text under it, after a finished notice, heads the next notice although the first line under it
    names dates and a year ("Fra den 8 til 13 Junii 1795 har Assurance-Præmierne"): prose, not a table's first row
    (a row of figures follows a table's heading, and the next row too)."""
    notice = _block("n", 40, [("Mandagen den 27 Junii begynder Hr. Schumacher", 40.0, 0.0), *_body("fine Fore", 2),
                              ("som sædvanligt foretagne.", 0.0, 300.0)], order=0)
    head = _block("h", 240, [("Handels Beretninger.", 200.0, 200.0)], order=1)
    prose = _block("p", 290, [("Fra den 8 til 13 Junii 1795 har Assurance-Præmierne", 40.0, 0.0),
                              *_body("for al Fare paa danske", 2), ("været saaledes som følger.", 0.0, 200.0)],
                   order=2)
    arts = [a for a in articles_from_layout([_page([notice, head, prose])]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == [None, "Handels Beretninger."], [a.headline for a in arts]


def test_a_dateline_after_a_state_whose_name_fraktur_hyphenates_with_a_double_hyphen() -> None:
    """Reichsanzeiger 1881 (heldout4, PAGE of a Fraktur page): the German states' reports open "Sachſen⸗Coburg⸗Gotha.
    Gotha, 18. Mai. (Goth. Ztg.)" and "Elſaß⸗Lothringen. Straßburg, 18. Mai.", the transcription's double hyphen (⸗)
    where Antiqua sets "-": datelines as "Bayern. München, 17. Mai." is."""
    for text in ("Sachſen⸗Coburg⸗Gotha. Gotha, 18. Mai. (Goth. Ztg.) Geſtern Abends 6 Uhr traf der Herzog",
                 "Elſaß⸗Lothringen. Straßburg, 18. Mai. (W. T. B.) Die „Elſaß⸗Lothringiſche Zeitung",
                 "Bayern. München, 17. Mai. (Allg. Ztg.) Die Abgeordnetenkammer ſtimmte heute"):
        assert latin_dateline(text) and is_dateline_lead(text), text
    # a section of a list of appointments opens on a preposition, no place, whatever date follows (Reichsanzeiger 1883)
    assert not is_dateline_lead("Im Sanitäts⸗Corps. Berlin, 28. Dezember. Dr. Opitz, Ober⸗Stabsarzt")


def test_a_region_opening_on_the_formula_the_item_above_opened_on_is_an_item_of_its_own() -> None:
    """Reichsanzeiger 1881 (PAGE, regions typed paragraph): each list of honours is a region of its own opening on
    "Se. Majeſtät der König haben Allergnädigſt geruht:"; the second and third were read as paragraphs of the
    first. Paragraphs of one text opening on the same words with no formula closed by a colon stay in it ("Die
    deutſchen Truppen werden von Mittwoch …" / "Die deutſchen Truppen werden theils in …")."""
    formula = "Se. Majeſtät der König haben Allergnädigſt geruht:"
    first = _block("r1", 100, [(formula, 40, 0), ("dem Pfarrer Broicher zu Köln den Königlichen Kronen-", 0, 0),
                               ("Orden vierter Klaſſe zu verleihen.", 0, 200)], btype="paragraph")
    second = _block("r2", 240, [(formula, 40, 0), ("dem Kammerherrn Baron Taets van Amerongen den Rothen", 0, 0),
                                ("Adler-Orden zweiter Klaſſe zu verleihen.", 0, 150)], btype="paragraph")
    assert _items([first, second]) == ["Se. Majeſtät der", "Se. Majeſtät der"]
    troops = _block("r3", 100, [("Die deutſchen Truppen werden von Mittwoch, 1. März", 40, 0),
                                ("ab einen Theil von Paris beſetzen.", 0, 200)], btype="paragraph")
    more = _block("r4", 200, [("Die deutſchen Truppen werden theils in öffentlichen Ge-", 40, 0),
                              ("bäuden, theils bei den Einwohnern untergebracht.", 0, 100)], btype="paragraph")
    assert _items([troops, more]) == ["Die deutſchen Truppen"]


def test_an_asterisk_opens_a_brief_only_before_its_run_in_headline() -> None:
    """German papers open each brief with "* " and a run-in headline ("* Die Moskito-Kannibalen. Zwischen …"); French
    dailies set an asterisk before a paragraph of the same report ("* L'Angleterre se tromperait radicalement si …",
    Le Gaulois 1884; "* Le général Pershing …", L'Ouest-Éclair 1918): no brief opens there."""
    def column(lead: str, more: str) -> Block:
        return _block("b", 100, [("Der Bericht des Ausschuſſes wurde geſtern verleſen und", 40, 0),
                                 ("von der Verſammlung einſtimmig angenommen.", 0, 150),
                                 (lead, 40, 0), (more, 0, 0), ("und ſo weiter bis zum Ende des Berichtes.", 0, 150)])
    german = column("* Die Moskito-Kannibalen. Zwiſchen der Regierung", "von Sarawak und den Stämmen kam es")
    assert len(_items([german])) == 2
    french = column("* L'Angleterre se tromperait radicalement si elle", "s'imaginait que ses vues pourraient être")
    assert len(_items([french])) == 1


def test_a_dash_standing_for_the_place_before_a_date_or_a_wire_s_credit_opens_a_dispatch() -> None:
    """Reichs-Anzeiger 1878: under "Peſt, 19. Oktober. (W. T. B.) …" the next dispatches from the same place open
    on a dash standing for it, then their date or only the wire's credit ("— 20. Oktober. (W. T. B.) Die bei der
    Eröffnung …", "— (W. T. B.) Die Mehrzahl der Blätter …"): each is an item of its own, as a dash before a word
    opens a trade note. A dash before a figure that is no date runs on ("— 20 Mark für …")."""
    rows = [("Peſt, 19. Oktober. (W. T. B.) Der Reichstag wurde heute", 40.0, 0.0), *_body("formell eröffnet", 2),
            ("ſtattfindet.", 0.0, 400.0),
            ("— 20. Oktober. (W. T. B.) Die bei der Eröffnung", 40.0, 0.0), *_body("gehaltene Thronrede", 2),
            ("Ungarns dienen.", 0.0, 400.0),
            ("— 20 Mark für jeden Abgeordneten wurden bewilligt", 40.0, 0.0), ("und ausgezahlt.", 0.0, 400.0),
            ("— (W. T. B.) Die Mehrzahl der Blätter hebt bei", 40.0, 0.0), *_body("Beſprechung der Thronrede", 2),
            ("zu entziehen.", 0.0, 400.0)]
    assert _items([_block("d", 100, rows, btype="paragraph", order=0)]) == [
        "Peſt, 19. Oktober.", "— 20. Oktober.", "— (W. T."]  # (the space after the dash as printed)
    # in a list of dated entries under its title the dash and date run on: no dispatch opened on a place above
    rows = [("Ernennungen, Beförderungen und Verſetzungen.", 40.0, 0.0),
            ("Im aktiven Heere. Berlin, 23. Dezember. Fliſt,", 0.0, 0.0), *_body("Hauptm. à la ſuite", 2),
            ("verlängert.", 0.0, 400.0), ("— 28. Dezember. Prinz Albert zu Schleswig⸗", 40.0, 0.0),
            *_body("Sonderburg Hoheit", 2), ("befördert.", 0.0, 400.0)]
    assert _items([_block("p", 100, rows, btype="paragraph", order=0)]) == ["Ernennungen, Beförderungen und"]


def test_a_dash_under_words_a_colon_announced_is_speech_and_so_is_every_dash_of_that_scene() -> None:
    """L'Union 1865-04-15 (heldout6): a feuilleton continued from the page before (its label is not on this page)
    runs "… le triste signe de tête avec lequel elle murmura :" / "— Faux espoir, mon vieil ami …" / "— Alors,
    m'écriai-je …": the colon announces the words under it, and once a scene's speech has run on in the item, the
    next dash is the answer, not an unheaded item. A run of trade notes opened by dashes still parts at each."""
    rows = [("Il y a environ douze ans, un marchand de", 40.0, 0.0), *_body("bestiaux de la Silésie", 3),
            ("avec lequel elle murmura :", 0.0, 300.0),
            ("— Faux espoir, mon vieil ami, faux espoir !", 40.0, 0.0), *_body("je n'ai jamais vu", 3),
            ("à personne au monde !", 0.0, 350.0),
            ("— Alors, m'écriai-je involontairement, c'est", 40.0, 0.0), *_body("encore plus infâme", 3),
            ("et elle s'écria.", 0.0, 350.0)]
    head = _block("h", 40, [("Variétés.", 240, 260)], btype="heading", order=0)
    assert _items([head, _block("p", 90, rows, order=1)]) == ["Il y a"]
    # the same scene with each paragraph boxed alone by the OCR
    blocks, y = [head], 90.0
    for n, (a, b) in enumerate(((0, 5), (5, 10), (10, 15))):
        blocks.append(_block(f"p{n}", y, rows[a:b], order=n + 1))
        y += 40 * (b - a) + 10
    assert _items(blocks) == ["Il y a"]
    notes = [("— Neue Reden an die deutſche Nation. Nach", 40.0, 0.0), *_body("Vorgang von Fichte", 3),
             ("als Maſſenerſcheinung auf.", 0.0, 300.0),
             ("— Im Juliheft der Deutſchen Rundſchau iſt", 40.0, 0.0), *_body("ein Aufſatz erſchienen", 3),
             ("über Goethe mit.", 0.0, 350.0),
             ("— Die Zeitſchrift bringt im neuen Heft", 40.0, 0.0), *_body("einen Aufſatz", 3),
             ("über Schiller.", 0.0, 350.0)]
    assert _items([head, _block("n", 90, notes, order=1)]) == ["— Neue Reden", "— Im Juliheft", "— Die Zeitſchrift"]


def _column(bid: str, x0: float, paragraphs: list[list[str]], lead: float, *, lh: float = 40, order: int = 0) -> Block:
    """A whole-column block of paragraphs (first line indented, last line short) with ``lead`` line heights of
    whitespace beyond the usual gap above each paragraph after the first."""
    lines, y = [], 100.0
    for n, paragraph in enumerate(paragraphs):
        if n:
            y += lead * (lh - 4)
        for k, text in enumerate(paragraph):
            indent = 40.0 if k == 0 else 0.0
            short = 300.0 if k == len(paragraph) - 1 else 0.0
            box = (x0 + indent, y, x0 + FULL - short, y + lh - 4)
            lines.append(Line(id=f"{bid}.l{len(lines)}", text=text, box=box))
            y += lh
    return Block(id=bid, lines=lines, box=(x0, 100.0, x0 + FULL, y), type="text", order=order)


def test_notes_each_parted_by_a_blank_line_are_items_where_the_pages_other_paragraphs_have_no_lead() -> None:
    """Little River News 1920 (heldout6): the editorial notes of a whole-column block ("See that your fuel supply
    is adequate …", "By the way, have you done your fall plowing …") are each set off by two lines of lead or more.
    Every paragraph of the run has that lead, so the run alone cannot tell it from a paper that leads all its
    paragraphs; the page's other paragraphs, set with none, say it is not, and each note is an item. Where the
    page sets every paragraph so, or the paragraphs run long (an article's), they stay one text."""
    story = [[f"The story goes on in its paragraph number {p} line {k} and more" for k in range(3)] + ["the end."]
             for p in range(14)]
    notes = [[f"Note {p}: we are told this about our town and its {k} people today" for k in range(3)] + ["and so."]
             for p in range(6)]
    page = [_column("s", 100, story, 0.0, order=0), _column("n", 800, notes, 2.5, order=1)]
    # the first note runs on from the story's finished text in the block before (no head parts them)
    assert _items(page) == ["The story goes", *[f"Note {p}: we" for p in range(1, 6)]]
    # a paper that leads every paragraph: the notes are one text
    assert _items([_column("s", 100, story, 2.5, order=0), _column("n", 800, notes, 2.5, order=1)]) == [
        "The story goes"]
    # paragraphs of an article, set off so but running on for more than a dozen lines each
    long = [[f"Note {p}: we are told this about our town and its {k} people today" for k in range(14)] + ["and so."]
            for p in range(3)]
    assert _items([_column("s", 100, story, 0.0, order=0), _column("n", 800, long, 2.5, order=1)]) == [
        "The story goes"]


def test_a_correspondents_formula_repeated_but_for_the_place_opens_each_report() -> None:
    """L'Union 1865-04-15 (heldout6): under "Variétés." each report opens on a line of its own naming where it comes
    from, closed by a colon ("On écrit d'Amsterdam :", "On écrit de Dantzig :", "On écrit de Londres :"), over the
    quoted letter: the same words but for the place open the next report. A paragraph announcing a quotation in
    other words ("Voici la dépêche :") goes on in the report."""
    head = _block("h", 40, [("Variétés.", 240, 260)], btype="heading", order=0)

    def report(bid: str, y0: float, source: str, words: str, order: int) -> Block:
        return _block(bid, y0, [(source, 40.0, 350.0), (f"« {words} s'est ouvert au Palais", 40.0, 0.0),
                                *_body(f"{words} la suite", 3), ("par ses enfants. »", 0.0, 350.0)], order=order)

    blocks = [head, report("a", 90, "On écrit d'Amsterdam :", "Vendredi le congrès", 1),
              report("b", 400, "On écrit de Dantzig :", "Une épidémie", 2),
              report("c", 710, "Voici la dépêche :", "Des nouvelles", 3)]
    assert _items(blocks) == ["On écrit d'Amsterdam", "On écrit de"]


def test_a_notice_closed_on_its_insertion_key_is_finished_and_the_centred_head_under_it_opens_the_next() -> None:
    """Little River News 1920 (heldout6, hOCR, a whole-column block of legal notices): each notice closes on the key
    of its run after its signature ("… Justice of the Peace. l-2Sw", "… Collector. 1-15"), no full stop last; the
    centred head under it ("Notice to Tax Payers!", "Notice of Local Bill.") opens the next notice. A day after an
    abbreviated month or a year closing a line is no such key."""
    from pathlib import Path

    from reader.segmentation.analyze import analyze_file
    from reader.segmentation.geometry import _keyed_close

    for text in ("Justice of the Peace. l-2Sw", "Collector. 1-15", "F. M. Edwards. w-12-31", "atty ad litem. 103",
                 "Rov Rudd. nh 12-17.", "Gute Stallung beim Hauſe. 3A-16"):
        assert _keyed_close(text), text
    for text in ("which will meet on Jan. 15", "in the year 1920.", "He came home. 12", "bis ult. April 1881"):
        assert not _keyed_close(text), text
    page = Path(__file__).resolve().parents[1] / "data" / "heldout6" / "hocr_little_river_news_1920-01_p2"
    doc = analyze_file(page / "seq-2.html")
    for head, text in (("Notice to Tax Payers!", "Notice is hereby given that the tax books"),
                       ("Notice of Local Bill.", "Notice is hereby given, that the un")):
        art = next(a for a in doc.articles if text in " ".join(a.text.split()))
        assert art.headline == head and " ".join(art.paragraphs()[0].text.split()).startswith(text), art.headline


def _paragraph_blocks(texts: list[str], leads: dict[int, float], *, lh: float = 40) -> list[Block]:
    """One block per paragraph (four lines, the first indented, the last short), close under each other but for
    ``leads``: paragraph number → extra whitespace above it, in line heights."""
    blocks, y = [], 100.0
    for n, text in enumerate(texts):
        y += leads.get(n, 0.0) * lh
        rows = [(f"{text} opens its paragraph here", 40.0, 0.0), (f"and {text} runs on in it", 0.0, 0.0),
                (f"and on again with {text}", 0.0, 0.0), ("to its end.", 0.0, 400.0)]
        blocks.append(_block(f"b{n}", y, rows, lh=lh, order=n))
        y += lh * len(rows) + 2
    return blocks


def test_a_block_set_off_by_lead_where_the_pages_paragraph_blocks_stand_close_opens_an_item() -> None:
    """KB 1876 (ALTO, a block per paragraph): the report on the Chamber runs on in blocks close under each other,
    and the unheaded news item after it ("De heer Joosten, die gisteren …") stands under its last block with two
    lines of whitespace: it opens an item. On a page whose blocks all stand so far apart, lead parts nothing."""
    texts = [f"Kamer {n}" for n in range(14)] + ["Joosten", "Joosten again"]
    assert _items(_paragraph_blocks(texts, {14: 2.0})) == ["Kamer 0 opens", "Joosten opens its"]
    assert _items(_paragraph_blocks(texts, dict.fromkeys(range(1, 16), 2.0))) == ["Kamer 0 opens"]
