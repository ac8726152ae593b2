"""Make ``photo.jpg``, a full-size "camera photo" the tests upload (the file is committed).

A 12 MP phone photo stored as the sensor saw it (4000 × 3000, landscape) with EXIF orientation 6,
so it is upright (3000 × 4000, portrait) only once the EXIF rotation is applied: blue sky at the
top, an orange sun in the upper left, a green hill at the bottom. Low-frequency noise gives it a
photo's texture while keeping the file small. Deterministic (fixed seed)::

    .venv/bin/python tests/files/make_photo.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

OUT = Path(__file__).with_name("photo.jpg")
WIDTH, HEIGHT = 3000, 4000  # upright (as displayed)


def upright(seed: int = 0) -> np.ndarray:
    """The scene as displayed, uint8 of shape (HEIGHT, WIDTH, 3)."""
    rng = np.random.RandomState(seed)
    y = np.linspace(0.0, 1.0, HEIGHT)[:, None]
    x = np.linspace(0.0, 1.0, WIDTH)[None, :]
    flat = np.zeros((HEIGHT, WIDTH))
    sky = np.stack([flat + 60 + 80 * y, flat + 120 + 80 * y, flat + 235 - 20 * y], axis=-1)
    hill = 0.62 + 0.08 * np.sin(6.0 * x)  # the hill's top edge, as a fraction of the height
    ground = np.stack([flat + 50, flat + 150 - 40 * y, flat + 40], axis=-1)
    img = np.where((y > hill)[..., None], ground, sky)
    sun = (x - 0.25) ** 2 * (WIDTH / HEIGHT) ** 2 + (y - 0.2) ** 2 < 0.08**2
    img[sun] = (250, 160, 40)
    grain = rng.randn(HEIGHT // 50, WIDTH // 50, 3)
    grain = np.asarray(
        Image.fromarray(np.uint8(np.clip(128 + 40 * grain, 0, 255))).resize(
            (WIDTH, HEIGHT), Image.Resampling.BICUBIC
        ),
        dtype=np.float64,
    )
    return np.uint8(np.clip(img + 0.15 * (grain - 128), 0, 255))


def main() -> None:
    """Write the photo as a camera does: pixels rotated, EXIF orientation 6 to undo it."""
    stored = Image.fromarray(upright()).transpose(Image.Transpose.ROTATE_90)  # 4000 × 3000
    exif = Image.Exif()
    exif[0x0112] = 6  # display rotated 90° clockwise
    stored.save(OUT, "JPEG", quality=80, exif=exif.tobytes())
    print(f"{OUT.name}: {stored.size[0]}×{stored.size[1]}, {OUT.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
