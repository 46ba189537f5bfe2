"""``broadsheet cite``: citations of articles in a scholar's style (GB/T 7714, Chicago, APA, BibTeX, CSL-JSON)."""

from __future__ import annotations

import argparse
import sys

from reader.cli.common import current_keys, open_library


def cmd_cite(args: argparse.Namespace) -> int:
    """Print one citation per article, read as the window shows it (the reader's corrections applied)."""
    from reader.app.overlay import Overlay
    from reader.export.exporter import export

    lib = open_library(args)
    try:
        scope = Overlay(lib).export_scope(current_keys(lib, list(args.articles)))
    finally:
        lib.close()
    sys.stdout.buffer.write(export(scope.items, "cite", style=args.style))
    return 0
