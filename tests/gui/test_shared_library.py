"""File → Open shared library…: the window reads a library kept in PostgreSQL, by its URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

from reader.app.samples import samples_folder
from reader.library.catalogue import Library
from reader.library.importer import import_paths


def test_the_window_opens_a_shared_library_by_its_url(make_window, pg_url: str, settings, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with Library.open(pg_url) as lib:
        import_paths(lib, [samples_folder()])
        articles = len(lib.articles())
    win = make_window()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (pg_url, True)))
    win.library.choose_shared_library()
    assert win.archive is not None and win.archive.library.kind == "postgres"
    assert win.windowTitle().startswith("postgresql://")
    assert settings.recent_libraries()[0] == pg_url
    assert len(win.archive.articles()) == articles
    # an address that is not PostgreSQL's is one sentence, and the library stays open
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("/some/folder", True)))
    reported: list[str] = []
    monkeypatch.setattr(win, "report", reported.append)
    win.library.choose_shared_library()
    assert reported and "postgresql://" in reported[0] and win.archive.library.kind == "postgres"


def test_a_password_never_reaches_messages_or_the_recent_list() -> None:
    from reader.library.postgres import redact

    assert redact("postgresql://alice:s3cret@db.example/papers") == "postgresql://alice@db.example/papers"
    assert redact("postgresql://alice@db.example/papers") == "postgresql://alice@db.example/papers"


def test_a_password_given_in_the_query_is_left_out_too() -> None:
    """libpq takes ``?password=`` as well as ``user:password@``; seen in the Problems panel:
    "postgresql://u@127.0.0.1:1/none?password=x2: the database cannot be reached"."""
    from reader.library.postgres import redact

    assert redact("postgresql://alice@db.example/papers?password=s3cret") == "postgresql://alice@db.example/papers"
    assert (redact("postgresql://alice:a@db.example/papers?sslmode=require&password=s3cret&application_name=x")
            == "postgresql://alice@db.example/papers?sslmode=require&application_name=x")
    assert redact("postgresql://db.example/papers?password=") == "postgresql://db.example/papers"
    kept = "postgresql://db.example/papers?options=-c%20search_path%3Dx"  # reopened from the recent list as written
    assert redact(kept + "&password=s3cret") == kept


def _roles(url: str, team: str, *members: str) -> None:
    """Login roles ``members`` sharing the group role ``team``, granted the library (cluster-wide names: this
    test's own, so no other test's roles are dropped)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as c:
        for role in (*members, team):
            c.execute(f"DROP OWNED BY {role}") if c.execute(
                "SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() else None
            c.execute(f"DROP ROLE IF EXISTS {role}")
        for role in members:
            c.execute(f"CREATE ROLE {role} LOGIN")
        c.execute(f"CREATE ROLE {team} NOLOGIN")
        c.execute(f"GRANT {team} TO {', '.join(members)}")


def _group_library(pg_url: str, team: str, *members: str) -> tuple[str, str, list[str]]:
    """The samples in a new shared library, every component migrated, ``members`` of ``team`` granted it: (first
    article, its first line, each member's URL)."""
    from reader.annotations.store import AnnotationStore
    from reader.corrections.store import CorrectionStore

    with Library.open(pg_url) as admin:
        import_paths(admin, [samples_folder()])
        AnnotationStore.of(admin)
        CorrectionStore.of(admin)
        _roles(pg_url, team, *members)
        admin.grant(team)
        first = admin.articles()[0].id
        line = admin.article(first).line_ids()[0]
    return first, line, [pg_url.replace("broadsheet@", f"{r}@") for r in members]


def test_the_window_shows_whose_work_is_whose_and_asks_who_may_see_new_work(
        make_window, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # noqa: ANN001
    """On a shared library another researcher's note and collection carry their owner and cannot be changed
    here; the reader's own note is made with the visibility chosen in its dialog (private by default), a
    collection and a correction with the one chosen for new work, and the reader changes their own
    collection's visibility. A library folder shows and asks none of it."""
    import os

    from reader.annotations.store import Annotation, AnnotationStore
    from reader.corrections.store import Correction, CorrectionStore
    from reader.gui.dialogs.highlight_dialog import HighlightDialog
    from reader.gui.widgets.annotations_panel import ROLE_ANNOTATION
    from reader.gui.widgets.collections_panel import ROLE_ARTICLE

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first, line, (as_ann, as_ben) = _group_library(pg_url, "gui_team", "gui_ann", "gui_ben")
    with Library.open(as_ben) as ben:
        theirs = AnnotationStore.of(ben).add(Annotation(article=first, note="ben's note", visibility="group"))
        AnnotationStore.of(ben).create_collection("ben's picks", visibility="group")
        AnnotationStore.of(ben).add_to_collection("ben's picks", first)

    win = make_window(as_ann)
    assert win.archive.sharing.shared and win.archive.sharing.me == "gui_ann"
    win.open_article(first)
    assert not win.notes.new_work.isHidden() and win.notes.new_work.value().value == "private"
    assert [a.id for a in win.notes.current] == [theirs.id]
    item = win.notes.article_list.topLevelItem(0).child(0)
    assert "by gui_ben · My group" in item.text(0)
    win.notes.article_list.setCurrentItem(item)
    assert not win.notes.edit_button.isEnabled() and not win.notes.delete_button.isEnabled()
    seen = win.notes.selected()  # as the window read it: owner and visibility from the database
    assert seen is not None and seen.owner == "gui_ben"
    assert not win.annotating.edit_annotation(seen, "mine now", []) and not win.annotating.delete_annotation(seen)
    assert "only its owner" in win.statusBar().currentMessage()

    # a note of one's own: the dialog asks who may see it (private first); the dock says it is shared
    asked: list[str] = []

    def answer(dlg: HighlightDialog) -> bool:
        asked.append(dlg.visibility.value().value)
        dlg.note.setPlainText("ann's note")
        dlg.visibility.setCurrentIndex(dlg.visibility.findData("group"))
        return True

    monkeypatch.setattr(win, "_ask", answer)
    assert win.annotating.add_article_note()
    mine = next(a for a in win.archive.annotations.find(article=first) if a.note == "ann's note")
    assert asked == ["private"] and mine.owner == "gui_ann" and mine.visibility == "group"
    texts = [win.notes.article_list.topLevelItem(0).child(i).text(0) for i in range(2)]
    assert any("ann's note" in t and "shared: My group" in t for t in texts), texts
    own = next(win.notes.article_list.topLevelItem(0).child(i) for i in range(2)
               if win.notes.article_list.topLevelItem(0).child(i).data(0, ROLE_ANNOTATION) == mine.id)
    win.notes.article_list.setCurrentItem(own)
    assert win.notes.edit_button.isEnabled() and win.notes.delete_button.isEnabled()

    # new work public: a collection and a correction made from now on are; the reader changes their own
    win.notes.new_work.setCurrentIndex(win.notes.new_work.findData("public"))
    assert win.archive.sharing.new_work.value == "public"
    assert win.collecting.new_collection("ann's set") == "ann's set"
    assert win.archive.annotations.collection("ann's set").visibility == "public"
    names = [win.collections.names.item(i).text() for i in range(win.collections.names.count())]
    assert any(n.startswith("ben's picks") and "by gui_ben" in n for n in names), names
    win.collections.names.setCurrentRow(next(i for i, n in enumerate(names) if n.startswith("ben's picks")))
    assert not win.collections.visibility.isHidden() and not win.collections.visibility.isEnabled()
    assert not win.collections.delete_button.isEnabled()
    win.collections.names.setCurrentRow(next(i for i, n in enumerate(names) if n.startswith("ann's set")))
    assert win.collections.visibility.isEnabled()
    win.collections.visibility.setCurrentIndex(win.collections.visibility.findData("group"))
    assert win.archive.annotations.collection("ann's set").visibility == "group"
    # a collection of her own named as his (she was told "already exists" of it): two rows, each showing its own
    # articles; hers is the one a name chooses, and the one she changes
    second = win.archive.library.articles()[1].id
    assert win.collecting.new_collection("ben's picks") == "ben's picks"
    win.open_article(second)
    win.collecting.add_to_collection("ben's picks")
    panel = win.collections
    rows = [i for i in range(panel.names.count()) if panel.names.item(i).text().startswith("ben's picks")]

    def shown() -> list[str]:
        return [panel.items.item(i).data(ROLE_ARTICLE) for i in range(panel.items.count())]

    assert len(rows) == 2 and panel.names.currentRow() in rows
    assert shown() == [second] and panel.delete_button.isEnabled()
    panel.names.setCurrentRow(next(r for r in rows if r != panel.names.currentRow()))
    assert shown() == [first] and not panel.delete_button.isEnabled()
    win.open_article(first)
    assert win.corrections.add_correction(Correction("headline", first, {"line": line}))
    assert [c.visibility for c in win.archive.corrections.find()] == ["public"]
    with Library.open(as_ben) as ben:
        CorrectionStore.of(ben).add(Correction("headline", first, {"line": line}, visibility="group"))
    win.annotating.show_annotations()  # the dock lists the corrections in the text, another's with its owner
    top = win.notes.article_list
    fixes = next(top.topLevelItem(i) for i in range(top.topLevelItemCount())
                 if top.topLevelItem(i).text(0) == "Corrections in this text")
    listed = sorted(fixes.child(i).text(0) for i in range(fixes.childCount()))
    assert listed == ["Set headline\nby gui_ben · My group", "Set headline\nshared: Everyone (public)"], listed
    with Library.open(as_ben) as ben:  # ben sees what ann shared with the group, and her public correction
        assert "ann's note" in {a.note for a in AnnotationStore.of(ben).find()}
        assert sorted(c.owner for c in CorrectionStore.of(ben).find()) == ["gui_ann", "gui_ben"]

    shots = os.environ.get("BROADSHEET_SCREENSHOTS")
    if shots:
        win.notes_dock.show()
        qtbot.wait(200)
        win.grab().save(str(Path(shots) / "broadsheet-shared-work.png"))

    folder = make_window(tmp_path / "desk", create=True)
    assert folder.notes.new_work.isHidden() and folder.collections.visibility.isHidden()


def test_a_colleagues_note_and_correction_reach_the_open_window(
        make_window, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # noqa: ANN001
    """A shared library is written by a group all day: a note or a correction a colleague shares with the group
    is shown in the open window within a look (reader.gui.watching), without a restart; a private one is not."""
    from reader.annotations.store import Annotation, AnnotationStore
    from reader.corrections.store import Correction, CorrectionStore
    from reader.gui import watching

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first, line, (as_ann, as_ben) = _group_library(pg_url, "watch_team", "watch_ann", "watch_ben")
    win = make_window(as_ann)
    win.open_article(first)
    assert win.notes.current == []
    with Library.open(as_ben) as ben:
        AnnotationStore.of(ben).add(Annotation(article=first, note="ben's private note"))
        AnnotationStore.of(ben).add(Annotation(article=first, note="ben's note for us", visibility="group"))
        CorrectionStore.of(ben).add(Correction("headline", first, {"line": line}, visibility="group"))
    qtbot.waitUntil(lambda: [a.note for a in win.notes.current] == ["ben's note for us"],
                    timeout=3 * watching.LOOK_MS)
    # ben's correction is applied to the article shown, and listed as his beside it
    groups = {win.notes.article_list.topLevelItem(i).text(0): win.notes.article_list.topLevelItem(i)
              for i in range(win.notes.article_list.topLevelItemCount())}
    fixes = groups["Corrections in this text"]
    assert fixes.childCount() == 1 and "watch_ben" in fixes.child(0).text(0)
    assert [c.owner for c in win.archive.all_corrections()] == ["watch_ben"]


def test_a_colleagues_private_note_re_lists_nothing_in_the_open_window(
        make_window, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """Review: every window re-read and re-listed its notes and collections (and said "Changed elsewhere") each
    time a colleague saved a private note — counted for everyone, seen by no one else."""
    from reader.annotations.store import Annotation, AnnotationStore
    from reader.app.watch import Elsewhere

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first, _line, (as_ann, as_ben) = _group_library(pg_url, "quiet_team", "quiet_ann", "quiet_ben")
    win = make_window(as_ann)
    win.watching.timer.stop()
    with Library.open(as_ben) as ben:
        AnnotationStore.of(ben).add(Annotation(article=first, note="ben's, shared", visibility="group"))
    assert win.archive.watch.look() == Elsewhere(annotations=True)
    with Library.open(as_ben) as ben:
        AnnotationStore.of(ben).add(Annotation(article=first, note="ben's alone"))
    assert win.archive.watch.look() == Elsewhere()


def test_a_researcher_importing_in_the_window_is_told_who_may(
        make_window, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """Seen under Xvfb: ``broadsheet gui --library postgresql://alice@… FOLDER`` ran an import process that ended
    "the import process ended with status 2: broadsheet: postgresql://…: alice may read …" in the Problems panel.
    The window says it itself, in the reader's language, and starts no import or reindex."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _first, _line, (as_imp,) = _group_library(pg_url, "imp_team", "imp_ann")
    win = make_window(as_imp)
    assert win.archive.import_owner == "broadsheet"
    assert win.tasks.import_paths([str(samples_folder())]) is None and win.tasks.task is None
    said = win.statusBar().currentMessage()
    assert said.startswith("Only this library's owner (broadsheet) can import into it or reindex it"), said
    assert win.tasks.reindex() is None and win.tasks.task is None
    asked: list[object] = []
    monkeypatch.setattr("reader.gui.tasks.QMessageBox.question", lambda *a: asked.append(a))
    monkeypatch.setattr("reader.gui.tasks.QFileDialog.getExistingDirectory", lambda *a: asked.append(a))
    assert win.tasks.read_again() is None
    win.tasks.choose_import_folder()
    assert asked == [] and win.tasks.task is None  # refused before asking
    folder = make_window(tmp_path / "desk", create=True)
    assert folder.archive.import_owner is None


def test_the_export_dialog_says_whose_annotations_it_includes(make_window, pg_url: str, library_dir: Path,
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """Seen by a tester: "Include my annotations and corrections" exported a colleague's group notes and corrections
    too (each by its author, rightly): on a shared library the box says so; on a folder, where all are the reader's,
    it says "annotations and corrections"."""
    import shutil

    from reader.gui.dialogs.export_dialog import ExportDialog
    from reader.gui.export_ui import export_context

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with Library.open(pg_url) as lib:
        import_paths(lib, [samples_folder()])
    said = []
    for where in (pg_url, shutil.copytree(library_dir, tmp_path / "lib")):
        win = make_window(where)
        dlg = ExportDialog(win.archive.overlay_of, export_context(win), parent=win)
        said.append(dlg.include_annotations.text())
        dlg.deleteLater()
    assert said == ["Include annotations and corrections (mine and those my group shares)",
                    "Include annotations and corrections"]
