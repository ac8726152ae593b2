"""Why a run diverged: the setting most likely to blame, so the message can name it.

A cost that becomes infinite or NaN means the steps grew instead of shrinking. Three settings
make steps large: the learning rate α (every optimizer), the L2 penalty λ (its own step shrinks
each weight by the factor 1 - αλ/m, which overshoots past zero once αλ/m > 1), and Adam's β1, β2
(a coordinate whose gradient was small for a while and then jumps moves by up to
α (1 - β1) / sqrt(1 - β2), about 3.2 α with the usual β1 = 0.9, β2 = 0.999).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from dnn.config import TrainConfig

ADAM_USUAL = {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}
ADAM_STEP_USUAL = (1 - 0.9) / math.sqrt(1 - 0.999)  # ≈ 3.16: the usual settings' worst step / α


@dataclass(frozen=True)
class Divergence:
    """Where a run diverged and the setting most likely to blame.

    ``cause`` is ``"learning_rate"``, ``"l2"`` or ``"adam"``; ``values`` holds the numbers the
    explanation quotes (an interface shows the text ``"diverged_" + cause`` with them).
    """

    iteration: int
    cause: str
    values: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The explanation in English."""
        v = self.values
        if self.cause == "l2":
            return (
                f"the L2 penalty λ = {v['l2']:g} is too large: its own step scales each weight "
                f"by 1 - αλ/m = {1 - v['decay']:.3g}; use a smaller λ"
            )
        if self.cause == "adam":
            return (
                f"Adam's β1 = {v['beta1']:g}, β2 = {v['beta2']:g} let one step reach "
                f"{v['step']:.3g} × α; use β1 = 0.9, β2 = 0.999, ε = 1e-8 (or a smaller α)"
            )
        return f"the learning rate α = {v['learning_rate']:g} is too large; use a smaller one"


def diagnose(config: TrainConfig, m: int, l2_share: float, iteration: int) -> Divergence:
    """The likely cause of a divergence at ``iteration``.

    Parameters
    ----------
    config : TrainConfig
    m : int
        Training examples (the L2 gradient is λ/m · W).
    l2_share : float
        The L2 penalty's share of the last finite cost (0 without L2).
    iteration : int
        Where the cost stopped being finite.
    """
    decay = config.learning_rate * config.l2 / m
    step = (1 - config.beta1) / math.sqrt(1 - config.beta2)
    values = {
        "learning_rate": config.learning_rate,
        "l2": config.l2,
        "decay": decay,
        "beta1": config.beta1,
        "beta2": config.beta2,
        "epsilon": config.epsilon,
        "step": max(step, 1.0),
    }
    if config.l2 > 0 and (decay > 1 or l2_share >= 0.5):
        return Divergence(iteration, "l2", values)
    if config.optimizer == "adam" and step > 2 * ADAM_STEP_USUAL:
        return Divergence(iteration, "adam", values)
    return Divergence(iteration, "learning_rate", values)
