"""Every character of a source line is shown at most once: no PAGE or ALTO file under tests/data has a line
(or a piece of one) in two parts of the analysed document.

A line set aside as noise (an OCR fragment, a line read twice, a sliver) was placed a second time with the
paragraph of its block when that block went on as a table cell, a section break, a dated line, a sideways
item or a blind item ("u. 1./9. 70." in a Reichsanzeiger table, "5 °C. = 4 °R.", 47 lines of the Luxemburger
Zeitung's page 3): shown twice, counted twice by search.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from reader.formats.detect import detect
from reader.model.document import Document
from reader.segmentation.analyze import analyze_bytes

DATA = Path(__file__).parents[1] / "data"


def _page_and_alto_files() -> list[Path]:
    out = []
    for p in sorted(DATA.rglob("*.xml")):
        try:
            if detect(p.read_bytes(), p) in ("page", "alto"):
                out.append(p)
        except Exception:  # noqa: BLE001 - not a PAGE or ALTO file
            continue
    return out


FILES = _page_and_alto_files()


def shown_twice(doc: Document) -> dict[str, list[tuple[str, int, str]]]:
    """The source lines a character of which two parts show: line id → (article, part index, role) of each."""
    seen: dict[str, list[tuple[int, int, str, int, str]]] = defaultdict(list)
    for article in doc.articles:
        for k, part in enumerate(article.parts):
            for span in part.spans:
                seen[span.line].append((span.line_start, span.line_start + span.end - span.start,
                                        article.id, k, part.role))
    twice: dict[str, list[tuple[str, int, str]]] = {}
    for line, spans in seen.items():
        spans.sort()
        if any(b[0] < a[1] for a, b in zip(spans, spans[1:], strict=False)):
            twice[line] = [(a, k, role) for _, _, a, k, role in spans]
    return twice


def test_the_data_holds_page_and_alto_files() -> None:
    assert len(FILES) >= 90


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(DATA).as_posix())
def test_no_source_line_is_shown_twice(path: Path) -> None:
    doc = analyze_bytes(path.read_bytes(), path, "auto")
    twice = shown_twice(doc)
    assert not twice, f"{len(twice)} line(s) shown twice, e.g. {sorted(twice.items())[:3]}"
