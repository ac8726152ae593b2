"""Plotly figures, built by pure functions from numbers (no Streamlit here; tests read traces)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas  # noqa: F401  (see _warm_up: imported whole, once, before any session draws)
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.core.checks import spans_orders_of_magnitude
from ui.core.figures.peak import accuracy_peak, peak_marker, peak_note, smoothed_line
from ui.core.figures.style import (
    COST_COLOR,
    FONT,
    MODEBAR,
    TEST_COLOR,
    TEST_DASH,
    TRAIN_COLOR,
    TRAIN_DASH,
    run_style,
)
from ui.core.settings import N_INPUT

LABELS = {
    "cost": "cost",
    "train": "train accuracy",
    "test": "test accuracy",
    "iteration": "iteration",
    "accuracy": "accuracy",
    "peak": "test accuracy, mean of {window:,} iterations: peak {acc} @ {it:,}",
    "smoothed": "test accuracy, mean of {window:,} iterations",
    "printed": "cost every {every} iterations",
}
PRINT_EVERY = 100  # the lesson prints the cost every 100 iterations


def _two_axis_layout(lab: dict, height: int, legend: dict) -> dict:
    """Cost on the left axis, accuracy (0 to 100 %) on the right one, iterations along x.

    Built as one dict and validated once by ``go.Figure``: a chart is redrawn 20 times per run
    for every session, and make_subplots / update_* calls cost ~5× more.
    """
    return dict(
        height=height,
        margin=dict(l=10, r=10, t=40, b=10),
        font=FONT,
        legend=legend,
        modebar=MODEBAR,
        hovermode="x unified",
        xaxis=dict(title=dict(text=lab["iteration"]), rangemode="tozero"),
        yaxis=dict(title=dict(text=lab["cost"]), rangemode="tozero"),
        yaxis2=dict(
            title=dict(text=lab["accuracy"]),
            overlaying="y",
            side="right",
            range=[0, 1.02],
            showgrid=False,
            tickformat=".0%",
            tickmode="array",
            tickvals=[0, 0.25, 0.5, 0.75, 1],
        ),
    )


def _line(
    x, y, name, color, axis="y", mode="lines", legendgroup=None, showlegend=True, **line
) -> dict:
    """A line trace on the cost axis ("y") or the accuracy axis ("y2"), as a plain dict."""
    return dict(
        type="scatter",
        x=np.asarray(x),
        y=np.asarray(y, dtype=float),
        name=name,
        yaxis=axis,
        mode=mode,
        line=dict(color=color, **line),
        legendgroup=legendgroup,
        showlegend=showlegend,
        hovertemplate="%{y:.6f}" if axis == "y" else "%{y:.1%}",
    )


def thin(n: int, max_points: int | None) -> np.ndarray:
    """Indices of at most about ``max_points`` of ``n`` points: every k-th, and the last one.

    A stride keeps the points evenly spaced (every iteration of a run of up to ``max_points``
    iterations, every 2nd up to twice that, …), so a chart's size is bounded however long the
    run.
    """
    if not max_points or n <= max_points:
        return np.arange(n)
    step = -(-n // max_points)  # ceil
    return np.unique(np.r_[np.arange(0, n, step), n - 1])


def _cost_axis(layout: dict, costs: Sequence[Sequence[float]]) -> dict:
    """A log cost axis when the costs span orders of magnitude (a large α: 0.6 … 350,000)."""
    values = [c for run in costs for c in run]
    if spans_orders_of_magnitude(values):
        layout["yaxis"] = {**layout["yaxis"], "type": "log", "rangemode": "normal"}
    return layout


def training_chart(
    costs: Sequence[float],
    checkpoints: Sequence[tuple[int, float, float | None]] = (),
    labels: dict[str, str] | None = None,
    max_points: int | None = None,
    height: int | None = 420,
    pictures: int | None = None,
    every: int | None = None,
) -> go.Figure:
    """Cost per iteration, with train and test accuracy on a second axis.

    Parameters
    ----------
    costs : sequence of float
        costs[i] is the cost before update i.
    checkpoints : sequence of (iteration, train accuracy, test accuracy or None)
    labels : dict, optional
        Text for "cost", "train", "test", "iteration", "accuracy", "peak" (the UI's language).
    max_points : int, optional
        Keep at most about this many cost points and checkpoints (evenly spaced, the last one
        kept; see :func:`thin`), so that what is sent stays bounded.
    height : int or None
        In pixels; None: the height of the element that shows the chart.
    pictures : int, optional
        How many held-out pictures the test column is measured on: a star marks where its
        average peaked (:func:`ui.core.figures.peak.accuracy_peak`), if it really did. None:
        no star (a live frame, a run that learned nothing useful).
    every : int, optional
        Show the cost only every ``every`` iterations, as the lesson prints it (100).

    Notes
    -----
    The cost axis turns logarithmic when the costs span orders of magnitude.
    """
    lab = {**LABELS, **(labels or {})}
    y = np.asarray(costs, dtype=float)
    if every:
        keep = np.arange(0, len(y), every)
        name = lab["printed"].format(every=every)
        traces = [_line(keep, y[keep], name, COST_COLOR, mode="lines+markers", width=3)]
    else:
        keep = thin(len(y), max_points)
        traces = [_line(keep, y[keep], lab["cost"], COST_COLOR, width=3)]
    # of every checkpoint, before they are thinned
    peak = accuracy_peak(checkpoints, pictures) if pictures else None
    notes = []
    if checkpoints:
        kept = thin(len(checkpoints), max_points)
        mean = smoothed_line(checkpoints, peak, kept, lab["smoothed"], TEST_COLOR) if peak else None
        checkpoints = [checkpoints[k] for k in kept]
        it = [c[0] for c in checkpoints]
        mode = "lines+markers" if len(it) <= 60 else "lines"
        tested = checkpoints[0][2] is not None
        curves = [(1, "train", TRAIN_COLOR, TRAIN_DASH)] + tested * [
            (2, "test", TEST_COLOR, TEST_DASH)
        ]
        for column, key, color, dash in curves:  # told apart by dash style, not colour alone
            ys = [c[column] for c in checkpoints]
            traces.append(_line(it, ys, lab[key], color, "y2", dash=dash, mode=mode))
        if peak is not None:  # on the averaged curve, with its text (not one more legend entry)
            where = dict(window=peak.window, acc=f"{peak.accuracy:.0%}", it=peak.iteration)
            traces.append(mean)
            traces.append(peak_marker(peak, mean["name"], TEST_COLOR, showlegend=False))
            notes.append(peak_note(peak, lab["peak"].format(**where), TEST_COLOR))
    legend = dict(orientation="h", y=1.02, x=0, yanchor="bottom")  # above the plot when it wraps
    layout = _cost_axis(_two_axis_layout(lab, height, legend), [y])
    if notes:
        layout["annotations"] = notes
    return _unchecked(traces, layout)


def compare_chart(
    runs: Sequence[tuple[str, Sequence[float], Sequence[tuple]]],
    labels: dict[str, str] | None = None,
    accuracy: bool = True,
    max_points: int | None = 1000,
) -> go.Figure:
    """Several runs overlaid: their costs, and (``accuracy``) their accuracies.

    ``runs`` holds (label, costs, checkpoints) with checkpoints as in :func:`training_chart`,
    and optionally a fourth item: the name of that run's held-out curve (a run with a validation
    split holds out validation pictures, not the test ones; default ``labels["test"]``).
    With ``accuracy``, each run's test accuracy (dashed) and train accuracy (dotted) join on a
    second axis. Every curve is named in the legend (below the plot, one entry per curve, each
    clickable on its own); a run has its own colour and marker symbol, so that neither runs nor
    a run's three curves are told apart by colour alone. Each run keeps at most about
    ``max_points`` points.
    """
    lab = {**LABELS, **(labels or {})}
    traces = []
    for k, (name, costs, checkpoints, *held) in enumerate(runs):
        names = {"test": held[0] if held else lab["test"], "train": lab["train"]}
        color, symbol = run_style(k)
        y = np.asarray(costs, dtype=float)
        keep = thin(len(y), max_points)
        cost_name = f"{name} · {lab['cost']}" if accuracy else name
        cost = _line(keep, y[keep], cost_name, color, width=3, legendgroup=str(k))
        cost.update(mode="lines+markers", marker=dict(symbol=symbol, size=9, maxdisplayed=12))
        traces.append(cost)
        if accuracy and checkpoints and checkpoints[0][2] is not None:
            checkpoints = [checkpoints[j] for j in thin(len(checkpoints), max_points)]
            it = [c[0] for c in checkpoints]
            for column, key, line, hollow in (
                (2, "test", {"dash": TEST_DASH, "width": 2}, ""),
                (1, "train", {"dash": TRAIN_DASH, "width": 2}, "-open"),
            ):
                trace = _line(
                    it,
                    [c[column] for c in checkpoints],
                    f"{name} · {names[key]}",
                    color,
                    "y2",
                    legendgroup=str(k),
                    **line,
                )
                marker = dict(symbol=symbol + hollow, size=8, maxdisplayed=12)
                trace.update(mode="lines+markers", marker=marker)
                traces.append(trace)
    entries = len(traces) or 1
    legend = dict(
        orientation="h", y=-0.15, x=0, yanchor="top", font=dict(size=14), groupclick="toggleitem"
    )
    layout = _two_axis_layout(lab, 420 + 24 * entries, legend)
    layout["margin"] = dict(l=10, r=10, t=20, b=10)
    if not accuracy:
        del layout["yaxis2"]
    return _unchecked(traces, _cost_axis(layout, [r[1] for r in runs]))


def _unchecked(traces: list[dict], layout: dict) -> go.Figure:
    """A figure built without Plotly's property validation (a tenth of the time).

    The live chart is rebuilt ~20 times per run for every session of a class; validating the
    same few properties each time was most of a frame's cost. The dicts come from the functions
    above only, and tests validate every kind of figure once (``go.Figure(fig.to_dict())``).
    """
    return go.Figure(data=traces, layout=layout, _validate=False)


def confusion_matrix(
    y_true: np.ndarray,
    y_pred: np.ndarray,
    classes: Sequence[str],
    labels: dict[str, str] | None = None,
) -> go.Figure:
    """2×2 counts: rows are the true class, columns the predicted class."""
    lab = {"true": "true", "predicted": "predicted", **(labels or {})}
    y_true, y_pred = np.ravel(y_true).astype(int), np.ravel(y_pred).astype(int)
    counts = np.zeros((2, 2), dtype=int)
    np.add.at(counts, (y_true, y_pred), 1)
    fig = go.Figure(
        go.Heatmap(
            z=counts,
            x=list(classes),
            y=list(classes),
            colorscale="Oranges",
            showscale=False,
            text=counts,
            texttemplate="%{text}",
            textfont=dict(size=28),
            hovertemplate=f"{lab['true']} %{{y}}<br>{lab['predicted']} "
            "%{x}<br>%{z}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=lab["predicted"], side="top")
    fig.update_yaxes(title_text=lab["true"], autorange="reversed")
    fig.update_layout(height=320, margin=dict(l=10, r=10, t=60, b=10), font=FONT)
    return fig


def probability_bar(p: float, labels: dict[str, str] | None = None) -> go.Figure:
    """A horizontal bar for P(cat) on a 0–100 % axis with the 0.5 threshold marked.

    ``labels["p"]`` names the bar in the UI's language (P(cat), P(猫)).
    """
    lab = {"p": "P(cat)", **(labels or {})}
    color = COST_COLOR if p > 0.5 else TRAIN_COLOR
    fig = go.Figure(
        go.Bar(
            x=[p],
            y=[lab["p"]],
            orientation="h",
            marker_color=color,
            text=[f"{p:.1%}"],
            textposition="auto",
            textfont=dict(size=20),
            hovertemplate="%{x:.4f}<extra></extra>",
        )
    )
    fig.add_vline(x=0.5, line_dash="dash", line_color="#495057")
    fig.update_xaxes(
        range=[0, 1], tickformat=".0%", tickmode="array", tickvals=[0, 0.25, 0.5, 0.75, 1]
    )
    # r=28: room for the last tick's "100%", centred on the axis' right end
    fig.update_layout(height=110, margin=dict(l=10, r=28, t=10, b=10), font=FONT, showlegend=False)
    return fig


def weight_images(
    W1: np.ndarray,
    max_units: int = 20,
    columns: int = 5,
    unit_label: str = "unit",
    centered: bool = False,
) -> go.Figure:
    """Rows of W^[1] drawn as 64×64 RGB pictures, each scaled to its own range.

    A row of W^[1] is what one first-layer unit responds to in a picture. ``centered`` (for a
    change in the weights): 0 is mid-grey and each picture is scaled by its largest |value|, so
    colours show the sign and size of the change.
    """
    n = min(W1.shape[0], max_units)
    rows = int(np.ceil(n / columns))
    fig = make_subplots(
        rows=rows,
        cols=columns,
        horizontal_spacing=0.01,
        vertical_spacing=0.04,
        subplot_titles=[f"{unit_label} {k + 1}" for k in range(n)],
    )
    for k in range(n):
        w = W1[k].reshape(64, 64, 3)
        if centered:
            lo, hi = -np.abs(w).max(), np.abs(w).max()
        else:
            lo, hi = w.min(), w.max()
        img = np.uint8(np.round(255 * (w - lo) / (hi - lo if hi > lo else 1)))
        fig.add_trace(go.Image(z=img, hoverinfo="skip"), row=k // columns + 1, col=k % columns + 1)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(
        height=max(180, 150 * rows), margin=dict(l=0, r=0, t=30, b=0), font=dict(size=12)
    )
    return fig


def _warm_up() -> None:
    """Build each kind of figure once, at import.

    Plotly looks pandas up in ``sys.modules`` and imports its validators lazily; while one
    session's thread was importing pandas (Streamlit does, for a table), another's figure saw
    the half-imported module and failed ("partially initialized module 'pandas'"). pandas is
    imported above, and one import-time pass here leaves nothing for Plotly to import later.
    """
    training_chart([0.5, 0.4], [(0, 0.5, 0.5)])
    compare_chart([("a", [0.5], [(0, 0.5, 0.5)])])
    confusion_matrix(np.array([[0, 1]]), np.array([[0, 1]]), ["a", "b"])
    probability_bar(0.5)
    weight_images(np.zeros((1, N_INPUT)))


_warm_up()
