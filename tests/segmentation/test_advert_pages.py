"""Pages of adverts, notices and listings (issue 15's advert/notice pass).

Each layout is a small synthetic copy of what a real page does (named in the docstrings); the real pages are
scored by benchmarks/bench_segmentation.py.
"""

from __future__ import annotations

from reader.model.document import Article, Block, Line, Page
from reader.segmentation.geometry import (
    _headline_case,
    _item_heads,
    _item_lead,
    _Sizes,
    articles_from_layout,
    reading_order,
)
from reader.segmentation.roles import is_ocr_fragment
from tests.segmentation.test_real_pages import _article_with, _doc

LEFT, WIDTH = 100.0, 600.0
HEAD_ROLES = ("kicker", "headline", "subheadline")


def _line(lid: str, text: str, y: float, height: float, width: float) -> Line:
    """One line of ``width`` centred in the column, ``height`` tall."""
    x0 = LEFT + (WIDTH - width) / 2
    return Line(id=lid, text=text, box=(x0, y, x0 + width, y + height))


def _block(bid: str, lines: list[Line]) -> Block:
    boxes = [ln.box for ln in lines if ln.box is not None]
    return Block(id=bid, lines=lines, box=(min(b[0] for b in boxes), min(b[1] for b in boxes),
                                           max(b[2] for b in boxes), max(b[3] for b in boxes)))


def _card(key: str, y: float, name: str, owner: str) -> tuple[list[Block], float]:
    """A business card as the Nordstern 1878 sets them: the house's name in display type, a centred "von" at body
    size, the owner's name in display type, then four lines of copy at body size."""
    blocks = [_block(f"{key}n", [_line(f"{key}n1", name, y, 100, 460)]),
              _block(f"{key}v", [_line(f"{key}v1", "von", y + 120, 36, 60)]),
              _block(f"{key}o", [_line(f"{key}o1", owner, y + 170, 60, 300)])]
    copy = [_line(f"{key}c{k}", f"{key} Stets frisches Bier und die besten Weine an Hand {k}", y + 250 + 40 * k, 36,
                  WIDTH) for k in range(4)]
    blocks.append(_block(f"{key}c", copy))
    return blocks, y + 250 + 40 * 4 + 80


def test_a_lower_case_word_is_neither_capitals_nor_title_case() -> None:
    """"von", "in", "und" set alone are connectives between display lines, not a heading in Title Case."""
    for text in ("von", "in", "und", "ferner:", "—von-"):
        assert not _headline_case(text), text
    for text in ("Theater.", "SALOON", "Mühle", "Neue Waaren"):
        assert _headline_case(text), text


def test_a_centred_von_between_an_adverts_display_lines_makes_no_rubric() -> None:
    """Nordstern 1878 p. 8 (image 0017): "Lagerbier-Saloon" / "von" / "Nic. Schmitt," over the copy. The centred
    "von" at body size is no item heading under which the house's name would stand as a section rubric (and go
    with the page's furniture): the card's display lines head its copy, one advert after another."""
    lead = [_block("t", [_line(f"t{k}", f"Text of the report above the cards, line {k} of it.", 40 + 40 * k, 36,
                                WIDTH) for k in range(4)])]
    # the next column, a report's running text down the page (the cards are one column of several)
    lead.append(Block(id="r", lines=[Line(id=f"r{k}", text=f"Running text of the next column, line {k}.",
                                          box=(LEFT + WIDTH + 40, 40 + 40 * k, LEFT + 2 * WIDTH + 40, 76 + 40 * k))
                                     for k in range(30)]))
    first, y = _card("a", 240, "Lagerbier-Saloon", "Nic. Schmitt,")
    second, _ = _card("b", y, "Headquarter-Saloon", "M. Gaspard.")
    blocks = lead + first + second
    page = Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=1000, height=3000)
    arts = articles_from_layout([page])
    furniture = " ".join(p.text for a in arts if a.kind == "furniture" for p in a.parts)
    assert "Saloon" not in furniture
    heads = [" ".join(p.text for p in a.parts if p.role in HEAD_ROLES) for a in arts if a.kind != "furniture"]
    assert len(heads) == 3 and "Lagerbier-Saloon" in heads[1] and "Headquarter-Saloon" in heads[2], heads
    assert "Nic. Schmitt," in heads[1] and "M. Gaspard." in heads[2], heads


def _copy(key: str, y: float, rows: list[str]) -> Block:
    """A block of body copy in the first column, its lines 40 units apart from ``y``."""
    return _block(key, [_line(f"{key}{k}", t, y + 40 * k, 36, WIDTH) for k, t in enumerate(rows)])


def _next_column() -> list[Block]:
    """A column of running text beside the first (what makes the first a column)."""
    return [_block("r", [Line(id=f"r{k}", text=f"Running text of the next column, line {k}.",
                              box=(LEFT + WIDTH + 40, 40 + 40 * k, LEFT + 2 * WIDTH + 40, 76 + 40 * k))
                         for k in range(30)])]


def test_a_display_line_inside_copy_that_breaks_off_mid_sentence_heads_nothing() -> None:
    """Nordstern 1878 p. 8: the printer's advert runs "… daß wir durch die Anschaffung einer mit den neuesten
    Verbesserungen versehenen" / SCHNELLPRESSE (display) / "sowie durch eine große Auswahl" / NEUER LETTERN /
    "in den Stand gesetzt sind, …": a headline never interrupts a sentence, so a display line right under copy that
    breaks off on a lower-case word or a comma is emphasis inside it. Under a finished sentence, with a line's
    whitespace, a display line still opens the next item."""
    blocks = [*_next_column(),
              _block("h", [_line("h1", "Druckarbeiten!", 40, 100, 460)]),
              _copy("c1", 160, ["Wir erlauben uns den geehrten Lesern anzuzeigen, dass wir",
                               "durch die Anschaffung einer mit den neuesten Verbesserungen versehenen"]),
              _block("d1", [_line("d1a", "Schnellpresse", 246, 80, 400)]),
              _copy("c2", 336, ["sowie durch eine große Auswahl von Lettern in den Stand gesetzt",
                               "sind, Druckarbeiten aller Art billig zu liefern. Wir drucken Karten."]),
              _block("h2", [_line("h2a", "Landverkauf.", 500, 100, 460)]),
              _copy("c3", 620, ["Hundert Acker gutes Land, zwei Meilen vom Courthaus, sind zu",
                               "verkaufen. Näheres beim Eigenthümer im Store."])]
    page = Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=2000, height=3000)
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    heads = [" ".join(p.text for p in a.parts if p.role in HEAD_ROLES) for a in arts]
    texts = [" ".join(p.text for p in a.parts) for a in arts]
    printer = next(t for t in texts if "Druckarbeiten!" in t)
    assert "Schnellpresse" in printer and "sowie durch eine große Auswahl" in printer, texts
    assert any("Landverkauf." in h for h in heads), heads


def test_a_display_line_breaking_off_on_a_comma_inside_a_list_of_copy_heads_nothing() -> None:
    """Nordstern 1878 p. 8: the printer's list of work runs "… Leichenbriefe, Milchtickets, Notenbücher," /
    PROGRAMME, (display) / "Quittungen, Rechnungen, Rezepte, …": the list goes on through the display line, which
    breaks off on a comma as the copy above it does; German nouns open on a capital, so the text under it need not
    be in lower case for the sentence to go on."""
    blocks = [*_next_column(),
              _block("h", [_line("h1", "Druckarbeiten!", 40, 100, 460)]),
              _copy("c1", 160, ["Wir liefern billig Karten, Cirkulare, Leichenbriefe,",
                               "Milchtickets, Notenbücher, Beschreibungen,"]),
              _block("d1", [_line("d1a", "Programme,", 246, 80, 400)]),
              _copy("c2", 336, ["Quittungen, Rechnungen, Rezepte, Statuten und",
                               "Arbeiten aller Art. Man adressire an den Drucker."])]
    page = Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=2000, height=3000)
    texts = [" ".join(p.text for p in a.parts) for a in articles_from_layout([page]) if a.kind != "furniture"]
    printer = next(t for t in texts if "Druckarbeiten!" in t)
    assert "Programme," in printer and "Quittungen, Rechnungen" in printer, texts


def _blind_page(paragraphs: list[list[str]]) -> Page:
    """A fold read without its divs: paragraphs with neither sizes nor boxes, one block each."""
    blocks = [Block(id=f"b{k}", lines=[Line(id=f"b{k}.l{m}", text=t) for m, t in enumerate(rows)], vertical=True)
              for k, rows in enumerate(paragraphs)]
    return Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], vertical=True)


def test_advert_copy_that_closes_on_its_advertisers_signature_ends_its_item() -> None:
    """Jing bao 1930-04-21, outer fold: ECPO keeps each advert's copy in a comment, one paragraph an advert, one
    after another. Each closes the way adverts close, on who issues, makes or sells it (…筆墨莊發行, …均有代售,
    …公司出品, …啓): the next paragraph is the next advert, not more of this one."""
    page = _blind_page([["萬應黃金油主治", "每盒大洋二角郵寄加一角", "跌打損傷內外痔漏頭痛難忍",
                         "寄售處上海五馬路胡開文筆墨莊發行"],
                        ["明星花露香水", "上海中西大藥房發行乃現社會青年男女必需之品",
                         "質料高貴而純清、香氣幽久而遠長、", "全國各洋廣貨店香粉店均有代售"],
                        ["好運道香煙", "色香味美難全惟此煙推上選", "中國華達煙公司出品"],
                        ["囘力球", "今晚九時起賽、千看萬看勿厭、東方人人歡迎", "霞飛路亞爾培路口中央運動場啓"]])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    firsts = ["".join(a.paragraphs()[0].text.split())[:5] for a in arts]
    assert firsts == ["萬應黃金油", "明星花露香", "好運道香煙", "囘力球今晚"], firsts


def test_table_cells_listed_after_all_text_are_read_where_the_table_stands() -> None:
    """Reichsanzeiger 1877 (UB Mannheim PAGE): the railway's receipts are a table of cell regions that the file's
    reading order lists after every text region of the double page. A reader reads the table under its title and
    over the signature it is printed between, row by row."""
    def region(rid: str, text: str, box: tuple[float, float, float, float], order: int, btype: str) -> Block:
        return Block(id=rid, lines=[Line(id=f"{rid}.l", text=text, box=box)], box=box, type=btype, order=order)

    blocks = [region("head", "Betriebs-Einnahme der Eisenbahn.", (100, 100, 700, 140), 0, "heading"),
              region("sign", "Königliche Eisenbahn-Direktion.", (300, 500, 700, 540), 1, "paragraph"),
              region("next", "Another notice further down the column.", (100, 600, 700, 640), 2, "paragraph")]
    rows = [("", "April", "bis Ende April"), ("Personenverkehr", "936,950", "3,218,510"),
            ("Güterverkehr", "2,892,744", "11,678,751"), ("Summa", "4,134,694", "16,117,261")]
    order = 3
    for c, x in enumerate((100, 300, 500)):  # the file lists the cells column by column
        for r, row in enumerate(rows):
            if row[c]:
                blocks.append(region(f"c{r}{c}", row[c], (x, 200 + 60 * r, x + 190, 240 + 60 * r), order, "table"))
                order += 1
    page = Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=1000, height=1000)
    texts = [b.lines[0].text for b in reading_order(page)]
    assert texts == ["Betriebs-Einnahme der Eisenbahn.", "April", "bis Ende April", "Personenverkehr", "936,950",
                     "3,218,510", "Güterverkehr", "2,892,744", "11,678,751", "Summa", "4,134,694", "16,117,261",
                     "Königliche Eisenbahn-Direktion.", "Another notice further down the column."], texts


def test_a_skewed_table_whose_cell_boxes_touch_is_read_row_by_row() -> None:
    """Reichsanzeiger 1877 again, the Bergisch-Märkische receipts: each cell's box reaches a few pixels into the next
    column's, and the scan rises ~10 px per column to the right. Boxes that touch are not one column: read as one,
    every cell became a row of its own and the table came out sorted by the cells' tops ("- 12,000 · Güterverkehr ·
    108,000 · 27,000 · 96,000 · 24,000" for "Extraordinarien 24,000 96,000 27,000 108,000 - 12,000")."""
    def region(rid: str, text: str, box: tuple[float, float, float, float], order: int) -> Block:
        return Block(id=rid, lines=[Line(id=f"{rid}.l", text=text, box=box)], box=box, type="table", order=order)

    blocks = [Block(id="head", lines=[Line(id="head.l", text="Betriebs-Einnahme.", box=(100, 40, 900, 80))],
                    box=(100, 40, 900, 80), type="heading", order=0)]
    rows = [("Personenverkehr", "49,350", "171,690", "- 13,951"),
            ("Güterverkehr", "383,152", "1,634,510", "- 251,256"),
            ("Extraordinarien", "24,000", "96,000", "- 12,000")]
    lefts = (100, 400, 600, 800)
    order = 1
    for c, x in enumerate(lefts):  # the file lists the cells column by column
        right = (lefts[c + 1] + 3) if c + 1 < len(lefts) else 1000  # a cell's box reaches into the next column
        for r, row in enumerate(rows):
            top = 200 + 50 * r - 10 * c  # the scan rises to the right
            blocks.append(region(f"c{r}{c}", row[c], (x, top, right, top + 56), order))
            order += 1
    page = Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=1000, height=1000)
    texts = [b.lines[0].text for b in reading_order(page)]
    assert texts == ["Betriebs-Einnahme.", *[cell for row in rows for cell in row]], texts


def test_a_table_cell_heads_no_item_of_its_own() -> None:
    """Reichsanzeiger 1877: an insurer's accounts are a table whose row labels ("Einnahme.", "Ausgabe.") are set
    larger than the figures; cells the source marks as a table's go on the notice the table is printed in."""
    def region(rid: str, text: str, box: tuple[float, float, float, float], order: int, btype: str) -> Block:
        return Block(id=rid, lines=[Line(id=f"{rid}.l", text=text, box=box)], box=box, type=btype, order=order)

    body = [region(f"p{k}", f"Running text of the notice above the accounts, line {k} of it.",
                   (100, 40 * k, 700, 36 + 40 * k), k, "paragraph") for k in range(6)]
    blocks = [*body, region("head", "Rechnungs-Abschluss der Gesellschaft.", (100, 300, 700, 360), 6, "heading"),
              region("sign", "Die Kommission. L. Lippert.", (300, 760, 700, 796), 7, "paragraph")]
    order = 8
    for r, (label, figure) in enumerate((("Einnahme.", ""), ("Prämie", "6,016,669"), ("Zinsen", "354,746"),
                                         ("Ausgabe.", ""), ("Sterbefälle", "806,000"), ("Renten", "20,345"))):
        tall = 60 if not figure else 36
        blocks.append(region(f"l{r}", label, (100, 400 + 60 * r, 300 + (200 if not figure else 0),
                                             400 + 60 * r + tall), order, "table"))
        order += 1
        if figure:
            blocks.append(region(f"f{r}", figure, (500, 400 + 60 * r, 700, 436 + 60 * r), order, "table"))
            order += 1
    page = Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=1000, height=1000)
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    accounts = [a for a in arts if "Rechnungs-Abschluss der Gesellschaft." in " ".join(p.text for p in a.parts)]
    assert len(accounts) == 1, [[p.text for p in a.parts] for a in arts]
    text = " ".join(p.text for p in accounts[0].parts)
    assert "Ausgabe." in text and "Die Kommission. L. Lippert." in text, text


def test_an_adverts_address_set_large_under_its_copy_closes_it() -> None:
    """Lancaster Intelligencer 1888 p. 4 (whole-column block of adverts): "… tunity. Williamson & Foster," (copy)
    / BRANCH STORE, / NO. 318 MARKET STREET, / HARRISBURG, PA. / TOOOTH AND SHOES. (display): the lines down to the
    one ending on a US state are the address closing the advert above; the line under them heads the next."""
    doc = _doc("ndnp_lancaster_intelligencer_1888-08-30/sn83032300_1888_08_30_4.xml")
    shoes = _article_with(doc, "An Exciting Race for")
    heading = " ".join(p.text for p in shoes.parts if p.role in HEAD_ROLES)
    assert "HABBISUUBO" not in heading and "TOOOTH AND SHOES." in heading, heading
    assert "HABBISUUBO" in _article_with(doc, "BRANCH STORE,").text


def test_a_short_set_in_line_between_an_adverts_display_lines_is_part_of_its_display() -> None:
    # Lancaster Intelligencer 1888 p. 4 (NDNP microfilm, whole-column blocks): the china shop's advert sets
    # "WHITE DINNER SETS" / "B very Set reduced." (a short line set in, small type) / "Toilet Sets" … in one block: one
    # advert, not an item of one line and another; a card's address running across the measure under its name
    # ("J R VHITNEY Stock Broker" / "334 Atlas Boll 1470 Res 3004Z", Deseret News 1909) ends its own item
    doc = _doc("ndnp_lancaster_intelligencer_1888-08-30/sn83032300_1888_08_30_4.xml")
    assert _article_with(doc, "WHITE DINNER SETS") is _article_with(doc, "Toilet Sets")
    doc = _doc("ndnp_deseret_news_1909-12-24/sn83045555_1909_12_24_6.xml")
    assert _article_with(doc, "334 Atlas Boll") is not _article_with(doc, "SALT LAKE BANK CLEARINGS")


def _sized_block(bid: str, y0: float, rows: list[tuple[str, float]], *, x0: float = 1550.0,
                 width: float = 620.0) -> Block:
    """A block of lines (text, declared size) stacked from ``y0``, each as tall as its size says (4.5 px a point)."""
    lines, y = [], y0
    for k, (text, size) in enumerate(rows):
        lines.append(Line(id=f"{bid}.l{k}", text=text, box=(x0, y, x0 + width, y + 4.5 * size), font_size=size))
        y += 4.5 * size + 1
    return Block(id=bid, lines=lines, box=(x0, y0, x0 + width, y))


def _wares_card(gap: float) -> list[Block]:
    head = _sized_block("h", 100, [("Alois Tschümperlin,", 11)])
    copy = _sized_block("c", 160, [("empfiehlt sich für alle in sein Fach schlagenden", 7), ("Arbeiten.", 7)])
    top = copy.box[3] + gap if copy.box is not None else 0.0
    display = _sized_block("d", top, [("Bettgestellen, Tische, Stühle,", 11), ("Sofas, Bureaus, Schränke etc.", 11)])
    bottom = display.box[3] + 4 if display.box is not None else 0.0
    rest = _sized_block("r", bottom, [("stets an Hand. Da ich das Meiste selbst verfertige,", 7),
                                      ("so kann ich für gute Arbeit garantiren und zu", 7),
                                      ("den billigsten Preisen verkaufen.", 7)])
    body = _sized_block("o", 100, [("Der Verein hielt gestern seine Versammlung ab und", 7)] * 40, x0=2400.0)
    return [head, copy, display, rest, body]


def test_display_lines_close_under_an_adverts_copy_and_running_on_stay_in_it() -> None:
    """Der Nordstern 1878 (NDNP ALTO, a page of business cards): a cabinet-maker's card sets its wares in display
    type right under its first lines of copy ("Bettgestellen, Tische, Stühle," / "Sofas, …" / "stets an Hand."),
    four pixels below them; they opened a new item. Set off by whitespace, the same lines head one."""
    close = _wares_card(4.0)
    page = Page(number=1, blocks=close, lines=[ln for b in close for ln in b.lines], width=3500, height=6000)
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture" and "Tschümperlin" in a.text]
    assert len(arts) == 1 and "stets an Hand" in arts[0].text, [a.headline for a in arts]
    apart = _wares_card(60.0)
    page = Page(number=1, blocks=apart, lines=[ln for b in apart for ln in b.lines], width=3500, height=6000)
    heads = [a.headline for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert any(h.startswith("Bettgestellen") for h in heads), heads


def test_a_drawings_strokes_read_as_letters_are_noise() -> None:
    """L'Ouest-Éclair 1924 p. 12: the furniture store's drawings are OCR'd as rows of strokes ("Slllllllll",
    "iiiiiiiin", "11111111", "IHII", "mmmm"): noise, not the copy of an advert. Words and numbers are not."""
    for text in ("Slllllllll", "iiiiiiiin", "11111111", "IIIII", "mmmm", "l IlIII /"):
        assert is_ocr_fragment(text), text
    for text in ("Illinois", "still", "Mill", "illicit", "III.", "Louis XIII", "1111 Main Street", "Sème 30",
                 "GRATIS !"):
        assert not is_ocr_fragment(text), text


def _ad_line(lid: str, text: str, y: float, x0: float, x1: float, size: float) -> Line:
    return Line(id=lid, text=text, box=(x0, y, x1, y + 3 * size), font_size=size)


def _typed_advert(rows: list[Line]) -> list[Article]:
    """The articles of a page holding one ALTO ComposedBlock TYPE="Advertisement" of ``rows``."""
    block = Block(id="cb", lines=rows, type="advertisement",
                  box=(min(ln.box[0] for ln in rows if ln.box), min(ln.box[1] for ln in rows if ln.box),
                       max(ln.box[2] for ln in rows if ln.box), max(ln.box[3] for ln in rows if ln.box)))
    page = Page(number=1, blocks=[block], lines=list(rows), width=1000, height=1000)
    return [a for a in articles_from_layout([page]) if a.kind != "furniture"]


def _body(article: Article) -> str:
    return " ".join(p.text for p in article.parts if p.role != "noise")


def test_two_adverts_in_one_advert_block_are_two_items() -> None:
    """L'Ouest-Éclair 1924 p. 12: one ComposedBlock TYPE="Advertisement" holds a midwife's classified, closed on her
    address ("Mme Renaud, 65, r. Lemercier, Paris."), and under it, in the same column, the next advertiser's
    display line in capitals and copy: two adverts, not one."""
    rows = [_ad_line("a1", "SAGE-FEMME 1re classe. Reçoit pension-", 100, 60, 800, 7),
            _ad_line("a2", "naires en son Hôtel privé. Prix modérés.", 130, 60, 800, 7),
            _ad_line("a3", "Mme Renaud, 65, r. Lemercier, Paris. Consult.", 160, 60, 800, 7),
            _ad_line("b1", "NE VOUS PLAIGNEZ PLUS ! SOIGNEZ-VOUS", 195, 70, 800, 7),
            _ad_line("b2", "puisqu'il est reconnu que le traitement", 225, 320, 720, 7),
            _ad_line("b3", "au Thiégol guérit sûrement et rapidement", 255, 250, 760, 7),
            _ad_line("b4", "les rhumatismes. Notice gratuite et franco", 285, 250, 760, 7),
            _ad_line("b5", "Ph. MOREAU, 38, r. Caulaincourt, Paris", 315, 350, 790, 7)]
    arts = _typed_advert(rows)
    assert [a.kind for a in arts] == ["advertisement", "advertisement"], [_body(a) for a in arts]
    assert _body(arts[0]).endswith("Paris. Consult.") and _body(arts[1]).startswith("NE VOUS PLAIGNEZ")


def test_an_adverts_own_display_lines_and_side_panel_stay_in_it() -> None:
    """L'Ouest-Éclair 1924 p. 12, Vivaudou's advert: its brand set again in display type under its copy and its
    address ("CRÈMES VIVAUDOU" after "… les Crèmes Vivaudou …"), a word of display type run into its copy
    ("GRATUITEMENT" / "nous vous enverrons …", under a sentence that closes no advert) and a panel set beside it
    ("CADEAU" / "A NOS CLIENTES", level with its copy) are the same advert. The drawing's strokes in it are noise."""
    rows = [_ad_line("h", "Jeunesse", 100, 100, 500, 20),
            _ad_line("c1", "Les Crèmes Vivaudou ont été préparées en vue", 170, 100, 500, 7),
            _ad_line("c2", "de répondre à toutes les exigences de l'hygiène.", 200, 100, 500, 7),
            _ad_line("p1", "CADEAU", 170, 560, 900, 14),
            _ad_line("p2", "A NOS CLIENTES", 215, 560, 900, 7),
            _ad_line("p3", "dans un but de propagande, la Maison offre", 245, 560, 900, 7),
            _ad_line("n1", "Slllllllll", 280, 560, 900, 7),
            _ad_line("g1", "GRATUITEMENT", 240, 150, 450, 16),
            _ad_line("g2", "nous vous enverrons, sur votre demande, le", 295, 100, 500, 7),
            _ad_line("g3", "catalogue. Vivaudou, 18, Rue Royale, Paris.", 325, 100, 500, 7),
            _ad_line("v1", "CRÈMES VIVAUDOU", 360, 120, 480, 16),
            _ad_line("v2", "Le pot : 5 fr. 50. En vente partout et chez", 415, 100, 500, 7),
            _ad_line("v3", "Vivaudou, 18, Rue Royale, Paris", 445, 150, 450, 7)]
    arts = _typed_advert(rows)
    assert len(arts) == 1, [_body(a) for a in arts]
    assert "Slllllllll" not in _body(arts[0]) and "CADEAU" in _body(arts[0])
    # its display line over the first line of copy opening a sentence is its headline
    assert [p.text for p in arts[0].parts if p.role == "headline"] == ["Jeunesse"]


def test_a_label_over_the_wholesalers_name_opens_no_advert() -> None:
    """L'Ouest-Éclair 1924 p. 12: the pen set's advert closes "… à partir de 175 francs, 6, Rue Monsigny." then "GROS :"
    / "Jules FAGARD": a label ending on a colon announces what follows, it opens no advert; the display line of a
    run-in classified running on in lower case ("THON. A VENDRE" / "de 53 tonneaux …") is no headline."""
    rows = [_ad_line("a1", "ECRIN DOUBLE", 100, 200, 600, 14),
            _ad_line("a2", "contenant un porte-plume Idéal Waterman et un", 150, 100, 700, 7),
            _ad_line("a3", "porte-mine, en argent, à partir de 175 francs.", 180, 100, 700, 7),
            _ad_line("a4", "Au détail chez tous les papetiers, 6, Rue Monsigny.", 210, 100, 700, 7),
            _ad_line("g1", "GROS :", 245, 350, 450, 7),
            _ad_line("g2", "Jules FAGARD, fournisseur des papeteries de l'Ouest,", 275, 100, 700, 7),
            _ad_line("g3", "qui expédie franco dans toute la France.", 305, 100, 700, 7)]
    arts = _typed_advert(rows)
    assert len(arts) == 1, [_body(a) for a in arts]
    run_in = [_ad_line("t1", "THON. A VENDRE DUNDÉE", 100, 100, 700, 11),
              _ad_line("t2", "de 53 tonneaux. S'adresser à M. LE GOFF,", 140, 100, 700, 7),
              _ad_line("t3", "huissier à Carnac.", 170, 100, 400, 7)]
    [ad] = _typed_advert(run_in)
    assert not [p for p in ad.parts if p.role == "headline"]


def test_an_adverts_price_and_a_words_second_half_are_copy_not_noise() -> None:
    """In a block the source types as advertisements, a drawing's strokes are noise, but a price without words ("5 fr.
    50") and the second half of a word hyphenated at the line's end ("Rue Roya-" / "le.") are the advert's copy, in
    their place (review: they were moved to the end of the advert as noise)."""
    rows = [_ad_line("h", "CRÈMES VIVAUDOU", 100, 100, 500, 16),
            _ad_line("c1", "Le pot grand modèle :", 160, 100, 500, 7),
            _ad_line("c2", "5 fr. 50", 190, 250, 350, 7),
            _ad_line("c3", "En vente partout et chez Vivaudou, 18, Rue Roya-", 220, 100, 500, 7),
            _ad_line("c4", "le.", 250, 100, 140, 7),
            _ad_line("n", "Slllllllll", 280, 100, 500, 7)]
    rows[3].hyphenated = True
    [ad] = _typed_advert(rows)
    body = " ".join(p.text for p in ad.parts if p.role != "noise")
    assert "5 fr. 50 En vente" in body and "Royale." in body.replace("- ", "").replace("-", ""), body
    assert [p.text for p in ad.parts if p.role == "noise"] == ["Slllllllll"]


def test_a_column_of_adverts_closed_on_their_order_numbers_is_cut_after_each() -> None:
    """Algemeen Handelsblad 1876 p. 4: a whole column is one TextBlock of adverts and family notices, each closed on
    the advertisement office's order number in brackets, garbled or not ("(43755)", "(4?829)", "(439»)"), the family's
    signatures set right of the middle under it. Each is an item; the signatures stay with their notice."""
    texts = ["Voor de vele bewijzen van deelneming, ondervonden bij het",
             "overlijden van onzen geliefden Vader betuigen wij onzen",
             "innigen dank. Amsterdam, 28 November 1876. (43755)",
             "SIGNATURE J. E. VELTMAN",
             "Als BOEKHOUDER gevraagd een bekwaam persoon, bekend met",
             "Correspondentie, tegen een matige Vergoeding, franco onder",
             "Lett. V. IJ., Bureau Handelsblad. (4?829)",
             "Een geheel gemeubileerd HUIS te huur in den omtrek van den",
             "Dam. Brieven met opgaaf van prijs onder Lett. U. IJ., aan",
             "het Bureau van dit Blad. (439»)"]
    lines = [Line(id=f"l{k}", text=t, box=(100.0 if k != 3 else 420.0, 40.0 * k, 700.0, 40.0 * k + 30), font_size=8)
             for k, t in enumerate(texts)]
    block = Block(id="col", lines=lines, box=(100, 0, 700, 40 * len(lines)))
    right = [Line(id=f"r{k}", text=f"Running text of the next column, line {k} of it.",
                  box=(740.0, 40.0 * k, 1340.0, 40.0 * k + 30), font_size=8) for k in range(30)]
    page = Page(number=1, blocks=[block, Block(id="r", lines=right, box=(740, 0, 1340, 1200))],
                lines=lines + right, width=1400, height=1300)
    arts = [_body(a) for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert [a[:12] for a in arts[:3]] == ["Voor de vele", "Als BOEKHOUD", "Een geheel g"], arts
    assert arts[0].endswith("(43755) SIGNATURE J. E. VELTMAN") and arts[1].endswith("(4?829)"), arts


def test_a_publishers_advert_opens_on_its_formula() -> None:
    """Allgemeine Preußische Staats-Zeitung 1834, Literarische Anzeigen: unheaded book adverts one after another,
    each opening "Bei Hinrichs in Leipzig iſt eben erſchienen", "Im Verlage von J. D. Sauerländer in …", "So eben iſt
    vollſtändig erſchienen": each opens an item. A report mentioning a publisher does not."""
    for text in ("Bei Hinrichs in Leipzig iſt eben erſchienen,", "Bei G. Baſſe in Quedlinburg ſind ſo",
                 "Im Verlage von J. D. Sauerlaͤnder in", "So eben iſt vollſtaͤndig erſchienen: Rotteck's",
                 "Bei Joh. Ambr. Barth in Leipzig ist"):
        assert _item_lead(text, titled=True), text
    for text in ("Bei dem Brande in Leipzig wurden zwei Häuſer zerſtört.", "Im Verlauf der Sitzung wurde beſchloſſen",
                 "Soeben ist der Zug eingetroffen.", "So eben iſt der Miniſter angekommen."):
        assert not _item_lead(text, titled=True), text


def test_a_dutch_family_notice_opens_on_its_formula() -> None:
    """Algemeen Handelsblad 1876 p. 4: family notices one under another, "Voor de vele bewijzen van deelneming,
    ondervonden bij het overlijden …", "Heden overleed …": each opens an item."""
    for text in ("Voor de vele bewijzen van deelneming,", "Voor de bewijzen van belangstelling, zoo",
                 "Heden overleed, na een kortstondige ziekte,", "Heden ontsliep zacht en kalm"):
        assert _item_lead(text, titled=True), text
    # a civil registry's section words head entries of one listing; "Heden werd …" runs a report on (review)
    for text in ("Voor de rest van de week wordt regen verwacht.", "Getrouwd: J. DE VRIES en A. BAKKER.",
                 "Overleden: C. JANSEN, 74 j.", "Heden werd de behandeling der begrooting voortgezet."):
        assert not _item_lead(text, titled=True), text


def test_a_notices_signature_over_its_place_and_date_is_no_headline() -> None:
    """Algemeen Handelsblad 1876 p. 4: a thank-you notice signed "Dr. J. A. HES." (capitals, short) over "Amsterdam,
    28 November 1876. (43755)": a place and date ending on the year (and the order number) signs the notice off, it
    opens no dispatch, so the signature over it is no dispatch's headline (a telegraph item's head over its
    dateline, "A Fortunate Fire." / "NORFOLK, Neb., March 2.—", still is)."""
    def lines(signature: str, dateline: str, at: tuple[float, float]) -> list[Line]:
        texts = ["Voor de bewijzen van belangstelling, zoo van hier als van elders",
                 "ontvangen, bij de geboorte van onzen Zoon, betuig ik mede namens",
                 "mijne Echtgenoote, mijn oprechten dank.", signature, dateline,
                 "The news of the day runs on in this line of the column text,"]
        ys = [40.0 * k + (30.0 if k >= 3 else 0.0) for k in range(len(texts))]  # a line's whitespace over the head
        return [Line(id=f"l{k}", text=t, box=(100.0 if k != 3 else at[0], ys[k], 700.0 if k != 3 else at[1],
                                              ys[k] + 30), font_size=8) for k, t in enumerate(texts)]
    sizes = _Sizes(body=8.0, use_font=True, vertical=False, height=30.0, pitch=9.0)
    notice = lines("Dr. J. A. HES.", "Amsterdam, 28 November 1876. (43755)", (450.0, 640.0))
    assert not any(_item_heads(notice, [False] * len(notice), sizes))
    telegram = lines("A Fortunate Fire.", "NORFOLK, Neb., March 2.—A fire broke out in", (300.0, 500.0))
    assert _item_heads(telegram, [False] * len(telegram), sizes)[3]
    letter = lines("OUR WASHINGTON LETTER.", "WASHINGTON, D. C., March 2, 1874.", (250.0, 550.0))  # its year: a letter
    assert _item_heads(letter, [False] * len(letter), sizes)[3]
