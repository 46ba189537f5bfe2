"""Page images are decoded reduced to what the view shows; a bomb never freezes the window (issue 13)."""

from __future__ import annotations

import struct
import time
import tracemalloc
import zlib
from pathlib import Path

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


def test_a_png_claiming_13300_squared_is_not_decoded(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    bilevel_png(path, 13300, 13300)
    assert path.stat().st_size < 100_000
    tracemalloc.start()
    t0 = time.perf_counter()
    assert load_image(str(path)) is None  # the drawn layout is shown instead
    took = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert took < 1.0 and peak < 50_000_000, (took, peak)


def test_an_ordinary_scan_is_shown_reduced(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    bilevel_png(path, 5000, 7000)
    image = load_image(str(path))
    assert image is not None
    qimg, factor = image
    assert max(qimg.width(), qimg.height()) <= MAX_IMAGE_SIDE and factor >= 1.0
