"""The screenshot test, and the window's shortcuts over its text fields, again in a real X11 window under Xvfb
(xcb platform plugin, real fonts).

The offscreen plugin draws without a window system; this runs the same tests
against an X server so the window is mapped, decorated and painted as on a
desktop, and its fields take X11's key bindings (QLineEdit's Emacs Ctrl+E, which
kept Export… from the search field: only under X11). Both run in one pytest under one
Xvfb (a run each cost ~20 s of a CI core). CI installs xvfb, xauth and fonts-noto-cjk
(install.sh). The PNGs go to $BROADSHEET_SCREENSHOTS when set, so a person can look at them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (install.sh installs xvfb)")
@pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") == "xcb", reason="already under X11")
def test_screenshots_and_window_keys_in_text_fields_under_xvfb(tmp_path: Path) -> None:
    out = Path(os.environ.get("BROADSHEET_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", BROADSHEET_SCREENSHOTS=str(out))
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24", sys.executable, "-m", "pytest", "-q",
           "-p", "no:cacheprovider", "-n", "0",
           "tests/gui/test_app.py::test_screenshots_of_the_seed_page_and_the_ecpo_fold_are_not_blank",
           "tests/gui/test_window_keys_in_text_fields.py::test_ctrl_e_in_the_search_field_opens_export"]
    res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    assert "2 passed" in res.stdout, res.stdout[-3000:]
    for name in ("seed", "ecpo"):
        png = out / f"broadsheet-{name}.png"
        assert png.exists() and png.stat().st_size > 20_000, name
