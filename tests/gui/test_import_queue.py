"""Imports asked for while another task runs wait their turn and open what they bring; an empty file is one
problem, not an empty publication (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.gui.tasks import Tasks

DATA = Path(__file__).resolve().parents[1] / "data"


def _source(tmp_path: Path) -> Path:
    src = tmp_path / "mine" / "page.txt"
    src.parent.mkdir(parents=True)
    src.write_text((DATA / "text" / "seed_page.txt").read_text(encoding="utf-8") + "\n本地新闻一则。\n",
                   encoding="utf-8")
    (src.parent / "page.txt.meta.json").write_text('{"publication": "测试报", "date": "2020-01-02"}',
                                                   encoding="utf-8")
    return src


def test_paths_given_during_the_first_run_sample_import_are_queued_and_opened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings, qtbot) -> None:  # noqa: ANN001
    from reader.gui import app

    src = _source(tmp_path)
    monkeypatch.setenv("BROADSHEET_LIBRARY", str(tmp_path / "first-run"))
    asked: list[object] = []
    original = Tasks.progress

    def progress(self: Tasks, p) -> None:  # noqa: ANN001
        original(self, p)
        if not asked:  # `broadsheet gui PATH` while the samples are being imported
            asked.append(self.import_paths([src], open_imported=True))
            assert "when the running task ends" in self.w.statusBar().currentMessage()

    monkeypatch.setattr(Tasks, "progress", progress)
    win = app.build_window(settings)
    try:
        assert asked == [None]
        assert not any("Another task" in m for m in win.problems.messages()), win.problems.messages()
        assert "测试报" in {p.name for p in win.archive.publications()}
        assert win.tasks.task is None and not win.tasks.queue
        # what the paths brought is open, and the tree and the list show it
        assert win.archive.info(win.article_id).publication == "测试报"
        assert win.tree.currentItem().parent().parent().text(0) == "测试报"
        assert win.article_id in win.article_list.ids()
    finally:
        win.close()
        win.archive.close()
        win.deleteLater()


def test_an_import_in_the_window_does_not_open_what_it_brings(make_window, tmp_path: Path, library_dir: Path,
                                                             sources_dir: Path) -> None:
    win = make_window(tmp_path / "lib", create=True)
    assert win.import_paths([sources_dir / "kant"]).state == "done"
    before = win.article_id
    assert win.import_paths([_source(tmp_path)]).state == "done"
    assert win.article_id == before


def test_an_empty_file_is_a_problem_not_a_publication(make_window, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    win = make_window(tmp_path / "lib", create=True)
    worker = win.import_paths([src])
    assert worker.state == "done"
    assert win.tree.topLevelItemCount() == 0 and win.archive.publications() == []
    problems = win.problems.messages()
    assert len(problems) == 1 and "empty.txt" in problems[0] and "no text" in problems[0]


def test_status_messages_stay_apart_from_the_running_task(make_window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    from reader.gui.workers import Progress

    win = make_window(tmp_path / "lib", create=True, size=(1440, 900))
    src = tmp_path / "src"
    src.mkdir()
    (src / "broken.xml").write_text("<alto><Layout><Page", encoding="utf-8")
    (src / "page.txt").write_text((DATA / "text" / "seed_page.txt").read_text(encoding="utf-8"), encoding="utf-8")
    seen: list[tuple[int, int]] = []
    original = win.taskbar.progress

    def progress(p: Progress) -> None:
        original(p)
        qtbot.wait(10)
        if win.problems.messages() and not seen:
            label = win.taskbar.label
            left = label.mapTo(win.statusBar(), label.rect().topLeft()).x()
            seen.append((win.taskbar.rule.mapTo(win.statusBar(), win.taskbar.rule.rect().topLeft()).x(), left))

    win.taskbar.progress = progress
    win.import_paths([src])
    assert seen, "a problem was reported while the import ran"
    rule_x, label_x = seen[0]
    assert win.taskbar.rule.isVisibleTo(win.taskbar) and rule_x + 6 <= label_x
