"""The Edit annotation dialog quotes a highlight as the lists do: the words as the reader's corrections make them read.

Seen by eye (eye48): a highlight over 何以國、自民治主義, one word corrected since (主義 → 主ism): the Annotations panel
and `annotations list` quoted "…主ism", the Edit annotation dialog opened from the library's list "…主義" — the OCR's
reading, as stored.
"""

from __future__ import annotations

from pathlib import Path

from reader.annotations.store import Anchor, Annotation


def test_a_highlight_edited_from_the_library_list_is_quoted_as_read(make_window, library_dir: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    ann = Annotation(article="elsewhere", note="n", anchor=Anchor(exact="何以國、自民治主義", start=0, end=9))
    win.notes.set_source(lambda **_: [ann], headline=str, as_read=lambda found: {ann.id: "何以國、自民治主ism"})
    win.notes.refresh_library()
    win.notes.show_article([])  # the article shown does not hold it
    assert win.notes.quote_shown(ann) == "何以國、自民治主ism"
    win.notes.set_source(lambda **_: [ann], headline=str)
    win.notes.refresh_library()
    assert win.notes.quote_shown(ann) == "何以國、自民治主義"  # no correction: as stored
