"""The library's list of notes is filtered in either Chinese script, as the library is searched (seen by eye: under
臺灣 the list quoted a highlight as “式考準”, and typing 考準 — the words as listed — in its filter found nothing,
as if the note were gone: the filter compared the stored simplified quote 式考准 character for character)."""

from __future__ import annotations

from pathlib import Path

from reader.annotations import store as A
from reader.app.archive import Archive
from reader.app.samples import samples_folder
from reader.library.catalogue import Library
from reader.library.importer import import_paths


def test_a_note_is_found_by_its_quote_and_its_words_in_either_script(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        import_paths(lib, [samples_folder() / "seed_page.txt"])
        info = next(i for i in lib.articles() if "考准考实领导" in lib.article(i.id).text)
        art = lib.article(info.id)
        at = art.text.index("考准考实领导")
        archive = Archive(lib)
        noted = A.highlight(art, at, at + 4, note="查對 考實 against the Scan")
        archive.annotations.add(noted)
        for typed in ("考准考实", "考準考實", "準考", "考实", "考實", "AGAINST the scan", "查对"):
            assert [a.id for a in archive.find_annotations(text=typed)] == [noted.id], typed
        assert archive.find_annotations(text="考準考實", tag="none-such") == []
        assert archive.find_annotations(text="發展改革") == []
