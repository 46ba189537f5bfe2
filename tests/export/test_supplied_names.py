"""An article printed with no headline is named by its first words in square brackets — cut at a word's end, and the
same in every export.

Seen by eye (trust41, 1440×900 under openbox): the piece split off Kant's article was named "[aber wird nichts
erf…]", cut inside a word (a reader cannot tell "erf" from a word of the page); and the CSV export of that piece left
its headline column empty where the text, TEI and citation exports named it "[aber wird nichts erf…]".
"""

from __future__ import annotations

import csv
import io

import pytest

from reader.export.exporter import Item, export
from reader.model.document import Article, Document, Page, Part, cut_at_word, first_words, supplied_title

KANT = "aber wird nichts erfordert als Freiheit; und zwar die unschädlichste unter allem"


def _headless(text: str) -> Article:
    return Article(id="a1", parts=[Part(role="paragraph", text=text)])


def test_latin_first_words_are_cut_at_a_words_end() -> None:
    assert supplied_title(_headless(KANT)) == "[aber wird nichts…]"
    assert first_words(_headless(KANT)) == "aber wird nichts…"


@pytest.mark.parametrize(("text", "n", "cut"), [
    ("aber wird nichts erfordert", 20, "aber wird nichts…"),  # inside a word: back to its start
    ("aber wird nichts erfordert", 16, "aber wird nichts…"),  # at the word's end: kept
    ("gewiegelt worden; ſo ſchrieb", 16, "gewiegelt worden…"),  # before a stop: the word is whole
    ("Unabhängigkeitserklärung der Staaten", 10, "Unabhängig…"),  # one word longer than the room: cut in it
    ("老丁名叫丁冬，原是河南省开封市政府办公室的二级调研员。", 20, "老丁名叫丁冬，原是河南省开封市政府办公室…"),
    ("河南省ABCDEFGHIJ", 8, "河南省…"),  # a Latin word after Chinese characters: cut before it
    ("short", 20, "short"),
])
def test_cut_at_word(text: str, n: int, cut: str) -> None:
    assert cut_at_word(text, n) == cut


def test_cjk_first_words_are_cut_at_any_character() -> None:
    text = "老丁名叫丁冬，原是河南省开封市政府办公室的二级调研员。"
    assert supplied_title(_headless(text)) == f"[{text[:20]}…]"


def test_csv_names_a_headless_article_as_the_other_exports_do() -> None:
    art = _headless(KANT)
    doc = Document(source="kant.txt", format="text", pages=[Page(number=1)], articles=[art],
                   metadata={"publication": "Berlinische Monatsschrift", "date": "1784-12-01"})
    item = Item(article=art, document=doc, key="a1", snippet="Freiheit")
    [row] = list(csv.DictReader(io.StringIO(export([item], "csv").decode("utf-8-sig"))))
    assert row["headline"] == supplied_title(art) == "[aber wird nichts…]"
    assert "[aber wird nichts…]" in export([item], "text").decode("utf-8")
