"""How the window's width is shared when it is short: the reading column first.

The window beside the text holds the side panel (library, search, collections) and the page; a dock (the
Annotations) takes its room from all of them. Qt's splitters share a change of width by their stretch factors, so a
narrow window with the dock open left the reading column at its minimum, a few words a line, beside a page and a
side panel that kept theirs (seen by the by-eye tester at 1024×700: ~250 px). :func:`reading_room` gives the
reading column :data:`READABLE` pixels where the others can give them, and the side panel its width back once the
room is there again (the dock closed, the window wider).
"""

from __future__ import annotations

from typing import NamedTuple

#: a reading column worth the name: ~18 Chinese characters or ~40 Latin letters a line at the default text size
READABLE = 440


class Room(NamedTuple):
    """The widths of the side panel, the reading column and the page, and what the side panel is owed."""

    side: int
    article: int
    page: int
    #: pixels taken from the side panel for the reading column, given back when it has more than it needs
    owed: int = 0


def reading_room(now: Room, *, side_min: int, page_min: int, side_too: bool = True,
                 readable: int = READABLE) -> Room:
    """``now`` shared again (the widths' sum kept): the reading column given ``readable`` pixels where it has fewer
    — taken from the page first, down to ``page_min``, then (``side_too``: not while the reader drags the side panel)
    from the side panel, down to ``side_min``, and owed to it —; what the side panel is owed given back where the
    reading column has more. Unchanged where nothing can give (a hidden side panel is 0 wide)."""
    side, article, page, owed = now
    need = readable - article
    if need < 0 and owed > 0 and side_too:
        back = min(owed, -need)
        return Room(side + back, article - back, page, owed - back)
    if need <= 0:
        return now
    from_page = max(0, min(need, page - page_min))
    page, article, need = page - from_page, article + from_page, need - from_page
    if side_too and need > 0:
        from_side = max(0, min(need, side - side_min))
        side, article, owed = side - from_side, article + from_side, owed + from_side
    return Room(side, article, page, owed)
