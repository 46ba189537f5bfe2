"""The reading column's room in a narrow window (reader.app.room): the page gives first, then the side panel."""

from __future__ import annotations

from reader.app.room import READABLE, reading_room


def test_the_page_gives_first_then_the_side_panel() -> None:
    # 1024×700 with the Annotations dock open: the reading column was at its minimum
    assert reading_room(300, 300, 134, side_min=150, page_min=120) == (174, 440, 120)
    assert reading_room(300, 405, 311, side_min=150, page_min=120) == (300, 440, 276)  # the page alone is enough


def test_room_enough_or_none_to_give_changes_nothing() -> None:
    assert reading_room(300, 481, 369, side_min=150, page_min=120) == (300, 481, 369)
    assert reading_room(150, 300, 120, side_min=150, page_min=120) == (150, 300, 120)
    assert reading_room(0, 300, 130, side_min=150, page_min=120) == (0, 310, 120)  # the side panel hidden (F9)


def test_the_side_panel_keeps_its_width_while_the_reader_drags_it() -> None:
    assert reading_room(400, 300, 200, side_min=150, page_min=120, side_too=False) == (400, 380, 120)


def test_the_widths_add_up() -> None:
    for side, article, page in ((300, 200, 500), (250, 100, 130), (180, 420, 121)):
        got = reading_room(side, article, page, side_min=150, page_min=120)
        assert sum(got) == side + article + page and got[1] <= max(article, READABLE)
