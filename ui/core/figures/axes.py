"""What every run chart is made of: two axes, line traces, thinning, a log cost axis.

Pure Plotly, no Streamlit. The traces and layouts are plain dicts, put together by
:func:`unchecked` without Plotly's validation (the live chart is rebuilt ~20 times per run for
every session; tests validate every kind of figure once).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ui.core.checks import spans_orders_of_magnitude
from ui.core.figures.style import FONT, MODEBAR


def two_axis_layout(lab: dict, height: int, legend: dict) -> dict:
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


def line_trace(
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


def cost_axis(layout: dict, costs: Sequence[Sequence[float]]) -> dict:
    """A log cost axis when the costs span orders of magnitude (a large α: 0.6 … 350,000)."""
    values = [c for run in costs for c in run]
    if spans_orders_of_magnitude(values):
        layout["yaxis"] = {**layout["yaxis"], "type": "log", "rangemode": "normal"}
    return layout


def unchecked(traces: list[dict], layout: dict) -> go.Figure:
    """A figure built without Plotly's property validation (a tenth of the time).

    The live chart is rebuilt ~20 times per run for every session of a class; validating the
    same few properties each time was most of a frame's cost. The dicts come from the functions
    here only, and tests validate every kind of figure once (``go.Figure(fig.to_dict())``).
    """
    return go.Figure(data=traces, layout=layout, _validate=False)
