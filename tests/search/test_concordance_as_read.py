"""A concordance line's context is the words read around the match, not the words stored around it.

A PDF text dump of People's Daily stores an article's headline group after its body (the segmenter never moves a
part), and the reader reads it first: the concordance gave the kicker 注重平时… the last paragraph's
"…精力补短板、破难题。" as its left context — read after the column label "做好政绩考核 推动高质量发展" — and the first
section heading 浙江绘出干部政绩画像 no left context at all, read after the editor's note. A merge puts the parts it
brings after the article's own, so its words met the wrong neighbours too.

Checked against brute force: every occurrence's context computed from the article's text joined in reading order
(:func:`reader.model.document.reading_order`), as ``broadsheet show`` prints it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app.archive import Archive
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from reader.model.document import Article, reading_order
from reader.search.concordance import concordance, context
from reader.search.engine import Searcher
from tests.clirun import id_of, run_in

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    src = tmp_path_factory.mktemp("src")
    shutil.copy(DATA / "text" / "seed_page.txt", src / "seed_page.txt")
    lib = Library(tmp_path_factory.mktemp("lib") / "lib")
    import_paths(lib, [src])
    yield lib
    lib.close()


def read_context(article: Article, start: int, end: int, n: int) -> tuple[str, str]:
    """Brute force: the context of ``article.text[start:end]`` in the article's parts joined in reading order."""
    stored_at, pos = [], 0
    for part in article.parts:
        stored_at.append(pos)
        pos += len(part.text) + 2
    i = max(k for k, at in enumerate(stored_at) if at <= start)
    if end > stored_at[i] + len(article.parts[i].text):
        return context(article.text, start, end, n)  # over two parts: read as stored
    order = reading_order(article)
    read = "\n\n".join(article.parts[k].text for k in order)
    at = sum(len(article.parts[k].text) + 2 for k in order[:order.index(i)]) + start - stored_at[i]
    return context(read, at, at + end - start, n)


def test_the_kicker_and_the_first_heading_have_the_words_read_before_them(library: Library) -> None:
    with Searcher(library) as searcher:
        [kicker] = concordance(searcher, "注重平时").lines
        [heading] = concordance(searcher, "浙江绘出干部政绩画像").lines
        [label] = concordance(searcher, "干部状态").lines
    assert kicker.left.endswith("推动高质量发展"), kicker.left  # the column label, read just before it
    assert heading.left.endswith("推动发展。"), heading.left  # the editor's note's last words
    assert label.left == "■", label.left  # the first part read: nothing before it but its own mark


@pytest.mark.parametrize("n", [3, 30])
def test_every_occurrence_has_the_context_read_around_it(library: Library, n: int) -> None:
    """Every occurrence of every character pair in the People's Daily page (a match at every part's edge)."""
    articles = {a.id: library.article(a.id) for a in library.articles()}
    assert any(reading_order(a) != sorted(reading_order(a)) for a in articles.values())
    pairs = sorted({a.text[i:i + 2] for a in articles.values() for i in range(0, len(a.text) - 1, 9)
                    if a.text[i:i + 2].strip() == a.text[i:i + 2] and "\n" not in a.text[i:i + 2]
                    and all("\u4e00" <= c <= "\u9fff" for c in a.text[i:i + 2])})
    assert len(pairs) > 150
    checked = 0
    with Searcher(library) as searcher:
        for pair in pairs:
            for line in concordance(searcher, pair, n=n).lines:
                want = read_context(articles[line.article], line.start, line.end, n)
                assert (line.left, line.right) == want, (pair, line.start)
                checked += 1
    assert checked > 500


def test_a_merged_article_reads_the_parts_it_brought_in_their_place(
        library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Corrected readings (a split piece merged back: its parts stored after the article's own) are read as the reader
    reads them too."""
    work = tmp_path / "lib"
    shutil.copytree(library.folder, work)
    report = id_of(capsys, work, "干得好就能看得见")
    run_in(capsys, work, "correct", "split", report, "3")
    run_in(capsys, work, "correct", "merge", report, f"{report}~p1.l19")
    out = json.loads(run_in(capsys, work, "concordance", "马骏说", "--json", "--context", "30"))
    [line] = out["lines"]
    archive = Archive.open(work, create=False)
    try:
        shown = archive.article(report)
    finally:
        archive.close()
    assert line["article"] == report and shown.text.count("马骏说") == 1
    at = shown.text.index("马骏说")
    assert (line["left"], line["right"]) == read_context(shown, at, at + 3, 30)
    # the paragraph read before the one brought back, not the column label stored before it
    assert line["left"].endswith("仔细琢磨。 “对工作做阶段性梳理是件好事。”"), line["left"]
