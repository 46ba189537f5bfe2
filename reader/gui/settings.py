"""What the window remembers between runs, kept in QSettings.

Geometry and window state, splitter sizes, the last library and the recent
ones, the place the reader had open in each library (article, page, scroll),
the display script, vertical reading, the UI language and the theme.
``BROADSHEET_SETTINGS`` names an INI file to use instead of the platform's
settings store (tests use a file under ``tmp_path``, so a test never touches
the user's settings).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from reader.app.readplace import WordsRead, words_read_from

log = logging.getLogger(__name__)

ORGANIZATION = "Broadsheet"
APPLICATION = "Broadsheet"
MAX_RECENT = 8

#: Display scripts the reader can pick: OpenCC configuration ("" = the original text) and label.
SCRIPTS = (
    ("", "Original"),
    ("t2s", "简体"),
    ("s2t", "繁體"),
    ("s2tw", "臺灣"),
    ("s2hk", "香港"),
)

THEMES = ("system", "light", "dark")


#: how many of the queries asked the search box offers again
SEARCH_HISTORY = 50

class Settings:
    """Typed access to the QSettings keys the application uses."""

    def __init__(self, path: str | Path | None = None) -> None:
        path = path or os.environ.get("BROADSHEET_SETTINGS")
        if path:
            self.qs = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self.qs = QSettings(ORGANIZATION, APPLICATION)

    # generic -----------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        return self.qs.value(key, default)

    def set(self, key: str, value: Any) -> None:
        self.qs.setValue(key, value)

    def sync(self) -> None:
        self.qs.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # window ------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self.qs.setValue("window/geometry", value)

    def geometry_screen(self) -> tuple[float, int, int] | None:
        """(device pixel ratio, available width, available height) of the screen the geometry was saved on, in logical
        pixels; None where not known (saved by an older version)."""
        try:
            scale, width, height = (float(x) for x in str(self.qs.value("window/screen", "") or "").split(","))
        except ValueError:
            return None
        return (scale, int(width), int(height)) if scale > 0 and width > 0 and height > 0 else None

    def set_geometry_screen(self, scale: float, width: int, height: int) -> None:
        self.qs.setValue("window/screen", f"{scale:g},{width},{height}")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self.qs.setValue("window/state", value)

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self.qs.setValue(f"splitters/{name}", value)

    # library -----------------------------------------------------------
    def last_library(self) -> str | None:
        value = self.qs.value("library/last", "")
        return str(value) if value else None

    def recent_libraries(self) -> list[str]:
        value = self.qs.value("library/recent", [])
        if isinstance(value, str):  # QSettings gives a bare string for a one-item list
            return [value] if value else []
        if isinstance(value, (list, tuple)):
            return [str(v) for v in value if v]
        return []

    def add_recent_library(self, path: str | Path) -> None:
        """Make ``path`` the last library and move it to the top of the recent list."""
        p = str(path)
        recent = [r for r in self.recent_libraries() if r != p]
        recent.insert(0, p)
        self.qs.setValue("library/recent", recent[:MAX_RECENT])
        self.qs.setValue("library/last", p)

    def last_place(self, library: str | Path) -> tuple[str, int | None, float, WordsRead | None] | None:
        """(article id, page id, scroll as a fraction, the words the reader was at — None: not known) the reader last
        had open in ``library``, or None."""
        raw = self.qs.value("reading/places", "")
        try:
            places = json.loads(str(raw)) if raw else {}
            place = places.get(str(library)) if isinstance(places, dict) else None
            if not isinstance(place, dict) or not place.get("article"):
                return None
            page = place.get("page")
            return (str(place["article"]), int(page) if page is not None else None,
                    max(0.0, min(1.0, float(place.get("scroll", 0.0)))), words_read_from(place.get("words")))
        except (TypeError, ValueError):
            return None

    def set_last_place(self, library: str | Path, article_id: str, page_id: int | None, scroll: float,
                       words: WordsRead | None = None) -> None:
        """Remember where the reader is in ``library`` (the recent libraries' places are kept), and by which words."""
        raw = self.qs.value("reading/places", "")
        try:
            places = json.loads(str(raw)) if raw else {}
        except ValueError:
            places = {}
        if not isinstance(places, dict):
            places = {}
        places.pop(str(library), None)
        places[str(library)] = {"article": article_id, "page": page_id, "scroll": round(float(scroll), 4),
                                "words": words.as_json() if words is not None else None}
        keep = set(self.recent_libraries()) | {str(library)}
        self.qs.setValue("reading/places", json.dumps({k: v for k, v in places.items() if k in keep},
                                                      ensure_ascii=False))

    # reading -----------------------------------------------------------
    def script(self) -> str:
        value = str(self.qs.value("reading/script", "") or "")
        return value if value in {c for c, _ in SCRIPTS} else ""

    def set_script(self, config: str) -> None:
        self.qs.setValue("reading/script", config)

    def vertical(self) -> bool:
        return _bool(self.qs.value("reading/vertical", False))

    def set_vertical(self, on: bool) -> None:
        self.qs.setValue("reading/vertical", bool(on))

    def vertical_pages(self) -> bool:
        """Whether pages set vertically (the Jing bao) read vertically: yes unless the reader turned it off."""
        return _bool(self.qs.value("reading/vertical_pages", True))

    def set_vertical_pages(self, on: bool) -> None:
        self.qs.setValue("reading/vertical_pages", bool(on))

    def font_size(self) -> int:
        try:
            return max(9, min(40, int(str(self.qs.value("reading/font_size", 17)))))
        except (TypeError, ValueError):
            return 17

    def set_font_size(self, size: int) -> None:
        self.qs.setValue("reading/font_size", int(size))

    def line_height(self) -> int:
        """A paragraph's line height in percent (View → Line spacing)."""
        try:
            return max(100, min(300, int(str(self.qs.value("reading/line_height", 150)))))
        except (TypeError, ValueError):
            return 150

    def set_line_height(self, percent: int) -> None:
        self.qs.setValue("reading/line_height", int(percent))

    # interface ---------------------------------------------------------
    def side_panel(self) -> bool:
        """Whether the side panel (library, search, collections) is shown."""
        return _bool(self.qs.value("ui/side_panel", True))

    def set_side_panel(self, on: bool) -> None:
        self.qs.setValue("ui/side_panel", bool(on))

    def search_match(self) -> str:
        """How the search box compares text: "folded", "exact" or "variants" (the switch beside it)."""
        value = str(self.qs.value("search/match", "folded") or "folded")
        return value if value in ("folded", "exact", "variants") else "folded"

    def set_search_match(self, match: str) -> None:
        self.qs.setValue("search/match", match)

    def search_ignore_punct(self) -> bool:
        return _bool(self.qs.value("search/ignore_punct", False))

    def set_search_ignore_punct(self, on: bool) -> None:
        self.qs.setValue("search/ignore_punct", on)

    def search_history(self) -> list[str]:
        """The queries asked, the last first, each once (at most :data:`SEARCH_HISTORY`)."""
        value = self.qs.value("search/history", [])
        # QSettings gives one item back as a string, none as nothing
        items = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
        return [str(q) for q in items if str(q).strip()][:SEARCH_HISTORY]

    def add_search(self, query: str) -> None:
        """Remember a query asked (first, and only once)."""
        query = query.strip()
        if query:
            self.qs.setValue("search/history",
                             [query, *(q for q in self.search_history() if q != query)][:SEARCH_HISTORY])

    def export_folder(self) -> str:
        """The folder of the last export ("" before the first)."""
        return str(self.qs.value("export/folder", "") or "")

    def set_export_folder(self, folder: str) -> None:
        self.qs.setValue("export/folder", folder)

    def export_format(self) -> str:
        """The format of the last export ("" before the first: the dialog's first, TEI)."""
        return str(self.qs.value("export/format", "") or "")

    def set_export_format(self, fmt: str) -> None:
        self.qs.setValue("export/format", fmt)

    def import_folder(self) -> str:
        """The folder the last import was chosen in ("" before the first)."""
        return str(self.qs.value("import/folder", "") or "")

    def set_import_folder(self, folder: str) -> None:
        self.qs.setValue("import/folder", folder)


    def language(self) -> str:
        """UI language: "" follows the system locale; otherwise e.g. "zh_CN", "zh_TW", "en"."""
        return str(self.qs.value("ui/language", "") or "")

    def set_language(self, lang: str) -> None:
        self.qs.setValue("ui/language", lang)

    def theme(self) -> str:
        value = str(self.qs.value("ui/theme", "system") or "system")
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self.qs.setValue("ui/theme", theme if theme in THEMES else "system")


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes", "on")
    return bool(value)


def start_folder(folder: str) -> str:
    """Where a file dialog opens: ``folder`` (the last one used for the same) while it exists, else the home folder
    — never the program's working folder (seen by eye: Enter in "Export the concordance" wrote into it)."""
    return folder if folder and Path(folder).is_dir() else str(Path.home())
