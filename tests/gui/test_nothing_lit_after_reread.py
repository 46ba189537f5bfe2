"""After an import elsewhere the page view lights no line the reader did not select (reader.gui.widgets.layout_view).

Seen by eye (trust44): the seed 人民日报 page's article open with nothing selected, its source edited and imported
again from the command line, the window read it again at its next look and lit the headline's line yellow on the
page, as if the reader had selected it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from reader.gui import watching
from reader.library import importer
from reader.library.catalogue import Library

DATA = Path(__file__).parents[1] / "data"


def _page(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(DATA / "text" / "seed_page.txt", src / "seed_page.txt")
    (src / "seed_page.txt.meta.json").write_text('{"publication": "人民日报", "date": "2021-01-27"}', encoding="utf-8")
    return src / "seed_page.txt"


def _import_elsewhere(library: Path, page: Path) -> None:
    """`broadsheet import` in a terminal: another process's library."""
    other = Library.open(library)
    try:
        assert not importer.import_paths(other, [page]).failed
    finally:
        other.close()


def test_a_re_read_lights_no_line_on_the_page(make_window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    page = _page(tmp_path)
    _import_elsewhere(tmp_path / "lib", page)
    win: Any = make_window(tmp_path / "lib", size=(1440, 900))
    win.watching.timer.stop()
    [info] = [i for i in win.archive.library.articles() if win.archive.article(i.id).headline
              and "小化工" in win.archive.article(i.id).headline]
    win.open_article(info.id)
    assert win.article_view.selection_article_range() is None and not win.layout_view.lit_lines()

    page.write_text(page.read_text(encoding="utf-8").replace("全国各地共查处", "全国各地共查出"), encoding="utf-8")
    _import_elsewhere(tmp_path / "lib", page)
    win.watching.look()
    qtbot.waitUntil(lambda: "查出" in win.article_view.article.text, timeout=3 * watching.LOOK_MS)
    assert win.state.article_id == info.id
    assert win.article_view.selection_article_range() is None, "nothing selected"
    assert not win.layout_view.lit_lines(), "nothing lit on the page"


def test_the_readers_selection_stays_lit_after_a_re_read(make_window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    page = _page(tmp_path)
    _import_elsewhere(tmp_path / "lib", page)
    win: Any = make_window(tmp_path / "lib", size=(1440, 900))
    win.watching.timer.stop()
    [info] = [i for i in win.archive.library.articles() if win.archive.article(i.id).headline
              and "小化工" in win.archive.article(i.id).headline]
    win.open_article(info.id)
    text = win.article_view.article.text
    at = text.index("应急管理部有关负责人")
    win.article_view.select_article_range(at, at + 5)
    lit = win.layout_view.lit_lines()
    assert lit

    page.write_text(page.read_text(encoding="utf-8").replace("全国各地共查处", "全国各地共查出"), encoding="utf-8")
    _import_elsewhere(tmp_path / "lib", page)
    win.watching.look()
    qtbot.waitUntil(lambda: "查出" in win.article_view.article.text, timeout=3 * watching.LOOK_MS)
    assert win.article_view.selected_text() == "应急管理部"
    assert win.layout_view.lit_lines() == lit, "the reader's selection is lit on the page as before"
