"""The public kernels' edges that mutation testing found unpinned, against plain NumPy.

Predictions must use the hidden activation they are given, labels are integers, and the L2
term is exactly (λ / 2m) Σ ||W^[l]||² for every λ, 0 included (bench/mutation.py).
"""

from __future__ import annotations

import numpy as np
import pytest

from dnn.propagation import initialize, l2_penalty, predict, predict_proba

HIDDEN = {
    "relu": lambda z: np.maximum(z, 0),
    "tanh": np.tanh,
    "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z),
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
}


def by_hand(params, X, hidden: str) -> np.ndarray:
    """P(cat) with the lesson's formulas written out: g for l < L, sigmoid for layer L."""
    A, L = X, len(params) // 2
    for l in range(1, L + 1):
        Z = params[f"W{l}"] @ A + params[f"b{l}"]
        A = 1 / (1 + np.exp(-Z)) if l == L else HIDDEN[hidden](Z)
    return A


@pytest.fixture
def net():
    rng = np.random.RandomState(3)
    params = initialize((6, 5, 4, 1), rng)
    params["b1"] = rng.randn(5, 1)  # negative pre-activations: the activations differ
    return params, rng.randn(6, 40)


@pytest.mark.parametrize("hidden", sorted(HIDDEN))
def test_predictions_use_the_hidden_activation_given(net, hidden):
    params, X = net
    expected = by_hand(params, X, hidden)
    np.testing.assert_allclose(predict_proba(params, X, hidden), expected, rtol=1e-12, atol=0)
    labels = predict(params, X, hidden)
    assert labels.dtype == np.int64 and labels.shape == (1, 40)
    np.testing.assert_array_equal(labels, (expected > 0.5).astype(np.int64))


def test_the_activations_really_lead_to_other_answers(net):
    params, X = net
    answers = {h: predict(params, X, h).tobytes() for h in HIDDEN}
    assert len(set(answers.values())) > 1  # else the test above could not tell them apart


@pytest.mark.parametrize("lambd", [0.0, 0.7, 1.0, 5.0])
def test_the_l2_penalty_for_every_lambda(net, lambd):
    params, _ = net
    squares = sum(float((params[f"W{l}"] ** 2).sum()) for l in (1, 2, 3))
    assert l2_penalty(params, lambd, 40) == pytest.approx(lambd / 80 * squares, rel=1e-12, abs=0)
    assert (l2_penalty(params, lambd, 40) == 0.0) == (lambd == 0.0)
