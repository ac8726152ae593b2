"""The experiment grid's figures, built by pure functions (no Streamlit here; tests read traces).

:func:`heatmap` draws one number per cell of the grid, with the lesson's runs and the best cell
marked; :func:`peak_curves` draws chosen cells' test accuracy along their runs, a star where it
peaked.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ui.core.figures.peak import held_out_peak, peak_marker
from ui.core.figures.style import COST_COLOR, FONT, MODEBAR, PALETTE

LESSON_COLOR = "#9c36b5"
LABELS = {
    "x": "x",
    "y": "y",
    "test": "test accuracy",
    "train": "train accuracy",
    "cost": "final cost",
    "lesson": "the lesson's runs",
    "best": "best test accuracy",
    "iteration": "iteration",
    "peak_at": "peak {acc} at iteration {it}",
    "no_peak": "no clear peak",
}


def value_text(value: float, metric: str) -> str:
    """A cell's number: ``80.0%`` for an accuracy, ``0.0929`` for a cost, empty for nan."""
    if not np.isfinite(value):
        return ""
    return f"{value:.4f}" if metric == "cost" else f"{value:.1%}"


def heatmap(
    z: np.ndarray,
    x_labels: Sequence[str],
    y_labels: Sequence[str],
    metric: str = "test",
    notes: dict[tuple[int, int], str] | None = None,
    marks: Sequence[tuple[int, int, str]] = (),
    best: tuple[int, int] | None = None,
    extra: dict[tuple[int, int], str] | None = None,
    labels: dict[str, str] | None = None,
) -> go.Figure:
    """One coloured cell per run, its value written in it.

    Parameters
    ----------
    z : ndarray of shape (rows, columns)
        The metric per cell; nan where there is no value (not run yet, diverged).
    x_labels, y_labels : sequence of str
        The columns' and the rows' values.
    metric : {"test", "train", "cost"}
        Accuracies are shown as percentages (darker is higher), costs to 4 decimals (darker is
        lower).
    notes : dict, optional
        (row, column) → a text shown instead of the value (e.g. "diverged").
    marks : sequence of (row, column, name)
        The lesson's runs: a star at the top of their cell, named on hover.
    best : (row, column), optional
        Framed, with a diamond at the bottom of the cell.
    extra : dict, optional
        (row, column) → a further hover line (where test accuracy peaked).
    labels : dict, optional
        Text for "x", "y", the metric, "lesson" and "best" (the UI's language).
    """
    lab = {**LABELS, **(labels or {})}
    z = np.asarray(z, dtype=float)
    rows, cols = z.shape
    notes, extra = notes or {}, extra or {}
    text = [
        [notes.get((r, c)) or value_text(z[r, c], metric) for c in range(cols)] for r in range(rows)
    ]
    hover = [
        [
            "<br>".join(
                s
                for s in (
                    f"{lab['x']}: {x_labels[c]}",
                    f"{lab['y']}: {y_labels[r]}",
                    f"{lab[metric]}: {text[r][c] or '—'}",
                    extra.get((r, c), ""),
                )
                if s
            )
            for c in range(cols)
        ]
        for r in range(rows)
    ]
    traces = [
        go.Heatmap(
            z=z,
            name=lab[metric],  # what the map's text alternative calls it
            x=list(range(cols)),
            y=list(range(rows)),
            text=text,
            texttemplate="%{text}",
            textfont=dict(size=18),
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale="YlGn_r" if metric == "cost" else "YlGn",
            colorbar=dict(title=dict(text=lab[metric]), thickness=14),
            xgap=2,
            ygap=2,
        )
    ]
    if marks:
        traces.append(
            go.Scatter(
                x=[c for _, c, _ in marks],
                y=[r - 0.3 for r, _, _ in marks],
                text=[name for _, _, name in marks],
                mode="markers",
                name=lab["lesson"],
                marker=dict(symbol="star", size=18, color=LESSON_COLOR),
                hovertemplate="%{text}<extra></extra>",
            )
        )
    shapes = []
    if best is not None:
        r, c = best
        shapes.append(
            dict(
                type="rect",
                x0=c - 0.5,
                x1=c + 0.5,
                y0=r - 0.5,
                y1=r + 0.5,
                line=dict(color=COST_COLOR, width=4),
            )
        )
        traces.append(
            go.Scatter(
                x=[c],
                y=[r + 0.3],
                mode="markers",
                name=lab["best"],
                marker=dict(symbol="diamond", size=14, color=COST_COLOR),
                hoverinfo="skip",
            )
        )
    axis = dict(
        showgrid=False, zeroline=False, fixedrange=True, automargin=True, tickfont=dict(size=16)
    )
    layout = dict(
        height=150 + 64 * rows,
        margin=dict(l=10, r=10, t=40, b=10),
        font=FONT,
        shapes=shapes,
        legend=dict(orientation="h", y=1.02, x=0, yanchor="bottom"),
        modebar=MODEBAR,
        xaxis=dict(
            axis,
            title=dict(text=lab["x"]),
            tickvals=list(range(cols)),
            ticktext=list(x_labels),
            range=[-0.5, cols - 0.5],
        ),
        yaxis=dict(
            axis,
            title=dict(text=lab["y"]),
            tickvals=list(range(rows)),
            ticktext=list(y_labels),
            range=[rows - 0.5, -0.5],  # the first row on top
        ),
        plot_bgcolor="#f1f3f5",  # cells without a value
    )
    return go.Figure(data=traces, layout=layout)


def peak_curves(
    series: Sequence[tuple[str, Sequence[tuple[int, float]]]],
    labels: dict[str, str] | None = None,
    pictures: int = 50,
) -> go.Figure:
    """Test accuracy along each chosen run, a star where its average really peaked.

    ``series`` holds (name, [(iteration, test accuracy), …]) measured on ``pictures`` test
    pictures; the legend says where each peaked (:func:`held_out_peak`), or that it did not.
    """
    lab = {**LABELS, **(labels or {})}
    traces = []
    for k, (name, curve) in enumerate(series):
        color = PALETTE[k % len(PALETTE)]
        it = [p[0] for p in curve]
        acc = [p[1] for p in curve]
        peak = held_out_peak(curve, pictures)
        if peak is None:
            where = lab["no_peak"]
        else:
            where = lab["peak_at"].format(acc=f"{peak.accuracy:.1%}", it=f"{peak.iteration:,}")
        group = str(k)
        traces.append(
            go.Scatter(
                x=it,
                y=acc,
                name=f"{name} · {where}",
                mode="lines",
                line=dict(color=color, width=2),
                legendgroup=group,
                hovertemplate="%{y:.1%}",
            )
        )
        if peak is not None:
            traces.append(
                peak_marker(peak, where, color, axis="y", legendgroup=group, showlegend=False)
            )
    layout = dict(
        height=340 + 24 * len(series),
        margin=dict(l=10, r=10, t=20, b=10),
        font=FONT,
        hovermode="x unified",
        legend=dict(orientation="h", y=-0.18, x=0, yanchor="top", font=dict(size=14)),
        modebar=MODEBAR,
        xaxis=dict(title=dict(text=lab["iteration"]), rangemode="tozero"),
        yaxis=dict(title=dict(text=lab["test"]), tickformat=".0%"),
    )
    return go.Figure(data=traces, layout=layout)


def _warm_up() -> None:
    """Build each figure once at import (see :func:`ui.core.figures.charts._warm_up`)."""
    heatmap(np.array([[0.5, np.nan]]), ["a", "b"], ["c"], marks=[(0, 0, "m")], best=(0, 0))
    peak_curves([("a", [(0, 0.5), (10, 0.6)])])


_warm_up()
