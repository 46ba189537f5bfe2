"""``broadsheet show --script`` shows an article in the script asked for as the window does, and says which.

Seen (trust33): ``show --script s2t`` ran OpenCC s2t over the Jing bao, printed in traditional script: its 云 came
out 雲, 咸 鹹 — text the page does not print — while the window's 繁體 (s2t too) showed the article as printed
(reader.text.forms.config_for). The listing never said the text was converted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.library.catalogue import Library
from reader.text import forms as textforms

DATA = Path(__file__).resolve().parents[1] / "data"
JINGBAO = DATA / "samples/chinese/ecpo_jingbao/textGT/jb_3795_1939-04-21_0002+0003.xml"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lib = tmp_path_factory.mktemp("script") / "lib"
    assert main(["import", str(JINGBAO), str(DATA / "text" / "seed_page.txt"), "--library", str(lib), "--quiet"]) == 0
    return lib


def _article(lib: Path, traditional: bool, holding: str) -> str:
    library = Library(lib)
    try:
        for issue in library.issues():
            for info in library.articles(issue_id=issue.id):
                text = library.article(info.id).text
                if holding in text and textforms.is_traditional(text) == traditional:
                    return str(info.id)
    finally:
        library.close()
    raise AssertionError(holding)


def _show(lib: Path, article: str, script: str, capsys: pytest.CaptureFixture[str], *more: str) -> str:
    assert main(["show", article, "--library", str(lib), "--script", script, *more]) == 0
    return capsys.readouterr().out


def test_a_traditional_article_asked_for_in_a_traditional_script_is_shown_as_printed(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    aid = _article(library, True, "云")
    shown = json.loads(_show(library, aid, "s2t", capsys, "--json"))
    assert shown["script"] == "s2t" and shown["shown_by"] == "none"
    printed = json.loads(_show(library, aid, "none", capsys, "--json"))
    assert [p["text"] for p in shown["parts"]] == [p["text"] for p in printed["parts"]]  # as printed: 云, not 雲
    assert "云" in "".join(p["text"] for p in shown["parts"])
    assert all(p["original"] is None for p in shown["parts"])  # nothing converted: no original beside it
    shown = json.loads(_show(library, aid, "s2tw", capsys, "--json"))
    assert shown["shown_by"] == "t2tw" and "云" in "".join(p["text"] for p in shown["parts"])
    listing = _show(library, aid, "s2t", capsys)
    assert "# script s2t: as printed" in listing and "云" in listing


def test_a_simplified_article_is_converted_and_the_listing_says_so(library: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    aid = _article(library, False, "发改委")
    shown = json.loads(_show(library, aid, "s2tw", capsys, "--json"))
    assert shown["shown_by"] == "s2tw"
    assert "發改委" in "".join(p["text"] for p in shown["parts"])
    listing = _show(library, aid, "s2tw", capsys)
    assert "# script s2tw: converted by OpenCC s2tw, not as printed" in listing and "發改委" in listing
    assert "# script" not in _show(library, aid, "none", capsys)  # the original: nothing to say


def test_an_export_says_its_text_is_as_the_sources_print_it(library: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Seen (trust33): the reader reads in 臺灣 in the window; `broadsheet export` wrote the People's Daily in its
    simplified script — right — without a word on which script the file is in."""
    aid = _article(library, False, "发改委")
    out = tmp_path / "a.txt"
    assert main(["export", aid, "--library", str(library), "--format", "text", "-o", str(out)]) == 0
    assert "the text as the sources print it (no script conversion)" in capsys.readouterr().err
    assert "发改委" in out.read_text(encoding="utf-8")
    tei = tmp_path / "a.xml"
    assert main(["export", aid, "--library", str(library), "--format", "tei", "-o", str(tei), "--reading", "s2tw"]) == 0
    assert "with a reading text converted by OpenCC s2tw, marked as derived" in capsys.readouterr().err
