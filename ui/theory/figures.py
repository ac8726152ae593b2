"""The network diagram: layers as columns of units, labels that never overlap (pure function)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ui.core.figures.style import COST_COLOR, FONT

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
