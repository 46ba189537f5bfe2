"""Dates as Chinese papers print them on the command line and in the query language; the Minguo date in ``show``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.search.engine import parse
from reader.search.query import QueryError, _date_range

DATA = Path(__file__).parents[1] / "data"
JINGBAO = DATA / "samples/chinese/ecpo_jingbao/textGT/jb_3795_1939-04-21_0002+0003.xml"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dates") / "lib"
    lib = Library.open(folder)
    try:
        import_paths(lib, [JINGBAO])
        import_paths(lib, [DATA / "text/seed_page.txt"], publication="人民日报", date="2021-01-27")
    finally:
        lib.close()
    return folder


def _search(library: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main(["search", *args, "--library", str(library), "--json", "--limit", "100"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_the_query_language_reads_printed_dates() -> None:
    assert _date_range("民國二十八年四月") == ("1939-04", "1939-04\uffff")
    assert _date_range("中華民國廿八年四月廿一日") == ("1939-04-21", "1939-04-21")
    assert _date_range("民國二十八年..民國三十年") == ("1939", "1941\uffff")
    assert _date_range("1939年4月至6月") == ("1939-04", "1939-06\uffff")
    assert parse("美 date:民国28年") is not None
    with pytest.raises(QueryError):
        _date_range("someday")
    with pytest.raises(QueryError, match="no month 13"):  # a query error like any other: a batch goes on
        _date_range("民國二十八年十三月")


@pytest.mark.parametrize("printed", ["民國二十八年四月", "民国28年", "1939年4月", "中華民國廿八年四月廿一日",
                                     "１９３９年４月", "民國二十八年四月..民國二十八年五月"])
def test_date_filters_as_printed_find_what_iso_finds(library: Path, capsys: pytest.CaptureFixture[str],
                                                   printed: str) -> None:
    iso = _search(library, capsys, "美", "date:1939-04-21")
    got = _search(library, capsys, "美", f"date:{printed}")
    assert iso["total"] > 0 and got["total"] == iso["total"]
    assert {h["article"] for h in got["hits"]} == {h["article"] for h in iso["hits"]}


def test_from_and_to_take_printed_dates(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    everything = _search(library, capsys, "的 OR 美")
    republic = _search(library, capsys, "的 OR 美", "--from", "民國元年", "--to", "民國三十八年十二月卅一日")
    later = _search(library, capsys, "的 OR 美", "--from", "二〇二一年一月")
    assert republic["total"] and later["total"]
    assert republic["total"] + later["total"] == everything["total"]
    assert {h["date"] for h in republic["hits"]} == {"1939-04-21"}
    assert main(["search", "美", "--from", "民國二十八年十三月", "--library", str(library)]) == 2
    assert "no month 13" in capsys.readouterr().err


def test_show_gives_the_minguo_date_for_a_paper_of_the_republic(library: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    hit = _search(library, capsys, "美參院通過")["hits"][0]
    assert main(["show", hit["article"], "--library", str(library)]) == 0
    assert capsys.readouterr().out.startswith("# 晶報 Jing bao 1939-04-21 (民國二十八年四月二十一日) p.2")
    assert main(["show", hit["article"], "--library", str(library), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["date"] == "1939-04-21" and data["minguo"] == "民國二十八年四月二十一日"
    renmin = _search(library, capsys, "干得好就能看得见")["hits"][0]
    assert main(["show", renmin["article"], "--library", str(library), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["minguo"] is None  # 2021


def test_import_date_as_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text("火警兩起\n\n大西路陶家宅四十號、爲國華玩具廠廠址。\n", encoding="utf-8")
    folder = tmp_path / "lib"
    assert main(["import", str(page), "--library", str(folder), "--publication", "申報",
                 "--date", "中華民國廿八年四月廿二日", "--quiet"]) == 0
    capsys.readouterr()
    lib = Library.open(folder)
    try:
        assert [i.date for i in lib.issues()] == ["1939-04-22"]
    finally:
        lib.close()
    assert main(["import", str(page), "--library", str(folder), "--date", "民國二十八年二月卅日"]) == 2
