"""A trained network's figures: its confusion matrix, one picture's P(cat), its weights.

Pure Plotly, no Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.core.figures.style import COST_COLOR, FONT, TRAIN_COLOR


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
            textfont=dict(size=20, weight="bold"),  # large text: 3:1 on its bar is AA
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
