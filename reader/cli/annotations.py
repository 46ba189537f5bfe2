"""``broadsheet annotations`` and ``broadsheet collection``: the reader's notes and sets of articles."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import __version__
from reader.cli.common import byline, merged_said, open_library

if TYPE_CHECKING:
    from reader.annotations.store import AnnotationStore
    from reader.corrections.store import TextFix
    from reader.library.catalogue import Library
    from reader.model.document import Article


def _annotation_json(a: Any, as_read: dict[str, str]) -> dict[str, Any]:
    """An annotation's fields: ``quote`` as the reader reads it now (a word corrected since: as corrected, as the
    window lists it), ``ocr_quote`` the OCR's reading ``start``..``end`` delimit in the article's original text."""
    exact = a.anchor.exact if a.anchor else None
    return {"id": a.id, "article": a.article, "status": a.status, "note": a.note, "tags": a.tags,
            "quote": as_read.get(a.id, exact), "ocr_quote": exact, "start": a.anchor.start if a.anchor else None,
            "end": a.anchor.end if a.anchor else None, "created": a.created, "modified": a.modified,
            "owner": a.owner, "visibility": a.visibility, "made_on": a.made_on or None}


def _reads_pieces(lib: Library, key: str) -> bool:
    """Whether ``key``'s article may be read otherwise than stored: a piece split off (``key~line``), or any article
    of a library with segmentation corrections (a merge or move may have brought text into it)."""
    if "~" in key:
        return True
    return lib.has_component("corrections") and lib.conn.execute(
        "SELECT 1 FROM corrections WHERE kind IN ('merge', 'split', 'move') LIMIT 1").fetchone() is not None


def _reader_article(lib: Library, key: str) -> tuple[Article, str]:
    """The article ``key`` as the reader reads it (a piece split off, text merged in; anchors in the text as the
    OCR read it) and its source file. Seen: `annotations add KEY~LINE` answered "there is no article"."""
    if not _reads_pieces(lib, key):
        return lib.article(key), lib.article_info(key).source
    from reader.app.overlay import Overlay

    overlay = Overlay(lib)
    return overlay.article(key), overlay.info(key).source


def _quoted(lib: Library, article: Article, source: str | None, key: str, quote: str) -> tuple[int, int]:
    """Where ``quote`` is in ``article``'s text; in the reader's corrected reading of it when only that holds it
    (a word the reader corrected), mapped back onto the OCR's reading, where every anchor is kept, and said so."""
    from reader.annotations import store as A

    start = article.text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    from reader.app.overlay import Overlay
    from reader.corrections.store import apply_fixes, original_ranges

    fixes = Overlay(lib).text_fixes(article, source)
    at = apply_fixes(article, fixes).text.find(quote) if fixes else -1
    if at < 0:
        raise A.AnnotationError(f"article {key} does not contain {quote!r}")
    (start, end), = original_ranges(article, fixes, [(at, at + len(quote))])
    print(f"broadsheet: {quote!r} is {_whose(lib, article, fixes, start, end)} correction; the note is made on the "
          f"OCR's reading {article.text[start:end]!r}, as the window makes it.", file=sys.stderr)
    return start, end


def _whose(lib: Library, article: Article, fixes: list[TextFix], start: int, end: int) -> str:
    """Whose the corrections read in ``start``..``end`` of ``article``'s OCR text are, for "… is X correction": "your",
    "bob's", "your and bob's" (a colleague's was said to be "your correction")."""
    from reader.app.sharing import Sharing
    from reader.corrections.store import fixes_within

    sharing = Sharing.of(lib)
    names = {sharing.byline(f.correction.owner, f.correction.visibility).owner
             for f in fixes_within(article, fixes, start, end)}
    said = (["your"] if "" in names or not names else []) + [f"{n}'s" for n in sorted(names - {""})]
    return " and ".join(said)


def _add(args: argparse.Namespace, lib: Library, store: AnnotationStore) -> None:
    from reader.annotations import store as A

    if args.quote is not None and not args.quote.strip():  # an empty shell variable: not a note on the whole article
        raise A.AnnotationError("--quote is empty: give the words to highlight (or leave --quote out for a note on "
                                "the whole article)")
    article, source = _reader_article(lib, args.article)
    args.tag = _filed_tags(store, args.tag)
    if args.quote:
        start, end = _quoted(lib, article, source, args.article, args.quote)
    else:
        start, end = args.start, args.end
    if start is None and end is None:
        ann = A.Annotation(article=args.article, note=args.note or "", tags=A.normalize_tags(args.tag),
                           creator=args.creator or "", source=source)
    elif start is None or end is None:
        raise A.AnnotationError("give both --start and --end (or --quote)")
    else:
        from reader.app.placing import homed

        ann = A.highlight(article, start, end, note=args.note or "", tags=args.tag,
                          creator=args.creator or "", key=args.article)
        ann.source = source
        ann = homed(lib, ann)  # words merged in: stored where they are in the library
    ann.visibility = args.visibility
    store.add(ann)
    print(ann.id)


def _edit(args: argparse.Namespace, lib: Library, store: AnnotationStore) -> None:
    tags = _filed_tags(store, args.tag) if args.tag else None
    store.edit(args.id, note=args.note, tags=tags)  # read, change, write: one transaction


def _shown_tag(tag: str) -> str:
    """A tag in a list: quoted when it holds a comma (kept from before commas were refused), so ``"a,b"`` reads as
    one tag."""
    from reader.annotations.store import TAG_SEPARATORS

    return f'"{tag}"' if any(sep in tag for sep in TAG_SEPARATORS) else tag


def _filed_tags(store: AnnotationStore, given: list[str] | None) -> list[str]:
    """The tags ``--tag`` gives (a comma refused: :func:`reader.annotations.store.new_tags`), each as the tag it is
    filed under (:func:`reader.annotations.store.name_key`): one spelled otherwise is said (``ＥＣＯＮＯＭＹ`` is the
    tag ``economy``)."""
    from reader.annotations.store import new_tags

    out = []
    for tag in new_tags(given or []):
        filed = store.tag_spelling(tag)
        if filed != tag:
            print(f"broadsheet: the tag {tag!r} is the tag {filed!r} already in the library (tags are compared "
                  "regardless of case and width).", file=sys.stderr)
        out.append(filed)
    return out


def _delete(args: argparse.Namespace, lib: Library, store: AnnotationStore) -> None:
    store.delete(args.id)


def _list(args: argparse.Namespace, lib: Library, store: AnnotationStore) -> None:
    """The annotations asked for, each under the article the reader reads it in (after a split, a move or a merge
    not always the one it was made on: :class:`reader.app.placing.NotePlaces`, as the window files them)."""
    from reader.annotations import store as A
    from reader.app.overlay import Overlay
    from reader.app.placing import NotePlaces
    from reader.app.sharing import Sharing

    overlay = Overlay(lib)
    places = NotePlaces(lib, overlay, lambda: store, overlay.article)
    # the text filter and the quotes as the window's lists have them: words corrected since as they read now
    found = places.find(tag=args.tag_filter, text=args.text, status=A.STATUS_ORPHANED if args.orphaned else None)
    if args.article is not None:
        shown_there = {a.id for a in places.article_annotations(args.article)}
        found = [a for a in found if a.id in shown_there]
    as_read = places.quotes_as_read(found)
    if args.json:
        json.dump([_annotation_json(a, as_read) for a in found], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sharing = Sharing.of(lib)
        for a in found:
            quote = f" “{as_read.get(a.id, a.anchor.exact)}”" if a.anchor else ""
            quote += f" (the OCR reads “{a.anchor.exact}”)" if a.anchor and a.id in as_read else ""
            quote += f" (made on “{a.made_on}”)" if a.made_on else ""
            tags = f" [{', '.join(map(_shown_tag, a.tags))}]" if a.tags else ""
            whose = byline(sharing, a.owner, a.visibility)
            print(f"{a.id}  {places.reader_key(a)}  {a.status}{quote}{tags}{whose}  {a.note}".rstrip())


def _tags(args: argparse.Namespace, lib: Library, store: AnnotationStore) -> None:
    for name, count in store.tags():
        print(f"{count}\t{name}")


def _reattach(args: argparse.Namespace, lib: Library, store: AnnotationStore) -> None:
    from reader.annotations import store as A
    from reader.app.placing import reattach_as_read

    results = reattach_as_read(lib, store)  # on the articles as the reader reads them (pieces split off too)
    moved = sum(1 for r in results if r.annotation.status == A.STATUS_MOVED)
    orphaned = [r for r in results if r.orphaned]
    for r in orphaned:
        print(f"broadsheet: annotation {r.annotation.id} is orphaned (its passage was not found again); "
              "it is kept.", file=sys.stderr)
    print(f"{moved} re-attached, {len(orphaned)} orphaned")


def _export(args: argparse.Namespace, lib: Library, store: AnnotationStore) -> None:
    from reader.annotations import store as A
    from reader.app.work import work_sources
    from reader.corrections.store import CorrectionStore
    from reader.export.exporter import write_new

    annotations, collections, corrections = store.find(), store.collections(), CorrectionStore.of(lib).find()
    backup = A.backup_json(annotations, collections, [c.to_json() for c in corrections],
                           generator=f"Broadsheet {__version__}",
                           sources=work_sources(lib, annotations, corrections, collections))
    data = (json.dumps(backup, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        write_new(args.output, data, force=args.force)
        print(f"{args.output}: {backup['total']} annotation(s), {len(backup['broadsheet:collections'])} "
              f"collection(s), {len(backup['broadsheet:corrections'])} correction(s)", file=sys.stderr)


def _import(args: argparse.Namespace, lib: Library, store: AnnotationStore) -> None:
    from reader.app.commands import restore_backup

    restored = restore_backup(lib, Path(args.file))
    for line in restored.work.lines():
        print(f"broadsheet: {line}.", file=sys.stderr)
    for a in restored.orphaned:
        what = f"its passage {a.anchor.exact!r}" if a.anchor else f"its article {a.article}"
        print(f"broadsheet: annotation {a.id} is orphaned: {what} is not in this library (it is kept).",
              file=sys.stderr)
    if restored.entries_added:
        print(f"broadsheet: {restored.entries_added} article(s) of the backup's collections were added to the "
              "collections of the same name here (any removed since the backup are back).", file=sys.stderr)
    if restored.newer_kept:
        print(f"broadsheet: {restored.newer_kept} annotation(s) edited here since the backup was made are kept as "
              "they are (not replaced by the backup's).", file=sys.stderr)
    if restored.unchanged:
        print(f"broadsheet: {restored.unchanged} annotation(s) of the backup, not edited since it was made, are kept "
              "as they are here (where this library placed them).", file=sys.stderr)
    if restored.others_kept or restored.others_collections:
        print(f"broadsheet: {restored.others_kept} annotation(s) and {restored.others_collections} collection(s) of "
              "the backup are others' in this library and are left as they are (only their owner can restore "
              "them).", file=sys.stderr)
    print(f"{restored.annotations} annotation(s), {restored.collections} collection(s), "
          f"{restored.corrections} new correction(s) imported")


#: ``broadsheet annotations ACTION`` → what it does, in the open library with its annotation store
_ACTIONS: dict[str, Callable[[argparse.Namespace, Library, AnnotationStore], None]] = {
    "add": _add, "edit": _edit, "delete": _delete, "list": _list, "tags": _tags, "reattach": _reattach,
    "export": _export, "import": _import,
}


def cmd_annotations(args: argparse.Namespace) -> int:
    """broadsheet annotations add|list|edit|delete|tags|reattach|export|import."""
    from reader.annotations import store as A
    from reader.cli.library_cmds import tell_news

    lib = open_library(args)
    try:
        store = A.AnnotationStore.of(lib)
        tell_news(lib)  # what a colleague's import did to the reader's work (a shared library): once
        _ACTIONS[args.action](args, lib, store)
        return 0
    finally:
        lib.close()


def cmd_collection(args: argparse.Namespace) -> int:
    """broadsheet collection list|show|create|add|remove|rename|delete."""
    from reader.annotations.store import AnnotationStore
    from reader.cli.library_cmds import tell_news

    lib = open_library(args)
    try:
        store = AnnotationStore.of(lib)
        tell_news(lib)  # what a colleague's import did to the reader's work (a shared library): once
        if args.action == "list":
            for c in store.collections():  # whose, on a shared library (one name may be several owners')
                print(f"{len(c.items)}\t{c.name}" + (f"\t{c.owner}" if lib.kind == "postgres" else ""))
        elif args.action == "show":
            _show_collection(args, lib, store.collection(args.name, owner=args.owner).items)
        elif args.action == "create":
            store.create_collection(args.name, args.description or "", visibility=args.visibility)
        elif args.action == "add":
            for key in args.articles:
                _reader_article(lib, key)  # NotFoundError names the article
                store.add_to_collection(args.name, key)
        elif args.action == "remove":
            for key in args.articles:
                store.remove_from_collection(args.name, key)
        elif args.action == "delete":
            store.delete_collection(args.name)
        elif args.action == "rename":
            store.rename_collection(args.name, args.new_name)
        return 0
    finally:
        lib.close()


def _show_collection(args: argparse.Namespace, lib: Library, items: list[str]) -> None:
    """A collection's articles in its order: a line each as a search hit reads (id first), ``--ids`` the ids
    alone, ``--json`` the fields; headlines as the reader's corrections leave them."""
    from reader.app.overlay import Overlay
    from reader.library.catalogue import NotFoundError

    if args.ids:
        print("\n".join(items))
        return
    overlay = Overlay(lib)
    rows: list[dict[str, Any]] = []
    for key in items:
        try:
            info = overlay.info(key)
        except NotFoundError:  # its source was removed (or the reader merged it away): the collection keeps the key
            row: dict[str, Any] = {"article": key, "date": None, "publication": None, "headline": None}
            into = overlay.merged_into(key)
            if into:  # the reader merged it away (a piece split off): said so, not "no longer in the library"
                row["merged_into"] = into
                row["merged_by"] = overlay.merged_by(key) or None  # a colleague's merge: theirs, named
            rows.append(row)
            continue
        rows.append({"article": key, "date": info.date or None, "publication": info.publication,
                     "headline": info.headline})
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    from reader.app.overlay import untitled_names

    names = untitled_names(lib, [r["article"] for r in rows if r["publication"] is not None and not r["headline"]])
    print(f"{len(items)} article(s) in {args.name!r}")
    for r in rows:
        if r["publication"] is None and r.get("merged_into"):
            print(f"{r['article']}  ({merged_said(r['merged_into'], r['merged_by'] or '')})")
        elif r["publication"] is None:
            print(f"{r['article']}  (no longer in the library)")
        else:
            headline = r["headline"] or names.get(r["article"], "(no headline)")  # no printed one: its first words
            print(f"{r['article']}  {r['date'] or '????-??-??'}  {r['publication']}  {headline}")
