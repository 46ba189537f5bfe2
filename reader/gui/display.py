"""How the window shows text: the script of the reflowed text, vertical reading, font size, theme and language.

The script box of the toolbar and the Script, Theme and Interface language
submenus of View are built here (their entries come from the settings'
lists); every choice is kept in :class:`~reader.gui.settings.Settings`.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QMessageBox

from reader.app.archive import article_converter
from reader.gui.actions import ACTIONS, QT_TRANSLATE_NOOP, ActionId
from reader.gui.icons import icon
from reader.gui.settings import SCRIPTS
from reader.gui.widgets.article_view import LINE_SPACINGS

if TYPE_CHECKING:
    from reader.gui.mainwindow import MainWindow

LANGUAGES = (("", ""), ("en", "English"), ("zh_CN", "简体中文"), ("zh_TW", "繁體中文"))
# the names of View → Line spacing's entries, for lupdate
_SPACING_NAMES = (QT_TRANSLATE_NOOP("MainWindow", "Compact"), QT_TRANSLATE_NOOP("MainWindow", "Normal"),
                  QT_TRANSLATE_NOOP("MainWindow", "Relaxed"), QT_TRANSLATE_NOOP("MainWindow", "Wide"))


def drop_hint() -> str:
    """The empty reading view's hint (and the status bar's while files are dragged over the window)."""
    return QCoreApplication.translate(
        "MainWindow", "Drop newspaper files or folders here to import them (ALTO, METS, hOCR, PAGE XML, text, "
        "images), or use File → Import files….")


class Display:
    """The reading view's script, direction and size, and the application's theme and language."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        #: the user's 直排 choice for every page (kept in the settings)
        self.user_vertical = False
        #: whether pages set vertically read vertically without it (kept too: off once turned off there)
        self.vertical_pages = True
        self._page_vertical = False
        box = QComboBox(window)
        box.setObjectName("scriptBox")
        box.setAccessibleName(QCoreApplication.translate("MainWindow", "Display script"))
        box.setToolTip(QCoreApplication.translate(
            "MainWindow", "Script of the reflowed text (the page and the search are unchanged)"))
        for config, label in SCRIPTS:
            box.addItem(QCoreApplication.translate("MainWindow", "Original") if not config else label, config)
        box.currentIndexChanged.connect(lambda _i: self.set_script(str(box.currentData())))
        self.script_box = box
        self.script_group = QActionGroup(window)
        self.theme_group = QActionGroup(window)
        self.language_group = QActionGroup(window)
        self.spacing_group = QActionGroup(window)
        # shown while the reading view is empty (an empty library): where files go
        window.article_view.text.set_hint(drop_hint())
        window.article_shown.connect(lambda _aid: self.show_hit_count())

    def show_hit_count(self) -> None:
        """"hit 1/N" in the status bar as soon as an article opens on its hits, not only after F4."""
        view = self.w.article_view
        if view.hits:
            self.w.navigation.hit_changed(max(0, view.current_hit), len(view.hits))

    def fill_menus(self, script_menu: QMenu, theme_menu: QMenu, language_menu: QMenu) -> None:
        """The checkable entries of View → Script, Theme and Interface language."""
        w = self.w
        original = QCoreApplication.translate("MainWindow", "Original")
        for config, label in SCRIPTS:
            self._choice(script_menu, self.script_group, original if not config else label, config,
                         False, self.set_script)
        themes = (("system", QCoreApplication.translate("MainWindow", "System")),
                  ("light", QCoreApplication.translate("MainWindow", "Light")),
                  ("dark", QCoreApplication.translate("MainWindow", "Dark")))
        for key, label in themes:
            self._choice(theme_menu, self.theme_group, label, key, w.settings.theme() == key, self.set_theme)
        for key, label in LANGUAGES:
            self._choice(language_menu, self.language_group,
                         label or QCoreApplication.translate("MainWindow", "System"), key,
                         w.settings.language() == key, self.set_language)
        spacing = w.menus.get("spacing") if hasattr(w, "menus") else None
        if spacing is not None:
            for percent, name in LINE_SPACINGS:
                self._choice(spacing, self.spacing_group, f"{QCoreApplication.translate('MainWindow', name)}"
                             f" ({percent / 100:.2g}×)", str(percent), w.settings.line_height() == percent,
                             lambda d: self.set_line_height(int(d)))

    def _choice(self, menu: QMenu, group: QActionGroup, label: str, data: str, checked: bool,
                handler: object) -> None:
        act = QAction(label, self.w, checkable=True)
        act.setData(data)
        act.setChecked(checked)
        act.triggered.connect(lambda _c=False, d=data, h=handler: h(d))
        group.addAction(act)
        menu.addAction(act)

    def restore(self) -> None:
        """The script and reading direction the settings keep."""
        s = self.w.settings
        script = s.script()
        self.script_box.blockSignals(True)
        self.script_box.setCurrentIndex(max(0, self.script_box.findData(script)))
        self.script_box.blockSignals(False)
        self.w.article_view.set_converter(script, partial(article_converter, script))
        self.check_script(script)
        act = self.w.action_map[ActionId.VERTICAL]
        act.blockSignals(True)
        act.setChecked(s.vertical())
        act.blockSignals(False)
        self.user_vertical = s.vertical()
        self.vertical_pages = s.vertical_pages()
        self.w.article_view.set_vertical(s.vertical())
        self.w.article_view.set_line_height(s.line_height())
        side = self.w.action_map[ActionId.SIDE_PANEL]
        side.setChecked(s.side_panel())  # its handler shows or hides the panel
        self.w.side.setVisible(s.side_panel())

    def set_side_panel(self, on: bool) -> None:
        """Show or hide the side panel (library, search, collections): the reading gets its room; kept."""
        self.w.side.setVisible(bool(on))
        self.w.settings.set_side_panel(bool(on))

    def set_full_screen(self, on: bool) -> None:
        """View → Full screen: the window on the whole screen, or back as it was (maximised stays maximised); not
        kept — a start in full screen would hide the desktop unasked."""
        state = self.w.windowState()
        full = Qt.WindowState.WindowFullScreen
        self.w.setWindowState(state | full if on else state & ~full)

    def window_state_changed(self) -> None:
        """The window left or entered full screen some other way (the window manager): the command says so."""
        act = self.w.action_map[ActionId.FULL_SCREEN]
        act.blockSignals(True)
        act.setChecked(bool(self.w.windowState() & Qt.WindowState.WindowFullScreen))
        act.blockSignals(False)

    def set_line_height(self, percent: int) -> None:
        """View → Line spacing: a paragraph's line height in percent of the font's; kept."""
        self.w.article_view.set_line_height(percent)
        self.w.settings.set_line_height(percent)
        for act in self.spacing_group.actions():
            act.setChecked(act.data() == str(percent))

    def set_script(self, config: str) -> None:
        self.w.article_view.set_converter(config, partial(article_converter, config))
        self.script_box.blockSignals(True)
        self.script_box.setCurrentIndex(max(0, self.script_box.findData(config)))
        self.script_box.blockSignals(False)
        self.check_script(config)
        self.w.settings.set_script(config)
        self.w.script_changed()

    def check_script(self, config: str) -> None:
        for act in self.script_group.actions():
            act.setChecked(act.data() == config)

    def set_vertical(self, on: bool) -> None:
        """The user's 直排 toggle, kept in the settings: on a page set vertically it says how such pages read
        (off there reads every page horizontally), elsewhere how every page reads."""
        on = bool(on)
        self.w.article_view.set_vertical(on)
        if self._page_vertical:
            self.vertical_pages = on
            self.w.settings.set_vertical_pages(on)
        if not self._page_vertical or not on:
            self.user_vertical = on
            self.w.settings.set_vertical(on)

    def auto_vertical(self, page_vertical: bool) -> None:
        """Sources set vertically (ECPO) read vertically unless the user turned it off."""
        self._page_vertical = page_vertical
        self.w.article_view.set_in_columns = page_vertical
        want = self.user_vertical or (page_vertical and self.vertical_pages)
        if want != self.w.article_view.vertical:
            self.w.article_view.set_vertical(want)
        act = self.w.action_map[ActionId.VERTICAL]
        act.blockSignals(True)
        act.setChecked(want)
        act.blockSignals(False)

    def set_theme(self, theme: str) -> None:
        """Light, dark or the system's palette; applied at once and kept."""
        from reader.gui.app import apply_theme

        self.w.settings.set_theme(theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.w.settings.theme())
        self.refresh_icons()
        facets = self.w.search.facets  # rich text keeps the link colour of its layout: lay it out again
        facets.setText(facets.text())
        view = self.w.article_view
        view.set_font_size(view.font_size)  # re-render with the palette's colours

    def refresh_icons(self) -> None:
        """The actions' icons again, their glyphs in the new palette's text colour."""
        for spec in ACTIONS:
            if spec.icon:
                self.w.action_map[spec.id].setIcon(icon(spec.icon))

    def set_language(self, language: str) -> None:
        """The interface language, kept for the next start (translations load at start-up)."""
        self.w.settings.set_language(language)
        message = QCoreApplication.translate("MainWindow", "The interface language changes the next time "
                                             "Broadsheet starts. Your library and your place are kept.")
        self.w.statusBar().showMessage(message, 8000)
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "Interface language"),
                          message, QMessageBox.StandardButton.Ok, self.w)
        box.setObjectName("languageDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, never blocking the event loop

    def set_font_size(self, size: float) -> None:
        self.w.article_view.set_font_size(size)
        self.w.settings.set_font_size(int(self.w.article_view.font_size))

    def step_font_size(self, step: int) -> None:
        """Larger (1) or smaller (-1) text."""
        self.set_font_size(self.w.article_view.font_size + step)
