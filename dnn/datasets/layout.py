"""The rules of the lesson's HDF5 layout, shared by the writer and the reader of picture sets.

Each ``check_*`` raises :class:`DatasetError` with a ``code`` (its text, in both languages, is
``err_<code>`` in ``ui/core/strings/data.py``) and the values the message names.
"""

from __future__ import annotations

import re

import h5py
import numpy as np

from dnn.errors import UserFacingError
from dnn.names import MAX_CLASS_CHARS, is_class_name

IMAGE_SHAPE = (64, 64, 3)
MAX_IMAGES = 2000  # pictures in one file: 2,000 × 12,288 bytes ≈ 25 MB
SLACK_BYTES = 2**20  # HDF5's own metadata on top of the pixels (the lesson's files: 4 KB)
# HDF5 filters a file may use: deflate (gzip), shuffle and fletcher32 are built into every HDF5
# library; any other one would need a plugin, and reading it is refused.
ALLOWED_FILTERS = {h5py.h5z.FILTER_DEFLATE, h5py.h5z.FILTER_SHUFFLE, h5py.h5z.FILTER_FLETCHER32}
PREFIX = re.compile(r"[a-z][a-z0-9_]{0,31}")


class DatasetError(UserFacingError):
    """A data file is missing, damaged, forged or not laid out as the lesson's data."""


def check_prefix(prefix: str) -> None:
    """The keys' prefix: lowercase letters, digits and ``_``, at most 32."""
    if not isinstance(prefix, str) or not PREFIX.fullmatch(prefix):
        raise DatasetError(
            f"the prefix {prefix!r} is not lowercase letters, digits and _ (at most 32)",
            "dataset_prefix",
        )


def check_count(m: int, most: int, key: str) -> None:
    """Between 1 and ``most`` pictures (``m`` is -1 when the shape is not (m, 64, 64, 3))."""
    if not 1 <= m <= most:
        raise DatasetError(
            f"{key} must hold between 1 and {most:,} pictures of 64 × 64 × 3",
            "dataset_count",
            key=key,
            most=f"{most:,}",
        )


def check_shape(key: str, shape: tuple, expected: tuple) -> None:
    """Exactly the ``expected`` shape."""
    if tuple(shape) != tuple(expected):
        raise DatasetError(
            f"{key} has shape {tuple(shape)}, expected {tuple(expected)}",
            "dataset_shape",
            key=key,
            shape=str(tuple(shape)),
            expected=str(tuple(expected)),
        )


def check_kind(key: str, dtype: np.dtype, kind: str) -> None:
    """``u1``: uint8 pixels; ``i``: integers of up to 8 bytes; ``S``: bounded fixed-length bytes."""
    ok = {
        "u1": dtype == np.uint8,
        "i": dtype.kind in "iu" and dtype.itemsize <= 8,
        "S": dtype.kind == "S" and dtype.itemsize <= 4 * MAX_CLASS_CHARS,
    }[kind]
    if not ok:
        raise DatasetError(
            f"{key} has dtype {dtype}, which is not what the data set uses",
            "dataset_dtype",
            key=key,
            dtype=str(dtype),
        )


def check_labels(labels: np.ndarray, key: str) -> None:
    """Labels 0 or 1 only."""
    if not np.isin(labels, (0, 1)).all():
        found = sorted(set(np.unique(labels).tolist()))[:5]
        raise DatasetError(
            f"labels must be 0 or 1, found {found}", "dataset_labels", key=key, found=str(found)
        )


def check_classes(raw: list[bytes], key: str) -> tuple[str, str]:
    """Two different class names: UTF-8, 1–40 visible characters (see :mod:`dnn.names`)."""
    try:
        names = tuple(b.decode("utf-8") for b in raw)
    except UnicodeDecodeError:
        names = ()
    if len(names) != 2 or names[0] == names[1] or not all(map(is_class_name, names)):
        raise DatasetError(
            f"{key}: two different class names are needed, each 1–{MAX_CLASS_CHARS} characters "
            "of UTF-8 text without control characters or surrounding spaces",
            "dataset_class_names",
            most=MAX_CLASS_CHARS,
        )
    return names
