"""The parameters of one training run and the compiled step that moves them.

:class:`Engine` holds θ (see :mod:`dnn.fused`) in two vectors, the current one and the one
before the last update written into the other (a free snapshot, for a rollback), and plays
the tapes of one mini-batch or full-batch update. The textbook engine computes W^[1] X every
step (:mod:`dnn.textbook`); the dual engine never forms W^[1] while training (:mod:`dnn.dual`).
"""

from __future__ import annotations

import math

import numpy as np

from dnn.config import TrainConfig
from dnn.dual import DualFirstLayer
from dnn.fused import Network, play
from dnn.optimizers import FlatOptimizer
from dnn.propagation import Params, initialize
from dnn.textbook import TextbookFirstLayer


def resolve_engine(config: TrainConfig, m: int) -> str:
    """The engine that will run: ``auto`` takes the dual form where it is exact and cheaper.

    Exact: gradient descent or momentum (Adam is not linear in the gradients). Cheaper: m < n_0,
    since a dual iteration costs n_1·m·m and a textbook one 2·n_1·n_0·m multiply-adds.
    """
    if config.engine != "auto":
        return config.engine
    if config.optimizer != "adam" and m < config.layer_dims[0]:
        return "dual"
    return "textbook"


class Engine:
    """Initialized parameters of ``config``'s network on (X, Y), and its update step.

    Parameters
    ----------
    X : ndarray of shape (n_0, m)
    Y : ndarray of shape (1, m)
    config : TrainConfig
    rng : RandomState
        Draws the initial weights (layer by layer, as the lesson does).
    X_val, Y_val : ndarray, optional
        A validation set of shapes (n_0, m_val) and (1, m_val).
    gram, gram_val : ndarray, optional
        Xᵀ X and Xᵀ X_val, if the caller has them cached (dual engine only).
    """

    def __init__(
        self, X, Y, config: TrainConfig, rng, X_val=None, Y_val=None, gram=None, gram_val=None
    ) -> None:
        self.config = config
        self.m = m = X.shape[1]
        self.name = resolve_engine(config, m)
        params = initialize(config.layer_dims, rng, config.initialization)
        if self.name == "dual":
            first = DualFirstLayer(params["W1"], X, gram, X_val, gram_val, config.l2 / m)
        else:
            first = TextbookFirstLayer(config.layer_dims[1], X, X_val)
        net = self.net = Network(config.layer_dims, config.hidden_activation, first)
        theta = net.pack(params)
        self._theta = [theta, theta.copy()]  # [current, before the last swapping update]
        self._views = [net.views(t) for t in self._theta]
        self._grad = np.zeros(net.size)
        self._gviews = net.views(self._grad)
        self._opt = FlatOptimizer(config, net.size)
        self._l2 = net.l2_vector(config.l2 / m) if config.l2 else None
        self._l2_tmp = np.empty(net.size) if config.l2 else None
        self.l2_share = 0.0  # the L2 penalty's share of the last finite cost
        self._labels = (Y.astype(np.float64), 1.0 - Y, Y == 1)  # y, 1 - y, y == 1; (1, m)
        _set_labels(net.workspace(m), Y)
        self._val_width = None if X_val is None else X_val.shape[1]
        if X_val is not None:
            _set_labels(net.workspace(X_val.shape[1], val=True), Y_val)
        self._tapes: dict = {}  # (current vector, width, swap) → (workspace, forward, step)
        self.steps = 0  # updates so far (Adam's t)
        self.version = 0  # bumped whenever the current parameters change
        self._materialized: tuple[int, Params] | None = None

    def params(self) -> Params:
        """The network's W^[l], b^[l] now, as new arrays (W^[1] built from dual coordinates)."""
        if self._materialized is None or self._materialized[0] != self.version:
            self._materialized = (self.version, self.net.unpack(self._views[0]))
        return self._materialized[1]

    def swap(self) -> None:
        """Make the vector before the last swapping update the current one (and vice versa)."""
        self._theta.reverse()
        self._views.reverse()
        self.version += 1

    def update(self, cols, swap: bool, want_accuracy: bool, between=None) -> tuple[float, int]:
        """Forward, cost, backward and update on the columns ``cols`` (None: all of them).

        Returns the batch's cost and how many of its columns were labelled right (0 unless
        ``want_accuracy``). With ``swap`` the new parameters go into the other vector, which
        then becomes the current one: the old ones are kept, for a rollback. ``between`` is
        called after the forward pass, before anything that lasts is changed (if it raises,
        nothing happened but some wasted work).
        """
        net, full = self.net, cols is None
        ws, forward, step = self._tape(self.m if full else len(cols), swap)
        if not full:
            ws.cols[...] = cols
        play(forward)
        cost = net.cost(ws)
        if self._l2 is not None:
            penalty = self.config.l2 / (2 * self.m) * net.squared_norm(self._views[0], full)
            cost += penalty
        if not math.isfinite(cost):
            return cost, 0
        if self._l2 is not None:
            self.l2_share = penalty / cost if cost > 0 else 0.0
        correct = net.correct(ws) if want_accuracy else 0
        if between is not None:
            between()
        self.steps += 1
        self._opt.set_step(self.steps)
        play(step)
        if swap:
            self.swap()
        else:
            self.version += 1
        return cost, correct

    def _tape(self, k: int, swap: bool) -> tuple:
        """The workspace, the forward tape and the step's tape for a batch of k on the current θ.

        The step is the backward pass, L2's part of the gradient and the optimizer's update,
        into the other vector with ``swap`` or into θ itself.
        """
        key = (id(self._theta[0]), k, swap)
        found = self._tapes.get(key)
        if found is None:
            net, batch, v = self.net, k < self.m, self._views[0]
            theta, other, g = *self._theta, self._grad
            ws = net.workspace(k)
            forward = net.forward_tape(v, ws, batch)
            if batch:  # the batch's labels come first
                outs = (ws.Y, ws.Y0, ws.Y1)
                forward[:0] = [
                    (np.take, (y, ws.cols, 1, o)) for y, o in zip(self._labels, outs, strict=True)
                ]
            step = net.backward_tape(v, self._gviews, ws, batch)
            if self._l2 is not None:  # + λ/m · W^[l] (and its dual coordinates)
                tmp = self._l2_tmp
                step += [(np.multiply, (theta, self._l2, tmp)), (np.add, (g, tmp, g))]
            step += self._opt.tape(theta, g, other if swap else theta)
            found = self._tapes[key] = ws, forward, step
        return found

    def val_accuracy(self) -> float | None:
        """Accuracy on X_val of the parameters before the last update (those of the cost)."""
        if self._val_width is None:
            return None
        key = (id(self._theta[1]), "val")
        if key not in self._tapes:
            ws = self.net.workspace(self._val_width, val=True)
            self._tapes[key] = ws, self.net.forward_tape(self._views[1], ws, False, val=True)
        ws, tape = self._tapes[key]
        play(tape)
        return self.net.correct(ws) / ws.k


def _set_labels(ws, Y: np.ndarray) -> None:
    """Give a whole-set workspace its labels y, 1 - y and y == 1."""
    ws.Y[...], ws.Y0[...], ws.Y1[...] = Y, 1.0 - Y, Y == 1
