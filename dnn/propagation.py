"""The lesson's textbook kernels: initialization, forward pass, cost, backward pass (6)–(9).

Math names inside (Z, A, dZ, dW, db); every array is one column per example.
"""

from __future__ import annotations

import numpy as np

from dnn import activations
from dnn.layers import layers, num_layers
from dnn.shapes import param_shapes

Params = dict[str, np.ndarray]
# One cache per layer: (A^[l-1], Z^[l], A^[l]); A^[l-1] is None where it was not kept.
Cache = tuple[np.ndarray | None, np.ndarray, np.ndarray]


def initialize(
    layer_dims: tuple[int, ...], rng: np.random.RandomState, method: str = "lesson"
) -> Params:
    """Random W^[l], zero b^[l], drawn layer by layer in order from one RandomState.

    ``lesson``: randn(n_l, n_{l-1}) / sqrt(n_{l-1}) (the lesson's rule); ``he``: ×sqrt(2/n_{l-1});
    ``xavier``: ×sqrt(2/(n_{l-1}+n_l)); ``small``: ×0.01 (too small for deep nets: the signal
    and the gradients vanish layer after layer).
    """
    params: Params = {}
    for name, shape in param_shapes(layer_dims).items():
        if name[0] == "b":
            params[name] = np.zeros(shape)
            continue
        n_l, n_prev = shape
        W = rng.randn(n_l, n_prev)
        if method == "lesson":  # a division, exactly as the lesson writes it
            params[name] = W / np.sqrt(n_prev)
        else:
            scale = {
                "he": np.sqrt(2.0 / n_prev),
                "xavier": np.sqrt(2.0 / (n_prev + n_l)),
                "small": 0.01,
            }[method]
            params[name] = W * scale
    return params


def forward(
    params: Params,
    X: np.ndarray,
    hidden: str = "relu",
    keep_input: bool = True,
) -> tuple[np.ndarray, list[Cache]]:
    """Z^[l] = W^[l] A^[l-1] + b^[l]; A^[l] = g^[l](Z^[l]); sigmoid in layer L.

    Parameters
    ----------
    params : dict
        W^[l] of shape (n_l, n_{l-1}) and b^[l] of shape (n_l, 1).
    X : ndarray of shape (n_0, m)
        A^[0].
    hidden : str
        g^[l] for l < L.
    keep_input : bool
        Keep X in layer 1's cache (needed by :func:`backward` for dW^[1] = dZ^[1] Xᵀ / m).

    Returns
    -------
    AL : ndarray of shape (1, m)
        A^[L], P(y = 1 | x) for each example.
    caches : list of (A_prev, Z, A), one per layer.
    """
    L = num_layers(params)
    caches: list[Cache] = []
    A = X
    for l in range(1, L + 1):
        Z = params[f"W{l}"] @ A  # (n_l, m), a new array: add b in place
        Z += params[f"b{l}"]
        A_prev = A if (l > 1 or keep_input) else None
        A = activations.sigmoid(Z) if l == L else activations.activate(hidden, Z)
        caches.append((A_prev, Z, A))
    return A, caches


def cross_entropy(ZL: np.ndarray, Y: np.ndarray) -> float:
    """J = -(1/m) Σ [y log a + (1 - y) log(1 - a)] with a = sigmoid(Z^[L]).

    Computed from Z^[L] as mean(log(1 + e^Z) - y·Z), which equals the lesson's formula but stays
    finite where a rounds to exactly 0 or 1.
    """
    m = Y.shape[1]
    return float((np.logaddexp(0.0, ZL) - Y * ZL).sum() / m)


def l2_penalty(params: Params, lambd: float, m: int) -> float:
    """(λ / 2m) Σ_l ||W^[l]||²_F."""
    if lambd == 0:
        return 0.0
    return lambd / (2 * m) * sum(float(np.sum(W * W)) for _, W, _ in layers(params))


def backward(
    Y: np.ndarray,
    caches: list[Cache],
    params: Params,
    hidden: str = "relu",
    l2_scale: float = 0.0,
) -> dict[str, np.ndarray]:
    """Equations (6)–(9) from layer L down to 1, starting from dZ^[L] = A^[L] - Y.

    Every gradient is linear in dZ^[L], so the 1/m of (7) and (8) is applied once, to dZ^[L],
    rather than to each dW^[l] and db^[l]: the same numbers with fewer array operations.

    Returns ``{"dW1", "db1", …}`` (``caches`` from :func:`forward` with ``keep_input``).
    ``l2_scale`` is λ/m of the L2 penalty: l2_scale · W^[l] is added to each dW^[l].
    """
    L = len(caches)
    dZ_m = (caches[-1][2] - Y) / Y.shape[1]  # dZ^[L] / m, (1, m)
    grads: dict[str, np.ndarray] = {}
    for l in range(L, 0, -1):
        grads[f"dW{l}"] = dZ_m @ caches[l - 1][0].T  # (7), (n_l, n_{l-1})
        if l2_scale:
            grads[f"dW{l}"] += l2_scale * params[f"W{l}"]
        grads[f"db{l}"] = dZ_m.sum(axis=1, keepdims=True)  # (8), (n_l, 1)
        if l > 1:
            dA_m = params[f"W{l}"].T @ dZ_m  # (9): dA^[l-1] / m, (n_{l-1}, m)
            _, Z, A = caches[l - 2]
            dZ_m = activations.backward(hidden, dA_m, Z, A)  # (6) for layer l-1
    return grads


def predict_proba(params: Params, X: np.ndarray, hidden: str = "relu") -> np.ndarray:
    """P(cat) = A^[L] for each column of X.

    Parameters
    ----------
    params : dict
        A trained network's W^[l], b^[l].
    X : ndarray of shape (n_0, m)

    Returns
    -------
    ndarray of shape (1, m)

    Raises
    ------
    ValueError
        When a parameter is NaN or infinite, or the forward pass overflows: never a silent NaN.
    """
    if not all(np.isfinite(a).all() for a in params.values()):
        raise ValueError("The parameters hold NaN or infinite values: no prediction is possible.")
    with np.errstate(over="ignore", invalid="ignore"):
        AL = forward(params, X, hidden, keep_input=False)[0]
    if np.isnan(AL).any():
        raise ValueError("The parameters are so large that the prediction overflowed to NaN.")
    return AL


def predict(params: Params, X: np.ndarray, hidden: str = "relu") -> np.ndarray:
    """Labels 0/1 of shape (1, m): 1 (cat) where P(cat) > 0.5."""
    return (predict_proba(params, X, hidden) > 0.5).astype(np.int64)


def accuracy(AL: np.ndarray, Y: np.ndarray) -> float:
    """Share of columns where (A^[L] > 0.5) equals Y."""
    return float(np.mean((AL > 0.5) == (Y == 1)))
