"""The application around the window: screenshots, settings kept, shortcuts, accessibility, About, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QToolButton

from reader.gui.mainwindow import MainWindow
from reader.gui.settings import Settings


def _not_blank(image: QImage) -> int:
    """How many distinct colours a coarse sample of the image has (a blank window has one or two)."""
    colours = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_screenshots_of_the_seed_page_and_the_ecpo_fold_are_not_blank(make_window, library_dir: Path,
                                                                     tmp_path: Path) -> None:
    """Saves PNGs (to $BROADSHEET_SCREENSHOTS when set, to look at) of the window on both pages."""
    out = Path(os.environ.get("BROADSHEET_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    win = make_window(library_dir, size=(1600, 1000))
    for name, publication in (("seed", "人民日报"), ("ecpo", "晶報 Jing bao")):
        issue = next(i for i in win.archive.issues() if i.publication == publication)
        win.tree.select("issue", issue.id)
        image = win.grab().toImage()
        path = out / f"broadsheet-{name}.png"
        assert image.save(str(path))
        assert path.stat().st_size > 20_000
        assert _not_blank(image) > 50, name
        # the reading view itself has ink in it, not only the frame around it
        reader = (win.article_view.vscroll if win.article_view.vertical else win.article_view.text).grab().toImage()
        assert _not_blank(reader) > 8, name


def test_settings_are_kept_between_runs(make_window, library_dir: Path, settings: Settings) -> None:
    win = make_window(library_dir)
    win.display.set_script("s2tw")
    win.display.set_font_size(20)
    win.resize(760, 540)  # inside the offscreen screen (800×800), which restoreGeometry clamps to
    win.main_split.setSizes([200, 500])
    sizes = win.main_split.sizes()
    win.close()
    again = MainWindow(Settings(settings.qs.fileName()))
    try:
        assert again.article_view.script == "s2tw" and again.display.script_box.currentData() == "s2tw"
        assert again.article_view.font_size == 20
        assert again.size().width() == 760 and again.size().height() == 540
        assert again.settings.last_library() == str(library_dir)
        assert again.settings.recent_libraries()[0] == str(library_dir)
        assert [a.text() for a in again.library.recent_menu.actions()] == [str(library_dir)]
        again.show()
        assert again.main_split.sizes() == sizes
    finally:
        again.close()
        again.deleteLater()


def test_standard_shortcuts_and_accessible_names(make_window, library_dir: Path) -> None:
    win = make_window(library_dir)
    assert win.act_open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert win.act_find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert win.act_quit.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    unnamed = [b for b in win.findChildren(QToolButton) if b.isVisibleTo(win) and not b.text().strip("&")
               and not b.accessibleName()]
    assert not unnamed, [b.objectName() or b.toolTip() for b in unnamed]
    for button in win.toolbar.findChildren(QToolButton):
        if button.defaultAction() is not None:
            assert button.accessibleName()


def test_next_and_previous_article_and_page(make_window, library_dir: Path) -> None:
    win = make_window(library_dir)
    issue = next(i for i in win.archive.issues() if i.publication.startswith("Luxemburger"))
    pages = win.archive.pages(issue.id)
    win.tree.select("page", pages[0].id, issue.id)
    ids = win.article_list.ids()
    win.open_article(ids[0])
    win.act_next_article.trigger()
    assert win.article_id == ids[1]
    win.act_prev_article.trigger()
    assert win.article_id == ids[0]
    win.act_next_page.trigger()
    assert win.page_id == pages[1].id
    win.act_prev_page.trigger()
    assert win.page_id == pages[0].id


def test_the_scan_shows_when_there_is_one_and_the_layout_is_drawn_otherwise(make_window, library_dir: Path) -> None:
    win = make_window(library_dir)
    modes = {}
    for pub in ("Berlinische Monatsschrift", "Luxemburger Zeitung – Journal de Luxembourg", "人民日报"):
        issue = next(i for i in win.archive.issues() if i.publication == pub)
        win.tree.select("issue", issue.id)
        modes[pub] = win.layout_view.mode
    assert modes == {"Berlinische Monatsschrift": "scan", "Luxemburger Zeitung – Journal de Luxembourg": "drawn",
                     "人民日报": "text"}


def test_about_names_versions_and_the_required_ecpo_attribution(qapp) -> None:  # noqa: ANN001
    from reader.gui.dialogs.about_dialog import about_text

    text = about_text()
    for name in ("Broadsheet", "Python", "Qt", "PySide6", "OpenCC", "lxml", "Whoosh"):
        assert f"- {name} " in text, name
    assert "not installed" not in text
    assert ("ECPO – Early Chinese Periodicals Online, Heidelberg Centre for Transcultural Studies "
            "(hcts-hra/ecpo-data), CC BY 4.0") in text
    # the sample table's title is a section like "Versions", not a title bigger than the dialog's own
    headings = [line.partition(" ")[0] for line in text.splitlines() if line.startswith("#")]
    assert headings and set(headings) == {"###"}, headings


def test_broadsheet_without_arguments_opens_the_gui(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.cli import main as cli
    from reader.gui import app

    calls: list[dict] = []
    monkeypatch.setattr(app, "main", lambda **kw: calls.append(kw) or 0)
    assert cli.main([]) == 0
    assert cli.main(["gui", "--library", "/x"]) == 0
    assert calls == [{"library": None, "files": ()}, {"library": "/x", "files": ()}]


def test_the_command_line_does_not_load_qt_unless_the_gui_starts() -> None:
    code = ("import sys, reader.cli.main as c\n"
            "c.build_parser().parse_args(['analyze', 'x'])\n"
            "print(any(k.startswith('PySide6') for k in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_dark_theme_gives_the_reading_view_dark_paper(make_window, library_dir: Path, settings: Settings,
                                                      qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QPalette

    win = make_window(library_dir)
    try:
        win.display.set_theme("dark")
        qtbot.wait(20)  # palette changes reach the widgets through the event queue
        assert settings.theme() == "dark"
        base = win.article_view.text.palette().color(QPalette.ColorRole.Base)
        ink = win.article_view.text.palette().color(QPalette.ColorRole.Text)
        assert base.lightness() < 80 < ink.lightness()
        image = win.article_view.text.viewport().grab().toImage()
        assert image.pixelColor(3, 3).lightness() < 80
    finally:
        win.display.set_theme("system")
    assert settings.theme() == "system"


def test_zoom_in_out_and_fit_width(make_window, library_dir: Path) -> None:
    win = make_window(library_dir)
    issue = next(i for i in win.archive.issues() if i.publication == "Berlinische Monatsschrift")
    win.tree.select("issue", issue.id)
    view = win.layout_view
    fitted = view.transform().m11()
    page_width = view.scene().sceneRect().width() * fitted
    beside_bar = view.maximumViewportSize().width() - view.verticalScrollBar().sizeHint().width()
    assert abs(page_width - beside_bar) < 8, "fit width fills the pane's width beside a scrollbar"
    win.act_zoom_in.trigger()
    win.act_zoom_in.trigger()
    assert abs(view.transform().m11() - fitted * 1.25 ** 2) < 1e-6
    win.act_zoom_out.trigger()
    assert abs(view.transform().m11() - fitted * 1.25) < 1e-6
    win.act_fit.trigger()
    assert abs(view.transform().m11() - fitted) < 1e-6


def test_the_first_window_fits_a_screen_smaller_than_its_usual_size(settings: Settings, qtbot) -> None:  # noqa: ANN001
    """Seen at 1280×800: the first run's 1440×900 window ran off the screen, its status bar, the
    annotations' Edit and Delete buttons and the page view's right edge out of reach. The offscreen
    screen here is 800×800, smaller still."""
    win = MainWindow(settings)
    qtbot.addWidget(win)
    area = win.screen().availableGeometry()
    assert area.width() < 1440 or area.height() < 900  # the case in question
    win.show()
    qtbot.waitExposed(win)
    frame = win.frameGeometry()
    assert frame.width() <= area.width() and frame.height() <= area.height(), (frame, area)
    assert area.contains(frame.topLeft()) and area.contains(frame.bottomRight()), (frame, area)
