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
