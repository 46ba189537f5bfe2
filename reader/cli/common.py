"""What the library commands share: opening the library, turning its errors into one sentence."""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.app.sharing import Sharing
    from reader.library.catalogue import Library
    from reader.search.query import SearchOptions

#: a command: parsed arguments in, exit status out
Command = Callable[[argparse.Namespace], int]


def open_library(args: argparse.Namespace, read: bool = False, create: bool = False) -> Library:
    """The library of ``--library`` (default: $BROADSHEET_LIBRARY or the platform data folder; a folder or
    a ``postgresql://`` URL). ``read``: a command that only reads (a search) opens ``--read-library``
    instead when given — a read replica of the PostgreSQL library, never created or migrated. Only ``create``
    (an import) makes a library where there is none: any other command refuses in one sentence (a mistyped
    ``--library`` made an empty library, and its search said 0 hits)."""
    from reader.library.catalogue import Library, NoLibraryError, needs_long_upgrade, resolve_location

    replica = getattr(args, "read_library", None) if read else None
    given = getattr(args, "library", None)
    if not replica and needs_long_upgrade(given):
        where = resolve_location(given)
        print(f"broadsheet: {where}: updating the library for this version of Broadsheet, once; a large library "
              "takes some minutes (if interrupted, it stays as it was).", file=sys.stderr)
    try:
        lib = Library.open(replica, create=False) if replica else Library.open(given, create=create)
    except NoLibraryError as e:
        raise NoLibraryError(e.path, e.reason + _no_library_hint(e.path, given, replica)) from None
    if lib.created and not replica:
        print(f"broadsheet: there was no library at {lib.location}; a new one was made there.", file=sys.stderr)
    for warning in lib.warnings:
        print(f"broadsheet: {warning}.", file=sys.stderr)
    return lib


def _no_library_hint(where: str, given: str | None, replica: str | None) -> str:
    """What follows the reason there is no library at ``where``: where the place came from when not given, and how
    a library is made there (a database's reason says it already)."""
    import os

    from reader.library.catalogue import ENV_VAR, is_url

    if replica or is_url(where):
        return ""
    if os.path.lexists(where) and not os.path.isdir(where):
        return ""  # a file: no import makes a library there (the advice was followed, and refused)
    origin = "" if given else (f"; it is ${ENV_VAR}" if os.environ.get(ENV_VAR) else "; it is the default library, "
                               "which the window fills with sample papers when it first opens")
    made = "`broadsheet import FILE…` makes one" if not given else f"`broadsheet import FILE… --library {given}` " \
        "makes one"
    return f"{origin}; {made}"


def current_keys(lib: Library, keys: list[str]) -> list[str]:
    """``keys`` naming the articles as they are now: an id an import gave up for another (its first line changed,
    ``article_renames``) is the article's new id, and the reader is told. The old id is printed in every citation
    exported before; ``show``, ``cite`` and ``export`` said "there is no article" (seen by a tester)."""
    from reader.app.work import live_renames
    from reader.library.catalogue import NotFoundError

    def exists(key: str) -> bool:
        try:
            lib.article_info(key.partition("~")[0])
            return True
        except NotFoundError:
            return False

    gone = [k for k in keys if not exists(k)]
    if not gone:
        return keys
    renames = live_renames(lib)
    out = []
    for key in keys:
        root, tilde, rest = key.partition("~")
        new = renames.get(root) if key in gone else None
        if new is not None:
            print(f"broadsheet: article {root} is now {new} (its start changed in its source).", file=sys.stderr)
        out.append(f"{new}{tilde}{rest}" if new is not None else key)
    return out


def byline(sharing: Sharing, owner: str, visibility: str) -> str:
    """`` (by alice · group)`` after another's work on a shared library, as the window's "by alice · My group";
    "" after one's own and in a folder (the lists gave a colleague's shared note and correction as the reader's
    own)."""
    said = sharing.byline(owner, visibility)
    return f" (by {said.owner} · {said.visibility.value})" if said.owner else ""


def merged_said(into: str, by: str) -> str:
    """"merged into INTO by your correction", or "… by bob's correction" of a colleague's merge (``by``:
    :meth:`reader.app.overlay.Overlay.merged_by`)."""
    whose = by + "'s" if by else "your"
    return f"merged into {into} by {whose} correction"


def search_options(args: argparse.Namespace) -> SearchOptions:
    """The :class:`SearchOptions` of ``--match`` and ``--ignore-punct`` (:func:`reader.cli.parser.match_args`)."""
    from reader.search.query import Match, SearchOptions

    return SearchOptions(Match(getattr(args, "match", None) or "folded"), bool(getattr(args, "ignore_punct", False)))


def say_query_notes(query: str, options: SearchOptions, where: str = "") -> list[str]:
    """Tell on stderr how ``query`` is read in ``options``' mode (:func:`reader.search.query.notes`: words left out,
    what 〓 finds) and return the words left out; a query with nothing searchable is a query error (exit 2)."""
    from reader.search.query import notes, prepare

    prepared = prepare(query, options)
    for sentence in notes(prepared):
        print(f"broadsheet: {where}{sentence}.", file=sys.stderr)
    return list(prepared.left_out)


def environment_problem(e: BaseException) -> str:
    """What a disk or database error means for the reader, in words (full disk, read-only, permissions)."""
    text = str(e).rstrip(".")
    errno_ = getattr(e, "errno", None)
    if errno_ == errno.ENOSPC or "disk is full" in text or errno_ == errno.EFBIG:
        return f"the disk is full ({text}); free some space and run the command again — nothing was lost"
    if "disk I/O error" in text:
        return f"the library cannot be written ({text}): is the disk full or failing?"
    if errno_ in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text or "read-only" in text:
        return f"the library cannot be written ({text}): it is read-only here"
    return f"the library cannot be used ({text})"


def library_verb(func: Command) -> Command:
    """Run a library verb; a library or query error becomes one sentence on stderr and exit status 2;
    a disk or database problem (full, read-only, failing) one sentence and exit status 1."""

    def run(args: argparse.Namespace) -> int:
        import sqlite3

        from reader.library.catalogue import resolve_location
        from reader.library.postgres import redact
        from reader.model.errors import BroadsheetError

        try:
            return int(func(args))
        except BroadsheetError as e:
            print(f"broadsheet: {e}", file=sys.stderr)
            return 2
        except BrokenPipeError:
            raise  # `broadsheet … | head`: the reader has what they asked for (main says nothing)
        except (sqlite3.Error, OSError) as e:
            where = resolve_location(getattr(args, "library", None))
            folder = redact(where) if isinstance(where, str) else where
            problem = environment_problem(e)
            print(f"broadsheet: {folder}: {problem}{'' if problem.endswith('?') else '.'}", file=sys.stderr)
            return 1

    return run
