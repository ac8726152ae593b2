"""The cat vs non-cat data: find, validate and load the two HDF5 files.

Run ``python -m dnn.datasets download`` to fetch them (see :mod:`dnn.datasets.download`). The
files are read by :func:`dnn.datasets.imageset.load_image_set`, which also reads and writes any
two-class picture set in the same layout.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dnn.datasets.imageset import (
    IMAGE_SHAPE,
    MAX_IMAGES,
    DatasetError,
    ImageSet,
    flatten,
    image_set_bytes,
    load_image_set,
    save_image_set,
)

REPO_DATA_DIR = Path(__file__).resolve().parents[2] / "datasets"
CLASSES = ("non-cat", "cat")
# file name → (prefix of its keys, number of images)
FILES = {"train_catvnoncat.h5": ("train", 209), "test_catvnoncat.h5": ("test", 50)}
SHA256 = {
    "train_catvnoncat.h5": "fbe56ab67c3ae28d564e3a644189117976d6b31af0a3ce9bb17dbf22908af242",
    "test_catvnoncat.h5": "6a9d39ce52fa85953c5834695b8534a30ed8cfd54971fb2f080b5a24d002b951",
}
MAX_FILE_BYTES = 16 * 2**20  # the most a download may deliver; the real files are 2.5 and 0.6 MB
DOWNLOAD_COMMAND = "python -m dnn.datasets download"


__all__ = [
    "CLASSES",
    "FILES",
    "IMAGE_SHAPE",
    "MAX_IMAGES",
    "SHA256",
    "Dataset",
    "DatasetError",
    "DatasetMissingError",
    "ImageSet",
    "data_dir",
    "flatten",
    "image_set_bytes",
    "load_dataset",
    "load_image_set",
    "missing_files",
    "save_image_set",
]


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


def load_dataset(path: str | os.PathLike | None = None) -> Dataset:
    """Load and validate both files from the data folder (see :func:`data_dir`).

    Each file goes through :func:`load_image_set` with the lesson's fixed expectations (its
    keys, 209 or 50 pictures, the classes ``non-cat`` / ``cat``).

    Raises
    ------
    DatasetMissingError
        A file is missing; the message says how to download it.
    DatasetError
        A file is damaged, forged or not the expected data; the message names it and the problem
        and says to download it again. Every failure of the HDF5 library is one of these.
    """
    folder = data_dir(path)
    missing = missing_files(folder)
    if missing:
        raise DatasetMissingError(
            f"{', '.join(missing)} not found in {folder}. Download the data with "
            f"`{DOWNLOAD_COMMAND}` (it checks the SHA-256 sums), or set DNN_DATA_DIR to a "
            "folder that has the files.",
            "data_missing",
            files=", ".join(missing),
        )
    parts = {}
    for name, (prefix, m) in FILES.items():
        try:
            parts[prefix] = load_image_set(folder / name, prefix, m=m, classes=CLASSES)
        except DatasetError as exc:
            raise DatasetError(
                f"{exc}. The data is damaged or is not the lesson's: download it again with "
                f"`{DOWNLOAD_COMMAND}`.",
                exc.code,
                **exc.values,
            ) from None
    train, test = parts["train"], parts["test"]
    arrays = [train.x, train.y, test.x, test.y]
    for a in arrays:
        a.setflags(write=False)
    return Dataset(*arrays, CLASSES, train.images, test.images)
