"""A piece split off with no headline of its own is named by its first words, the same everywhere, marked supplied.

Reported by a tester: a piece split off with no headline was named by its first plain paragraph. Checked
(trust37) on the article "干得好就能看得见" split at its crosshead "河南专项考核重点工作": the window's list named the
piece by the paragraph under the crosshead ("2020年4月底，老丁升职了。"), the citations by the same words in
brackets, while ``search`` and ``collection show`` said "(no headline)" and the Markdown export "# (no headline)". A
researcher reads the crosshead first and knows the piece by it. Decided: an article printed with no headline is named
by the first words the reader reads of its text — a crosshead, a paragraph, a caption; not its byline, dateline or
label — in square brackets where it is listed, exported or cited ("supplied, not printed", as a catalogue supplies a
title); the window lists the same words in italics (its tooltip says they are not a printed headline).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.app.archive import Archive
from reader.library.catalogue import Library
from tests.clirun import run_in, seed_library

CROSSHEAD = "河南专项考核重点工作"
PARAGRAPH = "老丁名叫丁冬，原是河南省开封市政府办公室的二级调研员。"


cli = run_in  # broadsheet ARGS… --library LIBRARY, its stdout


@pytest.fixture
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return seed_library(capsys, tmp_path)


def split_at(capsys: pytest.CaptureFixture[str], library: Path, words: str) -> str:
    [hit] = json.loads(cli(capsys, library, "search", "--json", words))["hits"]
    article = str(hit["article"])
    parts = json.loads(cli(capsys, library, "show", "--json", article))["parts"]
    [index] = [p["index"] for p in parts if p["text"].startswith(words)]
    cli(capsys, library, "correct", "split", article, str(index))
    [hit] = json.loads(cli(capsys, library, "search", "--json", words))["hits"]
    assert hit["article"] != article and not hit["headline"]
    return str(hit["article"])


@pytest.mark.parametrize(("at", "name"), [(CROSSHEAD, f"[{CROSSHEAD}]"), (PARAGRAPH, f"[{PARAGRAPH[:20]}…]")],
                         ids=["at-a-crosshead", "at-a-paragraph"])
def test_a_headless_piece_has_one_name_in_every_listing_export_and_citation(
        at: str, name: str, library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    piece = split_at(capsys, library, at)
    listed = next(ln for ln in cli(capsys, library, "search", at).splitlines() if ln.startswith(piece + " "))
    assert listed.endswith(f"  {name}"), listed
    cli(capsys, library, "collection", "create", "C")
    cli(capsys, library, "collection", "add", "C", piece)
    assert cli(capsys, library, "collection", "show", "C").splitlines()[-1].endswith(f"  {name}")
    assert cli(capsys, library, "cite", piece).startswith(name)
    out = tmp_path / "piece.md"
    cli(capsys, library, "export", piece, "--format", "md", "-o", str(out))
    assert f"# {name}\n" in out.read_text(encoding="utf-8").replace("\\[", "[").replace("\\]", "]")
    cli(capsys, library, "export", piece, "--format", "text", "-o", str(out), "--force")
    assert out.read_text(encoding="utf-8").split("\n\n")[1] == name  # after the citation line, as a headline is
    with Library(library) as lib:
        assert Archive(lib).first_words(piece, 16) == name.strip("[]…")[:16]  # the window lists these, in italics



def test_the_windows_search_results_name_a_headless_piece_as_every_listing_does(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The window's results listed a headless piece as "(no headline)" (trust37's note): its hit now carries the
    supplied name the command line lists, in square brackets."""
    piece = split_at(capsys, library, CROSSHEAD)
    with Library(library) as lib:
        [hit] = [h for h in Archive(lib).search(CROSSHEAD).hits if h.article == piece]
    assert hit.headline == f"[{CROSSHEAD}]"
