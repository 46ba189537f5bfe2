"""A whole article merged into another by the reader's correction is no article of its own any more, wherever it is
named: a collection, the window, ``broadsheet show``.

Seen by eye (eye47, 1440×900 under openbox): 美艦調太平洋 was in a collection; "Merge with next article" on
遠東和平… merged it in. The collection still listed it as an article of its own; double-clicked, it opened alone with
its old text and an empty Annotations panel; an article note written there was stored on 遠東和平… (the article its
words are in) while the panel showed nothing — a note saved on an article other than the one on screen. A piece
split off and then merged away was already followed (tests/gui/test_collection_entries_open.py); an article of
the catalogue was not.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.annotations.store import AnnotationStore
from reader.app.overlay import Overlay
from reader.library.catalogue import Library
from reader.model.document import reading_order, supplied_title
from tests.clirun import run_in

DATA = Path(__file__).resolve().parents[1] / "data"
AWAY = "中美关系"  # the report merged away
INTO = "李伟涉嫌受贿"  # the article it is merged into


def _hit(capsys: pytest.CaptureFixture[str], library: Path, query: str) -> str:
    return str(json.loads(run_in(capsys, library, "search", "--json", query))["hits"][0]["article"])


@pytest.fixture
def merged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, str]:
    """(a library, an article of the catalogue in collection C and merged into another, that other)."""
    src, library = tmp_path / "src", tmp_path / "lib"
    src.mkdir()
    shutil.copy(DATA / "text" / "seed_page.txt", src / "seed_page.txt")
    run_in(capsys, library, "import", str(src), "--quiet")
    away, into = _hit(capsys, library, AWAY), _hit(capsys, library, INTO)
    assert "~" not in away and away != into
    run_in(capsys, library, "collection", "create", "C")
    run_in(capsys, library, "collection", "add", "C", away)
    run_in(capsys, library, "correct", "merge", into, away)
    return library, away, into


def _first_words(library: Path, key: str) -> str:
    with Library(library) as lib:
        article = lib.article(key)
        return article.parts[reading_order(article)[0]].text[:6]


def test_the_overlay_says_where_a_merged_article_is_read_now(merged: tuple[Path, str, str]) -> None:
    library, away, into = merged
    with Library(library) as lib:
        overlay = Overlay(lib)
        article = lib.article(away)
        first = article.parts[reading_order(article)[0]].line_ids[0]
        assert overlay.merged_into(away) == into
        assert overlay.merged_at(away) == (into, first)
        assert overlay.merged_name(away) == supplied_title(article)  # as it was listed, not by its dateline
        assert "中美关系" in overlay.merged_name(away)
        assert overlay.merged_into(into) is None  # the article it went into is its own


def test_a_merged_article_in_a_collection_is_listed_merged_and_opens_where_its_words_are(
        merged: tuple[Path, str, str], make_window) -> None:  # noqa: ANN001
    library, away, into = merged
    win = make_window(library)
    win.collections.names.setCurrentRow(0)
    item = win.collections.items.item(0)
    assert " — merged into " in item.text(), item.text()
    win.collections.items.itemDoubleClicked.emit(item)
    assert win.state.article_id == into
    assert win.article_view.selected_text().startswith(_first_words(library, away))
    assert win.problems.messages() == []


def test_a_merged_article_named_anywhere_opens_the_article_its_words_are_in(
        merged: tuple[Path, str, str], make_window) -> None:  # noqa: ANN001
    """Any way the window is asked for the merged article (a link, history, a stale list) shows the article its
    words are in, at them: never the old text alone, where a note would be stored on another article than shown."""
    library, away, into = merged
    win = make_window(library)
    win.open_article(away)
    assert win.state.article_id == into
    assert win.article_view.selected_text().startswith(_first_words(library, away))


def test_a_note_written_after_opening_a_merged_entry_is_on_the_article_shown(
        merged: tuple[Path, str, str], make_window, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    library, _away, into = merged
    win = make_window(library)
    win.collections.names.setCurrentRow(0)
    win.collections.items.itemDoubleClicked.emit(win.collections.items.item(0))

    def answer(dlg) -> bool:  # noqa: ANN001
        dlg.note.setPlainText("on the merged report")
        return True

    monkeypatch.setattr(win, "_ask", answer)
    assert win.annotating.add_article_note()
    with Library(library) as lib:
        notes = [a for a in AnnotationStore.of(lib).find() if a.note == "on the merged report"]
    assert [a.article for a in notes] == [win.state.article_id] == [into]
    listed = win.notes.article_list.topLevelItem(0)
    assert any("on the merged report" in listed.child(i).text(0) for i in range(listed.childCount()))


def test_show_of_a_merged_article_shows_the_article_its_words_are_in(
        merged: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    library, away, into = merged
    from reader.cli.main import main

    capsys.readouterr()
    assert main(["show", "--json", away, "--library", str(library)]) == 0
    said = capsys.readouterr()
    assert json.loads(said.out)["article"] == into
    assert f"article {away} was merged into {into}" in said.err
