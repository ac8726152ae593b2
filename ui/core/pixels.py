"""The 64×64 picture the network sees, drawn large enough to see, and where it came from."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from dnn.images import frame_box

ZOOM = 4  # shown at 256×256


def enlarged(seen: np.ndarray, factor: int = ZOOM) -> Image.Image:
    """The (64, 64, 3) uint8 picture ``factor`` times larger, by nearest neighbour.

    Each pixel becomes a sharp ``factor``×``factor`` square instead of a blur: the coarseness
    of what the network gets is the point.
    """
    return Image.fromarray(seen).resize(
        (seen.shape[1] * factor, seen.shape[0] * factor), Image.Resampling.NEAREST
    )


OUTLINE = (255, 153, 0)  # the square's frame: orange, seen on light and dark photos
SHADE = 0.35  # what the network does not see keeps this share of its brightness


def framed(preview: Image.Image, framing: str) -> Image.Image:
    """The uploaded picture with the network's square drawn on it.

    ``"crop"``: the centre square outlined, what is cut off darkened. ``"fit"``: the picture
    inside the padded square, the bands (which repeat its edges) darkened, the square outlined.
    """
    rgb = preview.convert("RGB")
    if framing == "fit":
        side = max(rgb.size)
        left, top, _, _ = frame_box(rgb.size, "fit")
        pad = ((top, side - rgb.height - top), (left, side - rgb.width - left), (0, 0))
        padded = np.pad(np.asarray(rgb), pad, mode="edge")
        shade = np.full(padded.shape[:2], SHADE)
        shade[top : top + rgb.height, left : left + rgb.width] = 1.0
        out = Image.fromarray((padded * shade[..., None]).astype(np.uint8))
        box = (0, 0, side, side)
    else:
        box = frame_box(rgb.size, "crop")
        dark = Image.fromarray((np.asarray(rgb) * SHADE).astype(np.uint8))
        out = dark.copy()
        out.paste(rgb.crop(box), box[:2])
    width = max(2, max(out.size) // 100)
    ImageDraw.Draw(out).rectangle(
        (box[0], box[1], box[2] - 1, box[3] - 1), outline=OUTLINE, width=width
    )
    return out
