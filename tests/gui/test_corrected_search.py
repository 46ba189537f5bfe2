"""A word the reader corrected is found in the window and marked where it is shown: in the corrected reading, or on
the OCR's reading of it when the original is shown (seen by the by-eye tester: a corrected word was never found)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.app.archive import Archive
from reader.corrections.store import correct_text
from reader.gui.mainwindow import MainWindow
from reader.model.document import Article

NEW = "龘䨻靐"  # longer than the two characters it replaces: the places after it move


def _place(art: Article) -> int:
    """An offset of ``art.text`` where two Chinese characters of one source line are followed by two more (0: none)."""
    start = 0
    for part in art.parts:
        for i in range(20, len(part.text) - 4):
            here, there = part.locate(i), part.locate(i + 1)
            if part.role == "paragraph" and all("\u4e00" <= c <= "\u9fff" for c in part.text[i:i + 4]) \
                    and here and there and here[0] == there[0]:
                return start + i
        start += len(part.text) + 2
    return 0


def _marked(win: MainWindow) -> list[str]:
    art = win.article_view.article
    assert art is not None
    return [art.parts[p].text[s:e] for p, s, e in win.article_view.hits]

def _opened(make_window, library_dir: Path, tmp_path: Path) -> tuple[MainWindow, Archive, str, int]:  # noqa: ANN001
    """A window on a copy of the library (corrections are stored); a Chinese article and its place (:func:`_place`)."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    archive = win.archive
    assert archive is not None
    article, start = next((i.id, at) for i in archive.library.articles() if (at := _place(archive.article(i.id))))
    return win, archive, article, start



def test_a_corrected_word_is_found_and_marked_in_either_reading(make_window, library_dir: Path,  # noqa: ANN001
                                                                 tmp_path: Path) -> None:
    shutil.copytree(library_dir, tmp_path / "lib")  # the correction is stored
    win = make_window(tmp_path / "lib")
    archive = win.archive
    assert archive is not None
    article, start = next((i.id, at) for i in archive.library.articles() if (at := _place(archive.article(i.id))))
    text = archive.article(article).text
    original, after = text[start:start + 2], text[start + 2:start + 4]
    fix = correct_text(archive.article(article), start, start + 2, NEW)
    assert win.corrections.add_correction(fix)
    win.search.field.setText(f"{NEW} OR {after}")
    win.search.submit()
    hits = win.search.results.hits
    hit = next(h for h in hits if h.article == article)
    assert hit.corrected and NEW in hit.snippet
    win.navigation.open_hit(hit)
    assert win.state.article_id == article
    assert NEW in _marked(win) and after in _marked(win)  # both words, in the corrected reading shown
    # the corrected word is on the line it was corrected in: marked on the page (its characters map to none)
    view = win.article_view
    word = [h for h in view.hits if view.article.parts[h[0]].text[h[1]:h[2]] == NEW]
    assert view.reading.lines_of(word) == [fix.data["line"]] and fix.data["line"] in win.layout_view.hit_lines()
    win.corrections.set_show_corrected(False)  # the original shown: the OCR's reading of the corrected word is marked
    assert original in _marked(win) and after in _marked(win) and NEW not in win.article_view.article.text
    win.corrections.set_show_corrected(True)
    assert NEW in _marked(win) and after in _marked(win)
    win.undo_stack.undo()  # the correction undone: its word is found no more
    win.search.submit()
    assert article not in {h.article for h in win.search.results.hits if NEW in h.snippet}
    assert all(not h.corrected for h in win.search.results.hits)


def test_the_corrected_readings_are_made_again_before_the_next_search(make_window, library_dir: Path,  # noqa: ANN001
                                                                      tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """They cost ~0.6 ms per corrected article: made on the search lane when the library opens and after each
    correction, not by the next search the reader waits for."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    archive = win.archive
    assert archive is not None
    made: list[int] = []
    real = type(archive.overlay_of).search_readings

    def spy(overlay: object) -> object:
        found = real(overlay)  # type: ignore[arg-type]
        made.append(len(found))
        return found

    monkeypatch.setattr(type(archive.overlay_of), "search_readings", spy)
    article, start = next((i.id, at) for i in archive.library.articles() if (at := _place(archive.article(i.id))))
    assert win.corrections.add_correction(correct_text(archive.article(article), start, start + 2, NEW))
    assert made == [1]  # made again at once, with the new one (the worker pool runs tasks as they come in tests)
    win.undo_stack.undo()
    assert made == [1, 0]


def test_the_concordance_lists_a_corrected_word_and_opens_at_it_in_either_reading(make_window,  # noqa: ANN001
                                                                                  library_dir: Path, tmp_path: Path,
                                                                                  qtbot) -> None:  # noqa: ANN001
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    archive = win.archive
    assert archive is not None
    # a place with more of the article after it: the line opened is then not the first word
    article, start = next((i.id, at) for i in archive.library.articles() if (at := _place(archive.article(i.id))))
    text = archive.article(article).text
    after = text[start + 2:start + 4]
    assert win.corrections.add_correction(correct_text(archive.article(article), start, start + 2, NEW))
    win.action_map[next(k for k in win.action_map if k.value == "actConcordance")].trigger()
    view = win.studies.concordance
    view.field.setText(f"{NEW} OR {after}")
    qtbot.keyClick(view.field, Qt.Key.Key_Return)
    lines = view.model.lines
    # the word right after the correction: its place moved in the corrected reading
    row = next(i for i, ln in enumerate(lines) if ln.article == article and ln.start == start + len(NEW))
    assert lines[row].match == after
    assert any(ln.article == article and ln.match == NEW for ln in lines)
    for corrected in (True, False):
        win.corrections.set_show_corrected(corrected)
        view.open_row(row)
        av = win.article_view
        assert win.state.article_id == article and av.current_hit >= 0
        p, s, e = av.hits[av.current_hit]
        assert av.article.parts[p].text[s:e] == after  # the word opened at, in the reading shown
        assert all(av.article.parts[p].text[s:e] in (after, NEW, text[start:start + 2]) for p, s, e in av.hits)
    win.corrections.set_show_corrected(True)


def _search(win: MainWindow, text: str) -> list:  # type: ignore[type-arg]
    win.search.field.setText(text)
    win.search.submit()
    assert win.search.results is not None
    return win.search.results.hits


def test_the_shown_search_follows_a_correction_made_and_undone(make_window, library_dir: Path,  # noqa: ANN001
                                                               tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    """Seen by eye: after Edit → Undo of a correction the results still listed the undone word (the list was not
    asked again; Enter on the same query re-opened its stale hit, marking other characters), and a correction made
    while a search was shown dropped its hits in the text (F4 went nowhere)."""
    win, archive, article, start = _opened(make_window, library_dir, tmp_path)
    text = archive.article(article).text
    after = text[start + 2:start + 4]
    hits = _search(win, after)
    assert win.state.article_id == hits[0].article
    win.navigation.open_hit(next(h for h in hits if h.article == article))
    assert win.corrections.add_correction(correct_text(archive.article(article), start, start + 2, NEW))
    # the search was asked again: the article shown is still its hit, marked where the words are now
    assert win.state.article_id == article and win.search.current_hit().article == article
    assert _marked(win) and set(_marked(win)) == {after}
    win.article_view.next_hit()
    assert win.article_view.current_hit == 0
    assert [h.article for h in _search(win, NEW)] == [article]
    win.undo_stack.undo()  # the list follows: the undone word is found no more
    assert win.search.results.total == 0 and win.search.list.count() == 0
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)  # the same query again: asked, not a stale hit opened
    assert win.search.results.total == 0 and NEW not in win.article_view.article.text


def test_the_ocr_reading_of_a_corrected_word_is_found_and_marked_on_the_correction(  # noqa: ANN001
        make_window, library_dir: Path, tmp_path: Path) -> None:
    """Seen by eye: a search for the word a correction replaced found the article but marked nothing (its places
    were looked for in the corrected reading)."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    archive = win.archive
    assert archive is not None
    # a word the article holds once (the corrected reading then holds it nowhere)
    article, start = next((i.id, at) for i in archive.library.articles() if (at := _place(archive.article(i.id)))
                          and archive.article(i.id).text.count(archive.article(i.id).text[at:at + 2]) == 1)
    text = archive.article(article).text
    original = text[start:start + 2]
    assert win.corrections.add_correction(correct_text(archive.article(article), start, start + 2, NEW))
    hit = next(h for h in _search(win, original) if h.article == article)
    assert not hit.corrected and original in hit.snippet and hit.matches
    win.navigation.open_hit(hit)
    assert NEW in _marked(win)  # the corrected reading is shown: the correction of that word is marked
    win.corrections.set_show_corrected(False)
    assert original in _marked(win)
    win.corrections.set_show_corrected(True)


def test_a_corrected_headline_is_the_one_listed(make_window, library_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """Seen by eye: a headline whose text the reader corrected was shown corrected above the article, but the
    article list, the search results and the collection lists kept the OCR's."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    archive = win.archive
    assert archive is not None
    art = next(a for a in (archive.article(i.id) for i in archive.library.articles())
               if a.parts and a.parts[0].role == "headline" and len(a.parts[0].text) > 3
               and a.parts[0].locate(0) and a.parts[0].locate(1) and a.parts[0].locate(0)[0] == a.parts[0].locate(1)[0])
    win.open_article(art.id)
    assert win.corrections.add_correction(correct_text(art, 0, 2, NEW))
    listed = [win.article_list.topLevelItem(i) for i in range(win.article_list.topLevelItemCount())]
    item = next(it for it in listed if it.data(0, Qt.ItemDataRole.UserRole + 1) == art.id)
    assert item.text(0).startswith(NEW) and win.headline_of(art.id).startswith(NEW)
    hit = next(h for h in _search(win, NEW) if h.article == art.id)
    assert hit.headline.startswith(NEW)


def test_a_word_of_a_piece_split_off_opens_the_piece_marked(make_window, library_dir: Path,  # noqa: ANN001
                                                            tmp_path: Path) -> None:
    """Seen in use: after a split, a word of the piece split off was listed under the article it was cut from;
    opened, that article did not hold the word, and the marks fell on other words at the hit's old places."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    archive = win.archive
    assert archive is not None
    infos = archive.library.articles()
    texts = [archive.article(j.id).text for j in infos]

    def unique_word(tail: str) -> str | None:  # three Chinese characters found nowhere else in the library
        words = (tail[i:i + 3] for i in range(len(tail) - 2))
        return next((w for w in words if all("\u4e00" <= c <= "\u9fff" for c in w)
                     and sum(t.count(w) for t in texts) == 1), None)

    key, word = next((i.id, w) for i in infos if len(parts := archive.article(i.id).parts) >= 6
                     and (w := unique_word(parts[4].text)) is not None)
    win.open_article(key)
    listed = win.article_list.ids()
    win.article_view.select_original(3, 0)
    assert win.corrections.correct_split_article()
    piece = next(i for i in win.article_list.ids() if i not in listed)
    win.search.field.setText(word)
    win.search.submit()
    hits = win.search.results.hits
    assert [h.article for h in hits] == [piece]
    win.navigation.open_hit(hits[0])
    assert win.state.article_id == piece and _marked(win) == [word]


def test_a_hit_on_the_ocrs_reading_of_a_corrected_word_says_so_in_its_row(make_window, library_dir: Path,  # noqa: ANN001
                                                                          tmp_path: Path) -> None:
    """Seen by the by-eye tester: searching the OCR's word of an article the reader corrected listed a snippet with
    that word, then the article opened reading the correction — nothing in the row said the snippet is the OCR's
    reading. Its row says so, in its text and its tooltip; other rows say nothing."""
    from reader.gui.widgets.search_panel import ROLE_HIT, HitDelegate

    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    archive = win.archive
    assert archive is not None
    article, start = next((i.id, at) for i in archive.library.articles() if (at := _place(archive.article(i.id)))
                          and archive.article(i.id).text.count(archive.article(i.id).text[at:at + 2]) == 1)
    original = archive.article(article).text[start:start + 2]
    assert win.corrections.add_correction(correct_text(archive.article(article), start, start + 2, NEW))
    win.search.field.setText(original)
    win.search.submit()
    rows = [win.search.list.item(i) for i in range(win.search.list.count())]
    row = next(r for r in rows if r.data(ROLE_HIT).article == article)
    assert row.data(ROLE_HIT).as_read and "OCR" in str(row.data(Qt.ItemDataRole.ToolTipRole))
    delegate = win.search.list.itemDelegate()
    assert isinstance(delegate, HitDelegate)
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(win.search.list)
    option.rect.setWidth(400)
    shown = delegate._lay_out(option, row.data(ROLE_HIT), "#888").toPlainText()
    assert HitDelegate.as_read_label() in shown and original in shown
    plain = next(r for r in rows if r.data(ROLE_HIT).article != article)
    assert not plain.data(ROLE_HIT).as_read and not plain.data(Qt.ItemDataRole.ToolTipRole)
    assert HitDelegate.as_read_label() not in delegate._lay_out(option, plain.data(ROLE_HIT), "#888").toPlainText()


def test_the_hit_count_stays_after_a_correction(make_window, library_dir: Path, tmp_path: Path,  # noqa: ANN001
                                                qtbot) -> None:
    """Seen by the by-eye tester: after a correction while a search hit was shown, "hit 1/1" left the status bar
    though the hit stayed marked (the search asked again marked the places and wrote the position without it)."""
    win, archive, article, start = _opened(make_window, library_dir, tmp_path)
    text = archive.article(article).text
    word = text[start + 2:start + 4]
    win.search.field.setText(word)
    win.search.submit()
    qtbot.waitUntil(lambda: win.search.results is not None)
    hit = next(h for h in win.search.results.hits if h.article == article)
    win.navigation.open_hit(hit)
    assert "hit " in win.position.text()
    assert win.corrections.add_correction(correct_text(archive.article(article), start, start + 2, NEW))
    qtbot.waitUntil(lambda: win.article_view.hits and win.state.article_id == article)
    qtbot.wait(50)
    assert "hit " in win.position.text(), win.position.text()
