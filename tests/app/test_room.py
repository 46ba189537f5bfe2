"""The reading column's room in a narrow window (reader.app.room): the page gives first, then the side panel, which
gets its width back when the room is there again."""

from __future__ import annotations

from reader.app.room import READABLE, Room, reading_room

MINS = {"side_min": 150, "page_min": 120}


def test_the_page_gives_first_then_the_side_panel() -> None:
    # 1024×700 with the Annotations dock open: the reading column was at its minimum
    assert reading_room(Room(300, 300, 134), **MINS) == Room(174, 440, 120, owed=126)
    assert reading_room(Room(300, 405, 311), **MINS) == Room(300, 440, 276)  # the page alone is enough


def test_the_side_panel_gets_back_what_it_gave() -> None:
    # the dock closed again: the reading column has more than it needs
    assert reading_room(Room(174, 700, 120, owed=126), **MINS) == Room(300, 574, 120)
    assert reading_room(Room(174, 500, 120, owed=126), **MINS) == Room(234, 440, 120, owed=66)


def test_room_enough_or_none_to_give_changes_nothing() -> None:
    assert reading_room(Room(300, 481, 369), **MINS) == Room(300, 481, 369)
    assert reading_room(Room(150, 300, 120), **MINS) == Room(150, 300, 120)
    assert reading_room(Room(0, 300, 130), **MINS) == Room(0, 310, 120)  # the side panel hidden (F9)


def test_the_side_panel_keeps_its_width_while_the_reader_drags_it() -> None:
    assert reading_room(Room(400, 300, 200), side_too=False, **MINS) == Room(400, 380, 120)
    assert reading_room(Room(174, 700, 120, owed=126), side_too=False, **MINS) == Room(174, 700, 120, owed=126)


def test_the_widths_add_up() -> None:
    for now in (Room(300, 200, 500), Room(250, 100, 130), Room(180, 420, 121), Room(160, 900, 300, owed=90)):
        got = reading_room(now, **MINS)
        assert got.side + got.article + got.page == now.side + now.article + now.page
        assert got.article <= max(now.article, READABLE)
