"""TrainConfig's defaults are the lesson's run, written out here from shared/LESSON.md.

"The two experiments (learning rate 0.0075, 2,500 iterations, full batch, seed 1)", the 4-layer
network [12288, 20, 7, 5, 1], ReLU hidden layers and a sigmoid output, initialized with
randn / sqrt(n^[l-1]) from ``np.random.RandomState(1)``, plain gradient descent, no L2.
"""

from __future__ import annotations

import dataclasses

from dnn.config import TrainConfig

LESSON = {
    "layer_dims": (12288, 20, 7, 5, 1),
    "learning_rate": 0.0075,
    "num_iterations": 2500,
    "seed": 1,
    "hidden_activation": "relu",
    "initialization": "lesson",
    "l2": 0.0,
    "optimizer": "gd",
    "batch_size": None,
    # not the lesson's (it uses none of them), the usual values of their kind
    "beta1": 0.9,
    "beta2": 0.999,
    "epsilon": 1e-8,
    "engine": "auto",
}


def test_every_default_is_the_lessons():
    defaults = dataclasses.asdict(TrainConfig())
    assert set(defaults) == set(LESSON)  # a new field needs its lesson value here
    assert defaults == LESSON
    assert type(defaults["num_iterations"]) is int and type(defaults["learning_rate"]) is float


def test_the_default_network_has_the_lessons_size():
    cfg = TrainConfig()
    assert cfg.num_layers == 4
    assert cfg.num_parameters == 20 * 12289 + 7 * 21 + 5 * 8 + 1 * 6  # 245,953 weights and biases
