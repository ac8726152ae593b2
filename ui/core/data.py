"""The data set, loaded once per server and shared read-only by every session; fetched if missing.

One download runs per data folder, in a thread of its own (a visitor leaving the page does not
stop it; a second visitor follows the same download instead of starting another). What a page
shows while the data is missing is :mod:`ui.widgets.data_gate`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import streamlit as st

import dnn
from dnn.datasets import data_dir
from dnn.datasets.download import DownloadError, download
from dnn.dual import gram


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


@dataclass
class _Job:
    """One download of a data folder's files, in a thread of its own; its progress and outcome."""

    thread: threading.Thread | None = None
    file: str = ""
    done: int = 0
    total: int | None = None
    error: DownloadError | None = None


_jobs: dict[str, _Job] = {}  # data folder → its latest download


_jobs_lock = threading.Lock()


def start_download(folder: str) -> _Job:
    """The download running for ``folder``, started now if none is."""
    with _jobs_lock:
        job = _jobs.get(folder)
        if job is None or not job.thread.is_alive():
            job = _jobs[folder] = _Job()
            job.thread = threading.Thread(target=_run, args=(job, folder), daemon=True)
            job.thread.start()
    return job


def _run(job: _Job, folder: str) -> None:
    def progress(name: str, done: int, total: int | None) -> None:
        job.file, job.done, job.total = name, done, total

    try:
        download(folder, progress=progress)
    except DownloadError as exc:
        job.error = exc
