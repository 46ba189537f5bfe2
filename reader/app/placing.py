"""Where the reader's annotations are shown when the reader split, moved or merged articles.

An annotation is stored on the article it was made on (its key, with its quote, its offsets and its source lines) and
is never rewritten by a segmentation correction: undoing the correction puts everything back. The reader's reading
of an issue may hold its words in another article, though — a paragraph split off, an article merged into the one
above, a piece merged away. So an annotation is shown on, listed under and exported with the reader's article that
holds its first source line (an article note: its article while the reader reads it, else the one holding that
article's first line), and placed there on its own lines (:func:`reader.annotations.store.locate_on_lines`). Seen by
eye: a highlight jumped onto the same words further down the first piece after a split; a note on a piece merged
into another was shown nowhere; the library's list named a highlight's article as the piece it was cut from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reader.annotations.store import (
    STATUS_ATTACHED,
    Annotation,
    AnnotationStore,
    Attachment,
    Reattached,
    highlight,
    locate,
    locate_across_parts,
    locate_on_lines,
    reattach_in_library,
)
from reader.app.overlay import SEGMENTING, Overlay
from reader.app.readings import root_key
from reader.corrections.store import Correction, corrected_ranges
from reader.library.catalogue import Library, NotFoundError
from reader.model.document import Article
from reader.text.forms import fold_query, fold_text


def homed(library: Library, ann: Annotation) -> Annotation:
    """``ann`` as it is stored: a highlight made on words an article merged in holds (the reader's article ``Y``,
    the words ``Z``'s) is stored on ``Z``, where those words are in the library, at their place there — it was stored
    on ``Y``, and once the merge was undone (by the reader, or by a colleague on a shared library) listed under ``Y``,
    whose text no longer holds them (seen by a tester). While the merge stands the reader's reading files it under
    ``Y`` by its first line, as every note on words merged in (:class:`NotePlaces`). Anything else: ``ann`` as it
    is."""
    anchor = ann.anchor
    if anchor is None or not anchor.line_ids or "~" in ann.article:
        return ann
    line = anchor.line_ids[0]
    try:
        info = library.article_info(ann.article)
        if line in library.article(ann.article).line_ids():
            return ann
    except NotFoundError:
        return ann
    for other in library.articles(issue_id=info.issue_id):
        if other.id == ann.article or other.source != info.source:  # the files of an issue number their lines alike:
            continue  # the line is of its own file (the other's article of that id came first, and nothing was homed)
        holder = library.article(other.id)
        if line in holder.line_ids():
            found = locate_on_lines(anchor, holder)
            if found is None:
                return ann
            moved = highlight(holder, found.start, found.end, note=ann.note, tags=ann.tags, creator=ann.creator)
            return replace(ann, article=holder.id, anchor=moved.anchor, source=other.source or ann.source)
    return ann


def reattach_as_read(library: Library, store: AnnotationStore, annotations: Sequence[Annotation] | None = None,
                     overlay: Overlay | None = None) -> list[Reattached]:
    """:func:`reader.annotations.store.reattach_in_library` on the articles as the reader reads them: a piece the reader
    split off (``key~line``) is an article of their corrections only, and its notes are checked on its text there.
    Looked up in the catalogue alone, it was "gone" after an import of any file: its article note said orphaned, its
    highlights moved onto the article it was cut from (seen by the by-eye tester). A piece that is no article now (its
    split undone, merged into another) keeps its notes, shown on the reader's article holding their first line (as
    :class:`NotePlaces` shows them; redoing the split puts everything back): left as they are while that article holds
    their words, looked for like any other's when it no longer does."""
    overlay = overlay or Overlay(library)
    todo = store.find() if annotations is None else list(annotations)
    held = [a for a in todo if root_key(a.article) != a.article and _held_elsewhere(overlay, a)]
    found = [_found_again(store, a) for a in held if a.orphaned]
    kept = {a.id for a in held}

    def read(key: str) -> Article:
        return overlay.article(key) if root_key(key) != key else library.article(key)

    rest = reattach_in_library(library, store, [a for a in todo if a.id not in kept], read)
    return [r for r in found if r is not None] + rest


def _held_elsewhere(overlay: Overlay, a: Annotation) -> bool:
    """Whether ``a``, on a piece split off that is no article of the reader's now, has its words in the reader's
    article holding its first line (an article note: the piece's first line)."""
    try:
        overlay.article(a.article)
        return False  # an article of the reader's: checked on its own text
    except NotFoundError:
        pass
    anchor = a.anchor
    line = anchor.line_ids[0] if anchor is not None and anchor.line_ids else a.article.rsplit("~", 1)[1]
    holder = overlay.holding(a.article, line)
    if holder is None:
        return False
    if anchor is None:
        return True
    try:
        held = overlay.article(holder[0])
        return (locate_on_lines(anchor, held) or locate_across_parts(anchor, held)) is not None
    except NotFoundError:
        return False


def _found_again(store: AnnotationStore, a: Annotation) -> Reattached | None:
    """``a``, said orphaned before, attached again where it is (None when it was written since: left to the next
    check)."""
    again = replace(a, status=STATUS_ATTACHED)
    if not store.place(again):
        return None
    return Reattached(again, a.article, Attachment(0, 0, "position", 1.0), was_orphaned=True)


def _placed_on(a: Annotation, article: Article, article_id: str) -> Attachment | None:
    """Where the highlight ``a`` is in ``article`` (the reader's ``article_id``): at its stored place in the article
    it was made on, else on its own source lines, else by its quote there — and over a paragraph boundary the
    reader's corrections put into its words or took out of them (:func:`locate_across_parts`)."""
    anchor = a.anchor
    assert anchor is not None
    own = a.article == article_id
    if own and article.text[anchor.start:anchor.end] == anchor.exact:
        return Attachment(anchor.start, anchor.end, "position", 1.0)
    found = locate_on_lines(anchor, article)
    if found is None and own:
        found = locate(anchor, article.text, fuzzy=False)
    return found or locate_across_parts(anchor, article, own)


@dataclass(frozen=True)
class _Owners:
    """Who holds which line in one issue as the reader reads it."""

    #: the corrected issue the map was made from (made again when the overlay gives another)
    made_from: object
    #: (source file, line) → the key of the reader's article holding it: the files of an issue number their lines
    #: alike (p1.l19 in seed_page.txt and in rendered_page.txt), and a note was shown on the other file's article
    line: dict[tuple[str | None, str], str]
    #: the keys of the reader's articles
    reader: frozenset[str]
    #: the catalogue's article keys of the issue
    catalogue: tuple[str, ...]


class NotePlaces:
    """The reader's article each annotation is shown on, and its place there (see the module's docstring)."""

    def __init__(self, library: Library, overlay: Overlay, annotations: Callable[[], AnnotationStore],
                 article: Callable[[str], Article]) -> None:
        self._library = library
        self._overlay = overlay
        self._annotations = annotations
        self._article = article
        self._owners: dict[int, _Owners] = {}
        #: (the corrections the set was made from, the issues a segmentation correction names)
        self._named: tuple[list[Correction], set[int]] | None = None

    def article_annotations(self, article_id: str) -> list[Annotation]:
        """The annotations shown on the reader's article ``article_id``."""
        issue = self._segmented_issue(article_id)
        if issue is None:
            found = self._annotations().find(articles=[article_id], pieces_too=True)
            if all(a.article == article_id for a in found):
                return found
            try:  # notes on a piece whose split was undone: shown here too
                issue = self._overlay.issue_of(root_key(article_id))
            except NotFoundError:
                return [a for a in found if a.article == article_id]
        owners = self._owners_of(issue)
        found = self._annotations().find(articles=list(owners.catalogue), pieces_too=True)
        return [a for a in found if self._key_in(a, owners) == article_id]

    def reader_key(self, a: Annotation) -> str:
        """The key of the reader's article ``a`` is shown on."""
        issue = self._segmented_issue(a.article)
        return a.article if issue is None else self._key_in(a, self._owners_of(issue))

    def placed(self, article_id: str) -> dict[str, tuple[int, int]]:
        """Annotation id → its place in the text of the reader's article ``article_id`` (as the OCR read it): at its
        stored place in the article it was made on, else on its own source lines, else by its quote there."""
        article = self._article(article_id)
        out: dict[str, tuple[int, int]] = {}
        for a in self.article_annotations(article_id):
            anchor = a.anchor
            if anchor is None or a.orphaned:
                continue
            found = _placed_on(a, article, article_id)
            if found is not None:
                out[a.id] = (found.start, found.end)
        return out

    def quotes_as_read(self, annotations: Sequence[Annotation]) -> dict[str, str]:
        """Annotation id → its words as the reader reads them now, for the highlights on words corrected since they
        were made (their stored quote is the OCR's reading): the window's lists and ``annotations list`` quote and
        filter them so (the command line quoted the OCR's words — seen by the by-eye tester). Only articles with
        text corrections are read."""
        keys = self._overlay.text_corrected_keys()
        out: dict[str, str] = {}
        for a in annotations:
            anc = a.anchor
            if anc is None or a.orphaned or root_key(a.article) not in keys:
                continue
            try:
                base = self._article(a.article)
                source = self._overlay.info(a.article).source
            except NotFoundError:
                continue
            if base.text[anc.start:anc.end] != anc.exact:
                continue  # moved since: the article's own list places it
            fixes = self._overlay.text_fixes(base, source)
            [(s, e)] = corrected_ranges(base, fixes, [(anc.start, anc.end)])
            shown = self._overlay.corrected(base, source).text[s:e]
            if shown != anc.exact:
                out[a.id] = shown
        return out

    def find(self, tag: str | None = None, text: str | None = None, status: str | None = None) -> list[Annotation]:
        """The annotations with ``tag`` (and ``status``) whose note or quote holds ``text`` — the quote as stored (the
        OCR's reading) or as the reader reads it now (:meth:`quotes_as_read`) —, compared folded as the library is
        searched (:func:`reader.text.forms.fold_query`): in either Chinese script, case and accents aside. Seen by eye:
        under 臺灣 the list quoted a highlight as “式考準”, and 考準 typed in its filter found nothing."""
        store = self._annotations()
        wanted = fold_query(text) if text else ""
        if not wanted:  # no text, or none that folds to anything (a lone accent): as the store compares it
            return store.find(tag=tag, text=text, status=status)
        every = store.find(tag=tag, status=status)
        have = {a.id for a in every if wanted in fold_text(a.note or "")
                or a.anchor is not None and wanted in fold_text(a.anchor.exact)}
        now = self.quotes_as_read([a for a in every if a.id not in have and a.anchor is not None])
        more = {key for key, quote in now.items() if wanted in fold_text(quote)}
        return [a for a in every if a.id in have or a.id in more]

    def _key_in(self, a: Annotation, owners: _Owners) -> str:
        source = self._overlay.source_of(a.article) or a.source or None
        if a.anchor is not None and a.anchor.line_ids:
            return owners.line.get((source, a.anchor.line_ids[0]), a.article)
        if a.anchor is not None or a.article in owners.reader:
            return a.article
        first = self._first_line(a.article)  # an article note of an article merged away
        return owners.line.get((source, first), a.article) if first else a.article

    def _first_line(self, key: str) -> str | None:
        """The first source line of the article ``key`` names: the line a piece split off starts at (``key~line``),
        else the catalogue article's first."""
        if "~" in key:
            return key.rsplit("~", 1)[1]
        try:
            lines = self._library.article(key).line_ids()
        except NotFoundError:
            return None
        return lines[0] if lines else None

    def _segmented_issue(self, key: str) -> int | None:
        """The issue of the article ``key`` when a segmentation correction names an article of it, else None."""
        if root_key(key) != key:  # a piece split off, or one whose split was undone since (no correction names its
            try:  # issue then): its notes are shown where their words are, not on a key no article has
                return self._overlay.issue_of(root_key(key))
            except NotFoundError:
                return None
        corrections = self._overlay.corrections()
        named = self._named
        if named is None or named[0] is not corrections:
            cuts = [c for c in corrections if c.kind in SEGMENTING]
            named = self._named = (corrections, set(self._overlay.issues_named(cuts)) if cuts else set())
        if not named[1]:
            return None
        try:
            issue = self._overlay.issue_of(root_key(key))
        except NotFoundError:
            return None
        return issue if issue in named[1] else None

    def _owners_of(self, issue: int) -> _Owners:
        corrected = self._overlay.corrected_issue(issue)
        kept = self._owners.get(issue)
        if kept is None or kept.made_from is not corrected:
            source = self._overlay.source_of
            line = {(source(a.id), ln): a.id for a in corrected.articles for ln in a.line_ids()}
            kept = _Owners(corrected, line, frozenset(a.id for a in corrected.articles),
                           tuple(i.id for i in self._library.articles(issue_id=issue)))
            self._owners[issue] = kept
        return kept
