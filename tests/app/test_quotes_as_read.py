"""A highlight on words the reader corrected since is quoted as they read now — in the library's list of notes and
its filter as on the article (the library list showed and filtered by the OCR's words: 史丹林 corrected to 斯大林 was
found by 史丹林 only; by-eye tester)."""

from __future__ import annotations

from pathlib import Path

from reader.annotations import store as A
from reader.app.archive import Archive
from reader.app.samples import samples_folder
from reader.corrections.store import correct_text
from reader.library.catalogue import Library
from reader.library.importer import import_paths


def test_a_note_on_corrected_words_is_quoted_as_they_read_now(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        import_paths(lib, [samples_folder()])
        info = next(i for i in lib.articles() if "Publikum" in lib.article(i.id).text)
        art = lib.article(info.id)
        at = art.text.index("Publikum")
        other_at = art.text.index(" ", at + 20) + 1
        archive = Archive(lib)
        noted = A.highlight(art, at - 4, at + 8, note="the public")
        plain = A.highlight(art, other_at, other_at + 6, note="untouched")
        for a in (noted, plain):
            archive.annotations.add(a)
        archive.correct(correct_text(art, at, at + 8, "Publicum"))
        quotes = archive.quotes_as_read([noted, plain])
        assert quotes == {noted.id: art.text[at - 4:at] + "Publicum"}
        assert noted.anchor is not None and noted.anchor.exact == art.text[at - 4:at + 8]  # stored as made
        assert [a.id for a in archive.find_annotations(text="Publicum")] == [noted.id]
        assert [a.id for a in archive.find_annotations(text="Publikum")] == [noted.id]  # the OCR's words too
        assert archive.find_annotations(text="Publicum", tag="none-such") == []
