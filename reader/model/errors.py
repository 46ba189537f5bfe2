"""Typed errors of the core. Each names the file and says what is wrong in one sentence.

The core is Qt-free and speaks English (the command line's language). A message the window shows to the
reader can also travel as its English template and fields (:meth:`BroadsheetError.of`), so the window
translates the template into the reader's language and fills in the fields; ``QT_TRANSLATE_NOOP`` marks
such a template where it is written, so ``packaging/update-translations.sh`` (Qt's lupdate) collects it —
the pattern of Picard's ``N_()``: marked where written, translated where shown.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Self


def QT_TRANSLATE_NOOP(context: str, template: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``template`` for translation in ``context`` without translating it (the window does)."""
    del context
    return template


class BroadsheetError(Exception):
    """Base of every error the core raises on purpose."""

    #: the message's English template ("{name}" fields) and its translation context, when it has one
    template: str | None = None
    context: str = ""
    fields: Mapping[str, object] = {}

    @classmethod
    def of(cls, context: str, template: str, **fields: object) -> Self:
        """The error whose message is ``template`` filled with ``fields``, both kept for translation."""
        error = cls(template.format(**fields))
        error.template, error.context, error.fields = template, context, dict(fields)
        return error


class ConnectionLostError(BroadsheetError, sqlite3.OperationalError):
    """A shared library's connection to its server dropped (the server restarted or cannot be reached) and could not be
    opened again, or dropped while a change was being written: the change was not saved. One sentence naming the
    library (:func:`connection_lost`); an ``sqlite3.OperationalError`` too, so the callers' ``except sqlite3.Error``
    (the command line's one sentence, the window's "could not …") catch it as any database error."""


def connection_lost(where: str, reason: str, unsaved: bool = True) -> ConnectionLostError:
    """The error saying the connection to the library at ``where`` was lost (``reason``: the server's or libpq's
    words) and, ``unsaved``, that the change being written was not saved; translated in the window
    (:meth:`BroadsheetError.of`)."""
    if unsaved:
        return ConnectionLostError.of("Errors", QT_TRANSLATE_NOOP(
            "Errors",
            "lost the connection to the shared library at {where} ({reason}); your last change was not saved"),
            where=where, reason=reason)
    return ConnectionLostError.of("Errors", QT_TRANSLATE_NOOP(
        "Errors", "lost the connection to the shared library at {where} ({reason})"), where=where, reason=reason)


class SourceError(BroadsheetError):
    """A source file cannot be read: its message names the file and the reason."""

    def __init__(self, path: str | Path | None, reason: str) -> None:
        self.path = str(path) if path is not None else None
        self.reason = reason.rstrip(".")
        super().__init__(f"{self.path}: {self.reason}." if self.path else f"{self.reason}.")

    def __reduce__(self) -> tuple[type, tuple[str | None, str]]:
        # rebuilt from its two parts when it crosses from an import's reading process
        return (type(self), (self.path, self.reason))


class DecodeError(SourceError):
    """The bytes are not text in any encoding Broadsheet reads."""


class FormatError(SourceError):
    """The file is not in a format Broadsheet knows, or is malformed for its format."""


class UnsafeReferenceError(SourceError):
    """A package points at a file outside its own folder, or at the network."""
