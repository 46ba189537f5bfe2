#!/usr/bin/env bash
# Build the PyInstaller one-folder bundle dist/broadsheet/ (programs `broadsheet` and
# `broadsheet-gui`) from packaging/broadsheet.spec. Not part of the normal test run: CI calls it
# when a bundle is wanted, then `pytest tests/test_bundle.py` runs the frozen programs.
#   packaging/build-bundle.sh [PYTHON]     (default: .venv/bin/python if present, else python3)
set -euo pipefail
cd "$(dirname "$0")/.."

python=${1:-}
if [ -z "$python" ]; then
    if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi

if ! "$python" -c "import PyInstaller" 2>/dev/null; then
    echo "build-bundle.sh: installing PyInstaller into $("$python" -c 'import sys; print(sys.prefix)')"
    "$python" -m pip install -q "pyinstaller>=6"
fi
"$python" -c "import PySide6" 2>/dev/null || {
    echo "build-bundle.sh: PySide6 is missing; install the gui extra first (pip install -e '.[gui]')" >&2
    exit 1
}

"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/broadsheet.spec
echo "build-bundle.sh: built dist/broadsheet/ ($(du -sh dist/broadsheet | cut -f1)): dist/broadsheet/broadsheet and dist/broadsheet/broadsheet-gui"
