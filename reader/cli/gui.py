"""``broadsheet gui`` (and ``broadsheet`` alone): open the desktop application."""

from __future__ import annotations

import argparse
import sys


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop application; PySide6 is imported only here, never by the core CLI."""
    try:
        from reader.gui.app import main as gui_main
    except ImportError as e:
        print(f"broadsheet: the desktop application needs PySide6 (pip install 'broadsheet[gui]'): {e}.",
              file=sys.stderr)
        return 1
    return gui_main(library=getattr(args, "library", None), files=getattr(args, "paths", None) or ())
