"""Parameter updates: gradient descent, momentum and Adam (the lesson's course conventions).

Each ``update`` returns new arrays and never writes into the old ones, so a trainer can keep the
previous step's parameters for free (it rolls back to them when a run diverges).
"""

from __future__ import annotations

import numpy as np

from dnn.config import TrainConfig

Arrays = dict[str, np.ndarray]


def init_state(name: str, params: Arrays) -> dict[str, Arrays]:
    """Zero velocity (momentum) or first and second moments (Adam) shaped like ``params``."""
    if name == "gd":
        return {}
    zeros = {k: np.zeros_like(v) for k, v in params.items()}
    if name == "momentum":
        return {"v": zeros}
    return {"v": zeros, "s": {k: np.zeros_like(v) for k, v in params.items()}}


def update(
    config: TrainConfig, params: Arrays, grads: Arrays, state: dict[str, Arrays], t: int
) -> tuple[Arrays, dict[str, Arrays]]:
    """One step for every key of ``params``; ``grads`` holds ``"d" + key`` for each.

    - gd: W := W - α dW
    - momentum: v := β v + (1 - β) dW;  W := W - α v
    - adam: v, s as momentum and RMSprop, bias-corrected by 1 - β^t (t counts from 1);
      W := W - α v̂ / (sqrt(ŝ) + ε)
    """
    lr = config.learning_rate
    if config.optimizer == "gd":
        return {k: p - lr * grads["d" + k] for k, p in params.items()}, state
    b1 = config.beta1
    v = {k: b1 * state["v"][k] + (1 - b1) * grads["d" + k] for k in params}
    if config.optimizer == "momentum":
        return {k: p - lr * v[k] for k, p in params.items()}, {"v": v}
    b2 = config.beta2
    s = {k: b2 * state["s"][k] + (1 - b2) * grads["d" + k] ** 2 for k in params}
    c1, c2 = 1 - b1**t, 1 - b2**t
    new = {
        k: p - lr * (v[k] / c1) / (np.sqrt(s[k] / c2) + config.epsilon) for k, p in params.items()
    }
    return new, {"v": v, "s": s}
