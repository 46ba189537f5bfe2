"""A note re-attached after its words changed in the source (re-imported) is exported saying the words it was
written on, as ``annotations list`` says it ("made on …"): a researcher reading the export sees that the words it is
on now are not the ones it was written on. Seen by a tester: the TEI, text and Markdown exports wrote the note on
the new words alone. (The CSV export is a list of search hits: it carries no notes.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lxml import etree

from tests.app.test_work_follows_source import LAO_DING, Cli, cli, src  # noqa: F401  (fixtures)

pytest_plugins = ["tei_validation"]

TEI = "{http://www.tei-c.org/ns/1.0}"
NOW = LAO_DING.replace("丁冬", "丁东")


def _changed_under(cli: Cli, src: Path, note: str = "N1", highlight_only: bool = False) -> str:  # noqa: F811
    """A note on LAO_DING, its words changed in the source and the file imported again; the article."""
    a = cli.article_of(LAO_DING)
    cli("annotations", "add", a, "--quote", LAO_DING, *(() if highlight_only else ("--note", note)))
    page = src / "seed_page.txt"
    page.write_text(page.read_text(encoding="utf-8").replace(LAO_DING, NOW), encoding="utf-8")
    cli("import", str(src), "--quiet")
    [listed] = json.loads(cli("annotations", "list", "--json"))
    assert listed["made_on"] == LAO_DING and listed["quote"] == NOW, listed
    assert f"(made on “{LAO_DING}”)" in cli("annotations", "list")
    return cli.article_of(NOW)


def _export(cli: Cli, tmp_path: Path, article: str, fmt: str) -> str:  # noqa: F811
    out = tmp_path / f"a.{fmt}"
    cli("export", article, "--format", fmt, "--output", str(out))
    return out.read_text(encoding="utf-8")


def test_the_text_and_markdown_exports_say_the_words_a_note_was_written_on(
        cli: Cli, src: Path, tmp_path: Path) -> None:  # noqa: F811
    article = _changed_under(cli, src)
    text = _export(cli, tmp_path, article, "text")
    [line] = [ln for ln in text.splitlines() if ln.startswith("Note ")]
    assert line == f"Note on “{NOW}” (written on “{LAO_DING}”): N1", line
    md = _export(cli, tmp_path, article, "md")
    [item] = [ln for ln in md.splitlines() if ln.startswith("- ") and "N1" in ln]
    assert f"(written on “{LAO_DING}”)" in item and NOW in item, item


def test_the_tei_export_says_the_words_a_note_was_written_on(cli: Cli, src: Path, tmp_path: Path,  # noqa: F811
                                                             tei_validator: Any) -> None:
    article = _changed_under(cli, src)
    root = tei_validator(_export(cli, tmp_path, article, "tei").encode("utf-8"))
    [ann] = root.iter(f"{TEI}annotation")
    [made] = ann.findall(f"{TEI}note[@type='madeOn']")
    assert [q.text for q in made.iter(f"{TEI}quote")] == [LAO_DING, NOW], etree.tostring(made, encoding="unicode")
    assert [n.text for n in ann.findall(f"{TEI}note") if n.get("type") is None] == ["N1"]


def test_a_highlight_without_a_note_says_it_too(cli: Cli, src: Path, tmp_path: Path,  # noqa: F811
                                                tei_validator: Any) -> None:
    """A highlight with no note is written inline (a seg); re-attached on other words, it is said in standOff."""
    article = _changed_under(cli, src, highlight_only=True)
    root = tei_validator(_export(cli, tmp_path, article, "tei").encode("utf-8"))
    [seg] = [s for s in root.iter(f"{TEI}seg") if s.get("type") == "highlight"]
    [ann] = root.iter(f"{TEI}annotation")
    assert ann.get("target") == f"#{seg.get('{http://www.w3.org/XML/1998/namespace}id')}"
    [made] = ann.findall(f"{TEI}note[@type='madeOn']")
    assert [q.text for q in made.iter(f"{TEI}quote")] == [LAO_DING, NOW]
    text = _export(cli, tmp_path, article, "text")
    assert f"Note on “{NOW}” (written on “{LAO_DING}”)" in text, text
