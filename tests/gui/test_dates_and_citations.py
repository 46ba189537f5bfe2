"""The window shows the Minguo date beside the Gregorian one for Chinese papers of the Republic, and the
export dialog writes citations in the style chosen."""

from __future__ import annotations

from pathlib import Path


def _issue_labels(win) -> dict[str, list[str]]:  # noqa: ANN001
    out: dict[str, list[str]] = {}
    for i in range(win.tree.topLevelItemCount()):
        pub = win.tree.topLevelItem(i)
        out[pub.text(0)] = [pub.child(k).text(0) for k in range(pub.childCount())]
    return out


def test_minguo_date_in_the_tree_and_the_status_bar(make_window, library_dir: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    labels = _issue_labels(win)
    jingbao = next(v for k, v in labels.items() if "晶報" in k)
    assert jingbao[0].startswith("1939-04-21 (民國二十八年四月二十一日)")
    renmin = next(v for k, v in labels.items() if "人民日报" in k)
    assert "民國" not in renmin[0]  # 2021: not a paper of the Republic
    kant = next(v for k, v in labels.items() if "Berlinische" in k)
    assert "民國" not in kant[0]
    issue = next(i for i in win.archive.issues() if "晶報" in i.publication)
    article = win.archive.articles(issue_id=issue.id)[0]
    win.open_article(article.id)
    assert "1939-04-21 (民國二十八年四月二十一日)" in win.position.text()


def test_export_dialog_citation_styles(make_window, library_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    issue = next(i for i in win.archive.issues() if i.publication == "人民日报")
    key = next(a.id for a in win.archive.articles(issue_id=issue.id) if a.headline == "干得好就能看得见")
    win.open_article(key)
    dlg = win.show_export()
    dlg.scope.setCurrentIndex(dlg.scope.findData("article"))
    dlg.format.setCurrentIndex(dlg.format.findData("cite"))
    assert dlg.citation_style.isEnabled()
    dlg.citation_style.setCurrentIndex(dlg.citation_style.findData("gb7714"))
    out = tmp_path / "cite.txt"
    dlg.path.setText(str(out))
    dlg.export_button.click()
    assert dlg.written == out, dlg.status.text()
    assert out.read_text(encoding="utf-8") == "窦瀚洋, 毕京津, 常碧罗. 干得好就能看得见[N]. 人民日报, 2021-01-27(1).\n"
    dlg.citation_style.setCurrentIndex(dlg.citation_style.findData("bibtex"))
    assert dlg.path.text().endswith(".bib")  # the file takes the style's suffix
    dlg.export_button.click()
    assert "author = {{窦瀚洋} and {毕京津} and {常碧罗}}" in Path(dlg.path.text()).read_text(encoding="utf-8")
    dlg.format.setCurrentIndex(dlg.format.findData("tei"))
    assert not dlg.citation_style.isEnabled()
    dlg.close()


def test_the_suggested_file_name_follows_the_scope(make_window, library_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """Seen by eye: the file offered stayed "broadsheet-article.xml" when Collection was chosen; a name the reader
    typed is theirs and stays."""
    win = make_window(library_dir)
    issue = next(i for i in win.archive.issues() if i.publication == "人民日报")
    win.open_article(next(a.id for a in win.archive.articles(issue_id=issue.id)))
    dlg = win.show_export()
    dlg.scope.setCurrentIndex(dlg.scope.findData("article"))
    dlg.format.setCurrentIndex(dlg.format.findData("tei"))
    assert Path(dlg.path.text()).name == "broadsheet-article.xml"
    folder = Path(dlg.path.text()).parent
    dlg.scope.setCurrentIndex(dlg.scope.findData("issue"))
    assert Path(dlg.path.text()) == folder / "broadsheet-issue.xml"
    dlg.format.setCurrentIndex(dlg.format.findData("csv"))
    assert Path(dlg.path.text()) == folder / "broadsheet-issue.csv"
    dlg.path.setText(str(tmp_path / "my thesis chapter.csv"))
    dlg.scope.setCurrentIndex(dlg.scope.findData("article"))
    assert Path(dlg.path.text()) == tmp_path / "my thesis chapter.csv"
    dlg.close()
