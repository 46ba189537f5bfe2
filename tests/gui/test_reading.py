"""The reading view's offset maps: display scripts that change length or leave the BMP keep selections right."""

from __future__ import annotations

from reader.app.archive import converter
from reader.app.reading import Reading, reading_order
from reader.gui.widgets.article_view import ArticleView
from reader.model.document import Article, Part, Span
from reader.text import forms as textforms


def _article(text: str, role: str = "paragraph") -> Article:
    spans = [Span(0, len(text), "l1", 0)]
    return Article("a", parts=[Part("headline", "標題", [Span(0, 2, "l0", 0)]), Part(role, text, spans)])


def test_an_astral_character_in_the_display_text_keeps_qt_offsets_right(qtbot) -> None:  # noqa: ANN001
    text = "金鍒之後是發展經濟"
    shown, _ = textforms.display(text, "t2s")
    assert any(ord(c) > 0xFFFF for c in shown), "t2s maps 鍒 out of the BMP"
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(_article(text))
    view.set_converter("t2s", converter("t2s"))
    view.select_original(1, 5, 1, 7)  # 發展, after the astral character
    assert view.selected_text() == "发展"
    assert view.selection_original() == [(1, 5, 7)]
    assert view.text.textCursor().selectedText() == "发展"


def test_phrase_conversion_changes_length_and_the_selection_still_lands(qtbot) -> None:  # noqa: ANN001
    text = "我们用鼠标和软件"
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(_article(text))
    view.select_original(1, 3, 1, 5)  # 鼠标
    view.set_converter("s2twp", converter("s2twp"))
    display = view.reading.parts[1].display
    assert display != textforms.display(text, "s2tw")[0], "the phrase configuration changed words"
    assert view.selection_original() == [(1, 3, 5)]
    assert view.selected_text() in display and view.selected_text()


def test_the_headline_group_is_shown_first_whatever_the_page_order() -> None:
    art = Article("a", parts=[Part("paragraph", "正文"), Part("byline", "記者"), Part("kicker", "引題"),
                              Part("headline", "主題")])
    assert reading_order(art) == [2, 3, 1, 0]
    reading = Reading.build(art)
    assert [sp.role for sp in reading.parts] == ["kicker", "headline", "byline", "paragraph"]
    # hits come in Article.text offsets, parts joined by a blank line
    assert reading.split_article_range(art.text.index("記者"), art.text.index("記者") + 2) == [(1, 0, 2)]
