"""Every command answers bad arguments in one sentence (issue 13), run from outside as a user would.

Each case runs the installed ``broadsheet`` in its own process: no traceback, one line on stderr that
starts with ``broadsheet:``, exit status 2 for a usage error, and where the library can still be
read, it is read.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "text" / "seed_page.txt"


def broadsheet() -> list[str]:
    exe = Path(sys.executable).with_name("broadsheet")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reader"]


def run(args: Sequence[str | bytes], library: Path | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BROADSHEET_LIBRARY"}
    if library is not None:
        env["BROADSHEET_LIBRARY"] = str(library)
    env["PYTHONIOENCODING"] = "utf-8"
    argv = [os.fsencode(a) if isinstance(a, str) else a for a in args]
    proc = subprocess.run([os.fsencode(a) for a in broadsheet()] + argv, capture_output=True, env=env,
                          timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


def one_sentence(proc: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a refused command (no traceback)."""
    err = proc.stderr.strip()
    assert "Traceback" not in err, err[-1500:]
    lines = err.splitlines()
    assert len(lines) == 1, err[-1500:]
    assert lines[0].startswith("broadsheet") and ": " in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lib = tmp_path_factory.mktemp("badargs") / "lib"
    seed = SEED
    proc = run(["import", "--quiet", str(seed)], lib)
    assert proc.returncode == 0, proc.stderr
    return lib


DEEP_PARENS = "(" * 300 + "中国" + ")" * 300
MANY_NOTS = "NOT " * 1000 + "中国"
HUGE = str(2**63)


@pytest.mark.parametrize("args", [
    ["search", DEEP_PARENS],
    ["search", f"中国 page:{HUGE}"],
    ["search", f"中国 issue:{HUGE}"],
    ["search", "中国", "--page", HUGE],
    ["search", "中国", "--issue", HUGE],
    ["search", "中国", "--limit", "-1"],
    ["search", "中国", "--limit", "-1", "--sort", "date"],
    ["search", "中国", "--publication", b"\xff\xfe"],
    ["search", b"headline:\xff\xfe"],
    ["search", b"\xff"],
    ["show", b"\xff"],
    ["show", "a" + "9" * 40],
], ids=["parens", "page-filter", "issue-filter", "page-flag", "issue-flag", "limit", "limit-date",
        "publication-utf8", "headline-utf8", "query-utf8", "show-utf8", "show-unknown"])
def test_bad_search_and_show_arguments_are_one_sentence(library: Path, args: list[str | bytes]) -> None:
    proc = run(args, library)
    line = one_sentence(proc)
    assert proc.returncode in (1, 2), (proc.returncode, line)


@pytest.mark.parametrize("args", [
    ["search", "中国", "--limit", "-1"],
    ["search", f"中国 page:{HUGE}"],
    ["search", "中国", "--page", HUGE],
    ["search", "中国", "--publication", b"\xff"],
    ["search", "中国", "--limit", "0"],
    ["search", "中国", "--limit", "many"],
])
def test_usage_errors_exit_2(library: Path, args: list[str | bytes]) -> None:
    assert run(args, library).returncode == 2


NESTED = "[" * 100000 + "]" * 100000


def test_a_thousand_nots_are_a_query_not_a_crash(library: Path) -> None:
    """NOT NOT … x (an even number) is x: answered, without recursion."""
    plain = json.loads(run(["search", "中国", "--json"], library).stdout)
    proc = run(["search", MANY_NOTS, "--json"], library)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert json.loads(proc.stdout)["total"] == plain["total"] >= 1


# named ids: pytest puts the test's id in the environment of the commands run (PYTEST_CURRENT_TEST), and NESTED's
# 200,000 characters there are more than one variable may hold (exec fails: "Argument list too long")
@pytest.mark.parametrize("manifest", ["[]", '"a string"', "{", NESTED, "folder"],
                         ids=["list", "string", "unclosed", "nested", "folder"])
def test_a_malformed_manifest_is_one_sentence_and_the_library_is_read(tmp_path: Path, library: Path,
                                                                     manifest: str) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(library, lib)
    target = lib / "manifest.json"
    for args in (["stats"], ["search", "中国", "--json"], ["annotations", "list"]):
        if target.is_file():
            target.unlink()
        if manifest == "folder":
            target.mkdir(exist_ok=True)
        else:
            target.write_text(manifest, encoding="utf-8")
        proc = run(args, lib)
        line = one_sentence(proc)  # a warning naming the manifest; the catalogue is the truth and is read
        assert "manifest.json" in line, line
        assert proc.returncode == 0, line
        if args[0] == "search":
            assert json.loads(proc.stdout)["total"] >= 1
    if manifest != "folder":
        assert json.loads(target.read_text(encoding="utf-8"))["format"] == "broadsheet-library"


def test_a_read_only_library_is_still_searched(tmp_path: Path, library: Path) -> None:
    """On read-only media (a bind mount made read-only in a mount namespace of the test's own) the library is
    read — search, show, stats — with one sentence saying it is read-only; a change is refused in one sentence."""
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("unshare and mount are needed to make a read-only mount")
    lib = tmp_path / "lib"
    shutil.copytree(library, lib)
    exe = " ".join(broadsheet())
    script = (f"mount --bind {lib} {lib} && mount -o remount,ro,bind {lib} && "
              f"{exe} search 中国 --json > {tmp_path}/out.json 2> {tmp_path}/err.txt; echo $? > {tmp_path}/rc; "
              f"{exe} annotations add x --note n 2> {tmp_path}/err2.txt; echo $? > {tmp_path}/rc2")
    env = {**os.environ, "BROADSHEET_LIBRARY": str(lib), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, env=env, timeout=120)
    if proc.returncode != 0 or not (tmp_path / "rc").exists():
        pytest.skip(f"a read-only mount cannot be made here: {proc.stderr.strip()[:200]}")
    assert (tmp_path / "rc").read_text().strip() == "0", (tmp_path / "err.txt").read_text()
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["total"] >= 1
    err = (tmp_path / "err.txt").read_text(encoding="utf-8").strip().splitlines()
    assert len(err) == 1 and "read-only" in err[0], err
    refused = (tmp_path / "err2.txt").read_text(encoding="utf-8").strip().splitlines()
    assert "Traceback" not in "".join(refused) and any("read-only" in r for r in refused), refused
    assert (tmp_path / "rc2").read_text().strip() != "0"



def test_a_read_only_copy_without_its_index_is_searched_through_one_in_the_cache(tmp_path: Path,
                                                                                 library: Path) -> None:
    """A library copied without its index folder (it is 1.5× the text) onto read-only media: search builds an index
    in this machine's cache — the library untouched — says so once, and finds what the library with its own index
    finds; the next search uses it."""
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("unshare and mount are needed to make a read-only mount")
    want = json.loads(run(["search", "中国", "--json"], library).stdout)
    lib = tmp_path / "lib"
    shutil.copytree(library, lib, ignore=shutil.ignore_patterns("index"))
    before = sorted((p.relative_to(lib).as_posix(), p.stat().st_size) for p in lib.rglob("*"))
    exe = " ".join(broadsheet())
    search = f"{exe} search 中国 --json"
    script = (f"mount --bind {lib} {lib} && mount -o remount,ro,bind {lib} && "
              f"{search} > {tmp_path}/out.json 2> {tmp_path}/err.txt; echo $? > {tmp_path}/rc; "
              f"{search} > {tmp_path}/out2.json 2> {tmp_path}/err2.txt; echo $? > {tmp_path}/rc2")
    env = {**os.environ, "BROADSHEET_LIBRARY": str(lib), "PYTHONIOENCODING": "utf-8",
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, env=env, timeout=120)
    if proc.returncode != 0 or not (tmp_path / "rc").exists():
        pytest.skip(f"a read-only mount cannot be made here: {proc.stderr.strip()[:200]}")
    for n in ("", "2"):
        err = (tmp_path / f"err{n}.txt").read_text(encoding="utf-8")
        assert (tmp_path / f"rc{n}").read_text().strip() == "0", err
        got = json.loads((tmp_path / f"out{n}.json").read_text(encoding="utf-8"))
        assert got["total"] == want["total"]
        assert [h["article"] for h in got["hits"]] == [h["article"] for h in want["hits"]]
    first = (tmp_path / "err.txt").read_text(encoding="utf-8").strip().splitlines()
    assert "read-only" in first[0] and str(tmp_path / "cache") in first[1] and "making it" in first[1], first
    assert all(not line or line.startswith("broadsheet: indexed") for line in first[2:]), first  # its progress
    assert (tmp_path / "err2.txt").read_text(encoding="utf-8").strip().splitlines() == first[:1]
    assert sorted((p.relative_to(lib).as_posix(), p.stat().st_size) for p in lib.rglob("*")) == before


def test_stats_never_makes_a_library_in_someone_elses_folder(tmp_path: Path) -> None:
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "manifest.json").write_text('{"chapters": 3}', encoding="utf-8")
    (folder / "draft.txt").write_text("my thesis", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    for args in (["stats", "--library", str(folder)], ["search", "中国", "--library", str(folder)],
                 ["import", "--library", str(folder), str(folder / "draft.txt")]):
        proc = run(args)
        line = one_sentence(proc)
        assert str(folder) in line and proc.returncode != 0, line
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_an_empty_folder_becomes_a_library_by_an_import_not_by_a_command_that_reads(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    proc = run(["stats", "--library", str(folder)])
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "no library at" in proc.stderr, proc.stderr
    assert list(folder.iterdir()) == []
    page = tmp_path / "rmrb_20210127_04.txt"
    page.write_text("中美关系\n两国元首通电话。\n", encoding="utf-8")
    proc = run(["import", str(page), "--library", str(folder), "--quiet"])
    assert proc.returncode == 0, proc.stderr
    assert run(["stats", "--library", str(folder)]).returncode == 0


def test_analyze_json_is_json(tmp_path: Path) -> None:
    """Coordinates that parse as infinite or undefined numbers still give JSON (no Infinity, no NaN)."""
    page = tmp_path / "zero.xml"
    page.write_text(
        '<?xml version="1.0"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout>'
        '<Page ID="p1" WIDTH="inf" HEIGHT="NaN"><PrintSpace><TextBlock ID="b1" HPOS="0" VPOS="-inf" WIDTH="1e999" '
        'HEIGHT="nan"><TextLine ID="l1" HPOS="Infinity" VPOS="0" WIDTH="inf" HEIGHT="NaN">'
        '<String CONTENT="Hello" '
        'HPOS="0" VPOS="0" WIDTH="inf" HEIGHT="0"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>',
        encoding="utf-8")
    proc = run(["analyze", "--json", str(page)])
    json.loads(proc.stdout, parse_constant=lambda c: pytest.fail(f"analyze printed {c}, which is not JSON"))


def _small_disk() -> None:
    """In the child: files may not grow past 200 KB, as on a full disk (writes fail, nothing is killed)."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))


def test_a_full_disk_is_one_sentence_and_the_library_still_opens(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    env = {**os.environ, "BROADSHEET_LIBRARY": str(lib), "PYTHONIOENCODING": "utf-8"}
    mets = ROOT / "tests" / "data" / "samples" / "mets-alto"
    proc = subprocess.run(broadsheet() + ["import", "--quiet", str(SEED), str(mets)], capture_output=True,
                          text=True, env=env, preexec_fn=_small_disk, timeout=120)
    line = one_sentence(proc)
    assert str(lib) in line and "disk" in line and proc.returncode == 1, line
    after = run(["stats"], lib)
    assert after.returncode == 0 and "Traceback" not in after.stderr, after.stderr


def _as_a_terminal_shows(stream: str) -> list[str]:
    """The lines a terminal shows for ``stream``: a carriage return goes back to the line's start and what follows
    overwrites it (and no more of it)."""
    shown = []
    for line in stream.split("\n"):
        screen: list[str] = []
        for piece in line.split("\r"):
            screen[:len(piece)] = piece
        shown.append("".join(screen).rstrip())
    return shown



def test_a_bad_files_sentence_is_not_mixed_with_the_progress_line(tmp_path: Path) -> None:
    """Seen by eye: a sentence shorter than the progress line it was written over left that line's end after it
    ("broadsheet: …/e.txt holds no text…articles, 120k chars/s")."""
    import io

    from reader.cli.library_cmds import ProgressLine

    stream = io.StringIO()
    line = ProgressLine(stream)
    line.show("1234/5678 files, 890 pages, 12345 articles, 270k chars/s, 120s left   ")
    line.say("broadsheet: /a/b.xml: it is empty.")
    line.show("1235/5678 files, 891 pages, 12346 articles, 270k chars/s, 119s left   ")
    assert _as_a_terminal_shows(stream.getvalue()) == [
        "broadsheet: /a/b.xml: it is empty.", "1235/5678 files, 891 pages, 12346 articles, 270k chars/s, 119s left"]
    # and through the command: every sentence alone on its line
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED, src / "a_long_page_first.txt")
    (src / "b.xml").write_text("<alto><Layout>", encoding="utf-8")
    proc = run(["import", "--library", str(tmp_path / "lib"), str(src)])
    sentences = [ln for ln in _as_a_terminal_shows(proc.stderr) if "b.xml" in ln]
    assert sentences and all(ln.startswith("broadsheet: ") and ln.endswith(").") for ln in sentences), proc.stderr
