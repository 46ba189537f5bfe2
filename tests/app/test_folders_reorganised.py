"""A researcher reorganises the folders of a library's sources (seen by the by-eye tester, eye53).

* A dated folder renamed (``人民日报/2021-01-30`` → ``2021-01-31``, the bytes unchanged): the import said the file
  "moved … kept" and left its articles dated the 30th; "Read every file again…" then dated them the 31st, gave every
  article a new id and said "its start changed in its source" — false, the bytes were the same. What the path says is
  the file's metadata: the import that sees the move files it so, said plainly, and the articles keep their ids
  whichever command reads the file (the ids are made from the path a file was first imported under).
* A file moved and edited at once (the folder renamed, a sentence deleted): it became a second copy of its articles,
  the researcher's note left on the stale copy.

Run through the command line in this process (``reader.cli.main.main``) on a folder library and a PostgreSQL one,
with real text files (People's Daily plain text, as the tester's, and tests/data's samples).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli.main import main

DATA = Path(__file__).resolve().parents[1] / "data"
WETZEL = DATA / "samples" / "hocr" / "tesseract303_wetzel_1901"
#: the People's Daily page of the tester: a headline, a byline and three sentences a line
#: another page of the day, nothing of it in :data:`PAGE`
OTHER_PAGE = "春节前的菜篮子\n本报记者 赵六\n各地蔬菜供应充足，价格平稳。\n市场监管部门加强巡查。\n"
PAGE = ("亚太经合组织会议开幕\n本报记者 王五\nAPEC领导人非正式会议今天在北京开幕。\n上海代表团出席。\n"
        "各国领导人就贸易问题交换了意见。\n")


class Cli:
    """The command line, run in this process against one library (a folder or a PostgreSQL URL)."""

    def __init__(self, capsys: pytest.CaptureFixture[str], library: str) -> None:
        self.capsys = capsys
        self.library = library
        self.err = ""

    def __call__(self, *args: str) -> str:
        self.capsys.readouterr()
        status = main([*args, "--library", self.library])
        out = self.capsys.readouterr()
        self.err = out.err
        assert status == 0, (args, out.err)
        return out.out

    def hits(self, query: str) -> list[dict[str, str]]:
        return list(json.loads(self("search", "--json", query, "--limit", "100"))["hits"])

    def notes(self) -> list[dict[str, str]]:
        return list(json.loads(self("annotations", "list", "--json")))


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(params=["folder", "postgres"])
def cli(request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Cli]:
    if request.param == "folder":
        where = str(tmp_path / "lib")
    else:
        import pgcluster

        where = request.getfixturevalue("pg_cluster").create_database(pgcluster.unique_name())
    yield Cli(capsys, where)


def _day(tmp_path: Path, date: str) -> Path:
    """A source folder holding :data:`PAGE` as page 2 of the People's Daily of ``date`` (dated by its folders)."""
    day = tmp_path / "src" / "人民日报" / date
    day.mkdir(parents=True)
    (day / "02.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path / "src"


@pytest.fixture
def src(tmp_path: Path) -> Path:
    return _day(tmp_path, "2021-01-30")


def test_a_dated_folder_renamed_dates_its_articles_at_the_import_and_they_keep_their_ids(cli: Cli, src: Path) -> None:
    cli("import", str(src), "--quiet")
    [hit] = cli.hits("date:2021-01-30")
    cli("annotations", "add", hit["article"], "--quote", "上海代表团出席", "--note", "N1")
    (src / "人民日报" / "2021-01-30").rename(src / "人民日报" / "2021-01-31")

    cli("import", str(src), "--quiet")

    said = cli.err
    assert (f"{src}/人民日报/2021-01-30/02.txt moved to {src}/人民日报/2021-01-31/02.txt: its articles are now dated "
            "2021-01-31") in said, said
    assert "kept." not in said.replace("are kept)", ""), "not said kept as they were"
    assert [h["article"] for h in cli.hits("date:2021-01-31")] == [hit["article"]]
    assert cli.hits("date:2021-01-30") == []
    [note] = cli.notes()
    assert (note["article"], note["status"]) == (hit["article"], "attached")

    cli("import", str(src), "--reread", "--quiet")  # "Read every file again…": the same, nothing renamed

    assert " is now " not in cli.err and "start changed" not in cli.err, cli.err
    assert [h["article"] for h in cli.hits("date:2021-01-31")] == [hit["article"]]
    assert "is now" not in cli("show", hit["article"]) + cli.err


def test_a_folder_renamed_files_its_pages_under_its_new_name_and_no_article_is_renamed(cli: Cli,
                                                                                       tmp_path: Path) -> None:
    """The hOCR page and its ALTO twin give no publication: their folder's name is theirs. Renamed, the folder files
    them under its new name at the import, every article keeping its id; read again, nothing changes."""
    shutil.copytree(WETZEL, tmp_path / "latin" / "wetzel")
    cli("import", str(tmp_path / "latin"), "--quiet")
    before = {h["article"]: h["publication"] for h in cli.hits("publication:wetzel")}
    assert set(before.values()) == {"wetzel"} and len(before) >= 2
    (tmp_path / "latin" / "wetzel").rename(tmp_path / "latin" / "wetzel_renamed")

    cli("import", str(tmp_path / "latin"), "--quiet")

    assert "its articles are now of wetzel_renamed, from its folder's name" in cli.err, cli.err
    assert {h["article"]: h["publication"] for h in cli.hits("publication:wetzel_renamed")} == {
        k: "wetzel_renamed" for k in before}
    cli("import", str(tmp_path / "latin"), "--reread", "--quiet")
    assert " is now " not in cli.err, cli.err
    assert {h["article"] for h in cli.hits("publication:wetzel_renamed")} == set(before)


def test_a_file_moved_in_an_earlier_version_keeps_its_ids_when_read_again(cli: Cli, src: Path) -> None:
    """A file moved with nothing else changing keeps its ids (they were made from its first path); read again at its
    new path ("Read every file again…", an edit), it gave every article a new id, "its start changed in its source"."""
    cli("import", str(src), "--quiet")
    [hit] = cli.hits("date:2021-01-30")
    cli("annotations", "add", hit["article"], "--quote", "上海代表团出席", "--note", "N1")
    page = src / "人民日报" / "2021-01-30" / "02.txt"
    page.rename(page.with_name("p2.txt"))  # the same page, the same day
    cli("import", str(src), "--quiet")
    assert "moved from" in cli.err, cli.err

    cli("import", str(src), "--reread", "--quiet")
    assert " is now " not in cli.err, cli.err
    page.with_name("p2.txt").write_text(PAGE.replace("交换了意见", "交换意见"), encoding="utf-8")
    cli("import", str(src), "--quiet")
    assert " is now " not in cli.err, cli.err
    assert [h["article"] for h in cli.hits("date:2021-01-30")] == [hit["article"]]
    assert [n["article"] for n in cli.notes()] == [hit["article"]]


def test_a_new_file_where_a_moved_one_was_is_a_source_of_its_own(cli: Cli, src: Path) -> None:
    """The moved file keeps the ids made from its old path: an edited copy put back there is given others (its
    articles' ids were the moved file's, and storing it stopped the import on the catalogue's unique ids)."""
    cli("import", str(src), "--quiet")
    [hit] = cli.hits("date:2021-01-30")
    day = src / "人民日报" / "2021-01-30"
    (day / "02.txt").rename(day / "p2.txt")
    cli("import", str(src), "--quiet")
    (day / "02.txt").write_text(PAGE.replace("交换了意见", "交换意见"), encoding="utf-8")

    cli("import", str(src), "--quiet")

    ids = [h["article"] for h in cli.hits("date:2021-01-30")]
    assert len(ids) == 2 and hit["article"] in ids, cli.err


def _move_and_edit(src: Path, *, to: str = "2021-01-30", names: tuple[str, ...] = ("02.txt",)) -> list[Path]:
    """Rename the folder 2021-01-29 ``to``, and delete the sentence 上海代表团出席。 in each of ``names`` there."""
    day = src / "人民日报" / "2021-01-29"
    moved = day.rename(day.with_name(to))
    for name in names:
        page = moved / name
        page.write_text(page.read_text(encoding="utf-8").replace("上海代表团出席。\n", ""), encoding="utf-8")
    return [moved / n for n in names]


@pytest.fixture
def day29(tmp_path: Path) -> Path:
    return _day(tmp_path, "2021-01-29")


def test_a_file_moved_and_edited_at_once_is_read_as_edited_and_the_work_follows(cli: Cli, day29: Path) -> None:
    """The tester's case: a note on 上海代表团出席, the sentence deleted and the folder renamed to the next day: the
    import said the file no longer there (its articles and the work kept) and imported the new one, two copies of the
    article, the note on the stale one still showing the deleted sentence. Another page of the day, unchanged, moves
    with it: the folder was renamed."""
    (day29 / "人民日报" / "2021-01-29" / "01.txt").write_text(OTHER_PAGE, encoding="utf-8")
    cli("import", str(day29), "--quiet")
    [hit] = cli.hits("APEC")
    cli("annotations", "add", hit["article"], "--quote", "上海代表团出席", "--note", "deleted since")
    cli("annotations", "add", hit["article"], "--quote", "交换了意见", "--note", "still there")
    [page] = _move_and_edit(day29)

    cli("import", str(day29), "--quiet")

    said = cli.err
    assert (f"{page}: moved from {day29}/人民日报/2021-01-29/02.txt and changed since; read again as an edited file, "
            "your work following its words; its articles are now dated 2021-01-30") in said, said
    assert "no longer there" not in said and "orphaned: its passage '上海代表团出席' was not found again" in said, said
    [now] = cli.hits("APEC")
    assert (now["article"], now["date"]) == (hit["article"], "2021-01-30")
    assert "上海代表团出席" not in cli("show", now["article"])
    # (the words still there are found again, further up: "moved" within the article)
    assert {n["note"]: (n["article"], n["status"] == "orphaned") for n in cli.notes()} == {
        "deleted since": (hit["article"], True), "still there": (hit["article"], False)}


def test_a_new_file_reading_nearly_as_two_gone_files_is_said_and_nothing_is_touched(cli: Cli, day29: Path) -> None:
    """Two files of the day, nearly the same (a page and its second OCR), both gone with their folder; the new one
    reads nearly as either: not guessed."""
    (day29 / "人民日报" / "2021-01-29" / "02b.txt").write_text(PAGE + "本报北京1月29日电\n", encoding="utf-8")
    cli("import", str(day29), "--quiet")
    cli("annotations", "add", cli.hits("APEC")[0]["article"], "--quote", "上海代表团出席", "--note", "N1")
    day = day29 / "人民日报" / "2021-01-29"
    (day / "02b.txt").unlink()
    [page] = _move_and_edit(day29)

    cli("import", str(day29), "--quiet")

    said = cli.err
    assert (f"{page}: it reads nearly as {day}/02.txt and {day}/02b.txt, no longer there; it was not taken for either "
            "and was imported as a file of its own") in said, said
    assert len(cli.hits("APEC")) == 3
    [note] = cli.notes()
    assert note["status"] == "attached" and "is orphaned" not in said


def test_two_new_files_reading_nearly_as_one_gone_file_are_said_and_nothing_is_touched(cli: Cli, day29: Path) -> None:
    cli("import", str(day29), "--quiet")
    [hit] = cli.hits("APEC")
    cli("annotations", "add", hit["article"], "--quote", "上海代表团出席", "--note", "N1")
    [page] = _move_and_edit(day29)
    (page.parent / "02b.txt").write_text(page.read_text(encoding="utf-8") + "本报北京1月30日电\n", encoding="utf-8")

    cli("import", str(day29), "--quiet")

    said = cli.err
    for new in (page, page.parent / "02b.txt"):
        assert (f"{new}: it reads nearly as {day29}/人民日报/2021-01-29/02.txt, no longer there, as another new file "
                "of this import does; it was not taken for it") in said, said
    assert {h["date"] for h in cli.hits("APEC")} == {"2021-01-29", "2021-01-30"}
    [note] = cli.notes()
    assert (note["article"], note["status"]) == (hit["article"], "attached")


def test_the_seed_page_moved_to_another_day_and_edited_keeps_its_corrections_notes_and_collection(
        cli: Cli, tmp_path: Path) -> None:
    """tests/data's seed page (a People's Daily page of 15 articles) in a dated folder: a word corrected, a note, a
    collection; a paragraph removed and the folder renamed to the next day (another page of the day moved with it,
    unchanged). One copy, dated the new day; the work on the articles still there follows them."""
    day = tmp_path / "src" / "人民日报" / "2021-01-29"
    day.mkdir(parents=True)
    (day / "01.txt").write_text(OTHER_PAGE, encoding="utf-8")
    text = (DATA / "text" / "seed_page.txt").read_text(encoding="utf-8")
    (day / "04.txt").write_text(text, encoding="utf-8")
    cli("import", str(tmp_path / "src"), "--quiet")
    [lao] = cli.hits("老丁名叫丁冬")
    article = lao["article"]
    shown = cli("show", article)
    start = shown.index("钟华琴") - shown.index(lao["headline"])
    cli("correct", "text", article, str(start), str(start + 3), "钟华芹")
    cli("annotations", "add", article, "--quote", "老丁名叫丁冬", "--note", "N1")
    cli("collection", "create", "C1")
    cli("collection", "add", "C1", article)
    assert len(cli.hits("钟华芹")) == 1
    removed = next(line for line in text.split("\n") if "小化工" in line)
    moved = day.rename(day.with_name("2021-01-30"))
    (moved / "04.txt").write_text(text.replace(removed + "\n", ""), encoding="utf-8")

    cli("import", str(tmp_path / "src"), "--quiet")

    assert f"{moved}/04.txt: moved from {day}/04.txt and changed since" in cli.err, cli.err
    assert [(h["article"], h["date"]) for h in cli.hits("老丁名叫丁冬")] == [(article, "2021-01-30")]
    assert [h["date"] for h in cli.hits("小化工")] == ["2021-01-30"] and cli.hits("date:2021-01-29") == []
    assert [h["article"] for h in cli.hits("钟华芹")] == [article], "the correction applies"
    [note] = cli.notes()
    assert (note["article"], note["status"]) == (article, "attached")
    assert cli("collection", "show", "C1", "--ids").split() == [article]


def test_a_days_folder_deleted_and_another_days_page_repeating_it_is_said_not_taken_for_it(cli: Cli,
                                                                                            day29: Path) -> None:
    """Seen in review: the 29th's folder deleted, then the 30th's page, repeating most of the 29th's, imported — it
    took the 29th's source over (re-dated, its text replaced, the note moved to the other day's page). Nothing of its
    folder moved with it: said, both kept."""
    cli("import", str(day29), "--quiet")
    [hit] = cli.hits("APEC")
    cli("annotations", "add", hit["article"], "--quote", "上海代表团出席", "--note", "N1")
    shutil.rmtree(day29 / "人民日报" / "2021-01-29")
    day30 = day29 / "人民日报" / "2021-01-30"
    day30.mkdir()
    (day30 / "02.txt").write_text(PAGE.replace("上海代表团出席。\n", ""), encoding="utf-8")

    cli("import", str(day29), "--quiet")

    said = cli.err
    assert (f"{day30}/02.txt: it reads nearly as {day29}/人民日报/2021-01-29/02.txt, no longer there, a page of "
            "another day, and nothing else of that folder was found moved with it; it was not taken for it"
            ) in said, said
    assert sorted(h["date"] for h in cli.hits("APEC")) == ["2021-01-29", "2021-01-30"]
    [note] = cli.notes()
    assert (note["article"], note["status"]) == (hit["article"], "attached")
    assert "上海代表团出席" in cli("show", hit["article"])


def test_files_held_until_the_import_has_seen_every_file_are_not_held_read(cli: Cli, day29: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen in review: every new file reading nearly as a gone one was held read (its rows, texts and terms) until the
    end of the import — a re-OCR'd delivery under new names held whole in memory. Held, it is only named; read again
    when stored, it is stored as before."""
    from reader.library import importer

    (day29 / "人民日报" / "2021-01-29" / "01.txt").write_text(OTHER_PAGE, encoding="utf-8")
    cli("import", str(day29), "--quiet")
    [hit] = cli.hits("APEC")
    _move_and_edit(day29)
    held: list[object] = []
    settle = importer._FormerSelves.settle

    def spy(self: importer._FormerSelves, *a: object, **kw: object) -> int:
        held.extend((p.job.done, p.job.future) for p in self.pending)
        return settle(self, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(importer._FormerSelves, "settle", spy)
    cli("import", str(day29), "--quiet")
    assert held == [(None, None)]
    assert [(h["article"], h["date"]) for h in cli.hits("APEC")] == [(hit["article"], "2021-01-30")]
