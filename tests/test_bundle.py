"""The frozen bundle (``packaging/build-bundle.sh`` → ``dist/broadsheet/``): the console program
reads sources like the source tree does, and the windowed program opens offscreen and stays up.

Skipped, with the reason, when no bundle has been built: building it is not part of the normal run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "broadsheet"
CLI = BUNDLE / "broadsheet"
GUI = BUNDLE / "broadsheet-gui"
DATA = Path(__file__).parent / "data"



def _stale() -> bool:
    """Whether a source file changed after the bundle was built (its programs would be out of date)."""
    built = min(CLI.stat().st_mtime, GUI.stat().st_mtime)
    sources = [*(ROOT / "reader").rglob("*.py"), *(ROOT / "packaging").iterdir()]
    return any(f.stat().st_mtime > built for f in sources if f.is_file())


pytestmark = [
    pytest.mark.skipif(
        not (CLI.is_file() and GUI.is_file()),
        reason="no bundle in dist/broadsheet (build it with packaging/build-bundle.sh)",
    ),
    pytest.mark.skipif(
        CLI.is_file() and GUI.is_file() and _stale() and os.environ.get("BROADSHEET_BUNDLE_STALE_OK") != "1",
        reason="dist/broadsheet is older than the sources (rebuild it with packaging/build-bundle.sh, "
        "or set BROADSHEET_BUNDLE_STALE_OK=1)",
    ),
]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_frozen_cli_analyzes_like_the_source_tree(tmp_path: Path) -> None:
    from reader.segmentation.analyze import analyze_file, document_json

    for source in (DATA / "text" / "seed_page.txt", DATA / "samples" / "alto" / "v3_tesseract410" / "testfile.xml",
                   DATA / "samples" / "chinese" / "ecpo_jingbao" / "textGT" / "jb_0129_1920-04-03_0001+0004.xml"):
        proc = subprocess.run([str(CLI), "analyze", "--json", str(source)], capture_output=True, text=True,
                              cwd=tmp_path, env=_env(), timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout) == json.loads(json.dumps(document_json(analyze_file(source)))), source


def test_frozen_cli_reports_a_bad_file_and_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_bytes(b"<alto><Layout><Page")
    good = DATA / "text" / "seed_page.txt"
    proc = subprocess.run([str(CLI), "analyze", "--json", str(bad), str(good)], capture_output=True, text=True,
                          cwd=tmp_path, env=_env(), timeout=120)
    assert proc.returncode == 1
    assert str(bad) in proc.stderr and "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["source"] == str(good)


def test_frozen_bundle_ships_resources_and_desktop_files() -> None:
    internal = BUNDLE / "_internal"
    assert (internal / "reader" / "resources" / "samples" / "seed_page.txt").is_file()
    assert any((internal / "opencc").rglob("*.json")), "OpenCC's configurations are missing"
    for rel in ("share/applications/io.github.broadsheet.Broadsheet.desktop",
                "share/metainfo/io.github.broadsheet.Broadsheet.metainfo.xml",
                "share/icons/io.github.broadsheet.Broadsheet.svg"):
        assert (internal / rel).is_file(), rel


@pytest.mark.parametrize("command", [[str(GUI)], [str(CLI), "gui"]], ids=["broadsheet-gui", "broadsheet gui"])
def test_frozen_gui_opens_offscreen_and_stays_up(tmp_path: Path, command: list[str]) -> None:
    """The windowed program, and the console one's `gui` command (the .desktop file's Exec line)."""
    from reader.cli.main import build_parser

    try:
        build_parser().parse_args(["gui"])
    except SystemExit:
        pytest.skip("reader.cli.main has no `gui` command yet, which the frozen GUI program runs")
    env = _env()
    env["HOME"] = str(tmp_path)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["BROADSHEET_LIBRARY"] = str(tmp_path / "library")
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        alive = proc.poll() is None
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        _, err = proc.communicate()
    assert alive, f"the frozen GUI exited with status {proc.returncode}: {err[-2000:]}"
    assert "Traceback" not in err, err[-2000:]
