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

import html
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import plotly.graph_objects as go

MAX_ROWS = 30  # a table a screen reader can walk; a longer curve is sampled evenly
MAX_CELLS = 30  # a heatmap wider or taller than this gets words only
META = "dnn_text"  # the key in layout.meta


@dataclass(frozen=True)
class ChartText:
    """What a chart shows in words, and its data as a table (columns, rows of text)."""

    summary: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def _plain(value) -> str:
    """A Plotly label as text (labels are HTML-escaped for Plotly, see ui.core.text.label)."""
    return html.unescape(str(value)) if value is not None else ""


def _number(v, percent: bool) -> str:
    if v is not None and (isinstance(v, str) or not np.isscalar(v)):  # a category: "[20, 7]"
        return _plain(v)
    if v is None or not np.isfinite(v):
        return "—"
    if percent:
        return f"{v:.1%}"
    if float(v).is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:.4g}"


def _axis_title(layout, name: str) -> str:
    axis = layout[name] if name in layout else None
    title = axis.title.text if axis is not None and axis.title is not None else None
    return _plain(title or "")


def _is_percent(layout, axis: str) -> bool:
    name = "yaxis" + ("" if axis in ("y", "y1") else axis[1:])
    return name in layout and (layout[name].tickformat or "").endswith("%")


def _panel_titles(layout) -> list[str]:
    return [_plain(a.text) for a in layout.annotations or () if a.text]


def _panel(tr, panels: list[str]) -> str:
    """The subplot title of the panel a trace is drawn in (make_subplots' titles, in order)."""
    axis = tr.xaxis or "x"
    k = int(axis[1:] or 1) - 1
    return panels[k] if k < len(panels) else ""


def _x_title(layout, tr) -> str:
    axis = tr.xaxis or "x"
    return _axis_title(layout, "xaxis" + axis[1:])


def describe(fig: go.Figure, text: Callable[..., str]) -> ChartText:
    """The figure in words and as a table (see the module's docstring)."""
    layout = fig.layout
    title = _plain(layout.title.text) if layout.title and layout.title.text else ""
    panels = _panel_titles(layout)
    parts: list[str] = []
    lines, heatmaps, bars, images = [], [], [], []
    for tr in fig.data:
        {"scatter": lines, "heatmap": heatmaps, "bar": bars, "image": images}.get(
            tr.type, []
        ).append(tr)
    x_title = _axis_title(layout, "xaxis") or text("desc_x")
    columns: list[str] = []
    rows: list[list[str]] = []
    marks = [tr for tr in lines if _on_heatmap(tr, heatmaps)]
    lines = [tr for tr in lines if tr not in marks]
    curves = [tr for tr in lines if tr.x is not None and len(tr.x) >= 2]
    for tr in lines:
        pct = _is_percent(layout, tr.yaxis or "y")
        x = [] if tr.x is None else list(tr.x)
        y = [] if tr.y is None else list(tr.y)
        if not x:
            continue
        name = _plain(tr.name) or text("desc_curve")
        if len(x) >= 2:
            parts.append(
                text(
                    "desc_line",
                    name=name,
                    first=_number(y[0], pct),
                    last=_number(y[-1], pct),
                    x=x_title,
                    x0=_number(x[0], False),
                    x1=_number(x[-1], False),
                )
            )
        else:
            parts.append(
                text(
                    "desc_point",
                    name=name,
                    y=_number(y[0], pct),
                    x=x_title,
                    x0=_number(x[0], False),
                )
            )
    if curves:
        columns, rows = _curve_table(curves, layout, x_title)
    for tr in heatmaps:
        shared = [h for h in heatmaps if h is not tr and (h.xaxis or "x") == (tr.xaxis or "x")]
        if tr.hoverinfo == "skip" and shared:  # a backdrop under another map (the picture)
            continue
        name = _plain(tr.name) or _panel(tr, panels) or title or text("desc_heatmap")
        words, table = _heatmap(tr, name, layout, text)
        parts.append(words)
        if table and not rows:
            columns, rows = table
        parts += [_marks(m, tr, layout, text) for m in marks if _on_heatmap(m, [tr])]
    for tr in bars:
        words, table = _bars(tr, panels, layout, text)
        parts.append(words)
        if table and not rows:
            columns, rows = table
    if images:
        names = [_panel(tr, panels) or title for tr in images]
        parts.append(text("desc_images", n=len(images), names=", ".join(n for n in names if n)))
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
    columns = [x_title] + [_plain(tr.name) for tr in curves]
    values = [dict(zip(list(tr.x), list(tr.y), strict=False)) for tr in curves]
    pcts = [_is_percent(layout, tr.yaxis or "y") for tr in curves]
    rows = [
        [_number(x, False)]
        + [_number(v.get(x), p) if x in v else "—" for v, p in zip(values, pcts, strict=True)]
        for x in xs
    ]
    return columns, rows


def _ticks(layout, axis: str) -> dict:
    """An axis' tick labels by value, where the figure names its ticks (the grid's values)."""
    name = axis[0] + "axis" + axis[1:]  # "x2" → "xaxis2"
    ax = layout[name] if name in layout else None
    if ax is None or ax.tickvals is None or ax.ticktext is None:
        return {}
    return {v: _plain(s) for v, s in zip(ax.tickvals, ax.ticktext, strict=False)}


@dataclass
class _Cells:
    """A heatmap's cells as the chart shows them: row and column labels, each cell's text."""

    z: np.ndarray  # (rows, columns)
    ys: list[str]
    xs: list[str]
    shown: np.ndarray | None  # the text written in each cell, if any

    @classmethod
    def of(cls, tr, layout) -> _Cells:
        z = np.array(tr.z, dtype=float)
        rows, cols = z.shape if z.ndim == 2 else (0, 0)
        ys, xs = [], []
        for values, axis, n, out in (
            (tr.y, tr.yaxis or "y", rows, ys),
            (tr.x, tr.xaxis or "x", cols, xs),
        ):
            ticks = _ticks(layout, axis)
            out += [ticks.get(v, _plain(v)) for v in values] if values is not None else []
            out += [str(i + 1) for i in range(len(out), n)]
        shown = np.array(tr.text, dtype=object) if tr.text is not None else None
        return cls(z, ys, xs, shown if shown is not None and shown.shape == z.shape else None)

    def cell(self, i, j) -> str:
        """What cell (i, j) shows: its text, else its value."""
        if self.shown is not None and self.shown[i, j] not in (None, ""):
            return _plain(self.shown[i, j])
        return _number(self.z[i, j], False)


def _heatmap(tr, name: str, layout, text):
    cells = _Cells.of(tr, layout)
    z = cells.z
    if z.ndim != 2 or not np.isfinite(z).any():
        return text("desc_map_empty", name=name), None
    finite = np.isfinite(z)
    r, c = np.unravel_index(np.argmax(np.where(finite, z, -np.inf)), z.shape)
    r0, c0 = np.unravel_index(np.argmin(np.where(finite, z, np.inf)), z.shape)
    y_title = _axis_title(layout, "yaxis") or text("desc_row")
    x_title = _axis_title(layout, "xaxis") or text("desc_column")
    words = text(
        "desc_map",
        name=name,
        rows=z.shape[0],
        cols=z.shape[1],
        lo=cells.cell(r0, c0),
        hi=cells.cell(r, c),
        y=y_title,
        y0=cells.ys[r],
        x=x_title,
        x0=cells.xs[c],
    )
    if max(z.shape) > MAX_CELLS:
        return words, None
    columns = [f"{y_title} \\ {x_title}"] + cells.xs[: z.shape[1]]
    rows = [
        [cells.ys[i]] + [cells.cell(i, j) for j in range(z.shape[1])] for i in range(z.shape[0])
    ]
    return words, (columns, rows)


def _on_heatmap(tr, heatmaps) -> bool:
    """Whether ``tr`` is markers drawn on the cells of one of ``heatmaps`` (not a curve)."""
    mode = tr.mode or ""
    axes = (tr.xaxis or "x", tr.yaxis or "y")
    return (
        "markers" in mode
        and "lines" not in mode
        and tr.x is not None
        and any((h.xaxis or "x", h.yaxis or "y") == axes for h in heatmaps)
    )


def _marks(tr, hm, layout, text) -> str:
    """Markers on a heatmap's cells (the grid's lesson runs, its best cell), cell by cell."""
    cells = _Cells.of(hm, layout)
    y_title = _axis_title(layout, "yaxis") or text("desc_row")
    x_title = _axis_title(layout, "xaxis") or text("desc_column")
    rows, cols = cells.z.shape if cells.z.ndim == 2 else (0, 0)
    named = []
    for x, y in zip(tr.x, tr.y, strict=False):
        i, j = round(float(y)), round(float(x))
        if 0 <= i < rows and 0 <= j < cols:
            values = dict(
                y=y_title, y0=cells.ys[i], x=x_title, x0=cells.xs[j], value=cells.cell(i, j)
            )
            named.append(text("desc_cell", **values))
    return text(
        "desc_marks", name=_plain(tr.name) or text("desc_curve"), cells=text("desc_sep").join(named)
    )


def _bars(tr, panels: list[str], layout, text):
    horizontal = tr.orientation == "h"
    values = np.array(tr.x if horizontal else tr.y, dtype=float)
    labels = list(tr.y if horizontal else (tr.x if tr.x is not None else range(1, len(values) + 1)))
    pct = _is_percent(layout, "x") if horizontal else False
    if horizontal and "xaxis" in layout and (layout.xaxis.tickformat or "").endswith("%"):
        pct = True
    name = _plain(tr.name) or _panel(tr, panels)
    x_title = "" if horizontal else _x_title(layout, tr)
    table = (
        [text("desc_label"), text("desc_value")],
        [[_plain(lab), _number(v, pct)] for lab, v in zip(labels, values, strict=False)],
    )
    if len(values) == 1:
        return text(
            "desc_bar", name=name or _plain(labels[0]), value=_number(values[0], pct)
        ), table
    if len(values) and np.all(values == values[0]):  # e.g. a hidden layer silenced: all 0
        return text("desc_bars_same", name=name, n=len(values), v=_number(values[0], pct)), table
    i = int(np.nanargmax(values))
    words = text(
        "desc_bars",
        name=name,
        n=len(values),
        lo=_number(np.nanmin(values), pct),
        hi=_number(values[i], pct),
        at=f"{x_title} {_plain(labels[i])}".strip(),
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
