"""Typed errors of the core. Each names the file and says what is wrong in one sentence."""

from __future__ import annotations

from pathlib import Path


class BroadsheetError(Exception):
    """Base of every error the core raises on purpose."""


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
