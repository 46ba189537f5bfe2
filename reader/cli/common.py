"""What the library commands share: opening the library, turning its errors into one sentence."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.library.catalogue import Library

#: a command: parsed arguments in, exit status out
Command = Callable[[argparse.Namespace], int]


def open_library(args: argparse.Namespace) -> Library:
    """The library of ``--library`` (default: $BROADSHEET_LIBRARY or the platform data folder)."""
    from reader.library.catalogue import Library

    lib = Library.open(getattr(args, "library", None))
    for warning in lib.warnings:
        print(f"broadsheet: {warning}.", file=sys.stderr)
    return lib


def library_verb(func: Command) -> Command:
    """Run a library verb; a library or query error becomes one sentence on stderr and exit status 2."""

    def run(args: argparse.Namespace) -> int:
        from reader.model.errors import BroadsheetError

        try:
            return int(func(args))
        except BroadsheetError as e:
            print(f"broadsheet: {e}", file=sys.stderr)
            return 2

    return run
