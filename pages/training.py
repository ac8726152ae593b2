"""Training page: choose an architecture, train with a live chart, inspect the result."""

import numpy as np
import streamlit as st

import dnn
from ui import controls, figures, state
from ui.data import require_data
from ui.i18n import t
from ui.router import guard
from ui.training import (
    chart_labels,
    checkpoints,
    costs_csv,
    divergence_text,
    download_model,
    status_message,
    stream,
)

guard()


def run_buttons(shared, config, chart, bar, clicked):
    """Start, continue or reset a run as the clicked button asks; return (trainer, record)."""
    train, stop, more, reset, extra = clicked
    data = shared.data
    if reset:
        state.reset()
    trainer, record = st.session_state.trainer, state.current_run()
    if train:
        trainer = dnn.Trainer(
            data.train_x,
            data.train_y,
            config,
            data.test_x,
            data.test_y,
            gram=shared.gram,
            gram_val=shared.gram_val,
        )
        record = state.new_run(trainer, controls.describe(config, st.session_state.preset))
        stream(trainer, record, config.num_iterations, data, chart, bar)
    elif more and trainer is not None and record is not None:
        if trainer.status == "diverged":
            why = divergence_text(trainer.divergence)
            st.warning(t("cannot_continue_diverged_cause", cause=why))
        else:
            stream(trainer, record, int(extra), data, chart, bar)
    elif (more or stop) and trainer is None:
        st.info(t("nothing_to_continue"))
    return trainer, record


def summary(record, chart):
    """The run's chart, how it ended, and its numbers."""
    fig = figures.training_chart(record.costs, checkpoints(record.history), chart_labels())
    chart.plotly_chart(fig, key="result_chart")
    status_message(record)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("train_accuracy"), f"{record.train_accuracy:.1%}")
    m2.metric(t("test_accuracy"), f"{record.test_accuracy:.1%}")
    m3.metric(t("iterations_done"), f"{record.iteration:,}")
    m4.metric(t("time"), f"{record.seconds:.2f} s", help=t("engine_" + record.engine))


def compare_tab():
    """Overlay the session's runs (the last ten are kept)."""
    runs = st.session_state.runs
    names = {r.run_id: f"#{r.run_id} {r.label}" for r in runs}
    kept = st.session_state.get("compare_runs", list(names)[-3:])
    st.session_state.compare_runs = [i for i in kept if i in names]
    chosen = st.multiselect(
        t("compare_pick"), list(names), format_func=names.get, key="compare_runs"
    )
    picked = [r for r in runs if r.run_id in chosen]
    series = [(names[r.run_id], r.costs, checkpoints(r.history)) for r in picked]
    st.plotly_chart(figures.compare_chart(series, chart_labels()), key="compare_chart")
    st.dataframe(
        [
            {
                t("run"): names[r.run_id],
                t("train_accuracy"): r.train_accuracy,
                t("test_accuracy"): r.test_accuracy,
                t("iterations_done"): r.iteration,
                t("final_cost"): r.costs[-1] if r.costs else None,
            }
            for r in picked
        ],
        hide_index=True,
    )


def model_tabs(tabs, params, record, data):
    """Confusion matrix, mistakes, first-layer weights and downloads of the current model."""
    hidden = record.config.hidden_activation
    proba = dnn.predict_proba(params, data.test_x, hidden)
    classes = [t("class_noncat"), t("class_cat")]
    with tabs[0]:
        labels = {"true": t("true_class"), "predicted": t("predicted_class")}
        st.plotly_chart(
            figures.confusion_matrix(data.test_y, proba > 0.5, classes, labels), key="confusion"
        )
    with tabs[1]:
        wrong = np.flatnonzero((proba[0] > 0.5) != (data.test_y[0] == 1))
        st.write(t("mistakes_intro", n=len(wrong), m=data.test_y.shape[1]))
        if len(wrong):
            st.image(
                [data.test_images[i] for i in wrong],
                width=128,
                caption=[
                    t(
                        "mistake_caption",
                        p=f"{proba[0, i]:.2f}",
                        truth=classes[int(data.test_y[0, i])],
                    )
                    for i in wrong
                ],
            )
    with tabs[2]:
        st.write(t("weights_intro"))
        st.plotly_chart(figures.weight_images(params["W1"], unit_label=t("unit")), key="weights")
    with tabs[3]:
        # files are built when clicked, not on every rerun (a big model compresses for seconds)
        st.download_button(
            t("download_model"),
            lambda: download_model(params, record),
            file_name=f"cat_model_run{record.run_id}.npz",
            mime="application/octet-stream",
            key="download_model",
        )
        st.download_button(
            t("download_costs"),
            lambda: costs_csv(record),
            file_name=f"costs_run{record.run_id}.csv",
            mime="text/csv",
            key="download_costs",
        )


shared = require_data()
st.title(t("training_title"))
st.caption(t("training_intro"))
left, right = st.columns([1, 2], gap="large")
with left:
    config = controls.training_controls()
with right:
    b1, b2, b3, b4 = st.columns(4)
    clicked = (
        b1.button(t("train"), key="train_button", type="primary", width="stretch"),
        b2.button(t("stop"), key="stop_button", width="stretch"),
        b3.button(t("continue"), key="continue_button", width="stretch"),
        b4.button(t("reset"), key="reset_button", width="stretch"),
        st.number_input(
            t("continue_iterations"),
            100,
            controls.MAX_ITERATIONS,
            500,
            100,
            key="continue_iterations",
        ),
    )
    bar, chart = st.empty(), st.empty()

# One script run at a time reads or changes this session's runs: a click on Stop starts a new
# run while the interrupted one is still finishing its last iteration.
with state.exclusive():
    with right:
        trainer, record = run_buttons(shared, config, chart, bar, clicked)
        if record is None:  # empty axes: Plotly is loaded and ready before the first run
            chart.plotly_chart(figures.training_chart([], (), chart_labels()), key="result_chart")
            st.info(t("no_run_yet"))
        else:
            summary(record, chart)
    if record is not None:
        tabs = st.tabs(
            [
                t("tab_compare"),
                t("tab_confusion"),
                t("tab_mistakes"),
                t("tab_weights"),
                t("tab_download"),
            ]
        )
        with tabs[0]:
            compare_tab()
        if trainer is not None:
            model_tabs(tabs[1:], trainer.params, record, shared.data)
