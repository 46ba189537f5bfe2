"""A process for the crash-safety tests to kill: it imports, reindexes or edits annotations in a
library and reports each step it has finished on stdout (flushed), so the test can SIGKILL it at a
chosen moment and then check what a reopened library holds.

    python crash_worker.py import LIBRARY FOLDER
    python crash_worker.py reindex LIBRARY
    python crash_worker.py annotate LIBRARY ARTICLE_ID COUNT
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def say(*words: object) -> None:
    print(*words, flush=True)


def do_import(library_dir: str, folder: str) -> None:
    from reader.library import importer
    from reader.library.catalogue import Library

    # sync the index every few files, so that a kill often lands inside an index commit too
    importer.SYNC_CHARS = 20_000
    library = Library.open(library_dir)
    say("ready")
    report = importer.import_paths(library, [Path(folder)],
                                   progress=lambda p: say("file", p.files_done, p.files_total),
                                   workers=None)  # reading processes too, when there are enough files
    say("done", len(report.imported), len(report.failed))


def do_reindex(library_dir: str) -> None:
    from reader.index import store as index
    from reader.library.catalogue import Library

    index.BATCH_ARTICLES = 40  # many small commits: a kill lands between or inside them
    library = Library.open(library_dir)
    say("ready")
    added = index.rebuild(library, progress=lambda done, total: say("batch", done, total))
    say("done", added)


def do_annotate(library_dir: str, article_id: str, count: str) -> None:
    from reader.annotations.store import AnnotationStore, highlight
    from reader.library.catalogue import Library

    library = Library.open(library_dir)
    store = AnnotationStore.of(library)
    article = library.article(article_id)
    length = len(article.text)
    say("ready")
    made = []
    for i in range(int(count)):
        start = (i * 7) % max(1, length - 10)
        note = highlight(article, start, start + 5, note=f"note {i}", tags=[f"t{i % 5}"], key=article_id)
        store.add(note)
        made.append(note)
        say("added", note.id, note.note)
        if i % 3 == 2:  # edit an earlier one: the last committed note text must survive
            old = made[i // 2]
            old.note = f"edited {i}"
            store.update(old)
            say("updated", old.id, old.note)
    say("done")


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    modes: dict[str, Callable[..., None]] = {"import": do_import, "reindex": do_reindex, "annotate": do_annotate}
    modes[mode](*args)
