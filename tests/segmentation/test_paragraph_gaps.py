"""Paragraphs parted by a blank line inside one OCR block (session seg35, issue 15: what the ceiling lost before the
cut decisions). A real block from the Lancaster Intelligencer 1882 (NDNP, heldout10), and synthetic ones."""

from __future__ import annotations

from pathlib import Path

from reader.formats import detect
from reader.formats.sourcefile import read_source
from reader.model.document import Line
from reader.segmentation.geometry import block_paragraphs
from reader.text.paragraphs import paragraph_starts

PAGE = (Path(__file__).resolve().parents[1] / "data" / "heldout10" / "ndnp_lancaster_intelligencer_1882-04-06"
        / "sn83032300_1882_04_06_3.xml")


def _lines(rows: list[tuple[str, float]], height: float = 30.0) -> list[Line]:
    """Justified lines of a column, each (text, its top)."""
    return [Line(id=f"l{k}", text=text, box=(0.0, top, 700.0, top + height)) for k, (text, top) in enumerate(rows)]


def test_a_blank_line_inside_a_block_parts_two_paragraphs() -> None:
    """An NDNP column of classifieds (Lancaster Intelligencer 1882 p. 3, block TB.0330.10): "… te Ne. HG East King
    street" / "a3itd WAI. S. AMWEG." (the notice's insertion key and signature, flush with the measure, no short line
    closing a sentence), then a blank line and "rrouACCe run sa.lk.--a cheick let" (TOBACCO FOR SALE, its initial
    garbled, set flush): no indent a paragraph's, so the reader ran the two notices on as one paragraph and no cut
    at its paragraphs could part them (the ceiling's "item starts inside a paragraph"); so with "… nl-lwd" / (blank)
    / "T70K GOOD JTKIDAY. COLLEGE CAai"."""
    doc = detect.read(read_source(PAGE), PAGE)
    block = next(b for b in doc.pages[0].blocks if b.id == "p1.TB.0330.10")
    texts = [p.text for p in block_paragraphs(block)]
    assert any(t.endswith("a3itd WAI. S. AMWEG.") for t in texts)
    assert any(t.startswith("rrouACCe run sa.lk.") for t in texts)
    assert any(t.startswith("T70K GOOD JTKIDAY.") for t in texts)


def test_a_blank_parts_paragraphs_only_where_the_sentence_does_not_run_on() -> None:
    """Whitespace of 0.6 em or more beyond the block's usual gap parts two paragraphs; a line running on into the
    next (a hyphen, a lower-case continuation) keeps them one however far the OCR set them apart, and the ordinary
    unevenness of microfilm line boxes parts nothing."""
    rows = [("The committee met at noon", 0), ("and adjourned till tomorrow", 32), ("at ten o'clock", 63),
            ("Mr. Smith's new store is", 120), ("open every day of the", 151), ("week, Sundays", 190),
            ("excepted.", 221)]
    assert paragraph_starts(_lines(rows)) == [0, 3]


def test_a_block_set_with_lead_between_every_line_parts_nothing() -> None:
    """Lead is measured beyond the block's usual gap: a block leaded throughout is one paragraph."""
    rows = [(f"line {k} of a leaded text that runs on", 60.0 * k) for k in range(6)]
    assert paragraph_starts(_lines(rows)) == [0]


def test_a_blank_parts_paragraphs_over_an_indented_line_too() -> None:
    """The Lancaster Intelligencer 1889 (hOCR, heldout10): "… win go te Mew Yerk, a aiiiseary. ;-" (the OCR's marks
    after the stop, out to the measure), then a blank line and the next dispatch's indented first line, "Bjai
    WAsniNQTON.D. a, Feb, sU …". The indent alone opens no paragraph there (the line above neither closes a sentence
    nor stops short), and the blank was not asked where an indent was: it parts them all the same."""
    rows = [("information received here from", 0), ("the United States that the", 32),
            ("will go to New York, a missionary. ;-", 63), ("WASHINGTON, D. C., Feb. 22. The", 130),
            ("Eastern Pennsylvania weather,", 161), ("northwesterly winds.", 192)]
    lines = _lines(rows)
    lines[3].box = (40.0, 130.0, 700.0, 160.0)  # set in by more than half an em
    assert paragraph_starts(lines) == [0, 3]
