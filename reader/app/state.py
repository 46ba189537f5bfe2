"""The reader's state: what the window shows now, as a plain object (no Qt).

The window owns one :class:`ReaderState` and reads and writes it instead of
keeping the current publication, issue, page, article and search hits in
attributes of its own; the controllers of :mod:`reader.gui` share it through
the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class ReaderState:
    """The current publication, issue, page and article, and the search hits shown in the article."""

    publication: str | None = None
    issue_id: int | None = None
    page_id: int | None = None
    article_id: str | None = None
    #: ranges of ``Article.text`` the search matched in the current article
    hits: list[tuple[int, int]] = field(default_factory=list)
    #: index in :attr:`hits` of the current hit (None: no hit is current)
    hit: int | None = None

    def clear(self) -> None:
        """Nothing is shown (a library was just opened)."""
        self.publication = self.issue_id = self.page_id = self.article_id = None
        self.hits = []
        self.hit = None

    def show_article(self, article_id: str, hits: Sequence[tuple[int, int]] = (), *,
                     publication: str | None = None, issue_id: int | None = None) -> None:
        """``article_id`` is shown, with these hits; the first hit (if any) is current."""
        self.article_id = article_id
        self.hits = [(int(s), int(e)) for s, e in hits]
        self.hit = 0 if self.hits else None
        if publication is not None:
            self.publication = publication
        if issue_id is not None:
            self.issue_id = issue_id

    def set_hit(self, index: int) -> None:
        """The hit at ``index`` is current; ValueError when there is no such hit."""
        if not 0 <= index < len(self.hits):
            raise ValueError(f"there is no hit {index} among {len(self.hits)}")
        self.hit = index

    @property
    def current_hit(self) -> tuple[int, int] | None:
        """The range of the current hit, or None."""
        return self.hits[self.hit] if self.hit is not None else None

    def neighbour(self, ids: Sequence[str], step: int) -> str | None:
        """The article ``step`` places from the current one in ``ids`` (the first when the current one is not
        listed); None past either end of the list, where the reader turns the page instead."""
        if not ids:
            return None
        current = self.article_id
        i = list(ids).index(current) + step if current is not None and current in ids else 0
        return ids[i] if 0 <= i < len(ids) else None
