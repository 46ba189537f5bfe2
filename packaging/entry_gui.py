"""Entry point of the frozen windowed program ``broadsheet-gui`` (PyInstaller bundle).

It is ``broadsheet gui`` (the DESIGN.md contract for opening the desktop application) with the
files given on the command line, so a file manager's "Open with" reaches the same code path.
"""

import multiprocessing
import sys

from reader.cli.main import main

if __name__ == "__main__":
    # an import reads files in worker processes: a frozen program must let them start as workers
    multiprocessing.freeze_support()
    sys.exit(main(["gui", *sys.argv[1:]]))
