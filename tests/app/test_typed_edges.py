"""Typed edges: sidecars and annotation backups decoded into checked types whose errors are one sentence naming
the file, and the application's edits as plain do/undo commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.annotations import store as A
from reader.app.archive import Archive
from reader.app.commands import AddAnnotation, AddCorrection, CommandError, ImportFiles, restore_backup
from reader.corrections import store as C
from reader.library.catalogue import Library
from reader.library.importer import Sidecar, import_paths
from reader.model.errors import SourceError

DATA = Path(__file__).parents[1] / "data"


def _import_with_sidecar(tmp_path: Path, sidecar: object) -> tuple[Library, list[tuple[str, str]]]:
    """The import's warnings: a bad sidecar is named in one sentence and the page imported without it."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "scan.txt").write_text((DATA / "text/seed_page.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "scan.txt.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    lib = Library(tmp_path / "lib")
    report = import_paths(lib, [src])
    assert report.failed == []
    return lib, list(report.warnings)


@pytest.mark.parametrize(("sidecar", "words"), [
    ({"page": "four"}, "page must be a whole number."),
    ({"page": 0}, "page must be a whole number."),
    ({"date": "2021-02-30"}, "date 2021-02-30 is not a date (YYYY-MM-DD)."),
    ({"publication": ["a", "b"]}, "publication must be text."),
    (["not", "an", "object"], "the metadata sidecar is not a JSON object."),
])
def test_a_bad_sidecar_is_one_sentence_naming_it_and_never_stored(tmp_path: Path, sidecar: object,
                                                                   words: str) -> None:
    lib, warned = _import_with_sidecar(tmp_path, sidecar)
    # (and, the sidecar's values left out, the page names neither paper nor date: said of its folder, once)
    warned = [w for w in warned if "neither a publication" not in w[1]]
    try:
        assert len(warned) == 1
        message = warned[0][1]
        assert ": " + words.rstrip(".") + ";" in message and "scan.txt.meta.json" in message
        assert "\n" not in message and "{" not in message  # one sentence, no Python repr
        [issue] = lib.issues()  # the page is imported, with none of the sidecar's values
        assert issue.date != "2021-02-30" and [p.number for p in lib.pages(issue.id)] == [1]
    finally:
        lib.close()


def test_a_good_sidecar_decodes(tmp_path: Path) -> None:
    side = Sidecar.decode({"publication": "大公报", "date": "1948-03-01", "page": "3", "issue": 12, "x": 1},
                          tmp_path / "a.meta.json")
    assert side == Sidecar(publication="大公报", date="1948-03-01", issue="12", page=3)
    assert side.layer() == {"publication": "大公报", "date": "1948-03-01", "issue": "12", "page": 3}
    with pytest.raises(SourceError, match=r"a\.meta\.json: page must be a whole number\.$"):
        Sidecar.decode({"page": True}, tmp_path / "a.meta.json")


def _library_with_one_article(tmp_path: Path) -> tuple[Library, str]:
    lib = Library.open(tmp_path / "lib")
    import_paths(lib, [DATA / "text/seed_page.txt"], publication="人民日报", date="2021-01-27")
    return lib, lib.articles(issue_id=lib.issues()[0].id)[1].id


def _write_backup(path: Path, backup: dict[str, object]) -> Path:
    path.write_text(json.dumps(backup, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_malformed_backup_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    lib, aid = _library_with_one_article(tmp_path)
    try:
        art = lib.article(aid)
        good = A.backup_json([A.highlight(art, 1, 5, note="n")])
        # a quote that is no text would have been stored as a Python repr
        bad = json.loads(json.dumps(good))
        bad["first"]["items"][0]["target"]["selector"][0]["exact"] = {"text": "x"}
        path = _write_backup(tmp_path / "bad.json", bad)
        with pytest.raises(A.BackupError, match=r"bad\.json: item 1: annotation .*: exact must be text\.$"):
            restore_backup(lib, path)
        # a correction record that does not decode refuses the whole file, annotations included
        broken = A.backup_json([A.highlight(art, 1, 5)], corrections=[{"kind": "split", "article": aid,
                                                                       "data": {"line": "l1", "at": "four"}}])
        path = _write_backup(tmp_path / "broken.json", broken)
        with pytest.raises(A.BackupError, match=r"broken\.json: correction 1: a split correction: at must be a whole"):
            restore_backup(lib, path)
        with pytest.raises(A.BackupError, match=r"collections\.json: collection c: items must be a list"):
            restore_backup(lib, _write_backup(tmp_path / "collections.json", {
                "type": "AnnotationCollection", "broadsheet:collections": [{"name": "c", "items": "k"}]}))
        assert A.AnnotationStore.of(lib).find() == [] and C.CorrectionStore.of(lib).find() == []
        restored = restore_backup(lib, _write_backup(tmp_path / "good.json", good))
        assert (restored.annotations, restored.corrections) == (1, 0)
    finally:
        lib.close()


def test_commands_do_and_undo(tmp_path: Path) -> None:
    lib, aid = _library_with_one_article(tmp_path)
    lib.close()
    archive = Archive.open(tmp_path / "lib", create=False)
    try:
        art = archive.article(aid)
        command = archive.correct(C.set_headline(art, text="读者的标题", key=aid))
        assert isinstance(command, AddCorrection) and command.label == "Set headline"
        assert archive.info(aid).headline == "读者的标题"
        command.undo()
        assert archive.info(aid).headline != "读者的标题" and archive.corrections.find() == []
        command.do()
        assert archive.info(aid).headline == "读者的标题"
        note = archive.annotate(A.Annotation(article=aid, note="see also"))
        assert isinstance(note, AddAnnotation) and [a.note for a in archive.article_annotations(aid)] == ["see also"]
        note.undo()
        assert archive.article_annotations(aid) == []
        imported = ImportFiles(lambda paths, cancel: import_paths(archive.library, paths), [str(DATA / "x.txt")])
        imported.do()
        assert imported.report is not None and imported.report.failed
        with pytest.raises(CommandError):
            imported.undo()
    finally:
        archive.close()
