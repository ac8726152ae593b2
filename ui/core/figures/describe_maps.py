"""A heatmap in words (part of :mod:`ui.core.figures.describe`): its range, where it is largest.

A signed map (a diverging scale centred on 0: a matrix, ∂P/∂x) names its largest value in size
and its sign; a matrix drawn reduced (``trace.meta["whole"]``, see
:func:`ui.core.figures.inside.matrix_heatmap`) is described whole, with the part drawn said;
places read "row 42, column 20" / "第 42 行、第 20 列". Also the plain-text helpers both
modules share.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

MAX_CELLS = 30  # a heatmap wider or taller than this gets words only


def plain(value) -> str:
    """A Plotly label as text (labels are HTML-escaped for Plotly, see ui.core.text.label)."""
    return html.unescape(str(value)) if value is not None else ""


def number(v, percent: bool) -> str:
    """A value as the chart shows it: a percentage, a whole number, 4 digits, or a category."""
    if v is not None and (isinstance(v, str) or not np.isscalar(v)):  # a category: "[20, 7]"
        return plain(v)
    if v is None or not np.isfinite(v):
        return "—"
    if percent:
        return f"{v:.1%}"
    if float(v).is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:.4g}"


def axis_title(layout, name: str) -> str:
    """The title of axis ``name`` (``"xaxis2"``), as plain text ("" without one)."""
    axis = layout[name] if name in layout else None
    title = axis.title.text if axis is not None and axis.title is not None else None
    return plain(title or "")


def _ticks(layout, axis: str) -> dict:
    """An axis' tick labels by value, where the figure names its ticks (the grid's values)."""
    name = axis[0] + "axis" + axis[1:]  # "x2" → "xaxis2"
    ax = layout[name] if name in layout else None
    if ax is None or ax.tickvals is None or ax.ticktext is None:
        return {}
    return {v: plain(s) for v, s in zip(ax.tickvals, ax.ticktext, strict=False)}


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
            out += [ticks.get(v, plain(v)) for v in values] if values is not None else []
            out += [str(i + 1) for i in range(len(out), n)]
        shown = np.array(tr.text, dtype=object) if tr.text is not None else None
        return cls(z, ys, xs, shown if shown is not None and shown.shape == z.shape else None)

    def cell(self, i, j) -> str:
        """What cell (i, j) shows: its text, else its value."""
        if self.shown is not None and self.shown[i, j] not in (None, ""):
            return plain(self.shown[i, j])
        return number(self.z[i, j], False)


def place(title: str, label, default: str, text) -> str:
    """Where a value is, on one axis: "row 42" / "第 42 行", or the axis' own title and label."""
    if not title:
        return text(default, n=label)
    if title == text("inside_units"):  # a layer's units: "unit 2" / "第 2 个单元"
        return text("desc_at_unit", n=label)
    return text("desc_at", title=title, label=label)


def _at(layout, tr, i, j, ys, xs, text) -> str:
    """Cell (i, j) of a heatmap as "row …, column …" in the visitor's language."""
    y_title = axis_title(layout, "yaxis" + (tr.yaxis or "y")[1:])
    x_title = axis_title(layout, "xaxis" + (tr.xaxis or "x")[1:])
    return text("desc_at_join").join(
        (
            place(y_title, ys[i], "desc_at_row", text),
            place(x_title, xs[j], "desc_at_column", text),
        )
    )


def heatmap_words(tr, name: str, layout, text):
    """A map's words and, when it is small enough, its table.

    The words give its range and where it is largest; on a signed (diverging) map the largest
    in size, with its sign; for a reduced matrix those of the whole matrix.
    """
    cells = _Cells.of(tr, layout)
    z = cells.z
    if z.ndim != 2 or not np.isfinite(z).any():
        return text("desc_map_empty", name=name), None
    finite = np.isfinite(z)
    signed = tr.zmid is not None and float(tr.zmid) == 0.0  # a diverging scale: size matters
    key = np.abs(z) if signed else z
    r, c = np.unravel_index(np.argmax(np.where(finite, key, -np.inf)), z.shape)
    r0, c0 = np.unravel_index(np.argmin(np.where(finite, z, np.inf)), z.shape)
    r1, c1 = np.unravel_index(np.argmax(np.where(finite, z, -np.inf)), z.shape)
    lo, hi, value = cells.cell(r0, c0), cells.cell(r1, c1), z[r, c]
    at = _at(layout, tr, r, c, cells.ys, cells.xs, text)
    rows, cols = z.shape
    whole = tr.meta.get("whole") if isinstance(tr.meta, dict) else None
    if whole:  # a reduced matrix: its whole range, not that of the part drawn
        rows, cols = whole["shape"]
        lo, hi = number(whole["lo"], False), number(whole["hi"], False)
        value = whole["value"]
        at = text("desc_at_join").join(
            (
                place("", f"{whole['at'][0]:,}", "desc_at_row", text),
                place("", f"{whole['at'][1]:,}", "desc_at_column", text),
            )
        )
    size = dict(name=name, rows=f"{rows:,}", cols=f"{cols:,}")
    if lo == hi:
        words = text("desc_map_same", value=lo, **size)
    elif signed:
        sign = text("desc_negative" if value < 0 else "desc_positive")
        words = text(
            "desc_map_signed", lo=lo, hi=hi, value=number(value, False), sign=sign, at=at, **size
        )
    else:
        words = text("desc_map", lo=lo, hi=hi, at=at, **size)
    if whole:
        words += " " + text("desc_map_part", rows=z.shape[0], cols=z.shape[1])
    if max(z.shape) > MAX_CELLS:
        return words, None
    y_title = axis_title(layout, "yaxis") or text("desc_row")
    x_title = axis_title(layout, "xaxis") or text("desc_column")
    columns = [f"{y_title} \\ {x_title}"] + cells.xs[: z.shape[1]]
    rows = [
        [cells.ys[i]] + [cells.cell(i, j) for j in range(z.shape[1])] for i in range(z.shape[0])
    ]
    return words, (columns, rows)


def on_heatmap(tr, heatmaps) -> bool:
    """Whether ``tr`` is markers drawn on the cells of one of ``heatmaps`` (not a curve)."""
    mode = tr.mode or ""
    axes = (tr.xaxis or "x", tr.yaxis or "y")
    return (
        "markers" in mode
        and "lines" not in mode
        and tr.x is not None
        and any((h.xaxis or "x", h.yaxis or "y") == axes for h in heatmaps)
    )


def marks_words(tr, hm, layout, text) -> str:
    """Markers on a heatmap's cells (the grid's lesson runs, its best cell), cell by cell."""
    cells = _Cells.of(hm, layout)
    y_title = axis_title(layout, "yaxis") or text("desc_row")
    x_title = axis_title(layout, "xaxis") or text("desc_column")
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
        "desc_marks", name=plain(tr.name) or text("desc_curve"), cells=text("desc_sep").join(named)
    )
