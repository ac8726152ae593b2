"""The current run as files: its cost history (CSV) and its model (``.safetensors``)."""

from __future__ import annotations

import csv
import io

from dnn.model_io import model_bytes
from ui.core.i18n import t
from ui.core.runs import RunRecord, model_metadata
from ui.widgets.downloads import file_button, model_button


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
    name = f"cat_model_run{record.run_id}.safetensors"
    model_button(lambda: download_model(params, record), name, "download_model")
    build = lambda: costs_csv(record)  # noqa: E731
    file_button(
        t("download_costs"), build, f"costs_run{record.run_id}.csv", "text/csv", "download_costs"
    )
