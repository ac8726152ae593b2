"""The step-through page's view: the walk for the chosen network, Back / Next, one step drawn."""

from __future__ import annotations

import streamlit as st

from dnn.datasets import data_dir
from ui.core.data import shared_data
from ui.core.figures import inside as figures_inside
from ui.core.i18n import t
from ui.step.link import STEP  # the step shown (1-based), the slider's key
from ui.step.walk import (
    CAT_DIMS,
    COLUMNS,
    G_NAMES,
    SMALL_DIMS,
    Walk,
    shapes_table,
    small_example,
    step_title,
    walk,
)
from ui.widgets import chart as described
from ui.widgets.data_gate import require_data


@st.cache_resource(show_spinner=False, max_entries=8)
def _walk(network: str, hidden: str, alpha: float, folder: str) -> Walk:
    """One walk per setting, shared read-only by every session (the cat one holds ~6 MB)."""
    if network == "small":
        X, Y = small_example()
        return walk(X, Y, SMALL_DIMS, hidden, alpha)
    data = shared_data().data
    return walk(data.train_x, data.train_y, CAT_DIMS, hidden, alpha)


def cached_walk(network: str, hidden: str, alpha: float) -> Walk:
    """The walk for the chosen network; for the cat one, the data or a message and a stop."""
    if network == "small":
        return _walk(network, hidden, alpha, "")
    require_data()
    with st.spinner(t("step_computing")):
        return _walk(network, hidden, alpha, str(data_dir()))


def _move(delta: int, count: int) -> None:
    st.session_state[STEP] = min(max(st.session_state[STEP] + delta, 1), count)


def navigation(count: int) -> int:
    """Back / Next buttons and a slider over steps 1…``count``; returns the chosen step's index.

    The step (1-based) is kept in ``st.session_state[STEP]``; the buttons change it in
    their callbacks, before the slider is drawn.
    """
    step = min(st.session_state.get(STEP, 1), count)
    st.session_state[STEP] = step
    nav = st.container(key="step_nav")  # stays on screen in presenter mode (ui/shell/presenter.py)
    c1, c2, c3 = nav.columns([1, 1, 5], vertical_alignment="bottom")
    c1.button(t("step_back"), key="step_back", on_click=_move, args=(-1, count), disabled=step == 1)
    c2.button(
        t("step_next"), key="step_next", on_click=_move, args=(1, count), disabled=step == count
    )
    return c3.slider(t("step_slider"), 1, count, key=STEP) - 1


def is_probability(mtx, L: int, hidden: str) -> bool:
    """A matrix of probabilities or labels in [0, 1]: Y, A[L], a sigmoid hidden layer's A."""
    if mtx.symbol == "Y":
        return True
    if mtx.symbol != "A" or not mtx.layer:
        return False
    return mtx.layer == L or hidden == "sigmoid"


def show(w: Walk, index: int) -> None:
    """Draw step ``index`` of ``w``: title, explanation, equations, shapes, heatmaps."""
    step, L = w.steps[index], len(w.dims) - 1
    st.header(f"{index + 1}/{len(w.steps)} · {step_title(step, L)}", anchor=False)
    text_key = f"step_{step.kind}_text"
    if step.kind in ("forward", "backward") and step.layer in (1, L):
        text_key += "_last" if step.layer == L else "_first"
    st.markdown(t(text_key, l=step.layer, L=L, m=w.m, g=G_NAMES[w.hidden]))
    left, right = st.columns([3, 2], vertical_alignment="center")
    for eq in step.equations:
        left.latex(eq.replace(COLUMNS, rf"\text{{{t('step_columns')}}}"))
    right.table(shapes_table(step), hide_index=True)
    if step.kind == "update":
        c1, c2 = st.columns(2)
        c1.metric(t("step_cost_before"), f"{w.cost:.6f}")
        change = f"{w.cost_after - w.cost:+.6f}"  # a fall is green, a rise red
        c2.metric(t("step_cost_after"), f"{w.cost_after:.6f}", change, delta_color="inverse")
    cols = st.columns(2)
    for k, mtx in enumerate(step.matrices):
        with cols[k % 2]:
            described.show(
                figures_inside.matrix_heatmap(
                    mtx.values, mtx.label, unit_interval=is_probability(mtx, L, w.hidden)
                ),
                key=f"step_heat_{index}_{k}",
                config={"displayModeBar": False},
            )
            part = figures_inside.reduce(mtx.values)
            if part.is_reduced:
                st.caption(
                    t(
                        "step_reduced",
                        rows=len(part.rows),
                        cols=len(part.cols),
                        n_rows=f"{part.shape[0]:,}",
                        n_cols=f"{part.shape[1]:,}",
                    )
                )
