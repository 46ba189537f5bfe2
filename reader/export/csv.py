"""A search's hits as CSV: publication, date, page, headline, KWIC, article id, the reading the hit was found in.

Written as UTF-8 with a byte-order mark so spreadsheet programs open Chinese
text correctly; one row per hit (an article with several matches gives one row
per match), KWIC from the search's snippet or built from the match offsets.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from reader.export.items import Item, as_read, kwic
from reader.model.document import supplied_title

COLUMNS = ("publication", "date", "page", "headline", "kwic", "article", "reading")
#: what makes a spreadsheet read a cell as a formula (or split it): such a cell is written after an apostrophe
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: str) -> str:
    """``value`` as a spreadsheet shows it as text: a leading apostrophe before a cell a spreadsheet would run as a
    formula (a headline ``=HYPERLINK(…)`` imported from a hostile file; OWASP's CSV injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def safe_row(row: dict[str, str]) -> dict[str, str]:
    """:func:`as_text` of every cell."""
    return {k: as_text(v) for k, v in row.items()}


def rows(items: Sequence[Item], width: int = 30) -> list[dict[str, str]]:
    """The CSV rows as dicts, in the order of ``items``."""
    out: list[dict[str, str]] = []
    for item in items:
        # the article as the reader reads it: its OCR corrections applied, the hits' places moved onto them
        corrected = item.corrected()
        base = {
            "publication": item.publication(),
            "date": item.metadata.get("date", ""),
            "page": item.page_label(),
            # printed with none: its first words in square brackets, as the text, TEI and citations name it (the
            # column was left empty, seen by eye)
            "headline": supplied_title(corrected),
            "article": item.key,
            # the reading the hit was found in, as `search --json` says it: "corrected", "ocr", or none
            "reading": item.reading,
        }
        # the words read around each hit, in the reading it was found in: the parts in the order read, the hit's
        # places in the corrected text as the search gave them (not taken back to the OCR's and forward: a hit on
        # part of a corrected word grew), or in the OCR's text for a hit only it holds (laid on the corrected text,
        # they bracketed words that are not the query)
        found, matches = item.found_in()
        text, place = as_read(found)
        contexts = [kwic(text, *at, width) for s, e in matches
                    if 0 <= s < e <= len(found.text) and (at := place(s, e)) is not None]
        if not contexts:
            contexts = [" ".join((item.snippet or text[:2 * width]).split())]
        for ctx in contexts:
            out.append({**base, "kwic": ctx})
    return out


def export_csv(items: Sequence[Item], width: int = 30, **_: Any) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(safe_row(r) for r in rows(items, width))
    return buf.getvalue().encode("utf-8-sig")
