"""Plain-text pages: encodings, raw line evidence, clear errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.formats.plaintext import decode, read
from reader.model.errors import DecodeError

SIMPLIFIED = "本报北京1月26日电（记者张璁）最高人民检察院日前召开新闻发布会，通报当前检察机关惩治网络犯罪情况。\n"
TRADITIONAL = (
    "【本報台北訊】記者林育德／報導 行政院今天通過明年度總預算案，總額較今年增加，主計總處表示將持續控制債務。\n"
)


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("utf-16"), "utf-16"),
        (SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
        (SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (TRADITIONAL.encode("big5"), "big5"),
        (TRADITIONAL.encode("utf-8"), "utf-8"),
        (TRADITIONAL.encode("gb18030"), "gb18030"),
    ],
)
def test_decodes_every_supported_encoding(data: bytes, encoding: str) -> None:
    text, found = decode(data, "x.txt")
    assert found == encoding
    assert text.lstrip("\ufeff") in (SIMPLIFIED, TRADITIONAL)


def test_binary_junk_is_refused_with_the_file_name() -> None:
    junk = bytes(range(256)) * 8
    with pytest.raises(DecodeError) as err:
        decode(junk, "scan.txt")
    message = str(err.value)
    assert message.startswith("scan.txt: ") and "not text" in message or "binary" in message


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_byte_order_mark_is_read_as_utf32(encoding: str) -> None:
    """UTF-32-LE's byte order mark starts with UTF-16-LE's (FF FE, then 00 00): it was read as UTF-16, a NUL and
    every character garbled into another, with no word said."""
    bom = {"utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}.get(encoding, b"")
    text, found = decode(bom + SIMPLIFIED.encode(encoding), "u32.txt")
    assert (text, found) == (SIMPLIFIED, "utf-32")


@pytest.mark.parametrize("data, mark", [
    (codecs.BOM_UTF32_LE + b"broken", "UTF-32"),  # not a whole number of code units
    (codecs.BOM_UTF32_BE + b"\x00\x11\x00\x00", "UTF-32"),  # past U+10FFFF
    (codecs.BOM_UTF16_LE + b"a\x00\x00\x00\x01\x00b\x00", "UTF-16"),  # NULs and controls: binary data
])
def test_a_byte_order_mark_over_data_that_is_not_its_text_is_refused(data: bytes, mark: str) -> None:
    with pytest.raises(DecodeError) as err:
        decode(data, "scan.txt")
    message = str(err.value)
    assert message.startswith(f"scan.txt: it starts with a {mark} byte order mark but ") and message.count(".") == 2


LATIN = "The quick brown fox.\n\nSecond paragraph, 1858: naïve café — “quoted”.\n"
MIXED = "Shanghai (上海) and Peking (北京): one (一) line in Latin with some Chinese.\n\nSecond.\n"
RUSSIAN = "Москва, 7 декабря. — Вчера в городе.\n"


@pytest.mark.parametrize("text", [LATIN, MIXED, RUSSIAN, "a"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_whatever_its_script(text: str, encoding: str) -> None:
    """Mostly Latin text in UTF-16 has a NUL at every other byte, all on one side: UTF-16 (it was refused as
    "binary data (NUL bytes)"); the side tells the byte order. Mostly Chinese text was read already."""
    decoded, found = decode(text.encode(encoding), "u16.txt")
    assert (decoded, found) == (text, encoding)
    doc = read(text.encode(encoding), "u16.txt")
    assert doc.metadata["encoding"] == encoding and not doc.warnings
    assert doc.pages[0].lines[0].text == text.splitlines()[0]


@pytest.mark.parametrize("junk", [
    bytes(range(256)) * 8,
    bytes(b for k in range(2048) for b in (k % 256, 0)),  # 16-bit numbers: a NUL every other byte
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" * 20,
    "text".encode("utf-16-le") + b"\x00\x00" * 40,
])
def test_binary_data_with_nul_bytes_is_still_refused_in_one_sentence(junk: bytes) -> None:
    with pytest.raises(DecodeError) as err:
        decode(junk, "scan.txt")
    message = str(err.value)
    assert message == "scan.txt: it holds binary data (NUL bytes), not text."


def test_invalid_sequences_are_refused() -> None:
    bad = b"\x81\x30\xff\xfe\xfd\x80\x80\x80\xc3\x28" * 40
    with pytest.raises(DecodeError) as err:
        decode(bad, "bad.txt")
    assert "bad.txt" in str(err.value)
    assert "UTF-8" in str(err.value)


def test_raw_lines_keep_their_evidence() -> None:
    doc = read("第一行\n\n 第二行\n第三行\n\n\n".encode(), "p.txt")
    [page] = doc.pages
    assert [line.id for line in page.lines] == ["p1.l1", "p1.l3", "p1.l4"]
    first, second, third = page.lines
    assert first.blank_after and not second.blank_after and third.blank_after
    assert second.leading == 1 and second.text == " 第二行"
    assert second.source_line == 3


def test_form_feed_starts_a_new_page() -> None:
    doc = read("甲\n乙\f丙\n".encode(), "p.txt")
    assert [p.number for p in doc.pages] == [1, 2]
    assert [line.text for line in doc.pages[1].lines] == ["丙"]


@pytest.mark.parametrize("text,encoding", [
    ("Café société, naïve façade — déjà vu; señor Müller’s “Zeitung”.\n", "cp1252"),
    ("Die Straße über München: Grüße, Äpfel und Öl.\n", "cp1252"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy.\n", "cp1250"),
])
def test_european_single_byte_text_is_read_right_and_marked_as_a_guess(text: str, encoding: str) -> None:
    """Issue 13: Latin-1/cp1252 was read as GB18030 mojibake with no warning (ASCII counted as evidence)."""
    from reader.formats.plaintext import read

    doc = read(text.encode(encoding), Path("old.txt"))
    assert doc.pages[0].lines[0].text == text.strip()
    assert doc.metadata["encoding"] == encoding
    assert any("a guess" in w and "old.txt" in w for w in doc.warnings)


def test_chinese_encodings_are_not_marked_as_guesses() -> None:
    from reader.formats.plaintext import read

    for enc in ("gb18030", "big5", "utf-8"):
        doc = read("中華民國萬歲，報導。\n".encode(enc), Path("x.txt"))
        assert doc.warnings == [] and doc.metadata["encoding"] == enc
