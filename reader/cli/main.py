"""The command line's entry point (``broadsheet``): parse, then dispatch to the command's module.

``broadsheet`` with no arguments (or ``broadsheet gui``) opens the desktop application.
The parser is :mod:`reader.cli.parser`; each command group lives in its own module and
imports what it needs when it runs (the command line never loads Qt unless the window opens).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from reader.cli.common import Command, library_verb
from reader.cli.parser import build_parser

__all__ = ["COMMANDS", "build_parser", "command", "main"]

#: ``args.command`` → (module of reader.cli, function) that runs it, and whether it is a library verb (its
#: BroadsheetError becomes one sentence and status 2). Modules load when their command runs: a search in a
#: new process does not pay for the importer, the exporters or the window.
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "analyze": ("analyze", "cmd_analyze", False),
    "gui": ("gui", "cmd_gui", False),
    "import": ("library_cmds", "cmd_import", True),
    "search": ("search", "cmd_search", True),
    "concordance": ("concordance", "cmd_concordance", True),
    "timeline": ("concordance", "cmd_timeline", True),
    "show": ("show", "cmd_show", True),
    "reindex": ("library_cmds", "cmd_reindex", True),
    "stats": ("library_cmds", "cmd_stats", True),
    "library": ("library_admin", "cmd_library", True),
    "export": ("export", "cmd_export", True),
    "cite": ("cite", "cmd_cite", True),
    "annotations": ("annotations", "cmd_annotations", True),
    "collection": ("annotations", "cmd_collection", True),
    "correct": ("corrections", "cmd_correct", True),
}


def command(name: str) -> Command | None:
    """The function that runs command ``name`` (its module imported now), or None for an unknown name."""
    entry = COMMANDS.get(name)
    if entry is None:
        return None
    module, function, library = entry
    func: Command = getattr(importlib.import_module(f"reader.cli.{module}"), function)
    return library_verb(func) if library else func


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
        from reader.cli.gui import cmd_gui

        return cmd_gui(argparse.Namespace())
    args = parser.parse_args(argv)
    bad = not_utf8(args)
    if bad:
        print(f"broadsheet {args.command}: {bad} is not valid UTF-8 text.", file=sys.stderr)
        return 2
    # problems the user must see are printed by the verbs themselves; the log is for --verbose
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR,
                        format="broadsheet: %(name)s: %(message)s")
    func = command(args.command) if args.command else None
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
