"""One bad file is one sentence, and the batch goes on (issue 13), run from outside as a user would.

Every file below once ended a whole import with a traceback, hung it, or leaked something into the
library. The folder holds them beside a good page; one ``broadsheet import`` must name each bad
file once, import the good page, follow no link out of the folder and finish.
"""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SEED = DATA / "text" / "seed_page.txt"
ALTO = DATA / "samples" / "alto" / "v3_tesseract410" / "testfile.xml"
METS_DIR = DATA / "samples" / "mets-alto" / "bl_statesman_1824-02-17"
HUGE = 100_000
#: the library, the bad files (name -> what is wrong) and the import's process
Batch = tuple[Path, dict[str, str], subprocess.CompletedProcess[str]]


def cli(args: list[str | bytes], library: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("broadsheet")
    cmd: list[str | bytes] = [str(exe)] if exe.exists() else [sys.executable, "-m", "reader"]
    env = {**os.environ, "BROADSHEET_LIBRARY": str(library), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([os.fsencode(a) for a in cmd + args], capture_output=True, env=env, timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def tiff(width: int, height: int) -> bytes:
    entries = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 8), (277, 3, 1, 1), (278, 4, 1, height), (279, 4, 1, 1 << 30)]
    ifd = struct.pack("<H", len(entries)) + b"".join(
        struct.pack("<HHII", tag, typ, count, value) if typ == 4 else struct.pack("<HHIHH", tag, typ, count, value, 0)
        for tag, typ, count, value in entries) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd


def jpeg(width: int, height: int) -> bytes:
    sof = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9"


def jp2(width: int, height: int) -> bytes:
    def box(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data) + 8) + kind + data
    ihdr = box(b"ihdr", struct.pack(">IIHBBBB", height, width, 3, 7, 7, 0, 0))
    return (box(b"jP  ", b"\r\n\x87\n") + box(b"ftyp", b"jp2 \0\0\0\0jp2 ") + box(b"jp2h", ihdr)
            + box(b"jp2c", b"\xff\x4f\xff\x51" + b"\0" * 40))


PAGE_POINTS = """<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19">
<Page imageFilename="x.png" imageWidth="1000" imageHeight="1000">
<TextRegion id="r1"><Coords><Point x="abc" y="1"/><Point x="10" y="zz"/></Coords>
<TextLine id="l1"><Coords><Point x="1e999" y="-5"/></Coords>
<TextEquiv><Unicode>Point line</Unicode></TextEquiv></TextLine>
</TextRegion></Page></PcGts>
"""


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("batch")
    folder = root / "archive"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEED.read_bytes())
    bad: dict[str, str] = {}  # file name as it appears in messages -> what is wrong with it
    for kind, data in (("png", png(HUGE, HUGE)), ("tif", tiff(HUGE, HUGE)), ("jpg", jpeg(65000, 65000)),
                       ("jp2", jp2(HUGE, HUGE))):
        (folder / f"alone.{kind}").write_bytes(data)
        bad[f"alone.{kind}"] = "huge image alone"
    (folder / "beside.xml").write_bytes(ALTO.read_bytes())
    (folder / "beside.png").write_bytes(png(HUGE, HUGE))
    with open(os.path.join(os.fsencode(folder), b"caf\xe9-\xff.txt"), "wb") as f:
        f.write("本报讯 非法文件名也能导入。\n".encode())
    (folder / "points.xml").write_text(PAGE_POINTS, encoding="utf-8")
    mets = folder / "mets"
    mets.mkdir()
    for f in METS_DIR.iterdir():
        if f.is_file():
            (mets / f.name).write_bytes(f.read_bytes())
    mets_file = next(mets.glob("*_mets.xml"))
    text = mets_file.read_text(encoding="utf-8")
    pages = [m for m in re.finditer(r'xlink:href="([^"]+\.xml)"', text)][:2]  # two of its ALTO pages
    assert len(pages) == 2
    for m, bad_ref in sorted(zip(pages, ["page%00.xml", "x" * 300 + ".xml"], strict=True),
                             key=lambda t: -t[0].start()):
        text = text[:m.start(1)] + bad_ref + text[m.end(1):]
    mets_file.write_text(text, encoding="utf-8")
    (folder / "layout.json").write_text('{"type": "AnnotationPage", "items": ' + "[" * 200_000 + "]" * 200_000 + "}",
                                        encoding="utf-8")
    side = folder / "sidecars"
    side.mkdir()
    (side / "a.txt").write_text("本报讯 第一篇文章的正文。\n", encoding="utf-8")
    (side / "a.txt.meta.json").write_text('{"page": "four"}', encoding="utf-8")
    (side / "b.txt").write_text("本报讯 第二篇文章的正文。\n", encoding="utf-8")
    (side / "b.txt.meta.json").write_text('{"date": "2021-02-30"}', encoding="utf-8")
    bad["a.txt.meta.json"] = "page is not a number"
    bad["b.txt.meta.json"] = "not a date"
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "loop").symlink_to(folder)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("BROADSHEETOUTSIDESECRET 机密\n", encoding="utf-8")
    (folder / "elsewhere").symlink_to(outside)
    # a pipe named like a page, and a link to a page no longer there: each said, not skipped in silence
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "deleted-page.txt")
    (folder / "latin1.txt").write_bytes("Café société, naïve façade — déjà vu; señor Müller’s “Zeitung”.\n"
                                        .encode("cp1252"))
    lib = root / "lib"
    proc = cli(["import", "--quiet", str(folder)], lib)
    return lib, bad, proc


def test_no_traceback_and_every_bad_file_named_once(batch: Batch) -> None:
    lib, bad, proc = batch
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    for name in list(bad) + ["layout.json", "mets", "passwd.txt", "elsewhere", "caf\\xe9-\\xff.txt", "pipe.txt",
                             "gone.txt"]:
        assert name in proc.stderr, f"{name} is not named:\n{proc.stderr[-3000:]}"
    for line in proc.stderr.splitlines():
        assert line.startswith("broadsheet:"), line


def test_the_good_pages_are_imported(batch: Batch) -> None:
    lib, _, _ = batch
    for query, expected in (("小化工", 1), ("Café", 1), ("façade", 1), ("第一篇文章", 1)):
        out = cli(["search", query, "--json"], lib)
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["total"] == expected, (query, out.stdout[:500])


def test_nothing_outside_the_folder_is_imported(batch: Batch) -> None:
    lib, _, _ = batch
    for query in ("root", "BROADSHEETOUTSIDESECRET", "nologin"):
        out = cli(["search", query, "--json"], lib)
        assert json.loads(out.stdout)["total"] == 0, (query, out.stdout[:500])


def test_a_sidecar_never_stores_a_bad_value(batch: Batch) -> None:
    lib, _, _ = batch
    out = json.loads(cli(["search", "第二篇文章", "--json"], lib).stdout)
    for hit in out["hits"]:
        assert hit["date"] != "2021-02-30"


def test_a_file_name_with_a_line_break_is_printed_on_one_line(tmp_path: Path) -> None:
    """Seen by a tester: a file named "x\\nbroadsheet: imported 999 file(s) … .xml" printed its name raw — one
    problem became two lines, the second passing for Broadsheet's own report. Control characters in a name are
    shown escaped."""
    import subprocess
    import sys

    from reader.library.importer import display_path

    assert display_path("a\nb\x1b[31mc\u2028d\te") == "a\\nb\\x1b[31mc\\u2028d\\te"
    assert display_path("人民日报/04.txt") == "人民日报/04.txt"
    folder = tmp_path / "src" / "报" / "2020-01-01"
    folder.mkdir(parents=True)
    (folder / "x\nbroadsheet: imported 999 file(s), 0 failed.xml").write_text("<alto><broken", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "reader", "import", "--library", str(tmp_path / "lib"),
                           str(tmp_path / "src"), "--quiet"], capture_output=True, text=True, timeout=120)
    assert not any(line.startswith("broadsheet: imported 999") for line in proc.stderr.splitlines()), proc.stderr
    assert "x\\nbroadsheet: imported 999" in proc.stderr
