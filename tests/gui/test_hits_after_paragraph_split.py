"""A search hit after a paragraph the reader split is marked on its words.

Seen by the by-eye tester: the cursor put before 据了解 and Correct → Split paragraph at the cursor, every hit
after the split was marked two characters early ("中，信息" for 信息网络; 据了解 marked 据 only), the search asked
again or not, opened from the results or from the concordance: the hits' places were those of the text as
imported, and the window put them on the article as split, where a paragraph break ("\\n\\n") was put in before
them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from reader.gui.mainwindow import MainWindow

WORD = "信息网络"  # twice in the report, after the place it is split at
CUT = "其中，2019"  # its paragraph is split before this


def _marked(win: MainWindow) -> list[str]:
    art = win.article_view.article
    assert art is not None
    return [art.parts[p].text[s:e] for p, s, e in win.article_view.hits]


def _split(make_window, library_dir: Path, tmp_path: Path) -> tuple[MainWindow, str]:  # noqa: ANN001
    """A window on a copy of the library, the report holding :data:`WORD` split before :data:`CUT` at the cursor."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    archive = win.archive
    assert archive is not None
    [key] = [i.id for i in archive.library.articles() if CUT in archive.article(i.id).text]
    win.open_article(key)
    view = win.article_view
    assert view.article is not None
    parts = len(view.article.parts)
    at = view.article.text.index(CUT)
    view.select_in_text(at, at)
    assert win.corrections.correct_split_paragraph()
    assert view.article is not None and len(view.article.parts) == parts + 1
    assert any(p.text.startswith(CUT) for p in view.article.parts)
    return win, key


def _search(win: MainWindow, text: str) -> list:  # type: ignore[type-arg]
    win.search.field.setText(text)
    win.search.submit()
    assert win.search.results is not None
    return win.search.results.hits


def test_a_hit_after_a_split_paragraph_is_marked_on_its_words(make_window, library_dir: Path,  # noqa: ANN001
                                                              tmp_path: Path) -> None:
    win, key = _split(make_window, library_dir, tmp_path)
    for _asked in range(2):  # and the search asked again
        [hit] = _search(win, WORD)
        assert hit.article == key
        win.navigation.open_hit(hit)
        assert win.state.article_id == key and _marked(win) == [WORD, WORD]
    [hit] = [h for h in _search(win, "其中") if h.article == key]  # the first words of the paragraph split off
    win.navigation.open_hit(hit)
    assert _marked(win) and set(_marked(win)) == {"其中"}
    win.corrections.set_show_corrected(False)  # the OCR's reading shown: the same places (no text correction)
    [hit] = _search(win, WORD)
    win.navigation.open_hit(hit)
    assert _marked(win) == [WORD, WORD]
    win.corrections.set_show_corrected(True)
    win.undo_stack.undo()  # the split undone: marked on the text as imported
    [hit] = _search(win, WORD)
    win.navigation.open_hit(hit)
    assert _marked(win) == [WORD, WORD] and not any(p.text.startswith(CUT) for p in win.article_view.article.parts)


def test_a_concordance_line_after_a_split_paragraph_opens_at_its_words(make_window, library_dir: Path,  # noqa: ANN001
                                                                       tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    win, key = _split(make_window, library_dir, tmp_path)
    win.action_map[next(k for k in win.action_map if k.value == "actConcordance")].trigger()
    view = win.studies.concordance
    view.field.setText(WORD)
    qtbot.keyClick(view.field, Qt.Key.Key_Return)
    lines = view.model.lines
    assert [ln.article for ln in lines] == [key, key]
    for row in range(len(lines)):
        view.open_row(row)
        av = win.article_view
        assert win.state.article_id == key and av.current_hit >= 0
        p, s, e = av.hits[av.current_hit]
        assert av.article.parts[p].text[s:e] == WORD
        assert _marked(win) == [WORD, WORD]
