"""The rooms keep their order: imports point down, nothing below the window imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

READER = Path(__file__).resolve().parents[1] / "reader"
#: Every room below the window and the command line.
QT_FREE = ("model", "text", "formats", "segmentation", "index", "library", "search", "annotations",
           "corrections", "export", "app")


def test_no_module_below_the_window_imports_qt_or_the_gui() -> None:
    offenders = []
    for path in (p for room in QT_FREE for p in (READER / room).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6") or name.startswith("reader.gui"):
                    offenders.append(f"{path.relative_to(READER)}: {name}")
    assert not offenders


def test_importing_every_room_and_the_cli_loads_no_qt() -> None:
    rooms = ", ".join(repr(r) for r in QT_FREE + ("cli",))
    code = (
        "import pkgutil, importlib, sys\n"
        f"for room in ({rooms}):\n"
        "    pkg = importlib.import_module('reader.' + room)\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "print(any(k.startswith('PySide6') for k in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_import_linter_contract_is_kept() -> None:
    """The same rule as pyproject.toml's import-linter contract, run by import-linter itself."""
    import shutil

    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    root = Path(__file__).resolve().parents[1]
    res = subprocess.run([exe], cwd=root, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    assert "3 kept, 0 broken" in res.stdout


def test_type_hints_check_under_mypy(tmp_path: Path) -> None:
    """pyproject.toml's [tool.mypy] (disallow_untyped_defs) holds for the whole package."""
    root = Path(__file__).resolve().parents[1]
    res = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "reader"],
                         cwd=root, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout[-3000:]
