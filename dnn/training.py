"""``train()``: a whole run in one call, on a :class:`dnn.trainer.Trainer`."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import numpy as np

from dnn.config import TrainConfig
from dnn.propagation import Params
from dnn.trainer import Progress, Trainer


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
_RUN_OPTIONS = ("callback", "every", "max_seconds", "pause", "slice_seconds", "blas_threads")


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
        ``X_val``, ``Y_val``, ``gram``, ``gram_val`` (see :class:`Trainer`), and ``callback``,
        ``every``, ``max_seconds``, ``pause``, ``slice_seconds``, ``blas_threads`` (see
        :meth:`Trainer.run`; BLAS runs on one thread unless ``blas_threads`` says otherwise).
    """
    cfg_opts = {k: options.pop(k) for k in list(options) if k in _CONFIG_FIELDS}
    config = TrainConfig(tuple(layer_dims), learning_rate, num_iterations, seed, **cfg_opts)
    run_opts = {k: options.pop(k) for k in _RUN_OPTIONS if k in options}
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
