"""Loading and validating the lesson's data files (downloading: tests/test_download.py)."""

from pathlib import Path

import h5py
import numpy as np
import pytest

import dnn
from dnn import datasets

REPO = Path(__file__).resolve().parent.parent


def write_set(folder, prefix="train", m=209, x=None, y=None, classes=(b"non-cat", b"cat")):
    """A data file shaped like the real one (random pictures unless given)."""
    rng = np.random.RandomState(0)
    x = rng.randint(0, 256, (m, 64, 64, 3), dtype=np.uint8) if x is None else x
    y = rng.randint(0, 2, m).astype(np.int64) if y is None else y
    path = Path(folder) / f"{prefix}_catvnoncat.h5"
    with h5py.File(path, "w") as f:
        f[f"{prefix}_set_x"] = x
        f[f"{prefix}_set_y"] = y
        f["list_classes"] = np.array(classes, dtype="S7")
    return path


@pytest.fixture
def fake_dir(tmp_path):
    write_set(tmp_path, "train", 209)
    write_set(tmp_path, "test", 50)
    return tmp_path


def test_real_data_shapes_and_read_only(data):
    assert data.train_x.shape == (12288, 209) and data.train_x.dtype == np.float64
    assert data.test_x.shape == (12288, 50) and data.test_y.shape == (1, 50)
    assert 0 <= data.train_x.min() and data.train_x.max() <= 1
    assert set(np.unique(data.train_y)) == {0, 1} and data.train_y.sum() == 72
    assert data.classes == ("non-cat", "cat")
    assert data.train_images.shape == (209, 64, 64, 3) and data.train_images.dtype == np.uint8
    # a column is the picture flattened in (height, width, channel) order, divided by 255
    np.testing.assert_array_equal(data.train_x[:, 5], data.train_images[5].ravel() / 255)
    for a in (data.train_x, data.train_y, data.test_x, data.test_y, data.train_images):
        with pytest.raises(ValueError):
            a[0, 0] = 0


def test_lookup_order(fake_dir, monkeypatch, tmp_path_factory):
    monkeypatch.setenv("DNN_DATA_DIR", str(fake_dir))
    assert datasets.data_dir() == fake_dir
    other = tmp_path_factory.mktemp("other")
    assert datasets.data_dir(other) == other
    monkeypatch.delenv("DNN_DATA_DIR")
    assert datasets.data_dir() == REPO / "datasets"
    d = dnn.load_dataset(fake_dir)
    assert d.train_x.shape == (12288, 209)


def test_missing_files_say_how_to_get_them(tmp_path):
    with pytest.raises(datasets.DatasetMissingError) as e:
        dnn.load_dataset(tmp_path)
    assert "python -m dnn.datasets download" in str(e.value)
    assert isinstance(e.value, FileNotFoundError) and isinstance(e.value, dnn.DatasetError)


def forge(tmp_path, case):
    rng = np.random.RandomState(1)
    write_set(tmp_path, "test", 50)
    path = tmp_path / "train_catvnoncat.h5"
    x = rng.randint(0, 256, (209, 64, 64, 3), dtype=np.uint8)
    if case == "keys":
        with h5py.File(path, "w") as f:
            f["images"] = x
    elif case == "shape":
        write_set(tmp_path, "train", 209, x=x[:, :32])
    elif case == "dtype":
        write_set(tmp_path, "train", 209, x=x.astype(np.float32))
    elif case == "labels":
        write_set(tmp_path, "train", 209, y=np.full(209, 2))
    elif case == "classes":
        write_set(tmp_path, "train", 209, classes=(b"dog", b"cat"))
    elif case == "group":
        write_set(tmp_path, "train")
        with h5py.File(path, "a") as f:
            del f["train_set_y"]
            f.create_group("train_set_y")
    elif case == "external_link":
        write_set(tmp_path, "train")
        secret = write_set(tmp_path / "..", "secret", 209)
        with h5py.File(path, "a") as f:
            del f["train_set_x"]
            f["train_set_x"] = h5py.ExternalLink(str(secret), "/secret_set_x")
    elif case == "soft_link":
        write_set(tmp_path, "train")
        with h5py.File(path, "a") as f:
            del f["train_set_y"]
            f["train_set_y"] = h5py.SoftLink("/somewhere/else")
    elif case == "virtual":
        secret = write_set(tmp_path / "..", "secret", 209)
        write_set(tmp_path, "train")
        with h5py.File(path, "a") as f:
            del f["train_set_x"]
            layout = h5py.VirtualLayout(shape=(209, 64, 64, 3), dtype=np.uint8)
            layout[:] = h5py.VirtualSource(str(secret), "secret_set_x", shape=(209, 64, 64, 3))
            f.create_virtual_dataset("train_set_x", layout)
    elif case == "external_storage":
        server_file = tmp_path / "server_secret.bin"
        server_file.write_bytes(b"\x01" * (209 * 64 * 64 * 3))
        write_set(tmp_path, "train")
        with h5py.File(path, "a") as f:
            del f["train_set_x"]
            f.create_dataset(
                "train_set_x",
                (209, 64, 64, 3),
                np.uint8,
                external=[(str(server_file), 0, h5py.h5f.UNLIMITED)],
            )
    elif case == "not_hdf5":
        path.write_bytes(b"this is not an HDF5 file at all" * 100)
    elif case == "truncated":
        write_set(tmp_path, "train")
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    return path


@pytest.mark.parametrize(
    "case,message",
    [
        ("keys", "expected the keys"),
        ("shape", "has shape"),
        ("dtype", "dtype"),
        ("labels", "labels must be 0 or 1"),
        ("classes", "list_classes"),
        ("group", "group"),
        ("external_link", "ExternalLink"),
        ("soft_link", "SoftLink"),
        ("virtual", "virtual"),
        ("external_storage", "external files"),
        ("not_hdf5", "not a readable HDF5"),
        ("truncated", "not a readable HDF5"),
    ],
)
def test_forged_or_damaged_files_are_refused(tmp_path, case, message):
    folder = tmp_path / "data"
    folder.mkdir()
    path = forge(folder, case)
    with pytest.raises(dnn.DatasetError) as e:
        dnn.load_dataset(folder)
    assert message in str(e.value) and str(path) in str(e.value)


def test_sha256sums_file_matches_the_code():
    lines = (REPO / "datasets" / "SHA256SUMS").read_text().split("\n")
    sums = dict(reversed(line.split()) for line in lines if line.strip())
    assert sums == datasets.SHA256
