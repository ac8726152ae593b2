"""A resumable Trainer: pause, continue, callbacks, divergence (``train()``: dnn.training)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from dnn.blas import limit_blas, one_thread
from dnn.config import TrainConfig
from dnn.divergence import Divergence, diagnose
from dnn.engine import Engine, resolve_engine  # noqa: F401 (resolve_engine: re-exported)
from dnn.propagation import Params

SLICE_SECONDS = 0.03  # compute time between two calls of a run's ``pause`` hook
# Every time a Trainer measures (computing seconds, the budget, time slices, Progress.elapsed)
# is read from this function, looked up at each call: tests replace it with a fake clock
# (tests/clocks.py) to make a time cap end at a known iteration, whatever the machine's speed.
clock = time.perf_counter


@dataclass(frozen=True)
class Progress:
    """What a callback sees: the state before update ``iteration``."""

    iteration: int  # i: the cost is that of the forward pass before update i
    cost: float  # J at iteration i
    train_accuracy: float  # on the training set, at iteration i
    test_accuracy: float | None  # on the validation set, if one was given
    elapsed: float  # wall-clock seconds since this run() began, callbacks and pauses included
    iterations_per_second: float  # engine speed in this run(), callbacks and pauses excluded


STATUSES = ("new", "running", "stopped", "finished", "diverged", "timed_out")


@dataclass
class _Epoch:
    """A mini-batch epoch under way: its batches, the next one, and its sums so far."""

    batches: list
    next: int = 0
    cost: float = 0.0  # Σ cost · batch size
    correct: int = 0


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
    parameters and costs as running 500, also when a run is interrupted inside an epoch by an
    exception from its ``pause`` hook (the epoch goes on from the next mini-batch). Parameters
    live in two vectors, the current one and the one before the last full-batch update (the
    start of the epoch with mini-batches); a run whose cost becomes non-finite goes back to the
    latter (see :mod:`dnn.engine`), and :attr:`divergence` says which setting to change.
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
        self._rng = np.random.RandomState(config.seed)  # the initial weights, then the shuffles
        with one_thread():  # W0 X, Xᵀ X rounded alike in every caller (see dnn.blas)
            self._engine = Engine(X, Y, config, self._rng, X_val, Y_val, gram, gram_val)
        self.engine = self._engine.name
        self._epoch: _Epoch | None = None  # a mini-batch epoch interrupted half-way
        self._pause: Callable[[], None] | None = None
        self._mark: float | None = None  # when computing (re)started, while it is going on
        self._slice_end = 0.0
        self._slice = SLICE_SECONDS
        self.iteration = 0
        self.costs: list[float] = []
        self.history: list[Progress] = []  # accuracy checkpoints, for charts
        self.status = "new"
        self.diverged_at: int | None = None
        self.divergence: Divergence | None = None
        self.seconds = 0.0  # time spent computing, over all runs (callbacks and pauses excluded)

    # ----------------------------------------------------------------------- public state
    @property
    def params(self) -> Params:
        """The network's W^[l], b^[l] now, as new arrays (W^[1] built from dual coordinates)."""
        with one_thread():  # W^[1] = a · W0 + P Xᵀ, rounded alike in every caller
            return self._engine.params()

    # ----------------------------------------------------------------------- running
    def run(
        self,
        num_iterations: int,
        callback: Callable[[Progress], bool | None] | None = None,
        every: int = 100,
        max_seconds: float | None = None,
        pause: Callable[[], None] | None = None,
        slice_seconds: float = SLICE_SECONDS,
        blas_threads: int | None = 1,
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
            Budget of computing time (callbacks and pauses excluded): past it the run ends with
            status ``"timed_out"``.
        pause : callable, optional
            Called once ``slice_seconds`` of computing have passed since the last call, at the
            next safe point (before an update, or between its forward and backward passes):
            where a server hands the CPU to others, or interrupts the run by raising (the
            trainer stays consistent, and a later run goes on exactly where this one stopped).
        slice_seconds : float
            Computing time between two calls of ``pause``.
        blas_threads : int or None
            BLAS threads during the run (see :mod:`dnn.blas`); None leaves BLAS as it is.

        Returns
        -------
        str
            ``"finished"``, ``"stopped"``, ``"diverged"`` or ``"timed_out"``.
        """
        if self.status == "diverged":
            raise RuntimeError(f"this run diverged ({self.divergence.message}): start a new one")
        del self.costs[self.iteration :]
        self.status = "running"
        self._pause, self._slice = pause, slice_seconds
        start = clock()
        self._resume()
        try:
            with limit_blas(blas_threads), np.errstate(all="ignore"):
                self.status = self._loop(int(num_iterations), callback, every, max_seconds, start)
        finally:
            self._suspend()
            self._pause = None
            if self.status == "running":  # interrupted by an exception from a callback or pause
                self.status = "stopped"
        return self.status

    def _resume(self) -> None:
        """Computing starts (again): its clock runs, and a new time slice begins."""
        self._mark = now = clock()
        self._slice_end = now + self._slice

    def _suspend(self) -> None:
        """Computing stops for a callback or a pause: add the time it took to ``seconds``."""
        if self._mark is not None:
            self.seconds += clock() - self._mark
            self._mark = None

    def _maybe_pause(self) -> None:
        """Call the pause hook if this time slice is over (its time is not computing time)."""
        if self._pause is not None and clock() >= self._slice_end:
            self._suspend()
            self._pause()
            self._resume()

    def _loop(self, n: int, callback, every: int, max_seconds: float | None, start: float) -> str:
        """The iterations of one run(); returns the status it ends with."""
        first, end, seconds_before = self.iteration, self.iteration + n, self.seconds
        while self.iteration < end:
            i = self.iteration
            report = every > 0 and (i % every == 0 or i == end - 1)
            cost, train_acc = self._step(report)
            if not math.isfinite(cost):
                self._diverge(i)
                return "diverged"
            if report:
                test_acc = self._engine.val_accuracy()
                self._suspend()
                compute = self.seconds - seconds_before
                rate = (self.iteration - first) / compute if compute > 0 else float("inf")
                p = Progress(i, cost, train_acc, test_acc, clock() - start, rate)
                self.history.append(p)
                if callback is not None and callback(p):
                    return "stopped"
                self._resume()
            if max_seconds is not None:
                spent = self.seconds + clock() - self._mark - seconds_before
                if spent > max_seconds:
                    return "timed_out"
        return "finished"

    def _diverge(self, i: int) -> None:
        """Go back to the last parameters whose cost was finite, and say why it diverged."""
        epoch, self._epoch = self._epoch, None
        if epoch is not None and epoch.next > 0:  # after the epoch's first update: its start
            self._engine.swap()
        elif i > 0:  # the cost of the parameters reached by iteration i - 1 was finite
            self._engine.swap()
            self.iteration = i - 1
        self.diverged_at = i
        self.divergence = diagnose(self.config, self.m, self._engine.l2_share, i)

    # ----------------------------------------------------------------------- one iteration
    def _step(self, want_accuracy: bool) -> tuple[float, float]:
        """One update (one epoch of updates with mini-batches); returns (cost, train accuracy)."""
        batch = self.config.batch_size
        if self._epoch is None and (batch is None or batch >= self.m):
            self._maybe_pause()
            cost, correct = self._engine.update(None, True, want_accuracy, self._maybe_pause)
        else:
            if self._epoch is None:
                order = self._rng.permutation(self.m)
                self._epoch = _Epoch([order[k : k + batch] for k in range(0, self.m, batch)])
            epoch = self._epoch
            while epoch.next < len(epoch.batches):
                self._maybe_pause()
                cols = epoch.batches[epoch.next]
                cost, correct = self._engine.update(cols, epoch.next == 0, True, self._maybe_pause)
                if not math.isfinite(cost):
                    return cost, float("nan")
                epoch.cost += cost * len(cols)
                epoch.correct += correct
                epoch.next += 1
            self._epoch = None
            cost, correct = epoch.cost / self.m, epoch.correct
        if math.isfinite(cost):
            self.costs.append(cost)
            self.iteration += 1
        return cost, correct / self.m


def _check_xy(X, Y, n_x: int, xname: str, yname: str) -> None:
    """Shapes (n_x, m) and (1, m), with a message naming the array that is wrong."""
    if X.ndim != 2 or X.shape[0] != n_x:
        raise ValueError(f"{xname} must have shape ({n_x}, m), got {X.shape}")
    if Y.shape != (1, X.shape[1]):
        raise ValueError(f"{yname} must have shape (1, {X.shape[1]}), got {Y.shape}")
