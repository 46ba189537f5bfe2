"""What the lists show of an article — its headline, first words, a search snippet, a quote — is in the script the
reading view shows the article in (reader.app.archive.Archive.shown, reader.app.reading.shown_in).

Seen by eye (trust33): with the view's script set to 臺灣, the reading view read 幹得好就能看得見 while the article
list, the search results and the notes panel read 干得好就能看得见 — the source's simplified script. Each piece is
shown by the configuration the article itself is shown by: judged on the article's text, not on the piece (a Jing
bao headline of characters common to both scripts is still a traditional text, and s2t would turn its 云 into 雲).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app.archive import Archive, article_converter
from reader.app.reading import shown_in
from reader.library.importer import import_paths
from reader.text import forms as textforms

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    arch = Archive.open(tmp_path_factory.mktemp("shown-script") / "lib")
    import_paths(arch.library, [DATA / "text" / "seed_page.txt",
                                DATA / "samples/chinese/ecpo_jingbao/textGT/jb_3795_1939-04-21_0002+0003.xml"])
    yield arch
    arch.close()


def _articles(archive: Archive) -> tuple[str, str]:
    """A simplified article with a headline, and a traditional one holding 云."""
    simplified = traditional = None
    for issue in archive.issues():
        for info in archive.articles(issue_id=issue.id):
            text = archive.article(info.id).text
            if simplified is None and info.headline and not textforms.is_traditional(text):
                simplified = info.id
            if traditional is None and "云" in text and textforms.is_traditional(text):
                traditional = info.id
    assert simplified is not None and traditional is not None
    return simplified, traditional


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk", "t2s", "", "none"])
def test_a_piece_of_an_article_is_shown_as_the_reading_view_shows_the_article(archive: Archive, config: str) -> None:
    for article_id in _articles(archive):
        art = archive.article(article_id)
        view = article_converter(config, art.text)
        for piece in (art.headline or "", art.text[:40], art.text[-25:]):
            assert archive.shown(article_id, piece, config) == view(piece)[0]


def test_the_simplified_headline_reads_in_taiwan_forms_under_taiwan(archive: Archive) -> None:
    simplified, _ = _articles(archive)
    headline = archive.info(simplified).headline or ""
    shown = archive.shown(simplified, headline, "s2tw")
    assert shown != headline and shown == textforms.display(headline, "s2tw")[0]


def test_a_piece_of_a_traditional_article_is_not_run_through_s2t_however_short(archive: Archive) -> None:
    """云 alone does not look traditional, and s2t makes it 雲; in the Jing bao it is what the page prints."""
    _, traditional = _articles(archive)
    assert textforms.display("云", "s2t")[0] == "雲"
    assert archive.shown(traditional, "云", "s2t") == "云"
    assert archive.shown(traditional, "云", "s2tw") == "云"


def test_marks_in_a_piece_stay_on_their_characters() -> None:
    text = "推动高质量发展。"
    shown, marks = shown_in("s2tw", text, [(5, 7)])
    assert shown == "推動高質量發展。" and shown[5:7] == "發展" and marks == [(5, 7)]
    assert shown_in("", text, [(5, 7)]) == (text, [(5, 7)])
    # a phrase configuration that changes the length: the marks follow the characters
    text = "鼠标和打印机发展"
    shown, marks = shown_in("s2twp", text, [(6, 8)])
    assert shown.endswith("發展") and shown[marks[0][0]:marks[0][1]] == "發展"
