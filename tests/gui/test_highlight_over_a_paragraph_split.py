"""A highlight the reader splits a paragraph in stays on both halves in the window: after "Split paragraph at the
cursor" between "und" and "Ultramontanen" in a highlight over "Regierung und Ultramontanen" (with a note), the
green highlight was gone and the Annotations panel listed it under "Orphaned (text not found)" though its words
were on screen (seen by eye; Ctrl+Z brought it back)."""

from __future__ import annotations

import shutil
from pathlib import Path

QUOTE = "阶段性梳理是件好事"
CUT = "梳理"


def test_a_highlight_split_by_a_paragraph_split_is_drawn_on_both_halves(make_window, library_dir: Path,  # noqa: ANN001
                                                                        tmp_path: Path) -> None:
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    archive = win.archive
    [key] = [i.id for i in archive.library.articles() if QUOTE in archive.article(i.id).text]
    win.open_article(key)
    view = win.article_view
    win.article_view.set_vertical(False)
    start = view.article.text.index(QUOTE)
    assert win.annotating.add_highlight(start, start + len(QUOTE), note="a note")
    [ann] = [a for a in archive.annotations.find() if a.note == "a note"]

    def drawn() -> list[str]:
        art = view.article
        return [art.parts[p].text[s:e] for (p, s, e), aid in view.highlights if aid == ann.id]

    assert drawn() == [QUOTE]
    at = view.article.text.index(CUT, start)
    view.select_in_text(at, at)
    assert win.corrections.correct_split_paragraph()
    assert any(p.text.startswith(CUT) for p in view.article.parts)
    assert drawn() == ["阶段性", "梳理是件好事"], "drawn on both halves"
    assert ann.id not in win.notes.orphan_ids(), "not listed as orphaned"
    win.undo_stack.undo()
    assert drawn() == [QUOTE]
