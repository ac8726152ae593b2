"""Scoring pictures for the prediction page: the same preprocessing as the engine's."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

import dnn
from dnn.datasets import flatten
from dnn.images import open_image, read_bytes, square_64
from ui.core.i18n import explain
from ui.core.pixels import framed
from ui.core.trust import silent_layer

PREVIEW = 360  # px: the largest side of the picture shown next to its verdict


@dataclass
class Scored:
    """One picture's result: what was uploaded, what the network saw, and P(cat)."""

    name: str
    preview: Image.Image | None = None
    seen: np.ndarray | None = None  # (64, 64, 3) uint8
    p_cat: float | None = None
    error: str | None = None
    framing: str = "crop"  # how it became square: the preview shows it
    silent: int | None = None  # the first hidden layer whose every unit is 0, if any


def score(name: str, raw: bytes, params, hidden: str = "relu", framing: str = "crop") -> Scored:
    """Decode, preprocess and classify one file; a bad file gives a Scored with ``error``.

    ``error`` is the refusal in the visitor's language. Decoding is bounded in memory and
    takes one of the process's few decoding slots (see :mod:`dnn.images`). ``framing`` is how
    the picture becomes square (``"crop"`` or ``"fit"``); the preview shows that square.
    """
    try:
        img = open_image(read_bytes(raw))
    except dnn.InvalidImageError as exc:
        return Scored(name, error=explain(exc))
    seen = np.asarray(square_64(img, framing), dtype=np.uint8)
    preview = img.copy()
    preview.thumbnail((PREVIEW, PREVIEW))
    preview = framed(preview, framing)
    x = flatten(seen[np.newaxis])
    p = float(dnn.predict_proba(params, x, hidden)[0, 0])
    return Scored(name, preview, seen, p, framing=framing, silent=silent_layer(params, x, hidden))
