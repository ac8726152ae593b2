"""One preprocessing path from any picture to the network's input column.

Used for the dataset's own images on display and for every uploaded photo: decode with Pillow
(only the formats the app accepts), apply the EXIF orientation, take the first frame, composite
transparency onto white, bring every mode to 8-bit RGB (16-bit rescaled, not clipped), crop the
centre square, resize to 64×64, scale to [0, 1] and flatten in (height, width, channel) order.
"""

from __future__ import annotations

import io
import os
import warnings
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from dnn.datasets import flatten
from dnn.errors import UserFacingError
from dnn.files import read_limited

SIZE = 64
FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP")  # what the app accepts; nothing else is decoded
EXTENSIONS = ("jpg", "jpeg", "png", "webp", "gif", "bmp")
MAX_BYTES = 25 * 2**20  # the file itself
MAX_PIXELS = 40_000_000  # width × height before decoding: a 40 MP photo (Pillow warns at 89 MP)
# LANCZOS averages every source pixel under a target pixel with a sharp, alias-free kernel, so a
# 4000-px photo shrinks to 64 px without the moiré NEAREST or BILINEAR give at that ratio.
# reducing_gap first shrinks by whole factors (JPEG in the decoder itself), which keeps a 12 MP
# photo fast with no visible difference.
RESAMPLE = Image.Resampling.LANCZOS
REDUCING_GAP = 3.0


# Pillow warns from 89 MP on; this module refuses everything above MAX_PIXELS itself.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


class InvalidImageError(UserFacingError):
    """The file is not a picture the app can read; the message says why, for a user."""


def read_bytes(source: str | os.PathLike | bytes | BinaryIO, limit: int = MAX_BYTES) -> bytes:
    """The raw bytes of a path, a bytes object or a binary file object, at most ``limit``."""
    data = read_limited(source, limit, lambda size: InvalidImageError(_too_big(size, limit)))
    if not data:
        raise InvalidImageError("The file is empty (0 bytes).")
    return data


def _too_big(size: int, limit: int) -> str:
    return f"The file is {size / 2**20:.1f} MB; pictures up to {limit // 2**20} MB are accepted."


def _too_many_pixels(size: tuple[int, int] | None) -> str:
    limit = f"at most {MAX_PIXELS / 1e6:.0f} MP is accepted"
    if size is None:
        return f"The picture claims far too many pixels; {limit}."
    w, h = size
    return f"The picture claims {w}×{h} pixels ({w * h / 1e6:.0f} MP); {limit}."


def open_image(data: bytes) -> Image.Image:
    """Decode ``data`` into an RGB image, or raise InvalidImageError with a clear reason."""
    try:
        img = Image.open(io.BytesIO(data), formats=FORMATS)
    except UnidentifiedImageError:
        raise InvalidImageError(
            "This is not a picture the app can read. Use JPEG, PNG, WebP, GIF or BMP."
        ) from None
    except Image.DecompressionBombError:
        raise InvalidImageError(_too_many_pixels(None)) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise InvalidImageError(f"The picture could not be read: {exc}.") from None
    w, h = img.size
    if w * h > MAX_PIXELS:
        raise InvalidImageError(_too_many_pixels((w, h)))
    if w < 1 or h < 1:
        raise InvalidImageError("The picture has no pixels.")
    try:
        if img.format == "JPEG":
            img.draft("RGB", (SIZE * 4, SIZE * 4))  # decode at 1/2–1/8 scale: much faster
        img.load()
        img = ImageOps.exif_transpose(img)
        return to_rgb(img)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, EOFError) as exc:
        reason = "it is truncated or damaged" if "truncated" in str(exc) else str(exc)
        raise InvalidImageError(f"The picture could not be decoded: {reason}.") from None


def to_rgb(img: Image.Image) -> Image.Image:
    """8-bit RGB: transparency composited onto white, 16-/32-bit values rescaled to 0–255."""
    if img.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        a = np.asarray(img, dtype=np.float64)
        top = 65535.0 if img.mode.startswith("I;16") or a.max(initial=0) > 255 else 255.0
        a = np.clip(np.rint(a * (255.0 / top)), 0, 255).astype(np.uint8)
        return Image.fromarray(a).convert("RGB")
    if img.mode == "F":
        a = np.clip(np.rint(np.asarray(img) * 255.0), 0, 255).astype(np.uint8)
        return Image.fromarray(a).convert("RGB")
    if img.mode == "P" and "transparency" in img.info or img.mode in ("PA", "LA", "La", "RGBa"):
        img = img.convert("RGBA")
    if img.mode == "RGBA":
        white = Image.new("RGBA", img.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, img).convert("RGB")
    return img.convert("RGB")


def square_64(img: Image.Image) -> Image.Image:
    """Crop the centre square (the data set's pictures are square) and resize to 64×64."""
    w, h = img.size
    side = min(w, h)
    box = ((w - side) // 2, (h - side) // 2, (w - side) // 2 + side, (h - side) // 2 + side)
    return img.resize((SIZE, SIZE), RESAMPLE, box=box, reducing_gap=REDUCING_GAP)


def preprocess_image(source: str | os.PathLike | bytes | BinaryIO) -> np.ndarray:
    """The 64×64 picture the network sees, as uint8 of shape (64, 64, 3).

    Raises
    ------
    InvalidImageError
        Not an accepted format, empty, too large, a decompression bomb, truncated or corrupt.
    """
    return np.asarray(square_64(open_image(read_bytes(source))), dtype=np.uint8)


def load_image(source: str | os.PathLike | bytes | BinaryIO) -> np.ndarray:
    """A picture as the network's input: ndarray of shape (12288, 1), float64 in [0, 1]."""
    return flatten(preprocess_image(source)[np.newaxis])
