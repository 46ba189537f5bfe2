"""``broadsheet correct list`` after the source was edited and read again: where each correction is now.

Seen by a tester: after File → Read every file again (or ``broadsheet import``) re-read a source whose corrected line
had changed — two characters inserted before the corrected name — ``correct list`` gave the offsets the correction was
made at, which now point into other words of the line ("及时" where the name was), while ``show`` put the correction
on the name where it is now. The listing says where each correction applies now, or that it is no longer found.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.library.catalogue import Library
from tests.clirun import run_in

DATA = Path(__file__).resolve().parents[1] / "data"
LINE = "“对工作做阶段性梳理是件好事。”马骏"  # line 19 of the seed page; the name is corrected
WRONG, RIGHT = "马骏", "马俊"


cli = run_in  # broadsheet ARGS… --library LIBRARY, its stdout


@pytest.fixture
def corrected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, str]:
    """A library of the seed page with the name in LINE corrected; (library, page, article)."""
    src = tmp_path / "src"
    src.mkdir()
    page = src / "seed_page.txt"
    shutil.copy(DATA / "text" / "seed_page.txt", page)
    library = tmp_path / "lib"
    cli(capsys, library, "import", str(src), "--quiet")
    [hit] = json.loads(cli(capsys, library, "search", "--json", LINE[-6:]))["hits"]
    article = str(hit["article"])
    with Library(library) as lib:
        text = lib.article(article).text
    start = text.index(LINE[-3:]) + 1  # the name at the end of LINE (it occurs earlier in the article too)
    assert text[start:start + 2] == WRONG
    cli(capsys, library, "correct", "text", article, str(start), str(start + 2), RIGHT)
    return library, page, article


def edit(page: Path, old: str, new: str, above: str = "") -> None:
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(above + text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("above", ["", "新加的一行\n\n"], ids=["edited", "edited-and-moved-down"])
def test_the_listing_says_where_a_correction_is_after_its_line_changed(
        above: str, corrected: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    """The line is longer (two characters before the name); moved down too, its number names another line now (the
    correction was stale: its line is found again between the same two lines, still holding the words corrected)."""
    library, page, _ = corrected
    edit(page, LINE, LINE.replace("做阶段性", "及时做阶段性"), above=above)
    cli(capsys, library, "import", str(page.parent), "--quiet")
    [listed] = json.loads(cli(capsys, library, "correct", "list", "--json"))
    now = listed["now"]
    assert now["found"] is True
    with Library(library) as lib:
        shown = lib.article(now["article"])
        issue = lib.article_info(now["article"]).issue_id
        lines = {ln.id: ln.text for p in lib.pages(issue) for ln in lib.page(p.id).lines}
    assert shown.text[now["start"]:now["end"]] == WRONG  # the offsets `correct text` takes, on the name
    assert lines[now["line"]][now["line_start"]:now["line_end"]] == WRONG
    plain = cli(capsys, library, "correct", "list")
    assert f"line {now['line']} characters {now['line_start']}–{now['line_end']}" in plain, plain
    assert f"{WRONG} → {RIGHT}" in plain and '"start"' not in plain  # not the stored record's old offsets
    assert RIGHT in cli(capsys, library, "show", now["article"])  # shown corrected, where the listing says


def test_the_listing_says_a_correction_whose_words_are_gone_is_no_longer_found(
        corrected: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    library, page, _ = corrected
    edit(page, LINE, LINE.replace(WRONG, "他"))
    cli(capsys, library, "import", str(page.parent), "--quiet")
    [listed] = json.loads(cli(capsys, library, "correct", "list", "--json"))
    assert listed["now"]["found"] is False and listed["now"]["start"] is None
    plain = cli(capsys, library, "correct", "list")
    assert "no longer found" in plain and "kept" in plain, plain


def test_a_correction_no_longer_found_is_said_by_one_import_and_listed_after(
        corrected: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found using it (trust37): a correction whose words an edited source no longer holds was said "no longer
    applies" by the import that read the edit — and again by every later import, of any file (as dead collection
    entries and orphaned notes were, said once since). Said once, counted "stale" after, listed by ``correct list``
    all along; said again if it applies again and is lost again."""
    library, page, _ = corrected
    edit(page, LINE, LINE.replace(WRONG, "他"))
    capsys.readouterr()
    assert main(["import", str(page.parent), "--quiet", "--library", str(library)]) == 0
    said = [capsys.readouterr().err]
    other = tmp_path / "other"
    other.mkdir()
    for n in (1, 2):
        (other / f"more{n}.txt").write_text(f"另一篇文章{n}\n\n第{n}次导入的内容。\n", encoding="utf-8")
        status = main(["import", str(other), "--quiet", "--library", str(library)])
        assert status == 0
        said.append(capsys.readouterr().err)
    stale = [n for n, out in enumerate(said) for ln in out.splitlines() if "no longer applies" in ln]
    assert stale == [0], said
    assert all("1 stale" in out for out in said[1:]), said
    assert "no longer found" in cli(capsys, library, "correct", "list")
    edit(page, LINE.replace(WRONG, "他"), LINE)  # its words back: it applies …
    main(["import", str(page.parent), "--quiet", "--library", str(library)])
    assert "0 stale" in capsys.readouterr().err
    edit(page, LINE, LINE.replace(WRONG, "她"))  # … and lost again: said again
    main(["import", str(page.parent), "--quiet", "--library", str(library)])
    assert "no longer applies" in capsys.readouterr().err


def test_a_correction_of_the_second_of_two_same_words_stays_on_the_second_after_its_line_changed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found using it (trust37): line 55 of the seed page prints 杭州 twice
    ("杭州市委组织部有关负责人说，杭州注重多渠"); the second corrected (杭洲), then a character
    inserted before the first — the stored offset no longer on it — and the file read again, the
    correction went onto the FIRST 杭州 ("杭洲市委组织部的…"), said "applies". It stays on the one it
    was made on: the one whose neighbouring characters are those it had."""
    src = tmp_path / "src"
    src.mkdir()
    page = src / "seed_page.txt"
    shutil.copy(DATA / "text" / "seed_page.txt", page)
    library = tmp_path / "lib"
    cli(capsys, library, "import", str(src), "--quiet")
    [hit] = json.loads(cli(capsys, library, "search", "--json", "杭州注重多渠道"))["hits"]
    article = str(hit["article"])
    with Library(library) as lib:
        start = lib.article(article).text.index("说，杭州注重") + 2
    cli(capsys, library, "correct", "text", article, str(start), str(start + 2), "杭洲")
    assert "说，杭洲注重" in cli(capsys, library, "show", article)
    edit(page, "杭州市委组织部有关负责人说，杭州注重多渠", "杭州市委组织部的有关负责人说，杭州注重多渠")
    cli(capsys, library, "import", str(src), "--quiet")
    shown = cli(capsys, library, "show", article)
    assert "说，杭洲注重" in shown and "杭洲市委" not in shown, shown
    [listed] = json.loads(cli(capsys, library, "correct", "list", "--json"))
    assert (listed["now"]["line_start"], listed["now"]["line_end"]) == (15, 17)  # one character later
