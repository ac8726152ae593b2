"""Hyperparameters of a training run, in one typed dataclass that checks every field."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

from dnn.errors import UserFacingError

ACTIVATIONS = ("relu", "tanh", "leaky_relu", "sigmoid")
INITIALIZATIONS = ("lesson", "he", "xavier", "small")
OPTIMIZERS = ("gd", "momentum", "adam")
ENGINES = ("auto", "textbook", "dual")

MAX_LAYERS = 200  # L, layers with weights
MAX_UNITS = 1_000_000  # n^[l] of any layer, the input included
MAX_PARAMETERS = 50_000_000  # Σ n_l (n_{l-1} + 1): 400 MB per copy of the weights
MAX_COUNT = 10**9  # iterations, batch size


class ConfigError(UserFacingError):
    """A setting that cannot train; ``values["field"]`` names it.

    ``code`` is one of ``config_number``, ``config_positive``, ``config_nonnegative``,
    ``config_fraction``, ``config_integer``, ``config_choice``, ``config_layers``,
    ``config_output``, ``config_too_big``, ``config_dual_adam``.
    """


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides what W and b end up being (the lesson's hyperparameters).

    The defaults reproduce the lesson's 4-layer experiment. Every field is checked when the
    config is made: a bad one raises :class:`ConfigError` (a ``ValueError``) naming it.
    """

    layer_dims: tuple[int, ...] = (12288, 20, 7, 5, 1)  # n^[0], n^[1], …, n^[L]
    learning_rate: float = 0.0075  # α in W := W - α dW
    num_iterations: int = 2500  # updates (epochs when batch_size is set)
    seed: int = 1  # seeds the one RandomState used for init and shuffling
    hidden_activation: str = "relu"  # g^[l] for l < L; the output is always sigmoid
    initialization: str = "lesson"  # lesson: /sqrt(n_{l-1}); he; xavier; small: ×0.01
    l2: float = 0.0  # λ of the L2 penalty (λ / 2m) Σ ||W^[l]||²
    optimizer: str = "gd"  # gd, momentum or adam
    beta1: float = 0.9  # momentum / Adam first-moment decay
    beta2: float = 0.999  # Adam second-moment decay
    epsilon: float = 1e-8  # Adam denominator guard
    batch_size: int | None = None  # None: full batch, as in the lesson
    engine: str = "auto"  # auto, textbook (W1 @ X every step) or dual (Gram matrix)

    def __post_init__(self) -> None:
        """Check and normalize every field (ints stay ints, reals become floats)."""
        put = object.__setattr__  # the dataclass is frozen
        put(self, "layer_dims", _layer_dims(self.layer_dims))
        for name, positive in (("learning_rate", True), ("l2", False), ("epsilon", True)):
            value = _real(name, getattr(self, name))
            if not math.isfinite(value) or value < 0 or (positive and value == 0):
                code = "config_positive" if positive else "config_nonnegative"
                rule = "a finite number > 0" if positive else "a finite number >= 0"
                raise ConfigError(
                    f"{name} must be {rule}, got {value}", code, field=name, value=value
                )
            put(self, name, value)
        for name in ("beta1", "beta2"):
            value = _real(name, getattr(self, name))
            if not 0 <= value < 1:
                msg = f"{name} must be at least 0 and less than 1, got {value}"
                raise ConfigError(msg, "config_fraction", field=name, value=value)
            put(self, name, value)
        put(self, "num_iterations", _integer("num_iterations", self.num_iterations, 0, MAX_COUNT))
        put(self, "seed", _integer("seed", self.seed, 0, 2**32 - 1))
        if self.batch_size is not None:
            put(self, "batch_size", _integer("batch_size", self.batch_size, 1, MAX_COUNT))
        for name, allowed in (
            ("hidden_activation", ACTIVATIONS),
            ("initialization", INITIALIZATIONS),
            ("optimizer", OPTIMIZERS),
            ("engine", ENGINES),
        ):
            value = getattr(self, name)
            if not isinstance(value, str) or value not in allowed:
                msg = f"{name} must be one of {allowed}, got {value!r}"
                choices = ", ".join(allowed)
                raise ConfigError(msg, "config_choice", field=name, value=value, allowed=choices)
        if self.engine == "dual" and self.optimizer == "adam":
            raise ConfigError(
                "the dual engine is exact only for gd and momentum, not adam",
                "config_dual_adam",
                field="engine",
            )

    @property
    def num_layers(self) -> int:
        """L, the number of layers (the input layer is not counted)."""
        return len(self.layer_dims) - 1

    @property
    def num_parameters(self) -> int:
        """Σ_l n_l (n_{l-1} + 1): every W^[l] and b^[l] entry."""
        return parameter_count(self.layer_dims)


def parameter_count(dims) -> int:
    """Σ_l n_l (n_{l-1} + 1) for layer sizes n^[0], …, n^[L]: every W^[l] and b^[l] entry."""
    return sum(dims[l] * (dims[l - 1] + 1) for l in range(1, len(dims)))


def _real(name: str, value) -> float:
    """``value`` as a float, if it is a real number (not a bool, a string or None)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ConfigError(
            f"{name} must be a number, got {value!r}", "config_number", field=name, value=value
        )
    return float(value)


def _integer(name: str, value, low: int, high: int) -> int:
    """``value`` as an int in [low, high] (a float is accepted if it is a whole number)."""
    ok = not isinstance(value, bool) and isinstance(value, numbers.Real)
    if ok and not isinstance(value, numbers.Integral):
        ok = math.isfinite(value) and float(value).is_integer()
    if not ok or not low <= value <= high:
        msg = f"{name} must be a whole number from {low} to {high}, got {value!r}"
        raise ConfigError(msg, "config_integer", field=name, value=value, low=low, high=high)
    return int(value)


def _layer_dims(value) -> tuple[int, ...]:
    """n^[0], …, n^[L] as ints, at least 2 of them, each in [1, MAX_UNITS], ending in 1."""
    try:
        dims = tuple(_integer("layer_dims", n, 1, MAX_UNITS) for n in value)
    except (ConfigError, TypeError) as exc:
        raise _layers_error(value) from exc
    if not 2 <= len(dims) <= MAX_LAYERS + 1:
        raise _layers_error(value)
    if dims[-1] != 1:
        raise ConfigError(
            f"layer_dims: the output layer must have 1 unit (a sigmoid for P(cat)), got {dims[-1]}",
            "config_output",
            field="layer_dims",
            value=dims[-1],
        )
    n = parameter_count(dims)
    if n > MAX_PARAMETERS:
        raise ConfigError(
            f"layer_dims {dims} make {n:,} parameters; at most {MAX_PARAMETERS:,} are allowed",
            "config_too_big",
            field="layer_dims",
            n=n,
            max=MAX_PARAMETERS,
        )
    return dims


def _layers_error(value) -> ConfigError:
    return ConfigError(
        f"layer_dims needs 2 to {MAX_LAYERS + 1} sizes, each a whole number from 1 to "
        f"{MAX_UNITS:,}; got {value!r}",
        "config_layers",
        field="layer_dims",
        value=value,
        max_layers=MAX_LAYERS + 1,
        max_units=MAX_UNITS,
    )
