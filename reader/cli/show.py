"""``broadsheet show``: print an article of the library."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.cli.common import current_keys, open_library


def cmd_show(args: argparse.Namespace) -> int:
    from reader.app.archive import file_gone
    from reader.app.overlay import Overlay, read_article
    from reader.model.document import reading_order
    from reader.text.dates import minguo_of, with_minguo
    from reader.text.forms import config_for, display

    lib = open_library(args)
    try:
        [key] = current_keys(lib, [args.article])
        into = Overlay(lib).merged_into(key)
        if into is not None:  # its old text alone read as an article of its own (seen by eye, eye47)
            print(f"broadsheet: article {key} was merged into {into} by a correction; showing {into}.",
                  file=sys.stderr)
            key = into
        info, article = read_article(lib, key)  # as the window shows it: corrections applied
        gone = file_gone(lib, info.source)  # an article of a deleted file showed no sign of it (seen by a tester)
    finally:
        lib.close()
    # as the window shows it: a traditional text asked for in a traditional script keeps its characters (s2t made
    # the Jing bao's 云 雲 here, while the window's 繁體 showed 云, as printed)
    by = config_for(args.script, article.text) if args.script != "none" else "none"
    script = None if by == "none" else by
    parts: list[dict[str, Any]] = []
    for index in reading_order(article):  # as the window and the exports read it
        part = article.parts[index]
        text, omap = display(part.text, script)
        identity = len(omap) == len(part.text) and all(i == k for k, i in enumerate(omap))
        parts.append({
            "index": index,  # the part's number in the article: PART of `broadsheet correct`
            "role": part.role,
            "text": text,
            "original": part.text if script else None,
            "offsets": None if identity else omap,
            "lines": part.line_ids,
            "spans": [[sp.start, sp.end, sp.line, sp.line_start] for sp in part.spans],
        })
    if args.json:
        json.dump({"article": info.id, "headline": display(article.headline or "", script)[0] or None,
                   "publication": info.publication, "date": info.date,
                   "minguo": minguo_of(info.date, info.publication),  # 民國… for a Chinese paper of 1912–1949
                   "edition": info.edition,
                   "pages": list(info.pages), "kind": info.kind, "source": info.source, "script": args.script,
                   "source_gone": gone, "shown_by": by, "parts": parts}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    date = with_minguo(info.date, info.publication)  # 1939-04-21 (民國二十八年四月二十一日) for a paper of the Republic
    print(f"# {info.publication} {date} p.{','.join(map(str, info.pages))} [{info.kind}] {info.id}")
    if gone:
        print(f"# its file {info.source} is no longer there: the article is kept as it was read")
    if args.script != "none":  # which script the text below is in, said: it may not be the page's
        print(f"# script {args.script}: " + (f"converted by OpenCC {by}, not as printed" if script
                                             else "as printed (the article is in that script already)"))
    if article.title:  # a headline the source or the reader gave, above its parts (not one of them)
        print(f"  -  [title] {display(' '.join(article.title.split()), script)[0]}")
    for shown in parts:
        label = "" if shown["role"] == "paragraph" else f"[{shown['role']}] "
        print(f"{shown['index']:>3}  {label}{shown['text']}")
    return 0
