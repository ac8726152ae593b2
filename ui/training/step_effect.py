"""What one gradient-descent step did, and what a smaller α would have done (pure NumPy).

A step moves the parameters by Δθ = −α·d, where d is the gradient (or the optimizer's
direction: momentum and Adam scale with α the same way). So the step with α/k from the same
parameters, with the same optimizer state, lands at θ + Δθ/k: its cost is computed on the
parameters themselves, without touching the run. A full-batch step only: with mini-batches
One step is an epoch of many updates, and no single Δθ stands for it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from dnn.propagation import cross_entropy, forward, l2_penalty

SMALLER = (2, 10)  # α/2 and α/10


@dataclass(frozen=True)
class StepEffect:
    """One step's costs before and after, its size ‖Δθ‖, and the costs with α/k (k: cost)."""

    before: float
    after: float
    size: float
    smaller: dict[int, float] = field(default_factory=dict)

    @property
    def rose(self) -> bool:
        """Whether the step raised the cost J."""
        return self.after > self.before


def full_cost(params, X, Y, hidden: str, l2: float) -> float:
    """J on (X, Y) with the L2 term, for the parameters ``params`` (the engine's own passes)."""
    _, caches = forward(params, X, hidden, keep_input=False)
    cost = cross_entropy(caches[-1][1], Y)  # from Z^[L], finite where A^[L] rounds to 0 or 1
    return cost + l2_penalty(params, l2, X.shape[1])


def step_size(before: dict, after: dict) -> float:
    """‖Δθ‖: the Euclidean length of the change of every W^[l] and b^[l] together."""
    return math.sqrt(sum(float(np.sum((after[k] - before[k]) ** 2)) for k in before))


def effect(
    before: dict,
    after: dict,
    cost: Callable[[dict], float],
    compare: bool = True,
) -> StepEffect:
    """The step from parameters ``before`` to ``after``; ``cost(params)`` gives J.

    ``compare``: when the cost rose, also the cost of the steps with α/2 and α/10 from
    ``before`` (only right for a full-batch step, see the module's notes).
    """
    j0, j1 = cost(before), cost(after)
    smaller = {}
    if compare and j1 > j0:
        for k in SMALLER:
            moved = {name: before[name] + (after[name] - before[name]) / k for name in before}
            smaller[k] = cost(moved)
    return StepEffect(j0, j1, step_size(before, after), smaller)
