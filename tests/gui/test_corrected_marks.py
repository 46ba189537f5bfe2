"""A word the reader corrected is marked where the article is read, and says what the page has (trust: the text
shown must not silently differ from the page). Seen from outside: a corrected word looked like any other, nothing
told the reader that the page reads otherwise."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PySide6.QtGui import QTextCharFormat

from reader.corrections.store import correct_text
from reader.gui.mainwindow import MainWindow
from tests.gui.test_corrected_search import NEW, _place


def _corrected(win: MainWindow, tmp_path: Path, library_dir: Path) -> tuple[str, str]:
    """A correction stored on a Chinese article's two characters; (article id, the characters the OCR read)."""
    archive = win.archive
    assert archive is not None
    article, start = next((i.id, at) for i in archive.library.articles() if (at := _place(archive.article(i.id))))
    original = archive.article(article).text[start:start + 2]
    assert win.corrections.add_correction(correct_text(archive.article(article), start, start + 2, NEW))
    win.open_article(article)
    return article, original


def _underlined(win: MainWindow) -> list[str]:
    view = win.article_view.view
    return [sel.cursor.selectedText() for sel in view.extraSelections()  # type: ignore[union-attr]
            if sel.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline]


def test_a_corrected_word_is_marked_and_names_the_ocrs_reading(make_window, library_dir: Path,  # noqa: ANN001
                                                                tmp_path: Path) -> None:
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    _article, original = _corrected(win, tmp_path, library_dir)
    win.article_view.set_vertical(False)
    view = win.article_view
    assert _underlined(win) == [NEW]
    part, start, _end = next(r for r in view.corrected)
    note = view.correction_note(part, start + 1)
    assert note is not None and original in note
    assert view.correction_note(part, max(0, start - 1)) is None
    # the original shown: nothing is corrected there
    win.corrections.set_show_corrected(False)
    win.article_view.set_vertical(False)  # (the article reopened in the columns it was set in)
    assert _underlined(win) == [] and not win.article_view.corrected
    win.corrections.set_show_corrected(True)
    win.article_view.set_vertical(False)
    assert _underlined(win) == [NEW]
    # a highlight over it keeps both marks
    win.article_view.select_original(part, start, part, start + len(NEW))
    rng = win.article_view.selection_article_range()
    assert rng is not None and win.annotating.add_highlight(*rng, note="checked against the page")
    win.article_view.set_vertical(False)
    assert win.article_view.highlights and _underlined(win) == [NEW]


def test_a_corrected_word_is_marked_in_vertical_columns(make_window, library_dir: Path,  # noqa: ANN001
                                                        tmp_path: Path) -> None:
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    _corrected(win, tmp_path, library_dir)
    win.article_view.set_vertical(True)
    view = win.article_view.view
    lined = [(k, s, e) for (k, s, e), _colour, underline in view.marks if underline]
    assert len(lined) == 1
    k, s, e = lined[0]
    assert win.article_view.reading is not None
    assert win.article_view.reading.parts[k].display[s:e] == NEW


def test_an_export_without_my_work_has_the_ocrs_reading(make_window, library_dir: Path,  # noqa: ANN001
                                                        tmp_path: Path) -> None:
    """Seen by the by-eye tester: with "Include my annotations and corrections" unticked, a text export still had the
    corrected word (the OCR's word gone, nothing saying so), and TEI its choice/sic/corr; `export --plain` had the
    OCR's reading. Unticked, the export is the text as the OCR read it; ticked, the corrected reading."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    _article, original = _corrected(win, tmp_path, library_dir)
    for include, fmt, name in ((False, "text", "plain.txt"), (False, "tei", "plain.xml"), (True, "text", "mine.txt")):
        dlg = win.show_export()
        dlg.scope.setCurrentIndex(dlg.scope.findData("article"))
        dlg.format.setCurrentIndex(dlg.format.findData(fmt))
        dlg.include_annotations.setChecked(include)
        dlg.path.setText(str(tmp_path / name))
        dlg.export_button.click()
        dlg.close()
    plain, tei, mine = ((tmp_path / n).read_text(encoding="utf-8") for n in ("plain.txt", "plain.xml", "mine.txt"))
    assert original in plain and NEW not in plain
    assert NEW not in tei and not re.search(r"<(?:sic|corr)[ >]", tei)
    # its header claims no work either (seen by the by-eye tester: "annotation and correction", choice/sic/corr)
    assert "annotation and correction" not in tei and "choice/sic/corr" not in tei
    assert "no user's corrections or annotations are included" in tei
    assert NEW in mine


def _tip(view, point) -> str:  # noqa: ANN001
    """The tooltip the view shows for a hover at ``point`` (viewport coordinates), or ""."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    QToolTip.hideText()
    target = view.viewport() if hasattr(view, "viewport") else view
    event = QHelpEvent(QEvent.Type.ToolTip, point, target.mapToGlobal(point))
    if hasattr(view, "viewportEvent"):
        view.viewportEvent(event)
    else:
        view.event(event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_hovering_a_corrected_word_tells_the_ocrs_reading_and_nowhere_else(make_window, library_dir: Path,  # noqa: ANN001
                                                                            tmp_path: Path) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    _article, original = _corrected(win, tmp_path, library_dir)
    win.article_view.set_vertical(False)
    reader = win.article_view.view
    (k, s, e) = next(d for r in win.article_view.corrected if (d := win.article_view.to_display(r)))
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader._pos_of(k, s))
    left = reader.cursorRect(cursor)
    middle = left.center()
    middle.setX(left.left() + 4)  # inside the word's first character
    assert original in _tip(reader, middle)
    cursor.setPosition(reader._pos_of(k, s) - 1)
    previous = reader.cursorRect(cursor)  # the character before the word: on this line or (wrapped) the one above
    end = left.left() if previous.top() == left.top() else previous.left() + 6
    before = QPoint(end - 3, previous.center().y())  # the right half of the character before the word
    at = reader._char_at(before)
    assert at is not None and reader.note_at(*reader._k_of(at)) is None
    assert reader._char_at(QPoint(2, middle.y())) is None  # the blank margin beside the line
    # vertical columns: the same over the character's cell
    win.article_view.set_vertical(True)
    vertical = win.article_view.view
    n = next(n for n, cell in enumerate(vertical.cells) if (cell[0], cell[1]) == (k, s))
    assert original in _tip(vertical, vertical.cells[n][2].center().toPoint())


def test_a_correction_that_took_characters_out_is_marked_beside_the_gap(make_window, library_dir: Path,  # noqa: ANN001
                                                                        tmp_path: Path) -> None:
    """A correction removing the OCR's characters (a stray mark read as a character) leaves nothing to underline:
    the characters on each side of the gap are marked, and the tooltip names what was taken out (review: nothing
    was marked)."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    archive = win.archive
    assert archive is not None
    article, start = next((i.id, at) for i in archive.library.articles() if (at := _place(archive.article(i.id))))
    removed = archive.article(article).text[start:start + 1]
    assert win.corrections.add_correction(correct_text(archive.article(article), start, start + 1, ""))
    win.open_article(article)
    view = win.article_view
    [(part, lo, hi)] = view.corrected
    assert hi - lo == 2
    note = view.correction_note(part, lo)
    assert note is not None and removed in note and "removed" in note


def test_editing_a_highlight_on_a_corrected_word_quotes_it_as_read(make_window, library_dir: Path,  # noqa: ANN001
                                                                   tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Seen by the by-eye tester: a highlight made on a corrected word was quoted as read in the creating dialog and
    the annotations list (“Umwälzung”), but as the OCR read it in Edit… (“Revolution”)."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    _corrected(win, tmp_path, library_dir)
    part, start, end = win.article_view.corrected[0]
    win.article_view.select_original(part, start, part, end)
    rng = win.article_view.selection_article_range()
    assert rng is not None and win.annotating.add_highlight(*rng, note="checked")
    [ann] = [a for a in win.archive.annotations.find() if a.note == "checked"]
    asked: list[str] = []
    monkeypatch.setattr(win, "_ask", lambda dlg: asked.append(dlg.quote.text()) or False)
    win.annotating.edit_annotation(ann)
    assert asked and NEW in asked[0], asked


def test_a_corrected_words_tooltip_goes_when_the_text_moves_under_it(make_window, library_dir: Path,  # noqa: ANN001
                                                                      tmp_path: Path, qtbot) -> None:
    """Seen by the by-eye tester: the tooltip of a corrected word stayed up while the text was laid out again under
    the pointer (a larger font, a resize), naming a word no longer there."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QToolTip

    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    _article, original = _corrected(win, tmp_path, library_dir)
    view = win.article_view
    view.set_vertical(False)
    reader = view.view
    (k, s, _e) = next(d for r in view.corrected if (d := view.to_display(r)))
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader._pos_of(k, s))
    point = reader.cursorRect(cursor).center()
    point.setX(reader.cursorRect(cursor).left() + 4)
    assert original in _tip(reader, point)
    view.set_font_size(view.font_size + 3)
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)  # Qt hides it after a short fade
    view.set_vertical(True)
    vertical = view.view
    n = next(n for n, cell in enumerate(vertical.cells) if (cell[0], cell[1]) == (k, s))
    assert original in _tip(vertical, vertical.cells[n][2].center().toPoint())
    view.resize(view.width() - 120, view.height())
    view._relayout_vertical()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)
