"""Training page: choose an architecture, train with a live chart, inspect the result."""

import streamlit as st

from ui.core import live, presenting, runs, session
from ui.core.i18n import t
from ui.core.labels import run_name
from ui.grid import view as grid_view
from ui.notebook import button as notebook
from ui.shell import links
from ui.shell.router import guard
from ui.training import actions
from ui.training import tabs as result_tabs
from ui.training import view as live_view
from ui.training.buttons import buttons, continue_box
from ui.training.files import downloads
from ui.widgets import controls, run_panel
from ui.widgets.data_gate import require_data

guard()


def files_and_notebook(params, record) -> None:
    """The Download tab: the model, the costs, and the run as a notebook and a script."""
    downloads(params, record)
    notebook.run_buttons(record)  # with the run's validation split, if it had one


shared = require_data()
st.title(t("training_title"), anchor=False)
if presenting.on():  # one screen: settings folded, the numbers beside the chart
    with st.expander(t("settings_folded")):
        settings = controls.training_controls()
        more = continue_box()
        pace, every = live_view.view_controls()
    clicked = buttons()
    chart_col, side = st.columns([4, 1], gap="medium")
    chart = chart_col.container(key=presenting.CHART_KEY).empty()
    bar, metrics = side.empty(), side.container()
    notes = chart_col.container()
else:
    st.caption(t("training_intro"))
    left, right = st.columns([1, 2], gap="large")
    with left:
        settings = controls.training_controls()
    with right:
        st.header(t("training_run_heading"), anchor=False)  # the run's chart, numbers and tabs
        clicked = buttons()
        more = continue_box()
        bar, chart = st.empty(), st.empty()
        view_box, metrics, notes = st.container(), st.container(), st.container()
    with view_box:  # under the chart, drawn before a run starts (it sets the run's pace)
        pace, every = live_view.view_controls()

# One script run at a time reads or changes this session's runs: a click on Stop starts a new
# run while the interrupted one is still finishing its last iteration.
with session.exclusive():
    with notes:
        # first in its box: a run that starts replaces the last script run's "No run yet" at once
        first_note = st.empty()
        grid_view.load_pending(shared, bar)  # the grid's best cell, asked for by its button
        if clicked["reset"]:
            session.reset()
        if clicked["train"] or clicked["continue"]:
            first_note.caption(t("training_live"))
        if clicked["train"]:
            live.train(shared, settings, chart, bar, pace, every)
        elif clicked["continue"]:
            actions.resume(shared, more, chart, bar, pace, every)
        elif clicked["one_step"]:
            actions.one_step(shared, settings, bar)
        elif clicked["stop"] and runs.trainer() is None:
            st.info(t("nothing_to_continue"))
        trainer, record = runs.trainer(), runs.current_run()
        if presenting.on():
            bar.empty()
        run_panel.result_chart(record, chart, shared.data, every)
        if record is None:
            # a link's runs train at the top of the page: not "no run yet" under that note
            first_note.info(t("link_runs_coming") if links.filling() else t("no_run_yet"))
        else:
            first_note.empty()
            run_panel.summary(record, metrics, shared.data, note=actions.step_note(record))
            live_view.spike_note(record.costs, every)
        run_panel.held_out_caption(record, shared.data)
    if record is not None:
        names = ("compare", "confusion", "mistakes", "weights", "download")
        # only the chosen tab is computed: choosing another reruns the page
        tabs = st.tabs([t("tab_" + n) for n in names], key="result_tab", on_change="rerun")
        if tabs[0].open:
            with tabs[0]:
                result_tabs.compare_tab()
                notebook.picker(runs.runs(), run_name)  # any run of the comparison, to take home
        if trainer is not None:
            result_tabs.model_tabs(
                tabs[1:], trainer.params, record, shared.data, files_and_notebook
            )
st.divider()
with st.container(key="grid_section"):
    grid_view.section(shared)
