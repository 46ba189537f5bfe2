"""Concurrent edits of one annotation all land, and an edit made on an old version is refused (issue 13)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from reader.annotations.store import AnnotationConflict, AnnotationStore, highlight
from reader.library.catalogue import Library
from reader.library.importer import import_paths

SEED = Path(__file__).parents[1] / "data" / "text" / "seed_page.txt"
EDITS = 60


def _edit_loop(folder: str, annotation_id: str, what: str) -> None:
    lib = Library(folder)
    store = AnnotationStore.of(lib)
    for n in range(EDITS):
        if what == "note":
            store.edit(annotation_id, note=f"note {n}")
        else:
            store.edit(annotation_id, tags=[f"tag {n}"])
    lib.close()


@pytest.fixture
def annotated(tmp_path: Path) -> tuple[Path, str]:
    lib = Library(tmp_path / "lib")
    import_paths(lib, [SEED])
    article = lib.article(lib.articles()[0].id)
    store = AnnotationStore.of(lib)
    ann = highlight(article, 0, 4, note="first")
    ann.article = lib.articles()[0].id
    store.add(ann)
    lib.close()
    return tmp_path / "lib", ann.id


def test_two_processes_editing_one_annotation_lose_nothing(annotated: tuple[Path, str]) -> None:
    folder, ann_id = annotated
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_edit_loop, args=(str(folder), ann_id, what)) for what in ("note", "tags")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    lib = Library(folder)
    final = AnnotationStore.of(lib).get(ann_id)
    lib.close()
    assert final.note == f"note {EDITS - 1}"  # the last note edit survived every tag edit, and the reverse
    assert final.tags == [f"tag {EDITS - 1}"]
    assert final.version == 2 * EDITS


def test_an_edit_of_an_old_version_is_refused_not_silently_undone(annotated: tuple[Path, str]) -> None:
    folder, ann_id = annotated
    lib = Library(folder)
    store = AnnotationStore.of(lib)
    window_copy = store.get(ann_id)  # the window read it …
    store.edit(ann_id, note="from the command line")  # … then the CLI changed it
    window_copy.note = "from the window"
    with pytest.raises(AnnotationConflict):
        store.update(window_copy)
    assert store.get(ann_id).note == "from the command line"
    fresh = store.get(ann_id)
    fresh.note = "from the window, after reloading"
    store.update(fresh)
    assert store.get(ann_id).note == "from the window, after reloading"
    lib.close()
