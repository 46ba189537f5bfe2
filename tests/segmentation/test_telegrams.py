"""A bulletin of telegrams (issue 15, session seg30): each telegram opens on its place and date."""

from __future__ import annotations

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
