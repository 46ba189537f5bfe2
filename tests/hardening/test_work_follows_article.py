"""The researcher's work follows the article through edited re-imports, or says that it cannot (issue 13).

A plain-text page (the People's Daily seed page) is imported; highlights with notes, a headline
correction and an OCR correction are made on several articles through the command line; then the
source is edited the ways sources really change — an article deleted, one inserted above, two
swapped, an OCR error fixed in the file — and re-imported after each edit. After every import each
highlight is on an article whose text holds its quote (attached or re-anchored) or is listed as
orphaned, never on another article; the headline correction stays on its article; the OCR correction
is stale only when its text is really gone. The figures are printed (``-s`` shows them).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from reader.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "text" / "seed_page.txt"

#: Article by a distinctive phrase of its body → the passage highlighted in it.
PASSAGES = {
    "小化工": "截至目前，全国各地共查处各类非法违法",
    "李伟": "从最高人民检察院获悉",
    "网络犯罪": "最高人民检察院日",
    "黑广播": "加强源头治理",
}
NEW_HEADLINE = "检察机关通报（更正标题）"


def cli(library: Path, *args: str) -> str:
    """``broadsheet ARGS… --library LIBRARY`` run in this process (its stdout): the many questions asked of the
    library between imports; each re-import after an edit runs as a process of its own, as a researcher runs it."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main([*args, "--library", str(library)])
    assert status == 0, (args, err.getvalue()[-2000:])
    return out.getvalue()


def article_of(library: Path, phrase: str) -> str | None:
    hits = json.loads(cli(library, "search", f'"{phrase}"', "--json"))["hits"]
    assert len(hits) <= 1, (phrase, hits)
    return hits[0]["article"] if hits else None


def article_text(library: Path, article: str) -> str:
    data = json.loads(cli(library, "show", article, "--json"))
    return "\n\n".join(p["text"] for p in data["parts"])


def headline(library: Path, article: str) -> str | None:
    return json.loads(cli(library, "show", article, "--json")).get("headline")


def article_lines(source: Path) -> dict[str, list[int]]:
    """Line numbers (1-based) of each article of the original page, by its phrase."""
    exe = Path(sys.executable).with_name("broadsheet")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "reader"]
    doc = json.loads(subprocess.run(cmd + ["analyze", "--json", str(source)], capture_output=True, text=True,
                                    check=True).stdout)
    out: dict[str, list[int]] = {}
    for art in doc["articles"]:
        text = "\n".join(b["text"] for b in art["blocks"])
        lines = sorted({int(lid.rsplit(".l", 1)[1]) for b in art["blocks"] for lid in b["lines"]})
        for phrase in PASSAGES:
            if phrase in text.replace(" ", ""):
                out.setdefault(phrase, lines)
    return out


def edit_lines(path: Path, change: Callable[[list[str]], list[str]]) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(change(lines)), encoding="utf-8")


def delete_range(first: int, last: int) -> Callable[[list[str]], list[str]]:
    return lambda lines: lines[: first - 1] + lines[last:]


def check(library: Path, notes: dict[str, str], tally: Counter[str], label: str) -> None:
    """Every highlight sits on an article holding its quote, or is orphaned; count which."""
    listed = json.loads(cli(library, "annotations", "list", "--json"))
    by_id = {a["id"]: a for a in listed}
    for phrase, ann_id in notes.items():
        ann = by_id[ann_id]
        quote = PASSAGES[phrase]
        if ann["status"] == "orphaned":
            tally[f"{label}: orphaned"] += 1
            assert article_of(library, quote) is None, f"{phrase}: orphaned although its text is still there"
            continue
        text = article_text(library, ann["article"]).replace(" ", "")
        assert quote in text, f"{label}: the note on {phrase!r} now sits on an article without its passage"
        tally[f"{label}: {'attached' if ann['status'] == 'attached' else 're-anchored'}"] += 1


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "src" / "人民日报" / "2021-01-27"
    folder.mkdir(parents=True)
    source = folder / "01.txt"
    source.write_bytes(SEED.read_bytes())
    return source, tmp_path / "lib"


def test_notes_and_corrections_follow_their_articles_through_edits(workspace: tuple[Path, Path]) -> None:
    source, lib = workspace
    spans = article_lines(source)
    assert set(spans) == set(PASSAGES), spans
    cli(lib, "import", "--quiet", str(source))
    notes: dict[str, str] = {}
    for phrase, quote in PASSAGES.items():
        art = article_of(lib, phrase)
        assert art is not None, phrase
        cli(lib, "annotations", "add", art, "--quote", quote, "--note", f"note on {phrase}")
    for ann in json.loads(cli(lib, "annotations", "list", "--json")):
        phrase = ann["note"].removeprefix("note on ")
        notes[phrase] = ann["id"]
    assert set(notes) == set(PASSAGES)
    target = article_of(lib, "网络犯罪")
    assert target is not None
    cli(lib, "correct", "headline", target, "--text", NEW_HEADLINE)
    assert headline(lib, target) == NEW_HEADLINE

    tally: Counter[str] = Counter()
    first, last = spans["黑广播"][0], spans["黑广播"][-1]
    steps: Sequence[tuple[str, Callable[[list[str]], list[str]]]] = [
        ("article deleted", delete_range(first, last)),
        ("article inserted above", lambda lines: ["国际简讯", "", "本报讯 联合国大会今天举行会议。", ""] + lines),
        ("OCR fixed elsewhere", lambda lines: [ln.replace("通报当前", "通报了当前") for ln in lines]),
    ]
    for label, change in steps:
        edit_lines(source, change)
        exe = Path(sys.executable).with_name("broadsheet")
        env = {**os.environ, "BROADSHEET_LIBRARY": str(lib), "PYTHONIOENCODING": "utf-8"}
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "reader"]
        proc = subprocess.run(cmd + ["import", "--quiet", str(source)], capture_output=True, text=True, env=env,
                              timeout=120)
        assert proc.returncode == 0, proc.stderr
        work = [ln for ln in proc.stderr.splitlines() if "your work:" in ln]
        assert work and "0 stale" in work[0] and "3 annotation(s) in place" in work[0], proc.stderr
        print(f"\n{label}: {work[0]}")
        check(lib, notes, tally, label)
        moved = article_of(lib, "网络犯罪")
        assert moved is not None
        assert headline(lib, moved) == NEW_HEADLINE, f"{label}: the headline correction left its article"
        others = [a for a in (article_of(lib, p) for p in PASSAGES if p != "网络犯罪") if a]
        assert all(headline(lib, a) != NEW_HEADLINE for a in others), f"{label}: the headline moved"
    print("\nre-anchoring after edited re-imports:", dict(tally))
    assert not any(k.endswith("wrong") for k in tally)


def test_a_correction_never_lands_on_another_page_of_the_issue(tmp_path: Path) -> None:
    """Two plain-text pages of one issue share line ids (p1.l5 in 01.txt and in 02.txt): a headline set on
    page 2's article stays there, whatever page 1 holds at the same line numbers."""
    folder = tmp_path / "src" / "人民日报" / "2021-01-27"
    folder.mkdir(parents=True)
    page = SEED.read_text(encoding="utf-8")
    (folder / "01.txt").write_text(page, encoding="utf-8")
    (folder / "02.txt").write_text(page.replace("小化工", "小煤矿"), encoding="utf-8")
    lib = tmp_path / "lib"
    cli(lib, "import", "--quiet", str(folder))
    hits = json.loads(cli(lib, "search", "非法违法", "--json"))["hits"]
    by_headline = {h["headline"]: h["article"] for h in hits}
    first, second = by_headline["1489处非法违法“小化工”被查"], by_headline["1489处非法违法“小煤矿”被查"]
    assert first != second
    before = headline(lib, first)
    parts = json.loads(cli(lib, "show", second, "--json"))["parts"]
    k = next(i for i, p in enumerate(parts) if p["role"] == "paragraph")
    # show lists the parts in the reading order, each with its index (the PART of `correct`)
    cli(lib, "correct", "headline", second, "--part", str(parts[k]["index"]))  # named by its line: p1.l… in both files
    assert headline(lib, second) == parts[k]["text"]
    assert headline(lib, first) == before
