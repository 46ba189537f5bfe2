"""The window's import summary accounts for every file chosen: one already in the library is counted and named,
as ``broadsheet import`` names it (seen: "Imported 0 file(s) … 2 could not be read" of three files chosen)."""

from __future__ import annotations

import shutil
from pathlib import Path


def test_a_file_already_in_the_library_is_counted_and_named(make_window, library_dir: Path, sources_dir: Path,
                                                             tmp_path: Path) -> None:
    lib = shutil.copytree(library_dir, tmp_path / "lib")  # the session's library is only read
    good = shutil.copy(sources_dir / "kant" / "PAGE_0020_PAGE.xml", tmp_path / "again.xml")  # its bytes are imported
    truncated = tmp_path / "truncated.xml"
    truncated.write_bytes(Path(good).read_bytes()[:3000])
    not_xml = tmp_path / "notes.xml"
    not_xml.write_text("not XML at all\n", encoding="utf-8")
    win = make_window(lib)
    summaries: list[object] = []
    win.import_finished.connect(lambda _state, s: summaries.append(s))
    worker = win.import_paths([good, truncated, not_xml])
    assert worker is not None and worker.state == "done"
    message = win.statusBar().currentMessage()
    assert "Imported 0 file(s)" in message and "2 could not be read" in message
    assert "1 already in the library" in message, message
    assert any("again.xml" in m and "PAGE_0020_PAGE.xml" in m for m in win.problems.messages()), \
        win.problems.messages()


def test_the_summary_counts_every_outcome() -> None:
    from reader.gui.tasks import summary_text
    from reader.library.importer import ImportReport

    report = ImportReport(imported=["a"], unchanged=["b"], failed=[("c", "c: bad")], duplicates=[("d", "a0")],
                          moved=[("e", "e0")], pages=1, articles=2)
    text = summary_text(report)
    assert "Imported 1 file(s)" in text and "1 unchanged" in text and "1 could not be read" in text
    assert "1 already in the library" in text and "1 found moved" in text, text
