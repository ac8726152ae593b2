"""Hyperparameters of a training run, in one typed dataclass."""

from __future__ import annotations

from dataclasses import dataclass

ACTIVATIONS = ("relu", "tanh", "leaky_relu", "sigmoid")
INITIALIZATIONS = ("lesson", "he", "xavier", "small")
OPTIMIZERS = ("gd", "momentum", "adam")
ENGINES = ("auto", "textbook", "dual")


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides what W and b end up being (the lesson's hyperparameters).

    The defaults reproduce the lesson's 4-layer experiment.
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
        """Reject settings that cannot train, with a message naming the field."""
        dims = tuple(int(n) for n in self.layer_dims)
        object.__setattr__(self, "layer_dims", dims)
        if len(dims) < 2 or min(dims) < 1:
            raise ValueError(f"layer_dims needs at least 2 positive sizes, got {dims}")
        if dims[-1] != 1:
            raise ValueError("the output layer must have 1 unit (a sigmoid for P(cat))")
        if not self.learning_rate > 0:
            raise ValueError(f"learning_rate must be > 0, got {self.learning_rate}")
        if self.num_iterations < 0:
            raise ValueError("num_iterations must be >= 0")
        if self.l2 < 0:
            raise ValueError("l2 must be >= 0")
        if self.batch_size is not None and self.batch_size < 1:
            raise ValueError("batch_size must be >= 1 or None")
        for name, value, allowed in (
            ("hidden_activation", self.hidden_activation, ACTIVATIONS),
            ("initialization", self.initialization, INITIALIZATIONS),
            ("optimizer", self.optimizer, OPTIMIZERS),
            ("engine", self.engine, ENGINES),
        ):
            if value not in allowed:
                raise ValueError(f"{name} must be one of {allowed}, got {value!r}")
        if self.engine == "dual" and self.optimizer == "adam":
            raise ValueError("the dual engine is exact only for gd and momentum, not adam")

    @property
    def num_layers(self) -> int:
        """L, the number of layers (the input layer is not counted)."""
        return len(self.layer_dims) - 1
