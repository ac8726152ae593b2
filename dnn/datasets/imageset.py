"""A set of pictures in the lesson's HDF5 layout: write one, read one back through strict checks.

The layout is the lesson's (``train_catvnoncat.h5``)::

    {prefix}_set_x   uint8, (m, 64, 64, 3)   the pictures, RGB
    {prefix}_set_y   int64, (m,)             the labels, 0 or 1
    list_classes     bytes, (2,)             the names of class 0 and class 1, UTF-8

so a file written here loads outside the app the way the lesson loads its data::

    with h5py.File("my_classes.h5", "r") as f:
        x = np.array(f["train_set_x"][:])                   # (m, 64, 64, 3)
        y = np.array(f["train_set_y"][:]).reshape(1, -1)    # (1, m)
        classes = [c.decode("utf-8") for c in f["list_classes"][:]]

Reading trusts nothing in the file: only plain datasets stored inside it are read (no external,
soft or virtual links, no external storage, no unknown filters), every shape and type is checked
from the file's metadata *before* any array is read, so memory is bounded by ``max_images``
whatever the file claims, and any failure of the HDF5 library on a damaged file becomes a
:class:`DatasetError`. The lesson's own files are read by the same code with fixed expectations.
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass
from typing import BinaryIO

import h5py
import numpy as np

from dnn.datasets.layout import (
    ALLOWED_FILTERS,
    IMAGE_SHAPE,
    MAX_IMAGES,
    PREFIX,
    SLACK_BYTES,
    DatasetError,
    check_classes,
    check_count,
    check_kind,
    check_labels,
    check_prefix,
    check_shape,
)
from dnn.files import read_limited


@dataclass(frozen=True)
class ImageSet:
    """Pictures and their labels, as stored in one file; the arrays are read-only.

    Attributes
    ----------
    images : ndarray of shape (m, 64, 64, 3), uint8
    labels : ndarray of shape (m,), int64, values 0/1
    classes : tuple of two str, the names of class 0 and class 1
    prefix : str, the keys' prefix (``"train"`` for ``train_set_x``)
    """

    images: np.ndarray
    labels: np.ndarray
    classes: tuple[str, str]
    prefix: str

    @property
    def x(self) -> np.ndarray:
        """The pictures as columns: (12288, m) float64 in [0, 1], (height, width, channel)."""
        return flatten(self.images)

    @property
    def y(self) -> np.ndarray:
        """The labels as a row: (1, m) int64."""
        return self.labels.reshape(1, -1)


def flatten(images: np.ndarray) -> np.ndarray:
    """(m, 64, 64, 3) uint8 → (12288, m) float64 in [0, 1], row-major (height, width, channel)."""
    return images.reshape(images.shape[0], -1).T / 255.0


def image_set_bytes(images, labels, classes, prefix: str = "train") -> bytes:
    """The file :func:`save_image_set` would write, as bytes (for a download button)."""
    buffer = io.BytesIO()
    save_image_set(buffer, images, labels, classes, prefix)
    return buffer.getvalue()


def save_image_set(
    file: str | os.PathLike | BinaryIO,
    images: np.ndarray,
    labels: np.ndarray,
    classes: tuple[str, str] | list[str],
    prefix: str = "train",
) -> None:
    """Write pictures, labels and the two class names in the lesson's layout.

    Parameters
    ----------
    file : path or binary file object
    images : ndarray of shape (m, 64, 64, 3), uint8, 1 ≤ m ≤ MAX_IMAGES
    labels : ndarray of shape (m,) (or (1, m)), integers 0/1
    classes : two different names (class 0, class 1), 1–40 characters each
    prefix : keys' prefix, lowercase letters, digits and ``_`` (``"train"``, ``"test"``)

    Raises
    ------
    DatasetError
        The arrays or names do not fit the layout (the same rules as reading).
    """
    check_prefix(prefix)
    images = np.asarray(images)
    labels = np.asarray(labels).reshape(-1)
    m = images.shape[0] if images.ndim == 4 else -1
    check_count(m if images.shape[1:] == IMAGE_SHAPE else -1, MAX_IMAGES, "images")
    check_kind("images", images.dtype, "u1")
    check_shape(f"{prefix}_set_y", labels.shape, (m,))
    check_kind("labels", labels.dtype, "i")
    check_labels(labels, "the labels")
    raw = [c.encode("utf-8") if isinstance(c, str) else b"" for c in classes]
    names = check_classes(raw, "the class names")
    with h5py.File(file, "w") as f:
        f.create_dataset(f"{prefix}_set_x", data=images)
        f.create_dataset(f"{prefix}_set_y", data=labels.astype(np.int64))
        f.create_dataset("list_classes", data=np.array([n.encode("utf-8") for n in names]))


def load_image_set(
    source: str | os.PathLike | bytes | BinaryIO,
    prefix: str | None = None,
    *,
    m: int | None = None,
    classes: tuple[str, str] | None = None,
    max_images: int = MAX_IMAGES,
) -> ImageSet:
    """Read a file in the lesson's layout, checking everything before reading any array.

    Parameters
    ----------
    source : path, bytes or binary file object
    prefix : the keys' prefix; ``None`` accepts whichever one the file uses
    m : the exact number of pictures expected, or ``None`` for any 1 ≤ m ≤ ``max_images``
    classes : the exact class names expected, or ``None`` for any two valid names
    max_images : the most pictures accepted

    Raises
    ------
    DatasetError
        Anything wrong with the file; ``code`` says what and ``values`` the details (the file's
        name, never its folder).
    """
    name = os.path.basename(source) if isinstance(source, (str, os.PathLike)) else "the file"
    label = os.fspath(source) if isinstance(source, (str, os.PathLike)) else name
    most = m if m is not None else max_images
    # Room for pictures stored as 4-byte numbers, so that such a file is told its exact fault (its
    # type) below; memory is bounded by the shape and type checks, made before reading any array.
    limit = most * int(np.prod(IMAGE_SHAPE)) * 4 + SLACK_BYTES
    try:
        with _open(source, limit) as f:
            return _read(f, prefix, m, classes, max_images)
    except DatasetError as exc:
        raise DatasetError(f"{label}: {exc}", exc.code, file=name, **exc.values) from None
    except Exception as exc:  # noqa: BLE001 — h5py raises nearly any type on a damaged file
        raise DatasetError(
            f"{label}: not a readable HDF5 data file ({type(exc).__name__}: {exc})",
            "dataset_unreadable",
            file=name,
        ) from None


def _open(source, limit: int) -> h5py.File:
    """The file opened read-only, after checking it is a regular file of a bounded size."""
    if isinstance(source, (str, os.PathLike)):
        try:
            info = os.stat(source)
        except OSError:
            raise DatasetError("no such file", "dataset_not_file") from None
        if not stat.S_ISREG(info.st_mode):
            raise DatasetError("not a regular file", "dataset_not_file")
        if info.st_size > limit:
            raise _too_large(info.st_size, limit)
        return h5py.File(source, "r", locking=False)
    data = read_limited(source, limit, DatasetError, "dataset", "data file")
    return h5py.File(io.BytesIO(data), "r")


def _too_large(size: int, limit: int) -> DatasetError:
    return DatasetError(
        f"{size:,} bytes is more than such a file can be ({limit:,})",
        "dataset_too_big",  # the code dnn.files.read_limited gives for bytes and file objects
        mb=f"{size / 2**20:.1f}",
        limit_mb=f"{limit / 2**20:.0f}",
    )


def _read(f: h5py.File, prefix, m, classes, max_images) -> ImageSet:
    keys = sorted(f.keys())
    if prefix is None:  # the prefix is whatever the ``*_set_x`` key says
        found = [k[: -len("_set_x")] for k in keys if k.endswith("_set_x")]
        prefix = found[0] if len(found) == 1 and PREFIX.fullmatch(found[0]) else "{prefix}"
    expected = sorted([f"{prefix}_set_x", f"{prefix}_set_y", "list_classes"])
    if keys != expected:
        shown = [k[:40] for k in keys[:6]] + (["…"] if len(keys) > 6 else [])
        raise DatasetError(
            f"expected the keys {expected}, found {shown}",
            "dataset_keys",
            expected=", ".join(expected),
            found=", ".join(shown) or "—",
        )
    x = _plain(f, f"{prefix}_set_x")
    count = x.shape[0] if len(x.shape) == 4 and x.shape[1:] == IMAGE_SHAPE else -1
    if m is not None:
        check_shape(f"{prefix}_set_x", x.shape, (m, *IMAGE_SHAPE))
    else:
        check_count(count, max_images, f"{prefix}_set_x")
    y, names = _plain(f, f"{prefix}_set_y"), _plain(f, "list_classes")
    check_shape(f"{prefix}_set_y", y.shape, (count,))
    check_shape("list_classes", names.shape, (2,))
    check_kind(f"{prefix}_set_x", x.dtype, "u1")
    check_kind(f"{prefix}_set_y", y.dtype, "i")
    check_kind("list_classes", names.dtype, "S")
    # Every size is now known and bounded: reading is safe.
    images, labels = x[()], y[()].astype(np.int64)
    check_labels(labels, f"{prefix}_set_y")
    found = check_classes(list(names[()]), "list_classes")
    if classes is not None and found != tuple(classes):
        raise DatasetError(
            f"list_classes must be {tuple(classes)}, found {found}",
            "dataset_classes",
            expected=" / ".join(classes),
            found=" / ".join(found),
        )
    for a in (images, labels):
        a.setflags(write=False)
    return ImageSet(images, labels, found, prefix)


def _plain(f: h5py.File, key: str) -> h5py.Dataset:
    """The dataset ``key`` after checking it is data stored in this file, not a link elsewhere."""
    link = f.get(key, getlink=True)
    if not isinstance(link, h5py.HardLink):
        kind = type(link).__name__
        raise DatasetError(
            f"{key} is a {kind}, not data in this file", "dataset_link", key=key, kind=kind
        )
    obj = f[key]
    if not isinstance(obj, h5py.Dataset):
        raise DatasetError(f"{key} is a group, not a data array", "dataset_group", key=key)
    if obj.is_virtual:
        raise DatasetError(
            f"{key} is a virtual dataset (it would read other files)", "dataset_virtual", key=key
        )
    if obj.external:
        raise DatasetError(f"{key} keeps its data in external files", "dataset_external", key=key)
    plist = obj.id.get_create_plist()
    filters = {plist.get_filter(i)[0] for i in range(plist.get_nfilters())}
    if not filters <= ALLOWED_FILTERS:
        raise DatasetError(
            f"{key} is stored with a filter this reader does not accept", "dataset_filter", key=key
        )
    return obj
