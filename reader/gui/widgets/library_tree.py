"""The library pane's tree: publications → issues (by date) → pages.

:class:`LibraryTree` lists what the catalogue holds with article counts; pages
are filled in when an issue is expanded or selected, so a library with
thousands of issues opens at once. The articles of the selection are in
:class:`reader.gui.widgets.article_list.ArticleList`.
"""

from __future__ import annotations

import logging
from pathlib import PurePath

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.app.archive import Archive
from reader.text.dates import with_minguo

log = logging.getLogger(__name__)

ROLE_KIND = Qt.ItemDataRole.UserRole
ROLE_ID = Qt.ItemDataRole.UserRole + 1


class LibraryTree(QTreeWidget):
    """Publications, their issues by date and each issue's pages."""

    issue_selected = Signal(int)
    #: (page id, issue id)
    page_selected = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryTree")
        self.setAccessibleName(self.tr("Library"))
        self.setHeaderLabels([self.tr("Publication, issue, page"), self.tr("Articles")])
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setUniformRowHeights(True)
        self.archive: Archive | None = None
        self._issues: dict[int, QTreeWidgetItem] = {}
        self._pages: dict[int, QTreeWidgetItem] = {}
        #: issues that :meth:`select` opened (not the user): folded again when the reader leaves them
        self._opened: set[int] = set()
        self._opening = False
        #: the current item was chosen while the tree was hidden: scrolled to when it is shown
        self._reveal_when_shown = False
        self.itemExpanded.connect(self._expanded)
        self.itemCollapsed.connect(self._collapsed)
        self.currentItemChanged.connect(self._current_changed)

    def set_archive(self, archive: Archive | None) -> None:
        """Show ``archive``'s publications, nothing current: an issue or a page of another library is none of its
        own, even with the same id (the new library's first page, chosen next, was taken for the page already
        current and nothing was shown anew — the last library's articles stayed on screen)."""
        if archive is not self.archive:
            self.blockSignals(True)
            self.clear()
            self.blockSignals(False)
        self.archive = archive
        self.reload()

    def reload(self) -> None:
        """Rebuild the tree from the catalogue, keeping the current selection when it still exists."""
        current = self.current_key()
        self.blockSignals(True)
        self.clear()
        self._issues = {}
        self._pages = {}
        self._opened = set()
        if self.archive is not None:
            by_pub: dict[str, QTreeWidgetItem] = {}
            for pub in self.archive.publications():
                item = QTreeWidgetItem([pub.name, ""])
                item.setData(0, ROLE_KIND, "publication")
                item.setData(0, ROLE_ID, pub.id)
                self.addTopLevelItem(item)
                by_pub[pub.name] = item
            for issue in self.archive.issues():
                parent = by_pub.get(issue.publication)
                if parent is None:
                    continue
                label = with_minguo(issue.date, issue.publication) or self.tr("undated")
                if issue.edition:
                    label += f" · {issue.edition}"
                if issue.label:
                    label += f" · {issue.label}"
                label += " · " + self.tr("%n page(s)", "", issue.pages)
                item = QTreeWidgetItem([label, str(issue.articles)])
                item.setToolTip(0, label)  # whole where a narrow panel cuts it
                item.setData(0, ROLE_KIND, "issue")
                item.setData(0, ROLE_ID, issue.id)
                item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
                parent.addChild(item)
                self._issues[issue.id] = item
            for pub_item in by_pub.values():
                n = 0
                for i in range(pub_item.childCount()):
                    child = pub_item.child(i)
                    n += int(child.text(1) or 0) if child is not None else 0
                pub_item.setText(1, str(n))
            if self.topLevelItemCount() <= 3:
                self.expandToDepth(0)
        if current is not None:  # quietly: a reload (after an import) never moves the reader
            self.select(*current)
        self.blockSignals(False)

    def refresh_counts(self) -> None:
        """Count the articles again (the reader merged or split some): the issues, their publications and the
        pages listed."""
        if self.archive is None:
            return
        totals: dict[int, int] = {}
        for issue in self.archive.issues():
            item = self._issues.get(issue.id)
            if item is None:
                continue
            item.setText(1, str(issue.articles))
            if item.childCount():
                counts = {p.id: p.articles for p in self.archive.pages(issue.id)}
                for page_id, page_item in self._pages.items():
                    if page_id in counts:
                        page_item.setText(1, str(counts[page_id]))
            parent = item.parent()
            if parent is not None:
                totals[id(parent)] = totals.get(id(parent), 0) + issue.articles
        for i in range(self.topLevelItemCount()):
            pub = self.topLevelItem(i)
            if pub is not None and id(pub) in totals:
                pub.setText(1, str(totals[id(pub)]))

    def _expanded(self, item: QTreeWidgetItem) -> None:
        if not self._opening and item.data(0, ROLE_KIND) == "issue":  # the user's: it stays open
            self._opened.discard(int(item.data(0, ROLE_ID)))
        self._fill_pages(item)

    def _collapsed(self, item: QTreeWidgetItem) -> None:
        if item.data(0, ROLE_KIND) == "issue":
            self._opened.discard(int(item.data(0, ROLE_ID)))

    def _fold_opened(self, keep: int) -> None:
        """Fold the issues opened for earlier selections, all but ``keep``.

        Following a hundred search hits used to leave a hundred issues open (and
        every later selection slower to scroll to); issues the user opened stay open.
        """
        for other in self._opened - {keep}:
            item = self._issues.get(other)
            if item is not None:
                item.setExpanded(False)
        self._opened &= {keep}

    def _open(self, issue_id: int) -> None:
        """Open the issue being read, remembering it was opened for the reader, not by the user."""
        item = self._issues.get(issue_id)
        if item is None or item.isExpanded():
            return
        self._opening = True
        try:
            item.setExpanded(True)
        finally:
            self._opening = False
        self._opened.add(issue_id)

    def _fill_pages(self, item: QTreeWidgetItem) -> None:
        if item.data(0, ROLE_KIND) != "issue" or item.childCount() or self.archive is None:
            return
        issue_id = int(item.data(0, ROLE_ID))
        pages = self.archive.pages(issue_id)
        shown = [page.label or str(page.number) for page in pages]
        for page, number in zip(pages, shown, strict=True):
            label = self.tr("Page %1").replace("%1", number)
            if shown.count(number) > 1 and page.source:  # two rows "Page 1" (two text files of one day): their files
                label = f"{label} · {PurePath(page.source).name}"
            child = QTreeWidgetItem([label, str(page.articles)])
            child.setData(0, ROLE_KIND, "page")
            child.setData(0, ROLE_ID, page.id)
            child.setToolTip(0, page.source)
            item.addChild(child)
            self._pages[page.id] = child
        item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorWhenChildless)

    def _current_changed(self, item: QTreeWidgetItem | None, _prev: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        kind = item.data(0, ROLE_KIND)
        if kind == "issue":
            self.issue_selected.emit(int(item.data(0, ROLE_ID)))
        elif kind == "page":
            parent = item.parent()
            if parent is not None:
                self.page_selected.emit(int(item.data(0, ROLE_ID)), int(parent.data(0, ROLE_ID)))

    def current_key(self) -> tuple[str, int, int] | None:
        item = self.currentItem()
        if item is None:
            return None
        kind = str(item.data(0, ROLE_KIND))
        parent = item.parent()
        issue = int(parent.data(0, ROLE_ID)) if kind == "page" and parent is not None else int(item.data(0, ROLE_ID))
        return kind, int(item.data(0, ROLE_ID)), issue

    def select(self, kind: str, ident: int, issue_id: int | None = None) -> bool:
        """Make an issue or a page current (filling pages as needed); False when it is not in the tree."""
        if kind == "issue" and ident in self._issues:
            self._fold_opened(keep=ident)
            self.setCurrentItem(self._issues[ident])
            return True
        if kind == "page":
            if ident not in self._pages and issue_id is not None and issue_id in self._issues:
                self._fill_pages(self._issues[issue_id])
            item = self._pages.get(ident)
            if item is not None:
                parent = item.parent()
                if parent is not None:
                    self._fold_opened(keep=int(parent.data(0, ROLE_ID)))
                    self._open(int(parent.data(0, ROLE_ID)))
                self.setCurrentItem(item)
                return True
        return False

    def select_page_quietly(self, page_id: int, issue_id: int) -> None:
        """Show which page is being read without reloading the article list."""
        self.select_quietly("page", page_id, issue_id)

    def select_quietly(self, kind: str, ident: int, issue_id: int | None = None) -> bool:
        """Show which issue or page is being read without emitting (the window already shows it). While the tree
        is hidden (the Search tab is in front of it) the issues it opens and folds are only noted, and laid out and
        scrolled to when it is shown: opening and folding an issue among 2,500 laid the tree out again, ~3.5 ms of
        every hit opened at 10,000 pages."""
        hidden = not self.isVisible()
        if hidden:
            self.scheduleDelayedItemsLayout()  # expand / collapse now only note the change
        self.blockSignals(True)
        try:
            found = self.select(kind, ident, issue_id)
            item = self.currentItem()
            if found and item is not None:
                if hidden:
                    self._reveal_when_shown = True
                else:
                    self.scrollToItem(item)
            return found
        finally:
            self.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        item = self.currentItem()
        if self._reveal_when_shown and item is not None:
            self.scrollToItem(item)
        self._reveal_when_shown = False

    def first_page(self, publication: str | None = None) -> tuple[int, int] | None:
        """(page id, issue id) of the first page with articles, in tree order (else the very first page).

        With ``publication``, that publication's first page is preferred.
        """
        if self.archive is None:
            return None
        fallback: tuple[int, int] | None = None
        pubs = [item for item in (self.topLevelItem(p) for p in range(self.topLevelItemCount())) if item is not None]
        pubs.sort(key=lambda item: item.text(0) != publication)
        for pub in pubs:
            for i in range(pub.childCount()):
                child = pub.child(i)
                if child is None:
                    continue
                issue_id = int(child.data(0, ROLE_ID))
                for page in self.archive.pages(issue_id):
                    if page.articles:
                        return page.id, issue_id
                    fallback = fallback or (page.id, issue_id)
        return fallback

    def neighbour_page(self, page_id: int, issue_id: int, step: int) -> tuple[int, int] | None:
        """The page ``step`` pages away, crossing into the next or previous issue."""
        if self.archive is None:
            return None
        order: list[tuple[int, int]] = []
        ids = list(self._issues)
        pos = ids.index(issue_id) if issue_id in ids else 0
        for iid in ids[max(0, pos - 1): pos + 2]:
            order.extend((p.id, iid) for p in self.archive.pages(iid))
        if (page_id, issue_id) not in order:
            return None
        i = order.index((page_id, issue_id)) + step
        return order[i] if 0 <= i < len(order) else None
