"""The argument parser of ``broadsheet``: every command's syntax, and nothing that runs it.

Each command's ``args.command`` (and ``args.action`` for those with actions) is what
:mod:`reader.cli.main` dispatches on; the commands themselves live one group per module.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from reader import __version__

#: The largest number the catalogue can hold (SQLite integers are 64-bit).
INT_MAX = 2**63 - 1


class OneSentenceParser(argparse.ArgumentParser):
    """An argument parser whose every refusal is one sentence on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        text = message[:1].upper() + message[1:]
        print(f"{self.prog}: {text.rstrip('.')} (see {self.prog} --help).", file=sys.stderr)
        raise SystemExit(2)


def whole(value: str) -> int:
    """A whole number the catalogue can hold (page numbers, issue ids, offsets)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 0 <= n <= INT_MAX:
        raise argparse.ArgumentTypeError(f"{value} is out of range (0 to {INT_MAX})")
    return n


def count(value: str) -> int:
    """How many results: a whole number, at least 1."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a count (give 1 or more)")
    return whole(value)


def match_args(p: argparse.ArgumentParser) -> None:
    """``--match`` and ``--ignore-punct``: how a command taking a query compares its text."""
    p.add_argument("--match", choices=["folded", "exact", "variants"], default="folded",
                   help="folded: any script, width, case, accents, œ/æ as oe/ae (default); "
                        "exact: the characters as printed; "
                        "variants: folded, and variant characters (异体字: 着/著, 吿/告 …) as one")
    p.add_argument("--ignore-punct", action="store_true",
                   help="ignore punctuation between Chinese characters (中國金融 finds 中國、金融)")


def _add_library_verbs(sub: argparse._SubParsersAction[OneSentenceParser]) -> None:
    from reader.text.forms import DISPLAY_CONFIGS

    def lib_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--library", metavar="DIR",
                       help="the library folder or postgresql://… database (default: $BROADSHEET_LIBRARY or the "
                            "platform data folder)")

    p = sub.add_parser("import", help="import files and folders into the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    lib_arg(p)
    p.add_argument("--publication", help="the publication, when neither the files nor their paths say (files "
                                         "already imported are read again to take it, as are --date and --page)")
    p.add_argument("--date", help="the issue date YYYY-MM-DD (or as printed: 中華民國廿八年四月廿二日), "
                                  "when neither the files nor their paths say")
    p.add_argument("--page", type=whole, help="the number of the (first) page")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.add_argument("--progress-json", action="store_true",
                   help="progress, errors and the report as JSON lines on stdout (for programs driving an import)")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="read the files on a Dask cluster: local:N (N worker processes here) or tcp://HOST:8786 "
                        "(a running scheduler); needs pip install 'broadsheet[cluster]'")
    p.add_argument("--reread", action="store_true",
                   help="read again the files the library holds unchanged (after an upgrade that reads pages "
                        "better); your notes and corrections follow their words as after any re-import")

    p = sub.add_parser("search", help="search the library")
    p.add_argument("query", nargs="*", metavar="QUERY",
                   help="words, \"phrases\", AND OR NOT (or -word), ( ), \"a b\"~N, word*, term~1, filters "
                        "(publication: date: page: kind: headline:); operators may be typed full-width "
                        "(ＯＲ, －); a phrase glued to a word (中国“一带一路”) is one term; a word of punctuation "
                        "alone is left out and named on stderr; 〓 finds the unreadable-glyph mark")
    p.add_argument("--batch", metavar="FILE", type=Path,
                   help="answer one query per line of FILE ('-': standard input) in one process; with --json "
                        "as JSON lines {query, total, hits}; blank lines and lines starting with # are skipped")
    lib_arg(p)
    read_library_arg(p)
    p.add_argument("--json", action="store_true", help="print the JSON contract")
    p.add_argument("--limit", type=count, default=20)
    p.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    p.add_argument("--publication")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="YYYY[-MM[-DD]] or as printed: 民國二十八年四月")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="YYYY[-MM[-DD]] or as printed: 1939年4月")
    p.add_argument("--kind")
    p.add_argument("--page", type=whole)
    p.add_argument("--facets", action="store_true", help="also count hits by publication, year and kind")
    match_args(p)

    _add_concordance_verbs(sub, lib_arg)

    p = sub.add_parser("show", help="print an article of the library")
    p.add_argument("article", metavar="ARTICLE")
    lib_arg(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--script", default="none", choices=list(DISPLAY_CONFIGS), help="OpenCC conversion for display")

    p = sub.add_parser("reindex", help="rebuild the search index from the catalogue")
    lib_arg(p)

    p = sub.add_parser("stats", help="print what the library holds")
    lib_arg(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("library", help="create a shared library in PostgreSQL, copy a library between kinds")
    acts = p.add_subparsers(dest="action", required=True)
    a = acts.add_parser("init", help="create or migrate the library schema in a PostgreSQL database (or a folder)")
    a.add_argument("url", metavar="URL", help="postgresql://USER@HOST/DATABASE (or a folder)")
    a.add_argument("--grant", action="append", default=[], metavar="ROLE",
                   help="give ROLE (a group role of researchers) read access and their own annotations, "
                        "collections and corrections (repeatable)")
    a = acts.add_parser("copy", help="copy a whole library into a new, empty one (folder ↔ PostgreSQL)")
    a.add_argument("source", metavar="FROM", help="a library folder or postgresql://… URL")
    a.add_argument("destination", metavar="TO", help="a new folder or an empty database's postgresql://… URL")


def read_library_arg(p: argparse.ArgumentParser) -> None:
    """``--read-library URL``: where searches read (a read replica); writes still go to ``--library``."""
    p.add_argument("--read-library", metavar="URL",
                   help="search this copy of the library (a PostgreSQL read replica); writes go to --library")


def visibility_arg(p: argparse.ArgumentParser) -> None:
    """``--visibility`` on the commands that make annotations, collections and corrections."""
    p.add_argument("--visibility", choices=["private", "group", "public"], default="private",
                   help="who else sees it in a shared library: nobody (private, the default), the roles sharing "
                        "a group role with you (group), everyone (public)")


def _search_scope(p: argparse.ArgumentParser) -> None:
    """The filters and match options ``search`` takes, for the verbs built on a search."""
    p.add_argument("--publication")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--kind")
    p.add_argument("--page", type=whole)
    match_args(p)


def _add_concordance_verbs(sub: argparse._SubParsersAction[OneSentenceParser],
                           lib_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("concordance", help="every occurrence of a query, one line each, keyword in context")
    p.add_argument("query", nargs="+", metavar="QUERY")
    lib_arg(p)
    read_library_arg(p)
    _search_scope(p)
    p.add_argument("--context", type=whole, default=10, metavar="N",
                   help="N characters (CJK) or N words (Latin) on either side (default 10)")
    p.add_argument("--sort", choices=["date", "left", "right"], default="date",
                   help="date order, or by the left context read backwards, or by the right context")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true", help="print the JSON contract")
    g.add_argument("--csv", action="store_true", help="CSV with a citation per line (UTF-8 with BOM)")

    p = sub.add_parser("timeline", help="matching articles and occurrences per year or month")
    p.add_argument("query", nargs="+", metavar="QUERY")
    lib_arg(p)
    read_library_arg(p)
    _search_scope(p)
    p.add_argument("--by", choices=["year", "month"], default="year")
    p.add_argument("--json", action="store_true", help="print the JSON contract")


def _add_work_parsers(sub: argparse._SubParsersAction[OneSentenceParser]) -> None:
    """The verbs for the reader's own work: export, annotations, collection, correct."""
    from reader.export.kinds import FORMATS, STYLES

    p = sub.add_parser("export", help="export articles, an issue, a collection or search hits (TEI, text, …)")
    p.add_argument("articles", nargs="*", metavar="ARTICLE", help="article ids (with --source: ids in that file)")
    p.add_argument("--issue", type=whole, metavar="ID", help="every article of an issue")
    p.add_argument("--collection", metavar="NAME", help="the articles of a collection, in its order")
    p.add_argument("--query", metavar="QUERY", help="the hits of a search")
    p.add_argument("--limit", type=count, default=None, metavar="N", help="at most N hits of --query")
    match_args(p)
    p.add_argument("--source", metavar="FILE", help="export straight from a source file (no library)")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write (- for stdout)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--reading", metavar="CONFIG", help="TEI: add an OpenCC reading text (t2s, s2t, s2tw …)")
    p.add_argument("--style", default="auto", choices=STYLES, help="cite: the citation style (see broadsheet cite)")
    p.add_argument("--user", metavar="NAME", help="TEI: the name the annotations and corrections are from")
    p.add_argument("--plain", action="store_true", help="leave out annotations and text corrections")
    p.add_argument("--no-overlay", action="store_true", help="ignore segmentation corrections")
    p.add_argument("--library", metavar="DIR")

    p = sub.add_parser("annotations", help="add, list, edit, delete, back up and restore annotations")
    p.add_argument("--library", metavar="DIR")
    acts = p.add_subparsers(dest="action", required=True)
    a = acts.add_parser("add", help="highlight a passage (--quote or --start/--end) or note a whole article")
    a.add_argument("article", metavar="ARTICLE")
    a.add_argument("--quote", help="the passage to highlight (its first occurrence)")
    a.add_argument("--start", type=whole, help="start offset in the article's original text")
    a.add_argument("--end", type=whole, help="end offset (exclusive)")
    a.add_argument("--note")
    a.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    a.add_argument("--creator")
    visibility_arg(a)
    a = acts.add_parser("edit", help="change an annotation's note or tags")
    a.add_argument("id")
    a.add_argument("--note")
    a.add_argument("--tag", action="append", default=[], help="replace the tags (repeatable)")
    a = acts.add_parser("delete", help="delete an annotation")
    a.add_argument("id")
    a = acts.add_parser("list", help="list annotations (filters combine)")
    a.add_argument("--article")
    a.add_argument("--tag", dest="tag_filter")
    a.add_argument("--text", help="note or quoted text contains TEXT")
    a.add_argument("--orphaned", action="store_true", help="only those whose passage was lost")
    a.add_argument("--json", action="store_true")
    acts.add_parser("tags", help="tags in use, most used first")
    acts.add_parser("reattach", help="re-attach annotations after a re-import; report orphans")
    a = acts.add_parser("export", help="back up annotations, collections and corrections (W3C Web Annotation JSON)")
    a.add_argument("-o", "--output", required=True, metavar="FILE")
    a.add_argument("--force", action="store_true")
    a = acts.add_parser("import", help="restore a backup into this library (same ids are replaced)")
    a.add_argument("file", metavar="FILE")

    p = sub.add_parser("collection", help="named, ordered sets of articles")
    p.add_argument("--library", metavar="DIR")
    acts = p.add_subparsers(dest="action", required=True)
    acts.add_parser("list")
    for name in ("show", "create", "delete"):
        a = acts.add_parser(name)
        a.add_argument("name")
        if name == "create":
            a.add_argument("--description")
            visibility_arg(a)
        if name == "show":
            a.add_argument("--owner", metavar="ROLE",
                           help="the collection of that name another shares with you (default: your own)")
            shown = a.add_mutually_exclusive_group()
            shown.add_argument("--ids", action="store_true", help="print the articles' ids alone, one a line")
            shown.add_argument("--json", action="store_true", help="print the articles as JSON")
    for name in ("add", "remove"):
        a = acts.add_parser(name)
        a.add_argument("name")
        a.add_argument("articles", nargs="+", metavar="ARTICLE")
    a = acts.add_parser("rename", help="rename one of your collections (its articles, description and visibility kept)")
    a.add_argument("name")
    a.add_argument("new_name", metavar="NEW_NAME")

    p = sub.add_parser("correct", help="correct segmentation and OCR text (kept as an overlay; sources untouched)")
    p.add_argument("--library", metavar="DIR")
    p.add_argument("--creator")
    acts = p.add_subparsers(dest="action", required=True)
    a = acts.add_parser("merge", help="append OTHER to ARTICLE")
    a.add_argument("article")
    a.add_argument("other")
    a = acts.add_parser("split", help="start a new article at part PART (0-based)")
    a.add_argument("article")
    a.add_argument("part", type=whole)
    a = acts.add_parser("move", help="move part PART of ARTICLE into TO")
    a.add_argument("article")
    a.add_argument("part", type=whole)
    a.add_argument("to")
    a.add_argument("--position", type=whole)
    a = acts.add_parser("headline", help="make part PART the headline, or set a headline --text")
    a.add_argument("article")
    g = a.add_mutually_exclusive_group(required=True)
    g.add_argument("--part", type=whole)
    g.add_argument("--text")
    a = acts.add_parser("role", help="give part PART another role")
    a.add_argument("article")
    a.add_argument("part", type=whole)
    a.add_argument("role")
    a = acts.add_parser("join", help="join part PART to the part before it")
    a.add_argument("article")
    a.add_argument("part", type=whole)
    a = acts.add_parser("split-paragraph", help="split the paragraph at OFFSET of the article's text")
    a.add_argument("article")
    a.add_argument("offset", type=whole)
    a = acts.add_parser("text", help="correct characters START..END of the article's text as 'broadsheet show' "
                                     "prints it (a search's matches) to CORRECTED (over a line break: one correction "
                                     "a line, undone together)")
    a.add_argument("article")
    a.add_argument("start", type=whole, help="offset in the text as shown, your corrections applied")
    a.add_argument("end", type=whole)
    a.add_argument("corrected")
    a = acts.add_parser("list")
    a.add_argument("--article", help="the corrections on this article, the pieces split off it and the merges "
                   "that took it in")
    a.add_argument("--json", action="store_true")
    a = acts.add_parser("undo", help="remove the most recent correction (of --article)")
    a.add_argument("--article")
    for name, leaf in acts.choices.items():
        if name not in ("list", "undo"):
            visibility_arg(leaf)


def _add_cite_parser(sub: argparse._SubParsersAction[OneSentenceParser]) -> None:
    from reader.export.kinds import STYLES

    p = sub.add_parser("cite", help="print citations of articles (GB/T 7714, Chicago, APA, BibTeX, CSL-JSON)")
    p.add_argument("articles", nargs="+", metavar="ARTICLE")
    p.add_argument("--style", choices=STYLES, default="auto",
                   help="gb7714 (GB/T 7714-2015), chicago (notes-bibliography), apa (7th), bibtex, csl-json; "
                        "auto: GB/T 7714 for Chinese articles, Chicago for the rest")
    p.add_argument("--library", metavar="DIR")


def build_parser() -> argparse.ArgumentParser:
    parser = OneSentenceParser(prog="broadsheet", description="Read, search and annotate OCR'd newspapers.")
    parser.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the core does on stderr")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("analyze", help="read files and print their articles (no library needed)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", default="auto",
                   choices=["auto", "text", "alto", "hocr", "page", "mets", "ecpo", "ecpo-layout", "image"])
    p.add_argument("--json", action="store_true", help="print the JSON contract instead of text")

    p = sub.add_parser("gui", help="open the desktop application (also: broadsheet with no arguments)")
    p.add_argument("--library", metavar="DIR", help="the library folder to open (default: the last one)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to import once the window is open")

    _add_library_verbs(sub)
    _add_work_parsers(sub)
    _add_cite_parser(sub)
    _library_option_everywhere(sub)
    return parser


def _library_option_everywhere(sub: argparse._SubParsersAction[OneSentenceParser]) -> None:
    """``--library DIR`` is accepted after the action too (``correct split A 2 --library L``)."""
    for verb in sub.choices.values():
        for action in verb._actions:
            if isinstance(action, argparse._SubParsersAction):
                for leaf in action.choices.values():
                    if not any("--library" in a.option_strings for a in leaf._actions):
                        leaf.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS,
                                          help="the library folder (as before the action)")
