"""Plotly figures, built by pure functions from numbers (no Streamlit here; tests read traces)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas  # noqa: F401  (see _warm_up: imported whole, once, before any session draws)
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.figures_peak import accuracy_peak, peak_marker, peak_note
from ui.run_checks import spans_orders_of_magnitude

COST_COLOR, TRAIN_COLOR, TEST_COLOR = "#d9480f", "#1971c2", "#2f9e44"
PALETTE = [  # ten runs told apart at a glance (no two oranges or two blues)
    "#d9480f",
    "#1971c2",
    "#2f9e44",
    "#9c36b5",
    "#f59f00",
    "#0c8599",
    "#e64980",
    "#495057",
    "#74b816",
    "#7048e8",
]
FONT = dict(size=16)


LABELS = {
    "cost": "cost",
    "train": "train accuracy",
    "test": "test accuracy",
    "iteration": "iteration",
    "accuracy": "accuracy",
    "peak": "test peak",
}


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

    Notes
    -----
    The cost axis turns logarithmic when the costs span orders of magnitude. A star marks
    where test accuracy peaked (:func:`accuracy_peak`, over every checkpoint).
    """
    lab = {**LABELS, **(labels or {})}
    y = np.asarray(costs, dtype=float)
    keep = thin(len(y), max_points)
    traces = [_line(keep, y[keep], lab["cost"], COST_COLOR, width=3)]
    peak = accuracy_peak(checkpoints)  # of every checkpoint, before they are thinned
    notes = []
    if checkpoints:
        checkpoints = [checkpoints[k] for k in thin(len(checkpoints), max_points)]
        it = [c[0] for c in checkpoints]
        mode = "lines+markers" if len(it) <= 60 else "lines"
        traces.append(
            _line(
                it,
                [c[1] for c in checkpoints],
                lab["train"],
                TRAIN_COLOR,
                "y2",
                dash="dot",
                mode=mode,
            )
        )
        if checkpoints[0][2] is not None:
            traces.append(
                _line(it, [c[2] for c in checkpoints], lab["test"], TEST_COLOR, "y2", mode=mode)
            )
            traces.append(peak_marker(peak, lab["peak"], TEST_COLOR, showlegend=False))
            notes.append(peak_note(peak, lab["peak"], TEST_COLOR))  # not one more legend entry
    legend = dict(orientation="h", y=1.08, x=0)
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

    ``runs`` holds (label, costs, checkpoints) with checkpoints as in :func:`training_chart`.
    With ``accuracy``, each run's test accuracy (dashed) and train accuracy (dotted) join on a
    second axis. The legend sits below the plot, so 6 or more runs keep it readable; each run
    keeps at most about ``max_points`` points.
    """
    lab = {**LABELS, **(labels or {})}
    traces = []
    for k, (name, costs, checkpoints) in enumerate(runs):
        color = PALETTE[k % len(PALETTE)]
        y = np.asarray(costs, dtype=float)
        keep = thin(len(y), max_points)
        cost_name = f"{name} · {lab['cost']}" if accuracy else name
        traces.append(_line(keep, y[keep], cost_name, color, width=3, legendgroup=str(k)))
        if accuracy and checkpoints and checkpoints[0][2] is not None:
            checkpoints = [checkpoints[j] for j in thin(len(checkpoints), max_points)]
            it = [c[0] for c in checkpoints]
            for column, key, line in (
                (2, "test", {"dash": "dash"}),
                (1, "train", {"dash": "dot", "width": 1}),
            ):
                traces.append(
                    _line(
                        it,
                        [c[column] for c in checkpoints],
                        f"{name} · {lab[key]}",
                        color,
                        "y2",
                        legendgroup=str(k),
                        showlegend=False,
                        **line,
                    )
                )
    rows = max(1, len(runs))
    legend = dict(orientation="h", y=-0.15, x=0, yanchor="top", font=dict(size=14))
    layout = _two_axis_layout(lab, 420 + 24 * rows, legend)
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


DIAGRAM_FONT = 14  # px, the layer labels under the network diagram
DIAGRAM_MARGIN = 10  # px, left and right
END = 12  # px: how far the first and last layer labels reach beyond their layer


def text_width(text: str, size: float = DIAGRAM_FONT) -> float:
    """A generous estimate of a label's width in pixels: its longest line, tags removed.

    Latin letters and digits count 0.55 em (bold included; Source Sans averages 0.45 em),
    CJK characters a full em.
    """
    lines = re.sub(r"<(?!br>)[^>]*>", "", text).split("<br>")
    return max(sum(1.0 if ord(c) >= 0x2E80 else 0.55 for c in line) for line in lines) * size


def network_diagram(
    layer_dims: Sequence[int], max_shown: int = 8, labels: dict[str, str] | None = None
) -> go.Figure:
    """The network as columns of units; a layer wider than ``max_shown`` is drawn elided.

    Each layer shows at most ``max_shown`` units (the first ones, "⋮", the last one) and, under
    it, its kind and true size, so 12,288 inputs stay readable. Edges join the drawn units of
    adjacent layers. From L = 2 on, the labels alternate between two rows.

    The labels have a fixed size in pixels, the layers spread over the figure's width: below a
    certain width labels would overlap. ``fig.layout.meta["min_width"]`` is that width (px);
    the page keeps the figure at least that wide (scrolling sideways on a phone). At that width
    neighbouring labels of a row are at least 8 px apart and the end labels are inside the figure.
    """
    lab = {
        "input": "input",
        "hidden": "hidden",
        "output": "output",
        "unit": "unit",
        "units": "units",
        **(labels or {}),
    }
    L = len(layer_dims) - 1
    rows = 2 if L >= 2 else 1
    label_y = [-1.22, -1.62][:rows]
    node_x, node_y, node_text, edges_x, edges_y, annotations, texts = [], [], [], [], [], [], []
    prev: list[float] = []
    for l, n in enumerate(layer_dims):
        x = float(l)
        shown = n if n <= max_shown else max_shown
        ys = list(np.linspace(1, -1, shown)) if shown > 1 else [0.0]
        elided = n > max_shown
        if elided:  # last drawn unit stands for unit n; a gap with "⋮" before it
            annotations.append(
                dict(x=x, y=(ys[-2] + ys[-1]) / 2, text="⋮", showarrow=False, font=dict(size=22))
            )
        for k, y in enumerate(ys):
            unit = n if (elided and k == shown - 1) else k + 1
            node_x.append(x)
            node_y.append(y)
            node_text.append(f"a<sup>[{l}]</sup><sub>{unit}</sub>")
        for y0 in prev:
            for y1 in ys:
                edges_x += [x - 1, x, None]
                edges_y += [y0, y1, None]
        prev = ys
        kind = lab["input"] if l == 0 else lab["output"] if l == L else lab["hidden"]
        units = lab["unit"] if n == 1 else lab["units"]
        texts.append(f"<b>n<sup>[{l}]</sup> {kind}</b><br>{n:,} {units}")
    # Each label's extent in px around its layer: centred, but the end ones stick out by only
    # END px (the first extends right, the last left), so the figure needs no wide margins.
    widths = [text_width(s) for s in texts]
    extent = [(-w / 2, w / 2) for w in widths]
    extent[0], extent[-1] = (-END, widths[0] - END), (END - widths[-1], END)
    # px per layer: same-row neighbours, `rows` layers apart, stay 8 px apart
    step = max(
        [(extent[l][1] - extent[l + rows][0] + 8) / rows for l in range(L + 1 - rows)] + [40.0]
    )
    pad = max(step / 2, END + 2)  # px beyond the end layers
    min_width = int(np.ceil(2 * DIAGRAM_MARGIN + 2 * pad + L * step))
    for l, text in enumerate(texts):
        end = {0: ("left", -END), L: ("right", END)}.get(l, ("center", 0))
        annotations.append(
            dict(
                x=float(l),
                y=label_y[l % rows],
                xanchor=end[0],
                align=end[0],
                xshift=end[1],
                yanchor="top",
                showarrow=False,
                font=dict(size=DIAGRAM_FONT),
                text=text,
            )
        )
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=edges_x,
            y=edges_y,
            mode="lines",
            hoverinfo="skip",
            line=dict(color="rgba(73,80,87,0.25)", width=1),
            name="edges",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=node_x,
            y=node_y,
            mode="markers",
            name="units",
            marker=dict(size=22, color="#fff4e6", line=dict(color=COST_COLOR, width=2)),
            text=node_text,
            hovertemplate="%{text}<extra></extra>",
        )
    )
    fig.update_layout(
        annotations=annotations,
        showlegend=False,
        height=440 if rows == 1 else 480,
        margin=dict(l=DIAGRAM_MARGIN, r=DIAGRAM_MARGIN, t=10, b=10),
        font=FONT,
        xaxis=dict(visible=False, range=[-pad / step, L + pad / step], fixedrange=True),
        yaxis=dict(visible=False, range=[label_y[-1] - 0.45, 1.15], fixedrange=True),
        plot_bgcolor="white",
        meta=dict(min_width=min_width),
    )
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
    network_diagram([3, 2, 1])
    weight_images(np.zeros((1, 12288)))


_warm_up()
