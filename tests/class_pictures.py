"""Two kinds of made-up pictures a small network can tell apart: warm and cool.

Each is a background of a warm (red, orange, yellow) or cool (blue, teal, violet) hue with a few
shapes of other shades of the same family, and pixel noise, at a random size, so no two are the
same picture. Used by the own-classes tests (AppTest and Chromium).
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageDraw

WARM = [(220, 60, 30), (240, 140, 20), (250, 200, 40), (200, 40, 80)]
COOL = [(30, 80, 220), (20, 170, 180), (110, 60, 200), (40, 130, 90)]


def picture(kind: str, seed: int) -> Image.Image:
    """One warm or cool picture (``kind`` "warm" or "cool"), different for every seed."""
    rng = np.random.default_rng([0 if kind == "warm" else 1, seed])
    colours = WARM if kind == "warm" else COOL
    side = int(rng.integers(80, 200))

    def shade() -> tuple[int, ...]:
        base = np.array(colours[int(rng.integers(len(colours)))], dtype=float)
        return tuple(int(v) for v in np.clip(base + rng.normal(0, 20, 3), 0, 255))

    img = Image.new("RGB", (side, side), shade())
    draw = ImageDraw.Draw(img)
    for _ in range(int(rng.integers(2, 5))):
        x0, y0 = rng.integers(0, side, 2)
        w, h = rng.integers(side // 6, side // 2, 2)
        box = [int(x0), int(y0), int(x0 + w), int(y0 + h)]
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=shade())
    pixels = np.asarray(img, dtype=float) + rng.normal(0, 12, (side, side, 3))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def picture_bytes(kind: str, seed: int, fmt: str = "PNG") -> bytes:
    """The picture as a file's bytes (PNG or JPEG)."""
    buffer = io.BytesIO()
    picture(kind, seed).save(buffer, fmt)
    return buffer.getvalue()


def upload(kind: str, seeds) -> list[tuple[str, bytes, str]]:
    """(name, bytes, mime) for AppTest's file uploader, one PNG per seed."""
    return [(f"{kind}{s}.png", picture_bytes(kind, s), "image/png") for s in seeds]


def uploader(at, prefix: str):
    """The page's file uploader whose key starts with ``prefix`` (keys change after each use)."""
    found = [u for u in at.file_uploader if u.key and u.key.startswith(prefix)]
    assert len(found) == 1, [u.key for u in at.file_uploader]
    return found[0]
