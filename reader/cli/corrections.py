"""``broadsheet correct``: segmentation and OCR corrections, kept as an overlay."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from reader.cli.common import open_library

if TYPE_CHECKING:
    from reader.corrections import store as C


def cmd_correct(args: argparse.Namespace) -> int:
    """broadsheet correct merge|split|move|headline|role|join|split-paragraph|text|list|undo."""
    from reader.app.overlay import Overlay
    from reader.corrections import store as C

    lib = open_library(args)
    try:
        store = C.CorrectionStore.of(lib)
        overlay = Overlay(lib)  # corrections are made on the articles as the reader sees them
        if args.action == "list":
            found = store.find(articles=[args.article] if args.article else None)
            if args.json:
                json.dump([c.to_json() for c in found], sys.stdout, ensure_ascii=False, indent=1)
                sys.stdout.write("\n")
            else:
                for c in found:
                    print(f"{c.id}  {c.article}  {c.kind}  {json.dumps(c.data, ensure_ascii=False)}")
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
            return _store(store, C.correct_text_lines(art, args.start, args.end, args.corrected), args)
        return _store(store, [corr], args)
    finally:
        lib.close()


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
