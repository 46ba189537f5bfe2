"""The rooms keep their order: imports point down, nothing below the window imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READER = ROOT / "reader"
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
    res = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    assert "3 kept, 0 broken" in res.stdout


def _tool(name: str) -> str:
    """A tool installed beside this Python (the venv's bin), else on PATH."""
    import shutil

    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.is_file() else shutil.which(name)
    assert found, f"{name} is not installed (pip install -e .[test])"
    return found


def test_mypy_is_strict_outside_the_window() -> None:
    """pyproject.toml asks mypy for --strict, and relaxes it only for reader/gui (whose defs stay typed)."""
    import tomllib

    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert conf.get("strict") is True
    relaxed = [o for o in conf.get("overrides", []) if any(v is False for v in o.values())]
    assert [sorted(o["module"]) if isinstance(o["module"], list) else [o["module"]] for o in relaxed] == [
        ["reader.gui", "reader.gui.*"]]
    assert relaxed[0].get("disallow_untyped_defs") is True


def test_type_hints_check_under_mypy(tmp_path: Path) -> None:
    """pyproject.toml's [tool.mypy] holds for the whole package: --strict outside reader/gui, typed defs inside."""
    res = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "reader"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout[-3000:]


def test_ruff_is_clean() -> None:
    """pyproject.toml's [tool.ruff] (E, F, W, B, UP, SIM, I, C90 at complexity 15, lines of 120) holds."""
    res = subprocess.run([_tool("ruff"), "check", "--no-cache", "--output-format", "concise",
                          "reader", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]


def _imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _only_a_docstring(tree: ast.Module) -> bool:
    body = [n for n in tree.body if not (isinstance(n, ast.ImportFrom) and n.module == "__future__")]
    return all(isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) for n in body)


def test_every_module_of_the_window_has_qt_in_it() -> None:
    """What has no Qt in it lives below the window: every module of reader/gui imports Qt (PySide6, or the
    Qt shim reader.gui.qtcompat); a package's __init__ holding nothing but a docstring is not a module of its own."""
    without = []
    for path in sorted((READER / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path.name == "__init__.py" and _only_a_docstring(tree):
            continue
        if not any(n.split(".")[0] in ("PySide6", "shiboken6") or n == "reader.gui.qtcompat" for n in _imports(tree)):
            without.append(str(path.relative_to(READER)))
    assert not without, f"no Qt in {without}: move them below the window"


def test_the_qt_shim_imports_qt() -> None:
    tree = ast.parse((READER / "gui" / "qtcompat.py").read_text(encoding="utf-8"))
    assert any(n.split(".")[0] == "PySide6" for n in _imports(tree))


def test_command_line_verbs_other_than_gui_never_load_qt(tmp_path: Path) -> None:
    """``broadsheet analyze/import/search/stats/export`` run through reader.cli.main without loading PySide6."""
    sample = ROOT / "tests" / "data" / "samples" / "alto" / "v3_tesseract410" / "testfile.xml"
    code = (
        "import json, sys\n"
        "from reader.cli.main import main\n"
        "lib, sample, out, report = sys.argv[1:5]\n"
        "codes = {}\n"
        "for argv in (['analyze', '--json', sample], ['import', '--quiet', '--library', lib, sample],\n"
        "             ['search', '--library', lib, '--json', 'Tesseract'], ['stats', '--library', lib],\n"
        "             ['export', '--source', sample, '--format', 'text', '-o', out]):\n"
        "    codes[argv[0]] = main(argv)\n"
        "qt = sorted(k for k in sys.modules if k.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "with open(report, 'w') as f:\n"
        "    json.dump({'codes': codes, 'qt': qt}, f)\n"
    )
    report = tmp_path / "report.json"
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path / "library"), str(sample), str(tmp_path / "out.txt"),
                          str(report)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    import json

    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["codes"] == {"analyze": 0, "import": 0, "search": 0, "stats": 0, "export": 0}, res.stderr[-3000:]
    assert result["qt"] == []
