"""Import files and folders into a library: walk, read, decide metadata, store, index.

:func:`import_paths` is plain Python for the CLI and for a GUI worker thread:
progress goes to a callback (an :class:`ImportProgress` after every file) and a
``threading.Event`` cancels between two files. Every file is read with
:func:`reader.segmentation.analyze.analyze_file` (the importer knows no formats, only which page files
a METS file names: :func:`reader.formats.mets.page_files`) and
stored in ONE catalogue transaction (a savepoint, when several small files share one:
:meth:`reader.library.catalogue.Library.batched`); the index follows the catalogue in
batches (:func:`reader.index.store.sync`), so an interruption at any moment
leaves a library that opens, searches what was committed, and completes on the
next import.

Parallel reading: reading and segmenting a file, folding and tokenizing its articles
(:func:`read_file`, pure and CPU-bound) and storing and indexing it (one writer: the catalogue and
Whoosh) take about the same time, so an import of many files reads them in
worker processes (:func:`analysis_workers`) while this process stores and
indexes the ones already read, in file order, a few files ahead at most. The
sha256 check runs here before a file is sent, so an unchanged file costs no
reading; a file a METS file already covered is dropped when its turn comes.
Small imports (and one-core machines) read in this process. With ``cluster`` the
reading goes to a Dask cluster's workers through the same seam (:class:`Readers`,
:mod:`reader.library.cluster`).

Walking: folders are walked recursively in name order. Skipped quietly: hidden
files, schemas (``.rng .xsd .dtd``), JSON that is not an ECPO layout
(annotations, sidecars), documentation (``.md .pdf …``; licence, readme and provenance files met while
walking), images that sit beside
a source of the same stem, and the ALTO files a METS file in the same import
refers to (METS files are read first; a page file missing at the METS's import and there now reads the
issue again; one put back under another name is known by the METS's checksum and said). A file
analyze_file cannot read is reported with one sentence and skipped.

Metadata, strongest first: the user's flags (``publication``, ``date``,
``page``); a sidecar (``FILE.meta.json`` beside the file, or ``broadsheet.json``
in its folder or a parent folder of it inside the import) with keys
``publication``, ``date``, ``edition``, ``issue``, ``page``; the reader's
``Document.metadata`` (METS/MODS, ALTO, ECPO); path patterns
(:func:`path_metadata`); else the folder's name as the publication.

Re-importing: a file whose path and sha256 are in the catalogue is skipped
(``unchanged``); a changed file replaces its pages and articles, keeping the
ids of the articles the reader still finds (:func:`reader.library.catalogue.article_key`). A file the library
holds found at another path (moved, its folder renamed) keeps its articles and their ids; when its new path
gives it other metadata (a dated folder renamed) it is read again and filed as the path says (:func:`_refiled`),
as a re-read files it.
"""

from __future__ import annotations

import datetime
import errno
import functools
import hashlib
import itertools
import json
import logging
import multiprocessing
import os
import pickle
import re
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from reader.formats import mets
from reader.index import store as sindex
from reader.library.catalogue import (
    MANIFEST,
    Library,
    LibraryError,
    SourceInfo,
    SourceRows,
    StoreMeta,
    line_texts,
    source_rows,
)
from reader.model.document import Document
from reader.model.errors import BroadsheetError, SourceError
from reader.segmentation.analyze import analyze_bytes, analyze_file
from reader.text.forms import fold_text

log = logging.getLogger(__name__)

SKIP_SUFFIXES = {".rng", ".xsd", ".dtd", ".md", ".rst", ".pdf", ".py", ".list", ".csv", ".tsv", ".log",
                 ".lock", ".sqlite", ".db", ".zip", ".gz", ".tmp", ".html~"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".jp2", ".gif", ".bmp", ".webp"}
SOURCE_SUFFIXES = {".xml", ".txt", ".hocr", ".html", ".htm", ".alto"}
#: characters of text committed between two index syncs during an import: each sync writes a segment, whose terms
#: (~60-80,000) cost about the same whatever its size (3 M: 45.5 CPU-s of the importing process for 26.8 M characters,
#: 6 M: 31.5, 12 M: 31.8, 24 M: 29.6; peak RSS 149, 212, 290, 400 MB); below the folded texts the library keeps
#: for the index (``Library.FOLDED_CACHE_CHARS``)
SYNC_CHARS = 12_000_000


@dataclass
class ImportProgress:
    """Where an import stands (after each file)."""

    files_done: int
    files_total: int
    pages: int
    articles: int
    chars: int
    elapsed: float
    current: str = ""

    @property
    def rate(self) -> float:
        """Characters per second so far."""
        return self.chars / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left, estimated from the files done."""
        if self.files_done == 0:
            return None
        return self.elapsed / self.files_done * (self.files_total - self.files_done)


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    #: files of ``imported`` read again though their bytes had not changed (``reread``: after an upgrade)
    reread: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    #: (file, the file already imported with the same bytes): not added a second time
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    #: (new path, old path): a file the library holds, found moved; its articles kept, path updated (one whose new
    #: path files it otherwise is read again: in ``imported``, said in ``warnings``)
    moved: list[tuple[str, str]] = field(default_factory=list)
    #: (file, one sentence): imported, but with something the user should know (a page left out, a guess)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    #: folder → files of it that gave neither publication nor date (said once a folder, at the end)
    unnamed: dict[str, list[str]] = field(default_factory=dict)
    pages: int = 0
    articles: int = 0
    chars: int = 0
    seconds: float = 0.0
    cancelled: bool = False


# ---------------------------------------------------------------- metadata from paths

_DATE_RE = re.compile(r"(?<!\d)(1[6-9]\d\d|20\d\d)(-?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_NUM_RE = re.compile(r"\d+")
#: a file named only by its page: 04, p4, page_7, seite-12
_PAGE_RE = re.compile(r"^(?:p|pg|page|s|seite)?[_\- ]*(\d{1,4})$", re.IGNORECASE)


def path_metadata(path: Path) -> dict[str, Any]:
    """Publication, date and page a file's path tells.

    ``…/人民日报/2021-01-27/04.txt`` → 人民日报, 2021-01-27, page 4;
    ``rmrb_20210127_04.txt`` → rmrb, 2021-01-27, 4; ``1858-12-07_01-00004.xml`` →
    1858-12-07, page 4; ``0002647_18240217_0003.xml`` → 0002647, 1824-02-17, 3.
    """
    out: dict[str, Any] = {}
    stem = path.name.split(".")[0]
    m = _DATE_RE.search(stem)
    if m:
        out["date"] = f"{m.group(1)}-{m.group(3)}-{m.group(4)}"
        prefix = stem[: m.start()].strip("_- .")
        if prefix:
            out["publication"] = prefix
        rest = _NUM_RE.findall(stem[m.end():])
        if rest:
            out["page"] = int(rest[-1])
    else:
        pm = _PAGE_RE.match(stem)
        if pm:
            out["page"] = int(pm.group(1))
    if "publication" not in out:
        _dated_folder(path, out)
    if "publication" not in out and path.parent.name:
        out.setdefault("folder", path.parent.name)
    return out


def _dated_folder(path: Path, out: dict[str, Any]) -> None:
    """The publication (and, unless the file's name gave one, the date) a dated folder above ``path`` tells: the
    part of its name before the date, else the folder above it (``Times/1901-05-03/``,
    ``bnf_europeana_gaulois_1882-02-08/``)."""
    for parent in path.parents:
        pm = _DATE_RE.fullmatch(parent.name) or _DATE_RE.search(parent.name)
        if pm:
            out.setdefault("date", f"{pm.group(1)}-{pm.group(3)}-{pm.group(4)}")
            before = parent.name[: pm.start()].strip("_- .")
            if before:
                out["publication"] = before
            elif parent.parent.name:
                out["publication"] = parent.parent.name
            return
        if parent == parent.parent:
            return


@dataclass(frozen=True)
class Sidecar:
    """Metadata a sidecar gives for the files it covers (``FILE.meta.json`` or a folder's ``broadsheet.json``).

    Other keys are allowed and ignored; the ones below are checked, and a bad
    value is refused with one sentence naming the sidecar.
    """

    publication: str | None = None
    date: str | None = None
    edition: str | None = None
    issue: str | None = None
    page: int | None = None
    language: str | None = None

    @classmethod
    def decode(cls, obj: Any, path: Path) -> Sidecar:
        if not isinstance(obj, dict):
            raise SourceError(path, "the metadata sidecar is not a JSON object")
        texts = {k: _sidecar_text(obj, k, path) for k in ("publication", "edition", "language")}
        issue = obj.get("issue")
        if isinstance(issue, int) and not isinstance(issue, bool):
            issue = str(issue)
        return cls(date=_sidecar_date(obj.get("date"), path), page=_sidecar_page(obj.get("page"), path),
                   issue=_sidecar_text({"issue": issue}, "issue", path), **texts)

    def layer(self) -> dict[str, Any]:
        """The values it gives, as one layer of :func:`decide_metadata`."""
        return {k: v for k, v in asdict(self).items() if v is not None}


def _sidecar_text(obj: dict[str, Any], key: str, path: Path) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SourceError(path, f"{key} must be text")
    return value


def _sidecar_page(value: Any, path: Path) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SourceError(path, "page must be a whole number")
    return value


def _sidecar_date(value: Any, path: Path) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SourceError(path, "date must be a date (YYYY-MM-DD)")
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)", value)
    try:
        if m is None:
            raise ValueError(value)
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        datetime.date(year, month, day)
    except ValueError:
        raise SourceError(path, f"date {value} is not a date (YYYY-MM-DD)") from None
    return value


class _Sidecars:
    """The sidecars of an import's files: a folder's ``broadsheet.json`` chain is looked for and read once per
    import, not once per file (with thousands of files named, comparing every parent of every file with every
    path named made an import quadratic: 5 M path comparisons for 1,000 files)."""

    def __init__(self, roots: Iterable[Path]) -> None:
        self.roots = set(roots)
        #: folder → what its ``broadsheet.json`` chain gives, or the sentence about a bad one
        self.folders: dict[Path, dict[str, Any] | SourceError] = {}
        #: a ``broadsheet.json`` → what it says (empty when there is none)
        self.read: dict[Path, dict[str, Any]] = {}

    def __call__(self, path: Path) -> dict[str, Any]:
        """What the sidecars of ``path`` say: its folders' ``broadsheet.json`` (nearest last), then its own."""
        folder = self.folders.get(path.parent)
        if folder is None:
            try:
                folder = self.folders[path.parent] = self._chain(path)
            except SourceError as e:
                folder = self.folders[path.parent] = e
        if isinstance(folder, SourceError):  # every file of the folder says so, each with an error of its own
            raise SourceError(folder.path, folder.reason)
        out = dict(folder)
        own = path.with_name(path.name + ".meta.json")
        if own.is_file():
            out.update(Sidecar.decode(_read_json(own), own).layer())
        return out

    def _chain(self, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        chain = []
        for parent in path.parents:
            chain.append(parent / "broadsheet.json")
            if parent in self.roots or parent == parent.parent:
                break
        for candidate in reversed(chain):
            if candidate not in self.read:
                self.read[candidate] = (Sidecar.decode(_read_json(candidate), candidate).layer()
                                        if candidate.is_file() else {})
            out.update(self.read[candidate])
        return out


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as e:
        raise SourceError(path, f"the metadata sidecar is not readable JSON ({e})") from e


def decide_metadata(path: Path, doc_meta: dict[str, str], sidecar: dict[str, Any],
                    flags: dict[str, Any]) -> tuple[StoreMeta, int | None]:
    """The issue a file's pages go to and the number of its first page (None: as the reader says)."""
    from_path = path_metadata(path)
    layers = [from_path, {k: v for k, v in doc_meta.items() if v}, sidecar, {k: v for k, v in flags.items() if v}]
    merged: dict[str, Any] = {}
    for layer in layers:
        merged.update(layer)
    publication = str(merged.get("publication") or from_path.get("folder") or "Unknown")
    date = str(merged.get("date") or "")
    page = merged.get("page")
    meta = StoreMeta(publication=publication, date=date[:10], edition=str(merged.get("edition") or ""),
                     issue_label=str(merged["issue"]) if merged.get("issue") else None,
                     language=merged.get("language"))
    return meta, int(page) if page not in (None, "") else None


def _names_its_paper(path: Path, doc_meta: dict[str, str], sidecar: dict[str, Any], flags: dict[str, Any]) -> bool:
    """Whether anything but the folder's name gives the publication a file is filed under."""
    return any(layer.get("publication") for layer in (path_metadata(path), doc_meta, sidecar, flags))


def _say_unnamed(report: ImportReport) -> None:
    """One sentence a folder whose files gave neither publication nor date (they were filed under its name,
    undated, as one issue: three papers copied into one folder became one paper, and nothing was said)."""
    for folder, names in report.unnamed.items():
        files = names[0] if len(names) == 1 else f"{len(names)} files ({names[0]}, …)"
        report.warnings.append((folder, f"{display_path(folder)}: {files} gave neither a publication nor a date (in "
                                        "the file, its name, its folders or a sidecar); filed under "
                                        f"'{Path(folder).name}', undated, as one issue — give them in folder "
                                        "names (…/人民日报/2021-01-27/04.txt), in a broadsheet.json or "
                                        "FILE.meta.json sidecar, or with import --publication and --date"))


# ---------------------------------------------------------------- walking


def collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Source files under ``paths`` (METS first in each folder) and the paths refused, with why.

    Links are never followed out of the folders named: a linked file or folder whose target lies
    outside every named path is refused in one sentence; linked folders are not descended (so link
    loops end), their files are reached through the folders they belong to.
    """
    files: list[Path] = []
    refused: list[tuple[str, str]] = []
    given = [Path(p) for p in paths]
    roots = [p.resolve() for p in given if p.is_dir()]
    for path in given:
        if path.is_dir() and _is_library(path):
            refused.append((str(path), f"{display_path(path)}: it is a Broadsheet library, not a folder of pages; "
                                       "nothing was read from it."))
        elif path.is_dir():
            files.extend(f for f in _walk(path, roots, refused) if not _paperwork(f))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            refused.append((str(path), f"{display_path(path)}: it is not a regular file (a pipe, a socket or a "
                                       "device), so it was not read."))
        else:
            refused.append((str(path), f"{display_path(path)}: no such file or folder."))
    files = [f for f in dict.fromkeys(f.resolve() for f in files) if _candidate(f)]
    named = [f for f in files if not _utf8_name(f)]
    for f in named:
        refused.append((display_path(f), f"{display_path(f)}: its name is not valid UTF-8 (rename the file to "
                                         "import it)."))
    files = [f for f in files if _utf8_name(f)]
    stems = {(f.parent, f.name.split(".")[0]) for f in files if f.suffix.lower() not in IMAGE_SUFFIXES}
    files = [f for f in files if not (f.suffix.lower() in IMAGE_SUFFIXES and (f.parent, f.name.split(".")[0]) in stems)]
    mets = [f for f in files if _looks_like_mets(f)]
    return mets + [f for f in files if f not in set(mets)], refused


#: control characters (and the Unicode line breaks) a name may hold, escaped when it is printed
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def display_path(path: str | Path) -> str:
    """A path as it can be printed on one line: bytes that are not UTF-8 shown as ``\\xff``, control characters
    escaped (``\\n``, ``\\x1b``): a file named "x\\nbroadsheet: imported 999 file(s)…" printed a line that passed
    for Broadsheet's own report (seen by a tester)."""
    text = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _utf8_name(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _inside(path: Path, roots: Sequence[Path]) -> bool:
    return any(path == r or path.is_relative_to(r) for r in roots)


def _walk(folder: Path, roots: Sequence[Path], refused: list[tuple[str, str]]) -> list[Path]:
    """The files under ``folder`` in name order, never leaving ``roots`` through a link."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        # a library kept among the pages (`import .` beside ./library): its catalogue and index are not pages
        dirnames[:] = sorted(name for name in dirnames if not _is_library(here / name))
        for name in dirnames:
            link = here / name
            if link.is_symlink() and not _inside(link.resolve(), roots):
                refused.append((display_path(link), f"{display_path(link)}: it is a link to a folder outside the "
                                                    "folders named, so it was not followed."))
        for name in sorted(filenames):
            f = here / name
            why = _not_read(f, roots)
            if why is None:
                out.append(f)
            elif why:
                refused.append((display_path(f), f"{display_path(f)}: {why}"))
    return out


def _is_library(folder: Path) -> bool:
    """Whether ``folder`` is a Broadsheet library (its manifest says so)."""
    try:
        with (folder / MANIFEST).open("rb") as fh:
            return b"broadsheet-library" in fh.read(4096)
    except OSError:
        return False


def _not_read(f: Path, roots: Sequence[Path]) -> str | None:
    """Why a file met in a folder is not read (None: it is read; "": a link to a folder, reached otherwise): a link
    out of the folders named, a link to nothing, a pipe or a device named like a page (skipped in silence before)."""
    if f.is_symlink():
        target = f.resolve()
        if not _inside(target, roots):
            return f"it is a link to {display_path(target)}, outside the folders named, so it was not imported."
        if target.is_dir():
            return ""
        if not target.exists():
            return f"it is a link to {display_path(target)}, which is not there."
        f = target
    if f.is_file():
        return None
    quiet = f.name.startswith(".") or f.suffix.lower() in SKIP_SUFFIXES  # (never opened: a pipe would block)
    return "" if quiet else "it is not a regular file (a pipe, a socket or a device), so it was not read."


#: names of the files archives carry beside their pages (licences, readmes, provenance): not newspaper text
_PAPERWORK = re.compile(r"(?i)^(licen[cs]e|copying|readme|provenance|changelog|authors)([._ -].*)?$")


def _paperwork(path: Path) -> bool:
    """A licence, readme or provenance file met while walking a folder (named by the user, it is read)."""
    return bool(_PAPERWORK.match(path.name))


def _candidate(path: Path) -> bool:
    name = path.name
    suffix = path.suffix.lower()
    if name.startswith(".") or name == "broadsheet.json" or name.endswith(".meta.json"):
        return False
    if suffix in SKIP_SUFFIXES or name.endswith("~"):
        return False
    if suffix == ".json":
        try:
            with path.open("rb") as fh:
                head = fh.read(4000)
        except OSError:
            return True
        return b"AnnotationPage" in head or b"SvgSelector" in head
    return True


def _looks_like_mets(path: Path) -> bool:
    if path.suffix.lower() != ".xml":
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    return b"<mets:mets" in head or b"<mets " in head or b"<mets>" in head


def _sha256(path: Path) -> str:
    return _file_digest(path, "sha256")


def _file_digest(path: Path, algorithm: str) -> str:
    """The file's digest in hashlib's ``algorithm``, hex."""
    h = hashlib.new(algorithm)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ---------------------------------------------------------------- import


ProgressFn = Callable[[ImportProgress], None]


def import_paths(library: Library, paths: Iterable[str | Path], *, publication: str | None = None,
                 date: str | None = None, page: int | None = None,
                 progress: ProgressFn | None = None, cancel: threading.Event | None = None,
                 on_error: Callable[[str, str], None] | None = None,
                 workers: int | None = 0, cluster: str | None = None, reread: bool = False) -> ImportReport:
    """Import files and folders; return what happened. Holds the library's import lock throughout.

    ``reread``: read again the files the library holds with the same bytes, as if they had changed (a newer
    version reads pages better; the researcher's work follows its words as after any re-import). Given
    ``publication``, ``date`` or ``page``, they are read again too: the import that filed them undated asks
    for these (the flags did nothing to the files already imported, seen by a tester).

    ``workers``: processes reading files beside this one; 0 (the default) reads here, None lets
    :func:`analysis_workers` decide. Worker processes are spawned, and spawning re-imports the
    caller's ``__main__`` module: only a program whose main module is guarded by
    ``if __name__ == "__main__"`` may ask for them (the CLI does; the GUI imports through it).
    ``cluster`` (``local:N`` or ``tcp://HOST:PORT``) reads on a Dask cluster instead
    (:mod:`reader.library.cluster`, imported only then); ``workers`` is then ignored.
    """
    report = ImportReport()
    t0 = time.perf_counter()
    flags = {"publication": publication, "date": date, "page": page}
    reread = reread or any(v is not None for v in flags.values())
    roots = [Path(p).resolve() for p in paths]
    with library.writing(sources=roots):
        files, missing = collect(roots)
        for missing_path, message in missing:
            report.failed.append((missing_path, message))
            if on_error:
                on_error(missing_path, message)
        # first: a cluster that cannot be reached is one sentence before anything is opened
        pool = _readers(cluster, analysis_workers(len(files)) if workers is None else workers)
        interval = _hand_off_quickly(pool)
        ix = sindex.open_index(library)
        referenced: set[Path] = set()
        misplaced = _MissingPages()
        formers = _FormerSelves(roots)
        #: index terms of stored articles, computed where they were read, until the next sync adds them
        known_terms: dict[int, sindex.PackedTerms] = {}
        sidecars = _Sidecars(roots)
        try:
            sindex.sync(library, ix, announce=False)  # finish what an interrupted import left
            since_sync = 0
            with library.batched() as batch:  # small files several to a transaction (a cancel commits what it holds)
                for job in _jobs(library, files, referenced, pool, reread):
                    if cancel is not None and cancel.is_set():
                        report.cancelled = True
                        break
                    if job.path in referenced:
                        continue
                    since_sync += _import_guarded(on_error, report, job, functools.partial(
                        _import_one, library, job, sidecars, flags, report, referenced, known_terms, misplaced,
                        formers))
                    if since_sync >= SYNC_CHARS:
                        with batch.aside():  # the index reads committed rows, and commits its records in order
                            sindex.sync(library, ix, known_terms=known_terms, announce=False)
                        since_sync = 0
                    elif batch.due():
                        batch.commit()
                    if progress is not None:
                        progress(ImportProgress(job.n, len(files), report.pages, report.articles, report.chars,
                                                time.perf_counter() - t0, str(job.path)))
                formers.settle(library, report, functools.partial(_settled, library, report, known_terms, formers,
                                                                  on_error))
            sindex.sync(library, ix, known_terms=known_terms, announce=False)
            library.prune()
            _say_given_twice(library, report)
            _say_issue_pages_given_alone(library, report)
            if not report.cancelled:
                _say_gone(library, [r for r in roots if r.is_dir()], report)
        finally:
            if pool is not None:
                pool.close()
            sys.setswitchinterval(interval)
            ix.close()
            if report.imported or report.moved:  # open windows read the library again (also after a failure)
                library.announce_change()
    _say_unnamed(report)
    report.seconds = time.perf_counter() - t0
    return report


def _failed(report: ImportReport, path: str, message: str, on_error: Callable[[str, str], None] | None) -> None:
    report.failed.append((path, message))
    log.warning("%s", message)
    if on_error:
        on_error(path, message)


#: files an import needs before reading them in other processes pays for starting those
PARALLEL_MIN_FILES = 24
#: files read ahead of the one being stored, per worker, at least
READ_AHEAD = 4
#: bytes of files read ahead, beyond :data:`READ_AHEAD`, while the files are small: the reading processes go on
#: through an index sync (seconds), when READ_AHEAD alone let them idle (measured in ARCHITECTURE, "Import")
READ_AHEAD_BYTES = 16 * 2**20
#: files read ahead, per worker, at most (bounds the documents held in memory)
READ_AHEAD_MAX = 16


def analysis_workers(n_files: int) -> int:
    """Processes to read ``n_files`` with: one per core (at most 4), none for a few files or one core.

    One per core, not one fewer: the importing process spends much of its time
    waiting on SQLite and the disk (500 pages on 2 cores: 188k chars/s reading
    here, 208k with one reading process, 298k with two).
    """
    if n_files < PARALLEL_MIN_FILES:
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return 0 if cores < 2 else min(cores, 4)


class Readers(Protocol):
    """Where files are read ahead of the one being stored: local processes, or a Dask cluster."""

    #: files read at once (the importer reads :data:`READ_AHEAD` files ahead per unit)
    width: int

    def submit(self, path: Path, digest: str) -> Future[ReadFile]:
        """Start reading ``path`` (whose sha256 is ``digest``)."""

    def close(self) -> None:
        """Cancel what is queued and stop."""


class ReaderLost(Exception):
    """The readers lost a file (its worker died again and again): the importing process reads it."""


class NotShared(Exception):
    """A worker neither sees the file nor can read it from its bytes alone: the importing process reads it."""


class _ProcessReaders:
    """Reading processes on this machine (spawned: never fork a process that may run Qt or other threads)."""

    def __init__(self, workers: int) -> None:
        self.width = workers
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_watch_parent, initargs=(os.getpid(),))

    def submit(self, path: Path, digest: str) -> Future[ReadFile]:
        return self.pool.submit(read_file, path)

    def submit_many(self, paths: Sequence[Path]) -> list[Future[ReadFile]]:
        """Read ``paths`` in one task (one message each way): a future each, a file's error its own."""
        task = self.pool.submit(read_files, list(paths))
        futures: list[Future[ReadFile]] = [Future() for _ in paths]
        task.add_done_callback(functools.partial(_spread, futures))
        return futures

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _spread(futures: Sequence[Future[ReadFile]], task: Future[list[ReadFile | Exception]]) -> None:
    """Give each file of a task of :func:`read_files` its result or its error; when the task itself failed (its
    process died, its results could not travel), each file is read in the importing process (:class:`ReaderLost`)."""
    if task.cancelled():
        for future in futures:
            future.cancel()
        return
    failed = task.exception()
    results: Sequence[ReadFile | BaseException] = (
        task.result() if failed is None else [ReaderLost(f"the reading task ended: {failed!r}")] * len(futures))
    for future, result in zip(futures, results, strict=True):
        if isinstance(result, BaseException):
            future.set_exception(result)
        else:
            future.set_result(result)


#: the interpreter's thread switch interval while reading processes work for an import (Python's default: 5 ms)
HANDOFF_INTERVAL = 0.0005


def _hand_off_quickly(pool: Readers | None) -> float:
    """With readers, let the thread that receives their results run soon after each arrives; return the old interval.

    The executor's thread (Dask's client thread alike) reads a result from its pipe a chunk at a time,
    unpickles it and hands the reader its next file, and between chunks it waits for the GIL, which the
    importing thread (storing, indexing: pure Python) gives up only once per switch interval. At Python's
    5 ms the readers sat idle ~30% of the time waiting for their next file, and the importing thread ~30%
    waiting for their results (py-spy over the 100,000-page benchmark, the machine shared). At 0.5 ms an
    import of 150 files was 15-20% faster under a load average of ~7; with the cores free the gain was within
    the noise (ARCHITECTURE, "Import"). The GUI never imports in its own process.
    """
    interval = sys.getswitchinterval()
    if pool is not None:
        sys.setswitchinterval(min(interval, HANDOFF_INTERVAL))
    return interval


def _readers(cluster: str | None, workers: int) -> Readers | None:
    if cluster:
        from reader.library.cluster import ClusterReaders  # Dask loads only here

        return ClusterReaders.open(cluster)
    return _ProcessReaders(workers) if workers > 0 else None


def _watch_parent(parent: int) -> None:
    """In a reading process: end it when the importing process is gone (killed, crashed)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


@dataclass
class ReadFile:
    """What reading a file gives the importer: the catalogue's rows, each article's folded text and index terms.

    All of it is computed where the file is read (a worker process in a large import) and sent as strings and
    byte strings, never as the :class:`Document` (unpickling its objects, one per line, word and span, and packing
    its lines and spans took a third of the importing process's time): that process only inserts the rows and
    writes the postings.
    """

    rows: SourceRows
    terms: list[sindex.PackedTerms]
    #: the reader's metadata (METS/MODS, ALTO, ECPO), one layer of :func:`decide_metadata`
    metadata: dict[str, str]
    #: some text, or a page image (:func:`_has_content`)
    has_content: bool

    @property
    def folded(self) -> tuple[str, ...]:
        """``fold_text`` of each article's text."""
        return self.rows.folded or ()


def read_file(path: Path) -> ReadFile:
    """Read and segment one file, and pack its rows, folded texts and index terms for the catalogue and the index."""
    return _finish(analyze_file(path))


def read_files(paths: Sequence[Path]) -> list[ReadFile | Exception]:
    """In a reading process: :func:`read_file` of each path, in order, a file's error in its place (one that cannot
    travel back, unpicklable, as :class:`ReaderLost`: the importing process then reads that file itself).

    The index terms of all their articles are computed at once (:func:`reader.index.terms.pack_terms_many`): numpy's
    fixed cost a call was ~2 ms, five times the terms of a one-paragraph page one article at a time."""
    read: list[tuple[Document, list[str]] | Exception] = []
    for path in paths:
        try:
            doc = analyze_file(path)
            read.append((doc, [fold_text(a.text) for a in doc.articles]))
        except Exception as e:  # (RecursionError and MemoryError included) each file's own
            read.append(_travelling(e))
    packed = iter(_terms_of([r[1] for r in read if not isinstance(r, Exception)]))
    out: list[ReadFile | Exception] = []
    for each in read:
        if isinstance(each, Exception):
            out.append(each)
            continue
        doc, folded = each
        terms = next(packed)
        try:
            out.append(ReadFile(source_rows(doc, folded), terms, dict(doc.metadata), _has_content(doc)))
        except Exception as e:
            out.append(_travelling(e))
    return out


def _terms_of(folded: Sequence[list[str]]) -> Iterator[list[sindex.PackedTerms]]:
    """The packed terms of each file's folded articles, computed in one call."""
    packed = sindex.pack_terms_many([text for texts in folded for text in texts])
    start = 0
    for texts in folded:
        yield packed[start:start + len(texts)]
        start += len(texts)


def _travelling(error: Exception) -> Exception:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return ReaderLost(f"its error cannot travel back: {type(error).__name__}")
    return error


def _finish(doc: Document) -> ReadFile:
    folded = [fold_text(a.text) for a in doc.articles]
    return ReadFile(source_rows(doc, folded), sindex.pack_terms_many(folded), dict(doc.metadata),
                    _has_content(doc))


#: formats whose reader looks at nothing beside the file (no page images, no METS pages): readable from bytes
SELF_CONTAINED = frozenset({"text", "ecpo"})


def read_sent(path: str, digest: str, data: bytes | None) -> ReadFile:
    """On a cluster's worker: read a file the importer sent as its path, sha256 and (to a remote cluster) bytes.

    The file is read in place when the worker sees the same bytes at the same path (a shared file system),
    or when no bytes were sent; else from the bytes, for the formats in :data:`SELF_CONTAINED` only
    (:class:`NotShared` for the others: read in the importing process, never without their neighbours).
    """
    try:
        return _read_sent(Path(path), digest, data)
    except BroadsheetError as e:
        # rebuilt from its own parts: its cause (an lxml error log) cannot be pickled back to the importer
        # (and Dask's tblib would send cause, context and traceback along with a copy.copy)
        alone = _alone(e)
    raise alone  # outside the except: no __context__ travels either


def _alone(error: BroadsheetError) -> BroadsheetError:
    """A copy of ``error`` from the parts it is pickled from, with no cause, context or traceback."""
    parts = error.__reduce__()
    if isinstance(parts, str):  # pragma: no cover - exceptions reduce to a tuple
        return error
    rebuilt = parts[0](*parts[1])
    return rebuilt if isinstance(rebuilt, BroadsheetError) else error


def _read_sent(where: Path, digest: str, data: bytes | None) -> ReadFile:
    if data is None or _same_file(where, digest):
        return read_file(where)
    doc = analyze_bytes(data, where)
    if doc.format not in SELF_CONTAINED:
        raise NotShared(str(where))
    return _finish(doc)


def _same_file(path: Path, digest: str) -> bool:
    try:
        return path.is_file() and _sha256(path) == digest
    except OSError:
        return False


@dataclass
class _Job:
    """One file of an import, in file order: checked here, read here or in a worker."""

    n: int
    path: Path
    known: Any | None = None
    digest: str = ""
    stat: os.stat_result | None = None
    future: Future[ReadFile] | None = None
    error: BroadsheetError | None = None
    #: a file of the library (or of this import) with the same bytes, still where it was
    duplicate_of: str = ""
    #: the path this file had in the library before it was moved here
    moved_from: str = ""
    #: a file of the library that had these bytes when it was imported and has changed since (this one was its
    #: duplicate, and is none now)
    changed_twin: str = ""
    #: held by the library with these bytes, read again as asked (``import --reread``)
    reread: bool = False
    #: page files of an unchanged METS that cannot be read now (moved away, a disk not mounted): kept as imported
    unreadable_pages: list[tuple[Path, str]] = field(default_factory=list)
    #: page files an unchanged METS names, read with it or not (never an issue of their own)
    named_pages: list[mets.NamedPage] = field(default_factory=list)
    #: page files it names that were missing when it was imported and are there now: the issue is read again
    restored_pages: list[Path] = field(default_factory=list)
    #: a file moved whose new path gives other metadata (:func:`_refiled`): what its articles are now, said
    refiled: str = ""
    #: the file as read, once read
    done: ReadFile | None = None

    @property
    def size(self) -> int:
        """The file's size in bytes (0 when it could not be looked at)."""
        return self.stat.st_size if self.stat is not None else 0

    def read(self) -> ReadFile:
        if self.done is None:
            self.done = self._read()
        return self.done

    def _read(self) -> ReadFile:
        if self.error is not None:
            raise self.error
        if self.future is not None:
            try:
                return self.future.result()
            except (BrokenProcessPool, ReaderLost):  # a reading process died (killed, out of memory): read it here
                log.warning("%s: the reading process ended; reading in the importing process", self.path)
            except NotShared:
                log.info("%s: the cluster's workers cannot see it; reading in the importing process", self.path)
        return read_file(self.path)


def _jobs(library: Library, files: list[Path], referenced: set[Path],
          pool: Readers | None, reread: bool = False) -> Iterator[_Job]:
    """The import's files in order, each checked against the catalogue and, with a pool, read ahead."""
    window: deque[_Job] = deque()
    digests: dict[str, str] = {}  # sha256 -> the first file of this import with those bytes
    ahead = _ReadAhead(pool.width if pool is not None else 0)
    hand = _HandOut(pool, ahead)
    todo = iter(enumerate(files, start=1))
    while True:
        while ahead.wants(len(window)):
            nxt = next(todo, None)
            if nxt is None:
                break
            job = _Job(*nxt)
            if job.path not in referenced:
                _check(library, job, reread)
                _twin(library, job, digests)
                if job.error is None and job.digest and not (job.duplicate_of or job.moved_from):
                    hand.add(job)
            window.append(job)
        if not window:
            return
        job = window.popleft()
        hand.before_storing(job)
        ahead.remove(job)
        yield job


#: a file smaller than this goes to a reading process with others (one task for several: the pool's messages, its
#: pickling and the wake-up of its thread cost the importing process ~16% of its time a task at 10,000 small files)
CHUNK_BYTES = 64 * 1024
#: small files handed over in one task, at most
CHUNK_FILES = 8


class _HandOut:
    """Hands the import's files to its readers: small ones several to a task (local processes only), each task
    given as soon as it is full, or when the file being stored is in it (never kept waiting)."""

    def __init__(self, pool: Readers | None, ahead: _ReadAhead) -> None:
        self.pool = pool
        self.ahead = ahead
        self.group: list[_Job] = []
        self.bytes = 0

    def add(self, job: _Job) -> None:
        """A file to read; what is read ahead counts it once it is handed over."""
        if self.pool is None:
            return
        if not isinstance(self.pool, _ProcessReaders) or job.size >= CHUNK_BYTES:
            self._give([job])
            return
        self.group.append(job)
        self.bytes += job.size
        if len(self.group) >= CHUNK_FILES or self.bytes >= CHUNK_BYTES:
            self._flush()

    def before_storing(self, job: _Job) -> None:
        """``job`` is to be stored next: the task holding it goes now."""
        if any(j is job for j in self.group):
            self._flush()

    def _flush(self) -> None:
        group, self.group, self.bytes = self.group, [], 0
        if group:
            self._give(group)

    def _give(self, jobs: list[_Job]) -> None:
        pool = self.pool
        if pool is None:
            return
        try:
            if len(jobs) > 1 and isinstance(pool, _ProcessReaders):
                futures = pool.submit_many([j.path for j in jobs])
            else:
                futures = [pool.submit(j.path, j.digest) for j in jobs]
        except BrokenProcessPool:  # those files are read here
            self.pool = None
            return
        except SourceError as e:  # the bytes for a remote cluster could not be read (one file a task)
            jobs[0].error = e
            return
        for job, future in zip(jobs, futures, strict=True):
            job.future = future
            self.ahead.add(job)


class _ReadAhead:
    """How far the import reads ahead: :data:`READ_AHEAD` files per reading unit, and small files further.

    The importing process stops taking results while it syncs the index (a few seconds every
    :data:`SYNC_CHARS`); with only a few files ahead, the reading processes then sat idle and
    the import waited for them afterwards (a quarter of its time at 100,000 pages). Counting
    the bytes of the files being read lets a batch of small files cover that pause, while a
    few large files (a METS issue) still bound what is held in memory by their number.
    """

    def __init__(self, width: int) -> None:
        self.least = READ_AHEAD * width
        self.most = READ_AHEAD_MAX * width
        self.bytes = 0

    def wants(self, queued: int) -> bool:
        """Whether to read one more file ahead, with ``queued`` files waiting to be stored."""
        if queued <= self.least:
            return True
        return queued < self.most and self.bytes < READ_AHEAD_BYTES

    def add(self, job: _Job) -> None:
        self.bytes += job.size

    def remove(self, job: _Job) -> None:
        if job.future is not None:
            self.bytes -= job.size


def _check(library: Library, job: _Job, reread: bool = False) -> None:
    """Hash the file and find it in the catalogue (``job.digest`` stays empty when it is unchanged and not to be
    ``reread``)."""
    try:
        job.stat = job.path.stat()
        digest = _sha256(job.path)
    except OSError as e:
        job.error = SourceError(job.path, e.strerror or str(e))
        return
    job.known = library.source(str(job.path))
    if job.known is None or job.known.sha256 != digest or _pages_changed(library, job):
        job.digest = digest
    elif reread:
        job.digest = digest
        job.reread = True


def _pages_changed(library: Library, job: _Job) -> bool:
    """An unchanged METS file whose page files changed since it was imported: read it again.

    Its pages are skipped as read by the METS, so without this a re-OCR'd or broken ALTO page of an
    unchanged issue was neither imported nor reported. A page file that cannot be read now (moved away,
    a disk not mounted) is no reason to drop what was imported from it: it goes to ``job.unreadable_pages``
    (the import says so) and, alone, leaves the issue as it is. A page file the METS names that was missing
    when it was imported and is there now (``job.restored_pages``) is read with the issue; it was imported
    as an ALTO page of its own, under an invented publication.
    """
    known = job.known
    if known is None or known.format != "mets":
        return False
    row = library.conn.execute("SELECT imported FROM sources WHERE id = ?", (known.id,)).fetchone()
    try:
        imported = datetime.datetime.fromisoformat(row[0]).timestamp() if row and row[0] else None
    except ValueError:
        imported = None
    changed = False
    recorded = _page_sources(library, known.id)
    for page_file in recorded:
        try:
            changed = changed or imported is None or page_file.stat().st_mtime > imported
        except OSError as e:
            job.unreadable_pages.append((page_file, e.strerror or str(e)))
    job.named_pages = _named_pages(job.path)
    job.restored_pages = [n.path for n in job.named_pages
                          if n.path not in recorded and _put_there_since(n.path, imported)]
    return changed or bool(job.restored_pages)


def _named_pages(mets_path: Path) -> list[mets.NamedPage]:
    """The page files a METS file names (none when it cannot be read now: reading it will say why)."""
    try:
        return mets.page_files(mets_path.read_bytes(), mets_path)
    except (OSError, SourceError):
        return []


def _put_there_since(page_file: Path, imported: float | None) -> bool:
    """A file is there now that was not read when its METS was imported: put back, or written, since then. A
    file moved back keeps its modification time; its status change time (a rename sets it) tells."""
    try:
        st = page_file.stat()
    except OSError:
        return False
    return imported is None or max(st.st_mtime, st.st_ctime) > imported


#: the digest of an empty file
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def _twin(library: Library, job: _Job, digests: dict[str, str]) -> None:
    """A new file whose bytes the library (or this import) already holds: a duplicate, or a moved file."""
    if job.error is not None or not job.digest or job.known is not None or job.digest == EMPTY_SHA256:
        return  # (an empty file has the bytes of every other: each is said to hold no text, none a duplicate)
    first = digests.setdefault(job.digest, str(job.path))
    if first != str(job.path):
        job.duplicate_of = first
        return
    for twin in library.sources_with_sha256(job.digest):
        if not Path(twin.path).exists():
            if not job.moved_from:
                job.moved_from = twin.path
            continue
        if _still_holds(twin):
            job.duplicate_of = twin.path
            return
        job.changed_twin = job.changed_twin or twin.path


def _still_holds(source: SourceInfo) -> bool:
    """Whether the file of an imported ``source`` still has the bytes the library read (seen by eye: its copy was
    called "the same file as …" after it had been edited, and the copy's text was in the library nowhere). Its
    size and time of change tell at once; only a file touched since is hashed again."""
    path = Path(source.path)
    try:
        st = path.stat()
        if st.st_size == source.size and source.mtime is not None and st.st_mtime == source.mtime:
            return True
        return _sha256(path) == source.sha256
    except OSError:
        return False


#: the share of lines two files of this import must both hold of each other's to be said to give a page twice
#: (:func:`_say_given_twice`)
FORMER_SHARE = 0.8
#: a new file is a gone one moved and edited when the lines they share (texts, whitespace removed) are this share of
#: the smaller's (a re-OCR, a sentence or an article removed: most lines stay) …
MOVED_SHARE = 0.8
#: … and this share of the larger's (a few lines of a page are not the page)
MOVED_SHARE_OF_LARGER = 0.5
#: … and at least this many lines
MOVED_LINES = 3
#: a line held by more gone files than this (a standing advert, a column's title) tells nothing of which one a new
#: file is: not counted when looking for candidates
COMMON_LINE = 8


def _issue_date(library: Library, source_id: int) -> str:
    """The issue date of a source's pages ("" when undated)."""
    row = library.conn.execute("SELECT i.date FROM pages p JOIN issues i ON i.id = p.issue_id WHERE p.source_id = ? "
                               "LIMIT 1", (source_id,)).fetchone()
    return str(row[0] or "") if row else ""


def _source_lines(library: Library, source_id: int) -> set[str]:
    """The texts of the lines a source's articles show (:func:`line_texts`)."""
    return set().union(*(line_texts(p, s) for p, s in library.conn.execute(
        "SELECT parts, spans FROM articles WHERE source_id = ?", (source_id,))))


@dataclass
class _Pending:
    """A new file of the import that reads nearly as a file no longer there: stored once every new file was seen (read
    again then: what it read is not held meanwhile — a delivery of re-OCR'd files under new names, the old ones
    removed, was held whole in memory, nothing stored until the end; seen in review)."""

    job: _Job
    meta: StoreMeta
    #: the gone sources it reads nearly as (ids)
    candidates: list[int]


class _FormerSelves:
    """The sources whose files are gone from where they were imported: a new file of this import whose lines are
    mostly a gone one's is that file moved and edited (seen by eye: both were kept, each article twice, the reader's
    work on the gone copy; then a folder renamed — its date with it — and a sentence deleted). Only the gone files
    and the new files of the import are compared, through the lines they hold (an index of the gone files' lines,
    lines common to many left out), never file by file; the new files that read nearly as one are held until every
    file was seen, so that one read as two gone files, or two new files read as one, is said, not guessed."""

    def __init__(self, roots: Sequence[Path] = ()) -> None:
        self.roots = [r for r in roots if r.is_dir()]
        #: the gone sources by id (None until a new file first asks)
        self.gone: dict[int, SourceInfo] | None = None
        self.lines: dict[int, set[str]] = {}
        #: line text → the gone sources holding it (None: too common to tell)
        self.holders: dict[str, list[int] | None] = {}
        self.pending: list[_Pending] = []
        #: the bytes (sha256) files of this import had before they changed → the file
        self.changed: dict[str, str] = {}
        #: (folder, folder) a file of this import was found moved from and to, unchanged (a folder renamed)
        self.folders_moved: set[tuple[Path, Path]] = set()

    def say_changed_twin(self, job: _Job, report: ImportReport) -> None:
        """Keep the bytes a file the library holds had before it changed; say so of a new file that was its copy
        (seen by eye: the copy, "not added again" while they were the same, was then imported in silence — the
        issue had the page twice, each article twice; :func:`_say_given_twice` says that)."""
        if job.known is not None:
            if job.known.sha256 != job.digest:
                self.changed[job.known.sha256] = str(job.path)
            return
        twin = job.changed_twin or self.changed.get(job.digest, "")
        if twin and not job.moved_from:
            report.warnings.append((str(job.path), f"{display_path(job.path)}: it was the same file as "
                                                   f"{display_path(twin)}, which changed since; it is imported now "
                                                   "as a file of its own"))

    def _load(self, library: Library) -> dict[int, SourceInfo]:
        """The gone sources a new file may be: not there, their folder still there or inside a folder this import
        reads (a folder renamed); a file of a disk not mounted is no move."""
        gone: dict[int, SourceInfo] = {}
        for source in library.sources():
            where = Path(source.path)
            if where.exists() or not (where.parent.is_dir() or _inside(where, self.roots)):
                continue
            gone[source.id] = source
            self.lines[source.id] = _source_lines(library, source.id)
            for text in self.lines[source.id]:
                held = self.holders.setdefault(text, [])
                if held is not None:
                    held.append(source.id)
                    if len(held) > COMMON_LINE:
                        self.holders[text] = None
        return gone

    def hold(self, library: Library, job: _Job, read: ReadFile, meta: StoreMeta) -> bool:
        """Whether a new file (not the library's, not a copy) reads nearly as a gone one: then it is held, to be
        stored by :meth:`settle`."""
        if self.gone is None:
            self.gone = self._load(library)
        if not self.gone:
            return False
        lines = set().union(*(line_texts(a.parts, a.spans) for a in read.rows.articles))
        counts: dict[int, int] = {}
        for text in lines:
            for source_id in self.holders.get(text) or ():
                counts[source_id] = counts.get(source_id, 0) + 1
        found = [i for i, n in counts.items() if n >= MOVED_LINES and self._reads_as(library, i, lines, read, meta)]
        if not found:
            return False
        job.done, job.future = None, None  # read again by settle(), not held
        self.pending.append(_Pending(job, meta, sorted(found)))
        return True

    def _reads_as(self, library: Library, source_id: int, lines: set[str], read: ReadFile, meta: StoreMeta) -> bool:
        """Whether a new file (its ``lines``, read as ``read``, filed as ``meta``) is the gone source moved and edited:
        the same format, nearly the same lines (:data:`MOVED_SHARE`), the same issue date unless the gone file's folder
        is gone too (a dated folder renamed: the next day's page, repeating most adverts, named like a page of a day
        whose folder is still there, is another page — seen in review)."""
        assert self.gone is not None
        source = self.gone[source_id]
        old = self.lines[source_id]
        shared = len(old & lines)
        if source.format != read.rows.format or shared < MOVED_LINES:
            return False
        if shared < MOVED_SHARE * min(len(old), len(lines)) or shared < MOVED_SHARE_OF_LARGER * max(len(old),
                                                                                                      len(lines)):
            return False
        return _issue_date(library, source_id) == (meta.date or "") or not Path(source.path).parent.is_dir()

    def settle(self, library: Library, report: ImportReport, store: Callable[[_Job, ReadFile, StoreMeta], int]) -> int:
        """Store the files held (the characters stored): one that reads nearly as one gone file only, which no other
        new file reads as, is that file moved and edited — the source takes its path and is read again as an edited
        source is (its articles re-cut, the work following its words); any other is stored as a file of its own, and
        the import says which gone files it reads as, nothing of theirs touched."""
        if not self.pending or self.gone is None:
            return 0
        wanted: dict[int, int] = {}
        for held in self.pending:
            for source_id in held.candidates:
                wanted[source_id] = wanted.get(source_id, 0) + 1
        chars = 0
        for held in self.pending:
            try:
                read = held.job.read()
            except BroadsheetError as e:  # gone or changed since it was first read: said, as any file that fails
                report.failed.append((str(held.job.path), str(e)))
                continue
            live = [self.gone[i] for i in held.candidates if library.source(self.gone[i].path) is not None
                    and not Path(self.gone[i].path).exists()]
            if len(live) == 1 and wanted[live[0].id] == 1 and self._same_day_or_moved_with(library, held, live[0],
                                                                                             report):
                chars += self._claim(library, held, read, live[0], report, store)
                continue
            chars += store(held.job, read, held.meta)
            if live:
                self._say_unsure(held, live, wanted, report)
        self.pending.clear()
        return chars

    def _same_day_or_moved_with(self, library: Library, held: _Pending, source: SourceInfo,
                                report: ImportReport) -> bool:
        """Whether a gone file is taken to be a new one that reads nearly as it: of the same issue date; of another
        day only when another file of its folder was found moved, unchanged, into the new file's folder by this import
        (a dated folder renamed). A day's folder deleted and another day's page imported that repeats most of it (a
        reprint, the adverts of the day before) is not that page moved: said, both kept (seen in review)."""
        if _issue_date(library, source.id) == (held.meta.date or ""):
            return True
        moved = self.folders_moved | {(Path(old).parent, Path(new).parent) for new, old in report.moved}
        return (Path(source.path).parent, held.job.path.parent) in moved

    def _claim(self, library: Library, held: _Pending, read: ReadFile, source: SourceInfo, report: ImportReport,
               store: Callable[[_Job, ReadFile, StoreMeta], int]) -> int:
        path = held.job.path
        was = _issue_date(library, source.id)
        library.move_source(source.path, path)
        held.job.known = library.source(str(path))
        dated = (f"; its articles are now dated {held.meta.date}" if held.meta.date and held.meta.date != was else "")
        report.warnings.append((str(path), f"{display_path(path)}: moved from {display_path(source.path)} and changed "
                                           f"since; read again as an edited file, your work following its words"
                                           f"{dated}"))
        return store(held.job, read, held.meta)

    @staticmethod
    def _say_unsure(held: _Pending, live: Sequence[SourceInfo], wanted: dict[int, int], report: ImportReport) -> None:
        path = held.job.path
        names = " and ".join(display_path(s.path) for s in live)
        why = (f"it reads nearly as {names}, no longer there" if len(live) > 1 else
               f"it reads nearly as {names}, no longer there, as another new file of this import does"
               if wanted[live[0].id] > 1 else
               f"it reads nearly as {names}, no longer there, a page of another day, and nothing else of that folder "
               "was found moved with it")
        report.warnings.append((str(path), (
            f"{display_path(path)}: {why}; it was not taken for {'either' if len(live) > 1 else 'it'} and was imported "
            f"as a file of its own — the articles of the file{'s' if len(live) > 1 else ''} no longer there and your "
            "work on them are kept as they were (no command moves work between files: add on the new file what you "
            "want there)")))


class _MissingPages:
    """The page files the import's METS files name that are not where they name them, by the checksum each
    METS gives: a page file put back under another name ("p3.xml" for "1858-12-07_01-00003.xml") is the
    issue's page, not an issue of its own under an invented publication (its folder's name)."""

    def __init__(self) -> None:
        #: checksum → (the METS file, where it wants the page)
        self.by_checksum: dict[tuple[str, str], tuple[Path, Path]] = {}

    def note(self, mets_path: Path, named: Sequence[mets.NamedPage]) -> None:
        for page in named:
            if page.checksum is not None and not page.path.exists():
                self.by_checksum[page.checksum] = (mets_path, page.path)

    def renamed_page(self, job: _Job, report: ImportReport) -> bool:
        """Whether the job's file is a missing page of a METS file of this import (then said, and not stored)."""
        if not self.by_checksum or job.error is not None or job.path.suffix.lower() != ".xml":
            return False
        for algorithm in {a for a, _ in self.by_checksum}:
            try:
                digest = _file_digest(job.path, algorithm)
            except (OSError, ValueError):
                return False
            found = self.by_checksum.get((algorithm, digest))
            if found is not None:
                report.warnings.append((str(job.path), (
                    f"{display_path(job.path)} is the page file {display_path(str(found[1]))} of "
                    f"{display_path(str(found[0]))} (the checksum it gives), under another name; it was not "
                    f"imported as an issue of its own: put it back as {found[1].name} and import again to read "
                    "it with its issue")))
                return True
        return False


#: a meta key set before an import first changes the catalogue, cleared once the reader's work was checked
#: (:func:`reader.app.work.check_work`): an import stopped between the two has the next one check
WORK_CHECK_PENDING = "work_check_pending"


def _changing(library: Library, report: ImportReport) -> None:
    """Before the import's first change to the catalogue: the reader's work is to be checked, whatever happens."""
    if not (report.imported or report.moved):
        library.meta_set(WORK_CHECK_PENDING, "1")


def work_check_pending(library: Library) -> bool:
    """Whether an import changed the catalogue and the reader's work was not checked since (it was stopped)."""
    return library.meta_get(WORK_CHECK_PENDING) is not None


def _import_guarded(on_error: Callable[[str, str], None] | None, report: ImportReport, job: _Job,
                    store: Callable[[], int]) -> int:
    """``store`` one file (the characters stored); a problem of the file is one sentence and costs that file only,
    a problem of the library or the disk stops the import."""
    try:
        return store()
    except (sqlite3.Error, LibraryError):  # the library, not the file: every next file would fail
        raise
    except BroadsheetError as e:
        _failed(report, str(job.path), str(e), on_error)
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EFBIG, errno.EROFS):  # the disk, not the file
            raise
        _failed(report, str(job.path), f"{display_path(job.path)}: {e.strerror or e}", on_error)
    except (Exception, RecursionError) as e:  # a reader's bug must cost one file, never the batch
        log.debug("reading %s failed", job.path, exc_info=True)
        _failed(report, str(job.path), f"{display_path(job.path)}: it could not be read "
                                       f"({type(e).__name__}: {e}); please report this file", on_error)
    return 0


def _say_gone(library: Library, folders: Sequence[Path], report: ImportReport) -> None:
    """Name the files the library imported from under ``folders`` that are no longer there (deleted, or moved out
    of them): their articles and the reader's work on them are kept, and the reader should know (a deleted file
    was never mentioned, seen by eye). One sentence a folder."""
    if not folders:
        return
    prefixes = tuple(str(f) + os.sep for f in folders)
    gone: dict[str, list[str]] = {}
    for source in library.sources():
        if source.path.startswith(prefixes) and not Path(source.path).exists():
            gone.setdefault(str(Path(source.path).parent), []).append(Path(source.path).name)
    for folder, names in gone.items():
        shown = ", ".join(display_path(n) for n in names[:5]) + (", …" if len(names) > 5 else "")
        report.warnings.append((folder, f"{display_path(folder)}: {len(names)} file(s) imported from it before are no "
                                        f"longer there ({shown}); their articles and your work on them are kept"))


def _say_given_twice(library: Library, report: ImportReport) -> None:
    """Name the pages of dated issues that a file of this import gives and another file gives too, with nearly the
    same text (:data:`FORMER_SHARE` of their lines): every article on them is there twice (in search, the timeline,
    the concordance), and that was never said (seen by eye). One sentence a page, naming the files. Two different
    pages under one number (files that give no page number) are not the same page twice, and not said."""
    imported = set(report.imported)
    texts: dict[str, set[str]] = {}
    for publication, date, edition, number, files in library.pages_given_twice(report.imported):
        same = _same_text(library, files, imported, texts)
        if len(same) < 2:
            continue
        issue = " ".join(x for x in (publication, date, edition) if x)
        times = "twice" if len(same) == 2 else f"{len(same)} times"
        shown = ", ".join(display_path(f) for f in same[:-1]) + f" and {display_path(same[-1])}"
        report.warnings.append((next(f for f in reversed(report.imported) if f in same), (
            f"the issue {issue} has page {number} {times} now, from {shown} (nearly the same text): what is printed "
            f"on it is in the library {times}")))


def _say_issue_pages_given_alone(library: Library, report: ImportReport) -> None:
    """Name the pages of METS issues whose page file is in the library as an ALTO file of its own too, one of the two
    imported now: a copy of the page file elsewhere in the folders imported (renamed or not) is imported as an issue
    of its own, under its folder's name, so :func:`_say_given_twice` (one issue, one page number) never found it,
    and every article of the page was there twice, unsaid (seen by a tester). Found by the bytes: the same sha256
    as the page file's (of the METS files' page files, only those of the loose files' sizes are read: an issue
    imported now against every loose file, an issue imported before only against the loose files imported now — a
    review saw every page file of the library hashed when any loose file came in). One sentence a page, naming both
    files; both are kept, nothing of the reader's touched."""
    imported = set(report.imported)
    loose: dict[int, dict[str, list[str]]] = {}  # size -> sha256 -> the ALTO files imported alone
    now: dict[int, dict[str, list[str]]] = {}  # the same, of those imported now
    for path, digest, size in library.conn.execute("SELECT path, sha256, size FROM sources WHERE format = 'alto'"):
        for into in (loose, now) if path in imported else (loose,):
            into.setdefault(int(size or 0), {}).setdefault(str(digest), []).append(str(path))
    if not loose or not imported:
        return
    rows = library.conn.execute(
        "SELECT s.path, g.source_file, g.number, p.name, i.date, i.edition FROM pages g "
        "JOIN sources s ON s.id = g.source_id JOIN issues i ON i.id = g.issue_id "
        "JOIN publications p ON p.id = i.publication_id "
        "WHERE s.format = 'mets' AND g.source_file IS NOT NULL ORDER BY s.path, g.number").fetchall()
    for mets_path, page_file, number, publication, date, edition in rows:
        against = loose if mets_path in imported else now
        if not against:
            continue  # (no file read for an issue and loose files both imported before)
        for copy in _loose_copies(Path(page_file), against):
            issue = " ".join(str(x) for x in (publication, date, edition) if x)
            report.warnings.append((copy if copy in imported else str(mets_path), (
                f"the issue {issue} has page {number} twice now: its page file {display_path(page_file)} (of "
                f"{display_path(mets_path)}) was imported as a file of its own too, {display_path(copy)}: what is "
                "printed on it is in the library twice")))


def _loose_copies(page_file: Path, loose: dict[int, dict[str, list[str]]]) -> list[str]:
    """The files of ``loose`` (size -> sha256 -> paths) with the bytes of ``page_file``, but itself."""
    try:
        by_digest = loose.get(page_file.stat().st_size)
        if not by_digest:
            return []
        return [p for p in by_digest.get(_sha256(page_file), []) if Path(p) != page_file]
    except OSError:  # not there now (said elsewhere): nothing to compare
        return []


def _same_text(library: Library, files: Sequence[str], imported: set[str], texts: dict[str, set[str]]) -> list[str]:
    """Those of ``files`` whose line texts are nearly those of another of them imported now (``texts``: each file's,
    as found)."""
    def lines(path: str) -> set[str]:
        if path not in texts:
            texts[path] = set().union(*(line_texts(p, s) for p, s in library.conn.execute(
                "SELECT a.parts, a.spans FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.path = ?",
                (path,))))
        return texts[path]

    same: set[str] = set()
    for new in (f for f in files if f in imported):
        for other in files:
            a, b = lines(new), lines(other)
            if other != new and a and len(a & b) > FORMER_SHARE * max(len(a), len(b)):
                same.update((new, other))
    return sorted(same)


def _store_meta(path: Path, read: ReadFile, sidecars: _Sidecars, flags: dict[str, Any],
                report: ImportReport) -> StoreMeta:
    """Where a file's pages belong: what it, its sidecar, its path and the flags say (:func:`decide_metadata`)."""
    try:
        side = sidecars(path)
    except SourceError as e:  # the sidecar is the bad file: the page is imported without what it says
        side = {}
        report.warnings.append((str(path), f"{e.path}: {e.reason}; {display_path(path.name)} was imported "
                                           "without its metadata"))
    meta, first_page = decide_metadata(path, read.metadata, side, flags)
    if not meta.date and not _names_its_paper(path, read.metadata, side, flags):
        report.unnamed.setdefault(str(path.parent), []).append(path.name)
    if first_page is not None and not (len(read.rows.pages) == 1 or flags.get("page") is not None):
        first_page = None
    meta.first_page = first_page
    return meta


def _import_one(library: Library, job: _Job, sidecars: _Sidecars, flags: dict[str, Any], report: ImportReport,
                referenced: set[Path], known_terms: dict[int, sindex.PackedTerms], missing: _MissingPages,
                formers: _FormerSelves) -> int:
    """Store one file; return the characters stored (0 when unchanged or empty)."""
    path = job.path
    if job.error is None and not job.digest:
        report.unchanged.append(str(path))
        _keep_issue(library, job, report, referenced, missing)
        return 0
    if missing.renamed_page(job, report):
        return 0
    if job.duplicate_of:
        if _looks_like_mets(path):  # a copy of an issue's folder: its pages are that issue's, not issues of their own
            referenced.update(n.path for n in _named_pages(path))
        report.duplicates.append((str(path), job.duplicate_of))
        log.warning("%s: the same file as %s (already imported), not added again", path, job.duplicate_of)
        return 0
    if job.digest == EMPTY_SHA256:  # whatever its name says it is (an empty .xml was "not an XML element")
        report.warnings.append((str(path), f"{display_path(path)} holds no text; it was not imported"))
        return 0
    if job.moved_from and _moved(library, job, report, referenced, missing, _Where(sidecars, flags)):
        return 0
    read = job.read()
    rows = read.rows
    if rows.format == "mets":
        referenced.update(Path(p.source).resolve() for p in rows.pages if p.source)
        missing.note(path, _named_pages(path))
    if not rows.pages and not rows.articles:
        log.info("%s: no pages (%s)", path, rows.format)
        return 0
    if not read.has_content:  # an empty file is one sentence, never an empty publication
        report.warnings.append((str(path), f"{display_path(path)} holds no text; it was not imported"))
        log.warning("%s: no text; not imported", path)
        return 0
    meta = _store_meta(path, read, sidecars, flags, report)
    if job.known is None and formers.hold(library, job, read, meta):
        return 0
    return _store(library, job, read, meta, report, known_terms, formers)


def _settled(library: Library, report: ImportReport, known_terms: dict[int, sindex.PackedTerms],
             formers: _FormerSelves, on_error: Callable[[str, str], None] | None, job: _Job, read: ReadFile,
             meta: StoreMeta) -> int:
    """:func:`_store` of a file :class:`_FormerSelves` held, its problem costing that file only."""
    return _import_guarded(on_error, report, job, functools.partial(_store, library, job, read, meta, report,
                                                                    known_terms, formers))


def _store(library: Library, job: _Job, read: ReadFile, meta: StoreMeta, report: ImportReport,
           known_terms: dict[int, sindex.PackedTerms], formers: _FormerSelves) -> int:
    """Store a file read, filed as ``meta``; return the characters stored."""
    path, rows = job.path, read.rows
    assert job.stat is not None
    _changing(library, report)
    result = library.store_rows(rows, meta, path=str(path), sha256=job.digest, mtime=job.stat.st_mtime,
                                size=job.stat.st_size)
    known_terms.update(zip(result.article_nums, read.terms, strict=False))
    report.imported.append(str(path))
    if job.moved_from:
        formers.folders_moved.add((Path(job.moved_from).parent, path.parent))
    if job.refiled:
        report.warnings.append((str(path), f"{display_path(job.moved_from)} moved to {display_path(path)}: "
                                           f"{job.refiled}"))
    formers.say_changed_twin(job, report)
    if job.reread:
        report.reread.append(str(path))
    report.warnings.extend((str(path), f"{display_path(path)}: its page file {display_path(str(page_file))}, "
                                       "missing when the issue was imported, is there now: the issue was read "
                                       "again with it") for page_file in job.restored_pages)
    report.warnings.extend((str(path), w) for w in rows.warnings)
    report.pages += result.pages
    report.articles += result.articles
    report.chars += result.chars
    return result.chars


def _keep_issue(library: Library, job: _Job, report: ImportReport, referenced: set[Path],
                missing: _MissingPages) -> None:
    """A METS file the library holds as it is (unchanged, or moved): the page files it read and names are its issue's,
    none an issue of its own; those that cannot be read now are said, what was imported from them kept."""
    for page_file, why in job.unreadable_pages:
        report.warnings.append((str(job.path), f"its page file {display_path(str(page_file))} cannot be read ({why}); "
                                               "the articles imported from it are kept as they were"))
    if job.known is not None and job.known.format == "mets":
        referenced.update(_page_sources(library, job.known.id))
        referenced.update(n.path for n in job.named_pages)  # a page it names is no issue of its own
        missing.note(job.path, job.named_pages)


@dataclass
class _Where:
    """What files are filed under besides what they hold: the import's sidecars and flags."""

    sidecars: _Sidecars
    flags: dict[str, Any]


def _moved(library: Library, job: _Job, report: ImportReport, referenced: set[Path],
           missing: _MissingPages, where: _Where) -> bool:
    """A file the library holds, found moved: its source takes the new path, its articles and the work on them kept.
    Whether that is all: a METS file moved with its issue's folder claims its page files there (they were imported
    again one by one as an issue of their own, every article twice, seen by eye), and is read again when they
    changed since (a page re-OCR'd, or put back); a file whose new path gives it another date, publication, edition
    or page (:func:`_refiled`) is read again, filed as its path says (as "Read every file again" files it), its
    articles keeping their ids (:meth:`Library.store_rows`), and the import says so."""
    _changing(library, report)
    library.move_source(job.moved_from, job.path)
    job.known = library.source(str(job.path))
    if job.known is not None and job.known.format != "mets":
        job.refiled = _refiled(library, job, where)
        if job.refiled:
            log.info("%s: moved from %s; %s", job.path, job.moved_from, job.refiled)
            return False
    report.moved.append((str(job.path), job.moved_from))
    log.info("%s: moved from %s; its articles are kept", job.path, job.moved_from)
    if job.known is not None and job.known.format == "mets" and _pages_changed(library, job):
        return False
    _keep_issue(library, job, report, referenced, missing)
    return True


def _refiled(library: Library, job: _Job, where: _Where) -> str:
    """What a moved file's articles are now when its new path (its folders' names, its sidecars) files it otherwise
    than where the library holds it ("" when it files it the same): a folder ``2021-01-30`` renamed ``2021-01-31``
    dates its pages the 31st. Only a file whose path tells something else, or that has sidecars, is read to know; and
    only what its old path told is taken from the new one: a file filed by an import's ``--publication``/``--date``
    stays so filed wherever it is moved."""
    assert job.known is not None
    try:
        side = where.sidecars(job.path)
    except SourceError:
        side = {}
    if path_metadata(Path(job.moved_from)) == path_metadata(job.path) and not side:
        return ""
    row = library.conn.execute(
        "SELECT p.name, i.date, i.edition, MIN(g.number) FROM pages g JOIN issues i ON i.id = g.issue_id "
        "JOIN publications p ON p.id = i.publication_id WHERE g.source_id = ? GROUP BY p.name, i.date, i.edition",
        (job.known.id,)).fetchall()
    if len(row) != 1:
        return ""
    publication, date, edition, number = row[0]
    try:
        read = job.read()
    except BroadsheetError:
        return ""
    meta, first_page = decide_metadata(job.path, read.metadata, side, where.flags)
    was, _ = decide_metadata(Path(job.moved_from), read.metadata, side, where.flags)
    if (was.publication, was.date, was.edition) != (publication, date or "", edition or ""):
        return ""  # filed otherwise than its old path said (an earlier import's --publication/--date): kept so
    pages = read.rows.pages
    if first_page is None or not (len(pages) == 1 or where.flags.get("page") is not None):
        first_page = pages[0].number if pages else number
    now: list[str] = []
    if meta.date != (date or ""):
        now.append(f"dated {meta.date}" if meta.date else "undated")
    if meta.publication != publication:
        told = "" if _names_its_paper(job.path, read.metadata, side, where.flags) else ", from its folder's name"
        now.append(f"of {meta.publication}{told}")
    if meta.edition != (edition or ""):
        now.append(f"of the edition {meta.edition}" if meta.edition else "of no edition")
    if number is not None and first_page != number:
        now.append(f"from page {first_page}")
    if not now:
        return ""
    return f"its articles are now {' and '.join(now)} (their ids and your work on them are kept)"


def _has_content(doc: Document) -> bool:
    """True when a read file holds some text, or a page image (a scan without OCR is still a page)."""
    if any(page.image for page in doc.pages):
        return True
    if any(part.text.strip() for art in doc.articles for part in art.parts):
        return True
    return any(line.text.strip() for page in doc.pages
               for line in itertools.chain(page.lines, (ln for b in page.blocks for ln in b.lines)))


def _page_sources(library: Library, source_id: int) -> set[Path]:
    """The files an already imported METS source read its pages from."""
    rows = library.conn.execute("SELECT DISTINCT source_file FROM pages WHERE source_id = ? "
                                "AND source_file IS NOT NULL", (source_id,))
    return {Path(r[0]).resolve() for r in rows}
