"""Lines added at the top of the bundled People's Daily text page (resources/samples/seed_page.txt, the real PDF text
dump) do not change how the rest of it is cut. Seen by a tester: two short lines added at the top ("新增的头条消息一
行", "再加一行说明文字") and the file imported: the section headings under them (浙江绘出干部政绩画像, 定期汇报…) read
as one paragraph with them and with the first paragraph of the body. The stack of short lines was measured as a
narrow column's lines (the headings then fit as a paragraph's first lines), and the first lines' column was taken
from a window cut short at the page's top."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.segmentation.analyze import analyze_bytes, document_json

SEED = Path(__file__).resolve().parents[2] / "resources" / "samples" / "seed_page.txt"


def _parts(text: str) -> list[tuple[str, str, str]]:
    """(article headline, role, text) of every part of the page as cut, in order."""
    doc = document_json(analyze_bytes(text.encode("utf-8"), "seed_page.txt"))
    return [(a["headline"] or "", b["role"], b["text"]) for a in doc["articles"] for b in a["blocks"]]


@pytest.mark.parametrize("added", [
    ("新增的头条消息一行", "再加一行说明文字"),  # the tester's
    ("又一条新闻的标题", "新增的头条消息一行", "再加一行说明文字"),
    ("新加的一行", "又一行"),
])
def test_the_rest_of_the_seed_page_is_cut_as_before(added: tuple[str, ...]) -> None:
    seed = SEED.read_text(encoding="utf-8")
    before = _parts(seed)
    assert ("干得好就能看得见", "section-heading", "浙江绘出干部政绩画像") in before
    after = _parts("".join(f"{line}\n\n" for line in added) + seed)
    theirs = [p for p in after if any(line in p[2] for line in added)]
    # the lines added are parts of their own, none glued to the page's words
    assert "".join(p[2] for p in theirs) == "".join(added), theirs
    assert [p for p in after if p not in theirs] == before
