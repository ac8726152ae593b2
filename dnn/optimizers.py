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


PIECE = 1 << 15  # entries of a long vector updated together: their arrays' pieces stay in cache


class FlatOptimizer:
    """The same three rules on one parameter vector, as NumPy calls bound to their arrays.

    Every operation is the one :func:`update` does, in the same order, so both give the same
    numbers; here v and s are updated in place and the gradient's array is used as scratch.
    A long vector is updated piece by piece (:data:`PIECE` entries at a time), so that Adam's
    thirteen operations read and write memory once per piece rather than thirteen times.

    Parameters
    ----------
    config : TrainConfig
        The optimizer's name and hyperparameters.
    size : int
        Length of the parameter vector.
    """

    def __init__(self, config: TrainConfig, size: int) -> None:
        self.config = config
        self.name = config.optimizer
        self.v = np.zeros(size) if self.name != "gd" else None
        self.s = np.zeros(size) if self.name == "adam" else None
        self.tmp = np.empty(min(size, PIECE)) if self.name == "adam" else None
        self.c1, self.c2 = np.ones(()), np.ones(())  # Adam's 1 - β1^t and 1 - β2^t

    def set_step(self, t: int) -> None:
        """Prepare step t (counted from 1): Adam's bias corrections depend on it."""
        if self.name == "adam":
            self.c1[()] = 1 - self.config.beta1**t
            self.c2[()] = 1 - self.config.beta2**t

    def tape(self, theta: np.ndarray, g: np.ndarray, out: np.ndarray) -> list:
        """The calls of one step: ``out`` := θ after it (``out`` may be θ; g is overwritten).

        A list of ``(function, arguments)``, see :func:`dnn.fused.play`; call
        :meth:`set_step` before each play.
        """
        calls = []
        for a in range(0, theta.size, PIECE):
            part = slice(a, a + PIECE)
            v = None if self.v is None else self.v[part]
            s = None if self.s is None else self.s[part]
            calls += self._piece(theta[part], g[part], out[part], v, s)
        return calls

    def _piece(self, theta, g, out, v, s) -> list:
        """The calls of one step on one piece of the vectors."""
        cfg = self.config
        lr, b1 = cfg.learning_rate, cfg.beta1
        if self.name == "gd":  # W - α dW
            tape = [(np.multiply, (g, lr, g))]
        elif self.name == "momentum":  # v = β v + (1 - β) dW;  W - α v
            tape = [
                (np.multiply, (v, b1, v)),
                (np.multiply, (g, 1 - b1, g)),
                (np.add, (v, g, v)),
                (np.multiply, (v, lr, g)),
            ]
        else:  # W - α (v / c1) / (sqrt(s / c2) + ε)
            b2, tmp = cfg.beta2, self.tmp[: theta.size]
            tape = [
                (np.multiply, (v, b1, v)),
                (np.multiply, (g, 1 - b1, tmp)),
                (np.add, (v, tmp, v)),
                (np.multiply, (s, b2, s)),
                (np.square, (g, g)),
                (np.multiply, (g, 1 - b2, g)),
                (np.add, (s, g, s)),
                (np.divide, (v, self.c1, g)),
                (np.multiply, (g, lr, g)),
                (np.divide, (s, self.c2, tmp)),
                (np.sqrt, (tmp, tmp)),
                (np.add, (tmp, cfg.epsilon, tmp)),
                (np.divide, (g, tmp, g)),
            ]
        return tape + [(np.subtract, (theta, g, out))]
