"""The data set, loaded once per server and shared read-only by every session; fetched if missing.

On a fresh machine the first visit starts the download by itself. One download runs per data
folder, in a thread of its own (a visitor leaving the page does not stop it; a second visitor
follows the same download instead of starting another), and every session waiting for it shows
its progress. A failure says what to do (offline: copy the files, or set DNN_DATA_DIR); the
button tries again. The browser is never shown a server path, only ``datasets/`` or
"the folder named by DNN_DATA_DIR".
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import streamlit as st

import dnn
from dnn.datasets import REPO_DATA_DIR, DatasetMissingError, data_dir
from dnn.datasets.download import DownloadError, download
from dnn.dual import gram
from ui.i18n import explain, t

SHELL_HINT = ".venv/bin/python -m dnn.datasets download"  # as the README says
_AUTO = "_data_auto_download"  # session key: this session's first visit started a download
_JOB = "_data_download"  # session key: the download this session last followed


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
    """The data, or a message saying what is wrong and how to fix it, then ``st.stop()``.

    Missing data is downloaded by itself on the session's first visit, with a progress bar;
    damaged data is replaced when the visitor clicks the button.
    """
    try:
        return shared_data()
    except DatasetMissingError:
        st.info(t("data_missing", folder=folder_name()))
        _offer_download(auto=True)
    except dnn.DatasetError as exc:
        st.error(t("data_damaged", error=f"{exc.values.get('file', '')}: {explain(exc)}"))
        _offer_download(auto=False)
    st.stop()


def folder_name() -> str:
    """The data folder as the browser may see it (never an absolute server path)."""
    if data_dir().resolve() == REPO_DATA_DIR.resolve():
        return "`datasets/`"
    return t("data_folder_env")


def failure_text(error: DownloadError) -> str:
    """A failed download in the visitor's language: each mirror's answer, and what to do."""
    values = dict(error.values)
    if error.code == "download_failed":
        values["reasons"] = "; ".join(
            t(f"download_reason_{kind}", host=host, detail=detail)
            for host, kind, detail in values["failures"]
        )
    text = t(f"err_{error.code}", **values)
    return t("download_failed", error=text) + "\n\n" + t("download_offline", folder=folder_name())


def _offer_download(auto: bool) -> None:
    """The shell hint and the button; the download itself when it is due, in ``slot``."""
    folder = str(data_dir())
    slot = st.empty()  # the progress bar, then the failure if there is one
    st.code(SHELL_HINT, language="bash")
    clicked = st.button(t("download_button"), key="download_data", type="primary")
    running = _jobs.get(folder)
    first = auto and not st.session_state.get(_AUTO)
    if clicked or first or (running is not None and running.thread.is_alive()):
        st.session_state[_AUTO] = True
        job = st.session_state[_JOB] = _start(folder)
        _follow(job, slot)
        if job.error is None:
            _load.clear()
            st.toast(t("download_done"))
            st.rerun()
    job = st.session_state.get(_JOB)
    if job is not None and not job.thread.is_alive() and job.error is not None:
        slot.error(failure_text(job.error))


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


def _start(folder: str) -> _Job:
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


def _follow(job: _Job, slot) -> None:
    """Show ``job``'s progress in ``slot`` until it ends, then clear the slot."""
    while job.thread.is_alive():
        if job.total:
            done, total = f"{job.done / 1e6:.1f}", f"{job.total / 1e6:.1f}"
            text = t("download_progress", file=job.file, done=done, total=total)
            slot.progress(min(job.done / job.total, 1.0), text=text)
        else:
            slot.progress(0.0, text=t("download_starting"))
        job.thread.join(0.2)
    slot.empty()
