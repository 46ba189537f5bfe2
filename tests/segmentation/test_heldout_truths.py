"""The held-out truths (tests/data/heldout/) are well-formed and quote their files.

These pages were never used to tune the segmenter; benchmarks/bench_segmentation.py --data tests/data/heldout
measures it on them. No floor is asserted here on purpose: a held-out set stops being held out once rules are
tuned to pass it. What is checked is the truth itself: its fields and kinds, and that every ``first``/``last``
string occurs in the file's own text, extracted here independently of Broadsheet's readers (whitespace and
hyphens ignored, as the benchmark compares).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from lxml import etree

from reader.formats import safexml

DATA = Path(__file__).resolve().parents[1] / "data"
#: the first held-out set (now used for tuning) and the second, written after it (issue 15)
HELDOUT_SETS = (DATA / "heldout", DATA / "heldout2")
HELDOUT = HELDOUT_SETS[0]
KINDS = {"article", "advertisement", "notice", "photo", "furniture"}
_STRIP = re.compile(r"[\s\-\u00ad\u2e17\u00ac]+")
TRUTHS = sorted(t for d in HELDOUT_SETS for t in d.rglob("*.truth.json"))


def _norm(text: str) -> str:
    return _STRIP.sub("", unicodedata.normalize("NFC", text))


def _alto_text(root: etree._Element) -> str:
    words = []
    for s in safexml.iter_local(root, "String"):
        subs = s.get("SUBS_TYPE")
        if subs == "HypPart2":
            continue
        words.append(s.get("SUBS_CONTENT") if subs == "HypPart1" and s.get("SUBS_CONTENT") else s.get("CONTENT", ""))
    return " ".join(w or "" for w in words)


def _page_text(root: etree._Element) -> str:
    """Line-level TextEquiv of every TextLine, in document order."""
    out = []
    for line in safexml.iter_local(root, "TextLine"):
        equiv = safexml.child(line, "TextEquiv")
        uni = safexml.child(equiv, "Unicode") if equiv is not None else None
        out.append(uni.text or "" if uni is not None else "")
    return " ".join(out)


def _ecpo_text(root: etree._Element) -> str:
    """All character data; the gaiji entity (a glyph the transcriber could not give) read as 〓.

    Comments are kept: ECPO transcribes the copy of some adverts inside them, and Broadsheet shows it as text.
    """
    parts = []
    for node in root.iter():
        if isinstance(node, etree._Entity):
            parts.append("〓")
        elif isinstance(node, etree._Comment):
            parts.append(node.text or "")
        elif isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        if node.tail and node is not root:
            parts.append(node.tail)
    return "".join(parts).replace("\ue111", "〓")


def _hocr_text(root: etree._Element) -> str:
    words = [el for el in root.iter() if isinstance(el.tag, str) and "ocrx_word" in (el.get("class") or "")]
    return " ".join("".join(w.itertext()) for w in words)


def file_text(path: Path) -> str:
    root = safexml.parse(path.read_bytes(), path, keep_comments=True)
    name = safexml.local(root.tag)
    readers = {"alto": _alto_text, "PcGts": _page_text, "fold": _ecpo_text, "html": _hocr_text}
    assert name in readers, f"{path.name}: no text extraction for root <{name}>"
    return readers[name](root)


def _set_of(truth_path: Path) -> Path:
    """The held-out folder a truth belongs to (its `source` is relative to it)."""
    return next(d for d in HELDOUT_SETS if d in truth_path.parents)


def test_the_heldout_set_has_pages_of_several_sources() -> None:
    sources = {t.relative_to(HELDOUT).parts[0] for t in TRUTHS if _set_of(t) == HELDOUT}
    assert len(sources) >= 2, sources


def test_the_second_heldout_set_has_fifteen_page_sides_of_seven_sources() -> None:
    """heldout2 (issue 15): 15 printed page sides from 7 sources (the brief asked for at least 10 from 6)."""
    truths = [t for t in TRUTHS if _set_of(t) == HELDOUT_SETS[1]]
    sources = {t.relative_to(HELDOUT_SETS[1]).parts[0] for t in truths}
    sides = sum(json.loads(t.read_text(encoding="utf-8")).get("pages_in_file", 1) for t in truths)
    assert sides >= 15 and len(sources) >= 7, (sides, sources)


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: f"{p.parents[1].name}/{p.name}")
def test_heldout_truth_is_well_formed_and_quotes_its_file(truth_path: Path) -> None:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert truth_path.name == Path(truth["source"]).name + ".truth.json"
    source = _set_of(truth_path) / truth["source"]
    assert source.is_file() and source.stat().st_size < 1_500_000
    text = _norm(file_text(source))
    items = truth["articles"]
    assert any(a["kind"] != "furniture" for a in items)
    missing = []
    for a in items:
        assert a["kind"] in KINDS, a
        assert a["first"] and a["last"], a
        for key in ("first", "last", "headline"):
            if a.get(key) and _norm(a[key]) not in text:
                missing.append((key, a[key]))
    assert not missing, missing
    firsts = [_norm(a["first"]) for a in items if a["kind"] != "furniture"]
    assert len(firsts) == len(set(firsts)), "two items start alike: the benchmark could not tell them apart"


def test_the_extraction_sees_a_missing_string() -> None:
    """The check above can fail: a string not on the page is not found."""
    truth = json.loads(TRUTHS[0].read_text(encoding="utf-8"))
    text = _norm(file_text(HELDOUT / truth["source"]))
    assert _norm(truth["articles"][1]["first"]) in text
    assert _norm("this sentence is on no page of the set") not in text
