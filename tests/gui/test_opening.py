"""Opening an article quickly (issue 17: ≤ 30 ms p95 at 10,000 pages, benchmarks/bench_gui.py), and still
showing what is true: what is kept between opens is checked against what the article and its page are now."""

from __future__ import annotations

import gc
from pathlib import Path


def test_a_library_opened_keeps_what_lives_as_long_as_the_window_out_of_the_collectors_full_passes(
        make_window, library_dir: Path) -> None:  # noqa: ANN001
    """A full pass of Python's cycle collector walked every object of the modules, the window and the library
    (some 70,000): 45–110 ms on the GUI thread, now and then in the middle of opening an article. Once a
    library is open they are frozen (gc.freeze); closing the window gives them back to the collector."""
    win = make_window(library_dir)
    assert gc.get_freeze_count() > 20_000
    assert len(gc.get_objects(generation=2)) < gc.get_freeze_count() / 4
    win.close()
    assert gc.get_freeze_count() == 0


def _articles_on_two_pages(win) -> tuple[tuple[str, int], tuple[str, int]]:  # noqa: ANN001
    """An article on one page and an article on another (with their page ids)."""
    found: dict[int, str] = {}
    for issue in win.archive.issues():
        for page in win.archive.pages(issue.id):
            arts = win.archive.articles(page_id=page.id)
            if arts and page.id not in found:
                found[page.id] = arts[0].id
    (p1, a1), (p2, a2) = list(found.items())[:2]
    return (a1, p1), (a2, p2)


def test_a_page_shown_lately_is_shown_again_without_being_built_and_a_page_read_anew_is_built(
        make_window, library_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    """Going back to a page shown lately (the next hit, the last article) showed it from its kept drawing:
    its boxes, lines and the item drawing them are not made again — and the item shows this article's lines,
    not those the page showed last time. A page read again from the catalogue (after an import) is built."""
    from reader.gui.widgets import layout_view

    made: list[int] = []

    class Counted(layout_view.PageLayer):
        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            made.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(layout_view, "PageLayer", Counted)
    win = make_window(library_dir)
    view = win.layout_view
    (a1, p1), (a2, p2) = _articles_on_two_pages(win)
    win.open_article(a1, page_id=p1)
    first_lines = dict(view.lines)
    view.set_lit(list(first_lines)[:3], scroll=False)
    win.open_article(a2, page_id=p2)
    made.clear()
    win.open_article(a1, page_id=p1)
    assert made == []  # shown again, not built
    assert view.layer in view.scene().items() and view.lines == first_lines
    assert view.layer.lit == set() and view.layer.hit == set()  # the last showing's marks are gone
    on_page = [lid for lid in win.article_view.article.line_ids() if lid in view.lines]
    assert on_page and view.layer.in_article == {view._index_of[lid] for lid in on_page}
    assert view.article_lines() == set(on_page)
    win.archive.refresh()  # the catalogue read again: another Page object
    win.open_article(a2, page_id=p2)
    win.open_article(a1, page_id=p1)
    assert len(made) == 2


def test_the_page_on_screen_read_anew_is_shown_anew(make_window, library_dir: Path) -> None:  # noqa: ANN001
    """The page on screen, read again from the catalogue (an import replaced its source: another Page object
    with other lines), is built again when shown — not left as it was because its key is the same."""
    win = make_window(library_dir)
    view = win.layout_view
    (a1, p1), _ = _articles_on_two_pages(win)
    win.open_article(a1, page_id=p1)
    shown = view.page
    win.archive.refresh()
    win.open_article(a1, page_id=p1)
    assert view.page is not shown and view.page is win.archive.page(p1)


def test_reopening_an_article_does_not_run_the_line_breaker_again_and_a_corrected_text_is_set_anew(
        qtbot, monkeypatch) -> None:  # noqa: ANN001
    """The CJK line-breaking marks of a part depend on its text alone: an article opened again (the next hit,
    going back) takes them from memory; a text changed by a correction is set with its own, and shown."""
    from reader.gui.widgets import article_view
    from reader.gui.widgets.article_view import ArticleView
    from reader.model.document import Article, Part, Span

    calls: list[str] = []
    real = article_view.linebreak.adjustments

    def spy(text: str, theirs: list[bool]):  # noqa: ANN202
        calls.append(text)
        return real(text, theirs)

    monkeypatch.setattr(article_view.linebreak, "adjustments", spy)

    def article(body: str) -> Article:
        return Article("a", parts=[Part("headline", "测试标题", [Span(0, 4, "l0", 0)]),
                                   Part("paragraph", body, [Span(0, len(body), "l1", 0)])])

    view = ArticleView()
    qtbot.addWidget(view)
    body = "《情况表》。“重要工作”一栏里写着今年的计划，3—4条写得清清楚楚。"
    view.set_article(article(body))
    first = view.text.toPlainText()
    calls.clear()
    view.set_article(article(body))
    assert calls == [] and view.text.toPlainText() == first
    corrected = body.replace("今年", "明年")
    view.set_article(article(corrected))
    assert calls == [corrected]
    shown = view.text.toPlainText().replace(article_view.ZWSP, "").replace(article_view.WORD_JOINER, "")
    assert "明年的计划" in shown and "今年" not in shown
