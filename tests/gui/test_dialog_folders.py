"""The file dialogs start in the reader's folders, never in the program's working folder.

Seen by eye: "Export the concordance" and "Import a folder" opened in /work/main (the folder the program was started
from): Enter wrote concordance.csv into the program's folder. They open in the last folder used for that (exports:
the export dialog's; imports: the last import's), else the home folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog


def test_file_dialogs_start_in_the_readers_folders(make_window, library_dir: Path, tmp_path: Path,  # noqa: ANN001
                                                   monkeypatch) -> None:  # noqa: ANN001
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)  # the program's working folder
    asked: list[str] = []

    def save(_parent: Any, _title: str, where: str, *_a: Any) -> tuple[str, str]:
        asked.append(where)
        return "", ""

    def folder(_parent: Any, _title: str, where: str = "", *_a: Any) -> str:
        asked.append(where)
        return ""

    def files(_parent: Any, _title: str, where: str = "", *_a: Any) -> tuple[list[str], str]:
        asked.append(where)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", files)
    win = make_window(library_dir)
    win.studies.concordance.concordance = object()  # a concordance is shown
    win.studies.export_csv()
    win.studies.save_chart()
    win.tasks.choose_import_folder()
    win.tasks.choose_import_files()
    assert len(asked) == 4
    for where in asked:
        assert where and Path(where).resolve().is_relative_to(home.resolve()), asked
    # an export folder chosen once is where the next starts
    exports = tmp_path / "exports"
    exports.mkdir()
    win.settings.set_export_folder(str(exports))
    asked.clear()
    win.studies.export_csv()
    assert Path(asked[0]).parent == exports
