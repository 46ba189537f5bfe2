"""The command line: a thin layer over :mod:`reader.core`.

``broadsheet`` with no arguments (or ``broadsheet gui``) opens the desktop application.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from typing import Any, Optional, Sequence

from . import __version__


def _analyze(args: argparse.Namespace) -> int:
    from .core.analyze import analyze_file, document_json, document_text
    from .core.errors import BroadsheetError

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
        from .gui.app import main as gui_main
    except ImportError as e:
        print(f"broadsheet: the desktop application needs PySide6 (pip install 'broadsheet[gui]'): {e}.",
              file=sys.stderr)
        return 1
    return gui_main(library=getattr(args, "library", None), files=getattr(args, "paths", None) or ())


# ---------------------------------------------------------------- library verbs (import, search, show, reindex, stats)


def _open_library(args: argparse.Namespace) -> Any:
    from .core.library import Library

    return Library.open(getattr(args, "library", None))


def _library_verb(func: Any) -> Any:
    """Run a library verb; a library or query error becomes one sentence on stderr and exit status 2."""

    def run(args: argparse.Namespace) -> int:
        from .core.errors import BroadsheetError

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

    from .core.importer import ImportProgress, import_paths

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

    def progress(p: ImportProgress) -> None:
        now = time.monotonic()
        if now - last[0] < 0.5 and p.files_done < p.files_total:
            return
        last[0] = now
        eta = f", {p.eta:.0f}s left" if p.eta is not None else ""
        sys.stderr.write(f"\r{p.files_done}/{p.files_total} files, {p.pages} pages, {p.articles} articles, "
                         f"{p.rate / 1000:.0f}k chars/s{eta}   ")
        sys.stderr.flush()

    def on_error(path: str, message: str) -> None:
        sys.stderr.write(f"\rbroadsheet: {message}\n")

    lib = _open_library(args)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, on_sigint) if main_thread else None
    try:
        report = import_paths(lib, args.paths, publication=args.publication, date=args.date, page=args.page,
                              progress=None if args.quiet else progress, cancel=cancel, on_error=on_error)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        lib.close()
    if not args.quiet:
        sys.stderr.write("\n")
    print(f"broadsheet: imported {len(report.imported)} file(s) ({report.pages} pages, {report.articles} articles, "
          f"{report.chars} characters), {len(report.unchanged)} unchanged, {len(report.failed)} failed, "
          f"in {report.seconds:.1f}s{' (stopped)' if report.cancelled else ''}", file=sys.stderr)
    if report.cancelled:
        return 130
    return 1 if report.failed else 0


def _search_filters(args: argparse.Namespace) -> list[Any]:
    from .core.search import Filter

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
    from .core import index
    from .core.library import LibraryBusyError
    from .core.search import Searcher

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
    from .core.textforms import display

    lib = _open_library(args)
    try:
        info = lib.article_info(args.article)
        article = lib.article(args.article)
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
    for part in parts:
        print(("    " if part["role"] == "paragraph" else f"[{part['role']}] ") + part["text"])
    return 0


def _reindex(args: argparse.Namespace) -> int:
    from .core import index

    lib = _open_library(args)
    try:
        n = index.rebuild(lib, progress=lambda done, total: sys.stderr.write(f"\r{done}/{total} articles   "))
    finally:
        lib.close()
    sys.stderr.write("\n")
    print(f"broadsheet: indexed {n} article(s)", file=sys.stderr)
    return 0


def _stats(args: argparse.Namespace) -> int:
    from .core.index import Index

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
    from .core.textforms import DISPLAY_CONFIGS

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
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
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
