"""Where a run's test accuracy peaked, and how the charts mark it (pure; no Streamlit here).

The lesson's 4-layer network scores 80 % on the test pictures after 2,500 iterations, but 82 %
around iteration 860: the training chart and the experiment grid's curves put a star there.
"""

from __future__ import annotations

from collections.abc import Sequence


def accuracy_peak(checkpoints: Sequence[tuple]) -> tuple[int, float] | None:
    """(iteration, test accuracy) where test accuracy was highest first; None without any.

    ``checkpoints`` holds (iteration, train accuracy, test accuracy or None), as in
    :func:`ui.core.figures.charts.training_chart`.
    """
    points = [(c[0], c[2]) for c in checkpoints if c[2] is not None]
    return max(points, key=lambda p: p[1]) if points else None  # max keeps the first of equals


def peak_marker(peak: tuple[int, float], name: str, color: str, axis: str = "y2", **kwargs) -> dict:
    """A star at ``peak`` = (iteration, test accuracy), on the accuracy axis ``axis`` (a trace)."""
    return dict(
        type="scatter",
        x=[peak[0]],
        y=[peak[1]],
        name=name,
        yaxis=axis,
        mode="markers",
        marker=dict(symbol="star", size=16, color=color, line=dict(color="white", width=1)),
        hovertemplate="%{y:.1%} @ %{x:,}<extra></extra>",
        **kwargs,
    )


def peak_note(peak: tuple[int, float], name: str, color: str, axis: str = "y2") -> dict:
    """``test peak 82% @ 860`` just above the star of :func:`peak_marker`, on a light box."""
    return dict(
        x=peak[0],
        y=peak[1],
        yref=axis,
        text=f"{name} {peak[1]:.0%} @ {peak[0]:,}",
        showarrow=False,
        yshift=18 if peak[1] < 0.9 else -18,  # below the star near the top (the legend's row)
        font=dict(color=color, size=14),
        bgcolor="rgba(255,255,255,0.85)",
    )
