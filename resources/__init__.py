"""Package data of Broadsheet: the bundled sample archive, icons, translations, desktop metadata.

Read through :func:`path`, never through the working directory.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def path(*parts: str) -> Path:
    """Filesystem path of a bundled resource, e.g. ``path("samples", "seed_page.txt")``."""
    root = resources.files("reader.resources")
    target = root.joinpath(*parts)
    return Path(str(target))


def sample_seed_page() -> Path:
    return path("samples", "seed_page.txt")
