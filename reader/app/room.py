"""How the window's width is shared when it is short: the reading column first.

The window beside the text holds the side panel (library, search, collections) and the page; a dock (the
Annotations) takes its room from all of them. Qt's splitters share a change of width by their stretch factors, so a
narrow window with the dock open left the reading column at its minimum, a few words a line, beside a page and a
side panel that kept theirs (seen by the by-eye tester at 1024×700: ~250 px). :func:`reading_room` gives the
reading column :data:`READABLE` pixels where the others can give them.
"""

from __future__ import annotations

#: a reading column worth the name: ~18 Chinese characters or ~40 Latin letters a line at the default text size
READABLE = 440


def reading_room(side: int, article: int, page: int, *, side_min: int, page_min: int, side_too: bool = True,
                 readable: int = READABLE) -> tuple[int, int, int]:
    """The widths of the side panel, the reading column and the page (their sum kept) giving the reading column
    ``readable`` pixels where it has fewer: taken from the page first, down to ``page_min``, then — ``side_too``
    (not while the reader drags the side panel wider) — from the side panel, down to ``side_min``. Unchanged where
    the reading column has its room, or nothing can give it (a hidden side panel is 0 wide)."""
    need = readable - article
    if need <= 0:
        return side, article, page
    from_page = max(0, min(need, page - page_min))
    page, article, need = page - from_page, article + from_page, need - from_page
    if side_too and need > 0:
        from_side = max(0, min(need, side - side_min))
        side, article = side - from_side, article + from_side
    return side, article, page
