"""Verse set line by line keeps its lines; prose is reflowed (reader.text.paragraphs).

Judged on real pages: the Luxemburger Zeitung 1858 feuilleton ("Suez et Marseille", an ode) and the
Nordstern 1878 poem are verse; the prose columns of the same pages, the Coburger Zeitung 1928 hOCR page
and the Reichsanzeiger PAGE pages are not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.formats import detect
from reader.model.document import Block
from reader.text.paragraphs import is_verse, paragraph_starts, typical_size

DATA = Path(__file__).parents[1] / "data"
LUX_P1 = DATA / "samples" / "mets-alto" / "bnl_luxzeit1858_1858-12-07" / "text" / "1858-12-07_01-00001.xml"
NORDSTERN = DATA / "samples" / "mets-alto" / "ndnp_nordstern_1878-01-03" / "0018.xml"
PROSE = [DATA / "pages" / "hocr_coburger_zeitung_1928-08-29" / "bsb00001166_01675.hocr",
         DATA / "pages" / "reichsanzeiger_gt" / "1891_1_0001.xml",
         DATA / "pages" / "kb_ddd_010179815_1813-11-16" / "DDD_010179815_002_alto.xml",
         DATA / "pages" / "ndnp_evening_star_1916-08-26" / "0007.xml"]


def _blocks(path: Path) -> list[Block]:
    doc = detect.read(path.read_bytes(), path)
    return [b for p in doc.pages for b in p.blocks if sum(1 for ln in b.lines if ln.box) >= 2]


def _verse(block: Block) -> bool:
    lines = [ln for ln in block.lines if ln.text.strip()]
    boxed = [ln for ln in lines if ln.box]
    em = typical_size(boxed, False) or 10.0
    return is_verse(lines, sorted(ln.box[2] for ln in boxed if ln.box), em)


def test_the_feuilleton_ode_keeps_its_lines() -> None:
    blocks = {b.id: b for b in _blocks(LUX_P1)}
    ode = blocks["p1.P1_TB00022"]
    assert ode.lines[0].text.startswith("Et sa voix électrique")
    assert _verse(ode)
    assert paragraph_starts(ode.lines) == list(range(len(ode.lines)))


def test_the_nordstern_poem_is_verse() -> None:
    blocks = {b.id: b for b in _blocks(NORDSTERN)}
    assert _verse(blocks["p1.TB302"])


@pytest.mark.parametrize("path", [LUX_P1, *PROSE], ids=lambda p: p.stem)
def test_prose_blocks_are_not_verse(path: Path) -> None:
    verse = {b.id for b in _blocks(path) if _verse(b)}
    if path == LUX_P1:  # its feuilleton is the ode (three columns of it), the motto above it two lines of verse
        assert verse == {"p1.P1_TB00021", "p1.P1_TB00022", "p1.P1_TB00023"}
    else:
        assert verse == set()


def test_an_indent_inside_running_text_is_no_paragraph_break() -> None:
    # Coburger Zeitung: no paragraph (ocr_par) of the page is cut where its line does not end a sentence
    for block in _blocks(PROSE[0]):
        lines = [ln for ln in block.lines if ln.text.strip()]
        for k in paragraph_starts(lines)[1:]:
            prev = lines[k - 1].text.rstrip()
            assert prev.endswith((".", "!", "?", ":", '"', "“", ")", ";")) or len(prev) < 35, (block.id, prev)
