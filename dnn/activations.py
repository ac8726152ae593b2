"""Activation functions g(Z) and their derivatives g'(Z), element-wise on ``(n_l, m)`` arrays."""

from __future__ import annotations

import numpy as np

LEAKY_SLOPE = 0.01


def sigmoid(Z: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-Z)); exp overflows to inf for Z < -709, which correctly gives 0."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-Z))


def relu(Z: np.ndarray) -> np.ndarray:
    """max(0, Z)."""
    return np.maximum(Z, 0.0)


def leaky_relu(Z: np.ndarray) -> np.ndarray:
    """Z for Z > 0, 0.01·Z otherwise."""
    return np.where(Z > 0, Z, LEAKY_SLOPE * Z)


def activate(name: str, Z: np.ndarray) -> np.ndarray:
    """A = g(Z) for the activation called ``name``."""
    if name == "relu":
        return relu(Z)
    if name == "sigmoid":
        return sigmoid(Z)
    if name == "tanh":
        return np.tanh(Z)
    if name == "leaky_relu":
        return leaky_relu(Z)
    raise ValueError(f"unknown activation {name!r}")


def backward(name: str, dA: np.ndarray, Z: np.ndarray, A: np.ndarray) -> np.ndarray:
    """Equation (6): dZ = dA * g'(Z), given the forward pass's Z and A = g(Z).

    The ReLU derivative at exactly 0 is taken as 0, as the lesson does.
    """
    if name == "relu":
        return np.where(Z > 0, dA, 0.0)
    if name == "sigmoid":
        return dA * A * (1.0 - A)
    if name == "tanh":
        return dA * (1.0 - A * A)
    if name == "leaky_relu":
        return np.where(Z > 0, dA, LEAKY_SLOPE * dA)
    raise ValueError(f"unknown activation {name!r}")


# ------------------------------------------------------------- as tapes, for dnn.fused
def forward_tape(name: str, Z: np.ndarray, scratch: np.ndarray) -> list:
    """The calls that overwrite Z with g(Z), the numbers of :func:`activate`.

    A list of ``(function, arguments)`` (see :func:`dnn.fused.play`); ``scratch`` is Z-shaped.
    """
    if name == "relu":
        return [(_relu_inplace, (Z,))]
    if name == "tanh":
        return [(np.tanh, (Z, Z))]
    if name == "leaky_relu":  # max(Z, 0.01 Z) is Z for Z > 0 and 0.01 Z otherwise
        return [(np.multiply, (Z, LEAKY_SLOPE, scratch)), (_max_inplace, (Z, scratch))]
    if name == "sigmoid":  # 1 / (1 + exp(-Z)), operation for operation
        return [
            (np.negative, (Z, Z)),
            (np.exp, (Z, Z)),
            (np.add, (Z, 1.0, Z)),
            (np.divide, (1.0, Z, Z)),
        ]
    raise ValueError(f"unknown activation {name!r}")


def backward_tape(
    name: str, D: np.ndarray, A: np.ndarray, mask: np.ndarray, scratch: np.ndarray
) -> list:
    """The calls of equation (6) in place: D holds dA on entry and dZ = dA * g'(Z) after.

    They read only A = g(Z) (for ReLU and leaky ReLU, A > 0 exactly where Z > 0). ``mask`` is a
    boolean array and ``scratch`` a float array, both shaped like D.
    """
    if name == "relu":
        return [(np.greater, (A, 0.0, mask)), (np.multiply, (D, mask, D))]
    if name == "tanh":  # dA * (1 - A²)
        return [
            (np.multiply, (A, A, scratch)),
            (np.subtract, (1.0, scratch, scratch)),
            (np.multiply, (D, scratch, D)),
        ]
    if name == "leaky_relu":  # dA where Z > 0, 0.01 dA elsewhere
        return [
            (np.less_equal, (A, 0.0, mask)),
            (np.multiply, (D, LEAKY_SLOPE, scratch)),
            (np.copyto, (D, scratch, "same_kind", mask)),
        ]
    if name == "sigmoid":  # dA * A * (1 - A)
        return [
            (np.multiply, (D, A, D)),
            (np.subtract, (1.0, A, scratch)),
            (np.multiply, (D, scratch, D)),
        ]
    raise ValueError(f"unknown activation {name!r}")


def _relu_inplace(Z: np.ndarray) -> None:
    np.maximum(Z, 0.0, out=Z)  # NumPy wants ``out`` by keyword for maximum


def _max_inplace(Z: np.ndarray, other: np.ndarray) -> None:
    np.maximum(Z, other, out=Z)
