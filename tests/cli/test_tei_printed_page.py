"""A TEI export names the page as it is printed, as the window, the text export and the citation do.

Seen by eye (1440×900): Kant's article in the Berlinische Monatsschrift, on the page printed 484, was exported from
the window as TEI; its title said "TEI export of one article from Berlinische Monatsschrift, 1784-12, page 1" and
its page break ``<pb n="1"/>``, while the window's status bar, the plain text export ("p. 484"), the citation and
the TEI's own ``biblScope`` and ``surface`` said 484.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from tests.clirun import run_in

DATA = Path(__file__).resolve().parents[1] / "data"
KANT = DATA / "samples" / "page" / "kant_berlinische_monatsschrift_1784"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_the_tei_title_and_page_break_give_the_printed_page(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    src, lib = tmp_path / "src", tmp_path / "lib"
    src.mkdir()
    shutil.copy(KANT / "PAGE_0020_PAGE.xml", src / "PAGE_0020_PAGE.xml")
    (src / "PAGE_0020_PAGE.xml.meta.json").write_text(
        '{"publication": "Berlinische Monatsschrift", "date": "1784-12"}', encoding="utf-8")
    run_in(capsys, lib, "import", str(src), "--quiet")
    [hit] = json.loads(run_in(capsys, lib, "search", "--json", "Finanzrath"))["hits"]
    assert (hit["page"], hit["page_label"]) == (1, "484")  # the page the file numbers 1 is printed 484
    out = tmp_path / "a.xml"
    run_in(capsys, lib, "export", "--format", "tei", "-o", str(out), hit["article"])
    root = etree.parse(str(out)).getroot()
    sub = root.findtext(".//t:titleStmt/t:title[@type='sub']", namespaces=NS)
    assert sub is not None and sub.endswith(", page 484"), sub
    [surface] = root.findall(".//t:facsimile/t:surface", NS)
    assert surface.get("n") == "484"
    assert [pb.get("n") for pb in root.findall(".//t:body//t:pb", NS)] == ["484"]
    text = tmp_path / "a.txt"
    run_in(capsys, lib, "export", "--format", "text", "-o", str(text), hit["article"])
    assert "p. 484" in text.read_text(encoding="utf-8").splitlines()[0]
