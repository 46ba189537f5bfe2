"""The window's import (the archive's, in a child process) counts the collection entries on a moved file's articles
as following them, as the command line does (tests/cli/test_moved_folder_counts_entries.py): it said 0."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from clirun import id_of, run_in

from reader.app.archive import Archive

SEED = Path(__file__).parents[1] / "data" / "text" / "seed_page.txt"


def test_the_window_counts_an_entry_on_a_moved_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    library = tmp_path / "lib"
    (tmp_path / "a").mkdir()
    shutil.copy(SEED, tmp_path / "a" / "seed_page.txt")
    run_in(capsys, library, "import", str(tmp_path / "a"), "--quiet", "--publication", "人民日报",
           "--date", "2021-01-27")
    key = id_of(capsys, library, "中美关系")
    run_in(capsys, library, "collection", "create", "My study")
    run_in(capsys, library, "collection", "add", "My study", key)
    (tmp_path / "a").rename(tmp_path / "b")
    archive = Archive.open(library, create=False)
    try:
        report = archive.import_paths([str(tmp_path / "b")], progress=lambda *_a: None, cancel=threading.Event())
        assert report.moved and archive.work is not None
        assert archive.work.entries_followed == 1
        assert "0 annotation(s) and 1 collection entr(ies) follow" in archive.work.summary()
        assert archive.annotations.collection("My study").items == [key]
    finally:
        archive.close()
