"""Page images: detection, lazy measuring, finding an image beside its source, the scale to image pixels."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from reader.formats import images
from reader.formats.detect import detect
from reader.model.document import Page
from reader.model.errors import FormatError
from reader.segmentation.analyze import analyze_file

SAMPLES = Path(__file__).parents[1] / "data" / "samples"
JP2 = SAMPLES / "page" / "kant_berlinische_monatsschrift_1784" / "INPUT_0020.jp2"
JPG = SAMPLES / "hocr" / "gcv2hocr_japanese_vertical" / "jp_vert.jpg"
PNG = SAMPLES / "hocr" / "kraken08_bw_example" / "kraken_bw_example.png"


def _image_bytes(fmt: str, size: tuple[int, int] = (40, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("L", size, 255).save(buf, format=fmt)
    return buf.getvalue()


@pytest.mark.parametrize("fmt,name", [("JPEG", "JPEG"), ("PNG", "PNG"), ("TIFF", "TIFF"), ("GIF", "GIF")])
def test_sniff_recognises_image_formats_by_magic(fmt: str, name: str) -> None:
    assert images.sniff(_image_bytes(fmt)) == name


def test_sniff_and_measure_the_jpeg2000_sample() -> None:
    data = JP2.read_bytes()
    assert images.sniff(data) == "JPEG2000"
    info = images.image_info(JP2)
    assert info is not None and (info.width, info.height) == (1457, 2084) and info.format == "JPEG2000"
    # the wheel here decodes JPEG 2000; if it did not, the size would still be known and a warning given
    assert (info.warning is None) == images.jpeg2000_supported()


def test_without_a_jpeg2000_decoder_the_size_is_still_known_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(images, "jpeg2000_supported", lambda: False)
    info = images.image_info(JP2)
    assert info is not None and (info.width, info.height) == (1457, 2084)
    assert info.warning is not None and "JPEG 2000" in info.warning and str(JP2) in info.warning
    doc = analyze_file(JP2)
    assert doc.pages[0].width == 1457 and doc.warnings == [info.warning]


def test_sniff_refuses_text() -> None:
    assert images.sniff(b"<alto/>") is None
    assert images.sniff("本报北京电".encode()) is None


def test_measuring_does_not_decode_the_pixels(tmp_path: Path) -> None:
    # a PNG whose header is intact but whose pixel data is cut off: measured, not decoded
    data = _image_bytes("PNG", (300, 200))
    cut = tmp_path / "cut.png"
    cut.write_bytes(data[:60])
    info = images.image_info(cut)
    assert info is not None and (info.width, info.height) == (300, 200)


def test_find_image_by_reference_base_name_and_by_stem() -> None:
    kraken = SAMPLES / "hocr" / "kraken08_bw_example" / "kraken_bw_example.hocr"
    # the reference is a path on the machine that ran kraken: its base name is not here, the stem is
    assert images.find_image(kraken, "tests/resources/bw.png") == PNG
    kant = SAMPLES / "page" / "kant_berlinische_monatsschrift_1784" / "PAGE_0020_PAGE.xml"
    # a .tif reference converted to .jp2 beside the file
    assert images.find_image(kant, "OCR-D-IMG/INPUT_0020.tif") == JP2
    wetzel = SAMPLES / "hocr" / "tesseract303_wetzel_1901" / "wetzel_reisebegleiter_1901_0021.hocr"
    assert images.find_image(wetzel, "wetzel_reisebegleiter_1901_0021_800px.jpg") is None


def test_find_image_never_leaves_the_folder(tmp_path: Path) -> None:
    inner = tmp_path / "issue"
    inner.mkdir()
    (tmp_path / "secret.png").write_bytes(_image_bytes("PNG"))
    src = inner / "page.hocr"
    src.write_text("<html/>")
    assert images.find_image(src, "../secret.png") is None
    assert images.find_image(src, str(tmp_path / "secret.png")) is None
    assert images.find_image(src, "http://example.org/secret.png") is None
    # the base name of a URL is allowed when that file is a local copy beside the source
    (inner / "secret.png").write_bytes(_image_bytes("PNG"))
    assert images.find_image(src, "http://example.org/scans/secret.png") == inner / "secret.png"


def test_attach_image_sets_scale_and_warns_on_wrong_proportions(tmp_path: Path) -> None:
    (tmp_path / "p.png").write_bytes(_image_bytes("PNG", (200, 300)))
    src = tmp_path / "p.xml"
    warnings: list[str] = []
    page = Page(number=1, width=100.0, height=150.0)
    images.attach_image(page, src, None, warnings)
    assert page.image == str(tmp_path / "p.png") and page.image_scale == pytest.approx(2.0) and not warnings
    page = Page(number=1, width=100.0, height=100.0)
    images.attach_image(page, src, None, warnings)
    assert page.image_scale is None and len(warnings) == 1 and "proportions" in warnings[0]
    page = Page(number=1)
    images.attach_image(page, src, None, warnings)
    assert (page.width, page.height, page.image_scale) == (200.0, 300.0, 1.0)


@pytest.mark.parametrize("path,size", [(JP2, (1457, 2084)), (JPG, (826, 1169)), (PNG, (924, 1624))])
def test_an_image_alone_is_one_empty_page(path: Path, size: tuple[int, int]) -> None:
    assert detect(path.read_bytes(), path) == "image"
    doc = analyze_file(path)
    assert doc.format == "image" and len(doc.pages) == 1 and doc.articles == []
    page = doc.pages[0]
    assert (page.width, page.height) == size and page.image == str(path) and page.lines == []


def test_a_damaged_image_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 10)
    with pytest.raises(FormatError) as err:
        analyze_file(bad)
    assert "broken.jpg" in str(err.value) and "JPEG" in str(err.value)
