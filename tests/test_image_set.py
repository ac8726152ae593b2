"""Writing and reading a picture set in the lesson's layout (the base of "your own classes")."""

import io
import os

import h5py
import numpy as np
import pytest

import dnn
from dnn.datasets import DatasetError, image_set_bytes, load_image_set, save_image_set
from ui.core.strings import EN, ZH


def pictures(m, seed=0):
    rng = np.random.RandomState(seed)
    images = rng.randint(0, 256, (m, 64, 64, 3), dtype=np.uint8)
    labels = np.arange(m) % 2
    return images, labels


def test_round_trip_through_a_path_bytes_and_a_file_object(tmp_path):
    images, labels = pictures(12)
    classes = ("ginger cat", "猫以外 🐶")
    path = tmp_path / "mine.h5"
    save_image_set(path, images, labels, classes, prefix="train")
    blob = image_set_bytes(images, labels, classes, prefix="train")
    for source in (path, str(path), blob, io.BytesIO(blob)):
        got = load_image_set(source)
        assert got.prefix == "train" and got.classes == classes
        np.testing.assert_array_equal(got.images, images)
        np.testing.assert_array_equal(got.labels, labels)
        assert got.images.dtype == np.uint8 and got.labels.dtype == np.int64
        assert got.x.shape == (12288, 12) and got.y.shape == (1, 12)
        np.testing.assert_array_equal(got.x[:, 3], images[3].ravel() / 255)
        with pytest.raises(ValueError):
            got.images[0, 0, 0, 0] = 1  # read-only


def test_a_written_file_loads_with_plain_h5py_as_the_lesson_loads_its_data(tmp_path):
    images, labels = pictures(7)
    path = tmp_path / "two_classes.h5"
    save_image_set(path, images, labels, ["cat", "不是猫"], prefix="test")
    # the lesson's load_data(), word for word but for the file name and the prefix
    test_dataset = h5py.File(path, "r")
    test_set_x_orig = np.array(test_dataset["test_set_x"][:])
    test_set_y_orig = np.array(test_dataset["test_set_y"][:])
    classes = np.array(test_dataset["list_classes"][:])
    test_set_y_orig = test_set_y_orig.reshape((1, test_set_y_orig.shape[0]))
    np.testing.assert_array_equal(test_set_x_orig, images)
    np.testing.assert_array_equal(test_set_y_orig, labels.reshape(1, -1))
    assert [c.decode("utf-8") for c in classes] == ["cat", "不是猫"]
    assert sorted(test_dataset.keys()) == ["list_classes", "test_set_x", "test_set_y"]
    assert test_dataset["test_set_y"].dtype == np.int64
    test_dataset.close()


def test_the_lessons_files_are_read_by_the_same_code(data):
    folder = dnn.datasets.data_dir()
    got = load_image_set(folder / "train_catvnoncat.h5")  # no expectations given
    assert got.prefix == "train" and got.classes == ("non-cat", "cat")
    np.testing.assert_array_equal(got.x, data.train_x)
    np.testing.assert_array_equal(got.y, data.train_y)
    with pytest.raises(DatasetError, match="has shape"):  # the lesson's fixed expectations
        load_image_set(folder / "test_catvnoncat.h5", "test", m=209)
    with pytest.raises(DatasetError, match="list_classes must be"):
        load_image_set(folder / "test_catvnoncat.h5", "test", classes=("dog", "cat"))


def forge(path, case):
    """A file in the layout, then changed the way ``case`` says."""
    images, labels = pictures(10)
    save_image_set(path, images, labels, ("a", "b"))
    secret = path.parent / "secret.h5"
    save_image_set(secret, images, labels, ("a", "b"), prefix="secret")
    with h5py.File(path, "a") as f:
        if case == "external_link":
            del f["train_set_x"]
            f["train_set_x"] = h5py.ExternalLink(str(secret), "/secret_set_x")
        elif case == "soft_link":
            del f["train_set_y"]
            f["train_set_y"] = h5py.SoftLink("/list_classes")
        elif case == "virtual":
            del f["train_set_x"]
            layout = h5py.VirtualLayout(shape=(10, 64, 64, 3), dtype=np.uint8)
            layout[:] = h5py.VirtualSource(str(secret), "secret_set_x", shape=(10, 64, 64, 3))
            f.create_virtual_dataset("train_set_x", layout)
        elif case == "external_storage":
            raw = path.parent / "server_file.bin"
            raw.write_bytes(b"\x01" * (10 * 64 * 64 * 3))
            del f["train_set_x"]
            size = h5py.h5f.UNLIMITED
            f.create_dataset(
                "train_set_x", (10, 64, 64, 3), np.uint8, external=[(str(raw), 0, size)]
            )
        elif case in ("huge_shape", "huge_labels"):
            # declared, never written: a few KB on disk that claim gigabytes
            key = "train_set_x" if case == "huge_shape" else "train_set_y"
            shape = (10**7, 64, 64, 3) if case == "huge_shape" else (10**9,)
            del f[key]
            f.create_dataset(key, shape, np.uint8 if case == "huge_shape" else np.int64)
        elif case == "huge_class_names":
            del f["list_classes"]
            f["list_classes"] = np.array([b"a" * 100_000, b"b"])
        elif case == "float_images":
            del f["train_set_x"]
            f["train_set_x"] = images.astype(np.float32)
        elif case == "float_labels":
            del f["train_set_y"]
            f["train_set_y"] = labels.astype(np.float64)
        elif case == "labels_2":
            f["train_set_y"][0] = 2
        elif case == "not_utf8":
            del f["list_classes"]
            f["list_classes"] = np.array([b"\xff\xfe", b"cat"])
        elif case == "same_names":
            del f["list_classes"]
            f["list_classes"] = np.array([b"cat", b"cat"])
        elif case == "three_classes":
            del f["list_classes"]
            f["list_classes"] = np.array([b"a", b"b", b"c"])
        elif case == "vlen_names":
            del f["list_classes"]
            f["list_classes"] = ["a", "b"]  # variable-length strings, not the lesson's
        elif case == "lzf":
            del f["train_set_x"]
            f.create_dataset("train_set_x", data=images, compression="lzf")
        elif case == "extra_key":
            f["more"] = labels
        elif case == "two_prefixes":
            f["test_set_x"] = images
    return path


@pytest.mark.parametrize(
    "case,code",
    [
        ("external_link", "dataset_link"),
        ("soft_link", "dataset_link"),
        ("virtual", "dataset_virtual"),
        ("external_storage", "dataset_external"),
        ("huge_shape", "dataset_count"),
        ("huge_labels", "dataset_shape"),
        ("huge_class_names", "dataset_dtype"),
        ("float_images", "dataset_dtype"),
        ("float_labels", "dataset_dtype"),
        ("labels_2", "dataset_labels"),
        ("not_utf8", "dataset_class_names"),
        ("same_names", "dataset_class_names"),
        ("three_classes", "dataset_shape"),
        ("vlen_names", "dataset_dtype"),
        ("lzf", "dataset_filter"),
        ("extra_key", "dataset_keys"),
        ("two_prefixes", "dataset_keys"),
    ],
)
def test_forged_files_are_refused_with_a_code_in_both_languages(tmp_path, case, code):
    path = forge(tmp_path / "upload.h5", case)
    for source in (path, path.read_bytes()):
        with pytest.raises(DatasetError) as e:
            load_image_set(source)
        assert e.value.code == code, e.value
        assert e.value.values["file"] in ("upload.h5", "the file")
        for strings in (EN, ZH):  # every value the text needs is there; no folder is named
            text = strings[f"err_{code}"].format(**e.value.values)
            assert str(tmp_path) not in text


def test_gzip_storage_from_other_tools_is_accepted(tmp_path):
    images, labels = pictures(5)
    path = tmp_path / "gz.h5"
    with h5py.File(path, "w") as f:
        f.create_dataset("mine_set_x", data=images, compression="gzip", shuffle=True)
        f["mine_set_y"] = labels
        f["list_classes"] = np.array([b"yes", b"no"])
    got = load_image_set(path)
    assert got.prefix == "mine" and got.classes == ("yes", "no")
    np.testing.assert_array_equal(got.images, images)


def test_bounds_on_the_number_of_pictures_and_the_file_size(tmp_path):
    images, labels = pictures(3)
    blob = image_set_bytes(images, labels, ("a", "b"))
    with pytest.raises(DatasetError) as e:
        load_image_set(blob, max_images=2)
    assert e.value.code == "dataset_count"
    with pytest.raises(DatasetError) as e:
        load_image_set(b"\0" * (2 * 2**20), max_images=1)  # refused before parsing
    assert e.value.code == "dataset_too_big"


def test_paths_that_are_not_regular_files(tmp_path):
    fifo = tmp_path / "pipe.h5"
    os.mkfifo(fifo)  # opening it would wait forever for a writer
    for path in (fifo, tmp_path, tmp_path / "nothing.h5"):
        with pytest.raises(DatasetError) as e:
            load_image_set(path)
        assert e.value.code == "dataset_not_file"
    (tmp_path / "junk.h5").write_bytes(b"junk" * 100)
    with pytest.raises(DatasetError) as e:
        load_image_set(tmp_path / "junk.h5")
    assert e.value.code == "dataset_unreadable" and "not a readable HDF5" in str(e.value)


@pytest.mark.parametrize(
    "change,code",
    [
        (dict(images=np.zeros((3, 64, 64), np.uint8)), "dataset_count"),
        (dict(images=np.zeros((0, 64, 64, 3), np.uint8)), "dataset_count"),
        (dict(images=np.zeros((2001, 64, 64, 3), np.uint8)), "dataset_count"),
        (dict(images=np.zeros((3, 64, 64, 3), np.float64)), "dataset_dtype"),
        (dict(labels=np.array([0, 1])), "dataset_shape"),
        (dict(labels=np.array([0, 1, 2])), "dataset_labels"),
        (dict(labels=np.array([0.0, 1.0, 0.0])), "dataset_dtype"),
        (dict(classes=("cat",)), "dataset_class_names"),
        (dict(classes=("cat", "cat")), "dataset_class_names"),
        (dict(classes=("cat", "")), "dataset_class_names"),
        (dict(classes=("cat", "x" * 41)), "dataset_class_names"),
        (dict(classes=("cat", "dog\n")), "dataset_class_names"),
        (dict(classes=("cat", "a\u202eb")), "dataset_class_names"),  # right-to-left override
        (dict(classes=("cat", 7)), "dataset_class_names"),
        (dict(prefix="Train-set"), "dataset_prefix"),
    ],
)
def test_the_writer_refuses_what_the_reader_would(tmp_path, change, code):
    images, labels = pictures(3)
    args = dict(images=images, labels=labels, classes=("cat", "dog"), prefix="train") | change
    with pytest.raises(DatasetError) as e:
        save_image_set(tmp_path / "out.h5", **args)
    assert e.value.code == code
    assert not (tmp_path / "out.h5").exists()
    assert f"err_{code}" in EN and f"err_{code}" in ZH


def test_forty_character_names_in_any_script_are_accepted(tmp_path):
    images, labels = pictures(2)
    names = ("猫" * 40, "x" * 40)
    save_image_set(tmp_path / "ok.h5", images, labels, names)
    assert load_image_set(tmp_path / "ok.h5").classes == names
