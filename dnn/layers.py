"""Walking a network's parameters layer by layer: by the layer's number, never a name prefix.

``"W1"`` is a prefix of ``"W10"``…``"W19"``, so every piece of code that finds a layer's arrays
goes through these helpers, which parse the number after the letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import numpy as np

_KEY = re.compile(r"^([Wb])([1-9][0-9]*)$")


def parse_key(key: str) -> tuple[str, int] | None:
    """``"W12"`` → ``("W", 12)``; None for a key that is not a layer's W or b."""
    match = _KEY.match(key)
    return (match.group(1), int(match.group(2))) if match else None


def num_layers(params: Mapping[str, np.ndarray]) -> int:
    """L: the highest layer number among the ``W<l>`` keys (0 for no weights)."""
    return max((p[1] for p in map(parse_key, params) if p and p[0] == "W"), default=0)


def layers(params: Mapping[str, np.ndarray]) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """(l, W^[l], b^[l]) for l = 1 … L, in order; KeyError names a missing array."""
    for l in range(1, num_layers(params) + 1):
        yield l, params[f"W{l}"], params[f"b{l}"]


def layer_dims(params: Mapping[str, np.ndarray]) -> list[int]:
    """n^[0], n^[1], …, n^[L] read off the weight shapes (W^[l] is (n_l, n_{l-1}))."""
    dims: list[int] = []
    for l, W, _ in layers(params):
        if l == 1:
            dims.append(int(W.shape[1]))
        dims.append(int(W.shape[0]))
    return dims


def ordered(params: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The same arrays as a dict in layer order: W1, b1, W2, b2, …, WL, bL."""
    out: dict[str, np.ndarray] = {}
    for l, W, b in layers(params):
        out[f"W{l}"], out[f"b{l}"] = W, b
    return out
