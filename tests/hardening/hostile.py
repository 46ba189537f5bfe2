"""The hostile corpus, generated into a temporary folder from the real samples, and the trap
server its files point at (so any fetch would be seen).

Every case is a file a researcher's archive could really hold — truncated or corrupted XML of each
format, external-entity and expansion attacks, METS packages pointing outside themselves, broken
bytes in each text encoding, binary junk with text names — and what reading it must give: one
:class:`~reader.model.errors.SourceError` naming the file, and no trace of anything outside it.
"""

from __future__ import annotations

import http.server
import os
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = DATA / "samples"
SEED = DATA / "text" / "seed_page.txt"

#: One real file of each XML format, the start of every corrupted variant.
SOURCES = {
    "alto": SAMPLES / "alto" / "v3_tesseract410" / "testfile.xml",
    "alto-cjk": SAMPLES / "alto" / "v4_altoxml_glyph_chinese" / "Glyph_Sample04_Chinese.xml",
    "mets": SAMPLES / "mets-alto" / "bl_statesman_1824-02-17" / "0002647_18240217_mets.xml",
    "hocr": SAMPLES / "hocr" / "abbyy_mannheim_417576986_0012" / "417576986_0012.hocr",
    "hocr-html": SAMPLES / "hocr" / "kraken08_bw_example" / "kraken_bw_example.hocr",
    "page": SAMPLES / "page" / "reichsanzeiger_gt" / "1870_14_0126.xml",
    "ecpo": SAMPLES / "chinese" / "ecpo_jingbao" / "textGT" / "jb_0129_1920-04-03_0001+0004.xml",
}
#: Formats parsed as strict XML (the HTML flavour of hOCR is parsed leniently, like a browser).
STRICT = ("alto", "alto-cjk", "mets", "hocr", "page", "ecpo")

#: Written into the file an external entity or an escaping reference points at; must never be read.
SECRET = "BROADSHEET-SECRET-7f3a"
#: Returned by the trap server; must never appear either.
FETCHED = "BROADSHEET-FETCHED-91c2"

BILLION_LAUGHS = (
    b'<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%s;" % (b"" if i == 1 else str(i - 1).encode())) * 10)
        for i in range(1, 10)
    )
)


@dataclass
class Case:
    """A hostile file and what reading it must give."""

    name: str
    path: Path
    #: "error": one SourceError naming the file; "read": read, with the checks below;
    #: "either": refusing and reading are both safe, as long as the checks below hold
    expect: str = "error"
    #: strings that must appear nowhere in the result (leaked secrets, fetched payloads)
    absent: tuple[str, ...] = (SECRET, FETCHED)
    #: words the error message must hold besides the file name (lower case)
    says: tuple[str, ...] = field(default_factory=tuple)


class Trap(http.server.ThreadingHTTPServer):
    """A local HTTP server that records every request: the hostile files point at it."""

    requests: list[str]


class TrapHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        body = f"<x>{FETCHED}</x>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        pass


# ----------------------------------------------------------------------------- generation


def _root_start(data: bytes) -> int:
    """Offset of the root element's '<' (after the prolog, comments, PIs and the DOCTYPE)."""
    i = 0
    while True:
        j = data.index(b"<", i)
        if data.startswith(b"<?", j):
            i = data.index(b"?>", j) + 2
        elif data.startswith(b"<!--", j):
            i = data.index(b"-->", j) + 3
        elif data.startswith(b"<!DOCTYPE", j):
            close = data.find(b"]>", j)
            gt = data.find(b">", j)
            bracket = data.find(b"[", j)
            i = (close + 2) if 0 <= bracket < gt else gt + 1
        else:
            return j


def with_dtd(data: bytes, declarations: bytes) -> bytes:
    """``data`` with ``declarations`` in its DOCTYPE's internal subset (adding a DOCTYPE if none)."""
    m = re.search(rb"<!DOCTYPE[^\[>]*\[", data)
    if m:
        return data[: m.end()] + declarations + data[m.end():]
    start = _root_start(data)
    root = re.match(rb"<([\w:.-]+)", data[start:])
    assert root is not None
    return data[:start] + b"<!DOCTYPE " + root.group(1) + b" [" + declarations + b"]>\n" + data[start:]


def with_reference(data: bytes, ref: bytes) -> bytes:
    """``data`` with the entity reference ``ref`` in its first text content (attribute or element)."""
    for pattern in (rb'(CONTENT=")[^"]*', rb"(<Unicode>)[^<]*", rb"(class=.ocrx_word.[^>]*>)[^<]*", rb"(<p>)",
                    rb"(<mods:title>)[^<]*", rb"(<title>)[^<]*"):
        new, n = re.subn(pattern, rb"\1" + ref, data, count=1)
        if n:
            return new
    raise AssertionError("no place for an entity reference")


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _mets_package(folder: Path, name: str) -> tuple[Path, Path]:
    """A copy of the British Library METS/ALTO issue; returns (METS file, package folder)."""
    package = folder / name
    shutil.copytree(SOURCES["mets"].parent, package)
    return package / SOURCES["mets"].name, package


def build_corpus(root: Path, trap_url: str) -> dict[str, Case]:
    """Write every hostile file under ``root``; returns them by case name."""
    cases: dict[str, Case] = {}
    xml = root / "xml"
    xml.mkdir(parents=True)
    secret = root / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    secret_xml = root / "secret.xml"
    secret_xml.write_text(f"<x>{SECRET}</x>", encoding="utf-8")

    def add(name: str, path: Path, **kw: object) -> None:
        cases[name] = Case(name, path, **kw)  # type: ignore[arg-type]

    for fmt, source in SOURCES.items():
        data = source.read_bytes()
        ext = source.suffix
        start = _root_start(data)
        if fmt in STRICT:
            # truncated: half-way, just inside the root element, one byte short of the end
            add(f"{fmt}-truncated-half", _write(xml, f"{fmt}-truncated-half{ext}", data[: len(data) // 2]))
            add(f"{fmt}-truncated-root", _write(xml, f"{fmt}-truncated-root{ext}", data[: start + 40]))
            add(f"{fmt}-truncated-end", _write(xml, f"{fmt}-truncated-end{ext}", data.rstrip()[:-1]))
            # malformed: a control character, a wrong closing tag, junk after the root, bad UTF-8
            third = len(data) // 3
            third = data.index(b">", third) + 1
            add(f"{fmt}-control-char", _write(xml, f"{fmt}-control-char{ext}", data[:third] + b"\x01" + data[third:]))
            last_close = data.rindex(b"</")
            add(f"{fmt}-wrong-close", _write(xml, f"{fmt}-wrong-close{ext}", data[:last_close] + b"</wrong>"))
            add(f"{fmt}-junk-after", _write(xml, f"{fmt}-junk-after{ext}", data + b"<more/>"))
            add(f"{fmt}-bad-utf8", _write(xml, f"{fmt}-bad-utf8{ext}", data[:third] + b"\xc3\x28\xff" + data[third:]))
        else:
            add(f"{fmt}-truncated-half", _write(xml, f"{fmt}-truncated-half{ext}", data[: len(data) // 2]))
            add(f"{fmt}-truncated-root", _write(xml, f"{fmt}-truncated-root{ext}", data[: start + 40]))
        # external entities: a local file, a URL on the trap server, a parameter entity, billion laughs
        attacks = {
            "xxe-file": (b'<!ENTITY ext SYSTEM "file://%s">' % str(secret).encode(), b"&ext;"),
            "xxe-http": (b'<!ENTITY ext SYSTEM "%s/entity">' % trap_url.encode(), b"&ext;"),
            "xxe-param": (b'<!ENTITY %% ext SYSTEM "%s/param"> %%ext;' % trap_url.encode(), b"safe"),
            "xxe-public": (b'<!ENTITY ext PUBLIC "-//X//Y" "%s/public">' % trap_url.encode(), b"&ext;"),
            "billion-laughs": (BILLION_LAUGHS, b"&lol9;"),
        }
        for attack, (decl, ref) in attacks.items():
            hostile = with_reference(with_dtd(data, decl), ref)
            # refusing the file and reading it without the entity are both safe; what must never
            # happen is the entity's content (a local file, a fetched URL, a billion "lol"s) arriving
            absent = (SECRET, FETCHED, "lollollol")
            if fmt == "mets":  # inside a whole package, so only the attack can make it fail
                mets, _ = _mets_package(root / "mets-attacks", attack)
                mets.write_bytes(hostile)
                add(f"{fmt}-{attack}", mets, expect="either", absent=absent)
            else:
                add(f"{fmt}-{attack}", _write(xml, f"{fmt}-{attack}{ext}", hostile), expect="either", absent=absent)
        # an external DTD on the network (never loaded)
        if fmt in ("alto", "page"):
            doctype = b'<!DOCTYPE x SYSTEM "%s/dtd">\n' % trap_url.encode()
            hostile = data[:start] + doctype + data[start:]
            add(f"{fmt}-external-dtd", _write(xml, f"{fmt}-external-dtd{ext}", hostile), expect="either")
        # XInclude of a local secret and of a URL: never processed
        if fmt in ("alto", "ecpo"):
            inc = (b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="%s" parse="text"/>'
                   b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="%s/xinclude"/>'
                   % (str(secret).encode(), trap_url.encode()))
            close = data.rindex(b"</")
            included = data[:close] + inc + data[close:]
            add(f"{fmt}-xinclude", _write(xml, f"{fmt}-xinclude{ext}", included), expect="either")

    # METS packages whose references leave the package
    outside_alto = root / "outside.xml"
    shutil.copy(SOURCES["alto"], outside_alto)
    text = outside_alto.read_text(encoding="utf-8")
    outside_alto.write_text(re.sub(r'CONTENT="[^"]*"', f'CONTENT="{SECRET}"', text, count=1), encoding="utf-8")
    mets_root = root / "mets"
    mets_root.mkdir()
    hrefs = {
        "relative": "../../outside.xml",
        "absolute": str(outside_alto),
        "file-url": outside_alto.as_uri(),
        "http-url": f"{trap_url}/0002647_18240217_0001.xml",
        "windows": "C:\\outside.xml",
    }
    for kind, href in hrefs.items():
        mets, package = _mets_package(mets_root, f"all-{kind}")
        text = mets.read_text(encoding="utf-8")
        text = re.sub(r'(xlink:href=")[^"]*\.xml"', lambda m, href=href: f'{m.group(1)}{href}"', text)
        mets.write_text(text, encoding="utf-8")
        add(f"mets-escape-{kind}", mets, says=("refers to",))
    # one escaping reference among good ones: the good pages are read, the bad one is not
    mets, package = _mets_package(mets_root, "one-relative")
    text = mets.read_text(encoding="utf-8")
    text = text.replace('xlink:href="0002647_18240217_0002.xml"', 'xlink:href="../../outside.xml"', 1)
    mets.write_text(text, encoding="utf-8")
    add("mets-escape-one", mets, expect="read")
    # a symlink inside the package that points outside it
    mets, package = _mets_package(mets_root, "symlink")
    for alto in sorted(package.glob("*_000?.xml")):
        alto.unlink()
        os.symlink(outside_alto, alto)
    add("mets-escape-symlink", mets, says=("refers to",))

    # plain text with invalid byte sequences in each encoding
    text_dir = root / "text"
    text_dir.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    from opencc import OpenCC

    traditional = OpenCC("s2t").convert(seed)
    cut = 3000
    utf8 = seed.encode("utf-8")
    cut8 = cut
    le, be = seed.encode("utf-16-le"), seed.encode("utf-16-be")
    while utf8[cut8] & 0xC0 == 0x80:
        cut8 += 1
    encodings = {
        "utf8": utf8[:cut8] + b"\xff\xfe\xc3\x28" + utf8[cut8:],
        "utf8-bom": b"\xef\xbb\xbf" + utf8[:cut8] + b"\xc0\xaf" + utf8[cut8:],
        "utf16-odd": b"\xff\xfe" + seed.encode("utf-16-le") + b"\x00",
        "utf16-surrogate": b"\xff\xfe" + le[:4000] + b"\x00\xd8\x41\x00" + le[4000:],
        "utf16be-surrogate": b"\xfe\xff" + be[:4000] + b"\xdc\x00\x00\x41" + be[4000:],
        "gb18030": _corrupt_double_byte(seed.encode("gb18030"), b"\x81\x20\xff\x30"),
        "big5": _corrupt_double_byte(traditional.encode("big5", "replace"), b"\xa3\xe1\xff\x80"),
    }
    for name, data in encodings.items():
        add(f"text-{name}", _write(text_dir, f"{name}.txt", data), says=("utf-",))

    # binary junk with text and XML names
    junk = root / "junk"
    junk.mkdir()
    rng = random.Random(20261124)
    add("junk-xml", _write(junk, "junk.xml", rng.randbytes(20000)))
    add("junk-txt", _write(junk, "junk.txt", rng.randbytes(20000)))
    add("junk-hocr", _write(junk, "junk.hocr", rng.randbytes(5000)))
    add("junk-lt-xml", _write(junk, "lt.xml", b"<" + rng.randbytes(5000)))
    png = (SAMPLES / "hocr" / "kraken08_bw_example" / "kraken_bw_example.png").read_bytes()
    add("png-as-txt", _write(junk, "picture.txt", png[:5000]), expect="either")
    add("zeros-txt", _write(junk, "zeros.txt", bytes(65536)))
    add("high-bytes-txt", _write(junk, "high.txt", bytes(range(128, 256)) * 64))
    add("xml-wrong-root", _write(junk, "svg.xml", b'<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>'),
        says=("root element",))
    # (an import says it holds no text, as of an empty .txt: a warning, not a failure)
    add("empty-xml", _write(junk, "empty.xml", b""), expect="either")
    add("prolog-only-xml", _write(junk, "prolog.xml", b'<?xml version="1.0" encoding="UTF-8"?>\n'))
    add("folder", junk / "not-a-file.xml", says=("folder",))
    (junk / "not-a-file.xml").mkdir()
    add("missing", junk / "does-not-exist.txt", says=("no such file",))
    return cases


def _corrupt_double_byte(data: bytes, bad: bytes) -> bytes:
    """``data`` with ``bad`` bytes inserted at a character boundary a third of the way in."""
    i = len(data) // 3
    while data[i] >= 0x80:  # step to an ASCII byte: a safe boundary in GB18030 and Big5
        i += 1
    return data[:i] + bad + data[i:]
