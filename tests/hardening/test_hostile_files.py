"""Every file of the hostile corpus gives one clear error naming it — through analyze_file, the
``analyze`` command and an import into a library — the batch goes on, nothing outside the file is
read and nothing is fetched from the network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import FETCHED, SECRET, SEED, Case, Trap

from reader.model.errors import SourceError
from reader.segmentation.analyze import analyze_file, document_json

#: What a hostile file may amount to once read: at most this many times its bytes (the articles' JSON of a METS
#: issue, its pages in other files, is ~4× the METS file) ...
AMPLIFICATION = 16
#: ... plus this much: an expansion bomb let through would be gigabytes (its peak memory is measured below, once
#: for the whole corpus; a wall-clock bound here was a timed test)
AMPLIFICATION_SLACK = 1 << 20


def _check_error(case: Case, error: SourceError) -> list[str]:
    message = str(error)
    problems = []
    if not message.startswith(f"{case.path}: "):
        problems.append(f"{case.name}: the error does not start with the file name: {message!r}")
    if not message.endswith("."):
        problems.append(f"{case.name}: the error is not a sentence: {message!r}")
    if "Traceback" in message or "object at 0x" in message:
        problems.append(f"{case.name}: the error shows internals: {message!r}")
    for word in case.says:
        if word not in message.lower():
            problems.append(f"{case.name}: the error does not say {word!r}: {message!r}")
    for secret in case.absent:
        if secret in message:
            problems.append(f"{case.name}: the error leaks {secret!r}")
    return problems


def test_analyze_file_gives_one_clear_error_per_bad_file(corpus: dict[str, Case], trap: Trap,
                                                          no_network: list[object]) -> None:
    problems: list[str] = []
    for case in corpus.values():
        try:
            doc = analyze_file(case.path)
        except SourceError as e:
            if case.expect == "read":
                problems.append(f"{case.name}: should have been read, got {e}")
            problems += _check_error(case, e)
        except Exception as e:  # noqa: BLE001 - any other exception is the bug this test looks for
            problems.append(f"{case.name}: crashed with {type(e).__name__}: {e}")
        else:
            if case.expect == "error":
                problems.append(f"{case.name}: was read ({doc.format}, {len(doc.pages)} pages) instead of refused")
            dumped = json.dumps(document_json(doc), ensure_ascii=False) + " ".join(doc.warnings)
            for secret in case.absent:
                if secret in dumped:
                    problems.append(f"{case.name}: the result holds {secret!r}, read from outside the file")
            if len(dumped) > AMPLIFICATION * case.path.stat().st_size + AMPLIFICATION_SLACK:
                problems.append(f"{case.name}: {case.path.stat().st_size} bytes read as {len(dumped)} characters")
    assert not problems, "\n".join(problems)
    assert trap.requests == [], f"files were fetched from the network: {trap.requests}"
    assert no_network == []


def test_errors_are_one_line(corpus: dict[str, Case]) -> None:
    """An error is one line on stderr and in the GUI's status bar, not libxml2's multi-line report."""
    problems = []
    for case in corpus.values():
        try:
            analyze_file(case.path)
        except SourceError as e:
            if "\n" in str(e) or "\r" in str(e):
                problems.append(f"{case.name}: {str(e)!r}")
    assert not problems, "errors spanning several lines:\n" + "\n".join(problems)


def test_every_format_and_attack_is_in_the_corpus(corpus: dict[str, Case]) -> None:
    """The corpus really covers what it claims (a generator bug would silently shrink it)."""
    for fmt in ("alto", "mets", "hocr", "page", "ecpo"):
        for kind in ("truncated-half", "control-char", "xxe-file", "xxe-http", "xxe-param", "billion-laughs"):
            assert f"{fmt}-{kind}" in corpus
    for kind in ("relative", "absolute", "file-url", "http-url", "one", "symlink"):
        assert f"mets-escape-{kind}" in corpus
    for enc in ("utf8", "utf8-bom", "utf16-odd", "utf16-surrogate", "gb18030", "big5"):
        assert f"text-{enc}" in corpus
    for case in corpus.values():
        assert case.path.exists() or case.name == "missing", case.name
    laughs = corpus["alto-billion-laughs"].path.read_bytes()
    assert b"<!ENTITY lol9" in laughs and b"&lol9;" in laughs
    assert SECRET not in corpus["alto-xxe-file"].path.read_text(encoding="utf-8")


def test_one_escaping_mets_reference_skips_only_that_page(corpus: dict[str, Case], trap: Trap) -> None:
    case = corpus["mets-escape-one"]
    doc = analyze_file(case.path)
    assert doc.format == "mets" and len(doc.pages) == 3
    assert any("../../outside.xml" in w for w in doc.warnings), doc.warnings
    assert SECRET not in json.dumps(document_json(doc), ensure_ascii=False)
    assert trap.requests == []


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "reader.cli.main", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=600)


def test_analyze_command_names_each_bad_file_once_and_goes_on(corpus: dict[str, Case], trap: Trap,
                                                              tmp_path: Path) -> None:
    cases = list(corpus.values())
    half = len(cases) // 2
    paths = [str(c.path) for c in cases[:half]] + [str(SEED)] + [str(c.path) for c in cases[half:]]
    proc = _cli(["analyze", "--json", *paths], tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    lines = proc.stderr.splitlines()
    errors = [
        line for line in lines if line.startswith("broadsheet: ") and not line.startswith("broadsheet: warning: ")
    ]
    escape = corpus["mets-escape-one"]
    warned = f"broadsheet: warning: {escape.path}: "
    assert any(line.startswith(warned) and "../../outside.xml" in line for line in lines)
    refused = set()
    for case in cases:
        named = [line for line in errors if line.startswith(f"broadsheet: {case.path}: ")]
        assert len(named) <= 1, f"{case.name} is named {len(named)} times: {named}"
        assert len(named) == (1 if case.expect == "error" else len(named)) and not (case.expect == "read" and named), \
            f"{case.name}: {named or 'not named'}"
        if named:
            refused.add(str(case.path))
    stray = [line for line in errors if not any(line.startswith(f"broadsheet: {p}: ") for p in refused)]
    assert not stray, f"error lines naming no file of the batch: {stray}"
    results = json.loads(proc.stdout)
    assert [r["source"] for r in results] == [p for p in paths if p not in refused]
    assert next(r for r in results if r["source"] == str(SEED))["articles"], "the good file was not analysed"
    assert SECRET not in proc.stdout + proc.stderr and FETCHED not in proc.stdout + proc.stderr
    assert trap.requests == []


def test_import_reports_each_bad_file_and_keeps_the_good_ones(corpus: dict[str, Case], trap: Trap,
                                                              tmp_path: Path, no_network: list[object]) -> None:
    from reader.library.catalogue import Library
    from reader.library.importer import import_paths

    folders = sorted({c.path.parent for c in corpus.values() if c.path.exists() and c.path.is_file()
                      and "mets" not in c.path.parts})
    good = tmp_path / "good" / "seed_page.txt"
    good.parent.mkdir()
    good.write_bytes(SEED.read_bytes())
    library = Library.open(tmp_path / "library")
    try:
        report = import_paths(library, [*folders, good.parent])
        failed = {Path(p).resolve(): message for p, message in report.failed}
        for case in corpus.values():
            if case.expect != "error" or case.path.parent not in folders or not case.path.is_file():
                continue
            message = failed.get(case.path.resolve())
            assert message is not None, f"{case.name} was not reported ({case.path})"
            assert str(case.path.resolve()) in message or str(case.path) in message, message
        assert len(report.failed) == len(failed), "a file was reported twice"
        assert str(good.resolve()) in report.imported
        assert report.articles > 0 and library.stats()
        assert not any(SECRET in a.headline if a.headline else False for a in library.articles())
    finally:
        library.close()
    assert trap.requests == []
    assert no_network == []


def test_import_command_names_each_bad_file_once_and_imports_the_rest(corpus: dict[str, Case], trap: Trap,
                                                                      tmp_path: Path) -> None:
    folders = sorted({c.path.parent for c in corpus.values() if c.path.is_file() and "mets" not in c.path.parts})
    good = tmp_path / "good" / "seed_page.txt"
    good.parent.mkdir()
    good.write_bytes(SEED.read_bytes())
    library = tmp_path / "library"
    proc = _cli(["import", "--quiet", "--library", str(library), *map(str, folders), str(good.parent)], tmp_path)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    lines = [line.strip("\r") for line in proc.stderr.replace("\r", "\n").splitlines() if line.strip()]
    # (what is not an error: a folder whose files named neither their paper nor their date, said once; an empty
    # file, said to hold no text)
    errors = [line for line in lines if line.startswith("broadsheet: /") and "neither a publication" not in line
              and "holds no text" not in line]
    for case in corpus.values():
        if case.expect != "error" or case.path.parent not in folders or not case.path.is_file():
            continue
        resolved = str(case.path.resolve())
        prefixes = (f"broadsheet: {resolved}: ", f"broadsheet: {case.path}: ")
        named = [line for line in errors if line.startswith(prefixes)]
        assert len(named) == 1, f"{case.name}: {named or 'not named'}"
    summary = [line for line in lines if line.startswith("broadsheet: imported ")]
    assert len(summary) == 1 and f", {len(errors)} failed," in summary[0], summary
    from reader.library.catalogue import Library

    with Library.open(library, create=False) as lib:
        assert str(good.resolve()) in {s.path for s in lib.sources()}
    assert SECRET not in proc.stderr + proc.stdout
    assert trap.requests == []


def test_reading_the_whole_corpus_keeps_memory_bounded(corpus: dict[str, Case], tmp_path: Path) -> None:
    """Entity bombs and broken files must not balloon: the whole corpus in one process, peak RSS measured."""
    listing = tmp_path / "files.txt"
    listing.write_text("\n".join(str(c.path) for c in corpus.values()), encoding="utf-8")
    code = (
        "import sys\n"
        "from reader.segmentation.analyze import analyze_file\n"
        "from reader.model.errors import SourceError\n"
        "for name in open(sys.argv[1], encoding='utf-8').read().splitlines():\n"
        "    try:\n"
        "        analyze_file(name)\n"
        "    except SourceError:\n"
        "        pass\n"
        "hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
        "print(int(hwm.split()[1]) // 1024)\n"
    )
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc/self/status to read the peak RSS from")
    proc = subprocess.run([sys.executable, "-c", code, str(listing)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    peak_mb = int(proc.stdout.strip().splitlines()[-1])
    print(f"\nhostile corpus ({len(corpus)} files) read in one process: peak RSS {peak_mb} MB")
    assert peak_mb < 300
