"""The Notes panel cuts a long quote, the words a note was made on and the note itself at a word's end and marks each
cut with "…"; the tooltip gives them whole.

Seen by eye (trust43): the panel cut "made on “…”" and the note at 60 characters, mid-word and with no mark — the
words read as if the note ended there.
"""

from __future__ import annotations

from reader.annotations.store import Anchor, Annotation
from reader.gui.widgets.annotations_panel import AnnotationsPanel, describe

NOTE = ("Compare the report of the Luxemburger Zeitung on the same session, which names the deputies "
        "who voted against the budget")
MADE_ON = ("Die Kammer hat in ihrer gestrigen Sitzung den Staatshaushalt für das kommende Jahr "
           "angenommen")
QUOTE = "Die Kammer hat in ihrer heutigen Sitzung den Staatshaushalt für das kommende Jahr angenommen"


def _note() -> Annotation:
    return Annotation(article="x", anchor=Anchor(0, len(QUOTE), QUOTE), note=NOTE, made_on=MADE_ON)


def test_each_cut_is_marked_at_a_words_end(qtbot) -> None:  # noqa: ANN001
    lines = describe(_note(), multiline=True).split("\n")
    quote, made_on, note = lines[:3]
    for shown, whole in ((quote, f"“{QUOTE}”"), (made_on, f"made on “{MADE_ON}”"), (note, NOTE)):
        body = shown.replace("made on ", "").strip("“”")
        assert body.endswith("…"), shown
        kept = body[:-1]
        assert whole.replace("made on ", "").strip("“”").startswith(kept), shown
        assert kept[-1:] != " " and whole.replace("made on ", "").strip("“”")[len(kept)] == " ", shown  # a word's end


def test_the_tooltip_gives_them_whole(qtbot) -> None:  # noqa: ANN001
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    long = " ".join([NOTE] * 6)  # longer than the tooltip's 400 characters were
    a = _note()
    a.note = long
    panel.show_article([a])
    item = panel.article_list.topLevelItem(0).child(0)
    tip = item.toolTip(0)
    assert QUOTE in tip and MADE_ON in tip and long in tip and "…" not in tip
    assert "…" in item.text(0)
