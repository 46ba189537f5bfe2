"""The window's actions come from one table (reader.gui.actions): every entry is in the window with its
shortcut and menus, and every non-destructive one can be triggered; plain actions never pass ``checked``."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox

from reader.gui import actions as A

GUI = Path(__file__).resolve().parents[2] / "reader" / "gui"

#: actions that would leave the window, open a file chooser or a modal loop of their own, or rebuild the index
NOT_TRIGGERED = {A.ActionId.QUIT, A.ActionId.OPEN, A.ActionId.IMPORT_FILES, A.ActionId.IMPORT_FOLDER,
                 A.ActionId.REINDEX}


def _menu_keys_of(win, act: QAction) -> set[str]:  # noqa: ANN001
    return {key for key, menu in win.menus.items() if act in menu.actions()}


def test_the_table_is_complete_and_every_action_is_in_the_window(make_window, library_dir: Path) -> None:
    win = make_window(library_dir)
    assert len(A.ACTIONS) == len(A.ActionId) == len(A.SPECS)
    for spec in A.ACTIONS:
        act = win.findChild(QAction, spec.id.value)
        assert act is not None, spec.id
        assert getattr(win, spec.id.attribute) is act is win.action_map[spec.id]
        if spec.all_bindings:
            assert act.shortcuts() == QKeySequence.keyBindings(spec.shortcuts[0])
        else:
            keys = [QKeySequence(s) for s in spec.shortcuts]
            assert act.shortcuts() == [k for k in keys if not k.isEmpty()], spec.id
        assert _menu_keys_of(win, act) == set(spec.menus()), spec.id
        assert (act in win.toolbar.actions()) == any(p.where == "toolbar" for p in spec.places)
        assert act.isCheckable() == (spec.checkable or spec.provider.startswith("dock:")), spec.id
        assert spec.handler or spec.provider, spec.id
        if spec.handler:
            assert callable(A.resolve(win, spec.handler)), spec.handler
    assert [a.text() for a in win.menuBar().actions()] == [A.tr(m.title) for m in A.MENUS if m.place is None]
    menu = win.reading_menu()
    listed = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert listed == [s.id.value for s in sorted((s for s in A.ACTIONS if any(p.where == "context" for p in s.places)),
                                                 key=lambda s: next((p.group, p.order) for p in s.places
                                                                    if p.where == "context"))]
    menu.close()


def test_every_non_destructive_action_triggers_without_error(make_window, library_dir: Path, tmp_path: Path,
                                                             monkeypatch) -> None:  # noqa: ANN001
    """pytest-qt fails the test on an exception raised in a slot; the corrections may be refused (Problems)."""
    shutil.copytree(library_dir, tmp_path / "lib")  # the corrections are stored
    win = make_window(tmp_path / "lib")
    monkeypatch.setattr(win, "_ask", lambda dlg: False)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: shown.append(a[1])))
    for spec in A.ACTIONS:
        if spec.id in NOT_TRIGGERED:
            continue
        act = win.action_map[spec.id]
        act.trigger()
        if act.isCheckable():
            act.trigger()  # and back
    assert shown == []
    from PySide6.QtWidgets import QApplication

    from reader.gui.dialogs.help_dialog import HelpDialog
    helps = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible()]
    assert [h.windowTitle() for h in helps] == ["Search syntax"]  # a dialog that fits the screen (it scrolls)
    for h in helps:
        h.close()
    assert win.article_view.article is not None
    while win.undo_stack.canUndo():
        win.undo_stack.undo()
    for dlg in (win.export_dialog, win.about_dialog):
        if dlg is not None:
            dlg.close()


def test_correct_ocr_text_from_the_menu_asks_and_never_writes_false(make_window, library_dir: Path, tmp_path: Path,
                                                                    monkeypatch) -> None:  # noqa: ANN001
    work = tmp_path / "lib"
    shutil.copytree(library_dir, work)
    win = make_window(work)
    text = win.article_view.article.text
    needle = next(w for w in text.split() if len(w) >= 3)[:3]
    start = text.index(needle)
    win.article_view.select_article_range(start, start + len(needle))
    asked: list[str] = []

    def get_text(parent, title, label, *args, **kwargs):  # noqa: ANN001, ANN202
        asked.append(kwargs.get("text", args[1] if len(args) > 1 else ""))
        return "", False  # the user cancels

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    aid = win.article_id
    win.act_fix_text.trigger()
    assert asked == [needle]  # the dialog was opened on the selected characters
    assert win.undo_stack.count() == 0  # cancelled: nothing stored
    assert win.article_id == aid and win.article_view.article.text == text

    # answering corrects the text with what was typed
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("XYZ", True)))
    win.article_view.select_article_range(start, start + len(needle))
    win.act_fix_text.trigger()
    assert win.undo_stack.count() == 1
    assert "XYZ" in win.article_view.article.text and "False" not in win.article_view.article.text


def test_a_selection_that_cannot_be_corrected_is_said_before_the_correction_is_typed(
        make_window, library_dir: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Seen by eye: characters across two source lines ('Ver> trauen') were refused only after the correction was
    typed, and the typing was lost. Such a selection is corrected now (one correction a line, one undo); one over
    two paragraphs cannot be, and is said before anything is typed."""
    work = tmp_path / "lib"
    shutil.copytree(library_dir, work)
    win = make_window(work)
    art = win.article_view.article
    at = 0
    for part in art.parts:
        two = next(((a, b) for a, b in zip(part.spans, part.spans[1:], strict=False) if a.line != b.line), None)
        if two is not None:
            start, end = at + two[0].end - 1, at + two[1].start + 1
            break
        at += len(part.text) + 2
    else:
        pytest.skip("no part runs over two lines")
    asked: list[object] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: asked.append(a) or ("x", True)))
    first = len(art.parts[0].text)
    win.article_view.select_article_range(first - 1, first + 3)  # the end of a paragraph and the next one's start
    assert not win.corrections.correct_ocr()
    assert asked == [] and win.undo_stack.count() == 0
    win.article_view.select_article_range(start, end)  # over a line break: the last character changed
    typed = art.text[start:end - 1] + "x"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: asked.append(a) or (typed, True)))
    assert win.corrections.correct_ocr()
    assert len(asked) == 1 and win.undo_stack.count() == 1


@pytest.mark.parametrize("path", sorted(p for p in GUI.rglob("*.py")), ids=lambda p: str(p.relative_to(GUI)))
def test_every_module_of_the_window_has_qt_in_it(path: Path) -> None:
    """What has no Qt lives below reader.gui (reader.app and further down)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    if path.name == "__init__.py" and path.parent != GUI:  # a package of parts: its docstring, nothing else
        assert len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr), path
        return
    assert any(n.startswith(("PySide6", "reader.gui")) for n in names), path


#: characters typed with Shift on a US keyboard, and the key under them
_SHIFTED = {"+": "=", "_": "-", "<": ",", ">": ".", "?": "/", ":": ";", '"': "'", "{": "[", "}": "]", "|": "\\",
            "~": "`", "!": "1", "@": "2", "#": "3", "$": "4", "%": "5", "^": "6", "&": "7", "*": "8", "(": "9",
            ")": "0"}


def test_every_shortcut_can_be_typed() -> None:
    """Seen by eye under X: "Larger text" (Ctrl+Shift++) zoomed the page instead — the keys typed for it, Ctrl,
    Shift and =, are also Ctrl++ (Zoom in), which Qt matched first. A shortcut that names Shift with a character
    typed with Shift cannot be told from the same character without it."""
    for spec in A.ACTIONS:
        for shortcut in spec.shortcuts:
            if not isinstance(shortcut, str):
                continue
            keys = shortcut.split("+")
            key = "+" if shortcut.endswith("++") else keys[-1]
            assert not ("Shift" in keys and key in _SHIFTED), (spec.id, shortcut)


def test_a_paragraph_is_moved_to_another_article_from_the_correct_menu(make_window, library_dir: Path,  # noqa: ANN001
                                                                      tmp_path: Path, monkeypatch) -> None:
    """Seen by a tester: the command line moves a paragraph the segmenter put in the wrong article
    (`correct move`), the window had no way to. Correct → Move paragraph to article… asks which article of the
    list, moves the paragraph at the cursor to its end, and is undone as one."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    ids = win.article_list.ids()
    source = next(i for i in ids if len(win.archive.article(i).parts) >= 2)
    win.open_article(source)
    before = win.article_view.article
    part = len(before.parts) - 1
    moved = before.parts[part].text
    win.article_view.select_original(part, 0)
    asked: list[list[str]] = []
    offered: list[int] = []

    def get_item(parent, title, label, items, current=0, *args, **kwargs):  # noqa: ANN001, ANN202
        asked.append(list(items))
        offered.append(current)
        return "", False  # cancelled

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    act = win.action_map[A.ActionId.MOVE_PARA]
    act.trigger()
    assert asked and len(asked[0]) == len(ids) - 1 and win.undo_stack.count() == 0
    after = ids[ids.index(source) + 1] if ids.index(source) + 1 < len(ids) else ids[-2]
    assert asked[0][offered[0]].endswith(win.article_list.entries()[ids.index(after)][1]), "its neighbour offered"
    target = next(i for i in ids if i != source)
    choice = asked[0][0]
    assert choice.startswith("1. ")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (choice, True)))
    win.article_view.select_original(part, 0)
    act.trigger()
    assert win.undo_stack.count() == 1
    assert win.article_id == source and moved not in [p.text for p in win.article_view.article.parts]
    win.open_article(target)
    assert win.article_view.article.parts[-1].text == moved
    win.undo_stack.undo()
    win.open_article(source)
    assert [p.text for p in win.article_view.article.parts] == [p.text for p in before.parts]


def test_a_word_already_corrected_is_corrected_again_not_the_space_before_it(make_window, library_dir: Path,  # noqa: ANN001
                                                                            tmp_path: Path, monkeypatch) -> None:
    """Seen by the by-eye tester: correcting a word a second time offered the space before it (every character
    of a correction was located on the source character before it) and stored " " → "Decembre": the text read
    "1.DecembreDecember.". Now the dialog offers the corrected word (a selection touching it, the whole of it),
    and what is typed replaces that correction — one undoable step; typing the OCR's word takes it away. A
    mistyped correction can be put right after a restart, when Undo no longer reaches it."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    text = win.article_view.article.text
    word = next(w for w in text.split() if len(w) >= 4 and w.isalpha())
    start = text.index(word)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("ZQXW", True)))
    win.article_view.select_article_range(start, start + len(word))
    win.act_fix_text.trigger()
    assert win.undo_stack.count() == 1 and "ZQXW" in win.article_view.article.text
    shown = win.article_view.article.text
    at = shown.index("ZQXW")
    asked: list[str] = []
    answer = ["ZQXWV"]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: asked.append(k.get("text")) or
                                                              (answer[0], True)))
    win.article_view.select_article_range(at + 1, at + 3)  # inside the corrected word: the whole word offered
    win.act_fix_text.trigger()
    assert asked == ["ZQXW"] and win.undo_stack.count() == 2
    again = win.article_view.article.text
    assert again == shown.replace("ZQXW", "ZQXWV", 1) and "ZQXWZQXW" not in again
    stored = [c.data for c in win.archive.corrections.find([win.article_id])]
    assert [(d["original"], d["corrected"]) for d in stored] == [(word, "ZQXWV")]
    win.undo_stack.undo()
    assert win.article_view.article.text == shown
    # the OCR's word typed over the correction takes it away
    answer[0] = word
    at = win.article_view.article.text.index("ZQXW")
    win.article_view.select_article_range(at, at + 4)
    win.act_fix_text.trigger()
    assert win.article_view.article.text == text and not win.archive.corrections.find([win.article_id])
    assert " " not in asked


def test_a_correction_that_changes_nothing_is_not_stored(make_window, library_dir: Path, tmp_path: Path,  # noqa: ANN001
                                                         monkeypatch) -> None:
    """Seen by the by-eye tester: Enter in the correction dialog without a change stored "Revolution" →
    "Revolution", marked and exported as the reader's correction."""
    shutil.copytree(library_dir, tmp_path / "lib")
    win = make_window(tmp_path / "lib")
    text = win.article_view.article.text
    word = next(w for w in text.split() if len(w) >= 4 and w.isalpha())
    start = text.index(word)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (k.get("text"), True)))
    win.article_view.select_article_range(start, start + len(word))
    assert not win.corrections.correct_ocr()
    assert win.undo_stack.count() == 0 and not win.article_view.corrected
    assert "already reads" in win.statusBar().currentMessage()


def _mnemonic(text: str) -> str | None:
    """The letter Alt+letter picks an item by (after a single "&"; "&&" is a literal ampersand)."""
    i = 0
    while (i := text.find("&", i)) >= 0 and i + 1 < len(text):
        if text[i + 1] != "&":
            return text[i + 1].lower()
        i += 2
    return None


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp):  # noqa: ANN001, ANN201
    """The window's language for one test (English again afterwards)."""
    from reader.gui import app as gui_app

    if request.param != "en":
        assert gui_app.install_translations(qapp, request.param)
    yield request.param
    gui_app.remove_translations(qapp)


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"], indirect=True)
def test_no_two_items_of_a_menu_share_their_letter(make_window, library_dir: Path, language: str) -> None:  # noqa: ANN001
    """Seen by eye (eye48): in Correct, "Split paragraph at the &cursor" and "Show &corrected text" both took C — Alt+C
    only cycled between them. Every menu (the menu bar's, their submenus, the text's context menu), in every language
    shipped: each letter picks one item."""
    win = make_window(library_dir)
    menus = [a.menu() for a in win.menuBar().actions() if a.menu() is not None] + [win.reading_menu()]
    shared = []
    while menus:
        menu = menus.pop()
        letters = [m for a in menu.actions() if not a.isSeparator() and a.isVisible() and (m := _mnemonic(a.text()))]
        shared += [(menu.title(), letter, [a.text() for a in menu.actions() if _mnemonic(a.text()) == letter])
                   for letter in sorted(set(letters)) if letters.count(letter) > 1]
        menus += [a.menu() for a in menu.actions() if a.menu() is not None]
    bar = [m for a in win.menuBar().actions() if (m := _mnemonic(a.text()))]
    assert len(set(bar)) == len(bar), bar
    assert not shared, shared
