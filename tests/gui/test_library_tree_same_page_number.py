"""Two pages of one issue with one number are told apart in the Library tree: two plain-text files of one date
folder, each its page 1, showed as two rows "Page 1" (seen by eye); now each names its file, its tooltip the path."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.gui.widgets.library_tree import ROLE_KIND

from .conftest import DATA, library_of


def _page_rows(tree) -> list[tuple[str, str]]:  # noqa: ANN001
    tree.expandAll()
    rows = []
    for i in range(tree.topLevelItemCount()):
        stack = [tree.topLevelItem(i)]
        while stack:
            item = stack.pop()
            if item.data(0, ROLE_KIND) == "page":
                rows.append((item.text(0), item.toolTip(0)))
            stack.extend(item.child(k) for k in range(item.childCount()))
    return sorted(rows)


def test_two_pages_of_one_number_show_their_files(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    day = tmp_path / "archive" / "人民日报" / "2021-01-29"
    day.mkdir(parents=True)
    for name in ("seed_page.txt", "rendered_page.txt"):
        shutil.copy(DATA / "text" / name, day / name)
    win = make_window(library_of(tmp_path / "archive", tmp_path / "lib"))
    rows = _page_rows(win.tree)
    assert [label for label, _tip in rows] == ["Page 1 · rendered_page.txt", "Page 1 · seed_page.txt"]
    for label, tip in rows:
        assert tip.endswith(label.split(" · ")[1]) and Path(tip).is_absolute(), tip


def test_a_page_of_its_own_number_shows_the_number_alone(make_window, library_dir: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    labels = [label for label, _tip in _page_rows(win.tree)]
    assert labels and all(" · " not in label for label in labels), labels
