"""``broadsheet export``: articles, an issue, a collection or a query's hits to a new file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from reader.cli.common import current_keys, merged_said, open_library, search_options

if TYPE_CHECKING:
    from reader.app.overlay import Overlay


def cmd_export(args: argparse.Namespace) -> int:
    """broadsheet export: articles, an issue, a collection or a query's hits to a new file."""
    from reader.app.overlay import Overlay
    from reader.export.exporter import ExportError, export, items_from_document, write_new

    if args.source:
        from reader.segmentation.analyze import analyze_file

        doc = analyze_file(args.source)
        items = items_from_document(doc, args.articles or None)
        annotations: list[Any] = []
        applied: dict[str, int] = {}  # a source file read as it is: none of the reader's corrections
    else:
        if not (args.articles or args.issue is not None or args.collection or args.query):
            raise ExportError("name the articles, --issue, --collection, --query or --source to export")
        lib = open_library(args)
        try:
            overlay = Overlay(lib, segmentation=not args.no_overlay, text=not args.plain)
            articles = _followed(overlay, current_keys(lib, list(args.articles))) if args.articles else args.articles
            scope = overlay.export_scope(articles, issue_id=args.issue, collection=args.collection,
                                         query=args.query, limit=args.limit, options=search_options(args))
            merged = {key: merged_said(into, overlay.merged_by(key)) for key in scope.left_out
                      if (into := overlay.merged_into(key))}
            applied = overlay.applied_by(scope)
        finally:
            lib.close()
        for corr, reason in scope.stale:
            print(f"broadsheet: correction {corr.id} ({corr.kind}) no longer applies: {reason}.", file=sys.stderr)
        for key in scope.left_out:
            why = merged.get(key, "which is no longer in the library")
            print(f"broadsheet: collection {args.collection!r} names article {key}, {why}: not exported (the entry is "
                  "kept).", file=sys.stderr)
        items, annotations = scope.items, scope.annotations
    kind = "hits" if args.query else "collection" if args.collection else "issue" if args.issue is not None else None
    options: dict[str, Any] = {}
    if args.format == "tei":
        options = {"scope": kind, "user": args.user or "", "reading": args.reading}
    elif args.format == "cite":
        options = {"style": args.style}
    data = export(items, args.format, annotations if not args.plain else [], **options)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        return 0
    path = write_new(args.output, data, force=args.force)
    print(f"{path}: {len(items)} article(s), {len(data)} bytes ({args.format}); {script_said(args, applied)}",
          file=sys.stderr)
    return 0


def _followed(overlay: Overlay, keys: list[str]) -> list[str]:
    """``keys`` with each article a correction merged into another given as that one (said on stderr, as ``show``
    says it; each once): 'export KEY~p1.l19' of a piece merged back answered "there is no article" where ``show``
    followed it into the article holding its words (seen by a tester)."""
    out: dict[str, None] = {}
    for key in keys:
        into = overlay.merged_into(key)
        if into is not None:
            print(f"broadsheet: article {key} was merged into {into} by a correction; exporting {into}.",
                  file=sys.stderr)
        out.setdefault(into or key, None)
    return list(out)


def script_said(args: argparse.Namespace, applied: Mapping[str, int] | None = None) -> str:
    """In what script the text was written: as the sources print it, with the corrections ``applied`` when there are
    any (said only then: "applied" of none would tell of an edited text; whose: "" the reader's own, else a
    colleague's name — a colleague's were counted as "your"), and, with ``--reading``, a TEI reading text converted
    (said: the window's reader reads in a script of their choosing; the file is in the sources')."""
    said = "the text as the sources print it"
    applied = {who: n for who, n in (applied or {}).items() if n}
    if set(applied) == {""}:
        said += f" with your {applied['']} correction(s) applied"
    elif applied:
        whose = ([f"{applied['']} yours"] if "" in applied else []) + [
            f"{n} by {who}" for who, n in sorted(applied.items()) if who]
        said += f" with {sum(applied.values())} correction(s) applied ({', '.join(whose)})"
    said += " (no script conversion"
    if args.format == "tei" and args.reading:
        return said + f"), with a reading text converted by OpenCC {args.reading}, marked as derived"
    return said + ("; --reading adds a converted reading text)" if args.format == "tei" else ")")
