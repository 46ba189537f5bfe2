"""A status-bar message too long for the room left of the permanent labels ends in "…", whole in a tooltip (seen by
eye at 1440×900: "…give them in folde人民日报 · 2021‑01‑27" — the message cut off at the position label, unsaid)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontMetrics

LONG = ("/home/someone/archive/clips: a.txt gave neither a publication nor a date (in the file, its name, its folders "
        "or a sidecar); filed under 'clips', undated, as one issue — give them in folder names (…/人民日报/2021-01-27/"
        "04.txt), in a broadsheet.json or FILE.meta.json sidecar, or with import --publication and --date")


def test_a_long_message_is_elided_before_the_position_label(make_window, library_dir: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir, size=(1440, 900))
    win.position.setText("人民日报 · 2021-01-27  ·  page 1  ·  text lines")
    bar = win.statusBar()
    bar.showMessage(LONG, 8000)
    assert bar.currentMessage() == LONG  # what was said stays whole for whoever asks
    shown = bar.shown_message()
    room = bar.message_rect()
    assert room.right() < win.position.geometry().left()
    assert shown.endswith("…") and QFontMetrics(bar.font()).horizontalAdvance(shown) <= room.width()
    assert bar.toolTip() == LONG
    bar.showMessage("Imported 1 file(s).", 8000)  # a short one is shown whole, with no tooltip
    assert bar.shown_message() == "Imported 1 file(s)." and bar.toolTip() == ""
    bar.showMessage(LONG, 8000)
    bar.clearMessage()
    assert bar.toolTip() == ""


def test_the_tooltip_follows_the_room_as_the_task_bar_goes(make_window, library_dir: Path, qtbot) -> None:  # noqa: ANN001
    """Seen under Xvfb: the import's summary, said while the task bar still stood beside it, kept a tooltip of itself
    once the bar went and the whole summary was shown."""
    win = make_window(library_dir, size=(1440, 900))
    bar = win.statusBar()
    win.taskbar.show()
    qtbot.waitUntil(lambda: win.taskbar.isVisible() and win.taskbar.x() > 0)
    room = bar.message_rect().width()
    fm = QFontMetrics(bar.font())
    words = LONG.split()
    message = next(" ".join(words[:n]) for n in range(len(words), 0, -1)
                   if fm.horizontalAdvance(" ".join(words[:n])) < room + win.taskbar.width() - 20)
    bar.showMessage(message, 8000)
    assert bar.toolTip() == message  # cut while the task bar stands
    win.taskbar.hide()
    qtbot.waitUntil(lambda: bar.shown_message() == message)
    assert bar.toolTip() == ""
