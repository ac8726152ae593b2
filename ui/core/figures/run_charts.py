"""A run's chart (cost and accuracies, live or finished) and several runs compared.

Pure Plotly, no Streamlit; built from :mod:`ui.core.figures.axes`' pieces. Tests read the traces.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ui.core.figures.axes import cost_axis, line_trace, thin, two_axis_layout, unchecked
from ui.core.figures.peak import accuracy_peak, peak_marker, peak_note, smoothed_line
from ui.core.figures.style import (
    COST_COLOR,
    TEST_COLOR,
    TEST_DASH,
    TRAIN_COLOR,
    TRAIN_DASH,
    run_style,
)

LABELS = {
    "cost": "cost",
    "train": "train accuracy",
    "test": "test accuracy",
    "iteration": "iteration",
    "accuracy": "accuracy",
    "peak": "★ peak of the mean of\n{window:,} iterations of\ntest accuracy:\n{acc} @ {it:,}",
    "peak_name": "★ peak of the mean of {window:,} iterations of test accuracy",
    "smoothed": "test accuracy, mean of {window:,} iterations",
    "printed": "cost every {every} iterations",
}
PRINT_EVERY = 100  # the lesson prints the cost every 100 iterations


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
        Text for "cost", "train", "test", "iteration", "accuracy", "peak", "peak_name" (the
        star's name in the chart's words) (the UI's language).
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
        traces = [line_trace(keep, y[keep], name, COST_COLOR, mode="lines+markers", width=3)]
    else:
        keep = thin(len(y), max_points)
        traces = [line_trace(keep, y[keep], lab["cost"], COST_COLOR, width=3)]
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
            traces.append(line_trace(it, ys, lab[key], color, "y2", dash=dash, mode=mode))
        if peak is not None:  # on the averaged curve, with its text (not one more legend entry)
            where = dict(window=peak.window, acc=f"{peak.accuracy:.0%}", it=peak.iteration)
            traces.append(mean)
            star = lab["peak_name"].format(window=peak.window)  # its words call it a peak
            traces.append(peak_marker(peak, star, TEST_COLOR, showlegend=False))
            x_end = max(len(y) - 1, it[-1])
            notes.append(peak_note(peak, lab["peak"].format(**where), TEST_COLOR, x_end))
    legend = dict(orientation="h", y=1.02, x=0, yanchor="bottom")  # above the plot when it wraps
    layout = cost_axis(two_axis_layout(lab, height, legend), [y])
    if notes:
        layout["annotations"] = notes
    return unchecked(traces, layout)


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
        cost = line_trace(keep, y[keep], cost_name, color, width=3, legendgroup=str(k))
        cost.update(mode="lines+markers", marker=dict(symbol=symbol, size=9, maxdisplayed=12))
        traces.append(cost)
        if accuracy and checkpoints and checkpoints[0][2] is not None:
            checkpoints = [checkpoints[j] for j in thin(len(checkpoints), max_points)]
            it = [c[0] for c in checkpoints]
            for column, key, line, hollow in (
                (2, "test", {"dash": TEST_DASH, "width": 2}, ""),
                (1, "train", {"dash": TRAIN_DASH, "width": 2}, "-open"),
            ):
                trace = line_trace(
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
    layout = two_axis_layout(lab, 420 + 24 * entries, legend)
    layout["margin"] = dict(l=10, r=10, t=20, b=10)
    if not accuracy:
        del layout["yaxis2"]
    return unchecked(traces, cost_axis(layout, [r[1] for r in runs]))
