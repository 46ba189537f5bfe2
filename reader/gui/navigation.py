"""Moving through the library in the window: issues, pages, articles, lines of the layout and search hits.

The reflowed article and its page are kept in step: selecting text lights its
source lines on the layout (and turns to the page holding them); clicking a
line opens its article at that paragraph; the current article's lines stay
outlined and search hits are filled. What is shown is in the window's
:class:`~reader.app.state.ReaderState`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QScrollBar

from reader.app.archive import Hit
from reader.app.reading import Reading
from reader.app.readplace import KeptPlace, WordsRead
from reader.model.document import Article
from reader.text.dates import with_minguo

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

#: the reader's place is stored this long after the last article opened, not at every open: storing it
#: saves the settings file and syncs it to disk on the GUI thread (16 ms at each open on a busy disk, a
#: third of opening an article); stepping through articles stores it once, and closing the window or the
#: library at once
PLACE_DELAY_MS = 1000


class Navigator:
    """Shows issues, pages and articles in the window's views and keeps them in step."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.state = window.state
        self._place_timer = QTimer(window)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(PLACE_DELAY_MS)
        self._place_timer.timeout.connect(self.remember_place)

    def show_nothing(self) -> None:
        """No issue, page or article shown and no search's hits, concordance lines or timeline bars listed (another
        library is opened: what the last one showed is none of it — seen by eye, its article list, text and hits
        stayed under the new one's title, and its concordance lines opened ids of the closed library)."""
        w = self.w
        self.state.clear()
        w.article_list.show_none()
        w.article_view.set_article(None)
        w.layout_view.set_page(None)
        w.corrections.base_article = None
        w.corrections.base_source = w.corrections.base_digest = None
        w.search.clear_results()
        w.studies.show_nothing()
        w.annotating.show_annotations()

    def show_issue(self, issue_id: int) -> None:
        w = self.w
        if w.archive is None:
            return
        self.state.issue_id = issue_id
        w.article_list.show_articles(w.archive, issue_id=issue_id)
        pages = w.archive.pages(issue_id)
        if pages:
            self.show_page_layout(pages[0].id, issue_id)
        self.open_first_listed()

    def show_page(self, page_id: int, issue_id: int) -> None:
        w = self.w
        if w.archive is None:
            return
        self.state.issue_id = issue_id
        w.article_list.show_articles(w.archive, page_id=page_id)
        self.show_page_layout(page_id, issue_id)
        self.open_first_listed()

    def open_first_listed(self) -> None:
        w = self.w
        ids = w.article_list.ids()
        if not ids or w.archive is None:
            return
        chosen = ids[0]
        for aid in ids:  # page furniture (mastheads, folios) is a poor first read
            if w.archive.info(aid).kind not in ("furniture",):
                chosen = aid
                break
        self.open_article(chosen, page_id=self.state.page_id)

    def show_page_layout(self, page_id: int, issue_id: int | None = None) -> None:
        w = self.w
        if w.archive is None:
            return
        page = w.archive.page(page_id)
        self.state.page_id = page_id
        if issue_id is not None:
            self.state.issue_id = issue_id
        w.layout_view.set_page(page, (str(w.archive.folder), page_id))

    def open_article(self, article_id: str, hits: Sequence[tuple[int, int]] = (), page_id: int | None = None,
                     line: tuple[str, int] | None = None) -> None:
        """Show an article beside its page: hits are ranges of ``Article.text``; ``line`` puts the cursor there."""
        w, state = self.w, self.state
        if w.archive is None:
            return
        merged = w.archive.merged_at(article_id)
        if merged is not None:  # merged into another by the reader: shown there, at its words — never its old text
            # alone, where a note would be stored on another article than the one on screen (seen by eye, eye47)
            article_id, hits, line = merged[0], (), line or (merged[1], 0)
        base = w.archive.article(article_id)
        art = w.archive.corrected(base) if w.corrections.show_corrected else base
        w.corrections.base_article = base
        info = w.archive.info(article_id)
        w.corrections.base_source = info.source
        w.corrections.base_digest = w.archive.source_digest(info.source) if info.source else None
        page_ids = w.archive.page_ids(article_id)
        if page_id is None or page_id not in page_ids:
            page_id = page_ids[0] if page_ids else None
        state.show_article(article_id, hits, publication=info.publication or None)
        if page_id is not None:
            w.display.auto_vertical(w.archive.page(page_id).vertical)
        w.article_view.set_article(art, state.hits)
        w.layout_view.set_lit([], scroll=False)  # the last article's selection is not this one's
        w.annotating.show_annotations()
        if page_id is not None:
            if page_id != state.page_id or w.layout_view.page is not w.archive.page(page_id):  # read anew: shown anew
                self.show_page_layout(page_id, info.issue_id)
            state.issue_id = info.issue_id
        self.outline_article()
        w.layout_view.set_hits(w.article_view.hit_lines())
        if state.hits:
            w.layout_view.reveal(w.article_view.hit_lines()[:1])
        elif line is None:
            w.layout_view.reveal(art.line_ids()[:1])
        if line is not None:
            w.article_view.reveal_line(*line)
        self.follow(article_id, page_id, info.issue_id)
        w.article_list.mark(article_id)
        self.update_position()
        w.article_shown.emit(article_id)

    def follow(self, article_id: str, page_id: int | None, issue_id: int) -> None:
        """The library tree and the article list follow the open article (a hit, a link, a restored place):
        a list that does not hold it is replaced by its page's (or issue's) articles."""
        w = self.w
        if w.archive is None:
            return
        if article_id not in w.article_list.ids():
            if page_id is not None:
                w.article_list.show_articles(w.archive, page_id=page_id)
                w.tree.select_quietly("page", page_id, issue_id)
            else:
                w.article_list.show_articles(w.archive, issue_id=issue_id)
                w.tree.select_quietly("issue", issue_id)
            return
        key = w.tree.current_key()
        if key is None or (key[0] == "page" and key[1] != page_id and page_id is not None):
            if page_id is not None:
                w.tree.select_quietly("page", page_id, issue_id)
            else:
                w.tree.select_quietly("issue", issue_id)

    def outline_article(self) -> None:
        w = self.w
        art = w.article_view.article
        if art is None:
            return
        on_page = w.layout_view.lines
        regions = [[lid for lid in p.line_ids if lid in on_page] for p in art.parts]
        w.layout_view.set_article([lid for lid in art.line_ids() if lid in on_page], [r for r in regions if r])
        w.layout_view.set_annotated(w.article_view.highlight_lines())

    def open_line(self, line_id: str, offset: int) -> None:
        """A line of the layout was clicked: open its article at that paragraph."""
        w, state = self.w, self.state
        if w.archive is None or state.page_id is None:
            return
        place = w.archive.line_map(state.page_id).get(line_id)
        if place is None:
            w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "This line belongs to no article."),
                                      3000)
            return
        if place.article != state.article_id:
            self.open_article(place.article, page_id=state.page_id, line=(line_id, offset))
        else:
            w.article_view.reveal_line(line_id, offset)

    def lines_selected(self, line_ids: list[str]) -> None:
        """Light the selection's lines; when they are on another page of the article, turn to it."""
        w, state = self.w, self.state
        if (line_ids and w.archive is not None and state.article_id is not None
                and not any(lid in w.layout_view.lines for lid in line_ids)):
            page_id = w.archive.page_of_line(state.article_id, line_ids[0])
            if page_id is not None and page_id != state.page_id:
                self.show_page_layout(page_id)
                self.outline_article()
                w.layout_view.set_hits(w.article_view.hit_lines())
                w.tree.select_page_quietly(page_id, state.issue_id or 0)
                self.update_position()
        w.layout_view.set_lit(line_ids)

    def step_article(self, step: int) -> None:
        ids = self.w.article_list.ids()
        if not ids:
            return
        target = self.state.neighbour(ids, step)
        if target is not None:
            self.open_article(target, page_id=self.state.page_id)
        else:
            self.step_page(1 if step > 0 else -1)

    def step_page(self, step: int) -> None:
        state = self.state
        if state.page_id is None or state.issue_id is None:
            return
        nxt = self.w.tree.neighbour_page(state.page_id, state.issue_id, step)
        if nxt is not None:
            self.w.tree.select("page", nxt[0], nxt[1])

    def open_hit(self, hit: Hit) -> None:
        w = self.w
        if w.archive is None:
            return
        page_id = None
        art = w.archive.article(hit.article)
        original, shown = self._hit_places(hit, art)
        if original:
            ranges = Reading(art, []).split_article_range(*original[0])  # the parts' offsets only
            if ranges:
                loc = art.parts[ranges[0][0]].locate(ranges[0][1])
                if loc is not None:
                    page_id = w.archive.page_of_line(hit.article, loc[0])
        self.open_article(hit.article, hits=shown, page_id=page_id)

    def _hit_places(self, hit: Hit, art: Article) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(the hit's places in the original text of ``art``, its places in the reading shown). A hit in an article
        read corrected has its places in the corrected reading: shown there, or on the original's reading of them
        when the original is shown (and the page is found from the original's lines)."""
        w = self.w
        assert w.archive is not None
        if hit.corrected:
            original = w.archive.original_ranges(art, hit.matches)
            return original, list(hit.matches) if w.corrections.show_corrected else original
        # places in the original text (the OCR's word a correction replaced): on the correction when it is shown
        original = list(hit.matches)
        return original, w.archive.corrected_ranges(art, original) if w.corrections.show_corrected else original

    def mark_hit(self, hit: Hit) -> None:
        """The shown search was asked again (the corrections changed): mark the hit's places in the article shown,
        which it is, where they are now, without moving the reader's place."""
        w = self.w
        if w.archive is None or hit.article != self.state.article_id:
            return
        shown = self._hit_places(hit, w.archive.article(hit.article))[1]
        self.state.hits, self.state.hit = shown, None
        w.article_view.mark_hits(shown)
        w.layout_view.set_hits(w.article_view.hit_lines())
        view = w.article_view  # "hit i/n" stays: the hits are still marked (it went, seen by eye)
        self.update_position(_hit_text(max(0, view.current_hit), len(view.hits)) if view.hits else "")

    def next_hit(self) -> None:
        """F4: the article's next hit; after its last, the next result's first (it went round the article's hits
        and never on: reading every hit of a search took a click in the list after each article — seen by eye)."""
        view = self.w.article_view
        if view.hits and view.current_hit == len(view.hits) - 1 and self._step_result(1):
            return
        view.next_hit()

    def previous_hit(self) -> None:
        """Shift+F4: the article's previous hit; before its first, the previous result's last."""
        view = self.w.article_view
        if view.hits and view.current_hit == 0 and self._step_result(-1):
            view.goto_hit(len(view.hits) - 1)
            return
        view.previous_hit()

    def _step_result(self, step: int) -> bool:
        """Open the search result ``step`` rows from the shown article's, when it is one and there is such a row."""
        panel = self.w.search
        row = panel.list.currentRow()
        hit = panel.current_hit()
        if hit is None or hit.article != self.state.article_id or not 0 <= row + step < panel.list.count():
            return False
        panel.move_selection(step)
        return self.state.article_id != hit.article

    def clear_hits(self) -> None:
        """A new search is asked for: the hits of the last one are no longer marked, in the text or on the page."""
        self.state.hits = []
        self.state.hit = None
        self.w.article_view.clear_hits()
        self.w.layout_view.set_hits([])
        self.update_position()

    # the reader's place between runs ------------------------------------------------------
    def _scrollbar(self) -> tuple[QScrollBar, bool]:
        """The reading view's scroll bar, and whether it runs backwards (vertical reading starts at the right)."""
        view = self.w.article_view
        if view.vertical:
            return view.vscroll.horizontalScrollBar(), True
        view.text.lay_out_all()  # a fraction of the whole text's height, not of what Qt has laid out so far
        return view.text.verticalScrollBar(), False

    def scroll_fraction(self) -> float:
        """How far down (or, reading vertically, how far left) the article is read, 0 … 1."""
        bar, backwards = self._scrollbar()
        if bar.maximum() <= bar.minimum():
            return 0.0
        f = (bar.value() - bar.minimum()) / (bar.maximum() - bar.minimum())
        return 1.0 - f if backwards else f

    def set_scroll_fraction(self, fraction: float) -> None:
        bar, backwards = self._scrollbar()
        f = 1.0 - fraction if backwards else fraction
        bar.setValue(bar.minimum() + round(f * (bar.maximum() - bar.minimum())))

    def remember_place_soon(self) -> None:
        """Store the place once no other article has been opened for ``PLACE_DELAY_MS``."""
        self._place_timer.start()

    def flush_place(self) -> None:
        """Store the place now if it is waiting for its pause (the application is quitting: at a Windows
        log-off Qt only emits ``aboutToQuit`` before the process is killed, and no window is closed)."""
        if self._place_timer.isActive():
            self.remember_place()

    def remember_place(self) -> None:
        """Store the open article, its page and the scroll position in the settings, for the next start."""
        self._place_timer.stop()
        w, state = self.w, self.state
        if w.archive is not None and state.article_id is not None:
            w.settings.set_last_place(w.archive.location, state.article_id, state.page_id, self.scroll_fraction(),
                                      self._words_read())

    def _words_read(self) -> WordsRead | None:
        """The words the reader is at, to reopen the article holding them at the next start (None: not known)."""
        line, digest, kept = self.w.corrections.line_read(), self.w.corrections.base_digest, \
            self.w.article_view.kept_place()
        if line is None or digest is None or kept is None:
            return None
        return WordsRead(line, digest, kept.top, kept.pixels)

    def restore_place(self) -> bool:
        """Reopen the article the reader last had open in this library, at its scroll position; False when
        there is none (or it is gone)."""
        w = self.w
        if w.archive is None:
            return False
        place = w.settings.last_place(w.archive.location)
        if place is None:
            return False
        article_id, page_id, fraction, words = place
        reopened = w.archive.reopened(article_id, words)
        if reopened is None:
            return False
        if reopened != article_id and words is not None:  # a correction made since moved the words read: there
            self._reopen_at_words(reopened, words)
            return True
        self.open_article(article_id, page_id=page_id)
        if words is not None and words.top is not None and w.article_view.finds(words.kept()):
            # by the words at the top of the view: a fraction of a text wrapped anew in a window of another size
            # was ~40 characters (a line and a half) past them (seen by eye); placed again once the window has its size
            kept = words.kept()
            w.article_view.restore_kept_place(kept)
            for delay in (0, 120):
                QTimer.singleShot(delay, w, lambda a=article_id, k=kept: self._replace(a, k))
        elif fraction > 0:
            # the text is laid out once the window has its size: try again when the event loop runs
            self.set_scroll_fraction(fraction)
            for delay in (0, 120):
                QTimer.singleShot(delay, w, lambda f=fraction, a=article_id: self._rescroll(a, f))
        return True

    def _reopen_at_words(self, article_id: str, words: WordsRead) -> None:
        """Open ``article_id`` on its own page, at the words the reader was reading (laid out once the window has its
        size: placed again when the event loop runs), and say why it is not the article they had open."""
        self.open_article(article_id)
        self.w.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "Corrected while the window was closed: shown where you were, in %1.")
            .replace("%1", self.w.corrections.quoted_name(article_id)), 15000)
        kept = words.kept()
        self.w.article_view.restore_kept_place(kept)
        for delay in (0, 120):
            QTimer.singleShot(delay, self.w, lambda a=article_id, k=kept: self._replace(a, k))

    def _replace(self, article_id: str, kept: KeptPlace) -> None:
        if self.state.article_id == article_id:
            self.w.article_view.restore_kept_place(kept)

    def _rescroll(self, article_id: str, fraction: float) -> None:
        if self.state.article_id == article_id:
            self.set_scroll_fraction(fraction)

    def copy_selection(self) -> None:
        text = self.w.article_view.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def hit_changed(self, i: int, n: int) -> None:
        if 0 <= i < len(self.state.hits):
            self.state.set_hit(i)
        self.update_position(_hit_text(i, n))

    def update_position(self, extra: str = "") -> None:
        """The status bar's position: publication and date, page, how the page is drawn (and ``extra``)."""
        w, state = self.w, self.state
        bits = []
        gone: str | None = None
        if w.archive is not None and state.article_id is not None:
            info = w.archive.info(state.article_id)
            bits.append(" · ".join(x for x in (info.publication, with_minguo(info.date, info.publication)) if x))
            gone = w.archive.file_gone(state.article_id)
            if gone is not None:  # an article of a deleted file showed no sign of it (seen by a tester)
                #: the status bar, after the date: the article's source file is gone (%1: its file name)
                bits.append(QCoreApplication.translate("MainWindow", "its file %1 is no longer there (the article is "
                                                                     "kept as read)").replace("%1", Path(gone).name))
            if state.page_id is not None and state.issue_id is not None:
                p = w.archive.page_info(state.page_id, state.issue_id)
                if p is not None:
                    bits.append(QCoreApplication.translate("MainWindow", "page %1")
                                .replace("%1", p.label or str(p.number)))
            modes = {"scan": QCoreApplication.translate("MainWindow", "scan"),
                     "drawn": QCoreApplication.translate("MainWindow", "layout from coordinates"),
                     "text": QCoreApplication.translate("MainWindow", "text lines")}
            bits.append(modes.get(w.layout_view.mode, ""))
        if extra:
            bits.append(extra)
        w.position.setText("  ·  ".join(b for b in bits if b))
        w.position.setToolTip("" if gone is None else QCoreApplication.translate(
            "MainWindow", "%1 is no longer where it was imported from; the article is kept as it was read.")
            .replace("%1", gone))


def _hit_text(i: int, n: int) -> str:
    """The status bar's "hit 3/12" (``i`` counted from 0)."""
    return QCoreApplication.translate("MainWindow", "hit %1/%2").replace("%1", str(i + 1)).replace("%2", str(n))
