"""A bulletin of telegrams (issue 15, session seg30): each telegram opens on its place and date."""

from __future__ import annotations

from reader.model.document import Block, Line, Page
from reader.segmentation.geometry import articles_from_layout
from reader.segmentation.roles import is_dateline_lead, latin_dateline


def test_a_telegrams_day_of_the_week_stands_between_its_place_and_date() -> None:
    """L'Union 1860 p. 4, "Bulletin télégraphique.": "Paris, mardi, 27 novembre.", "Londres, mardi matin, 27
    novembre." — the day of the week (and time of day) between the place and the date; a phrase naming a day is
    still no place."""
    for text in ("Paris, mardi, 27 novembre. La Presse de ce soir dit que",
                 "Londres, mardi matin, 27 novembre. L'Office Reuter a reçu",
                 "Vienne, mardi matin, 27 novembre.",
                 "NEW YORK, Monday evening, March 3.—The steamer"):
        assert latin_dateline(text) and is_dateline_lead(text), text
    assert not is_dateline_lead("Le même jour, 28 janvier, les autorités ont")


def _bulletin(heads: list[str]) -> list[str]:
    """A "Bulletin télégraphique." heading block over one block of telegrams: the first opens the block run in on its
    dateline, each next one's place and date stand alone well in from the left over an indented paragraph."""
    rows: list[tuple[str, float, float]] = []  # text, left, right
    for k, head in enumerate(heads):
        if k:
            rows += [(head, 250.0, 420.0), ("La députation du parlement a présenté", 80.0, 560.0)]
        else:
            rows.append((f"{head} La Presse de ce soir dit que", 80.0, 560.0))
        rows += [("le bruit a couru aujourd'hui à la Bourse", 50.0, 560.0),
                 ("que les prisonniers alliés ont été tués.", 50.0, 560.0),
                 ("Les dernières nouvelles démentent ces", 80.0, 560.0),
                 ("rumeurs.", 50.0, 150.0)]
    lines = [Line(id=f"b.l{n}", text=t, box=(x0, 200 + 24 * n, x1, 220 + 24 * n)) for n, (t, x0, x1) in enumerate(rows)]
    title = Block(id="t", lines=[Line(id="t.l0", text="Bulletin télégraphique.", box=(200, 160, 420, 184))],
                  box=(200, 160, 420, 184), type="heading")
    body = Block(id="b", lines=lines, box=(50, 200, 560, 200 + 24 * len(rows)))
    page = Page(number=1, blocks=[title, body], lines=[*title.lines, *lines], width=1000, height=1400)
    return [a.text for a in articles_from_layout([page]) if a.kind != "furniture"]


def test_a_bulletins_telegrams_set_alone_on_their_lines_are_items_each() -> None:
    """L'Union 1860 p. 4: under "Bulletin télégraphique." one block holds the telegrams, each opening on its place
    and date set alone well in from the left ("Turin, 27 novembre.") over its paragraph's indented first line: each
    is an item. One such line alone in a block (the Journal des Débats 1821's "PARIS, 31 juillet." under its
    rubric's first dispatch) dates the same report's next news and opens nothing."""
    texts = _bulletin(["Paris, 27 novembre.", "Turin, 27 novembre.", "Londres, 27 novembre."])
    assert len(texts) == 3 and texts[1].startswith("Turin") and texts[2].startswith("Londres"), texts
    assert len(_bulletin(["Paris, 27 novembre.", "Turin, 27 novembre."])) == 1
