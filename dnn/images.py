"""One preprocessing path from any picture to the network's input column.

Used for the dataset's own images on display and for every uploaded photo: decode with Pillow
(only the formats the app accepts), take the first frame, bring every mode to 8-bit RGB
(transparency composited onto white, 16-bit rescaled, not clipped), apply the EXIF orientation,
crop the centre square (or fit the whole picture, padded), resize to 64×64, scale to [0, 1]
and flatten in (height, width, channel) order.

Memory is bounded before anything is decoded. The header gives the size and the mode; the
memory the decoded picture will take (:func:`decoded_bytes`) must stay under
``MAX_DECODED_BYTES``. A JPEG is decoded at 1/2–1/8 scale by the decoder itself (draft mode).
Everything after decoding works on horizontal bands converted one at a time and shrunk by a
whole factor (``Image.reduce``) to about 400 px, so no full-size RGBA or float copy is ever made:
a 40 MP palette PNG or a 16-bit one peaks near its decoded size. At most ``DECODE_SLOTS``
pictures are decoded at once in a process (a server's sessions take turns).
"""

from __future__ import annotations

import math
import os
import threading
import warnings
from io import BytesIO
from typing import BinaryIO

import numpy as np
from PIL import Image, UnidentifiedImageError

from dnn.datasets import flatten
from dnn.errors import UserFacingError
from dnn.files import read_limited

SIZE = 64
INPUT_SIZE = SIZE * SIZE * 3  # n^[0]: the pixel values of one 64×64 RGB picture (12,288)
FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP")  # what the app accepts; nothing else is decoded
EXTENSIONS = ("jpg", "jpeg", "png", "webp", "gif", "bmp")
MAX_BYTES = 25 * 2**20  # the file itself
MAX_PIXELS = 40_000_000  # width × height before decoding: a 40 MP photo (Pillow warns at 89 MP)
MAX_DECODED_BYTES = 128 * 2**20  # the decoded picture in Pillow's memory (32 MP of RGB)
WORK_SIDE = 384  # decoded pictures are shrunk by a whole factor while their short side stays ≥ this
WORK_PIXELS = 2_000_000  # … and their area ≤ this (very long strips)
BAND_BYTES = 4 * 2**20  # rows converted at a time, in RGBA bytes
DECODE_SLOTS = threading.BoundedSemaphore(2)
# LANCZOS averages every source pixel under a target pixel with a sharp, alias-free kernel, so a
# large picture shrinks to 64 px without the moiré NEAREST or BILINEAR give at that ratio.
RESAMPLE = Image.Resampling.LANCZOS
REDUCING_GAP = 3.0
# Bytes per pixel of Pillow's decoded image by mode (multi-band modes use 4 bytes a pixel).
_PIXEL_BYTES = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16L": 2, "I;16B": 2, "I;16N": 2}
# EXIF orientation → the transposition that displays the picture upright (as ImageOps does).
_ORIENT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_TRANSPARENT = ("PA", "LA", "La", "RGBa", "RGBA")

# Pillow warns from 89 MP on; this module refuses everything above MAX_PIXELS itself.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


class InvalidImageError(UserFacingError):
    """The file is not a picture the app can read; the message says why, for a user."""


def read_bytes(source: str | os.PathLike | bytes | BinaryIO, limit: int = MAX_BYTES) -> bytes:
    """The raw bytes of a regular file's path, a bytes object or a binary file object."""
    return read_limited(source, limit, InvalidImageError, "image", "picture")


def _refuse(code: str, message: str, **values) -> InvalidImageError:
    return InvalidImageError(message, code=f"image_{code}", **values)


def _damaged() -> InvalidImageError:
    return _refuse("damaged", "The picture is truncated or damaged: it could not be decoded.")


def decoded_bytes(img: Image.Image, full_size: tuple[int, int] | None = None) -> int:
    """Memory Pillow needs to decode ``img`` (opened, not loaded), from its header alone.

    ``img.size`` and ``img.mode`` are what the decoder will produce (after a JPEG's draft);
    ``full_size`` is the size before the draft. Pillow decodes every WebP through libwebp's
    animation decoder (≈ 16 bytes a pixel measured, whatever the mode); a progressive JPEG
    keeps 2 bytes per full-size sample and component, whatever the draft scale.
    """
    w, h = img.size
    total = w * h * _PIXEL_BYTES.get(img.mode, 4)
    if img.format == "WEBP":
        total = w * h * 16  # RGBA canvases in libwebp's animation decoder, a copy, the image
    if img.format == "JPEG" and ("progressive" in img.info or "progression" in img.info):
        fw, fh = full_size or img.size
        total += 2 * fw * fh * len(img.getbands())
    return total


def open_image(data: bytes) -> Image.Image:
    """Decode ``data`` into an 8-bit RGB picture, upright, shrunk by a whole factor.

    A picture whose short side is 768 px or more is reduced until it is 384–767 px (and to at
    most ``WORK_PIXELS`` in all): enough for the 64×64 input and for a preview.

    Raises
    ------
    InvalidImageError
        With ``code`` ``image_format``, ``image_pixels``, ``image_memory``, ``image_no_pixels``
        or ``image_damaged``; never Pillow's own exceptions or wording.
    """
    with DECODE_SLOTS:
        try:
            img = Image.open(BytesIO(data), formats=FORMATS)
        except UnidentifiedImageError:
            raise _refuse(
                "format", "This is not a picture the app can read. Use JPEG, PNG, WebP, GIF or BMP."
            ) from None
        except Image.DecompressionBombError:
            raise _too_many_pixels(None) from None
        except Exception:  # Pillow raises many kinds (SyntaxError, ValueError, struct.error, …)
            raise _damaged() from None
        with img:
            try:
                _check_header(img)
                orientation = img.getexif().get(0x0112)
                img.load()
                small = _shrink_to_rgb(img)
            except InvalidImageError:
                raise
            except Exception:
                raise _damaged() from None
    return small.transpose(_ORIENT[orientation]) if orientation in _ORIENT else small


def _too_many_pixels(size: tuple[int, int] | None) -> InvalidImageError:
    limit = f"{MAX_PIXELS / 1e6:.0f}"
    if size is None:
        return _refuse(
            "bomb",
            f"The picture claims far too many pixels; at most {limit} MP is accepted.",
            limit=limit,
        )
    w, h = size
    mp = f"{w * h / 1e6:.0f}"
    return _refuse(
        "pixels",
        f"The picture claims {w}×{h} pixels ({mp} MP); at most {limit} MP is accepted.",
        w=w,
        h=h,
        mp=mp,
        limit=limit,
    )


def _check_header(img: Image.Image) -> None:
    """Size, pixel count and decoded memory, from the header; a JPEG is set to decode reduced."""
    w, h = img.size
    if w < 1 or h < 1:
        raise _refuse("no_pixels", "The picture has no pixels.")
    if w * h > MAX_PIXELS:
        raise _too_many_pixels((w, h))
    full = img.size
    if img.format == "JPEG":
        img.draft("RGB", (SIZE * 4, SIZE * 4))  # decode at 1/2–1/8 scale: less memory, faster
    need = decoded_bytes(img, full)
    if need > MAX_DECODED_BYTES:
        mb, limit = f"{need / 2**20:.0f}", f"{MAX_DECODED_BYTES / 2**20:.0f}"
        raise _refuse(
            "memory",
            f"The picture ({w}×{h} pixels) would take {mb} MB of memory to decode; "
            f"at most {limit} MB is allowed. Save it smaller and try again.",
            w=w,
            h=h,
            mb=mb,
            limit=limit,
        )


def shrink_factor(width: int, height: int) -> int:
    """The whole factor a decoded picture is reduced by before any other work (≥ 1)."""
    by_side = min(width, height) // WORK_SIDE
    by_area = math.ceil(math.sqrt(width * height / WORK_PIXELS))
    return max(1, by_side, by_area)


def _shrink_to_rgb(img: Image.Image) -> Image.Image:
    """``to_rgb(img).reduce(f)`` computed band by band: no full-size converted copy."""
    w, h = img.size
    f = shrink_factor(w, h)
    top = _top(img)
    if f == 1 and w * h * 4 <= BAND_BYTES:
        return to_rgb(img, top)
    out = Image.new("RGB", (math.ceil(w / f), math.ceil(h / f)))
    rows = max(1, BAND_BYTES // (4 * w * f)) * f  # a multiple of f: bands reduce like the whole
    for y in range(0, h, rows):
        band = to_rgb(img.crop((0, y, w, min(y + rows, h))), top)
        out.paste(band.reduce(f) if f > 1 else band, (0, y // f))
    return out


def _top(img: Image.Image) -> float | None:
    """The white level of a 32-bit integer picture: 255 when its values fit 8 bits."""
    if img.mode != "I":
        return None
    return 255.0 if img.getextrema()[1] <= 255 else 65535.0


def to_rgb(img: Image.Image, top: float | None = None) -> Image.Image:
    """8-bit RGB: transparency composited onto white, 16-/32-bit values rescaled to 0–255.

    ``top`` is the white level of mode ``I`` (65535 when not given and any value exceeds 255).
    """
    if img.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        a = np.asarray(img, dtype=np.float64)
        if img.mode.startswith("I;16"):
            top = 65535.0
        elif top is None:
            top = 65535.0 if a.max(initial=0) > 255 else 255.0
        a = np.clip(np.rint(a * (255.0 / top)), 0, 255).astype(np.uint8)
        return Image.fromarray(a).convert("RGB")
    if img.mode == "F":
        a = np.clip(np.rint(np.asarray(img) * 255.0), 0, 255).astype(np.uint8)
        return Image.fromarray(a).convert("RGB")
    if img.mode == "P" and "transparency" in img.info or img.mode in _TRANSPARENT:
        img = img.convert("RGBA")
        white = Image.new("RGBA", img.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, img).convert("RGB")
    return img.convert("RGB")


FRAMINGS = ("crop", "fit")  # how a picture becomes square: its centre square, or all of it


def frame_box(size: tuple[int, int], framing: str = "crop") -> tuple[int, int, int, int]:
    """Where the square and the picture meet, as (left, top, right, bottom).

    ``"crop"``: the centre square the network sees, in the picture's own pixels. ``"fit"``:
    where the whole picture lies in the padded square, whose side is the picture's longer side.
    """
    w, h = size
    if framing == "fit":
        side = max(w, h)
        left, top = (side - w) // 2, (side - h) // 2
        return left, top, left + w, top + h
    side = min(w, h)
    left, top = (w - side) // 2, (h - side) // 2
    return left, top, left + side, top + side


def square_64(img: Image.Image, framing: str = "crop") -> Image.Image:
    """The 64×64 picture the network sees: the centre square, or the whole picture padded.

    ``"crop"`` (the default; the data set's pictures are square) keeps the centre square of a
    wide or tall picture and drops the rest. ``"fit"`` shrinks the whole picture into the square
    and fills the bands above and below (or left and right) by repeating its edge rows (or
    columns): bands of one flat colour would be rows no training photo has, and the
    unfamiliar-picture check would flag every fitted photo. Either way the picture is shrunk
    before anything is padded, so no larger canvas is ever made.
    """
    if framing not in FRAMINGS:
        raise ValueError(f"framing must be one of {FRAMINGS}, got {framing!r}")
    if framing == "crop":
        box = frame_box(img.size, "crop")
        return img.resize((SIZE, SIZE), RESAMPLE, box=box, reducing_gap=REDUCING_GAP)
    w, h = img.size
    longer = max(w, h)
    inner = (max(1, round(w * SIZE / longer)), max(1, round(h * SIZE / longer)))
    small = np.asarray(img.resize(inner, RESAMPLE, reducing_gap=REDUCING_GAP))  # (h', w', 3)
    left, top = (SIZE - inner[0]) // 2, (SIZE - inner[1]) // 2
    pad = ((top, SIZE - inner[1] - top), (left, SIZE - inner[0] - left), (0, 0))
    return Image.fromarray(np.pad(small, pad, mode="edge"))


def preprocess_image(
    source: str | os.PathLike | bytes | BinaryIO, framing: str = "crop"
) -> np.ndarray:
    """The 64×64 picture the network sees, as uint8 of shape (64, 64, 3).

    ``framing`` is ``"crop"`` (the centre square) or ``"fit"`` (all of it, padded).

    Raises
    ------
    InvalidImageError
        Not a regular file, empty, too large, not an accepted format, too many pixels or too
        much memory to decode, truncated or corrupt; ``code`` says which, for a translation.
    """
    return np.asarray(square_64(open_image(read_bytes(source)), framing), dtype=np.uint8)


def load_image(source: str | os.PathLike | bytes | BinaryIO, framing: str = "crop") -> np.ndarray:
    """A picture as the network's input: ndarray of shape (12288, 1), float64 in [0, 1]."""
    return flatten(preprocess_image(source, framing)[np.newaxis])
