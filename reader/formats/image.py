"""A page image opened on its own: one page with the image's size, no text.

JPEG, PNG, TIFF, JPEG 2000, GIF and WebP through Pillow, measured from the
header without decoding the pixels (see :mod:`reader.formats.images`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from reader.formats.images import image_info_bytes, sniff
from reader.model.document import Document, Page
from reader.model.errors import FormatError

log = logging.getLogger(__name__)


def read(data: bytes, path: Path) -> Document:
    """One :class:`Page` of the image's pixel size with ``image`` set; no lines, no articles."""
    kind = sniff(data)
    info = image_info_bytes(data, path)
    if info is None:
        what = f"a {kind} image" if kind else "an image"
        raise FormatError(path, f"it looks like {what} but its header cannot be read (truncated or damaged)")
    page = Page(number=1, width=float(info.width), height=float(info.height), image=str(path), image_scale=1.0,
                source=str(path))
    doc = Document(source=str(path), format="image", pages=[page])
    if info.warning:
        doc.warnings.append(info.warning)
    return doc
