"""Page images are decoded reduced to what the view shows; a bomb never freezes the window (issue 13)."""

from __future__ import annotations

import struct
import tracemalloc
import zlib
from pathlib import Path

import pytest
from PIL import ImageFile

from reader.gui.widgets.layout_view import MAX_IMAGE_SIDE, load_image


def bilevel_png(path: Path, width: int, height: int) -> None:
    """A 1-bit PNG of the given size: a few KB on disk for hundreds of megapixels decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\0" + b"\0" * ((width + 7) // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", body) + chunk(b"IEND", b""))


def test_a_png_claiming_13300_squared_is_not_decoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its header is read, its 177 M pixels never decoded (a spy on Pillow's decoding; a wall-clock bound here was
    a timed test)."""
    path = tmp_path / "bomb.png"
    bilevel_png(path, 13300, 13300)
    assert path.stat().st_size < 100_000
    decoded: list[tuple[int, int]] = []
    load = ImageFile.ImageFile.load

    def spy(self: ImageFile.ImageFile) -> object:
        decoded.append(self.size)
        return load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    tracemalloc.start()
    assert load_image(str(path)) is None  # the drawn layout is shown instead
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert decoded == [] and peak < 50_000_000, (decoded, peak)


def test_an_ordinary_scan_is_shown_reduced(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    bilevel_png(path, 5000, 7000)
    image = load_image(str(path))
    assert image is not None
    qimg, factor = image
    assert max(qimg.width(), qimg.height()) <= MAX_IMAGE_SIDE and factor >= 1.0
