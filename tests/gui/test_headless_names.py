"""A piece printed with no headline is named in the window as every export and citation names it.

Seen by eye (1440×900 under openbox): the piece split off Kant's article at "aber wird nichts erfordert…" was
listed in a collection as "aber wird nichts erforde" — cut inside a word, no mark that it was cut, nothing to say
it is not a printed headline — while the collection's citations and exports named it "[aber wird nichts
erfordert…]". The export dialog offered "Current article: aber wird nichts erforde" and Edit → Undo said "Undone:
Merge articles — gewiegelt worden; ſo ſch". Each now names it by its first words in square brackets.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.clirun import run_in

DATA = Path(__file__).resolve().parents[1] / "data"
PIECE = "老丁名叫丁冬"


@pytest.fixture
def split_piece(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, str]:
    """(a library, a piece split off an article — printed with no headline —, its citation), the piece in C."""
    src, library = tmp_path / "src", tmp_path / "lib"
    src.mkdir()
    shutil.copy(DATA / "text" / "seed_page.txt", src / "seed_page.txt")
    run_in(capsys, library, "import", str(src), "--quiet")
    found = json.loads(run_in(capsys, library, "search", "--json", PIECE))["hits"][0]["article"]
    parts = json.loads(run_in(capsys, library, "show", "--json", found))["parts"]
    [index] = [p["index"] for p in parts if p["text"].startswith(PIECE)]
    run_in(capsys, library, "correct", "split", found, str(index))
    piece = json.loads(run_in(capsys, library, "search", "--json", PIECE))["hits"][0]["article"]
    run_in(capsys, library, "collection", "create", "C")
    run_in(capsys, library, "collection", "add", "C", piece)
    cited = run_in(capsys, library, "cite", "--style", "chicago", piece)
    return library, piece, cited


def _name_in(cited: str) -> str:
    """The name a Chicago citation gives the article (between its quotation marks)."""
    return cited.split("“", 1)[1].split("”", 1)[0].rstrip(".,")


def test_a_collection_lists_a_headless_piece_as_its_citation_names_it(
        split_piece: tuple[Path, str, str], make_window) -> None:  # noqa: ANN001
    library, _, cited = split_piece
    name = _name_in(cited)
    assert name.startswith(f"[{PIECE}") and name.endswith("…]"), cited
    win = make_window(library)
    win.collections.names.setCurrentRow(0)
    assert win.collections.items.item(0).text() == name


def test_the_export_dialog_and_undo_name_a_headless_piece_as_its_citation_does(
        split_piece: tuple[Path, str, str], make_window) -> None:  # noqa: ANN001
    from reader.gui.export_ui import export_context

    library, piece, cited = split_piece
    name = _name_in(cited)
    win = make_window(library)
    win.open_article(piece)
    assert export_context(win).article_title == name
    text = win.article_view.article.text
    start = text.index(PIECE)
    assert win.annotating.add_highlight(start, start + len(PIECE), note="n")
    win.undo_stack.undo()
    assert win.statusBar().currentMessage().endswith(f" — {name}"), win.statusBar().currentMessage()


def test_the_article_list_marks_first_words_cut_and_only_those(make_window, library_dir: Path) -> None:  # noqa: ANN001
    """Seen by eye: the running head of Kant's page, "( 484 )", was listed "( 484 )…" — as if more words followed
    it there; first words are marked cut only where they are."""
    win = make_window(library_dir)
    issue = next(i for i in win.archive.issues() if i.publication == "Berlinische Monatsschrift")
    win.navigation.show_issue(issue.id)
    listed = dict(win.article_list.entries())
    head = next(k for k, info in ((k, win.archive.info(k)) for k in listed) if info.kind == "furniture")
    assert win.archive.first_words(head) == "( 484 )"
    assert listed[head] == "( 484 )"
    body = next(k for k in listed if win.archive.first_words(k).startswith("gewiegelt"))
    assert listed[body] == win.archive.first_words(body)[:16] + "…"


def test_the_export_dialog_cuts_a_long_name_at_a_words_end_and_says_so(qtbot) -> None:  # noqa: ANN001
    """Seen by eye (trust41): "Current article: …" cut a long headline inside a word, unmarked, at 40 characters."""
    from reader.gui.dialogs.export_dialog import ExportContext, ExportDialog

    title = "Die Verhandlungen der Zweiten Kammer über das Budget des Innern"
    dlg = ExportDialog(None, ExportContext(article_id="a1", article_title=title))
    qtbot.addWidget(dlg)
    assert dlg.scope.itemText(0) == "Current article: Die Verhandlungen der Zweiten Kammer…"
    assert title in dlg.scope.itemData(0, 3)  # its whole name in the tip (Qt.ToolTipRole)
