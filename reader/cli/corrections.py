"""``broadsheet correct``: segmentation and OCR corrections, kept as an overlay."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from reader.cli.common import byline, open_library

if TYPE_CHECKING:
    from reader.app.overlay import Overlay
    from reader.app.work import CorrectionPlace
    from reader.corrections import store as C
    from reader.library.catalogue import Library
    from reader.model.document import Article


def cmd_correct(args: argparse.Namespace) -> int:
    """broadsheet correct merge|split|move|headline|role|join|split-paragraph|text|list|undo."""
    from reader.app.overlay import Overlay
    from reader.app.work import corrections_about
    from reader.cli.library_cmds import tell_news
    from reader.corrections import store as C

    lib = open_library(args)
    try:
        store = C.CorrectionStore.of(lib)
        tell_news(lib)  # what a colleague's import did to the reader's work (a shared library): once
        overlay = Overlay(lib)  # corrections are made on the articles as the reader sees them
        if args.action == "list":
            found = store.find()
            _list(lib, corrections_about(found, args.article) if args.article else found, args.json)
            return 0
        if args.action == "undo":
            undone = store.undo_last(args.article)
            if undone is None:
                print("nothing to undo")
            for c in store.undone:  # a correction made over several lines: each line's
                print(f"undid {c.kind} {c.id}")
            return 0
        art = overlay.article(args.article)
        if args.action == "merge":
            corr = C.merge_articles(art, overlay.article(args.other))
        elif args.action == "split":
            corr = C.split_article(art, args.part)
        elif args.action == "move":
            corr = C.move_block(art, args.part, overlay.article(args.to), position=args.position)
        elif args.action == "headline":
            corr = C.set_headline(art, part_index=args.part, text=args.text)
        elif args.action == "role":
            corr = C.set_role(art, args.part, args.role)
        elif args.action == "join":
            corr = C.join_paragraphs(art, args.part)
        elif args.action == "split-paragraph":
            corr = C.split_paragraph(art, args.offset)
        else:  # one correction a source line the characters come from, stored together
            return _store(store, _text(overlay, art, args), args)
        return _store(store, [corr], args)
    finally:
        lib.close()


def _text(overlay: Overlay, art: Article, args: argparse.Namespace) -> list[C.Correction]:
    """The corrections of ``correct text``: START..END of the text as ``show`` prints it (a search's ``matches``; the
    corrections read applied: :func:`reader.corrections.store.reading_edit`) to read CORRECTED, over the corrections
    read there (the reader's and the colleagues' they see), which are kept: the new one is read over them
    (:func:`reader.corrections.store.newest_wins`), one reaching beyond START..END is corrected whole, its words
    outside kept as read (:func:`reader.corrections.store.recorrect_text`). None when the words already read so, as
    the reader reads them — it was compared with the OCR's text: the page's letters could not be put back over a
    correction ("nothing to correct: the text already reads so")."""
    from reader.corrections import store as C

    fixes = C.located_fixes(art, overlay.text_corrections(art, overlay.source_of(args.article)))
    start, end, corrected = C.reading_edit(art, fixes, args.start, args.end, args.corrected)
    _old, new = C.recorrect_text(art, fixes, start, end, corrected, mine=lambda c: False)
    return new


def _list(lib: Library, found: list[C.Correction], as_json: bool) -> None:
    """The corrections as stored (``--json``: each record, with ``now``) and where each is now, as the sources are now
    (:func:`reader.app.work.correction_places`): the offsets stored are where it was made, other words after a
    re-read of an edited source."""
    from reader.app.sharing import Sharing
    from reader.app.work import correction_places

    places = {p.correction.id: p for p in correction_places(lib, {c.id for c in found})}
    if as_json:
        json.dump([{**c.to_json(), "now": places[c.id].to_json() if c.id in places else None} for c in found],
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    sharing = Sharing.of(lib)
    for c in found:
        place = places.get(c.id)
        print(f"{c.id}  {place.article if place and place.article else c.article}  {c.kind}  {_described(c, place)}"
              + byline(sharing, c.owner, c.visibility))


def _described(c: C.Correction, place: CorrectionPlace | None) -> str:
    """What a correction does and where it is now, for a person."""
    from reader.corrections.store import TextChange

    change = c.change
    what = f"{change.original} → {change.corrected}" if isinstance(change, TextChange) else _segmenting(c)
    if place is None or not place.found:
        why = place.why if place is not None else "it names nothing of this library"
        return f"{what}: no longer found — {why} (it is kept)"
    if place.line_start is not None:
        under = f"; not read: a later correction of these words, {place.under}, is over it" if place.under else ""
        return (f"{what} at line {place.line} characters {place.line_start}–{place.line_end} (characters "
                f"{place.start}–{place.end} of the OCR's text of the article){under}")
    return f"{what} at line {place.line}" if place.line else what


def _segmenting(c: C.Correction) -> str:
    """What a segmentation correction does, in a few words ("merges A", "as byline", "headline “…”")."""
    from reader.corrections import store as C

    ch = c.change
    if isinstance(ch, C.MergeChange):
        return f"merges {ch.other}"
    if isinstance(ch, C.SplitChange):
        return f"the piece {ch.new_id}" if ch.new_id else "starts a piece"
    if isinstance(ch, C.MoveChange):
        return f"a part moved to {ch.to}"
    if isinstance(ch, C.RoleChange):
        return f"a part as {ch.role}"
    if isinstance(ch, C.HeadlineChange):
        return f"headline “{ch.text}”" if ch.text else "a part as the headline"
    return "joins a part to the one before" if isinstance(ch, C.JoinChange) else "splits a paragraph"


def _store(store: C.CorrectionStore, corrections: list[C.Correction], args: argparse.Namespace) -> int:
    """Store the corrections in one transaction and print their ids (a line each)."""
    if not corrections:
        print("nothing to correct: the text already reads so", file=sys.stderr)
        return 0
    from reader.library.catalogue import transaction

    with transaction(store.conn):
        for corr in corrections:
            corr.creator = args.creator or ""
            corr.visibility = args.visibility
            store.add(corr)
    for corr in corrections:
        print(corr.id)
    return 0
