"""Readers for every input format, one module each, and the dispatch between them.

Each reader is a pure function ``read(data: bytes, path) -> Document`` (plus a
base folder for packages that reference other files). :func:`detect` picks the
reader from the file's content, falling back on its name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from reader.formats.images import sniff
from reader.model.document import Document
from reader.model.errors import FormatError

log = logging.getLogger(__name__)

FORMATS = ("text", "alto", "hocr", "page", "mets", "ecpo", "ecpo-layout", "image", "schema")

#: Formats whose reader is not ``<module>.read``: format → (module, function).
_READERS = {  # format -> (module of reader.formats, function), imported when first needed
    "alto": ("alto", "read"), "hocr": ("hocr", "read"), "page": ("pagexml", "read"), "mets": ("mets", "read"),
    "ecpo": ("ecpo", "read"), "ecpo-layout": ("ecpo", "read_layout"), "image": ("image", "read"),
}

#: Root elements of XML schemas (RELAX NG, W3C XML Schema, Schematron): grammars, not pages.
_SCHEMA_ROOTS = ("grammar", "schema")

Reader = Callable[[bytes, Path], Document]

_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")


def _root_name(data: bytes) -> str | None:
    """Local name of the first element of an XML (or HTML) document, skipping prolog and comments."""
    head = data[:65536]
    i = 0
    while True:
        j = head.find(b"<", i)
        if j < 0:
            return None
        nxt = head[j + 1 : j + 2]
        if nxt in (b"?", b"!"):
            if head.startswith(b"<!--", j):
                end = head.find(b"-->", j)
            elif head.startswith(b"<!DOCTYPE", j) or head.startswith(b"<!doctype", j):
                # skip an internal subset [ ... ]
                br = head.find(b"[", j)
                gt = head.find(b">", j)
                end = head.find(b"]>", j) if 0 <= br < gt else gt
            else:
                end = head.find(b">", j)
            if end < 0:
                return None
            i = end + 1
            continue
        m = _XML_ROOT.match(head, j)
        return m.group(1).decode("ascii", "replace") if m else None


def detect(data: bytes, path: str | Path | None = None) -> str:
    """Which format ``data`` is in: one of :data:`FORMATS`."""
    name = str(path or "").lower()
    if sniff(data) is not None:
        return "image"
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[")) and (b"SvgSelector" in data[:400000] or b"AnnotationPage" in data[:4000]):
        return "ecpo-layout"
    if stripped.startswith(b"<"):
        root = (_root_name(stripped) or "").lower()
        if root == "alto":
            return "alto"
        if root == "mets":
            return "mets"
        if root == "pcgts":
            return "page"
        if root == "fold":
            return "ecpo"
        if root in _SCHEMA_ROOTS:
            return "schema"
        if root in ("html", "xhtml") or b"ocr_page" in data[:200000]:
            return "hocr"
        raise FormatError(path, f"it is XML with root element <{root or '?'}>, "
                                "which is not ALTO, METS, hOCR, PAGE or ECPO")
    if name.endswith((".xml", ".hocr", ".html", ".htm")):
        raise FormatError(path, "it has an XML extension but does not start with an XML element")
    return "text"


def read(data: bytes, path: str | Path, fmt: str = "auto") -> Document:
    """Read one source file of any known format (no segmentation yet for plain text)."""
    path = Path(path)
    if fmt == "auto":
        fmt = detect(data, path)
    if fmt == "text":
        from reader.formats import plaintext as text

        return text.read(data, path)
    if fmt == "schema":
        return _not_a_page(path, "it is an XML schema (a grammar for documents), not a page")
    if fmt not in _READERS:
        raise FormatError(path, f"reading {fmt} files is not supported by this version")
    module_name, function = _READERS[fmt]
    import importlib

    module = importlib.import_module(f"reader.formats.{module_name}")
    reader: Reader = getattr(module, function)
    return reader(data, path)


def _not_a_page(path: Path, why: str) -> Document:
    """An empty document for a file that belongs to an archive but holds no page (a schema)."""
    log.warning("%s: %s; nothing to read", path, why)
    return Document(source=str(path), format="schema", warnings=[f"{path}: {why}; it has no pages"])
