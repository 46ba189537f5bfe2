"""The first-run sample library: the bundled sources in ``resources/samples`` imported once.

A newcomer should be searching and reading within a minute of the first launch,
so the window opens on a library and, when that library has never held
anything, imports the bundled samples into it in a worker. The library folder
is the one the user last opened, else ``BROADSHEET_LIBRARY``, else the
platform data folder (:func:`reader.library.catalogue.default_folder`).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from reader import resources
from reader.library.catalogue import Library, default_folder, is_url, resolve_location

log = logging.getLogger(__name__)

#: catalogue meta key recording that the samples were offered once (never re-imported after the user cleared them)
SAMPLES_KEY = "gui.samples_imported"


def samples_folder() -> Path:
    return Path(resources.path("samples"))


def library_location(last: str | None, given: str | Path | None = None) -> str | Path:
    """Where the window opens: the library ``given`` (``--library``), else BROADSHEET_LIBRARY, else the ``last``
    library opened (a folder that is still there, or a shared library's URL), else the default folder. A
    ``postgresql://`` URL stays a string (a shared library), never a folder of that name."""
    if given:
        return resolve_location(given)
    env = os.environ.get("BROADSHEET_LIBRARY")
    if env:
        return resolve_location(env)
    if last and is_url(last):
        return last
    if last and Path(last).is_dir():
        return Path(last)
    return default_folder()


def needs_samples(library: Library) -> bool:
    """True for a library of one's own (a folder) that is empty and has never had the samples: a shared library
    is the group's, not a place for sample papers."""
    return (library.kind == "sqlite" and library.meta_get(SAMPLES_KEY) is None
            and library.stats().get("articles", 0) == 0)


def decline_samples(library: Library) -> None:
    """Mark ``library`` as one the reader asked to be made empty: the samples are never imported into it (a library
    made by "Make a new, empty library there?" was filled with the sample papers, then and at every later launch
    while it stayed empty — seen by eye)."""
    if library.meta_get(SAMPLES_KEY) is None:
        library.meta_set(SAMPLES_KEY, "declined")


def import_samples(library: Library, *, progress: Callable[..., None], cancel: threading.Event,
                   warn: Callable[[str], None] | None = None) -> object:
    """Import the bundled samples into ``library`` (run in a worker); marks the library as seeded."""
    from reader.library import importer

    def step(p: importer.ImportProgress) -> None:
        progress(float(p.files_done), float(p.files_total), p.current)

    def bad(path: str, message: str) -> None:
        if warn is not None:
            warn(message)

    report = importer.import_paths(library, [samples_folder()], progress=step, cancel=cancel, on_error=bad)
    if not report.cancelled:
        library.meta_set(SAMPLES_KEY, "1")
    return report
