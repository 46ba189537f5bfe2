"""The corrected readings a search is told of are made again only where the corrections changed: the window makes
them after each correction, and a library with 1,000 corrected articles took ~0.6 s each time
(benchmarks/bench_corrected_search.py: one correction more, 50 ms)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.app.overlay import Overlay
from reader.app.samples import samples_folder
from reader.corrections.store import CorrectionStore, correct_text
from reader.library.catalogue import Library
from reader.library.importer import import_paths


def _places(lib: Library, n: int) -> list[tuple[str, int]]:
    """(article, offset) of two characters of one source line in a paragraph of ``n`` articles."""
    out = []
    for info in lib.articles():
        art = lib.article(info.id)
        pos = 0
        for part in art.parts:
            first, second = part.locate(2), part.locate(3)
            if part.role == "paragraph" and first and second and first[0] == second[0] and len(part.text) > 6:
                out.append((info.id, pos + 2))
                break
            pos += len(part.text) + 2
        if len(out) == n:
            return out
    raise AssertionError("too few paragraphs in the samples")


def test_one_correction_more_reads_one_article_and_an_undone_one_drops_its_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Library.open(tmp_path / "lib") as lib:
        import_paths(lib, [samples_folder()])
        store = CorrectionStore.of(lib)
        places = _places(lib, 4)
        for article, at in places[:3]:
            store.add(correct_text(lib.article(article), at, at + 2, "龘䨻"))
        overlay = Overlay(lib)
        assert sorted(overlay.search_readings()) == sorted(a for a, _ in places[:3])
        read: list[str] = []
        real = Library.article

        def counted(self: Library, key: str) -> Any:
            read.append(key)
            return real(self, key)

        monkeypatch.setattr(Library, "article", counted)
        article, at = places[3]
        last = store.add(correct_text(real(lib, article), at, at + 2, "䨻龘"))
        overlay.invalidate()
        again = overlay.search_readings()
        assert sorted(again) == sorted(a for a, _ in places) and read == [article]
        assert "䨻龘" in again[article].text
        read.clear()
        store.delete(last.id)
        overlay.invalidate()
        assert sorted(overlay.search_readings()) == sorted(a for a, _ in places[:3]) and read == []


def test_the_lines_kept_between_passes_are_read_again_when_their_source_changes(tmp_path: Path) -> None:
    """The overlay keeps each corrected source's lines between passes (the window re-anchors every correction after
    each one it stores); a source re-imported with other bytes is read again, so its corrections follow its lines."""
    from reader.corrections.store import Correction

    folder = tmp_path / "src" / "人民日报" / "2021-01-27"
    folder.mkdir(parents=True)
    source = folder / "01.txt"
    source.write_bytes((Path(__file__).parents[1] / "data" / "text" / "seed_page.txt").read_bytes())
    with Library.open(tmp_path / "lib") as lib:
        import_paths(lib, [source])
        art = next(lib.article(i.id) for i in lib.articles() if "网络犯罪" in lib.article(i.id).text)
        line = art.line_ids()[0]
        store = CorrectionStore.of(lib)
        store.add(Correction("headline", art.id, {"line": line, "text": "更正标题"}))
        overlay = Overlay(lib)
        assert overlay.corrections()[0].data["line"] == line
        overlay.invalidate()
        assert overlay.corrections()[0].data["line"] == line  # from the lines kept
        text = source.read_text(encoding="utf-8")
        source.write_text("国际简讯\n\n本报讯 联合国大会今天举行会议。\n\n" + text, encoding="utf-8")
        import_paths(lib, [source])
        overlay.invalidate()
        moved = overlay.corrections()[0].data["line"]
        assert moved != line and overlay.reanchored  # found again four lines down, not left on the old id
        page, number = line.rsplit(".l", 1)
        assert moved == f"{page}.l{int(number) + 4}"
