"""Whether a run's held-out accuracy really peaked, and how the charts mark it (pure).

Test accuracy on the lesson's 50 test pictures moves in steps of 2 % (one picture), and along
the lesson's 4-layer run it jumps from 46 % to 82 % to 58 % within 20 iterations: its highest
point is noise. So a peak is looked for on the accuracy averaged over a window of iterations
(a tenth of the run, at least :data:`MIN_WINDOW`) of the trained network (iteration 0 left
out), never in the first half-window, and only kept when that average, and the window's
median (a peak held, not one spike), beat the average at the end of the run by more than one
picture, at least a window before the end, and the run is not now above it (issue 21: a run
stopped at 701 had a star "peak 71 % @ 660" beside its 76 %). On the lesson's own runs there is
no such peak: the 4-layer network's average is at most 80.3 % (around iteration 1,670)
against 78.9 % at the end, less than one picture; stopped at 701 it is still rising.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

MIN_WINDOW = 100  # iterations averaged, at least


@dataclass(frozen=True)
class Peak:
    """A held-out accuracy peak: where, how high (averaged), over how many iterations."""

    iteration: int
    accuracy: float  # the mean over ``window`` iterations centred on ``iteration``
    window: int
    end: float  # the same mean at the end of the run


def window_for(last_iteration: int) -> int:
    """Iterations averaged for a run that got to ``last_iteration``: a tenth, at least 100."""
    return max(MIN_WINDOW, int(round(last_iteration / 10, -1)))


def smoothed(points: Sequence[tuple[int, float]], window: int) -> np.ndarray:
    """The mean of the values within ± window / 2 iterations of each point (fewer at the ends)."""
    it = np.asarray([p[0] for p in points], dtype=float)
    acc = np.asarray([p[1] for p in points], dtype=float)
    lo = np.searchsorted(it, it - window / 2, side="left")
    hi = np.searchsorted(it, it + window / 2, side="right")
    sums = np.r_[0.0, np.cumsum(acc)]
    return (sums[hi] - sums[lo]) / (hi - lo)


def held_out_peak(points: Sequence[tuple[int, float]], pictures: int) -> Peak | None:
    """The peak of (iteration, accuracy) ``points`` on ``pictures`` held-out pictures, if any.

    Iteration 0 (the random start) is left out. A peak is where the averaged accuracy is
    highest, kept only when

    - it is a full half-window after the first point and a full window before the last one
      (the curve is seen falling on iterations that are not the peak's own: a highest average
      within a window of the end is no peak);
    - the average at the end is *more* than one picture (1 / ``pictures``) below it, and so is
      the window's median there (the peak is held, not one spike);
    - it is not below the run's current value (the last point): a run now higher than its
      "peak" has not peaked, and a star there would tell students to stop for nothing.

    Otherwise None (also for fewer than 3 points). Points must be in order of iteration.
    """
    # the untrained network's score (iteration 0) is no result of training: left out
    points = [(int(i), float(a)) for i, a in points if a is not None and i > 0]
    if len(points) < 3 or pictures < 1:
        return None
    window = window_for(points[-1][0])
    mean = smoothed(points, window)
    it = np.asarray([p[0] for p in points])
    allowed = it >= it[0] + window / 2  # a full half-window after the start: never at 0
    if not allowed.any():
        return None
    k = int(np.argmax(np.where(allowed, mean, -np.inf)))  # the first of equals
    if it[k] + window > it[-1]:  # highest within a window of the end: no fall seen after it
        return None
    best, end, now = float(mean[k]), float(mean[-1]), points[-1][1]
    step = 1 / pictures + 1e-9  # a fall of more than one picture
    if best - end <= step or best < now - 1e-9:
        return None
    # held, not one spike: the window's median beats the end by more than a picture as well
    inside = [a for i, a in points if abs(i - it[k]) <= window / 2]
    if float(np.median(inside)) - end <= step:
        return None
    return Peak(int(it[k]), best, window, end)


def accuracy_peak(checkpoints: Sequence[tuple], pictures: int) -> Peak | None:
    """:func:`held_out_peak` of the held-out column of (iteration, train acc., held-out acc.)."""
    return held_out_peak([(c[0], c[2]) for c in checkpoints if c[2] is not None], pictures)


def peak_marker(peak: Peak, name: str, color: str, axis: str = "y2", **kwargs) -> dict:
    """A star at the averaged accuracy ``peak``, on the accuracy axis ``axis`` (a trace)."""
    return dict(
        type="scatter",
        x=[peak.iteration],
        y=[peak.accuracy],
        name=name,
        yaxis=axis,
        mode="markers",
        marker=dict(symbol="star", size=16, color=color, line=dict(color="white", width=1)),
        hovertemplate="%{y:.1%} @ %{x:,}<extra></extra>",
        **kwargs,
    )


def smoothed_line(checkpoints, peak: Peak, kept, name: str, color: str, axis="y2") -> dict:
    """The averaged held-out curve the star sits on, at the checkpoints ``kept`` (a trace).

    ``checkpoints`` as in :func:`accuracy_peak`; ``name`` may hold ``{window}``. Thin, dashed
    and without a legend entry of its own.
    """
    points = [(c[0], c[2]) for c in checkpoints]
    mean = smoothed(points, peak.window)[kept]
    return dict(
        type="scatter",
        x=np.asarray([points[k][0] for k in kept]),
        y=mean,
        name=name.format(window=peak.window),
        yaxis=axis,
        mode="lines",
        line=dict(color=color, width=2, dash="longdash"),
        opacity=0.8,
        showlegend=False,
        hovertemplate="%{y:.1%}",
    )


def peak_note(peak: Peak, text: str, color: str, x_end: float, axis: str = "y2") -> dict:
    """``text`` (already in the page's language) beside the star of :func:`peak_marker`.

    Always inside the plot area (issue 21: "…n accuracy, mean of 250 iterations" ran off the
    left edge over the cost axis): ``x_end`` is the last iteration of the x axis; a star in
    the axis' first third has its text start at the star and run right, one in the last third
    has it end at the star, one in between is centred on it. Above the star, or below it near
    the top (where the legend is). The text is of short lines (its newlines are drawn as line
    breaks), so that it fits on a phone's chart too.
    """
    where = peak.iteration / x_end if x_end > 0 else 0.0
    side = "left" if where < 1 / 3 else "right" if where > 2 / 3 else "center"
    high = peak.accuracy >= 0.75  # below the star: its text would reach the legend
    return dict(
        x=peak.iteration,
        y=peak.accuracy,
        yref=axis,
        text=text.replace("\n", "<br>"),
        showarrow=False,
        xanchor=side,
        yanchor="top" if high else "bottom",
        yshift=-12 if high else 12,
        align=side if side != "center" else "center",
        font=dict(color=color, size=13),
        bgcolor="rgba(255,255,255,0.85)",
    )
