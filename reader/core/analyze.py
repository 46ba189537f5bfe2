"""Analyse a source file: read it, cut it into articles, reflow — and the JSON contract of `analyze`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Union

from . import ingest
from .errors import SourceError
from .model import Article, Document
from .segment import segment_pages

#: Largest source file read (64 MiB). Reading keeps the whole file and its model in memory (plain
#: text needs about 20 times its size), so a bigger file is refused up front with a clear error
#: instead of exhausting memory; real page files are a few MB, a text dump of a month of issues ~15 MB.
MAX_SOURCE_BYTES = 64 * 1024 * 1024


def _too_big(path: Union[str, Path]) -> SourceError:
    return SourceError(path, f"it is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB, the largest source file Broadsheet reads")


def analyze_bytes(data: bytes, path: Union[str, Path], fmt: str = "auto") -> Document:
    if len(data) > MAX_SOURCE_BYTES:
        raise _too_big(path)
    doc = ingest.read(data, path, fmt)
    if not doc.articles:
        doc.articles = segment_pages(doc.pages)
    return doc


def analyze_file(path: Union[str, Path], fmt: str = "auto") -> Document:
    """Read and segment one file; raises SourceError naming the file when it cannot."""
    p = Path(path)
    try:
        with p.open("rb") as f:
            if os.fstat(f.fileno()).st_size > MAX_SOURCE_BYTES:
                raise _too_big(p)
            data = f.read(MAX_SOURCE_BYTES + 1)  # never more than the limit in memory (pipes, growing files)
    except IsADirectoryError as e:
        raise SourceError(p, "it is a folder, not a file") from e
    except FileNotFoundError as e:
        raise SourceError(p, "no such file") from e
    except PermissionError as e:
        raise SourceError(p, "permission denied") from e
    except OSError as e:
        raise SourceError(p, e.strerror or str(e)) from e
    return analyze_bytes(data, p, fmt)


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "kind": article.kind,
        "headline": article.headline,
        "kicker": article.kicker,
        "subheadline": article.subheadline,
        "byline": article.byline,
        "dateline": article.dateline,
        "pages": list(article.pages),
        "blocks": [{"role": p.role, "text": p.text, "lines": p.line_ids} for p in article.parts],
    }


def document_json(doc: Document) -> dict[str, Any]:
    """The `broadsheet analyze --json` contract (DESIGN.md, "Command-line contracts")."""
    return {
        "source": doc.source,
        "format": doc.format,
        "pages": [
            {
                "number": page.number,
                "width": page.width,
                "height": page.height,
                "lines": [
                    {"id": line.id, "text": line.text, "box": list(line.box) if line.box else None}
                    for line in page.lines
                ],
            }
            for page in doc.pages
        ],
        "articles": [article_json(a) for a in doc.articles],
    }


def document_text(doc: Document) -> str:
    """The articles for a person to read."""
    out: list[str] = [f"# {doc.source} ({doc.format}, {len(doc.pages)} page(s), {len(doc.articles)} article(s))"]
    for a in doc.articles:
        out.append("")
        out.append(f"== {a.id} [{a.kind}] {a.headline or '(no headline)'}")
        for part in a.parts:
            if part.role == "paragraph":
                out.append("    " + part.text)
            else:
                out.append(f"  [{part.role}] {part.text}")
    return "\n".join(out) + "\n"
