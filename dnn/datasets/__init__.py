"""The cat vs non-cat data: find, validate and load the two HDF5 files.

Run ``python -m dnn.datasets download`` to fetch them (see :mod:`dnn.datasets.download`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import h5py
import numpy as np

from dnn.errors import UserFacingError

REPO_DATA_DIR = Path(__file__).resolve().parents[2] / "datasets"
IMAGE_SHAPE = (64, 64, 3)
CLASSES = ("non-cat", "cat")
# file name → (prefix of its keys, number of images)
FILES = {"train_catvnoncat.h5": ("train", 209), "test_catvnoncat.h5": ("test", 50)}
SHA256 = {
    "train_catvnoncat.h5": "fbe56ab67c3ae28d564e3a644189117976d6b31af0a3ce9bb17dbf22908af242",
    "test_catvnoncat.h5": "6a9d39ce52fa85953c5834695b8534a30ed8cfd54971fb2f080b5a24d002b951",
}
MAX_FILE_BYTES = 16 * 2**20  # the real files are 2.5 MB and 0.6 MB
DOWNLOAD_COMMAND = "python -m dnn.datasets download"


class DatasetError(UserFacingError):
    """A data file is missing or is not what the lesson's data set looks like."""


class DatasetMissingError(DatasetError, FileNotFoundError):
    """The data files are not in the data folder."""


@dataclass(frozen=True)
class Dataset:
    """The lesson's data, one column per example; every array is read-only.

    Attributes
    ----------
    train_x : ndarray of shape (12288, 209), float64 in [0, 1]
    train_y : ndarray of shape (1, 209), values 0/1
    test_x : ndarray of shape (12288, 50)
    test_y : ndarray of shape (1, 50)
    classes : tuple of str, ("non-cat", "cat")
    train_images : ndarray of shape (209, 64, 64, 3), uint8
    test_images : ndarray of shape (50, 64, 64, 3), uint8
    """

    train_x: np.ndarray
    train_y: np.ndarray
    test_x: np.ndarray
    test_y: np.ndarray
    classes: tuple[str, ...]
    train_images: np.ndarray
    test_images: np.ndarray


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The data folder: ``path``, else $DNN_DATA_DIR, else ``datasets/`` in the repository."""
    if path is not None:
        return Path(path)
    env = os.environ.get("DNN_DATA_DIR")
    return Path(env) if env else REPO_DATA_DIR


def missing_files(path: str | os.PathLike | None = None) -> list[str]:
    """Names of the data files not present in the data folder."""
    folder = data_dir(path)
    return [name for name in FILES if not (folder / name).is_file()]


def flatten(images: np.ndarray) -> np.ndarray:
    """(m, 64, 64, 3) uint8 → (12288, m) float64 in [0, 1], row-major (height, width, channel)."""
    return images.reshape(images.shape[0], -1).T / 255.0


def load_dataset(path: str | os.PathLike | None = None) -> Dataset:
    """Load and validate both files from the data folder (see :func:`data_dir`).

    Raises
    ------
    DatasetMissingError
        A file is missing; the message says how to download it.
    DatasetError
        A file is damaged, forged or not the expected data; the message names it and the problem.
    """
    folder = data_dir(path)
    missing = missing_files(folder)
    if missing:
        raise DatasetMissingError(
            f"{', '.join(missing)} not found in {folder}. Download the data with "
            f"`{DOWNLOAD_COMMAND}` (it checks the SHA-256 sums), or set DNN_DATA_DIR to a "
            "folder that has the files."
        )
    parts = {}
    for name, (prefix, m) in FILES.items():
        images, labels, classes = read_file(folder / name, prefix, m)
        parts[prefix] = (images, labels)
    (tr_img, tr_y), (te_img, te_y) = parts["train"], parts["test"]
    arrays = [
        flatten(tr_img),
        tr_y.reshape(1, -1),
        flatten(te_img),
        te_y.reshape(1, -1),
        tr_img,
        te_img,
    ]
    for a in arrays:
        a.setflags(write=False)
    return Dataset(arrays[0], arrays[1], arrays[2], arrays[3], classes, arrays[4], arrays[5])


def read_file(file: Path, prefix: str, m: int) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Read ``{prefix}_set_x``, ``{prefix}_set_y`` and ``list_classes`` after checking each.

    Only plain datasets stored inside the file are read: external links, soft links, external
    raw storage and virtual datasets are refused, so no other file is ever opened through them.
    """
    expected = {
        f"{prefix}_set_x": ((m, *IMAGE_SHAPE), "u1"),
        f"{prefix}_set_y": ((m,), "i"),
        "list_classes": ((2,), "S"),
    }
    if file.stat().st_size > MAX_FILE_BYTES:
        raise DatasetError(f"{file}: {file.stat().st_size} bytes is far larger than the data set")
    try:
        with h5py.File(file, "r") as f:
            keys = set(f.keys())
            if keys != set(expected):
                raise DatasetError(
                    f"{file}: expected the keys {sorted(expected)}, found {sorted(keys)}"
                )
            out = {}
            for key, (shape, kind) in expected.items():
                out[key] = _read_plain(f, key, shape, kind, file)
    except DatasetError:
        raise
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise DatasetError(f"{file}: not a readable HDF5 data file ({exc})") from None
    labels = out[f"{prefix}_set_y"]
    if not np.isin(labels, (0, 1)).all():
        raise DatasetError(f"{file}: labels must be 0 or 1, found {sorted(set(labels.tolist()))}")
    classes = tuple(c.decode("ascii", "replace") for c in out["list_classes"])
    if classes != CLASSES:
        raise DatasetError(f"{file}: list_classes must be {CLASSES}, found {classes}")
    return out[f"{prefix}_set_x"], labels.astype(np.int64), classes


def _read_plain(f: h5py.File, key: str, shape: tuple, kind: str, file: Path) -> np.ndarray:
    """One dataset, after checking it is a hard link to contiguous data of the right type."""
    link = f.get(key, getlink=True)
    if not isinstance(link, h5py.HardLink):
        raise DatasetError(f"{file}: {key} is a {type(link).__name__}, not data in this file")
    obj = f[key]
    if not isinstance(obj, h5py.Dataset):
        raise DatasetError(f"{file}: {key} is a group, not a data array")
    if obj.is_virtual:
        raise DatasetError(f"{file}: {key} is a virtual dataset (it would read other files)")
    if obj.external:
        raise DatasetError(f"{file}: {key} keeps its data in external files")
    if obj.shape != shape:
        raise DatasetError(f"{file}: {key} has shape {obj.shape}, expected {shape}")
    dtype = obj.dtype
    ok = {"u1": dtype == np.uint8, "i": dtype.kind in "iu", "S": dtype.kind == "S"}[kind]
    if not ok:
        raise DatasetError(f"{file}: {key} has dtype {dtype}, which is not what the data set uses")
    return obj[()]
