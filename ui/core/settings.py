"""The training page's settings as one value, with the bounds the app allows (no Streamlit here).

A :class:`Settings` is what the training page's widgets describe and what a link stores:
the hidden layer sizes and the hyperparameters. The lesson's 4-layer run is the default; the
bounds below are those of the widgets, of links (``ui.core.url_state``) and of uploaded models.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

import dnn
from dnn.config import ACTIVATIONS, INITIALIZATIONS, OPTIMIZERS
from dnn.images import INPUT_SIZE
from ui.core.validation import SHARES

N_INPUT = INPUT_SIZE  # n^[0]: the pixel values of a 64×64 RGB picture (12,288)
MAX_HIDDEN_LAYERS = 8
MAX_FIRST_UNITS = 256  # n^[1]: W^[1] is (n_1, 12288), the bulk of a model file
MAX_UNITS = 512  # n^[2] … n^[L-1]
MAX_ITERATIONS = 10_000  # one press of Train
MAX_SEED = 2**31 - 1
# a log scale: 1, 2.5, 5, 7.5 × 10^k, so the lesson's 0.0075 is on it
LEARNING_RATES = [round(c * 10.0**k, 10) for k in range(-5, 1) for c in (1, 2.5, 5, 7.5)] + [
    1.0,
    2.5,
    5.0,
    10.0,
]
L2_VALUES = [0.0, 0.01, 0.03, 0.1, 0.3, 0.7, 1.0, 3.0, 10.0]
BATCH_SIZES = [0, 16, 32, 64, 128]  # 0: full batch, as in the lesson
VALIDATION_SHARES = list(SHARES)  # % of the training pictures held out (0: off)
PRESETS = {"lesson4": (20, 7, 5), "lesson2": (7,)}  # hidden layers of the lesson's two runs


@dataclass(frozen=True)
class Settings:
    """Hidden layer sizes and hyperparameters; the defaults are the lesson's 4-layer run."""

    hidden: tuple[int, ...] = PRESETS["lesson4"]  # n^[1], …, n^[L-1]
    learning_rate: float = 0.0075  # α
    iterations: int = 2500  # planned updates (epochs with mini-batches)
    seed: int = 1
    activation: str = "relu"  # hidden layers; the output is a sigmoid
    initialization: str = "lesson"
    l2: float = 0.0  # λ
    optimizer: str = "gd"
    batch_size: int = 0  # 0: full batch
    validation: int = 0  # % of the training pictures held out to choose by (0: off, the lesson)

    @property
    def layer_dims(self) -> tuple[int, ...]:
        """n^[0], n^[1], …, n^[L] (the input is a 12,288-vector, the output one unit)."""
        return (N_INPUT, *self.hidden, 1)

    def config(self) -> dnn.TrainConfig:
        """The engine's configuration for these settings."""
        return dnn.TrainConfig(
            layer_dims=self.layer_dims,
            learning_rate=float(self.learning_rate),
            num_iterations=int(self.iterations),
            seed=int(self.seed),
            hidden_activation=self.activation,
            initialization=self.initialization,
            l2=float(self.l2),
            optimizer=self.optimizer,
            batch_size=int(self.batch_size) or None,
        )

    def preset(self) -> str:
        """``lesson4`` or ``lesson2`` when these are one of the lesson's runs, else ``custom``."""
        for name, hidden in PRESETS.items():
            if self == Settings(hidden=hidden):
                return name
        return "custom"

    def changes(self) -> list[tuple[str, object]]:
        """(field, value) of every hyperparameter that differs from the lesson's runs.

        The hidden layers are left out: a run's label names its architecture on its own.
        """
        lesson = Settings(hidden=self.hidden)
        return [
            (f.name, getattr(self, f.name))
            for f in fields(self)
            if f.name != "hidden" and getattr(self, f.name) != getattr(lesson, f.name)
        ]


LESSON = Settings()


def nearest(value: float, allowed: list[float]) -> float:
    """The allowed value closest to ``value`` (on a log scale when all are positive)."""
    if all(a > 0 for a in allowed) and value > 0:
        return min(allowed, key=lambda a: abs(math.log(a) - math.log(value)))
    return min(allowed, key=lambda a: abs(a - value))


def unit_bound(layer: int) -> int:
    """The most units hidden layer ``layer`` (1-based) may have."""
    return MAX_FIRST_UNITS if layer == 1 else MAX_UNITS


def clamp_hidden(hidden) -> tuple[int, ...]:
    """At most MAX_HIDDEN_LAYERS layers, each of 1 to its bound (see :func:`unit_bound`)."""
    kept = [int(n) for n in hidden][:MAX_HIDDEN_LAYERS] or list(LESSON.hidden)
    return tuple(min(max(n, 1), unit_bound(k + 1)) for k, n in enumerate(kept))


def with_iterations(settings: Settings, iterations: int) -> Settings:
    """The same settings with another planned number of iterations."""
    return replace(settings, iterations=int(iterations))


__all__ = [
    "ACTIVATIONS",
    "BATCH_SIZES",
    "INITIALIZATIONS",
    "L2_VALUES",
    "LEARNING_RATES",
    "LESSON",
    "MAX_FIRST_UNITS",
    "MAX_HIDDEN_LAYERS",
    "MAX_ITERATIONS",
    "MAX_SEED",
    "MAX_UNITS",
    "OPTIMIZERS",
    "PRESETS",
    "VALIDATION_SHARES",
    "Settings",
    "clamp_hidden",
    "nearest",
    "unit_bound",
    "with_iterations",
]
