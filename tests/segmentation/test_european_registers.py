"""European pages (issue 15): registers, listings and rubrics as a careful reader cuts them."""

from __future__ import annotations

from pathlib import Path

from reader.model.document import Article, Block, Line, Page
from reader.segmentation.analyze import analyze_file
from reader.segmentation.geometry import articles_from_layout
from reader.segmentation.roles import is_dateline_lead


def _block(bid: str, x0: float, y0: float, texts: list[str], *, width: float = 300, lh: float = 20,
           btype: str = "text", indents: dict[int, float] | None = None,
           ends: dict[int, float] | None = None) -> Block:
    lines = []
    for k, t in enumerate(texts):
        left = x0 + (indents or {}).get(k, 0.0)
        right = x0 + (ends or {}).get(k, width)
        lines.append(Line(id=f"{bid}.l{k}", text=t, box=(left, y0 + k * lh, right, y0 + (k + 1) * lh - 2)))
    return Block(id=bid, lines=lines, box=(x0, y0, x0 + width, y0 + len(texts) * lh), type=btype)


def _page(blocks: list[Block]) -> Page:
    return Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=1000, height=1400)


def _register(first_entry: str, entries: list[str]) -> list[Article]:
    """A rubric's heading region, an introduction and the first entry in one block, then entries parted by short
    rules, each closed by its court's place, date and signature."""
    blocks = [_block("h", 120, 100, ["Handels-Register."], width=160, btype="heading"),
              _block("b0", 50, 130, ["Die Einträge aus dem Königreich Sachsen werden",
                                     "Dienstags unter der Rubrik Leipzig veröffentlicht,",
                                     "die letzteren monatlich.",
                                     f"{first_entry} Die Prokura, welche dem Kaufmanne",
                                     "Jacob Hasselenberg ertheilt war, ist erloschen und",
                                     "wurde heute im Prokurenregister gelöscht.",
                                     "Aachen, den 14. Mai 1877.",
                                     "Königliches Handelsgerichts-Sekretariat."],
                     indents={0: 12, 2: 100, 3: 0, 6: 30, 7: 40}, ends={2: 200, 5: 150, 6: 180, 7: 260})]
    y = 130.0 + 8 * 20 + 10
    for k, place in enumerate(entries):
        blocks.append(Block(id=f"r{k}", box=(150, y, 250, y + 3), type="separator"))
        y += 13
        blocks.append(_block(f"e{k}", 50, y, [f"{place} In unser Firmenregister ist",
                                              "heute die Firma Louis Philips eingetragen",
                                              "und als deren Inhaber der Kaufmann Louis",
                                              "Philips zu Eitorf an der Sieg.",
                                              f"{place.split('.')[0]}, den 14. Mai 1877.",
                                              "Königliches Kreisgericht."],
                             indents={0: 12, 4: 30, 5: 60}, ends={3: 200, 4: 180, 5: 220}))
        y += 6 * 20 + 10
    return articles_from_layout([_page(blocks)])


def test_a_registers_entries_parted_by_rules_are_one_listing() -> None:
    """Reichsanzeiger 1877, "Handels-Register.": the rubric's introduction runs on into its first entry, opened by
    the court's place run in ("Aachen. Die Prokura …"), and each entry after it stands under a short rule, opened so
    too ("Breslau. Bekanntmachung. In unser …") and signed by its court: the entries of one register, not notices of
    their own. Where the item under the rubric holds no entry run in so, a rule still parts the items."""
    arts = [a for a in _register("Aachen.", ["Aachen.", "Breslau. Bekanntmachung.", "Beuthen O./S."])
            if a.kind != "furniture"]
    assert len(arts) == 1 and "Beuthen" in arts[0].text, [a.text[:40] for a in arts]
    plain = [a for a in _register("Ferner:", ["Aachen.", "Breslau. Bekanntmachung.", "Beuthen O./S."])
             if a.kind != "furniture"]
    assert len(plain) == 4, [a.text[:40] for a in plain]


def test_a_month_transcribed_with_a_superscript_e_is_a_dateline() -> None:
    """Reichsanzeiger 1829-1841: the transcription keeps the Fraktur umlaut as a superscript e over the vowel
    ("Maͤrz", a + U+0364); "London, 16. Maͤrz. In den …" opens a dispatch as "London, 16. März." does, and a
    block opening so after finished text is the next dispatch, not the report above's next paragraph."""
    assert is_dateline_lead("London, 16. Ma\u0364rz. In den miniſteriellen Bla\u0364ttern der")
    assert is_dateline_lead("Karlsruhe, 16. Ma\u0364rz. (K. Z.) Heute iſt der Oberſt⸗")
    assert is_dateline_lead("Ko\u0364ln, 6. Ma\u0364rz. In den Tagen vom 1 — 4ten Ma\u0364rz")
    report = _block("a", 50, 100, ["London, 13. Ma\u0364rz. Die Amerikaniſchen Verha\u0364ltniſſe",
                                   "beſcha\u0364ftigen unſere Bla\u0364tter natu\u0364rlich noch",
                                   "immer vorzugsweiſe und werden ſie zu Kommentaren",
                                   "von New-York abgeſandt werden ko\u0364nnen."], ends={3: 240}, indents={0: 12})
    nxt = _block("b", 50, 182, ["London, 16. Ma\u0364rz. In den miniſteriellen Bla\u0364ttern",
                                "der letzten Tage finden ſich zwar Betrachtungen",
                                "u\u0364ber die jetzige Lage der Dinge im Orient.",
                                "Von der Antwort iſt noch nichts bekannt."], ends={3: 230}, indents={0: 12})
    arts = articles_from_layout([_page([report, nxt])])
    assert len(arts) == 2, [a.text[:30] for a in arts]


def test_a_heading_region_under_a_datelined_report_heads_the_next_item() -> None:
    """Reichsanzeiger 1829: under "Inland." the report opens on its place and date ("Frankfurt a. O., 12. März.");
    the region the source types as a heading right under its last line ("Vermiſchte Nachrichten.") heads the next
    item, as it says, and is no crosshead of the dispatch."""
    report = _block("a", 50, 100, ["Frankfurt a. O., 12. März. Die gegenwärtige hie-",
                                   "ſige Reminiſcere-Meſſe fällt ſtark und gut aus. Von",
                                   "allen Waaren-Gattungen ſind beträchtliche Quantitäten",
                                   "auf dem Platze, wie man es hier noch nicht geſehen hat."],
                    ends={3: 290}, indents={0: 12})
    head = _block("h", 110, 182, ["Vermiſchte Nachrichten."], width=180, btype="heading")
    text = _block("b", 50, 204, ["Die definitive Schließung des Conclave geſchieht,",
                                 "nachdem das diplomatiſche Corps ſeine Beſuche gemacht",
                                 "hat, und der Cardinal wird dann eingeſchloſſen."], ends={2: 220}, indents={0: 12})
    arts = articles_from_layout([_page([report, head, text])])
    assert [a.headline for a in arts] == [None, "Vermiſchte Nachrichten."], [a.headline for a in arts]


def test_a_dateline_after_a_correspondents_two_dashes_opens_a_dispatch() -> None:
    """Reichsanzeiger 1834: the paper's own correspondent's dispatch opens on two dashes before its place and date
    ("— — London, 22. Auguſt. Damit es …"), under another dispatch from the same place closing on a quotation („…
    erhalten.“, the German closing quote after the stop ends the sentence): a dispatch of its own."""
    report = _block("a", 50, 100, ["London, 22. Auguſt. Der Erzbiſchof von Canterbury",
                                   "überreichte dem Könige Dank-Adreſſen der Irländiſchen",
                                   "Geiſtlichkeit für den feſten Entſchluß Sr. Majeſtät,",
                                   "„die Engliſche Kirche aufrecht zu erhalten.“"], ends={3: 240}, indents={0: 12})
    nxt = _block("b", 50, 182, ["— — London, 22. Auguſt. Damit es den Miniſtern ja",
                                "nicht während der Zeit, wo das Parlament nicht bei-",
                                "ſammen iſt, an Arbeit fehle, haben die Proteſtanten",
                                "eine Adreſſe an den König gerichtet."], ends={3: 220}, indents={0: 12})
    arts = articles_from_layout([_page([report, nxt])])
    assert len(arts) == 2, [a.text[:30] for a in arts]


def _notices_page(width: float) -> list[Article]:
    """Two columns of a report over a block ``width`` wide of short paragraphs, each opened by an indent."""
    col = ["De Heeren Staeten van Holland en West-Vriesland zyn",
           "gifteren en heeden weeder vergaderd geweeft. De",
           "buytenlandfe Gezanten hebben met den Prefident",
           "van Haer Hoog Mog. geconfereerd, en de eeden afgelegt."]
    left = _block("l", 50, 100, col, width=440, ends={3: 400}, indents={0: 12})
    right = _block("r", 510, 100, col, width=440, ends={3: 400}, indents={0: 12})
    paragraphs = [["Op Woensdag den 20 May zullen Dykgraef en Gezworens van der Groede",
                   "befteeden het leggen van een dubbele fteene Zee-Sluys, met al het werk."],
                  ["Mr. SIEBERS, Cafteleyn van 't Nieuw VAUX-HALL, op de Weg naer Scheveningen,",
                   "maekt bekend, dat hy zyne PUBLICQUE CONCERTEN heeft begonnen, en daer meede",
                   "weekelyks drie mael zal continueeren."],
                  ["JOHAN WYNMAELEN, Franfch Koft-Schoolhouder, adverteert hier meede, dat hy",
                   "binnen de Stad Grave zal continueeren Franfch Koft-School te houden."],
                  ["Woensdag den 20 May zal Pieter Vos, Boekdrukker in 's Hage, ten zynen huyze",
                   "verkopen een wel gefchikte BOEKDRUKKERYE, beftaende in 3 fraeye Parffen.",
                   "De Catalogus is alomme verzonden."],
                  ["De Makelaers Bontekoning en Aukes zullen op Maendag den 18 May t'Amfterdam",
                   "verkopen een groote party Ooftferfe en Noordfe HOUTWAEREN, benevens Balken."]]
    texts = [t for p in paragraphs for t in p]
    firsts = [sum(len(p) for p in paragraphs[:k]) for k in range(len(paragraphs))]
    lasts = [f + len(p) - 1 for f, p in zip(firsts, paragraphs, strict=True)]
    notices = _block("n", 50, 200, texts, width=width, indents={k: 14 for k in firsts},
                     ends={k: width * 0.6 for k in lasts})
    return articles_from_layout([_page([left, right, notices])])


def test_short_paragraphs_set_across_two_columns_are_notices_of_their_own() -> None:
    """KB 1750: the paper sets its notices and adverts in one block across both columns, each a short paragraph
    opened by an indent ("Op Woensdag den 20 May …", "Mr. SIEBERS, Cafteleyn …"): each is a notice of its own. The
    same paragraphs in a column's measure are one text's paragraphs."""
    wide = [a for a in _notices_page(900) if "Dykgraef" in a.text or "SIEBERS" in a.text or "Bontekoning" in a.text]
    assert len(wide) == 3, [a.text[:30] for a in _notices_page(900)]
    narrow = [a for a in _notices_page(440) if "Dykgraef" in a.text or "Bontekoning" in a.text]
    assert len(narrow) == 1, [a.text[:30] for a in _notices_page(440)]


def test_a_paragraph_run_in_on_a_place_in_capitals_opens_a_dispatch() -> None:
    """Le Gaulois 1884, "Départements": after a brief opened by a dash ("— M. Méline, ministre …"), under that brief's
    heading, a paragraph run in on its place in capitals ("CALAIS. Le général Graham …") is the next dispatch, as
    the paper's headed ones open ("BELFORT. Un assassinat …"). A paragraph running on a sentence in capitals is none."""
    def read(opening: str) -> list[Article]:
        block = _block("a", 50, 100, ["VOYAGE DE M. MÉLINE",
                                      "— M. Méline, ministre de l'agriculture,",
                                      "arrivé aujourd'hui à Arles, partira demain",
                                      "pour la Camargue, où des travaux sont projetés.",
                                      opening,
                                      "d'Egypte, via Bâle, s'est embarqué ici, et",
                                      "la princesse de Hanovre est débarquée."],
                       indents={0: 60, 1: 12, 4: 12}, ends={0: 240, 3: 250, 6: 200})
        return [a for a in articles_from_layout([_page([block])]) if a.kind != "furniture"]

    assert len(read("CALAIS. Le général Graham, revenant")) == 2
    assert len(read("CALAIS et Boulogne ont reçu le général")) == 1


def test_a_scenes_speakers_run_in_in_capitals_open_no_dispatches() -> None:
    """Le Petit Journal illustré 1900: a comedy's scene runs each speech in on its speaker's name in capitals
    ("DUTRIN. Vite à table, alors ! …", "DUPOTEAU. Moi j'ai promis …"); a name that comes three times on the page
    makes every such name a speaker's: the scene is one text."""
    speeches = ["DUTRIN. Vite à table, alors ! Je n'aime pas", "m'empiffrer, mais je veux partir.",
                "DUPOTEAU. Moi j'ai promis à la duchesse", "d'être rentré ce soir aux Folies.",
                "DUTRIN. Voyons, voyons ! Mettons-nous à", "table, nous partirons aussitôt.",
                "LARDOT. Vous avez cinquante-cinq mi-", "nutes, monsieur, pas une de plus.",
                "DUTRIN. Quand je pense que nous avons", "mis tant de temps à venir ici."]
    block = _block("a", 50, 100, ["Le déjeuner est servi dans la salle, et les", "convives entrent en causant.",
                                  *speeches],
                   indents={0: 12, **{2 + 2 * k: 12 for k in range(5)}}, ends={1: 200, **{3 + 2 * k: 220
                                                                                         for k in range(5)}})
    assert len(articles_from_layout([_page([block])])) == 1


def test_a_small_capitals_heading_atop_a_block_opens_family_notices() -> None:
    """The Statesman 1824: the births, marriages and deaths stand under small headings of capitals closed by a full
    stop, centred atop each block ("MARRIED." / "On Saturday, Feb. 14, at St. Pancras …", "DIED."), set in type
    half the body's height, and the OCR boxes the heading over the first line's top: each heads its notices, not
    the end of the market report above. A heading in body type atop a block opens nothing by this, and a small one
    over a table of figures heads the table ("PRICE ON BOARD SHIP AS UNDER.")."""
    notices = ["On Saturday, Feb. 14, at St. Pancras New Church, Mr.",
               "Goodee, of Brighton, solicitor, to Maria, youngest",
               "daughter of the late Thomas Slam, Esq."]

    def read(height: float, rows: list[str] = notices) -> list[Article]:
        report = _block("m", 50, 100, ["Hay, 90s. to 110s.—Straw, 49s. to 48s.—Clover,",
                                       "100s. to 130s. 0d."], ends={1: 150}, lh=20)
        head = Line(id="h.l0", text="MARRIED.", box=(160, 150, 240, 150 + height))
        lines = [head] + [Line(id=f"h.l{k + 1}", text=t, box=(50 + (12 if k == 0 else 0), 156 + 20 * k,
                                                               350 if k < 2 else 250, 174 + 20 * k))
                          for k, t in enumerate(rows)]
        notices = Block(id="h", lines=lines, box=(50, 150, 350, 216), type="text")
        return [a for a in articles_from_layout([_page([report, notices])]) if a.kind != "furniture"]

    small = read(10)
    assert [a.headline for a in small] == [None, "MARRIED."], [a.headline for a in small]
    assert len(read(18)) == 1
    assert len(read(10, ["Clover, red, per cwt. 55s. to 100s. 0d.", "Clover, white, per cwt. 60s. to 110s.",
                         "Rapeseed, per last, 24l. to 26l."])) == 1  # a table's heading


def test_a_dateline_set_alone_right_of_centre_over_its_text_heads_no_item() -> None:
    """Le Gaulois 1884, "La Conférence": the article quotes a telegram under its dateline set alone on its line,
    well in from the left and out to the right ("Londres, 29 avril, 8 h. 15." / "J'apprends que, dans une dépêche
    …"), the paper's dispatches each under a head of their own: it goes on in the article. A dateline running into
    its text from the column's left edge opens an item."""
    def read(dateline: list[str], indents: dict[int, float]) -> list[Article]:
        leader = _block("a", 50, 100, ["Le président du conseil, ministre des affaires",
                                       "étrangères, a reçu hier les ambassadeurs, et il",
                                       "a parlé longuement des affaires d'Egypte."], ends={2: 200}, indents={0: 12})
        rest = ["dans une dépêche adressée à M. de Staal, le nouveau",
                "ministre, M. de Giers a déclaré que la Russie",
                "appuiera les vues de la France."]
        telegram = _block("b", 50, 166, [*dateline, *rest], indents=indents, ends={len(dateline) + 2: 180})
        return articles_from_layout([_page([leader, telegram])])

    assert len(read(["Londres, 29 avril, 8 h. 15.", "J'apprends que, dans une dépêche adressée"],
                    {0: 140, 1: 12})) == 1
    assert len(read(["Londres, 29 avril, 8 h. 15. J'apprends que,"], {0: 12})) == 2


def test_an_order_number_alone_under_a_keyed_advert_opens_no_advert() -> None:
    """Algemeen Handelsblad 1876: in a column of adverts each closed on its order number, a number standing alone
    on its line under the advert closed last (a speck read as "..:" between them), "(43873)", is no advert of its
    own: it stays with the advert above."""
    block = _block("a", 50, 100, ["De Ondergeteekende adverteert, dat de coupons",
                                  "betaalbaar zijn ten kantore van de Bank.",
                                  "Amsterdam, 30 November 1876. (43918)",
                                  "..:",
                                  "(43873)",
                                  "Gezondheids-Chocolade, extra fijn, per ons",
                                  "45 cent, verkrijgbaar bij J. M. Porton. (43572)",
                                  "Als BOEKHOUDER gevraagd een actief persoon,",
                                  "brieven aan het Bureau Handelsblad. (43787)"],
                   indents={3: 250, 4: 200}, ends={2: 260, 3: 270, 4: 260, 6: 280, 8: 280})
    arts = [a for a in articles_from_layout([_page([block])]) if a.kind != "furniture"]
    assert not any(a.text.strip() == "(43873)" for a in arts), [a.text[:30] for a in arts]
    assert len(arts) == 3, [a.text[:30] for a in arts]


def test_the_block_after_a_column_of_adverts_closed_on_their_numbers_opens_an_advert() -> None:
    """Algemeen Handelsblad 1876: a block of family notices each closed on its order number, the last signed under
    its number ("… innigen dank. (43792)" / "J. E. VELTMAN" / "B. VELTMAN-HEUSE."), is followed by the next block's
    advert ("3 pCt. Premieleening stad Antwerpen 1874" / "(43979) LUTOMIRSKI."): an advert of its own, not the
    notice's last lines."""
    notices = _block("a", 50, 100, ["Voor de bewijzen van belangstelling, bij de geboorte",
                                    "van onze Dochter, betuig ik mijn oprechten dank.",
                                    "Amsterdam, 28 November 1876. (43755)",
                                    "Voor de vele bewijzen van belangstelling betuigen",
                                    "wij onzen hartelijken dank. (44253) TOP.",
                                    "Voor de vele bewijzen van deelneming, ondervonden",
                                    "bij het overlijden van onzen Vader, betuigen wij",
                                    "onzen innigen dank. (43792)",
                                    "J. E. VELTMAN",
                                    "B. VELTMAN-HEUSE."],
                      indents={0: 12, 3: 12, 5: 12, 8: 180, 9: 180}, ends={1: 260, 2: 260, 4: 260, 7: 240, 8: 280})
    advert = _block("b", 50, 306, ["3 pCt. Premieleening stad Antwerpen 1874",
                                   "verkrijgbaar tegen den koers van den dag bij",
                                   "(43979) LUTOMIRSKI."], ends={2: 200})
    arts = [a for a in articles_from_layout([_page([notices, advert])]) if a.kind != "furniture"]
    assert any(a.text.startswith("3 pCt.") for a in arts), [a.text[:30] for a in arts]


def test_centred_lines_in_a_block_of_their_own_over_a_dateline_head_the_dispatch() -> None:
    """L'Ouest-Éclair 1918: a dispatch's headline in sentence case, a quotation running over two centred lines set
    a size above the body ("« Nous ne rencontrons pas d'opposition" / "politique sérieuse » dit Ebert"), a block of
    its own between a finished dispatch and the next one's dateline ("LONDRES, 16 décembre. Le correspondant …"),
    heads that dispatch. Over text opening on no dateline such lines head nothing by this."""
    def read(opening: str) -> list[Article]:
        above = _block("a", 50, 100, ["LONDRES, 16 décembre. On mande d'Amsterdam qu'à",
                                      "Berlin 350.000 ouvriers se trouveraient en grève,",
                                      "ce chiffre est bien gros !)"], ends={2: 150}, indents={0: 12})
        quote = Block(id="q", type="text", box=(60, 170, 340, 222), lines=[
            Line(id="q.l0", text="« Nous ne rencontrons pas d'opposition", box=(62, 170, 338, 195)),
            Line(id="q.l1", text="politique sérieuse » dit Ebert", box=(110, 197, 290, 222))])
        text = _block("b", 50, 232, [opening, "des « Daily News » à Berlin a interviewé M.",
                                     "Ebert, qui lui a fait la déclaration suivante."], ends={2: 220},
                      indents={0: 12})
        return articles_from_layout([_page([above, quote, text])])

    arts = read("LONDRES, 16 décembre. Le correspondant")
    assert len(arts) == 2 and (arts[1].headline or "").startswith("« Nous ne"), [a.headline for a in arts]
    assert len(read("Le correspondant berlinois du journal")) == 1


def test_a_phrase_in_lower_case_before_a_date_is_no_dateline() -> None:
    """L'Union 1860, an ordinance's article: "Le même jour, 28 janvier, les autorités locales …" names a day, not a
    place: words in lower case other than a place name's particles ("am", "upon", "de") make no dateline's place."""
    assert not is_dateline_lead("Le même jour, 28 janvier, les autorités")
    assert not is_dateline_lead("Le lendemain, 29 janvier, le conseil")
    assert is_dateline_lead("Frankfurt am Main, 12. März. Die")
    assert is_dateline_lead("Newcastle upon Tyne, Jan. 5. The")
    assert is_dateline_lead("Rio de Janeiro, 5. November. (W. T. B.)")
    assert is_dateline_lead("PAUMA den 24 April. Men")


def test_a_sentence_case_title_in_a_block_of_its_own_heads_the_text_under_it() -> None:
    """L'Union 1860: notices' titles are set in sentence case, each a block of its own centred over the notice's
    text, one line ("Avis aux abonnés.") or wrapped, the last line centred under the first ("Avis relatif à la
    police sanitaire des bêtes" / "à cornes."), closed by a full stop, after finished text and over the text's
    indented first line: each heads its notice. A paragraph's last line set flush left is no title."""
    def read(title: list[tuple[str, float, float]]) -> list[Article]:
        above = _block("a", 50, 100, ["Le susdit Ministre d'Etat, Président du Gouverne-",
                                      "ment, Baron V. de TORNACO."], ends={1: 200})
        head = Block(id="t", type="text", box=(50, 150, 350, 150 + 20 * len(title)),
                     lines=[Line(id=f"t.l{k}", text=t, box=(x0, 150 + 20 * k, x1, 168 + 20 * k))
                            for k, (t, x0, x1) in enumerate(title)])
        text = _block("b", 50, 156 + 20 * len(title), ["Une maladie contagieuse qui enlève les bêtes à",
                                                      "cornes en grand nombre dans les pays qui nous",
                                                      "entourent menace de faire invasion."],
                      indents={0: 14}, ends={2: 220})
        return articles_from_layout([_page([above, head, text])])

    assert [a.headline for a in read([("Avis aux abonnés.", 130, 270)])] == [None, "Avis aux abonnés."]
    wrapped = read([("Avis relatif à la police sanitaire des bêtes", 50, 350), ("à cornes.", 165, 235)])
    assert len(wrapped) == 2 and (wrapped[1].headline or "").startswith("Avis relatif"), [a.headline for a in wrapped]
    assert len(read([("Il reste en vigueur jusqu'au 20 janvier pour", 50, 350), ("tous les cantons.", 50, 180)])) == 1


def test_a_signature_at_the_page_foot_right_under_unfinished_text_is_no_furniture() -> None:
    """L'Union 1860: an ordinance's last lines run to the column's foot, its minister's name set alone right under
    them at the very foot of the page ("Le susdit Ministre d'Etat, Président du Gouvernement," / "Baron V. de
    TORNACO."): the ordinance's signature, not a line of the page's foot margin."""
    cols = [_block(f"c{k}", 50 + 320 * k, 100, ["Le texte de la colonne continue ici sur toute",
                                                "la hauteur de la page jusqu'au pied de celle-ci,"] * 20,
                   width=300) for k in range(3)]
    cols[1] = _block("c1", 370, 100, ["Le texte de la colonne continue ici sur toute",
                                      "la hauteur de la page jusqu'au pied de celle-ci,"] * 19
                     + ["Le susdit Ministre d'Etat, Président du", "Gouvernement,"], width=300, ends={39: 120})
    sig = _block("s", 480, 902, ["Baron V. de TORNACO."], width=150)
    arts = articles_from_layout([_page([*cols, sig])])
    assert not any("TORNACO" in a.text for a in arts if a.kind == "furniture"), [(a.kind, a.text[-30:]) for a in arts]


def test_briefs_under_a_rubric_opened_by_a_marked_dateline_are_its_entries() -> None:
    """Algemeen Handelsblad 1876, "Visscherijen.": the rubric's reports each open on the brief's asterisk and a
    dateline ("* URK, 28 Nov. Vijf onzer visschers …", then "* DEVENTER, 29 Nov. Heden werden …" in a block of its
    own): entries of the headed section, as datelines under a title are. Under a report opened otherwise, a marked
    dateline opens a brief of its own."""
    def read(opening: str) -> list[Article]:
        head = _block("h", 120, 100, ["Visscherijen."], width=160, lh=30)
        first = _block("a", 50, 136, [opening, "bedrijf uitoefenen, vingen dezer dagen in één",
                                      "schot, gezamenlijk 4000 schelvisschen."], ends={2: 200}, indents={0: 12})
        second = _block("b", 50, 202, ["* DEVENTER, 29 Nov. Heden werden hier weder",
                                       "twee partijen schelvisch aangevoerd, die verkocht",
                                       "werden van 10 tot 40 cent per stuk."], ends={2: 200}, indents={0: 12})
        return [a for a in articles_from_layout([_page([head, first, second])]) if a.kind != "furniture"]

    assert len(read("* URK, 28 Nov. Vijf onzer visschers, die te Norderney hun")) == 1
    assert len(read("Vijf onzer visschers, die te Norderney hun")) == 2


def _wires(rubric: bool, last: str) -> list[Article]:
    """Two wires of the Wolff bureau in one block, the first closing on ``last``, under a rubric or not."""
    blocks = [_block("h", 120, 100, ["Kursberichte von den Fondsmärkten."], width=200, btype="heading")] if rubric \
        else []
    blocks.append(_block("a", 50, 130, ["New York, 5. November. (W. T. B.) In der abgelaufe-",
                                        "nen Woche wurde viel Gold nach Europa ausgeführt,",
                                        last,
                                        "New York, 5. November. (W. T. B.) Der Wert der in der",
                                        "vergangenen Woche eingeführten Waren betrug 10 700 000",
                                        "Doll. gegen 10 990 000 Doll. in der Vorwoche."],
                         indents={0: 14, 3: 14}, ends={2: 200, 5: 220}))
    return [a for a in articles_from_layout([_page(blocks)]) if a.kind != "furniture"]


def test_wires_under_a_rubric_are_its_entries() -> None:
    """Reichsanzeiger 1904: under the rubric "Kursberichte von den Fondsmärkten." the Wolff bureau's wires, each opening
    on its credited dateline ("Hamburg, 5. November. (W. T. B.) …", "Rio de Janeiro, 5. November. (W. T. B.) …"), are
    the listing's entries, after prose too ("Die Börſe bleibt … geſchloſſen."); with no rubric over them a wire after
    prose is a telegram of its own."""
    assert len(_wires(True, "Die Börſe bleibt am Dienstag geſchloſſen.")) == 1
    assert len(_wires(False, "Die Börſe bleibt am Dienstag geſchloſſen.")) == 2


def test_a_block_run_in_on_capitals_after_a_signature_opens_an_item() -> None:
    """Le Gaulois 1884: a dispatch signed by its correspondent in small capitals at its block's foot ("… dans ses
    garnisons respectives." / "VILLENEUVE") is finished; the next block, run in on capitals ("UN BON CONSEIL. Les
    médecins les plus distingués …"), is an item of its own."""
    dispatch = _block("a", 50, 100, ["NIMES. Les grandes manœuvres d'automne du",
                                     "15e corps auront lieu cette année dans le Gard;",
                                     "tout le corps d'armée traversera Nîmes pour",
                                     "se rendre dans ses garnisons respectives.",
                                     "VILLENEUVE"], indents={0: 12, 4: 200}, ends={3: 280, 4: 290})
    advert = _block("b", 50, 206, ["UN BON CONSEIL. Les médecins les plus dis-",
                                   "tingués recommandent journellement l'Eau du",
                                   "Dr Jacomy, dans les meilleures pharmacies."], indents={0: 12}, ends={2: 260})
    arts = [a for a in articles_from_layout([_page([dispatch, advert])]) if a.kind != "furniture"]
    assert len(arts) == 2, [a.text[:30] for a in arts]


def test_a_dash_items_lead_announcing_its_quotation_is_no_deck() -> None:
    """L'Union 1860 p. 3 (heldout8): the rubric "Italie." in a block of its own over a column block opening on "— On
    lit dans le Moniteur de l'Armée :" — a dash item's lead announcing what it quotes, the text's first line, not a
    deck of the rubric."""
    page = (Path(__file__).resolve().parents[1] / "data" / "heldout8" / "bnl_lunion_1860-11-30"
            / "1860-11-30_01-00003.xml")
    art = next(a for a in analyze_file(page).articles if a.headline == "Italie.")
    body = [p for p in art.parts if p.role not in ("headline", "subheadline", "kicker")]
    assert body and body[0].text.startswith("— On lit dans le Moniteur"), [(p.role, p.text[:30]) for p in art.parts]


def test_a_papers_credit_in_brackets_closes_the_dispatch_it_is_taken_from() -> None:
    """L'Union 1860 p. 3: "Wien, 26. Nov. Man schreibt der „D. A. Z.“ …" / "… garantiren würden." and the credit
    "(D. Z.)" in a block of its own under it: the paper the dispatch is taken from, its last words, no OCR noise."""
    report = _block("a", 50, 100, ["Wien, 26. Nov. Man schreibt der „D. A. Z.“, daß",
                                   "geſtern aus Paris eine Nachricht eingetroffen, die",
                                   "dem Hauſe Savoyen das neue Königreich",
                                   "garantiren würden."], indents={0: 12}, ends={3: 160})
    credit = _block("c", 230, 182, ["(D. Z.)"], width=60)
    arts = [a for a in articles_from_layout([_page([report, credit])]) if a.kind != "furniture"]
    body = [p for p in arts[0].parts if p.role == "paragraph"]
    assert len(arts) == 1 and body[-1].text.strip().endswith("(D. Z.)"), [(p.role, p.text[-20:]) for p in arts[0].parts]


def test_a_paragraph_quoting_another_paper_opens_an_item() -> None:
    """L'Union 1860 p. 4: after a dash item on the Emperor's stay at Wilna, "On écrit de Saint-Pétersbourg, en date du
    18 novembre, au Moniteur universel :" opens the quoted letter, an item of its own, as a French paper's formula
    quoting another paper does ("On lit dans la Presse :")."""
    block = _block("a", 50, 100, ["— Die „Polniſchen Nachrichten“ bringen noch einen",
                                  "Bericht über den Aufenthalt des Kaiſers in Wilna,",
                                  "wonach der Monarch ſehr befriedigt war.",
                                  "On écrit de Saint-Pétersbourg, en date du 18 no-",
                                  "vembre, au Moniteur universel :",
                                  "« Les obsèques de l'Impératrice mère ont été célé-",
                                  "brées hier à l'église Saint-Pierre et Saint-Paul. »"],
                   indents={3: 12, 5: 12}, ends={2: 200, 4: 180, 6: 250})
    arts = [a for a in articles_from_layout([_page([block])]) if a.kind != "furniture"]
    assert [a.text.split()[0] for a in arts] == ["—", "On"], [a.text[:30] for a in arts]
