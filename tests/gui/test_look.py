"""How the window looks and fits (issue 14): dark theme, the side panel, the annotations dock, polish."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader.gui.actions import ActionId
from reader.gui.app import apply_theme
from reader.gui.mainwindow import MainWindow


def _dark_share(win: MainWindow, aid: ActionId) -> float:
    """The share of an action's icon's opaque pixels that are near black (lightness < 80)."""
    img = win.action_map[aid].icon().pixmap(QSize(20, 20)).toImage()
    values = [QColor(img.pixel(x, y)).lightness() for x in range(img.width()) for y in range(img.height())
              if QColor.fromRgba(img.pixel(x, y)).alpha() > 128]
    assert values, f"{aid} has an icon"
    return sum(v < 80 for v in values) / len(values)


def _theme_action(win: MainWindow, key: str):  # noqa: ANN202
    return next(a for a in win.display.theme_group.actions() if a.data() == key)


@pytest.fixture
def restore_theme():  # noqa: ANN201
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "system")


def test_dark_theme_icons_follow_the_palette_and_check_boxes_have_an_outline(make_window, library_dir: Path,
                                                                             restore_theme) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    _theme_action(win, "light").trigger()
    for aid in (ActionId.PREV_ARTICLE, ActionId.FIT, ActionId.VERTICAL):
        assert _dark_share(win, aid) > 0.3, f"{aid}: dark glyphs on a light toolbar"
    _theme_action(win, "dark").trigger()
    assert win.settings.theme() == "dark"
    for aid in (ActionId.PREV_ARTICLE, ActionId.NEXT_PAGE, ActionId.FIT, ActionId.VERTICAL):
        assert _dark_share(win, aid) < 0.05, f"{aid}: no black glyphs on the dark toolbar"
    pal = QApplication.palette()
    window = pal.color(QPalette.ColorRole.Window).lightness()
    # Fusion outlines check boxes and frames with these shades: none may be a light theme's near-white
    for role in (QPalette.ColorRole.Light, QPalette.ColorRole.Midlight, QPalette.ColorRole.Mid,
                 QPalette.ColorRole.Dark):
        assert pal.color(role).lightness() < 128, role
    assert pal.color(QPalette.ColorRole.Light).lightness() - window > 30, "check box outline visible on the menu"
    assert pal.color(QPalette.ColorRole.Link).lightness() > 150, "links readable on black"
