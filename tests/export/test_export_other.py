"""Plain text, Markdown, CSV of hits, CSL-JSON and BibTeX exports, and writing without overwriting."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from reader.annotations import store as A
from reader.corrections import store as C
from reader.export.cite import author_of, bib_escape, citation_key
from reader.export.exporter import ExportError, Item, export, items_from_document, kwic, write_new
from reader.export.text import corrections_said, md_escape
from reader.model.document import Article, Document, Page, Part, Span
from reader.segmentation.analyze import analyze_file

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def doc() -> Document:
    d = analyze_file(DATA / "text/seed_page.txt")
    d.metadata.update(publication="人民日报", date="2021-01-27", edition="A", issue="25000")
    return d


def test_text_and_markdown(doc: Document) -> None:
    items = items_from_document(doc)[1:3]
    art = items[0].article
    fix = C.correct_text(art, 2, 4, "ZZ")
    note = A.highlight(art, 5, 12, note="look *here*", tags=["交通"])
    items = [replace(i, fixes=C.text_fixes(i.article, [fix])) for i in items]
    plain = export(items, "text", [note]).decode("utf-8")
    assert plain.startswith("人民日报, 2021-01-27, A, p. 1")
    assert art.parts[-1].text in plain and "ZZ" in plain  # corrected reading
    assert f"Note on “{art.text[5:12].strip()}” [交通]: look *here*" in plain  # no space kept at its ends
    md = export(items, "md", [note]).decode("utf-8")
    assert md.count("\n---\n") == 1
    assert f"# {md_escape(items[1].article.headline or '(no headline)')}" in md
    assert "look \\*here\\*" in md and "`交通`" in md
    assert md_escape("# not a heading") == "\\# not a heading" and md_escape("a_b") == "a\\_b"


def test_a_note_over_a_corrected_word_quotes_the_corrected_reading(doc: Document) -> None:
    """Seen by eye: a highlight made over corrected text ("运用多重方法XY考准") was quoted in the text and Markdown
    exports as the OCR read it ("运用多种方式考准"), beside a body that says 多重方法XY."""
    item = items_from_document(doc)[1]
    art = item.article
    fix = C.correct_text(art, 6, 8, "ZZZ")
    note = A.highlight(art, 4, 10, note="over the fix")
    item = replace(item, fixes=C.text_fixes(art, [fix]))
    shown = item.corrected().text
    quote = shown[4:11]
    assert "ZZZ" in quote and quote != art.text[4:10]
    assert f"Note on “{quote}”: over the fix" in export([item], "text", [note]).decode("utf-8")
    assert f"“{md_escape(quote)}”" in export([item], "md", [note]).decode("utf-8")


def test_csv_of_hits(doc: Document) -> None:
    a = doc.articles[1]
    at = a.text.index("无线电")
    hits = [Item(a, doc, matches=[(at, at + 3), (10**6, 10**6 + 1)]), Item(doc.articles[2], doc, snippet="一段\n摘要")]
    data = export(hits, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM for spreadsheets
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == ["publication", "date", "page", "headline", "kwic", "article", "reading"]
    assert len(rows) == 2
    assert rows[0]["publication"] == "人民日报" and rows[0]["date"] == "2021-01-27" and rows[0]["page"] == "1"
    assert "[无线电]" in rows[0]["kwic"] and rows[0]["article"] == a.id
    assert rows[1]["kwic"] == "一段 摘要"
    assert kwic("abcdefghij", 4, 6, 2) == "…cd[ef]gh…"


def test_csl_json(doc: Document) -> None:
    items = [i for i in items_from_document(doc) if i.article.headline][:2]
    data = json.loads(export(items, "csl"))
    first = data[0]
    assert first["type"] == "article-newspaper" and first["container-title"] == "人民日报"
    assert first["issued"] == {"date-parts": [[2021, 1, 27]]}
    assert first["page"] == "1" and first["language"] == "zh-Hans"
    assert first["title"] == " ".join(str(items[0].article.headline).split())
    assert len({d["id"] for d in data}) == 2


def test_bibtex(doc: Document) -> None:
    items = items_from_document(doc)[1:3]
    bib = export(items + items[:1], "bibtex").decode("utf-8")
    assert bib.count("@article{") == 3
    key = citation_key(items[0])
    assert f"@article{{{key}," in bib and f"@article{{{key}-2," in bib
    assert "journal = {人民日报}" in bib and "year = {2021}" in bib and "month = {1}" in bib
    assert bib_escape("50% & {x}_#") == r"50\% \& \{x\}\_\#"
    assert key.isascii() and " " not in key


def test_author_from_byline() -> None:
    def item(byline: str) -> Item:
        art = Article("x", parts=[Part("byline", byline, [Span(0, len(byline), "l", 0)])])
        return Item(art, Document("s.txt", "text", [Page(1)]))

    assert author_of(item("（记者张璁）")) == "张璁"
    assert author_of(item("記者林育德／報導")) == "林育德"
    assert author_of(item("By JOHN SMITH")) == "John Smith"  # capitals are the typesetter's
    assert author_of(item("本报记者 窦瀚洋 毕京津 常碧罗")) == "窦瀚洋, 毕京津, 常碧罗"
    assert author_of(item("本报讯")) is None


def test_write_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    write_new(target, b"one")
    with pytest.raises(ExportError) as e:
        write_new(target, b"two")
    assert str(target) in str(e.value) and "--force" in str(e.value)
    assert target.read_bytes() == b"one"
    write_new(target, b"three", force=True)
    assert target.read_bytes() == b"three"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]  # no temporary file left behind


def test_unknown_format_and_empty_scope(doc: Document) -> None:
    with pytest.raises(ExportError):
        export(items_from_document(doc), "docx")
    with pytest.raises(ExportError):
        export([], "text")
    with pytest.raises(ExportError):
        items_from_document(doc, ["no-such-article"])


def test_library_scope_reports_progress_and_can_be_cancelled(tmp_path: Path, doc: Document) -> None:
    import threading

    from reader.app.overlay import Overlay
    from reader.export.exporter import ExportCancelled
    from reader.library.catalogue import Library, StoreMeta

    lib = Library(tmp_path / "lib")
    try:
        ids = lib.store_document(doc, StoreMeta("人民日报", "2021-01-27"), path=str(DATA / "text/seed_page.txt"),
                                 sha256="ab" * 32).article_ids
        seen: list[tuple[int, int]] = []
        scope = Overlay(lib).export_scope(ids[:3], progress=lambda d, t: seen.append((d, t)))
        assert [i.key for i in scope.items] == ids[:3]
        assert scope.items[0].sha256 == "ab" * 32 and scope.items[0].metadata["publication"] == "人民日报"
        assert seen[0] == (0, 3) and seen[-1] == (3, 3)
        stop = threading.Event()
        stop.set()
        with pytest.raises(ExportCancelled):
            Overlay(lib).export_scope(ids, cancel=stop)
    finally:
        lib.close()


def test_the_keyword_in_context_keeps_the_spaces_around_the_keyword() -> None:
    """Seen by eye in a CSV export: "…membres du[Gouvernement]assistent…" — words the page does not print, the
    spaces either side of the keyword taken away; a line break inside the context is one space."""
    text = "Les membres du Gouvernement\nassistent à la séance, sous le précédent gouvernement, et"
    start = text.index("Gouvernement")
    assert kwic(text, start, start + len("Gouvernement"), width=15) == \
        "Les membres du [Gouvernement] assistent à la…"
    cjk = "发展经济，建设国家"
    assert kwic(cjk, 2, 4, width=2) == "发展[经济]，建…"


def test_a_corrected_word_is_listed_under_its_article_in_text_and_markdown(doc: Document) -> None:
    """Seen by the by-eye tester: a text export with the reader's work had the corrected word as if printed, nothing
    saying the page reads otherwise (TEI keeps the OCR's reading in sic). Each correction is listed under its
    article with what the OCR read."""
    item = items_from_document(doc)[1]
    art = item.article
    fix = C.correct_text(art, 6, 8, "ZZZ")
    item = replace(item, fixes=C.text_fixes(art, [fix]))
    was = art.text[6:8]
    plain = export([item], "text").decode("utf-8")
    assert f"Corrected: “ZZZ” (the OCR text reads “{was}”)" in plain
    md = export([item], "md").decode("utf-8")
    assert "**Corrections**" in md and f"“ZZZ” (the OCR text reads “{md_escape(was)}”)" in md
    bare = export([items_from_document(doc)[1]], "text").decode("utf-8")
    assert "Corrected:" not in bare


def test_a_word_corrected_over_its_line_break_is_listed_once(doc: Document) -> None:
    """A word the reflow joined from two lines, corrected at once, is one correction a line: the list said
    “EMBEZ…” (the OCR text reads “emb…”) and then “” (the OCR text reads “…”) — one correction to the reader,
    listed once with the OCR's whole reading, as the reading view marks it."""
    art = Article("p", parts=[Part("paragraph", "The clerk embezzied it", [Span(0, 15, "l1", 0),
                                                                             Span(15, 22, "l2", 0)])], pages=[1])
    start = art.text.index("embezzied")
    fixes = C.correct_text_lines(art, start, start + 9, "EMBEZZLED")
    item = replace(items_from_document(doc)[1], article=art, fixes=C.text_fixes(art, fixes))
    assert corrections_said(item) == ["“EMBEZZLED” (the OCR text reads “embezzied”)"]
