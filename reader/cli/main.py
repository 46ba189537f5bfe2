"""The command line: a thin layer over :mod:`reader.core`.

``broadsheet`` with no arguments (or ``broadsheet gui``) opens the desktop application.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader import __version__


def _analyze(args: argparse.Namespace) -> int:
    from reader.model.errors import BroadsheetError
    from reader.segmentation.analyze import analyze_file, document_json, document_text

    status = 0
    results = []
    for name in args.files:
        try:
            doc = analyze_file(name, args.format)
        except BroadsheetError as e:
            print(f"broadsheet: {e}", file=sys.stderr)
            status = 1
            continue
        for warning in doc.warnings:
            print(f"broadsheet: warning: {warning}", file=sys.stderr)
        if args.json:
            results.append(document_json(doc))
        else:
            sys.stdout.write(document_text(doc))
    if args.json and results:
        payload = results[0] if len(results) == 1 else results
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return status


def _gui(args: argparse.Namespace) -> int:
    """Open the desktop application; PySide6 is imported only here, never by the core CLI."""
    try:
        from reader.gui.app import main as gui_main
    except ImportError as e:
        print(f"broadsheet: the desktop application needs PySide6 (pip install 'broadsheet[gui]'): {e}.",
              file=sys.stderr)
        return 1
    return gui_main(library=getattr(args, "library", None), files=getattr(args, "paths", None) or ())


# ---------------------------------------------------------------- library verbs (import, search, show, reindex, stats)


def _open_library(args: argparse.Namespace) -> Any:
    from reader.library.catalogue import Library

    return Library.open(getattr(args, "library", None))


def _library_verb(func: Any) -> Any:
    """Run a library verb; a library or query error becomes one sentence on stderr and exit status 2."""

    def run(args: argparse.Namespace) -> int:
        from reader.model.errors import BroadsheetError

        try:
            return int(func(args))
        except BroadsheetError as e:
            print(f"broadsheet: {e}", file=sys.stderr)
            return 2

    return run


def _import(args: argparse.Namespace) -> int:
    import signal
    import threading
    import time

    from reader.library.importer import ImportProgress, import_paths

    if args.date and not re.match(r"^\d{4}-\d{2}-\d{2}$", args.date):
        print(f"broadsheet: --date {args.date}: give the date as YYYY-MM-DD.", file=sys.stderr)
        return 2
    cancel = threading.Event()

    def on_sigint(signum: int, frame: object) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        print("\nbroadsheet: stopping after the current file (Ctrl-C again to abort)", file=sys.stderr)

    last = [0.0]

    def emit(event: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def progress(p: ImportProgress) -> None:
        if args.progress_json:
            emit({"event": "progress", "files_done": p.files_done, "files_total": p.files_total, "pages": p.pages,
                  "articles": p.articles, "chars": p.chars, "elapsed": p.elapsed, "current": p.current})
            return
        now = time.monotonic()
        if now - last[0] < 0.5 and p.files_done < p.files_total:
            return
        last[0] = now
        eta = f", {p.eta:.0f}s left" if p.eta is not None else ""
        sys.stderr.write(f"\r{p.files_done}/{p.files_total} files, {p.pages} pages, {p.articles} articles, "
                         f"{p.rate / 1000:.0f}k chars/s{eta}   ")
        sys.stderr.flush()

    def on_error(path: str, message: str) -> None:
        if args.progress_json:
            emit({"event": "error", "path": path, "message": message})
            return
        sys.stderr.write(f"\rbroadsheet: {message}\n")

    lib = _open_library(args)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, on_sigint) if main_thread else None
    try:
        report = import_paths(lib, args.paths, publication=args.publication, date=args.date, page=args.page,
                              progress=None if args.quiet else progress, cancel=cancel, on_error=on_error,
                              workers=None)  # worker processes for large imports: this program's main is guarded
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        lib.close()
    if args.progress_json:
        emit({"event": "done", "imported": report.imported, "unchanged": report.unchanged,
              "failed": [list(f) for f in report.failed], "pages": report.pages, "articles": report.articles,
              "chars": report.chars, "seconds": report.seconds, "cancelled": report.cancelled})
    elif not args.quiet:
        sys.stderr.write("\n")
    print(f"broadsheet: imported {len(report.imported)} file(s) ({report.pages} pages, {report.articles} articles, "
          f"{report.chars} characters), {len(report.unchanged)} unchanged, {len(report.failed)} failed, "
          f"in {report.seconds:.1f}s{' (stopped)' if report.cancelled else ''}", file=sys.stderr)
    if report.cancelled:
        return 130
    return 1 if report.failed else 0


def _search_filters(args: argparse.Namespace) -> list[Any]:
    from reader.search.engine import Filter

    out = []
    if args.publication:
        out.append(Filter("publication", args.publication))
    if args.date_from or args.date_to:
        out.append(Filter("date", f"{args.date_from or ''}..{args.date_to or ''}"))
    if args.kind:
        out.append(Filter("kind", args.kind))
    if args.page is not None:
        out.append(Filter("page", str(args.page)))
    return out


def _search(args: argparse.Namespace) -> int:
    from reader.index import store as index
    from reader.library.catalogue import LibraryBusyError
    from reader.search.engine import Searcher

    lib = _open_library(args)
    try:
        try:
            index.sync(lib)  # index what an interrupted import left, when no import is running
        except LibraryBusyError:
            pass
        with Searcher(lib) as searcher:
            res = searcher.search(" ".join(args.query), limit=args.limit, sort=args.sort,
                                  filters=_search_filters(args), facets=args.facets)
    finally:
        lib.close()
    if args.json:
        payload = res.to_json()
        if args.facets:
            payload["facets"] = res.facets
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"{res.total} article(s) match {res.query!r}")
    for h in res.hits:
        print(f"{h.article}  {h.date or '????-??-??'}  {h.publication}  p.{h.page}  {h.headline or '(no headline)'}")
        print(f"    {h.snippet}")
    if args.facets:
        for name, counts in res.facets.items():
            print(f"{name}: " + ", ".join(f"{k or '?'} {n}" for k, n in counts.items()))
    return 0


def _show(args: argparse.Namespace) -> int:
    from reader.app.overlay import read_article
    from reader.text.forms import display

    lib = _open_library(args)
    try:
        info, article = read_article(lib, args.article)  # as the window shows it: corrections applied
    finally:
        lib.close()
    script = None if args.script == "none" else args.script
    parts = []
    for part in article.parts:
        text, omap = display(part.text, script)
        identity = len(omap) == len(part.text) and all(i == k for k, i in enumerate(omap))
        parts.append({
            "role": part.role,
            "text": text,
            "original": part.text if script else None,
            "offsets": None if identity else omap,
            "lines": part.line_ids,
            "spans": [[sp.start, sp.end, sp.line, sp.line_start] for sp in part.spans],
        })
    if args.json:
        json.dump({"article": info.id, "headline": display(article.headline or "", script)[0] or None,
                   "publication": info.publication, "date": info.date, "edition": info.edition,
                   "pages": list(info.pages), "kind": info.kind, "source": info.source, "script": args.script,
                   "parts": parts}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"# {info.publication} {info.date} p.{','.join(map(str, info.pages))} [{info.kind}] {info.id}")
    for shown in parts:
        print(("    " if shown["role"] == "paragraph" else f"[{shown['role']}] ") + str(shown["text"]))
    return 0


def _reindex(args: argparse.Namespace) -> int:
    from reader.index import store as index

    lib = _open_library(args)
    try:
        def progress(done: int, total: int) -> None:
            sys.stderr.write(f"\r{done}/{total} articles   ")

        n = index.rebuild(lib, progress=progress)
    finally:
        lib.close()
    sys.stderr.write("\n")
    print(f"broadsheet: indexed {n} article(s)", file=sys.stderr)
    return 0


def _stats(args: argparse.Namespace) -> int:
    from reader.index.store import Index

    lib = _open_library(args)
    try:
        counts: dict[str, Any] = dict(lib.stats())
        ix = Index(lib.index_dir)
        counts["indexed_documents"] = ix.doc_count()
        counts["index_bytes"] = ix.size_bytes()
        ix.close()
        counts["catalogue_bytes"] = lib.catalogue_path.stat().st_size
        counts["library"] = str(lib.folder)
    finally:
        lib.close()
    if args.json:
        json.dump(counts, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for k, v in counts.items():
            print(f"{k:18} {v}")
    return 0


def _add_library_verbs(sub: Any) -> None:
    from reader.text.forms import DISPLAY_CONFIGS

    def lib_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--library", metavar="DIR",
                       help="the library folder (default: $BROADSHEET_LIBRARY or the platform data folder)")

    p = sub.add_parser("import", help="import files and folders into the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    lib_arg(p)
    p.add_argument("--publication", help="the publication, when neither the files nor their paths say")
    p.add_argument("--date", help="the issue date YYYY-MM-DD, when neither the files nor their paths say")
    p.add_argument("--page", type=int, help="the number of the (first) page")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.add_argument("--progress-json", action="store_true",
                   help="progress, errors and the report as JSON lines on stdout (for programs driving an import)")
    p.set_defaults(func=_library_verb(_import))

    p = sub.add_parser("search", help="search the library")
    p.add_argument("query", nargs="+", metavar="QUERY")
    lib_arg(p)
    p.add_argument("--json", action="store_true", help="print the JSON contract")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    p.add_argument("--publication")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--kind")
    p.add_argument("--page", type=int)
    p.add_argument("--facets", action="store_true", help="also count hits by publication, year and kind")
    p.set_defaults(func=_library_verb(_search))

    p = sub.add_parser("show", help="print an article of the library")
    p.add_argument("article", metavar="ARTICLE")
    lib_arg(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--script", default="none", choices=list(DISPLAY_CONFIGS), help="OpenCC conversion for display")
    p.set_defaults(func=_library_verb(_show))

    p = sub.add_parser("reindex", help="rebuild the search index from the catalogue")
    lib_arg(p)
    p.set_defaults(func=_library_verb(_reindex))

    p = sub.add_parser("stats", help="print what the library holds")
    lib_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_library_verb(_stats))


# ---------------------------------------------------------------- the reader's work: export, annotations, corrections


def _export(args: argparse.Namespace) -> int:
    """broadsheet export: articles, an issue, a collection or a query's hits to a new file."""
    from reader.app.overlay import Overlay
    from reader.export.exporter import ExportError, export, items_from_document, write_new

    if args.source:
        from reader.segmentation.analyze import analyze_file

        doc = analyze_file(args.source)
        items = items_from_document(doc, args.articles or None)
        annotations: list[Any] = []
    else:
        if not (args.articles or args.issue is not None or args.collection or args.query):
            raise ExportError("name the articles, --issue, --collection, --query or --source to export")
        lib = _open_library(args)
        try:
            overlay = Overlay(lib, segmentation=not args.no_overlay, text=not args.plain)
            scope = overlay.export_scope(args.articles, issue_id=args.issue, collection=args.collection,
                                         query=args.query, limit=args.limit)
        finally:
            lib.close()
        for corr, reason in scope.stale:
            print(f"broadsheet: correction {corr.id} ({corr.kind}) no longer applies: {reason}.", file=sys.stderr)
        items, annotations = scope.items, scope.annotations
    kind = "hits" if args.query else "collection" if args.collection else "issue" if args.issue is not None else None
    options: dict[str, Any] = {}
    if args.format == "tei":
        options = {"scope": kind, "user": args.user or "", "reading": args.reading}
    data = export(items, args.format, annotations if not args.plain else [], **options)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        return 0
    path = write_new(args.output, data, force=args.force)
    print(f"{path}: {len(items)} article(s), {len(data)} bytes ({args.format})", file=sys.stderr)
    return 0


def _annotation_json(a: Any) -> dict[str, Any]:
    return {"id": a.id, "article": a.article, "status": a.status, "note": a.note, "tags": a.tags,
            "quote": a.anchor.exact if a.anchor else None, "start": a.anchor.start if a.anchor else None,
            "end": a.anchor.end if a.anchor else None, "created": a.created, "modified": a.modified}


def _annotations(args: argparse.Namespace) -> int:
    """broadsheet annotations add|list|edit|delete|tags|reattach|export|import."""
    from reader.annotations import store as A
    from reader.corrections.store import CorrectionStore
    from reader.export.exporter import write_new

    lib = _open_library(args)
    try:
        store = A.AnnotationStore.of(lib)
        if args.action == "add":
            article = lib.article(args.article)
            source = lib.article_info(args.article).source
            if args.quote:
                start = article.text.find(args.quote)
                if start < 0:
                    raise A.AnnotationError(f"article {args.article} does not contain {args.quote!r}")
                end = start + len(args.quote)
            else:
                start, end = args.start, args.end
            if start is None and end is None:
                ann = A.Annotation(article=args.article, note=args.note or "", tags=A.normalize_tags(args.tag),
                                   creator=args.creator or "", source=source)
            elif start is None or end is None:
                raise A.AnnotationError("give both --start and --end (or --quote)")
            else:
                ann = A.highlight(article, start, end, note=args.note or "", tags=args.tag,
                                  creator=args.creator or "", key=args.article)
                ann.source = source
            store.add(ann)
            print(ann.id)
        elif args.action == "edit":
            ann = store.get(args.id)
            if args.note is not None:
                ann.note = args.note
            if args.tag:
                ann.tags = A.normalize_tags(args.tag)
            store.update(ann)
        elif args.action == "delete":
            store.delete(args.id)
        elif args.action == "list":
            found = store.find(article=args.article, tag=args.tag_filter, text=args.text,
                               status=A.STATUS_ORPHANED if args.orphaned else None)
            if args.json:
                json.dump([_annotation_json(a) for a in found], sys.stdout, ensure_ascii=False, indent=1)
                sys.stdout.write("\n")
            else:
                for a in found:
                    quote = f" “{a.anchor.exact}”" if a.anchor else ""
                    tags = f" [{', '.join(a.tags)}]" if a.tags else ""
                    print(f"{a.id}  {a.article}  {a.status}{quote}{tags}  {a.note}".rstrip())
        elif args.action == "tags":
            for name, count in store.tags():
                print(f"{count}\t{name}")
        elif args.action == "reattach":
            results = A.reattach_in_library(lib, store)
            moved = sum(1 for r in results if r.annotation.status == A.STATUS_MOVED)
            orphaned = [r for r in results if r.orphaned]
            for r in orphaned:
                print(f"broadsheet: annotation {r.annotation.id} is orphaned (its passage was not found again); "
                      "it is kept.", file=sys.stderr)
            print(f"{moved} re-attached, {len(orphaned)} orphaned")
        elif args.action == "export":
            backup = A.backup_json(store.find(), store.collections(),
                                   [c.to_json() for c in CorrectionStore.of(lib).find()],
                                   generator=f"Broadsheet {__version__}")
            data = (json.dumps(backup, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
            if args.output == "-":
                sys.stdout.buffer.write(data)
            else:
                write_new(args.output, data, force=args.force)
                print(f"{args.output}: {backup['total']} annotation(s), {len(backup['broadsheet:collections'])} "
                      f"collection(s), {len(backup['broadsheet:corrections'])} correction(s)", file=sys.stderr)
        elif args.action == "import":
            from reader.app.commands import restore_backup

            restored = restore_backup(lib, Path(args.file))
            print(f"{restored.annotations} annotation(s), {restored.collections} collection(s), "
                  f"{restored.corrections} new correction(s) imported")
        return 0
    finally:
        lib.close()


def _collection(args: argparse.Namespace) -> int:
    """broadsheet collection list|show|create|add|remove|delete."""
    from reader.annotations.store import AnnotationStore

    lib = _open_library(args)
    try:
        store = AnnotationStore.of(lib)
        if args.action == "list":
            for c in store.collections():
                print(f"{len(c.items)}\t{c.name}")
        elif args.action == "show":
            for key in store.collection(args.name).items:
                print(key)
        elif args.action == "create":
            store.create_collection(args.name, args.description or "")
        elif args.action == "add":
            for key in args.articles:
                lib.article_info(key)  # NotFoundError names the article
                store.add_to_collection(args.name, key)
        elif args.action == "remove":
            for key in args.articles:
                store.remove_from_collection(args.name, key)
        elif args.action == "delete":
            store.delete_collection(args.name)
        return 0
    finally:
        lib.close()


def _correct(args: argparse.Namespace) -> int:
    """broadsheet correct merge|split|move|headline|role|join|split-paragraph|text|list|undo."""
    from reader.app.overlay import Overlay
    from reader.corrections import store as C

    lib = _open_library(args)
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
            print(f"undid {undone.kind} {undone.id}" if undone else "nothing to undo")
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
        else:
            corr = C.correct_text(art, args.start, args.end, args.corrected)
        corr.creator = args.creator or ""
        store.add(corr)
        print(corr.id)
        return 0
    finally:
        lib.close()


def _add_work_parsers(sub: Any) -> None:
    """The verbs for the reader's own work: export, annotations, collection, correct."""
    from reader.export.exporter import FORMATS

    p = sub.add_parser("export", help="export articles, an issue, a collection or search hits (TEI, text, …)")
    p.add_argument("articles", nargs="*", metavar="ARTICLE", help="article ids (with --source: ids in that file)")
    p.add_argument("--issue", type=int, metavar="ID", help="every article of an issue")
    p.add_argument("--collection", metavar="NAME", help="the articles of a collection, in its order")
    p.add_argument("--query", metavar="QUERY", help="the hits of a search")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N hits of --query")
    p.add_argument("--source", metavar="FILE", help="export straight from a source file (no library)")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write (- for stdout)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--reading", metavar="CONFIG", help="TEI: add an OpenCC reading text (t2s, s2t, s2tw …)")
    p.add_argument("--user", metavar="NAME", help="TEI: the name the annotations and corrections are from")
    p.add_argument("--plain", action="store_true", help="leave out annotations and text corrections")
    p.add_argument("--no-overlay", action="store_true", help="ignore segmentation corrections")
    p.add_argument("--library", metavar="DIR")
    p.set_defaults(func=_library_verb(_export))

    p = sub.add_parser("annotations", help="add, list, edit, delete, back up and restore annotations")
    p.add_argument("--library", metavar="DIR")
    acts = p.add_subparsers(dest="action", required=True)
    a = acts.add_parser("add", help="highlight a passage (--quote or --start/--end) or note a whole article")
    a.add_argument("article", metavar="ARTICLE")
    a.add_argument("--quote", help="the passage to highlight (its first occurrence)")
    a.add_argument("--start", type=int, help="start offset in the article's original text")
    a.add_argument("--end", type=int, help="end offset (exclusive)")
    a.add_argument("--note")
    a.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    a.add_argument("--creator")
    a = acts.add_parser("edit", help="change an annotation's note or tags")
    a.add_argument("id")
    a.add_argument("--note")
    a.add_argument("--tag", action="append", default=[], help="replace the tags (repeatable)")
    a = acts.add_parser("delete", help="delete an annotation")
    a.add_argument("id")
    a = acts.add_parser("list", help="list annotations (filters combine)")
    a.add_argument("--article")
    a.add_argument("--tag", dest="tag_filter")
    a.add_argument("--text", help="note or quoted text contains TEXT")
    a.add_argument("--orphaned", action="store_true", help="only those whose passage was lost")
    a.add_argument("--json", action="store_true")
    acts.add_parser("tags", help="tags in use, most used first")
    acts.add_parser("reattach", help="re-attach annotations after a re-import; report orphans")
    a = acts.add_parser("export", help="back up annotations, collections and corrections (W3C Web Annotation JSON)")
    a.add_argument("-o", "--output", required=True, metavar="FILE")
    a.add_argument("--force", action="store_true")
    a = acts.add_parser("import", help="restore a backup into this library (same ids are replaced)")
    a.add_argument("file", metavar="FILE")
    p.set_defaults(func=_library_verb(_annotations))

    p = sub.add_parser("collection", help="named, ordered sets of articles")
    p.add_argument("--library", metavar="DIR")
    acts = p.add_subparsers(dest="action", required=True)
    acts.add_parser("list")
    for name in ("show", "create", "delete"):
        a = acts.add_parser(name)
        a.add_argument("name")
        if name == "create":
            a.add_argument("--description")
    for name in ("add", "remove"):
        a = acts.add_parser(name)
        a.add_argument("name")
        a.add_argument("articles", nargs="+", metavar="ARTICLE")
    p.set_defaults(func=_library_verb(_collection))

    p = sub.add_parser("correct", help="correct segmentation and OCR text (kept as an overlay; sources untouched)")
    p.add_argument("--library", metavar="DIR")
    p.add_argument("--creator")
    acts = p.add_subparsers(dest="action", required=True)
    a = acts.add_parser("merge", help="append OTHER to ARTICLE")
    a.add_argument("article")
    a.add_argument("other")
    a = acts.add_parser("split", help="start a new article at part PART (0-based)")
    a.add_argument("article")
    a.add_argument("part", type=int)
    a = acts.add_parser("move", help="move part PART of ARTICLE into TO")
    a.add_argument("article")
    a.add_argument("part", type=int)
    a.add_argument("to")
    a.add_argument("--position", type=int)
    a = acts.add_parser("headline", help="make part PART the headline, or set a headline --text")
    a.add_argument("article")
    g = a.add_mutually_exclusive_group(required=True)
    g.add_argument("--part", type=int)
    g.add_argument("--text")
    a = acts.add_parser("role", help="give part PART another role")
    a.add_argument("article")
    a.add_argument("part", type=int)
    a.add_argument("role")
    a = acts.add_parser("join", help="join part PART to the part before it")
    a.add_argument("article")
    a.add_argument("part", type=int)
    a = acts.add_parser("split-paragraph", help="split the paragraph at OFFSET of the article's text")
    a.add_argument("article")
    a.add_argument("offset", type=int)
    a = acts.add_parser("text", help="correct the OCR text START..END (one line) to CORRECTED")
    a.add_argument("article")
    a.add_argument("start", type=int)
    a.add_argument("end", type=int)
    a.add_argument("corrected")
    a = acts.add_parser("list")
    a.add_argument("--article")
    a.add_argument("--json", action="store_true")
    a = acts.add_parser("undo", help="remove the most recent correction (of --article)")
    a.add_argument("--article")
    p.set_defaults(func=_library_verb(_correct))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="broadsheet", description="Read, search and annotate OCR'd newspapers.")
    parser.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the core does on stderr")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("analyze", help="read files and print their articles (no library needed)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", default="auto",
                   choices=["auto", "text", "alto", "hocr", "page", "mets", "ecpo", "ecpo-layout", "image"])
    p.add_argument("--json", action="store_true", help="print the JSON contract instead of text")
    p.set_defaults(func=_analyze)

    p = sub.add_parser("gui", help="open the desktop application (also: broadsheet with no arguments)")
    p.add_argument("--library", metavar="DIR", help="the library folder to open (default: the last one)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to import once the window is open")
    p.set_defaults(func=_gui)

    _add_library_verbs(sub)
    _add_work_parsers(sub)
    _library_option_everywhere(sub)
    return parser


def _library_option_everywhere(sub: argparse._SubParsersAction) -> None:
    """``--library DIR`` is accepted after the action too (``correct split A 2 --library L``)."""
    for verb in sub.choices.values():
        for action in verb._actions:
            if isinstance(action, argparse._SubParsersAction):
                for leaf in action.choices.values():
                    if not any("--library" in a.option_strings for a in leaf._actions):
                        leaf.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS,
                                          help="the library folder (as before the action)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    if argv is None:
        argv = sys.argv[1:]
    if not argv:  # no arguments at all: open the desktop application
        return _gui(argparse.Namespace())
    args = parser.parse_args(argv)
    # problems the user must see are printed by the verbs themselves; the log is for --verbose
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR, format="broadsheet: %(name)s: %(message)s")
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 0
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("broadsheet: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
