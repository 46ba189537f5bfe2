"""Layout rules found on French dailies read without their METS and on NDNP front pages (issue 15's
NDNP/KB/French pass): synthetic pages, each failing without the rule it tests."""

from __future__ import annotations

from reader.model.document import Block, Line, Page, Word
from reader.segmentation.geometry import articles_from_layout, reading_order
from reader.segmentation.roles import latin_dateline

#: the body's line height and the gap the OCR leaves between two body lines
LH, GAP = 38.0, 0.0


def _lines(bid: str, x0: float, y0: float, rows: list[tuple[str, float, float, float]]) -> Block:
    """A block from rows of (text, left inset, right inset, whitespace above); body lines fill the column."""
    lines, y = [], y0
    for k, (text, left, right, above) in enumerate(rows):
        y += above
        height = LH - 12 if left > 60 and text.isupper() else LH - 2  # small capitals are lower than the body
        lines.append(Line(id=f"{bid}.l{k}", text=text, box=(x0 + left, y, x0 + 740 - right, y + height)))
        y += LH + GAP
    return Block(id=bid, lines=lines, box=(x0, y0, x0 + 740, y))


def _page(blocks: list[Block]) -> Page:
    return Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=2400, height=6000)


BODY = [("Le conseil municipal a voté hier, après une", 30, 0, 0),
        ("longue discussion, le budget de la ville et", 0, 0, 0),
        ("les crédits des écoles, que la commission", 0, 0, 0), ("avait proposés au mois de mars dernier.", 0, 60, 0)]


def test_a_fait_divers_boxed_under_its_small_capitals_heading_is_an_item_of_its_own() -> None:
    """Le Gaulois 1884: each fait divers is a block opening on a centred heading of small capitals set off by
    whitespace ("TOMBÉ DANS UN PUITS"), no larger than the body: it was read as the previous item's next
    paragraph, and a column of ten faits divers came out as two articles."""
    first = _lines("a", 100, 200, BODY)
    second = _lines("b", 100, 400, [("TOMBÉ DANS UN PUITS", 250, 250, 0),
                                   ("Un déplorable accident est arrivé, la nuit", 30, 0, 18),
                                   ("dernière, vers minuit, rue de la Chapelle.", 0, 0, 0),
                                   ("Un charretier est tombé dans un puits de", 0, 0, 0),
                                   ("vingt-cinq mètres de profondeur.", 0, 200, 0)])
    arts = articles_from_layout([_page([first, second])])
    assert [a.headline for a in arts] == [None, "TOMBÉ DANS UN PUITS"]
    assert arts[1].paragraphs()[0].text.startswith("Un déplorable accident")
    # no whitespace under it: the line of capitals is the block's own text (a name, a title run in), no heading
    second.lines[1].box = (130.0, 400 + LH, 840.0, 400 + 2 * LH - 2)
    assert len(articles_from_layout([_page([first, second])])) == 1


def test_dispatches_in_one_block_each_under_a_heading_over_their_place_are_items() -> None:
    """Le Gaulois 1884, "Dépêches & correspondances": one block of twelve dispatches, each under a centred
    heading of capitals with whitespace round it and opening on its place ("BELFORT. Un assassinat …"): they came
    out as one article. A heading of capitals set off so but over running text, not a place, is a crosshead."""
    rows = [("UN ASSASSINAT", 260, 260, 0), ("BELFORT. Un assassinat vient d'être com-", 30, 0, 17),
            ("mis à Lepuix, canton de Giromagny. Le", 0, 0, 0), ("meurtrier a été arrêté.", 0, 300, 0),
            ("IMMENSE INCENDIE", 240, 240, 20), ("NEW-YORK. Une dépêche de Panama an-", 30, 0, 17),
            ("nonce qu'un incendie a détruit plusieurs", 0, 0, 0), ("dépôts de pétrole.", 0, 400, 0)]
    arts = articles_from_layout([_page([_lines("d", 100, 200, rows)])])
    assert [a.headline for a in arts] == ["UN ASSASSINAT", "IMMENSE INCENDIE"]
    assert arts[1].paragraphs()[0].text.startswith("NEW-YORK. Une dépêche")
    rows[5] = ("Une dépêche de Panama annonce qu'un in-", 30, 0, 17)
    arts = articles_from_layout([_page([_lines("d", 100, 200, rows)])])
    assert [a.headline for a in arts] == ["UN ASSASSINAT"]


def test_a_feuilleton_under_columns_whose_feet_differ_by_half_a_line_is_read_after_them() -> None:
    """L'Ouest-Éclair 1924: five columns justified to the rule over the feuilleton, their last lines boxed up to
    19 px apart (a line is 33): the band was not taken for one, and each column was read into the serial
    under it."""
    cols = [_lines(f"top{k}", 100 + 800 * k, 200, [("Le texte de la colonne court ici encore", 0, 0, 0)] * 10)
            for k in range(3)]
    for k, c in enumerate(cols):  # feet 8, 12 and 20 px apart, within a line's height
        c.box = (c.box[0], c.box[1], c.box[2], c.box[3] + (0, 12, 20)[k])
        last = c.lines[-1].box
        c.lines[-1].box = (last[0], last[1], last[2], last[3] + (0, 12, 20)[k])
    foot = [_lines(f"foot{k}", 100 + 800 * k, 700, [("Et le roman continue sous le filet", 0, 0, 0)] * 6)
            for k in range(3)]
    order = [b.id for b in reading_order(_page([*foot, *cols]))]
    assert order == ["top0", "top1", "top2", "foot0", "foot1", "foot2"]


def _sized(block: Block, size: float, tall: dict[int, float]) -> Block:
    """The block's lines declared at ``size``, the lines of ``tall`` at their own size (and boxed taller)."""
    for k, ln in enumerate(block.lines):
        ln.font_size = tall.get(k, size)
        if k in tall and ln.box is not None:
            ln.box = (ln.box[0], ln.box[1], ln.box[2], ln.box[1] + LH * tall[k] / size)
    return block


def test_a_crosshead_in_sentence_case_centred_in_a_line_of_whitespace_stays_in_its_story() -> None:
    """L'Ouest-Éclair 1924: a story's crossheads are set in sentence case, a little larger than the body, centred in
    about a line of whitespace ("Un témoignage terrible", 36 px above for a 33 px line): each one opened an article
    and cut the story in five; boxed apart from the paragraph above, it did so too."""
    head = _lines("h", 100, 100, [("LE DRAME DU PUITS", 250, 250, 0), *BODY])
    story = _lines("s", 100, 100 + 5 * LH, [*BODY, ("Un témoignage terrible", 200, 200, 40),
                                            ("Mme Veuve Eureau est une femme d'as-", 30, 0, 30),
                                            ("pect cassant et autoritaire. Elle porte", 0, 0, 0),
                                            ("allègrement ses quarante ans passés.", 0, 200, 0)])
    page = _page([_sized(head, 7, {0: 10}), _sized(story, 7, {4: 10})])
    arts = articles_from_layout([page])
    assert [a.headline for a in arts] == ["LE DRAME DU PUITS"]
    assert "section-heading" in [p.role for p in arts[0].parts]
    # the crosshead boxed as a block of its own, right under the paragraph above it
    top = _lines("s1", 100, 100 + 5 * LH, BODY)
    cross = _lines("x", 100, 100 + 9 * LH + 40, [("Un témoignage terrible", 200, 200, 0)])
    rest = _lines("s2", 100, 100 + 11 * LH, [("Mme Veuve Eureau est une femme d'as-", 30, 0, 0),
                                            ("pect cassant et autoritaire. Elle porte", 0, 0, 0),
                                            ("allègrement ses quarante ans passés.", 0, 200, 0)])
    page = _page([_sized(head, 7, {0: 10}), _sized(top, 7, {}), _sized(cross, 7, {0: 10}), _sized(rest, 7, {})])
    assert [a.headline for a in articles_from_layout([page])] == ["LE DRAME DU PUITS"]


def _column(bid: str, x0: float, y0: float, n: int, width: float = 600) -> Block:
    lines = [Line(id=f"{bid}.l{k}", text="column text runs on here",
                  box=(x0, y0 + k * 30, x0 + width, y0 + k * 30 + 26)) for k in range(n)]
    return Block(id=bid, lines=lines, box=None)


def test_a_stray_mark_boxed_wide_at_a_lines_start_does_not_glue_two_columns() -> None:
    """Evening Star 1915: microfilm OCR read a speck on the column rule as a "1" boxed three line heights wide at the
    start of a deck's line in column 2 ("1 as District Share."); the block reached into column 1, no cut parted the
    two columns, and column 2 was read first because it starts higher."""
    col1 = _column("c1", 100, 300, 20)
    col2 = _column("c2", 740, 200, 20)
    words = [Word("1", (650.0, 500.0, 760.0, 526.0)), Word("as", (770.0, 500.0, 800.0, 526.0)),
             Word("District", (810.0, 500.0, 900.0, 526.0))]
    col2.lines[10] = Line(id="c2.l10", text="1 as District", box=(650.0, 500.0, 900.0, 526.0), words=words)
    assert [b.id for b in reading_order(_page([col2, col1]))] == ["c1", "c2"]


def test_a_heading_boxed_a_little_into_the_next_column_leaves_the_columns_apart() -> None:
    """Evening Star 1915: a headline over two columns was boxed 42 px into the third (a line is 30): with no clean
    cut between the columns, blocks were read by their tops, and the story's first column came after its second."""
    head = Block(id="head", lines=[Line(id="head.l0", text="STORM IN THE DARDANELLES",
                                        box=(100.0, 200.0, 1360.0, 260.0))], box=None)
    left, right = _column("left", 100, 300, 20), _column("right", 720, 290, 20)
    third = _column("third", 1330, 195, 30)
    order = [b.id for b in reading_order(_page([third, right, left, head]))]
    assert order == ["head", "left", "right", "third"]


def test_a_dateline_with_the_wires_route_or_a_day_read_as_two_letters_is_a_dateline() -> None:
    """Evening Star 1915: "ROME, via Paris. March II.—Pope …" under the one-line head "Pope Benedict Prays for
    Peace." was no dateline (the route between place and date, the day 11 read "II"), so the head was taken for a
    crosshead of the story above and the item was lost in it."""
    assert latin_dateline("ROME, via Paris. March II.?Pope Benedict, accompanied")
    assert latin_dateline("HAVRE, via Paris, March 22, 8 a.m.?")
    assert latin_dateline("LONDON, March ll.—The")
    assert not latin_dateline("Rome via Paris is a route. March came")


def test_a_running_head_in_display_type_beside_the_folio_is_furniture() -> None:
    """Le Gaulois 1884 p. 3: the running head "LE GAULOIS. MERCREDI 30 Avril 1884" is set at 12 over a 10 pt body,
    so it was taken for a headline and headed the story continued at the top of column 3; on its row in the top
    margin stands the folio "3"."""
    def one(bid: str, x0: float, x1: float, text: str, size: float) -> Block:
        line = Line(id=f"{bid}.l0", text=text, box=(x0, 60.0, x1, 60.0 + 3.5 * size), font_size=size)
        return Block(id=bid, lines=[line], box=line.box)

    head = one("head", 900, 1500, "LE GAULOIS. MERCREDI 30 Avril 1884", 12)
    folio = one("folio", 2300, 2340, "3", 10)
    cols = [_sized(_lines(f"c{k}", 100 + 800 * k, 200, [*BODY] * 15), 10, {}) for k in range(3)]
    arts = articles_from_layout([_page([head, folio, *cols])])
    assert all("GAULOIS" not in (a.headline or "") for a in arts)
    assert any(a.kind == "furniture" and "GAULOIS" in " ".join(p.text for p in a.parts) for a in arts)


def test_a_standfirst_under_a_headline_keeps_the_datelined_report_under_it() -> None:
    """L'Ouest-Éclair 1924 p. 3: a headline, a quoted standfirst of five lines in a block of its own, then the
    report opening on its dateline ("PARIS, 16 décembre. Le banquet …"): the dateline opened an item of its own and
    the headline kept only the standfirst. A telegraph column whose first item opens on its dateline is unchanged."""
    head = _lines("h", 100, 100, [("UN VIBRANT APPEL AU PAYS", 200, 200, 0),
                                  ("« Je m'adresse, dit-il, à tous les répu-", 30, 0, 20),
                                  ("blicains, sans distinction. Je pousse le", 0, 0, 0),
                                  ("cri de ralliement. »", 0, 400, 0)])
    report = _lines("r", 100, 100 + 5 * LH, [("PARIS, 16 décembre. Le banquet de la", 30, 0, 0),
                                             ("ligue a réuni hier plus de mille con-", 0, 0, 0),
                                             ("vives autour du président du conseil.", 0, 100, 0)])
    arts = articles_from_layout([_page([head, report])])
    assert [a.headline for a in arts] == ["UN VIBRANT APPEL AU PAYS"]
    # the first item under the heading opens on its dateline: the next dateline opens the next item
    head.lines[1] = Line(id="h.l1", text="LYON, 15 décembre. Le comité a voté", box=head.lines[1].box)
    assert len(articles_from_layout([_page([head, report])])) == 2


def test_a_heading_ending_on_a_dash_set_apart_and_a_dispatch_full_of_figures_are_items() -> None:
    """Le Gaulois 1884: "VIEILLE AFFAIRE -" ends on a dash set apart from the word, not a word broken at its
    hyphen, and an election result ("BORDEAUX. - M. Léon … élu par 533 voix contre 348") is as full of figures as
    a market listing, yet opens on its place: both headings were read as text of the item above."""
    first = _lines("a", 100, 200, BODY)
    second = _lines("b", 100, 400, [("VIEILLE AFFAIRE -", 260, 260, 0),
                                   ("M. Mironneau, commissaire de police, a", 30, 0, 18),
                                   ("arrêté hier, rue du Roi d'Alger, un nommé", 0, 0, 0),
                                   ("Bouchon, ex-employé des postes.", 0, 200, 0)])
    third = _lines("c", 100, 650, [("Le conseil a voté hier les crédits de la", 30, 0, 0),
                                  ("voirie et ceux des écoles de la ville.", 0, 200, 0),
                                  ("ÉLECTION AU CONSEIL GÉNÉRAL", 200, 200, 18),
                                  ("BORDEAUX. - M. Léon, 533 voix, 1883,", 30, 0, 18),
                                  ("contre 348 à M. de Sèze; en 1883, 456", 0, 0, 0),
                                  ("voix contre 386 (1882: 401).", 0, 300, 0)])
    arts = articles_from_layout([_page([first, second, third])])
    assert [a.headline for a in arts] == [None, "VIEILLE AFFAIRE -", "ÉLECTION AU CONSEIL GÉNÉRAL"]


def test_an_ornament_under_a_serials_byline_ends_nothing() -> None:
    """L'Ouest-Éclair 1924 p. 2: the feuilleton's byline "De Mathilde ALANIC" stands over an ornament ("*") in the
    block of the instalment's text: the ornament was taken for a dinkus between two items, and the title kept only
    the byline while the instalment became an article without a headline. Between two items, it still parts them."""
    title = _sized(_lines("t", 100, 100, [("MADEMOISELLE RIGOLE", 150, 150, 0)]), 7, {0: 14})
    body = [("De Mathilde ALANIC", 200, 200, 0), ("*", 350, 350, 10),
            ("Est-ce que Mlle Paroly chante ? demande", 30, 0, 10),
            ("la vieille dame, qui sourit à sa voisine", 0, 0, 0),
            ("d'un air entendu et plein de malice.", 0, 200, 0)]
    arts = articles_from_layout([_page([title, _sized(_lines("b", 100, 100 + 2 * LH, body), 7, {})])])
    assert [a.headline for a in arts] == ["MADEMOISELLE RIGOLE"]
    body[0] = ("La séance est levée à sept heures.", 0, 200, 0)
    arts = articles_from_layout([_page([title, _sized(_lines("b", 100, 100 + 2 * LH, body), 7, {})])])
    assert len(arts) == 2


def test_a_serials_label_over_its_title_is_its_kicker_not_the_end_of_the_item_above() -> None:
    """L'Ouest-Éclair 1924 p. 2: "Feuilleton de l'Ouest-Éclair du 18 décembre 1924 12" in body type over the
    serial's title ended the strike report above it as two more lines of its text."""
    report = _sized(_lines("r", 100, 100, [("STRIKE AT DOUARNENEZ", 200, 200, 0), *BODY]), 7, {0: 12})
    label = _sized(_lines("l", 100, 100 + 6 * LH, [("Feuilleton de l'Ouest-Eclair", 30, 300, 0),
                                                  ("du 18 décembre 1924 12", 90, 350, 0)]), 7, {})
    title = _sized(_lines("t", 100, 100 + 8 * LH, [("MADEMOISELLE RIGOLE", 150, 150, 0)]), 7, {0: 14})
    text = _sized(_lines("x", 100, 100 + 10 * LH, BODY), 7, {})
    arts = articles_from_layout([_page([report, label, title, text])])
    assert [a.headline for a in arts] == ["STRIKE AT DOUARNENEZ", "MADEMOISELLE RIGOLE"]
    assert "Feuilleton" not in " ".join(p.text for p in arts[0].parts)
    assert arts[1].kicker is not None and arts[1].kicker.startswith("Feuilleton")


def test_a_dateline_the_ocr_gave_without_punctuation_is_a_dateline() -> None:
    """Winchester News 1910 (NDNP microfilm text with its punctuation lost): "LEXINGTON Ky Oct 31 Sales of
    tobacco", "MT STERLING Ky Oct HI Little …" (the day read as letters), "vkLAY CITY Ky Oct Ill Hon …" (specks
    before the place). Not recognised, the decks above them were read as the report's first paragraph. A month in
    capitals after words in capitals is a headline's word ("TAFT MAY 3 OR …"), and a month in running text is no
    dateline."""
    for text in ("LEXINGTON Ky Oct 31 Smiles of tobacco will", "MT STERLING Ky Oct HI Little Ollie",
                 "vkLAY CITY Ky Oct Ill Hon Floyd Byrd", "NEW YORK Oct 31 The steamer"):
        assert latin_dateline(text), text
    for text in ("TAFT MAY 3 OR 4 SPEECHES", "The meeting in Oct 31 was", "Democratic Nominee For Congress"):
        assert not latin_dateline(text), text


def test_a_deck_closed_by_a_set_in_line_over_an_indented_paragraph_is_the_headlines() -> None:
    """Lancaster Intelligencer 1881: under "THE MISSING LINK FOUND." a deck of two lines in body type, the first
    full and broken at a hyphen, the second set in from the left and closing its sentence ("The Skull of an Extinct
    Monkey With Re-" / "markable Similarity to That of Man."), then the report's indented first line. The deck was
    read as the report's first paragraph. A short first paragraph whose last line starts at the edge is body."""
    rows = [("THE MISSING LINK FOUND.", 150, 150, 0), ("The Skull of an Extinct Monkey With Re-", 0, 0, 30),
            ("markable Similarity to That of Man.", 230, 60, 0), ("Prof. E. D. Cope, of Philadelphia, has", 40, 0, 0),
            ("secured the skull of an extinct monkey", 0, 0, 0), ("which seems to fulfil in a remarkable de-", 0, 0, 0),
            ("gree the conditions of the missing link.", 0, 120, 0), ("It was found in the Wasatch beds of", 40, 0, 0),
            ("Wyoming by one of his collectors.", 0, 200, 0)]
    page = _page([_sized(_lines("c", 100, 100, rows), 7, {0: 10})])
    [art] = articles_from_layout([page])
    assert art.headline == "THE MISSING LINK FOUND."
    assert art.paragraphs()[0].text.startswith("Prof. E. D. Cope")
    rows[2] = ("markable similarity to that of man.", 0, 290, 0)  # flush left: the body's first paragraph
    [art] = articles_from_layout([_page([_sized(_lines("c", 100, 100, rows), 7, {0: 10})])])
    assert art.paragraphs()[0].text.startswith("The Skull of an Extinct")


def test_a_dated_running_head_above_every_block_is_furniture_however_narrow() -> None:
    """Lancaster Intelligencer 1881, the editorial page: "LANCASTER DAILY INTELLIGENCER THURSDAY, DECEMBER 29,
    1881." set large over the middle columns only, above every other block. It headed the story running on at the
    top of the second column. A heading without the issue's date there heads its story."""
    head = _lines("r", 900, 40, [("LANCASTER DAILY INTELLIGENCER THURSDAY, DECEMBER 29, 1881.", 0, 0, 0)])
    left = _lines("a", 100, 140, BODY)
    right = _lines("b", 900, 140, [("sace and Lorraine. An editorial reprinted from", 0, 0, 0), *BODY[1:]])
    page = _page([_sized(head, 7, {0: 12}), _sized(left, 7, {}), _sized(right, 7, {})])
    arts = articles_from_layout([page])
    assert all(a.headline is None for a in arts), [a.headline for a in arts]
    assert any(a.kind == "furniture" and "LANCASTER DAILY" in a.text for a in arts)
    head.lines[0].text = "THE GREAT FIRE IN THE CITY"
    assert "THE GREAT FIRE IN THE CITY" in [a.headline for a in articles_from_layout([page])]
