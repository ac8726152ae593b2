"""Pictures the tests build themselves: good ones in every accepted mode, and hostile ones."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
from PIL import Image


def encode(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def halves(size=128, top=(255, 0, 0), bottom=(0, 0, 255)) -> Image.Image:
    """Top half one colour, bottom half another: shows any rotation."""
    a = np.zeros((size, size, 3), np.uint8)
    a[: size // 2] = top
    a[size // 2 :] = bottom
    return Image.fromarray(a)


def exif_rotated(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encode(halves(), "JPEG", quality=95, exif=exif.tobytes())


def png_bomb(width=10_000, height=10_000) -> bytes:
    """A 1×1 PNG whose header claims width × height pixels (a decompression bomb's header)."""
    data = bytearray(encode(Image.new("L", (1, 1)), "PNG"))
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17])) & 0xFFFFFFFF
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def animated_gif() -> bytes:
    red = Image.new("RGB", (32, 32), (255, 0, 0))
    blue = Image.new("RGB", (32, 32), (0, 0, 255))
    return encode(red, "GIF", save_all=True, append_images=[blue], duration=100, loop=0)


def sixteen_bit_gray() -> bytes:
    a = np.zeros((64, 64), np.uint16)
    a[:, :32] = 65535
    a[:, 32:] = 32896  # 128.5/255 of full scale → 128 after rescaling, not clipped to 255
    im = Image.fromarray(a)
    assert im.mode == "I;16"
    return encode(im, "PNG")


def palette_with_transparency() -> bytes:
    img = Image.new("P", (64, 64), 0)
    img.putpalette([255, 0, 0, 0, 0, 0] + [0] * 762)
    img.paste(1, (0, 0, 32, 64))  # left half: index 1, declared transparent
    return encode(img, "PNG", transparency=1)


def rgba() -> bytes:
    img = Image.new("RGBA", (64, 64), (255, 0, 0, 255))
    img.paste((0, 0, 0, 0), (0, 0, 32, 64))  # left half fully transparent
    return encode(img, "PNG")


def la() -> bytes:
    img = Image.new("LA", (64, 64), (0, 255))
    img.paste((0, 0), (0, 0, 32, 64))
    return encode(img, "PNG")


def cmyk_jpeg() -> bytes:
    return encode(Image.new("CMYK", (64, 64), (255, 0, 0, 0)), "JPEG", quality=95)  # cyan


def truncated(fmt: str) -> bytes:
    rng = np.random.RandomState(0)
    noisy = Image.fromarray(rng.randint(0, 256, (256, 256, 3), dtype=np.uint8))
    data = encode(noisy, fmt)
    return data[: len(data) // 2]


GOOD = {
    "cmyk.jpg": cmyk_jpeg,
    "gray16.png": sixteen_bit_gray,
    "palette_transparent.png": palette_with_transparency,
    "rgba.png": rgba,
    "la.png": la,
    "animated.gif": animated_gif,
    "exif6.jpg": lambda: exif_rotated(6),
    "exif8.jpg": lambda: exif_rotated(8),
    "one_pixel.png": lambda: encode(Image.new("RGB", (1, 1), (10, 200, 30)), "PNG"),
    "strip_10000x20.png": lambda: encode(Image.new("RGB", (10_000, 20), (0, 128, 0)), "PNG"),
    "picture.webp": lambda: encode(halves(), "WEBP", lossless=True),
    "picture.bmp": lambda: encode(halves(), "BMP"),
}

BAD = {
    "truncated.jpg": lambda: truncated("JPEG"),
    "truncated.png": lambda: truncated("PNG"),
    "bomb.png": png_bomb,
    "bomb_huge.png": lambda: png_bomb(30_000, 30_000),
    "empty.jpg": lambda: b"",
    "text.png": lambda: b"hello, I am a text file pretending to be a picture\n" * 20,
    "picture.tiff": lambda: encode(halves(), "TIFF"),
}


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_of_zeros(width, height, bit_depth=8, color_type=2, palette=None, transparent=None):
    """A valid PNG of all-zero samples, compressed row by row (a few kB for tens of MP).

    ``color_type``: 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA. ``palette``: bytes of
    RGB triples (type 3); ``transparent``: bytes of a tRNS chunk.
    """
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color_type]
    row = b"\0" * (1 + (width * channels * bit_depth + 7) // 8)  # filter byte 0, then samples
    z = zlib.compressobj(9)
    rows_per_chunk = max(1, 2**22 // len(row))
    idat = bytearray()
    for y in range(0, height, rows_per_chunk):
        idat += z.compress(row * min(rows_per_chunk, height - y))
    idat += z.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    out = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
    if palette is not None:
        out += _chunk(b"PLTE", palette)
    if transparent is not None:
        out += _chunk(b"tRNS", transparent)
    return out + _chunk(b"IDAT", bytes(idat)) + _chunk(b"IEND", b"")


def big_gif(side=6320) -> bytes:
    """A one-colour palette GIF of side × side pixels (LZW keeps it to tens of kB)."""
    img = Image.new("P", (side, side), 1)
    img.putpalette([255, 255, 255, 200, 30, 30] + [0] * 762)
    return encode(img, "GIF", transparency=0)


# Hostile pictures from issue 12 that once peaked far above their decoded size (1.1 GB, ~700 MB)
# and larger accepted or refused ones around the memory bound: name → (bytes, accepted?).
MEMORY = {
    "gray16_6320.png": (lambda: png_of_zeros(6320, 6320, 16, 0), True),
    "palette_transparent_6320.png": (
        lambda: png_of_zeros(6320, 6320, 1, 3, bytes([200, 30, 30, 0, 0, 0]), b"\x00"),
        True,
    ),
    "palette_6320.gif": (big_gif, True),
    "rgb_5600.png": (lambda: png_of_zeros(5600, 5600, 8, 2), True),
    "rgba16_6320.png": (lambda: png_of_zeros(6320, 6320, 16, 6), False),
}
