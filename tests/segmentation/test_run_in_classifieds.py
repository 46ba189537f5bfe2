"""Columns of classifieds set one under another (issue 15, session seg30): each classified one advert."""

from __future__ import annotations

from reader.model.document import Article, Block, Line, Page
from reader.segmentation.geometry import articles_from_layout

COPY, DISPLAY = 7.0, 10.0


def _ads_block(rows: list[tuple[str, float, float]], *, x0: float = 60, width: float = 720) -> Block:
    """An advertisement block of lines (text, top, size): copy lines 24 high, display lines 40."""
    lines = []
    for k, (text, top, size) in enumerate(rows):
        height = 24.0 if size == COPY else 40.0
        lines.append(Line(id=f"ad.l{k}", text=text, box=(x0, top, x0 + width, top + height), font_size=size))
    boxes = [ln.box for ln in lines if ln.box is not None]
    return Block(id="ad", lines=lines, type="advertisement",
                 box=(x0, min(b[1] for b in boxes), x0 + width, max(b[3] for b in boxes)))


def _ads(blocks: list[Block]) -> list[Article]:
    page = Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=2400, height=3400)
    return [a for a in articles_from_layout([page]) if a.kind != "furniture"]


def _column(rows: list[list[tuple[str, float]]], gap: float) -> list[tuple[str, float, float]]:
    """Classifieds of (text, size) lines, set 26 apart (a display line 44), ``gap`` of whitespace between two."""
    out: list[tuple[str, float, float]] = []
    y = 100.0
    for ad in rows:
        for text, size in ad:
            out.append((text, y, size))
            y += 26.0 if size == COPY else 44.0
        y += gap
    return out


CLASSIFIEDS = [
    [("Etude de Me DURAND, notaire à Brécey (Manche)", COPY),
     ("A LOUER pour la Saint-Michel, une belle ferme", COPY),
     ("de 42 hectares. S'adresser au notaire. 6342-4", COPY)],
    [("M S kilogs par mois, plaisir pour maigrir", COPY),
     ("sans danger. Notice et preuves gratuites.", COPY),
     ("Méthode Genevoise, 9, rue Michel-Chasles, PARIS.", COPY)],
    [("p aVf A\\l BIANO non silicaté, postal 10 kil.", COPY),
     ("24 fr. franco votre gare contre rembours.", COPY),
     ("SAVONNERIE DE RIO-TINTO, MARSEILLE. 36^4-23", COPY)],
    [("AUTOMOBILES", DISPLAY),
     ("PANHARD neuve, 10 HP torpédo, série à livrer", COPY),
     ("commencement 1919, prix du catalogue.", COPY)],
    [("IFII N F Fll I F de Rennes désire entrer", COPY),
     ("UtUllu riLLt dans magasin comme VEN-", COPY),
     ("DEUSE. S'adresser Ouest-Eclair, Rennes. îSOCrM", COPY)],
    [("Le spécialiste MELEARD achète plus cher que", COPY),
     ("tout autre les vieux dentiers, or et platine.", COPY)],
]


def test_classifieds_parted_by_a_blank_line_are_one_advert_each() -> None:
    """L'Ouest-Éclair 1918 p. 4: a column of classifieds in one block the source types as advertisements, each a few
    lines of copy (its display initial garbled into its first line at the copy's size, "M S kilogs", "p aVf A\\l
    BIANO"), a blank line between two: the whitespace parts them, whatever their first line looks like."""
    arts = _ads([_ads_block(_column(CLASSIFIEDS, gap=26.0))])
    firsts = [a.text.split()[0] for a in arts]
    assert firsts == ["Etude", "M", "p", "AUTOMOBILES", "IFII", "Le"], [a.text[:40] for a in arts]
    assert all(a.kind == "advertisement" for a in arts)
    assert arts[3].headline == "AUTOMOBILES"


def test_lines_of_one_advert_set_close_make_one_advert() -> None:
    """The same copy set without blank lines between (one advert's paragraphs, or lines the OCR boxed close) is
    not cut by whitespace; nor is an advert's copy under a comma broken off over a blank."""
    arts = _ads([_ads_block(_column(CLASSIFIEDS[:3], gap=4.0))])
    assert len(arts) == 1, [a.text[:40] for a in arts]
    broken = [[("Avant de sortir, quand vous avez à craindre", COPY),
               ("un courant d'air, des poussières irritantes,", COPY)],
              [("Ayez toujours en bouche une pastille", COPY),
               ("dont les essences protégeront vos bronches.", COPY)]]
    arts = _ads([_ads_block(_column(broken, gap=26.0))])
    assert len(arts) == 1, [a.text[:40] for a in arts]


def test_a_paragraphs_short_last_line_over_a_blank_goes_on_in_copy() -> None:
    """Gaulois 1884 p. 3, Maison L. Simon: a paragraph's short last line ("mande.") over a blank and copy under it
    ("La Maison n'a pas de succursale …") is one advert's next paragraph; a classified closes out to the measure
    (its order number flush right). Nor does a block's last line alone under a blank open an advert."""
    rows = _column([[("La Maison SIMON engage les personnes qui", COPY),
                     ("auraient des commandes à lui adresser à en", COPY),
                     ("faire la demande.", COPY)],
                    [("La Maison n'a pas de succursale à Paris", COPY),
                     ("ni en province, ni à l'étranger; bien observer", COPY),
                     ("le nom avant d'entrer. 3, rue de Rivoli.", COPY)],
                    [("Fabrique et Grands Magasins d'Ameublements", COPY)]], gap=26.0)
    block = _ads_block(rows)
    short = block.lines[2]
    assert short.box is not None
    short.box = (short.box[0], short.box[1], short.box[0] + 260, short.box[3])
    arts = _ads([block])
    assert len(arts) == 1, [a.text[:40] for a in arts]


def test_a_classifieds_display_opening_run_in_is_its_copy() -> None:
    """L'Ouest-Éclair 1918 p. 4: a classified opens on a line of capitals whose two-line initial the OCR boxed into
    it and the line under it (the two boxes overlap), or breaking off on a hyphen into its copy ("A VENDRE
    IMPORTANT STOCK DE DES-" / "SINS …"): that line is the copy's first, no headline; a display line standing
    clear over its copy ("SITUATION INDÉPENDANTE") heads it."""
    rows = _column([[("UN FORGERON ET UN BON ÉLECTRICIEN", COPY),
                     ("UIÏ runutnuil sont demandés par Usine de", COPY),
                     ("la région. S'adresser Ouest-Eclair, Rennes. 28066-3", COPY)],
                    [("A VENDRE IMPORTANT STOCK DE DES-", COPY),
                     ("SINS. Prix très avantageux à la Maison", COPY),
                     ("DUCROQUET Frères, à Vannes (Morbihan). 07974-15", COPY)],
                    [("SITUATION INDÉPENDANTE", DISPLAY),
                     ("Travailler au placement des Bons de l'Epargne,", COPY),
                     ("Ecrire à M. COSSIER, 60, rue Caumartin, PARIS.", COPY)]], gap=26.0)
    block = _ads_block(rows)
    first = block.lines[0]
    assert first.box is not None
    first.box = (first.box[0], first.box[1], first.box[2], first.box[3] + 14)  # the initial's lower half
    arts = _ads([block])
    assert [a.headline for a in arts] == [None, None, "SITUATION INDÉPENDANTE"], [a.text[:40] for a in arts]
    assert arts[0].text.startswith("UN FORGERON") and arts[1].text.startswith("A VENDRE")


def test_a_line_alone_over_a_blank_is_no_classified() -> None:
    """L'Ouest-Éclair 1918 p. 4: "CONSULTATIONS par-Correspondance" / "par Spécialistes : 10 francs", a title's
    first line letter-spaced out to the measure over a blank: one line alone makes no classified."""
    rows = _column([[("CONSULTATIONS par-Correspondance", COPY)],
                    [("par Spécialistes : 10 francs", COPY),
                     ("Successions, Loyers, Divorces, Pensions,", COPY),
                     ("Ecrire à M. LEROY, avoué, 27, Fg St-Vincent, Orléans.", COPY)]], gap=18.0)
    arts = _ads([_ads_block(rows)])
    assert len(arts) == 1, [a.text[:40] for a in arts]


def test_in_a_column_of_classifieds_a_short_last_line_over_a_blank_closes_one() -> None:
    """L'Ouest-Éclair 1918 p. 4: a block parted by blanks three times or more is a column of classifieds; there a
    classified whose last line stops short ("… à la lettre de commande.") closes over the blank as well, and the
    copy under it opens the next ("AN DEMANDE A LOUER …"), as under an address set larger than the copy."""
    rows = _column([*CLASSIFIEDS[:5],
                    [("Pour éviter les erreurs nous prions nos clients de", COPY),
                     ("joindre le montant à la lettre de commande.", COPY)],
                    [("AN DEMANDE A LOUER, de préférence avec pro-", COPY),
                     ("messe de vente, propriété close de trente hectares.", COPY),
                     ("Adresse aux bureaux de l'Ouest-Eclair, Rennes. 28066-3", COPY)]], gap=26.0)
    block = _ads_block(rows)
    short = next(ln for ln in block.lines if ln.text.endswith("commande."))
    assert short.box is not None
    short.box = (short.box[0], short.box[1], short.box[0] + 420, short.box[3])
    arts = _ads([block])
    assert [a.text.split()[0] for a in arts][-2:] == ["Pour", "AN"], [a.text[:40] for a in arts]


def test_display_lines_telling_a_sentence_are_an_adverts_copy() -> None:
    """L'Ouest-Éclair 1918 p. 4: "Exécution de tous ordres sur" / "Agent de change et Coulissiers." / "Renseignements
    financiers et" / "circulaire gratuitement." set larger than the copy under it, in sentence case to its stop: the
    advert's copy, no headline."""
    rows = _column([CLASSIFIEDS[0],
                    [("Exécution de tous ordres sur", DISPLAY), ("Agent de change et Coulissiers.", DISPLAY),
                     ("Renseignements financiers et", DISPLAY), ("circulaire gratuitement.", DISPLAY),
                     ("GUILLIER, Commissionnaire accrédité,", COPY), ("20, boulevard Haussmann, PARIS.", COPY)]],
                   gap=26.0)
    arts = _ads([_ads_block(rows)])
    assert len(arts) == 2 and arts[1].headline is None, [(a.headline, a.text[:30]) for a in arts]


def test_in_a_column_of_classifieds_a_comma_at_the_measure_closes_one() -> None:
    """L'Ouest-Éclair 1918 p. 4: "… boulev. Michelet, MARSEILLE," / blank / "LE VÉRITABLE SAVON": in a column of
    classifieds a last line out to the measure closing on a comma (the OCR's misread stop) closes its classified
    over the blank; outside such a column a comma goes on (see the test of one advert's lines set close)."""
    rows = _column([*CLASSIFIEDS[:4],
                    [("Sans attendre démobilisation tourneurs, ajusteurs,", COPY),
                     ("sont demandés pour Usine Marseille. S'adresser", COPY),
                     ("Etabl. CAPPORT, 2, boulev. Michelet, MARSEILLE,", COPY)],
                    [("LE VÉRITABLE SAVON", DISPLAY), ("marqué 72 % d'huile. Sans cette garantie,", COPY),
                     ("MINGARDON, Sébastopol, MARSEILLE. 3694-4", COPY)]], gap=26.0)
    arts = _ads([_ads_block(rows)])
    assert [a.text.split()[0] for a in arts][-2:] == ["Sans", "LE"], [a.text[:40] for a in arts]


def test_in_a_column_of_classifieds_display_type_under_a_closed_one_opens_the_next_over_less_white() -> None:
    """L'Ouest-Éclair 1918 p. 4: "… 4, pl. du Commerce, NANTES." / half a blank / "A VENDRE BOLS A CIDRE" set large:
    in a column of classifieds display type under a classified closed on its full stop opens the next over less
    whitespace than a blank line."""
    rows = _column(CLASSIFIEDS[:4], gap=26.0)
    y = rows[-1][1] + 26.0 + 12.0
    rows += [("A VENDRE BOLS A CIDRE", y, DISPLAY), ("Caissette 10 bols franco votre gare.", y + 44.0, COPY),
             ("Adr. mandat 5 fr. René LEGRIS, Fécamp (S.-Inf.).", y + 70.0, COPY)]
    rows[-4] = (rows[-4][0].replace("catalogue.", "catalogue, NANTES."), rows[-4][1], rows[-4][2])
    arts = _ads([_ads_block(rows)])
    assert [a.text.split()[0] for a in arts][-2:] == ["AUTOMOBILES", "A"], [a.text[:40] for a in arts]
    assert arts[-1].headline == "A VENDRE BOLS A CIDRE"
