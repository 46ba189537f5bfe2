"""Exports of an issue whose articles the reader has re-cut (the overlay gives new article ids)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parents[1] / "data" / "text"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120)


def test_issue_export_after_a_split_includes_the_split_off_article(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib")
    assert cli("import", str(DATA / "rendered_page.txt"), "--library", lib).returncode == 0
    hits = json.loads(cli("search", "文物", "--library", lib, "--json").stdout)["hits"]
    article = hits[0]["article"]
    # --library after the action, as after the verb
    res = cli("correct", "split", article, "2", "--library", lib)
    assert res.returncode == 0, res.stderr
    out = tmp_path / "issue.xml"
    res = cli("export", "--issue", "1", "--format", "tei", "-o", str(out), "--library", lib)
    assert res.returncode == 0, res.stderr
    tei = out.read_text(encoding="utf-8")
    assert tei.count('type="article"') == 4
    assert "博物馆有关负责人表示" in tei
