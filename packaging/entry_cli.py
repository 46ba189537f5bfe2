"""Entry point of the frozen console program ``broadsheet`` (PyInstaller bundle): the CLI."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
