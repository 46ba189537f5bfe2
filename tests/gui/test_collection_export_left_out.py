"""The export dialog says which of a collection's entries it did not export.

Seen by eye (eye48): a collection of two, one entry's article no longer in the library; the dialog said "Exported 1
article(s) to …" and nothing of the other (`broadsheet export --collection` names it on stderr).
"""

from __future__ import annotations

import shutil
from pathlib import Path


def test_a_collection_export_names_its_entries_left_out(make_window, library_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    store = win.archive.annotations
    article = next(a.id for a in win.archive.library.articles())
    store.create_collection("Novellen")
    store.add_to_collection("Novellen", article)
    store.add_to_collection("Novellen", "0123456789abcdef")  # an article an import took away since
    win.collecting.fill("Novellen")
    win.open_article(article)
    dlg = win.show_export()
    assert dlg is not None
    dlg.scope.setCurrentIndex(dlg.scope.findData("collection"))
    dlg.format.setCurrentIndex(dlg.format.findData("text"))
    dlg.path.setText(str(tmp_path / "novellen.txt"))
    dlg.export_button.click()
    assert dlg.written == tmp_path / "novellen.txt", dlg.status.text()
    said = dlg.status.text()
    assert "Exported 1 article(s)" in said and "1 entry" in said and "not exported" in said, said
    dlg.close()
