"""Export articles: TEI P5, plain text, Markdown, CSV of search hits, citations, CSL-JSON and BibTeX.

Every exporter works from model objects: a list of :class:`Item` (an Article
as the reader sees it, corrected, with the Document it came from, plus what a
search said about it) and, optionally, the reader's annotations. A scope —
one article, an issue, a collection, a search's hits — is just such a list
(:func:`reader.export.scope.library_scope` gathers one from a library).
:func:`export` dispatches on the format name and returns bytes;
:func:`write_new` writes them without overwriting a file.

The shared pieces live in :mod:`reader.export.items` (re-exported here for
callers); the writers import that module, never this one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader.annotations.store import Annotation
from reader.export.cite import cite, export_bibtex, export_citations, export_csl
from reader.export.csv import export_csv
from reader.export.items import (
    FORMATS,
    STYLES,
    SUFFIXES,
    ExportCancelled,
    ExportError,
    Item,
    bcp47,
    converter,
    detect_script,
    items_from_document,
    kwic,
    language_of,
    source_sha256,
)
from reader.export.scope import CorrectedIssue, CorrectedLibrary, Scope, library_scope
from reader.export.tei import export_tei
from reader.export.text import export_markdown, export_text

__all__ = ["FORMATS", "STYLES", "SUFFIXES", "CorrectedIssue", "CorrectedLibrary", "ExportCancelled", "ExportError",
           "Item", "Scope", "bcp47", "cite", "converter", "detect_script", "export", "items_from_document", "kwic",
           "language_of", "library_scope", "source_sha256", "write_new"]


def _text(fn: Callable[..., str]) -> Callable[..., bytes]:
    def run(items: Sequence[Item], annotations: Sequence[Annotation], **options: Any) -> bytes:
        return fn(items, annotations, **options).encode("utf-8")

    return run


def _no_annotations(fn: Callable[..., bytes]) -> Callable[..., bytes]:
    def run(items: Sequence[Item], annotations: Sequence[Annotation], **options: Any) -> bytes:
        return fn(items, **options)

    return run


#: format name → writer(items, annotations, **options) → bytes
WRITERS: dict[str, Callable[..., bytes]] = {
    "tei": export_tei,
    "text": _text(export_text),
    "md": _text(export_markdown),
    "csv": _no_annotations(export_csv),
    "cite": _no_annotations(export_citations),  # option style: one of STYLES
    "csl": _no_annotations(export_csl),
    "bibtex": _no_annotations(export_bibtex),
}


def export(items: Sequence[Item], fmt: str, annotations: Sequence[Annotation] = (), **options: Any) -> bytes:
    """Export ``items`` (corrected: see :class:`Item`) in ``fmt`` (one of FORMATS); options go to the writer."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    if not items:
        raise ExportError("nothing to export: no articles in the scope")
    return WRITERS[fmt](items, annotations, **options)


def write_new(path: str | Path, data: bytes, force: bool = False) -> Path:
    """Write ``data`` to ``path``; an existing file is replaced only with ``force`` (atomically)."""
    p = Path(path)
    if p.exists() and not force:
        raise ExportError(f"{p}: the file exists; choose another name or use --force to replace it")
    if p.is_dir():
        raise ExportError(f"{p}: it is a folder, not a file")
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if force:
            os.replace(tmp, p)
        else:
            # link fails if the name appeared meanwhile: never clobber a file we were not told to
            try:
                os.link(tmp, p)
            except FileExistsError as e:
                raise ExportError(f"{p}: the file exists; choose another name or use --force to replace it") from e
            except OSError:
                os.replace(tmp, p)
    except OSError as e:
        raise ExportError(f"{p}: cannot write it ({e.strerror or e})") from e
    finally:
        if tmp.exists():
            tmp.unlink()
    return p
