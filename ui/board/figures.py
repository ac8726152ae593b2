"""The board's picture: two settings the teacher picks, each against test accuracy (pure).

Each point is one run (a student's); hovering names the student (escaped for Plotly's HTML
subset). The lesson's 2-layer and 4-layer runs are stars at their own settings and accuracy.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.core.figures.describe import ChartText
from ui.core.figures.style import FONT, MODEBAR, PALETTE, TEST_COLOR
from ui.core.text import label

SETTINGS = ("hidden_layers", "learning_rate", "iterations", "l2", "seconds")
LOG_AXES = {"learning_rate"}


def scatter(rows: list[dict], axes: tuple[str, str], y_field: str, names: dict) -> go.Figure:
    """Two panels: ``axes[k]`` across, ``y_field`` (public_acc or test_acc) up, in %.

    ``rows`` are the visible runs and the lesson's (``lesson`` set to its name); ``names`` has
    the axis titles, ``y`` and ``grid_cell``, already in the viewer's language.
    """
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.06)
    students = sorted({r["nickname"] for r in rows if not r.get("lesson")})
    colour = {n: PALETTE[k % len(PALETTE)] for k, n in enumerate(students)}
    mine = [r for r in rows if not r.get("lesson")]
    lesson = [r for r in rows if r.get("lesson")]
    for col, field in enumerate(axes, start=1):
        if lesson:  # under the students' points: a run with the lesson's settings sits on its star
            fig.add_trace(
                go.Scatter(
                    x=[_x(r, field) for r in lesson],
                    y=[100 * r[y_field] for r in lesson],
                    mode="markers+text" if col == 1 else "markers",
                    text=[label(r["lesson"]) for r in lesson],
                    textposition="bottom center",
                    cliponaxis=False,
                    marker=dict(
                        symbol="star",
                        size=26,
                        color="rgba(0,0,0,0)",
                        line=dict(width=2, color=TEST_COLOR),
                    ),
                    hovertemplate="%{text}: %{y:.0f} %<extra></extra>",
                    showlegend=False,
                ),
                row=1,
                col=col,
            )
        if mine:  # one trace for every student's runs: a class of 30 redraws fast
            fig.add_trace(_points(mine, field, y_field, colour, names), row=1, col=col)
        fig.update_xaxes(
            title_text=names[field],
            type="log" if field in LOG_AXES else ("category" if field == "hidden_layers" else None),
            row=1,
            col=col,
        )
    fig.update_yaxes(title_text=names["y"], range=[0, 102], row=1, col=1)
    fig.update_layout(
        height=460,
        margin=dict(l=60, r=20, t=30, b=60),
        font=FONT,
        showlegend=False,
        modebar=MODEBAR,
    )
    return fig


def _x(row: dict, field: str):
    value = row[field]
    return f"[{value.replace('-', ', ')}]" if field == "hidden_layers" else value


def _points(rows, field, y_field, colour, names) -> go.Scatter:
    grid = [r["grid_cell"] for r in rows]
    return go.Scatter(
        x=[_x(r, field) for r in rows],
        y=[100 * r[y_field] for r in rows],
        mode="markers",
        marker=dict(
            size=14,
            color=[colour[r["nickname"]] for r in rows],
            symbol=["square" if g else "circle" for g in grid],
            line=dict(width=1, color="white"),
            opacity=0.85,
        ),
        customdata=[
            [label(r["nickname"]), names["grid_cell"] if g else ""]
            for r, g in zip(rows, grid, strict=True)
        ],
        hovertemplate="%{customdata[0]}<br>%{x}: %{y:.0f} % %{customdata[1]}<extra></extra>",
        showlegend=False,
    )


def scatter_words(rows: list[dict], axes: tuple[str, str], y_field: str, names: dict, text):
    """The scatter in words and as a table: a run a row, the best run named (screen readers).

    ``text(key, **values)`` is the visitor's language (:func:`ui.core.i18n.t`); the same
    ``rows``, ``axes``, ``y_field`` and ``names`` as :func:`scatter`. Nicknames stay as typed:
    the page's script puts these texts in as text (``textContent``), never as markup.
    """
    runs = [r for r in rows if not r.get("lesson")]
    lesson = [r for r in rows if r.get("lesson")]
    columns = [text("board_words_student"), names[axes[0]], names[axes[1]], names["y"]]
    table = [
        [str(r.get("lesson") or r["nickname"]), str(_x(r, axes[0])), str(_x(r, axes[1]))]
        + [f"{100 * r[y_field]:.0f} %"]
        for r in runs + lesson
    ]
    # the lesson's runs on the board's y (the public half's 25 pictures until revealed): said
    # with their numbers, which are not the lesson's printed 74 % and 80 % on all 50
    stars = ", ".join(f"{r['lesson']} {100 * r[y_field]:.0f} %" for r in lesson)
    if not runs:
        return ChartText(text("board_words_none", lesson=stars, y=names["y"]), columns, table)
    best = max(runs, key=lambda r: r[y_field])
    words = text(
        "board_words",
        runs=text("count_runs", n=len(runs)),
        students=text("count_students", n=len({r["nickname"] for r in runs})),
        y=names["y"],
        x1=names[axes[0]],
        x2=names[axes[1]],
        best=f"{100 * best[y_field]:.0f} %",
        who=best["nickname"],
        lesson=stars,
    )
    return ChartText(words, columns, table)
