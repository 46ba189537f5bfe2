"""The import child's JSON-lines protocol, defined once for both ends.

``broadsheet import --progress-json`` (the child, :mod:`reader.cli.library_cmds`) writes one
JSON object per line on stdout; :func:`reader.library.worker.import_in_subprocess` (the
parent) reads them. Each line is one message, a frozen dataclass here, told apart by its
``event`` key:

* :class:`Progress` (``"progress"``) after each file: an :class:`~reader.library.importer.ImportProgress`;
* :class:`FileError` (``"error"``) for each file that could not be imported;
* :class:`Done` (``"done"``) once, at the end: the :class:`~reader.library.importer.ImportReport`.

:func:`encode` gives a message's line and :func:`decode` reads one back, checking the
event, every key and its type: a line that is not a message raises :class:`ProtocolError`
naming what is wrong.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, ClassVar

from reader.library.importer import ImportProgress, ImportReport
from reader.model.errors import BroadsheetError


class ProtocolError(BroadsheetError):
    """A line of the import child's output is not a message of the protocol."""


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _is_str_list(v: object) -> bool:
    return isinstance(v, list) and all(isinstance(s, str) for s in v)


def _is_failure_list(v: object) -> bool:
    return isinstance(v, list) and all(
        isinstance(f, list) and len(f) == 2 and all(isinstance(s, str) for s in f) for f in v)


#: the JSON type of each field, by the field's annotation (as a string: ``from __future__ import annotations``)
_CHECKS = {
    "int": (_is_int, "an integer"),
    "float": (_is_number, "a number"),
    "str": (lambda v: isinstance(v, str), "a string"),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "tuple[str, ...]": (_is_str_list, "a list of strings"),
    "tuple[tuple[str, str], ...]": (_is_failure_list, "a list of [path, message] pairs"),
}


@dataclass(frozen=True)
class _Message:
    #: the value of the ``event`` key
    event: ClassVar[str] = ""

    def to_json(self) -> dict[str, Any]:
        """The message as a JSON object (tuples become lists)."""
        out: dict[str, Any] = {"event": self.event}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name] = [list(v) if isinstance(v, tuple) else v for v in value] if isinstance(value, tuple) \
                else value
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Any:
        """The message of a JSON object whose ``event`` is this kind's; :class:`ProtocolError` if a key is
        missing or of the wrong type (unknown keys are ignored: a newer child may send more)."""
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in obj:
                if f.default is not dataclasses.MISSING:
                    continue
                raise ProtocolError(f"the import's {cls.event!r} message has no {f.name!r}")
            value = obj[f.name]
            check, what = _CHECKS[str(f.type)]
            if not check(value):
                raise ProtocolError(f"the import's {cls.event!r} message has {f.name!r} = {value!r}, not {what}")
            if isinstance(value, list):
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            values[f.name] = value
        return cls(**values)


@dataclass(frozen=True)
class Progress(_Message):
    """Where the import stands, after each file."""

    event: ClassVar[str] = "progress"
    files_done: int
    files_total: int
    pages: int
    articles: int
    chars: int
    elapsed: float
    current: str = ""

    @classmethod
    def of(cls, p: ImportProgress) -> Progress:
        return cls(p.files_done, p.files_total, p.pages, p.articles, p.chars, p.elapsed, p.current)

    def progress(self) -> ImportProgress:
        return ImportProgress(self.files_done, self.files_total, self.pages, self.articles, self.chars,
                              self.elapsed, self.current)


@dataclass(frozen=True)
class FileError(_Message):
    """A file that could not be imported, and why (one sentence)."""

    event: ClassVar[str] = "error"
    path: str
    message: str


@dataclass(frozen=True)
class Done(_Message):
    """The import's report, last."""

    event: ClassVar[str] = "done"
    imported: tuple[str, ...]
    unchanged: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]
    pages: int
    articles: int
    chars: int
    seconds: float
    cancelled: bool
    #: (file, the file already imported with its bytes)
    duplicates: tuple[tuple[str, str], ...] = ()
    #: (new path, old path)
    moved: tuple[tuple[str, str], ...] = ()
    #: (file, one sentence the user should see)
    warnings: tuple[tuple[str, str], ...] = ()
    #: files of ``imported`` read again though unchanged (``import --reread``)
    reread: tuple[str, ...] = ()

    @classmethod
    def of(cls, r: ImportReport) -> Done:
        def pairs(items: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
            return tuple((a, b) for a, b in items)

        return cls(tuple(r.imported), tuple(r.unchanged), pairs(r.failed), r.pages, r.articles, r.chars, r.seconds,
                   r.cancelled, pairs(r.duplicates), pairs(r.moved), pairs(r.warnings), tuple(r.reread))

    def report(self) -> ImportReport:
        return ImportReport(imported=list(self.imported), unchanged=list(self.unchanged), failed=list(self.failed),
                            duplicates=list(self.duplicates), moved=list(self.moved), warnings=list(self.warnings),
                            pages=self.pages, articles=self.articles, chars=self.chars, seconds=self.seconds,
                            cancelled=self.cancelled, reread=list(self.reread))


Message = Progress | FileError | Done

#: ``event`` → the message class
KINDS: dict[str, type[Progress] | type[FileError] | type[Done]] = {k.event: k for k in (Progress, FileError, Done)}


def encode(message: Message) -> str:
    """The message as one line of JSON (with its newline)."""
    return json.dumps(message.to_json(), ensure_ascii=False) + "\n"


def decode(line: str) -> Message:
    """The message of one line; :class:`ProtocolError` names what is wrong with a line that is not one."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise ProtocolError(f"the import sent a line that is not JSON ({e.msg}): {line.strip()[:200]!r}") from e
    if not isinstance(obj, dict):
        raise ProtocolError(f"the import sent a line that is not a JSON object: {line.strip()[:200]!r}")
    event = obj.get("event")
    kind = KINDS.get(event) if isinstance(event, str) else None
    if kind is None:
        raise ProtocolError(f"the import sent a message of unknown event {event!r}")
    message: Message = kind.from_json(obj)
    return message
