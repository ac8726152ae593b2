"""The public and the private half of the 50 test pictures (Kaggle InClass's hidden split).

The class's ranking uses only the public half; the teacher's Reveal shows the private half and
all 50. Students who tuned their settings to the public half see their rank fall: the lesson's
point that picking by test accuracy calls for a separate validation set, made by the class.

The public half is fixed for good: the 25 indices first in ``numpy.random.RandomState(18)
.permutation(50)`` (18, the issue's number), sorted. They are written out below and a test
checks that the permutation still gives them, so no NumPy release can move them.
"""

from __future__ import annotations

import numpy as np

N_TEST = 50  # the lesson's test pictures
SEED = 18
PUBLIC = (
    0, 7, 12, 15, 16, 20, 22, 23, 25, 26, 27, 28, 29,
    30, 31, 32, 33, 35, 37, 38, 41, 43, 45, 48, 49,
)  # fmt: skip


def public_indices(seed: int = SEED, n: int = N_TEST) -> tuple[int, ...]:
    """The public half as the seeded permutation picks it (the rule behind :data:`PUBLIC`)."""
    return tuple(sorted(int(i) for i in np.random.RandomState(seed).permutation(n)[: n // 2]))


def private_indices() -> tuple[int, ...]:
    """The other 25 test pictures."""
    return tuple(i for i in range(N_TEST) if i not in PUBLIC)


def split(correct) -> tuple[float, float]:
    """(public-half accuracy, private-half accuracy) from the 50 right/wrong answers."""
    right = np.asarray(correct, dtype=bool).ravel()
    if right.size != N_TEST:
        raise ValueError(f"expected {N_TEST} test answers, got {right.size}")
    return float(right[list(PUBLIC)].mean()), float(right[list(private_indices())].mean())
