"""The window on a shared library whose server restarts (``pg_ctl -m fast stop``, a few seconds, start).

Seen by the by-eye tester: while the server was down an "unexpected error" dialog said "sqlite3.OperationalError:
terminating connection due to administrator command"; once it was back, Annotate → Article note… said
"sqlite3.OperationalError: the connection is closed", a colleague's new note never appeared and nothing typed was
saved, until the window was relaunched."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.annotations.store import Annotation, AnnotationStore
from reader.app.samples import samples_folder
from reader.gui import watching
from reader.gui.dialogs.highlight_dialog import HighlightDialog
from reader.library.catalogue import Library
from reader.library.importer import import_paths


def _lost(win) -> list[str]:  # noqa: ANN001
    return [m for m in win.problems.messages() if "lost the connection" in m]


@pytest.mark.qt_no_exception_capture  # the window's own hook takes what its timers raise, as when it runs
def test_the_window_says_once_that_the_server_is_gone_keeps_the_typed_note_and_works_again_after_it_is_back(
        make_window, pg_restartable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # noqa: ANN001
    import pgcluster

    from reader.gui import app

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    url = pg_restartable.create_database(pgcluster.unique_name())
    with Library.open(url) as lib:
        import_paths(lib, [samples_folder()])
        AnnotationStore.of(lib)
    win = make_window(url)
    monkeypatch.setattr(app, "_window", win)
    monkeypatch.setattr(sys, "excepthook", app.excepthook)
    aid = win.state.article_id
    assert aid is not None

    def typed_while_the_server_goes(dlg: HighlightDialog) -> bool:
        dlg.note.setPlainText("typed while the server went away")
        pg_restartable.halt()
        return True

    monkeypatch.setattr(win, "_ask", typed_while_the_server_goes)
    try:
        assert not win.annotating.add_article_note()
        said = _lost(win)
        assert len(said) == 1 and "sqlite3" not in said[0] and "Connection refused" in said[0], win.problems.messages()
        assert QApplication.clipboard().text() == "typed while the server went away"
        assert any("not saved" in m and "clipboard" in m for m in win.problems.messages())
        # the looks for changes fail meanwhile: said no more in the Problems panel, and no "unexpected error" dialog
        qtbot.wait(2 * watching.LOOK_MS + 500)
        assert len(_lost(win)) == 1 and win.watching.offline
        try:  # something the window did, not caught on its way: the same words, not the crash dialog
            win.archive.library.articles()
        except Exception as e:  # noqa: BLE001
            app.excepthook(type(e), e, e.__traceback__)
        QApplication.processEvents()
        assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "exceptionDialog" and w.isVisible()]
        assert len(_lost(win)) == 1
    finally:
        pg_restartable.start()
    # a look answers again: said; the reader's note is saved; a colleague's note reaches the window
    qtbot.waitUntil(lambda: not win.watching.offline, timeout=3 * watching.LOOK_MS)
    assert "back" in win.statusBar().currentMessage()

    def pasted(dlg: HighlightDialog) -> bool:
        dlg.note.setPlainText(QApplication.clipboard().text())
        return True

    monkeypatch.setattr(win, "_ask", pasted)
    assert win.annotating.add_article_note()
    assert [a.note for a in win.archive.annotations.find(article=aid)] == ["typed while the server went away"]
    with Library.open(url) as other:
        AnnotationStore.of(other).add(Annotation(article=aid, note="a colleague's, after the restart", anchor=None,
                                                 tags=["later"]))
    qtbot.waitUntil(lambda: "a colleague's, after the restart" in [a.note for a in win.notes.current],
                    timeout=3 * watching.LOOK_MS)
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "exceptionDialog" and w.isVisible()]
