"""Corrections in the window (the Correct menu): headlines, splits, merges, paragraphs and OCR text.

Each correction is made by :mod:`reader.corrections.store` from the article as
the segmentation corrections leave it (:attr:`Corrections.base_article`) and
stored as an undoable command; the views show it at once. The reading view may
show the text-corrected reading or the original (Show corrected text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from reader.app.overlay import MERGE_UNDONE, MERGED, MERGED_IN, SPLIT, SPLIT_UNDONE
from reader.app.reading import StoredScript, stored_form, stored_script
from reader.corrections import store as C
from reader.gui.dialogs import prompts
from reader.gui.messages import error_text
from reader.gui.workers import run_task
from reader.model.document import Article, joined_replacements, whole_words
from reader.model.errors import BroadsheetError
from reader.text.chars import opens_on_quote

if TYPE_CHECKING:
    from reader.app.sharing import Sharing
    from reader.gui.mainwindow import MainWindow


def _label(kind: str) -> str:
    labels = {"merge": QCoreApplication.translate("MainWindow", "Merge articles"),
              "split": QCoreApplication.translate("MainWindow", "Split article"),
              "headline": QCoreApplication.translate("MainWindow", "Set headline"),
              "join": QCoreApplication.translate("MainWindow", "Join paragraphs"),
              "split-paragraph": QCoreApplication.translate("MainWindow", "Split paragraph"),
              "text": QCoreApplication.translate("MainWindow", "Correct OCR text"),
              "move": QCoreApplication.translate("MainWindow", "Move block"),
              "role": QCoreApplication.translate("MainWindow", "Set role")}
    return labels.get(kind, kind)


def _headline_corrections(base: Article, start: int, end: int, key: str) -> list[C.Correction]:
    """The corrections making ``base.text[start:end]`` (inside one part, whole words: :func:`whole_words`) the
    headline: cut it out, mark it."""
    text = base.text
    start, end = whole_words(text, start, end)
    if end <= start or not text[start:end].strip():
        raise C.CorrectionError(QCoreApplication.translate("MainWindow", "The selection holds no text."))
    pos = 0
    for p in base.parts:
        if start <= pos + len(p.text):
            break
        pos += len(p.text) + 2  # parts are joined by a blank line in Article.text
    inner, inner_end = start - pos, end - pos
    body = p.text
    corrs: list[C.Correction] = []
    if body[:inner].strip():  # text before the selection stays a paragraph of its own
        corrs.append(C.split_paragraph(base, start, key=key))
    if body[inner_end:].strip():  # and so does the text after it, cut at its first character
        after = inner_end
        while body[after].isspace():
            after += 1
        corrs.append(C.split_paragraph(base, pos + after, key=key))
    where = p.locate(inner)
    if where is None:
        raise C.CorrectionError(QCoreApplication.translate("MainWindow", "The selection has no source line."))
    data = {"article_line": base.line_ids()[0], "line": where[0], "at": where[1]}
    corrs.append(C.Correction("headline", key, data))
    return corrs


class Corrections:
    """The Correct menu's commands on the shown article."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.state = window.state
        #: the article as the segmentation corrections leave it (the view may show its text-corrected reading)
        self.base_article: Article | None = None
        #: the source file of the article shown (to find it again when a re-import gives it another id)
        self.base_source: str | None = None
        #: the sha256 of the source's bytes ``base_article`` was read from (:meth:`_read_again_since`)
        self.base_digest: str | None = None
        self.show_corrected = True

    def _status(self, text: str, ms: int) -> None:
        self.w.statusBar().showMessage(text, ms)

    def base_offset(self, part: int, inner: int) -> int | None:
        """An offset of the shown text as an offset of the uncorrected ``Article.text`` (same source character)."""
        shown, base = self.w.article_view.article, self.base_article
        if shown is None or base is None or part >= len(base.parts):
            return None
        if shown is not base:
            if any(r.start <= inner < r.end for r in shown.parts[part].replaced):
                return None  # a character a correction put there has none of its own in the source
            loc = shown.parts[part].locate(inner)
            if loc is None:
                return None
            found = C.part_offset(base.parts[part], loc[0], loc[1])
            if found is None:
                return None
            inner = found
        starts = 0
        for p in base.parts[:part]:
            starts += len(p.text) + 2  # parts are joined by a blank line in Article.text
        return starts + inner

    def add_correction(self, corr: C.Correction, then_open: str | None = None) -> bool:
        """Store a correction as an undoable command; the views show it at once."""
        w = self.w
        if w.archive is None or self._read_again_since([corr]):
            return False
        store = w.archive.corrections
        target = then_open or self.state.article_id
        corr.visibility = w.archive.sharing.new_work.value  # who may see it: the window's choice for new work
        archive = w.archive
        stored = [corr]

        def do() -> None:  # stored again as first stored — with the text of its lines then —, under the article's id
            # now: a redo after an import re-anchored it on whatever line had its line's number, and on the old id;
            # at its place in the order made (a later correction of its words made elsewhere still read over it)
            stored.append(store.put_back(archive.as_now(stored[-1])))

        return w.push(_label(corr.kind), do, lambda: store.delete(corr.id), lambda: self.corrections_changed(target))

    def corrections_changed(self, prefer: str | None = None, reread: bool = True, line: str | None = None) -> None:
        """Re-read the corrected articles (unless the caller has: ``reread``) and show ``prefer`` (or what is left
        of the current one: where ``line``, the source line the reader was at, is read now)."""
        w = self.w
        if w.archive is None:
            return
        # where the reader is, by the words there: the text may read otherwise now (a file read again inserted a
        # paragraph above — seen by eye: the view and caret kept offsets that then pointed into other words)
        current, page_id, kept = self.state.article_id, self.state.page_id, w.article_view.kept_place()
        if reread:
            w.archive.corrections_changed()
        moved_to = self._moved_to(current, line)
        if page_id is not None and not w.archive.page_exists(page_id):  # made anew by an import: the article's own
            holder = next((a for a in (current, moved_to) if a and w.archive.exists(a)), None)
            page_id = next(iter(w.archive.page_ids(holder)), None) if holder else None
        w.tree.refresh_counts()  # a merge or split changes how many articles an issue and its pages hold
        # the corrected readings a search is told of, made again now on the search lane: the next search does not
        # wait for them (~0.6 s with 1,000 corrected articles)
        run_task(w.archive.prepare_readings, name="corrected readings", lane="search")
        if page_id is not None and self.state.issue_id is not None:
            w.article_list.show_articles(w.archive, page_id=page_id)
        # (a list of a page the import made anew, not shown again, named articles gone: seen by eye, "there is no
        # article aaabb216306a87cd" after a re-read that renamed the article shown)
        ids = [i for i in w.article_list.ids() if w.archive.exists(i)]
        for candidate in (prefer, moved_to, current):
            if candidate and w.archive.exists(candidate) and (candidate in ids or not ids or candidate == moved_to):
                w.open_article(candidate, page_id=None if candidate == moved_to else page_id)
                if candidate in (current, moved_to):  # the reader stays at the words they were reading, the caret too
                    w.article_view.restore_kept_place(kept)
                if candidate == moved_to != current and line is not None and kept is not None and kept.top is None:
                    # at the start of the article read: where its words start, not the start of the one holding
                    # them now (seen by eye: the headline shown, the words near the view's bottom, "where you were")
                    w.article_view.put_line_at_top(line)
                break
        else:
            if ids:
                w.open_article(ids[0], page_id=page_id)
            elif current is not None and not w.archive.exists(current):
                self._gone()
        w.searching.refresh()  # the shown search's hits as the corrections now leave them
        w.studies.library_changed()  # and the concordance's lines: their offsets are in the reading as it was
        w.collecting.fill()  # and the collections' entries: one merged away is said so (it was listed as before)

    def _moved_to(self, current: str | None, line: str | None = None) -> str | None:
        """The article now holding the text of the one shown, when an import elsewhere gave it another id (seen
        by eye: the window kept the removed article's text, and a note made on it was lost), or the reader's words
        — at the source line ``line`` — are now in another article (a correction moved them)."""
        w = self.w
        if w.archive is None or current is None:
            return None
        if w.archive.exists(current):
            held = w.archive.holding(current, line) if line is not None else None
            return held[0] if held is not None and held[0] != current else None
        renamed = w.archive.current_key(current)  # the import said which article it is now (its start edited)
        if renamed != current and w.archive.exists(renamed):
            return renamed
        if self.base_article is None or not self.base_source:
            return None
        return w.archive.successor(self.base_article, self.base_source)

    def _read_again_since(self, made: list[C.Correction], digest: str | None = None) -> bool:
        """True, and the reader told (with what they typed), when the source of the article the corrections were
        made on (read from the bytes ``digest``, default the article shown's) was read again since — an import while
        the Correct dialog was open: corrections name lines by their number in the file, and a line inserted above
        gave that number to another line, which was corrected instead."""
        w = self.w
        digest = digest if digest is not None else self.base_digest
        if w.archive is None or not self.base_source or digest is None \
                or w.archive.source_digest(self.base_source) == digest:
            return False
        typed = "".join(str(c.data.get("corrected", "")) for c in made if c.kind == "text")
        message = QCoreApplication.translate(
            "MainWindow", "The article was imported again while you corrected it: nothing was stored. Select the "
                          "words again as they read now and correct them.")
        if typed:
            message += " " + QCoreApplication.translate("MainWindow", "You typed: “%1”.").replace("%1", typed)
        w.report(message)
        return True

    def _gone(self) -> None:
        """The article shown is no longer in the library: nothing shown, and the reader told why."""
        w = self.w
        w.state.clear()
        self.base_article = self.base_source = None
        w.article_view.set_article(None)
        w.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "The article you were reading is no longer in the library (its source was imported "
                          "again)."), 15000)

    def changed_elsewhere(self) -> str:
        """Another process made or undid a correction: the article shown is read as it now is, at the place the
        reader had reached in it (the page keeps its place too) — and left as it is, its selection with it, when
        the correction was another article's. Where the words the reader was reading are now in another article
        (the one shown merged into it, split off into it, given back to it by an undo), that article is shown, at
        those words, what was selected selected; a sentence for the status bar says so ("" otherwise)."""
        w = self.w
        shown = self.state.article_id
        if w.archive is None:
            return ""
        line = self.line_read()  # before the re-read: the view shows the article as it was
        before = self.base_article
        w.archive.corrections_changed()
        if shown is not None and self._reads_the_same(shown, line) and self._page_stands():
            self._same_lines_read()
            w.tree.refresh_counts()  # (the other way, corrections_changed counts them)
            run_task(w.archive.prepare_readings, name="corrected readings", lane="search")
            if self.state.page_id is not None and self.state.issue_id is not None:
                w.article_list.show_articles(w.archive, page_id=self.state.page_id)  # its headlines as now
                w.article_list.mark(shown)
            w.searching.refresh()
            w.collecting.fill()  # an entry merged away elsewhere is said so
            return ""
        held = w.archive.holding(shown, line) if shown is not None and line is not None else None
        page_scroll = (w.layout_view.horizontalScrollBar().value(), w.layout_view.verticalScrollBar().value())
        self.corrections_changed(reread=False, line=line)  # the text keeps its place (corrections_changed)
        if shown is not None and self.state.article_id == shown:
            w.layout_view.horizontalScrollBar().setValue(page_scroll[0])
            w.layout_view.verticalScrollBar().setValue(page_scroll[1])
        if self.state.page_id is not None and self.state.issue_id is not None:  # a re-import made its page anew
            w.tree.select_page_quietly(self.state.page_id, self.state.issue_id)
        now = self.state.article_id
        if held is None or now is None or now == shown or now != held[0] or before is None:
            return ""
        return self._moved_text(w.archive.moved(before, now, held[1]), now)

    def quoted_name(self, article_id: str) -> str:
        """An article named in a message: its headline in quotes, or "[first words…]" of one with none, as it is."""
        name = self.w.headline_of(article_id)
        if not (opens_on_quote(name) or name.startswith("[")):
            name = QCoreApplication.translate("MainWindow", "“%1”").replace("%1", name)
        return name

    def _moved_text(self, how: str, now: str) -> str:
        """What the status bar says of the reader's words taken into the article ``now`` by a correction made or
        undone elsewhere, ``how`` (:meth:`reader.app.overlay.Overlay.moved`): what happened, in its own words."""
        name = self.quoted_name(now)
        said = {
            MERGED: QCoreApplication.translate(
                "MainWindow", "The article you were reading was merged into %1: shown there, where you were."),
            MERGED_IN: QCoreApplication.translate(
                "MainWindow", "Another article was merged into the one you were reading: shown again, where you "
                              "were."),
            SPLIT: QCoreApplication.translate(
                "MainWindow", "The article you were reading was split: shown where you were, in %1."),
            SPLIT_UNDONE: QCoreApplication.translate(
                "MainWindow", "The split of the article you were reading was undone: shown where you were, in %1."),
            MERGE_UNDONE: QCoreApplication.translate(
                "MainWindow", "The merge of the article you were reading was undone: shown where you were, in %1."),
        }.get(how) or QCoreApplication.translate(
            "MainWindow", "The words you were reading are now in %1: shown there, where you were.")
        return said.replace("%1", name)

    def line_read(self) -> str | None:
        """The source line of the words the reader is at in the article shown: what they selected, else the top of
        the view (the article's first line at its start). None when its source was imported again since it was
        read: lines are named by their number in the file, and a line inserted above gave the number to another
        line — of another article, where the reader was sent (an import is followed by the article's words)."""
        view, archive = self.w.article_view, self.w.archive
        art, kept = view.article, view.kept_place()
        if art is None or not art.parts or archive is None \
                or (self.base_source and archive.source_digest(self.base_source) != self.base_digest):
            return None
        place = (kept.caret if kept.selected else kept.top) if kept is not None else None
        if place is None or place.part >= len(art.parts):  # at the start: the first line read, not the source's
            first = view.first_part_shown()  # (a merged article's furniture line, first in the source, is read last)
            return next(iter(art.parts[first].line_ids if first is not None else art.line_ids()), None)
        part = art.parts[place.part]
        found = part.locate(place.offset)
        return found[0] if found is not None else next(iter(part.line_ids), None)

    def import_ended(self) -> None:
        """The window's own import ended: the article shown, when the import changed it or gave it a new id, is
        shown as it now is (as after an import elsewhere); otherwise nothing moves."""
        shown = self.state.article_id
        if shown is not None and self.w.archive is not None and not (self._reads_the_same(shown, self.line_read())
                                                                      and self._page_stands()):
            self.changed_elsewhere()
        else:
            self._same_lines_read()

    def _same_lines_read(self) -> None:
        """The article shown reads as before from its source read again (another article of the file changed):
        what it was read from is the source as it is now (:meth:`_read_again_since`)."""
        if self.w.archive is not None and self.base_source:
            self.base_digest = self.w.archive.source_digest(self.base_source)

    def _page_stands(self) -> bool:
        """The page shown is still in the library (an import of its file again makes its pages anew)."""
        page_id = self.state.page_id
        return page_id is None or self.w.archive is None or self.w.archive.page_exists(page_id)

    def _reads_the_same(self, article_id: str, line: str | None = None) -> bool:
        """The article shown reads as the corrections now make it (none of them changed it), and holds the source
        line ``line`` the reader is at: an article merged away reads as before (the catalogue still has it)."""
        w = self.w
        if w.archive is None or not w.archive.exists(article_id):
            return False
        if line is not None and w.archive.holding(article_id, line) not in (None, (article_id, True)):
            return False
        base = w.archive.article(article_id)
        now = w.archive.corrected(base) if self.show_corrected else base
        return base == self.base_article and now == w.article_view.article

    def _correct(self, make: Callable[[Article], C.Correction], then_open: str | None = None) -> bool:
        if self.w.archive is None or self.base_article is None or self.state.article_id is None:
            return False
        try:
            corr = make(self.base_article)
        except BroadsheetError as e:
            self.w.report(error_text(e))
            return False
        return self.add_correction(corr, then_open)

    def correct_headline(self) -> bool:
        """The selected text becomes the article's headline, shown at once above the body.

        A whole paragraph selected becomes the headline; part of one is first cut
        out of its paragraph (the paragraph is split before and after it), so the
        headline keeps its source lines, on the page and in every export. A
        selection cutting a word (or a word the reader corrected) takes the whole
        of it, and the status bar says so. Without a selection nothing is changed
        and the status bar says what to do.
        """
        view, key, base = self.w.article_view, self.state.article_id, self.base_article
        sel = [r for r in view.selection_original() if r[2] > r[1]]
        if not sel:
            self._status(QCoreApplication.translate(
                "MainWindow", "Select the headline's text first (a whole paragraph or part of one)."), 5000)
            return False
        if len(sel) > 1:
            self._status(QCoreApplication.translate(
                "MainWindow", "Select the headline within one paragraph."), 5000)
            return False
        if self.w.archive is None or base is None or key is None:
            return False
        part, s, e = sel[0]
        start, end = self._base_range(part, s, e)
        try:
            corrs = _headline_corrections(base, start, end, key)
        except BroadsheetError as ex:
            self.w.report(str(ex))
            return False
        shown = view.article
        assert shown is not None
        selected, headline = shown.parts[part].text[s:e].strip(), self._as_read(*whole_words(base.text, start, end))
        done = self.add_corrections(corrs)
        if done and headline != selected:  # a selection cutting a word (or a word the reader corrected): said
            self._status(QCoreApplication.translate(
                "MainWindow", "The selection cut a word: the headline is the whole words, “%1”.").replace(
                "%1", headline), 8000)
        return done

    def _base_range(self, part: int, s: int, e: int) -> tuple[int, int]:
        """Characters ``s``..``e`` of part ``part`` of the article shown as a range of the uncorrected
        ``Article.text``: a word the reader corrected, partly selected, is the whole of what the OCR read there (it
        was refused: the reader had to undo their correction to make a headline of words holding it)."""
        shown, base, archive = self.w.article_view.article, self.base_article, self.w.archive
        assert shown is not None and base is not None
        at = sum(len(p.text) + 2 for p in shown.parts[:part])
        if shown is base or archive is None:
            return at + s, at + e
        [(start, end)] = archive.across_readings(base, [(at + s, at + e)], to_corrected=False)
        return start, end

    def _as_read(self, start: int, end: int) -> str:
        """``base_article.text[start:end]`` as the reading shown has it."""
        shown, base, archive = self.w.article_view.article, self.base_article, self.w.archive
        assert shown is not None and base is not None
        if shown is base or archive is None:
            return base.text[start:end]
        [(s, e)] = archive.across_readings(base, [(start, end)], to_corrected=True)
        return shown.text[s:e]

    def add_corrections(self, corrs: list[C.Correction], then_open: str | None = None) -> bool:
        """Store several corrections as one undoable command."""
        if self.w.archive is None or not corrs:
            return False
        if len(corrs) == 1:
            return self.add_correction(corrs[0], then_open)
        return self._swap([], corrs, then_open or self.state.article_id)

    def _swap(self, old: list[C.Correction], new: list[C.Correction], target: str | None) -> bool:
        """Take ``old`` corrections away and store ``new`` ones (made now, the reader's visibility) as one undoable
        command, all or nothing; then show ``target``."""
        w = self.w
        if w.archive is None or new and self._read_again_since(new):
            return False
        archive = w.archive
        store = archive.corrections
        for c in new:
            c.visibility = archive.sharing.new_work.value
        made = list(new)  # as stored the first time, with the text of their lines then (redone as they were)

        def do() -> None:
            removed: list[C.Correction] = []
            added: list[C.Correction] = []
            try:
                for c in old:
                    store.delete(c.id)
                    removed.append(c)
                for i, c in enumerate(made):
                    made[i] = store.put_back(archive.as_now(c))  # a redo after an import: on the article's id now
                    added.append(c)
            except Exception:  # all or nothing: what was done is put back
                for c in reversed(added):
                    store.delete(c.id)
                for c in removed:
                    store.put_back(c)
                raise

        def undo() -> None:
            for c in reversed(new):
                store.delete(c.id)
            for c in old:  # each at its place in the order made, as before
                store.put_back(archive.as_now(c))

        return w.push(_label((new or old)[-1].kind), do, undo, lambda: self.corrections_changed(target))

    def correct_split_article(self) -> bool:
        """A new article starts at the paragraph holding the cursor."""
        part, key = self.w.article_view.current_part(), self.state.article_id
        if part is None:
            return False
        return self._correct(lambda art: C.split_article(art, part, key=key))

    def correct_move(self, to: str | None = None) -> bool:
        """Move the paragraph at the cursor to the end of article ``to``, or of one of the list the reader picks
        (a paragraph the segmenter put in the wrong article); undone as one."""
        w, part, key = self.w, self.w.article_view.current_part(), self.state.article_id
        if w.archive is None or key is None or part is None:
            self._status(QCoreApplication.translate(
                "MainWindow", "Put the cursor in the paragraph to move."), 4000)
            return False
        if to is None:
            listed = w.article_list.entries()
            others = [(aid, head) for aid, head in listed if aid != key]
            if not others:
                self._status(QCoreApplication.translate(
                    "MainWindow", "There is no other article in the list to move it to."), 4000)
                return False
            # the article listed after this one offered first (a paragraph cut off usually belongs to a neighbour)
            here = next((i for i, (aid, _head) in enumerate(listed) if aid == key), 0)
            chosen = prompts.pick_article(w, [head for _aid, head in others], offered=here)
            if chosen is None:
                return False
            to = others[chosen][0]
        target = w.archive.article(to)
        return self._correct(lambda art: C.move_block(art, part, target, key=key, to_key=to))

    def correct_merge(self, step: int) -> bool:
        """Merge the current article with the next (step 1) or previous (step -1) one of the list."""
        w, mine = self.w, self.state.article_id
        ids = w.article_list.ids()
        if w.archive is None or mine is None or mine not in ids:
            return False
        i = ids.index(mine) + step
        if not 0 <= i < len(ids):
            self._status(QCoreApplication.translate("MainWindow", "There is no article to merge with."), 4000)
            return False
        other_id = ids[i]
        other = w.archive.article(other_id)
        if step > 0:
            return self._correct(lambda art: C.merge_articles(art, other, key=mine, other_key=other_id))
        return self._correct(lambda art: C.merge_articles(other, art, key=other_id, other_key=mine), then_open=other_id)

    def correct_join(self) -> bool:
        part, key = self.w.article_view.current_part(), self.state.article_id
        if part is None:
            return False
        return self._correct(lambda art: C.join_paragraphs(art, part, key=key))

    def correct_split_paragraph(self) -> bool:
        sel = self.w.article_view.selection_original()
        if not sel:
            return False
        offset, key = self.base_offset(sel[0][0], sel[0][1]), self.state.article_id
        if offset is None:  # said, not silently nothing
            self._status(QCoreApplication.translate(
                "MainWindow", "The cursor is inside a corrected word: put it before or after the word."), 5000)
            return False
        return self._correct(lambda art: C.split_paragraph(art, offset, key=key))

    def correct_ocr(self, corrected: str | None = None) -> bool:
        """Correct the selected OCR text (within one paragraph; over a line break, one correction a line, made and
        undone as one), asking for the correction when it is not given; with the OCR's reading shown, said where the
        correction is seen."""
        done = self._correct_ocr(corrected)
        if done and not self.show_corrected:
            self._status(QCoreApplication.translate(
                "MainWindow", "Corrected. The text is shown as the OCR read it: Correct → Show corrected text shows "
                              "your corrections."), 8000)
        return done

    def _correct_ocr(self, corrected: str | None) -> bool:
        sel = [r for r in self.w.article_view.selection_original() if r[2] > r[1]]
        if not sel or len(sel) > 1:
            self._status(QCoreApplication.translate(
                "MainWindow", "Select the characters to correct (within one paragraph)."), 4000)
            return False
        part, s, e = sel[0]
        found = self._in_corrected(part, s, e)
        if found is not None:
            reading, cs, ce = found
            touched = [r for r in joined_replacements(reading.parts[part].replaced)
                       if r.start < ce and cs < r.end or r.start == r.end and cs < r.start < ce
                       or r.start == r.end == cs == ce]  # (the OCR's characters of a deletion selected)
            if touched:  # the reader's own correction: corrected again, the whole of it
                return self._recorrect(reading, part, min(cs, touched[0].start), max(ce, touched[-1].end),
                                       corrected)
        start, end = self.base_offset(part, s), self.base_offset(part, e - 1)
        if start is None or end is None or self.base_article is None:
            self._status(QCoreApplication.translate(
                "MainWindow", "Those characters were themselves corrected; undo that first."), 5000)
            return False
        end += 1
        # taken now: the view may be read again under the prompt
        base, key, digest = self.base_article, self.state.article_id, self.base_digest
        try:  # a selection that cannot be corrected is said before the reader types the correction, not after
            C.correct_text_lines(base, start, end, base.text[start:end])
        except BroadsheetError as e:
            self.w.report(error_text(e))
            return False
        typed = corrected is None
        if corrected is None:
            said = self._stored_script(base)
            corrected = self._in_source_script(base.text[start:end], prompts.corrected_text(
                self.w, base.text[start:end], stored=said), said)
            if corrected is None:
                return False
        archive = self.w.archive
        if archive is None:
            return False
        try:  # beside a correction, a change over lines may reach into it: made again as it reads (recorrect_text)
            old, corrs = C.recorrect_text(base, C.located_fixes(base, archive.text_corrections(base)), start, end,
                                          corrected, key=key,
                                          mine=lambda c: archive.sharing.byline(c.owner, c.visibility).editable)
        except BroadsheetError as e:  # e.g. the correction drops a space the reflow put between the lines
            self.w.report(error_text(e))
            return typed and self._kept(corrected)
        if not corrs and not old:
            self._status(QCoreApplication.translate("MainWindow", "The text already reads so."), 4000)
            return False
        if self._read_again_since(corrs, digest):
            return False
        done = self._swap(old, corrs, key) if old else self.add_corrections(corrs)
        return done or (typed and self._kept(corrected))

    def _in_source_script(self, original: str, typed: str | None, said: StoredScript | None) -> str | None:
        """What to store of ``typed``, a correction of ``original`` typed while the article is read in another
        script than the source's (``said``): typed as read, the reader is asked whether to store it as the source
        would print it (:func:`stored_form`); None: cancelled."""
        if typed is None or said is None or not said.by:
            return typed
        converted = stored_form(said.by, original, typed)
        return typed if converted == typed else prompts.store_which(self.w, typed, converted, said)

    def _stored_script(self, base: Article) -> StoredScript | None:
        """The script a correction of ``base`` is stored in, when the view shows it in another (said in the dialog)."""
        return stored_script(self.w.article_view.script, base.text)

    def _in_corrected(self, part: int, s: int, e: int) -> tuple[Article, int, int] | None:
        """Characters ``s``..``e`` of part ``part`` of the article shown as (its corrected reading, s, e there): the
        reading shown, or — the OCR's reading shown — the same characters in the corrected one (a word corrected
        with the original shown started from the OCR's word, and its correction was stored over the reader's)."""
        w, shown, base = self.w, self.w.article_view.article, self.base_article
        if w.archive is None or shown is None or base is None or part >= len(base.parts):
            return None
        if shown is not base:
            return shown, s, e
        reading = w.archive.corrected(base)
        if reading is base:
            return None
        at = sum(len(p.text) + 2 for p in base.parts[:part])
        [(cs, ce)] = w.archive.across_readings(base, [(at + s, at + e)], to_corrected=True)
        now = sum(len(p.text) + 2 for p in reading.parts[:part])
        return reading, cs - now, ce - now

    def _recorrect(self, shown: Article, part: int, s: int, e: int, corrected: str | None) -> bool:
        """Correct again characters ``s``..``e`` of part ``part`` of the corrected reading ``shown``, which hold
        corrections: offered as it reads, the dialog naming a colleague who made one; what is typed replaces the
        reader's own corrections there and is read over a colleague's, kept (one undoable step); the OCR's own words
        typed take the reader's away, and are a correction over a colleague's. Seen by the by-eye tester: over a
        colleague's correction the dialog said "you corrected", and OK failed ("not yours to undo"), the typing lost."""
        w, base, key = self.w, self.base_article, self.state.article_id
        if w.archive is None or base is None or key is None:
            return False
        offset = sum(len(p.text) + 2 for p in shown.parts[:part])
        fixes = w.archive.text_fixes(base)
        [(start, end)] = C.original_ranges(base, fixes, [(offset + s, offset + e)])
        sharing = w.archive.sharing
        typed = corrected is None
        if corrected is None:
            said = self._stored_script(base)
            corrected = self._in_source_script(shown.text[offset + s:offset + e], prompts.corrected_text(
                w, shown.text[offset + s:offset + e], ocr=base.text[start:end], stored=said,
                by=", ".join(_others(sharing, base, fixes, start, end))), said)
            if corrected is None:
                return False
        if corrected == shown.text[offset + s:offset + e]:
            self._status(QCoreApplication.translate("MainWindow", "The text already reads so."), 4000)
            return False
        try:
            old, new = C.recorrect_text(base, C.located_fixes(base, w.archive.text_corrections(base)), start, end,
                                        corrected, key=key,
                                        mine=lambda c: sharing.byline(c.owner, c.visibility).editable)
        except BroadsheetError as ex:
            w.report(error_text(ex))
            return self._kept(corrected) if typed else False
        if not old and not new:
            self._status(QCoreApplication.translate("MainWindow", "The text already reads so."), 4000)
            return False
        return self._swap(old, new, key) or (typed and self._kept(corrected))

    def _kept(self, typed: str) -> bool:
        """What the reader typed as a correction that could not be stored, kept on the clipboard and said (it was
        lost); False."""
        QGuiApplication.clipboard().setText(typed)
        self.w.report(QCoreApplication.translate(
            "MainWindow", "The correction you typed, “%1”, was not stored; it is on the clipboard.").replace(
            "%1", typed))
        return False

    def set_show_corrected(self, on: bool) -> None:
        """Show the corrected reading of OCR text, or the original as the source has it: the selection, the cursor,
        the hits and the passage read stay on the same characters (:meth:`Archive.across_readings`)."""
        w, state, view = self.w, self.state, self.w.article_view
        was, self.show_corrected = self.show_corrected, bool(on)
        if state.article_id is None:
            return
        selection, place, hits = view.selection_in_text(), view.place_in_text(), state.hits
        if was != self.show_corrected and w.archive is not None and self.base_article is not None:
            # places in the reading shown until now, moved to the same characters in the other
            def move(places: list[tuple[int, int]]) -> list[tuple[int, int]]:
                assert w.archive is not None and self.base_article is not None
                return w.archive.across_readings(self.base_article, places, to_corrected=self.show_corrected)
            hits = move(hits) if hits else hits
            selection = move([selection])[0] if selection is not None else None
            place = (move([(place[0], place[0])])[0][0], place[1]) if place is not None else None
        w.open_article(state.article_id, hits=hits, page_id=state.page_id)
        if selection is not None:
            view.select_in_text(*selection)
        # then the other reading at the line the reader was at (it jumped; the caret left at the article's
        # start, selected again after the place was restored, took the view back to the headline)
        view.restore_place_in_text(place)


def _others(sharing: Sharing, article: Article, fixes: list[C.TextFix], start: int, end: int) -> list[str]:
    """The colleagues whose corrections are read in characters ``start``..``end`` of ``article``'s OCR text (``fixes``:
    those read), by name; none in a library folder."""
    names = {sharing.byline(f.correction.owner, f.correction.visibility).owner
             for f in C.fixes_within(article, fixes, start, end)}
    return sorted(names - {""})
