"""What each uploader accepts and how large an uploaded file may be, judged by content.

Streamlit checks an uploaded file's *name* against an uploader's ``type`` list, and a file sent
by a script with another name made the script fail before it ran (a redacted error box on the
page, a traceback in the server's log). So every uploader lists MIME types beside its
extensions (:data:`PICTURES`, :data:`MODELS`, :data:`DATA_SETS`): the browser's file picker
still offers only those files, Streamlit then leaves the name alone, and the app judges the
*content* (:func:`kind_of`): a picture is decoded by :mod:`dnn.images`, a model read by
:mod:`dnn.model_io`, a data set by :mod:`dnn.datasets`, and whatever is not one of them gets
the app's own message in the visitor's language. The shell's upload store bounds a file by
its content too (:func:`file_limit`): only what starts like a model may be as large as one.
"""

from __future__ import annotations

from dnn.images import EXTENSIONS
from dnn.model_io import MAX_FILE_BYTES

IMAGE_UPLOAD_MB = 10  # a picture (the browser refuses larger ones before sending)
MODEL_UPLOAD_MB = MAX_FILE_BYTES // 2**20  # == server.maxUploadSize in .streamlit/config.toml

_IMAGE_MIME = ("image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp")
PICTURES = [*_IMAGE_MIME, *(f".{e}" for e in EXTENSIONS)]  # an uploader's ``type``
MODELS = ["application/x-safetensors", ".safetensors"]
DATA_SETS = ["application/x-hdf5", ".h5"]

_MAGIC = (
    (b"\xff\xd8\xff", "picture"),  # JPEG
    (b"\x89PNG\r\n\x1a\n", "picture"),
    (b"GIF87a", "picture"),
    (b"GIF89a", "picture"),
    (b"BM", "picture"),
    (b"\x89HDF\r\n\x1a\n", "data set"),
)


def kind_of(data: bytes) -> str:
    """``"picture"``, ``"model"``, ``"data set"`` or ``"other"``, from the first bytes alone.

    A model is a safetensors file: an 8-byte little-endian header length that fits the file,
    then a JSON object. A WebP is ``RIFF····WEBP``. Whether the rest of the file holds what its
    start promises is for the reader of that kind to say.
    """
    head = bytes(data[:16])
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "picture"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if len(head) > 8 and head[8:9] == b"{" and int.from_bytes(head[:8], "little") <= len(data) - 8:
        return "model"
    return "other"


def file_limit(data: bytes) -> int:
    """The largest upload accepted for a file that starts with ``data``'s bytes, in bytes."""
    return (MODEL_UPLOAD_MB if kind_of(data) == "model" else IMAGE_UPLOAD_MB) * 2**20
