"""A run's result as the training and own-classes pages show it: chart, status, four numbers."""

from __future__ import annotations

import streamlit as st

from ui.core import checks, presenting
from ui.core.checks import guessing_cost
from ui.core.figures import charts as figures
from ui.core.i18n import t
from ui.core.labels import chart_labels, divergence_text, percent
from ui.core.live import MAX_RUN_SECONDS
from ui.core.runs import RunRecord, run_checkpoints
from ui.core.validation import columns
from ui.widgets import chart as described

CHART_POINTS = 2500  # the final chart: every iteration of the lesson's run, at most this many


def result_chart(record: RunRecord | None, chart, data=None, every: int | None = None) -> None:
    """The run's chart (empty axes before the first run), every point up to CHART_POINTS.

    With ``data`` (the pictures the page trains on), a star marks where the held-out accuracy
    really peaked (see :func:`held_out_pictures`); ``every``: the cost every that many
    iterations only, as the lesson prints it.
    """
    height = 420  # presenter mode: fits 1280×720 beside the numbers (tests/browser)
    if record is None:
        fig = figures.training_chart([], (), chart_labels(), height=height, every=every)
    else:
        fig = figures.training_chart(
            record.costs,
            run_checkpoints(record),
            chart_labels(bool(record.settings.validation)),
            max_points=CHART_POINTS,
            height=height,
            pictures=held_out_pictures(record, data),
            every=every,
        )
    described.show(fig, chart, key="result_chart")


def held_out_pictures(record: RunRecord, data) -> int | None:
    """How many pictures the run's held-out curve is measured on; None: mark no peak.

    No peak on a run that diverged or learned nothing useful (:func:`checks.diagnose`): its
    accuracy curve says nothing about when to stop.
    """
    if data is None or record.status == "diverged" or not record.costs:
        return None
    if checks.diagnose(record.costs, record.cat_share, guessing_cost(data.train_y)):
        return None
    if record.settings.validation:
        return int(columns(data.train_y, record.settings.validation)[1].size)
    return int(data.test_y.shape[1])


def held_out_caption(record: RunRecord | None, data) -> None:
    """What a step of the held-out curve is worth, and what the star means (or would mean)."""
    share = record.settings.validation if record is not None else 0
    if share:
        held = int(columns(data.train_y, share)[1].size)
        kept = int(data.train_y.shape[1]) - held
        step = f"{100 / held:.1f}"
        st.caption(t("val_caption", n=held, kept=kept, step=step, share=share))
    else:
        n = int(data.test_y.shape[1])
        st.caption(t("peak_caption", n=n, step=f"{100 / n:g}"))


def summary(
    record: RunRecord, metrics, data, names=None, resumable=True, note: str | None = None
) -> None:
    """How the run ended, the last One step, and the four numbers (in ``metrics``).

    ``data.train_y`` are the labels the run trained on; ``names`` the classes of labels 0, 1;
    ``resumable`` False where there is no Continue (see :func:`status_message`); ``note``
    what the page adds under the status (the last One step's costs).
    """
    status_message(record, guessing_cost(data.train_y), names, resumable)
    if note:
        st.info(note)
    if record.val_accuracy is not None:
        st.caption(
            t("val_result", acc=percent(record.val_accuracy), share=record.settings.validation)
        )
    boxes = [metrics.container() for _ in range(4)] if presenting.on() else metrics.columns(4)
    boxes[0].metric(t("train_accuracy"), percent(record.train_accuracy))
    boxes[1].metric(t("test_accuracy"), percent(record.test_accuracy))
    planned = t("of_planned", n=f"{record.planned:,}") if not record.done else None
    boxes[2].metric(t("iterations_done"), f"{record.iteration:,}", help=planned)
    boxes[3].metric(
        t("time"), t("seconds", s=f"{record.seconds:.2f}"), help=t("engine_" + record.engine)
    )


def stall_text(values: dict, settings) -> str:
    """Why a run stalled, from what the run did: a jump of J, a small start, or neither."""
    said = t("useless_stalled", last=f"{values['last']:.3f}", guess=f"{values['guess']:.3f}")
    if values.get("jumped"):  # the learning rate, whatever the initialization
        jump = {"first": f"{values['first']:.3f}", "peak": f"{values['peak']:,.3f}"}
        return said + " " + t("stall_jumped", at=values["at"], **jump)
    if getattr(settings, "initialization", None) == "small":
        return said + " " + t("stall_small_init")
    return said + " " + t("stall_other")


def status_message(record: RunRecord, guess: float, names=None, resumable=True) -> None:
    """How the run ended (info, warning or success box), and whether it learned anything.

    ``guess`` is the cost of guessing the share of cats (:func:`ui.core.checks.guessing_cost`);
    ``names`` the class names of labels 0 and 1 (default: non-cat, cat); ``resumable`` False
    on a page without Continue (its texts then say to train again).
    """
    i, n = record.iteration, record.planned
    end = "" if resumable else "_final"
    if record.status == "diverged":
        why = divergence_text(record.divergence)
        st.warning(t("status_diverged_cause", i=record.diverged_at, kept=i, cause=why))
    elif record.status == "timed_out":
        st.warning(t("status_timed_out" + end, s=MAX_RUN_SECONDS, i=i) + " " + t("plan_left", n=n))
    elif i == 0:
        st.info(t("status_zero" + end))
    elif not record.done:
        st.info(t("status_paused" + end, i=i, n=n))
    else:
        st.success(t("status_finished", n=i, s=f"{record.seconds:.2f}"))  # n = 1: "1 iteration"
    if record.status == "diverged":
        return
    reasons = checks.diagnose(record.costs, record.cat_share, guess)
    if any(code == "cost_up" for code, _ in reasons):
        st.warning(t("cost_went_up"))
    useless = []
    for code, values in reasons:
        if code == "one_class":
            names = names or (t("class_noncat"), t("class_cat"))
            useless.append(t("useless_one_class", cls=names[1 if values["cat"] else 0]))
        elif code == "stalled":
            useless.append(stall_text(values, record.settings))
    if useless and record.done:
        st.warning(t("useless_intro") + " " + " ".join(useless))
