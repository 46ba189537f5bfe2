"""Plain OCR text pages (PDF text dumps and the like) in UTF-8, UTF-16, GB18030 or Big5.

Every raw line is kept with an id, its leading spaces and whether a blank line
follows it; form feeds split pages. Segmentation into articles is done by
:mod:`reader.segmentation.textpage`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from reader.model.document import Document, Line, Page
from reader.model.errors import DecodeError
from reader.text.chars import is_cjk

ENCODINGS = ("utf-8", "utf-16", "gb18030", "big5")

#: Frequent characters of running Chinese text, in both scripts; scores a GB18030 vs Big5 guess.
_COMMON = set(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家"
    "种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民"
    "第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话"
    "合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神"
    "這個們來為國說時會對於裡發後過開關當還點動樣與長機無從實經現種進學問種間體麼義頭總電區應給記報將華據臺灣務條東論"
    "。，、；：？！“”「」（）《》"
)


def _score(text: str) -> float:
    """How much the NON-ASCII part of ``text`` looks like Chinese: share of common characters, less junk.

    ASCII is no evidence either way (it reads the same in every candidate), so Latin-1 text with a few
    accented letters no longer passes for GB18030 on the strength of its ASCII.
    """
    sample = text[:20000]
    good = bad = 0.0
    n = 0
    for c in sample:
        if c.isascii():
            if ord(c) < 32 and c not in "\r\n\t\f":
                bad += 3
                n += 1
            continue
        n += 1
        if c in _COMMON:
            good += 1
        elif c == "\ufffd" or 0xE000 <= ord(c) <= 0xF8FF:
            bad += 3
        elif is_cjk(c):
            good += 0.3
    return (good - bad) / n if n else 0.0


#: Single-byte encodings of European text, with the non-ASCII characters its languages use.
_PUNCT = "–—‘’‚“”„•…«»°§£€¡¿·©®±×÷¶\u00a0"
_SINGLE_BYTE = (
    ("cp1252", "Western European", "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœšžÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒŠŽ" + _PUNCT),
    ("cp1250", "Central European", "ąćęłńóśźżĄĆĘŁŃÓŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽáéíóúýÁÉÍÓÚÝőűŐŰäöüÄÖÜß" + _PUNCT),
    ("cp1251", "Cyrillic", "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯёЁіІїЇєЄўЎ" + _PUNCT),
)


def _single_byte(data: bytes) -> tuple[str, str, str] | None:
    """European text in a single-byte encoding: (text, encoding, description), chosen by its letters.

    Measured better than charset-normalizer here: on short Western European text it answers cp1250
    ("naïve" → "naďve"); the share of a script's own accented letters tells them apart.
    """
    best: tuple[float, str, str, str] | None = None
    for enc, what, letters in _SINGLE_BYTE:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        high = [c for c in text[:20000] if not c.isascii()]
        if not high:
            continue
        share = sum(c in letters for c in high) / len(high)
        if best is None or share > best[0]:
            best = (share, text, enc, what)
    if best is None or best[0] < 0.9:
        return None
    return best[1], best[2], best[3]


#: Encodings a file is read in without doubt; any other is a guess, and the document says so.
CERTAIN = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "big5")


def _by_byte_order_mark(data: bytes, path: str | Path | None) -> tuple[str, str] | None:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise DecodeError(path, f"it starts with a UTF-8 byte order mark but byte {e.start} is not UTF-8") from e
    # UTF-32-LE's mark (FF FE 00 00) starts with UTF-16-LE's (FF FE): asked first (a UTF-16 text does not start
    # with U+0000)
    for marks, codec, name in ((_UTF32_MARKS, "utf-32", "UTF-32"), (_UTF16_MARKS, "utf-16", "UTF-16")):
        if data.startswith(marks):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise DecodeError(path, f"it starts with a {name} byte order mark but byte {e.start} is not {name}") \
                    from e
            binary = _BINARY_CONTROLS.search(text)
            if binary is not None:
                raise DecodeError(path, f"it starts with a {name} byte order mark but holds binary data "
                                        f"(U+{ord(binary.group()):04X} at character {binary.start()})")
            return text, codec
    return None


_UTF32_MARKS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding name). Raises DecodeError naming ``path``."""
    marked = _by_byte_order_mark(data, path)
    if marked is not None:
        return marked
    has_nul = b"\x00" in data
    if not has_nul:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    # UTF-16 without a byte order mark, GB18030 or Big5: the decoding that reads most like text wins
    candidates: list[tuple[float, str, str]] = []
    encodings = ("utf-16-le", "utf-16-be") if has_nul else ("gb18030", "big5", "utf-16-le", "utf-16-be")
    for enc in encodings:
        if enc.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), enc, text))
    if candidates:
        score, enc, text = max(candidates)
        if score > 0.5:
            return text, enc
    if has_nul:
        by_pattern = _utf16_by_nul_pattern(data)
        if by_pattern is not None:
            return by_pattern
        raise DecodeError(path, "it holds binary data (NUL bytes), not text")
    european = _single_byte(data)
    if european is not None:
        return european[0], european[1]
    guessed = _charset_normalizer(data)
    if guessed is not None:
        return guessed
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        first_error = e
    raise DecodeError(
        path,
        f"it is not text in UTF-8, UTF-16, GB18030 or Big5 (byte 0x{data[first_error.start]:02x} "
        f"at offset {first_error.start} is not UTF-8 and no other encoding fits)",
    )


#: control characters no text holds (all but \t \n \v \f \r and NEL): a sign of binary data (U+0000 above all)
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def _utf16_by_nul_pattern(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte order mark told from where its NUL bytes are: in text that is mostly Latin (or
    Cyrillic, Greek: spaces, digits and punctuation are below U+0100 in any script) most code units have a NUL
    high byte, so the NULs stand at every other byte, nearly all on one side — odd offsets for UTF-16-LE, even
    for UTF-16-BE — which :func:`_score`, looking at Chinese characters only, does not see. Binary data has
    NULs on both sides, and decoded it holds control characters (U+0000, U+0001 …) or unassigned code points
    that no text does; those, or a lone surrogate, refuse it."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    enc, high, low = ("utf-16-le", odd, even) if odd > even else ("utf-16-be", even, odd)
    if high < 4 * low:  # an ideograph such as 一 (U+4E00) has a NUL low byte: a few are text
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    if _BINARY_CONTROLS.search(text) or any(unicodedata.category(c) == "Cn" for c in text[:20000]):
        return None  # (a lone surrogate does not decode)
    return text, enc


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    """The last resort for other encodings (KOI8-R, Shift-JIS, EUC-KR …): charset-normalizer's best match."""
    from charset_normalizer import from_bytes

    match = from_bytes(data[:200_000]).best()
    if match is None or match.chaos > 0.2 or match.encoding in ("gb18030", "big5", "utf_8", "ascii"):
        return None
    try:
        return data.decode(match.encoding), match.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def read_lines(text: str, first_page: int = 1) -> list[Page]:
    """Split decoded text into pages (form feed) of raw lines with ids ``p{page}.l{line}``."""
    pages: list[Page] = []
    page = Page(number=first_page)
    pages.append(page)
    prev: Line | None = None
    for n, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        while "\f" in raw:
            before, raw = raw.split("\f", 1)
            if before.strip():
                prev = _add(page, before, n)
            page = Page(number=page.number + 1)
            pages.append(page)
            prev = None
        if not raw.strip():
            if prev is not None:
                prev.blank_after = True
            continue
        prev = _add(page, raw, n)
    if len(pages) > 1 and not pages[-1].lines:
        pages.pop()
    return pages


def _add(page: Page, raw: str, n: int) -> Line:
    raw = raw.rstrip()
    stripped = raw.lstrip()
    leading = len(raw) - len(stripped)
    line = Line(id=f"p{page.number}.l{n}", text=raw, leading=leading, source_line=n)
    page.lines.append(line)
    return line


def read(data: bytes, path: str | Path | None = None) -> Document:
    """Read a plain-text page file into a Document of raw lines (no articles yet)."""
    text, encoding = decode(data, path)
    if text.startswith("\ufeff"):
        text = text[1:]
    pages = read_lines(text)
    doc = Document(source=str(path) if path is not None else "<bytes>", format="text", pages=pages)
    doc.metadata["encoding"] = encoding
    if encoding not in CERTAIN:
        what = next((w for e, w, _ in _SINGLE_BYTE if e == encoding), encoding)
        doc.warnings.append(f"{path}: its encoding is not UTF-8 or a Chinese one; it was read as {encoding} "
                            f"({what}), a guess from its letters: check the text")
    return doc
