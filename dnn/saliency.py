"""What the network looked at: the gradient of P(cat) with respect to each input value.

Training stops backpropagation at layer 1: it needs dW^[1] but never dA^[0], since X is not
learned. Applying equation (9) once more, at l = 1, gives dA^[0] = W^[1]ᵀ dZ^[1]: how much
A^[L] changes when one of the 12288 input values changes a little. Starting from
dA^[L] = 1 (we differentiate A^[L] itself, not the cost) the output's dZ^[L] is
σ'(Z^[L]) = A^[L] (1 - A^[L]), and (6) and (9) carry it down layer by layer, with the same
activation derivatives as training uses.

Each column of X is its own example, so column j of the result is ∂A^[L]_j / ∂X_{:, j}.
"""

from __future__ import annotations

import numpy as np

from dnn import activations
from dnn.layers import num_layers
from dnn.propagation import Cache, Params, forward


def backpropagate(
    dZL: np.ndarray, caches: list[Cache], params: Params, hidden: str = "relu"
) -> dict[str, np.ndarray]:
    """Equations (9) and (6) from layer L down to the input, keeping every dZ^[l] and dA^[l-1].

    Parameters
    ----------
    dZL : ndarray of shape (1, m)
        dZ^[L] to start from: A^[L] - Y for the lesson's cost, A^[L] (1 - A^[L]) for A^[L].
    caches : list of (A_prev, Z, A)
        From :func:`dnn.propagation.forward`.
    params : dict
        W^[l] of shape (n_l, n_{l-1}).
    hidden : str
        g^[l] for l < L.

    Returns
    -------
    dict
        ``"dZ<l>"`` of shape (n_l, m) for l = L…1 and ``"dA<l>"`` of shape (n_l, m) for
        l = L-1…0; ``"dA0"`` has X's shape.
    """
    L = len(caches)
    out: dict[str, np.ndarray] = {f"dZ{L}": dZL}
    dZ = dZL
    for l in range(L, 0, -1):
        dA_prev = params[f"W{l}"].T @ dZ  # (9): dA^[l-1], (n_{l-1}, m)
        out[f"dA{l - 1}"] = dA_prev
        if l > 1:
            _, Z, A = caches[l - 2]
            dZ = activations.backward(hidden, dA_prev, Z, A)  # (6) for layer l-1
            out[f"dZ{l - 1}"] = dZ
    return out


def input_gradient(params: Params, X: np.ndarray, hidden: str = "relu") -> np.ndarray:
    """∂A^[L]/∂X for each picture: how P(cat) changes with each of its input values.

    Parameters
    ----------
    params : dict
        A network's W^[l], b^[l] (any number of layers).
    X : ndarray of shape (n_0, m)
    hidden : str
        g^[l] for l < L: ``relu``, ``tanh``, ``leaky_relu`` or ``sigmoid``.

    Returns
    -------
    ndarray of shape (n_0, m)
        Column j is the gradient of A^[L] of example j with respect to column j of X.
    """
    if num_layers(params) != len(params) // 2:
        raise ValueError("params must hold W1, b1, …, WL, bL")
    AL, caches = forward(params, np.asarray(X, dtype=np.float64), hidden)
    return gradient_of_forward(AL, caches, params, hidden)


def gradient_of_forward(AL: np.ndarray, caches: list, params: Params, hidden: str) -> np.ndarray:
    """:func:`input_gradient` from a forward pass already made (its A^[L] and caches), (n_0, m).

    For a caller that also shows the activations: one forward pass serves both.
    """
    dZL = AL * (1.0 - AL)  # σ'(Z^[L]), (1, m)
    return backpropagate(dZL, caches, params, hidden)["dA0"]
