"""Whose work is whose in a shared library, as the window presents it: the one place that decides.

In a PostgreSQL library every annotation, collection and correction has an owner (the database role that
wrote it) and a visibility (:mod:`reader.library.owners`; the server enforces it). The window shows the
owner beside every piece of work that is not the current role's, offers the choice of visibility when
work is made (private by default), and lets the researcher change it — and edit or delete — only on
their own. A library folder is one person's: no owner is shown and nothing is offered (its work is
recorded as private and exported so).

Widgets only present what :class:`Sharing` says: :meth:`Sharing.byline` (whose, seen by whom, may it be
changed here) and :attr:`Sharing.new_work` (what a correction or a collection made by a direct action
gets: corrections are made by merges, splits and headline picks, which ask no questions).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.library.catalogue import Library
from reader.library.owners import VISIBILITIES, Visibility, current_owner, is_postgres

__all__ = ["VISIBILITIES", "Byline", "Sharing", "Visibility"]


@dataclass(frozen=True)
class Byline:
    """What the window says about one piece of work."""

    #: its owner when that is someone else (the window names them); "" when it is the reader's own
    owner: str
    visibility: Visibility
    #: whether the reader may edit, delete it or change its visibility (their own work only)
    editable: bool

    @property
    def shown(self) -> bool:
        """Whether there is anything to say: another's work, or the reader's own shared beyond them."""
        return bool(self.owner) or (self.editable and self.visibility is not Visibility.PRIVATE)


@dataclass
class Sharing:
    """Whether the library is shared and who the reader is in it (the database role)."""

    shared: bool
    me: str
    #: the visibility of work made by direct actions (corrections, collections); a dialog's choice starts at it
    new_work: Visibility = field(default=Visibility.PRIVATE)

    @classmethod
    def of(cls, library: Library) -> Sharing:
        """The library's: shared when it is a PostgreSQL database, the reader its current role."""
        shared = is_postgres(library.conn)
        return cls(shared, current_owner(library.conn) if shared else "")

    def byline(self, owner: str, visibility: str | Visibility) -> Byline:
        """About a piece of work owned by ``owner`` with ``visibility`` (as stored)."""
        try:
            vis = Visibility.parse(visibility)
        except ValueError:
            vis = Visibility.PRIVATE
        if not self.shared:
            return Byline("", vis, True)
        mine = not owner or owner == self.me
        return Byline("" if mine else owner, vis, mine)

    def choose(self, visibility: str | Visibility) -> Visibility:
        """The visibility for new work from now on (``--visibility``'s words); ValueError for another word."""
        self.new_work = Visibility.parse(visibility)
        return self.new_work
