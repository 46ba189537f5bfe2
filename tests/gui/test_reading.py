"""The reading view's offset maps: display scripts that change length or leave the BMP keep selections right."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.app.archive import article_converter
from reader.app.reading import Reading, reading_order
from reader.gui.widgets.article_view import WORD_JOINER, ZWSP, ArticleView
from reader.model.document import Article, Part, Span
from reader.segmentation.analyze import analyze_file
from reader.text import forms as textforms
from reader.text import linebreak
from reader.text.chars import em_width


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
    view.set_converter("t2s", partial(article_converter, "t2s"))
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
    view.set_converter("s2twp", partial(article_converter, "s2twp"))
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


# CJK line breaking (kinsoku) in both directions ------------------------------------------------------
SEED = Path(__file__).resolve().parents[1] / "data" / "text" / "seed_page.txt"
JINGBAO = (Path(__file__).resolve().parents[1] / "data" / "samples" / "chinese" / "ecpo_jingbao" / "textGT"
           / "jb_3795_1939-04-21_0002+0003.xml")


def _lines_of(view: ArticleView, k: int) -> list[str]:
    """The lines Qt set for part ``k`` of the horizontal view, as text without the inserted marks."""
    block = view.text.document().findBlockByNumber(k)
    layout = block.layout()
    text = block.text()
    return [text[layout.lineAt(n).textStart():layout.lineAt(n).textStart() + layout.lineAt(n).textLength()]
            .replace(ZWSP, "").replace(WORD_JOINER, "") for n in range(layout.lineCount())]


def test_a_quoted_phrase_no_longer_pulls_the_line_before_it_apart(qtbot) -> None:  # noqa: ANN001
    """干得好就能看得见: 《…情况表》。“重要工作”一栏 was one chunk to Qt, the line before it stretched."""
    article = next(a for a in analyze_file(SEED).articles if "重要工作" in a.text)
    view = ArticleView()
    qtbot.addWidget(view)
    view.font_family = lambda script, text: "Noto Serif CJK SC"
    view.resize(520, 900)
    view.show()
    view.set_article(article)
    k = next(k for k, sp in enumerate(view.reading.parts) if "重要工作”一栏" in sp.display)
    lines = _lines_of(view, k)
    assert "".join(lines) == view.reading.parts[k].display.replace("\n", " ")
    # no line ends short of the width because the next one starts with a quotation
    starts = [line[0] for line in lines[1:]]
    assert not any(c in linebreak.NO_START for c in starts), starts
    assert not any(line[-1] in linebreak.NO_END for line in lines[:-1])
    # every line but the first (indented) and the last is full: none was cut short and stretched
    widths = [em_width(line) for line in lines[1:-1]]
    assert min(widths) >= max(widths) - 1.5, list(zip(widths, lines[1:-1], strict=True))
    # the range 3—4条 is never cut, and copying gives the text as printed
    assert all(not line.endswith("3—") and not line.endswith("3") for line in lines)
    view.text.selectAll()
    assert view.text.createMimeDataFromSelection().text() == "\n".join(
        sp.display.replace("\n", " ") for sp in view.reading.parts)
    # selections still land on the characters they name, after the inserted marks
    at = view.reading.parts[k].display.index("一栏")
    view.select_original(view.reading.parts[k].index, at, view.reading.parts[k].index, at + 2)
    assert view.selected_text() == "一栏" and view.text.textCursor().selectedText().strip(ZWSP) == "一栏"


@pytest.mark.parametrize("source", [SEED, JINGBAO], ids=["rmrb", "jingbao"])
def test_no_vertical_column_starts_with_closing_punctuation(qtbot, source: Path) -> None:  # noqa: ANN001
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_vertical(True)
    view.show()
    checked = 0
    for height in (420, 610, 900):
        view.resize(900, height)
        for article in analyze_file(source).articles:
            view.set_article(article)
            columns: dict[float, list[tuple[float, int, int]]] = {}
            for k, i, rect, _ch, _px in view.vreader.cells:
                columns.setdefault(round(rect.x(), 1), []).append((rect.y(), k, i))
            for cells in columns.values():
                _y, k, i = min(cells)
                display = view.reading.parts[k].display
                assert display[i] not in linebreak.NO_START, (article.headline, display[max(0, i - 5):i + 5])
                _y, k, i = max(cells)
                assert display[i] not in linebreak.NO_END or i + 1 == len(display), display[i - 5:i + 5]
                checked += 1
    assert checked > 300


def test_a_datelined_byline_is_set_on_the_dateline_flush_left(qtbot) -> None:  # noqa: ANN001
    """1489处非法违法“小化工”被查: 本报北京1月26日电（记者丁怡婷）is one line under the headline, as printed."""
    article = next(a for a in analyze_file(SEED).articles if "丁怡婷" in a.text)
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(520, 700)
    view.show()
    view.set_article(article)
    roles = [sp.role for sp in view.reading.parts]
    d, b = roles.index("dateline"), roles.index("byline")
    assert b == d + 1
    doc = view.text.document()
    block = doc.findBlock(view.text._pos_of(d, 0))
    assert block == doc.findBlock(view.text._pos_of(b, 0)), "dateline and byline share a line"
    assert block.text().replace(ZWSP, "") == "本报北京1月26日电（记者丁怡婷）"
    assert not block.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
    assert block.layout().lineCount() == 1
    headline = doc.findBlock(view.text._pos_of(roles.index("headline"), 0))
    assert headline.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
    # the parts after them keep their own blocks and the offsets stay right in both
    view.select_original(view.reading.parts[b].index, 1, view.reading.parts[b].index, 3)
    assert view.selected_text() == "记者" and view.text.textCursor().selectedText() == "记者"
    assert view.selection_original() == [(view.reading.parts[b].index, 1, 3)]
    body = roles.index("paragraph")
    view.select_original(view.reading.parts[body].index, 0, view.reading.parts[body].index, 2)
    assert view.selected_text() == "记者"
    # a byline with no dateline stays centred under the headline
    feature = next(a for a in analyze_file(SEED).articles if "窦瀚洋" in a.text)
    view.set_article(feature)
    k = [sp.role for sp in view.reading.parts].index("byline")
    assert doc is not view.text.document()
    byline = view.text.document().findBlock(view.text._pos_of(k, 0))
    assert byline.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter


def test_a_chinese_paragraph_with_a_latin_word_is_set_flush_left(qtbot) -> None:  # noqa: ANN001
    """Justified, Qt letter-spaced （R e u t e r s） to fill the line; pure Chinese stays justified."""
    mixed = "还将持续一段时间。美联社（AP）和路透社（Reuters）也作了报道。世界卫生组织 WHO 表示，各国应加强合作。"
    pure = "在杭州，定期向组织报告履职情况，已成为干部工作常态。从2015年起，针对市直单位领导班子成员。"
    art = Article("a", parts=[Part("headline", "标题", [Span(0, 2, "l0", 0)]),
                              Part("paragraph", mixed, [Span(0, len(mixed), "l1", 0)]),
                              Part("paragraph", pure, [Span(0, len(pure), "l2", 0)])])
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(art)
    doc = view.text.document()
    assert doc.findBlockByNumber(1).blockFormat().alignment() & Qt.AlignmentFlag.AlignLeft
    assert doc.findBlockByNumber(2).blockFormat().alignment() & Qt.AlignmentFlag.AlignJustify


def _vertical_view(qtbot, article: Article) -> ArticleView:  # noqa: ANN001
    """``article`` read vertically in a view of 900×700."""
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.set_vertical(True)
    view.set_article(article)
    return view


def _long_vertical_article(qtbot) -> ArticleView:  # noqa: ANN001
    """The seed page's longest article read vertically in a view of 900×700: several screens of columns."""
    return _vertical_view(qtbot, max(analyze_file(SEED).articles, key=lambda a: len(a.text)))


def test_in_vertical_reading_the_byline_goes_on_down_its_datelines_column(qtbot) -> None:  # noqa: ANN001
    view = _vertical_view(qtbot, next(a for a in analyze_file(SEED).articles if "丁怡婷" in a.text))
    view._relayout_vertical()
    roles = [sp.role for sp in view.reading.parts]
    d, b = roles.index("dateline"), roles.index("byline")
    last_of_dateline = view.vreader.char_rect(d, len(view.reading.parts[d].display) - 1)
    first_of_byline = view.vreader.char_rect(b, 0)
    assert first_of_byline.x() == last_of_dateline.x()
    assert first_of_byline.y() > last_of_dateline.y()


def test_a_chinese_editors_note_is_justified_in_its_margins(qtbot) -> None:  # noqa: ANN001
    article = next(a for a in analyze_file(SEED).articles if "窦瀚洋" in a.text)
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(article)
    k = [sp.role for sp in view.reading.parts].index("editors-note")
    block = view.text.document().findBlock(view.text._pos_of(k, 0))
    assert block.blockFormat().alignment() & Qt.AlignmentFlag.AlignJustify
    assert block.blockFormat().leftMargin() > 0




def test_a_vertical_article_keeps_the_readers_column_when_the_view_is_resized(qtbot) -> None:  # noqa: ANN001
    """Seen by eye: a vertical article scrolled into its middle showed its end after the window was resized (the
    columns were laid out again for the new height and the scroll bar kept its left offset, while the reading
    runs from the right)."""
    view = _long_vertical_article(qtbot)
    view._relayout_vertical()
    bar = view.vscroll.horizontalScrollBar()
    assert bar.maximum() > 2000, "the article runs over several screens"
    bar.setValue(bar.maximum() // 2)
    top = view.place()
    assert top is not None
    for size in ((900, 500), (700, 800), (1100, 600)):
        view.resize(*size)
        qtbot.wait(10)
        view._relayout_vertical()  # what the timer does once the resizing stops
        now = view.place()
        assert now is not None and now[0] == top[0], (size, top, now)
        # the same column at the right edge: the character there is within one column of the one before
        assert abs(now[1] - top[1]) <= 60, (size, top, now)


def test_the_wheel_reads_a_vertical_article_forward(qtbot) -> None:  # noqa: ANN001
    """Seen by eye: in vertical reading the wheel turned down went nowhere at the start (the columns run right to
    left, the scroll bar's value left to right): the reader had to turn it up to read on."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = _long_vertical_article(qtbot)
    bar = view.vscroll.horizontalScrollBar()
    assert bar.value() == bar.maximum() > 0, "a vertical article opens at its start, on the right"

    def turn(down: bool) -> None:
        viewport = view.vscroll.viewport()
        at = QPointF(viewport.width() / 2, viewport.height() / 2)
        event = QWheelEvent(at, QPointF(viewport.mapToGlobal(at.toPoint())), QPoint(0, 0),
                            QPoint(0, -120 if down else 120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)

    turn(down=True)
    ahead = bar.value()
    assert ahead < bar.maximum(), "turned down, the wheel reads on (to the left)"
    turn(down=False)
    assert bar.value() > ahead, "turned up, it goes back"


def test_a_vertical_article_fits_the_views_height(qtbot) -> None:  # noqa: ANN001
    """Seen by eye: a long vertical article opened with a vertical scroll bar beside its horizontal one (its
    columns were laid out before the horizontal bar took its room), the last character of each column under it."""
    view = _long_vertical_article(qtbot)
    qtbot.wait(10)
    assert view.vscroll.horizontalScrollBar().isVisible()
    assert view.vreader.height() <= view.vscroll.viewport().height()
    lowest = max(rect.bottom() for _k, _i, rect, _c, _p in view.vreader.cells)
    assert lowest <= view.vscroll.viewport().height()


def test_the_find_bar_leaves_a_vertical_articles_columns_whole(qtbot) -> None:  # noqa: ANN001
    """Seen by eye: Ctrl+F in vertical reading took the bar's height from the view and the columns' last
    characters went under it (laid out for the taller view)."""
    view = _long_vertical_article(qtbot)
    view.open_find()
    qtbot.waitUntil(lambda: not view._relayout_timer.isActive(), timeout=2000)
    qtbot.wait(100)
    lowest = max(rect.bottom() for _k, _i, rect, _c, _p in view.vreader.cells)
    assert lowest <= view.vscroll.viewport().height()


@pytest.mark.parametrize("change", ["larger", "smaller", "script", "line height"])
@pytest.mark.parametrize("vertical", [False, True])
def test_the_reader_keeps_their_passage_through_a_change_of_display(qtbot, change: str, vertical: bool) -> None:  # noqa: ANN001
    """Seen by eye: larger or smaller text, another script or line spacing took the reader back to the article's
    first line (its first column, reading vertically)."""
    view = _long_vertical_article(qtbot)
    view.set_vertical(vertical)
    view._relayout_vertical()
    bar = view.vscroll.horizontalScrollBar() if vertical else view.text.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top = view.place()
    assert top is not None and top[0] > 1
    before = view.to_original((top[0], top[1], top[1]))
    if change == "larger":
        view.set_font_size(view.font_size + 3)
    elif change == "smaller":
        view.set_font_size(view.font_size - 3)
    elif change == "script":
        view.set_converter("s2twp", partial(article_converter, "s2twp"))
    else:
        view.set_line_height(220)
    now = view.place()
    assert now is not None
    after = view.to_original((now[0], now[1], now[1]))
    assert after[0] == before[0] and abs(after[1] - before[1]) <= 60, (change, before, after)


def _stacked_headline() -> Article:
    """A Jing bao headline and three decks, one column each, as ECPO gives them (1939-04-21, 英法通知蘇聯)."""
    decks = ["締結三强協定", "蘇召各使回國傳將有新動作", "英與土耳其反侵略談判完成"]
    spans, pos = [], 0
    for n, deck in enumerate(decks):
        spans.append(Span(pos, pos + len(deck), f"c{n + 2}", 0))
        pos += len(deck)
    body = "（巴黎廿日美聯電）今日據悉、英法二國、已通知蘇聯、表示願締結一三强軍事互助協定云、"
    return Article("a", parts=[Part("headline", "英法通知蘇聯", [Span(0, 6, "c1", 0)]),
                               Part("subheadline", "".join(decks), spans),
                               Part("paragraph", body, [Span(0, len(body), "c5", 0)])])


def test_stacked_decks_are_shown_one_to_a_line(qtbot) -> None:  # noqa: ANN001
    """Seen by eye: a headline's decks set one to a column ran together into one string ("…協定蘇召各使…"), read
    as one sentence. Each column of a headline is shown on its own line (its own column, reading vertically);
    the text, its search and its offsets are unchanged."""
    article = _stacked_headline()
    reading = Reading.build(article, columns=True)
    deck = reading.shown(1)
    assert deck is not None
    assert deck.display == "締結三强協定\u2028蘇召各使回國傳將有新動作\u2028英與土耳其反侵略談判完成"
    assert deck.part.text == "締結三强協定蘇召各使回國傳將有新動作英與土耳其反侵略談判完成"
    s, e = deck.display_range(4, 8)  # 協定蘇召: across the break
    assert deck.display[s:e] == "協定\u2028蘇召" and deck.original_range(s, e) == (4, 8)
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.set_in_columns = True  # its page was set in columns (ECPO): the window says so from the page
    view.set_article(article)
    view.select_original(1, 4, 1, 8)
    assert view.selection_original() == [(1, 4, 8)]
    assert view.selected_text() == "協定\n蘇召"
    assert view.find_text("協定蘇召") == 1 and view.found == [(1, 4, 8)], "found across the line kept"
    view.close_find()
    block = view.text.document().findBlock(view.text._blocks[1])
    assert block.layout().lineCount() == 3, "one deck a line"
    view.set_vertical(True)
    view._relayout_vertical()
    x_of = {i: rect.x() for k, i, rect, _c, _p in view.vreader.cells if k == 1}  # by display offset
    assert len({x_of[0], x_of[7], x_of[20]}) == 3, "one deck a column"
    assert "\u2028" not in [c for k, _i, _r, c, _p in view.vreader.cells if k == 1], "the separator is not drawn"
    assert view.selection_original() == [(1, 4, 8)]



def test_a_text_dumps_wrapped_headline_reads_on_one_line() -> None:
    """A PDF text dump breaks a long headline at its column's width (定期汇报、“季报五访”掌 | 握干部干事成效): its
    lines are one phrase, shown as one."""
    article = _stacked_headline()
    assert "\u2028" not in Reading.build(article).shown(1).display



def test_a_short_vertical_view_can_still_reach_the_foot_of_its_columns(qtbot) -> None:  # noqa: ANN001
    """Review: columns are never laid out shorter than 200 px; in a shorter view their feet were out of reach (the
    vertical scroll bar had been turned off)."""
    view = _long_vertical_article(qtbot)
    view.resize(600, 150)
    qtbot.wait(10)
    view._relayout_vertical()
    lowest = max(rect.bottom() for _k, _i, rect, _c, _p in view.vreader.cells)
    viewport = view.vscroll.viewport().height()
    bar = view.vscroll.verticalScrollBar()
    assert lowest <= viewport + bar.maximum(), (lowest, viewport, bar.maximum())



def test_copied_text_keeps_its_paragraph_breaks(qtbot) -> None:  # noqa: ANN001
    """Seen by eye: a copied quotation ran two paragraphs together ("für dieDappenthal.", "進步、（土耳其…")."""
    view = _long_vertical_article(qtbot)
    view.set_vertical(False)
    k = next(k for k, sp in enumerate(view.reading.parts) if k and sp.role == "paragraph"
             and view.reading.parts[k - 1].role == "paragraph")
    a, b = view.reading.parts[k - 1], view.reading.parts[k]
    view.select_original(a.index, len(a.part.text) - 3, b.index, 3)
    assert view.selected_text() == a.display[-3:] + "\n" + b.display[:3]


@pytest.mark.parametrize("vertical", [False, True])
def test_changes_back_and_forth_come_back_to_the_same_place(qtbot, vertical: bool) -> None:  # noqa: ANN001
    """Seen by eye: two Ctrl+] and three Ctrl+[ left the passage read two lines lower; a window shrunk and grown
    back, a column further on (each change took the start of the line or column now at the top)."""
    view = _long_vertical_article(qtbot)
    view.set_vertical(vertical)
    view._relayout_vertical()
    qtbot.wait(20)  # laid out, as when the reader scrolls
    bar = view.vscroll.horizontalScrollBar() if vertical else view.text.verticalScrollBar()
    bar.setValue(bar.maximum() * 2 // 5)
    start = view._original_place()
    for size in (view.font_size + 2, view.font_size + 4, view.font_size + 1, view.font_size - 1, view.font_size):
        view.set_font_size(size)
    for width, height in ((900, 520), (700, 800), (900, 700)):
        view.resize(width, height)
        qtbot.wait(10)
        view._relayout_vertical()
        view.text.resize(view.text.width(), view.text.height())
    now = view._original_place()
    assert now is not None and start is not None and now[:2] == start[:2], (start, now)



def test_a_vertical_article_read_from_its_start_opens_horizontally_at_its_start(qtbot) -> None:  # noqa: ANN001
    """Seen by eye: switched to horizontal at the start of a vertical article, the view opened past its headline (a
    centred headline's top is below the view's corner: the next column's character was taken for the place)."""
    view = _long_vertical_article(qtbot)
    view._relayout_vertical()
    view.vreader.scroll_to_start()
    first = view.reading.parts[0]
    assert first.role in ("column-label", "kicker", "headline") and len(view.reading.parts) > 3
    top = view.place()
    assert top is not None and top[:2] == (0, 0), top
    view.set_vertical(False)
    assert view.text.verticalScrollBar().value() == 0, "the headline in view"


def test_a_traditional_source_keeps_its_characters_in_a_traditional_script(make_window, library_dir: Path) -> None:  # noqa: ANN001
    """Seen by eye: 繁體/臺灣/香港 read every source as simplified (OpenCC s2t…): the Jing bao's 云 became 雲
    ("協定雲"), 咸 鹹, 余叔岩 餘叔巖 — characters the page does not print. A traditional source is shown as printed
    in 繁體, with its regional forms in 臺灣/香港; a simplified one is still converted."""
    win = make_window(library_dir)
    archive = win.archive
    infos = archive.library.articles()
    trad = next(i.id for i in infos if "云" in (t := archive.article(i.id).text) and textforms.is_traditional(t))
    simp = next(i.id for i in infos if "发" in (t := archive.article(i.id).text) and not textforms.is_traditional(t))
    for config in ("s2t", "s2tw", "s2hk"):
        win.display.set_script(config)
        win.open_article(trad)
        shown = "".join(sp.display for sp in win.article_view.reading.parts)
        original = "".join(p.text for p in archive.article(trad).parts)
        assert shown.count("云") == original.count("云") and "雲" not in shown.replace("雲", "", original.count("雲"))
        win.open_article(simp)
        assert "發" in "".join(sp.display for sp in win.article_view.reading.parts), "a simplified source converted"
    win.display.set_script("s2t")
    win.open_article(trad)
    shown = "".join(sp.display for sp in win.article_view.reading.parts)
    printed = Reading.build(archive.article(trad), columns=win.article_view.set_in_columns)
    assert shown == "".join(sp.display for sp in printed.parts), "繁體: as printed"


class _NoWholeScan(list):  # type: ignore[type-arg]
    """The cells of a vertical view, refusing to be walked whole: a pointer event or a paint that looks at every
    character of a long article costs its length each time (a 3.8 M-character article took 35 s to open)."""

    def __iter__(self):  # type: ignore[no-untyped-def]
        raise AssertionError("every cell walked")


def test_the_pointer_finds_its_character_in_vertical_columns_without_walking_every_cell(qtbot) -> None:  # noqa: ANN001
    """The character under the pointer, or the one nearest it (by the distance to its centre, across the columns
    — between them, past a short column's foot, beyond the first or the last), is the one a walk of every cell
    finds, found through the columns' places instead; the tooltip's and the paint's look-ups likewise."""
    import random

    from PySide6.QtCore import QPointF, QRect

    view = _long_vertical_article(qtbot)
    view._relayout_vertical()
    reader = view.vreader
    cells = list(reader.cells)

    def walked(pos: QPointF) -> int | None:
        best, dist = None, float("inf")
        for n, (_, _, rect, _, _) in enumerate(cells):
            if rect.contains(pos):
                return n
            d = (rect.center() - pos).manhattanLength()
            if d < dist:
                best, dist = n, d
        return best

    rng = random.Random(4)
    width, height = reader.width(), reader.height()
    points = [QPointF(rng.uniform(-50, width + 50), rng.uniform(-50, height + 50)) for _ in range(400)]
    points += [cells[n][2].center() for n in rng.sample(range(len(cells)), 50)]
    points += [cells[n][2].bottomLeft() + QPointF(0.5, 3) for n in rng.sample(range(len(cells)), 50)]
    want = [walked(p) for p in points]
    reader.cells = _NoWholeScan(cells)
    assert [reader._index_at(p) for p in points] == want
    assert [reader._cell_containing(p) for p in points] == [
        n if n is not None and cells[n][2].contains(p) else None for n, p in zip(want, points, strict=True)]
    reader.anchor, reader.caret = 3, 40
    painted = []
    real = reader.paintEvent
    reader.paintEvent = lambda event: painted.append(real(event))  # type: ignore[method-assign]
    reader.grab(QRect(0, 0, 300, height))  # a paint of some columns looks at theirs only
    assert painted
