"""A note quoted on a word the reader corrected is made (seen from outside: `annotations add KEY --quote WORD` with
the corrected WORD answered "does not contain", while the window highlights the same word). Its anchor stays on the
OCR's reading, as a highlight made in the window does, and the reader is told so."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.app.test_work_follows_source import DATA, LAO_DING, RIGHT, WRONG, Cli


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(DATA / "text" / "seed_page.txt", src / "seed_page.txt")
    run = Cli(capsys, tmp_path / "lib")
    run("import", str(src), "--quiet")
    return run


def test_a_note_quoted_on_a_corrected_word_is_made_on_the_ocrs_reading(cli: Cli) -> None:
    article = cli.article_of(LAO_DING)
    cli.correct_word(article, WRONG, RIGHT)
    aid = cli("annotations", "add", article, "--quote", RIGHT, "--note", "the name checked").strip()
    assert WRONG in cli.err and RIGHT in cli.err  # told: made on the OCR's reading of the word it corrected
    listed = json.loads(cli("annotations", "list", "--json"))
    made = next(a for a in listed if a["id"] == aid)
    # anchored on the OCR's reading; quoted as the reader reads it, as the window lists it
    assert made["ocr_quote"] == WRONG and made["quote"] == RIGHT and made["status"] == "attached"
    # a word in neither reading is still refused, in one sentence naming the article and the words
    with pytest.raises(AssertionError):
        cli("annotations", "add", article, "--quote", "不在此文", "--note", "x")
    assert "does not contain" in cli.err and "不在此文" in cli.err


def test_a_note_on_words_corrected_since_is_listed_as_they_read_now(cli: Cli) -> None:
    """Seen by the by-eye tester: `annotations list` quoted a note on corrected words with the OCR's words, where the
    window's lists quote them as the reader reads them (``Archive.quotes_as_read``)."""
    article = cli.article_of(LAO_DING)
    aid = cli("annotations", "add", article, "--quote", WRONG, "--note", "a name").strip()
    cli.correct_word(article, WRONG, RIGHT)
    line = next(ln for ln in cli("annotations", "list").splitlines() if ln.startswith(aid))
    assert f"“{RIGHT}”" in line and f"the OCR reads “{WRONG}”" in line
    [made] = [a for a in json.loads(cli("annotations", "list", "--json")) if a["id"] == aid]
    assert (made["quote"], made["ocr_quote"]) == (RIGHT, WRONG)
    # found by either reading, as the window's filter finds it
    for words in (RIGHT, WRONG):
        assert aid in cli("annotations", "list", "--text", words)
    # a note on words not corrected: its quote, and no word of the OCR's
    other = cli("annotations", "add", article, "--quote", LAO_DING, "--note", "plain").strip()
    line = next(ln for ln in cli("annotations", "list").splitlines() if ln.startswith(other))
    assert f"“{LAO_DING}”" in line and "OCR" not in line
    [plain] = [a for a in json.loads(cli("annotations", "list", "--json")) if a["id"] == other]
    assert plain["quote"] == plain["ocr_quote"] == LAO_DING
