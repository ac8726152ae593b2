"""The picture limits from headers alone (no large decode): 40 MP, decoded memory, shrinking.

Each file is a few dozen bytes whose header claims a size. The pixel count is checked first;
a picture within it goes on to the decoded-memory check (:func:`dnn.images.decoded_bytes`),
so a header-only RGB file of exactly 40 MP is refused for its memory (160 MB of RGBX), which
proves it passed the pixel limit, while 40 MP + 1 is refused for its pixels.
"""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

import dnn
from dnn.images import (
    MAX_DECODED_BYTES,
    MAX_PIXELS,
    InvalidImageError,
    decoded_bytes,
    shrink_factor,
)

# 40,000,000 = 8000 × 5000; one more pixel needs another shape: 40,000,001 = 1 × 40,000,001,
# and a near-square one just above: 6325 × 6325 = 40,005,625
SIZES_AT = [(8000, 5000), (5000, 8000), (40_000_000, 1)]
SIZES_ABOVE = [(40_000_001, 1), (1, 40_000_001), (6325, 6325), (8001, 5000)]


def png_header(width: int, height: int, color_type: int = 2) -> bytes:
    """A PNG signature and IHDR chunk claiming width × height 8-bit pixels, then IEND."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        return struct.pack(">I", len(body)) + kind + body + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def bmp_header(width: int, height: int) -> bytes:
    """A 24-bit BMP's file and info headers claiming width × height, with no pixel data."""
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, 0, 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(info), 0, 0, 14 + len(info)) + info


def refusal(data: bytes) -> InvalidImageError:
    with pytest.raises(InvalidImageError) as e:
        dnn.load_image(data)
    return e.value


def test_the_limit_is_forty_megapixels():
    assert MAX_PIXELS == 40_000_000
    assert all(w * h == MAX_PIXELS for w, h in SIZES_AT)
    assert all(w * h > MAX_PIXELS for w, h in SIZES_ABOVE)
    assert 4 * MAX_PIXELS > MAX_DECODED_BYTES  # 40 MP of RGB is past the memory bound


@pytest.mark.parametrize("make", [png_header, bmp_header], ids=["png", "bmp"])
@pytest.mark.parametrize("size", SIZES_AT, ids=lambda s: f"{s[0]}x{s[1]}")
def test_forty_megapixels_pass_the_pixel_limit(make, size):
    err = refusal(make(*size))
    assert err.code == "image_memory", str(err)  # the next check: 40 MP · 4 bytes = 153 MB
    assert err.values["w"] == size[0] and err.values["h"] == size[1]
    assert err.values["mb"] == "153" and err.values["limit"] == "128"


@pytest.mark.parametrize("make", [png_header, bmp_header], ids=["png", "bmp"])
@pytest.mark.parametrize("size", SIZES_ABOVE, ids=lambda s: f"{s[0]}x{s[1]}")
def test_one_pixel_more_is_refused_for_its_pixels(make, size):
    err = refusal(make(*size))
    assert err.code == "image_pixels", str(err)
    assert (err.values["w"], err.values["h"]) == size and err.values["limit"] == "40"
    assert f"{size[0]}×{size[1]}" in str(err) and "at most 40 MP" in str(err)


def test_a_grey_forty_megapixel_header_gets_past_both_bounds_to_the_decoder():
    """1 byte a pixel (40 MB) is within the memory bound: only the missing pixels stop it."""
    err = refusal(png_header(8000, 5000, color_type=0))
    assert err.code == "image_damaged", str(err)


def encoded(img: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, fmt, **options)
    return buffer.getvalue()


# (picture, what Pillow's decoded picture takes) for 100 × 50 pixels: 1 byte a pixel for
# grey and palette, 2 for 16-bit grey, 4 for every multi-band mode, 16 for any WebP (libwebp's
# canvases), and a progressive JPEG 2 bytes per full-size sample on top
DECODED = {
    "grey.png": (lambda: encoded(Image.new("L", (100, 50)), "PNG"), 5_000),
    "palette.gif": (lambda: encoded(Image.new("P", (100, 50)), "GIF"), 5_000),
    "gray16.png": (
        lambda: encoded(Image.fromarray(np.zeros((50, 100), np.uint16)), "PNG"),
        10_000,
    ),
    "rgb.png": (lambda: encoded(Image.new("RGB", (100, 50)), "PNG"), 20_000),
    "rgb.jpg": (lambda: encoded(Image.new("RGB", (100, 50)), "JPEG"), 20_000),
    "rgb.webp": (lambda: encoded(Image.new("RGB", (100, 50)), "WEBP"), 80_000),
    "progressive.jpg": (
        lambda: encoded(Image.new("RGB", (100, 50)), "JPEG", progressive=True),
        20_000 + 2 * 100 * 50 * 3,
    ),
}


@pytest.mark.parametrize("name", sorted(DECODED))
def test_decoded_memory_is_computed_from_the_header(name):
    make, expected = DECODED[name]
    with Image.open(io.BytesIO(make())) as img:
        assert decoded_bytes(img) == expected


def test_a_progressive_jpeg_counts_its_full_size_samples():
    data = encoded(Image.new("RGB", (100, 50)), "JPEG", progressive=True)
    with Image.open(io.BytesIO(data)) as img:  # as if the draft had shrunk it from 400 × 200
        assert decoded_bytes(img, (400, 200)) == 20_000 + 2 * 400 * 200 * 3


@pytest.mark.parametrize(
    "size,factor",
    [
        ((767, 767), 1),  # short side under 2 × 384: kept
        ((768, 768), 2),
        ((800, 600), 1),
        ((6320, 6320), 16),  # 6320 // 384
        ((20_000, 400), 2),  # a long strip: its area (8 MP) brought to ≤ 2 MP
    ],
)
def test_pictures_shrink_by_a_whole_factor_to_a_short_side_of_384_or_2_mp(size, factor):
    assert shrink_factor(*size) == factor
