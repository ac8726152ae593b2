"""The app without its data: downloads on the first visit, offline messages, damaged files."""

import shutil
import threading

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from bench.fuzz_data import mutate
from dnn import datasets
from dnn.datasets import DatasetError, load_image_set
from tests.apptest_helpers import APP, PAGES, app, texts
from tests.conftest import serve

SHELL_HINT = ".venv/bin/python -m dnn.datasets download"


def visit(page=None, lang="en"):
    """A first visit to ``page`` in ``lang``."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang  # as a link with ?lang= gives it
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def on_screen(at) -> str:
    """Every text the visitor can read, code blocks and progress bars included."""
    bars = [e.proto.text for e in at.get("progress")]
    return "\n".join([texts(at), *[c.value for c in at.code], *bars])


def test_first_visit_downloads_with_no_click(tmp_path, monkeypatch, mirror):
    target = tmp_path / "fresh"
    monkeypatch.setenv("DNN_DATA_DIR", str(target))
    monkeypatch.setenv("DNN_DATA_MIRRORS", f"{mirror}/good/")
    at = visit()  # the theory page, the app's first page
    assert not at.exception, at.exception
    assert datasets.load_dataset(target).train_x.shape == (12288, 209)
    assert "209 training and 50 test" in texts(at)  # its data section has the pictures
    assert not at.get("progress") and not at.error


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_offline_first_visit_says_what_to_do(tmp_path, monkeypatch, lang):
    monkeypatch.setenv("DNN_DATA_DIR", str(tmp_path / "empty"))  # mirrors: a dead local port
    at = visit("pages/training.py", lang)
    assert not at.exception, at.exception
    failure = at.error[0].value
    if lang == "en":
        assert failure.startswith("The download failed: no mirror delivered train_catvnoncat.h5")
        assert "could not connect to 127.0.0.1" in failure and "no internet access?" in failure
        assert "copy `train_catvnoncat.h5` and `test_catvnoncat.h5`" in failure
        assert "the folder named by DNN_DATA_DIR" in failure
    else:
        assert failure.startswith("下载失败：没有镜像能提供 train_catvnoncat.h5")
        assert "无法连接到 127.0.0.1" in failure and "DNN_DATA_DIR" in failure
    assert [c.value for c in at.code] == [SHELL_HINT]
    assert at.button(key="download_data")  # for another try
    shown = on_screen(at)
    assert not at.get("progress") and "Downloading" not in shown and "正在下载" not in shown
    assert str(tmp_path) not in shown and "/tmp" not in shown  # no server path


def test_the_repository_folder_is_named_relatively(monkeypatch, tmp_path):
    # the default data folder, datasets/, as a visitor on a fresh clone sees it
    monkeypatch.delenv("DNN_DATA_DIR", raising=False)
    empty = tmp_path / "datasets"
    empty.mkdir()
    monkeypatch.setattr(datasets, "REPO_DATA_DIR", empty)
    monkeypatch.setattr("ui.widgets.data_gate.REPO_DATA_DIR", empty)
    at = visit("pages/prediction.py")
    assert not at.exception, at.exception
    assert "(the data folder, `datasets/`, does not have them)" in at.info[0].value
    assert "into the data folder (`datasets/`)" in at.error[0].value
    assert str(tmp_path) not in on_screen(at)


def test_the_button_tries_again(tmp_path, monkeypatch, mirror):
    target = tmp_path / "fresh"
    monkeypatch.setenv("DNN_DATA_DIR", str(target))
    monkeypatch.setenv("DNN_DATA_MIRRORS", f"{mirror}/bad/")
    at = visit("pages/prediction.py")
    assert "failed its SHA-256 check" in at.error[0].value
    monkeypatch.setenv("DNN_DATA_MIRRORS", f"{mirror}/good/")
    at.run()  # a rerun does not start the download again by itself
    assert (
        "failed its SHA-256 check" in at.error[0].value
        and not target.joinpath("train_catvnoncat.h5").exists()
    )
    at.button(key="download_data").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Is it a cat?" and not at.error
    assert datasets.load_dataset(target).test_x.shape == (12288, 50)


def test_concurrent_first_visitors_download_once(data, tmp_path, monkeypatch):
    www = tmp_path / "www"
    www.mkdir()
    for name in datasets.FILES:
        shutil.copy(datasets.data_dir() / name, www / name)
    monkeypatch.setenv("DNN_DATA_DIR", str(tmp_path / "fresh"))
    with serve(www, delay=0.5) as (url, requested):
        monkeypatch.setenv("DNN_DATA_MIRRORS", url)
        visitors = [AppTest.from_file(APP, default_timeout=60) for _ in range(3)]
        threads = [threading.Thread(target=v.run, daemon=True) for v in visitors]
        for th in threads:
            th.start()
        for th in threads:
            th.join(timeout=90)
        assert not any(th.is_alive() for th in threads), "a first visit never ended"
    assert sorted(requested) == sorted(f"/{name}" for name in datasets.FILES)
    for at in visitors:
        assert not at.exception, at.exception
        assert "209 training and 50 test" in texts(at)


def runtime_error_copy(name: str) -> bytes:
    """A mutated copy of a real file on which h5py raises a plain RuntimeError."""
    original = (datasets.data_dir() / name).read_bytes()
    prefix, m = datasets.FILES[name]
    for seed in range(10_000):
        _, damaged = mutate(original, np.random.RandomState(seed))
        try:
            load_image_set(damaged, prefix, m=m, classes=datasets.CLASSES)
        except DatasetError as exc:
            if isinstance(exc.__context__, RuntimeError):
                return damaged
    raise AssertionError("no mutation made h5py raise RuntimeError")


def test_damaged_data_is_a_message_on_every_page(data, tmp_path, monkeypatch, mirror):
    folder = tmp_path / "damaged"
    folder.mkdir()
    (folder / "train_catvnoncat.h5").write_bytes(runtime_error_copy("train_catvnoncat.h5"))
    shutil.copy(datasets.data_dir() / "test_catvnoncat.h5", folder)
    monkeypatch.setenv("DNN_DATA_DIR", str(folder))
    for page in [None, *PAGES]:
        at = app(page)
        assert not at.exception, at.exception
        assert at.error[0].value.startswith("The data is damaged: download it again.")
        assert "train_catvnoncat.h5: it is not a readable HDF5 file" in at.error[0].value
        assert str(folder) not in on_screen(at)
        assert [c.value for c in at.code][-1] == SHELL_HINT
    theory = app()  # the theory page still teaches: its sections before the data are all there
    assert len(theory.header) >= 6 and len(theory.latex) >= 5
    monkeypatch.setenv("DNN_DATA_MIRRORS", f"{mirror}/good/")
    theory.button(key="download_data").click().run()  # replaces the damaged file
    assert not theory.exception and not theory.error
    assert "209 training and 50 test" in texts(theory)
