"""Columns of classified adverts in microfilm OCR (issue 15): adverts signed off by a dated insertion key, and columns
the OCR sliced into blocks at arbitrary heights.

Each layout is a small synthetic copy of what a real page does (Evening Star 1865-10-02, page 1, in
tests/data/heldout7); the real pages are scored by benchmarks/bench_segmentation.py.
"""

from __future__ import annotations

from reader.model.document import Block
from reader.segmentation.geometry import _insertion_key, articles_from_layout
from tests.segmentation.columns import column_block, column_page, first_words


def _block(bid: str, y0: float, rows: list[tuple[str, float, float]], *, x0: float = 100, lh: float = 40,
           gaps: dict[int, float] | None = None) -> Block:
    return column_block(bid, y0, rows, x0=x0, lh=lh, gaps=gaps, leading=4)


_page, _items = column_page, first_words


def test_dated_insertion_keys() -> None:
    """An American paper's insertion key (month, day, run) at the end or the start of an advert's last line, whatever
    the OCR made of its figures, or its month and day in figures after the last sentence (Little River News 1920's
    reading notices: "… matinee and night. 1-10"); a name that reads like a month and a letter is none, nor a range
    of figures in a sentence or a price."""
    for text in ("IIUGH OTONSOR, Pawner Agent. jeS-tf", "au 12 tf", "such ewes. Hi* office is 420 Penn'a av. se23-lw*",
                 "7th street. Sep 19 lm*", "Wholesale Agents. my 16-eodly", "Philadelphia, Pa. mh 31-6m",
                 "?ep7 tf 170 Light St Wharf, Baltimore.", "mar S3 ly 340 Pennsylvania avenue."):
        assert _insertion_key(text), text
    for text in ("Mrs W J Watts and Mrs J P", "Club at the home of Mr. and Mrs. W.", "Bankbeamter, Waſa; N. Selim",
                 "in the month of May 1865.", "The steamer leaves on Sept. 19 at noon", "Read chapters 1-10",
                 "Rape Cake 6l. 65. to 71.", "won the match. 13-2", "the rain fell to 19 1m",
                 "Le port de Concarneau a reçu un bateau long de 12 m.", "Superficie de 25 m",
                 "de 12 m de hauteur, la tour", "Siehe Bd. 1-2", "vgl. Nr. 3-5", "pp. 1-12"):
        assert not _insertion_key(text), text


def test_an_insertion_key_closes_an_advert_and_the_next_line_opens_the_next() -> None:
    """Evening Star 1865: classified adverts run on under each other in one block with no whitespace between them; each
    closes on its insertion key, on its own line or after its last words, and the next line opens the next advert.
    A key alone on its line ("au 12 tf") is the advert's last line, not OCR noise."""
    rows = [("The Steamer EXPRESS will leave Baltimore every", 0.0, 0.0),
            ("Tuesday for Alexandria and Washington, and", 0.0, 0.0),
            ("return on Saturday. J. VAN RISWICK, Agent.", 0.0, 100.0), ("au 12 tf", 0.0, 450.0),
            ("DR. BARNES cures all diseases of both sexes", 0.0, 0.0),
            ("permanently and in the shortest time possible", 0.0, 0.0),
            ("at Room No. 14, Washington Building. Sep 19 lm*", 0.0, 60.0),
            ("THE PATIENTS OF DR. VELPEAU can be attended", 0.0, 0.0),
            ("at Dr. Darby's Consultation Rooms, 499 7th street.", 0.0, 0.0), ("se11 lm*", 0.0, 450.0),
            ("RAILROAD ACCIDENTS are frequent; insure with the", 0.0, 0.0)]
    arts = [a for a in articles_from_layout([_page([_block("b", 100, rows)])]) if a.kind != "furniture"]
    assert [" ".join(a.text.split()[:3]) for a in arts] == ["The Steamer EXPRESS", "DR. BARNES cures",
                                                            "THE PATIENTS OF", "RAILROAD ACCIDENTS are"]
    assert arts[0].text.rstrip().endswith("au 12 tf")


def _slices(n: int, heading_at: int) -> list[Block]:
    """A column the OCR cut into ``n`` blocks of five lines, each cut in mid-sentence; block ``heading_at`` holds the
    end of one advert ("… at lowest rates.", short), a centred head set off by a blank line and the next advert."""
    blocks, y = [], 100.0
    for n_ in range(n):
        if n_ == heading_at:
            rows = [("freight received and forwarded to all parts of", 0.0, 0.0),
                    ("the country with despatch, at lowest rates.", 0.0, 200.0),
                    ("SECRET DISEASES.", 180.0, 180.0),
                    ("Samaritan's Gift is the most certain and safe", 0.0, 0.0),
                    ("remedy for all diseases, and the only one that", 0.0, 0.0)]
            block = _block(f"s{n_}", y, rows, gaps={2: 40.0})
        else:
            rows = [(f"the steamer leaves the wharf {n_} every Monday and", 0.0, 0.0)] * 5
            block = _block(f"s{n_}", y, rows)
        assert block.box is not None
        blocks.append(block)
        y = block.box[3] + 4
    return blocks


def test_a_column_sliced_into_blocks_is_read_like_a_whole_column_block() -> None:
    """Evening Star 1865: the OCR cut every column into blocks of 10-30 lines at arbitrary heights, most in
    mid-sentence. A centred head set off by a blank line after finished copy then opens an item inside a slice as it
    would inside a block as high as the column; a page whose blocks end on finished sentences is not read so."""
    assert _items(_slices(14, 6)) == ["the steamer leaves", "Samaritan's Gift is"]
    assert _items(_slices(6, 3)) == ["the steamer leaves"]
    arts = [a for a in articles_from_layout([_page(_slices(14, 6))]) if a.kind != "furniture"]
    assert arts[1].headline == "SECRET DISEASES."


def test_a_line_reading_like_a_key_on_a_page_of_news_cuts_nothing() -> None:
    """A French report's line ending "qui l'emporte. 3-2" (a score) reads like a key in figures; one such line on a
    page whose adverts are not keyed is no advert's close: the report stays one item (review: it was cut in two)."""
    rows = [("Le match de dimanche a été disputé devant une foule", 0.0, 0.0),
            ("nombreuse ; après une lutte serrée, c'est Rennes", 0.0, 0.0),
            ("qui l'emporte. 3-2", 0.0, 300.0),
            ("et l'équipe du Stade rennais recevra Nantes le", 0.0, 0.0),
            ("dimanche suivant sur le même terrain.", 0.0, 0.0)]
    arts = [a for a in articles_from_layout([_page([_block("b", 100, rows)])]) if a.kind != "furniture"]
    assert len(arts) == 1, [a.text for a in arts]
