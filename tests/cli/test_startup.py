"""A command in a new process loads only what it runs: a search does not pay for the importer or the exporters."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_search_in_a_new_process_loads_neither_importer_nor_exporters(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from reader.cli.main import main\n"
        "main(['search', '--library', sys.argv[1], '--json', '中国'])\n"
        "heavy = ('reader.library.importer', 'reader.export.exporter', 'reader.export.tei', 'reader.segmentation',\n"
        "         'reader.formats.alto', 'reader.app', 'reader.gui', 'PySide6')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path / "library")], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip().splitlines()[-1] == "[]"
