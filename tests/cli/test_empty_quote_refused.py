"""A highlight asked for with an empty ``--quote`` is refused, not stored as a note on the whole article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from tests.cli.test_headless_piece_named import PARAGRAPH, cli, library  # noqa: F401 (the library fixture)


def test_an_empty_quote_is_refused_not_taken_for_a_note_on_the_whole_article(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811 (the fixture)
    """Found using it (trust37): ``annotations add A --quote ""`` (a shell variable left empty) stored a note on the
    whole article, exit 0 — not the highlight asked for. Refused in one sentence, exit 2, nothing stored."""
    [hit] = json.loads(cli(capsys, library, "search", "--json", PARAGRAPH))["hits"]
    for quote in ("", "  "):
        capsys.readouterr()
        assert main(["annotations", "add", str(hit["article"]), "--quote", quote, "--note", "n",
                     "--library", str(library)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "--quote" in err, err
    assert json.loads(cli(capsys, library, "annotations", "list", "--json")) == []
