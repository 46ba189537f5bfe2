"""The window names the reader's notes and articles in words in the Problems panel; the command line keeps the ids.

Seen by eye (eye49): after a source was edited and imported again, Problems said "annotation 7753a7e2-5204-… on
'return' is now on article a309080931aa490e: its words went there from article a9ddfc72886f479e".
"""

from __future__ import annotations

from reader.annotations.store import Anchor, Annotation, Attachment, Reattached
from reader.app.work import WorkReport


def _report() -> WorkReport:
    note = Annotation(article="a309080931aa490e", note="Compare the strike of 1889 with this one",
                      anchor=Anchor(start=3, end=9, exact="return"))
    moved = Reattached(note, "a309080931aa490e", Attachment(3, 9, "quote", 1.0), was="a9ddfc72886f479e")
    gone = Reattached(Annotation(article="x", anchor=Anchor(start=0, end=4, exact="Kant")), None, None)
    return WorkReport(annotations_moved=[moved], annotations_orphaned=[gone])


def test_the_window_names_notes_and_articles_in_words() -> None:
    names = {"a309080931aa490e": "“Strike” (a309080931aa490e)", "a9ddfc72886f479e": "“Labour news” (a9ddfc72886f479e)"}
    orphaned, moved = _report().lines(named=lambda key: names.get(key, key))
    assert moved == ("your note “Compare the strike of 1889 with this one” on 'return' is now on article “Strike” "
                     "(a309080931aa490e): its words went there from article “Labour news” (a9ddfc72886f479e)")
    assert orphaned.startswith("your highlight is orphaned: its passage 'Kant' was not found again")


def test_the_command_line_keeps_the_ids() -> None:
    report = _report()
    orphaned, moved = report.lines()
    note = report.annotations_moved[0].annotation
    assert moved == (f"annotation {note.id} on 'return' is now on article a309080931aa490e: its words went there "
                     "from article a9ddfc72886f479e")
    assert orphaned.startswith(f"annotation {report.annotations_orphaned[0].annotation.id} is orphaned")
