"""One correction overlay: the window (reader.app.archive), ``show`` and ``export`` read the same corrected articles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.app.archive import Archive
from reader.cli.main import main
from reader.corrections import store as C
from reader.library.catalogue import Library
from reader.library.importer import import_paths

DATA = Path(__file__).parents[1] / "data" / "text"


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    lib = Library.open(folder)
    try:
        report = import_paths(lib, [DATA / "rendered_page.txt"], publication="人民日报", date="2021-01-27")
        assert report.imported and not report.failed
    finally:
        lib.close()
    return folder


def split_and_headline(archive: Archive) -> tuple[int, str]:
    """The window's Split article, then Headline from selection on the split-off part (a part of a paragraph)."""
    issue_id = archive.issues()[0].id
    target = next(i for i in archive.articles(issue_id=issue_id) if len(archive.article(i.id).parts) >= 3)
    base = archive.article(target.id)
    archive.corrections.add(C.split_article(base, 2, key=target.id))
    archive.corrections_changed()
    ids = [i.id for i in archive.articles(issue_id=issue_id)]
    new_id = ids[ids.index(target.id) + 1]
    assert new_id.startswith(target.id + "~")
    split_off = archive.article(new_id)
    selected = split_off.parts[0].text[:6]  # a few words of the paragraph, not the whole of it
    archive.corrections.add(C.set_headline(split_off, text=selected, key=new_id))
    archive.corrections_changed()
    assert dict(window_pairs(archive, issue_id))[new_id] == selected  # the window re-lists the page's articles
    return issue_id, new_id


def window_pairs(archive: Archive, issue_id: int) -> list[tuple[str, str]]:
    return [(i.id, " ".join((i.headline or "").split())) for i in archive.articles(issue_id=issue_id)]


def test_window_and_export_agree_on_a_headline_set_on_a_split_off_article(
        library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = Archive.open(library, create=False)
    try:
        issue_id, new_id = split_and_headline(archive)
        shown = window_pairs(archive, issue_id)
    finally:
        archive.close()
    out = tmp_path / "issue.csv"
    assert main(["export", "--issue", str(issue_id), "--format", "csv", "-o", str(out), "--library",
                 str(library)]) == 0
    assert "no longer applies" not in capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    exported = [(r["article"], r["headline"]) for r in rows]
    assert exported == shown
    assert dict(exported)[new_id]


def test_tei_export_heads_the_split_off_article_with_its_new_headline(library: Path, tmp_path: Path) -> None:
    archive = Archive.open(library, create=False)
    try:
        issue_id, new_id = split_and_headline(archive)
        headline = archive.info(new_id).headline
    finally:
        archive.close()
    out = tmp_path / "issue.md"
    assert main(["export", "--issue", str(issue_id), "--format", "md", "-o", str(out), "--library",
                 str(library)]) == 0
    assert f"# {headline}" in out.read_text(encoding="utf-8")


def test_show_reads_the_corrected_article(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = Archive.open(library, create=False)
    try:
        _, new_id = split_and_headline(archive)
        headline = archive.info(new_id).headline
        parts = [p.text for p in archive.article(new_id).parts]
    finally:
        archive.close()
    capsys.readouterr()
    assert main(["show", new_id, "--json", "--library", str(library)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["article"] == new_id and shown["headline"] == headline
    assert [p["text"] for p in sorted(shown["parts"], key=lambda p: p["index"])] == parts


def test_the_concordance_csv_cites_the_article_as_corrected(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A headline the reader corrected is the one the concordance's CSV cites, as `broadsheet cite` does."""
    archive = Archive.open(library, create=False)
    try:
        issue_id = archive.issues()[0].id
        info = archive.articles(issue_id=issue_id)[0]
        art = archive.article(info.id)
        archive.corrections.add(C.set_headline(art, text=art.parts[-1].text[:5], key=info.id))
        archive.corrections_changed()
        word = art.parts[-1].text[:2]
    finally:
        archive.close()
    capsys.readouterr()
    assert main(["concordance", word, "--library", str(library), "--csv"]) == 0
    rows = [r for r in csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))) if r["article"] == info.id]
    assert rows
    assert main(["cite", info.id, "--library", str(library)]) == 0
    cited = " ".join(capsys.readouterr().out.split())
    assert art.parts[-1].text[:5] in cited
    assert all(r["citation"] == cited for r in rows)


def test_an_issue_without_segmentation_corrections_is_read_without_asking_each_article_s_source(
        library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening an article of a new issue asked the catalogue for the source file of every article of the
    issue (one query each, ~1 ms at 10,000 pages) to match corrections against, even with no segmentation
    correction in the library; a split made then applies at once."""
    archive = Archive.open(library, create=False)
    try:
        issue_id = archive.issues()[0].id
        asked: list[str] = []
        real = Library.article_info

        def spy(self: Library, key: str):  # noqa: ANN202
            asked.append(key)
            return real(self, key)

        monkeypatch.setattr(Library, "article_info", spy)
        first = archive.articles(issue_id=issue_id)[0]
        archive.article(first.id)
        assert asked == [first.id], asked  # its own record (its issue), not every article's
        monkeypatch.setattr(Library, "article_info", real)
        split_and_headline(archive)  # the corrections apply as soon as they are made
    finally:
        archive.close()


def test_annotations_list_files_a_note_under_the_article_the_reader_reads_it_in(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After "Split article at this paragraph" the window and export put a note on the split-off words under the
    new article; ``annotations list --article`` listed it under the old one and nothing under the new (by-eye
    tester). The command line now files it as the window does."""
    from reader.annotations import store as A

    archive = Archive.open(library, create=False)
    try:
        issue_id = archive.issues()[0].id
        target = next(i for i in archive.articles(issue_id=issue_id) if len(archive.article(i.id).parts) >= 4)
        base = archive.article(target.id)
        # parts on lines of their own (a dateline, its byline and the first paragraph share the dump's first line)
        at = next(k for k in range(2, len(base.parts) - 1)
                  if not set(base.parts[k].line_ids) & set(base.parts[k + 1].line_ids))
        start = sum(len(p.text) + 2 for p in base.parts[:at])
        stays = archive.annotations.add(A.highlight(base, start, start + 2, note="stays"))
        after = start + len(base.parts[at].text) + 2
        moved = archive.annotations.add(A.highlight(base, after, after + 4, note="moves"))
        archive.corrections.add(C.split_article(base, at + 1, key=target.id))
        archive.corrections_changed()
        ids = [i.id for i in archive.articles(issue_id=issue_id)]
        piece = ids[ids.index(target.id) + 1]
        assert [a.id for a in archive.article_annotations(piece)] == [moved.id]
    finally:
        archive.close()
    capsys.readouterr()
    for key, want, gone in ((piece, moved, stays), (target.id, stays, moved)):
        assert main(["annotations", "list", "--article", key, "--library", str(library)]) == 0
        out = capsys.readouterr().out
        assert want.id in out and gone.id not in out, (key, out)
        assert main(["annotations", "list", "--article", key, "--json", "--library", str(library)]) == 0
        assert [a["id"] for a in json.loads(capsys.readouterr().out)] == [want.id]
    assert main(["annotations", "list", "--library", str(library)]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith(moved.id))
    assert f"  {piece}  " in line  # the whole list names the article it is read in too
