"""The command line: a thin layer over :mod:`reader.core`.

``broadsheet`` with no arguments (or ``broadsheet gui``) opens the desktop application.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Optional, Sequence

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
