"""A chart in words and as a table, for a screen reader (issue 20): a pure function of a figure.

:func:`describe` reads any figure the app draws — lines (the cost and accuracy curves), a
horizontal bar (P(cat)), heatmaps (the confusion matrix, a step's matrices, the grid, where the
network looked), bars (a layer's activations) and pictures (W^[1]) — and says what it shows in
the visitor's language: each curve from what to what over which iterations, the bar's value,
what a heatmap maps and where it is largest. Its data comes as a table of at most
``MAX_ROWS`` rows. The texts come from ``text(key, **values)`` (``ui.core.i18n.t``), so the
function itself reads no session. :func:`attach` puts both into the figure's ``layout.meta``,
where the page's script (``ui/shell/a11y.py``) shows them beside the chart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import plotly.graph_objects as go

from ui.core.figures.describe_maps import (
    axis_title,
    heatmap_words,
    marks_words,
    number,
    on_heatmap,
    place,
    plain,
)

MAX_ROWS = 30  # a table a screen reader can walk; a longer curve is sampled evenly
META = "dnn_text"  # the key in layout.meta


@dataclass(frozen=True)
class ChartText:
    """What a chart shows in words, and its data as a table (columns, rows of text)."""

    summary: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def _is_percent(layout, axis: str) -> bool:
    name = "yaxis" + ("" if axis in ("y", "y1") else axis[1:])
    return name in layout and (layout[name].tickformat or "").endswith("%")


def _panel_titles(layout) -> list[str]:
    return [plain(a.text) for a in layout.annotations or () if a.text]


def _panel(tr, panels: list[str]) -> str:
    """The subplot title of the panel a trace is drawn in (make_subplots' titles, in order)."""
    axis = tr.xaxis or "x"
    k = int(axis[1:] or 1) - 1
    return panels[k] if k < len(panels) else ""


def _x_title(layout, tr) -> str:
    axis = tr.xaxis or "x"
    return axis_title(layout, "xaxis" + axis[1:])


def describe(fig: go.Figure, text: Callable[..., str]) -> ChartText:
    """The figure in words and as a table (see the module's docstring)."""
    layout = fig.layout
    title = plain(layout.title.text) if layout.title and layout.title.text else ""
    panels = _panel_titles(layout)
    parts: list[str] = []
    lines, heatmaps, bars, images = [], [], [], []
    for tr in fig.data:
        {"scatter": lines, "heatmap": heatmaps, "bar": bars, "image": images}.get(
            tr.type, []
        ).append(tr)
    x_title = axis_title(layout, "xaxis") or text("desc_x")
    columns: list[str] = []
    rows: list[list[str]] = []
    marks = [tr for tr in lines if on_heatmap(tr, heatmaps)]
    lines = [tr for tr in lines if tr not in marks]
    curves = [tr for tr in lines if tr.x is not None and len(tr.x) >= 2]
    for tr in lines:
        pct = _is_percent(layout, tr.yaxis or "y")
        x = [] if tr.x is None else list(tr.x)
        y = [] if tr.y is None else list(tr.y)
        if not x:
            continue
        name = plain(tr.name) or text("desc_curve")
        if len(x) >= 2:
            parts.append(
                text(
                    "desc_line",
                    name=name,
                    first=number(y[0], pct),
                    last=number(y[-1], pct),
                    x=x_title,
                    x0=number(x[0], False),
                    x1=number(x[-1], False),
                )
            )
        else:
            parts.append(
                text(
                    "desc_point",
                    name=name,
                    y=number(y[0], pct),
                    x=x_title,
                    x0=number(x[0], False),
                )
            )
    if curves:
        columns, rows = _curve_table(curves, layout, x_title)
    if len(images) == 1:
        tr = images[0]
        h, w = np.shape(tr.z)[:2]
        name = _panel(tr, panels) or title or text("desc_picture")
        parts.append(text("desc_image", name=name, w=w, h=h))
    elif images:
        names = [_panel(tr, panels) or title for tr in images]
        parts.append(text("desc_images", n=len(images), names=", ".join(n for n in names if n)))
    for tr in heatmaps:
        shared = [h for h in heatmaps if h is not tr and (h.xaxis or "x") == (tr.xaxis or "x")]
        if tr.hoverinfo == "skip" and shared:  # a backdrop under another map (the picture)
            continue
        name = plain(tr.name) or _panel(tr, panels) or title or text("desc_heatmap")
        words, table = heatmap_words(tr, name, layout, text)
        parts.append(words)
        if table and not rows:
            columns, rows = table
        parts += [marks_words(m, tr, layout, text) for m in marks if on_heatmap(m, [tr])]
    for tr in bars:
        words, table = _bars(tr, panels, layout, text)
        parts.append(words)
        if table and not rows:
            columns, rows = table
    if not parts:
        parts.append(text("desc_empty"))
    summary = (f"{title}: " if title and not heatmaps else "") + " ".join(parts)
    return ChartText(summary, columns, rows)


def _curve_table(curves, layout, x_title: str) -> tuple[list[str], list[list[str]]]:
    """One row per x of the sparsest curve (at most MAX_ROWS, evenly), a column per curve.

    Every curve's last point has its row too (a run that went on longer, or one that stopped
    earlier, ends where its summary's numbers are).
    """
    sparse = min(curves, key=lambda tr: len(tr.x))
    xs = list(sparse.x)
    ends = {tr.x[-1] for tr in curves} - set(xs)
    if not all(isinstance(v, int | float | np.number) for v in ends):  # categories keep order
        ends = set()
    if len(xs) > MAX_ROWS - len(ends):
        k = max(MAX_ROWS - len(ends), 2)
        xs = [xs[int(i)] for i in np.unique(np.linspace(0, len(xs) - 1, k).round())]
    if ends:
        xs = sorted(set(xs) | ends)
    columns = [x_title] + [plain(tr.name) for tr in curves]
    values = [dict(zip(list(tr.x), list(tr.y), strict=False)) for tr in curves]
    pcts = [_is_percent(layout, tr.yaxis or "y") for tr in curves]
    rows = [
        [number(x, False)]
        + [number(v.get(x), p) if x in v else "—" for v, p in zip(values, pcts, strict=True)]
        for x in xs
    ]
    return columns, rows


def _bars(tr, panels: list[str], layout, text):
    horizontal = tr.orientation == "h"
    values = np.array(tr.x if horizontal else tr.y, dtype=float)
    labels = list(tr.y if horizontal else (tr.x if tr.x is not None else range(1, len(values) + 1)))
    pct = _is_percent(layout, "x") if horizontal else False
    if horizontal and "xaxis" in layout and (layout.xaxis.tickformat or "").endswith("%"):
        pct = True
    name = plain(tr.name) or _panel(tr, panels)
    x_title = "" if horizontal else _x_title(layout, tr)
    table = (
        [text("desc_label"), text("desc_value")],
        [[plain(lab), number(v, pct)] for lab, v in zip(labels, values, strict=False)],
    )
    if len(values) == 1:
        return text("desc_bar", name=name or plain(labels[0]), value=number(values[0], pct)), table
    if len(values) and np.all(values == values[0]):  # e.g. a hidden layer silenced: all 0
        return text("desc_bars_same", name=name, n=len(values), v=number(values[0], pct)), table
    i = int(np.nanargmax(values))
    words = text(
        "desc_bars",
        name=name,
        n=len(values),
        lo=number(np.nanmin(values), pct),
        hi=number(values[i], pct),
        at=place(x_title, plain(labels[i]), "desc_at_unit", text),
    )
    return words, table if len(values) <= MAX_ROWS else None


def attach(fig: go.Figure, words: ChartText, table_label: str) -> go.Figure:
    """``fig`` with ``words`` in its ``layout.meta`` (kept beside any meta it had)."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    fig.layout.meta = {
        **meta,
        META: {
            "summary": words.summary,
            "columns": words.columns,
            "rows": words.rows,
            "label": table_label,
        },
    }
    return fig
