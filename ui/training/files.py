"""The current run as files: its cost history (CSV) and its model (``.safetensors``)."""

from __future__ import annotations

import csv
import io

import streamlit as st

from dnn.model_io import model_bytes
from ui.core.i18n import t
from ui.core.runs import RunRecord, model_metadata


def costs_csv(record: RunRecord) -> bytes:
    """iteration,cost rows, plus the accuracies where they were measured."""
    acc = {p.iteration: p for p in record.history}
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["iteration", "cost", "train_accuracy", "test_accuracy"])
    for i, c in enumerate(record.costs):
        p = acc.get(i)
        w.writerow([i, repr(c), p.train_accuracy if p else "", p.test_accuracy if p else ""])
    return buf.getvalue().encode()


def download_model(params, record: RunRecord) -> bytes:
    """The current model as .safetensors bytes."""
    return model_bytes(params, **model_metadata(record))


def downloads(params, record: RunRecord) -> None:
    """The model and its cost history, as two download buttons."""
    # files are built when clicked, not on every rerun (a big model compresses for seconds);
    # a click must not rerun the page: the rerun can drop the file's answer, leaving the button
    # spinning with no download (seen in Chromium 2 times in 10)
    st.download_button(
        t("model_file_download"),
        lambda: download_model(params, record),
        file_name=f"cat_model_run{record.run_id}.safetensors",
        mime="application/octet-stream",
        key="download_model",
        on_click="ignore",
    )
    st.download_button(
        t("download_costs"),
        lambda: costs_csv(record),
        file_name=f"costs_run{record.run_id}.csv",
        mime="text/csv",
        key="download_costs",
        on_click="ignore",
    )
