"""Names in the visitor's language: of a run, a setting, a chart's axes, a divergence's cause."""

from __future__ import annotations

from typing import TYPE_CHECKING

import dnn
from ui.core.i18n import t
from ui.core.settings import PRESETS, Settings

if TYPE_CHECKING:
    from ui.core.runs import RunRecord


def lesson_name(settings: Settings) -> str | None:
    """``4-layer (lesson)`` when ``settings`` are one of the lesson's runs, else None."""
    preset = settings.preset()
    return t("label_lesson", name=t("label_" + preset)) if preset in PRESETS else None


def describe(settings: Settings) -> str:
    """A run's label: its architecture (a preset's name) and every setting unlike the lesson's.

    E.g. "4-layer (lesson)", "4-layer · init He · Adam · batch 64 · 5,000 it.".
    """
    lesson = lesson_name(settings)
    if lesson:
        return lesson
    name = next((n for n, h in PRESETS.items() if h == settings.hidden), None)
    if name:
        parts = [t("label_" + name)]
    else:
        parts = ["[" + ", ".join(str(n) for n in settings.layer_dims) + "]"]
    for field, value in settings.changes():
        if field in ("activation", "initialization", "optimizer"):
            parts.append(t(f"label_{field}", v=t(f"label_{field}_{value}")))
        elif field == "batch_size":
            parts.append(t("label_batch", v=value))
        elif field == "iterations":
            parts.append(t("label_iterations", v=f"{value:,}"))
        else:
            parts.append(t("label_" + field, v=f"{value:g}"))
    return " · ".join(parts)


def run_name(record: RunRecord) -> str:
    """``#3 4-layer (lesson) · Adam``: the run's number and what differs from the lesson."""
    return f"#{record.run_id} {describe(record.settings)}"


def percent(value: float | None) -> str:
    """``98.6%``, or a dash when there is nothing to show."""
    return "—" if value is None else f"{value:.1%}"


def chart_labels(validation: bool = False) -> dict[str, str]:
    """Axis and legend text for the charts, in the UI's language.

    ``validation``: the held-out curve is that of the validation pictures, not the test ones.
    """
    keys = ("cost", "train", "test", "iteration", "accuracy", "peak", "peak_name", "smoothed")
    labels = {k: t("chart_" + k) for k in keys + ("printed",)}
    if validation:
        labels.update({k: t("chart_val_" + k) for k in ("test", "peak", "peak_name", "smoothed")})
    return labels


def divergence_text(divergence: dnn.Divergence) -> str:
    """The setting that most likely made a run diverge, in the visitor's language."""
    return t("diverged_" + divergence.cause, **divergence.values)
