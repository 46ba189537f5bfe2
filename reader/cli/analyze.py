"""``broadsheet analyze``: read files and print their articles (no library needed)."""

from __future__ import annotations

import argparse
import json
import sys


def cmd_analyze(args: argparse.Namespace) -> int:
    from reader.model.errors import BroadsheetError
    from reader.segmentation.analyze import analyze_file, document_json, document_text

    status = 0
    results = []
    for name in args.files:
        try:
            doc = analyze_file(name, args.format)
        except BroadsheetError as e:
            print(f"broadsheet: {e}", file=sys.stderr)
            status = 1
            continue
        for warning in doc.warnings:
            print(f"broadsheet: warning: {warning}", file=sys.stderr)
        if args.json:
            results.append(document_json(doc))
        else:
            sys.stdout.write(document_text(doc))
    if args.json and results:
        payload = results[0] if len(results) == 1 else results
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return status
