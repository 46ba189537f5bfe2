"""The articles of the selected page or issue: headline, kind and first words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.app.archive import Archive
from reader.model.document import cut_at_word

ROLE_ID = Qt.ItemDataRole.UserRole + 1


class ArticleList(QTreeWidget):
    """Articles of a page or an issue: headline, kind and first words."""

    article_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setAccessibleName(self.tr("Articles"))
        self.setHeaderLabels([self.tr("Headline"), self.tr("Kind"), self.tr("Begins")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, 220)
        self.setColumnWidth(1, 70)
        self.archive: Archive | None = None
        #: (article id, a piece of its text) → that piece as the reading view shows it (the script chosen)
        self.shown: Callable[[str, str], str] = lambda _article, text: text
        #: what is listed: (issue, page), for :meth:`relist`
        self._listed: tuple[int | None, int | None] | None = None
        self.currentItemChanged.connect(self._current_changed)
        self._quiet = False

    def show_articles(self, archive: Archive, issue_id: int | None = None, page_id: int | None = None) -> None:
        self.archive = archive
        self._listed = (issue_id, page_id)
        self._quiet = True
        self.clear()
        for info in archive.articles(issue_id=issue_id, page_id=page_id):
            begins = self.shown(info.id, archive.first_words(info.id))
            printed = archive.headline_of(info)
            printed = self.shown(info.id, printed) if printed else printed
            # "…" where the words are cut, at a word's end (seen by eye: a running head "( 484 )" was listed
            # "( 484 )…"; "gewiegelt worden; ſo ſch…" cut inside a word)
            headline = printed or cut_at_word(begins, 16) or info.local_id
            item = QTreeWidgetItem([headline, self._kind_label(info.kind), begins])
            item.setData(0, ROLE_ID, info.id)
            item.setToolTip(0, headline if printed else self.tr("No printed headline: its first words"))
            item.setToolTip(2, begins)
            if not printed:  # set apart: first words must not pass for a printed headline (search says "none")
                font = item.font(0)
                font.setItalic(True)
                item.setFont(0, font)
            self.addTopLevelItem(item)
        self._quiet = False

    def relist(self) -> None:
        """List the same articles again, the same one current (the script changed: they read in it)."""
        if self.archive is None or self._listed is None:
            return
        item = self.currentItem()
        current = str(item.data(0, ROLE_ID)) if item is not None else None
        self.show_articles(self.archive, *self._listed)
        if current is not None:
            self.mark(current)

    def show_none(self) -> None:
        """No articles listed (another library is being opened); none of them is opened as the rows go."""
        self.archive = None
        self._listed = None
        self._quiet = True
        try:
            self.clear()
        finally:
            self._quiet = False

    def _kind_label(self, kind: str) -> str:
        labels = {
            "article": self.tr("article"), "photo": self.tr("photo"), "advertisement": self.tr("advert"),
            "notice": self.tr("notice"), "furniture": self.tr("furniture"),
        }
        return labels.get(kind, kind)

    def ids(self) -> list[str]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [str(item.data(0, ROLE_ID)) for item in items if item is not None]

    def entries(self) -> list[tuple[str, str]]:
        """(id, headline as listed) of every article listed, in order."""
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [(str(item.data(0, ROLE_ID)), item.text(0)) for item in items if item is not None]

    def mark(self, article_id: str) -> None:
        """Make ``article_id`` current without emitting (the window already shows it)."""
        self._quiet = True
        try:
            for i in range(self.topLevelItemCount()):
                item = self.topLevelItem(i)
                if item is not None and item.data(0, ROLE_ID) == article_id:
                    self.setCurrentItem(item)
                    self.scrollToItem(item)
                    break
        finally:
            self._quiet = False

    def _current_changed(self, item: QTreeWidgetItem | None, _prev: QTreeWidgetItem | None) -> None:
        if item is not None and not self._quiet:
            self.article_activated.emit(str(item.data(0, ROLE_ID)))
