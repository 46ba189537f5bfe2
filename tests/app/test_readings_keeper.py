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
