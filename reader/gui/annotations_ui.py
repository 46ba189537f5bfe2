"""The reader's annotations in the window: highlights of a selection, article notes, editing and deleting.

Every edit is an undoable command on the window's undo stack
(:meth:`MainWindow.push`); the note and tags come from
:class:`~reader.gui.dialogs.highlight_dialog.HighlightDialog`, run through
:meth:`MainWindow._ask` so a test can answer it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reader.annotations import store as A
from reader.app.placing import homed
from reader.app.sharing import Byline, Visibility
from reader.gui.dialogs import prompts
from reader.gui.dialogs.highlight_dialog import HighlightDialog
from reader.gui.messages import error_text
from reader.gui.widgets.annotations_panel import describe
from reader.gui.widgets.visibility import byline_text
from reader.model.errors import BroadsheetError, ConnectionLostError

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow
    from reader.model.document import Article


class Annotating:
    """Highlights and notes of the shown article, and the annotations dock kept in step with them."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.state = window.state

    def placed(self) -> tuple[list[tuple[str, int, int]], list[str]]:
        """Highlights of the shown article placed on its text: ((id, start, end) list, ids not found)."""
        w = self.w
        art = w.article_view.article
        if w.archive is None or art is None or self.state.article_id is None:
            return [], []
        placed: list[tuple[str, int, int]] = []
        missing: list[str] = []
        base = w.corrections.base_article
        corrected = base is not None and base.text != art.text
        moved_here: dict[str, tuple[int, int]] | None = None
        for ann in w.archive.article_annotations(self.state.article_id):
            anc = ann.anchor
            if anc is None:
                continue
            if ann.orphaned:
                missing.append(ann.id)
            elif ann.article != self.state.article_id:  # its words were split, moved or merged into this article
                if moved_here is None:
                    moved_here = w.archive.placed_annotations(self.state.article_id)
                at = moved_here.get(ann.id)
                if at is None:
                    missing.append(ann.id)
                else:
                    placed.append((ann.id, *self._shown_range(base, at, corrected)))
            elif corrected and base is not None and base.text[anc.start:anc.end] == anc.exact:
                # kept in the original text: where it is in the corrected reading shown
                [(s, e)] = w.archive.corrected_ranges(base, [(anc.start, anc.end)])
                placed.append((ann.id, s, e))
            elif art.text[anc.start:anc.end] == anc.exact:
                placed.append((ann.id, anc.start, anc.end))
            else:  # the text shown differs (a correction): find the quote by its context
                found = A.locate(anc, art.text, fuzzy=False)
                if found is None:  # a paragraph split or join in its words: where the reader's article has them
                    moved_here = moved_here or w.archive.placed_annotations(self.state.article_id)
                    at = moved_here.get(ann.id)
                    found_at = None if at is None else self._shown_range(base, at, corrected)
                else:
                    found_at = (found.start, found.end)
                if found_at is None:
                    missing.append(ann.id)
                else:
                    placed.append((ann.id, *found_at))
        return placed, missing

    def _shown_range(self, base: Article | None, at: tuple[int, int], corrected: bool) -> tuple[int, int]:
        """``at``, a range of the reader's article as segmented, in its text as shown (its text corrections made)."""
        archive = self.w.archive
        if not corrected or base is None or archive is None:
            return at
        [(s, e)] = archive.corrected_ranges(base, [at])
        return s, e

    def show_annotations(self) -> None:
        w = self.w
        placed, missing = self.placed()
        w.article_view.set_highlights(placed)
        w.layout_view.set_annotated(w.article_view.highlight_lines())
        shown = w.article_view.article
        quotes = {i: shown.text[s:e] for i, s, e in placed} if shown is not None else {}
        if w.archive is not None and self.state.article_id is not None:
            at = {i: s for i, s, _ in placed}  # listed as the text reads: article notes, then highlights in order
            notes = sorted(w.archive.article_annotations(self.state.article_id),
                           key=lambda a: (a.anchor is not None, at.get(a.id, 1 << 30), a.created))
            # quoted as the reading view shows them: in the script chosen (the stored quote where not placed)
            quotes = {a.id: w.shown(self.state.article_id, quotes.get(a.id) or a.anchor.exact)
                      for a in notes if a.anchor is not None}
            w.notes.show_article(notes, missing, self._corrections(self.state.article_id), quotes)
        else:
            w.notes.show_article([])

    def _corrections(self, article_id: str) -> list[tuple[str, str]]:
        """(what, byline) of the article's corrections, in a shared library (its work is several people's)."""
        archive = self.w.archive
        if archive is None or not archive.sharing.shared:
            return []
        from reader.gui.corrections_ui import _label

        return [(_label(c.kind), byline_text(archive.sharing.byline(c.owner, c.visibility)))
                for c in archive.corrections.find(articles=[article_id])]

    def annotations_changed(self, collection: str | None = None) -> None:
        """Show the notes, tags and collections as they are now (after the window's own edit, an import, or a
        change made elsewhere: :mod:`reader.gui.watching`), ``collection`` chosen in the collections panel."""
        w = self.w
        if w.archive is None:
            return
        w.archive.watch.acknowledge("annotations")  # before reading: a change after it is the next look's news
        self.show_annotations()
        w.notes.set_tags(w.archive.tag_names())
        w.notes.refresh_library()
        w.collecting.fill(collection)

    def highlight_selection(self) -> bool:
        """Selection → highlight, with the note and tags the user gives (undoable)."""
        if self.w.read_only():
            return False
        w = self.w
        art = w.article_view.article
        rng = w.article_view.selection_article_range()
        if w.archive is None or art is None or self.state.article_id is None:
            return False
        if rng is None:
            w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Select some text to highlight."), 4000)
            return False
        place = self._original(*rng)  # taken now: the article shown may be read again while the dialog is open
        digest = w.corrections.base_digest  # the bytes of its source it was read from
        if place is None:
            return False
        dlg = HighlightDialog(w.shown(self.state.article_id, art.text[rng[0]:rng[1]]), known_tags=w.archive.tag_names(),
                              title=QCoreApplication.translate("MainWindow", "Highlight"), parent=w,
                              visibility=self._asked())
        if not w._ask(dlg):
            return False
        note, tags = dlg.values()
        return self._typed(note, lambda: self._highlight(*place, note=note, tags=tags,
                                                         visibility=dlg.chosen_visibility(), digest=digest))

    def _original(self, start: int, end: int) -> tuple[str, Article, int, int] | None:
        """``Article.text[start:end]`` of the article shown as (its key, the article as the source has it, start,
        end): anchors are kept in the original text, whatever corrections the reading shown has."""
        w, aid = self.w, self.state.article_id
        shown, base = w.article_view.article, w.corrections.base_article
        if w.archive is None or shown is None or base is None or aid is None:
            return None
        if shown.text == base.text:
            return aid, base, start, end
        [(s, e)] = w.archive.original_ranges(base, [(start, end)])
        return aid, base, s, e

    def _asked(self) -> Visibility | None:
        """The visibility a new note's dialog starts at — None in a library folder (nothing to ask)."""
        sharing = self.w.archive.sharing if self.w.archive is not None else None
        return sharing.new_work if sharing is not None and sharing.shared else None

    def _visibility(self, chosen: Visibility | None) -> str:
        """What a new annotation is stored with: the choice made, else the window's for new work."""
        archive = self.w.archive
        return (chosen or (archive.sharing.new_work if archive is not None else Visibility.PRIVATE)).value

    def byline(self, ann: A.Annotation) -> Byline:
        """Whose ``ann`` is (:meth:`reader.app.sharing.Sharing.byline`), for the annotations dock."""
        archive = self.w.archive
        if archive is None:
            return Byline("", Visibility.PRIVATE, True)
        return archive.sharing.byline(ann.owner, ann.visibility)

    def choose_new_work(self, visibility: Visibility) -> None:
        """Who may see the notes, collections and corrections the reader makes from now on (a shared library)."""
        if self.w.archive is not None:
            self.w.archive.sharing.choose(visibility)

    def _refused(self, ann: A.Annotation) -> bool:
        """Another's annotation: said in the status bar, and True (only its owner changes it)."""
        owner = self.byline(ann).owner
        if owner:
            self.w.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "This annotation is %1's: only its owner can change it.").replace("%1", owner), 5000)
        return bool(owner)

    def _after_reimport(self, ann: A.Annotation, base: Article) -> tuple[A.Annotation, str]:
        """``ann``, made on an article another process imported again meanwhile (the window had not looked yet):
        placed on the article that holds its text now, else kept orphaned — never lost (seen by eye: "NotFoundError"
        and the note gone); and what the reader is told."""
        w = self.w
        assert w.archive is not None
        source = w.corrections.base_source or ""
        ann.source = source
        moved_to = w.archive.successor(base, source) if source else None
        if moved_to is not None:
            res = A.reattach(ann, [w.archive.library.article(moved_to)])
            if not res.orphaned:
                return replace(res.annotation, status=A.STATUS_ATTACHED), QCoreApplication.translate(
                    "MainWindow", "The article was imported again while you wrote: your highlight is on it as it "
                                  "now is.")
        return replace(ann, status=A.STATUS_ORPHANED), QCoreApplication.translate(
            "MainWindow", "The article was imported again while you wrote and its text is gone: your highlight is "
                          "kept, orphaned, in View → Annotations.")

    def add_highlight(self, start: int, end: int, note: str = "", tags: Sequence[str] = (),
                      visibility: Visibility | None = None) -> bool:
        """Highlight ``Article.text[start:end]`` of the shown article (undoable); ``visibility``: who may see it
        in a shared library (default: the window's choice for new work)."""
        place = self._original(start, end)
        return place is not None and self._highlight(*place, note=note, tags=tags, visibility=visibility)

    def _highlight(self, aid: str, base: Article, start: int, end: int, note: str = "", tags: Sequence[str] = (),
                   visibility: Visibility | None = None, digest: str | None = None) -> bool:
        """Store the highlight of ``base.text[start:end]`` (the original text, read from the source's bytes
        ``digest``) as an undoable command."""
        w = self.w
        if w.archive is None:
            return False
        try:
            ann = A.highlight(base, start, end, note=note, tags=tags, key=aid)
        except BroadsheetError as e:
            w.report(error_text(e))
            return False
        said = ""
        source = w.corrections.base_source
        digest = digest if digest is not None else w.corrections.base_digest
        # its file read again since the text was shown (the dialog open): the offsets and line numbers taken from
        # it may name other characters now, though the article kept its id — found again in the text as it is
        again = bool(source) and digest is not None and w.archive.source_digest(source or "") != digest
        if w.archive.still_imported(aid) and not again:
            ann.source = w.archive.info(aid).source
            ann = homed(w.archive.library, ann)  # words merged in: stored where they are in the library
        else:
            ann, said = self._after_reimport(ann, base)
        ann.visibility = self._visibility(visibility)
        store = w.archive.annotations
        done = w.push(QCoreApplication.translate("MainWindow", "Highlight"), self._adding(ann),
                      lambda: store.delete(ann.id), self.annotations_changed)
        if done and said:
            w.statusBar().showMessage(said, 10000)
        elif done and not w.notes_dock.isVisible():  # the dock stays as the reader left it: say where it is
            w.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "Highlighted. Your highlights and notes are listed in View → Annotations."), 6000)
        return done

    def add_article_note(self) -> bool:
        """A note (with tags) on the whole current article (undoable)."""
        if self.w.read_only():
            return False
        w, aid = self.w, self.state.article_id
        if w.archive is None or aid is None:
            return False
        try:
            own = self._own_article_note(aid)
        except ConnectionLostError as e:  # nothing typed yet: said, and no dialog opened whose text could not be saved
            w.watching.lost(e, again=True)
            return False
        if own is not None:  # asked again, it opened empty and saved a second note: the first looked lost (eye47)
            return self.edit_annotation(own, title=QCoreApplication.translate("MainWindow", "Article note"))
        dlg = HighlightDialog("", known_tags=w.archive.tag_names(),
                              title=QCoreApplication.translate("MainWindow", "Article note"), parent=w,
                              visibility=self._asked())
        if not w._ask(dlg):
            return False
        note, tags = dlg.values()
        chosen = dlg.chosen_visibility()

        def save() -> bool:
            assert w.archive is not None
            ann = A.Annotation(article=aid, note=note, tags=tags, source=w.archive.info(aid).source,
                               visibility=self._visibility(chosen))
            store = w.archive.annotations
            return w.push(QCoreApplication.translate("MainWindow", "Article note"), self._adding(ann),
                          lambda: store.delete(ann.id), self.annotations_changed)
        return self._typed(note, save)

    def _typed(self, typed: str, save: Callable[[], bool]) -> bool:
        """``save()`` of a note the reader typed, True when saved; not saved (the shared library's server went away
        while the dialog was open: seen by a tester, the text was lost), the text put on the clipboard, and said."""
        try:
            saved = save()
        except ConnectionLostError as e:  # a read before the write: said as the write's failure would be
            self.w.watching.lost(e, again=True)
            saved = False
        if not saved and typed.strip():
            QApplication.clipboard().setText(typed)
            self.w.report(QCoreApplication.translate(
                "MainWindow", "Your note was not saved. Its text is on the clipboard: paste it in when you try again."))
        return saved

    def _own_article_note(self, aid: str) -> A.Annotation | None:
        """The reader's own latest note on the whole article ``aid`` (no highlight's), or None."""
        assert self.w.archive is not None
        notes = [a for a in self.w.archive.annotations.find(article=aid)
                 if a.anchor is None and not self.byline(a).owner]
        return max(notes, key=lambda a: a.modified or a.created, default=None)

    def _adding(self, ann: A.Annotation) -> Callable[[], object]:
        """What a new annotation's command does: store it; redone after its undo, put back as the library is now
        (an import may have moved its words meanwhile: :meth:`reader.app.archive.Archive.put_back`)."""
        archive = self.w.archive
        assert archive is not None
        done: list[bool] = []

        def do() -> object:
            made = archive.put_back(replace(ann, tags=list(ann.tags))) if done else archive.annotations.add(ann)
            done.append(True)
            return made
        return do

    def edit_annotation(self, ann: A.Annotation, note: str | None = None, tags: Sequence[str] | None = None,
                        visibility: Visibility | None = None, title: str = "") -> bool:
        """Change an annotation's note, tags and (a shared library) who may see it: asks when note and tags are
        not given; undoable; the reader's own annotations only."""
        if self.w.read_only():
            return False
        w = self.w
        if w.archive is None or self._refused(ann):
            return False
        asked, yours = note is None or tags is None, ""
        while True:
            if asked:
                got = self._ask_edit(ann, title, yours)
                if got is None:
                    return False
                note, tags, visibility = got
            assert note is not None and tags is not None
            try:
                now, there = self._as_it_is_now(ann, note)
            except ConnectionLostError as e:
                return self._typed(note, functools.partial(self._failed, e))
            if now is not None:
                break
            self._not_written(note)
            yours = note
            if not asked or there is None:
                return False
            ann = there  # the dialog again, on the note as it reads now, the reader's text beside it
        store = w.archive.annotations
        gone = now.version == 0 and ann.version != 0  # deleted elsewhere: saved again, and undo deletes it
        old = replace(now, tags=list(now.tags))
        new = replace(now, note=note, tags=A.normalize_tags(tags),
                      visibility=visibility.value if visibility is not None else now.visibility)
        done: list[bool] = [gone]

        def do() -> bool:  # first time refused if changed elsewhere since it was read; a redo is the reader's own
            # put back as the library is now: an import may have moved the note's words since (seen by eye)
            kept = True
            if any(done):
                kept = self._write_back(new, over=old)
            else:
                store.update(replace(new))
            done.append(True)
            return kept

        undo = (lambda: store.delete(new.id)) if gone else (lambda: self._write_back(old, over=new))
        return self._typed(note, lambda: w.push(QCoreApplication.translate("MainWindow", "Edit annotation"), do, undo,
                                                self.annotations_changed))

    @staticmethod
    def _failed(error: BaseException) -> bool:
        raise error

    def _ask_edit(self, ann: A.Annotation, title: str,
                  yours: str = "") -> tuple[str, list[str], Visibility | None] | None:
        """The edit dialog on ``ann``: (note, tags, visibility chosen), or None (cancelled). ``yours``: the reader's
        text not written over a note changed elsewhere, shown beside it (:class:`HighlightDialog`)."""
        w = self.w
        assert w.archive is not None
        shared = self.byline(ann).visibility if w.archive.sharing.shared else None
        dlg = HighlightDialog(w.notes.quote_shown(ann), ann.note, ann.tags, w.archive.tag_names(),
                              title or QCoreApplication.translate("MainWindow", "Edit annotation"), w,
                              visibility=shared, yours=yours)
        if not w._ask(dlg):
            return None
        note, tags = dlg.values()
        return note, tags, dlg.chosen_visibility()

    def _as_it_is_now(self, ann: A.Annotation, typed: str) -> tuple[A.Annotation | None, A.Annotation | None]:
        """(the annotation to write the reader's edit over, the annotation as it is now). The first: ``ann`` as read,
        or — changed or deleted elsewhere while the reader typed — what the reader chooses (:meth:`_keep_which`):
        theirs over the other's (undo brings the other's back), the note saved again, or nothing written (None: the
        caller keeps the text, :meth:`_not_written`). The second: None when deleted elsewhere."""
        store = self.w.archive.annotations if self.w.archive is not None else None
        if store is None:
            return None, None
        try:
            now = store.get(ann.id)
        except BroadsheetError:  # deleted elsewhere
            now = None
        if now is not None and now.version == ann.version:
            return ann, now
        self.annotations_changed()  # the panel showed the note as read before the dialog opened (seen by a tester)
        if not self._keep_which(typed, now.note if now is not None else None):
            return None, now
        return (now if now is not None else replace(ann, version=0)), now

    def _not_written(self, typed: str) -> None:
        """The reader chose not to write their text over a note changed elsewhere: it goes to the clipboard, and is
        shown beside the note when its dialog opens again (it was dropped, with no way back: seen by a tester)."""
        if typed.strip():
            QApplication.clipboard().setText(typed)
            self.w.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "Your text was not saved over the other; it is on the clipboard."), 15000)

    def _write_back(self, ann: A.Annotation, over: A.Annotation) -> bool:
        """Undo or redo an edit: ``ann``'s note and tags written where ``over`` (the reader's own last write) is;
        changed elsewhere since, the reader is asked first (:meth:`_undo_over`) — an undo wrote the first text over
        a colleague's later one, unsaid. False: left as it is, and said."""
        archive = self.w.archive
        assert archive is not None
        try:
            archive.put_back(replace(ann, tags=list(ann.tags)), expected=over)
        except A.AnnotationConflict:
            now = archive.annotations.get(ann.id)
            if not self._undo_over(ann.note, now.note):
                self.w.statusBar().showMessage(QCoreApplication.translate(
                    "MainWindow", "The note keeps the text written elsewhere."), 8000)
                return False
            archive.put_back(replace(ann, tags=list(ann.tags)))
        return True

    def _undo_over(self, ours: str, theirs: str) -> bool:
        """Ask whether an undo or a redo writes the reader's note ``ours`` over ``theirs``, written elsewhere since
        the reader's edit. True: write it."""
        question = QCoreApplication.translate(
            "MainWindow", "This note was changed elsewhere after your edit. It now reads:\n\n%1\n\n"
            "Put back your text over it?\n\n%2").replace("%1", theirs).replace("%2", ours)
        return prompts.confirm(self.w, QCoreApplication.translate("MainWindow", "Edit annotation"), question)

    def _keep_which(self, ours: str, theirs: str | None) -> bool:
        """Ask whether to save the reader's note over one changed elsewhere meanwhile (``theirs``; None: it was
        deleted there). True: save the reader's."""
        if theirs is None:
            question = QCoreApplication.translate(
                "MainWindow", "This note was deleted elsewhere while you edited it. Save it again with your text?")
        else:
            question = QCoreApplication.translate(
                "MainWindow", "This note was changed elsewhere while you edited it. It now reads:\n\n%1\n\n"
                "Save your text over it? (Undo brings the other text back.)").replace("%1", theirs)
        return prompts.confirm(self.w, QCoreApplication.translate("MainWindow", "Edit annotation"), question)

    def delete_annotation(self, ann: A.Annotation) -> bool:
        """Delete an annotation (undoable: undo puts it back as it was); the reader's own annotations only."""
        if self.w.read_only():
            return False
        w = self.w
        if w.archive is None or self._refused(ann):
            return False
        old = replace(ann, tags=list(ann.tags))
        archive = w.archive
        return w.push(QCoreApplication.translate("MainWindow", "Delete annotation"),
                      lambda: archive.annotations.delete(old.id), lambda: archive.put_back(old),
                      self.annotations_changed)

    def open_annotation(self, ann: A.Annotation) -> None:
        """Show an annotation: its article, the highlight selected."""
        w = self.w
        if w.archive is None:
            return
        key = w.archive.reader_key(ann)  # after a split or a merge, where its words are now
        if not w.archive.exists(key):
            w.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "The annotated article is no longer in the library."), 5000)
            return
        if key != self.state.article_id:
            w.open_article(key)
        for aid, start, end in self.placed()[0]:
            if aid == ann.id:
                w.article_view.select_article_range(start, end)
                break
        else:
            w.statusBar().showMessage(describe(ann), 5000)
