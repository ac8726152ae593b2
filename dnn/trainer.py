"""Training: a resumable Trainer (pause, continue, callbacks, divergence) and ``train()``."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields

import numpy as np

from dnn import optimizers
from dnn.config import TrainConfig
from dnn.dual import DualFirstLayer
from dnn.layers import ordered, parse_key
from dnn.propagation import (
    Params,
    accuracy,
    backward,
    cross_entropy,
    forward,
    initialize,
    l2_penalty,
)


@dataclass(frozen=True)
class Progress:
    """What a callback sees: the state before update ``iteration``."""

    iteration: int  # i: the cost is that of the forward pass before update i
    cost: float  # J at iteration i
    train_accuracy: float  # on the training set, at iteration i
    test_accuracy: float | None  # on the validation set, if one was given
    elapsed: float  # wall-clock seconds since this run() began, callbacks included
    iterations_per_second: float  # engine speed in this run(), callbacks excluded


STATUSES = ("new", "running", "stopped", "finished", "diverged", "timed_out")


class Trainer:
    """Trains one network on (X, Y) and can be run again and again from where it stopped.

    Parameters
    ----------
    X : ndarray of shape (n_0, m)
    Y : ndarray of shape (1, m), values 0/1
    config : TrainConfig
    X_val : ndarray of shape (n_0, m_val), optional
    Y_val : ndarray of shape (1, m_val), optional
        A validation set whose accuracy is reported during training.
    gram, gram_val : ndarray, optional
        Xᵀ X and Xᵀ X_val, if the caller has them cached (dual engine only).

    Notes
    -----
    ``costs[i]`` is the cost of the forward pass before update i, so after ``run(n)`` from a new
    trainer there are n costs. Running 300 then 200 iterations gives bit for bit the same
    parameters and costs as running 500. Updates never write into the previous arrays, so the
    last step's parameters are kept for free and restored when a cost becomes non-finite.
    """

    def __init__(
        self,
        X: np.ndarray,
        Y: np.ndarray,
        config: TrainConfig | None = None,
        X_val: np.ndarray | None = None,
        Y_val: np.ndarray | None = None,
        gram: np.ndarray | None = None,
        gram_val: np.ndarray | None = None,
    ) -> None:
        self.config = config = config or TrainConfig()
        _check_xy(X, Y, config.layer_dims[0], "X", "Y")
        if (X_val is None) != (Y_val is None):
            raise ValueError("give both X_val and Y_val, or neither")
        if X_val is not None:
            _check_xy(X_val, Y_val, config.layer_dims[0], "X_val", "Y_val")
        self.X, self.Y, self.X_val, self.Y_val = X, Y, X_val, Y_val
        self.m = X.shape[1]
        self.engine = resolve_engine(config, self.m)
        self._rng = np.random.RandomState(config.seed)
        params = initialize(config.layer_dims, self._rng, config.initialization)
        self._first: DualFirstLayer | None = None
        if self.engine == "dual":
            W0 = params.pop("W1")
            self._first = DualFirstLayer(W0, X, gram, X_val, gram_val)
            params.update(self._first.initial_coords(with_scale=config.l2 > 0))
        self._state = params  # what the optimizer updates (dual: W1a, W1P instead of W1)
        self._opt = optimizers.init_state(config.optimizer, params)
        self._steps = 0  # updates so far (Adam's t); differs from iteration with mini-batches
        self._prev: tuple[dict, dict, int] | None = None
        self._materialized: tuple[dict, Params] | None = None  # (state it was built from, W, b)
        self.iteration = 0
        self.costs: list[float] = []
        self.history: list[Progress] = []  # accuracy checkpoints, for charts
        self.status = "new"
        self.diverged_at: int | None = None
        self.seconds = 0.0  # time spent computing, over all runs (callbacks excluded)

    # ----------------------------------------------------------------------- public state
    @property
    def params(self) -> Params:
        """The network's W^[l], b^[l] now (W^[1] is built from dual coordinates if needed)."""
        if self._materialized and self._materialized[0] is self._state:
            return self._materialized[1]
        params = self._explicit(self._state)
        self._materialized = (self._state, params)
        return params

    def _explicit(self, state: dict) -> Params:
        if self._first is None:
            return dict(state)
        params = {k: v for k, v in state.items() if parse_key(k)}  # drops W1a, W1P
        params["W1"] = self._first.weights(state)
        return ordered(params)

    # ----------------------------------------------------------------------- running
    def run(
        self,
        num_iterations: int,
        callback: Callable[[Progress], bool | None] | None = None,
        every: int = 100,
        max_seconds: float | None = None,
    ) -> str:
        """Do ``num_iterations`` more updates and return the status.

        Parameters
        ----------
        num_iterations : int
            Updates (epochs with mini-batches) to add.
        callback : callable, optional
            Called every ``every`` iterations (and after the last one) with a :class:`Progress`,
            after the update, so the trainer is consistent if the callback raises. Return True
            to stop the run (status ``"stopped"``).
        every : int
            How often accuracies are computed and the callback called.
        max_seconds : float, optional
            Wall-clock budget: past it the run ends with status ``"timed_out"``.

        Returns
        -------
        str
            ``"finished"``, ``"stopped"``, ``"diverged"`` or ``"timed_out"``.
        """
        if self.status == "diverged":
            raise RuntimeError("this run diverged: start a new one (a smaller learning rate)")
        del self.costs[self.iteration :]
        self.status = "running"
        start = time.perf_counter()
        try:
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                self.status = self._loop(int(num_iterations), callback, every, max_seconds, start)
        finally:
            if self.status == "running":  # interrupted by an exception from the callback
                self.status = "stopped"
        return self.status

    def _loop(self, n: int, callback, every: int, max_seconds: float | None, start: float) -> str:
        """The iterations of one run(); returns the status it ends with."""
        first, end, seconds_before = self.iteration, self.iteration + n, self.seconds
        while self.iteration < end:
            i = self.iteration
            report = every > 0 and (i % every == 0 or i == end - 1)
            t0 = time.perf_counter()
            cost, train_acc = self._step(want_accuracy=report)
            if not np.isfinite(cost):
                self._diverge(i)
                return "diverged"
            test_acc = self._val_accuracy() if report else None
            self.seconds += time.perf_counter() - t0
            if report:
                compute = self.seconds - seconds_before
                rate = (self.iteration - first) / compute if compute > 0 else float("inf")
                p = Progress(i, cost, train_acc, test_acc, time.perf_counter() - start, rate)
                self.history.append(p)
                if callback is not None and callback(p):
                    return "stopped"
            if max_seconds is not None and time.perf_counter() - start > max_seconds:
                return "timed_out"
        return "finished"

    def _val_accuracy(self) -> float | None:
        """Accuracy on X_val of the parameters before the last update."""
        if self.X_val is None:
            return None
        state = self._prev[0] if self._prev else self._state
        lin = None if self._first is None else self._first.linear_val(state)
        AL, _ = self._forward(state, self.X_val, lin, keep_input=False)
        return accuracy(AL, self.Y_val)

    def _forward(self, state, X, first_linear, keep_input=True):
        """The forward pass; ``first_linear`` is W^[1] X from the dual form (None: textbook)."""
        hidden = self.config.hidden_activation
        if first_linear is None:
            return forward(state, X, hidden, keep_input=keep_input)
        return forward(state, X, hidden, first_linear=first_linear, keep_input=False)

    def _diverge(self, i: int) -> None:
        """Keep the last parameters whose cost was finite (those of iteration i - 1)."""
        if self._prev is not None:
            self._state, self._opt, self._steps = self._prev
            self.iteration = i - 1
        self.diverged_at = i

    # ----------------------------------------------------------------------- one iteration
    def _step(self, want_accuracy: bool) -> tuple[float, float]:
        """One update (one epoch of updates with mini-batches); returns (cost, train accuracy)."""
        cfg = self.config
        batch = cfg.batch_size
        if batch is None or batch >= self.m:
            batches = [None]
        else:
            order = self._rng.permutation(self.m)
            batches = [order[k : k + batch] for k in range(0, self.m, batch)]
        prev = (self._state, self._opt, self._steps)
        total, correct = 0.0, 0.0
        for cols in batches:
            cost, AL, Yb = self._update(cols)
            if not np.isfinite(cost):
                return cost, float("nan")
            size = Yb.shape[1]
            total += cost * size
            if want_accuracy:
                correct += accuracy(AL, Yb) * size
        self._prev = prev
        self.costs.append(total / self.m)
        self.iteration += 1
        return total / self.m, correct / self.m

    def _update(self, cols) -> tuple[float, np.ndarray, np.ndarray]:
        """Forward, cost, backward and update on the columns ``cols`` (None: all of them)."""
        cfg = self.config
        state, first = self._state, self._first
        X = self.X if cols is None else self.X[:, cols]
        Y = self.Y if cols is None else self.Y[:, cols]
        hidden = cfg.hidden_activation
        AL, caches = self._forward(state, X, None if first is None else first.linear(state, cols))
        cost = cross_entropy(caches[-1][1], Y)
        if cfg.l2:
            cost += self._l2_cost(state)
        if not np.isfinite(cost):
            return cost, AL, Y
        l2_scale = cfg.l2 / self.m
        grads = backward(Y, caches, state, hidden, l2_scale)
        if first is not None:
            grads.update(first.grads(grads.pop("dZ1/m"), state, l2_scale, cols))
        self._steps += 1
        self._state, self._opt = optimizers.update(cfg, state, grads, self._opt, self._steps)
        return cost, AL, Y

    def _l2_cost(self, state: dict) -> float:
        """(λ / 2m) Σ ||W^[l]||², with ||W^[1]||² from dual coordinates where they are used."""
        cfg = self.config
        deeper = {
            k: W for k, W in state.items() if (p := parse_key(k)) and p[0] == "W" and p[1] > 1
        }
        cost = l2_penalty(deeper, cfg.l2, self.m)
        if self._first is not None:
            sq = self._first.squared_norm(state)
        else:
            sq = float(np.sum(state["W1"] ** 2))
        return cost + cfg.l2 / (2 * self.m) * sq


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


def _check_xy(X, Y, n_x: int, xname: str, yname: str) -> None:
    """Shapes (n_x, m) and (1, m), with a message naming the array that is wrong."""
    if X.ndim != 2 or X.shape[0] != n_x:
        raise ValueError(f"{xname} must have shape ({n_x}, m), got {X.shape}")
    if Y.shape != (1, X.shape[1]):
        raise ValueError(f"{yname} must have shape (1, {X.shape[1]}), got {Y.shape}")


@dataclass
class TrainResult:
    """What ``train`` returns: the parameters, the cost per iteration and how the run ended."""

    params: Params
    costs: list[float]
    config: TrainConfig
    status: str
    engine: str
    seconds: float
    history: list[Progress] = field(default_factory=list)
    trainer: Trainer | None = field(default=None, repr=False)


_CONFIG_FIELDS = {f.name for f in fields(TrainConfig)}


def train(
    X: np.ndarray,
    Y: np.ndarray,
    layer_dims,
    learning_rate: float = 0.0075,
    num_iterations: int = 2500,
    seed: int = 1,
    **options,
) -> TrainResult:
    """Train the lesson's network; the defaults reproduce the lesson's runs.

    Parameters
    ----------
    X : ndarray of shape (n_0, m)
    Y : ndarray of shape (1, m)
    layer_dims : sequence of int
        n^[0], …, n^[L], e.g. ``[12288, 20, 7, 5, 1]``.
    learning_rate, num_iterations, seed
        As in :class:`TrainConfig`.
    **options
        Any other :class:`TrainConfig` field (``hidden_activation``, ``optimizer``, ``l2``, …),
        and ``X_val``, ``Y_val``, ``callback``, ``every``, ``max_seconds``, ``gram``,
        ``gram_val``.
    """
    cfg_opts = {k: options.pop(k) for k in list(options) if k in _CONFIG_FIELDS}
    config = TrainConfig(tuple(layer_dims), learning_rate, num_iterations, seed, **cfg_opts)
    run_opts = {k: options.pop(k) for k in ("callback", "every", "max_seconds") if k in options}
    trainer = Trainer(X, Y, config, **options)
    status = trainer.run(config.num_iterations, **run_opts)
    return TrainResult(
        trainer.params,
        list(trainer.costs),
        config,
        status,
        trainer.engine,
        trainer.seconds,
        list(trainer.history),
        trainer,
    )
