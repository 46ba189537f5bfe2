"""The app layer maps a line to an article, page or source within the line's own file where an issue's files number
their lines alike.

Two plain-text files sharing a folder without dates (seed_page.txt and rendered_page.txt) are one issue, each its
page 1, both with lines ``p1.l1`` … The by-eye tester split the 干得好就能看得见 report of seed_page.txt at its third
part (the piece ``KEY~p1.l19``) and merged it back: the window's Back (:meth:`Archive.merged_at`, which
``open_article`` follows) opened 乡村书屋成了“充电站”, an article of rendered_page.txt holding its own ``p1.l19``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app.archive import Archive
from reader.corrections.store import CorrectionStore, merge_articles, split_article
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.model.document import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "text"
REPORT = "干得好就能看得见"


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    clips = tmp_path / "s" / "clips"
    clips.mkdir(parents=True)
    for name in ("seed_page.txt", "rendered_page.txt"):
        shutil.copy(DATA / name, clips / name)
    lib = Library.open(tmp_path / "lib")
    import_paths(lib, [tmp_path / "s"])
    archive = Archive(lib)
    try:
        yield archive
    finally:
        archive.close()


def report_of(archive: Archive) -> str:
    [key] = [i.id for i in archive.library.articles() if (i.headline or "").startswith(REPORT)]
    return key


def split_piece(archive: Archive) -> tuple[str, str]:
    """(the report's key, the piece split off it at its third part: ``KEY~p1.l19``, a line id both files have)."""
    report = report_of(archive)
    store = CorrectionStore.of(archive.library)
    store.add(split_article(archive.article(report), 3, key=report))
    archive.corrections_changed()
    piece = f"{report}~p1.l19"
    assert archive.article(piece).text.startswith("“对工作做阶段性梳理是件好事。”马骏说")
    others = [i.id for i in archive.library.articles() if not i.source.endswith("seed_page.txt")
              and "p1.l19" in archive.article(i.id).line_ids()]
    assert others  # the other file's article of the same line id: what was taken for the piece's
    return report, piece


def test_a_piece_merged_back_is_followed_into_the_article_of_its_own_file(archive: Archive) -> None:
    report, piece = split_piece(archive)
    CorrectionStore.of(archive.library).add(merge_articles(archive.article(report), archive.article(piece),
                                                           key=report))
    archive.corrections_changed()
    assert archive.merged_at(piece) == (report, "p1.l19")  # where the window's Back and a collection entry open it
    assert archive.merged_into(piece) == report
    assert archive.merged_name(piece).startswith("[“对工作做阶段性梳理是件好事。”马骏说")
    assert archive.holding(piece, "p1.l19") == (report, False)


def test_a_split_off_piece_is_held_by_itself_not_by_the_other_files_article(archive: Archive) -> None:
    report, piece = split_piece(archive)
    assert archive.holding(piece, "p1.l19") == (piece, True)
    assert archive.holding(report, "p1.l19") == (piece, True)


def starts(article: Article) -> list[int]:
    """Where each part starts in the article's text."""
    out, pos = [], 0
    for part in article.parts:
        out.append(pos)
        pos += len(part.text) + 2
    return out


def holder_of(archive: Archive, line: str, source_end: str) -> str:
    """The catalogue article of the file ``source_end`` holding ``line``."""
    [key] = [i.id for i in archive.library.articles() if i.source.endswith(source_end)
             and line in archive.library.article(i.id).line_ids()]
    return key


def test_notes_on_the_same_line_id_of_each_file_are_shown_on_their_own_articles(archive: Archive) -> None:
    from reader.annotations import store as A

    notes = {}
    for name in ("seed_page.txt", "rendered_page.txt"):
        key = holder_of(archive, "p1.l19", name)
        art = archive.article(key)
        at = next(start + s for start, part in zip(starts(art), art.parts, strict=True)
                  for s, _, _ in part.offsets_in_line("p1.l19"))
        notes[name] = (key, archive.annotations.add(A.highlight(art, at, at + 4, note=name)))
    _, piece = split_piece(archive)  # a correction in the issue: the notes are placed by their lines
    seed_note = notes["seed_page.txt"][1]
    assert archive.reader_key(seed_note) == piece
    assert [a.id for a in archive.article_annotations(piece)] == [seed_note.id]
    other, other_note = notes["rendered_page.txt"]
    assert archive.reader_key(other_note) == other
    assert [a.id for a in archive.article_annotations(other)] == [other_note.id]
    assert set(archive.placed_annotations(other)) == {other_note.id}


def test_a_highlight_on_words_merged_in_is_homed_on_their_article_of_the_same_file(archive: Archive) -> None:
    """A highlight made on the reader's merged article over words another article of its file brought in is stored on
    that article (:func:`homed`, what the window's and the command line's Highlight store)."""
    from reader.annotations import store as A
    from reader.app.placing import homed

    # the report (lines p1.l2 … p1.l272 of seed_page.txt, which rendered_page.txt numbers alike) merged into the
    # article under it: a highlight on its line p1.l19 there is stored on the report
    other, line = report_of(archive), "p1.l19"
    [report] = [i.id for i in archive.library.articles() if i.source.endswith("seed_page.txt")
                and "p1.l274" in archive.library.article(i.id).line_ids()]
    assert holder_of(archive, line, "rendered_page.txt")
    CorrectionStore.of(archive.library).add(merge_articles(archive.article(report), archive.article(other),
                                                           key=report))
    archive.corrections_changed()
    merged = archive.article(report)
    at = next(start + s for start, part in zip(starts(merged), merged.parts, strict=True)
              for s, _, _ in part.offsets_in_line(line))
    ann = homed(archive.library, A.highlight(merged, at, at + 4, note="merged in"))
    assert ann.article == other
    assert archive.library.article(other).text[ann.anchor.start:ann.anchor.end] == merged.text[at:at + 4]


def test_the_page_of_a_pieces_line_is_the_page_of_its_own_file(archive: Archive) -> None:
    """Where the window turns to for a line of a piece (a search hit on it, a line selected): its own file's page."""
    _, piece = split_piece(archive)
    [seed_page] = [p.id for p in archive.library.pages(archive.info(piece).issue_id)
                   if p.source.endswith("seed_page.txt")]
    assert archive.page_ids(piece) == [seed_page]
    for line in ("p1.l19", archive.article(piece).line_ids()[-1]):
        assert archive.page_of_line(piece, line) == seed_page


def test_a_correction_of_an_article_re_cut_away_follows_its_line_in_its_own_file(archive: Archive) -> None:
    """A correction naming an article the import re-cut away is moved onto the article now holding its first line
    (:func:`reader.app.work._to_line_holders`): the one of its own file, not the other's of that line id."""
    from reader.app.work import _to_line_holders
    from reader.corrections.store import Correction

    infos = archive.library.articles()
    sources = {i.id: i.source for i in infos}
    articles = [archive.library.article(i.id) for i in infos]
    seed, rendered = (holder_of(archive, "p1.l19", name) for name in ("seed_page.txt", "rendered_page.txt"))
    for name, key in (("seed_page.txt", seed), ("rendered_page.txt", rendered)):
        made = Correction("text", "a0000000000gone", {"line": "p1.l19", "start": 0, "end": 1, "original": "x",
                                                      "corrected": "y", "anchors": {"source": sources[key]}})
        assert sources[key].endswith(name)
        for order in (articles, articles[::-1]):
            [moved] = _to_line_holders(order, [made], sources)
            assert moved.article == key
    unknown = Correction("text", "a0000000000gone", {"line": "p1.l19", "start": 0, "end": 1, "original": "x",
                                                    "corrected": "y"})
    assert _to_line_holders(articles, [unknown], sources) == []  # which file's p1.l19 it was is not known
    only = next(ln for ln in archive.library.article(seed).line_ids() if ln not in archive.article(rendered).line_ids()
                and all(ln not in a.line_ids() for a in articles if not sources[a.id].endswith("seed_page.txt")))
    [moved] = _to_line_holders(articles, [Correction("text", "a0000000000gone", {
        "line": only, "start": 0, "end": 1, "original": "x", "corrected": "y"})], sources)
    assert moved.article == seed
