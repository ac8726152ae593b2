"""Figures that look inside the network: matrices as heatmaps, a layer's activations.

Pure functions from numbers to ``plotly.graph_objects.Figure`` (no Streamlit); tests read their
traces. The input gradient's map is :mod:`ui.core.figures.gradient_map`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.core.figures.style import COST_COLOR, TEST_COLOR, TRAIN_COLOR

FONT = dict(size=14)
MAX_ROWS, MAX_COLS = 40, 60  # a heatmap shows at most this many rows and columns
NUMBERS_UP_TO = 60  # cells: up to this many, each cell shows its number
DIVERGING = "RdBu_r"  # negative blue, zero white, positive red
UNIT_INTERVAL = "Purples"  # probabilities and labels: 0 white, 0.5 mid purple, 1 dark
# look inside: a hidden layer's panel, the output's bar and the room between (titles, ticks), px
HIDDEN_PANEL_PX, OUTPUT_PANEL_PX, PANEL_GAP_PX = 90, 26, 64


@dataclass(frozen=True)
class Reduced:
    """The part of a matrix a heatmap shows: every row/column, or evenly spaced ones."""

    values: np.ndarray  # (len(rows), len(cols))
    rows: np.ndarray  # indices into the full matrix's rows
    cols: np.ndarray
    shape: tuple[int, int]  # of the full matrix

    @property
    def is_reduced(self) -> bool:
        """True when some rows or columns are left out."""
        return self.values.shape != self.shape


def spaced(n: int, k: int) -> np.ndarray:
    """All of 0…n-1 when n ≤ k, else k evenly spaced indices from 0 to n-1."""
    if n <= k:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, k).round().astype(np.int64))


def reduce(M: np.ndarray, max_rows: int = MAX_ROWS, max_cols: int = MAX_COLS) -> Reduced:
    """Keep evenly spaced rows and columns of a large matrix (exact values, real indices).

    Parameters
    ----------
    M : ndarray of shape (n_rows, n_cols)
    """
    M = np.atleast_2d(M)
    rows, cols = spaced(M.shape[0], max_rows), spaced(M.shape[1], max_cols)
    return Reduced(M[np.ix_(rows, cols)], rows, cols, (int(M.shape[0]), int(M.shape[1])))


def matrix_heatmap(
    M: np.ndarray, name: str, height: int | None = None, unit_interval: bool = False
) -> go.Figure:
    """One matrix as a heatmap: zero is white, values on hover with their (row, column).

    Small matrices show their numbers in the cells; large ones are reduced with
    :func:`reduce` (the axes keep the real 1-based indices).

    Parameters
    ----------
    M : ndarray of shape (n_rows, n_cols)
    name : str
        Shown as the title and in the hover text, e.g. ``"W[1]"``.
    unit_interval : bool
        For probabilities and labels (A[L], Y): a fixed 0…1 scale from white to dark, so 0.53
        is drawn half-way and only 1 is as dark as a label Y = 1 (the ±peak diverging scale
        drew 0.50–0.56 as saturated as 1).
    """
    part = reduce(M)
    r, c = part.values.shape
    y = [str(i + 1) for i in part.rows]
    x = [str(j + 1) for j in part.cols]
    peak = float(np.max(np.abs(part.values))) if part.values.size else 0.0
    if unit_interval:
        scale = dict(colorscale=UNIT_INTERVAL, zmin=0.0, zmax=1.0)
        bar = dict(tickvals=[0, 0.5, 1])
    else:
        scale = dict(
            colorscale=DIVERGING,
            zmid=0.0,
            zmin=-peak if peak else -1.0,
            zmax=peak if peak else 1.0,
        )
        bar = {}
    heat = go.Heatmap(
        z=part.values,
        x=x,
        y=y,
        hovertemplate=f"{name}[%{{y}}, %{{x}}] = %{{z:.6g}}<extra></extra>",
        colorbar=dict(thickness=10, len=0.9, **bar),
        **scale,
    )
    if part.is_reduced:  # the chart's words give the whole matrix's range, not the part's
        full = np.asarray(M, dtype=float)
        size = full if unit_interval else np.abs(full)
        i, j = np.unravel_index(int(np.argmax(size)), full.shape)
        heat.meta = dict(
            whole=dict(
                shape=list(part.shape),
                lo=float(full.min()),
                hi=float(full.max()),
                value=float(full[i, j]),
                at=[int(i) + 1, int(j) + 1],
            )
        )
    if r * c <= NUMBERS_UP_TO:
        heat.update(texttemplate="%{z:.3f}", textfont=dict(size=12))
    fig = go.Figure(heat)
    shape = f"{part.shape[0]:,} × {part.shape[1]:,}"
    fig.update_layout(
        title=dict(text=f"{name}  ({shape})", font=dict(size=15)),
        height=height or int(min(max(90 + 24 * r, 150), 430)),
        margin=dict(l=10, r=10, t=40, b=10),
        font=FONT,
        xaxis=dict(type="category", showgrid=False, tickfont=dict(size=10)),
        yaxis=dict(type="category", autorange="reversed", showgrid=False, tickfont=dict(size=10)),
    )
    return fig


def layer_activations(
    activations: Sequence[np.ndarray],
    unit_label: str = "unit",
    layer_label: str = "A[{l}] ({n})",
    output_label: str = "A[{l}] = P(cat)",
    zero_label: str = "all 0",
) -> go.Figure:
    """A^[1] … A^[L] of one picture, one panel per layer stacked top to bottom.

    A hidden layer is a bar chart, one bar per unit; the output layer one horizontal bar on
    0…1. One panel per row reads at every width, a phone's too (panels side by side ran their
    titles and ticks together at 390 px).

    Parameters
    ----------
    activations : sequence of ndarray of shape (n_l,)
        A^[l] for l = 1 … L, for one example.
    unit_label : str
        The x-axis title of a hidden layer's panel (hidden units).
    layer_label, output_label : str
        A hidden layer's and the output layer's panel title; ``{l}`` is the layer number and
        ``{n}`` its number of units.
    zero_label : str
        Written across a hidden layer's panel whose units are all 0 (a picture that silences a
        whole ReLU layer), where no bar would show.
    """
    L = len(activations)
    hidden_px, output_px = HIDDEN_PANEL_PX, OUTPUT_PANEL_PX
    plots = [hidden_px] * (L - 1) + [output_px]
    gap = PANEL_GAP_PX
    top, bottom = 28, 30
    inner = sum(plots) + gap * (L - 1)
    fig = make_subplots(
        rows=L,
        cols=1,
        row_heights=[p / sum(plots) for p in plots],
        vertical_spacing=gap / inner if L > 1 else 0.0,
        subplot_titles=[
            (output_label if l == L else layer_label).format(l=l, n=len(a))
            for l, a in enumerate(activations, start=1)
        ],
    )
    for note in fig.layout.annotations:  # each title at its panel's left edge: never cut
        note.update(x=0.0, xanchor="left", font=dict(size=14))
    for l, a in enumerate(activations, start=1):
        a = np.asarray(a, dtype=float).ravel()
        if l == L:
            fig.add_trace(
                go.Bar(
                    x=a,
                    y=[output_label.format(l=l, n=len(a))] * len(a),  # the table's label
                    orientation="h",
                    marker_color=TEST_COLOR,
                    name=f"A[{l}]",
                    hovertemplate=f"A[{l}] = %{{x:.4f}}<extra></extra>",
                    showlegend=False,
                    width=0.8,
                ),
                row=l,
                col=1,
            )
            fig.update_xaxes(range=[0, 1], dtick=0.25, row=l, col=1, tickfont=dict(size=10))
            fig.update_yaxes(visible=False, row=l, col=1)
            continue
        units = np.arange(1, len(a) + 1)
        fig.add_trace(
            go.Bar(
                x=units,
                y=a,
                marker_color=np.where(a > 0, COST_COLOR, TRAIN_COLOR),
                name=f"A[{l}]",
                hovertemplate=f"A[{l}] %{{x}} = %{{y:.4f}}<extra></extra>",
                showlegend=False,
            ),
            row=l,
            col=1,
        )
        ticks = dict(tickmode="array", tickvals=units) if len(a) <= 10 else {}
        fig.update_xaxes(
            title=dict(text=unit_label, font=dict(size=11)),
            row=l,
            col=1,
            tickfont=dict(size=10),
            **ticks,
        )
        fig.update_yaxes(nticks=4, tickfont=dict(size=10), row=l, col=1)
        if not a.any():  # no bar to see: the panel says why it is empty
            fig.add_annotation(
                text=zero_label,
                xref="x domain",
                yref="y domain",
                x=0.5,
                y=0.5,
                showarrow=False,
                font=dict(size=16, color=TRAIN_COLOR),
                row=l,
                col=1,
            )
    fig.update_layout(
        height=top + bottom + inner,
        margin=dict(l=10, r=10, t=top, b=bottom),
        font=FONT,
        bargap=0.15,
    )
    return fig
