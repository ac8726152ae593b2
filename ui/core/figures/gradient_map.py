"""What the network looked at: a picture, |∂P/∂x| and ∂P/∂x side by side (look inside).

A pure function from numbers to a ``plotly.graph_objects.Figure`` (no Streamlit); tests read its
traces.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.core.figures.inside import DIVERGING, FONT

SENSITIVITY = "Oranges"  # |∂P/∂x|: white at 0, darker (by luminance) up to the largest


def input_gradient_map(
    picture: np.ndarray, gradient: np.ndarray, titles: Sequence[str] = ("", "", "")
) -> go.Figure:
    """The picture, where P(cat) is most sensitive, and which way each pixel pushes it.

    Parameters
    ----------
    picture : ndarray of shape (64, 64, 3), uint8
        What the network sees.
    gradient : ndarray of shape (12288,)
        ∂P(cat)/∂x for this picture, in the picture's (height, width, channel) order.
    titles : three str
        Panel titles.

    Returns
    -------
    go.Figure
        Panel 1 the picture; panel 2 |∂P/∂x| summed over R, G, B alone, on a scale from white
        (0) to dark (its largest), so the darkness is the sensitivity and nothing else (drawn
        over a grey copy of the picture, the picture's own dark parts looked "sensitive": the
        lesson's model on the test photo has the same |∂P/∂x| in its sky and on its hill);
        panel 3 the signed sum (red: brighter raises P(cat), blue: lowers it). Rows and columns
        are counted from 1 at the top left, in the hover text as in the chart's words.
    """
    side = picture.shape[0]
    g = np.asarray(gradient, dtype=float).reshape(side, side, 3)
    magnitude = np.abs(g).sum(axis=2)  # (64, 64)
    signed = g.sum(axis=2)
    place = list(range(1, side + 1))  # 1-based, as the words say them
    fig = make_subplots(rows=1, cols=3, subplot_titles=list(titles), horizontal_spacing=0.03)
    fig.add_trace(go.Image(z=picture, hoverinfo="skip"), row=1, col=1)
    top = float(magnitude.max()) or 1.0
    fig.add_trace(
        go.Heatmap(
            z=magnitude,
            x=place,
            y=place,
            colorscale=SENSITIVITY,
            zmin=0,
            zmax=top,
            showscale=False,
            hovertemplate="(%{y}, %{x}) |∂P/∂x| = %{z:.3g}<extra></extra>",
        ),
        row=1,
        col=2,
    )
    peak = float(np.abs(signed).max()) or 1.0
    fig.add_trace(
        go.Heatmap(
            z=signed,
            x=place,
            y=place,
            colorscale=DIVERGING,
            zmid=0,
            zmin=-peak,
            zmax=peak,
            showscale=False,
            hovertemplate="(%{y}, %{x}) ∂P/∂x = %{z:.3g}<extra></extra>",
        ),
        row=1,
        col=3,
    )
    for col in (1, 2, 3):
        fig.update_xaxes(visible=False, row=1, col=col, constrain="domain")
        fig.update_yaxes(
            visible=False,
            row=1,
            col=col,
            autorange="reversed",
            scaleanchor="x" if col == 1 else f"x{col}",
            constrain="domain",
            constraintoward="top",  # a narrow (phone) figure: the pictures right under titles
        )
    for col in (2, 3):  # a thin frame: a map's white (no slope) still shows where it ends
        fig.add_shape(
            type="rect",
            xref=f"x{col} domain",
            yref=f"y{col} domain",
            x0=0,
            x1=1,
            y0=0,
            y1=1,
            line=dict(color="#adb5bd", width=1),
            layer="above",
        )
    fig.update_layout(height=280, margin=dict(l=5, r=5, t=40, b=5), font=FONT)
    return fig
