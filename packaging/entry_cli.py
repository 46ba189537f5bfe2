"""Entry point of the frozen console program ``broadsheet`` (PyInstaller bundle): the CLI."""

import multiprocessing
import sys

from reader.cli.main import main

if __name__ == "__main__":
    # an import reads files in worker processes: a frozen program must let them start as workers
    multiprocessing.freeze_support()
    sys.exit(main())
