"""Import in a child process (what the desktop application uses): progress, errors, report, cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.library.catalogue import Library
from reader.library.importer import ImportProgress
from reader.library.worker import import_in_subprocess
from reader.model.errors import BroadsheetError

DATA = Path(__file__).parents[1] / "data"


def test_import_in_a_child_process_reports_like_the_importer(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    seen: list[ImportProgress] = []
    errors: list[tuple[str, str]] = []
    report = import_in_subprocess(tmp_path / "lib", [DATA / "text" / "rendered_page.txt", bad],
                                  progress=seen.append, on_error=lambda p, m: errors.append((p, m)))
    assert [Path(p).name for p in report.imported] == ["rendered_page.txt"]
    assert report.articles == 3 and report.pages == 1 and not report.cancelled
    assert len(report.failed) == 1 and "bad.txt" in report.failed[0][1]
    assert errors and "bad.txt" in errors[0][1]
    assert seen and seen[-1].files_done == seen[-1].files_total == 2
    with Library.open(tmp_path / "lib", create=False) as lib:
        assert lib.stats()["articles"] == 3 and lib.stats()["unindexed"] == 0
    # unchanged on a second run
    again = import_in_subprocess(tmp_path / "lib", [DATA / "text" / "rendered_page.txt"])
    assert len(again.unchanged) == 1 and not again.imported


def test_cancel_stops_the_child_after_its_current_file(tmp_path: Path) -> None:
    cancel = threading.Event()

    def first(p: ImportProgress) -> None:
        cancel.set()

    folders = [DATA / "samples" / "mets-alto", DATA / "samples" / "page", DATA / "samples" / "hocr"]
    report = import_in_subprocess(tmp_path / "lib", folders, progress=first, cancel=cancel)
    assert report.cancelled
    with Library.open(tmp_path / "lib", create=False) as lib:
        stats = lib.stats()
        assert stats["sources"] == len(report.imported) and stats["unindexed"] == 0


def test_a_child_that_cannot_run_is_one_clear_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(BroadsheetError) as err:
        import_in_subprocess(not_a_folder, [DATA / "text" / "rendered_page.txt"])
    assert "import process ended" in str(err.value)
