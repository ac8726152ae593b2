"""The data set, loaded once per server and shared read-only by every session."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

import dnn
from dnn.datasets import DatasetMissingError, data_dir
from dnn.datasets.download import DownloadError, download
from dnn.dual import gram
from ui.i18n import t


@dataclass(frozen=True)
class SharedData:
    """The dataset plus the Gram matrices the fast engine needs (read-only, one copy)."""

    data: dnn.Dataset
    gram: np.ndarray  # Xᵀ X, (209, 209)
    gram_val: np.ndarray  # Xᵀ X_test, (209, 50)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str) -> SharedData:
    data = dnn.load_dataset(folder)
    G, G_val = gram(data.train_x), gram(data.train_x, data.test_x)
    for a in (G, G_val):
        a.setflags(write=False)
    return SharedData(data, G, G_val)


def shared_data() -> SharedData:
    """The data of the folder in use; raises dnn.DatasetError (missing or damaged files)."""
    return _load(str(data_dir()))


def require_data() -> SharedData:
    """The data, or a message saying what is wrong and how to fix it, then ``st.stop()``."""
    try:
        return shared_data()
    except DatasetMissingError:
        st.info(t("data_missing", folder=str(data_dir())))
        st.code("python -m dnn.datasets download", language="bash")
        if st.button(t("download_button"), key="download_data", type="primary"):
            _download()
    except dnn.DatasetError as exc:
        st.error(t("data_damaged", error=str(exc)))
        st.code("python -m dnn.datasets download", language="bash")
    st.stop()


def _download() -> None:
    bar = st.progress(0.0, text=t("downloading"))

    def progress(name: str, done: int, total: int | None) -> None:
        bar.progress(min(done / total, 1.0) if total else 0.0, text=f"{name}: {done / 1e6:.1f} MB")

    try:
        download(data_dir(), progress=progress)
    except (DownloadError, OSError) as exc:
        st.error(t("download_failed", error=str(exc)))
        return
    _load.clear()
    st.success(t("download_done"))
    st.rerun()
