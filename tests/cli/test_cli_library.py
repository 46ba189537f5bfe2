"""The library verbs of the command line: import, search (the JSON contract), show, reindex, stats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.library.catalogue import Library
from reader.text.forms import fold_text


@pytest.fixture
def imported(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    src = tmp_path / "src" / "人民日报" / "2021-01-27"
    src.mkdir(parents=True)
    shutil.copy(data_dir / "text" / "seed_page.txt", src / "04.txt")
    shutil.copytree(data_dir / "samples" / "mets-alto" / "bl_statesman_1824-02-17", tmp_path / "src" / "bl")
    lib = tmp_path / "lib"
    assert main(["import", str(tmp_path / "src"), "--library", str(lib)]) == 0
    err = capsys.readouterr().err
    assert "imported 2 file(s)" in err and "articles" in err
    return lib


def _json(capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    return json.loads(capsys.readouterr().out)


def test_search_json_contract(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "發展", "--library", str(imported), "--json", "--limit", "2"]) == 0
    out = _json(capsys)
    assert set(out) == {"query", "total", "hits"}
    assert out["query"] == "發展" and out["total"] >= 2 and len(out["hits"]) == 2
    lib = Library(imported)
    for hit in out["hits"]:
        assert set(hit) == {"article", "headline", "publication", "date", "page", "score", "snippet", "matches"}
        assert hit["publication"] == "人民日报" and hit["date"] == "2021-01-27" and hit["page"] == 4
        text = lib.article(hit["article"]).text
        assert hit["matches"]
        for s, e in hit["matches"]:
            assert fold_text(text[s:e]) == "发展"
    lib.close()


def test_search_filters_as_flags(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "the", "--library", str(imported), "--json", "--limit", "100"]) == 0
    every = _json(capsys)
    assert every["total"] > 0 and {h["publication"] for h in every["hits"]} == {"The Statesman"}
    assert main(["search", "the", "--library", str(imported), "--json", "--from", "1900-01-01"]) == 0
    assert _json(capsys)["total"] == 0
    assert main(["search", "the", "--library", str(imported), "--json", "--to", "1824-12-31", "--publication",
                 "statesman", "--page", "2", "--kind", "article"]) == 0
    some = _json(capsys)
    assert 0 < some["total"] <= every["total"]
    assert main(["search", "the", "--library", str(imported), "--json", "--sort", "date", "--facets"]) == 0
    assert _json(capsys)["facets"]["publication"] == {"The Statesman": every["total"]}


def test_search_text_output_and_errors(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "党", "--library", str(imported)]) == 0
    out = capsys.readouterr().out
    assert "article(s) match" in out and "人民日报" in out
    assert main(["search", "(党", "--library", str(imported)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("broadsheet: query:") and err.count("\n") == 1


def test_show_with_script(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["search", "杭州", "--library", str(imported), "--json", "--limit", "1"])
    hit = _json(capsys)["hits"][0]
    assert main(["show", hit["article"], "--library", str(imported), "--json", "--script", "s2t"]) == 0
    shown = _json(capsys)
    assert shown["article"] == hit["article"] and shown["script"] == "s2t"
    # parts come in the reading order; hits count in the article's text, its parts in their own order
    in_text = sorted(shown["parts"], key=lambda p: p["index"])
    text = "\n\n".join(p["original"] for p in in_text)
    converted = "\n\n".join(p["text"] for p in in_text)
    assert "杭州" in text and len(converted) == len(text)
    for s, e in hit["matches"]:
        assert converted[s:e] == "杭州"  # the same offsets light up the same characters in the other script
    for part in shown["parts"]:
        assert part["role"] and part["lines"] and part["offsets"] is None
    assert main(["show", hit["article"], "--library", str(imported), "--script", "s2twp", "--json"]) == 0
    twp = _json(capsys)
    for part in twp["parts"]:
        if part["offsets"] is not None:
            assert len(part["offsets"]) == len(part["text"])
    assert main(["show", hit["article"], "--library", str(imported)]) == 0
    assert "人民日报" in capsys.readouterr().out
    assert main(["show", "nothing", "--library", str(imported)]) == 2
    assert "there is no article nothing" in capsys.readouterr().err


def test_stats_reindex_and_reimport(imported: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["stats", "--library", str(imported), "--json"]) == 0
    st = _json(capsys)
    assert st["sources"] == 2 and st["pages"] == 5 and st["indexed_documents"] == st["articles"] > 0
    assert main(["reindex", "--library", str(imported)]) == 0
    assert f"indexed {st['articles']} article(s)" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "src"), "--library", str(imported), "--quiet"]) == 0
    assert "2 unchanged" in capsys.readouterr().err
    assert main(["stats", "--library", str(imported)]) == 0
    assert "articles" in capsys.readouterr().out


def test_import_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_LIBRARY", str(tmp_path / "envlib"))
    bad = tmp_path / "bad.xml"
    bad.write_text("<nothing/>", encoding="utf-8")
    # a path named that is not there is a bad argument (exit 2); the rest is imported all the same
    good = tmp_path / "rmrb_20210127_01.txt"
    good.write_text("标题\n\n本报北京电 正文第一段。\n", encoding="utf-8")
    assert main(["import", str(bad), str(tmp_path / "missing.txt"), str(good), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert f"broadsheet: {bad}:" in err and "missing.txt: no such file or folder." in err and "imported 1 file" in err
    assert main(["import", str(bad), "--quiet"]) == 1  # a file that cannot be read: failed, not a bad argument
    capsys.readouterr()
    assert (tmp_path / "envlib" / "catalogue.sqlite").is_file()
    assert main(["import", str(bad), "--date", "27.01.2021"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    # a date no calendar has (seen: 2021-02-30 stored, cited and filed as undated)
    for impossible in ("2021-02-30", "2021-13-45"):
        assert main(["import", str(good), "--date", impossible]) == 2
        assert f"--date {impossible}: there is no such day" in capsys.readouterr().err


def test_search_match_modes_and_operators(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = Library(imported)
    texts = {a: lib.article(a).text for (a,) in lib.conn.execute("SELECT id FROM articles")}
    lib.close()

    def ids(*args: str) -> set[str]:
        assert main(["search", *args, "--library", str(imported), "--json", "--limit", "1000"]) == 0
        return {h["article"] for h in _json(capsys)["hits"]}
    assert ids("發展", "--match", "exact") == {a for a, t in texts.items() if "發展" in t} == set()
    assert ids("发展", "--match", "exact") == {a for a, t in texts.items() if "发展" in t} != set()
    assert ids("发展") == ids("發展", "--match", "variants")
    assert ids("publication:人民日報") == ids("publication:人民日报") != set()
    assert ids("Statesm*") and ids("Statesm*") == ids("Statesman~1") == ids("statesman")  # today's `Luxemb*` gave 0
    assert ids('"发展 经济"~50') <= ids("发展 经济")
    assert main(["search", "Statesman~3", "--library", str(imported)]) == 2
    assert "at most 2" in capsys.readouterr().err


def test_collection_show_lists_each_article_by_date_publication_and_headline(
        imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`collection show` printed bare ids: a researcher could not tell what a collection held without a `show`
    per article. Each line now reads like a search hit's (id first, so scripts can still cut it); `--ids` gives
    the ids alone, `--json` the fields; an article no longer in the library is said so, not dropped."""
    lib = ["--library", str(imported)]
    infos = [i for i in Library(imported).articles() if i.headline][:2]
    assert main(["collection", *lib, "create", "读书"]) == 0
    assert main(["collection", *lib, "add", "读书", infos[1].id, infos[0].id]) == 0
    capsys.readouterr()
    assert main(["collection", *lib, "show", "读书"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2 article(s) in '读书'"
    assert lines[1:] == [f"{i.id}  {i.date or '????-??-??'}  {i.publication}  {i.headline}" for i in infos[::-1]]
    assert main(["collection", *lib, "show", "读书", "--ids"]) == 0
    assert capsys.readouterr().out.split() == [infos[1].id, infos[0].id]
    assert main(["collection", *lib, "show", "读书", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"article": i.id, "date": i.date or None, "publication": i.publication, "headline": i.headline}
        for i in infos[::-1]]
    # an article gone from the library (its source removed) stays in the collection, and is said to be gone
    with Library(imported) as raw:
        raw.conn.execute("UPDATE collection_items SET article = 'gone0000' WHERE article = ?", (infos[0].id,))
    assert main(["collection", *lib, "show", "读书"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "gone0000  (no longer in the library)"


def test_correct_text_over_a_line_break_is_one_correction_made_and_undone(
        imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`correct text` was refused when the characters came from two source lines (a PDF dump breaks lines at the
    column width, in the middle of words); now each line gets its piece, and `correct undo` takes them all."""
    lib = ["--library", str(imported)]
    library = Library(imported)
    found = None
    for info in library.articles():
        art = library.article(info.id)
        start = 0
        for part in art.parts:
            for i in range(len(part.text) - 1):
                here, there = part.locate(i), part.locate(i + 1)
                if here and there and here[0] != there[0] and "\u4e00" <= part.text[i] <= "\u9fff" \
                        and "\u4e00" <= part.text[i + 1] <= "\u9fff":
                    found = (info.id, start + i, part.text[i:i + 2])
                    break
            if found:
                break
            start += len(part.text) + 2
        if found:
            break
    library.close()
    assert found, "a word broken over two lines in the seed page"
    article, at, word = found
    assert main(["correct", *lib, "text", article, str(at), str(at + 2), "龘䨻"]) == 0
    ids = capsys.readouterr().out.split()
    assert len(ids) == 2
    assert main(["show", *lib, article]) == 0
    assert "龘䨻" in capsys.readouterr().out
    assert main(["correct", *lib, "undo", "--article", article]) == 0
    capsys.readouterr()
    assert main(["correct", *lib, "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["show", *lib, article]) == 0
    assert word in capsys.readouterr().out.replace("\n", "")


def test_a_word_of_punctuation_alone_is_left_out_and_said(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``发展 ，`` found nothing, silently: the comma is left out, said on stderr and in the JSON; a query of nothing
    searchable is refused as a malformed query is (exit status 2)."""
    assert main(["search", "发展", "--library", str(imported), "--json", "--limit", "50"]) == 0
    alone = _json(capsys)
    assert main(["search", "发展 ，", "--library", str(imported), "--json", "--limit", "50"]) == 0
    out = capsys.readouterr()
    got = json.loads(out.out)
    assert got["total"] == alone["total"] > 0 and got["left_out"] == ["，"] and "left out of the search" in out.err
    assert main(["concordance", "发展 ，", "--library", str(imported)]) == 0
    out = capsys.readouterr()
    assert "'，'" in out.err and f"in {alone['total']} article(s)" in out.out
    for query in ("。", '""', "- *"):
        assert main(["search", query, "--library", str(imported)]) == 2
        err = capsys.readouterr().err
        assert "nothing in" in err and "can be searched" in err, err
    assert main(["search", "发展 〓", "--library", str(imported)]) == 0
    assert "〓 marks a character the OCR could not read" in capsys.readouterr().err
