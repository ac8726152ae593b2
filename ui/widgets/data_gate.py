"""What a page shows when the data is missing or damaged: the download, its progress, what to do.

On a fresh machine the first visit starts the download by itself, and every session waiting for
it shows its progress. A failure says what to do (offline: copy the files, or set DNN_DATA_DIR);
the button tries again. The browser is never shown a server path, only ``datasets/`` or
"the folder named by DNN_DATA_DIR".
"""

from __future__ import annotations

import streamlit as st

import dnn
from dnn.datasets import REPO_DATA_DIR, DatasetMissingError, data_dir
from dnn.datasets.download import DownloadError
from ui.core.data import SharedData, _Job, _jobs, _load, shared_data, start_download
from ui.core.i18n import explain, t

SHELL_HINT = ".venv/bin/python -m dnn.datasets download"  # as the README says


_AUTO = "_data_auto_download"  # session key: this session's first visit started a download


_JOB = "_data_download"  # session key: the download this session last followed


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
        job = st.session_state[_JOB] = start_download(folder)
        _follow(job, slot)
        if job.error is None:
            _load.clear()
            st.toast(t("download_done"))
            st.rerun()
    job = st.session_state.get(_JOB)
    if job is not None and not job.thread.is_alive() and job.error is not None:
        slot.error(failure_text(job.error))


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
