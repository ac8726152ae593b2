"""The training page's experiment grid: choose two hyperparameters, run every cell, compare.

The logic is :mod:`ui.grid.model` and the figures :mod:`ui.grid.figures`; this module draws the
widgets, runs a grid with a progress bar (a click on Stop, or on anything else, ends it between
two iterations and keeps the finished cells), and loads the best cell as the current run.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dnn.errors import UserFacingError
from ui.core import chosen, kept, live, runs, session, work
from ui.core.figures.style import legible
from ui.core.i18n import explain, t
from ui.core.labels import lesson_name, percent
from ui.grid import axes as grid_axes
from ui.grid import model as grid
from ui.grid.axes import GridError
from ui.grid.figures import heatmap, peak_curves
from ui.widgets import chart as described

METRICS = ("test", "train", "cost")
GRID = session.register("grid", None, reset=True)  # the grid last run (a grid.Grid), or None
CURVES, CURVES_OF = "grid_curves", "grid_curves_of"  # the curve picker, and the grid it is for
LOAD = "grid_load"  # the settings of a cell the visitor asked to load, for the next run


@session.on_reset
def _forget() -> None:
    for key in (CURVES, CURVES_OF):
        st.session_state.pop(key, None)


def param_name(param: str) -> str:
    """A hyperparameter's name in the visitor's language."""
    return t("grid_param_" + param)


def axis_input(which: str, default: str, taken: str | None = None) -> grid_axes.Axis | None:
    """A hyperparameter and its values for the rows or columns; None (and why) if unusable.

    ``taken``: the other axis' hyperparameter (one box of values per hyperparameter).
    """
    key = f"grid_{which}"
    kept.keep(key, default)
    st.selectbox(t(key), grid_axes.PARAMS, key=key, format_func=param_name)
    kept.mirror(key)
    param = st.session_state[key]
    if param == taken:
        st.warning(explain(GridError("choose two different hyperparameters", "grid_same")))
        return None
    values = f"grid_values_{param}"
    kept.keep(values, grid_axes.DEFAULTS[param])
    st.text_input(
        t("grid_values", param=param_name(param)),
        key=values,
        max_chars=200,
        help=t(f"grid_values_help_{param}"),
    )
    kept.mirror(values)
    try:
        return grid_axes.parse(param, st.session_state[values])
    except GridError as exc:
        st.warning(explain(exc))
        return None


def plan_grid() -> grid.Grid | None:
    """The grid the widgets describe over the page's settings, or None (with a message)."""
    left, right = st.columns(2)
    with left:
        x = axis_input("x", "learning_rate")
    with right:
        y = axis_input("y", "hidden", taken=st.session_state.grid_x)
    if x is None or y is None:
        return None
    try:
        # cells train on all the training pictures and are scored on the test pictures
        base = replace(chosen.current_settings(), validation=0)
        planned = grid.make(base, x, y)
    except UserFacingError as exc:  # GridError, or a ConfigError from a cell's settings
        st.warning(explain(exc))
        return None
    st.caption(
        t(
            "grid_plan",
            n=len(planned.order()),
            cost=f"{planned.estimate:.1f}",
            max=f"{grid.MAX_COST:.0f}",
            s=f"{grid.MAX_SECONDS:.0f}",
        )
    )
    return planned


def cell_name(g: grid.Grid, rc) -> str:
    """A cell's values, and which lesson run it is if it is one."""
    lesson = lesson_name(g.settings(*rc))
    return g.name(*rc) + (f" · {lesson}" if lesson else "")


def peak_text(peak) -> str:
    """Where a cell's averaged test accuracy peaked, or that it had no clear peak."""
    if peak is None:
        return t("grid_no_peak")
    return t("grid_peak_at", acc=f"{peak.accuracy:.1%}", it=f"{peak.iteration:,}")


def figure(g: grid.Grid, metric: str):
    """The heatmap of ``metric``, with the lesson's runs, the best cell and the peaks."""
    notes, marks, extra = {}, [], {}
    for (r, c), cell in g.cells.items():
        if cell.status == "diverged":
            notes[r, c] = t("grid_diverged")
        lesson = lesson_name(cell.settings)
        if lesson:
            marks.append((r, c, lesson))
        extra[r, c] = peak_text(cell.peak)
    labels = {
        "x": param_name(g.x.param),
        "y": param_name(g.y.param),
        **{m: t("grid_metric_" + m) for m in METRICS},
        "lesson": t("grid_lesson"),
        "best": t("grid_best_label"),
    }
    return heatmap(
        g.values(metric),
        [grid_axes.label(g.x.param, v) for v in g.x.values],
        [grid_axes.label(g.y.param, v) for v in g.y.values],
        metric,
        notes,
        marks,
        g.best(),
        extra,
        labels,
    )


def run_grid(shared, g: grid.Grid, bar, heat) -> None:
    """Run ``g`` in turn, the bar showing the cell and iteration, the heatmap filling in."""
    order = g.order()

    def touch(rc, i: int, waiting: bool) -> None:
        k, total = order.index(rc), g.settings(*rc).iterations
        if waiting:
            text = t("waiting_slot")
        else:
            text = t("grid_progress", k=k + 1, n=len(order), name=g.name(*rc), i=i, total=total)
        bar.progress((k + i / max(total, 1)) / len(order), text=text)

    made = {}  # the trainer of the cell running now (cells run one after another)

    def new_trainer(settings):
        made["trainer"] = runs.new_trainer(shared, settings.config())
        return made["trainer"]

    def on_cell(rc) -> None:
        heat.plotly_chart(legible(figure(g, "test")))  # no key: redrawn in place as cells finish
        cell = g.cells[rc]
        if cell.status == "finished":  # e.g. to the class board
            numbers = dict(train_accuracy=cell.train_accuracy, test_accuracy=cell.test_accuracy)
            runs.finished(
                cell.settings, made["trainer"].params, shared.data, **numbers,
                final_cost=cell.final_cost, iterations=cell.settings.iterations,
                seconds=cell.seconds, grid_cell=True,
            )  # fmt: skip

    with work.at_risk("grid"):  # a restart or failover mid-grid: the new page says so
        grid.run(g, new_trainer, shared.data, touch, on_cell)
    bar.empty()


def status(g: grid.Grid) -> None:
    """How the grid ended."""
    n, k = len(g.order()), len(g.cells)
    if g.status == "finished":
        st.success(t("grid_finished", n=n, s=f"{g.seconds:.1f}"))
    elif g.status == "timed_out":
        st.warning(t("grid_timed_out", s=f"{grid.MAX_SECONDS:.0f}", k=k, n=n))
    elif g.status == "stopped":
        st.info(t("grid_stopped", k=k, n=n))


def _ask_load(settings) -> None:
    """Button callback: set the page's widgets to a cell's settings; train them on this run."""
    chosen.apply_settings(settings)
    st.session_state[LOAD] = settings


def load_pending(shared, bar) -> None:
    """Train the grid cell the visitor asked to load as a new run: the current model.

    Called by the page before it draws its result, so the chart shows the loaded run.
    Runs are deterministic: the new run ends with the cell's numbers.
    """
    settings = st.session_state.pop(LOAD, None)
    if settings is None:
        return
    record = live.train(shared, settings, None, bar)
    st.success(t("grid_loaded", n=record.run_id))


def best_and_curves(g: grid.Grid) -> None:
    """The best cell (one click loads it) and the chosen cells' test-accuracy curves."""
    best = g.best()
    if best is None:
        return
    cell = g.cells[best]
    acc, train = percent(cell.test_accuracy), percent(cell.train_accuracy)
    st.markdown(t("grid_best", acc=acc, name=g.name(*best), train=train, peak=peak_text(cell.peak)))
    st.button(t("grid_load"), key="grid_load_button", on_click=_ask_load, args=(cell.settings,))
    st.caption(t("grid_best_caveat"))
    st.markdown("**" + t("grid_curves") + "**")
    done = [rc for rc in g.order() if rc in g.cells]
    lesson = [rc for rc in done if lesson_name(g.settings(*rc))]
    if st.session_state.get(CURVES_OF) is not g:  # a new grid: its best and the lesson's
        st.session_state[CURVES_OF] = g
        st.session_state[CURVES] = [best, *[rc for rc in lesson if rc != best]]
    kept.keep(CURVES, [])  # back from another page, where Streamlit forgot the widget
    st.session_state[CURVES] = [rc for rc in st.session_state[CURVES] if rc in done]
    picked = st.multiselect(
        t("grid_curves_pick"), done, format_func=lambda rc: cell_name(g, rc), key=CURVES
    )
    kept.mirror(CURVES)
    series = [(cell_name(g, rc), g.cells[rc].curve) for rc in picked]
    labels = {
        "test": t("chart_test"),
        "iteration": t("chart_iteration"),
        "peak_at": t("grid_peak_at"),
        "no_peak": t("grid_no_peak"),
    }
    pictures = g.cells[best].pictures
    described.show(peak_curves(series, labels, pictures), key="grid_curves_chart")
    st.caption(t("grid_curves_caption"))


def section(shared) -> None:
    """The whole grid section: choose, run or stop, and the result."""
    st.header(t("grid_title"), anchor=False)
    st.caption(t("grid_intro"))
    # closed, the section costs nothing on a rerun (a class's reruns come all at once)
    kept.keep("grid_open", st.session_state.get(GRID) is not None)
    opened = st.toggle(t("grid_open"), key="grid_open")
    kept.mirror("grid_open")
    if not opened:
        return
    planned = plan_grid()
    left, right = st.columns(2)
    run = left.button(
        t("grid_run"),
        key="grid_run_button",
        type="primary",
        disabled=planned is None,
        width="stretch",
    )
    right.button(t("grid_stop"), key="grid_stop_button", width="stretch")  # a click reruns
    bar = st.empty()
    kept.keep("grid_metric", "test")
    metric = st.segmented_control(
        t("grid_metric"),
        METRICS,
        key="grid_metric",
        format_func=lambda m: t("grid_metric_" + m),
    )
    kept.mirror("grid_metric")
    heat = st.empty()
    with session.exclusive():
        if run and planned is not None:
            st.session_state[GRID] = planned
            run_grid(shared, planned, bar, heat)
        g = st.session_state.get(GRID)
        if g is None:
            return
        status(g)
        described.show(figure(g, metric or "test"), heat, key="grid_heatmap")
        st.caption(t("grid_marks_caption"))
        best_and_curves(g)
