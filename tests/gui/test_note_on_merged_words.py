"""The window's highlight on words an article merged in is stored on the article holding them in the library, and
shown on the merged one (see tests/cli/test_note_on_merged_text_after_undo.py: after the merge was undone it was
filed under an article whose text no longer held its words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app.samples import samples_folder
from reader.library.catalogue import Library
from reader.library.importer import import_paths

QUOTE = "Torte Coustitutio"


def test_the_window_stores_a_highlight_on_merged_words_where_they_are(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_window) -> None:  # noqa: ANN001
    """The window's highlight on words merged in: stored on the article holding them, shown on the merged one."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lib = tmp_path / "lib"
    with Library.open(lib) as made:
        import_paths(made, [samples_folder() / "luxemburger_zeitung_1858-12-07"])
    win = make_window(lib)
    infos = win.archive.library.articles()
    second = next(i.id for i in infos if QUOTE in win.archive.library.article(i.id).text)
    first = infos[[i.id for i in infos].index(second) - 1].id
    from reader.corrections import store as C

    win.open_article(first)
    lib_ = win.archive.library
    assert win.corrections.add_correction(C.merge_articles(lib_.article(first), lib_.article(second), key=first,
                                                           other_key=second))
    win.open_article(first)
    text = win.article_view.article.text
    start = text.index(QUOTE)
    assert win.annotating.add_highlight(start, start + len(QUOTE), note="merged words")
    [ann] = [a for a in win.archive.annotations.find() if a.note == "merged words"]
    assert ann.article == second and ann.anchor is not None and ann.anchor.exact == QUOTE
    win.article_view.set_vertical(False)
    assert win.article_view.highlights  # shown on the merged article
