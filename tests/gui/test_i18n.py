"""Issue 7 in the window: three interface languages, About, the log view, debug information, the error dialog."""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from reader.gui import app as gui_app

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
CJK = re.compile(r"[\u3400-\u9fff]")
ECPO = ("ECPO – Early Chinese Periodicals Online, Heidelberg Centre for Transcultural Studies "
        "(hcts-hra/ecpo-data), CC BY 4.0")


@pytest.fixture
def language(qapp) -> Iterator[object]:  # noqa: ANN001
    """Install a language's translations for one test; English again afterwards."""
    def install(lang: str) -> list[str]:
        return gui_app.install_translations(qapp, lang)
    yield install
    gui_app.remove_translations(qapp)


def menu_texts(win) -> list[str]:  # noqa: ANN001
    """Every menu title and action text of the menu bar, submenus included."""
    out: list[str] = []

    def walk(actions) -> None:  # noqa: ANN001
        for act in actions:
            if act.isSeparator():
                continue
            out.append(act.text())
            if act.menu() is not None:
                walk(act.menu().actions())
    walk(win.menuBar().actions())
    return out


@pytest.mark.parametrize(("lang", "file_menu", "qt_cancel"), [("zh_CN", "文件(&F)", "取消"),
                                                              ("zh_TW", "檔案(&F)", "取消")])
def test_the_interface_in_chinese(make_window, library_dir: Path, language, lang: str, file_menu: str,
                                  qt_cancel: str) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QDialogButtonBox

    loaded = language(lang)
    assert any(f"broadsheet_{lang}.qm" in f for f in loaded) and any(f"qtbase_{lang}.qm" in f for f in loaded)
    win = make_window(library_dir)
    texts = menu_texts(win)
    assert texts[0] == file_menu
    # every menu entry is translated, apart from names that are the same in every language
    untranslated = [t for t in texts if not CJK.search(t) and t not in ("English",) and not t.startswith("/")]
    assert not untranslated, untranslated
    assert win.side.tabText(0) in ("文库", "文庫")
    from PySide6.QtWidgets import QDockWidget

    docks = {d.objectName(): d.windowTitle() for d in win.findChildren(QDockWidget)}
    assert docks and all(CJK.search(title) for title in docks.values()), docks
    # Qt's own strings come from qtbase's translation
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().startswith(qt_cancel)
    box.deleteLater()


def test_english_is_the_source_language(make_window, library_dir: Path, language) -> None:  # noqa: ANN001
    language("en")
    win = make_window(library_dir)
    assert menu_texts(win)[0] == "&File"


def test_the_chinese_translations_are_complete_and_compiled() -> None:
    for lang in ("zh_CN", "zh_TW"):
        root = etree.parse(str(TRANSLATIONS / f"broadsheet_{lang}.ts")).getroot()
        assert root.get("language") == lang
        messages = list(root.iter("message"))
        assert len(messages) > 200
        unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"]
        assert not unfinished, unfinished[:5]
        qm = TRANSLATIONS / f"broadsheet_{lang}.qm"
        assert qm.is_file() and qm.stat().st_mtime >= (TRANSLATIONS / f"broadsheet_{lang}.ts").stat().st_mtime - 1
    assert (TRANSLATIONS / "broadsheet_en.ts").is_file() and (TRANSLATIONS / "update.sh").is_file()


def test_the_language_menu_keeps_the_choice(make_window, settings) -> None:  # noqa: ANN001
    win = make_window()
    act = next(a for a in win.display.language_group.actions() if a.data() == "zh_TW")
    act.trigger()
    assert settings.language() == "zh_TW"


def test_about_lists_versions_and_the_ecpo_attribution(make_window, library_dir: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QTextBrowser

    win = make_window(library_dir)
    dlg = win.show_about()
    assert dlg.isVisible()
    text = dlg.findChild(QTextBrowser, "aboutText").toPlainText()
    for name in ("Broadsheet", "Python", "Qt", "PySide6", "OpenCC", "lxml", "Whoosh"):
        assert re.search(rf"^{name} \d", text, re.M), name
    assert ECPO in " ".join(text.split())
    dlg.close()


def test_the_log_view_receives_records(make_window, library_dir: Path) -> None:  # noqa: ANN001
    win = make_window(library_dir)
    win.act_log.trigger()
    assert win.log_dock.isVisible()
    logging.getLogger("reader.test").warning("a record for the log view %d", 42)
    assert any("a record for the log view 42" in line and "WARNING" in line for line in win.log_view.lines())
    logging.getLogger("reader.test").debug("below the level shown")
    assert not any("below the level shown" in line for line in win.log_view.lines())
    # records from another thread arrive too (queued to the GUI thread)
    t = threading.Thread(target=lambda: logging.getLogger("reader.test").info("from a worker thread"))
    t.start()
    t.join()
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()
    assert any("from a worker thread" in line for line in win.log_view.lines())


def test_copy_debug_information_puts_it_on_the_clipboard(make_window, library_dir: Path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QGuiApplication

    win = make_window(library_dir)
    logging.getLogger("reader.test").warning("the last thing that happened")
    QGuiApplication.clipboard().clear()
    win.act_debug.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Broadsheet debug information")
    for needle in ("PySide6", "OpenCC", "Platform:", str(library_dir), "the last thing that happened"):
        assert needle in text, needle


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_or_a_thread_shows_the_dialog_and_is_logged(make_window, library_dir: Path, qtbot,
                                                                           caplog, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from reader.gui import workers

    workers.install_invoker()
    win = make_window(library_dir)
    monkeypatch.setattr(gui_app, "_window", win)
    monkeypatch.setattr(sys, "excepthook", gui_app.excepthook)
    monkeypatch.setattr(threading, "excepthook", gui_app.thread_excepthook)

    def broken_slot() -> None:
        raise ValueError("a slot went wrong")

    button = QPushButton("x", win)
    button.clicked.connect(broken_slot)
    button.click()

    def boxes() -> list[QMessageBox]:
        return [b for b in win.findChildren(QMessageBox, "exceptionDialog") if b.isVisible()]

    qtbot.waitUntil(lambda: len(boxes()) == 1, timeout=3000)
    assert "a slot went wrong" in boxes()[0].detailedText()
    assert any("uncaught exception" in r.getMessage() and "a slot went wrong" in r.getMessage()
               for r in caplog.records)
    assert any("a slot went wrong" in m for m in win.problems.messages())
    copy = next(b for b in boxes()[0].buttons() if b.text() == "Copy debug information")
    copy.click()
    from PySide6.QtGui import QGuiApplication

    assert "a slot went wrong" in QGuiApplication.clipboard().text()
    assert boxes(), "copying must not close the dialog"
    boxes()[0].close()

    t = threading.Thread(target=lambda: 1 / 0)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(boxes()) == 1, timeout=3000)
    assert "ZeroDivisionError" in boxes()[0].detailedText()
    boxes()[0].close()
    QCoreApplication.processEvents()


@pytest.mark.parametrize(("lang", "query", "shown"), [
    ("zh_CN", "中国 AND (上海", "括号"), ("zh_TW", "中国 AND (上海", "括號"),
    ("zh_CN", "date:2021-02-30 中国", "2021-02"), ("zh_TW", "date:2021-13 中国", "13"),
])
def test_a_query_error_is_shown_in_the_interface_language(make_window, library_dir: Path, language, qtbot,
                                                          lang: str, query: str, shown: str) -> None:  # noqa: ANN001
    """The core raises its query errors in English; the search panel shows them translated, fields filled in
    (a date's own error inside the query's too)."""
    from PySide6.QtCore import Qt

    language(lang)
    win = make_window(library_dir)
    win.searching.focus_search()
    win.search.field.setText(query)
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(win.search.count.text()) and win.search.results is None, timeout=5000)
    text = win.search.count.text()
    assert shown in text and CJK.search(text) and "query" not in text and "date" not in text, text


def test_every_core_message_keeps_its_fields_in_translation() -> None:
    """A translation of a core message names the same {fields} as its English template (else it would fall
    back to English, or show a brace)."""
    field = re.compile(r"\{(\w+)")
    for lang in ("zh_CN", "zh_TW"):
        root = etree.parse(str(TRANSLATIONS / f"broadsheet_{lang}.ts")).getroot()
        core = [m for c in root.iter("context") if c.findtext("name") in ("query", "dates")
                for m in c.iter("message")]
        assert len(core) >= 15, lang
        for m in core:
            source, translation = m.findtext("source") or "", m.findtext("translation") or ""
            assert set(field.findall(source)) == set(field.findall(translation)), (lang, source, translation)


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_changes_made_elsewhere_are_listed_with_the_chinese_enumeration_comma(make_window, library_dir: Path,
                                                                              language, lang: str) -> None:  # noqa: ANN001
    """Seen in review: "另处已更改，已重新显示：更正, 笔记和收藏集" — an English comma in a Chinese list."""
    from reader.app.watch import Elsewhere

    language(lang)
    win = make_window(library_dir)
    win.watching.show(Elsewhere(annotations=True, corrections=True, catalogue=False))
    said = win.statusBar().currentMessage()
    assert "、" in said and ", " not in said and CJK.search(said), said
