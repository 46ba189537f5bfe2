"""The command line's entry point (``broadsheet``): parse, then dispatch to the command's module.

``broadsheet`` with no arguments (or ``broadsheet gui``) opens the desktop application.
The parser is :mod:`reader.cli.parser`; each command group lives in its own module and
imports what it needs when it runs (the command line never loads Qt unless the window opens).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from reader.cli.analyze import cmd_analyze
from reader.cli.annotations import cmd_annotations, cmd_collection
from reader.cli.common import Command, library_verb
from reader.cli.concordance import cmd_concordance, cmd_timeline
from reader.cli.corrections import cmd_correct
from reader.cli.export import cmd_export
from reader.cli.gui import cmd_gui
from reader.cli.library_cmds import cmd_import, cmd_reindex, cmd_stats
from reader.cli.parser import build_parser
from reader.cli.search import cmd_search
from reader.cli.show import cmd_show

__all__ = ["COMMANDS", "build_parser", "main"]

#: ``args.command`` → what runs it; a library command's BroadsheetError becomes one sentence and status 2
COMMANDS: dict[str, Command] = {
    "analyze": cmd_analyze,
    "gui": cmd_gui,
    "import": library_verb(cmd_import),
    "search": library_verb(cmd_search),
    "concordance": library_verb(cmd_concordance),
    "timeline": library_verb(cmd_timeline),
    "show": library_verb(cmd_show),
    "reindex": library_verb(cmd_reindex),
    "stats": library_verb(cmd_stats),
    "export": library_verb(cmd_export),
    "annotations": library_verb(cmd_annotations),
    "collection": library_verb(cmd_collection),
    "correct": library_verb(cmd_correct),
}


#: arguments that name files: bytes that are not UTF-8 are the file system's business, not a usage error
PATH_ARGUMENTS = frozenset({"paths", "files", "output", "source"})


def not_utf8(args: argparse.Namespace) -> str | None:
    """The first argument (other than a file name) that is not valid UTF-8, shown safely; None if all are."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for v in values:
            if name in PATH_ARGUMENTS or not isinstance(v, str):
                continue
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                shown = v.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                flag = "" if name in ("query", "article") else f"--{name.replace('_', '-')} "
                return f"the argument {flag}{shown!r}"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    if argv is None:
        argv = sys.argv[1:]
    if not argv:  # no arguments at all: open the desktop application
        return cmd_gui(argparse.Namespace())
    args = parser.parse_args(argv)
    bad = not_utf8(args)
    if bad:
        print(f"broadsheet {args.command}: {bad} is not valid UTF-8 text.", file=sys.stderr)
        return 2
    # problems the user must see are printed by the verbs themselves; the log is for --verbose
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR,
                        format="broadsheet: %(name)s: %(message)s")
    func = COMMANDS.get(args.command) if args.command else None
    if func is None:
        parser.print_help()
        return 0
    try:
        return int(func(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("broadsheet: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
