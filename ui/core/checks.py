"""Did a run learn anything useful? Plain checks on its numbers (pure: no Streamlit here)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

STALL_MARGIN = 0.005  # a cost this close to the guessing cost is no better than guessing


def guessing_cost(Y: np.ndarray) -> float:
    """The cost of always answering P(cat) = share of cats in Y, of shape (1, m).

    The best a network can do without looking at the pictures: the entropy of the labels
    (0.644 on the lesson's 209 training pictures, 72 of them cats).
    """
    p = float(np.mean(Y))
    if p in (0.0, 1.0):
        return 0.0
    return -(p * math.log(p) + (1 - p) * math.log(1 - p))


JUMP = 2.0  # a cost that rose past twice its start: the steps overshot (the learning rate)


def diagnose(
    costs: Sequence[float], cat_share: float | None, guess: float
) -> list[tuple[str, dict]]:
    """Reasons a run learned nothing useful, as (code, values); empty when it did learn.

    Parameters
    ----------
    costs : sequence of float
        costs[i] is the cost before update i.
    cat_share : float or None
        Share of the training pictures the trained network calls "cat".
    guess : float
        :func:`guessing_cost` of the training labels.

    Returns
    -------
    list of (str, dict)
        ``one_class`` (the same answer for every picture), ``cost_up`` (the cost ended above
        its start), ``stalled`` (the cost ended no lower than guessing the share of cats; its
        values say whether J ``jumped`` past :data:`JUMP` times its start on the way, at
        iteration ``at`` to ``peak``: then the steps overshot, the learning rate's doing).
    """
    reasons: list[tuple[str, dict]] = []
    if not costs:
        return reasons
    if cat_share is not None and cat_share in (0.0, 1.0):
        reasons.append(("one_class", {"cat": cat_share == 1.0}))
    if len(costs) > 1 and costs[-1] > costs[0]:
        reasons.append(("cost_up", {"first": costs[0], "last": costs[-1]}))
    elif costs[-1] >= guess - STALL_MARGIN:
        y = np.asarray(costs, dtype=float)
        at = int(np.nanargmax(y)) if np.isfinite(y).any() else 0
        jumped = bool(y[at] > JUMP * y[0])  # a step overshot: J far above where it started
        stalled = {"last": costs[-1], "guess": guess, "jumped": jumped, "peak": float(y[at])}
        reasons.append(("stalled", {**stalled, "first": costs[0], "at": at}))
    return reasons


def spans_orders_of_magnitude(values: Sequence[float], ratio: float = 100.0) -> bool:
    """Whether positive ``values`` run from min to max over more than ``ratio`` (log scale)."""
    y = np.asarray(values, dtype=float)
    y = y[np.isfinite(y) & (y > 0)]
    return y.size > 1 and y.max() > ratio * y.min()


def unit_correlations(W: np.ndarray, W0: np.ndarray) -> np.ndarray:
    """Correlation of each row of W with the same row of W0: how much of the start is left.

    Parameters
    ----------
    W, W0 : ndarray of shape (n_1, n_0)
        First-layer weights after training and at the random start.

    Returns
    -------
    ndarray of shape (n_1,)
        1 for a unit that training did not change at all (or only rescaled).
    """
    a = W - W.mean(axis=1, keepdims=True)
    b = W0 - W0.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1)
    return np.sum(a * b, axis=1) / np.where(norms > 0, norms, 1.0)
