"""The export dialog and the results list say what happened, and only while it is so.

Seen by eye (trust41, 1440×900 under openbox): the export dialog kept "Exported 1 article(s) to …" after the scope or
the format was changed — as if the new choice had been exported; a search with no hits left the results list blank
but for "0 article(s)" above it, as if nothing had run.
"""

from __future__ import annotations

from pathlib import Path


def _exported(win, tmp_path: Path):  # noqa: ANN001, ANN202
    issue = next(i for i in win.archive.issues() if i.publication == "人民日报")
    win.open_article(win.archive.articles(issue_id=issue.id)[0].id)
    dlg = win.show_export()
    dlg.format.setCurrentIndex(dlg.format.findData("text"))
    dlg.path.setText(str(tmp_path / "one.txt"))
    dlg.export_button.click()
    assert dlg.written == tmp_path / "one.txt", dlg.status.text()
    assert dlg.status.text().startswith("Exported 1 article(s) to ")
    return dlg


def test_the_export_line_goes_when_the_scope_changes(make_window, library_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    dlg = _exported(win, tmp_path)
    dlg.scope.setCurrentIndex(dlg.scope.findData("issue"))
    assert "Exported" not in dlg.status.text()
    dlg.close()


def test_the_export_line_goes_when_the_format_changes(make_window, library_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    dlg = _exported(win, tmp_path)
    dlg.format.setCurrentIndex(dlg.format.findData("tei"))
    assert "Exported" not in dlg.status.text()
    dlg.close()


def test_the_export_line_stays_while_nothing_is_changed(make_window, library_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    dlg = _exported(win, tmp_path)
    dlg.format.setCurrentIndex(dlg.format.findData("text"))  # the same choice again
    assert dlg.status.text().startswith("Exported 1 article(s) to ")
    dlg.close()


def test_a_search_with_no_hits_says_so_in_the_list(make_window, library_dir: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    panel = win.search
    panel.field.setText("qqxyzzy")
    panel.submit()
    assert panel.list.count() == 0
    assert panel.list.empty_text == "No article matches “qqxyzzy”." == panel.list.accessibleDescription()
    panel.field.setText("发展")
    panel.submit()
    assert panel.list.count() > 0 and panel.list.empty_text == ""


def test_a_search_with_no_hits_names_its_filters(make_window, library_dir: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    panel = win.search
    panel.publication.setCurrentIndex(panel.publication.findData("Berlinische Monatsschrift"))
    panel.field.setText("发展")
    panel.submit()
    assert win.search.list.count() == 0
    assert win.search.list.empty_text == "No article matches “发展” (Berlinische Monatsschrift)."
