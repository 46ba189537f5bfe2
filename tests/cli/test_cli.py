"""The `broadsheet analyze` command line: the JSON contract, text output, errors in a batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parents[1] / "data"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120)


def test_analyze_json_contract() -> None:
    res = run("analyze", str(DATA / "text" / "seed_page.txt"), "--json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert set(doc) == {"source", "format", "pages", "articles"}
    assert doc["format"] == "text"
    page = doc["pages"][0]
    assert set(page) == {"number", "width", "height", "lines"}
    assert set(page["lines"][0]) == {"id", "text", "box"}
    article = doc["articles"][0]
    assert set(article) == {"id", "kind", "headline", "kicker", "subheadline", "byline", "dateline", "pages", "blocks"}
    assert set(article["blocks"][0]) == {"role", "text", "lines"}
    ids = {line["id"] for line in page["lines"]}
    assert all(lid in ids for a in doc["articles"] for b in a["blocks"] for lid in b["lines"])


def test_analyze_text_output_for_people() -> None:
    res = run("analyze", str(DATA / "text" / "rendered_page.txt"))
    assert res.returncode == 0
    assert "乡村书屋成了“充电站”" in res.stdout
    assert "[kicker] 农家书屋提质增效调查" in res.stdout


def test_a_bad_file_is_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "junk.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    res = run("analyze", str(bad), str(missing), str(DATA / "text" / "rendered_page.txt"), "--json")
    assert res.returncode != 0
    errors = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(errors) == 2
    assert "junk.txt" in errors[0] and "missing.txt" in errors[1]
    doc = json.loads(res.stdout)
    assert doc["source"].endswith("rendered_page.txt")
