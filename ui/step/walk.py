"""One iteration of gradient descent, step by step, on the matrices of a real network.

:func:`walk` runs one iteration with dnn's own functions — ``initialize``, ``forward``,
``cross_entropy``, ``backward`` — and cuts it into steps: the input, forward layer by layer,
the cost, backward layer by layer, the update (:mod:`ui.step.view` draws one step). Nothing here
computes a layer itself; dZ^[l] and dA^[l-1] (which ``backward`` does not return) come from
:func:`dnn.saliency.backpropagate`, the same equations (6) and (9) that ``backward`` applies.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dnn.layers import layers
from dnn.propagation import backward, cross_entropy, forward, initialize
from dnn.saliency import backpropagate
from ui.core.i18n import t
from ui.core.settings import LESSON

SMALL_DIMS = (3, 5, 5, 3, 1)  # the lesson's example network
SMALL_M = 5  # examples in the small data set
CAT_DIMS = LESSON.layer_dims  # the lesson's cat network, (12288, 20, 7, 5, 1)
SEED = 1  # the lesson's initialization seed
SIGMA = r"\sigma"
COLUMNS = r"\text{columns}"  # under equation (8)'s Σ; the page writes it in the visitor's language
G_NAMES = {"relu": "ReLU", "tanh": "tanh", "leaky_relu": "leaky ReLU", "sigmoid": "sigmoid"}
ALPHAS = (0.0075, 0.03, 0.1, 0.3, 1.0)  # learning rates to pick from (the lesson's first)
G = {
    "relu": r"\mathrm{ReLU}",
    "tanh": r"\tanh",
    "leaky_relu": r"\mathrm{LReLU}",
    "sigmoid": r"\sigma",
}


def small_example(m: int = SMALL_M, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """A small made-up data set for the 3-input network: X of shape (3, m), Y of shape (1, m).

    Inputs are rounded to two decimals so they read well; y = 1 where the inputs add up to
    more than 0 (both labels occur for the default seed).
    """
    rng = np.random.RandomState(seed)
    X = rng.randn(3, m).round(2)
    Y = (X.sum(axis=0, keepdims=True) > 0).astype(np.float64)
    return X, Y


@dataclass(frozen=True)
class Matrix:
    """One matrix of a step: its symbol (``"W"``, ``"dZ"``, ``"W:="`` …), layer and values."""

    symbol: str
    layer: int | None
    values: np.ndarray

    @property
    def label(self) -> str:
        """Plain text: ``W[1]``, ``A[0] = X``, ``Y``, ``W[1] (new)``."""
        if self.layer is None:
            return self.symbol
        base = f"{self.symbol.rstrip(':=')}[{self.layer}]"
        if self.symbol == "A" and self.layer == 0:
            return "A[0] = X"
        return base + " (new)" if self.symbol.endswith(":=") else base

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns)."""
        return (int(self.values.shape[0]), int(self.values.shape[1]))


@dataclass(frozen=True)
class Step:
    """What one step shows: its kind, its layer, its equations (LaTeX) and its matrices."""

    kind: str  # input, forward, cost, backward, update
    layer: int  # l for forward and backward steps, else 0
    equations: tuple[str, ...]
    matrices: tuple[Matrix, ...]


@dataclass(frozen=True)
class Walk:
    """One iteration on (X, Y): every quantity, and the steps that show them."""

    dims: tuple[int, ...]
    hidden: str
    alpha: float
    cost: float  # J before the update (= costs[0] of a training run)
    cost_after: float  # J with the updated parameters
    params: dict  # W^[l], b^[l] before the update
    new_params: dict  # after W := W - α dW
    grads: dict  # dW^[l], db^[l] from dnn.propagation.backward
    steps: tuple[Step, ...]

    @property
    def m(self) -> int:
        """Number of examples."""
        return int(self.steps[0].matrices[0].values.shape[1])


def _s(symbol: str, shape: tuple[int, int]) -> str:
    """A LaTeX symbol with its shape written under it."""
    return rf"\underset{{({shape[0]},\,{shape[1]})}}{{{symbol}}}"


def _sym(name: str, l: int, shape: tuple[int, int]) -> str:
    """``name^[l]`` in LaTeX with its shape written under it."""
    return _s(f"{name}^{{[{l}]}}", shape)


def walk(
    X: np.ndarray,
    Y: np.ndarray,
    dims: tuple[int, ...],
    hidden: str = "relu",
    alpha: float = 0.0075,
    seed: int = SEED,
) -> Walk:
    """One iteration of the lesson's training, cut into steps.

    Parameters
    ----------
    X : ndarray of shape (n_0, m)
    Y : ndarray of shape (1, m)
    dims : tuple of int
        n^[0], …, n^[L].
    hidden : str
        g^[l] for l < L.
    alpha : float
        The learning rate of the update.
    seed : int
        Seeds the lesson's initialization, as ``dnn.train(..., seed=seed)`` does.
    """
    params = initialize(tuple(dims), np.random.RandomState(seed), "lesson")
    AL, caches = forward(params, X, hidden)
    cost = cross_entropy(caches[-1][1], Y)
    grads = backward(Y, caches, params, hidden)  # the dW, db training uses
    back = backpropagate(AL - Y, caches, params, hidden)  # dZ^[l] (no 1/m), dA^[l-1]
    new = {k: p - alpha * grads["d" + k] for k, p in params.items()}  # W := W - α dW
    cost_after = cross_entropy(forward(new, X, hidden, keep_input=False)[1][-1][1], Y)
    L = len(dims) - 1
    A = [X] + [c[2] for c in caches]  # A^[0] … A^[L]
    Z = [None] + [c[1] for c in caches]  # Z^[1] … Z^[L]
    M = Matrix
    steps = [Step("input", 0, (r"A^{[0]} = " + _s("X", X.shape),), (M("A", 0, X), M("Y", None, Y)))]
    for l in range(1, L + 1):
        W, b = params[f"W{l}"], params[f"b{l}"]
        g = SIGMA if l == L else G[hidden]
        eqs = (
            f"{_sym('Z', l, Z[l].shape)} = {_sym('W', l, W.shape)}"
            f"{_sym('A', l - 1, A[l - 1].shape)} + {_sym('b', l, b.shape)}",
            _sym("A", l, A[l].shape) + rf" = {g}\left(Z^{{[{l}]}}\right)",
        )
        shown = (
            M("W", l, W),
            M("A", l - 1, A[l - 1]),
            M("b", l, b),
            M("Z", l, Z[l]),
            M("A", l, A[l]),
        )
        steps.append(Step("forward", l, eqs, shown))
    J = (
        r"J = -\frac{1}{m}\sum_{i=1}^{m}\left[y^{(i)}\log a^{[L](i)}"
        r" + (1-y^{(i)})\log(1-a^{[L](i)})\right]"
    )
    steps.append(Step("cost", 0, (f"{J} = {cost:.6f}",), (M("A", L, AL), M("Y", None, Y))))
    for l in range(L, 0, -1):
        steps.append(_backward_step(l, L, params, grads, back, A, Z, Y, G[hidden]))
    update = (
        r"W^{[l]} := W^{[l]} - \alpha\, dW^{[l]},\quad b^{[l]} := b^{[l]} - \alpha\, db^{[l]}"
        rf"\qquad (\alpha = {alpha:g},\ l = 1, \dots, {L})",
        rf"J: {cost:.6f} \;\to\; {cost_after:.6f}",
    )
    renewed = [m for l, W, b in layers(new) for m in (M("W:=", l, W), M("b:=", l, b))]
    steps.append(Step("update", 0, update, tuple(renewed)))
    return Walk(tuple(dims), hidden, alpha, cost, cost_after, params, new, grads, tuple(steps))


def _backward_step(l, L, params, grads, back, A, Z, Y, g) -> Step:
    """Layer l's backward step: (6) (or dZ^[L] = A^[L] - Y), (7), (8) and, for l > 1, (9)."""
    M = Matrix
    dZ, W, dW, db = back[f"dZ{l}"], params[f"W{l}"], grads[f"dW{l}"], grads[f"db{l}"]
    if l == L:
        first = _sym("dZ", l, dZ.shape) + rf" = A^{{[{L}]}} - Y"
        shown = [M("A", L, A[L]), M("Y", None, Y)]
    else:
        first = rf"(6)\quad {_sym('dZ', l, dZ.shape)} = dA^{{[{l}]}} * {g}'(Z^{{[{l}]}})"
        shown = [M("dA", l, back[f"dA{l}"]), M("Z", l, Z[l])]
    A_T = _s(f"A^{{[{l - 1}]T}}", A[l - 1].T.shape)
    eqs = [
        first,
        rf"(7)\quad {_sym('dW', l, dW.shape)} = \frac{{1}}{{m}}\, dZ^{{[{l}]}}{A_T}",
        rf"(8)\quad {_sym('db', l, db.shape)} = \frac{{1}}{{m}}"
        rf"\sum_{{{COLUMNS}}} dZ^{{[{l}]}}",
    ]
    shown += [M("dZ", l, dZ), M("A", l - 1, A[l - 1]), M("dW", l, dW), M("db", l, db)]
    if l > 1:  # training stops at layer 1: dA^[0] is not needed
        dA = back[f"dA{l - 1}"]
        W_T = _s(f"W^{{[{l}]T}}", W.T.shape)
        eqs.append(rf"(9)\quad {_sym('dA', l - 1, dA.shape)} = {W_T}\, dZ^{{[{l}]}}")
        shown += [M("W", l, W), M("dA", l - 1, dA)]
    return Step("backward", l, tuple(eqs), tuple(shown))


def step_title(step: Step, total_layers: int) -> str:
    """The step's title in the visitor's language."""
    return t(f"step_{step.kind}_title", l=step.layer, L=total_layers)


def shape_rule(matrix: Matrix) -> str:
    """The lesson's dimension rule for a matrix, e.g. ``(n[2], n[1])`` or ``(n[1], m)``."""
    l, s = matrix.layer, matrix.symbol.rstrip(":=")
    if matrix.layer is None:  # Y
        return "(1, m)"
    if s in ("W", "dW"):
        return f"(n[{l}], n[{l - 1}])"
    if s in ("b", "db"):
        return f"(n[{l}], 1)"
    return f"(n[{l}], m)"


def shapes_table(step: Step) -> pd.DataFrame:
    """Every matrix of the step with its shape and the rule it follows."""
    seen, rows = set(), []
    for mtx in step.matrices:
        if mtx.label in seen:
            continue
        seen.add(mtx.label)
        shape = f"({mtx.shape[0]:,}, {mtx.shape[1]:,})"
        rows.append({t("step_col_matrix"): mtx.label, t("step_col_shape"): shape})
        rows[-1][t("step_col_rule")] = shape_rule(mtx)
    return pd.DataFrame(rows)
