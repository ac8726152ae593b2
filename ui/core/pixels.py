"""The 64×64 picture the network sees, drawn large enough for people to see it too."""

from __future__ import annotations

import numpy as np
from PIL import Image

ZOOM = 4  # shown at 256×256


def enlarged(seen: np.ndarray, factor: int = ZOOM) -> Image.Image:
    """The (64, 64, 3) uint8 picture ``factor`` times larger, by nearest neighbour.

    Each pixel becomes a sharp ``factor``×``factor`` square instead of a blur: the coarseness
    of what the network gets is the point.
    """
    return Image.fromarray(seen).resize(
        (seen.shape[1] * factor, seen.shape[0] * factor), Image.Resampling.NEAREST
    )
