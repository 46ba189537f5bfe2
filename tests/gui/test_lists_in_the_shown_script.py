"""The window's lists show an article as the reading view shows it: in the script the reader chose.

Seen by eye (trust33): with the script set to 臺灣 the reading view read 幹得好就能看得見 (the People's Daily seed
page, printed in simplified script) while the article list, the search results, the notes panel and the highlight
dialog's quote read 干得好就能看得见. The reader's own words (notes, tags) are never converted; what is stored
(quotes, corrections) stays in the source's script.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QStyleOptionViewItem

from reader.app.archive import Hit
from reader.text import forms as textforms


def _seed_article(win) -> str:  # noqa: ANN001
    for issue in win.archive.issues():
        if issue.publication == "人民日报":
            for info in win.archive.articles(issue_id=issue.id):
                if info.headline == "干得好就能看得见":
                    return str(info.id)
    raise AssertionError("no seed article")


def _tw(text: str) -> str:
    return textforms.display(text, "s2tw")[0]


def test_the_article_list_shows_headlines_and_first_words_in_the_script_chosen(make_window,  # noqa: ANN001
                                                                               library_dir: Path) -> None:
    win = make_window(library_dir)
    aid = _seed_article(win)
    win.open_article(aid)
    win.navigation.show_page(win.state.page_id, win.state.issue_id)
    win.display.set_script("s2tw")
    listed = dict(win.article_list.entries())
    assert listed[aid] == "幹得好就能看得見" == _tw("干得好就能看得见")
    win.display.set_script("")
    assert dict(win.article_list.entries())[aid] == "干得好就能看得见"


def test_the_search_results_show_headline_and_snippet_in_the_script_chosen(make_window,  # noqa: ANN001
                                                                           library_dir: Path) -> None:
    win = make_window(library_dir)
    win.display.set_script("s2tw")
    win.search.field.setText("发展")
    win.search.submit()
    rows = [win.search.list.item(i) for i in range(win.search.list.count())]
    from reader.gui.widgets.search_panel import ROLE_HIT

    hits = [r.data(ROLE_HIT) for r in rows]
    hit = next(h for h in hits if isinstance(h, Hit) and h.headline == "干得好就能看得见")
    delegate = win.search.list.itemDelegate()
    option = QStyleOptionViewItem()
    option.rect.setWidth(400)
    option.font = win.search.list.font()
    painted = delegate._document(option, delegate.shown(hit)).toPlainText()
    assert "幹得好" in painted and "干得好" not in painted
    assert "發展" in painted and "发展" not in painted


def test_the_notes_and_the_highlight_dialog_quote_in_the_script_chosen(make_window, library_dir: Path,  # noqa: ANN001
                                                                       tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    aid = _seed_article(win)
    win.open_article(aid)
    win.display.set_script("s2tw")
    text = win.article_view.article.text
    start = text.index("推动高质量发展")
    asked: list[str] = []
    monkeypatch.setattr(win, "_ask", lambda dlg: asked.append(dlg.quote.text()) or False)
    win.article_view.select_in_text(start, start + 7)
    win.annotating.highlight_selection()
    assert asked and "推動高質量發展" in asked[0] and "推动" not in asked[0]

    assert win.annotating.add_highlight(start, start + 7, note="发展 as my own words", tags=["发展"])
    [ann] = [a for a in win.archive.annotations.find() if a.note.startswith("发展")]
    assert ann.anchor is not None and ann.anchor.exact == "推动高质量发展"  # stored as the page prints it
    item = win.notes.article_list.topLevelItem(0).child(0)
    assert "推動高質量發展" in item.text(0) and "发展 as my own words" in item.text(0)  # the note as typed
    win.notes.refresh_library()
    lib_items = [win.notes.library_list.topLevelItem(0).child(i)
                 for i in range(win.notes.library_list.topLevelItem(0).childCount())]
    assert any("推動高質量發展" in i.text(0) and i.text(1) == "幹得好就能看得見" for i in lib_items)
    asked.clear()
    win.annotating.edit_annotation(ann)
    assert asked and "推動高質量發展" in asked[0]
    win.display.set_script("")  # back to the original: the lists follow at once
    item = win.notes.article_list.topLevelItem(0).child(0)
    assert "推动高质量发展" in item.text(0)


def test_the_export_dialog_says_the_text_is_exported_as_printed_and_offers_the_script_read_in(
        make_window, library_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """Seen by eye (trust33): reading in 臺灣, File → Export wrote the People's Daily in its simplified script — right,
    a quotation must be the page's — but nothing said so, and the reading text a TEI export can add was not offered
    in the script the reader reads. The dialog says it, and offers that reading text; reading the original, it says
    nothing of scripts."""
    win = make_window(library_dir)
    win.open_article(_seed_article(win))
    win.display.set_script("s2tw")
    dlg = win.show_export()
    dlg.scope.setCurrentIndex(dlg.scope.findData("article"))
    dlg.format.setCurrentIndex(dlg.format.findData("text"))
    note = dlg.script_note
    assert not note.isHidden() and "臺灣" in note.text() and "as the sources print it" in note.text()
    assert not dlg.reading.isEnabled()
    dlg.format.setCurrentIndex(dlg.format.findData("tei"))
    assert dlg.reading.isEnabled() and dlg.reading.currentData() == "s2tw"  # offered, marked as derived in the file
    assert "Reading text" in note.text()
    dlg.format.setCurrentIndex(dlg.format.findData("text"))
    out = tmp_path / "article.txt"
    dlg.path.setText(str(out))
    dlg.export_button.click()
    assert dlg.written == out, dlg.status.text()
    written = out.read_text(encoding="utf-8")
    assert "干得好就能看得见" in written and "幹得好" not in written  # as printed
    dlg.close()
    win.display.set_script("")
    dlg = win.show_export()
    assert dlg.script_note.isHidden() and dlg.reading.currentData() == ""
    dlg.close()


def test_the_concordance_shows_its_lines_in_the_script_chosen(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    """Seen by eye (trust33): under 繁體 the concordance of 发展 listed 政绩考核 推动高质量【发展】 beside a reading
    view reading 政績考覈 推動高質量發展; the Jing bao's lines, printed traditional, stay as printed (s2t would make
    云 雲)."""
    from PySide6.QtCore import Qt

    from reader.gui.widgets.concordance_view import LEFT, MATCH

    win = make_window(library_dir)
    win.display.set_script("s2t")
    win.action_map[next(k for k in win.action_map if k.value == "actConcordance")].trigger()
    view = win.studies.concordance
    view.field.setText("发展")
    qtbot.keyClick(view.field, Qt.Key.Key_Return)
    model = view.model
    rows = {model.lines[r].article: r for r in range(model.rowCount())}
    seed = _seed_article(win)
    row = rows[seed]
    assert model.index(row, MATCH).data() == "發展" and model.lines[row].match == "发展"
    left = model.lines[row].left
    assert model.index(row, LEFT).data() == win.archive.shown(seed, left, "s2t") != left
    win.display.set_script("")
    assert model.index(row, MATCH).data() == "发展"


def _article_of(win, publication: str) -> str:  # noqa: ANN001
    """The longest article of the publication (a traditional paper's long text is judged traditional)."""
    for issue in win.archive.issues():
        if issue.publication == publication:
            ids = [str(info.id) for info in win.archive.articles(issue_id=issue.id)]
            return max(ids, key=lambda aid: len(win.archive.article(aid).text))
    raise AssertionError(f"no {publication}")


def test_the_export_dialog_speaks_of_conversion_only_where_the_text_read_is_converted(
        make_window, library_dir: Path) -> None:  # noqa: ANN001
    """Seen by the by-eye tester: reading the People's Daily (printed in simplified script) in 简体, File → Export
    said the text was "not converted to 简体" — it is in 简体, as printed and as read. The dialog says the export is not
    converted only where the article is read converted: a simplified source in 繁體, a traditional one in 简体; not a
    simplified source in 简体, a traditional one in 繁體, nor a German one in any script — and then the reading text
    is not offered in the script read either (it would be a copy of the text)."""
    win = make_window(library_dir)
    seed = _seed_article(win)
    jingbao = _article_of(win, "晶報 Jing bao")
    assert textforms.is_traditional(win.archive.article(jingbao).text)
    kant = _article_of(win, "Berlinische Monatsschrift")
    said = {}
    for aid, name in ((seed, "seed"), (jingbao, "jingbao"), (kant, "kant")):
        for script in ("t2s", "s2t", "s2tw"):
            win.open_article(aid)
            win.display.set_script(script)
            dlg = win.show_export()
            dlg.scope.setCurrentIndex(dlg.scope.findData("article"))
            dlg.format.setCurrentIndex(dlg.format.findData("text"))
            said[name, script] = "" if dlg.script_note.isHidden() else dlg.script_note.text()
            dlg.format.setCurrentIndex(dlg.format.findData("tei"))
            said[name, script, "reading"] = dlg.reading.currentData()
            dlg.close()
    win.display.set_script("")
    assert said["seed", "t2s"] == "" and said["seed", "t2s", "reading"] == "", said
    assert "not converted to 繁體" in said["seed", "s2t"] and said["seed", "s2t", "reading"] == "s2t"
    assert "not converted to 臺灣" in said["seed", "s2tw"]
    assert "not converted to 简体" in said["jingbao", "t2s"] and said["jingbao", "t2s", "reading"] == "t2s"
    assert said["jingbao", "s2t"] == "" and said["jingbao", "s2t", "reading"] == "", said
    for script in ("t2s", "s2t", "s2tw"):
        assert said["kant", script] == "" and said["kant", script, "reading"] == "", said


def test_the_export_dialog_on_a_whole_issue_judges_the_issues_articles(make_window, library_dir: Path) -> None:  # noqa: ANN001
    """The People's Daily's issue read in 简体 is exported as it is read; in 繁體 it is not converted to it."""
    win = make_window(library_dir)
    win.open_article(_seed_article(win))
    notes = {}
    for script in ("t2s", "s2t"):
        win.display.set_script(script)
        dlg = win.show_export()
        dlg.scope.setCurrentIndex(dlg.scope.findData("issue"))
        dlg.format.setCurrentIndex(dlg.format.findData("text"))
        notes[script] = "" if dlg.script_note.isHidden() else dlg.script_note.text()
        dlg.close()
    win.display.set_script("")
    assert notes["t2s"] == "" and "not converted to 繁體" in notes["s2t"], notes
