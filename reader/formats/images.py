"""Page images: finding the image of a page and measuring it without decoding it.

A structured source names its page image (hOCR ``image "…"``, PAGE
``imageFilename``) or an image with the same stem lies beside it. The name a
source gives is often a path on the machine that made it (``tests/resources/bw.png``,
``OCR-D-IMG/INPUT_0020.tif``), so the search looks, inside the source's own folder
only, for the named path, then the named file's base name, then the same stem
with any common image extension (a ``.tif`` that was converted to ``.jp2``), and
finally the source file's own stem. Nothing outside the folder and nothing on the
network is ever opened.

Sizes come from the file header through Pillow's lazy ``Image.open`` (JPEG, PNG,
TIFF, JPEG 2000, GIF, BMP, WebP): the pixels are not decoded. Pillow parses a
JPEG 2000 header in Python even when the wheel was built without OpenJPEG; the
pixels then cannot be shown, which :func:`image_info` reports as a warning.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from reader.model.document import Page
from reader.model.errors import FormatError

log = logging.getLogger(__name__)

#: Extensions tried beside a source, in order of preference.
IMAGE_EXTENSIONS = (".jp2", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".j2k", ".jpf", ".jpx", ".gif", ".bmp", ".webp")

_JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_J2K_SIGNATURE = b"\xff\x4f\xff\x51"


@dataclass(frozen=True)
class ImageInfo:
    """What Broadsheet knows about a page image without decoding it."""

    path: str
    width: int
    height: int
    #: Pillow's format name: JPEG, PNG, TIFF, JPEG2000 …
    format: str
    #: a problem that does not stop reading (e.g. JPEG 2000 pixels cannot be decoded here)
    warning: str | None = None


def sniff(data: bytes) -> str | None:
    """The image format of ``data`` from its magic bytes, or None when it is not an image."""
    head = data[:16]
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        return "TIFF"
    if head.startswith(_JP2_SIGNATURE) or head.startswith(_J2K_SIGNATURE):
        return "JPEG2000"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def jpeg2000_supported() -> bool:
    """True when this Pillow can decode JPEG 2000 pixels (it was built with OpenJPEG)."""
    try:
        from PIL import features

        return bool(features.check("jpg_2000"))
    except Exception:  # a broken Pillow install: report "no" rather than fail reading
        log.debug("cannot ask Pillow about JPEG 2000", exc_info=True)
        return False


def _measure(source: Path | io.BytesIO, name: str) -> ImageInfo | None:
    """Open lazily (header only) and return size and format; None when Pillow cannot."""
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:  # Pillow is a declared dependency, but a core without it still reads text
        log.warning("Pillow is not installed: page images cannot be measured")
        return None
    try:
        with Image.open(source) as im:
            width, height = im.size
            fmt = im.format or "?"
    except Image.DecompressionBombError as e:  # the header claims more pixels than any page scan has
        pixels = re.search(r"\((\d+) pixels\)", str(e))
        claim = f"{int(pixels.group(1)):,} pixels" if pixels else "an absurd size"
        raise FormatError(name, f"its header claims {claim}, far more than any page scan, so the image is "
                                "not used") from e
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as e:
        log.info("cannot read image header of %s: %s", name, e)
        return None
    warning = None
    if fmt == "JPEG2000" and not jpeg2000_supported():
        warning = (f"{name}: this Pillow has no JPEG 2000 decoder (OpenJPEG), "
                   "so the page image's size is known but it cannot be shown")
        log.warning(warning)
    return ImageInfo(name, int(width), int(height), fmt, warning)


def image_info(path: str | Path) -> ImageInfo | None:
    """Size and format of the image file at ``path``, read from its header; None if unreadable."""
    p = Path(path)
    if not p.is_file():
        return None
    return _measure(p, str(p))


def image_info_bytes(data: bytes, name: str | Path) -> ImageInfo | None:
    """Like :func:`image_info` for bytes already in memory."""
    return _measure(io.BytesIO(data), str(name))


def _reference_candidates(reference: str) -> list[str]:
    """Relative paths a source's image reference may mean, safest interpretations only."""
    ref = reference.strip().strip("\"'")
    if not ref or "://" in ref or ref.startswith(("data:", "file:")):
        # a URL: only its base name may be a local copy
        ref = ref.rsplit("/", 1)[-1].split("?", 1)[0] if "://" in ref else ""
        return [ref] if ref else []
    parts = PureWindowsPath(ref).parts if "\\" in ref else PurePosixPath(ref).parts
    out: list[str] = []
    safe = not PurePosixPath(ref).is_absolute() and not PureWindowsPath(ref).is_absolute() and ".." not in parts
    if safe:
        out.append("/".join(parts))
    if parts:
        out.append(parts[-1])
    return out


def _inside(folder: Path, candidate: Path) -> bool:
    try:
        candidate.resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError):
        return False


def find_image(source: str | Path, reference: str | None = None) -> Path | None:
    """The page image of ``source``: the one it references, or one beside it with the same stem.

    Only files inside the source's folder are considered.
    """
    src = Path(source)
    folder = src.parent
    names: list[str] = []
    if reference:
        names.extend(_reference_candidates(reference))
    stems: list[str] = []
    for name in names:
        stem = PurePosixPath(name).stem
        if stem and stem not in stems:
            stems.append(stem)
    if src.name:
        stem = src.name.split(".", 1)[0]
        for s in (src.stem, stem):
            if s and s not in stems:
                stems.append(s)
    for s in stems:
        for ext in IMAGE_EXTENSIONS:
            names.append(s + ext)
    seen: set[str] = set()
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        cand = folder / name
        if cand == src or not cand.is_file() or not _inside(folder, cand):
            continue
        if cand.suffix.lower() not in IMAGE_EXTENSIONS:
            continue
        return cand
    return None


def scale_between(width: float | None, height: float | None, info: ImageInfo) -> float | None:
    """Factor from source coordinates (page ``width`` × ``height``) to image pixels.

    Uses the width ratio; when the height ratio disagrees by more than 2 % the
    image is not the page the coordinates describe (a crop, another page) and
    None is returned.
    """
    if not width or not height or width <= 0 or height <= 0:
        return None
    sx = info.width / float(width)
    sy = info.height / float(height)
    if abs(sx - sy) > 0.02 * max(sx, sy):
        return None
    return sx


def attach_image(page: Page, source: str | Path, reference: str | None, warnings: list[str]) -> ImageInfo | None:
    """Find and measure the page's image, set ``page.image`` and ``page.image_scale``.

    A page with no size takes the image's size (scale 1). Problems go to
    ``warnings``; a missing image is not an error.
    """
    path = find_image(source, reference)
    if path is None:
        if reference:
            log.info("%s: page image %r not found beside the file", source, reference)
        return None
    try:
        info = image_info(path)
    except FormatError as e:
        warnings.append(str(e))
        return None
    if info is None:
        warnings.append(f"{path}: the page image cannot be read")
        return None
    if info.warning:
        warnings.append(info.warning)
    page.image = str(path)
    if not page.width or not page.height:
        page.width, page.height = float(info.width), float(info.height)
        page.image_scale = 1.0
    else:
        page.image_scale = scale_between(page.width, page.height, info)
        if page.image_scale is None:
            warnings.append(f"{path}: the image ({info.width}×{info.height}) does not have the page's proportions "
                            f"({page.width:g}×{page.height:g}), so highlights cannot be placed on it")
    return info

