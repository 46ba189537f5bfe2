"""Correct → Correct OCR text… over a word a colleague corrected (a shared library): the dialog names who corrected it
and OK stores the reader's own correction, read over the colleague's (kept). Seen by the by-eye tester: the dialog
said "you corrected the OCR's …" of bob's correction, and OK answered in the Problems panel "no correction …: it is
not yours to undo" — nothing stored, what she typed lost."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest

from reader.cli.main import main
from reader.library.catalogue import Library
from reader.library.importer import import_paths
from tests.corrections.test_newest_correction_wins_shared import roles
from tests.gui.test_export_says_corrections import _export
from tests.gui.test_work import open_rmrb, select, work_dir  # noqa: F401  (work_dir: a fixture)

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_dialog_names_the_colleague_and_ok_stores_the_readers_correction_over_theirs(
        make_window, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
        capsys: pytest.CaptureFixture[str]) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(DATA / "text" / "seed_page.txt", src / "seed_page.txt")
    from reader.annotations.store import AnnotationStore
    from reader.corrections.store import CorrectionStore

    with Library.open(pg_url) as admin:
        import_paths(admin, [src])
        AnnotationStore.of(admin)
        CorrectionStore.of(admin)
        article = next(a.id for a in admin.articles() if admin.article(a.id).text.startswith("浙江绘出"))
    tag = uuid.uuid4().hex[:8]
    alice, bob = roles(pg_url, f"win_team_{tag}", f"win_alice_{tag}", f"win_bob_{tag}")
    assert main(["correct", "text", article, "0", "2", "浙江省", "--visibility", "group", "--library", bob]) == 0
    capsys.readouterr()

    win = make_window(alice)
    win.open_article(article)
    assert "浙江省绘出" in win.article_view.article.text
    # an export of it says whose correction it holds (it said "1 correction(s) of yours")
    said = _export(win, tmp_path / "a.txt")
    assert f"1 of them your colleagues' (win_bob_{tag})" in said and "of yours" not in said, said
    select(win, "浙江省")
    asked: list[tuple[str, str]] = []

    def get_text(parent: Any, title: str, label: str, *args: Any, **kwargs: Any) -> tuple[str, bool]:
        asked.append((label, kwargs.get("text", "")))
        return "浙江-WIN", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    problems = len(win.problems.messages())
    assert win.corrections.correct_ocr(), win.problems.messages()
    [(label, offered)] = asked
    assert offered == "浙江省"
    assert f"win_bob_{tag} corrected" in label and "you corrected" not in label, label
    assert win.problems.messages()[problems:] == []
    assert "浙江-WIN绘出" in win.article_view.article.text
    assert sorted((c.owner, c.data["corrected"]) for c in win.archive.corrections.find(kind="text")) == [
        (f"win_alice_{tag}", "浙江-WIN"), (f"win_bob_{tag}", "浙江省")]
    win.undo_stack.undo()  # hers taken back: bob's read again
    assert "浙江省绘出" in win.article_view.article.text
    win.undo_stack.redo()
    assert "浙江-WIN绘出" in win.article_view.article.text
    # her own corrected again: hers replaced (one of hers), bob's kept
    select(win, "浙江-WIN")
    assert win.corrections.correct_ocr("浙江-W2")
    assert sorted((c.owner, c.data["corrected"]) for c in win.archive.corrections.find(kind="text")) == [
        (f"win_alice_{tag}", "浙江-W2"), (f"win_bob_{tag}", "浙江省")]
    # the page's own letters typed over bob's: a correction of hers reading as the page prints it
    select(win, "浙江-W2")
    assert win.corrections.correct_ocr("浙江")
    assert "浙江绘出" in win.article_view.article.text
    assert [c.owner for c in win.archive.corrections.find(kind="text")] == [f"win_bob_{tag}", f"win_alice_{tag}"]


def test_a_correction_typed_and_not_stored_is_kept_on_the_clipboard(make_window, work_dir: Path,  # noqa: ANN001, F811
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """What the reader typed in the dialog is never lost: a store that fails says so and keeps it on the clipboard
    (over a corrected word, too)."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QInputDialog

    from reader.corrections import store as C

    win = make_window(work_dir)
    open_rmrb(win)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("马駿", True)))

    def refused(*_a: Any, **_k: Any) -> Any:
        raise RuntimeError("the database went away")

    for word in ("马骏", "马俊"):
        if word == "马俊":  # a corrected word, corrected again
            monkeypatch.undo()
            monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("马駿", True)))
            select(win, "马骏")
            assert win.corrections.correct_ocr("马俊")
        QGuiApplication.clipboard().setText("")
        monkeypatch.setattr(C.CorrectionStore, "add", refused)
        select(win, word)
        assert not win.corrections.correct_ocr()
        assert QGuiApplication.clipboard().text() == "马駿"
        assert "马駿" in win.problems.messages()[-1] and "clipboard" in win.problems.messages()[-1]
