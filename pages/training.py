"""Training page: choose an architecture, train with a live chart, inspect the result."""

import streamlit as st

from ui import controls, grid_view, presenter, run_actions, run_view, state
from ui.data import require_data
from ui.i18n import t
from ui.router import guard
from ui.training import costs_csv, download_model

guard()


def downloads(params, record):
    """The model and its cost history, as files."""
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


def buttons():
    """Train, Stop, Continue, One step and Reset, each as wide as its label (a row that wraps)."""
    row = st.container(horizontal=True, key="run_buttons")
    names = ("train", "stop", "continue", "one_step", "reset")
    return {
        name: row.button(
            t(name),
            key=f"{name}_button",
            type="primary" if name == "train" else "secondary",
            width="content",
        )
        for name in names
    }


def continue_box():
    """How many iterations Continue adds (empty: on to the planned total)."""
    return st.number_input(
        t("continue_more"),
        min_value=1,
        max_value=controls.MAX_ITERATIONS,
        value=None,
        step=100,
        placeholder=t("continue_more_placeholder"),
        help=t("continue_more_help"),
        key="continue_iterations",
    )


shared = require_data()
st.title(t("training_title"))
if presenter.on():  # one screen: settings folded, the numbers beside the chart
    with st.expander(t("settings_folded")):
        settings = controls.training_controls()
        more = continue_box()
    clicked = buttons()
    chart_col, side = st.columns([4, 1], gap="medium")
    chart = chart_col.container(key=presenter.CHART_KEY).empty()
    bar, metrics = side.empty(), side.container()
    notes = chart_col.container()
else:
    st.caption(t("training_intro"))
    left, right = st.columns([1, 2], gap="large")
    with left:
        settings = controls.training_controls()
    with right:
        clicked = buttons()
        more = continue_box()
        bar, chart = st.empty(), st.empty()
        metrics, notes = st.container(), st.container()

# One script run at a time reads or changes this session's runs: a click on Stop starts a new
# run while the interrupted one is still finishing its last iteration.
with state.exclusive():
    with notes:
        grid_view.load_pending(shared, bar)  # the grid's best cell, asked for by its button
        if clicked["reset"]:
            state.reset()
        if clicked["train"]:
            run_actions.train(shared, settings, chart, bar)
        elif clicked["continue"]:
            run_actions.resume(shared, more, chart, bar)
        elif clicked["one_step"]:
            run_actions.one_step(shared, settings, bar)
        elif clicked["stop"] and st.session_state.trainer is None:
            st.info(t("nothing_to_continue"))
        trainer, record = st.session_state.trainer, state.current_run()
        if presenter.on():
            bar.empty()
        run_view.result_chart(record, chart)
        if record is None:
            st.info(t("no_run_yet"))
        else:
            run_view.summary(record, metrics, shared.data)
    if record is not None:
        names = ("compare", "confusion", "mistakes", "weights", "download")
        # only the chosen tab is computed: choosing another reruns the page
        tabs = st.tabs([t("tab_" + n) for n in names], key="result_tab", on_change="rerun")
        if tabs[0].open:
            with tabs[0]:
                run_view.compare_tab()
        if trainer is not None:
            run_view.model_tabs(tabs[1:], trainer.params, record, shared.data, downloads)
st.divider()
with st.container(key="grid_section"):
    grid_view.section(shared)
