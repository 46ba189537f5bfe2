"""The export dialog says the file holds the reader's corrections when it does (seen: exports said the text was "as
the sources print it", the reader's corrections in it unsaid)."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.corrections.store import correct_text
from tests.gui.test_corrected_search import NEW, _place


def _export(win, path: Path, mine: bool = True) -> str:  # noqa: ANN001
    dlg = win.show_export()
    dlg.format.setCurrentIndex(dlg.format.findData("text"))
    dlg.include_annotations.setChecked(mine)
    dlg.path.setText(str(path))
    dlg.export_button.click()
    assert dlg.written == path, dlg.status.text()
    said = dlg.status.text()
    dlg.close()
    return said


def test_the_export_says_the_corrections_it_holds(make_window, library_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    win = make_window(shutil.copytree(library_dir, tmp_path / "lib"))  # the session's library is only read
    archive = win.archive
    article, start = next((i.id, at) for i in archive.library.articles() if (at := _place(archive.article(i.id))))
    win.open_article(article)
    said = _export(win, tmp_path / "before.txt")
    assert "as the sources print it" in said and "correction" not in said, said
    assert win.corrections.add_correction(correct_text(archive.article(article), start, start + 2, NEW))
    said = _export(win, tmp_path / "after.txt")
    assert NEW in (tmp_path / "after.txt").read_text(encoding="utf-8")
    assert "as the sources print it, with 1 correction(s) of yours applied" in said, said
    said = _export(win, tmp_path / "plain.txt", mine=False)  # without my work: as the OCR read it
    assert NEW not in (tmp_path / "plain.txt").read_text(encoding="utf-8") and "correction" not in said, said
