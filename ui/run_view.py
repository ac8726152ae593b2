"""What the training page shows of its runs: the result, the comparison, and the model's tabs."""

from __future__ import annotations

import numpy as np
import streamlit as st

import dnn
from ui import figures, kept, presenter, run_actions, state
from ui.controls import describe
from ui.i18n import t
from ui.run_checks import guessing_cost, unit_correlations
from ui.training import CHART_POINTS, chart_labels, checkpoints, status_message

WEIGHT_UNITS = 12  # first-layer units drawn (raw and change side by side)


def run_name(record: state.RunRecord) -> str:
    """``#3 4-layer (lesson) · Adam``: the run's number and what differs from the lesson."""
    return f"#{record.run_id} {describe(record.settings)}"


def percent(value: float | None) -> str:
    """``98.6%``, or a dash when there is nothing to show."""
    return "—" if value is None else f"{value:.1%}"


def result_chart(record: state.RunRecord | None, chart) -> None:
    """The run's chart (empty axes before the first run), every point up to CHART_POINTS."""
    height = 420  # presenter mode: fits 1280×720 beside the numbers (tests/browser)
    if record is None:
        fig = figures.training_chart([], (), chart_labels(), height=height)
    else:
        fig = figures.training_chart(
            record.costs,
            checkpoints(record.history),
            chart_labels(),
            max_points=CHART_POINTS,
            height=height,
        )
    chart.plotly_chart(fig, key="result_chart")


def summary(record: state.RunRecord, metrics, data, names=None, resumable=True) -> None:
    """How the run ended, the last One step, and the four numbers (in ``metrics``).

    ``data.train_y`` are the labels the run trained on; ``names`` the classes of labels 0, 1;
    ``resumable`` False where there is no Continue (see :func:`ui.training.status_message`).
    """
    status_message(record, guessing_cost(data.train_y), names, resumable)
    step = st.session_state.get("last_step")
    if step and step[:2] == (record.run_id, record.iteration):
        st.info(t("one_step_result", i=step[1], before=f"{step[2]:.6f}", after=f"{step[3]:.6f}"))
    boxes = [metrics.container() for _ in range(4)] if presenter.on() else metrics.columns(4)
    boxes[0].metric(t("train_accuracy"), percent(record.train_accuracy))
    boxes[1].metric(t("test_accuracy"), percent(record.test_accuracy))
    planned = t("of_planned", n=f"{record.planned:,}") if not record.done else None
    boxes[2].metric(t("iterations_done"), f"{record.iteration:,}", help=planned)
    boxes[3].metric(
        t("time"), t("seconds", s=f"{record.seconds:.2f}"), help=t("engine_" + record.engine)
    )


def compare_tab() -> None:
    """Overlay the session's runs (the last ten are kept): costs, and accuracies on request."""
    runs = st.session_state.runs
    names = {r.run_id: run_name(r) for r in runs}
    # the choice outlives a visit to another page or tab (Streamlit forgets undrawn widgets)
    shown = [i for i in kept.value("compare_runs", list(names)[-3:]) if i in names]
    kept.put("compare_runs", shown)
    chosen = st.multiselect(
        t("compare_pick"), list(names), format_func=names.get, key="compare_runs"
    )
    kept.mirror("compare_runs")
    kept.keep("compare_accuracy", False)
    accuracy = st.toggle(t("compare_accuracy"), key="compare_accuracy")
    kept.mirror("compare_accuracy")
    picked = [r for r in runs if r.run_id in chosen]
    if len(picked) < 2:  # one run is the chart above (and a class's first runs cost less)
        st.caption(t("compare_one"))
    else:
        series = [(names[r.run_id], r.costs, checkpoints(r.history)) for r in picked]
        fig = figures.compare_chart(series, chart_labels(), accuracy=accuracy)
        st.plotly_chart(fig, key="compare_chart")
    st.dataframe(
        [
            {
                t("run"): names[r.run_id],
                t("train_accuracy"): percent(r.train_accuracy),
                t("test_accuracy"): percent(r.test_accuracy),
                t("iterations_done"): f"{r.iteration:,}",
                t("final_cost"): f"{r.costs[-1]:.6f}" if r.costs else "—",
            }
            for r in picked
        ],
        hide_index=True,
    )


def weights_tab(params, record: state.RunRecord) -> None:
    """W^[1] after training beside what training changed, with how much of the start is left."""
    W = params["W1"]  # (n_1, 12288)
    W0 = run_actions.initial_first_layer(record.settings)
    corr = unit_correlations(W, W0)
    st.write(t("weights_intro"))
    unit = t("unit")
    left, right = st.columns(2)
    with left:
        st.markdown(t("weights_trained"))
        fig = figures.weight_images(W, WEIGHT_UNITS, 4, unit_label=unit)
        st.plotly_chart(fig, key="weights")
    with right:
        st.markdown(t("weights_change"))
        fig = figures.weight_images(W - W0, WEIGHT_UNITS, 4, unit_label=unit, centered=True)
        st.plotly_chart(fig, key="weights_change")
    st.caption(
        t(
            "weights_caption",
            lo=f"{corr.min():.2f}",
            hi=f"{corr.max():.2f}",
            median=f"{np.median(corr):.2f}",
        )
    )


def mistakes_tab(proba, data) -> None:
    """The test pictures the model gets wrong."""
    classes = [t("class_noncat"), t("class_cat")]
    wrong = np.flatnonzero((proba[0] > 0.5) != (data.test_y[0] == 1))
    st.write(t("mistakes_intro", n=len(wrong), m=data.test_y.shape[1]))
    if len(wrong):
        st.image(
            [data.test_images[i] for i in wrong],
            width=128,
            caption=[
                t("mistake_caption", p=f"{proba[0, i]:.2f}", truth=classes[int(data.test_y[0, i])])
                for i in wrong
            ],
        )


def model_tabs(tabs, params, record: state.RunRecord, data, downloads) -> None:
    """Confusion matrix, mistakes, first-layer weights and downloads of the current model.

    Only the open tab is computed and sent (the tabs rerun the page when one is chosen): the
    weight pictures alone cost ~90 ms, and a class of 30 finishes its runs at the same moment.
    """
    hidden = record.config.hidden_activation
    classes = [t("class_noncat"), t("class_cat")]
    if tabs[0].open:
        with tabs[0]:
            proba = dnn.predict_proba(params, data.test_x, hidden)
            labels = {"true": t("true_class"), "predicted": t("predicted_class")}
            fig = figures.confusion_matrix(data.test_y, proba > 0.5, classes, labels)
            st.plotly_chart(fig, key="confusion")
    if tabs[1].open:
        with tabs[1]:
            mistakes_tab(dnn.predict_proba(params, data.test_x, hidden), data)
    if tabs[2].open:
        with tabs[2]:
            weights_tab(params, record)
    if tabs[3].open:
        with tabs[3]:
            downloads(params, record)
