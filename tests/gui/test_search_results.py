"""The search panel's results: every term of a boolean query marked, pages past the first, a sort, the
library's own date range in the date fields, one click opens (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.gui import search_ui
from reader.gui.mainwindow import MainWindow
from reader.gui.widgets import search_panel
from reader.library.catalogue import Library
from reader.search.engine import Match, Searcher, SearchOptions
from reader.text.forms import fold_text


def _search(win: MainWindow, qtbot, text: str) -> None:  # noqa: ANN001
    win.searching.focus_search()
    win.search.field.setText(text)
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    assert win.search.results is not None, win.search.count.text()


def test_every_term_of_a_boolean_query_is_marked_in_the_snippet(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    _search(win, qtbot, "考核 AND 疫情")
    hits = win.search.results.hits
    assert hits
    for hit in hits:
        marked = {fold_text(hit.snippet[s:e]) for s, e in hit.snippet_matches}
        assert {"考核", "疫情"} <= marked, (hit.snippet, marked)


def test_a_one_term_snippet_marks_every_occurrence_it_shows(library_dir: Path) -> None:
    with Library.open(library_dir, create=False) as lib, Searcher(lib) as searcher:
        for hit in searcher.search("发展", limit=None).hits:
            assert hit.snippet_matches
            assert all(fold_text(hit.snippet[s:e]) == "发展" for s, e in hit.snippet_matches)
            assert hit.snippet.count("发展") + hit.snippet.count("發展") == len(hit.snippet_matches)


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(search_ui, "PAGE_SIZE", 3)
    monkeypatch.setattr(search_panel, "PAGE_SIZE", 3)
    return 3


def test_show_more_pages_past_the_first_results(make_window, library_dir: Path, qtbot, small_pages: int) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    _search(win, qtbot, "的")
    total = win.search.results.total
    assert total > 2 * small_pages
    assert win.search.list.count() == small_pages and win.search.more.isVisible()
    facets = win.search.facets.text()
    win.search.more.click()
    assert win.search.list.count() == 2 * small_pages
    with Library.open(library_dir, create=False) as lib, Searcher(lib) as searcher:
        expected = [h.article for h in searcher.search("的", limit=2 * small_pages).hits]
    assert [h.article for h in win.search.results.hits] == expected
    assert win.search.facets.text() == facets and win.search.results.total == total
    assert win.searching.last_results is win.search.results
    while win.search.more.isVisible():
        win.search.more.click()
    assert win.search.list.count() == total == len({h.article for h in win.search.results.hits})
    # one click on a result of a later page opens it
    lst = win.search.list
    lst.scrollToItem(lst.item(total - 1))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=lst.visualItemRect(lst.item(total - 1)).center())
    assert win.article_id == win.search.results.hits[total - 1].article


def test_results_sort_by_date(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    win.search.sort.setCurrentIndex(win.search.sort.findData("date"))
    _search(win, qtbot, "的")
    with Library.open(library_dir, create=False) as lib, Searcher(lib) as searcher:
        by_date = [h.article for h in searcher.search("的", limit=200, sort="date").hits]
        by_relevance = [h.article for h in searcher.search("的", limit=200).hits]
    assert by_date != by_relevance
    assert [h.article for h in win.search.results.hits] == by_date
    win.search.sort.setCurrentIndex(win.search.sort.findData("relevance"))
    win.search.sort.activated.emit(win.search.sort.currentIndex())
    assert [h.article for h in win.search.results.hits] == by_relevance


def test_date_placeholders_show_the_librarys_date_range(make_window, library_dir: Path) -> None:
    win = make_window(library_dir)
    dates = sorted(i.date for i in win.archive.issues() if i.date)
    assert dates[0] in win.search.date_from.placeholderText()
    assert dates[-1] in win.search.date_to.placeholderText()
    assert "1939-04" not in win.search.date_to.placeholderText() or dates[-1].startswith("1939-04")


def test_the_match_switch_searches_as_printed_and_is_remembered(make_window, library_dir: Path, qtbot,  # noqa: ANN001
                                                                 settings) -> None:  # noqa: ANN001
    from reader.gui.settings import Settings
    from reader.search.engine import Match, SearchOptions

    win = make_window(library_dir)
    box = win.search.match
    assert [box.itemData(i) for i in range(box.count())] == ["folded", "exact", "variants"]
    _search(win, qtbot, "發展")
    folded = win.search.results.total
    box.setCurrentIndex(box.findData("exact"))
    box.activated.emit(box.currentIndex())  # as a click does: the shown search follows the switch
    exact = win.search.results.total
    with Library.open(library_dir, create=False) as lib, Searcher(lib) as searcher:
        assert folded == searcher.count("發展")
        assert exact == searcher.count("發展", options=SearchOptions(Match.EXACT)) < folded
        for hit in win.search.results.hits:  # highlighted on the characters as printed
            text = lib.article(hit.article).text
            assert hit.matches and all(text[s:e] == "發展" for s, e in hit.matches)
    win.search.ignore_punct.setChecked(True)
    settings.sync()
    again = Settings(settings.qs.fileName())
    assert again.search_match() == "exact" and again.search_ignore_punct()
    other = make_window(library_dir)
    assert other.search.match.currentData() == "exact" and other.search.ignore_punct.isChecked()


def test_date_placeholders_fit_their_fields_at_the_default_size(make_window, library_dir: Path) -> None:
    """At 1440×900 "from 1784-12" and "to 2021-01-27" were cut; the date alone fits, the words are the tooltip."""
    from PySide6.QtGui import QFontMetrics

    win = make_window(library_dir, size=(1440, 900))
    win.side.setCurrentWidget(win.search)
    for field in (win.search.date_from, win.search.date_to):
        room = field.width() - 2 * field.style().pixelMetric(field.style().PixelMetric.PM_DefaultFrameWidth) - 8
        text = field.placeholderText()
        assert QFontMetrics(field.font()).horizontalAdvance(text) <= room, (text, field.width())
        assert text in field.toolTip() and field.toolTip() != text


def test_where_a_selected_hit_is_from_is_readable_on_the_selection(qtbot) -> None:  # noqa: ANN001
    """Dark theme: the placeholder grey on the selection's blue was unreadable."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from reader.gui.widgets.search_panel import HitDelegate

    option = QStyleOptionViewItem()
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Highlight, QColor(42, 130, 218))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(127, 127, 127))
    option.palette = pal
    assert HitDelegate.secondary_colour(option) == "#7f7f7f"
    option.state = QStyle.StateFlag.State_Selected
    assert HitDelegate.secondary_colour(option).startswith("rgba(255,255,255,")


def test_a_hits_headline_and_place_stay_on_one_line(qtbot) -> None:  # noqa: ANN001
    """In Chinese "第 1 页" wrapped under the headline and took a line of the snippet in the fixed-height row."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from reader.app.archive import Hit
    from reader.gui.widgets.search_panel import HitDelegate

    hit = Hit(article="a", headline="干得好就能看得见", publication="人民日报", date="2021-01-27", page=1,
              kind="article", score=1.0, snippet="…合定期了解访、谈心谈话访、专项考核访、听取意见访、列席会议访的",
              matches=[], snippet_matches=[(13, 15)])
    option = QStyleOptionViewItem()
    option.rect.setWidth(250)
    doc = HitDelegate()._document(option, hit)
    assert doc.size().width() > 0  # laid out
    first = doc.firstBlock()
    assert first.layout().lineCount() == 1


def test_a_long_headline_and_place_end_in_an_ellipsis_inside_the_row(qtbot) -> None:  # noqa: ANN001
    """Seen by eye: the first line of a hit ran past the list's right edge ("Luxemburger Zeit" cut mid-word, no
    sign that more was there). It is elided to the row: the place first, then the headline if it alone is too
    long; what fits is shown whole."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from reader.app.archive import Hit
    from reader.gui.widgets.search_panel import HitDelegate

    def first_line(headline: str, width: int) -> str:
        hit = Hit(article="a", headline=headline, publication="Luxemburger Zeitung – Journal de Luxembourg",
                  date="1858-12-07", page=1, kind="article", score=1.0, snippet="Luxemburger Zeitung",
                  matches=[], snippet_matches=[(0, 11)])
        option = QStyleOptionViewItem()
        option.rect.setWidth(width)
        doc = HitDelegate()._document(option, hit)
        assert doc.size().width() > 0  # laid out
        assert doc.firstBlock().layout().lineCount() == 1
        assert doc.firstBlock().layout().lineAt(0).naturalTextWidth() <= width - 8
        return doc.firstBlock().text().replace("\xa0", " ").strip()

    narrow = first_line("Nr. 288.—Mardi, 7 Décembre 1858.", 250)
    assert narrow.startswith("Nr. 288") and "…" in narrow
    wide = first_line("Nr. 288", 1200)
    assert wide == "Nr. 288 Luxemburger Zeitung – Journal de Luxembourg · 1858-12-07 · page 1"
    long = first_line("Rapport sur la situation des finances du Grand-Duché pendant l'exercice 1857", 250)
    assert long.startswith("Rapport s") and "…" in long and "1858-12-07" in long


@pytest.mark.parametrize("width", [200, 260, 320, 400])
def test_a_narrow_list_keeps_each_hits_date_whole(qtbot, width: int) -> None:  # noqa: ANN001
    """Seen by eye at 1000×700: the rows cut the date ("人民日报 · 2021-0…"), the one thing a reader scanning
    hits by period needs; the headline and the publication give way first."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from reader.app.archive import Hit
    from reader.gui.widgets.search_panel import HitDelegate

    for headline, publication in (("浙江绘出干部政绩画像，定期汇报、季报五访掌握干部干事成效", "人民日报"),
                                  ("Nr. 288", "Luxemburger Zeitung – Journal de Luxembourg")):
        hit = Hit(article="a", headline=headline, publication=publication, date="2021-01-27", page=12,
                  kind="article", score=1.0, snippet="发展", matches=[], snippet_matches=[(0, 2)])
        option = QStyleOptionViewItem()
        option.rect.setWidth(width)
        doc = HitDelegate()._document(option, hit)
        assert doc.size().width() > 0
        layout = doc.firstBlock().layout()
        assert layout.lineCount() == 1 and layout.lineAt(0).naturalTextWidth() <= width - 8
        line = doc.firstBlock().text().replace("\xa0", " ").strip()
        assert "2021-01-27 · page 12" in line, (width, line)
        assert line[:1] in (headline[:1], "…") and line[1:2] != " ", line  # some of the headline is left


def test_a_hit_without_a_headline_is_said_to_have_none(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    """Seen by eye: an article without a headline was listed under a bold "headline" cut from the middle of its
    snippet ("sche Agent, hat die …", "men. ¶ Von Abonnente…"), as if the paper printed it."""
    from reader.gui.widgets.search_panel import HitDelegate

    win = make_window(library_dir)
    results = win.archive.search("的", limit=200)
    headless = [h for h in results.hits if not win.archive.info(h.article).headline]
    assert headless, "some hits have no headline"
    # named by their first words in brackets, as every listing names them (trust37), in italics: supplied
    assert all(h.supplied and h.headline.startswith("[") and h.headline.endswith("]") for h in headless)
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.rect.setWidth(600)
    doc = HitDelegate()._document(option, headless[0])
    assert doc.firstBlock().text().replace("\xa0", " ").startswith(headless[0].headline[:3])
    assert "<i>" in doc.toHtml() or "font-style:italic" in doc.toHtml()


def test_a_rows_text_is_laid_out_once_and_again_when_what_it_shows_changes(qtbot) -> None:  # noqa: ANN001
    """Opening a hit repaints the rows whose selection changed; their rich text is kept, not laid out again,
    unless the row is drawn otherwise (selected, another width, another snippet); two pages of rows are kept."""
    from dataclasses import replace

    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from reader.app.archive import Hit
    from reader.gui.widgets.search_panel import KEPT_ROWS, HitDelegate

    hit = Hit(article="a", headline="干得好就能看得见", publication="人民日报", date="2021-01-27", page=1,
              kind="article", score=1.0, snippet="…合定期了解访、谈心谈话访、专项考核访", matches=[],
              snippet_matches=[(13, 15)])
    delegate = HitDelegate()
    option = QStyleOptionViewItem()
    option.rect.setWidth(250)
    doc = delegate._document(option, hit)
    assert delegate._document(option, hit) is doc
    assert delegate._document(option, replace(hit, snippet_matches=[(13, 15)])) is doc  # an equal hit
    assert delegate._document(option, replace(hit, snippet="…谈心谈话访")) is not doc
    selected = QStyleOptionViewItem(option)
    selected.state = QStyle.StateFlag.State_Selected
    assert delegate._document(selected, hit) is not doc
    wider = QStyleOptionViewItem(option)
    wider.rect.setWidth(400)
    wide = delegate._document(wider, hit)
    assert wide is not doc and wide.textWidth() > doc.textWidth()
    for i in range(KEPT_ROWS + 5):
        delegate._document(option, replace(hit, article=f"a{i}"))
    assert len(delegate._docs) == KEPT_ROWS


def _core_order(library_dir: Path, query: str, n: int) -> list[str]:
    with Library.open(library_dir, create=False) as lib, Searcher(lib) as searcher:
        return [h.article for h in searcher.search(query, limit=n).hits]


def test_scrolling_near_the_end_fetches_and_appends_the_next_page(make_window, library_dir: Path, qtbot,  # noqa: ANN001
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    small_pages = 2
    monkeypatch.setattr(search_ui, "PAGE_SIZE", small_pages)
    monkeypatch.setattr(search_panel, "PAGE_SIZE", small_pages)
    monkeypatch.setattr(search_panel, "FETCH_AHEAD_ROWS", 1)
    win = make_window(library_dir, size=(1440, 900))
    _search(win, qtbot, "的")
    total = win.search.results.total
    assert total > 3 * small_pages and win.search.list.count() == small_pages
    lst = win.search.list
    win.search.list.setFixedHeight(lst.sizeHintForRow(0) * 2)  # a short list: the first page scrolls
    qtbot.waitUntil(lambda: lst.verticalScrollBar().maximum() > 0)
    assert lst.count() == small_pages  # nothing fetched before the reader scrolls
    lst.verticalScrollBar().setValue(lst.verticalScrollBar().maximum())
    assert lst.count() == 2 * small_pages  # appended under the shown ones, in the core's order
    assert [h.article for h in win.search.results.hits] == _core_order(library_dir, "的", 2 * small_pages)
    assert win.search.results.total == total and win.searching.last_results is win.search.results
    assert lst.currentRow() == 0  # the selection stayed where it was
    # moving the selection near the end fetches too, and a result of a later page opens with Enter
    for _ in range(2 * small_pages - 1):
        qtbot.keyClick(win.search.field, Qt.Key.Key_Down)
    assert lst.count() >= 3 * small_pages
    assert [h.article for h in win.search.results.hits] == _core_order(library_dir, "的", lst.count())
    row = lst.currentRow()
    assert row == 2 * small_pages - 1
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    assert win.article_id == win.search.results.hits[row].article


class ManualPool:
    """A pool that keeps the tasks handed to it until the test runs them, in the order it chooses."""

    def __init__(self) -> None:
        self.tasks: list = []

    def start(self, runnable) -> None:  # noqa: ANN001
        self.tasks.append(runnable)

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802
        return True


def test_a_new_search_supersedes_one_under_way_and_its_pages(make_window, library_dir: Path, qtbot,  # noqa: ANN001
                                                             small_pages: int) -> None:
    from reader.gui import workers

    win = make_window(library_dir)
    _search(win, qtbot, "的")
    pool = ManualPool()
    workers.set_pool(pool)
    win.search.request_more()  # the next page of 的 is asked for …
    win.search.field.setText("发展")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)  # … and a new search before it came
    win.search.request_more()  # scrolling the old list meanwhile asks for nothing
    assert len(pool.tasks) == 2
    old_page, new_search = pool.tasks
    new_search.run()
    old_page.run()  # comes last: not shown
    assert win.search.results.query == "发展"
    assert [h.article for h in win.search.results.hits] == _core_order(library_dir, "发展", small_pages)
    assert win.searching.last_results is win.search.results
    # two searches in a row, the first answering last: the second's results stay
    pool.tasks.clear()
    for text in ("考核", "疫情"):
        win.search.field.setText(text)
        qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    first, second = pool.tasks
    second.run()
    first.run()
    assert win.search.results.query == "疫情"
    assert first.worker.state == "aborted"  # superseded before it began: not run at all


def test_the_searcher_is_made_ready_when_a_library_opens(make_window, library_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    """The first search at 10,000 pages spent 1.4 s reading the table of articles: the window reads it when
    the library opens (on the search lane), and the first search finds it read."""
    prepared: list[int] = []
    real = Searcher.prepare
    monkeypatch.setattr(Searcher, "prepare", lambda self: (prepared.append(id(self)), real(self))[1])
    win = make_window(library_dir)
    assert len(prepared) == 1
    searched: list[int] = []
    real_search = Searcher.search
    monkeypatch.setattr(Searcher, "search", lambda self, *a, **k: (searched.append(id(self)),
                                                                   real_search(self, *a, **k))[1])
    win.search.field.setText("发展")
    win.search.submit()
    assert searched == prepared and win.search.results is not None and win.search.results.total > 0


def test_only_in_search_hits_keeps_to_every_article_found_not_the_shown_page(make_window, library_dir: Path,  # noqa: ANN001
                                                                            qtbot, small_pages: int) -> None:
    win = make_window(library_dir)
    win.notes.in_hits.setChecked(True)
    _search(win, qtbot, "的")
    with Library.open(library_dir, create=False) as lib, Searcher(lib) as searcher:
        every = searcher.matching_ids("的")
    assert len(win.search.results.hits) == small_pages < len(every) == win.search.results.total
    assert win.notes.hit_articles == every
    win.search.request_more()  # a page more changes nothing there
    assert win.notes.hit_articles == every
    win.notes.in_hits.setChecked(False)
    _search(win, qtbot, "发展")
    win.notes.in_hits.setChecked(True)  # ticked after the search: asked for then
    with Library.open(library_dir, create=False) as lib, Searcher(lib) as searcher:
        assert win.notes.hit_articles == searcher.matching_ids("发展")


def test_a_new_search_after_the_list_was_scrolled_still_pages(make_window, library_dir: Path, qtbot,  # noqa: ANN001
                                                              small_pages: int) -> None:
    """Seen in the window: 'the' scrolled to its fourth page and a hit far down opened, then 上海 showed 50 of
    59 and scrolling to its end never brought the other 9. Clearing the scrolled list moved its scroll bar,
    which asked for the next page of the OLD results; that page came back not following the new ones, was
    dropped, and left the panel waiting for it for good."""
    from reader.gui import workers

    win = make_window(library_dir, size=(1200, 420))  # a short list: the first page scrolls
    _search(win, qtbot, "a")
    lst = win.search.list
    bar = lst.verticalScrollBar()
    bar.setValue(bar.maximum() // 2 or 1)
    win.search.open_row(lst.count() - 1)  # a hit down the list read
    assert bar.value() > 0 and win.search.more.isVisible()  # the old search still has pages to ask for
    pool = ManualPool()  # searches answer later, from their thread, as in the window
    workers.set_pool(pool)
    win.search.field.setText("de")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    while pool.tasks:
        pool.tasks.pop(0).run()

    def listed() -> list[str]:
        return [lst.item(i).data(search_panel.ROLE_HIT).article for i in range(lst.count())]

    total = win.search.results.total
    assert listed() == _core_order(library_dir, "de", lst.count())
    assert lst.count() < total and not win.search.fetching  # not waiting for a page that will never be shown
    for _ in range(total):  # scrolling to the end, or "Show more", until every hit is listed
        win.search.request_more()
        while pool.tasks:
            pool.tasks.pop(0).run()
    assert listed() == [h.article for h in win.search.results.hits] == _core_order(library_dir, "de", total)


def test_articles_without_a_date_are_named_in_the_year_facets(make_window, library_dir: Path) -> None:  # noqa: ANN001
    """Seen in the window over tests/data: "1916 18 · | 166 · 1824 38": 166 undated articles behind an
    empty, unclickable link."""
    win = make_window(library_dir)
    text = win.search._facets_html({"publication": {"晶報": 3}, "year": {"": 166, "1824": 38}, "kind": {}})
    assert "<a href='year='></a>" not in text and "<a href='year='>" not in text
    assert "undated</i>&nbsp;166" in text and "<a href='year=1824'>1824</a>&nbsp;38" in text


def test_the_first_page_is_listed_before_its_facets_are_counted(make_window, library_dir: Path, qtbot,  # noqa: ANN001
                                                                small_pages: int) -> None:
    """Issue 17: the hits are listed as soon as the search without facets answers; the facets are counted after, as
    a task of their own on the search lane, and fill the panel when they come."""
    from reader.gui import workers

    win = make_window(library_dir)
    pool = ManualPool()
    workers.set_pool(pool)
    win.search.field.setText("的")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    assert len(pool.tasks) == 1
    pool.tasks.pop(0).run()
    listed = win.search.results
    assert listed is not None and win.search.list.count() == len(listed.hits) > 0
    assert listed.facets is None and win.search.facets.text() == ""  # not yet counted
    assert [t.worker.name for t in pool.tasks] == ["search facets"] and pool.tasks[0].worker.lane == "search"
    with qtbot.waitSignal(win.search.facets_shown):
        pool.tasks.pop(0).run()
    with Library.open(library_dir, create=False) as lib, Searcher(lib) as searcher:
        expected = searcher.search("的", limit=1, facets=True)
    assert win.search.results is listed and listed.facets == expected.facets and listed.total == expected.total
    assert "人民日报" in win.search.facets.text()
    assert win.searching.last_results is listed  # the export sees them too
    # a first page holding every hit comes with its facets: nothing is left to count
    win.search.field.setText("Zeitung")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    pool.tasks.pop(0).run()
    assert not pool.tasks and win.search.results.total <= small_pages
    assert "Luxemburger" in win.search.facets.text() and win.search.results.facets


def test_a_stale_searchs_facets_are_not_shown_beside_new_hits(make_window, library_dir: Path, qtbot,  # noqa: ANN001
                                                            small_pages: int) -> None:
    """A new search cancels the facets of the last one if they have not begun, and ignores them if they come after
    all; no query's facets are shown beside another's hits, nor those of the same words compared otherwise."""
    from reader.app.archive import Facets
    from reader.gui import workers

    win = make_window(library_dir)
    pool = ManualPool()
    workers.set_pool(pool)
    win.search.field.setText("的")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    pool.tasks.pop(0).run()
    old_facets = pool.tasks.pop(0)  # counting the facets of 的 …
    win.search.field.setText("der")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)  # … when a new search is asked for
    assert old_facets.worker.cancelled
    new_search = pool.tasks.pop(0)
    new_search.run()
    old_facets.worker.cancel_event.clear()  # it had begun: it runs to its end and answers after the new hits
    old_facets.run()
    assert win.search.results.query == "der" and win.search.results.facets is None
    assert win.search.facets.text() == ""
    pool.tasks.pop(0).run()  # those of der
    with Library.open(library_dir, create=False) as lib, Searcher(lib) as searcher:
        assert win.search.results.facets == searcher.search("der", limit=1, facets=True).facets
    shown = win.search.facets.text()
    assert win.search.results.total > small_pages and "Luxemburger" in shown and "人民日报" not in shown
    # the panel itself shows only facets that belong to its hits
    win.search.show_facets(Facets("的", win.search.results.options, {"publication": {"人民日报": 9}}))
    win.search.show_facets(Facets("der", SearchOptions(Match.EXACT), {"publication": {"人民日报": 9}}))
    assert win.search.facets.text() == shown
    # facets of the same search still come after its next page was fetched
    win.search.field.setText("的")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    pool.tasks.pop(0).run()
    win.search.request_more()
    page, facets = pool.tasks.pop(1), pool.tasks.pop(0)
    page.run()
    facets.run()
    assert win.search.results.facets and "人民日报" in win.search.facets.text()


def test_a_new_search_lists_first_the_rows_the_list_shows_and_those_fetched_ahead(make_window, library_dir: Path,  # noqa: ANN001
                                                                                   qtbot) -> None:
    """Each hit's snippet cost ~0.25 ms at 10,000 pages: a new search lists first what fills the list and the rows
    it fetches ahead (at 1440×900 ~20, not 50); scrolling asks for the next page as before."""
    win = make_window(library_dir, size=(1440, 900))
    _search(win, qtbot, "NOT zzzz")  # every article of the library (72)
    lst = win.search.list
    shown, total = lst.count(), win.search.results.total
    visible = lst.viewport().height() // lst.sizeHintForRow(0)
    assert visible + search_panel.FETCH_AHEAD_ROWS <= shown < search_panel.PAGE_SIZE < total
    lst.verticalScrollBar().setValue(lst.verticalScrollBar().maximum())
    assert lst.count() == shown + search_panel.PAGE_SIZE
    assert [h.article for h in win.search.results.hits] == _core_order(library_dir, "NOT zzzz", lst.count())


def test_the_export_offers_the_searchs_every_hit_not_the_page_listed(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    """The window lists a first page (what fills the list); File → Export… exports the whole search, so its
    "Search hits: q (N)" counts every hit, not the rows listed so far."""
    from dataclasses import replace

    from reader.gui.export_ui import export_context

    win = make_window(library_dir)
    _search(win, qtbot, "的")
    results = win.search.results
    assert results is not None and results.hits
    # the sample library's searches fit one page: as a large library's would, this one lists 1 hit of 120
    win.searching.last_results = replace(results, total=120, hits=results.hits[:1])
    assert export_context(win).hit_count == 120


def test_an_index_that_cannot_answer_is_rebuilt_when_the_window_opens_the_library(
        make_window, library_dir: Path, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    """A library whose index another library wrote (or another version of Broadsheet: the same way) is searched
    after the window rebuilt its index on opening it, the reason in the status bar — not a first search failing
    with "run `broadsheet reindex`"."""
    import shutil

    folder = tmp_path / "lib"
    shutil.copytree(library_dir, folder)
    (folder / "index" / "BROADSHEET-LIBRARY").write_text("another library's\n", encoding="utf-8")
    messages: list[str] = []
    win = make_window(show=False)
    win.statusBar().messageChanged.connect(messages.append)
    assert win.open_library(folder)
    qtbot.waitUntil(lambda: win.tasks.task is None, timeout=60000)
    assert any("being rebuilt" in m and "another library" in m for m in messages), messages
    _search(win, qtbot, "疫情")
    assert win.search.results.total > 0 and not win.problems.messages()


def test_a_search_while_the_index_is_rebuilt_says_so(make_window, library_dir: Path, qtbot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """A search that fails while the window rebuilds the index says the index is being rebuilt, not "run
    `broadsheet reindex`" (seen under Xvfb: a search typed during the rebuild of an older version's index)."""
    from reader.index.store import IndexUnavailableError

    win = make_window(library_dir)

    def outdated(*args: object, **kwargs: object) -> None:
        raise IndexUnavailableError("index: the search index was written by another version of Broadsheet; "
                                    "run `broadsheet reindex`.")

    monkeypatch.setattr(win.archive, "search", outdated)
    win.searching.focus_search()
    win.search.field.setText("疫情")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    assert "broadsheet reindex" in win.search.count.text()  # no rebuild under way: the index's own message

    class Rebuilding:  # the window's reindex task, as far as the search needs to know
        name = "reindex"

        def cancel(self) -> None:
            pass

    win.tasks.task = Rebuilding()  # type: ignore[assignment]
    try:
        qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
        assert win.search.count.text() == "The search index is being rebuilt: search again when it is done."
    finally:
        win.tasks.task = None


def test_the_hit_marked_current_is_the_article_shown(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    """Seen by eye: after a search the first hit was marked current while the reading view still showed the article
    read before (without its marks, which the new search had cleared) until Enter. The marked hit is what is shown:
    a new search opens its first hit, and moving the mark with the arrow keys in the field opens the hit it lands on,
    as the article list does."""
    win = make_window(library_dir)
    _search(win, qtbot, "疫情")
    first = win.search.results.hits
    assert len(first) >= 2
    win.navigation.open_article(first[1].article)  # read something else, then search again
    _search(win, qtbot, "发展")
    hits = win.search.results.hits
    assert win.search.current_hit() is hits[0]
    assert win.state.article_id == hits[0].article and win.state.hits == [tuple(m) for m in hits[0].matches]
    qtbot.keyClick(win.search.field, Qt.Key.Key_Down)
    assert win.search.current_hit() is hits[1] and win.state.article_id == hits[1].article
    qtbot.keyClick(win.search.field, Qt.Key.Key_Up)
    assert win.search.current_hit() is hits[0] and win.state.article_id == hits[0].article


def test_keys_in_the_list_open_the_hit_they_land_on_and_a_click_opens_once(make_window, library_dir: Path,  # noqa: ANN001
                                                                          qtbot) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    _search(win, qtbot, "发展")
    hits = win.search.results.hits
    assert len(hits) >= 3
    win.search.list.setFocus()
    qtbot.keyClick(win.search.list, Qt.Key.Key_Down)
    assert win.search.current_hit() is hits[1] and win.state.article_id == hits[1].article
    opened: list[object] = []
    win.search.hit_opened.connect(opened.append)
    rect = win.search.list.visualItemRect(win.search.list.item(2))
    qtbot.mouseClick(win.search.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [hits[2]] and win.state.article_id == hits[2].article


def test_hits_are_stepped_through_in_the_order_they_are_read(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    """Seen by eye: in the 人民日报 article "hit 1/36" was in the middle of the text and the kicker's 考核 at the top
    was 36/36 — hits went in the stored parts' order, the headline group is shown first."""
    win = make_window(library_dir)
    _search(win, qtbot, "考核")
    hit = max(win.search.results.hits, key=lambda h: len(h.matches))
    win.navigation.open_hit(hit)
    view = win.article_view
    shown = [sp.index for sp in view.reading.parts]
    places = [(shown.index(p), s) for p, s, _e in view.hits]
    assert len(places) > 3 and places == sorted(places)
    assert view.current_hit == 0 and places[0][0] == min(shown.index(p) for p, _s, _e in view.hits)


def test_a_cleared_search_takes_its_hits_away_from_the_list_the_text_and_the_page(  # noqa: ANN001
        make_window, library_dir: Path, qtbot) -> None:
    """Seen by eye: the query field's clear button left the results listed and the article's hits tinted, as if
    the empty field were still searching for them (and Export still offered the old results)."""
    win = make_window(library_dir)
    _search(win, qtbot, "发展")
    assert win.article_view.hits and win.search.list.count()
    win.search.field.clear()  # what its clear button does
    assert win.search.results is None and win.search.list.count() == 0
    assert not win.search.count.text() and not win.search.facets.text() and not win.search.more.isVisible()
    assert not win.article_view.hits and not win.article_view.hit_lines() and not win.state.hits
    assert win.state.article_id is not None, "the article read stays open"
    assert win.searching.last_results is None
    _search(win, qtbot, "发展")  # the same words again are a new search, not Enter on the old list
    assert win.article_view.hits and win.search.list.count()


def test_the_count_names_the_filters_its_search_ran_with(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    """Seen in review: the count named the date fields as they were when the answer came (edited meanwhile, they
    were said but not searched), and never the publication or kind a search was limited to."""
    win = make_window(library_dir)
    panel = win.search
    panel.publication.setCurrentIndex(panel.publication.findData("人民日报"))
    panel.kind.setCurrentIndex(panel.kind.findData("article"))
    panel.date_from.setText("2021")
    _search(win, qtbot, "发展")
    said = panel.count.text()
    assert " · 人民日报 · article · from 2021 · " in said, said
    # in a narrow panel it runs on to a second line (seen by eye: cut mid-date, no "…")
    assert panel.count.heightForWidth(180) > 1.5 * panel.count.fontMetrics().height()
    results = panel.results
    panel.date_from.setText("1858")  # edited, not yet asked: the list shown is still the 2021 one
    panel.publication.setCurrentIndex(0)
    panel.show_results(results)
    assert panel.count.text().startswith(said.rsplit(" · ", 1)[0]), panel.count.text()


def test_a_hit_names_its_page_as_printed(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    """Seen by the by-eye tester: Kant's page is "Page 484" in the library tree and its citation, but was "page 1"
    (the file's sequence) in the search results."""
    from reader.gui.widgets.search_panel import HitDelegate

    win = make_window(library_dir)
    _search(win, qtbot, "Aufklärung")
    [hit] = [h for h in win.search.results.hits if h.publication == "Berlinische Monatsschrift"][:1]
    assert hit.page_label == "484"
    assert HitDelegate.where(hit).endswith("page 484")


@pytest.mark.parametrize("width", [150, 180, 250])
def test_a_row_shows_whole_lines_of_its_snippet_never_a_slice_of_one(qtbot, width: int) -> None:  # noqa: ANN001
    """Seen by eye (trust33, 1024×700 with the Annotations panel open): a hit's Chinese snippet wrapped to more lines
    than the row holds, and the row showed the top slice of the next one — characters cut in half, unreadable or
    read as others. The row's text is cut at the last line that fits whole."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from reader.app.archive import Hit
    from reader.gui.widgets.search_panel import HitDelegate, hit_height

    snippet = ("…开幕，中外与会者指出，中美关系对新冠肺炎疫情后全球经济恢复和发展至关重要，"
               "中美两国应求同存异，展现大国担当，推动双边关系早日")
    hit = Hit(article="a", headline="两年来起诉网络犯罪案件5万余件", publication="人民日报", date="2021-01-27",
              page=1, kind="article", score=1.0, snippet=snippet, matches=[], snippet_matches=[(30, 32)])
    option = QStyleOptionViewItem()
    option.rect.setWidth(width)
    option.rect.setHeight(hit_height(option.fontMetrics))
    delegate = HitDelegate()
    doc = delegate._document(option, hit)
    room = option.rect.height() - 4
    assert doc.size().height() > room  # more lines than the row holds
    kept = delegate.whole_lines(doc, room)
    assert kept <= room
    bottoms = []
    block = doc.begin()
    while block.isValid():
        top = doc.documentLayout().blockBoundingRect(block).top()
        bottoms += [top + block.layout().lineAt(i).y() + block.layout().lineAt(i).height()
                    for i in range(block.layout().lineCount())]
        block = block.next()
    assert kept in bottoms and len([b for b in bottoms if b <= kept]) >= 3  # the headline line and two of snippet


def test_the_status_line_names_what_was_left_out_and_refuses_nothing_searchable(make_window, library_dir: Path,  # noqa: ANN001
                                                                               qtbot) -> None:
    """``疫情 ，`` found nothing, said "No article matches": the comma is left out and named beside the count; a
    query of punctuation alone is refused in a sentence; 〓 is said to find the unreadable-glyph mark."""
    win = make_window(library_dir)
    _search(win, qtbot, "疫情")
    alone = win.search.results.total
    _search(win, qtbot, "疫情 ，")
    assert win.search.results.total == alone > 0
    assert "Left out (nothing searchable in them): ，" in win.search.count.text()
    win.search.field.setText("。")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    assert "nothing in '。' can be searched" in win.search.count.text()
    _search(win, qtbot, "疫情 OR 〓")
    assert "〓 finds the places the OCR could not read" in win.search.count.text()
