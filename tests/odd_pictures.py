"""Pictures that are not photographs, made with Pillow: diagrams, text, screenshots, blanks, noise.

Each is returned as the network sees it after the app's own preprocessing (centre square,
64×64), a column of 12288 values in [0, 1]; used by the tests of ``dnn.unfamiliar`` and by
``bench/unfamiliar_rates.py``.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from dnn.datasets import flatten
from dnn.images import square_64


def column(img: Image.Image) -> np.ndarray:
    """A PIL picture through the app's preprocessing: shape (12288,)."""
    return flatten(np.asarray(square_64(img.convert("RGB")), dtype=np.uint8)[np.newaxis])[:, 0]


def flowchart(seed: int = 0) -> Image.Image:
    rng = np.random.RandomState(seed)
    img = Image.new("RGB", (800, 600), "white")
    draw = ImageDraw.Draw(img)
    fill = tuple(int(v) for v in rng.randint(200, 256, 3))
    top = int(rng.randint(150, 300))
    for i in range(3):
        x = 40 + i * 260
        draw.rectangle([x, top, x + 180, top + 160], outline="black", width=4, fill=fill)
        draw.text((x + 40, top + 70), f"Step {i + 1}", fill="black", font_size=28)
        if i < 2:
            draw.line([x + 180, top + 80, x + 260, top + 80], fill="black", width=4)
    return img


def text_page(seed: int = 0) -> Image.Image:
    rng = np.random.RandomState(seed)
    img = Image.new("RGB", (800, 600), "white")
    draw = ImageDraw.Draw(img)
    size = int(rng.randint(16, 26))
    for i in range(600 // (size + 4)):
        words = " ".join(rng.choice(["lorem", "ipsum", "dolor", "sit", "amet", "cat"], 8))
        draw.text((20, 10 + i * (size + 4)), words, fill="black", font_size=size)
    return img


def screenshot(seed: int = 0) -> Image.Image:
    rng = np.random.RandomState(seed)
    img = Image.new("RGB", (1280, 800), (245, 245, 245))
    draw = ImageDraw.Draw(img)
    bar = tuple(int(v) for v in rng.randint(0, 160, 3))
    draw.rectangle([0, 0, 1280, 60], fill=bar)
    draw.rectangle([0, 60, 250, 800], fill=(230, 230, 235))
    for i in range(12):
        draw.text((300, 100 + i * 50), f"Settings item {i} ........ on", fill="black", font_size=26)
    draw.rectangle([900, 200, 1200, 500], outline=(200, 0, 0), width=3)
    return img


def line_chart(seed: int = 0) -> Image.Image:
    rng = np.random.RandomState(seed)
    img = Image.new("RGB", (600, 600), "white")
    draw = ImageDraw.Draw(img)
    draw.line([60, 540, 560, 540], fill="black", width=3)
    draw.line([60, 40, 60, 540], fill="black", width=3)
    xs = np.linspace(60, 560, 50)
    ys = 540 - 400 * (1 - np.exp(-(xs - 60) / rng.uniform(80, 250)))
    draw.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=(0, 0, 200), width=4)
    return img


def solid(colour: tuple[int, int, int]) -> Image.Image:
    return Image.new("RGB", (500, 400), colour)


def noise(seed: int = 0, kind: str = "uniform") -> Image.Image:
    rng = np.random.RandomState(seed)
    if kind == "uniform":
        a = rng.rand(64, 64, 3)
    elif kind == "gaussian":
        a = np.clip(0.5 + 0.25 * rng.randn(64, 64, 3), 0, 1)
    else:  # black-and-white salt and pepper
        a = np.repeat((rng.rand(64, 64, 1) > 0.5).astype(float), 3, axis=2)
    return Image.fromarray(np.rint(a * 255).astype(np.uint8))


SOLIDS = [(255, 255, 255), (0, 0, 0), (255, 0, 0), (30, 90, 200), (128, 128, 128), (250, 220, 0)]


def odd_pictures(seeds: int = 1) -> dict[str, np.ndarray]:
    """Every kind of odd picture, ``seeds`` variants of the drawn ones: name → (12288,) column."""
    out: dict[str, np.ndarray] = {}
    for s in range(seeds):
        for make in (flowchart, text_page, screenshot, line_chart):
            out[f"{make.__name__}_{s}"] = column(make(s))
        for kind in ("uniform", "gaussian", "salt_pepper"):
            out[f"noise_{kind}_{s}"] = column(noise(s, kind))
    for c in SOLIDS:
        out[f"solid_{c}"] = column(solid(c))
    return out
