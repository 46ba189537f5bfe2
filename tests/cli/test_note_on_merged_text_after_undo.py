"""A highlight made on the words of an article merged into another stays with those words when the merge is undone.

Found using the shared library (trust38): alice merged "Frankfurter Postzeitung" into "Kölnische Zeitung" for the
group, bob highlighted "Torte Coustitutio" in the merged text, alice undid the merge — and `annotations list` filed
bob's highlight, "attached", under "Kölnische Zeitung", whose text no longer holds those words (a folder library does
the same with the reader's own undo). The highlight is stored on the article that holds its words in the library;
the reader's reading files it under the merged article while the merge stands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app.samples import samples_folder
from reader.cli.main import main

QUOTE = "Torte Coustitutio"


def cli(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> str:
    capsys.readouterr()
    status = main([*args, "--library", str(library)])
    out = capsys.readouterr()
    assert status == 0, (args, out.err)
    return out.out + out.err


def test_a_highlight_on_merged_words_follows_them_when_the_merge_is_undone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lib = tmp_path / "lib"
    cli(capsys, lib, "import", "--quiet", str(samples_folder() / "luxemburger_zeitung_1858-12-07"))
    [(first, _), (second, _)] = [(line.split()[0], line) for line in cli(
        capsys, lib, "search", "Kölnische Zeitung OR Frankfurter Postzeitung").splitlines()[1:]
        if line.startswith("a") and ("Kölnische Zeitung." in line or "Frankfurter Postzeitung" in line)]
    if QUOTE in cli(capsys, lib, "show", first):
        first, second = second, first
    cli(capsys, lib, "correct", "merge", first, second)
    note = cli(capsys, lib, "annotations", "add", first, "--quote", QUOTE, "--note", "on merged words").strip()
    assert cli(capsys, lib, "annotations", "list").split()[:2] == [note, first]  # filed under the merged article
    cli(capsys, lib, "correct", "undo", "--article", first)
    listed = cli(capsys, lib, "annotations", "list").split()
    assert listed[:3] == [note, second, "attached"], listed
    assert note in cli(capsys, lib, "annotations", "list", "--article", second)

