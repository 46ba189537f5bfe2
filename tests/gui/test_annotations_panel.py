"""The annotations dock's lists (reader.gui.widgets.annotations_panel)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextLayout

from reader.annotations.store import Anchor, Annotation
from reader.gui.widgets.annotations_panel import AnnotationsPanel


@pytest.mark.parametrize("quote, note, tags", [("杭州", "笔记：见第三版", []), ("自己第三季度的", "a note", []),
                                              ("Amédée Renée", "Latin note", []), ("杭州", "笔记", ["城市"])])
def test_every_line_of_a_chinese_entry_is_shown_whole(qtbot, quote: str, note: str, tags: list[str]) -> None:  # noqa: ANN001
    """Seen by eye: a Chinese quote with a note and no tags showed the quote only, ending in "…". Qt paints a line
    only if the row holds it and, after it, one more line as tall (its view items assume the next line is as high as
    the last): the Chinese line is taller than the Latin note under it, and the row, measured line by line, was
    too short by that difference."""
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    a = Annotation(article="x", anchor=Anchor(0, len(quote), quote), note=note, tags=tags)
    panel.show_article([a])
    tree = panel.article_list
    group = tree.topLevelItem(0)
    item = group.child(0)
    text = item.text(0)
    assert note in text
    heights = _line_heights(text, tree.font())
    needed = max([sum(heights)] + [sum(heights[:i + 1]) + heights[i] for i in range(len(heights) - 1)])
    assert tree.visualItemRect(item).height() >= needed, (tree.visualItemRect(item), heights)


def _line_heights(text: str, font: QFont) -> list[float]:
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    layout.beginLayout()
    heights = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(10_000)
        heights.append(line.height())
    layout.endLayout()
    return heights


def test_the_library_filter_field_has_room_at_the_docks_width(make_window, library_dir) -> None:  # noqa: ANN001
    """Seen by eye: beside the tag list and "Only in search hits" the text filter was squeezed to "Fil…" in the
    dock's first width."""
    win = make_window(library_dir, size=(1440, 900))
    win.notes_dock.show()
    panel = win.notes
    panel.tabs.setCurrentIndex(1)
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    field = panel.text_filter
    assert field.width() >= field.fontMetrics().horizontalAdvance(field.placeholderText()) + 24, field.width()


def test_a_note_re_attached_to_changed_words_shows_the_words_it_was_made_on(qtbot) -> None:  # noqa: ANN001
    """A note an import re-attached to words changed in the source lists them and the words it was made on (seen by
    eye: the quote was replaced, the first words shown nowhere)."""
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    a = Annotation(article="x", anchor=Anchor(0, 6, "老丁名叫丁东"), note="N1", made_on="老丁名叫丁冬")
    panel.show_article([a])
    text = panel.article_list.topLevelItem(0).child(0).text(0)
    assert "老丁名叫丁东" in text and "老丁名叫丁冬" in text and "N1" in text


def test_a_collection_entry_merged_away_by_the_reader_says_where_it_went(qtbot) -> None:  # noqa: ANN001
    """trust37's note: a piece the reader split off and then merged into another article was listed by the window's
    Collections panel as if an import had lost it ("its file was imported again without it"); the command line says
    "(merged into X by your correction)". The panel says so too, naming the article it went into."""
    from reader.annotations.store import Collection
    from reader.gui.widgets.collections_panel import CollectionsPanel
    from reader.library.catalogue import NotFoundError

    def headline(key: str) -> str:
        if key == "root~p1.l9":
            raise NotFoundError("/lib", f"there is no article {key}")
        return {"into0000": "Where it went"}.get(key, "A headline")

    panel = CollectionsPanel()
    qtbot.addWidget(panel)
    panel.set_collections([Collection("walks", ["root~p1.l9"])], headline,
                          merged_into=lambda key: "into0000" if key == "root~p1.l9" else None)
    item = panel.items.item(0)
    assert "merged into" in item.text() and "Where it went" in item.text()
    assert "imported again" not in item.toolTip() and "your correction" in item.toolTip()
    panel.set_collections([Collection("walks", ["root~p1.l9"])], headline,
                          merged_into=lambda key: "into0000" if key == "root~p1.l9" else None,
                          merged_name=lambda key: "[老丁名叫丁冬…]" if key == "root~p1.l9" else "")
    item = panel.items.item(0)  # named by its words, as a headless piece is named everywhere; its key in the tip
    assert item.text().startswith("[老丁名叫丁冬…] — merged into") and "root~p1.l9" not in item.text()
    assert "root~p1.l9" in item.toolTip()


def test_a_collection_entry_no_longer_in_the_library_is_marked(qtbot) -> None:  # noqa: ANN001
    """Seen by eye (trust34): an entry whose article an import took away was listed by its bare id, like a
    headline-less article; the import said it once and then no more. It is marked where it is listed."""
    from reader.annotations.store import Collection
    from reader.gui.widgets.collections_panel import ROLE_ARTICLE, CollectionsPanel
    from reader.library.catalogue import NotFoundError

    def headline(key: str) -> str:
        if key == "gone0000":
            raise NotFoundError("/lib", f"there is no article {key}")
        return "A headline"

    panel = CollectionsPanel()
    qtbot.addWidget(panel)
    panel.set_collections([Collection("walks", ["here0000", "gone0000"])], headline)
    here, gone = (panel.items.item(i) for i in range(2))
    assert here.text() == "A headline"
    assert gone.data(ROLE_ARTICLE) == "gone0000"
    assert "gone0000" in gone.text() and "no longer in the library" in gone.text()
    assert "no longer in the library" in gone.toolTip()
