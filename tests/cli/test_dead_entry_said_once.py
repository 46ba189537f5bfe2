"""A collection entry whose article a re-read took away is said once, by the import that lost it, and stays listed.

Reported by a tester: after a heavily edited source was read again, the import named the dead entry — and every later
import named it again. Run as the tester ran it, through ``broadsheet import``: the article the entry names deleted from
its page; then an import of other files, the same folder unchanged, ``--reread``, and the page edited elsewhere and
read again. Said once; ``collection show`` lists it "(no longer in the library)" all along; nothing is dropped.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli.main import main

DATA = Path(__file__).resolve().parents[1] / "data"
GONE = "“小化工”专项整"  # of the article deleted from the page


def cli(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> str:
    capsys.readouterr()
    status = main([*args, "--library", str(library)])
    out = capsys.readouterr()
    assert status == 0, (args, out.err)
    return out.out + out.err


def test_a_dead_entry_is_said_by_one_import_and_listed_after_every_other(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, other = tmp_path / "src", tmp_path / "other"
    src.mkdir()
    other.mkdir()
    page = src / "seed_page.txt"
    shutil.copy(DATA / "text" / "seed_page.txt", page)
    library = tmp_path / "lib"
    cli(capsys, library, "import", str(src), "--quiet")
    [hit] = json.loads(cli(capsys, library, "search", "--json", GONE))["hits"]
    gone = str(hit["article"])
    [hit] = json.loads(cli(capsys, library, "search", "--json", "老丁名叫丁冬"))["hits"]
    kept = str(hit["article"])
    cli(capsys, library, "collection", "create", "安全")
    cli(capsys, library, "collection", "add", "安全", gone, kept)
    cli(capsys, library, "annotations", "add", gone, "--quote", "小化工", "--note", "on the article deleted")
    lines = page.read_text(encoding="utf-8").split("\n")
    first = next(i for i, ln in enumerate(lines) if "本报北京 1月 26日电 （记者丁怡婷）" in ln)
    last = next(i for i, ln in enumerate(lines) if ln == "1489处非法违法“小化工”被查")
    page.write_text("\n".join(lines[:first] + lines[last + 1:]), encoding="utf-8")

    said = [cli(capsys, library, "import", str(src), "--quiet")]
    (other / "more.txt").write_text("另一篇文章\n\n后来导入的内容。\n", encoding="utf-8")
    said.append(cli(capsys, library, "import", str(other), "--quiet"))
    said.append(cli(capsys, library, "import", str(src), "--quiet"))
    said.append(cli(capsys, library, "import", "--reread", str(src), "--quiet"))
    page.write_text(page.read_text(encoding="utf-8").replace("老丁升职了", "老丁又升职了"), encoding="utf-8")
    said.append(cli(capsys, library, "import", str(src), "--quiet"))

    named = [n for n, out in enumerate(said) for ln in out.splitlines() if gone in ln and "collection" in ln]
    assert named == [0], said
    shown = cli(capsys, library, "collection", "show", "安全").splitlines()
    assert f"{gone}  (no longer in the library)" in shown and any(ln.startswith(kept) for ln in shown), shown
    assert cli(capsys, library, "collection", "show", "安全", "--ids").split() == [gone, kept]


def test_an_export_of_a_collection_says_which_entry_it_left_out(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Found using it (trust37): ``export --collection`` of a collection of two, one entry's article gone, wrote one
    article and said "1 article(s)" — the entry left out unsaid. It names the entry, once, and still exports."""
    src = tmp_path / "src"
    src.mkdir()
    page = src / "seed_page.txt"
    shutil.copy(DATA / "text" / "seed_page.txt", page)
    library = tmp_path / "lib"
    cli(capsys, library, "import", str(src), "--quiet")
    gone = str(json.loads(cli(capsys, library, "search", "--json", GONE))["hits"][0]["article"])
    kept = str(json.loads(cli(capsys, library, "search", "--json", "老丁名叫丁冬"))["hits"][0]["article"])
    cli(capsys, library, "collection", "create", "安全")
    cli(capsys, library, "collection", "add", "安全", gone, kept)
    lines = page.read_text(encoding="utf-8").split("\n")
    first = next(i for i, ln in enumerate(lines) if "本报北京 1月 26日电 （记者丁怡婷）" in ln)
    last = next(i for i, ln in enumerate(lines) if ln == "1489处非法违法“小化工”被查")
    page.write_text("\n".join(lines[:first] + lines[last + 1:]), encoding="utf-8")
    cli(capsys, library, "import", str(src), "--quiet")
    for fmt in ("text", "csv", "cite", "tei"):
        out = tmp_path / f"c.{fmt}"
        said = cli(capsys, library, "export", "--collection", "安全", "--format", fmt, "-o", str(out))
        assert [ln for ln in said.splitlines() if gone in ln] == [
            f"broadsheet: collection '安全' names article {gone}, which is no longer in the library: not exported "
            "(the entry is kept)."], said
        assert "1 article(s)" in said and out.stat().st_size > 0
